-- episodes voted on since the last check
select distinct "episode_id" from "votes" where "updated_at" >= ? and "updated_at" < ?;
-- parameters: ["2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z"]

-- open flags
select * from "moderation_flags" where "status" = ? order by "id";
-- parameters: ["open"]

-- a window's figures
select count(*) as "count", coalesce(sum("rating"), 0) as "sum", count("id") filter(where "rating" in (?, ?)) as "extremes" from "votes" where "episode_id" = ? and "updated_at" >= ? and "updated_at" < ?;
-- parameters: [1,10,1,"2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z"]

-- raising a flag
select "id" from "moderation_flags" where "episode_id" = ? and "kind" = ? and "status" = ? order by "id";
-- parameters: [1,"burst","open"]

insert into "moderation_flags" ("episode_id", "kind", "window_start", "window_end", "raised_at", "checked_at", "reason", "status") values (?, ?, ?, ?, ?, ?, ?, ?) returning "id";
-- parameters: [1,"burst","2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z","r","open"]

select "id" from "moderation_flags" where "episode_id" = ? and "kind" = ? and "status" = ? order by "id";
-- parameters: [1,"burst","open"]

delete from "moderation_flags" where "id" = ?;
-- parameters: [0]

-- a page of flags
select * from "moderation_flags" order by case when "status" = ? then 0 else 1 end, "id" desc limit ? offset ?;
-- parameters: ["open",50,0]

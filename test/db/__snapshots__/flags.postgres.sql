-- episodes voted on since the last check
select distinct "episode_id" from "votes" where "updated_at" >= $1 and "updated_at" < $2;
-- parameters: ["2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z"]

-- open flags
select * from "moderation_flags" where "status" = $1 order by "id";
-- parameters: ["open"]

-- a window's figures
select count(*) as "count", coalesce(sum("rating"), 0) as "sum", count("id") filter(where "rating" in ($1, $2)) as "extremes" from "votes" where "episode_id" = $3 and "updated_at" >= $4 and "updated_at" < $5;
-- parameters: [1,10,1,"2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z"]

-- raising a flag
select "id" from "moderation_flags" where "episode_id" = $1 and "kind" = $2 and "status" = $3 order by "id";
-- parameters: [1,"burst","open"]

insert into "moderation_flags" ("episode_id", "kind", "window_start", "window_end", "raised_at", "checked_at", "reason", "status") values ($1, $2, $3, $4, $5, $6, $7, $8) returning "id";
-- parameters: [1,"burst","2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z","r","open"]

select "id" from "moderation_flags" where "episode_id" = $1 and "kind" = $2 and "status" = $3 order by "id";
-- parameters: [1,"burst","open"]

delete from "moderation_flags" where "id" = $1;
-- parameters: [0]

-- a page of flags
select * from "moderation_flags" order by case when "status" = $1 then 0 else 1 end, "id" desc limit $2 offset $3;
-- parameters: ["open",50,0]

-- a first rating, under the per-network rule
savepoint epirank_work;
-- parameters: []

select "rating" from "votes" where "episode_id" = ? and "voter_id" = ?;
-- parameters: [1,"a:x"]

select "rating" from "held_ratings" where "episode_id" = ? and "voter_id" = ?;
-- parameters: [1,"a:x"]

select "episode_id", sum(case when network_order between ? and ? then 1 else 0 end) as "level0" from "votes" where "episode_id" in (?) and "network_order" >= ? and "network_order" <= ? and "cast_at" >= ? group by "episode_id";
-- parameters: ["4c0000201","4c0000201",1,"4c0000201","4c0000201","2026-10-21T12:00:00.000Z"]

insert into "votes" ("episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "network_order", "cast_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning "episode_id";
-- parameters: [1,"a:x","anonymous",9,"192.0.2.1","192.0.2.1","4c0000201","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z"]

insert into "episode_tallies" ("episode_id", "vote_count", "vote_sum", "vote_sum_sq", "rated_9") values (?, ?, ?, ?, ?) on conflict ("episode_id") do update set "vote_count" = "episode_tallies"."vote_count" + ?, "vote_sum" = "episode_tallies"."vote_sum" + ?, "vote_sum_sq" = "episode_tallies"."vote_sum_sq" + ?, "rated_9" = "episode_tallies"."rated_9" + ?;
-- parameters: [1,1,9,81,1,1,9,81,1]

release epirank_work;
-- parameters: []

-- a first rating, no per-network rule
savepoint epirank_work;
-- parameters: []

select "rating" from "votes" where "episode_id" = ? and "voter_id" = ?;
-- parameters: [1,"a:x"]

select "rating" from "held_ratings" where "episode_id" = ? and "voter_id" = ?;
-- parameters: [1,"a:x"]

insert into "votes" ("episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "network_order", "cast_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning "episode_id";
-- parameters: [1,"a:x","anonymous",9,"192.0.2.1","192.0.2.1","4c0000201","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z"]

insert into "episode_tallies" ("episode_id", "vote_count", "vote_sum", "vote_sum_sq", "rated_9") values (?, ?, ?, ?, ?) on conflict ("episode_id") do update set "vote_count" = "episode_tallies"."vote_count" + ?, "vote_sum" = "episode_tallies"."vote_sum" + ?, "vote_sum_sq" = "episode_tallies"."vote_sum_sq" + ?, "rated_9" = "episode_tallies"."rated_9" + ?;
-- parameters: [1,1,9,81,1,1,9,81,1]

release epirank_work;
-- parameters: []

-- a withdrawal
savepoint epirank_work;
-- parameters: []

select "rating" from "votes" where "episode_id" = ? and "voter_id" = ?;
-- parameters: [1,"a:x"]

select "rating" from "held_ratings" where "episode_id" = ? and "voter_id" = ?;
-- parameters: [1,"a:x"]

release epirank_work;
-- parameters: []

-- a visitor signing in
savepoint epirank_work;
-- parameters: []

select "episode_id", "updated_at" from "votes" where "voter_id" = ?;
-- parameters: ["a:x"]

select "episode_id", "updated_at" from "held_ratings" where "voter_id" = ?;
-- parameters: ["a:x"]

release epirank_work;
-- parameters: []

-- a voter's ratings of a page
select "episode_id", "rating" from "votes" where "voter_id" = ? and "episode_id" in (?, ?, ?) union all select "episode_id", "rating" from "held_ratings" where "voter_id" = ? and "episode_id" in (?, ?, ?);
-- parameters: ["a:x",1,2,3,"a:x",1,2,3]

-- an episode's held count
select count(*) as "held" from "held_ratings" where "episode_id" = ?;
-- parameters: [1]

-- a first rating, under the per-network rule
select (select "rating" from "votes" where "episode_id" = $1 and "voter_id" = $2) as "counted", (select "rating" from "held_ratings" where "episode_id" = $3 and "voter_id" = $4) as "held";
-- parameters: [1,"a:x",1,"a:x"]

select "rating" from "votes" where "episode_id" = $1 and "voter_id" = $2 for update;
-- parameters: [1,"a:x"]

select "rating" from "held_ratings" where "episode_id" = $1 and "voter_id" = $2 for update;
-- parameters: [1,"a:x"]

select "episode_id" from "episode_tallies" where "episode_id" in ($1) order by "episode_id" for update;
-- parameters: [1]

insert into "episode_tallies" ("episode_id") values ($1) on conflict ("episode_id") do nothing;
-- parameters: [1]

select "episode_id" from "episode_tallies" where "episode_id" in ($1) order by "episode_id" for update;
-- parameters: [1]

select "episode_id", sum(case when network_order between $1 and $2 then 1 else 0 end) as "level0" from "votes" where "episode_id" in ($3) and "network_order" >= $4 and "network_order" <= $5 and "cast_at" >= $6 group by "episode_id";
-- parameters: ["4c0000201","4c0000201",1,"4c0000201","4c0000201","2026-10-21T12:00:00.000Z"]

with "written_vote" as (insert into "votes" ("episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "network_order", "cast_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning "episode_id") insert into "episode_tallies" ("episode_id", "vote_count", "vote_sum", "vote_sum_sq", "rated_9") select "episode_id", cast($10 as integer) as "vote_count", cast($11 as integer) as "vote_sum", cast($12 as integer) as "vote_sum_sq", cast($13 as integer) as "rated_9" from "written_vote" on conflict ("episode_id") do update set "vote_count" = "episode_tallies"."vote_count" + $14, "vote_sum" = "episode_tallies"."vote_sum" + $15, "vote_sum_sq" = "episode_tallies"."vote_sum_sq" + $16, "rated_9" = "episode_tallies"."rated_9" + $17 returning "episode_id";
-- parameters: [1,"a:x","anonymous",9,"192.0.2.1","192.0.2.1","4c0000201","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z",1,9,81,1,1,9,81,1]

-- a first rating, no per-network rule
select (select "rating" from "votes" where "episode_id" = $1 and "voter_id" = $2) as "counted", (select "rating" from "held_ratings" where "episode_id" = $3 and "voter_id" = $4) as "held";
-- parameters: [1,"a:x",1,"a:x"]

with "written_vote" as (insert into "votes" ("episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "network_order", "cast_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict ("episode_id", "voter_id") do nothing returning "episode_id") insert into "episode_tallies" ("episode_id", "vote_count", "vote_sum", "vote_sum_sq", "rated_9") select "episode_id", cast($10 as integer) as "vote_count", cast($11 as integer) as "vote_sum", cast($12 as integer) as "vote_sum_sq", cast($13 as integer) as "rated_9" from "written_vote" on conflict ("episode_id") do update set "vote_count" = "episode_tallies"."vote_count" + $14, "vote_sum" = "episode_tallies"."vote_sum" + $15, "vote_sum_sq" = "episode_tallies"."vote_sum_sq" + $16, "rated_9" = "episode_tallies"."rated_9" + $17 returning "episode_id";
-- parameters: [1,"a:x","anonymous",9,"192.0.2.1","192.0.2.1","4c0000201","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z",1,9,81,1,1,9,81,1]

-- a withdrawal
select "rating" from "votes" where "episode_id" = $1 and "voter_id" = $2 for update;
-- parameters: [1,"a:x"]

select "rating" from "held_ratings" where "episode_id" = $1 and "voter_id" = $2 for update;
-- parameters: [1,"a:x"]

-- a visitor signing in
select "episode_id", "updated_at" from "votes" where "voter_id" = $1 for update;
-- parameters: ["a:x"]

select "episode_id", "updated_at" from "held_ratings" where "voter_id" = $1 for update;
-- parameters: ["a:x"]

-- a voter's ratings of a page
select "episode_id", "rating" from "votes" where "voter_id" = $1 and "episode_id" in ($2, $3, $4) union all select "episode_id", "rating" from "held_ratings" where "voter_id" = $5 and "episode_id" in ($6, $7, $8);
-- parameters: ["a:x",1,2,3,"a:x",1,2,3]

-- an episode's held count
select count(*) as "held" from "held_ratings" where "episode_id" = $1;
-- parameters: [1]

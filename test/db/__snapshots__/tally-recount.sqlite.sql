-- recounting episodes in a transaction
select "episode_id", count(*) as "count", sum("rating") as "sum", sum("rating" * "rating") as "sum_sq", sum(case when "rating" = ? then 1 else 0 end) as "rated_1", sum(case when "rating" = ? then 1 else 0 end) as "rated_2", sum(case when "rating" = ? then 1 else 0 end) as "rated_3", sum(case when "rating" = ? then 1 else 0 end) as "rated_4", sum(case when "rating" = ? then 1 else 0 end) as "rated_5", sum(case when "rating" = ? then 1 else 0 end) as "rated_6", sum(case when "rating" = ? then 1 else 0 end) as "rated_7", sum(case when "rating" = ? then 1 else 0 end) as "rated_8", sum(case when "rating" = ? then 1 else 0 end) as "rated_9", sum(case when "rating" = ? then 1 else 0 end) as "rated_10" from "votes" where "episode_id" = ? group by "episode_id" order by "episode_id";
-- parameters: [1,2,3,4,5,6,7,8,9,10,1]

insert into "episode_tallies" ("episode_id", "vote_count", "vote_sum", "vote_sum_sq", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5", "rated_6", "rated_7", "rated_8", "rated_9", "rated_10") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("episode_id") do update set "vote_count" = ?, "vote_sum" = ?, "vote_sum_sq" = ?, "rated_1" = ?, "rated_2" = ?, "rated_3" = ?, "rated_4" = ?, "rated_5" = ?, "rated_6" = ?, "rated_7" = ?, "rated_8" = ?, "rated_9" = ?, "rated_10" = ?;
-- parameters: [1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]

select "episode_id", count(*) as "count", sum("rating") as "sum", sum("rating" * "rating") as "sum_sq", sum(case when "rating" = ? then 1 else 0 end) as "rated_1", sum(case when "rating" = ? then 1 else 0 end) as "rated_2", sum(case when "rating" = ? then 1 else 0 end) as "rated_3", sum(case when "rating" = ? then 1 else 0 end) as "rated_4", sum(case when "rating" = ? then 1 else 0 end) as "rated_5", sum(case when "rating" = ? then 1 else 0 end) as "rated_6", sum(case when "rating" = ? then 1 else 0 end) as "rated_7", sum(case when "rating" = ? then 1 else 0 end) as "rated_8", sum(case when "rating" = ? then 1 else 0 end) as "rated_9", sum(case when "rating" = ? then 1 else 0 end) as "rated_10" from "votes" where "episode_id" = ? group by "episode_id" order by "episode_id";
-- parameters: [1,2,3,4,5,6,7,8,9,10,2]

insert into "episode_tallies" ("episode_id", "vote_count", "vote_sum", "vote_sum_sq", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5", "rated_6", "rated_7", "rated_8", "rated_9", "rated_10") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("episode_id") do update set "vote_count" = ?, "vote_sum" = ?, "vote_sum_sq" = ?, "rated_1" = ?, "rated_2" = ?, "rated_3" = ?, "rated_4" = ?, "rated_5" = ?, "rated_6" = ?, "rated_7" = ?, "rated_8" = ?, "rated_9" = ?, "rated_10" = ?;
-- parameters: [2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]

-- every episode recounted
select "episode_id", count(*) as "count", sum("rating") as "sum", sum("rating" * "rating") as "sum_sq", sum(case when "rating" = ? then 1 else 0 end) as "rated_1", sum(case when "rating" = ? then 1 else 0 end) as "rated_2", sum(case when "rating" = ? then 1 else 0 end) as "rated_3", sum(case when "rating" = ? then 1 else 0 end) as "rated_4", sum(case when "rating" = ? then 1 else 0 end) as "rated_5", sum(case when "rating" = ? then 1 else 0 end) as "rated_6", sum(case when "rating" = ? then 1 else 0 end) as "rated_7", sum(case when "rating" = ? then 1 else 0 end) as "rated_8", sum(case when "rating" = ? then 1 else 0 end) as "rated_9", sum(case when "rating" = ? then 1 else 0 end) as "rated_10" from "votes" group by "episode_id" order by "episode_id";
-- parameters: [1,2,3,4,5,6,7,8,9,10]

-- every stored tally
select * from "episode_tallies" order by "episode_id";
-- parameters: []

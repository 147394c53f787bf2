-- a show's episodes
select "e"."id", "e"."season_id", "e"."number", "e"."title", "e"."air_date", "e"."synopsis", "s"."show_id", "s"."number" as "season_number", "t"."vote_count", "t"."vote_sum", "t"."vote_sum_sq", "t"."baseline_count", "t"."baseline_sum", "t"."rated_1", "t"."rated_2", "t"."rated_3", "t"."rated_4", "t"."rated_5", "t"."rated_6", "t"."rated_7", "t"."rated_8", "t"."rated_9", "t"."rated_10" from "episodes" as "e" inner join "seasons" as "s" on "s"."id" = "e"."season_id" left join "episode_tallies" as "t" on "t"."episode_id" = "e"."id" where "s"."show_id" = ? order by "s"."number", "e"."number";
-- parameters: [1]

-- some episodes (after a vote)
select "e"."id", "e"."season_id", "e"."number", "e"."title", "e"."air_date", "e"."synopsis", "s"."show_id", "s"."number" as "season_number", "t"."vote_count", "t"."vote_sum", "t"."vote_sum_sq", "t"."baseline_count", "t"."baseline_sum", "t"."rated_1", "t"."rated_2", "t"."rated_3", "t"."rated_4", "t"."rated_5", "t"."rated_6", "t"."rated_7", "t"."rated_8", "t"."rated_9", "t"."rated_10" from "episodes" as "e" inner join "seasons" as "s" on "s"."id" = "e"."season_id" left join "episode_tallies" as "t" on "t"."episode_id" = "e"."id" where "e"."id" in (?, ?) order by "s"."number", "e"."number";
-- parameters: [1,2]

-- the show's totals
select sum("t"."vote_count" + "t"."baseline_count") as "count", sum("t"."vote_sum" + "t"."baseline_sum") as "sum" from "episode_tallies" as "t" inner join "episodes" as "e" on "e"."id" = "t"."episode_id" inner join "seasons" as "s" on "s"."id" = "e"."season_id" where "s"."show_id" = ?;
-- parameters: [1]

-- its seasons' totals
select "s"."id" as "season_id", "s"."number" as "season_number", count("e"."id") as "episode_count", count("t"."episode_id") filter(where "t"."vote_count" + "t"."baseline_count" > ?) as "rated_count", coalesce(sum("t"."vote_count" + "t"."baseline_count"), 0) as "count", coalesce(sum("t"."vote_sum" + "t"."baseline_sum"), 0) as "sum" from "seasons" as "s" left join "episodes" as "e" on "e"."season_id" = "s"."id" left join "episode_tallies" as "t" on "t"."episode_id" = "e"."id" where "s"."show_id" = ? group by "s"."id", "s"."number" order by "s"."number";
-- parameters: [0,1]

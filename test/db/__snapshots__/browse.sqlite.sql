-- /shows of a network and a status, A to Z
select "sh".*, "f"."vote_count", "f"."episode_count" from "shows" as "sh" inner join "show_figures" as "f" on "f"."show_id" = "sh"."id" where lower("sh"."network") = lower(?) and lower("sh"."status") = lower(?) order by "sh"."title", "sh"."id" limit ? offset ?;
-- parameters: ["north","ended",50,0]

-- how many shows a network has
select count(*) as "n" from "shows" as "sh" inner join "show_figures" as "f" on "f"."show_id" = "sh"."id" where lower("sh"."network") = lower(?);
-- parameters: ["north"]

-- /top of a network, best first
select "t"."episode_id", "sh"."slug" as "show_slug", "sh"."title" as "show_title", "se"."number" as "season_number", "e"."number" as "episode_number", "t"."network", "e"."title" as "episode_title", "e"."air_date", "t"."vote_count", "t"."vote_sum", "t"."show_vote_count", "t"."show_vote_sum", "t"."divisiveness" from "episodes" as "e" inner join "seasons" as "se" on "se"."id" = "e"."season_id" inner join "shows" as "sh" on "sh"."id" = "se"."show_id" inner join "top_episodes" as "t" on "t"."episode_id" = "e"."id" where lower("t"."network") = lower(?) order by "t"."score" desc, "t"."vote_count" desc, "t"."average" desc, "t"."episode_id" limit ? offset ?;
-- parameters: ["tv tokyo",51,0]

-- the networks a picker offers

      with recursive found(folded, n) as (
        select (select lower("network") from "shows" where lower("network") is not null order by lower("network") limit 1), 1
        union all
        select (select lower("network") from "shows" where lower("network") > found.folded order by lower("network") limit 1), n + 1
          from found where found.folded is not null and n <= ?
      )
      select (select "network" from "shows" where lower("network") = found.folded limit 1) as value
        from found where found.folded is not null;
-- parameters: [200]

-- the years a picker offers

      with recursive found(value, n) as (
        select (select "air_year" from "top_episodes" where "air_year" is not null order by "air_year" desc limit 1), 1
        union all
        select (select "air_year" from "top_episodes" where "air_year" < found.value order by "air_year" desc limit 1), n + 1
          from found where found.value is not null and n <= ?
      )
      select value from found where value is not null;
-- parameters: [200]

-- a page of search results described
select "s"."id", "s"."slug", "s"."title", "s"."network", "f"."vote_count", "f"."vote_sum" from "shows" as "s" left join "show_figures" as "f" on "f"."show_id" = "s"."id" where "s"."id" in (?);
-- parameters: [1]

select "e"."id", "e"."title", "sh"."network", "t"."vote_count", "t"."vote_sum", "t"."baseline_count", "t"."baseline_sum", "sh"."slug" as "show_slug", "sh"."title" as "show_title", "se"."number" as "season_number", "e"."number" as "episode_number", "f"."vote_count" as "show_vote_count", "f"."vote_sum" as "show_vote_sum" from "episodes" as "e" inner join "seasons" as "se" on "se"."id" = "e"."season_id" inner join "shows" as "sh" on "sh"."id" = "se"."show_id" left join "episode_tallies" as "t" on "t"."episode_id" = "e"."id" left join "show_figures" as "f" on "f"."show_id" = "sh"."id" where "e"."id" in (?);
-- parameters: [2]

select "show_id" as "owner", "language", "title", "original" from "show_titles" where "show_id" in (?) order by "show_id", "position";
-- parameters: [1]

select "episode_id" as "owner", "language", "title", "original" from "episode_titles" where "episode_id" in (?) order by "episode_id", "position";
-- parameters: [2]

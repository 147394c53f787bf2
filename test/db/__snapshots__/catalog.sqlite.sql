-- a show by its slug
select * from "shows" where "slug" = ?;
-- parameters: ["kaleido-star"]

-- an episode by its address (every vote)
select "e"."id" as "episode_id", "s"."id" as "season_id", "sh"."id" as "show_id" from "episodes" as "e" inner join "seasons" as "s" on "s"."id" = "e"."season_id" inner join "shows" as "sh" on "sh"."id" = "s"."show_id" where "sh"."slug" = ? and "s"."number" = ? and "e"."number" = ?;
-- parameters: ["kaleido-star",1,7]

-- a page's episode details
select "episode_id", "name" from "episode_directors" where "episode_id" in (?, ?) order by "episode_id", "position";
-- parameters: [1,2]

select "episode_id", "provider", "url", "countries" from "episode_watch_links" where "episode_id" in (?, ?) order by "episode_id", "position";
-- parameters: [1,2]

-- the admin show list
select "id", "slug", "title" from "shows" order by "title", "id" limit ? offset ?;
-- parameters: [50,0]

-- the admin episode list
select "id", "number", "title" from "episodes" where "season_id" = ? order by "number" limit ? offset ?;
-- parameters: [1,50,0]

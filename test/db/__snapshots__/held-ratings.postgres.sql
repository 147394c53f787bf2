-- a page of held ratings
select * from "held_ratings" where "episode_id" in (select "e"."id" from "episodes" as "e" inner join "seasons" as "s" on "s"."id" = "e"."season_id" where "s"."show_id" = $1) and "network" in ($2) order by "id" desc limit $3;
-- parameters: [1,"192.0.2.1",51]

-- the held ratings a bulk action matches
select * from "held_ratings" where "episode_id" = $1 and "id" > $2 order by "id" limit $3;
-- parameters: [1,0,200]

-- releasing held ratings into the tally
delete from "votes" where ("episode_id" = $1 and "voter_id" = $2);
-- parameters: [1,"a:x"]

insert into "votes" ("episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "network_order", "cast_at", "updated_at", "given_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
-- parameters: [1,"a:x","anonymous",9,"192.0.2.1","192.0.2.1","4c0000201","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z",null]

delete from "held_ratings" where "id" in ($1);
-- parameters: [7]

-- the header's count of held ratings, up to its cap
select count(*) as "n" from (select "id" from "held_ratings" limit $1) as "h";
-- parameters: [1000]

-- counted ratings a bulk action matches
select "id", "episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "cast_at", "updated_at", "given_at" from "votes" where "id" > ? and "episode_id" in (select "e"."id" from "episodes" as "e" inner join "seasons" as "s" on "s"."id" = "e"."season_id" where "s"."show_id" = ?) and "network" = ? and "updated_at" >= ? and "updated_at" < ? order by "id" limit ?;
-- parameters: [0,1,"192.0.2.1","2026-11-20T11:00:00.000Z","2026-11-20T12:00:00.000Z",200]

-- deleting them
delete from "votes" where "id" in (?, ?);
-- parameters: [7,8]

-- holding them
insert into "held_ratings" ("episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "reason", "held_at", "updated_at", "given_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("episode_id", "voter_id") do update set "voter_kind" = "excluded"."voter_kind", "rating" = "excluded"."rating", "ip" = "excluded"."ip", "network" = "excluded"."network", "reason" = "excluded"."reason", "held_at" = "excluded"."held_at", "updated_at" = "excluded"."updated_at", "given_at" = "excluded"."given_at" where "excluded"."updated_at" >= "held_ratings"."updated_at";
-- parameters: [1,"a:x","anonymous",9,"192.0.2.1","192.0.2.1","moderator","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z",null]

delete from "votes" where "id" in (?);
-- parameters: [7]

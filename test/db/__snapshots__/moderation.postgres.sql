-- an episode's votes by arrival
select "id", "episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "updated_at", "given_at", "imported_at" from "votes" where "episode_id" = $1 and "imported_at" is null order by "updated_at" desc, "id" desc limit $2;
-- parameters: [1,51]

select "id", "episode_id", "voter_id", "voter_kind", "rating", "ip", "network", "updated_at", "given_at", "imported_at" from "votes" where "episode_id" = $1 and "imported_at" is not null order by "imported_at" desc, "id" desc limit $2;
-- parameters: [1,51]

-- its votes per hour
select substr(updated_at, 1, 13) as "hour", count(*) as "votes" from "votes" where "episode_id" = $1 and "updated_at" >= $2 group by substr(updated_at, 1, 13) order by substr(updated_at, 1, 13);
-- parameters: [1,"2026-11-20T11:00:00.000Z"]

-- a page of blocks
select * from "vote_blocks" order by "id" desc limit $1;
-- parameters: [51]

-- removing a voter
select "episode_id", "rating" from "votes" where "voter_id" = $1;
-- parameters: ["a:x"]

delete from "votes" where "voter_id" = $1;
-- parameters: ["a:x"]

-- signing in
select * from "users" where "email" = $1;
-- parameters: ["fan@example.org"]

-- a new session
insert into "sessions" ("id", "user_id", "created_at", "expires_at", "pending_voter_id") values ($1, $2, $3, $4, $5);
-- parameters: ["hash",1,"2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z",null]

-- who a session belongs to
select "u"."id", "u"."email", "u"."display_name", "u"."role" from "users" as "u" inner join "sessions" as "s" on "s"."user_id" = "u"."id" where "s"."id" = $1 and "s"."expires_at" > $2;
-- parameters: ["hash","2026-11-20T12:00:00.000Z"]

-- an audit record
insert into "audit_log" ("actor_user_id", "actor_email", "action", "subject", "before_json", "after_json", "created_at") values ($1, $2, $3, $4, $5, $6, $7);
-- parameters: [1,"a@example.org","show.update","show 1","{\"a\":1}","{\"a\":2}","2026-11-20T12:00:00.000Z"]

-- a page of the audit log
select * from "audit_log" order by "id" desc limit $1;
-- parameters: [51]

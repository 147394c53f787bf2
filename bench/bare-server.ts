/**
 * The baseline the benchmark compares Epirank against: bare Fastify, no plugins but form parsing,
 * doing only (a) the same vote write Epirank does — read the voter's rating, insert or update it,
 * adjust the episode's tally, in one transaction, with prepared better-sqlite3 statements — and
 * (b) sending fixed content as large as the season page: /page sends the season page's own
 * bytes, /page-ascii the letter x repeated to the same length.
 * Usage: node --import tsx bench/bare-server.ts <sqlite file> <file with the page> <port>
 */
import { readFileSync } from 'node:fs';
import formbody from '@fastify/formbody';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const [file, pageFile, port] = process.argv.slice(2);
const db = new Database(file!);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');

const readVote = db.prepare('select rating from votes where episode_id = ? and voter_id = ?');
const insertVote = db.prepare(`insert into votes (episode_id, voter_id, voter_kind, rating, ip, cast_at, updated_at) values (?, ?, 'anonymous', ?, ?, ?, ?)`);
const updateVote = db.prepare('update votes set rating = ?, ip = ?, updated_at = ? where episode_id = ? and voter_id = ?');
const histogram = (rating: number) => `rated_${rating}`;
const insertTally = new Map<number, Database.Statement>();
const moveTally = new Map<string, Database.Statement>();
for (let r = 1; r <= 10; r++) {
  insertTally.set(
    r,
    db.prepare(
      `insert into episode_tallies (episode_id, vote_count, vote_sum, vote_sum_sq, ${histogram(r)}) values (?, 1, ?, ?, 1)
       on conflict (episode_id) do update set vote_count = vote_count + 1, vote_sum = vote_sum + excluded.vote_sum,
       vote_sum_sq = vote_sum_sq + excluded.vote_sum_sq, ${histogram(r)} = ${histogram(r)} + 1`,
    ),
  );
  for (let p = 1; p <= 10; p++) {
    if (p === r) continue;
    moveTally.set(
      `${p}-${r}`,
      db.prepare(
        `update episode_tallies set vote_sum = vote_sum + ?, vote_sum_sq = vote_sum_sq + ?,
         ${histogram(p)} = ${histogram(p)} - 1, ${histogram(r)} = ${histogram(r)} + 1 where episode_id = ?`,
      ),
    );
  }
}

const vote = db.transaction((episodeId: number, voterId: string, rating: number, ip: string) => {
  const now = new Date().toISOString();
  const previous = (readVote.get(episodeId, voterId) as { rating: number } | undefined)?.rating;
  if (previous === undefined) {
    insertVote.run(episodeId, voterId, rating, ip, now, now);
    insertTally.get(rating)!.run(episodeId, rating, rating * rating);
  } else if (previous !== rating) {
    updateVote.run(rating, ip, now, episodeId, voterId);
    moveTally.get(`${previous}-${rating}`)!.run(rating - previous, rating * rating - previous * previous, episodeId);
  }
});

const page = readFileSync(pageFile!);
const ascii = 'x'.repeat(page.length);
const app = Fastify({ logger: false });
await app.register(formbody);
app.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
app.get('/page-ascii', async (_request, reply) => reply.type('text/html; charset=utf-8').send(ascii));
app.post<{ Body: { episode: string; voter: string; rating: string } }>('/vote', async (request, reply) => {
  vote(Number(request.body.episode), request.body.voter, Number(request.body.rating), request.ip);
  return reply.code(303).header('location', '/page').send();
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('listening');

/**
 * An operator's answer to a data request (issue 24): an admin finds an account by e-mail, downloads
 * everything stored about it, which holds that person's rows and nobody else's, and erases it,
 * after which no table holds a row of theirs and the tallies still match the votes.
 */
import { describe, expect, it } from 'vitest';
import { storeOf } from '../../src/repositories.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const { session, get, post } = browserFor(context);
const db = () => context.database.handle.db;
const NOW = new Date().toISOString();

/** A fan who signs up and rates `ratings` (episode number → rating) through the API, with their own traces in every table. */
async function fan(ratings: Record<number, number>, name: string) {
  const cookie = await session('fan');
  const user = await db().selectFrom('users').select(['id', 'email']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  await db().updateTable('users').set({ display_name: name }).where('id', '=', user.id).execute();
  for (const [episode, rating] of Object.entries(ratings)) {
    const response = await context.app.inject({
      method: 'PUT',
      url: `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`,
      payload: { rating },
      headers: { cookie },
    });
    expect(response.statusCode).toBeLessThan(300);
  }
  const voter = `u:${user.id}`;
  const episode9 = (await db().selectFrom('episodes').select('id').where('number', '=', 9).executeTakeFirstOrThrow()).id;
  await db()
    .insertInto('held_ratings')
    .values({
      episode_id: episode9,
      voter_id: voter,
      voter_kind: 'account',
      rating: 4,
      ip: '198.51.100.3',
      network: '198.51.100.3',
      reason: 'moderator',
      held_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db()
    .insertInto('api_tokens')
    .values({ user_id: user.id, name: `${name}'s script`, token_hash: `${user.id}`.padStart(64, '0'), created_at: NOW, last_used_at: null })
    .execute();
  await db()
    .insertInto('user_identities')
    .values({ issuer: 'https://id.example.org', subject: `${name}-subject`, user_id: user.id, created_at: NOW })
    .execute();
  await db()
    .insertInto('account_tokens')
    .values({ id: `${user.id}`.padStart(64, 'f'), user_id: user.id, purpose: 'verify-email', new_email: null, created_at: NOW, expires_at: NOW, used_at: null })
    .execute();
  await db()
    .insertInto('audit_log')
    .values([
      {
        actor_user_id: user.id,
        actor_email: user.email,
        action: 'ratings.delete-own',
        subject: `voter ${voter} (${user.email})`,
        before_json: '[{"rating":3}]',
        after_json: '[]',
        created_at: NOW,
      },
      {
        actor_user_id: user.id,
        actor_email: user.email,
        action: 'show.update',
        subject: `show ${name}-show`,
        before_json: '{"title":"A"}',
        after_json: '{"title":"B"}',
        created_at: NOW,
      },
    ])
    .execute();
  return { ...user, voter, name, cookie };
}

/** Every row that names an account or its voter id, table by table. */
async function traces(user: { id: number; email: string; voter: string }) {
  const byUser = async (table: 'sessions' | 'api_tokens' | 'user_identities' | 'account_tokens') =>
    (await db().selectFrom(table).select('user_id').where('user_id', '=', user.id).execute()).length;
  const byVoter = async (table: 'votes' | 'held_ratings') => (await db().selectFrom(table).select('id').where('voter_id', '=', user.voter).execute()).length;
  const audit = await db()
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('actor_user_id', '=', user.id), eb('actor_email', '=', user.email), eb('subject', 'like', `%${user.email}%`)]))
    .execute();
  return {
    users: (await db().selectFrom('users').select('id').where('id', '=', user.id).execute()).length,
    sessions: await byUser('sessions'),
    apiTokens: await byUser('api_tokens'),
    identities: await byUser('user_identities'),
    accountTokens: await byUser('account_tokens'),
    votes: await byVoter('votes'),
    held: await byVoter('held_ratings'),
    audit: audit.length,
  };
}

describe('data requests', () => {
  it('are for admins only', async () => {
    for (const url of ['/admin/moderation/people', '/admin/moderation/people/export', '/admin/moderation/people/erase']) {
      expect((await post(url, { email: 'x@example.org' }, await session('editor'))).statusCode).toBe(403);
      expect((await post(url, { email: 'x@example.org' }, await session('fan'))).statusCode).toBe(403);
    }
    expect((await get('/admin/moderation/people', await session('fan'))).statusCode).toBe(403);
  });

  it('export one person’s data, and erase it leaving nothing of them and the tallies right', async () => {
    const ada = await fan({ 1: 9, 2: 3 }, 'Ada');
    const bea = await fan({ 1: 5, 3: 8 }, 'Bea');
    const admin = await session('admin');

    const found = parsePage((await post('/admin/moderation/people', { email: ada.email.toUpperCase() }, admin)).body);
    expect(found('section.person').text()).toContain('2 ratings');
    expect((await post('/admin/moderation/people', { email: 'nobody@example.org' }, admin)).statusCode).toBe(400);

    const download = await post('/admin/moderation/people/export', { email: ada.email }, admin);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(download.body);
    expect(data.account).toMatchObject({ id: ada.id, email: ada.email, displayName: 'Ada', role: 'fan' });
    expect(data.ratings.map((r: { episode: number; rating: number; show: string }) => [r.show, r.episode, r.rating])).toEqual([
      ['Kaleido Star', 1, 9],
      ['Kaleido Star', 2, 3],
    ]);
    expect(data.ratings[0].title).toBeTruthy();
    expect(data.heldRatings).toMatchObject([{ episode: 9, rating: 4, reason: 'moderator' }]);
    expect(data.apiTokens).toEqual([{ name: "Ada's script", createdAt: NOW, lastUsedAt: null }]);
    expect(data.identities).toEqual([{ issuer: 'https://id.example.org', subject: 'Ada-subject', createdAt: NOW }]);
    expect(data.mailedLinks).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.auditEntries.map((a: { action: string }) => a.action)).toEqual(['ratings.delete-own', 'show.update']);
    // Nobody else's rows, and no secrets: no password hash, no token hash.
    expect(download.body).not.toContain(bea.email);
    expect(download.body).not.toContain('Bea');
    expect(download.body).not.toMatch(/password|token_hash|tokenHash|scrypt/i);

    const before = await traces(ada);
    expect(before).toMatchObject({ users: 1, apiTokens: 1, identities: 1, accountTokens: 1, votes: 2, held: 1, audit: 2 });
    const beaBefore = await traces(bea);
    const tally = async (episode: number) =>
      Number(
        (
          await db()
            .selectFrom('episode_tallies as t')
            .innerJoin('episodes as e', 'e.id', 't.episode_id')
            .select('t.vote_count')
            .where('e.number', '=', episode)
            .executeTakeFirstOrThrow()
        ).vote_count,
      );
    const [one, two] = [await tally(1), await tally(2)];

    // The erase asks first and changes nothing until confirmed.
    const confirm = parsePage((await post('/admin/moderation/people/erase', { email: ada.email }, admin)).body);
    expect(confirm('h1').text()).toBe(`Erase ${ada.email}?`);
    expect(await traces(ada)).toEqual(before);

    const erased = await post('/admin/moderation/people/erase', { email: ada.email, confirm: 'delete' }, admin);
    expect(erased.statusCode).toBe(200);
    expect(parsePage(erased.body)('.form-saved').text()).toBe('Erased the account and its 3 ratings.'); // two counted, one held

    expect(await traces(ada)).toEqual({ users: 0, sessions: 0, apiTokens: 0, identities: 0, accountTokens: 0, votes: 0, held: 0, audit: 0 });
    expect(await traces(bea)).toEqual(beaBefore);
    expect([await tally(1), await tally(2)]).toEqual([one - 1, two - 1]);
    expect(await new TallyAudit(storeOf(db())).check()).toEqual([]);
    // Her catalogue change stays, without her; the erase is recorded without what it erased.
    const audit = await db().selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.find((a) => a.subject === 'show Ada-show')).toMatchObject({ actor_user_id: null, actor_email: 'an erased account' });
    const entry = audit.find((a) => a.action === 'account.erase')!;
    expect(entry).toMatchObject({ subject: `account #${ada.id}`, before_json: null });
    expect(JSON.stringify(audit)).not.toContain(ada.email);
    expect(JSON.stringify(audit)).not.toContain('Ada-subject');
    // Her session no longer signs anyone in.
    expect((await get('/account', ada.cookie)).statusCode).toBe(303);
    // A second erase finds nobody.
    expect((await post('/admin/moderation/people/erase', { email: ada.email, confirm: 'delete' }, admin)).statusCode).toBe(400);
  });

  it('export the date the fan gave each imported rating, and none for a rating given here', async () => {
    const cy = await fan({ 1: 7, 2: 6 }, 'Cy');
    // Episode 2's rating came from the fan's Trakt file, given in 2024; held ones keep the date too.
    const episode = async (number: number) => (await db().selectFrom('episodes').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
    await db()
      .updateTable('votes')
      .set({ given_at: '2024-03-05T20:15:00.000Z', imported_at: NOW })
      .where('voter_id', '=', cy.voter)
      .where('episode_id', '=', await episode(2))
      .execute();
    await db().updateTable('held_ratings').set({ given_at: '2024-01-02T08:00:00.000Z' }).where('voter_id', '=', cy.voter).execute();

    const download = await post('/admin/moderation/people/export', { email: cy.email }, await session('admin'));
    expect(download.statusCode).toBe(200);
    const data = JSON.parse(download.body);
    expect(data.ratings.map((r: { episode: number; givenAt: string | null; importedAt: string | null }) => [r.episode, r.givenAt, r.importedAt])).toEqual([
      [1, null, null],
      [2, '2024-03-05T20:15:00.000Z', NOW],
    ]);
    expect(data.heldRatings).toMatchObject([{ episode: 9, givenAt: '2024-01-02T08:00:00.000Z' }]);
  });
});

/**
 * Every writer that changes counted ratings tells the change feed, so /top and each show's stored
 * best episode follow a moderator's removal, a bulk action and a merge of a visitor's ratings (once
 * the fan adds them after signing in) exactly as they follow a vote (issue 23): before the change
 * feed only votes, edits, imports and deletions told the refreshers.
 *
 * Each test builds one show whose episode E1 is on /top and is the show's best only thanks to one
 * rating (10, beside a 6; E2 has 7 and 7), takes that rating away through the writer under test,
 * runs the refreshers (`flush`, never a sleep), and finds E1 off /top (one vote is under
 * TOP_MIN_VOTES 2) or below E2, and E2 the show's best episode.
 */
import { describe, expect, it } from 'vitest';
import { accountVoter } from '../../src/accounts/accounts.service.js';
import type { VoterRef } from '../../src/votes/votes.repository.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';

const context = useTestApp({ config: { topMinVotes: 2, rankPriorVotes: 5, voteLimitPerVoter: 1000, voteLimitPerIp: 1000 } });
const services = () => context.app.services;
const db = () => context.database.handle.db;

const anonymous = (id: string): VoterRef => ({ id: `a:${id}`, kind: 'anonymous' });

/** A show with E1 (a 10 from `decisive`, a 6) and E2 (7, 7), every vote cast through the vote service, refreshers run. */
async function showDecidedBy(decisive: { voter: VoterRef; ip: string }, name: string) {
  const f = factories(db());
  const show = await f.show({ slug: name, title: name });
  const season = await f.season(show.id);
  const [first, second] = [await f.episode(season.id, 1), await f.episode(season.id, 2)];
  const vote = (voter: VoterRef, ip: string, episode: number, rating: number) =>
    services().votes.rate({ voter, ip }, { show: show.slug, season: 1, episode }, rating);
  await vote(decisive.voter, decisive.ip, 1, 10);
  await vote(anonymous(`${name}-1`), '198.51.100.1', 1, 6);
  await vote(anonymous(`${name}-2`), '198.51.100.2', 2, 7);
  await vote(anonymous(`${name}-3`), '198.51.100.3', 2, 7);
  await refresh();
  expect(await listed(show.slug)).toEqual([1, 2]);
  expect(await bestEpisode(show.id)).toBe(first.id);
  return { show, first, second };
}

async function refresh() {
  await services().bestEpisodes.flush();
  await services().topRefresher.flush();
}

/** The show's episodes on /top's best list, by number, in the list's order. */
async function listed(slug: string): Promise<number[]> {
  const page = await services().topEpisodes.list('best', {}, 1);
  return page.entries.filter((e) => e.show.slug === slug).map((e) => e.episodeNumber);
}

async function bestEpisode(showId: number): Promise<number | null> {
  const row = await db().selectFrom('show_figures').select('best_episode_id').where('show_id', '=', showId).executeTakeFirst();
  return row?.best_episode_id ?? null;
}

describe('the refreshers follow every writer of counted ratings', () => {
  it('after a moderator removes a voter’s ratings', async () => {
    const stuffer = anonymous('stuffer');
    const { show, second } = await showDecidedBy({ voter: stuffer, ip: '203.0.113.7' }, 'removal');
    const admin = await factories(db()).admin('removal-admin@example.org');

    expect(await services().moderation.removeVoterRatings(admin, stuffer.id)).toBe(1);
    await refresh();

    expect(await listed(show.slug)).toEqual([2]);
    expect(await bestEpisode(show.id)).toBe(second.id);
  });

  it('after a bulk removal of an address range’s ratings', async () => {
    const { show, second } = await showDecidedBy({ voter: anonymous('ranged'), ip: '203.0.113.9' }, 'bulk');
    const admin = await factories(db()).admin('bulk-admin@example.org');
    const selection = { show: show.slug, address: '203.0.113.0/24' };

    const done = await services().bulkModeration.apply(admin, selection, 'remove', '1');
    expect(done).toMatchObject({ done: true, count: 1 });
    await refresh();

    expect(await listed(show.slug)).toEqual([2]);
    expect(await bestEpisode(show.id)).toBe(second.id);
  });

  it('after a fan adds a visitor’s newer rating over the account’s own at sign-in', async () => {
    const password = 'correct horse battery staple';
    // Sign-up no longer signs in (issue 24): it answers the new account, or null for a taken address.
    const user = (await services().accounts.signUp({ email: 'merge@example.org', displayName: 'Merge', password, ip: '192.0.2.1' }))!;
    const account: VoterRef = { id: accountVoter(user).id, kind: 'account' };
    const { show, second } = await showDecidedBy({ voter: account, ip: '192.0.2.1' }, 'merge');
    // The same person rated E1 again before signing in, lower: the newer rating wins the merge.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const visitor = anonymous('merging-visitor');
    await services().votes.rate({ voter: visitor, ip: '192.0.2.1' }, { show: show.slug, season: 1, episode: 1 }, 6);
    await refresh();
    // E1 now has three votes (10, 6, 6): still listed, still the best.
    expect(await listed(show.slug)).toEqual([1, 2]);

    // Issue 24: nothing moves at sign-in; the fan adds the ratings on the page that lists them.
    const signedIn = await services().accounts.signIn({ email: 'merge@example.org', password, ip: '192.0.2.1' }, visitor);
    expect(signedIn.ratingsToJoin).toBe(true);
    await services().anonymousRatings.join(signedIn.user, signedIn.sessionToken);
    await refresh();

    // The account's 10 gave way to its newer 6: E1 holds 6 and 6, under E2's 7 and 7.
    expect(await listed(show.slug)).toEqual([2, 1]);
    expect(await bestEpisode(show.id)).toBe(second.id);
  });
});

/**
 * One trusted proxy hop (TRUST_PROXY=1): whatever a client writes into X-Forwarded-For, limits,
 * blocks and the recorded address follow the entry the proxy appended, the rightmost one.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';

const PROXY = '10.0.0.2';
const context = useTestApp({ seed: seedDemo, config: { trustProxy: 1, voteLimitPerIp: 2, voteLimitPerVoter: 0 } });

let episode = 0;
/** A vote by a new anonymous voter, arriving through the proxy with this X-Forwarded-For. */
async function voteThroughProxy(forwardedFor: string) {
  const response = await context.app.inject({
    method: 'POST',
    url: `/shows/kaleido-star/seasons/1/episodes/${(episode++ % 26) + 1}/rating`,
    payload: 'rating=7',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': forwardedFor },
    remoteAddress: PROXY,
  });
  const cookie = response.cookies.find((c) => c.name === 'epirank_voter');
  return { status: response.statusCode, voterId: cookie ? `a:${decodeURIComponent(cookie.value).split('.')[0]}` : null };
}

async function recordedAddress(voterId: string | null) {
  const row = await context.database.handle.db.selectFrom('votes').select('ip').where('voter_id', '=', voterId!).executeTakeFirstOrThrow();
  return row.ip;
}

describe('behind one trusted proxy', () => {
  it('limits the address the proxy saw, whatever the client forged to its left', async () => {
    const first = await voteThroughProxy('203.0.113.7');
    expect(first.status).toBe(303);
    expect(await recordedAddress(first.voterId)).toBe('203.0.113.7');
    expect((await voteThroughProxy('1.1.1.1, 203.0.113.7')).status).toBe(303);
    // A third forged entry per request would have made every vote look new before.
    expect((await voteThroughProxy('9.9.9.9, 8.8.8.8, 203.0.113.7')).status).toBe(429);
    expect((await voteThroughProxy('203.0.113.8, 203.0.113.7')).status).toBe(429);
    // Another client of the same proxy has its own budget.
    expect((await voteThroughProxy('203.0.113.7, 203.0.113.8')).status).toBe(303);
  });

  it('records an IPv4-mapped address as IPv4 and counts it with the plain spelling', async () => {
    const mapped = await voteThroughProxy('::ffff:198.51.100.4');
    expect(await recordedAddress(mapped.voterId)).toBe('198.51.100.4');
    expect((await voteThroughProxy('198.51.100.4')).status).toBe(303);
    expect((await voteThroughProxy('::FFFF:c633:6404')).status).toBe(429);
  });

  it('counts IPv6 clients per /64', async () => {
    const first = await voteThroughProxy('2001:DB8:1:2:0:0:0:1');
    expect(await recordedAddress(first.voterId)).toBe('2001:db8:1:2::1');
    expect((await voteThroughProxy('2001:db8:1:2:ffff::9')).status).toBe(303);
    expect((await voteThroughProxy('2001:db8:1:2::abcd')).status).toBe(429);
    expect((await voteThroughProxy('2001:db8:1:3::1')).status).toBe(303);
  });

  it('falls back to the proxy’s address when the forwarded entry is not an IP address', async () => {
    const voterIds: Array<string | null> = [];
    for (const forged of ['<b>x</b>', '192.0.2.1:80']) {
      const vote = await voteThroughProxy(`192.0.2.1, ${forged}`);
      expect(vote.status).toBe(303);
      voterIds.push(vote.voterId);
    }
    for (const voterId of voterIds) expect(await recordedAddress(voterId)).toBe(PROXY);
    // Both counted against the proxy's own address, which has now spent its budget.
    expect((await voteThroughProxy('01.2.3.4')).status).toBe(429);
  });

  it('throttles sign-in by the address the proxy saw', async () => {
    const signIn = (forwardedFor: string) =>
      context.app.inject({
        method: 'POST',
        url: '/account/sign-in',
        payload: new URLSearchParams({ email: 'nobody@example.org', password: 'a wrong guess' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': forwardedFor },
        remoteAddress: PROXY,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(`192.0.2.${i}, 198.51.100.77`)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect((await signIn('198.51.100.78')).statusCode).toBe(400);
  });
});

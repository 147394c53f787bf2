/**
 * Anonymous votes past their network's share or the vote limits, with the proof of work on (issue
 * 24, item 5): instead of being held unasked or refused with 429, the vote is answered with a
 * challenge (403 `/problems/proof-of-work-required`, or a page whose form carries it) and nothing
 * is written; the same vote with the solution is then taken by the usual rules. Signed-in fans are
 * never asked, and votes under the cap are answered as before.
 */
import { describe, expect, it } from 'vitest';
import { tIn } from '../../src/i18n/translate.js';
import { PROOF_FOR_NETWORK_MESSAGE, PROOF_FOR_RATE_MESSAGE } from '../../src/votes/votes.service.js';
import { inEnglish } from '../../src/shared/errors.js';
import { PROOF_MESSAGES } from '../../src/shared/proof-of-work.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { challengeInPage, solvedProof } from '../helpers/proof-of-work.js';

/** What a voter whose rating was held is told, in English. */
const HELD_RATING_MESSAGE = tIn('en', 'ranking.heldRating');

const SEASON = '/shows/kaleido-star/seasons/1';
const apiPath = (episode: number) => `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`;
const formPath = (episode: number) => `${SEASON}/episodes/${episode}/rating`;

const context = useTestApp({
  seed: seedDemo,
  config: { trustProxy: 1, proofOfWorkDifficulty: 1_000, votesPerNetwork: 1, voteLimitPerVoter: 0, voteLimitPerIp: 2 },
});

/** A cookie-less API vote, as a script sends it, from `address`. */
function put(episode: number, address: string, body: Record<string, unknown>, cookie?: string) {
  return context.app.inject({ method: 'PUT', url: apiPath(episode), payload: body, headers: { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) } });
}

function postForm(episode: number, address: string, fields: Record<string, string>, accept?: string) {
  return context.app.inject({
    method: 'POST',
    url: formPath(episode),
    payload: new URLSearchParams({ return: SEASON, ...fields }).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': address,
      ...(accept ? { accept } : {}),
    },
  });
}

async function ratingsOfEpisode(number: number) {
  const db = context.database.handle.db;
  const episode = await db.selectFrom('episodes').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  const counted = await db.selectFrom('votes').select('rating').where('episode_id', '=', episode.id).execute();
  const held = await db.selectFrom('held_ratings').select('rating').where('episode_id', '=', episode.id).execute();
  return { counted: counted.map((r) => r.rating).sort(), held: held.map((r) => r.rating).sort() };
}

describe('a proof of work for anonymous votes past the limits', () => {
  it('takes a vote under the cap as before, then asks the next voter of the network, and holds the vote that brings a solution', async () => {
    const address = '198.51.100.10';
    const first = await put(1, address, { rating: 8 });
    expect(first.statusCode).toBe(200);
    expect(first.json().held).toBe(false);

    const asked = await put(1, address, { rating: 3 });
    expect(asked.statusCode).toBe(403);
    expect(asked.headers['content-type']).toContain('application/problem+json');
    const problem = asked.json();
    expect(problem).toMatchObject({ type: '/problems/proof-of-work-required', status: 403, detail: inEnglish(PROOF_FOR_NETWORK_MESSAGE) });
    expect(problem.challenge.parameters.algorithm).toBe('SHA-256');
    expect(await ratingsOfEpisode(1)).toEqual({ counted: [8], held: [] });

    const proofOfWork = await solvedProof(problem.challenge);
    const taken = await put(1, address, { rating: 3, proofOfWork });
    expect(taken.statusCode).toBe(202);
    expect(taken.json()).toMatchObject({ yourRating: 3, held: true, message: HELD_RATING_MESSAGE });
    expect(await ratingsOfEpisode(1)).toEqual({ counted: [8], held: [3] });

    // The same solution again, from the next voter: asked anew, with the reason.
    const replayed = await put(1, address, { rating: 5, proofOfWork });
    expect(replayed.statusCode).toBe(403);
    expect(replayed.json().detail).toBe(inEnglish(PROOF_MESSAGES.spent));
    expect(await ratingsOfEpisode(1)).toEqual({ counted: [8], held: [3] });
  });

  it('gives a page without the voting script the same vote as a form carrying the challenge', async () => {
    const address = '198.51.100.20';
    expect((await postForm(2, address, { rating: '9' })).statusCode).toBe(303);
    const asked = await postForm(2, address, { rating: '4' });
    expect(asked.statusCode).toBe(403);
    const page = parsePage(asked.body);
    expect(page('.form-error[role=alert]').text()).toBe(inEnglish(PROOF_FOR_NETWORK_MESSAGE));
    expect(page(`form[action="${formPath(2)}"] input[name=rating]`).attr('value')).toBe('4');
    expect(page('form .proof-of-work noscript').text()).toContain('This step needs JavaScript');
    const taken = await postForm(2, address, { rating: '4', proofOfWork: await solvedProof(challengeInPage(asked.body)) });
    expect(taken.statusCode).toBe(303);
    expect(taken.headers.location).toBe(`${SEASON}?held=s1e2#s1e2`);
    expect(await ratingsOfEpisode(2)).toEqual({ counted: [9], held: [4] });

    // The voting script asks for JSON and gets the problem document to solve in place.
    const scripted = await postForm(2, address, { rating: '6' }, 'application/json');
    expect(scripted.statusCode).toBe(403);
    expect(scripted.json().challenge.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('asks a voter past the vote limits instead of answering 429, and counts the vote that brings a solution', async () => {
    const address = '203.0.113.30';
    // VOTE_LIMIT_PER_IP is 2 a minute: two votes on two episodes under the cap, then a third.
    for (const episode of [5, 6]) expect((await put(episode, address, { rating: 7 })).statusCode).toBe(200);
    const asked = await put(7, address, { rating: 7 });
    expect(asked.statusCode).toBe(403);
    expect(asked.json().detail).toBe(inEnglish(PROOF_FOR_RATE_MESSAGE));
    const taken = await put(7, address, { rating: 7, proofOfWork: await solvedProof(asked.json().challenge) });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().held).toBe(false);
    expect(await ratingsOfEpisode(7)).toEqual({ counted: [7], held: [] });
  });

  it('never asks a signed-in fan: the rating is held as before, or refused with 429 past the limits', async () => {
    const address = '198.51.100.40';
    // Made by the service (the sign-up form would ask for a proof of work), signed in through the form.
    await context.app.services.accounts.createAdmin({ email: 'voter@example.org', displayName: 'Voter', password: 'long enough password' });
    const signIn = await context.app.inject({
      method: 'POST',
      url: '/account/sign-in',
      payload: new URLSearchParams({ email: 'voter@example.org', password: 'long enough password' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    const session = `epirank_session=${signIn.cookies.find((c) => c.name === 'epirank_session')!.value}`;
    expect((await put(3, address, { rating: 10 })).statusCode).toBe(200);
    const held = await put(3, address, { rating: 2 }, session);
    expect(held.statusCode).toBe(202);
    expect(held.json().held).toBe(true);
    const limited = await put(4, address, { rating: 2 }, session);
    expect(limited.statusCode).toBe(429);
    expect(await ratingsOfEpisode(3)).toEqual({ counted: [10], held: [2] });
  });

  it('asks a Spanish voter in Spanish, and says in Spanish why a proof was refused', async () => {
    const address = '198.51.100.50';
    const spanish = (body: Record<string, unknown>) =>
      context.app.inject({ method: 'PUT', url: apiPath(8), payload: body, headers: { 'x-forwarded-for': address, 'accept-language': 'es' } });
    expect((await spanish({ rating: 6 })).statusCode).toBe(200);
    const asked = await spanish({ rating: 2 });
    expect(asked.statusCode).toBe(403);
    expect(asked.json()).toMatchObject({
      type: '/problems/proof-of-work-required',
      title: tIn('es', 'errors.proofOfWorkRequiredTitle'),
      detail: tIn('es', 'errors.proofForNetwork'),
    });
    expect(asked.json().detail).toContain('Tu navegador tiene que terminar un cálculo breve');
    const wrong = await spanish({ rating: 2, proofOfWork: Buffer.from('{"challenge":{}}').toString('base64') });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().detail).toBe('La respuesta al cálculo antispam no es correcta. Vuelve a intentarlo.');
    expect(await ratingsOfEpisode(8)).toEqual({ counted: [6], held: [] });
  });
});

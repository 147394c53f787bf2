/** PUBLIC_FLAGGED_SCORES=true: every visitor sees an episode's score without its flagged window. */
import { describe, expect, it } from 'vitest';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { storeOf } from '../../src/repositories.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

// A long page cache, so that a stale copy would still be served when the flag is raised.
const context = useTestApp({ seed: seedDemo, config: { publicFlaggedScores: true, pageCacheSeconds: 600 } });

describe('flagged scores shown to everyone', () => {
  it('shows visitors the line once a flag is open, and only then', async () => {
    const { db } = context.database.handle;
    const episodeUrl = '/shows/kaleido-star/seasons/1/episodes/2';
    expect(parsePage((await context.app.inject({ url: episodeUrl })).body)('.flagged-score')).toHaveLength(0);

    const two = (await db.selectFrom('episodes').select('id').where('number', '=', 2).executeTakeFirstOrThrow()).id;
    const now = new Date().toISOString();
    for (let i = 0; i < 12; i++) await new VoteWrites(storeOf(db)).rate(two, { id: `a:rush-${i}`, kind: 'anonymous' }, 1, '198.51.100.9', now);
    // Cached by this visit: the raised flag must drop it, or visitors would wait out PAGE_CACHE_SECONDS.
    expect(parsePage((await context.app.inject({ url: episodeUrl })).body)('.flagged-score')).toHaveLength(0);
    await context.app.services.stuffingDetector.check();

    const page = parsePage((await context.app.inject({ url: episodeUrl })).body);
    expect(page('.flagged-score').text()).toContain('without the flagged window');
    expect(page('.flagged-score').text()).toContain('12 votes)');
  });
});

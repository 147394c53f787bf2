/**
 * The shape of the scale benchmark's big catalogue, as issue 11 measured it: 100 shows of 10
 * seasons × 100 episodes and 10,000 shows of one 5-episode season (150,000 episodes), with about
 * 4.4 million votes. BENCH_SCALE shrinks the number of shows for a quick run; votes per episode
 * stay the same, so each page holds as many episodes and votes at any scale.
 */

export const BIG_SHOW_SEASONS = 10;
export const BIG_SHOW_SEASON_EPISODES = 100;
export const SMALL_SHOW_EPISODES = 5;
// 100,000 episodes × 40 + 50,000 × 8 = 4.4 million votes at full size.
export const VOTES_PER_BIG_SHOW_EPISODE = 40;
export const VOTES_PER_SMALL_SHOW_EPISODE = 8;
// Distinct anonymous voters the seeded votes come from: about 22 ratings each at full size.
export const VOTER_POOL = 200_000;

export interface Shape {
  /** The BENCH_SCALE it was built for (1 = the size). */
  scale: number;
  bigShows: number;
  smallShows: number;
}

export function shapeFor(scale: number): Shape {
  if (!(scale > 0 && scale <= 1)) throw new Error(`BENCH_SCALE must be above 0 and at most 1, not ${scale}`);
  return { scale, bigShows: Math.max(1, Math.round(100 * scale)), smallShows: Math.max(1, Math.round(10_000 * scale)) };
}

export const episodesOf = (shape: Shape) => shape.bigShows * BIG_SHOW_SEASONS * BIG_SHOW_SEASON_EPISODES + shape.smallShows * SMALL_SHOW_EPISODES;

export const votesOf = (shape: Shape) =>
  shape.bigShows * BIG_SHOW_SEASONS * BIG_SHOW_SEASON_EPISODES * VOTES_PER_BIG_SHOW_EPISODE +
  shape.smallShows * SMALL_SHOW_EPISODES * VOTES_PER_SMALL_SHOW_EPISODE;

export const BIG_SHOW_PREFIX = 'scale-show-';
export const SMALL_SHOW_PREFIX = 'scale-mini-';
export const bigShowSlug = (n: number) => `${BIG_SHOW_PREFIX}${String(n).padStart(3, '0')}`;
export const smallShowSlug = (n: number) => `${SMALL_SHOW_PREFIX}${String(n).padStart(5, '0')}`;

/** The 1000-episode show every big-catalogue route reads and votes on. */
export const MEASURED_SHOW = bigShowSlug(1);

/** A small, fast, deterministic hash (so a rebuild makes the same catalogue and the same votes). */
export function hash(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

// Words for titles, so shows sort in a mixed order rather than by number.
const WORDS = ['Amber', 'Harbour', 'Orbit', 'Lantern', 'Meridian', 'Quiet', 'Velvet', 'Northern', 'Paper', 'Signal', 'Tidal', 'Copper'];
const word = (n: number) => WORDS[n % WORDS.length]!;

function episode(show: number, season: number, number: number) {
  const h = hash(show * 1_000_003 + season * 1009 + number);
  return {
    number,
    title: `${word(h)} ${word(h >>> 8)} ${number}`,
    airDate: `20${String(10 + (season % 10)).padStart(2, '0')}-${String(1 + (number % 12)).padStart(2, '0')}-${String(1 + (h % 28)).padStart(2, '0')}`,
    synopsis: `Episode ${number} of season ${season}, generated for the scale benchmark.`,
    directors: h % 2 === 0 ? ['Generated Director'] : [],
    watchLinks: [{ provider: 'Example TV', url: `https://tv.example/${show}/${season}/${number}` }],
    // Every fourth episode also carries a tally imported from another site, as real imports do.
    baseline: h % 4 === 0 ? { count: 10 + (h % 7), sum: (10 + (h % 7)) * (4 + (h % 6)) } : null,
  };
}

function show(slug: string, n: number, seasons: number, perSeason: number) {
  return {
    slug,
    title: `${word(hash(n))} ${word(hash(n) >>> 4)} ${n}`,
    synopsis: 'A show generated for the scale benchmark.',
    network: 'Bench Network',
    status: 'Running',
    lastUpdated: '2026-01-01',
    seasons: Array.from({ length: seasons }, (_, s) => ({
      number: s + 1,
      episodes: Array.from({ length: perSeason }, (_, e) => episode(n, s + 1, e + 1)),
    })),
  };
}

/**
 * The big catalogue as Epirank JSON documents (plain objects, as a file would parse), in chunks
 * of about 10,000 episodes so that no single import holds the whole catalogue in memory.
 */
export function* catalogChunks(shape: Shape): Generator<{ label: string; document: unknown; episodes: number }> {
  const BIG_PER_CHUNK = 10;
  for (let first = 1; first <= shape.bigShows; first += BIG_PER_CHUNK) {
    const last = Math.min(shape.bigShows, first + BIG_PER_CHUNK - 1);
    const shows = [];
    for (let n = first; n <= last; n++) shows.push(show(bigShowSlug(n), n, BIG_SHOW_SEASONS, BIG_SHOW_SEASON_EPISODES));
    yield {
      label: `big shows ${first}–${last}`,
      document: { format: 'epirank-catalog', version: 1, shows },
      episodes: shows.length * BIG_SHOW_SEASONS * BIG_SHOW_SEASON_EPISODES,
    };
  }
  const SMALL_PER_CHUNK = 2000;
  for (let first = 1; first <= shape.smallShows; first += SMALL_PER_CHUNK) {
    const last = Math.min(shape.smallShows, first + SMALL_PER_CHUNK - 1);
    const shows = [];
    for (let n = first; n <= last; n++) shows.push(show(smallShowSlug(n), 100_000 + n, 1, SMALL_SHOW_EPISODES));
    yield { label: `small shows ${first}–${last}`, document: { format: 'epirank-catalog', version: 1, shows }, episodes: shows.length * SMALL_SHOW_EPISODES };
  }
}

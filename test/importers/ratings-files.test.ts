/**
 * Reading other sites' ratings exports (src/importers/ratings/): each parser on a fixture written
 * from the site's documented format, on broken files (each problem names its line or entry), and
 * the scale rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RATINGS_FILE_MAX_ROWS } from '../../src/importers/ratings/limits.js';
import { entryAt, lineAt, RatingsFileError } from '../../src/importers/ratings/rating-file.js';
import { readRatingsFile } from '../../src/importers/ratings/read-ratings-file.js';
import { convertRating, describeFileRating, SCALES } from '../../src/importers/ratings/scales.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ratings/${name}`, import.meta.url), 'utf8');

function problemsOf(text: string, name = 'ratings.csv'): string {
  try {
    readRatingsFile(text, name);
  } catch (error) {
    expect(error).toBeInstanceOf(RatingsFileError);
    return (error as RatingsFileError).detail;
  }
  throw new Error('the file was read without a problem');
}

const IMDB_HEADER = 'Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';

describe('IMDb ratings export', () => {
  it('keeps the TV episodes, on their own 1-10 scale, matched by IMDb id, and skips films and whole shows', () => {
    const file = readRatingsFile(fixture('imdb-ratings.csv'), 'ratings.csv');
    expect(file.source).toBe('imdb');
    expect(file.skipped).toBe(2);
    expect(file.ratings).toEqual([
      {
        position: lineAt(2),
        rating: 9,
        fileRating: '9',
        ratedAt: '2025-03-14T00:00:00.000Z',
        label: 'Orbit Café: Grand Opening (tt7000011)',
        episodeIds: { imdb: 'tt7000011' },
        show: null,
        season: null,
        episode: null,
      },
      expect.objectContaining({ position: lineAt(5), rating: 6, episodeIds: { imdb: 'tt7999999' } }),
    ]);
  });

  it('accepts the older export, which wrote the type as tvEpisode', () => {
    const file = readRatingsFile(`${IMDB_HEADER}\ntt7000011,4,2019-01-02,Something,,tvEpisode,,,,,,,\n`, 'old.csv');
    expect(file.ratings.map((r) => [r.episodeIds.imdb, r.rating])).toEqual([['tt7000011', 4]]);
  });

  it('names the line and the column of every broken row, and reads nothing', () => {
    const text = [
      IMDB_HEADER,
      'tt7000011,11,2025-03-14,A,,TV Episode,,,,,,,',
      'nm0000001,7,2025-03-14,B,,TV Episode,,,,,,,',
      'tt7000012,7,14/03/2025,C,,TV Episode,,,,,,,',
      'tt7000013,seven,2025-03-14,D,,Movie,,,,,,,',
    ].join('\n');
    const detail = problemsOf(text);
    expect(detail).toContain('line 2: “Your Rating” is “11”, not a whole number from 1 to 10');
    expect(detail).toContain('line 3: “Const” is “nm0000001”, not an IMDb id');
    expect(detail).toContain('line 4: “Date Rated” is “14/03/2025”, not a date');
    // A film's row is not read, so its rating is not checked.
    expect(detail).not.toContain('line 5');
  });

  it('says which columns are missing, and what the file is not', () => {
    const detail = problemsOf('Const,Your Rating,Title\ntt7000011,7,A\n');
    expect(detail).toContain('line 1: the header has no “Title Type” column, so this is not an IMDb ratings export');
  });

  it('reads the show’s IMDb id and the numbers from a file that has them, and checks them', () => {
    const file = readRatingsFile(fixture('imdb-ratings-with-episodes.csv'), 'ratings.csv');
    expect(file.ratings[0]).toMatchObject({ episodeIds: { imdb: 'tt7000012' }, show: { title: null, ids: { imdb: 'tt7000001' } }, season: 1, episode: 2 });
    const header = `${IMDB_HEADER},parentTconst,seasonNumber,episodeNumber`;
    const detail = problemsOf(`${header}\ntt7000012,7,2024-06-09,A,,TV Episode,,,,,,,,nm1,S1,two\n`);
    expect(detail).toContain("line 2: the show's IMDb id is “nm1”, not an IMDb id");
    expect(detail).toContain('line 2: the season is “S1”, not a whole number');
    expect(detail).toContain('line 2: the episode number is “two”, not a whole number');
  });

  it('cuts off an unclosed quote with its line', () => {
    expect(problemsOf(`${IMDB_HEADER}\ntt7000011,7,2025-03-14,"Unclosed,,TV Episode\n`)).toContain('line 2: a quoted field is never closed');
  });
});

describe('Trakt ratings-episodes.json', () => {
  it('reads each entry with the episode ids, the show ids and title, and the numbers', () => {
    const file = readRatingsFile(fixture('trakt-ratings-episodes.json'), 'ratings-episodes.json');
    expect(file.source).toBe('trakt');
    expect(file.ratings).toHaveLength(7);
    expect(file.ratings[0]).toEqual({
      position: entryAt(1),
      rating: 8,
      fileRating: '8',
      ratedAt: '2025-05-01T19:04:11.000Z',
      label: 'Orbit Café S1E1 “Grand Opening”',
      episodeIds: { imdb: 'tt7000011' },
      show: { title: 'Orbit Café', ids: { tvdb: '70001', imdb: 'tt7000001' } },
      season: 1,
      episode: 1,
    });
    // Numbers become text, as catalogue ids are; nulls and Trakt's own ids are left out.
    expect(file.ratings[1]!.episodeIds).toEqual({ tvdb: '800012' });
  });

  it('names the entry of every broken rating', () => {
    const detail = problemsOf(
      JSON.stringify([
        { rating: 0, type: 'episode', episode: { season: 1, number: 1, ids: { imdb: 'tt7000011' } }, show: { title: 'X', ids: {} } },
        { rating: 7, type: 'episode', episode: { season: 'one', number: 1, ids: {} }, show: { title: 'X', ids: {} } },
        { rating: 7, type: 'episode', show: { title: 'X', ids: {} } },
        { rating: 7, type: 'episode', episode: { season: 1, number: 1, ids: {} }, show: { ids: {} } },
        { rating: 7.5, type: 'episode', episode: { season: 1, number: 1, ids: { imdb: 'tt7000011' } }, show: { title: 'X', ids: {} }, rated_at: 'yesterday' },
        'not an object',
      ]),
      'ratings-episodes.json',
    );
    expect(detail).toContain('entry 1: “rating” is “0”, not a whole number from 1 to 10');
    expect(detail).toContain('entry 2: “episode.season” is “one”, not a whole number');
    expect(detail).toContain('entry 3: it has no “episode” object');
    expect(detail).toContain('entry 4: it names no episode');
    expect(detail).toContain('entry 5: “rating” is “7.5”');
    expect(detail).toContain('entry 5: “rated_at” is “yesterday”');
    expect(detail).toContain('entry 6: “not an object” is not a rating object');
  });

  it('refuses JSON that is broken or not an array', () => {
    expect(problemsOf('[{"rating": 7,', 'ratings-episodes.json')).toContain('it is not valid JSON');
    expect(problemsOf('{"rating": 7}', 'ratings-episodes.json')).toContain('is not an array');
  });

  it('skips entries that rate something other than an episode', () => {
    const file = readRatingsFile(JSON.stringify([{ rating: 7, type: 'show', show: { title: 'X', ids: {} } }]), 'ratings.json');
    expect(file).toMatchObject({ ratings: [], skipped: 1 });
  });

  it(`refuses a file of more than ${RATINGS_FILE_MAX_ROWS} ratings before reading them`, () => {
    const entry = { rating: 7, type: 'episode', episode: { season: 1, number: 1, ids: { imdb: 'tt7000011' } } };
    const text = JSON.stringify(Array.from({ length: RATINGS_FILE_MAX_ROWS + 1 }, () => entry));
    expect(problemsOf(text, 'big.json')).toContain(`it rates ${RATINGS_FILE_MAX_ROWS + 1} episodes; one import takes at most ${RATINGS_FILE_MAX_ROWS}`);
  });
});

describe('TV Time data export', () => {
  it('reads TheTVDB ids, the show name and numbers, and turns stars into points', () => {
    const file = readRatingsFile(fixture('tvtime-ratings.csv'), 'tvtime.csv');
    expect(file.source).toBe('tvtime');
    // The last row is an episode marked watched, not rated.
    expect(file.skipped).toBe(1);
    expect(
      file.ratings.map((r) => ({
        position: r.position,
        rating: r.rating,
        fileRating: r.fileRating,
        ids: r.episodeIds,
        show: r.show,
        s: r.season,
        e: r.episode,
      })),
    ).toEqual([
      { position: lineAt(2), rating: 10, fileRating: '5 stars', ids: { tvdb: '800011' }, show: { title: 'Orbit Café', ids: { tvdb: '70001' } }, s: 1, e: 1 },
      { position: lineAt(3), rating: 6, fileRating: '3 stars', ids: {}, show: { title: 'Orbit Café', ids: { tvdb: '70001' } }, s: 1, e: 2 },
      { position: lineAt(4), rating: 8, fileRating: '4 stars', ids: {}, show: { title: 'Lighthouse Keepers', ids: {} }, s: 2, e: 2 },
    ]);
    expect(file.ratings[0]!.ratedAt).toBe('2025-02-01T20:15:00.000Z');
  });

  it('names the line of every broken row', () => {
    const detail = problemsOf(
      [
        's_id,ep_id,tv_show_name,episode_season_number,episode_number,rating,created_at',
        '70001,800011,Orbit Café,1,1,6,2025-02-01 20:15:00',
        'x70001,,Orbit Café,1,2,3,2025-02-01 20:15:00',
        ',,,1,2,3,2025-02-01 20:15:00',
        '70001,,Orbit Café,S1,2,3,2025-02-01 20:15:00',
      ].join('\n'),
      'tvtime.csv',
    );
    expect(detail).toContain('line 2: “rating” is “6”, not a whole number from 1 to 5 (stars)');
    expect(detail).toContain("line 3: the show's TheTVDB id is “x70001”");
    expect(detail).toContain('line 4: the row names no episode');
    expect(detail).toContain('line 5: the season is “S1”, not a whole number');
  });
});

describe('telling the files apart', () => {
  it('refuses a file that is none of the three, and an empty one', () => {
    expect(problemsOf('show,season,episode,rating\nx,1,1,7\n')).toContain('this is not an export Epirank reads');
    expect(problemsOf('  \n')).toContain('the file is empty');
  });
});

describe('scales', () => {
  it('keeps IMDb and Trakt ratings and doubles TV Time stars, refusing anything off the scale', () => {
    expect([1, 7, 10].map((r) => convertRating('imdb', r))).toEqual([1, 7, 10]);
    expect(convertRating('trakt', '8')).toBe(8);
    expect([1, 2, 3, 4, 5].map((stars) => convertRating('tvtime', stars))).toEqual([2, 4, 6, 8, 10]);
    for (const bad of [0, 11, 6.5, '', 'ten', '7.0', null]) expect(convertRating('imdb', bad)).toBeNull();
    for (const bad of [0, 6, 2.5]) expect(convertRating('tvtime', bad)).toBeNull();
    expect(describeFileRating('tvtime', 1)).toBe('1 star');
    expect(SCALES.tvtime.rule).toContain('5 stars → 10');
  });
});

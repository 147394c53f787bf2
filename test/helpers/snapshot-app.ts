/**
 * An app for tests of ranking history (`?as_of=`, movement, the Atom feed): one show whose first
 * season has three episodes, ranking snapshots taken by the test itself on the days it names
 * (the scheduled check is off), and no page reused between a test's steps.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { useTestApp } from './app.js';
import { factories } from './factories.js';

export function useSnapshotTestApp(
  show: { slug: string; title: string },
  options: {
    episodeTitle?: (n: number) => string;
    /** More to seed: the show's id and its first season's episode ids are given. */
    seed?: (make: ReturnType<typeof factories>, showId: number, episodeIds: number[]) => Promise<void>;
  } = {},
) {
  const episodeIds: number[] = [];
  const testApp = useTestApp({
    config: { snapshotCheckSeconds: 0, pageCacheSeconds: 0 },
    seed: async (db) => {
      const make = factories(db.handle.db);
      const seeded = await make.showWithSeason(show, 3, options.episodeTitle);
      episodeIds.push(...seeded.episodeIds);
      await options.seed?.(make, seeded.show.id, seeded.episodeIds);
    },
  });
  const db = (): Kysely<Database> => testApp.database.handle.db;
  return {
    get app() {
      return testApp.app;
    },
    db,
    /** The ids of season 1's episodes 1 to 3, in order. */
    episodeIds,
    /** Sets episode `number` of season 1's tally behind the app's back, then drops its cached standings as a vote would. */
    async rate(number: number, ratings: number[]) {
      await factories(db()).ratings(episodeIds[number - 1]!, ratings);
      testApp.app.services.cacheBus.publish({ kind: 'all' });
    },
  };
}

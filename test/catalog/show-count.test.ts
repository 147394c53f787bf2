/**
 * The kept show count behind every unfiltered show list's `total`: reused within its time and
 * shared by requests arriving together (on an injected clock), counted again after it, after a
 * failed count, and at once after this instance adds, deletes or imports shows; filtered lists
 * still count their matches.
 */
import { describe, expect, it } from 'vitest';
import { ShowCount } from '../../src/catalog/show-count.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';

/** A count function that answers `value` and says how often it was asked. */
function counter(value: () => number) {
  const counted = { times: 0 };
  const count = async () => {
    counted.times++;
    return value();
  };
  return { count, counted };
}

describe('ShowCount', () => {
  it('counts once per ttl, and again after it', async () => {
    let now = 0;
    let shows = 3;
    const { count, counted } = counter(() => shows);
    const showCount = new ShowCount(count, { ttlMs: 1000, clock: () => now });
    expect(await showCount.get()).toBe(3);
    shows = 4;
    now = 999;
    expect(await showCount.get()).toBe(3);
    expect(counted.times).toBe(1);
    now = 1000;
    expect(await showCount.get()).toBe(4);
    expect(counted.times).toBe(2);
  });

  it('shares one count between requests arriving together', async () => {
    const { count, counted } = counter(() => 7);
    const showCount = new ShowCount(count, { ttlMs: 1000, clock: () => 0 });
    expect(await Promise.all([showCount.get(), showCount.get(), showCount.get()])).toEqual([7, 7, 7]);
    expect(counted.times).toBe(1);
  });

  it('counts again after forget() and after a failed count; with ttl 0, every time', async () => {
    let fail = true;
    const showCount = new ShowCount(async () => (fail ? Promise.reject(new Error('database away')) : 5), { ttlMs: 1000, clock: () => 0 });
    await expect(showCount.get()).rejects.toThrow('database away');
    fail = false;
    expect(await showCount.get()).toBe(5);

    let shows = 1;
    const { count, counted } = counter(() => shows);
    const forgetful = new ShowCount(count, { ttlMs: 1000, clock: () => 0 });
    expect(await forgetful.get()).toBe(1);
    shows = 2;
    forgetful.forget();
    expect(await forgetful.get()).toBe(2);

    const uncached = new ShowCount(count, { ttlMs: 0, clock: () => 0 });
    const before = counted.times;
    await uncached.get();
    await uncached.get();
    expect(counted.times).toBe(before + 2);
  });
});

describe('show list totals in the app', () => {
  const context = useTestApp({ config: { pageCacheSeconds: 3600 } });

  it('follow shows added and deleted here at once, and count a filter’s matches', async () => {
    const db = () => context.database.handle.db;
    const make = factories(db());
    await make.show({ slug: 'alpha', title: 'Alpha Star' });
    await make.show({ slug: 'beta', title: 'Beta' });
    const { rankings, adminCatalog } = context.app.services;
    expect((await rankings.searchShows({ page: 1, perPage: 20 })).total).toBe(2);
    expect((await rankings.home(5, 3)).showCount).toBe(2);

    // Written behind the app's back (as another instance would): the kept count is reused.
    await make.show({ slug: 'gamma', title: 'Gamma Star' });
    expect((await rankings.searchShows({ page: 1, perPage: 20 })).total).toBe(2);
    // A filter counts its matches every time.
    expect((await rankings.searchShows({ text: 'star', page: 1, perPage: 20 })).total).toBe(2);

    const actor = await factories(db()).admin();
    await adminCatalog.createShow(actor, { slug: 'delta', title: 'Delta', synopsis: '', network: '', status: '' });
    expect((await rankings.searchShows({ page: 1, perPage: 20 })).total).toBe(4);
    await adminCatalog.deleteShow(actor, 'beta');
    const afterDelete = await rankings.searchShows({ page: 1, perPage: 2 });
    expect(afterDelete.total).toBe(3);
    expect(afterDelete.items.map((s) => s.show.slug)).toEqual(['alpha', 'delta']);
    expect((await rankings.home(5, 3)).showCount).toBe(3);
  });
});

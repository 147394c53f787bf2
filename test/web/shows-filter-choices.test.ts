/**
 * The filter pickers of `/shows` past their cap (issue 25): with more networks than CHOICES_CAP,
 * the form offers a text box with a datalist of the first CHOICES_CAP, says the list was cut, and
 * still filters by a network the list left out, in any case.
 */
import { describe, expect, it } from 'vitest';
import { CHOICES_CAP } from '../../src/ranking/filter-choices.js';
import { useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

/** One more network than a picker offers, named so that A to Z is the order of their numbers. */
const networks = Array.from({ length: CHOICES_CAP + 1 }, (_, i) => `Net ${String(i).padStart(3, '0')}`);

async function seed(database: TestDatabase) {
  const f = factories(database.handle.db);
  for (const [i, network] of networks.entries()) await f.show({ slug: `cap-${i}`, title: `Cap ${i}`, network, status: 'Running' });
}

const context = useTestApp({ seed });

describe('/shows filter pickers past their cap', () => {
  it('offers the first networks in a datalist, says so, and filters by one it left out', async () => {
    const $ = parsePage((await context.app.inject({ url: '/shows' })).body);
    expect($('select[name=network]')).toHaveLength(0);
    const box = $('input[name=network]');
    expect(box.attr('list')).toBe('network-choices');
    const offered = $('datalist#network-choices option')
      .map((_, o) => $(o).attr('value'))
      .get();
    expect(offered).toEqual(networks.slice(0, CHOICES_CAP));
    expect($('.filter-cut').text()).toBe(`The list offers the first ${CHOICES_CAP} networks; type any other.`);
    // The statuses are few: still a picker of them all.
    expect(
      $('select[name=status] option')
        .map((_, o) => $(o).attr('value'))
        .get(),
    ).toEqual(['', 'Running']);

    const left = networks[CHOICES_CAP]!;
    const filtered = parsePage((await context.app.inject({ url: `/shows?network=${encodeURIComponent(left.toUpperCase())}` })).body);
    expect(
      filtered('ol.show-index li')
        .map((_, li) => filtered(li).attr('data-show'))
        .get(),
    ).toEqual([`cap-${CHOICES_CAP}`]);
    expect(filtered('input[name=network]').attr('value')).toBe(left.toUpperCase());
  });
});

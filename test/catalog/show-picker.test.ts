/**
 * The show picker (issue 25: pickers, not typed slugs) on a real database: what an operator typed
 * in a show field names a show by its slug or its title in any case; the combobox's hidden slug
 * settles two shows of one title, and is ignored once the field was edited; otherwise a few
 * shows found by the site's search are offered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { SearchRepository } from '../../src/catalog/search.repository.js';
import { SearchService } from '../../src/catalog/search.service.js';
import { SHOW_PICKER_MATCHES, ShowPicker, showNotFoundMessage } from '../../src/catalog/show-picker.service.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const database = useTestDatabase();
let picker: ShowPicker;
const found = async (typed: string, chosen?: string) => {
  const choice = await picker.resolve(typed, chosen);
  return choice.found?.slug ?? null;
};

beforeAll(async () => {
  const db = database.current.handle.db;
  const make = factories(db);
  picker = new ShowPicker(new CatalogRepository(db), new SearchService(new SearchRepository(db)));
  await make.show({ slug: 'kaleido-star', title: 'Kaleido Star' });
  await make.show({ slug: 'planetes', title: 'Planetes' });
  // Two shows of one title, and a show whose slug is another's title in lower case.
  await make.show({ slug: 'the-office-uk', title: 'The Office' });
  await make.show({ slug: 'the-office-us', title: 'The Office' });
  // More shows with one word than the picker offers.
  for (let n = 1; n <= SHOW_PICKER_MATCHES + 3; n++) await make.show({ slug: `lantern-${n}`, title: `Lantern Bay ${n}` });
});

describe('the show picker', () => {
  it('reads a slug, or a title in any case', async () => {
    expect(await found('kaleido-star')).toBe('kaleido-star');
    expect(await found('  Kaleido Star ')).toBe('kaleido-star');
    expect(await found('KALEIDO STAR')).toBe('kaleido-star');
    expect(await found('planetes')).toBe('planetes');
  });

  it('takes the chosen slug while the field still says its show, and reads the field anew once edited', async () => {
    expect(await found('The Office', 'the-office-us')).toBe('the-office-us');
    expect(await found('the office', 'the-office-uk')).toBe('the-office-uk');
    expect(await found('the-office-us', 'the-office-us')).toBe('the-office-us');
    // The field now says another show: the stale choice is not used.
    expect(await found('Planetes', 'the-office-us')).toBe('planetes');
    // A chosen slug that names no show is ignored too.
    expect(await found('Planetes', 'gone')).toBe('planetes');
  });

  it('offers each show of a shared title, told apart by slug', async () => {
    const choice = await picker.resolve('the office');
    expect(choice.found).toBeNull();
    if (choice.found) return;
    expect(choice.several).toBe(true);
    expect(choice.matches.map((m) => m.slug).sort()).toEqual(['the-office-uk', 'the-office-us']);
    expect(showNotFoundMessage('the office', choice)).toBe('Several shows are called “the office”: pick one below.');
  });

  it('offers a few close shows from the search when the text names none', async () => {
    const choice = await picker.resolve('lantern');
    expect(choice.found).toBeNull();
    if (choice.found) return;
    expect(choice.several).toBe(false);
    expect(choice.matches).toHaveLength(SHOW_PICKER_MATCHES);
    for (const m of choice.matches) expect(m.title).toMatch(/^Lantern Bay \d+$/);

    // A typo still finds the show (the search's near misses).
    const typo = await picker.resolve('kaleidp star');
    expect(typo.found).toBeNull();
    if (!typo.found) expect(typo.matches).toEqual([{ slug: 'kaleido-star', title: 'Kaleido Star' }]);

    const nothing = await picker.resolve('zzzzqqq');
    if (!nothing.found) {
      expect(nothing.matches).toEqual([]);
      expect(showNotFoundMessage('zzzzqqq', nothing)).toBe('No show is called “zzzzqqq”: type its title or its address name.');
    }
  });
});

/**
 * The page screenshots' list (scripts/page-list.ts) covers every GET route of the site, the account,
 * the admin side and the embeds: each has a picture or is named as left out with a reason, so a
 * new page cannot be forgotten by `npm run screenshots:pages`.
 */
import { describe, expect, it } from 'vitest';
import { LEFT_OUT, PAGES } from '../../scripts/page-list.js';
import { routes } from '../../src/shared/paths.js';
import { useTestApp } from '../helpers/app.js';

const context = useTestApp();

const AREAS = ['site', 'account', 'admin', 'embeds'] as const;
const patterns = AREAS.flatMap((area) => Object.values(routes[area]) as string[]);
const getRoutes = () => patterns.filter((url) => context.app.hasRoute({ method: 'GET', url }));

/** Whether a path (without its query) is one the route pattern answers: `:name` is one segment, `*` the rest. */
function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.]/g, '\\.')))
    .join('/');
  return new RegExp(`^${source}$`).test(path.split('?')[0]!);
}

describe('the page screenshots’ list', () => {
  it('has a picture of, or a reason to leave out, every GET route', () => {
    const covered = new Set([...PAGES.map((page) => page.route), ...Object.keys(LEFT_OUT)]);
    expect(getRoutes().filter((route) => !covered.has(route))).toEqual([]);
  });

  it('names only GET routes that exist, and leaves out none it has a picture of', () => {
    const gets = new Set(getRoutes());
    expect(getRoutes().length).toBeGreaterThan(30);
    expect([...PAGES.map((page) => page.route), ...Object.keys(LEFT_OUT)].filter((route) => !gets.has(route))).toEqual([]);
    expect(PAGES.filter((page) => page.route in LEFT_OUT).map((page) => page.name)).toEqual([]);
  });

  it('opens, for each page, an address its route answers, under a name of its own', () => {
    expect(PAGES.filter((page) => !matches(page.route, page.path)).map((page) => `${page.name}: ${page.path} is not ${page.route}`)).toEqual([]);
    const names = PAGES.map((page) => page.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});

import { CatalogFormatError, type CatalogFile, type CatalogShow } from './catalog-format.js';

/**
 * The TVmaze API's show with embedded episodes (`/shows/:id?embed=episodes`), turned into a
 * catalogue file: the show's slug is made from its name, summaries lose their HTML, and
 * specials (episodes without a number) are left out, since a ranking addresses episodes by number.
 */
interface TvmazeEpisode {
  season?: unknown;
  number?: unknown;
  name?: unknown;
  airdate?: unknown;
  summary?: unknown;
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** TVmaze summaries are small HTML fragments: paragraphs, emphasis, the odd entity. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*p\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function catalogFromTvmaze(data: unknown, source: string): CatalogFile {
  const problems: string[] = [];
  const show = data as Record<string, unknown> | null;
  if (typeof show !== 'object' || show === null || Array.isArray(show)) {
    throw new CatalogFormatError(source, ['expected a TVmaze show object']);
  }
  if (typeof show.name !== 'string' || show.name.trim() === '') problems.push('/name: the show needs a name');
  const embedded = (show._embedded as { episodes?: unknown } | undefined)?.episodes;
  if (!Array.isArray(embedded)) problems.push('/_embedded/episodes: missing; fetch the show with ?embed=episodes');
  if (problems.length > 0) throw new CatalogFormatError(source, problems);

  const name = (show.name as string).trim();
  const network = (show.network as { name?: string } | null)?.name ?? (show.webChannel as { name?: string } | null)?.name ?? null;
  const updated = typeof show.updated === 'number' ? new Date(show.updated * 1000).toISOString().slice(0, 10) : null;
  const catalogShow: CatalogShow = {
    slug: slugify(name),
    title: name,
    synopsis: typeof show.summary === 'string' ? htmlToText(show.summary) : '',
    network,
    status: typeof show.status === 'string' ? show.status : null,
    lastUpdated: updated,
    seasons: [],
  };
  (embedded as TvmazeEpisode[]).forEach((episode, index) => {
    const at = `/_embedded/episodes/${index}`;
    if (episode.number === null || episode.number === undefined) return; // a special
    if (!Number.isInteger(episode.season) || (episode.season as number) < 1) {
      problems.push(`${at}/season: "${String(episode.season)}" is not a season number`);
      return;
    }
    if (!Number.isInteger(episode.number) || (episode.number as number) < 1) {
      problems.push(`${at}/number: "${String(episode.number)}" is not an episode number`);
      return;
    }
    if (episode.airdate !== undefined && episode.airdate !== null && episode.airdate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(String(episode.airdate))) {
      problems.push(`${at}/airdate: "${String(episode.airdate)}" is not a date`);
    }
    let season = catalogShow.seasons.find((s) => s.number === episode.season);
    if (!season) {
      season = { number: episode.season as number, episodes: [] };
      catalogShow.seasons.push(season);
    }
    const title = typeof episode.name === 'string' && episode.name.trim() ? episode.name.trim() : null;
    const summary = typeof episode.summary === 'string' ? htmlToText(episode.summary) : '';
    season.episodes.push({
      number: episode.number as number,
      title,
      airDate: episode.airdate ? String(episode.airdate) : null,
      synopsis: summary || null,
      directors: [],
      watchLinks: [],
      baseline: null,
    });
  });
  if (problems.length > 0) throw new CatalogFormatError(source, problems.slice(0, 50));
  catalogShow.seasons.sort((a, b) => a.number - b.number);
  return { format: 'epirank-catalog', version: 1, shows: [catalogShow] };
}

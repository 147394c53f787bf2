import type { Emit } from '../shared/change-feed.js';
import { FormError, NotFoundError } from '../shared/errors.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import {
  fitsLimit,
  formatLimit,
  isCalendarDate,
  isProvider,
  isSingleLine,
  isSlug,
  isWatchLinkUrl,
  LIMITS,
  MAX_DIRECTORS,
  MAX_WATCH_LINKS,
  NUMBER_RANGE_TEXT,
  parseCatalogNumber,
  SLUG_RULE,
  WATCH_LINK_URL_RULE,
} from '../catalog/catalog-rules.js';
import type { Show, StoredEpisode, WatchLink } from '../catalog/catalog.types.js';
import { EXTERNAL_ID_RULES, EXTERNAL_ID_SOURCES, isExternalId, type ExternalIdSource, type ExternalIds } from '../catalog/external-ids.js';
import type { ExternalIdOwner, ExternalIdsRepository } from '../catalog/external-ids.repository.js';
import {
  ALTERNATE_TITLE_MAX_LENGTH,
  type AlternateTitle,
  LANGUAGE_TAG_MAX_LENGTH,
  MAX_ALTERNATE_TITLES,
  parseTitleLines,
  titleLines,
} from '../catalog/alternate-titles.js';
import type { AlternateTitlesRepository } from '../catalog/alternate-titles.repository.js';
import { isUniqueViolation, nowTimestamp } from '../db/dialect.js';
import type { Role } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { AuditRepository, Actor } from './audit.repository.js';
import type { DeletionImpact, DeletionImpactRepository } from './deletion-impact.repository.js';
import type { CatalogFile } from '../importers/catalog-format.js';
import type { CatalogImportRepositories, ImportSummary } from '../importers/catalog-import.js';
import { importAudited } from './import-audit.js';
import { withLinkCountries } from './watch-link-countries.js';

/** The form field that holds a site's id: `imdbId`, `tvdbId`, `tmdbId`, `tvmazeId`. */
export const externalIdField = (source: ExternalIdSource) => `${source}Id` as const;

/** Each site's id as typed, empty for none. Left out of a form's fields, the stored ids stay as they are. */
export type ExternalIdFields = Partial<Record<ExternalIdSource, string>>;

/**
 * The ids a form sent, by site. Undefined when it sent no id field at all (a script posting some
 * fields only), which leaves the stored ids alone; an empty field removes that site's id.
 */
export function externalIdFieldsFrom(body: Readonly<Record<string, unknown>>): ExternalIdFields | undefined {
  let sent = false;
  const fields: ExternalIdFields = {};
  for (const source of EXTERNAL_ID_SOURCES) {
    const value = body[externalIdField(source)];
    if (typeof value !== 'string') continue;
    sent = true;
    fields[source] = value;
  }
  return sent ? fields : undefined;
}

export interface ShowFields {
  slug: string;
  title: string;
  synopsis: string;
  network: string;
  status: string;
  ids?: ExternalIdFields;
  /** Other titles, one "language: title" per line; left out of the form's fields, the stored ones stay. */
  titles?: string;
}

export interface EpisodeFields {
  number: string;
  title: string;
  airDate: string;
  synopsis: string;
  /** One name per line. */
  directors: string;
  /** One "Provider = https://…" per line. */
  watchLinks: string;
  /** One "Provider = JP, US" per link that works only in some countries (watch-link-countries.ts). */
  watchLinkCountries?: string;
  ids?: ExternalIdFields;
  /** Other titles, one "language: title" per line; left out of the form's fields, the stored ones stay. */
  titles?: string;
}

/**
 * The longest text each form field may bring to the service: twice the longest valid value, so a
 * paste that is too long still gets a message beside its field, while the route's schema refuses
 * anything bigger outright. Built from the catalogue's rules, like the checks below.
 */
export const FORM_FIELD_MAX_LENGTH = {
  slug: 2 * LIMITS.slug,
  showTitle: 2 * LIMITS.showTitle,
  showSynopsis: 2 * LIMITS.showSynopsis,
  network: 2 * LIMITS.network,
  status: 2 * LIMITS.status,
  number: 20,
  episodeTitle: 2 * LIMITS.episodeTitle,
  airDate: 100,
  episodeSynopsis: 2 * LIMITS.episodeSynopsis,
  // One name or "Provider = https://…" per line.
  directors: 2 * MAX_DIRECTORS * (LIMITS.directorName + 2),
  watchLinks: 2 * MAX_WATCH_LINKS * (LIMITS.provider + LIMITS.watchLinkUrl + 5),
  // "Provider = JP, US, …": a provider and a few dozen codes per link.
  watchLinkCountries: 2 * MAX_WATCH_LINKS * (LIMITS.provider + 200),
  // Far longer than any id's pattern allows ("tt" and ten digits), so a slip gets its message.
  externalId: 100,
  // One "language*: title" per line.
  titles: 2 * MAX_ALTERNATE_TITLES * (ALTERNATE_TITLE_MAX_LENGTH + LANGUAGE_TAG_MAX_LENGTH + 4),
} as const;

/**
 * The operator's catalogue edits. Each one validates its form (messages per field), runs in one
 * transaction with its audit record (who, what, before, after), and bumps the show's "last
 * updated" date that fans see.
 */
/** The repositories catalogue editing reads and writes through its store: an import's, and the audit log. */
export interface AdminCatalogRepositories extends CatalogImportRepositories {
  audit: AuditRepository;
  deletionImpact: DeletionImpactRepository;
}

export class AdminCatalogService {
  constructor(
    private readonly store: Store<AdminCatalogRepositories>,
    /** Told after each committed change, and after an import (which may touch any show): src/shared/change-feed.ts. */
    private readonly emit: Emit,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async createShow(actor: Actor, fields: ShowFields): Promise<Show> {
    const input = validateShow(fields);
    const ids = validateExternalIds(fields.ids);
    const titles = validateTitles(fields.titles);
    const show = await this.change(async (catalog, audit, changed, externalIds, alternateTitles) => {
      await catalog.insertShow({ ...input, lastUpdated: this.today() }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new FormError({ slug: 'Another show already has this slug.' });
        throw error;
      });
      const created = (await catalog.findShowBySlug(input.slug))!;
      if (titles) await alternateTitles.replaceShowTitles(created.id, titles);
      const after = { ...created, ...(ids ? { ids: await saveShowIds(externalIds, created.id, ids) } : {}), ...(titles ? { titles } : {}) };
      await audit.record({ actor, action: 'show.create', subject: `show ${input.slug}`, before: null, after, at: this.now() });
      changed(created.id);
      return created;
    });
    return show;
  }

  async updateShow(actor: Actor, slug: string, fields: Omit<ShowFields, 'slug'>): Promise<Show> {
    const input = validateShow({ ...fields, slug });
    const ids = validateExternalIds(fields.ids);
    const titles = validateTitles(fields.titles);
    const show = await this.change(async (catalog, audit, changed, externalIds, alternateTitles) => {
      const before = await this.requireShow(catalog, slug);
      await catalog.updateShow(before.id, { ...input, lastUpdated: this.today() });
      const after = (await catalog.findShowBySlug(slug))!;
      // The audit entry shows the ids beside the other fields whenever the form edited them.
      const idsBefore = ids && (await externalIds.idsOfShows([before.id])).get(before.id);
      const idsAfter = ids && (await saveShowIds(externalIds, before.id, ids));
      // Likewise the other titles.
      const titlesBefore = titles && (await alternateTitles.titlesOfShows([before.id])).get(before.id);
      if (titles) await alternateTitles.replaceShowTitles(before.id, titles);
      await audit.record({
        actor,
        action: 'show.update',
        subject: `show ${slug}`,
        before: { ...before, ...(ids ? { ids: idsBefore } : {}), ...(titles ? { titles: titlesBefore } : {}) },
        after: { ...after, ...(ids ? { ids: idsAfter } : {}), ...(titles ? { titles } : {}) },
        at: this.now(),
      });
      changed(after.id);
      return after;
    });
    return show;
  }

  async deleteShow(actor: Actor, slug: string): Promise<void> {
    await this.change(async (catalog, audit, changed) => {
      const before = await this.requireShow(catalog, slug);
      await catalog.deleteShow(before.id);
      await audit.record({ actor, action: 'show.delete', subject: `show ${slug}`, before, after: null, at: this.now() });
      changed(before.id);
    });
  }

  async addSeason(actor: Actor, slug: string, numberText: string): Promise<void> {
    const number = parseCatalogNumber(numberText);
    if (number === null) throw new FormError({ season: `Enter a season number from ${NUMBER_RANGE_TEXT}.` });
    await this.change(async (catalog, audit, changed) => {
      const show = await this.requireShow(catalog, slug);
      if (await catalog.findSeason(show.id, number)) throw new FormError({ season: `Season ${number} already exists.` });
      await catalog.insertSeason(show.id, number);
      await catalog.updateShow(show.id, { lastUpdated: this.today() });
      await audit.record({ actor, action: 'season.create', subject: `show ${slug} season ${number}`, before: null, after: { number }, at: this.now() });
      changed(show.id);
    });
  }

  async deleteSeason(actor: Actor, slug: string, seasonNumber: number): Promise<void> {
    await this.change(async (catalog, audit, changed) => {
      const show = await this.requireShow(catalog, slug);
      const season = await catalog.findSeason(show.id, seasonNumber);
      if (!season) throw new NotFoundError(`${show.title} has no season ${seasonNumber}.`);
      const episodes = (await catalog.episodesOfSeason(season.id)).map((e) => describe(e));
      await catalog.deleteSeason(season.id);
      await catalog.updateShow(show.id, { lastUpdated: this.today() });
      await audit.record({
        actor,
        action: 'season.delete',
        subject: `show ${slug} season ${seasonNumber}`,
        before: { number: seasonNumber, episodes },
        after: null,
        at: this.now(),
      });
      changed(show.id);
    });
  }

  /** Creates an episode (`episodeNumber` null) or edits one; its number is fixed once created. */
  async saveEpisode(actor: Actor, slug: string, seasonNumber: number, episodeNumber: number | null, fields: EpisodeFields): Promise<number> {
    const input = validateEpisode(fields, episodeNumber);
    const ids = validateExternalIds(fields.ids);
    const titles = validateTitles(fields.titles);
    await this.change(async (catalog, audit, changed, externalIds, alternateTitles) => {
      const show = await this.requireShow(catalog, slug);
      const season = await catalog.findSeason(show.id, seasonNumber);
      if (!season) throw new NotFoundError(`${show.title} has no season ${seasonNumber}.`);
      const episodes = await catalog.episodesOfSeason(season.id);
      const subject = `show ${slug} season ${seasonNumber} episode ${input.number}`;
      if (episodeNumber === null) {
        if (episodes.some((e) => e.number === input.number)) throw new FormError({ number: `Episode ${input.number} already exists.` });
        const id = await catalog.insertEpisode({ seasonId: season.id, ...input });
        const after = (await catalog.episodesOfSeason(season.id)).find((e) => e.id === id)!;
        const idsAfter = ids && (await saveEpisodeIds(externalIds, id, ids));
        if (titles) await alternateTitles.replaceEpisodeTitles(id, titles);
        await audit.record({ actor, action: 'episode.create', subject, before: null, after: describe(after, idsAfter, titles), at: this.now() });
      } else {
        const before = episodes.find((e) => e.number === episodeNumber);
        if (!before) throw new NotFoundError(`${show.title} season ${seasonNumber} has no episode ${episodeNumber}.`);
        await catalog.updateEpisode(before.id, input);
        await catalog.replaceEpisodeDetails(before.id, input);
        const after = (await catalog.episodesOfSeason(season.id)).find((e) => e.id === before.id)!;
        const idsBefore = ids && (await externalIds.idsOfEpisodes([before.id])).get(before.id);
        const idsAfter = ids && (await saveEpisodeIds(externalIds, before.id, ids));
        const titlesBefore = titles && (await alternateTitles.titlesOfEpisodes([before.id])).get(before.id);
        if (titles) await alternateTitles.replaceEpisodeTitles(before.id, titles);
        await audit.record({
          actor,
          action: 'episode.update',
          subject,
          before: describe(before, idsBefore, titlesBefore),
          after: describe(after, idsAfter, titles),
          at: this.now(),
        });
      }
      await catalog.updateShow(show.id, { lastUpdated: this.today() });
      changed(show.id);
    });
    return input.number;
  }

  /** A show's other titles as its edit form writes them (one "language: title" per line). */
  async showTitles(showId: number): Promise<string> {
    return titleLines((await this.store.read.alternateTitles.titlesOfShows([showId])).get(showId)!);
  }

  /** An episode's other titles as its edit form writes them. */
  async episodeTitles(episodeId: number): Promise<string> {
    return titleLines((await this.store.read.alternateTitles.titlesOfEpisodes([episodeId])).get(episodeId)!);
  }

  /** A show's ids on other sites, for its edit form. */
  async showExternalIds(showId: number): Promise<ExternalIds> {
    return (await this.store.read.externalIds.idsOfShows([showId])).get(showId)!;
  }

  /** An episode's ids on other sites, for its edit form. */
  async episodeExternalIds(episodeId: number): Promise<ExternalIds> {
    return (await this.store.read.externalIds.idsOfEpisodes([episodeId])).get(episodeId)!;
  }

  /**
   * What deleting a show (no season given), a season (no episode given) or an episode would take
   * with it, for the page that asks the operator to confirm.
   */
  async deletionImpact(slug: string, seasonNumber?: number, episodeNumber?: number): Promise<{ show: Show; impact: DeletionImpact }> {
    const { catalog, deletionImpact: impact } = this.store.read;
    const show = await this.requireShow(catalog, slug);
    if (seasonNumber === undefined) return { show, impact: await impact.measure({ showId: show.id }) };
    const season = await catalog.findSeason(show.id, seasonNumber);
    if (!season) throw new NotFoundError(`${show.title} has no season ${seasonNumber}.`);
    if (episodeNumber === undefined) return { show, impact: await impact.measure({ seasonId: season.id }) };
    const episode = await catalog.findEpisodeRef(slug, seasonNumber, episodeNumber);
    if (!episode) throw new NotFoundError(`${show.title} season ${seasonNumber} has no episode ${episodeNumber}.`);
    return { show, impact: await impact.measure({ episodeId: episode.episodeId }) };
  }

  async deleteEpisode(actor: Actor, slug: string, seasonNumber: number, episodeNumber: number): Promise<void> {
    await this.change(async (catalog, audit, changed) => {
      const show = await this.requireShow(catalog, slug);
      const season = await catalog.findSeason(show.id, seasonNumber);
      const before = season && (await catalog.episodesOfSeason(season.id)).find((e) => e.number === episodeNumber);
      if (!before) throw new NotFoundError(`${show.title} season ${seasonNumber} has no episode ${episodeNumber}.`);
      await catalog.deleteEpisode(before.id);
      await catalog.updateShow(show.id, { lastUpdated: this.today() });
      await audit.record({
        actor,
        action: 'episode.delete',
        subject: `show ${slug} season ${seasonNumber} episode ${episodeNumber}`,
        before: describe(before),
        after: null,
        at: this.now(),
      });
      changed(show.id);
    });
  }

  /**
   * An uploaded catalogue, through the same importer as `epirank import`. A real import is
   * audited with its counts in the same transaction; a dry run changes nothing and records nothing.
   * Individual ratings are an admin's act: an editor's file carrying any is refused whole, and
   * every rating an admin's import writes is listed in its audit entry (voter, episode, before, after).
   */
  async importFile(actor: Actor, file: CatalogFile, source: string, dryRun: boolean, actorRole: Role): Promise<ImportSummary> {
    return importAudited(this.store, file, actor, source, {
      dryRun,
      clock: this.clock,
      allowRatings: actorRole === 'admin',
      // Cached pages are dropped once the import and its record have committed.
      onCommit: () => this.emit({ kind: 'catalogue' }),
    });
  }

  /**
   * Runs an edit and its audit record in one transaction; `changed(showId)` drops that show's
   * cached pages once the edit commits (never for an edit that rolls back).
   */
  private async change<T>(
    work: (
      catalog: CatalogRepository,
      audit: AuditRepository,
      changed: (showId: number) => void,
      externalIds: ExternalIdsRepository,
      alternateTitles: AlternateTitlesRepository,
    ) => Promise<T>,
  ): Promise<T> {
    return this.store.transact((tx) =>
      work(tx.catalog, tx.audit, (showId) => tx.onCommit(() => this.emit({ kind: 'catalogue', showId })), tx.externalIds, tx.alternateTitles),
    );
  }

  private async requireShow(catalog: CatalogRepository, slug: string): Promise<Show> {
    const show = await catalog.findShowBySlug(slug);
    if (!show) throw new NotFoundError(`There is no show called “${slug}”.`);
    return show;
  }

  private now(): string {
    return nowTimestamp(this.clock);
  }

  private today(): string {
    return this.now().slice(0, 10);
  }
}

/** What the audit log keeps of an episode (with its ids and other titles when the form edited them). */
function describe(e: StoredEpisode, ids?: ExternalIds, titles?: AlternateTitle[]) {
  const fields = { number: e.number, title: e.title, airDate: e.airDate, synopsis: e.synopsis, directors: e.directors, watchLinks: e.watchLinks };
  return { ...fields, ...(ids ? { ids } : {}), ...(titles ? { titles } : {}) };
}

/** The other titles a form typed, checked; undefined when the form has no titles field. */
function validateTitles(text: string | undefined): AlternateTitle[] | undefined {
  if (text === undefined) return undefined;
  const { titles, problems } = parseTitleLines(text);
  if (problems.length > 0) throw new FormError({ titles: `${problems.join('; ')}.` });
  return titles;
}

/** The ids a form typed, checked against each site's rule; undefined when the form has no id fields. */
function validateExternalIds(fields: ExternalIdFields | undefined): ExternalIds | undefined {
  if (fields === undefined) return undefined;
  const problems: Record<string, string> = {};
  const ids: ExternalIds = {};
  for (const source of EXTERNAL_ID_SOURCES) {
    const id = (fields[source] ?? '').trim();
    if (id === '') continue;
    if (isExternalId(source, id)) ids[source] = id;
    else problems[externalIdField(source)] = `Enter ${EXTERNAL_ID_RULES[source].anId} as ${EXTERNAL_ID_RULES[source].rule}, or leave it empty.`;
  }
  if (Object.keys(problems).length > 0) throw new FormError(problems);
  return ids;
}

/** A form error beside each id another record holds, naming that record. */
function refuseTaken(owners: ExternalIdOwner[], kind: 'show' | 'episode'): void {
  if (owners.length === 0) return;
  const problems: Record<string, string> = {};
  for (const o of owners) {
    const other = kind === 'show' ? `the show “${o.label}”` : `episode ${o.label}`;
    problems[externalIdField(o.source)] = `This ${EXTERNAL_ID_RULES[o.source].label} id belongs to ${other} already.`;
  }
  throw new FormError(problems);
}

/** A unique violation here means another edit took one of the ids since the check: the same answer, less precise. */
function takenMeanwhile(kind: 'show' | 'episode') {
  return (error: unknown) => {
    if (isUniqueViolation(error)) throw new FormError({ form: `Another ${kind} took one of these ids a moment ago; check them and save again.` });
    throw error;
  };
}

async function saveShowIds(repository: ExternalIdsRepository, showId: number, ids: ExternalIds): Promise<ExternalIds> {
  refuseTaken(await repository.otherShowsHolding(showId, ids), 'show');
  await repository.replaceShowIds(showId, ids).catch(takenMeanwhile('show'));
  return ids;
}

async function saveEpisodeIds(repository: ExternalIdsRepository, episodeId: number, ids: ExternalIds): Promise<ExternalIds> {
  refuseTaken(await repository.otherEpisodesHolding(episodeId, ids), 'episode');
  await repository.replaceEpisodeIds(episodeId, ids).catch(takenMeanwhile('episode'));
  return ids;
}

const longerThan = (text: string, limit: number) => !fitsLimit(text, limit);
const keepTo = (what: string, limit: number) => `Keep the ${what} to ${formatLimit(limit)} characters or fewer, on one line.`;

function validateShow(fields: ShowFields) {
  const problems: Record<string, string> = {};
  const slug = fields.slug.trim();
  if (!isSlug(slug)) problems.slug = `Use ${SLUG_RULE}, at most ${formatLimit(LIMITS.slug)} characters.`;
  const title = fields.title.trim();
  if (title.length < 1 || longerThan(title, LIMITS.showTitle) || !isSingleLine(title)) {
    problems.title = `Enter a title of 1 to ${formatLimit(LIMITS.showTitle)} characters.`;
  }
  const synopsis = fields.synopsis.trim();
  if (longerThan(synopsis, LIMITS.showSynopsis)) problems.synopsis = `Keep the synopsis to ${formatLimit(LIMITS.showSynopsis)} characters or fewer.`;
  const network = fields.network.trim();
  if (longerThan(network, LIMITS.network) || !isSingleLine(network)) problems.network = keepTo('network', LIMITS.network);
  const status = fields.status.trim();
  if (longerThan(status, LIMITS.status) || !isSingleLine(status)) problems.status = keepTo('status', LIMITS.status);
  if (Object.keys(problems).length > 0) throw new FormError(problems);
  return { slug, title, synopsis, network: network || null, status: status || null };
}

function validateEpisode(fields: EpisodeFields, fixedNumber: number | null) {
  const problems: Record<string, string> = {};
  const number = fixedNumber ?? parseCatalogNumber(fields.number);
  if (number === null) problems.number = `Enter an episode number from ${NUMBER_RANGE_TEXT}.`;
  const title = fields.title.trim();
  if (longerThan(title, LIMITS.episodeTitle) || !isSingleLine(title)) problems.title = keepTo('title', LIMITS.episodeTitle);
  const airDate = fields.airDate.trim();
  if (airDate && !isCalendarDate(airDate)) problems.airDate = 'Enter the date as YYYY-MM-DD, e.g. 2003-04-03.';
  const synopsis = fields.synopsis.trim();
  if (longerThan(synopsis, LIMITS.episodeSynopsis)) {
    problems.synopsis = `Keep the synopsis to ${formatLimit(LIMITS.episodeSynopsis)} characters or fewer.`;
  }
  const directors = lines(fields.directors);
  if (directors.length > MAX_DIRECTORS) problems.directors = `List at most ${MAX_DIRECTORS} directors, one per line; this lists ${directors.length}.`;
  else if (directors.some((d) => longerThan(d, LIMITS.directorName))) {
    problems.directors = `Keep each name to ${formatLimit(LIMITS.directorName)} characters or fewer.`;
  }
  const watchLinks: WatchLink[] = [];
  const links = lines(fields.watchLinks);
  if (links.length > MAX_WATCH_LINKS) problems.watchLinks = `List at most ${MAX_WATCH_LINKS} links, one per line; this lists ${links.length}.`;
  else {
    for (const line of links) {
      const split = line.indexOf('=');
      const provider = split > 0 ? line.slice(0, split).trim() : '';
      const url = split > 0 ? line.slice(split + 1).trim() : '';
      if (!provider || !/^https?:\/\//.test(url)) {
        problems.watchLinks = `Write each link as "Provider = https://…"; "${line}" is not.`;
      } else if (!isProvider(provider)) {
        problems.watchLinks = `Keep each provider name to ${formatLimit(LIMITS.provider)} characters or fewer; "${provider}" is longer.`;
      } else if (!isWatchLinkUrl(url)) {
        problems.watchLinks = `"${url.slice(0, 80)}" is not a usable address: use ${WATCH_LINK_URL_RULE}, with spaces and other unsafe characters %-encoded.`;
      }
      if (problems.watchLinks) break;
      watchLinks.push({ provider, url });
    }
  }
  const located = problems.watchLinks ? null : withLinkCountries(watchLinks, fields.watchLinkCountries ?? '');
  if (located && 'problem' in located) problems.watchLinkCountries = located.problem;
  else if (located) watchLinks.splice(0, watchLinks.length, ...located.links);
  if (Object.keys(problems).length > 0) throw new FormError(problems);
  return { number: number!, title: title || null, airDate: airDate || null, synopsis: synopsis || null, directors, watchLinks };
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

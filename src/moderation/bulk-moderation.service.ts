/**
 * The rules of bulk moderation (issue 12): a moderator selects counted ratings by scope (an
 * episode or a show) and by address, range or time window, sees what removing or holding them
 * would do to the numbers, and confirms; and releases or discards held ratings (recorded, not
 * counted) in bulk. Every action runs in one transaction that re-reads the selection, recounts
 * the affected tallies and writes its audit entry, so tallies always equal a recount.
 */
import { BlockList } from 'node:net';
import { FormError, says } from '../shared/errors.js';
import { t, tIn } from '../i18n/translate.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { nowTimestamp } from '../db/dialect.js';
import type { Emit } from '../shared/change-feed.js';
import { networkKey, parseRange, type AddressRange } from '../shared/ip-address.js';
import { fanScore, formatAverage, formatTwoDecimals, type Tally } from '../ranking/ranking.js';
import type { TallyRecountRepository } from '../votes/tally-recount.repository.js';
import { ADMIN_PAGE_SIZE, type KeysetPage } from '../editing/admin-paging.js';
import type { AuditRepository, Actor } from '../editing/audit.repository.js';
import type { BulkModerationRepository, CountedRating, RatingFilter } from './bulk-moderation.repository.js';
import type { HeldRatingsRepository, HeldFilter, HeldRating } from './held-ratings.repository.js';
import type { Store } from '../db/store.js';
import { ShowNotFoundError, ShowPicker, showNotFoundMessage, type ShowMatch } from '../catalog/show-picker.service.js';

/**
 * Ratings read per query while matching a selection; the matcher yields to the event loop between
 * pages, so filtering a range in JS never holds it for long.
 */
export const BULK_READ_PAGE = 1_000;
/**
 * The most ratings one bulk action looks at. A selection reaching past it is refused with a
 * request to narrow it (a shorter window, one episode): a preview, its confirmation and the
 * transaction each read what the selection covers, and that must stay bounded.
 */
export const BULK_MAX_RATINGS = 50_000;

export const BULK_ACTIONS = ['remove', 'hold'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const HELD_ACTIONS = ['release', 'discard'] as const;
export type HeldAction = (typeof HELD_ACTIONS)[number];

/** A selection as typed in the form (every field free text, checked here). */
export interface SelectionInput {
  /** A show's title or slug, as typed (catalog/show-picker.service.ts); once checked, its title. */
  show?: string | undefined;
  /** The slug of the show chosen from the picker's suggestions, or of the show checked. */
  showSlug?: string | undefined;
  season?: string | undefined;
  episode?: string | undefined;
  address?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Which held ratings, as typed in the held ratings page's filter. */
export interface HeldFilterInput {
  /** As in SelectionInput: a title or slug typed, its title once checked. */
  show?: string | undefined;
  showSlug?: string | undefined;
  season?: string | undefined;
  episode?: string | undefined;
  network?: string | undefined;
}

/** One affected episode's numbers before and after an action (averages and scores as pages show them). */
export interface EpisodeChange {
  episodeId: number;
  label: string;
  matched: number;
  votes: { before: number; after: number };
  average: { before: string | null; after: string | null };
  score: { before: string | null; after: string | null };
}

export interface BulkPreview {
  /** The selection with its fields trimmed, for the confirmation form to send back. */
  input: Required<SelectionInput>;
  description: string;
  matched: number;
  episodes: EpisodeChange[];
}

export interface HeldPreview {
  input: Required<HeldFilterInput>;
  ids: number[];
  description: string;
  matched: number;
  episodes: Array<{ label: string; matched: number }>;
}

export type HeldRow = HeldRating & { episode: string };

interface Selection {
  input: Required<SelectionInput>;
  showId: number;
  filter: RatingFilter;
  /** A range SQL cannot use an index for, matched in JS over the scope's rows. */
  range: BlockList | null;
  description: string;
  /** The description in English, as the audit log records it (`description` is the reader's language). */
  subject: string;
}
/** A scope in words: the show's title, or the episode's compact label, in `language` (else the one in force). */
type ScopeWords = (language?: 'en') => string;

/** Thrown inside an action's transaction when the selection no longer matches what was confirmed. */
class SelectionChanged extends Error {
  override name = 'SelectionChanged';
}

const trimmed = <T extends object>(input: T, fields: readonly (keyof T)[]) =>
  Object.fromEntries(fields.map((f) => [f, String(input[f] ?? '').trim()])) as Required<{ [K in keyof T]: string }>;
const SELECTION_FIELDS = ['show', 'showSlug', 'season', 'episode', 'address', 'from', 'to'] as const;
const HELD_FIELDS = ['show', 'showSlug', 'season', 'episode', 'network'] as const;

/** The form's errors, with the shows to pick from when its show field named no one show. */
const formError = (errors: Record<string, string>, offered: readonly ShowMatch[] | null) =>
  offered ? new ShowNotFoundError(errors, offered) : new FormError(errors);

// `2026-11-25T14:05` from a datetime-local input, or a full ISO time; UTC unless it says Z anyway.
const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z?$/;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The repositories bulk moderation reads and writes through its store. */
export interface BulkModerationRepositories {
  bulkModeration: BulkModerationRepository;
  heldRatings: HeldRatingsRepository;
  recount: TallyRecountRepository;
  audit: AuditRepository;
  /** Names the episodes a change touched, for the change feed. */
  catalog: CatalogRepository;
}

export class BulkModerationService {
  constructor(
    private readonly store: Store<BulkModerationRepositories>,
    private readonly catalog: CatalogRepository,
    private readonly priorVotes: number,
    /** Told after commit of the ratings changed (src/shared/change-feed.ts). */
    private readonly emit: Emit,
    private readonly clock: () => Date = () => new Date(),
    /** The forms a network is stored in: itself, and its keyed hash once its addresses are forgotten (address-retention.ts). */
    private readonly networkForms: (network: string) => Promise<string[]> = async (network) => [network],
    /** Reads a show field: a title or a slug (catalog/show-picker.service.ts). */
    private readonly shows: ShowPicker = new ShowPicker(catalog),
  ) {}

  /**
   * A selection to fill the form with, not yet checked (a link from an episode names its show by
   * slug): its show field says the show's title when it names one, so the form shows titles.
   */
  async named(input: SelectionInput): Promise<SelectionInput> {
    if (!input.show) return input;
    const choice = await this.shows.resolve(input.show, input.showSlug);
    return choice.found ? { ...input, show: choice.found.title, showSlug: choice.found.slug } : input;
  }

  /** What removing or holding a selection would do: how many ratings, and each episode's numbers before and after. */
  async preview(input: SelectionInput): Promise<BulkPreview> {
    const selection = await this.select(input);
    const matched = await matchRatings(this.store.read.bulkModeration, selection);
    return { input: selection.input, description: selection.description, matched: matched.length, episodes: await this.changes(selection.showId, matched) };
  }

  /**
   * Removes or holds the selection's ratings, if it still matches `expected` ratings; otherwise
   * does nothing and answers with the fresh preview, for the moderator to confirm again.
   */
  async apply(
    actor: Actor,
    input: SelectionInput,
    action: string,
    expected: string | undefined,
  ): Promise<{ done: true; count: number; description: string } | { done: false; preview: BulkPreview }> {
    if (!(BULK_ACTIONS as readonly string[]).includes(action)) throw new FormError({ action: says('errors.chooseRemoveOrHold') });
    const selection = await this.select(input);
    try {
      return await this.store.transact(async (tx) => {
        const matched = await matchRatings(tx.bulkModeration, selection);
        if (String(matched.length) !== expected) throw new SelectionChanged();
        const at = nowTimestamp(this.clock);
        if (action === 'hold') await tx.bulkModeration.holdRatings(matched, at);
        else await tx.bulkModeration.deleteRatings(matched.map((r) => r.id));
        const episodeIds = [...new Set(matched.map((r) => r.episodeId))];
        await tx.recount.recountEpisodes(episodeIds);
        await tx.audit.record({
          actor,
          action: `votes.bulk-${action}`,
          subject: selection.subject,
          before: { selection: selection.input, ratings: matched.map(auditedRating) },
          after: { [action === 'hold' ? 'held' : 'removed']: matched.length, episodes: episodeIds.length },
          at,
        });
        if (matched.length > 0) {
          const changes = await tx.catalog.ratingChanges(episodeIds);
          // Both move tallies; a hold also fills the held list (the episode pages' and the header's counts).
          tx.onCommit(() => {
            this.emit({ kind: 'ratings', changes });
            if (action === 'hold') this.emit({ kind: 'held-ratings', changes });
          });
        }
        return { done: true as const, count: matched.length, description: selection.description };
      });
    } catch (error) {
      if (!(error instanceof SelectionChanged)) throw error;
      return { done: false, preview: await this.preview(input) };
    }
  }

  /** One page of held ratings, newest first, with the filter as understood. */
  async heldPage(input: HeldFilterInput, cursor: { before?: number | undefined; after?: number | undefined }) {
    const { filter, input: echoed, description } = await this.heldFilter(input);
    const page = await this.store.read.heldRatings.page(filter, cursor, ADMIN_PAGE_SIZE);
    const labels = await this.labels(page.items.map((h) => h.episodeId));
    const rows: KeysetPage<HeldRow, number> = {
      ...page,
      items: page.items.map((h) => ({ ...h, episode: labels.get(h.episodeId) ?? `episode ${h.episodeId}` })),
    };
    return { input: echoed, description, page: rows };
  }

  /** How many held ratings a release or discard would take: those of the filter, or only the checked ones among them. */
  async previewHeld(input: HeldFilterInput, ids: readonly string[] | undefined): Promise<HeldPreview> {
    const { filter, input: echoed, description, ids: chosen } = await this.heldFilter(input, ids);
    const matched = await matchHeld(this.store.read.heldRatings, filter);
    const labels = await this.labels([...new Set(matched.map((h) => h.episodeId))]);
    const perEpisode = new Map<number, number>();
    for (const h of matched) perEpisode.set(h.episodeId, (perEpisode.get(h.episodeId) ?? 0) + 1);
    const episodes = [...perEpisode].map(([id, count]) => ({ label: labels.get(id) ?? `episode ${id}`, matched: count }));
    return { input: echoed, ids: chosen, description, matched: matched.length, episodes };
  }

  /**
   * Releases (counts, replacing what the voter rated since) or discards the held ratings of a
   * filter, if it still matches `expected` of them; otherwise answers with the fresh preview. A
   * released rating passes no allowance check: the moderator decided.
   */
  async applyHeld(
    actor: Actor,
    input: HeldFilterInput,
    ids: readonly string[] | undefined,
    action: string,
    expected: string | undefined,
  ): Promise<{ done: true; count: number; description: string } | { done: false; preview: HeldPreview }> {
    if (!(HELD_ACTIONS as readonly string[]).includes(action)) throw new FormError({ action: says('errors.chooseReleaseOrDiscard') });
    const { filter, description, subject } = await this.heldFilter(input, ids);
    try {
      return await this.store.transact(async (tx) => {
        const matched = await matchHeld(tx.heldRatings, filter);
        if (String(matched.length) !== expected) throw new SelectionChanged();
        const at = nowTimestamp(this.clock);
        const episodeIds = [...new Set(matched.map((h) => h.episodeId))];
        if (action === 'release') {
          await tx.heldRatings.release(matched);
          await tx.recount.recountEpisodes(episodeIds);
        } else {
          await tx.heldRatings.discard(matched.map((h) => h.id));
        }
        if (matched.length > 0) {
          // Both empty the held list (the episode pages' and the header's counts); a release also moves tallies.
          const changes = await tx.catalog.ratingChanges(episodeIds);
          tx.onCommit(() => {
            if (action === 'release') this.emit({ kind: 'ratings', changes });
            this.emit({ kind: 'held-ratings', changes });
          });
        }
        await tx.audit.record({
          actor,
          action: `held.${action}`,
          subject,
          before: { filter: { ...input, ids: filter.ids ?? null }, ratings: matched.map(auditedRating) },
          after: { [action === 'release' ? 'released' : 'discarded']: matched.length, episodes: episodeIds.length },
          at,
        });
        return { done: true as const, count: matched.length, description };
      });
    } catch (error) {
      if (!(error instanceof SelectionChanged)) throw error;
      return { done: false, preview: await this.previewHeld(input, ids) };
    }
  }

  /** Checks a selection and says it in words; every problem is a form error naming its field. */
  private async select(raw: SelectionInput): Promise<Selection> {
    const input = trimmed(raw, SELECTION_FIELDS);
    const errors: Record<string, string> = {};
    const offered: { matches: ShowMatch[] | null } = { matches: null };
    const scope = await this.scope(input, errors, offered);
    const address = parseAddressFilter(input.address, errors);
    const from = parseInstant(input.from, 'from', errors);
    const to = parseInstant(input.to, 'to', errors);
    if (from && to && from >= to) errors.to ??= 'The end of the window must come after its start.';
    if (!input.address && !input.from && !input.to && !errors.address) {
      errors.address = 'Give an address or range, a time window, or both: this tool does not take every rating of an episode or a show.';
    }
    if (Object.keys(errors).length > 0 || !scope || address === undefined) throw formError(errors, offered.matches);
    // An unused part is `none` to the message's select (no address, time or show is ever called that).
    const words = { address: input.address || 'none', from: from ?? 'none', to: to ?? 'none' };
    const said = {
      description: t('admin.selection', { ...words, scope: scope.label() }),
      subject: tIn('en', 'admin.selection', { ...words, scope: scope.label('en') }),
    };
    return {
      input,
      showId: scope.showId,
      filter: { scope: scope.episodeId === null ? { showId: scope.showId } : { episodeId: scope.episodeId }, ...address.sql, from, to },
      range: address.range,
      ...said,
    };
  }

  /**
   * The show (and episode) a form names. The show field is read by the show picker; once found, the
   * input says the show's title and carries its slug, so the form shown again reads as a title and
   * its links and hidden fields name the show exactly.
   */
  private async scope(
    input: { show: string; showSlug: string; season: string; episode: string },
    errors: Record<string, string>,
    offered: { matches: ShowMatch[] | null },
  ) {
    if (!input.show) {
      errors.show = 'Enter the show: its title or its address name (kaleido-star).';
      return null;
    }
    const choice = await this.shows.resolve(input.show, input.showSlug);
    if (!choice.found) {
      errors.show = showNotFoundMessage(input.show, choice);
      offered.matches = choice.matches;
      return null;
    }
    const show = choice.found;
    input.show = show.title;
    input.showSlug = show.slug;
    if (!input.season && !input.episode) return { showId: show.id, episodeId: null, label: (() => show.title) as ScopeWords };
    const season = wholeNumber(input.season);
    const episode = wholeNumber(input.episode);
    if (season === null || episode === null) {
      errors[season === null ? 'season' : 'episode'] = 'Give both the season and the episode number (or neither, for the whole show).';
      return null;
    }
    const ref = await this.catalog.findEpisodeRef(show.slug, season, episode);
    if (!ref) {
      errors.episode = `${show.title} has no episode ${episode} in season ${season}.`;
      return null;
    }
    const values = { show: show.title, season, episode };
    const label: ScopeWords = (language) => (language ? tIn(language, 'admin.episodeScope', values) : t('admin.episodeScope', values));
    return { showId: show.id, episodeId: ref.episodeId, label };
  }

  private async heldFilter(raw: HeldFilterInput, rawIds?: readonly string[]) {
    const input = trimmed(raw, HELD_FIELDS);
    const errors: Record<string, string> = {};
    const offered: { matches: ShowMatch[] | null } = { matches: null };
    const filter: HeldFilter = {};
    let label: ScopeWords = (language) => (language ? tIn(language, 'admin.allShows') : t('admin.allShows'));
    // A hidden slug left from an earlier choice means nothing once the show field is emptied.
    if (!input.show) input.showSlug = '';
    if (input.show || input.season || input.episode) {
      const scope = await this.scope(input, errors, offered);
      if (scope) {
        filter.showId = scope.showId;
        if (scope.episodeId !== null) filter.episodeId = scope.episodeId;
        label = scope.label;
      }
    }
    if (input.network) {
      const range = parseRange(input.network);
      const exact = range && (range.family === 'ipv4' ? range.prefix === 32 : range.prefix === 64 || range.prefix === 128);
      if (!range || !exact) errors.network = 'Enter an address (203.0.113.7) or an IPv6 /64 (2001:db8:1:2::/64): held ratings are kept by network.';
      else {
        filter.network = networkKey(range.address);
        filter.networkForms = await this.networkForms(filter.network);
      }
    }
    const ids = rawIds?.map((id) => wholeNumber(id));
    if (ids?.some((id) => id === null)) errors.ids = 'Those are not held ratings.';
    if (ids && ids.length === 0) errors.ids = 'Check at least one held rating, or act on every one the filter shows.';
    if (ids && ids.length > ADMIN_PAGE_SIZE) errors.ids = `Check at most ${ADMIN_PAGE_SIZE} rows, a page’s worth; act on the filter for more.`;
    if (Object.keys(errors).length > 0) throw formError(errors, offered.matches);
    if (ids) filter.ids = ids as number[];
    const words = { checked: String(ids !== undefined), network: filter.network ?? 'none' };
    const said = {
      description: t('admin.heldSelection', { ...words, scope: label() }),
      subject: tIn('en', 'admin.heldSelection', { ...words, scope: label('en') }),
    };
    return { filter, input, ...said, ids: (ids ?? []) as number[] };
  }

  /** Each affected episode's numbers before and after taking `matched` out of the count. */
  private async changes(showId: number, matched: readonly CountedRating[]): Promise<EpisodeChange[]> {
    const taken = new Map<number, Tally>();
    for (const r of matched) {
      const t = taken.get(r.episodeId) ?? { count: 0, sum: 0 };
      taken.set(r.episodeId, { count: t.count + 1, sum: t.sum + r.rating });
    }
    const repo = this.store.read.bulkModeration;
    const ids = [...taken.keys()].sort((a, b) => a - b);
    const [figures, show, labels] = await Promise.all([repo.episodeFigures(ids), repo.showFigures(showId), this.labels(ids)]);
    const total = [...taken.values()].reduce((a, t) => ({ count: a.count + t.count, sum: a.sum + t.sum }), { count: 0, sum: 0 });
    const prior = (s: Tally) => ({ showCount: s.count, showSum: s.sum, priorVotes: this.priorVotes });
    const showAfter = { count: show.count - total.count, sum: show.sum - total.sum };
    const score = (t: Tally, s: Tally) => {
      const value = fanScore(t, prior(s));
      return value && formatTwoDecimals(value);
    };
    return ids.map((episodeId) => {
      const before = figures.get(episodeId) ?? { count: 0, sum: 0 };
      const t = taken.get(episodeId)!;
      const after = { count: before.count - t.count, sum: before.sum - t.sum };
      return {
        episodeId,
        label: labels.get(episodeId) ?? `episode ${episodeId}`,
        matched: t.count,
        votes: { before: before.count, after: after.count },
        average: { before: formatAverage(before), after: formatAverage(after) },
        score: { before: score(before, show), after: score(after, showAfter) },
      };
    });
  }

  private async labels(episodeIds: readonly number[]): Promise<Map<number, string>> {
    const addresses = await this.catalog.episodeAddresses(episodeIds);
    return new Map([...addresses].map(([id, a]) => [id, a.named]));
  }
}

/**
 * The counted ratings of a selection, read a page at a time in id order. Exact addresses and /64s
 * are narrowed by SQL through votes.network; other ranges are checked here, row by row.
 */
async function matchRatings(repo: BulkModerationRepository, selection: Selection): Promise<CountedRating[]> {
  const matched: CountedRating[] = [];
  let after = 0;
  let read = 0;
  for (;;) {
    const page = await repo.ratingsPage(selection.filter, after, BULK_READ_PAGE);
    read += page.length;
    if (read > BULK_MAX_RATINGS) throw tooMany();
    for (const r of page) if (!selection.range || (r.ip !== null && inRange(selection.range, r.ip))) matched.push(r);
    if (page.length < BULK_READ_PAGE) return matched;
    after = page.at(-1)!.id;
    await yieldToEventLoop();
  }
}

async function matchHeld(repo: HeldRatingsRepository, filter: HeldFilter): Promise<HeldRating[]> {
  const matched: HeldRating[] = [];
  let after = 0;
  for (;;) {
    const page = await repo.matchingPage(filter, after, BULK_READ_PAGE);
    matched.push(...page);
    if (matched.length > BULK_MAX_RATINGS) throw tooMany();
    if (page.length < BULK_READ_PAGE) return matched;
    after = page.at(-1)!.id;
    await yieldToEventLoop();
  }
}

const tooMany = () =>
  new FormError({
    address: says('errors.selectionTooLarge', { limit: BULK_MAX_RATINGS }),
  });

function inRange(range: BlockList, ip: string): boolean {
  return range.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4');
}

/**
 * An address filter: undefined when malformed (an error is recorded), null-free otherwise. One
 * IPv4 address is its own network and a /64 is one IPv6 network, both matched through the
 * indexed `votes.network`; one IPv6 address narrows its /64 by `ip`; any other range is checked in JS.
 */
function parseAddressFilter(text: string, errors: Record<string, string>): { sql: Pick<RatingFilter, 'network' | 'ip'>; range: BlockList | null } | undefined {
  if (!text) return { sql: {}, range: null };
  const range = parseRange(text);
  if (!range) {
    errors.address = 'Enter an address or a range such as 203.0.113.7, 203.0.113.0/24 or 2001:db8:1:2::/64.';
    return undefined;
  }
  if (range.family === 'ipv4' && range.prefix === 32) return { sql: { network: range.address }, range: null };
  if (range.family === 'ipv6' && range.prefix === 128) return { sql: { network: networkKey(range.address), ip: range.address }, range: null };
  if (range.family === 'ipv6' && range.prefix === 64) return { sql: { network: networkKey(range.address) }, range: null };
  return { sql: {}, range: blockListOf(range) };
}

function blockListOf(range: AddressRange): BlockList {
  const list = new BlockList();
  list.addSubnet(range.address, range.prefix, range.family);
  return list;
}

/** A form's date and time as stored timestamps are written (UTC ISO text), '' as null. */
function parseInstant(text: string, field: 'from' | 'to', errors: Record<string, string>): string | null {
  if (!text) return null;
  const match = INSTANT.exec(text);
  const time = match ? Date.parse(`${match[1]}T${match[2]}Z`) : NaN;
  if (Number.isNaN(time)) {
    errors[field] = 'Enter a date and time in UTC, such as 2026-11-25T14:05.';
    return null;
  }
  return new Date(time).toISOString();
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,9}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null;
}

/** A rating as its audit entry keeps it: without its address, since the audit log outlives ADDRESS_RETENTION_DAYS. */
function auditedRating(r: { episodeId: number; voterId: string; rating: number; updatedAt: string }) {
  return { episodeId: r.episodeId, voterId: r.voterId, rating: r.rating, updatedAt: r.updatedAt };
}

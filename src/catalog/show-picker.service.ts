/**
 * Which show an operator meant in a show filter (issue 25: pickers, not typed slugs). The admin
 * pages' show fields take what was typed: a show's address name (slug) or its title in any case.
 * With JavaScript the field is a combobox over the site's search (site.js) whose chosen option also
 * fills a hidden field with the show's slug, which settles two shows of the same title; without
 * it, the text alone is resolved here. When it names no show, or more than one, the operator is
 * offered up to SHOW_PICKER_MATCHES shows to pick from, found by the site's search, so no page ever
 * lists the whole catalogue. Every show filter calls `resolve`.
 */
import { FormError } from '../shared/errors.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { Show } from './catalog.types.js';
import { foldText, type SearchService } from './search.service.js';

/** The most shows offered when what was typed names no show, or several. */
export const SHOW_PICKER_MATCHES = 8;

/** A show offered to pick from: its slug (what a filter keeps) and its title (what it shows). */
export interface ShowMatch {
  slug: string;
  title: string;
}

/** The show found; or none, with the shows to offer (`several`: they all bear the title typed). */
export type ShowChoice = { found: Show } | { found: null; matches: ShowMatch[]; several: boolean };

/** A form's show field named no one show: its message, and the shows that come close, to pick from. */
export class ShowNotFoundError extends FormError {
  override name = 'ShowNotFoundError';
  constructor(
    fields: Record<string, string>,
    readonly matches: readonly ShowMatch[],
  ) {
    super(fields);
  }
}

/** What a show field says when it names no one show. */
export function showNotFoundMessage(typed: string, choice: { matches: readonly ShowMatch[]; several: boolean }): string {
  if (choice.several) return `Several shows are called “${typed}”: pick one below.`;
  if (choice.matches.length === 0) return `No show is called “${typed}”: type its title or its address name.`;
  return `No show is called “${typed}”: pick one below, or type its exact title or address name.`;
}

export class ShowPicker {
  constructor(
    private readonly catalog: CatalogRepository,
    /** Finds the shows to offer; without it (some tests) none are offered. */
    private readonly search: SearchService | null = null,
  ) {}

  /**
   * The show `typed` names: the show `chosen` (a slug from the combobox's hidden field) when
   * `typed` is still its title or slug, so that a field edited after a choice is read anew; else
   * the show whose slug is `typed`; else the one show titled `typed` in any case. Otherwise none,
   * with the shows that come close.
   */
  async resolve(typed: string, chosen = ''): Promise<ShowChoice> {
    const text = typed.trim();
    if (chosen) {
      const show = await this.catalog.findShowBySlug(chosen.trim());
      if (show && (text === show.slug || foldText(text) === foldText(show.title))) return { found: show };
    }
    const bySlug = text ? await this.catalog.findShowBySlug(text) : null;
    if (bySlug) return { found: bySlug };
    const titled = text ? await this.catalog.findShowsByTitle(text, SHOW_PICKER_MATCHES) : [];
    if (titled.length === 1) return { found: titled[0]! };
    // Several shows share the title: each is offered, told apart by its slug.
    if (titled.length > 1) return { found: null, matches: titled.map(matchOf), several: true };
    return { found: null, matches: await this.closeTo(text), several: false };
  }

  /** Shows the search finds for `text`: a show found, or an episode's show, each once, best first. */
  private async closeTo(text: string): Promise<ShowMatch[]> {
    if (!this.search) return [];
    const results = await this.search.search(text, 1, SHOW_PICKER_MATCHES * 4);
    const matches = new Map<string, ShowMatch>();
    for (const item of results.items) {
      if (matches.size >= SHOW_PICKER_MATCHES) break;
      if (!matches.has(item.showSlug)) matches.set(item.showSlug, { slug: item.showSlug, title: item.showTitle });
    }
    return [...matches.values()];
  }
}

const matchOf = (show: Show): ShowMatch => ({ slug: show.slug, title: show.title });

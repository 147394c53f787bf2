/**
 * The JSON-LD on show, season and episode pages: parsed, checked by a structured-data validator
 * against the whole official schema.org vocabulary (types and properties, Google's rules for
 * ratings and breadcrumbs), its numbers equal to the ones the page shows, and inert when a title
 * holds markup.
 */
import Validator from '@adobe/structured-data-validator';
import { describe, expect, it } from 'vitest';
import { StructuredData } from '../../src/web/ui/components/structured-data.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage, type Page } from '../helpers/html.js';
import { schemaOrgVocabulary } from '../helpers/schema-org-vocabulary.js';

/** The official vocabulary, every class and property (see the helper for where it comes from). */
const vocabulary = schemaOrgVocabulary();

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, read by path in the assertions
type LdNode = Record<string, any>;

let showSlug = '';
const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: 'night-watch', title: 'Night </script><script>alert(1)</script> Watch', synopsis: 'A & B <b>' });
    showSlug = show.slug;
    const s1 = await make.season(show.id, 1);
    const s2 = await make.season(show.id, 2);
    const e1 = await make.episode(s1.id, 1, { title: 'Pilot', directors: ['Ann Lee'] });
    const e2 = await make.episode(s1.id, 2, { title: 'Second </script>' });
    await make.episode(s2.id, 1, { title: 'Unrated' });
    await make.ratings(e1.id, [10, 9, 8]);
    await make.ratings(e2.id, [3, 4]);
  },
});

async function page(url: string): Promise<Page> {
  const response = await context.app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return parsePage(response.body);
}

/** The page's JSON-LD graph; exactly one script, which must parse. */
function graphOf($: Page): LdNode[] {
  const scripts = $('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  const document = JSON.parse(scripts.first().html()!);
  expect(document['@context']).toBe('https://schema.org');
  return document['@graph'];
}

/** Runs the validator over the graph's nodes, grouped by type as it expects; returns its findings. */
async function validate(graph: LdNode[]) {
  const jsonld: Record<string, unknown[]> = {};
  for (const node of graph) (jsonld[node['@type']] ??= []).push(structuredClone(node));
  return new Validator(vocabulary).validate({ jsonld });
}

const node = (graph: LdNode[], type: string) => graph.find((n) => n['@type'] === type)!;

describe('structured data', () => {
  it('describes the show as a TVSeries rated with the average and votes its page shows', async () => {
    const $ = await page(`/shows/${showSlug}`);
    const graph = graphOf($);
    expect(await validate(graph)).toEqual([]);
    const series = node(graph, 'TVSeries');
    expect(series.name).toBe('Night </script><script>alert(1)</script> Watch');
    expect(series.aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: Number($('.show-average').text()),
      ratingCount: Number.parseInt($('.show-votes').text(), 10),
      bestRating: 10,
      worstRating: 1,
    });
    expect(series.aggregateRating).toMatchObject({ ratingValue: 6.8, ratingCount: 5 });
    expect(node(graph, 'BreadcrumbList').itemListElement.map((i: LdNode) => i.position)).toEqual([1, 2]);
  });

  it('describes a season with its rating and an ItemList of the episodes ranked on the page', async () => {
    const $ = await page(`/shows/${showSlug}/seasons/1`);
    const graph = graphOf($);
    expect(await validate(graph)).toEqual([]);
    expect(node(graph, 'TVSeason').aggregateRating).toMatchObject({
      ratingValue: Number($('.season-average').text()),
      ratingCount: Number.parseInt($('.season-votes').text(), 10),
    });
    expect(node(graph, 'TVSeason').aggregateRating).toMatchObject({ ratingValue: 6.8, ratingCount: 5 });
    const list = node(graph, 'ItemList').itemListElement;
    expect(list.map((i: LdNode) => [i.position, i.item.name, i.item.aggregateRating.ratingValue, i.item.aggregateRating.ratingCount])).toEqual([
      [1, 'Pilot', 9, 3],
      [2, 'Second </script>', 3.5, 2],
    ]);
  });

  it('describes an episode as a TVEpisode with the numbers of its score block, and none without votes', async () => {
    const $ = await page(`/shows/${showSlug}/seasons/1/episodes/1`);
    const graph = graphOf($);
    expect(await validate(graph)).toEqual([]);
    const episode = node(graph, 'TVEpisode');
    expect(episode.aggregateRating).toMatchObject({
      ratingValue: Number($('.episode-summary .average-value').text()),
      ratingCount: Number.parseInt($('.episode-summary .votes').text(), 10),
    });
    expect(episode.aggregateRating).toMatchObject({ ratingValue: 9, ratingCount: 3 });
    expect(node(graph, 'BreadcrumbList').itemListElement).toHaveLength(4);

    const unrated = graphOf(await page(`/shows/${showSlug}/seasons/2/episodes/1`));
    expect(await validate(unrated)).toEqual([]);
    expect(node(unrated, 'TVEpisode')).not.toHaveProperty('aggregateRating');
  });

  it('keeps "</script>" in a title from closing the script', async () => {
    const response = await context.app.inject({ method: 'GET', url: `/shows/${showSlug}/seasons/1` });
    const script = response.body.slice(response.body.indexOf('application/ld+json'));
    const body = script.slice(0, script.indexOf('</script>'));
    // The whole JSON sits before the first closing tag, so nothing in it ran as markup.
    expect(() => JSON.parse(body.slice(body.indexOf('>') + 1))).not.toThrow();
    expect(body).toContain('\\u003c/script\\u003e');
  });

  it('finds a property schema.org does not have, and one from another type', async () => {
    const findings = await validate([{ '@type': 'TVEpisode', name: 'x', fanScore: 3, numberOfSeasons: 2 }]);
    expect(findings.map((f) => f.issueMessage).sort()).toEqual([
      'Property "fanScore" for type "TVEpisode" is not supported by the schema.org specification',
      'Property "numberOfSeasons" for type "TVEpisode" is not supported by the schema.org specification',
    ]);
  });

  it('fails a page whose JSON-LD misspells a property or a type, nested ones included', async () => {
    const graph = graphOf(await page(`/shows/${showSlug}/seasons/1/episodes/1`));
    const misspelt = (edit: (episode: LdNode) => void) => {
      const copy = structuredClone(graph);
      edit(node(copy, 'TVEpisode'));
      return validate(copy);
    };
    const messages = async (edit: (episode: LdNode) => void) => (await misspelt(edit)).map((f) => f.issueMessage);
    expect(
      await messages((e) => {
        e.episodNumber = e.episodeNumber;
        delete e.episodeNumber;
      }),
    ).toContain('Property "episodNumber" for type "TVEpisode" is not supported by the schema.org specification');
    expect(
      await messages((e) => {
        e.aggregateRating.ratingCont = e.aggregateRating.ratingCount;
        delete e.aggregateRating.ratingCount;
      }),
    ).toContain('Property "ratingCont" for type "AggregateRating" is not supported by the schema.org specification');
    expect(
      await messages((e) => {
        e['@type'] = 'TvEpisode';
      }),
    ).toContain('Type "TvEpisode" is not a valid schema.org type');
  });

  it('types the builders with schema.org: a misspelt property does not compile', () => {
    // Checked by tsc (npm test's first step): without the error the directive itself fails.
    // @ts-expect-error schema.org has no "episodNumber"
    const html = StructuredData({ nodes: [{ '@type': 'TVEpisode', episodNumber: 1 }] });
    expect(String(html)).toContain('episodNumber');
  });
});

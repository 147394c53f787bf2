import * as cheerio from 'cheerio';

export type Page = cheerio.CheerioAPI;

/** Each <template>'s content, kept aside by parsePage. */
const templateContents = new WeakMap<object, string>();

/**
 * The page as a browser's document holds it: a <template>'s content is not part of the document
 * (selectors do not find it, it counts no elements), so it is kept aside for templateContent().
 */
export function parsePage(html: string): Page {
  const $ = cheerio.load(html);
  $('template').each((_, template) => {
    templateContents.set(template, $(template).html() ?? '');
    $(template).empty();
  });
  return $;
}

/** The content of the page's <template> that `selector` finds, as a fragment of its own. */
export function templateContent($: Page, selector: string): Page {
  const template = $(selector).get(0);
  const content = template === undefined ? undefined : templateContents.get(template);
  if (content === undefined) throw new Error(`the page has no template ${selector}`);
  return cheerio.load(content, null, false);
}

/** A ranking as the page shows it: one row per entry of `ol.ranking`, read from the visible text. */
export function readRanking($: Page) {
  return $('ol.ranking > li > article.episode')
    .toArray()
    .map((element) => {
      const card = $(element);
      return {
        rank: Number(card.find('.rank').text().replace(/\D/g, '')),
        title: card.find('.episode-title').text().trim(),
        average: card.find('.average-value').text().trim(),
        votes: Number(card.find('.votes').text().replace(/\D/g, '')),
        fanScore: card.find('.fan-score-value').text().trim(),
        season: Number(card.attr('data-season')),
        episode: Number(card.attr('data-episode')),
        meta: card.find('.episode-meta').text().replace(/\s+/g, ' ').trim(),
        fewVotes: card.find('.few-votes').length > 0,
      };
    });
}

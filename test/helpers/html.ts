import * as cheerio from 'cheerio';

export type Page = cheerio.CheerioAPI;

export function parsePage(html: string): Page {
  return cheerio.load(html);
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

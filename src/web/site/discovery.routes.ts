/**
 * What search engines and browsers ask a site for besides its pages: robots.txt, the sitemap
 * index and its sitemaps (streamed, a page of rows at a time; each page at every language's
 * address, src/catalog/sitemap-xml.ts), and the web app manifest, in the request's language.
 */
import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { SitemapEntry } from '../../catalog/sitemap.service.js';
import { pageEntries, URLSET_CLOSE, URLSET_OPEN, xml } from '../../catalog/sitemap-xml.js';
import { currentLanguage, defaultLanguage } from '../../i18n/context.js';
import { languageOf } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { BadRequestError, NotFoundError, says } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';
import { assetUrl } from '../ui/assets.routes.js';
import { siteBase } from '../ui/send-page.js';
import { SITE_NAME, THEME_COLOUR } from '../ui/site-identity.js';
import { cacheControl } from '../../http/cache-policy.js';

/** A sitemap's file name: its number (from 1, as many digits as a path number has) and ".xml". */
const SitemapParams = Type.Object({ file: Type.String({ pattern: '^[1-9][0-9]{0,5}\\.xml$' }) });

const XML_TYPE = 'application/xml; charset=utf-8';

function pathOf(page: SitemapEntry): string {
  if (page.kind === 'listing') return page.path;
  if (page.kind === 'show') return paths.show(page.show);
  if (page.kind === 'season') return paths.season(page.show, page.season);
  return paths.episode(page.show, page.season, page.episode);
}

export async function discoveryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { sitemaps } = app.services;
  const base = (request: FastifyRequest) => siteBase(request, app.config.publicUrl);

  app.get(routes.site.robots, { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', cacheControl.crawlerFile)
      .send(['User-agent: *', 'Disallow: /admin', 'Disallow: /account', '', `Sitemap: ${base(request)}${paths.sitemapIndex()}`, ''].join('\n')),
  );

  app.get(routes.site.sitemapIndex, { schema: { hide: true } }, async (request, reply) => {
    const count = await sitemaps.sitemapCount();
    const site = base(request);
    const entries = Array.from({ length: count }, (_, i) => `<sitemap><loc>${xml(site + paths.sitemap(i + 1))}</loc></sitemap>`);
    return reply
      .type(XML_TYPE)
      .header('cache-control', cacheControl.crawlerFile)
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`,
      );
  });

  app.get(routes.site.sitemap, { schema: { hide: true, params: SitemapParams } }, async (request, reply) => {
    const n = Number.parseInt(request.params.file, 10);
    const count = await sitemaps.sitemapCount();
    if (n > count) throw new NotFoundError(says('errors.noSuchSitemap', { count, n: String(n) }));
    const site = base(request);
    // The files were cut to stay under the protocol's byte limit at the longest address a site can have.
    if (!sitemaps.fitsSiteBase(site)) throw new BadRequestError(says('errors.sitemapHostTooLong'));
    const defaultTag = defaultLanguage();
    // Written as the rows arrive, so a full sitemap never sits in memory whole.
    async function* document() {
      yield URLSET_OPEN;
      for await (const rows of sitemaps.pages(n)) {
        yield rows.map((page) => pageEntries(site + pathOf(page), 'lastmod' in page ? page.lastmod : null, defaultTag)).join('');
      }
      yield URLSET_CLOSE;
    }
    return reply.type(XML_TYPE).header('cache-control', cacheControl.crawlerFile).send(Readable.from(document()));
  });

  // In the request's language (its ?lang=, cookie or Accept-Language, as a page's), said in `lang`
  // and `dir`; the pages link it without ?lang=, so a cache keeps one copy per cookie and header.
  app.get(routes.site.manifest, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', cacheControl.manifest)
      .header('vary', 'Cookie, Accept-Language')
      .send(
        JSON.stringify({
          name: SITE_NAME,
          short_name: SITE_NAME,
          description: t('site.manifestDescription'),
          lang: currentLanguage(),
          dir: languageOf(currentLanguage())!.dir,
          start_url: paths.home(),
          display: 'browser',
          theme_color: THEME_COLOUR,
          background_color: '#ffffff',
          icons: [
            { src: assetUrl('icon.svg'), type: 'image/svg+xml', sizes: 'any' },
            { src: assetUrl('icon.png'), type: 'image/png', sizes: '512x512' },
          ],
        }),
      ),
  );

  // Browsers ask for /favicon.ico whatever the page says; the PNG answers it.
  app.get(routes.site.favicon, { schema: { hide: true } }, async (_request, reply) => reply.redirect(assetUrl('icon.png'), 301));
}

/**
 * The head tags a show or season page carries for link previews and embeds: its share image
 * (og:image with its size and text, and a large Twitter card) and its oEmbed discovery link,
 * which describes the page's canonical address whatever order or page of the ranking is shown.
 */
import type { PageMeta } from '../../ui/layout.js';
import { paths } from '../../../shared/paths.js';
import { shareImageAlt } from './share-card.js';
import { SHARE_IMAGE_SIZE } from './share-svg.js';

type Preview = Pick<PageMeta, 'image' | 'oembed'>;

function preview(base: string, imagePath: string, alt: string, pagePath: string): Preview {
  return {
    image: { url: base + imagePath, alt, ...SHARE_IMAGE_SIZE },
    oembed: base + paths.oembed(base + pagePath),
  };
}

/** A show page's preview tags; `base` is the site's absolute base (PUBLIC_URL or the request's). */
export function showPreview(base: string, show: { slug: string; title: string }): Preview {
  return preview(base, paths.showShareImage(show.slug), shareImageAlt(show.title), paths.show(show.slug));
}

export function seasonPreview(base: string, show: { slug: string; title: string }, season: number): Preview {
  return preview(base, paths.seasonShareImage(show.slug, season), shareImageAlt(show.title, season), paths.season(show.slug, season));
}

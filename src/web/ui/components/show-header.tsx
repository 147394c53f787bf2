/**
 * The header of a show's pages, and the breadcrumbs above it.
 */
import type { Show } from '../../../catalog/catalog.types.js';
import { formatDate } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { h, type Child } from '../jsx.js';
import { ShareLinks } from './share-links.js';
import { OtherTitles } from './alternate-titles.js';

/**
 * The show's header: the heading and what the page puts under it (a season's average, its
 * seasons), then one row of tools. Every fact of the reference page's header (its lede, the
 * show's synopsis, last update, network and status) is in "About the show", a disclosure that
 * opens without JavaScript, so that the ranking starts in the first screen (issue 25).
 */
export function ShowHeader(props: {
  show: Show;
  heading: string;
  lede?: string;
  url: string;
  children?: Child;
  /** More about the show, inside the disclosure (its ids on other sites). */
  about?: Child;
  /** More tools beside the share links (the spoiler settings). */
  tools?: Child;
}) {
  const { show } = props;
  const updated = formatDate(show.lastUpdated);
  // The reference page's facts, in its order; a fact the catalogue lacks is left out.
  const facts = (
    [
      [t('ranking.lastUpdated'), updated ? <time datetime={show.lastUpdated!}>{updated}</time> : null],
      [t('ranking.network'), show.network],
      [t('ranking.status'), show.status && t('ranking.statusValue', { status: show.status })],
    ] as const
  ).filter(([, value]) => value);
  return (
    <header class="show-header">
      <h1>{props.heading}</h1>
      <OtherTitles record={show} url={props.url} />
      {props.children}
      <div class="page-tools">
        <details class="about-show">
          <summary>{t('ranking.aboutShow')}</summary>
          {props.lede ? <p class="lede">{props.lede}</p> : null}
          {show.synopsis ? <p class="show-synopsis">{show.synopsis}</p> : null}
          <dl class="facts">
            {facts.map(([term, value]) => (
              <div>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {props.about}
        </details>
        {props.tools}
        <ShareLinks url={props.url} title={props.heading} />
      </div>
    </header>
  );
}

export function Breadcrumbs(props: { trail: Array<{ label: string; href?: string }> }) {
  return (
    <nav class="breadcrumbs" aria-label={t('ranking.breadcrumbLabel')}>
      <ol>
        {props.trail.map((step) => (
          <li>{step.href ? <a href={step.href}>{step.label}</a> : <span aria-current="page">{step.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

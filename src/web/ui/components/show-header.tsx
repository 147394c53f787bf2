/**
 * The header of a show's pages, and the breadcrumbs above it.
 */
import type { Show } from '../../../catalog/catalog.types.js';
import { formatDate } from '../format.js';
import { h, type Child } from '../jsx.js';
import { ShareLinks } from './share-links.js';

/** The show's header as the reference page has it: heading, synopsis, facts and share links. */
export function ShowHeader(props: { show: Show; heading: string; lede?: string; url: string; children?: Child }) {
  const { show } = props;
  const updated = formatDate(show.lastUpdated);
  return (
    <header class="show-header">
      <h1>{props.heading}</h1>
      {props.lede ? <p class="lede">{props.lede}</p> : null}
      {show.synopsis ? <p class="show-synopsis">{show.synopsis}</p> : null}
      <dl class="facts">
        {updated ? (
          <div>
            <dt>Last updated</dt>
            <dd>
              <time datetime={show.lastUpdated!}>{updated}</time>
            </dd>
          </div>
        ) : null}
        {show.network ? (
          <div>
            <dt>Network</dt>
            <dd>{show.network}</dd>
          </div>
        ) : null}
        {show.status ? (
          <div>
            <dt>Status</dt>
            <dd>{show.status}</dd>
          </div>
        ) : null}
      </dl>
      <ShareLinks url={props.url} title={props.heading} />
      {props.children}
    </header>
  );
}

export function Breadcrumbs(props: { trail: Array<{ label: string; href?: string }> }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {props.trail.map((step) => (
          <li>{step.href ? <a href={step.href}>{step.label}</a> : <span aria-current="page">{step.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * Links from a show or an episode page to the same record on other sites (IMDb, TheTVDB, TMDB,
 * TVmaze), from the ids the catalogue keeps. Nothing is drawn for a record without ids, or for a
 * site that cannot address it by its id alone (external-ids.ts says which).
 */
import { EXTERNAL_ID_RULES, externalIdEntries, externalIdUrl, type ExternalIds } from '../../../catalog/external-ids.js';
import { h } from '../jsx.js';

export function ExternalLinks(props: { kind: 'show' | 'episode'; ids: ExternalIds | undefined }) {
  const links = externalIdEntries(props.ids ?? {}).flatMap(([source, id]) => {
    const href = externalIdUrl(props.kind, source, id);
    return href ? [{ href, label: EXTERNAL_ID_RULES[source].label }] : [];
  });
  if (links.length === 0) return null;
  return (
    <p class="external-links">
      {`This ${props.kind} elsewhere: `}
      {links.map((link, i) => (
        <span>
          {i > 0 ? ' · ' : ''}
          <a href={link.href} rel="external noopener">
            {link.label}
          </a>
        </span>
      ))}
    </p>
  );
}

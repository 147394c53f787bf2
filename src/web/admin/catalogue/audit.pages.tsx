/**
 * The audit log page (admins). It is a table on wide screens; on a phone each entry stacks into
 * labelled lines (see the "admin" block of site.css), and the before/after values wrap.
 */
import { adminPath } from '../../../shared/paths.js';
import { withQuery, type KeysetPage } from '../../../editing/admin-paging.js';
import type { AuditEntry } from '../../../editing/audit.repository.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, type Viewed } from '../admin-layout.js';
import { KeysetPager } from '../../ui/components/pager.js';
import { formatTimestamp } from '../../ui/format.js';
import { ColumnHeads } from '../../ui/components/column-heads.js';

const values = (value: unknown) => (value === null ? '—' : <pre>{JSON.stringify(value, null, 1)}</pre>);

/** Newest first, a page at a time; links name an entry, so a page stays put while new entries arrive. */
export function AuditPage(props: Viewed & { entries: KeysetPage<AuditEntry, number> }) {
  const pager = <KeysetPager page={props.entries} label="Audit log pages" href={(cursor) => withQuery(adminPath.audit, { ...cursor })} />;
  return (
    <AdminLayout user={props.user} title="Audit log" trail={[{ label: 'Audit log' }]}>
      <h1>Audit log</h1>
      {props.entries.items.length === 0 ? <p class="empty">No entries on this page.</p> : null}
      <table class="audit">
        <ColumnHeads columns={['When (UTC)', 'Who', 'What', 'Before', 'After']} />
        <tbody>
          {props.entries.items.map((e) => (
            <tr data-action={e.action}>
              <td data-label="When (UTC)">{formatTimestamp(e.createdAt)}</td>
              <td data-label="Who">{e.actorEmail}</td>
              <td data-label="What">
                <code>{e.action}</code> {e.subject}
              </td>
              <td data-label="Before">{values(e.before)}</td>
              <td data-label="After">{values(e.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </AdminLayout>
  );
}

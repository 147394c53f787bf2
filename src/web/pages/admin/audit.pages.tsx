/**
 * The audit log page (admins). It is a table on wide screens; on a phone each entry stacks into
 * labelled lines (see the "admin" block of site.css), and the before/after values wrap.
 */
import type { AuditEntry } from '../../../admin/audit.repository.js';
import { h } from '../../jsx.js';
import { AdminLayout, type Viewed } from './admin-layout.js';

const values = (value: unknown) => (value === null ? '—' : <pre>{JSON.stringify(value, null, 1)}</pre>);

export function AuditPage(props: Viewed & { entries: AuditEntry[] }) {
  return (
    <AdminLayout user={props.user} title="Audit log" trail={[{ label: 'Audit log' }]}>
      <h1>Audit log</h1>
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr data-action={e.action}>
              <td data-label="When (UTC)">{e.createdAt.replace('T', ' ').slice(0, 19)}</td>
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
    </AdminLayout>
  );
}

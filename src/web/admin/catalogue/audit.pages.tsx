/**
 * The audit log page (admins), filtered by action, actor and days. Each entry shows what it changed
 * in words ("field: before → after", "set to …", "removed"; editing/audit-diff.ts), with the entry's full JSON behind a
 * disclosure that opens without JavaScript. It is a table on wide screens; on a phone each entry
 * stacks into labelled lines (see the "admin" block of site.css).
 */
import { adminPath } from '../../../shared/paths.js';
import { withQuery, type KeysetPage } from '../../../editing/admin-paging.js';
import type { AuditEntry, AuditFilter } from '../../../editing/audit.repository.js';
import { auditChanges, fieldLabel, type FieldChange, type ShownValue } from '../../../editing/audit-diff.js';
import { t, tParts } from '../../../i18n/translate.js';
import { h, type Child } from '../../ui/jsx.js';
import { AdminLayout, type Viewed } from '../admin-layout.js';
import { KeysetPager } from '../../ui/components/pager.js';
import { Field } from '../../ui/components/form-field.js';
import { formatTimestamp } from '../../ui/format.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';

/** One side of a change: a line, or a list of lines with "and N more". */
function Value(props: { value: ShownValue; class: string }) {
  const { value } = props;
  if (typeof value === 'string') return <span class={props.class}>{value}</span>;
  return (
    <ul class={`audit-value ${props.class}`}>
      {value.lines.map((line) => (
        <li>{line}</li>
      ))}
      {value.more > 0 ? <li class="audit-more">{t('admin.auditMoreLines', { count: value.more })}</li> : null}
    </ul>
  );
}

/** "title: Old → New", "status: set to Ended", "slug: removed (was gone)", or a field as it was. */
function Change(props: { change: FieldChange }) {
  const c = props.change;
  const field = c.field === null ? null : <span class="audit-field">{fieldLabel(c.field)}: </span>;
  switch (c.kind) {
    case 'changed':
      return (
        <li>
          {field}
          <Value value={c.before} class="audit-before" /> → <Value value={c.after} class="audit-after" />
        </li>
      );
    case 'set':
      return (
        <li>
          {field}
          {tParts<Child>('admin.auditSet', { value: <Value value={c.after} class="audit-after" /> })}
        </li>
      );
    case 'removed':
      return (
        <li>
          {field}
          {tParts<Child>(typeof c.before === 'string' ? 'admin.auditRemovedWas' : 'admin.auditRemovedList', {
            value: <Value value={c.before} class="audit-before" />,
          })}
        </li>
      );
    case 'context':
      return (
        <li class="audit-context">
          {field}
          <Value value={c.before} class="audit-before" />
        </li>
      );
  }
}

function Changes(props: { entry: AuditEntry }) {
  const changes = auditChanges(props.entry.before, props.entry.after);
  return (
    <td data-label={t('admin.auditChanges')}>
      {changes.length === 0 ? (
        <p class="empty">{t('admin.auditNoChange')}</p>
      ) : (
        <ul class="audit-changes">
          {changes.map((c) => (
            <Change change={c} />
          ))}
        </ul>
      )}
      <details class="audit-json">
        <summary>{t('admin.auditFullEntry')}</summary>
        <pre>{JSON.stringify({ before: props.entry.before, after: props.entry.after }, null, 1)}</pre>
      </details>
    </td>
  );
}

/** Newest first, a page at a time; links name an entry, so a page stays put while new entries arrive. */
export function AuditPage(props: Viewed & { filter: AuditFilter; entries: KeysetPage<AuditEntry, number> }) {
  const { filter } = props;
  const pager = <KeysetPager page={props.entries} label={t('admin.auditPages')} href={(cursor) => withQuery(adminPath.audit, { ...filter, ...cursor })} />;
  const filtered = Object.values(filter).some((value) => value !== undefined);
  return (
    <AdminLayout user={props.user} title={t('admin.auditLog')} trail={[{ label: t('admin.auditLog') }]}>
      <h1>{t('admin.auditLog')}</h1>
      <form method="get" action={adminPath.audit} class="audit-filter">
        <Field name="action" label={t('admin.auditAction')} type="text" value={filter.action} hint={t('admin.auditActionHint')} errors={{}} />
        <Field name="actor" label={t('admin.auditWho')} type="text" value={filter.actor} hint={t('admin.auditWhoHint')} errors={{}} />
        <Field name="from" label={t('admin.auditFrom')} type="date" value={filter.from} errors={{}} />
        <Field name="to" label={t('admin.auditTo')} type="date" value={filter.to} errors={{}} />
        <button type="submit">{t('admin.filter')}</button> {filtered ? <a href={adminPath.audit}>{t('admin.auditEvery')}</a> : null}
      </form>
      {props.entries.items.length === 0 ? <p class="empty">{t('admin.auditNoEntries', { filtered: String(filtered) })}</p> : null}
      <table class="audit">
        <ColumnHeads columns={[num(t('admin.auditWhen')), t('admin.auditWho'), t('admin.auditWhat'), t('admin.auditChanges')]} />
        <tbody>
          {props.entries.items.map((e) => (
            <tr data-action={e.action}>
              <td data-label={t('admin.auditWhen')} class="num">
                {formatTimestamp(e.createdAt)}
              </td>
              <td data-label={t('admin.auditWho')}>{e.actorEmail}</td>
              <td data-label={t('admin.auditWhat')}>
                <code>{e.action}</code> {e.subject}
              </td>
              <Changes entry={e} />
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </AdminLayout>
  );
}

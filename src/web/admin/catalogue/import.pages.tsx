/**
 * The catalogue import page: upload a file (dry run first by default); after a clean dry run it
 * offers to import the same file, which the server kept, without choosing it again.
 */
import { adminPath } from '../../../shared/paths.js';
import { t, tParts } from '../../../i18n/translate.js';
import { inWords, type Wording } from '../../../shared/errors.js';
import { h, type Child } from '../../ui/jsx.js';
import { AdminLayout, type Viewed } from '../admin-layout.js';

export function ImportPage(
  props: Viewed & {
    problems?: readonly Wording[];
    source?: string;
    summary?: string;
    /** A dry-run file held on the server, ready to import for real. */
    pending?: { token: string; source: string; minutes: number };
  },
) {
  const { pending } = props;
  return (
    <AdminLayout user={props.user} title={t('admin.importCatalogue')} trail={[{ label: t('admin.importCrumb') }]}>
      <h1>{t('admin.importCatalogue')}</h1>
      <p>{tParts<Child>('admin.importIntro', { code: (chunks) => <code>{chunks}</code> })}</p>
      {props.summary ? (
        <pre class="import-summary" role="status">
          {props.summary}
        </pre>
      ) : null}
      {props.problems ? (
        <div class="form-error" role="alert">
          <p>{t('admin.importNothing', { source: props.source })}</p>
          <ul class="import-problems">
            {props.problems.map((p) => (
              <li>{inWords(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {pending ? (
        <form method="post" action={adminPath.importPending} class="import-pending">
          <input type="hidden" name="token" value={pending.token} />
          <p>{tParts<Child>('admin.importKept', { source: pending.source, minutes: pending.minutes, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <button type="submit" class="button">
            {t('admin.importThisFile')}
          </button>
        </form>
      ) : null}
      {pending ? <h2>{t('admin.importAnotherFile')}</h2> : null}
      <form method="post" action={adminPath.import} enctype="multipart/form-data">
        <div class="field">
          <label for="field-file">{t('admin.importFile')}</label>
          <input id="field-file" name="file" type="file" accept=".json,.csv,application/json,text/csv" required />
        </div>
        <div class="field">
          <label for="field-format">{t('admin.importFormat')}</label>
          <select id="field-format" name="format">
            <option value="">{t('admin.importFormatAuto')}</option>
            <option value="json">{t('admin.importFormatJson')}</option>
            <option value="csv">{t('admin.importFormatCsv')}</option>
            <option value="tvmaze">{t('admin.importFormatTvmaze')}</option>
          </select>
        </div>
        <div class="check-field">
          <input id="field-dryRun" type="checkbox" name="dryRun" value="1" checked />
          <label for="field-dryRun">{t('admin.importDryRun')}</label>
        </div>
        <button type="submit" class="button">
          {t('admin.importButton')}
        </button>
      </form>
    </AdminLayout>
  );
}

/**
 * The catalogue import page: upload a file (dry run first by default); after a clean dry run it
 * offers to import the same file, which the server kept, without choosing it again.
 */
import { adminPath } from '../../../shared/paths.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, type Viewed } from '../admin-layout.js';

export function ImportPage(
  props: Viewed & {
    problems?: string[];
    source?: string;
    summary?: string;
    /** A dry-run file held on the server, ready to import for real. */
    pending?: { token: string; source: string; minutes: number };
  },
) {
  const { pending } = props;
  return (
    <AdminLayout user={props.user} title="Import a catalogue" trail={[{ label: 'Import' }]}>
      <h1>Import a catalogue</h1>
      <p>
        Epirank JSON, an episodes CSV or a TVmaze show JSON (the same formats and rules as <code>epirank import</code>): one transaction, so a file with one bad
        record changes nothing; importing the same file twice changes nothing the second time.
      </p>
      {props.summary ? (
        <pre class="import-summary" role="status">
          {props.summary}
        </pre>
      ) : null}
      {props.problems ? (
        <div class="form-error" role="alert">
          <p>Nothing was imported. {props.source}:</p>
          <ul class="import-problems">
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {pending ? (
        <form method="post" action={adminPath.importPending} class="import-pending">
          <input type="hidden" name="token" value={pending.token} />
          <p>
            The server keeps <strong>{pending.source}</strong> for {pending.minutes} minutes, so you can import it now without choosing it again.
          </p>
          <button type="submit" class="button">
            Import this file
          </button>
        </form>
      ) : null}
      {pending ? <h2>Or choose another file</h2> : null}
      <form method="post" action={adminPath.import} enctype="multipart/form-data">
        <div class="field">
          <label for="field-file">File</label>
          <input id="field-file" name="file" type="file" accept=".json,.csv,application/json,text/csv" required />
        </div>
        <div class="field">
          <label for="field-format">Format</label>
          <select id="field-format" name="format">
            <option value="">Tell from the file</option>
            <option value="json">Epirank JSON</option>
            <option value="csv">CSV of episodes</option>
            <option value="tvmaze">TVmaze show JSON</option>
          </select>
        </div>
        <div class="check-field">
          <input id="field-dryRun" type="checkbox" name="dryRun" value="1" checked />
          <label for="field-dryRun">Dry run: report what would change, change nothing</label>
        </div>
        <button type="submit" class="button">
          Import
        </button>
      </form>
    </AdminLayout>
  );
}

/**
 * Bringing ratings from another site: the upload form, and the preview that lists what the file's
 * rows matched before anything is written.
 */
import type { PreviewRow, RatingsPreview } from '../../importers/ratings/ratings-import.service.js';
import { PREVIEW_MINUTES, RATINGS_FILE_MAX_BYTES, RATINGS_FILE_MAX_ROWS } from '../../importers/ratings/limits.js';
import { RATINGS_SOURCES, SOURCE_NAMES } from '../../importers/ratings/rating-file.js';
import { SCALES } from '../../importers/ratings/scales.js';
import { paths } from '../../shared/paths.js';
import { formatCount } from '../ui/format.js';
import { h } from '../ui/jsx.js';
import { Layout, type Viewer } from '../ui/layout.js';

export function RatingsImportPage(props: { user: Viewer; problem?: string }) {
  return (
    <Layout meta={{ title: 'Bring your ratings', noindex: true }} user={props.user}>
      <section class="ratings-import">
        <h1>Bring your ratings from another site</h1>
        <p class="lede">
          Upload the ratings you exported from IMDb, Trakt or TV Time. You will see which episodes they match before anything is saved, and then import them all
          at once or not at all.
        </p>
        {props.problem ? (
          <div class="form-error" role="alert">
            <p>{props.problem}</p>
          </div>
        ) : null}
        <form method="post" action={paths.accountRatingsImport()} enctype="multipart/form-data">
          <div class="field">
            <label for="field-file">Ratings file</label>
            <p class="hint" id="field-file-hint">
              A CSV or JSON file of up to {formatCount(RATINGS_FILE_MAX_BYTES / (1024 * 1024))} MB and {formatCount(RATINGS_FILE_MAX_ROWS)} rated episodes.
              Which site it came from is told from the file.
            </p>
            <input id="field-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required aria-describedby="field-file-hint" />
          </div>
          <button type="submit" class="button">
            Preview the import
          </button>
        </form>
        <h2>Which files</h2>
        <ul>
          {RATINGS_SOURCES.map((source) => (
            <li>
              <strong>{SOURCE_NAMES[source]}</strong>: ratings {SCALES[source].rule}.
            </li>
          ))}
        </ul>
        <p>
          Rows are matched by the episode's IMDb, TheTVDB or TMDB id where the file has one, else by the show's title with the season and episode numbers. The
          preview waits {PREVIEW_MINUTES} minutes for you.
        </p>
      </section>
    </Layout>
  );
}

export function RatingsPreviewPage(props: { user: Viewer; preview: RatingsPreview }) {
  const { preview } = props;
  const { counts } = preview;
  const importable = counts.matched + counts.conflicting;
  return (
    <Layout meta={{ title: 'Check your import', noindex: true }} user={props.user}>
      <section class="ratings-import">
        <h1>Check before importing</h1>
        <p class="lede">
          <strong>{preview.fileName}</strong> is {preview.aSourceName}. Nothing has been saved yet.
        </p>
        <ul class="import-counts" role="status">
          <li>
            <strong>{formatCount(counts.matched)}</strong> {counts.matched === 1 ? 'rating matches an episode' : 'ratings match episodes'} here
          </li>
          <li>
            <strong>{formatCount(counts.conflicting)}</strong> {counts.conflicting === 1 ? 'differs' : 'differ'} from your rating here
          </li>
          <li>
            <strong>{formatCount(counts.unmatched)}</strong> found no episode
          </li>
          {counts.skipped > 0 ? (
            <li>
              <strong>{formatCount(counts.skipped)}</strong> {counts.skipped === 1 ? 'row is' : 'rows are'} not a rating of an episode (films, whole shows) and
              {counts.skipped === 1 ? ' is' : ' are'} left out
            </li>
          ) : null}
        </ul>
        <p>Ratings: {SCALES[preview.source].rule}.</p>
        {importable > 0 ? (
          <form method="post" action={paths.accountRatingsImportConfirm()} class="import-confirm">
            <input type="hidden" name="preview" value={preview.id} />
            {counts.conflicting > 0 ? (
              <fieldset>
                <legend>Where you already rated an episode differently</legend>
                <div class="check-field">
                  <input id="conflicts-keep" type="radio" name="conflicts" value="keep-mine" checked />
                  <label for="conflicts-keep">Keep my rating here</label>
                </div>
                <div class="check-field">
                  <input id="conflicts-take" type="radio" name="conflicts" value="take-file" />
                  <label for="conflicts-take">Take the file's rating</label>
                </div>
              </fieldset>
            ) : (
              <input type="hidden" name="conflicts" value="keep-mine" />
            )}
            <p>All of them are saved together, or none if anything goes wrong. They count like any rating you give here.</p>
            <button type="submit" class="button">
              Import {formatCount(importable)} {importable === 1 ? 'rating' : 'ratings'}
            </button>
          </form>
        ) : (
          <p>Nothing in this file can be imported.</p>
        )}
        <p>
          <a href={paths.accountRatingsImport()}>Choose another file</a>
        </p>
        <RowTable caption="Differ from your rating" rows={preview.conflicting} total={counts.conflicting} shown={preview.shownPerKind} kind="conflicting" />
        <RowTable caption="Match an episode" rows={preview.matched} total={counts.matched} shown={preview.shownPerKind} kind="matched" />
        <RowTable caption="Found no episode" rows={preview.unmatched} total={counts.unmatched} shown={preview.shownPerKind} kind="unmatched" />
      </section>
    </Layout>
  );
}

function RowTable(props: { caption: string; rows: PreviewRow[]; total: number; shown: number; kind: 'matched' | 'conflicting' | 'unmatched' }) {
  if (props.total === 0) return null;
  const capped = props.total > props.rows.length ? ` (the first ${formatCount(props.shown)} of ${formatCount(props.total)})` : ` (${formatCount(props.total)})`;
  return (
    <table class={`api-table import-rows import-${props.kind}`}>
      <caption>
        {props.caption}
        {capped}
      </caption>
      <thead>
        <tr>
          <th scope="col">In the file</th>
          <th scope="col">File's rating</th>
          {props.kind === 'unmatched' ? <th scope="col">Why</th> : <th scope="col">Episode here</th>}
          {props.kind === 'conflicting' ? <th scope="col">Your rating here</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>
              {row.label} <span class="hint">({row.position})</span>
            </td>
            <td>{row.fileRating === String(row.rating) ? row.fileRating : `${row.fileRating} → ${row.rating}`}</td>
            {row.episode ? (
              <td>
                <a href={paths.episode(row.episode.showSlug, row.episode.seasonNumber, row.episode.episodeNumber)}>
                  {row.episode.showTitle} S{row.episode.seasonNumber}E{row.episode.episodeNumber}
                  {row.episode.title ? ` “${row.episode.title}”` : ''}
                </a>
              </td>
            ) : (
              <td>{row.reason}</td>
            )}
            {props.kind === 'conflicting' ? <td>{row.mine}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

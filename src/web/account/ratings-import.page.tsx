/**
 * Bringing ratings from another site: the upload form, and the preview that lists what the file's
 * rows matched before anything is written.
 */
import type { PreviewRow, RatingsPreview } from '../../importers/ratings/ratings-import.service.js';
import { PREVIEW_MINUTES, RATINGS_FILE_MAX_BYTES, RATINGS_FILE_MAX_ROWS } from '../../importers/ratings/limits.js';
import { RATINGS_SOURCES, type RatingsSource } from '../../importers/ratings/rating-file.js';
import { SCALES } from '../../importers/ratings/scales.js';
import { t, tParts } from '../../i18n/translate.js';
import { inWords } from '../../shared/errors.js';
import { paths } from '../../shared/paths.js';
import { type Child, h } from '../ui/jsx.js';
import { Layout, type Viewer } from '../ui/layout.js';

/**
 * A site's rating scale in words, from its rule in scales.ts (the one home of the numbers): "1-10, the
 * same scale as Epirank", "1-5 stars, each worth 2 points".
 */
function scaleInWords(source: RatingsSource): string {
  const scale = SCALES[source];
  return t('account.importScale', { source, min: scale.min, max: scale.toEpirank(scale.max), stars: scale.max, points: scale.toEpirank(1) });
}

/** The words a message marks as the line's key figure or name. */
const strong = (words: Child[]) => <strong>{words}</strong>;

/** A matched episode as the preview names it: show, "S1E3" and its title in quotes where it has one. */
function episodeInWords(episode: NonNullable<PreviewRow['episode']>): string {
  const code = t('account.episodeCode', { season: episode.seasonNumber, episode: episode.episodeNumber });
  return episode.title
    ? t('account.importEpisodeTitled', { show: episode.showTitle, code, title: episode.title })
    : t('account.importEpisode', { show: episode.showTitle, code });
}

export function RatingsImportPage(props: { user: Viewer; problem?: string }) {
  return (
    <Layout meta={{ title: t('account.importTitle'), noindex: true }} user={props.user}>
      <section class="ratings-import">
        <h1>{t('account.importHeading')}</h1>
        <p class="lede">{t('account.importLede')}</p>
        {props.problem ? (
          <div class="form-error" role="alert">
            <p>{props.problem}</p>
          </div>
        ) : null}
        <form method="post" action={paths.accountRatingsImport()} enctype="multipart/form-data">
          <div class="field">
            <label for="field-file">{t('account.importFile')}</label>
            <p class="hint" id="field-file-hint">
              {t('account.importFileHint', { megabytes: RATINGS_FILE_MAX_BYTES / (1024 * 1024), rows: RATINGS_FILE_MAX_ROWS })}
            </p>
            <input id="field-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required aria-describedby="field-file-hint" />
          </div>
          <button type="submit" class="button">
            {t('account.importPreviewButton')}
          </button>
        </form>
        <h2>{t('account.importWhichFiles')}</h2>
        <ul>
          {RATINGS_SOURCES.map((source) => (
            <li>
              {tParts('account.importSourceLine', {
                name: t('account.importSourceName', { source }),
                scale: scaleInWords(source),
                strong,
              })}
            </li>
          ))}
        </ul>
        <p>{t('account.importMatching', { minutes: PREVIEW_MINUTES })}</p>
      </section>
    </Layout>
  );
}

export function RatingsPreviewPage(props: { user: Viewer; preview: RatingsPreview }) {
  const { preview } = props;
  const { counts } = preview;
  const importable = counts.matched + counts.conflicting;
  return (
    <Layout meta={{ title: t('account.importCheckTitle'), noindex: true }} user={props.user}>
      <section class="ratings-import">
        <h1>{t('account.importCheckHeading')}</h1>
        <p class="lede">{tParts('account.importFileIs', { file: preview.fileName, source: preview.source, name: strong })}</p>
        <ul class="import-counts" role="status">
          <li>{tParts('account.importMatched', { count: counts.matched, n: strong })}</li>
          <li>{tParts('account.importConflicting', { count: counts.conflicting, n: strong })}</li>
          <li>{tParts('account.importUnmatched', { count: counts.unmatched, n: strong })}</li>
          {counts.skipped > 0 ? <li>{tParts('account.importSkipped', { count: counts.skipped, n: strong })}</li> : null}
        </ul>
        <p>{t('account.importScaleLine', { scale: scaleInWords(preview.source) })}</p>
        {importable > 0 ? (
          <form method="post" action={paths.accountRatingsImportConfirm()} class="import-confirm">
            <input type="hidden" name="preview" value={preview.id} />
            {counts.conflicting > 0 ? (
              <fieldset>
                <legend>{t('account.importConflicts')}</legend>
                <div class="check-field">
                  <input id="conflicts-keep" type="radio" name="conflicts" value="keep-mine" checked />
                  <label for="conflicts-keep">{t('account.importKeepMine')}</label>
                </div>
                <div class="check-field">
                  <input id="conflicts-take" type="radio" name="conflicts" value="take-file" />
                  <label for="conflicts-take">{t('account.importTakeFile')}</label>
                </div>
              </fieldset>
            ) : (
              <input type="hidden" name="conflicts" value="keep-mine" />
            )}
            <p>{t('account.importAllOrNone')}</p>
            <button type="submit" class="button">
              {t('account.importButton', { count: importable })}
            </button>
          </form>
        ) : (
          <p>{t('account.importNothing')}</p>
        )}
        <p>
          <a href={paths.accountRatingsImport()}>{t('account.importAnother')}</a>
        </p>
        <RowTable caption={t('account.importDiffer')} rows={preview.conflicting} total={counts.conflicting} shown={preview.shownPerKind} kind="conflicting" />
        <RowTable caption={t('account.importMatch')} rows={preview.matched} total={counts.matched} shown={preview.shownPerKind} kind="matched" />
        <RowTable caption={t('account.importNoEpisode')} rows={preview.unmatched} total={counts.unmatched} shown={preview.shownPerKind} kind="unmatched" />
      </section>
    </Layout>
  );
}

function RowTable(props: { caption: string; rows: PreviewRow[]; total: number; shown: number; kind: 'matched' | 'conflicting' | 'unmatched' }) {
  if (props.total === 0) return null;
  const { caption, total, shown } = props;
  const heading = total > props.rows.length ? t('account.importCaptionCapped', { caption, shown, total }) : t('account.importCaption', { caption, total });
  return (
    <table class={`api-table import-rows import-${props.kind}`}>
      <caption>{heading}</caption>
      <thead>
        <tr>
          <th scope="col">{t('account.importInFile')}</th>
          <th scope="col">{t('account.importFileRating')}</th>
          <th scope="col">{t(props.kind === 'unmatched' ? 'account.importWhy' : 'account.importEpisodeHere')}</th>
          {props.kind === 'conflicting' ? <th scope="col">{t('account.importYourRating')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>
              {row.label} <span class="hint">({inWords(row.position)})</span>
            </td>
            <td>{row.fileRating === String(row.rating) ? row.fileRating : `${row.fileRating} → ${row.rating}`}</td>
            {row.episode ? (
              <td>
                <a href={paths.episode(row.episode.showSlug, row.episode.seasonNumber, row.episode.episodeNumber)}>{episodeInWords(row.episode)}</a>
              </td>
            ) : (
              <td>{row.reason === null ? null : inWords(row.reason)}</td>
            )}
            {props.kind === 'conflicting' ? <td>{row.mine}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

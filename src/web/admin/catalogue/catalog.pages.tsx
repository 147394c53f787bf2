/**
 * The catalogue editor's pages: the admin home with its list of shows, the show and episode forms,
 * and the page that says what a deletion would take with it before anything is deleted.
 */
import type { EpisodeFields, ExternalIdFields, ShowFields } from '../../../editing/admin-catalog.service.js';
import type { ShowListing } from '../../../editing/admin-lists.repository.js';
import type { EditorSeason } from '../../../editing/admin-lists.service.js';
import { withQuery } from '../../../editing/admin-paging.js';
import type { NumberedPage } from '../../../shared/paging.js';
import { adminPath, paths } from '../../../shared/paths.js';
import { ConfirmDeleteForm } from '../confirm-delete-form.js';
import type { DeletionImpact } from '../../../editing/deletion-impact.repository.js';
import type { Show } from '../../../catalog/catalog.types.js';
import { episodeTitle } from '../../../catalog/catalog.types.js';
import { Field, FormProblem, type FieldErrors } from '../../ui/components/form-field.js';
import { t } from '../../../i18n/translate.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, ViewOnSite, type Trail, type Viewed } from '../admin-layout.js';
import { ExternalIdFieldset } from './external-id-fields.js';
import { WatchLinkCountriesField } from './watch-link-countries-field.js';
import { AlternateTitlesField } from './alternate-titles-fields.js';
import { NumberedPager } from '../../ui/components/pager.js';

export function AdminHomePage(props: Viewed & { shows: NumberedPage<ShowListing>; canAudit: boolean }) {
  return (
    <AdminLayout user={props.user} title={t('admin.home')} trail={[]}>
      <h1>{t('admin.catalogue')}</h1>
      <p>
        <a href={adminPath.newShow}>{t('admin.addShow')}</a>
        {' · '}
        <a href={adminPath.import}>{t('admin.importCatalogue')}</a>
        {props.canAudit ? (
          <span>
            {' · '}
            <a href={adminPath.audit}>{t('admin.auditLog')}</a>
            {' · '}
            <a href={adminPath.moderation}>{t('admin.moderation')}</a>
          </span>
        ) : null}
      </p>
      <ul class="admin-list">
        {props.shows.items.map((show) => (
          <li>
            <a href={adminPath.show(show.slug)}>{show.title}</a> <code>{show.slug}</code>
          </li>
        ))}
      </ul>
      <NumberedPager
        page={props.shows}
        noun={(count) => t('admin.countShows', { count })}
        label={t('admin.pagesOfShows')}
        href={(page) => withQuery(adminPath.home, { page: page === 1 ? null : page })}
      />
    </AdminLayout>
  );
}

/** The statuses shows already have, suggested by the show form's Status field (src/ranking/filter-choices.ts). */
export type ShowStatuses = readonly string[];

function ShowForm(props: { action: string; values: Partial<ShowFields>; errors: FieldErrors; isNew: boolean; statuses: ShowStatuses }) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <FormProblem errors={errors} />
      <Field
        name="slug"
        label={t('admin.fieldSlug')}
        type="text"
        value={values.slug}
        readonly={!props.isNew}
        required
        hint={t('admin.fieldSlugHint')}
        errors={errors}
      />
      <Field name="title" label={t('admin.fieldTitle')} type="text" value={values.title} required errors={errors} />
      <Field name="synopsis" label={t('admin.fieldSynopsis')} type="textarea" value={values.synopsis} errors={errors} />
      <Field name="network" label={t('admin.fieldNetwork')} type="text" value={values.network} errors={errors} />
      <Field
        name="status"
        label={t('admin.fieldStatus')}
        type="text"
        value={values.status}
        list="status-choices"
        hint={props.statuses.length > 0 ? t('admin.fieldStatusHintKnown') : t('admin.fieldStatusHintNone')}
        errors={errors}
      />
      <datalist id="status-choices">
        {props.statuses.map((status) => (
          <option value={status} />
        ))}
      </datalist>
      <ExternalIdFieldset values={values.ids} errors={errors} />
      <AlternateTitlesField values={values} errors={errors} />
      <button type="submit" class="button">
        {props.isNew ? t('admin.addShowButton') : t('admin.saveShowButton')}
      </button>
    </form>
  );
}

export function NewShowPage(props: Viewed & { statuses: ShowStatuses; values?: Partial<ShowFields>; errors?: FieldErrors }) {
  return (
    <AdminLayout user={props.user} title={t('admin.addShow')} trail={[{ label: t('admin.newShowCrumb') }]}>
      <h1>{t('admin.addShow')}</h1>
      <ShowForm action={adminPath.newShow} values={props.values ?? {}} errors={props.errors ?? {}} statuses={props.statuses} isNew />
    </AdminLayout>
  );
}

export function EditShowPage(
  props: Viewed & {
    show: Show;
    seasons: EditorSeason[];
    statuses: ShowStatuses;
    values?: Partial<ShowFields>;
    /** The show's stored ids, shown when the form is not coming back with typed values. */
    ids?: ExternalIdFields;
    errors?: FieldErrors;
    saved?: boolean;
  },
) {
  const { show } = props;
  const values = props.values ?? {
    slug: show.slug,
    title: show.title,
    synopsis: show.synopsis,
    network: show.network ?? '',
    status: show.status ?? '',
    ids: props.ids,
  };
  const errors = props.errors ?? {};
  return (
    <AdminLayout user={props.user} title={t('admin.editShow', { title: show.title })} trail={[{ label: show.title }]}>
      <h1>{t('admin.editShow', { title: show.title })}</h1>
      <SavedNotice message={props.saved ? t('admin.saved') : null} />
      <ViewOnSite href={paths.show(show.slug)} />
      <ShowForm action={adminPath.show(show.slug)} values={values} errors={errors} statuses={props.statuses} isNew={false} />
      <h2>{t('admin.seasonsAndEpisodes')}</h2>
      {props.seasons.map((season) => (
        <section class="admin-season" aria-labelledby={`season-${season.number}`}>
          <h3 id={`season-${season.number}`}>{t('admin.season', { season: season.number })}</h3>
          <ViewOnSite href={paths.season(show.slug, season.number)} label={t('admin.viewSeasonOnSite', { season: season.number })} />
          <ul class="admin-list">
            {season.episodes.items.map((e) => (
              <li>
                <a href={adminPath.episode(show.slug, season.number, e.number)}>
                  {e.number}. <span class="admin-episode-title">{episodeTitle(e)}</span>
                </a>
              </li>
            ))}
          </ul>
          {season.episodes.pageCount > 1 || season.episodes.page > 1 ? (
            <NumberedPager
              page={season.episodes}
              noun={(count) => t('admin.countEpisodes', { count })}
              label={t('admin.pagesOfSeason', { season: season.number })}
              href={(page) => `${withQuery(adminPath.show(show.slug), page === 1 ? {} : { season: season.number, page })}#season-${season.number}`}
            />
          ) : null}
          <p class="admin-actions">
            <a href={adminPath.newEpisode(show.slug, season.number)}>{t('admin.addEpisodeTo', { season: season.number })}</a>
            <a class="danger-link" href={adminPath.deleteSeason(show.slug, season.number)}>
              {t('admin.deleteSeasonLink', { season: season.number })}
            </a>
          </p>
        </section>
      ))}
      <form method="post" action={adminPath.addSeason(show.slug)} novalidate class="inline-form">
        <Field name="season" label={t('admin.newSeasonNumber')} type="text" value={String((props.seasons.at(-1)?.number ?? 0) + 1)} errors={errors} />
        <button type="submit" class="button-secondary">
          {t('admin.addSeasonButton')}
        </button>
      </form>
      <h2>{t('admin.deleteHeading')}</h2>
      <p>{t('admin.deleteShowWarning')}</p>
      <p>
        <a class="danger-link" href={adminPath.deleteShow(show.slug)}>
          {t('admin.deleteShowLink', { title: show.title })}
        </a>
      </p>
    </AdminLayout>
  );
}

export function EditEpisodePage(
  props: Viewed & {
    show: Show;
    season: number;
    episode: number | null;
    values: Partial<EpisodeFields>;
    errors?: FieldErrors;
    saved?: boolean;
    /** Admins also get a link to the episode's moderation page. */
    canModerate?: boolean;
  },
) {
  const { show, season, episode, values } = props;
  const errors = props.errors ?? {};
  const action = episode === null ? adminPath.newEpisode(show.slug, season) : adminPath.episode(show.slug, season, episode);
  const heading = episode === null ? t('admin.addEpisodeTo', { season }) : t('admin.editEpisode', { season, episode });
  return (
    <AdminLayout user={props.user} title={heading} trail={[{ label: show.title, href: adminPath.show(show.slug) }, { label: heading }]}>
      <h1>{heading}</h1>
      <SavedNotice message={props.saved ? t('admin.saved') : null} />
      {episode !== null ? (
        <p class="admin-actions">
          <a href={paths.episode(show.slug, season, episode)}>{t('admin.viewOnSite')}</a>
          {props.canModerate ? <a href={adminPath.moderateEpisode(show.slug, season, episode)}>{t('admin.moderateItsVotes')}</a> : null}
        </p>
      ) : null}
      <form method="post" action={action} novalidate>
        <FormProblem errors={errors} />
        {episode === null ? <Field name="number" label={t('admin.fieldEpisodeNumber')} type="text" value={values.number} required errors={errors} /> : null}
        <Field name="title" label={t('admin.fieldTitle')} type="text" value={values.title} hint={t('admin.fieldEpisodeTitleHint')} errors={errors} />
        <Field name="airDate" label={t('admin.fieldAirDate')} type="text" value={values.airDate} hint={t('admin.fieldAirDateHint')} errors={errors} />
        <Field name="synopsis" label={t('admin.fieldSynopsis')} type="textarea" value={values.synopsis} errors={errors} />
        <Field
          name="directors"
          label={t('admin.fieldDirectors')}
          type="textarea"
          value={values.directors}
          hint={t('admin.fieldDirectorsHint')}
          errors={errors}
        />
        <Field
          name="watchLinks"
          label={t('admin.fieldWatchLinks')}
          type="textarea"
          value={values.watchLinks}
          hint={t('admin.fieldWatchLinksHint')}
          errors={errors}
        />
        <WatchLinkCountriesField value={values.watchLinkCountries} errors={errors} />
        <ExternalIdFieldset values={values.ids} errors={errors} />
        <AlternateTitlesField values={values} errors={errors} />
        <button type="submit" class="button">
          {episode === null ? t('admin.addEpisodeButton') : t('admin.saveEpisodeButton')}
        </button>
      </form>
      {episode !== null ? (
        <p>
          <a class="danger-link" href={adminPath.deleteEpisode(show.slug, season, episode)}>
            {t('admin.deleteThisEpisode')}
          </a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

/** What is being deleted: a whole show, one season, or one episode. */
export type DeletionTarget = { show: Show; season?: number; episode?: number };

/** "This deletes Season 2 of Kaleido Star with 26 episodes and 4,120 ratings.", built from the measured counts. */
export function describeDeletion(target: DeletionTarget, impact: DeletionImpact): string {
  const counts = { title: target.show.title, ratings: impact.ratings, imported: impact.importedVotes };
  if (target.season === undefined) return t('admin.deletesShow', { ...counts, seasons: impact.seasons, episodes: impact.episodes });
  if (target.episode === undefined) return t('admin.deletesSeason', { ...counts, season: target.season, episodes: impact.episodes });
  return t('admin.deletesEpisode', { ...counts, season: target.season, episode: target.episode });
}

/**
 * Asks before a deletion, saying what goes with it. Its form is the only one that sends the
 * `confirm` field; a delete request without it deletes nothing and comes back here.
 */
export function ConfirmDeletePage(props: Viewed & { target: DeletionTarget; impact: DeletionImpact; action: string; cancel: string }) {
  const { target } = props;
  const what = {
    kind: target.season === undefined ? 'show' : target.episode === undefined ? 'season' : 'episode',
    title: target.show.title,
    season: target.season,
    episode: target.episode,
  };
  const trail: Trail = [{ label: target.show.title, href: adminPath.show(target.show.slug) }, { label: t('admin.deleteTarget', what) }];
  return (
    <AdminLayout user={props.user} title={t('admin.deleteQuestion', what)} trail={trail}>
      <h1>{t('admin.deleteQuestion', what)}</h1>
      <p class="deletion-impact">{describeDeletion(target, props.impact)}</p>
      <p>{t('admin.cannotUndoDeletion')}</p>
      <ConfirmDeleteForm action={props.action} button={t('admin.deleteTarget', what)} cancel={props.cancel} />
    </AdminLayout>
  );
}

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
import { plural } from '../../ui/format.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, ViewOnSite, type Trail, type Viewed } from '../admin-layout.js';
import { ExternalIdFieldset } from './external-id-fields.js';
import { AlternateTitlesField } from './alternate-titles-fields.js';
import { NumberedPager } from '../../ui/components/pager.js';

export function AdminHomePage(props: Viewed & { shows: NumberedPage<ShowListing>; canAudit: boolean }) {
  return (
    <AdminLayout user={props.user} title="Admin" trail={[]}>
      <h1>Catalogue</h1>
      <p>
        <a href={adminPath.newShow}>Add a show</a>
        {' · '}
        <a href={adminPath.import}>Import a catalogue</a>
        {props.canAudit ? (
          <span>
            {' · '}
            <a href={adminPath.audit}>Audit log</a>
            {' · '}
            <a href={adminPath.moderation}>Moderation</a>
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
        noun={['show', 'shows']}
        label="Pages of shows"
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
        label="Slug"
        type="text"
        value={values.slug}
        readonly={!props.isNew}
        required
        hint="Part of the show's address; fixed once created."
        errors={errors}
      />
      <Field name="title" label="Title" type="text" value={values.title} required errors={errors} />
      <Field name="synopsis" label="Synopsis" type="textarea" value={values.synopsis} errors={errors} />
      <Field name="network" label="Network" type="text" value={values.network} errors={errors} />
      <Field
        name="status"
        label="Status"
        type="text"
        value={values.status}
        list="status-choices"
        hint={props.statuses.length > 0 ? 'One the catalogue already uses (the field offers them), or any other.' : 'For example Running or Ended.'}
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
        {props.isNew ? 'Add show' : 'Save show'}
      </button>
    </form>
  );
}

export function NewShowPage(props: Viewed & { statuses: ShowStatuses; values?: Partial<ShowFields>; errors?: FieldErrors }) {
  return (
    <AdminLayout user={props.user} title="Add a show" trail={[{ label: 'New show' }]}>
      <h1>Add a show</h1>
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
    <AdminLayout user={props.user} title={`Edit ${show.title}`} trail={[{ label: show.title }]}>
      <h1>Edit {show.title}</h1>
      <SavedNotice message={props.saved ? 'Saved.' : null} />
      <ViewOnSite href={paths.show(show.slug)} />
      <ShowForm action={adminPath.show(show.slug)} values={values} errors={errors} statuses={props.statuses} isNew={false} />
      <h2>Seasons and episodes</h2>
      {props.seasons.map((season) => (
        <section class="admin-season" aria-labelledby={`season-${season.number}`}>
          <h3 id={`season-${season.number}`}>Season {season.number}</h3>
          <ViewOnSite href={paths.season(show.slug, season.number)} label={`View season ${season.number} on site`} />
          <ul class="admin-list">
            {season.episodes.items.map((e) => (
              <li>
                <a href={adminPath.episode(show.slug, season.number, e.number)}>
                  {e.number}. {episodeTitle(e)}
                </a>
              </li>
            ))}
          </ul>
          {season.episodes.pageCount > 1 || season.episodes.page > 1 ? (
            <NumberedPager
              page={season.episodes}
              noun={['episode', 'episodes']}
              label={`Pages of season ${season.number}`}
              href={(page) => `${withQuery(adminPath.show(show.slug), page === 1 ? {} : { season: season.number, page })}#season-${season.number}`}
            />
          ) : null}
          <p class="admin-actions">
            <a href={adminPath.newEpisode(show.slug, season.number)}>Add an episode to season {season.number}</a>
            <a class="danger-link" href={adminPath.deleteSeason(show.slug, season.number)}>
              Delete season {season.number}…
            </a>
          </p>
        </section>
      ))}
      <form method="post" action={adminPath.addSeason(show.slug)} novalidate class="inline-form">
        <Field name="season" label="New season number" type="text" value={String((props.seasons.at(-1)?.number ?? 0) + 1)} errors={errors} />
        <button type="submit" class="button-secondary">
          Add season
        </button>
      </form>
      <h2>Delete</h2>
      <p>Deleting a show deletes its seasons, episodes and every vote on them. The audit log keeps what it was.</p>
      <p>
        <a class="danger-link" href={adminPath.deleteShow(show.slug)}>
          Delete {show.title}…
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
  const heading = episode === null ? `Add an episode to season ${season}` : `Edit season ${season}, episode ${episode}`;
  return (
    <AdminLayout user={props.user} title={heading} trail={[{ label: show.title, href: adminPath.show(show.slug) }, { label: heading }]}>
      <h1>{heading}</h1>
      <SavedNotice message={props.saved ? 'Saved.' : null} />
      {episode !== null ? (
        <p class="admin-actions">
          <a href={paths.episode(show.slug, season, episode)}>View on site</a>
          {props.canModerate ? <a href={adminPath.moderateEpisode(show.slug, season, episode)}>Moderate its votes</a> : null}
        </p>
      ) : null}
      <form method="post" action={action} novalidate>
        <FormProblem errors={errors} />
        {episode === null ? <Field name="number" label="Episode number" type="text" value={values.number} required errors={errors} /> : null}
        <Field name="title" label="Title" type="text" value={values.title} hint="Leave empty when unknown: pages show “Episode N”." errors={errors} />
        <Field name="airDate" label="Air date" type="text" value={values.airDate} hint="YYYY-MM-DD" errors={errors} />
        <Field name="synopsis" label="Synopsis" type="textarea" value={values.synopsis} errors={errors} />
        <Field name="directors" label="Directors" type="textarea" value={values.directors} hint="One name per line." errors={errors} />
        <Field name="watchLinks" label="Watch links" type="textarea" value={values.watchLinks} hint="One per line: Provider = https://…" errors={errors} />
        <ExternalIdFieldset values={values.ids} errors={errors} />
        <AlternateTitlesField values={values} errors={errors} />
        <button type="submit" class="button">
          {episode === null ? 'Add episode' : 'Save episode'}
        </button>
      </form>
      {episode !== null ? (
        <p>
          <a class="danger-link" href={adminPath.deleteEpisode(show.slug, season, episode)}>
            Delete this episode…
          </a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

/** What is being deleted: a whole show, one season, or one episode. */
export type DeletionTarget = { show: Show; season?: number; episode?: number };

/** "Season 2 of Kaleido Star with 26 episodes and 4,120 ratings", built from the measured counts. */
export function describeDeletion(target: DeletionTarget, impact: DeletionImpact): string {
  const ratings = plural(impact.ratings, 'rating');
  const imported = impact.importedVotes > 0 ? `, plus ${plural(impact.importedVotes, 'vote')} imported with the catalogue` : '';
  if (target.season === undefined) {
    return `${target.show.title} with ${plural(impact.seasons, 'season')}, ${plural(impact.episodes, 'episode')} and ${ratings}${imported}`;
  }
  if (target.episode === undefined) {
    return `Season ${target.season} of ${target.show.title} with ${plural(impact.episodes, 'episode')} and ${ratings}${imported}`;
  }
  return `Season ${target.season}, episode ${target.episode} of ${target.show.title} with ${ratings}${imported}`;
}

/**
 * Asks before a deletion, saying what goes with it. Its form is the only one that sends the
 * `confirm` field; a delete request without it deletes nothing and comes back here.
 */
export function ConfirmDeletePage(props: Viewed & { target: DeletionTarget; impact: DeletionImpact; action: string; cancel: string }) {
  const { target } = props;
  const what = target.season === undefined ? target.show.title : target.episode === undefined ? `season ${target.season}` : `episode ${target.episode}`;
  const trail: Trail = [{ label: target.show.title, href: adminPath.show(target.show.slug) }, { label: `Delete ${what}` }];
  return (
    <AdminLayout user={props.user} title={`Delete ${what}?`} trail={trail}>
      <h1>Delete {what}?</h1>
      <p class="deletion-impact">This deletes {describeDeletion(target, props.impact)}.</p>
      <p>It cannot be undone here. The audit log keeps what was deleted.</p>
      <ConfirmDeleteForm action={props.action} button={`Delete ${what}`} cancel={props.cancel} />
    </AdminLayout>
  );
}

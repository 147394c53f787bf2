import type { AuditEntry } from '../../admin/audit.repository.js';
import type { EpisodeFields, ShowFields } from '../../admin/admin-catalog.service.js';
import type { Season, Show, StoredEpisode } from '../../catalog/catalog.types.js';
import { episodeTitle } from '../../catalog/catalog.types.js';
import { Field, FormProblem, type FieldErrors } from '../components/form-field.js';
import { Breadcrumbs } from '../components/show-header.js';
import { h } from '../jsx.js';
import { Layout } from '../layout.js';

const adminPath = {
  home: '/admin',
  newShow: '/admin/shows/new',
  show: (slug: string) => `/admin/shows/${encodeURIComponent(slug)}`,
  newEpisode: (slug: string, season: number) => `/admin/shows/${encodeURIComponent(slug)}/seasons/${season}/episodes/new`,
  episode: (slug: string, season: number, episode: number) =>
    `/admin/shows/${encodeURIComponent(slug)}/seasons/${season}/episodes/${episode}`,
  audit: '/admin/audit',
};
export { adminPath };

function AdminLayout(props: { title: string; trail: Array<{ label: string; href?: string }>; children?: unknown }) {
  return (
    <Layout meta={{ title: props.title, noindex: true }}>
      <Breadcrumbs trail={[{ label: 'Admin', href: adminPath.home }, ...props.trail]} />
      <section class="admin">{props.children as never}</section>
    </Layout>
  );
}

export function AdminHomePage(props: { shows: Show[]; canAudit: boolean }) {
  return (
    <AdminLayout title="Admin" trail={[]}>
      <h1>Catalogue</h1>
      <p>
        <a href={adminPath.newShow}>Add a show</a>
        {' · '}
        <a href="/admin/import">Import a catalogue</a>
        {props.canAudit ? (
          <span>
            {' · '}
            <a href={adminPath.audit}>Audit log</a>
            {' · '}
            <a href="/admin/moderation">Moderation</a>
          </span>
        ) : null}
      </p>
      <ul class="admin-list">
        {props.shows.map((show) => (
          <li>
            <a href={adminPath.show(show.slug)}>{show.title}</a> <code>{show.slug}</code>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

function ShowForm(props: { action: string; values: Partial<ShowFields>; errors: FieldErrors; isNew: boolean }) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <FormProblem errors={errors} />
      <Field name="slug" label="Slug" type="text" value={values.slug} readonly={!props.isNew} required hint="Part of the show's address; fixed once created." errors={errors} />
      <Field name="title" label="Title" type="text" value={values.title} required errors={errors} />
      <Field name="synopsis" label="Synopsis" type="textarea" value={values.synopsis} errors={errors} />
      <Field name="network" label="Network" type="text" value={values.network} errors={errors} />
      <Field name="status" label="Status" type="text" value={values.status} hint="For example Running or Ended." errors={errors} />
      <button type="submit" class="button">
        {props.isNew ? 'Add show' : 'Save show'}
      </button>
    </form>
  );
}

export function NewShowPage(props: { values?: Partial<ShowFields>; errors?: FieldErrors }) {
  return (
    <AdminLayout title="Add a show" trail={[{ label: 'New show' }]}>
      <h1>Add a show</h1>
      <ShowForm action={adminPath.newShow} values={props.values ?? {}} errors={props.errors ?? {}} isNew />
    </AdminLayout>
  );
}

export function EditShowPage(props: {
  show: Show;
  seasons: Array<Season & { episodes: StoredEpisode[] }>;
  values?: Partial<ShowFields>;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { show } = props;
  const values = props.values ?? { slug: show.slug, title: show.title, synopsis: show.synopsis, network: show.network ?? '', status: show.status ?? '' };
  const errors = props.errors ?? {};
  return (
    <AdminLayout title={`Edit ${show.title}`} trail={[{ label: show.title }]}>
      <h1>Edit {show.title}</h1>
      {props.saved ? (
        <p class="form-saved" role="status">
          Saved.
        </p>
      ) : null}
      <ShowForm action={adminPath.show(show.slug)} values={values} errors={errors} isNew={false} />
      <h2>Seasons and episodes</h2>
      {props.seasons.map((season) => (
        <section class="admin-season" aria-labelledby={`season-${season.number}`}>
          <h3 id={`season-${season.number}`}>Season {season.number}</h3>
          <ul class="admin-list">
            {season.episodes.map((e) => (
              <li>
                <a href={adminPath.episode(show.slug, season.number, e.number)}>
                  {e.number}. {episodeTitle(e)}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={adminPath.newEpisode(show.slug, season.number)}>Add an episode to season {season.number}</a>
          </p>
          <form method="post" action={`${adminPath.show(show.slug)}/seasons/${season.number}/delete`}>
            <button type="submit" class="button-secondary">
              Delete season {season.number}, its episodes and their votes
            </button>
          </form>
        </section>
      ))}
      <form method="post" action={`${adminPath.show(show.slug)}/seasons`} novalidate class="inline-form">
        <Field name="season" label="New season number" type="text" value={String((props.seasons.at(-1)?.number ?? 0) + 1)} errors={errors} />
        <button type="submit" class="button-secondary">
          Add season
        </button>
      </form>
      <h2>Delete</h2>
      <form method="post" action={`${adminPath.show(show.slug)}/delete`}>
        <p>Deleting a show deletes its seasons, episodes and every vote on them. The audit log keeps what it was.</p>
        <button type="submit" class="button-secondary">
          Delete {show.title}
        </button>
      </form>
    </AdminLayout>
  );
}

export function EditEpisodePage(props: {
  show: Show;
  season: number;
  episode: number | null;
  values: Partial<EpisodeFields>;
  errors?: FieldErrors;
}) {
  const { show, season, episode, values } = props;
  const errors = props.errors ?? {};
  const action = episode === null ? adminPath.newEpisode(show.slug, season) : adminPath.episode(show.slug, season, episode);
  const heading = episode === null ? `Add an episode to season ${season}` : `Edit season ${season}, episode ${episode}`;
  return (
    <AdminLayout title={heading} trail={[{ label: show.title, href: adminPath.show(show.slug) }, { label: heading }]}>
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <FormProblem errors={errors} />
        {episode === null ? <Field name="number" label="Episode number" type="text" value={values.number} required errors={errors} /> : null}
        <Field name="title" label="Title" type="text" value={values.title} hint="Leave empty when unknown: pages show “Episode N”." errors={errors} />
        <Field name="airDate" label="Air date" type="text" value={values.airDate} hint="YYYY-MM-DD" errors={errors} />
        <Field name="synopsis" label="Synopsis" type="textarea" value={values.synopsis} errors={errors} />
        <Field name="directors" label="Directors" type="textarea" value={values.directors} hint="One name per line." errors={errors} />
        <Field name="watchLinks" label="Watch links" type="textarea" value={values.watchLinks} hint="One per line: Provider = https://…" errors={errors} />
        <button type="submit" class="button">
          {episode === null ? 'Add episode' : 'Save episode'}
        </button>
      </form>
      {episode !== null ? (
        <form method="post" action={`${action}/delete`}>
          <button type="submit" class="button-secondary">
            Delete this episode and its votes
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}

export function AuditPage(props: { entries: AuditEntry[] }) {
  return (
    <AdminLayout title="Audit log" trail={[{ label: 'Audit log' }]}>
      <h1>Audit log</h1>
      <table class="seasons audit">
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
              <td>{e.createdAt.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.actorEmail}</td>
              <td>
                <code>{e.action}</code> {e.subject}
              </td>
              <td>{e.before === null ? '—' : <pre>{JSON.stringify(e.before, null, 1)}</pre>}</td>
              <td>{e.after === null ? '—' : <pre>{JSON.stringify(e.after, null, 1)}</pre>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

const share = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

export function ModerationPage(props: {
  flags: Array<{ episode: string; reasons: string[]; link: string | null }>;
  blocks: Array<{ id: number; kind: string; value: string; createdBy: string; createdAt: string }>;
  errors?: FieldErrors;
  message?: string;
}) {
  const errors = props.errors ?? {};
  return (
    <AdminLayout title="Moderation" trail={[{ label: 'Moderation' }]}>
      <h1>Moderation</h1>
      {props.message ? (
        <p class="form-saved" role="status">
          {props.message}
        </p>
      ) : null}
      <h2>Flagged episodes</h2>
      {props.flags.length === 0 ? (
        <p class="empty">Nothing looks unusual right now.</p>
      ) : (
        <ul class="admin-list flagged">
          {props.flags.map((f) => (
            <li>
              {f.link ? <a href={f.link}>{f.episode}</a> : f.episode}
              <ul>
                {f.reasons.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h2>Remove one voter’s ratings</h2>
      <form method="post" action="/admin/moderation/remove-voter" novalidate>
        <Field name="voterId" label="Voter id" type="text" hint="As listed on an episode’s moderation page, e.g. a:Xy3… or u:12." errors={errors} />
        <button type="submit" class="button-secondary">
          Remove every rating of this voter
        </button>
      </form>
      <h2>Blocks</h2>
      <form method="post" action="/admin/moderation/blocks" novalidate>
        <div class="field">
          <label for="field-kind">Block</label>
          <select id="field-kind" name="kind">
            <option value="ip">an address or range</option>
            <option value="voter">a voter</option>
          </select>
        </div>
        <Field name="value" label="Address, range or voter id" type="text" hint="203.0.113.7, 203.0.113.0/24, 2001:db8::/32 or a:…" errors={errors} />
        <button type="submit" class="button-secondary">
          Block
        </button>
      </form>
      {props.blocks.length === 0 ? (
        <p class="empty">No blocks.</p>
      ) : (
        <table class="seasons blocks">
          <thead>
            <tr>
              <th scope="col">Blocked</th>
              <th scope="col">By</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.blocks.map((b) => (
              <tr>
                <th scope="row">
                  {b.kind === 'ip' ? 'Addresses ' : 'Voter '}
                  <code>{b.value}</code>
                </th>
                <td>{b.createdBy}</td>
                <td>{b.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <form method="post" action={`/admin/moderation/blocks/${b.id}/delete`}>
                    <button type="submit" class="button-secondary">
                      Lift
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export function EpisodeModerationPage(props: {
  report: {
    showSlug: string;
    seasonNumber: number;
    episodeNumber: number;
    title: string;
    votesHere: number;
    perHour: Array<{ hour: string; votes: number }>;
    ones: { episode: number | null; show: number | null };
    tens: { episode: number | null; show: number | null };
    newest: Array<{ voterId: string; voterKind: string; rating: number; ip: string | null; updatedAt: string }>;
  };
}) {
  const r = props.report;
  const heading = `Moderate S${r.seasonNumber}E${r.episodeNumber} “${r.title}”`;
  return (
    <AdminLayout title={heading} trail={[{ label: 'Moderation', href: '/admin/moderation' }, { label: heading }]}>
      <h1>{heading}</h1>
      <p>{r.votesHere} votes cast on Epirank.</p>
      <table class="seasons">
        <caption>Share of extreme ratings</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">This episode</th>
            <th scope="col">The show</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">1s</th>
            <td class="ones-episode">{share(r.ones.episode)}</td>
            <td>{share(r.ones.show)}</td>
          </tr>
          <tr>
            <th scope="row">10s</th>
            <td class="tens-episode">{share(r.tens.episode)}</td>
            <td>{share(r.tens.show)}</td>
          </tr>
        </tbody>
      </table>
      <h2>Votes per hour, last 48 hours (UTC)</h2>
      {r.perHour.length === 0 ? (
        <p class="empty">No votes in the last 48 hours.</p>
      ) : (
        <table class="seasons per-hour">
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">Votes</th>
            </tr>
          </thead>
          <tbody>
            {r.perHour.map((bucket) => (
              <tr>
                <th scope="row">{bucket.hour.replace('T', ' ')}:00</th>
                <td>{bucket.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Newest voters</h2>
      <table class="seasons newest">
        <thead>
          <tr>
            <th scope="col">Voter</th>
            <th scope="col">Rating</th>
            <th scope="col">Address</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {r.newest.map((v) => (
            <tr>
              <th scope="row">
                <code>{v.voterId}</code>
              </th>
              <td>{v.rating}</td>
              <td>{v.ip ?? '—'}</td>
              <td>{v.updatedAt.slice(0, 19).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export function ImportPage(props: {
  problems?: string[];
  source?: string;
  summary?: string;
}) {
  return (
    <AdminLayout title="Import a catalogue" trail={[{ label: 'Import' }]}>
      <h1>Import a catalogue</h1>
      <p>
        Epirank JSON, an episodes CSV or a TVmaze show JSON (the same formats and rules as <code>epirank import</code>): one
        transaction, so a file with one bad record changes nothing; importing the same file twice changes nothing the second
        time.
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
      <form method="post" action="/admin/import" enctype="multipart/form-data">
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
        <div class="field">
          <label>
            <input type="checkbox" name="dryRun" value="1" checked /> Dry run: report what would change, change nothing
          </label>
        </div>
        <button type="submit" class="button">
          Import
        </button>
      </form>
    </AdminLayout>
  );
}

/**
 * The moderation pages (admins): flagged episodes, removing a voter's ratings, blocks, and one
 * episode's recent voting in detail.
 */
import { adminPath, paths } from '../../../shared/paths.js';
import { formatVoteCursor, withQuery, type KeysetPage } from '../../../editing/admin-paging.js';
import type { RecentVote, VoteCursor } from '../../../moderation/moderation.repository.js';
import { addressShown } from '../../../moderation/address-retention.js';
import type { NumberedPage } from '../../../shared/paging.js';
import type { Block } from '../../../votes/vote-blocks.js';
import type { Flag } from '../../../moderation/moderation.service.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { plural, formatTimestamp } from '../../ui/format.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { ConfirmDeleteForm } from '../confirm-delete-form.js';
import { KeysetPager, NumberedPager } from '../../ui/components/pager.js';
import { FlaggedScoreLine } from '../../ui/components/flagged-score.js';
import { TableScroll } from '../../ui/components/table-scroll.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';
import { PostButton } from '../../ui/components/post-button.js';

const share = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
const FLAG_KINDS: Record<Flag['kind'], string> = { burst: 'burst', steady: 'steady rise', extreme: 'extreme ratings' };

/** Where the moderation page's two lists stand: the page of flagged episodes, and the blocks' cursor. */
export interface ModerationQuery {
  page?: number | undefined;
  blocksBefore?: number | undefined;
  blocksAfter?: number | undefined;
}

export function ModerationPage(
  props: Viewed & {
    flags: NumberedPage<Flag & { link: string | null }>;
    blocks: KeysetPage<Block, number> & { total: number };
    query?: ModerationQuery;
    errors?: FieldErrors;
    message?: string;
  },
) {
  const errors = props.errors ?? {};
  const query = props.query ?? {};
  // Paging one list keeps the other where it is.
  const flagsHref = (page: number) =>
    withQuery(adminPath.moderation, { page: page === 1 ? null : page, blocksBefore: query.blocksBefore, blocksAfter: query.blocksAfter });
  const blocksHref = (cursor: { before?: number; after?: number } | null) =>
    `${withQuery(adminPath.moderation, { page: query.page === 1 ? null : query.page, blocksBefore: cursor?.before, blocksAfter: cursor?.after })}#blocks`;
  return (
    <AdminLayout user={props.user} title="Moderation" trail={[{ label: 'Moderation' }]}>
      <h1>Moderation</h1>
      <SavedNotice message={props.message} />
      <p class="admin-actions bulk-tools">
        <a href={adminPath.bulkModeration}>Bulk moderation (by address, range or time)</a>
        <a href={adminPath.heldRatings}>Held ratings</a>
        <a href={adminPath.people}>Data requests (export or erase one person’s data)</a>
      </p>
      <h2>Flagged episodes</h2>
      <p>Checked on a schedule; a flag stays open, its window growing while the votes go on, until a moderator closes it.</p>
      {props.flags.total === 0 ? (
        <p class="empty">Nothing has been flagged.</p>
      ) : (
        <ul class="admin-list flagged">
          {props.flags.items.map((f) => (
            <li data-flag-kind={f.kind} data-flag-status={f.status} data-episode-id={String(f.episodeId)}>
              {f.link ? <a href={f.link}>{f.episode}</a> : f.episode} <span class="flag-kind">{FLAG_KINDS[f.kind]}</span>
              {f.status === 'open' ? null : (
                <span class="flag-status">
                  {' '}
                  ({f.status} by {f.closedBy})
                </span>
              )}
              <p class="flag-reason">{f.reason}</p>
              <p class="flag-window">
                Window {formatTimestamp(f.windowStart)} to {formatTimestamp(f.windowEnd)}, {plural(f.windowVotes, 'vote')}.
              </p>
              <FlaggedScoreLine flag={f} windowStated />
              {f.status === 'open' ? (
                <form method="post" action={adminPath.closeFlag(f.id)} class="flag-actions button-row">
                  <button type="submit" name="status" value="dismissed" class="button-secondary">
                    Dismiss
                  </button>
                  <button type="submit" name="status" value="resolved" class="button-secondary">
                    Resolved
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.flags.total > 0 ? (
        <NumberedPager page={props.flags} noun={['flagged episode', 'flagged episodes']} label="Pages of flagged episodes" href={flagsHref} />
      ) : null}
      <h2>Remove one voter’s ratings</h2>
      <form method="post" action={adminPath.removeVoter} novalidate>
        <Field name="voterId" label="Voter id" type="text" hint="As listed on an episode’s moderation page, e.g. a:Xy3… or u:12." errors={errors} />
        <button type="submit" class="button-secondary">
          Remove every rating of this voter…
        </button>
      </form>
      <h2 id="blocks">Blocks</h2>
      <form method="post" action={adminPath.blocks} novalidate>
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
      {props.blocks.total === 0 ? (
        <p class="empty">No blocks.</p>
      ) : (
        <TableScroll label="Blocks">
          <table class="data blocks">
            <thead>
              <tr>
                <th scope="col">Blocked</th>
                <th scope="col">By</th>
                <th scope="col" class="num">
                  Since
                </th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.blocks.items.map((b) => (
                <tr>
                  <th scope="row">
                    {b.kind === 'ip' ? 'Addresses ' : 'Voter '}
                    <code>{b.value}</code>
                  </th>
                  <td>{b.createdBy}</td>
                  <td class="num">{formatTimestamp(b.createdAt)}</td>
                  <td>
                    <PostButton action={adminPath.liftBlock(b.id)} text="Lift" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {props.blocks.total > 0 ? <p class="blocks-total">{plural(props.blocks.total, 'block')} in all, newest first.</p> : null}
      <KeysetPager page={props.blocks} label="Pages of blocks" href={blocksHref} />
    </AdminLayout>
  );
}

export function EpisodeModerationPage(
  props: Viewed & {
    report: {
      showSlug: string;
      seasonNumber: number;
      episodeNumber: number;
      title: string;
      votesHere: number;
      perHour: Array<{ hour: string; votes: number }>;
      ones: { episode: number | null; show: number | null };
      tens: { episode: number | null; show: number | null };
      newest: KeysetPage<RecentVote, VoteCursor>;
    };
  },
) {
  const r = props.report;
  const here = adminPath.moderateEpisode(r.showSlug, r.seasonNumber, r.episodeNumber);
  const newestHref = (cursor: { before?: VoteCursor; after?: VoteCursor } | null) =>
    `${withQuery(here, { before: cursor?.before && formatVoteCursor(cursor.before), after: cursor?.after && formatVoteCursor(cursor.after) })}#newest`;
  const heading = `Moderate S${r.seasonNumber}E${r.episodeNumber} “${r.title}”`;
  return (
    <AdminLayout user={props.user} title={heading} trail={[{ label: 'Moderation', href: adminPath.moderation }, { label: heading }]}>
      <h1>{heading}</h1>
      <p class="admin-actions">
        <a href={paths.episode(r.showSlug, r.seasonNumber, r.episodeNumber)}>View on site</a>
        <a href={adminPath.episode(r.showSlug, r.seasonNumber, r.episodeNumber)}>Edit the episode</a>
        <a href={adminPath.bulkForEpisode(r.showSlug, r.seasonNumber, r.episodeNumber)}>Bulk action for this episode</a>
        <a href={withQuery(adminPath.heldRatings, { show: r.showSlug, season: r.seasonNumber, episode: r.episodeNumber })}>Its held ratings</a>
      </p>
      <p>{r.votesHere} votes cast on Epirank.</p>
      <table class="data">
        <caption>Share of extreme ratings</caption>
        <ColumnHeads columns={['Rating', num('This episode'), num('The show')]} />
        <tbody>
          <tr>
            <th scope="row">1s</th>
            <td class="ones-episode num">{share(r.ones.episode)}</td>
            <td class="num">{share(r.ones.show)}</td>
          </tr>
          <tr>
            <th scope="row">10s</th>
            <td class="tens-episode num">{share(r.tens.episode)}</td>
            <td class="num">{share(r.tens.show)}</td>
          </tr>
        </tbody>
      </table>
      <h2>Votes per hour, last 48 hours (UTC)</h2>
      {r.perHour.length === 0 ? (
        <p class="empty">No votes in the last 48 hours.</p>
      ) : (
        <table class="data per-hour">
          <ColumnHeads columns={[num('Hour'), num('Votes')]} />
          <tbody>
            {r.perHour.map((bucket) => (
              <tr>
                <th scope="row" class="num">
                  {bucket.hour.replace('T', ' ')}:00
                </th>
                <td class="num">{bucket.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="newest">Newest voters</h2>
      <p>In the order their ratings arrived, imported ones by when the import wrote them.</p>
      <TableScroll label="Newest voters">
        <table class="data newest">
          <ColumnHeads columns={['Voter', num('Rating'), 'Address', num('When')]} />
          <tbody>
            {r.newest.items.map((v) => (
              <tr>
                <th scope="row">
                  <code>{v.voterId}</code>
                </th>
                <td class="num">{v.rating}</td>
                <td>{addressShown(v.ip, v.network)}</td>
                {v.importedAt ? (
                  <td class="imported num">
                    imported {formatTimestamp(v.importedAt)} (the file says {formatTimestamp(v.updatedAt)})
                  </td>
                ) : (
                  <td class="num">{formatTimestamp(v.updatedAt)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <KeysetPager page={r.newest} label="Pages of voters" href={newestHref} />
    </AdminLayout>
  );
}

/** Asks before removing every rating of one voter; only this page's form sends the confirmation. */
export function ConfirmRemoveVoterPage(props: Viewed & { voterId: string; reach: { ratings: number; episodes: number; shows: number } }) {
  const { reach } = props;
  const heading = `Remove every rating of ${props.voterId}?`;
  return (
    <AdminLayout user={props.user} title={heading} trail={[{ label: 'Moderation', href: adminPath.moderation }, { label: 'Remove ratings' }]}>
      <h1>{heading}</h1>
      {reach.ratings === 0 ? (
        <p class="deletion-impact">
          Voter <code>{props.voterId}</code> has no ratings: there is nothing to remove.
        </p>
      ) : (
        <p class="deletion-impact">
          This removes {plural(reach.ratings, 'rating')} voter <code>{props.voterId}</code> has cast, on {plural(reach.episodes, 'episode')} of{' '}
          {plural(reach.shows, 'show')}; the tallies follow at once.
        </p>
      )}
      <p>It cannot be undone here. The audit log keeps each rating removed.</p>
      <ConfirmDeleteForm action={adminPath.removeVoter} fields={{ voterId: props.voterId }} button="Remove their ratings" cancel={adminPath.moderation} />
    </AdminLayout>
  );
}

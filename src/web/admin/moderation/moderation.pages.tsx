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
import { formatTimestamp } from '../../ui/format.js';
import { formatPercent } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { flagReasonText } from '../../../moderation/flag-reason.js';
import { h, type Child } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { ConfirmDeleteForm } from '../confirm-delete-form.js';
import { KeysetPager, NumberedPager } from '../../ui/components/pager.js';
import { FlaggedScoreLine } from '../../ui/components/flagged-score.js';
import { TableScroll } from '../../ui/components/table-scroll.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';
import { PostButton } from '../../ui/components/post-button.js';

const share = (x: number | null) => (x === null ? '—' : formatPercent(x));
const code = (chunks: Child[]) => <code>{chunks}</code>;

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
    <AdminLayout user={props.user} title={t('admin.moderation')} trail={[{ label: t('admin.moderation') }]}>
      <h1>{t('admin.moderation')}</h1>
      <SavedNotice message={props.message} />
      <p class="admin-actions bulk-tools">
        <a href={adminPath.bulkModeration}>{t('admin.bulkLink')}</a>
        <a href={adminPath.heldRatings}>{t('admin.heldLink')}</a>
        <a href={adminPath.people}>{t('admin.peopleLink')}</a>
      </p>
      <h2>{t('admin.flaggedEpisodes')}</h2>
      <p>{t('admin.flaggedIntro')}</p>
      {props.flags.total === 0 ? (
        <p class="empty">{t('admin.nothingFlagged')}</p>
      ) : (
        <ul class="admin-list flagged">
          {props.flags.items.map((f) => (
            <li data-flag-kind={f.kind} data-flag-status={f.status} data-episode-id={String(f.episodeId)}>
              {f.link ? <a href={f.link}>{f.episode}</a> : f.episode} <span class="flag-kind">{t('admin.flagKind', { kind: f.kind })}</span>
              {f.status === 'open' ? null : <span class="flag-status"> {t('admin.flagClosed', { status: f.status, who: f.closedBy })}</span>}
              <p class="flag-reason">{flagReasonText(f.reason)}</p>
              <p class="flag-window">
                {t('admin.flagWindow', { start: formatTimestamp(f.windowStart), end: formatTimestamp(f.windowEnd), votes: f.windowVotes })}
              </p>
              <FlaggedScoreLine flag={f} windowStated />
              {f.status === 'open' ? (
                <form method="post" action={adminPath.closeFlag(f.id)} class="flag-actions button-row">
                  <button type="submit" name="status" value="dismissed" class="button-secondary">
                    {t('admin.flagDismiss')}
                  </button>
                  <button type="submit" name="status" value="resolved" class="button-secondary">
                    {t('admin.flagResolved')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.flags.total > 0 ? (
        <NumberedPager page={props.flags} noun={(count) => t('admin.countFlaggedEpisodes', { count })} label={t('admin.flagPages')} href={flagsHref} />
      ) : null}
      <h2>{t('admin.removeVoterHeading')}</h2>
      <form method="post" action={adminPath.removeVoter} novalidate>
        <Field name="voterId" label={t('admin.voterId')} type="text" hint={t('admin.voterIdHint')} errors={errors} />
        <button type="submit" class="button-secondary">
          {t('admin.removeVoterButton')}
        </button>
      </form>
      <h2 id="blocks">{t('admin.blocks')}</h2>
      <form method="post" action={adminPath.blocks} novalidate>
        <div class="field">
          <label for="field-kind">{t('admin.blockLabel')}</label>
          <select id="field-kind" name="kind">
            <option value="ip">{t('admin.blockKindIp')}</option>
            <option value="voter">{t('admin.blockKindVoter')}</option>
          </select>
        </div>
        <Field name="value" label={t('admin.blockValue')} type="text" hint={t('admin.blockValueHint')} errors={errors} />
        <button type="submit" class="button-secondary">
          {t('admin.blockButton')}
        </button>
      </form>
      {props.blocks.total === 0 ? (
        <p class="empty">{t('admin.noBlocks')}</p>
      ) : (
        <TableScroll label={t('admin.blocks')}>
          <table class="data blocks">
            <thead>
              <tr>
                <th scope="col">{t('admin.blocked')}</th>
                <th scope="col">{t('admin.blockedBy')}</th>
                <th scope="col" class="num">
                  {t('admin.blockedSince')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin.blockAction')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.blocks.items.map((b) => (
                <tr>
                  <th scope="row">
                    {t('admin.blockedKind', { kind: b.kind })} <code>{b.value}</code>
                  </th>
                  <td>{b.createdBy}</td>
                  <td class="num">{formatTimestamp(b.createdAt)}</td>
                  <td>
                    <PostButton action={adminPath.liftBlock(b.id)} text={t('admin.liftBlock')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {props.blocks.total > 0 ? <p class="blocks-total">{t('admin.blocksTotal', { count: props.blocks.total })}</p> : null}
      <KeysetPager page={props.blocks} label={t('admin.blockPages')} href={blocksHref} />
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
  const heading = t('admin.moderateEpisode', { season: r.seasonNumber, episode: r.episodeNumber, title: r.title });
  return (
    <AdminLayout user={props.user} title={heading} trail={[{ label: t('admin.moderation'), href: adminPath.moderation }, { label: heading }]}>
      <h1>{heading}</h1>
      <p class="admin-actions">
        <a href={paths.episode(r.showSlug, r.seasonNumber, r.episodeNumber)}>{t('admin.viewOnSite')}</a>
        <a href={adminPath.episode(r.showSlug, r.seasonNumber, r.episodeNumber)}>{t('admin.editTheEpisode')}</a>
        <a href={adminPath.bulkForEpisode(r.showSlug, r.seasonNumber, r.episodeNumber)}>{t('admin.bulkForEpisode')}</a>
        <a href={withQuery(adminPath.heldRatings, { show: r.showSlug, season: r.seasonNumber, episode: r.episodeNumber })}>{t('admin.itsHeldRatings')}</a>
      </p>
      <p>{t('admin.votesCast', { count: r.votesHere })}</p>
      <table class="data">
        <caption>{t('admin.extremeShare')}</caption>
        <ColumnHeads columns={[t('admin.rating'), num(t('admin.thisEpisode')), num(t('admin.theShow'))]} />
        <tbody>
          <tr>
            <th scope="row">{t('admin.ones')}</th>
            <td class="ones-episode num">{share(r.ones.episode)}</td>
            <td class="num">{share(r.ones.show)}</td>
          </tr>
          <tr>
            <th scope="row">{t('admin.tens')}</th>
            <td class="tens-episode num">{share(r.tens.episode)}</td>
            <td class="num">{share(r.tens.show)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('admin.votesPerHour')}</h2>
      {r.perHour.length === 0 ? (
        <p class="empty">{t('admin.noRecentVotes')}</p>
      ) : (
        <table class="data per-hour">
          <ColumnHeads columns={[num(t('admin.hour')), num(t('admin.votes'))]} />
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
      <h2 id="newest">{t('admin.newestVoters')}</h2>
      <p>{t('admin.newestVotersIntro')}</p>
      <TableScroll label={t('admin.newestVoters')}>
        <table class="data newest">
          <ColumnHeads columns={[t('admin.voter'), num(t('admin.rating')), t('admin.address'), num(t('admin.when'))]} />
          <tbody>
            {r.newest.items.map((v) => (
              <tr>
                <th scope="row">
                  <code>{v.voterId}</code>
                </th>
                <td class="num">{v.rating}</td>
                <td>{addressShown(v.ip, v.network)}</td>
                {v.importedAt ? (
                  <td class="imported num">{t('admin.importedAt', { at: formatTimestamp(v.importedAt), set: formatTimestamp(v.updatedAt) })}</td>
                ) : (
                  <td class="num">{formatTimestamp(v.updatedAt)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <KeysetPager page={r.newest} label={t('admin.voterPages')} href={newestHref} />
    </AdminLayout>
  );
}

/** Asks before removing every rating of one voter; only this page's form sends the confirmation. */
export function ConfirmRemoveVoterPage(props: Viewed & { voterId: string; reach: { ratings: number; episodes: number; shows: number } }) {
  const { reach } = props;
  const heading = t('admin.removeVoterQuestion', { voter: props.voterId });
  return (
    <AdminLayout
      user={props.user}
      title={heading}
      trail={[{ label: t('admin.moderation'), href: adminPath.moderation }, { label: t('admin.removeRatingsCrumb') }]}
    >
      <h1>{heading}</h1>
      {reach.ratings === 0 ? (
        <p class="deletion-impact">{tParts<Child>('admin.voterHasNone', { voter: props.voterId, code })}</p>
      ) : (
        <p class="deletion-impact">
          {tParts<Child>('admin.voterReach', { voter: props.voterId, ratings: reach.ratings, episodes: reach.episodes, shows: reach.shows, code })}
        </p>
      )}
      <p>{t('admin.cannotUndoRemoval')}</p>
      <ConfirmDeleteForm
        action={adminPath.removeVoter}
        fields={{ voterId: props.voterId }}
        button={t('admin.removeTheirRatings')}
        cancel={adminPath.moderation}
      />
    </AdminLayout>
  );
}

import type { RankingView } from '../../ranking/rankings.service.js';
import { SORT_ORDERS, type SortOrder } from '../../ranking/ranking.js';
import { plural } from '../format.js';
import { h, Fragment } from '../jsx.js';
import { EpisodeCard, EpisodeMeta } from './episode-card.js';
import { paths, episodeAnchor } from '../paths.js';
import { VoteForm, type VotePageContext } from './vote-form.js';

void Fragment;

const SORT_LABELS: Record<SortOrder, string> = {
  score: 'Fan score',
  average: 'Average',
  votes: 'Most votes',
};

/** Sort links (not a form): each order has its own shareable URL and works without JavaScript. */
function SortSwitch(props: { current: SortOrder; hrefFor: (sort: SortOrder) => string }) {
  return (
    <nav class="sort-switch" aria-label="Sort episodes">
      <span class="sort-label">Sort by:</span>
      <ul>
        {SORT_ORDERS.map((sort) => (
          <li>
            {sort === props.current ? (
              <a href={props.hrefFor(sort)} aria-current="true" class="current">
                {SORT_LABELS[sort]}
              </a>
            ) : (
              <a href={props.hrefFor(sort)}>{SORT_LABELS[sort]}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function FanScoreNote(props: { priorVotes: number; showMean: string | null }) {
  return (
    <p class="note">
      <strong>Fan score</strong> is the average rating, adjusted for how many people voted: every episode starts as
      if it had {plural(props.priorVotes, 'extra vote')} at the show's overall average
      {props.showMean ? ` (${props.showMean})` : ''}, so a perfect score from a handful of fans cannot outrank an
      episode that hundreds rated highly. As votes come in, the episode's own average takes over.
    </p>
  );
}

/** A ranked list with its sort switch, explanation and the separate not-yet-rated list. */
export function RankingSection(props: {
  ranking: RankingView;
  showSlug: string;
  heading: string;
  hrefFor: (sort: SortOrder) => string;
  vote: VotePageContext;
}) {
  const { ranking, showSlug } = props;
  return (
    <>
      <section class="ranking-section" aria-labelledby="ranking-heading">
        <div class="ranking-head">
          <h2 id="ranking-heading">{props.heading}</h2>
          <SortSwitch current={ranking.sort} hrefFor={props.hrefFor} />
        </div>
        <FanScoreNote priorVotes={ranking.priorVotes} showMean={ranking.showMean} />
        {ranking.ranked.length === 0 ? (
          <p class="empty">No episode has votes yet.</p>
        ) : (
          <ol class="ranking" data-scope={props.vote.scope} data-sort={ranking.sort}>
            {ranking.ranked.map((episode) => (
              <li>
                <EpisodeCard episode={episode} showSlug={showSlug} priorVotes={ranking.priorVotes} vote={props.vote} />
              </li>
            ))}
          </ol>
        )}
      </section>
      {ranking.unrated.length > 0 ? (
        <section class="unrated-section" aria-labelledby="unrated-heading">
          <h2 id="unrated-heading">Not yet rated</h2>
          <ul class="unrated">
            {ranking.unrated.map((episode) => (
              <li id={episodeAnchor(episode.seasonNumber, episode.episodeNumber)} data-episode-id={episode.id}>
                <a href={paths.episode(showSlug, episode.seasonNumber, episode.episodeNumber)}>{episode.displayTitle}</a>
                <EpisodeMeta episode={episode} />
                <VoteForm context={props.vote} episode={episode} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

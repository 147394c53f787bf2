/**
 * /how-ranked: how a show's or a season's ranking is made, said once for every ranking page (issue
 * 25: the fan score's explanation used to repeat above every list). docs/ranking.md is the full
 * specification; this is the short version for fans, with the operator's RANK_PRIOR_VOTES in it.
 */
import { h } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { plural } from '../../ui/format.js';
import { RATING_RANGE_TEXT } from '../../../votes/rating-scale.js';

export function HowRankedPage(props: { priorVotes: number; url: string; user?: Viewer }) {
  const { priorVotes } = props;
  return (
    <Layout
      user={props.user}
      meta={{
        title: 'How episodes are ranked',
        description: 'How Epirank ranks episodes from fans’ votes: the fan score, the sort orders and ties.',
        url: props.url,
      }}
    >
      <header class="page-header">
        <h1>How episodes are ranked</h1>
        <p class="lede">Fans rate each episode from {RATING_RANGE_TEXT}. One rating per fan per episode: rating again replaces it.</p>
      </header>
      <section class="how-ranked" aria-labelledby="fan-score">
        <h2 id="fan-score">Fan score</h2>
        <p>
          <strong>Fan score</strong> is the average rating, adjusted for how many people voted: every episode starts as if it had{' '}
          {plural(priorVotes, 'extra vote')} at the show's overall average, so a perfect score from a handful of fans cannot outrank an episode that hundreds
          rated highly. As votes come in, the episode's own average takes over.
        </p>
        <p>
          An episode with fewer than {plural(priorVotes, 'vote')} is marked <strong>Few votes</strong>: the show's average still weighs heavily in its fan
          score.
        </p>
        <h2 id="sort-orders">Sort orders</h2>
        <dl class="how-ranked-orders">
          <dt>Fan score</dt>
          <dd>The default: highest fan score first.</dd>
          <dt>Average</dt>
          <dd>The plain average of the ratings, shown with two decimals, highest first.</dd>
          <dt>Most votes</dt>
          <dd>The number of ratings, most first.</dd>
        </dl>
        <p>
          Ties are broken the same way in every order, so a page never reshuffles by chance: more votes first, then the higher average, then the earlier season
          and episode.
        </p>
        <h2 id="movement">Movement</h2>
        <p>
          Beside a rank, ▲ and ▼ say how many places an episode moved in the fan-score ranking since a week ago; “new” marks an episode that was not ranked
          then. Episodes nobody has rated yet are listed apart, under “Not yet rated”.
        </p>
      </section>
    </Layout>
  );
}

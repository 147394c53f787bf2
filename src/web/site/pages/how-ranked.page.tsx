/**
 * /how-ranked: how a show's or a season's ranking is made, said once for every ranking page (issue
 * 25: the fan score's explanation used to repeat above every list). docs/ranking.md is the full
 * specification; this is the short version for fans, with the operator's RANK_PRIOR_VOTES in it.
 */
import { h, type Html } from '../../ui/jsx.js';
import { Layout, type Viewer } from '../../ui/layout.js';
import { t, tParts } from '../../../i18n/translate.js';
import { ratingRange } from './site-words.js';

const strong = (chunks: Array<string | Html>) => <strong>{chunks}</strong>;

export function HowRankedPage(props: { priorVotes: number; url: string; user?: Viewer }) {
  const { priorVotes } = props;
  return (
    <Layout
      user={props.user}
      meta={{
        title: t('site.howTitle'),
        description: t('site.howDescription'),
        url: props.url,
      }}
    >
      <header class="page-header">
        <h1>{t('site.howTitle')}</h1>
        <p class="lede">{t('site.howLede', ratingRange())}</p>
      </header>
      <section class="how-ranked" aria-labelledby="fan-score">
        <h2 id="fan-score">{t('site.howFanScore')}</h2>
        <p>{tParts('site.howFanScoreText', { count: priorVotes, strong })}</p>
        <p>{tParts('site.howFewVotes', { count: priorVotes, strong })}</p>
        <h2 id="sort-orders">{t('site.howSortOrders')}</h2>
        <dl class="how-ranked-orders">
          <dt>{t('site.howFanScore')}</dt>
          <dd>{t('site.howOrderScoreText')}</dd>
          <dt>{t('site.howOrderAverage')}</dt>
          <dd>{t('site.howOrderAverageText')}</dd>
          <dt>{t('site.howOrderVotes')}</dt>
          <dd>{t('site.howOrderVotesText')}</dd>
        </dl>
        <p>{t('site.howTies')}</p>
        <h2 id="movement">{t('site.howMovement')}</h2>
        <p>{t('site.howMovementText')}</p>
      </section>
    </Layout>
  );
}

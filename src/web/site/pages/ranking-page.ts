/**
 * What a show's page and a season's page both take beside their data: the same ranked list, the
 * same vote buttons, the same chart and the same spoiler horizon.
 */
import type { Movement } from '../../../ranking/snapshots/snapshots.service.js';
import type { Horizon } from '../../../shared/spoiler-horizon.js';
import type { AsOfNotice } from '../../ui/components/as-of-banner.js';
import type { VotePageContext } from '../../ui/components/vote-form.js';
import type { RankingScope } from '../../../ranking/rankings.service.js';
import type { SortOrder } from '../../../shared/sort-orders.js';
import { withUpto } from '../../../shared/paths.js';
import type { Viewer } from '../../ui/layout.js';

export interface RankingPageProps {
  url: string;
  /** Lay the trend chart's numbers out as a table (`chart=table`) instead of linking to them. */
  chartTable?: boolean;
  yourRatings: ReadonlyMap<number, number>;
  chooseRating?: string | undefined;
  /** The card whose rating buttons are open (RATE_PARAM). */
  open?: string | undefined;
  /** The card whose rating was just held for review (HELD_PARAM). */
  held?: string | undefined;
  user?: Viewer;
  /** Shown as it stood on a past day (`?as_of=`). */
  asOf?: AsOfNotice;
  /** Each ranked episode's move since a week ago (live rankings by fan score only). */
  movements?: ReadonlyMap<number, Movement>;
  /** The spoiler horizon (`?upto=`): later episodes are masked, and every link keeps it. `url` stays the plain address. */
  horizon?: Horizon | null;
}

/**
 * The vote buttons' context on a ranking page of `showSlug` in its `sort`: a vote comes back to
 * `path` under the page's horizon, beside the visitor's ratings and open card.
 */
export function rankingVoteContext(props: RankingPageProps, showSlug: string, sort: SortOrder, scope: RankingScope, path: string): VotePageContext {
  const { yourRatings, chooseRating, open, held } = props;
  return { showSlug, returnTo: withUpto(path, props.horizon), sort, scope, yourRatings, chooseRating, open, held };
}

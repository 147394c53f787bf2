/**
 * /account/join-ratings: after signing in, the ratings this browser gave while signed out, listed
 * so that the fan decides whether they are theirs before they join the account (issue 24).
 */
import type { User } from '../../accounts/accounts.repository.js';
import { paths } from '../../shared/paths.js';
import type { MyRatingsPage } from '../../votes/my-ratings.service.js';
import { NumberedPager } from '../ui/components/pager.js';
import { plural } from '../ui/format.js';
import { h } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';
import { RatingsTable } from './my-ratings.page.js';

/** The form's field and its two answers. */
export const JOIN_CHOICE = { name: 'choice', join: 'join', leave: 'leave' } as const;

export function JoinRatingsPage(props: { user: User; list: MyRatingsPage; returnTo: string }) {
  const { list, returnTo } = props;
  const title = 'Ratings from before you signed in';
  return (
    <Layout meta={{ title, noindex: true }} user={props.user}>
      <section class="my-ratings join-ratings">
        <h1>{title}</h1>
        <p class="lede">
          This browser rated {plural(list.total, 'episode')} while signed out. Add them to your account only if you gave them: someone else using this browser,
          or a site that planted its cookie, may have.
        </p>
        <RatingsTable caption={title} ratings={list.items} />
        {list.pageCount > 1 || list.page > list.pageCount ? (
          <NumberedPager page={list} href={(page) => paths.accountJoinRatings(returnTo, page)} noun={['rating', 'ratings']} label="Pages of these ratings" />
        ) : null}
        <form method="post" action={paths.accountJoinRatings()} class="join-ratings-choice">
          <input type="hidden" name="return" value={returnTo} />
          <p>Where you and this browser both rated an episode, the newer rating is kept.</p>
          <p class="button-row">
            <button type="submit" class="button" name={JOIN_CHOICE.name} value={JOIN_CHOICE.join}>
              Add them to my account
            </button>
            <button type="submit" class="button-secondary" name={JOIN_CHOICE.name} value={JOIN_CHOICE.leave}>
              Leave them
            </button>
          </p>
        </form>
        <p class="form-hint">Left, they stay anonymous ratings, counted as before, and no longer tied to this browser.</p>
      </section>
    </Layout>
  );
}

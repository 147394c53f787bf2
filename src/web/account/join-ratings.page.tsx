/**
 * /account/join-ratings: after signing in, the ratings this browser gave while signed out, listed
 * so that the fan decides whether they are theirs before they join the account (issue 24).
 */
import type { User } from '../../accounts/accounts.repository.js';
import { paths } from '../../shared/paths.js';
import type { MyRatingsPage } from '../../votes/my-ratings.service.js';
import { NumberedPager } from '../ui/components/pager.js';
import { t } from '../../i18n/translate.js';
import { h } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';
import { RatingsTable } from './my-ratings.page.js';

/** The form's field and its two answers. */
export const JOIN_CHOICE = { name: 'choice', join: 'join', leave: 'leave' } as const;

export function JoinRatingsPage(props: { user: User; list: MyRatingsPage; returnTo: string }) {
  const { list, returnTo } = props;
  const title = t('account.joinTitle');
  return (
    <Layout meta={{ title, noindex: true }} user={props.user}>
      <section class="my-ratings join-ratings">
        <h1>{title}</h1>
        <p class="lede">{t('account.joinLede', { count: list.total })}</p>
        <RatingsTable caption={title} ratings={list.items} />
        {list.pageCount > 1 || list.page > list.pageCount ? (
          <NumberedPager
            page={list}
            href={(page) => paths.accountJoinRatings(returnTo, page)}
            noun={(count) => t('account.countRatings', { count })}
            label={t('account.joinPages')}
          />
        ) : null}
        <form method="post" action={paths.accountJoinRatings()} class="join-ratings-choice">
          <input type="hidden" name="return" value={returnTo} />
          <p>{t('account.joinNewer')}</p>
          <p class="button-row">
            <button type="submit" class="button" name={JOIN_CHOICE.name} value={JOIN_CHOICE.join}>
              {t('account.joinButton')}
            </button>
            <button type="submit" class="button-secondary" name={JOIN_CHOICE.name} value={JOIN_CHOICE.leave}>
              {t('account.leaveButton')}
            </button>
          </p>
        </form>
        <p class="form-hint">{t('account.leaveHint')}</p>
      </section>
    </Layout>
  );
}

/**
 * The page people see for an error, with a heading per status (or the error's own, where it can
 * say more) and the problem in words. Its header is the one every other page gives the same
 * visitor ("Your account", "Admin"), so a refused fan still sees who they are signed in as.
 */
import { h } from './jsx.js';
import { Layout, type Viewer } from './layout.js';
import { t, type MessageKey } from '../../i18n/translate.js';

const HEADINGS: Record<number, MessageKey> = {
  400: 'errors.heading400',
  403: 'errors.heading403',
  404: 'errors.heading404',
  405: 'errors.heading405',
  413: 'errors.heading413',
  429: 'errors.heading429',
  500: 'errors.heading500',
  503: 'errors.heading503',
};

/** The readable error page for people; the API answers with problem documents instead. */
export function ErrorPage(props: { status: number; detail: string; heading?: string | undefined; user?: Viewer }) {
  const heading = props.heading ?? t(HEADINGS[props.status] ?? (props.status >= 500 ? HEADINGS[500]! : HEADINGS[400]!));
  return (
    <Layout meta={{ title: heading, noindex: true }} user={props.user}>
      <section class="error-page">
        <p class="error-status">{t('errors.status', { status: String(props.status) })}</p>
        <h1>{heading}</h1>
        <p class="error-detail">{props.detail}</p>
        <p>
          <a href="/">{t('errors.homeLink')}</a>
        </p>
      </section>
    </Layout>
  );
}

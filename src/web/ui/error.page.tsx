/**
 * The page people see for an error, with a heading per status (or the error's own, where it can
 * say more) and the problem in words. Its header is the one every other page gives the same
 * visitor ("Your account", "Admin"), so a refused fan still sees who they are signed in as.
 */
import { h } from './jsx.js';
import { Layout, type Viewer } from './layout.js';

const HEADINGS: Record<number, string> = {
  400: 'That request did not make sense',
  403: 'You may not do that',
  404: 'Page not found',
  405: 'That action is not allowed here',
  413: 'That request was too large',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
  503: 'Epirank is briefly unavailable',
};

/** The readable error page for people; the API answers with problem documents instead. */
export function ErrorPage(props: { status: number; detail: string; heading?: string | undefined; user?: Viewer }) {
  const heading = props.heading ?? HEADINGS[props.status] ?? (props.status >= 500 ? HEADINGS[500]! : HEADINGS[400]!);
  return (
    <Layout meta={{ title: heading, noindex: true }} user={props.user}>
      <section class="error-page">
        <p class="error-status">Error {props.status}</p>
        <h1>{heading}</h1>
        <p class="error-detail">{props.detail}</p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </section>
    </Layout>
  );
}

/**
 * The frame every admin page shares: the site layout (told who is signed in, for its header),
 * breadcrumbs starting at the admin home, and the "Saved" notice.
 */
import { t } from '../../i18n/translate.js';
import { adminPath } from '../../shared/paths.js';
import { Breadcrumbs } from '../ui/components/show-header.js';
import { h, type Child } from '../ui/jsx.js';
import { Layout, type Viewer } from '../ui/layout.js';

/** Every admin page is told who is looking, for the header. */
export interface Viewed {
  user: Viewer;
}

export type Trail = Array<{ label: string; href?: string }>;

export function AdminLayout(props: { title: string; trail: Trail; user: Viewer; children?: Child }) {
  return (
    <Layout meta={{ title: props.title, noindex: true }} user={props.user}>
      <Breadcrumbs trail={[{ label: t('admin.home'), href: adminPath.home }, ...props.trail]} />
      <section class="admin">{props.children}</section>
    </Layout>
  );
}

/** The confirmation after a change, announced politely by screen readers; shown after a redirect with ?saved=1. */
export function SavedNotice(props: { message?: string | null }) {
  return props.message ? (
    <p class="form-saved" role="status">
      {props.message}
    </p>
  ) : null;
}

/** A link to the public page an admin page edits. */
export function ViewOnSite(props: { href: string; label?: string }) {
  return (
    <p class="view-on-site">
      <a href={props.href}>{props.label ?? t('admin.viewOnSite')}</a>
    </p>
  );
}

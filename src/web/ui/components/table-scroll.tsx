/**
 * A wide table's frame: on a phone the table scrolls sideways inside it instead of widening the
 * page. The frame is a labelled region (a named <section>) that takes focus, so a keyboard user can scroll it too and
 * a screen reader names it (axe's "scrollable-region-focusable"). The admin lists use it; its
 * rules are the "ops-polish" block of site.css.
 */
import { h, type Child } from '../jsx.js';

export function TableScroll(props: { label: string; children?: Child }) {
  return (
    // A <section> with a name is a region landmark.
    <section class="table-scroll" tabindex="0" aria-label={props.label}>
      {props.children}
    </section>
  );
}

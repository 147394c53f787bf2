/**
 * A button that sends one same-origin POST and nothing else (revoke a token, lift a block): the
 * form works without JavaScript, and the cross-origin check (src/http/cross-origin.ts) guards it.
 * `label` names the action for a screen reader where the button's text alone would not say which
 * row it acts on.
 */
import { h } from '../jsx.js';

export function PostButton(props: { action: string; text: string; label?: string }) {
  return (
    <form method="post" action={props.action}>
      <button type="submit" class="button-secondary" aria-label={props.label}>
        {props.text}
      </button>
    </form>
  );
}

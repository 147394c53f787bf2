/**
 * The proof of work a form carries (src/shared/proof-of-work.ts): the signed challenge as JSON for
 * site.js to solve, the hidden field it fills with the solution, and a line saying how far it got.
 * The form's submit button stays usable: pressed early, site.js sends the form once the answer is
 * ready. Without JavaScript nothing can solve it, and the form says so plainly.
 */
import type { Challenge } from 'altcha-lib';
import { h } from '../jsx.js';

/** The form field that carries the solution, on every form and in the JSON API's bodies. */
export const PROOF_FIELD = 'proofOfWork';

export function ProofOfWorkField(props: { challenge: Challenge | null }) {
  if (!props.challenge) return null;
  return (
    <div class="proof-of-work" data-challenge={JSON.stringify(props.challenge)}>
      <input type="hidden" name={PROOF_FIELD} value="" />
      <p class="hint proof-of-work-status" aria-live="polite">
        To keep automated sign-ups and votes out, your browser does a short calculation before the form is sent.
      </p>
      <noscript>
        <p class="form-error">This step needs JavaScript: please turn it on for this site, or use a browser that has it, and load the page again.</p>
      </noscript>
    </div>
  );
}

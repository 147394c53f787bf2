/**
 * The proof of work a form carries (src/shared/proof-of-work.ts): the signed challenge as JSON for
 * site.js to solve, the hidden field it fills with the solution, and a line saying how far it got.
 * The form's submit button stays usable: pressed early, site.js sends the form once the answer is
 * ready. Without JavaScript nothing can solve it, and the form says so plainly.
 */
import type { Challenge } from 'altcha-lib';
import { t } from '../../../i18n/translate.js';
import { h } from '../jsx.js';

/** The form field that carries the solution, on every form and in the JSON API's bodies. */
export const PROOF_FIELD = 'proofOfWork';

export function ProofOfWorkField(props: { challenge: Challenge | null }) {
  if (!props.challenge) return null;
  return (
    <div class="proof-of-work" data-challenge={JSON.stringify(props.challenge)}>
      <input type="hidden" name={PROOF_FIELD} value="" />
      <p class="hint proof-of-work-status" aria-live="polite">
        {t('ranking.proofOfWorkStatus')}
      </p>
      <noscript>
        <p class="form-error">{t('ranking.proofOfWorkNoScript')}</p>
      </noscript>
    </div>
  );
}

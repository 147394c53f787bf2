/**
 * The answer to a vote form posted without the voting script (or by a browser whose script could
 * not solve it in place) when the anonymous voter must first do a proof of work
 * (ProofOfWorkRequiredError): the reason, and the same vote as a form carrying the challenge, which
 * site.js solves before the form is sent. Without JavaScript the form says that it is needed.
 */
import type { Challenge } from 'altcha-lib';
import { ProofOfWorkField } from '../../ui/components/proof-of-work.js';
import { h } from '../../ui/jsx.js';
import { Layout } from '../../ui/layout.js';
import { t } from '../../../i18n/translate.js';

export function VoteProofPage(props: { message: string; action: string; rating: number; returnTo: string; challenge: Challenge }) {
  return (
    <Layout meta={{ title: t('site.voteProofTitle'), noindex: true }}>
      <section class="account-form">
        <h1>{t('site.voteProofTitle')}</h1>
        <p class="form-error" role="alert">
          {props.message}
        </p>
        <form method="post" action={props.action}>
          <input type="hidden" name="return" value={props.returnTo} />
          <input type="hidden" name="rating" value={String(props.rating)} />
          <ProofOfWorkField challenge={props.challenge} />
          <button type="submit" class="button">
            {t('site.voteProofSave', { rating: props.rating })}
          </button>
        </form>
        <p>
          <a href={props.returnTo}>{t('site.voteProofBack')}</a>
        </p>
      </section>
    </Layout>
  );
}

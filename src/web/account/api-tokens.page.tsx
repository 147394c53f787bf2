/**
 * /account/tokens: the fan's personal API tokens, listed by name with when each was made and last
 * used, the form that creates one, a revoke button beside each, and, on the answer to the form
 * only, the new token itself, shown this once.
 */
import type { User } from '../../accounts/accounts.repository.js';
import type { ApiTokenSummary } from '../../accounts/api-tokens.repository.js';
import { API_TOKEN_NAME_LENGTH, type CreatedApiToken, MAX_API_TOKENS_PER_ACCOUNT } from '../../accounts/api-tokens.service.js';
import { paths } from '../../shared/paths.js';
import { ColumnHeads, num } from '../ui/components/column-heads.js';
import { Field, FormProblem, type FieldErrors } from '../ui/components/form-field.js';
import { PostButton } from '../ui/components/post-button.js';
import { formatTimestamp } from '../ui/format.js';
import { t, tParts } from '../../i18n/translate.js';
import { h } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';

export function ApiTokensPage(props: {
  user: User;
  tokens: ApiTokenSummary[];
  /** Only on the answer to the create form: the secret is never shown again. */
  created?: CreatedApiToken;
  /** After a revoke: says so. */
  revoked?: boolean;
  name?: string;
  errors?: FieldErrors;
}) {
  const errors = props.errors ?? {};
  const full = props.tokens.length >= MAX_API_TOKENS_PER_ACCOUNT;
  return (
    <Layout meta={{ title: t('account.tokens'), noindex: true }} user={props.user}>
      <section class="account-form api-tokens">
        <h1>{t('account.tokens')}</h1>
        {/* The header to send is HTTP's own words in every language: marked as English, not for translating. */}
        <p class="lede">
          {tParts('account.tokensLede', {
            link: (words) => <a href="/api/v1/docs">{words}</a>,
            code: (words) => (
              <code lang="en" translate="no">
                {words}
              </code>
            ),
          })}
        </p>
        {props.created ? (
          <div class="api-token-created" role="status">
            <h2>{t('account.tokenCreated', { name: props.created.token.name })}</h2>
            <p>{tParts('account.tokenCopy', { strong: (words) => <strong>{words}</strong> })}</p>
            <p>
              <code class="api-token-secret">{props.created.secret}</code>
            </p>
          </div>
        ) : null}
        {props.revoked ? (
          <p class="form-saved" role="status">
            {t('account.tokenRevoked')}
          </p>
        ) : null}
        <h2>{t('account.yourTokens')}</h2>
        {props.tokens.length === 0 ? (
          <p class="api-tokens-none">{t('account.noTokens')}</p>
        ) : (
          <table class="data api-tokens-table">
            <caption class="visually-hidden">{t('account.yourApiTokens')}</caption>
            <ColumnHeads columns={[t('account.tokenName'), num(t('account.tokenCreatedAt')), num(t('account.tokenLastUsed')), t('account.revoke')]} />
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <td class="api-token-name">{token.name}</td>
                  <td class="num">{formatTimestamp(token.createdAt)}</td>
                  <td class="num">{token.lastUsedAt === null ? t('account.tokenNever') : formatTimestamp(token.lastUsedAt)}</td>
                  <td>
                    <PostButton action={paths.accountTokenRevoke(token.id)} text={t('account.revoke')} label={t('account.revokeToken', { name: token.name })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('account.createToken')}</h2>
        <FormProblem errors={errors} />
        {full ? (
          <p class="api-tokens-full">{t('account.tokensFull', { max: MAX_API_TOKENS_PER_ACCOUNT })}</p>
        ) : (
          <form method="post" action={paths.accountTokens()} novalidate>
            <Field
              name="name"
              label={t('account.tokenName')}
              type="text"
              autocomplete="off"
              value={props.name}
              hint={t('account.tokenNameHint', { min: API_TOKEN_NAME_LENGTH.min, max: API_TOKEN_NAME_LENGTH.max })}
              errors={errors}
            />
            <button type="submit" class="button">
              {t('account.createTokenButton')}
            </button>
          </form>
        )}
        <p>
          <a href="/account">{t('account.backToAccount')}</a>
        </p>
      </section>
    </Layout>
  );
}

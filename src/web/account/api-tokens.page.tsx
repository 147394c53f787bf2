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
    <Layout meta={{ title: 'API tokens', noindex: true }} user={props.user}>
      <section class="account-form api-tokens">
        <h1>API tokens</h1>
        <p class="lede">
          A personal token lets a script of yours read and change your ratings through the <a href="/api/v1/docs">JSON API</a>, as you: send it as{' '}
          <code>Authorization: Bearer …</code>. Treat it like a password; revoke it here when the script no longer needs it.
        </p>
        {props.created ? (
          <div class="api-token-created" role="status">
            <h2>Your new token “{props.created.token.name}”</h2>
            <p>
              <strong>Copy it now.</strong> It is shown only this once: Epirank keeps only a fingerprint of it and cannot show it again.
            </p>
            <p>
              <code class="api-token-secret">{props.created.secret}</code>
            </p>
          </div>
        ) : null}
        {props.revoked ? (
          <p class="form-saved" role="status">
            The token was revoked: requests that send it are refused from now on.
          </p>
        ) : null}
        <h2>Your tokens</h2>
        {props.tokens.length === 0 ? (
          <p class="api-tokens-none">You have no API tokens.</p>
        ) : (
          <table class="data api-tokens-table">
            <caption class="visually-hidden">Your API tokens</caption>
            <ColumnHeads columns={['Name', num('Created'), num('Last used'), 'Revoke']} />
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <td class="api-token-name">{token.name}</td>
                  <td class="num">{formatTimestamp(token.createdAt)}</td>
                  <td class="num">{token.lastUsedAt === null ? 'Never' : formatTimestamp(token.lastUsedAt)}</td>
                  <td>
                    <PostButton action={paths.accountTokenRevoke(token.id)} text="Revoke" label={`Revoke ${token.name}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Create a token</h2>
        <FormProblem errors={errors} />
        {full ? (
          <p class="api-tokens-full">
            You hold {MAX_API_TOKENS_PER_ACCOUNT} tokens, as many as an account can. Revoke one you no longer use to create another.
          </p>
        ) : (
          <form method="post" action={paths.accountTokens()} novalidate>
            <Field
              name="name"
              label="Name"
              type="text"
              autocomplete="off"
              value={props.name}
              hint={`What uses it, so you know which to revoke later (${API_TOKEN_NAME_LENGTH.min}–${API_TOKEN_NAME_LENGTH.max} characters).`}
              errors={errors}
            />
            <button type="submit" class="button">
              Create token
            </button>
          </form>
        )}
        <p>
          <a href="/account">Back to your account</a>
        </p>
      </section>
    </Layout>
  );
}

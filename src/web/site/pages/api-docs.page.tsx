/**
 * /api/v1/docs: every operation of the OpenAPI document listed for people, with its parameters,
 * the credentials it takes (cookies, a personal token) and each status it may answer with.
 * Machines read the JSON.
 *
 * The page's own words are in the visitor's language; the document's (its title, summaries and
 * descriptions, written beside the API's schemas in src/api) are the API's reference, in English,
 * and are marked `lang="en"` so that browsers and screen readers say them as English.
 */
import { h, type Child } from '../../ui/jsx.js';
import { currentLanguage } from '../../../i18n/context.js';
import { SOURCE_LANGUAGE } from '../../../i18n/languages.js';
import { t, tParts } from '../../../i18n/translate.js';
import { Layout } from '../../ui/layout.js';
import { MAX_RATING, MIN_RATING } from '../../../votes/rating-scale.js';
import { ColumnHeads } from '../../ui/components/column-heads.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: unknown[]; default?: unknown; minimum?: number; maximum?: number; maxLength?: number };
}

interface Response {
  description?: string;
  headers?: Record<string, { description?: string }>;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, Response>;
}

interface SecurityScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
  description?: string;
}

/** What a client sends for a scheme: a cookie's name, or the Authorization header of an HTTP scheme (a personal token). */
const credentialOf = (scheme: SecurityScheme | undefined, key: string) =>
  scheme?.type === 'http' ? `Authorization: ${scheme.scheme === 'bearer' ? 'Bearer' : (scheme.scheme ?? '')}` : (scheme?.name ?? key);

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The document's descriptions mark code with backticks, as Markdown does; here they become
 * <code>. Only backticks are read: the rest stays text, escaped like any other.
 */
export function withInlineCode(text: string): Child[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part));
}

/** A code word the document names (a parameter, a header, a cookie, a method): the same in every language. */
const Code = (props: { children?: Child }) => (
  <code lang="en" translate="no">
    {props.children}
  </code>
);

/** The same text without the backticks, for places that hold plain text (a meta description). */
const plain = (text: string) => text.replace(/`([^`]+)`/g, '$1');

/** A parameter's values in words: its JSON type (a code word), its bounds, its choices and its default. */
function describeSchema(schema: Parameter['schema']): Child {
  if (!schema) return '';
  const fallback = schema.default !== undefined ? t('site.apiDefault', { value: String(schema.default) }) : '';
  if (schema.enum) return [t('site.apiOneOf', { values: schema.enum.join(', ') }), fallback].filter(Boolean).join('; ');
  const limits = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.maxLength !== undefined ? t('site.apiMaxLength', { count: schema.maxLength }) : '',
    fallback,
  ].filter(Boolean);
  const words = limits.join(', ');
  if (!schema.type) return words;
  return [<Code>{schema.type}</Code>, words ? `, ${words}` : ''];
}

/** Which credentials an operation takes, in words: none for reads; for votes and /me, the ones it accepts. */
function describeSecurity(requirements: Operation['security'], schemes: Record<string, SecurityScheme>): Child {
  const names = (requirements ?? []).flatMap((r) => Object.keys(r)).map((key) => credentialOf(schemes[key], key));
  if (names.length === 0) return t('site.apiNoCredentials');
  const optional = (requirements ?? []).some((r) => Object.keys(r).length === 0);
  const alternatives = names.flatMap((name, i) => [i === 0 ? '' : t('site.apiOr'), <Code>{name}</Code>]);
  return tParts(optional ? 'site.apiOptionalCredentials' : 'site.apiSomeCredentials', { names: alternatives });
}

/** A readable list of every operation in the OpenAPI document, for people; machines read the JSON. */
export function ApiDocsPage(props: { document: Record<string, unknown> }) {
  const info = props.document.info as { title: string; description?: string; version: string; license?: { name: string } };
  const paths = (props.document.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const schemes = (props.document.components as { securitySchemes?: Record<string, SecurityScheme> } | undefined)?.securitySchemes ?? {};
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method]! })),
  );
  // The document's description is English: another language's page describes itself in its own words.
  const inSource = currentLanguage() === SOURCE_LANGUAGE;
  const anchor = (method: string, path: string) => `op-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <Layout
      meta={{ title: `${info.title} ${info.version}`, description: inSource ? info.description && plain(info.description) : t('site.apiDocsDescription') }}
    >
      <header class="page-header">
        <h1 lang="en">
          {info.title} {info.version}
        </h1>
        {info.description ? (
          <p class="lede" lang="en">
            {withInlineCode(info.description)}
          </p>
        ) : null}
        <p>
          {tParts('site.apiMachineReadable', {
            link: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>,
            licence: info.license?.name ?? 'none',
          })}
        </p>
        {inSource ? null : <p class="note">{t('site.apiEnglishNote')}</p>}
      </header>
      {Object.keys(schemes).length > 0 ? (
        <section class="api-operation" aria-labelledby="api-credentials">
          <h2 id="api-credentials">{t('site.apiCredentials')}</h2>
          <dl class="api-responses">
            {Object.entries(schemes).map(([key, scheme]) => [
              <dt>
                <Code>{credentialOf(scheme, key)}</Code>
              </dt>,
              <dd lang="en">{withInlineCode(scheme.description ?? '')}</dd>,
            ])}
          </dl>
        </section>
      ) : null}
      {operations.map(({ path, method, operation }) => (
        <section class="api-operation" aria-labelledby={anchor(method, path)}>
          <h2 id={anchor(method, path)}>
            <span class="api-method" lang="en" translate="no">
              {method.toUpperCase()}
            </span>{' '}
            <Code>{path}</Code>
          </h2>
          {operation.summary ? <p lang="en">{operation.summary}.</p> : null}
          {operation.description ? (
            <p class="note" lang="en">
              {withInlineCode(operation.description)}
            </p>
          ) : null}
          {operation.operationId ? (
            <p class="note">
              {tParts('site.apiOperation', { id: <Code>{operation.operationId}</Code>, credentials: describeSecurity(operation.security, schemes) })}
            </p>
          ) : null}
          {operation.parameters && operation.parameters.length > 0 ? (
            <table class="api-table">
              <caption class="visually-hidden">{t('site.apiParameters')}</caption>
              <ColumnHeads columns={[t('site.apiParameter'), t('site.apiIn'), t('site.apiValue'), t('site.apiMeaning')]} />
              <tbody>
                {operation.parameters.map((p) => (
                  <tr>
                    <th scope="row">
                      <Code>{p.name}</Code>
                      {p.required ? t('site.apiRequired') : ''}
                    </th>
                    <td>
                      <Code>{p.in}</Code>
                    </td>
                    <td>{describeSchema(p.schema)}</td>
                    <td lang="en">{withInlineCode(p.description ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {operation.requestBody ? <p>{tParts('site.apiBody', { example: <Code>{`{"rating": ${MIN_RATING}…${MAX_RATING}}`}</Code> })}</p> : null}
          <h3 class="api-answers">{t('site.apiAnswers')}</h3>
          <dl class="api-responses">
            {Object.entries(operation.responses ?? {}).map(([status, response]) => [
              <dt>{status}</dt>,
              <dd lang="en">
                {withInlineCode(response.description ?? '')}
                {Object.entries(response.headers ?? {}).map(([name, header]) => [
                  ' ',
                  <code>{name}</code>,
                  header.description ? [': ', withInlineCode(header.description)] : null,
                ])}
              </dd>,
            ])}
          </dl>
        </section>
      ))}
    </Layout>
  );
}

/**
 * /api/v1/docs: every operation of the OpenAPI document listed for people, with its parameters,
 * the credentials it takes (cookies, a personal token) and each status it may answer with.
 * Machines read the JSON.
 */
import { h, type Child } from '../../ui/jsx.js';
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

/** The same text without the backticks, for places that hold plain text (a meta description). */
const plain = (text: string) => text.replace(/`([^`]+)`/g, '$1');

function describeSchema(schema: Parameter['schema']): string {
  if (!schema) return '';
  const fallback = schema.default !== undefined ? `default ${String(schema.default)}` : '';
  if (schema.enum) return [`one of ${schema.enum.join(', ')}`, fallback].filter(Boolean).join('; ');
  const limits = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.maxLength !== undefined ? `up to ${schema.maxLength} characters` : '',
    fallback,
  ].filter(Boolean);
  return [schema.type, ...limits].filter(Boolean).join(', ');
}

/** Which credentials an operation takes, in words: none for reads; for votes and /me, the ones it accepts. */
function describeSecurity(requirements: Operation['security'], schemes: Record<string, SecurityScheme>): Child {
  const names = (requirements ?? []).flatMap((r) => Object.keys(r)).map((key) => credentialOf(schemes[key], key));
  if (names.length === 0) return 'none needed.';
  const optional = (requirements ?? []).some((r) => Object.keys(r).length === 0);
  return [names.map((name, i) => [i === 0 ? '' : ' or ', <code>{name}</code>]), optional ? ', when the client has one (see Credentials above).' : '.'];
}

/** A readable list of every operation in the OpenAPI document, for people; machines read the JSON. */
export function ApiDocsPage(props: { document: Record<string, unknown> }) {
  const info = props.document.info as { title: string; description?: string; version: string; license?: { name: string } };
  const paths = (props.document.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const schemes = (props.document.components as { securitySchemes?: Record<string, SecurityScheme> } | undefined)?.securitySchemes ?? {};
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method]! })),
  );
  const anchor = (method: string, path: string) => `op-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <Layout meta={{ title: `${info.title} ${info.version}`, description: info.description && plain(info.description) }}>
      <header class="page-header">
        <h1>
          {info.title} {info.version}
        </h1>
        {info.description ? <p class="lede">{withInlineCode(info.description)}</p> : null}
        <p>
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1
          {info.license ? `, ${info.license.name} licence` : ''}). Reads may be cached (ETag, Cache-Control) and read from any site (CORS).
        </p>
      </header>
      {Object.keys(schemes).length > 0 ? (
        <section class="api-operation" aria-labelledby="api-credentials">
          <h2 id="api-credentials">Credentials</h2>
          <dl class="api-responses">
            {Object.entries(schemes).map(([key, scheme]) => [
              <dt>
                <code>{credentialOf(scheme, key)}</code>
              </dt>,
              <dd>{withInlineCode(scheme.description ?? '')}</dd>,
            ])}
          </dl>
        </section>
      ) : null}
      {operations.map(({ path, method, operation }) => (
        <section class="api-operation" aria-labelledby={anchor(method, path)}>
          <h2 id={anchor(method, path)}>
            <span class="api-method">{method.toUpperCase()}</span> <code>{path}</code>
          </h2>
          {operation.summary ? <p>{operation.summary}.</p> : null}
          {operation.description ? <p class="note">{withInlineCode(operation.description)}</p> : null}
          {operation.operationId ? (
            <p class="note">
              Operation id: <code>{operation.operationId}</code>. Credentials: {describeSecurity(operation.security, schemes)}
            </p>
          ) : null}
          {operation.parameters && operation.parameters.length > 0 ? (
            <table class="api-table">
              <caption class="visually-hidden">Parameters</caption>
              <ColumnHeads columns={['Parameter', 'In', 'Value', 'Meaning']} />
              <tbody>
                {operation.parameters.map((p) => (
                  <tr>
                    <th scope="row">
                      <code>{p.name}</code>
                      {p.required ? ' (required)' : ''}
                    </th>
                    <td>{p.in}</td>
                    <td>{describeSchema(p.schema)}</td>
                    <td>{withInlineCode(p.description ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {operation.requestBody ? (
            <p>
              Body: JSON, <code>{`{"rating": ${MIN_RATING}…${MAX_RATING}}`}</code>.
            </p>
          ) : null}
          <h3 class="api-answers">Answers</h3>
          <dl class="api-responses">
            {Object.entries(operation.responses ?? {}).map(([status, response]) => [
              <dt>{status}</dt>,
              <dd>
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

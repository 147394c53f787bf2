import { h } from '../jsx.js';
import { Layout } from '../layout.js';
import { MAX_RATING, MIN_RATING } from '../../votes/rating-scale.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: unknown[]; default?: unknown; minimum?: number; maximum?: number; maxLength?: number };
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function describeSchema(schema: Parameter['schema']): string {
  if (!schema) return '';
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  const limits = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.maxLength !== undefined ? `up to ${schema.maxLength} characters` : '',
  ].filter(Boolean);
  return [schema.type, ...limits].filter(Boolean).join(', ');
}

/** A readable list of every operation in the OpenAPI document, for people; machines read the JSON. */
export function ApiDocsPage(props: { document: Record<string, unknown> }) {
  const info = props.document.info as { title: string; description?: string; version: string };
  const paths = (props.document.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method]! })),
  );
  return (
    <Layout meta={{ title: `${info.title} ${info.version}`, description: info.description }}>
      <header class="page-header">
        <h1>
          {info.title} {info.version}
        </h1>
        <p class="lede">{info.description}</p>
        <p>
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Reads may be cached
          (ETag, Cache-Control) and read from any site (CORS).
        </p>
      </header>
      {operations.map(({ path, method, operation }) => (
        <section class="api-operation" aria-labelledby={`op-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`}>
          <h2 id={`op-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`}>
            <span class="api-method">{method.toUpperCase()}</span> <code>{path}</code>
          </h2>
          {operation.summary ? <p>{operation.summary}.</p> : null}
          {operation.description ? <p class="note">{operation.description}</p> : null}
          {operation.parameters && operation.parameters.length > 0 ? (
            <table class="seasons">
              <caption class="visually-hidden">Parameters</caption>
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">In</th>
                  <th scope="col">Value</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((p) => (
                  <tr>
                    <th scope="row">
                      <code>{p.name}</code>
                      {p.required ? ' (required)' : ''}
                    </th>
                    <td>{p.in}</td>
                    <td>{describeSchema(p.schema)}</td>
                    <td>{p.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {operation.requestBody ? <p>Body: JSON, <code>{`{"rating": ${MIN_RATING}…${MAX_RATING}}`}</code>.</p> : null}
          <p>
            Answers:{' '}
            {Object.entries(operation.responses ?? {})
              .map(([status, response]) => `${status} ${response.description ?? ''}`.trim())
              .join(' · ')}
          </p>
        </section>
      ))}
    </Layout>
  );
}

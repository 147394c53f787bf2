import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP caching and cross-origin reads for the JSON API. Read answers carry a strong ETag (a hash
 * of the body) and a short Cache-Control; a matching If-None-Match gets 304 with no body. Any
 * site may read (CORS `*`: no cookies are needed to read); no other site may write, since
 * preflights allow only GET and HEAD.
 */
const READ_CACHE_CONTROL = 'public, max-age=10, must-revalidate';

const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';

export function registerApiCaching(app: FastifyInstance, prefix: string): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.url.startsWith(prefix) || !isRead(request)) return payload;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag');
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    reply.header('cache-control', READ_CACHE_CONTROL);
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      return '';
    }
    return payload;
  });

  // CORS preflight: what a browser asks before a cross-origin request that sends If-None-Match.
  app.options(`${prefix}/*`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', 'If-None-Match, Accept')
      .header('access-control-max-age', '86400')
      .send(),
  );
}

/** If-None-Match may list several tags, weak ones included, or be `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * HTTP caching and cross-origin reads for the JSON API. Read answers carry a strong ETag (a hash
 * of the body) and a short Cache-Control; a matching If-None-Match gets 304 with no body. Any
 * site may read (CORS `*`: no cookies are needed to read); no other site may write, since
 * preflights allow only GET and HEAD. Answers a handler marks with `cacheAnswer` are kept with
 * their tag and compressed copies (src/http/response-cache.ts) and served again without rebuilding,
 * serialising, hashing or compressing. Unlike a page's (src/http/cached-responder.ts), an answer's
 * tag is the same in every coding, as the API has always sent it (docs/decisions/0013-cached-responder.md).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControl } from './cache-policy.js';
import type {} from './api-token-auth.js';
import { etagMatches } from './cached-responder.js';
import { chooseEncoding, etagOf, sendCached, type CachedResponse, type Owner } from './response-cache.js';

const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';

/** What a GET may store once answered: the cache's mark taken on arrival, and the show a handler named. */
const pending = new WeakMap<FastifyRequest, { mark: number; owner?: Owner }>();
/** GETs answered from the cache: their stored ETag is reused, not recomputed. */
const served = new WeakMap<FastifyRequest, CachedResponse>();

/**
 * Called by a handler whose answer is the same for every reader and about one show only (or about
 * every show: EVERY_SHOW): the serialised answer is then stored under its URL and dropped when that
 * show (or any show) changes.
 */
export function cacheAnswer(request: FastifyRequest, owner: Owner): void {
  const entry = pending.get(request);
  if (entry) entry.owner = owner;
}

export function registerApiCaching(app: FastifyInstance, prefix: string): void {
  const answers = () => app.services.apiAnswers;

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // A personal token's answers are its holder's alone (api-token-auth.ts): never looked up nor stored.
    if (request.method !== 'GET' || !request.url.startsWith(prefix) || request.apiToken !== null) return;
    const cached = answers().get(request.url);
    if (!cached) {
      pending.set(request, { mark: answers().mark() });
      return;
    }
    served.set(request, cached);
    reply.header('content-type', 'application/json; charset=utf-8');
    return sendCached(request, reply, cached);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.url.startsWith(prefix) || !isRead(request)) return payload;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag');
    if (reply.statusCode !== 200) return payload;
    let etag = served.get(request)?.etag;
    let body = payload;
    if (etag === undefined) {
      if (typeof payload !== 'string') return payload;
      const toStore = pending.get(request);
      const stored = toStore?.owner !== undefined ? answers().set(request.url, '', toStore.owner, Buffer.from(payload), toStore.mark) : undefined;
      etag = stored?.etag ?? etagOf(payload);
      // Sent as the copy just stored, so the answer is compressed once, not again on the way out.
      if (stored) {
        const coding = chooseEncoding(request.headers['accept-encoding']);
        reply.header('vary', 'Accept-Encoding');
        if (coding !== 'identity') reply.header('content-encoding', coding);
        body = stored[coding];
      }
    }
    reply.header('etag', etag);
    // A handler that said otherwise (an answer for one visitor, a document that changes rarely) is believed.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', cacheControl.apiRead);
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-encoding');
      return '';
    }
    return body;
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

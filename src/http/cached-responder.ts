/**
 * The one way an answer kept in the page cache (src/http/response-cache.ts) is sent: the public
 * pages, the embeds and the share images. A route gives the key the answer is stored under, the
 * site base its links were built on, and a render function that names the show the answer depends
 * on; the responder serves the stored copy, or renders once however many ask at once and stores
 * the result, owned by that show, so that a change to it (applied here and on every instance by the
 * cache bus, src/cluster/cache-bus.ts, which calls `invalidateShow`) drops it. Every shared answer
 * carries a strong ETag and its Cache-Control (src/http/cache-policy.ts), and a request whose
 * If-None-Match names that tag gets 304 with no body.
 *
 * An answer made for one visitor (a voter's own ratings, a signed-in visitor's name, a message
 * asked for in the query) is rendered fresh, never stored, and sent private.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { displayKey } from '../i18n/context.js';
import { SingleFlight } from '../shared/single-flight.js';
import { cacheControl } from './cache-policy.js';
import { chooseEncoding, compressAs, etagOf, type CachedResponse, type ContentCoding, type Owner, type ResponseCache } from './response-cache.js';

/** What a render function returns: the answer's bytes and the show it depends on (or EVERY_SHOW). */
export interface Rendered {
  body: Buffer;
  owner: Owner;
}

/** One answer to send. */
export interface CachedAnswer {
  /** What the answer is stored under: its path (and query), never the Host header. */
  key: string;
  /** The absolute base the answer's links are built on; '' for an answer without links. */
  base?: string;
  /** Builds the answer; may throw (a show that does not exist), and then nothing is sent or stored. */
  render: () => Promise<Rendered>;
  /** Made for this visitor alone: rendered fresh, not stored, no ETag, private. */
  personal?: boolean;
  /** Headers of this kind of answer, set only once it is ready (so an error page does not get them). */
  decorate?: (reply: FastifyReply) => void;
}

/** What every answer of one responder shares. */
export interface ResponderOptions {
  /** The Content-Type of every answer. */
  type: string;
  /** The Cache-Control of an answer every visitor gets the same (src/http/cache-policy.ts). */
  cacheControl: string;
  /**
   * Whether the stored gzip and brotli copies are served. A PNG is compressed already: it is
   * always sent as its plain bytes.
   */
  compressible: boolean;
  /**
   * Whether the same URL is personal for a visitor with a cookie (a voter, a signed-in visitor, a
   * spoiler horizon): then every answer says `Vary: Cookie`, so that no cache, shared or the
   * browser's own, hands the cookieless page to a visitor who has since voted.
   */
  variesByCookie: boolean;
}

/** An answer ready to send: stored (all codings at hand) or, when the cache would not keep it, the plain bytes. */
type Ready = Pick<CachedResponse, 'identity' | 'etag'> & Partial<Pick<CachedResponse, 'gzip' | 'br'>>;

/**
 * The ETag of one coding of an answer. The stored tag is a hash of the plain bytes; the compressed
 * copies get it with the coding appended (`"…"`, `"….br"`, `"….gzip"`). RFC 9110 §8.8.1 says a
 * strong validator changes whenever the representation's bytes do, and a coding changes them. One
 * tag for every coding (what Apache's mod_deflate once sent) breaks shared caches: a cache holding
 * only the brotli copy revalidates a plain-bytes request with that copy's tag, the server says 304
 * because the tag matches the plain bytes too, and the cache serves brotli to a client that cannot
 * read it (RFC 9111 §4.3.4 picks the stored response by its strong validator). With a tag per
 * coding, the 304 only ever confirms the bytes the cache holds. The hash is still taken once, of
 * the plain bytes, so equal pages get equal tags on every instance.
 */
export function etagForCoding(etag: string, coding: ContentCoding): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}.${coding}"`;
}

/** Whether If-None-Match names the tag: it may list several, weak ones included (weak comparison, RFC 9110 §13.1.2), or be `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

export class CachedResponder {
  /** Answers being built right now, by base and key: a burst of requests for a missing one builds it once. */
  private readonly building = new SingleFlight<string, Ready>();

  constructor(
    private readonly cache: ResponseCache,
    private readonly options: ResponderOptions,
  ) {}

  /** Sends the answer: from the cache, built once and stored, or made for this visitor alone. */
  async send(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): Promise<FastifyReply> {
    const { type, compressible, variesByCookie } = this.options;
    // The language is part of what an answer is (src/http/language.ts): its own copy in the cache,
    // and, when the browser's header chose it, Vary says so to every cache downstream.
    const { source, fromCookies } = request.language;
    const byBrowser = source === 'browser' || source === 'default';
    // An answer whose language, titles or country a cookie chose varies on Cookie even where the
    // kind of answer otherwise does not (an embed, a share image): a shared cache must not hand it on.
    const byCookie = variesByCookie || fromCookies;
    if (answer.personal) {
      const { body } = await answer.render();
      reply.type(type).header('cache-control', cacheControl.personalPage);
      const vary = [byCookie ? 'Cookie' : '', byBrowser ? 'Accept-Language' : ''].filter(Boolean).join(', ');
      if (vary) reply.header('vary', vary);
      answer.decorate?.(reply);
      // Compressed on the way out by @fastify/compress, which adds Accept-Encoding to Vary.
      return reply.send(body);
    }
    const base = answer.base ?? '';
    // One copy per language (and per title preference and country): src/i18n/context.ts.
    const key = `${displayKey(request.language)} ${answer.key}`;
    const ready = this.cache.get(key, base) ?? (await this.building.run(`${base} ${key}`, () => this.build(key, base, answer.render)));
    const coding = compressible ? chooseEncoding(request.headers['accept-encoding']) : 'identity';
    const etag = etagForCoding(ready.etag, coding);
    const vary = [compressible ? 'Accept-Encoding' : '', byCookie ? 'Cookie' : '', byBrowser ? 'Accept-Language' : ''].filter(Boolean).join(', ');
    if (vary) reply.header('vary', vary);
    reply.header('etag', etag).header('cache-control', this.options.cacheControl);
    answer.decorate?.(reply);
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    reply.type(type);
    // @fastify/compress leaves an answer whose Content-Encoding is set alone: never compressed twice.
    if (coding !== 'identity') reply.header('content-encoding', coding);
    return reply.send(coding === 'identity' ? ready.identity : (ready[coding] ?? compressAs(coding, ready.identity)));
  }

  /** Renders the answer and stores it, unless its show changed meanwhile or the cache is off. */
  private async build(key: string, base: string, render: () => Promise<Rendered>): Promise<Ready> {
    const mark = this.cache.mark();
    const { body, owner } = await render();
    return this.cache.set(key, base, owner, body, mark) ?? { identity: body, etag: etagOf(body) };
  }
}

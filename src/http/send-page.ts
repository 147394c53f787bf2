import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderDocument, type Html } from '../web/jsx.js';

/** Sends a rendered page as an HTML document. */
export function sendPage(reply: FastifyReply, page: Html): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(renderDocument(page));
}

/** The absolute URL for a path on this site: PUBLIC_URL when set, otherwise the request's own host. */
export function absoluteUrl(request: FastifyRequest, publicUrl: string | null, path: string): string {
  const base = publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base}${path}`;
}

/**
 * Sending a rendered page, and the absolute addresses pages need (share links, Open Graph).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderDocument, type Html } from './jsx.js';

/** Sends a rendered page as an HTML document. */
export function sendPage(reply: FastifyReply, page: Html): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(renderDocument(page));
}

/**
 * The site's absolute base: PUBLIC_URL when set, otherwise the request's own scheme and host (so
 * without PUBLIC_URL the Host header, which anyone can write, shapes the page's links).
 */
export function siteBase(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The absolute URL for a path on this site. */
export function absoluteUrl(request: FastifyRequest, publicUrl: string | null, path: string): string {
  return `${siteBase(request, publicUrl)}${path}`;
}

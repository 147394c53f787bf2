/**
 * A small JSX runtime that renders straight to an HTML string. Every text child and attribute
 * value is escaped; only an `Html` value (made by a component, or by `raw()` for trusted markup)
 * passes through unchanged. That makes escaping the default, so a show title like
 * `<script>` can never become markup.
 */

import { currentLanguageContext } from '../../i18n/context.js';
import { LANGUAGE_PARAM } from '../../i18n/languages.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | bigint | boolean | null | undefined | readonly Child[];

type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Record<string, AttributeValue | Child> & { children?: Child };

export type Component<P = Record<string, unknown>> = (props: P & { children?: Child }) => Html;

/** Marks a string as already-safe HTML. Only for markup this codebase wrote itself. */
export function raw(html: string): Html {
  return new Html(html);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Elements that never have a closing tag.
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function renderChild(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (child instanceof Html) out.push(child.value);
  else if (Array.isArray(child)) for (const c of child) renderChild(c, out);
  else out.push(escapeHtml(String(child)));
}

function renderAttributes(props: Attributes | null): string {
  if (!props) return '';
  let html = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === null || value === undefined || value === false) continue;
    if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) throw new Error(`invalid attribute name: ${name}`);
    html += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return html;
}

// biome-ignore lint/suspicious/noExplicitAny: a component's own props type is checked where JSX names it, not here.
export function h(tag: string | Component<any>, props: Attributes | null, ...children: Child[]): Html {
  if (typeof tag === 'function') {
    const given = children.length === 0 ? props?.children : children.length === 1 ? children[0] : children;
    return tag({ ...props, children: given });
  }
  const language = carriedLanguage();
  if (language && props) props = carryLanguage(tag, props, language);
  const out: string[] = [`<${tag}${renderAttributes(props)}>`];
  if (VOID_ELEMENTS.has(tag)) return new Html(out[0]!);
  if (language && tag === 'form' && isGetForm(props)) out.push(`<input type="hidden" name="${LANGUAGE_PARAM}" value="${escapeHtml(language)}">`);
  renderChild(children.length > 0 ? children : (props?.children ?? null), out);
  out.push(`</${tag}>`);
  return new Html(out.join(''));
}

export function Fragment(props: { children?: Child }): Html {
  const out: string[] = [];
  renderChild(props.children ?? null, out);
  return new Html(out.join(''));
}

/**
 * A page opened at its language address (`?lang=ja`, src/http/language.ts) keeps that language in
 * its own links and GET forms, so a visitor without the cookie who came from a search engine's
 * Japanese result stays in Japanese: the one place every link of every page passes through.
 */
function carriedLanguage(): string | null {
  const context = currentLanguageContext();
  return context.inAddress ? context.language : null;
}

function carryLanguage(tag: string, props: Attributes, language: string): Attributes {
  if (tag !== 'a') return props;
  const href = props.href;
  if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//') || href.includes(`${LANGUAGE_PARAM}=`)) return props;
  const hashAt = href.indexOf('#');
  const [path, hash] = hashAt < 0 ? [href, ''] : [href.slice(0, hashAt), href.slice(hashAt)];
  return { ...props, href: `${path}${path.includes('?') ? '&' : '?'}${LANGUAGE_PARAM}=${language}${hash}` };
}

function isGetForm(props: Attributes | null): boolean {
  const method = props?.method;
  return method === undefined || method === null || String(method).toLowerCase() === 'get';
}

/** Renders a whole document: the doctype followed by the root element. */
export function renderDocument(root: Html): string {
  return `<!doctype html>\n${root.value}`;
}

declare global {
  namespace JSX {
    type Element = Html;
    interface ElementChildrenAttribute {
      children: unknown;
    }
    interface IntrinsicElements {
      [element: string]: Attributes;
    }
  }
}

/**
 * The client script's words: every page carries the `client.*` messages of its language in a JSON
 * data block (src/web/ui/client-messages.tsx) that the Content Security Policy does not stop (it is
 * data, not a script to run), and the English that site.js falls back on without the block is the
 * catalogue's English, word for word.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/context.js';
import { clientMessages } from '../../src/web/ui/client-messages.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });

/** The ENGLISH table at the top of site.js, read as the browser would. */
function scriptFallbacks(): unknown {
  const source = readFileSync(new URL('../../src/web/assets/site.js', import.meta.url), 'utf8');
  const table = /const ENGLISH = (\{[\s\S]*?\n {2}\});/.exec(source);
  if (!table) throw new Error('site.js has no ENGLISH table');
  return new Function(`return ${table[1]}`)();
}

describe('the client script’s messages', () => {
  it('are on a Spanish page in Spanish, with a plural per category', async () => {
    const response = await context.app.inject({ url: '/?lang=es' });
    const $ = parsePage(response.body);
    const block = $('script#client-messages');
    expect(block.attr('type')).toBe('application/json');
    expect(block.attr('src')).toBeUndefined();
    const messages = JSON.parse(block.text());
    expect(messages['client.saving']).toBe('Guardando…');
    expect(messages['client.saved']).toBe('Guardado: le has dado un {rating}.');
    expect(messages['client.votes']).toEqual({ one: '{count} voto', many: '{count} votos', other: '{count} votos' });
    // Nothing is inline script that the policy would have to allow.
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('give Japanese its one plural form', () => {
    expect(clientMessages('ja')['client.votes']).toEqual({ other: '{count}票' });
  });

  it('keep site.js’s English fallbacks identical to the catalogue’s English', () => {
    expect(scriptFallbacks()).toEqual(withLanguage('en', () => clientMessages('en')));
  });
});

/**
 * The message catalogues (src/i18n/messages/*.ts) against English, their source: the same keys,
 * every message well-formed ICU, the same placeholders and tags in every language (a Japanese
 * message that lost `{count}` would print without its number), and none left in English.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages.js';
import { SAME_IN_EVERY_LANGUAGE } from '../../src/i18n/messages/same-everywhere.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const source = LANGUAGES.find((l) => l.tag === SOURCE_LANGUAGE)!.messages as Record<string, string>;
const others = LANGUAGES.filter((l) => l.tag !== SOURCE_LANGUAGE);

/** Every argument and tag a message names, with its kind: `count:plural`, `link:tag`, `title:argument`. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      found.add(`${element.value}:${TYPE[element.type]}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** The words a message shows a reader, without its placeholders' names and selectors. */
function wording(message: string): string {
  const parts: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) parts.push(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return parts.join(' ');
}

describe('the message catalogues', () => {
  it('has messages in English, the source', () => {
    expect(Object.keys(source).length).toBeGreaterThan(10);
  });

  it('has no message that nothing says (a key left behind when its words moved)', () => {
    // Keys are written out whole where they are used (`t('site.x')`, or a record of them), never built.
    const code = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx|js)$/.test(file) && !file.startsWith(`i18n${sep}messages`))
      .map((file) => readFileSync(join(SRC, file), 'utf8'))
      .join('\n');
    expect(Object.keys(source).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`))).toEqual([]);
  });

  it.each(Object.entries(source))('parses the English message %s', (_key, message) => {
    expect(() => parse(message)).not.toThrow();
  });

  describe.each(others.map((l) => [l.tag, l] as const))('%s', (_tag, language) => {
    const messages = language.messages as Record<string, string>;

    it('has exactly the keys English has', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort());
    });

    it('gives every message the same placeholders, plurals, selects and tags as English', () => {
      const differing = Object.keys(source).filter(
        (key) => messages[key] !== undefined && placeholders(messages[key]!).join() !== placeholders(source[key]!).join(),
      );
      expect(differing.map((key) => `${key}: ${placeholders(source[key]!).join(' ')} ≠ ${placeholders(messages[key]!).join(' ')}`)).toEqual([]);
    });

    it('translates every message whose English wording has words (brand names and codes aside)', () => {
      const untranslated = Object.keys(source).filter(
        (key) =>
          !(SAME_IN_EVERY_LANGUAGE as ReadonlySet<string>).has(key) &&
          /[A-Za-z]{2,}/.test(wording(source[key]!)) &&
          wording(messages[key] ?? '') === wording(source[key]!),
      );
      expect(untranslated).toEqual([]);
    });

    if (language.tag === 'ja') {
      it('writes every Japanese message with words in Japanese script', () => {
        const latinOnly = Object.keys(source).filter(
          (key) =>
            !(SAME_IN_EVERY_LANGUAGE as ReadonlySet<string>).has(key) &&
            /[A-Za-z]{2,}/.test(wording(source[key]!)) &&
            !/[\u3040-\u30ff\u3400-\u9fff]/.test(wording(messages[key] ?? '')),
        );
        expect(latinOnly).toEqual([]);
      });
    }
  });
});

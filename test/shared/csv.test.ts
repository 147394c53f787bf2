/** How the site writes a CSV cell (src/shared/csv.ts): formulas guarded, numbers left numbers, RFC 4180 quoting. */
import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord, unguardCsvCell } from '../../src/shared/csv.js';

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-x', `"'-x"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['\tTab', `"'\tTab"`],
    ['\rReturn', `"'\rReturn"`],
    ['=A1,"B"', `"'=A1,""B"""`],
    ['Plain', 'Plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['', ''],
  ])('writes the text %j as %s', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
    expect(unguardCsvCell(text.startsWith("'") ? text : cell.replace(/^"|"$/g, '').replaceAll('""', '"'))).toBe(text);
  });

  it('writes numbers as numbers, a negative one too', () => {
    expect(csvRecord(['Show', 1, -2, 9.5])).toBe('Show,1,-2,9.5\r\n');
  });

  it('leaves a leading quote alone unless a formula character follows', () => {
    expect(unguardCsvCell("'Tis")).toBe("'Tis");
    expect(unguardCsvCell("'=x")).toBe('=x');
  });
});

/**
 * A ratings CSV read by column name: the IMDb and TV Time exports name their columns in a header
 * row, and their order has changed over the years, so the parsers ask for columns by name.
 */
import { CatalogFormatError } from '../catalog-format.js';
import { parseCsv } from '../csv.js';
import { RATINGS_FILE_MAX_ROWS } from './limits.js';
import { RatingsFileError } from './rating-file.js';

export interface CsvRow {
  line: number;
  /** The field under the first of these column names the header has, trimmed; '' when absent. */
  get(...names: string[]): string;
}

/**
 * The rows under the header, each reading its fields by column name. `required` lists the columns
 * the file cannot do without (each given with its accepted spellings); a missing one is reported
 * with the columns the file does have. `exportName` names what the file is not, article included.
 */
export function readCsvTable(text: string, fileName: string, exportName: string, required: ReadonlyArray<readonly string[]>): CsvRow[] {
  let rows: Array<{ line: number; fields: string[] }>;
  try {
    rows = parseCsv(text, fileName);
  } catch (error) {
    if (error instanceof CatalogFormatError) throw new RatingsFileError(fileName, error.wordings);
    throw error;
  }
  const [header, ...data] = rows;
  if (!header) throw new RatingsFileError(fileName, ['the file is empty: an export starts with a header row']);
  const columns = new Map<string, number>();
  header.fields.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, index);
  });
  const missing = required.filter((spellings) => !spellings.some((name) => columns.has(name.toLowerCase())));
  if (missing.length > 0) {
    throw new RatingsFileError(fileName, [
      `line 1: the header has no ${missing.map((s) => `“${s[0]}”`).join(', ')} column, so this is not ${exportName} (its columns: ${header.fields
        .slice(0, 12)
        .map((f) => f.trim())
        .join(', ')})`,
    ]);
  }
  if (data.length > RATINGS_FILE_MAX_ROWS * 10) {
    // Films and shows are skipped, so a file may hold more rows than ratings of episodes, but not without end.
    throw new RatingsFileError(fileName, [`the file has ${data.length} rows; Epirank reads at most ${RATINGS_FILE_MAX_ROWS * 10}`]);
  }
  return data.map(({ line, fields }) => ({
    line,
    get: (...names: string[]) => {
      for (const name of names) {
        const index = columns.get(name.toLowerCase());
        if (index !== undefined) return (fields[index] ?? '').trim();
      }
      return '';
    },
  }));
}

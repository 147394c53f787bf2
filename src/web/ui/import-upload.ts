/**
 * Reads the admin import form (multipart/form-data: one file, a format, a dry-run box). Every way
 * an upload can be malformed (no closing boundary, no boundary at all, too many fields or files,
 * a cut-off header) is answered with a 400 and a sentence; busboy's own errors carry no status
 * and used to become 500s.
 */
import { basename } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError, BadRequestError } from '../../shared/errors.js';
import { t } from '../../i18n/translate.js';
import type { ImportFormat } from '../../importers/read-catalog.js';

export interface ImportUpload {
  /** The file's text, empty when no file was sent. */
  text: string;
  /** The file's name without any folders, for messages and the audit log. */
  source: string;
  /** Undefined: tell from the file. */
  format: ImportFormat | undefined;
  dryRun: boolean;
}

const FORMATS: readonly string[] = ['json', 'csv', 'tvmaze'] satisfies ImportFormat[];

/** Multipart limits of the one form that uploads; app.ts registers the parser with them. */
export const UPLOAD_LIMITS = {
  files: 1,
  fileSize: 50 * 1024 * 1024,
  fields: 10,
  /** The form's fields hold a format name and a checkbox value. */
  fieldSize: 1000,
  headerPairs: 20,
} as const;

export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (!request.isMultipart()) throw new BadRequestError(t('admin.uploadNotMultipart'));
  const upload: ImportUpload = { text: '', source: 'upload', format: undefined, dryRun: false };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        upload.source = fileName(part.filename);
        upload.text = (await part.toBuffer()).toString('utf8');
        if (upload.text.includes('\u0000')) throw new BadRequestError(t('admin.uploadNul', { file: upload.source }));
        continue;
      }
      if (part.fieldnameTruncated || part.valueTruncated) throw new BadRequestError(t('admin.uploadFieldTooLong', { field: part.fieldname.slice(0, 40) }));
      const value = String(part.value);
      if (part.fieldname === 'format') {
        if (value !== '' && !FORMATS.includes(value)) {
          throw new BadRequestError(t('admin.uploadUnknownFormat', { format: value.slice(0, 40), formats: FORMATS.join(', ') }));
        }
        upload.format = value === '' ? undefined : (value as ImportFormat);
      } else if (part.fieldname === 'dryRun') {
        // A checkbox sends "1" or nothing; anything else is not a choice to import for real.
        if (value !== '1') throw new BadRequestError(t('admin.uploadDryRunValue', { value: value.slice(0, 40) }));
        upload.dryRun = true;
      }
    }
  } catch (error) {
    throw uploadProblem(error);
  }
  return upload;
}

function uploadProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new BadRequestError(t('admin.uploadTooManyFields', { fields: UPLOAD_LIMITS.fields }));
  }
  // A file over the size limit (413) and a "__proto__" field name (400) already say so plainly.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BadRequestError(t('admin.uploadIncomplete', { reason: reason.slice(0, 100) }));
}

/** A file name fit for messages and the audit log: no folders, no control or broken characters. */
function fileName(name: string | undefined): string {
  const clean = basename(name ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
    .replace(/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .slice(0, 200);
  return clean || 'upload';
}

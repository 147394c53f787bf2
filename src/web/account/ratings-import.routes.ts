/**
 * /account/ratings/import: a fan (signed in, or an anonymous voter by the voter cookie, as for
 * voting) uploads a ratings export from another site, sees a preview of what it matched, and
 * confirms; the confirmation writes every rating at once and leads to /account/ratings.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { clientAddress } from '../../http/client-address.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { ensureVoter, readVoter } from '../../http/voter-cookie.js';
import { RATINGS_FILE_MAX_BYTES } from '../../importers/ratings/limits.js';
import { RatingsFileError } from '../../importers/ratings/rating-file.js';
import type { ReadFile } from '../../importers/ratings/ratings-import.service.js';
import { AppError, BadRequestError, NotFoundError } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';
import { UPLOAD_LIMITS } from '../ui/import-upload.js';
import { RatingsImportPage, RatingsPreviewPage } from './ratings-import.page.js';
import { t } from '../../i18n/translate.js';
import { sendPage } from '../ui/send-page.js';
import { cacheControl } from '../../http/cache-policy.js';

const ConfirmBody = Type.Object({
  /** The random id pending-previews.ts gives: 24 base64url characters. */
  preview: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  conflicts: Type.Union([Type.Literal('keep-mine'), Type.Literal('take-file')]),
});

const NO_STORE = { 'cache-control': cacheControl.noStore };
/** Said after each problem with the upload itself. */
const resend = () => t('account.importResend');

export async function ratingsImportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ratingsImport } = app.services;
  const sameOrigin = async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl);

  app.get(routes.account.ratingsImport, async (request, reply) => sendPage(reply.headers(NO_STORE), RatingsImportPage({ user: request.user })));

  app.post(routes.account.ratingsImport, { onRequest: sameOrigin }, async (request, reply) => {
    const upload = await readRatingsUpload(request);
    let file: ReadFile;
    try {
      file = await ratingsImport.read(clientAddress(request).address, upload);
    } catch (error) {
      if (!(error instanceof RatingsFileError)) throw error;
      return sendPage(reply.code(400).headers(NO_STORE), RatingsImportPage({ user: request.user, problem: error.detail }));
    }
    // Only once the file is read: a broken upload leaves a first-time visitor without a voter cookie.
    const importer = { voter: ensureVoter(request, reply), ip: clientAddress(request).address };
    const preview = await ratingsImport.preview(importer, file);
    return sendPage(reply.headers(NO_STORE), RatingsPreviewPage({ user: request.user, preview }));
  });

  app.post(routes.account.ratingsImportConfirm, { onRequest: sameOrigin, schema: { body: ConfirmBody } }, async (request, reply) => {
    const voter = readVoter(request);
    if (!voter) throw new NotFoundError(t('account.importNoPreview'));
    await ratingsImport.commit({ voter, ip: clientAddress(request).address }, request.body.preview, request.body.conflicts);
    return reply.redirect(paths.accountRatings(), 303);
  });
}

/** The one file of the upload form, within the ratings file's size limit (a larger one is answered 413). */
async function readRatingsUpload(request: FastifyRequest): Promise<{ text: string; name: string }> {
  if (!request.isMultipart()) throw new BadRequestError(t('account.importNotMultipart', { again: resend() }));
  let file: { text: string; name: string } | null = null;
  try {
    for await (const part of request.parts({ limits: { ...UPLOAD_LIMITS, fileSize: RATINGS_FILE_MAX_BYTES } })) {
      if (part.type !== 'file') continue;
      const name = cleanFileName(part.filename);
      const text = (await part.toBuffer()).toString('utf8');
      if (text.includes('\u0000')) throw new BadRequestError(t('account.importNotText', { file: name }));
      file = { text, name };
    }
  } catch (error) {
    throw uploadProblem(error);
  }
  if (!file || file.text === '') throw new BadRequestError(t('account.importNoFile', { again: resend() }));
  return file;
}

function uploadProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new BadRequestError(t('account.importTooManyFiles', { again: resend() }));
  }
  // A file over the size limit already answers 413 with a sentence.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BadRequestError(t('account.importIncomplete', { reason: reason.slice(0, 100), again: resend() }));
}

/** The file's name for messages: no folders, no control or broken characters. */
function cleanFileName(name: string | undefined): string {
  const clean = (name ?? '')
    .replace(/^.*[\\/]/, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
    .replace(/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .slice(0, 200);
  return clean || t('account.importTheFile');
}

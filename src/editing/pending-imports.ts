/**
 * Files kept between an import's dry run and the real import, so the operator does not have to
 * choose the file again. Each is held in this process's memory under a random token, for the
 * account that uploaded it only, for a few minutes; the store holds few files and a bounded number
 * of bytes, dropping the oldest first. With several app instances a token is known only to the one
 * that ran the dry run; elsewhere the page asks for the file again, as it does once a token expires.
 */
import { randomBytes } from 'node:crypto';
import type { ImportFormat } from '../importers/read-catalog.js';

export interface PendingImport {
  /** The uploaded text, exactly as the dry run read it. */
  text: string;
  /** The file's name, as the report and the audit log show it. */
  source: string;
  format: ImportFormat | undefined;
}

interface Held extends PendingImport {
  userId: number;
  expiresAt: number;
  bytes: number;
}

export const PENDING_IMPORT_MINUTES = 15;
const MAX_FILES = 8;
const MAX_BYTES = 128 * 1024 * 1024;

export class PendingImports {
  private readonly held = new Map<string, Held>();
  private bytes = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Keeps a dry-run file for `userId` and returns the token that names it. */
  keep(userId: number, file: PendingImport): string {
    this.dropExpired();
    // One pending file per account: a new dry run replaces the last.
    for (const [token, entry] of this.held) if (entry.userId === userId) this.drop(token);
    const bytes = Buffer.byteLength(file.text);
    while (this.held.size > 0 && (this.held.size >= MAX_FILES || this.bytes + bytes > MAX_BYTES)) {
      this.drop(this.held.keys().next().value!);
    }
    const token = randomBytes(18).toString('base64url');
    this.held.set(token, { ...file, userId, bytes, expiresAt: this.clock() + PENDING_IMPORT_MINUTES * 60_000 });
    this.bytes += bytes;
    return token;
  }

  /** The file under `token` if it is still held and belongs to `userId`; it stays until taken or expired. */
  find(userId: number, token: string): PendingImport | undefined {
    this.dropExpired();
    const entry = this.held.get(token);
    if (!entry || entry.userId !== userId) return undefined;
    return { text: entry.text, source: entry.source, format: entry.format };
  }

  /** Forgets the file once it has been imported. */
  take(token: string): void {
    this.drop(token);
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [token, entry] of this.held) if (entry.expiresAt <= now) this.drop(token);
  }

  private drop(token: string): void {
    const entry = this.held.get(token);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.held.delete(token);
  }
}

/**
 * Password hashing with Node's built-in scrypt, at the parameters OWASP's password storage cheat
 * sheet gives as the minimum (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred milliseconds a
 * hash). The parameters are stored with each hash, so raising them later keeps old hashes valid.
 * Format: scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<hash, base64url>
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of N for new hashes: the one statement of the cost (config.ts reads it; only tests lower it). */
export const DEFAULT_COST_LOG2 = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, costLog2: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** costLog2, r, p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, costLog2: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, costLog2, BLOCK_SIZE, PARALLELISM);
  return ['scrypt', costLog2, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(cost), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, compared against when an e-mail is unknown, so both cases take as long. */
export async function decoyHash(costLog2: number): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'), costLog2);
}

/**
 * The rules of accounts: signing up and in (one answer for every failure), sessions, password
 * changes, admins made from the command line, and moving an anonymous voter's ratings to the account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isUniqueViolation, nowTimestamp } from '../db/dialect.js';
import type { Role } from '../db/schema.js';
import type { Emit } from '../shared/change-feed.js';
import { FormError } from '../shared/errors.js';
import type { VoterRef } from '../votes/votes.repository.js';
import type { VoteWrites } from '../votes/vote-writes.js';
import type { AccountThrottle } from './account-throttle.js';
import type { AccountsRepository, User } from './accounts.repository.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

/** The same answer for an unknown e-mail and a wrong password, so neither can be told apart. */
export const SIGN_IN_FAILED = 'That e-mail address and password do not match an account.';

const SESSION_DAYS = 30;
export const MIN_PASSWORD_LENGTH = 10;

export const accountVoter = (user: Pick<User, 'id'>): VoterRef => ({ id: `u:${user.id}`, kind: 'account' });

/** The account id inside an account voter's id (the reverse of accountVoter), or null for any other voter. */
export const accountIdOfVoter = (voterId: string): number | null => (/^u:[1-9]\d*$/.test(voterId) ? Number(voterId.slice(2)) : null);

export interface SignedIn {
  user: User;
  /** The secret for the session cookie; the database keeps only its hash. */
  sessionToken: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The rules of accounts: what a valid sign-up is, how sign-in is checked and throttled, sessions. */
export class AccountsService {
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly votes: VoteWrites,
    /** How often one network may sign in, sign up and change passwords. */
    private readonly throttle: AccountThrottle,
    private readonly passwordCost: number,
    /**
     * Told after a sign-in merged anonymous ratings into an account and that replaced ratings
     * (tallies changed), as a vote tells (src/shared/change-feed.ts).
     */
    private readonly emit: Emit = () => undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Creates a fan account and signs it in; an anonymous visitor's ratings move to it. */
  /** `ip` is the client's normalised address (src/http/client-address.ts), as for signIn and changePassword. */
  async signUp(input: { email: string; displayName: string; password: string; ip: string }, anonymous: VoterRef | null): Promise<SignedIn> {
    const fields = validateAccount(input);
    if (Object.keys(fields).length > 0) throw new FormError(fields);
    await this.throttle.beginSignUp(input.ip);
    const user = await this.create(input, 'fan');
    return this.startSession(user, anonymous);
  }

  async signIn(input: { email: string; password: string; ip: string }, anonymous: VoterRef | null): Promise<SignedIn> {
    const email = input.email.trim().toLowerCase();
    const attempt = await this.throttle.beginSignIn(email, input.ip);
    const user = await this.accounts.findByEmail(email);
    // Hash even for an unknown address, so the answer takes as long either way.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await this.decoyHash()));
    if (!user || !valid) throw new FormError({ form: SIGN_IN_FAILED });
    await attempt.succeeded();
    const { passwordHash: _hash, ...account } = user;
    return this.startSession(account, anonymous);
  }

  async signOut(sessionToken: string): Promise<void> {
    await this.accounts.deleteSession(hashToken(sessionToken));
  }

  /** The signed-in account for a session cookie, or null. */
  async userForSession(sessionToken: string | undefined): Promise<User | null> {
    if (!sessionToken || !/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
    return this.accounts.sessionUser(hashToken(sessionToken), nowTimestamp(this.clock));
  }

  /** Changes the password and signs out every other session of the account. */
  async changePassword(user: User, current: string, next: string, sessionToken: string, ip: string): Promise<void> {
    await this.throttle.beginPasswordChange(user.id, ip);
    const stored = await this.accounts.findById(user.id);
    if (!stored || !(await verifyPassword(current, stored.passwordHash))) {
      throw new FormError({ current: 'That is not your current password.' });
    }
    const problem = passwordProblem(next);
    if (problem) throw new FormError({ password: problem });
    await this.accounts.updatePassword(user.id, await hashPassword(next, this.passwordCost), nowTimestamp(this.clock));
    await this.accounts.deleteOtherSessions(user.id, hashToken(sessionToken));
  }

  /** For `epirank create-admin`: a new admin account, or an existing account made admin. */
  async createAdmin(input: { email: string; displayName: string; password: string }): Promise<{ user: User; created: boolean }> {
    const existing = await this.accounts.findByEmail(input.email.trim());
    if (existing) {
      await this.accounts.setRole(existing.id, 'admin', nowTimestamp(this.clock));
      return { user: { ...existing, role: 'admin' }, created: false };
    }
    const fields = validateAccount(input);
    if (Object.keys(fields).length > 0) throw new FormError(fields);
    return { user: await this.create(input, 'admin'), created: true };
  }

  private async create(input: { email: string; displayName: string; password: string }, role: Role): Promise<User> {
    try {
      return await this.accounts.insert(
        {
          email: input.email.trim(),
          displayName: input.displayName.trim(),
          passwordHash: await hashPassword(input.password, this.passwordCost),
          role,
        },
        nowTimestamp(this.clock),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new FormError({ email: 'An account with that e-mail address already exists.' });
      throw error;
    }
  }

  private async startSession(user: User, anonymous: VoterRef | null): Promise<SignedIn> {
    if (anonymous && anonymous.kind === 'anonymous') {
      const merged = await this.votes.mergeVoter(anonymous.id, accountVoter(user));
      if (merged.changes.length > 0) this.emit({ kind: 'ratings', changes: merged.changes });
    }
    const sessionToken = randomBytes(32).toString('base64url');
    const now = this.clock();
    await this.accounts.insertSession({
      id: hashToken(sessionToken),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    });
    return { user, sessionToken };
  }

  private decoyHash(): Promise<string> {
    return (this.decoy ??= decoyHash(this.passwordCost));
  }
}

export const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 86_400;

function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'Use at most 200 characters.';
  return null;
}

function validateAccount(input: { email: string; displayName: string; password: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) fields.email = 'Enter an e-mail address like name@example.org.';
  const name = input.displayName.trim();
  if (name.length < 1 || name.length > 80) fields.displayName = 'Enter a display name of 1 to 80 characters.';
  const password = passwordProblem(input.password);
  if (password) fields.password = password;
  return fields;
}

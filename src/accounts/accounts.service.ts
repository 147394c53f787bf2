/**
 * The rules of accounts: signing up and in (one answer for every failure), sessions, password
 * changes, admins made from the command line. An anonymous voter's ratings are not moved at sign-in:
 * the session remembers the voter, and the fan adds or leaves them (src/accounts/anonymous-ratings.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { isUniqueViolation, nowTimestamp } from '../db/dialect.js';
import type { Role } from '../db/schema.js';
import { FormError, says } from '../shared/errors.js';
import { t } from '../i18n/translate.js';
import type { VoterRef, VotesRepository } from '../votes/votes.repository.js';
import type { AccountThrottle } from './account-throttle.js';
import type { AccountsRepository, User } from './accounts.repository.js';
import { passwordProblem } from './password-rules.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

/** The password rule lives in password-rules.ts; re-exported for the pages and services that name it here. */
export { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules.js';

/** The same answer for an unknown e-mail and a wrong password, so neither can be told apart. */
const signInFailed = () => t('account.signInFailed');

/** An account made by single sign-on has no password (password_hash ''), so none can be changed or used. */
const noPassword = () => t('account.noPasswordSso');

/** The display name's length, in characters. */
const DISPLAY_NAME_LENGTH = { min: 1, max: 80 };

const SESSION_DAYS = 30;

export const accountVoter = (user: Pick<User, 'id'>): VoterRef => ({ id: `u:${user.id}`, kind: 'account' });

/** The account id inside an account voter's id (the reverse of accountVoter), or null for any other voter. */
export const accountIdOfVoter = (voterId: string): number | null => (/^u:[1-9]\d*$/.test(voterId) ? Number(voterId.slice(2)) : null);

export interface SignedIn {
  user: User;
  /** The secret for the session cookie; the database keeps only its hash. */
  sessionToken: string;
  /**
   * Whether the browser's anonymous voter holds ratings the fan is asked to add to the account
   * (/account/join-ratings) before anything moves: src/http/session-start.ts sends the fan there.
   */
  ratingsToJoin: boolean;
}

/** A session's id in the database: the SHA-256 of its cookie's token, so a leaked database reveals no live cookie. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');
const hashToken = sessionIdOf;

/** The rules of accounts: what a valid sign-up is, how sign-in is checked and throttled, sessions. */
export class AccountsService {
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly votes: VotesRepository,
    /** How often one network may sign in, sign up and change passwords. */
    private readonly throttle: AccountThrottle,
    private readonly passwordCost: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Creates a fan account, not signed in. A taken address answers null after the same work (the
   * password is hashed either way), and the pages say the same for both, so sign-up does not tell
   * whether an address has an account (email-verification.service.ts mails the owner).
   * `ip` is the client's normalised address (src/http/client-address.ts), as for signIn and changePassword.
   */
  async signUp(input: { email: string; displayName: string; password: string; ip: string }): Promise<User | null> {
    const fields = validateAccount(input);
    if (Object.keys(fields).length > 0) throw new FormError(fields);
    await this.throttle.beginSignUp(input.ip);
    return this.create(input, 'fan');
  }

  async signIn(input: { email: string; password: string; ip: string }, anonymous: VoterRef | null): Promise<SignedIn> {
    const email = input.email.trim().toLowerCase();
    const attempt = await this.throttle.beginSignIn(email, input.ip);
    const user = await this.accounts.findByEmail(email);
    // Hash even for an unknown address, so the answer takes as long either way.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await this.decoyHash()));
    if (!user || !valid) throw new FormError({ form: signInFailed() });
    await attempt.succeeded();
    const { passwordHash: _hash, ...account } = user;
    return this.startSession(account, anonymous);
  }

  /**
   * Signs in an account whose owner proved who they are elsewhere (single sign-on, sso.service.ts;
   * a mailed verification link, email-verification.service.ts), through the same session start as a password.
   */
  async signInAs(user: User, anonymous: VoterRef | null): Promise<SignedIn> {
    return this.startSession(user, anonymous);
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
    if (stored?.passwordHash === '') throw new FormError({ current: noPassword() });
    if (!stored || !(await verifyPassword(current, stored.passwordHash))) {
      throw new FormError({ current: says('errors.wrongCurrentPassword') });
    }
    const problem = passwordProblem(next, [stored.email, stored.displayName]);
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
    const user = await this.create(input, 'admin');
    if (!user) throw new FormError({ email: t('account.emailTaken') });
    return { user, created: true };
  }

  /** The new account, or null when the address is taken. An admin made on the command line counts as verified. */
  private async create(input: { email: string; displayName: string; password: string }, role: Role): Promise<User | null> {
    try {
      const now = nowTimestamp(this.clock);
      return await this.accounts.insert(
        {
          email: input.email.trim(),
          displayName: input.displayName.trim(),
          passwordHash: await hashPassword(input.password, this.passwordCost),
          role,
          emailVerifiedAt: role === 'admin' ? now : null,
        },
        now,
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * Every way in (sign-up, sign-in, and any other that starts a session) ends here. The browser's
   * anonymous voter's ratings are never merged silently: its cookie may have been planted by
   * someone else (issue 24). When it holds ratings, the session remembers it and the fan is asked
   * (src/accounts/anonymous-ratings.ts).
   */
  private async startSession(user: User, anonymous: VoterRef | null): Promise<SignedIn> {
    const pendingVoterId = anonymous?.kind === 'anonymous' && (await this.votes.hasRatings(anonymous.id)) ? anonymous.id : null;
    const sessionToken = randomBytes(32).toString('base64url');
    const now = this.clock();
    await this.accounts.insertSession({
      id: hashToken(sessionToken),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
      pendingVoterId,
    });
    return { user, sessionToken, ratingsToJoin: pendingVoterId !== null };
  }

  private decoyHash(): Promise<string> {
    return (this.decoy ??= decoyHash(this.passwordCost));
  }
}

export const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 86_400;

function validateAccount(input: { email: string; displayName: string; password: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  const emailIssue = emailProblem(input.email);
  if (emailIssue) fields.email = emailIssue;
  const name = input.displayName.trim();
  if (name.length < DISPLAY_NAME_LENGTH.min || name.length > DISPLAY_NAME_LENGTH.max) fields.displayName = t('account.displayNameProblem', DISPLAY_NAME_LENGTH);
  // The address and the name are words a guesser would try first.
  const password = passwordProblem(input.password, [input.email.trim(), name]);
  if (password) fields.password = password;
  return fields;
}

export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || trimmed.length > 254) return t('account.emailProblem');
  return null;
}

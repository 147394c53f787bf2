/**
 * An operator's answer to one person's data request (issue 24), from the admin side: find the
 * account by e-mail, hand over everything stored about it as JSON, or erase it. Erasing goes
 * through the account deletion fans use themselves (accounts/account-deletion.ts), so tallies,
 * per-show figures and the change feed follow exactly as when a fan deletes their account; its
 * sessions, API tokens, linked identities and mailed links go with the account row, and its own
 * audit entries are forgotten. docs/privacy.md is the operator's procedure.
 */
import type { AccountDeletion } from '../accounts/account-deletion.js';
import { accountVoter } from '../accounts/accounts.service.js';
import { FormError, says } from '../shared/errors.js';
import type { DataRequestsRepository, PersonalData } from './data-requests.repository.js';

export type { PersonalData };

/** What the admin page shows of a found account before export or erase. */
export interface PersonFound {
  email: string;
  displayName: string;
  role: string;
  ratings: number;
  heldRatings: number;
  apiTokens: number;
  identities: number;
}

const NO_ACCOUNT = 'No account has that e-mail address.';

export class DataRequestsService {
  constructor(
    private readonly repository: DataRequestsRepository,
    private readonly deletion: AccountDeletion,
  ) {}

  /** Everything stored about the account with this address; a FormError when there is none. */
  async export(email: string): Promise<PersonalData> {
    const data = await this.dataOf(email);
    if (!data) throw new FormError({ email: NO_ACCOUNT });
    return data;
  }

  /** The account with this address, summed up; a FormError when there is none. */
  async find(email: string): Promise<PersonFound> {
    const data = await this.export(email);
    return {
      email: data.account.email,
      displayName: data.account.displayName,
      role: data.account.role,
      ratings: data.ratings.length,
      heldRatings: data.heldRatings.length,
      apiTokens: data.apiTokens.length,
      identities: data.identities.length,
    };
  }

  /** Erases the account with this address and everything of it; answers how many ratings went. */
  async erase(operator: { id: number; email: string }, email: string): Promise<{ ratings: number }> {
    const id = await this.repository.accountIdOf(email.trim());
    if (id === null) throw new FormError({ email: NO_ACCOUNT });
    if (id === operator.id) throw new FormError({ email: says('errors.eraseOwnAccount') });
    return this.deletion.eraseAccount(id, operator);
  }

  private async dataOf(email: string): Promise<PersonalData | null> {
    const id = await this.repository.accountIdOf(email.trim());
    return id === null ? null : this.repository.personalData(id, accountVoter({ id }).id);
  }
}

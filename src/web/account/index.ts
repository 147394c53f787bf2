/**
 * The fan's account, everything under /account: signing up, in and out, the password, the fan's
 * own ratings (/account/ratings, as CSV and JSON, deleting them), bringing ratings from another
 * site (/account/ratings/import), personal API tokens (/account/tokens) and deleting the account.
 * Route patterns come from src/shared/paths.ts (`routes.account`). No area guard: signing in is
 * here, and each page that needs an account sends a visitor to sign in with the page to come back to.
 */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts.routes.js';
import { apiTokensRoutes } from './api-tokens.routes.js';
import { myRatingsRoutes } from './my-ratings.routes.js';
import { ratingsImportRoutes } from './ratings-import.routes.js';

export async function accountArea(app: FastifyInstance): Promise<void> {
  await app.register(accountRoutes);
  await app.register(myRatingsRoutes);
  await app.register(ratingsImportRoutes);
  await app.register(apiTokensRoutes);
}

/**
 * The fan's account, everything under /account: signing up, in and out, the password, mailed links
 * (password reset, address verification and change), the fan's own ratings (/account/ratings, as
 * CSV and JSON, deleting them), the anonymous ratings a fan is asked about at sign-in
 * (/account/join-ratings), bringing ratings from another site (/account/ratings/import), single
 * sign-on (/account/sso), personal API tokens (/account/tokens) and deleting the account. Route
 * patterns come from src/shared/paths.ts (`routes.account`). No area guard: signing in is here, and
 * each page that needs an account sends a visitor to sign in with the page to come back to.
 */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts.routes.js';
import { apiTokensRoutes } from './api-tokens.routes.js';
import { joinRatingsRoutes } from './join-ratings.routes.js';
import { mailRoutes } from './mail.routes.js';
import { myRatingsRoutes } from './my-ratings.routes.js';
import { ratingsImportRoutes } from './ratings-import.routes.js';
import { ssoRoutes } from './sso.routes.js';
import { allowFormsTo } from '../../http/security-headers.js';

export async function accountArea(app: FastifyInstance): Promise<void> {
  const { sso } = app.services;
  // The single sign-on button on these pages posts here and is redirected to the provider.
  if (sso) app.addHook('onRequest', async (_request, reply) => allowFormsTo(reply, sso.providerOrigin));
  await app.register(accountRoutes);
  await app.register(joinRatingsRoutes);
  await app.register(mailRoutes);
  await app.register(myRatingsRoutes);
  await app.register(ratingsImportRoutes);
  await app.register(ssoRoutes);
  await app.register(apiTokensRoutes);
}

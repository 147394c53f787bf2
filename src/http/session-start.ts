/**
 * What the browser is told when a session starts or ends, whichever way it started (sign-up,
 * sign-in, and any other way in that calls AccountsService.startSession): one home, so that no way
 * in forgets a step.
 *
 * Both drop the anonymous voter cookie. After sign-in the fan votes as the account; a cookie
 * planted before sign-in must not follow them, and after sign-out the browser must not go on
 * voting as the anonymous voter it was before (issue 24). The next anonymous vote makes a new voter.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedIn } from '../accounts/accounts.service.js';
import { paths } from '../shared/paths.js';
import { clearSessionCookie, setSessionCookie } from './session.js';
import { dropVoterCookie } from './voter-cookie.js';

/**
 * Sets the session cookie and sends the fan on (303) to `returnTo`, or first to the page that asks
 * about the browser's anonymous ratings when it held some (AnonymousRatings).
 */
export function answerSessionStarted(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, returnTo: string): FastifyReply {
  setSessionCookie(request, reply, signedIn.sessionToken);
  dropVoterCookie(request, reply);
  return reply.redirect(signedIn.ratingsToJoin ? paths.accountJoinRatings(returnTo) : returnTo, 303);
}

/** Clears the session cookie and the anonymous voter's (the caller has ended the session itself). */
export function forgetSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  clearSessionCookie(request, reply);
  dropVoterCookie(request, reply);
}

/**
 * Sending mail through the operator's SMTP server (SMTP_URL, MAIL_FROM) with nodemailer.
 *
 * A mail is sent after the change it tells of has been written, and in the background: the request
 * that caused it never waits for the SMTP server and never fails because of it. A server that is
 * slow or down costs a logged error, not a sign-up or a password reset (the account change stays;
 * the fan can ask for the link again). This is the change feed's contract (src/shared/change-feed.ts:
 * never waits, never throws), kept here rather than as a change kind because a mail is addressed to
 * one person and carries a secret link, which the feed's subscribers (caches, refreshers, metrics)
 * must never see.
 */
import { createTransport } from 'nodemailer';

/** One mail: plain text for every client, and the same words as simple HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where failed deliveries are reported: the app's logger, or anything with the same `error`. */
export interface MailLog {
  error(details: object, message: string): void;
}

export interface Mailer {
  /** False without SMTP_URL: nothing is sent, and the pages offer no mailed link. */
  readonly enabled: boolean;
  /** Hands a message over in the background; never waits, never throws. `purpose` names it in the log. */
  send(message: MailMessage, purpose: string): void;
  /** Resolves once every message handed over so far was delivered or given up on. */
  settled(): Promise<void>;
  /** Waits for messages under way, then closes the transport. */
  close(): Promise<void>;
}

/**
 * How long one delivery may take at each step before it is given up on: long enough for a busy
 * provider, short enough that a hung server does not keep messages (and sockets) for minutes
 * (nodemailer's own defaults are 2 and 10 minutes).
 */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/** The mailer for SMTP_URL, or one that sends nothing when it is unset. */
export function createMailer(settings: { smtpUrl: string | null; mailFrom: string | null }, log: MailLog): Mailer {
  if (!settings.smtpUrl || !settings.mailFrom) return NO_MAIL;
  return new SmtpMailer(settings.smtpUrl, settings.mailFrom, log);
}

/** The mailer of a site without SMTP_URL. */
export const NO_MAIL: Mailer = {
  enabled: false,
  send: () => undefined,
  settled: async () => undefined,
  close: async () => undefined,
};

class SmtpMailer implements Mailer {
  readonly enabled = true;
  private readonly transport;
  private readonly underWay = new Set<Promise<void>>();

  constructor(
    url: string,
    private readonly from: string,
    private readonly log: MailLog,
  ) {
    this.transport = createTransport({
      url,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
  }

  send(message: MailMessage, purpose: string): void {
    const delivery = this.transport
      .sendMail({ from: this.from, ...message })
      .then(
        () => undefined,
        // The address stays out of the log: the purpose is enough to find the failing flow.
        (error: unknown) => this.log.error({ err: error, purpose }, 'mail not sent'),
      )
      .finally(() => this.underWay.delete(delivery));
    this.underWay.add(delivery);
  }

  async settled(): Promise<void> {
    while (this.underWay.size > 0) await Promise.allSettled([...this.underWay]);
  }

  async close(): Promise<void> {
    await this.settled();
    this.transport.close();
  }
}

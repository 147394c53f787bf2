/**
 * A real SMTP server for the tests (smtp-server), on an ephemeral loopback port, that accepts only
 * its own user and password (so SMTP_URL's user:pass is exercised) and parses every message it
 * receives with mailparser. `nextTo(address)` waits for the next message to an address; `linkTo`
 * finds a link to a path of the site in it. `smtps: true` speaks TLS from the start (smtp-server's
 * own test certificate, so the URL turns off certificate checks for that test only).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Config } from '../../src/config.js';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestMailServer {
  /** SMTP_URL for the app: smtp(s)://user:pass@127.0.0.1:port. */
  url: string;
  /** Every message received so far, in order. */
  received: ReceivedMail[];
  /** The next message to `address` not handed out yet, waiting for it if need be. */
  nextTo(address: string): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const USER = 'epirank-test';
const PASSWORD = 'mail pass:word/with@signs';
/** A guard against a test waiting forever for a message that never comes, not a race with a clock. */
const WAIT_MS = 15_000;

export async function startMailServer(options: { smtps?: boolean } = {}): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  const handedOut = new Set<ReceivedMail>();
  const waiters: Array<{ address: string; resolve: (mail: ReceivedMail) => void }> = [];

  const deliver = (mail: ReceivedMail) => {
    received.push(mail);
    for (const waiter of [...waiters]) {
      if (handedOut.has(mail) || !mail.to.includes(waiter.address)) continue;
      handedOut.add(mail);
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    secure: options.smtps ?? false,
    // Without TLS, AUTH over the plain loopback connection is what the app must manage.
    allowInsecureAuth: true,
    disabledCommands: options.smtps ? [] : ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          deliver({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = `${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}`;
  const url = options.smtps ? `smtps://${credentials}@127.0.0.1:${port}?tls.rejectUnauthorized=false` : `smtp://${credentials}@127.0.0.1:${port}`;

  return {
    url,
    received,
    nextTo(address) {
      const wanted = address.toLowerCase();
      const waiting = received.find((mail) => !handedOut.has(mail) && mail.to.includes(wanted));
      if (waiting) {
        handedOut.add(waiting);
        return Promise.resolve(waiting);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${address} within ${WAIT_MS} ms`)), WAIT_MS);
        waiters.push({
          address: wanted,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The link in a mail's text to `path` on the site (absolute), with its query. */
export function linkTo(mail: ReceivedMail, path: string): URL {
  const found = mail.text
    .match(/https?:\/\/\S+/g)
    ?.map((href) => new URL(href))
    .find((url) => url.pathname === path);
  if (!found) throw new Error(`no link to ${path} in:\n${mail.text}`);
  return found;
}

/**
 * The settings of a site at `site` that mails through the server `current()` returns, read when the
 * app is built (after the server started in beforeAll).
 */
export function mailingSite(site: string, current: () => TestMailServer): Partial<Config> {
  return {
    publicUrl: site,
    mailFrom: `Epirank <no-reply@${new URL(site).host}>`,
    get smtpUrl() {
      return current().url;
    },
  };
}

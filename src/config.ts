/**
 * Operator settings, read once from environment variables. Every setting has a safe default so
 * that `npm start` on a fresh clone needs none of them; a malformed value stops start-up with a
 * message naming the variable instead of surfacing later as a confusing runtime error.
 */
import { DEFAULT_POOL_SIZE } from './db/database.js';
import { LANGUAGE_TAGS, type LanguageTag, SOURCE_LANGUAGE } from './i18n/languages.js';
import { DEFAULT_COST_LOG2 } from './accounts/passwords.js';
import { parseRange } from './shared/ip-address.js';
import { BASE_PREFIX, DEFAULT_WIDER_NETWORKS, type WiderNetwork, type WiderNetworks } from './shared/network-levels.js';
import { NETWORK_WINDOW_DAYS, type ListedNetwork } from './votes/network-allowance.js';
import type { SsoSettings } from './accounts/sso.service.js';

export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface to bind; 127.0.0.1 keeps a development copy off the network. */
  host: string;
  /** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (or `sqlite:` URL). */
  databaseUrl: string;
  /** Redis that instances share rate limits and cache drops through (`redis://` or `rediss://`); null: each instance alone. */
  redisUrl: string | null;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** The interface language when neither the address, the visitor's choice nor their browser names one the site speaks. */
  defaultLanguage: LanguageTag;
  /** m in the fan score: how many "average" votes every episode is assumed to start with. */
  rankPriorVotes: number;
  /** The fewest votes an episode needs to appear on the site-wide lists (/top). */
  topMinVotes: number;
  /** Absolute base URL used for share links and Open Graph tags; derived from the request when empty. */
  publicUrl: string | null;
  /** Load the demo catalogue when the database is created. */
  demoData: boolean;
  /** Which X-Forwarded-* values to believe: none, all, the last N hops, or those set by these proxies. */
  trustProxy: TrustProxy;
  /** Signs voter cookies. When unset, one is generated once and kept in the database, so every
   * instance sharing the database shares it. */
  cookieSecret: string | null;
  /** Votes one voter may cast per minute; 0 turns the limit off. */
  voteLimitPerVoter: number;
  /** Votes one IP address may cast per minute; 0 turns the limit off. */
  voteLimitPerIp: number;
  /** How long a page rendered for visitors without a voter cookie may be reused; 0 disables. */
  pageCacheSeconds: number;
  /** Most bytes of rendered pages that cache may hold; the oldest go first. */
  pageCacheMegabytes: number;
  /** How long a client may take to send one whole request, headers and body. */
  requestTimeoutSeconds: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveSeconds: number;
  /** Who may vote: `anyone` (anonymous visitors too) or only signed-in `accounts`. */
  voting: 'anyone' | 'accounts';
  /** Counted ratings of one episode one network may give within 30 days (network-allowance.ts); 0 turns the rule off. */
  votesPerNetwork: number;
  /** Larger (or unlimited, 0) allowances for listed ranges, such as a shared proxy. */
  votesPerNetworkAllow: ListedNetwork[];
  /**
   * The networks wider than an IPv6 /64 or an IPv4 address that VOTES_PER_NETWORK and every
   * per-network limit count too, each with how many base networks' shares it may use
   * (src/shared/network-levels.ts; docs/abuse-limits.md argues the defaults).
   */
  widerNetworks: WiderNetworks;
  /**
   * POW_DIFFICULTY: how much work a proof-of-work challenge asks (src/shared/proof-of-work.ts), on
   * sign-up and from anonymous voters past their network's allowance or limits; 0 turns it off.
   */
  proofOfWorkDifficulty: number;
  /** How often the server looks for vote stuffing, in seconds; 0 turns the scheduled check off. */
  moderationCheckSeconds: number;
  /** How often each instance checks whether today's ranking snapshot is taken; 0 leaves it to `epirank snapshot`. */
  snapshotCheckSeconds: number;
  /** Days of ranking snapshots kept; older ones are deleted by the daily snapshot. 0 keeps them all. */
  snapshotRetentionDays: number;
  /**
   * Days a rating's client address is kept before it is forgotten and its network kept only as a
   * keyed hash (src/moderation/address-retention.ts); never fewer than the per-network rule looks back.
   */
  addressRetentionDays: number;
  /** Where a newly raised moderation flag is POSTed as JSON; null sends nothing. */
  moderationWebhookUrl: string | null;
  /** Show everyone, not only moderators, an episode's score without its flagged window. */
  publicFlaggedScores: boolean;
  /** PostgreSQL connections this instance keeps open at most. */
  databasePoolSize: number;
  /**
   * How far, in percent, the JavaScript heap may grow past what its last full collection kept
   * before the next one (V8's --heap-growing-percent); 0 leaves V8's own choice, which let a big
   * catalogue's server under votes reach 130 MB of heap and 330 MB resident.
   */
  heapGrowthPercent: number;
  /** A separate port for GET /metrics, kept off the site's port; null: none. */
  metricsPort: number | null;
  /**
   * The bearer token a scraper must send for GET /metrics on the site's port; null: the site's
   * port answers /metrics with 404, and metrics are read on METRICS_PORT only.
   */
  metricsToken: string | null;
  /** Interface the METRICS_PORT listener binds (the site's HOST unless set). */
  metricsHost: string;
  /** Single sign-on through an OpenID Connect provider (OIDC_*); null: password accounts only. */
  sso: SsoSettings | null;
  /** log2 of scrypt's cost for new password hashes. Not an environment variable: only tests lower it. */
  passwordCostLog2: number;
  /**
   * The SMTP server mail goes through (`smtp://user:pass@host:587`, `smtps://…:465`); null: the
   * site sends no mail, so it offers no password reset and verifies no address.
   */
  smtpUrl: string | null;
  /** The From of every mail (`Epirank <no-reply@example.org>`); defaults to no-reply at PUBLIC_URL's host. */
  mailFrom: string | null;
}

/**
 * TRUST_PROXY: `false` (the socket's peer is the client), `true` (every forwarded entry is believed),
 * a hop count (the entries the last N proxies appended), or the proxies' addresses and CIDR ranges.
 */
export type TrustProxy = boolean | number | string[];

/** More proxies than this in one chain is a typo, not a deployment. */
const MAX_PROXY_HOPS = 20;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = text(env, 'HOST', '127.0.0.1');
  return {
    port,
    host,
    databaseUrl: text(env, 'DATABASE_URL', './data/epirank.db'),
    redisUrl: redisUrl(env),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    defaultLanguage: oneOf(env, 'DEFAULT_LANGUAGE', SOURCE_LANGUAGE, [...LANGUAGE_TAGS]) as LanguageTag,
    rankPriorVotes: integer(env, 'RANK_PRIOR_VOTES', 5, 0, 1_000_000),
    topMinVotes: integer(env, 'TOP_MIN_VOTES', 25, 1, 1_000_000),
    publicUrl: publicUrl(env),
    demoData: flag(env, 'DEMO_DATA', true),
    trustProxy: trustProxy(env),
    cookieSecret: cookieSecret(env),
    voteLimitPerVoter: integer(env, 'VOTE_LIMIT_PER_VOTER', 30, 0, 1_000_000),
    voteLimitPerIp: integer(env, 'VOTE_LIMIT_PER_IP', 30, 0, 1_000_000),
    pageCacheSeconds: integer(env, 'PAGE_CACHE_SECONDS', 1, 0, 3600),
    pageCacheMegabytes: integer(env, 'PAGE_CACHE_MB', 64, 1, 65536),
    requestTimeoutSeconds: integer(env, 'REQUEST_TIMEOUT_SECONDS', 30, 1, 3600),
    keepAliveSeconds: integer(env, 'KEEP_ALIVE_SECONDS', 5, 1, 3600),
    voting: oneOf(env, 'VOTING', 'anyone', ['anyone', 'accounts']) as 'anyone' | 'accounts',
    votesPerNetwork: integer(env, 'VOTES_PER_NETWORK', 3, 0, 1_000_000),
    votesPerNetworkAllow: listedNetworks(env),
    proofOfWorkDifficulty: integer(env, 'POW_DIFFICULTY', 50_000, 0, 10_000_000),
    widerNetworks: {
      ipv4: widerNetworks(env, 'WIDER_NETWORKS_IPV4', 'ipv4'),
      ipv6: widerNetworks(env, 'WIDER_NETWORKS_IPV6', 'ipv6'),
    },
    moderationCheckSeconds: integer(env, 'MODERATION_CHECK_SECONDS', 60, 0, 86_400),
    snapshotCheckSeconds: integer(env, 'SNAPSHOT_CHECK_SECONDS', 600, 0, 86_400),
    snapshotRetentionDays: integer(env, 'SNAPSHOT_RETENTION_DAYS', 400, 0, 36_500),
    addressRetentionDays: integer(env, 'ADDRESS_RETENTION_DAYS', NETWORK_WINDOW_DAYS, NETWORK_WINDOW_DAYS, 3650),
    moderationWebhookUrl: webhookUrl(env),
    publicFlaggedScores: flag(env, 'PUBLIC_FLAGGED_SCORES', false),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE, 1, 1000),
    heapGrowthPercent: integer(env, 'HEAP_GROWTH_PERCENT', 50, 0, 1000),
    metricsPort: metricsPort(env, port),
    metricsHost: text(env, 'METRICS_HOST', host),
    metricsToken: metricsToken(env),
    sso: sso(env),
    passwordCostLog2: DEFAULT_COST_LOG2,
    ...mailSettings(env),
  };
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function text(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function oneOf(env: Env, name: string, fallback: string, allowed: string[]): string {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function trustProxy(env: Env): TrustProxy {
  const value = raw(env, 'TRUST_PROXY');
  if (value === undefined) return false;
  const word = value.toLowerCase();
  if (['true', 'yes', 'on'].includes(word)) return true;
  if (['false', 'no', 'off'].includes(word)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) throw new ConfigError(`TRUST_PROXY must count at most ${MAX_PROXY_HOPS} proxy hops, got "${value}"`);
    return hops === 0 ? false : hops;
  }
  const proxies = value.split(',').map((entry) => entry.trim());
  const malformed = proxies.filter((entry) => parseRange(entry) === null);
  if (malformed.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses and CIDR ranges; "${malformed[0]}" is not an IP address or range`,
    );
  }
  return proxies.map((entry) => {
    const range = parseRange(entry)!;
    return entry.includes('/') ? `${range.address}/${range.prefix}` : range.address;
  });
}

function publicUrl(env: Env): string | null {
  const value = raw(env, 'PUBLIC_URL');
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${value}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function webhookUrl(env: Env): string | null {
  const value = raw(env, 'MODERATION_WEBHOOK_URL');
  if (value === undefined) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(`MODERATION_WEBHOOK_URL must be an absolute http(s) URL, got "${value}"`);
  }
  return url.href;
}

/** VOTES_PER_NETWORK_ALLOW: `range=number` entries, comma-separated (`192.0.2.10=200,2001:db8:5::/48=50`). */
function listedNetworks(env: Env): ListedNetwork[] {
  const value = raw(env, 'VOTES_PER_NETWORK_ALLOW');
  if (value === undefined) return [];
  return value.split(',').map((entry) => {
    const [rangeText, ratingsText, extra] = entry
      .trim()
      .split('=')
      .map((part) => part.trim());
    const range = rangeText ? parseRange(rangeText) : null;
    if (range === null || ratingsText === undefined || extra !== undefined) {
      throw new ConfigError(
        `VOTES_PER_NETWORK_ALLOW must be comma-separated range=number entries (an IP address or CIDR range, then a whole number), got "${entry.trim()}"`,
      );
    }
    if (!/^\d+$/.test(ratingsText) || Number(ratingsText) > 1_000_000) {
      throw new ConfigError(`VOTES_PER_NETWORK_ALLOW must give each range a whole number from 0 to 1000000, got "${entry.trim()}"`);
    }
    return { range: `${range.address}/${range.prefix}`, ratings: Number(ratingsText) };
  });
}

/**
 * WIDER_NETWORKS_IPV6 and WIDER_NETWORKS_IPV4: `prefix=shares` entries, comma-separated (`56=2,48=4`:
 * a /56 may use two /64s' shares, a /48 four), or `none` to count the base network alone.
 */
function widerNetworks(env: Env, name: string, family: 'ipv4' | 'ipv6'): WiderNetwork[] {
  const value = raw(env, name);
  if (value === undefined) return DEFAULT_WIDER_NETWORKS[family];
  if (value.toLowerCase() === 'none') return [];
  const base = BASE_PREFIX[family];
  const seen = new Set<number>();
  return value.split(',').map((entry) => {
    const match = /^\/?(\d{1,3})\s*=\s*(\d{1,7})$/.exec(entry.trim());
    if (!match) {
      throw new ConfigError(
        `${name} must be comma-separated prefix=shares entries (such as ${family === 'ipv6' ? '56=2,48=4' : '24=8'}) or none, got "${entry.trim()}"`,
      );
    }
    const [prefix, shares] = [Number(match[1]), Number(match[2])];
    if (prefix < 1 || prefix >= base) {
      throw new ConfigError(`${name} must name prefixes from 1 to ${base - 1}, wider than the /${base} counted anyway, got "${entry.trim()}"`);
    }
    if (shares < 1 || shares > 1_000_000)
      throw new ConfigError(`${name} must give each prefix a whole number of shares from 1 to 1000000, got "${entry.trim()}"`);
    if (seen.has(prefix)) throw new ConfigError(`${name} names /${prefix} twice`);
    seen.add(prefix);
    return { prefix, shares };
  });
}

function redisUrl(env: Env): string | null {
  const value = raw(env, 'REDIS_URL');
  if (value === undefined) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379, got "${value}"`);
  }
  return value;
}

/** METRICS_PORT: 0 or unset opens no port of its own (then only METRICS_TOKEN serves /metrics, on the site's port). */
function metricsPort(env: Env, sitePort: number): number | null {
  const value = integer(env, 'METRICS_PORT', 0, 0, 65535);
  if (value === 0) return null;
  if (value === sitePort)
    throw new ConfigError(`METRICS_PORT must differ from PORT (both are ${value}); set it to 0 and METRICS_TOKEN to serve /metrics on the site's port`);
  return value;
}

/** METRICS_TOKEN: long enough that guessing it over the network is hopeless, and sendable in a header. */
function metricsToken(env: Env): string | null {
  const value = raw(env, 'METRICS_TOKEN');
  if (value === undefined) return null;
  if (value.length < 32) throw new ConfigError('METRICS_TOKEN must be at least 32 characters long (try `openssl rand -hex 32`)');
  if (!/^[\x21-\x7e]+$/.test(value)) throw new ConfigError('METRICS_TOKEN must be printable ASCII without spaces');
  return value;
}

function cookieSecret(env: Env): string | null {
  const value = raw(env, 'COOKIE_SECRET');
  if (value === undefined) return null;
  if (value.length < 32) throw new ConfigError('COOKIE_SECRET must be at least 32 characters long');
  return value;
}

/** Hosts an OIDC_ISSUER may reach over plain http: this machine only (a provider started by the tests, a local trial). */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME and OIDC_SSO_ONLY: all or nothing
 * around the issuer, so that a half-configured provider stops start-up instead of a sign-in.
 */
function sso(env: Env): SsoSettings | null {
  const issuer = raw(env, 'OIDC_ISSUER');
  if (issuer === undefined) {
    const stray = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_NAME', 'OIDC_SSO_ONLY'].find((name) => raw(env, name) !== undefined);
    if (stray) throw new ConfigError(`${stray} is set but OIDC_ISSUER is not; set OIDC_ISSUER to the provider's issuer URL, or unset ${stray}`);
    return null;
  }
  const url = URL.canParse(issuer) ? new URL(issuer) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`OIDC_ISSUER must be the provider's issuer URL, such as https://auth.example.org/realms/fans, got "${issuer}"`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    throw new ConfigError(`OIDC_ISSUER must use https (plain http is allowed only for a provider on this machine), got "${issuer}"`);
  }
  const clientId = raw(env, 'OIDC_CLIENT_ID');
  if (clientId === undefined) throw new ConfigError('OIDC_CLIENT_ID must be set with OIDC_ISSUER: the client id the provider gave this site');
  const clientSecret = raw(env, 'OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) throw new ConfigError('OIDC_CLIENT_SECRET must be set with OIDC_ISSUER: the client secret the provider gave this site');
  const name = raw(env, 'OIDC_NAME') ?? url.hostname;
  if (name.length > 40) throw new ConfigError(`OIDC_NAME must be at most 40 characters (it is shown on a button), got "${name}"`);
  // The issuer exactly as given: it must match the provider's own `issuer` character for character.
  return { issuer, clientId, clientSecret, name, only: flag(env, 'OIDC_SSO_ONLY', false) };
}

/**
 * SMTP_URL and MAIL_FROM. Mail needs PUBLIC_URL: its links carry tokens that sign in or reset a
 * password, and a link built from the request's Host header (which anyone can write) would send a
 * victim's token to whichever site an attacker named. Errors never repeat SMTP_URL: it holds a password.
 */
function mailSettings(env: Env): { smtpUrl: string | null; mailFrom: string | null } {
  const value = raw(env, 'SMTP_URL');
  if (value === undefined) {
    if (raw(env, 'MAIL_FROM') !== undefined) throw new ConfigError('MAIL_FROM is set but SMTP_URL is not: set SMTP_URL too, or remove MAIL_FROM');
    return { smtpUrl: null, mailFrom: null };
  }
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL with a host, such as smtp://user:password@mail.example.org:587');
  }
  const site = publicUrl(env);
  if (site === null) throw new ConfigError("SMTP_URL needs PUBLIC_URL: mailed links are built from it, never from a request's Host header");
  const from = raw(env, 'MAIL_FROM') ?? `Epirank <no-reply@${new URL(site).hostname}>`;
  if (!/^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from)) {
    throw new ConfigError(`MAIL_FROM must be an address like no-reply@example.org or Epirank <no-reply@example.org>, got "${from}"`);
  }
  return { smtpUrl: value, mailFrom: from };
}

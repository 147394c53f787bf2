import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has safe defaults for every setting', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: './data/epirank.db',
      logLevel: 'info',
      rankPriorVotes: 5,
      publicUrl: null,
      demoData: true,
      trustProxy: false,
      cookieSecret: null,
      voteLimitPerVoter: 30,
      voteLimitPerIp: 30,
      pageCacheSeconds: 1,
      pageCacheMegabytes: 64,
      requestTimeoutSeconds: 30,
      keepAliveSeconds: 5,
      voting: 'anyone',
      passwordCostLog2: 17,
    });
  });

  it('reads each variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db/epirank',
      LOG_LEVEL: 'warn',
      RANK_PRIOR_VOTES: '10',
      PUBLIC_URL: 'https://episodes.example.org/',
      DEMO_DATA: 'off',
      TRUST_PROXY: 'true',
      COOKIE_SECRET: 'x'.repeat(40),
      VOTE_LIMIT_PER_VOTER: '10',
      VOTE_LIMIT_PER_IP: '0',
      PAGE_CACHE_SECONDS: '0',
      PAGE_CACHE_MB: '16',
      REQUEST_TIMEOUT_SECONDS: '120',
      KEEP_ALIVE_SECONDS: '65',
      VOTING: 'accounts',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db/epirank',
      logLevel: 'warn',
      rankPriorVotes: 10,
      publicUrl: 'https://episodes.example.org',
      demoData: false,
      trustProxy: true,
      cookieSecret: 'x'.repeat(40),
      voteLimitPerVoter: 10,
      voteLimitPerIp: 0,
      pageCacheSeconds: 0,
      pageCacheMegabytes: 16,
      requestTimeoutSeconds: 120,
      keepAliveSeconds: 65,
      voting: 'accounts',
      passwordCostLog2: 17,
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['RANK_PRIOR_VOTES', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['DEMO_DATA', 'maybe'],
    ['COOKIE_SECRET', 'too-short'],
    ['VOTE_LIMIT_PER_IP', 'lots'],
    ['VOTING', 'everyone'],
    ['PAGE_CACHE_MB', '0'],
    ['REQUEST_TIMEOUT_SECONDS', '0'],
    ['KEEP_ALIVE_SECONDS', '1.5'],
    ['TRUST_PROXY', 'maybe'],
    ['TRUST_PROXY', '21'],
    ['TRUST_PROXY', '-1'],
    ['TRUST_PROXY', '10.0.0.1:8080'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.1,,10.0.0.2'],
    ['TRUST_PROXY', '010.0.0.1'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it.each([
    ['false', false],
    ['off', false],
    ['0', false],
    ['true', true],
    ['Yes', true],
    ['1', 1],
    ['2', 2],
    ['10.0.0.2', ['10.0.0.2']],
    [' 10.0.0.0/8 , 2001:DB8::/32,::ffff:127.0.0.1 ', ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1']],
  ])('reads TRUST_PROXY=%j as a Fastify trustProxy form', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('says which TRUST_PROXY entry is not an address', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, proxy.internal' })).toThrow(
      'TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses and CIDR ranges; "proxy.internal" is not an IP address or range',
    );
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '' }).port).toBe(3000);
  });
});

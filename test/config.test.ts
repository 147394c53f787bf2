import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEFAULT_POOL_SIZE } from '../src/db/database.js';

describe('configuration', () => {
  it('has safe defaults for every setting', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: './data/epirank.db',
      redisUrl: null,
      logLevel: 'info',
      defaultLanguage: 'en',
      rankPriorVotes: 5,
      topMinVotes: 25,
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
      votesPerNetwork: 3,
      votesPerNetworkAllow: [],
      proofOfWorkDifficulty: 50_000,
      widerNetworks: {
        ipv4: [{ prefix: 24, shares: 8 }],
        ipv6: [
          { prefix: 56, shares: 2 },
          { prefix: 48, shares: 4 },
        ],
      },
      moderationCheckSeconds: 60,
      snapshotCheckSeconds: 600,
      snapshotRetentionDays: 400,
      addressRetentionDays: 30,
      moderationWebhookUrl: null,
      publicFlaggedScores: false,
      databasePoolSize: DEFAULT_POOL_SIZE,
      heapGrowthPercent: 50,
      metricsPort: null,
      metricsHost: '127.0.0.1',
      metricsToken: null,
      sso: null,
      passwordCostLog2: 17,
      smtpUrl: null,
      mailFrom: null,
    });
  });

  it('reads each variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db/epirank',
      REDIS_URL: 'rediss://:secret@cache.internal:6380/2',
      LOG_LEVEL: 'warn',
      DEFAULT_LANGUAGE: 'ja',
      RANK_PRIOR_VOTES: '10',
      TOP_MIN_VOTES: '40',
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
      VOTES_PER_NETWORK: '0',
      VOTES_PER_NETWORK_ALLOW: '192.0.2.10=200, 2001:DB8:5::/48=50',
      WIDER_NETWORKS_IPV4: 'none',
      WIDER_NETWORKS_IPV6: '/60=1, 52 = 3,40=10',
      MODERATION_CHECK_SECONDS: '0',
      SNAPSHOT_CHECK_SECONDS: '3600',
      SNAPSHOT_RETENTION_DAYS: '0',
      ADDRESS_RETENTION_DAYS: '60',
      MODERATION_WEBHOOK_URL: 'https://hooks.example.org/epirank',
      PUBLIC_FLAGGED_SCORES: 'true',
      DATABASE_POOL_SIZE: '12',
      HEAP_GROWTH_PERCENT: '0',
      METRICS_PORT: '9464',
      METRICS_HOST: '10.0.0.5',
      METRICS_TOKEN: 'm'.repeat(40),
      POW_DIFFICULTY: '0',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db/epirank',
      redisUrl: 'rediss://:secret@cache.internal:6380/2',
      logLevel: 'warn',
      defaultLanguage: 'ja',
      rankPriorVotes: 10,
      topMinVotes: 40,
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
      votesPerNetwork: 0,
      votesPerNetworkAllow: [
        { range: '192.0.2.10/32', ratings: 200 },
        { range: '2001:db8:5::/48', ratings: 50 },
      ],
      proofOfWorkDifficulty: 0,
      widerNetworks: {
        ipv4: [],
        ipv6: [
          { prefix: 60, shares: 1 },
          { prefix: 52, shares: 3 },
          { prefix: 40, shares: 10 },
        ],
      },
      moderationCheckSeconds: 0,
      snapshotCheckSeconds: 3600,
      snapshotRetentionDays: 0,
      addressRetentionDays: 60,
      moderationWebhookUrl: 'https://hooks.example.org/epirank',
      publicFlaggedScores: true,
      databasePoolSize: 12,
      heapGrowthPercent: 0,
      metricsPort: 9464,
      metricsHost: '10.0.0.5',
      metricsToken: 'm'.repeat(40),
      sso: null,
      passwordCostLog2: 17,
      smtpUrl: null,
      mailFrom: null,
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['RANK_PRIOR_VOTES', '-1'],
    ['TOP_MIN_VOTES', '0'],
    ['TOP_MIN_VOTES', 'many'],
    ['LOG_LEVEL', 'loud'],
    ['DEFAULT_LANGUAGE', 'fr'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['DEMO_DATA', 'maybe'],
    ['COOKIE_SECRET', 'too-short'],
    ['VOTE_LIMIT_PER_IP', 'lots'],
    ['VOTING', 'everyone'],
    ['PAGE_CACHE_MB', '0'],
    ['DATABASE_POOL_SIZE', '0'],
    ['HEAP_GROWTH_PERCENT', '-10'],
    ['HEAP_GROWTH_PERCENT', 'half'],
    ['REQUEST_TIMEOUT_SECONDS', '0'],
    ['KEEP_ALIVE_SECONDS', '1.5'],
    ['MODERATION_CHECK_SECONDS', '-5'],
    ['MODERATION_CHECK_SECONDS', '86401'],
    ['SNAPSHOT_CHECK_SECONDS', '-1'],
    ['SNAPSHOT_RETENTION_DAYS', 'a year'],
    ['SNAPSHOT_RETENTION_DAYS', '36501'],
    ['ADDRESS_RETENTION_DAYS', '29'],
    ['ADDRESS_RETENTION_DAYS', 'a month'],
    ['MODERATION_WEBHOOK_URL', 'hooks.example.org'],
    ['MODERATION_WEBHOOK_URL', 'ftp://hooks.example.org'],
    ['PUBLIC_FLAGGED_SCORES', 'sometimes'],
    ['POW_DIFFICULTY', 'hard'],
    ['POW_DIFFICULTY', '-1'],
    ['VOTES_PER_NETWORK', '-1'],
    ['VOTES_PER_NETWORK', 'three'],
    ['VOTES_PER_NETWORK_ALLOW', '192.0.2.10'],
    ['VOTES_PER_NETWORK_ALLOW', 'campus-proxy=200'],
    ['VOTES_PER_NETWORK_ALLOW', '192.0.2.0/33=200'],
    ['VOTES_PER_NETWORK_ALLOW', '192.0.2.10=lots'],
    ['VOTES_PER_NETWORK_ALLOW', '192.0.2.10=2=3'],
    ['VOTES_PER_NETWORK_ALLOW', '192.0.2.10=200,,10.0.0.1=5'],
    ['WIDER_NETWORKS_IPV6', '64=2'], // the /64 is counted anyway
    ['WIDER_NETWORKS_IPV6', '0=2'],
    ['WIDER_NETWORKS_IPV6', '56'],
    ['WIDER_NETWORKS_IPV6', '56=0'],
    ['WIDER_NETWORKS_IPV6', '56=2,56=3'],
    ['WIDER_NETWORKS_IPV6', '56=2;48=4'],
    ['WIDER_NETWORKS_IPV4', '32=2'],
    ['WIDER_NETWORKS_IPV4', '24=lots'],
    ['REDIS_URL', '127.0.0.1:6379'],
    ['REDIS_URL', 'http://cache.internal:6379'],
    ['REDIS_URL', 'redis://'],
    ['METRICS_PORT', '65536'],
    ['METRICS_PORT', 'nine'],
    ['METRICS_PORT', '3000'], // the site's own port
    ['METRICS_TOKEN', 'short'],
    ['METRICS_TOKEN', `${'m'.repeat(20)} ${'m'.repeat(20)}`],
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

  it('opens no metrics port for METRICS_PORT=0, and binds it where HOST says unless METRICS_HOST does', () => {
    expect(loadConfig({ METRICS_PORT: '0' }).metricsPort).toBeNull();
    expect(loadConfig({ PORT: '8080', METRICS_PORT: '3000', HOST: '0.0.0.0' })).toMatchObject({ metricsPort: 3000, metricsHost: '0.0.0.0' });
    expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow('METRICS_PORT must differ from PORT');
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '' }).port).toBe(3000);
  });
});

describe('single sign-on settings (OIDC_*)', () => {
  const provider = { OIDC_ISSUER: 'https://auth.example.org/realms/fans', OIDC_CLIENT_ID: 'epirank', OIDC_CLIENT_SECRET: 's3cret' };

  it('reads the provider, naming the button after its host unless OIDC_NAME says otherwise', () => {
    expect(loadConfig(provider).sso).toEqual({
      issuer: 'https://auth.example.org/realms/fans',
      clientId: 'epirank',
      clientSecret: 's3cret',
      name: 'auth.example.org',
      only: false,
    });
    expect(loadConfig({ ...provider, OIDC_NAME: 'Fanclub ID', OIDC_SSO_ONLY: 'true' }).sso).toMatchObject({ name: 'Fanclub ID', only: true });
  });

  it('allows plain http only for a provider on this machine', () => {
    for (const issuer of ['http://127.0.0.1:9000', 'http://localhost:8080/realms/test', 'http://[::1]:9000']) {
      expect(loadConfig({ ...provider, OIDC_ISSUER: issuer }).sso?.issuer).toBe(issuer);
    }
    expect(() => loadConfig({ ...provider, OIDC_ISSUER: 'http://auth.example.org' })).toThrow(
      'OIDC_ISSUER must use https (plain http is allowed only for a provider on this machine), got "http://auth.example.org"',
    );
  });

  it.each([
    [{ OIDC_ISSUER: 'auth.example.org' }, "OIDC_ISSUER must be the provider's issuer URL"],
    [{ OIDC_ISSUER: 'ftp://auth.example.org' }, "OIDC_ISSUER must be the provider's issuer URL"],
    [{ OIDC_ISSUER: 'https://auth.example.org/?realm=fans' }, "OIDC_ISSUER must be the provider's issuer URL"],
    [{ OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID must be set with OIDC_ISSUER'],
    [{ OIDC_CLIENT_SECRET: ' ' }, 'OIDC_CLIENT_SECRET must be set with OIDC_ISSUER'],
    [{ OIDC_NAME: 'x'.repeat(41) }, 'OIDC_NAME must be at most 40 characters'],
    [{ OIDC_SSO_ONLY: 'sometimes' }, 'OIDC_SSO_ONLY must be true or false'],
  ])('rejects %j with a message naming the variable', (change, message) => {
    expect(() => loadConfig({ ...provider, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...provider, ...change })).toThrow(message);
  });

  it('refuses the other OIDC_* settings without OIDC_ISSUER', () => {
    expect(() => loadConfig({ OIDC_SSO_ONLY: 'true' })).toThrow('OIDC_SSO_ONLY is set but OIDC_ISSUER is not');
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'epirank' })).toThrow('OIDC_CLIENT_ID is set but OIDC_ISSUER is not');
  });
});

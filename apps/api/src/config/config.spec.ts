import { readFileSync } from 'node:fs';
import { workspaceRoot } from '@live/test-support';
import { ConfigError, SETTING_NAMES, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that need no set-up', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      allowedOrigins: ['http://localhost:4200', 'http://127.0.0.1:4200'],
      rateLimits: { message: { burst: 5, perSecond: 1 }, click: { burst: 50, perSecond: 20 } },
    });
  });

  it('logs JSON for collectors and pretty lines on a terminal or under nx serve', () => {
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development' }, false).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml"/);
  });

  it('reads and normalises the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      ALLOWED_ORIGINS: ' https://a.example/ , http://b.example:81',
      RATE_CLICK_BURST: '5',
      LOG_LEVEL: 'warn',
      DATA_DIR: '',
    });
    expect(config.port).toBe(8080);
    expect(config.allowedOrigins).toEqual(['https://a.example', 'http://b.example:81']);
    expect(config.rateLimits.click.burst).toBe(5);
    expect(config.logLevel).toBe('warn');
    expect(config.dataDir).toBe('./data');
  });

  it('names every bad value in one clear error', () => {
    const load = () =>
      loadConfig({ PORT: 'eighty', ALLOWED_ORIGINS: 'ftp://x', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT="eighty"/);
    expect(load).toThrow(/ALLOWED_ORIGINS/);
    expect(load).toThrow(/LOG_LEVEL="loud"/);
  });

  it('reads the hardening settings, with moderation off by default', () => {
    expect(loadConfig({})).toMatchObject({
      adminToken: undefined,
      maxConnectionsPerIp: 100,
      pingIntervalMs: 20_000,
      pingTimeoutMs: 10_000,
      connectTimeoutMs: 10_000,
    });
    const token = 'a-long-operator-token-0123456789abcdef';
    expect(loadConfig({ ADMIN_TOKEN: token, MAX_CONNECTIONS_PER_IP: '3' })).toMatchObject({
      adminToken: token,
      maxConnectionsPerIp: 3,
    });
  });

  it('refuses a short ADMIN_TOKEN without ever showing it', () => {
    const load = () => loadConfig({ ADMIN_TOKEN: 'tooshort' });
    expect(load).toThrow(/ADMIN_TOKEN=\(hidden\): must be at least 32 characters/);
    expect(load).not.toThrow(/tooshort/);
  });
});

describe('loadConfig with REDIS_URL', () => {
  it('keeps the embedded store when REDIS_URL is not set', () => {
    expect(loadConfig({ REDIS_PREFIX: 'x:' }).redis).toBeUndefined();
  });

  const IDENTITY_SECRET = 'a-shared-secret-for-every-instance-0123';

  it('switches on Redis with its defaults', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', IDENTITY_SECRET }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      sentinel: undefined,
      waitReplicas: 1,
      waitTimeoutMs: 500,
      prefix: 'live:',
      historyCap: 10_000,
      presenceTtlMs: 15_000,
      recoveryWindowMs: 120_000,
    });
  });

  it('finds the primary through Redis Sentinel when given sentinels, and refuses a malformed list', () => {
    const redis = loadConfig({
      REDIS_URL: 'redis://:secret@ignored:1/2',
      REDIS_SENTINELS: '10.0.0.1:26379,sentinel-b:26380',
      REDIS_SENTINEL_MASTER: 'live',
      IDENTITY_SECRET,
    }).redis;
    expect(redis?.sentinel).toEqual({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: 'sentinel-b', port: 26380 },
      ],
      master: 'live',
    });
    expect(() => loadConfig({ REDIS_SENTINELS: '10.0.0.1', IDENTITY_SECRET })).toThrow(
      /REDIS_SENTINELS="10.0.0.1": must be host:port\[,host:port…\]/,
    );
  });

  it('refuses to start a cluster instance without the shared session-signing key, saying why', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /IDENTITY_SECRET is required with REDIS_URL: every instance must sign session tokens with the same key/,
    );
    expect(() => loadConfig({ IDENTITY_SECRET: 'too short' })).toThrow(
      /IDENTITY_SECRET=\(hidden\): must be at least 32 characters/,
    );
  });

  it('refuses a URL that is not Redis and a presence TTL over 30 s', () => {
    const load = () => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379', PRESENCE_TTL_MS: '60000' });
    expect(load).toThrow(
      /REDIS_URL="http:\/\/127.0.0.1:6379": must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(load).toThrow(/PRESENCE_TTL_MS="60000"/);
  });

  describe('.env.example', () => {
    const example = Object.fromEntries(
      readFileSync(`${workspaceRoot()}/.env.example`, 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );

    it('lists every setting, and nothing else', () => {
      expect(Object.keys(example).sort()).toEqual([...SETTING_NAMES].sort());
    });

    it('gives each setting its real default', () => {
      expect(loadConfig(example, false)).toEqual(loadConfig({}, false));
    });
  });
});

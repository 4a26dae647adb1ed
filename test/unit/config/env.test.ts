import { ConfigError, loadConfig } from '../../../src/config/env';

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults for a fresh machine: embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      database: { dataDir: './data', poolMax: 10, migrateOnStart: true },
      idempotencyTtlHours: 24,
    });
    expect(config.database.url).toBeUndefined();
  });

  it('reads and converts every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgres://fazhi@db:5432/fazhi',
      DATABASE_POOL_MAX: '25',
      DATA_DIR: '/var/lib/fazhi',
      MIGRATE_ON_START: 'false',
      BODY_LIMIT_BYTES: '65536',
      REQUEST_TIMEOUT_MS: '5000',
      SHUTDOWN_TIMEOUT_MS: '2000',
      TRUST_PROXY: 'true',
      RATE_LIMIT_MAX: '0',
      IDEMPOTENCY_TTL_HOURS: '48',
      AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      AUTH_JWT_ISSUER: 'https://idp.example.gov.cn',
      AUDIT_HASH_ALGORITHM: 'sha256',
    });
    expect(config).toEqual({
      env: 'production',
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'warn',
      database: {
        url: 'postgres://fazhi@db:5432/fazhi',
        poolMax: 25,
        dataDir: '/var/lib/fazhi',
        migrateOnStart: false,
      },
      http: { bodyLimit: 65536, requestTimeoutMs: 5000, trustProxy: true, rateLimitMax: 0 },
      idempotencyTtlHours: 48,
      shutdownTimeoutMs: 2000,
      auth: {
        mode: 'secret',
        secret: 'a-production-secret-of-at-least-32-chars',
        issuer: 'https://idp.example.gov.cn',
      },
      audit: { hashAlgorithm: 'sha256' },
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      port: 3000,
      database: { dataDir: './data' },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /must be integer/],
    [{ PORT: '70000' }, 'PORT', /<= 65535/],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV', /development, production, test/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /info/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL', /pattern/],
    [{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX', />= 1/],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START', /boolean/],
    [{ IDEMPOTENCY_TTL_HOURS: '1' }, 'IDEMPOTENCY_TTL_HOURS', />= 24/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const err = problem(env as Record<string, string>);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });

  it('never echoes the value, which may be a secret', () => {
    const err = problem({ DATABASE_URL: 'mysql://admin:s3cret@db/x' });
    expect(err.message).not.toContain('s3cret');
  });
});

/**
 * Configuration from environment variables, validated once at start-up. A bad value stops the
 * process with one line naming the variable (see src/server.ts). Every variable is documented in
 * README.md; keep the two in step.
 */
import { createPublicKey } from 'node:crypto';
import envSchema from 'env-schema';
import { type Static, Type } from 'typebox';

const EnvSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test'], {
    default: 'development',
    description: 'development | production | test',
  }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'pino log level',
  }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description: 'PostgreSQL connection string; unset = embedded PGlite',
    }),
  ),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10, description: 'pg pool size' }),
  DATA_DIR: Type.String({
    minLength: 1,
    default: './data',
    description: 'PGlite data directory or memory://',
  }),
  MIGRATE_ON_START: Type.Boolean({ default: true, description: 'Apply pending migrations at start-up' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024, default: 1024 * 1024 }),
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1000, default: 30_000 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000 }),
  TRUST_PROXY: Type.Boolean({ default: false, description: 'Trust X-Forwarded-* from a reverse proxy' }),
  RATE_LIMIT_MAX: Type.Integer({
    minimum: 0,
    default: 600,
    description: 'Requests per minute per client; 0 = off',
  }),
  IDEMPOTENCY_TTL_HOURS: Type.Integer({
    minimum: 24,
    default: 24,
    description: 'How long Idempotency-Key replays are kept',
  }),
  AUTH_JWT_SECRET: Type.Optional(
    Type.String({
      minLength: 32,
      description: 'HS256 secret shared with the token issuer (at least 32 characters)',
    }),
  ),
  AUTH_JWT_PUBLIC_KEY: Type.Optional(
    Type.String({
      pattern: '-----BEGIN PUBLIC KEY-----',
      description: 'PEM public key (RSA → RS256, EC P-256 → ES256)',
    }),
  ),
  AUTH_JWKS_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'JWKS URL of an identity provider' }),
  ),
  AUTH_JWT_ALGORITHMS: Type.Optional(
    Type.String({
      pattern: '^(RS256|ES256)(,(RS256|ES256))*$',
      description: 'Accepted algorithms with a JWKS URL',
    }),
  ),
  AUTH_JWT_ISSUER: Type.Optional(Type.String({ minLength: 1, description: 'Required iss claim' })),
  AUTH_JWT_AUDIENCE: Type.Optional(Type.String({ minLength: 1, description: 'Required aud claim' })),
  AUDIT_HASH_ALGORITHM: Type.Enum(['sm3', 'sha256'], {
    default: 'sm3',
    description: 'Hash of the audit chain: sm3 (GB/T 32905-2016) or sha256',
  }),
});

type Env = Static<typeof EnvSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: string;
  database: {
    /** Absent: embedded PGlite in `dataDir`. */
    url?: string;
    poolMax: number;
    dataDir: string;
    migrateOnStart: boolean;
  };
  http: {
    bodyLimit: number;
    requestTimeoutMs: number;
    trustProxy: boolean;
    /** Requests per minute per client address; 0 turns the limit off. */
    rateLimitMax: number;
  };
  idempotencyTtlHours: number;
  shutdownTimeoutMs: number;
  auth: AuthConfig;
  audit: { hashAlgorithm: 'sm3' | 'sha256' };
}

interface TokenClaims {
  issuer?: string;
  audience?: string;
}

/**
 * How bearer tokens are verified. `development`: no key configured, on the embedded database
 * outside production — the server generates a secret, seeds a demo bureau and logs a token.
 */
export type AuthConfig =
  | { mode: 'development' }
  | ({ mode: 'secret'; secret: string } & TokenClaims)
  | ({ mode: 'public-key'; publicKeyPem: string; algorithm: 'RS256' | 'ES256' } & TokenClaims)
  | ({ mode: 'jwks'; jwksUrl: string; algorithms: ('RS256' | 'ES256')[] } & TokenClaims);

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

interface AjvLikeError {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Validates the environment; throws ConfigError naming the first bad variable. Never echoes values. */
export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  // An empty value means "unset" (as docker-compose writes `FOO=`).
  const data = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  let env: Env;
  try {
    env = envSchema<Env>({ schema: structuredClone(EnvSchema), data, env: false, dotenv: false });
  } catch (err) {
    const first = (err as { errors?: AjvLikeError[] }).errors?.[0];
    if (!first) throw err;
    const variable =
      first.instancePath.replace(/^\//, '') || String(first.params?.missingProperty ?? 'environment');
    const allowed = first.params?.allowedValues
      ? `: ${(first.params.allowedValues as unknown[]).join(', ')}`
      : '';
    throw new ConfigError(variable, `${first.message ?? 'is invalid'}${allowed}`);
  }
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: {
      ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
      poolMax: env.DATABASE_POOL_MAX,
      dataDir: env.DATA_DIR,
      migrateOnStart: env.MIGRATE_ON_START,
    },
    http: {
      bodyLimit: env.BODY_LIMIT_BYTES,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      trustProxy: env.TRUST_PROXY,
      rateLimitMax: env.RATE_LIMIT_MAX,
    },
    idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    auth: authConfig(env),
    audit: { hashAlgorithm: env.AUDIT_HASH_ALGORITHM },
  };
}

function authConfig(env: Env): AuthConfig {
  const keys = (['AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY', 'AUTH_JWKS_URL'] as const).filter((k) => env[k]);
  if (keys.length > 1)
    throw new ConfigError(keys.join(' and '), 'cannot be combined: configure one verification key');
  const claims: TokenClaims = {
    ...(env.AUTH_JWT_ISSUER ? { issuer: env.AUTH_JWT_ISSUER } : {}),
    ...(env.AUTH_JWT_AUDIENCE ? { audience: env.AUTH_JWT_AUDIENCE } : {}),
  };
  if (env.AUTH_JWT_SECRET) return { mode: 'secret', secret: env.AUTH_JWT_SECRET, ...claims };
  // An identity provider signs tokens for many applications: only those addressed to Fazhi count.
  if ((env.AUTH_JWT_PUBLIC_KEY || env.AUTH_JWKS_URL) && !env.AUTH_JWT_AUDIENCE) {
    throw new ConfigError(
      'AUTH_JWT_AUDIENCE',
      'is required with an identity provider’s key (AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL)',
    );
  }
  if (env.AUTH_JWT_PUBLIC_KEY) {
    let type: string | undefined;
    let curve: string | undefined;
    try {
      const key = createPublicKey(env.AUTH_JWT_PUBLIC_KEY);
      type = key.asymmetricKeyType;
      curve = key.asymmetricKeyDetails?.namedCurve;
    } catch {
      throw new ConfigError('AUTH_JWT_PUBLIC_KEY', 'is not a readable PEM public key');
    }
    if (type === 'rsa')
      return { mode: 'public-key', publicKeyPem: env.AUTH_JWT_PUBLIC_KEY, algorithm: 'RS256', ...claims };
    if (type === 'ec' && curve === 'prime256v1') {
      return { mode: 'public-key', publicKeyPem: env.AUTH_JWT_PUBLIC_KEY, algorithm: 'ES256', ...claims };
    }
    throw new ConfigError('AUTH_JWT_PUBLIC_KEY', 'must be an RSA key (RS256) or an EC P-256 key (ES256)');
  }
  if (env.AUTH_JWKS_URL) {
    // Keys fetched over plain HTTP could be swapped on the way; only a loopback address may skip TLS.
    const url = new URL(env.AUTH_JWKS_URL);
    if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      throw new ConfigError('AUTH_JWKS_URL', 'must use https (plain http only for a loopback address)');
    }
    const algorithms = (env.AUTH_JWT_ALGORITHMS ?? 'RS256,ES256').split(',') as ('RS256' | 'ES256')[];
    return { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL, algorithms, ...claims };
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'AUTH_JWT_SECRET',
      'is required in production (or AUTH_JWT_PUBLIC_KEY, or AUTH_JWKS_URL)',
    );
  }
  if (env.DATABASE_URL) {
    throw new ConfigError(
      'AUTH_JWT_SECRET',
      'is required with DATABASE_URL (or AUTH_JWT_PUBLIC_KEY, or AUTH_JWKS_URL); the demo mode runs on the embedded database only',
    );
  }
  return { mode: 'development' };
}

/** Variable names with their descriptions and defaults, for documentation checks. */
export const ENV_VARIABLES = Object.keys(EnvSchema.properties);

/**
 * Configuration from environment variables, validated once at start-up. A bad value stops the
 * process with one line naming the variable (see src/server.ts). Every variable is documented in
 * README.md; keep the two in step.
 */
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
}

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
  };
}

/** Variable names with their descriptions and defaults, for documentation checks. */
export const ENV_VARIABLES = Object.keys(EnvSchema.properties);

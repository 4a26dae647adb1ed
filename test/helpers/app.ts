/**
 * Builds the real application on a fresh test database (PGlite, or PostgreSQL when DATABASE_URL
 * is set). Nothing is mocked: requests go through Fastify, the services and SQL.
 */
import supertest from 'supertest';
import { type App, type AppOptions, buildApp } from '../../src/app';
import { loadConfig } from '../../src/config/env';
import { createTestDatabase } from './database';

export interface TestApp {
  app: App;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: () => Date;
  /** Routes a test adds before the app is ready (e.g. one that throws). */
  extend?: (app: App) => void;
  options?: Partial<AppOptions>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    RATE_LIMIT_MAX: '0',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const app = await buildApp({ config, ...(options.now ? { now: options.now } : {}), ...options.options });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    http: supertest(app.server),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The seed bureau of RULES.md: 城东区市场监督管理局, Xining, Qinghai. */
export const SEED_AGENCY = { name: '城东区市场监督管理局', code: '东', regionCode: '630102' } as const;

export async function createAgency(t: TestApp, body: Record<string, unknown> = SEED_AGENCY) {
  const res = await t.http.post('/v1/agencies').send(body).expect(201);
  return res.body as { id: string; version: number; name: string };
}

/**
 * Builds the real application on a fresh test database (PGlite, or PostgreSQL when DATABASE_URL
 * is set), seeded with the demo bureau and one officer per role. Nothing is mocked: requests go
 * through Fastify, authentication, the services and SQL.
 */
import supertest from 'supertest';
import { type App, type AppOptions, buildApp } from '../../src/app';
import { loadConfig } from '../../src/config/env';
import { ROLE_NAMES, type Role } from '../../src/domain/access/roles';
import { mintToken } from '../../src/modules/auth/tokens';
import {
  type BureauSpec,
  DEMO_BUREAU,
  type SeededBureau,
  seedBureau,
} from '../../src/modules/demo/demo-bureau';
import type { WriteContext } from '../../src/plugins/writes';
import { createTestDatabase } from './database';

export const TEST_JWT_SECRET = 'test-secret-for-fazhi-tests-0123456789abcdef';

export type Agent = ReturnType<typeof supertest.agent>;

export interface TestBureau extends SeededBureau {
  /** A token per role. */
  tokens: Record<Role, string>;
  /** An HTTP client acting as this bureau's officer with the role. */
  as(role: Role): Agent;
}

export interface TestApp {
  app: App;
  /** The demo bureau's admin. */
  http: Agent;
  /** The platform operator (system_admin): registers agencies, edits the national calendar. */
  platform: Agent;
  /** No credentials at all. */
  anonymous: ReturnType<typeof supertest>;
  /** The demo bureau (城东区市场监督管理局). */
  bureau: TestBureau;
  agencyId: string;
  /** A client acting as the demo bureau's officer with the role. */
  as(role: Role): Agent;
  /** Another bureau with its own officers, for isolation tests. */
  seedBureau(spec: BureauSpec): Promise<TestBureau>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: () => Date;
  /** Routes a test adds before the app is ready (e.g. one that throws). */
  extend?: (app: App) => void;
  options?: Partial<AppOptions>;
  /** Seed the demo bureau (default true; needs the migrations applied). */
  seed?: boolean;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    RATE_LIMIT_MAX: '0',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const now = options.now ?? (() => new Date());
  const app = await buildApp({ config, now, ...options.options });
  options.extend?.(app);
  await app.ready();

  const withTokens = async (seeded: SeededBureau): Promise<TestBureau> => {
    const tokens = {} as Record<Role, string>;
    for (const role of ROLE_NAMES) {
      tokens[role] = await mintToken({
        secret: TEST_JWT_SECRET,
        officerId: seeded.officers[role],
        agencyId: seeded.agencyId,
        now: now(),
      });
    }
    return {
      ...seeded,
      tokens,
      as: (role) => supertest.agent(app.server).set('authorization', `Bearer ${tokens[role]}`),
    };
  };
  const seed = async (spec: BureauSpec) =>
    withTokens(await seedBureau(app.database.db, spec, now(), config.audit.hashAlgorithm));

  const bureau = options.seed === false ? unseeded(app) : await seed(DEMO_BUREAU);
  return {
    app,
    http: bureau.as('admin'),
    platform: bureau.as('system_admin'),
    anonymous: supertest(app.server),
    bureau,
    agencyId: bureau.agencyId,
    as: bureau.as,
    seedBureau: seed,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Without a seeded bureau every client is anonymous (for tests that run before migrations). */
function unseeded(app: App): TestBureau {
  const none = {} as Record<Role, string>;
  return { agencyId: '', adminId: '', officers: none, tokens: none, as: () => supertest.agent(app.server) };
}

/** The seed bureau of RULES.md: 城东区市场监督管理局, Xining, Qinghai. */
export const SEED_AGENCY = DEMO_BUREAU;

/** Registers an agency as the platform operator; returns it. */
export async function createAgency(t: TestApp, body: Record<string, unknown>) {
  const res = await t.platform.post('/v1/agencies').send(body).expect(201);
  return res.body as { id: string; version: number; name: string };
}

/** A write context for calling services directly inside a test's own transaction. */
export function testWriteContext(tx: WriteContext['tx'], now: Date, agencyId: string): WriteContext {
  return {
    tx,
    now,
    requestId: 'test',
    actor: { kind: 'officer', id: 'test', agencyId, name: 'test', roles: ['admin'] },
    audit: () => {},
  };
}

/**
 * A client acting as the bureau's officer with the role, its token minted at the app's current time:
 * for tests that move the app clock further than a token's lifetime (12 hours).
 */
export async function asOfNow(t: TestApp, role: Role, bureau: TestBureau = t.bureau): Promise<Agent> {
  const token = await mintToken({
    secret: TEST_JWT_SECRET,
    officerId: bureau.officers[role],
    agencyId: bureau.agencyId,
    now: t.app.now(),
  });
  return supertest.agent(t.app.server).set('authorization', `Bearer ${token}`);
}

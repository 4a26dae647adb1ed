/** Both databases: embedded PGlite keeps its data across restarts; PostgreSQL survives lost connections. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import supertest from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config/env';
import { agencies, officers } from '../../src/db/schema';
import { developmentSecret, mintToken } from '../../src/modules/auth/tokens';
import { createTestApp } from '../helpers/app';
import { onPostgres } from '../helpers/database';

it('development mode: PGlite in a data directory keeps data, demo bureau and signing secret across restarts', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'fazhi-data-'));
  const dataDir = join(parent, 'nested', 'data');
  // No AUTH_* and no DATABASE_URL: the development mode of a fresh machine.
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
  expect(config.auth.mode).toBe('development');
  try {
    const first = await buildApp({ config });
    await first.ready();
    const [agency] = await first.database.db.select().from(agencies);
    const [admin] = await first.database.db.select().from(officers).where(eq(officers.name, '吴管理'));
    if (!agency || !admin) throw new Error('demo bureau not seeded');
    const token = await mintToken({
      secret: developmentSecret(dataDir),
      officerId: admin.id,
      agencyId: agency.id,
    });
    const created = await supertest(first.server)
      .post(`/v1/agencies/${agency.id}/units`)
      .set('authorization', `Bearer ${token}`)
      .send({ name: '持久化测试科', kind: 'section' })
      .expect(201);
    await first.close();

    const second = await buildApp({ config });
    await second.ready();
    // Same secret after the restart: the token still works, and the unit is still there.
    const read = await supertest(second.server)
      .get(`/v1/agencies/${agency.id}/units/${created.body.id}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(read.body).toEqual(created.body);
    expect(await second.database.db.select().from(agencies)).toHaveLength(1);
    expect(second.database.kind).toBe('pglite');
    await second.close();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

(onPostgres ? it : it.skip)(
  'PostgreSQL: killed connections are logged, not fatal, and the pool recovers',
  async () => {
    const logged: string[] = [];
    const t = await createTestApp({
      options: {
        logger: {
          level: 'error',
          stream: { write: (line: string) => logged.push(line) },
        } as never,
      },
    });
    try {
      expect(t.app.database.kind).toBe('postgres');
      await t.http.get('/v1/agencies').expect(200);
      // Terminate every connection the app holds, as a database restart or failover would.
      const url = new URL(String(process.env.DATABASE_URL));
      const dbName = (await t.app.database.db.execute(
        'select current_database() as name' as never,
      )) as unknown as {
        rows: { name: string }[];
      };
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName.rows[0]?.name],
      );
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      expect(logged.some((line) => line.includes('PostgreSQL pool error'))).toBe(true);
      // The process is still here and the next requests get fresh connections.
      await t.http.get('/v1/agencies').expect(200);
      await t.http.get('/readyz').expect(200);
    } finally {
      await t.close();
    }
  },
);

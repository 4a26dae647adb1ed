/** Migrations: in step with the schema, applied at start-up, and readiness depends on them. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { migrationStatus } from '../../src/db/migrations';
import { createTestApp } from '../helpers/app';

const root = join(__dirname, '..', '..');

it('the committed migrations match the Drizzle schema (npm run db:check)', () => {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'check-migrations.ts')],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('migrations/ matches the schema.');
  expect(result.status).toBe(0);
});

it('fails when the schema has a change that no migration carries', () => {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts', 'check-migrations.ts'),
      '--schema=./test/fixtures/drifted-schema.ts',
    ],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('differs from migrations/');
});

it('reports not ready (503) until migrations are applied, then ready', async () => {
  const t = await createTestApp({ env: { MIGRATE_ON_START: 'false' }, seed: false });
  try {
    const before = await t.http.get('/readyz');
    expect(before.status).toBe(503);
    expect(before.body).toMatchObject({
      status: 'not_ready',
      database: { reachable: true, migrations: { applied: 0 } },
    });
    expect(before.body.database.migrations.pending).toBeGreaterThan(0);

    await t.app.database.migrate();
    const after = await t.http.get('/readyz').expect(200);
    expect(after.body.database.migrations.pending).toBe(0);
    // Applying again is a no-op.
    await t.app.database.migrate();
    expect(await migrationStatus(t.app.database.db)).toEqual(after.body.database.migrations);
  } finally {
    await t.close();
  }
});

/**
 * Schema migrations: the SQL files drizzle-kit generated into `migrations/`, applied in order on
 * PGlite and PostgreSQL alike. On PostgreSQL a session advisory lock makes replicas that start
 * together apply them once.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateP } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { Executor } from './client';
import { MIGRATIONS_FOLDER } from './paths';
import { queryRows } from './sql';

/** Arbitrary but fixed: the advisory-lock key that serialises migration runs. */
const MIGRATION_LOCK_KEY = 73_556_082;

export async function migratePostgres(client: pg.PoolClient): Promise<void> {
  await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

export async function migratePglite(client: PGlite): Promise<void> {
  await migrateP(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
}

export interface MigrationStatus {
  expected: number;
  applied: number;
  pending: number;
}

let shippedHashes: string[] | undefined;

/** How many of the migrations shipped with this build the database has applied. */
export async function migrationStatus(db: Executor): Promise<MigrationStatus> {
  shippedHashes ??= readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.hash);
  const expected = shippedHashes;
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return { expected: expected.length, applied: 0, pending: expected.length };
  const applied = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations`);
  const appliedHashes = new Set(applied.map((r) => r.hash));
  const pending = expected.filter((hash) => !appliedHashes.has(hash)).length;
  return { expected: expected.length, applied: expected.length - pending, pending };
}

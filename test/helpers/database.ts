/**
 * Test databases. Without DATABASE_URL every test file gets a fresh in-memory PGlite; with it,
 * every test file gets a fresh PostgreSQL database of its own on that server (created from the
 * URL, dropped at the end), so files run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { createScratchDatabase } from '../../scripts/scratch-database';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  /** PostgreSQL URL of the fresh database, or undefined for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) return { drop: async () => {} };
  // Named after the base database, so whoever created the base can sweep leftovers (see .ci/run).
  const baseName =
    new URL(base).pathname
      .slice(1)
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .slice(0, 40) || 'fazhi';
  return createScratchDatabase(base, `${baseName}_t_${process.pid}_${randomBytes(4).toString('hex')}`);
}

import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';

/**
 * Rows of a raw SQL query. node-postgres and PGlite both answer `{ rows }`; drizzle's shared
 * PostgreSQL type cannot say so, hence this one cast.
 */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The single row an INSERT … RETURNING (or a lookup that must succeed) produced. */
export function one<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected exactly one row, got none');
  return row;
}

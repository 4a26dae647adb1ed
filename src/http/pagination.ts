/**
 * Keyset (cursor) pagination. A cursor is the sort key of the last item returned, encoded as
 * base64url JSON: stable under concurrent inserts, unlike OFFSET, and cheap on large tables.
 */
import { isIsoDate } from '../domain/calendar/dates';
import { HttpProblem } from './problems';

export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

type MemberKind = 'uuid' | 'int' | 'string' | 'date';
type MemberValue<K extends MemberKind> = K extends 'int' ? number : string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECKS: Record<MemberKind, (v: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  int: (v) => Number.isSafeInteger(v),
  string: (v) => typeof v === 'string' && v.length <= 200,
  date: (v) => typeof v === 'string' && isIsoDate(v),
};

/**
 * Decodes a cursor and checks every member has the expected kind, so a tampered cursor is a 400
 * INVALID_CURSOR, never a database error.
 */
export function decodeCursor<S extends Record<string, MemberKind>>(
  cursor: string,
  shape: S,
): { [M in keyof S]: MemberValue<S[M]> } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (Object.entries(shape).every(([member, kind]) => CHECKS[kind](record[member]))) {
        return record as { [M in keyof S]: MemberValue<S[M]> };
      }
    }
  } catch {
    // fall through to the problem below
  }
  throw new HttpProblem('INVALID_CURSOR', 'Use the nextCursor value of a previous page unchanged', {
    errors: [{ in: 'querystring', pointer: '/cursor', message: 'not a cursor issued by this endpoint' }],
  });
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether another page
 * exists, and the cursor points after the last row returned.
 */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Record<string, string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/** Rows scanned per query, and at most per request, by scanPage(). */
export const SCAN_BATCH = 100;
export const SCAN_LIMIT = 1000;

/**
 * A page of rows matching a condition computed on read (e.g. `overdue` from clocks), in id order: reads
 * batches after `after` until `limit` rows match, the rows run out, or SCAN_LIMIT rows were scanned. When the
 * budget runs out first the page is short (possibly empty) and `nextCursor` points after the last row scanned,
 * so the caller can go on; it is null only when nothing is left.
 */
export async function scanPage<R extends { id: string }>(options: {
  fetch: (limit: number, afterId?: string) => Promise<R[]>;
  matches: (row: R) => boolean | Promise<boolean>;
  limit: number;
  after?: string;
}): Promise<{ rows: R[]; nextCursor: string | null }> {
  const { fetch, matches, limit } = options;
  const found: R[] = [];
  let cursor = options.after;
  let scanned = 0;
  let exhausted = false;
  while (found.length <= limit && !exhausted && scanned < SCAN_LIMIT) {
    const batch = await fetch(SCAN_BATCH, cursor);
    exhausted = batch.length < SCAN_BATCH;
    for (const row of batch) {
      scanned += 1;
      cursor = row.id;
      if (await matches(row)) found.push(row);
      if (found.length > limit) break;
    }
  }
  const rows = found.slice(0, limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    found.length > limit && last
      ? encodeCursor({ id: last.id })
      : !exhausted && cursor
        ? encodeCursor({ id: cursor })
        : null;
  return { rows, nextCursor };
}

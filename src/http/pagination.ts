/**
 * Keyset (cursor) pagination. A cursor is the sort key of the last item returned, encoded as
 * base64url JSON: stable under concurrent inserts, unlike OFFSET, and cheap on large tables.
 */
import { HttpProblem } from './problems';

export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor and checks it carries the expected string members; 400 INVALID_CURSOR otherwise. */
export function decodeCursor<K extends string>(cursor: string, members: readonly K[]): Record<K, string> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      value &&
      typeof value === 'object' &&
      members.every((m) => typeof (value as Record<string, unknown>)[m] === 'string')
    ) {
      return value as Record<K, string>;
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

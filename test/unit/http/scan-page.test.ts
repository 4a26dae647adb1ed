/**
 * scanPage(): a page of rows matching a condition computed on read, scanned in id order within a budget.
 */
import { decodeCursor, SCAN_BATCH, SCAN_LIMIT, scanPage } from '../../../src/http/pagination';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i).padStart(6, '0'), n: i }));
function source(all: { id: string; n: number }[]) {
  let queries = 0;
  return {
    fetch: async (limit: number, afterId?: string) => {
      queries += 1;
      return all.filter((r) => afterId === undefined || r.id > afterId).slice(0, limit);
    },
    queries: () => queries,
  };
}
const cursorId = (cursor: string | null) => (cursor ? decodeCursor(cursor, { id: 'string' }).id : null);

describe('scanPage', () => {
  it('returns the first `limit` matches and a cursor after the last one returned', async () => {
    const s = source(rows(500));
    const page = await scanPage({ fetch: s.fetch, matches: (r) => r.n % 3 === 0, limit: 5 });
    expect(page.rows.map((r) => r.n)).toEqual([0, 3, 6, 9, 12]);
    expect(cursorId(page.nextCursor)).toBe('000012');
    const next = await scanPage({ fetch: s.fetch, matches: (r) => r.n % 3 === 0, limit: 5, after: '000012' });
    expect(next.rows.map((r) => r.n)).toEqual([15, 18, 21, 24, 27]);
  });

  it('ends with no cursor when the rows run out', async () => {
    const page = await scanPage({ fetch: source(rows(150)).fetch, matches: (r) => r.n >= 148, limit: 5 });
    expect(page.rows.map((r) => r.n)).toEqual([148, 149]);
    expect(page.nextCursor).toBeNull();
  });

  it('stops at the scan budget with a short page and a cursor after the last row scanned', async () => {
    const s = source(rows(SCAN_LIMIT * 2));
    const page = await scanPage({ fetch: s.fetch, matches: (r) => r.n === SCAN_LIMIT + 5, limit: 5 });
    expect(page.rows).toEqual([]);
    expect(cursorId(page.nextCursor)).toBe(String(SCAN_LIMIT - 1).padStart(6, '0'));
    expect(s.queries()).toBe(SCAN_LIMIT / SCAN_BATCH);
    const next = await scanPage({
      fetch: s.fetch,
      matches: (r) => r.n === SCAN_LIMIT + 5,
      limit: 5,
      after: cursorId(page.nextCursor) as string,
    });
    expect(next.rows.map((r) => r.n)).toEqual([SCAN_LIMIT + 5]);
  });
});

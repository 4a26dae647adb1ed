import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { documentCounters, documentNumberFormats, documentNumbers } from './document-numbers.table';

export type FormatRow = typeof documentNumberFormats.$inferSelect;
export type DocumentNumberRow = typeof documentNumbers.$inferSelect;

export async function listFormats(ex: Executor, agencyId: string): Promise<FormatRow[]> {
  return ex.select().from(documentNumberFormats).where(eq(documentNumberFormats.agencyId, agencyId));
}

export async function findFormat(
  ex: Executor,
  agencyId: string,
  documentType: string,
): Promise<FormatRow | undefined> {
  const [row] = await ex
    .select()
    .from(documentNumberFormats)
    .where(
      and(eq(documentNumberFormats.agencyId, agencyId), eq(documentNumberFormats.documentType, documentType)),
    );
  return row;
}

export async function insertFormat(ex: Executor, values: typeof documentNumberFormats.$inferInsert) {
  const [row] = await ex.insert(documentNumberFormats).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateFormat(
  ex: Executor,
  agencyId: string,
  documentType: string,
  versions: number[],
  changes: { typeCode: string; template: string },
  now: Date,
): Promise<FormatRow | undefined> {
  const [row] = await ex
    .update(documentNumberFormats)
    .set({ ...changes, version: sql`${documentNumberFormats.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(documentNumberFormats.agencyId, agencyId),
        eq(documentNumberFormats.documentType, documentType),
        inArray(documentNumberFormats.version, versions),
      ),
    )
    .returning();
  return row;
}

/**
 * Takes the next serial. The upsert locks the counter row until the caller's transaction ends:
 * concurrent allocations for the same series queue behind it, and a rollback undoes the
 * increment, so serials are unique and gap-free.
 */
export async function nextSerial(
  ex: Executor,
  agencyId: string,
  documentType: string,
  year: number,
  now: Date,
) {
  const [row] = await ex
    .insert(documentCounters)
    .values({ agencyId, documentType, year, lastSerial: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [documentCounters.agencyId, documentCounters.documentType, documentCounters.year],
      set: { lastSerial: sql`${documentCounters.lastSerial} + 1`, updatedAt: now },
    })
    .returning({ lastSerial: documentCounters.lastSerial });
  if (!row) throw new Error('counter upsert returned no row');
  return row.lastSerial;
}

export async function numberTaken(ex: Executor, agencyId: string, number: string): Promise<boolean> {
  const [row] = await ex
    .select({ serial: documentNumbers.serial })
    .from(documentNumbers)
    .where(and(eq(documentNumbers.agencyId, agencyId), eq(documentNumbers.number, number)));
  return row !== undefined;
}

export async function insertDocumentNumber(ex: Executor, values: typeof documentNumbers.$inferInsert) {
  return one(await ex.insert(documentNumbers).values(values).returning());
}

export interface RegisterKey {
  documentType: string;
  year: number;
  serial: number;
}

export async function listDocumentNumbers(
  ex: Executor,
  agencyId: string,
  filter: { documentType?: string; year?: number },
  limit: number,
  after?: RegisterKey,
): Promise<DocumentNumberRow[]> {
  const t = documentNumbers;
  return ex
    .select()
    .from(t)
    .where(
      and(
        eq(t.agencyId, agencyId),
        filter.documentType ? eq(t.documentType, filter.documentType) : undefined,
        filter.year !== undefined ? eq(t.year, filter.year) : undefined,
        after
          ? sql`(${t.documentType}, ${t.year}, ${t.serial}) > (${after.documentType}, ${after.year}, ${after.serial})`
          : undefined,
      ),
    )
    .orderBy(asc(t.documentType), asc(t.year), asc(t.serial))
    .limit(limit + 1);
}

export async function listCounters(ex: Executor, agencyId: string, year?: number) {
  const t = documentCounters;
  return ex
    .select({ documentType: t.documentType, year: t.year, lastSerial: t.lastSerial })
    .from(t)
    .where(and(eq(t.agencyId, agencyId), year !== undefined ? eq(t.year, year) : undefined))
    .orderBy(asc(t.year), asc(t.documentType));
}

import { and, arrayContains, asc, count, eq, gt, gte, inArray, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { one } from '../../db/sql';
import { certificateStatusChanges, certificates, officers } from './officers.table';

export type OfficerRow = typeof officers.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
export type StatusChangeRow = typeof certificateStatusChanges.$inferSelect;

export interface OfficerFilter {
  employmentStatus?: OfficerRow['employmentStatus'];
  role?: string;
  unitId?: string;
}

export async function insertOfficer(ex: Executor, values: typeof officers.$inferInsert): Promise<OfficerRow> {
  return one(await ex.insert(officers).values(values).returning());
}

/** One officer of the agency; `lock` holds the row until the transaction ends. */
export async function findOfficer(
  ex: Executor,
  agencyId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OfficerRow | undefined> {
  const query = ex
    .select()
    .from(officers)
    .where(and(eq(officers.agencyId, agencyId), eq(officers.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function findOfficerByResidentId(ex: Executor, agencyId: string, residentId: string) {
  const [row] = await ex
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.agencyId, agencyId), eq(officers.residentId, residentId)));
  return row;
}

/** Keyset page ordered by id (UUIDv7, so creation order). */
export async function listOfficers(
  ex: Executor,
  agencyId: string,
  filter: OfficerFilter,
  limit: number,
  afterId?: string,
): Promise<OfficerRow[]> {
  return ex
    .select()
    .from(officers)
    .where(
      and(
        eq(officers.agencyId, agencyId),
        filter.employmentStatus ? eq(officers.employmentStatus, filter.employmentStatus) : undefined,
        filter.role ? arrayContains(officers.roles, [filter.role]) : undefined,
        filter.unitId ? eq(officers.unitId, filter.unitId) : undefined,
        afterId ? gt(officers.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(officers.id))
    .limit(limit + 1);
}

/** Every officer of the agency, for statistics: only what they need. */
export async function listOfficersForStats(ex: Executor, agencyId: string) {
  return ex
    .select({
      id: officers.id,
      roles: officers.roles,
      employmentStatus: officers.employmentStatus,
      leftOn: officers.leftOn,
    })
    .from(officers)
    .where(eq(officers.agencyId, agencyId));
}

/** Applies the change only when the stored version is one the caller saw; undefined otherwise. */
export async function updateOfficer(
  ex: Executor,
  agencyId: string,
  id: string,
  versions: number[],
  changes: Partial<
    Pick<
      OfficerRow,
      | 'name'
      | 'unitId'
      | 'roles'
      | 'legalQualification'
      | 'legalQualificationNumber'
      | 'residentId'
      | 'phone'
      | 'employmentStatus'
      | 'leftOn'
      | 'leftReason'
    >
  >,
  now: Date,
): Promise<OfficerRow | undefined> {
  const [row] = await ex
    .update(officers)
    .set({ ...changes, version: sql`${officers.version} + 1`, updatedAt: now })
    .where(and(eq(officers.agencyId, agencyId), eq(officers.id, id), inArray(officers.version, versions)))
    .returning();
  return row;
}

export async function insertCertificate(
  ex: Executor,
  values: typeof certificates.$inferInsert,
): Promise<CertificateRow> {
  return one(await ex.insert(certificates).values(values).returning());
}

/** One certificate of the officer; `lock` holds the row so status changes happen one at a time. */
export async function findCertificate(
  ex: Executor,
  agencyId: string,
  officerId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CertificateRow | undefined> {
  const query = ex
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.agencyId, agencyId),
        eq(certificates.officerId, officerId),
        eq(certificates.id, id),
      ),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function findCertificateByNumber(ex: Executor, agencyId: string, number: string) {
  const [row] = await ex
    .select({ id: certificates.id, officerId: certificates.officerId })
    .from(certificates)
    .where(and(eq(certificates.agencyId, agencyId), eq(certificates.number, number)));
  return row;
}

/** Certificates of some officers (or, without `officerIds`, of the whole agency), oldest first. */
export async function listCertificates(
  ex: Executor,
  agencyId: string,
  officerIds?: string[],
  options: { lock?: boolean } = {},
): Promise<CertificateRow[]> {
  if (officerIds && officerIds.length === 0) return [];
  const query = ex
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.agencyId, agencyId),
        officerIds ? inArray(certificates.officerId, officerIds) : undefined,
      ),
    )
    .orderBy(asc(certificates.id));
  return options.lock ? query.for('update') : query;
}

export async function setCertificateStatus(
  ex: Executor,
  agencyId: string,
  id: string,
  status: CertificateRow['status'],
  now: Date,
): Promise<CertificateRow> {
  const [row] = await ex
    .update(certificates)
    .set({ status, version: sql`${certificates.version} + 1`, updatedAt: now })
    .where(and(eq(certificates.agencyId, agencyId), eq(certificates.id, id)))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Status changes of some certificates (or the whole agency's), in recording order per certificate. */
export async function listStatusChanges(
  ex: Executor,
  agencyId: string,
  certificateIds?: string[],
): Promise<StatusChangeRow[]> {
  if (certificateIds && certificateIds.length === 0) return [];
  return ex
    .select()
    .from(certificateStatusChanges)
    .where(
      and(
        eq(certificateStatusChanges.agencyId, agencyId),
        certificateIds ? inArray(certificateStatusChanges.certificateId, certificateIds) : undefined,
      ),
    )
    .orderBy(asc(certificateStatusChanges.certificateId), asc(certificateStatusChanges.seq));
}

/** Appends a status change as the certificate's next seq (callers hold the certificate's row lock). */
export async function appendStatusChange(
  ex: Executor,
  values: Omit<typeof certificateStatusChanges.$inferInsert, 'seq'>,
): Promise<StatusChangeRow> {
  const [last] = await ex
    .select({ seq: max(certificateStatusChanges.seq) })
    .from(certificateStatusChanges)
    .where(
      and(
        eq(certificateStatusChanges.agencyId, values.agencyId),
        eq(certificateStatusChanges.certificateId, values.certificateId),
      ),
    );
  const [row] = await ex
    .insert(certificateStatusChanges)
    .values({ ...values, seq: (last?.seq ?? 0) + 1 })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Cancellations (注销) taking effect between two dates, both included. */
export async function countCancellations(ex: Executor, agencyId: string, from: string, to: string) {
  const [row] = await ex
    .select({ n: count() })
    .from(certificateStatusChanges)
    .where(
      and(
        eq(certificateStatusChanges.agencyId, agencyId),
        eq(certificateStatusChanges.status, 'cancelled'),
        gte(certificateStatusChanges.effectiveOn, from),
        lte(certificateStatusChanges.effectiveOn, to),
      ),
    );
  return row?.n ?? 0;
}

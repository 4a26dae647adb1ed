/**
 * Officers (执法人员) and their enforcement certificates (行政执法证): who may act for the bureau, and
 * whether a certificate backed them on a given date. Every query is scoped to the caller's agency.
 */
import type { Executor } from '../../db/client';
import type { Role } from '../../domain/access/roles';
import { changedFields } from '../../domain/audit/hash-chain';
import { addDays, chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import { maskResidentId, normalizeResidentId } from '../../domain/identifiers';
import {
  type CertificateTransitionName as CertificateActionName,
  type CertificateStatusChange,
  certificateStatusOn,
  certificateTransition,
  certificateValidOn as certificateValidity,
  type Employment,
  employedOn,
  officerCertificateValidOn,
} from '../../domain/officers/certificate-validity';
import { staleVersion } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { HttpProblem, notFound } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { Principal } from '../../plugins/auth';
import type { WriteContext } from '../../plugins/writes';
import { findUnit } from '../agencies/agencies.repository';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as repo from './officers.repository';
import type {
  Certificate,
  CertificateAction,
  CertificateIssue,
  CertificateValidity,
  Departure,
  Officer,
  OfficerCreate,
  OfficerStats,
  OfficerUpdate,
} from './officers.schemas';

/** A certificate row with its dated status history. */
interface CertificateWithHistory {
  row: repo.CertificateRow;
  changes: repo.StatusChangeRow[];
}

// ---------------------------------------------------------------------------------------------------
// Personal data

/** Phone numbers as 139****5678: enough to recognise, not to call. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

const PERSONAL_FIELDS = ['residentId', 'phone'] as const;
const MASKS: Record<(typeof PERSONAL_FIELDS)[number], (value: string) => string> = {
  residentId: maskResidentId,
  phone: maskPhone,
};

/** What the audit trail records of an officer; personal data is compared raw but stored masked. */
function auditView(row: repo.OfficerRow): Record<string, unknown> {
  return {
    name: row.name,
    unitId: row.unitId,
    roles: row.roles,
    employmentStatus: row.employmentStatus,
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    legalQualification: row.legalQualification,
    legalQualificationNumber: row.legalQualificationNumber,
    residentId: row.residentId,
    phone: row.phone,
  };
}

function officerChanges(before: repo.OfficerRow | null, after: repo.OfficerRow) {
  const changes = changedFields(before ? auditView(before) : null, auditView(after));
  for (const field of PERSONAL_FIELDS) {
    const change = changes[field];
    if (!change) continue;
    const mask = (value: unknown) => (typeof value === 'string' ? MASKS[field](value) : value);
    changes[field] = { before: mask(change.before), after: mask(change.after) };
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------------
// Representations

/** A write's "today": the request's instant as a China civil date. */
const chinaToday = (ctx: WriteContext): IsoDate => chinaDate(ctx.now);

const employmentOf = (row: Pick<repo.OfficerRow, 'employmentStatus' | 'leftOn'>): Employment => ({
  status: row.employmentStatus,
  leftOn: row.leftOn,
});

const statusChangesOf = (changes: repo.StatusChangeRow[]): CertificateStatusChange[] =>
  changes.map((c) => ({ seq: c.seq, status: c.status, effectiveOn: c.effectiveOn }));

function toCertificate(cert: CertificateWithHistory, employment: Employment, today: IsoDate): Certificate {
  const { row, changes } = cert;
  const validity = certificateValidity(row, statusChangesOf(changes), employment, today);
  return {
    id: row.id,
    officerId: row.officerId,
    number: row.number,
    issuingAuthority: row.issuingAuthority,
    validFrom: row.validFrom,
    validTo: row.validTo,
    status: row.status,
    statusHistory: changes.map((c) => ({
      seq: c.seq,
      status: c.status,
      effectiveOn: c.effectiveOn,
      reason: c.reason,
      recordedAt: c.createdAt.toISOString(),
    })),
    validity: { date: today, ...validity },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toOfficer(
  row: repo.OfficerRow,
  certs: CertificateWithHistory[],
  today: IsoDate,
  options: { unmask?: boolean } = {},
): Officer {
  const show = (field: (typeof PERSONAL_FIELDS)[number]) => {
    const value = row[field];
    return value === null || options.unmask ? value : MASKS[field](value);
  };
  // The most recently issued certificate is the current one (ids are UUIDv7: creation order).
  const current = certs[certs.length - 1];
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    unitId: row.unitId,
    roles: row.roles as Role[],
    employmentStatus: row.employmentStatus,
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    legalQualification: { held: row.legalQualification, number: row.legalQualificationNumber },
    residentId: show('residentId'),
    phone: show('phone'),
    personalDataMasked: !options.unmask,
    certificate: current ? toCertificate(current, employmentOf(row), today) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The certificates of some officers with their histories, grouped by officer, oldest first. */
async function certificatesOf(
  ex: Executor,
  agencyId: string,
  officerIds?: string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, CertificateWithHistory[]>> {
  const rows = await repo.listCertificates(ex, agencyId, officerIds, options);
  const changes = await repo.listStatusChanges(ex, agencyId, officerIds ? rows.map((r) => r.id) : undefined);
  const byOfficer = new Map<string, CertificateWithHistory[]>();
  for (const row of rows) {
    const list = byOfficer.get(row.officerId) ?? [];
    list.push({ row, changes: changes.filter((c) => c.certificateId === row.id) });
    byOfficer.set(row.officerId, list);
  }
  return byOfficer;
}

// ---------------------------------------------------------------------------------------------------
// Guards

function invalid(pointer: string, message: string): HttpProblem {
  return new HttpProblem('VALIDATION_FAILED', `body${pointer} ${message}`, {
    errors: [{ in: 'body', pointer, message }],
  });
}

function unprocessable(reason: string, detail: string, extensions: Record<string, unknown> = {}) {
  return new HttpProblem('UNPROCESSABLE', detail, { extensions: { reason, ...extensions } });
}

function requireActive(row: repo.OfficerRow): void {
  if (row.employmentStatus !== 'active') {
    throw unprocessable(
      'OFFICER_NOT_ACTIVE',
      `The officer is ${row.employmentStatus} since ${row.leftOn}; their record can no longer change`,
    );
  }
}

/** Platform operators are made by platform operators only: a bureau admin cannot grant system_admin. */
function requireMayAssign(
  actor: Principal,
  before: readonly string[],
  after: readonly string[],
  officerId?: string,
): void {
  // Four eyes: nobody changes their own roles (an administrator could otherwise make itself an auditor).
  const sameRoles = before.length === after.length && before.every((r) => after.includes(r));
  if (officerId === actor.id && !sameRoles) {
    throw new HttpProblem('FORBIDDEN', 'You cannot change your own roles; another administrator must', {
      extensions: { operation: 'officers.write' },
    });
  }
  const changes = before.includes('system_admin') !== after.includes('system_admin');
  const isSystemAdmin = actor.kind === 'officer' && actor.roles.includes('system_admin');
  if (changes && !isSystemAdmin) {
    throw new HttpProblem('FORBIDDEN', 'Only a system_admin may grant or remove the system_admin role', {
      extensions: { operation: 'officers.write' },
    });
  }
}

async function requireUnit(ex: Executor, agencyId: string, unitId: string): Promise<void> {
  const unit = await findUnit(ex, agencyId, unitId);
  if (!unit) throw invalid('/unitId', 'is not a unit of your agency');
  if (unit.status !== 'active') throw invalid('/unitId', `names a unit dissolved on ${unit.dissolvedOn}`);
}

async function requireUniqueResidentId(ex: Executor, agencyId: string, residentId: string, self?: string) {
  const other = await repo.findOfficerByResidentId(ex, agencyId, residentId);
  if (other && other.id !== self) {
    throw new HttpProblem('DUPLICATE', 'Another officer of your agency has this resident ID number', {
      errors: [{ in: 'body', pointer: '/residentId', message: 'is already recorded for another officer' }],
    });
  }
}

function legalQualificationOf(input: { held: boolean; number?: string }) {
  if (!input.held && input.number !== undefined) {
    throw invalid('/legalQualification/number', 'must be absent unless the qualification is held');
  }
  return {
    legalQualification: input.held,
    legalQualificationNumber: input.held ? (input.number ?? null) : null,
  };
}

/** Status changes are dated in order: a change cannot take effect before the last one recorded. */
function requireInOrder(cert: CertificateWithHistory, effectiveOn: IsoDate): void {
  const last = cert.changes[cert.changes.length - 1];
  if (last && effectiveOn < last.effectiveOn) {
    throw unprocessable(
      'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
      `Certificate ${cert.row.number} was last changed (${last.status}) with effect from ${last.effectiveOn}; ` +
        `a later change cannot take effect before that`,
      { lastEffectiveOn: last.effectiveOn },
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Certificates inside a write

async function recordIssue(
  ctx: WriteContext,
  agencyId: string,
  officerId: string,
  input: CertificateIssue,
  pointer: string,
): Promise<void> {
  if (input.validTo < input.validFrom) throw invalid(`${pointer}/validTo`, 'must not be before validFrom');
  if (await repo.findCertificateByNumber(ctx.tx, agencyId, input.number)) {
    throw new HttpProblem(
      'DUPLICATE',
      `Certificate number ${input.number} is already recorded in your agency`,
      {
        errors: [{ in: 'body', pointer: `${pointer}/number`, message: 'is already recorded' }],
      },
    );
  }
  const row = await repo.insertCertificate(ctx.tx, {
    agencyId,
    officerId,
    number: input.number,
    issuingAuthority: input.issuingAuthority,
    validFrom: input.validFrom,
    validTo: input.validTo,
    status: 'active',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  // The history starts with the term, so "valid on D" never depends on when the record was typed in.
  await repo.appendStatusChange(ctx.tx, {
    agencyId,
    certificateId: row.id,
    status: 'active',
    effectiveOn: input.validFrom,
    reason: 'issued',
    createdAt: ctx.now,
  });
  ctx.audit({
    action: 'certificate.issued',
    entityType: 'certificate',
    entityId: row.id,
    changes: changedFields(null, {
      officerId,
      number: row.number,
      issuingAuthority: row.issuingAuthority,
      validFrom: row.validFrom,
      validTo: row.validTo,
      status: row.status,
    }),
  });
}

const ACTION_EVENTS: Record<CertificateActionName, string> = {
  suspend: 'certificate.suspended',
  reinstate: 'certificate.reinstated',
  cancel: 'certificate.cancelled',
  supersede: 'certificate.superseded',
};

/** Moves a (locked) certificate to its next status and records the dated change and its audit event. */
async function recordStatusChange(
  ctx: WriteContext,
  cert: CertificateWithHistory,
  action: CertificateActionName,
  effectiveOn: IsoDate,
  reason: string,
): Promise<CertificateWithHistory> {
  const next = certificateTransition(cert.row.status, action);
  if (!next) {
    throw unprocessable(
      'ILLEGAL_CERTIFICATE_TRANSITION',
      `Certificate ${cert.row.number} is ${cert.row.status}; it cannot be ${ACTION_EVENTS[action].split('.')[1]}`,
      { status: cert.row.status, action },
    );
  }
  requireInOrder(cert, effectiveOn);
  const { agencyId, id } = cert.row;
  const change = await repo.appendStatusChange(ctx.tx, {
    agencyId,
    certificateId: id,
    status: next,
    effectiveOn,
    reason,
    createdAt: ctx.now,
  });
  const row = await repo.setCertificateStatus(ctx.tx, agencyId, id, next, ctx.now);
  const last = cert.changes[cert.changes.length - 1];
  ctx.audit({
    action: ACTION_EVENTS[action],
    entityType: 'certificate',
    entityId: id,
    changes: changedFields(
      { status: cert.row.status, statusEffectiveOn: last?.effectiveOn, statusReason: last?.reason },
      { status: next, statusEffectiveOn: effectiveOn, statusReason: reason },
    ),
  });
  return { row, changes: [...cert.changes, change] };
}

// ---------------------------------------------------------------------------------------------------
// Officers

export async function createOfficer(ctx: WriteContext, input: OfficerCreate): Promise<Officer> {
  const agencyId = ctx.actor.agencyId;
  requireMayAssign(ctx.actor, [], input.roles);
  if (input.unitId !== undefined) await requireUnit(ctx.tx, agencyId, input.unitId);
  const qualification = legalQualificationOf(input.legalQualification);
  const residentId = input.residentId === undefined ? null : normalizeResidentId(input.residentId);
  if (residentId) await requireUniqueResidentId(ctx.tx, agencyId, residentId);
  const row = await repo.insertOfficer(ctx.tx, {
    agencyId,
    name: input.name.trim(),
    unitId: input.unitId ?? null,
    roles: input.roles,
    ...qualification,
    residentId,
    phone: input.phone ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  ctx.audit({
    action: 'officer.created',
    entityType: 'officer',
    entityId: row.id,
    changes: officerChanges(null, row),
  });
  if (input.certificate) await recordIssue(ctx, agencyId, row.id, input.certificate, '/certificate');
  const certs = await certificatesOf(ctx.tx, agencyId, [row.id]);
  return toOfficer(row, certs.get(row.id) ?? [], chinaToday(ctx));
}

async function requireOfficer(ex: Executor, agencyId: string, id: string, options: { lock?: boolean } = {}) {
  const row = await repo.findOfficer(ex, agencyId, id, options);
  if (!row) throw notFound('Officer', id);
  return row;
}

export async function getOfficer(
  ex: Executor,
  agencyId: string,
  id: string,
  today: IsoDate,
  options: { unmask?: boolean } = {},
): Promise<Officer> {
  const row = await requireOfficer(ex, agencyId, id);
  const certs = await certificatesOf(ex, agencyId, [id]);
  return toOfficer(row, certs.get(id) ?? [], today, options);
}

/**
 * Reads an officer with resident ID and phone in full. The caller checked the permission
 * (personal_data.unmask); the read itself is audited, in the chain like any write.
 */
export async function getOfficerUnmasked(ctx: WriteContext, id: string): Promise<Officer> {
  const officer = await getOfficer(ctx.tx, ctx.actor.agencyId, id, chinaToday(ctx), { unmask: true });
  ctx.audit({
    action: 'personal_data.read',
    entityType: 'officer',
    entityId: id,
    changes: { fields: [...PERSONAL_FIELDS] },
  });
  return officer;
}

export async function listOfficers(
  ex: Executor,
  agencyId: string,
  query: { limit?: number; cursor?: string } & repo.OfficerFilter,
  today: IsoDate,
) {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
  const filter: repo.OfficerFilter = {
    ...(query.employmentStatus ? { employmentStatus: query.employmentStatus } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.unitId ? { unitId: query.unitId } : {}),
  };
  const rows = await repo.listOfficers(ex, agencyId, filter, limit, after);
  const page = toPage(rows, limit, (row) => ({ id: row.id }));
  const certs = await certificatesOf(
    ex,
    agencyId,
    page.items.map((r) => r.id),
  );
  return {
    items: page.items.map((row) => toOfficer(row, certs.get(row.id) ?? [], today)),
    nextCursor: page.nextCursor,
  };
}

export async function updateOfficer(
  ctx: WriteContext,
  id: string,
  versions: number[],
  input: OfficerUpdate,
): Promise<Officer> {
  const agencyId = ctx.actor.agencyId;
  const current = await requireOfficer(ctx.tx, agencyId, id);
  if (!versions.includes(current.version)) throw staleVersion(current.version);
  requireActive(current);
  if (input.roles) requireMayAssign(ctx.actor, current.roles, input.roles, id);
  if (input.unitId) await requireUnit(ctx.tx, agencyId, input.unitId);
  let residentId: string | null | undefined = input.residentId;
  if (residentId) {
    residentId = normalizeResidentId(residentId);
    await requireUniqueResidentId(ctx.tx, agencyId, residentId, id);
  }
  const row = await repo.updateOfficer(
    ctx.tx,
    agencyId,
    id,
    versions,
    {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      ...(input.roles !== undefined ? { roles: input.roles } : {}),
      ...(input.legalQualification !== undefined ? legalQualificationOf(input.legalQualification) : {}),
      ...(residentId !== undefined ? { residentId } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
    },
    ctx.now,
  );
  // The version moved between our read and the update: someone else committed first.
  if (!row) throw staleVersion(current.version + 1);
  ctx.audit({
    action: 'officer.updated',
    entityType: 'officer',
    entityId: id,
    changes: officerChanges(current, row),
  });
  const certs = await certificatesOf(ctx.tx, agencyId, [id]);
  return toOfficer(row, certs.get(id) ?? [], chinaToday(ctx));
}

/**
 * Retirement (退休) or transfer (调离): the officer leaves on effectiveOn and, in the same transaction,
 * every certificate not yet cancelled is cancelled (注销) from that day (RULES.md §11), so no act dated
 * on or after it can be backed by them. Acts before it stay valid.
 */
export async function departOfficer(
  ctx: WriteContext,
  id: string,
  versions: number[],
  kind: 'retired' | 'transferred',
  input: Departure,
): Promise<Officer> {
  const agencyId = ctx.actor.agencyId;
  const current = await requireOfficer(ctx.tx, agencyId, id, { lock: true });
  if (!versions.includes(current.version)) throw staleVersion(current.version);
  requireActive(current);
  // A departure is recorded when it happens: a future date would lock the officer out at once while
  // the record still counted them as serving until then.
  if (input.effectiveOn > chinaToday(ctx)) {
    throw unprocessable(
      'EFFECTIVE_DATE_IN_FUTURE',
      `A departure is recorded on or after its date (${input.effectiveOn})`,
      {
        effectiveOn: input.effectiveOn,
      },
    );
  }
  const reason = input.reason.trim();
  const cancellation = `${kind}: ${reason}`;
  const certs = (await certificatesOf(ctx.tx, agencyId, [id], { lock: true })).get(id) ?? [];
  // Every certificate still held (active or suspended) is cancelled; cancelled and superseded ones are closed
  // already. A departure never fails on a certificate's own dates: the cancellation takes effect on the
  // departure date, or on the certificate's last recorded change if that is later (e.g. one not yet in force).
  for (const cert of certs.filter((c) => c.row.status === 'active' || c.row.status === 'suspended')) {
    const last = cert.changes[cert.changes.length - 1]?.effectiveOn;
    const effectiveOn = last && last > input.effectiveOn ? last : input.effectiveOn;
    await recordStatusChange(ctx, cert, 'cancel', effectiveOn, cancellation);
  }
  const row = await repo.updateOfficer(
    ctx.tx,
    agencyId,
    id,
    versions,
    { employmentStatus: kind, leftOn: input.effectiveOn, leftReason: reason },
    ctx.now,
  );
  if (!row) throw staleVersion(current.version + 1);
  ctx.audit({
    action: kind === 'retired' ? 'officer.retired' : 'officer.transferred',
    entityType: 'officer',
    entityId: id,
    changes: officerChanges(current, row),
  });
  const after = await certificatesOf(ctx.tx, agencyId, [id]);
  return toOfficer(row, after.get(id) ?? [], chinaToday(ctx));
}

// ---------------------------------------------------------------------------------------------------
// Certificates

export async function getCertificate(
  ex: Executor,
  agencyId: string,
  officerId: string,
  certificateId: string,
  today: IsoDate,
): Promise<Certificate> {
  const officer = await requireOfficer(ex, agencyId, officerId);
  const cert = (await certificatesOf(ex, agencyId, [officerId]))
    .get(officerId)
    ?.find((c) => c.row.id === certificateId);
  if (!cert) throw notFound('Certificate', certificateId);
  return toCertificate(cert, employmentOf(officer), today);
}

/**
 * Issues (or renews) an officer's certificate. One certificate backs an officer at a time: one still
 * in force (active or suspended, not expired) must be cancelled first; an expired one is closed
 * (superseded from the day after its term: not a cancellation, 注销) as the new one is recorded.
 */
export async function issueCertificate(ctx: WriteContext, officerId: string, input: CertificateIssue) {
  const agencyId = ctx.actor.agencyId;
  const officer = await requireOfficer(ctx.tx, agencyId, officerId, { lock: true });
  requireActive(officer);
  const today = chinaToday(ctx);
  const held = (await certificatesOf(ctx.tx, agencyId, [officerId], { lock: true })).get(officerId) ?? [];
  for (const cert of held.filter((c) => c.row.status !== 'cancelled')) {
    if (cert.row.validTo >= today) {
      throw new HttpProblem(
        'CONFLICT',
        `Certificate ${cert.row.number} is ${cert.row.status} until ${cert.row.validTo}; cancel it ` +
          `(POST …/certificates/${cert.row.id}/actions/cancel) or wait until it expires before issuing another`,
        { extensions: { certificateId: cert.row.id } },
      );
    }
  }
  for (const cert of held.filter((c) => c.row.status !== 'cancelled')) {
    const last = cert.changes[cert.changes.length - 1]?.effectiveOn ?? cert.row.validFrom;
    // From the day after its term, or (if something was recorded later still) from the last change.
    const dayAfter = addDays(cert.row.validTo, 1);
    await recordStatusChange(
      ctx,
      cert,
      'supersede',
      [dayAfter, last].sort().at(-1) ?? dayAfter,
      `expired on ${cert.row.validTo}; superseded by ${input.number}`,
    );
  }
  await recordIssue(ctx, agencyId, officerId, input, '');
  const certs = (await certificatesOf(ctx.tx, agencyId, [officerId])).get(officerId) ?? [];
  const issued = certs[certs.length - 1];
  if (!issued) throw new Error('issued certificate not found');
  return toCertificate(issued, employmentOf(officer), today);
}

/** Suspends (暂扣), reinstates or cancels (注销) a certificate with effect from a date. */
export async function changeCertificateStatus(
  ctx: WriteContext,
  officerId: string,
  certificateId: string,
  action: CertificateActionName,
  input: CertificateAction,
  versions?: number[],
): Promise<Certificate> {
  const agencyId = ctx.actor.agencyId;
  const officer = await requireOfficer(ctx.tx, agencyId, officerId);
  const row = await repo.findCertificate(ctx.tx, agencyId, officerId, certificateId, { lock: true });
  if (!row) throw notFound('Certificate', certificateId);
  if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
  const changes = await repo.listStatusChanges(ctx.tx, agencyId, [row.id]);
  const changed = await recordStatusChange(
    ctx,
    { row, changes },
    action,
    input.effectiveOn,
    input.reason.trim(),
  );
  return toCertificate(changed, employmentOf(officer), chinaToday(ctx));
}

// ---------------------------------------------------------------------------------------------------
// The check other modules call

function validityOf(
  officer: Pick<repo.OfficerRow, 'id' | 'employmentStatus' | 'leftOn'>,
  certs: CertificateWithHistory[],
  date: IsoDate,
): CertificateValidity {
  const records = certs.map((c) => ({
    ...c,
    validFrom: c.row.validFrom,
    validTo: c.row.validTo,
    statusChanges: statusChangesOf(c.changes),
  }));
  const result = officerCertificateValidOn(records, employmentOf(officer), date);
  const cert = result.certificate;
  return {
    officerId: officer.id,
    date,
    valid: result.valid,
    reason: result.reason,
    certificate: cert
      ? {
          id: cert.row.id,
          number: cert.row.number,
          issuingAuthority: cert.row.issuingAuthority,
          validFrom: cert.row.validFrom,
          validTo: cert.row.validTo,
          status: cert.row.status,
          statusOnDate: certificateStatusOn(cert.statusChanges, date),
        }
      : null,
  };
}

/**
 * Whether each officer held a certificate that backs an enforcement act on `date` (APL art. 42, 55),
 * in the order given. An id that is not an officer of the agency throws a 404 problem.
 */
export async function certificatesValidOn(
  ex: Executor,
  agencyId: string,
  officerIds: readonly string[],
  date: IsoDate,
): Promise<CertificateValidity[]> {
  const ids = [...new Set(officerIds)];
  const certs = await certificatesOf(ex, agencyId, ids);
  const results = new Map<string, CertificateValidity>();
  for (const id of ids) {
    const officer = await requireOfficer(ex, agencyId, id);
    results.set(id, validityOf(officer, certs.get(id) ?? [], date));
  }
  return officerIds.map((id) => results.get(id) as CertificateValidity);
}

/**
 * Whether the officer held a certificate that backs an enforcement act on `date`: the one check later
 * modules call (cases need at least two officers valid on the act's date). 404 problem for an id that
 * is not an officer of the agency.
 */
export async function certificateValidOn(
  ex: Executor,
  agencyId: string,
  officerId: string,
  date: IsoDate,
): Promise<CertificateValidity> {
  const [result] = await certificatesValidOn(ex, agencyId, [officerId], date);
  if (!result) throw notFound('Officer', officerId);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Statistics

/**
 * Officer statistics on a date: who may act, the legal-reviewer ratio against the configured minimum
 * (RULES.md §11: 5 % of enforcement staff by default), and the year's certificate cancellations.
 */
export async function officerStats(ex: Executor, agencyId: string, date: IsoDate): Promise<OfficerStats> {
  const officers = await repo.listOfficersForStats(ex, agencyId);
  const certs = await certificatesOf(ex, agencyId);
  const active = officers.filter((o) => employedOn(employmentOf(o), date));
  const withValidCertificate = active.filter((o) => validityOf(o, certs.get(o.id) ?? [], date).valid).length;
  const legalReviewers = active.filter((o) => o.roles.includes('legal_reviewer')).length;
  const ratio = withValidCertificate === 0 ? null : legalReviewers / withValidCertificate;
  const minimum = await ruleSetting(ex, agencyId, 'officers.min_legal_reviewer_ratio', date);
  const year = yearOf(date);
  return {
    date,
    activeOfficers: active.length,
    officersWithValidCertificate: withValidCertificate,
    legalReviewers,
    legalReviewerRatio: ratio,
    minimumRatio: minimum.value,
    minimumRatioBasis: minimum.basis,
    minimumRatioEffectiveFrom: minimum.effectiveFrom,
    belowMinimum: ratio !== null && ratio < minimum.value,
    year,
    certificatesCancelled: await repo.countCancellations(ex, agencyId, `${year}-01-01`, `${year}-12-31`),
  };
}

/** Whether the officer is active and holds the role now (e.g. a bureau head approving a step). */
export async function activeOfficerHasRole(
  ex: Executor,
  agencyId: string,
  officerId: unknown,
  role: Role,
): Promise<boolean> {
  if (typeof officerId !== 'string') return false;
  const officer = await repo.findOfficer(ex, agencyId, officerId);
  return officer?.employmentStatus === 'active' && officer.roles.includes(role);
}

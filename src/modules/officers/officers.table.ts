import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import { agencies, units } from '../agencies/agencies.table';

export const EMPLOYMENT_STATUSES = ['active', 'retired', 'transferred'] as const;
/** `superseded`: expired and replaced by a renewal (not a cancellation, 注销, which is a decision). */
export const CERTIFICATE_STATUSES = ['active', 'suspended', 'cancelled', 'superseded'] as const;

/** An enforcement officer (执法人员) or other staff member who uses Fazhi. */
export const officers = pgTable(
  'officers',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    unitId: uuid('unit_id'),
    /** Roles (see src/domain/access/roles.ts). */
    roles: text('roles').array().notNull(),
    employmentStatus: text('employment_status', { enum: EMPLOYMENT_STATUSES }).notNull().default('active'),
    /** The date of retirement or transfer. */
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    /** Holds the national legal professional qualification (法律职业资格). */
    legalQualification: boolean('legal_qualification').notNull().default(false),
    legalQualificationNumber: text('legal_qualification_number'),
    /** Personal data: masked in responses unless the caller may unmask (audited). */
    residentId: text('resident_id'),
    phone: text('phone'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'officers_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({ name: 'officers_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
    foreignKey({
      name: 'officers_unit_fk',
      columns: [t.agencyId, t.unitId],
      foreignColumns: [units.agencyId, units.id],
    }),
    uniqueIndex('officers_agency_resident_id_key').on(t.agencyId, t.residentId),
    // A token may name only the officer (ids are UUIDs): find it without the agency.
    index('officers_id_idx').on(t.id),
    check('officers_left_check', sql`(${t.employmentStatus} = 'active') = (${t.leftOn} is null)`),
  ],
);

/** An enforcement certificate (行政执法证). An officer may hold several over time, one active at once. */
export const certificates = pgTable(
  'certificates',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    officerId: uuid('officer_id').notNull(),
    number: text('number').notNull(),
    issuingAuthority: text('issuing_authority').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    /** Current status; the dated history is in certificate_status_changes. */
    status: text('status', { enum: CERTIFICATE_STATUSES }).notNull().default('active'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'certificates_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'certificates_officer_fk',
      columns: [t.agencyId, t.officerId],
      foreignColumns: [officers.agencyId, officers.id],
    }),
    uniqueIndex('certificates_agency_number_key').on(t.agencyId, t.number),
    // At most one active certificate per officer.
    uniqueIndex('certificates_one_active_per_officer')
      .on(t.agencyId, t.officerId)
      .where(sql`status = 'active'`),
    check('certificates_validity_check', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);

/**
 * Dated status changes of a certificate (suspended 暂扣, reinstated, cancelled 注销), so "was it
 * valid on date D?" can be answered for any past date.
 */
export const certificateStatusChanges = pgTable(
  'certificate_status_changes',
  {
    agencyId: agencyIdColumn(),
    certificateId: uuid('certificate_id').notNull(),
    seq: integer('seq').notNull(),
    status: text('status', { enum: CERTIFICATE_STATUSES }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'certificate_status_changes_pkey', columns: [t.agencyId, t.certificateId, t.seq] }),
    foreignKey({
      name: 'certificate_status_changes_certificate_fk',
      columns: [t.agencyId, t.certificateId],
      foreignColumns: [certificates.agencyId, certificates.id],
    }),
  ],
);

import { date, foreignKey, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, updatedAtColumn, versionColumn } from '../../db/columns';
import { agencies } from '../agencies/agencies.table';

/** A per-agency override of a document type's number format; absent rows mean the defaults. */
export const documentNumberFormats = pgTable(
  'document_number_formats',
  {
    agencyId: agencyIdColumn(),
    documentType: text('document_type').notNull(),
    typeCode: text('type_code').notNull(),
    template: text('template').notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'document_number_formats_pkey', columns: [t.agencyId, t.documentType] }),
    foreignKey({
      name: 'document_number_formats_agency_fk',
      columns: [t.agencyId],
      foreignColumns: [agencies.id],
    }),
  ],
);

/**
 * The last serial issued per agency, document type and year. Incremented inside the caller's
 * transaction with a row lock, so concurrent allocations queue and a rollback returns the number.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    agencyId: agencyIdColumn(),
    documentType: text('document_type').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'document_counters_pkey', columns: [t.agencyId, t.documentType, t.year] }),
    foreignKey({ name: 'document_counters_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
  ],
);

/** The register of issued numbers (发文登记): one row per number, so gaps are checkable. */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    agencyId: agencyIdColumn(),
    documentType: text('document_type').notNull(),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** What the number was issued for, e.g. a case reference or a description. */
    purpose: text('purpose').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'document_numbers_pkey', columns: [t.agencyId, t.documentType, t.year, t.serial] }),
    unique('document_numbers_agency_number_key').on(t.agencyId, t.number),
    foreignKey({ name: 'document_numbers_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
  ],
);

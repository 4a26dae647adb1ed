import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyIdColumn, createdAtColumn, idColumn } from '../../db/columns';
import type { ChangeType } from '../../domain/power-list/categories';
import { agencies } from '../agencies/agencies.table';
import type { PowerItemData } from './power-item.schemas';

/** A power-list item's identity: its code never changes; its content lives in versions. */
export const powerItems = pgTable(
  'power_items',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    code: text('code').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'power_items_pkey', columns: [t.agencyId, t.id] }),
    unique('power_items_agency_code_key').on(t.agencyId, t.code),
    foreignKey({ name: 'power_items_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
  ],
);

/** A dynamic adjustment (动态调整): one decision that changes the list from a date on. */
export const powerListAdjustments = pgTable(
  'power_list_adjustments',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    /** The date the changes take effect. */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    trigger: text('trigger').notNull(),
    documentNumber: text('document_number').notNull(),
    approvedBy: text('approved_by').notNull(),
    /** The laws and regulations that prompted it (e.g. a revised law). */
    laws: text('laws').array().notNull(),
    summary: text('summary'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'power_list_adjustments_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({
      name: 'power_list_adjustments_agency_fk',
      columns: [t.agencyId],
      foreignColumns: [agencies.id],
    }),
    index('power_list_adjustments_effective_idx').on(t.agencyId, t.effectiveOn),
  ],
);

/**
 * A version of an item, in force from validFrom until validTo (exclusive; null = open). The list
 * as of a date is the versions whose interval contains it, so any past state can be answered.
 */
export const powerItemVersions = pgTable(
  'power_item_versions',
  {
    agencyId: agencyIdColumn(),
    itemId: uuid('item_id').notNull(),
    versionNo: integer('version_no').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    status: text('status', { enum: ['in_force', 'cancelled'] }).notNull(),
    changeType: text('change_type').$type<ChangeType>().notNull(),
    adjustmentId: uuid('adjustment_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    data: jsonb('data').$type<PowerItemData>().notNull(),
    /** Name, sub-items and legal bases in one text, for Chinese substring search (pg_trgm). */
    searchText: text('search_text').notNull(),
    laws: text('laws').array().notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    /** For delegate / take-over: to whom or from whom. */
    counterpart: text('counterpart'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'power_item_versions_pkey', columns: [t.agencyId, t.itemId, t.versionNo] }),
    foreignKey({
      name: 'power_item_versions_item_fk',
      columns: [t.agencyId, t.itemId],
      foreignColumns: [powerItems.agencyId, powerItems.id],
    }),
    foreignKey({
      name: 'power_item_versions_adjustment_fk',
      columns: [t.agencyId, t.adjustmentId],
      foreignColumns: [powerListAdjustments.agencyId, powerListAdjustments.id],
    }),
    check('power_item_versions_interval', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    index('power_item_versions_as_of_idx').on(t.agencyId, t.validFrom, t.validTo),
    index('power_item_versions_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('power_item_versions_laws_idx').using('gin', t.laws),
    index('power_item_versions_units_idx').using('gin', t.unitIds),
  ],
);

/** Each change of an adjustment, with the item before and after it. */
export const powerListChanges = pgTable(
  'power_list_changes',
  {
    agencyId: agencyIdColumn(),
    adjustmentId: uuid('adjustment_id').notNull(),
    seq: integer('seq').notNull(),
    changeType: text('change_type').$type<ChangeType>().notNull(),
    itemId: uuid('item_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    counterpart: text('counterpart'),
  },
  (t) => [
    primaryKey({ name: 'power_list_changes_pkey', columns: [t.agencyId, t.adjustmentId, t.seq] }),
    foreignKey({
      name: 'power_list_changes_adjustment_fk',
      columns: [t.agencyId, t.adjustmentId],
      foreignColumns: [powerListAdjustments.agencyId, powerListAdjustments.id],
    }),
    index('power_list_changes_item_idx').on(t.agencyId, t.itemId),
  ],
);

import { sql } from 'drizzle-orm';
import { char, check, date, foreignKey, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  agencyIdColumn,
  createdAtColumn,
  idColumn,
  newId,
  updatedAtColumn,
  versionColumn,
} from '../../db/columns';

/** A market-supervision bureau (市场监督管理局). The root of every agency-scoped record. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    /** Code-word used in document numbers, e.g. 东 in 东市监处罚〔2024〕12号. */
    code: text('code').notNull(),
    /** Administrative division code (行政区划代码, GB/T 2260), six digits. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    province: text('province').notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    unique('agencies_region_name_key').on(t.regionCode, t.name),
    check('agencies_region_code_digits', sql`${t.regionCode} ~ '^[1-9][0-9]{5}$'`),
  ],
);

export const UNIT_KINDS = ['section', 'station', 'team', 'office'] as const;
export const UNIT_STATUSES = ['active', 'dissolved'] as const;

/** An organisational unit of an agency: a section (科室), a station (市场监管所), a team (执法大队). */
export const units = pgTable(
  'units',
  {
    agencyId: agencyIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    status: text('status', { enum: UNIT_STATUSES }).notNull().default('active'),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'units_pkey', columns: [t.agencyId, t.id] }),
    unique('units_agency_name_key').on(t.agencyId, t.name),
    foreignKey({ name: 'units_agency_fk', columns: [t.agencyId], foreignColumns: [agencies.id] }),
    check('units_kind_check', sql`${t.kind} in ('section', 'station', 'team', 'office')`),
    check(
      'units_status_check',
      sql`(${t.status} = 'active' and ${t.dissolvedOn} is null) or (${t.status} = 'dissolved' and ${t.dissolvedOn} is not null)`,
    ),
  ],
);

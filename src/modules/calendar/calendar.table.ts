import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/*
 * The working-day calendar is reference data shared by every agency: national days come from the
 * State Council's notices, regional days (scope = six-digit division code) are overrides.
 */

/** A day off or a make-up working day (调休上班) in one scope. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    scope: text('scope').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'calendar_days_pkey', columns: [t.scope, t.date] })],
);

/** A loaded holiday notice; a national one makes its year official (no longer provisional). */
export const calendarNotices = pgTable(
  'calendar_notices',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    documentNumber: text('document_number'),
    publishedOn: date('published_on', { mode: 'string' }),
    loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'calendar_notices_pkey', columns: [t.scope, t.year] })],
);

/**
 * The calendar version, one row. Every edit increments it under the row lock, so edits are
 * serialised and versions grow in commit order: a reader that saw version N has seen every edit
 * up to N. Each computed deadline records the version it used.
 */
export const calendarState = pgTable(
  'calendar_state',
  {
    singleton: boolean('singleton').primaryKey().default(true),
    version: integer('version').notNull(),
  },
  (t) => [check('calendar_state_singleton', sql`${t.singleton}`)],
);

/** Every edit of the calendar, by the version it produced. */
export const calendarChanges = pgTable('calendar_changes', {
  version: integer('version').primaryKey(),
  change: text('change', { enum: ['notice_loaded', 'day_added', 'day_removed'] }).notNull(),
  scope: text('scope').notNull(),
  detail: jsonb('detail').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

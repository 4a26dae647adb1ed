/**
 * The working-day calendar as a service: loads the stored calendar (cached per version), computes
 * deadlines on it, and records edits. Every module that needs a legal deadline calls `calendarFor`
 * and the pure functions in src/domain/calendar.
 */
import type { Executor } from '../../db/client';
import { datesInRange, type IsoDate, isoDate, isWeekend, yearOf } from '../../domain/calendar/dates';
import { computeDeadline, type PeriodUnit } from '../../domain/calendar/deadlines';
import {
  applicableScopes,
  type CalendarData,
  createWorkingCalendar,
  NATIONAL_SCOPE,
  type WorkingCalendar,
} from '../../domain/calendar/working-calendar';
import { LAWS } from '../../domain/rules/laws';
import { citation, findPeriodRule, PERIOD_RULES, type PeriodRule } from '../../domain/rules/period-rules';
import { staleVersion } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { type FieldError, HttpProblem, notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { PLATFORM_CHAIN } from '../audit/audit.service';
import * as repo from './calendar.repository';
import type { CalendarEntryCreate, NoticeCreate } from './calendar.schemas';

export function describeRule(rule: PeriodRule) {
  return {
    code: rule.code,
    law: rule.law,
    lawName: LAWS[rule.law].name,
    ...(rule.article ? { article: rule.article } : {}),
    citation: citation(rule),
    days: rule.days,
    unit: rule.unit,
    description: rule.description,
    configurable: rule.configurable,
  };
}

function explain(unit: PeriodUnit, days: number): string {
  return unit === 'working'
    ? `${days} working days counted from the day after the event; weekends, holidays and paused days are not counted.`
    : `${days} calendar days counted from the day after the event; if the last day is not a working day, the ` +
        'period ends on the next working day.';
}

function toNotice(row: repo.NoticeRow) {
  return {
    scope: row.scope,
    year: row.year,
    title: row.title,
    documentNumber: row.documentNumber,
    publishedOn: row.publishedOn,
    loadedAt: row.loadedAt.toISOString(),
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarService() {
  interface Cached {
    data: CalendarData;
    /** Scopes that have at least one stored day: only they make one region's calendar differ. */
    scopesWithDays: Set<string>;
    /** Calendars by the narrowest scope with days, so their number is bounded by the stored scopes. */
    byScope: Map<string, WorkingCalendar>;
  }
  let cached: Cached | undefined;

  /**
   * The stored calendar. Reads the version before and after the data: edits bump the version in
   * their own transaction, so equal versions mean the data is exactly that version's.
   */
  async function load(ex: Executor): Promise<Cached> {
    for (;;) {
      const version = await repo.currentVersion(ex);
      if (cached && cached.data.version === version) return cached;
      const entries = await repo.allEntries(ex);
      const notices = await repo.listNotices(ex);
      if ((await repo.currentVersion(ex)) !== version) continue;
      const officialYears = notices.filter((n) => n.scope === NATIONAL_SCOPE).map((n) => n.year);
      const scopesWithDays = new Set(entries.map((e) => e.scope));
      cached = { data: { version, officialYears, entries }, scopesWithDays, byScope: new Map() };
      return cached;
    }
  }

  /** The working calendar of a region (national when absent), as stored now. */
  async function calendarFor(ex: Executor, region?: string): Promise<WorkingCalendar> {
    const { data, scopesWithDays, byScope } = await load(ex);
    const key =
      applicableScopes(region)
        .filter((s) => s === NATIONAL_SCOPE || scopesWithDays.has(s))
        .pop() ?? NATIONAL_SCOPE;
    let calendar = byScope.get(key);
    if (!calendar) {
      calendar = createWorkingCalendar(data, key);
      byScope.set(key, calendar);
    }
    return calendar;
  }

  async function summary(ex: Executor) {
    const { data } = await load(ex);
    const notices = await repo.listNotices(ex);
    return {
      version: data.version,
      officialYears: [...data.officialYears].sort(),
      notices: notices.map(toNotice),
    };
  }

  async function year(ex: Executor, query: { year: number; region?: string }) {
    const calendar = await calendarFor(ex, query.region);
    const days = datesInRange(isoDate(query.year, 1, 1), isoDate(query.year, 12, 31))
      .map((date) => calendar.describe(date))
      .filter((day) => day.reason !== 'weekday' && day.reason !== 'weekend');
    return {
      year: query.year,
      region: query.region ?? NATIONAL_SCOPE,
      calendarVersion: calendar.version,
      provisional: calendar.isProvisional(isoDate(query.year, 1, 1)),
      days,
    };
  }

  async function dueDate(
    ex: Executor,
    query: { from: IsoDate; days?: number; unit?: PeriodUnit; rule?: string; region?: string },
  ) {
    const rule = query.rule ? findPeriodRule(query.rule) : undefined;
    if (rule && (query.days !== undefined || query.unit !== undefined)) {
      throw validationFailed([
        { in: 'querystring', pointer: '/rule', message: 'give either rule, or days and unit, not both' },
      ]);
    }
    const days = rule?.days ?? query.days;
    const unit = rule?.unit ?? query.unit;
    if (days === undefined || unit === undefined) {
      throw validationFailed([
        {
          in: 'querystring',
          pointer: days === undefined ? '/days' : '/unit',
          message: 'is required unless rule is given',
        },
      ]);
    }
    const calendar = await calendarFor(ex, query.region);
    const deadline = computeDeadline(calendar, { start: query.from, days, unit });
    if (deadline.dueDate === null) throw new Error('a deadline without pauses always has a due date');
    return {
      from: query.from,
      days,
      unit,
      region: query.region ?? NATIONAL_SCOPE,
      dueDate: deadline.dueDate,
      skipped: deadline.skipped,
      provisional: deadline.provisional,
      calendarVersion: deadline.calendarVersion,
      ...(rule ? { rule: describeRule(rule) } : {}),
      explanation: explain(unit, days),
    };
  }

  /** Calendar edits carry the version they were based on (If-Match), like any update. */
  async function requireVersion(ctx: WriteContext, versions: number[]): Promise<void> {
    const current = await repo.lockVersion(ctx.tx);
    if (!versions.includes(current)) throw staleVersion(current);
  }

  async function loadNotice(ctx: WriteContext, versions: number[], input: NoticeCreate) {
    const scope = input.scope ?? NATIONAL_SCOPE;
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const check = (list: 'holidays' | 'workdays', days: { date: string }[]) =>
      days.forEach(({ date }, i) => {
        const pointer = `/${list}/${i}/date`;
        if (yearOf(date) !== input.year)
          errors.push({ in: 'body', pointer, message: `is not in ${input.year}` });
        if (seen.has(date)) errors.push({ in: 'body', pointer, message: `${date} is listed twice` });
        seen.add(date);
        if (list === 'workdays' && !isWeekend(date)) {
          errors.push({
            in: 'body',
            pointer,
            message: `${date} is a weekday; make-up working days (调休上班) fall on weekends`,
          });
        }
      });
    check('holidays', input.holidays);
    check('workdays', input.workdays);
    if (errors.length > 0) throw validationFailed(errors);

    await requireVersion(ctx, versions);
    if (await repo.findNotice(ctx.tx, scope, input.year)) {
      throw new HttpProblem(
        'DUPLICATE',
        `A ${input.year} notice for ${scope} is already loaded; correct single days instead`,
      );
    }
    const clashes = await repo.findDays(ctx.tx, scope, [...seen]);
    if (clashes.length > 0) {
      throw new HttpProblem(
        'CONFLICT',
        `Days already stored for ${scope}: ${clashes.map((d) => d.date).join(', ')}; remove them first`,
        {
          extensions: { dates: clashes.map((d) => d.date) },
        },
      );
    }
    const notice = await repo.insertNotice(ctx.tx, {
      scope,
      year: input.year,
      title: input.title,
      documentNumber: input.documentNumber ?? null,
      publishedOn: input.publishedOn ?? null,
      loadedAt: ctx.now,
    });
    const source = input.documentNumber ?? input.title;
    await repo.insertDays(ctx.tx, [
      ...input.holidays.map((d) => ({
        scope,
        date: d.date,
        kind: 'holiday' as const,
        name: d.name,
        source,
        createdAt: ctx.now,
      })),
      ...input.workdays.map((d) => ({
        scope,
        date: d.date,
        kind: 'workday' as const,
        name: d.name,
        source,
        createdAt: ctx.now,
      })),
    ]);
    const calendarVersion = await repo.recordChange(
      ctx.tx,
      'notice_loaded',
      scope,
      {
        year: input.year,
        title: input.title,
        holidays: input.holidays.length,
        workdays: input.workdays.length,
      },
      ctx.now,
    );
    auditCalendar(ctx, 'calendar.notice_loaded', `${scope}/${input.year}`, {
      year: input.year,
      title: input.title,
      documentNumber: input.documentNumber ?? null,
      holidays: input.holidays.map((d) => d.date),
      workdays: input.workdays.map((d) => d.date),
      calendarVersion,
    });
    return {
      notice: toNotice(notice),
      holidays: input.holidays.length,
      workdays: input.workdays.length,
      calendarVersion,
    };
  }

  async function addDay(ctx: WriteContext, versions: number[], input: CalendarEntryCreate) {
    if (input.kind === 'workday' && !isWeekend(input.date)) {
      throw validationFailed([
        { in: 'body', pointer: '/date', message: 'a make-up working day (调休上班) falls on a weekend' },
      ]);
    }
    await requireVersion(ctx, versions);
    if ((await repo.findDays(ctx.tx, input.scope, [input.date])).length > 0) {
      throw new HttpProblem(
        'DUPLICATE',
        `${input.date} is already set for ${input.scope}; remove it first to change it`,
      );
    }
    const [row] = await repo.insertDays(ctx.tx, [{ ...input, createdAt: ctx.now }]);
    if (!row) throw new Error('insert returned no row');
    const calendarVersion = await repo.recordChange(ctx.tx, 'day_added', input.scope, { ...input }, ctx.now);
    auditCalendar(ctx, 'calendar.day_added', `${input.scope}/${input.date}`, { ...input, calendarVersion });
    return { entry: toEntry(row), calendarVersion };
  }

  async function removeDay(ctx: WriteContext, versions: number[], scope: string, date: IsoDate) {
    await requireVersion(ctx, versions);
    const row = await repo.deleteDay(ctx.tx, scope, date);
    if (!row) throw notFound('Calendar day', `${scope}/${date}`);
    const entry = toEntry(row);
    const calendarVersion = await repo.recordChange(ctx.tx, 'day_removed', scope, { ...entry }, ctx.now);
    auditCalendar(ctx, 'calendar.day_removed', `${scope}/${date}`, { ...entry, calendarVersion });
    return { entry, calendarVersion };
  }

  async function changes(ex: Executor, query: { limit?: number; cursor?: string }) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const before = query.cursor ? decodeCursor(query.cursor, { version: 'int' }).version : undefined;
    const rows = await repo.listChanges(ex, limit, before);
    const page = toPage(rows, limit, (r) => ({ version: r.version }));
    return {
      items: page.items.map((r) => ({
        ...r,
        detail: r.detail as Record<string, unknown>,
        changedAt: r.changedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  return {
    calendarFor,
    summary,
    year,
    dueDate,
    loadNotice,
    addDay,
    removeDay,
    changes,
  };
}

/** The calendar belongs to no agency: its edits are recorded on the platform chain. */
function auditCalendar(
  ctx: WriteContext,
  action: string,
  entityId: string,
  changes: Record<string, unknown>,
) {
  ctx.audit({ chainId: PLATFORM_CHAIN, action, entityType: 'calendar', entityId, changes });
}

function toEntry(row: repo.CalendarDayRow) {
  return { scope: row.scope, date: row.date, kind: row.kind, name: row.name, source: row.source };
}

export const PERIOD_RULE_LIST = { items: Object.values(PERIOD_RULES).map(describeRule) };

import { type Static, Type } from 'typebox';
import { PERIOD_RULES } from '../../domain/rules/period-rules';
import { DateTime, IsoDate, PageQuery, StrictObject } from '../../http/schemas';

const Scope = Type.String({
  pattern: '^(CN|[1-9][0-9]{5})$',
  description:
    'CN for the national calendar, or a six-digit region code (行政区划代码) for a regional override',
  examples: ['CN', '630000'],
});
const Region = Type.String({
  pattern: '^(CN|[1-9][0-9]{5})$',
  description:
    'Region whose calendar applies (行政区划代码): national days plus the overrides of its province, prefecture ' +
    'and county. Default CN (national only).',
  examples: ['630102'],
});
const Unit = Type.Enum(['working', 'calendar'], {
  description: 'working = 工作日 (weekends and holidays not counted); calendar = 自然日 (every day counted)',
});
const DayReason = Type.Enum(
  ['weekday', 'weekend', 'holiday', 'makeup_workday', 'statutory_holiday', 'statutory_compensation'],
  {
    description:
      'weekday / weekend: ordinary days; holiday: a day off set by a loaded notice or override (放假); ' +
      'makeup_workday: a weekend day worked (调休上班); statutory_holiday: a day off by law in a year whose notice ' +
      'is not loaded (法定节假日); statutory_compensation: the assumed weekday off for a statutory day on a weekend (补假)',
  },
);
const RuleCode = Type.Enum(Object.keys(PERIOD_RULES), {
  description: 'A named legal period, see GET /v1/calendar/rules',
});

export const CalendarDaySchema = Type.Object(
  {
    date: IsoDate,
    working: Type.Boolean({ description: 'Whether the date counts as a working day (工作日)' }),
    reason: DayReason,
    name: Type.Optional(Type.String({ description: 'Holiday or make-up day name, e.g. 春节 or 春节调休' })),
    scope: Type.Optional(
      Type.String({ description: 'Scope of the entry that decided the day (CN or a region code)' }),
    ),
    source: Type.Optional(Type.String({ description: 'The notice or rule the day comes from' })),
    provisional: Type.Boolean({ description: 'True when the year’s State Council notice is not loaded yet' }),
  },
  { $id: 'CalendarDay', description: 'How the calendar treats one date' },
);

export const SkippedDaySchema = Type.Object(
  {
    date: IsoDate,
    reason: Type.Union([DayReason, Type.Literal('paused')]),
    name: Type.Optional(Type.String()),
    effect: Type.Enum(['not_counted', 'rolled_over'], {
      description:
        'not_counted: a day inside the period that was not counted; rolled_over: the last day of a calendar-day ' +
        'period fell on a day off, so the deadline moved to the next working day',
    }),
  },
  { $id: 'SkippedDay' },
);

export const PeriodRuleSchema = Type.Object(
  {
    code: Type.String(),
    law: Type.String({ description: 'Short code of the law, e.g. APL' }),
    lawName: Type.String({ description: 'Full Chinese name of the law' }),
    article: Type.Optional(Type.String()),
    citation: Type.String({ description: 'e.g. APL art. 64' }),
    days: Type.Integer(),
    unit: Unit,
    description: Type.String(),
    configurable: Type.Boolean({ description: 'True when an agency may set another value (local practice)' }),
  },
  { $id: 'PeriodRule', description: 'A named legal period (法定期限) with its source' },
);

export const PeriodRuleListSchema = Type.Object(
  { items: Type.Array(Type.Unsafe<Static<typeof PeriodRuleSchema>>({ $ref: 'PeriodRule' })) },
  { $id: 'PeriodRuleList' },
);

export const DueDateQuery = StrictObject({
  from: { ...IsoDate, description: 'Date of the event that starts the period; day one is the next day' },
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Length of the period' })),
  unit: Type.Optional(Unit),
  rule: Type.Optional(RuleCode),
  region: Type.Optional(Region),
});

export const DueDateSchema = Type.Object(
  {
    from: IsoDate,
    days: Type.Integer(),
    unit: Unit,
    region: Type.String(),
    dueDate: IsoDate,
    skipped: Type.Array(Type.Unsafe<Static<typeof SkippedDaySchema>>({ $ref: 'SkippedDay' }), {
      description: 'The days the count passed over, so the arithmetic can be checked',
    }),
    provisional: Type.Boolean({
      description:
        'True when the period reaches a year whose State Council notice is not loaded: statutory holidays are skipped, but make-up working days are unknown',
    }),
    calendarVersion: Type.Integer({ description: 'Calendar version the computation used' }),
    rule: Type.Optional(Type.Unsafe<Static<typeof PeriodRuleSchema>>({ $ref: 'PeriodRule' })),
    explanation: Type.String({ description: 'The counting rule applied, in words' }),
  },
  { $id: 'DueDate', description: 'A computed deadline (期限届满日) with the days it skipped' },
);

export const NoticeSchema = Type.Object(
  {
    scope: Type.String(),
    year: Type.Integer(),
    title: Type.String(),
    documentNumber: Type.Union([Type.String(), Type.Null()]),
    publishedOn: Type.Union([IsoDate, Type.Null()]),
    loadedAt: DateTime,
  },
  { $id: 'CalendarNotice', description: 'A loaded holiday notice (节假日安排通知)' },
);

const NoticeDay = StrictObject({ date: IsoDate, name: Type.String({ minLength: 1, maxLength: 50 }) });

export const NoticeCreateSchema = StrictObject(
  {
    scope: Type.Optional(Scope),
    year: Type.Integer({ minimum: 2000, maximum: 2099 }),
    title: Type.String({
      minLength: 1,
      maxLength: 200,
      examples: ['国务院办公厅关于2027年部分节假日安排的通知'],
    }),
    documentNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '发文字号' })),
    publishedOn: Type.Optional(IsoDate),
    holidays: Type.Array(NoticeDay, {
      minItems: 1,
      maxItems: 366,
      description: 'Every day off (放假), weekends inside a break included',
    }),
    workdays: Type.Array(NoticeDay, {
      maxItems: 366,
      default: [],
      description: 'Weekend days worked (调休上班)',
    }),
  },
  { $id: 'CalendarNoticeCreate', description: 'A holiday notice to load, date by date' },
);
export type NoticeCreate = Static<typeof NoticeCreateSchema>;

export const NoticeLoadedSchema = Type.Object(
  {
    notice: Type.Unsafe<Static<typeof NoticeSchema>>({ $ref: 'CalendarNotice' }),
    holidays: Type.Integer(),
    workdays: Type.Integer(),
    calendarVersion: Type.Integer(),
  },
  { $id: 'CalendarNoticeLoaded' },
);

export const CalendarEntrySchema = Type.Object(
  {
    scope: Type.String(),
    date: IsoDate,
    kind: Type.Enum(['holiday', 'workday'], { description: 'holiday = 放假; workday = 调休上班' }),
    name: Type.String(),
    source: Type.String(),
  },
  {
    $id: 'CalendarEntry',
    description: 'A stored calendar day: a day off or a make-up working day in one scope',
  },
);

export const CalendarEntryCreateSchema = StrictObject(
  {
    scope: Scope,
    date: IsoDate,
    kind: Type.Enum(['holiday', 'workday'], { description: 'holiday = 放假; workday = 调休上班' }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    source: Type.String({ minLength: 1, maxLength: 200, description: 'The document the day comes from' }),
  },
  { $id: 'CalendarEntryCreate' },
);
export type CalendarEntryCreate = Static<typeof CalendarEntryCreateSchema>;

export const CalendarEntryChangedSchema = Type.Object(
  {
    entry: Type.Unsafe<Static<typeof CalendarEntrySchema>>({ $ref: 'CalendarEntry' }),
    calendarVersion: Type.Integer(),
  },
  { $id: 'CalendarEntryChanged' },
);

export const EntryParams = StrictObject({ scope: Scope, date: IsoDate });

export const CalendarSummarySchema = Type.Object(
  {
    version: Type.Integer({ description: 'Current calendar version' }),
    officialYears: Type.Array(Type.Integer(), { description: 'Years whose national notice is loaded' }),
    notices: Type.Array(Type.Unsafe<Static<typeof NoticeSchema>>({ $ref: 'CalendarNotice' })),
  },
  { $id: 'CalendarSummary', description: 'The working-day calendar (工作日历): version and loaded notices' },
);

export const CalendarYearQuery = StrictObject({
  year: Type.Integer({ minimum: 2000, maximum: 2099 }),
  region: Type.Optional(Region),
});

export const CalendarYearSchema = Type.Object(
  {
    year: Type.Integer(),
    region: Type.String(),
    calendarVersion: Type.Integer(),
    provisional: Type.Boolean(),
    days: Type.Array(Type.Unsafe<Static<typeof CalendarDaySchema>>({ $ref: 'CalendarDay' }), {
      description: 'Every date that is not an ordinary weekday or weekend: days off and make-up working days',
    }),
  },
  { $id: 'CalendarYear', description: 'A year of the working-day calendar as the engine applies it' },
);

export const CalendarChangeSchema = Type.Object(
  {
    version: Type.Integer(),
    change: Type.Enum(['notice_loaded', 'day_added', 'day_removed']),
    scope: Type.String(),
    detail: Type.Record(Type.String(), Type.Unknown()),
    changedAt: DateTime,
  },
  { $id: 'CalendarChange' },
);
export const CalendarChangePageSchema = Type.Object(
  {
    items: Type.Array(Type.Unsafe<Static<typeof CalendarChangeSchema>>({ $ref: 'CalendarChange' })),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'CalendarChangePage' },
);
export const ChangesQuery = StrictObject({ ...PageQuery });

export const calendarSchemas = [
  CalendarDaySchema,
  SkippedDaySchema,
  PeriodRuleSchema,
  PeriodRuleListSchema,
  DueDateSchema,
  NoticeSchema,
  NoticeCreateSchema,
  NoticeLoadedSchema,
  CalendarEntrySchema,
  CalendarEntryCreateSchema,
  CalendarEntryChangedSchema,
  CalendarSummarySchema,
  CalendarYearSchema,
  CalendarChangeSchema,
  CalendarChangePageSchema,
];

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import {
  CalendarChangePageSchema,
  CalendarEntryChangedSchema,
  CalendarEntryCreateSchema,
  CalendarSummarySchema,
  CalendarYearQuery,
  CalendarYearSchema,
  ChangesQuery,
  DueDateQuery,
  DueDateSchema,
  EntryParams,
  NoticeCreateSchema,
  NoticeLoadedSchema,
  PeriodRuleListSchema,
} from './calendar.schemas';
import { type CalendarService, PERIOD_RULE_LIST } from './calendar.service';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: CalendarService }> = async (
  app,
  { calendar },
) => {
  app.get(
    '',
    {
      config: { operation: 'calendar.read' },
      schema: {
        tags,
        operationId: 'getCalendar',
        summary: 'Calendar version and loaded notices',
        description:
          'The working-day calendar (工作日历): its current version (also the ETag) and the holiday notices ' +
          '(节假日安排通知) loaded. Years without a national notice are provisional.',
        response: { 200: ref(CalendarSummarySchema) },
      },
    },
    async (_request, reply) => {
      const summary = await calendar.summary(app.database.db);
      reply.header('etag', etagOf(summary.version));
      return summary;
    },
  );

  app.get(
    '/days',
    {
      config: { operation: 'calendar.read' },
      schema: {
        tags,
        operationId: 'getCalendarYear',
        summary: 'Days off and make-up working days of a year',
        description:
          'Every date of a year that is not an ordinary weekday or weekend, as deadlines see it: days off (放假), ' +
          'make-up working days (调休上班), and, in a year whose notice is not loaded, the statutory holidays (法定节假日).',
        querystring: CalendarYearQuery,
        response: { 200: ref(CalendarYearSchema), ...problemResponses(400) },
      },
    },
    (request) => calendar.year(app.database.db, request.query),
  );

  app.get(
    '/due-date',
    {
      config: { operation: 'calendar.read' },
      schema: {
        tags,
        operationId: 'computeDueDate',
        summary: 'Compute a deadline',
        description:
          'Computes a legal deadline (期限届满日): N working days (工作日) or calendar days (自然日) after an event, ' +
          'counting from the next day; a calendar-day period ending on a day off ends on the next working day. ' +
          'Give days and unit, or a named rule (see /v1/calendar/rules). The answer lists the days skipped and the ' +
          'calendar version used, so the arithmetic can be checked.',
        querystring: DueDateQuery,
        response: { 200: ref(DueDateSchema), ...problemResponses(400) },
      },
    },
    (request) => calendar.dueDate(app.database.db, request.query),
  );

  app.get(
    '/rules',
    {
      config: { operation: 'calendar.read' },
      schema: {
        tags,
        operationId: 'listPeriodRules',
        summary: 'Named legal periods',
        description: 'The legal periods (法定期限) Fazhi computes, each with its law and article.',
        response: { 200: ref(PeriodRuleListSchema) },
      },
    },
    async () => PERIOD_RULE_LIST,
  );

  app.post(
    '/notices',
    {
      config: { operation: 'calendar.write' },
      schema: {
        tags,
        operationId: 'loadCalendarNotice',
        summary: 'Load a holiday notice',
        description:
          'Loads a year’s holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知, or a regional one) date by date, ' +
          'in one transaction. A national notice makes its year official (no longer provisional). Requires ' +
          'If-Match with the calendar version (GET /v1/calendar); the version increases.',
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(NoticeCreateSchema),
        response: { 201: ref(NoticeLoadedSchema), ...problemResponses(400, 409, 412, 413, 415, 422, 428) },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const body = await calendar.loadNotice(ctx, versions, request.body);
        return { status: 201, body, headers: { etag: etagOf(body.calendarVersion) } };
      });
    },
  );

  app.post(
    '/days',
    {
      config: { operation: 'calendar.write' },
      schema: {
        tags,
        operationId: 'addCalendarEntry',
        summary: 'Add a calendar day',
        description:
          'Adds one day off (放假) or make-up working day (调休上班) to the national calendar or a region’s overrides ' +
          '(e.g. a provincial minority holiday). Requires If-Match with the calendar version; the version increases.',
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(CalendarEntryCreateSchema),
        response: {
          201: ref(CalendarEntryChangedSchema),
          ...problemResponses(400, 409, 412, 413, 415, 422, 428),
        },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const body = await calendar.addDay(ctx, versions, request.body);
        return { status: 201, body, headers: { etag: etagOf(body.calendarVersion) } };
      });
    },
  );

  app.delete(
    '/days/:scope/:date',
    {
      config: { operation: 'calendar.write' },
      schema: {
        tags,
        operationId: 'removeCalendarEntry',
        summary: 'Remove a calendar day',
        description:
          'Removes one stored day (更正日历): a correction. The change is kept in the calendar history (日历变更记录) ' +
          'and the version increases. Requires If-Match with the calendar version.',
        params: EntryParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        response: { 200: ref(CalendarEntryChangedSchema), ...problemResponses(400, 404, 412, 428) },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const { scope, date } = request.params;
        const body = await calendar.removeDay(ctx, versions, scope, date);
        return { status: 200, body, headers: { etag: etagOf(body.calendarVersion) } };
      });
    },
  );

  app.get(
    '/changes',
    {
      config: { operation: 'calendar.read' },
      schema: {
        tags,
        operationId: 'listCalendarChanges',
        summary: 'Calendar history',
        description: 'Every edit of the calendar, newest first, with the version it produced (日历变更记录).',
        querystring: ChangesQuery,
        response: { 200: ref(CalendarChangePageSchema), ...problemResponses(400) },
      },
    },
    (request) => calendar.changes(app.database.db, request.query),
  );
};

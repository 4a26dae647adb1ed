import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { CONDITIONS } from '../../domain/cases/conditions';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { AFTER_DECISION_TERMS } from './after-decision.schemas';
import {
  ACTION_BODIES,
  type ActionName,
  CaseActionsSchema,
  CaseCreateSchema,
  CaseListQuery,
  CasePageSchema,
  CaseParams,
  CaseSchema,
  CaseTimelineSchema,
  CaseUpdateSchema,
  PartyInputSchema,
} from './cases.schemas';
import { type CasesService, requireOfficer } from './cases.service';

const tags = ['cases'];

/** What each action records, in Chinese terms, for the OpenAPI description. */
const ACTION_TERMS: Record<ActionName, string> = {
  'assign-officers': '指派承办人员',
  file: '立案 (PPR art. 18–19; APL arts. 36, 42)',
  'decline-filing': '不予立案 (PPR art. 20; APL art. 33)',
  transfer: '移送 (to another agency or the police)',
  suspend: '中止调查: the decision clock pauses',
  resume: '恢复调查',
  'start-testing':
    '检测、检验、检疫、鉴定 (PPR art. 18; APL art. 60): from this day the filing and decision clocks stop (and a seizure’s period, ACL art. 25)',
  'end-testing': '检测、检验、检疫、鉴定结果: the clocks run again from the day after',
  terminate: '终止调查',
  'conclude-investigation': '调查终结报告, with the proposed penalty',
  'complete-review': '案件审核 (pass, or return for further investigation)',
  'record-legal-review': '法制审核 (APL art. 58): by a qualified legal reviewer who did not investigate',
  'revise-proposal': '修改拟处罚意见: after the notice only lighter (APL art. 45)',
  'issue-notice': '行政处罚告知书 (APL art. 44): opens the 5-WD period to state, defend or request a hearing',
  'record-statement': '陈述申辩',
  'waive-rights': '放弃陈述申辩和听证 (written waiver)',
  'request-hearing': '听证申请 (within 5 WD, APL art. 64)',
  'schedule-hearing': '听证通知书 (at least 7 WD before the hearing; chair not an investigator)',
  'record-hearing': '听证笔录',
  'record-collective-discussion': '集体讨论 (APL art. 57)',
  'approve-extension': '延期 (filing: PPR art. 18; decision: APL art. 60)',
  decide: '作出决定 (APL arts. 57–60): penalty, no penalty, or transfer; the decision number is allocated',
  ...AFTER_DECISION_TERMS,
};

export const caseRoutes: FastifyPluginAsyncTypebox<{ cases: CasesService }> = async (app, { cases }) => {
  const today = () => chinaDate(app.now());

  app.post(
    '',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'registerLead',
        summary: 'Register a lead',
        description:
          'Registers a lead (线索登记): its source (案件来源, e.g. a 12315 complaint with its ticket number), the date ' +
          'received (the 15-WD filing clock starts), the parties (当事人) and optionally the penalty item.',
        headers: Headers(IdempotencyHeaders),
        body: ref(CaseCreateSchema),
        response: { 201: ref(CaseSchema), ...problemResponses(400, 409, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await cases.register(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/cases/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCases',
        summary: 'List cases',
        description:
          'Enforcement cases (行政处罚案件) of your agency, oldest first, with their clocks. Filters combine (all must ' +
          'match): stage (repeat for several), handling unit, assigned officer, party (name substring, or an exact ' +
          'unified social credit code), penalty item, filing date range (filedFrom ≤ filedTo, inclusive), major, and ' +
          'overdue. overdue is computed from the working calendar as of today, so one request checks a bounded number ' +
          'of candidate cases: a page may then hold fewer than `limit` items, even none, while nextCursor is not null. ' +
          'Keep following nextCursor until it is null.',
        querystring: CaseListQuery,
        response: { 200: ref(CasePageSchema), ...problemResponses(400) },
      },
    },
    (request) => cases.list(app.database.db, principalOf(request).agencyId, request.query, today()),
  );

  app.get(
    '/:caseId',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCase',
        summary: 'Get a case',
        description:
          'One case (行政处罚案件): stage, parties (personal data masked), officers, proposal, notice, decision, and ' +
          'every clock (办案期限) with its due date, days left, state and rule.',
        params: CaseParams,
        response: { 200: ref(CaseSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await cases.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.caseId,
        today(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  app.patch(
    '/:caseId',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'updateCase',
        summary: 'Change an open case',
        description:
          'Changes the summary, dates, power item, unit or the major / complex flags (重大 / 复杂) of an open case. If-Match required.',
        params: CaseParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(CaseUpdateSchema),
        response: { 200: ref(CaseSchema), ...problemResponses(400, 404, 412, 415, 422, 428) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const updated = await cases.update(ctx, request.params.caseId, versions, request.body);
        return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
      });
    },
  );

  app.post(
    '/:caseId/parties',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'addCaseParty',
        summary: 'Add a party',
        description:
          'Adds a party (当事人) before the pre-penalty notice; identifiers are validated (GB 11643 / GB 32100).',
        params: CaseParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(PartyInputSchema),
        response: { 201: ref(CaseSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const updated = await cases.addParty(ctx, request.params.caseId, request.body);
        return { status: 201, body: updated, headers: { etag: etagOf(updated.version) } };
      });
    },
  );

  app.get(
    '/:caseId/actions',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCaseActions',
        summary: 'What can be done now',
        description:
          'Every named action (办案环节) of the case: whether it is possible now and, if not, the conditions it does not ' +
          'meet, each with its code and rule. Conditions that depend on the action’s own input are checked when it is sent.',
        params: CaseParams,
        response: { 200: ref(CaseActionsSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      cases.actions(app.database.db, principalOf(request).agencyId, request.params.caseId, today()),
  );

  app.get(
    '/:caseId/timeline',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCaseTimeline',
        summary: 'The case timeline',
        description:
          'Every step of the case (办案记录) in order: who, when, what, and which document it produced.',
        params: CaseParams,
        response: { 200: ref(CaseTimelineSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => cases.timeline(app.database.db, principalOf(request).agencyId, request.params.caseId),
  );

  const codes = Object.keys(CONDITIONS).join(', ');
  for (const action of Object.keys(ACTION_BODIES) as ActionName[]) {
    const operationId = `case${action
      .split('-')
      .map((w) => w[0]?.toUpperCase() + w.slice(1))
      .join('')}`;
    app.post(
      `/:caseId/actions/${action}`,
      {
        config: { operation: 'cases.write' },
        schema: {
          tags,
          operationId,
          summary: `Case action: ${action}`,
          description:
            `${ACTION_TERMS[action]}. Refused with 422 CASE_RULE_VIOLATION listing every unmet condition (each with ` +
            `its code and rule) when the case does not allow it; nothing is written then. Condition codes: ${codes}. ` +
            'If-Match is optional; when sent it must be current.',
          params: CaseParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: ACTION_BODIES[action],
          response: { 200: ref(CaseSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await cases.perform(
            ctx,
            request.params.caseId,
            action,
            request.body as never,
            versions,
          );
          return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
        });
      },
    );
  }
};

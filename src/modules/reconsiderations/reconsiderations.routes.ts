import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { requireOfficer } from '../cases/cases.service';
import {
  RECONSIDERATION_STEP_BODIES,
  ReconsiderationCreateSchema,
  ReconsiderationListQuery,
  ReconsiderationPageSchema,
  ReconsiderationParams,
  ReconsiderationSchema,
  ReconsiderationStatsQuery,
  ReconsiderationStatsSchema,
  type ReconsiderationStepName,
} from './reconsiderations.schemas';
import type { ReconsiderationsService } from './reconsiderations.service';

const tags = ['reconsiderations'];
const DATES = 'DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP';

/** What each step records, in Chinese terms, and the conditions that can refuse it. */
const STEP_TERMS: Record<ReconsiderationStepName, { summary: string; description: string }> = {
  'receive-copy': {
    summary: 'Record receipt of the application copy',
    description: `收到申请书副本 (ARL art. 48): the reply clock starts (10 WD; 5 WD simple). Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  accept: {
    summary: 'Record the acceptance',
    description: `受理 (ARL art. 30): the 60-day decision clock starts (30 d simple). Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  'not-accept': {
    summary: 'Record that the application was not accepted',
    description:
      `不予受理 (ARL art. 30): the application ends (outcome not_accepted); a frozen surcharge accrues again from the next day. ` +
      `Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  'submit-reply': {
    summary: 'Submit the written reply',
    description:
      `书面答复 (ARL art. 48): the reply with the evidence and legal basis, due 10 WD after the copy was received (5 WD simple); ` +
      `a late reply is recorded and its clock shows completed_late (ARL art. 70: a missed reply counts as no evidence). ` +
      `Conditions: APPEAL_WRONG_STATUS, COPY_NOT_RECEIVED, REPLY_ALREADY_SUBMITTED, ${DATES}.`,
  },
  'record-session': {
    summary: 'Record a hearing or mediation session',
    description: `听证 (ARL art. 50) or 调解 (ARL art. 73). Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  suspend: {
    summary: 'Record a suspension',
    description: `中止 (ARL art. 39): the decision clock stops. Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  resume: {
    summary: 'Record that the review resumed',
    description: `恢复审理: the decision clock runs again. Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  extend: {
    summary: 'Record an extension of the decision period',
    description:
      `延期 (ARL art. 62): once, at most 30 days, ordinary procedure only. Conditions: APPEAL_WRONG_STATUS, ` +
      `EXTENSION_ALREADY_APPROVED, EXTENSION_NOT_IN_SIMPLE_PROCEDURE, ${DATES}.`,
  },
  decide: {
    summary: 'Record the reconsideration decision',
    description:
      '复议决定 (ARL arts. 63–73) and, in the same transaction, its effect on the decision: varied, revoked (whole or part), ' +
      'confirmed illegal or void change the decision’s status (the publication is to be withdrawn within 3 WD, PDR art. 11: ' +
      'see `effect`), the penalties in force and so what is owed are recomputed; revoked with redo reopens the case for a new ' +
      'decision (stage investigation); upheld, rejected and ordered to perform change nothing. A frozen surcharge accrues ' +
      'again from the next day. 400 when the outcome’s details are missing or do not apply. Conditions: APPEAL_WRONG_STATUS, ' +
      `VARIATION_HEAVIER, VARIATION_UNCHANGED, PARTIAL_REVOCATION_NOT_PARTIAL, REDO_NOT_POSSIBLE, DECISION_NOT_CHALLENGEABLE, ${DATES}.`,
  },
  withdraw: {
    summary: 'Record a withdrawal',
    description:
      `撤回 (ARL art. 74), e.g. after a settlement (和解): the review ends, the decision stands. Conditions: ` +
      `APPEAL_WRONG_STATUS, ${DATES}.`,
  },
  terminate: {
    summary: 'Record a termination',
    description: `终止 (ARL art. 41): the review ends, the decision stands. Conditions: APPEAL_WRONG_STATUS, ${DATES}.`,
  },
};

/** Reconsideration applications (行政复议) against the bureau's decisions, under /v1/reconsiderations. */
export const reconsiderationRoutes: FastifyPluginAsyncTypebox<{
  reconsiderations: ReconsiderationsService;
}> = async (app, { reconsiderations }) => {
  app.post(
    '',
    {
      config: { operation: 'reconsiderations.write' },
      schema: {
        tags,
        operationId: 'registerReconsideration',
        summary: 'Register a reconsideration application against a decision',
        description:
          '行政复议申请 (ARL arts. 20–30): against a case’s penalty or no-penalty decision or an on-the-spot penalty of the ' +
          'agency. The reviewing body defaults to the setting decision.reconsideration_body, else the district people’s ' +
          'government (ARL art. 24). The late surcharge of an unpaid, served fine stops accruing from the application date ' +
          '(APL art. 73(3)). Refused with 422 CASE_RULE_VIOLATION: DECISION_NOT_CHALLENGEABLE, ALREADY_UNDER_REVIEW (a ' +
          'reconsideration or lawsuit on the decision is pending), DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP. Appends ' +
          'reconsideration-applied to the case’s timeline.',
        headers: Headers(IdempotencyHeaders),
        body: ref(ReconsiderationCreateSchema),
        response: { 201: ref(ReconsiderationSchema), ...problemResponses(400, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await reconsiderations.create(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/reconsiderations/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'reconsiderations.read' },
      schema: {
        tags,
        operationId: 'listReconsiderations',
        summary: 'List reconsideration applications',
        description:
          'The agency’s reconsideration applications (行政复议) in the order registered, each with its clocks, filtered by ' +
          'status, year applied, case, on-the-spot decision, or overdue (a clock past due today).',
        querystring: ReconsiderationListQuery,
        response: { 200: ref(ReconsiderationPageSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      reconsiderations.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'reconsiderations.read' },
      schema: {
        tags,
        operationId: 'reconsiderationStats',
        summary: 'The year’s reconsideration figures',
        description:
          '行政复议统计: applications of the year by outcome, accepted, pending, decided, corrected (纠错) and the correction ' +
          'rate, overdue and late replies.',
        querystring: ReconsiderationStatsQuery,
        response: { 200: ref(ReconsiderationStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      reconsiderations.stats(app.database.db, principalOf(request).agencyId, request.query.year, app.now()),
  );

  app.get(
    '/:reconsiderationId',
    {
      config: { operation: 'reconsiderations.read' },
      schema: {
        tags,
        operationId: 'getReconsideration',
        summary: 'A reconsideration application',
        description:
          'One reconsideration application (行政复议) with every step, its clocks (reply: running, at risk, overdue, ' +
          'completed; decision) and what its outcome did to the decision (`effect`).',
        params: ReconsiderationParams,
        response: { 200: ref(ReconsiderationSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await reconsiderations.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.reconsiderationId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  for (const name of Object.keys(RECONSIDERATION_STEP_BODIES) as ReconsiderationStepName[]) {
    const pascal = name
      .split('-')
      .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
      .join('');
    app.post(
      `/:reconsiderationId/actions/${name}`,
      {
        config: { operation: 'reconsiderations.write' },
        schema: {
          tags,
          operationId: `reconsideration${pascal}`,
          summary: STEP_TERMS[name].summary,
          description:
            `${STEP_TERMS[name].description} Refused with 422 CASE_RULE_VIOLATION listing every unmet condition; nothing ` +
            'is written then. Appends the step to the case’s timeline. If-Match (the application’s ETag) is optional; ' +
            'when sent it must be current.',
          params: ReconsiderationParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: RECONSIDERATION_STEP_BODIES[name],
          response: { 200: ref(ReconsiderationSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await reconsiderations.step(
            ctx,
            request.params.reconsiderationId,
            name,
            request.body as never,
            versions,
          );
          return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
        });
      },
    );
  }
};

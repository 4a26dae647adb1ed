import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { CaseParams } from './cases.schemas';
import { requireOfficer } from './cases.service';
import {
  CaseCorrectionOrderListSchema,
  CorrectionOrderCreateSchema,
  CorrectionOrderListQuery,
  CorrectionOrderPageSchema,
  CorrectionOrderParams,
  CorrectionOrderSchema,
  FollowUpCreateSchema,
} from './correction-orders.schemas';
import type { CorrectionOrdersService } from './correction-orders.service';
import { SpotCheckCreateSchema, SpotCheckSchema } from './spot-checks.schemas';

const tags = ['cases'];

/** Correction orders (责令改正通知书) of a case, under /v1/cases/{caseId}/correction-orders. */
export const correctionOrderRoutes: FastifyPluginAsyncTypebox<{ orders: CorrectionOrdersService }> = async (
  app,
  { orders },
) => {
  app.post(
    '/:caseId/correction-orders',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'issueCorrectionOrder',
        summary: 'Issue a correction order',
        description:
          'Issues a correction order (责令改正通知书, APL art. 28) with a gap-free number (document type correction_order), ' +
          'the requirements, the deadline and the legal basis; its clock runs to the deadline. Refused with 422 ' +
          'CASE_RULE_VIOLATION when dated in the future or before the lead (DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP). ' +
          'Appends issue-correction-order to the timeline.',
        params: CaseParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(CorrectionOrderCreateSchema),
        response: { 201: ref(CorrectionOrderSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await orders.issue(ctx, request.params.caseId, request.body);
        return {
          status: 201,
          body: created,
          headers: {
            etag: etagOf(created.version),
            location: `/v1/cases/${created.caseId}/correction-orders/${created.id}`,
          },
        };
      });
    },
  );

  app.get(
    '/:caseId/correction-orders',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCaseCorrectionOrders',
        summary: 'The correction orders of a case',
        description:
          'Every correction order (责令改正通知书) of the case, with follow-ups, clock and spot checks.',
        params: CaseParams,
        response: { 200: ref(CaseCorrectionOrderListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      orders.listForCase(app.database.db, principalOf(request).agencyId, request.params.caseId, app.now()),
  );

  app.get(
    '/:caseId/correction-orders/:correctionOrderId',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCorrectionOrder',
        summary: 'A correction order',
        description:
          'One correction order (责令改正通知书) with its follow-ups (复查), clock and spot checks (抽查).',
        params: CorrectionOrderParams,
        response: { 200: ref(CorrectionOrderSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { caseId, correctionOrderId } = request.params;
      const found = await orders.get(
        app.database.db,
        principalOf(request).agencyId,
        caseId,
        correctionOrderId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  app.post(
    '/:caseId/correction-orders/:correctionOrderId/follow-up',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'followUpCorrectionOrder',
        summary: 'Record a follow-up check',
        description:
          'Records a follow-up check (复查) of a correction order: corrected (已改正), not corrected (未改正) or partly ' +
          '(部分改正). A check on or after the deadline, or one finding it corrected, settles the clock. Refused with 422 ' +
          'CASE_RULE_VIOLATION: ALREADY_CORRECTED, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP. If-Match (the order’s ETag) ' +
          'is optional; when sent it must be current.',
        params: CorrectionOrderParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(FollowUpCreateSchema),
        response: { 200: ref(CorrectionOrderSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      const ifMatch = request.headers['if-match'];
      const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
      return app.write(request, reply, async (ctx) => {
        const { caseId, correctionOrderId } = request.params;
        const updated = await orders.followUp(ctx, caseId, correctionOrderId, request.body, versions);
        return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
      });
    },
  );

  app.post(
    '/:caseId/correction-orders/:correctionOrderId/spot-checks',
    {
      config: { operation: 'spot_checks.write' },
      schema: {
        tags,
        operationId: 'spotCheckCorrectionOrder',
        summary: 'Record a spot check of a correction order',
        description:
          'Records a supervision spot check (抽查) of a correction order (责令改正通知书): who checked, when, and the problems ' +
          'found (反馈问题). Refused with 422 CASE_RULE_VIOLATION when dated in the future or before the order.',
        params: CorrectionOrderParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(SpotCheckCreateSchema),
        response: { 201: ref(SpotCheckSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const { caseId, correctionOrderId } = request.params;
        return { status: 201, body: await orders.spotCheck(ctx, caseId, correctionOrderId, request.body) };
      });
    },
  );
};

/** The agency's correction orders, under /v1/correction-orders: e.g. those overdue for their follow-up. */
export const correctionOrderListRoutes: FastifyPluginAsyncTypebox<{
  orders: CorrectionOrdersService;
}> = async (app, { orders }) => {
  app.get(
    '',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCorrectionOrders',
        summary: 'List the agency’s correction orders',
        description:
          'Correction orders (责令改正通知书) of every case of your agency, in the order issued, by year issued and overdue ' +
          '(past the deadline without a follow-up 复查).',
        querystring: CorrectionOrderListQuery,
        response: { 200: ref(CorrectionOrderPageSchema), ...problemResponses(400) },
      },
    },
    (request) => orders.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { CaseParams } from './cases.schemas';
import { requireOfficer } from './cases.service';
import {
  CaseInterviewListSchema,
  InterviewCreateSchema,
  InterviewParams,
  InterviewSchema,
} from './interviews.schemas';
import type { InterviewsService } from './interviews.service';
import { SpotCheckCreateSchema, SpotCheckSchema } from './spot-checks.schemas';

const tags = ['cases'];

/** Administrative interview records (行政约谈记录) of a case, under /v1/cases/{caseId}/interviews. */
export const interviewRoutes: FastifyPluginAsyncTypebox<{ interviews: InterviewsService }> = async (
  app,
  { interviews },
) => {
  app.post(
    '/:caseId/interviews',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'recordCaseInterview',
        summary: 'Record an administrative interview',
        description:
          'Records an administrative interview (行政约谈记录): when, the bureau’s officers, the party’s representative ' +
          'interviewed (约谈对象), the subject and the record. Refused with 422 CASE_RULE_VIOLATION when dated in the ' +
          'future or before the lead. Appends record-interview to the timeline.',
        params: CaseParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(InterviewCreateSchema),
        response: { 201: ref(InterviewSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await interviews.record(ctx, request.params.caseId, request.body);
        return {
          status: 201,
          body: created,
          headers: { location: `/v1/cases/${created.caseId}/interviews/${created.id}` },
        };
      });
    },
  );

  app.get(
    '/:caseId/interviews',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCaseInterviews',
        summary: 'The interview records of a case',
        description:
          'Every administrative interview record (行政约谈记录) of the case, oldest first, with spot checks.',
        params: CaseParams,
        response: { 200: ref(CaseInterviewListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => interviews.list(app.database.db, principalOf(request).agencyId, request.params.caseId),
  );

  app.get(
    '/:caseId/interviews/:interviewId',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCaseInterview',
        summary: 'An interview record',
        description: 'One administrative interview record (行政约谈记录) with its spot checks (抽查).',
        params: InterviewParams,
        response: { 200: ref(InterviewSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      interviews.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.caseId,
        request.params.interviewId,
      ),
  );

  app.post(
    '/:caseId/interviews/:interviewId/spot-checks',
    {
      config: { operation: 'spot_checks.write' },
      schema: {
        tags,
        operationId: 'spotCheckCaseInterview',
        summary: 'Record a spot check of an interview record',
        description:
          'Records a supervision spot check (抽查) of an interview record (行政约谈记录): who checked, when, and the problems ' +
          'found (反馈问题). Refused with 422 CASE_RULE_VIOLATION when dated in the future or before the interview.',
        params: InterviewParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(SpotCheckCreateSchema),
        response: { 201: ref(SpotCheckSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const { caseId, interviewId } = request.params;
        return { status: 201, body: await interviews.spotCheck(ctx, caseId, interviewId, request.body) };
      });
    },
  );
};

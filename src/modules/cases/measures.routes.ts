import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { CaseParams } from './cases.schemas';
import { requireOfficer } from './cases.service';
import {
  CaseMeasureListSchema,
  MEASURE_STEP_BODIES,
  MeasureCreateSchema,
  MeasureListQuery,
  MeasurePageSchema,
  MeasureParams,
  MeasureSchema,
  type MeasureStep,
} from './measures.schemas';
import type { MeasuresService } from './measures.service';

const tags = ['cases'];

/** What each step records, in Chinese terms, and the conditions that can refuse it. */
const STEP_TERMS: Record<MeasureStep, { summary: string; description: string }> = {
  approve: {
    summary: 'Approve an emergency measure',
    description:
      '补办批准手续 (ACL art. 19): the bureau head’s decision on a measure taken in an emergency, due within 24 hours of ' +
      'the act (a later one is recorded and flagged EMERGENCY_APPROVAL_OVERDUE). A refusal (不批准) flags the measure ' +
      'APPROVAL_REFUSED_NOT_RELEASED until it is released. Conditions: MEASURE_ENDED, MEASURE_APPROVAL_RECORDED, ' +
      'MEASURE_APPROVER_NOT_BUREAU_HEAD, DATE_BEFORE_PREVIOUS_STEP, DATE_IN_FUTURE.',
  },
  extend: {
    summary: 'Extend a seal-up or seizure',
    description:
      '延长查封、扣押期限 (ACL art. 25): once, by at most 30 days, with the bureau head’s approval, on or before the last ' +
      'day of the period. Conditions: WRONG_MEASURE_KIND, MEASURE_ENDED, MEASURE_NOT_APPROVED, ' +
      'MEASURE_APPROVER_NOT_BUREAU_HEAD, MEASURE_EXTENSION_NOT_ALLOWED, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  release: {
    summary: 'Release a seal-up or seizure',
    description:
      '解除查封、扣押 (ACL art. 28), with the date and the reason; ends the measure’s clock. Conditions: ' +
      'WRONG_MEASURE_KIND, MEASURE_ENDED, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  handle: {
    summary: 'Decide how to handle preserved evidence',
    description:
      '先行登记保存的处理决定 (APL art. 56): due within 7 working days of the preservation; a late decision is recorded ' +
      'and its clock shows completed_late. Conditions: WRONG_MEASURE_KIND, MEASURE_ENDED, DATE_IN_FUTURE, ' +
      'DATE_BEFORE_PREVIOUS_STEP.',
  },
};

/** Seal-up, seizure and advance preservation, under /v1/cases. */
export const measureRoutes: FastifyPluginAsyncTypebox<{ measures: MeasuresService }> = async (
  app,
  { measures },
) => {
  app.get(
    '/measures',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listMeasures',
        summary: 'List the agency’s measures',
        description:
          'Seal-ups (查封), seizures (扣押) and advance preservations (先行登记保存) of every case of your agency, in the ' +
          'order recorded, with their clocks and flags, and the total matching the filter: e.g. ' +
          'flag=NO_AUDIO_VIDEO_RECORD for compulsory measures without an audio-video record (全过程音像记录), as ' +
          'supervision reports them.',
        querystring: MeasureListQuery,
        response: { 200: ref(MeasurePageSchema), ...problemResponses(400) },
      },
    },
    (request) => measures.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );

  app.post(
    '/:caseId/measures',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'takeCaseMeasure',
        summary: 'Record a seal-up, seizure or advance preservation',
        description:
          'Records a seal-up (查封) or seizure (扣押) (ACL arts. 18–19, 25) or an advance registration and preservation of ' +
          'evidence (先行登记保存, APL art. 56): approved by the bureau head before the act (prior), or in an emergency ' +
          '(情况紧急) within 24 hours after it (emergency; approve it with the approve step). Refused with 422 ' +
          'CASE_RULE_VIOLATION unless two officers certified on the day took it (TOO_FEW_CERTIFIED_OFFICERS_ON_SITE), ' +
          'the case is a lead or under investigation and not suspended (NOT_UNDER_INVESTIGATION, CASE_SUSPENDED), the ' +
          'approver is the bureau head (MEASURE_APPROVER_NOT_BUREAU_HEAD), a prior approval precedes the act ' +
          '(MEASURE_APPROVAL_AFTER_START), and the dates are neither in the future nor before the lead (DATE_IN_FUTURE, ' +
          'DATE_BEFORE_PREVIOUS_STEP). A seal-up or seizure without an audio-video record (全过程音像记录) is accepted and ' +
          'flagged NO_AUDIO_VIDEO_RECORD.',
        params: CaseParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(MeasureCreateSchema),
        response: { 201: ref(MeasureSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await measures.take(ctx, request.params.caseId, request.body);
        return {
          status: 201,
          body: created,
          headers: {
            etag: etagOf(created.version),
            location: `/v1/cases/${created.caseId}/measures/${created.id}`,
          },
        };
      });
    },
  );

  app.get(
    '/:caseId/measures',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCaseMeasures',
        summary: 'The measures of a case',
        description:
          'The seal-ups (查封), seizures (扣押) and advance preservations (先行登记保存) of the case, in the order taken, each ' +
          'with its clock (due date, days left, state, rule) and flags.',
        params: CaseParams,
        response: { 200: ref(CaseMeasureListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      measures.listForCase(app.database.db, principalOf(request).agencyId, request.params.caseId, app.now()),
  );

  app.get(
    '/:caseId/measures/:measureId',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCaseMeasure',
        summary: 'A measure',
        description:
          'One seal-up (查封), seizure (扣押) or advance preservation (先行登记保存), with its clock and flags.',
        params: MeasureParams,
        response: { 200: ref(MeasureSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await measures.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.caseId,
        request.params.measureId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  for (const name of Object.keys(MEASURE_STEP_BODIES) as MeasureStep[]) {
    app.post(
      `/:caseId/measures/:measureId/actions/${name}`,
      {
        config: { operation: 'cases.write' },
        schema: {
          tags,
          operationId: `caseMeasure${name[0]?.toUpperCase()}${name.slice(1)}`,
          summary: STEP_TERMS[name].summary,
          description:
            `${STEP_TERMS[name].description} Refused with 422 CASE_RULE_VIOLATION listing every unmet condition; nothing ` +
            'is written then. If-Match (the measure’s ETag) is optional; when sent it must be current.',
          params: MeasureParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: MEASURE_STEP_BODIES[name],
          response: { 200: ref(MeasureSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await measures.step(
            ctx,
            request.params.caseId,
            request.params.measureId,
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

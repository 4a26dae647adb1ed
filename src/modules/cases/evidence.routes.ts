import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { CaseParams } from './cases.schemas';
import { requireOfficer } from './cases.service';
import { EvidenceCreateSchema, EvidenceListSchema, EvidenceParams, EvidenceSchema } from './evidence.schemas';
import type { EvidenceService } from './evidence.service';

const tags = ['cases'];

/** The evidence register (证据登记) of a case, under /v1/cases/{caseId}/evidence. */
export const evidenceRoutes: FastifyPluginAsyncTypebox<{ evidence: EvidenceService }> = async (
  app,
  { evidence },
) => {
  app.post(
    '/:caseId/evidence',
    {
      config: { operation: 'cases.write' },
      schema: {
        tags,
        operationId: 'registerCaseEvidence',
        summary: 'Register evidence',
        description:
          'Registers a piece of evidence (证据登记, APL art. 46): its kind (书证、物证、视听资料、电子数据、证人证言、当事人的陈述、' +
          '鉴定意见、勘验笔录/现场笔录), who collected it and when, and the digest of its file (SHA-256 or SM3). Refused with ' +
          '422 CASE_RULE_VIOLATION unless at least two officers certified on the date collected it ' +
          '(TOO_FEW_CERTIFIED_OFFICERS_ON_SITE, APL art. 42), the case is a lead or under investigation and not suspended ' +
          '(NOT_UNDER_INVESTIGATION, CASE_SUSPENDED), and the date is neither in the future nor before the lead ' +
          '(DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP). Appends register-evidence to the timeline.',
        params: CaseParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(EvidenceCreateSchema),
        response: { 201: ref(EvidenceSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await evidence.register(ctx, request.params.caseId, request.body);
        return {
          status: 201,
          body: created,
          headers: { location: `/v1/cases/${created.caseId}/evidence/${created.id}` },
        };
      });
    },
  );

  app.get(
    '/:caseId/evidence',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCaseEvidence',
        summary: 'The evidence register',
        description: 'Every piece of evidence registered for the case (证据登记), oldest first.',
        params: CaseParams,
        response: { 200: ref(EvidenceListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => evidence.list(app.database.db, principalOf(request).agencyId, request.params.caseId),
  );

  app.get(
    '/:caseId/evidence/:evidenceId',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCaseEvidence',
        summary: 'A piece of evidence',
        description: 'One registered piece of evidence (证据) of the case.',
        params: EvidenceParams,
        response: { 200: ref(EvidenceSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      evidence.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.caseId,
        request.params.evidenceId,
      ),
  );
};

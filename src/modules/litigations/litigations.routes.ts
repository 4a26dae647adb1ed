import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { requireOfficer } from '../cases/cases.service';
import {
  LITIGATION_STEP_BODIES,
  LitigationCreateSchema,
  LitigationListQuery,
  LitigationPageSchema,
  LitigationParams,
  LitigationSchema,
  LitigationStatsQuery,
  LitigationStatsSchema,
  type LitigationStep,
} from './litigations.schemas';
import type { LitigationsService } from './litigations.service';

const tags = ['litigations'];

const DATES = 'DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP';

/** What each step records, in Chinese terms, and the conditions that can refuse it. */
const STEP_TERMS: Record<LitigationStep, { summary: string; description: string }> = {
  'file-defence': {
    summary: 'File the defence and evidence',
    description:
      '答辩状及证据 (ALL art. 67): due 15 d after the complaint copy was received (a last day off rolls to the next ' +
      'working day); a late defence is recorded and its clock shows completed_late. Conditions: APPEAL_WRONG_STATUS, ' +
      `DEFENCE_ALREADY_FILED, ${DATES}.`,
  },
  'record-hearing': {
    summary: 'Record a court hearing',
    description:
      '庭审: who appeared for the bureau and whether its head did (负责人出庭应诉, ALL art. 3); a hearing without the head ' +
      'needs the reason and is flagged. 400 when an attendee with role head is not an active bureau head of the agency, ' +
      'when headAppeared disagrees with the attendees, or the reason is missing. Conditions: APPEAL_WRONG_STATUS, ' +
      `${DATES}.`,
  },
  'record-judgment': {
    summary: 'Record the judgment, ruling or mediation',
    description:
      '判决 / 裁定 / 调解: the outcome must fit the kind (400). Its effect on the decision is checked first (a heavier ' +
      'variation: VARIATION_HEAVIER, ALL art. 77(2)). A second-instance outcome (终审), a mediation, and a first-instance ' +
      'ruling permitting withdrawal (准许撤诉) or terminating the suit take effect at once: the surcharge freeze ends and ' +
      'the effect applies (the decision’s status, penalties in force, the case reopened for a new decision, the ' +
      'publication withdrawn within 3 WD). Otherwise the suit is judged and the appeal period runs (15 d judgment, ' +
      '10 d ruling, ALL art. 85). Conditions: APPEAL_WRONG_STATUS, VARIATION_HEAVIER, VARIATION_UNCHANGED, ' +
      `PARTIAL_REVOCATION_NOT_PARTIAL, REDO_NOT_POSSIBLE, ${DATES}.`,
  },
  appeal: {
    summary: 'Record an appeal',
    description:
      '上诉 (ALL art. 85): against a first-instance judgment within 15 d, a ruling within 10 d of service. The first ' +
      'instance is kept as firstInstance; the suit is pending at second instance before the new court. Conditions: ' +
      `APPEAL_WRONG_STATUS, NOT_APPEALABLE, APPEAL_PERIOD_ENDED, ${DATES}.`,
  },
  'take-effect': {
    summary: 'Record that the first-instance outcome took effect',
    description:
      '生效: once the appeal period ended without an appeal; the surcharge freeze ends and the outcome’s effect on the ' +
      'decision applies in the same transaction. Conditions: APPEAL_WRONG_STATUS, APPEAL_PERIOD_RUNNING, VARIATION_HEAVIER, ' +
      `${DATES}.`,
  },
};

/** Administrative lawsuits (行政诉讼), under /v1/litigations. */
export const litigationRoutes: FastifyPluginAsyncTypebox<{ litigations: LitigationsService }> = async (
  app,
  { litigations },
) => {
  app.post(
    '',
    {
      config: { operation: 'litigations.write' },
      schema: {
        tags,
        operationId: 'fileLitigation',
        summary: 'Register a lawsuit against a decision',
        description:
          'Records a lawsuit (行政诉讼) against a case’s decision or an on-the-spot penalty of the agency: the court, its case ' +
          'number, the plaintiff (resident id shown masked), the claims, the filing and the day the complaint copy was ' +
          'received (the 15-day defence clock starts, ALL art. 67). After a decided reconsideration that upheld the decision, ' +
          'its reviewing body is co-defendant (ALL art. 26(2)). Freezes the case’s late surcharge while the suit is pending ' +
          '(APL art. 73(3)) and appends litigation-filed to the case’s timeline. Refused with 422 CASE_RULE_VIOLATION: ' +
          `DECISION_NOT_CHALLENGEABLE, ALREADY_UNDER_REVIEW (a pending suit or reconsideration of the decision), ${DATES}.`,
        headers: Headers(IdempotencyHeaders),
        body: ref(LitigationCreateSchema),
        response: { 201: ref(LitigationSchema), ...problemResponses(400, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await litigations.create(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/litigations/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'litigations.read' },
      schema: {
        tags,
        operationId: 'listLitigations',
        summary: 'List lawsuits',
        description:
          'The agency’s lawsuits (行政诉讼) in the order registered, each with its clocks, hearings and effect, filtered by ' +
          'status, year filed, case, or overdue (the defence past due today; the appeal period is never overdue).',
        querystring: LitigationListQuery,
        response: { 200: ref(LitigationPageSchema), ...problemResponses(400) },
      },
    },
    (request) => litigations.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'litigations.read' },
      schema: {
        tags,
        operationId: 'litigationStats',
        summary: 'The year’s litigation figures',
        description:
          '行政诉讼统计 for the suits filed in the year: pending, effective by outcome (every outcome, zeros included), ' +
          'corrected and the correction rate (纠错率), defences overdue or late; and the hearings held in the year, those ' +
          'attended by an officer of the bureau, with and without the head (负责人出庭应诉).',
        querystring: LitigationStatsQuery,
        response: { 200: ref(LitigationStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      litigations.stats(app.database.db, principalOf(request).agencyId, request.query.year, app.now()),
  );

  app.get(
    '/:litigationId',
    {
      config: { operation: 'litigations.read' },
      schema: {
        tags,
        operationId: 'getLitigation',
        summary: 'A lawsuit',
        description:
          'One lawsuit (行政诉讼) with its clocks — the defence (running, at_risk, overdue, completed, completed_late) and the ' +
          'appeal period (running, at_risk, lapsed, appealed) — its hearings, the count of hearings without the head, and ' +
          'the effect its outcome had on the decision.',
        params: LitigationParams,
        response: { 200: ref(LitigationSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await litigations.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.litigationId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  for (const name of Object.keys(LITIGATION_STEP_BODIES) as LitigationStep[]) {
    const pascal = name
      .split('-')
      .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
      .join('');
    app.post(
      `/:litigationId/actions/${name}`,
      {
        config: { operation: 'litigations.write' },
        schema: {
          tags,
          operationId: `litigation${pascal}`,
          summary: STEP_TERMS[name].summary,
          description:
            `${STEP_TERMS[name].description} Refused with 422 CASE_RULE_VIOLATION listing every unmet condition; nothing ` +
            'is written then. Appends the step to the case’s timeline. If-Match (the suit’s ETag) is optional; when sent ' +
            'it must be current.',
          params: LitigationParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: LITIGATION_STEP_BODIES[name],
          response: { 200: ref(LitigationSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await litigations.step(
            ctx,
            request.params.litigationId,
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

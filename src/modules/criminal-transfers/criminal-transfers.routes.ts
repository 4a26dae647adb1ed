import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { requireOfficer } from '../cases/cases.service';
import {
  JointCaseCreateSchema,
  JointCaseListQuery,
  JointCasePageSchema,
  JointCaseParams,
  JointCaseSchema,
  TRANSFER_STEP_BODIES,
  TransferCreateSchema,
  TransferListQuery,
  TransferPageSchema,
  TransferParams,
  TransferSchema,
  TransferStatsQuery,
  TransferStatsSchema,
  type TransferStep,
} from './criminal-transfers.schemas';
import type { CriminalTransfersService } from './criminal-transfers.service';

const tags = ['criminal-transfers'];

/** What each step records, in Chinese terms, and the conditions that can refuse it. */
const STEP_TERMS: Record<TransferStep, { summary: string; description: string }> = {
  decide: {
    summary: 'Decide on a transfer report',
    description:
      '审批移送报告 (TR art. 5): the bureau head approves (批准移送, the 24-hour transfer clock starts) or refuses within 3 days ' +
      'of the report; a late decision is recorded and its clock shows completed_late. Conditions: TRANSFER_WRONG_STATUS, ' +
      'TRANSFER_APPROVER_NOT_BUREAU_HEAD, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  send: {
    summary: 'Transfer the case to the police',
    description:
      '移送公安机关 (TR art. 6): within 24 hours of the approval, with a numbered 涉嫌犯罪案件移送书 (document type ' +
      'criminal_transfer); a late transfer is recorded and its clock shows completed_late. A lead (线索) is closed as ' +
      'transferred. Conditions: TRANSFER_WRONG_STATUS, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  receipt: {
    summary: 'Record the police’s receipt',
    description:
      '公安机关回执. Conditions: TRANSFER_WRONG_STATUS, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  'police-decision': {
    summary: 'Record the police’s decision',
    description:
      '公安机关立案 / 不予立案 (TR art. 8). Filing starts the 3-day hand-over clock of seized items (TR art. 12); not ' +
      'filing opens the 3-day review request period from the day the notice was received (TR art. 9). Conditions: ' +
      'TRANSFER_WRONG_STATUS, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  'request-review': {
    summary: 'Ask the police to reconsider not filing',
    description:
      '提请复议 (TR art. 9): once, within 3 days of receiving the notice not to file. Conditions: TRANSFER_WRONG_STATUS, ' +
      'REVIEW_ALREADY_REQUESTED, REVIEW_REQUEST_PERIOD_ENDED, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  'review-result': {
    summary: 'Record the review’s result',
    description:
      '复议决定: the police file after all (立案, the hand-over clock starts) or uphold not filing (维持不予立案). ' +
      'Conditions: TRANSFER_WRONG_STATUS, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP.',
  },
  'hand-over': {
    summary: 'Hand seized items over to the police',
    description:
      '移交涉案物品 (TR art. 12): within 3 days of the police filing; a late hand-over is recorded and its clock shows ' +
      'completed_late. Conditions: TRANSFER_WRONG_STATUS, NO_SEIZED_ITEMS, ITEMS_ALREADY_HANDED_OVER, DATE_IN_FUTURE, ' +
      'DATE_BEFORE_PREVIOUS_STEP.',
  },
  return: {
    summary: 'Record that the police sent the matter back',
    description:
      '公安机关退回: not filed (no review pending), or not criminal after filing. The transfer stops being pending; an ' +
      'open case continues (a decided one too unless it was decided as a transfer), anything else re-enters as a new ' +
      'lead (线索, source referral, sourceRef the police letter). Conditions: TRANSFER_WRONG_STATUS, DATE_IN_FUTURE, ' +
      'DATE_BEFORE_PREVIOUS_STEP.',
  },
};

/** Criminal transfers (行刑衔接), under /v1/criminal-transfers. */
export const criminalTransferRoutes: FastifyPluginAsyncTypebox<{
  transfers: CriminalTransfersService;
}> = async (app, { transfers }) => {
  app.post(
    '',
    {
      config: { operation: 'criminal_transfers.write' },
      schema: {
        tags,
        operationId: 'reportCriminalTransfer',
        summary: 'Report a lead or case for transfer to the police',
        description:
          'Records a transfer report (涉嫌犯罪案件移送报告, TR art. 5) on a lead (线索) or case (案件) at any stage before ' +
          'closure, by a team of at least two officers certified on the date; the head’s 3-day decision clock starts. From ' +
          'now until the police send it back, the case may not be decided with a fine (以罚代刑, TR art. 11: ' +
          'CRIMINAL_TRANSFER_PENDING). Refused with 422 CASE_RULE_VIOLATION: CASE_NOT_TRANSFERABLE, TRANSFER_IN_PROGRESS, ' +
          'TRANSFER_TEAM_TOO_SMALL, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP. Appends criminal-transfer-report to the ' +
          'case’s timeline.',
        headers: Headers(IdempotencyHeaders),
        body: ref(TransferCreateSchema),
        response: { 201: ref(TransferSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await transfers.report(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/criminal-transfers/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'criminal_transfers.read' },
      schema: {
        tags,
        operationId: 'listCriminalTransfers',
        summary: 'List criminal transfers',
        description:
          'The agency’s criminal transfers (行刑衔接) in the order reported, each with its clocks, filtered by status, year ' +
          'reported, case, or overdue (a clock past due today).',
        querystring: TransferListQuery,
        response: { 200: ref(TransferPageSchema), ...problemResponses(400) },
      },
    },
    (request) => transfers.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'criminal_transfers.read' },
      schema: {
        tags,
        operationId: 'criminalTransferStats',
        summary: 'The year’s criminal-transfer figures',
        description:
          '行刑衔接统计: leads (线索) and cases (案件) sent to the police in the year, filed (立案), not filed (不予立案), review ' +
          'requests, returns (退回), transfers later than 24 hours, and joint cases with the police (联合查处).',
        querystring: TransferStatsQuery,
        response: { 200: ref(TransferStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      transfers.stats(app.database.db, principalOf(request).agencyId, request.query.year, app.now()),
  );

  app.post(
    '/joint-cases',
    {
      config: { operation: 'criminal_transfers.write' },
      schema: {
        tags,
        operationId: 'recordPoliceJointCase',
        summary: 'Record a case investigated jointly with the police',
        description:
          '联合公安机关查处: a case of the bureau investigated together with public security (not a transfer). Appends ' +
          'police-joint-investigation to the case’s timeline.',
        headers: Headers(IdempotencyHeaders),
        body: ref(JointCaseCreateSchema),
        response: { 201: ref(JointCaseSchema), ...problemResponses(400, 413, 415) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await transfers.addJointCase(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { location: `/v1/criminal-transfers/joint-cases/${created.id}` },
        };
      });
    },
  );

  app.get(
    '/joint-cases',
    {
      config: { operation: 'criminal_transfers.read' },
      schema: {
        tags,
        operationId: 'listPoliceJointCases',
        summary: 'List joint cases with the police',
        description: 'Cases investigated jointly with public security (联合查处), in the order recorded.',
        querystring: JointCaseListQuery,
        response: { 200: ref(JointCasePageSchema), ...problemResponses(400) },
      },
    },
    (request) => transfers.listJointCases(app.database.db, principalOf(request).agencyId, request.query),
  );

  app.get(
    '/joint-cases/:jointCaseId',
    {
      config: { operation: 'criminal_transfers.read' },
      schema: {
        tags,
        operationId: 'getPoliceJointCase',
        summary: 'A joint case with the police',
        description: 'One case investigated jointly with public security (联合查处).',
        params: JointCaseParams,
        response: { 200: ref(JointCaseSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      transfers.getJointCase(app.database.db, principalOf(request).agencyId, request.params.jointCaseId),
  );

  app.get(
    '/:transferId',
    {
      config: { operation: 'criminal_transfers.read' },
      schema: {
        tags,
        operationId: 'getCriminalTransfer',
        summary: 'A criminal transfer',
        description:
          'One criminal transfer (行刑衔接) with every step recorded and its clocks (due, left, state, overdue): the head’s ' +
          'decision (3 d), the transfer (24 h), the review request (3 d) and the hand-over of seized items (3 d).',
        params: TransferParams,
        response: { 200: ref(TransferSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await transfers.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.transferId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  for (const name of Object.keys(TRANSFER_STEP_BODIES) as TransferStep[]) {
    const pascal = name
      .split('-')
      .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
      .join('');
    app.post(
      `/:transferId/actions/${name}`,
      {
        config: { operation: 'criminal_transfers.write' },
        schema: {
          tags,
          operationId: `criminalTransfer${pascal}`,
          summary: STEP_TERMS[name].summary,
          description:
            `${STEP_TERMS[name].description} Refused with 422 CASE_RULE_VIOLATION listing every unmet condition; nothing ` +
            'is written then. Appends the step to the case’s timeline. If-Match (the transfer’s ETag) is optional; when ' +
            'sent it must be current.',
          params: TransferParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: TRANSFER_STEP_BODIES[name],
          response: { 200: ref(TransferSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await transfers.step(
            ctx,
            request.params.transferId,
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

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { ON_THE_SPOT_CONDITIONS } from '../../domain/on-the-spot/on-the-spot';
import { etagOf } from '../../http/etag';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { requireOfficer } from '../cases/cases.service';
import {
  OnTheSpotCreateSchema,
  OnTheSpotFilingSchema,
  OnTheSpotListQuery,
  OnTheSpotPageSchema,
  OnTheSpotParams,
  OnTheSpotPenaltySchema,
  OnTheSpotReviewCreateSchema,
  OnTheSpotReviewSchema,
  OnTheSpotStatsQuery,
  OnTheSpotStatsSchema,
} from './on-the-spot.schemas';
import type { OnTheSpotService } from './on-the-spot.service';

const tags = ['on-the-spot-penalties'];
const codes = Object.keys(ON_THE_SPOT_CONDITIONS).join(', ');

/** On-the-spot penalties (当场处罚, 简易程序) under /v1/on-the-spot-penalties. */
export const onTheSpotRoutes: FastifyPluginAsyncTypebox<{ onTheSpot: OnTheSpotService }> = async (
  app,
  { onTheSpot },
) => {
  const today = () => chinaDate(app.now());

  app.post(
    '',
    {
      config: { operation: 'on_the_spot.write' },
      schema: {
        tags,
        operationId: 'recordOnTheSpotPenalty',
        summary: 'Record an on-the-spot penalty decision',
        description:
          'Records an on-the-spot penalty decision (当场行政处罚决定书, 简易程序, APL arts. 51–52) and gives it its gap-free ' +
          'number (document type on_the_spot_decision). Only a warning or a fine of at most CNY 200 (natural person, ' +
          'individual business) or CNY 3,000 (organisation) may be imposed on the spot: anything more answers 422 ' +
          'ON_THE_SPOT_LIMIT_EXCEEDED, its unmet list naming FINE_ABOVE_LIMIT, PENALTY_TYPE_NOT_ALLOWED or NO_PENALTY ' +
          '(APL art. 51). Other conditions answer 422 ON_THE_SPOT_RULE_VIOLATION: at least two officers certified on ' +
          'the date (APL arts. 42, 52), a penalty item in force on the date, not dated in the future, and a fine ' +
          'collected on the spot as a small fine only up to CNY 100 (APL art. 68). A refused request writes nothing ' +
          'and consumes no number. The record carries the remedies statement (复议前置, ARL art. 23; setting ' +
          'on_the_spot.remedies_notice), the filing clock (备案, setting on_the_spot.filing_working_days) and ' +
          'publishable: false (PDR art. 2).',
        headers: Headers(IdempotencyHeaders),
        body: ref(OnTheSpotCreateSchema),
        response: { 201: ref(OnTheSpotPenaltySchema), ...problemResponses(400, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await onTheSpot.decide(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/on-the-spot-penalties/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'on_the_spot.read' },
      schema: {
        tags,
        operationId: 'listOnTheSpotPenalties',
        summary: 'List on-the-spot penalties',
        description:
          'On-the-spot penalty decisions (当场处罚) of your agency, oldest first, each with its filing clock (备案期限). ' +
          'Filters combine: officer, party (name substring or exact unified social credit code), decision date range, ' +
          'filed (已备案) or not, overdue (备案逾期, as of today on the working calendar), reviewed (文书审查) or not.',
        querystring: OnTheSpotListQuery,
        response: { 200: ref(OnTheSpotPageSchema), ...problemResponses(400) },
      },
    },
    (request) => onTheSpot.list(app.database.db, principalOf(request).agencyId, request.query, today()),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'on_the_spot.read' },
      schema: {
        tags,
        operationId: 'getOnTheSpotPenaltyStats',
        summary: 'On-the-spot penalty statistics',
        description:
          'Figures for the decisions made in a period (当场处罚统计): `year`, or `from` and `to` (e.g. two years: ' +
          'from=2023-01-01&to=2024-12-31); neither: the current year. Decisions, warnings, fines, filing on time / late ' +
          '/ pending / overdue (备案), and the form reviews (文书审查) of those decisions: decisions reviewed, reviews, ' +
          'problems found by code.',
        querystring: OnTheSpotStatsQuery,
        response: { 200: ref(OnTheSpotStatsSchema), ...problemResponses(400) },
      },
    },
    (request) => onTheSpot.stats(app.database.db, principalOf(request).agencyId, request.query, today()),
  );

  app.get(
    '/:penaltyId',
    {
      config: { operation: 'on_the_spot.read' },
      schema: {
        tags,
        operationId: 'getOnTheSpotPenalty',
        summary: 'Get an on-the-spot penalty',
        description:
          'One on-the-spot penalty decision (当场行政处罚决定): party (personal data masked), officers, penalty, payment, ' +
          'remedies statement (复议前置), filing and its clock (备案期限), reviews (文书审查), publishable: false.',
        params: OnTheSpotParams,
        response: { 200: ref(OnTheSpotPenaltySchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await onTheSpot.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.penaltyId,
        today(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  app.post(
    '/:penaltyId/filing',
    {
      config: { operation: 'on_the_spot.write' },
      schema: {
        tags,
        operationId: 'fileOnTheSpotPenalty',
        summary: 'Record the filing with the bureau',
        description:
          'Records that the decision was filed with the bureau (备案, APL art. 52). A filing after the due date is ' +
          'recorded and shows as completed_late. Refused with 422 ON_THE_SPOT_RULE_VIOLATION when already filed, ' +
          `dated in the future or before the decision. Condition codes: ${codes}.`,
        params: OnTheSpotParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(OnTheSpotFilingSchema),
        response: { 200: ref(OnTheSpotPenaltySchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const updated = await onTheSpot.file(ctx, request.params.penaltyId, request.body);
        return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
      });
    },
  );

  app.post(
    '/:penaltyId/reviews',
    {
      config: { operation: 'on_the_spot.review' },
      schema: {
        tags,
        operationId: 'reviewOnTheSpotPenalty',
        summary: 'Record a form review',
        description:
          'Records a form review (文书审查) of the decision with the problems found, from a small catalogue (missing ' +
          'element, wrong legal basis, amount outside the limit, no remedies statement, not filed in time, other). ' +
          'A decision may be reviewed several times. Refused with 422 ON_THE_SPOT_RULE_VIOLATION when the reviewer ' +
          'made the decision (REVIEWER_DECIDED) or the date is in the future or before the decision.',
        params: OnTheSpotParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(OnTheSpotReviewCreateSchema),
        response: { 201: ref(OnTheSpotReviewSchema), ...problemResponses(400, 404, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await onTheSpot.review(ctx, request.params.penaltyId, request.body);
        return {
          status: 201,
          body: created,
          headers: { location: `/v1/on-the-spot-penalties/${created.penaltyId}` },
        };
      });
    },
  );
};

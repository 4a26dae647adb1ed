import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate, yearOf } from '../../domain/calendar/dates';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import {
  AdjustmentCreateSchema,
  AdjustmentListQuery,
  AdjustmentPageSchema,
  AdjustmentParams,
  AdjustmentSchema,
  AdjustmentStatsSchema,
  CHANGE_REFUSAL_DOCS,
  StatsQuery,
} from './power-list.schemas';
import * as service from './power-list.service';

const tags = ['power-list'];

export const adjustmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '',
    {
      config: { operation: 'power_list.adjust' },
      schema: {
        tags,
        operationId: 'adjustPowerList',
        summary: 'Apply a dynamic adjustment',
        description:
          'Applies a dynamic adjustment (动态调整) of the power and responsibility list (权责清单) from ' +
          '`effectiveOn`: adds (新增), modifications (调整, full replacement of the content; the code stays), ' +
          'cancellations (取消), delegations (下放) and take-overs (承接), all or none. Each change ends the ' +
          'item’s current version at effectiveOn (its last day is the day before) and opens a new one from it; ' +
          'before / after are kept. A concurrent add of the same code may answer 409 DUPLICATE. If any change is refused, nothing is written and the answer is 422 with code UNPROCESSABLE, ' +
          'reason ADJUSTMENT_REFUSED and `changeErrors`: [{ change (index from 0), pointer (JSON pointer into ' +
          'this body, e.g. /changes/2/item/benchmarks/0/tiers/1), reason, message }] listing every refusal. ' +
          `Reasons: ${CHANGE_REFUSAL_DOCS}.`,
        headers: Headers(IdempotencyHeaders),
        body: ref(AdjustmentCreateSchema),
        response: { 201: ref(AdjustmentSchema), ...problemResponses(400, 403, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const adjustment = await service.applyAdjustment(ctx, request.body);
        return {
          status: 201,
          body: adjustment,
          headers: { location: `/v1/power-list/adjustments/${adjustment.id}` },
        };
      }),
  );

  app.get(
    '',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'listPowerListAdjustments',
        summary: 'List dynamic adjustments',
        description:
          'The dynamic adjustments (动态调整) of your agency’s list in the order they took effect, optionally ' +
          'those effective in one year, one page at a time (keyset cursor).',
        querystring: AdjustmentListQuery,
        response: { 200: ref(AdjustmentPageSchema), ...problemResponses(400) },
      },
    },
    (request) => service.listAdjustments(app.database.db, principalOf(request).agencyId, request.query),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'getPowerListAdjustmentStats',
        summary: 'Dynamic adjustments of a year',
        description:
          'For a year (default this year): how many dynamic adjustments (动态调整) took effect, the distinct ' +
          'laws and regulations (法律法规) they name, the items they changed and the changes by type. The ' +
          'initial import of a list (清单初始导入) is not counted as an adjustment.',
        querystring: StatsQuery,
        response: { 200: ref(AdjustmentStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      service.adjustmentStats(
        app.database.db,
        principalOf(request).agencyId,
        request.query.year ?? yearOf(chinaDate(app.now())),
      ),
  );

  app.get(
    '/:adjustmentId',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'getPowerListAdjustment',
        summary: 'Get a dynamic adjustment',
        description:
          'One dynamic adjustment (动态调整) with every change it made and the content before and after each.',
        params: AdjustmentParams,
        response: { 200: ref(AdjustmentSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      service.getAdjustment(app.database.db, principalOf(request).agencyId, request.params.adjustmentId),
  );
};

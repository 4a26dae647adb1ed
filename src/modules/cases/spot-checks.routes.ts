import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { SpotCheckStatsQuery, SpotCheckStatsSchema } from './spot-checks.schemas';
import { spotCheckStats } from './spot-checks.service';

/** Supervision's figures on its spot checks (抽查), under /v1/spot-checks. */
export const spotCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stats',
    {
      config: { operation: 'spot_checks.read' },
      schema: {
        tags: ['cases'],
        operationId: 'spotCheckStats',
        summary: 'The year’s spot checks of correction orders and interview records',
        description:
          '抽查统计: of the year’s correction orders (责令改正通知书) and interview records (行政约谈记录), how many were ' +
          'sampled and how many problems were fed back (反馈问题), per kind and in total, by the year of the documents.',
        querystring: SpotCheckStatsQuery,
        response: { 200: ref(SpotCheckStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      spotCheckStats(app.database.db, principalOf(request).agencyId, request.query.year, app.now()),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { ASSESSMENT_REFUSALS } from '../../domain/power-list/discretion';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { DiscretionAssessmentSchema, DiscretionAssessRequestSchema } from './discretion.schemas';
import { assessItem } from './discretion.service';

const tags = ['discretion'];

export const discretionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/assess',
    {
      config: { operation: 'discretion.assess' },
      schema: {
        tags,
        operationId: 'assessPenalty',
        summary: 'Assess a penalty against the discretion benchmark',
        description:
          'Applies a penalty item’s discretion benchmark (裁量基准, APL art. 34) as it stood on the date to the ' +
          'circumstances of a case (行政处罚裁量): whether no penalty is due by law (不予处罚, APL arts. 30, 31, ' +
          '33), may be waived (首违不罚 and the no-penalty list), or the tier — lenient 从轻, normal 一般, heavy ' +
          '从重, mitigated 减轻 — and its fine range in CNY, fixed or as multiples of illegal gains (违法所得) or ' +
          'goods value (货值金额); and whether compulsory measures may be waived (免予行政强制). Every reason cites ' +
          'its rule. A read: nothing is recorded. 422 reasons: ITEM_NOT_IN_FORCE, NO_BENCHMARK, UNKNOWN_BENCHMARK, ' +
          `${Object.keys(ASSESSMENT_REFUSALS).join(', ')}.`,
        body: ref(DiscretionAssessRequestSchema),
        response: {
          200: ref(DiscretionAssessmentSchema),
          ...problemResponses(400, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const { itemId, benchmarkId, partyType, circumstances } = request.body;
      return assessItem(app.database.db, principalOf(request).agencyId, {
        itemId,
        ...(benchmarkId !== undefined ? { benchmarkId } : {}),
        date: request.body.date ?? chinaDate(app.now()),
        input: { partyType, ...circumstances },
        pointerPrefix: '/circumstances',
      });
    },
  );
};

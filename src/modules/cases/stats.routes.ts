import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { CaseStatsQuery, CaseStatsSchema } from './stats.schemas';
import type { CaseStatsService } from './stats.service';

/** GET /v1/cases/stats: the year's figures of the agency's enforcement cases. */
export const caseStatsRoutes: FastifyPluginAsyncTypebox<{ stats: CaseStatsService }> = async (
  app,
  { stats },
) => {
  app.get(
    '/stats',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags: ['cases'],
        operationId: 'getCaseStats',
        summary: 'Case statistics of a year',
        description:
          'The year’s enforcement-case figures (行政处罚案件统计) of your agency, as the annual rule-of-law report ' +
          'states them: general-procedure cases decided (with a penalty, no penalty, transferred), fines and ' +
          'confiscations in those decisions (罚没金额, CNY), the legal-review rate (法制审核率: decided cases with a passed ' +
          'legal review before the decision / decided), collective discussions (集体讨论) and hearings (听证会) held, ' +
          'major penalty cases filed for record (重大行政处罚备案), and the cases filed in the year still open past their ' +
          'decision clock or decided late (办案期限, APL art. 60, as of today). Years are calendar years, China time.',
        querystring: CaseStatsQuery,
        response: { 200: ref(CaseStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      stats.yearStats(
        app.database.db,
        principalOf(request).agencyId,
        request.query.year,
        chinaDate(app.now()),
      ),
  );
};

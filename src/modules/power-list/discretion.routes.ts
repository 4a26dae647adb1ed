import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate, type IsoDate } from '../../domain/calendar/dates';
import { POWER_CATEGORIES } from '../../domain/power-list/categories';
import {
  ASSESSMENT_REFUSALS,
  AssessmentError,
  assessPenalty,
  type Benchmark,
} from '../../domain/power-list/discretion';
import { HttpProblem, notFound } from '../../http/problems';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { DiscretionAssessmentSchema, DiscretionAssessRequestSchema } from './discretion.schemas';
import { findItem } from './power-list.repository';
import { findItemAsOf, type PowerItemView } from './power-list.service';

const tags = ['discretion'];

function unprocessable(reason: string, detail: string, extensions: Record<string, unknown> = {}) {
  return new HttpProblem('UNPROCESSABLE', detail, { extensions: { reason, ...extensions } });
}

/** The benchmark to apply: the one named, or the item's only one. */
function benchmarkOf(item: PowerItemView, benchmarkId: string | undefined): Benchmark {
  const ids = item.benchmarks.map((b) => b.id);
  if (item.category !== 'penalty' || ids.length === 0)
    throw unprocessable(
      'NO_BENCHMARK',
      item.category !== 'penalty'
        ? `Item ${item.code} is ${POWER_CATEGORIES[item.category]}, not a penalty item (行政处罚): no discretion benchmark`
        : `Item ${item.code} has no discretion benchmark (裁量基准)`,
    );
  if (benchmarkId === undefined) {
    if (ids.length === 1) return item.benchmarks[0] as Benchmark;
    throw new HttpProblem(
      'VALIDATION_FAILED',
      `body/benchmarkId is required: item ${item.code} has several benchmarks`,
      {
        errors: [{ in: 'body', pointer: '/benchmarkId', message: `is required; one of ${ids.join(', ')}` }],
      },
    );
  }
  const found = item.benchmarks.find((b) => b.id === benchmarkId);
  if (!found)
    throw unprocessable('UNKNOWN_BENCHMARK', `Item ${item.code} has no benchmark ${benchmarkId}`, {
      benchmarkIds: ids,
    });
  return found;
}

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
      const agencyId = principalOf(request).agencyId;
      const { itemId, benchmarkId, partyType, circumstances } = request.body;
      const date: IsoDate = request.body.date ?? chinaDate(app.now());
      const db = app.database.db;

      const item = await findItemAsOf(db, agencyId, itemId, date);
      if (!item) {
        if (!(await findItem(db, agencyId, itemId))) throw notFound('Power item', itemId);
        throw unprocessable('ITEM_NOT_IN_FORCE', `Power item ${itemId} was not yet on the list on ${date}`);
      }
      if (item.status !== 'in_force')
        throw unprocessable('ITEM_NOT_IN_FORCE', `Power item ${item.code} is cancelled (已取消) on ${date}`);

      const benchmark = benchmarkOf(item, benchmarkId);
      const legalBasis = item.legalBasis.map((b) => (b.article ? `${b.law} ${b.article}` : b.law)).join('; ');
      try {
        const assessment = assessPenalty(benchmark, { partyType, ...circumstances }, { legalBasis });
        return { itemId: item.id, itemCode: item.code, date, ...assessment };
      } catch (error) {
        if (!(error instanceof AssessmentError)) throw error;
        const pointer = error.pointer ? `/circumstances${error.pointer}` : undefined;
        throw new HttpProblem('UNPROCESSABLE', error.message, {
          extensions: { reason: error.reason },
          ...(pointer
            ? { errors: [{ in: 'body', pointer, message: ASSESSMENT_REFUSALS[error.reason] }] }
            : {}),
        });
      }
    },
  );
};

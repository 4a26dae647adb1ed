/**
 * The discretion assessment of one power item on a date: finds the item and its benchmark, applies
 * the pure rules (src/domain/power-list/discretion.ts) and turns refusals into problems. Used by
 * POST /v1/discretion/assess and by case decisions, which attach the assessment.
 */
import type { Executor } from '../../db/client';
import type { IsoDate } from '../../domain/calendar/dates';
import { POWER_CATEGORIES } from '../../domain/power-list/categories';
import {
  ASSESSMENT_REFUSALS,
  type Assessment,
  AssessmentError,
  type AssessmentInput,
  assessPenalty,
  type Benchmark,
} from '../../domain/power-list/discretion';
import { HttpProblem, notFound } from '../../http/problems';
import { findItem } from './power-list.repository';
import { findItemAsOf, type PowerItemView } from './power-list.service';

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

export interface ItemAssessment extends Assessment {
  itemId: string;
  itemCode: string;
  date: IsoDate;
}

export async function assessItem(
  ex: Executor,
  agencyId: string,
  request: {
    itemId: string;
    benchmarkId?: string;
    date: IsoDate;
    input: AssessmentInput;
    /** Where the circumstances sit in the request body, for error pointers. */
    pointerPrefix: string;
  },
): Promise<ItemAssessment> {
  const { itemId, benchmarkId, date } = request;
  const item = await findItemAsOf(ex, agencyId, itemId, date);
  if (!item) {
    if (!(await findItem(ex, agencyId, itemId))) throw notFound('Power item', itemId);
    throw unprocessable('ITEM_NOT_IN_FORCE', `Power item ${itemId} was not yet on the list on ${date}`);
  }
  if (item.status !== 'in_force')
    throw unprocessable('ITEM_NOT_IN_FORCE', `Power item ${item.code} is cancelled (已取消) on ${date}`);

  const benchmark = benchmarkOf(item, benchmarkId);
  const legalBasis = item.legalBasis.map((b) => (b.article ? `${b.law} ${b.article}` : b.law)).join('; ');
  try {
    const assessment = assessPenalty(benchmark, request.input, { legalBasis });
    return { itemId: item.id, itemCode: item.code, date, ...assessment };
  } catch (error) {
    if (!(error instanceof AssessmentError)) throw error;
    const pointer = error.pointer ? `${request.pointerPrefix}${error.pointer}` : undefined;
    throw new HttpProblem('UNPROCESSABLE', error.message, {
      extensions: { reason: error.reason },
      ...(pointer
        ? { errors: [{ in: 'body' as const, pointer, message: ASSESSMENT_REFUSALS[error.reason] }] }
        : {}),
    });
  }
}

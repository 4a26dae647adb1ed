/**
 * Supervision spot checks (抽查) of correction orders (责令改正通知书) and interview records (行政约谈记录),
 * RULES.md §11: the seed bureau checked 78 of its 2024 documents and fed back 52 problems. A check is
 * recorded against its document; the figures are counted by the document's year.
 */
import type { Executor } from '../../db/client';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import { dated } from '../../domain/cases/case-guards';
import { validationFailed } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import { ruleViolation, unknownOfficers } from './investigation.shared';
import type { SpotCheckCreate, SpotCheckView } from './spot-checks.schemas';
import * as repo from './supervision-records.repository';

export function toSpotCheck(row: repo.SpotCheckRow): SpotCheckView {
  return {
    id: row.id,
    documentKind: row.documentKind,
    documentId: row.documentId,
    caseId: row.caseId,
    documentYear: row.documentYear,
    checkedOn: row.checkedOn,
    checkerId: row.checkerId,
    problems: row.problems,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Records a spot check of a document dated `documentOn`; the caller found the document. */
export async function recordSpotCheck(
  ctx: WriteContext,
  document: { kind: repo.DocumentKind; id: string; caseId: string; on: IsoDate },
  input: SpotCheckCreate,
): Promise<SpotCheckView> {
  const agencyId = ctx.actor.agencyId;
  const unknown = await unknownOfficers(ctx.tx, agencyId, [input.checkerId], '/checkerId', { list: false });
  if (unknown.length > 0) throw validationFailed(unknown);
  const problems = dated(input.checkedOn, document.on, chinaDate(ctx.now), 'the document');
  if (problems.length > 0) throw ruleViolation('spot-check', problems);
  const row = await repo.insertSpotCheck(ctx.tx, {
    agencyId,
    documentKind: document.kind,
    documentId: document.id,
    caseId: document.caseId,
    documentYear: yearOf(document.on),
    checkedOn: input.checkedOn,
    checkerId: input.checkerId,
    problems: input.problems,
    createdAt: ctx.now,
  });
  ctx.audit({
    action: `${document.kind}.spot_checked`,
    entityType: document.kind,
    entityId: document.id,
    changes: {
      spotCheck: {
        before: null,
        after: { id: row.id, checkedOn: row.checkedOn, problems: row.problems.length },
      },
    },
  });
  return toSpotCheck(row);
}

export async function spotChecksOf(ex: Executor, agencyId: string, kind: repo.DocumentKind, ids: string[]) {
  const rows = await repo.listSpotChecks(ex, agencyId, kind, ids);
  return (id: string) => rows.filter((r) => r.documentId === id).map(toSpotCheck);
}

export async function spotCheckStats(ex: Executor, agencyId: string, year: number | undefined, now: Date) {
  const y = year ?? yearOf(chinaDate(now));
  const figures = await repo.spotCheckStats(ex, agencyId, y);
  return {
    year: y,
    ...figures,
    total: {
      sampled: figures.correctionOrders.sampled + figures.interviews.sampled,
      problems: figures.correctionOrders.problems + figures.interviews.problems,
    },
  };
}

/**
 * The year's enforcement-case figures (行政处罚案件统计): what the seed bureau's 2024 report states
 * (44 cases decided, CNY 598,500, 100 % legal review, 11 collective discussions, 1 hearing, 11 major
 * cases filed for record), computed from the cases and their timelines. The arithmetic is the pure
 * domain/cases/case-stats.ts; the decision clocks are the ones GET /v1/cases/{id} shows, computed by
 * the cases service itself, so the figures never disagree with the cases.
 */
import type { Executor } from '../../db/client';
import type { IsoDate } from '../../domain/calendar/dates';
import {
  COUNTED_ACTIONS,
  type DecidedCase,
  decisionFigures,
  eventFigures,
  type StatsEvent,
  yearRange,
} from '../../domain/cases/case-stats';
import { MAX_PAGE_LIMIT } from '../../http/schemas';
import { transferStats } from '../criminal-transfers/criminal-transfers.repository';
import type { CasesService } from './cases.service';
import * as repo from './stats.repository';
import type { CaseStats } from './stats.schemas';

export function createCaseStatsService({ cases }: { cases: CasesService }) {
  /** Cases filed in the year, with their decision clocks as of today. */
  async function filedInYear(ex: Executor, agencyId: string, from: IsoDate, to: IsoDate, today: IsoDate) {
    const out = {
      total: 0,
      open: 0,
      overdue: [] as string[],
      late: [] as string[],
      closureLate: [] as string[],
    };
    let cursor: string | undefined;
    do {
      const page = await cases.list(
        ex,
        agencyId,
        { filedFrom: from, filedTo: to, limit: MAX_PAGE_LIMIT, ...(cursor ? { cursor } : {}) },
        today,
      );
      for (const c of page.items) {
        out.total += 1;
        const clock = c.clocks.find((k) => k.name === 'decision');
        if (clock?.state === 'running' || clock?.state === 'paused' || clock?.state === 'overdue')
          out.open += 1;
        if (clock?.state === 'overdue') out.overdue.push(c.id);
        if (clock?.state === 'completed_late') out.late.push(c.id);
        // The closure clock (结案), where the case has one: overdue now, or closed after it ran out.
        const closure = c.clocks.find((k) => (k.name as string) === 'case_closure');
        if (closure?.state === 'overdue' || closure?.state === 'completed_late') out.closureLate.push(c.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  async function yearStats(ex: Executor, agencyId: string, year: number, today: IsoDate): Promise<CaseStats> {
    const { from, to } = yearRange(year);
    const decidedRows = await repo.decidedBetween(ex, agencyId, from, to);
    const events = new Map<string, StatsEvent[]>();
    for (const e of await repo.eventsOfDecidedBetween(
      ex,
      agencyId,
      ['record-legal-review', 'decide'],
      from,
      to,
    )) {
      events.set(e.caseId, [...(events.get(e.caseId) ?? []), e]);
    }
    const decided: DecidedCase[] = decidedRows.map((r) => ({
      id: r.id,
      decidedOn: r.decidedOn as IsoDate,
      decision: r.decision,
      events: events.get(r.id) ?? [],
    }));
    const figures = decisionFigures(decided);
    const counted = eventFigures(await repo.eventsBetween(ex, agencyId, COUNTED_ACTIONS, from, to));
    const filed = await filedInYear(ex, agencyId, from, to, today);
    const transfers = await transferStats(ex, agencyId, year);
    return {
      year,
      asOf: today,
      decided: figures.decided,
      amounts: figures.amounts,
      legalReview: figures.legalReview,
      collectiveDiscussions: counted.collectiveDiscussions,
      hearings: { held: counted.hearingsHeld, partyAbsent: counted.hearingsPartyAbsent },
      majorCasesFiledForRecord: counted.majorCasesFiledForRecord,
      policeTransfers: {
        leads: transfers.leadsTransferred,
        cases: transfers.casesTransferred,
        jointCases: transfers.jointCases,
      },
      filed: {
        total: filed.total,
        open: filed.open,
        decisionOverdue: { count: filed.overdue.length, caseIds: filed.overdue },
        decidedLate: { count: filed.late.length, caseIds: filed.late },
        notClosedInTime: { count: filed.closureLate.length, caseIds: filed.closureLate },
      },
    };
  }

  return { yearStats };
}

export type CaseStatsService = ReturnType<typeof createCaseStatsService>;

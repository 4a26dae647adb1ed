/**
 * A year's enforcement-case figures (行政处罚案件统计), as the bureau's annual rule-of-law report gives
 * them (FIGURES.md "Enforcement cases"): general-procedure cases decided, fines and confiscations,
 * the legal-review rate (法制审核率), collective discussions (集体讨论), hearings (听证会), major cases
 * filed for record (重大行政处罚备案). Pure: the service reads the
 * decided cases and the year's timeline events and passes them in.
 *
 * Amounts are added in fen (分) so that no floating-point error creeps into a year's total.
 */
import type { IsoDate } from '../calendar/dates';
import type { ProposedPenalty } from './case-model';

/** The first and last day of a calendar year. */
export function yearRange(year: number): { from: IsoDate; to: IsoDate } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export interface StatsEvent {
  seq: number;
  action: string;
  occurredOn: IsoDate;
  data: Record<string, unknown>;
}

export interface DecidedCase {
  id: string;
  decidedOn: IsoDate;
  /** The `decision` the decide action stored: its kind and penalties. */
  decision: unknown;
  /** The case's legal reviews and decision events (others are ignored). */
  events: readonly StatsEvent[];
}

/** Penalties that count as 罚没 (fines and confiscations), APL art. 9(2). */
export const FINE_AND_CONFISCATION_TYPES = [
  'fine',
  'confiscate_illegal_gains',
  'confiscate_illegal_property',
] as const satisfies readonly ProposedPenalty['type'][];

export interface DecisionFigures {
  decided: { total: number; penalty: number; noPenalty: number; transferred: number };
  /** CNY, in decisions with a penalty. */
  amounts: {
    fines: number;
    confiscatedIllegalGains: number;
    confiscatedIllegalProperty: number;
    total: number;
  };
  legalReview: {
    /** Decided cases with a passed legal review (法制审核) recorded before the decision. */
    reviewed: number;
    decided: number;
    /** reviewed / decided, 0–1; null when nothing was decided. */
    rate: number | null;
    /** Decided cases without one. */
    unreviewedCaseIds: string[];
  };
}

function decisionOf(value: unknown): { kind: string; penalties: ProposedPenalty[] } {
  const d = (value ?? {}) as { kind?: unknown; penalties?: unknown };
  return {
    kind: typeof d.kind === 'string' ? d.kind : 'penalty',
    penalties: Array.isArray(d.penalties) ? (d.penalties as ProposedPenalty[]) : [],
  };
}

const fen = (amount: number | undefined) => Math.round((amount ?? 0) * 100);

/** A passed legal review recorded before the (last) decide event of the case. */
export function reviewedBeforeDecision(events: readonly StatsEvent[]): boolean {
  const decide = events.filter((e) => e.action === 'decide').reduce((max, e) => Math.max(max, e.seq), -1);
  return events.some(
    (e) => e.action === 'record-legal-review' && e.data.result === 'pass' && (decide < 0 || e.seq < decide),
  );
}

export function decisionFigures(cases: readonly DecidedCase[]): DecisionFigures {
  const decided = { total: 0, penalty: 0, noPenalty: 0, transferred: 0 };
  const sums = { fine: 0, confiscate_illegal_gains: 0, confiscate_illegal_property: 0 };
  const unreviewed: string[] = [];
  for (const c of cases) {
    const d = decisionOf(c.decision);
    decided.total += 1;
    if (d.kind === 'no_penalty') decided.noPenalty += 1;
    else if (d.kind === 'transfer') decided.transferred += 1;
    else {
      decided.penalty += 1;
      for (const p of d.penalties) {
        if (
          p.type === 'fine' ||
          p.type === 'confiscate_illegal_gains' ||
          p.type === 'confiscate_illegal_property'
        )
          sums[p.type] += fen(p.amount);
      }
    }
    if (!reviewedBeforeDecision(c.events)) unreviewed.push(c.id);
  }
  const reviewed = decided.total - unreviewed.length;
  return {
    decided,
    amounts: {
      fines: sums.fine / 100,
      confiscatedIllegalGains: sums.confiscate_illegal_gains / 100,
      confiscatedIllegalProperty: sums.confiscate_illegal_property / 100,
      total: (sums.fine + sums.confiscate_illegal_gains + sums.confiscate_illegal_property) / 100,
    },
    legalReview: {
      reviewed,
      decided: decided.total,
      rate: decided.total === 0 ? null : reviewed / decided.total,
      unreviewedCaseIds: unreviewed,
    },
  };
}

/** Timeline actions the year's event figures count. */
export const COUNTED_ACTIONS = ['record-collective-discussion', 'record-hearing', 'file-for-record'] as const;

export interface EventFigures {
  /** 集体讨论 held in the year (one per recorded discussion). */
  collectiveDiscussions: number;
  /** 听证会 held in the year with the party present; no-shows (treated as a waiver) apart. */
  hearingsHeld: number;
  hearingsPartyAbsent: number;
  /** 重大行政处罚备案: `file-for-record` events in the year. */
  majorCasesFiledForRecord: number;
}

/** Counts the year's events; the caller passes the events dated in the year. */
export function eventFigures(events: readonly Pick<StatsEvent, 'action' | 'data'>[]): EventFigures {
  const out: EventFigures = {
    collectiveDiscussions: 0,
    hearingsHeld: 0,
    hearingsPartyAbsent: 0,
    majorCasesFiledForRecord: 0,
  };
  for (const e of events) {
    switch (e.action) {
      case 'record-collective-discussion':
        out.collectiveDiscussions += 1;
        break;
      case 'record-hearing':
        if (e.data.partyAbsent === true) out.hearingsPartyAbsent += 1;
        else out.hearingsHeld += 1;
        break;
      case 'file-for-record':
        out.majorCasesFiledForRecord += 1;
        break;
      default:
        break;
    }
  }
  return out;
}

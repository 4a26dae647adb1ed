/**
 * The clocks of a case (办案期限), each with its rule, computed on the working calendar:
 * - filing decision (立案决定): 15 WD from receiving the lead, +15 WD with approval, testing excluded (PPR art. 18);
 * - case review (案件审核): the agency's setting, from the investigation-end report;
 * - statement and hearing request (陈述申辩): 5 WD from the notice (APL art. 64);
 * - decision (作出决定): 90 d from filing, suspension / hearing / testing / public notice excluded, extensions added (APL art. 60).
 */
import type { IsoDate } from '../calendar/dates';
import { clockStatus, computeDeadline, type Pause } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { citation, PERIOD_RULES, type PeriodRule } from '../rules/period-rules';

export interface ClockInputs {
  receivedOn: IsoDate;
  /** When the lead was resolved: filed, declined or transferred. */
  leadResolvedOn: IsoDate | null;
  filingExtensionDays: number;
  filedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  caseReviewPassedOn: IsoDate | null;
  caseReviewDays: number;
  noticeServedOn: IsoDate | null;
  /** Waiver, hearing request, or the end of the case, whichever closed the statement period first. */
  statementClosedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  decisionExtensions: { days: number; reason: string; on: IsoDate }[];
  pauses: (Pause & { kind: string })[];
}

export interface CaseClock {
  name:
    | 'filing_decision'
    | 'case_review'
    | 'statement'
    | 'decision'
    | 'compulsory_measure'
    | 'advance_preservation'
    // After the decision (after-decision.ts)
    | 'service'
    | 'payment'
    | 'major_case_filing'
    | 'case_closure';
  /** For a measure's clock: the measure (查封、扣押 / 先行登记保存) it times. */
  subjectId?: string;
  rule: { code: string; citation: string; description: string };
  start: IsoDate;
  days: number;
  totalDays: number;
  unit: 'working' | 'calendar';
  dueDate: IsoDate | null;
  state: 'running' | 'paused' | 'overdue' | 'completed' | 'completed_late';
  daysLeft: number | null;
  overdue: boolean;
  provisional: boolean;
}

export function clock(
  calendar: WorkingCalendar,
  name: CaseClock['name'],
  rule: PeriodRule,
  start: IsoDate,
  today: IsoDate,
  completedOn: IsoDate | null,
  options: { days?: number; extensions?: { days: number; reason: string }[]; pauses?: Pause[] } = {},
): CaseClock {
  const days = options.days ?? rule.days;
  const deadline = computeDeadline(calendar, {
    start,
    days,
    unit: rule.unit,
    ...(options.pauses ? { pauses: options.pauses } : {}),
    ...(options.extensions ? { extensions: options.extensions } : {}),
  });
  const status = clockStatus(calendar, deadline, today, completedOn ?? undefined);
  return {
    name,
    rule: { code: rule.code, citation: citation(rule), description: rule.description },
    start,
    days,
    totalDays: deadline.totalDays,
    unit: rule.unit,
    dueDate: deadline.dueDate,
    state: status.state,
    daysLeft: status.daysLeft,
    overdue: status.overdue,
    provisional: deadline.provisional,
  };
}

export function caseClocks(calendar: WorkingCalendar, c: ClockInputs, today: IsoDate): CaseClock[] {
  const clocks: CaseClock[] = [];
  const testing = c.pauses.filter((p) => p.kind === 'testing');
  clocks.push(
    clock(calendar, 'filing_decision', PERIOD_RULES.FILING_DECISION, c.receivedOn, today, c.leadResolvedOn, {
      pauses: testing,
      ...(c.filingExtensionDays > 0
        ? { extensions: [{ days: c.filingExtensionDays, reason: 'approved extension (PPR art. 18)' }] }
        : {}),
    }),
  );
  if (c.concludedOn) {
    clocks.push(
      clock(calendar, 'case_review', PERIOD_RULES.CASE_REVIEW, c.concludedOn, today, c.caseReviewPassedOn, {
        days: c.caseReviewDays,
      }),
    );
  }
  if (c.noticeServedOn) {
    clocks.push(
      clock(
        calendar,
        'statement',
        PERIOD_RULES.STATEMENT_AND_HEARING_REQUEST,
        c.noticeServedOn,
        today,
        c.statementClosedOn,
      ),
    );
  }
  if (c.filedOn) {
    clocks.push(
      clock(calendar, 'decision', PERIOD_RULES.DECISION, c.filedOn, today, c.decidedOn, {
        pauses: c.pauses,
        extensions: c.decisionExtensions.map((e) => ({ days: e.days, reason: e.reason })),
      }),
    );
  }
  return clocks;
}

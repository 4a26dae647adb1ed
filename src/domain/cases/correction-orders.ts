/**
 * Correction orders (责令改正通知书) as pure rules: APL art. 28 has the bureau order the party to correct
 * the violation; the order sets a deadline, and the bureau checks afterwards (复查) whether it was
 * corrected. Its clock runs to the deadline; once the deadline has passed without a follow-up on or
 * after it (and no follow-up found it corrected), the order is overdue for its follow-up.
 */
import { daysBetween, type IsoDate } from '../calendar/dates';
import { dated } from './case-guards';
import type { Unmet } from './conditions';

/** The one condition of its own a follow-up can fail. */
export const ALREADY_CORRECTED = {
  code: 'ALREADY_CORRECTED',
  rule: 'APL art. 28',
  message: 'A follow-up (复查) already found the violation corrected; the order is settled',
} as const;

export type CorrectionUnmet = Unmet | (typeof ALREADY_CORRECTED & { detail?: string });

export const FOLLOW_UP_RESULTS = {
  corrected: '已改正',
  not_corrected: '未改正',
  partly: '部分改正',
} as const;
export type FollowUpResult = keyof typeof FOLLOW_UP_RESULTS;

export interface FollowUp {
  checkedOn: IsoDate;
  result: FollowUpResult;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface CorrectionOrderFacts {
  issuedOn: IsoDate;
  deadline: IsoDate;
  followUps: readonly Pick<FollowUp, 'checkedOn' | 'result'>[];
}

export interface CorrectionClock {
  rule: { citation: string; description: string };
  start: IsoDate;
  due: IsoDate;
  /** Calendar days to the deadline (0 = due today); negative once past; null when followed up. */
  left: number | null;
  state: 'running' | 'awaiting_follow_up' | 'followed_up';
  /** The deadline passed with no follow-up on or after it and none found it corrected. */
  overdue: boolean;
}

/** The day a follow-up settled the order: a check finding it corrected, or any check on or after the deadline. */
export function followedUpOn(o: CorrectionOrderFacts): IsoDate | null {
  const settling = o.followUps
    .filter((f) => f.result === 'corrected' || f.checkedOn >= o.deadline)
    .map((f) => f.checkedOn)
    .sort();
  return settling[0] ?? null;
}

export function correctionClock(o: CorrectionOrderFacts, today: IsoDate): CorrectionClock {
  const rule = {
    citation: 'APL art. 28',
    description: 'Correction deadline set by the order (责令限期改正), then the follow-up check (复查)',
  };
  const base = { rule, start: o.issuedOn, due: o.deadline };
  if (followedUpOn(o)) return { ...base, left: null, state: 'followed_up', overdue: false };
  const left = daysBetween(today, o.deadline);
  return left < 0
    ? { ...base, left, state: 'awaiting_follow_up', overdue: true }
    : { ...base, left, state: 'running', overdue: false };
}

/** A follow-up check: dated, not before the order, and not after a check found it corrected. */
export function checkFollowUp(
  o: CorrectionOrderFacts,
  checkedOn: IsoDate,
  today: IsoDate,
): CorrectionUnmet[] {
  const corrected = o.followUps.find((f) => f.result === 'corrected');
  return [
    ...dated(checkedOn, o.issuedOn, today, 'the order'),
    ...(corrected ? [{ ...ALREADY_CORRECTED, detail: `found corrected on ${corrected.checkedOn}` }] : []),
  ];
}

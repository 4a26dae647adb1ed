/**
 * Criminal transfer (行刑衔接, RULES.md §3; TR = 行政执法机关移送涉嫌犯罪案件的规定) as pure rules:
 * a team of at least two certified officers reports (移送报告); the bureau head approves or refuses
 * within 3 days; an approved case goes to public security within 24 hours with a numbered
 * 涉嫌犯罪案件移送书; the police acknowledge receipt (回执) and file (立案) or not (不予立案); a
 * decision not to file may be put to review (提请复议) within 3 days; seized items are handed over
 * within 3 days of the police filing; the police may send the matter back (退回).
 *
 * Each step has a guard returning the unmet conditions; a late step the law cannot undo (a late
 * approval, a late transfer, a late hand-over) is recorded and its clock shows completed_late.
 */

import type { IsoDate } from '../calendar/dates';
import { dated } from '../cases/case-guards';
import type { CaseStage } from '../cases/case-model';
import { unmet } from '../cases/conditions';
import { MIN_ENFORCEMENT_OFFICERS } from '../officers/enforcement-team';
import { type TransferUnmet, transferUnmet } from './conditions';

export const TRANSFER_STATUSES = {
  reported: '已提交移送报告，待负责人审批',
  refused: '负责人不批准移送',
  approved: '已批准移送，24 小时内移送',
  transferred: '已移送公安机关',
  received: '公安机关已接收 (回执)',
  filed: '公安机关已立案',
  not_filed: '公安机关不予立案',
  review_requested: '已提请复议',
  returned: '公安机关已退回',
} as const;
export type TransferStatus = keyof typeof TRANSFER_STATUSES;
export const TRANSFER_STATUS_CODES = Object.keys(TRANSFER_STATUSES) as TransferStatus[];

/**
 * A transfer is under way from the report until it is refused or the police send the matter back:
 * meanwhile no fine may replace it (以罚代刑, TR art. 11).
 */
export const PENDING_STATUSES: readonly TransferStatus[] = [
  'reported',
  'approved',
  'transferred',
  'received',
  'filed',
  'not_filed',
  'review_requested',
];
export const isPending = (status: TransferStatus) => PENDING_STATUSES.includes(status);

/**
 * Stages a lead or case may be transferred from: any before closure (结案), a decided or terminated case
 * too; not a lead declined or transferred elsewhere, nor a closed or archived case.
 */
export const TRANSFERABLE_STAGES: readonly string[] = [
  'lead',
  'investigation',
  'review',
  'notice',
  'decided',
  'terminated',
] satisfies CaseStage[];

/** Stages at which a case still runs, so that it simply continues when the police send it back. */
export const CONTINUING_STAGES: readonly string[] = [
  'lead',
  'investigation',
  'review',
  'notice',
] satisfies CaseStage[];

/**
 * What happens when the police send a matter back (退回): an open case continues (a decided one too,
 * unless its decision was to transfer); otherwise, e.g. a lead closed by the transfer, it comes back
 * as a new lead (source referral).
 */
export function returnOutcome(caseStage: string, decisionKind: string | null): 'case_continues' | 'new_lead' {
  if (CONTINUING_STAGES.includes(caseStage)) return 'case_continues';
  if (caseStage === 'decided' && decisionKind !== 'transfer') return 'case_continues';
  return 'new_lead';
}

/** The police's decision on a transferred case. */
export const POLICE_DECISIONS = { filed: '立案', not_filed: '不予立案' } as const;
export type PoliceDecision = keyof typeof POLICE_DECISIONS;

/** A transfer as the rules see it. */
export interface TransferSnapshot {
  status: TransferStatus;
  reportedOn: IsoDate;
  /** When the head decided (approved or refused). */
  decidedAt: Date | null;
  transferredAt: Date | null;
  policeReceivedOn: IsoDate | null;
  policeDecision: PoliceDecision | null;
  /** The date of the police's decision (立案 / 不予立案). */
  policeDecidedOn: IsoDate | null;
  /** When the bureau received the police's notice: the review period counts from it. */
  policeNotifiedOn: IsoDate | null;
  reviewRequestedOn: IsoDate | null;
  reviewResultOn: IsoDate | null;
  /** The police filing date (立案), by decision or after review: the hand-over counts from it. */
  policeFiledOn: IsoDate | null;
  /** Whether seized items (涉案物品) are listed, to be handed over after filing. */
  hasSeizedItems: boolean;
  handedOverOn: IsoDate | null;
}

function statusIs(t: TransferSnapshot, ...statuses: TransferStatus[]): TransferUnmet[] {
  return statuses.includes(t.status)
    ? []
    : [transferUnmet('TRANSFER_WRONG_STATUS', `the transfer is ${t.status}; needs ${statuses.join(' or ')}`)];
}

/** An instant: not in the future, not before the step it follows. */
export function timed(at: Date, notBefore: Date | null, now: Date, step: string): TransferUnmet[] {
  if (at.getTime() > now.getTime())
    return [unmet('DATE_IN_FUTURE', `${at.toISOString()} is after now (${now.toISOString()})`)];
  if (notBefore && at.getTime() < notBefore.getTime())
    return [
      unmet(
        'DATE_BEFORE_PREVIOUS_STEP',
        `${at.toISOString()} is before ${step} (${notBefore.toISOString()})`,
      ),
    ];
  return [];
}

/** An instant on or after a date (China time) — for an approval after the report's day. */
function notBeforeDay(atDay: IsoDate, day: IsoDate, step: string): TransferUnmet[] {
  return atDay < day ? [unmet('DATE_BEFORE_PREVIOUS_STEP', `${atDay} is before ${step} (${day})`)] : [];
}

// ---------------------------------------------------------------------------------------------------
// The steps

export interface ReportInput {
  on: IsoDate;
  teamOfficerIds: readonly string[];
  /** Of teamOfficerIds, those whose certificate is valid on `on`. */
  certifiedOfficerIds: readonly string[];
}

/** The transfer report (移送报告) on a lead or case (TR arts. 3, 5; APL art. 42). */
export function checkReport(
  source: { stage: string; receivedOn: IsoDate; transferPending: boolean },
  input: ReportInput,
  today: IsoDate,
): TransferUnmet[] {
  const out: TransferUnmet[] = [];
  if (!TRANSFERABLE_STAGES.includes(source.stage))
    out.push(transferUnmet('CASE_NOT_TRANSFERABLE', `the case is ${source.stage}`));
  if (source.transferPending) out.push(transferUnmet('TRANSFER_IN_PROGRESS'));
  const certified = new Set(input.teamOfficerIds.filter((id) => input.certifiedOfficerIds.includes(id)));
  if (certified.size < MIN_ENFORCEMENT_OFFICERS)
    out.push(
      transferUnmet('TRANSFER_TEAM_TOO_SMALL', `${certified.size} officer(s) certified on ${input.on}`),
    );
  out.push(...dated(input.on, source.receivedOn, today, 'the lead’s receipt'));
  return out;
}

/** The head's decision on the report (审批), TR art. 5: a late one is recorded, its clock completed_late. */
export function checkDecision(
  t: TransferSnapshot,
  input: { at: Date; atDay: IsoDate; approverIsBureauHead: boolean },
  now: Date,
): TransferUnmet[] {
  return [
    ...statusIs(t, 'reported'),
    ...(input.approverIsBureauHead ? [] : [transferUnmet('TRANSFER_APPROVER_NOT_BUREAU_HEAD')]),
    ...timed(input.at, null, now, 'the report'),
    ...notBeforeDay(input.atDay, t.reportedOn, 'the report'),
  ];
}

/** The transfer itself (移送), within 24 hours of the approval, TR art. 6. */
export function checkSend(t: TransferSnapshot, input: { at: Date }, now: Date): TransferUnmet[] {
  return [...statusIs(t, 'approved'), ...timed(input.at, t.decidedAt, now, 'the approval')];
}

/** The police's receipt (回执). */
export function checkReceipt(
  t: TransferSnapshot,
  input: { on: IsoDate; sentOn: IsoDate | null },
  today: IsoDate,
) {
  return [...statusIs(t, 'transferred'), ...dated(input.on, input.sentOn, today, 'the transfer')];
}

/** The police's decision to file or not (TR art. 8), and when the bureau was notified. */
export function checkPoliceDecision(
  t: TransferSnapshot,
  input: { on: IsoDate; notifiedOn: IsoDate },
  today: IsoDate,
): TransferUnmet[] {
  return [
    ...statusIs(t, 'received'),
    ...dated(input.on, t.policeReceivedOn, today, 'the police’s receipt'),
    ...dated(input.notifiedOn, input.on, today, 'the police’s decision'),
  ];
}

/**
 * A review request (提请复议), TR art. 9: once, within 3 days of receiving the notice not to file.
 * `dueOn` is that period's last day on the working calendar.
 */
export function checkReviewRequest(
  t: TransferSnapshot,
  input: { on: IsoDate; dueOn: IsoDate | null },
  today: IsoDate,
): TransferUnmet[] {
  if (t.status === 'not_filed' && t.reviewRequestedOn)
    return [transferUnmet('REVIEW_ALREADY_REQUESTED', `requested on ${t.reviewRequestedOn}`)];
  const out = [
    ...statusIs(t, 'not_filed'),
    ...dated(input.on, t.policeNotifiedOn, today, 'the notice not to file'),
  ];
  if (input.dueOn && input.on > input.dueOn)
    out.push(
      transferUnmet(
        'REVIEW_REQUEST_PERIOD_ENDED',
        `requested on ${input.on}; the period ended ${input.dueOn}`,
      ),
    );
  return out;
}

/** The result of the review (复议决定): the police file after all, or uphold not filing. */
export function checkReviewResult(t: TransferSnapshot, input: { on: IsoDate }, today: IsoDate) {
  return [
    ...statusIs(t, 'review_requested'),
    ...dated(input.on, t.reviewRequestedOn, today, 'the review request'),
  ];
}

/** Hand-over of seized items (移交涉案物品), TR art. 12: a late one is recorded, its clock completed_late. */
export function checkHandover(t: TransferSnapshot, input: { on: IsoDate }, today: IsoDate): TransferUnmet[] {
  const out = statusIs(t, 'filed');
  if (!t.hasSeizedItems) out.push(transferUnmet('NO_SEIZED_ITEMS'));
  if (t.handedOverOn) out.push(transferUnmet('ITEMS_ALREADY_HANDED_OVER', `on ${t.handedOverOn}`));
  out.push(...dated(input.on, t.policeFiledOn, today, 'the police filing'));
  return out;
}

/**
 * The police send the matter back (退回): not filed (no review pending), or after filing found not
 * criminal (撤销案件). The pending flag clears; the case continues or a new lead comes in.
 */
export function checkReturn(t: TransferSnapshot, input: { on: IsoDate }, today: IsoDate): TransferUnmet[] {
  const after = t.reviewResultOn ?? t.policeNotifiedOn ?? t.policeDecidedOn;
  return [...statusIs(t, 'filed', 'not_filed'), ...dated(input.on, after, today, 'the police’s decision')];
}

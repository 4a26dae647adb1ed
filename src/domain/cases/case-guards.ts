/**
 * The named actions of a case and their guards (RULES.md §1). A guard is a plain function
 * returning the conditions an action fails; the route turns a non-empty list into a 422
 * CASE_RULE_VIOLATION and writes nothing. Each action has two guards: `when` looks only at the case
 * (what GET /v1/cases/{id}/actions shows before anyone fills in a form), `with` also at the input.
 */

import { daysInMonth, isoDate, yearOf } from '../calendar/dates';
import { MIN_ENFORCEMENT_OFFICERS, MIN_HEADS_IN_COLLECTIVE_DISCUSSION } from '../officers/enforcement-team';
import { AFTER_DECISION_GUARDS, closedCaseLock } from './after-decision';
import type { CaseSnapshot, CaseStage, PenaltyType, ProposedPenalty } from './case-model';
import { type Unmet, unmet } from './conditions';

/** Facts the service looks up for a guard: officers' certificates, the power item, people's roles. */
export interface GuardFacts {
  today: string;
  /** Assigned officers whose certificate is valid on the act's date (or today, for `when`). */
  certifiedOfficerIds: readonly string[];
  /** The case's power item on the act's date: its category and whether it is in force. */
  powerItem: { category: string; inForce: boolean } | null;
  /**
   * A criminal transfer (行刑衔接) of the case is under way (reported, approved or with the police, not
   * sent back): no fine may take its place (以罚代刑), TR art. 11. Absent means none.
   */
  criminalTransferPending?: boolean;
  /** Seal-ups, seizures or preservations of the case still in force (not released or handled). */
  measuresInForce?: boolean;
}

const ACTIVE: readonly CaseStage[] = ['investigation', 'review', 'notice'];

function stageIs(s: CaseSnapshot, ...stages: CaseStage[]): Unmet[] {
  return stages.includes(s.stage)
    ? []
    : [unmet('WRONG_STAGE', `the case is at ${s.stage}; needs ${stages.join(' or ')}`)];
}

function notSuspended(s: CaseSnapshot): Unmet[] {
  return s.suspended ? [unmet('CASE_SUSPENDED')] : [];
}

/** The act's date: not in the future, not before the step it follows. */
export function dated(on: string, notBefore: string | null, today: string, step: string): Unmet[] {
  if (on > today) return [unmet('DATE_IN_FUTURE', `${on} is after today (${today})`)];
  if (notBefore && on < notBefore)
    return [unmet('DATE_BEFORE_PREVIOUS_STEP', `${on} is before ${step} (${notBefore})`)];
  return [];
}

/** The testing period (检测、检验、检疫、鉴定) still open, if any. */
export function openTesting(s: CaseSnapshot) {
  return s.pauses.find((p) => p.to === undefined && p.reason === 'testing');
}

/** Limitation periods (追责时效), APL art. 36: 2 years; 5 years where life, health or financial security was harmed. */
export const LIMITATION_YEARS = { two_years: 2, five_years: 5 } as const;
export type LimitationBasis = keyof typeof LIMITATION_YEARS;

export function limitationEndsOn(violationOn: string, basis: LimitationBasis): string {
  const year = yearOf(violationOn) + LIMITATION_YEARS[basis];
  const [month, day] = [Number(violationOn.slice(5, 7)), Number(violationOn.slice(8, 10))];
  // A period in years ends on the same day of the month, or on the month's last day when that
  // year has no such day (29 February).
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Is the latest legal review a pass of the current proposal, recorded after any hearing? */
export function legalReviewCurrent(s: CaseSnapshot): boolean {
  const last = s.legalReviews[s.legalReviews.length - 1];
  if (last?.result !== 'pass') return false;
  if (s.proposal && last.proposalVersion !== s.proposal.version) return false;
  // A hearing the party attended makes a new review necessary (APL art. 58(1)(3)); a no-show is a waiver.
  if (s.hearing?.heldSeq != null && !s.hearing.partyAbsent && last.recordedSeq < s.hearing.heldSeq)
    return false;
  return true;
}

/** Whether the statement window (陈述申辩期) is still open on a date. */
export function statementWindowOpen(s: CaseSnapshot, on: string): boolean {
  // A written waiver closes the period from its date on (a decision dated before it is still inside).
  return s.notice !== null && (s.waivedOn === null || on < s.waivedOn) && on <= s.notice.windowEndsOn;
}

const SEVERITY: Partial<Record<PenaltyType, number>> = { warning: 1, circulated_criticism: 2 };

/**
 * Whether `decided` is no heavier than `noticed` (APL art. 44–45): every decided penalty must have
 * been noticed, with an amount (and a duration) not above the noticed one.
 */
export function withinNotice(
  noticed: readonly ProposedPenalty[],
  decided: readonly ProposedPenalty[],
): boolean {
  return decided.every((d) => {
    // A lighter reprimand may stand in for a noticed heavier one (警告 for 通报批评), never the reverse.
    const severity = SEVERITY[d.type];
    const n =
      noticed.find((p) => p.type === d.type) ??
      (severity ? noticed.find((p) => (SEVERITY[p.type] ?? 0) > severity) : undefined);
    if (!n) return false;
    // A duration longer than noticed is heavier (限制、停产停业 for more months).
    if (d.months !== undefined && n.months !== undefined && d.months > n.months) return false;
    return (d.amount ?? 0) <= (n.amount ?? 0) && (SEVERITY[d.type] ?? 0) <= (SEVERITY[n.type] ?? 0);
  });
}

// ---------------------------------------------------------------------------------------------------
// Inputs

export interface FileInput {
  on: string;
  approverIsBureauHead: boolean;
  limitationBasis: LimitationBasis;
  limitationReason?: string;
}
export interface DatedInput {
  on: string;
}
export interface ApprovedInput extends DatedInput {
  approverIsBureauHead: boolean;
}
export interface TransferInput extends ApprovedInput {
  /** To the police: only through the criminal-transfer procedure (report, head's decision, 移送书). */
  toPolice: boolean;
}
export interface AssignInput extends DatedInput {
  officerIds: readonly string[];
  /** Of officerIds, those whose certificate is valid on `on`. */
  validOfficerIds: readonly string[];
}
export interface LegalReviewInput extends DatedInput {
  reviewerIsLegalReviewer: boolean;
  reviewerQualified: boolean;
  reviewerId: string;
}
export interface ReviseProposalInput extends DatedInput {
  penalties: readonly ProposedPenalty[];
}
export interface ScheduleHearingInput {
  noticeServedOn: string;
  scheduledFor: string;
  /** The earliest lawful hearing date: 7 working days after the notice was served. */
  earliestHearingOn: string;
  chairId: string;
}
export interface HearingRecordInput extends DatedInput {
  partyAbsent: boolean;
}
export interface DiscussionInput extends DatedInput {
  headsAttending: number;
}
export interface ExtensionInput extends ApprovedInput {
  /** filing: the 15-WD filing decision period (PPR art. 18); decision: the 90-day period (APL art. 60). */
  kind: 'filing' | 'decision';
  days: number;
}

/** PPR art. 18: the filing decision may be extended once, by up to 15 working days. */
export const FILING_EXTENSION_MAX_DAYS = 15;
/** APL art. 60 / PPR: the decision period may be extended by up to 30 days with the head's approval. */
export const DECISION_EXTENSION_MAX_DAYS = 30;
export interface DecideInput extends DatedInput {
  kind: 'penalty' | 'no_penalty' | 'transfer';
  penalties: readonly ProposedPenalty[];
  /** The fine is outside the benchmark's assessed range. */
  outsideBenchmark: boolean;
  outsideBenchmarkReason?: string;
}

// ---------------------------------------------------------------------------------------------------
// The actions

interface Guard<I> {
  /** What the case alone decides (shown by GET /actions). */
  when(s: CaseSnapshot, facts: GuardFacts): Unmet[];
  /** What the input adds. */
  with(s: CaseSnapshot, input: I, facts: GuardFacts): Unmet[];
}

function guard<I>(g: Guard<I>): Guard<I> {
  return g;
}

export const GUARDS = {
  'assign-officers': guard<AssignInput>({
    when: (s) => stageIs(s, 'lead', ...ACTIVE),
    with: (s, i, f) => {
      const invalid = i.officerIds.filter((id) => !i.validOfficerIds.includes(id));
      return [
        ...dated(i.on, s.receivedOn, f.today, 'the lead’s receipt'),
        ...(invalid.length > 0
          ? [unmet('OFFICER_CERTIFICATE_INVALID', `no valid certificate on ${i.on}: ${invalid.join(', ')}`)]
          : []),
      ];
    },
  }),

  file: guard<FileInput>({
    when: (s, f) => [
      ...stageIs(s, 'lead'),
      ...(s.partyKinds.length === 0 ? [unmet('NO_PARTY')] : []),
      ...(f.certifiedOfficerIds.length < MIN_ENFORCEMENT_OFFICERS
        ? [
            unmet(
              'INSUFFICIENT_CERTIFIED_OFFICERS',
              `${f.certifiedOfficerIds.length} certified officer(s) assigned`,
            ),
          ]
        : []),
      ...(f.powerItem?.category !== 'penalty' || !f.powerItem.inForce
        ? [unmet('NO_PENALTY_POWER_ITEM')]
        : []),
      ...(s.violationOn ? [] : [unmet('VIOLATION_DATE_MISSING')]),
    ],
    with: (s, i, f) => {
      const out = dated(i.on, s.receivedOn, f.today, 'the lead’s receipt');
      if (!i.approverIsBureauHead) out.push(unmet('APPROVER_NOT_BUREAU_HEAD'));
      if (i.limitationBasis === 'five_years' && !i.limitationReason?.trim())
        out.push(unmet('LIMITATION_REASON_MISSING'));
      if (s.violationOn && limitationEndsOn(s.violationOn, i.limitationBasis) < i.on) {
        out.push(
          unmet(
            'LIMITATION_EXPIRED',
            `the violation of ${s.violationOn} could be pursued until ${limitationEndsOn(s.violationOn, i.limitationBasis)}`,
          ),
        );
      }
      return out;
    },
  }),

  'decline-filing': guard<ApprovedInput>({
    when: (s) => stageIs(s, 'lead'),
    with: (s, i, f) => [
      ...dated(i.on, s.receivedOn, f.today, 'the lead’s receipt'),
      ...(i.approverIsBureauHead ? [] : [unmet('APPROVER_NOT_BUREAU_HEAD')]),
    ],
  }),

  transfer: guard<TransferInput>({
    when: (s) => stageIs(s, 'lead'),
    with: (s, i, f) => [
      ...dated(i.on, s.receivedOn, f.today, 'the lead’s receipt'),
      ...(i.approverIsBureauHead ? [] : [unmet('APPROVER_NOT_BUREAU_HEAD')]),
      ...(i.toPolice ? [unmet('POLICE_TRANSFER_PROCEDURE')] : []),
    ],
  }),

  suspend: guard<DatedInput>({
    when: (s) => [...stageIs(s, ...ACTIVE), ...notSuspended(s)],
    with: (s, i, f) => dated(i.on, s.filedOn, f.today, 'filing'),
  }),

  resume: guard<DatedInput>({
    when: (s) => [...stageIs(s, ...ACTIVE), ...(s.suspended ? [] : [unmet('NOT_SUSPENDED')])],
    with: (s, i, f) => {
      const open = s.pauses.find((p) => p.to === undefined && p.reason === 'suspension');
      return dated(i.on, open?.from ?? s.filedOn, f.today, 'the suspension');
    },
  }),

  // Testing, inspection, quarantine or appraisal (检测、检验、检疫、鉴定): its days are not counted in the
  // filing clock (PPR art. 18) nor in the decision clock (APL art. 60).
  'start-testing': guard<DatedInput>({
    when: (s) => [
      ...stageIs(s, 'lead', ...ACTIVE),
      ...notSuspended(s),
      ...(openTesting(s) ? [unmet('TESTING_IN_PROGRESS', `since ${openTesting(s)?.from}`)] : []),
    ],
    with: (s, i, f) => dated(i.on, s.receivedOn, f.today, 'the lead’s receipt'),
  }),

  'end-testing': guard<DatedInput>({
    when: (s) => (openTesting(s) ? [] : [unmet('NOT_TESTING')]),
    with: (s, i, f) => dated(i.on, openTesting(s)?.from ?? s.receivedOn, f.today, 'the start of testing'),
  }),

  terminate: guard<ApprovedInput>({
    when: (s) => stageIs(s, ...ACTIVE),
    with: (s, i, f) => [
      ...dated(i.on, s.filedOn, f.today, 'filing'),
      ...(i.approverIsBureauHead ? [] : [unmet('APPROVER_NOT_BUREAU_HEAD')]),
    ],
  }),

  'conclude-investigation': guard<ReviseProposalInput>({
    when: (s) => [
      ...stageIs(s, 'investigation'),
      ...notSuspended(s),
      ...(s.evidenceCount === 0 ? [unmet('NO_EVIDENCE')] : []),
    ],
    with: (s, i, f) => dated(i.on, s.filedOn, f.today, 'filing'),
  }),

  'complete-review': guard<DatedInput>({
    when: (s) => [...stageIs(s, 'review'), ...notSuspended(s)],
    with: (s, i, f) => dated(i.on, s.concludedOn, f.today, 'the investigation-end report'),
  }),

  'record-legal-review': guard<LegalReviewInput>({
    when: (s) => [...stageIs(s, 'review', 'notice'), ...notSuspended(s)],
    with: (s, i, f) => [
      ...dated(i.on, s.concludedOn, f.today, 'the investigation-end report'),
      ...(i.reviewerIsLegalReviewer ? [] : [unmet('REVIEWER_NOT_LEGAL_REVIEWER')]),
      ...(i.reviewerQualified ? [] : [unmet('REVIEWER_NOT_QUALIFIED')]),
      ...(s.officerIds.includes(i.reviewerId) ? [unmet('REVIEWER_IS_INVESTIGATOR')] : []),
    ],
  }),

  'revise-proposal': guard<ReviseProposalInput>({
    when: (s) => [...stageIs(s, 'review', 'notice'), ...notSuspended(s)],
    with: (s, i, f) => {
      const out = [
        ...dated(i.on, s.concludedOn, f.today, 'the investigation-end report'),
        ...(i.penalties.length === 0 ? [unmet('NO_PROPOSED_PENALTY')] : []),
      ];
      // After the notice a revision may only lighten what was noticed (APL art. 45).
      const noticed = s.notice && s.proposal ? s.proposal.penalties : null;
      if (noticed && !withinNotice(noticed, i.penalties)) out.push(unmet('DEFENCE_CANNOT_AGGRAVATE'));
      return out;
    },
  }),

  'issue-notice': guard<DatedInput>({
    when: (s) => [
      ...stageIs(s, 'review'),
      ...notSuspended(s),
      ...(s.caseReview?.result === 'pass' ? [] : [unmet('CASE_REVIEW_NOT_COMPLETED')]),
      ...(!s.proposal || s.proposal.penalties.length === 0 ? [unmet('NO_PROPOSED_PENALTY')] : []),
      ...(s.legalReviewRequired && !legalReviewCurrent(s) ? [unmet('LEGAL_REVIEW_NOT_PASSED')] : []),
    ],
    with: (s, i, f) => dated(i.on, s.caseReview?.on ?? s.concludedOn, f.today, 'the case review'),
  }),

  'record-statement': guard<DatedInput>({
    when: (s) => [...stageIs(s, 'notice'), ...(s.notice ? [] : [unmet('NOTICE_NOT_SERVED')])],
    with: (s, i, f) => dated(i.on, s.notice?.servedOn ?? null, f.today, 'the notice'),
  }),

  'waive-rights': guard<DatedInput>({
    when: (s, f) => [
      ...stageIs(s, 'notice'),
      ...(s.notice ? [] : [unmet('NOTICE_NOT_SERVED')]),
      ...(s.notice && !statementWindowOpen(s, f.today) ? [unmet('STATEMENT_PERIOD_CLOSED')] : []),
      ...(s.hearing ? [unmet('HEARING_ALREADY_REQUESTED')] : []),
    ],
    with: (s, i, f) => dated(i.on, s.notice?.servedOn ?? null, f.today, 'the notice'),
  }),

  'request-hearing': guard<DatedInput>({
    when: (s) => [
      ...stageIs(s, 'notice'),
      ...(s.notice ? [] : [unmet('NOTICE_NOT_SERVED')]),
      ...(s.notice && !s.notice.hearingRight ? [unmet('NO_HEARING_RIGHT')] : []),
      ...(s.hearing ? [unmet('HEARING_ALREADY_REQUESTED')] : []),
    ],
    with: (s, i, f) => [
      ...dated(i.on, s.notice?.servedOn ?? null, f.today, 'the notice'),
      ...(s.notice && !statementWindowOpen(s, i.on)
        ? [
            unmet(
              'STATEMENT_PERIOD_CLOSED',
              `requested on ${i.on}, the period ended ${s.notice.windowEndsOn}`,
            ),
          ]
        : []),
    ],
  }),

  'schedule-hearing': guard<ScheduleHearingInput>({
    when: (s) => [
      ...stageIs(s, 'notice'),
      ...notSuspended(s),
      ...(s.hearing ? [] : [unmet('HEARING_NOT_REQUESTED')]),
      ...(s.hearing?.heldOn ? [unmet('WRONG_STAGE', 'the hearing was already held')] : []),
    ],
    with: (s, i, f) => [
      ...dated(i.noticeServedOn, s.hearing?.requestedOn ?? null, f.today, 'the hearing request'),
      ...(i.scheduledFor < i.earliestHearingOn
        ? [
            unmet(
              'HEARING_NOTICE_TOO_LATE',
              `notice served ${i.noticeServedOn}: the hearing can be on ${i.earliestHearingOn} at the earliest`,
            ),
          ]
        : []),
      ...(s.officerIds.includes(i.chairId) ? [unmet('HEARING_CHAIR_IS_INVESTIGATOR')] : []),
    ],
  }),

  'record-hearing': guard<HearingRecordInput>({
    when: (s) => [
      ...stageIs(s, 'notice'),
      ...(s.hearing?.scheduledFor ? [] : [unmet('HEARING_NOT_SCHEDULED')]),
      ...(s.hearing?.heldOn ? [unmet('WRONG_STAGE', 'the hearing was already recorded')] : []),
    ],
    with: (s, i, f) => dated(i.on, s.hearing?.scheduledFor ?? null, f.today, 'the scheduled hearing'),
  }),

  'record-collective-discussion': guard<DiscussionInput>({
    when: (s) => stageIs(s, 'review', 'notice'),
    with: (s, i, f) => [
      ...dated(i.on, s.concludedOn, f.today, 'the investigation-end report'),
      ...(i.headsAttending < MIN_HEADS_IN_COLLECTIVE_DISCUSSION
        ? [unmet('TOO_FEW_HEADS', `${i.headsAttending} head(s) attending`)]
        : []),
    ],
  }),

  'approve-extension': guard<ExtensionInput>({
    when: (s) => stageIs(s, 'lead', ...ACTIVE),
    with: (s, i, f) => {
      const out = i.approverIsBureauHead ? [] : [unmet('APPROVER_NOT_BUREAU_HEAD')];
      if (i.kind === 'filing') {
        out.push(...stageIs(s, 'lead'), ...dated(i.on, s.receivedOn, f.today, 'the lead’s receipt'));
        if (s.filingExtensionDays > 0)
          out.push(unmet('EXTENSION_NOT_ALLOWED', 'the filing period was extended already'));
        if (i.days > FILING_EXTENSION_MAX_DAYS) {
          out.push(unmet('EXTENSION_NOT_ALLOWED', `at most ${FILING_EXTENSION_MAX_DAYS} working days`));
        }
        return out;
      }
      out.push(...stageIs(s, ...ACTIVE), ...dated(i.on, s.filedOn, f.today, 'filing'));
      const previous = s.decisionExtensions[s.decisionExtensions.length - 1];
      if (!previous) {
        if (i.days > DECISION_EXTENSION_MAX_DAYS) {
          out.push(
            unmet(
              'EXTENSION_NOT_ALLOWED',
              `the first extension is at most ${DECISION_EXTENSION_MAX_DAYS} days`,
            ),
          );
        }
      } else {
        // Beyond the first 30 days only after a collective discussion held since the last extension.
        const discussed = s.collectiveDiscussions.some((d) => d.on >= previous.on);
        if (!discussed)
          out.push(unmet('EXTENSION_NOT_ALLOWED', 'no collective discussion since the last extension'));
      }
      return out;
    },
  }),

  decide: guard<DecideInput>({
    when: (s, f) => {
      const out = [...stageIs(s, 'notice'), ...notSuspended(s)];
      if (!s.notice) return [...out, unmet('NOTICE_NOT_SERVED')];
      const hearingPending = s.hearing !== null && s.hearing.heldOn === null;
      if (!s.hearing && statementWindowOpen(s, f.today))
        out.push(unmet('STATEMENT_PERIOD_OPEN', `open until ${s.notice.windowEndsOn}`));
      if (hearingPending) out.push(unmet('HEARING_NOT_HELD'));
      const reviewNeeded = s.legalReviewRequired || (s.hearing?.heldOn != null && !s.hearing.partyAbsent);
      if (reviewNeeded && !legalReviewCurrent(s)) out.push(unmet('LEGAL_REVIEW_NOT_PASSED'));
      if (s.collectiveDiscussionRequired && s.collectiveDiscussions.length === 0)
        out.push(unmet('COLLECTIVE_DISCUSSION_REQUIRED'));
      return out;
    },
    with: (s, i, f) => {
      const out = dated(i.on, s.notice?.servedOn ?? null, f.today, 'the notice');
      // Dated inside the period, a decision is refused even when recorded after it (`when` sees only today).
      if (out.length === 0 && !s.hearing && statementWindowOpen(s, i.on) && !statementWindowOpen(s, f.today))
        out.push(unmet('STATEMENT_PERIOD_OPEN', `decided on ${i.on}; open until ${s.notice?.windowEndsOn}`));
      if (i.kind === 'penalty') {
        if (i.penalties.length === 0) out.push(unmet('NO_PROPOSED_PENALTY'));
        else if (s.proposal && !withinNotice(s.proposal.penalties, i.penalties))
          out.push(unmet('DECISION_EXCEEDS_NOTICE'));
        if (i.outsideBenchmark && !i.outsideBenchmarkReason?.trim())
          out.push(unmet('OUTSIDE_BENCHMARK_WITHOUT_REASON'));
        // A fine never replaces a criminal transfer under way (以罚代刑); deciding to transfer stays open.
        if (f.criminalTransferPending && i.penalties.some((p) => p.type === 'fine'))
          out.push(unmet('CRIMINAL_TRANSFER_PENDING'));
      }
      return out;
    },
  }),

  // After the decision: service, performance, enforcement, filing for record, closure, archive.
  ...AFTER_DECISION_GUARDS,
} as const;

export type CaseAction = keyof typeof GUARDS;
export const CASE_ACTIONS = Object.keys(GUARDS) as CaseAction[];
export type ActionInput<A extends CaseAction> = Parameters<(typeof GUARDS)[A]['with']>[1];

/** Everything that stops an action with this input now. */
export function checkAction<A extends CaseAction>(
  action: A,
  s: CaseSnapshot,
  input: ActionInput<A>,
  facts: GuardFacts,
): Unmet[] {
  const g = GUARDS[action] as Guard<ActionInput<A>>;
  // A closed or archived case is read-only: CASE_CLOSED alone says why.
  const locked = closedCaseLock(s, action);
  if (locked.length > 0) return locked;
  return [...g.when(s, facts), ...g.with(s, input, facts)];
}

/** For GET /actions: each action, and what the case alone still lacks for it. */
export function availableActions(
  s: CaseSnapshot,
  facts: GuardFacts,
): { action: CaseAction; possible: boolean; unmet: Unmet[] }[] {
  return CASE_ACTIONS.map((action) => {
    const locked = closedCaseLock(s, action);
    const missing = locked.length > 0 ? locked : (GUARDS[action] as Guard<unknown>).when(s, facts);
    return { action, possible: missing.length === 0, unmet: missing };
  });
}

/**
 * The case guards (RULES.md §1) as pure functions: every action passes on a snapshot that meets its
 * rules, and every condition code has a snapshot or input failing with exactly that code.
 */
import {
  type ActionInput,
  availableActions,
  CASE_ACTIONS,
  type CaseAction,
  checkAction,
  GUARDS,
  type GuardFacts,
  legalReviewCurrent,
  limitationEndsOn,
  statementWindowOpen,
  withinNotice,
} from '../../../src/domain/cases/case-guards';
import type { CaseSnapshot, ProposedPenalty } from '../../../src/domain/cases/case-model';
import { CONDITIONS, type ConditionCode, type Unmet } from '../../../src/domain/cases/conditions';
import { AFTER_DECISION_FAILS, AFTER_DECISION_PASSES } from './after-decision-fixtures';
import {
  facts,
  HEARING_FINE,
  hearingHeld,
  hearingRequested,
  hearingScheduled,
  INVESTIGATORS,
  inReview,
  investigating,
  lead,
  legalPass,
  noticed,
  OUTSIDER,
  PROPOSED,
  reviewed,
} from './fixtures';

interface Attempt {
  title: string;
  action: CaseAction;
  s: CaseSnapshot;
  input: unknown;
  facts: GuardFacts;
}

function attempt<A extends CaseAction>(
  title: string,
  action: A,
  s: CaseSnapshot,
  input: ActionInput<A>,
  f: Partial<GuardFacts> = {},
): Attempt {
  return { title, action, s, input, facts: facts(f) };
}

const check = (a: Attempt): Unmet[] => checkAction(a.action, a.s, a.input as never, a.facts);
const codes = (list: readonly Unmet[]) => list.map((u) => u.code);
const title = (a: Attempt) => `${a.action}: ${a.title}`;

const FILE = { on: '2025-03-10', approverIsBureauHead: true, limitationBasis: 'two_years' } as const;
const APPROVED = { on: '2025-03-10', approverIsBureauHead: true };
const REVIEWER = {
  on: '2025-03-25',
  reviewerIsLegalReviewer: true,
  reviewerQualified: true,
  reviewerId: OUTSIDER,
};
const SCHEDULE = {
  noticeServedOn: '2025-03-31',
  scheduledFor: '2025-04-14',
  earliestHearingOn: '2025-04-10',
  chairId: OUTSIDER,
};
const DECIDE = { on: '2025-04-07', kind: 'penalty', penalties: PROPOSED, outsideBenchmark: false } as const;
const EXTEND = { on: '2025-04-01', approverIsBureauHead: true, kind: 'decision', days: 30 } as const;
/** A hearing-right notice with the window still open for a request on 03-28. */
const hearingNoticed = () => hearingRequested({ hearing: null, pauses: [] });
const suspended = () =>
  investigating({ suspended: true, pauses: [{ from: '2025-03-15', reason: 'suspension' }] });
/** Samples sent for testing (送检) on 2025-03-15, no result yet. */
const testing = () => investigating({ pauses: [{ from: '2025-03-15', reason: 'testing' }] });

/** For every action, snapshots and inputs it accepts. */
const PASSES: { [A in CaseAction]: Attempt[] } = {
  'assign-officers': [
    attempt('a certified outsider to a lead', 'assign-officers', lead(), {
      on: '2025-03-03',
      officerIds: [OUTSIDER],
      validOfficerIds: [OUTSIDER],
    }),
    attempt('during the investigation', 'assign-officers', investigating(), {
      on: '2025-03-12',
      officerIds: [OUTSIDER],
      validOfficerIds: [OUTSIDER],
    }),
  ],
  file: [
    attempt('two certified officers, a party, an item in force, the head approving', 'file', lead(), FILE),
    attempt('on the last day of the 2-year limitation', 'file', lead({ violationOn: '2023-03-10' }), FILE),
    attempt('5-year limitation with its reason', 'file', lead({ violationOn: '2021-06-01' }), {
      ...FILE,
      limitationBasis: 'five_years',
      limitationReason: '危害人体健康 (APL art. 36)',
    }),
  ],
  'decline-filing': [attempt('approved by the head', 'decline-filing', lead(), APPROVED)],
  transfer: [attempt('approved by the head', 'transfer', lead(), { ...APPROVED, toPolice: false })],
  suspend: [
    attempt('during the investigation', 'suspend', investigating(), { on: '2025-03-15' }),
    attempt('after the notice', 'suspend', noticed(), { on: '2025-03-28' }),
  ],
  resume: [attempt('a suspended case', 'resume', suspended(), { on: '2025-03-25' })],
  'start-testing': [
    attempt('a lead', 'start-testing', lead(), { on: '2025-03-05' }),
    attempt('during the investigation', 'start-testing', investigating(), { on: '2025-03-15' }),
  ],
  'end-testing': [attempt('an open testing period', 'end-testing', testing(), { on: '2025-03-25' })],
  terminate: [attempt('approved by the head', 'terminate', investigating(), APPROVED)],
  'conclude-investigation': [
    attempt('with evidence', 'conclude-investigation', investigating(), {
      on: '2025-03-20',
      penalties: PROPOSED,
    }),
  ],
  'complete-review': [
    attempt('after the report', 'complete-review', inReview({ caseReview: null }), { on: '2025-03-24' }),
  ],
  'record-legal-review': [
    attempt(
      'a qualified legal reviewer who did not investigate',
      'record-legal-review',
      inReview(),
      REVIEWER,
    ),
    attempt('after the notice', 'record-legal-review', noticed(), { ...REVIEWER, on: '2025-04-03' }),
  ],
  'revise-proposal': [
    attempt('heavier before the notice', 'revise-proposal', inReview(), {
      on: '2025-03-25',
      penalties: [{ type: 'fine', amount: 8000 }],
    }),
    attempt('lighter after the notice', 'revise-proposal', noticed(), {
      on: '2025-03-31',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 3000 }],
    }),
  ],
  'issue-notice': [attempt('reviewed twice', 'issue-notice', reviewed(), { on: '2025-03-26' })],
  'record-statement': [
    attempt('inside the window', 'record-statement', noticed(), { on: '2025-03-28' }),
    attempt('after the window', 'record-statement', noticed(), { on: '2025-04-03' }),
  ],
  'waive-rights': [
    attempt('inside the window', 'waive-rights', noticed(), { on: '2025-03-27' }, { today: '2025-03-27' }),
  ],
  'request-hearing': [
    attempt('hearing right, on the window’s last day', 'request-hearing', hearingNoticed(), {
      on: '2025-04-02',
    }),
    attempt('recorded after the window, dated inside it', 'request-hearing', hearingNoticed(), {
      on: '2025-03-28',
    }),
  ],
  'schedule-hearing': [
    attempt('7 WD ahead, chaired by an outsider', 'schedule-hearing', hearingRequested(), SCHEDULE),
    attempt('rescheduled before it is held', 'schedule-hearing', hearingScheduled(), {
      ...SCHEDULE,
      noticeServedOn: '2025-04-08',
      scheduledFor: '2025-04-18',
      earliestHearingOn: '2025-04-17',
    }),
  ],
  'record-hearing': [
    attempt('on the scheduled day', 'record-hearing', hearingScheduled(), {
      on: '2025-04-14',
      partyAbsent: false,
    }),
  ],
  'record-collective-discussion': [
    attempt('two heads', 'record-collective-discussion', noticed(), { on: '2025-04-03', headsAttending: 2 }),
  ],
  'approve-extension': [
    attempt('filing: +15 WD once', 'approve-extension', lead(), {
      ...EXTEND,
      on: '2025-03-10',
      kind: 'filing',
      days: 15,
    }),
    attempt('decision: the first +30 d', 'approve-extension', investigating(), EXTEND),
    attempt(
      'decision: a second after a collective discussion',
      'approve-extension',
      noticed({
        decisionExtensions: [{ days: 30, on: '2025-04-01', withDiscussion: false }],
        collectiveDiscussions: [{ on: '2025-05-20', seq: 9 }],
      }),
      { ...EXTEND, on: '2025-05-21', days: 60 },
    ),
  ],
  decide: [
    attempt('after the window, no heavier than noticed', 'decide', noticed(), DECIDE),
    attempt(
      'a warning alone while a criminal transfer is under way',
      'decide',
      noticed(),
      {
        ...DECIDE,
        penalties: [{ type: 'warning' }],
      },
      { criminalTransferPending: true },
    ),
    attempt(
      'to transfer while a criminal transfer is under way',
      'decide',
      noticed(),
      {
        ...DECIDE,
        kind: 'transfer',
        penalties: [],
      },
      { criminalTransferPending: true },
    ),
    attempt('lighter than noticed', 'decide', noticed(), {
      ...DECIDE,
      penalties: [{ type: 'fine', amount: 2000 }],
    }),
    attempt(
      'inside the window after a waiver',
      'decide',
      noticed({ waivedOn: '2025-03-27' }),
      { ...DECIDE, on: '2025-03-28' },
      { today: '2025-03-28' },
    ),
    attempt('after the hearing and a legal review after it', 'decide', hearingHeld(), {
      ...DECIDE,
      on: '2025-04-16',
      penalties: HEARING_FINE,
    }),
    attempt('no penalty, needs no penalties', 'decide', noticed(), {
      ...DECIDE,
      kind: 'no_penalty',
      penalties: [],
    }),
    attempt('outside the benchmark with a reason', 'decide', noticed(), {
      ...DECIDE,
      outsideBenchmark: true,
      outsideBenchmarkReason: '当事人主动消除危害后果 (APL art. 32)',
    }),
    attempt(
      'a required collective discussion held',
      'decide',
      noticed({ collectiveDiscussionRequired: true, collectiveDiscussions: [{ on: '2025-04-03', seq: 7 }] }),
      DECIDE,
    ),
  ],
  // After the decision (after-decision-fixtures.ts).
  ...AFTER_DECISION_PASSES,
};

/**
 * Codes only the investigative acts use (investigation.ts, measures.ts: evidence and compulsory
 * measures); measures.test.ts covers them. Every other code belongs to a guard of GUARDS.
 */
const INVESTIGATIVE_ACT_CODES: readonly ConditionCode[] = [
  'TOO_FEW_CERTIFIED_OFFICERS_ON_SITE',
  'NOT_UNDER_INVESTIGATION',
  'MEASURE_APPROVER_NOT_BUREAU_HEAD',
  'MEASURE_APPROVAL_AFTER_START',
  'MEASURE_APPROVAL_RECORDED',
  'MEASURE_NOT_APPROVED',
  'MEASURE_ENDED',
  'WRONG_MEASURE_KIND',
  'MEASURE_EXTENSION_NOT_ALLOWED',
];

/** For every condition code of the case guards, attempts failing with exactly that code. */
const FAILS: Partial<Record<ConditionCode, Attempt[]>> = {
  WRONG_STAGE: [
    attempt('filing a filed case', 'file', investigating(), FILE),
    attempt('testing for a decided case', 'start-testing', noticed({ stage: 'decided' }), {
      on: '2025-04-08',
    }),
    attempt('concluding a decided case', 'conclude-investigation', noticed({ stage: 'decided' }), {
      on: '2025-03-20',
      penalties: PROPOSED,
    }),
    attempt('scheduling a hearing already held', 'schedule-hearing', hearingHeld(), {
      ...SCHEDULE,
      noticeServedOn: '2025-04-15',
    }),
    attempt('a filing extension after filing', 'approve-extension', investigating(), {
      ...EXTEND,
      kind: 'filing',
      days: 10,
    }),
  ],
  CASE_SUSPENDED: [
    attempt('concluding', 'conclude-investigation', suspended(), { on: '2025-03-20', penalties: PROPOSED }),
    attempt('suspending twice', 'suspend', suspended(), { on: '2025-03-16' }),
    attempt('sending for testing', 'start-testing', suspended(), { on: '2025-03-16' }),
    attempt('deciding', 'decide', noticed({ suspended: true }), DECIDE),
  ],
  NOT_SUSPENDED: [attempt('resuming a running case', 'resume', investigating(), { on: '2025-03-25' })],
  TESTING_IN_PROGRESS: [attempt('testing twice at once', 'start-testing', testing(), { on: '2025-03-20' })],
  NOT_TESTING: [attempt('a result without testing', 'end-testing', investigating(), { on: '2025-03-20' })],
  INSUFFICIENT_CERTIFIED_OFFICERS: [
    attempt('one certified officer', 'file', lead(), FILE, { certifiedOfficerIds: [INVESTIGATORS[0] ?? ''] }),
    attempt('none', 'file', lead({ officerIds: [] }), FILE, { certifiedOfficerIds: [] }),
  ],
  NO_PARTY: [attempt('no party', 'file', lead({ partyKinds: [] }), FILE)],
  NO_PENALTY_POWER_ITEM: [
    attempt('no item', 'file', lead(), FILE, { powerItem: null }),
    attempt('a licensing item', 'file', lead(), FILE, {
      powerItem: { category: 'licensing', inForce: true },
    }),
    attempt('an item not in force', 'file', lead(), FILE, {
      powerItem: { category: 'penalty', inForce: false },
    }),
  ],
  LIMITATION_EXPIRED: [
    attempt('2 years and a day', 'file', lead({ violationOn: '2023-03-09' }), FILE),
    attempt('5 years and a day', 'file', lead({ violationOn: '2020-03-09' }), {
      ...FILE,
      limitationBasis: 'five_years',
      limitationReason: '危害金融安全',
    }),
  ],
  LIMITATION_REASON_MISSING: [
    attempt('no reason', 'file', lead(), { ...FILE, limitationBasis: 'five_years' }),
    attempt('a blank reason', 'file', lead(), {
      ...FILE,
      limitationBasis: 'five_years',
      limitationReason: ' ',
    }),
  ],
  VIOLATION_DATE_MISSING: [attempt('no violation date', 'file', lead({ violationOn: null }), FILE)],
  POLICE_TRANSFER_PROCEDURE: [
    attempt('a lead for the police', 'transfer', lead(), { ...APPROVED, toPolice: true }),
  ],
  APPROVER_NOT_BUREAU_HEAD: [
    attempt('filing', 'file', lead(), { ...FILE, approverIsBureauHead: false }),
    attempt('declining', 'decline-filing', lead(), { ...APPROVED, approverIsBureauHead: false }),
    attempt('transferring', 'transfer', lead(), {
      ...APPROVED,
      approverIsBureauHead: false,
      toPolice: false,
    }),
    attempt('terminating', 'terminate', investigating(), { ...APPROVED, approverIsBureauHead: false }),
    attempt('extending', 'approve-extension', investigating(), { ...EXTEND, approverIsBureauHead: false }),
  ],
  OFFICER_CERTIFICATE_INVALID: [
    attempt('one of two without a valid certificate', 'assign-officers', lead(), {
      on: '2025-03-03',
      officerIds: [OUTSIDER, 'officer-suspended'],
      validOfficerIds: [OUTSIDER],
    }),
  ],
  DATE_BEFORE_PREVIOUS_STEP: [
    attempt('filed before the lead came in', 'file', lead(), { ...FILE, on: '2025-03-01' }),
    attempt('report before filing', 'conclude-investigation', investigating(), {
      on: '2025-03-09',
      penalties: PROPOSED,
    }),
    attempt('resumed before the suspension', 'resume', suspended(), { on: '2025-03-14' }),
    attempt('a result before the samples were sent', 'end-testing', testing(), { on: '2025-03-14' }),
    attempt('hearing notice before the request', 'schedule-hearing', hearingRequested(), {
      ...SCHEDULE,
      noticeServedOn: '2025-03-27',
    }),
    attempt('held before the scheduled day', 'record-hearing', hearingScheduled(), {
      on: '2025-04-11',
      partyAbsent: false,
    }),
    attempt('decided before the notice', 'decide', noticed(), { ...DECIDE, on: '2025-03-25' }),
  ],
  DATE_IN_FUTURE: [
    attempt('filing tomorrow', 'file', lead(), { ...FILE, on: '2025-06-17' }),
    attempt('deciding tomorrow', 'decide', noticed(), { ...DECIDE, on: '2025-06-17' }),
  ],
  NO_EVIDENCE: [
    attempt('no evidence', 'conclude-investigation', investigating({ evidenceCount: 0 }), {
      on: '2025-03-20',
      penalties: PROPOSED,
    }),
  ],
  CASE_REVIEW_NOT_COMPLETED: [
    attempt('no case review', 'issue-notice', reviewed({ caseReview: null }), { on: '2025-03-26' }),
  ],
  LEGAL_REVIEW_NOT_PASSED: [
    attempt('no legal review', 'issue-notice', inReview(), { on: '2025-03-26' }),
    attempt('returned', 'issue-notice', inReview({ legalReviews: [{ ...legalPass(), result: 'return' }] }), {
      on: '2025-03-26',
    }),
    attempt(
      'passed before the proposal was revised',
      'issue-notice',
      reviewed({ proposal: { version: 2, penalties: PROPOSED } }),
      { on: '2025-03-26' },
    ),
    attempt('passed only before the hearing', 'decide', hearingHeld({ legalReviews: [legalPass()] }), {
      ...DECIDE,
      on: '2025-04-16',
      penalties: HEARING_FINE,
    }),
    attempt(
      'not required by setting, but a hearing was held',
      'decide',
      hearingHeld({ legalReviewRequired: false, legalReviews: [] }),
      { ...DECIDE, on: '2025-04-16', penalties: HEARING_FINE },
    ),
  ],
  REVIEWER_NOT_LEGAL_REVIEWER: [
    attempt('no legal_reviewer role', 'record-legal-review', inReview(), {
      ...REVIEWER,
      reviewerIsLegalReviewer: false,
    }),
  ],
  REVIEWER_NOT_QUALIFIED: [
    attempt('no 法律职业资格', 'record-legal-review', inReview(), { ...REVIEWER, reviewerQualified: false }),
  ],
  REVIEWER_IS_INVESTIGATOR: [
    attempt('an investigator reviewing', 'record-legal-review', inReview(), {
      ...REVIEWER,
      reviewerId: INVESTIGATORS[1] ?? '',
    }),
  ],
  NO_PROPOSED_PENALTY: [
    attempt('a revision proposing nothing', 'revise-proposal', inReview(), {
      on: '2025-03-25',
      penalties: [],
    }),
    attempt('a notice without a proposal', 'issue-notice', reviewed({ proposal: null }), {
      on: '2025-03-26',
    }),
    attempt('a penalty decision without penalties', 'decide', noticed(), { ...DECIDE, penalties: [] }),
  ],
  NOTICE_NOT_SERVED: [
    attempt('a statement', 'record-statement', reviewed({ stage: 'notice' }), { on: '2025-03-28' }),
    attempt('a waiver', 'waive-rights', reviewed({ stage: 'notice' }), { on: '2025-03-28' }),
    attempt('a decision', 'decide', reviewed({ stage: 'notice' }), DECIDE),
  ],
  STATEMENT_PERIOD_OPEN: [
    attempt(
      'today inside the window',
      'decide',
      noticed(),
      { ...DECIDE, on: '2025-03-28' },
      { today: '2025-03-28' },
    ),
    attempt(
      'on the window’s last day',
      'decide',
      noticed(),
      { ...DECIDE, on: '2025-04-02' },
      { today: '2025-04-02' },
    ),
    attempt('recorded later, dated inside the window', 'decide', noticed(), { ...DECIDE, on: '2025-04-01' }),
  ],
  STATEMENT_PERIOD_CLOSED: [
    attempt('a hearing requested the day after', 'request-hearing', hearingNoticed(), { on: '2025-04-03' }),
    attempt('a waiver after the window', 'waive-rights', noticed(), { on: '2025-03-28' }),
  ],
  NO_HEARING_RIGHT: [attempt('a CNY 5,000 fine', 'request-hearing', noticed(), { on: '2025-03-28' })],
  HEARING_NOT_REQUESTED: [attempt('scheduling unasked', 'schedule-hearing', noticed(), SCHEDULE)],
  HEARING_ALREADY_REQUESTED: [
    attempt('requested twice', 'request-hearing', hearingRequested(), { on: '2025-03-31' }),
    attempt(
      'a waiver after the request',
      'waive-rights',
      hearingRequested(),
      { on: '2025-03-31' },
      {
        today: '2025-03-31',
      },
    ),
  ],
  HEARING_NOT_SCHEDULED: [
    attempt('recording an unscheduled hearing', 'record-hearing', hearingRequested(), {
      on: '2025-04-14',
      partyAbsent: false,
    }),
  ],
  HEARING_NOTICE_TOO_LATE: [
    attempt('6 WD ahead', 'schedule-hearing', hearingRequested(), {
      ...SCHEDULE,
      scheduledFor: '2025-04-09',
    }),
  ],
  HEARING_CHAIR_IS_INVESTIGATOR: [
    attempt('an investigator chairing', 'schedule-hearing', hearingRequested(), {
      ...SCHEDULE,
      chairId: INVESTIGATORS[0] ?? '',
    }),
  ],
  HEARING_NOT_HELD: [
    attempt('requested only', 'decide', hearingRequested(), { ...DECIDE, penalties: HEARING_FINE }),
    attempt('scheduled, not held', 'decide', hearingScheduled(), {
      ...DECIDE,
      on: '2025-04-16',
      penalties: HEARING_FINE,
    }),
  ],
  DEFENCE_CANNOT_AGGRAVATE: [
    attempt('a larger fine after the notice', 'revise-proposal', noticed(), {
      on: '2025-03-31',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 6000 }],
    }),
    attempt('a new kind of penalty after the notice', 'revise-proposal', noticed(), {
      on: '2025-03-31',
      penalties: [...PROPOSED, { type: 'confiscate_illegal_gains', amount: 1200 }],
    }),
  ],
  COLLECTIVE_DISCUSSION_REQUIRED: [
    attempt('a major case undiscussed', 'decide', noticed({ collectiveDiscussionRequired: true }), DECIDE),
  ],
  TOO_FEW_HEADS: [
    attempt('one head', 'record-collective-discussion', noticed(), { on: '2025-04-03', headsAttending: 1 }),
    attempt('no head', 'record-collective-discussion', inReview(), { on: '2025-03-25', headsAttending: 0 }),
  ],
  EXTENSION_NOT_ALLOWED: [
    attempt('a second filing extension', 'approve-extension', lead({ filingExtensionDays: 5 }), {
      ...EXTEND,
      on: '2025-03-10',
      kind: 'filing',
      days: 5,
    }),
    attempt('a filing extension beyond 15 WD', 'approve-extension', lead(), {
      ...EXTEND,
      on: '2025-03-10',
      kind: 'filing',
      days: 16,
    }),
    attempt('a first decision extension of 31 days', 'approve-extension', investigating(), {
      ...EXTEND,
      days: 31,
    }),
    attempt(
      'a second decision extension without a discussion since the first',
      'approve-extension',
      noticed({
        decisionExtensions: [{ days: 30, on: '2025-04-01', withDiscussion: false }],
        collectiveDiscussions: [{ on: '2025-03-31', seq: 7 }],
      }),
      { ...EXTEND, on: '2025-05-21', days: 10 },
    ),
  ],
  DECISION_EXCEEDS_NOTICE: [
    attempt('a larger fine', 'decide', noticed(), { ...DECIDE, penalties: [{ type: 'fine', amount: 5001 }] }),
    attempt('a kind not noticed', 'decide', noticed(), {
      ...DECIDE,
      penalties: [{ type: 'suspend_business' }],
    }),
    attempt('通报批评 where a warning was noticed', 'decide', noticed(), {
      ...DECIDE,
      penalties: [{ type: 'circulated_criticism' }],
    }),
  ],
  CRIMINAL_TRANSFER_PENDING: [
    attempt('a fine while the case is with the police (以罚代刑)', 'decide', noticed(), DECIDE, {
      criminalTransferPending: true,
    }),
    attempt(
      'a fine alone while the transfer awaits approval',
      'decide',
      noticed(),
      {
        ...DECIDE,
        penalties: [{ type: 'fine', amount: 3000 }],
      },
      { criminalTransferPending: true },
    ),
  ],
  OUTSIDE_BENCHMARK_WITHOUT_REASON: [
    attempt('no reason', 'decide', noticed(), { ...DECIDE, outsideBenchmark: true }),
    attempt('a blank reason', 'decide', noticed(), {
      ...DECIDE,
      outsideBenchmark: true,
      outsideBenchmarkReason: '  ',
    }),
  ],
  // After the decision (after-decision-fixtures.ts).
  ...AFTER_DECISION_FAILS,
};

describe('every guard accepts a case that meets its rules', () => {
  it('covers every action of GUARDS', () => {
    expect(Object.keys(PASSES).sort()).toEqual([...CASE_ACTIONS].sort());
    expect(CASE_ACTIONS).toEqual(Object.keys(GUARDS));
  });

  const passes = Object.values(PASSES).flat();
  it.each(passes.map((a) => [title(a), a] as const))('%s', (_, a) => {
    expect(check(a)).toEqual([]);
    // GET /actions agrees: nothing about the case alone stands in the way.
    const listed = availableActions(a.s, a.facts).find((x) => x.action === a.action);
    expect(listed).toEqual({ action: a.action, possible: true, unmet: [] });
  });
});

describe('every condition fails with exactly its own code', () => {
  it('covers every code of CONDITIONS but those of the investigative acts', () => {
    expect([...Object.keys(FAILS), ...INVESTIGATIVE_ACT_CODES].sort()).toEqual(
      Object.keys(CONDITIONS).sort(),
    );
  });

  const cases = (Object.entries(FAILS) as [ConditionCode, Attempt[]][]).flatMap(([code, attempts]) =>
    attempts.map((a) => [code, title(a), a] as const),
  );
  it.each(cases)('%s — %s', (code, _, a) => {
    const found = check(a);
    expect(codes(found)).toEqual([code]);
    // With its rule and message, as the 422 shows them.
    expect(found[0]).toMatchObject({ code, rule: CONDITIONS[code].rule, message: CONDITIONS[code].message });
  });
});

describe('availableActions: what the case alone lacks (GET /v1/cases/{id}/actions)', () => {
  it('lists every action once, possible only when its `when` guard is empty', () => {
    const listed = availableActions(lead(), facts());
    expect(listed.map((a) => a.action)).toEqual(CASE_ACTIONS);
    for (const a of listed) expect(a.possible).toBe(a.unmet.length === 0);
    expect(listed.filter((a) => a.possible).map((a) => a.action)).toEqual([
      'assign-officers',
      'file',
      'decline-filing',
      'transfer',
      'start-testing',
      'approve-extension',
    ]);
  });

  it('shows the filing conditions of a lead without party, officers or item', () => {
    const listed = availableActions(
      lead({ partyKinds: [] }),
      facts({ certifiedOfficerIds: [], powerItem: null }),
    );
    expect(codes(listed.find((a) => a.action === 'file')?.unmet ?? [])).toEqual([
      'NO_PARTY',
      'INSUFFICIENT_CERTIFIED_OFFICERS',
      'NO_PENALTY_POWER_ITEM',
    ]);
  });

  it('shows what deciding lacks while the window is open and no legal review is current', () => {
    const s = noticed({ legalReviews: [], collectiveDiscussionRequired: true });
    const decide = availableActions(s, facts({ today: '2025-03-28' })).find((a) => a.action === 'decide');
    expect(codes(decide?.unmet ?? [])).toEqual([
      'STATEMENT_PERIOD_OPEN',
      'LEGAL_REVIEW_NOT_PASSED',
      'COLLECTIVE_DISCUSSION_REQUIRED',
    ]);
  });

  it('reports every unmet condition of an action at once, when and with together', () => {
    const found = checkAction(
      'file',
      lead({ partyKinds: [] }),
      { ...FILE, approverIsBureauHead: false },
      facts(),
    );
    expect(codes(found)).toEqual(['NO_PARTY', 'APPROVER_NOT_BUREAU_HEAD']);
  });
});

describe('limitationEndsOn (APL art. 36)', () => {
  it.each([
    ['2023-03-10', 'two_years', '2025-03-10'],
    ['2020-03-10', 'five_years', '2025-03-10'],
    ['2023-12-31', 'two_years', '2025-12-31'],
    // No 29 February in the end year: the period ends on the month's last day.
    ['2024-02-29', 'two_years', '2026-02-28'],
    ['2024-02-29', 'five_years', '2029-02-28'],
    ['2026-02-28', 'two_years', '2028-02-28'],
    ['2019-02-28', 'five_years', '2024-02-28'],
  ] as const)('%s + %s → %s', (violationOn, basis, endsOn) => {
    expect(limitationEndsOn(violationOn, basis)).toBe(endsOn);
  });

  it('files on the last day, refuses the day after (29 February violation)', () => {
    const s = lead({ violationOn: '2024-02-29', receivedOn: '2026-02-01' });
    const f = facts({ today: '2026-06-01' });
    expect(checkAction('file', s, { ...FILE, on: '2026-02-28' }, f)).toEqual([]);
    expect(codes(checkAction('file', s, { ...FILE, on: '2026-03-01' }, f))).toEqual(['LIMITATION_EXPIRED']);
  });
});

describe('withinNotice (APL arts. 44–45)', () => {
  const noticedPenalties: ProposedPenalty[] = [{ type: 'warning' }, { type: 'fine', amount: 5000 }];
  it.each([
    ['the same', noticedPenalties, true],
    ['a smaller fine', [{ type: 'fine', amount: 4999 }], true],
    ['part of the penalties', [{ type: 'warning' }], true],
    ['nothing at all', [], true],
    ['a heavier amount', [{ type: 'fine', amount: 5000.01 }], false],
    ['a new type', [{ type: 'confiscate_illegal_gains', amount: 1 }], false],
    ['通报批评 for a noticed warning', [{ type: 'circulated_criticism' }], false],
  ] as [string, ProposedPenalty[], boolean][])('%s → %s', (_, decided, ok) => {
    expect(withinNotice(noticedPenalties, decided)).toBe(ok);
  });

  it('a duration longer than noticed is heavier (限制开展生产经营活动 for more months)', () => {
    const noticed: ProposedPenalty[] = [{ type: 'restrict_business', months: 12 }];
    expect(withinNotice(noticed, [{ type: 'restrict_business', months: 12 }])).toBe(true);
    expect(withinNotice(noticed, [{ type: 'restrict_business', months: 6 }])).toBe(true);
    expect(withinNotice(noticed, [{ type: 'restrict_business', months: 13 }])).toBe(false);
  });

  it('takes a warning for a noticed 通报批评 (lighter), never the reverse', () => {
    expect(withinNotice([{ type: 'circulated_criticism' }], [{ type: 'warning' }])).toBe(true);
    expect(withinNotice([{ type: 'warning' }], [{ type: 'circulated_criticism' }])).toBe(false);
    expect(withinNotice([{ type: 'circulated_criticism' }], [{ type: 'fine', amount: 1 }])).toBe(false);
  });
});

describe('legalReviewCurrent (APL art. 58)', () => {
  it('counts a pass of the current proposal', () => {
    expect(legalReviewCurrent(reviewed())).toBe(true);
  });

  it('does not count a return, nor no review', () => {
    expect(legalReviewCurrent(inReview())).toBe(false);
    expect(legalReviewCurrent(inReview({ legalReviews: [{ ...legalPass(), result: 'return' }] }))).toBe(
      false,
    );
  });

  it('looks at the latest review only: a return after a pass undoes it', () => {
    const s = inReview({
      legalReviews: [legalPass(), { ...legalPass('2025-03-26', 1, 6), result: 'return' }],
    });
    expect(legalReviewCurrent(s)).toBe(false);
  });

  it('does not count a pass before a proposal revision; a pass after it counts', () => {
    const revised = { version: 2, penalties: [{ type: 'fine', amount: 3000 }] as ProposedPenalty[] };
    expect(legalReviewCurrent(reviewed({ proposal: revised }))).toBe(false);
    expect(
      legalReviewCurrent(
        reviewed({ proposal: revised, legalReviews: [legalPass(), legalPass('2025-03-27', 2, 7)] }),
      ),
    ).toBe(true);
  });

  it('does not count a pass before the hearing; a pass after it counts', () => {
    expect(legalReviewCurrent(hearingHeld({ legalReviews: [legalPass()] }))).toBe(false);
    expect(legalReviewCurrent(hearingHeld())).toBe(true);
    // A hearing requested or scheduled but not held does not invalidate the review yet.
    expect(legalReviewCurrent(hearingScheduled())).toBe(true);
  });

  it('keeps a pass before a hearing the party did not attend (a no-show is a waiver, APL art. 64)', () => {
    const held = hearingHeld({ legalReviews: [legalPass()] });
    const noShow = { ...held, hearing: held.hearing && { ...held.hearing, partyAbsent: true } };
    expect(legalReviewCurrent(noShow)).toBe(true);
  });
});

describe('statementWindowOpen (APL art. 64: 5 WD)', () => {
  it('is open from the notice through the window’s last day, then closed', () => {
    expect(statementWindowOpen(noticed(), '2025-03-26')).toBe(true);
    expect(statementWindowOpen(noticed(), '2025-04-02')).toBe(true);
    expect(statementWindowOpen(noticed(), '2025-04-03')).toBe(false);
  });

  it('is closed by a waiver, and without a notice', () => {
    expect(statementWindowOpen(noticed({ waivedOn: '2025-03-27' }), '2025-03-28')).toBe(false);
    expect(statementWindowOpen(noticed({ waivedOn: '2025-03-27' }), '2025-03-27')).toBe(false);
    // A day before the waiver was still inside the period: a decision dated then is refused.
    expect(statementWindowOpen(noticed({ waivedOn: '2025-03-28' }), '2025-03-27')).toBe(true);
    expect(statementWindowOpen(reviewed(), '2025-03-28')).toBe(false);
  });
});

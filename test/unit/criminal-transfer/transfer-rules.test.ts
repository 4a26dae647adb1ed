/**
 * Criminal transfer (行刑衔接, RULES.md §3) as pure rules: the guards of every step, each condition
 * code, and the clocks on the 2025 working calendar — the head's 3 days, the 24 hours to transfer
 * (at 23:59 and 24:01), the 3 days to request a review, the 3 days to hand seized items over.
 */
import { TRANSFER_CONDITIONS, type TransferUnmet } from '../../../src/domain/criminal-transfer/conditions';
import {
  dayClock,
  reviewRequestDueOn,
  transferClocks,
  transferHoursClock,
} from '../../../src/domain/criminal-transfer/transfer-clocks';
import {
  checkDecision,
  checkHandover,
  checkPoliceDecision,
  checkReceipt,
  checkReport,
  checkReturn,
  checkReviewRequest,
  checkReviewResult,
  checkSend,
  isPending,
  returnOutcome,
  TRANSFER_STATUS_CODES,
  type TransferSnapshot,
} from '../../../src/domain/criminal-transfer/transfer-guards';
import { PERIOD_RULES } from '../../../src/domain/rules/period-rules';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();
const codes = (list: readonly TransferUnmet[]) => list.map((u) => u.code);
const A = 'officer-a';
const B = 'officer-b';
const NOW = new Date('2025-06-30T04:00:00Z');
const TODAY = '2025-06-30';
const APPROVED_AT = new Date('2025-06-12T02:00:00Z');

function transfer(overrides: Partial<TransferSnapshot> = {}): TransferSnapshot {
  return {
    status: 'reported',
    reportedOn: '2025-06-10',
    decidedAt: null,
    transferredAt: null,
    policeReceivedOn: null,
    policeDecision: null,
    policeDecidedOn: null,
    policeNotifiedOn: null,
    reviewRequestedOn: null,
    reviewResultOn: null,
    policeFiledOn: null,
    hasSeizedItems: true,
    handedOverOn: null,
    ...overrides,
  };
}
const approved = (o: Partial<TransferSnapshot> = {}) =>
  transfer({ status: 'approved', decidedAt: APPROVED_AT, ...o });
const sent = (o: Partial<TransferSnapshot> = {}) =>
  approved({ status: 'transferred', transferredAt: new Date('2025-06-12T08:00:00Z'), ...o });
const received = (o: Partial<TransferSnapshot> = {}) =>
  sent({ status: 'received', policeReceivedOn: '2025-06-13', ...o });
const notFiled = (o: Partial<TransferSnapshot> = {}) =>
  received({
    status: 'not_filed',
    policeDecision: 'not_filed',
    policeDecidedOn: '2025-06-15',
    policeNotifiedOn: '2025-06-16',
    ...o,
  });
const filed = (o: Partial<TransferSnapshot> = {}) =>
  received({
    status: 'filed',
    policeDecision: 'filed',
    policeDecidedOn: '2025-06-16',
    policeNotifiedOn: '2025-06-16',
    policeFiledOn: '2025-06-16',
    ...o,
  });

describe('statuses', () => {
  it('is pending from the report until refused or sent back (以罚代刑, TR art. 11)', () => {
    expect(TRANSFER_STATUS_CODES.filter((s) => !isPending(s))).toEqual(['refused', 'returned']);
  });

  it('lets an open case continue and brings anything else back as a new lead', () => {
    for (const stage of ['lead', 'investigation', 'review', 'notice'])
      expect(returnOutcome(stage, null)).toBe('case_continues');
    expect(returnOutcome('decided', 'penalty')).toBe('case_continues');
    expect(returnOutcome('decided', 'transfer')).toBe('new_lead');
    expect(returnOutcome('transferred', null)).toBe('new_lead');
    expect(returnOutcome('terminated', null)).toBe('new_lead');
    expect(returnOutcome('closed', 'penalty')).toBe('new_lead');
  });
});

describe('the report (移送报告, TR arts. 3, 5)', () => {
  const source = { stage: 'investigation', receivedOn: '2025-03-03', transferPending: false };
  const input = { on: '2025-06-10', teamOfficerIds: [A, B], certifiedOfficerIds: [A, B] };

  it('passes with two certified officers on an open case or a lead', () => {
    expect(checkReport(source, input, TODAY)).toEqual([]);
    expect(checkReport({ ...source, stage: 'lead' }, input, TODAY)).toEqual([]);
    expect(checkReport({ ...source, stage: 'decided' }, input, TODAY)).toEqual([]);
    expect(checkReport({ ...source, stage: 'terminated' }, input, TODAY)).toEqual([]);
  });

  it.each([
    ['a declined lead', { ...source, stage: 'declined' }, input, 'CASE_NOT_TRANSFERABLE'],
    ['a lead transferred elsewhere', { ...source, stage: 'transferred' }, input, 'CASE_NOT_TRANSFERABLE'],
    ['a closed case', { ...source, stage: 'closed' }, input, 'CASE_NOT_TRANSFERABLE'],
    ['a second transfer under way', { ...source, transferPending: true }, input, 'TRANSFER_IN_PROGRESS'],
    ['one certified officer', source, { ...input, certifiedOfficerIds: [A] }, 'TRANSFER_TEAM_TOO_SMALL'],
    [
      'a team of one',
      source,
      { ...input, teamOfficerIds: [A], certifiedOfficerIds: [A] },
      'TRANSFER_TEAM_TOO_SMALL',
    ],
    ['a future date', source, { ...input, on: '2025-07-01' }, 'DATE_IN_FUTURE'],
    ['before the lead', source, { ...input, on: '2025-03-02' }, 'DATE_BEFORE_PREVIOUS_STEP'],
  ] as const)('refuses %s', (_, s, i, code) => {
    const found = checkReport(s, i, TODAY);
    expect(codes(found)).toEqual([code]);
  });
});

describe('the steps', () => {
  const head = { at: APPROVED_AT, atDay: '2025-06-12', approverIsBureauHead: true };

  it('accept each step at its status', () => {
    expect(checkDecision(transfer(), head, NOW)).toEqual([]);
    expect(checkSend(approved(), { at: new Date('2025-06-12T08:00:00Z') }, NOW)).toEqual([]);
    expect(checkReceipt(sent(), { on: '2025-06-13', sentOn: '2025-06-12' }, TODAY)).toEqual([]);
    expect(checkPoliceDecision(received(), { on: '2025-06-15', notifiedOn: '2025-06-16' }, TODAY)).toEqual(
      [],
    );
    expect(checkReviewRequest(notFiled(), { on: '2025-06-19', dueOn: '2025-06-19' }, TODAY)).toEqual([]);
    expect(
      checkReviewResult(
        notFiled({ status: 'review_requested', reviewRequestedOn: '2025-06-18' }),
        { on: '2025-06-25' },
        TODAY,
      ),
    ).toEqual([]);
    expect(checkHandover(filed(), { on: '2025-06-18' }, TODAY)).toEqual([]);
    expect(checkReturn(filed(), { on: '2025-06-25' }, TODAY)).toEqual([]);
    expect(checkReturn(notFiled(), { on: '2025-06-17' }, TODAY)).toEqual([]);
  });

  it.each([
    ['deciding twice', () => checkDecision(approved(), head, NOW), 'TRANSFER_WRONG_STATUS'],
    [
      'a decision by someone not the head',
      () => checkDecision(transfer(), { ...head, approverIsBureauHead: false }, NOW),
      'TRANSFER_APPROVER_NOT_BUREAU_HEAD',
    ],
    [
      'a decision before the report',
      () =>
        checkDecision(
          transfer(),
          { ...head, at: new Date('2025-06-09T02:00:00Z'), atDay: '2025-06-09' },
          NOW,
        ),
      'DATE_BEFORE_PREVIOUS_STEP',
    ],
    [
      'a decision in the future',
      () =>
        checkDecision(
          transfer(),
          { ...head, at: new Date('2025-07-01T02:00:00Z'), atDay: '2025-07-01' },
          NOW,
        ),
      'DATE_IN_FUTURE',
    ],
    [
      'sending a refused transfer',
      () => checkSend(transfer({ status: 'refused' }), { at: NOW }, NOW),
      'TRANSFER_WRONG_STATUS',
    ],
    [
      'sending before the approval',
      () => checkSend(approved(), { at: new Date('2025-06-12T01:59:00Z') }, NOW),
      'DATE_BEFORE_PREVIOUS_STEP',
    ],
    [
      'a receipt before sending',
      () => checkReceipt(approved(), { on: '2025-06-13', sentOn: null }, TODAY),
      'TRANSFER_WRONG_STATUS',
    ],
    [
      'a receipt before the transfer',
      () => checkReceipt(sent(), { on: '2025-06-11', sentOn: '2025-06-12' }, TODAY),
      'DATE_BEFORE_PREVIOUS_STEP',
    ],
    [
      'a police decision without a receipt',
      () => checkPoliceDecision(sent(), { on: '2025-06-15', notifiedOn: '2025-06-15' }, TODAY),
      'TRANSFER_WRONG_STATUS',
    ],
    [
      'notified before the decision',
      () => checkPoliceDecision(received(), { on: '2025-06-15', notifiedOn: '2025-06-14' }, TODAY),
      'DATE_BEFORE_PREVIOUS_STEP',
    ],
    [
      'a review of a filed case',
      () => checkReviewRequest(filed(), { on: '2025-06-17', dueOn: null }, TODAY),
      'TRANSFER_WRONG_STATUS',
    ],
    [
      'a second review request',
      () =>
        checkReviewRequest(
          notFiled({ reviewRequestedOn: '2025-06-17', reviewResultOn: '2025-06-20' }),
          { on: '2025-06-21', dueOn: '2025-06-19' },
          TODAY,
        ),
      'REVIEW_ALREADY_REQUESTED',
    ],
    [
      'a review requested on the fourth day',
      () => checkReviewRequest(notFiled(), { on: '2025-06-20', dueOn: '2025-06-19' }, TODAY),
      'REVIEW_REQUEST_PERIOD_ENDED',
    ],
    [
      'a review result without a request',
      () => checkReviewResult(notFiled(), { on: '2025-06-20' }, TODAY),
      'TRANSFER_WRONG_STATUS',
    ],
    [
      'a hand-over before filing',
      () => checkHandover(notFiled(), { on: '2025-06-18' }, TODAY),
      'TRANSFER_WRONG_STATUS',
    ],
    [
      'a hand-over without items',
      () => checkHandover(filed({ hasSeizedItems: false }), { on: '2025-06-18' }, TODAY),
      'NO_SEIZED_ITEMS',
    ],
    [
      'a second hand-over',
      () => checkHandover(filed({ handedOverOn: '2025-06-17' }), { on: '2025-06-18' }, TODAY),
      'ITEMS_ALREADY_HANDED_OVER',
    ],
    [
      'a hand-over before filing day',
      () => checkHandover(filed(), { on: '2025-06-15' }, TODAY),
      'DATE_BEFORE_PREVIOUS_STEP',
    ],
    [
      'a return while a review is pending',
      () =>
        checkReturn(
          notFiled({ status: 'review_requested', reviewRequestedOn: '2025-06-17' }),
          { on: '2025-06-20' },
          TODAY,
        ),
      'TRANSFER_WRONG_STATUS',
    ],
    ['a return in the future', () => checkReturn(filed(), { on: '2025-07-01' }, TODAY), 'DATE_IN_FUTURE'],
  ] as const)('refuses %s', (_, run, code) => {
    const found = run();
    expect(codes(found)).toEqual([code]);
    if (code in TRANSFER_CONDITIONS)
      expect(found[0]).toMatchObject(TRANSFER_CONDITIONS[code as keyof typeof TRANSFER_CONDITIONS]);
  });

  it('covers every condition code', () => {
    // Each TRANSFER_CONDITIONS code is exercised above or in the report's table.
    expect(Object.keys(TRANSFER_CONDITIONS).sort()).toEqual([
      'CASE_NOT_TRANSFERABLE',
      'ITEMS_ALREADY_HANDED_OVER',
      'NO_SEIZED_ITEMS',
      'REVIEW_ALREADY_REQUESTED',
      'REVIEW_REQUEST_PERIOD_ENDED',
      'TRANSFER_APPROVER_NOT_BUREAU_HEAD',
      'TRANSFER_IN_PROGRESS',
      'TRANSFER_TEAM_TOO_SMALL',
      'TRANSFER_WRONG_STATUS',
    ]);
  });
});

describe('the clocks', () => {
  it('the head decides within 3 calendar days of the report (TR art. 5)', () => {
    const rule = PERIOD_RULES.CRIMINAL_TRANSFER_DECISION;
    // Tuesday 10 June → Friday 13 June.
    expect(dayClock(calendar, 'decision', rule, '2025-06-10', '2025-06-13', null)).toMatchObject({
      due: '2025-06-13',
      left: 0,
      state: 'running',
      overdue: false,
      rule: { citation: 'TR art. 5' },
    });
    expect(dayClock(calendar, 'decision', rule, '2025-06-10', '2025-06-14', null)).toMatchObject({
      state: 'overdue',
      left: -1,
      overdue: true,
    });
    expect(dayClock(calendar, 'decision', rule, '2025-06-10', TODAY, '2025-06-13').state).toBe('completed');
    expect(dayClock(calendar, 'decision', rule, '2025-06-10', TODAY, '2025-06-14').state).toBe(
      'completed_late',
    );
    // Wednesday 11 June: the third day is a Saturday, so the period ends on Monday 16 June (RULES.md §9).
    expect(dayClock(calendar, 'decision', rule, '2025-06-11', '2025-06-14', null).due).toBe('2025-06-16');
  });

  it('the transfer is due 24 hours after the approval (TR art. 6): 23:59 on time, 24:01 late', () => {
    const at2359 = new Date(APPROVED_AT.getTime() + (23 * 60 + 59) * 60_000);
    const at2401 = new Date(APPROVED_AT.getTime() + (24 * 60 + 1) * 60_000);
    expect(transferHoursClock(APPROVED_AT, null, at2359)).toMatchObject({
      unit: 'hours',
      length: 24,
      due: '2025-06-13T02:00:00.000Z',
      left: 0.02,
      state: 'running',
      overdue: false,
      rule: { code: 'CRIMINAL_TRANSFER_SEND', citation: 'TR art. 6' },
    });
    expect(transferHoursClock(APPROVED_AT, null, at2401)).toMatchObject({
      left: -0.02,
      state: 'overdue',
      overdue: true,
    });
    expect(transferHoursClock(APPROVED_AT, at2359, NOW)).toMatchObject({
      state: 'completed',
      left: null,
      overdue: false,
    });
    expect(transferHoursClock(APPROVED_AT, at2401, NOW)).toMatchObject({
      state: 'completed_late',
      left: null,
      overdue: true,
    });
    // Exactly 24 hours is still on time.
    const at24 = new Date(APPROVED_AT.getTime() + 24 * 3_600_000);
    expect(transferHoursClock(APPROVED_AT, at24, NOW).state).toBe('completed');
  });

  it('a review is requested within 3 days of the notice (TR art. 9); unused, the period lapses', () => {
    expect(reviewRequestDueOn(calendar, '2025-06-16')).toBe('2025-06-19');
    // Notified on Wednesday 11 June: Saturday 14 June rolls to Monday 16 June.
    expect(reviewRequestDueOn(calendar, '2025-06-11')).toBe('2025-06-16');
    const rule = PERIOD_RULES.CRIMINAL_TRANSFER_REVIEW_REQUEST;
    expect(
      dayClock(calendar, 'review_request', rule, '2025-06-16', '2025-06-19', null, { optional: true }),
    ).toMatchObject({
      state: 'running',
      left: 0,
      rule: { citation: 'TR art. 9' },
    });
    expect(
      dayClock(calendar, 'review_request', rule, '2025-06-16', '2025-06-20', null, { optional: true }),
    ).toMatchObject({
      state: 'lapsed',
      left: null,
      overdue: false,
    });
  });

  it('seized items are handed over within 3 days of the police filing (TR art. 12)', () => {
    const base = { decisionResult: 'approved' as const, returnedOn: null };
    const at = (date: string) => new Date(`${date}T04:00:00Z`);
    const handover = (t: TransferSnapshot, date: string) =>
      transferClocks(calendar, { ...t, ...base }, at(date)).find((c) => c.name === 'handover');
    expect(handover(filed(), '2025-06-19')).toMatchObject({ due: '2025-06-19', left: 0, state: 'running' });
    expect(handover(filed(), '2025-06-20')).toMatchObject({ state: 'overdue', overdue: true, left: -1 });
    expect(handover(filed({ handedOverOn: '2025-06-19' }), '2025-06-25')?.state).toBe('completed');
    expect(handover(filed({ handedOverOn: '2025-06-20' }), '2025-06-25')?.state).toBe('completed_late');
    expect(handover(filed({ hasSeizedItems: false }), '2025-06-20')).toBeUndefined();
  });

  it('shows each clock once its step is reached', () => {
    const base = { decisionResult: 'approved' as const, returnedOn: null };
    const names = (t: TransferSnapshot, decisionResult: 'approved' | 'refused' | null = 'approved') =>
      transferClocks(calendar, { ...t, ...base, decisionResult }, NOW).map((c) => c.name);
    expect(names(transfer(), null)).toEqual(['decision']);
    expect(names(transfer({ status: 'refused', decidedAt: APPROVED_AT }), 'refused')).toEqual(['decision']);
    expect(names(approved())).toEqual(['decision', 'transfer']);
    expect(names(notFiled())).toEqual(['decision', 'transfer', 'review_request']);
    expect(names(filed())).toEqual(['decision', 'transfer', 'handover']);
  });
});

/**
 * After the decision, as pure functions on the real 2025 working calendar: the state read from the
 * timeline, performance and the late surcharge on read, the clocks (service, payment, major-case filing,
 * closure), the major-case criteria, the enforcement window, and the guards' shared conditions (the
 * codes unique to them are in after-decision-fixtures.ts, run by case-guards.test.ts).
 */
import {
  addMonths,
  afterDecisionClocks,
  afterDecisionOf,
  CLOSED_CASE_ACTIONS,
  closedCaseLock,
  demandMaturesOn,
  enforcementWindow,
  fineOf,
  majorCaseFilingRequired,
  owedOn,
  paymentDueOn,
  performanceOf,
  serviceEffectiveOn,
} from '../../../src/domain/cases/after-decision';
import { checkAction } from '../../../src/domain/cases/case-guards';
import { RULE_SETTINGS } from '../../../src/domain/rules/settings';
import { buildCalendar } from '../calendar/fixtures';
import {
  APPLY,
  CLOSE,
  closed,
  decided,
  FINE,
  PAYMENT,
  paid,
  SCHEDULE,
  SERVE,
  served,
  terminated,
} from './after-decision-fixtures';
import { facts } from './fixtures';

const calendar = buildCalendar();
const SETTINGS = { closureWorkingDays: 15, majorCaseFilingWorkingDays: 15 };
const codes = (list: readonly { code: string }[]) => list.map((u) => u.code);
const state = (s: ReturnType<typeof decided>) =>
  s.afterDecision ?? afterDecisionOf({ decidedOn: null, decision: null }, []);

describe('afterDecisionOf: the state from the timeline', () => {
  const event = (seq: number, action: string, occurredOn: string, data: Record<string, unknown> = {}) => ({
    seq,
    action,
    occurredOn,
    data,
  });
  const decision = { kind: 'penalty', penalties: [{ type: 'fine', amount: 5000 }] };

  it('reads service, schedule, payments, freezes, demand, enforcement, filing, closure and archive', () => {
    const s = afterDecisionOf(
      { decidedOn: '2025-04-07', decision },
      [
        event(1, 'decide', '2025-04-07'),
        event(2, 'serve-decision', '2025-04-08', { method: 'post', partyPresentAtAnnouncement: false }),
        event(3, 'approve-payment-schedule', '2025-04-15', {
          kind: 'instalments',
          instalments: [
            { dueOn: '2025-05-15', amountFen: 200_000 },
            { dueOn: '2025-06-16', amountFen: 300_000 },
          ],
        }),
        event(4, 'record-payment', '2025-05-15', { amountFen: 200_000, bankReference: 'B-1' }),
        event(5, 'freeze-surcharge', '2025-06-20', { reason: 'litigation', reference: 'L-1' }),
        event(6, 'unfreeze-surcharge', '2025-07-01', {}),
        event(7, 'serve-demand', '2025-07-02'),
        event(8, 'apply-court-enforcement', '2026-01-09', { court: '城东区人民法院' }),
        event(9, 'record-court-enforcement', '2026-02-01', { result: 'enforced' }),
        event(10, 'file-for-record', '2025-04-10'),
        event(11, 'close', '2026-02-02', { reason: 'enforcement_applied' }),
        event(12, 'archive', '2026-02-03'),
      ],
      true,
    );
    expect(s).toEqual({
      decision: {
        on: '2025-04-07',
        kind: 'penalty',
        penalties: decision.penalties,
        status: 'in_force',
        statusChangedOn: null,
      },
      terminatedOn: null,
      service: {
        on: '2025-04-08',
        effectiveOn: '2025-04-08',
        method: 'post',
        partyPresentAtAnnouncement: false,
      },
      schedule: {
        on: '2025-04-15',
        kind: 'instalments',
        instalments: [
          { dueOn: '2025-05-15', amount: 200_000 },
          { dueOn: '2025-06-16', amount: 300_000 },
        ],
      },
      payments: [{ on: '2025-05-15', amount: 200_000, bankReference: 'B-1' }],
      frozen: [{ from: '2025-06-20', to: '2025-07-01', reason: 'litigation', reference: 'L-1' }],
      demandServedOn: '2025-07-02',
      courtEnforcement: {
        appliedOn: '2026-01-09',
        court: '城东区人民法院',
        result: 'enforced',
        recordedOn: '2026-02-01',
      },
      majorCaseFilingRequired: true,
      majorCaseFiledOn: '2025-04-10',
      closure: { on: '2026-02-02', reason: 'enforcement_applied' },
      archivedOn: '2026-02-03',
    });
  });

  it('knows a terminated case, and nothing before a decision', () => {
    const s = afterDecisionOf({ decidedOn: null, decision: null }, [event(1, 'terminate', '2025-04-01')]);
    expect(s.decision).toBeNull();
    expect(s.terminatedOn).toBe('2025-04-01');
  });

  it('applies a review outcome to the decision it names: varied penalties, revoked, a reopened case', () => {
    const row = { decidedOn: '2025-04-07', decision, decisionNumber: '东市监罚〔2025〕1号' };
    const served = [
      event(1, 'decide', '2025-04-07'),
      event(2, 'serve-decision', '2025-04-08', { method: 'direct', partyPresentAtAnnouncement: true }),
      event(3, 'record-payment', '2025-04-10', { amountFen: 100_000, bankReference: 'B-1' }),
    ];
    const varied = afterDecisionOf(row, [
      ...served,
      event(4, 'record-review-outcome', '2025-05-06', {
        decisionNumber: '东市监罚〔2025〕1号',
        status: 'varied',
        penalties: [{ type: 'fine', amount: 3000 }],
      }),
    ]);
    expect(varied.decision).toMatchObject({
      status: 'varied',
      statusChangedOn: '2025-05-06',
      penalties: [{ type: 'fine', amount: 3000 }],
    });
    expect(varied.payments).toHaveLength(1);
    // An outcome about another decision number (an earlier decision of a reopened case) is not applied.
    const other = afterDecisionOf(row, [
      ...served,
      event(4, 'record-review-outcome', '2025-05-06', {
        decisionNumber: '东市监罚〔2024〕9号',
        status: 'revoked',
        penalties: [],
      }),
    ]);
    expect(other.decision?.status).toBe('in_force');
    const revoked = afterDecisionOf(row, [
      ...served,
      event(4, 'record-review-outcome', '2025-05-06', {
        decisionNumber: '东市监罚〔2025〕1号',
        status: 'revoked',
        penalties: [],
      }),
    ]);
    expect(performanceOf(revoked, calendar, '2025-06-01')).toBeNull();
    expect(owedOn(revoked, calendar, '2025-06-01')).toBe(0);
    // Reopened: the old service and payments no longer count, and the case has no decision until it decides again.
    const reopened = afterDecisionOf({ decidedOn: null, decision: null, decisionNumber: null }, [
      ...served,
      event(4, 'record-review-outcome', '2025-05-06', {
        decisionNumber: '东市监罚〔2025〕1号',
        status: 'revoked',
        reopen: true,
      }),
    ]);
    expect(reopened).toMatchObject({ decision: null, service: null, payments: [] });
    const decidedAgain = afterDecisionOf(
      { ...row, decidedOn: '2025-06-02', decisionNumber: '东市监罚〔2025〕7号' },
      [
        ...served,
        event(4, 'record-review-outcome', '2025-05-06', {
          decisionNumber: '东市监罚〔2025〕1号',
          status: 'revoked',
          reopen: true,
        }),
        event(5, 'decide', '2025-06-02'),
        event(6, 'serve-decision', '2025-06-03', { method: 'direct', partyPresentAtAnnouncement: true }),
      ],
    );
    expect(decidedAgain).toMatchObject({
      decision: { on: '2025-06-02', status: 'in_force' },
      service: { on: '2025-06-03' },
      payments: [],
    });
  });
});

describe('service and due dates', () => {
  it('public notice takes effect 30 days after publication (CPL art. 95)', () => {
    expect(serviceEffectiveOn('public_notice', '2025-04-10')).toBe('2025-05-10');
    expect(serviceEffectiveOn('post', '2025-04-10')).toBe('2025-04-10');
  });

  it.each([
    ['2025-04-08', '2025-04-23'],
    // Day 15 is Friday 2 May, inside the Labour Day break (1–5 May): the next working day.
    ['2025-04-17', '2025-05-06'],
    // Day 15 is Saturday 1 February, inside the Spring Festival break (28 Jan – 4 Feb).
    ['2025-01-17', '2025-02-05'],
  ])('payment after service on %s is due %s (APL art. 67)', (on, due) => {
    expect(paymentDueOn(calendar, on)).toBe(due);
  });

  it('the demand matures 10 working days after it was served (ACL arts. 54, 69)', () => {
    // Sunday 27 April is a make-up working day; Labour Day (1–5 May) is not counted.
    expect(demandMaturesOn(calendar, '2025-04-25')).toBe('2025-05-13');
  });

  it('the court is asked after 6 months to sue, within 3 more (ALL art. 46; ACL art. 53)', () => {
    expect(enforcementWindow('2025-04-08')).toEqual({
      appealEndsOn: '2025-10-08',
      applicationEndsOn: '2026-01-08',
    });
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });
});

describe('performanceOf: the late surcharge on read (APL arts. 72–73)', () => {
  it('not served: nothing due yet', () => {
    expect(performanceOf(state(decided()), calendar, '2025-06-16')).toEqual(
      expect.objectContaining({ fine: FINE, status: 'not_served', dueOn: null, surcharge: null }),
    );
  });

  it('due within 15 days, then 3 % a day on the unpaid fine', () => {
    const s = state(served());
    expect(performanceOf(s, calendar, '2025-04-23')).toEqual(
      expect.objectContaining({ status: 'due', dueOn: '2025-04-23', outstanding: FINE }),
    );
    const late = performanceOf(s, calendar, '2025-04-25');
    expect(late?.status).toBe('overdue');
    expect(late?.surcharge).toEqual(expect.objectContaining({ amount: 30_000, lateDays: 2 }));
    expect(late?.outstanding).toBe(FINE + 30_000);
  });

  it('caps the surcharge at the fine', () => {
    const p = performanceOf(state(served()), calendar, '2025-06-16');
    expect(p?.surcharge).toEqual(expect.objectContaining({ amount: FINE, capped: true, lateDays: 54 }));
    expect(p?.outstanding).toBe(2 * FINE);
  });

  it('is performed on the payment covering fine and surcharge', () => {
    const s = state(
      served({
        payments: [
          { on: '2025-04-25', amount: FINE, bankReference: 'B-1' },
          { on: '2025-05-06', amount: 30_000, bankReference: 'B-2' },
        ],
      }),
    );
    expect(performanceOf(s, calendar, '2025-06-16')).toEqual(
      expect.objectContaining({ status: 'paid', completedOn: '2025-05-06', outstanding: 0 }),
    );
    expect(owedOn(s, calendar, '2025-06-16')).toBe(0);
  });

  it('follows an approved deferral and skips frozen days', () => {
    const deferred = state(
      served({
        schedule: {
          on: '2025-04-15',
          kind: 'deferral',
          instalments: [{ dueOn: '2025-06-30', amount: FINE }],
        },
      }),
    );
    expect(performanceOf(deferred, calendar, '2025-06-30')?.surcharge?.amount).toBe(0);
    expect(performanceOf(deferred, calendar, '2025-07-01')?.surcharge?.amount).toBe(15_000);
    const frozen = state(
      served({ frozen: [{ from: '2025-04-24', reason: 'reconsideration', reference: 'R' }] }),
    );
    expect(performanceOf(frozen, calendar, '2025-05-10')).toEqual(
      expect.objectContaining({
        status: 'frozen',
        surcharge: expect.objectContaining({ amount: 0, frozenDays: 17 }),
      }),
    );
  });

  it('a decision without a fine is performed on service; none without penalty', () => {
    const warning = state(
      served({
        decision: {
          on: '2025-04-07',
          kind: 'penalty',
          penalties: [{ type: 'warning' }],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
    );
    expect(performanceOf(warning, calendar, '2025-06-16')).toEqual(
      expect.objectContaining({ fine: 0, status: 'performed', completedOn: '2025-04-08' }),
    );
    const none = state(
      served({
        decision: {
          on: '2025-04-07',
          kind: 'no_penalty',
          penalties: [],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
    );
    expect(performanceOf(none, calendar, '2025-06-16')).toBeNull();
  });

  it('sums only fines (罚款), in fen', () => {
    expect(
      fineOf([
        { type: 'fine', amount: 1234.56 },
        { type: 'confiscate_illegal_gains', amount: 100 },
        { type: 'warning' },
      ]),
    ).toBe(123_456);
  });
});

describe('afterDecisionClocks', () => {
  const names = (list: { name: string; state: string }[]) => list.map((k) => [k.name, k.state]);

  it('service runs from the decision until served; payment from service; closure from performance', () => {
    expect(names(afterDecisionClocks(calendar, state(decided()), SETTINGS, '2025-04-10'))).toEqual([
      ['service', 'running'],
    ]);
    expect(names(afterDecisionClocks(calendar, state(decided()), SETTINGS, '2025-04-17'))).toEqual([
      ['service', 'overdue'],
    ]);
    expect(names(afterDecisionClocks(calendar, state(served()), SETTINGS, '2025-04-20'))).toEqual([
      ['service', 'completed'],
      ['payment', 'running'],
    ]);
    const done = afterDecisionClocks(calendar, state(paid()), SETTINGS, '2025-05-20');
    expect(names(done)).toEqual([
      ['service', 'completed'],
      ['payment', 'completed'],
      ['case_closure', 'overdue'],
    ]);
    // 15 WD from 2025-04-20: Labour Day (1–5 May) not counted, Sunday 27 April a make-up working day.
    expect(done.find((k) => k.name === 'case_closure')?.dueDate).toBe('2025-05-13');
    expect(names(afterDecisionClocks(calendar, state(closed()), SETTINGS, '2025-06-16')).pop()).toEqual([
      'case_closure',
      'completed',
    ]);
  });

  it('no service clock for a party served at the announcement; a filing clock for a major case', () => {
    const present = state(
      decided({
        service: {
          on: '2025-04-07',
          effectiveOn: '2025-04-07',
          method: 'direct',
          partyPresentAtAnnouncement: true,
        },
      }),
    );
    expect(names(afterDecisionClocks(calendar, present, SETTINGS, '2025-04-10'))).toEqual([
      ['payment', 'running'],
    ]);
    const major = state(decided({ majorCaseFilingRequired: true }));
    const clock = afterDecisionClocks(
      calendar,
      major,
      { ...SETTINGS, majorCaseFilingWorkingDays: 5 },
      '2025-04-10',
    ).find((k) => k.name === 'major_case_filing');
    expect(clock).toEqual(
      expect.objectContaining({ start: '2025-04-07', days: 5, dueDate: '2025-04-14', state: 'running' }),
    );
  });

  it('a terminated case: closure from termination', () => {
    const clocks = afterDecisionClocks(calendar, state(terminated()), SETTINGS, '2025-04-14');
    expect(clocks).toEqual([
      expect.objectContaining({ name: 'case_closure', start: '2025-04-01', state: 'running' }),
    ]);
  });
});

describe('majorCaseFilingRequired (a rule setting, local practice)', () => {
  const criteria = RULE_SETTINGS['major_case_filing.criteria'].default;
  const penalty = (penalties: { type: 'fine' | 'warning' | 'revoke_licence'; amount?: number }[]) => ({
    kind: 'penalty',
    penalties,
  });

  it.each([
    [[{ type: 'fine' as const, amount: 100_000 }], ['legal_person'], false, true],
    [[{ type: 'fine' as const, amount: 99_999.99 }], ['legal_person'], false, false],
    [[{ type: 'fine' as const, amount: 10_000 }], ['natural_person'], false, true],
    [[{ type: 'fine' as const, amount: 10_000 }], ['individual_business'], false, true],
    [[{ type: 'revoke_licence' as const }], ['legal_person'], false, true],
    [[{ type: 'warning' as const }], ['legal_person'], true, true],
    [[{ type: 'warning' as const }], ['legal_person'], false, false],
  ])('%j for %j (flagged %s): %s', (penalties, kinds, flagged, expected) => {
    expect(majorCaseFilingRequired(penalty(penalties), kinds as never, flagged, criteria)).toBe(expected);
  });

  it('never for a decision without penalty, nor when the setting ignores the flag', () => {
    expect(
      majorCaseFilingRequired({ kind: 'no_penalty', penalties: [] }, ['legal_person'], true, criteria),
    ).toBe(false);
    expect(
      majorCaseFilingRequired(penalty([{ type: 'warning' }]), ['legal_person'], true, {
        ...criteria,
        flaggedMajor: false,
      }),
    ).toBe(false);
  });
});

describe('the guards’ shared conditions after the decision', () => {
  it('closing while a criminal transfer is pending (以罚代刑, TR art. 11)', () => {
    expect(codes(checkAction('close', paid(), CLOSE, facts({ criminalTransferPending: true })))).toEqual([
      'CRIMINAL_TRANSFER_PENDING',
    ]);
  });

  it('closure and schedules need the bureau head', () => {
    expect(codes(checkAction('close', paid(), { ...CLOSE, approverIsBureauHead: false }, facts()))).toEqual([
      'APPROVER_NOT_BUREAU_HEAD',
    ]);
    expect(
      codes(
        checkAction(
          'approve-payment-schedule',
          served(),
          { ...SCHEDULE, approverIsBureauHead: false },
          facts(),
        ),
      ),
    ).toEqual(['APPROVER_NOT_BUREAU_HEAD']);
  });

  it('dates: not in the future, not before the step they follow', () => {
    expect(codes(checkAction('serve-decision', decided(), { ...SERVE, on: '2025-04-06' }, facts()))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(codes(checkAction('record-payment', served(), { ...PAYMENT, on: '2025-06-17' }, facts()))).toEqual(
      ['DATE_IN_FUTURE'],
    );
    expect(codes(checkAction('close', paid(), { ...CLOSE, on: '2025-04-19' }, facts()))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
  });

  it('stages: only a decided case is served, paid or enforced; decided or terminated closed; closed archived', () => {
    const investigating = terminated();
    expect(
      codes(checkAction('serve-decision', { ...investigating, stage: 'notice' }, SERVE, facts())),
    ).toEqual(['WRONG_STAGE']);
    expect(
      codes(checkAction('apply-court-enforcement', { ...investigating, stage: 'review' }, APPLY, facts())),
    ).toEqual(['WRONG_STAGE']);
    expect(codes(checkAction('archive', paid(), { on: '2025-05-10' }, facts()))).toEqual(['WRONG_STAGE']);
    expect(
      codes(
        checkAction(
          'serve-decision',
          decided({
            decision: {
              on: '2025-04-07',
              kind: 'transfer',
              penalties: [],
              status: 'in_force',
              statusChangedOn: null,
            },
          }),
          SERVE,
          facts(),
        ),
      ),
    ).toEqual(['WRONG_STAGE']);
  });

  it('a closed or archived case is read-only, but for archiving a closed one', () => {
    expect(codes(closedCaseLock({ stage: 'closed' }, 'record-payment'))).toEqual(['CASE_CLOSED']);
    expect(codes(closedCaseLock({ stage: 'archived' }, 'take-measure'))).toEqual(['CASE_CLOSED']);
    expect(closedCaseLock({ stage: 'closed' }, 'archive')).toEqual([]);
    expect(closedCaseLock({ stage: 'decided' }, 'record-payment')).toEqual([]);
    // Only a reconsideration's or court's outcome is still recorded on a closed case.
    expect(CLOSED_CASE_ACTIONS).toEqual(['record-review-outcome']);
    expect(closedCaseLock({ stage: 'archived' }, 'record-review-outcome')).toEqual([]);
  });
});

/**
 * Administrative litigation (行政诉讼, RULES.md §7) as pure rules: the step guards with each condition code,
 * which outcomes fit which kind and take effect at once, and the clocks on the State Council calendar — the
 * defence due across the 2025 National Day holiday, the 15 d / 10 d appeal periods, at-risk and lapsed.
 */
import { APPEAL_CONDITIONS, type AppealUnmet } from '../../../src/domain/appeals/conditions';
import {
  AT_RISK_DAYS,
  appealClock,
  appealDueOn,
  checkAppeal,
  checkDefence,
  checkFiling,
  checkHearing,
  checkJudgment,
  checkTakeEffect,
  defenceClock,
  defenceDueOn,
  type LitigationSnapshot,
  litigationClocks,
  outcomeFitsKind,
  takesEffectAtOnce,
} from '../../../src/domain/appeals/litigation';
import { CONDITIONS } from '../../../src/domain/cases/conditions';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();
const codes = (list: readonly AppealUnmet[]) => list.map((u) => u.code).sort();
const TODAY = '2025-12-01';

function suit(overrides: Partial<LitigationSnapshot> = {}): LitigationSnapshot {
  return {
    status: 'pending',
    instance: 'first',
    filedOn: '2025-09-15',
    complaintReceivedOn: '2025-09-20',
    instanceStartedOn: '2025-09-15',
    defenceFiledOn: null,
    lastHearingOn: null,
    judgmentKind: null,
    judgmentOn: null,
    judgmentServedOn: null,
    ...overrides,
  };
}
const judged = (o: Partial<LitigationSnapshot> = {}) =>
  suit({
    status: 'judged',
    judgmentKind: 'judgment',
    judgmentOn: '2025-11-03',
    judgmentServedOn: '2025-11-05',
    ...o,
  });

describe('the defence clock (答辩期, ALL art. 67: 15 d from the complaint copy)', () => {
  it('ends inside the National Day holiday and rolls to the next working day', () => {
    // 2025-09-20 + 15 d = Sunday 2025-10-05, inside the 1–8 October break: due Thursday 2025-10-09.
    expect(defenceDueOn(calendar, '2025-09-20')).toBe('2025-10-09');
    const clock = defenceClock(calendar, '2025-09-20', null, '2025-10-01');
    expect(clock).toMatchObject({
      name: 'defence',
      start: '2025-09-20',
      days: 15,
      unit: 'calendar',
      dueDate: '2025-10-09',
      state: 'running',
      daysLeft: 8,
      atRisk: false,
      overdue: false,
      rule: { code: 'LITIGATION_DEFENCE', citation: 'ALL art. 67' },
    });
  });

  it('is at risk with AT_RISK_DAYS or fewer left, due today included', () => {
    expect(AT_RISK_DAYS).toBe(3);
    expect(defenceClock(calendar, '2025-09-20', null, '2025-10-05')).toMatchObject({
      daysLeft: 4,
      atRisk: false,
    });
    expect(defenceClock(calendar, '2025-09-20', null, '2025-10-06')).toMatchObject({
      state: 'running',
      daysLeft: 3,
      atRisk: true,
    });
    expect(defenceClock(calendar, '2025-09-20', null, '2025-10-09')).toMatchObject({
      daysLeft: 0,
      atRisk: true,
    });
  });

  it('is overdue the day after, and completed or completed_late once filed', () => {
    expect(defenceClock(calendar, '2025-09-20', null, '2025-10-10')).toMatchObject({
      state: 'overdue',
      overdue: true,
      atRisk: false,
      daysLeft: -1,
    });
    expect(defenceClock(calendar, '2025-09-20', '2025-10-09', TODAY)).toMatchObject({
      state: 'completed',
      overdue: false,
    });
    expect(defenceClock(calendar, '2025-09-20', '2025-10-10', TODAY)).toMatchObject({
      state: 'completed_late',
      overdue: true,
    });
  });

  it('lapses when the suit ended without a defence, flagged when it ended after the due date', () => {
    expect(defenceClock(calendar, '2025-09-20', null, TODAY, '2025-10-01')).toMatchObject({
      state: 'lapsed',
      overdue: false,
      daysLeft: null,
    });
    expect(defenceClock(calendar, '2025-09-20', null, TODAY, '2025-10-10')).toMatchObject({
      state: 'lapsed',
      overdue: true,
    });
    expect(defenceClock(calendar, '2025-09-20', '2025-10-09', TODAY, '2025-10-10')).toMatchObject({
      state: 'completed',
    });
  });

  it('ends on its 15th day when that is a working day', () => {
    // 2025-06-02 (Monday) + 15 d = Tuesday 2025-06-17.
    expect(defenceDueOn(calendar, '2025-06-02')).toBe('2025-06-17');
  });
});

describe('the appeal clock (上诉期, ALL art. 85: 15 d after a judgment, 10 d after a ruling)', () => {
  it('gives 15 days for a judgment and 10 for a ruling, from service', () => {
    // Served Wednesday 2025-11-05: 15 d = Thursday 11-20; 10 d = Saturday 11-15 → Monday 11-17.
    expect(appealDueOn(calendar, 'judgment', '2025-11-05')).toBe('2025-11-20');
    expect(appealDueOn(calendar, 'ruling', '2025-11-05')).toBe('2025-11-17');
    expect(appealClock(calendar, 'judgment', '2025-11-05', '2025-11-10')).toMatchObject({
      name: 'appeal',
      days: 15,
      dueDate: '2025-11-20',
      state: 'running',
      rule: { code: 'LITIGATION_APPEAL_JUDGMENT' },
    });
    expect(appealClock(calendar, 'ruling', '2025-11-05', '2025-11-10')).toMatchObject({
      days: 10,
      dueDate: '2025-11-17',
      rule: { code: 'LITIGATION_APPEAL_RULING' },
    });
  });

  it('rolls over a holiday: a judgment served 2025-09-20 may be appealed until 2025-10-09', () => {
    expect(appealDueOn(calendar, 'judgment', '2025-09-20')).toBe('2025-10-09');
  });

  it('lapses rather than falls overdue, and is completed once appealed', () => {
    expect(appealClock(calendar, 'judgment', '2025-11-05', '2025-11-21')).toMatchObject({
      state: 'lapsed',
      overdue: false,
      daysLeft: null,
      atRisk: false,
    });
    expect(appealClock(calendar, 'judgment', '2025-11-05', '2025-11-18')).toMatchObject({
      state: 'running',
      atRisk: true,
    });
    expect(appealClock(calendar, 'judgment', '2025-11-05', TODAY, '2025-11-12')).toMatchObject({
      state: 'completed',
      overdue: false,
    });
  });

  it('is shown for an appealable first-instance outcome only', () => {
    const now = new Date('2025-11-10T02:00:00Z');
    const base = {
      complaintReceivedOn: '2025-09-20',
      defenceFiledOn: '2025-10-09',
      instance: 'first' as const,
      judgmentServedOn: '2025-11-05',
      effectiveOn: null,
      firstInstance: null,
    };
    const names = (c: { name: string }[]) => c.map((x) => x.name);
    expect(
      names(litigationClocks(calendar, { ...base, judgmentKind: 'judgment', outcome: 'revoked' }, now)),
    ).toEqual(['defence', 'appeal']);
    expect(
      names(litigationClocks(calendar, { ...base, judgmentKind: 'ruling', outcome: 'withdrawn' }, now)),
    ).toEqual(['defence']);
    expect(
      names(litigationClocks(calendar, { ...base, judgmentKind: 'mediation', outcome: 'mediated' }, now)),
    ).toEqual(['defence']);
    const second = litigationClocks(
      calendar,
      {
        ...base,
        instance: 'second',
        judgmentKind: null,
        outcome: null,
        judgmentServedOn: null,
        firstInstance: { kind: 'judgment', servedOn: '2025-11-05', appealedOn: '2025-11-07' },
      },
      now,
    );
    expect(second.map((c) => [c.name, c.state])).toEqual([
      ['defence', 'completed'],
      ['appeal', 'completed'],
    ]);
  });
});

describe('outcomes and when they take effect', () => {
  it('fit their kind', () => {
    expect(outcomeFitsKind('judgment', 'revoked')).toBe(true);
    expect(outcomeFitsKind('judgment', 'withdrawn')).toBe(false);
    expect(outcomeFitsKind('ruling', 'complaint_dismissed')).toBe(true);
    expect(outcomeFitsKind('ruling', 'varied')).toBe(false);
    expect(outcomeFitsKind('mediation', 'mediated')).toBe(true);
    expect(outcomeFitsKind('mediation', 'claim_rejected')).toBe(false);
    expect(outcomeFitsKind('judgment', 'toString')).toBe(false);
  });

  it('take effect at once at second instance, on mediation, or on a final ruling', () => {
    expect(takesEffectAtOnce('second', 'judgment', 'claim_rejected')).toBe(true);
    expect(takesEffectAtOnce('first', 'mediation', 'mediated')).toBe(true);
    expect(takesEffectAtOnce('first', 'ruling', 'withdrawn')).toBe(true);
    expect(takesEffectAtOnce('first', 'ruling', 'terminated')).toBe(true);
    expect(takesEffectAtOnce('first', 'ruling', 'complaint_dismissed')).toBe(false);
    expect(takesEffectAtOnce('first', 'judgment', 'revoked')).toBe(false);
  });
});

describe('the step guards', () => {
  it('registering: refused while under review, dated before the decision or in the future', () => {
    const ok = { filedOn: '2025-09-15', complaintReceivedOn: '2025-09-20', decidedOn: '2025-04-07' };
    expect(checkFiling({ ...ok, alreadyUnderReview: [] }, TODAY)).toEqual([]);
    expect(
      codes(checkFiling({ ...ok, alreadyUnderReview: ['reconsideration X is accepted'] }, TODAY)),
    ).toEqual(['ALREADY_UNDER_REVIEW']);
    expect(codes(checkFiling({ ...ok, filedOn: '2025-04-01', alreadyUnderReview: [] }, TODAY))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(
      codes(checkFiling({ ...ok, complaintReceivedOn: '2025-09-10', alreadyUnderReview: [] }, TODAY)),
    ).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(
      codes(checkFiling({ ...ok, complaintReceivedOn: '2025-12-02', alreadyUnderReview: [] }, TODAY)),
    ).toEqual(['DATE_IN_FUTURE']);
  });

  it('file-defence: once, while pending, not before the complaint copy', () => {
    expect(checkDefence(suit(), { on: '2025-10-09' }, TODAY)).toEqual([]);
    // Late is allowed: the clock shows completed_late.
    expect(checkDefence(suit(), { on: '2025-10-20' }, TODAY)).toEqual([]);
    expect(codes(checkDefence(suit({ defenceFiledOn: '2025-10-01' }), { on: '2025-10-09' }, TODAY))).toEqual([
      'DEFENCE_ALREADY_FILED',
    ]);
    expect(codes(checkDefence(suit(), { on: '2025-09-19' }, TODAY))).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(codes(checkDefence(suit(), { on: '2025-12-02' }, TODAY))).toEqual(['DATE_IN_FUTURE']);
    expect(
      codes(checkDefence(judged({ defenceFiledOn: '2025-10-01' }), { on: '2025-11-10' }, TODAY)),
    ).toEqual(['APPEAL_WRONG_STATUS', 'DEFENCE_ALREADY_FILED']);
  });

  it('record-hearing: while pending, not before the instance began', () => {
    expect(checkHearing(suit(), { on: '2025-10-20' }, TODAY)).toEqual([]);
    expect(codes(checkHearing(suit(), { on: '2025-09-14' }, TODAY))).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(
      codes(
        checkHearing(
          suit({ instance: 'second', instanceStartedOn: '2025-11-12' }),
          { on: '2025-11-11' },
          TODAY,
        ),
      ),
    ).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(codes(checkHearing(judged(), { on: '2025-11-10' }, TODAY))).toEqual(['APPEAL_WRONG_STATUS']);
  });

  it('record-judgment: while pending, after the last hearing, served after it was made', () => {
    const heard = suit({ lastHearingOn: '2025-10-20' });
    expect(checkJudgment(heard, { on: '2025-11-03', servedOn: '2025-11-05' }, TODAY)).toEqual([]);
    expect(codes(checkJudgment(heard, { on: '2025-10-19', servedOn: '2025-11-05' }, TODAY))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(codes(checkJudgment(heard, { on: '2025-11-03', servedOn: '2025-11-02' }, TODAY))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(codes(checkJudgment(judged(), { on: '2025-11-10', servedOn: '2025-11-10' }, TODAY))).toEqual([
      'APPEAL_WRONG_STATUS',
    ]);
  });

  it('appeal: only a judged first instance, within the period', () => {
    const dueOn = '2025-11-20';
    expect(checkAppeal(judged(), { on: '2025-11-20', dueOn }, TODAY)).toEqual([]);
    expect(codes(checkAppeal(judged(), { on: '2025-11-21', dueOn }, TODAY))).toEqual(['APPEAL_PERIOD_ENDED']);
    expect(codes(checkAppeal(suit(), { on: '2025-11-10', dueOn: null }, TODAY))).toEqual([
      'APPEAL_WRONG_STATUS',
    ]);
    expect(
      codes(
        checkAppeal(judged({ status: 'effective', instance: 'second' }), { on: '2025-11-10', dueOn }, TODAY),
      ),
    ).toEqual(['NOT_APPEALABLE']);
    expect(codes(checkAppeal(judged({ status: 'effective' }), { on: '2025-11-10', dueOn }, TODAY))).toEqual([
      'NOT_APPEALABLE',
    ]);
    expect(codes(checkAppeal(judged(), { on: '2025-11-04', dueOn }, TODAY))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
  });

  it('take-effect: only once the appeal period ended', () => {
    const dueOn = '2025-11-20';
    expect(codes(checkTakeEffect(judged(), { on: '2025-11-20', dueOn }, TODAY))).toEqual([
      'APPEAL_PERIOD_RUNNING',
    ]);
    expect(checkTakeEffect(judged(), { on: '2025-11-21', dueOn }, TODAY)).toEqual([]);
    expect(codes(checkTakeEffect(suit(), { on: '2025-11-21', dueOn: null }, TODAY))).toEqual([
      'APPEAL_WRONG_STATUS',
    ]);
    expect(codes(checkTakeEffect(judged(), { on: '2025-12-02', dueOn }, TODAY))).toEqual(['DATE_IN_FUTURE']);
  });

  it('cite the rule of every condition', () => {
    const all = [
      ...checkDefence(judged({ defenceFiledOn: '2025-10-01' }), { on: '2025-12-02' }, TODAY),
      ...checkAppeal(judged(), { on: '2025-11-21', dueOn: '2025-11-20' }, TODAY),
      ...checkTakeEffect(judged(), { on: '2025-11-20', dueOn: '2025-11-20' }, TODAY),
    ];
    for (const u of all) {
      const source = { ...APPEAL_CONDITIONS, ...CONDITIONS } as Record<string, { rule: string }>;
      expect(u.rule).toBe(source[u.code]?.rule);
    }
  });
});

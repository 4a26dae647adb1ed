/**
 * The pure rules of measures on property: seal-up and seizure (查封、扣押, ACL arts. 18–19, 25, 28) and
 * advance preservation (先行登记保存, APL art. 56): flags, clocks on the 2025 working calendar, and the
 * guards of each step. Also the evidence register's investigative-act guard (APL arts. 42, 46).
 */

import { checkEvidence } from '../../../src/domain/cases/investigation';
import {
  checkApproval,
  checkExtension,
  checkHandling,
  checkRelease,
  checkTakeMeasure,
  emergencyApprovalDueAt,
  type Measure,
  measureClock,
  measureFlags,
  type TakeMeasureInput,
  testingPauses,
} from '../../../src/domain/cases/measures';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();
const A = 'officer-a';
const B = 'officer-b';
const C = 'officer-c';
const NOW = new Date('2025-06-30T04:00:00Z');
const TODAY = '2025-06-30';
const LEAD = { stage: 'investigation', suspended: false, receivedOn: '2025-03-03' };

function measure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: 'm-1',
    kind: 'seizure',
    approval: 'prior',
    decidedAt: new Date('2025-06-20T01:00:00Z'),
    result: 'approved',
    startedAt: new Date('2025-06-20T02:00:00Z'),
    startedOn: '2025-06-20',
    avRecorded: true,
    extendedDays: 0,
    endedOn: null,
    ...overrides,
  };
}

const codes = (unmet: { code: string }[]) => unmet.map((u) => u.code);

describe('flags', () => {
  it('flags a seal-up or seizure without an audio-video record, never an advance preservation', () => {
    expect(measureFlags(measure({ avRecorded: false }), NOW)).toEqual(['NO_AUDIO_VIDEO_RECORD']);
    expect(measureFlags(measure({ kind: 'seal_up', avRecorded: false }), NOW)).toEqual([
      'NO_AUDIO_VIDEO_RECORD',
    ]);
    expect(measureFlags(measure({ kind: 'advance_preservation', avRecorded: false }), NOW)).toEqual([]);
    expect(measureFlags(measure(), NOW)).toEqual([]);
  });

  describe('an emergency measure and its 24 hours (ACL art. 19)', () => {
    const startedAt = new Date('2025-06-29T04:00:00Z');
    const pending = measure({
      approval: 'emergency',
      decidedAt: null,
      result: null,
      startedAt,
      startedOn: '2025-06-29',
    });
    const hours = (h: number) => new Date(startedAt.getTime() + h * 3_600_000);

    it('is due 24 hours after the act', () => {
      expect(emergencyApprovalDueAt(pending)?.toISOString()).toBe('2025-06-30T04:00:00.000Z');
      expect(emergencyApprovalDueAt(measure())).toBeNull();
    });

    it('is not flagged while the 24 hours run, up to the last instant', () => {
      expect(measureFlags(pending, hours(23))).toEqual([]);
      expect(measureFlags(pending, hours(24))).toEqual([]);
    });

    it('is flagged once they passed without an approval', () => {
      expect(measureFlags(pending, new Date(hours(24).getTime() + 1000))).toEqual([
        'EMERGENCY_APPROVAL_OVERDUE',
      ]);
    });

    it('stays unflagged when approved in time, and stays flagged when approved late', () => {
      const inTime = { ...pending, decidedAt: hours(20), result: 'approved' as const };
      expect(measureFlags(inTime, hours(100))).toEqual([]);
      const late = { ...pending, decidedAt: hours(30), result: 'approved' as const };
      expect(measureFlags(late, hours(100))).toEqual(['EMERGENCY_APPROVAL_OVERDUE']);
    });

    it('is flagged as refused until released', () => {
      const refused = { ...pending, decidedAt: hours(2), result: 'refused' as const };
      expect(measureFlags(refused, hours(3))).toEqual(['APPROVAL_REFUSED_NOT_RELEASED']);
      expect(measureFlags({ ...refused, endedOn: '2025-06-29' }, hours(3))).toEqual([]);
    });

    it('may carry several flags', () => {
      expect(measureFlags({ ...pending, avRecorded: false }, hours(25))).toEqual([
        'NO_AUDIO_VIDEO_RECORD',
        'EMERGENCY_APPROVAL_OVERDUE',
      ]);
    });
  });
});

describe('clocks', () => {
  it('gives a seizure 30 calendar days from the day after the act', () => {
    const c = measureClock(calendar, measure(), [], TODAY);
    expect(c).toMatchObject({
      name: 'compulsory_measure',
      subjectId: 'm-1',
      rule: { code: 'SEIZURE_PERIOD', citation: 'ACL art. 25' },
      start: '2025-06-20',
      days: 30,
      totalDays: 30,
      unit: 'calendar',
      dueDate: '2025-07-21', // 07-20 is a Sunday: the period ends on the next working day
      state: 'running',
      daysLeft: 21,
    });
  });

  it('rolls a period ending in the Labour Day holiday over to the next working day', () => {
    // 2025-04-01 + 30 d = 05-01, in the 05-01…05-05 holiday: due 05-06.
    const c = measureClock(calendar, measure({ startedOn: '2025-04-01' }), [], '2025-04-30');
    expect(c.dueDate).toBe('2025-05-06');
  });

  it('adds the extension, and excludes the case’s testing periods (ACL art. 25)', () => {
    const extended = measureClock(calendar, measure({ extendedDays: 30 }), [], TODAY);
    expect(extended).toMatchObject({ totalDays: 60, dueDate: '2025-08-19' });
    const tested = measureClock(
      calendar,
      measure(),
      [{ from: '2025-06-23', to: '2025-06-27', reason: 'testing' }],
      TODAY,
    );
    expect(tested.dueDate).toBe('2025-07-25');
  });

  it('is paused while testing is open', () => {
    const c = measureClock(calendar, measure(), [{ from: '2025-06-25', reason: 'testing' }], TODAY);
    expect(c).toMatchObject({ state: 'paused', dueDate: null, daysLeft: 26 });
  });

  it('is overdue once the period passed with the measure in force, and completed once released', () => {
    const started = measure({ startedOn: '2025-05-20' });
    expect(measureClock(calendar, started, [], TODAY)).toMatchObject({
      dueDate: '2025-06-19',
      state: 'overdue',
      daysLeft: -11,
      overdue: true,
    });
    expect(measureClock(calendar, { ...started, endedOn: '2025-06-10' }, [], TODAY)).toMatchObject({
      state: 'completed',
      daysLeft: null,
    });
    expect(measureClock(calendar, { ...started, endedOn: '2025-06-20' }, [], TODAY)).toMatchObject({
      state: 'completed_late',
      overdue: true,
    });
  });

  describe('advance preservation: the handling decision within 7 working days (APL art. 56)', () => {
    const preserved = measure({ id: 'p-1', kind: 'advance_preservation', startedOn: '2025-04-28' });

    it('skips the Labour Day holiday (05-01…05-05) and the weekend', () => {
      const c = measureClock(calendar, preserved, [], '2025-04-29');
      expect(c).toMatchObject({
        name: 'advance_preservation',
        subjectId: 'p-1',
        rule: { code: 'ADVANCE_PRESERVATION', citation: 'APL art. 56' },
        days: 7,
        unit: 'working',
        dueDate: '2025-05-12',
        state: 'running',
        daysLeft: 6,
      });
    });

    it('is not paused by testing, is overdue after its last day, completed_late when handled after it', () => {
      expect(
        measureClock(calendar, preserved, [{ from: '2025-04-29', reason: 'testing' }], '2025-05-12').dueDate,
      ).toBe('2025-05-12');
      expect(measureClock(calendar, preserved, [], '2025-05-13')).toMatchObject({
        state: 'overdue',
        daysLeft: -1,
      });
      expect(measureClock(calendar, { ...preserved, endedOn: '2025-05-12' }, [], TODAY).state).toBe(
        'completed',
      );
      expect(measureClock(calendar, { ...preserved, endedOn: '2025-05-13' }, [], TODAY).state).toBe(
        'completed_late',
      );
    });
  });

  it('picks the testing pauses of a case', () => {
    expect(
      testingPauses([
        { from: '2025-03-01', to: '2025-03-02', reason: 'x', kind: 'suspension' },
        { from: '2025-03-05', reason: 'y', kind: 'testing' },
      ]),
    ).toEqual([{ from: '2025-03-05', reason: 'y' }]);
  });
});

describe('taking a measure', () => {
  const take = (overrides: Partial<TakeMeasureInput> = {}): TakeMeasureInput => ({
    kind: 'seizure',
    startedAt: new Date('2025-06-20T02:00:00Z'),
    startedOn: '2025-06-20',
    officerIds: [A, B],
    certifiedOfficerIds: [A, B],
    approval: 'prior',
    approver: { isBureauHead: true, at: new Date('2025-06-20T01:00:00Z') },
    ...overrides,
  });

  it('passes with two certified officers and the head’s prior approval', () => {
    expect(checkTakeMeasure(LEAD, take(), NOW, TODAY)).toEqual([]);
    expect(checkTakeMeasure({ ...LEAD, stage: 'lead' }, take(), NOW, TODAY)).toEqual([]);
  });

  it('accepts an approval at the very instant of the act, and an emergency without one yet', () => {
    const at = new Date('2025-06-20T02:00:00Z');
    expect(checkTakeMeasure(LEAD, take({ approver: { isBureauHead: true, at } }), NOW, TODAY)).toEqual([]);
    const { approver: _, ...noApprover } = take({ approval: 'emergency' });
    expect(checkTakeMeasure(LEAD, noApprover, NOW, TODAY)).toEqual([]);
  });

  it('needs two officers certified on the day (APL art. 42; ACL art. 18)', () => {
    const one = checkTakeMeasure(LEAD, take({ officerIds: [A] }), NOW, TODAY);
    expect(codes(one)).toEqual(['TOO_FEW_CERTIFIED_OFFICERS_ON_SITE']);
    const uncertified = checkTakeMeasure(
      LEAD,
      take({ officerIds: [A, C], certifiedOfficerIds: [A] }),
      NOW,
      TODAY,
    );
    expect(codes(uncertified)).toEqual(['TOO_FEW_CERTIFIED_OFFICERS_ON_SITE']);
    expect(uncertified[0]?.detail).toContain(C);
  });

  it('needs the bureau head, before the act unless in an emergency', () => {
    const notHead = take({ approver: { isBureauHead: false, at: new Date('2025-06-20T01:00:00Z') } });
    expect(codes(checkTakeMeasure(LEAD, notHead, NOW, TODAY))).toEqual(['MEASURE_APPROVER_NOT_BUREAU_HEAD']);
    const after = take({ approver: { isBureauHead: true, at: new Date('2025-06-20T03:00:00Z') } });
    expect(codes(checkTakeMeasure(LEAD, after, NOW, TODAY))).toEqual(['MEASURE_APPROVAL_AFTER_START']);
    expect(checkTakeMeasure(LEAD, { ...after, approval: 'emergency' }, NOW, TODAY)).toEqual([]);
    const emergencyBefore = take({ approval: 'emergency' });
    expect(codes(checkTakeMeasure(LEAD, emergencyBefore, NOW, TODAY))).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
  });

  it('is taken only on a lead or a case under investigation, not suspended', () => {
    for (const stage of ['review', 'notice', 'decided', 'declined', 'transferred', 'terminated']) {
      expect(codes(checkTakeMeasure({ ...LEAD, stage }, take(), NOW, TODAY))).toEqual([
        'NOT_UNDER_INVESTIGATION',
      ]);
    }
    expect(codes(checkTakeMeasure({ ...LEAD, suspended: true }, take(), NOW, TODAY))).toEqual([
      'CASE_SUSPENDED',
    ]);
  });

  it('is not in the future nor before the lead; nor is its approval in the future', () => {
    const future = take({
      startedAt: new Date('2025-06-30T05:00:00Z'),
      startedOn: '2025-06-30',
      approval: 'emergency',
      approver: undefined,
    });
    expect(codes(checkTakeMeasure(LEAD, future, NOW, TODAY))).toEqual(['DATE_IN_FUTURE']);
    const early = take({
      startedAt: new Date('2025-03-01T02:00:00Z'),
      startedOn: '2025-03-01',
      approver: undefined,
    });
    expect(codes(checkTakeMeasure(LEAD, early, NOW, TODAY))).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const approvedLater = take({
      approval: 'emergency',
      approver: { isBureauHead: true, at: new Date('2025-07-01T00:00:00Z') },
    });
    expect(codes(checkTakeMeasure(LEAD, approvedLater, NOW, TODAY))).toEqual(['DATE_IN_FUTURE']);
  });
});

describe('the steps of a measure', () => {
  const pending = measure({ approval: 'emergency', decidedAt: null, result: null });

  it('approve: once, by the head, after the act, not in the future', () => {
    const at = new Date('2025-06-20T05:00:00Z');
    expect(checkApproval(pending, { isBureauHead: true, at }, NOW)).toEqual([]);
    expect(codes(checkApproval(measure(), { isBureauHead: true, at }, NOW))).toEqual([
      'MEASURE_APPROVAL_RECORDED',
    ]);
    expect(codes(checkApproval(pending, { isBureauHead: false, at }, NOW))).toEqual([
      'MEASURE_APPROVER_NOT_BUREAU_HEAD',
    ]);
    expect(
      codes(checkApproval(pending, { isBureauHead: true, at: new Date('2025-06-20T01:00:00Z') }, NOW)),
    ).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(
      codes(checkApproval(pending, { isBureauHead: true, at: new Date('2025-06-30T05:00:00Z') }, NOW)),
    ).toEqual(['DATE_IN_FUTURE']);
    expect(
      codes(checkApproval({ ...pending, endedOn: '2025-06-21' }, { isBureauHead: true, at }, NOW)),
    ).toEqual(['MEASURE_ENDED']);
  });

  describe('extend (ACL art. 25)', () => {
    const ok = { on: '2025-06-25', days: 30, isBureauHead: true, dueDate: '2025-07-21' };

    it('once, by at most 30 days, with the head, on or before the last day', () => {
      expect(checkExtension(measure(), ok, TODAY)).toEqual([]);
      expect(
        checkExtension(
          measure({ startedOn: '2025-05-20' }),
          { ...ok, on: '2025-06-19', dueDate: '2025-06-19' },
          TODAY,
        ),
      ).toEqual([]);
    });

    it('refuses a second extension, one after the period ended, one over 30 days', () => {
      expect(codes(checkExtension(measure({ extendedDays: 10 }), { ...ok, days: 5 }, TODAY))).toEqual([
        'MEASURE_EXTENSION_NOT_ALLOWED',
      ]);
      const late = checkExtension(
        measure({ startedOn: '2025-05-20' }),
        { ...ok, on: '2025-06-20', dueDate: '2025-06-19' },
        TODAY,
      );
      expect(codes(late)).toEqual(['MEASURE_EXTENSION_NOT_ALLOWED']);
      expect(late[0]?.detail).toContain('2025-06-19');
      expect(codes(checkExtension(measure(), { ...ok, days: 31 }, TODAY))).toEqual([
        'MEASURE_EXTENSION_NOT_ALLOWED',
      ]);
    });

    it('lets a paused period (testing open) be extended: it has not ended', () => {
      expect(checkExtension(measure(), { ...ok, dueDate: null }, TODAY)).toEqual([]);
    });

    it('needs the head, an approved measure in force, and applies to seal-up and seizure only', () => {
      expect(codes(checkExtension(measure(), { ...ok, isBureauHead: false }, TODAY))).toEqual([
        'MEASURE_APPROVER_NOT_BUREAU_HEAD',
      ]);
      expect(codes(checkExtension(pending, ok, TODAY))).toEqual(['MEASURE_NOT_APPROVED']);
      expect(codes(checkExtension(measure({ endedOn: '2025-06-22' }), ok, TODAY))).toEqual(['MEASURE_ENDED']);
      expect(codes(checkExtension(measure({ kind: 'advance_preservation' }), ok, TODAY))).toEqual([
        'WRONG_MEASURE_KIND',
      ]);
      expect(codes(checkExtension(measure(), { ...ok, on: '2025-07-01' }, TODAY))).toEqual([
        'DATE_IN_FUTURE',
      ]);
      expect(codes(checkExtension(measure(), { ...ok, on: '2025-06-19' }, TODAY))).toEqual([
        'DATE_BEFORE_PREVIOUS_STEP',
      ]);
    });
  });

  it('release: a seal-up or seizure in force, dated between the act and today (ACL art. 28)', () => {
    expect(checkRelease(measure(), { on: '2025-06-20' }, TODAY)).toEqual([]);
    expect(checkRelease(pending, { on: '2025-06-21' }, TODAY)).toEqual([]);
    expect(codes(checkRelease(measure({ endedOn: '2025-06-21' }), { on: '2025-06-22' }, TODAY))).toEqual([
      'MEASURE_ENDED',
    ]);
    expect(
      codes(checkRelease(measure({ kind: 'advance_preservation' }), { on: '2025-06-22' }, TODAY)),
    ).toEqual(['WRONG_MEASURE_KIND']);
    expect(codes(checkRelease(measure(), { on: '2025-06-19' }, TODAY))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(codes(checkRelease(measure(), { on: '2025-07-01' }, TODAY))).toEqual(['DATE_IN_FUTURE']);
  });

  it('handle: an advance preservation in force (APL art. 56), late or not', () => {
    const preserved = measure({ kind: 'advance_preservation', startedOn: '2025-04-28' });
    expect(checkHandling(preserved, { on: '2025-05-12' }, TODAY)).toEqual([]);
    expect(checkHandling(preserved, { on: '2025-06-12' }, TODAY)).toEqual([]);
    expect(codes(checkHandling(measure(), { on: '2025-06-22' }, TODAY))).toEqual(['WRONG_MEASURE_KIND']);
    expect(
      codes(checkHandling({ ...preserved, endedOn: '2025-05-06' }, { on: '2025-05-07' }, TODAY)),
    ).toEqual(['MEASURE_ENDED']);
    expect(codes(checkHandling(preserved, { on: '2025-04-27' }, TODAY))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
  });
});

describe('registering evidence (APL arts. 42, 46)', () => {
  const input = { collectedOn: '2025-03-12', collectedBy: [A, B], certifiedOfficerIds: [A, B] };

  it('passes with two certified collectors on a lead or a case under investigation', () => {
    expect(checkEvidence(LEAD, input, TODAY)).toEqual([]);
    expect(checkEvidence({ ...LEAD, stage: 'lead' }, input, TODAY)).toEqual([]);
  });

  it('lists every unmet condition', () => {
    const unmet = checkEvidence(
      { ...LEAD, stage: 'review' },
      { collectedOn: '2025-07-01', collectedBy: [A, C], certifiedOfficerIds: [A] },
      TODAY,
    );
    expect(codes(unmet)).toEqual([
      'NOT_UNDER_INVESTIGATION',
      'TOO_FEW_CERTIFIED_OFFICERS_ON_SITE',
      'DATE_IN_FUTURE',
    ]);
    expect(unmet.map((u) => u.rule)).toEqual(['APL art. 54; PPR', 'APL arts. 42, 55; ACL art. 18', 'PPR']);
  });
});

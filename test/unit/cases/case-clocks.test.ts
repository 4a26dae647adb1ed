/**
 * The clocks of a case (办案期限) on the real 2025 working calendar (国办发明电〔2024〕12号):
 * Qingming 4–6 April, Labour Day 1–5 May with the make-up working Sunday 27 April.
 */
import { type CaseClock, type ClockInputs, caseClocks } from '../../../src/domain/cases/case-clocks';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();

/** A lead received on Thursday 2025-03-27, nothing else yet. */
function inputs(overrides: Partial<ClockInputs> = {}): ClockInputs {
  return {
    receivedOn: '2025-03-27',
    leadResolvedOn: null,
    filingExtensionDays: 0,
    filedOn: null,
    concludedOn: null,
    caseReviewPassedOn: null,
    caseReviewDays: 10,
    noticeServedOn: null,
    statementClosedOn: null,
    decidedOn: null,
    decisionExtensions: [],
    pauses: [],
    ...overrides,
  };
}

function clockOf(name: CaseClock['name'], c: ClockInputs, today: string): CaseClock {
  const found = caseClocks(calendar, c, today).find((k) => k.name === name);
  if (!found) throw new Error(`no ${name} clock`);
  return found;
}

/** Filed on Monday 2025-03-10: 90 days end on Sunday 06-08, so the period ends on Monday 06-09. */
const filed = (overrides: Partial<ClockInputs> = {}) =>
  inputs({ receivedOn: '2025-03-03', leadResolvedOn: '2025-03-10', filedOn: '2025-03-10', ...overrides });
const suspension = (from: string, to?: string) => ({
  from,
  ...(to ? { to } : {}),
  reason: '中止',
  kind: 'suspension',
});
const hearing = (from: string, to?: string) => ({
  from,
  ...(to ? { to } : {}),
  reason: '听证',
  kind: 'hearing',
});
const testing = (from: string, to?: string) => ({
  from,
  ...(to ? { to } : {}),
  reason: '检验',
  kind: 'testing',
});

describe('which clocks a case has', () => {
  it('a lead has only the filing clock; each later step adds its own, in order', () => {
    expect(caseClocks(calendar, inputs(), '2025-04-01').map((c) => c.name)).toEqual(['filing_decision']);
    const all = filed({ concludedOn: '2025-03-20', noticeServedOn: '2025-03-26' });
    expect(caseClocks(calendar, all, '2025-04-01').map((c) => c.name)).toEqual([
      'filing_decision',
      'case_review',
      'statement',
      'decision',
    ]);
  });

  it('cites its rule next to each due date', () => {
    const clocks = caseClocks(
      calendar,
      filed({ concludedOn: '2025-03-20', noticeServedOn: '2025-03-26' }),
      '2025-04-01',
    );
    expect(clocks.map((c) => [c.name, c.rule.code, c.rule.citation, c.unit, c.days])).toEqual([
      ['filing_decision', 'FILING_DECISION', 'PPR art. 18', 'working', 15],
      ['case_review', 'CASE_REVIEW', 'PPR', 'working', 10],
      ['statement', 'STATEMENT_AND_HEARING_REQUEST', 'APL art. 64', 'working', 5],
      ['decision', 'DECISION', 'APL art. 60', 'calendar', 90],
    ]);
    for (const c of clocks) expect(c.rule.description).not.toBe('');
  });
});

describe('filing decision: 15 WD from the lead, +15 WD with approval, testing excluded (PPR art. 18)', () => {
  it('runs across Qingming: received Thu 03-27 → due Fri 04-18 (not 04-17)', () => {
    // 03-28 (1), 03-31 … 04-03 (2–5), 04-04…06 Qingming, 04-07 … 04-11 (6–10), 04-14 … 04-18 (11–15).
    expect(clockOf('filing_decision', inputs(), '2025-04-01')).toMatchObject({
      start: '2025-03-27',
      dueDate: '2025-04-18',
      totalDays: 15,
      state: 'running',
      // 04-02, 04-03, 04-07 … 04-11, 04-14 … 04-18: working days after today.
      daysLeft: 12,
      overdue: false,
      provisional: false,
    });
  });

  it('an approved +15 WD runs across Labour Day, counting the make-up Sunday 04-27 → Tue 05-13', () => {
    // From 04-18: 04-21 … 04-25 (1–5), Sun 04-27 (6), 04-28 … 04-30 (7–9), 05-01…05 off, 05-06 … 05-09 (10–13), 05-12, 05-13 (14–15).
    expect(clockOf('filing_decision', inputs({ filingExtensionDays: 15 }), '2025-04-01')).toMatchObject({
      days: 15,
      totalDays: 30,
      dueDate: '2025-05-13',
      state: 'running',
    });
  });

  it('a closed testing period is not counted: 3 WD of testing → 04-23', () => {
    const c = inputs({ pauses: [testing('2025-04-08', '2025-04-10')] });
    expect(clockOf('filing_decision', c, '2025-04-01').dueDate).toBe('2025-04-23');
  });

  it('an open testing period pauses it: no due date, the days still to count', () => {
    // Counted before the testing: 03-28, 03-31, 04-01, 04-02, 04-03, 04-07 = 6 of 15.
    const c = inputs({ pauses: [testing('2025-04-08')] });
    expect(clockOf('filing_decision', c, '2025-04-09')).toMatchObject({
      dueDate: null,
      state: 'paused',
      daysLeft: 9,
      overdue: false,
    });
  });

  it('only testing pauses it, not a suspension or a hearing', () => {
    const c = inputs({
      pauses: [suspension('2025-04-08', '2025-04-10'), hearing('2025-04-11', '2025-04-14')],
    });
    expect(clockOf('filing_decision', c, '2025-04-01').dueDate).toBe('2025-04-18');
  });

  it('is overdue the day after its due date, counting calendar days past it', () => {
    expect(clockOf('filing_decision', inputs(), '2025-04-18')).toMatchObject({
      state: 'running',
      daysLeft: 0,
    });
    expect(clockOf('filing_decision', inputs(), '2025-04-19')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      overdue: true,
    });
    expect(clockOf('filing_decision', inputs(), '2025-04-21')).toMatchObject({
      state: 'overdue',
      daysLeft: -3,
    });
  });

  it('is completed when the lead was resolved in time, completed_late after', () => {
    expect(clockOf('filing_decision', inputs({ leadResolvedOn: '2025-04-18' }), '2025-06-01')).toMatchObject({
      state: 'completed',
      daysLeft: null,
      overdue: false,
    });
    expect(clockOf('filing_decision', inputs({ leadResolvedOn: '2025-04-21' }), '2025-06-01')).toMatchObject({
      state: 'completed_late',
      daysLeft: null,
      overdue: true,
    });
  });
});

describe('case review: the agency’s working days from the investigation-end report', () => {
  it('10 WD by default: report Thu 03-20 → Thu 04-03', () => {
    expect(clockOf('case_review', inputs({ concludedOn: '2025-03-20' }), '2025-03-20')).toMatchObject({
      days: 10,
      dueDate: '2025-04-03',
      daysLeft: 10,
      state: 'running',
    });
  });

  it('the agency’s setting: 8 WD → 04-01; passing late is completed_late', () => {
    expect(
      clockOf('case_review', inputs({ concludedOn: '2025-03-20', caseReviewDays: 8 }), '2025-03-20').dueDate,
    ).toBe('2025-04-01');
    const late = inputs({ concludedOn: '2025-03-20', caseReviewPassedOn: '2025-04-07' });
    expect(clockOf('case_review', late, '2025-04-07').state).toBe('completed_late');
  });
});

describe('statement and hearing request: 5 WD from the notice (APL art. 64)', () => {
  it('served Wed 04-30, the window ends Mon 05-12 after Labour Day', () => {
    // 05-01 … 05-05 off; 05-06 (1), 05-07 (2), 05-08 (3), 05-09 (4), weekend, 05-12 (5).
    const c = filed({ noticeServedOn: '2025-04-30' });
    expect(clockOf('statement', c, '2025-04-30')).toMatchObject({
      start: '2025-04-30',
      dueDate: '2025-05-12',
      daysLeft: 5,
      state: 'running',
      unit: 'working',
    });
    // During the holiday no working day is used up.
    expect(clockOf('statement', c, '2025-05-05').daysLeft).toBe(5);
    expect(clockOf('statement', c, '2025-05-09').daysLeft).toBe(1);
  });

  it('is completed when closed by a waiver, a hearing request or the window’s end', () => {
    const c = filed({ noticeServedOn: '2025-04-30', statementClosedOn: '2025-05-06' });
    expect(clockOf('statement', c, '2025-05-07')).toMatchObject({ state: 'completed', overdue: false });
  });
});

describe('decision: 90 days from filing, pauses excluded, extensions added (APL art. 60)', () => {
  it('filed Mon 03-10: day 90 is Sunday 06-08, so the period ends Monday 06-09', () => {
    expect(clockOf('decision', filed(), '2025-04-30')).toMatchObject({
      start: '2025-03-10',
      days: 90,
      totalDays: 90,
      unit: 'calendar',
      dueDate: '2025-06-09',
      daysLeft: 40,
      state: 'running',
    });
  });

  it('a 10-day suspension moves it by 10 days → 06-18', () => {
    const c = filed({ pauses: [suspension('2025-04-01', '2025-04-10')] });
    expect(clockOf('decision', c, '2025-04-30').dueDate).toBe('2025-06-18');
  });

  it('is paused while the suspension is open, with the days still to count', () => {
    // Counted before the suspension: 03-11 … 03-31 = 21 of 90.
    const c = filed({ pauses: [suspension('2025-04-01')] });
    expect(clockOf('decision', c, '2025-04-15')).toMatchObject({
      dueDate: null,
      state: 'paused',
      daysLeft: 69,
      overdue: false,
    });
  });

  it('a hearing pause adds to the suspension: 10 + 12 days → Mon 06-30', () => {
    const c = filed({
      pauses: [suspension('2025-04-01', '2025-04-10'), hearing('2025-04-14', '2025-04-25')],
    });
    expect(clockOf('decision', c, '2025-04-30').dueDate).toBe('2025-06-30');
  });

  it('an open hearing pause stops it too; testing is excluded like the others', () => {
    expect(clockOf('decision', filed({ pauses: [hearing('2025-03-28')] }), '2025-04-10').state).toBe(
      'paused',
    );
    expect(
      clockOf('decision', filed({ pauses: [testing('2025-03-20', '2025-03-29')] }), '2025-04-10').dueDate,
    ).toBe('2025-06-18');
  });

  it('an approved 30-day extension → 120 days, Tue 07-08', () => {
    const c = filed({ decisionExtensions: [{ days: 30, reason: '案情复杂 (局长批准)', on: '2025-05-30' }] });
    expect(clockOf('decision', c, '2025-06-10')).toMatchObject({
      days: 90,
      totalDays: 120,
      dueDate: '2025-07-08',
      state: 'running',
      daysLeft: 28,
    });
  });

  it('extensions and pauses together: +30 d +20 d and a 10-day suspension → 08-07', () => {
    const c = filed({
      decisionExtensions: [
        { days: 30, reason: '局长批准', on: '2025-05-30' },
        { days: 20, reason: '集体讨论决定', on: '2025-07-01' },
      ],
      pauses: [suspension('2025-04-01', '2025-04-10')],
    });
    // 03-10 + 140 days = 07-28; +10 paused = 08-07 (Thursday).
    expect(clockOf('decision', c, '2025-07-01')).toMatchObject({ totalDays: 140, dueDate: '2025-08-07' });
  });

  it('is overdue the day after its due date', () => {
    expect(clockOf('decision', filed(), '2025-06-09')).toMatchObject({
      state: 'running',
      daysLeft: 0,
      overdue: false,
    });
    expect(clockOf('decision', filed(), '2025-06-10')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      overdue: true,
    });
  });

  it('a decision on the due date is completed; a day later, completed_late', () => {
    expect(clockOf('decision', filed({ decidedOn: '2025-06-09' }), '2025-07-01')).toMatchObject({
      state: 'completed',
      overdue: false,
      daysLeft: null,
    });
    expect(clockOf('decision', filed({ decidedOn: '2025-06-10' }), '2025-07-01')).toMatchObject({
      state: 'completed_late',
      overdue: true,
    });
  });

  it('reaching into a year whose holiday notice is not loaded marks it provisional', () => {
    // 2026-11-02 + 90 = Sunday 2027-01-31 → Monday 2027-02-01, on 2027's statutory holidays only.
    const c = filed({ receivedOn: '2026-10-30', leadResolvedOn: '2026-11-02', filedOn: '2026-11-02' });
    expect(clockOf('decision', c, '2026-11-02')).toMatchObject({ dueDate: '2027-02-01', provisional: true });
    expect(clockOf('decision', filed(), '2025-04-30').provisional).toBe(false);
  });
});

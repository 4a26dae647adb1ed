import { datesInRange, type IsoDate } from '../../../src/domain/calendar/dates';
import {
  clockStatus,
  computeDeadline,
  type Deadline,
  type DeadlineInput,
  type SkippedDay,
} from '../../../src/domain/calendar/deadlines';
import { buildCalendar } from './fixtures';

const calendar = buildCalendar();

function working(start: IsoDate, days: number, rest: Partial<DeadlineInput> = {}): Deadline {
  return computeDeadline(calendar, { start, days, unit: 'working', ...rest });
}

function calendarDays(start: IsoDate, days: number, rest: Partial<DeadlineInput> = {}): Deadline {
  return computeDeadline(calendar, { start, days, unit: 'calendar', ...rest });
}

/** Skipped entries for a run of days with the same reason and name. */
function run(
  from: IsoDate,
  to: IsoDate,
  reason: SkippedDay['reason'],
  name?: string,
  effect: SkippedDay['effect'] = 'not_counted',
): SkippedDay[] {
  return datesInRange(from, to).map((date) => ({ date, reason, ...(name ? { name } : {}), effect }));
}

const weekend = (from: IsoDate, to: IsoDate = from) => run(from, to, 'weekend');
const paused = (from: IsoDate, to: IsoDate = from) => run(from, to, 'paused');

describe('computeDeadline: working-day periods around 2024 breaks', () => {
  it('from the last working day before 春节 (Fri 2024-02-09, 除夕) + 5 WD → 2024-02-22', () => {
    // Feb 10–17 (Sat–Sat) 春节 off; Feb 18 Sun make-up (1), Feb 19 Mon (2), 20 (3), 21 (4), 22 Thu (5).
    const d = working('2024-02-09', 5);
    expect(d.dueDate).toBe('2024-02-22');
    expect(d.skipped).toEqual(run('2024-02-10', '2024-02-17', 'holiday', '春节'));
    expect(d).toMatchObject({ countedDays: 5, totalDays: 5, paused: false, provisional: false });
  });

  it('from inside 春节 (Wed 2024-02-14) + 3 WD → 2024-02-20', () => {
    // Feb 15–17 off; Feb 18 Sun make-up (1), Feb 19 Mon (2), Feb 20 Tue (3).
    const d = working('2024-02-14', 3);
    expect(d.dueDate).toBe('2024-02-20');
    expect(d.skipped).toEqual(run('2024-02-15', '2024-02-17', 'holiday', '春节'));
  });

  it('counts the make-up Sunday 2024-02-04: Fri 2024-02-02 + 5 WD → 2024-02-08', () => {
    // Feb 3 Sat skipped; Feb 4 Sun make-up (1); Feb 5–8 Mon–Thu (2–5).
    const d = working('2024-02-02', 5);
    expect(d.dueDate).toBe('2024-02-08');
    expect(d.skipped).toEqual(weekend('2024-02-03'));
  });

  it('Fri 2024-09-27 + 5 WD → 2024-10-10 across 国庆节', () => {
    // Sep 28 Sat skipped; Sep 29 Sun make-up (1); Sep 30 Mon (2); Oct 1–7 off; Oct 8 (3), 9 (4), 10 Thu (5).
    const d = working('2024-09-27', 5);
    expect(d.dueDate).toBe('2024-10-10');
    expect(d.skipped).toEqual([
      ...weekend('2024-09-28'),
      ...run('2024-10-01', '2024-10-07', 'holiday', '国庆节'),
    ]);
  });

  it('from the last working day before 国庆节 (Mon 2024-09-30) + 10 WD → 2024-10-18', () => {
    // Oct 1–7 off; Oct 8–11 Tue–Fri (1–4); Oct 12 Sat make-up (5); Oct 13 Sun skipped; Oct 14–18 (6–10).
    const d = working('2024-09-30', 10);
    expect(d.dueDate).toBe('2024-10-18');
    expect(d.skipped).toEqual([
      ...run('2024-10-01', '2024-10-07', 'holiday', '国庆节'),
      ...weekend('2024-10-13'),
    ]);
  });

  it('from inside 国庆节 (Thu 2024-10-03) + 7 WD → 2024-10-15', () => {
    // Oct 4–7 off; Oct 8–11 (1–4); Oct 12 Sat make-up (5); Oct 13 Sun skipped; Oct 14 (6), Oct 15 Tue (7).
    const d = working('2024-10-03', 7);
    expect(d.dueDate).toBe('2024-10-15');
    expect(d.skipped).toEqual([
      ...run('2024-10-04', '2024-10-07', 'holiday', '国庆节'),
      ...weekend('2024-10-13'),
    ]);
  });

  it('ends on the make-up Sunday itself: Fri 2024-09-27 + 1 WD → 2024-09-29', () => {
    // Sep 28 Sat skipped; Sep 29 Sun make-up (1).
    expect(working('2024-09-27', 1).dueDate).toBe('2024-09-29');
  });
});

describe('computeDeadline: working-day periods around 2025 breaks', () => {
  it('counts the make-up Sunday 2025-01-26: Fri 2025-01-24 + 2 WD → 2025-01-27', () => {
    // Jan 25 Sat skipped; Jan 26 Sun make-up (1); Jan 27 Mon (2).
    const d = working('2025-01-24', 2);
    expect(d.dueDate).toBe('2025-01-27');
    expect(d.skipped).toEqual(weekend('2025-01-25'));
  });

  it('from the last working day before 春节 (Mon 2025-01-27) + 5 WD → 2025-02-10', () => {
    // Jan 28–Feb 4 off; Feb 5–7 Wed–Fri (1–3); Feb 8 Sat make-up (4); Feb 9 Sun skipped; Feb 10 Mon (5).
    const d = working('2025-01-27', 5);
    expect(d.dueDate).toBe('2025-02-10');
    expect(d.skipped).toEqual([
      ...run('2025-01-28', '2025-02-04', 'holiday', '春节'),
      ...weekend('2025-02-09'),
    ]);
  });

  it('from inside 春节 (Fri 2025-01-31) + 5 WD → 2025-02-10', () => {
    // Feb 1–4 off (Sat and Sun are break days, reported as holiday); Feb 5–7 (1–3); Feb 8 Sat (4); Feb 10 (5).
    const d = working('2025-01-31', 5);
    expect(d.dueDate).toBe('2025-02-10');
    expect(d.skipped).toEqual([
      ...run('2025-02-01', '2025-02-04', 'holiday', '春节'),
      ...weekend('2025-02-09'),
    ]);
  });

  it('Fri 2025-09-26 + 5 WD → 2025-10-10 across 国庆节、中秋节', () => {
    // Sep 27 Sat skipped; Sep 28 Sun make-up (1); Sep 29–30 (2–3); Oct 1–8 off (Oct 6 is 中秋节);
    // Oct 9 Thu (4), Oct 10 Fri (5).
    const d = working('2025-09-26', 5);
    expect(d.dueDate).toBe('2025-10-10');
    expect(d.skipped).toEqual([
      ...weekend('2025-09-27'),
      ...run('2025-10-01', '2025-10-05', 'holiday', '国庆节'),
      ...run('2025-10-06', '2025-10-06', 'holiday', '中秋节'),
      ...run('2025-10-07', '2025-10-08', 'holiday', '国庆节'),
    ]);
  });

  it('from the last working day before 国庆节 (Tue 2025-09-30) + 3 WD → make-up Sat 2025-10-11', () => {
    // Oct 1–8 off; Oct 9 (1), Oct 10 (2), Oct 11 Sat make-up (3).
    const d = working('2025-09-30', 3);
    expect(d.dueDate).toBe('2025-10-11');
    expect(d.skipped.map((s) => s.date)).toEqual(datesInRange('2025-10-01', '2025-10-08'));
  });

  it('from inside the break (Mon 2025-10-06, 中秋节) + 7 WD → 2025-10-16', () => {
    // Oct 7–8 off; Oct 9 (1), 10 (2), Oct 11 Sat make-up (3); Oct 12 Sun skipped; Oct 13–16 (4–7).
    const d = working('2025-10-06', 7);
    expect(d.dueDate).toBe('2025-10-16');
    expect(d.skipped).toEqual([
      ...run('2025-10-07', '2025-10-08', 'holiday', '国庆节'),
      ...weekend('2025-10-12'),
    ]);
  });
});

describe('computeDeadline: working-day periods around 2026 breaks', () => {
  it('counts the 元旦 make-up Sunday: Wed 2025-12-31 + 1 WD → 2026-01-04', () => {
    // Jan 1–3 (Thu–Sat) off; Jan 4 Sun make-up (1).
    const d = working('2025-12-31', 1);
    expect(d.dueDate).toBe('2026-01-04');
    expect(d.skipped).toEqual(run('2026-01-01', '2026-01-03', 'holiday', '元旦'));
  });

  it('counts the make-up Saturday before 春节: Fri 2026-02-13 + 2 WD → 2026-02-24', () => {
    // Feb 14 Sat make-up (1); Feb 15–23 (Sun–Mon) off; Feb 24 Tue (2).
    const d = working('2026-02-13', 2);
    expect(d.dueDate).toBe('2026-02-24');
    expect(d.skipped).toEqual(run('2026-02-15', '2026-02-23', 'holiday', '春节'));
  });

  it('from the last working day before 春节 (make-up Sat 2026-02-14) + 5 WD → make-up Sat 2026-02-28', () => {
    // Feb 15–23 off; Feb 24–27 Tue–Fri (1–4); Feb 28 Sat make-up (5).
    const d = working('2026-02-14', 5);
    expect(d.dueDate).toBe('2026-02-28');
    expect(d.skipped).toEqual(run('2026-02-15', '2026-02-23', 'holiday', '春节'));
  });

  it('from inside 春节 (Wed 2026-02-18) + 15 WD → 2026-03-13', () => {
    // Feb 19–23 off; Feb 24–27 (1–4); Feb 28 Sat make-up (5); Mar 1 Sun skipped; Mar 2–6 (6–10);
    // Mar 7–8 skipped; Mar 9–13 (11–15).
    const d = working('2026-02-18', 15);
    expect(d.dueDate).toBe('2026-03-13');
    expect(d.skipped).toEqual([
      ...run('2026-02-19', '2026-02-23', 'holiday', '春节'),
      ...weekend('2026-03-01'),
      ...weekend('2026-03-07', '2026-03-08'),
    ]);
  });

  it('Thu 2026-09-24 + 5 WD → 2026-10-09 across 中秋节 and 国庆节', () => {
    // Sep 25–27 中秋节 off; Sep 28–30 (1–3); Oct 1–7 国庆节 off; Oct 8 Thu (4), Oct 9 Fri (5).
    const d = working('2026-09-24', 5);
    expect(d.dueDate).toBe('2026-10-09');
    expect(d.skipped).toEqual([
      ...run('2026-09-25', '2026-09-27', 'holiday', '中秋节'),
      ...run('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
    ]);
  });

  it('counts the make-up Sunday 2026-09-20: Fri 2026-09-18 + 5 WD → 2026-09-24', () => {
    // Sep 19 Sat skipped; Sep 20 Sun make-up (1); Sep 21–24 Mon–Thu (2–5).
    expect(working('2026-09-18', 5).dueDate).toBe('2026-09-24');
  });

  it('from the last working day before 国庆节 (Wed 2026-09-30) + 3 WD → make-up Sat 2026-10-10', () => {
    // Oct 1–7 off; Oct 8 (1), Oct 9 (2), Oct 10 Sat make-up (3).
    expect(working('2026-09-30', 3).dueDate).toBe('2026-10-10');
  });

  it('from inside 国庆节 (Mon 2026-10-05) + 1 WD → 2026-10-08', () => {
    // Oct 6–7 off; Oct 8 Thu (1).
    const d = working('2026-10-05', 1);
    expect(d.dueDate).toBe('2026-10-08');
    expect(d.skipped).toEqual(run('2026-10-06', '2026-10-07', 'holiday', '国庆节'));
  });
});

describe('computeDeadline: calendar-day periods', () => {
  it('rolls a last day inside 国庆节 to the first working day after the break', () => {
    // Sep 16 + 15 d = Oct 1 (holiday); Oct 1–7 rolled over → Oct 8 Tue.
    const d = calendarDays('2024-09-16', 15);
    expect(d.dueDate).toBe('2024-10-08');
    expect(d.skipped).toEqual(run('2024-10-01', '2024-10-07', 'holiday', '国庆节', 'rolled_over'));
    expect(d.countedDays).toBe(15);
  });

  it('rolls the 90-day decision period (APL 60) from filing on 2024-07-03 to 2024-10-08', () => {
    // Jul 3 + 28 = Jul 31, + 31 = Aug 31 (59), + 30 = Sep 30 (89), + 1 = Oct 1 (90): holiday → Oct 8.
    const d = calendarDays('2024-07-03', 90);
    expect(d.dueDate).toBe('2024-10-08');
    expect(d.skipped.map((s) => s.date)).toEqual(datesInRange('2024-10-01', '2024-10-07'));
  });

  it('rolls a last day inside 2025 春节: 2025-01-14 + 15 d = Jan 29 → 2025-02-05', () => {
    const d = calendarDays('2025-01-14', 15);
    expect(d.dueDate).toBe('2025-02-05');
    expect(d.skipped).toEqual(run('2025-01-29', '2025-02-04', 'holiday', '春节', 'rolled_over'));
  });

  it('rolls a last day inside 2026 春节: 2026-02-01 + 15 d = Feb 16 → 2026-02-24', () => {
    const d = calendarDays('2026-02-01', 15);
    expect(d.dueDate).toBe('2026-02-24');
    expect(d.skipped).toEqual(run('2026-02-16', '2026-02-23', 'holiday', '春节', 'rolled_over'));
  });

  it('does not count holidays inside the period, only rolls the last day', () => {
    // Sep 27 + 15 d = Oct 12, the make-up Saturday: a working day, no roll; Oct 1–7 count as calendar days.
    const d = calendarDays('2024-09-27', 15);
    expect(d.dueDate).toBe('2024-10-12');
    expect(d.skipped).toEqual([]);
  });

  it('does not roll when the last day is a make-up Sunday (2024-09-14 + 15 d = Sep 29)', () => {
    const d = calendarDays('2024-09-14', 15);
    expect(d.dueDate).toBe('2024-09-29');
    expect(d.skipped).toEqual([]);
  });

  it('does not roll when the last day is the make-up Sunday 2025-01-26 (Jan 11 + 15 d)', () => {
    expect(calendarDays('2025-01-11', 15).dueDate).toBe('2025-01-26');
  });

  it('rolls an ordinary Saturday to Monday (2024-06-07 + 15 d = Sat Jun 22 → Mon Jun 24)', () => {
    const d = calendarDays('2024-06-07', 15);
    expect(d.dueDate).toBe('2024-06-24');
    expect(d.skipped).toEqual([
      { date: '2024-06-22', reason: 'weekend', effect: 'rolled_over' },
      { date: '2024-06-23', reason: 'weekend', effect: 'rolled_over' },
    ]);
  });
});

describe('computeDeadline: counting from the day after the event', () => {
  it('does not count day 0', () => {
    // Mon 2024-03-04: day 1 is Tue Mar 5.
    expect(calendarDays('2024-03-04', 1).dueDate).toBe('2024-03-05');
    // Mon + 3 WD: Tue (1), Wed (2), Thu (3).
    expect(working('2024-03-04', 3).dueDate).toBe('2024-03-07');
    // A Friday event with 1 WD is due on Monday, the weekend skipped.
    expect(working('2024-03-08', 1)).toMatchObject({
      dueDate: '2024-03-11',
      skipped: weekend('2024-03-09', '2024-03-10'),
    });
  });

  it('returns the start date for a zero-day period, even on a holiday', () => {
    for (const unit of ['working', 'calendar'] as const) {
      expect(computeDeadline(calendar, { start: '2024-10-01', days: 0, unit })).toEqual({
        start: '2024-10-01',
        unit,
        days: 0,
        totalDays: 0,
        dueDate: '2024-10-01',
        paused: false,
        countedDays: 0,
        skipped: [],
        provisional: false,
        calendarVersion: 3,
      });
    }
  });

  it('rejects a negative or fractional period and a malformed start', () => {
    expect(() => working('2024-03-04', -1)).toThrow(RangeError);
    expect(() => working('2024-03-04', 1.5)).toThrow(RangeError);
    expect(() => calendarDays('2024-02-30', 5)).toThrow(RangeError);
  });
});

describe('computeDeadline: pauses', () => {
  // Reference: Fri 2024-03-01 + 10 WD = Mar 4–8 (1–5), Mar 11–15 (6–10) → Fri 2024-03-15.
  it('reference period without pause', () => {
    const d = working('2024-03-01', 10);
    expect(d.dueDate).toBe('2024-03-15');
    expect(d.skipped).toEqual([
      ...weekend('2024-03-02', '2024-03-03'),
      ...weekend('2024-03-09', '2024-03-10'),
    ]);
  });

  it('extends a working-day period by the paused working days (Tue–Thu paused → +3 WD)', () => {
    // Mar 4 (1); Mar 5–7 paused; Mar 8 (2); Mar 11–15 (3–7); Mar 18–20 (8–10).
    const d = working('2024-03-01', 10, {
      pauses: [{ from: '2024-03-05', to: '2024-03-07', reason: '检测' }],
    });
    expect(d.dueDate).toBe('2024-03-20');
    expect(d.countedDays).toBe(10);
    expect(d.paused).toBe(false);
    expect(d.skipped).toEqual([
      ...weekend('2024-03-02', '2024-03-03'),
      ...paused('2024-03-05', '2024-03-07'),
      ...weekend('2024-03-09', '2024-03-10'),
      ...weekend('2024-03-16', '2024-03-17'),
    ]);
  });

  it('extends by paused working days only when a pause spans a weekend (Fri–Mon → +2 WD)', () => {
    // Mar 4–7 (1–4); Mar 8–11 paused (Sat/Sun inside it are reported as paused); Mar 12–15 (5–8); Mar 18–19 (9–10).
    const d = working('2024-03-01', 10, {
      pauses: [{ from: '2024-03-08', to: '2024-03-11', reason: '中止调查' }],
    });
    expect(d.dueDate).toBe('2024-03-19');
    expect(d.skipped).toEqual([
      ...weekend('2024-03-02', '2024-03-03'),
      ...paused('2024-03-08', '2024-03-11'),
      ...weekend('2024-03-16', '2024-03-17'),
    ]);
  });

  it('extends a calendar-day period by every paused day', () => {
    // Mon 2024-03-04 + 15 d = Tue Mar 19. Pause Mar 10–12: Mar 5–9 (1–5), Mar 13–22 (6–15) → Fri Mar 22.
    expect(calendarDays('2024-03-04', 15).dueDate).toBe('2024-03-19');
    const d = calendarDays('2024-03-04', 15, {
      pauses: [{ from: '2024-03-10', to: '2024-03-12', reason: '听证' }],
    });
    expect(d.dueDate).toBe('2024-03-22');
    expect(d.skipped).toEqual(paused('2024-03-10', '2024-03-12'));
  });

  it('handles several closed pauses and ignores one before the start', () => {
    // Pauses Mar 5 and Mar 12–13, plus Feb 20–29 before the event. Mar 4 (1), Mar 6–8 (2–4),
    // Mar 11 (5), Mar 14–15 (6–7), Mar 18–20 (8–10).
    const d = working('2024-03-01', 10, {
      pauses: [
        { from: '2024-03-12', to: '2024-03-13', reason: '公告' },
        { from: '2024-02-20', to: '2024-02-29', reason: 'before the event' },
        { from: '2024-03-05', to: '2024-03-05', reason: '检验' },
      ],
    });
    expect(d.dueDate).toBe('2024-03-20');
    expect(d.skipped.filter((s) => s.reason === 'paused').map((s) => s.date)).toEqual([
      '2024-03-05',
      '2024-03-12',
      '2024-03-13',
    ]);
  });

  it('stops the clock on an open pause that starts before the period ends', () => {
    // Mar 4–6 (1–3); open pause from Thu Mar 7.
    const d = working('2024-03-01', 10, { pauses: [{ from: '2024-03-07', reason: '中止调查' }] });
    expect(d).toEqual({
      start: '2024-03-01',
      unit: 'working',
      days: 10,
      totalDays: 10,
      dueDate: null,
      paused: true,
      countedDays: 3,
      skipped: weekend('2024-03-02', '2024-03-03'),
      provisional: false,
      calendarVersion: 3,
    });
  });

  it('stops a calendar-day clock on an open pause', () => {
    // Mar 5–9 (1–5); open pause from Mar 10.
    const d = calendarDays('2024-03-04', 15, { pauses: [{ from: '2024-03-10', reason: '听证' }] });
    expect(d).toMatchObject({ dueDate: null, paused: true, countedDays: 5, skipped: [] });
  });

  it('stops the clock when an open pause starts on the due date itself', () => {
    // Due Mar 15 without the pause; the pause takes Mar 15, so 9 days are counted.
    const d = working('2024-03-01', 10, { pauses: [{ from: '2024-03-15', reason: '中止调查' }] });
    expect(d).toMatchObject({ dueDate: null, paused: true, countedDays: 9 });
  });

  it('stops the clock at once when an open pause started before the event', () => {
    const d = working('2024-03-01', 10, { pauses: [{ from: '2024-02-20', reason: '中止调查' }] });
    expect(d).toMatchObject({ dueDate: null, paused: true, countedDays: 0, skipped: [] });
  });

  it('ignores an open pause that starts after the due date', () => {
    for (const from of ['2024-03-16', '2024-03-18', '2024-06-01']) {
      const d = working('2024-03-01', 10, { pauses: [{ from, reason: '中止调查' }] });
      expect(d).toMatchObject({ dueDate: '2024-03-15', paused: false, countedDays: 10 });
    }
  });

  it('combines a closed pause and a later open pause', () => {
    // Mar 4 (1); Mar 5–7 paused; Mar 8 (2); Mar 11–12 (3–4); open pause from Mar 13.
    const d = working('2024-03-01', 10, {
      pauses: [
        { from: '2024-03-05', to: '2024-03-07', reason: '检测' },
        { from: '2024-03-13', reason: '中止调查' },
      ],
    });
    expect(d).toMatchObject({ dueDate: null, paused: true, countedDays: 4 });
  });

  it('rejects a pause that ends before it starts, and malformed pause dates', () => {
    expect(() =>
      working('2024-03-01', 10, { pauses: [{ from: '2024-03-07', to: '2024-03-06', reason: 'x' }] }),
    ).toThrow(RangeError);
    expect(() => working('2024-03-01', 10, { pauses: [{ from: '2024-03-32', reason: 'x' }] })).toThrow(
      RangeError,
    );
  });

  it('does not end a calendar-day period on a paused day it rolled onto', () => {
    // 2024-06-07 + 15 d = Sat Jun 22 → would roll to Mon Jun 24, but a hearing pauses Jun 24–26:
    // the paused days are not part of the period, so it ends on the next unpaused working day, Thu Jun 27.
    const d = calendarDays('2024-06-07', 15, {
      pauses: [{ from: '2024-06-24', to: '2024-06-26', reason: '听证' }],
    });
    expect(d.dueDate).toBe('2024-06-27');
    expect(d.skipped).toEqual([
      ...run('2024-06-22', '2024-06-23', 'weekend', undefined, 'rolled_over'),
      ...run('2024-06-24', '2024-06-26', 'paused', undefined, 'rolled_over'),
    ]);
  });

  it('stops a calendar-day clock on an open pause that starts while the last day rolls over', () => {
    // 2024-06-07 + 15 d = Sat Jun 22; the period only ends on Mon Jun 24, and a suspension opens on Sun Jun 23.
    const d = calendarDays('2024-06-07', 15, { pauses: [{ from: '2024-06-23', reason: '中止调查' }] });
    expect(d).toMatchObject({ dueDate: null, paused: true, countedDays: 15 });
    expect(clockStatus(calendar, d, '2024-07-01')).toEqual({ state: 'paused', daysLeft: 0, overdue: false });
  });

  it('ignores a pause that starts after a calendar-day period ends on a working day', () => {
    // 2024-03-04 + 15 d = Tue Mar 19 (working): a pause from Wed Mar 20 changes nothing.
    const d = calendarDays('2024-03-04', 15, { pauses: [{ from: '2024-03-20', reason: '中止调查' }] });
    expect(d).toMatchObject({ dueDate: '2024-03-19', paused: false, skipped: [] });
  });

  it('accepts a one-day pause (from = to)', () => {
    expect(
      working('2024-03-01', 10, { pauses: [{ from: '2024-03-05', to: '2024-03-05', reason: 'x' }] }).dueDate,
    ).toBe('2024-03-18');
  });
});

describe('computeDeadline: extensions', () => {
  it('extends the 15 WD filing decision (PPR art. 18) by an approved 15 WD across 中秋节 and 国庆节', () => {
    // Lead on Tue 2024-09-10. Sep 11–13 (1–3); Sep 14 Sat make-up (4); Sep 15–17 中秋节 off;
    // Sep 18–20 (5–7); Sep 23–27 (8–12); Sep 29 Sun make-up (13); Sep 30 (14); Oct 1–7 off;
    // Oct 8 (15) = the unextended due date.
    const base = working('2024-09-10', 15);
    expect(base.dueDate).toBe('2024-10-08');
    // Extended: Oct 9–11 (16–18); Oct 12 Sat make-up (19); Oct 14–18 (20–24); Oct 21–25 (25–29); Oct 28 Mon (30).
    const d = working('2024-09-10', 15, {
      extensions: [{ days: 15, reason: '案情复杂', approvedBy: '局长', approvedOn: '2024-10-08' }],
    });
    expect(d.dueDate).toBe('2024-10-28');
    expect(d).toMatchObject({ days: 15, totalDays: 30, countedDays: 30, paused: false });
    expect(d.skipped).toEqual([
      ...run('2024-09-15', '2024-09-17', 'holiday', '中秋节'),
      ...weekend('2024-09-21', '2024-09-22'),
      ...weekend('2024-09-28'),
      ...run('2024-10-01', '2024-10-07', 'holiday', '国庆节'),
      ...weekend('2024-10-13'),
      ...weekend('2024-10-19', '2024-10-20'),
      ...weekend('2024-10-26', '2024-10-27'),
    ]);
  });

  it('adds several extensions to a calendar-day period (APL 60: 90 d + 30 d)', () => {
    // 2024-07-03 + 90 d = Oct 1; + 30 d = Oct 31 (Thu), a working day.
    const d = calendarDays('2024-07-03', 90, {
      extensions: [
        { days: 20, reason: '负责人批准' },
        { days: 10, reason: '负责人批准' },
      ],
    });
    expect(d).toMatchObject({ days: 90, totalDays: 120, dueDate: '2024-10-31', skipped: [] });
  });

  it('rejects zero, negative and fractional extensions', () => {
    for (const days of [0, -15, 2.5, Number.NaN]) {
      expect(() => working('2024-09-10', 15, { extensions: [{ days, reason: 'x' }] })).toThrow(RangeError);
    }
  });
});

describe('computeDeadline: provisional and calendar version', () => {
  it('is provisional when a working-day period reaches into 2027 and still skips 元旦', () => {
    // Thu 2026-12-24: Dec 25 (1); Dec 26–27 skipped; Dec 28–31 (2–5); 2027-01-01 Fri 元旦 by statute;
    // Jan 2–3 skipped; Jan 4–8 (6–10).
    const d = working('2026-12-24', 10);
    expect(d.dueDate).toBe('2027-01-08');
    expect(d.provisional).toBe(true);
    expect(d.skipped).toEqual([
      ...weekend('2026-12-26', '2026-12-27'),
      { date: '2027-01-01', reason: 'statutory_holiday', name: '元旦', effect: 'not_counted' },
      ...weekend('2027-01-02', '2027-01-03'),
    ]);
  });

  it('skips the 2027 春节 statutory days and their compensation days', () => {
    // Thu 2027-02-04: Feb 5–8 春节 (statutory); Feb 9–10 春节补假; Feb 11 (1), Feb 12 (2); Feb 13–14
    // skipped; Feb 15 Mon (3).
    const d = working('2027-02-04', 3);
    expect(d.dueDate).toBe('2027-02-15');
    expect(d.provisional).toBe(true);
    expect(d.skipped).toEqual([
      ...run('2027-02-05', '2027-02-08', 'statutory_holiday', '春节'),
      ...run('2027-02-09', '2027-02-10', 'statutory_compensation', '春节补假'),
      ...weekend('2027-02-13', '2027-02-14'),
    ]);
  });

  it('is not provisional inside 2024–2026, even on the last day of 2026', () => {
    expect(working('2024-09-27', 5).provisional).toBe(false);
    // Thu 2026-12-24 + 5 WD: Dec 25 (1), Dec 28–31 (2–5).
    expect(working('2026-12-24', 5)).toMatchObject({ dueDate: '2026-12-31', provisional: false });
    expect(calendarDays('2026-12-01', 30)).toMatchObject({ dueDate: '2026-12-31', provisional: false });
  });

  it('is provisional when a calendar-day period ends in 2027', () => {
    // 2026-12-17 + 15 d = 2027-01-01 (元旦 by statute) → rolls to Jan 4 (Mon), provisional.
    const d = calendarDays('2026-12-17', 15);
    expect(d).toMatchObject({ dueDate: '2027-01-04', provisional: true });
    expect(d.skipped).toEqual([
      { date: '2027-01-01', reason: 'statutory_holiday', name: '元旦', effect: 'rolled_over' },
      ...run('2027-01-02', '2027-01-03', 'weekend', undefined, 'rolled_over'),
    ]);
  });

  it('echoes the calendar version', () => {
    expect(working('2024-09-27', 5).calendarVersion).toBe(3);
    const v7 = buildCalendar(undefined, { version: 7 });
    expect(computeDeadline(v7, { start: '2024-09-27', days: 5, unit: 'working' }).calendarVersion).toBe(7);
  });

  it('uses the regional calendar it is given', () => {
    // With a Qinghai holiday on Mon 2024-06-17, Fri 2024-06-14 + 1 WD is Tue Jun 18 there, Mon Jun 17 nationally.
    const qinghai = buildCalendar('630102', {
      extraEntries: [
        { scope: '630000', date: '2024-06-17', kind: 'holiday', name: '古尔邦节', source: 'test' },
      ],
    });
    expect(computeDeadline(qinghai, { start: '2024-06-14', days: 1, unit: 'working' }).dueDate).toBe(
      '2024-06-18',
    );
    expect(working('2024-06-14', 1).dueDate).toBe('2024-06-17');
  });
});

describe('clockStatus', () => {
  // Mon 2024-02-05 + 10 WD: Feb 6–9 (1–4); Feb 10–17 春节 off; Feb 18 Sun make-up (5); Feb 19–23 (6–10).
  const springClock = working('2024-02-05', 10);

  it('fixture: the spring clock is due on Fri 2024-02-23', () => {
    expect(springClock.dueDate).toBe('2024-02-23');
  });

  it('counts days left in working days, on the Friday before a long break', () => {
    // Fri 2024-02-09: working days after it up to Feb 23 are Feb 18, 19, 20, 21, 22, 23 → 6 (14 calendar days).
    expect(clockStatus(calendar, springClock, '2024-02-09')).toEqual({
      state: 'running',
      daysLeft: 6,
      overdue: false,
    });
    // Inside the break nothing is used up: still 6 on Feb 14.
    expect(clockStatus(calendar, springClock, '2024-02-14').daysLeft).toBe(6);
    // On the make-up Sunday one has gone: 5 left.
    expect(clockStatus(calendar, springClock, '2024-02-18').daysLeft).toBe(5);
  });

  it('counts days left in calendar days for a calendar clock', () => {
    // 2024-09-16 + 15 d → Oct 8 (rolled). On Sep 30: 8 calendar days left.
    const d = calendarDays('2024-09-16', 15);
    expect(clockStatus(calendar, d, '2024-09-30')).toEqual({ state: 'running', daysLeft: 8, overdue: false });
  });

  it('reports 0 days left on the due date', () => {
    expect(clockStatus(calendar, springClock, '2024-02-23')).toEqual({
      state: 'running',
      daysLeft: 0,
      overdue: false,
    });
  });

  it('is overdue the day after, with negative calendar days past the due date', () => {
    expect(clockStatus(calendar, springClock, '2024-02-24')).toEqual({
      state: 'overdue',
      daysLeft: -1,
      overdue: true,
    });
    // Mon Feb 26: three calendar days past (though only one working day).
    expect(clockStatus(calendar, springClock, '2024-02-26')).toEqual({
      state: 'overdue',
      daysLeft: -3,
      overdue: true,
    });
  });

  it('is paused under an open pause, with the days still to count', () => {
    const d = working('2024-03-01', 10, { pauses: [{ from: '2024-03-07', reason: '中止调查' }] });
    expect(clockStatus(calendar, d, '2024-04-30')).toEqual({ state: 'paused', daysLeft: 7, overdue: false });
  });

  it('is completed when met on or before the due date', () => {
    expect(clockStatus(calendar, springClock, '2024-03-10', '2024-02-23')).toEqual({
      state: 'completed',
      daysLeft: null,
      overdue: false,
    });
    expect(clockStatus(calendar, springClock, '2024-02-10', '2024-02-08')).toEqual({
      state: 'completed',
      daysLeft: null,
      overdue: false,
    });
  });

  it('is completed_late when met after the due date', () => {
    expect(clockStatus(calendar, springClock, '2024-03-10', '2024-02-24')).toEqual({
      state: 'completed_late',
      daysLeft: null,
      overdue: true,
    });
  });

  it('is completed when a paused clock is met', () => {
    const d = working('2024-03-01', 10, { pauses: [{ from: '2024-03-07', reason: '中止调查' }] });
    expect(clockStatus(calendar, d, '2024-04-30', '2024-04-01')).toEqual({
      state: 'completed',
      daysLeft: null,
      overdue: false,
    });
  });
});

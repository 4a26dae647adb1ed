import { computeSurcharge, toCny, toFen, validateSchedule } from '../../../src/domain/cases/late-surcharge';

const FINE = 500_000; // CNY 5,000.00
const single = [{ dueOn: '2025-04-15', amount: FINE }];

describe('late-payment surcharge (加处罚款, APL arts. 72–73)', () => {
  it('is nothing on the due date itself and when paid on time', () => {
    expect(
      computeSurcharge({ fine: FINE, schedule: single, payments: [], frozen: [], asOf: '2025-04-15' }),
    ).toMatchObject({ amount: 0, lateDays: 0, unpaidFine: FINE });
    const paid = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [{ on: '2025-04-15', amount: FINE }],
      frozen: [],
      asOf: '2025-06-01',
    });
    expect(paid).toMatchObject({ amount: 0, lateDays: 0, unpaidFine: 0 });
  });

  it('adds 3 % of the unpaid fine for each day late, from the day after the due date', () => {
    const r = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [],
      frozen: [],
      asOf: '2025-04-18',
    });
    expect(r.lateDays).toBe(3);
    expect(r.amount).toBe(45_000); // 3 × 150.00
    expect(r.segments).toEqual([{ from: '2025-04-16', to: '2025-04-18', days: 3, base: FINE }]);
  });

  it('counts a payment made the day after the due date as one day late', () => {
    const r = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [{ on: '2025-04-16', amount: FINE }],
      frozen: [],
      asOf: '2025-05-30',
    });
    expect(r).toMatchObject({ lateDays: 1, amount: 15_000, unpaidFine: 0 });
  });

  it('accrues on the unpaid part only after a partial payment', () => {
    const r = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [{ on: '2025-04-17', amount: 200_000 }],
      frozen: [],
      asOf: '2025-04-19',
    });
    // 16–17 April: 5,000 late (the 2,000 paid on the 17th was two days late); 18–19 April: 3,000.
    expect(r.segments).toEqual([
      { from: '2025-04-16', to: '2025-04-17', days: 2, base: FINE },
      { from: '2025-04-18', to: '2025-04-19', days: 2, base: 300_000 },
    ]);
    expect(r.amount).toBe(2 * 15_000 + 2 * 9_000);
    expect(r.unpaidFine).toBe(300_000);
  });

  it('never exceeds the fine (cap reached after 34 days at 3 %)', () => {
    const day33 = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [],
      frozen: [],
      asOf: '2025-05-18',
    });
    expect(day33).toMatchObject({ lateDays: 33, amount: 495_000, capped: false });
    const day34 = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [],
      frozen: [],
      asOf: '2025-05-19',
    });
    expect(day34).toMatchObject({ lateDays: 34, uncapped: 510_000, amount: FINE, capped: true });
    const year = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [],
      frozen: [],
      asOf: '2026-04-15',
    });
    expect(year.amount).toBe(FINE);
  });

  it('does not accrue while a reconsideration or lawsuit is pending, open or closed', () => {
    const closed = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [],
      frozen: [{ from: '2025-04-17', to: '2025-04-20', reason: 'reconsideration' }],
      asOf: '2025-04-22',
    });
    expect(closed).toMatchObject({ lateDays: 3, frozenDays: 4, amount: 45_000 });
    const open = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [],
      frozen: [{ from: '2025-04-17', reason: 'litigation' }],
      asOf: '2025-09-01',
    });
    expect(open).toMatchObject({ lateDays: 1, amount: 15_000 });
  });

  it('follows an approved deferral or instalment schedule (APL art. 66)', () => {
    const deferred = computeSurcharge({
      fine: FINE,
      schedule: [{ dueOn: '2025-06-30', amount: FINE }],
      payments: [],
      frozen: [],
      asOf: '2025-06-30',
    });
    expect(deferred.amount).toBe(0);
    const instalments = [
      { dueOn: '2025-04-15', amount: 200_000 },
      { dueOn: '2025-05-15', amount: 300_000 },
    ];
    // First instalment paid one day late; the second not yet due.
    const r = computeSurcharge({
      fine: FINE,
      schedule: instalments,
      payments: [{ on: '2025-04-16', amount: 200_000 }],
      frozen: [],
      asOf: '2025-05-15',
    });
    expect(r).toMatchObject({ lateDays: 1, amount: 6_000, unpaidFine: 300_000 });
    // The second instalment is late two days: 2 × 3 % × 3,000.
    const later = computeSurcharge({
      fine: FINE,
      schedule: instalments,
      payments: [{ on: '2025-04-16', amount: 200_000 }],
      frozen: [],
      asOf: '2025-05-17',
    });
    expect(later.amount).toBe(6_000 + 2 * 9_000);
  });

  it('counts money paid beyond the fine against the surcharge', () => {
    const r = computeSurcharge({
      fine: FINE,
      schedule: single,
      payments: [{ on: '2025-04-18', amount: FINE + 10_000 }],
      frozen: [],
      asOf: '2025-04-20',
    });
    expect(r).toMatchObject({ amount: 45_000, unpaidFine: 0, paidTowardsSurcharge: 10_000 });
  });

  it('rounds half up to the fen only at the end', () => {
    // 3 % of 0.35 CNY = 1.05 fen a day; three days = 3.15 fen → 3 fen.
    const r = computeSurcharge({
      fine: 35,
      schedule: [{ dueOn: '2025-04-15', amount: 35 }],
      payments: [],
      frozen: [],
      asOf: '2025-04-18',
    });
    expect(r.uncapped).toBe(3);
  });

  it('refuses schedules that do not add up, are out of order, or amounts that are not whole fen', () => {
    expect(() => validateSchedule(FINE, [])).toThrow(/at least one/);
    expect(() => validateSchedule(FINE, [{ dueOn: '2025-04-15', amount: 100 }])).toThrow(/add up/);
    expect(() =>
      validateSchedule(FINE, [
        { dueOn: '2025-05-15', amount: 200_000 },
        { dueOn: '2025-04-15', amount: 300_000 },
      ]),
    ).toThrow(/increasing/);
    expect(() => validateSchedule(1.5, [{ dueOn: '2025-04-15', amount: 1.5 }])).toThrow(/fen/);
  });

  it('converts CNY and fen exactly', () => {
    expect(toFen(5000)).toBe(500_000);
    expect(toFen(0.29)).toBe(29);
    expect(toFen(1234.56)).toBe(123_456);
    expect(() => toFen(0.001)).toThrow(/two decimals/);
    expect(toCny(123_456)).toBe(1234.56);
  });
});

/**
 * On-the-spot penalties (当场处罚): the decision's conditions, filing, reviews, and the filing clock on
 * the real 2025 calendar (Labour Day 1–5 May, make-up working Sunday 27 April).
 */
import {
  checkDecision,
  checkFiling,
  checkReview,
  type DecisionFacts,
  filingClock,
  fineOf,
  overdueCutoff,
} from '../../../src/domain/on-the-spot/on-the-spot';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();

function facts(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    partyKind: 'natural_person',
    penalties: [{ type: 'fine', amount: 200 }],
    decidedOn: '2025-04-30',
    today: '2025-04-30',
    officerIds: ['a', 'b'],
    certifiedOfficerIds: ['a', 'b'],
    powerItem: { category: 'penalty', inForce: true },
    payment: { method: 'later' },
    ...overrides,
  };
}
const codes = (f: DecisionFacts) => {
  const c = checkDecision(f);
  return { limits: c.limits.map((p) => p.code), conditions: c.conditions.map((p) => p.code) };
};

describe('checkDecision', () => {
  it('accepts a fine at the limit and a warning', () => {
    expect(codes(facts())).toEqual({ limits: [], conditions: [] });
    expect(codes(facts({ penalties: [{ type: 'warning' }], payment: null }))).toEqual({
      limits: [],
      conditions: [],
    });
    expect(codes(facts({ partyKind: 'legal_person', penalties: [{ type: 'fine', amount: 3000 }] }))).toEqual({
      limits: [],
      conditions: [],
    });
  });

  it('adds up several fines against the limit (APL art. 51)', () => {
    const split = facts({
      penalties: [
        { type: 'fine', amount: 150 },
        { type: 'fine', amount: 100 },
      ],
    });
    expect(codes(split).limits).toEqual(['FINE_ABOVE_LIMIT']);
    expect(fineOf(split.penalties)).toBe(250);
    expect(fineOf([{ type: 'warning' }])).toBeNull();
  });

  it('refuses an individual business above CNY 200 like a natural person', () => {
    expect(
      codes(facts({ partyKind: 'individual_business', penalties: [{ type: 'fine', amount: 200.01 }] }))
        .limits,
    ).toEqual(['FINE_ABOVE_LIMIT']);
  });

  it('needs two officers, each certified on the date (APL arts. 42, 52)', () => {
    expect(codes(facts({ officerIds: ['a'], certifiedOfficerIds: ['a'] })).conditions).toEqual([
      'TOO_FEW_CERTIFIED_OFFICERS',
    ]);
    expect(codes(facts({ officerIds: ['a', 'b', 'c'], certifiedOfficerIds: ['a', 'b'] })).conditions).toEqual(
      ['OFFICER_CERTIFICATE_INVALID'],
    );
    expect(codes(facts({ certifiedOfficerIds: ['a'] })).conditions).toEqual([
      'OFFICER_CERTIFICATE_INVALID',
      'TOO_FEW_CERTIFIED_OFFICERS',
    ]);
  });

  it('needs a penalty item in force, and no future date', () => {
    expect(codes(facts({ powerItem: null })).conditions).toEqual(['NO_PENALTY_POWER_ITEM']);
    expect(codes(facts({ powerItem: { category: 'inspection', inForce: true } })).conditions).toEqual([
      'NO_PENALTY_POWER_ITEM',
    ]);
    expect(codes(facts({ powerItem: { category: 'penalty', inForce: false } })).conditions).toEqual([
      'NO_PENALTY_POWER_ITEM',
    ]);
    expect(codes(facts({ today: '2025-04-29' })).conditions).toEqual(['DATE_IN_FUTURE']);
  });

  it('collects a small fine on the spot only up to CNY 100 (APL art. 68)', () => {
    const onTheSpot = { method: 'on_the_spot' as const, collectionGround: 'small_fine' as const };
    expect(
      codes(facts({ penalties: [{ type: 'fine', amount: 100 }], payment: onTheSpot })).conditions,
    ).toEqual([]);
    expect(
      codes(facts({ penalties: [{ type: 'fine', amount: 100.01 }], payment: onTheSpot })).conditions,
    ).toEqual(['COLLECTION_NOT_ALLOWED']);
    expect(
      codes(facts({ payment: { method: 'on_the_spot', collectionGround: 'hard_to_enforce' } })).conditions,
    ).toEqual([]);
  });
});

describe('checkFiling and checkReview', () => {
  it('files once, not in the future, not before the decision', () => {
    const base = {
      filedOn: '2025-05-06',
      decidedOn: '2025-04-30',
      today: '2025-05-06',
      alreadyFiledOn: null,
    };
    expect(checkFiling(base)).toEqual([]);
    expect(checkFiling({ ...base, alreadyFiledOn: '2025-05-06' }).map((p) => p.code)).toEqual([
      'ALREADY_FILED',
    ]);
    expect(checkFiling({ ...base, filedOn: '2025-05-07' }).map((p) => p.code)).toEqual(['DATE_IN_FUTURE']);
    expect(checkFiling({ ...base, filedOn: '2025-04-29' }).map((p) => p.code)).toEqual([
      'DATE_BEFORE_DECISION',
    ]);
  });

  it('keeps the deciding officers out of the review', () => {
    const base = {
      reviewerId: 'r',
      officerIds: ['a', 'b'],
      reviewedOn: '2025-06-01',
      decidedOn: '2025-04-30',
      today: '2025-06-02',
    };
    expect(checkReview(base)).toEqual([]);
    expect(checkReview({ ...base, reviewerId: 'b' }).map((p) => p.code)).toEqual(['REVIEWER_DECIDED']);
    expect(checkReview({ ...base, reviewedOn: '2025-06-03' }).map((p) => p.code)).toEqual(['DATE_IN_FUTURE']);
    expect(checkReview({ ...base, reviewedOn: '2025-04-29' }).map((p) => p.code)).toEqual([
      'DATE_BEFORE_DECISION',
    ]);
  });
});

describe('the filing clock (备案, 7 WD)', () => {
  it('skips Labour Day: a decision of Wednesday 30 April 2025 is due on Wednesday 14 May', () => {
    const running = filingClock(calendar, '2025-04-30', 7, null, '2025-05-06');
    expect(running).toMatchObject({
      dueDate: '2025-05-14',
      state: 'running',
      daysLeft: 6,
      overdue: false,
      unit: 'working',
      rule: { code: 'ON_THE_SPOT_FILING', citation: 'APL art. 52' },
    });
    expect(filingClock(calendar, '2025-04-30', 7, null, '2025-05-14')).toMatchObject({
      state: 'running',
      daysLeft: 0,
    });
    expect(filingClock(calendar, '2025-04-30', 7, null, '2025-05-15')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      overdue: true,
    });
    expect(filingClock(calendar, '2025-04-30', 7, '2025-05-14', '2025-06-01').state).toBe('completed');
    expect(filingClock(calendar, '2025-04-30', 7, '2025-05-15', '2025-06-01').state).toBe('completed_late');
  });

  it('finds the latest overdue decision date, agreeing with the clock', () => {
    expect(overdueCutoff(calendar, 7, '2025-05-15')).toBe('2025-05-05');
    for (let day = 20; day <= 30; day += 1) {
      const decided = `2025-04-${day}`;
      const clock = filingClock(calendar, decided, 7, null, '2025-05-08');
      expect(clock.state === 'overdue').toBe(decided <= overdueCutoff(calendar, 7, '2025-05-08'));
    }
  });
});

import { onTheSpotFineLimit, onTheSpotProblems } from '../../../src/domain/on-the-spot/limits';

describe('on-the-spot penalty limits (APL art. 51)', () => {
  it.each([
    ['natural_person', 200],
    ['individual_business', 200],
    ['legal_person', 3000],
    ['other_organisation', 3000],
  ] as const)('allows a fine up to the limit for a %s (CNY %d) and refuses one fen more', (kind, limit) => {
    expect(onTheSpotFineLimit(kind)).toBe(limit);
    expect(onTheSpotProblems(kind, [{ type: 'fine', amount: limit }])).toEqual([]);
    expect(onTheSpotProblems(kind, [{ type: 'fine', amount: limit + 0.01 }]).map((p) => p.code)).toEqual([
      'FINE_ABOVE_LIMIT',
    ]);
  });

  it('allows a warning, with or without a fine', () => {
    expect(onTheSpotProblems('legal_person', [{ type: 'warning' }])).toEqual([]);
    expect(onTheSpotProblems('natural_person', [{ type: 'warning' }, { type: 'fine', amount: 50 }])).toEqual(
      [],
    );
  });

  it('refuses every other kind of penalty and an empty one', () => {
    for (const type of [
      'circulated_criticism',
      'confiscate_illegal_gains',
      'revoke_licence',
      'suspend_business',
    ] as const) {
      expect(onTheSpotProblems('legal_person', [{ type, amount: 10 }])).toEqual([
        expect.objectContaining({ code: 'PENALTY_TYPE_NOT_ALLOWED', rule: 'APL art. 51' }),
      ]);
    }
    expect(onTheSpotProblems('legal_person', []).map((p) => p.code)).toEqual(['NO_PENALTY']);
  });
});

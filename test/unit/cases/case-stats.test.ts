/** The year's case figures (行政处罚案件统计): the arithmetic, exactly. */
import {
  type DecidedCase,
  decisionFigures,
  eventFigures,
  reviewedBeforeDecision,
  yearRange,
} from '../../../src/domain/cases/case-stats';

const review = (seq: number, result = 'pass') => ({
  seq,
  action: 'record-legal-review',
  occurredOn: '2024-05-01',
  data: { result },
});
const decide = (seq: number) => ({ seq, action: 'decide', occurredOn: '2024-05-02', data: {} });

function decided(id: string, decision: unknown, events = [review(1), decide(2)]): DecidedCase {
  return { id, decidedOn: '2024-05-02', decision, events };
}

describe('decision figures', () => {
  it('counts decisions by kind and adds fines and confiscations of penalty decisions only', () => {
    const figures = decisionFigures([
      decided('a', {
        kind: 'penalty',
        penalties: [
          { type: 'warning' },
          { type: 'fine', amount: 120_000 },
          { type: 'confiscate_illegal_gains', amount: 1200 },
        ],
      }),
      decided('b', { kind: 'penalty', penalties: [{ type: 'confiscate_illegal_property', amount: 300.5 }] }),
      decided('c', { kind: 'no_penalty', penalties: [{ type: 'fine', amount: 999 }] }),
      decided('d', { kind: 'transfer' }),
    ]);
    expect(figures.decided).toEqual({ total: 4, penalty: 2, noPenalty: 1, transferred: 1 });
    expect(figures.amounts).toEqual({
      fines: 120_000,
      confiscatedIllegalGains: 1200,
      confiscatedIllegalProperty: 300.5,
      total: 121_500.5,
    });
  });

  it('adds in fen: 0.1 + 0.2 is 0.3', () => {
    const figures = decisionFigures([
      decided('a', { kind: 'penalty', penalties: [{ type: 'fine', amount: 0.1 }] }),
      decided('b', { kind: 'penalty', penalties: [{ type: 'fine', amount: 0.2 }] }),
    ]);
    expect(figures.amounts.total).toBe(0.3);
  });

  it('expresses the seed bureau’s 2024: 44 decided, CNY 598,500, 100 % legal review', () => {
    // 43 decisions of CNY 13,500 (fine 13,000 + confiscated gains 500) and one of CNY 18,000.
    const cases = Array.from({ length: 44 }, (_, i) =>
      decided(
        `c${i}`,
        i === 0
          ? { kind: 'penalty', penalties: [{ type: 'fine', amount: 18_000 }] }
          : {
              kind: 'penalty',
              penalties: [
                { type: 'fine', amount: 13_000 },
                { type: 'confiscate_illegal_gains', amount: 500 },
              ],
            },
      ),
    );
    const figures = decisionFigures(cases);
    expect(figures.decided.total).toBe(44);
    expect(figures.amounts.total).toBe(598_500);
    expect(figures.legalReview).toEqual({ reviewed: 44, decided: 44, rate: 1, unreviewedCaseIds: [] });
  });

  it('counts a legal review only when passed and recorded before the decision', () => {
    expect(reviewedBeforeDecision([review(1), decide(2)])).toBe(true);
    expect(reviewedBeforeDecision([review(1, 'return'), decide(2)])).toBe(false);
    expect(reviewedBeforeDecision([decide(2), review(3)])).toBe(false);
    expect(reviewedBeforeDecision([])).toBe(false);
    const figures = decisionFigures([
      decided('a', { kind: 'penalty', penalties: [] }),
      decided('b', { kind: 'penalty', penalties: [] }, [decide(1)]),
      decided('c', { kind: 'no_penalty' }, [review(1, 'return'), decide(2)]),
    ]);
    expect(figures.legalReview).toEqual({
      reviewed: 1,
      decided: 3,
      rate: 1 / 3,
      unreviewedCaseIds: ['b', 'c'],
    });
  });

  it('has no rate when nothing was decided', () => {
    expect(decisionFigures([]).legalReview.rate).toBeNull();
  });
});

describe('event figures', () => {
  it('counts discussions, hearings (no-shows apart) and filings for record', () => {
    const e = (action: string, data: Record<string, unknown> = {}) => ({ action, data });
    expect(
      eventFigures([
        e('record-collective-discussion'),
        e('record-collective-discussion'),
        e('record-hearing', { partyAbsent: false }),
        e('record-hearing', { partyAbsent: true }),
        e('file-for-record'),
        e('decide'),
      ]),
    ).toEqual({
      collectiveDiscussions: 2,
      hearingsHeld: 1,
      hearingsPartyAbsent: 1,
      majorCasesFiledForRecord: 1,
    });
  });
});

it('spans a calendar year', () => {
  expect(yearRange(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
});

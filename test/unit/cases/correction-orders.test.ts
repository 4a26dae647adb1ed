/** Correction orders (责令改正通知书, APL art. 28): the clock to the deadline, the follow-up and its guard. */
import { checkFollowUp, correctionClock, followedUpOn } from '../../../src/domain/cases/correction-orders';

const ORDER = { issuedOn: '2025-06-03', deadline: '2025-06-13', followUps: [] };

describe('correctionClock', () => {
  it('runs to the deadline, then awaits the follow-up', () => {
    expect(correctionClock(ORDER, '2025-06-10')).toMatchObject({
      due: '2025-06-13',
      left: 3,
      state: 'running',
      overdue: false,
    });
    expect(correctionClock(ORDER, '2025-06-13')).toMatchObject({ left: 0, state: 'running', overdue: false });
    expect(correctionClock(ORDER, '2025-06-14')).toMatchObject({
      left: -1,
      state: 'awaiting_follow_up',
      overdue: true,
      rule: { citation: 'APL art. 28' },
    });
  });

  it('is settled by a check on or after the deadline, or one finding it corrected', () => {
    const after = { ...ORDER, followUps: [{ checkedOn: '2025-06-13', result: 'not_corrected' as const }] };
    expect(followedUpOn(after)).toBe('2025-06-13');
    expect(correctionClock(after, '2025-06-20')).toMatchObject({
      state: 'followed_up',
      overdue: false,
      left: null,
    });
    const early = { ...ORDER, followUps: [{ checkedOn: '2025-06-05', result: 'corrected' as const }] };
    expect(correctionClock(early, '2025-06-20').state).toBe('followed_up');
    // A check before the deadline that found it not (or partly) corrected does not settle it.
    const partly = { ...ORDER, followUps: [{ checkedOn: '2025-06-10', result: 'partly' as const }] };
    expect(followedUpOn(partly)).toBeNull();
    expect(correctionClock(partly, '2025-06-20').overdue).toBe(true);
  });
});

describe('checkFollowUp', () => {
  it('accepts a dated check and refuses one after a finding of corrected', () => {
    expect(checkFollowUp(ORDER, '2025-06-13', '2025-06-20')).toEqual([]);
    expect(checkFollowUp(ORDER, '2025-06-02', '2025-06-20').map((u) => u.code)).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(checkFollowUp(ORDER, '2025-06-21', '2025-06-20').map((u) => u.code)).toEqual(['DATE_IN_FUTURE']);
    const corrected = { ...ORDER, followUps: [{ checkedOn: '2025-06-12', result: 'corrected' as const }] };
    expect(checkFollowUp(corrected, '2025-06-14', '2025-06-20')).toEqual([
      expect.objectContaining({ code: 'ALREADY_CORRECTED', rule: 'APL art. 28' }),
    ]);
  });
});

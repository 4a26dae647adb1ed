/**
 * The pure rules of reconsideration (行政复议): what an outcome does to the decision (appeals/outcomes.ts),
 * the no-heavier rule (ARL art. 63), the step guards and the clocks on the 2025 working calendar.
 */
import { effectOf, heavierBy } from '../../../src/domain/appeals/outcomes';
import {
  checkReconsiderationStep,
  type ReconsiderationFacts,
  reconsiderationClocks,
} from '../../../src/domain/appeals/reconsideration';
import type { ProposedPenalty } from '../../../src/domain/cases/case-model';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();
const FINE: ProposedPenalty[] = [{ type: 'warning' }, { type: 'fine', amount: 5000 }];

describe('heavierBy: a variation is never heavier for the applicant (ARL art. 63)', () => {
  it('accepts lower amounts, dropped penalties and a lighter kind replacing a heavier one', () => {
    expect(heavierBy(FINE, [{ type: 'fine', amount: 3000 }])).toEqual([]);
    expect(heavierBy(FINE, [{ type: 'warning' }])).toEqual([]);
    expect(heavierBy([{ type: 'fine', amount: 200 }], [{ type: 'warning' }])).toEqual([]);
    expect(heavierBy([{ type: 'suspend_business' }], [{ type: 'restrict_business' }])).toEqual([]);
    expect(
      heavierBy([{ type: 'revoke_licence' }, { type: 'fine', amount: 1 }], [{ type: 'fine', amount: 1 }]),
    ).toEqual([]);
  });

  it('refuses a higher amount, a new monetary penalty, and a kind added without replacing a heavier one', () => {
    expect(heavierBy(FINE, [{ type: 'warning' }, { type: 'fine', amount: 5000.01 }])).toHaveLength(1);
    expect(heavierBy(FINE, [...FINE, { type: 'confiscate_illegal_gains', amount: 1 }])).toHaveLength(1);
    expect(
      heavierBy([{ type: 'fine', amount: 100 }], [{ type: 'fine', amount: 100 }, { type: 'warning' }]),
    ).toHaveLength(1);
    expect(heavierBy([{ type: 'warning' }], [{ type: 'circulated_criticism' }])).toHaveLength(1);
    expect(heavierBy([{ type: 'suspend_business' }], [{ type: 'fine', amount: 100 }])).toHaveLength(1);
    expect(
      heavierBy([{ type: 'restrict_business', months: 6 }], [{ type: 'restrict_business', months: 12 }]),
    ).toHaveLength(1);
    expect(
      heavierBy([{ type: 'restrict_business', months: 12 }], [{ type: 'restrict_business', months: 6 }]),
    ).toEqual([]);
  });
});

describe('effectOf: what each outcome does to the decision', () => {
  it('changes the status, the penalties in force and the publication as the law says', () => {
    expect(effectOf({ outcome: 'upheld' }, FINE).effect).toEqual({
      status: null,
      penalties: null,
      reopen: false,
      withdrawPublication: false,
    });
    expect(effectOf({ outcome: 'revoked', scope: 'whole', redo: true }, FINE).effect).toEqual({
      status: 'revoked',
      penalties: [],
      reopen: true,
      withdrawPublication: true,
    });
    expect(effectOf({ outcome: 'confirmed_illegal' }, FINE).effect).toMatchObject({
      status: 'confirmed_illegal',
      penalties: null,
    });
    expect(effectOf({ outcome: 'confirmed_void' }, FINE).effect).toMatchObject({
      status: 'void',
      penalties: [],
    });
    expect(effectOf({ outcome: 'ordered_to_perform' }, FINE).effect.status).toBeNull();
    expect(effectOf({ outcome: 'mediated', penalties: [{ type: 'warning' }] }, FINE).effect.status).toBe(
      'varied',
    );
  });

  it('reports a heavier or unchanged variation, a part revocation that is not partial, a redo without a case', () => {
    expect(
      effectOf({ outcome: 'varied', penalties: [{ type: 'fine', amount: 9000 }] }, FINE).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['VARIATION_HEAVIER']);
    expect(
      effectOf({ outcome: 'varied', penalties: [...FINE].reverse() }, FINE).problems.map((p) => p.code),
    ).toEqual(['VARIATION_UNCHANGED']);
    expect(
      effectOf({ outcome: 'revoked', scope: 'part', penalties: FINE }, FINE).problems.map((p) => p.code),
    ).toEqual(['PARTIAL_REVOCATION_NOT_PARTIAL']);
    expect(
      effectOf({ outcome: 'revoked', scope: 'whole', redo: true }, FINE, false).problems.map((p) => p.code),
    ).toEqual(['REDO_NOT_POSSIBLE']);
  });
});

const FACTS: ReconsiderationFacts = {
  status: 'accepted',
  procedure: 'ordinary',
  appliedOn: '2025-04-20',
  copyReceivedOn: null,
  acceptedOn: '2025-04-21',
  replySubmittedOn: null,
  suspensions: [],
  extendedOn: null,
  lastStepOn: '2025-04-21',
};

describe('checkReconsiderationStep', () => {
  const codes = (
    facts: Partial<ReconsiderationFacts>,
    step: Parameters<typeof checkReconsiderationStep>[1],
    on: string,
  ) => checkReconsiderationStep({ ...FACTS, ...facts }, step, on, '2025-05-30').map((u) => u.code);

  it('lists every unmet condition', () => {
    expect(codes({}, 'submit-reply', '2025-05-31')).toEqual(['DATE_IN_FUTURE', 'COPY_NOT_RECEIVED']);
    expect(codes({ status: 'decided' }, 'withdraw', '2025-04-10')).toEqual([
      'APPEAL_WRONG_STATUS',
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(codes({ procedure: 'simple', extendedOn: '2025-05-01' }, 'extend', '2025-05-02')).toEqual([
      'EXTENSION_NOT_IN_SIMPLE_PROCEDURE',
      'EXTENSION_ALREADY_APPROVED',
    ]);
    expect(
      codes({ copyReceivedOn: '2025-04-28', replySubmittedOn: '2025-05-06' }, 'submit-reply', '2025-05-07'),
    ).toEqual(['REPLY_ALREADY_SUBMITTED']);
    expect(codes({}, 'decide', '2025-05-30')).toEqual([]);
  });
});

describe('reconsiderationClocks', () => {
  const clocks = (facts: Partial<Parameters<typeof reconsiderationClocks>[1]>, today: string) =>
    reconsiderationClocks(
      calendar,
      {
        ...FACTS,
        extensionDays: null,
        endedOn: null,
        decided: false,
        copyReceivedOn: '2025-04-28',
        ...facts,
      },
      today,
    );

  it('the reply: 10 WD over the Labour Day holiday, at risk in its last 2 WD, lapsed when the review ended first', () => {
    expect(clocks({}, '2025-05-12')[0]).toMatchObject({
      name: 'reply',
      dueDate: '2025-05-15',
      daysLeft: 3,
      atRisk: false,
    });
    expect(clocks({}, '2025-05-13')[0]).toMatchObject({ daysLeft: 2, atRisk: true });
    expect(clocks({}, '2025-05-16')[0]).toMatchObject({ state: 'overdue', overdue: true, atRisk: false });
    expect(clocks({ replySubmittedOn: '2025-05-15' }, '2025-05-20')[0]).toMatchObject({ state: 'completed' });
    expect(clocks({ endedOn: '2025-05-06' }, '2025-05-20')[0]).toMatchObject({
      state: 'lapsed',
      overdue: false,
    });
    expect(clocks({ endedOn: '2025-05-19' }, '2025-06-20')[0]).toMatchObject({
      state: 'overdue',
      daysLeft: -4,
    });
    expect(clocks({ procedure: 'simple' }, '2025-05-06')[0]).toMatchObject({
      days: 5,
      dueDate: '2025-05-08',
    });
  });

  it('the decision: 60 days from acceptance (30 simple), a suspension not counted, completed by the decision', () => {
    expect(clocks({}, '2025-05-01')[1]).toMatchObject({ name: 'decision', dueDate: '2025-06-20' });
    expect(clocks({ procedure: 'simple' }, '2025-05-01')[1]).toMatchObject({ dueDate: '2025-05-21' });
    expect(
      clocks({ suspensions: [{ from: '2025-05-01', to: '2025-05-10' }] }, '2025-05-11')[1],
    ).toMatchObject({
      dueDate: '2025-06-30',
    });
    expect(clocks({ decided: true, endedOn: '2025-06-01' }, '2025-07-01')[1]).toMatchObject({
      state: 'completed',
    });
  });
});

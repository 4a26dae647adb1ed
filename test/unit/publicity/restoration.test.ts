/**
 * Credit restoration (信用修复, RULES.md §5), the pure rules: every eligibility condition failing on its own
 * with its reason (one all-met fact set, one thing broken at a time), the step guards, the minimum period,
 * the state a revocation restores, and the processing clocks across the 2025 Labour Day holiday.
 */
import {
  type EligibilityResult,
  type ListRemovalFacts,
  listRemovalEligibility,
  RESTORATION_CONDITIONS,
  type RestorationConditionCode,
  type StopPublicityFacts,
  stopPublicityEligibility,
} from '../../../src/domain/publicity/publicity';
import {
  checkRestorationStep,
  minimumMonths,
  type RestorationClockFacts,
  restorationClocks,
  restoredPublicationState,
} from '../../../src/domain/publicity/restoration';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();

/** Published 2025-04-15 for 3 years, fine paid 2025-04-20, nothing else against the party: all met on 2025-11-03. */
const ALL_MET: StopPublicityFacts = {
  on: '2025-11-03',
  publication: {
    state: 'published',
    publishedOn: '2025-04-15',
    periodBasis: 'three_years',
    expiresOn: '2028-04-14',
  },
  minMonths: 6,
  penalties: [{ type: 'warning' }, { type: 'fine', amount: 80_000 }],
  performedOn: '2025-04-20',
  laterSameType: [],
  abnormalListed: false,
  seriousListed: false,
  materials: ['application', 'pledge', 'proof_of_performance'],
};

const failing = (results: EligibilityResult[]) => results.filter((r) => !r.met);

function expectOnly(results: EligibilityResult[], code: RestorationConditionCode, detail: RegExp) {
  const fails = failing(results);
  expect(fails.map((f) => f.code)).toEqual([code]);
  const [f] = fails;
  expect(f?.rule).toBe(RESTORATION_CONDITIONS[code].rule);
  expect(f?.message).toBe(RESTORATION_CONDITIONS[code].message);
  expect(f?.detail).toMatch(detail);
}

describe('stopPublicityEligibility: each condition fails on its own, with its reason (CRM art. 6; PDR arts. 13–14)', () => {
  it('all met: every condition is listed, met', () => {
    const results = stopPublicityEligibility(ALL_MET);
    expect(results.map((r) => r.code)).toEqual([
      'PUBLICITY_NOT_RUNNING',
      'SHORT_PUBLICITY',
      'MIN_PERIOD_NOT_PASSED',
      'EXCLUDED_PENALTY_TYPE',
      'DECISION_NOT_PERFORMED',
      'LATER_PENALTY_SAME_TYPE',
      'ON_ABNORMAL_LIST',
      'ON_SERIOUS_LIST',
      'MATERIALS_MISSING',
    ]);
    expect(failing(results)).toEqual([]);
  });

  it('a corrected publication is still public, so it may stop early too', () => {
    expect(
      failing(
        stopPublicityEligibility({ ...ALL_MET, publication: { ...ALL_MET.publication, state: 'corrected' } }),
      ),
    ).toEqual([]);
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, publication: { ...ALL_MET.publication, state: 'withdrawn' } }),
      'PUBLICITY_NOT_RUNNING',
      /withdrawn/,
    );
  });

  it('too early: 6 months after publication is 2025-10-15; 12 months (food, drugs) is 2026-04-15', () => {
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, on: '2025-10-14' }),
      'MIN_PERIOD_NOT_PASSED',
      /2025-10-15/,
    );
    expect(failing(stopPublicityEligibility({ ...ALL_MET, on: '2025-10-15' }))).toEqual([]);
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, minMonths: 12 }),
      'MIN_PERIOD_NOT_PASSED',
      /2026-04-15/,
    );
  });

  it('not performed (the fine unpaid), or performed only after the date', () => {
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, performedOn: null }),
      'DECISION_NOT_PERFORMED',
      /not performed/,
    );
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, performedOn: '2025-11-04' }),
      'DECISION_NOT_PERFORMED',
      /2025-11-04/,
    );
  });

  it('a later penalty for the same type of violation', () => {
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, laterSameType: ['东市监处罚〔2025〕30号'] }),
      'LATER_PENALTY_SAME_TYPE',
      /〔2025〕30号/,
    );
  });

  it('on the abnormal-operation list; on the serious-violation list', () => {
    expectOnly(stopPublicityEligibility({ ...ALL_MET, abnormalListed: true }), 'ON_ABNORMAL_LIST', /listed/);
    expectOnly(stopPublicityEligibility({ ...ALL_MET, seriousListed: true }), 'ON_SERIOUS_LIST', /listed/);
  });

  it('an excluded penalty type (suspension, closure, licence revoked, grade lowered, restriction)', () => {
    for (const type of ['suspend_business', 'revoke_licence', 'restrict_employment'] as const)
      expectOnly(
        stopPublicityEligibility({ ...ALL_MET, penalties: [...ALL_MET.penalties, { type }] }),
        'EXCLUDED_PENALTY_TYPE',
        new RegExp(type),
      );
  });

  it('expired, withdrawn, already restored or not yet published: the publicity is not running', () => {
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, on: '2028-04-15' }),
      'PUBLICITY_NOT_RUNNING',
      /published 2025-04-15, expires 2028-04-14|state/,
    );
    for (const state of ['expired', 'withdrawn', 'restored'])
      expectOnly(
        stopPublicityEligibility({ ...ALL_MET, publication: { ...ALL_MET.publication, state } }),
        'PUBLICITY_NOT_RUNNING',
        new RegExp(`state ${state}`),
      );
  });

  it('a 3-month publicity (通报批评 or a lower-amount fine) ends by itself', () => {
    expectOnly(
      stopPublicityEligibility({
        ...ALL_MET,
        publication: { ...ALL_MET.publication, periodBasis: 'three_months', expiresOn: '2026-04-14' },
      }),
      'SHORT_PUBLICITY',
      /three_months/,
    );
  });

  it('missing materials: each required one named', () => {
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, materials: ['application', 'proof_of_performance'] }),
      'MATERIALS_MISSING',
      /missing: pledge/,
    );
    expectOnly(
      stopPublicityEligibility({ ...ALL_MET, materials: ['pledge', 'other'] }),
      'MATERIALS_MISSING',
      /missing: application, proof_of_performance/,
    );
  });
});

const LISTED: ListRemovalFacts = {
  on: '2025-11-03',
  kind: 'serious_list_early_removal',
  entry: { list: 'serious_violation', listedOn: '2024-10-15', removedOn: null, ownListing: true },
  penaltiesSinceListing: [],
  materials: ['application', 'pledge', 'proof_of_performance'],
};

describe('listRemovalEligibility: each condition fails on its own (CRM arts. 4, 5, 7)', () => {
  it('all met: early removal from the serious-violation list after a year', () => {
    const results = listRemovalEligibility(LISTED);
    expect(results.map((r) => r.code)).toEqual([
      'NOT_LISTED',
      'NOT_LISTING_AGENCY',
      'LISTED_LESS_THAN_A_YEAR',
      'PENALTY_SINCE_LISTING',
      'MATERIALS_MISSING',
    ]);
    expect(failing(results)).toEqual([]);
  });

  it('less than a year listed: from 2025-10-15', () => {
    expectOnly(
      listRemovalEligibility({ ...LISTED, on: '2025-10-14' }),
      'LISTED_LESS_THAN_A_YEAR',
      /2025-10-15/,
    );
    expect(failing(listRemovalEligibility({ ...LISTED, on: '2025-10-15' }))).toEqual([]);
  });

  it('a penalty since the listing', () => {
    expectOnly(
      listRemovalEligibility({ ...LISTED, penaltiesSinceListing: ['东市监处罚〔2025〕7号'] }),
      'PENALTY_SINCE_LISTING',
      /〔2025〕7号/,
    );
  });

  it('already removed, or on the other list', () => {
    expectOnly(
      listRemovalEligibility({ ...LISTED, entry: { ...LISTED.entry, removedOn: '2025-06-01' } }),
      'NOT_LISTED',
      /removed 2025-06-01/,
    );
    expectOnly(
      listRemovalEligibility({ ...LISTED, entry: { ...LISTED.entry, list: 'abnormal_operation' } }),
      'NOT_LISTED',
      /abnormal_operation/,
    );
  });

  it('listed by another authority (谁列入、谁移出)', () => {
    expectOnly(
      listRemovalEligibility({ ...LISTED, entry: { ...LISTED.entry, ownListing: false } }),
      'NOT_LISTING_AGENCY',
      /another authority/,
    );
  });

  it('missing materials; the abnormal-list removal needs the proof of correction, not a year', () => {
    expectOnly(
      listRemovalEligibility({ ...LISTED, materials: ['application'] }),
      'MATERIALS_MISSING',
      /pledge/,
    );
    const abnormal: ListRemovalFacts = {
      ...LISTED,
      on: '2025-01-10',
      kind: 'abnormal_list_removal',
      entry: { ...LISTED.entry, list: 'abnormal_operation' },
      penaltiesSinceListing: ['东市监处罚〔2024〕99号'],
      materials: ['application', 'proof_of_correction'],
    };
    expect(failing(listRemovalEligibility(abnormal))).toEqual([]);
    expectOnly(
      listRemovalEligibility({ ...abnormal, materials: ['application'] }),
      'MATERIALS_MISSING',
      /proof_of_correction/,
    );
  });
});

describe('the minimum period and the state a revocation restores', () => {
  const setting = { general: 6, extended: 12, extendedLaws: ['中华人民共和国食品安全法'] };
  it('12 months when the power item’s laws include a listed law, else 6', () => {
    expect(minimumMonths(['中华人民共和国食品安全法', '中华人民共和国行政处罚法'], setting)).toEqual({
      months: 12,
      extended: true,
      laws: ['中华人民共和国食品安全法'],
    });
    expect(minimumMonths(['中华人民共和国广告法'], setting)).toEqual({
      months: 6,
      extended: false,
      laws: [],
    });
  });
  it('public again, or expired when the period ended meanwhile', () => {
    expect(restoredPublicationState('2028-04-14', '2026-05-01')).toBe('published');
    expect(restoredPublicationState('2028-04-14', '2028-04-14')).toBe('published');
    expect(restoredPublicationState('2028-04-14', '2028-04-15')).toBe('expired');
  });
});

describe('checkRestorationStep: status and dates', () => {
  const dates = {
    submittedOn: '2025-11-03',
    acceptedOn: '2025-11-04',
    verifiedOn: null,
    decidedOn: null,
    revokedOn: null,
  };
  it('each step applies at its statuses only', () => {
    expect(checkRestorationStep('accepted', dates, 'verify', '2025-11-05', '2025-11-10')).toEqual([]);
    expect(checkRestorationStep('accepted', dates, 'refuse', '2025-11-05', '2025-11-10')).toEqual([]);
    const wrong = checkRestorationStep('accepted', dates, 'approve', '2025-11-05', '2025-11-10');
    expect(wrong.map((u) => u.code)).toEqual(['RESTORATION_WRONG_STATUS']);
    expect(checkRestorationStep('approved', dates, 'revoke', '2025-11-05', '2025-11-10')).toEqual([]);
    expect(checkRestorationStep('refused', dates, 'revoke', '2025-11-05', '2025-11-10')[0]?.code).toBe(
      'RESTORATION_WRONG_STATUS',
    );
  });
  it('not in the future, not before the previous step', () => {
    expect(checkRestorationStep('accepted', dates, 'verify', '2025-11-11', '2025-11-10')[0]?.code).toBe(
      'DATE_IN_FUTURE',
    );
    expect(checkRestorationStep('accepted', dates, 'verify', '2025-11-03', '2025-11-10')[0]).toMatchObject({
      code: 'DATE_BEFORE_PREVIOUS_STEP',
      detail: '2025-11-03 is before 2025-11-04',
    });
  });
});

describe('restorationClocks: working days across the 2025 Labour Day holiday (May 1–5)', () => {
  const days = { accept: 2, decide: 15, abnormalListRemoval: 5 };
  const submitted: RestorationClockFacts = {
    kind: 'stop_publicity',
    status: 'submitted',
    submittedOn: '2025-04-30',
    acceptedOn: null,
    verifiedOn: null,
    decidedOn: null,
    revokedOn: null,
  };

  it('acceptance due 2 WD after Wednesday 04-30: Wednesday 05-07, the holiday skipped', () => {
    const [accept] = restorationClocks(calendar, submitted, days, '2025-05-02');
    expect(accept).toMatchObject({
      name: 'acceptance',
      dueDate: '2025-05-07',
      state: 'running',
      daysLeft: 2,
      atRisk: false,
      overdue: false,
    });
    expect(restorationClocks(calendar, submitted, days, '2025-05-06')[0]).toMatchObject({
      daysLeft: 1,
      atRisk: true,
    });
    expect(restorationClocks(calendar, submitted, days, '2025-05-08')[0]).toMatchObject({
      state: 'overdue',
      overdue: true,
    });
  });

  it('met by the acceptance (late when after the due date) or by the decision not to accept', () => {
    const accepted = { ...submitted, status: 'accepted' as const, acceptedOn: '2025-05-08' };
    const [accept, decide] = restorationClocks(calendar, accepted, days, '2025-05-09');
    expect(accept).toMatchObject({ state: 'completed_late', overdue: true });
    // 15 WD after Thursday 05-08: 05-29.
    expect(decide).toMatchObject({ name: 'decision', dueDate: '2025-05-29', state: 'running' });
    const notAccepted = { ...submitted, status: 'not_accepted' as const, decidedOn: '2025-05-06' };
    expect(restorationClocks(calendar, notAccepted, days, '2025-06-01')).toHaveLength(1);
    expect(restorationClocks(calendar, notAccepted, days, '2025-06-01')[0]?.state).toBe('completed');
  });

  it('the abnormal-list removal has its own period: 5 WD after 04-29 is 05-09', () => {
    const abnormal = {
      ...submitted,
      kind: 'abnormal_list_removal' as const,
      status: 'accepted' as const,
      submittedOn: '2025-04-28',
      acceptedOn: '2025-04-29',
    };
    const decide = restorationClocks(calendar, abnormal, days, '2025-05-09')[1];
    expect(decide).toMatchObject({
      dueDate: '2025-05-09',
      days: 5,
      rule: { code: 'CREDIT_RESTORATION_ABNORMAL_LIST_REMOVAL' },
    });
  });
});

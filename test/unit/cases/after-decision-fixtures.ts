/**
 * Snapshots after the decision for the pure guard tests, and the attempts case-guards.test.ts adds to
 * its PASSES and FAILS (every action passes, every condition code fails alone).
 *
 * The walk: the default spring-2025 case (fixtures.ts) decided on Monday 2025-04-07 with a warning and a
 * CNY 5,000 fine; served directly on Tuesday 04-08, the party absent at the announcement; payment due
 * 15 days later, Wednesday 04-23. Today is 2025-06-16.
 */
import { type AfterDecision, NOTHING_AFTER_DECISION } from '../../../src/domain/cases/after-decision';
import type { ActionInput, CaseAction, GuardFacts } from '../../../src/domain/cases/case-guards';
import type { CaseSnapshot } from '../../../src/domain/cases/case-model';
import type { ConditionCode } from '../../../src/domain/cases/conditions';
import { facts, investigating, noticed, PROPOSED } from './fixtures';

export interface Attempt {
  title: string;
  action: CaseAction;
  s: CaseSnapshot;
  input: unknown;
  facts: GuardFacts;
}

export function attempt<A extends CaseAction>(
  title: string,
  action: A,
  s: CaseSnapshot,
  input: ActionInput<A>,
  f: Partial<GuardFacts> = {},
): Attempt {
  return { title, action, s, input, facts: facts(f) };
}

/** CNY 5,000 in fen. */
export const FINE = 500_000;
export const SERVICE = {
  on: '2025-04-08',
  effectiveOn: '2025-04-08',
  method: 'direct',
  partyPresentAtAnnouncement: false,
} as const;

/** Decided 2025-04-07 (a warning and a CNY 5,000 fine), nothing recorded since. */
export function decided(
  after: Partial<AfterDecision> = {},
  overrides: Partial<CaseSnapshot> = {},
): CaseSnapshot {
  return noticed({
    stage: 'decided',
    afterDecision: {
      ...NOTHING_AFTER_DECISION,
      payments: [],
      frozen: [],
      decision: {
        on: '2025-04-07',
        kind: 'penalty',
        penalties: PROPOSED,
        status: 'in_force',
        statusChangedOn: null,
      },
      ...after,
    },
    ...overrides,
  });
}

/** Served on 2025-04-08. */
export function served(
  after: Partial<AfterDecision> = {},
  overrides: Partial<CaseSnapshot> = {},
): CaseSnapshot {
  return decided({ service: { ...SERVICE }, ...after }, overrides);
}

/** Served and paid in full on 2025-04-20. */
export function paid(
  after: Partial<AfterDecision> = {},
  overrides: Partial<CaseSnapshot> = {},
): CaseSnapshot {
  return served(
    { payments: [{ on: '2025-04-20', amount: FINE, bankReference: 'B-1' }], ...after },
    overrides,
  );
}

/** Closed on 2025-05-06. */
export function closed(stage: 'closed' | 'archived' = 'closed'): CaseSnapshot {
  return paid({ closure: { on: '2025-05-06', reason: 'performed' } }, { stage });
}

/** Terminated (终止调查) on 2025-04-01 during the investigation. */
export function terminated(): CaseSnapshot {
  return investigating({
    stage: 'terminated',
    afterDecision: { ...NOTHING_AFTER_DECISION, payments: [], frozen: [], terminatedOn: '2025-04-01' },
  });
}

const FROZEN = { from: '2025-05-01', reason: 'reconsideration', reference: '城东政复〔2025〕3号' };
const ENFORCEMENT = { appliedOn: '2025-06-02', court: '城东区人民法院', result: null, recordedOn: null };

export const SERVE = {
  on: '2025-04-08',
  method: 'direct',
  partyPresentAtAnnouncement: false,
  consentOn: null,
} as const;
export const SCHEDULE = {
  on: '2025-04-15',
  approverIsBureauHead: true,
  kind: 'deferral',
  instalments: [{ dueOn: '2025-06-30', amount: FINE }],
  originalDueOn: '2025-04-23',
} as const;
export const PAYMENT = { on: '2025-04-20', amount: FINE, owed: FINE, duplicateReference: false } as const;
export const DEMAND = { on: '2025-05-06', nextDueOn: '2025-04-23', owed: FINE } as const;
export const APPLY = {
  on: '2025-06-16',
  owed: FINE,
  appealEndsOn: '2025-06-01',
  applicationEndsOn: '2025-09-01',
  demandMaturesOn: '2025-05-20',
} as const;
export const CLOSE = {
  on: '2025-05-06',
  approverIsBureauHead: true,
  reason: 'performed',
  owed: 0,
  settledOn: '2025-04-20',
} as const;

type AfterDecisionAction =
  | 'serve-decision'
  | 'approve-payment-schedule'
  | 'record-payment'
  | 'freeze-surcharge'
  | 'unfreeze-surcharge'
  | 'serve-demand'
  | 'apply-court-enforcement'
  | 'record-court-enforcement'
  | 'file-for-record'
  | 'close'
  | 'archive';

export const AFTER_DECISION_PASSES: { [A in AfterDecisionAction]: Attempt[] } = {
  'serve-decision': [
    attempt('directly, the day after the decision', 'serve-decision', decided(), SERVE),
    attempt('electronically with consent given before', 'serve-decision', decided(), {
      ...SERVE,
      method: 'electronic',
      consentOn: '2025-04-07',
    }),
    attempt('on the spot at the announcement', 'serve-decision', decided(), {
      ...SERVE,
      on: '2025-04-07',
      partyPresentAtAnnouncement: true,
    }),
    attempt(
      'a no-penalty decision',
      'serve-decision',
      decided({
        decision: {
          on: '2025-04-07',
          kind: 'no_penalty',
          penalties: [],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
      SERVE,
    ),
  ],
  'approve-payment-schedule': [
    attempt('a deferral by the head', 'approve-payment-schedule', served(), SCHEDULE),
    attempt('two instalments', 'approve-payment-schedule', served(), {
      ...SCHEDULE,
      kind: 'instalments',
      instalments: [
        { dueOn: '2025-05-15', amount: 200_000 },
        { dueOn: '2025-06-15', amount: 300_000 },
      ],
    }),
  ],
  'record-payment': [
    attempt('the whole fine', 'record-payment', served(), PAYMENT),
    attempt('part of it', 'record-payment', served(), { ...PAYMENT, amount: 100_000 }),
  ],
  'freeze-surcharge': [
    attempt('a reconsideration applied for', 'freeze-surcharge', served(), { on: '2025-05-01' }),
    attempt(
      'again after an earlier freeze ended',
      'freeze-surcharge',
      served({ frozen: [{ ...FROZEN, to: '2025-05-10' }] }),
      {
        on: '2025-05-20',
      },
    ),
  ],
  'unfreeze-surcharge': [
    attempt('the reconsideration decided', 'unfreeze-surcharge', served({ frozen: [{ ...FROZEN }] }), {
      on: '2025-05-20',
    }),
  ],
  'serve-demand': [attempt('after the due date, unpaid', 'serve-demand', served(), DEMAND)],
  'apply-court-enforcement': [
    attempt(
      'after the appeal period, 10 WD after the demand',
      'apply-court-enforcement',
      served({ demandServedOn: '2025-05-06' }),
      APPLY,
    ),
  ],
  'record-court-enforcement': [
    attempt(
      'the court enforced',
      'record-court-enforcement',
      served({ courtEnforcement: { ...ENFORCEMENT } }),
      {
        on: '2025-06-10',
      },
    ),
  ],
  'file-for-record': [
    attempt('a major decision', 'file-for-record', decided({ majorCaseFilingRequired: true }), {
      on: '2025-04-10',
    }),
  ],
  close: [
    attempt('performed: fine paid', 'close', paid(), CLOSE),
    attempt(
      'a warning only, served',
      'close',
      served({
        decision: {
          on: '2025-04-07',
          kind: 'penalty',
          penalties: [{ type: 'warning' }],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
      {
        ...CLOSE,
        settledOn: '2025-04-08',
      },
    ),
    attempt('unpaid, but the court was asked', 'close', served({ courtEnforcement: { ...ENFORCEMENT } }), {
      ...CLOSE,
      on: '2025-06-10',
      reason: 'enforcement_applied',
      owed: FINE,
      settledOn: '2025-06-02',
    }),
    attempt('a terminated case', 'close', terminated(), {
      ...CLOSE,
      reason: 'terminated',
      settledOn: '2025-04-01',
    }),
    attempt(
      'a no-penalty decision, served',
      'close',
      served({
        decision: {
          on: '2025-04-07',
          kind: 'no_penalty',
          penalties: [],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
      {
        ...CLOSE,
        reason: 'no_penalty',
        settledOn: '2025-04-08',
      },
    ),
    attempt(
      'a major case filed for the record',
      'close',
      paid({ majorCaseFilingRequired: true, majorCaseFiledOn: '2025-04-10' }),
      CLOSE,
    ),
  ],
  archive: [attempt('a closed case', 'archive', closed(), { on: '2025-05-10' })],
};

/** Codes only the after-decision guards use, each failing alone (shared codes: after-decision.test.ts). */
export const AFTER_DECISION_FAILS: Partial<Record<ConditionCode, Attempt[]>> = {
  DECISION_NOT_SERVED: [
    attempt('a payment before service', 'record-payment', decided(), PAYMENT),
    attempt('closing an unserved decision', 'close', decided(), { ...CLOSE, settledOn: null }),
  ],
  DECISION_ALREADY_SERVED: [attempt('served twice', 'serve-decision', served(), SERVE)],
  ELECTRONIC_SERVICE_WITHOUT_CONSENT: [
    attempt('no consent', 'serve-decision', decided(), { ...SERVE, method: 'electronic' }),
    attempt('consent after service', 'serve-decision', decided(), {
      ...SERVE,
      method: 'electronic',
      consentOn: '2025-04-09',
    }),
  ],
  SERVICE_NOT_ON_ANNOUNCEMENT: [
    attempt('present, but served a day later', 'serve-decision', decided(), {
      ...SERVE,
      partyPresentAtAnnouncement: true,
    }),
  ],
  NO_FINE: [
    attempt(
      'a payment on a warning',
      'record-payment',
      served({
        decision: {
          on: '2025-04-07',
          kind: 'penalty',
          penalties: [{ type: 'warning' }],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
      PAYMENT,
    ),
    attempt(
      'a freeze on a no-penalty decision',
      'freeze-surcharge',
      served({
        decision: {
          on: '2025-04-07',
          kind: 'no_penalty',
          penalties: [],
          status: 'in_force',
          statusChangedOn: null,
        },
      }),
      {
        on: '2025-05-01',
      },
    ),
  ],
  PAYMENT_SCHEDULE_ALREADY_APPROVED: [
    attempt(
      'a second approval',
      'approve-payment-schedule',
      served({
        schedule: {
          on: '2025-04-15',
          kind: 'deferral',
          instalments: [{ dueOn: '2025-06-30', amount: FINE }],
        },
      }),
      SCHEDULE,
    ),
  ],
  PAYMENT_SCHEDULE_INVALID: [
    attempt('not adding up to the fine', 'approve-payment-schedule', served(), {
      ...SCHEDULE,
      instalments: [{ dueOn: '2025-06-30', amount: 400_000 }],
    }),
    attempt('a deferral that defers nothing', 'approve-payment-schedule', served(), {
      ...SCHEDULE,
      instalments: [{ dueOn: '2025-04-20', amount: FINE }],
    }),
    attempt('instalments out of order', 'approve-payment-schedule', served(), {
      ...SCHEDULE,
      kind: 'instalments',
      instalments: [
        { dueOn: '2025-06-15', amount: 200_000 },
        { dueOn: '2025-05-15', amount: 300_000 },
      ],
    }),
    attempt('one instalment', 'approve-payment-schedule', served(), { ...SCHEDULE, kind: 'instalments' }),
    attempt('a deferral in two parts', 'approve-payment-schedule', served(), {
      ...SCHEDULE,
      instalments: [
        { dueOn: '2025-05-15', amount: 200_000 },
        { dueOn: '2025-06-15', amount: 300_000 },
      ],
    }),
  ],
  OVERPAYMENT: [attempt('more than owed', 'record-payment', served(), { ...PAYMENT, amount: FINE + 1 })],
  DUPLICATE_PAYMENT_REFERENCE: [
    attempt('a bank reference used before', 'record-payment', served(), {
      ...PAYMENT,
      duplicateReference: true,
    }),
  ],
  SURCHARGE_ALREADY_FROZEN: [
    attempt('frozen twice', 'freeze-surcharge', served({ frozen: [{ ...FROZEN }] }), { on: '2025-05-10' }),
  ],
  SURCHARGE_NOT_FROZEN: [attempt('nothing frozen', 'unfreeze-surcharge', served(), { on: '2025-05-10' })],
  PAYMENT_NOT_OVERDUE: [
    attempt('before the due date', 'serve-demand', served(), { ...DEMAND, on: '2025-04-23' }),
  ],
  NOTHING_TO_ENFORCE: [
    attempt('a demand when all is paid', 'serve-demand', served(), { ...DEMAND, owed: 0 }),
    attempt(
      'enforcement when all is paid',
      'apply-court-enforcement',
      served({ demandServedOn: '2025-05-06' }),
      {
        ...APPLY,
        owed: 0,
      },
    ),
  ],
  DEMAND_NOT_SERVED: [attempt('without a demand', 'apply-court-enforcement', served(), APPLY)],
  DEMAND_PERIOD_OPEN: [
    attempt(
      'within 10 WD of the demand',
      'apply-court-enforcement',
      served({ demandServedOn: '2025-06-03' }),
      {
        ...APPLY,
        demandMaturesOn: '2025-06-17',
      },
    ),
  ],
  APPEAL_PERIOD_OPEN: [
    attempt(
      'while the party may still sue',
      'apply-court-enforcement',
      served({ demandServedOn: '2025-05-06' }),
      {
        ...APPLY,
        appealEndsOn: '2025-06-16',
      },
    ),
  ],
  ENFORCEMENT_APPLICATION_LATE: [
    attempt('more than 3 months after', 'apply-court-enforcement', served({ demandServedOn: '2025-05-06' }), {
      ...APPLY,
      appealEndsOn: '2025-02-01',
      applicationEndsOn: '2025-05-01',
    }),
  ],
  REVIEW_PENDING: [
    attempt(
      'a reconsideration pending',
      'apply-court-enforcement',
      served({ demandServedOn: '2025-05-06', frozen: [{ ...FROZEN }] }),
      APPLY,
    ),
  ],
  COURT_ENFORCEMENT_ALREADY_APPLIED: [
    attempt(
      'applied twice',
      'apply-court-enforcement',
      served({ demandServedOn: '2025-05-06', courtEnforcement: { ...ENFORCEMENT } }),
      APPLY,
    ),
    attempt(
      'a demand after applying',
      'serve-demand',
      served({ courtEnforcement: { ...ENFORCEMENT } }),
      DEMAND,
    ),
  ],
  COURT_ENFORCEMENT_NOT_APPLIED: [
    attempt('no application', 'record-court-enforcement', served(), { on: '2025-06-10' }),
  ],
  COURT_ENFORCEMENT_ALREADY_RECORDED: [
    attempt(
      'recorded twice',
      'record-court-enforcement',
      served({ courtEnforcement: { ...ENFORCEMENT, result: 'enforced', recordedOn: '2025-06-10' } }),
      { on: '2025-06-12' },
    ),
  ],
  MEASURES_IN_FORCE: [
    attempt('a seizure not yet released', 'close', paid(), CLOSE, { measuresInForce: true }),
  ],
  FINE_UNPAID: [
    attempt('the fine unpaid', 'close', served(), { ...CLOSE, settledOn: null }),
    attempt(
      'part of the fine unpaid',
      'close',
      served({ payments: [{ on: '2025-04-20', amount: 100_000, bankReference: 'B-1' }] }),
      {
        ...CLOSE,
        settledOn: null,
      },
    ),
    attempt(
      'the surcharge unpaid',
      'close',
      paid({ payments: [{ on: '2025-04-30', amount: FINE, bankReference: 'B-1' }] }),
      {
        ...CLOSE,
        owed: 105_000,
        settledOn: null,
      },
    ),
  ],
  CLOSURE_REASON_MISMATCH: [
    attempt('no_penalty for a paid fine', 'close', paid(), { ...CLOSE, reason: 'no_penalty' }),
    attempt('performed for a terminated case', 'close', terminated(), { ...CLOSE, settledOn: '2025-04-01' }),
  ],
  MAJOR_CASE_NOT_FILED: [
    attempt('a major case not filed', 'close', paid({ majorCaseFilingRequired: true }), CLOSE),
  ],
  NOT_MAJOR_CASE: [attempt('an ordinary decision', 'file-for-record', decided(), { on: '2025-04-10' })],
  ALREADY_FILED_FOR_RECORD: [
    attempt(
      'filed twice',
      'file-for-record',
      decided({ majorCaseFilingRequired: true, majorCaseFiledOn: '2025-04-10' }),
      {
        on: '2025-04-11',
      },
    ),
  ],
  CASE_CLOSED: [
    attempt('a payment on a closed case', 'record-payment', closed(), PAYMENT),
    attempt('a statement on an archived case', 'record-statement', closed('archived'), { on: '2025-05-10' }),
    attempt('archiving twice', 'archive', closed('archived'), { on: '2025-05-10' }),
  ],
};

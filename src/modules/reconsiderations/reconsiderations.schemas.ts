/**
 * Reconsideration applications (行政复议, RULES.md §6) against the bureau's decisions, their steps and the
 * year's figures.
 */

import { type Static, Type } from 'typebox';
import { CORRECTING_OUTCOMES } from '../../domain/appeals/outcomes';
import {
  DECISION_OUTCOMES,
  RECONSIDERATION_OUTCOME_CODES,
  RECONSIDERATION_OUTCOMES,
  RECONSIDERATION_PROCEDURES,
  RECONSIDERATION_STATUSES,
  type ReconsiderationStatus,
} from '../../domain/appeals/reconsideration';
import { PERIOD_RULES } from '../../domain/rules/period-rules';
import {
  DateTime,
  describe,
  IsoDate,
  Nullable,
  On,
  Page,
  PageQuery,
  StrictObject,
  Text,
  Uuid,
} from '../../http/schemas';
import {
  AppealClockRef,
  type DecisionRefInput,
  DecisionStatusChangeRef,
  DecisionStatusRef,
} from '../appeals/appeals.schemas';

const Penalties = (description: string) =>
  Type.Array(Type.Unsafe<{ type: string; amount?: number }>({ $ref: 'ProposedPenalty' }), {
    minItems: 1,
    maxItems: 10,
    description,
  });

const STATUS_CODES = Object.keys(RECONSIDERATION_STATUSES) as ReconsiderationStatus[];
export const ReconsiderationStatusSchema = Type.Enum(STATUS_CODES, {
  $id: 'ReconsiderationStatus',
  description: `Status of a reconsideration (行政复议): ${describe(RECONSIDERATION_STATUSES)}`,
});
const StatusRef = Type.Unsafe<Static<typeof ReconsiderationStatusSchema>>({ $ref: 'ReconsiderationStatus' });

export const ReconsiderationOutcomeSchema = Type.Enum(RECONSIDERATION_OUTCOME_CODES, {
  $id: 'ReconsiderationOutcome',
  description: `Outcome of a reconsideration: ${describe(RECONSIDERATION_OUTCOMES)}`,
});
const OutcomeRef = Type.Unsafe<Static<typeof ReconsiderationOutcomeSchema>>({
  $ref: 'ReconsiderationOutcome',
});

const Procedure = Type.Enum(
  Object.keys(RECONSIDERATION_PROCEDURES) as (keyof typeof RECONSIDERATION_PROCEDURES)[],
  {
    description: `Procedure (ARL arts. 53–54): ${describe(RECONSIDERATION_PROCEDURES)}`,
  },
);

const ApplicantInput = StrictObject(
  {
    kind: Type.Enum(['natural_person', 'legal_person', 'other_organisation', 'individual_business'], {
      description:
        'natural_person 自然人; legal_person 法人; other_organisation 其他组织; individual_business 个体工商户',
    }),
    name: Text(200, 'Name (申请人姓名 / 名称)'),
    residentId: Type.Optional(
      Type.String({ format: 'resident-id', description: '公民身份号码 (GB 11643-1999)' }),
    ),
    creditCode: Type.Optional(
      Type.String({ format: 'unified-social-credit-code', description: '统一社会信用代码 (GB 32100-2015)' }),
    ),
  },
  { description: 'The applicant (申请人): the party, or another person whose rights the decision affects' },
);

export const ReconsiderationCreateSchema = StrictObject(
  {
    decision: Type.Unsafe<DecisionRefInput>({ $ref: 'ChallengedDecisionRef' }),
    applicant: ApplicantInput,
    reviewingBody: Type.Optional(
      Text(
        200,
        'The reviewing body (行政复议机关); default: the rule setting decision.reconsideration_body, else the district ' +
          'people’s government named after the bureau (ARL art. 24)',
      ),
    ),
    reference: Text(100, 'The reviewing body’s reference of the application (e.g. 城府复〔2024〕12号)'),
    procedure: Type.Optional(Procedure),
    appliedOn: On(
      'Date of the application (申请日期): within 60 days of learning of the decision (ARL art. 20)',
    ),
    copyReceivedOn: Type.Optional(
      On('When the bureau received the application copy (申请书副本): the reply clock starts (ARL art. 48)'),
    ),
    claims: Text(4000, 'The applicant’s claims (复议请求) and reasons'),
  },
  {
    $id: 'ReconsiderationCreate',
    description: 'A reconsideration application against one of the bureau’s decisions',
  },
);
export type ReconsiderationCreate = Static<typeof ReconsiderationCreateSchema>;

const ReplyItemSchema = StrictObject({
  title: Text(300, 'The item (e.g. 现场检查笔录, 《食品安全法》第一百二十四条)'),
  kind: Type.Enum(['evidence', 'legal_basis', 'other'], {
    description: 'evidence 证据; legal_basis 法律依据; other 其他材料',
  }),
  reference: Type.Optional(Text(200, 'A file reference, e.g. the evidence register id or an archive number')),
});

export const ReconsiderationSchema = Type.Object(
  {
    id: Uuid,
    decision: Type.Unsafe<{
      kind: string;
      caseId: string | null;
      onTheSpotPenaltyId: string | null;
      decisionNumber: string;
    }>({ $ref: 'ChallengedDecision' }),
    decisionStatus: DecisionStatusRef,
    applicant: Type.Object({
      kind: Type.String(),
      name: Type.String(),
      residentId: Nullable(Type.String(), 'Masked (公民身份号码)'),
      creditCode: Nullable(Type.String()),
    }),
    reviewingBody: Type.String(),
    reference: Type.String(),
    procedure: Procedure,
    appliedOn: IsoDate,
    copyReceivedOn: Nullable(IsoDate),
    claims: Type.String(),
    status: StatusRef,
    pending: Type.Boolean({ description: 'Not yet decided, refused, withdrawn or terminated' }),
    acceptedOn: Nullable(IsoDate),
    reply: Nullable(
      Type.Object({
        submittedOn: IsoDate,
        reference: Type.String(),
        items: Type.Array(
          Type.Object({ title: Type.String(), kind: Type.String(), reference: Type.Optional(Type.String()) }),
        ),
      }),
      'The written reply (书面答复) with its evidence and legal basis',
    ),
    sessions: Type.Array(
      Type.Object({ kind: Type.Enum(['hearing', 'mediation']), on: IsoDate, note: Type.String() }),
      {
        description: 'Hearings (听证) and mediation (调解) sessions',
      },
    ),
    suspensions: Type.Array(Type.Object({ from: IsoDate, to: Nullable(IsoDate), reason: Type.String() })),
    extension: Nullable(
      Type.Object({ on: IsoDate, days: Type.Integer() }),
      'Extension of the decision period',
    ),
    outcome: Nullable(
      Type.Object({
        outcome: OutcomeRef,
        on: IsoDate,
        reference: Nullable(Type.String()),
        reason: Nullable(Type.String()),
        scope: Nullable(Type.Enum(['whole', 'part'])),
        redo: Nullable(Type.Boolean()),
        penalties: Nullable(
          Type.Array(Type.Unsafe<{ type: string; amount?: number }>({ $ref: 'ProposedPenalty' })),
        ),
      }),
    ),
    effect: Type.Array(DecisionStatusChangeRef, {
      description: 'What the outcome did to the decision (empty when it changed nothing)',
    }),
    surchargeFrozen: Type.Boolean({
      description: 'The application froze the case’s late surcharge (APL art. 73(3)) until its end',
    }),
    clocks: Type.Array(AppealClockRef),
    overdue: Type.Boolean({ description: 'Some clock is overdue' }),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Reconsideration', description: 'A reconsideration application (行政复议) and every step recorded' },
);
export type ReconsiderationView = Static<typeof ReconsiderationSchema>;

export const ReconsiderationPageSchema = Page(
  Type.Unsafe<ReconsiderationView>({ $ref: 'Reconsideration' }),
  'ReconsiderationPage',
);

export const ReconsiderationListQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(
    Type.Array(StatusRef, {
      minItems: 1,
      maxItems: STATUS_CODES.length,
      description: 'Any of these statuses',
    }),
  ),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'Applied in this year' })),
  caseId: Type.Optional({ ...Uuid, description: 'Applications against this case’s decision' }),
  onTheSpotPenaltyId: Type.Optional({
    ...Uuid,
    description: 'Applications against this on-the-spot decision',
  }),
  overdue: Type.Optional(
    Type.Boolean({ description: 'true: some clock is overdue today (computed on read)' }),
  ),
});
export type ReconsiderationListQuery = Static<typeof ReconsiderationListQuery>;

export const ReconsiderationParams = StrictObject({ reconsiderationId: Uuid });

const Reference = (description: string) => Text(100, description);

export const RECONSIDERATION_STEP_BODIES = {
  'receive-copy': StrictObject({
    on: On('When the bureau received the application copy (申请书副本): the reply clock starts'),
  }),
  accept: StrictObject({ on: On('When the reviewing body accepted the application (受理)') }),
  'not-accept': StrictObject({
    on: On('Date of the decision not to accept (不予受理决定)'),
    reference: Reference('The 不予受理决定书 reference'),
    reason: Text(2000, 'Why (e.g. 超过申请期限, 不属于复议范围)'),
  }),
  'submit-reply': StrictObject({
    on: On('When the written reply was submitted: within 10 WD of receiving the copy (5 WD simple)'),
    reference: Reference('The reply’s reference (行政复议答复书)'),
    items: Type.Array(ReplyItemSchema, {
      minItems: 1,
      maxItems: 200,
      description: 'The evidence and legal basis submitted with it (ARL art. 48)',
    }),
  }),
  'record-session': StrictObject({
    on: On('Date of the session'),
    kind: Type.Enum(['hearing', 'mediation'], {
      description: 'hearing 听证 (ARL art. 50); mediation 调解 (ARL art. 73)',
    }),
    note: Text(4000, 'Who attended for the bureau and what happened'),
  }),
  suspend: StrictObject({
    on: On('First day of the suspension (中止, ARL art. 39): not counted in the decision period'),
    reason: Text(2000, 'Why'),
  }),
  resume: StrictObject({
    on: On('Day the review resumed (恢复审理); the suspension covers the days before it'),
  }),
  extend: StrictObject({
    on: On('Date the extension was approved (延期)'),
    days: Type.Integer({
      minimum: 1,
      maximum: PERIOD_RULES.RECONSIDERATION_EXTENSION.days,
      description: `At most ${PERIOD_RULES.RECONSIDERATION_EXTENSION.days} days, once (ARL art. 62)`,
    }),
  }),
  decide: StrictObject({
    on: On('Date of the reconsideration decision (复议决定)'),
    outcome: Type.Enum([...DECISION_OUTCOMES], {
      description: `The decision: ${DECISION_OUTCOMES.map((o) => `${o} ${RECONSIDERATION_OUTCOMES[o]}`).join('; ')}`,
    }),
    reference: Reference('The 行政复议决定书 (or 调解书) reference'),
    reason: Type.Optional(Text(4000, 'The reasons given')),
    scope: Type.Optional(
      Type.Enum(['whole', 'part'], {
        description: 'For revoked: the whole decision (全部撤销) or part (部分撤销); required',
      }),
    ),
    redo: Type.Optional(
      Type.Boolean({
        description: 'For revoked: the bureau is ordered to decide again (责令重新作出): the case reopens',
      }),
    ),
    penalties: Type.Optional(
      Penalties(
        'For varied: the penalties as varied (never heavier, ARL art. 63); for a part revoked: those that remain; for ' +
          'mediated: the lighter penalties agreed, if the agreement varies the decision',
      ),
    ),
  }),
  withdraw: StrictObject({
    on: On('Date the withdrawal was allowed (准予撤回)'),
    settled: Type.Boolean({
      description: 'Withdrawn after a settlement with the bureau (和解, ARL art. 74)',
    }),
    reason: Text(2000, 'Why'),
  }),
  terminate: StrictObject({
    on: On('Date of the termination (终止, ARL art. 41)'),
    reason: Text(2000, 'Why (e.g. the applicant died without successors)'),
  }),
} as const;
export type ReconsiderationStepName = keyof typeof RECONSIDERATION_STEP_BODIES;
export type ReconsiderationStepBody<S extends ReconsiderationStepName> = Static<
  (typeof RECONSIDERATION_STEP_BODIES)[S]
>;

export const ReconsiderationStatsQuery = StrictObject({
  year: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2099, description: 'Default: this year (China time)' }),
  ),
});

export const ReconsiderationStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    applications: Type.Integer({
      description:
        'Applications against the bureau made in the year (by appliedOn), every one the reviewing body handled: the seed ' +
        'report’s “区人民政府受理我局行政复议23件” counts these, its 5 not accepted included',
    }),
    accepted: Type.Integer({ description: 'Of those, accepted (受理) by the reviewing body' }),
    byOutcome: Type.Object(
      Object.fromEntries(
        RECONSIDERATION_OUTCOME_CODES.map((o) => [
          o,
          Type.Integer({ description: RECONSIDERATION_OUTCOMES[o] }),
        ]),
      ),
      { description: 'Applications of the year by outcome (every outcome listed)' },
    ),
    pending: Type.Integer({
      description: 'Applications of the year still pending (received, accepted, suspended)',
    }),
    decided: Type.Integer({
      description: 'Decided by a reconsideration decision (复议决定), mediation included',
    }),
    corrected: Type.Integer({
      description: `Decided with a correcting outcome (纠错: ${CORRECTING_OUTCOMES.join(', ')})`,
    }),
    correctionRate: Type.Union([Type.Number(), Type.Null()], {
      description: 'corrected / decided (4 decimals); null when none was decided',
    }),
    repliesOverdue: Type.Integer({ description: 'Reply clocks overdue today (not yet submitted)' }),
    repliesLate: Type.Integer({ description: 'Replies submitted after their due date' }),
  },
  { $id: 'ReconsiderationStats', description: '行政复议统计: the year’s reconsideration figures' },
);
export type ReconsiderationStats = Static<typeof ReconsiderationStatsSchema>;

export const reconsiderationSchemas = [
  ReconsiderationStatusSchema,
  ReconsiderationOutcomeSchema,
  ReconsiderationCreateSchema,
  ReconsiderationSchema,
  ReconsiderationPageSchema,
  ReconsiderationStatsSchema,
];

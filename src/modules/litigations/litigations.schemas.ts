/**
 * Administrative lawsuits (行政诉讼, RULES.md §7) against the bureau's decisions and their steps: file-defence
 * (答辩状及证据), record-hearing (庭审), record-judgment (判决 / 裁定 / 调解), appeal (上诉), take-effect (生效);
 * and the year's figures.
 */
import { type Static, type TSchema, Type } from 'typebox';
import {
  JUDGMENT_KINDS,
  LITIGATION_OUTCOME_CODES,
  LITIGATION_OUTCOMES,
  LITIGATION_STATUS_CODES,
  LITIGATION_STATUSES,
} from '../../domain/appeals/litigation';
import type { ProposedPenalty } from '../../domain/cases/case-model';
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
  type ChallengedDecisionSchema,
  type DecisionRefInput,
  DecisionStatusChangeRef,
} from '../appeals/appeals.schemas';

const PenaltyRef = Type.Unsafe<ProposedPenalty>({ $ref: 'ProposedPenalty' });

const OUTCOMES_DESCRIPTION = Object.entries(LITIGATION_OUTCOMES)
  .map(([kind, outcomes]) => `${kind}: ${describe(outcomes)}`)
  .join(' | ');

export const LitigationStatusSchema = Type.Enum([...LITIGATION_STATUS_CODES], {
  $id: 'LitigationStatus',
  description: `Status of a lawsuit (行政诉讼): ${describe(LITIGATION_STATUSES)}`,
});
const StatusRef = Type.Unsafe<Static<typeof LitigationStatusSchema>>({ $ref: 'LitigationStatus' });

export const LitigationOutcomeSchema = Type.Enum([...LITIGATION_OUTCOME_CODES], {
  $id: 'LitigationOutcome',
  description: `Outcome of a judgment, ruling or mediation, by kind — ${OUTCOMES_DESCRIPTION}`,
});
const OutcomeRef = Type.Unsafe<Static<typeof LitigationOutcomeSchema>>({ $ref: 'LitigationOutcome' });
const KindEnum = Type.Enum(['judgment', 'ruling', 'mediation'], { description: describe(JUDGMENT_KINDS) });

const PlaintiffInput = StrictObject({
  kind: Type.Enum(['natural_person', 'legal_person', 'other_organisation', 'individual_business'], {
    description:
      'natural_person 自然人, legal_person 法人, other_organisation 其他组织, individual_business 个体工商户',
  }),
  name: Text(200, 'Name (姓名 / 名称)'),
  creditCode: Type.Optional(
    Type.String({ format: 'unified-social-credit-code', description: '统一社会信用代码 (GB 32100-2015)' }),
  ),
  residentId: Type.Optional(
    Type.String({ format: 'resident-id', description: '公民身份号码 (GB 11643-1999); shown masked' }),
  ),
});

export const LitigationCreateSchema = StrictObject(
  {
    decision: Type.Unsafe<DecisionRefInput>({ $ref: 'ChallengedDecisionRef' }),
    court: Text(200, 'The court (人民法院), e.g. 西宁市城东区人民法院'),
    courtCaseNumber: Text(100, 'The court’s case number (案号), e.g. （2025）青0102行初12号'),
    plaintiff: PlaintiffInput,
    claims: Text(4000, 'The plaintiff’s claims (诉讼请求)'),
    filedOn: On('When the court filed the suit (立案); not before the decision'),
    complaintReceivedOn: On(
      'When the bureau received the complaint copy (起诉状副本): the 15-day defence clock starts (ALL art. 67)',
    ),
    reconsiderationId: Type.Optional({
      ...Uuid,
      description:
        'The decided reconsideration (行政复议) of the same decision the suit follows; when it upheld the decision (维持), ' +
        'the reviewing body is co-defendant (共同被告, ALL art. 26(2))',
    }),
  },
  { $id: 'LitigationCreate', description: 'A lawsuit (行政诉讼) against one of the bureau’s decisions' },
);
export type LitigationCreate = Static<typeof LitigationCreateSchema>;

const AttendeeSchema = Type.Object({
  officerId: Nullable(Uuid),
  name: Type.String(),
  role: Type.Enum(['head', 'officer', 'agent']),
});

export const LitigationHearingSchema = Type.Object(
  {
    id: Uuid,
    heldOn: IsoDate,
    instance: Type.Enum(['first', 'second']),
    attendees: Type.Array(AttendeeSchema),
    headAppeared: Type.Boolean({
      description: 'The bureau’s head appeared in court (负责人出庭应诉, ALL art. 3)',
    }),
    headAbsent: Type.Boolean({ description: 'Flag: a hearing without the head' }),
    headAbsenceReason: Nullable(Type.String()),
    note: Nullable(Type.String()),
    createdAt: DateTime,
  },
  { $id: 'LitigationHearing', description: 'A court hearing (庭审) and who appeared for the bureau' },
);

const JudgmentView = Type.Object({
  kind: KindEnum,
  outcome: OutcomeRef,
  on: IsoDate,
  servedOn: IsoDate,
  reference: Type.String(),
  scope: Nullable(Type.Enum(['whole', 'part'])),
  redo: Nullable(Type.Boolean()),
  penalties: Nullable(Type.Array(PenaltyRef)),
});

export const LitigationSchema = Type.Object(
  {
    id: Uuid,
    decision: Type.Unsafe<Static<typeof ChallengedDecisionSchema>>({ $ref: 'ChallengedDecision' }),
    reconsiderationId: Nullable(Uuid),
    coDefendant: Nullable(
      Type.String(),
      'The reviewing body, co-defendant after it upheld the decision (ALL art. 26(2))',
    ),
    court: Type.String(),
    courtCaseNumber: Type.String(),
    instance: Type.Enum(['first', 'second'], { description: 'first 一审; second 二审 (after an appeal)' }),
    plaintiff: Type.Object({
      kind: Type.String(),
      name: Type.String(),
      creditCode: Nullable(Type.String()),
      residentId: Nullable(Type.String({ description: 'masked' })),
    }),
    claims: Type.String(),
    filedOn: IsoDate,
    complaintReceivedOn: IsoDate,
    status: StatusRef,
    pending: Type.Boolean({
      description: 'Not yet effective: the late surcharge stays frozen (APL art. 73(3))',
    }),
    defence: Nullable(
      Type.Object({
        filedOn: IsoDate,
        reference: Type.String(),
        items: Type.Array(
          Type.Object({
            title: Type.String(),
            kind: Type.Enum(['evidence', 'legal_basis', 'other']),
            reference: Type.Optional(Type.String()),
          }),
        ),
      }),
      'The defence and evidence (答辩状及证据)',
    ),
    judgment: Nullable(JudgmentView, 'The judgment, ruling or mediation of the current instance'),
    firstInstance: Nullable(
      Type.Object({
        court: Type.String(),
        courtCaseNumber: Type.String(),
        kind: KindEnum,
        outcome: OutcomeRef,
        on: IsoDate,
        servedOn: IsoDate,
        reference: Type.String(),
        appealedBy: Type.Enum(['plaintiff', 'bureau', 'both']),
        appealedOn: IsoDate,
      }),
      'The first-instance judgment or ruling, once appealed',
    ),
    effectiveOn: Nullable(IsoDate, 'When the outcome took effect (生效)'),
    surchargeFrozen: Type.Boolean({ description: 'Filing froze the case’s late surcharge (APL art. 73(3))' }),
    hearings: Type.Array(Type.Unsafe({ $ref: 'LitigationHearing' })),
    headAbsentHearings: Type.Integer({ description: 'Hearings the head did not attend (flagged)' }),
    clocks: Type.Array(AppealClockRef, {
      description:
        'defence 答辩期 (15 d, ALL art. 67): running, overdue, completed, completed_late; appeal 上诉期 (ALL art. 85): ' +
        'running, lapsed (ended unused), completed (appealed). atRisk: running with 3 days or fewer left',
    }),
    overdue: Type.Boolean({ description: 'The defence is overdue today' }),
    atRisk: Type.Boolean({ description: 'A running clock has 3 days or fewer left' }),
    effect: Type.Array(DecisionStatusChangeRef, {
      description: 'What this suit did to the decision once effective; empty when nothing changed',
    }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  {
    $id: 'Litigation',
    description: 'An administrative lawsuit (行政诉讼) against one of the bureau’s decisions',
  },
);
export type LitigationView = Static<typeof LitigationSchema>;

export const LitigationPageSchema = Page(
  Type.Unsafe<LitigationView>({ $ref: 'Litigation' }),
  'LitigationPage',
);

export const LitigationListQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(
    Type.Array(StatusRef, {
      minItems: 1,
      maxItems: LITIGATION_STATUS_CODES.length,
      description: 'Suits at any of these statuses (repeat the parameter for several)',
    }),
  ),
  year: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2099, description: 'Filed (立案) in this year' }),
  ),
  caseId: Type.Optional({ ...Uuid, description: 'Suits against this case’s decision' }),
  overdue: Type.Optional(
    Type.Boolean({
      description:
        'true: the defence is overdue today; false: it is not (the appeal period is an option, never overdue)',
    }),
  ),
});
export type LitigationListQuery = Static<typeof LitigationListQuery>;

export const LitigationParams = StrictObject({ litigationId: Uuid });

const Reference = (description: string) => Text(100, description);

export const LITIGATION_STEP_BODIES = {
  'file-defence': StrictObject({
    on: On(
      'When the defence and evidence were filed with the court: within 15 d of the complaint copy (ALL art. 67)',
    ),
    reference: Reference('The defence’s reference (答辩状文号)'),
    items: Type.Array(
      StrictObject({
        title: Text(300, 'The item, e.g. 现场检查笔录'),
        kind: Type.Enum(['evidence', 'legal_basis', 'other'], {
          description: 'evidence 证据; legal_basis 依据 (laws and normative documents); other',
        }),
        reference: Type.Optional(Reference('A file reference (evidence register id, archive number)')),
      }),
      { minItems: 1, maxItems: 200, description: 'The evidence and legal basis filed with it (ALL art. 67)' },
    ),
  }),
  'record-hearing': StrictObject({
    on: On('The day of the hearing (庭审)'),
    attendees: Type.Array(
      StrictObject({
        officerId: Type.Optional({
          ...Uuid,
          description: 'The officer of the bureau; required for head (an active bureau_head) and officer',
        }),
        name: Text(100, 'Name as in the court record'),
        role: Type.Enum(['head', 'officer', 'agent'], {
          description:
            'head 负责人出庭应诉 (ALL art. 3); officer 行政执法人员; agent 委托代理人 (e.g. the legal adviser)',
        }),
      }),
      { minItems: 1, maxItems: 20, description: 'Who appeared for the bureau' },
    ),
    headAppeared: Type.Boolean({
      description: 'Whether the head appeared: true iff an attendee has role head',
    }),
    headAbsenceReason: Type.Optional(
      Text(
        1000,
        'Why the head did not appear (e.g. entrusted another person, ALL art. 3(3)); required when not',
      ),
    ),
    note: Type.Optional(Text(2000, 'Notes on the hearing')),
  }),
  'record-judgment': StrictObject({
    on: On('The date of the judgment, ruling or mediation'),
    servedOn: On('When it was served on the bureau: the appeal period counts from it (ALL art. 85)'),
    kind: KindEnum,
    outcome: { ...OutcomeRef, description: `Must fit the kind — ${OUTCOMES_DESCRIPTION}` },
    reference: Reference('The judgment’s reference (判决书 / 裁定书 / 调解书)'),
    scope: Type.Optional(
      Type.Enum(['whole', 'part'], {
        description: 'For revoked: the whole decision (default) or a part (部分撤销)',
      }),
    ),
    redo: Type.Optional(
      Type.Boolean({
        description: 'For revoked: the bureau is ordered to decide again (判决重新作出行政行为)',
      }),
    ),
    penalties: Type.Optional(
      Type.Array(PenaltyRef, {
        minItems: 1,
        maxItems: 10,
        description:
          'For varied: the penalties as varied (never heavier, ALL art. 77(2)); for a part revoked: what remains; for mediated: the penalties agreed, if they change',
      }),
    ),
  }),
  appeal: StrictObject({
    on: On('When the appeal (上诉) was lodged: within 15 d of a judgment’s, 10 d of a ruling’s service'),
    by: Type.Enum(['plaintiff', 'bureau', 'both'], { description: 'Who appealed' }),
    court: Text(200, 'The court of second instance (二审法院)'),
    courtCaseNumber: Text(100, 'The second instance’s case number, e.g. （2025）青01行终5号'),
  }),
  'take-effect': StrictObject({
    on: On('When the first-instance outcome took effect: after its appeal period ended unused'),
  }),
} as const satisfies Record<string, TSchema>;

export type LitigationStep = keyof typeof LITIGATION_STEP_BODIES;
export type LitigationStepBody<S extends LitigationStep> = Static<(typeof LITIGATION_STEP_BODIES)[S]>;

export const LitigationStatsQuery = StrictObject({
  year: Type.Optional(
    Type.Integer({
      minimum: 1990,
      maximum: 2099,
      description: 'Year filed (立案); default: the current year',
    }),
  ),
});

export const LitigationStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    filed: Type.Integer({ description: 'Suits filed (立案) in the year' }),
    pending: Type.Integer({ description: 'Of those, not yet effective' }),
    decided: Type.Integer({ description: 'Of those, effective (生效)' }),
    byOutcome: Type.Record(Type.String(), Type.Integer(), {
      description: 'Effective suits of the year by outcome; every outcome listed, zeros included',
    }),
    corrected: Type.Integer({
      description:
        'Effective with a correcting outcome (varied, revoked, confirmed illegal or void, ordered to perform)',
    }),
    correctionRate: Nullable(
      Type.Number(),
      'corrected / decided (纠错率), 4 decimals; null when none decided',
    ),
    defencesOverdue: Type.Integer({ description: 'Defences not filed and past due today' }),
    defencesLate: Type.Integer({ description: 'Defences filed after their due date' }),
    hearings: Type.Integer({ description: 'Court hearings (庭审) held in the year' }),
    hearingsAttended: Type.Integer({
      description: 'Hearings an officer of the bureau attended (head or officer; not only an outside agent)',
    }),
    headAppearances: Type.Integer({ description: 'Hearings the head appeared at (负责人出庭应诉)' }),
    hearingsWithoutHead: Type.Integer({ description: 'Hearings without the head (flagged)' }),
  },
  { $id: 'LitigationStats', description: 'The year’s litigation figures (行政诉讼统计)' },
);
export type LitigationStats = Static<typeof LitigationStatsSchema>;

export const litigationSchemas = [
  LitigationStatusSchema,
  LitigationOutcomeSchema,
  LitigationCreateSchema,
  LitigationHearingSchema,
  LitigationSchema,
  LitigationPageSchema,
  LitigationStatsSchema,
];

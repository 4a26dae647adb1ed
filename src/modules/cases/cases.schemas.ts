import { type Static, type TSchema, Type } from 'typebox';
import {
  CASE_STAGE_CODES,
  CASE_STAGES,
  DECLINE_REASONS,
  LEAD_SOURCES,
  PENALTY_TYPES,
} from '../../domain/cases/case-model';
import {
  DateTime,
  describe,
  IsoDate,
  On,
  Page,
  PageQuery,
  StrictObject,
  Text,
  Uuid,
} from '../../http/schemas';
import {
  AFTER_DECISION_BODIES,
  AfterDecisionRef,
  afterDecisionSchemas,
  PerformanceRef,
} from './after-decision.schemas';

export const CaseStageSchema = Type.Enum([...CASE_STAGE_CODES], {
  $id: 'CaseStage',
  description: `Stage of the case: ${describe(CASE_STAGES)}`,
});
const StageRef = Type.Unsafe<Static<typeof CaseStageSchema>>({ $ref: 'CaseStage' });

const PenaltyTypeSchema = Type.Enum(Object.keys(PENALTY_TYPES) as (keyof typeof PENALTY_TYPES)[], {
  description: `Kind of penalty (APL art. 9): ${describe(PENALTY_TYPES)}`,
});

export const ProposedPenaltySchema = StrictObject(
  {
    type: PenaltyTypeSchema,
    amount: Type.Optional(Type.Number({ minimum: 0, description: 'CNY, for fines and confiscations' })),
    months: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 240,
        description:
          'Duration in months, for 限制开展生产经营活动, 限制从业 and 责令停产停业: a restriction longer than 3 years ' +
          'lengthens the publicity (PDR art. 13)',
      }),
    ),
  },
  { $id: 'ProposedPenalty', description: 'A penalty proposed or decided' },
);
const PenaltyRef = Type.Unsafe<Static<typeof ProposedPenaltySchema>>({ $ref: 'ProposedPenalty' });
const Penalties = Type.Array(PenaltyRef, { minItems: 1, maxItems: 10 });

export const PartyInputSchema = StrictObject(
  {
    kind: Type.Enum(['natural_person', 'legal_person', 'other_organisation', 'individual_business'], {
      description:
        'natural_person 自然人 (residentId required), legal_person 法人 (creditCode and legalRepresentative required), ' +
        'other_organisation 其他组织 (creditCode required), individual_business 个体工商户 (creditCode and its operator ' +
        'as legalRepresentative required)',
    }),
    name: Text(200, 'Name (姓名 / 名称)'),
    residentId: Type.Optional(
      Type.String({ format: 'resident-id', description: '公民身份号码 (GB 11643-1999)' }),
    ),
    creditCode: Type.Optional(
      Type.String({ format: 'unified-social-credit-code', description: '统一社会信用代码 (GB 32100-2015)' }),
    ),
    legalRepresentative: Type.Optional(Text(100, 'Legal representative (法定代表人) or operator (经营者)')),
    address: Type.Optional(Text(300)),
    phone: Type.Optional(Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' })),
  },
  { $id: 'CasePartyInput', description: 'A party (当事人)' },
);
export type PartyInput = Static<typeof PartyInputSchema>;

export const PartySchema = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    name: Type.String(),
    residentId: Type.Union([Type.String({ description: 'masked' }), Type.Null()]),
    creditCode: Type.Union([Type.String(), Type.Null()]),
    legalRepresentative: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String({ description: 'masked' }), Type.Null()]),
  },
  { $id: 'CaseParty', description: 'A party (当事人); resident ID and phone masked' },
);

export const CaseCreateSchema = StrictObject(
  {
    source: Type.Enum(Object.keys(LEAD_SOURCES) as (keyof typeof LEAD_SOURCES)[], {
      description: `Where the lead came from (案件来源): ${describe(LEAD_SOURCES)}`,
    }),
    sourceRef: Type.Optional(Text(100, 'The 12315 / 12345 ticket, or the referral letter number')),
    receivedOn: { ...IsoDate, description: 'When the lead was received (收到线索): the filing clock starts' },
    summary: Text(4000, 'What the lead says (线索摘要)'),
    violationOn: Type.Optional({
      ...IsoDate,
      description: 'When the violation happened or ended: the limitation runs from it',
    }),
    powerItemId: Type.Optional({ ...Uuid, description: 'The penalty item (行政处罚事项) of the power list' }),
    unitId: Type.Optional({ ...Uuid, description: 'The handling unit (承办科室 / 所)' }),
    major: Type.Optional(Type.Boolean({ description: 'Flag as a major case (重大案件)' })),
    complex: Type.Optional(Type.Boolean({ description: 'Flag as a complex case (疑难复杂)' })),
    parties: Type.Optional(Type.Array(Type.Unsafe<PartyInput>({ $ref: 'CasePartyInput' }), { maxItems: 50 })),
  },
  { $id: 'CaseCreate', description: 'A lead (线索) to register' },
);
export type CaseCreate = Static<typeof CaseCreateSchema>;

export const CaseUpdateSchema = StrictObject(
  {
    summary: Type.Optional(Text(4000)),
    violationOn: Type.Optional(IsoDate),
    powerItemId: Type.Optional(Uuid),
    unitId: Type.Optional(Uuid),
    major: Type.Optional(Type.Boolean()),
    complex: Type.Optional(Type.Boolean()),
  },
  { $id: 'CaseUpdate', minProperties: 1, description: 'Changes to an open case' },
);
export type CaseUpdate = Static<typeof CaseUpdateSchema>;

export const ClockSchema = Type.Object({
  name: Type.Enum([
    'filing_decision',
    'case_review',
    'statement',
    'decision',
    'compulsory_measure',
    'advance_preservation',
    'service',
    'payment',
    'major_case_filing',
    'case_closure',
  ]),
  subjectId: Type.Optional({
    ...Uuid,
    description:
      'For compulsory_measure (查封、扣押) and advance_preservation (先行登记保存): the measure it times',
  }),
  rule: Type.Object({ code: Type.String(), citation: Type.String(), description: Type.String() }),
  start: IsoDate,
  days: Type.Integer(),
  totalDays: Type.Integer({ description: 'With approved extensions' }),
  unit: Type.Enum(['working', 'calendar']),
  dueDate: Type.Union([IsoDate, Type.Null()], { description: 'Null while a pause stops the clock' }),
  state: Type.Enum(['running', 'paused', 'overdue', 'completed', 'completed_late']),
  daysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
  provisional: Type.Boolean(),
});

const UnmetSchema = Type.Object(
  { code: Type.String(), rule: Type.String(), message: Type.String(), detail: Type.Optional(Type.String()) },
  { $id: 'CaseUnmetCondition', description: 'A condition an action does not meet, with its legal source' },
);

export const CaseSchema = Type.Object(
  {
    id: Uuid,
    stage: StageRef,
    suspended: Type.Boolean({ description: 'Suspended (中止): the decision clock is paused' }),
    major: Type.Boolean(),
    complex: Type.Boolean(),
    source: Type.String(),
    sourceRef: Type.Union([Type.String(), Type.Null()]),
    receivedOn: IsoDate,
    summary: Type.String(),
    violationOn: Type.Union([IsoDate, Type.Null()]),
    powerItem: Type.Union([Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }), Type.Null()]),
    unitId: Type.Union([Uuid, Type.Null()]),
    filedOn: Type.Union([IsoDate, Type.Null()]),
    filingNumber: Type.Union([Type.String(), Type.Null()]),
    limitation: Type.Union([
      Type.Object({
        basis: Type.String(),
        reason: Type.Union([Type.String(), Type.Null()]),
        endsOn: Type.Union([IsoDate, Type.Null()]),
      }),
      Type.Null(),
    ]),
    parties: Type.Array(Type.Unsafe<Static<typeof PartySchema>>({ $ref: 'CaseParty' })),
    officers: Type.Array(
      Type.Object({ id: Uuid, name: Type.String(), certificateValidToday: Type.Boolean() }),
    ),
    evidenceCount: Type.Integer(),
    proposal: Type.Union([
      Type.Object({ version: Type.Integer(), penalties: Type.Array(PenaltyRef) }),
      Type.Null(),
    ]),
    notice: Type.Union([
      Type.Object({
        servedOn: IsoDate,
        windowEndsOn: IsoDate,
        hearingRight: Type.Boolean(),
        documentNumber: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    legalReviewRequired: Type.Boolean({
      description: 'Legal review (法制审核) required before deciding (APL art. 58)',
    }),
    collectiveDiscussionRequired: Type.Boolean({
      description: 'Collective discussion (集体讨论) required (APL art. 57)',
    }),
    decidedOn: Type.Union([IsoDate, Type.Null()]),
    decisionNumber: Type.Union([Type.String(), Type.Null()]),
    decisionStatus: Type.Union(
      [
        Type.Unsafe<'in_force' | 'varied' | 'partially_revoked' | 'revoked' | 'confirmed_illegal' | 'void'>({
          $ref: 'DecisionStatus',
        }),
        Type.Null(),
      ],
      {
        description:
          'The decision’s status after a reconsideration (行政复议) or judgment (行政诉讼): in_force until one changes it; null ' +
          'without a decision (also after a revocation reopened the case for a new one)',
      },
    ),
    decision: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    closingReason: Type.Union([Type.String(), Type.Null()]),
    performance: PerformanceRef,
    afterDecision: AfterDecisionRef,
    clocks: Type.Array(ClockSchema, { description: 'Every clock of the case with its rule (办案期限)' }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Case', description: 'An enforcement case (行政处罚案件)' },
);
export type CaseView = Static<typeof CaseSchema>;

export const CasePageSchema = Page(Type.Unsafe<CaseView>({ $ref: 'Case' }), 'CasePage');

export const CaseActionsSchema = Type.Object(
  {
    caseId: Uuid,
    stage: StageRef,
    actions: Type.Array(
      Type.Object({
        action: Type.String(),
        possible: Type.Boolean(),
        unmet: Type.Array(Type.Unsafe<Static<typeof UnmetSchema>>({ $ref: 'CaseUnmetCondition' })),
      }),
    ),
  },
  {
    $id: 'CaseActions',
    description: 'What can be done with the case now, and what each other action still lacks',
  },
);

export const CaseEventSchema = Type.Object(
  {
    seq: Type.Integer(),
    action: Type.String(),
    occurredOn: IsoDate,
    recordedAt: DateTime,
    actorType: Type.String(),
    actorId: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    documentNumber: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'CaseEvent', description: 'A step of the case (办案记录): who, when, what, which document' },
);
export const CaseTimelineSchema = Type.Object(
  { caseId: Uuid, events: Type.Array(Type.Unsafe<Static<typeof CaseEventSchema>>({ $ref: 'CaseEvent' })) },
  { $id: 'CaseTimeline' },
);

export const CaseParams = StrictObject({ caseId: Uuid });
export const CaseListQuery = StrictObject({
  ...PageQuery,
  stage: Type.Optional(
    Type.Array(StageRef, {
      minItems: 1,
      maxItems: CASE_STAGE_CODES.length,
      description:
        'Cases at any of these stages; repeat the parameter for several (stage=lead&stage=investigation)',
    }),
  ),
  unitId: Type.Optional({ ...Uuid, description: 'The handling unit (承办科室 / 所)' }),
  officerId: Type.Optional({ ...Uuid, description: 'An officer assigned to the case (承办人员)' }),
  party: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description:
        'A party (当事人): a unified social credit code (统一社会信用代码) matches that code exactly; anything else is ' +
        'a substring of the party’s name, e.g. 示例食品',
    }),
  ),
  powerItemId: Type.Optional({ ...Uuid, description: 'The penalty item (行政处罚事项) of the power list' }),
  filedFrom: Type.Optional({ ...IsoDate, description: 'Filed (立案) on or after this date' }),
  filedTo: Type.Optional({ ...IsoDate, description: 'Filed (立案) on or before this date' }),
  overdue: Type.Optional(
    Type.Boolean({
      description:
        'true: some clock (办案期限) the case shows, a seizure’s still in force included, is overdue today (state ' +
        'overdue); false: none is. A clock completed late (completed_late) does not count. Computed on the ' +
        'working calendar as of today.',
    }),
  ),
  major: Type.Optional(Type.Boolean({ description: 'Flagged major (重大案件)' })),
});
export type CaseListQuery = Static<typeof CaseListQuery>;

// ---------------------------------------------------------------------------------------------------
// Action bodies

const Approver = { ...Uuid, description: 'The officer who approved (must hold bureau_head)' };

export const ACTION_BODIES = {
  'assign-officers': StrictObject({
    on: On('Assignment date'),
    officerIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'Officers to add',
    }),
  }),
  file: StrictObject({
    on: On('Filing date (立案日期)'),
    approverId: Approver,
    limitationBasis: Type.Enum(['two_years', 'five_years'], {
      description: 'two_years; five_years where life, health or financial security was harmed (APL art. 36)',
    }),
    limitationReason: Type.Optional(Text(1000, 'Why the 5-year period applies')),
  }),
  'decline-filing': StrictObject({
    on: On('Decision date'),
    approverId: Approver,
    reason: Type.Enum(Object.keys(DECLINE_REASONS) as (keyof typeof DECLINE_REASONS)[], {
      description: `Reason not to file (不予立案): ${describe(DECLINE_REASONS)}`,
    }),
    detail: Text(2000),
  }),
  transfer: StrictObject({
    on: On('Transfer date'),
    approverId: Approver,
    recipient: Text(200, 'The agency receiving the lead'),
    recipientKind: Type.Enum(['agency', 'police'], {
      description: 'agency 其他行政机关, police 公安机关 (涉嫌犯罪)',
    }),
    reason: Text(2000),
  }),
  suspend: StrictObject({ on: On('From when (中止)'), reason: Text(2000) }),
  resume: StrictObject({ on: On('Resumed on (恢复)') }),
  'start-testing': StrictObject({
    on: On('Sent for testing on (送检): from this day the filing and decision clocks stop'),
    kind: Type.Optional(
      Type.Enum(['testing', 'inspection', 'quarantine', 'appraisal'], {
        description: 'testing 检测, inspection 检验, quarantine 检疫, appraisal 鉴定',
      }),
    ),
    subject: Text(2000, 'What is tested (检测对象、样品)'),
    institution: Text(200, 'The institution testing it (检测、检验、鉴定机构)'),
  }),
  'end-testing': StrictObject({
    on: On('Result received on (this day is still not counted); the clocks run again from the next day'),
    resultSummary: Text(4000, 'The result (检测结论、鉴定意见) in short'),
  }),
  terminate: StrictObject({ on: On('Terminated on (终止)'), approverId: Approver, reason: Text(2000) }),
  'conclude-investigation': StrictObject({
    on: On('Date of the investigation-end report (调查终结报告)'),
    findings: Text(8000, 'Facts found'),
    penalties: Penalties,
  }),
  'complete-review': StrictObject({
    on: On('Date of the case review (案件审核)'),
    result: Type.Enum(['pass', 'return'], {
      description: 'pass, or return for further investigation (退回补充调查)',
    }),
    opinion: Text(4000),
  }),
  'record-legal-review': StrictObject({
    on: On('Date of the legal review (法制审核); the caller is the reviewer'),
    result: Type.Enum(['pass', 'return']),
    opinion: Text(4000),
  }),
  'revise-proposal': StrictObject({ on: On('Date'), penalties: Penalties, reason: Text(2000) }),
  'issue-notice': StrictObject({ on: On('Date the pre-penalty notice (行政处罚告知书) was served') }),
  'record-statement': StrictObject({
    on: On('Date received'),
    summary: Text(8000, 'The statement or defence (陈述申辩)'),
  }),
  'waive-rights': StrictObject({ on: On('Date of the written waiver (放弃陈述申辩、听证)') }),
  'request-hearing': StrictObject({ on: On('Date the hearing was requested (听证申请)') }),
  'schedule-hearing': StrictObject({
    on: On('Date the hearing notice (听证通知书) was served'),
    scheduledFor: On('Hearing date'),
    chairId: { ...Uuid, description: 'The officer chairing (听证主持人); not an investigator' },
  }),
  'record-hearing': StrictObject({
    on: On('Date held'),
    partyAbsent: Type.Boolean({
      description: 'The party did not attend without reason: treated as a waiver',
    }),
    record: Text(8000, 'The hearing record (听证笔录) summary'),
  }),
  'record-collective-discussion': StrictObject({
    on: On('Date of the discussion'),
    attendeeIds: Type.Array(Uuid, { minItems: 1, maxItems: 30, uniqueItems: true }),
    opinions: Text(8000),
    conclusion: Text(4000),
  }),
  'approve-extension': StrictObject({
    on: On('Approval date'),
    approverId: Approver,
    kind: Type.Enum(['filing', 'decision'], {
      description:
        'filing: the 15-WD filing period (+≤15 WD, once); decision: the 90-day period (+≤30 d; more only after a collective discussion)',
    }),
    days: Type.Integer({ minimum: 1, maximum: 90 }),
    reason: Text(2000),
  }),
  decide: StrictObject({
    on: On('Decision date'),
    kind: Type.Enum(['penalty', 'no_penalty', 'transfer'], {
      description: 'penalty 给予行政处罚, no_penalty 不予行政处罚, transfer 移送',
    }),
    penalties: Type.Optional(Penalties),
    reason: Type.Optional(Text(4000, 'For no_penalty and transfer: why; recipient for a transfer')),
    assessment: Type.Optional(
      StrictObject(
        {
          benchmarkId: Type.Optional(Type.String()),
          circumstances: Type.Unsafe<Record<string, unknown>>({
            $ref: 'DiscretionCircumstances',
            description: 'The circumstances, as POST /v1/discretion/assess takes them',
          }),
        },
        { description: 'The discretion assessment (裁量) to attach' },
      ),
    ),
    outsideBenchmarkReason: Type.Optional(Text(4000, 'Why the fine lies outside the benchmark’s range')),
  }),
  ...AFTER_DECISION_BODIES,
} as const satisfies Record<string, TSchema>;

export type ActionName = keyof typeof ACTION_BODIES;
export type ActionBody<A extends ActionName> = Static<(typeof ACTION_BODIES)[A]>;

export const caseSchemas = [
  CaseStageSchema,
  ProposedPenaltySchema,
  PartyInputSchema,
  PartySchema,
  CaseCreateSchema,
  CaseUpdateSchema,
  UnmetSchema,
  CaseSchema,
  CasePageSchema,
  CaseActionsSchema,
  CaseEventSchema,
  CaseTimelineSchema,
  ...afterDecisionSchemas,
];

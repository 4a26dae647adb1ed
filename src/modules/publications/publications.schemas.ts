/**
 * Penalty publications (行政处罚信息公示, RULES.md §4): the bureau's view with clocks, the steps, the public
 * view (masked summaries only), and the credit restoration notice (信用修复告知书).
 */
import { type Static, Type } from 'typebox';
import { PUBLICATION_STATE_CODES, PUBLICATION_STATES } from '../../domain/publicity/publicity';
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

const PenaltyRef = Type.Unsafe<{ type: string; amount?: number }>({ $ref: 'ProposedPenalty' });

export const PublicationStateSchema = Type.Enum(PUBLICATION_STATE_CODES, {
  $id: 'PublicationState',
  description: `State of a publication (公示状态): ${describe(PUBLICATION_STATES)}`,
});
const StateRef = Type.Unsafe<Static<typeof PublicationStateSchema>>({ $ref: 'PublicationState' });

export const PublicationSummarySchema = Type.Object(
  {
    decisionNumber: Type.String({ description: '行政处罚决定书文号' }),
    partyName: Type.String({ description: '当事人名称 / 姓名' }),
    partyCreditCode: Nullable(
      Type.String(),
      '统一社会信用代码 of an organisation or business; never a person’s ID number',
    ),
    legalRepresentative: Nullable(Type.String(), '法定代表人 / 经营者'),
    violationType: Type.String({
      description: '违法行为类型: the penalty item’s name as of the decision date',
    }),
    penalties: Type.Array(PenaltyRef),
    penaltyText: Type.String({ description: '处罚内容, e.g. 警告，罚款人民币5000.00元' }),
    bureau: Type.String({ description: '作出处罚决定的机关' }),
    decidedOn: IsoDate,
  },
  { $id: 'PublicationSummary', description: 'The published summary (公示内容, PDR arts. 6–7)' },
);
const SummaryRef = Type.Unsafe<Static<typeof PublicationSummarySchema>>({ $ref: 'PublicationSummary' });

const ClockSchema = Type.Object({
  name: Type.Enum(['publish', 'withdrawal'], {
    description: 'publish: PDR art. 9 (the configured WD after the decision); withdrawal: PDR art. 11 (3 WD)',
  }),
  rule: Type.Object({ code: Type.String(), citation: Type.String(), description: Type.String() }),
  days: Type.Integer(),
  unit: Type.Literal('working'),
  dueDate: IsoDate,
  state: Type.Enum(['running', 'paused', 'overdue', 'completed', 'completed_late', 'lapsed']),
  daysLeft: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
});

export const PublicationSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    decisionNumber: Type.String(),
    decidedOn: IsoDate,
    summary: SummaryRef,
    maskedText: Type.String({
      description: 'The decision’s text with personal information masked (PDR art. 7)',
    }),
    state: StateRef,
    storedState: StateRef,
    dueOn: On('Publish by this day (PDR art. 9)'),
    dueWorkingDays: Type.Integer({ description: 'The setting publication.working_days used' }),
    publishedOn: Nullable(IsoDate),
    externalRef: Nullable(Type.String(), 'The credit system’s reference'),
    period: Type.Object(
      {
        months: Type.Integer(),
        basis: Type.Enum(['three_months', 'three_years', 'restriction']),
      },
      { description: 'The publicity period (PDR art. 13)' },
    ),
    expiresOn: Nullable(IsoDate, 'The last day public; set when published'),
    expiredAt: Nullable(DateTime),
    earliestRestorationOn: Nullable(
      IsoDate,
      'From this day the party may apply to stop it early (CRM art. 6)',
    ),
    withdrawal: Type.Object({
      dueOn: Nullable(
        IsoDate,
        'Withdraw by this day: 3 WD after a review changed the decision (PDR art. 11)',
      ),
      statusChangeId: Nullable(Uuid),
      withdrawnOn: Nullable(IsoDate),
      reason: Nullable(Type.String()),
    }),
    correction: Nullable(Type.Object({ on: IsoDate, note: Type.String() })),
    restoredOn: Nullable(IsoDate),
    restorationId: Nullable(Uuid),
    noticeServedOn: Nullable(
      IsoDate,
      'The restoration notice was served with the decision on this day (两书同达, one service record)',
    ),
    clocks: Type.Array(ClockSchema),
    overdue: Type.Boolean({
      description: 'Publish due passed while pending, or withdrawal due passed while not withdrawn',
    }),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Publication', description: 'A penalty publication (行政处罚信息公示) with its clocks' },
);
export type PublicationView = Static<typeof PublicationSchema>;

export const PublicationPageSchema = Page(
  Type.Unsafe<PublicationView>({ $ref: 'Publication' }),
  'PublicationPage',
);

export const PublicationListQuery = StrictObject({
  ...PageQuery,
  state: Type.Optional(
    Type.Array(StateRef, {
      minItems: 1,
      maxItems: PUBLICATION_STATE_CODES.length,
      description: 'Any of these states, as read today (a public one past its last day reads expired)',
    }),
  ),
  overdue: Type.Optional(Type.Boolean({ description: 'true: a clock is overdue today (computed on read)' })),
  party: Type.Optional(Text(200, 'A unified social credit code (exact), otherwise part of the party’s name')),
  caseId: Type.Optional({ ...Uuid, description: 'Publications of this case' }),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'Decided in this year' })),
});
export type PublicationListQuery = Static<typeof PublicationListQuery>;

export const PublicationParams = StrictObject({ publicationId: Uuid });

export const PUBLICATION_STEP_BODIES = {
  publish: StrictObject({
    on: On('The day it went public on the credit system'),
    externalRef: Text(200, 'The credit system’s reference of the record'),
  }),
  withdraw: StrictObject({
    on: On('The day it was withdrawn (撤回)'),
    reason: Text(2000, 'Why (e.g. 行政处罚决定被复议撤销)'),
  }),
  correct: StrictObject({
    on: On('The day the corrected information was republished (更正)'),
    note: Text(2000, 'What was corrected'),
  }),
} as const;
export type PublicationStepName = keyof typeof PUBLICATION_STEP_BODIES;
export type PublicationStepBody<S extends PublicationStepName> = Static<(typeof PUBLICATION_STEP_BODIES)[S]>;

export const ExpiryRunSchema = Type.Object(
  { expired: Type.Integer({ description: 'Publications moved to expired by this run' }) },
  { $id: 'PublicationExpiryRun' },
);

// ---------------------------------------------------------------------------------------------------
// Public

export const PublicPublicationSchema = Type.Object(
  {
    id: Uuid,
    decisionNumber: Type.String(),
    partyName: Type.String(),
    partyCreditCode: Nullable(Type.String()),
    legalRepresentative: Nullable(Type.String()),
    violationType: Type.String(),
    penaltyText: Type.String(),
    bureau: Type.String(),
    decidedOn: IsoDate,
    publishedOn: IsoDate,
    expiresOn: IsoDate,
    corrected: Type.Boolean({ description: 'The information was corrected and republished' }),
    maskedText: Type.String({ description: 'The decision text, personal information masked (PDR art. 7)' }),
  },
  {
    $id: 'PublicPublication',
    additionalProperties: false,
    description: 'A published penalty (行政处罚信息公示) as the public sees it: masked, no internal fields',
  },
);
export type PublicPublicationView = Static<typeof PublicPublicationSchema>;

export const PublicPublicationPageSchema = Page(
  Type.Unsafe<PublicPublicationView>({ $ref: 'PublicPublication' }),
  'PublicPublicationPage',
);

export const PublicPublicationQuery = StrictObject({
  ...PageQuery,
  agencyId: { ...Uuid, description: 'The bureau whose publications to list' },
});
export const PublicOneQuery = StrictObject({ agencyId: { ...Uuid, description: 'The bureau' } });

// ---------------------------------------------------------------------------------------------------
// The restoration notice

export const RestorationNoticeSchema = Type.Object(
  {
    caseId: Uuid,
    publicationId: Uuid,
    type: Type.Literal('credit_restoration_notice'),
    title: Type.String(),
    agencyName: Type.String(),
    party: Type.Object({ name: Type.String(), creditCode: Nullable(Type.String()) }),
    decisionNumber: Type.String(),
    decidedOn: IsoDate,
    publicity: Type.Object({
      months: Type.Integer(),
      basis: Type.Enum(['three_months', 'three_years', 'restriction']),
      publishedOn: Nullable(IsoDate),
      expiresOn: Nullable(IsoDate),
      text: Type.String(),
    }),
    restorable: Type.Boolean({
      description: 'Whether the publicity can stop early at all (not 3 months, no excluded penalty)',
    }),
    earliestApplication: Type.Object({
      months: Type.Integer(),
      extended: Type.Boolean({ description: 'The longer period of food, drug and special-equipment cases' }),
      on: Nullable(IsoDate, 'The date itself once published'),
      rule: Type.String(),
      text: Type.String(),
    }),
    conditions: Type.Array(Type.Object({ code: Type.String(), rule: Type.String(), text: Type.String() })),
    materials: Type.Array(Type.Object({ kind: Type.String(), name: Type.String() })),
    whereToApply: Type.Array(Type.Object({ name: Type.String(), how: Type.String() })),
    paragraphs: Type.Array(Type.String()),
    servedOn: Nullable(IsoDate, 'Served with the decision on this day (两书同达)'),
  },
  {
    $id: 'RestorationNotice',
    description: '行政处罚信息信用修复告知书: served with the decision (两书同达)',
  },
);
export type RestorationNoticeView = Static<typeof RestorationNoticeSchema>;

export const CaseParams = StrictObject({ caseId: Uuid });

export const publicationSchemas = [
  PublicationStateSchema,
  PublicationSummarySchema,
  PublicationSchema,
  PublicationPageSchema,
  ExpiryRunSchema,
  PublicPublicationSchema,
  PublicPublicationPageSchema,
  RestorationNoticeSchema,
];

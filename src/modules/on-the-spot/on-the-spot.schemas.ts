import { type Static, Type } from 'typebox';
import {
  COLLECTION_GROUNDS,
  MIN_ON_THE_SPOT_OFFICERS,
  PAYMENT_METHODS,
  REVIEW_PROBLEM_CODES,
} from '../../domain/on-the-spot/on-the-spot';
import { DateTime, describe, IsoDate, Page, PageQuery, StrictObject, Text, Uuid } from '../../http/schemas';
import type { PartyInput, ProposedPenaltySchema } from '../cases/cases.schemas';

/** The case module's named schemas, registered with the cases routes. */
const PartyInputRef = Type.Unsafe<PartyInput>({ $ref: 'CasePartyInput' });
const PenaltyRef = Type.Unsafe<Static<typeof ProposedPenaltySchema>>({ $ref: 'ProposedPenalty' });

const PaymentInputSchema = StrictObject(
  {
    method: Type.Enum(Object.keys(PAYMENT_METHODS) as (keyof typeof PAYMENT_METHODS)[], {
      description: `How the fine is paid: ${describe(PAYMENT_METHODS)}`,
    }),
    collectionGround: Type.Optional(
      Type.Enum(Object.keys(COLLECTION_GROUNDS) as (keyof typeof COLLECTION_GROUNDS)[], {
        description: `Required with on_the_spot: why it was collected there (当场收缴的情形): ${describe(COLLECTION_GROUNDS)}`,
      }),
    ),
    receiptNumber: Type.Optional(
      Text(50, 'Required with on_the_spot: the number of the official receipt (罚款专用票据, APL art. 70)'),
    ),
  },
  { description: 'Payment of the fine (缴纳罚款); only for a decision with a fine' },
);

export const OnTheSpotCreateSchema = StrictObject(
  {
    decidedAt: {
      ...DateTime,
      description:
        'When the decision was made and handed over (作出并当场交付的时间); its China date numbers it',
    },
    place: Text(300, 'Where (地点)'),
    officerIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      description: `The officers (执法人员) who decided and showed their certificates: at least ${MIN_ON_THE_SPOT_OFFICERS}, each certified on the date (APL arts. 42, 52)`,
    }),
    party: PartyInputRef,
    facts: Text(4000, 'The violation (违法事实)'),
    legalBasis: Text(
      1000,
      'The provisions applied (处罚依据), e.g. 《中华人民共和国食品安全法》第一百二十六条',
    ),
    powerItemId: {
      ...Uuid,
      description: 'The penalty item (行政处罚事项) of the power list, in force on the date',
    },
    penalties: Type.Array(PenaltyRef, {
      minItems: 1,
      maxItems: 2,
      description:
        'A warning (警告) and/or a fine (罚款) of at most CNY 200 for a natural person or individual business, CNY 3,000 ' +
        'for an organisation (APL art. 51); anything more answers 422 ON_THE_SPOT_LIMIT_EXCEEDED',
    }),
    payment: Type.Optional(PaymentInputSchema),
  },
  {
    $id: 'OnTheSpotPenaltyCreate',
    description: 'An on-the-spot penalty decision (当场行政处罚决定) to record',
  },
);
export type OnTheSpotCreate = Static<typeof OnTheSpotCreateSchema>;

export const OnTheSpotFilingSchema = StrictObject(
  {
    filedOn: { ...IsoDate, description: 'The day the decision was filed with the bureau (备案日期)' },
    note: Type.Optional(Text(1000, 'Remarks (备注)')),
  },
  { $id: 'OnTheSpotFiling', description: 'The filing (备案) of an on-the-spot decision with the bureau' },
);
export type OnTheSpotFiling = Static<typeof OnTheSpotFilingSchema>;

const ReviewProblemCodeSchema = Type.Enum(
  Object.keys(REVIEW_PROBLEM_CODES) as (keyof typeof REVIEW_PROBLEM_CODES)[],
  { description: `Problem found (问题类型): ${describe(REVIEW_PROBLEM_CODES)}` },
);

export const OnTheSpotReviewCreateSchema = StrictObject(
  {
    reviewedOn: { ...IsoDate, description: 'Date of the review (审查日期)' },
    reviewerId: { ...Uuid, description: 'The reviewer (审查人): an officer who did not make the decision' },
    problems: Type.Array(
      StrictObject({
        code: ReviewProblemCodeSchema,
        note: Type.Optional(Text(1000, 'What exactly is wrong; required for other')),
      }),
      { maxItems: 20, description: 'The problems found (发现问题); empty when the form is in order' },
    ),
  },
  { $id: 'OnTheSpotReviewCreate', description: 'A form review (文书审查) of an on-the-spot decision' },
);
export type OnTheSpotReviewCreate = Static<typeof OnTheSpotReviewCreateSchema>;

export const OnTheSpotReviewSchema = Type.Object(
  {
    id: Uuid,
    penaltyId: Uuid,
    reviewedOn: IsoDate,
    reviewerId: Uuid,
    problems: Type.Array(
      Type.Object({ code: ReviewProblemCodeSchema, note: Type.Union([Type.String(), Type.Null()]) }),
    ),
    recordedBy: Type.String(),
    createdAt: DateTime,
  },
  { $id: 'OnTheSpotReview', description: 'A form review (文书审查) and the problems it found' },
);
export type OnTheSpotReviewView = Static<typeof OnTheSpotReviewSchema>;

const RuleRef = Type.Object({ code: Type.String(), citation: Type.String(), description: Type.String() });

export const FilingClockSchema = Type.Object(
  {
    rule: RuleRef,
    start: { ...IsoDate, description: 'The decision date; day one is the next day' },
    days: Type.Integer({
      description: 'Working days, the setting on_the_spot.filing_working_days on the decision date',
    }),
    unit: Type.Literal('working'),
    dueDate: IsoDate,
    state: Type.Enum(['running', 'overdue', 'completed', 'completed_late']),
    daysLeft: Type.Union([Type.Integer(), Type.Null()]),
    overdue: Type.Boolean(),
    provisional: Type.Boolean({
      description: 'The period reaches a year whose holiday notice is not loaded',
    }),
    calendarVersion: Type.Integer(),
  },
  { $id: 'OnTheSpotFilingClock', description: 'The filing clock (备案期限), APL art. 52' },
);

export const OnTheSpotPenaltySchema = Type.Object(
  {
    id: Uuid,
    decisionNumber: Type.String({ description: 'The decision number (当场行政处罚决定书文号), gap-free' }),
    decidedAt: DateTime,
    decidedOn: IsoDate,
    place: Type.String(),
    officers: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
    party: Type.Object({
      kind: Type.String(),
      name: Type.String(),
      residentId: Type.Union([Type.String({ description: 'masked' }), Type.Null()]),
      creditCode: Type.Union([Type.String(), Type.Null()]),
      legalRepresentative: Type.Union([Type.String(), Type.Null()]),
      address: Type.Union([Type.String(), Type.Null()]),
      phone: Type.Union([Type.String({ description: 'masked' }), Type.Null()]),
    }),
    facts: Type.String(),
    legalBasis: Type.String(),
    powerItem: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
    penalties: Type.Array(PenaltyRef, { description: 'As decided on the spot' }),
    decisionStatus: Type.Unsafe<
      'in_force' | 'varied' | 'partially_revoked' | 'revoked' | 'confirmed_illegal' | 'void'
    >({
      $ref: 'DecisionStatus',
    }),
    penaltiesInForce: Type.Union([Type.Array(PenaltyRef), Type.Null()], {
      description:
        'The penalties in force after a reconsideration or judgment varied or partly revoked them; null: as decided',
    }),
    fine: Type.Union([Type.Number(), Type.Null()], {
      description: 'The fine (CNY), null for a warning only',
    }),
    payment: Type.Union([
      Type.Object({
        method: Type.String(),
        collectionGround: Type.Union([Type.String(), Type.Null()]),
        receiptNumber: Type.Union([Type.String(), Type.Null()]),
        dueDate: Type.Union([IsoDate, Type.Null()], {
          description: 'For payment later: 15 days from the decision handed over on the spot (APL art. 67)',
        }),
      }),
      Type.Null(),
    ]),
    remedies: Type.Object(
      {
        reconsiderationFirst: Type.Literal(true, {
          description: '复议前置: reconsideration before any lawsuit',
        }),
        rule: Type.String(),
        notice: Type.String({ description: 'The remedies statement as printed on the decision' }),
      },
      { description: 'Remedies (救济途径): ARL art. 23 makes reconsideration come first' },
    ),
    filing: Type.Object({
      filedOn: Type.Union([IsoDate, Type.Null()]),
      recordedBy: Type.Union([Type.String(), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
      clock: Type.Unsafe<Static<typeof FilingClockSchema>>({ $ref: 'OnTheSpotFilingClock' }),
    }),
    publishable: Type.Literal(false, { description: 'Never published (不予公示)' }),
    publicationExclusion: Type.Object({ rule: Type.String(), reason: Type.String() }),
    reviews: Type.Array(Type.Unsafe<OnTheSpotReviewView>({ $ref: 'OnTheSpotReview' })),
    recordedBy: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'OnTheSpotPenalty', description: 'An on-the-spot penalty decision (当场行政处罚决定, 简易程序)' },
);
export type OnTheSpotView = Static<typeof OnTheSpotPenaltySchema>;

export const OnTheSpotPageSchema = Page(
  Type.Unsafe<OnTheSpotView>({ $ref: 'OnTheSpotPenalty' }),
  'OnTheSpotPenaltyPage',
);

export const OnTheSpotParams = StrictObject({ penaltyId: Uuid });

export const OnTheSpotListQuery = StrictObject({
  ...PageQuery,
  officerId: Type.Optional({ ...Uuid, description: 'An officer who made the decision' }),
  party: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description:
        'The party (当事人): a unified social credit code matches exactly; anything else is a substring of the name',
    }),
  ),
  decidedFrom: Type.Optional({ ...IsoDate, description: 'Decided on or after this date' }),
  decidedTo: Type.Optional({ ...IsoDate, description: 'Decided on or before this date' }),
  filed: Type.Optional(Type.Boolean({ description: 'true: filed with the bureau (已备案); false: not yet' })),
  overdue: Type.Optional(
    Type.Boolean({
      description:
        'true: not filed and past the filing due date today (state overdue); false: not overdue. A filing made late ' +
        'counts as filed, not overdue (see filed and the clock state completed_late)',
    }),
  ),
  reviewed: Type.Optional(
    Type.Boolean({ description: 'true: at least one form review (文书审查); false: none' }),
  ),
});
export type OnTheSpotListQuery = Static<typeof OnTheSpotListQuery>;

export const OnTheSpotStatsQuery = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'A calendar year' })),
  from: Type.Optional({ ...IsoDate, description: 'With to: decisions made on or after this date' }),
  to: Type.Optional({ ...IsoDate, description: 'With from: decisions made on or before this date' }),
});
export type OnTheSpotStatsQuery = Static<typeof OnTheSpotStatsQuery>;

export const OnTheSpotStatsSchema = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    decisions: Type.Integer({ description: 'Decisions made in the period (当场处罚决定数)' }),
    warnings: Type.Integer({ description: 'Decisions with a warning' }),
    fines: Type.Integer({ description: 'Decisions with a fine' }),
    fineTotal: Type.Number({ description: 'CNY' }),
    collectedOnTheSpot: Type.Integer({ description: 'Fines collected on the spot (当场收缴)' }),
    filing: Type.Object(
      {
        onTime: Type.Integer(),
        late: Type.Integer({ description: 'Filed after the due date (逾期备案)' }),
        pending: Type.Integer({ description: 'Not filed, still in time' }),
        overdue: Type.Integer({ description: 'Not filed and past the due date today' }),
      },
      { description: 'Filing with the bureau (备案), as of today' },
    ),
    review: Type.Object(
      {
        reviewedDecisions: Type.Integer({
          description: 'Decisions of the period with at least one review (审查件数)',
        }),
        reviews: Type.Integer(),
        problemsFound: Type.Integer({ description: 'Problems found by those reviews (发现问题数)' }),
        decisionsWithProblems: Type.Integer(),
        byCode: Type.Array(
          Type.Object({ code: ReviewProblemCodeSchema, name: Type.String(), count: Type.Integer() }),
        ),
      },
      { description: 'Form reviews (文书审查) of the period’s decisions, whenever they were made' },
    ),
  },
  { $id: 'OnTheSpotStats', description: 'On-the-spot penalty figures (当场处罚统计) for a period' },
);
export type OnTheSpotStats = Static<typeof OnTheSpotStatsSchema>;

export const onTheSpotSchemas = [
  OnTheSpotCreateSchema,
  OnTheSpotFilingSchema,
  OnTheSpotReviewCreateSchema,
  OnTheSpotReviewSchema,
  FilingClockSchema,
  OnTheSpotPenaltySchema,
  OnTheSpotPageSchema,
  OnTheSpotStatsSchema,
];

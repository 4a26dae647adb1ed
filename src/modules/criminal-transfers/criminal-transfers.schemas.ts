/**
 * Criminal transfers (行刑衔接, RULES.md §3) and their steps: decide (审批), send (移送), receipt (回执),
 * police-decision (立案 / 不予立案), request-review (提请复议), review-result (复议结果), hand-over
 * (移交涉案物品), return (退回); joint cases with the police (联合查处) and the year's figures.
 */
import { type Static, type TSchema, Type } from 'typebox';
import {
  POLICE_DECISIONS,
  TRANSFER_STATUS_CODES,
  TRANSFER_STATUSES,
} from '../../domain/criminal-transfer/transfer-guards';
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

export const TransferStatusSchema = Type.Enum([...TRANSFER_STATUS_CODES], {
  $id: 'CriminalTransferStatus',
  description: `Status of a criminal transfer (行刑衔接): ${describe(TRANSFER_STATUSES)}`,
});
const StatusRef = Type.Unsafe<Static<typeof TransferStatusSchema>>({ $ref: 'CriminalTransferStatus' });

export const TransferCreateSchema = StrictObject(
  {
    caseId: { ...Uuid, description: 'The lead (线索) or case (案件) to transfer: any stage before closure' },
    reportedOn: On(
      'Date of the transfer report (移送报告): the head’s 3-day period counts from it (TR art. 5)',
    ),
    teamOfficerIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description:
        'The officers reporting (专案组): at least two with certificates valid on reportedOn (TR art. 5; APL art. 42)',
    }),
    suspectedOffence: Text(200, 'The suspected offence (涉嫌罪名), e.g. 生产、销售有毒、有害食品罪'),
    facts: Text(8000, 'The facts and evidence supporting the suspicion (涉嫌犯罪的事实和证据)'),
    seizedItems: Type.Optional(
      Text(4000, 'Seized items (涉案物品清单) to hand over within 3 days of the police filing (TR art. 12)'),
    ),
  },
  { $id: 'CriminalTransferCreate', description: 'A transfer report (移送报告) on a lead or case' },
);
export type TransferCreate = Static<typeof TransferCreateSchema>;

export const TransferClockSchema = Type.Object(
  {
    name: Type.Enum(['decision', 'transfer', 'review_request', 'handover'], {
      description:
        'decision 审批 (3 d, TR art. 5); transfer 移送 (24 h, TR art. 6); review_request 提请复议 (3 d, TR art. 9); ' +
        'handover 移交涉案物品 (3 d, TR art. 12)',
    }),
    rule: Type.Object({ code: Type.String(), citation: Type.String(), description: Type.String() }),
    unit: Type.Enum(['calendar', 'hours'], {
      description: 'calendar days, or hours from the approval instant',
    }),
    length: Type.Integer({ description: 'Days, or hours' }),
    start: Type.String({ description: 'The triggering date, or instant for the hours clock' }),
    due: Nullable(Type.String(), 'The last day (calendar), or the instant (hours)'),
    left: Nullable(
      Type.Number(),
      'Days (calendar) or hours to the minute left; negative when overdue; null once completed or lapsed',
    ),
    state: Type.Enum(['running', 'overdue', 'completed', 'completed_late', 'lapsed'], {
      description: 'lapsed: an optional period (the review request) that passed unused',
    }),
    overdue: Type.Boolean(),
    provisional: Type.Boolean(),
  },
  { $id: 'CriminalTransferClock', description: 'A clock of the transfer, with its rule' },
);

export const TransferSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    fromLead: Type.Boolean({ description: 'Reported on a lead (线索) rather than a filed case (案件)' }),
    status: StatusRef,
    pending: Type.Boolean({
      description: 'Under way: the case may not be decided with a fine meanwhile (以罚代刑, TR art. 11)',
    }),
    report: Type.Object({
      on: IsoDate,
      teamOfficerIds: Type.Array(Uuid),
      suspectedOffence: Type.String(),
      facts: Type.String(),
      seizedItems: Nullable(Type.String()),
    }),
    decision: Nullable(
      Type.Object({
        result: Type.Enum(['approved', 'refused']),
        approverId: Uuid,
        decidedAt: DateTime,
        opinion: Nullable(Type.String()),
      }),
      'The head’s decision (审批)',
    ),
    transfer: Nullable(
      Type.Object({
        transferredAt: DateTime,
        policeAgency: Type.String(),
        documentNumber: Type.String({ description: '涉嫌犯罪案件移送书 number' }),
      }),
      'The transfer (移送)',
    ),
    police: Type.Object({
      receivedOn: Nullable(IsoDate, 'Receipt (回执)'),
      receiptRef: Nullable(Type.String()),
      decision: Nullable(Type.Enum(['filed', 'not_filed']), describe(POLICE_DECISIONS)),
      decidedOn: Nullable(IsoDate),
      notifiedOn: Nullable(IsoDate, 'When the bureau received the police’s notice'),
      letterRef: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      filedOn: Nullable(IsoDate, 'The police filing (立案), by decision or after review'),
    }),
    review: Nullable(
      Type.Object({
        requestedOn: IsoDate,
        reason: Type.String(),
        result: Nullable(Type.Enum(['filed', 'upheld'])),
        resultOn: Nullable(IsoDate),
        letterRef: Nullable(Type.String()),
      }),
      'The review request (提请复议) and its result',
    ),
    handover: Nullable(
      Type.Object({ on: IsoDate, note: Nullable(Type.String()) }),
      'Hand-over of seized items (移交涉案物品)',
    ),
    return: Nullable(
      Type.Object({
        on: IsoDate,
        letterRef: Type.String(),
        reason: Type.String(),
        outcome: Type.Enum(['case_continues', 'new_lead'], {
          description:
            'case_continues: the open case goes on; new_lead: re-entered as a lead (source referral)',
        }),
        newLeadId: Nullable(Uuid),
      }),
      'The police sent the matter back (退回)',
    ),
    clocks: Type.Array(Type.Unsafe<Static<typeof TransferClockSchema>>({ $ref: 'CriminalTransferClock' })),
    overdue: Type.Boolean({ description: 'Some clock is overdue today' }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  {
    $id: 'CriminalTransfer',
    description: 'A criminal transfer (行刑衔接) of a lead or case to public security',
  },
);
export type TransferView = Static<typeof TransferSchema>;

export const TransferPageSchema = Page(
  Type.Unsafe<TransferView>({ $ref: 'CriminalTransfer' }),
  'CriminalTransferPage',
);

export const TransferListQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(
    Type.Array(StatusRef, {
      minItems: 1,
      maxItems: TRANSFER_STATUS_CODES.length,
      description: 'Transfers at any of these statuses (repeat the parameter for several)',
    }),
  ),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'Reported in this year' })),
  caseId: Type.Optional({ ...Uuid, description: 'Transfers of this lead or case' }),
  overdue: Type.Optional(
    Type.Boolean({ description: 'true: some clock is overdue today; false: none is (computed on read)' }),
  ),
});
export type TransferListQuery = Static<typeof TransferListQuery>;

export const TransferParams = StrictObject({ transferId: Uuid });

const Approver = { ...Uuid, description: 'The bureau head deciding (must hold bureau_head)' };
const LetterRef = (description: string) => Text(100, description);

export const TRANSFER_STEP_BODIES = {
  decide: StrictObject({
    decidedAt: { ...DateTime, description: 'When the head decided: within 3 days of the report (TR art. 5)' },
    approverId: Approver,
    result: Type.Enum(['approved', 'refused'], {
      description: 'approved 批准移送 (the 24-hour transfer clock starts); refused 不批准移送',
    }),
    opinion: Type.Optional(Text(2000, 'The head’s opinion (审批意见)')),
  }),
  send: StrictObject({
    transferredAt: {
      ...DateTime,
      description: 'When the case was handed to the police: within 24 hours of the approval (TR art. 6)',
    },
    policeAgency: Text(200, 'The public security organ receiving it (同级公安机关)'),
  }),
  receipt: StrictObject({
    on: On('Date of the police’s receipt (回执)'),
    receiptRef: Type.Optional(LetterRef('The receipt’s number')),
  }),
  'police-decision': StrictObject({
    on: On('Date of the police’s decision (立案 / 不予立案)'),
    notifiedOn: Type.Optional(
      On('When the bureau received the notice (default: on); the review period counts from it (TR art. 9)'),
    ),
    result: Type.Enum(['filed', 'not_filed'], { description: describe(POLICE_DECISIONS) }),
    letterRef: LetterRef('The police’s notice (立案通知书 / 不予立案通知书) number'),
    reason: Type.Optional(Text(2000, 'The police’s reasons (for not filing)')),
  }),
  'request-review': StrictObject({
    on: On('Date of the review request (提请复议): within 3 days of receiving the notice (TR art. 9)'),
    reason: Text(4000, 'Why the case should be filed'),
  }),
  'review-result': StrictObject({
    on: On('Date of the review decision (复议决定)'),
    result: Type.Enum(['filed', 'upheld'], {
      description: 'filed 立案 (the hand-over clock starts); upheld 维持不予立案',
    }),
    letterRef: LetterRef('The review decision’s number'),
  }),
  'hand-over': StrictObject({
    on: On('Date the seized items were handed over (移交): within 3 days of the police filing (TR art. 12)'),
    note: Type.Optional(Text(2000, 'The hand-over list (移交清单) and receipt')),
  }),
  return: StrictObject({
    on: On('Date the police sent the matter back (退回)'),
    letterRef: LetterRef('The police’s letter (退回函): the new lead’s source reference'),
    reason: Text(4000, 'Why: not filed, or not criminal after filing (撤销案件)'),
  }),
} as const satisfies Record<string, TSchema>;

export type TransferStep = keyof typeof TRANSFER_STEP_BODIES;
export type TransferStepBody<S extends TransferStep> = Static<(typeof TRANSFER_STEP_BODIES)[S]>;

export const TransferStatsQuery = StrictObject({
  year: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2099, description: 'Default: the current year' }),
  ),
});

export const TransferStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    leadsTransferred: Type.Integer({ description: 'Leads (线索) sent to the police in the year' }),
    casesTransferred: Type.Integer({ description: 'Filed cases (案件) sent to the police in the year' }),
    reported: Type.Integer({ description: 'Transfer reports (移送报告) made in the year' }),
    refused: Type.Integer({ description: 'Of those, refused by the head' }),
    filedByPolice: Type.Integer({ description: 'Filed (立案) by the police in the year, after review too' }),
    notFiled: Type.Integer({ description: 'Not filed (不予立案) by the police in the year' }),
    reviewsRequested: Type.Integer({ description: 'Review requests (提请复议) in the year' }),
    returned: Type.Integer({ description: 'Sent back (退回) by the police in the year' }),
    lateTransfers: Type.Integer({ description: 'Sent more than 24 hours after the approval (TR art. 6)' }),
    jointCases: Type.Integer({
      description: 'Cases investigated jointly with the police (联合查处), by start',
    }),
  },
  { $id: 'CriminalTransferStats', description: 'The year’s criminal-transfer figures (行刑衔接)' },
);

export const JointCaseCreateSchema = StrictObject(
  {
    caseId: { ...Uuid, description: 'The bureau’s case' },
    policeAgency: Text(200, 'The public security organ (公安机关)'),
    startedOn: On('When the joint investigation started'),
    summary: Text(4000, 'What was investigated together (联合查处)'),
  },
  { $id: 'PoliceJointCaseCreate', description: 'A case investigated jointly with the police (联合查处)' },
);
export type JointCaseCreate = Static<typeof JointCaseCreateSchema>;

export const JointCaseSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    policeAgency: Type.String(),
    startedOn: IsoDate,
    summary: Type.String(),
    createdAt: DateTime,
  },
  { $id: 'PoliceJointCase', description: 'A case investigated jointly with the police (联合查处)' },
);
export type JointCaseView = Static<typeof JointCaseSchema>;
export const JointCasePageSchema = Page(
  Type.Unsafe<JointCaseView>({ $ref: 'PoliceJointCase' }),
  'PoliceJointCasePage',
);
export const JointCaseListQuery = StrictObject({
  ...PageQuery,
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'Started in this year' })),
});
export const JointCaseParams = StrictObject({ jointCaseId: Uuid });

export const criminalTransferSchemas = [
  TransferStatusSchema,
  TransferCreateSchema,
  TransferClockSchema,
  TransferSchema,
  TransferPageSchema,
  TransferStatsSchema,
  JointCaseCreateSchema,
  JointCaseSchema,
  JointCasePageSchema,
];

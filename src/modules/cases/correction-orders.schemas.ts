/** Correction orders (责令改正通知书, APL art. 28) of a case, their follow-ups (复查) and spot checks. */
import { type Static, Type } from 'typebox';
import { FOLLOW_UP_RESULTS, type FollowUpResult } from '../../domain/cases/correction-orders';
import { DateTime, IsoDate, Page, PageQuery, StrictObject, Text, Uuid } from '../../http/schemas';
import { SpotCheckRef } from './spot-checks.schemas';

const results = Object.entries(FOLLOW_UP_RESULTS)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
const ResultSchema = Type.Enum(Object.keys(FOLLOW_UP_RESULTS) as FollowUpResult[], {
  description: `Result of the follow-up check (复查结果): ${results}`,
});

export const CorrectionOrderCreateSchema = StrictObject(
  {
    issuedOn: { ...IsoDate, description: 'Date issued (责令改正通知书送达日期): not before the lead' },
    requirements: Text(4000, 'What the party must correct, and how (改正内容)'),
    deadline: { ...IsoDate, description: 'Correct by this date (改正期限): not before issuedOn' },
    legalBasis: Text(1000, 'The legal basis (法律依据), e.g. 《中华人民共和国行政处罚法》第二十八条'),
  },
  { $id: 'CorrectionOrderCreate', description: 'A correction order (责令改正通知书) to issue' },
);
export type CorrectionOrderCreate = Static<typeof CorrectionOrderCreateSchema>;

export const FollowUpCreateSchema = StrictObject(
  {
    checkedOn: { ...IsoDate, description: 'Date of the follow-up check (复查日期)' },
    result: ResultSchema,
    note: Type.Optional(Text(4000, 'What was found')),
  },
  { $id: 'CorrectionFollowUpCreate', description: 'A follow-up check (复查) of a correction order' },
);
export type FollowUpCreate = Static<typeof FollowUpCreateSchema>;

export const CorrectionOrderSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    documentNumber: Type.String({ description: 'The order’s number (文号)' }),
    issuedOn: IsoDate,
    requirements: Type.String(),
    deadline: IsoDate,
    legalBasis: Type.String(),
    followUps: Type.Array(
      Type.Object({
        checkedOn: IsoDate,
        result: ResultSchema,
        note: Type.Union([Type.String(), Type.Null()]),
        recordedBy: Type.String(),
        recordedAt: DateTime,
      }),
    ),
    clock: Type.Object(
      {
        rule: Type.Object({ citation: Type.String(), description: Type.String() }),
        start: IsoDate,
        due: IsoDate,
        left: Type.Union([Type.Integer(), Type.Null()], {
          description: 'Calendar days to the deadline; negative once past; null once followed up',
        }),
        state: Type.Enum(['running', 'awaiting_follow_up', 'followed_up'], {
          description:
            'running: before the deadline; awaiting_follow_up: past it without a follow-up (overdue); followed_up: ' +
            'checked on or after the deadline, or found corrected',
        }),
        overdue: Type.Boolean(),
      },
      { description: 'The clock to the correction deadline and its follow-up' },
    ),
    spotChecks: Type.Array(SpotCheckRef),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'CorrectionOrder', description: 'A correction order (责令改正通知书)' },
);
export type CorrectionOrderView = Static<typeof CorrectionOrderSchema>;
const OrderRef = Type.Unsafe<CorrectionOrderView>({ $ref: 'CorrectionOrder' });

export const CaseCorrectionOrderListSchema = Type.Object(
  { caseId: Uuid, items: Type.Array(OrderRef) },
  { $id: 'CaseCorrectionOrderList', description: 'The correction orders of a case, in the order issued' },
);
export const CorrectionOrderPageSchema = Page(OrderRef, 'CorrectionOrderPage');

export const CorrectionOrderListQuery = StrictObject({
  ...PageQuery,
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'Issued in this year' })),
  overdue: Type.Optional(
    Type.Boolean({
      description:
        'true: past the deadline today with no follow-up (复查) on or after it and none found it corrected',
    }),
  ),
});
export type CorrectionOrderListQuery = Static<typeof CorrectionOrderListQuery>;

export const CorrectionOrderParams = StrictObject({ caseId: Uuid, correctionOrderId: Uuid });

export const correctionOrderSchemas = [
  CorrectionOrderCreateSchema,
  FollowUpCreateSchema,
  CorrectionOrderSchema,
  CaseCorrectionOrderListSchema,
  CorrectionOrderPageSchema,
];

/**
 * Request bodies of the after-decision actions (送达, 履行, 强制执行, 备案, 结案, 归档) and what the case
 * shows of them: `performance` (履行情况, amounts in CNY) and `afterDecision`. cases.schemas.ts adds the
 * bodies to ACTION_BODIES; the routes are the same named-action routes as every other case step.
 */
import { type Static, type TSchema, Type } from 'typebox';
import {
  ARCHIVE_RETENTION,
  CLOSURE_REASONS,
  COURT_ENFORCEMENT_RESULTS,
  FREEZE_REASONS,
  SCHEDULE_KINDS,
  SERVICE_METHODS,
} from '../../domain/cases/after-decision';
import { describe, IsoDate, On, ref, StrictObject, Text, Uuid } from '../../http/schemas';

const choice = <T extends Record<string, string>>(entries: T, what: string) =>
  Type.Enum(Object.keys(entries) as (keyof T & string)[], { description: `${what}: ${describe(entries)}` });
const Approver = { ...Uuid, description: 'The officer who approved (must hold bureau_head)' };
/** CNY with at most two decimals (checked in the service: fractions of a fen are refused with a 400). */
const Cny = (description: string) =>
  Type.Number({
    exclusiveMinimum: 0,
    maximum: 10_000_000_000,
    description: `${description}, CNY (at most 2 decimals)`,
  });

export const AFTER_DECISION_BODIES = {
  'serve-decision': StrictObject({
    on: On(
      'Date of service (送达日期): for post, the date on the return receipt; for public notice, its publication',
    ),
    method: choice(SERVICE_METHODS, 'How it was served (送达方式, APL art. 61)'),
    recipient: Text(200, 'Who received it (受送达人 or the person signing for the party)'),
    receiptRef: Type.Optional(
      Text(100, 'The return receipt (送达回证 / 邮寄回执) or electronic delivery record'),
    ),
    partyPresentAtAnnouncement: Type.Boolean({
      description:
        'The party was present when the decision was announced (宣告) and received it on the spot; false: the 7-WD ' +
        'service clock (APL art. 61) runs from the decision',
    }),
    consent: Type.Optional(
      StrictObject(
        {
          reference: Text(200, 'The party’s signed consent (电子送达确认书)'),
          on: On('Date the party consented'),
        },
        { description: 'Required for electronic service (APL art. 61(2))' },
      ),
    ),
  }),
  'approve-payment-schedule': StrictObject({
    on: On('Approval date (批准日期)'),
    approverId: Approver,
    kind: choice(SCHEDULE_KINDS, 'Deferral or instalments (APL art. 66)'),
    schedule: Type.Array(StrictObject({ dueOn: On('Due date'), amount: Cny('Amount due on that date') }), {
      minItems: 1,
      maxItems: 36,
      description: 'Due dates in increasing order, adding up to the fine; a deferral has one',
    }),
    reason: Text(2000, 'The party’s economic hardship (确有经济困难) and the application'),
  }),
  'record-payment': StrictObject({
    on: On('Date paid (缴款日期)'),
    amount: Cny('Amount paid: settles the fine first, then the late surcharge'),
    bankReference: Text(100, 'The bank’s or payment system’s receipt number (缴款凭证号)'),
  }),
  'freeze-surcharge': StrictObject({
    on: On('From this day the late surcharge does not accrue'),
    reason: choice(FREEZE_REASONS, 'Pending (APL art. 73(3))'),
    reference: Text(200, 'The application or complaint (复议申请 / 起诉状) reference'),
  }),
  'unfreeze-surcharge': StrictObject({
    on: On('The review ended on (still not counted); the surcharge accrues again from the next day'),
    reason: choice(FREEZE_REASONS, 'Which review ended'),
    reference: Text(200, 'The decision or judgment (复议决定书 / 判决书) reference'),
  }),
  'serve-demand': StrictObject({
    on: On('Date the written demand (催告书) was served, after the due date passed (ACL art. 54)'),
  }),
  'apply-court-enforcement': StrictObject({
    on: On('Date of the application (申请人民法院强制执行)'),
    court: Text(200, 'The people’s court applied to'),
    reference: Text(100, 'The application’s reference'),
  }),
  'record-court-enforcement': StrictObject({
    on: On('Date of the court’s ruling or the end of enforcement'),
    result: choice(COURT_ENFORCEMENT_RESULTS, 'The result'),
    detail: Type.Optional(Text(2000)),
  }),
  'file-for-record': StrictObject({
    on: On('Date filed for the record (备案日期)'),
    receivingBody: Text(200, 'The body receiving the filing (备案机关)'),
    reference: Text(100, 'The filing’s reference'),
  }),
  close: StrictObject({
    on: On('Closure date (结案日期)'),
    approverId: Approver,
    reason: choice(CLOSURE_REASONS, 'Why the case is closed (结案理由)'),
    detail: Text(4000, 'The closure report (结案报告) in short'),
  }),
  archive: StrictObject({
    on: On('Date archived (归档日期)'),
    retention: choice(ARCHIVE_RETENTION, 'Retention period (保管期限)'),
    volumes: Type.Integer({ minimum: 1, maximum: 100, description: 'Volumes in the file (卷数)' }),
    location: Type.Optional(Text(200, 'Where the paper file is kept')),
  }),
} as const satisfies Record<string, TSchema>;

/** What each after-decision action records, for the OpenAPI description. */
export const AFTER_DECISION_TERMS: Record<keyof typeof AFTER_DECISION_BODIES, string> = {
  'serve-decision':
    '送达 (APL art. 61): once, after the decision; electronic service only with the party’s consent; numbered as a 送达回证',
  'approve-payment-schedule':
    '延期或者分期缴纳罚款 (APL art. 66): approved by the bureau head, adding up to the fine',
  'record-payment':
    '缴纳罚款 (APL art. 67): partial payments allowed; never more than the fine and surcharge owed',
  'freeze-surcharge': '暂停加处罚款 (APL art. 73(3)): a reconsideration or lawsuit is pending',
  'unfreeze-surcharge': '恢复加处罚款: the reconsideration or lawsuit ended',
  'serve-demand': '催告书 (ACL art. 54): after the due date passed without payment; numbered',
  'apply-court-enforcement':
    '申请人民法院强制执行 (ACL arts. 53–54): after the period to sue ended, 10 WD after a demand, within 3 months',
  'record-court-enforcement': '法院强制执行结果',
  'file-for-record': '重大行政处罚备案 (local rules; criteria and period are rule settings)',
  close:
    '结案 (PPR): bureau head’s approval; refused while a fine is unpaid and the court not asked, or a criminal transfer is pending; numbered as a 结案审批表',
  archive: '归档: the archive number (档案号) is allocated gap-free; the case becomes read-only',
};

const Amount = (description: string) => Type.Number({ description: `${description}, CNY` });

export const PerformanceSchema = Type.Object(
  {
    fine: Amount('The fines decided (罚款)'),
    paid: Amount('Paid so far'),
    unpaidFine: Amount('Fine not yet paid'),
    outstanding: Amount('Fine and late surcharge not yet paid'),
    dueOn: Type.Union([IsoDate, Type.Null()], {
      description: '15 days after service (APL art. 67), or the last approved date; null before service',
    }),
    nextDueOn: Type.Union([IsoDate, Type.Null()], { description: 'The earliest instalment not fully paid' }),
    schedule: Type.Union([
      Type.Object({
        kind: Type.Enum(['single', 'deferral', 'instalments']),
        instalments: Type.Array(Type.Object({ dueOn: IsoDate, amount: Amount('Due') })),
      }),
      Type.Null(),
    ]),
    surcharge: Type.Union(
      [
        Type.Object({
          amount: Amount('Late surcharge (加处罚款) as of today, capped at the fine'),
          uncapped: Amount('Before the cap'),
          capped: Type.Boolean(),
          lateDays: Type.Integer(),
          frozenDays: Type.Integer({
            description: 'Late days not counted: a reconsideration or lawsuit was pending',
          }),
          segments: Type.Array(
            Type.Object({
              from: IsoDate,
              to: IsoDate,
              days: Type.Integer(),
              base: Amount('Unpaid fine on those days'),
              amount: Amount('3 % of the base per day'),
            }),
          ),
        }),
        Type.Null(),
      ],
      { description: 'APL art. 72: 3 % of the unpaid fine per day late, never more than the fine' },
    ),
    frozen: Type.Array(
      Type.Object({
        from: IsoDate,
        to: Type.Union([IsoDate, Type.Null()]),
        reason: Type.String(),
        reference: Type.String(),
      }),
      { description: 'Periods the surcharge does not accrue (APL art. 73(3))' },
    ),
    payments: Type.Array(Type.Object({ on: IsoDate, amount: Amount('Paid'), bankReference: Type.String() })),
    status: Type.Enum(
      ['not_served', 'due', 'overdue', 'frozen', 'paid', 'enforcement_applied', 'performed'],
      {
        description:
          'not_served; due (within the period); overdue (the surcharge accrues); frozen; paid (fine and surcharge); ' +
          'enforcement_applied (the court was asked); performed (no fine: performed on service)',
      },
    ),
    completedOn: Type.Union([IsoDate, Type.Null()], {
      description: 'When the decision counted as performed',
    }),
  },
  { $id: 'CasePerformance', description: 'Performance of the penalty decision (履行情况), computed on read' },
);
export type PerformanceView = Static<typeof PerformanceSchema>;

const Numbered = { documentNumber: Type.Union([Type.String(), Type.Null()]) };

export const AfterDecisionSchema = Type.Object(
  {
    service: Type.Union([
      Type.Object({
        on: IsoDate,
        effectiveOn: { ...IsoDate, description: 'Public notice: 30 days after publication (CPL art. 95)' },
        method: Type.String(),
        recipient: Type.Union([Type.String(), Type.Null()]),
        partyPresentAtAnnouncement: Type.Boolean(),
        ...Numbered,
      }),
      Type.Null(),
    ]),
    demand: Type.Union([Type.Object({ on: IsoDate, ...Numbered }), Type.Null()], {
      description: 'The latest written demand (催告书)',
    }),
    courtEnforcement: Type.Union([
      Type.Object({
        appliedOn: IsoDate,
        court: Type.String(),
        result: Type.Union([Type.String(), Type.Null()]),
        recordedOn: Type.Union([IsoDate, Type.Null()]),
      }),
      Type.Null(),
    ]),
    majorCaseFiling: Type.Object({
      required: Type.Boolean({ description: 'The decision meets major_case_filing.criteria' }),
      filedOn: Type.Union([IsoDate, Type.Null()]),
    }),
    closure: Type.Union([Type.Object({ on: IsoDate, reason: Type.String(), ...Numbered }), Type.Null()]),
    archive: Type.Union([Type.Object({ on: IsoDate, archiveNumber: Type.String() }), Type.Null()]),
  },
  { $id: 'CaseAfterDecision', description: 'Service, enforcement, filing for record, closure and archive' },
);
export type AfterDecisionView = Static<typeof AfterDecisionSchema>;

export const PerformanceRef = Type.Union([ref(PerformanceSchema), Type.Null()]);
export const AfterDecisionRef = Type.Union([ref(AfterDecisionSchema), Type.Null()]);

export const afterDecisionSchemas = [PerformanceSchema, AfterDecisionSchema];

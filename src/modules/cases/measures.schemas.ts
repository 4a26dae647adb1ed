/**
 * Measures on property (查封、扣押, ACL arts. 18–19, 25; 先行登记保存, APL art. 56) and their steps:
 * approve (批准 / 补办批准), extend (延长), release (解除), handle (处理决定).
 */
import { type Static, type TSchema, Type } from 'typebox';
import {
  APPROVAL_MODES,
  HANDLING_DECISIONS,
  type HandlingDecision,
  MEASURE_EXTENSION_MAX_DAYS,
  MEASURE_FLAG_CODES,
  MEASURE_FLAGS,
  MEASURE_KINDS,
  type MeasureKind,
  RELEASE_REASONS,
  type ReleaseReason,
} from '../../domain/cases/measures';
import { DateTime, describe, IsoDate, On, PageQuery, StrictObject, Text, Uuid } from '../../http/schemas';
import { ClockSchema } from './cases.schemas';

const MeasureKindSchema = Type.Enum(Object.keys(MEASURE_KINDS) as MeasureKind[], {
  description: `Kind of measure: ${describe(MEASURE_KINDS)}`,
});
const ApprovalModeSchema = Type.Enum(Object.keys(APPROVAL_MODES) as (keyof typeof APPROVAL_MODES)[], {
  description: `How the bureau head approves: ${describe(APPROVAL_MODES)}`,
});
export const MeasureFlagSchema = Type.Enum([...MEASURE_FLAG_CODES], {
  description: `What the record is flagged for (accepted, shown to supervision): ${Object.entries(
    MEASURE_FLAGS,
  )
    .map(([k, v]) => `${k} (${v.rule}): ${v.message}`)
    .join('; ')}`,
});
const Approver = { ...Uuid, description: 'The officer who approved (must hold bureau_head)' };

export const MeasureCreateSchema = StrictObject(
  {
    kind: MeasureKindSchema,
    items: Text(4000, 'The premises, facilities or property concerned, or the evidence preserved (清单)'),
    startedAt: {
      ...DateTime,
      description: 'When the measure was taken (实施时间): the period counts from the next day',
    },
    officerIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'The officers who took it: at least two certified on the day (APL art. 42; ACL art. 18)',
    }),
    avRecorded: Type.Boolean({
      description:
        'Recorded on audio-video throughout (全过程音像记录): mandatory for a seal-up or seizure; false is accepted and flagged NO_AUDIO_VIDEO_RECORD',
    }),
    approval: ApprovalModeSchema,
    approverId: Type.Optional({
      ...Approver,
      description: 'Required with a prior approval; with approvedAt',
    }),
    approvedAt: Type.Optional({
      ...DateTime,
      description: 'When the head approved: not after startedAt for a prior approval; with approverId',
    }),
  },
  { $id: 'CaseMeasureCreate', description: 'A seal-up, seizure or advance preservation to record' },
);
export type MeasureCreate = Static<typeof MeasureCreateSchema>;

export const MeasureSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    kind: MeasureKindSchema,
    items: Type.String(),
    startedAt: DateTime,
    startedOn: { ...IsoDate, description: 'The China date of startedAt' },
    officerIds: Type.Array(Uuid),
    avRecorded: Type.Boolean(),
    documentNumber: Type.Union([Type.String(), Type.Null()], {
      description: 'The numbered decision (实施行政强制措施决定书, ACL art. 24) of a seal-up or seizure',
    }),
    approval: Type.Object({
      mode: ApprovalModeSchema,
      result: Type.Union([Type.Enum(['approved', 'refused']), Type.Null()], {
        description: 'Null while an emergency approval is pending',
      }),
      approverId: Type.Union([Uuid, Type.Null()]),
      decidedAt: Type.Union([DateTime, Type.Null()]),
      opinion: Type.Union([Type.String(), Type.Null()]),
      dueBy: Type.Union([DateTime, Type.Null()], {
        description: 'For an emergency measure: 24 hours after the act (ACL art. 19)',
      }),
    }),
    extension: Type.Union([
      Type.Object({
        days: Type.Integer(),
        approverId: Type.Union([Uuid, Type.Null()]),
        approvedOn: Type.Union([IsoDate, Type.Null()]),
        reason: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    end: Type.Union(
      [
        Type.Object({
          on: IsoDate,
          outcome: Type.String({ description: 'released, or the handling decision of a preservation' }),
          reason: Type.Union([Type.String(), Type.Null()], {
            description: 'Why it was released (ACL art. 28)',
          }),
          note: Type.Union([Type.String(), Type.Null()]),
        }),
        Type.Null(),
      ],
      { description: 'How the measure ended (解除 / 处理决定); null while it is in force' },
    ),
    clock: {
      ...ClockSchema,
      description: 'The measure’s period (30 d +30 d; or 7 WD to decide), computed today',
    },
    flags: Type.Array(MeasureFlagSchema),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  {
    $id: 'CaseMeasure',
    description:
      'A seal-up (查封), seizure (扣押) or advance preservation (先行登记保存), with its clock and flags',
  },
);
export type MeasureView = Static<typeof MeasureSchema>;
const MeasureRef = Type.Unsafe<MeasureView>({ $ref: 'CaseMeasure' });

export const CaseMeasureListSchema = Type.Object(
  { caseId: Uuid, items: Type.Array(MeasureRef) },
  { $id: 'CaseMeasureList', description: 'The measures of a case, in the order taken' },
);

export const MeasurePageSchema = Type.Object(
  {
    items: Type.Array(MeasureRef),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` to get the next page; null on the last page',
    }),
    total: Type.Integer({ description: 'How many measures match the filter (all pages)' }),
  },
  { $id: 'CaseMeasurePage', additionalProperties: false },
);

export const MeasureListQuery = StrictObject({
  ...PageQuery,
  flag: Type.Optional({
    ...MeasureFlagSchema,
    description: 'Only measures carrying this flag, e.g. NO_AUDIO_VIDEO_RECORD',
  }),
  kind: Type.Optional(MeasureKindSchema),
  open: Type.Optional(Type.Boolean({ description: 'true: still in force; false: released or handled' })),
});
export type MeasureListQuery = Static<typeof MeasureListQuery>;

export const MeasureParams = StrictObject({ caseId: Uuid, measureId: Uuid });

export const MEASURE_STEP_BODIES = {
  approve: StrictObject({
    approverId: Approver,
    decidedAt: {
      ...DateTime,
      description: 'When the head decided: after the act, within 24 hours (ACL art. 19)',
    },
    result: Type.Enum(['approved', 'refused'], {
      description: 'approved 批准; refused 不批准: the measure must then be released at once',
    }),
    opinion: Type.Optional(Text(2000, 'The head’s opinion')),
  }),
  extend: StrictObject({
    on: On('Approval date of the extension: on or before the last day of the period'),
    approverId: Approver,
    days: Type.Integer({
      minimum: 1,
      maximum: 366,
      description: `At most ${MEASURE_EXTENSION_MAX_DAYS} (ACL art. 25)`,
    }),
    reason: Text(2000, 'Why (情况复杂)'),
  }),
  release: StrictObject({
    on: On('Release date (解除日期)'),
    reason: Type.Enum(Object.keys(RELEASE_REASONS) as ReleaseReason[], {
      description: `Why (ACL art. 28): ${describe(RELEASE_REASONS)}`,
    }),
    note: Type.Optional(Text(2000, 'Details, e.g. the items returned')),
  }),
  handle: StrictObject({
    on: On('Date of the handling decision (处理决定)'),
    decision: Type.Enum(Object.keys(HANDLING_DECISIONS) as HandlingDecision[], {
      description: `The handling decided (APL art. 56): ${describe(HANDLING_DECISIONS)}`,
    }),
    note: Type.Optional(Text(2000, 'Details')),
  }),
} as const satisfies Record<string, TSchema>;

export type MeasureStep = keyof typeof MEASURE_STEP_BODIES;
export type MeasureStepBody<S extends MeasureStep> = Static<(typeof MEASURE_STEP_BODIES)[S]>;

export const measureSchemas = [MeasureCreateSchema, MeasureSchema, CaseMeasureListSchema, MeasurePageSchema];

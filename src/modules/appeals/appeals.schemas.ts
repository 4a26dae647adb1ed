/**
 * Schemas shared by reconsideration (行政复议) and litigation (行政诉讼): the challenged decision, a clock,
 * and a change a review made to the decision (decision_status_changes).
 */
import { type Static, Type } from 'typebox';
import { DECISION_STATUSES } from '../../domain/appeals/outcomes';
import { DateTime, describe, IsoDate, StrictObject, Uuid } from '../../http/schemas';

export const DecisionStatusSchema = Type.Enum(
  Object.keys(DECISION_STATUSES) as (keyof typeof DECISION_STATUSES)[],
  {
    $id: 'DecisionStatus',
    description: `Status of a decision (行政处罚决定) after review: ${describe(DECISION_STATUSES)}`,
  },
);
export const DecisionStatusRef = Type.Unsafe<Static<typeof DecisionStatusSchema>>({ $ref: 'DecisionStatus' });

export const DecisionRefSchema = StrictObject(
  {
    caseId: Type.Optional({
      ...Uuid,
      description: 'A case whose penalty or no-penalty decision is challenged',
    }),
    onTheSpotPenaltyId: Type.Optional({
      ...Uuid,
      description: 'An on-the-spot penalty decision (当场处罚决定)',
    }),
  },
  {
    $id: 'ChallengedDecisionRef',
    description:
      'The challenged decision (被申请/被诉的行政行为): exactly one of caseId or onTheSpotPenaltyId',
  },
);
export type DecisionRefInput = Static<typeof DecisionRefSchema>;

export const ChallengedDecisionSchema = Type.Object(
  {
    kind: Type.Enum(['case', 'on_the_spot'], {
      description: 'case 案件 (普通程序); on_the_spot 当场处罚 (简易程序)',
    }),
    caseId: Type.Union([Uuid, Type.Null()]),
    onTheSpotPenaltyId: Type.Union([Uuid, Type.Null()]),
    decisionNumber: Type.String({ description: 'The decision’s document number (决定书文号)' }),
  },
  { $id: 'ChallengedDecision', description: 'The decision under review' },
);

export const AppealClockSchema = Type.Object(
  {
    name: Type.Enum(['reply', 'decision', 'defence', 'appeal'], {
      description:
        'reply 书面答复 (10 WD, simple 5 WD, ARL arts. 48, 54); decision 复议决定 (60 d +30, simple 30 d, ARL art. 62); ' +
        'defence 答辩 (15 d, ALL art. 67); appeal 上诉期 (15 d judgment / 10 d ruling, ALL art. 85)',
    }),
    rule: Type.Object({ code: Type.String(), citation: Type.String(), description: Type.String() }),
    start: IsoDate,
    days: Type.Integer(),
    totalDays: Type.Integer({ description: 'days plus an approved extension' }),
    unit: Type.Enum(['working', 'calendar']),
    dueDate: Type.Union([IsoDate, Type.Null()], { description: 'Null while a suspension stops the clock' }),
    state: Type.Enum(['running', 'paused', 'overdue', 'completed', 'completed_late', 'lapsed'], {
      description: 'lapsed: the matter ended (withdrawn, not accepted…) before the act was due',
    }),
    daysLeft: Type.Union([Type.Integer(), Type.Null()], {
      description:
        'In the clock’s unit (0 = due today); negative when overdue; null once completed or lapsed',
    }),
    atRisk: Type.Boolean({ description: 'Running with few days left (临期)' }),
    overdue: Type.Boolean(),
    provisional: Type.Boolean({
      description: 'The due date reaches into a year whose holiday notice is not loaded',
    }),
  },
  { $id: 'AppealClock', description: 'A legal clock of a reconsideration or lawsuit, with its rule' },
);
export const AppealClockRef = Type.Unsafe<Static<typeof AppealClockSchema>>({ $ref: 'AppealClock' });

export const DecisionStatusChangeSchema = Type.Object(
  {
    id: Uuid,
    caseId: Type.Union([Uuid, Type.Null()]),
    onTheSpotPenaltyId: Type.Union([Uuid, Type.Null()]),
    decisionNumber: Type.String(),
    fromStatus: DecisionStatusRef,
    toStatus: DecisionStatusRef,
    penalties: Type.Union(
      [Type.Array(Type.Unsafe<{ type: string; amount?: number }>({ $ref: 'ProposedPenalty' })), Type.Null()],
      { description: 'The penalties in force afterwards ([] when nothing is left); null when unchanged' },
    ),
    reopened: Type.Boolean({ description: 'The case reopened for a new decision (撤销并责令重新作出)' }),
    effectiveOn: IsoDate,
    sourceKind: Type.Enum(['reconsideration', 'litigation']),
    sourceId: Uuid,
    sourceReference: Type.String({ description: 'The 复议决定书 / 判决书 reference' }),
    withdrawalDueOn: Type.Union([IsoDate, Type.Null()], {
      description: 'The publication (行政处罚信息公示) is withdrawn by this day: 3 WD (PDR art. 11)',
    }),
    withdrawnAt: Type.Union([DateTime, Type.Null()], {
      description: 'When the publicity module withdrew it',
    }),
  },
  {
    $id: 'DecisionStatusChange',
    description: 'What a reconsideration decision or an effective judgment did to the bureau’s decision',
  },
);
export const DecisionStatusChangeRef = Type.Unsafe<Static<typeof DecisionStatusChangeSchema>>({
  $ref: 'DecisionStatusChange',
});

export const appealSchemas = [
  DecisionStatusSchema,
  DecisionRefSchema,
  ChallengedDecisionSchema,
  AppealClockSchema,
  DecisionStatusChangeSchema,
];

/**
 * The enforcement case (行政处罚案件) as the rules see it: a plain snapshot of the facts the guards
 * and clocks need, built by the service from the database. No I/O here.
 */
import type { IsoDate } from '../calendar/dates';
import type { Pause } from '../calendar/deadlines';
import type { AfterDecision } from './after-decision';

/**
 * Stages of a general-procedure case (普通程序), RULES.md §1. A lead (线索) becomes a case on
 * filing (立案); declined and transferred end it; a decided or terminated case is closed (结案) and
 * archived (归档), after which its record is read-only.
 */
export const CASE_STAGES = {
  lead: '线索',
  investigation: '调查',
  review: '审核',
  notice: '告知',
  decided: '已决定',
  declined: '不予立案',
  transferred: '已移送',
  terminated: '终止调查',
  /** After the decision is performed (or the case otherwise settled) and the head approved closure. */
  closed: '已结案',
  archived: '已归档',
} as const;
export type CaseStage = keyof typeof CASE_STAGES;
export const CASE_STAGE_CODES = Object.keys(CASE_STAGES) as CaseStage[];
/** Stages where nothing more happens to the case itself: a decided or terminated case goes on to closure. */
export const FINAL_STAGES: readonly CaseStage[] = ['declined', 'transferred', 'closed', 'archived'];

/** Where a lead came from (案件来源), RULES.md §1. */
export const LEAD_SOURCES = {
  inspection: '监督检查',
  complaint: '投诉举报 (12315 / 12345)',
  referral: '其他机关移送',
  assignment: '上级交办',
  random_inspection: '双随机抽查',
  media: '媒体曝光',
} as const;
export type LeadSource = keyof typeof LEAD_SOURCES;

/** Reasons not to file (不予立案), RULES.md §1: PPR art. 20, APL art. 33. */
export const DECLINE_REASONS = {
  minor_corrected_no_harm: '违法行为轻微并及时改正，没有造成危害后果 (APL art. 33(1))',
  first_violation_minor: '初次违法且危害后果轻微并及时改正 (APL art. 33(1))',
  no_fault: '有证据足以证明没有主观过错 (APL art. 33(2))',
  no_violation: '违法事实不能成立',
  no_jurisdiction: '不属于本机关管辖',
  limitation_expired: '超过行政处罚时效 (APL art. 36)',
  other: '其他',
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;

/** Kinds of penalty (行政处罚种类), APL art. 9; detention (行政拘留) is for the police only. */
export const PENALTY_TYPES = {
  warning: '警告',
  circulated_criticism: '通报批评',
  fine: '罚款',
  confiscate_illegal_gains: '没收违法所得',
  confiscate_illegal_property: '没收非法财物',
  lower_qualification: '降低资质等级',
  revoke_licence: '吊销许可证件',
  restrict_business: '限制开展生产经营活动',
  suspend_business: '责令停产停业',
  close_down: '责令关闭',
  restrict_employment: '限制从业',
} as const;
export type PenaltyType = keyof typeof PENALTY_TYPES;

export interface ProposedPenalty {
  type: PenaltyType;
  /** CNY, for fines and confiscations. */
  amount?: number;
  /** Months, for a penalty with a duration (限制开展生产经营活动、限制从业、责令停产停业). */
  months?: number;
}

/** Penalties that run for a time: their duration in months may be given. */
export const TIMED_PENALTIES: readonly PenaltyType[] = [
  'restrict_business',
  'restrict_employment',
  'suspend_business',
];

export type PartyKind = 'natural_person' | 'legal_person' | 'other_organisation' | 'individual_business';

export interface CaseSnapshot {
  stage: CaseStage;
  suspended: boolean;
  receivedOn: IsoDate;
  filedOn: IsoDate | null;
  /** When the violation happened (or ended, if continuing): the limitation runs from it. */
  violationOn: IsoDate | null;
  partyKinds: PartyKind[];
  /** Officers assigned to the case (承办人员). */
  officerIds: string[];
  evidenceCount: number;
  concludedOn: IsoDate | null;
  /** The latest case review (案件审核). */
  caseReview: { result: 'pass' | 'return'; on: IsoDate } | null;
  /** Every legal review (法制审核), oldest first. */
  legalReviews: { result: 'pass' | 'return'; on: IsoDate; proposalVersion: number; recordedSeq: number }[];
  proposal: { version: number; penalties: ProposedPenalty[] } | null;
  notice: { servedOn: IsoDate; windowEndsOn: IsoDate; proposalVersion: number; hearingRight: boolean } | null;
  waivedOn: IsoDate | null;
  /** Statements and defences (陈述申辩) received. */
  statements: { on: IsoDate }[];
  hearing: {
    requestedOn: IsoDate;
    scheduledFor: IsoDate | null;
    noticeServedOn: IsoDate | null;
    chairId: string | null;
    heldOn: IsoDate | null;
    /** Sequence number of the event recording it, so later reviews can be told apart. */
    heldSeq: number | null;
    partyAbsent: boolean;
  } | null;
  collectiveDiscussions: { on: IsoDate; seq: number }[];
  /** Whether the case needs a collective discussion (major or complex). */
  collectiveDiscussionRequired: boolean;
  /** Whether a legal review is required before deciding (setting or catalogue). */
  legalReviewRequired: boolean;
  /** Days added to the 15-WD filing decision period (once, with approval). */
  filingExtensionDays: number;
  /** Approved extensions of the 90-day decision period. */
  decisionExtensions: { days: number; on: IsoDate; withDiscussion: boolean }[];
  /** Periods not counted in the decision clock: suspensions, hearing, testing. */
  pauses: Pause[];
  /** Service, payments, enforcement, closure and archiving (after-decision.ts); absent before the decision. */
  afterDecision?: AfterDecision;
}

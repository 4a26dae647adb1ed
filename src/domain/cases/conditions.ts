/**
 * The conditions a case action can fail, each with the rule it comes from. A refused action answers
 * 422 CASE_RULE_VIOLATION listing these codes; GET /v1/cases/{id}/actions shows them in advance.
 */
export interface ConditionDefinition {
  /** The legal source, e.g. `APL art. 42`. */
  rule: string;
  message: string;
}

function condition(rule: string, message: string): ConditionDefinition {
  return { rule, message };
}

export const CONDITIONS = {
  // Where the case stands
  WRONG_STAGE: condition('PPR', 'The action does not apply at this stage of the case'),
  CASE_SUSPENDED: condition('PPR', 'The case is suspended (中止); resume it first'),
  NOT_SUSPENDED: condition('PPR', 'The case is not suspended'),
  // Filing (立案)
  INSUFFICIENT_CERTIFIED_OFFICERS: condition(
    'APL art. 42',
    'At least two officers holding enforcement certificates valid on the date must handle the case',
  ),
  NO_PARTY: condition('PPR art. 19', 'The case needs at least one party (当事人)'),
  NO_PENALTY_POWER_ITEM: condition(
    'RULES.md §8',
    'The case must cite a penalty item (行政处罚事项) of the power list in force on the date',
  ),
  LIMITATION_EXPIRED: condition(
    'APL art. 36',
    'The violation is outside the limitation period (2 years; 5 years where life, health or financial security was harmed)',
  ),
  LIMITATION_REASON_MISSING: condition('APL art. 36', 'The 5-year limitation needs its reason recorded'),
  VIOLATION_DATE_MISSING: condition(
    'APL art. 36',
    'The date the violation happened (or ended) must be recorded: the limitation period runs from it',
  ),
  APPROVER_NOT_BUREAU_HEAD: condition('PPR art. 18', 'The bureau head (局负责人) must approve this decision'),
  OFFICER_CERTIFICATE_INVALID: condition(
    'APL art. 42',
    'Every assigned officer needs a certificate valid on the date',
  ),
  DATE_BEFORE_PREVIOUS_STEP: condition('PPR', 'The act cannot be dated before the step it follows'),
  DATE_IN_FUTURE: condition('PPR', 'The act cannot be dated in the future'),
  // Investigation (调查)
  NO_EVIDENCE: condition('APL art. 46', 'The investigation-end report needs at least one piece of evidence'),
  // Investigative acts (调查取证), compulsory measures (查封、扣押) and advance preservation (先行登记保存)
  TOO_FEW_CERTIFIED_OFFICERS_ON_SITE: condition(
    'APL arts. 42, 55; ACL art. 18',
    'At least two officers holding enforcement certificates valid on the date must carry out the act',
  ),
  NOT_UNDER_INVESTIGATION: condition(
    'APL art. 54; PPR',
    'Evidence is collected and measures are taken only while the case is a lead or under investigation (before the investigation-end report, or after a review returned it)',
  ),
  MEASURE_APPROVER_NOT_BUREAU_HEAD: condition(
    'ACL art. 18; APL art. 56',
    'A seal-up, seizure or advance preservation needs the approval of the bureau head (行政机关负责人)',
  ),
  MEASURE_APPROVAL_AFTER_START: condition(
    'ACL arts. 18–19',
    'A prior approval must be given before the measure starts; an approval given afterwards is an emergency (情况紧急) approval',
  ),
  MEASURE_APPROVAL_RECORDED: condition('ACL art. 19', 'The approval of this measure was already recorded'),
  MEASURE_NOT_APPROVED: condition('ACL arts. 18–19, 25', 'The measure has no approval by the bureau head'),
  MEASURE_ENDED: condition('ACL art. 28; APL art. 56', 'The measure was already released or handled'),
  WRONG_MEASURE_KIND: condition(
    'ACL art. 25; APL art. 56',
    'The step does not apply to this kind of measure: seal-up and seizure are extended and released; advance preservation gets a handling decision',
  ),
  MEASURE_EXTENSION_NOT_ALLOWED: condition(
    'ACL art. 25',
    'A seal-up or seizure may be extended once, by at most 30 days, with the bureau head’s approval, before its period ends',
  ),
  TESTING_IN_PROGRESS: condition(
    'PPR art. 18; APL art. 60',
    'A testing period (检测、检验、检疫、鉴定) is already open; end it first',
  ),
  NOT_TESTING: condition('PPR art. 18; APL art. 60', 'No testing period (检测、检验、检疫、鉴定) is open'),
  // Review (审核) and legal review (法制审核)
  CASE_REVIEW_NOT_COMPLETED: condition('PPR', 'The case review (案件审核) has not passed'),
  LEGAL_REVIEW_NOT_PASSED: condition(
    'APL art. 58',
    'A legal review (法制审核) must have passed, after the last change to the proposed penalty and after any hearing',
  ),
  REVIEWER_NOT_LEGAL_REVIEWER: condition('APL art. 58', 'The reviewer must hold the legal_reviewer role'),
  REVIEWER_NOT_QUALIFIED: condition(
    'APL art. 58',
    'A legal reviewer needs the national legal professional qualification (法律职业资格)',
  ),
  REVIEWER_IS_INVESTIGATOR: condition(
    'APL art. 58',
    'The legal reviewer must not be one of the case’s investigators',
  ),
  // Notice (告知), statements (陈述申辩) and hearings (听证)
  NO_PROPOSED_PENALTY: condition('APL art. 44', 'The notice must state the proposed penalty'),
  NOTICE_NOT_SERVED: condition('APL art. 44', 'No pre-penalty notice (行政处罚告知书) has been served'),
  STATEMENT_PERIOD_OPEN: condition(
    'APL art. 64',
    'The party’s period to state, defend or request a hearing (5 working days) is still open and not waived',
  ),
  STATEMENT_PERIOD_CLOSED: condition(
    'APL art. 64',
    'The period to request a hearing (5 working days) has ended',
  ),
  NO_HEARING_RIGHT: condition('HR art. 5', 'The proposed penalty carries no right to a hearing'),
  HEARING_NOT_REQUESTED: condition('APL art. 64', 'No hearing was requested'),
  HEARING_ALREADY_REQUESTED: condition('APL art. 64', 'A hearing was already requested'),
  HEARING_NOT_SCHEDULED: condition('APL art. 64', 'No hearing has been scheduled'),
  HEARING_NOTICE_TOO_LATE: condition(
    'APL art. 64',
    'The hearing notice (听证通知书) must be served at least 7 working days before the hearing',
  ),
  HEARING_CHAIR_IS_INVESTIGATOR: condition(
    'APL art. 64',
    'The hearing must be chaired by someone who did not investigate',
  ),
  HEARING_NOT_HELD: condition('APL art. 64', 'A requested hearing has not been held'),
  DEFENCE_CANNOT_AGGRAVATE: condition(
    'APL art. 45',
    'The penalty may not be made heavier because the party stated or defended (不得因陈述申辩加重处罚)',
  ),
  // Collective discussion (集体讨论) and extensions (延期)
  COLLECTIVE_DISCUSSION_REQUIRED: condition(
    'APL art. 57',
    'A major or complex case needs a recorded collective discussion (集体讨论) of the bureau heads',
  ),
  TOO_FEW_HEADS: condition(
    'APL art. 57',
    'A collective discussion needs at least two bureau heads attending',
  ),
  EXTENSION_NOT_ALLOWED: condition(
    'APL art. 60',
    'The case period may be extended once by 30 days with the head’s approval; further only after a collective discussion',
  ),
  // Deciding (决定)
  DECISION_EXCEEDS_NOTICE: condition(
    'APL art. 44',
    'The decided penalty is heavier than, or not among, the penalties the notice stated',
  ),
  POLICE_TRANSFER_PROCEDURE: condition(
    'TR arts. 5–6',
    'A suspected crime goes to the police through the criminal-transfer procedure (POST /v1/criminal-transfers: transfer report, the head’s decision within 3 days, a numbered 涉嫌犯罪案件移送书)',
  ),
  MEASURES_IN_FORCE: condition(
    'ACL art. 28; APL art. 56',
    'A seal-up, seizure or advance preservation of the case is still in force: release or handle it before closing the case',
  ),
  CRIMINAL_TRANSFER_PENDING: condition(
    'TR art. 11',
    'The case is being transferred to the police as a suspected crime: a fine may not replace the transfer (以罚代刑)',
  ),
  OUTSIDE_BENCHMARK_WITHOUT_REASON: condition(
    'APL art. 34',
    'A fine outside the discretion benchmark’s range needs a recorded reason',
  ),
  // After the decision: service (送达), performance (履行), enforcement (强制执行), closure (结案)
  DECISION_NOT_SERVED: condition('APL art. 61', 'The decision has not been served (送达) on the party'),
  DECISION_ALREADY_SERVED: condition('APL art. 61', 'The decision was already served'),
  ELECTRONIC_SERVICE_WITHOUT_CONSENT: condition(
    'APL art. 61',
    'Electronic service (电子送达) needs the party’s consent (签订确认书) recorded before service',
  ),
  SERVICE_NOT_ON_ANNOUNCEMENT: condition(
    'APL art. 61',
    'A party present at the announcement receives the decision there and then (宣告后当场交付): serve it on the decision date',
  ),
  NO_FINE: condition('APL arts. 66–67, 72', 'The decision imposes no fine (罚款) to pay'),
  PAYMENT_SCHEDULE_ALREADY_APPROVED: condition(
    'APL art. 66',
    'A deferral or instalments (延期、分期缴纳) were already approved',
  ),
  PAYMENT_SCHEDULE_INVALID: condition(
    'APL art. 66',
    'A deferral is one later due date, instalments at least two increasing ones; together they make up the fine',
  ),
  OVERPAYMENT: condition(
    'APL arts. 67, 72',
    'The payment exceeds the fine and late surcharge (罚款及加处罚款) still owed',
  ),
  DUPLICATE_PAYMENT_REFERENCE: condition(
    'APL art. 67',
    'A payment with this bank reference (缴款凭证号) is already recorded',
  ),
  SURCHARGE_ALREADY_FROZEN: condition(
    'APL art. 73',
    'The late surcharge is already frozen for a pending reconsideration or lawsuit',
  ),
  SURCHARGE_NOT_FROZEN: condition('APL art. 73', 'The late surcharge is not frozen'),
  PAYMENT_NOT_OVERDUE: condition(
    'ACL art. 54',
    'A written demand (催告书) is served only once the party has failed to pay by the due date',
  ),
  NOTHING_TO_ENFORCE: condition(
    'ACL art. 53',
    'The fine and the late surcharge are paid: nothing is left to enforce',
  ),
  DEMAND_NOT_SERVED: condition(
    'ACL art. 54',
    'The party must be served a written demand (催告书) before the court is asked to enforce',
  ),
  DEMAND_PERIOD_OPEN: condition(
    'ACL arts. 54, 69',
    'The court may be asked only 10 working days after the demand was served',
  ),
  APPEAL_PERIOD_OPEN: condition(
    'ACL art. 53; ALL art. 46',
    'The party may still sue (6 months from service): the court is asked only after that period',
  ),
  ENFORCEMENT_APPLICATION_LATE: condition(
    'ACL art. 53',
    'The court must be asked within 3 months after the period to appeal ended',
  ),
  REVIEW_PENDING: condition(
    'APL art. 73; ACL art. 53',
    'A reconsideration or lawsuit about the decision is pending',
  ),
  COURT_ENFORCEMENT_ALREADY_APPLIED: condition('ACL art. 53', 'The court was already asked to enforce'),
  COURT_ENFORCEMENT_NOT_APPLIED: condition('ACL art. 53', 'The court has not been asked to enforce'),
  COURT_ENFORCEMENT_ALREADY_RECORDED: condition(
    'ACL art. 53',
    'The court’s enforcement result is already recorded',
  ),
  FINE_UNPAID: condition(
    'APL arts. 66–67, 72; PPR',
    'The fine or late surcharge is unpaid and the court has not been asked to enforce: the case cannot be closed',
  ),
  CLOSURE_REASON_MISMATCH: condition(
    'PPR',
    'The closure reason (结案理由) does not match how the case ended',
  ),
  MAJOR_CASE_NOT_FILED: condition(
    'Local practice (重大行政处罚备案)',
    'A decision meeting the major-case criteria must be filed for the record (备案) before closure',
  ),
  NOT_MAJOR_CASE: condition(
    'Local practice (重大行政处罚备案)',
    'The decision does not meet the major-case filing criteria (rule setting major_case_filing.criteria)',
  ),
  ALREADY_FILED_FOR_RECORD: condition(
    'Local practice (重大行政处罚备案)',
    'The case was already filed for the record',
  ),
  CASE_CLOSED: condition('PPR', 'The case is closed (已结案) or archived (已归档): its record is read-only'),
} as const satisfies Record<string, ConditionDefinition>;

export type ConditionCode = keyof typeof CONDITIONS;

/** An unmet condition as the API shows it. */
export interface Unmet {
  code: ConditionCode;
  rule: string;
  message: string;
  /** Specifics, e.g. which officers lack a valid certificate. */
  detail?: string;
}

export function unmet(code: ConditionCode, detail?: string): Unmet {
  const { rule, message } = CONDITIONS[code];
  return { code, rule, message, ...(detail ? { detail } : {}) };
}

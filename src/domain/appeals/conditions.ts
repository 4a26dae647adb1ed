/**
 * The conditions a reconsideration (行政复议) or litigation (行政诉讼) step can fail, each with its legal
 * source. A refused step answers 422 CASE_RULE_VIOLATION listing them, like the case actions do; dates use
 * the case conditions DATE_IN_FUTURE and DATE_BEFORE_PREVIOUS_STEP.
 */
import type { ConditionDefinition, Unmet } from '../cases/conditions';

function condition(rule: string, message: string): ConditionDefinition {
  return { rule, message };
}

export const APPEAL_CONDITIONS = {
  DECISION_NOT_CHALLENGEABLE: condition(
    'ARL art. 11; ALL art. 12',
    'Only a decision the bureau made can be challenged here: a case’s penalty or no-penalty decision (行政处罚决定 / 不予行政处罚决定) or an on-the-spot penalty (当场处罚决定)',
  ),
  ALREADY_UNDER_REVIEW: condition(
    'ARL art. 29; ALL art. 44',
    'The decision is already under reconsideration or before a court (复议与诉讼不得同时进行)',
  ),
  APPEAL_WRONG_STATUS: condition('ARL; ALL', 'The step does not apply at this status'),
  COPY_NOT_RECEIVED: condition(
    'ARL art. 48; ALL art. 67',
    'The reply or defence is counted from the day the bureau received the application or complaint copy: record that first',
  ),
  REPLY_ALREADY_SUBMITTED: condition('ARL art. 48', 'The written reply (书面答复) was already submitted'),
  EXTENSION_ALREADY_APPROVED: condition(
    'ARL art. 62',
    'The decision period of the reconsideration can be extended once, by at most 30 days',
  ),
  EXTENSION_NOT_IN_SIMPLE_PROCEDURE: condition(
    'ARL art. 62',
    'A reconsideration in the simple procedure (简易程序) is decided within 30 days, without extension',
  ),
  VARIATION_HEAVIER: condition(
    'ARL art. 63; ALL art. 77(2)',
    'A variation may not be heavier for the applicant or plaintiff (不得作出对申请人更为不利的变更决定 / 不得加重原告的义务)',
  ),
  VARIATION_UNCHANGED: condition(
    'ARL art. 63; ALL art. 77',
    'A variation changes the penalties: record an unchanged decision as upheld (维持) or claim rejected',
  ),
  PARTIAL_REVOCATION_NOT_PARTIAL: condition(
    'ARL art. 64; ALL art. 70',
    'A part revoked leaves some, not all, of the original penalties in force, and none heavier',
  ),
  REDO_NOT_POSSIBLE: condition(
    'ARL art. 64; ALL art. 70',
    'Only a case decision can be reopened for a new decision (责令重新作出)',
  ),
  DEFENCE_ALREADY_FILED: condition('ALL art. 67', 'The defence (答辩状) was already filed'),
  APPEAL_PERIOD_ENDED: condition(
    'ALL art. 85',
    'An appeal (上诉) is lodged within 15 days of service of a judgment, 10 days of a ruling',
  ),
  APPEAL_PERIOD_RUNNING: condition(
    'ALL art. 85',
    'A first-instance judgment or ruling takes effect only once the period to appeal ended without an appeal',
  ),
  REVIEWING_BODY_IS_DEFENDANT: condition(
    'ALL art. 26(2)',
    'After a reconsideration changed the decision (varied, revoked, void, mediated), the reviewing body alone is the defendant, not the bureau',
  ),
  NOT_APPEALABLE: condition(
    'ALL art. 85',
    'Only a first-instance judgment or ruling can be appealed; a second-instance one is final (终审)',
  ),
} as const satisfies Record<string, ConditionDefinition>;

export type AppealConditionCode = keyof typeof APPEAL_CONDITIONS;

/** An unmet condition of an appeal step, as the API shows it: its own codes or the case date codes. */
export interface AppealUnmet {
  code: AppealConditionCode | Unmet['code'];
  rule: string;
  message: string;
  detail?: string;
}

export function appealUnmet(code: AppealConditionCode, detail?: string): AppealUnmet {
  const { rule, message } = APPEAL_CONDITIONS[code];
  return { code, rule, message, ...(detail ? { detail } : {}) };
}

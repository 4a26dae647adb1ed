/**
 * The conditions a criminal-transfer step (行刑衔接) can fail, each with its legal source. A refused
 * step answers 422 CASE_RULE_VIOLATION listing them, like the case actions do; dates use the case
 * conditions DATE_IN_FUTURE and DATE_BEFORE_PREVIOUS_STEP.
 */
import type { ConditionDefinition, Unmet } from '../cases/conditions';

function condition(rule: string, message: string): ConditionDefinition {
  return { rule, message };
}

export const TRANSFER_CONDITIONS = {
  CASE_NOT_TRANSFERABLE: condition(
    'TR art. 3',
    'Only a lead or a case not yet closed (结案) can be transferred; not a declined lead, one transferred elsewhere, or a closed or archived case',
  ),
  TRANSFER_IN_PROGRESS: condition(
    'TR art. 3',
    'The case already has a criminal transfer under way (reported, approved or with the police)',
  ),
  TRANSFER_TEAM_TOO_SMALL: condition(
    'TR art. 5; APL art. 42',
    'The transfer report (移送报告) is made by a team of at least two officers holding enforcement certificates valid on the date',
  ),
  TRANSFER_WRONG_STATUS: condition('TR arts. 5–9', 'The step does not apply at this status of the transfer'),
  TRANSFER_APPROVER_NOT_BUREAU_HEAD: condition(
    'TR art. 5',
    'The bureau head (行政执法机关正职负责人或者主持工作的负责人) decides on a transfer report',
  ),
  REVIEW_ALREADY_REQUESTED: condition(
    'TR art. 9',
    'The police were already asked once to reconsider (提请复议) their decision not to file',
  ),
  REVIEW_REQUEST_PERIOD_ENDED: condition(
    'TR art. 9',
    'A review (提请复议) is requested within 3 days of receiving the notice not to file (不予立案通知书)',
  ),
  NO_SEIZED_ITEMS: condition('TR art. 12', 'The transfer lists no seized items (涉案物品) to hand over'),
  ITEMS_ALREADY_HANDED_OVER: condition('TR art. 12', 'The seized items were already handed over'),
} as const satisfies Record<string, ConditionDefinition>;

export type TransferConditionCode = keyof typeof TRANSFER_CONDITIONS;

/** An unmet condition of a transfer step, as the API shows it: its own codes or the case date codes. */
export interface TransferUnmet {
  code: TransferConditionCode | Unmet['code'];
  rule: string;
  message: string;
  detail?: string;
}

export function transferUnmet(code: TransferConditionCode, detail?: string): TransferUnmet {
  const { rule, message } = TRANSFER_CONDITIONS[code];
  return { code, rule, message, ...(detail ? { detail } : {}) };
}

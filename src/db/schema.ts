/**
 * Every table, in one module: drizzle-kit generates migrations from it and the database client
 * is typed with it. Tables live beside their domain; this file only collects them.
 */
export { idempotencyKeys } from '../http/idempotency.table';
export { agencies, units } from '../modules/agencies/agencies.table';
export { apiKeys } from '../modules/api-keys/api-keys.table';
export { decisionStatusChanges } from '../modules/appeals/decision-effects.table';
export { auditChainHeads, auditEvents } from '../modules/audit/audit.table';
export {
  calendarChanges,
  calendarDays,
  calendarNotices,
  calendarState,
} from '../modules/calendar/calendar.table';
export {
  caseEvents,
  caseEvidence,
  caseMeasures,
  caseOfficers,
  caseParties,
  casePauses,
  cases,
} from '../modules/cases/cases.table';
export { casePayments } from '../modules/cases/payments.table';
export {
  caseInterviews,
  correctionOrders,
  documentSpotChecks,
} from '../modules/cases/supervision-records.table';
export {
  creditListEntries,
  creditRestorations,
} from '../modules/credit-restorations/credit-restorations.table';
export { criminalTransfers, policeJointCases } from '../modules/criminal-transfers/criminal-transfers.table';
export {
  documentCounters,
  documentNumberFormats,
  documentNumbers,
} from '../modules/document-numbers/document-numbers.table';
export { litigationHearings, litigations } from '../modules/litigations/litigations.table';
export { certificateStatusChanges, certificates, officers } from '../modules/officers/officers.table';
export { onTheSpotPenalties, onTheSpotReviews } from '../modules/on-the-spot/on-the-spot.table';
export {
  powerItems,
  powerItemVersions,
  powerListAdjustments,
  powerListChanges,
} from '../modules/power-list/power-list.table';
export { creditEvents, publications } from '../modules/publications/publications.table';
export { reconsiderations } from '../modules/reconsiderations/reconsiderations.table';
export { ruleSettings } from '../modules/rule-settings/rule-settings.table';

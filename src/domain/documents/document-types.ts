/**
 * Procedural documents that carry a document number (文号). The type codes are the default
 * code-words inside the number (东市监**处罚**〔2024〕12号); they are local practice, so an agency
 * may change them per type (RULES.md §10).
 */
export const DOCUMENT_TYPES = {
  case_filing: { name: '立案决定书', defaultTypeCode: '立' },
  compulsory_measure: { name: '实施行政强制措施决定书', defaultTypeCode: '强制' },
  pre_penalty_notice: { name: '行政处罚告知书', defaultTypeCode: '罚告' },
  hearing_notice: { name: '听证通知书', defaultTypeCode: '听通' },
  penalty_decision: { name: '行政处罚决定书', defaultTypeCode: '处罚' },
  no_penalty_decision: { name: '不予行政处罚决定书', defaultTypeCode: '不罚' },
  on_the_spot_decision: { name: '当场行政处罚决定书', defaultTypeCode: '当罚' },
  correction_order: { name: '责令改正通知书', defaultTypeCode: '责改' },
  criminal_transfer: { name: '涉嫌犯罪案件移送书', defaultTypeCode: '刑移' },
  service_receipt: { name: '送达回证', defaultTypeCode: '送达' },
  enforcement_demand: { name: '催告书', defaultTypeCode: '催告' },
  case_closure: { name: '结案审批表', defaultTypeCode: '结' },
  case_archive: { name: '案卷归档 (档案号)', defaultTypeCode: '档' },
  supervision_opinion: { name: '行政监督意见书', defaultTypeCode: '监督' },
  credit_restoration_notice: { name: '信用修复告知书', defaultTypeCode: '修复' },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as DocumentType[];

/**
 * Named legal periods. Every deadline Fazhi computes cites one of these, so a reviewer can check
 * the arithmetic against the law (STYLE.md: "the law is visible in the code").
 *
 * Units follow the statutes' own counting rules: APL art. 85 and ACL art. 69 make 2/3/5/7-day
 * (ACL: up to 10-day) periods working days; ARL art. 88 makes 3/5/7/10-day periods working days;
 * longer periods are calendar days. Periods marked `configurable` are local practice or the
 * national default of a setting an agency may change; the value here is the cited default.
 */
import type { PeriodUnit } from '../calendar/deadlines';
import type { LawCode } from './laws';

export interface PeriodRule {
  code: string;
  law: LawCode;
  /** Article reference as cited, e.g. `art. 64`; absent where the source names no single article. */
  article?: string;
  /** Short English description with the Chinese term. */
  description: string;
  days: number;
  unit: PeriodUnit;
  configurable: boolean;
}

/** `APL art. 64` */
export function citation(rule: Pick<PeriodRule, 'law' | 'article'>): string {
  return rule.article ? `${rule.law} ${rule.article}` : rule.law;
}

function rule(code: string, r: Omit<PeriodRule, 'code'>): PeriodRule {
  return { code, ...r };
}

export const PERIOD_RULES = {
  FILING_DECISION: rule('FILING_DECISION', {
    law: 'PPR',
    article: 'art. 18',
    days: 15,
    unit: 'working',
    configurable: false,
    description: 'Decide whether to file a case (立案) after receiving the lead; +15 WD with approval',
  }),
  ADVANCE_PRESERVATION: rule('ADVANCE_PRESERVATION', {
    law: 'APL',
    article: 'art. 56',
    days: 7,
    unit: 'working',
    configurable: false,
    description: 'Decide how to handle evidence under advance registration and preservation (先行登记保存)',
  }),
  SEIZURE_PERIOD: rule('SEIZURE_PERIOD', {
    law: 'ACL',
    article: 'art. 25',
    days: 30,
    unit: 'calendar',
    configurable: false,
    description: 'Seal-up or seizure (查封、扣押) period; +30 d once with approval; testing time excluded',
  }),
  CASE_REVIEW: rule('CASE_REVIEW', {
    law: 'PPR',
    days: 10,
    unit: 'working',
    configurable: true,
    description: 'Case review (案件审核) after the investigation-end report',
  }),
  STATEMENT_AND_HEARING_REQUEST: rule('STATEMENT_AND_HEARING_REQUEST', {
    law: 'APL',
    article: 'art. 64',
    days: 5,
    unit: 'working',
    configurable: false,
    description:
      'Party states, defends or requests a hearing after the pre-penalty notice (陈述申辩、听证申请)',
  }),
  HEARING_NOTICE: rule('HEARING_NOTICE', {
    law: 'APL',
    article: 'art. 64',
    days: 7,
    unit: 'working',
    configurable: false,
    description: 'Hearing notice (听证通知) served at least this long before the hearing',
  }),
  DECISION: rule('DECISION', {
    law: 'APL',
    article: 'art. 60',
    days: 90,
    unit: 'calendar',
    configurable: false,
    description: 'Penalty decision (处罚决定) from filing; suspension, hearing, notice and testing excluded',
  }),
  SERVICE_ABSENT_PARTY: rule('SERVICE_ABSENT_PARTY', {
    law: 'APL',
    article: 'art. 61',
    days: 7,
    unit: 'working',
    configurable: false,
    description: 'Serve the decision (送达) when the party was absent at its announcement',
  }),
  ON_THE_SPOT_FILING: rule('ON_THE_SPOT_FILING', {
    law: 'APL',
    article: 'art. 52',
    days: 7,
    unit: 'working',
    configurable: true,
    description:
      'File an on-the-spot penalty decision with the bureau (当场处罚备案); the days are the setting on_the_spot.filing_working_days',
  }),
  PAYMENT: rule('PAYMENT', {
    law: 'APL',
    article: 'art. 67',
    days: 15,
    unit: 'calendar',
    configurable: false,
    description: 'Pay the fine (缴纳罚款) after receiving the decision',
  }),
  PUBLIC_NOTICE_SERVICE: rule('PUBLIC_NOTICE_SERVICE', {
    law: 'CPL',
    article: 'art. 95',
    days: 30,
    unit: 'calendar',
    configurable: false,
    description: 'A decision served by public notice (公告送达) counts as served this long after publication',
  }),
  ENFORCEMENT_DEMAND: rule('ENFORCEMENT_DEMAND', {
    law: 'ACL',
    article: 'art. 54',
    days: 10,
    unit: 'working',
    configurable: false,
    description:
      'After the written demand (催告书) is served, wait this long before asking the court to enforce (申请法院强制执行)',
  }),
  CASE_CLOSURE: rule('CASE_CLOSURE', {
    law: 'LOCAL',
    article: 'setting case_closure.working_days',
    days: 15,
    unit: 'working',
    configurable: true,
    description:
      'Close the case (结案审批) once the decision is performed or the case otherwise settled; the days are the setting case_closure.working_days',
  }),
  MAJOR_CASE_FILING: rule('MAJOR_CASE_FILING', {
    law: 'LOCAL',
    article: 'setting major_case_filing.working_days',
    days: 15,
    unit: 'working',
    configurable: true,
    description:
      'File a major penalty decision for the record (重大行政处罚备案) after the decision; the days are the setting major_case_filing.working_days',
  }),
  PUBLICATION: rule('PUBLICATION', {
    law: 'PDR',
    article: 'art. 9',
    days: 20,
    unit: 'working',
    configurable: true,
    description: 'Publish the penalty information (行政处罚信息公示) after the decision',
  }),
  PUBLICATION_WITHDRAWAL: rule('PUBLICATION_WITHDRAWAL', {
    law: 'PDR',
    article: 'art. 11',
    days: 3,
    unit: 'working',
    configurable: false,
    description:
      'Withdraw a publication (撤下公示) after the decision is varied, revoked, or found illegal or void',
  }),
  RECONSIDERATION_APPLICATION: rule('RECONSIDERATION_APPLICATION', {
    law: 'ARL',
    article: 'art. 20',
    days: 60,
    unit: 'calendar',
    configurable: false,
    description: 'Apply for administrative reconsideration (申请行政复议) after learning of the act',
  }),
  RECONSIDERATION_REPLY: rule('RECONSIDERATION_REPLY', {
    law: 'ARL',
    article: 'art. 48',
    days: 10,
    unit: 'working',
    configurable: false,
    description: 'Respondent’s written reply (书面答复) after receiving the application copy',
  }),
  RECONSIDERATION_REPLY_SIMPLE: rule('RECONSIDERATION_REPLY_SIMPLE', {
    law: 'ARL',
    article: 'art. 54',
    days: 5,
    unit: 'working',
    configurable: false,
    description: 'Respondent’s written reply in the simple procedure (简易程序)',
  }),
  RECONSIDERATION_DECISION: rule('RECONSIDERATION_DECISION', {
    law: 'ARL',
    article: 'art. 62',
    days: 60,
    unit: 'calendar',
    configurable: false,
    description: 'Reconsideration decision (复议决定) after acceptance; +30 d extension',
  }),
  RECONSIDERATION_DECISION_SIMPLE: rule('RECONSIDERATION_DECISION_SIMPLE', {
    law: 'ARL',
    article: 'art. 62',
    days: 30,
    unit: 'calendar',
    configurable: false,
    description: 'Reconsideration decision in the simple procedure',
  }),
  LITIGATION_DEFENCE: rule('LITIGATION_DEFENCE', {
    law: 'ALL',
    article: 'art. 67',
    days: 15,
    unit: 'calendar',
    configurable: false,
    description: 'Defence and evidence (答辩状及证据) after receiving the complaint copy',
  }),
  RECONSIDERATION_EXTENSION: rule('RECONSIDERATION_EXTENSION', {
    law: 'ARL',
    article: 'art. 62',
    days: 30,
    unit: 'calendar',
    configurable: false,
    description: 'Extension of the reconsideration decision period (延期), once, ordinary procedure only',
  }),
  LITIGATION_APPEAL_JUDGMENT: rule('LITIGATION_APPEAL_JUDGMENT', {
    law: 'ALL',
    article: 'art. 85',
    days: 15,
    unit: 'calendar',
    configurable: false,
    description: 'Appeal (上诉) against a first-instance judgment (判决), from its service',
  }),
  LITIGATION_APPEAL_RULING: rule('LITIGATION_APPEAL_RULING', {
    law: 'ALL',
    article: 'art. 85',
    days: 10,
    unit: 'calendar',
    configurable: false,
    description: 'Appeal (上诉) against a first-instance ruling (裁定), from its service',
  }),
  CRIMINAL_TRANSFER_DECISION: rule('CRIMINAL_TRANSFER_DECISION', {
    law: 'TR',
    article: 'art. 5',
    days: 3,
    unit: 'calendar',
    configurable: false,
    description: 'Head decides on a criminal transfer report (移送审批)',
  }),
  SEIZED_ITEMS_HANDOVER: rule('SEIZED_ITEMS_HANDOVER', {
    law: 'TR',
    article: 'art. 12',
    days: 3,
    unit: 'calendar',
    configurable: false,
    description: 'Hand seized items over to the police after it files the case (移交涉案物品)',
  }),
  CRIMINAL_TRANSFER_REVIEW_REQUEST: rule('CRIMINAL_TRANSFER_REVIEW_REQUEST', {
    law: 'TR',
    article: 'art. 9',
    days: 3,
    unit: 'calendar',
    configurable: false,
    description:
      'Ask the police to reconsider not filing a transferred case (提请复议), after receiving its notice (不予立案通知书)',
  }),
} as const satisfies Record<string, PeriodRule>;

export type PeriodRuleCode = keyof typeof PERIOD_RULES;

export function findPeriodRule(code: string): PeriodRule | undefined {
  return (PERIOD_RULES as Record<string, PeriodRule>)[code];
}

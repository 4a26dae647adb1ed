/**
 * The credit restoration notice (行政处罚信息信用修复告知书) served with a publishable penalty decision
 * (两书同达: the decision and this notice served together, one service record): how long the decision is
 * public, from when the party may apply to stop the publicity early, on what conditions, with which
 * materials, and where. Pure: the service reads the publication and the settings and passes them in.
 *
 * Sources: PDR arts. 13–14 (the period, early stop); CRM arts. 5–8 (conditions, materials, the agency that
 * decided restores: 谁处罚、谁修复).
 */
import type { IsoDate } from '../calendar/dates';
import type { ProposedPenalty } from '../cases/case-model';
import {
  NO_EARLY_STOP_PENALTIES,
  type PublicityPeriod,
  RESTORATION_CONDITIONS,
  type RestorationConditionCode,
} from '../publicity/publicity';

/** The conditions of stopping the publicity early, as the notice prints them. */
const NOTICE_CONDITIONS: { code: RestorationConditionCode; text: string }[] = [
  { code: 'MIN_PERIOD_NOT_PASSED', text: '行政处罚信息公示期满最短公示期' },
  { code: 'DECISION_NOT_PERFORMED', text: '已经自觉履行行政处罚决定中规定的义务（罚没款已全部缴清）' },
  {
    code: 'LATER_PENALTY_SAME_TYPE',
    text: '已经主动消除危害后果和不良影响，且未因同一类违法行为再次受到行政处罚',
  },
  { code: 'ON_ABNORMAL_LIST', text: '未在经营异常名录中' },
  { code: 'ON_SERIOUS_LIST', text: '未在严重违法失信名单中' },
];

/** What the party submits (CRM art. 8). */
export const NOTICE_MATERIALS = [
  { kind: 'application', name: '信用修复申请书' },
  { kind: 'pledge', name: '守信承诺书' },
  { kind: 'proof_of_performance', name: '履行行政处罚决定的相关证明材料（如罚没款缴纳凭证）' },
] as const;

export const NATIONAL_CREDIT_SYSTEM = '国家企业信用信息公示系统';

export interface RestorationNoticeSource {
  agencyName: string;
  party: { name: string; creditCode: string | null };
  decisionNumber: string;
  decidedOn: IsoDate;
  penalties: readonly ProposedPenalty[];
  period: Pick<PublicityPeriod, 'months' | 'basis'>;
  publishedOn: IsoDate | null;
  expiresOn: IsoDate | null;
  /** credit_restoration.min_months as of the decision: general or extended (food, drug, special equipment). */
  minMonths: number;
  extended: boolean;
  earliestOn: IsoDate | null;
}

export interface RestorationNotice {
  type: 'credit_restoration_notice';
  title: '行政处罚信息信用修复告知书';
  agencyName: string;
  party: { name: string; creditCode: string | null };
  decisionNumber: string;
  decidedOn: IsoDate;
  publicity: {
    months: number;
    basis: PublicityPeriod['basis'];
    publishedOn: IsoDate | null;
    expiresOn: IsoDate | null;
    text: string;
  };
  /** Whether the publicity can stop early at all: not a 3-month publicity, not an excluded penalty. */
  restorable: boolean;
  earliestApplication: { months: number; extended: boolean; on: IsoDate | null; rule: string; text: string };
  conditions: { code: RestorationConditionCode; rule: string; text: string }[];
  materials: { kind: string; name: string }[];
  whereToApply: { name: string; how: string }[];
  /** The notice as printed, paragraph by paragraph. */
  paragraphs: string[];
}

function periodText(period: RestorationNoticeSource['period']): string {
  if (period.basis === 'three_months') return '三个月';
  if (period.basis === 'three_years') return '三年';
  return `${period.months}个月（限制期限长于三年的，公示期与限制期限相同）`;
}

export function buildRestorationNotice(src: RestorationNoticeSource): RestorationNotice {
  const excluded = src.penalties.some((p) => NO_EARLY_STOP_PENALTIES.includes(p.type));
  const short = src.period.basis === 'three_months';
  const restorable = !excluded && !short;
  const period = periodText(src.period);
  const publicityText =
    `根据《市场监督管理行政处罚信息公示规定》第十三条，本机关作出的${src.decisionNumber}行政处罚决定信息将通过` +
    `${NATIONAL_CREDIT_SYSTEM}公示，公示期为${period}` +
    (src.publishedOn ? `，自${src.publishedOn}起至${src.expiresOn ?? ''}止。` : '，自公示之日起计算。');
  const earliestText = src.earliestOn
    ? `自${src.earliestOn}起，可以申请提前停止公示（信用修复）。`
    : `自公示之日起满${src.minMonths}个月后，可以申请提前停止公示（信用修复）${src.extended ? '（食品、药品、特种设备领域为十二个月）' : ''}。`;
  const conditions = NOTICE_CONDITIONS.map((c) => ({
    code: c.code,
    rule: RESTORATION_CONDITIONS[c.code].rule,
    text: c.code === 'MIN_PERIOD_NOT_PASSED' ? `${c.text}（${src.minMonths}个月）` : c.text,
  }));
  const whereToApply = [
    { name: src.agencyName, how: '向作出行政处罚决定的本机关提出（谁处罚、谁修复）' },
    { name: NATIONAL_CREDIT_SYSTEM, how: '通过该系统在线提交信用修复申请' },
  ];
  const paragraphs = [
    `${src.party.name}${src.party.creditCode ? `（统一社会信用代码：${src.party.creditCode}）` : ''}：`,
    publicityText,
    restorable
      ? `${earliestText}申请应当同时符合下列条件：${conditions.map((c, i) => `（${i + 1}）${c.text}`).join('；')}。`
      : short
        ? '该行政处罚信息公示期为三个月，公示期满自动停止公示，无需申请信用修复。'
        : '该行政处罚决定包含责令停产停业、责令关闭、吊销许可证件、降低资质等级、限制开展生产经营活动或者限制从业，依法不得提前停止公示。',
    ...(restorable
      ? [
          `申请时应当提交：${NOTICE_MATERIALS.map((m) => m.name).join('、')}。`,
          `可以向${src.agencyName}提出申请，或者通过${NATIONAL_CREDIT_SYSTEM}在线提交。`,
        ]
      : []),
    `${src.agencyName}　${src.decidedOn}`,
  ];
  return {
    type: 'credit_restoration_notice',
    title: '行政处罚信息信用修复告知书',
    agencyName: src.agencyName,
    party: { ...src.party },
    decisionNumber: src.decisionNumber,
    decidedOn: src.decidedOn,
    publicity: {
      months: src.period.months,
      basis: src.period.basis,
      publishedOn: src.publishedOn,
      expiresOn: src.expiresOn,
      text: publicityText,
    },
    restorable,
    earliestApplication: {
      months: src.minMonths,
      extended: src.extended,
      on: src.earliestOn,
      rule: 'CRM art. 6; PDR art. 14',
      text: earliestText,
    },
    conditions,
    materials: NOTICE_MATERIALS.map((m) => ({ ...m })),
    whereToApply,
    paragraphs,
  };
}

/**
 * The penalty decision (行政处罚决定书) and the pre-penalty notice (行政处罚告知书) as documents: pure
 * builders from what a case recorded to a document model that carries every element the law requires,
 * and reports each element it cannot fill instead of leaving it blank. No I/O: the service reads the
 * case, the power item and the agency's settings and passes them in; render-html.ts prints the model.
 *
 * APL art. 59 (decision): (1) the party's name or title and address; (2) the facts and evidence of the
 * violation; (3) the kind of penalty and its legal basis; (4) how and by when to perform it; (5) the
 * ways and time limits to apply for reconsideration or to sue; (6) the bureau's name and the date.
 * APL art. 44 (notice): the facts, reasons and basis of the proposed penalty, its content, and the
 * party's rights to state and defend (陈述、申辩) and, where it applies, to request a hearing (听证).
 */
import type { IsoDate } from '../calendar/dates';
import { type PartyKind, PENALTY_TYPES, type ProposedPenalty } from '../cases/case-model';
import { EVIDENCE_KINDS, type EvidenceKind } from '../cases/investigation';
import { DAILY_SURCHARGE_PERCENT } from '../cases/late-surcharge';
import { maskResidentId } from '../identifiers';
import { citation, PERIOD_RULES } from '../rules/period-rules';

/** Party kinds in Chinese, as a document names them. */
export const PARTY_KIND_NAMES: Record<PartyKind, string> = {
  natural_person: '自然人',
  legal_person: '法人',
  other_organisation: '其他组织',
  individual_business: '个体工商户',
};

/** Penalties that are paid in money (罚没款): fines and confiscated illegal gains. */
const MONEY_PENALTIES: readonly string[] = ['fine', 'confiscate_illegal_gains'];

/** Where a decision or notice element comes from in the law; `element` is a stable code. */
export const DOCUMENT_ELEMENTS = {
  number: { rule: 'PPR; RULES.md §10', description: 'The document number (文号)' },
  party: { rule: 'APL art. 59(1)', description: 'The party’s name or title (当事人的姓名或者名称)' },
  party_address: { rule: 'APL art. 59(1)', description: 'The party’s address (当事人的地址)' },
  facts: { rule: 'APL art. 59(2)', description: 'The facts of the violation (违法事实)' },
  evidence: { rule: 'APL art. 59(2)', description: 'The evidence (证据)' },
  penalties: { rule: 'APL art. 59(3)', description: 'The kind of penalty (行政处罚的种类)' },
  legal_basis: { rule: 'APL art. 59(3)', description: 'The legal basis of the penalty (行政处罚的依据)' },
  payment_method: {
    rule: 'APL art. 59(4), art. 67',
    description: 'How to pay (履行方式): the designated bank or electronic payment',
  },
  reconsideration_body: {
    rule: 'APL art. 59(5); ARL arts. 20, 24',
    description: 'The reviewing body for reconsideration (行政复议机关)',
  },
  litigation_court: {
    rule: 'APL art. 59(5); ALL arts. 18, 46',
    description: 'The court for a lawsuit (人民法院)',
  },
  agency: { rule: 'APL art. 59(6)', description: 'The deciding bureau’s name (行政机关名称)' },
  date: { rule: 'APL art. 59(6)', description: 'The date of the decision (作出决定的日期)' },
  notice_reasons: {
    rule: 'APL art. 44',
    description: 'The reasons and basis of the proposed penalty (理由、依据)',
  },
  proposed_penalties: { rule: 'APL art. 44', description: 'The proposed penalty (拟作出的行政处罚内容)' },
} as const;
export type DocumentElement = keyof typeof DOCUMENT_ELEMENTS;

/** An element the document lacks: printed as a gap, never silently blank. */
export interface MissingElement {
  element: DocumentElement;
  rule: string;
  message: string;
}

function missing(element: DocumentElement, detail?: string): MissingElement {
  const e = DOCUMENT_ELEMENTS[element];
  return { element, rule: e.rule, message: detail ? `${e.description}: ${detail}` : e.description };
}

// ---------------------------------------------------------------------------------------------------
// Inputs: what the case recorded

export interface PartySource {
  kind: PartyKind;
  name: string;
  residentId: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  address: string | null;
}

export interface EvidenceSource {
  kind: EvidenceKind;
  description: string;
  collectedOn: IsoDate;
}

export interface LegalBasisSource {
  law: string;
  article?: string;
  text?: string;
}

export interface PowerItemSource {
  code: string;
  name: string;
  legalBasis: readonly LegalBasisSource[];
}

/** The discretion assessment (裁量) attached to the decision, as decide stored it. */
export interface AssessmentSource {
  benchmarkId: string;
  outcome: string;
  tier: string | null;
  range: { min: number; max: number; currency: string; exclusive?: boolean } | null;
  reasons: readonly { code: string; rule: string; detail: string }[];
}

/** Where the party may seek a remedy: the agency's settings, null when left to the default. */
export interface RemedySettings {
  paymentMethod: string;
  reconsiderationBody: string | null;
  litigationCourt: string | null;
}

export interface DecisionSource {
  number: string | null;
  agencyName: string;
  decidedOn: IsoDate | null;
  parties: readonly PartySource[];
  /** The case summary and the investigation-end report's findings (调查终结报告). */
  summary: string;
  findings: string | null;
  violationOn: IsoDate | null;
  evidence: readonly EvidenceSource[];
  penalties: readonly ProposedPenalty[];
  powerItem: PowerItemSource | null;
  assessment: AssessmentSource | null;
  outsideBenchmarkReason: string | null;
  /** The pre-penalty notice and what followed it: the procedure the decision recites. */
  notice: { number: string | null; servedOn: IsoDate; hearingRight: boolean } | null;
  statementsReceived: number;
  hearingHeldOn: IsoDate | null;
  waivedOn: IsoDate | null;
  /** Once served (送达): the service date and the payment due date computed on the calendar. */
  service: { servedOn: IsoDate; paymentDueOn: IsoDate | null } | null;
  settings: RemedySettings;
}

// ---------------------------------------------------------------------------------------------------
// The model

export interface DocumentParty {
  kind: PartyKind;
  kindName: string;
  name: string;
  address: string | null;
  legalRepresentative: string | null;
  /** Identifiers as printed: a resident ID masked (personal information), a credit code in full. */
  identifiers: { type: 'resident_id' | 'credit_code'; label: string; value: string }[];
}

export interface DocumentPenalty {
  type: ProposedPenalty['type'];
  name: string;
  amount: number | null;
  /** E.g. 罚款人民币120,000元. */
  text: string;
}

export interface DocumentLegalBasis {
  law: string;
  article: string | null;
  text: string | null;
  /** E.g. 《中华人民共和国食品安全法》第一百二十二条. */
  citation: string;
}

export interface DecisionDocument {
  type: 'penalty_decision';
  title: '行政处罚决定书';
  number: string | null;
  agencyName: string;
  date: IsoDate | null;
  parties: DocumentParty[];
  facts: { findings: string | null; summary: string; violationOn: IsoDate | null };
  evidence: { kind: EvidenceKind; kindName: string; description: string; collectedOn: IsoDate }[];
  procedure: string[];
  penalties: DocumentPenalty[];
  legalBasis: DocumentLegalBasis[];
  powerItem: { code: string; name: string } | null;
  discretion: {
    benchmarkId: string;
    tier: string | null;
    range: { min: number; max: number; exclusive: boolean } | null;
    reasons: { rule: string; detail: string }[];
    outsideBenchmarkReason: string | null;
  } | null;
  performance: {
    /** CNY payable: fines and confiscated illegal gains. */
    amountPayable: number;
    paymentPeriod: { days: number; unit: 'calendar'; rule: string };
    paymentMethod: string | null;
    servedOn: IsoDate | null;
    paymentDueOn: IsoDate | null;
    /** APL art. 72: the late-payment surcharge warning, when there is a fine. */
    lateSurcharge: { percentPerDay: number; cap: string; rule: string; text: string } | null;
    text: string;
  };
  remedies: {
    reconsideration: { body: string | null; days: number; rule: string };
    litigation: { court: string | null; months: number; rule: string };
    /** APL art. 73: performance is not suspended while a remedy is pending. */
    notSuspended: { rule: string; text: string };
    text: string;
  };
  missing: MissingElement[];
  complete: boolean;
}

export interface NoticeSource {
  number: string | null;
  agencyName: string;
  servedOn: IsoDate;
  windowEndsOn: IsoDate | null;
  hearingRight: boolean;
  parties: readonly PartySource[];
  summary: string;
  findings: string | null;
  violationOn: IsoDate | null;
  evidence: readonly EvidenceSource[];
  penalties: readonly ProposedPenalty[];
  powerItem: PowerItemSource | null;
}

export interface NoticeDocument {
  type: 'pre_penalty_notice';
  title: '行政处罚告知书';
  number: string | null;
  agencyName: string;
  date: IsoDate;
  parties: DocumentParty[];
  facts: { findings: string | null; summary: string; violationOn: IsoDate | null };
  evidence: { kind: EvidenceKind; kindName: string; description: string; collectedOn: IsoDate }[];
  legalBasis: DocumentLegalBasis[];
  proposedPenalties: DocumentPenalty[];
  rights: {
    statement: { days: number; unit: 'working'; endsOn: IsoDate | null; rule: string; text: string };
    hearing: { days: number; unit: 'working'; endsOn: IsoDate | null; rule: string; text: string } | null;
    /** APL art. 45: defending never makes the penalty heavier. */
    noHeavierPenalty: { rule: string; text: string };
  };
  missing: MissingElement[];
  complete: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Shared parts

/** CNY as printed: 120,000 or 1,200.5 → 人民币120,000元 / 人民币1,200.50元. */
export function formatYuan(amount: number): string {
  const fixed = Number.isInteger(amount)
    ? amount.toLocaleString('en-US')
    : amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `人民币${fixed}元`;
}

function partyOf(p: PartySource): DocumentParty {
  const identifiers: DocumentParty['identifiers'] = [];
  if (p.creditCode) identifiers.push({ type: 'credit_code', label: '统一社会信用代码', value: p.creditCode });
  if (p.residentId)
    identifiers.push({ type: 'resident_id', label: '公民身份号码', value: maskResidentId(p.residentId) });
  return {
    kind: p.kind,
    kindName: PARTY_KIND_NAMES[p.kind],
    name: p.name,
    address: p.address,
    legalRepresentative: p.legalRepresentative,
    identifiers,
  };
}

function partyProblems(parties: readonly PartySource[]): MissingElement[] {
  if (parties.length === 0) return [missing('party', 'the case has no party')];
  return parties.flatMap((p) =>
    p.address?.trim() ? [] : [missing('party_address', `no address recorded for ${p.name}`)],
  );
}

function penaltyOf(p: ProposedPenalty): DocumentPenalty {
  const name = PENALTY_TYPES[p.type];
  const amount = p.amount ?? null;
  return { type: p.type, name, amount, text: amount === null ? name : `${name}${formatYuan(amount)}` };
}

function basisOf(b: LegalBasisSource): DocumentLegalBasis {
  const law = b.law.startsWith('《') ? b.law : `《${b.law}》`;
  return {
    law: b.law,
    article: b.article ?? null,
    text: b.text ?? null,
    citation: `${law}${b.article ?? ''}`,
  };
}

function evidenceOf(e: EvidenceSource) {
  return {
    kind: e.kind,
    kindName: EVIDENCE_KINDS[e.kind],
    description: e.description,
    collectedOn: e.collectedOn,
  };
}

function factsProblems(findings: string | null, evidence: readonly EvidenceSource[]): MissingElement[] {
  return [
    ...(findings?.trim()
      ? []
      : [missing('facts', 'no investigation-end report (调查终结报告) with findings')]),
    ...(evidence.length > 0 ? [] : [missing('evidence', 'no evidence registered')]),
  ];
}

function basisProblems(item: PowerItemSource | null): MissingElement[] {
  if (!item) return [missing('legal_basis', 'the case names no penalty item (行政处罚事项)')];
  return item.legalBasis.length > 0
    ? []
    : [missing('legal_basis', `penalty item ${item.code} has no legal basis`)];
}

/**
 * The people's government or the court at the bureau's own level, named after the bureau: 城东区市场监督管理局
 * → 城东区人民政府 / 城东区人民法院. Null when the bureau's name does not say where it sits.
 */
export function localBodyName(agencyName: string, body: '人民政府' | '人民法院'): string | null {
  const match = /^(.+?)(?:市场监督管理局|市场监管局)$/.exec(agencyName.trim());
  return match?.[1] ? `${match[1]}${body}` : null;
}

// ---------------------------------------------------------------------------------------------------
// The decision (行政处罚决定书), APL art. 59

const RECONSIDERATION = PERIOD_RULES.RECONSIDERATION_APPLICATION;
/** ALL art. 46: 自知道或者应当知道作出行政行为之日起六个月内提出. */
export const LITIGATION_MONTHS = 6;
const LITIGATION_RULE = 'ALL art. 46';

export function buildDecisionDocument(src: DecisionSource): DecisionDocument {
  const problems: MissingElement[] = [];
  if (!src.number) problems.push(missing('number', 'the decision has no number yet'));
  problems.push(...partyProblems(src.parties));
  problems.push(...factsProblems(src.findings, src.evidence));
  if (src.penalties.length === 0) problems.push(missing('penalties', 'the decision imposes no penalty'));
  problems.push(...basisProblems(src.powerItem));

  const penalties = src.penalties.map(penaltyOf);
  const payable = src.penalties
    .filter((p) => MONEY_PENALTIES.includes(p.type))
    .reduce((sum, p) => sum + Math.round((p.amount ?? 0) * 100), 0);
  const fine = src.penalties.some((p) => p.type === 'fine' && (p.amount ?? 0) > 0);
  const paymentMethod = src.settings.paymentMethod.trim() || null;
  if (payable > 0 && !paymentMethod) problems.push(missing('payment_method', 'no payment method configured'));

  const body = src.settings.reconsiderationBody ?? localBodyName(src.agencyName, '人民政府');
  const court = src.settings.litigationCourt ?? localBodyName(src.agencyName, '人民法院');
  if (!body)
    problems.push(missing('reconsideration_body', 'set decision.reconsideration_body for this bureau'));
  if (!court) problems.push(missing('litigation_court', 'set decision.litigation_court for this bureau'));
  if (!src.agencyName.trim()) problems.push(missing('agency'));
  if (!src.decidedOn) problems.push(missing('date', 'the case is not decided'));

  const days = PERIOD_RULES.PAYMENT.days;
  const lateSurcharge = fine
    ? {
        percentPerDay: DAILY_SURCHARGE_PERCENT,
        cap: 'the fine (不超出罚款的数额)',
        rule: 'APL art. 72(1)',
        text:
          `到期不缴纳罚款的，根据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的` +
          `百分之${DAILY_SURCHARGE_PERCENT === 3 ? '三' : DAILY_SURCHARGE_PERCENT}加处罚款，加处罚款的数额不超出罚款的数额。`,
      }
    : null;
  const others = penalties.filter((p) => !MONEY_PENALTIES.includes(p.type)).map((p) => p.name);
  const performanceText = [
    payable > 0
      ? `当事人应当自收到本决定书之日起十五日内，将罚没款${formatYuan(payable / 100)}${paymentMethod ?? '【缺：缴纳方式】'}。`
      : '',
    others.length > 0 ? `${others.join('、')}自本决定书送达之日起执行。` : '',
    lateSurcharge?.text ?? '',
  ].join('');

  const bodyText = body ?? '【缺：行政复议机关】';
  const courtText = court ?? '【缺：人民法院】';
  const remediesText =
    `当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向${bodyText}申请行政复议；` +
    `也可以在收到本决定书之日起六个月内依法向${courtText}提起行政诉讼。`;

  const procedure: string[] = [];
  if (src.notice) {
    procedure.push(
      `本机关于${src.notice.servedOn}向当事人送达${src.notice.number ? `《行政处罚告知书》（${src.notice.number}）` : '《行政处罚告知书》'}，` +
        `告知当事人拟作出行政处罚的事实、理由、依据及内容，以及当事人依法享有的陈述、申辩${src.notice.hearingRight ? '、要求听证' : ''}的权利。`,
    );
  }
  if (src.waivedOn) procedure.push(`当事人于${src.waivedOn}书面表示放弃陈述、申辩和听证的权利。`);
  if (src.statementsReceived > 0) procedure.push('当事人在法定期限内提出了陈述、申辩，本机关已予以复核。');
  if (src.hearingHeldOn) procedure.push(`本机关于${src.hearingHeldOn}依法举行了听证。`);

  return {
    type: 'penalty_decision',
    title: '行政处罚决定书',
    number: src.number,
    agencyName: src.agencyName,
    date: src.decidedOn,
    parties: src.parties.map(partyOf),
    facts: { findings: src.findings, summary: src.summary, violationOn: src.violationOn },
    evidence: src.evidence.map(evidenceOf),
    procedure,
    penalties,
    legalBasis: (src.powerItem?.legalBasis ?? []).map(basisOf),
    powerItem: src.powerItem ? { code: src.powerItem.code, name: src.powerItem.name } : null,
    discretion: src.assessment
      ? {
          benchmarkId: src.assessment.benchmarkId,
          tier: src.assessment.tier,
          range: src.assessment.range
            ? {
                min: src.assessment.range.min,
                max: src.assessment.range.max,
                exclusive: src.assessment.range.exclusive === true,
              }
            : null,
          reasons: src.assessment.reasons.map((r) => ({ rule: r.rule, detail: r.detail })),
          outsideBenchmarkReason: src.outsideBenchmarkReason,
        }
      : null,
    performance: {
      amountPayable: payable / 100,
      paymentPeriod: { days, unit: 'calendar', rule: citation(PERIOD_RULES.PAYMENT) },
      paymentMethod,
      servedOn: src.service?.servedOn ?? null,
      paymentDueOn: src.service?.paymentDueOn ?? null,
      lateSurcharge,
      text: performanceText,
    },
    remedies: {
      reconsideration: { body, days: RECONSIDERATION.days, rule: 'ARL arts. 20, 24' },
      litigation: { court, months: LITIGATION_MONTHS, rule: LITIGATION_RULE },
      notSuspended: {
        rule: 'APL art. 73',
        text: '当事人对行政处罚决定不服，申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。',
      },
      text: remediesText,
    },
    missing: problems,
    complete: problems.length === 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// The pre-penalty notice (行政处罚告知书), APL arts. 44–45, 63–64

export function buildNoticeDocument(src: NoticeSource): NoticeDocument {
  // The notice's contents are those of APL art. 44, whatever article the decision cites for the same element.
  const notice = (m: MissingElement): MissingElement => ({
    ...m,
    rule: DOCUMENT_ELEMENTS.notice_reasons.rule,
  });
  const problems: MissingElement[] = [];
  if (!src.number) problems.push(missing('number', 'the notice has no number'));
  problems.push(...partyProblems(src.parties).map(notice));
  problems.push(...factsProblems(src.findings, src.evidence).map(notice));
  if (src.penalties.length === 0) problems.push(missing('proposed_penalties', 'no proposed penalty'));
  problems.push(...basisProblems(src.powerItem).map(notice));
  if (!src.agencyName.trim()) problems.push(notice(missing('agency')));

  const window = PERIOD_RULES.STATEMENT_AND_HEARING_REQUEST;
  const until = src.windowEndsOn ? `（即${src.windowEndsOn}前）` : '';
  return {
    type: 'pre_penalty_notice',
    title: '行政处罚告知书',
    number: src.number,
    agencyName: src.agencyName,
    date: src.servedOn,
    parties: src.parties.map(partyOf),
    facts: { findings: src.findings, summary: src.summary, violationOn: src.violationOn },
    evidence: src.evidence.map(evidenceOf),
    legalBasis: (src.powerItem?.legalBasis ?? []).map(basisOf),
    proposedPenalties: src.penalties.map(penaltyOf),
    rights: {
      statement: {
        days: window.days,
        unit: 'working',
        endsOn: src.windowEndsOn,
        rule: 'APL arts. 44, 45',
        text: `当事人有权进行陈述和申辩，可以在收到本告知书之日起五个工作日内${until}向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。`,
      },
      hearing: src.hearingRight
        ? {
            days: window.days,
            unit: 'working',
            endsOn: src.windowEndsOn,
            rule: citation(window),
            text: `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，当事人有权要求听证，可以在收到本告知书之日起五个工作日内${until}向本机关提出听证申请；逾期未提出的，视为放弃此权利。`,
          }
        : null,
      noHeavierPenalty: {
        rule: 'APL art. 45',
        text: '本机关不会因当事人陈述、申辩而给予更重的处罚。',
      },
    },
    missing: problems,
    complete: problems.length === 0,
  };
}

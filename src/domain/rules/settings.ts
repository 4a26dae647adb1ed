/**
 * Rule settings (规则设置): the parts of the rules that are local practice or set by a province,
 * which RULES.md marks *(configurable)*. Each has a cited default; an agency may set its own value
 * from a date on, and every value stays on record, so a deadline computed last year can still be
 * explained with the setting in force then.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { PENALTY_TYPES, type PenaltyType } from '../cases/case-model';
import { PERIOD_RULES } from './period-rules';

export interface RuleSettingDefinition<S extends TSchema = TSchema> {
  description: string;
  /** Where the default comes from. */
  source: string;
  schema: S;
  default: Static<S>;
}

function setting<S extends TSchema>(definition: RuleSettingDefinition<S>): RuleSettingDefinition<S> {
  return definition;
}

const WorkingDays = Type.Integer({ minimum: 1, maximum: 365 });

export const RULE_SETTINGS = {
  'document_numbers.backdating_years': setting({
    description:
      'How many past calendar years a document may still be numbered into (补编文号); 0 = current year only. ' +
      'Documents dated late in December are often numbered in January.',
    source: 'Local practice (文书管理); default: the current and the previous year',
    schema: Type.Integer({ minimum: 0, maximum: 10 }),
    default: 1,
  }),
  'case_review.working_days': setting({
    description: 'Working days for case review (案件审核) after the investigation-end report',
    source: `PPR; RULES.md §1 default ${PERIOD_RULES.CASE_REVIEW.days} WD`,
    schema: WorkingDays,
    default: PERIOD_RULES.CASE_REVIEW.days,
  }),
  'publication.working_days': setting({
    description:
      'Working days from the decision to publication (行政处罚信息公示); the seed bureau commits to 7',
    source: `PDR art. 9: at most ${PERIOD_RULES.PUBLICATION.days} WD`,
    schema: Type.Integer({ minimum: 1, maximum: PERIOD_RULES.PUBLICATION.days }),
    default: PERIOD_RULES.PUBLICATION.days,
  }),
  'publication.low_fine_thresholds': setting({
    description:
      'The lower-amount fine (较低数额罚款) whose publicity lasts 3 months instead of 3 years: natural persons (and ' +
      'individual businesses) / organisations, and whether a fine equal to the amount still counts as lower',
    source:
      'PDR art. 13 leaves the amount to the province; the common amounts are below CNY 5,000 (person) and ' +
      'CNY 50,000 (organisation), exclusive (RULES.md §4)',
    schema: Type.Object(
      {
        naturalPerson: Type.Number({ minimum: 0 }),
        organisation: Type.Number({ minimum: 0 }),
        inclusive: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    default: { naturalPerson: 5_000, organisation: 50_000, inclusive: false },
  }),
  'credit_restoration.min_months': setting({
    description:
      'Months a publication must have been public before the party may apply to stop it early (信用修复): the ' +
      'general period, and the longer one for cases under the listed laws (food, drugs, special equipment)',
    source: 'CRM art. 6; PDR art. 14: 6 months, 12 months for food, drug and special-equipment cases',
    schema: Type.Object(
      {
        general: Type.Integer({ minimum: 1, maximum: 36 }),
        extended: Type.Integer({ minimum: 1, maximum: 36 }),
        extendedLaws: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
          maxItems: 50,
          uniqueItems: true,
        }),
      },
      { additionalProperties: false },
    ),
    default: {
      general: 6,
      extended: 12,
      extendedLaws: [
        '中华人民共和国食品安全法',
        '中华人民共和国药品管理法',
        '中华人民共和国特种设备安全法',
        '医疗器械监督管理条例',
        '化妆品监督管理条例',
      ],
    },
  }),
  'credit_restoration.working_days': setting({
    description:
      'Working days to process a credit restoration application: to accept or not, to decide after acceptance, ' +
      'and to remove an entity from the abnormal-operation list',
    source:
      'CRM (local practice within it): commonly 2–3 WD to accept, 15 WD to decide, 5 WD for list removal',
    schema: Type.Object(
      {
        accept: WorkingDays,
        decide: WorkingDays,
        abnormalListRemoval: WorkingDays,
      },
      { additionalProperties: false },
    ),
    default: { accept: 2, decide: 15, abnormalListRemoval: 5 },
  }),
  'on_the_spot.filing_working_days': setting({
    description: 'Working days to file an on-the-spot penalty decision with the bureau (当场处罚备案)',
    source: `APL art. 52 (filing required; no national number of days); RULES.md §2 default ${PERIOD_RULES.ON_THE_SPOT_FILING.days} WD`,
    schema: WorkingDays,
    default: PERIOD_RULES.ON_THE_SPOT_FILING.days,
  }),
  'on_the_spot.remedies_notice': setting({
    description:
      'The remedies statement (救济途径告知) printed on every on-the-spot decision (当场行政处罚决定书) and kept in ' +
      'its record: reconsideration comes first (复议前置), then the court. Name the reviewing body where known',
    source:
      'ARL art. 23(1)(1) (复议前置 for on-the-spot penalties), art. 20 (60 d), art. 24; ALL art. 45 (15 d); APL art. 52',
    schema: Type.String({ minLength: 20, maxLength: 2000 }),
    default:
      '对本当场行政处罚决定不服的，应当先依法申请行政复议（复议前置，《中华人民共和国行政复议法》第二十三条）：' +
      '可以自收到本决定书之日起六十日内向本机关的本级人民政府申请行政复议；对行政复议决定不服的，' +
      '可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。',
  }),
  'hearing.fine_thresholds': setting({
    description:
      'Fines (and confiscations) from which the party may request a hearing (较大数额): natural persons / organisations',
    source:
      'HR art. 5: CNY 10,000 (natural person), CNY 100,000 (organisation); a province may set other amounts',
    schema: Type.Object(
      { naturalPerson: Type.Number({ minimum: 0 }), organisation: Type.Number({ minimum: 0 }) },
      { additionalProperties: false },
    ),
    default: { naturalPerson: 10_000, organisation: 100_000 },
  }),
  'legal_review.all_cases': setting({
    description:
      'Whether every case gets a legal review (法制审核) before its decision, not only the catalogue’s',
    source: 'APL art. 58 and the local catalogue; the seed bureau reviews 100 % of its cases',
    schema: Type.Boolean(),
    default: false,
  }),
  'collective_discussion.fine_thresholds': setting({
    description:
      'Fines from which a case counts as major (重大) and needs a collective discussion (集体讨论); null: only ' +
      'the manual major/complex flag',
    source: 'APL art. 57; the amounts are the local catalogue’s (重大行政处罚案件标准)',
    schema: Type.Union([
      Type.Null(),
      Type.Object(
        { naturalPerson: Type.Number({ minimum: 0 }), organisation: Type.Number({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ]),
    default: null,
  }),
  'officers.min_legal_reviewer_ratio': setting({
    description: 'Minimum share of legal reviewers (法制审核人员) among enforcement officers',
    source: 'RULES.md §11: 5 % of enforcement staff',
    schema: Type.Number({ minimum: 0, maximum: 1 }),
    default: 0.05,
  }),
  'case_closure.working_days': setting({
    description:
      'Working days to close a case (结案, with the 结案审批表) once its decision is performed, the court asked to ' +
      'enforce, or the case terminated; shown as the case_closure clock and flagged overdue',
    source:
      'Local practice: no national article sets this period (PPR asks only for the head’s closure approval); ' +
      'default 15 WD. The seed bureau was criticised for cases not closed in time (未按期结案)',
    schema: WorkingDays,
    default: PERIOD_RULES.CASE_CLOSURE.days,
  }),
  'major_case_filing.working_days': setting({
    description:
      'Working days from a major penalty decision to its filing for the record (重大行政处罚备案) with the ' +
      'receiving body (e.g. the people’s government’s justice bureau or the superior bureau)',
    source:
      'Local practice: set by the province’s or city’s rules on filing major penalty decisions, not by a national ' +
      'article; default 15 WD',
    schema: WorkingDays,
    default: PERIOD_RULES.MAJOR_CASE_FILING.days,
  }),
  'major_case_filing.criteria': setting({
    description:
      'Which penalty decisions are major and filed for the record (重大行政处罚备案): a fine of at least the amount ' +
      'for the party (natural person, including an individual business / organisation), any of the penalty types, ' +
      'or a case the bureau flagged major',
    source:
      'Local practice: each province sets its criteria. Default: the hearing amounts of HR art. 5 (CNY 10,000 / ' +
      'CNY 100,000), licence revocation, suspension, closure and the other penalties that always carry a hearing ' +
      'right, and cases flagged major. The seed bureau filed 11 such cases in 2024',
    schema: Type.Object(
      {
        fineThresholds: Type.Object(
          { naturalPerson: Type.Number({ minimum: 0 }), organisation: Type.Number({ minimum: 0 }) },
          { additionalProperties: false },
        ),
        penaltyTypes: Type.Array(Type.Enum(Object.keys(PENALTY_TYPES) as PenaltyType[]), {
          uniqueItems: true,
        }),
        flaggedMajor: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    default: {
      fineThresholds: { naturalPerson: 10_000, organisation: 100_000 },
      penaltyTypes: [
        'revoke_licence',
        'suspend_business',
        'close_down',
        'lower_qualification',
        'restrict_business',
        'restrict_employment',
      ] as PenaltyType[],
      flaggedMajor: true,
    },
  }),
  'decision.payment_method': setting({
    description:
      'How the party pays a fine or confiscated gains (缴纳方式), as printed in the penalty decision (行政处罚决定书), ' +
      'e.g. the designated bank and account or the electronic payment system',
    source: 'APL art. 67(3): 到指定的银行或者通过电子支付系统缴纳罚款',
    schema: Type.String({ minLength: 1, maxLength: 1000 }),
    default: '到指定的银行或者通过电子支付系统缴纳',
  }),
  'decision.reconsideration_body': setting({
    description:
      'The reviewing body (行政复议机关) the penalty decision names; null: the people’s government at the bureau’s ' +
      'level, named after the bureau (城东区市场监督管理局 → 城东区人民政府)',
    source: 'ARL art. 24: a district bureau’s acts are reviewed by the district people’s government',
    schema: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 200 })]),
    default: null,
  }),
  'decision.litigation_court': setting({
    description:
      'The court (人民法院) the penalty decision names for a lawsuit; null: the basic people’s court where the ' +
      'bureau sits, named after the bureau (城东区市场监督管理局 → 城东区人民法院). Set it where the province ' +
      'centralises administrative cases (集中管辖)',
    source: 'ALL arts. 14, 18: the basic people’s court where the acting agency is located',
    schema: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 200 })]),
    default: null,
  }),
} as const;

export type RuleSettingKey = keyof typeof RULE_SETTINGS;
export type RuleSettingValue<K extends RuleSettingKey> = Static<(typeof RULE_SETTINGS)[K]['schema']>;
export const RULE_SETTING_KEYS = Object.keys(RULE_SETTINGS) as RuleSettingKey[];

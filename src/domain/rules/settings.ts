/**
 * Rule settings (规则设置): the parts of the rules that are local practice or set by a province,
 * which RULES.md marks *(configurable)*. Each has a cited default; an agency may set its own value
 * from a date on, and every value stays on record, so a deadline computed last year can still be
 * explained with the setting in force then.
 */
import { type Static, type TSchema, Type } from 'typebox';
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
  'on_the_spot.filing_working_days': setting({
    description: 'Working days to file an on-the-spot penalty decision with the bureau (当场处罚备案)',
    source: 'APL art. 52; RULES.md §2 default 7 WD',
    schema: WorkingDays,
    default: 7,
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
} as const;

export type RuleSettingKey = keyof typeof RULE_SETTINGS;
export type RuleSettingValue<K extends RuleSettingKey> = Static<(typeof RULE_SETTINGS)[K]['schema']>;
export const RULE_SETTING_KEYS = Object.keys(RULE_SETTINGS) as RuleSettingKey[];

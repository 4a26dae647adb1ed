import { type Static, Type } from 'typebox';
import { RULE_SETTING_KEYS } from '../../domain/rules/settings';
import { DateTime, IsoDate, StrictObject, Uuid } from '../../http/schemas';

const Key = Type.Enum([...RULE_SETTING_KEYS], { description: 'Rule setting key' });

const HistoryEntry = Type.Object({
  value: Type.Unknown(),
  effectiveFrom: IsoDate,
  basis: Type.String(),
  recordedAt: DateTime,
});

export const RuleSettingSchema = Type.Object(
  {
    key: Key,
    description: Type.String(),
    value: Type.Unknown({ description: 'The value in force on the asOf date' }),
    isDefault: Type.Boolean(),
    effectiveFrom: Type.Union([IsoDate, Type.Null()], {
      description: 'When the value took effect; null for the default',
    }),
    basis: Type.String({ description: 'The agency’s basis for its value, or the default’s legal source' }),
    default: Type.Unknown(),
    defaultSource: Type.String({ description: 'Where the default comes from (law, article, or RULES.md)' }),
    valueSchema: Type.Record(Type.String(), Type.Unknown(), {
      description: 'JSON Schema a value must satisfy',
    }),
    history: Type.Array(HistoryEntry, { description: 'Every value the agency set, oldest first' }),
  },
  {
    $id: 'RuleSetting',
    description: 'A configurable rule (规则设置) of an agency, with its default and history',
  },
);

export const RuleSettingListSchema = Type.Object(
  {
    asOf: IsoDate,
    items: Type.Array(Type.Unsafe<Static<typeof RuleSettingSchema>>({ $ref: 'RuleSetting' })),
  },
  { $id: 'RuleSettingList' },
);

export const RuleSettingValueCreateSchema = StrictObject(
  {
    value: Type.Unknown({ description: 'The new value; must satisfy the setting’s valueSchema' }),
    effectiveFrom: { ...IsoDate, description: 'From when the value applies' },
    basis: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'The document or decision that sets it, e.g. 东市监发〔2024〕3号',
    }),
  },
  { $id: 'RuleSettingValueCreate', required: ['value', 'effectiveFrom', 'basis'] },
);
export type RuleSettingValueCreate = Static<typeof RuleSettingValueCreateSchema>;

export const SettingsParams = StrictObject({ agencyId: Uuid });
export const SettingParams = StrictObject({ agencyId: Uuid, key: Key });
export const AsOfQuery = StrictObject({
  asOf: Type.Optional({ ...IsoDate, description: 'Date to evaluate; default today' }),
});

export const ruleSettingSchemas = [RuleSettingSchema, RuleSettingListSchema, RuleSettingValueCreateSchema];

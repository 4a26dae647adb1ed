/**
 * API schemas of the power and responsibility list (权责清单): items as of a date, their history,
 * dynamic adjustments (动态调整) and the published list (公示). The versioned content itself is
 * PowerItemData (power-item.schemas.ts).
 */
import { type Static, Type } from 'typebox';
import {
  ADJUSTMENT_TRIGGERS,
  CHANGE_TYPES,
  type ChangeType,
  POWER_CATEGORIES,
  POWER_CATEGORY_CODES,
  type PowerCategory,
} from '../../domain/power-list/categories';
import { CHANGE_REFUSALS } from '../../domain/power-list/versions';
import {
  DateTime,
  describe,
  IsoDate,
  Nullable,
  Page,
  PageQuery,
  StrictObject,
  Text,
  Uuid,
} from '../../http/schemas';
import { type PowerItemData, PowerItemDataSchema } from './power-item.schemas';

const CHANGE_TYPE_CODES = Object.keys(CHANGE_TYPES) as ChangeType[];
const TRIGGER_CODES = Object.keys(ADJUSTMENT_TRIGGERS) as (keyof typeof ADJUSTMENT_TRIGGERS)[];

const ChangeTypeSchema = Type.Enum(CHANGE_TYPE_CODES, {
  description: `Change type: ${describe(CHANGE_TYPES)}`,
});
const TriggerSchema = Type.Enum(TRIGGER_CODES, {
  description: `What prompted the adjustment: ${describe(ADJUSTMENT_TRIGGERS)}`,
});
const ItemStatus = Type.Enum(['in_force', 'cancelled'], {
  description: 'in_force 有效, or cancelled 已取消 (cancelled or delegated away)',
});
const CategoryFilter = Type.Enum([...POWER_CATEGORY_CODES], { description: 'Category (权力类别)' });
const ItemDataRef = Type.Unsafe<PowerItemData>({ $ref: 'PowerItemData' });

// ---------------------------------------------------------------------------------------------------
// Items

const ExercisingUnit = Type.Object(
  { id: Uuid, name: Type.String() },
  { additionalProperties: false, description: 'A unit exercising the power (实施科室 / 所)' },
);

export const PowerItemVersionSchema = Type.Object(
  {
    number: Type.Integer({ minimum: 1, description: 'Version number of the item, from 1' }),
    validFrom: IsoDate,
    validTo: Nullable(IsoDate),
    changeType: ChangeTypeSchema,
    adjustmentId: Uuid,
    counterpart: Nullable(
      Type.String({ description: 'For 下放 (delegate): to whom; for 承接 (take over): from whom' }),
    ),
  },
  {
    $id: 'PowerItemVersion',
    additionalProperties: false,
    description: 'The version shown: in force from validFrom (inclusive) to validTo (exclusive; null = open)',
  },
);

export const PowerItemSchema = Type.Object(
  {
    id: Uuid,
    ...PowerItemDataSchema.properties,
    exercisingUnits: Type.Array(ExercisingUnit),
    status: ItemStatus,
    effectiveFrom: { ...IsoDate, description: 'The day the item first came into force' },
    effectiveTo: Nullable(IsoDate),
    version: Type.Unsafe<Static<typeof PowerItemVersionSchema>>({ $ref: 'PowerItemVersion' }),
  },
  {
    $id: 'PowerItem',
    additionalProperties: false,
    description:
      'A power-list item (权责清单事项) as it stood on the requested date. effectiveTo is the day it was ' +
      'cancelled or delegated (取消 / 下放), as recorded today, or null.',
  },
);
export type PowerItem = Static<typeof PowerItemSchema>;

export const PowerItemPageSchema = Page(Type.Unsafe<PowerItem>({ $ref: 'PowerItem' }), 'PowerItemPage');

export const PowerItemParams = StrictObject({ itemId: Uuid });

const AsOf = Type.Optional({
  ...IsoDate,
  description: 'The date the list is read as of (default: today, China time)',
});
export const AsOfQuery = StrictObject({ asOf: AsOf });

const SearchText = Type.String({
  minLength: 1,
  maxLength: 100,
  description:
    'Chinese substring of the name, sub-items or legal basis (law, article, provision text), e.g. 食品 or ' +
    '第一百二十二条; one character is enough',
});

export const PowerItemListQuery = StrictObject({
  ...PageQuery,
  asOf: AsOf,
  q: Type.Optional(SearchText),
  category: Type.Optional(CategoryFilter),
  status: Type.Optional(
    Type.Enum(['in_force', 'cancelled', 'all'], {
      default: 'in_force',
      description: 'in_force (default), cancelled, or all items that existed on asOf',
    }),
  ),
  unitId: Type.Optional({ ...Uuid, description: 'Only items this unit exercises' }),
  law: Type.Optional(Text(200, 'Only items resting on this law (exact name), e.g. 中华人民共和国食品安全法')),
});
export type PowerItemListQuery = Static<typeof PowerItemListQuery>;

export const PowerItemCountsSchema = Type.Object(
  {
    asOf: IsoDate,
    total: Type.Integer({ description: 'Items in force on asOf' }),
    byCategory: Type.Object(
      Object.fromEntries(
        POWER_CATEGORY_CODES.map((c) => [c, Type.Integer({ minimum: 0, description: POWER_CATEGORIES[c] })]),
      ) as Record<PowerCategory, ReturnType<typeof Type.Integer>>,
      {
        additionalProperties: false,
        description: 'Items in force per category (权力类别), every category listed',
      },
    ),
  },
  { $id: 'PowerItemCounts', additionalProperties: false },
);
export type PowerItemCounts = Static<typeof PowerItemCountsSchema>;

const AdjustmentRefSchema = Type.Object(
  {
    id: Uuid,
    effectiveOn: IsoDate,
    trigger: TriggerSchema,
    documentNumber: Type.String({ description: 'Approving document number (文号)' }),
    approvedBy: Type.String(),
  },
  { additionalProperties: false, description: 'The adjustment (动态调整) that made the version' },
);

export const PowerItemHistorySchema = Type.Object(
  {
    itemId: Uuid,
    code: Type.String(),
    versions: Type.Array(
      Type.Object(
        {
          number: Type.Integer({ minimum: 1 }),
          validFrom: IsoDate,
          validTo: Nullable(IsoDate),
          status: ItemStatus,
          changeType: ChangeTypeSchema,
          counterpart: Nullable(Type.String()),
          reason: Nullable(Type.String({ description: 'For cancel / delegate: why' })),
          adjustment: AdjustmentRefSchema,
          before: Nullable(ItemDataRef),
          after: Nullable(ItemDataRef),
        },
        { additionalProperties: false },
      ),
      { description: 'Every version, oldest first' },
    ),
  },
  {
    $id: 'PowerItemHistory',
    additionalProperties: false,
    description:
      'The history of an item: each version with the adjustment (动态调整) that made it and the content before ' +
      'and after (before null for 新增 / 承接, after null for 取消 / 下放)',
  },
);
export type PowerItemHistory = Static<typeof PowerItemHistorySchema>;

// ---------------------------------------------------------------------------------------------------
// Adjustments

const AdjustmentId = { ...Uuid, description: 'Adjustment id' };

const ItemRef = { ...Uuid, description: 'The item changed' };
const Counterpart = Text(200, 'The other party: for take_over from whom, for delegate to whom');

export const ChangeAddSchema = StrictObject(
  {
    type: Type.Enum(['add', 'take_over'], { description: 'add 新增, or take_over 承接 (from counterpart)' }),
    item: ItemDataRef,
    counterpart: Type.Optional(Counterpart),
  },
  {
    $id: 'PowerListChangeAdd',
    description: 'Adds a new item (新增 / 承接); its code must be new to the agency',
  },
);
export const ChangeModifySchema = StrictObject(
  {
    type: Type.Literal('modify', { description: 'modify 调整' }),
    itemId: ItemRef,
    item: ItemDataRef,
  },
  {
    $id: 'PowerListChangeModify',
    description: 'Replaces the whole content of an item in force (调整); the code may not change',
  },
);
export const ChangeCancelSchema = StrictObject(
  {
    type: Type.Enum(['cancel', 'delegate'], {
      description: 'cancel 取消, or delegate 下放 (to counterpart)',
    }),
    itemId: ItemRef,
    reason: Text(1000, 'Why the item is cancelled or delegated'),
    counterpart: Type.Optional(Counterpart),
  },
  { $id: 'PowerListChangeCancel', description: 'Cancels (取消) or delegates (下放) an item in force' },
);

/** The discriminated change: the `type` member picks which of the three shapes applies. */
export type ChangeInput =
  | { type: 'add' | 'take_over'; item: PowerItemData; counterpart?: string }
  | { type: 'modify'; itemId: string; item: PowerItemData }
  | { type: 'cancel' | 'delegate'; itemId: string; reason: string; counterpart?: string };

const branch = (types: string[], id: string) => ({
  if: { properties: { type: { enum: types } }, required: ['type'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if / then, not a promise
  then: { $ref: id },
});
/**
 * if/then on `type` rather than anyOf: a bad field in one change yields only the errors of the
 * shape that change claims to be, not those of every shape.
 */
const ChangeSchema = Type.Unsafe<ChangeInput>({
  type: 'object',
  required: ['type'],
  properties: { type: ChangeTypeSchema },
  allOf: [
    branch(['add', 'take_over'], 'PowerListChangeAdd'),
    branch(['modify'], 'PowerListChangeModify'),
    branch(['cancel', 'delegate'], 'PowerListChangeCancel'),
  ],
  description:
    'One change. add / take_over: { type, item, counterpart? }; modify: { type, itemId, item }; ' +
    'cancel / delegate: { type, itemId, reason, counterpart? }',
});

export const MAX_CHANGES_PER_ADJUSTMENT = 5000;

export const AdjustmentCreateSchema = StrictObject(
  {
    effectiveOn: { ...IsoDate, description: 'The day the changes take effect (生效日期)' },
    trigger: TriggerSchema,
    documentNumber: Text(100, 'Number of the approving document (文号), e.g. 东市监发〔2024〕15号'),
    approvedBy: Text(100, 'Who approved it (审批机关 / 负责人)'),
    laws: Type.Array(Text(200, 'A law or regulation'), {
      maxItems: 100,
      description: 'The laws and regulations that prompted the adjustment (立改废的法律法规)',
    }),
    summary: Type.Optional(Text(2000, 'Summary (调整说明)')),
    changes: Type.Array(ChangeSchema, { minItems: 1, maxItems: MAX_CHANGES_PER_ADJUSTMENT }),
  },
  { $id: 'PowerListAdjustmentCreate', description: 'A dynamic adjustment (动态调整) of the list' },
);
export type AdjustmentInput = Static<typeof AdjustmentCreateSchema>;

export const PowerListChangeSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: 'Position in the adjustment, from 1' }),
    changeType: ChangeTypeSchema,
    itemId: Uuid,
    code: Type.String(),
    name: Type.String(),
    before: Nullable(ItemDataRef),
    after: Nullable(ItemDataRef),
    reason: Nullable(Type.String({ description: 'For cancel / delegate: why' })),
    counterpart: Nullable(Type.String()),
  },
  {
    $id: 'PowerListChange',
    additionalProperties: false,
    description:
      'One change with the content before and after it: before null for add / take_over, after null for ' +
      'cancel / delegate',
  },
);
export type PowerListChange = Static<typeof PowerListChangeSchema>;

const adjustmentProperties = {
  id: Uuid,
  effectiveOn: IsoDate,
  trigger: TriggerSchema,
  documentNumber: Type.String(),
  approvedBy: Type.String(),
  laws: Type.Array(Type.String()),
  summary: Nullable(Type.String()),
  changeCount: Type.Integer({ minimum: 0 }),
  createdBy: Type.String({ description: 'Officer or API key that recorded it' }),
  createdAt: DateTime,
};

export const AdjustmentSummarySchema = Type.Object(adjustmentProperties, {
  $id: 'PowerListAdjustmentSummary',
  additionalProperties: false,
  description: 'A dynamic adjustment (动态调整), without its changes',
});
export type AdjustmentSummary = Static<typeof AdjustmentSummarySchema>;

export const AdjustmentSchema = Type.Object(
  {
    ...adjustmentProperties,
    changes: Type.Array(Type.Unsafe<PowerListChange>({ $ref: 'PowerListChange' })),
  },
  {
    $id: 'PowerListAdjustment',
    additionalProperties: false,
    description: 'A dynamic adjustment (动态调整) with every change it made',
  },
);
export type AdjustmentView = Static<typeof AdjustmentSchema>;

export const AdjustmentPageSchema = Page(
  Type.Unsafe<AdjustmentSummary>({ $ref: 'PowerListAdjustmentSummary' }),
  'PowerListAdjustmentPage',
);

const Year = Type.Integer({ minimum: 1900, maximum: 2099, description: 'Calendar year of effectiveOn' });
export const AdjustmentListQuery = StrictObject({ ...PageQuery, year: Type.Optional(Year) });
export const AdjustmentParams = StrictObject({ adjustmentId: AdjustmentId });
export const StatsQuery = StrictObject({
  year: Type.Optional({ ...Year, description: 'Calendar year (default: this year)' }),
});

export const AdjustmentStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    adjustments: Type.Integer({ description: 'Dynamic adjustments effective that year' }),
    lawsTouched: Type.Integer({ description: 'Distinct laws and regulations named by those adjustments' }),
    laws: Type.Array(Type.String()),
    lawsOfChangedItems: Type.Array(Type.String(), {
      description:
        'Distinct laws cited by the legal bases of the changed items, before or after the change: a check on ' +
        '`laws`, which the adjustments declare',
    }),
    itemsChanged: Type.Integer({ description: 'Distinct items changed' }),
    byChangeType: Type.Object(
      Object.fromEntries(
        CHANGE_TYPE_CODES.map((c) => [c, Type.Integer({ description: CHANGE_TYPES[c] })]),
      ) as Record<ChangeType, ReturnType<typeof Type.Integer>>,
      { additionalProperties: false },
    ),
  },
  {
    $id: 'PowerListAdjustmentStats',
    additionalProperties: false,
    description: 'A year of dynamic adjustments (动态调整), initial imports (清单初始导入) left out',
  },
);
export type AdjustmentStats = Static<typeof AdjustmentStatsSchema>;

/** Stable reasons of a refused change, for the documentation of the 422. */
export const CHANGE_REFUSAL_DOCS = Object.entries(CHANGE_REFUSALS)
  .map(([code, text]) => `${code} (${text})`)
  .join('; ');

// ---------------------------------------------------------------------------------------------------
// Published list (公示)

export const PublicPowerItemSchema = Type.Object(
  {
    code: PowerItemDataSchema.properties.code,
    name: Type.String(),
    subItems: Type.Array(Type.String()),
    category: CategoryFilter,
    categoryName: Type.String({ description: 'Category in Chinese, e.g. 行政处罚' }),
    legalBasis: PowerItemDataSchema.properties.legalBasis,
    exercisingUnits: Type.Array(Type.String(), {
      description: 'Names of the exercising units (实施科室 / 所)',
    }),
    level: PowerItemDataSchema.properties.level,
    responsibilities: PowerItemDataSchema.properties.responsibilities,
    accountability: Type.Array(Type.String()),
    benchmarks: PowerItemDataSchema.properties.benchmarks,
    effectiveFrom: { ...IsoDate, description: 'In force since (as published)' },
  },
  {
    $id: 'PublicPowerItem',
    additionalProperties: false,
    description:
      'A published item of the list (权责清单公示), without internal notes, ids or version bookkeeping',
  },
);
export type PublicPowerItem = Static<typeof PublicPowerItemSchema>;

export const PublicPowerItemPageSchema = Page(
  Type.Unsafe<PublicPowerItem>({ $ref: 'PublicPowerItem' }),
  'PublicPowerItemPage',
);

export const PublicListQuery = StrictObject({
  ...PageQuery,
  agencyId: { ...Uuid, description: 'The agency whose list to read' },
  asOf: Type.Optional({
    ...IsoDate,
    description: 'The date the list is read as of (default today; not in the future)',
  }),
  q: Type.Optional(SearchText),
  category: Type.Optional(CategoryFilter),
});

export const powerListSchemas = [
  PowerItemVersionSchema,
  PowerItemSchema,
  PowerItemPageSchema,
  PowerItemCountsSchema,
  PowerItemHistorySchema,
  ChangeAddSchema,
  ChangeModifySchema,
  ChangeCancelSchema,
  AdjustmentCreateSchema,
  PowerListChangeSchema,
  AdjustmentSummarySchema,
  AdjustmentSchema,
  AdjustmentPageSchema,
  AdjustmentStatsSchema,
  PublicPowerItemSchema,
  PublicPowerItemPageSchema,
];

/**
 * Categories of administrative power (权力类别) on a power and responsibility list (权责清单),
 * RULES.md §8: the ten statutory ones plus the two many lists add.
 */
export const POWER_CATEGORIES = {
  licensing: '行政许可',
  penalty: '行政处罚',
  compulsion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
  supervision: '行政监督',
  public_service: '公共服务',
} as const;

export type PowerCategory = keyof typeof POWER_CATEGORIES;
export const POWER_CATEGORY_CODES = Object.keys(POWER_CATEGORIES) as PowerCategory[];

/** Stages of exercising a power, each with its responsibility items (责任事项), RULES.md §8. */
export const RESPONSIBILITY_STAGES = {
  filing: '立案',
  investigation: '调查',
  review: '审查',
  notice: '告知',
  decision: '决定',
  service: '送达',
  enforcement: '执行',
  other: '其他',
} as const;
export type ResponsibilityStage = keyof typeof RESPONSIBILITY_STAGES;

/** Levels that exercise a power (行使层级). */
export const POWER_LEVELS = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
} as const;
export type PowerLevel = keyof typeof POWER_LEVELS;

/** Kinds of dynamic adjustment (动态调整): 新增 / 调整 / 取消 / 下放 / 承接. */
export const CHANGE_TYPES = {
  add: '新增',
  modify: '调整',
  cancel: '取消',
  delegate: '下放',
  take_over: '承接',
} as const;
export type ChangeType = keyof typeof CHANGE_TYPES;

/** What prompts an adjustment. */
export const ADJUSTMENT_TRIGGERS = {
  law_change: '法律法规立改废',
  delegation: '上级下放或委托',
  institutional_reform: '机构改革',
  correction: '纠错',
  initial_import: '清单初始导入',
} as const;
export type AdjustmentTrigger = keyof typeof ADJUSTMENT_TRIGGERS;

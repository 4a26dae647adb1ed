/**
 * Rule settings per agency: the value in force on a date is the latest one whose effectiveFrom is
 * not after it, else the cited default. Modules read them through `ruleSetting`.
 */
import { Value } from 'typebox/value';
import type { Executor } from '../../db/client';
import type { IsoDate } from '../../domain/calendar/dates';
import {
  RULE_SETTING_KEYS,
  RULE_SETTINGS,
  type RuleSettingKey,
  type RuleSettingValue,
} from '../../domain/rules/settings';
import { HttpProblem, notFound } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import { findAgency } from '../agencies/agencies.repository';
import * as repo from './rule-settings.repository';

export interface EffectiveSetting<K extends RuleSettingKey = RuleSettingKey> {
  key: K;
  value: RuleSettingValue<K>;
  isDefault: boolean;
  /** The date the value took effect; null for the default. */
  effectiveFrom: IsoDate | null;
  /** The agency's stated basis, or the default's source. */
  basis: string;
}

function effective<K extends RuleSettingKey>(
  key: K,
  rows: repo.RuleSettingRow[],
  onDate: IsoDate,
): EffectiveSetting<K> {
  const row = rows.filter((r) => r.key === key && r.effectiveFrom <= onDate).pop();
  const definition = RULE_SETTINGS[key];
  if (!row) {
    return {
      key,
      value: definition.default as RuleSettingValue<K>,
      isDefault: true,
      effectiveFrom: null,
      basis: definition.source,
    };
  }
  return {
    key,
    value: row.value as RuleSettingValue<K>,
    isDefault: false,
    effectiveFrom: row.effectiveFrom,
    basis: row.basis,
  };
}

/** The value of one setting for an agency on a date. */
export async function ruleSetting<K extends RuleSettingKey>(
  ex: Executor,
  agencyId: string,
  key: K,
  onDate: IsoDate,
): Promise<EffectiveSetting<K>> {
  return effective(key, await repo.listValues(ex, agencyId, key), onDate);
}

async function requireAgency(ex: Executor, agencyId: string): Promise<void> {
  if (!(await findAgency(ex, agencyId))) throw notFound('Agency', agencyId);
}

function describe(key: RuleSettingKey, rows: repo.RuleSettingRow[], onDate: IsoDate) {
  const definition = RULE_SETTINGS[key];
  return {
    ...effective(key, rows, onDate),
    description: definition.description,
    default: definition.default,
    defaultSource: definition.source,
    valueSchema: definition.schema as unknown as Record<string, unknown>,
    history: rows
      .filter((r) => r.key === key)
      .map((r) => ({
        value: r.value,
        effectiveFrom: r.effectiveFrom,
        basis: r.basis,
        recordedAt: r.createdAt.toISOString(),
      })),
  };
}

export async function listSettings(ex: Executor, agencyId: string, onDate: IsoDate) {
  await requireAgency(ex, agencyId);
  const rows = await repo.listValues(ex, agencyId);
  return { asOf: onDate, items: RULE_SETTING_KEYS.map((key) => describe(key, rows, onDate)) };
}

export async function getSetting(ex: Executor, agencyId: string, key: RuleSettingKey, onDate: IsoDate) {
  await requireAgency(ex, agencyId);
  return describe(key, await repo.listValues(ex, agencyId, key), onDate);
}

export async function setSetting(
  ctx: WriteContext,
  agencyId: string,
  key: RuleSettingKey,
  input: { value: unknown; effectiveFrom: IsoDate; basis: string },
  today: IsoDate,
) {
  const schema = RULE_SETTINGS[key].schema;
  if (!Value.Check(schema, input.value)) {
    const errors = [...Value.Errors(schema, input.value)].map((e) => ({
      in: 'body' as const,
      pointer: `/value${e.instancePath}`,
      message: e.message,
    }));
    throw new HttpProblem('VALIDATION_FAILED', `value is not valid for ${key}`, { errors });
  }
  await requireAgency(ctx.tx, agencyId);
  const row = await repo.insertValue(ctx.tx, {
    agencyId,
    key,
    effectiveFrom: input.effectiveFrom,
    value: input.value,
    basis: input.basis,
    createdAt: ctx.now,
  });
  if (!row) {
    throw new HttpProblem(
      'DUPLICATE',
      `${key} already has a value taking effect on ${input.effectiveFrom}; values are never overwritten`,
    );
  }
  ctx.audit({
    chainId: agencyId,
    action: 'rule_setting.set',
    entityType: 'rule_setting',
    entityId: key,
    changes: { value: input.value, effectiveFrom: input.effectiveFrom, basis: input.basis },
  });
  return describe(key, await repo.listValues(ctx.tx, agencyId, key), today);
}

import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { ruleSettings } from './rule-settings.table';

export type RuleSettingRow = typeof ruleSettings.$inferSelect;

/** Every stored value of an agency (optionally one key), oldest first. */
export async function listValues(ex: Executor, agencyId: string, key?: string): Promise<RuleSettingRow[]> {
  return ex
    .select()
    .from(ruleSettings)
    .where(and(eq(ruleSettings.agencyId, agencyId), key ? eq(ruleSettings.key, key) : undefined))
    .orderBy(asc(ruleSettings.key), asc(ruleSettings.effectiveFrom));
}

export async function insertValue(ex: Executor, values: typeof ruleSettings.$inferInsert) {
  const [row] = await ex.insert(ruleSettings).values(values).onConflictDoNothing().returning();
  return row;
}

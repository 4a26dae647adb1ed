/**
 * The power and responsibility list (权责清单, RULES.md §8). Items change only through dynamic
 * adjustments (动态调整), each applied atomically from its effective date; every change opens a
 * new version and closes the previous one, so the list can be read as of any date and every
 * item's history (before / after, document number, trigger) is kept.
 *
 * Other modules (discretion, import / export, case handling) call applyAdjustment, itemsAsOf and
 * findItemAsOf; every query is scoped to one agency.
 */
import type { Executor } from '../../db/client';
import { newId } from '../../db/columns';
import { changedFields } from '../../domain/audit/hash-chain';
import type { IsoDate } from '../../domain/calendar/dates';
import { canonicalJson } from '../../domain/canonical-json';
import {
  type AdjustmentTrigger,
  CHANGE_TYPES,
  type ChangeType,
  POWER_CATEGORIES,
  POWER_CATEGORY_CODES,
  type PowerCategory,
} from '../../domain/power-list/categories';
import {
  type ChangeRefusal,
  contentRefusals,
  lawsOf,
  type Refusal,
  searchTextOf,
  successionRefusal,
  type UnitFact,
  unitRefusals,
} from '../../domain/power-list/versions';
import { decodeCursor, toPage } from '../../http/pagination';
import { HttpProblem, notFound } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { findAgency } from '../agencies/agencies.repository';
import type { PowerItemData } from './power-item.schemas';
import * as repo from './power-list.repository';

/** The trigger of the one adjustment that builds an agency's list (清单初始导入). */
export const INITIAL_IMPORT: AdjustmentTrigger = 'initial_import';

import type {
  AdjustmentStats,
  AdjustmentSummary,
  AdjustmentView,
  ChangeInput,
  PowerItem,
  PowerItemCounts,
  PowerItemHistory,
  PowerListChange,
  PublicPowerItem,
} from './power-list.schemas';

export type { ItemFilter } from './power-list.repository';
export type { AdjustmentView, ChangeInput } from './power-list.schemas';
export type PowerItemView = PowerItem;

export interface AdjustmentInput {
  effectiveOn: IsoDate;
  trigger: AdjustmentTrigger;
  documentNumber: string;
  approvedBy: string;
  laws: string[];
  summary?: string;
  changes: ChangeInput[];
}

/** One refused change of an adjustment: which change, where in the request body, and why. */
export interface ChangeError {
  /** Index of the change in `changes`, from 0. */
  change: number;
  /** JSON pointer into the request body, e.g. /changes/2/item/benchmarks/0/tiers/1. */
  pointer: string;
  reason: ChangeRefusal;
  message: string;
}

/** The `reason` of the 422 problem that refuses an adjustment; `changeErrors` lists every refusal. */
export const ADJUSTMENT_REFUSED = 'ADJUSTMENT_REFUSED';

/** The change errors of a refused adjustment, or undefined for any other error. */
export function changeErrorsOf(error: unknown): ChangeError[] | undefined {
  if (!(error instanceof HttpProblem) || error.extensions?.reason !== ADJUSTMENT_REFUSED) return undefined;
  return error.extensions.changeErrors as ChangeError[];
}

// ---------------------------------------------------------------------------------------------------
// Content

/** The content with every defaulted member present, so equal content compares equal. */
export function normalizeItem(item: PowerItemData): PowerItemData {
  return {
    ...item,
    subItems: item.subItems ?? [],
    exercisingUnitIds: item.exercisingUnitIds ?? [],
    responsibilities: item.responsibilities ?? {},
    accountability: item.accountability ?? [],
    benchmarks: item.benchmarks ?? [],
  };
}

const sameContent = (a: PowerItemData, b: PowerItemData) =>
  canonicalJson(normalizeItem(a)) === canonicalJson(normalizeItem(b));

/**
 * What a change row keeps after a cancellation or delegation. The item's content does not change
 * then, so `after` holds only the reason (power_list_changes has no column of its own for it).
 */
interface CancellationRecord {
  reason: string;
}
const isCancellation = (type: ChangeType) => type === 'cancel' || type === 'delegate';

function changeContent(type: ChangeType, before: unknown, after: unknown) {
  const cancellation = isCancellation(type);
  return {
    before: (before as PowerItemData | null) ?? null,
    after: cancellation ? null : ((after as PowerItemData | null) ?? null),
    reason: cancellation ? ((after as CancellationRecord | null)?.reason ?? null) : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Views

type UnitNames = ReadonlyMap<string, string>;

async function unitNamesOf(ex: Executor, agencyId: string): Promise<UnitNames> {
  return new Map((await repo.listUnitFacts(ex, agencyId)).map((u) => [u.id, u.name]));
}

function toItemView(row: repo.DatedVersionRow, unitNames: UnitNames): PowerItem {
  const data = normalizeItem(row.data);
  return {
    id: row.itemId,
    ...data,
    exercisingUnits: data.exercisingUnitIds.map((id) => ({ id, name: unitNames.get(id) ?? '' })),
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    version: {
      number: row.versionNo,
      validFrom: row.validFrom,
      validTo: row.validTo,
      changeType: row.changeType,
      adjustmentId: row.adjustmentId,
      counterpart: row.counterpart,
    },
  };
}

function toPublicItem(row: repo.DatedVersionRow, unitNames: UnitNames): PublicPowerItem {
  const data = normalizeItem(row.data);
  return {
    code: data.code,
    name: data.name,
    subItems: data.subItems,
    category: data.category,
    categoryName: POWER_CATEGORIES[data.category],
    legalBasis: data.legalBasis,
    exercisingUnits: data.exercisingUnitIds.map((id) => unitNames.get(id) ?? ''),
    level: data.level,
    responsibilities: data.responsibilities,
    accountability: data.accountability,
    benchmarks: data.benchmarks,
    effectiveFrom: row.effectiveFrom,
  };
}

function toSummary(row: repo.AdjustmentRow & { changeCount: number }): AdjustmentSummary {
  return {
    id: row.id,
    effectiveOn: row.effectiveOn,
    trigger: row.trigger as AdjustmentTrigger,
    documentNumber: row.documentNumber,
    approvedBy: row.approvedBy,
    laws: row.laws,
    summary: row.summary,
    changeCount: row.changeCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading the list

export type StatusFilter = repo.ItemStatusFilter;

/** Every item matching the filter as of the date, by code, unpaged (for export and import diff). */
export async function itemsAsOf(
  ex: Executor,
  agencyId: string,
  asOf: IsoDate,
  filter: repo.ItemFilter = {},
): Promise<PowerItemView[]> {
  const rows = await repo.versionsAsOf(ex, agencyId, asOf, filter);
  const unitNames = await unitNamesOf(ex, agencyId);
  return rows.map((row) => toItemView(row, unitNames));
}

/** The item as it stood on the date (in force or cancelled), or undefined if it was not on the list. */
export async function findItemAsOf(
  ex: Executor,
  agencyId: string,
  itemId: string,
  asOf: IsoDate,
): Promise<PowerItemView | undefined> {
  const [item] = await itemsAsOf(ex, agencyId, asOf, { itemIds: [itemId], status: 'all' });
  return item;
}

export async function getItemAsOf(ex: Executor, agencyId: string, itemId: string, asOf: IsoDate) {
  const item = await findItemAsOf(ex, agencyId, itemId, asOf);
  if (item) return item;
  if (await repo.findItem(ex, agencyId, itemId)) {
    throw new HttpProblem('NOT_FOUND', `Power item ${itemId} was not yet on the list on ${asOf}`);
  }
  throw notFound('Power item', itemId);
}

export interface ItemListQuery extends Omit<repo.ItemFilter, 'codes' | 'itemIds'> {
  limit?: number;
  cursor?: string;
}

async function pageAsOf<T>(
  ex: Executor,
  agencyId: string,
  asOf: IsoDate,
  query: ItemListQuery,
  view: (row: repo.DatedVersionRow, unitNames: UnitNames) => T,
) {
  const { limit = DEFAULT_PAGE_LIMIT, cursor, ...filter } = query;
  const afterCode = cursor ? decodeCursor(cursor, { code: 'string' }).code : undefined;
  const rows = await repo.versionsAsOf(ex, agencyId, asOf, filter, { limit, afterCode });
  const page = toPage(rows, limit, (row) => ({ code: row.code }));
  const unitNames = await unitNamesOf(ex, agencyId);
  return { items: page.items.map((row) => view(row, unitNames)), nextCursor: page.nextCursor };
}

/** One keyset page (by code) of the list as of the date. */
export async function listItems(ex: Executor, agencyId: string, asOf: IsoDate, query: ItemListQuery) {
  return pageAsOf(ex, agencyId, asOf, query, toItemView);
}

/** Items in force on the date, in total and per category (every category present). */
export async function countItems(ex: Executor, agencyId: string, asOf: IsoDate): Promise<PowerItemCounts> {
  const byCategory = Object.fromEntries(POWER_CATEGORY_CODES.map((c) => [c, 0])) as Record<
    PowerCategory,
    number
  >;
  let total = 0;
  for (const row of await repo.countsAsOf(ex, agencyId, asOf)) {
    byCategory[row.category as PowerCategory] = row.count;
    total += row.count;
  }
  return { asOf, total, byCategory };
}

export async function itemHistory(ex: Executor, agencyId: string, itemId: string): Promise<PowerItemHistory> {
  const rows = await repo.itemHistory(ex, agencyId, itemId);
  const first = rows[0];
  if (!first) throw notFound('Power item', itemId);
  return {
    itemId,
    code: first.version.code,
    versions: rows.map(({ version, adjustment, change }) => ({
      number: version.versionNo,
      validFrom: version.validFrom,
      validTo: version.validTo,
      status: version.status,
      changeType: version.changeType,
      counterpart: version.counterpart,
      ...changeContent(change.changeType, change.before, change.after),
      adjustment: {
        id: adjustment.id,
        effectiveOn: adjustment.effectiveOn,
        trigger: adjustment.trigger as AdjustmentTrigger,
        documentNumber: adjustment.documentNumber,
        approvedBy: adjustment.approvedBy,
      },
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// The published list (公示)

/** The list in force as published: no internal notes, ids or version bookkeeping. */
export async function publicList(
  ex: Executor,
  query: ItemListQuery & { agencyId: string; asOf?: IsoDate },
  today: IsoDate,
) {
  const { agencyId, asOf = today, q, category, limit, cursor } = query;
  if (asOf > today) {
    throw new HttpProblem('VALIDATION_FAILED', 'querystring/asOf may not be in the future', {
      errors: [{ in: 'querystring', pointer: '/asOf', message: `may not be after today (${today})` }],
    });
  }
  if (!(await findAgency(ex, agencyId))) throw notFound('Agency', agencyId);
  return pageAsOf(ex, agencyId, asOf, { q, category, status: 'in_force', limit, cursor }, toPublicItem);
}

// ---------------------------------------------------------------------------------------------------
// Adjustments (动态调整)

const AUDIT_ACTIONS: Record<ChangeType, string> = {
  add: 'power_item.added',
  modify: 'power_item.modified',
  cancel: 'power_item.cancelled',
  delegate: 'power_item.delegated',
  take_over: 'power_item.taken_over',
};

/** What the audit trail compares for an item: its content and where its version stands. */
function auditView(
  content: PowerItemData,
  version: { status: string; validFrom: IsoDate; adjustmentId: string; counterpart: string | null },
  reason?: string,
) {
  return { ...content, ...version, reason: reason ?? null };
}

type AddChange = Extract<ChangeInput, { type: 'add' | 'take_over' }>;
type ItemChange = Exclude<ChangeInput, AddChange>;
const isAdd = (c: ChangeInput): c is AddChange => c.type === 'add' || c.type === 'take_over';

/** A change that passed every rule, ready to write. */
interface PlannedChange {
  type: ChangeType;
  itemId: string;
  isNew: boolean;
  previous?: repo.VersionRow;
  content: PowerItemData;
  status: 'in_force' | 'cancelled';
  counterpart: string | null;
  reason?: string;
}

/**
 * Applies an adjustment atomically in the caller's transaction: either every change is applied or,
 * when any is refused, none is and a 422 problem (code UNPROCESSABLE, reason ADJUSTMENT_REFUSED)
 * lists every refusal in `changeErrors`.
 */
export async function applyAdjustment(ctx: WriteContext, input: AdjustmentInput): Promise<AdjustmentView> {
  const { tx } = ctx;
  const agencyId = ctx.actor.agencyId;
  const { effectiveOn } = input;
  // The initial import builds the list once; later changes must say what prompted them, so the
  // yearly adjustment figures (which leave the initial import out) cannot be bypassed.
  if (input.trigger === INITIAL_IMPORT && (await repo.hasAdjustments(tx, agencyId))) {
    throw new HttpProblem(
      'UNPROCESSABLE',
      'This agency’s list was imported already: name what prompts this adjustment',
      {
        extensions: { reason: 'INITIAL_IMPORT_DONE' },
        errors: [
          { in: 'body', pointer: '/trigger', message: 'initial_import is only for an agency without a list' },
        ],
      },
    );
  }
  const changes = input.changes.map(
    (c): ChangeInput => ('item' in c ? { ...c, item: normalizeItem(c.item) } : c),
  );

  const existingIds = [...new Set(changes.filter((c): c is ItemChange => !isAdd(c)).map((c) => c.itemId))];
  const units = new Map<string, UnitFact & { name: string }>(
    (await repo.listUnitFacts(tx, agencyId)).map((u) => [u.id, u]),
  );
  const takenCodes = new Set(
    (
      await repo.itemsWithCodes(
        tx,
        agencyId,
        changes.filter(isAdd).map((c) => c.item.code),
      )
    ).map((r) => r.code),
  );
  const locked = await repo.lockItems(tx, agencyId, existingIds);
  const latest = new Map(
    (
      await repo.latestVersions(
        tx,
        agencyId,
        locked.map((r) => r.id),
      )
    ).map((row) => [row.itemId, row]),
  );

  const errors: ChangeError[] = [];
  const refuse = (index: number, prefix: string, refusals: (Refusal | null)[]) => {
    for (const r of refusals) {
      if (r)
        errors.push({
          change: index,
          pointer: `/changes/${index}${prefix}${r.pointer}`,
          reason: r.reason,
          message: r.message,
        });
    }
  };
  const checkContent = (index: number, item: PowerItemData) => {
    refuse(index, '/item', contentRefusals(item));
    refuse(index, '/item', unitRefusals(item.exercisingUnitIds, units, effectiveOn));
  };

  const planned: PlannedChange[] = [];
  const seenItems = new Map<string, number>();
  changes.forEach((change, index) => {
    if (isAdd(change)) {
      const { code } = change.item;
      const before = errors.length;
      if (takenCodes.has(code)) {
        refuse(index, '/item', [
          {
            pointer: '/code',
            reason: 'CODE_TAKEN',
            message: `Code ${code} is already used in the agency or in this adjustment`,
          },
        ]);
      }
      takenCodes.add(code);
      checkContent(index, change.item);
      if (errors.length === before) {
        planned.push({
          type: change.type,
          itemId: newId(),
          isNew: true,
          content: change.item,
          status: 'in_force',
          counterpart: change.counterpart ?? null,
        });
      }
      return;
    }
    const earlier = seenItems.get(change.itemId);
    if (earlier !== undefined) {
      refuse(index, '', [
        {
          pointer: '/itemId',
          reason: 'ITEM_REPEATED',
          message: `The item is already changed by change ${earlier}`,
        },
      ]);
      return;
    }
    seenItems.set(change.itemId, index);
    const previous = latest.get(change.itemId);
    const succession = successionRefusal(previous, effectiveOn);
    if (succession || !previous) {
      refuse(index, '', [succession]);
      return;
    }
    const before = errors.length;
    if (change.type === 'modify') {
      if (change.item.code !== previous.code) {
        refuse(index, '/item', [
          {
            pointer: '/code',
            reason: 'CODE_CHANGED',
            message: `The item's code is ${previous.code}; a modification may not change it`,
          },
        ]);
      } else if (sameContent(change.item, previous.data)) {
        refuse(index, '', [
          {
            pointer: '/item',
            reason: 'NOTHING_CHANGED',
            message: 'The content is the same as the item’s current version',
          },
        ]);
      }
      checkContent(index, change.item);
      if (errors.length === before) {
        planned.push({
          type: 'modify',
          itemId: change.itemId,
          isNew: false,
          previous,
          content: change.item,
          status: 'in_force',
          counterpart: null,
        });
      }
      return;
    }
    planned.push({
      type: change.type,
      itemId: change.itemId,
      isNew: false,
      previous,
      content: normalizeItem(previous.data),
      status: 'cancelled',
      counterpart: change.counterpart ?? null,
      reason: change.reason,
    });
  });

  if (errors.length > 0) {
    const first = errors[0] as ChangeError;
    throw new HttpProblem(
      'UNPROCESSABLE',
      `${errors.length} refusal(s); nothing was applied. First: ${first.pointer} ${first.message}`,
      { extensions: { reason: ADJUSTMENT_REFUSED, changeErrors: errors } },
    );
  }

  const adjustmentId = newId();
  await repo.insertAdjustment(tx, {
    agencyId,
    id: adjustmentId,
    effectiveOn,
    trigger: input.trigger,
    documentNumber: input.documentNumber,
    approvedBy: input.approvedBy,
    laws: [...new Set(input.laws)],
    summary: input.summary ?? null,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
  });
  await repo.insertItems(
    tx,
    planned
      .filter((p) => p.isNew)
      .map((p) => ({ agencyId, id: p.itemId, code: p.content.code, createdAt: ctx.now })),
  );
  await repo.closeVersions(
    tx,
    agencyId,
    planned.filter((p) => !p.isNew).map((p) => p.itemId),
    effectiveOn,
  );
  await repo.insertVersions(
    tx,
    planned.map((p) => ({
      agencyId,
      itemId: p.itemId,
      versionNo: (p.previous?.versionNo ?? 0) + 1,
      validFrom: effectiveOn,
      validTo: null,
      status: p.status,
      changeType: p.type,
      adjustmentId,
      code: p.content.code,
      name: p.content.name,
      category: p.content.category,
      data: p.content,
      searchText: searchTextOf(p.content),
      laws: lawsOf(p.content),
      unitIds: [...new Set(p.content.exercisingUnitIds)],
      counterpart: p.counterpart,
      createdAt: ctx.now,
    })),
  );
  await repo.insertChanges(
    tx,
    planned.map((p, i) => ({
      agencyId,
      adjustmentId,
      seq: i + 1,
      changeType: p.type,
      itemId: p.itemId,
      before: p.previous ? normalizeItem(p.previous.data) : null,
      after: p.reason !== undefined ? ({ reason: p.reason } satisfies CancellationRecord) : p.content,
      counterpart: p.counterpart,
    })),
  );

  const byChangeType = Object.fromEntries(Object.keys(CHANGE_TYPES).map((t) => [t, 0])) as Record<
    ChangeType,
    number
  >;
  for (const p of planned) {
    byChangeType[p.type] += 1;
    const before = p.previous
      ? auditView(normalizeItem(p.previous.data), {
          status: p.previous.status,
          validFrom: p.previous.validFrom,
          adjustmentId: p.previous.adjustmentId,
          counterpart: p.previous.counterpart,
        })
      : null;
    const after = auditView(
      p.content,
      { status: p.status, validFrom: effectiveOn, adjustmentId, counterpart: p.counterpart },
      p.reason,
    );
    ctx.audit({
      action: AUDIT_ACTIONS[p.type],
      entityType: 'power_item',
      entityId: p.itemId,
      changes: changedFields(before, after),
    });
  }
  ctx.audit({
    action: 'power_list.adjusted',
    entityType: 'power_list_adjustment',
    entityId: adjustmentId,
    changes: changedFields(null, {
      effectiveOn,
      trigger: input.trigger,
      documentNumber: input.documentNumber,
      approvedBy: input.approvedBy,
      laws: [...new Set(input.laws)],
      summary: input.summary ?? null,
      changeCount: planned.length,
      byChangeType,
    }),
  });

  return getAdjustment(tx, agencyId, adjustmentId);
}

export async function getAdjustment(
  ex: Executor,
  agencyId: string,
  adjustmentId: string,
): Promise<AdjustmentView> {
  const row = await repo.findAdjustment(ex, agencyId, adjustmentId);
  if (!row) throw notFound('Adjustment', adjustmentId);
  const changes: PowerListChange[] = (await repo.adjustmentChanges(ex, agencyId, adjustmentId)).map(
    ({ change, code, name }) => ({
      seq: change.seq,
      changeType: change.changeType,
      itemId: change.itemId,
      code,
      name,
      ...changeContent(change.changeType, change.before, change.after),
      counterpart: change.counterpart,
    }),
  );
  return { ...toSummary(row), changes };
}

export async function listAdjustments(
  ex: Executor,
  agencyId: string,
  query: { year?: number; limit?: number; cursor?: string },
) {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor, { effectiveOn: 'date', id: 'uuid' }) : undefined;
  const rows = await repo.listAdjustments(ex, agencyId, { year: query.year }, limit, after);
  const page = toPage(rows, limit, (row) => ({ effectiveOn: row.effectiveOn, id: row.id }));
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/**
 * A year of dynamic adjustments (动态调整), by effective date: how many, the distinct laws they
 * name, the items they changed. The initial import of a list (清单初始导入) is not an adjustment.
 */
export async function adjustmentStats(
  ex: Executor,
  agencyId: string,
  year: number,
): Promise<AdjustmentStats> {
  const { adjustments, changes, itemsChanged, contents } = await repo.adjustmentYear(
    ex,
    agencyId,
    year,
    INITIAL_IMPORT,
  );
  const laws = [...new Set(adjustments.flatMap((a) => a.laws))].sort();
  const byChangeType = Object.fromEntries(Object.keys(CHANGE_TYPES).map((t) => [t, 0])) as Record<
    ChangeType,
    number
  >;
  for (const row of changes) byChangeType[row.changeType] = row.changes;
  const cited = (content: unknown) =>
    ((content as { legalBasis?: { law?: unknown }[] } | null)?.legalBasis ?? [])
      .map((basis) => basis.law)
      .filter((law): law is string => typeof law === 'string');
  const lawsOfChangedItems = [
    ...new Set(contents.flatMap((c) => [...cited(c.before), ...cited(c.after)])),
  ].sort();
  return {
    year,
    adjustments: adjustments.length,
    lawsTouched: laws.length,
    laws,
    lawsOfChangedItems,
    itemsChanged,
    byChangeType,
  };
}

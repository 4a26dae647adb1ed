/**
 * Pure rules of the power and responsibility list (权责清单, RULES.md §8): what an item's content
 * may hold, and when a dynamic adjustment (动态调整) may succeed an item's latest version. No I/O:
 * the service loads the facts and turns the refusals into one 422 problem.
 */
import type { IsoDate } from '../calendar/dates';

/** Stable codes for a refused change; clients branch on them. */
export const CHANGE_REFUSALS = {
  CODE_TAKEN: 'The item code is already used in the agency (or earlier in this adjustment)',
  CODE_CHANGED: 'A modification may not change the item code',
  ITEM_NOT_FOUND: 'No such item in the agency',
  ITEM_REPEATED: 'The item already appears in this adjustment',
  ITEM_NOT_IN_FORCE: 'The item is cancelled (or delegated); only an item in force can change',
  ADJUSTMENT_OUT_OF_ORDER: 'The item has a version starting after the adjustment’s effective date',
  NOTHING_CHANGED: 'The modification leaves the item’s content as it is',
  UNKNOWN_UNIT: 'Not a unit of the agency',
  UNIT_DISSOLVED: 'The unit is dissolved on or before the effective date',
  BENCHMARKS_NOT_ALLOWED: 'Discretion benchmarks belong to penalty items (行政处罚) only',
  BENCHMARK_REPEATED: 'Benchmark ids must be unique within the item',
  TIER_REPEATED: 'Each tier (lenient / normal / heavy) may appear once per benchmark',
  RANGE_INVERTED: 'min is greater than max',
  TIER_OUTSIDE_LEGAL_RANGE: 'The tier lies outside the statutory range (法定幅度)',
} as const;
export type ChangeRefusal = keyof typeof CHANGE_REFUSALS;

/** A refusal at a JSON pointer relative to what was checked (the item content, or the change). */
export interface Refusal {
  pointer: string;
  reason: ChangeRefusal;
  message: string;
}

/** The parts of an item's content these rules read (structurally a PowerItemData). */
export interface ItemContent {
  name: string;
  subItems?: readonly string[];
  category: string;
  legalBasis: readonly { law: string; article?: string; text?: string }[];
  exercisingUnitIds?: readonly string[];
  benchmarks?: readonly BenchmarkContent[];
}

interface Range {
  min: number;
  max: number;
}

export interface BenchmarkContent {
  id: string;
  legalRange: Range;
  tiers: readonly (Range & { tier: string })[];
  smallValue?: Range & { below: number };
}

const refusal = (pointer: string, reason: ChangeRefusal, message?: string): Refusal => ({
  pointer,
  reason,
  message: message ?? CHANGE_REFUSALS[reason],
});

/**
 * Rules on the content itself, beyond its schema: benchmarks only on penalty items (裁量基准 are
 * penalty benchmarks, APL art. 34), ranges that are ranges, tiers within the statutory range.
 */
export function contentRefusals(item: ItemContent): Refusal[] {
  const out: Refusal[] = [];
  const benchmarks = item.benchmarks ?? [];
  if (benchmarks.length > 0 && item.category !== 'penalty') {
    out.push(
      refusal(
        '/benchmarks',
        'BENCHMARKS_NOT_ALLOWED',
        `${CHANGE_REFUSALS.BENCHMARKS_NOT_ALLOWED}; this item is ${item.category}`,
      ),
    );
  }
  const ids = new Set<string>();
  benchmarks.forEach((b, i) => {
    const at = `/benchmarks/${i}`;
    if (ids.has(b.id))
      out.push(refusal(`${at}/id`, 'BENCHMARK_REPEATED', `benchmark id ${b.id} appears twice`));
    ids.add(b.id);
    const legalOk = b.legalRange.min <= b.legalRange.max;
    if (!legalOk) out.push(refusal(`${at}/legalRange`, 'RANGE_INVERTED'));
    const seen = new Set<string>();
    b.tiers.forEach((tier, j) => {
      const tierAt = `${at}/tiers/${j}`;
      if (seen.has(tier.tier))
        out.push(refusal(`${tierAt}/tier`, 'TIER_REPEATED', `${tier.tier} appears twice`));
      seen.add(tier.tier);
      if (tier.min > tier.max) out.push(refusal(tierAt, 'RANGE_INVERTED'));
      else if (legalOk && (tier.min < b.legalRange.min || tier.max > b.legalRange.max)) {
        out.push(
          refusal(
            tierAt,
            'TIER_OUTSIDE_LEGAL_RANGE',
            `${tier.tier} ${tier.min}–${tier.max} lies outside the statutory range ${b.legalRange.min}–${b.legalRange.max}`,
          ),
        );
      }
    });
    if (b.smallValue && b.smallValue.min > b.smallValue.max) {
      out.push(refusal(`${at}/smallValue`, 'RANGE_INVERTED'));
    }
  });
  return out;
}

/** A unit as the exercising-unit rule sees it. */
export interface UnitFact {
  status: 'active' | 'dissolved';
  dissolvedOn: IsoDate | null;
}

/** Exercising units (实施科室 / 所) must be the agency's own and still exist on the effective date. */
export function unitRefusals(
  unitIds: readonly string[],
  units: ReadonlyMap<string, UnitFact>,
  effectiveOn: IsoDate,
): Refusal[] {
  const out: Refusal[] = [];
  unitIds.forEach((id, i) => {
    const unit = units.get(id);
    const pointer = `/exercisingUnitIds/${i}`;
    if (!unit) out.push(refusal(pointer, 'UNKNOWN_UNIT', `${id} is not a unit of the agency`));
    else if (unit.dissolvedOn !== null && unit.dissolvedOn <= effectiveOn) {
      out.push(refusal(pointer, 'UNIT_DISSOLVED', `${id} was dissolved on ${unit.dissolvedOn}`));
    }
  });
  return out;
}

/** An item's latest version, as the succession rule sees it. */
export interface LatestVersion {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  status: 'in_force' | 'cancelled';
}

/**
 * Whether a modification, cancellation or delegation dated `effectiveOn` may follow the item's
 * latest version: the item must be in force with an open version starting on or before that date,
 * so versions never overlap and history is only ever appended to.
 */
export function successionRefusal(latest: LatestVersion | undefined, effectiveOn: IsoDate): Refusal | null {
  if (!latest) return refusal('/itemId', 'ITEM_NOT_FOUND');
  if (latest.status !== 'in_force' || latest.validTo !== null) {
    return refusal(
      '/itemId',
      'ITEM_NOT_IN_FORCE',
      `${CHANGE_REFUSALS.ITEM_NOT_IN_FORCE} (since ${latest.validFrom})`,
    );
  }
  if (latest.validFrom > effectiveOn) {
    return refusal(
      '/itemId',
      'ADJUSTMENT_OUT_OF_ORDER',
      `The item's current version starts on ${latest.validFrom}, after ${effectiveOn}; adjustments apply in date order`,
    );
  }
  return null;
}

/** Whether a version [validFrom, validTo) covers the date. */
export function coversDate(version: { validFrom: IsoDate; validTo: IsoDate | null }, date: IsoDate): boolean {
  return version.validFrom <= date && (version.validTo === null || date < version.validTo);
}

/**
 * The text searched for Chinese substrings (q): name, sub-items and every legal basis (law,
 * article and provision text), one per line.
 */
export function searchTextOf(item: ItemContent): string {
  const parts = [item.name, ...(item.subItems ?? [])];
  for (const basis of item.legalBasis) {
    parts.push(basis.law);
    if (basis.article) parts.push(basis.article);
    if (basis.text) parts.push(basis.text);
  }
  return parts.join('\n');
}

/** The distinct laws an item rests on, in the order first cited. */
export function lawsOf(item: ItemContent): string[] {
  return [...new Set(item.legalBasis.map((b) => b.law))];
}

/** A LIKE pattern that matches `text` literally anywhere (escape character: backslash). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

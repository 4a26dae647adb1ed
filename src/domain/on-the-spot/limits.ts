/**
 * On-the-spot penalties (当场处罚, 简易程序), APL art. 51: allowed only where the facts are clear and
 * the penalty is a warning or a fine of at most CNY 200 for a citizen or CNY 3,000 for a legal
 * person or other organisation. National law, so these are constants, not settings.
 */
import type { PartyKind, ProposedPenalty } from '../cases/case-model';

/** APL art. 51: 对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告. */
export const ON_THE_SPOT_FINE_LIMITS = { naturalPerson: 200, organisation: 3000 } as const;

export interface OnTheSpotProblem {
  code: 'PENALTY_TYPE_NOT_ALLOWED' | 'FINE_ABOVE_LIMIT' | 'NO_PENALTY';
  rule: 'APL art. 51';
  message: string;
}

/**
 * The fine limit for a party. An individual business (个体工商户) is run by a citizen and answers
 * as one, as for hearing rights; the lower limit is the one that protects the party.
 */
export function onTheSpotFineLimit(kind: PartyKind): number {
  return kind === 'natural_person' || kind === 'individual_business'
    ? ON_THE_SPOT_FINE_LIMITS.naturalPerson
    : ON_THE_SPOT_FINE_LIMITS.organisation;
}

/** Why these penalties cannot be imposed on the spot (empty when they can). */
export function onTheSpotProblems(
  kind: PartyKind,
  penalties: readonly ProposedPenalty[],
): OnTheSpotProblem[] {
  const problems: OnTheSpotProblem[] = [];
  if (penalties.length === 0) {
    problems.push({ code: 'NO_PENALTY', rule: 'APL art. 51', message: 'State the warning or fine imposed' });
  }
  const limit = onTheSpotFineLimit(kind);
  for (const p of penalties) {
    if (p.type !== 'warning' && p.type !== 'fine') {
      problems.push({
        code: 'PENALTY_TYPE_NOT_ALLOWED',
        rule: 'APL art. 51',
        message: `${p.type} cannot be imposed on the spot: only a warning or a small fine (use the general procedure)`,
      });
    } else if (p.type === 'fine' && (p.amount ?? 0) > limit) {
      problems.push({
        code: 'FINE_ABOVE_LIMIT',
        rule: 'APL art. 51',
        message: `A fine of CNY ${p.amount} exceeds the on-the-spot limit of CNY ${limit} for this party (use the general procedure)`,
      });
    }
  }
  return problems;
}

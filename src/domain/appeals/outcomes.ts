/**
 * What a reconsideration decision (行政复议决定) or a court's judgment (判决) does to the bureau's
 * decision it reviewed (RULES.md §6–7): the status the decision takes, the penalties that remain in
 * force, whether the case reopens for a new decision, and whether its publication must be withdrawn.
 * Shared by the reconsideration and litigation modules, which apply the effect in the same transaction
 * as they record the outcome. Pure: no I/O.
 */
import { PENALTY_TYPES, type PenaltyType, type ProposedPenalty } from '../cases/case-model';
import { toFen } from '../cases/late-surcharge';

/**
 * The status of a decision (行政处罚决定) after review. `in_force` until a reviewing body or court
 * changes it; a decision confirmed illegal (确认违法) stays in force (ARL art. 65, ALL art. 74: its
 * revocation would harm the public interest, or there is nothing left to revoke) but is marked.
 */
export const DECISION_STATUSES = {
  in_force: '有效',
  varied: '已变更 (ARL art. 63; ALL art. 77)',
  partially_revoked: '部分撤销 (ARL art. 64; ALL art. 70)',
  revoked: '已撤销 (ARL art. 64; ALL art. 70)',
  confirmed_illegal: '确认违法 (ARL art. 65; ALL art. 74)',
  void: '确认无效 (ARL art. 67; ALL art. 75)',
} as const;
export type DecisionStatus = keyof typeof DECISION_STATUSES;

/** Statuses after which nothing of the decision is owed any more. */
export const ANNULLED_STATUSES: readonly DecisionStatus[] = ['revoked', 'void'];

/**
 * The outcomes that correct the bureau (纠错): they count in the correction rate of the statistics
 * (varied + revoked + illegal + void + ordered to perform, over decided).
 */
export const CORRECTING_OUTCOMES = [
  'varied',
  'revoked',
  'confirmed_illegal',
  'ordered_to_perform',
  'confirmed_void',
] as const;

/** The outcome as the effect function reads it: the shape both appeal kinds share. */
export interface OutcomeInput {
  outcome: string;
  /** For `revoked`: the whole decision or a part of it (撤销部分). */
  scope?: 'whole' | 'part';
  /** For `revoked`: the bureau is ordered to decide again (责令重新作出行政行为). */
  redo?: boolean;
  /** For `varied`: the penalties as varied (变更后的处罚). For a part revoked: what remains. */
  penalties?: ProposedPenalty[];
}

export interface OutcomeEffect {
  /** The decision's new status; null when the outcome changes nothing (upheld, rejected, withdrawn…). */
  status: DecisionStatus | null;
  /** The penalties in force afterwards: what is owed is recomputed from them ([] when annulled). */
  penalties: ProposedPenalty[] | null;
  /** Revoked with an order to decide again: the case reopens for a new decision. */
  reopen: boolean;
  /** PDR art. 11: the publication is withdrawn within 3 WD when the decision is varied, revoked, illegal or void. */
  withdrawPublication: boolean;
}

/** A problem with the outcome's details, as the API reports it (pointer relative to the body). */
export interface OutcomeProblem {
  code: 'VARIATION_HEAVIER' | 'VARIATION_UNCHANGED' | 'PARTIAL_REVOCATION_NOT_PARTIAL' | 'REDO_NOT_POSSIBLE';
  detail: string;
}

/**
 * How heavy a kind of penalty is, in the order of APL art. 9 (警告、通报批评 < 罚款、没收 < 降低资质等级 <
 * 限制开展生产经营活动、限制从业 < 责令停产停业 < 吊销许可证件 < 责令关闭). Monetary penalties are compared by amount.
 */
const WEIGHT: Record<PenaltyType, number> = {
  warning: 1,
  circulated_criticism: 2,
  fine: 3,
  confiscate_illegal_gains: 3,
  confiscate_illegal_property: 3,
  lower_qualification: 4,
  restrict_business: 5,
  restrict_employment: 5,
  suspend_business: 6,
  revoke_licence: 7,
  close_down: 8,
};

const MONETARY: readonly PenaltyType[] = ['fine', 'confiscate_illegal_gains', 'confiscate_illegal_property'];

function amountOf(penalties: readonly ProposedPenalty[], type: PenaltyType): number {
  return penalties.filter((p) => p.type === type).reduce((sum, p) => sum + toFen(p.amount ?? 0), 0);
}

/**
 * Why `varied` is heavier for the party than `original` (ARL art. 63, ALL art. 77(2): 不得作出对申请人更为
 * 不利的变更决定 / 不得加重原告的义务); empty when it is not. A monetary penalty is heavier when its amount
 * grows; any other kind is heavier when it is new, unless it replaces a heavier kind the variation dropped or
 * reduced (a warning instead of a fine or a suspension is lighter; a warning added to the same fine is not).
 * A new monetary penalty is always heavier.
 */
export function heavierBy(
  original: readonly ProposedPenalty[],
  varied: readonly ProposedPenalty[],
): string[] {
  const reasons: string[] = [];
  // What the variation lightened: original kinds dropped, or monetary ones reduced.
  const lightened = [...new Set(original.map((p) => p.type))].filter((type) =>
    MONETARY.includes(type)
      ? amountOf(varied, type) < amountOf(original, type)
      : !varied.some((p) => p.type === type),
  );
  for (const type of [...new Set(varied.map((p) => p.type))]) {
    if (MONETARY.includes(type)) {
      const before = amountOf(original, type);
      const after = amountOf(varied, type);
      if (after > before)
        reasons.push(
          `${type} (${PENALTY_TYPES[type]}) ${(after / 100).toFixed(2)} exceeds the original ${(before / 100).toFixed(2)}`,
        );
    } else if (!original.some((p) => p.type === type) && !lightened.some((o) => WEIGHT[o] > WEIGHT[type])) {
      reasons.push(`${type} (${PENALTY_TYPES[type]}) is added and replaces nothing heavier`);
    } else if (monthsOf(varied, type) > monthsOf(original, type) && original.some((p) => p.type === type)) {
      reasons.push(
        `${type} (${PENALTY_TYPES[type]}) for ${monthsOf(varied, type)} months exceeds the original ${monthsOf(original, type)}`,
      );
    }
  }
  return reasons;
}

/** The longest duration of a timed penalty; 0 when none is given. */
function monthsOf(penalties: readonly ProposedPenalty[], type: PenaltyType): number {
  return Math.max(0, ...penalties.filter((p) => p.type === type).map((p) => p.months ?? 0));
}

function sameTypesAndAmounts(a: readonly ProposedPenalty[], b: readonly ProposedPenalty[]): boolean {
  const key = (ps: readonly ProposedPenalty[]) =>
    [...new Set(ps.map((p) => p.type))]
      .sort()
      .map((t) => `${t}:${amountOf(ps, t)}:${monthsOf(ps, t)}`)
      .join(',');
  return key(a) === key(b);
}

const NO_EFFECT: OutcomeEffect = { status: null, penalties: null, reopen: false, withdrawPublication: false };

/**
 * The effect of an outcome on the decision with `original` penalties, or the problems that make the
 * outcome impossible to record. `canReopen` is false for an on-the-spot decision (no case to reopen:
 * the bureau decides again in a new procedure).
 */
export function effectOf(
  input: OutcomeInput,
  original: readonly ProposedPenalty[],
  canReopen = true,
): { effect: OutcomeEffect; problems: OutcomeProblem[] } {
  const problems: OutcomeProblem[] = [];
  switch (input.outcome) {
    case 'varied': {
      const penalties = input.penalties ?? [];
      for (const reason of heavierBy(original, penalties))
        problems.push({ code: 'VARIATION_HEAVIER', detail: reason });
      if (sameTypesAndAmounts(original, penalties))
        problems.push({
          code: 'VARIATION_UNCHANGED',
          detail: 'the varied penalties equal the original ones',
        });
      return {
        effect: { status: 'varied', penalties, reopen: false, withdrawPublication: true },
        problems,
      };
    }
    case 'revoked': {
      const redo = input.redo === true;
      if (redo && !canReopen)
        problems.push({
          code: 'REDO_NOT_POSSIBLE',
          detail: 'an on-the-spot decision has no case to reopen: record the new decision as a new one',
        });
      if (input.scope === 'part') {
        const remaining = input.penalties ?? [];
        for (const reason of heavierBy(original, remaining))
          problems.push({ code: 'PARTIAL_REVOCATION_NOT_PARTIAL', detail: reason });
        if (remaining.length === 0 || sameTypesAndAmounts(original, remaining))
          problems.push({
            code: 'PARTIAL_REVOCATION_NOT_PARTIAL',
            detail: 'a part revoked leaves some, but not all, of the original penalties in force',
          });
        return {
          effect: {
            status: 'partially_revoked',
            penalties: remaining,
            reopen: redo,
            withdrawPublication: true,
          },
          problems,
        };
      }
      return {
        effect: { status: 'revoked', penalties: [], reopen: redo, withdrawPublication: true },
        problems,
      };
    }
    case 'mediated':
      // A mediation agreement (调解书, ARL art. 73) may settle on lighter penalties: then it varies the decision.
      if (input.penalties)
        return effectOf({ outcome: 'varied', penalties: input.penalties }, original, canReopen);
      return { effect: NO_EFFECT, problems };
    case 'confirmed_illegal':
      return {
        effect: { status: 'confirmed_illegal', penalties: null, reopen: false, withdrawPublication: true },
        problems,
      };
    case 'confirmed_void':
      return {
        effect: { status: 'void', penalties: [], reopen: false, withdrawPublication: true },
        problems,
      };
    default:
      // Upheld, rejected, not accepted, withdrawn, mediated, ordered to perform, terminated: the decision stands.
      return { effect: NO_EFFECT, problems };
  }
}

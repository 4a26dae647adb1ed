/**
 * Case rules that depend on settings: hearing rights (听证权利), when a legal review (法制审核) and a
 * collective discussion (集体讨论) are required, and where each action leaves the case.
 */
import type { CaseAction } from './case-guards';
import type { CaseSnapshot, CaseStage, PartyKind, PenaltyType, ProposedPenalty } from './case-model';

export interface Thresholds {
  naturalPerson: number;
  organisation: number;
}

/** Penalties that always carry a hearing right, HR art. 5(1)–(2) and (5); APL art. 63. */
const HEARING_PENALTIES: readonly PenaltyType[] = [
  'suspend_business',
  'close_down',
  'restrict_employment',
  'lower_qualification',
  'revoke_licence',
  'restrict_business',
];
/** Penalties that carry one from an amount on, HR art. 5(3)–(4). */
const AMOUNT_PENALTIES: readonly PenaltyType[] = [
  'fine',
  'confiscate_illegal_gains',
  'confiscate_illegal_property',
];

/**
 * The threshold for the case's parties. An individual business (个体工商户) counts as a natural
 * person; with several parties the lowest threshold applies, so no party loses a right.
 */
export function thresholdFor(kinds: readonly PartyKind[], thresholds: Thresholds): number {
  const natural =
    kinds.length === 0 || kinds.some((k) => k === 'natural_person' || k === 'individual_business');
  return natural ? thresholds.naturalPerson : thresholds.organisation;
}

/** Whether a proposed penalty gives the party the right to a hearing (HR art. 5). */
export function hearingRight(
  penalties: readonly ProposedPenalty[],
  kinds: readonly PartyKind[],
  thresholds: Thresholds,
): boolean {
  const threshold = thresholdFor(kinds, thresholds);
  return penalties.some(
    (p) =>
      HEARING_PENALTIES.includes(p.type) ||
      (AMOUNT_PENALTIES.includes(p.type) && (p.amount ?? 0) >= threshold),
  );
}

export interface CaseFlags {
  major: boolean;
  complex: boolean;
}

/**
 * A legal review is required before deciding (APL art. 58) when the agency reviews all cases, the
 * case is major or complex, the proposed penalty carries a hearing right (重大权益), or a hearing was held.
 */
export function legalReviewRequired(
  s: Pick<CaseSnapshot, 'proposal' | 'partyKinds' | 'hearing'>,
  flags: CaseFlags,
  settings: { allCases: boolean; hearingThresholds: Thresholds },
): boolean {
  if (settings.allCases || flags.major || flags.complex) return true;
  // A hearing the party did not attend counts as waived (APL art. 64(1)(8)), not as held.
  if (s.hearing?.heldOn && !s.hearing.partyAbsent) return true;
  return s.proposal ? hearingRight(s.proposal.penalties, s.partyKinds, settings.hearingThresholds) : false;
}

/** A collective discussion is required (APL art. 57) for a case flagged major or complex, or above the catalogue's fines. */
export function collectiveDiscussionRequired(
  s: Pick<CaseSnapshot, 'proposal' | 'partyKinds'>,
  flags: CaseFlags,
  fineThresholds: Thresholds | null,
): boolean {
  if (flags.major || flags.complex) return true;
  if (!fineThresholds || !s.proposal) return false;
  const threshold = thresholdFor(s.partyKinds, fineThresholds);
  return s.proposal.penalties.some((p) => AMOUNT_PENALTIES.includes(p.type) && (p.amount ?? 0) >= threshold);
}

/** Where an action leaves the case. */
export function stageAfter(action: CaseAction, current: CaseStage, result?: 'pass' | 'return'): CaseStage {
  switch (action) {
    case 'file':
      return 'investigation';
    case 'decline-filing':
      return 'declined';
    case 'transfer':
      return 'transferred';
    case 'terminate':
      return 'terminated';
    case 'conclude-investigation':
      return 'review';
    case 'complete-review':
    case 'record-legal-review':
      // A review sending the case back (退回补充调查) reopens the investigation.
      return result === 'return' ? 'investigation' : current;
    case 'issue-notice':
      return 'notice';
    case 'decide':
      return 'decided';
    case 'close':
      return 'closed';
    case 'archive':
      return 'archived';
    default:
      return current;
  }
}

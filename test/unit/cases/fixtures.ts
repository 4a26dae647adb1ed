/**
 * Case snapshots for the pure rule tests: one default walk in spring 2025, each stage built on the
 * one before, so a test states only the fact it changes.
 *
 * The walk: lead received Mon 2025-03-03 (violation 2025-02-20), filed 03-10, investigation-end
 * report 03-20 proposing a warning and a CNY 5,000 fine, case review passed 03-24, legal review
 * passed 03-25 (event 5), notice served 03-26 with its 5-WD window ending 04-02. Today is
 * 2025-06-16 unless a test says otherwise.
 */
import type { GuardFacts } from '../../../src/domain/cases/case-guards';
import type { CaseSnapshot, ProposedPenalty } from '../../../src/domain/cases/case-model';

export const TODAY = '2025-06-16';
export const INVESTIGATORS = ['officer-li', 'officer-wang'];
/** Neither investigator: a legal reviewer, a hearing chair. */
export const OUTSIDER = 'officer-zhao';

export const PROPOSED: ProposedPenalty[] = [{ type: 'warning' }, { type: 'fine', amount: 5000 }];
/** A fine that gives an organisation the right to a hearing (HR art. 5: ≥ CNY 100,000). */
export const HEARING_FINE: ProposedPenalty[] = [{ type: 'fine', amount: 200_000 }];

export function facts(overrides: Partial<GuardFacts> = {}): GuardFacts {
  return {
    today: TODAY,
    certifiedOfficerIds: INVESTIGATORS,
    powerItem: { category: 'penalty', inForce: true },
    ...overrides,
  };
}

/** A lead (线索) with a party and two assigned officers. */
export function lead(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    stage: 'lead',
    suspended: false,
    receivedOn: '2025-03-03',
    filedOn: null,
    violationOn: '2025-02-20',
    partyKinds: ['legal_person'],
    officerIds: [...INVESTIGATORS],
    evidenceCount: 0,
    concludedOn: null,
    caseReview: null,
    legalReviews: [],
    proposal: null,
    notice: null,
    waivedOn: null,
    statements: [],
    hearing: null,
    collectiveDiscussions: [],
    collectiveDiscussionRequired: false,
    legalReviewRequired: true,
    filingExtensionDays: 0,
    decisionExtensions: [],
    pauses: [],
    ...overrides,
  };
}

/** Filed on 2025-03-10, one piece of evidence. */
export function investigating(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return lead({ stage: 'investigation', filedOn: '2025-03-10', evidenceCount: 1, ...overrides });
}

/** Investigation-end report of 2025-03-20 with the proposal (version 1), case review passed 03-24. */
export function inReview(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return investigating({
    stage: 'review',
    concludedOn: '2025-03-20',
    proposal: { version: 1, penalties: PROPOSED },
    caseReview: { result: 'pass', on: '2025-03-24' },
    ...overrides,
  });
}

/** A passed legal review of proposal version `version`, recorded as event `seq`. */
export function legalPass(on = '2025-03-25', version = 1, seq = 5): CaseSnapshot['legalReviews'][number] {
  return { result: 'pass', on, proposalVersion: version, recordedSeq: seq };
}

/** Reviewed and legally reviewed: ready for the notice. */
export function reviewed(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return inReview({ legalReviews: [legalPass()], ...overrides });
}

/** Notice served 2025-03-26, window until 2025-04-02 (5 WD). */
export function noticed(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const proposal = overrides.proposal ?? { version: 1, penalties: PROPOSED };
  return reviewed({
    stage: 'notice',
    proposal,
    notice: {
      servedOn: '2025-03-26',
      windowEndsOn: '2025-04-02',
      proposalVersion: proposal.version,
      hearingRight: false,
    },
    ...overrides,
  });
}

/** Noticed with a hearing-right fine; the hearing requested 2025-03-28 (paused from then). */
export function hearingRequested(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const base = noticed({ proposal: { version: 1, penalties: HEARING_FINE } });
  return {
    ...base,
    notice: base.notice ? { ...base.notice, hearingRight: true } : null,
    hearing: {
      requestedOn: '2025-03-28',
      scheduledFor: null,
      noticeServedOn: null,
      chairId: null,
      heldOn: null,
      heldSeq: null,
      partyAbsent: false,
    },
    pauses: [{ from: '2025-03-28', reason: 'hearing' }],
    ...overrides,
  };
}

/** The hearing notice served 2025-03-31 for 2025-04-14, chaired by an outsider. */
export function hearingScheduled(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const base = hearingRequested();
  return {
    ...base,
    hearing: base.hearing && {
      ...base.hearing,
      scheduledFor: '2025-04-14',
      noticeServedOn: '2025-03-31',
      chairId: OUTSIDER,
    },
    ...overrides,
  };
}

/** The hearing held 2025-04-14 (event 8); the pause closed; a legal review after it (event 9). */
export function hearingHeld(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const base = hearingScheduled();
  return {
    ...base,
    hearing: base.hearing && { ...base.hearing, heldOn: '2025-04-14', heldSeq: 8 },
    pauses: [{ from: '2025-03-28', to: '2025-04-14', reason: 'hearing' }],
    legalReviews: [legalPass(), legalPass('2025-04-16', 1, 9)],
    ...overrides,
  };
}

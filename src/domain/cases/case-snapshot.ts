/**
 * Builds the guards' snapshot of a case from its stored row and its events (the timeline), so the
 * facts the rules look at are exactly what was recorded. Pure: no I/O.
 */
import type { Pause } from '../calendar/deadlines';
import type { CaseSnapshot, CaseStage, PartyKind, ProposedPenalty } from './case-model';

export interface StoredCase {
  stage: string;
  suspended: boolean;
  receivedOn: string;
  filedOn: string | null;
  violationOn: string | null;
  concludedOn: string | null;
  proposal: ProposedPenalty[] | null;
  proposalVersion: number;
}

export interface StoredEvent {
  seq: number;
  action: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

export interface StoredPause {
  kind: string;
  fromDate: string;
  toDate: string | null;
  reason: string;
}

export interface DerivedFlags {
  collectiveDiscussionRequired: boolean;
  legalReviewRequired: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The snapshot without the two derived flags (they need settings; see case-rules.ts). */
export function buildSnapshot(
  row: StoredCase,
  partyKinds: PartyKind[],
  officerIds: string[],
  evidenceCount: number,
  events: readonly StoredEvent[],
  pauses: readonly StoredPause[],
  flags: DerivedFlags = { collectiveDiscussionRequired: false, legalReviewRequired: false },
): CaseSnapshot {
  const s: CaseSnapshot = {
    stage: row.stage as CaseStage,
    suspended: row.suspended,
    receivedOn: row.receivedOn,
    filedOn: row.filedOn,
    violationOn: row.violationOn,
    partyKinds,
    officerIds,
    evidenceCount,
    concludedOn: row.concludedOn,
    caseReview: null,
    legalReviews: [],
    proposal: row.proposal ? { version: row.proposalVersion, penalties: row.proposal } : null,
    notice: null,
    waivedOn: null,
    statements: [],
    hearing: null,
    collectiveDiscussions: [],
    collectiveDiscussionRequired: flags.collectiveDiscussionRequired,
    legalReviewRequired: flags.legalReviewRequired,
    filingExtensionDays: 0,
    decisionExtensions: [],
    pauses: pauses.map(
      (p): Pause => ({ from: p.fromDate, ...(p.toDate ? { to: p.toDate } : {}), reason: p.kind }),
    ),
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const d = e.data;
    switch (e.action) {
      case 'complete-review':
        s.caseReview = { result: d.result === 'return' ? 'return' : 'pass', on: e.occurredOn };
        break;
      case 'record-legal-review':
        s.legalReviews.push({
          result: d.result === 'return' ? 'return' : 'pass',
          on: e.occurredOn,
          proposalVersion: num(d.proposalVersion),
          recordedSeq: e.seq,
        });
        break;
      case 'conclude-investigation':
        // A new investigation-end report starts the review afresh.
        s.caseReview = null;
        break;
      case 'issue-notice':
        s.notice = {
          servedOn: e.occurredOn,
          windowEndsOn: str(d.windowEndsOn) ?? e.occurredOn,
          proposalVersion: num(d.proposalVersion),
          hearingRight: d.hearingRight === true,
        };
        s.waivedOn = null;
        s.hearing = null;
        break;
      case 'waive-rights':
        s.waivedOn = e.occurredOn;
        break;
      case 'record-statement':
        s.statements.push({ on: e.occurredOn });
        break;
      case 'request-hearing':
        s.hearing = {
          requestedOn: e.occurredOn,
          scheduledFor: null,
          noticeServedOn: null,
          chairId: null,
          heldOn: null,
          heldSeq: null,
          partyAbsent: false,
        };
        break;
      case 'schedule-hearing':
        if (s.hearing) {
          s.hearing.scheduledFor = str(d.scheduledFor);
          s.hearing.noticeServedOn = e.occurredOn;
          s.hearing.chairId = str(d.chairId);
        }
        break;
      case 'record-hearing':
        if (s.hearing) {
          s.hearing.heldOn = e.occurredOn;
          s.hearing.heldSeq = e.seq;
          s.hearing.partyAbsent = d.partyAbsent === true;
        }
        break;
      case 'record-collective-discussion':
        s.collectiveDiscussions.push({ on: e.occurredOn, seq: e.seq });
        break;
      case 'approve-extension':
        if (d.kind === 'filing') s.filingExtensionDays += num(d.days);
        else
          s.decisionExtensions.push({
            days: num(d.days),
            on: e.occurredOn,
            withDiscussion: d.withDiscussion === true,
          });
        break;
      default:
        break;
    }
  }
  return s;
}

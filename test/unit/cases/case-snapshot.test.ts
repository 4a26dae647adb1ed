/**
 * buildSnapshot: the guards see exactly what the timeline recorded, replayed in sequence order.
 */
import { buildSnapshot, type StoredCase, type StoredEvent } from '../../../src/domain/cases/case-snapshot';

const ROW: StoredCase = {
  stage: 'notice',
  suspended: false,
  receivedOn: '2025-03-03',
  filedOn: '2025-03-10',
  violationOn: '2025-02-20',
  concludedOn: '2025-03-20',
  proposal: [{ type: 'fine', amount: 200_000 }],
  proposalVersion: 1,
};

let seq = 0;
function event(action: string, occurredOn: string, data: Record<string, unknown> = {}): StoredEvent {
  seq += 1;
  return { seq, action, occurredOn, data };
}

function build(events: StoredEvent[], pauses: Parameters<typeof buildSnapshot>[5] = []) {
  return buildSnapshot(ROW, ['legal_person'], ['a', 'b'], 2, events, pauses);
}

/** The walk up to a held hearing, events 1–10. */
function walk(): StoredEvent[] {
  seq = 0;
  return [
    event('register-lead', '2025-03-03'),
    event('file', '2025-03-10'),
    event('conclude-investigation', '2025-03-20', { proposalVersion: 1 }),
    event('complete-review', '2025-03-24', { result: 'pass' }),
    event('record-legal-review', '2025-03-25', { result: 'pass', proposalVersion: 1 }),
    event('issue-notice', '2025-03-26', {
      windowEndsOn: '2025-04-02',
      proposalVersion: 1,
      hearingRight: true,
    }),
    event('record-statement', '2025-03-27', { summary: '陈述' }),
    event('request-hearing', '2025-03-28'),
    event('schedule-hearing', '2025-03-31', { scheduledFor: '2025-04-14', chairId: 'c' }),
    event('record-hearing', '2025-04-14', { partyAbsent: false }),
  ];
}

describe('buildSnapshot', () => {
  it('copies the stored row and the looked-up facts', () => {
    const s = buildSnapshot(ROW, ['natural_person'], ['a', 'b'], 3, [], [], {
      legalReviewRequired: true,
      collectiveDiscussionRequired: true,
    });
    expect(s).toMatchObject({
      stage: 'notice',
      suspended: false,
      receivedOn: '2025-03-03',
      filedOn: '2025-03-10',
      violationOn: '2025-02-20',
      concludedOn: '2025-03-20',
      partyKinds: ['natural_person'],
      officerIds: ['a', 'b'],
      evidenceCount: 3,
      proposal: { version: 1, penalties: [{ type: 'fine', amount: 200_000 }] },
      legalReviewRequired: true,
      collectiveDiscussionRequired: true,
      caseReview: null,
      notice: null,
      hearing: null,
    });
  });

  it('defaults the derived flags to false and leaves the proposal null when none is stored', () => {
    const s = buildSnapshot({ ...ROW, proposal: null }, [], [], 0, [], []);
    expect(s).toMatchObject({
      proposal: null,
      legalReviewRequired: false,
      collectiveDiscussionRequired: false,
    });
  });

  it('replays the walk: review, legal review with its sequence, notice, statement, hearing', () => {
    const s = build(walk());
    expect(s.caseReview).toEqual({ result: 'pass', on: '2025-03-24' });
    expect(s.legalReviews).toEqual([
      { result: 'pass', on: '2025-03-25', proposalVersion: 1, recordedSeq: 5 },
    ]);
    expect(s.notice).toEqual({
      servedOn: '2025-03-26',
      windowEndsOn: '2025-04-02',
      proposalVersion: 1,
      hearingRight: true,
    });
    expect(s.statements).toEqual([{ on: '2025-03-27' }]);
    expect(s.hearing).toEqual({
      requestedOn: '2025-03-28',
      scheduledFor: '2025-04-14',
      noticeServedOn: '2025-03-31',
      chairId: 'c',
      heldOn: '2025-04-14',
      heldSeq: 10,
      partyAbsent: false,
    });
  });

  it('replays events in sequence order whatever order they are given in', () => {
    const events = walk();
    expect(build([...events].reverse())).toEqual(build(events));
    // Shuffled: a later return after a pass must stay the latest.
    const returned = [
      ...events,
      event('record-legal-review', '2025-04-16', { result: 'return', proposalVersion: 1 }),
    ];
    const s = build([returned[10], ...returned.slice(0, 10)] as StoredEvent[]);
    expect(s.legalReviews.map((r) => r.result)).toEqual(['pass', 'return']);
  });

  it('a new notice resets the hearing and the waiver', () => {
    const events = [
      ...walk(),
      event('waive-rights', '2025-04-15'),
      event('issue-notice', '2025-05-06', {
        windowEndsOn: '2025-05-13',
        proposalVersion: 2,
        hearingRight: false,
      }),
    ];
    const s = build(events);
    expect(s.notice).toEqual({
      servedOn: '2025-05-06',
      windowEndsOn: '2025-05-13',
      proposalVersion: 2,
      hearingRight: false,
    });
    expect(s.hearing).toBeNull();
    expect(s.waivedOn).toBeNull();
    // Without a new notice the waiver stands.
    expect(build([...walk().slice(0, 6), event('waive-rights', '2025-03-27')]).waivedOn).toBe('2025-03-27');
  });

  it('a new investigation-end report clears the case review', () => {
    const s = build([
      ...walk().slice(0, 4),
      event('conclude-investigation', '2025-03-28', { proposalVersion: 2 }),
    ]);
    expect(s.caseReview).toBeNull();
  });

  it('records a return, an absent party, discussions and both kinds of extension', () => {
    seq = 0;
    const s = build([
      event('approve-extension', '2025-03-20', { kind: 'filing', days: 10 }),
      event('complete-review', '2025-03-24', { result: 'return' }),
      event('request-hearing', '2025-03-28'),
      event('record-hearing', '2025-04-14', { partyAbsent: true }),
      event('record-collective-discussion', '2025-04-15'),
      event('approve-extension', '2025-04-16', { kind: 'decision', days: 30, withDiscussion: false }),
      event('approve-extension', '2025-05-20', { kind: 'decision', days: 20, withDiscussion: true }),
    ]);
    expect(s.filingExtensionDays).toBe(10);
    expect(s.caseReview).toEqual({ result: 'return', on: '2025-03-24' });
    expect(s.hearing).toMatchObject({
      heldOn: '2025-04-14',
      heldSeq: 4,
      partyAbsent: true,
      scheduledFor: null,
    });
    expect(s.collectiveDiscussions).toEqual([{ on: '2025-04-15', seq: 5 }]);
    expect(s.decisionExtensions).toEqual([
      { days: 30, on: '2025-04-16', withDiscussion: false },
      { days: 20, on: '2025-05-20', withDiscussion: true },
    ]);
  });

  it('ignores scheduling or recording a hearing nobody requested', () => {
    seq = 0;
    const s = build([
      event('schedule-hearing', '2025-03-31', { scheduledFor: '2025-04-14' }),
      event('record-hearing', '2025-04-14'),
    ]);
    expect(s.hearing).toBeNull();
  });

  it('maps stored pauses, open and closed, with their kind as the reason', () => {
    const s = build(
      [],
      [
        { kind: 'suspension', fromDate: '2025-04-01', toDate: '2025-04-10', reason: '等待协查' },
        { kind: 'hearing', fromDate: '2025-04-20', toDate: null, reason: 'hearing requested' },
      ],
    );
    expect(s.pauses).toEqual([
      { from: '2025-04-01', to: '2025-04-10', reason: 'suspension' },
      { from: '2025-04-20', reason: 'hearing' },
    ]);
  });
});

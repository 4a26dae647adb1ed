/**
 * Case rules that depend on settings: hearing rights (HR art. 5), when a legal review (APL art. 58)
 * and a collective discussion (APL art. 57) are required, and where each action leaves the case.
 */
import { CASE_ACTIONS, type CaseAction } from '../../../src/domain/cases/case-guards';
import type {
  CaseStage,
  PartyKind,
  PenaltyType,
  ProposedPenalty,
} from '../../../src/domain/cases/case-model';
import {
  collectiveDiscussionRequired,
  hearingRight,
  legalReviewRequired,
  stageAfter,
  type Thresholds,
  thresholdFor,
} from '../../../src/domain/cases/case-rules';
import { hearingHeld, noticed } from './fixtures';

/** The national defaults of HR art. 5. */
const HEARING: Thresholds = { naturalPerson: 10_000, organisation: 100_000 };

describe('thresholdFor: which party kinds count as natural persons', () => {
  it.each([
    [['natural_person'], 10_000],
    [['individual_business'], 10_000],
    [['legal_person'], 100_000],
    [['other_organisation'], 100_000],
    // With several parties the lowest threshold applies, so no party loses a right.
    [['legal_person', 'natural_person'], 10_000],
    [['legal_person', 'individual_business'], 10_000],
    [['legal_person', 'other_organisation'], 100_000],
    // No party recorded yet: the lower threshold, for the same reason.
    [[], 10_000],
  ] as [PartyKind[], number][])('%j → %i', (kinds, threshold) => {
    expect(thresholdFor(kinds, HEARING)).toBe(threshold);
  });

  it('uses the province’s amounts when set', () => {
    const qinghai = { naturalPerson: 5_000, organisation: 50_000 };
    expect(thresholdFor(['legal_person'], qinghai)).toBe(50_000);
    expect(thresholdFor(['natural_person'], qinghai)).toBe(5_000);
  });
});

describe('hearingRight (HR art. 5; APL art. 63)', () => {
  const fine = (amount: number): ProposedPenalty[] => [{ type: 'fine', amount }];

  it.each([
    ['natural_person', 10_000, true],
    ['natural_person', 9_999.99, false],
    ['individual_business', 10_000, true],
    ['individual_business', 9_999, false],
    ['legal_person', 100_000, true],
    ['legal_person', 99_999.99, false],
    ['other_organisation', 100_000, true],
    ['other_organisation', 99_999, false],
  ] as [PartyKind, number, boolean][])('%s, fine of CNY %d → %s', (kind, amount, right) => {
    expect(hearingRight(fine(amount), [kind], HEARING)).toBe(right);
  });

  it.each(['confiscate_illegal_gains', 'confiscate_illegal_property'] as PenaltyType[])(
    '%s counts like a fine: at the threshold, not below',
    (type) => {
      expect(hearingRight([{ type, amount: 100_000 }], ['legal_person'], HEARING)).toBe(true);
      expect(hearingRight([{ type, amount: 99_999 }], ['legal_person'], HEARING)).toBe(false);
      expect(hearingRight([{ type, amount: 10_000 }], ['natural_person'], HEARING)).toBe(true);
    },
  );

  it.each([
    'revoke_licence',
    'lower_qualification',
    'suspend_business',
    'close_down',
    'restrict_business',
    'restrict_employment',
  ] as PenaltyType[])('%s always carries a hearing right, whatever the party', (type) => {
    expect(hearingRight([{ type }], ['legal_person'], HEARING)).toBe(true);
    expect(hearingRight([{ type }], ['natural_person'], HEARING)).toBe(true);
  });

  it('a warning, 通报批评 or a fine without amount carry none', () => {
    expect(
      hearingRight([{ type: 'warning' }, { type: 'circulated_criticism' }], ['natural_person'], HEARING),
    ).toBe(false);
    expect(hearingRight([{ type: 'fine' }], ['natural_person'], HEARING)).toBe(false);
  });

  it('looks at each penalty, not the sum', () => {
    const split: ProposedPenalty[] = [
      { type: 'fine', amount: 6_000 },
      { type: 'confiscate_illegal_gains', amount: 6_000 },
    ];
    expect(hearingRight(split, ['natural_person'], HEARING)).toBe(false);
    expect(
      hearingRight(
        [...split, { type: 'warning' }, { type: 'fine', amount: 10_000 }],
        ['natural_person'],
        HEARING,
      ),
    ).toBe(true);
  });
});

describe('legalReviewRequired (APL art. 58)', () => {
  const small = noticed();
  const large = noticed({ proposal: { version: 1, penalties: [{ type: 'fine', amount: 100_000 }] } });
  const none = { major: false, complex: false };
  const off = { allCases: false, hearingThresholds: HEARING };
  const on = { allCases: true, hearingThresholds: HEARING };

  it('is required for every case where the agency reviews all cases (the seed bureau)', () => {
    expect(legalReviewRequired(small, none, on)).toBe(true);
    expect(legalReviewRequired({ ...small, proposal: null }, none, on)).toBe(true);
  });

  it('is not required for a small fine otherwise', () => {
    expect(legalReviewRequired(small, none, off)).toBe(false);
    expect(legalReviewRequired({ ...small, proposal: null }, none, off)).toBe(false);
  });

  it('is required for a major or complex case', () => {
    expect(legalReviewRequired(small, { major: true, complex: false }, off)).toBe(true);
    expect(legalReviewRequired(small, { major: false, complex: true }, off)).toBe(true);
  });

  it('is required when the proposal carries a hearing right (重大权益), at the threshold and not below', () => {
    expect(legalReviewRequired(large, none, off)).toBe(true);
    const below = {
      ...large,
      proposal: { version: 1, penalties: [{ type: 'fine', amount: 99_999 }] as ProposedPenalty[] },
    };
    expect(legalReviewRequired(below, none, off)).toBe(false);
    expect(legalReviewRequired({ ...below, partyKinds: ['natural_person'] }, none, off)).toBe(true);
  });

  it('is required after a hearing was held', () => {
    const held = hearingHeld({ proposal: { version: 2, penalties: [{ type: 'fine', amount: 1_000 }] } });
    expect(legalReviewRequired(held, none, off)).toBe(true);
  });

  it('is not required by a hearing the party did not attend (a no-show is a waiver)', () => {
    const held = hearingHeld({ proposal: { version: 2, penalties: [{ type: 'fine', amount: 1_000 }] } });
    const noShow = { ...held, hearing: held.hearing && { ...held.hearing, partyAbsent: true } };
    expect(legalReviewRequired(noShow, none, off)).toBe(false);
  });
});

describe('collectiveDiscussionRequired (APL art. 57)', () => {
  const none = { major: false, complex: false };
  const catalogue: Thresholds = { naturalPerson: 50_000, organisation: 200_000 };
  const withFine = (amount: number, kinds: PartyKind[] = ['legal_person']) =>
    noticed({ partyKinds: kinds, proposal: { version: 1, penalties: [{ type: 'fine', amount }] } });

  it('is required for a case flagged major or complex', () => {
    expect(collectiveDiscussionRequired(withFine(1), { major: true, complex: false }, null)).toBe(true);
    expect(collectiveDiscussionRequired(withFine(1), { major: false, complex: true }, null)).toBe(true);
  });

  it('without a catalogue, only by the flags', () => {
    expect(collectiveDiscussionRequired(withFine(10_000_000), none, null)).toBe(false);
  });

  it('with a catalogue, from its amount for the party kind on', () => {
    expect(collectiveDiscussionRequired(withFine(200_000), none, catalogue)).toBe(true);
    expect(collectiveDiscussionRequired(withFine(199_999), none, catalogue)).toBe(false);
    expect(collectiveDiscussionRequired(withFine(50_000, ['natural_person']), none, catalogue)).toBe(true);
    expect(collectiveDiscussionRequired(withFine(49_999, ['individual_business']), none, catalogue)).toBe(
      false,
    );
    expect(
      collectiveDiscussionRequired(
        noticed({
          proposal: { version: 1, penalties: [{ type: 'confiscate_illegal_property', amount: 200_000 }] },
        }),
        none,
        catalogue,
      ),
    ).toBe(true);
  });

  it('not before there is a proposal, nor for non-monetary penalties', () => {
    expect(collectiveDiscussionRequired({ ...withFine(1_000_000), proposal: null }, none, catalogue)).toBe(
      false,
    );
    expect(
      collectiveDiscussionRequired(
        noticed({ proposal: { version: 1, penalties: [{ type: 'revoke_licence' }] } }),
        none,
        catalogue,
      ),
    ).toBe(false);
  });
});

describe('stageAfter: where each action leaves the case', () => {
  const expected: Record<CaseAction, CaseStage> = {
    'assign-officers': 'investigation',
    file: 'investigation',
    'decline-filing': 'declined',
    transfer: 'transferred',
    suspend: 'investigation',
    resume: 'investigation',
    'start-testing': 'investigation',
    'end-testing': 'investigation',
    terminate: 'terminated',
    'conclude-investigation': 'review',
    'complete-review': 'investigation',
    'record-legal-review': 'investigation',
    'revise-proposal': 'investigation',
    'issue-notice': 'notice',
    'record-statement': 'investigation',
    'waive-rights': 'investigation',
    'request-hearing': 'investigation',
    'schedule-hearing': 'investigation',
    'record-hearing': 'investigation',
    'record-collective-discussion': 'investigation',
    'approve-extension': 'investigation',
    decide: 'decided',
    // After the decision (the stage they start from is decided; only close and archive move it).
    'serve-decision': 'investigation',
    'approve-payment-schedule': 'investigation',
    'record-payment': 'investigation',
    'freeze-surcharge': 'investigation',
    'unfreeze-surcharge': 'investigation',
    'serve-demand': 'investigation',
    'apply-court-enforcement': 'investigation',
    'record-court-enforcement': 'investigation',
    'file-for-record': 'investigation',
    close: 'closed',
    archive: 'archived',
  };

  it.each(CASE_ACTIONS.map((a) => [a, expected[a]] as const))(
    '%s from investigation → %s',
    (action, stage) => {
      expect(stageAfter(action, 'investigation')).toBe(stage);
    },
  );

  it('file leaves a lead under investigation', () => {
    expect(stageAfter('file', 'lead')).toBe('investigation');
  });

  it('a review that passes keeps the stage; one that returns reopens the investigation (退回补充调查)', () => {
    expect(stageAfter('complete-review', 'review', 'pass')).toBe('review');
    expect(stageAfter('complete-review', 'review', 'return')).toBe('investigation');
    expect(stageAfter('record-legal-review', 'review', 'pass')).toBe('review');
    expect(stageAfter('record-legal-review', 'notice', 'pass')).toBe('notice');
    expect(stageAfter('record-legal-review', 'notice', 'return')).toBe('investigation');
  });

  it('steps inside the notice stage keep it', () => {
    for (const action of ['record-statement', 'waive-rights', 'request-hearing', 'record-hearing'] as const)
      expect(stageAfter(action, 'notice')).toBe('notice');
  });
});

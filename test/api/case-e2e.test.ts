/**
 * End to end, through the HTTP API only: every branch a lead can take (issue 5, "Done when").
 *
 * - a lead declined (不予立案);
 * - a lead transferred to another agency (移送);
 * - a lead filed (立案) and taken through evidence, a seizure (扣押), the investigation-end report, the
 *   case review, a legal review, the pre-penalty notice (告知), a hearing requested within 5 WD and
 *   held after a notice served 7 WD before it, chaired by a non-investigator, a second legal review
 *   (the first no longer counts after the hearing), a collective discussion of the major case, and the
 *   penalty decision with its number.
 *
 * The app clock follows the walk through spring 2025 (Qingming 4–6 April is a holiday), so every clock
 * is seen as it runs on the day; tokens are minted at the moved clock (asOfNow).
 */
import type { Role } from '../../src/domain/access/roles';
import { asOfNow, createTestApp, type TestApp } from '../helpers/app';
import { ORGANISATION, penaltyItem, secondBureauHead } from '../helpers/cases';

let t: TestApp;
let clock = new Date('2025-03-03T01:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role) => asOfNow(t, role);

let itemId: string;
let secondHead: string;
let officers: Record<Role, string>;
/** The two investigators (承办人员): the certified officer and the unit head. */
let investigators: string[];

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t, 'E2E-ITEM');
  secondHead = await secondBureauHead(t);
  officers = t.bureau.officers;
  investigators = [officers.officer, officers.unit_head];
});
afterAll(() => t.close());

interface Clock {
  name: string;
  start: string;
  days: number;
  unit: string;
  dueDate: string | null;
  state: string;
  daysLeft: number | null;
  rule: { code: string; citation: string };
}
interface Case {
  id: string;
  stage: string;
  version: number;
  clocks: Clock[];
  [key: string]: unknown;
}

async function register(body: Record<string, unknown>): Promise<Case> {
  const res = await (await as('officer')).post('/v1/cases').send(body);
  expect(res.status).toBe(201);
  return res.body;
}

async function act(caseId: string, action: string, body: Record<string, unknown>, role: Role) {
  return (await as(role)).post(`/v1/cases/${caseId}/actions/${action}`).send(body);
}

/** An action that must succeed; returns the case. */
async function step(caseId: string, action: string, body: Record<string, unknown>, role: Role = 'officer') {
  const res = await act(caseId, action, body, role);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Case;
}

/** The case and its timeline: what a refused action must leave unchanged. */
async function state(caseId: string) {
  const reader = await as('officer');
  const [c, timeline] = await Promise.all([
    reader.get(`/v1/cases/${caseId}`).expect(200),
    reader.get(`/v1/cases/${caseId}/timeline`).expect(200),
  ]);
  return { case: c.body, timeline: timeline.body };
}

/** An action refused with exactly these conditions, writing nothing. */
async function refused(
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  codes: string[],
  role: Role = 'officer',
) {
  const before = await state(caseId);
  const res = await act(caseId, action, body, role);
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('CASE_RULE_VIOLATION');
  expect(res.body.unmet.map((u: { code: string }) => u.code).sort()).toEqual([...codes].sort());
  for (const u of res.body.unmet) expect(u.rule).toEqual(expect.any(String));
  expect(await state(caseId)).toEqual(before);
  return res.body;
}

/** GET /v1/cases/{id}/actions as { action: unmet codes } (empty: possible now). */
async function actions(caseId: string): Promise<Record<string, string[]>> {
  const res = await (await as('officer')).get(`/v1/cases/${caseId}/actions`).expect(200);
  const out: Record<string, string[]> = {};
  for (const a of res.body.actions as { action: string; possible: boolean; unmet: { code: string }[] }[]) {
    expect(a.possible).toBe(a.unmet.length === 0);
    out[a.action] = a.unmet.map((u) => u.code);
  }
  return out;
}

function clockOf(c: Case, name: string): Clock {
  const found = c.clocks.find((k) => k.name === name);
  if (!found) throw new Error(`no ${name} clock in ${JSON.stringify(c.clocks.map((k) => k.name))}`);
  return found;
}

async function timeline(caseId: string) {
  const res = await (await as('officer')).get(`/v1/cases/${caseId}/timeline`).expect(200);
  const events = res.body.events as {
    seq: number;
    action: string;
    occurredOn: string;
    actorType: string;
    actorId: string;
    documentNumber: string | null;
    data: Record<string, unknown>;
  }[];
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  return events;
}

async function auditTrail(caseId: string) {
  const res = await (await as('auditor'))
    .get(`/v1/audit-events?entityType=case&entityId=${caseId}&limit=200`)
    .expect(200);
  return (res.body.items as { seq: number; action: string; actorId: string }[]).sort((a, b) => a.seq - b.seq);
}

const LEAD = {
  source: 'complaint',
  sourceRef: '12315-2025-000123',
  receivedOn: '2025-03-03',
  summary: '投诉反映某店无证经营熟食',
  violationOn: '2025-02-20',
  parties: [ORGANISATION],
} as const;

describe('a declined lead (不予立案)', () => {
  it('is registered, checked, and declined on the bureau head’s approval', async () => {
    at('2025-03-03');
    const lead = await register({
      ...LEAD,
      source: 'random_inspection',
      sourceRef: '双随机-2025-017',
      summary: '双随机抽查发现某便利店价签不规范',
      parties: [{ kind: 'natural_person', name: '张三', residentId: '11010519491231002X' }],
    });
    expect(lead.stage).toBe('lead');
    expect(lead.clocks).toEqual([
      expect.objectContaining({
        name: 'filing_decision',
        start: '2025-03-03',
        days: 15,
        unit: 'working',
        dueDate: '2025-03-24',
        state: 'running',
        daysLeft: 15,
        rule: expect.objectContaining({ code: 'FILING_DECISION', citation: 'PPR art. 18' }),
      }),
    ]);
    const open = await actions(lead.id);
    expect(open['decline-filing']).toEqual([]);
    expect(open.transfer).toEqual([]);
    expect(open.file).toEqual(
      expect.arrayContaining(['INSUFFICIENT_CERTIFIED_OFFICERS', 'NO_PENALTY_POWER_ITEM']),
    );

    at('2025-03-05');
    const decline = {
      on: '2025-03-05',
      reason: 'minor_corrected_no_harm',
      detail: '价签不规范已当场改正，未造成危害后果',
    };
    await refused(lead.id, 'decline-filing', { ...decline, approverId: officers.unit_head }, [
      'APPROVER_NOT_BUREAU_HEAD',
    ]);
    const declined = await step(lead.id, 'decline-filing', { ...decline, approverId: officers.bureau_head });
    expect(declined.stage).toBe('declined');
    expect(declined.filingNumber).toBeNull();
    expect(declined.closingReason).toContain('minor_corrected_no_harm');
    expect(declined.clocks).toEqual([
      expect.objectContaining({ name: 'filing_decision', dueDate: '2025-03-24', state: 'completed' }),
    ]);
    const after = await actions(lead.id);
    for (const codes of Object.values(after)) expect(codes).not.toEqual([]);
    for (const action of ['file', 'decline-filing', 'transfer', 'assign-officers', 'decide'])
      expect(after[action]).toContain('WRONG_STAGE');

    expect(await timeline(lead.id)).toEqual([
      expect.objectContaining({
        action: 'register-lead',
        occurredOn: '2025-03-03',
        actorType: 'officer',
        actorId: officers.officer,
        documentNumber: null,
      }),
      expect.objectContaining({
        action: 'decline-filing',
        occurredOn: '2025-03-05',
        actorId: officers.officer,
        documentNumber: null,
        data: expect.objectContaining({
          approverId: officers.bureau_head,
          reason: 'minor_corrected_no_harm',
        }),
      }),
    ]);
    expect((await auditTrail(lead.id)).map((e) => e.action)).toEqual([
      'case.lead_registered',
      'case.decline-filing',
    ]);
  });
});

describe('a transferred lead (移送)', () => {
  it('is handed to the agency with jurisdiction', async () => {
    at('2025-03-04');
    const lead = await register({
      ...LEAD,
      sourceRef: '12345-2025-004411',
      receivedOn: '2025-03-04',
      summary: '举报某诊所无证行医（不属于市场监管部门管辖）',
    });
    at('2025-03-07');
    const transfer = {
      on: '2025-03-07',
      recipient: '西宁市城东区卫生健康局',
      recipientKind: 'agency',
      reason: '涉嫌非法行医，属卫生健康部门管辖',
    };
    await refused(lead.id, 'transfer', { ...transfer, approverId: officers.officer }, [
      'APPROVER_NOT_BUREAU_HEAD',
    ]);
    const moved = await step(lead.id, 'transfer', { ...transfer, approverId: officers.bureau_head });
    expect(moved.stage).toBe('transferred');
    expect(moved.closingReason).toContain('西宁市城东区卫生健康局');
    expect(moved.clocks).toEqual([
      expect.objectContaining({ name: 'filing_decision', dueDate: '2025-03-25', state: 'completed' }),
    ]);
    expect((await actions(lead.id)).file).toContain('WRONG_STAGE');
    expect(await timeline(lead.id)).toEqual([
      expect.objectContaining({ action: 'register-lead', occurredOn: '2025-03-04', documentNumber: null }),
      expect.objectContaining({
        action: 'transfer',
        occurredOn: '2025-03-07',
        actorId: officers.officer,
        documentNumber: null,
        data: expect.objectContaining({ recipient: '西宁市城东区卫生健康局', recipientKind: 'agency' }),
      }),
    ]);
    expect((await auditTrail(lead.id)).map((e) => e.action)).toEqual([
      'case.lead_registered',
      'case.transfer',
    ]);
  });
});

describe('a filed case, from lead to decision', () => {
  it('walks every step of the general procedure (普通程序)', async () => {
    // Lead (线索), received Monday 3 March: the 15-WD filing clock starts.
    at('2025-03-03');
    const lead = await register({ ...LEAD, powerItemId: itemId });
    const id = lead.id;
    expect(clockOf(lead, 'filing_decision')).toEqual(
      expect.objectContaining({ dueDate: '2025-03-24', state: 'running' }),
    );
    expect((await actions(id)).file).toEqual(['INSUFFICIENT_CERTIFIED_OFFICERS']);
    await step(id, 'assign-officers', { on: '2025-03-03', officerIds: investigators });
    expect((await actions(id)).file).toEqual([]);

    // Filing (立案) on 10 March, with the bureau head's approval: the filing number, and the 90-day
    // decision clock (APL art. 60).
    at('2025-03-10');
    const filed = await step(id, 'file', {
      on: '2025-03-10',
      approverId: officers.bureau_head,
      limitationBasis: 'two_years',
    });
    expect(filed.stage).toBe('investigation');
    expect(filed.filingNumber).toBe('东市监立〔2025〕1号');
    expect(clockOf(filed, 'filing_decision')).toEqual(
      expect.objectContaining({ dueDate: '2025-03-24', state: 'completed' }),
    );
    expect(clockOf(filed, 'decision')).toEqual(
      expect.objectContaining({
        start: '2025-03-10',
        days: 90,
        unit: 'calendar',
        dueDate: '2025-06-09', // day 90 is Sunday 8 June: the period ends on the next working day
        state: 'running',
        rule: expect.objectContaining({ citation: 'APL art. 60' }),
      }),
    );
    expect((await actions(id))['conclude-investigation']).toEqual(['NO_EVIDENCE']);

    // Evidence (证据登记) and a seizure (扣押) on 12 March, approved beforehand by the head.
    at('2025-03-12');
    const evidence = await (await as('officer')).post(`/v1/cases/${id}/evidence`).send({
      kind: 'documentary',
      description: '现场检查笔录及营业场所照片',
      collectedOn: '2025-03-12',
      collectedBy: investigators,
      fileRef: 'evidence/2025/0001.pdf',
      contentHash: 'a'.repeat(64),
      hashAlgorithm: 'sha256',
      avRecorded: true,
    });
    expect(evidence.status).toBe(201);
    const seizure = await (await as('officer')).post(`/v1/cases/${id}/measures`).send({
      kind: 'seizure',
      items: '无证加工的熟食制品 35 公斤及加工器具 3 件',
      startedAt: '2025-03-12T01:30:00Z',
      officerIds: investigators,
      avRecorded: true,
      approval: 'prior',
      approverId: officers.bureau_head,
      approvedAt: '2025-03-12T01:00:00Z',
    });
    expect(seizure.status).toBe(201);
    expect(seizure.body.clock).toEqual(
      expect.objectContaining({ name: 'compulsory_measure', dueDate: '2025-04-11', state: 'running' }),
    );
    const seized = (await state(id)).case as Case;
    expect(seized.evidenceCount).toBe(1);
    expect(clockOf(seized, 'compulsory_measure')).toEqual(
      expect.objectContaining({ dueDate: '2025-04-11', state: 'running' }),
    );
    expect((await actions(id))['conclude-investigation']).toEqual([]);

    // The seized goods are released once sampled (ACL art. 28): the measure's clock leaves the case.
    at('2025-03-19');
    const released = await (await as('officer'))
      .post(`/v1/cases/${id}/measures/${seizure.body.id}/actions/release`)
      .send({ on: '2025-03-19', reason: 'other', note: '已抽样取证，不再需要扣押，物品退还当事人' });
    expect(released.status).toBe(200);
    expect(released.body.clock).toEqual(expect.objectContaining({ state: 'completed' }));
    expect((await state(id)).case.clocks.map((k: Clock) => k.name)).toEqual(['filing_decision', 'decision']);

    // Investigation-end report (调查终结报告) with the proposed penalty: a fine of CNY 150,000 gives the
    // organisation a hearing right (HR art. 5: from CNY 100,000). The case review clock starts.
    at('2025-03-20');
    const noticed = [
      { type: 'fine', amount: 150_000 },
      { type: 'confiscate_illegal_gains', amount: 1200 },
    ];
    const concluded = await step(id, 'conclude-investigation', {
      on: '2025-03-20',
      findings: '当事人未取得食品经营许可从事熟食加工销售，违法所得 1,200 元',
      penalties: noticed,
    });
    expect(concluded.stage).toBe('review');
    expect(clockOf(concluded, 'case_review')).toEqual(
      expect.objectContaining({ start: '2025-03-20', days: 10, unit: 'working', dueDate: '2025-04-03' }),
    );
    expect((await actions(id))['issue-notice']).toEqual(
      expect.arrayContaining(['CASE_REVIEW_NOT_COMPLETED', 'LEGAL_REVIEW_NOT_PASSED']),
    );

    // Case review (案件审核) by the unit head, then the first legal review (法制审核): the seed bureau
    // reviews every case.
    at('2025-03-24');
    const reviewed = await step(
      id,
      'complete-review',
      { on: '2025-03-24', result: 'pass', opinion: '事实清楚，证据确凿' },
      'unit_head',
    );
    expect(clockOf(reviewed, 'case_review')).toEqual(expect.objectContaining({ state: 'completed' }));
    expect(reviewed.legalReviewRequired).toBe(true);
    expect((await actions(id))['issue-notice']).toEqual(['LEGAL_REVIEW_NOT_PASSED']);
    at('2025-03-25');
    await step(
      id,
      'record-legal-review',
      { on: '2025-03-25', result: 'pass', opinion: '同意' },
      'legal_reviewer',
    );
    expect((await actions(id))['issue-notice']).toEqual([]);

    // Pre-penalty notice (行政处罚告知书) on Wednesday 26 March: 5 WD to state, defend or request a hearing.
    at('2025-03-26');
    const notice = await step(id, 'issue-notice', { on: '2025-03-26' });
    expect(notice.stage).toBe('notice');
    expect(notice.notice).toEqual({
      servedOn: '2025-03-26',
      windowEndsOn: '2025-04-02',
      hearingRight: true,
      documentNumber: '东市监罚告〔2025〕1号',
    });
    expect(clockOf(notice, 'statement')).toEqual(
      expect.objectContaining({
        start: '2025-03-26',
        days: 5,
        unit: 'working',
        dueDate: '2025-04-02',
        state: 'running',
        daysLeft: 5,
        rule: expect.objectContaining({ citation: 'APL art. 64' }),
      }),
    );
    const noticeActions = await actions(id);
    expect(noticeActions['request-hearing']).toEqual([]);
    expect(noticeActions.decide).toEqual(['STATEMENT_PERIOD_OPEN']);

    // The party requests a hearing (听证申请) on Monday 31 March, inside the window: the statement clock
    // closes and the decision clock pauses (APL art. 60).
    at('2025-03-31');
    const requested = await step(id, 'request-hearing', { on: '2025-03-31' });
    expect(clockOf(requested, 'statement')).toEqual(
      expect.objectContaining({ dueDate: '2025-04-02', state: 'completed' }),
    );
    expect(clockOf(requested, 'decision')).toEqual(
      expect.objectContaining({ state: 'paused', dueDate: null }),
    );
    expect((await actions(id)).decide).toEqual(['HEARING_NOT_HELD']);

    // Hearing notice (听证通知书) served Tuesday 1 April: the hearing may be held 7 WD later at the
    // earliest, Friday 11 April (Qingming, 4 April, is not counted), and not chaired by an investigator.
    at('2025-04-01');
    await refused(
      id,
      'schedule-hearing',
      { on: '2025-04-01', scheduledFor: '2025-04-10', chairId: officers.unit_head },
      ['HEARING_NOTICE_TOO_LATE', 'HEARING_CHAIR_IS_INVESTIGATOR'],
    );
    const scheduled = await step(id, 'schedule-hearing', {
      on: '2025-04-01',
      scheduledFor: '2025-04-11',
      chairId: officers.supervisor,
    });
    expect(scheduled.stage).toBe('notice');
    expect((await actions(id))['record-hearing']).toEqual([]);

    // The hearing is held on 11 April (听证笔录): the pause ends and the decision clock resumes, the 12
    // hearing days not counted. The earlier legal review no longer counts (APL art. 58).
    at('2025-04-11');
    const heard = await step(id, 'record-hearing', {
      on: '2025-04-11',
      partyAbsent: false,
      record: '当事人到场陈述申辩，对违法事实无异议，请求从轻处罚',
    });
    expect(clockOf(heard, 'decision')).toEqual(
      expect.objectContaining({ dueDate: '2025-06-20', state: 'running' }),
    );
    expect((await actions(id)).decide).toEqual(['LEGAL_REVIEW_NOT_PASSED']);

    // The bureau flags the case major (重大案件): a collective discussion is now required (APL art. 57).
    const flagged = await (await as('officer'))
      .patch(`/v1/cases/${id}`)
      .set('if-match', `"${heard.version}"`)
      .send({ major: true });
    expect(flagged.status).toBe(200);
    expect(flagged.body.collectiveDiscussionRequired).toBe(true);
    const fine = { on: '2025-04-14', kind: 'penalty', penalties: [{ type: 'fine', amount: 120_000 }] };
    at('2025-04-14');
    await refused(id, 'decide', fine, ['LEGAL_REVIEW_NOT_PASSED', 'COLLECTIVE_DISCUSSION_REQUIRED']);

    // Legal review after the hearing, then the collective discussion (集体讨论) of two bureau heads.
    await step(
      id,
      'record-legal-review',
      { on: '2025-04-14', result: 'pass', opinion: '听证后复核，同意' },
      'legal_reviewer',
    );
    expect((await actions(id)).decide).toEqual(['COLLECTIVE_DISCUSSION_REQUIRED']);
    at('2025-04-15');
    const discussion = {
      on: '2025-04-15',
      opinions: '一致认为违法事实清楚，当事人积极配合，可在告知范围内从轻处罚',
      conclusion: '罚款 120,000 元，没收违法所得 1,200 元',
    };
    await refused(
      id,
      'record-collective-discussion',
      { ...discussion, attendeeIds: [officers.bureau_head, officers.legal_reviewer] },
      ['TOO_FEW_HEADS'],
    );
    await step(id, 'record-collective-discussion', {
      ...discussion,
      attendeeIds: [officers.bureau_head, secondHead, officers.legal_reviewer],
    });
    expect((await actions(id)).decide).toEqual([]);

    // The decision (行政处罚决定书) on 16 April: no heavier than noticed (APL art. 44–45).
    at('2025-04-16');
    await refused(
      id,
      'decide',
      { on: '2025-04-16', kind: 'penalty', penalties: [{ type: 'fine', amount: 200_000 }] },
      ['DECISION_EXCEEDS_NOTICE'],
    );
    const decidedPenalties = [
      { type: 'fine', amount: 120_000 },
      { type: 'confiscate_illegal_gains', amount: 1200 },
    ];
    const decided = await step(id, 'decide', {
      on: '2025-04-16',
      kind: 'penalty',
      penalties: decidedPenalties,
    });
    expect(decided.stage).toBe('decided');
    expect(decided.decidedOn).toBe('2025-04-16');
    expect(decided.decisionNumber).toBe('东市监处罚〔2025〕1号');
    expect(decided.decision).toEqual(
      expect.objectContaining({ kind: 'penalty', penalties: decidedPenalties }),
    );
    expect(decided.clocks.map((k) => [k.name, k.state])).toEqual([
      ['filing_decision', 'completed'],
      ['case_review', 'completed'],
      ['statement', 'completed'],
      ['decision', 'completed'],
      // After the decision (issue 6): service within 7 WD unless served at the announcement, and the
      // filing for the record of a major case.
      ['service', 'running'],
      ['major_case_filing', 'running'],
    ]);
    expect(clockOf(decided, 'decision').dueDate).toBe('2025-06-20');
    const closed = await actions(id);
    expect(closed.decide).toContain('WRONG_STAGE');
    expect(closed['record-legal-review']).toContain('WRONG_STAGE');

    // The timeline: every step in order, who recorded it, and the documents it numbered.
    const events = await timeline(id);
    const { officer, unit_head, legal_reviewer } = officers;
    expect(events.map((e) => [e.action, e.occurredOn, e.actorId])).toEqual([
      ['register-lead', '2025-03-03', officer],
      ['assign-officers', '2025-03-03', officer],
      ['file', '2025-03-10', officer],
      ['register-evidence', '2025-03-12', officer],
      ['take-measure', '2025-03-12', officer],
      ['release-measure', '2025-03-19', officer],
      ['conclude-investigation', '2025-03-20', officer],
      ['complete-review', '2025-03-24', unit_head],
      ['record-legal-review', '2025-03-25', legal_reviewer],
      ['issue-notice', '2025-03-26', officer],
      ['request-hearing', '2025-03-31', officer],
      ['schedule-hearing', '2025-04-01', officer],
      ['record-hearing', '2025-04-11', officer],
      ['update-case', '2025-04-11', officer],
      ['record-legal-review', '2025-04-14', legal_reviewer],
      ['record-collective-discussion', '2025-04-15', officer],
      ['decide', '2025-04-16', officer],
    ]);
    for (const e of events) expect(e.actorType).toBe('officer');
    const numbered = Object.fromEntries(events.map((e) => [e.action, e.documentNumber]));
    expect(numbered).toEqual({
      'register-lead': null,
      'assign-officers': null,
      file: '东市监立〔2025〕1号',
      'register-evidence': null,
      'take-measure': '东市监强制〔2025〕1号',
      'release-measure': null,
      'conclude-investigation': null,
      'complete-review': null,
      'record-legal-review': null,
      'issue-notice': '东市监罚告〔2025〕1号',
      'request-hearing': null,
      'schedule-hearing': '东市监听通〔2025〕1号',
      'record-hearing': null,
      'update-case': null,
      'record-collective-discussion': null,
      decide: '东市监处罚〔2025〕1号',
    });
    const byAction = (action: string) => events.filter((e) => e.action === action);
    expect(byAction('file')[0]?.data).toEqual(expect.objectContaining({ approverId: officers.bureau_head }));
    expect(byAction('schedule-hearing')[0]?.data).toEqual(
      expect.objectContaining({
        scheduledFor: '2025-04-11',
        chairId: officers.supervisor,
        earliestHearingOn: '2025-04-11',
      }),
    );
    expect(byAction('record-collective-discussion')[0]?.data).toEqual(
      expect.objectContaining({ headsAttending: 2 }),
    );
    expect(byAction('take-measure')[0]?.data).toEqual(
      expect.objectContaining({ measureId: seizure.body.id, kind: 'seizure' }),
    );

    // The audit trail holds the same steps (refusals wrote nothing), and the flag change.
    const trail = await auditTrail(id);
    expect(trail.map((e) => e.action)).toEqual([
      'case.lead_registered',
      'case.assign-officers',
      'case.file',
      'case.evidence_registered',
      expect.stringMatching(/^case\.measure_/),
      expect.stringMatching(/^case\.measure_/),
      'case.conclude-investigation',
      'case.complete-review',
      'case.record-legal-review',
      'case.issue-notice',
      'case.request-hearing',
      'case.schedule-hearing',
      'case.record-hearing',
      'case.updated',
      'case.record-legal-review',
      'case.record-collective-discussion',
      'case.decide',
    ]);
    expect(trail.find((e) => e.action === 'case.record-legal-review')?.actorId).toBe(legal_reviewer);

    // Each branch ended where it should: the list tells them apart.
    const list = await (await as('officer')).get('/v1/cases?stage=decided&stage=declined&stage=transferred');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: Case) => c.stage)).toEqual(['declined', 'transferred', 'decided']);
    const overdue = await (await as('officer')).get('/v1/cases?overdue=true').expect(200);
    expect(overdue.body.items).toEqual([]);
  });
});

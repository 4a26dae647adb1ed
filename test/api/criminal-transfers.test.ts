/**
 * Criminal transfer (行刑衔接, RULES.md §3) through the HTTP API, on a movable app clock in June 2025:
 * - a lead transferred (closed as transferred), filed by the police, its seized items handed over;
 * - a case transferred, not filed, a review requested and upheld, sent back: the case continues, and a
 *   fine refused meanwhile (CRIMINAL_TRANSFER_PENDING, 以罚代刑) is accepted afterwards;
 * - a case decided as a transfer, filed, then sent back as not criminal: it re-enters as a new lead;
 * - every guard's 422 writing nothing, the head's refusal, lists, figures, joint cases, isolation.
 */
import type { Role } from '../../src/domain/access/roles';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { caseWithNotice, investigators, penaltyItem, registerLead } from '../helpers/cases';

let t: TestApp;
let other: TestBureau;
let clock = new Date('2025-06-10T02:00:00Z');
/** Moves the app clock to the instant (UTC). */
const at = (instant: string) => {
  clock = new Date(instant);
};
const as = (role: Role) => asOfNow(t, role);

let team: string[];
let head: string;
/** A lead transferred to the police (scenario 1), a case not filed (2), a case decided as a transfer (3). */
let lead1: { id: string };
let case2: { id: string };
let case3: { id: string };
let lead4: { id: string };
let declined: { id: string };

const REPORT = {
  suspectedOffence: '生产、销售有毒、有害食品罪',
  facts: '当事人在熟食中添加国家禁止使用的非食用物质，检出硼砂',
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  team = investigators(t);
  head = t.bureau.officers.bureau_head;
  const itemId = await penaltyItem(t, 'CT-ITEM');
  lead1 = await registerLead(t, { receivedOn: '2025-06-02', violationOn: '2025-05-30' });
  case2 = await caseWithNotice(t, itemId);
  case3 = await caseWithNotice(t, itemId, { lead: { summary: '第三案' } });
  lead4 = await registerLead(t, { receivedOn: '2025-06-03' });
  declined = await registerLead(t, { receivedOn: '2025-06-03' });
  const res = await t.as('officer').post(`/v1/cases/${declined.id}/actions/decline-filing`).send({
    on: '2025-06-04',
    approverId: head,
    reason: 'no_violation',
    detail: '经核查违法事实不能成立',
  });
  expect(res.status).toBe(200);
}, 240_000);
afterAll(() => t.close());

async function report(caseId: string, body: Record<string, unknown> = {}, role: Role = 'officer') {
  return (await as(role))
    .post('/v1/criminal-transfers')
    .send({ caseId, reportedOn: '2025-06-10', teamOfficerIds: team, ...REPORT, ...body });
}

function act(id: string, step: string, body: Record<string, unknown>, role: Role = 'officer') {
  return as(role).then((a) => a.post(`/v1/criminal-transfers/${id}/actions/${step}`).send(body));
}

async function step(id: string, name: string, body: Record<string, unknown>, role: Role = 'officer') {
  const res = await act(id, name, body, role);
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The transfer, its case and the case's timeline: what a refused step must leave unchanged. */
async function state(transferId: string, caseId: string) {
  const reader = await as('officer');
  const [tr, c, timeline, list] = await Promise.all([
    reader.get(`/v1/criminal-transfers/${transferId}`).expect(200),
    reader.get(`/v1/cases/${caseId}`).expect(200),
    reader.get(`/v1/cases/${caseId}/timeline`).expect(200),
    reader.get('/v1/criminal-transfers?limit=200').expect(200),
  ]);
  return { transfer: tr.body, case: c.body, timeline: timeline.body, count: list.body.items.length };
}

async function refused(
  transferId: string,
  caseId: string,
  name: string,
  body: Record<string, unknown>,
  codes: string[],
) {
  const before = await state(transferId, caseId);
  const res = await act(transferId, name, body);
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('CASE_RULE_VIOLATION');
  expect(res.body.unmet.map((u: { code: string }) => u.code).sort()).toEqual([...codes].sort());
  for (const u of res.body.unmet) expect(u.rule).toEqual(expect.any(String));
  expect(await state(transferId, caseId)).toEqual(before);
}

const clockOf = (transfer: { clocks: { name: string }[] }, name: string) =>
  transfer.clocks.find((c) => c.name === name) as Record<string, unknown> | undefined;

async function timelineActions(caseId: string) {
  const res = await (await as('officer')).get(`/v1/cases/${caseId}/timeline`).expect(200);
  return res.body.events as { action: string; occurredOn: string; documentNumber: string | null }[];
}

describe('a lead transferred, filed by the police, seized items handed over', () => {
  let id: string;

  it('records the report by two certified officers and starts the head’s 3-day clock', async () => {
    at('2025-06-10T02:00:00Z');
    const res = await report(lead1.id, { seizedItems: '涉案熟食 20 公斤（扣押清单 001 号）' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/criminal-transfers/${res.body.id}`);
    id = res.body.id;
    expect(res.body).toMatchObject({
      caseId: lead1.id,
      fromLead: true,
      status: 'reported',
      pending: true,
      overdue: false,
      report: { on: '2025-06-10', teamOfficerIds: team, suspectedOffence: REPORT.suspectedOffence },
      decision: null,
      transfer: null,
    });
    expect(res.body.clocks).toEqual([
      expect.objectContaining({
        name: 'decision',
        unit: 'calendar',
        length: 3,
        start: '2025-06-10',
        due: '2025-06-13',
        left: 3,
        state: 'running',
        rule: expect.objectContaining({ code: 'CRIMINAL_TRANSFER_DECISION', citation: 'TR art. 5' }),
      }),
    ]);
  });

  it('refuses a second report of the same lead while the first is under way', async () => {
    const before = await state(id, lead1.id);
    const res = await report(lead1.id);
    expect(res.status).toBe(422);
    expect(res.body.unmet.map((u: { code: string }) => u.code)).toEqual(['TRANSFER_IN_PROGRESS']);
    expect(await state(id, lead1.id)).toEqual(before);
  });

  it('refuses to send before the head approved, and an approval by someone else', async () => {
    at('2025-06-11T03:00:00Z');
    await refused(
      id,
      lead1.id,
      'send',
      { transferredAt: '2025-06-11T02:30:00Z', policeAgency: '西宁市公安局城东分局' },
      ['TRANSFER_WRONG_STATUS'],
    );
    await refused(
      id,
      lead1.id,
      'decide',
      { decidedAt: '2025-06-11T02:00:00Z', approverId: t.bureau.officers.officer, result: 'approved' },
      ['TRANSFER_APPROVER_NOT_BUREAU_HEAD'],
    );
    await refused(
      id,
      lead1.id,
      'decide',
      { decidedAt: '2025-06-11T04:00:00Z', approverId: head, result: 'approved' },
      ['DATE_IN_FUTURE'],
    );
  });

  it('the head approves: the 24-hour transfer clock starts', async () => {
    const approved = await step(id, 'decide', {
      decidedAt: '2025-06-11T02:00:00Z',
      approverId: head,
      result: 'approved',
      opinion: '同意移送',
    });
    expect(approved.status).toBe('approved');
    expect(clockOf(approved, 'decision')).toMatchObject({ state: 'completed' });
    expect(clockOf(approved, 'transfer')).toMatchObject({
      unit: 'hours',
      length: 24,
      start: '2025-06-11T02:00:00.000Z',
      due: '2025-06-12T02:00:00.000Z',
      left: 23,
      state: 'running',
      rule: expect.objectContaining({ citation: 'TR art. 6' }),
    });
  });

  it('sends it with a numbered 涉嫌犯罪案件移送书; the lead is closed as transferred', async () => {
    at('2025-06-11T09:00:00Z');
    const sent = await step(id, 'send', {
      transferredAt: '2025-06-11T08:00:00Z',
      policeAgency: '西宁市公安局城东分局',
    });
    expect(sent.transfer).toEqual({
      transferredAt: '2025-06-11T08:00:00.000Z',
      policeAgency: '西宁市公安局城东分局',
      documentNumber: '东市监刑移〔2025〕1号',
    });
    expect(clockOf(sent, 'transfer')).toMatchObject({ state: 'completed', overdue: false });
    const lead = (await (await as('officer')).get(`/v1/cases/${lead1.id}`).expect(200)).body;
    expect(lead.stage).toBe('transferred');
    expect(lead.clocks.find((c: { name: string }) => c.name === 'filing_decision')).toMatchObject({
      state: 'completed',
    });
    const events = await timelineActions(lead1.id);
    expect(events.map((e) => e.action)).toEqual([
      'register-lead',
      'criminal-transfer-report',
      'criminal-transfer-decide',
      'criminal-transfer-send',
    ]);
    expect(events[3]).toMatchObject({ occurredOn: '2025-06-11', documentNumber: '东市监刑移〔2025〕1号' });
  });

  it('records the police’s receipt and filing; the 3-day hand-over clock starts', async () => {
    at('2025-06-13T03:00:00Z');
    await refused(id, lead1.id, 'receipt', { on: '2025-06-10' }, ['DATE_BEFORE_PREVIOUS_STEP']);
    await step(id, 'receipt', { on: '2025-06-12', receiptRef: '东公（刑）受字〔2025〕88号' });
    await refused(id, lead1.id, 'hand-over', { on: '2025-06-13' }, ['TRANSFER_WRONG_STATUS']);
    const filed = await step(id, 'police-decision', {
      on: '2025-06-13',
      result: 'filed',
      letterRef: '东公（刑）立字〔2025〕12号',
    });
    expect(filed).toMatchObject({
      status: 'filed',
      pending: true,
      police: { receivedOn: '2025-06-12', decision: 'filed', decidedOn: '2025-06-13', filedOn: '2025-06-13' },
    });
    expect(clockOf(filed, 'handover')).toMatchObject({
      due: '2025-06-16',
      state: 'running',
      rule: expect.objectContaining({ citation: 'TR art. 12' }),
    });
  });

  it('shows the hand-over overdue, then records it once', async () => {
    at('2025-06-17T03:00:00Z');
    const late = (await (await as('officer')).get(`/v1/criminal-transfers/${id}`).expect(200)).body;
    expect(late.overdue).toBe(true);
    expect(clockOf(late, 'handover')).toMatchObject({ state: 'overdue', left: -1, overdue: true });
    const overdue = (await (await as('officer')).get('/v1/criminal-transfers?overdue=true').expect(200)).body;
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(id);

    const handed = await step(id, 'hand-over', { on: '2025-06-16', note: '移交清单 001 号' });
    expect(handed.handover).toEqual({ on: '2025-06-16', note: '移交清单 001 号' });
    expect(clockOf(handed, 'handover')).toMatchObject({ state: 'completed' });
    expect(handed.overdue).toBe(false);
    await refused(id, lead1.id, 'hand-over', { on: '2025-06-17' }, ['ITEMS_ALREADY_HANDED_OVER']);
  });
});

describe('a case transferred, not filed, reviewed, sent back: the case continues', () => {
  let id: string;
  const fine = { on: '2025-06-12', kind: 'penalty', penalties: [{ type: 'fine', amount: 5000 }] };

  it('refuses a fine while the transfer is under way (以罚代刑), writing nothing', async () => {
    at('2025-06-10T02:00:00Z');
    const res = await report(case2.id);
    expect(res.status).toBe(201);
    expect(res.body.fromLead).toBe(false);
    id = res.body.id;

    at('2025-06-12T03:00:00Z');
    const before = await state(id, case2.id);
    const decided = await (await as('officer')).post(`/v1/cases/${case2.id}/actions/decide`).send(fine);
    expect(decided.status).toBe(422);
    expect(decided.body.unmet).toEqual([
      expect.objectContaining({ code: 'CRIMINAL_TRANSFER_PENDING', rule: 'TR art. 11' }),
    ]);
    expect(await state(id, case2.id)).toEqual(before);
  });

  it('is approved, sent, received and not filed: the 3-day review period opens', async () => {
    await step(id, 'decide', { decidedAt: '2025-06-11T01:00:00Z', approverId: head, result: 'approved' });
    // Sent 25 hours after the approval: recorded, its clock completed late.
    const sent = await step(id, 'send', {
      transferredAt: '2025-06-12T02:00:00Z',
      policeAgency: '西宁市公安局城东分局',
    });
    expect(sent.transfer.documentNumber).toBe('东市监刑移〔2025〕2号');
    expect(clockOf(sent, 'transfer')).toMatchObject({ state: 'completed_late', overdue: true });
    at('2025-06-16T03:00:00Z');
    await step(id, 'receipt', { on: '2025-06-12' });
    const notFiled = await step(id, 'police-decision', {
      on: '2025-06-13',
      notifiedOn: '2025-06-16',
      result: 'not_filed',
      letterRef: '东公（刑）不立字〔2025〕3号',
      reason: '证据不足',
    });
    expect(notFiled).toMatchObject({ status: 'not_filed', pending: true });
    expect(clockOf(notFiled, 'review_request')).toMatchObject({
      start: '2025-06-16',
      due: '2025-06-19',
      state: 'running',
      rule: expect.objectContaining({ citation: 'TR art. 9' }),
    });
    const c = (await (await as('officer')).get(`/v1/cases/${case2.id}`).expect(200)).body;
    expect(c.stage).toBe('notice');
  });

  it('refuses a review requested after the 3 days, accepts one on the third day, and only one', async () => {
    at('2025-06-20T03:00:00Z');
    await refused(id, case2.id, 'request-review', { on: '2025-06-20', reason: '应当立案' }, [
      'REVIEW_REQUEST_PERIOD_ENDED',
    ]);
    const requested = await step(id, 'request-review', { on: '2025-06-19', reason: '涉案金额已达立案标准' });
    expect(requested).toMatchObject({ status: 'review_requested', review: { requestedOn: '2025-06-19' } });
    expect(clockOf(requested, 'review_request')).toMatchObject({ state: 'completed' });
    await refused(id, case2.id, 'return', { on: '2025-06-20', letterRef: 'X', reason: 'Y' }, [
      'TRANSFER_WRONG_STATUS',
    ]);
    const upheld = await step(id, 'review-result', {
      on: '2025-06-20',
      result: 'upheld',
      letterRef: '东公（刑）复字〔2025〕1号',
    });
    expect(upheld).toMatchObject({
      status: 'not_filed',
      review: { result: 'upheld', resultOn: '2025-06-20' },
    });
    await refused(id, case2.id, 'request-review', { on: '2025-06-20', reason: '再次' }, [
      'REVIEW_ALREADY_REQUESTED',
    ]);
  });

  it('the police send it back: pending clears, the case continues and may now be fined', async () => {
    const returned = await step(id, 'return', {
      on: '2025-06-20',
      letterRef: '东公（刑）退字〔2025〕5号',
      reason: '不构成犯罪，退回依法处理',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      pending: false,
      return: { on: '2025-06-20', outcome: 'case_continues', newLeadId: null },
    });
    const events = await timelineActions(case2.id);
    expect(events.filter((e) => e.action.startsWith('criminal-transfer')).map((e) => e.action)).toEqual([
      'criminal-transfer-report',
      'criminal-transfer-decide',
      'criminal-transfer-send',
      'criminal-transfer-receipt',
      'criminal-transfer-police-decision',
      'criminal-transfer-request-review',
      'criminal-transfer-review-result',
      'criminal-transfer-return',
    ]);
    const decided = await (await as('officer'))
      .post(`/v1/cases/${case2.id}/actions/decide`)
      .send({ ...fine, on: '2025-06-20' });
    expect(decided.status).toBe(200);
    expect(decided.body.stage).toBe('decided');
  });
});

describe('a case decided as a transfer, then sent back: a new lead', () => {
  let id: string;

  it('still allows deciding to transfer (移送) while pending', async () => {
    at('2025-06-10T02:00:00Z');
    id = (await report(case3.id)).body.id;
    at('2025-06-10T04:00:00Z');
    await step(
      id,
      'decide',
      { decidedAt: '2025-06-10T03:00:00Z', approverId: head, result: 'approved' },
      'bureau_head',
    );
    at('2025-06-11T02:00:00Z');
    await step(id, 'send', { transferredAt: '2025-06-10T05:00:00Z', policeAgency: '西宁市公安局城东分局' });
    const decided = await (await as('officer'))
      .post(`/v1/cases/${case3.id}/actions/decide`)
      .send({ on: '2025-06-11', kind: 'transfer', reason: '涉嫌犯罪，移送公安机关' });
    expect(decided.status).toBe(200);
    expect(decided.body.stage).toBe('decided');
  });

  it('refuses a hand-over when nothing was seized', async () => {
    at('2025-06-13T03:00:00Z');
    await step(id, 'receipt', { on: '2025-06-11' });
    await step(id, 'police-decision', {
      on: '2025-06-12',
      result: 'filed',
      letterRef: '东公（刑）立字〔2025〕13号',
    });
    await refused(id, case3.id, 'hand-over', { on: '2025-06-13' }, ['NO_SEIZED_ITEMS']);
  });

  it('brings the matter back as a lead (source referral) with the parties', async () => {
    at('2025-06-20T03:00:00Z');
    const returned = await step(id, 'return', {
      on: '2025-06-20',
      letterRef: '东公（刑）撤字〔2025〕2号',
      reason: '经侦查不构成犯罪，撤销案件',
    });
    expect(returned.return).toMatchObject({ outcome: 'new_lead', newLeadId: expect.any(String) });
    const lead = (await (await as('officer')).get(`/v1/cases/${returned.return.newLeadId}`).expect(200)).body;
    const original = (await (await as('officer')).get(`/v1/cases/${case3.id}`).expect(200)).body;
    expect(lead).toMatchObject({
      stage: 'lead',
      source: 'referral',
      sourceRef: '东公（刑）撤字〔2025〕2号',
      receivedOn: '2025-06-20',
      violationOn: original.violationOn,
      powerItem: original.powerItem,
    });
    expect(lead.parties.map((p: { name: string }) => p.name)).toEqual(
      original.parties.map((p: { name: string }) => p.name),
    );
    const events = await timelineActions(lead.id);
    expect(events.map((e) => e.action)).toEqual(['register-lead']);
  });
});

describe('refusals and validation', () => {
  it('refuses a report by one certified officer, on a declined lead, in the future — writing nothing', async () => {
    at('2025-06-20T03:00:00Z');
    const list = async () =>
      (await (await as('officer')).get('/v1/criminal-transfers?limit=200')).body.items.length;
    const before = await list();
    const cases: [string, Record<string, unknown>, string[]][] = [
      [lead4.id, { teamOfficerIds: [team[0]] }, ['TRANSFER_TEAM_TOO_SMALL']],
      [lead4.id, { teamOfficerIds: [team[0], t.bureau.officers.auditor] }, ['TRANSFER_TEAM_TOO_SMALL']],
      [declined.id, {}, ['CASE_NOT_TRANSFERABLE']],
      [lead4.id, { reportedOn: '2025-06-21' }, ['DATE_IN_FUTURE']],
      [lead4.id, { reportedOn: '2025-06-01' }, ['DATE_BEFORE_PREVIOUS_STEP']],
    ];
    for (const [caseId, body, codes] of cases) {
      const res = await report(caseId, body);
      expect(res.status).toBe(422);
      expect(res.body.unmet.map((u: { code: string }) => u.code)).toEqual(codes);
      expect(res.body.unmet[0].rule).toEqual(expect.any(String));
    }
    expect(await list()).toBe(before);
  });

  it('answers 400 with pointers for unknown officers, cases and fields', async () => {
    const unknownOfficer = await report(lead4.id, { teamOfficerIds: [team[0], other.officers.officer] });
    expect(unknownOfficer.status).toBe(400);
    expect(unknownOfficer.body.errors).toEqual([expect.objectContaining({ pointer: '/teamOfficerIds/1' })]);
    const foreignCase = await report('0190a1b2-0000-7000-8000-000000000000');
    expect(foreignCase.status).toBe(400);
    expect(foreignCase.body.errors).toEqual([expect.objectContaining({ pointer: '/caseId' })]);
    const extra = await report(lead4.id, { colour: 'red' });
    expect(extra.status).toBe(400);
  });

  it('records the head’s refusal: the transfer ends, nothing pending; the late decision clock shows it', async () => {
    const res = await report(lead4.id, { reportedOn: '2025-06-10' });
    expect(res.status).toBe(201);
    const overdue = (
      await (await as('supervisor')).get('/v1/criminal-transfers?overdue=true&status=reported').expect(200)
    ).body;
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([res.body.id]);
    expect(clockOf(overdue.items[0], 'decision')).toMatchObject({ state: 'overdue', due: '2025-06-13' });
    const refusedTransfer = await step(res.body.id, 'decide', {
      decidedAt: '2025-06-20T02:00:00Z',
      approverId: head,
      result: 'refused',
      opinion: '尚未达到刑事立案追诉标准',
    });
    expect(refusedTransfer).toMatchObject({ status: 'refused', pending: false, transfer: null });
    expect(clockOf(refusedTransfer, 'decision')).toMatchObject({ state: 'completed_late' });
    expect(clockOf(refusedTransfer, 'transfer')).toBeUndefined();
    // The lead is open again for a new report.
    const again = await report(lead4.id, { reportedOn: '2025-06-20' });
    expect(again.status).toBe(201);
  });
});

describe('lists, figures and joint cases', () => {
  it('filters by status and year', async () => {
    const reader = await as('auditor');
    const returned = (await reader.get('/v1/criminal-transfers?status=returned').expect(200)).body;
    expect(returned.items).toHaveLength(2);
    expect((await reader.get('/v1/criminal-transfers?year=2024').expect(200)).body.items).toEqual([]);
    const page = (await reader.get('/v1/criminal-transfers?year=2025&limit=2').expect(200)).body;
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const byCase = (await reader.get(`/v1/criminal-transfers?caseId=${case2.id}`).expect(200)).body;
    expect(byCase.items.map((x: { caseId: string }) => x.caseId)).toEqual([case2.id]);
  });

  it('records a joint case with the police and counts the year', async () => {
    const created = await (await as('officer')).post('/v1/criminal-transfers/joint-cases').send({
      caseId: case2.id,
      policeAgency: '西宁市公安局城东分局',
      startedOn: '2025-06-18',
      summary: '联合查处小摊贩销售有害食品',
    });
    expect(created.status).toBe(201);
    const got = await (await as('auditor'))
      .get(`/v1/criminal-transfers/joint-cases/${created.body.id}`)
      .expect(200);
    expect(got.body).toMatchObject({ caseId: case2.id, startedOn: '2025-06-18' });
    const list = (await (await as('auditor')).get('/v1/criminal-transfers/joint-cases?year=2025').expect(200))
      .body;
    expect(list.items).toHaveLength(1);

    const stats = (await (await as('supervisor')).get('/v1/criminal-transfers/stats?year=2025').expect(200))
      .body;
    expect(stats).toEqual({
      year: 2025,
      leadsTransferred: 1,
      casesTransferred: 2,
      reported: 5,
      refused: 1,
      filedByPolice: 2,
      notFiled: 1,
      reviewsRequested: 1,
      returned: 2,
      lateTransfers: 1,
      jointCases: 1,
    });
    const empty = (await (await as('supervisor')).get('/v1/criminal-transfers/stats?year=2024').expect(200))
      .body;
    expect(empty).toMatchObject({ year: 2024, leadsTransferred: 0, jointCases: 0 });
    // Without a year: the current one.
    expect((await (await as('supervisor')).get('/v1/criminal-transfers/stats').expect(200)).body.year).toBe(
      2025,
    );
  });
});

describe('isolation and access', () => {
  it('never shows or changes another agency’s transfers', async () => {
    const mine = (await (await as('officer')).get('/v1/criminal-transfers?limit=1').expect(200)).body
      .items[0];
    const outsider = await asOfNow(t, 'officer', other);
    await outsider.get(`/v1/criminal-transfers/${mine.id}`).expect(404);
    expect((await outsider.get('/v1/criminal-transfers').expect(200)).body.items).toEqual([]);
    const res = await outsider
      .post(`/v1/criminal-transfers/${mine.id}/actions/receipt`)
      .send({ on: '2025-06-20' });
    expect(res.status).toBe(404);
    const foreign = await outsider.post('/v1/criminal-transfers').send({
      caseId: lead4.id,
      reportedOn: '2025-06-20',
      teamOfficerIds: [other.officers.officer, other.officers.unit_head],
      ...REPORT,
    });
    expect(foreign.status).toBe(400);
    expect(
      (await outsider.get('/v1/criminal-transfers/stats?year=2025').expect(200)).body.leadsTransferred,
    ).toBe(0);
  });

  it('lets supervisors read but not record', async () => {
    const res = await report(lead4.id, {}, 'supervisor');
    expect(res.status).toBe(403);
  });
});

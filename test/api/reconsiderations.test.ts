/**
 * Reconsideration (行政复议, RULES.md §6) through the HTTP API:
 * - the seed bureau's 2024 figures from 23 applications against on-the-spot decisions of 2024;
 * - the reply clock across the 2025 Labour Day holiday (running, at risk, overdue, completed late);
 * - every outcome and its effect on the decision and the case (status, penalties in force, what is owed,
 *   the case reopened, the publication withdrawal due in 3 WD), the no-heavier rule writing nothing;
 * - the surcharge frozen while pending; 400s and 422s writing nothing; isolation from another bureau.
 * Cases are decided on Monday 2025-04-07 with a warning and a CNY 5,000 fine, served 04-08 (due 04-23).
 */
import type { Role } from '../../src/domain/access/roles';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { actNow, CREDIT_CODE, decidedCase, NATURAL_PERSON, penaltyItem, stepNow } from '../helpers/cases';

let t: TestApp;
let other: TestBureau;
let clock = new Date('2024-03-01T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role, bureau?: TestBureau) => asOfNow(t, role, bureau);
let itemId: string;

const APPLICANT = { kind: 'legal_person', name: '西宁某某餐饮管理有限公司', creditCode: CREDIT_CODE };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  itemId = await penaltyItem(t, 'RECON-ITEM');
}, 180_000);
afterAll(() => t.close());

let serial = 0;
async function apply(
  decision: Record<string, string>,
  body: Record<string, unknown> = {},
  role: Role = 'legal_reviewer',
) {
  serial += 1;
  return (await as(role)).post('/v1/reconsiderations').send({
    decision,
    applicant: APPLICANT,
    reference: `城府复〔2025〕${serial}号`,
    appliedOn: '2025-04-20',
    claims: '请求撤销行政处罚决定',
    ...body,
  });
}
async function applied(decision: Record<string, string>, body: Record<string, unknown> = {}) {
  const res = await apply(decision, body);
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function stepOf(
  id: string,
  name: string,
  body: Record<string, unknown>,
  role: Role = 'legal_reviewer',
) {
  return (await as(role)).post(`/v1/reconsiderations/${id}/actions/${name}`).send(body);
}
async function stepOk(id: string, name: string, body: Record<string, unknown>) {
  const res = await stepOf(id, name, body);
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function getCase(id: string) {
  return (await (await as('officer')).get(`/v1/cases/${id}`).expect(200)).body;
}
async function timeline(id: string) {
  const res = await (await as('officer')).get(`/v1/cases/${id}/timeline`).expect(200);
  return res.body.events as { action: string; data: Record<string, unknown> }[];
}
/** A case decided 2025-04-07 and served 2025-04-08, clock on 2025-04-20. */
async function servedCase(penalties?: Record<string, unknown>[]) {
  at('2025-04-08');
  const c = await decidedCase(t, itemId, penalties ? { penalties } : {});
  await stepNow(t, c.id, 'serve-decision', {
    on: '2025-04-08',
    method: 'direct',
    recipient: '张三',
    partyPresentAtAnnouncement: false,
  });
  at('2025-04-20');
  return c.id as string;
}
/** An accepted application against a served case, the copy received 04-22. */
async function acceptedAgainst(caseId: string) {
  at('2025-04-25');
  const r = await applied({ caseId }, { copyReceivedOn: '2025-04-22' });
  await stepOk(r.id, 'accept', { on: '2025-04-21' });
  return r.id as string;
}
const codes = (res: { body: { unmet?: { code: string }[] } }) => (res.body.unmet ?? []).map((u) => u.code);

describe('the seed bureau’s 2024 figures', () => {
  it('23 applications: 5 not accepted, 3 withdrawn, 2 rejected, 9 upheld, 4 pending', async () => {
    at('2024-03-01');
    const pair = [t.bureau.officers.officer, t.bureau.officers.unit_head];
    const spots: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const res = await (await as('officer')).post('/v1/on-the-spot-penalties').send({
        decidedAt: '2024-03-01T01:30:00Z',
        place: '西宁市城东区八一路12号',
        officerIds: pair,
        party: NATURAL_PERSON,
        facts: '当事人在经营场所销售超过保质期的食品',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        powerItemId: itemId,
        penalties: [{ type: 'fine', amount: 200 }],
        payment: { method: 'later' },
      });
      expect(res.status).toBe(201);
      spots.push(res.body.id);
    }
    at('2024-06-28');
    const ids: string[] = [];
    for (const id of spots)
      ids.push(
        (await applied({ onTheSpotPenaltyId: id }, { appliedOn: '2024-04-10', procedure: 'simple' })).id,
      );
    const plan: [string, number][] = [
      ['not-accept', 5],
      ['withdraw', 3],
      ['application_rejected', 2],
      ['upheld', 9],
    ];
    let n = 0;
    for (const [what, count] of plan)
      for (let i = 0; i < count; i += 1) {
        const id = ids[n++] as string;
        if (what === 'not-accept') {
          await stepOk(id, 'not-accept', {
            on: '2024-04-15',
            reference: `城府复不受〔2024〕${i}号`,
            reason: '超过申请期限',
          });
          continue;
        }
        await stepOk(id, 'accept', { on: '2024-04-15' });
        if (what === 'withdraw')
          await stepOk(id, 'withdraw', { on: '2024-05-10', settled: i === 0, reason: '申请人撤回' });
        else
          await stepOk(id, 'decide', {
            on: '2024-05-10',
            outcome: what,
            reference: `城府复决〔2024〕${n}号`,
          });
      }
    const stats = (await (await as('supervisor')).get('/v1/reconsiderations/stats?year=2024').expect(200))
      .body;
    expect(stats).toMatchObject({
      year: 2024,
      applications: 23,
      accepted: 14,
      pending: 4,
      decided: 11,
      corrected: 0,
      correctionRate: 0,
    });
    expect(stats.byOutcome).toMatchObject({
      not_accepted: 5,
      withdrawn: 3,
      application_rejected: 2,
      upheld: 9,
      varied: 0,
      revoked: 0,
    });
    const empty = (await (await as('supervisor')).get('/v1/reconsiderations/stats?year=2023').expect(200))
      .body;
    expect(empty).toMatchObject({ applications: 0, decided: 0, correctionRate: null });
    // Another bureau sees none of them.
    const theirs = (
      await (await as('supervisor', other)).get('/v1/reconsiderations/stats?year=2024').expect(200)
    ).body;
    expect(theirs.applications).toBe(0);
  });
});

describe('registering an application', () => {
  it('names the district government, freezes the surcharge and appends to the timeline', async () => {
    const caseId = await servedCase();
    const r = await applied({ caseId });
    expect(r).toMatchObject({
      status: 'received',
      pending: true,
      reviewingBody: '城东区人民政府',
      procedure: 'ordinary',
      decisionStatus: 'in_force',
      surchargeFrozen: true,
      decision: { kind: 'case', caseId },
      clocks: [],
    });
    const c = await getCase(caseId);
    expect(c.performance.status).toBe('frozen');
    expect(c.performance.frozen).toEqual([
      expect.objectContaining({
        from: '2025-04-20',
        to: null,
        reason: 'reconsideration',
        reference: r.reference,
      }),
    ]);
    expect((await timeline(caseId)).map((e) => e.action)).toContain('reconsideration-applied');

    // One review at a time (ARL art. 29).
    const again = await apply({ caseId });
    expect(again.status).toBe(422);
    expect(codes(again)).toEqual(['ALREADY_UNDER_REVIEW']);

    // Not accepted: the surcharge accrues again from the next day.
    at('2025-04-28');
    const refused = await stepOk(r.id, 'not-accept', {
      on: '2025-04-25',
      reference: '城府复不受〔2025〕1号',
      reason: '不属于复议范围',
    });
    expect(refused).toMatchObject({
      status: 'not_accepted',
      pending: false,
      outcome: { outcome: 'not_accepted' },
      effect: [],
    });
    expect((await getCase(caseId)).performance.frozen[0]).toMatchObject({
      from: '2025-04-20',
      to: '2025-04-25',
    });
  });

  it('refuses an undecided case, a date in the future, and bad input, writing nothing', async () => {
    at('2025-04-20');
    const lead = (
      await (await as('officer')).post('/v1/cases').send({
        source: 'complaint',
        receivedOn: '2025-04-01',
        summary: '投诉反映某店无证经营熟食',
        parties: [NATURAL_PERSON],
      })
    ).body;
    const undecided = await apply({ caseId: lead.id });
    expect(undecided.status).toBe(422);
    expect(codes(undecided)).toEqual(['DECISION_NOT_CHALLENGEABLE']);
    const caseId = await servedCase();
    const future = await apply({ caseId }, { appliedOn: '2025-05-01' });
    expect(codes(future)).toEqual(['DATE_IN_FUTURE']);
    const early = await apply({ caseId }, { appliedOn: '2025-04-01' });
    expect(codes(early)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const unknownField = await apply({ caseId }, { color: 'red' });
    expect(unknownField.status).toBe(400);
    const both = await apply({ caseId, onTheSpotPenaltyId: caseId });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].pointer).toBe('/decision');
    const neither = await apply({});
    expect(neither.status).toBe(400);
    const badCode = await apply(
      { caseId },
      {
        applicant: {
          ...APPLICANT,
          creditCode: `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE.endsWith('0') ? '1' : '0'}`,
        },
      },
    );
    expect(badCode.status).toBe(400);
    const list = (await (await as('officer')).get(`/v1/reconsiderations?caseId=${caseId}`).expect(200)).body;
    expect(list.items).toEqual([]);
    expect((await getCase(caseId)).performance.frozen).toEqual([]);
  });
});

describe('the reply clock (ARL arts. 48, 54) across the 2025 Labour Day holiday', () => {
  it('is due 10 WD after the copy: running, at risk, overdue, completed late', async () => {
    const caseId = await servedCase();
    const r = await applied({ caseId });
    at('2025-04-28');
    const copy = await stepOk(r.id, 'receive-copy', { on: '2025-04-28' });
    // Apr 29, 30, then May 1–5 off (April 27 was the make-up day): May 6 … 15.
    expect(copy.clocks).toEqual([
      expect.objectContaining({
        name: 'reply',
        start: '2025-04-28',
        days: 10,
        unit: 'working',
        dueDate: '2025-05-15',
        state: 'running',
        atRisk: false,
        rule: expect.objectContaining({ code: 'RECONSIDERATION_REPLY', citation: 'ARL art. 48' }),
      }),
    ]);
    at('2025-05-12');
    const three = (await (await as('officer')).get(`/v1/reconsiderations/${r.id}`).expect(200)).body
      .clocks[0];
    expect(three).toMatchObject({ state: 'running', daysLeft: 3, atRisk: false });
    at('2025-05-13');
    const two = (await (await as('officer')).get(`/v1/reconsiderations/${r.id}`).expect(200)).body.clocks[0];
    expect(two).toMatchObject({ state: 'running', daysLeft: 2, atRisk: true });
    at('2025-05-16');
    const late = (await (await as('officer')).get(`/v1/reconsiderations/${r.id}`).expect(200)).body;
    expect(late.clocks[0]).toMatchObject({ state: 'overdue', overdue: true });
    expect(late.overdue).toBe(true);
    const overdue = (await (await as('officer')).get('/v1/reconsiderations?overdue=true').expect(200)).body
      .items;
    expect(overdue.map((i: { id: string }) => i.id)).toContain(r.id);
    const stats = (await (await as('officer')).get('/v1/reconsiderations/stats?year=2025').expect(200)).body;
    expect(stats.repliesOverdue).toBeGreaterThanOrEqual(1);

    const missing = await stepOf(r.id, 'submit-reply', { on: '2025-05-16', reference: '答复书', items: [] });
    expect(missing.status).toBe(400);
    const reply = await stepOk(r.id, 'submit-reply', {
      on: '2025-05-16',
      reference: '东市监复答〔2025〕3号',
      items: [
        { title: '现场检查笔录', kind: 'evidence', reference: 'EV-1' },
        { title: '《中华人民共和国食品安全法》第一百二十二条', kind: 'legal_basis' },
      ],
    });
    expect(reply.clocks[0]).toMatchObject({ state: 'completed_late', overdue: true });
    expect(reply.reply.items).toHaveLength(2);
    const twice = await stepOf(r.id, 'submit-reply', {
      on: '2025-05-16',
      reference: 'x',
      items: [{ title: 'x', kind: 'other' }],
    });
    expect(codes(twice)).toEqual(['REPLY_ALREADY_SUBMITTED']);
  });

  it('is 5 WD in the simple procedure, which decides in 30 days without extension', async () => {
    const caseId = await servedCase();
    at('2025-04-28');
    const r = await applied({ caseId }, { procedure: 'simple', copyReceivedOn: '2025-04-28' });
    expect(r.clocks).toEqual([expect.objectContaining({ name: 'reply', days: 5, dueDate: '2025-05-08' })]);
    const accepted = await stepOk(r.id, 'accept', { on: '2025-04-28' });
    expect(accepted.clocks[1]).toMatchObject({ name: 'decision', days: 30, dueDate: '2025-05-28' });
    const extend = await stepOf(r.id, 'extend', { on: '2025-04-28', days: 30 });
    expect(codes(extend)).toEqual(['EXTENSION_NOT_IN_SIMPLE_PROCEDURE']);
  });

  it('the decision clock: 60 days from acceptance, suspensions not counted, one extension', async () => {
    const caseId = await servedCase();
    const r = await applied({ caseId });
    const accepted = await stepOk(r.id, 'accept', { on: '2025-04-20' });
    expect(accepted.clocks).toEqual([expect.objectContaining({ name: 'decision', dueDate: '2025-06-19' })]);
    at('2025-05-05');
    await stepOk(r.id, 'suspend', { on: '2025-05-01', reason: '申请人因不可抗力不能参加行政复议' });
    const paused = (await (await as('officer')).get(`/v1/reconsiderations/${r.id}`).expect(200)).body;
    expect(paused).toMatchObject({
      status: 'suspended',
      clocks: [expect.objectContaining({ state: 'paused', dueDate: null })],
    });
    at('2025-05-11');
    const resumed = await stepOk(r.id, 'resume', { on: '2025-05-11' });
    // Ten days (May 1–10) not counted.
    expect(resumed.clocks[0]).toMatchObject({ state: 'running', dueDate: '2025-06-30' });
    expect(resumed.suspensions).toEqual([
      { from: '2025-05-01', to: '2025-05-10', reason: '申请人因不可抗力不能参加行政复议' },
    ]);
    const extended = await stepOk(r.id, 'extend', { on: '2025-05-11', days: 30 });
    // 04-20 + 90 days + the 10 days suspended: Tuesday 07-29.
    expect(extended.clocks[0]).toMatchObject({ totalDays: 90, dueDate: '2025-07-29' });
    const again = await stepOf(r.id, 'extend', { on: '2025-05-11', days: 10 });
    expect(codes(again)).toEqual(['EXTENSION_ALREADY_APPROVED']);
    const back = await stepOf(r.id, 'record-session', { on: '2025-05-02', kind: 'hearing', note: '听证' });
    expect(codes(back)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const session = await stepOk(r.id, 'record-session', {
      on: '2025-05-11',
      kind: 'mediation',
      note: '组织调解，未达成协议',
    });
    expect(session.sessions).toHaveLength(1);
  });
});

describe('outcomes and their effect on the decision', () => {
  it('upheld: nothing changes, the surcharge accrues again', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const r = await stepOk(id, 'decide', {
      on: '2025-04-25',
      outcome: 'upheld',
      reference: '城府复决〔2025〕1号',
    });
    expect(r).toMatchObject({ status: 'decided', pending: false, decisionStatus: 'in_force', effect: [] });
    const c = await getCase(caseId);
    expect(c).toMatchObject({ decisionStatus: 'in_force', stage: 'decided' });
    expect(c.performance).toMatchObject({
      fine: 5000,
      frozen: [expect.objectContaining({ to: '2025-04-25' })],
    });
  });

  it('varied lighter: the fine is recomputed and the publication is to be withdrawn in 3 WD', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const r = await stepOk(id, 'decide', {
      on: '2025-04-25',
      outcome: 'varied',
      reference: '城府复决〔2025〕2号',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 3000 }],
    });
    expect(r.decisionStatus).toBe('varied');
    // Friday 04-25 + 3 WD: Sunday 04-27 is a make-up working day → 04-27, 04-28, 04-29.
    expect(r.effect).toEqual([
      expect.objectContaining({
        fromStatus: 'in_force',
        toStatus: 'varied',
        penalties: [{ type: 'warning' }, { type: 'fine', amount: 3000 }],
        reopened: false,
        effectiveOn: '2025-04-25',
        sourceKind: 'reconsideration',
        withdrawalDueOn: '2025-04-29',
        // The case's publication was not yet published: the publicity module withdrew it at once.
        withdrawnAt: expect.any(String),
      }),
    ]);
    const c = await getCase(caseId);
    expect(c.decisionStatus).toBe('varied');
    expect(c.performance).toMatchObject({ fine: 3000, outstanding: 3000 });
    const events = await timeline(caseId);
    expect(events.at(-2)).toMatchObject({ action: 'record-review-outcome', data: { status: 'varied' } });
    expect(events.at(-1)?.action).toBe('reconsideration-decide');
  });

  it('a heavier variation is refused (ARL art. 63) and writes nothing', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const before = (await (await as('officer')).get(`/v1/reconsiderations/${id}`).expect(200)).body;
    const caseBefore = await getCase(caseId);
    for (const penalties of [
      [{ type: 'warning' }, { type: 'fine', amount: 8000 }],
      [{ type: 'fine', amount: 5000 }, { type: 'suspend_business' }],
      [
        { type: 'warning' },
        { type: 'fine', amount: 5000 },
        { type: 'confiscate_illegal_gains', amount: 100 },
      ],
    ]) {
      const res = await stepOf(id, 'decide', {
        on: '2025-04-25',
        outcome: 'varied',
        reference: 'x',
        penalties,
      });
      expect(res.status).toBe(422);
      expect(codes(res)).toContain('VARIATION_HEAVIER');
    }
    const same = await stepOf(id, 'decide', {
      on: '2025-04-25',
      outcome: 'varied',
      reference: 'x',
      penalties: [{ type: 'fine', amount: 5000 }, { type: 'warning' }],
    });
    expect(codes(same)).toEqual(['VARIATION_UNCHANGED']);
    expect((await (await as('officer')).get(`/v1/reconsiderations/${id}`).expect(200)).body).toEqual(before);
    expect(await getCase(caseId)).toEqual(caseBefore);
  });

  it('400 when an outcome’s details are missing or do not apply', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const noScope = await stepOf(id, 'decide', { on: '2025-04-25', outcome: 'revoked', reference: 'x' });
    expect(noScope.status).toBe(400);
    expect(noScope.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/scope']);
    const stray = await stepOf(id, 'decide', {
      on: '2025-04-25',
      outcome: 'upheld',
      reference: 'x',
      penalties: [{ type: 'warning' }],
    });
    expect(stray.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/penalties']);
    const noPenalties = await stepOf(id, 'decide', { on: '2025-04-25', outcome: 'varied', reference: 'x' });
    expect(noPenalties.status).toBe(400);
    const notAnOutcome = await stepOf(id, 'decide', {
      on: '2025-04-25',
      outcome: 'withdrawn',
      reference: 'x',
    });
    expect(notAnOutcome.status).toBe(400);
  });

  it('revoked whole: nothing is owed, payments are refused', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const r = await stepOk(id, 'decide', {
      on: '2025-04-25',
      outcome: 'revoked',
      scope: 'whole',
      reference: '城府复决〔2025〕3号',
    });
    expect(r).toMatchObject({ decisionStatus: 'revoked', outcome: { scope: 'whole', redo: false } });
    expect(r.effect[0]).toMatchObject({ toStatus: 'revoked', penalties: [], withdrawalDueOn: '2025-04-29' });
    const c = await getCase(caseId);
    expect(c).toMatchObject({ decisionStatus: 'revoked', performance: null, stage: 'decided' });
    const pay = await actNow(t, caseId, 'record-payment', {
      on: '2025-04-25',
      amount: 5000,
      bankReference: 'BANK-R1',
    });
    expect(pay.status).toBe(422);
    expect(codes(pay)).toEqual(['NO_FINE']);
  });

  it('revoked in part: the remaining penalties stay in force', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const all = await stepOf(id, 'decide', {
      on: '2025-04-25',
      outcome: 'revoked',
      scope: 'part',
      reference: 'x',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 5000 }],
    });
    expect(codes(all)).toEqual(['PARTIAL_REVOCATION_NOT_PARTIAL']);
    const r = await stepOk(id, 'decide', {
      on: '2025-04-25',
      outcome: 'revoked',
      scope: 'part',
      reference: '城府复决〔2025〕4号',
      penalties: [{ type: 'warning' }],
    });
    expect(r.decisionStatus).toBe('partially_revoked');
    const c = await getCase(caseId);
    expect(c.decisionStatus).toBe('partially_revoked');
    expect(c.performance).toMatchObject({ fine: 0, outstanding: 0 });
  });

  it('revoked with an order to decide again: the case reopens for a new decision', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const oldNumber = (await getCase(caseId)).decisionNumber;
    const r = await stepOk(id, 'decide', {
      on: '2025-04-25',
      outcome: 'revoked',
      scope: 'whole',
      redo: true,
      reference: '城府复决〔2025〕5号',
    });
    expect(r.effect[0]).toMatchObject({ toStatus: 'revoked', reopened: true, decisionNumber: oldNumber });
    expect(r.decisionStatus).toBe('revoked');
    const c = await getCase(caseId);
    expect(c).toMatchObject({
      stage: 'investigation',
      decidedOn: null,
      decisionNumber: null,
      decisionStatus: null,
      performance: null,
      afterDecision: null,
    });
    // The decision clock stays met by the revoked decision; the investigation goes on.
    expect(c.clocks.find((x: { name: string }) => x.name === 'decision')).toMatchObject({
      state: 'completed',
    });
    await stepNow(t, caseId, 'conclude-investigation', {
      on: '2025-04-25',
      findings: '重新调查：当事人未取得食品经营许可从事熟食销售',
      penalties: [{ type: 'warning' }],
    });
    expect((await getCase(caseId)).stage).toBe('review');
  });

  it('confirmed illegal: the decision stays in force, marked; confirmed void: nothing is owed', async () => {
    const a = await servedCase();
    const ida = await acceptedAgainst(a);
    const illegal = await stepOk(ida, 'decide', {
      on: '2025-04-25',
      outcome: 'confirmed_illegal',
      reference: '城府复决〔2025〕6号',
    });
    expect(illegal.effect[0]).toMatchObject({
      toStatus: 'confirmed_illegal',
      penalties: null,
      withdrawalDueOn: '2025-04-29',
    });
    expect(await getCase(a)).toMatchObject({
      decisionStatus: 'confirmed_illegal',
      performance: expect.objectContaining({ fine: 5000 }),
    });
    const b = await servedCase();
    const idb = await acceptedAgainst(b);
    await stepOk(idb, 'decide', {
      on: '2025-04-25',
      outcome: 'confirmed_void',
      reference: '城府复决〔2025〕7号',
    });
    expect(await getCase(b)).toMatchObject({ decisionStatus: 'void', performance: null });
  });

  it('ordered to perform, claim or application rejected, mediated, withdrawn and terminated leave the decision in force', async () => {
    for (const [name, body] of [
      ['decide', { outcome: 'ordered_to_perform', reference: 'r1' }],
      ['decide', { outcome: 'claim_rejected', reference: 'r2' }],
      ['decide', { outcome: 'application_rejected', reference: 'r2b' }],
      ['decide', { outcome: 'mediated', reference: 'r3' }],
      ['withdraw', { settled: true, reason: '双方和解' }],
      ['terminate', { reason: '申请人死亡且没有近亲属' }],
    ] as const) {
      const caseId = await servedCase();
      const id = await acceptedAgainst(caseId);
      const r = await stepOk(id, name, { on: '2025-04-25', ...body });
      expect(r).toMatchObject({ pending: false, decisionStatus: 'in_force', effect: [] });
      expect((await getCase(caseId)).decisionStatus).toBe('in_force');
      const late = await stepOf(id, 'accept', { on: '2025-04-25' });
      expect(codes(late)).toEqual(['APPEAL_WRONG_STATUS']);
    }
  });

  it('a mediation agreeing on lighter penalties varies the decision', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const r = await stepOk(id, 'decide', {
      on: '2025-04-25',
      outcome: 'mediated',
      reference: '城府复调〔2025〕1号',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 2000 }],
    });
    expect(r.decisionStatus).toBe('varied');
    expect((await getCase(caseId)).performance.fine).toBe(2000);
  });

  it('an on-the-spot decision: revoked, never reopened', async () => {
    at('2025-04-20');
    const spot = await (await as('officer')).post('/v1/on-the-spot-penalties').send({
      decidedAt: '2025-04-18T01:30:00Z',
      place: '西宁市城东区八一路12号',
      officerIds: [t.bureau.officers.officer, t.bureau.officers.unit_head],
      party: NATURAL_PERSON,
      facts: '当事人在经营场所销售超过保质期的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      powerItemId: itemId,
      penalties: [{ type: 'fine', amount: 200 }],
      payment: { method: 'later' },
    });
    expect(spot.status).toBe(201);
    const r = await applied({ onTheSpotPenaltyId: spot.body.id }, { procedure: 'simple' });
    expect(r).toMatchObject({
      surchargeFrozen: false,
      decision: { kind: 'on_the_spot', decisionNumber: spot.body.decisionNumber },
    });
    await stepOk(r.id, 'accept', { on: '2025-04-20' });
    const redo = await stepOf(r.id, 'decide', {
      on: '2025-04-20',
      outcome: 'revoked',
      scope: 'whole',
      redo: true,
      reference: 'x',
    });
    expect(codes(redo)).toEqual(['REDO_NOT_POSSIBLE']);
    const varied = await stepOk(r.id, 'decide', {
      on: '2025-04-20',
      outcome: 'varied',
      reference: '城府复决〔2025〕9号',
      penalties: [{ type: 'warning' }],
    });
    expect(varied.decisionStatus).toBe('varied');
    const after = (await (await as('officer')).get(`/v1/on-the-spot-penalties/${spot.body.id}`).expect(200))
      .body;
    expect(after).toMatchObject({ decisionStatus: 'varied', penaltiesInForce: [{ type: 'warning' }] });
  });
});

describe('illegal steps and stale versions write nothing', () => {
  it('a second copy, a refusal after acceptance, and a stale If-Match are refused', async () => {
    const caseId = await servedCase();
    const id = await acceptedAgainst(caseId);
    const before = (await (await as('officer')).get(`/v1/reconsiderations/${id}`).expect(200)).body;
    expect(codes(await stepOf(id, 'receive-copy', { on: '2025-04-25' }))).toEqual(['APPEAL_WRONG_STATUS']);
    expect(
      codes(await stepOf(id, 'not-accept', { on: '2025-04-25', reference: 'x', reason: '不属于复议范围' })),
    ).toEqual(['APPEAL_WRONG_STATUS']);
    const stale = await (await as('legal_reviewer'))
      .post(`/v1/reconsiderations/${id}/actions/record-session`)
      .set('If-Match', `"${before.version - 1}"`)
      .send({ on: '2025-04-25', kind: 'hearing', note: '听证' });
    expect(stale.status).toBe(412);
    expect((await (await as('officer')).get(`/v1/reconsiderations/${id}`).expect(200)).body).toEqual(before);
    const current = await (await as('legal_reviewer'))
      .post(`/v1/reconsiderations/${id}/actions/record-session`)
      .set('If-Match', `"${before.version}"`)
      .send({ on: '2025-04-25', kind: 'hearing', note: '听证' });
    expect(current.status).toBe(200);
  });
});

describe('isolation between agencies', () => {
  it('another bureau cannot see, act on or apply against our records', async () => {
    const caseId = await servedCase();
    const r = await applied({ caseId });
    const theirs = await as('legal_reviewer', other);
    expect((await theirs.get(`/v1/reconsiderations/${r.id}`)).status).toBe(404);
    const step = await theirs.post(`/v1/reconsiderations/${r.id}/actions/accept`).send({ on: '2025-04-20' });
    expect(step.status).toBe(404);
    const list = (await theirs.get('/v1/reconsiderations').expect(200)).body;
    expect(list.items).toEqual([]);
    const foreign = await theirs.post('/v1/reconsiderations').send({
      decision: { caseId },
      applicant: APPLICANT,
      reference: '北府复〔2025〕1号',
      appliedOn: '2025-04-20',
      claims: '请求撤销',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].pointer).toBe('/decision/caseId');
    expect((await (await as('officer')).get(`/v1/reconsiderations/${r.id}`).expect(200)).body.status).toBe(
      'received',
    );
  });

  it('API clients read, only officers write', async () => {
    const res = await (await as('auditor')).post('/v1/reconsiderations').send({});
    expect(res.status).toBe(403);
  });
});

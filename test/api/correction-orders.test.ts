/**
 * Correction orders (责令改正通知书) and administrative interview records (行政约谈记录) through the HTTP
 * API: gap-free numbering, follow-up checks (复查) and the overdue flag, supervision spot checks (抽查)
 * and the year's figures (the seed bureau checked 78 of its 2024 documents and fed back 52 problems),
 * every refusal writing nothing, and isolation between agencies.
 */
import type { Role } from '../../src/domain/access/roles';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { investigators, registerLead } from '../helpers/cases';

let t: TestApp;
let other: TestBureau;
let clock = new Date('2025-06-10T02:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role) => asOfNow(t, role);
let caseId: string;
let supervisor: string;

const ORDER = {
  issuedOn: '2025-06-03',
  requirements: '立即停止无证经营熟食，办理食品经营许可证',
  deadline: '2025-06-13',
  legalBasis: '《中华人民共和国行政处罚法》第二十八条',
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  caseId = (await registerLead(t)).id;
  supervisor = t.bureau.officers.supervisor;
}, 120_000);
afterAll(() => t.close());

async function issue(body: Record<string, unknown> = {}) {
  return (await as('officer')).post(`/v1/cases/${caseId}/correction-orders`).send({ ...ORDER, ...body });
}

async function orderState(id: string) {
  const reader = await as('officer');
  const [order, timeline, list] = await Promise.all([
    reader.get(`/v1/cases/${caseId}/correction-orders/${id}`).expect(200),
    reader.get(`/v1/cases/${caseId}/timeline`).expect(200),
    reader.get(`/v1/cases/${caseId}/correction-orders`).expect(200),
  ]);
  return { order: order.body, timeline: timeline.body, list: list.body };
}

describe('correction orders', () => {
  let first: { id: string; documentNumber: string };

  it('issues numbered orders, gap-free, with a clock to the deadline', async () => {
    const res = await issue();
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/cases/${caseId}/correction-orders/${res.body.id}`);
    first = res.body;
    expect(res.body).toMatchObject({
      caseId,
      documentNumber: '东市监责改〔2025〕1号',
      issuedOn: '2025-06-03',
      deadline: '2025-06-13',
      followUps: [],
      spotChecks: [],
      clock: {
        due: '2025-06-13',
        left: 3,
        state: 'running',
        overdue: false,
        rule: { citation: 'APL art. 28' },
      },
    });
    const second = await issue({ issuedOn: '2025-06-05', deadline: '2025-06-20' });
    expect(second.body.documentNumber).toBe('东市监责改〔2025〕2号');
    const timeline = (await (await as('officer')).get(`/v1/cases/${caseId}/timeline`).expect(200)).body
      .events;
    expect(timeline.filter((e: { action: string }) => e.action === 'issue-correction-order')).toEqual([
      expect.objectContaining({ occurredOn: '2025-06-03', documentNumber: '东市监责改〔2025〕1号' }),
      expect.objectContaining({ occurredOn: '2025-06-05', documentNumber: '东市监责改〔2025〕2号' }),
    ]);
  });

  it('refuses bad dates (422) and a deadline before the order (400), numbering nothing', async () => {
    const before = (await (await as('officer')).get(`/v1/cases/${caseId}/correction-orders`).expect(200))
      .body;
    const future = await issue({ issuedOn: '2025-06-11', deadline: '2025-06-20' });
    expect(future.status).toBe(422);
    expect(future.body.unmet.map((u: { code: string }) => u.code)).toEqual(['DATE_IN_FUTURE']);
    const early = await issue({ issuedOn: '2025-03-01' });
    expect(early.status).toBe(422);
    expect(early.body.unmet.map((u: { code: string }) => u.code)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const deadline = await issue({ deadline: '2025-06-02' });
    expect(deadline.status).toBe(400);
    expect(deadline.body.errors).toEqual([expect.objectContaining({ pointer: '/deadline' })]);
    expect((await issue({ colour: 'red' })).status).toBe(400);
    expect(
      (await (await as('officer')).get(`/v1/cases/${caseId}/correction-orders`).expect(200)).body,
    ).toEqual(before);
    expect((await issue()).body.documentNumber).toBe('东市监责改〔2025〕3号');
  });

  it('flags an order overdue once the deadline passed without a follow-up', async () => {
    at('2025-06-14');
    const order = (
      await (await as('officer')).get(`/v1/cases/${caseId}/correction-orders/${first.id}`).expect(200)
    ).body;
    expect(order.clock).toMatchObject({ state: 'awaiting_follow_up', left: -1, overdue: true });
    const overdue = (await (await as('supervisor')).get('/v1/correction-orders?overdue=true').expect(200))
      .body;
    expect(overdue.items.map((o: { id: string }) => o.id)).toContain(first.id);
    const notOverdue = (await (await as('supervisor')).get('/v1/correction-orders?overdue=false').expect(200))
      .body;
    expect(notOverdue.items.map((o: { id: string }) => o.id)).not.toContain(first.id);
    expect(notOverdue.items).toHaveLength(1);
  });

  it('a follow-up before the deadline that finds it partly corrected does not settle it', async () => {
    const res = await (await as('officer'))
      .post(`/v1/cases/${caseId}/correction-orders/${first.id}/follow-up`)
      .send({ checkedOn: '2025-06-10', result: 'partly', note: '已停止经营，许可证在办理中' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.clock.overdue).toBe(true);
  });

  it('a follow-up on or after the deadline settles it', async () => {
    const res = await (await as('officer'))
      .post(`/v1/cases/${caseId}/correction-orders/${first.id}/follow-up`)
      .set('if-match', '"2"')
      .send({ checkedOn: '2025-06-14', result: 'corrected' });
    expect(res.status).toBe(200);
    expect(res.body.followUps.map((f: { result: string }) => f.result)).toEqual(['partly', 'corrected']);
    expect(res.body.clock).toMatchObject({ state: 'followed_up', overdue: false, left: null });
    const overdue = (await (await as('supervisor')).get('/v1/correction-orders?overdue=true').expect(200))
      .body;
    expect(overdue.items.map((o: { id: string }) => o.id)).not.toContain(first.id);
    const events = (await (await as('officer')).get(`/v1/cases/${caseId}/timeline`).expect(200)).body.events;
    expect(events.filter((e: { action: string }) => e.action === 'correction-follow-up')).toHaveLength(2);
  });

  it('refuses a follow-up after it was found corrected, a stale If-Match, and bad dates — writing nothing', async () => {
    const before = await orderState(first.id);
    const url = `/v1/cases/${caseId}/correction-orders/${first.id}/follow-up`;
    const again = await (await as('officer'))
      .post(url)
      .send({ checkedOn: '2025-06-14', result: 'corrected' });
    expect(again.status).toBe(422);
    expect(again.body.unmet).toEqual([
      expect.objectContaining({ code: 'ALREADY_CORRECTED', rule: 'APL art. 28' }),
    ]);
    const stale = await (await as('officer')).post(url).set('if-match', '"1"').send({
      checkedOn: '2025-06-14',
      result: 'corrected',
    });
    expect(stale.status).toBe(412);
    const other2 = (await issue({ issuedOn: '2025-06-12', deadline: '2025-06-30' })).body;
    const before2 = await orderState(other2.id);
    const early = await (await as('officer'))
      .post(`/v1/cases/${caseId}/correction-orders/${other2.id}/follow-up`)
      .send({ checkedOn: '2025-06-11', result: 'not_corrected' });
    expect(early.body.unmet.map((u: { code: string }) => u.code)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(await orderState(other2.id)).toEqual(before2);
    expect((await orderState(first.id)).order).toEqual(before.order);
  });
});

describe('interview records', () => {
  let interviewId: string;

  it('records an interview on the case timeline', async () => {
    const res = await (await as('officer')).post(`/v1/cases/${caseId}/interviews`).send({
      heldOn: '2025-06-06',
      attendeeIds: investigators(t),
      counterpart: { name: '李四', role: '法定代表人' },
      subject: '无证经营熟食问题约谈',
      summary: '告知其违法事实及整改要求，当事人表示立即整改',
    });
    expect(res.status).toBe(201);
    interviewId = res.body.id;
    expect(res.body).toMatchObject({ heldOn: '2025-06-06', counterpart: { name: '李四' }, spotChecks: [] });
    const got = await (await as('auditor')).get(`/v1/cases/${caseId}/interviews/${interviewId}`).expect(200);
    expect(got.body.id).toBe(interviewId);
    const list = await (await as('auditor')).get(`/v1/cases/${caseId}/interviews`).expect(200);
    expect(list.body.items).toHaveLength(1);
    const events = (await (await as('officer')).get(`/v1/cases/${caseId}/timeline`).expect(200)).body.events;
    expect(events.some((e: { action: string }) => e.action === 'record-interview')).toBe(true);
  });

  it('refuses an unknown officer (400) and a future date (422)', async () => {
    const base = {
      heldOn: '2025-06-06',
      attendeeIds: [other.officers.officer],
      counterpart: { name: '李四', role: '法定代表人' },
      subject: 'x',
      summary: 'y',
    };
    const unknown = await (await as('officer')).post(`/v1/cases/${caseId}/interviews`).send(base);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/attendeeIds/0' })]);
    const future = await (await as('officer'))
      .post(`/v1/cases/${caseId}/interviews`)
      .send({ ...base, attendeeIds: investigators(t), heldOn: '2025-06-30' });
    expect(future.status).toBe(422);
    const list = await (await as('auditor')).get(`/v1/cases/${caseId}/interviews`).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('is spot-checked by supervision', async () => {
    const res = await (await as('supervisor'))
      .post(`/v1/cases/${caseId}/interviews/${interviewId}/spot-checks`)
      .send({ checkedOn: '2025-06-14', checkerId: supervisor, problems: ['约谈记录未由当事人签字确认'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentKind: 'interview',
      documentYear: 2025,
      problems: ['约谈记录未由当事人签字确认'],
    });
    const got = await (await as('auditor')).get(`/v1/cases/${caseId}/interviews/${interviewId}`).expect(200);
    expect(got.body.spotChecks).toHaveLength(1);
  });
});

describe('spot checks and their figures', () => {
  it('records spot checks of correction orders and counts sampled documents and problems', async () => {
    const orders = (await (await as('supervisor')).get(`/v1/cases/${caseId}/correction-orders`).expect(200))
      .body.items as { id: string }[];
    expect(orders).toHaveLength(4);
    const problems = [['未载明复查日期', '法律依据引用不完整'], [], ['送达回证缺失']];
    for (const [i, list] of problems.entries()) {
      const res = await (await as('supervisor'))
        .post(`/v1/cases/${caseId}/correction-orders/${orders[i]?.id}/spot-checks`)
        .send({ checkedOn: '2025-06-14', checkerId: supervisor, problems: list });
      expect(res.status).toBe(201);
    }
    // A second check of the same order counts once as sampled, its problems add up.
    await (await as('legal_reviewer'))
      .post(`/v1/cases/${caseId}/correction-orders/${orders[0]?.id}/spot-checks`)
      .send({ checkedOn: '2025-06-14', checkerId: t.bureau.officers.legal_reviewer, problems: ['文号缺失'] })
      .expect(201);
    const order = (
      await (await as('auditor')).get(`/v1/cases/${caseId}/correction-orders/${orders[0]?.id}`).expect(200)
    ).body;
    expect(order.spotChecks.map((c: { problems: string[] }) => c.problems.length)).toEqual([2, 1]);

    const stats = (await (await as('supervisor')).get('/v1/spot-checks/stats?year=2025').expect(200)).body;
    expect(stats).toEqual({
      year: 2025,
      correctionOrders: { issued: 4, sampled: 3, checks: 4, withProblems: 2, problems: 4 },
      interviews: { held: 1, sampled: 1, checks: 1, withProblems: 1, problems: 1 },
      total: { sampled: 4, problems: 5 },
    });
    expect((await (await as('auditor')).get('/v1/spot-checks/stats').expect(200)).body.year).toBe(2025);
    const empty = (await (await as('auditor')).get('/v1/spot-checks/stats?year=2024').expect(200)).body;
    expect(empty.total).toEqual({ sampled: 0, problems: 0 });
  });

  it('refuses a check dated before the document, by someone unknown, or by an officer', async () => {
    const orders = (await (await as('supervisor')).get(`/v1/cases/${caseId}/correction-orders`).expect(200))
      .body.items;
    const url = `/v1/cases/${caseId}/correction-orders/${orders[3].id}/spot-checks`;
    const early = await (await as('supervisor'))
      .post(url)
      .send({ checkedOn: '2025-06-01', checkerId: supervisor, problems: [] });
    expect(early.status).toBe(422);
    expect(early.body.unmet.map((u: { code: string }) => u.code)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const unknown = await (await as('supervisor'))
      .post(url)
      .send({ checkedOn: '2025-06-14', checkerId: other.officers.supervisor, problems: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/checkerId' })]);
    expect(
      (
        await (
          await as('officer')
        )
          .post(url)
          .send({ checkedOn: '2025-06-14', checkerId: supervisor, problems: [] })
      ).status,
    ).toBe(403);
    const stats = (await (await as('supervisor')).get('/v1/spot-checks/stats?year=2025').expect(200)).body;
    expect(stats.total).toEqual({ sampled: 4, problems: 5 });
  });
});

describe('isolation', () => {
  it('hides another agency’s orders and interviews and counts none of them', async () => {
    const mine = (await (await as('officer')).get(`/v1/cases/${caseId}/correction-orders`).expect(200)).body
      .items[0];
    const outsider = await asOfNow(t, 'supervisor', other);
    await outsider.get(`/v1/cases/${caseId}/correction-orders`).expect(404);
    await outsider.get(`/v1/cases/${caseId}/correction-orders/${mine.id}`).expect(404);
    await outsider.get(`/v1/cases/${caseId}/interviews`).expect(404);
    expect((await outsider.get('/v1/correction-orders').expect(200)).body.items).toEqual([]);
    const check = await outsider
      .post(`/v1/cases/${caseId}/correction-orders/${mine.id}/spot-checks`)
      .send({ checkedOn: '2025-06-14', checkerId: other.officers.supervisor, problems: [] });
    expect(check.status).toBe(404);
    expect((await outsider.get('/v1/spot-checks/stats?year=2025').expect(200)).body.total).toEqual({
      sampled: 0,
      problems: 0,
    });
  });
});

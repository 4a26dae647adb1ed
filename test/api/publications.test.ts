/**
 * Penalty publicity (行政处罚信息公示, RULES.md §4) through the HTTP API:
 * - a publication created with the decision or not, per penalty type (on-the-spot decisions never);
 * - the due date across the 2025 National Day holiday (demo bureau: 7 WD);
 * - masking: every public output scanned for unmasked ID and mobile numbers;
 * - expiry at 3 months vs 3 years on both sides of the low-fine threshold, by the expiry run, on read
 *   before it, and gone from the public endpoint;
 * - withdrawal after a revocation on reconsideration (3 WD, overdue), a pending one withdrawn at once, a
 *   variation corrected; the restoration notice served with the decision (两书同达);
 * - 400s, 422s writing nothing, isolation between bureaus.
 */
import { eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/access/roles';
import { UNMASKED_PATTERNS } from '../../src/domain/publicity/publicity';
import { creditEvents } from '../../src/modules/publications/publications.table';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { CREDIT_CODE, decidedCase, penaltyItem, RESIDENT_ID, stepNow } from '../helpers/cases';

let t: TestApp;
let other: TestBureau;
let clock = new Date('2025-04-08T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role, bureau?: TestBureau) => asOfNow(t, role, bureau);
let itemId: string;

const PERSON = {
  kind: 'natural_person',
  name: '张三',
  residentId: RESIDENT_ID,
  phone: '13912345678',
  address: '西宁市城东区八一路1号3单元502室',
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  itemId = await penaltyItem(t, 'PUB-ITEM');
}, 180_000);
afterAll(() => t.close());

async function publicationsOf(caseId: string) {
  const res = await (await as('officer')).get(`/v1/publications?caseId=${caseId}`).expect(200);
  return res.body.items as { id: string }[];
}
async function publicationOf(caseId: string) {
  const items = await publicationsOf(caseId);
  expect(items).toHaveLength(1);
  const res = await (await as('officer')).get(`/v1/publications/${items[0]?.id}`).expect(200);
  return res.body;
}
async function stepOf(
  id: string,
  name: string,
  body: Record<string, unknown>,
  role: Role = 'credit_officer',
) {
  return (await as(role)).post(`/v1/publications/${id}/actions/${name}`).send(body);
}
async function stepOk(id: string, name: string, body: Record<string, unknown>) {
  const res = await stepOf(id, name, body);
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function get(id: string) {
  return (await (await as('officer')).get(`/v1/publications/${id}`).expect(200)).body;
}
async function publicList(agencyId = t.agencyId) {
  const res = await t.anonymous.get(`/v1/public/publications?agencyId=${agencyId}&limit=200`).expect(200);
  return res.body.items as { id: string; [field: string]: unknown }[];
}
const codes = (res: { body: { unmet?: { code: string }[] } }) => (res.body.unmet ?? []).map((u) => u.code);

describe('created with the decision, or not', () => {
  it('a fine: one pending publication with the summary, due 7 WD after the decision', async () => {
    at('2025-04-08');
    const c = await decidedCase(t, itemId);
    const p = await publicationOf(c.id);
    expect(p).toMatchObject({
      caseId: c.id,
      decisionNumber: c.decisionNumber,
      decidedOn: '2025-04-07',
      state: 'pending',
      dueWorkingDays: 7,
      dueOn: '2025-04-16',
      period: { months: 3, basis: 'three_months' },
      expiresOn: null,
      overdue: false,
      summary: {
        decisionNumber: c.decisionNumber,
        partyName: '西宁市城东区示例食品有限公司',
        partyCreditCode: CREDIT_CODE,
        legalRepresentative: '李四',
        violationType: '对未取得食品经营许可从事食品经营活动的行政处罚（PUB-ITEM）',
        penaltyText: '警告，罚款人民币5000.00元',
        bureau: '城东区市场监督管理局',
        decidedOn: '2025-04-07',
      },
    });
    expect(p.clocks[0]).toMatchObject({ name: 'publish', dueDate: '2025-04-16', state: 'running' });
    expect(p.maskedText).toContain('行政处罚决定书');
    expect(p.maskedText).toContain(c.decisionNumber);
  });

  it('warning only, no penalty: no publication', async () => {
    const warned = await decidedCase(t, itemId, { penalties: [{ type: 'warning' }] });
    expect(await publicationsOf(warned.id)).toEqual([]);
    const none = await decidedCase(t, itemId, { kind: 'no_penalty' });
    expect(await publicationsOf(none.id)).toEqual([]);
    // No publication, so no restoration notice.
    await (await as('officer')).get(`/v1/cases/${none.id}/restoration-notice`).expect(404);
  });

  it('a restriction longer than 3 years sets the period; a duration on an untimed penalty is a 400', async () => {
    const restricted = await decidedCase(t, itemId, {
      penalties: [
        { type: 'fine', amount: 20000 },
        { type: 'restrict_business', months: 60 },
      ],
    });
    const [p] = await publicationsOf(restricted.id);
    expect(p).toMatchObject({ period: { months: 60, basis: 'restriction' } });
    const lead = await (await as('officer')).post('/v1/cases').send({
      source: 'complaint',
      receivedOn: '2025-04-01',
      summary: '投诉',
      parties: [{ kind: 'natural_person', name: '赵六', residentId: RESIDENT_ID }],
    });
    const bad = await (await as('officer'))
      .post(`/v1/cases/${lead.body.id}/actions/conclude-investigation`)
      .send({ on: '2025-04-07', findings: '事实', penalties: [{ type: 'fine', amount: 100, months: 3 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/penalties/0/months' })]);
  });

  it('an on-the-spot decision: no publication row', async () => {
    const before = (await (await as('officer')).get('/v1/publications?limit=200').expect(200)).body.items
      .length;
    const res = await (await as('officer')).post('/v1/on-the-spot-penalties').send({
      decidedAt: '2025-04-08T01:30:00Z',
      place: '西宁市城东区八一路12号',
      officerIds: [t.bureau.officers.officer, t.bureau.officers.unit_head],
      party: { kind: 'natural_person', name: '赵六', residentId: RESIDENT_ID },
      facts: '当事人在经营场所销售超过保质期的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      powerItemId: itemId,
      penalties: [{ type: 'fine', amount: 200 }],
      payment: { method: 'later' },
    });
    expect(res.status).toBe(201);
    const after = (await (await as('officer')).get('/v1/publications?limit=200').expect(200)).body.items
      .length;
    expect(after).toBe(before);
  });
});

describe('the due date across the 2025 National Day holiday', () => {
  it('decided Friday 26 Sep: 7 WD are 28, 29, 30 Sep, 9, 10, 11 Oct and 13 Oct', async () => {
    at('2025-09-26');
    const c = await decidedCase(t, itemId, { decidedOn: '2025-09-26' });
    const p = await publicationOf(c.id);
    expect(p.dueOn).toBe('2025-10-13');
    at('2025-10-14');
    expect((await get(p.id)).clocks[0]).toMatchObject({ state: 'overdue', overdue: true });
    const overdue = await (await as('officer')).get('/v1/publications?overdue=true&limit=200').expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    // Published late: recorded, its clock shows completed_late.
    const published = await stepOk(p.id, 'publish', { on: '2025-10-14', externalRef: 'GS-2025-0001' });
    expect(published.clocks[0]).toMatchObject({ state: 'completed_late' });
    expect(published).toMatchObject({ state: 'published', overdue: false });
  });
});

describe('masking (PDR art. 7)', () => {
  it('no ID number, mobile number, home address or other person’s name in any public output', async () => {
    at('2025-04-08');
    const c = await decidedCase(t, itemId, {
      penalties: [{ type: 'fine', amount: 3000 }],
      lead: {
        parties: [PERSON],
        summary: `投诉反映张三（身份证${RESIDENT_ID}，电话13912345678，住西宁市城东区八一路1号3单元502室）无证经营熟食`,
      },
      duringInvestigation: async (caseId) => {
        const res = await (await as('officer')).post(`/v1/cases/${caseId}/interviews`).send({
          heldOn: '2025-03-14',
          attendeeIds: [t.bureau.officers.officer],
          counterpart: { name: '王小明', role: '店员' },
          subject: '无证经营',
          summary: '王小明称店主张三知情',
        });
        expect(res.status).toBe(201);
      },
    });
    const p = await publicationOf(c.id);
    expect(p.summary).toMatchObject({ partyName: '张三', partyCreditCode: null, legalRepresentative: null });
    for (const leak of [RESIDENT_ID, '13912345678', '八一路1号3单元502室', '王小明'])
      expect(p.maskedText).not.toContain(leak);
    await stepOk(p.id, 'publish', { on: '2025-04-08', externalRef: 'GS-2025-0002' });
    const list = await t.anonymous.get(`/v1/public/publications?agencyId=${t.agencyId}`).expect(200);
    const one = await t.anonymous.get(`/v1/public/publications/${p.id}?agencyId=${t.agencyId}`).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    for (const output of [JSON.stringify(list.body), JSON.stringify(one.body)]) {
      for (const pattern of Object.values(UNMASKED_PATTERNS)) expect(output).not.toMatch(pattern);
      expect(output).not.toContain('八一路1号3单元502室');
      expect(output).not.toContain('王小明');
      expect(output).not.toContain(c.id);
    }
    expect(Object.keys(one.body).sort()).toEqual(
      [
        'id',
        'decisionNumber',
        'partyName',
        'partyCreditCode',
        'legalRepresentative',
        'violationType',
        'penaltyText',
        'bureau',
        'decidedOn',
        'publishedOn',
        'expiresOn',
        'corrected',
        'maskedText',
      ].sort(),
    );
  });
});

describe('expiry: 3 months vs 3 years around the CNY 5,000 threshold (exclusive)', () => {
  it('4,999.99 expires after 3 months, 5,000 after 3 years; by the run, on read before it, off the public list', async () => {
    at('2025-04-10');
    const low = await decidedCase(t, itemId, {
      penalties: [{ type: 'fine', amount: 4999.99 }],
      lead: { parties: [{ kind: 'natural_person', name: '钱七', residentId: RESIDENT_ID }] },
    });
    const high = await decidedCase(t, itemId, {
      penalties: [{ type: 'fine', amount: 5000 }],
      lead: { parties: [{ kind: 'natural_person', name: '孙八', residentId: RESIDENT_ID }] },
    });
    const pLow = await publicationOf(low.id);
    const pHigh = await publicationOf(high.id);
    expect(pLow.period).toEqual({ months: 3, basis: 'three_months' });
    expect(pHigh.period).toEqual({ months: 36, basis: 'three_years' });
    const a = await stepOk(pLow.id, 'publish', { on: '2025-04-10', externalRef: 'GS-LOW' });
    const b = await stepOk(pHigh.id, 'publish', { on: '2025-04-10', externalRef: 'GS-HIGH' });
    expect(a).toMatchObject({ expiresOn: '2025-07-09', earliestRestorationOn: '2026-04-10' });
    expect(b).toMatchObject({ expiresOn: '2028-04-09' });

    at('2025-07-09');
    expect((await publicList()).map((i) => i.id)).toEqual(expect.arrayContaining([pLow.id, pHigh.id]));
    at('2025-07-10');
    // Read as expired before the job ran; gone from the public endpoint.
    expect(await get(pLow.id)).toMatchObject({ state: 'expired', storedState: 'published' });
    const expiredList = await (await as('officer'))
      .get('/v1/publications?state=expired&limit=200')
      .expect(200);
    expect(expiredList.body.items.map((i: { id: string }) => i.id)).toContain(pLow.id);
    const publishedList = await (await as('officer'))
      .get('/v1/publications?state=published&limit=200')
      .expect(200);
    const publishedIds = publishedList.body.items.map((i: { id: string }) => i.id);
    expect(publishedIds).not.toContain(pLow.id);
    expect(publishedIds).toContain(pHigh.id);
    const visible = (await publicList()).map((i) => i.id);
    expect(visible).not.toContain(pLow.id);
    expect(visible).toContain(pHigh.id);
    await t.anonymous.get(`/v1/public/publications/${pLow.id}?agencyId=${t.agencyId}`).expect(404);

    // The run records it, with a credit event; a second run finds nothing more.
    const run = await (await as('credit_officer')).post('/v1/publications/expiry-runs').expect(200);
    expect(run.body.expired).toBeGreaterThanOrEqual(1);
    expect(await get(pLow.id)).toMatchObject({ state: 'expired', storedState: 'expired' });
    expect((await get(pLow.id)).expiredAt).not.toBeNull();
    expect(await get(pHigh.id)).toMatchObject({ state: 'published', storedState: 'published' });
    expect((await (await as('admin')).post('/v1/publications/expiry-runs').expect(200)).body).toEqual({
      expired: 0,
    });
    const events = await t.app.database.db
      .select()
      .from(creditEvents)
      .where(eq(creditEvents.entityId, pLow.id));
    expect(events.map((e) => e.kind).sort()).toEqual(['publication.expired', 'publication.published']);

    at('2028-04-10');
    expect(await get(pHigh.id)).toMatchObject({ state: 'expired' });
    expect((await publicList()).map((i) => i.id)).not.toContain(pHigh.id);
  });
});

describe('withdrawal after review (PDR art. 11)', () => {
  let serial = 0;
  async function reconsider(caseId: string, decide: Record<string, unknown>) {
    serial += 1;
    const r = await (await as('legal_reviewer')).post('/v1/reconsiderations').send({
      decision: { caseId },
      applicant: { kind: 'legal_person', name: '西宁市城东区示例食品有限公司', creditCode: CREDIT_CODE },
      reference: `城府复〔2025〕P${serial}号`,
      appliedOn: '2025-04-20',
      claims: '请求撤销行政处罚决定',
    });
    expect(r.status).toBe(201);
    await (await as('legal_reviewer'))
      .post(`/v1/reconsiderations/${r.body.id}/actions/accept`)
      .send({ on: '2025-04-21' })
      .expect(200);
    const d = await (await as('legal_reviewer'))
      .post(`/v1/reconsiderations/${r.body.id}/actions/decide`)
      .send({ on: '2025-04-25', reference: `城府复决〔2025〕P${serial}号`, ...decide });
    expect(d.status).toBe(200);
    return d.body;
  }

  it('revoked: due in 3 WD (27 April was worked), overdue, then withdrawn late with a credit event', async () => {
    at('2025-04-10');
    const c = await decidedCase(t, itemId);
    const p = await publicationOf(c.id);
    await stepOk(p.id, 'publish', { on: '2025-04-10', externalRef: 'GS-REV' });
    at('2025-04-25');
    const r = await reconsider(c.id, { outcome: 'revoked', scope: 'whole' });
    const due = await get(p.id);
    expect(due).toMatchObject({
      state: 'published',
      withdrawal: { dueOn: '2025-04-29', statusChangeId: r.effect[0].id, withdrawnOn: null },
      overdue: false,
    });
    expect(due.clocks[1]).toMatchObject({ name: 'withdrawal', dueDate: '2025-04-29', state: 'running' });
    // Correcting a revoked decision's publication is refused: it is withdrawn.
    const refused = await stepOf(p.id, 'correct', { on: '2025-04-25', note: '更正' });
    expect(refused.status).toBe(422);
    expect(codes(refused)).toEqual(['CORRECTION_CANNOT_WITHDRAW']);

    at('2025-04-30');
    const overdue = await get(p.id);
    expect(overdue).toMatchObject({ overdue: true });
    expect(overdue.clocks[1]).toMatchObject({ state: 'overdue' });
    const listed = await (await as('officer')).get('/v1/publications?overdue=true&limit=200').expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const notOverdue = await (await as('officer'))
      .get('/v1/publications?overdue=false&limit=200')
      .expect(200);
    expect(notOverdue.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);

    const withdrawn = await stepOk(p.id, 'withdraw', { on: '2025-04-30', reason: '行政处罚决定被复议撤销' });
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      overdue: false,
      withdrawal: { withdrawnOn: '2025-04-30' },
    });
    expect(withdrawn.clocks[1]).toMatchObject({ state: 'completed_late' });
    const recon = await (await as('officer')).get(`/v1/reconsiderations/${r.id}`).expect(200);
    expect(recon.body.effect[0].withdrawnAt).not.toBeNull();
    expect((await publicList()).map((i) => i.id)).not.toContain(p.id);
    const events = await t.app.database.db.select().from(creditEvents).where(eq(creditEvents.entityId, p.id));
    expect(events.map((e) => e.kind).sort()).toEqual(['publication.published', 'publication.withdrawn']);
  });

  it('a publication not yet published is withdrawn at once', async () => {
    at('2025-04-10');
    const c = await decidedCase(t, itemId);
    const p = await publicationOf(c.id);
    at('2025-04-25');
    await reconsider(c.id, { outcome: 'revoked', scope: 'whole' });
    const after = await get(p.id);
    expect(after).toMatchObject({
      state: 'withdrawn',
      overdue: false,
      withdrawal: { dueOn: '2025-04-29', withdrawnOn: '2025-04-25' },
    });
    expect(after.withdrawal.reason).toContain('revoked');
    expect(after.clocks[0]).toMatchObject({ name: 'publish', state: 'lapsed' });
  });

  it('varied: the correction republishes the penalties now in force and completes the withdrawal', async () => {
    at('2025-04-10');
    const c = await decidedCase(t, itemId, { penalties: [{ type: 'fine', amount: 60000 }] });
    const p = await publicationOf(c.id);
    await stepOk(p.id, 'publish', { on: '2025-04-10', externalRef: 'GS-VAR' });
    at('2025-04-25');
    await reconsider(c.id, { outcome: 'varied', penalties: [{ type: 'fine', amount: 30000 }] });
    at('2025-04-28');
    const corrected = await stepOk(p.id, 'correct', {
      on: '2025-04-28',
      note: '罚款数额经复议变更为30000元',
    });
    expect(corrected).toMatchObject({
      state: 'corrected',
      correction: { on: '2025-04-28' },
      summary: { penaltyText: '罚款人民币30000.00元' },
      overdue: false,
    });
    expect(corrected.clocks[1]).toMatchObject({ name: 'withdrawal', state: 'completed' });
    const shown = (await publicList()).find((i) => i.id === p.id);
    expect(shown).toMatchObject({ corrected: true, penaltyText: '罚款人民币30000.00元' });
  });
});

describe('the restoration notice (信用修复告知书, 两书同达)', () => {
  it('served with the decision on one service record; the earliest date once published', async () => {
    at('2025-04-08');
    const c = await decidedCase(t, itemId, { penalties: [{ type: 'fine', amount: 60000 }] });
    const notice = await (await as('officer')).get(`/v1/cases/${c.id}/restoration-notice`).expect(200);
    expect(notice.body).toMatchObject({
      title: '行政处罚信息信用修复告知书',
      decisionNumber: c.decisionNumber,
      restorable: true,
      publicity: { months: 36, basis: 'three_years' },
      earliestApplication: { months: 12, extended: true, on: null },
      servedOn: null,
    });
    expect(notice.body.materials.map((m: { name: string }) => m.name)).toContain('守信承诺书');
    expect(notice.body.whereToApply.map((w: { name: string }) => w.name)).toContain(
      '国家企业信用信息公示系统',
    );
    const served = await stepNow(t, c.id, 'serve-decision', {
      on: '2025-04-08',
      method: 'direct',
      recipient: '李四',
      partyPresentAtAnnouncement: false,
    });
    expect(served.id).toBe(c.id);
    const timeline = await (await as('officer')).get(`/v1/cases/${c.id}/timeline`).expect(200);
    const serve = timeline.body.events.find((e: { action: string }) => e.action === 'serve-decision');
    expect(serve.data.restorationNotice).toBe(true);
    const p = await publicationOf(c.id);
    expect(p.noticeServedOn).toBe('2025-04-08');
    await stepOk(p.id, 'publish', { on: '2025-04-08', externalRef: 'GS-NOTICE' });
    const after = await (await as('officer')).get(`/v1/cases/${c.id}/restoration-notice`).expect(200);
    expect(after.body).toMatchObject({
      servedOn: '2025-04-08',
      earliestApplication: { on: '2026-04-08' },
      publicity: { publishedOn: '2025-04-08', expiresOn: '2028-04-07' },
    });
  });
});

describe('400, 422 writing nothing, isolation', () => {
  let id: string;
  beforeAll(async () => {
    at('2025-04-10');
    const c = await decidedCase(t, itemId);
    id = (await publicationOf(c.id)).id;
  });

  it('400 for unknown fields and missing ones', async () => {
    expect((await stepOf(id, 'publish', { on: '2025-04-10', externalRef: 'x', extra: 1 })).status).toBe(400);
    expect((await stepOf(id, 'publish', { on: '2025-04-10' })).status).toBe(400);
    expect((await (await as('officer')).get('/v1/publications?bogus=1')).status).toBe(400);
    expect((await t.anonymous.get('/v1/public/publications')).status).toBe(400);
  });

  it('422 lists every unmet condition and writes nothing', async () => {
    const before = await get(id);
    const future = await stepOf(id, 'publish', { on: '2025-04-11', externalRef: 'x' });
    expect(future.status).toBe(422);
    expect(codes(future)).toEqual(['DATE_IN_FUTURE']);
    const early = await stepOf(id, 'publish', { on: '2025-04-01', externalRef: 'x' });
    expect(codes(early)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const wrong = await stepOf(id, 'correct', { on: '2025-04-10', note: 'x' });
    expect(codes(wrong)).toEqual(['PUBLICATION_WRONG_STATE']);
    expect(await get(id)).toEqual(before);
    const events = await t.app.database.db.select().from(creditEvents).where(eq(creditEvents.entityId, id));
    expect(events).toEqual([]);
  });

  it('another bureau sees nothing; its public endpoint never shows ours; unknown agency 404', async () => {
    await (await as('officer', other)).get(`/v1/publications/${id}`).expect(404);
    expect((await stepOf(id, 'withdraw', { on: '2025-04-10', reason: 'x' }, 'admin')).status).toBe(200);
    const theirs = await (await as('officer', other)).get('/v1/publications').expect(200);
    expect(theirs.body.items).toEqual([]);
    const res = await (await as('admin', other)).post(`/v1/publications/${id}/actions/publish`).send({
      on: '2025-04-10',
      externalRef: 'x',
    });
    expect(res.status).toBe(404);
    expect(await publicList(other.agencyId)).toEqual([]);
    expect((await publicList()).length).toBeGreaterThan(0);
    await t.anonymous
      .get(`/v1/public/publications?agencyId=00000000-0000-7000-8000-000000000000`)
      .expect(404);
    const ours = (await publicList())[0] as { id: string };
    await t.anonymous.get(`/v1/public/publications/${ours.id}?agencyId=${other.agencyId}`).expect(404);
  });

  it('the party filter: credit code exact, else part of the name', async () => {
    const byCode = await (await as('officer'))
      .get(`/v1/publications?party=${CREDIT_CODE}&limit=200`)
      .expect(200);
    expect(byCode.body.items.length).toBeGreaterThan(0);
    for (const i of byCode.body.items) expect(i.summary.partyCreditCode).toBe(CREDIT_CODE);
    const byName = await (await as('officer'))
      .get(`/v1/publications?party=${encodeURIComponent('钱七')}`)
      .expect(200);
    expect(byName.body.items.map((i: { summary: { partyName: string } }) => i.summary.partyName)).toEqual([
      '钱七',
    ]);
  });
});

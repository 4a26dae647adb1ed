/**
 * The documents of a case (案件文书) through the HTTP API: every numbered step listed with its type from
 * the register, the decision (行政处罚决定书) and the notice (行政处罚告知书) with their content as JSON and
 * as a printable page, escaped, the settings in force on the decision date, and every failure path.
 */
import { asOfNow, createTestApp, type TestApp } from '../helpers/app';
import { walkCase } from '../helpers/case-walk';
import { ORGANISATION, penaltyItem, RESIDENT_ID } from '../helpers/cases';

let t: TestApp;
let clock = new Date('2025-04-20T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const setClock = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
let itemId: string;
let caseId: string;

const HOSTILE = '<script>alert("x")</script>';
const ON = '2025-03-10';
const HELD_ON = '2025-03-19'; // 7 WD after the hearing notice of 10 March

interface Summary {
  id: number;
  number: string;
  type: string | null;
  typeName: string | null;
  action: string;
  issuedOn: string;
  register: { year: number; serial: number; purpose: string } | null;
  formats: string[];
  href: string;
}

const reader = () => asOfNow(t, 'officer');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t, 'DOC-ITEM');
  // From 1 April the bureau names the court of centralised jurisdiction; before, the default applies.
  await (await asOfNow(t, 'admin'))
    .post(`/v1/agencies/${t.agencyId}/rule-settings/decision.litigation_court`)
    .send({ value: '西宁铁路运输法院', effectiveFrom: '2025-04-01', basis: '青海省行政案件集中管辖规定' })
    .expect(201);
  const decided = await walkCase(t, itemId, {
    on: ON,
    lead: {
      parties: [
        { ...ORGANISATION, address: '青海省西宁市城东区八一中路1号' },
        {
          kind: 'natural_person',
          name: HOSTILE,
          residentId: RESIDENT_ID,
          address: '青海省西宁市城东区东关大街2号',
        },
      ],
    },
    penalties: [
      { type: 'fine', amount: 120_000 },
      { type: 'confiscate_illegal_gains', amount: 1200 },
    ],
    hearing: { heldOn: HELD_ON },
    afterFiling: async (id) => {
      await (await reader())
        .post(`/v1/cases/${id}/measures`)
        .send({
          kind: 'seizure',
          items: '无证加工的熟食制品 35 公斤',
          startedAt: `${ON}T01:30:00Z`,
          officerIds: [t.bureau.officers.officer, t.bureau.officers.unit_head],
          avRecorded: true,
          approval: 'prior',
          approverId: t.bureau.officers.bureau_head,
          approvedAt: `${ON}T01:00:00Z`,
        })
        .expect(201);
    },
  });
  expect(decided.stage).not.toBe('notice');
  caseId = decided.id;
}, 180_000);
afterAll(() => t.close());

async function list(id = caseId): Promise<Summary[]> {
  const res = await (await reader()).get(`/v1/cases/${id}/documents`).expect(200);
  expect(res.body.caseId).toBe(id);
  return res.body.items;
}

async function byType(type: string): Promise<Summary> {
  const found = (await list()).find((d) => d.type === type);
  if (!found) throw new Error(`no ${type} document`);
  return found;
}

describe('GET /v1/cases/{id}/documents', () => {
  it('lists every numbered step with its type, Chinese name, date and register entry, in timeline order', async () => {
    const items = await list();
    expect(items.map((d) => [d.type, d.typeName, d.number, d.action, d.issuedOn])).toEqual([
      ['case_filing', '立案决定书', '东市监立〔2025〕1号', 'file', ON],
      ['compulsory_measure', '实施行政强制措施决定书', '东市监强制〔2025〕1号', 'take-measure', ON],
      ['pre_penalty_notice', '行政处罚告知书', '东市监罚告〔2025〕1号', 'issue-notice', ON],
      ['hearing_notice', '听证通知书', '东市监听通〔2025〕1号', 'schedule-hearing', ON],
      ['penalty_decision', '行政处罚决定书', '东市监处罚〔2025〕1号', 'decide', HELD_ON],
    ]);
    const ids = items.map((d) => d.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const d of items) {
      expect(d.register).toEqual(expect.objectContaining({ year: 2025, serial: 1 }));
      expect(d.register?.purpose).toContain(caseId);
      expect(d.href).toBe(`/v1/cases/${caseId}/documents/${d.id}`);
      expect(d.formats).toEqual(
        d.type === 'penalty_decision' || d.type === 'pre_penalty_notice' ? ['json', 'html'] : ['json'],
      );
    }
    // The timeline names the same documents: the list is derived from it.
    const timeline = await (await reader()).get(`/v1/cases/${caseId}/timeline`).expect(200);
    const numbered = timeline.body.events.filter((e: { documentNumber: string | null }) => e.documentNumber);
    expect(numbered.map((e: { seq: number }) => e.seq)).toEqual(ids);
  });

  it('is empty for a lead, and 404 for a case that is not the agency’s', async () => {
    const lead = await (await reader())
      .post('/v1/cases')
      .send({ source: 'inspection', receivedOn: '2025-04-01', summary: '检查发现无证经营' })
      .expect(201);
    expect(await list(lead.body.id)).toEqual([]);
    await (await reader()).get('/v1/cases/018f0000-0000-7000-8000-000000000000/documents').expect(404);
    const other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    const res = await other.as('officer').get(`/v1/cases/${caseId}/documents`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    const one = await other.as('officer').get(`/v1/cases/${caseId}/documents/1`);
    expect(one.status).toBe(404);
  });

  it('rejects a malformed case id with 400', async () => {
    const res = await (await reader()).get('/v1/cases/not-a-uuid/documents');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('the decision (行政处罚决定书)', () => {
  it('is found by its id and by its number, with its data and every APL art. 59 element', async () => {
    const summary = await byType('penalty_decision');
    const byId = await (await reader()).get(`/v1/cases/${caseId}/documents/${summary.id}`).expect(200);
    expect(byId.headers['content-type']).toMatch(/^application\/json/);
    const byNumber = await (await reader())
      .get(`/v1/cases/${caseId}/documents/${encodeURIComponent(summary.number)}`)
      .expect(200);
    expect(byNumber.body).toEqual(byId.body);
    const doc = byId.body;
    expect(doc).toEqual(
      expect.objectContaining({ id: summary.id, number: '东市监处罚〔2025〕1号', type: 'penalty_decision' }),
    );
    expect(doc.data).toEqual(
      expect.objectContaining({
        kind: 'penalty',
        penalties: [
          { type: 'fine', amount: 120_000 },
          { type: 'confiscate_illegal_gains', amount: 1200 },
        ],
      }),
    );
    const c = doc.content;
    expect(c.complete).toBe(true);
    expect(c.missing).toEqual([]);
    expect(c.title).toBe('行政处罚决定书');
    expect(c.agencyName).toBe('城东区市场监督管理局');
    expect(c.date).toBe(HELD_ON);
    expect(c.parties).toEqual([
      expect.objectContaining({
        name: ORGANISATION.name,
        address: '青海省西宁市城东区八一中路1号',
        identifiers: [{ type: 'credit_code', label: '统一社会信用代码', value: ORGANISATION.creditCode }],
      }),
      expect.objectContaining({
        name: HOSTILE,
        identifiers: [{ type: 'resident_id', label: '公民身份号码', value: '1101**********002X' }],
      }),
    ]);
    expect(JSON.stringify(doc)).not.toContain(RESIDENT_ID);
    expect(c.facts.findings).toBe('当事人未取得食品经营许可从事熟食销售');
    expect(c.evidence).toEqual([
      { kind: 'inspection_record', kindName: '勘验笔录、现场笔录', description: '现场笔录', collectedOn: ON },
    ]);
    expect(c.penalties.map((p: { text: string }) => p.text)).toEqual([
      '罚款人民币120,000元',
      '没收违法所得人民币1,200元',
    ]);
    expect(c.legalBasis).toEqual([
      expect.objectContaining({
        law: '中华人民共和国食品安全法',
        citation: '《中华人民共和国食品安全法》第一百二十二条',
      }),
    ]);
    expect(c.powerItem).toEqual({ code: 'DOC-ITEM', name: expect.stringContaining('DOC-ITEM') });
    expect(c.procedure.join('')).toContain('东市监罚告〔2025〕1号');
    expect(c.procedure.join('')).toContain(`${HELD_ON}依法举行了听证`);
    expect(c.performance).toEqual(
      expect.objectContaining({
        amountPayable: 121_200,
        paymentPeriod: { days: 15, unit: 'calendar', rule: 'APL art. 67' },
        paymentMethod: '到指定的银行或者通过电子支付系统缴纳',
        servedOn: null,
        paymentDueOn: null,
        lateSurcharge: expect.objectContaining({ percentPerDay: 3, rule: 'APL art. 72(1)' }),
      }),
    );
    // The court set from 1 April does not apply to this decision of 19 March: the value in force on the
    // decision date is the default, the basic court named after the bureau.
    expect(c.remedies.reconsideration).toEqual({
      body: '城东区人民政府',
      days: 60,
      rule: 'ARL arts. 20, 24',
    });
    expect(c.remedies.litigation).toEqual({ court: '城东区人民法院', months: 6, rule: 'ALL art. 46' });
  });

  it('is a complete, print-styled HTML page with every value escaped: ?format=html and Accept: text/html', async () => {
    const summary = await byType('penalty_decision');
    const url = `/v1/cases/${caseId}/documents/${summary.id}`;
    const viaQuery = await (await reader()).get(`${url}?format=html`).expect(200);
    expect(viaQuery.headers['content-type']).toBe('text/html; charset=utf-8');
    const viaAccept = await (await reader())
      .get(url)
      .set('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(200);
    expect(viaAccept.text).toBe(viaQuery.text);
    const page = viaQuery.text;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('@page');
    for (const text of [
      '<h1>行政处罚决定书</h1>',
      '东市监处罚〔2025〕1号',
      ORGANISATION.name,
      '1101**********002X',
      '青海省西宁市城东区东关大街2号',
      '《中华人民共和国食品安全法》第一百二十二条',
      '罚款人民币120,000元',
      '百分之三加处罚款',
      '城东区人民政府申请行政复议',
      HELD_ON,
    ])
      expect(page).toContain(text);
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // JSON when JSON is preferred, or asked for explicitly.
    const json = await (await reader())
      .get(url)
      .set('accept', 'application/json, text/html;q=0.5')
      .expect(200);
    expect(json.body.type).toBe('penalty_decision');
    const forced = await (await reader()).get(`${url}?format=json`).set('accept', 'text/html').expect(200);
    expect(forced.body.type).toBe('penalty_decision');
  });

  it('rejects an unknown format with 400', async () => {
    const res = await (await reader()).get(`/v1/cases/${caseId}/documents/1?format=pdf`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors[0].pointer).toBe('/format');
  });
});

describe('the pre-penalty notice (行政处罚告知书)', () => {
  it('carries the facts, basis, proposed penalty and the rights to state, defend and request a hearing', async () => {
    const summary = await byType('pre_penalty_notice');
    const res = await (await reader()).get(`/v1/cases/${caseId}/documents/${summary.id}`).expect(200);
    const c = res.body.content;
    expect(c).toEqual(
      expect.objectContaining({
        type: 'pre_penalty_notice',
        number: '东市监罚告〔2025〕1号',
        date: ON,
        complete: true,
      }),
    );
    expect(c.proposedPenalties.map((p: { text: string }) => p.text)).toEqual([
      '罚款人民币120,000元',
      '没收违法所得人民币1,200元',
    ]);
    expect(c.rights.statement).toEqual(expect.objectContaining({ days: 5, endsOn: '2025-03-17' }));
    expect(c.rights.hearing).toEqual(
      expect.objectContaining({ days: 5, endsOn: '2025-03-17', rule: 'APL art. 64' }),
    );
    const page = await (await reader())
      .get(`/v1/cases/${caseId}/documents/${summary.id}?format=html`)
      .expect(200);
    expect(page.text).toContain('<h1>行政处罚告知书</h1>');
    expect(page.text).toContain('要求听证');
    expect(page.text).not.toContain('<script');
  });
});

describe('other documents', () => {
  it('carry the data their step recorded; HTML is not available (406)', async () => {
    const filing = await byType('case_filing');
    const res = await (await reader()).get(`/v1/cases/${caseId}/documents/${filing.id}`).expect(200);
    expect(res.body.content).toBeNull();
    expect(res.body.data).toEqual(expect.objectContaining({ approverId: t.bureau.officers.bureau_head }));
    const html = await (await reader()).get(`/v1/cases/${caseId}/documents/${filing.id}?format=html`);
    expect(html.status).toBe(406);
    expect(html.body.code).toBe('NOT_ACCEPTABLE');
    expect(html.body.formats).toEqual(['json']);
  });

  it('answers 404 for an unknown id or number, and for another case’s number', async () => {
    for (const ref of ['999', encodeURIComponent('东市监处罚〔2025〕99号'), '0']) {
      const res = await (await reader()).get(`/v1/cases/${caseId}/documents/${ref}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const other = await walkCase(t, itemId, { on: '2025-04-01', setClock });
    const otherDecision = (await list(other.id)).find((d) => d.type === 'penalty_decision');
    expect(otherDecision?.number).toBe('东市监处罚〔2025〕2号');
    const res = await (await reader()).get(
      `/v1/cases/${caseId}/documents/${encodeURIComponent(otherDecision?.number ?? '')}`,
    );
    expect(res.status).toBe(404);
  });
});

describe('settings and gaps', () => {
  it('uses the settings in force on the decision date, and reports a missing address', async () => {
    // Decided on 2 April, after the court setting took effect; the party has no address recorded.
    const decided = await walkCase(t, itemId, {
      on: '2025-04-02',
      setClock,
      lead: { parties: [ORGANISATION] },
      penalties: [{ type: 'warning' }],
    });
    const summary = (await list(decided.id)).find((d) => d.type === 'penalty_decision');
    const res = await (await reader()).get(`/v1/cases/${decided.id}/documents/${summary?.id}`).expect(200);
    const c = res.body.content;
    expect(c.remedies.litigation.court).toBe('西宁铁路运输法院');
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([
      {
        element: 'party_address',
        rule: 'APL art. 59(1)',
        message: expect.stringContaining(ORGANISATION.name),
      },
    ]);
    expect(c.performance).toEqual(expect.objectContaining({ amountPayable: 0, lateSurcharge: null }));
    const page = await (await reader())
      .get(`/v1/cases/${decided.id}/documents/${summary?.id}?format=html`)
      .expect(200);
    expect(page.text).toContain('文书要素不全，不得送达');
    expect(page.text).toContain('【缺：地址】');
    expect(page.text).toContain('西宁铁路运输法院');
  });
});

/**
 * GET /v1/cases: every filter alone and combined, keyset pagination under filters (no duplicates,
 * no gaps), the 400s of bad queries, agency isolation, and the computed `overdue` filter against a
 * movable app clock.
 */
import { newId } from '../../src/db/columns';
import { cases } from '../../src/modules/cases/cases.table';
import { type Agent, asOfNow, createTestApp, type TestApp } from '../helpers/app';
import {
  CREDIT_CODE,
  fileCase,
  investigators,
  NATURAL_PERSON,
  ORGANISATION,
  penaltyItem,
  registerLead,
  step,
} from '../helpers/cases';

/** A second organisation whose name also contains 示例, with a valid credit code of its own. */
const SECOND_CREDIT_CODE = '91630102MA7N3Q2K4H';
const SHOP = {
  kind: 'other_organisation',
  name: '西宁示例超市',
  creditCode: SECOND_CREDIT_CODE,
} as const;

interface CaseItem {
  id: string;
  stage: string;
  clocks: { name: string; state: string }[];
}

/** Every page of a listing, following nextCursor; fails on a repeated case. */
async function allPages(client: Agent, query: string, limit: number) {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i += 1) {
    const sep = query ? '&' : '';
    const url: string = `/v1/cases?${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await client.get(url).expect(200);
    const items = res.body.items as CaseItem[];
    expect(items.length).toBeLessThanOrEqual(limit);
    pages.push(items.length);
    ids.push(...items.map((c) => c.id));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  expect(new Set(ids).size).toBe(ids.length);
  return { ids, pages };
}

async function listIds(t: TestApp, query: string): Promise<string[]> {
  const res = await t.as('officer').get(`/v1/cases?${query}`).expect(200);
  expect(res.body.nextCursor).toBeNull();
  return (res.body.items as CaseItem[]).map((c) => c.id);
}

describe('GET /v1/cases filters', () => {
  let t: TestApp;
  let itemA: string;
  let itemB: string;
  let unit1: string;
  let unit2: string;
  /** lead (unit 1, item A, the organisation, officer + unit head assigned) */
  let a: string;
  /** filed 2025-03-10, major (unit 1, item A, 张三) */
  let b: string;
  /** filed 2025-04-15 (unit 2, item B, the organisation and 西宁示例超市) */
  let c: string;
  /** declined lead, no officers, no unit */
  let d: string;
  /** filed 2025-05-06, major (unit 2, item B, 王五, officer + supervisor) */
  let e: string;

  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date('2025-06-30T04:00:00Z') });
    itemA = await penaltyItem(t, 'LIST-A');
    itemB = await penaltyItem(t, 'LIST-B', { later: true });
    const units = await t.as('admin').get(`/v1/agencies/${t.agencyId}/units`).expect(200);
    [unit1, unit2] = (units.body.items as { id: string }[]).map((u) => u.id) as [string, string];

    const lead = await registerLead(t, { powerItemId: itemA, unitId: unit1, parties: [ORGANISATION] });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    a = lead.id;
    b = (
      await fileCase(t, itemA, {
        lead: { unitId: unit1, parties: [NATURAL_PERSON], major: true },
        filedOn: '2025-03-10',
      })
    ).id;
    c = (
      await fileCase(t, itemB, {
        lead: { unitId: unit2, parties: [ORGANISATION, SHOP], receivedOn: '2025-04-07' },
        filedOn: '2025-04-15',
      })
    ).id;
    const declined = await registerLead(t, { parties: [NATURAL_PERSON] });
    await step(t, declined.id, 'decline-filing', {
      on: '2025-03-05',
      approverId: t.bureau.officers.bureau_head,
      reason: 'no_violation',
      detail: '经核查，未发现违法事实',
    });
    d = declined.id;
    const other = await registerLead(t, {
      powerItemId: itemB,
      unitId: unit2,
      major: true,
      receivedOn: '2025-04-28',
      parties: [{ kind: 'natural_person', name: '王五', residentId: '630102199001011235' }],
    });
    await step(t, other.id, 'assign-officers', {
      on: '2025-04-28',
      officerIds: [t.bureau.officers.officer, t.bureau.officers.supervisor],
    });
    await step(t, other.id, 'file', {
      on: '2025-05-06',
      approverId: t.bureau.officers.bureau_head,
      limitationBasis: 'two_years',
    });
    e = other.id;
  });
  afterAll(() => t.close());

  it('lists every case of the agency, oldest first, without a filter', async () => {
    expect(await listIds(t, '')).toEqual([a, b, c, d, e]);
  });

  it('filters by one stage, or several with the parameter repeated', async () => {
    expect(await listIds(t, 'stage=lead')).toEqual([a]);
    expect(await listIds(t, 'stage=investigation')).toEqual([b, c, e]);
    expect(await listIds(t, 'stage=lead&stage=declined')).toEqual([a, d]);
    expect(await listIds(t, 'stage=lead&stage=lead')).toEqual([a]);
    expect(await listIds(t, 'stage=decided')).toEqual([]);
  });

  it('filters by handling unit', async () => {
    expect(await listIds(t, `unitId=${unit1}`)).toEqual([a, b]);
    expect(await listIds(t, `unitId=${unit2}`)).toEqual([c, e]);
  });

  it('filters by assigned officer (承办人员)', async () => {
    const { officer, unit_head, supervisor, bureau_head } = t.bureau.officers;
    expect(await listIds(t, `officerId=${officer}`)).toEqual([a, b, c, e]);
    expect(await listIds(t, `officerId=${unit_head}`)).toEqual([a, b, c]);
    expect(await listIds(t, `officerId=${supervisor}`)).toEqual([e]);
    expect(await listIds(t, `officerId=${bureau_head}`)).toEqual([]);
  });

  it('filters by party: a name substring, or an exact credit code', async () => {
    expect(await listIds(t, `party=${encodeURIComponent('示例食品')}`)).toEqual([a, c]);
    // Two parties of c match: c is still listed once.
    expect(await listIds(t, `party=${encodeURIComponent('示例')}`)).toEqual([a, c]);
    expect(await listIds(t, `party=${encodeURIComponent('张')}`)).toEqual([b, d]);
    expect(await listIds(t, `party=${encodeURIComponent('西宁示例超市')}`)).toEqual([c]);
    expect(await listIds(t, `party=${CREDIT_CODE}`)).toEqual([a, c]);
    expect(await listIds(t, `party=${SECOND_CREDIT_CODE.toLowerCase()}`)).toEqual([c]);
    // Part of a credit code is not a code: it is looked for in names, and matches none.
    expect(await listIds(t, `party=${CREDIT_CODE.slice(0, 9)}`)).toEqual([]);
    // LIKE wildcards are literal.
    expect(await listIds(t, `party=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await listIds(t, `party=${encodeURIComponent('_')}`)).toEqual([]);
  });

  it('filters by penalty item', async () => {
    expect(await listIds(t, `powerItemId=${itemA}`)).toEqual([a, b]);
    expect(await listIds(t, `powerItemId=${itemB}`)).toEqual([c, e]);
  });

  it('filters by filing date, both ends inclusive; leads and declined leads have none', async () => {
    expect(await listIds(t, 'filedFrom=2025-04-01')).toEqual([c, e]);
    expect(await listIds(t, 'filedTo=2025-03-31')).toEqual([b]);
    expect(await listIds(t, 'filedFrom=2025-03-10&filedTo=2025-04-15')).toEqual([b, c]);
    expect(await listIds(t, 'filedFrom=2025-04-15&filedTo=2025-04-15')).toEqual([c]);
    expect(await listIds(t, 'filedFrom=2025-03-11&filedTo=2025-04-14')).toEqual([]);
  });

  it('filters by the major flag (重大案件)', async () => {
    expect(await listIds(t, 'major=true')).toEqual([b, e]);
    expect(await listIds(t, 'major=false')).toEqual([a, c, d]);
  });

  it('combines filters: every one must match', async () => {
    expect(await listIds(t, `stage=investigation&major=true&unitId=${unit2}`)).toEqual([e]);
    expect(await listIds(t, `party=${encodeURIComponent('示例')}&stage=lead`)).toEqual([a]);
    expect(await listIds(t, `officerId=${t.bureau.officers.unit_head}&powerItemId=${itemB}`)).toEqual([c]);
    expect(
      await listIds(t, `party=${CREDIT_CODE}&filedFrom=2025-04-01&officerId=${t.bureau.officers.officer}`),
    ).toEqual([c]);
    expect(await listIds(t, `stage=lead&stage=investigation&major=false&unitId=${unit1}`)).toEqual([a]);
    expect(await listIds(t, `major=true&powerItemId=${itemA}&filedFrom=2025-04-01`)).toEqual([]);
  });

  it('pages through a filtered list without duplicates or gaps', async () => {
    const { officer } = t.bureau.officers;
    for (const limit of [1, 2, 3]) {
      expect((await allPages(t.as('officer'), `officerId=${officer}`, limit)).ids).toEqual([a, b, c, e]);
      expect((await allPages(t.as('officer'), 'stage=investigation&stage=declined', limit)).ids).toEqual([
        b,
        c,
        d,
        e,
      ]);
      expect((await allPages(t.as('officer'), `party=${encodeURIComponent('示例')}`, limit)).ids).toEqual([
        a,
        c,
      ]);
    }
    const pages = await allPages(t.as('officer'), 'major=false', 2);
    expect(pages.ids).toEqual([a, c, d]);
    expect(pages.pages).toEqual([2, 1]);
    expect((await allPages(t.as('officer'), '', 2)).ids).toEqual([a, b, c, d, e]);
  });

  it('answers each item with its clocks, as GET /v1/cases/{id} does', async () => {
    const res = await t.as('officer').get(`/v1/cases?stage=investigation&limit=1`).expect(200);
    const single = await t.as('officer').get(`/v1/cases/${b}`).expect(200);
    expect(res.body.items).toEqual([single.body]);
  });

  it('rejects bad queries with 400 problems pointing at the parameter', async () => {
    const officer = t.as('officer');
    const problem = async (query: string, pointer: string, code = 'VALIDATION_FAILED') => {
      const res = await officer.get(`/v1/cases?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe(code);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ in: 'querystring', pointer })]),
      );
      return res.body;
    };
    const range = await problem('filedFrom=2025-05-01&filedTo=2025-04-30', '/filedFrom');
    expect(range.errors[0].message).toContain('2025-04-30');
    await problem('colour=red', '/colour');
    await problem('stage=bogus', '/stage/0');
    // Several stages are repeated parameters, not a comma-separated list.
    await problem('stage=lead,review', '/stage/0');
    await problem('overdue=maybe', '/overdue');
    await problem('major=1x', '/major');
    await problem('unitId=not-a-uuid', '/unitId');
    await problem('officerId=123', '/officerId');
    await problem('powerItemId=x', '/powerItemId');
    await problem('filedFrom=2025-13-01', '/filedFrom');
    await problem('filedTo=25-01-01', '/filedTo');
    await problem('party=', '/party');
    await problem(`party=${encodeURIComponent('   ')}`, '/party');
    await problem('limit=0', '/limit');
    await problem('cursor=bm90LWEtY3Vyc29y', '/cursor', 'INVALID_CURSOR');
  });

  it('shows another bureau none of these cases, whatever the filter', async () => {
    const north = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    const viewer = north.as('officer');
    const created = await viewer
      .post('/v1/cases')
      .send({
        source: 'inspection',
        receivedOn: '2025-03-03',
        summary: '检查发现同一企业超范围经营',
        parties: [ORGANISATION],
      })
      .expect(201);
    const ids = async (query: string) =>
      ((await viewer.get(`/v1/cases?${query}`).expect(200)).body.items as CaseItem[]).map((x) => x.id);
    expect(await ids('')).toEqual([created.body.id]);
    expect(await ids(`party=${CREDIT_CODE}`)).toEqual([created.body.id]);
    expect(await ids('stage=investigation')).toEqual([]);
    expect(await ids(`officerId=${t.bureau.officers.officer}`)).toEqual([]);
    expect(await ids(`unitId=${unit1}`)).toEqual([]);
    expect(await ids(`powerItemId=${itemA}`)).toEqual([]);
    expect(await ids('major=true')).toEqual([]);
    expect(await ids('overdue=true')).toEqual([created.body.id]);
    // A cursor from the demo bureau's listing does not open its cases to another bureau.
    const page = await t.as('officer').get('/v1/cases?limit=1').expect(200);
    const next = await viewer.get(`/v1/cases?cursor=${page.body.nextCursor}`).expect(200);
    expect(next.body.items.map((x: CaseItem) => x.id)).toEqual([created.body.id]);
    // And the demo bureau does not see the other bureau's case with the same party.
    expect(await listIds(t, `party=${CREDIT_CODE}`)).toEqual([a, c]);
  });
});

describe('GET /v1/cases?overdue=', () => {
  let t: TestApp;
  let clock = new Date('2025-03-05T04:00:00Z');
  const at = (date: string) => {
    clock = new Date(`${date}T04:00:00Z`);
  };
  /** lead received Mon 2025-03-03: filing decision due 2025-03-24 (15 WD, PPR art. 18) */
  let x: string;
  /** lead received Tue 2025-03-04: due 2025-03-25 */
  let y: string;
  /** filed 2025-03-05: filing clock completed, decision clock (90 d) due 2025-06-03 */
  let z: string;
  /** declined on 2025-03-05: final, every clock completed */
  let w: string;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const item = await penaltyItem(t, 'LIST-OVERDUE');
    x = (await registerLead(t, { receivedOn: '2025-03-03' })).id;
    y = (await registerLead(t, { receivedOn: '2025-03-04' })).id;
    z = (await fileCase(t, item, { filedOn: '2025-03-05' })).id;
    const declined = await registerLead(t, { receivedOn: '2025-03-03' });
    await step(t, declined.id, 'decline-filing', {
      on: '2025-03-05',
      approverId: t.bureau.officers.bureau_head,
      reason: 'minor_corrected_no_harm',
      detail: '当场改正，未造成危害后果',
    });
    w = declined.id;
  });
  afterAll(() => t.close());

  /** Lists a filter's items, checking each against the clocks it is shown with. */
  async function overdue(value: boolean, extra = '') {
    const res = await (await asOfNow(t, 'officer')).get(`/v1/cases?overdue=${value}${extra}`).expect(200);
    for (const item of res.body.items as CaseItem[]) {
      expect(item.clocks.some((k) => k.state === 'overdue')).toBe(value);
    }
    return (res.body.items as CaseItem[]).map((c) => c.id);
  }

  it('finds nothing overdue while every clock runs', async () => {
    at('2025-03-05');
    expect(await overdue(true)).toEqual([]);
    expect(await overdue(false)).toEqual([x, y, z, w]);
  });

  it('follows the clock: a case is overdue the day after its due date, not on it', async () => {
    at('2025-03-24');
    expect(await overdue(true)).toEqual([]);
    at('2025-03-25');
    expect(await overdue(true)).toEqual([x]);
    expect(await overdue(false)).toEqual([y, z, w]);
    const lead = await (await asOfNow(t, 'officer')).get(`/v1/cases/${x}`).expect(200);
    expect(lead.body.clocks).toEqual([
      expect.objectContaining({ name: 'filing_decision', dueDate: '2025-03-24', state: 'overdue' }),
    ]);
    at('2025-03-26');
    expect(await overdue(true)).toEqual([x, y]);
    expect(await overdue(false)).toEqual([z, w]);
  });

  it('counts the decision clock, and never a final case', async () => {
    at('2025-06-03');
    expect(await overdue(true)).toEqual([x, y]);
    at('2025-06-04');
    expect(await overdue(true)).toEqual([x, y, z]);
    expect(await overdue(false)).toEqual([w]);
    expect(await overdue(true, '&stage=declined')).toEqual([]);
    expect(await overdue(false, '&stage=declined&stage=lead')).toEqual([w]);
  });

  it('combines with the SQL filters', async () => {
    at('2025-06-04');
    expect(await overdue(true, '&stage=lead')).toEqual([x, y]);
    expect(await overdue(true, '&stage=investigation')).toEqual([z]);
    expect(await overdue(true, '&filedFrom=2025-03-01')).toEqual([z]);
    expect(await overdue(true, `&officerId=${t.bureau.officers.officer}`)).toEqual([z]);
    expect(await overdue(false, `&party=${encodeURIComponent('示例食品')}`)).toEqual([w]);
    expect(await overdue(true, '&major=true')).toEqual([]);
  });

  it('pages through overdue and not-overdue cases without duplicates or gaps', async () => {
    at('2025-03-26');
    for (const limit of [1, 2]) {
      expect((await allPages(await asOfNow(t, 'officer'), 'overdue=true', limit)).ids).toEqual([x, y]);
      expect((await allPages(await asOfNow(t, 'officer'), 'overdue=false', limit)).ids).toEqual([z, w]);
    }
    at('2025-06-04');
    const walk = await allPages(await asOfNow(t, 'officer'), 'overdue=true', 2);
    expect(walk.ids).toEqual([x, y, z]);
    expect(walk.pages).toEqual([2, 1]);
    // A cursor taken under one clock stays valid when the clock moves on.
    at('2025-03-26');
    const first = await (await asOfNow(t, 'officer')).get('/v1/cases?overdue=true&limit=1').expect(200);
    expect(first.body.items.map((c: CaseItem) => c.id)).toEqual([x]);
    at('2025-06-04');
    const rest = await (await asOfNow(t, 'officer'))
      .get(`/v1/cases?overdue=true&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(rest.body.items.map((c: CaseItem) => c.id)).toEqual([y, z]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('bounds the cases one request checks: a short page, and a cursor that carries on', async () => {
    // 1,100 fresh leads (not overdue) between the overdue cases and one more overdue lead: more than
    // one request checks (1,000), so the first page stops short and the next one finds the rest.
    at('2025-06-04');
    const now = new Date('2025-06-04T04:00:00Z');
    const fillers = Array.from({ length: 1100 }, () => ({
      agencyId: t.agencyId,
      id: newId(),
      stage: 'lead',
      source: 'complaint',
      receivedOn: '2025-06-03',
      summary: '批量线索',
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < fillers.length; i += 500) {
      await t.app.database.db.insert(cases).values(fillers.slice(i, i + 500));
    }
    at('2025-03-05'); // the helper's token was minted then
    const late = (await registerLead(t, { receivedOn: '2025-03-03' })).id;
    at('2025-06-04');
    const client = await asOfNow(t, 'officer');
    const first = await client.get('/v1/cases?overdue=true&limit=10').expect(200);
    expect(first.body.items.map((c: CaseItem) => c.id)).toEqual([x, y, z]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await client
      .get(`/v1/cases?overdue=true&limit=10&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.items.map((c: CaseItem) => c.id)).toEqual([late]);
    expect(second.body.nextCursor).toBeNull();
    expect((await allPages(client, 'overdue=true', 2)).ids).toEqual([x, y, z, late]);
  });
});

describe('GET /v1/cases?overdue= with compulsory measures', () => {
  let t: TestApp;
  let clock = new Date('2025-03-10T04:00:00Z');
  const at = (date: string) => {
    clock = new Date(`${date}T04:00:00Z`);
  };
  /** terminated on 2025-03-11 with its seizure (due 2025-04-09) still in force */
  let kept: string;
  /** under investigation, its seizure released on 2025-03-11 */
  let released: string;
  /** terminated on 2025-03-11 in review, before its case review (due 2025-03-25) was done */
  let reviewing: string;

  async function seize(caseId: string) {
    const res = await (await asOfNow(t, 'officer')).post(`/v1/cases/${caseId}/measures`).send({
      kind: 'seizure',
      items: '涉案熟食制品 20 公斤',
      startedAt: '2025-03-10T03:00:00Z',
      officerIds: investigators(t),
      avRecorded: true,
      approval: 'prior',
      approverId: t.bureau.officers.bureau_head,
      approvedAt: '2025-03-10T02:30:00Z',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const item = await penaltyItem(t, 'LIST-MEASURES');
    kept = (await fileCase(t, item)).id;
    released = (await fileCase(t, item)).id;
    await seize(kept);
    const other = await seize(released);
    reviewing = (await fileCase(t, item)).id;
    await (await asOfNow(t, 'officer'))
      .post(`/v1/cases/${reviewing}/evidence`)
      .send({
        kind: 'inspection_record',
        description: '现场检查笔录',
        collectedOn: '2025-03-10',
        collectedBy: investigators(t),
        avRecorded: true,
      })
      .expect(201);
    at('2025-03-11');
    const officer = await asOfNow(t, 'officer');
    await officer
      .post(`/v1/cases/${reviewing}/actions/conclude-investigation`)
      .send({ on: '2025-03-11', findings: '事实清楚', penalties: [{ type: 'warning' }] })
      .expect(200);
    await officer
      .post(`/v1/cases/${reviewing}/actions/terminate`)
      .send({ on: '2025-03-11', approverId: t.bureau.officers.bureau_head, reason: '当事人死亡，终止调查' })
      .expect(200);
    // The terminated case is closed (结案) at once, so no closure clock runs on it. (A case with a
    // seizure still in force could not be closed: MEASURES_IN_FORCE.)
    for (const id of [reviewing]) {
      await officer
        .post(`/v1/cases/${id}/actions/close`)
        .send({
          on: '2025-03-11',
          approverId: t.bureau.officers.bureau_head,
          reason: 'terminated',
          detail: '终止调查，结案',
        })
        .expect(200);
    }
    await officer
      .post(`/v1/cases/${released}/measures/${other}/actions/release`)
      .send({ on: '2025-03-11', reason: 'other', note: '已抽样取证' })
      .expect(200);
  });
  afterAll(() => t.close());

  async function ids(query: string) {
    const res = await (await asOfNow(t, 'officer')).get(`/v1/cases?${query}`).expect(200);
    return (res.body.items as CaseItem[]).map((c) => c.id);
  }

  it('counts the clock of a measure still in force', async () => {
    at('2025-04-09');
    expect(await ids('overdue=true')).toEqual([]);
    at('2025-04-10');
    expect(await ids('overdue=true')).toEqual([kept]);
    expect(await ids('overdue=true&stage=investigation')).toEqual([kept]);
    expect(await ids('overdue=true&stage=closed')).toEqual([]);
    expect(await ids('overdue=false')).toEqual([released, reviewing]);
    const shown = await (await asOfNow(t, 'officer')).get(`/v1/cases/${kept}`).expect(200);
    expect(shown.body.stage).toBe('investigation');
    expect(shown.body.clocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'compulsory_measure', dueDate: '2025-04-09', state: 'overdue' }),
      ]),
    );
    expect(
      (shown.body.clocks as { name: string; state: string }[])
        .filter((k) => k.name !== 'compulsory_measure')
        .map((k) => k.state),
    ).not.toContain('overdue');
  });

  it('stops the review clock of a case terminated in review: it is never overdue', async () => {
    at('2025-04-10');
    const shown = await (await asOfNow(t, 'officer')).get(`/v1/cases/${reviewing}`).expect(200);
    expect(shown.body.stage).toBe('closed');
    expect(shown.body.clocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'case_review', dueDate: '2025-03-25', state: 'completed' }),
        expect.objectContaining({ name: 'decision', state: 'completed' }),
      ]),
    );
    expect(await ids('overdue=false&stage=closed')).toEqual([reviewing]);
  });
});

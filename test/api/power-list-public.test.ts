/**
 * The published power list (权责清单公示): no authentication, only items in force, and none of the
 * internal fields (notes, record ids, version bookkeeping).
 */
import { newId } from '../../src/db/columns';
import type { PowerItemData } from '../../src/modules/power-list/power-item.schemas';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let unit: { id: string; name: string };
const ids: string[] = [];
let adjustmentIds: string[] = [];

const PUBLIC_KEYS = [
  'accountability',
  'benchmarks',
  'category',
  'categoryName',
  'code',
  'effectiveFrom',
  'exercisingUnits',
  'legalBasis',
  'level',
  'name',
  'responsibilities',
  'subItems',
];

function item(code: string, name: string, overrides: Partial<PowerItemData> = {}): PowerItemData {
  return {
    code,
    name,
    subItems: [],
    category: 'penalty',
    legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
    exercisingUnitIds: [unit.id],
    level: 'county',
    responsibilities: { decision: ['依法作出处罚决定'] },
    accountability: ['不履行或者不正确履行行政职责的'],
    benchmarks: [
      {
        id: 'B1',
        violation: '生产经营不符合食品安全标准的食品',
        basis: 'goods_value_multiple',
        legalRange: { min: 10, max: 20 },
        tiers: [{ tier: 'normal', min: 10, max: 20, conditions: [] }],
      },
    ],
    internalNotes: '内部备注：仅供本局参考',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const units = (await t.http.get(`/v1/agencies/${t.agencyId}/units`).expect(200)).body.items;
  unit = units[1];
  const reviewer = t.as('legal_reviewer');
  const base = {
    trigger: 'law_change',
    documentNumber: '东市监发〔2024〕15号',
    approvedBy: '局务会',
    laws: ['中华人民共和国食品安全法'],
  };
  const first = await reviewer
    .post('/v1/power-list/adjustments')
    .send({
      ...base,
      effectiveOn: '2024-03-01',
      changes: [
        { type: 'add', item: item('GS-01', '对生产经营不符合食品安全标准的食品的处罚') },
        { type: 'add', item: item('GS-02', '对未取得许可从事食品生产经营活动的处罚') },
        {
          type: 'add',
          item: item('GS-03', '对计量器具的监督检查', { category: 'inspection', benchmarks: [] }),
        },
      ],
    })
    .expect(201);
  ids.push(...first.body.changes.map((c: { itemId: string }) => c.itemId));
  const second = await reviewer
    .post('/v1/power-list/adjustments')
    .send({
      ...base,
      effectiveOn: '2024-09-01',
      changes: [{ type: 'cancel', itemId: ids[1], reason: '法律修改，事项取消' }],
    })
    .expect(201);
  adjustmentIds = [first.body.id, second.body.id];
});
afterAll(() => t.close());

const published = (query: string) => t.anonymous.get(`/v1/public/power-items?agencyId=${t.agencyId}${query}`);

it('needs no credentials and shows the items in force, without the cancelled one', async () => {
  const res = await published('').expect(200);
  expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(['GS-01', 'GS-03']);
  expect(res.body.nextCursor).toBeNull();
});

it('exposes exactly the published fields and no internal ones', async () => {
  const res = await published('').expect(200);
  for (const published of res.body.items) expect(Object.keys(published).sort()).toEqual(PUBLIC_KEYS);
  expect(res.body.items[0]).toMatchObject({
    code: 'GS-01',
    category: 'penalty',
    categoryName: '行政处罚',
    exercisingUnits: [unit.name],
    effectiveFrom: '2024-03-01',
  });
  expect(res.body.items[0].benchmarks).toHaveLength(1);
  const text = res.text;
  expect(text).not.toContain('内部备注');
  expect(text).not.toContain('internalNotes');
  expect(text).not.toContain('exercisingUnitIds');
  for (const id of [...ids, ...adjustmentIds, unit.id]) expect(text).not.toContain(id);
});

it('reads the published list as of a past date, never a future one', async () => {
  const before = await published('&asOf=2024-06-01').expect(200);
  expect(before.body.items.map((i: { code: string }) => i.code)).toEqual(['GS-01', 'GS-02', 'GS-03']);
  expect((await published('&asOf=2024-01-01').expect(200)).body.items).toEqual([]);
  const future = await published('&asOf=2099-01-01');
  expect(future.status).toBe(400);
  expect(future.body.errors[0].pointer).toBe('/asOf');
});

it('searches and filters', async () => {
  const q = await published(`&q=${encodeURIComponent('计量')}`).expect(200);
  expect(q.body.items.map((i: { code: string }) => i.code)).toEqual(['GS-03']);
  const category = await published('&category=penalty').expect(200);
  expect(category.body.items.map((i: { code: string }) => i.code)).toEqual(['GS-01']);
  expect((await published('&category=fine')).status).toBe(400);
});

it('pages by code', async () => {
  const page = await published('&limit=1').expect(200);
  expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(['GS-01']);
  const next = await published(`&limit=1&cursor=${page.body.nextCursor}`).expect(200);
  expect(next.body.items.map((i: { code: string }) => i.code)).toEqual(['GS-03']);
  expect(next.body.nextCursor).toBeNull();
});

it('answers 404 for an unknown agency and 400 without one', async () => {
  const unknown = await t.anonymous.get(`/v1/public/power-items?agencyId=${newId()}`);
  expect(unknown.status).toBe(404);
  expect(unknown.body.code).toBe('NOT_FOUND');
  expect((await t.anonymous.get('/v1/public/power-items')).status).toBe(400);
  expect((await t.anonymous.get('/v1/public/power-items?agencyId=东')).status).toBe(400);
});

it('shows only the named agency’s list', async () => {
  const other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  const res = await t.anonymous.get(`/v1/public/power-items?agencyId=${other.agencyId}`).expect(200);
  expect(res.body.items).toEqual([]);
});

it('is documented as public in OpenAPI', async () => {
  const doc = (await t.anonymous.get('/openapi.json').expect(200)).body;
  const operation = doc.paths['/v1/public/power-items'].get;
  expect(operation.security).toEqual([]);
  expect(operation.tags).toEqual(['public']);
});

/**
 * The power and responsibility list (权责清单): validation of every field, atomic dynamic
 * adjustments (动态调整), the list as of any date, history, Chinese search, filters, counts, the
 * yearly adjustment figures, agency isolation and who may adjust.
 */
import { count, eq } from 'drizzle-orm';
import { newId } from '../../src/db/columns';
import { auditEvents, powerItems, powerItemVersions, powerListAdjustments } from '../../src/db/schema';
import { ROLE_NAMES } from '../../src/domain/access/roles';
import type { PowerItemData } from '../../src/modules/power-list/power-item.schemas';
import * as powerList from '../../src/modules/power-list/power-list.service';
import { type Agent, createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let units: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  units = (await t.http.get(`/v1/agencies/${t.agencyId}/units`).expect(200)).body.items;
});
afterAll(() => t.close());

const FOOD_SAFETY_LAW = '中华人民共和国食品安全法';
const PRODUCT_QUALITY_LAW = '中华人民共和国产品质量法';

type ItemOverrides = Partial<PowerItemData>;

/** A penalty item of the Food Safety Law with one benchmark; overrides replace whole members. */
function penaltyItem(code: string, overrides: ItemOverrides = {}): PowerItemData {
  return {
    code,
    name: '对生产经营不符合食品安全标准的食品的处罚',
    subItems: [],
    category: 'penalty',
    legalBasis: [
      {
        law: FOOD_SAFETY_LAW,
        article: '第一百二十四条',
        text: '生产经营致病性微生物……超过食品安全标准限量的食品……',
      },
    ],
    exercisingUnitIds: [],
    level: 'county',
    responsibilities: { filing: ['对发现的违法行为依法立案'], decision: ['依法作出处罚决定'] },
    accountability: ['不履行或者不正确履行行政职责的'],
    benchmarks: [
      {
        id: 'B1',
        violation: '生产经营不符合食品安全标准的食品',
        basis: 'goods_value_multiple',
        legalRange: { min: 10, max: 20 },
        tiers: [
          { tier: 'lenient', min: 10, max: 13, conditions: ['货值金额较小'] },
          { tier: 'normal', min: 13, max: 17, conditions: [] },
          { tier: 'heavy', min: 17, max: 20, conditions: ['造成危害后果'] },
        ],
        smallValue: { below: 10000, min: 50000, max: 100000 },
      },
    ],
    ...overrides,
  } as PowerItemData;
}

function otherItem(code: string, category: PowerItemData['category'], overrides: ItemOverrides = {}) {
  return penaltyItem(code, {
    category,
    name: `${code} 的事项`,
    benchmarks: [],
    legalBasis: [{ law: '中华人民共和国计量法', article: '第十八条' }],
    ...overrides,
  });
}

interface Adjustment {
  effectiveOn?: string;
  trigger?: string;
  documentNumber?: string;
  approvedBy?: string;
  laws?: string[];
  summary?: string;
  changes: unknown[];
}

function adjustmentBody(body: Adjustment) {
  return {
    effectiveOn: '2024-03-01',
    trigger: 'law_change',
    documentNumber: '东市监发〔2024〕15号',
    approvedBy: '局务会',
    laws: [FOOD_SAFETY_LAW],
    ...body,
  };
}

function adjust(body: Adjustment, as: Agent = t.as('legal_reviewer')) {
  return as.post('/v1/power-list/adjustments').send(adjustmentBody(body));
}

const add = (item: PowerItemData) => ({ type: 'add', item });

let bureauSerial = 0;
const REGIONS = ['630103', '630104', '630105', '630106', '630121', '630123', '630122', '632221', '632222'];

/** A fresh bureau whose list starts empty, with its units. */
async function freshBureau() {
  const region = REGIONS[bureauSerial++] ?? '630123';
  const bureau = await t.seedBureau({
    name: `测试${region}市场监督管理局`,
    code: `测${region}`,
    regionCode: region,
  });
  const admin = bureau.as('admin');
  const unitList: { id: string; name: string }[] = (
    await admin.get(`/v1/agencies/${bureau.agencyId}/units`).expect(200)
  ).body.items;
  return { bureau, admin, reviewer: bureau.as('legal_reviewer'), units: unitList };
}

const codesOf = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code);

// ---------------------------------------------------------------------------------------------------

describe('validation of the adjustment body (400)', () => {
  const cases: [string, (item: Record<string, unknown>) => Adjustment, string][] = [
    [
      'an unknown category',
      (i) => ({ changes: [add({ ...i, category: 'fine' } as never)] }),
      '/changes/0/item/category',
    ],
    [
      'an empty legal basis',
      (i) => ({ changes: [add({ ...i, legalBasis: [] } as never)] }),
      '/changes/0/item/legalBasis',
    ],
    [
      'a legal basis without a law',
      (i) => ({ changes: [add({ ...i, legalBasis: [{ article: '第一条' }] } as never)] }),
      '/changes/0/item/legalBasis/0/law',
    ],
    [
      'a code with spaces',
      (i) => ({ changes: [add({ ...i, code: 'CF 001' } as never)] }),
      '/changes/0/item/code',
    ],
    ['an empty name', (i) => ({ changes: [add({ ...i, name: '' } as never)] }), '/changes/0/item/name'],
    [
      'an unknown level',
      (i) => ({ changes: [add({ ...i, level: 'national' } as never)] }),
      '/changes/0/item/level',
    ],
    [
      'an unknown responsibility stage',
      (i) => ({ changes: [add({ ...i, responsibilities: { appeal: ['x'] } } as never)] }),
      '/changes/0/item/responsibilities/appeal',
    ],
    [
      'a unit id that is not a UUID',
      (i) => ({ changes: [add({ ...i, exercisingUnitIds: ['法规科'] } as never)] }),
      '/changes/0/item/exercisingUnitIds/0',
    ],
    [
      'an unknown tier',
      (i) => ({
        changes: [
          add({
            ...i,
            benchmarks: [
              {
                ...(i.benchmarks as Record<string, unknown>[])[0],
                tiers: [{ tier: 'extreme', min: 1, max: 2, conditions: [] }],
              },
            ],
          } as never),
        ],
      }),
      '/changes/0/item/benchmarks/0/tiers/0/tier',
    ],
    [
      'a negative amount',
      (i) => ({
        changes: [
          add({
            ...i,
            benchmarks: [
              { ...(i.benchmarks as Record<string, unknown>[])[0], legalRange: { min: -1, max: 2 } },
            ],
          } as never),
        ],
      }),
      '/changes/0/item/benchmarks/0/legalRange/min',
    ],
    [
      'an unknown item field',
      (i) => ({ changes: [add({ ...i, colour: 'red' } as never)] }),
      '/changes/0/item/colour',
    ],
    ['an unknown change field', (i) => ({ changes: [{ ...add(i as never), note: 'x' }] }), '/changes/0/note'],
    ['an unknown change type', (i) => ({ changes: [{ type: 'merge', item: i }] }), '/changes/0/type'],
    [
      'a modification without itemId',
      (i) => ({ changes: [{ type: 'modify', item: i }] }),
      '/changes/0/itemId',
    ],
    [
      'a cancellation without reason',
      () => ({ changes: [{ type: 'cancel', itemId: newId() }] }),
      '/changes/0/reason',
    ],
    ['no changes', () => ({ changes: [] }), '/changes'],
    [
      'an impossible date',
      (i) => ({ effectiveOn: '2024-02-30', changes: [add(i as never)] }),
      '/effectiveOn',
    ],
    ['an unknown trigger', (i) => ({ trigger: 'whim', changes: [add(i as never)] }), '/trigger'],
    [
      'an empty document number',
      (i) => ({ documentNumber: '', changes: [add(i as never)] }),
      '/documentNumber',
    ],
    [
      'an unknown top-level field',
      (i) => ({ changes: [add(i as never)], colour: 'red' }) as never,
      '/colour',
    ],
  ];

  it.each(cases)('refuses %s', async (_what, build, pointer) => {
    const res = await adjust(build(penaltyItem('V-001') as unknown as Record<string, unknown>));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('reports only the errors of the shape a change claims to be', async () => {
    const res = await adjust({ changes: [add({ ...penaltyItem('V-002'), category: 'fine' } as never)] });
    expect(res.status).toBe(400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).not.toContain('/changes/0/itemId');
    expect(pointers).not.toContain('/changes/0/reason');
  });

  it('missing defaulted members take their defaults', async () => {
    const { subItems, exercisingUnitIds, responsibilities, accountability, benchmarks, ...bare } = otherItem(
      'V-DEF-1',
      'licensing',
    );
    const res = await adjust({ changes: [add(bare as PowerItemData)] }).expect(201);
    const item = (
      await t.http.get(`/v1/power-items/${res.body.changes[0].itemId}?asOf=2024-03-01`).expect(200)
    ).body;
    expect(item).toMatchObject({
      subItems: [],
      exercisingUnitIds: [],
      exercisingUnits: [],
      accountability: [],
    });
    expect(item.benchmarks).toEqual([]);
  });
});

describe('rules on changes (422, nothing written)', () => {
  const refused = (res: { status: number; body: Record<string, unknown> }) => {
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'UNPROCESSABLE', reason: 'ADJUSTMENT_REFUSED' });
    return res.body.changeErrors as { change: number; pointer: string; reason: string; message: string }[];
  };

  it('refuses tiers outside the statutory range, and inverted ranges', async () => {
    const item = penaltyItem('R-001');
    const benchmark = item.benchmarks[0];
    if (!benchmark) throw new Error('fixture');
    const errors = refused(
      await adjust({
        changes: [
          add({
            ...item,
            benchmarks: [
              {
                ...benchmark,
                legalRange: { min: 10, max: 20 },
                tiers: [
                  { tier: 'lenient', min: 5, max: 12, conditions: [] },
                  { tier: 'normal', min: 15, max: 13, conditions: [] },
                  { tier: 'heavy', min: 17, max: 25, conditions: [] },
                ],
              },
            ],
          }),
        ],
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        change: 0,
        pointer: '/changes/0/item/benchmarks/0/tiers/0',
        reason: 'TIER_OUTSIDE_LEGAL_RANGE',
      }),
      expect.objectContaining({ pointer: '/changes/0/item/benchmarks/0/tiers/1', reason: 'RANGE_INVERTED' }),
      expect.objectContaining({
        pointer: '/changes/0/item/benchmarks/0/tiers/2',
        reason: 'TIER_OUTSIDE_LEGAL_RANGE',
      }),
    ]);
    const inverted = refused(
      await adjust({
        changes: [add({ ...item, benchmarks: [{ ...benchmark, legalRange: { min: 20, max: 10 } }] })],
      }),
    );
    expect(inverted[0]).toMatchObject({
      pointer: '/changes/0/item/benchmarks/0/legalRange',
      reason: 'RANGE_INVERTED',
    });
  });

  it('refuses benchmarks on an item that is not a penalty item', async () => {
    const errors = refused(
      await adjust({ changes: [add(penaltyItem('R-002', { category: 'inspection' }))] }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ pointer: '/changes/0/item/benchmarks', reason: 'BENCHMARKS_NOT_ALLOWED' }),
    ]);
  });

  it('refuses repeated benchmark ids and tiers', async () => {
    const item = penaltyItem('R-003');
    const b = item.benchmarks[0];
    if (!b) throw new Error('fixture');
    const errors = refused(
      await adjust({
        changes: [
          add({ ...item, benchmarks: [b, { ...b, tiers: [b.tiers[0], b.tiers[0]] as typeof b.tiers }] }),
        ],
      }),
    );
    expect(errors.map((e) => e.reason)).toEqual(['BENCHMARK_REPEATED', 'TIER_REPEATED']);
  });

  it('refuses an unknown unit and another agency’s unit', async () => {
    const other = await freshBureau();
    const errors = refused(
      await adjust({
        changes: [
          add(penaltyItem('R-004', { exercisingUnitIds: [newId()] })),
          add(penaltyItem('R-005', { exercisingUnitIds: [units[0]?.id ?? '', other.units[0]?.id ?? ''] })),
        ],
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        change: 0,
        pointer: '/changes/0/item/exercisingUnitIds/0',
        reason: 'UNKNOWN_UNIT',
      }),
      expect.objectContaining({
        change: 1,
        pointer: '/changes/1/item/exercisingUnitIds/1',
        reason: 'UNKNOWN_UNIT',
      }),
    ]);
  });

  it('refuses a unit dissolved on or before the effective date', async () => {
    const unit = (
      await t.http
        .post(`/v1/agencies/${t.agencyId}/units`)
        .send({ name: '已撤销所', kind: 'station' })
        .expect(201)
    ).body;
    await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unit.id}`)
      .set('if-match', '"1"')
      .send({ status: 'dissolved', dissolvedOn: '2024-01-01' })
      .expect(200);
    const errors = refused(
      await adjust({ changes: [add(penaltyItem('R-006', { exercisingUnitIds: [unit.id] }))] }),
    );
    expect(errors[0]).toMatchObject({ reason: 'UNIT_DISSOLVED' });
    // Before its dissolution the unit could exercise a power.
    await adjust({
      effectiveOn: '2023-06-01',
      changes: [add(penaltyItem('R-006', { exercisingUnitIds: [unit.id] }))],
    }).expect(201);
  });

  it('refuses a code already used, in the agency or earlier in the same adjustment', async () => {
    await adjust({ changes: [add(penaltyItem('R-010'))] }).expect(201);
    const errors = refused(
      await adjust({
        changes: [add(penaltyItem('R-011')), add(penaltyItem('R-010')), add(penaltyItem('R-011'))],
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ change: 1, pointer: '/changes/1/item/code', reason: 'CODE_TAKEN' }),
      expect.objectContaining({ change: 2, pointer: '/changes/2/item/code', reason: 'CODE_TAKEN' }),
    ]);
  });

  it('refuses modifications that change the code, change nothing, or name no item of the agency', async () => {
    const created = await adjust({ changes: [add(penaltyItem('R-020'))] }).expect(201);
    const itemId = created.body.changes[0].itemId;
    const errors = refused(
      await adjust({
        effectiveOn: '2024-04-01',
        changes: [
          { type: 'modify', itemId, item: penaltyItem('R-021') },
          { type: 'modify', itemId: newId(), item: penaltyItem('R-022') },
        ],
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ change: 0, pointer: '/changes/0/item/code', reason: 'CODE_CHANGED' }),
      expect.objectContaining({ change: 1, pointer: '/changes/1/itemId', reason: 'ITEM_NOT_FOUND' }),
    ]);
    const same = refused(
      await adjust({
        effectiveOn: '2024-04-01',
        changes: [{ type: 'modify', itemId, item: penaltyItem('R-020') }],
      }),
    );
    expect(same[0]).toMatchObject({ pointer: '/changes/0/item', reason: 'NOTHING_CHANGED' });
  });

  it('refuses an item twice in one adjustment, a cancelled item, and an adjustment out of date order', async () => {
    const created = await adjust({ changes: [add(penaltyItem('R-030')), add(penaltyItem('R-031'))] }).expect(
      201,
    );
    const [a, b] = created.body.changes.map((c: { itemId: string }) => c.itemId);
    const twice = refused(
      await adjust({
        effectiveOn: '2024-05-01',
        changes: [
          { type: 'modify', itemId: a, item: penaltyItem('R-030', { name: '新名称' }) },
          { type: 'cancel', itemId: a, reason: '法律废止' },
        ],
      }),
    );
    expect(twice).toEqual([
      expect.objectContaining({ change: 1, pointer: '/changes/1/itemId', reason: 'ITEM_REPEATED' }),
    ]);

    await adjust({
      effectiveOn: '2024-05-01',
      changes: [{ type: 'cancel', itemId: b, reason: '法律废止' }],
    }).expect(201);
    const cancelled = refused(
      await adjust({
        effectiveOn: '2024-06-01',
        changes: [{ type: 'delegate', itemId: b, reason: '下放', counterpart: '街道' }],
      }),
    );
    expect(cancelled[0]).toMatchObject({ pointer: '/changes/0/itemId', reason: 'ITEM_NOT_IN_FORCE' });

    const early = refused(
      await adjust({
        effectiveOn: '2024-02-01',
        changes: [{ type: 'modify', itemId: a, item: penaltyItem('R-030', { name: '更早的名称' }) }],
      }),
    );
    expect(early[0]).toMatchObject({ pointer: '/changes/0/itemId', reason: 'ADJUSTMENT_OUT_OF_ORDER' });
  });
});

describe('atomicity', () => {
  it('a batch with one refused change leaves the list, its versions and the audit trail untouched', async () => {
    const { bureau, reviewer, units: own } = await freshBureau();
    const unitId = own[0]?.id ?? '';
    const created = await adjust(
      {
        changes: [
          add(penaltyItem('A-001', { exercisingUnitIds: [unitId] })),
          add(penaltyItem('A-002', { exercisingUnitIds: [unitId] })),
        ],
      },
      reviewer,
    ).expect(201);
    const [first, second] = created.body.changes.map((c: { itemId: string }) => c.itemId);
    const db = t.app.database.db;
    const snapshot = async () => ({
      list: (await reviewer.get('/v1/power-items?status=all&asOf=2024-12-31').expect(200)).body,
      items: (
        await db.select({ n: count() }).from(powerItems).where(eq(powerItems.agencyId, bureau.agencyId))
      )[0]?.n,
      versions: await db
        .select()
        .from(powerItemVersions)
        .where(eq(powerItemVersions.agencyId, bureau.agencyId))
        .orderBy(powerItemVersions.itemId, powerItemVersions.versionNo),
      adjustments: (
        await db
          .select({ n: count() })
          .from(powerListAdjustments)
          .where(eq(powerListAdjustments.agencyId, bureau.agencyId))
      )[0]?.n,
      audit: (
        await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.chainId, bureau.agencyId))
      )[0]?.n,
    });
    const before = await snapshot();
    expect(before.versions).toHaveLength(2);

    const res = await adjust(
      {
        effectiveOn: '2024-09-01',
        changes: [
          {
            type: 'modify',
            itemId: first,
            item: penaltyItem('A-001', { name: '调整后的名称', exercisingUnitIds: [unitId] }),
          },
          { type: 'cancel', itemId: second, reason: '法律废止' },
          add(penaltyItem('A-003', { exercisingUnitIds: [unitId] })),
          add(penaltyItem('A-004', { category: 'licensing', exercisingUnitIds: [unitId] })),
        ],
      },
      reviewer,
    );
    expect(res.status).toBe(422);
    expect(res.body.changeErrors).toEqual([
      expect.objectContaining({
        change: 3,
        pointer: '/changes/3/item/benchmarks',
        reason: 'BENCHMARKS_NOT_ALLOWED',
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('concurrent adjustments', () => {
  it('apply one after the other to the same item, never overlapping its versions', async () => {
    const { reviewer, bureau } = await freshBureau();
    const created = await adjust({ changes: [add(penaltyItem('C-001'))] }, reviewer).expect(201);
    const itemId = created.body.changes[0].itemId;
    const results = await Promise.all(
      ['第一次调整', '第二次调整'].map((name) =>
        adjust(
          {
            effectiveOn: '2024-06-01',
            changes: [{ type: 'modify', itemId, item: penaltyItem('C-001', { name }) }],
          },
          reviewer,
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    const versions = await t.app.database.db
      .select()
      .from(powerItemVersions)
      .where(eq(powerItemVersions.agencyId, bureau.agencyId))
      .orderBy(powerItemVersions.versionNo);
    expect(versions.map((v) => [v.versionNo, v.validFrom, v.validTo])).toEqual([
      [1, '2024-03-01', '2024-06-01'],
      [2, '2024-06-01', '2024-06-01'],
      [3, '2024-06-01', null],
    ]);
  });

  it('let only one of two adds of the same code through', async () => {
    const { reviewer } = await freshBureau();
    const results = await Promise.all(
      [1, 2].map(() => adjust({ changes: [add(penaltyItem('C-002'))] }, reviewer)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const list = await reviewer.get('/v1/power-items?asOf=2024-03-01').expect(200);
    expect(codesOf(list)).toEqual(['C-002']);
  });
});

describe('the list as of a date, across two adjustments', () => {
  let reviewer: Agent;
  let agencyId: string;
  let food: string;
  let scale: string;
  const first = penaltyItem('X-001', { name: '对生产经营不符合食品安全标准的食品的处罚' });
  const second = penaltyItem('X-001', {
    name: '对生产经营不符合食品安全标准的食品、食品添加剂的处罚',
    subItems: ['对生产经营不符合食品安全标准的食品添加剂的处罚'],
  });
  let adjustments: string[] = [];

  beforeAll(async () => {
    const fresh = await freshBureau();
    reviewer = fresh.reviewer;
    agencyId = fresh.bureau.agencyId;
    const unitId = fresh.units[0]?.id ?? '';
    first.exercisingUnitIds = [unitId];
    second.exercisingUnitIds = [unitId];
    const one = await adjust(
      {
        effectiveOn: '2024-03-01',
        documentNumber: '测市监发〔2024〕3号',
        changes: [add(first), add(otherItem('X-002', 'inspection', { name: '对计量器具的监督检查' }))],
      },
      reviewer,
    ).expect(201);
    [food, scale] = one.body.changes.map((c: { itemId: string }) => c.itemId);
    const two = await adjust(
      {
        effectiveOn: '2024-09-01',
        documentNumber: '测市监发〔2024〕9号',
        laws: [FOOD_SAFETY_LAW, '中华人民共和国计量法'],
        changes: [
          { type: 'modify', itemId: food, item: second },
          { type: 'cancel', itemId: scale, reason: '计量法修正，该事项取消' },
        ],
      },
      reviewer,
    ).expect(201);
    adjustments = [one.body.id, two.body.id];
    expect(two.headers.location).toBe(`/v1/power-list/adjustments/${two.body.id}`);
  });

  it('is empty before the first adjustment', async () => {
    const res = await reviewer.get('/v1/power-items?asOf=2024-02-29&status=all').expect(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it('shows the first content between the adjustments, up to the day before the second', async () => {
    for (const asOf of ['2024-03-01', '2024-06-01', '2024-08-31']) {
      const res = await reviewer.get(`/v1/power-items?asOf=${asOf}`).expect(200);
      expect(codesOf(res)).toEqual(['X-001', 'X-002']);
      expect(res.body.items[0]).toMatchObject({
        id: food,
        name: first.name,
        status: 'in_force',
        effectiveFrom: '2024-03-01',
        effectiveTo: null,
        version: {
          number: 1,
          validFrom: '2024-03-01',
          validTo: '2024-09-01',
          changeType: 'add',
          adjustmentId: adjustments[0],
        },
      });
    }
  });

  it('shows the second content from the second adjustment on, and the cancelled item only on request', async () => {
    const res = await reviewer.get('/v1/power-items?asOf=2024-09-01').expect(200);
    expect(codesOf(res)).toEqual(['X-001']);
    expect(res.body.items[0]).toMatchObject({
      name: second.name,
      subItems: second.subItems,
      version: {
        number: 2,
        validFrom: '2024-09-01',
        validTo: null,
        changeType: 'modify',
        adjustmentId: adjustments[1],
      },
    });
    const all = await reviewer.get('/v1/power-items?asOf=2024-09-01&status=all').expect(200);
    expect(codesOf(all)).toEqual(['X-001', 'X-002']);
    expect(all.body.items[1]).toMatchObject({
      id: scale,
      status: 'cancelled',
      effectiveFrom: '2024-03-01',
      effectiveTo: '2024-09-01',
      version: { changeType: 'cancel' },
    });
    const cancelled = await reviewer.get('/v1/power-items?asOf=2024-09-01&status=cancelled').expect(200);
    expect(codesOf(cancelled)).toEqual(['X-002']);
  });

  it('reads today by default', async () => {
    const res = await reviewer.get('/v1/power-items').expect(200);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual([second.name]);
  });

  it('reads one item as of a date', async () => {
    const early = await reviewer.get(`/v1/power-items/${food}?asOf=2024-06-01`).expect(200);
    expect(early.body).toMatchObject({ id: food, code: 'X-001', name: first.name, version: { number: 1 } });
    expect(early.body.exercisingUnits).toEqual([
      { id: first.exercisingUnitIds[0], name: expect.any(String) },
    ]);
    const late = await reviewer.get(`/v1/power-items/${food}?asOf=2024-09-01`).expect(200);
    expect(late.body).toMatchObject({ name: second.name, version: { number: 2 } });
    const gone = await reviewer.get(`/v1/power-items/${scale}?asOf=2024-12-01`).expect(200);
    expect(gone.body.status).toBe('cancelled');
    const before = await reviewer.get(`/v1/power-items/${food}?asOf=2024-02-29`);
    expect(before.status).toBe(404);
    expect((await reviewer.get(`/v1/power-items/${newId()}`)).status).toBe(404);
  });

  it('answers the same through the service functions other modules call', async () => {
    const db = t.app.database.db;
    expect((await powerList.itemsAsOf(db, agencyId, '2024-02-29')).length).toBe(0);
    const june = await powerList.itemsAsOf(db, agencyId, '2024-06-01');
    expect(june.map((i) => i.name)).toEqual([first.name, '对计量器具的监督检查']);
    expect(
      await powerList.itemsAsOf(db, agencyId, '2024-10-01', { status: 'all', codes: ['X-002'] }),
    ).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect((await powerList.findItemAsOf(db, agencyId, food, '2024-09-01'))?.name).toBe(second.name);
    expect(await powerList.findItemAsOf(db, agencyId, food, '2024-01-01')).toBeUndefined();
    expect(await powerList.findItemAsOf(db, t.agencyId, food, '2024-09-01')).toBeUndefined();
  });

  it('keeps each item’s history with its adjustments and the content before and after', async () => {
    const res = await reviewer.get(`/v1/power-items/${food}/history`).expect(200);
    expect(res.body.itemId).toBe(food);
    expect(res.body.code).toBe('X-001');
    expect(res.body.versions).toHaveLength(2);
    const [v1, v2] = res.body.versions;
    expect(v1).toMatchObject({
      number: 1,
      validFrom: '2024-03-01',
      validTo: '2024-09-01',
      status: 'in_force',
      changeType: 'add',
      before: null,
      reason: null,
      adjustment: {
        id: adjustments[0],
        effectiveOn: '2024-03-01',
        trigger: 'law_change',
        documentNumber: '测市监发〔2024〕3号',
      },
    });
    expect(v1.after.name).toBe(first.name);
    expect(v2).toMatchObject({
      number: 2,
      changeType: 'modify',
      validTo: null,
      adjustment: { documentNumber: '测市监发〔2024〕9号' },
    });
    expect(v2.before.name).toBe(first.name);
    expect(v2.after.name).toBe(second.name);

    const cancelled = await reviewer.get(`/v1/power-items/${scale}/history`).expect(200);
    expect(cancelled.body.versions[1]).toMatchObject({
      status: 'cancelled',
      changeType: 'cancel',
      reason: '计量法修正，该事项取消',
      after: null,
    });
    expect(cancelled.body.versions[1].before.name).toBe('对计量器具的监督检查');
    expect((await reviewer.get(`/v1/power-items/${newId()}/history`)).status).toBe(404);
  });

  it('shows each adjustment with its changes, and lists them in date order', async () => {
    const res = await reviewer.get(`/v1/power-list/adjustments/${adjustments[1]}`).expect(200);
    expect(res.body).toMatchObject({
      id: adjustments[1],
      effectiveOn: '2024-09-01',
      trigger: 'law_change',
      approvedBy: '局务会',
      laws: [FOOD_SAFETY_LAW, '中华人民共和国计量法'],
      changeCount: 2,
    });
    expect(res.body.changes).toEqual([
      expect.objectContaining({
        seq: 1,
        changeType: 'modify',
        itemId: food,
        code: 'X-001',
        name: second.name,
        reason: null,
      }),
      expect.objectContaining({
        seq: 2,
        changeType: 'cancel',
        itemId: scale,
        after: null,
        reason: '计量法修正，该事项取消',
      }),
    ]);
    const list = await reviewer.get('/v1/power-list/adjustments?year=2024&limit=1').expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([adjustments[0]]);
    const next = await reviewer
      .get(`/v1/power-list/adjustments?year=2024&limit=1&cursor=${list.body.nextCursor}`)
      .expect(200);
    expect(next.body.items.map((a: { id: string }) => a.id)).toEqual([adjustments[1]]);
    expect(next.body.nextCursor).toBeNull();
    expect((await reviewer.get('/v1/power-list/adjustments?year=2023').expect(200)).body.items).toEqual([]);
    expect((await reviewer.get(`/v1/power-list/adjustments/${newId()}`)).status).toBe(404);
  });

  it('records one audit event per changed item and one for the adjustment', async () => {
    const events = await t.app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chainId, agencyId))
      .orderBy(auditEvents.seq);
    const forFood = events.filter((e) => e.entityId === food).map((e) => e.action);
    expect(forFood).toEqual(['power_item.added', 'power_item.modified']);
    expect(events.filter((e) => e.entityId === scale).map((e) => e.action)).toEqual([
      'power_item.added',
      'power_item.cancelled',
    ]);
    const modified = events.find((e) => e.entityId === food && e.action === 'power_item.modified');
    expect(Object.keys(modified?.changes as object)).toEqual(
      expect.arrayContaining(['name', 'subItems', 'validFrom', 'adjustmentId']),
    );
    expect(Object.keys(modified?.changes as object)).not.toContain('legalBasis');
    expect(events.filter((e) => e.action === 'power_list.adjusted').map((e) => e.entityId)).toEqual(
      adjustments,
    );
  });
});

describe('Chinese search, filters and pagination', () => {
  let reviewer: Agent;
  let officer: Agent;
  let own: { id: string; name: string }[];

  beforeAll(async () => {
    const fresh = await freshBureau();
    reviewer = fresh.reviewer;
    officer = fresh.bureau.as('officer');
    own = fresh.units;
    const [u0, u1] = own.map((u) => u.id) as [string, string];
    await adjust(
      {
        effectiveOn: '2024-01-01',
        trigger: 'initial_import',
        laws: [],
        changes: [
          add(penaltyItem('S-01', { exercisingUnitIds: [u0] })),
          add(
            penaltyItem('S-02', {
              name: '对未取得许可从事生产经营活动的处罚',
              legalBasis: [
                {
                  law: FOOD_SAFETY_LAW,
                  article: '第一百二十二条',
                  text: '违反本法规定，未取得食品生产经营许可从事食品生产经营活动……',
                },
              ],
              exercisingUnitIds: [u1],
            }),
          ),
          add(
            penaltyItem('S-03', {
              name: '对销售不合格产品的处罚',
              subItems: ['对销售失效、变质产品的处罚'],
              legalBasis: [{ law: PRODUCT_QUALITY_LAW, article: '第五十二条' }],
              exercisingUnitIds: [u0],
              benchmarks: [],
            }),
          ),
          add(otherItem('S-04', 'inspection', { name: '对计量器具的监督检查', exercisingUnitIds: [] })),
          add(
            otherItem('S-05', 'compulsion', {
              name: '查封、扣押不符合食品安全标准的食品',
              legalBasis: [{ law: FOOD_SAFETY_LAW, article: '第一百一十条' }],
            }),
          ),
        ],
      },
      reviewer,
    ).expect(201);
  });

  const search = async (query: string) =>
    codesOf(await officer.get(`/v1/power-items?asOf=2024-06-01&${query}`).expect(200));

  it('finds by a Chinese substring of the name, sub-items, law, article or provision text', async () => {
    expect(await search(`q=${encodeURIComponent('不合格产品')}`)).toEqual(['S-03']);
    expect(await search(`q=${encodeURIComponent('食品')}`)).toEqual(['S-01', 'S-02', 'S-05']);
    expect(await search(`q=${encodeURIComponent('第一百二十二条')}`)).toEqual(['S-02']);
    expect(await search(`q=${encodeURIComponent('变质')}`)).toEqual(['S-03']);
    expect(await search(`q=${encodeURIComponent('未取得食品生产经营许可')}`)).toEqual(['S-02']);
    expect(await search(`q=${encodeURIComponent('产品质量法')}`)).toEqual(['S-03']);
  });

  it('works with a one-character query and treats % and _ literally', async () => {
    expect(await search(`q=${encodeURIComponent('秤')}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent('查')}`)).toEqual(['S-04', 'S-05']);
    expect(await search(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await search('q=_')).toEqual([]);
    expect((await officer.get('/v1/power-items?q=')).status).toBe(400);
  });

  it('filters by category, unit and exact law, alone and together', async () => {
    expect(await search('category=inspection')).toEqual(['S-04']);
    expect(await search('category=penalty')).toEqual(['S-01', 'S-02', 'S-03']);
    expect(await search(`unitId=${own[1]?.id}`)).toEqual(['S-02']);
    expect(await search(`unitId=${own[0]?.id}&category=penalty`)).toEqual(['S-01', 'S-03']);
    expect(await search(`law=${encodeURIComponent(PRODUCT_QUALITY_LAW)}`)).toEqual(['S-03']);
    expect(await search(`law=${encodeURIComponent('产品质量法')}`)).toEqual([]);
    expect(
      await search(`law=${encodeURIComponent(FOOD_SAFETY_LAW)}&q=${encodeURIComponent('查封')}`),
    ).toEqual(['S-05']);
    expect((await officer.get('/v1/power-items?category=fine')).status).toBe(400);
    expect((await officer.get('/v1/power-items?status=gone')).status).toBe(400);
    expect((await officer.get('/v1/power-items?asOf=2024-13-01')).status).toBe(400);
    expect((await officer.get('/v1/power-items?colour=red')).status).toBe(400);
  });

  it('pages through the list by code', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { code: string }[]; nextCursor: string | null } } = await officer
        .get(`/v1/power-items?asOf=2024-06-01&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...codesOf(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['S-01', 'S-02', 'S-03', 'S-04', 'S-05']);
    const bad = await officer.get('/v1/power-items?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_CURSOR');
  });

  it('counts the items in force per category', async () => {
    const res = await officer.get('/v1/power-items/counts?asOf=2024-06-01').expect(200);
    expect(res.body).toMatchObject({ asOf: '2024-06-01', total: 5 });
    expect(res.body.byCategory).toMatchObject({
      penalty: 3,
      inspection: 1,
      compulsion: 1,
      licensing: 0,
      supervision: 0,
    });
    expect(Object.keys(res.body.byCategory)).toHaveLength(12);
    expect((await officer.get('/v1/power-items/counts?asOf=2023-12-31').expect(200)).body.total).toBe(0);
  });
});

describe('the seed bureau’s figures', () => {
  it('counts 16 supervision, 600+ penalty and 28 compulsory items after one import', async () => {
    const { reviewer } = await freshBureau();
    const items = [
      ...Array.from({ length: 16 }, (_, i) =>
        otherItem(`JD-${String(i + 1).padStart(3, '0')}`, 'supervision'),
      ),
      ...Array.from({ length: 612 }, (_, i) =>
        penaltyItem(`CF-${String(i + 1).padStart(4, '0')}`, { name: `行政处罚事项${i + 1}`, benchmarks: [] }),
      ),
      ...Array.from({ length: 28 }, (_, i) =>
        otherItem(`QZ-${String(i + 1).padStart(3, '0')}`, 'compulsion'),
      ),
    ];
    const res = await adjust(
      { effectiveOn: '2024-01-01', trigger: 'initial_import', laws: [], changes: items.map(add) },
      reviewer,
    );
    expect(res.status).toBe(201);
    expect(res.body.changeCount).toBe(656);
    const counts = (await reviewer.get('/v1/power-items/counts?asOf=2024-12-31').expect(200)).body;
    expect(counts.total).toBe(656);
    expect(counts.byCategory).toMatchObject({ supervision: 16, penalty: 612, compulsion: 28 });
    expect(counts.byCategory.penalty).toBeGreaterThanOrEqual(600);
  });

  it('made 2 adjustments in 2024 touching 6 laws', async () => {
    const { reviewer } = await freshBureau();
    const laws = [
      FOOD_SAFETY_LAW,
      PRODUCT_QUALITY_LAW,
      '中华人民共和国计量法',
      '中华人民共和国反不正当竞争法',
      '中华人民共和国广告法',
      '青海省食品小作坊小餐饮及食品摊贩管理条例',
    ];
    const imported = await adjust(
      {
        effectiveOn: '2024-01-01',
        trigger: 'initial_import',
        laws: [],
        changes: ['F-1', 'F-2', 'F-3'].map((code) => add(penaltyItem(code))),
      },
      reviewer,
    ).expect(201);
    const [f1, f2] = imported.body.changes.map((c: { itemId: string }) => c.itemId);
    await adjust(
      {
        effectiveOn: '2023-12-01',
        trigger: 'correction',
        laws: ['中华人民共和国商标法'],
        changes: [add(penaltyItem('F-0'))],
      },
      reviewer,
    ).expect(201);
    await adjust(
      {
        effectiveOn: '2024-04-15',
        documentNumber: '测市监发〔2024〕21号',
        laws: laws.slice(0, 4),
        changes: [
          { type: 'modify', itemId: f1, item: penaltyItem('F-1', { name: '修订后的食品处罚事项' }) },
          add(penaltyItem('F-4')),
        ],
      },
      reviewer,
    ).expect(201);
    await adjust(
      {
        effectiveOn: '2024-11-20',
        trigger: 'delegation',
        documentNumber: '测市监发〔2024〕40号',
        laws: laws.slice(3),
        changes: [
          { type: 'delegate', itemId: f2, reason: '下放至乡镇（街道）实施', counterpart: '某街道办事处' },
          { type: 'take_over', item: otherItem('F-5', 'inspection'), counterpart: '西宁市市场监督管理局' },
        ],
      },
      reviewer,
    ).expect(201);

    const stats = (await reviewer.get('/v1/power-list/adjustments/stats?year=2024').expect(200)).body;
    expect(stats.adjustments).toBe(2);
    expect(stats.lawsTouched).toBe(6);
    // The laws the changed items themselves cite, as a check on the declared ones.
    expect(stats.lawsOfChangedItems).toContain(FOOD_SAFETY_LAW);
    expect(stats.lawsOfChangedItems).toEqual([...stats.lawsOfChangedItems].sort());
    expect(stats).toMatchObject({
      year: 2024,
      laws: [...laws].sort(),
      itemsChanged: 4,
      byChangeType: { add: 1, modify: 1, cancel: 0, delegate: 1, take_over: 1 },
    });
    const y2023 = (await reviewer.get('/v1/power-list/adjustments/stats?year=2023').expect(200)).body;
    expect(y2023).toMatchObject({ adjustments: 1, lawsTouched: 1 });
    const thisYear = (await reviewer.get('/v1/power-list/adjustments/stats').expect(200)).body;
    expect(thisYear.year).toBe(new Date().getFullYear());

    const delegated = (await reviewer.get('/v1/power-items?asOf=2024-12-01&status=cancelled').expect(200))
      .body.items;
    expect(delegated).toEqual([
      expect.objectContaining({
        code: 'F-2',
        version: expect.objectContaining({ changeType: 'delegate', counterpart: '某街道办事处' }),
      }),
    ]);
    const takenOver = (await reviewer.get('/v1/power-items?asOf=2024-12-01&category=inspection').expect(200))
      .body.items;
    expect(takenOver).toEqual([
      expect.objectContaining({
        code: 'F-5',
        version: expect.objectContaining({ changeType: 'take_over', counterpart: '西宁市市场监督管理局' }),
      }),
    ]);
  });
});

describe('agency isolation', () => {
  it('never shows or changes another agency’s items', async () => {
    const other = await freshBureau();
    const theirs = await adjust(
      { changes: [add(penaltyItem('ISO-1', { exercisingUnitIds: [] }))] },
      other.reviewer,
    ).expect(201);
    const itemId = theirs.body.changes[0].itemId;
    const mine = await adjust({ changes: [add(penaltyItem('ISO-1'))] }).expect(201);
    expect(mine.body.changes[0].itemId).not.toBe(itemId);

    for (const path of [
      `/v1/power-items/${itemId}`,
      `/v1/power-items/${itemId}/history`,
      `/v1/power-list/adjustments/${theirs.body.id}`,
    ]) {
      expect({ path, status: (await t.http.get(path)).status }).toEqual({ path, status: 404 });
    }
    const list = await t.http.get('/v1/power-items?asOf=2024-06-01&status=all&limit=200').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(itemId);
    const found = await t.http
      .get(`/v1/power-items?asOf=2024-06-01&q=${encodeURIComponent('食品')}&limit=200`)
      .expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).not.toContain(itemId);
    const adjustments = await t.http.get('/v1/power-list/adjustments?limit=200').expect(200);
    expect(adjustments.body.items.map((a: { id: string }) => a.id)).not.toContain(theirs.body.id);

    const res = await adjust({
      effectiveOn: '2024-06-01',
      changes: [{ type: 'cancel', itemId, reason: '越权' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.changeErrors[0]).toMatchObject({ reason: 'ITEM_NOT_FOUND' });
    expect(
      (await other.reviewer.get(`/v1/power-items/${itemId}?asOf=2024-06-01`).expect(200)).body.status,
    ).toBe('in_force');
  });
});

describe('who may adjust', () => {
  it('lets admin, legal reviewer and bureau head adjust, and refuses every other role with 403', async () => {
    const allowed = new Set(['admin', 'legal_reviewer', 'bureau_head']);
    for (const [i, role] of ROLE_NAMES.entries()) {
      const res = await adjust({ changes: [add(penaltyItem(`ROLE-${i}`))] }, t.as(role));
      if (allowed.has(role)) expect({ role, status: res.status }).toEqual({ role, status: 201 });
      else {
        expect({ role, status: res.status }).toEqual({ role, status: 403 });
        expect(res.body).toMatchObject({ code: 'FORBIDDEN', operation: 'power_list.adjust' });
      }
      expect((await t.as(role).get('/v1/power-items').expect(200)).body.items).toBeDefined();
    }
  });

  it('refuses a request without credentials', async () => {
    expect((await t.anonymous.get('/v1/power-items')).status).toBe(401);
    expect((await t.anonymous.post('/v1/power-list/adjustments').send({})).status).toBe(401);
  });

  it('replays an adjustment sent again with the same Idempotency-Key', async () => {
    const body = adjustmentBody({ changes: [add(penaltyItem('IDEM-1'))] });
    const first = await t.http
      .post('/v1/power-list/adjustments')
      .set('idempotency-key', 'pl-idem-1')
      .send(body)
      .expect(201);
    const again = await t.http
      .post('/v1/power-list/adjustments')
      .set('idempotency-key', 'pl-idem-1')
      .send(body)
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('review fixes', () => {
  it('allows the initial import only once', async () => {
    const t2 = await createTestApp();
    try {
      const body = {
        effectiveOn: '2024-01-01',
        trigger: 'initial_import',
        documentNumber: '东市监发〔2024〕1号',
        approvedBy: '局长办公会',
        laws: [],
        changes: [
          {
            type: 'add',
            item: {
              code: 'ONCE-1',
              name: '一次导入事项',
              category: 'inspection',
              legalBasis: [{ law: '某法' }],
              level: 'county',
            },
          },
        ],
      };
      await t2.http.post('/v1/power-list/adjustments').send(body).expect(201);
      const again = await t2.http.post('/v1/power-list/adjustments').send({
        ...body,
        changes: [{ ...body.changes[0], item: { ...body.changes[0]?.item, code: 'ONCE-2' } }],
      });
      expect(again.status).toBe(422);
      expect(again.body.reason).toBe('INITIAL_IMPORT_DONE');
    } finally {
      await t2.close();
    }
  });

  it('answers a tampered adjustments cursor with 400, never a database error', async () => {
    const t2 = await createTestApp();
    try {
      const cursor = Buffer.from(
        JSON.stringify({ effectiveOn: 'x', id: '01900000-0000-7000-8000-000000000001' }),
      ).toString('base64url');
      const res = await t2.http.get(`/v1/power-list/adjustments?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_CURSOR');
    } finally {
      await t2.close();
    }
  });
});

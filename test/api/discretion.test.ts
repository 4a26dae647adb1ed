/** Discretion assessment (行政处罚裁量): outcomes, tiers and lists through the API, item lookup, access, validation. */
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
/** Item ids by code. */
const ids: Record<string, string> = {};
const URL = '/v1/discretion/assess';
const TODAY = '2024-06-01';

const FOOD_LAW = '中华人民共和国食品安全法';

function item(code: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    code,
    name,
    category: 'penalty',
    legalBasis: [{ law: FOOD_LAW, article: '第一百二十四条' }],
    level: 'county',
    ...extra,
  };
}

const tiers = (lenient: [number, number], normal: [number, number], heavy: [number, number]) => [
  { tier: 'lenient', min: lenient[0], max: lenient[1], conditions: ['情节较轻'] },
  { tier: 'normal', min: normal[0], max: normal[1], conditions: [] },
  { tier: 'heavy', min: heavy[0], max: heavy[1], conditions: ['有从重情节'] },
];

/** A fixed-amount benchmark on all four lists. */
const LISTED = {
  id: 'B1',
  violation: '食品经营者未按规定公示食品经营许可证',
  basis: 'fixed',
  legalRange: { min: 5_000, max: 50_000 },
  tiers: tiers([5_000, 15_000], [15_000, 35_000], [35_000, 50_000]),
  noPenalty: { conditions: ['首次违法，危害后果轻微并及时改正'] },
  lighter: { conditions: ['违法所得较少'] },
  mitigated: { conditions: ['积极配合调查并主动退赔'] },
  noCompulsoryMeasure: { conditions: ['涉案物品不存在灭失风险'] },
};

/** Food Safety Law art. 124: 货值金额不足一万元的，并处五万元以上十万元以下罚款；一万元以上的，十倍以上二十倍以下. */
const FOOD_124 = {
  id: 'B2',
  violation: '生产经营超范围、超限量使用食品添加剂的食品',
  basis: 'goods_value_multiple',
  legalRange: { min: 10, max: 20 },
  tiers: tiers([10, 13], [13, 17], [17, 20]),
  smallValue: { below: 10_000, min: 50_000, max: 100_000 },
};

const GAINS = {
  id: 'G1',
  violation: '虚假宣传',
  basis: 'illegal_gains_multiple',
  legalRange: { min: 1, max: 5 },
  tiers: tiers([1, 2], [2, 4], [4, 5]),
};

async function adjust(effectiveOn: string, documentNumber: string, changes: unknown[]) {
  const res = await t.http
    .post('/v1/power-list/adjustments')
    .send({
      effectiveOn,
      // The first adjustment builds the list; later ones must name what prompted them.
      trigger: Object.keys(ids).length === 0 ? 'initial_import' : 'law_change',
      documentNumber,
      approvedBy: '局长办公会',
      laws: [FOOD_LAW],
      changes,
    })
    .expect(201);
  for (const change of res.body.changes as { code: string; itemId: string }[])
    ids[change.code] = change.itemId;
}

const ordinary = {
  firstViolation: false,
  harm: 'serious',
  promptlyCorrected: false,
  mitigating: [],
  aggravating: [],
};
const body = (
  code: string,
  circumstances: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  itemId: ids[code],
  partyType: 'organisation',
  circumstances: { ...ordinary, ...circumstances },
  ...extra,
});
const assess = (payload: unknown, role: Parameters<TestApp['as']>[0] = 'officer') =>
  t
    .as(role)
    .post(URL)
    .send(payload as object);
const codes = (res: { body: { reasons: { code: string }[] } }) => res.body.reasons.map((r) => r.code);

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2024-06-01T04:00:00Z') });
  await adjust('2024-01-01', '东市监发〔2024〕1号', [
    { type: 'add', item: item('CF-0001', '对食品经营违法行为的处罚', { benchmarks: [LISTED, FOOD_124] }) },
    { type: 'add', item: item('CF-0002', '对虚假宣传的处罚', { benchmarks: [GAINS] }) },
    { type: 'add', item: item('CF-0003', '对未备案的处罚') },
    { type: 'add', item: item('CF-0004', '对已取消事项的处罚', { benchmarks: [GAINS] }) },
    { type: 'add', item: item('XK-0001', '食品经营许可', { category: 'licensing' }) },
  ]);
  await adjust('2024-03-01', '东市监发〔2024〕2号', [
    { type: 'cancel', itemId: ids['CF-0004'], reason: '法律修改' },
  ]);
  await adjust('2024-05-01', '东市监发〔2024〕3号', [
    { type: 'add', item: item('CF-0005', '新增处罚事项', { benchmarks: [GAINS] }) },
  ]);
});
afterAll(() => t.close());

describe('outcomes, tiers and lists of one item (CF-0001, benchmark B1 on all four lists)', () => {
  const b1 = (circumstances: Record<string, unknown>) =>
    body('CF-0001', circumstances, { benchmarkId: 'B1' });

  it('no penalty by law (APL 33(1)): minor, no harm, promptly corrected; compulsory measures may be waived', async () => {
    const res = await assess(b1({ harm: 'none', promptlyCorrected: true, minorViolation: true })).expect(200);
    expect(res.body).toMatchObject({
      itemId: ids['CF-0001'],
      itemCode: 'CF-0001',
      benchmarkId: 'B1',
      date: TODAY,
      outcome: 'no_penalty',
      tier: null,
      range: null,
      noCompulsoryMeasure: true,
    });
    expect(res.body.reasons[0]).toMatchObject({ code: 'NO_PENALTY_MINOR_CORRECTED', rule: 'APL art. 33(1)' });
    expect(codes(res)).toEqual([
      'NO_PENALTY_MINOR_CORRECTED',
      'NO_PENALTY_EDUCATION',
      'NO_COMPULSORY_MEASURE',
    ]);
  });

  it('no penalty by law (APL 33(2) no fault; APL 30 under 14)', async () => {
    const noFault = await assess(b1({ noFault: true })).expect(200);
    expect(noFault.body.outcome).toBe('no_penalty');
    expect(noFault.body.reasons[0].rule).toBe('APL art. 33(2)');
    const child = await assess({ ...b1({ ageAtViolation: 13 }), partyType: 'natural_person' }).expect(200);
    expect(child.body.reasons[0]).toMatchObject({ code: 'NO_PENALTY_UNDER_AGE', rule: 'APL art. 30' });
  });

  it('首违不罚: no_penalty_possible, with the range should the officer penalise', async () => {
    const res = await assess(b1({ firstViolation: true, harm: 'minor', promptlyCorrected: true })).expect(
      200,
    );
    expect(res.body).toMatchObject({
      outcome: 'no_penalty_possible',
      tier: 'normal',
      range: { min: 15_000, max: 35_000, currency: 'CNY' },
    });
    expect(res.body.reasons[0].detail).toContain('2 years');
  });

  it.each([
    ['lenient (APL 32(3) confessed)', { mitigating: ['confessed'] }, 'lenient', 5_000, 15_000],
    ['lenient (lighter list)', { listConditionsMet: ['lighter'] }, 'lenient', 5_000, 15_000],
    ['normal', {}, 'normal', 15_000, 35_000],
    ['heavy (obstruction)', { aggravating: ['obstruction'] }, 'heavy', 35_000, 50_000],
    [
      'mitigated (APL 32(1) and the mitigated list)',
      { mitigating: ['removed_harm'], listConditionsMet: ['mitigated'] },
      'mitigated',
      0,
      5_000,
    ],
  ])('%s', async (_name, circumstances, tier, min, max) => {
    const res = await assess(b1(circumstances)).expect(200);
    expect(res.body).toMatchObject({ outcome: 'penalty', tier, range: { min, max, currency: 'CNY' } });
    const range = res.body.reasons.find((r: { code: string }) =>
      ['TIER_RANGE', 'MITIGATED_RANGE'].includes(r.code),
    );
    expect(range.rule).toContain(`benchmark B1; ${FOOD_LAW} 第一百二十四条`);
  });

  it('serious harm excludes the compulsory-measure waiver', async () => {
    const res = await assess(b1({})).expect(200);
    expect(res.body.noCompulsoryMeasure).toBe(false);
    expect(codes(res)).toContain('NO_COMPULSORY_MEASURE_EXCLUDED');
  });

  it('the same item’s second benchmark: multiples of goods value, or the small-value range below 10,000', async () => {
    const b2 = (goodsValue?: number) =>
      body('CF-0001', goodsValue === undefined ? {} : { goodsValue }, { benchmarkId: 'B2' });
    const large = await assess(b2(20_000)).expect(200);
    expect(large.body).toMatchObject({ tier: 'normal', range: { min: 260_000, max: 340_000 } });
    const small = await assess(b2(9_999.99)).expect(200);
    expect(small.body).toMatchObject({ tier: 'normal', range: { min: 65_000, max: 85_000 } });
    expect(codes(small)).toContain('SMALL_VALUE');
    const boundary = await assess(b2(10_000)).expect(200);
    expect(boundary.body.range).toMatchObject({ min: 130_000, max: 170_000 });

    const missing = await assess(b2()).expect(422);
    expect(missing.body).toMatchObject({ code: 'UNPROCESSABLE', reason: 'BASE_REQUIRED' });
    expect(missing.body.errors[0]).toMatchObject({ in: 'body', pointer: '/circumstances/goodsValue' });
  });
});

describe('choosing the item and benchmark', () => {
  it('an item with one benchmark needs no benchmarkId; the date defaults to today (China time)', async () => {
    const res = await assess(body('CF-0002', { illegalGains: 1_000 })).expect(200);
    expect(res.body).toMatchObject({ benchmarkId: 'G1', date: TODAY, range: { min: 2_000, max: 4_000 } });
  });

  it('several benchmarks: benchmarkId is required (400); an unknown one is 422 UNKNOWN_BENCHMARK', async () => {
    const missing = await assess(body('CF-0001')).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(missing.body.errors[0].pointer).toBe('/benchmarkId');
    expect(missing.body.errors[0].message).toContain('B1, B2');
    const unknown = await assess(body('CF-0001', {}, { benchmarkId: 'B9' })).expect(422);
    expect(unknown.body).toMatchObject({ reason: 'UNKNOWN_BENCHMARK', benchmarkIds: ['B1', 'B2'] });
  });

  it('a penalty item without benchmarks, or a licensing item: 422 NO_BENCHMARK', async () => {
    expect((await assess(body('CF-0003')).expect(422)).body.reason).toBe('NO_BENCHMARK');
    const licensing = await assess(body('XK-0001')).expect(422);
    expect(licensing.body).toMatchObject({ reason: 'NO_BENCHMARK' });
    expect(licensing.body.detail).toContain('行政许可');
  });

  it('a cancelled item is not in force (422), yet assessable as of a date it was', async () => {
    const cancelled = await assess(body('CF-0004', { illegalGains: 100 })).expect(422);
    expect(cancelled.body).toMatchObject({ code: 'UNPROCESSABLE', reason: 'ITEM_NOT_IN_FORCE' });
    const before = await assess(body('CF-0004', { illegalGains: 100 }, { date: '2024-02-29' })).expect(200);
    expect(before.body).toMatchObject({ date: '2024-02-29', tier: 'normal' });
  });

  it('an item not yet on the list on the date: 422 ITEM_NOT_IN_FORCE', async () => {
    const early = await assess(body('CF-0005', { illegalGains: 100 }, { date: '2024-04-30' })).expect(422);
    expect(early.body.reason).toBe('ITEM_NOT_IN_FORCE');
    await assess(body('CF-0005', { illegalGains: 100 }, { date: '2024-05-01' })).expect(200);
  });

  it('an unknown item, or another agency’s, answers 404', async () => {
    const unknown = await assess({ ...body('CF-0002'), itemId: '01890000-0000-7000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    const res = await other
      .as('admin')
      .post('/v1/power-list/adjustments')
      .send({
        effectiveOn: '2024-01-01',
        trigger: 'initial_import',
        documentNumber: '北市监发〔2024〕1号',
        approvedBy: '局长办公会',
        laws: [FOOD_LAW],
        changes: [{ type: 'add', item: item('CF-0002', '对虚假宣传的处罚', { benchmarks: [GAINS] }) }],
      })
      .expect(201);
    const theirs = res.body.changes[0].itemId;
    await other
      .as('officer')
      .post(URL)
      .send({ ...body('CF-0002', { illegalGains: 1 }), itemId: theirs })
      .expect(200);
    const mine = await assess({ ...body('CF-0002', { illegalGains: 1 }), itemId: theirs });
    expect(mine.status).toBe(404);
    expect(mine.body.code).toBe('NOT_FOUND');
  });
});

describe('access', () => {
  it.each(['officer', 'unit_head', 'legal_reviewer', 'bureau_head', 'supervisor', 'admin'] as const)(
    '%s may assess',
    async (role) => {
      await assess(body('CF-0002', { illegalGains: 1 }), role).expect(200);
    },
  );

  it.each(['auditor', 'credit_officer'] as const)('%s may not (403)', async (role) => {
    const res = await assess(body('CF-0002', { illegalGains: 1 }), role).expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', operation: 'discretion.assess' });
  });

  it('an API key scoped to discretion.assess may assess', async () => {
    const created = await t.http
      .post('/v1/api-keys')
      .send({ name: 'case system', scopes: ['discretion.assess'] })
      .expect(201);
    await t.anonymous
      .post(URL)
      .set('x-api-key', created.body.key)
      .send(body('CF-0002', { illegalGains: 1 }))
      .expect(200);
  });

  it('is a read: it writes no audit event', async () => {
    const officerId = t.bureau.officers.officer;
    await assess(body('CF-0002', { illegalGains: 1 })).expect(200);
    const events = await t.as('auditor').get(`/v1/audit-events?actorId=${officerId}`).expect(200);
    expect(events.body.items).toEqual([]);
    // The filter works: the administrator's adjustments are there.
    const adminEvents = await t
      .as('auditor')
      .get(`/v1/audit-events?actorId=${t.bureau.officers.admin}`)
      .expect(200);
    expect(adminEvents.body.items.length).toBeGreaterThan(0);
  });
});

describe('validation', () => {
  it.each([
    ['an unknown field', { ...body('CF-0002'), extra: 1 }, '/extra'],
    ['an unknown circumstance', body('CF-0002', { remorse: true }), '/circumstances/remorse'],
    [
      'a missing circumstance',
      { ...body('CF-0002'), circumstances: { harm: 'none' } },
      '/circumstances/firstViolation',
    ],
    ['an unknown harm level', body('CF-0002', { harm: 'grave' }), '/circumstances/harm'],
    ['an unknown party type', { ...body('CF-0002'), partyType: 'company' }, '/partyType'],
    ['a negative base', body('CF-0002', { illegalGains: -1 }), '/circumstances/illegalGains'],
    ['a fractional age', body('CF-0002', { ageAtViolation: 15.5 }), '/circumstances/ageAtViolation'],
    [
      'an unknown aggravating fact',
      body('CF-0002', { aggravating: ['rude'] }),
      '/circumstances/aggravating/0',
    ],
    [
      'a repeated mitigating fact',
      body('CF-0002', { mitigating: ['coerced', 'coerced'] }),
      '/circumstances/mitigating',
    ],
    ['an item id that is no UUID', { ...body('CF-0002'), itemId: 'CF-0002' }, '/itemId'],
    ['an impossible date', { ...body('CF-0002'), date: '2024-02-30' }, '/date'],
  ])('refuses %s (400)', async (_name, payload, pointer) => {
    const res = await assess(payload).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('mitigating and aggravating default to none', async () => {
    const { mitigating: _m, aggravating: _a, ...rest } = ordinary;
    const res = await assess({ ...body('CF-0002'), circumstances: { ...rest, illegalGains: 10 } }).expect(
      200,
    );
    expect(res.body.tier).toBe('normal');
  });

  it('refuses contradictory circumstances, and a list the benchmark is not on (422)', async () => {
    const age = await assess(body('CF-0002', { illegalGains: 1, ageAtViolation: 16 })).expect(422);
    expect(age.body).toMatchObject({ reason: 'INCONSISTENT_CIRCUMSTANCES' });
    expect(age.body.errors[0].pointer).toBe('/circumstances/ageAtViolation');
    const list = await assess(body('CF-0002', { illegalGains: 1, listConditionsMet: ['mitigated'] })).expect(
      422,
    );
    expect(list.body).toMatchObject({ reason: 'NOT_ON_LIST' });
  });
});

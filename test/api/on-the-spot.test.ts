/**
 * On-the-spot penalties (当场处罚, 简易程序), RULES.md §2, through the HTTP API: the APL art. 51 limits at
 * and just above the thresholds, the officers, the power item and the party's identifiers, payment on
 * the spot, the remedies statement (复议前置), the filing clock across Labour Day 2025, form reviews and
 * the statistics, and isolation between bureaus.
 *
 * The app clock moves: first through 2024 (a set of decisions for the statistics), then to spring 2025.
 * Tokens are minted at the moved clock (asOfNow).
 */

import { newId } from '../../src/db/columns';
import { onTheSpotPenalties, onTheSpotReviews } from '../../src/db/schema';
import type { Role } from '../../src/domain/access/roles';
import { chinaDate } from '../../src/domain/calendar/dates';
import type { ReviewProblemCode } from '../../src/domain/on-the-spot/on-the-spot';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { CREDIT_CODE, NATURAL_PERSON, ORGANISATION, penaltyItem, RESIDENT_ID } from '../helpers/cases';

let t: TestApp;
let clock = new Date('2024-03-01T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role, bureau?: TestBureau) => asOfNow(t, role, bureau);

let itemId: string;
let officers: Record<Role, string>;
/** Two certified officers: the demo bureau's officer and unit head. */
let pair: string[];

const INDIVIDUAL_BUSINESS = {
  kind: 'individual_business',
  name: '城东区老王副食店',
  creditCode: '91630102MA7N3Q2K4H',
  legalRepresentative: '王五',
} as const;
const OTHER_ORGANISATION = {
  kind: 'other_organisation',
  name: '城东区某农民专业合作社',
  creditCode: CREDIT_CODE,
} as const;

/** A decision body decided at 09:30 China time on the date. */
function decision(date: string, overrides: Record<string, unknown> = {}) {
  return {
    decidedAt: `${date}T01:30:00Z`,
    place: '西宁市城东区八一路12号',
    officerIds: pair,
    party: NATURAL_PERSON,
    facts: '当事人在经营场所销售超过保质期的食品',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    powerItemId: itemId,
    penalties: [{ type: 'fine', amount: 200 }],
    payment: { method: 'later' },
    ...overrides,
  };
}

async function decide(body: Record<string, unknown>, role: Role = 'officer') {
  return (await as(role)).post('/v1/on-the-spot-penalties').send(body);
}
async function decided(body: Record<string, unknown>) {
  const res = await decide(body);
  if (res.status !== 201) throw new Error(`decide: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function file(id: string, filedOn: string) {
  return (await as('officer')).post(`/v1/on-the-spot-penalties/${id}/filing`).send({ filedOn });
}
async function review(id: string, body: Record<string, unknown>, role: Role = 'legal_reviewer') {
  return (await as(role)).post(`/v1/on-the-spot-penalties/${id}/reviews`).send(body);
}
async function list(query: string, role: Role = 'supervisor', bureau?: TestBureau) {
  const res = await (await as(role, bureau)).get(`/v1/on-the-spot-penalties${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: { id: string; decisionNumber: string }[]; nextCursor: string | null };
}
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
/** The serials of on-the-spot decision numbers issued in the year: gap-free, none consumed by a refusal. */
async function serials(year: number) {
  const res = await (await as('admin'))
    .get(`/v1/agencies/${t.agencyId}/document-numbers?documentType=on_the_spot_decision&year=${year}`)
    .expect(200);
  return (res.body.items as { serial: number }[]).map((i) => i.serial);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t, 'OTS-ITEM');
  officers = t.bureau.officers;
  pair = [officers.officer, officers.unit_head];
});
afterAll(() => t.close());

describe('statistics (当场处罚统计) over a seeded set of 2024 decisions', () => {
  const d = { one: '', two: '', three: '', four: '' };

  it('records four decisions of 2024, their filings and reviews', async () => {
    at('2024-03-01');
    d.one = (
      await decided(
        decision('2024-03-01', {
          penalties: [{ type: 'fine', amount: 100 }],
          payment: { method: 'on_the_spot', collectionGround: 'small_fine', receiptNumber: 'QH-2024-000001' },
        }),
      )
    ).id;
    at('2024-03-04');
    d.two = (
      await decided(
        decision('2024-03-04', { party: ORGANISATION, penalties: [{ type: 'warning' }], payment: undefined }),
      )
    ).id;
    at('2024-03-05');
    expect((await file(d.one, '2024-03-05')).status).toBe(200);
    // 7 WD from Monday 4 March: due Wednesday 13 March; filed a week late.
    at('2024-03-20');
    expect((await file(d.two, '2024-03-20')).body.filing.clock).toMatchObject({
      dueDate: '2024-03-13',
      state: 'completed_late',
    });
    at('2024-09-27');
    d.three = (
      await decided(
        decision('2024-09-27', { party: ORGANISATION, penalties: [{ type: 'fine', amount: 3000 }] }),
      )
    ).id;
    at('2024-12-30');
    d.four = (
      await decided(
        decision('2024-12-30', {
          penalties: [{ type: 'warning' }, { type: 'fine', amount: 50 }],
        }),
      )
    ).id;
    // New Year's Day is not counted: due Thursday 9 January 2025, filed on the 6th.
    at('2025-01-06');
    expect((await file(d.four, '2025-01-06')).body.filing.clock).toMatchObject({
      dueDate: '2025-01-09',
      state: 'completed',
    });
    at('2025-02-10');
    const reviewer = officers.legal_reviewer;
    for (const [id, problems] of [
      [d.one, [{ code: 'missing_element', note: '未载明当事人地址' }, { code: 'wrong_legal_basis' }]],
      [d.one, []],
      [d.two, [{ code: 'not_filed_in_time' }]],
      [d.four, [{ code: 'other', note: '决定书未加盖印章' }]],
    ] as const) {
      const res = await review(id, { reviewedOn: '2025-02-10', reviewerId: reviewer, problems });
      expect(res.status).toBe(201);
    }
  });

  it('counts decisions, filings and reviews of the period exactly', async () => {
    const expected = {
      from: '2024-01-01',
      to: '2024-12-31',
      decisions: 4,
      warnings: 2,
      fines: 3,
      fineTotal: 3150,
      collectedOnTheSpot: 1,
      filing: { onTime: 2, late: 1, pending: 0, overdue: 1 },
      review: {
        reviewedDecisions: 3,
        reviews: 4,
        problemsFound: 4,
        decisionsWithProblems: 3,
      },
    };
    const year = await (await as('supervisor')).get('/v1/on-the-spot-penalties/stats?year=2024').expect(200);
    expect(year.body).toMatchObject(expected);
    const counts = Object.fromEntries(
      (year.body.review.byCode as { code: string; count: number }[]).map((c) => [c.code, c.count]),
    );
    expect(counts).toEqual({
      missing_element: 1,
      wrong_legal_basis: 1,
      amount_outside_limit: 0,
      no_remedies_statement: 0,
      not_filed_in_time: 1,
      other: 1,
    });
    const twoYears = await (await as('auditor'))
      .get('/v1/on-the-spot-penalties/stats?from=2023-01-01&to=2024-12-31')
      .expect(200);
    expect(twoYears.body).toMatchObject({ ...expected, from: '2023-01-01' });
    // Without a period: the current year (2025), which has none yet.
    expect(
      (await (await as('supervisor')).get('/v1/on-the-spot-penalties/stats').expect(200)).body,
    ).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      decisions: 0,
    });
  });

  it('refuses an ambiguous or inverted period', async () => {
    const stats = async (q: string) => (await as('supervisor')).get(`/v1/on-the-spot-penalties/stats${q}`);
    for (const [q, pointer] of [
      ['?year=2024&from=2024-01-01&to=2024-12-31', '/year'],
      ['?from=2024-01-01', '/to'],
      ['?to=2024-01-01', '/from'],
      ['?from=2024-12-31&to=2024-01-01', '/from'],
    ] as const) {
      const res = await stats(q);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
  });

  it('expresses the seed bureau’s 275 reviewed decisions of 2023–2024 and 227 problems', async () => {
    const west = await t.seedBureau({ name: '城西区市场监督管理局', code: '西', regionCode: '630104' });
    const db = t.app.database.db;
    const codes = [
      'missing_element',
      'wrong_legal_basis',
      'amount_outside_limit',
      'no_remedies_statement',
      'not_filed_in_time',
    ] as const satisfies readonly ReviewProblemCode[];
    const rows = Array.from({ length: 275 }, (_, i) => {
      const decidedOn =
        i < 130
          ? `2023-${String((i % 12) + 1).padStart(2, '0')}-10`
          : `2024-${String((i % 12) + 1).padStart(2, '0')}-10`;
      return {
        agencyId: west.agencyId,
        id: newId(),
        decisionNumber: `西市监当罚〔${decidedOn.slice(0, 4)}〕${i + 1}号`,
        decidedAt: new Date(`${decidedOn}T02:00:00Z`),
        decidedOn,
        place: '城西区',
        officerIds: [west.officers.officer, west.officers.unit_head],
        partyKind: 'natural_person',
        partyName: `当事人${i + 1}`,
        partyResidentId: RESIDENT_ID,
        facts: '当场查处',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        powerItemId: newId(),
        penalties: [{ type: 'warning' as const }],
        remediesNotice: '对本当场行政处罚决定不服的，应当先依法申请行政复议。',
        filingWorkingDays: 7,
        filedOn: decidedOn,
        recordedBy: west.officers.officer,
      };
    });
    // 227 problems over 275 reviews: the first 200 decisions one problem each, then 9 with three.
    const reviews = rows.map((row, i) => {
      const n = i < 200 ? 1 : i < 209 ? 3 : 0;
      const problems = Array.from({ length: n }, (_, k) => ({
        code: (codes[(i + k) % codes.length] ?? 'other') as ReviewProblemCode,
        note: null,
      }));
      return {
        agencyId: west.agencyId,
        penaltyId: row.id,
        reviewedOn: '2025-01-15',
        reviewerId: west.officers.legal_reviewer,
        problems,
        problemCount: n,
        recordedBy: west.officers.supervisor,
      };
    });
    await db.insert(onTheSpotPenalties).values(rows);
    await db.insert(onTheSpotReviews).values(reviews);
    const res = await (await as('supervisor', west))
      .get('/v1/on-the-spot-penalties/stats?from=2023-01-01&to=2024-12-31')
      .expect(200);
    expect(res.body).toMatchObject({
      decisions: 275,
      warnings: 275,
      fines: 0,
      filing: { onTime: 275, late: 0, pending: 0, overdue: 0 },
      review: { reviewedDecisions: 275, reviews: 275, problemsFound: 227, decisionsWithProblems: 209 },
    });
    // The demo bureau's figures are its own.
    const demo = await (await as('supervisor')).get(
      '/v1/on-the-spot-penalties/stats?from=2023-01-01&to=2024-12-31',
    );
    expect(demo.body.decisions).toBe(4);
  });
});

describe('deciding on the spot (APL arts. 51–52)', () => {
  it('allows a fine at the limit and refuses one cent more, writing nothing', async () => {
    at('2025-04-30');
    const cases = [
      { party: NATURAL_PERSON, limit: 200 },
      { party: INDIVIDUAL_BUSINESS, limit: 200 },
      { party: ORGANISATION, limit: 3000 },
      { party: OTHER_ORGANISATION, limit: 3000 },
    ];
    for (const { party, limit } of cases) {
      const over = await decide(
        decision('2025-04-30', { party, penalties: [{ type: 'fine', amount: limit + 0.01 }] }),
      );
      expect(over.status).toBe(422);
      expect(over.body).toMatchObject({
        code: 'ON_THE_SPOT_LIMIT_EXCEEDED',
        unmet: [{ code: 'FINE_ABOVE_LIMIT', rule: 'APL art. 51' }],
      });
      const ok = await decide(
        decision('2025-04-30', { party, penalties: [{ type: 'fine', amount: limit }] }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ fine: limit, party: { kind: party.kind, name: party.name } });
    }
    const confiscation = await decide(
      decision('2025-04-30', {
        penalties: [{ type: 'confiscate_illegal_gains', amount: 10 }],
        payment: undefined,
      }),
    );
    expect(confiscation.status).toBe(422);
    expect(confiscation.body.unmet.map((u: { code: string }) => u.code)).toEqual([
      'PENALTY_TYPE_NOT_ALLOWED',
    ]);
    // Two fines count together.
    const split = await decide(
      decision('2025-04-30', {
        penalties: [
          { type: 'fine', amount: 150 },
          { type: 'fine', amount: 100 },
        ],
      }),
    );
    expect(split.body.code).toBe('ON_THE_SPOT_LIMIT_EXCEEDED');
    // Four decisions, numbered 1–4: no refusal consumed a number.
    expect(await serials(2025)).toEqual([1, 2, 3, 4]);
    const page = await list('?decidedFrom=2025-01-01');
    expect(page.items.map((i) => i.decisionNumber)).toEqual(
      [1, 2, 3, 4].map((n) => `东市监当罚〔2025〕${n}号`),
    );
  });

  it('records a warning, with the remedies statement and never publishable', async () => {
    const res = await decide(
      decision('2025-04-30', { penalties: [{ type: 'warning' }], payment: undefined }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/on-the-spot-penalties/${res.body.id}`);
    expect(res.body).toMatchObject({
      decidedOn: '2025-04-30',
      fine: null,
      payment: null,
      penalties: [{ type: 'warning' }],
      party: { kind: 'natural_person', residentId: '1101**********002X' },
      powerItem: { id: itemId, code: 'OTS-ITEM' },
      officers: [
        { id: officers.officer, name: expect.any(String) },
        { id: officers.unit_head, name: expect.any(String) },
      ],
      remedies: { reconsiderationFirst: true, rule: 'ARL art. 23' },
      publishable: false,
      publicationExclusion: { rule: 'PDR art. 2' },
      filing: { filedOn: null },
      reviews: [],
    });
    expect(res.body.remedies.notice).toContain('复议前置');
    const fetched = await (await as('auditor')).get(`/v1/on-the-spot-penalties/${res.body.id}`).expect(200);
    expect(fetched.body).toEqual(res.body);
    expect(fetched.headers.etag).toBeDefined();
  });

  it('keeps the remedies statement in force on the decision date', async () => {
    const text =
      '对本当场行政处罚决定不服的，应当先向西宁市城东区人民政府申请行政复议（复议前置）；对复议决定不服的，可以依法提起行政诉讼。';
    await (await as('admin'))
      .post(`/v1/agencies/${t.agencyId}/rule-settings/on_the_spot.remedies_notice`)
      .send({ value: text, effectiveFrom: '2025-04-30', basis: '东市监发〔2025〕9号' })
      .expect(201);
    const res = await decided(
      decision('2025-04-30', { penalties: [{ type: 'warning' }], payment: undefined }),
    );
    expect(res.remedies.notice).toBe(text);
  });

  it('records how a fine is paid: on the spot with a receipt (≤ CNY 100 as a small fine), or later', async () => {
    const later = await decided(decision('2025-04-30', { penalties: [{ type: 'fine', amount: 150 }] }));
    // 15 days from the decision handed over on the spot (APL art. 67).
    expect(later.payment).toEqual({
      method: 'later',
      collectionGround: null,
      receiptNumber: null,
      dueDate: '2025-05-15',
    });
    const small = await decided(
      decision('2025-04-30', {
        penalties: [{ type: 'fine', amount: 100 }],
        payment: { method: 'on_the_spot', collectionGround: 'small_fine', receiptNumber: 'QH-2025-000123' },
      }),
    );
    expect(small.payment).toEqual({
      method: 'on_the_spot',
      collectionGround: 'small_fine',
      receiptNumber: 'QH-2025-000123',
      dueDate: null,
    });
    const before = await serials(2025);
    const tooMuch = await decide(
      decision('2025-04-30', {
        penalties: [{ type: 'fine', amount: 100.01 }],
        payment: { method: 'on_the_spot', collectionGround: 'small_fine', receiptNumber: 'QH-2025-000124' },
      }),
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({
      code: 'ON_THE_SPOT_RULE_VIOLATION',
      unmet: [{ code: 'COLLECTION_NOT_ALLOWED', rule: 'APL art. 68' }],
    });
    const hard = await decide(
      decision('2025-04-30', {
        penalties: [{ type: 'fine', amount: 180 }],
        payment: {
          method: 'on_the_spot',
          collectionGround: 'hard_to_enforce',
          receiptNumber: 'QH-2025-000125',
        },
      }),
    );
    expect(hard.status).toBe(201);
    const pointers = async (body: Record<string, unknown>) => {
      const res = await decide(body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { pointer: string }) => e.pointer);
    };
    expect(await pointers(decision('2025-04-30', { payment: undefined }))).toEqual(['/payment']);
    expect(await pointers(decision('2025-04-30', { penalties: [{ type: 'warning' }] }))).toEqual([
      '/payment',
    ]);
    expect(await pointers(decision('2025-04-30', { payment: { method: 'on_the_spot' } }))).toEqual([
      '/payment/collectionGround',
      '/payment/receiptNumber',
    ]);
    expect(
      await pointers(decision('2025-04-30', { payment: { method: 'later', receiptNumber: 'QH-1' } })),
    ).toEqual(['/payment/receiptNumber']);
    expect(await serials(2025)).toEqual([...before, before.length + 1]);
  });

  it('needs two officers certified on the date (APL arts. 42, 52)', async () => {
    const uncertified = (
      await (
        await as('admin')
      )
        .post('/v1/officers')
        .send({ name: '新入职队员', roles: ['officer'], legalQualification: { held: false } })
        .expect(201)
    ).body.id;
    const before = await serials(2025);
    const res = await decide(decision('2025-04-30', { officerIds: [officers.officer, uncertified] }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'ON_THE_SPOT_RULE_VIOLATION', action: 'decide' });
    expect(res.body.unmet.map((u: { code: string }) => u.code)).toEqual([
      'OFFICER_CERTIFICATE_INVALID',
      'TOO_FEW_CERTIFIED_OFFICERS',
    ]);
    expect(res.body.unmet[0].detail).toContain(uncertified);
    const alone = await decide(decision('2025-04-30', { officerIds: [officers.officer] }));
    expect(alone.status).toBe(422);
    expect(alone.body.unmet).toEqual([
      expect.objectContaining({ code: 'TOO_FEW_CERTIFIED_OFFICERS', rule: 'APL arts. 42, 52' }),
    ]);
    const unknown = await decide(decision('2025-04-30', { officerIds: [officers.officer, newId()] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/officerIds/1' })]);
    expect(await serials(2025)).toEqual(before);
  });

  it('needs a penalty item in force on the date', async () => {
    const admin = await as('admin');
    /** Adds an item to the list from a date (动态调整); returns its id. */
    const addItem = async (code: string, name: string, category: string, effectiveOn: string) => {
      await admin
        .post('/v1/power-list/adjustments')
        .send({
          effectiveOn,
          trigger: 'law_change',
          documentNumber: `东市监发〔2024〕${code}号`,
          approvedBy: '陈局长',
          laws: ['中华人民共和国食品安全法'],
          changes: [
            {
              type: 'add',
              item: {
                code,
                name,
                category,
                legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百一十条' }],
                level: 'county',
              },
            },
          ],
        })
        .expect(201);
      const found = await admin
        .get(`/v1/power-items?q=${encodeURIComponent(name)}&status=all&asOf=${effectiveOn}`)
        .expect(200);
      return found.body.items[0].id as string;
    };
    const inspection = await addItem('OTS-INSPECT', '食品经营监督检查', 'inspection', '2024-06-01');
    // Takes effect after the decision date.
    const later = await addItem('OTS-LATER', '对经营标签不符合规定食品的行政处罚', 'penalty', '2025-06-01');
    for (const [id, detail] of [
      [inspection, 'not a penalty item'],
      [later, 'not on the list'],
      [newId(), 'not on the list'],
    ]) {
      const res = await decide(decision('2025-04-30', { powerItemId: id }));
      expect(res.status).toBe(422);
      expect(res.body.unmet).toEqual([expect.objectContaining({ code: 'NO_PENALTY_POWER_ITEM' })]);
      expect(res.body.unmet[0].detail).toContain(detail);
    }
  });

  it('validates the party’s identifiers like a case party', async () => {
    const pointers = async (party: Record<string, unknown>) => {
      const res = await decide(decision('2025-04-30', { party }));
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { pointer: string }) => e.pointer);
    };
    expect(await pointers({ ...NATURAL_PERSON, residentId: '110105194912310021' })).toContain(
      '/party/residentId',
    );
    expect(await pointers({ kind: 'natural_person', name: '张三' })).toEqual(['/party/residentId']);
    expect(await pointers({ ...ORGANISATION, creditCode: '91350100M000100Y44' })).toContain(
      '/party/creditCode',
    );
    expect(await pointers({ kind: 'legal_person', name: '某公司', creditCode: CREDIT_CODE })).toEqual([
      '/party/legalRepresentative',
    ]);
    expect(await pointers({ kind: 'individual_business', name: '某店', creditCode: CREDIT_CODE })).toEqual([
      '/party/legalRepresentative',
    ]);
    expect(await pointers({ ...NATURAL_PERSON, nickname: '三哥' })).toContain('/party/nickname');
  });

  it('refuses a decision dated in the future, and unknown fields', async () => {
    const future = await decide(decision('2025-05-01'));
    expect(future.status).toBe(422);
    expect(future.body.unmet.map((u: { code: string }) => u.code)).toEqual(['DATE_IN_FUTURE']);
    expect((await decide({ ...decision('2025-04-30'), amount: 5 })).status).toBe(400);
  });

  it('lets only officers and unit heads record decisions', async () => {
    const res = await decide(decision('2025-04-30'), 'legal_reviewer');
    expect(res.status).toBe(403);
  });
});

describe('filing with the bureau (备案, APL art. 52: 7 WD)', () => {
  let id: string;

  it('runs the clock across Labour Day (1–5 May 2025): a decision of 30 April is due on 14 May', async () => {
    at('2025-04-30');
    id = (await decided(decision('2025-04-30', { party: { ...NATURAL_PERSON, name: '赵六' } }))).id;
    at('2025-05-06');
    const res = await (await as('officer')).get(`/v1/on-the-spot-penalties/${id}`).expect(200);
    expect(res.body.filing.clock).toMatchObject({
      rule: { code: 'ON_THE_SPOT_FILING', citation: 'APL art. 52' },
      start: '2025-04-30',
      days: 7,
      unit: 'working',
      dueDate: '2025-05-14',
      state: 'running',
      daysLeft: 6,
      overdue: false,
    });
    expect(ids(await list('?overdue=true'))).not.toContain(id);
    expect(ids(await list('?overdue=false'))).toContain(id);
  });

  it('shows it overdue from 15 May, and filed late once filed', async () => {
    at('2025-05-15');
    const res = await (await as('officer')).get(`/v1/on-the-spot-penalties/${id}`).expect(200);
    expect(res.body.filing.clock).toMatchObject({ state: 'overdue', daysLeft: -1, overdue: true });
    const overdue = ids(await list('?overdue=true'));
    expect(overdue).toContain(id);
    expect(ids(await list('?overdue=false'))).not.toContain(id);
    // Every overdue one is unfiled and shows an overdue clock.
    for (const item of (await list('?overdue=true')).items as unknown as {
      filing: { filedOn: null; clock: { state: string } };
    }[]) {
      expect(item.filing).toMatchObject({ filedOn: null, clock: { state: 'overdue' } });
    }

    expect((await file(id, '2025-05-16')).body.unmet.map((u: { code: string }) => u.code)).toEqual([
      'DATE_IN_FUTURE',
    ]);
    expect((await file(id, '2025-04-29')).body.unmet.map((u: { code: string }) => u.code)).toEqual([
      'DATE_BEFORE_DECISION',
    ]);
    const filed = await file(id, '2025-05-15');
    expect(filed.status).toBe(200);
    expect(filed.body.filing).toMatchObject({
      filedOn: '2025-05-15',
      recordedBy: officers.officer,
      clock: { state: 'completed_late', overdue: true, daysLeft: null },
    });
    const again = await file(id, '2025-05-15');
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({
      code: 'ON_THE_SPOT_RULE_VIOLATION',
      unmet: [{ code: 'ALREADY_FILED' }],
    });
    expect(ids(await list('?overdue=true'))).not.toContain(id);
    expect(ids(await list('?filed=true'))).toContain(id);
    expect(ids(await list('?filed=false'))).not.toContain(id);
  });
});

describe('form reviews (文书审查)', () => {
  let id: string;

  it('records several reviews by someone who did not decide', async () => {
    at('2025-05-20');
    id = (await list('?decidedFrom=2025-04-30&decidedTo=2025-04-30&limit=1')).items[0]?.id as string;
    const first = await review(id, {
      reviewedOn: '2025-05-20',
      reviewerId: officers.legal_reviewer,
      problems: [{ code: 'no_remedies_statement', note: '未告知复议前置' }],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      penaltyId: id,
      reviewerId: officers.legal_reviewer,
      problems: [{ code: 'no_remedies_statement', note: '未告知复议前置' }],
    });
    const second = await review(
      id,
      { reviewedOn: '2025-05-20', reviewerId: officers.supervisor, problems: [] },
      'supervisor',
    );
    expect(second.status).toBe(201);
    const got = await (await as('officer')).get(`/v1/on-the-spot-penalties/${id}`).expect(200);
    expect(got.body.reviews.map((r: { id: string }) => r.id)).toEqual([first.body.id, second.body.id]);
    expect(ids(await list('?reviewed=true&decidedFrom=2025-01-01'))).toEqual([id]);
    expect(ids(await list('?reviewed=false&decidedFrom=2025-01-01'))).not.toContain(id);
  });

  it('refuses a deciding officer as reviewer, bad dates, unknown reviewers, and other without a note', async () => {
    const deciding = await review(id, {
      reviewedOn: '2025-05-20',
      reviewerId: officers.unit_head,
      problems: [],
    });
    expect(deciding.status).toBe(422);
    expect(deciding.body.unmet.map((u: { code: string }) => u.code)).toEqual(['REVIEWER_DECIDED']);
    const future = await review(id, {
      reviewedOn: '2025-05-21',
      reviewerId: officers.legal_reviewer,
      problems: [],
    });
    expect(future.body.unmet.map((u: { code: string }) => u.code)).toEqual(['DATE_IN_FUTURE']);
    const unknown = await review(id, { reviewedOn: '2025-05-20', reviewerId: newId(), problems: [] });
    expect(unknown.status).toBe(400);
    const other = await review(id, {
      reviewedOn: '2025-05-20',
      reviewerId: officers.legal_reviewer,
      problems: [{ code: 'other' }],
    });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ pointer: '/problems/0/note' })]);
    expect(
      (
        await review(
          id,
          { reviewedOn: '2025-05-20', reviewerId: officers.legal_reviewer, problems: [] },
          'officer',
        )
      ).status,
    ).toBe(403);
    const got = await (await as('officer')).get(`/v1/on-the-spot-penalties/${id}`).expect(200);
    expect(got.body.reviews).toHaveLength(2);
  });
});

describe('the list (当场处罚台账)', () => {
  it('filters by officer, party, dates, and pages by cursor', async () => {
    const all = ids(await list('?decidedFrom=2025-01-01&limit=200'));
    expect(all.length).toBeGreaterThan(5);
    expect(ids(await list(`?officerId=${officers.unit_head}&decidedFrom=2025-01-01&limit=200`))).toEqual(all);
    expect(ids(await list(`?officerId=${officers.legal_reviewer}`))).toEqual([]);
    const zhao = await list(`?party=${encodeURIComponent('赵')}`);
    expect(zhao.items).toHaveLength(1);
    const byCode = (await list(`?party=${CREDIT_CODE}&decidedFrom=2025-01-01`)).items as unknown as {
      party: { creditCode: string };
    }[];
    expect(byCode.length).toBeGreaterThan(0);
    for (const item of byCode) expect(item.party.creditCode).toBe(CREDIT_CODE);
    expect(ids(await list('?decidedFrom=2024-03-01&decidedTo=2024-03-04'))).toHaveLength(2);
    const bad = await (await as('officer')).get(
      '/v1/on-the-spot-penalties?decidedFrom=2025-02-01&decidedTo=2025-01-01',
    );
    expect(bad.status).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await list(
        `?decidedFrom=2025-01-01&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });
});

describe('isolation between bureaus', () => {
  it('shows another bureau nothing and answers 404 for our records', async () => {
    const north = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    const mine = (await list('?limit=1')).items[0]?.id as string;
    expect((await list('', 'officer', north)).items).toEqual([]);
    const client = await as('officer', north);
    expect((await client.get(`/v1/on-the-spot-penalties/${mine}`)).status).toBe(404);
    expect(
      (await client.post(`/v1/on-the-spot-penalties/${mine}/filing`).send({ filedOn: chinaDate(clock) }))
        .status,
    ).toBe(404);
    const reviewer = await as('legal_reviewer', north);
    const res = await reviewer
      .post(`/v1/on-the-spot-penalties/${mine}/reviews`)
      .send({ reviewedOn: chinaDate(clock), reviewerId: north.officers.legal_reviewer, problems: [] });
    expect(res.status).toBe(404);
    const stats = await (await as('supervisor', north))
      .get('/v1/on-the-spot-penalties/stats?year=2024')
      .expect(200);
    expect(stats.body).toMatchObject({ decisions: 0, review: { reviews: 0 } });
    // Its officers cannot decide for our bureau's records either: they are not officers of it.
    const foreign = await (await as('officer', north))
      .post('/v1/on-the-spot-penalties')
      .send(decision(chinaDate(clock), { officerIds: pair }));
    expect(foreign.status).toBe(400);
  });
});

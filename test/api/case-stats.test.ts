/**
 * GET /v1/cases/stats?year= (行政处罚案件统计): the year's figures from the records.
 *
 * - Cases walked through the API (a walk costs about 1.5 s on PGlite, so a few): decided with a penalty,
 *   without, after a hearing and a collective discussion, one decided on 31 December and one on
 *   1 January, one filed and left open past its decision clock; every figure checked exactly.
 * - The seed bureau's 2024 (44 decided, CNY 598,500, 100 % legal review, 11 collective discussions,
 *   1 hearing, 11 major cases filed for record), seeded directly through the repository: walking 44
 *   cases through the API would take over a minute. The rows are what the actions record.
 * - Agencies never see each other's figures.
 */
import type { Executor } from '../../src/db/client';
import * as repo from '../../src/modules/cases/cases.repository';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { walkCase } from '../helpers/case-walk';
import { penaltyItem, secondBureauHead } from '../helpers/cases';

let t: TestApp;
let clock = new Date('2025-03-03T02:00:00Z');
const setClock = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
let itemId: string;
let heads: string[];
const ids: Record<string, string> = {};
/** The bureau whose 2024 is seeded like the seed report's. */
let seedLike: TestBureau;

async function stats(year: number | string, bureau?: TestBureau) {
  const client = await asOfNow(t, 'officer', bureau);
  return client.get(`/v1/cases/stats?year=${year}`);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t, 'STATS-ITEM');
  heads = [t.bureau.officers.bureau_head, await secondBureauHead(t)];

  // Filed 3 June 2024 and never decided: open past its 90-day decision clock.
  ids.open = (await walkCase(t, itemId, { on: '2024-06-03', setClock, undecided: true })).id;
  // After a hearing held on 13 November (7 WD after the notice of 4 November): CNY 150,000.
  ids.heard = (
    await walkCase(t, itemId, {
      on: '2024-11-04',
      setClock,
      penalties: [{ type: 'fine', amount: 150_000 }],
      hearing: { heldOn: '2024-11-13' },
    })
  ).id;
  ids.noPenalty = (await walkCase(t, itemId, { on: '2024-10-15', setClock, kind: 'no_penalty' })).id;
  // The year boundary: decided on 31 December 2024, after a collective discussion, and on 1 January 2025.
  ids.lastDay = (
    await walkCase(t, itemId, {
      on: '2024-12-31',
      setClock,
      discussion: heads,
      penalties: [
        { type: 'fine', amount: 10_000 },
        { type: 'confiscate_illegal_gains', amount: 500 },
      ],
    })
  ).id;
  ids.firstDay = (
    await walkCase(t, itemId, { on: '2025-01-01', setClock, penalties: [{ type: 'fine', amount: 3000.5 }] })
  ).id;
  setClock('2025-03-03');

  seedLike = await t.seedBureau({ name: '城中区市场监督管理局', code: '中', regionCode: '630103' });
  await t.app.database.db.transaction((tx) => seedYear(tx, seedLike.agencyId));
}, 180_000);
afterAll(() => t.close());

/**
 * The seed report's 2024 as the actions record it: 44 decided cases (43 of CNY 13,500 = fine 13,000 +
 * confiscated gains 500, one fine of CNY 18,000: CNY 598,500), each with a passed legal review before
 * its decision; 11 collective discussions, 1 hearing held, 11 major cases filed for record. Plus a case
 * decided in 2023 and a hearing of 2025, which must not count.
 */
async function seedYear(tx: Executor, agencyId: string) {
  const now = new Date('2025-01-10T02:00:00Z');
  const event = (caseId: string, action: string, occurredOn: string, data: Record<string, unknown> = {}) =>
    repo.appendEvent(tx, {
      agencyId,
      caseId,
      action,
      occurredOn,
      recordedAt: now,
      actorType: 'officer',
      actorId: 'seed',
      data,
      documentNumber: null,
    });
  const decided = async (decidedOn: string, penalties: Record<string, unknown>[]) => {
    const row = await repo.insertCase(tx, {
      agencyId,
      stage: 'decided',
      source: 'inspection',
      receivedOn: '2023-12-01',
      summary: '种子数据',
      decidedOn,
      decision: { kind: 'penalty', penalties },
      createdAt: now,
      updatedAt: now,
    });
    await event(row.id, 'record-legal-review', decidedOn, { result: 'pass', proposalVersion: 1 });
    await event(row.id, 'decide', decidedOn, { kind: 'penalty', penalties });
    return row.id;
  };
  const month = (i: number) => `2024-${String((i % 12) + 1).padStart(2, '0')}-15`;
  const caseIds: string[] = [await decided('2024-01-02', [{ type: 'fine', amount: 18_000 }])];
  for (let i = 0; i < 43; i += 1) {
    caseIds.push(
      await decided(month(i), [
        { type: 'warning' },
        { type: 'fine', amount: 13_000 },
        { type: 'confiscate_illegal_gains', amount: 500 },
      ]),
    );
  }
  for (let i = 0; i < 11; i += 1) {
    await event(caseIds[i] as string, 'record-collective-discussion', month(i), { headsAttending: 2 });
    await event(caseIds[i] as string, 'file-for-record', month(i), {});
  }
  await event(caseIds[0] as string, 'record-hearing', '2024-01-02', { partyAbsent: false });
  // Outside 2024: not counted.
  await decided('2023-12-29', [{ type: 'fine', amount: 1_000_000 }]);
  await event(caseIds[1] as string, 'record-hearing', '2025-01-02', { partyAbsent: false });
}

describe('GET /v1/cases/stats', () => {
  it('gives every figure of a year exactly, the case decided on 31 December included', async () => {
    const res = await stats(2024);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2024,
      asOf: '2025-03-03',
      decided: { total: 3, penalty: 2, noPenalty: 1, transferred: 0 },
      amounts: {
        fines: 160_000,
        confiscatedIllegalGains: 500,
        confiscatedIllegalProperty: 0,
        total: 160_500,
      },
      legalReview: { reviewed: 3, decided: 3, rate: 1, unreviewedCaseIds: [] },
      collectiveDiscussions: 1,
      hearings: { held: 1, partyAbsent: 0 },
      majorCasesFiledForRecord: 0,
      policeTransfers: { leads: 0, cases: 0, jointCases: 0 },
      filed: {
        total: 4,
        open: 1,
        decisionOverdue: { count: 1, caseIds: [ids.open] },
        decidedLate: { count: 0, caseIds: [] },
        // The closure clock (结案) belongs to the post-decision steps; its count is theirs to test.
        notClosedInTime: { count: expect.any(Number), caseIds: expect.any(Array) },
      },
    });
  });

  it('puts the case decided on 1 January in the next year', async () => {
    const res = await stats(2025);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        year: 2025,
        decided: { total: 1, penalty: 1, noPenalty: 0, transferred: 0 },
        amounts: { fines: 3000.5, confiscatedIllegalGains: 0, confiscatedIllegalProperty: 0, total: 3000.5 },
        legalReview: { reviewed: 1, decided: 1, rate: 1, unreviewedCaseIds: [] },
        collectiveDiscussions: 0,
        hearings: { held: 0, partyAbsent: 0 },
        filed: expect.objectContaining({ total: 1, open: 0 }),
      }),
    );
  });

  it('is all zeros for a year without cases (no rate: nothing decided)', async () => {
    const res = await stats(2019);
    expect(res.status).toBe(200);
    expect(res.body.decided).toEqual({ total: 0, penalty: 0, noPenalty: 0, transferred: 0 });
    expect(res.body.amounts.total).toBe(0);
    expect(res.body.legalReview).toEqual({ reviewed: 0, decided: 0, rate: null, unreviewedCaseIds: [] });
    expect(res.body.filed).toEqual({
      total: 0,
      open: 0,
      decisionOverdue: { count: 0, caseIds: [] },
      decidedLate: { count: 0, caseIds: [] },
      notClosedInTime: { count: 0, caseIds: [] },
    });
  });

  it('expresses the seed bureau’s 2024 exactly: 44 cases, CNY 598,500, 100 %, 11, 1, 11', async () => {
    const res = await stats(2024, seedLike);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        decided: { total: 44, penalty: 44, noPenalty: 0, transferred: 0 },
        amounts: {
          fines: 577_000,
          confiscatedIllegalGains: 21_500,
          confiscatedIllegalProperty: 0,
          total: 598_500,
        },
        legalReview: { reviewed: 44, decided: 44, rate: 1, unreviewedCaseIds: [] },
        collectiveDiscussions: 11,
        hearings: { held: 1, partyAbsent: 0 },
        majorCasesFiledForRecord: 11,
      }),
    );
    expect((await stats(2023, seedLike)).body.amounts.total).toBe(1_000_000);
  });

  it('keeps agencies apart: neither bureau sees the other’s cases', async () => {
    const demo = (await stats(2024)).body;
    expect(demo.decided.total).toBe(3);
    expect(demo.amounts.total).toBe(160_500);
    const other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    const empty = (await stats(2024, other)).body;
    expect(empty.decided.total).toBe(0);
    expect(empty.collectiveDiscussions).toBe(0);
    expect(empty.filed.total).toBe(0);
  });

  it('needs a valid year (400 with a pointer), and authentication', async () => {
    for (const query of ['', '?year=abc', '?year=1800', '?year=2024&extra=1']) {
      const res = await (await asOfNow(t, 'officer')).get(`/v1/cases/stats${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors[0].pointer).toMatch(/^\/(year|extra)?$/);
    }
    expect((await t.anonymous.get('/v1/cases/stats?year=2024')).status).toBe(401);
  });

  it('is not captured by /v1/cases/{id}', async () => {
    const res = await (await asOfNow(t, 'auditor')).get('/v1/cases/stats?year=2024');
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2024);
  });
});

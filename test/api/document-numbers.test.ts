/** Gap-free document numbers (文号): formats, concurrency, rollback. */
import { allocateDocumentNumber } from '../../src/modules/document-numbers/document-numbers.service';
import { createTestApp, type TestApp, testWriteContext } from '../helpers/app';

// Pinned: 2024-12-31 23:30 in China is still 2024 there, though UTC says the same day.
const NOW = new Date('2024-12-31T15:30:00Z');

let t: TestApp;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  agencyId = t.agencyId;
});
afterAll(() => t.close());

const allocate = (documentType: string, extra: Record<string, unknown> = {}) =>
  t.http.post(`/v1/agencies/${agencyId}/document-numbers`).send({ documentType, purpose: 'test', ...extra });

async function serials(documentType: string, year: number): Promise<number[]> {
  const res = await t.http
    .get(`/v1/agencies/${agencyId}/document-numbers?documentType=${documentType}&year=${year}&limit=200`)
    .expect(200);
  return res.body.items.map((n: { serial: number }) => n.serial);
}

it('numbers documents with the default format, per type and year', async () => {
  const first = await allocate('penalty_decision').expect(201);
  expect(first.body).toMatchObject({
    number: '东市监处罚〔2024〕1号',
    serial: 1,
    year: 2024,
    issuedOn: '2024-12-31',
  });
  const second = await allocate('penalty_decision').expect(201);
  expect(second.body.number).toBe('东市监处罚〔2024〕2号');
  const other = await allocate('case_filing').expect(201);
  expect(other.body.number).toBe('东市监立〔2024〕1号');
  const lastYear = await allocate('penalty_decision', { issuedOn: '2023-06-01' }).expect(201);
  expect(lastYear.body.number).toBe('东市监处罚〔2023〕1号');
});

it('numbers into past years only as far back as the agency’s setting allows', async () => {
  const tooOld = await allocate('penalty_decision', { issuedOn: '2022-12-30' });
  expect(tooOld.status).toBe(422);
  expect(tooOld.body.reason).toBe('ISSUE_DATE_TOO_OLD');
  expect(tooOld.body.setting).toMatchObject({
    key: 'document_numbers.backdating_years',
    value: 1,
    isDefault: true,
  });
  await t.http
    .post(`/v1/agencies/${agencyId}/rule-settings/document_numbers.backdating_years`)
    .send({ value: 2, effectiveFrom: '2024-12-01', basis: '东市监发〔2024〕9号 (test)' })
    .expect(201);
  const allowed = await allocate('penalty_decision', { issuedOn: '2022-12-30' }).expect(201);
  expect(allowed.body.number).toBe('东市监处罚〔2022〕1号');
});

it('refuses a document dated in the future', async () => {
  const res = await allocate('penalty_decision', { issuedOn: '2025-01-01' });
  expect(res.status).toBe(422);
  expect(res.body.reason).toBe('ISSUE_DATE_IN_FUTURE');
});

it('never hands out the same number twice under concurrency, and leaves no gap', async () => {
  const responses = await Promise.all(Array.from({ length: 30 }, () => allocate('correction_order')));
  expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
  const numbers = responses.map((r) => r.body.serial as number).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(await serials('correction_order', 2024)).toEqual(numbers);
});

it('returns the number to the series when the transaction that took it rolls back', async () => {
  const before = await serials('hearing_notice', 2024);
  await expect(
    t.app.database.db.transaction(async (tx) => {
      const taken = await allocateDocumentNumber(testWriteContext(tx, NOW, agencyId), {
        agencyId,
        documentType: 'hearing_notice',
        issuedOn: '2024-12-31',
        purpose: 'rolled back',
      });
      expect(taken.serial).toBe(before.length + 1);
      throw new Error('the document write failed');
    }),
  ).rejects.toThrow('the document write failed');
  const next = await allocate('hearing_notice').expect(201);
  expect(next.body.serial).toBe(before.length + 1);
  expect(await serials('hearing_notice', 2024)).toEqual(
    Array.from({ length: before.length + 1 }, (_, i) => i + 1),
  );
});

it('serialises concurrent transactions on the same series, with rollbacks among them', async () => {
  // Ten transactions race; every third one rolls back after taking its number.
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) =>
      t.app.database.db.transaction(async (tx) => {
        const n = await allocateDocumentNumber(testWriteContext(tx, NOW, agencyId), {
          agencyId,
          documentType: 'supervision_opinion',
          issuedOn: '2024-12-01',
          purpose: `race ${i}`,
        });
        if (i % 3 === 0) throw new Error('rollback');
        return n.serial;
      }),
    ),
  );
  const committed = outcomes
    .filter((o) => o.status === 'fulfilled')
    .map((o) => (o as PromiseFulfilledResult<number>).value);
  expect(committed).toHaveLength(6);
  expect(await serials('supervision_opinion', 2024)).toEqual([1, 2, 3, 4, 5, 6]);
  expect([...committed].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
});

it('shows the counters', async () => {
  const res = await t.http.get(`/v1/agencies/${agencyId}/document-counters?year=2024`).expect(200);
  const penalty = res.body.items.find((c: { documentType: string }) => c.documentType === 'penalty_decision');
  expect(penalty).toEqual({ documentType: 'penalty_decision', year: 2024, lastSerial: 2 });
});

describe('formats', () => {
  const url = () => `/v1/agencies/${agencyId}/document-number-formats/no_penalty_decision`;

  it('shows the default with ETag "0"', async () => {
    const res = await t.http.get(url()).expect(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({
      isDefault: true,
      typeCode: '不罚',
      example: '东市监不罚〔2024〕1号',
      version: 0,
    });
  });

  it('lists every document type', async () => {
    const res = await t.http.get(`/v1/agencies/${agencyId}/document-number-formats`).expect(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(12);
    expect(
      res.body.items.find((f: { documentType: string }) => f.documentType === 'penalty_decision')
        .documentName,
    ).toBe('行政处罚决定书');
  });

  it('requires If-Match to change a format', async () => {
    const res = await t.http
      .put(url())
      .send({ typeCode: '不罚字', template: '{agencyCode}市监{typeCode}〔{year}〕{serial}号' });
    expect(res.status).toBe(428);
  });

  it('refuses templates without year or serial, or with unknown placeholders', async () => {
    for (const template of [
      '{agencyCode}{typeCode}{serial}号',
      '{agencyCode}〔{year}〕号',
      '{agencyCode}{year}{serial}{month}',
    ]) {
      const res = await t.http.put(url()).set('if-match', '"0"').send({ typeCode: '不罚', template });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].pointer).toBe('/template');
    }
  });

  it('applies a custom format to the next number, padded', async () => {
    const set = await t.http
      .put(url())
      .set('if-match', '"0"')
      .send({ typeCode: '不罚字', template: '{agencyCode}市监{typeCode}〔{year}〕{serial:3}号' })
      .expect(200);
    expect(set.headers.etag).toBe('"1"');
    expect(set.body).toMatchObject({ isDefault: false, example: '东市监不罚字〔2024〕001号' });
    const n = await allocate('no_penalty_decision').expect(201);
    expect(n.body.number).toBe('东市监不罚字〔2024〕001号');
    const stale = await t.http
      .put(url())
      .set('if-match', '"0"')
      .send({ typeCode: '不罚', template: '{typeCode}{year}-{serial}' });
    expect(stale.status).toBe(412);
  });

  it('refuses to issue a number another type already printed', async () => {
    // Make on-the-spot decisions print exactly like penalty decisions: the register must refuse.
    await t.http
      .put(`/v1/agencies/${agencyId}/document-number-formats/on_the_spot_decision`)
      .set('if-match', '"0"')
      .send({ typeCode: '处罚', template: '{agencyCode}市监{typeCode}〔{year}〕{serial}号' })
      .expect(200);
    const res = await allocate('on_the_spot_decision');
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe('DOCUMENT_NUMBER_COLLISION');
    // Nothing was consumed: the on-the-spot series has no number yet.
    expect(await serials('on_the_spot_decision', 2024)).toEqual([]);
  });
});

it('keeps agencies apart: each has its own series', async () => {
  const other = await t.seedBureau({ name: '城西区市场监督管理局', code: '西', regionCode: '630104' });
  const res = await other
    .as('officer')
    .post(`/v1/agencies/${other.agencyId}/document-numbers`)
    .send({ documentType: 'penalty_decision', purpose: 'x' })
    .expect(201);
  expect(res.body.number).toBe('西市监处罚〔2024〕1号');
  // Neither sees the other's register.
  expect((await t.http.get(`/v1/agencies/${other.agencyId}/document-numbers`)).status).toBe(404);
  const own = (await other.as('auditor').get(`/v1/agencies/${other.agencyId}/document-numbers`).expect(200))
    .body.items;
  expect(own.map((n: { number: string }) => n.number)).toEqual(['西市监处罚〔2024〕1号']);
});

it('answers 404 for an unknown agency', async () => {
  const res = await t.http
    .post('/v1/agencies/01890000-0000-7000-8000-000000000000/document-numbers')
    .send({ documentType: 'penalty_decision', purpose: 'x' });
  expect(res.status).toBe(404);
});

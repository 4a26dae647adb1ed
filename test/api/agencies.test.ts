/** Agencies and units: optimistic concurrency with ETag / If-Match, units, dissolution. */
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema';
import { mintToken } from '../../src/modules/auth/tokens';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';

let t: TestApp;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  // The demo bureau; t.http acts as its admin.
  agencyId = t.agencyId;
});
afterAll(() => t.close());

describe('If-Match on agencies', () => {
  it('requires If-Match for an update (428) and changes nothing without it', async () => {
    const res = await t.http.patch(`/v1/agencies/${agencyId}`).send({ code: '城东' });
    expect(res.status).toBe(428);
    expect(res.body.code).toBe('PRECONDITION_REQUIRED');
    const read = await t.http.get(`/v1/agencies/${agencyId}`).expect(200);
    expect(read.body.code).toBe('东');
  });

  it('applies an update with the current ETag and returns the next one', async () => {
    const read = await t.http.get(`/v1/agencies/${agencyId}`).expect(200);
    const res = await t.http
      .patch(`/v1/agencies/${agencyId}`)
      .set('if-match', String(read.headers.etag))
      .send({ name: '西宁市城东区市场监督管理局' })
      .expect(200);
    expect(res.body.name).toBe('西宁市城东区市场监督管理局');
    expect(res.body.version).toBe(read.body.version + 1);
    expect(res.headers.etag).toBe(`"${read.body.version + 1}"`);
  });

  it('refuses a stale ETag (412) so a second editor cannot overwrite the first', async () => {
    const read = await t.http.get(`/v1/agencies/${agencyId}`).expect(200);
    const etag = read.headers.etag;
    await t.http
      .patch(`/v1/agencies/${agencyId}`)
      .set('if-match', String(etag))
      .send({ code: '东A' })
      .expect(200);
    const second = await t.http
      .patch(`/v1/agencies/${agencyId}`)
      .set('if-match', String(etag))
      .send({ code: '东B' });
    expect(second.status).toBe(412);
    expect(second.body.code).toBe('PRECONDITION_FAILED');
    expect(second.body.currentEtag).toBe(`"${read.body.version + 1}"`);
    const now = await t.http.get(`/v1/agencies/${agencyId}`).expect(200);
    expect(now.body.code).toBe('东A');
  });

  it('refuses weak and malformed ETags (412)', async () => {
    const read = await t.http.get(`/v1/agencies/${agencyId}`).expect(200);
    for (const tag of [`W/${read.headers.etag}`, '*', 'abc']) {
      const res = await t.http.patch(`/v1/agencies/${agencyId}`).set('if-match', tag).send({ code: '东' });
      expect(res.status).toBe(412);
    }
  });

  it('lets exactly one of two concurrent updates with the same ETag win', async () => {
    const read = await t.http.get(`/v1/agencies/${agencyId}`).expect(200);
    const [a, b] = await Promise.all(
      ['东1', '东2'].map((code) =>
        t.http.patch(`/v1/agencies/${agencyId}`).set('if-match', String(read.headers.etag)).send({ code }),
      ),
    );
    expect([a?.status, b?.status].sort()).toEqual([200, 412]);
  });

  it('answers 404 for an update of a missing agency', async () => {
    const res = await t.http
      .patch('/v1/agencies/01890000-0000-7000-8000-000000000000')
      .set('if-match', '"1"')
      .send({ code: 'x' });
    expect(res.status).toBe(404);
  });

  it('refuses an empty change', async () => {
    const res = await t.http.patch(`/v1/agencies/${agencyId}`).set('if-match', '"1"').send({});
    expect(res.status).toBe(400);
  });
});

describe('units', () => {
  it('adds units to an agency and lists them after the seeded ones', async () => {
    const before = (await t.http.get(`/v1/agencies/${agencyId}/units`).expect(200)).body.items.length;
    const a = await t.http
      .post(`/v1/agencies/${agencyId}/units`)
      .send({ name: '价格监督检查科', kind: 'section' })
      .expect(201);
    expect(a.headers.location).toBe(`/v1/agencies/${agencyId}/units/${a.body.id}`);
    expect(a.body).toMatchObject({ agencyId, status: 'active', dissolvedOn: null, version: 1 });
    await t.http
      .post(`/v1/agencies/${agencyId}/units`)
      .send({ name: '乐家湾市场监管所', kind: 'station' })
      .expect(201);
    const list = (await t.http.get(`/v1/agencies/${agencyId}/units`).expect(200)).body.items;
    expect(list).toHaveLength(before + 2);
    expect(list.slice(-2).map((u: { name: string }) => u.name)).toEqual([
      '价格监督检查科',
      '乐家湾市场监管所',
    ]);
  });

  it('refuses a duplicate unit name within the agency', async () => {
    const res = await t.http.post(`/v1/agencies/${agencyId}/units`).send({ name: '法规科', kind: 'section' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('allows the same unit name in another agency', async () => {
    const other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    await other
      .as('admin')
      .post(`/v1/agencies/${other.agencyId}/units`)
      .send({ name: '价格监督检查科', kind: 'section' })
      .expect(201);
  });

  it('answers 404 for another agency’s units exactly as for a missing agency', async () => {
    const other = await t.seedBureau({ name: '湟中区市场监督管理局', code: '湟', regionCode: '630106' });
    const otherUnit = (await other.as('admin').get(`/v1/agencies/${other.agencyId}/units`).expect(200)).body
      .items[0];
    const missing = await t.http.get('/v1/agencies/01890000-0000-7000-8000-000000000000/units');
    const foreign = await t.http.get(`/v1/agencies/${other.agencyId}/units`);
    expect(missing.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(foreign.body.title).toBe(missing.body.title);
    expect((await t.http.get(`/v1/agencies/${other.agencyId}/units/${otherUnit.id}`)).status).toBe(404);
    expect((await t.http.get(`/v1/agencies/${agencyId}/units/${otherUnit.id}`)).status).toBe(404);
    const patch = await t.http
      .patch(`/v1/agencies/${other.agencyId}/units/${otherUnit.id}`)
      .set('if-match', '"1"')
      .send({ name: 'x' });
    expect(patch.status).toBe(404);
  });

  it('rejects an unknown unit kind', async () => {
    const res = await t.http
      .post(`/v1/agencies/${agencyId}/units`)
      .send({ name: '某科', kind: 'department' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/kind');
  });

  it('dissolves a unit only with a date, and reactivating clears it', async () => {
    const unit = await t.http
      .post(`/v1/agencies/${agencyId}/units`)
      .send({ name: '临时专班', kind: 'office' })
      .expect(201);
    const url = `/v1/agencies/${agencyId}/units/${unit.body.id}`;
    const noDate = await t.http.patch(url).set('if-match', '"1"').send({ status: 'dissolved' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.errors[0].pointer).toBe('/dissolvedOn');

    const dissolved = await t.http
      .patch(url)
      .set('if-match', '"1"')
      .send({ status: 'dissolved', dissolvedOn: '2024-06-30' })
      .expect(200);
    expect(dissolved.body).toMatchObject({ status: 'dissolved', dissolvedOn: '2024-06-30', version: 2 });

    const active = await t.http.get(`/v1/agencies/${agencyId}/units?status=active`).expect(200);
    expect(active.body.items.map((u: { id: string }) => u.id)).not.toContain(unit.body.id);
    const gone = await t.http.get(`/v1/agencies/${agencyId}/units?status=dissolved`).expect(200);
    expect(gone.body.items.map((u: { id: string }) => u.id)).toEqual([unit.body.id]);

    const back = await t.http.patch(url).set('if-match', '"2"').send({ status: 'active' }).expect(200);
    expect(back.body).toMatchObject({ status: 'active', dissolvedOn: null, version: 3 });
  });

  it('requires If-Match on unit updates and refuses stale ones', async () => {
    const unit = await t.http
      .post(`/v1/agencies/${agencyId}/units`)
      .send({ name: '质量科', kind: 'section' })
      .expect(201);
    const url = `/v1/agencies/${agencyId}/units/${unit.body.id}`;
    expect((await t.http.patch(url).send({ name: '质量发展科' })).status).toBe(428);
    await t.http.patch(url).set('if-match', '"1"').send({ name: '质量发展科' }).expect(200);
    expect((await t.http.patch(url).set('if-match', '"1"').send({ name: '质量科' })).status).toBe(412);
  });
});

describe('agency registry', () => {
  it('lets only the platform operator register agencies', async () => {
    const body = { name: '城西区市场监督管理局', code: '西', regionCode: '630104' };
    expect((await t.http.post('/v1/agencies').send(body)).status).toBe(403);
    await t.platform.post('/v1/agencies').send(body).expect(201);
  });

  it('creates a new agency with its first administrator, who can then act for it', async () => {
    const res = await t.platform
      .post('/v1/agencies')
      .send({
        name: '湟源县市场监督管理局',
        code: '湟源',
        regionCode: '630123',
        administrator: { name: '新管理员' },
      })
      .expect(201);
    expect(res.body.administrator).toMatchObject({ name: '新管理员' });
    const token = await mintToken({ secret: TEST_JWT_SECRET, officerId: res.body.administrator.id });
    await t.anonymous
      .post(`/v1/agencies/${res.body.id}/units`)
      .set('authorization', `Bearer ${token}`)
      .send({ name: '综合科', kind: 'section' })
      .expect(201);
    // …and only for it.
    expect(
      (await t.anonymous.get(`/v1/agencies/${agencyId}/units`).set('authorization', `Bearer ${token}`))
        .status,
    ).toBe(404);
    const events = await t.app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chainId, res.body.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual(['officer.created', 'unit.created']);
  });

  it('shows an officer only their own agency; the platform operator sees all', async () => {
    const own = (await t.as('officer').get('/v1/agencies').expect(200)).body.items;
    expect(own.map((a: { id: string }) => a.id)).toEqual([agencyId]);
    const all = (await t.platform.get('/v1/agencies?limit=200').expect(200)).body.items;
    expect(all.length).toBeGreaterThan(1);
  });

  it('answers 404 for another agency, to read or to change', async () => {
    const other = (await t.platform.get('/v1/agencies?limit=200').expect(200)).body.items.find(
      (a: { id: string }) => a.id !== agencyId,
    );
    expect((await t.http.get(`/v1/agencies/${other.id}`)).status).toBe(404);
    expect(
      (await t.http.patch(`/v1/agencies/${other.id}`).set('if-match', '"1"').send({ code: 'x' })).status,
    ).toBe(404);
    expect((await t.platform.get(`/v1/agencies/${other.id}`)).status).toBe(200);
  });
});

/**
 * Idempotency-Key: a retried write replays the first response and writes nothing more, also when
 * the duplicates race each other.
 */
import { count, eq, sql } from 'drizzle-orm';
import { agencies } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function agenciesNamed(name: string): Promise<number> {
  const [row] = await t.app.database.db.select({ n: count() }).from(agencies).where(eq(agencies.name, name));
  return Number(row?.n ?? 0);
}

const body = (name: string) => ({ name, code: '东', regionCode: '630102' });

it('replays the original status, headers and body without writing again', async () => {
  const first = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'create-1')
    .send(body('甲区市场监督管理局'));
  expect(first.status).toBe(201);
  expect(first.headers['idempotent-replayed']).toBeUndefined();

  const again = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'create-1')
    .send(body('甲区市场监督管理局'));
  expect(again.status).toBe(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body).toEqual(first.body);
  expect(again.headers.etag).toBe(first.headers.etag);
  expect(again.headers.location).toBe(first.headers.location);
  expect(await agenciesNamed('甲区市场监督管理局')).toBe(1);
});

it('treats the same body with keys in another order as the same request', async () => {
  const a = { name: '乙区市场监督管理局', code: '乙', regionCode: '630102' };
  const b = { regionCode: '630102', code: '乙', name: '乙区市场监督管理局' };
  const first = await t.platform.post('/v1/agencies').set('idempotency-key', 'order-1').send(a).expect(201);
  const again = await t.platform.post('/v1/agencies').set('idempotency-key', 'order-1').send(b).expect(201);
  expect(again.body.id).toBe(first.body.id);
});

it('treats a trailing slash as the same route', async () => {
  const first = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'slash-1')
    .send(body('子区市场监督管理局'))
    .expect(201);
  const again = await t.platform
    .post('/v1/agencies/')
    .set('idempotency-key', 'slash-1')
    .send(body('子区市场监督管理局'))
    .expect(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body.id).toBe(first.body.id);
});

it('refuses the same key with a different body (422) and writes nothing', async () => {
  await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'reuse-1')
    .send(body('丙区市场监督管理局'))
    .expect(201);
  const res = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'reuse-1')
    .send(body('丁区市场监督管理局'));
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await agenciesNamed('丁区市场监督管理局')).toBe(0);
});

it('refuses the same key on another endpoint (422)', async () => {
  await t.http
    .post(`/v1/agencies/${t.agencyId}/units`)
    .set('idempotency-key', 'path-1')
    .send({ name: '戊科', kind: 'section' })
    .expect(201);
  const res = await t.http
    .post(`/v1/agencies/${t.agencyId}/rule-settings/publication.working_days`)
    .set('idempotency-key', 'path-1')
    .send({ value: 5, effectiveFrom: '2030-01-01', basis: 'x' });
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('keeps each caller’s keys apart: another officer’s same key is a new request', async () => {
  const first = await t.http
    .post(`/v1/agencies/${t.agencyId}/units`)
    .set('idempotency-key', 'shared-key')
    .send({ name: '己科', kind: 'section' })
    .expect(201);
  // The same key from another caller is not a replay of the admin's response: it runs, and is refused
  // because its role may not create units.
  const other = await t
    .as('officer')
    .post(`/v1/agencies/${t.agencyId}/units`)
    .set('idempotency-key', 'shared-key')
    .send({ name: '己科', kind: 'section' });
  expect(other.status).toBe(403);
  expect(other.headers['idempotent-replayed']).toBeUndefined();
  expect(first.headers['idempotent-replayed']).toBeUndefined();
});

it('does not store a failed write: a retry after a refusal runs again', async () => {
  const bad = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'fail-1')
    .send({ ...body('己区市场监督管理局'), regionCode: '990101' });
  expect(bad.status).toBe(400);
  const fixed = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'fail-1')
    .send(body('己区市场监督管理局'));
  expect(fixed.status).toBe(201);
});

it('rejects a malformed key', async () => {
  const res = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'x'.repeat(256))
    .send(body('庚区市场监督管理局'));
  expect(res.status).toBe(400);
  expect(res.body.errors[0]).toMatchObject({ in: 'headers', pointer: '/idempotency-key' });
});

it('writes exactly once when 20 duplicates arrive concurrently, and all get the same answer', async () => {
  const name = '辛区市场监督管理局';
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      t.platform.post('/v1/agencies').set('idempotency-key', 'race-1').send(body(name)),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
  expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
  expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
  expect(await agenciesNamed(name)).toBe(1);
});

it('without a key, a repeated request runs again (and is refused as a duplicate)', async () => {
  await t.platform.post('/v1/agencies').send(body('壬区市场监督管理局')).expect(201);
  const res = await t.platform.post('/v1/agencies').send(body('壬区市场监督管理局'));
  expect(res.status).toBe(409);
});

it('forgets keys after the retention period', async () => {
  const name = '癸区市场监督管理局';
  const first = await t.platform
    .post('/v1/agencies')
    .set('idempotency-key', 'old-1')
    .send(body(name))
    .expect(201);
  // Age the stored key past 24 hours, as time would.
  await t.app.database.db.execute(
    sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old-1'`,
  );
  const res = await t.platform.post('/v1/agencies').set('idempotency-key', 'old-1').send(body(name));
  // The write runs again: the agency now exists, so it is refused as a duplicate instead of replayed.
  expect(res.status).toBe(409);
  expect(res.headers['idempotent-replayed']).toBeUndefined();
  expect(first.status).toBe(201);
});

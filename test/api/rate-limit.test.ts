/** The per-client rate limit answers with a 429 problem; probes are exempt. */
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_MAX: '3' } });
});
afterAll(() => t.close());

it('refuses the fourth request in a minute with 429 RATE_LIMITED', async () => {
  for (let i = 0; i < 3; i++) await t.http.get('/v1/agencies').expect(200);
  const res = await t.http.get('/v1/agencies');
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  expect(res.headers['retry-after']).toBeDefined();
});

it('never limits the probes', async () => {
  for (let i = 0; i < 5; i++) await t.http.get('/healthz').expect(200);
});

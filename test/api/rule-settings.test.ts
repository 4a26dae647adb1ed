/** Configurable rules: cited defaults, dated values, history, validation. */
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2024-06-01T04:00:00Z') });
  url = `/v1/agencies/${t.agencyId}/rule-settings`;
});
afterAll(() => t.close());

it('lists every setting with its default and legal source; the demo bureau publishes within 7 WD', async () => {
  const res = await t.as('officer').get(url).expect(200);
  expect(res.body.asOf).toBe('2024-06-01');
  const review = res.body.items.find((s: { key: string }) => s.key === 'case_review.working_days');
  expect(review).toMatchObject({ value: 10, isDefault: true, effectiveFrom: null, default: 10, history: [] });
  const publication = res.body.items.find((s: { key: string }) => s.key === 'publication.working_days');
  expect(publication).toMatchObject({ value: 7, isDefault: false, default: 20 });
  expect(publication.defaultSource).toContain('PDR art. 9');
  const ratio = res.body.items.find((s: { key: string }) => s.key === 'officers.min_legal_reviewer_ratio');
  expect(ratio.value).toBe(0.05);
});

it('applies a value from its effective date on, and keeps the old one answerable', async () => {
  const set = await t.http
    .post(`${url}/case_review.working_days`)
    .send({ value: 8, effectiveFrom: '2024-03-01', basis: '东市监发〔2024〕2号 (test)' })
    .expect(201);
  expect(set.body).toMatchObject({ value: 8, isDefault: false, effectiveFrom: '2024-03-01' });
  const before = await t.http.get(`${url}/case_review.working_days?asOf=2024-02-29`).expect(200);
  expect(before.body).toMatchObject({ value: 10, isDefault: true });
  const after = await t.http.get(`${url}/case_review.working_days?asOf=2024-03-01`).expect(200);
  expect(after.body).toMatchObject({ value: 8, basis: '东市监发〔2024〕2号 (test)' });
  expect(after.body.history).toHaveLength(1);
});

it('refuses a value outside the setting’s schema, writing nothing', async () => {
  const res = await t.http
    .post(`${url}/publication.working_days`)
    .send({ value: 30, effectiveFrom: '2024-07-01', basis: 'x' });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].pointer).toBe('/value');
  const wrongType = await t.http
    .post(`${url}/officers.min_legal_reviewer_ratio`)
    .send({ value: '5%', effectiveFrom: '2024-07-01', basis: 'x' });
  expect(wrongType.status).toBe(400);
  const history = (await t.http.get(`${url}/publication.working_days`).expect(200)).body.history;
  expect(history).toHaveLength(1);
});

it('never overwrites a value: the same key and date twice is a conflict', async () => {
  const res = await t.http
    .post(`${url}/case_review.working_days`)
    .send({ value: 5, effectiveFrom: '2024-03-01', basis: 'x' });
  expect(res.status).toBe(409);
});

it('lets only the administrator or the bureau head set rules', async () => {
  const body = { value: 9, effectiveFrom: '2024-09-01', basis: '局长办公会 (test)' };
  expect((await t.as('officer').post(`${url}/case_review.working_days`).send(body)).status).toBe(403);
  await t.as('bureau_head').post(`${url}/case_review.working_days`).send(body).expect(201);
});

it('refuses unknown keys, missing fields and other agencies', async () => {
  expect(
    (await t.http.post(`${url}/no.such.key`).send({ value: 1, effectiveFrom: '2024-07-01', basis: 'x' }))
      .status,
  ).toBe(400);
  expect((await t.http.post(`${url}/publication.working_days`).send({ value: 5, basis: 'x' })).status).toBe(
    400,
  );
  expect(
    (await t.http.post(`${url}/publication.working_days`).send({ effectiveFrom: '2024-07-01', basis: 'x' }))
      .status,
  ).toBe(400);
  expect((await t.http.get('/v1/agencies/01890000-0000-7000-8000-000000000000/rule-settings')).status).toBe(
    404,
  );
});

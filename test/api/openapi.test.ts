/** The OpenAPI document is something people can work from: every operation is described and typed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

it('serves OpenAPI 3.1 at /openapi.json with named component schemas', async () => {
  const res = await t.http.get('/openapi.json').expect(200);
  expect(res.body.openapi).toBe('3.1.0');
  for (const name of ['Problem', 'Agency', 'Unit', 'DueDate', 'DocumentNumber', 'CalendarNotice']) {
    expect(res.body.components.schemas).toHaveProperty(name);
  }
  expect(Object.keys(res.body.components.schemas).some((k) => k.startsWith('def-'))).toBe(false);
});

it('describes every operation: tags, unique operationId, summary, a Chinese term, responses', async () => {
  const doc = (await t.http.get('/openapi.json').expect(200)).body;
  const ids = new Set<string>();
  const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
  );
  expect(operations.length).toBeGreaterThanOrEqual(20);
  for (const { where, op } of operations) {
    expect({ where, tags: op.tags?.length ?? 0 }).toEqual({ where, tags: 1 });
    expect({ where, ok: Boolean(op.operationId && op.summary) }).toEqual({ where, ok: true });
    expect({ where, chinese: /[\u4e00-\u9fff]/.test(op.description ?? '') }).toEqual({
      where,
      chinese: true,
    });
    expect(ids.has(op.operationId as string)).toBe(false);
    ids.add(op.operationId as string);
    const success = Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2'));
    expect({ where, success: success.length > 0 }).toEqual({ where, success: true });
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      // /readyz answers 503 with its own Readiness body, for orchestrators; every other error is a problem.
      if (Number(status) >= 400 && where !== 'GET /readyz')
        expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
  }
});

it('documents Idempotency-Key on writes and If-Match on updates', async () => {
  const doc = (await t.http.get('/openapi.json').expect(200)).body;
  const params = (path: string, method: string) =>
    ((doc.paths[path][method].parameters ?? []) as { name: string; in: string }[]).map(
      (p) => `${p.in}:${p.name}`,
    );
  expect(params('/v1/agencies', 'post')).toContain('header:idempotency-key');
  expect(params('/v1/agencies/{agencyId}', 'patch')).toEqual(
    expect.arrayContaining(['header:if-match', 'header:idempotency-key']),
  );
});

it('serves Swagger UI at /docs', async () => {
  const res = await t.http.get('/docs').redirects(1).expect(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.text).toContain('swagger-ui');
  const init = await t.http.get('/docs/static/swagger-initializer.js').expect(200);
  expect(init.text).toContain("resolveUrl('./json')");
  const spec = await t.http.get('/docs/json').expect(200);
  expect(spec.body.openapi).toBe('3.1.0');
});

it('matches the committed openapi/openapi.json (npm run openapi)', async () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8'));
  const served = (await t.http.get('/openapi.json').expect(200)).body;
  expect(served).toEqual(committed);
});

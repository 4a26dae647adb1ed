/**
 * The HTTP conventions every route follows: problem details for every error class, strict
 * bodies, request ids, probes.
 */
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { createAgency, createTestApp, SEED_AGENCY, type TestApp } from '../helpers/app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    env: { BODY_LIMIT_BYTES: '2048' },
    extend: (app) => {
      app.get('/test/boom', { config: { public: true } }, async () => {
        throw new Error('secret internals: password=hunter2 at /srv/app.ts:12');
      });
      app.post(
        '/test/party',
        {
          config: { public: true },
          schema: {
            body: {
              type: 'object',
              additionalProperties: false,
              properties: {
                creditCode: { type: 'string', format: 'unified-social-credit-code' },
                residentId: { type: 'string', format: 'resident-id' },
              },
            },
          },
        },
        async (request) => request.body,
      );
      app.get('/test/sql-error', { config: { public: true } }, async () => {
        await app.database.db.execute(sql`select * from table_that_does_not_exist`);
        return {};
      });
    },
  });
});
afterAll(() => t.close());

function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    code,
    type: `urn:fazhi:problem:${code.toLowerCase().replaceAll('_', '-')}`,
  });
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.instance).toBe('string');
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}

async function agencyCount(): Promise<number> {
  const res = await t.platform.get('/v1/agencies?limit=200').expect(200);
  return res.body.items.length;
}

describe('validation', () => {
  it('rejects unknown body fields with 400 and a JSON pointer, writing nothing', async () => {
    const before = await agencyCount();
    const res = await t.platform.post('/v1/agencies').send({ ...SEED_AGENCY, colour: 'red' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ in: 'body', pointer: '/colour', message: 'is not a known field' }]);
    expect(await agencyCount()).toBe(before);
  });

  it('lists every invalid field, not just the first', async () => {
    const res = await t.platform.post('/v1/agencies').send({ name: 'x', regionCode: 'abc' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/code', '/name', '/regionCode']);
  });

  it('rejects unknown query parameters', async () => {
    const res = await t.platform.get('/v1/agencies?limit=5&sort=name');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0]).toMatchObject({ in: 'querystring', pointer: '/sort' });
  });

  it('caps the page size', async () => {
    const res = await t.platform.get('/v1/agencies?limit=201');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0]).toMatchObject({ in: 'querystring', pointer: '/limit' });
  });

  it('rejects a malformed path id', async () => {
    const res = await t.platform.get('/v1/agencies/not-a-uuid');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0]).toMatchObject({ in: 'params', pointer: '/agencyId' });
  });

  it('rejects a cursor it did not issue', async () => {
    const res = await t.platform.get('/v1/agencies?cursor=garbage');
    expectProblem(res, 400, 'INVALID_CURSOR');
  });

  it('rejects a well-formed cursor with a tampered value (never a database error)', async () => {
    const tampered = Buffer.from(JSON.stringify({ id: 'zz' })).toString('base64url');
    expectProblem(await t.http.get(`/v1/agencies?cursor=${tampered}`), 400, 'INVALID_CURSOR');
    const badYear = Buffer.from(JSON.stringify({ documentType: 'x', year: 'abc', serial: 1 })).toString(
      'base64url',
    );
    expectProblem(
      await t.http.get(`/v1/agencies/${t.agencyId}/document-numbers?cursor=${badYear}`),
      400,
      'INVALID_CURSOR',
    );
    const badVersion = Buffer.from(JSON.stringify({ version: 'x' })).toString('base64url');
    expectProblem(await t.http.get(`/v1/calendar/changes?cursor=${badVersion}`), 400, 'INVALID_CURSOR');
  });

  it('rejects dates outside 1900–2099 before they reach the calendar', async () => {
    for (const from of ['0000-01-01', '9999-12-31', '1899-12-31']) {
      expectProblem(
        await t.http.get(`/v1/calendar/due-date?from=${from}&days=1&unit=working`),
        400,
        'VALIDATION_FAILED',
      );
    }
    const longest = await t.http.get('/v1/calendar/due-date?from=2099-12-31&days=3650&unit=working');
    expect(longest.status).toBe(200);
    expect(longest.body.provisional).toBe(true);
  });
});

describe('identifier formats', () => {
  it('accepts valid codes', async () => {
    await t.http
      .post('/test/party')
      .send({ creditCode: '91630102MA7N3Q2K4H', residentId: '11010519491231002X' })
      .expect(200);
  });

  it('rejects a wrong check character with a pointer to the field', async () => {
    const res = await t.http
      .post('/test/party')
      .send({ creditCode: '91630102MA7N3Q2K4J', residentId: '110105194912310021' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/creditCode',
      '/residentId',
    ]);
  });

  it('rejects a resident id whose birth date is in the future', async () => {
    // 2099-01-01 birth date with a correct check digit.
    const first17 = '63010220990101123';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
    const res = await t.http.post('/test/party').send({ residentId: first17 + '10X98765432'[sum % 11] });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.platform
      .post('/v1/agencies')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers an empty JSON body with 400 MALFORMED_JSON', async () => {
    const res = await t.platform.post('/v1/agencies').set('content-type', 'application/json').send('');
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers a non-JSON content type with 415', async () => {
    const before = await agencyCount();
    const text = await t.platform.post('/v1/agencies').set('content-type', 'text/plain').send('name=x');
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const form = await t.platform.post('/v1/agencies').type('form').send({ name: 'x' });
    expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await agencyCount()).toBe(before);
  });

  it('answers an oversize body with 413', async () => {
    const res = await t.platform.post('/v1/agencies').send({ ...SEED_AGENCY, name: '局'.repeat(3000) });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('unreadable HTTP', () => {
  it('answers a malformed request line with a problem, not a bare error', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address !== 'object') throw new Error('not listening');
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/Content-Type: application\/problem\+json/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
    });
  });
});

describe('not found', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http.get('/v1/no-such-thing');
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.body.instance).toBe('/v1/no-such-thing');
  });

  it('answers an unknown id with a 404 problem', async () => {
    const res = await t.platform.get('/v1/agencies/01890000-0000-7000-8000-000000000000');
    expectProblem(res, 404, 'NOT_FOUND');
  });
});

describe('server errors', () => {
  it('hides the error message and stack of an unexpected exception', async () => {
    const res = await t.http.get('/test/boom');
    expectProblem(res, 500, 'INTERNAL_ERROR');
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/hunter2|secret|app\.ts|stack|at /);
  });

  it('hides SQL and database internals', async () => {
    const res = await t.http.get('/test/sql-error');
    expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toMatch(/table_that_does_not_exist|select|relation|42P01/i);
  });
});

describe('conflicts', () => {
  it('answers a duplicate agency with 409 DUPLICATE', async () => {
    const body = { name: '城西区市场监督管理局', code: '西', regionCode: '630104' };
    await t.platform.post('/v1/agencies').send(body).expect(201);
    const res = await t.platform.post('/v1/agencies').send(body);
    expectProblem(res, 409, 'DUPLICATE');
  });
});

describe('request ids', () => {
  it('echoes a caller-supplied X-Request-Id', async () => {
    const res = await t.http.get('/healthz').set('x-request-id', 'gateway-abc.123');
    expect(res.headers['x-request-id']).toBe('gateway-abc.123');
  });

  it('replaces an unsafe X-Request-Id with a generated one', async () => {
    const res = await t.http.get('/healthz').set('x-request-id', 'bad id\twith spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('generates one when none is sent, different per request', async () => {
    const a = await t.http.get('/healthz');
    const b = await t.http.get('/healthz');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('puts the request id in the problem body', async () => {
    const res = await t.http.get('/v1/nothing').set('x-request-id', 'trace-42');
    expect(res.body.requestId).toBe('trace-42');
  });
});

describe('probes', () => {
  it('/healthz answers 200', async () => {
    await t.http.get('/healthz').expect(200, { status: 'ok' });
  });

  it('/readyz answers 200 with the migration state', async () => {
    const res = await t.http.get('/readyz').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.database.reachable).toBe(true);
    expect(res.body.database.migrations.pending).toBe(0);
    expect(res.body.database.migrations.applied).toBeGreaterThanOrEqual(2);
  });
});

describe('security headers', () => {
  it('sends the usual hardening headers', async () => {
    const res = await t.http.get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});

describe('agency lifecycle', () => {
  it('creates with ETag and Location, reads it back', async () => {
    const res = await t.platform
      .post('/v1/agencies')
      .send({ name: '城中区市场监督管理局', code: '中', regionCode: '630103' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/v1/agencies/${res.body.id}`);
    expect(res.body).toMatchObject({ province: '青海省', provinceCode: '630000', version: 1 });
    const read = await t.platform.get(String(res.headers.location)).expect(200);
    expect(read.headers.etag).toBe('"1"');
    const { administrator, ...agency } = res.body;
    expect(administrator).toBeNull();
    expect(read.body).toEqual(agency);
  });

  it('refuses a province that contradicts the region code', async () => {
    const res = await t.platform
      .post('/v1/agencies')
      .send({ name: '某区市场监督管理局', code: '某', regionCode: '630105', province: '四川省' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].pointer).toBe('/province');
  });

  it('refuses a region code outside the mainland provinces', async () => {
    const res = await t.platform
      .post('/v1/agencies')
      .send({ name: '某局', code: '某', regionCode: '990101' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].pointer).toBe('/regionCode');
  });

  it('pages through agencies with a stable cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await createAgency(t, {
        name: `测试${i}区市场监督管理局`,
        code: `测${i}`,
        regionCode: `6301${20 + i}`,
      });
    }
    const all = (await t.platform.get('/v1/agencies?limit=200').expect(200)).body.items.map(
      (a: { id: string }) => a.id,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = (await t.platform.get(`/v1/agencies${query}`).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

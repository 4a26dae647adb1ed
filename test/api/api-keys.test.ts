/** API keys (API 密钥) for system clients: created by an admin, shown once, hashed, scoped, revocable. */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ROLE_NAMES } from '../../src/domain/access/roles';
import { apiKeys } from '../../src/modules/api-keys/api-keys.table';
import { auditEvents } from '../../src/modules/audit/audit.table';
import { createTestApp, type TestApp, type TestBureau } from '../helpers/app';

let t: TestApp;
let other: TestBureau;

beforeAll(async () => {
  t = await createTestApp();
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
});
afterAll(() => t.close());

const DUE_DATE = '/v1/calendar/due-date?from=2024-09-27&days=5&unit=working';

interface CreatedKey {
  id: string;
  agencyId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  key: string;
}

async function createKey(
  scopes: string[] = ['calendar.read'],
  name = '青海省智慧市场监管平台',
): Promise<CreatedKey> {
  const res = await t.http.post('/v1/api-keys').send({ name, scopes }).expect(201);
  return res.body;
}

/** The part after `fzk_<id>_` (it may itself contain underscores). */
const secretOf = (key: string) => key.slice('fzk_'.length + 32 + 1);

const withKey = (key: string, url: string) => t.anonymous.get(url).set('authorization', `ApiKey ${key}`);

describe('creating an API key', () => {
  it('answers 201 with the key, shown this once', async () => {
    const res = await t.http
      .post('/v1/api-keys')
      .send({ name: '省平台对接', scopes: ['calendar.read', 'units.read'] })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      agencyId: t.agencyId,
      name: '省平台对接',
      scopes: ['calendar.read', 'units.read'],
      createdAt: expect.any(String),
      createdBy: t.bureau.officers.admin,
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
      key: expect.stringMatching(/^fzk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/),
    });
    expect(res.body.key).toContain(res.body.id.replaceAll('-', ''));
    expect(res.headers.location).toBe(`/v1/api-keys/${res.body.id}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('never shows the key or its hash again', async () => {
    const created = await createKey();
    const secret = secretOf(created.key);
    const read = await t.http.get(`/v1/api-keys/${created.id}`).expect(200);
    const { key: _key, ...withoutKey } = created;
    expect(read.body).toEqual(withoutKey);
    const list = await t.http.get('/v1/api-keys').expect(200);
    expect(list.body.items.find((k: { id: string }) => k.id === created.id)).toEqual(withoutKey);
    for (const text of [JSON.stringify(read.body), JSON.stringify(list.body)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(createHash('sha256').update(secret).digest('hex'));
      expect(text).not.toMatch(/secret|hash/i);
    }
  });

  it('stores only the SHA-256 of the secret, never the key in clear', async () => {
    const created = await createKey();
    const secret = secretOf(created.key);
    const [row] = await t.app.database.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.agencyId, t.agencyId), eq(apiKeys.id, created.id)));
    expect(row?.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('records api_key.created in the audit trail, without the key or its hash', async () => {
    const created = await createKey(['calendar.read'], '审计测试密钥');
    const events = await t.app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainId, t.agencyId), eq(auditEvents.entityId, created.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'api_key.created',
      entityType: 'api_key',
      actorType: 'officer',
      actorId: t.bureau.officers.admin,
      changes: {
        name: { before: null, after: '审计测试密钥' },
        scopes: { before: null, after: ['calendar.read'] },
      },
    });
    const secret = secretOf(created.key);
    const text = JSON.stringify(events);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(createHash('sha256').update(secret).digest('hex'));
  });

  it('refuses an Idempotency-Key: replaying the response would mean storing the key', async () => {
    const before = (await t.http.get('/v1/api-keys?limit=200').expect(200)).body.items.length;
    const res = await t.http
      .post('/v1/api-keys')
      .set('idempotency-key', 'create-key-1')
      .send({ name: '重试', scopes: ['calendar.read'] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'headers', pointer: '/idempotency-key' });
    expect((await t.http.get('/v1/api-keys?limit=200').expect(200)).body.items).toHaveLength(before);
  });

  it('refuses a scope that API keys may not hold, pointing at it', async () => {
    const res = await t.http
      .post('/v1/api-keys')
      .send({ name: '越权', scopes: ['calendar.read', 'officers.write'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { in: 'body', pointer: '/scopes/1', message: 'officers.write cannot be granted to an API key' },
    ]);
  });

  it('refuses key management and the audit trail as scopes', async () => {
    for (const scope of ['api_keys.manage', 'audit.read', 'personal_data.unmask']) {
      const res = await t.http.post('/v1/api-keys').send({ name: '越权', scopes: [scope] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].pointer).toBe('/scopes/0');
    }
  });

  it('refuses an unknown operation, pointing at it', async () => {
    const res = await t.http.post('/v1/api-keys').send({ name: '未知', scopes: ['lottery.read'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { in: 'body', pointer: '/scopes/0', message: 'lottery.read is not an operation' },
    ]);
  });

  it('refuses no scopes, repeated scopes, a missing name and unknown fields', async () => {
    const bodies = [
      { name: '空', scopes: [] },
      { name: '重复', scopes: ['calendar.read', 'calendar.read'] },
      { scopes: ['calendar.read'] },
      { name: '多余', scopes: ['calendar.read'], secret: 'mine' },
    ];
    for (const body of bodies) {
      const res = await t.http.post('/v1/api-keys').send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('using an API key', () => {
  it('allows an operation in its scopes, with Authorization: ApiKey and with X-API-Key', async () => {
    const { key } = await createKey(['calendar.read']);
    const viaAuthorization = await withKey(key, DUE_DATE).expect(200);
    expect(viaAuthorization.body.dueDate).toBe('2024-10-10');
    const viaHeader = await t.anonymous.get(DUE_DATE).set('x-api-key', key).expect(200);
    expect(viaHeader.body.dueDate).toBe('2024-10-10');
  });

  it('refuses an operation outside its scopes with 403', async () => {
    const { key } = await createKey(['calendar.read']);
    const res = await withKey(key, `/v1/agencies/${t.agencyId}/units`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', operation: 'units.read' });
  });

  it('can never manage keys or read the audit trail, whatever it holds', async () => {
    const { key } = await createKey(['calendar.read', 'units.read', 'agencies.read']);
    for (const url of ['/v1/api-keys', '/v1/audit-events', '/v1/audit-events/verify']) {
      expect((await withKey(key, url)).status).toBe(403);
    }
    const create = await t.anonymous
      .post('/v1/api-keys')
      .set('x-api-key', key)
      .send({ name: '自我繁殖', scopes: ['calendar.read'] });
    expect(create.status).toBe(403);
  });

  it('sees only its own agency', async () => {
    const { key } = await createKey(['units.read', 'agencies.read']);
    await withKey(key, `/v1/agencies/${t.agencyId}/units`).expect(200);
    const res = await withKey(key, `/v1/agencies/${other.agencyId}/units`);
    expect(res.status).toBe(404);
    expect((await withKey(key, `/v1/agencies/${other.agencyId}`)).status).toBe(404);
  });

  it('answers 401 API_KEY_INVALID to a tampered, unknown or malformed key', async () => {
    const { key } = await createKey(['calendar.read']);
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    const idHex = key.slice(4, 36);
    const otherId = `${idHex.slice(0, -1)}${idHex.at(-1) === '0' ? '1' : '0'}`;
    const forgeries = [
      `${key.slice(0, -1)}${last}`, // secret changed
      key.replace(idHex, otherId), // id changed: no such key
      key.slice(0, -1), // truncated
      'fzk_not-a-key',
      'Bearer-ish nonsense',
    ];
    for (const forged of forgeries) {
      for (const res of [
        await withKey(forged, DUE_DATE),
        await t.anonymous.get(DUE_DATE).set('x-api-key', forged),
      ]) {
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('API_KEY_INVALID');
      }
    }
  });

  it('records when the key was last used', async () => {
    const created = await createKey(['calendar.read']);
    expect((await t.http.get(`/v1/api-keys/${created.id}`).expect(200)).body.lastUsedAt).toBeNull();
    const before = Date.now();
    await withKey(created.key, DUE_DATE).expect(200);
    // Use is recorded beside the request, not inside it: allow it a moment to land.
    let lastUsedAt: string | null = null;
    for (let attempt = 0; attempt < 50 && !lastUsedAt; attempt++) {
      lastUsedAt = (await t.http.get(`/v1/api-keys/${created.id}`).expect(200)).body.lastUsedAt;
      if (!lastUsedAt) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(lastUsedAt).not.toBeNull();
    expect(Date.parse(lastUsedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(lastUsedAt as string)).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe('revoking an API key', () => {
  it('revokes it, after which it answers 401 API_KEY_REVOKED', async () => {
    const created = await createKey(['calendar.read']);
    await withKey(created.key, DUE_DATE).expect(200);
    const res = await t.http.post(`/v1/api-keys/${created.id}/actions/revoke`).expect(200);
    expect(res.body).toMatchObject({
      id: created.id,
      revokedAt: expect.any(String),
      revokedBy: t.bureau.officers.admin,
    });
    expect(res.body).not.toHaveProperty('key');
    for (const used of [
      withKey(created.key, DUE_DATE),
      t.anonymous.get(DUE_DATE).set('x-api-key', created.key),
    ]) {
      const refused = await used;
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('API_KEY_REVOKED');
    }
    const read = await t.http.get(`/v1/api-keys/${created.id}`).expect(200);
    expect(read.body.revokedAt).toBe(res.body.revokedAt);
  });

  it('answers 409 CONFLICT when the key is already revoked, and records nothing', async () => {
    const created = await createKey(['calendar.read']);
    await t.http.post(`/v1/api-keys/${created.id}/actions/revoke`).expect(200);
    const again = await t.http.post(`/v1/api-keys/${created.id}/actions/revoke`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    const events = await t.app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainId, t.agencyId), eq(auditEvents.entityId, created.id)));
    expect(events.map((e) => e.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(events[1]?.changes).toEqual({
      revokedAt: { before: null, after: expect.any(String) },
      revokedBy: { before: null, after: t.bureau.officers.admin },
    });
  });

  it('still refuses a tampered copy of a revoked key as invalid, not revoked', async () => {
    const created = await createKey(['calendar.read']);
    await t.http.post(`/v1/api-keys/${created.id}/actions/revoke`).expect(200);
    const forged = `${created.key.slice(0, -1)}${created.key.at(-1) === 'A' ? 'B' : 'A'}`;
    const res = await withKey(forged, DUE_DATE);
    expect(res.body.code).toBe('API_KEY_INVALID');
  });

  it('answers 404 for a missing key', async () => {
    const res = await t.http.post('/v1/api-keys/01890000-0000-7000-8000-000000000000/actions/revoke');
    expect(res.status).toBe(404);
  });
});

describe('who may manage API keys', () => {
  it('admins only: every other role gets 403, on every management route', async () => {
    const created = await createKey();
    for (const role of ROLE_NAMES.filter((r) => r !== 'admin')) {
      const as = t.as(role);
      const responses = [
        await as.post('/v1/api-keys').send({ name: '不该有', scopes: ['calendar.read'] }),
        await as.get('/v1/api-keys'),
        await as.get(`/v1/api-keys/${created.id}`),
        await as.post(`/v1/api-keys/${created.id}/actions/revoke`),
      ];
      for (const res of responses) {
        expect([role, res.status, res.body.code]).toEqual([role, 403, 'FORBIDDEN']);
      }
    }
    expect((await t.http.get(`/v1/api-keys/${created.id}`).expect(200)).body.revokedAt).toBeNull();
  });

  it('answers 401 without credentials', async () => {
    const res = await t.anonymous.get('/v1/api-keys');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTHENTICATION_REQUIRED');
  });

  it('answers 404 for another agency’s key, exactly as for a missing one, and never lists it', async () => {
    const theirs = (
      await other
        .as('admin')
        .post('/v1/api-keys')
        .send({ name: '城北平台', scopes: ['calendar.read'] })
        .expect(201)
    ).body as CreatedKey;
    expect(theirs.agencyId).toBe(other.agencyId);
    const read = await t.http.get(`/v1/api-keys/${theirs.id}`);
    const missing = await t.http.get('/v1/api-keys/01890000-0000-7000-8000-000000000000');
    expect(read.status).toBe(404);
    expect(read.body.code).toBe(missing.body.code);
    expect((await t.http.post(`/v1/api-keys/${theirs.id}/actions/revoke`)).status).toBe(404);
    const ours = (await t.http.get('/v1/api-keys?limit=200').expect(200)).body.items as CreatedKey[];
    expect(ours.map((k) => k.id)).not.toContain(theirs.id);
    expect(ours.every((k) => k.agencyId === t.agencyId)).toBe(true);
    // Their key still works: our failed revoke changed nothing.
    await withKey(theirs.key, DUE_DATE).expect(200);
  });
});

describe('listing API keys', () => {
  it('pages in creation order with a keyset cursor', async () => {
    const fresh = await t.seedBureau({ name: '湟中区市场监督管理局', code: '湟', regionCode: '630106' });
    const admin = fresh.as('admin');
    const ids: string[] = [];
    for (const name of ['一', '二', '三', '四', '五']) {
      ids.push(
        (
          await admin
            .post('/v1/api-keys')
            .send({ name, scopes: ['calendar.read'] })
            .expect(201)
        ).body.id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await admin.get(`/v1/api-keys${query}`).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((k: { id: string }) => k.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('refuses a tampered cursor', async () => {
    const res = await t.http.get('/v1/api-keys?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });
});

describe('recording use', () => {
  it('writes lastUsedAt at most once a minute per key', async () => {
    let clock = new Date('2024-10-08T09:00:00.000Z');
    const c = await createTestApp({ now: () => clock });
    try {
      const created = (
        await c.http
          .post('/v1/api-keys')
          .send({ name: '计时', scopes: ['calendar.read'] })
          .expect(201)
      ).body as CreatedKey;
      const lastUsed = async (expected: string) => {
        let seen: string | null = null;
        for (let attempt = 0; attempt < 50 && seen !== expected; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20));
          seen = (await c.http.get(`/v1/api-keys/${created.id}`).expect(200)).body.lastUsedAt;
        }
        return seen;
      };
      const use = () => c.anonymous.get(DUE_DATE).set('x-api-key', created.key).expect(200);

      await use();
      expect(await lastUsed('2024-10-08T09:00:00.000Z')).toBe('2024-10-08T09:00:00.000Z');
      clock = new Date('2024-10-08T09:00:40.000Z');
      await use();
      // Give a (wrong) write the time to land before looking.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await c.http.get(`/v1/api-keys/${created.id}`).expect(200)).body.lastUsedAt).toBe(
        '2024-10-08T09:00:00.000Z',
      );
      clock = new Date('2024-10-08T09:02:00.000Z');
      await use();
      expect(await lastUsed('2024-10-08T09:02:00.000Z')).toBe('2024-10-08T09:02:00.000Z');
    } finally {
      await c.close();
    }
  });
});

/**
 * The audit trail (审计日志): one event per successful write and none for a failed one, hash-chained
 * per agency, refused UPDATE and DELETE by the database, and verifiable (哈希链校验) end to end.
 */
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { ROLE_NAMES } from '../../src/domain/access/roles';
import { type ChainedEventContent, eventHash, type HashAlgorithm } from '../../src/domain/audit/hash-chain';
import { auditEvents } from '../../src/modules/audit/audit.table';
import { createTestApp, type TestApp } from '../helpers/app';

interface AuditEvent extends ChainedEventContent {
  hashAlgorithm: HashAlgorithm;
  prevHash: string;
  hash: string;
}

async function eventCount(t: TestApp, chainId = t.agencyId): Promise<number> {
  const [row] = await t.app.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.chainId, chainId));
  return Number(row?.n ?? 0);
}

async function lastEvent(t: TestApp) {
  const [row] = await t.app.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.chainId, t.agencyId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!row) throw new Error('no audit event');
  return row;
}

let unitCounter = 0;
async function createUnit(t: TestApp, name = `测试科${++unitCounter}`) {
  const res = await t.http
    .post(`/v1/agencies/${t.agencyId}/units`)
    .send({ name, kind: 'section' })
    .expect(201);
  return res.body as { id: string; name: string; version: number };
}

/** Runs SQL as the superuser the tests connect as, with the append-only trigger off. */
async function withTriggerDisabled(t: TestApp, statement: ReturnType<typeof sql>) {
  await t.app.database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`);
  });
}

describe('audit events for writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records exactly one event for a successful write, carrying actor, request id and address', async () => {
    const before = await eventCount(t);
    const res = await t.http
      .post(`/v1/agencies/${t.agencyId}/units`)
      .set('x-request-id', 'req-audit-create-1')
      .send({ name: '法制审核科', kind: 'section' })
      .expect(201);
    expect(await eventCount(t)).toBe(before + 1);
    const event = await lastEvent(t);
    expect(event).toMatchObject({
      chainId: t.agencyId,
      seq: before + 1,
      actorType: 'officer',
      actorId: t.bureau.officers.admin,
      action: 'unit.created',
      entityType: 'unit',
      entityId: res.body.id,
      requestId: 'req-audit-create-1',
      hashAlgorithm: 'sm3',
    });
    expect(event.clientAddress).toMatch(/127\.0\.0\.1|::1/);
    expect(event.changes).toMatchObject({
      name: { before: null, after: '法制审核科' },
      kind: { before: null, after: 'section' },
    });
  });

  it('records the changed fields, before and after, and only those', async () => {
    const unit = await createUnit(t);
    const before = await eventCount(t);
    await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unit.id}`)
      .set('if-match', '"1"')
      .set('x-request-id', 'req-audit-rename')
      .send({ name: `${unit.name}（改）`, kind: 'section' })
      .expect(200);
    expect(await eventCount(t)).toBe(before + 1);
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'unit.updated', entityId: unit.id, requestId: 'req-audit-rename' });
    expect(event.changes).toEqual({ name: { before: unit.name, after: `${unit.name}（改）` } });
  });

  it('records nothing for a refused write: duplicate (409), stale If-Match (412), invalid (400), no If-Match (428)', async () => {
    const unit = await createUnit(t);
    await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unit.id}`)
      .set('if-match', '"1"')
      .send({ kind: 'team' })
      .expect(200);
    const before = await eventCount(t);
    const duplicate = await t.http
      .post(`/v1/agencies/${t.agencyId}/units`)
      .send({ name: unit.name, kind: 'section' });
    expect(duplicate.status).toBe(409);
    const stale = await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unit.id}`)
      .set('if-match', '"1"')
      .send({ kind: 'office' });
    expect(stale.status).toBe(412);
    const invalid = await t.http
      .post(`/v1/agencies/${t.agencyId}/units`)
      .send({ name: '某科', kind: 'nope' });
    expect(invalid.status).toBe(400);
    const unconditional = await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unit.id}`)
      .send({ kind: 'office' });
    expect(unconditional.status).toBe(428);
    const forbidden = await t
      .as('officer')
      .post(`/v1/agencies/${t.agencyId}/units`)
      .send({ name: '越权科', kind: 'section' });
    expect(forbidden.status).toBe(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('records nothing for an idempotent replay', async () => {
    const send = () =>
      t.http
        .post(`/v1/agencies/${t.agencyId}/units`)
        .set('idempotency-key', 'audit-replay-1')
        .send({ name: '重放科', kind: 'section' });
    const first = await send();
    expect(first.status).toBe(201);
    const before = await eventCount(t);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await eventCount(t)).toBe(before);
  });

  it('keeps one gapless chain under concurrent writes', async () => {
    const before = await eventCount(t);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.http.post(`/v1/agencies/${t.agencyId}/units`).send({ name: `并发科${i}`, kind: 'section' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(await eventCount(t)).toBe(before + 12);
    const verify = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
    expect(verify.body).toEqual({
      chainId: t.agencyId,
      eventsChecked: before + 12,
      intact: true,
      firstBreak: null,
    });
  });

  it('verifies as intact while writes are committing', async () => {
    const writes = Array.from({ length: 16 }, (_, i) =>
      t.http.post(`/v1/agencies/${t.agencyId}/units`).send({ name: `校验中科${i}`, kind: 'section' }),
    );
    const checks = Array.from({ length: 16 }, () => t.as('auditor').get('/v1/audit-events/verify'));
    const [written, verified] = await Promise.all([Promise.all(writes), Promise.all(checks)]);
    expect(written.map((r) => r.status)).toEqual(Array(16).fill(201));
    for (const res of verified) expect(res.body).toMatchObject({ intact: true, firstBreak: null });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const db = t.app.database.db;
    await expect(
      db.execute(sql`UPDATE audit_events SET action = 'rewritten' WHERE chain_id = ${t.agencyId}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_events WHERE chain_id = ${t.agencyId}`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    // And the refusal names the reason.
    const error = await db.execute(sql`DELETE FROM audit_events`).catch((e: unknown) => e);
    const messages: string[] = [];
    for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      messages.push(String(e.message));
    }
    expect(messages.join(' ')).toMatch(/append-only/);
    expect(await eventCount(t)).toBeGreaterThan(0);
    const verify = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
    expect(verify.body.intact).toBe(true);
  });
});

describe('reading the audit trail', () => {
  let t: TestApp;
  let unitA: { id: string; name: string };
  let windowStart: Date;
  let windowEnd: Date;

  beforeAll(async () => {
    t = await createTestApp();
    await createUnit(t);
    windowStart = new Date();
    unitA = await createUnit(t, '读取科');
    await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unitA.id}`)
      .set('if-match', '"1"')
      .send({ kind: 'office' })
      .expect(200);
    windowEnd = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await createUnit(t);
  });
  afterAll(() => t.close());

  const auditor = () => t.as('auditor');

  it('lists the agency’s events newest first', async () => {
    const res = await auditor().get('/v1/audit-events').expect(200);
    const seqs = res.body.items.map((e: AuditEvent) => e.seq);
    expect(seqs.length).toBe(await eventCount(t));
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    expect(res.body.items.every((e: AuditEvent) => e.chainId === t.agencyId)).toBe(true);
    expect(res.body.nextCursor).toBeNull();
  });

  it('pages with a keyset cursor', async () => {
    const all = (await auditor().get('/v1/audit-events?limit=200').expect(200)).body.items as AuditEvent[];
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=3&cursor=${cursor}` : 'limit=3';
      const page = await auditor().get(`/v1/audit-events?${query}`).expect(200);
      seen.push(...page.body.items.map((e: AuditEvent) => e.seq));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.seq));
  });

  it('filters by entity, action, actor and time', async () => {
    const byEntity = await auditor().get(`/v1/audit-events?entityType=unit&entityId=${unitA.id}`).expect(200);
    expect(byEntity.body.items.map((e: AuditEvent) => e.action)).toEqual(['unit.updated', 'unit.created']);

    const byAction = await auditor().get('/v1/audit-events?action=unit.updated').expect(200);
    expect(byAction.body.items.map((e: AuditEvent) => e.entityId)).toEqual([unitA.id]);

    const byActor = await auditor().get(`/v1/audit-events?actorId=${t.bureau.officers.admin}`).expect(200);
    expect(byActor.body.items).toHaveLength(4);
    const bySeed = await auditor().get('/v1/audit-events?actorId=demo-seed').expect(200);
    expect(bySeed.body.items.length).toBeGreaterThan(0);
    expect(bySeed.body.items.every((e: AuditEvent) => e.actorType === 'system')).toBe(true);

    const inWindow = await auditor()
      .get(`/v1/audit-events?from=${windowStart.toISOString()}&to=${windowEnd.toISOString()}`)
      .expect(200);
    expect(inWindow.body.items.map((e: AuditEvent) => e.entityId)).toEqual([unitA.id, unitA.id]);
    const after = await auditor()
      .get(`/v1/audit-events?from=${new Date(Date.now() + 60_000).toISOString()}`)
      .expect(200);
    expect(after.body.items).toEqual([]);

    const none = await auditor().get('/v1/audit-events?entityType=unit&action=agency.created').expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('refuses unknown filters and malformed times', async () => {
    for (const query of ['entity=unit', 'from=yesterday', 'chain=other', 'limit=0']) {
      const res = await auditor().get(`/v1/audit-events?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it('exposes what an outside auditor needs to recompute every hash', async () => {
    const items = (await auditor().get('/v1/audit-events?limit=200').expect(200)).body.items as AuditEvent[];
    const ascending = [...items].reverse();
    ascending.forEach((event, i) => {
      const { hashAlgorithm, prevHash, hash, ...content } = event;
      expect(eventHash(hashAlgorithm, prevHash, content)).toBe(hash);
      if (i > 0) expect(prevHash).toBe(ascending[i - 1]?.hash);
    });
  });

  it('reads the platform chain with chain=platform', async () => {
    const res = await auditor().get('/v1/audit-events?chain=platform').expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: AuditEvent) => e.chainId === 'platform')).toBe(true);
    expect(res.body.items.map((e: AuditEvent) => [e.action, e.entityId])).toContainEqual([
      'agency.created',
      t.agencyId,
    ]);
    const verify = await auditor().get('/v1/audit-events/verify?chain=platform').expect(200);
    expect(verify.body).toMatchObject({ chainId: 'platform', intact: true, firstBreak: null });
  });

  it('withholds client addresses on the platform chain, which every agency reads', async () => {
    await t.platform
      .post('/v1/agencies')
      .send({ name: '地址测试区市场监督管理局', code: '址', regionCode: '630121' })
      .expect(201);
    const res = await auditor().get('/v1/audit-events?chain=platform&action=agency.created').expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: AuditEvent) => e.clientAddress === null)).toBe(true);
    const [stored] = await t.app.database.db
      .select({ clientAddress: auditEvents.clientAddress })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.chainId, 'platform'),
          eq(auditEvents.action, 'agency.created'),
          isNotNull(auditEvents.clientAddress),
        ),
      );
    expect(stored?.clientAddress).toBeTruthy();
  });

  it('shows each agency only its own chain', async () => {
    const other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
    const theirs = await other.as('auditor').get('/v1/audit-events?limit=200').expect(200);
    expect(theirs.body.items.length).toBeGreaterThan(0);
    expect(theirs.body.items.every((e: AuditEvent) => e.chainId === other.agencyId)).toBe(true);
    const filtered = await other.as('auditor').get(`/v1/audit-events?entityId=${unitA.id}`).expect(200);
    expect(filtered.body.items).toEqual([]);
    const verify = await other.as('auditor').get('/v1/audit-events/verify').expect(200);
    expect(verify.body.chainId).toBe(other.agencyId);
  });

  it('is for auditors and supervisors only', async () => {
    await t.as('supervisor').get('/v1/audit-events').expect(200);
    await t.as('supervisor').get('/v1/audit-events/verify').expect(200);
    for (const role of ROLE_NAMES.filter((r) => r !== 'auditor' && r !== 'supervisor')) {
      for (const url of ['/v1/audit-events', '/v1/audit-events/verify', '/v1/audit-events?chain=platform']) {
        const res = await t.as(role).get(url);
        expect([role, url, res.status, res.body.code]).toEqual([role, url, 403, 'FORBIDDEN']);
      }
    }
    expect((await t.anonymous.get('/v1/audit-events')).status).toBe(401);
  });
});

describe('chain verification', () => {
  it('stays intact over many writes, then finds an event edited in the database', async () => {
    const t = await createTestApp();
    try {
      for (let i = 0; i < 15; i++) {
        const unit = await createUnit(t, `校验科${i}`);
        await t.http
          .patch(`/v1/agencies/${t.agencyId}/units/${unit.id}`)
          .set('if-match', '"1"')
          .send({ kind: 'team' })
          .expect(200);
      }
      const total = await eventCount(t);
      const intact = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
      expect(intact.body).toEqual({
        chainId: t.agencyId,
        eventsChecked: total,
        intact: true,
        firstBreak: null,
      });

      // A superuser turns the trigger off and rewrites history.
      const target = total - 8;
      const [original] = await t.app.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chainId, t.agencyId), eq(auditEvents.seq, target)));
      await withTriggerDisabled(
        t,
        sql`UPDATE audit_events SET changes = ${JSON.stringify({ kind: { before: 'section', after: 'station' } })}::jsonb
            WHERE chain_id = ${t.agencyId} AND seq = ${target}`,
      );
      // The trigger is back on.
      await expect(
        t.app.database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE chain_id = ${t.agencyId}`),
      ).rejects.toThrow();

      const broken = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
      expect(broken.body).toEqual({
        chainId: t.agencyId,
        eventsChecked: target - 1,
        intact: false,
        firstBreak: { seq: target, problem: 'HASH_MISMATCH' },
      });

      // Putting the original back makes the chain verify again…
      await withTriggerDisabled(
        t,
        sql`UPDATE audit_events SET changes = ${JSON.stringify(original?.changes)}::jsonb
            WHERE chain_id = ${t.agencyId} AND seq = ${target}`,
      );
      expect((await t.as('auditor').get('/v1/audit-events/verify').expect(200)).body.intact).toBe(true);

      // …and removing the last event is caught by the chain head.
      await withTriggerDisabled(
        t,
        sql`DELETE FROM audit_events WHERE chain_id = ${t.agencyId} AND seq = ${total}`,
      );
      const truncated = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
      expect(truncated.body).toEqual({
        chainId: t.agencyId,
        eventsChecked: total - 1,
        intact: false,
        firstBreak: { seq: total, problem: 'HEAD_MISMATCH' },
      });
    } finally {
      await t.close();
    }
  });

  it('finds an event appended behind the chain’s back, and stops writes rather than fork the chain', async () => {
    const t = await createTestApp();
    try {
      await createUnit(t, '伪造科');
      const total = await eventCount(t);
      const [last] = await t.app.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chainId, t.agencyId), eq(auditEvents.seq, total)));
      if (!last) throw new Error('no last event');
      // A forged event, correctly linked and hashed after the real last one: only the head knows it is foreign.
      const forged = { ...last, seq: total + 1, action: 'forged', prevHash: last.hash };
      const { hashAlgorithm, prevHash, hash: _hash, ...content } = forged;
      const hash = eventHash(hashAlgorithm, prevHash, {
        ...content,
        occurredAt: content.occurredAt.toISOString(),
      });
      await t.app.database.db.insert(auditEvents).values({ ...forged, hash });
      const res = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
      expect(res.body).toMatchObject({
        intact: false,
        firstBreak: { seq: total + 1, problem: 'HEAD_MISMATCH' },
      });
      const write = await t.http
        .post(`/v1/agencies/${t.agencyId}/units`)
        .send({ name: '伪造后科', kind: 'section' });
      expect(write.status).toBe(500);
      expect(write.body.code).toBe('INTERNAL_ERROR');
    } finally {
      await t.close();
    }
  });

  it('finds an event removed from the middle as a sequence gap', async () => {
    const t = await createTestApp();
    try {
      for (let i = 0; i < 4; i++) await createUnit(t, `缺口科${i}`);
      const total = await eventCount(t);
      await withTriggerDisabled(
        t,
        sql`DELETE FROM audit_events WHERE chain_id = ${t.agencyId} AND seq = ${total - 1}`,
      );
      const res = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
      expect(res.body).toEqual({
        chainId: t.agencyId,
        eventsChecked: total - 2,
        intact: false,
        firstBreak: { seq: total, problem: 'SEQUENCE_GAP', expectedSeq: total - 1 },
      });
    } finally {
      await t.close();
    }
  });

  it('works the same with SHA-256 chains', async () => {
    const t = await createTestApp({ env: { AUDIT_HASH_ALGORITHM: 'sha256' } });
    try {
      for (let i = 0; i < 5; i++) await createUnit(t, `散列科${i}`);
      const events = (await t.as('auditor').get('/v1/audit-events').expect(200)).body.items as AuditEvent[];
      expect(events.length).toBeGreaterThan(5);
      expect(events.every((e) => e.hashAlgorithm === 'sha256')).toBe(true);
      const total = await eventCount(t);
      expect((await t.as('auditor').get('/v1/audit-events/verify').expect(200)).body).toEqual({
        chainId: t.agencyId,
        eventsChecked: total,
        intact: true,
        firstBreak: null,
      });
      await withTriggerDisabled(
        t,
        sql`UPDATE audit_events SET actor_id = 'someone-else' WHERE chain_id = ${t.agencyId} AND seq = 2`,
      );
      const broken = await t.as('auditor').get('/v1/audit-events/verify').expect(200);
      expect(broken.body).toMatchObject({ intact: false, firstBreak: { seq: 2, problem: 'HASH_MISMATCH' } });
    } finally {
      await t.close();
    }
  });
});

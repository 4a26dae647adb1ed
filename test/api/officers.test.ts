/**
 * Officers (执法人员) and enforcement certificates (执法证): registration, If-Match updates, retirement and
 * transfer cancelling the certificate, certificate transitions, "valid on date D", statistics, masking of
 * personal data, and agency isolation.
 */
import { and, eq } from 'drizzle-orm';
import { ROLE_NAMES, type Role } from '../../src/domain/access/roles';
import { residentIdCheckChar } from '../../src/domain/identifiers';
import { auditEvents } from '../../src/modules/audit/audit.table';
import { mintToken } from '../../src/modules/auth/tokens';
import { officers } from '../../src/modules/officers/officers.table';
import { createTestApp, TEST_JWT_SECRET, type TestApp, type TestBureau } from '../helpers/app';

/** Monday 16 June 2025, 12:00 in China. */
const NOW = new Date('2025-06-16T04:00:00Z');
const TODAY = '2025-06-16';
const YEAR = 2025;

let t: TestApp;
/** Another bureau, for isolation. */
let other: TestBureau;
/** The demo bureau's units. */
let units: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  other = await t.seedBureau({ name: '城西区市场监督管理局', code: '西', regionCode: '630104' });
  units = (await t.http.get(`/v1/agencies/${t.agencyId}/units`).expect(200)).body.items;
});
afterAll(() => t.close());

let sequence = 100;
/** A valid resident ID number, different each call. */
function residentId(): string {
  sequence += 1;
  const first17 = `63010219850315${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
let certificates = 0;
function certificateNumber(): string {
  certificates += 1;
  return `东T${String(certificates).padStart(4, '0')}`;
}
function certificate(overrides: Record<string, unknown> = {}) {
  return {
    number: certificateNumber(),
    issuingAuthority: '青海省人民政府',
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
    ...overrides,
  };
}

async function createOfficer(body: Record<string, unknown> = {}, agent = t.http) {
  const res = await agent
    .post('/v1/officers')
    .send({ name: '测试执法员', roles: ['officer'], legalQualification: { held: false }, ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function eventsFor(entityId: string, chainId = t.agencyId) {
  return t.app.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.chainId, chainId), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.seq);
}

async function validity(officerId: string, date: string) {
  const res = await t
    .as('officer')
    .get(`/v1/officers/${officerId}/certificate-validity?date=${date}`)
    .expect(200);
  return res.body;
}

describe('register, read and list officers', () => {
  it('registers an officer with a certificate: 201, ETag, Location, masked personal data, audited', async () => {
    const id = residentId();
    const res = await t.http
      .post('/v1/officers')
      .send({
        name: '马明',
        unitId: units[1]?.id,
        roles: ['officer', 'legal_reviewer'],
        legalQualification: { held: true, number: 'A20196301021234' },
        residentId: id,
        phone: '13912345678',
        certificate: certificate({ number: '东E0001' }),
      })
      .expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/v1/officers/${res.body.id}`);
    expect(res.body).toMatchObject({
      agencyId: t.agencyId,
      name: '马明',
      unitId: units[1]?.id,
      roles: ['officer', 'legal_reviewer'],
      employmentStatus: 'active',
      leftOn: null,
      legalQualification: { held: true, number: 'A20196301021234' },
      residentId: `6301**********${id.slice(-4)}`,
      phone: '139****5678',
      personalDataMasked: true,
      version: 1,
    });
    expect(res.body.certificate).toMatchObject({
      number: '东E0001',
      issuingAuthority: '青海省人民政府',
      validFrom: '2024-01-01',
      validTo: '2028-12-31',
      status: 'active',
      statusHistory: [{ seq: 1, status: 'active', effectiveOn: '2024-01-01', reason: 'issued' }],
      validity: { date: TODAY, valid: true, reason: null },
    });

    const officerEvents = await eventsFor(res.body.id);
    expect(officerEvents.map((e) => e.action)).toEqual(['officer.created']);
    const certificateEvents = await eventsFor(res.body.certificate.id);
    expect(certificateEvents.map((e) => e.action)).toEqual(['certificate.issued']);
    expect(certificateEvents[0]?.requestId).toBe(officerEvents[0]?.requestId);
    // The audit trail keeps masked personal data only.
    const stored = JSON.stringify(officerEvents[0]?.changes);
    expect(stored).not.toContain(id);
    expect(stored).not.toContain('13912345678');
    expect(officerEvents[0]?.changes).toMatchObject({
      residentId: { before: null, after: `6301**********${id.slice(-4)}` },
      phone: { before: null, after: '139****5678' },
    });
  });

  it('reads an officer with ETag, current certificate and its validity today', async () => {
    const created = await createOfficer({ certificate: certificate() });
    const res = await t.as('officer').get(`/v1/officers/${created.id}`).expect(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual(created);
  });

  it('registers an officer without certificate: certificate null, not valid (NO_CERTIFICATE)', async () => {
    const created = await createOfficer({ name: '新人' });
    expect(created.certificate).toBeNull();
    expect(created).toMatchObject({ unitId: null, residentId: null, phone: null });
    expect(await validity(created.id, TODAY)).toEqual({
      officerId: created.id,
      date: TODAY,
      valid: false,
      reason: 'NO_CERTIFICATE',
      certificate: null,
    });
  });

  it('lists the agency’s officers with keyset pages, never another agency’s', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string; agencyId: string }[]; nextCursor: string | null } } = await t
        .as('auditor')
        .get('/v1/officers')
        .query({ limit: 4, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      for (const item of res.body.items) expect(item.agencyId).toBe(t.agencyId);
      seen.push(...res.body.items.map((o) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of Object.values(t.bureau.officers)) expect(seen).toContain(id);
    for (const id of Object.values(other.officers)) expect(seen).not.toContain(id);
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters by role, unit and employment status', async () => {
    const reviewers = await t.http.get('/v1/officers?role=legal_reviewer').expect(200);
    expect(reviewers.body.items.map((o: { id: string }) => o.id)).toContain(t.bureau.officers.legal_reviewer);
    for (const o of reviewers.body.items) expect(o.roles).toContain('legal_reviewer');

    const unit = units[3]?.id as string;
    const inUnit = await t.http.get(`/v1/officers?unitId=${unit}`).expect(200);
    expect(inUnit.body.items.map((o: { id: string }) => o.id)).toEqual([t.bureau.officers.credit_officer]);

    const retired = await createOfficer({ certificate: certificate() });
    await t.http
      .post(`/v1/officers/${retired.id}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: TODAY, reason: '到龄退休' })
      .expect(200);
    const onlyRetired = await t.http.get('/v1/officers?employmentStatus=retired').expect(200);
    expect(onlyRetired.body.items.map((o: { id: string }) => o.id)).toContain(retired.id);
    for (const o of onlyRetired.body.items) expect(o.employmentStatus).toBe('retired');
    const active = await t.http.get('/v1/officers?employmentStatus=active&limit=200').expect(200);
    expect(active.body.items.map((o: { id: string }) => o.id)).not.toContain(retired.id);
  });

  it('refuses an unknown filter value and a tampered cursor', async () => {
    expect((await t.http.get('/v1/officers?role=boss')).status).toBe(400);
    const res = await t.http.get('/v1/officers?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });
});

describe('validation of every field', () => {
  const post = (body: Record<string, unknown>) =>
    t.http
      .post('/v1/officers')
      .send({ name: '校验', roles: ['officer'], legalQualification: { held: false }, ...body });

  function expectPointer(
    res: { status: number; body: { code: string; errors: { pointer: string }[] } },
    pointer: string,
  ) {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e) => e.pointer)).toContain(pointer);
  }

  it('refuses a resident ID with a wrong check character, a bad birth date or the old 15 digits', async () => {
    const good = residentId();
    const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    for (const bad of [wrongCheck, '630102199002301234', '630102900101123', 'abc']) {
      expectPointer(await post({ residentId: bad }), '/residentId');
    }
  });

  it('accepts a lower-case x and stores it upper-case', async () => {
    const created = await createOfficer({ residentId: '11010519491231002x' });
    const full = await t.http.get(`/v1/officers/${created.id}?unmask=true`).expect(200);
    expect(full.body.residentId).toBe('11010519491231002X');
  });

  it('refuses a resident ID another officer of the agency already has (409)', async () => {
    const id = residentId();
    await createOfficer({ residentId: id });
    const res = await post({ residentId: id });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('refuses a bad phone number; accepts mobile and landline numbers', async () => {
    for (const bad of ['12912345678', '1391234567', '139123456789', '9712345678', '0971+8123456', '电话']) {
      expectPointer(await post({ phone: bad }), '/phone');
    }
    for (const good of ['13912345678', '19900001111', '0971-8123456', '09718123456', '010-12345678']) {
      expect((await post({ phone: good })).status).toBe(201);
    }
  });

  it('refuses an unknown role, no role, or the same role twice', async () => {
    expectPointer(await post({ roles: ['officer', 'boss'] }), '/roles/1');
    expectPointer(await post({ roles: [] }), '/roles');
    expectPointer(await post({ roles: ['officer', 'officer'] }), '/roles');
  });

  it('refuses a unit of another agency or no unit at all (400 /unitId)', async () => {
    const theirs = (await other.as('admin').get(`/v1/agencies/${other.agencyId}/units`).expect(200)).body
      .items[0];
    for (const unitId of [theirs.id, '01890000-0000-7000-8000-000000000000']) {
      const res = await post({ unitId });
      expectPointer(res, '/unitId');
      expect(res.body.errors[0].message).toBe('is not a unit of your agency');
    }
    expectPointer(await post({ unitId: 'not-a-uuid' }), '/unitId');
  });

  it('refuses a dissolved unit', async () => {
    const unit = await t.http
      .post(`/v1/agencies/${t.agencyId}/units`)
      .send({ name: '临时专班', kind: 'office' })
      .expect(201);
    await t.http
      .patch(`/v1/agencies/${t.agencyId}/units/${unit.body.id}`)
      .set('if-match', '"1"')
      .send({ status: 'dissolved', dissolvedOn: '2025-01-31' })
      .expect(200);
    expectPointer(await post({ unitId: unit.body.id }), '/unitId');
  });

  it('refuses a qualification number without the qualification, and a missing qualification', async () => {
    expectPointer(
      await post({ legalQualification: { held: false, number: 'A1' } }),
      '/legalQualification/number',
    );
    expectPointer(await post({ legalQualification: undefined }), '/legalQualification');
  });

  it('refuses a blank name, an unknown field, and certificate fields that are missing or out of order', async () => {
    expectPointer(await post({ name: '   ' }), '/name');
    expectPointer(await post({ nickname: 'x' }), '/nickname');
    expectPointer(await post({ certificate: certificate({ validTo: undefined }) }), '/certificate/validTo');
    expectPointer(
      await post({ certificate: certificate({ validFrom: '2025-01-01', validTo: '2024-12-31' }) }),
      '/certificate/validTo',
    );
    expectPointer(
      await post({ certificate: certificate({ validFrom: '2025-02-30' }) }),
      '/certificate/validFrom',
    );
  });

  it('refuses a certificate number already recorded in the agency (409 DUPLICATE), and writes nothing', async () => {
    const before = await t.http.get('/v1/officers?limit=200').expect(200);
    // 东0001 is the seeded officer’s certificate.
    const res = await post({ name: '重复证号', certificate: certificate({ number: '东0001' }) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
    const after = await t.http.get('/v1/officers?limit=200').expect(200);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('allows the same certificate number in another agency', async () => {
    await createOfficer({ certificate: certificate({ number: '东0001' }) }, other.as('admin'));
  });

  it('lets only a system_admin grant system_admin (403 for a bureau admin)', async () => {
    const res = await post({ roles: ['system_admin'] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');

    // An operator who is also the bureau's admin may.
    const operatorId = (
      await t.app.database.db
        .insert(officers)
        .values({ agencyId: t.agencyId, name: '平台管理员', roles: ['admin', 'system_admin'] })
        .returning()
    )[0]?.id as string;
    const token = await mintToken({
      secret: TEST_JWT_SECRET,
      officerId: operatorId,
      agencyId: t.agencyId,
      now: NOW,
    });
    const granted = await t.anonymous
      .post('/v1/officers')
      .set('authorization', `Bearer ${token}`)
      .send({ name: '运维二', roles: ['system_admin'], legalQualification: { held: false } });
    expect(granted.status).toBe(201);

    // Nor may a bureau admin take it away.
    const removed = await t.http
      .patch(`/v1/officers/${granted.body.id}`)
      .set('if-match', '"1"')
      .send({ roles: ['officer'] });
    expect(removed.status).toBe(403);
  });
});

describe('update with If-Match', () => {
  it('requires If-Match (428), applies the current one, refuses a stale one (412)', async () => {
    const created = await createOfficer({ phone: '13800001111', certificate: certificate() });
    const url = `/v1/officers/${created.id}`;
    const missing = await t.http.patch(url).send({ name: '改名' });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');

    const res = await t.http
      .patch(url)
      .set('if-match', '"1"')
      .send({
        name: '改名',
        unitId: units[2]?.id,
        roles: ['officer', 'unit_head'],
        legalQualification: { held: true },
        phone: '0971-6123456',
      })
      .expect(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({
      name: '改名',
      unitId: units[2]?.id,
      roles: ['officer', 'unit_head'],
      legalQualification: { held: true, number: null },
      phone: '097****3456',
      version: 2,
    });
    expect(res.body.certificate.number).toBe(created.certificate.number);

    const stale = await t.http.patch(url).set('if-match', '"1"').send({ name: '再改' });
    expect(stale.status).toBe(412);
    expect(stale.body.currentEtag).toBe('"2"');
    expect((await t.http.get(url).expect(200)).body.name).toBe('改名');

    const events = await eventsFor(created.id);
    expect(events.map((e) => e.action)).toEqual(['officer.created', 'officer.updated']);
    expect(events[1]?.changes).toEqual({
      name: { before: '测试执法员', after: '改名' },
      unitId: { before: null, after: units[2]?.id },
      roles: { before: ['officer'], after: ['officer', 'unit_head'] },
      legalQualification: { before: false, after: true },
      phone: { before: '138****1111', after: '097****3456' },
    });
  });

  it('clears optional fields with null and validates them like on create', async () => {
    const created = await createOfficer({
      unitId: units[0]?.id,
      residentId: residentId(),
      phone: '13700001111',
    });
    const url = `/v1/officers/${created.id}`;
    const bad = await t.http.patch(url).set('if-match', '"1"').send({ phone: '123' });
    expect(bad.status).toBe(400);
    const foreign = await t.http.patch(url).set('if-match', '"1"').send({ unitId: other.agencyId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].pointer).toBe('/unitId');
    const res = await t.http
      .patch(url)
      .set('if-match', '"1"')
      .send({ unitId: null, residentId: null, phone: null })
      .expect(200);
    expect(res.body).toMatchObject({ unitId: null, residentId: null, phone: null });
    expect((await t.http.patch(url).set('if-match', '"2"').send({})).status).toBe(400);
  });

  it('records a changed resident ID in the audit trail even when the masked forms are equal', async () => {
    // Two numbers that differ only in the birth date, so their masked forms (first 4, last 4) agree.
    const withDay = (day: number) => `630102198001${String(day).padStart(2, '0')}`;
    const make = (day: number) => {
      const first17 = `${withDay(day)}777`;
      return first17 + residentIdCheckChar(first17);
    };
    const first = make(1);
    const second = Array.from({ length: 27 }, (_, i) => make(i + 2)).find(
      (id) => id.slice(-4) === first.slice(-4),
    );
    if (!second) throw new Error('no pair found');
    const created = await createOfficer({ residentId: first });
    await t.http
      .patch(`/v1/officers/${created.id}`)
      .set('if-match', '"1"')
      .send({ residentId: second })
      .expect(200);
    const [, updated] = await eventsFor(created.id);
    expect(updated?.changes).toEqual({
      residentId: { before: `6301**********${first.slice(-4)}`, after: `6301**********${second.slice(-4)}` },
    });
  });
});

describe('retirement and transfer cancel the certificate in the same transaction', () => {
  it('retires an officer: leaves, certificate cancelled from that day, acts before it stay valid', async () => {
    const created = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${created.id}`;
    expect(
      (await t.http.post(`${url}/actions/retire`).send({ effectiveOn: '2025-06-10', reason: '退休' })).status,
    ).toBe(428);
    const res = await t.http
      .post(`${url}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: '2025-06-10', reason: '到龄退休' })
      .expect(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({
      employmentStatus: 'retired',
      leftOn: '2025-06-10',
      leftReason: '到龄退休',
      certificate: { status: 'cancelled', validity: { date: TODAY, valid: false } },
    });
    expect(res.body.certificate.statusHistory.at(-1)).toMatchObject({
      seq: 2,
      status: 'cancelled',
      effectiveOn: '2025-06-10',
      reason: 'retired: 到龄退休',
    });

    expect(await validity(created.id, '2025-06-09')).toMatchObject({ valid: true, reason: null });
    expect(await validity(created.id, '2025-06-10')).toMatchObject({
      valid: false,
      reason: 'OFFICER_NOT_ACTIVE',
      certificate: { number: created.certificate.number, status: 'cancelled', statusOnDate: 'cancelled' },
    });

    const officerEvents = await eventsFor(created.id);
    const certificateEvents = await eventsFor(created.certificate.id);
    expect(officerEvents.map((e) => e.action)).toEqual(['officer.created', 'officer.retired']);
    expect(certificateEvents.map((e) => e.action)).toEqual(['certificate.issued', 'certificate.cancelled']);
    expect(certificateEvents[1]?.requestId).toBe(officerEvents[1]?.requestId);
    expect(certificateEvents[1]?.changes).toMatchObject({ status: { before: 'active', after: 'cancelled' } });
    expect(officerEvents[1]?.changes).toMatchObject({
      employmentStatus: { before: 'active', after: 'retired' },
      leftOn: { before: null, after: '2025-06-10' },
    });
  });

  it('transfers an officer with a suspended certificate: cancelled with the transfer reason', async () => {
    const created = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${created.id}`;
    await t.http
      .post(`${url}/certificates/${created.certificate.id}/actions/suspend`)
      .send({ effectiveOn: '2025-05-01', reason: '涉嫌违纪' })
      .expect(200);
    const res = await t.http
      .post(`${url}/actions/transfer`)
      .set('if-match', '"1"')
      .send({ effectiveOn: TODAY, reason: '调往城西区市场监督管理局' })
      .expect(200);
    expect(res.body).toMatchObject({ employmentStatus: 'transferred', leftOn: TODAY });
    expect(res.body.certificate).toMatchObject({
      status: 'cancelled',
      validity: { valid: false, reason: 'OFFICER_NOT_ACTIVE' },
    });
    expect(res.body.certificate.statusHistory.at(-1)).toMatchObject({
      status: 'cancelled',
      effectiveOn: TODAY,
      reason: 'transferred: 调往城西区市场监督管理局',
    });
    expect(await validity(created.id, '2025-04-30')).toMatchObject({ valid: true });
    expect(await validity(created.id, '2025-05-01')).toMatchObject({ valid: false, reason: 'SUSPENDED' });
    expect((await eventsFor(created.id)).map((e) => e.action)).toContain('officer.transferred');
  });

  it('cancels from the later date when a suspension was recorded after the departure date', async () => {
    const created = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${created.id}`;
    await t.http
      .post(`${url}/certificates/${created.certificate.id}/actions/suspend`)
      .send({ effectiveOn: '2025-06-01', reason: '暂扣' })
      .expect(200);
    // Retirement dated before the suspension: the departure stands, the cancellation follows the suspension.
    const res = await t.http
      .post(`${url}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: '2025-05-31', reason: '退休' })
      .expect(200);
    expect(res.body).toMatchObject({
      employmentStatus: 'retired',
      leftOn: '2025-05-31',
      certificate: { status: 'cancelled' },
    });
    expect(res.body.certificate.statusHistory.at(-1)).toMatchObject({
      status: 'cancelled',
      effectiveOn: '2025-06-01',
    });
    expect(await validity(created.id, '2025-05-31')).toMatchObject({
      valid: false,
      reason: 'OFFICER_NOT_ACTIVE',
    });
  });

  it('refuses a departure dated in the future and changes nothing', async () => {
    const created = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${created.id}`;
    const res = await t.http
      .post(`${url}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: '2025-07-01', reason: '退休' });
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe('EFFECTIVE_DATE_IN_FUTURE');
    const after = await t.http.get(url).expect(200);
    expect(after.body).toMatchObject({
      employmentStatus: 'active',
      version: 1,
      certificate: { status: 'active' },
    });
    expect((await eventsFor(created.id)).map((e) => e.action)).toEqual(['officer.created']);
  });

  it('lets an officer whose certificate was renewed retire: the superseded one stays closed', async () => {
    const created = await createOfficer({
      certificate: certificate({ validFrom: '2019-01-01', validTo: '2024-12-31' }),
    });
    const url = `/v1/officers/${created.id}`;
    await t.http
      .post(`${url}/certificates`)
      .send(certificate({ validFrom: '2025-01-01', validTo: '2030-12-31' }))
      .expect(201);
    const res = await t.http
      .post(`${url}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: TODAY, reason: '退休' })
      .expect(200);
    expect(res.body).toMatchObject({ employmentStatus: 'retired', certificate: { status: 'cancelled' } });
    const old = await t.http.get(`${url}/certificates/${created.certificate.id}`).expect(200);
    expect(old.body.status).toBe('superseded');
  });

  it('never lets an administrator change their own roles', async () => {
    const me = t.bureau.officers.admin;
    const read = await t.http.get(`/v1/officers/${me}`).expect(200);
    const res = await t.http
      .patch(`/v1/officers/${me}`)
      .set('if-match', String(read.headers.etag))
      .send({ roles: ['admin', 'auditor'] });
    expect(res.status).toBe(403);
    // Renaming oneself is fine.
    await t.http
      .patch(`/v1/officers/${me}`)
      .set('if-match', String(read.headers.etag))
      .send({ name: '吴管理员' })
      .expect(200);
  });

  it('refuses to retire, transfer, change or certify an officer who already left (422 OFFICER_NOT_ACTIVE)', async () => {
    const created = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${created.id}`;
    await t.http
      .post(`${url}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: TODAY, reason: '退休' })
      .expect(200);
    const attempts = [
      t.http
        .post(`${url}/actions/retire`)
        .set('if-match', '"2"')
        .send({ effectiveOn: TODAY, reason: '再退' }),
      t.http
        .post(`${url}/actions/transfer`)
        .set('if-match', '"2"')
        .send({ effectiveOn: TODAY, reason: '调离' }),
      t.http.patch(url).set('if-match', '"2"').send({ name: '改名' }),
      t.http.post(`${url}/certificates`).send(certificate()),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'UNPROCESSABLE', reason: 'OFFICER_NOT_ACTIVE' });
    }
  });

  it('refuses a stale If-Match on retirement (412)', async () => {
    const created = await createOfficer();
    await t.http.patch(`/v1/officers/${created.id}`).set('if-match', '"1"').send({ name: '改' }).expect(200);
    const res = await t.http
      .post(`/v1/officers/${created.id}/actions/retire`)
      .set('if-match', '"1"')
      .send({ effectiveOn: TODAY, reason: '退休' });
    expect(res.status).toBe(412);
  });
});

describe('certificate transitions', () => {
  const action = (officerId: string, certificateId: string, name: string, effectiveOn: string) =>
    t.http
      .post(`/v1/officers/${officerId}/certificates/${certificateId}/actions/${name}`)
      .send({ effectiveOn, reason: `${name} (test)` });

  it('allows active → suspended → active → suspended → cancelled, recording each dated change', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const c = o.certificate.id;
    const steps: [string, string, string][] = [
      ['suspend', '2025-03-01', 'suspended'],
      ['reinstate', '2025-04-01', 'active'],
      ['suspend', '2025-05-01', 'suspended'],
      ['cancel', '2025-06-01', 'cancelled'],
    ];
    let version = 1;
    for (const [name, effectiveOn, status] of steps) {
      const res = await action(o.id, c, name, effectiveOn);
      expect(res.status).toBe(200);
      version += 1;
      expect(res.headers.etag).toBe(`"${version}"`);
      expect(res.body).toMatchObject({ status, version });
      expect(res.body.statusHistory.at(-1)).toMatchObject({ status, effectiveOn, reason: `${name} (test)` });
    }
    const events = await eventsFor(c);
    expect(events.map((e) => e.action)).toEqual([
      'certificate.issued',
      'certificate.suspended',
      'certificate.reinstated',
      'certificate.suspended',
      'certificate.cancelled',
    ]);
  });

  it('allows active → cancelled directly', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const res = await action(o.id, o.certificate.id, 'cancel', TODAY).expect(200);
    expect(res.body.status).toBe('cancelled');
  });

  it('refuses every illegal transition with 422 ILLEGAL_CERTIFICATE_TRANSITION, writing nothing', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const c = o.certificate.id;
    const refused = async (name: string) => {
      const res = await action(o.id, c, name, TODAY);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'UNPROCESSABLE', reason: 'ILLEGAL_CERTIFICATE_TRANSITION' });
    };
    await refused('reinstate'); // active → active
    await action(o.id, c, 'suspend', '2025-06-01').expect(200);
    await refused('suspend'); // suspended → suspended
    await action(o.id, c, 'cancel', '2025-06-10').expect(200);
    for (const name of ['suspend', 'reinstate', 'cancel']) await refused(name); // cancelled is final
    expect((await eventsFor(c)).map((e) => e.action)).toEqual([
      'certificate.issued',
      'certificate.suspended',
      'certificate.cancelled',
    ]);
  });

  it('refuses a change dated before the last recorded one (422), and an unknown action (404)', async () => {
    const o = await createOfficer({ certificate: certificate() });
    await action(o.id, o.certificate.id, 'suspend', '2025-06-01').expect(200);
    const res = await action(o.id, o.certificate.id, 'reinstate', '2025-05-31');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      reason: 'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
      lastEffectiveOn: '2025-06-01',
    });
    expect((await action(o.id, o.certificate.id, 'revoke', TODAY)).status).toBe(404);
  });

  it('lets exactly one of two concurrent suspensions win', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${o.id}/certificates/${o.certificate.id}/actions/suspend`;
    const results = await Promise.all(
      [1, 2].map(() => t.http.post(url).send({ effectiveOn: TODAY, reason: '暂扣' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const read = await t.http.get(`/v1/officers/${o.id}/certificates/${o.certificate.id}`).expect(200);
    expect(read.body.statusHistory.map((c: { status: string }) => c.status)).toEqual(['active', 'suspended']);
  });

  it('checks an If-Match when one is sent (412 when stale)', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const url = `/v1/officers/${o.id}/certificates/${o.certificate.id}/actions/suspend`;
    const stale = await t.http.post(url).set('if-match', '"7"').send({ effectiveOn: TODAY, reason: 'x' });
    expect(stale.status).toBe(412);
    await t.http.post(url).set('if-match', '"1"').send({ effectiveOn: TODAY, reason: 'x' }).expect(200);
  });

  it('issues a certificate only when the old one is cancelled or expired (409 CONFLICT otherwise)', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const conflict = await t.http.post(`/v1/officers/${o.id}/certificates`).send(certificate());
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('CONFLICT');
    expect(conflict.body.detail).toContain('cancel it');

    // A suspended certificate is still in force: no second one around the suspension.
    await action(o.id, o.certificate.id, 'suspend', TODAY).expect(200);
    expect((await t.http.post(`/v1/officers/${o.id}/certificates`).send(certificate())).status).toBe(409);

    await action(o.id, o.certificate.id, 'cancel', TODAY).expect(200);
    const renewed = await t.http
      .post(`/v1/officers/${o.id}/certificates`)
      .send(certificate({ validFrom: TODAY, validTo: '2030-06-15' }))
      .expect(201);
    expect(renewed.headers.location).toBe(`/v1/officers/${o.id}/certificates/${renewed.body.id}`);
    expect(renewed.headers.etag).toBe('"1"');
    expect(renewed.body).toMatchObject({
      status: 'active',
      statusHistory: [{ seq: 1, status: 'active', effectiveOn: TODAY, reason: 'issued' }],
      validity: { valid: true },
    });
    const officer = await t.http.get(`/v1/officers/${o.id}`).expect(200);
    expect(officer.body.certificate.id).toBe(renewed.body.id);
    const read = await t.http.get(renewed.headers.location as string).expect(200);
    expect(read.body).toEqual(renewed.body);
    expect((await eventsFor(renewed.body.id)).map((e) => e.action)).toEqual(['certificate.issued']);
  });

  it('closes an expired certificate when renewing: superseded (not cancelled) from the day after its term', async () => {
    const o = await createOfficer({
      certificate: certificate({ validFrom: '2019-01-01', validTo: '2024-12-31' }),
    });
    expect(o.certificate.validity).toEqual({ date: TODAY, valid: false, reason: 'EXPIRED' });
    const renewed = await t.http
      .post(`/v1/officers/${o.id}/certificates`)
      .send(certificate({ validFrom: '2025-07-01', validTo: '2030-06-30' }))
      .expect(201);
    const old = await t.http.get(`/v1/officers/${o.id}/certificates/${o.certificate.id}`).expect(200);
    expect(old.body.status).toBe('superseded');
    expect(old.body.statusHistory.at(-1)).toMatchObject({
      effectiveOn: '2025-01-01',
      reason: `expired on 2024-12-31; superseded by ${renewed.body.number}`,
    });
    expect(await validity(o.id, '2024-12-31')).toMatchObject({
      valid: true,
      certificate: { id: o.certificate.id },
    });
    // Between the two: the old one explains (expired, then superseded), the new one starts on 1 July.
    expect(await validity(o.id, TODAY)).toMatchObject({
      valid: false,
      reason: 'EXPIRED',
      certificate: { id: o.certificate.id },
    });
    expect(await validity(o.id, '2025-07-01')).toMatchObject({
      valid: true,
      certificate: { id: renewed.body.id },
    });
  });

  it('refuses a duplicate number and a term out of order when issuing', async () => {
    const o = await createOfficer();
    const duplicate = await t.http
      .post(`/v1/officers/${o.id}/certificates`)
      .send(certificate({ number: '东0002' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('DUPLICATE');
    const reversed = await t.http
      .post(`/v1/officers/${o.id}/certificates`)
      .send(certificate({ validFrom: '2026-01-01', validTo: '2025-12-31' }));
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].pointer).toBe('/validTo');
  });
});

describe('certificate validity on a date', () => {
  it('follows the term, a suspension, a reinstatement and a cancellation, day by day', async () => {
    const o = await createOfficer({
      certificate: certificate({ validFrom: '2024-01-01', validTo: '2028-12-31' }),
    });
    const base = `/v1/officers/${o.id}/certificates/${o.certificate.id}/actions`;
    await t.http.post(`${base}/suspend`).send({ effectiveOn: '2025-03-01', reason: '暂扣' }).expect(200);
    await t.http.post(`${base}/reinstate`).send({ effectiveOn: '2025-04-01', reason: '发还' }).expect(200);
    await t.http.post(`${base}/cancel`).send({ effectiveOn: '2025-06-01', reason: '注销' }).expect(200);

    const expected: [string, string | null][] = [
      ['2023-12-31', 'NOT_YET_VALID'],
      ['2024-01-01', null],
      ['2025-02-28', null],
      ['2025-03-01', 'SUSPENDED'],
      ['2025-03-31', 'SUSPENDED'],
      ['2025-04-01', null],
      ['2025-05-31', null],
      ['2025-06-01', 'CANCELLED'],
      ['2025-06-02', 'CANCELLED'],
      ['2029-01-01', 'CANCELLED'],
    ];
    for (const [date, reason] of expected) {
      const res = await validity(o.id, date);
      expect({ date, valid: res.valid, reason: res.reason }).toEqual({
        date,
        valid: reason === null,
        reason,
      });
    }
    expect(await validity(o.id, '2025-03-15')).toEqual({
      officerId: o.id,
      date: '2025-03-15',
      valid: false,
      reason: 'SUSPENDED',
      certificate: {
        id: o.certificate.id,
        number: o.certificate.number,
        issuingAuthority: '青海省人民政府',
        validFrom: '2024-01-01',
        validTo: '2028-12-31',
        status: 'cancelled',
        statusOnDate: 'suspended',
      },
    });
  });

  it('says EXPIRED after the term and defaults the date to today (China time)', async () => {
    const o = await createOfficer({
      certificate: certificate({ validFrom: '2020-01-01', validTo: '2025-06-15' }),
    });
    const res = await t.as('officer').get(`/v1/officers/${o.id}/certificate-validity`).expect(200);
    expect(res.body).toMatchObject({ date: TODAY, valid: false, reason: 'EXPIRED' });
    expect(await validity(o.id, '2025-06-15')).toMatchObject({ valid: true });
  });

  it('answers for the seeded officers, valid today', async () => {
    for (const role of ['officer', 'legal_reviewer'] as const) {
      expect(await validity(t.bureau.officers[role], TODAY)).toMatchObject({ valid: true, reason: null });
    }
    expect(await validity(t.bureau.officers.auditor, TODAY)).toMatchObject({
      valid: false,
      reason: 'NO_CERTIFICATE',
    });
  });

  it('refuses a malformed date', async () => {
    const res = await t.http.get(
      `/v1/officers/${t.bureau.officers.officer}/certificate-validity?date=2025-13-01`,
    );
    expect(res.status).toBe(400);
  });
});

describe('statistics', () => {
  let bureau: TestBureau;
  beforeAll(async () => {
    bureau = await t.seedBureau({ name: '城中区市场监督管理局', code: '中', regionCode: '630103' });
  });

  it('counts the seeded bureau: 9 active, 7 certified, 1 reviewer, not below the default 5 %', async () => {
    const res = await bureau.as('bureau_head').get('/v1/officers/stats').expect(200);
    // One officer per role; all but the auditor and the platform operator hold a certificate.
    expect(res.body).toEqual({
      date: TODAY,
      activeOfficers: ROLE_NAMES.length,
      officersWithValidCertificate: ROLE_NAMES.length - 2,
      legalReviewers: 1,
      legalReviewerRatio: 1 / (ROLE_NAMES.length - 2),
      minimumRatio: 0.05,
      minimumRatioBasis: 'RULES.md §11: 5 % of enforcement staff',
      minimumRatioEffectiveFrom: null,
      belowMinimum: false,
      year: YEAR,
      certificatesCancelled: 0,
    });
  });

  it('evaluates a past date: before the seeded certificates, nobody is certified (ratio null)', async () => {
    const res = await bureau
      .as('supervisor')
      .get(`/v1/officers/stats?date=${YEAR - 3}-12-31`)
      .expect(200);
    expect(res.body).toMatchObject({
      officersWithValidCertificate: 0,
      legalReviewerRatio: null,
      belowMinimum: false,
      year: YEAR - 3,
    });
  });

  it('flags the bureau below the minimum with 1 reviewer among 21 certified officers, like the seed report', async () => {
    const admin = bureau.as('admin');
    for (let i = 0; i < 14; i++) {
      await createOfficer(
        { name: `执法员${i}`, certificate: certificate({ number: `中${String(100 + i)}` }) },
        admin,
      );
    }
    const res = await bureau.as('legal_reviewer').get('/v1/officers/stats').expect(200);
    expect(res.body).toMatchObject({
      officersWithValidCertificate: 21,
      legalReviewers: 1,
      minimumRatio: 0.05,
      belowMinimum: true,
    });
    expect(res.body.legalReviewerRatio).toBeCloseTo(1 / 21, 10);
  });

  it('uses the agency’s configured minimum and shows its basis', async () => {
    await bureau
      .as('admin')
      .post(`/v1/agencies/${bureau.agencyId}/rule-settings/officers.min_legal_reviewer_ratio`)
      .send({ value: 0.04, effectiveFrom: `${YEAR}-01-01`, basis: '中市监发〔2025〕1号 (test)' })
      .expect(201);
    const res = await bureau.as('auditor').get('/v1/officers/stats').expect(200);
    expect(res.body).toMatchObject({
      minimumRatio: 0.04,
      minimumRatioBasis: '中市监发〔2025〕1号 (test)',
      minimumRatioEffectiveFrom: `${YEAR}-01-01`,
      belowMinimum: false,
    });
    const before = await bureau
      .as('auditor')
      .get(`/v1/officers/stats?date=${YEAR - 1}-12-31`)
      .expect(200);
    expect(before.body).toMatchObject({ minimumRatio: 0.05, belowMinimum: true });
  });

  it('counts the year’s cancellations and officers who left', async () => {
    const admin = bureau.as('admin');
    const reviewer = bureau.officers.legal_reviewer;
    await admin
      .post(`/v1/officers/${reviewer}/actions/transfer`)
      .set('if-match', '"1"')
      .send({ effectiveOn: TODAY, reason: '调往市局' })
      .expect(200);
    const res = await bureau.as('bureau_head').get('/v1/officers/stats').expect(200);
    expect(res.body).toMatchObject({
      activeOfficers: ROLE_NAMES.length + 14 - 1,
      officersWithValidCertificate: 20,
      legalReviewers: 0,
      legalReviewerRatio: 0,
      belowMinimum: true,
      certificatesCancelled: 1,
    });
    const yesterday = await bureau.as('bureau_head').get('/v1/officers/stats?date=2025-06-15').expect(200);
    expect(yesterday.body).toMatchObject({ legalReviewers: 1, certificatesCancelled: 1 });
    const lastYear = await bureau
      .as('bureau_head')
      .get(`/v1/officers/stats?date=${YEAR - 1}-06-15`)
      .expect(200);
    expect(lastYear.body.certificatesCancelled).toBe(0);
  });

  it('is only for oversight roles and legal reviewers', async () => {
    for (const role of ['officer', 'unit_head', 'credit_officer'] as const) {
      const res = await t.as(role).get('/v1/officers/stats');
      expect(res.status).toBe(403);
    }
  });
});

describe('personal data masking', () => {
  let officer: { id: string };
  const id = '630102199001011235';
  beforeAll(async () => {
    officer = await createOfficer({ name: '隐私', residentId: id, phone: '13912345678' });
  });

  it('masks resident ID and phone for every role by default, in reads and lists', async () => {
    for (const role of ROLE_NAMES) {
      const res = await t.as(role).get(`/v1/officers/${officer.id}`).expect(200);
      expect(res.body).toMatchObject({
        residentId: '6301**********1235',
        phone: '139****5678',
        personalDataMasked: true,
      });
    }
    const list = await t.http.get('/v1/officers?limit=200').expect(200);
    const listed = list.body.items.find((o: { id: string }) => o.id === officer.id);
    expect(listed).toMatchObject({ residentId: '6301**********1235', phone: '139****5678' });
    expect(JSON.stringify(list.body)).not.toContain(id);
    expect((await t.http.get('/v1/officers?unmask=true')).status).toBe(400);
  });

  it('unmasks for an admin and audits the read as personal_data.read', async () => {
    const before = await eventsFor(officer.id);
    const res = await t.http.get(`/v1/officers/${officer.id}?unmask=true`).expect(200);
    expect(res.body).toMatchObject({ residentId: id, phone: '13912345678', personalDataMasked: false });
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers['cache-control']).toBe('no-store');
    const after = await eventsFor(officer.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'personal_data.read',
      entityType: 'officer',
      entityId: officer.id,
      actorType: 'officer',
      actorId: t.bureau.officers.admin,
      changes: { fields: ['residentId', 'phone'] },
    });
  });

  it('refuses unmask=true (403) to every role without personal_data.unmask, and audits nothing', async () => {
    const before = await eventsFor(officer.id);
    for (const role of ROLE_NAMES.filter((r) => r !== 'admin')) {
      const res = await t.as(role).get(`/v1/officers/${officer.id}?unmask=true`);
      expect({ role, status: res.status, code: res.body.code }).toEqual({
        role,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await eventsFor(officer.id)).toHaveLength(before.length);
  });

  it('refuses an Idempotency-Key on an unmasked read, which would store and replay it unaudited', async () => {
    const res = await t.http.get(`/v1/officers/${officer.id}?unmask=true`).set('idempotency-key', 'read-1');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/idempotency-key');
  });

  it('does not audit an unmasked read of a missing officer (404)', async () => {
    const res = await t.http.get('/v1/officers/01890000-0000-7000-8000-000000000000?unmask=true');
    expect(res.status).toBe(404);
  });
});

describe('access', () => {
  type Pending = [string, ReturnType<TestApp['http']['get']>];

  it('lets only admins write: 403 for every other role on every write route', async () => {
    const o = await createOfficer({ certificate: certificate() });
    const c = o.certificate.id;
    const body = { effectiveOn: TODAY, reason: 'x' };
    const writes = (agent: TestApp['http']): Pending[] => [
      [
        'create',
        agent
          .post('/v1/officers')
          .send({ name: '甲', roles: ['officer'], legalQualification: { held: false } }),
      ],
      ['update', agent.patch(`/v1/officers/${o.id}`).set('if-match', '"1"').send({ name: '乙' })],
      ['retire', agent.post(`/v1/officers/${o.id}/actions/retire`).set('if-match', '"1"').send(body)],
      ['transfer', agent.post(`/v1/officers/${o.id}/actions/transfer`).set('if-match', '"1"').send(body)],
      ['issue', agent.post(`/v1/officers/${o.id}/certificates`).send(certificate())],
      ...['suspend', 'reinstate', 'cancel'].map(
        (a): Pending => [a, agent.post(`/v1/officers/${o.id}/certificates/${c}/actions/${a}`).send(body)],
      ),
    ];
    for (const role of ROLE_NAMES.filter((r): r is Role => r !== 'admin')) {
      for (const [what, pending] of writes(t.as(role))) {
        const res = await pending;
        expect({ role, what, status: res.status }).toEqual({ role, what, status: 403 });
      }
    }
    expect((await t.http.get(`/v1/officers/${o.id}`).expect(200)).body.version).toBe(1);
  });

  it('answers 401 without credentials', async () => {
    expect((await t.anonymous.get('/v1/officers')).status).toBe(401);
    expect((await t.anonymous.get(`/v1/officers/${t.bureau.officers.officer}`)).status).toBe(401);
  });

  it('answers 404 for another agency’s officer or certificate on every route with an id, changing nothing', async () => {
    const theirs = other.officers.officer;
    const theirCertificate = (await other.as('admin').get(`/v1/officers/${theirs}`).expect(200)).body
      .certificate.id;
    const mine = await createOfficer({ certificate: certificate() });
    const missing = '01890000-0000-7000-8000-000000000000';
    const body = { effectiveOn: TODAY, reason: 'x' };
    const officerRequests = (id: string): Pending[] => [
      ['get', t.http.get(`/v1/officers/${id}`)],
      ['get unmasked', t.http.get(`/v1/officers/${id}?unmask=true`)],
      ['update', t.http.patch(`/v1/officers/${id}`).set('if-match', '"1"').send({ name: '越权' })],
      ['retire', t.http.post(`/v1/officers/${id}/actions/retire`).set('if-match', '"1"').send(body)],
      ['transfer', t.http.post(`/v1/officers/${id}/actions/transfer`).set('if-match', '"1"').send(body)],
      ['issue', t.http.post(`/v1/officers/${id}/certificates`).send(certificate())],
      ['validity', t.http.get(`/v1/officers/${id}/certificate-validity?date=${TODAY}`)],
    ];
    const certificateRequests = (id: string, certificateId: string): Pending[] => [
      ['get certificate', t.http.get(`/v1/officers/${id}/certificates/${certificateId}`)],
      ...['suspend', 'reinstate', 'cancel'].map(
        (a): Pending => [
          a,
          t.http.post(`/v1/officers/${id}/certificates/${certificateId}/actions/${a}`).send(body),
        ],
      ),
    ];
    const all: Pending[] = [
      ...officerRequests(theirs),
      ...certificateRequests(theirs, theirCertificate),
      ...officerRequests(missing),
      ...certificateRequests(missing, missing),
      // My officer with their certificate, and my officer with a missing one.
      ...certificateRequests(mine.id, theirCertificate),
      ...certificateRequests(mine.id, missing),
    ];
    for (const [what, pending] of all) {
      const res = await pending;
      expect({ what, status: res.status, code: res.body.code }).toEqual({
        what,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    const still = await other.as('admin').get(`/v1/officers/${theirs}`).expect(200);
    expect(still.body).toMatchObject({ name: '李执法', version: 1, employmentStatus: 'active' });
    expect(still.body.certificate.status).toBe('active');
    expect((await t.http.get(`/v1/officers/${mine.id}`).expect(200)).body.certificate.status).toBe('active');
  });
});

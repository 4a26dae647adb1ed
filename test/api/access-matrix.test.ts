/**
 * The whole role × operation matrix, walked route by route: for every protected route and every
 * role, an allowed caller gets past authorisation and a disallowed one gets 403; API keys are held
 * to their scopes; and a route naming another agency answers 404.
 */
import supertest from 'supertest';
import { newId } from '../../src/db/columns';
import { apiKeys } from '../../src/db/schema';
import { OPERATIONS, type Operation, rolesAllow } from '../../src/domain/access/operations';
import { ROLE_NAMES } from '../../src/domain/access/roles';
import { chinaDate } from '../../src/domain/calendar/dates';
import { newApiKey } from '../../src/modules/auth/api-key-format';
import { createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { decidedCase } from '../helpers/cases';

let t: TestApp;
let other: TestBureau;
/** Real ids of the demo bureau's records, so that reads can succeed. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  const admin = t.as('admin');
  ids.unitId = (await admin.get(`/v1/agencies/${t.agencyId}/units`).expect(200)).body.items[0].id;
  ids.officerId = t.bureau.officers.officer;
  ids.certificateId = (await admin.get(`/v1/officers/${ids.officerId}`).expect(200)).body.certificate.id;
  ids.apiKeyId = (
    await admin
      .post('/v1/api-keys')
      .send({ name: 'matrix', scopes: ['calendar.read'] })
      .expect(201)
  ).body.id;
  const adjustment = await admin
    .post('/v1/power-list/adjustments')
    .send({
      effectiveOn: '2024-01-01',
      trigger: 'initial_import',
      documentNumber: '东市监发〔2024〕1号',
      approvedBy: '陈局长',
      laws: ['中华人民共和国食品安全法'],
      changes: [
        {
          type: 'add',
          item: {
            code: 'MATRIX-1',
            name: '对未取得食品经营许可从事食品经营活动的行政处罚',
            category: 'penalty',
            legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十二条' }],
            level: 'county',
          },
        },
      ],
    })
    .expect(201);
  ids.adjustmentId = adjustment.body.id;
  ids.itemId = (
    await admin.get(`/v1/power-items?q=${encodeURIComponent('未取得食品经营许可')}`).expect(200)
  ).body.items[0].id;
  ids.caseId = (
    await t
      .as('officer')
      .post('/v1/cases')
      .send({ source: 'inspection', receivedOn: '2024-03-01', summary: '检查发现无证经营' })
      .expect(201)
  ).body.id;
  // A piece of evidence and a seizure of that case, collected and taken an hour ago by two certified officers.
  const hourAgo = new Date(Date.now() - 3_600_000);
  const collectors = [t.bureau.officers.officer, t.bureau.officers.unit_head];
  ids.evidenceId = (
    await t
      .as('officer')
      .post(`/v1/cases/${ids.caseId}/evidence`)
      .send({
        kind: 'documentary',
        description: '现场检查笔录',
        collectedOn: chinaDate(hourAgo),
        collectedBy: collectors,
        avRecorded: true,
      })
      .expect(201)
  ).body.id;
  ids.measureId = (
    await t
      .as('officer')
      .post(`/v1/cases/${ids.caseId}/measures`)
      .send({
        kind: 'seizure',
        items: '涉案熟食',
        startedAt: hourAgo.toISOString(),
        officerIds: collectors,
        avRecorded: true,
        approval: 'emergency',
      })
      .expect(201)
  ).body.id;
  // The seizure's numbered decision (实施行政强制措施决定书) is a document of the case.
  ids.documentId = String(
    (await t.as('officer').get(`/v1/cases/${ids.caseId}/documents`).expect(200)).body.items[0].id,
  );
  // An on-the-spot penalty (当场处罚) decided an hour ago by the same two officers.
  ids.penaltyId = (
    await t
      .as('officer')
      .post('/v1/on-the-spot-penalties')
      .send({
        decidedAt: hourAgo.toISOString(),
        place: '城东区八一路',
        officerIds: collectors,
        party: { kind: 'natural_person', name: '张三', residentId: '11010519491231002X' },
        facts: '销售超过保质期的食品',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        powerItemId: ids.itemId,
        penalties: [{ type: 'warning' }],
      })
      .expect(201)
  ).body.id;
  // A criminal transfer (行刑衔接) of the lead reported today, a joint case with the police, a correction
  // order (责令改正通知书) and an interview record (行政约谈记录).
  const today = chinaDate(new Date());
  const officer = t.as('officer');
  ids.transferId = (
    await officer
      .post('/v1/criminal-transfers')
      .send({
        caseId: ids.caseId,
        reportedOn: today,
        teamOfficerIds: collectors,
        suspectedOffence: '生产、销售有毒、有害食品罪',
        facts: '检出非食用物质',
      })
      .expect(201)
  ).body.id;
  ids.jointCaseId = (
    await officer
      .post('/v1/criminal-transfers/joint-cases')
      .send({ caseId: ids.caseId, policeAgency: '城东公安分局', startedOn: today, summary: '联合查处' })
      .expect(201)
  ).body.id;
  ids.correctionOrderId = (
    await officer
      .post(`/v1/cases/${ids.caseId}/correction-orders`)
      .send({
        issuedOn: today,
        requirements: '停止无证经营',
        deadline: today,
        legalBasis: '行政处罚法第二十八条',
      })
      .expect(201)
  ).body.id;
  // A reconsideration of the on-the-spot penalty (行政复议), withdrawn, then a lawsuit (行政诉讼) against it.
  ids.reconsiderationId = (
    await officer
      .post('/v1/reconsiderations')
      .send({
        decision: { onTheSpotPenaltyId: ids.penaltyId },
        applicant: { kind: 'natural_person', name: '张三' },
        reference: '城府复〔2025〕1号',
        appliedOn: today,
        claims: '请求撤销',
      })
      .expect(201)
  ).body.id;
  await officer
    .post(`/v1/reconsiderations/${ids.reconsiderationId}/actions/withdraw`)
    .send({ on: today, settled: false, reason: '申请人撤回' })
    .expect(200);
  ids.litigationId = (
    await officer
      .post('/v1/litigations')
      .send({
        decision: { onTheSpotPenaltyId: ids.penaltyId },
        court: '城东区人民法院',
        courtCaseNumber: '（2025）青0102行初1号',
        plaintiff: { kind: 'natural_person', name: '张三' },
        claims: '撤销',
        filedOn: today,
        complaintReceivedOn: today,
      })
      .expect(201)
  ).body.id;
  // A register entry (经营异常名录) and a credit restoration (信用修复) of it.
  const credit = t.as('credit_officer');
  ids.creditListEntryId = (
    await credit
      .post('/v1/credit-lists')
      .send({
        list: 'abnormal_operation',
        entityName: '西宁市城东区示例食品有限公司',
        creditCode: '91350100M000100Y43',
        reason: '未按规定报送年度报告',
        listedOn: today,
        decisionRef: '东市监经异〔2025〕1号',
      })
      .expect(201)
  ).body.id;
  ids.creditRestorationId = (
    await credit
      .post('/v1/credit-restorations')
      .send({
        kind: 'abnormal_list_removal',
        applicant: { name: '西宁市城东区示例食品有限公司', creditCode: '91350100M000100Y43' },
        listEntryId: ids.creditListEntryId,
        materials: [{ kind: 'application', title: '申请书', fileRef: 'a.pdf', sha256: 'a'.repeat(64) }],
        submittedOn: today,
      })
      .expect(201)
  ).body.id;
  ids.interviewId = (
    await officer
      .post(`/v1/cases/${ids.caseId}/interviews`)
      .send({
        heldOn: today,
        attendeeIds: collectors,
        counterpart: { name: '李四', role: '负责人' },
        subject: '约谈',
        summary: '约谈记录',
      })
      .expect(201)
  ).body.id;
  // A decided case with its penalty publication (行政处罚信息公示), for the publication and restoration-notice reads.
  ids.publishedCaseId = (await decidedCase(t, ids.itemId as string)).id;
  ids.publicationId = (
    await officer.get(`/v1/publications?caseId=${ids.publishedCaseId}`).expect(200)
  ).body.items[0].id;
});
afterAll(() => t.close());

/** Required query parameters of reads, so that an allowed caller gets a real answer. */
const QUERIES: Record<string, string> = {
  '/v1/calendar/days': '?year=2024',
  '/v1/calendar/due-date': '?from=2024-09-27&days=5&unit=working',
  '/v1/cases/stats': '?year=2024',
};

/** Fills path parameters with the given agency and the demo bureau's real records. */
function concrete(url: string, agencyId: string): string {
  const values: Record<string, string> = {
    ...ids,
    ...(url.endsWith('/restoration-notice') ? { caseId: ids.publishedCaseId as string } : {}),
    agencyId,
    documentType: 'penalty_decision',
    key: 'publication.working_days',
    scope: 'CN',
    date: '2031-01-01',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? newId()) + (QUERIES[url] ?? '');
}

/** Reads must succeed for an allowed caller; writes (sent an empty body) must get past authorisation. */
function passes(method: string, status: number): boolean {
  return method === 'GET' ? status >= 200 && status < 300 : status !== 401 && status !== 403;
}

type Client = ReturnType<typeof supertest.agent> | ReturnType<typeof supertest>;

/** An empty body for writes: an allowed caller then gets a 400 and nothing is written. */
function send(client: Client, method: string, path: string) {
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  const request = client[m](path);
  return m === 'get' || m === 'delete' ? request : request.send({});
}

it('every protected route declares an operation from the matrix', () => {
  expect(t.app.routeOperations.length).toBeGreaterThanOrEqual(25);
  for (const route of t.app.routeOperations) expect(Object.keys(OPERATIONS)).toContain(route.operation);
});

it('answers every allowed role (reads with 2xx) and refuses every other role with 403', async () => {
  const outcomes: string[] = [];
  for (const { method, url, operation } of t.app.routeOperations) {
    for (const role of ROLE_NAMES) {
      const res = await send(t.as(role), method, concrete(url, t.agencyId));
      const allowed = rolesAllow([role], operation);
      const ok = allowed ? passes(method, res.status) : res.status === 403;
      if (!ok)
        outcomes.push(
          `${method} ${url} as ${role}: ${res.status} (${allowed ? 'should pass' : 'should be 403'})`,
        );
      if (!allowed && res.status === 403) expect(res.body).toMatchObject({ code: 'FORBIDDEN', operation });
    }
  }
  expect(outcomes).toEqual([]);
});

it('holds API keys to their scopes; operations closed to keys stay closed', async () => {
  const eligible = (Object.keys(OPERATIONS) as Operation[]).filter((op) => OPERATIONS[op].apiKeys);
  // Every key-eligible operation but the first, so an eligible yet unscoped operation is seen refused too.
  const scoped = eligible.slice(1);
  const id = newId();
  const { key, secretHash } = newApiKey(id);
  await t.app.database.db.insert(apiKeys).values({
    agencyId: t.agencyId,
    id,
    name: 'matrix test',
    secretHash,
    scopes: scoped,
    createdBy: t.bureau.officers.admin,
  });
  const outcomes: string[] = [];
  for (const { method, url, operation } of t.app.routeOperations) {
    const res = await send(
      supertest.agent(t.app.server).set('x-api-key', key),
      method,
      concrete(url, t.agencyId),
    );
    const allowed = scoped.includes(operation);
    const ok = allowed ? passes(method, res.status) : res.status === 403;
    if (!ok)
      outcomes.push(
        `${method} ${url} with key: ${res.status} (${allowed ? 'should pass' : 'should be 403'})`,
      );
  }
  expect(outcomes).toEqual([]);
});

it('answers 404 on every route that names another agency, for every role allowed the operation', async () => {
  const outcomes: string[] = [];
  for (const { method, url, operation } of t.app.routeOperations.filter((r) => r.url.includes(':agencyId'))) {
    for (const role of ROLE_NAMES.filter((r) => rolesAllow([r], operation))) {
      // The platform operator may read and change the registry entry of any agency, and nothing below it.
      if (role === 'system_admin' && (operation === 'agencies.read' || operation === 'agencies.update'))
        continue;
      const res = await send(t.as(role), method, concrete(url, other.agencyId));
      if (res.status !== 404) outcomes.push(`${method} ${url} as ${role}: ${res.status}`);
    }
  }
  expect(outcomes).toEqual([]);
});

it('refuses every protected route without credentials (401 with WWW-Authenticate)', async () => {
  for (const { method, url } of t.app.routeOperations) {
    const res = await send(t.anonymous, method, concrete(url, t.agencyId));
    expect({ route: `${method} ${url}`, status: res.status }).toEqual({
      route: `${method} ${url}`,
      status: 401,
    });
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  }
});

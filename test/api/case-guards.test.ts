/**
 * Every case guard through the API (RULES.md §1): a real case is driven to the point, the failing
 * action is sent, and the answer is a 422 problem (CASE_RULE_VIOLATION) listing the unmet condition
 * with its rule, while the case, its timeline and the document-number counters stay exactly as they
 * were. Where the case alone decides, GET /v1/cases/{id}/actions shows the same condition beforehand.
 *
 * The app's clock stands at Monday 2025-06-16 (China), after the default spring-2025 walk of
 * test/helpers/cases.ts; one test moves it back inside a statement window.
 */
import supertest from 'supertest';
import type { Role } from '../../src/domain/access/roles';
import { CONDITIONS, type ConditionCode } from '../../src/domain/cases/conditions';
import { mintToken } from '../../src/modules/auth/tokens';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import {
  act,
  addEvidence,
  caseInReview,
  caseState,
  caseWithNotice,
  DEFAULT_PENALTIES,
  fileCase,
  investigators,
  passLegalReview,
  penaltyItem,
  registerLead,
  secondBureauHead,
  step,
} from '../helpers/cases';

const NOW = new Date('2025-06-16T04:00:00Z');
let clock = NOW;
let t: TestApp;
/** The demo bureau's penalty item, in force from 2024-01-01. */
let itemId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t);
});
afterAll(() => t.close());

interface UnmetBody {
  code: string;
  rule: string;
  message: string;
  detail?: string;
}

const head = () => t.bureau.officers.bureau_head;
const FILE = () => ({ on: '2025-03-10', approverId: head(), limitationBasis: 'two_years' });
/** A fine from which an organisation may request a hearing (HR art. 5: ≥ CNY 100,000). */
const HEARING_FINE = [{ type: 'fine', amount: 200_000 }];
const DECIDE = { on: '2025-04-07', kind: 'penalty', penalties: DEFAULT_PENALTIES };

/** The agency's document-number counters for 2025 (文号流水号). */
async function counters(app: TestApp = t) {
  const res = await app
    .as('officer')
    .get(`/v1/agencies/${app.agencyId}/document-counters?year=2025`)
    .expect(200);
  return res.body.items as { documentType: string; year: number; lastSerial: number }[];
}

async function lastSerial(documentType: string, app: TestApp = t) {
  return (await counters(app)).find((c) => c.documentType === documentType)?.lastSerial ?? 0;
}

/** What GET /v1/cases/{id}/actions says about one action now. */
async function listed(caseId: string, action: string, app: TestApp = t) {
  const res = await app.as('officer').get(`/v1/cases/${caseId}/actions`).expect(200);
  const entry = (res.body.actions as { action: string; possible: boolean; unmet: UnmetBody[] }[]).find(
    (a) => a.action === action,
  );
  if (!entry) throw new Error(`GET /actions does not list ${action}`);
  return { possible: entry.possible, codes: entry.unmet.map((u) => u.code) };
}

interface RefusalOptions {
  role?: Role;
  app?: TestApp;
  /** The case alone fails the condition: GET /actions must show it before the action is tried. */
  shown?: boolean;
  /** Sends the request with this client instead of a seeded role's. */
  agent?: supertest.Agent;
}

/**
 * Sends an action that must be refused with `code` (and its rule) among the unmet conditions, and
 * proves that nothing changed: the case (version included), its timeline and the number counters.
 * Returns every unmet condition.
 */
async function refused(
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  code: ConditionCode,
  options: RefusalOptions = {},
): Promise<UnmetBody[]> {
  const app = options.app ?? t;
  const before = await caseState(app, caseId);
  const numbers = await counters(app);
  const beforehand = options.shown ? await listed(caseId, action, app) : null;

  const res = options.agent
    ? await options.agent.post(`/v1/cases/${caseId}/actions/${action}`).send(body)
    : await act(app, caseId, action, body, options.role);
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 422, code: 'CASE_RULE_VIOLATION', action });
  const unmet = res.body.unmet as UnmetBody[];
  expect(unmet).toContainEqual(
    expect.objectContaining({ code, rule: CONDITIONS[code].rule, message: CONDITIONS[code].message }),
  );
  for (const u of unmet) expect(u.rule).toBe(CONDITIONS[u.code as ConditionCode].rule);

  if (beforehand) {
    expect(beforehand.possible).toBe(false);
    expect(beforehand.codes).toContain(code);
    // What GET /actions showed is what the refusal lists (it may add conditions of the input).
    expect(unmet.map((u) => u.code)).toEqual(expect.arrayContaining(beforehand.codes));
  }
  expect(await caseState(app, caseId)).toEqual(before);
  expect(await counters(app)).toEqual(numbers);
  return unmet;
}

const codes = (unmet: UnmetBody[]) => unmet.map((u) => u.code);

/** Adds items to the demo bureau's power list; returns their ids by code. */
async function adjustPowerList(
  effectiveOn: string,
  documentNumber: string,
  items: Record<string, unknown>[],
) {
  const res = await t
    .as('admin')
    .post('/v1/power-list/adjustments')
    .send({
      effectiveOn,
      trigger: 'law_change',
      documentNumber,
      approvedBy: '陈局长',
      laws: ['中华人民共和国食品安全法'],
      changes: items.map((item) => ({
        type: 'add',
        item: {
          category: 'penalty',
          legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十二条' }],
          level: 'county',
          ...item,
        },
      })),
    });
  if (res.status !== 201) throw new Error(`adjustment: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.fromEntries(
    (res.body.changes as { code: string; itemId: string }[]).map((c) => [c.code, c.itemId]),
  ) as Record<string, string>;
}

/** An officer the admin registers, with a client acting as them. */
async function newOfficer(body: Record<string, unknown>) {
  const res = await t
    .as('admin')
    .post('/v1/officers')
    .send({ roles: ['officer'], legalQualification: { held: false }, ...body });
  if (res.status !== 201) throw new Error(`newOfficer: ${res.status} ${JSON.stringify(res.body)}`);
  const token = await mintToken({
    secret: TEST_JWT_SECRET,
    officerId: res.body.id,
    agencyId: t.agencyId,
    now: clock,
  });
  const agent = supertest.agent(t.app.server).set('authorization', `Bearer ${token}`);
  return { id: res.body.id as string, certificateId: res.body.certificate?.id as string | undefined, agent };
}

describe('filing (立案): PPR arts. 18–19, APL arts. 36, 42', () => {
  it('one certified officer is not enough (INSUFFICIENT_CERTIFIED_OFFICERS — APL art. 42)', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: [t.bureau.officers.officer] });
    const unmet = await refused(lead.id, 'file', FILE(), 'INSUFFICIENT_CERTIFIED_OFFICERS', { shown: true });
    expect(codes(unmet)).toEqual(['INSUFFICIENT_CERTIFIED_OFFICERS']);
    expect(unmet[0]?.detail).toBe('1 certified officer(s) assigned');
  });

  it('an officer whose certificate is suspended does not count, nor can be assigned', async () => {
    const suspended = await newOfficer({
      name: '暂扣证执法员',
      certificate: {
        number: '东G0001',
        issuingAuthority: '青海省人民政府',
        validFrom: '2024-01-01',
        validTo: '2028-12-31',
      },
    });
    const lead = await registerLead(t, { powerItemId: itemId });
    await step(t, lead.id, 'assign-officers', {
      on: '2025-03-03',
      officerIds: [t.bureau.officers.officer, suspended.id],
    });
    await t
      .as('admin')
      .post(`/v1/officers/${suspended.id}/certificates/${suspended.certificateId}/actions/suspend`)
      .send({ effectiveOn: '2025-03-05', reason: '暂扣执法证' })
      .expect(200);

    const unmet = await refused(lead.id, 'file', FILE(), 'INSUFFICIENT_CERTIFIED_OFFICERS', { shown: true });
    expect(codes(unmet)).toEqual(['INSUFFICIENT_CERTIFIED_OFFICERS']);
    const assign = await refused(
      lead.id,
      'assign-officers',
      { on: '2025-03-06', officerIds: [suspended.id] },
      'OFFICER_CERTIFICATE_INVALID',
    );
    expect(assign[0]?.detail).toContain(suspended.id);
    // The certificate was valid before the suspension: the assignment of 03-03 stands.
    const c = (await t.as('officer').get(`/v1/cases/${lead.id}`).expect(200)).body;
    expect(c.officers.find((o: { id: string }) => o.id === suspended.id)).toMatchObject({
      certificateValidToday: false,
    });
  });

  it('a lead without a party (NO_PARTY — PPR art. 19)', async () => {
    const lead = await registerLead(t, { powerItemId: itemId, parties: [] });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    expect(codes(await refused(lead.id, 'file', FILE(), 'NO_PARTY', { shown: true }))).toEqual(['NO_PARTY']);
  });

  it('no power item, a non-penalty item, an item not yet in force (NO_PENALTY_POWER_ITEM)', async () => {
    const items = await adjustPowerList('2025-01-01', '东市监发〔2025〕1号', [
      { code: 'CASE-LICENCE', name: '食品经营许可（测试）', category: 'licensing' },
    ]);
    const later = await adjustPowerList('2025-04-01', '东市监发〔2025〕2号', [
      { code: 'CASE-LATER', name: '对新设违法行为的行政处罚（测试）' },
    ]);

    const none = await registerLead(t, {});
    await step(t, none.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    expect(codes(await refused(none.id, 'file', FILE(), 'NO_PENALTY_POWER_ITEM', { shown: true }))).toEqual([
      'NO_PENALTY_POWER_ITEM',
    ]);

    const licence = await registerLead(t, { powerItemId: items['CASE-LICENCE'] });
    await step(t, licence.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    await refused(licence.id, 'file', FILE(), 'NO_PENALTY_POWER_ITEM', { shown: true });

    // In force from 04-01: refused on 03-10, although GET /actions (as of today) sees it in force.
    const early = await registerLead(t, { powerItemId: later['CASE-LATER'] });
    await step(t, early.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    await refused(early.id, 'file', FILE(), 'NO_PENALTY_POWER_ITEM');
    expect(await listed(early.id, 'file')).toEqual({ possible: true, codes: [] });
    const filed = await step(t, early.id, 'file', { ...FILE(), on: '2025-04-02' });
    expect(filed).toMatchObject({ stage: 'investigation', filedOn: '2025-04-02' });
  });

  it('no violation date (VIOLATION_DATE_MISSING — APL art. 36)', async () => {
    const lead = await registerLead(t, { powerItemId: itemId, violationOn: undefined });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    await refused(lead.id, 'file', FILE(), 'VIOLATION_DATE_MISSING', { shown: true });
  });

  it('limitation expired; the 5-year basis needs its reason (APL art. 36)', async () => {
    const lead = await registerLead(t, { powerItemId: itemId, violationOn: '2023-03-01' });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    const expired = await refused(lead.id, 'file', FILE(), 'LIMITATION_EXPIRED');
    expect(codes(expired)).toEqual(['LIMITATION_EXPIRED']);
    expect(expired[0]?.detail).toContain('2025-03-01');
    const noReason = await refused(
      lead.id,
      'file',
      { ...FILE(), limitationBasis: 'five_years' },
      'LIMITATION_REASON_MISSING',
    );
    expect(codes(noReason)).toEqual(['LIMITATION_REASON_MISSING']);
    // With the reason recorded, the 5-year period applies.
    const filed = await step(t, lead.id, 'file', {
      ...FILE(),
      limitationBasis: 'five_years',
      limitationReason: '违法行为危害人体健康',
    });
    expect(filed.limitation).toEqual({
      basis: 'five_years',
      reason: '违法行为危害人体健康',
      endsOn: '2028-03-01',
    });
  });

  it('an approver who is not the bureau head (APPROVER_NOT_BUREAU_HEAD — PPR art. 18)', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    const unmet = await refused(
      lead.id,
      'file',
      { ...FILE(), approverId: t.bureau.officers.unit_head },
      'APPROVER_NOT_BUREAU_HEAD',
    );
    expect(codes(unmet)).toEqual(['APPROVER_NOT_BUREAU_HEAD']);
    await refused(
      lead.id,
      'decline-filing',
      {
        on: '2025-03-10',
        approverId: t.bureau.officers.officer,
        reason: 'minor_corrected_no_harm',
        detail: '当场改正',
      },
      'APPROVER_NOT_BUREAU_HEAD',
    );
  });

  it('dates in the future or before the lead was received', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    const future = await refused(lead.id, 'file', { ...FILE(), on: '2025-06-17' }, 'DATE_IN_FUTURE');
    expect(codes(future)).toEqual(['DATE_IN_FUTURE']);
    const early = await refused(
      lead.id,
      'file',
      { ...FILE(), on: '2025-03-02' },
      'DATE_BEFORE_PREVIOUS_STEP',
    );
    expect(codes(early)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
  });

  it('refusals consume no number: the next filing gets the next serial', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await step(t, lead.id, 'assign-officers', { on: '2025-03-03', officerIds: [t.bureau.officers.officer] });
    const last = await lastSerial('case_filing');
    await refused(lead.id, 'file', FILE(), 'INSUFFICIENT_CERTIFIED_OFFICERS');
    await refused(
      lead.id,
      'file',
      { ...FILE(), approverId: t.bureau.officers.officer },
      'APPROVER_NOT_BUREAU_HEAD',
    );
    await step(t, lead.id, 'assign-officers', {
      on: '2025-03-03',
      officerIds: [t.bureau.officers.unit_head],
    });
    const filed = await step(t, lead.id, 'file', FILE());
    expect(filed.filingNumber).toMatch(new RegExp(`〔2025〕${last + 1}号$`));
    expect(await lastSerial('case_filing')).toBe(last + 1);
  });

  it('a filed case cannot be filed again (WRONG_STAGE)', async () => {
    const filed = await fileCase(t, itemId);
    const unmet = await refused(filed.id, 'file', FILE(), 'WRONG_STAGE', { shown: true });
    expect(codes(unmet)).toEqual(['WRONG_STAGE']);
    expect(unmet[0]?.detail).toBe('the case is at investigation; needs lead');
  });

  it('the filing period is extended once, by at most 15 WD (EXTENSION_NOT_ALLOWED — APL art. 60)', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    const extension = { on: '2025-03-10', approverId: head(), kind: 'filing', reason: '需要检验' };
    await refused(lead.id, 'approve-extension', { ...extension, days: 16 }, 'EXTENSION_NOT_ALLOWED');
    await step(t, lead.id, 'approve-extension', { ...extension, days: 15 });
    const second = await refused(
      lead.id,
      'approve-extension',
      { ...extension, days: 5 },
      'EXTENSION_NOT_ALLOWED',
    );
    expect(second[0]?.detail).toBe('the filing period was extended already');
  });
});

describe('investigation (调查): suspension, the investigation-end report', () => {
  it('no evidence, no report (NO_EVIDENCE — APL art. 46)', async () => {
    const filed = await fileCase(t, itemId);
    const unmet = await refused(
      filed.id,
      'conclude-investigation',
      { on: '2025-03-20', findings: '事实', penalties: DEFAULT_PENALTIES },
      'NO_EVIDENCE',
      { shown: true },
    );
    expect(codes(unmet)).toEqual(['NO_EVIDENCE']);
  });

  it('resuming a running case (NOT_SUSPENDED); a suspended case stops (CASE_SUSPENDED)', async () => {
    const filed = await fileCase(t, itemId);
    await refused(filed.id, 'resume', { on: '2025-03-20' }, 'NOT_SUSPENDED', { shown: true });
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'suspend', { on: '2025-03-15', reason: '等待外省协查' });
    const report = { on: '2025-03-20', findings: '事实', penalties: DEFAULT_PENALTIES };
    expect(
      codes(await refused(filed.id, 'conclude-investigation', report, 'CASE_SUSPENDED', { shown: true })),
    ).toEqual(['CASE_SUSPENDED']);
    await refused(filed.id, 'suspend', { on: '2025-03-16', reason: '再次中止' }, 'CASE_SUSPENDED', {
      shown: true,
    });
    await refused(filed.id, 'resume', { on: '2025-03-14' }, 'DATE_BEFORE_PREVIOUS_STEP');
  });

  it('testing (送检): a result without testing (NOT_TESTING), testing twice at once (TESTING_IN_PROGRESS)', async () => {
    const filed = await fileCase(t, itemId);
    const result = { on: '2025-03-20', resultSummary: '检出致病菌' };
    expect(codes(await refused(filed.id, 'end-testing', result, 'NOT_TESTING', { shown: true }))).toEqual([
      'NOT_TESTING',
    ]);
    const sample = { subject: '熟食样品 3 份', institution: '青海省食品检验检测院' };
    await step(t, filed.id, 'start-testing', { ...sample, on: '2025-03-12' });
    const twice = await refused(
      filed.id,
      'start-testing',
      { ...sample, on: '2025-03-13' },
      'TESTING_IN_PROGRESS',
      {
        shown: true,
      },
    );
    expect(codes(twice)).toEqual(['TESTING_IN_PROGRESS']);
    await refused(filed.id, 'end-testing', { ...result, on: '2025-03-11' }, 'DATE_BEFORE_PREVIOUS_STEP');
  });

  it('a report dated before filing or in the future', async () => {
    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    const report = { findings: '事实', penalties: DEFAULT_PENALTIES };
    await refused(
      filed.id,
      'conclude-investigation',
      { ...report, on: '2025-03-09' },
      'DATE_BEFORE_PREVIOUS_STEP',
    );
    await refused(filed.id, 'conclude-investigation', { ...report, on: '2025-06-17' }, 'DATE_IN_FUTURE');
  });

  it('the decision period: a first extension of at most 30 days, a second only after a discussion', async () => {
    const filed = await fileCase(t, itemId);
    const extension = { approverId: head(), kind: 'decision', reason: '案情复杂' };
    const long = await refused(
      filed.id,
      'approve-extension',
      { ...extension, on: '2025-05-30', days: 31 },
      'EXTENSION_NOT_ALLOWED',
    );
    expect(long[0]?.detail).toBe('the first extension is at most 30 days');
    await step(t, filed.id, 'approve-extension', { ...extension, on: '2025-05-30', days: 30 });
    const second = await refused(
      filed.id,
      'approve-extension',
      { ...extension, on: '2025-06-10', days: 10 },
      'EXTENSION_NOT_ALLOWED',
    );
    expect(second[0]?.detail).toBe('no collective discussion since the last extension');
    // A filing extension after filing is at the wrong stage.
    await refused(
      filed.id,
      'approve-extension',
      { ...extension, on: '2025-05-30', kind: 'filing', days: 5 },
      'WRONG_STAGE',
    );
  });
});

describe('transfer (移送) and termination (终止调查): the head approves, at their stage', () => {
  it('a transfer of a filed case, or approved by someone else', async () => {
    const transfer = {
      on: '2025-03-10',
      approverId: head(),
      recipient: '西宁市城东区卫生健康局',
      recipientKind: 'agency',
      reason: '属卫生健康部门管辖',
    };
    const filed = await fileCase(t, itemId);
    expect(codes(await refused(filed.id, 'transfer', transfer, 'WRONG_STAGE', { shown: true }))).toEqual([
      'WRONG_STAGE',
    ]);
    const lead = await registerLead(t, { powerItemId: itemId });
    const unmet = await refused(
      lead.id,
      'transfer',
      { ...transfer, approverId: t.bureau.officers.unit_head },
      'APPROVER_NOT_BUREAU_HEAD',
    );
    expect(codes(unmet)).toEqual(['APPROVER_NOT_BUREAU_HEAD']);
  });

  it('a lead for the police goes through the criminal-transfer procedure, not this action', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    const unmet = await refused(
      lead.id,
      'transfer',
      {
        on: '2025-03-10',
        approverId: head(),
        recipient: '西宁市公安局城东分局',
        recipientKind: 'police',
        reason: '涉嫌生产销售有毒有害食品罪',
      },
      'POLICE_TRANSFER_PROCEDURE',
    );
    expect(codes(unmet)).toEqual(['POLICE_TRANSFER_PROCEDURE']);
    expect(unmet[0]).toMatchObject({ rule: 'TR arts. 5–6' });
  });

  it('terminating a lead, or approved by someone else', async () => {
    const terminate = { on: '2025-03-20', approverId: head(), reason: '当事人死亡' };
    const lead = await registerLead(t, { powerItemId: itemId });
    await refused(lead.id, 'terminate', terminate, 'WRONG_STAGE', { shown: true });
    const filed = await fileCase(t, itemId);
    await refused(
      filed.id,
      'terminate',
      { ...terminate, approverId: t.bureau.officers.officer },
      'APPROVER_NOT_BUREAU_HEAD',
    );
    await refused(filed.id, 'terminate', { ...terminate, on: '2025-03-09' }, 'DATE_BEFORE_PREVIOUS_STEP');
  });
});

describe('review (审核) and legal review (法制审核, APL art. 58)', () => {
  const REPORT = { on: '2025-03-20', findings: '当事人无证经营熟食', penalties: DEFAULT_PENALTIES };

  it('a case review before the report, or dated before it', async () => {
    const filed = await fileCase(t, itemId);
    const review = { on: '2025-03-24', result: 'pass', opinion: '事实清楚' };
    await refused(filed.id, 'complete-review', review, 'WRONG_STAGE', { role: 'unit_head', shown: true });
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', REPORT);
    await refused(filed.id, 'complete-review', { ...review, on: '2025-03-19' }, 'DATE_BEFORE_PREVIOUS_STEP', {
      role: 'unit_head',
    });
  });

  it('a notice before the case review (CASE_REVIEW_NOT_COMPLETED)', async () => {
    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', REPORT);
    await passLegalReview(t, filed.id, '2025-03-21');
    const unmet = await refused(filed.id, 'issue-notice', { on: '2025-03-26' }, 'CASE_REVIEW_NOT_COMPLETED', {
      shown: true,
    });
    expect(codes(unmet)).toEqual(['CASE_REVIEW_NOT_COMPLETED']);
  });

  it('a notice without a passed legal review where the bureau reviews every case (LEGAL_REVIEW_NOT_PASSED)', async () => {
    const reviewed = await caseInReview(t, itemId);
    expect(reviewed.legalReviewRequired).toBe(true);
    const unmet = await refused(
      reviewed.id,
      'issue-notice',
      { on: '2025-03-26' },
      'LEGAL_REVIEW_NOT_PASSED',
      {
        shown: true,
      },
    );
    expect(codes(unmet)).toEqual(['LEGAL_REVIEW_NOT_PASSED']);
    await passLegalReview(t, reviewed.id, '2025-03-25');
    // A pass before the proposal was revised no longer counts.
    await step(t, reviewed.id, 'revise-proposal', {
      on: '2025-03-25',
      penalties: [{ type: 'fine', amount: 4000 }],
      reason: '当事人积极整改',
    });
    await refused(reviewed.id, 'issue-notice', { on: '2025-03-26' }, 'LEGAL_REVIEW_NOT_PASSED', {
      shown: true,
    });
  });

  it('a reviewer without the legal_reviewer role, without qualification, or who investigated', async () => {
    const reviewed = await caseInReview(t, itemId);
    const review = { on: '2025-03-25', result: 'pass', opinion: '同意' };
    // The bureau head holds neither the role nor the qualification.
    const head = await refused(reviewed.id, 'record-legal-review', review, 'REVIEWER_NOT_LEGAL_REVIEWER', {
      role: 'bureau_head',
    });
    expect(codes(head)).toEqual(['REVIEWER_NOT_LEGAL_REVIEWER', 'REVIEWER_NOT_QUALIFIED']);

    const unqualified = await newOfficer({ name: '新任审核员', roles: ['legal_reviewer'] });
    const noQualification = await refused(
      reviewed.id,
      'record-legal-review',
      review,
      'REVIEWER_NOT_QUALIFIED',
      {
        agent: unqualified.agent,
      },
    );
    expect(codes(noQualification)).toEqual(['REVIEWER_NOT_QUALIFIED']);

    // An investigator (the unit head) reviewing the own case.
    const investigator = await refused(
      reviewed.id,
      'record-legal-review',
      review,
      'REVIEWER_IS_INVESTIGATOR',
      {
        role: 'unit_head',
      },
    );
    expect(codes(investigator)).toContain('REVIEWER_IS_INVESTIGATOR');
  });

  it('a qualified legal reviewer assigned as an investigator (REVIEWER_IS_INVESTIGATOR)', async () => {
    const filed = await fileCase(t, itemId);
    await step(t, filed.id, 'assign-officers', {
      on: '2025-03-11',
      officerIds: [t.bureau.officers.legal_reviewer],
    });
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', REPORT);
    const unmet = await refused(
      filed.id,
      'record-legal-review',
      { on: '2025-03-25', result: 'pass', opinion: '同意' },
      'REVIEWER_IS_INVESTIGATOR',
      { role: 'legal_reviewer' },
    );
    expect(codes(unmet)).toEqual(['REVIEWER_IS_INVESTIGATOR']);
  });

  it('a statement before any notice is at the wrong stage (WRONG_STAGE, NOTICE_NOT_SERVED)', async () => {
    const reviewed = await caseInReview(t, itemId);
    const unmet = await refused(
      reviewed.id,
      'record-statement',
      { on: '2025-03-26', summary: '当事人陈述' },
      'NOTICE_NOT_SERVED',
      { shown: true },
    );
    expect(codes(unmet)).toEqual(['WRONG_STAGE', 'NOTICE_NOT_SERVED']);
  });
});

describe('a bureau that does not review every case (legal_review.all_cases off)', () => {
  let west: TestApp;
  let westItem: string;

  beforeAll(async () => {
    const other = await t.seedBureau({ name: '城西区市场监督管理局', code: '西', regionCode: '630104' });
    west = { ...t, bureau: other, agencyId: other.agencyId, as: other.as, http: other.as('admin') };
    await west
      .as('admin')
      .post(`/v1/agencies/${west.agencyId}/rule-settings/legal_review.all_cases`)
      .send({ value: false, effectiveFrom: '2025-01-01', basis: '城西区: 按目录审核 (test)' })
      .expect(201);
    westItem = await penaltyItem(west, 'WEST-ITEM-1');
  });

  it('a small fine needs no legal review: noticed and decided without one', async () => {
    const reviewed = await caseInReview(west, westItem);
    expect(reviewed.legalReviewRequired).toBe(false);
    await step(west, reviewed.id, 'issue-notice', { on: '2025-03-26' });
    const decided = await step(west, reviewed.id, 'decide', DECIDE);
    expect(decided).toMatchObject({ stage: 'decided', decidedOn: '2025-04-07' });
    expect(decided.decisionNumber).toMatch(/^西市监处罚〔2025〕\d+号$/);
  });

  it('a fine with a hearing right needs one (LEGAL_REVIEW_NOT_PASSED)', async () => {
    const reviewed = await caseInReview(west, westItem, { penalties: HEARING_FINE });
    expect(reviewed.legalReviewRequired).toBe(true);
    const unmet = await refused(
      reviewed.id,
      'issue-notice',
      { on: '2025-03-26' },
      'LEGAL_REVIEW_NOT_PASSED',
      {
        app: west,
        shown: true,
      },
    );
    expect(codes(unmet)).toEqual(['LEGAL_REVIEW_NOT_PASSED']);
  });
});

describe('notice (告知), statements and hearings (听证): APL arts. 44–45, 64; HR art. 5', () => {
  it('revising the proposal heavier after the notice (DEFENCE_CANNOT_AGGRAVATE — APL art. 45)', async () => {
    const noticed = await caseWithNotice(t, itemId);
    const revision = { on: '2025-03-31', reason: '当事人拒不改正' };
    const unmet = await refused(
      noticed.id,
      'revise-proposal',
      { ...revision, penalties: [{ type: 'warning' }, { type: 'fine', amount: 8000 }] },
      'DEFENCE_CANNOT_AGGRAVATE',
    );
    expect(codes(unmet)).toEqual(['DEFENCE_CANNOT_AGGRAVATE']);
    await refused(
      noticed.id,
      'revise-proposal',
      { ...revision, penalties: [...DEFAULT_PENALTIES, { type: 'confiscate_illegal_gains', amount: 1200 }] },
      'DEFENCE_CANNOT_AGGRAVATE',
    );
  });

  it('a hearing requested without the right (NO_HEARING_RIGHT — HR art. 5)', async () => {
    const noticed = await caseWithNotice(t, itemId);
    expect(noticed.notice).toMatchObject({ hearingRight: false, windowEndsOn: '2025-04-02' });
    const unmet = await refused(noticed.id, 'request-hearing', { on: '2025-03-28' }, 'NO_HEARING_RIGHT', {
      shown: true,
    });
    expect(codes(unmet)).toEqual(['NO_HEARING_RIGHT']);
  });

  it('a hearing requested after the window (STATEMENT_PERIOD_CLOSED), and twice (HEARING_ALREADY_REQUESTED)', async () => {
    const noticed = await caseWithNotice(t, itemId, { penalties: HEARING_FINE });
    expect(noticed.notice).toMatchObject({ hearingRight: true, windowEndsOn: '2025-04-02' });
    const late = await refused(
      noticed.id,
      'request-hearing',
      { on: '2025-04-03' },
      'STATEMENT_PERIOD_CLOSED',
    );
    expect(codes(late)).toEqual(['STATEMENT_PERIOD_CLOSED']);
    expect(late[0]?.detail).toBe('requested on 2025-04-03, the period ended 2025-04-02');
    await step(t, noticed.id, 'request-hearing', { on: '2025-04-02' });
    const twice = await refused(
      noticed.id,
      'request-hearing',
      { on: '2025-04-02' },
      'HEARING_ALREADY_REQUESTED',
      {
        shown: true,
      },
    );
    expect(codes(twice)).toEqual(['HEARING_ALREADY_REQUESTED']);
  });

  it('a waiver after the window (STATEMENT_PERIOD_CLOSED)', async () => {
    const noticed = await caseWithNotice(t, itemId);
    await refused(noticed.id, 'waive-rights', { on: '2025-03-27' }, 'STATEMENT_PERIOD_CLOSED', {
      shown: true,
    });
  });

  it('scheduling and recording a hearing nobody requested or scheduled', async () => {
    const noticed = await caseWithNotice(t, itemId, { penalties: HEARING_FINE });
    const schedule = { on: '2025-03-31', scheduledFor: '2025-04-14', chairId: t.bureau.officers.supervisor };
    await refused(noticed.id, 'schedule-hearing', schedule, 'HEARING_NOT_REQUESTED', { shown: true });
    await step(t, noticed.id, 'request-hearing', { on: '2025-03-28' });
    await refused(
      noticed.id,
      'record-hearing',
      { on: '2025-04-14', partyAbsent: false, record: '听证笔录' },
      'HEARING_NOT_SCHEDULED',
      { shown: true },
    );
  });

  it('a hearing notice fewer than 7 WD before, an investigator in the chair, a notice before the request', async () => {
    const noticed = await caseWithNotice(t, itemId, { penalties: HEARING_FINE });
    await step(t, noticed.id, 'request-hearing', { on: '2025-03-28' });
    const schedule = { on: '2025-03-31', scheduledFor: '2025-04-14', chairId: t.bureau.officers.supervisor };
    // Served Mon 03-31: 04-01, 02, 03, (Qingming 04-04…06), 04-07, 08, 09, 10 → 04-10 at the earliest.
    const early = await refused(
      noticed.id,
      'schedule-hearing',
      { ...schedule, scheduledFor: '2025-04-09' },
      'HEARING_NOTICE_TOO_LATE',
    );
    expect(codes(early)).toEqual(['HEARING_NOTICE_TOO_LATE']);
    expect(early[0]?.detail).toBe(
      'notice served 2025-03-31: the hearing can be on 2025-04-10 at the earliest',
    );
    const chair = await refused(
      noticed.id,
      'schedule-hearing',
      { ...schedule, chairId: t.bureau.officers.officer },
      'HEARING_CHAIR_IS_INVESTIGATOR',
    );
    expect(codes(chair)).toEqual(['HEARING_CHAIR_IS_INVESTIGATOR']);
    await refused(
      noticed.id,
      'schedule-hearing',
      { ...schedule, on: '2025-03-27' },
      'DATE_BEFORE_PREVIOUS_STEP',
    );
    // On the earliest day it is lawful, and numbered.
    const last = await lastSerial('hearing_notice');
    await step(t, noticed.id, 'schedule-hearing', { ...schedule, scheduledFor: '2025-04-10' });
    expect(await lastSerial('hearing_notice')).toBe(last + 1);
  });
});

describe('deciding (决定): APL arts. 44, 57–60, 62, 64', () => {
  it('while the statement window is open (STATEMENT_PERIOD_OPEN — APL art. 64)', async () => {
    const noticed = await caseWithNotice(t, itemId);
    clock = new Date('2025-03-28T04:00:00Z');
    try {
      const unmet = await refused(
        noticed.id,
        'decide',
        { ...DECIDE, on: '2025-03-28' },
        'STATEMENT_PERIOD_OPEN',
        {
          shown: true,
        },
      );
      expect(codes(unmet)).toEqual(['STATEMENT_PERIOD_OPEN']);
      expect(unmet[0]?.detail).toBe('open until 2025-04-02');
    } finally {
      clock = NOW;
    }
    // Recorded after the window, a decision dated inside it is refused just the same.
    const backdated = await refused(
      noticed.id,
      'decide',
      { ...DECIDE, on: '2025-04-02' },
      'STATEMENT_PERIOD_OPEN',
    );
    expect(codes(backdated)).toEqual(['STATEMENT_PERIOD_OPEN']);
    const last = await lastSerial('penalty_decision');
    const decided = await step(t, noticed.id, 'decide', { ...DECIDE, on: '2025-04-03' });
    expect(decided.decisionNumber).toMatch(new RegExp(`^东市监处罚〔2025〕${last + 1}号$`));
  });

  it('with a hearing pending (HEARING_NOT_HELD), then without a legal review after it (LEGAL_REVIEW_NOT_PASSED)', async () => {
    const noticed = await caseWithNotice(t, itemId, { penalties: HEARING_FINE });
    const decide = { ...DECIDE, on: '2025-04-16', penalties: HEARING_FINE };
    await step(t, noticed.id, 'request-hearing', { on: '2025-03-28' });
    expect(codes(await refused(noticed.id, 'decide', decide, 'HEARING_NOT_HELD', { shown: true }))).toEqual([
      'HEARING_NOT_HELD',
    ]);
    await step(t, noticed.id, 'schedule-hearing', {
      on: '2025-03-31',
      scheduledFor: '2025-04-14',
      chairId: t.bureau.officers.supervisor,
    });
    await refused(noticed.id, 'decide', decide, 'HEARING_NOT_HELD', { shown: true });
    await step(t, noticed.id, 'record-hearing', { on: '2025-04-14', partyAbsent: false, record: '听证笔录' });
    // The legal review of 03-25 came before the hearing: it no longer counts.
    const unmet = await refused(noticed.id, 'decide', decide, 'LEGAL_REVIEW_NOT_PASSED', { shown: true });
    expect(codes(unmet)).toEqual(['LEGAL_REVIEW_NOT_PASSED']);
    await passLegalReview(t, noticed.id, '2025-04-15');
    expect(await step(t, noticed.id, 'decide', decide)).toMatchObject({ stage: 'decided' });
  });

  it('a major case without a collective discussion; a discussion with one head (APL art. 57)', async () => {
    const noticed = await caseWithNotice(t, itemId, { lead: { major: true } });
    expect(noticed.collectiveDiscussionRequired).toBe(true);
    const unmet = await refused(noticed.id, 'decide', DECIDE, 'COLLECTIVE_DISCUSSION_REQUIRED', {
      shown: true,
    });
    expect(codes(unmet)).toEqual(['COLLECTIVE_DISCUSSION_REQUIRED']);
    const discussion = { on: '2025-04-03', opinions: '同意拟处罚意见', conclusion: '给予警告并处罚款' };
    const oneHead = await refused(
      noticed.id,
      'record-collective-discussion',
      { ...discussion, attendeeIds: [head(), t.bureau.officers.unit_head] },
      'TOO_FEW_HEADS',
    );
    expect(oneHead[0]?.detail).toBe('1 head(s) attending');
    const deputy = await secondBureauHead(t);
    await step(t, noticed.id, 'record-collective-discussion', {
      ...discussion,
      attendeeIds: [head(), deputy],
    });
    expect(await step(t, noticed.id, 'decide', DECIDE)).toMatchObject({ stage: 'decided' });
  });

  it('heavier than noticed, or a penalty decision without penalties (APL art. 44)', async () => {
    const noticed = await caseWithNotice(t, itemId);
    const heavier = await refused(
      noticed.id,
      'decide',
      { ...DECIDE, penalties: [{ type: 'warning' }, { type: 'fine', amount: 5001 }] },
      'DECISION_EXCEEDS_NOTICE',
    );
    expect(codes(heavier)).toEqual(['DECISION_EXCEEDS_NOTICE']);
    await refused(
      noticed.id,
      'decide',
      { ...DECIDE, penalties: [{ type: 'suspend_business' }] },
      'DECISION_EXCEEDS_NOTICE',
    );
    const empty = await refused(
      noticed.id,
      'decide',
      { on: '2025-04-07', kind: 'penalty' },
      'NO_PROPOSED_PENALTY',
    );
    expect(codes(empty)).toEqual(['NO_PROPOSED_PENALTY']);
  });

  it('a fine outside the discretion benchmark without a reason (OUTSIDE_BENCHMARK_WITHOUT_REASON — APL art. 34)', async () => {
    const tier = (name: string, min: number, max: number) => ({ tier: name, min, max, conditions: [] });
    const items = await adjustPowerList('2025-01-01', '东市监发〔2025〕3号', [
      {
        code: 'CASE-BENCH',
        name: '对未公示食品经营许可证的行政处罚（测试）',
        benchmarks: [
          {
            id: 'B1',
            violation: '食品经营者未按规定公示食品经营许可证',
            basis: 'fixed',
            legalRange: { min: 5_000, max: 50_000 },
            tiers: [
              tier('lenient', 5_000, 15_000),
              tier('normal', 15_000, 35_000),
              tier('heavy', 35_000, 50_000),
            ],
          },
        ],
      },
    ]);
    const noticed = await caseWithNotice(t, items['CASE-BENCH'] ?? '');
    const assessment = {
      benchmarkId: 'B1',
      circumstances: {
        firstViolation: false,
        harm: 'serious',
        promptlyCorrected: false,
        mitigating: [],
        aggravating: [],
      },
    };
    // An ordinary case falls in the normal tier, CNY 15,000–35,000: the noticed 5,000 lies outside.
    const unmet = await refused(
      noticed.id,
      'decide',
      { ...DECIDE, assessment },
      'OUTSIDE_BENCHMARK_WITHOUT_REASON',
    );
    expect(codes(unmet)).toEqual(['OUTSIDE_BENCHMARK_WITHOUT_REASON']);
    const decided = await step(t, noticed.id, 'decide', {
      ...DECIDE,
      assessment,
      outsideBenchmarkReason: '当事人主动消除违法行为危害后果 (APL art. 32)',
    });
    expect(decided.decision).toMatchObject({
      outsideBenchmark: true,
      assessment: { range: { min: 15_000, max: 35_000 } },
    });
  });

  it('while suspended (CASE_SUSPENDED); in the future; before the notice', async () => {
    const noticed = await caseWithNotice(t, itemId);
    await refused(noticed.id, 'decide', { ...DECIDE, on: '2025-06-17' }, 'DATE_IN_FUTURE');
    await refused(noticed.id, 'decide', { ...DECIDE, on: '2025-03-25' }, 'DATE_BEFORE_PREVIOUS_STEP');
    await step(t, noticed.id, 'suspend', { on: '2025-04-03', reason: '当事人下落不明' });
    const unmet = await refused(noticed.id, 'decide', DECIDE, 'CASE_SUSPENDED', { shown: true });
    expect(codes(unmet)).toEqual(['CASE_SUSPENDED']);
  });

  it('a case not yet noticed, or already decided (WRONG_STAGE)', async () => {
    const filed = await fileCase(t, itemId);
    expect(codes(await refused(filed.id, 'decide', DECIDE, 'WRONG_STAGE', { shown: true }))).toEqual([
      'WRONG_STAGE',
      'NOTICE_NOT_SERVED',
    ]);
    const noticed = await caseWithNotice(t, itemId);
    await step(t, noticed.id, 'decide', DECIDE);
    await refused(noticed.id, 'decide', DECIDE, 'WRONG_STAGE', { shown: true });
    await refused(noticed.id, 'suspend', { on: '2025-04-08', reason: '中止' }, 'WRONG_STAGE', {
      shown: true,
    });
  });
});

describe('changing a case record (PATCH /v1/cases/{id})', () => {
  async function patch(caseId: string, version: number, body: Record<string, unknown>) {
    return t.as('officer').patch(`/v1/cases/${caseId}`).set('if-match', `"${version}"`).send(body);
  }

  it('refuses a violation date that would put a filed case out of time (APL art. 36), writing nothing', async () => {
    const filed = await fileCase(t, itemId);
    const before = await caseState(t, filed.id);
    const res = await patch(filed.id, filed.version, { violationOn: '2023-03-09' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CASE_RULE_VIOLATION');
    expect(res.body.unmet).toEqual([
      expect.objectContaining({ code: 'LIMITATION_EXPIRED', rule: 'APL art. 36' }),
    ]);
    expect(await caseState(t, filed.id)).toEqual(before);
    // The last day of the two years is still in time.
    const ok = await patch(filed.id, filed.version, { violationOn: '2023-03-10' });
    expect(ok.status).toBe(200);
    expect(ok.body.limitation.endsOn).toBe('2025-03-10');
  });

  it('refuses a violation date after the lead was received', async () => {
    const lead = await registerLead(t);
    const res = await patch(lead.id, lead.version, { violationOn: '2025-03-04' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { in: 'body', pointer: '/violationOn', message: 'is after the lead was received' },
    ]);
  });

  it('puts every change on the timeline with who made it', async () => {
    const lead = await registerLead(t);
    const res = await patch(lead.id, lead.version, { major: true, summary: '线索摘要更正' });
    expect(res.status).toBe(200);
    const events = (await t.as('officer').get(`/v1/cases/${lead.id}/timeline`).expect(200)).body.events;
    expect(events.at(-1)).toMatchObject({
      action: 'update-case',
      occurredOn: '2025-06-16',
      actorId: t.bureau.officers.officer,
      data: { changed: ['major', 'summary'], major: true, summary: '线索摘要更正' },
    });
  });
});

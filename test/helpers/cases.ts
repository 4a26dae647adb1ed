/**
 * Drives enforcement cases through the real HTTP API for tests: a penalty item, a lead, and each
 * stage reached by the same actions a user sends. Every step asserts its own status, so a test
 * that builds on a helper fails at the step that broke.
 *
 * Dates: the default walk is in spring 2025 (Qingming 4–6 April and Labour Day 1–5 May are
 * holidays); the app's clock must be later than the dates used (set `now` in createTestApp).
 */
import type { Role } from '../../src/domain/access/roles';
import { asOfNow, type TestApp } from './app';

/** A citizen's resident ID and an organisation's credit code that pass their check digits. */
export const RESIDENT_ID = '11010519491231002X';
export const CREDIT_CODE = '91350100M000100Y43';

export const NATURAL_PERSON = { kind: 'natural_person', name: '张三', residentId: RESIDENT_ID } as const;
export const ORGANISATION = {
  kind: 'legal_person',
  name: '西宁市城东区示例食品有限公司',
  creditCode: CREDIT_CODE,
  legalRepresentative: '李四',
} as const;

/**
 * Creates a penalty item (行政处罚事项); returns its id. The first item of an app comes with the
 * list's initial import (allowed once), in force from 2024-01-01; later ones with a law change.
 */
export async function penaltyItem(
  t: TestApp,
  code = 'CASE-ITEM-1',
  opts: { later?: boolean; effectiveOn?: string } = {},
): Promise<string> {
  const admin = t.as('admin');
  await admin
    .post('/v1/power-list/adjustments')
    .send({
      effectiveOn: opts.effectiveOn ?? (opts.later ? '2024-06-01' : '2024-01-01'),
      trigger: opts.later ? 'law_change' : 'initial_import',
      documentNumber: `东市监发〔2024〕${code}号`,
      approvedBy: '陈局长',
      laws: ['中华人民共和国食品安全法'],
      changes: [
        {
          type: 'add',
          item: {
            code,
            name: `对未取得食品经营许可从事食品经营活动的行政处罚（${code}）`,
            category: 'penalty',
            legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十二条' }],
            level: 'county',
          },
        },
      ],
    })
    .expect(201);
  const found = await admin.get(`/v1/power-items?q=${encodeURIComponent(code)}`).expect(200);
  const item = (found.body.items as { id: string; code: string }[]).find((i) => i.code === code);
  if (!item) throw new Error(`power item ${code} not found after import`);
  return item.id;
}

/** Registers a lead (线索) as the demo bureau's officer; returns the case body. */
export async function registerLead(t: TestApp, body: Record<string, unknown> = {}) {
  const res = await t
    .as('officer')
    .post('/v1/cases')
    .send({
      source: 'complaint',
      sourceRef: '12315-2025-000123',
      receivedOn: '2025-03-03',
      summary: '投诉反映某店无证经营熟食',
      violationOn: '2025-02-20',
      parties: [ORGANISATION],
      ...body,
    });
  if (res.status !== 201) throw new Error(`registerLead: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Sends a case action; the caller asserts the status. */
export function act(
  t: TestApp,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  role: Role = 'officer',
) {
  return t.as(role).post(`/v1/cases/${caseId}/actions/${action}`).send(body);
}

/** Sends a case action that must succeed; returns the case. */
export async function step(
  t: TestApp,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  role: Role = 'officer',
) {
  const res = await act(t, caseId, action, body, role);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The two investigators: the demo bureau's certified officer and unit head. */
export function investigators(t: TestApp): string[] {
  return [t.bureau.officers.officer, t.bureau.officers.unit_head];
}

/** Registers and files a case (立案) on `filedOn`; returns the case. */
export async function fileCase(
  t: TestApp,
  itemId: string,
  opts: { lead?: Record<string, unknown>; filedOn?: string } = {},
) {
  const lead = await registerLead(t, { powerItemId: itemId, ...opts.lead });
  const on = opts.filedOn ?? '2025-03-10';
  await step(t, lead.id, 'assign-officers', { on: lead.receivedOn, officerIds: investigators(t) });
  return step(t, lead.id, 'file', {
    on,
    approverId: t.bureau.officers.bureau_head,
    limitationBasis: 'two_years',
  });
}

/** Registers a piece of evidence (证据) collected by both investigators. */
export async function addEvidence(t: TestApp, caseId: string, collectedOn = '2025-03-12') {
  const res = await t
    .as('officer')
    .post(`/v1/cases/${caseId}/evidence`)
    .send({
      kind: 'documentary',
      description: '现场检查笔录及营业场所照片',
      collectedOn,
      collectedBy: investigators(t),
      fileRef: 'evidence/2025/0001.pdf',
      contentHash: 'a'.repeat(64),
      hashAlgorithm: 'sha256',
      avRecorded: true,
    });
  if (res.status !== 201) throw new Error(`addEvidence: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const DEFAULT_PENALTIES = [{ type: 'warning' }, { type: 'fine', amount: 5000 }] as const;

/**
 * A filed case taken to review (审核): evidence, the investigation-end report with the proposed
 * penalties, and a passed case review. Returns the case.
 */
export async function caseInReview(
  t: TestApp,
  itemId: string,
  opts: { penalties?: readonly Record<string, unknown>[]; lead?: Record<string, unknown> } = {},
) {
  const filed = await fileCase(t, itemId, opts.lead ? { lead: opts.lead } : {});
  await addEvidence(t, filed.id);
  await step(t, filed.id, 'conclude-investigation', {
    on: '2025-03-20',
    findings: '当事人未取得食品经营许可从事熟食销售，违法所得 1,200 元',
    penalties: opts.penalties ?? DEFAULT_PENALTIES,
  });
  return step(
    t,
    filed.id,
    'complete-review',
    { on: '2025-03-24', result: 'pass', opinion: '事实清楚' },
    'unit_head',
  );
}

/** Records a passed legal review (法制审核) by the demo bureau's qualified legal reviewer. */
export function passLegalReview(t: TestApp, caseId: string, on: string) {
  return step(t, caseId, 'record-legal-review', { on, result: 'pass', opinion: '同意' }, 'legal_reviewer');
}

/**
 * A case whose pre-penalty notice (告知书) was served on 2025-03-26 (the 5-WD window ends on
 * 2025-04-02, Qingming not yet reached), after a passed legal review.
 */
export async function caseWithNotice(
  t: TestApp,
  itemId: string,
  opts: { penalties?: readonly Record<string, unknown>[]; lead?: Record<string, unknown> } = {},
) {
  const reviewed = await caseInReview(t, itemId, opts);
  await passLegalReview(t, reviewed.id, '2025-03-25');
  return step(t, reviewed.id, 'issue-notice', { on: '2025-03-26' });
}

/** Creates a second bureau head (collective discussions need two); returns its id. */
export async function secondBureauHead(t: TestApp): Promise<string> {
  const res = await t
    .as('admin')
    .post('/v1/officers')
    .send({ name: '刘副局长', roles: ['bureau_head'], legalQualification: { held: false } });
  if (res.status !== 201) throw new Error(`secondBureauHead: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** What a refused action must leave unchanged: the case and its timeline. */
export async function caseState(t: TestApp, caseId: string) {
  const officer = t.as('officer');
  const [c, timeline] = await Promise.all([
    officer.get(`/v1/cases/${caseId}`).expect(200),
    officer.get(`/v1/cases/${caseId}/timeline`).expect(200),
  ]);
  return { case: c.body, timeline: timeline.body };
}

// ---------------------------------------------------------------------------------------------------
// After the decision (issue 6): a decided case, reached with tokens minted at the app's current time,
// so these helpers work however far a test has moved its clock (after the dates they use).

/** An action sent with a token minted at the app's current time; the caller asserts the status. */
export async function actNow(
  t: TestApp,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  role: Role = 'officer',
) {
  return (await asOfNow(t, role)).post(`/v1/cases/${caseId}/actions/${action}`).send(body);
}

/** actNow that must succeed; returns the case. */
export async function stepNow(
  t: TestApp,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  role: Role = 'officer',
) {
  const res = await actNow(t, caseId, action, body, role);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface DecidedCaseOptions {
  /** The decided penalties (default DEFAULT_PENALTIES: a warning and a CNY 5,000 fine). */
  penalties?: readonly Record<string, unknown>[];
  /** penalty (default) or no_penalty. */
  kind?: 'penalty' | 'no_penalty';
  /** Fields of the lead (parties, major…). */
  lead?: Record<string, unknown>;
  /** The decision date, after the statement window that ends 2025-04-02 (default Monday 2025-04-07). */
  decidedOn?: string;
  /** Runs during the investigation, after the evidence of 2025-03-12 (e.g. to take a seizure). */
  duringInvestigation?: (caseId: string) => Promise<void>;
}

/**
 * A case decided (作出决定) on `decidedOn` by the default spring-2025 walk without a hearing: lead
 * 2025-03-03, filed 03-10, evidence 03-12, investigation-end report 03-20, review 03-24, legal review
 * 03-25, notice 03-26 (the 5-WD window ends 04-02), decision 04-07. The proposal equals the decided
 * penalties. The app's clock must stand on or after `decidedOn`. Returns the case.
 */
export async function decidedCase(t: TestApp, itemId: string, opts: DecidedCaseOptions = {}) {
  const penalties = opts.penalties ?? DEFAULT_PENALTIES;
  const officer = await asOfNow(t, 'officer');
  const lead = await officer.post('/v1/cases').send({
    source: 'complaint',
    sourceRef: '12315-2025-000123',
    receivedOn: '2025-03-03',
    summary: '投诉反映某店无证经营熟食',
    violationOn: '2025-02-20',
    parties: [ORGANISATION],
    powerItemId: itemId,
    ...opts.lead,
  });
  if (lead.status !== 201) throw new Error(`decidedCase: ${lead.status} ${JSON.stringify(lead.body)}`);
  const id = lead.body.id as string;
  await stepNow(t, id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
  await stepNow(t, id, 'file', {
    on: '2025-03-10',
    approverId: t.bureau.officers.bureau_head,
    limitationBasis: 'two_years',
  });
  const evidence = await officer.post(`/v1/cases/${id}/evidence`).send({
    kind: 'documentary',
    description: '现场检查笔录及营业场所照片',
    collectedOn: '2025-03-12',
    collectedBy: investigators(t),
    avRecorded: true,
  });
  if (evidence.status !== 201) throw new Error(`decidedCase evidence: ${evidence.status}`);
  await opts.duringInvestigation?.(id);
  await stepNow(t, id, 'conclude-investigation', {
    on: '2025-03-20',
    findings: '当事人未取得食品经营许可从事熟食销售',
    penalties,
  });
  await stepNow(
    t,
    id,
    'complete-review',
    { on: '2025-03-24', result: 'pass', opinion: '事实清楚' },
    'unit_head',
  );
  await stepNow(
    t,
    id,
    'record-legal-review',
    { on: '2025-03-25', result: 'pass', opinion: '同意' },
    'legal_reviewer',
  );
  await stepNow(t, id, 'issue-notice', { on: '2025-03-26' });
  const kind = opts.kind ?? 'penalty';
  return stepNow(t, id, 'decide', {
    on: opts.decidedOn ?? '2025-04-07',
    kind,
    ...(kind === 'penalty' ? { penalties } : { reason: '违法行为轻微并及时改正，没有造成危害后果' }),
  });
}

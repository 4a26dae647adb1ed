/**
 * Credit restoration (信用修复, RULES.md §5) and the credit registers through the HTTP API:
 * - every eligibility condition failing on its own, with its reason, at submission (never refused then);
 * - approval refused while a condition is unmet (422, nothing written); approval stopping the publication
 *   (state restored, gone from the public endpoint) with a credit event; revocation restoring the previous state;
 * - the processing clocks across the 2026 Labour Day holiday and the overdue flag;
 * - the registers, removal outside restoration, and early removal from the serious-violation list after a year;
 * - 谁处罚、谁修复: another bureau neither sees nor processes ours, nor removes an entry not its own;
 * - the seed bureau’s 2024 figure: 3,957 restorations completed.
 *
 * Cases are decided on Monday 2025-04-07 with a CNY 80,000 fine (a 3-year publicity), served 04-08 and paid
 * 04-20; their publications (inserted as fixtures) were published 2025-04-15. The power item cites the Food
 * Safety Law, so the minimum publicity before an early stop is 12 months: from 2026-04-15.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../src/domain/access/roles';
import { unifiedSocialCreditCodeCheckChar } from '../../src/domain/identifiers/unified-social-credit-code';
import { creditRestorations } from '../../src/modules/credit-restorations/credit-restorations.table';
import { creditEvents, publications } from '../../src/modules/publications/publications.table';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import { decidedCase, ORGANISATION, penaltyItem, stepNow } from '../helpers/cases';

let t: TestApp;
let other: TestBureau;
let clock = new Date('2025-04-20T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role = 'credit_officer', bureau?: TestBureau) => asOfNow(t, role, bureau);
let itemId: string;

/** A valid unified social credit code per scenario, so that parties do not see each other’s decisions. */
function creditCode(n: number): string {
  const first17 = `916301020${String(n).padStart(8, '0')}`;
  return first17 + unifiedSocialCreditCodeCheckChar(first17);
}

const MATERIALS = [
  { kind: 'application', title: '信用修复申请书', fileRef: 'credit/2026/app.pdf', sha256: 'a'.repeat(64) },
  { kind: 'pledge', title: '守信承诺书', fileRef: 'credit/2026/pledge.pdf', sha256: 'b'.repeat(64) },
  {
    kind: 'proof_of_performance',
    title: '罚款缴纳凭证',
    fileRef: 'credit/2026/paid.pdf',
    sha256: 'c'.repeat(64),
  },
];
const FINE = [{ type: 'fine', amount: 80_000 }];

interface Scenario {
  caseId: string;
  decisionNumber: string;
  publicationId: string;
  code: string;
}

/** A case against the party with `code`, decided 2025-04-07, served 04-08, paid 04-20 unless `paid` is false. */
async function decided(
  code: string,
  opts: { paid?: boolean; penalties?: Record<string, unknown>[]; decidedOn?: string } = {},
) {
  at(opts.decidedOn && opts.decidedOn > '2025-04-20' ? opts.decidedOn : '2025-04-20');
  const penalties = opts.penalties ?? FINE;
  const c = await decidedCase(t, itemId, {
    penalties,
    lead: { parties: [{ ...ORGANISATION, creditCode: code }] },
    ...(opts.decidedOn ? { decidedOn: opts.decidedOn } : {}),
  });
  const servedOn = opts.decidedOn ?? '2025-04-08';
  await stepNow(t, c.id, 'serve-decision', {
    on: servedOn,
    method: 'direct',
    recipient: '李四',
    partyPresentAtAnnouncement: false,
  });
  const fine = penalties.find((p) => p.type === 'fine')?.amount as number | undefined;
  if (opts.paid !== false && fine)
    await stepNow(t, c.id, 'record-payment', {
      on: servedOn > '2025-04-20' ? servedOn : '2025-04-20',
      amount: fine,
      bankReference: `B-${code}-${servedOn}`,
    });
  return c as { id: string; decisionNumber: string };
}

/**
 * The case’s publication as published 2025-04-15 for 3 years (or as given): the publicity module’s row if its
 * hook created one, updated; else inserted.
 */
async function published(
  caseId: string,
  decisionNumber: string,
  code: string,
  fields: Partial<typeof publications.$inferInsert> = {},
): Promise<string> {
  const db = t.app.database.db;
  const values = {
    state: 'published',
    publishedOn: '2025-04-15',
    externalRef: `GS-${decisionNumber}`,
    periodMonths: 36,
    periodBasis: 'three_years',
    expiresOn: '2028-04-14',
    earliestRestorationOn: '2026-04-15',
    ...fields,
  };
  const [existing] = await db
    .select({ id: publications.id })
    .from(publications)
    .where(and(eq(publications.agencyId, t.agencyId), eq(publications.caseId, caseId)));
  if (existing) {
    await db
      .update(publications)
      .set(values)
      .where(and(eq(publications.agencyId, t.agencyId), eq(publications.id, existing.id)));
    return existing.id;
  }
  const [row] = await db
    .insert(publications)
    .values({
      agencyId: t.agencyId,
      caseId,
      decisionNumber,
      decidedOn: '2025-04-07',
      partyName: ORGANISATION.name,
      partyCreditCode: code,
      summary: {
        decisionNumber,
        partyName: ORGANISATION.name,
        partyCreditCode: code,
        legalRepresentative: '李四',
        violationType: '未取得食品经营许可从事食品经营活动',
        penalties: [{ type: 'fine', amount: 80_000 }],
        penaltyText: '罚款80000元',
        bureau: '城东区市场监督管理局',
        decidedOn: '2025-04-07',
      },
      maskedText: '当事人未取得食品经营许可从事熟食销售',
      dueOn: '2025-04-16',
      dueWorkingDays: 7,
      ...values,
    })
    .returning({ id: publications.id });
  return (row as { id: string }).id;
}

async function scenario(
  n: number,
  opts: {
    paid?: boolean;
    penalties?: Record<string, unknown>[];
    publication?: Partial<typeof publications.$inferInsert>;
  } = {},
): Promise<Scenario> {
  const code = creditCode(n);
  const c = await decided(code, opts);
  return {
    caseId: c.id,
    decisionNumber: c.decisionNumber,
    publicationId: await published(c.id, c.decisionNumber, code, opts.publication),
    code,
  };
}

function submit(body: Record<string, unknown>, bureau?: TestBureau) {
  return as('credit_officer', bureau).then((a) => a.post('/v1/credit-restorations').send(body));
}
function stopPublicity(s: Scenario, extra: Record<string, unknown> = {}) {
  return submit({
    kind: 'stop_publicity',
    applicant: { name: ORGANISATION.name, creditCode: s.code },
    publicationId: s.publicationId,
    materials: MATERIALS,
    submittedOn: '2026-04-20',
    ...extra,
  });
}
async function submitted(s: Scenario, extra: Record<string, unknown> = {}) {
  const res = await stopPublicity(s, extra);
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function stepOf(id: string, name: string, body: Record<string, unknown>, bureau?: TestBureau) {
  return (await as('credit_officer', bureau))
    .post(`/v1/credit-restorations/${id}/actions/${name}`)
    .send(body);
}
async function stepOk(id: string, name: string, body: Record<string, unknown>) {
  const res = await stepOf(id, name, body);
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function publication(id: string) {
  const [row] = await t.app.database.db.select().from(publications).where(eq(publications.id, id));
  return row as typeof publications.$inferSelect;
}
async function eventsOf(entityId: string) {
  return t.app.database.db
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.agencyId, t.agencyId), eq(creditEvents.entityId, entityId)));
}
const failing = (body: { eligibility: { code: string; met: boolean; detail: string; rule: string }[] }) =>
  body.eligibility.filter((c) => !c.met);
const codes = (res: { body: { unmet?: { code: string }[] } }) => (res.body.unmet ?? []).map((u) => u.code);

async function listEntry(body: Record<string, unknown>, bureau?: TestBureau) {
  return (await as('credit_officer', bureau)).post('/v1/credit-lists').send({
    entityName: ORGANISATION.name,
    reason: '未按规定报送2024年度年度报告',
    decisionRef: '东市监经异〔2025〕1号',
    ...body,
  });
}

let allMet: Scenario;
let tooEarly: Scenario;
let unpaid: Scenario;
let laterPenalty: Scenario;
let laterNumber: string;
let abnormal: Scenario;
let serious: Scenario;
let excluded: Scenario;
let expired: Scenario;
let shortPublicity: Scenario;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  itemId = await penaltyItem(t, 'CREDIT-ITEM');
  allMet = await scenario(1);
  tooEarly = await scenario(2);
  unpaid = await scenario(3, { paid: false });
  abnormal = await scenario(5);
  serious = await scenario(6);
  excluded = await scenario(7, { penalties: [...FINE, { type: 'suspend_business' }] });
  expired = await scenario(8, { publication: { expiresOn: '2026-04-14' } });
  shortPublicity = await scenario(9, {
    publication: { periodMonths: 3, periodBasis: 'three_months', expiresOn: '2026-07-14' },
  });
  laterPenalty = await scenario(4);
  // The same party penalised again for the same violation (same power item) on 2025-05-12.
  laterNumber = (await decided(laterPenalty.code, { decidedOn: '2025-05-12' })).decisionNumber;
  at('2025-06-01');
  // The abnormal-operation list by this bureau; the serious-violation list by another bureau (registers are national).
  (await listEntry({ list: 'abnormal_operation', creditCode: abnormal.code, listedOn: '2025-05-20' })).status;
  const s = await listEntry(
    {
      list: 'serious_violation',
      creditCode: serious.code,
      listedOn: '2025-05-20',
      decisionRef: '北市监严〔2025〕1号',
    },
    other,
  );
  expect(s.status).toBe(201);
  at('2026-04-20');
}, 600_000);
afterAll(() => t.close());

describe('eligibility at submission: each condition failing on its own, with its reason (never refused then)', () => {
  it('all met: every condition listed and met, the 12-month minimum of a food-safety case passed', async () => {
    const r = await submitted(allMet);
    expect(r).toMatchObject({ kind: 'stop_publicity', status: 'submitted', pending: true, eligible: true });
    expect(r.eligibility.map((c: { code: string }) => c.code)).toEqual([
      'PUBLICITY_NOT_RUNNING',
      'SHORT_PUBLICITY',
      'MIN_PERIOD_NOT_PASSED',
      'EXCLUDED_PENALTY_TYPE',
      'DECISION_NOT_PERFORMED',
      'LATER_PENALTY_SAME_TYPE',
      'ON_ABNORMAL_LIST',
      'ON_SERIOUS_LIST',
      'MATERIALS_MISSING',
    ]);
    expect(r.eligibility.find((c: { code: string }) => c.code === 'MIN_PERIOD_NOT_PASSED').detail).toBe(
      '12 months after publication: from 2026-04-15',
    );
    expect(r.eligibility.find((c: { code: string }) => c.code === 'DECISION_NOT_PERFORMED').detail).toBe(
      'performed on 2025-04-20',
    );
  });

  const cases: [string, () => Scenario, string, RegExp, Record<string, unknown>][] = [
    [
      'too early (before 12 months)',
      () => tooEarly,
      'MIN_PERIOD_NOT_PASSED',
      /from 2026-04-15/,
      { submittedOn: '2026-04-10' },
    ],
    ['not paid', () => unpaid, 'DECISION_NOT_PERFORMED', /not performed/, {}],
    [
      'a later penalty for the same type of violation',
      () => laterPenalty,
      'LATER_PENALTY_SAME_TYPE',
      /./,
      {},
    ],
    ['on the abnormal-operation list', () => abnormal, 'ON_ABNORMAL_LIST', /^listed$/, {}],
    [
      'on the serious-violation list (listed by another bureau)',
      () => serious,
      'ON_SERIOUS_LIST',
      /^listed$/,
      {},
    ],
    ['an excluded penalty type', () => excluded, 'EXCLUDED_PENALTY_TYPE', /suspend_business/, {}],
    [
      'expired (expiresOn before today, expiry job not yet run)',
      () => expired,
      'PUBLICITY_NOT_RUNNING',
      /state expired/,
      {},
    ],
    ['a 3-month publicity', () => shortPublicity, 'SHORT_PUBLICITY', /three_months/, {}],
    [
      'missing materials',
      () => allMet,
      'MATERIALS_MISSING',
      /missing: pledge, proof_of_performance/,
      { materials: [MATERIALS[0]] },
    ],
  ];
  it.each(cases)('%s', async (_name, which, code, detail, extra) => {
    const r = await submitted(which(), extra);
    expect(r.status).toBe('submitted');
    expect(r.eligible).toBe(false);
    const fails = failing(r);
    expect(fails.map((c) => c.code)).toEqual([code]);
    expect(fails[0]?.detail).toMatch(detail);
    expect(fails[0]?.rule).toMatch(/CRM|PDR/);
  });

  it('names the later decision', async () => {
    const r = await submitted(laterPenalty);
    expect(failing(r)[0]?.detail).toBe(laterNumber);
  });
});

describe('the application itself: 400s and 422s writing nothing', () => {
  it('exactly one record, matching the kind; a valid credit code; materials with hashes', async () => {
    const count = async () =>
      (await t.app.database.db.select({ n: sql<number>`count(*)` }).from(creditRestorations))[0];
    const before = await count();
    const both = await stopPublicity(allMet, { listEntryId: allMet.publicationId });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ pointer: '/listEntryId' })]);
    const wrongKind = await stopPublicity(allMet, { kind: 'abnormal_list_removal' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/listEntryId',
      '/publicationId',
    ]);
    const badCode = await stopPublicity(allMet, {
      applicant: { name: 'x', creditCode: '91350100M000100Y44' },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors[0].pointer).toBe('/applicant/creditCode');
    const badHash = await stopPublicity(allMet, { materials: [{ ...MATERIALS[0], sha256: 'xyz' }] });
    expect(badHash.status).toBe(400);
    expect((await stopPublicity(allMet, { materials: [] })).status).toBe(400);
    expect(await count()).toEqual(before);
  });

  it('APPLICANT_MISMATCH: the applicant must be the party', async () => {
    const res = await stopPublicity(allMet, { applicant: { name: '他人', creditCode: tooEarly.code } });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual(['APPLICANT_MISMATCH']);
  });

  it('DATE_IN_FUTURE', async () => {
    const res = await stopPublicity(allMet, { submittedOn: '2026-04-21' });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual(['DATE_IN_FUTURE']);
  });
});

describe('approval, its effect, and revocation', () => {
  it('approve is refused while a condition is unmet (422 listing it), nothing written', async () => {
    const r = await submitted(tooEarly, { submittedOn: '2026-04-10' });
    await stepOk(r.id, 'accept', { on: '2026-04-13' });
    const verified = await stepOk(r.id, 'verify', { on: '2026-04-14', note: '材料齐全' });
    expect(verified.status).toBe('verified');
    expect(failing(verified).map((c) => c.code)).toEqual(['MIN_PERIOD_NOT_PASSED']);
    const res = await stepOf(r.id, 'approve', { on: '2026-04-14' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CASE_RULE_VIOLATION');
    expect(codes(res)).toEqual(['MIN_PERIOD_NOT_PASSED']);
    expect(res.body.unmet[0].detail).toBe('12 months after publication: from 2026-04-15');
    const after = (await (await as()).get(`/v1/credit-restorations/${r.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'verified', decidedOn: null, version: verified.version });
    expect((await publication(tooEarly.publicationId)).state).toBe('published');
    expect(await eventsOf(tooEarly.publicationId)).toEqual([]);
    // The bureau may refuse it instead.
    const refused = await stepOk(r.id, 'refuse', { on: '2026-04-14', reasons: '未满最短公示期' });
    expect(refused).toMatchObject({ status: 'refused', decidedOn: '2026-04-14', reasons: '未满最短公示期' });
  });

  let approvedId: string;
  it('approve → the publication is restored, a credit event is written, the public no longer sees it', async () => {
    const publicIds = () =>
      t.anonymous
        .get(`/v1/public/publications?agencyId=${t.agencyId}&limit=200`)
        .expect(200)
        .then((res) => res.body.items.map((p: { id: string }) => p.id));
    expect(await publicIds()).toContain(allMet.publicationId);

    const r = await submitted(allMet);
    await stepOk(r.id, 'accept', { on: '2026-04-20' });
    await stepOk(r.id, 'verify', { on: '2026-04-20', note: '缴款凭证与银行回单一致' });
    const approved = await stepOk(r.id, 'approve', { on: '2026-04-20' });
    approvedId = r.id;
    expect(approved).toMatchObject({
      status: 'approved',
      pending: false,
      decidedOn: '2026-04-20',
      eligible: true,
    });
    expect(approved.clocks.map((c: { state: string }) => c.state)).toEqual(['completed', 'completed']);
    const p = await publication(allMet.publicationId);
    expect(p).toMatchObject({ state: 'restored', restoredOn: '2026-04-20', restorationId: r.id });
    const events = await eventsOf(allMet.publicationId);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'restoration.approved',
        entityType: 'publication',
        occurredOn: '2026-04-20',
        deliveredAt: null,
        payload: expect.objectContaining({
          restorationId: r.id,
          kind: 'stop_publicity',
          creditCode: allMet.code,
        }),
      }),
    ]);
    expect(await publicIds()).not.toContain(allMet.publicationId);
    // A second application on the stopped publication is no longer eligible.
    const again = await submitted(allMet);
    expect(failing(again).map((c) => c.code)).toEqual(['PUBLICITY_NOT_RUNNING']);
  });

  it('revoke (false materials) → the publication is public again, restoration.revoked written', async () => {
    const bad = await stepOf(approvedId, 'revoke', { on: '2026-04-19', reason: '缴款凭证系伪造' });
    expect(codes(bad)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    at('2026-04-22');
    const revoked = await stepOk(approvedId, 'revoke', { on: '2026-04-22', reason: '缴款凭证系伪造' });
    expect(revoked).toMatchObject({
      status: 'revoked',
      revocation: { on: '2026-04-22', reason: '缴款凭证系伪造' },
      decidedOn: '2026-04-20',
    });
    expect(await publication(allMet.publicationId)).toMatchObject({
      state: 'published',
      restoredOn: null,
      restorationId: null,
    });
    expect((await eventsOf(allMet.publicationId)).map((e) => e.kind).sort()).toEqual([
      'restoration.approved',
      'restoration.revoked',
    ]);
    const twice = await stepOf(approvedId, 'revoke', { on: '2026-04-22', reason: 'x' });
    expect(codes(twice)).toEqual(['RESTORATION_WRONG_STATUS']);
    at('2026-04-20');
  });
});

describe('processing clocks (setting credit_restoration.working_days: accept 2, decide 15)', () => {
  it('acceptance due 2 WD after Thursday 2026-04-30 across Labour Day (May 1–5): Thursday 05-07; then overdue', async () => {
    at('2026-04-30');
    const r = await submitted(allMet, { submittedOn: '2026-04-30' });
    expect(r.clocks).toEqual([
      expect.objectContaining({
        name: 'acceptance',
        start: '2026-04-30',
        days: 2,
        dueDate: '2026-05-07',
        state: 'running',
      }),
    ]);
    at('2026-05-07');
    const due = (await (await as()).get(`/v1/credit-restorations/${r.id}`).expect(200)).body;
    expect(due.clocks[0]).toMatchObject({ state: 'running', daysLeft: 0, atRisk: true });
    expect(due.overdue).toBe(false);
    at('2026-05-08');
    const late = (await (await as()).get(`/v1/credit-restorations/${r.id}`).expect(200)).body;
    expect(late.clocks[0]).toMatchObject({ state: 'overdue', overdue: true });
    expect(late.overdue).toBe(true);
    const listed = (await (await as()).get('/v1/credit-restorations?overdue=true').expect(200)).body;
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(r.id);
    const notOverdue = (
      await (await as()).get('/v1/credit-restorations?overdue=false&status=approved').expect(200)
    ).body;
    expect(notOverdue.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    // Accepted late: completed_late; the decision clock starts: 15 WD, Saturday 05-09 a make-up working day.
    const accepted = await stepOk(r.id, 'accept', { on: '2026-05-08' });
    expect(accepted.clocks).toEqual([
      expect.objectContaining({ name: 'acceptance', state: 'completed_late' }),
      expect.objectContaining({ name: 'decision', days: 15, dueDate: '2026-05-28', state: 'running' }),
    ]);
    const stats = (await (await as('supervisor')).get('/v1/credit-restorations/stats?year=2026').expect(200))
      .body;
    expect(stats.pending).toBeGreaterThanOrEqual(1);
    at('2026-05-11');
  });
});

describe('the registers and list removals', () => {
  it('records entries (400 on a bad credit code), lists and filters them', async () => {
    const bad = await listEntry({
      list: 'abnormal_operation',
      creditCode: '91350100M000100Y44',
      listedOn: '2025-05-20',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/creditCode');
    const future = await listEntry({
      list: 'abnormal_operation',
      creditCode: creditCode(20),
      listedOn: '2026-05-12',
    });
    expect(codes(future)).toEqual(['DATE_IN_FUTURE']);
    const ok = await listEntry({
      list: 'abnormal_operation',
      creditCode: creditCode(20),
      listedOn: '2026-03-02',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      listedBy: '城东区市场监督管理局',
      ownListing: true,
      active: true,
      removal: null,
    });
    const page = (
      await (await as('auditor')).get(`/v1/credit-lists?creditCode=${creditCode(20)}&active=true`).expect(200)
    ).body;
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([ok.body.id]);
    // Removal outside restoration (the annual report filed).
    const removed = (
      await (
        await as()
      )
        .post(`/v1/credit-lists/${ok.body.id}/actions/remove`)
        .send({ on: '2026-05-11', reason: '已补报年度报告' })
    ).body;
    expect(removed).toMatchObject({
      active: false,
      removal: { on: '2026-05-11', reason: '已补报年度报告', restorationId: null },
    });
    const again = await (await as())
      .post(`/v1/credit-lists/${ok.body.id}/actions/remove`)
      .send({ on: '2026-05-11', reason: 'x' });
    expect(codes(again)).toEqual(['NOT_LISTED']);
    expect(
      (await (await as()).get(`/v1/credit-lists?creditCode=${creditCode(20)}&active=true`).expect(200)).body
        .items,
    ).toEqual([]);
  });

  it('early removal from the serious-violation list: not before a year listed, then approved; revoked lists it again', async () => {
    const code = creditCode(21);
    const entry = (
      await listEntry({
        list: 'serious_violation',
        creditCode: code,
        listedOn: '2025-05-12',
        decisionRef: '东市监严〔2025〕3号',
      })
    ).body;
    const r = (
      await submit({
        kind: 'serious_list_early_removal',
        applicant: { name: ORGANISATION.name, creditCode: code },
        listEntryId: entry.id,
        materials: MATERIALS,
        submittedOn: '2026-05-11',
      })
    ).body;
    expect(failing(r).map((c: { code: string }) => c.code)).toEqual(['LISTED_LESS_THAN_A_YEAR']);
    expect(failing(r)[0]?.detail).toBe('one year listed on 2026-05-12');
    await stepOk(r.id, 'accept', { on: '2026-05-11' });
    await stepOk(r.id, 'verify', { on: '2026-05-11', note: '核查' });
    const early = await stepOf(r.id, 'approve', { on: '2026-05-11' });
    expect(codes(early)).toEqual(['LISTED_LESS_THAN_A_YEAR']);
    at('2026-05-12');
    const future = await stepOf(r.id, 'approve', { on: '2026-05-13' });
    expect(codes(future)).toEqual(['DATE_IN_FUTURE']);
    const approved = await stepOk(r.id, 'approve', { on: '2026-05-12' });
    expect(approved.eligible).toBe(true);
    const removed = (await (await as()).get(`/v1/credit-lists/${entry.id}`).expect(200)).body;
    expect(removed).toMatchObject({ active: false, removal: { on: '2026-05-12', restorationId: r.id } });
    expect((await eventsOf(entry.id)).map((e) => e.kind)).toEqual(['restoration.approved']);
    await stepOk(r.id, 'revoke', { on: '2026-05-12', reason: '承诺书虚假' });
    const relisted = (await (await as()).get(`/v1/credit-lists/${entry.id}`).expect(200)).body;
    expect(relisted).toMatchObject({ active: true, removal: null });
  });
});

describe('谁处罚、谁修复: isolation from another bureau', () => {
  it('another bureau neither sees nor processes our application, nor applies on our publication', async () => {
    const ours = await submitted(tooEarly);
    const theirs = await as('credit_officer', other);
    await theirs.get(`/v1/credit-restorations/${ours.id}`).expect(404);
    expect((await stepOf(ours.id, 'accept', { on: '2026-05-12' }, other)).status).toBe(404);
    const res = await submit(
      {
        kind: 'stop_publicity',
        applicant: { name: ORGANISATION.name, creditCode: tooEarly.code },
        publicationId: tooEarly.publicationId,
        materials: MATERIALS,
        submittedOn: '2026-05-12',
      },
      other,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ pointer: '/publicationId' });
    expect((await theirs.get('/v1/credit-restorations').expect(200)).body.items).toEqual([]);
    // Our list entries are not theirs.
    const entries = (await (await as()).get('/v1/credit-lists').expect(200)).body.items;
    await theirs
      .post(`/v1/credit-lists/${entries[0].id}/actions/remove`)
      .send({ on: '2026-05-12', reason: 'x' })
      .expect(404);
  });

  it('an entry listed by another authority is not removed by us (NOT_LISTING_AGENCY), nor restored', async () => {
    const code = creditCode(22);
    const entry = (
      await listEntry({
        list: 'serious_violation',
        creditCode: code,
        listedOn: '2024-05-06',
        listedBy: '青海省市场监督管理局',
        ownListing: false,
      })
    ).body;
    expect(entry).toMatchObject({ listedBy: '青海省市场监督管理局', ownListing: false });
    const res = await (await as())
      .post(`/v1/credit-lists/${entry.id}/actions/remove`)
      .send({ on: '2026-05-12', reason: '期满' });
    expect(res.status).toBe(422);
    expect(codes(res)).toEqual(['NOT_LISTING_AGENCY']);
    const r = (
      await submit({
        kind: 'serious_list_early_removal',
        applicant: { name: ORGANISATION.name, creditCode: code },
        listEntryId: entry.id,
        materials: MATERIALS,
        submittedOn: '2026-05-12',
      })
    ).body;
    expect(failing(r).map((c: { code: string }) => c.code)).toEqual(['NOT_LISTING_AGENCY']);
  });

  it('only credit roles write: an officer gets 403', async () => {
    const res = await (await as('officer')).post('/v1/credit-restorations').send({});
    expect(res.status).toBe(403);
  });
});

describe('the seed bureau’s 2024 figure: 3,957 restorations completed', () => {
  it('3,955 inserted + 2 approved through the API; a revoked, a refused and a not-accepted one not counted', async () => {
    const db = t.app.database.db;
    await db.execute(sql`
      insert into credit_restorations (agency_id, id, kind, applicant_name, applicant_credit_code, materials, status,
        submitted_on, accepted_on, verified_on, decided_on, recorded_by)
      select ${t.agencyId}::uuid, gen_random_uuid(), 'stop_publicity', '某公司' || g, ${creditCode(99)},
        '[]'::jsonb, 'approved', date '2024-01-02' + (g % 300), date '2024-01-03' + (g % 300),
        date '2024-01-04' + (g % 300), date '2024-01-05' + (g % 300), 'seed'
      from generate_series(1, 3955) as g`);
    const through = async (n: number, steps: [string, Record<string, unknown>][]) => {
      const code = creditCode(100 + n);
      const entry = (
        await listEntry({
          list: 'abnormal_operation',
          creditCode: code,
          listedOn: '2024-03-01',
          decisionRef: `东市监经异〔2024〕${n}号`,
        })
      ).body;
      const r = (
        await submit({
          kind: 'abnormal_list_removal',
          applicant: { name: ORGANISATION.name, creditCode: code },
          listEntryId: entry.id,
          materials: [MATERIALS[0], { ...MATERIALS[2], kind: 'proof_of_correction', title: '年度报告' }],
          submittedOn: '2024-06-03',
        })
      ).body;
      for (const [name, body] of steps) await stepOk(r.id, name, body);
      return r.id;
    };
    const approve: [string, Record<string, unknown>][] = [
      ['accept', { on: '2024-06-04' }],
      ['verify', { on: '2024-06-05', note: '已补报' }],
      ['approve', { on: '2024-06-06' }],
    ];
    await through(1, approve);
    await through(2, approve);
    await through(3, [...approve, ['revoke', { on: '2024-07-01', reason: '虚假材料' }]]);
    await through(4, [
      ['accept', { on: '2024-06-04' }],
      ['refuse', { on: '2024-06-05', reasons: '未整改' }],
    ]);
    await through(5, [['not-accept', { on: '2024-06-04', reasons: '非本机关列入' }]]);
    const stats = (await (await as('auditor')).get('/v1/credit-restorations/stats?year=2024').expect(200))
      .body;
    expect(stats).toEqual({
      year: 2024,
      completed: {
        total: 3957,
        byKind: { stop_publicity: 3955, abnormal_list_removal: 2, serious_list_early_removal: 0 },
      },
      submitted: 3960,
      notAccepted: 1,
      refused: 1,
      revoked: 1,
      pending: 0,
      overdue: 0,
    });
    const page = (await (await as()).get('/v1/credit-restorations?year=2024&status=revoked').expect(200))
      .body;
    expect(page.items).toHaveLength(1);
  });
});

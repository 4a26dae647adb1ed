/**
 * A decided case's life after the decision, through the HTTP API (issue 6, "After the decision";
 * RULES.md §1 rows Service … Closure): service (送达), payment with partial payments, deferral and
 * instalments, the late surcharge (加处罚款) computed on read and frozen during a reconsideration, the
 * written demand (催告) and the application to the court (申请法院强制执行), the major-case filing
 * (重大行政处罚备案), closure (结案) and archiving (归档), after which the case is read-only.
 *
 * Every case is decided on Monday 2025-04-07 by the default spring-2025 walk (decidedCase) with a
 * warning and a CNY 5,000 fine, served on Tuesday 04-08 unless a test says otherwise: payment is due 15
 * days later, Wednesday 04-23. The app clock moves with each test (tokens minted at the moved clock).
 * Every refusal is checked to write nothing: the case, its timeline and the document counters.
 */
import type { Role } from '../../src/domain/access/roles';
import { CONDITIONS, type ConditionCode } from '../../src/domain/cases/conditions';
import { asOfNow, createTestApp, type TestApp } from '../helpers/app';
import { actNow, decidedCase, investigators, penaltyItem, stepNow } from '../helpers/cases';

let t: TestApp;
let clock = new Date('2025-04-07T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role) => asOfNow(t, role);
let itemId: string;
const head = () => t.bureau.officers.bureau_head;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t, 'AFTER-ITEM');
}, 180_000);
afterAll(() => t.close());

interface Clock {
  name: string;
  start: string;
  days: number;
  unit: string;
  dueDate: string | null;
  state: string;
  rule: { code: string; citation: string };
}
interface Performance {
  fine: number;
  paid: number;
  unpaidFine: number;
  outstanding: number;
  dueOn: string | null;
  nextDueOn: string | null;
  schedule: { kind: string; instalments: { dueOn: string; amount: number }[] } | null;
  surcharge: {
    amount: number;
    uncapped: number;
    capped: boolean;
    lateDays: number;
    frozenDays: number;
    segments: { from: string; to: string; days: number; base: number; amount: number }[];
  } | null;
  frozen: { from: string; to: string | null; reason: string }[];
  payments: { on: string; amount: number; bankReference: string }[];
  status: string;
  completedOn: string | null;
}
interface Case {
  id: string;
  stage: string;
  version: number;
  clocks: Clock[];
  performance: Performance | null;
  afterDecision: Record<string, unknown> & {
    service: { on: string; effectiveOn: string; documentNumber: string | null } | null;
    closure: { on: string; reason: string; documentNumber: string | null } | null;
    archive: { on: string; archiveNumber: string } | null;
    majorCaseFiling: { required: boolean; filedOn: string | null };
  };
}

async function get(id: string): Promise<Case> {
  return (await (await as('officer')).get(`/v1/cases/${id}`).expect(200)).body;
}
function clockOf(c: Case, name: string): Clock | undefined {
  return c.clocks.find((k) => k.name === name);
}
async function counters() {
  const res = await (await as('officer'))
    .get(`/v1/agencies/${t.agencyId}/document-counters?year=2025`)
    .expect(200);
  return res.body.items;
}
async function state(id: string) {
  const reader = await as('officer');
  const [c, timeline] = await Promise.all([
    reader.get(`/v1/cases/${id}`).expect(200),
    reader.get(`/v1/cases/${id}/timeline`).expect(200),
  ]);
  return { case: c.body, timeline: timeline.body, counters: await counters() };
}

/** An action refused with exactly these conditions (each with its rule), writing nothing. */
async function refused(id: string, action: string, body: Record<string, unknown>, codes: ConditionCode[]) {
  const before = await state(id);
  const res = await actNow(t, id, action, body);
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('CASE_RULE_VIOLATION');
  expect(res.body.unmet.map((u: { code: string }) => u.code).sort()).toEqual([...codes].sort());
  for (const u of res.body.unmet) expect(u.rule).toBe(CONDITIONS[u.code as ConditionCode].rule);
  expect(await state(id)).toEqual(before);
  return res.body;
}

/** GET /actions: the codes an action lacks now. */
async function lacks(id: string, action: string): Promise<string[]> {
  const res = await (await as('officer')).get(`/v1/cases/${id}/actions`).expect(200);
  const entry = res.body.actions.find((a: { action: string }) => a.action === action);
  return entry.unmet.map((u: { code: string }) => u.code);
}

const SERVE = {
  on: '2025-04-08',
  method: 'direct',
  recipient: '李四（法定代表人）',
  receiptRef: '送达回证 2025-041',
  partyPresentAtAnnouncement: false,
};
const pay = (on: string, amount: number, bankReference: string) => ({ on, amount, bankReference });
const CLOSE = () => ({
  on: '2025-05-06',
  approverId: head(),
  reason: 'performed',
  detail: '罚款已全额缴纳，执行完毕',
});

/** A case decided 2025-04-07 and served 2025-04-08 (clock left at the service date). */
async function servedCase(opts: Parameters<typeof decidedCase>[2] = {}) {
  at('2025-04-08');
  const c = await decidedCase(t, itemId, opts);
  return (await stepNow(t, c.id, 'serve-decision', SERVE)) as Case;
}

describe('closure with goods still seized (ACL art. 28)', () => {
  it('is refused until the seizure is released, and the refusal writes nothing', async () => {
    let measureId = '';
    const c = await servedCase({
      duringInvestigation: async (caseId) => {
        const res = await (await as('officer')).post(`/v1/cases/${caseId}/measures`).send({
          kind: 'seizure',
          items: '涉嫌无证经营的熟食制品 35 千克',
          startedAt: '2025-03-12T02:00:00Z',
          officerIds: investigators(t),
          avRecorded: true,
          approval: 'prior',
          approverId: head(),
          approvedAt: '2025-03-12T01:00:00Z',
        });
        expect(res.status).toBe(201);
        measureId = res.body.id;
      },
    });
    at('2025-04-20');
    await stepNow(t, c.id, 'record-payment', pay('2025-04-20', 5000, 'B-SEIZED'));
    at('2025-05-06');
    expect(await lacks(c.id, 'close')).toEqual(['MEASURES_IN_FORCE']);
    await refused(c.id, 'close', CLOSE(), ['MEASURES_IN_FORCE']);
    const released = await (await as('officer'))
      .post(`/v1/cases/${c.id}/measures/${measureId}/actions/release`)
      .send({ on: '2025-05-06', reason: 'handled', note: '处罚决定已执行' });
    expect(released.status).toBe(200);
    expect(((await stepNow(t, c.id, 'close', CLOSE())) as Case).stage).toBe('closed');
  });
});

describe('a fine paid in full, from decision to archive', () => {
  it('serves, takes payments, closes with the head’s approval, archives, and is read-only after', async () => {
    at('2025-04-07');
    const decided = (await decidedCase(t, itemId)) as Case;
    const id = decided.id;
    expect(decided.stage).toBe('decided');
    // Not served yet: the 7-WD service clock runs from the decision (APL art. 61).
    expect(clockOf(decided, 'service')).toEqual(
      expect.objectContaining({
        start: '2025-04-07',
        days: 7,
        unit: 'working',
        dueDate: '2025-04-16',
        state: 'running',
      }),
    );
    expect(decided.performance).toEqual(
      expect.objectContaining({ fine: 5000, paid: 0, unpaidFine: 5000, status: 'not_served', dueOn: null }),
    );
    expect(await lacks(id, 'record-payment')).toEqual(['DECISION_NOT_SERVED']);
    expect(await lacks(id, 'close')).toEqual(['DECISION_NOT_SERVED']);
    expect(await lacks(id, 'file-for-record')).toEqual(['NOT_MAJOR_CASE']);
    await refused(id, 'record-payment', pay('2025-04-07', 5000, 'B-EARLY'), ['DECISION_NOT_SERVED']);

    // Served on 04-08 (送达回证, numbered): payment due 15 days later (APL art. 67).
    at('2025-04-08');
    await refused(id, 'serve-decision', { ...SERVE, on: '2025-04-06' }, ['DATE_BEFORE_PREVIOUS_STEP']);
    await refused(id, 'serve-decision', { ...SERVE, on: '2025-04-09' }, ['DATE_IN_FUTURE']);
    const served = (await stepNow(t, id, 'serve-decision', SERVE)) as Case;
    expect(served.afterDecision.service).toEqual(
      expect.objectContaining({ on: '2025-04-08', effectiveOn: '2025-04-08', method: 'direct' }),
    );
    expect(served.afterDecision.service?.documentNumber).toMatch(/^东市监送达〔2025〕\d+号$/);
    expect(clockOf(served, 'service')).toEqual(expect.objectContaining({ state: 'completed' }));
    expect(clockOf(served, 'payment')).toEqual(
      expect.objectContaining({
        start: '2025-04-08',
        days: 15,
        unit: 'calendar',
        dueDate: '2025-04-23',
        state: 'running',
        rule: expect.objectContaining({ code: 'PAYMENT', citation: 'APL art. 67' }),
      }),
    );
    expect(served.performance).toEqual(
      expect.objectContaining({
        status: 'due',
        dueOn: '2025-04-23',
        schedule: { kind: 'single', instalments: [{ dueOn: '2025-04-23', amount: 5000 }] },
      }),
    );
    await refused(id, 'serve-decision', SERVE, ['DECISION_ALREADY_SERVED']);

    // Two partial payments (缴款), the second completing the fine on time.
    at('2025-04-20');
    const part = (await stepNow(t, id, 'record-payment', pay('2025-04-20', 2000, 'B-0001'))) as Case;
    expect(part.performance).toEqual(
      expect.objectContaining({ paid: 2000, unpaidFine: 3000, outstanding: 3000, status: 'due' }),
    );
    const bad = await actNow(t, id, 'record-payment', pay('2025-04-20', 3000.005, 'B-0002'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/amount' })]);
    await refused(id, 'record-payment', pay('2025-04-20', 3000.01, 'B-0002'), ['OVERPAYMENT']);
    await refused(id, 'record-payment', pay('2025-04-20', 100, 'B-0001'), ['DUPLICATE_PAYMENT_REFERENCE']);
    at('2025-04-22');
    const full = (await stepNow(t, id, 'record-payment', pay('2025-04-22', 3000, 'B-0002'))) as Case;
    expect(full.performance).toEqual(
      expect.objectContaining({
        paid: 5000,
        unpaidFine: 0,
        outstanding: 0,
        status: 'paid',
        completedOn: '2025-04-22',
      }),
    );
    expect(full.performance?.surcharge).toEqual(expect.objectContaining({ amount: 0, lateDays: 0 }));
    expect(full.performance?.payments.map((p) => [p.on, p.amount, p.bankReference])).toEqual([
      ['2025-04-20', 2000, 'B-0001'],
      ['2025-04-22', 3000, 'B-0002'],
    ]);
    expect(clockOf(full, 'payment')).toEqual(expect.objectContaining({ state: 'completed' }));
    // The closure clock (a setting, local practice) runs from performance.
    expect(clockOf(full, 'case_closure')).toEqual(
      expect.objectContaining({
        start: '2025-04-22',
        days: 15,
        unit: 'working',
        state: 'running',
        rule: expect.objectContaining({ code: 'CASE_CLOSURE' }),
      }),
    );
    await refused(id, 'record-payment', pay('2025-04-22', 0.01, 'B-0003'), ['OVERPAYMENT']);

    // Closure (结案) with the head's approval; the 结案审批表 is numbered.
    at('2025-05-06');
    await refused(id, 'close', { ...CLOSE(), approverId: t.bureau.officers.unit_head }, [
      'APPROVER_NOT_BUREAU_HEAD',
    ]);
    await refused(id, 'close', { ...CLOSE(), reason: 'no_penalty' }, ['CLOSURE_REASON_MISMATCH']);
    await refused(id, 'archive', { on: '2025-05-06', retention: 'thirty_years', volumes: 1 }, [
      'WRONG_STAGE',
    ]);
    const closed = (await stepNow(t, id, 'close', CLOSE())) as Case;
    expect(closed.stage).toBe('closed');
    expect(closed.afterDecision.closure).toEqual({
      on: '2025-05-06',
      reason: 'performed',
      documentNumber: expect.stringMatching(/^东市监结〔2025〕\d+号$/),
    });
    expect(clockOf(closed, 'case_closure')).toEqual(expect.objectContaining({ state: 'completed' }));

    // Read-only: every action, PATCH, parties, evidence and measures are refused with CASE_CLOSED.
    const before = await state(id);
    const actions = (await (await as('officer')).get(`/v1/cases/${id}/actions`).expect(200)).body.actions as {
      action: string;
      unmet: { code: string }[];
    }[];
    for (const a of actions) {
      expect([a.action, a.unmet.map((u) => u.code)]).toEqual([
        a.action,
        a.action === 'archive' ? [] : ['CASE_CLOSED'],
      ]);
    }
    for (const [action, body] of [
      ['record-payment', pay('2025-05-06', 1, 'B-9')],
      ['serve-decision', SERVE],
      ['close', CLOSE()],
      ['suspend', { on: '2025-05-06', reason: '复查' }],
      ['freeze-surcharge', { on: '2025-05-06', reason: 'litigation', reference: '(2025)青0102行初1号' }],
    ] as const) {
      const res = await actNow(t, id, action, body);
      expect([action, res.status, res.body.unmet?.map((u: { code: string }) => u.code)]).toEqual([
        action,
        422,
        ['CASE_CLOSED'],
      ]);
    }
    const officer = await as('officer');
    const patched = await officer
      .patch(`/v1/cases/${id}`)
      .set('if-match', `"${closed.version}"`)
      .send({ summary: '改' });
    expect([patched.status, patched.body.unmet?.[0]?.code]).toEqual([422, 'CASE_CLOSED']);
    const party = await officer
      .post(`/v1/cases/${id}/parties`)
      .send({ kind: 'natural_person', name: '王五', residentId: '11010519491231002X' });
    expect([party.status, party.body.unmet?.[0]?.code]).toEqual([422, 'CASE_CLOSED']);
    const evidence = await officer.post(`/v1/cases/${id}/evidence`).send({
      kind: 'documentary',
      description: '补充材料',
      collectedOn: '2025-05-06',
      collectedBy: investigators(t),
      avRecorded: false,
    });
    expect([evidence.status, evidence.body.unmet?.[0]?.code]).toEqual([422, 'CASE_CLOSED']);
    const measure = await officer.post(`/v1/cases/${id}/measures`).send({
      kind: 'seizure',
      items: '熟食制品',
      startedAt: '2025-05-06T01:30:00Z',
      officerIds: investigators(t),
      avRecorded: true,
      approval: 'prior',
      approverId: head(),
      approvedAt: '2025-05-06T01:00:00Z',
    });
    expect([measure.status, measure.body.unmet?.[0]?.code]).toEqual([422, 'CASE_CLOSED']);
    expect(await state(id)).toEqual(before);

    // Archive (归档): the archive number is allocated gap-free; still read-only after.
    at('2025-05-08');
    await refused(id, 'archive', { on: '2025-05-05', retention: 'thirty_years', volumes: 1 }, [
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    const archived = (await stepNow(t, id, 'archive', {
      on: '2025-05-08',
      retention: 'thirty_years',
      volumes: 1,
      location: '档案室 A-03',
    })) as Case;
    expect(archived.stage).toBe('archived');
    const number = archived.afterDecision.archive?.archiveNumber ?? '';
    expect(number).toMatch(/^东市监档〔2025〕\d+号$/);
    await refused(id, 'archive', { on: '2025-05-08', retention: 'thirty_years', volumes: 1 }, [
      'CASE_CLOSED',
    ]);

    // A second case archived takes the next number.
    const other = await servedCase();
    at('2025-04-20');
    await stepNow(t, other.id, 'record-payment', pay('2025-04-20', 5000, 'B-0100'));
    at('2025-05-08');
    await stepNow(t, other.id, 'close', { ...CLOSE(), on: '2025-05-08' });
    const next = (await stepNow(t, other.id, 'archive', {
      on: '2025-05-08',
      retention: 'thirty_years',
      volumes: 2,
    })) as Case;
    const serial = (n: string) => Number(n.match(/〕(\d+)号/)?.[1]);
    expect(serial(next.afterDecision.archive?.archiveNumber ?? '')).toBe(serial(number) + 1);

    const timeline = (await (await as('officer')).get(`/v1/cases/${id}/timeline`).expect(200)).body
      .events as {
      action: string;
      occurredOn: string;
      documentNumber: string | null;
    }[];
    expect(timeline.slice(-6).map((e) => [e.action, e.occurredOn])).toEqual([
      ['decide', '2025-04-07'],
      ['serve-decision', '2025-04-08'],
      ['record-payment', '2025-04-20'],
      ['record-payment', '2025-04-22'],
      ['close', '2025-05-06'],
      ['archive', '2025-05-08'],
    ]);
    const audit = await (await as('auditor'))
      .get(`/v1/audit-events?entityType=case&entityId=${id}&limit=200`)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['case.serve-decision', 'case.record-payment', 'case.close', 'case.archive']),
    );
  });
});

describe('the late surcharge (加处罚款, APL arts. 72–73), computed on read', () => {
  it('accrues 3 % a day on the unpaid part after the due date, capped at the fine', async () => {
    const c = await servedCase();
    at('2025-04-23');
    await stepNow(t, c.id, 'record-payment', pay('2025-04-23', 1000, 'S-0001'));
    // On the due date nothing is late yet.
    expect((await get(c.id)).performance?.surcharge?.amount).toBe(0);
    at('2025-04-24');
    const day1 = (await get(c.id)).performance;
    expect(day1).toEqual(expect.objectContaining({ status: 'overdue', unpaidFine: 4000, outstanding: 4120 }));
    expect(day1?.surcharge).toEqual(
      expect.objectContaining({
        amount: 120,
        lateDays: 1,
        capped: false,
        segments: [{ from: '2025-04-24', to: '2025-04-24', days: 1, base: 4000, amount: 120 }],
      }),
    );
    expect(clockOf(await get(c.id), 'payment')).toEqual(expect.objectContaining({ state: 'overdue' }));
    at('2025-04-30');
    expect((await get(c.id)).performance?.surcharge).toEqual(
      expect.objectContaining({ amount: 840, lateDays: 7 }),
    );
    // 48 late days × CNY 120 = 5,760: capped at the fine (APL art. 72(1)).
    at('2025-06-10');
    const capped = (await get(c.id)).performance;
    expect(capped?.surcharge).toEqual(
      expect.objectContaining({ amount: 5000, uncapped: 5760, capped: true, lateDays: 48 }),
    );
    expect(capped?.outstanding).toBe(9000);

    // Closure is refused while the fine, then the surcharge, is unpaid.
    const close = { ...CLOSE(), on: '2025-06-10' };
    await refused(c.id, 'close', close, ['FINE_UNPAID']);
    await stepNow(t, c.id, 'record-payment', pay('2025-06-10', 4000, 'S-0002'));
    const fineOnly = (await get(c.id)).performance;
    expect(fineOnly).toEqual(
      expect.objectContaining({ unpaidFine: 0, outstanding: 5000, status: 'overdue' }),
    );
    await refused(c.id, 'close', close, ['FINE_UNPAID']);
    await refused(c.id, 'record-payment', pay('2025-06-10', 5000.01, 'S-0003'), ['OVERPAYMENT']);
    // Once the fine is paid the surcharge stops growing.
    at('2025-06-20');
    expect((await get(c.id)).performance?.outstanding).toBe(5000);
    const settled = (await stepNow(t, c.id, 'record-payment', pay('2025-06-20', 5000, 'S-0003'))) as Case;
    expect(settled.performance).toEqual(
      expect.objectContaining({ status: 'paid', completedOn: '2025-06-20', outstanding: 0 }),
    );
    expect(clockOf(settled, 'payment')).toEqual(expect.objectContaining({ state: 'completed_late' }));
    const closed = (await stepNow(t, c.id, 'close', { ...CLOSE(), on: '2025-06-20' })) as Case;
    expect(closed.stage).toBe('closed');
  });

  it('does not accrue while a reconsideration is pending (frozen), and again after', async () => {
    const c = await servedCase();
    at('2025-04-28');
    await refused(
      c.id,
      'unfreeze-surcharge',
      { on: '2025-04-28', reason: 'reconsideration', reference: 'x' },
      ['SURCHARGE_NOT_FROZEN'],
    );
    const body = { on: '2025-04-28', reason: 'reconsideration', reference: '城东政复申〔2025〕5号' };
    const frozen = (await stepNow(t, c.id, 'freeze-surcharge', body)) as Case;
    expect(frozen.performance).toEqual(expect.objectContaining({ status: 'frozen' }));
    await refused(c.id, 'freeze-surcharge', body, ['SURCHARGE_ALREADY_FROZEN']);
    at('2025-05-08');
    // 04-24 … 04-27 counted, from 04-28 frozen.
    expect((await get(c.id)).performance?.surcharge).toEqual(
      expect.objectContaining({ amount: 600, lateDays: 4, frozenDays: 11 }),
    );
    at('2025-05-10');
    await stepNow(t, c.id, 'unfreeze-surcharge', {
      on: '2025-05-10',
      reason: 'reconsideration',
      reference: '城东政复〔2025〕5号',
    });
    at('2025-05-15');
    const after = (await get(c.id)).performance;
    expect(after?.surcharge).toEqual(expect.objectContaining({ amount: 1350, lateDays: 9, frozenDays: 13 }));
    expect(after?.frozen).toEqual([
      expect.objectContaining({ from: '2025-04-28', to: '2025-05-10', reason: 'reconsideration' }),
    ]);
    expect(after?.status).toBe('overdue');
  });
});

describe('deferral and instalments (延期、分期缴纳, APL art. 66)', () => {
  it('a deferral: no surcharge until the new date', async () => {
    const c = await servedCase();
    at('2025-04-15');
    const body = {
      on: '2025-04-15',
      approverId: head(),
      kind: 'deferral',
      schedule: [{ dueOn: '2025-06-30', amount: 5000 }],
      reason: '当事人经营困难，申请延期缴纳',
    };
    await refused(c.id, 'approve-payment-schedule', { ...body, approverId: t.bureau.officers.officer }, [
      'APPROVER_NOT_BUREAU_HEAD',
    ]);
    await refused(
      c.id,
      'approve-payment-schedule',
      { ...body, schedule: [{ dueOn: '2025-06-30', amount: 4000 }] },
      ['PAYMENT_SCHEDULE_INVALID'],
    );
    await refused(
      c.id,
      'approve-payment-schedule',
      { ...body, schedule: [{ dueOn: '2025-04-20', amount: 5000 }] },
      ['PAYMENT_SCHEDULE_INVALID'],
    );
    const approved = (await stepNow(t, c.id, 'approve-payment-schedule', body)) as Case;
    expect(approved.performance).toEqual(
      expect.objectContaining({
        dueOn: '2025-06-30',
        schedule: { kind: 'deferral', instalments: [{ dueOn: '2025-06-30', amount: 5000 }] },
      }),
    );
    expect(clockOf(approved, 'payment')).toEqual(
      expect.objectContaining({
        dueDate: '2025-06-30',
        rule: expect.objectContaining({ code: 'PAYMENT_SCHEDULE', citation: 'APL art. 66' }),
      }),
    );
    await refused(c.id, 'approve-payment-schedule', body, ['PAYMENT_SCHEDULE_ALREADY_APPROVED']);
    at('2025-06-30');
    expect((await get(c.id)).performance).toEqual(
      expect.objectContaining({ status: 'due', surcharge: expect.objectContaining({ amount: 0 }) }),
    );
    at('2025-07-02');
    expect((await get(c.id)).performance?.surcharge).toEqual(
      expect.objectContaining({ amount: 300, lateDays: 2 }),
    );
  });

  it('instalments: each late instalment accrues on its own', async () => {
    const c = await servedCase();
    at('2025-04-15');
    await stepNow(t, c.id, 'approve-payment-schedule', {
      on: '2025-04-15',
      approverId: head(),
      kind: 'instalments',
      schedule: [
        { dueOn: '2025-05-15', amount: 2000 },
        { dueOn: '2025-06-16', amount: 3000 },
      ],
      reason: '分两期缴纳',
    });
    at('2025-05-15');
    const first = (await stepNow(t, c.id, 'record-payment', pay('2025-05-15', 2000, 'I-0001'))) as Case;
    expect(first.performance).toEqual(expect.objectContaining({ nextDueOn: '2025-06-16', status: 'due' }));
    at('2025-06-16');
    expect((await get(c.id)).performance?.surcharge?.amount).toBe(0);
    at('2025-06-18');
    expect((await get(c.id)).performance?.surcharge).toEqual(
      expect.objectContaining({
        amount: 180,
        lateDays: 2,
        segments: [expect.objectContaining({ base: 3000, days: 2 })],
      }),
    );
  });
});

describe('service (送达, APL art. 61)', () => {
  it('electronic service needs the party’s consent', async () => {
    at('2025-04-08');
    const c = await decidedCase(t, itemId);
    const electronic = { ...SERVE, method: 'electronic' };
    await refused(c.id, 'serve-decision', electronic, ['ELECTRONIC_SERVICE_WITHOUT_CONSENT']);
    // Consent given after the service does not count.
    at('2025-04-09');
    await refused(
      c.id,
      'serve-decision',
      { ...electronic, consent: { reference: '确认书 2025-07', on: '2025-04-09' } },
      ['ELECTRONIC_SERVICE_WITHOUT_CONSENT'],
    );
    const served = (await stepNow(t, c.id, 'serve-decision', {
      ...electronic,
      consent: { reference: '电子送达确认书 2025-07', on: '2025-03-26' },
    })) as Case;
    expect(served.afterDecision.service).toEqual(expect.objectContaining({ method: 'electronic' }));
  });

  it('the 7-WD clock runs when the party was absent, and is overdue after', async () => {
    at('2025-04-17');
    const c = await decidedCase(t, itemId);
    const overdue = await get(c.id);
    expect(clockOf(overdue, 'service')).toEqual(
      expect.objectContaining({
        dueDate: '2025-04-16',
        state: 'overdue',
        rule: expect.objectContaining({ citation: 'APL art. 61' }),
      }),
    );
    const listed = await (await as('officer')).get('/v1/cases?overdue=true&stage=decided').expect(200);
    expect(listed.body.items.map((x: Case) => x.id)).toContain(c.id);
    const late = (await stepNow(t, c.id, 'serve-decision', {
      ...SERVE,
      on: '2025-04-17',
      method: 'post',
    })) as Case;
    expect(clockOf(late, 'service')).toEqual(expect.objectContaining({ state: 'completed_late' }));
    expect(clockOf(late, 'payment')?.dueDate).toBe('2025-05-06'); // 05-02 falls in the Labour Day break
  });

  it('a party present at the announcement is served on the spot: no service clock', async () => {
    at('2025-04-08');
    const c = await decidedCase(t, itemId);
    await refused(c.id, 'serve-decision', { ...SERVE, partyPresentAtAnnouncement: true }, [
      'SERVICE_NOT_ON_ANNOUNCEMENT',
    ]);
    const served = (await stepNow(t, c.id, 'serve-decision', {
      ...SERVE,
      on: '2025-04-07',
      partyPresentAtAnnouncement: true,
    })) as Case;
    expect(clockOf(served, 'service')).toBeUndefined();
    expect(clockOf(served, 'payment')?.dueDate).toBe('2025-04-22');
  });

  it('public notice counts as served 30 days after publication', async () => {
    at('2025-04-10');
    const c = await decidedCase(t, itemId);
    const served = (await stepNow(t, c.id, 'serve-decision', {
      ...SERVE,
      on: '2025-04-10',
      method: 'public_notice',
    })) as Case;
    expect(served.afterDecision.service).toEqual(
      expect.objectContaining({ on: '2025-04-10', effectiveOn: '2025-05-10' }),
    );
    expect(served.performance?.dueOn).toBe('2025-05-26'); // 05-25 is a Sunday
  });

  it('a warning alone counts as performed on service', async () => {
    at('2025-04-08');
    const c = await decidedCase(t, itemId, { penalties: [{ type: 'warning' }] });
    const served = (await stepNow(t, c.id, 'serve-decision', SERVE)) as Case;
    expect(served.performance).toEqual(
      expect.objectContaining({ fine: 0, status: 'performed', completedOn: '2025-04-08' }),
    );
    expect(clockOf(served, 'payment')).toBeUndefined();
    expect(clockOf(served, 'case_closure')?.start).toBe('2025-04-08');
    await refused(c.id, 'record-payment', pay('2025-04-08', 1, 'W-1'), ['NO_FINE']);
    await refused(c.id, 'close', { ...CLOSE(), on: '2025-04-08', reason: 'enforcement_applied' }, [
      'CLOSURE_REASON_MISMATCH',
    ]);
    expect(((await stepNow(t, c.id, 'close', { ...CLOSE(), on: '2025-04-08' })) as Case).stage).toBe(
      'closed',
    );
  });
});

describe('enforcement by the court (申请法院强制执行, ACL arts. 53–54)', () => {
  it('after a demand and the period to sue; closure is then allowed while unpaid', async () => {
    const c = await servedCase();
    at('2025-04-23');
    await refused(c.id, 'serve-demand', { on: '2025-04-23' }, ['PAYMENT_NOT_OVERDUE']);
    at('2025-04-25');
    const apply = { on: '2025-04-25', court: '西宁市城东区人民法院', reference: '城东市监强申〔2025〕1号' };
    await refused(c.id, 'apply-court-enforcement', apply, ['DEMAND_NOT_SERVED', 'APPEAL_PERIOD_OPEN']);
    await refused(c.id, 'record-court-enforcement', { on: '2025-04-25', result: 'enforced' }, [
      'COURT_ENFORCEMENT_NOT_APPLIED',
    ]);
    const demanded = await stepNow(t, c.id, 'serve-demand', { on: '2025-04-25' });
    expect(demanded.afterDecision.demand).toEqual({
      on: '2025-04-25',
      documentNumber: expect.stringMatching(/^东市监催告〔2025〕\d+号$/),
    });
    await refused(c.id, 'close', { ...CLOSE(), on: '2025-04-25' }, ['FINE_UNPAID']);
    // The party may sue for 6 months from service (ALL art. 46): until 2025-10-08.
    at('2025-10-08');
    await refused(c.id, 'apply-court-enforcement', { ...apply, on: '2025-10-08' }, ['APPEAL_PERIOD_OPEN']);
    at('2025-10-09');
    const applied = (await stepNow(t, c.id, 'apply-court-enforcement', {
      ...apply,
      on: '2025-10-09',
    })) as Case;
    expect(applied.performance?.status).toBe('enforcement_applied');
    expect(applied.performance?.surcharge).toEqual(expect.objectContaining({ amount: 5000, capped: true }));
    expect(clockOf(applied, 'payment')).toEqual(expect.objectContaining({ state: 'completed_late' }));
    await refused(c.id, 'apply-court-enforcement', { ...apply, on: '2025-10-09' }, [
      'COURT_ENFORCEMENT_ALREADY_APPLIED',
    ]);
    at('2025-10-20');
    await stepNow(t, c.id, 'record-court-enforcement', {
      on: '2025-10-20',
      result: 'enforced',
      detail: '法院裁定准予执行',
    });
    await refused(c.id, 'close', { ...CLOSE(), on: '2025-10-20' }, ['CLOSURE_REASON_MISMATCH']);
    const closed = (await stepNow(t, c.id, 'close', {
      ...CLOSE(),
      on: '2025-10-20',
      reason: 'enforcement_applied',
    })) as Case;
    expect(closed.stage).toBe('closed');
    expect(closed.afterDecision.courtEnforcement).toEqual(
      expect.objectContaining({ appliedOn: '2025-10-09', result: 'enforced', recordedOn: '2025-10-20' }),
    );
  });

  it('not later than 3 months after the period to sue ended', async () => {
    const c = await servedCase();
    at('2025-04-25');
    await stepNow(t, c.id, 'serve-demand', { on: '2025-04-25' });
    at('2026-01-09');
    await refused(
      c.id,
      'apply-court-enforcement',
      { on: '2026-01-09', court: '西宁市城东区人民法院', reference: 'late' },
      ['ENFORCEMENT_APPLICATION_LATE'],
    );
  });
});

describe('major-case filing for the record (重大行政处罚备案)', () => {
  it('shows a clock for a decision meeting the criteria, and must be filed before closure', async () => {
    at('2025-04-08');
    const c = (await decidedCase(t, itemId, { penalties: [{ type: 'fine', amount: 120_000 }] })) as Case;
    expect(c.afterDecision.majorCaseFiling).toEqual({ required: true, filedOn: null });
    expect(clockOf(c, 'major_case_filing')).toEqual(
      expect.objectContaining({
        start: '2025-04-07',
        days: 15,
        unit: 'working',
        dueDate: '2025-04-27', // a make-up working Sunday (调休) before Labour Day
        state: 'running',
        rule: expect.objectContaining({
          code: 'MAJOR_CASE_FILING',
          citation: 'LOCAL setting major_case_filing.working_days',
        }),
      }),
    );
    await stepNow(t, c.id, 'serve-decision', SERVE);
    at('2025-04-10');
    await stepNow(t, c.id, 'record-payment', pay('2025-04-10', 120_000, 'M-0001'));
    await refused(c.id, 'close', { ...CLOSE(), on: '2025-04-10' }, ['MAJOR_CASE_NOT_FILED']);
    const body = {
      on: '2025-04-10',
      receivingBody: '西宁市城东区司法局',
      reference: '城东市监备〔2025〕3号',
    };
    await refused(c.id, 'file-for-record', { ...body, on: '2025-04-06' }, ['DATE_BEFORE_PREVIOUS_STEP']);
    const filed = (await stepNow(t, c.id, 'file-for-record', body)) as Case;
    expect(filed.afterDecision.majorCaseFiling).toEqual({ required: true, filedOn: '2025-04-10' });
    expect(clockOf(filed, 'major_case_filing')?.state).toBe('completed');
    await refused(c.id, 'file-for-record', body, ['ALREADY_FILED_FOR_RECORD']);
    expect(((await stepNow(t, c.id, 'close', { ...CLOSE(), on: '2025-04-10' })) as Case).stage).toBe(
      'closed',
    );
  });

  it('an ordinary decision is not filed', async () => {
    at('2025-04-08');
    const c = (await decidedCase(t, itemId)) as Case;
    expect(clockOf(c, 'major_case_filing')).toBeUndefined();
    await refused(c.id, 'file-for-record', { on: '2025-04-08', receivingBody: '司法局', reference: 'x' }, [
      'NOT_MAJOR_CASE',
    ]);
  });
});

describe('a terminated case (终止调查) is closed and archived too', () => {
  it('with the closure clock running from termination, flagged overdue when late', async () => {
    at('2025-03-20');
    const officer = await as('officer');
    const lead = await officer.post('/v1/cases').send({
      source: 'inspection',
      receivedOn: '2025-03-03',
      summary: '检查发现某店疑似无证经营',
      violationOn: '2025-02-20',
      powerItemId: itemId,
      parties: [{ kind: 'natural_person', name: '张三', residentId: '11010519491231002X' }],
    });
    expect(lead.status).toBe(201);
    const id = lead.body.id;
    await stepNow(t, id, 'assign-officers', { on: '2025-03-03', officerIds: investigators(t) });
    await stepNow(t, id, 'file', { on: '2025-03-10', approverId: head(), limitationBasis: 'two_years' });
    const terminated = (await stepNow(t, id, 'terminate', {
      on: '2025-03-20',
      approverId: head(),
      reason: '违法事实不能成立',
    })) as Case;
    expect(clockOf(terminated, 'case_closure')).toEqual(
      expect.objectContaining({ start: '2025-03-20', dueDate: '2025-04-11', state: 'running' }),
    );
    at('2025-04-14');
    expect(clockOf(await get(id), 'case_closure')?.state).toBe('overdue');
    await refused(id, 'close', { ...CLOSE(), on: '2025-04-14' }, ['CLOSURE_REASON_MISMATCH']);
    const closed = (await stepNow(t, id, 'close', {
      ...CLOSE(),
      on: '2025-04-14',
      reason: 'terminated',
    })) as Case;
    expect(closed.stage).toBe('closed');
    expect(clockOf(closed, 'case_closure')?.state).toBe('completed_late');
    const archived = (await stepNow(t, id, 'archive', {
      on: '2025-04-14',
      retention: 'ten_years',
      volumes: 1,
    })) as Case;
    expect(archived.stage).toBe('archived');
    expect(archived.performance).toBeNull();
  });
});

describe('refusals write nothing, on every new guard', () => {
  it('applies to cases not yet decided', async () => {
    at('2025-04-08');
    const lead = await (await as('officer')).post('/v1/cases').send({
      source: 'complaint',
      receivedOn: '2025-04-01',
      summary: '线索',
      parties: [{ kind: 'natural_person', name: '张三', residentId: '11010519491231002X' }],
    });
    for (const [action, body] of [
      ['serve-decision', SERVE],
      ['record-payment', pay('2025-04-08', 1, 'L-1')],
      ['freeze-surcharge', { on: '2025-04-08', reason: 'litigation', reference: 'x' }],
      ['serve-demand', { on: '2025-04-08' }],
      ['close', { ...CLOSE(), on: '2025-04-08' }],
    ] as const) {
      await refused(lead.body.id, action, body, ['WRONG_STAGE']);
    }
  });
});

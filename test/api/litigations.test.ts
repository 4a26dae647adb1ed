/**
 * Administrative litigation (行政诉讼, RULES.md §7) through the HTTP API, on a movable app clock in autumn 2025.
 * Every case is decided on 2025-04-07 by the default walk (a warning and a CNY 5,000 fine) and served 04-08:
 * - a suit registered: the surcharge frozen, the defence clock across the National Day holiday (copy received
 *   09-20 → due 10-09), a late defence, hearings with and without the head, a first-instance revocation that
 *   takes effect after its appeal period (the decision revoked, nothing owed, the freeze ended);
 * - an appeal within the period, the second instance revoking with an order to decide again (the case back to
 *   investigation); a late appeal refused and a variation taking effect (the fine recomputed);
 * - a heavier variation refused, writing nothing; an on-the-spot decision varied by mediation;
 * - the co-defendant after an upheld reconsideration, suits refused while a review is pending;
 * - 400s for unknown fields and bad input, cross-agency isolation, and the year's figures.
 */
import { eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/access/roles';
import { onTheSpotPenalties } from '../../src/modules/on-the-spot/on-the-spot.table';
import { reconsiderations } from '../../src/modules/reconsiderations/reconsiderations.table';
import { asOfNow, createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import {
  CREDIT_CODE,
  decidedCase,
  NATURAL_PERSON,
  penaltyItem,
  RESIDENT_ID,
  stepNow,
} from '../helpers/cases';

let t: TestApp;
let north: TestBureau;
let clock = new Date('2025-09-25T02:00:00Z');
/** Moves the app clock to 10:00 China time on the date. */
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};
const as = (role: Role, bureau?: TestBureau) => asOfNow(t, role, bureau);
let itemId: string;

const SERVE = {
  on: '2025-04-08',
  method: 'direct',
  recipient: '李四（法定代表人）',
  receiptRef: '送达回证 2025-041',
  partyPresentAtAnnouncement: false,
};
const PLAINTIFF = {
  kind: 'legal_person',
  name: '西宁市城东区示例食品有限公司',
  creditCode: CREDIT_CODE,
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  north = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  itemId = await penaltyItem(t, 'LIT-ITEM');
}, 240_000);
afterAll(() => t.close());

/** A case decided 2025-04-07 and served 04-08, the clock left where it was. */
async function servedCase(summary: string): Promise<{ id: string; decisionNumber: string }> {
  const saved = clock;
  at('2025-04-08');
  const c = await decidedCase(t, itemId, { lead: { summary } });
  const served = await stepNow(t, c.id, 'serve-decision', SERVE);
  clock = saved;
  return served;
}

function suitBody(caseId: string, overrides: Record<string, unknown> = {}) {
  return {
    decision: { caseId },
    court: '西宁市城东区人民法院',
    courtCaseNumber: `（2025）青0102行初${Math.floor(Math.random() * 1e6)}号`,
    plaintiff: PLAINTIFF,
    claims: '请求撤销被告作出的行政处罚决定',
    filedOn: '2025-09-15',
    complaintReceivedOn: '2025-09-20',
    ...overrides,
  };
}

async function sue(body: Record<string, unknown>, role: Role = 'officer', bureau?: TestBureau) {
  return (await as(role, bureau)).post('/v1/litigations').send(body);
}
async function sued(body: Record<string, unknown>) {
  const res = await sue(body);
  if (res.status !== 201) throw new Error(`sue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
function act(
  id: string,
  name: string,
  body: Record<string, unknown>,
  role: Role = 'officer',
  bureau?: TestBureau,
) {
  return as(role, bureau).then((a) => a.post(`/v1/litigations/${id}/actions/${name}`).send(body));
}
async function step(id: string, name: string, body: Record<string, unknown>, role: Role = 'legal_reviewer') {
  const res = await act(id, name, body, role);
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function getCase(id: string) {
  return (await (await as('officer')).get(`/v1/cases/${id}`).expect(200)).body;
}
async function timeline(caseId: string) {
  const res = await (await as('officer')).get(`/v1/cases/${caseId}/timeline`).expect(200);
  return res.body.events as { action: string; occurredOn: string; data: Record<string, unknown> }[];
}

/** What a refused request must leave unchanged: the suits, the case and its timeline. */
async function state(caseId: string) {
  const reader = await as('officer');
  const [list, c, tl] = await Promise.all([
    reader.get('/v1/litigations?limit=200').expect(200),
    reader.get(`/v1/cases/${caseId}`).expect(200),
    reader.get(`/v1/cases/${caseId}/timeline`).expect(200),
  ]);
  return { suits: list.body.items, case: c.body, timeline: tl.body };
}
async function refused(
  caseId: string,
  send: () => Promise<{ status: number; body: Record<string, unknown> }>,
  status: 400 | 422,
  codes: string[] = [],
) {
  const before = await state(caseId);
  const res = await send();
  expect(res.status).toBe(status);
  if (status === 422) {
    expect(res.body.code).toBe('CASE_RULE_VIOLATION');
    expect((res.body.unmet as { code: string; rule: string }[]).map((u) => u.code).sort()).toEqual(
      [...codes].sort(),
    );
  } else expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(await state(caseId)).toEqual(before);
  return res.body;
}
const clockOf = (suit: { clocks: { name: string }[] }, name: string) =>
  suit.clocks.find((c) => c.name === name) as Record<string, unknown> | undefined;

// Suits the figures count (all filed in 2025): kept by the scenarios below.
const suits: Record<string, string> = {};

describe('a suit revoking the decision after its appeal period (一审判决撤销，上诉期满生效)', () => {
  let c: { id: string; decisionNumber: string };
  let id: string;
  const head = () => t.bureau.officers.bureau_head;

  it('registers the suit: 201, the defence due across National Day, the surcharge frozen', async () => {
    c = await servedCase('第一案');
    at('2025-09-25');
    const res = await sue(
      suitBody(c.id, {
        plaintiff: { kind: 'natural_person', name: '张三', residentId: RESIDENT_ID },
        courtCaseNumber: '（2025）青0102行初101号',
      }),
    );
    expect(res.status).toBe(201);
    id = res.body.id;
    suits.a = id;
    expect(res.headers.location).toBe(`/v1/litigations/${id}`);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({
      decision: { kind: 'case', caseId: c.id, onTheSpotPenaltyId: null, decisionNumber: c.decisionNumber },
      status: 'pending',
      pending: true,
      instance: 'first',
      coDefendant: null,
      surchargeFrozen: true,
      defence: null,
      judgment: null,
      hearings: [],
      effect: [],
      plaintiff: { kind: 'natural_person', name: '张三', creditCode: null },
    });
    expect(res.body.plaintiff.residentId).not.toBe(RESIDENT_ID);
    expect(res.body.plaintiff.residentId).toContain('*');
    // 2025-09-20 + 15 d = Sunday 10-05, inside the 1–8 October break: due Thursday 10-09.
    expect(clockOf(res.body, 'defence')).toMatchObject({
      dueDate: '2025-10-09',
      state: 'running',
      daysLeft: 14,
      atRisk: false,
      rule: { code: 'LITIGATION_DEFENCE', citation: 'ALL art. 67' },
    });
    const view = await getCase(c.id);
    expect(view.performance.status).toBe('frozen');
    expect(view.performance.frozen).toEqual([
      expect.objectContaining({ from: '2025-09-15', to: null, reason: 'litigation' }),
    ]);
    const actions = (await timeline(c.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['litigation-filed', 'freeze-surcharge']));
  });

  it('refuses a second suit on the same decision while this one is pending (ALREADY_UNDER_REVIEW)', async () => {
    await refused(c.id, () => sue(suitBody(c.id)), 422, ['ALREADY_UNDER_REVIEW']);
  });

  it('shows the defence at risk, then overdue; a late defence is recorded as completed_late', async () => {
    at('2025-10-06');
    let view = (await (await as('officer')).get(`/v1/litigations/${id}`).expect(200)).body;
    expect(clockOf(view, 'defence')).toMatchObject({ state: 'running', daysLeft: 3, atRisk: true });
    expect(view.atRisk).toBe(true);
    at('2025-10-10');
    view = (await (await as('officer')).get(`/v1/litigations/${id}`).expect(200)).body;
    expect(clockOf(view, 'defence')).toMatchObject({ state: 'overdue', overdue: true });
    expect(view.overdue).toBe(true);
    const overdue = (await (await as('officer')).get('/v1/litigations?overdue=true').expect(200)).body;
    expect(overdue.items.map((s: { id: string }) => s.id)).toContain(id);
    const filed = await step(id, 'file-defence', {
      on: '2025-10-10',
      reference: '东市监答〔2025〕3号',
      items: [
        { title: '现场检查笔录', kind: 'evidence', reference: 'evidence/2025/0001.pdf' },
        { title: '《中华人民共和国食品安全法》第一百二十二条', kind: 'legal_basis' },
      ],
    });
    expect(clockOf(filed, 'defence')).toMatchObject({ state: 'completed_late', overdue: true });
    expect(filed.defence).toMatchObject({ filedOn: '2025-10-10', reference: '东市监答〔2025〕3号' });
    expect(filed.overdue).toBe(false);
    await refused(
      c.id,
      () =>
        act(id, 'file-defence', { on: '2025-10-10', reference: 'x', items: [{ title: 'y', kind: 'other' }] }),
      422,
      ['DEFENCE_ALREADY_FILED'],
    );
  });

  it('records hearings with and without the head (负责人出庭应诉), flagging the latter', async () => {
    at('2025-10-20');
    const withHead = await step(id, 'record-hearing', {
      on: '2025-10-16',
      attendees: [
        { officerId: head(), name: '陈局长', role: 'head' },
        { officerId: t.bureau.officers.legal_reviewer, name: '法制员', role: 'officer' },
      ],
      headAppeared: true,
    });
    expect(withHead.hearings).toHaveLength(1);
    expect(withHead.headAbsentHearings).toBe(0);
    const without = await step(id, 'record-hearing', {
      on: '2025-10-20',
      attendees: [
        { officerId: t.bureau.officers.officer, name: '执法员', role: 'officer' },
        { name: '王律师', role: 'agent' },
      ],
      headAppeared: false,
      headAbsenceReason: '负责人因公出差，委托副局长以外的工作人员出庭',
    });
    expect(without.hearings).toHaveLength(2);
    expect(without.headAbsentHearings).toBe(1);
    expect(without.hearings[1]).toMatchObject({ headAppeared: false, headAbsent: true, instance: 'first' });
  });

  it('400s a head who is not a bureau head, headAppeared against the attendees, a missing reason', async () => {
    const bad = await refused(
      c.id,
      () =>
        act(id, 'record-hearing', {
          on: '2025-10-20',
          attendees: [{ officerId: t.bureau.officers.officer, name: '执法员', role: 'head' }],
          headAppeared: true,
        }),
      400,
    );
    expect(bad.errors).toEqual([expect.objectContaining({ pointer: '/attendees/0/officerId' })]);
    const inconsistent = await refused(
      c.id,
      () =>
        act(id, 'record-hearing', {
          on: '2025-10-20',
          attendees: [{ officerId: t.bureau.officers.officer, name: '执法员', role: 'officer' }],
          headAppeared: true,
        }),
      400,
    );
    expect(inconsistent.errors).toEqual([expect.objectContaining({ pointer: '/headAppeared' })]);
    const noReason = await refused(
      c.id,
      () =>
        act(id, 'record-hearing', {
          on: '2025-10-20',
          attendees: [{ name: '王律师', role: 'agent' }],
          headAppeared: false,
        }),
      400,
    );
    expect(noReason.errors).toEqual([expect.objectContaining({ pointer: '/headAbsenceReason' })]);
  });

  it('a first-instance revocation is judged: the appeal period runs, the decision unchanged', async () => {
    at('2025-11-06');
    const judged = await step(id, 'record-judgment', {
      on: '2025-11-03',
      servedOn: '2025-11-05',
      kind: 'judgment',
      outcome: 'revoked',
      reference: '（2025）青0102行初101号行政判决书',
    });
    expect(judged).toMatchObject({
      status: 'judged',
      pending: true,
      judgment: { kind: 'judgment', outcome: 'revoked', scope: 'whole', redo: false, servedOn: '2025-11-05' },
      effect: [],
      effectiveOn: null,
    });
    // Served Wednesday 11-05: 15 d = Thursday 11-20.
    expect(clockOf(judged, 'appeal')).toMatchObject({ dueDate: '2025-11-20', state: 'running', days: 15 });
    const view = await getCase(c.id);
    expect(view.decisionStatus).toBe('in_force');
    expect(view.performance.status).toBe('frozen');
  });

  it('take-effect is refused until the period ended, then revokes the decision and ends the freeze', async () => {
    at('2025-11-20');
    await refused(c.id, () => act(id, 'take-effect', { on: '2025-11-20' }), 422, ['APPEAL_PERIOD_RUNNING']);
    at('2025-11-21');
    const effective = await step(id, 'take-effect', { on: '2025-11-21' });
    expect(effective).toMatchObject({ status: 'effective', pending: false, effectiveOn: '2025-11-21' });
    expect(clockOf(effective, 'appeal')).toMatchObject({ state: 'lapsed', overdue: false });
    expect(effective.effect).toEqual([
      expect.objectContaining({
        caseId: c.id,
        decisionNumber: c.decisionNumber,
        fromStatus: 'in_force',
        toStatus: 'revoked',
        penalties: [],
        reopened: false,
        sourceKind: 'litigation',
        sourceId: id,
        effectiveOn: '2025-11-21',
        // 3 WD after Friday 11-21: Wednesday 11-26.
        withdrawalDueOn: '2025-11-26',
      }),
    ]);
    const view = await getCase(c.id);
    expect(view.decisionStatus).toBe('revoked');
    expect(view.performance).toBeNull();
    const events = await timeline(c.id);
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['litigation-take-effect', 'unfreeze-surcharge', 'record-review-outcome']),
    );
    expect(actions.indexOf('unfreeze-surcharge')).toBeLessThan(actions.indexOf('record-review-outcome'));
    await refused(
      c.id,
      () => act(id, 'appeal', { on: '2025-11-21', by: 'plaintiff', court: 'x', courtCaseNumber: 'y' }),
      422,
      ['NOT_APPEALABLE'],
    );
  });
});

describe('an appeal within the period; the second instance revokes with an order to decide again', () => {
  let c: { id: string };
  let id: string;

  it('records the first-instance claim rejected, then the plaintiff’s appeal', async () => {
    c = await servedCase('第二案');
    at('2025-10-01');
    id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初102号' }))).id;
    suits.b = id;
    at('2025-11-10');
    await step(id, 'record-judgment', {
      on: '2025-10-30',
      servedOn: '2025-10-31',
      kind: 'judgment',
      outcome: 'claim_rejected',
      reference: '（2025）青0102行初102号行政判决书',
    });
    // Served Friday 10-31: 15 d = Saturday 11-15 → Monday 11-17.
    const appealed = await step(id, 'appeal', {
      on: '2025-11-10',
      by: 'plaintiff',
      court: '西宁市中级人民法院',
      courtCaseNumber: '（2025）青01行终7号',
    });
    expect(appealed).toMatchObject({
      status: 'pending',
      instance: 'second',
      court: '西宁市中级人民法院',
      courtCaseNumber: '（2025）青01行终7号',
      judgment: null,
      firstInstance: {
        court: '西宁市城东区人民法院',
        courtCaseNumber: '（2025）青0102行初102号',
        outcome: 'claim_rejected',
        appealedBy: 'plaintiff',
        appealedOn: '2025-11-10',
      },
    });
    expect(clockOf(appealed, 'appeal')).toMatchObject({ dueDate: '2025-11-17', state: 'completed' });
    expect((await getCase(c.id)).performance.status).toBe('frozen');
  });

  it('the second-instance judgment takes effect at once: the case reopens for a new decision', async () => {
    at('2025-12-10');
    await step(id, 'record-hearing', {
      on: '2025-12-01',
      attendees: [{ officerId: t.bureau.officers.bureau_head, name: '陈局长', role: 'head' }],
      headAppeared: true,
    });
    const final = await step(id, 'record-judgment', {
      on: '2025-12-08',
      servedOn: '2025-12-09',
      kind: 'judgment',
      outcome: 'revoked',
      redo: true,
      reference: '（2025）青01行终7号行政判决书',
    });
    expect(final).toMatchObject({ status: 'effective', effectiveOn: '2025-12-09', instance: 'second' });
    expect(final.effect).toEqual([expect.objectContaining({ toStatus: 'revoked', reopened: true })]);
    const view = await getCase(c.id);
    expect(view.stage).toBe('investigation');
    expect(view.decisionStatus).toBeNull();
    expect(view.performance).toBeNull();
    // The first instance's freeze (under its case number) ended before the case reopened.
    expect((await timeline(c.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['unfreeze-surcharge', 'record-review-outcome', 'litigation-appeal']),
    );
  });
});

describe('a variation: a late appeal refused, the fine recomputed once effective; a heavier one refused', () => {
  let c: { id: string };
  let id: string;

  it('refuses a heavier variation (VARIATION_HEAVIER), writing nothing', async () => {
    c = await servedCase('第三案');
    at('2025-10-01');
    id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初103号' }))).id;
    suits.c = id;
    at('2025-11-10');
    const body = await refused(
      c.id,
      () =>
        act(id, 'record-judgment', {
          on: '2025-11-03',
          servedOn: '2025-11-03',
          kind: 'judgment',
          outcome: 'varied',
          penalties: [{ type: 'warning' }, { type: 'fine', amount: 8000 }],
          reference: '（2025）青0102行初103号行政判决书',
        }),
      422,
      ['VARIATION_HEAVIER'],
    );
    expect((body.unmet as { rule: string }[])[0]?.rule).toContain('ALL art. 77(2)');
  });

  it('records a lighter variation; an appeal after the period is refused; take-effect recomputes the fine', async () => {
    const judged = await step(id, 'record-judgment', {
      on: '2025-11-03',
      servedOn: '2025-11-03',
      kind: 'judgment',
      outcome: 'varied',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 3000 }],
      reference: '（2025）青0102行初103号行政判决书',
    });
    // Served Monday 11-03: 15 d = Tuesday 11-18.
    expect(clockOf(judged, 'appeal')).toMatchObject({ dueDate: '2025-11-18' });
    at('2025-11-19');
    await refused(
      c.id,
      () =>
        act(id, 'appeal', {
          on: '2025-11-19',
          by: 'bureau',
          court: '西宁市中级人民法院',
          courtCaseNumber: 'x',
        }),
      422,
      ['APPEAL_PERIOD_ENDED'],
    );
    const effective = await step(id, 'take-effect', { on: '2025-11-19' });
    expect(effective.effect).toEqual([
      expect.objectContaining({
        toStatus: 'varied',
        penalties: [{ type: 'warning' }, { type: 'fine', amount: 3000 }],
      }),
    ]);
    const view = await getCase(c.id);
    expect(view.decisionStatus).toBe('varied');
    expect(view.performance.fine).toBe(3000);
    expect(view.performance.frozen.every((f: { to: string | null }) => f.to !== null)).toBe(true);
  });
});

describe('other outcomes', () => {
  it('confirmed illegal by a second instance keeps the decision in force but marked', async () => {
    const c = await servedCase('第四案');
    at('2025-10-01');
    const id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初104号' }))).id;
    suits.d = id;
    at('2025-11-10');
    await step(id, 'record-judgment', {
      on: '2025-10-20',
      servedOn: '2025-10-20',
      kind: 'judgment',
      outcome: 'claim_rejected',
      reference: '判决书 104',
    });
    await step(id, 'appeal', {
      on: '2025-10-25',
      by: 'plaintiff',
      court: '西宁市中级人民法院',
      courtCaseNumber: '（2025）青01行终8号',
    });
    const final = await step(id, 'record-judgment', {
      on: '2025-11-07',
      servedOn: '2025-11-07',
      kind: 'judgment',
      outcome: 'confirmed_illegal',
      reference: '判决书 终8',
    });
    expect(final.effect).toEqual([
      expect.objectContaining({ toStatus: 'confirmed_illegal', penalties: null }),
    ]);
    const view = await getCase(c.id);
    expect(view.decisionStatus).toBe('confirmed_illegal');
    expect(view.performance.fine).toBe(5000);
  });

  it('a withdrawal permitted (准许撤诉) takes effect at once and changes nothing', async () => {
    const c = await servedCase('第五案');
    at('2025-10-01');
    const id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初105号' }))).id;
    suits.e = id;
    at('2025-10-10');
    const done = await step(id, 'record-judgment', {
      on: '2025-10-09',
      servedOn: '2025-10-10',
      kind: 'ruling',
      outcome: 'withdrawn',
      reference: '（2025）青0102行初105号行政裁定书',
    });
    expect(done).toMatchObject({ status: 'effective', effectiveOn: '2025-10-10', effect: [] });
    expect(done.clocks.map((k: { name: string }) => k.name)).toEqual(['defence']);
    const view = await getCase(c.id);
    expect(view.decisionStatus).toBe('in_force');
    expect(view.performance.frozen).toEqual([
      expect.objectContaining({ from: '2025-09-15', to: '2025-10-10' }),
    ]);
  });

  it('a first-instance ruling dismissing the complaint waits for its 10-day appeal period', async () => {
    const c = await servedCase('第六案');
    at('2025-11-10');
    const id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初106号' }))).id;
    suits.f = id;
    const ruled = await step(id, 'record-judgment', {
      on: '2025-11-05',
      servedOn: '2025-11-05',
      kind: 'ruling',
      outcome: 'complaint_dismissed',
      reference: '裁定书 106',
    });
    // 10 d from Wednesday 11-05 = Saturday 11-15 → Monday 11-17.
    expect(ruled).toMatchObject({ status: 'judged' });
    expect(clockOf(ruled, 'appeal')).toMatchObject({ dueDate: '2025-11-17', days: 10 });
  });

  it('400s an outcome that does not fit its kind, and details that do not fit the outcome', async () => {
    const c = await servedCase('第七案');
    at('2025-11-10');
    const id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初107号' }))).id;
    suits.g = id;
    const base = { on: '2025-11-05', servedOn: '2025-11-05', reference: 'R' };
    const kind = await refused(
      c.id,
      () => act(id, 'record-judgment', { ...base, kind: 'ruling', outcome: 'revoked' }),
      400,
    );
    expect(kind.errors).toEqual([expect.objectContaining({ pointer: '/outcome' })]);
    const scope = await refused(
      c.id,
      () => act(id, 'record-judgment', { ...base, kind: 'judgment', outcome: 'claim_rejected', redo: true }),
      400,
    );
    expect(scope.errors).toEqual([expect.objectContaining({ pointer: '/redo' })]);
    const noPenalties = await refused(
      c.id,
      () => act(id, 'record-judgment', { ...base, kind: 'judgment', outcome: 'varied' }),
      400,
    );
    expect(noPenalties.errors).toEqual([expect.objectContaining({ pointer: '/penalties' })]);
    await refused(
      c.id,
      () => act(id, 'record-judgment', { ...base, kind: 'judgment', outcome: 'nonsense' }),
      400,
    );
  });
});

describe('an on-the-spot decision challenged (当场处罚)', () => {
  let spotId: string;
  let id: string;

  it('is varied by a mediation that takes effect at once; a redo is impossible (REDO_NOT_POSSIBLE)', async () => {
    at('2025-09-01');
    const spot = await (await as('officer')).post('/v1/on-the-spot-penalties').send({
      decidedAt: '2025-09-01T01:30:00Z',
      place: '西宁市城东区八一路12号',
      officerIds: [t.bureau.officers.officer, t.bureau.officers.unit_head],
      party: NATURAL_PERSON,
      facts: '当事人在经营场所销售超过保质期的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      powerItemId: itemId,
      penalties: [{ type: 'fine', amount: 200 }],
      payment: { method: 'later' },
    });
    expect(spot.status).toBe(201);
    spotId = spot.body.id;
    at('2025-10-01');
    const res = await sue({
      ...suitBody('', { courtCaseNumber: '（2025）青0102行初108号' }),
      decision: { onTheSpotPenaltyId: spotId },
      plaintiff: { kind: 'natural_person', name: '张三' },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    suits.h = id;
    expect(res.body).toMatchObject({
      decision: { kind: 'on_the_spot', caseId: null, onTheSpotPenaltyId: spotId },
      surchargeFrozen: false,
    });
    at('2025-10-30');
    const redo = await act(id, 'record-judgment', {
      on: '2025-10-28',
      servedOn: '2025-10-29',
      kind: 'judgment',
      outcome: 'revoked',
      redo: true,
      reference: 'R',
    });
    expect(redo.status).toBe(422);
    expect(redo.body.unmet.map((u: { code: string }) => u.code)).toEqual(['REDO_NOT_POSSIBLE']);
    const mediated = await step(id, 'record-judgment', {
      on: '2025-10-28',
      servedOn: '2025-10-29',
      kind: 'mediation',
      outcome: 'mediated',
      penalties: [{ type: 'fine', amount: 100 }],
      reference: '（2025）青0102行初108号行政调解书',
    });
    expect(mediated).toMatchObject({ status: 'effective', effectiveOn: '2025-10-29' });
    expect(mediated.effect).toEqual([
      expect.objectContaining({
        onTheSpotPenaltyId: spotId,
        toStatus: 'varied',
        penalties: [{ type: 'fine', amount: 100 }],
      }),
    ]);
    const [row] = await t.app.database.db
      .select()
      .from(onTheSpotPenalties)
      .where(eq(onTheSpotPenalties.id, spotId));
    expect(row?.decisionStatus).toBe('varied');
    expect(row?.penaltiesInForce).toEqual([{ type: 'fine', amount: 100 }]);
  });
});

describe('after a reconsideration (复议后起诉)', () => {
  let c: { id: string; decisionNumber: string };

  async function reconsideration(status: string, outcome: string | null, caseId = c.id) {
    const [row] = await t.app.database.db
      .insert(reconsiderations)
      .values({
        agencyId: t.agencyId,
        caseId,
        decisionNumber: c.decisionNumber,
        applicantKind: 'legal_person',
        applicantName: PLAINTIFF.name,
        reviewingBody: '西宁市城东区人民政府',
        reference: `东府复〔2025〕${Math.floor(Math.random() * 1000)}号`,
        procedure: 'ordinary',
        appliedOn: '2025-05-06',
        copyReceivedOn: '2025-05-08',
        claims: '撤销处罚决定',
        status,
        outcome,
        decidedOn: outcome ? '2025-07-01' : null,
        recordedBy: t.bureau.officers.officer,
      })
      .returning();
    return row?.id as string;
  }

  it('refuses a suit while a reconsideration of the decision is pending', async () => {
    c = await servedCase('第九案');
    at('2025-10-01');
    const pending = await reconsideration('accepted', null);
    await refused(c.id, () => sue(suitBody(c.id)), 422, ['ALREADY_UNDER_REVIEW']);
    await t.app.database.db
      .update(reconsiderations)
      .set({ status: 'withdrawn', outcome: 'withdrawn', decidedOn: '2025-07-01' })
      .where(eq(reconsiderations.id, pending));
  });

  it('makes the reviewing body co-defendant when it upheld the decision (ALL art. 26(2))', async () => {
    const other = await servedCase('第十案');
    const foreign = await reconsideration('decided', 'upheld', other.id);
    const wrong = await refused(c.id, () => sue(suitBody(c.id, { reconsiderationId: foreign })), 400);
    expect(wrong.errors).toEqual([expect.objectContaining({ pointer: '/reconsiderationId' })]);
    // After a reconsideration that changed the decision, the reviewing body alone is sued (ALL art. 26(2)).
    const varied = await reconsideration('decided', 'varied');
    await refused(c.id, () => sue(suitBody(c.id, { reconsiderationId: varied })), 422, [
      'REVIEWING_BODY_IS_DEFENDANT',
    ]);
    const upheld = await reconsideration('decided', 'upheld');
    const res = await sue(
      suitBody(c.id, { reconsiderationId: upheld, courtCaseNumber: '（2025）青0102行初109号' }),
    );
    expect(res.status).toBe(201);
    suits.i = res.body.id;
    expect(res.body).toMatchObject({ reconsiderationId: upheld, coDefendant: '西宁市城东区人民政府' });
  });

  it('counts a reconsideration that rejected the claims as upholding (SPC interpretation of the ALL, art. 22)', async () => {
    const d = await servedCase('第十案之二');
    at('2025-10-01');
    const rejected = await reconsideration('decided', 'claim_rejected', d.id);
    const res = await sue(
      suitBody(d.id, { reconsiderationId: rejected, courtCaseNumber: '（2025）青0102行初110号' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.coDefendant).toBe('西宁市城东区人民政府');
  });
});

describe('bad input writes nothing (400)', () => {
  let c: { id: string };
  beforeAll(async () => {
    c = await servedCase('第十一案');
    at('2025-10-01');
  });

  it.each([
    ['an unknown field', { colour: 'red' }, ''],
    [
      'a bad credit code',
      { plaintiff: { ...PLAINTIFF, creditCode: '91350100M000100Y44' } },
      '/plaintiff/creditCode',
    ],
    [
      'a bad resident id',
      { plaintiff: { kind: 'natural_person', name: '张三', residentId: '110105194912310021' } },
      '/plaintiff/residentId',
    ],
    ['a bad date', { filedOn: '2025-02-30' }, '/filedOn'],
    [
      'both decisions',
      {
        decision: {
          caseId: '0190f5a0-0000-7000-8000-000000000000',
          onTheSpotPenaltyId: '0190f5a0-0000-7000-8000-000000000000',
        },
      },
      '/decision',
    ],
  ])('%s', async (_name, overrides, pointer) => {
    const body = await refused(c.id, () => sue(suitBody(c.id, overrides)), 400);
    if (pointer) expect((body.errors as { pointer: string }[]).map((e) => e.pointer)).toContain(pointer);
  });

  it('an unknown field on a step', async () => {
    const id = (await sued(suitBody(c.id, { courtCaseNumber: '（2025）青0102行初111号' }))).id;
    suits.j = id;
    await refused(c.id, () => act(id, 'take-effect', { on: '2025-10-01', extra: 1 }), 400);
    await refused(c.id, () => act(id, 'file-defence', { on: '2025-10-01', reference: 'x', items: [] }), 400);
  });

  it('a date in the future (DATE_IN_FUTURE)', async () => {
    const other = await servedCase('第十二案');
    at('2025-10-01');
    await refused(
      other.id,
      () => sue(suitBody(other.id, { filedOn: '2025-10-02', complaintReceivedOn: '2025-10-02' })),
      422,
      ['DATE_IN_FUTURE', 'DATE_IN_FUTURE'],
    );
  });
});

describe('cross-agency isolation', () => {
  it('another bureau cannot see, act on, or sue on our records', async () => {
    at('2025-12-10');
    const id = suits.a as string;
    await (await as('officer', north)).get(`/v1/litigations/${id}`).expect(404);
    const list = await (await as('officer', north)).get('/v1/litigations').expect(200);
    expect(list.body.items).toEqual([]);
    const res = await act(
      id,
      'file-defence',
      { on: '2025-12-01', reference: 'x', items: [{ title: 'y', kind: 'other' }] },
      'officer',
      north,
    );
    expect(res.status).toBe(404);
    const caseId = (await (await as('officer')).get(`/v1/litigations/${id}`).expect(200)).body.decision
      .caseId;
    const foreign = await sue(suitBody(caseId), 'officer', north);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ pointer: '/decision/caseId' })]);
    const stats = await (await as('officer', north)).get('/v1/litigations/stats?year=2025').expect(200);
    expect(stats.body).toMatchObject({ filed: 0, hearings: 0 });
  });

  it('a role without litigations.write cannot register a suit', async () => {
    const res = await (await as('auditor')).post('/v1/litigations').send(suitBody(suits.a as string));
    expect(res.status).toBe(403);
  });
});

describe('the year’s figures (行政诉讼统计)', () => {
  const zero = {
    claim_rejected: 0,
    revoked: 0,
    varied: 0,
    ordered_to_perform: 0,
    confirmed_illegal: 0,
    confirmed_void: 0,
    complaint_dismissed: 0,
    withdrawn: 0,
    terminated: 0,
    mediated: 0,
  };

  it('counts the 2025 suits of this file: outcomes, correction rate, defences, hearings', async () => {
    at('2025-12-10');
    // One more 2025 hearing, with only the outside lawyer: held, but not attended by an officer of the bureau.
    await step(suits.g as string, 'record-hearing', {
      on: '2025-11-10',
      attendees: [{ name: '王律师', role: 'agent' }],
      headAppeared: false,
      headAbsenceReason: '委托律师出庭',
    });
    const res = await (await as('supervisor')).get('/v1/litigations/stats?year=2025').expect(200);
    // Effective: a revoked, b revoked (second instance), c varied, d confirmed illegal, e withdrawn, h mediated.
    expect(res.body).toEqual({
      year: 2025,
      filed: 11,
      pending: 5,
      decided: 6,
      byOutcome: { ...zero, revoked: 2, varied: 1, confirmed_illegal: 1, withdrawn: 1, mediated: 1 },
      corrected: 4,
      correctionRate: 0.6667,
      // Pending without a defence past 10-09 (f, g, i, j), and ended after it without one (b, c, d, e, h).
      defencesOverdue: 10,
      defencesLate: 1,
      // a: with head, without head (officers); b: with head (second instance); g: the lawyer alone.
      hearings: 4,
      hearingsAttended: 3,
      headAppearances: 2,
      hearingsWithoutHead: 2,
    });
    expect(Object.keys(suits)).toHaveLength(10);
  });

  it('a seeded 2024: two suits, three hearings, exactly 2 court hearings attended (组织参与庭审2次)', async () => {
    const spot = async (date: string) => {
      at(date);
      const res = await (await as('officer')).post('/v1/on-the-spot-penalties').send({
        decidedAt: `${date}T01:30:00Z`,
        place: '西宁市城东区八一路12号',
        officerIds: [t.bureau.officers.officer, t.bureau.officers.unit_head],
        party: NATURAL_PERSON,
        facts: '当事人在经营场所销售超过保质期的食品',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        powerItemId: itemId,
        penalties: [{ type: 'fine', amount: 200 }],
        payment: { method: 'later' },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const one = await spot('2024-03-04');
    const two = await spot('2024-03-05');
    at('2024-04-10');
    const suit = async (spotId: string, n: number) =>
      (
        await sued({
          ...suitBody('', {
            courtCaseNumber: `（2024）青0102行初${n}号`,
            filedOn: '2024-04-01',
            complaintReceivedOn: '2024-04-03',
          }),
          decision: { onTheSpotPenaltyId: spotId },
        })
      ).id as string;
    const s1 = await suit(one, 1);
    const s2 = await suit(two, 2);
    at('2024-06-20');
    await step(s1, 'file-defence', {
      on: '2024-04-15',
      reference: '答 1',
      items: [{ title: '当场处罚决定书', kind: 'evidence' }],
    });
    await step(s2, 'file-defence', {
      on: '2024-04-18',
      reference: '答 2',
      items: [{ title: '当场处罚决定书', kind: 'evidence' }],
    });
    await step(s1, 'record-hearing', {
      on: '2024-05-10',
      attendees: [
        { officerId: t.bureau.officers.bureau_head, name: '陈局长', role: 'head' },
        { officerId: t.bureau.officers.officer, name: '执法员', role: 'officer' },
      ],
      headAppeared: true,
    });
    await step(s1, 'record-hearing', {
      on: '2024-05-24',
      attendees: [{ officerId: t.bureau.officers.legal_reviewer, name: '法制员', role: 'officer' }],
      headAppeared: false,
      headAbsenceReason: '负责人参加全省会议',
    });
    await step(s2, 'record-hearing', {
      on: '2024-05-28',
      attendees: [{ name: '王律师', role: 'agent' }],
      headAppeared: false,
      headAbsenceReason: '委托律师出庭',
    });
    await step(s1, 'record-judgment', {
      on: '2024-06-03',
      servedOn: '2024-06-04',
      kind: 'judgment',
      outcome: 'claim_rejected',
      reference: '（2024）青0102行初1号行政判决书',
    });
    await step(s2, 'record-judgment', {
      on: '2024-06-05',
      servedOn: '2024-06-05',
      kind: 'ruling',
      outcome: 'withdrawn',
      reference: '（2024）青0102行初2号行政裁定书',
    });
    // Served Tuesday 06-04: 15 d = Wednesday 06-19, the period has ended by 06-20.
    await step(s1, 'take-effect', { on: '2024-06-20' });
    at('2025-12-10');
    const res = await (await as('auditor')).get('/v1/litigations/stats?year=2024').expect(200);
    expect(res.body).toEqual({
      year: 2024,
      filed: 2,
      pending: 0,
      decided: 2,
      byOutcome: { ...zero, claim_rejected: 1, withdrawn: 1 },
      corrected: 0,
      correctionRate: 0,
      defencesOverdue: 0,
      defencesLate: 0,
      hearings: 3,
      hearingsAttended: 2,
      headAppearances: 1,
      hearingsWithoutHead: 2,
    });
    const byYear = await (await as('officer')).get('/v1/litigations?year=2024').expect(200);
    expect(byYear.body.items.map((i: { id: string }) => i.id)).toEqual([s1, s2]);
    const none = await (await as('supervisor')).get('/v1/litigations/stats?year=2023').expect(200);
    expect(none.body).toMatchObject({
      filed: 0,
      decided: 0,
      correctionRate: null,
      hearings: 0,
      byOutcome: zero,
    });
  });
});

/**
 * Measures on property through the API: seal-up and seizure (查封、扣押, ACL arts. 18–19, 25, 28) and
 * advance preservation (先行登记保存, APL art. 56): prior and emergency approval with the 24-hour flag,
 * the 30 + 30-day clock and its single extension, release, the 7-working-day handling clock across
 * Labour Day 2025, the audio-video flag and the supervision filter, the measure clocks among the
 * case's clocks, and testing periods (检测、检验、检疫、鉴定) pausing the case's clocks. Every refusal is
 * a 422 with its condition code and writes nothing; another bureau sees nothing.
 */
import { and, eq, like } from 'drizzle-orm';
import { auditEvents } from '../../src/modules/audit/audit.table';
import { createTestApp, type TestApp, type TestBureau } from '../helpers/app';
import {
  act,
  addEvidence,
  caseState,
  DEFAULT_PENALTIES,
  fileCase,
  investigators,
  penaltyItem,
  registerLead,
  step,
} from '../helpers/cases';

/** Monday 30 June 2025, 12:00 in China. Tokens live 12 hours: the clock moves at most a few. */
const NOW = new Date('2025-06-30T04:00:00Z');
let now = NOW;
const hoursAfter = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);

let t: TestApp;
let other: TestBureau;
let itemId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  itemId = await penaltyItem(t);
});
afterAll(() => t.close());
afterEach(() => {
  now = NOW;
});

type Json = Record<string, unknown>;
const codes = (body: { unmet: { code: string }[] }) => body.unmet.map((u) => u.code);

/** A seizure approved by the bureau head an hour before it was taken, on 2025-06-20. */
function seizure(overrides: Json = {}): Json {
  return {
    kind: 'seizure',
    items: '涉嫌无证经营的熟食制品 35 千克、冷柜 1 台（清单附后）',
    startedAt: '2025-06-20T02:00:00Z',
    officerIds: investigators(t),
    avRecorded: true,
    approval: 'prior',
    approverId: t.bureau.officers.bureau_head,
    approvedAt: '2025-06-20T01:00:00Z',
    ...overrides,
  };
}

function take(caseId: string, body: Json, agent = t.as('officer')) {
  return agent.post(`/v1/cases/${caseId}/measures`).send(body);
}

async function taken(caseId: string, body: Json) {
  const res = await take(caseId, body);
  if (res.status !== 201) throw new Error(`take: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function measureStep(caseId: string, measureId: string, name: string, body: Json, agent = t.as('officer')) {
  return agent.post(`/v1/cases/${caseId}/measures/${measureId}/actions/${name}`).send(body);
}

/** The case, its timeline and its measures: what a refused step must leave alone. */
async function snapshot(caseId: string) {
  const measures = await t.as('officer').get(`/v1/cases/${caseId}/measures`).expect(200);
  return { ...(await caseState(t, caseId)), measures: measures.body };
}

function clockOf(c: { clocks: { name: string; subjectId?: string }[] }, name: string, subjectId?: string) {
  return c.clocks.find((k) => k.name === name && (subjectId === undefined || k.subjectId === subjectId));
}

describe('recording a seal-up or seizure', () => {
  it('records a prior-approved seizure with its 30-day clock, a location and an ETag', async () => {
    const filed = await fileCase(t, itemId);
    const res = await take(filed.id, seizure()).expect(201);
    expect(res.headers.location).toBe(`/v1/cases/${filed.id}/measures/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId: filed.id,
      kind: 'seizure',
      items: '涉嫌无证经营的熟食制品 35 千克、冷柜 1 台（清单附后）',
      startedAt: '2025-06-20T02:00:00.000Z',
      startedOn: '2025-06-20',
      officerIds: investigators(t),
      avRecorded: true,
      documentNumber: '东市监强制〔2025〕1号',
      approval: {
        mode: 'prior',
        result: 'approved',
        approverId: t.bureau.officers.bureau_head,
        decidedAt: '2025-06-20T01:00:00.000Z',
        opinion: null,
        dueBy: null,
      },
      extension: null,
      end: null,
      clock: {
        name: 'compulsory_measure',
        subjectId: res.body.id,
        rule: { code: 'SEIZURE_PERIOD', citation: 'ACL art. 25', description: expect.any(String) },
        start: '2025-06-20',
        days: 30,
        totalDays: 30,
        unit: 'calendar',
        dueDate: '2025-07-21', // 07-20 is a Sunday
        state: 'running',
        daysLeft: 21,
        overdue: false,
        provisional: false,
      },
      flags: [],
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const one = await t
      .as('auditor')
      .get(res.headers.location as string)
      .expect(200);
    expect(one.body).toEqual(res.body);
    expect(one.headers.etag).toBe('"1"');
    const list = await t.as('officer').get(`/v1/cases/${filed.id}/measures`).expect(200);
    expect(list.body).toEqual({ caseId: filed.id, items: [res.body] });
  });

  it('appends take-measure to the timeline, an audit event, and shows its clock among the case’s', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, seizure());
    const { case: c, timeline } = await caseState(t, filed.id);
    expect(c.version).toBe(filed.version + 1);
    expect(timeline.events.at(-1)).toMatchObject({
      action: 'take-measure',
      occurredOn: '2025-06-20',
      data: { measureId: m.id, kind: 'seizure', approval: 'prior', officerIds: investigators(t) },
    });
    const audit = await t.app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'case.measure_taken'), eq(auditEvents.entityId, filed.id)));
    expect(audit).toHaveLength(1);
    // The case's own clocks are unchanged; the measure's clock joins them with its subjectId.
    expect(c.clocks.map((k: { name: string }) => k.name)).toEqual([
      'filing_decision',
      'decision',
      'compulsory_measure',
    ]);
    expect(clockOf(c, 'decision')).not.toHaveProperty('subjectId');
    expect(clockOf(c, 'compulsory_measure')).toEqual(m.clock);
  });

  it('needs two officers certified on the day (422, nothing written)', async () => {
    const filed = await fileCase(t, itemId);
    const before = await snapshot(filed.id);
    const alone = await take(filed.id, seizure({ officerIds: [t.bureau.officers.officer] })).expect(422);
    expect(alone.body).toMatchObject({ code: 'CASE_RULE_VIOLATION', action: 'take-measure' });
    expect(codes(alone.body)).toEqual(['TOO_FEW_CERTIFIED_OFFICERS_ON_SITE']);
    // The auditor holds no enforcement certificate.
    const uncertified = await take(
      filed.id,
      seizure({ officerIds: [t.bureau.officers.officer, t.bureau.officers.auditor] }),
    ).expect(422);
    expect(codes(uncertified.body)).toEqual(['TOO_FEW_CERTIFIED_OFFICERS_ON_SITE']);
    expect(await snapshot(filed.id)).toEqual(before);
  });

  it('needs the bureau head’s approval before the act (422, nothing written)', async () => {
    const filed = await fileCase(t, itemId);
    const before = await snapshot(filed.id);
    const notHead = await take(filed.id, seizure({ approverId: t.bureau.officers.unit_head })).expect(422);
    expect(codes(notHead.body)).toEqual(['MEASURE_APPROVER_NOT_BUREAU_HEAD']);
    expect(notHead.body.unmet[0].rule).toContain('ACL art. 18');
    const after = await take(filed.id, seizure({ approvedAt: '2025-06-20T03:00:00Z' })).expect(422);
    expect(codes(after.body)).toEqual(['MEASURE_APPROVAL_AFTER_START']);
    expect(await snapshot(filed.id)).toEqual(before);
    // Approved at the very instant of the act is prior enough.
    await take(filed.id, seizure({ approvedAt: '2025-06-20T02:00:00Z' })).expect(201);
  });

  it('is taken only while the case is a lead or under investigation, and not in the future', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await take(
      lead.id,
      seizure({ startedAt: '2025-03-04T02:00:00Z', approvedAt: '2025-03-04T01:00:00Z' }),
    ).expect(201);

    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', {
      on: '2025-03-20',
      findings: '无证经营熟食',
      penalties: DEFAULT_PENALTIES,
    });
    const before = await snapshot(filed.id);
    const review = await take(filed.id, seizure()).expect(422);
    expect(codes(review.body)).toEqual(['NOT_UNDER_INVESTIGATION']);
    const future = await take(
      filed.id,
      seizure({ startedAt: '2025-06-30T05:00:00Z', approvedAt: '2025-06-30T03:00:00Z' }),
    ).expect(422);
    expect(codes(future.body)).toEqual(['NOT_UNDER_INVESTIGATION', 'DATE_IN_FUTURE']);
    const early = await take(
      lead.id,
      seizure({ startedAt: '2025-03-02T02:00:00Z', approvedAt: '2025-03-02T01:00:00Z' }),
    ).expect(422);
    expect(codes(early.body)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(await snapshot(filed.id)).toEqual(before);
  });
});

describe('the audio-video record (全过程音像记录) and the supervision list', () => {
  it('accepts a seal-up without one, flags it, and lets supervision filter and count the flag', async () => {
    const filed = await fileCase(t, itemId);
    const unrecorded = await taken(filed.id, seizure({ kind: 'seal_up', avRecorded: false }));
    expect(unrecorded.flags).toEqual(['NO_AUDIO_VIDEO_RECORD']);
    const recorded = await taken(filed.id, seizure());
    // Advance preservation has no audio-video duty in national law.
    const preserved = await taken(filed.id, seizure({ kind: 'advance_preservation', avRecorded: false }));
    expect(preserved.flags).toEqual([]);

    const list = await t.as('supervisor').get(`/v1/cases/${filed.id}/measures`).expect(200);
    expect(list.body.items.map((m: { id: string; flags: string[] }) => [m.id, m.flags])).toEqual([
      [unrecorded.id, ['NO_AUDIO_VIDEO_RECORD']],
      [recorded.id, []],
      [preserved.id, []],
    ]);

    const flagged = await t.as('supervisor').get('/v1/cases/measures?flag=NO_AUDIO_VIDEO_RECORD').expect(200);
    expect(flagged.body.items.map((m: { id: string }) => m.id)).toContain(unrecorded.id);
    expect(
      flagged.body.items.every((m: { flags: string[] }) => m.flags.includes('NO_AUDIO_VIDEO_RECORD')),
    ).toBe(true);
    expect(flagged.body.total).toBe(flagged.body.items.length);
    const ids = flagged.body.items.map((m: { id: string }) => m.id);
    expect(ids).not.toContain(recorded.id);
    expect(ids).not.toContain(preserved.id);
  });

  it('pages the agency-wide list with a cursor and filters by kind and open', async () => {
    const filed = await fileCase(t, itemId);
    const a = await taken(filed.id, seizure({ kind: 'seal_up', avRecorded: false }));
    const b = await taken(filed.id, seizure({ kind: 'seal_up', avRecorded: false }));
    const all = await t
      .as('officer')
      .get('/v1/cases/measures?flag=NO_AUDIO_VIDEO_RECORD&kind=seal_up')
      .expect(200);
    const first = await t
      .as('officer')
      .get('/v1/cases/measures?flag=NO_AUDIO_VIDEO_RECORD&kind=seal_up&limit=1')
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBe(all.body.total);
    const second = await t
      .as('officer')
      .get(
        `/v1/cases/measures?flag=NO_AUDIO_VIDEO_RECORD&kind=seal_up&limit=1&cursor=${first.body.nextCursor}`,
      )
      .expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    await measureStep(filed.id, a.id, 'release', { on: '2025-06-25', reason: 'unrelated' }).expect(200);
    const open = await t.as('officer').get('/v1/cases/measures?kind=seal_up&open=true').expect(200);
    const closed = await t.as('officer').get('/v1/cases/measures?kind=seal_up&open=false').expect(200);
    expect(open.body.items.map((m: { id: string }) => m.id)).toContain(b.id);
    expect(open.body.items.map((m: { id: string }) => m.id)).not.toContain(a.id);
    expect(closed.body.items.map((m: { id: string }) => m.id)).toContain(a.id);
    await t.as('officer').get('/v1/cases/measures?flag=NOT_A_FLAG').expect(400);
    await t.as('officer').get('/v1/cases/measures?cursor=bogus').expect(400);
  });
});

describe('an emergency measure: approval within 24 hours (ACL art. 19)', () => {
  /** An emergency seizure taken 20 hours before NOW, without approval yet. */
  function emergency(overrides: Json = {}) {
    return seizure({
      approval: 'emergency',
      approverId: undefined,
      approvedAt: undefined,
      startedAt: hoursAfter(NOW, -20).toISOString(),
      ...overrides,
    });
  }

  it('is unflagged while the 24 hours run and flagged once they passed without approval', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, emergency());
    expect(m.approval).toMatchObject({
      mode: 'emergency',
      result: null,
      dueBy: hoursAfter(NOW, 4).toISOString(),
    });
    expect(m.flags).toEqual([]);
    const inTime = await t
      .as('officer')
      .get('/v1/cases/measures?flag=EMERGENCY_APPROVAL_OVERDUE')
      .expect(200);
    expect(inTime.body.items.map((x: { id: string }) => x.id)).not.toContain(m.id);

    now = hoursAfter(NOW, 5);
    const later = await t.as('officer').get(`/v1/cases/${filed.id}/measures/${m.id}`).expect(200);
    expect(later.body.flags).toEqual(['EMERGENCY_APPROVAL_OVERDUE']);
    const overdue = await t
      .as('officer')
      .get('/v1/cases/measures?flag=EMERGENCY_APPROVAL_OVERDUE')
      .expect(200);
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(m.id);

    // A late approval is recorded, and the record stays flagged.
    const approved = await measureStep(filed.id, m.id, 'approve', {
      approverId: t.bureau.officers.bureau_head,
      decidedAt: hoursAfter(NOW, 5).toISOString(),
      result: 'approved',
    }).expect(200);
    expect(approved.body.approval).toMatchObject({
      result: 'approved',
      approverId: t.bureau.officers.bureau_head,
    });
    expect(approved.body.flags).toEqual(['EMERGENCY_APPROVAL_OVERDUE']);
  });

  it('carries no flag when approved in time; the approval is recorded once, by the head', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, emergency());
    const before = await snapshot(filed.id);
    const notHead = await measureStep(filed.id, m.id, 'approve', {
      approverId: t.bureau.officers.unit_head,
      decidedAt: hoursAfter(NOW, -1).toISOString(),
      result: 'approved',
    }).expect(422);
    expect(codes(notHead.body)).toEqual(['MEASURE_APPROVER_NOT_BUREAU_HEAD']);
    const beforeAct = await measureStep(filed.id, m.id, 'approve', {
      approverId: t.bureau.officers.bureau_head,
      decidedAt: hoursAfter(NOW, -21).toISOString(),
      result: 'approved',
    }).expect(422);
    expect(codes(beforeAct.body)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    expect(await snapshot(filed.id)).toEqual(before);

    const ok = await measureStep(filed.id, m.id, 'approve', {
      approverId: t.bureau.officers.bureau_head,
      decidedAt: hoursAfter(NOW, -1).toISOString(),
      result: 'approved',
      opinion: '同意扣押',
    }).expect(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.body).toMatchObject({
      version: 2,
      flags: [],
      approval: { result: 'approved', opinion: '同意扣押' },
    });
    now = hoursAfter(NOW, 10);
    expect(
      (await t.as('officer').get(`/v1/cases/${filed.id}/measures/${m.id}`).expect(200)).body.flags,
    ).toEqual([]);
    const again = await measureStep(filed.id, m.id, 'approve', {
      approverId: t.bureau.officers.bureau_head,
      decidedAt: hoursAfter(NOW, -1).toISOString(),
      result: 'approved',
    }).expect(422);
    expect(codes(again.body)).toEqual(['MEASURE_APPROVAL_RECORDED']);
    const { timeline } = await caseState(t, filed.id);
    expect(timeline.events.at(-1)).toMatchObject({ action: 'approve-measure', data: { measureId: m.id } });
  });

  it('must be released when the head refuses: flagged until it is', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, emergency());
    const refused = await measureStep(filed.id, m.id, 'approve', {
      approverId: t.bureau.officers.bureau_head,
      decidedAt: hoursAfter(NOW, -2).toISOString(),
      result: 'refused',
    }).expect(200);
    expect(refused.body.flags).toEqual(['APPROVAL_REFUSED_NOT_RELEASED']);
    const listed = await t
      .as('supervisor')
      .get('/v1/cases/measures?flag=APPROVAL_REFUSED_NOT_RELEASED')
      .expect(200);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(m.id);
    // A refused measure cannot be extended.
    const extend = await measureStep(filed.id, m.id, 'extend', {
      on: '2025-06-30',
      approverId: t.bureau.officers.bureau_head,
      days: 10,
      reason: '情况复杂',
    }).expect(422);
    expect(codes(extend.body)).toEqual(['MEASURE_NOT_APPROVED']);
    const released = await measureStep(filed.id, m.id, 'release', {
      on: '2025-06-30',
      reason: 'approval_refused',
      note: '已当场退还当事人',
    }).expect(200);
    expect(released.body).toMatchObject({
      flags: [],
      end: { on: '2025-06-30', outcome: 'released', reason: 'approval_refused', note: '已当场退还当事人' },
      clock: { state: 'completed' },
    });
  });
});

describe('the 30-day period and its one extension (ACL art. 25)', () => {
  /** A seizure of 2025-05-20: its 30 days ended on Thursday 2025-06-19. */
  const may20 = () => seizure({ startedAt: '2025-05-20T02:00:00Z', approvedAt: '2025-05-20T01:00:00Z' });
  const extension = (overrides: Json = {}) => ({
    on: '2025-06-19',
    approverId: t.bureau.officers.bureau_head,
    days: 30,
    reason: '涉案物品需进一步核查来源，情况复杂',
    ...overrides,
  });

  it('is overdue in force after 30 days; an extension after that day is refused (nothing written)', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, may20());
    expect(m.clock).toMatchObject({ dueDate: '2025-06-19', state: 'overdue', daysLeft: -11, overdue: true });
    const before = await snapshot(filed.id);
    const late = await measureStep(filed.id, m.id, 'extend', extension({ on: '2025-06-20' })).expect(422);
    expect(codes(late.body)).toEqual(['MEASURE_EXTENSION_NOT_ALLOWED']);
    expect(late.body.unmet[0]).toMatchObject({
      rule: 'ACL art. 25',
      detail: 'the period ended on 2025-06-19',
    });
    expect(await snapshot(filed.id)).toEqual(before);
  });

  it('extends once by up to 30 days on the last day; a second extension is refused', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, may20());
    const tooLong = await measureStep(filed.id, m.id, 'extend', extension({ days: 31 })).expect(422);
    expect(codes(tooLong.body)).toEqual(['MEASURE_EXTENSION_NOT_ALLOWED']);
    const notHead = await measureStep(
      filed.id,
      m.id,
      'extend',
      extension({ approverId: t.bureau.officers.unit_head }),
    ).expect(422);
    expect(codes(notHead.body)).toEqual(['MEASURE_APPROVER_NOT_BUREAU_HEAD']);

    const extended = await measureStep(filed.id, m.id, 'extend', extension()).expect(200);
    expect(extended.body).toMatchObject({
      extension: { days: 30, approverId: t.bureau.officers.bureau_head, approvedOn: '2025-06-19' },
      // 05-20 + 60 d = 07-19, a Saturday: the period ends on Monday 07-21.
      clock: { days: 30, totalDays: 60, dueDate: '2025-07-21', state: 'running', daysLeft: 21 },
    });
    const c = (await t.as('officer').get(`/v1/cases/${filed.id}`).expect(200)).body;
    expect(clockOf(c, 'compulsory_measure', m.id)).toMatchObject({ totalDays: 60, dueDate: '2025-07-21' });

    const before = await snapshot(filed.id);
    const second = await measureStep(
      filed.id,
      m.id,
      'extend',
      extension({ on: '2025-06-30', days: 5 }),
    ).expect(422);
    expect(codes(second.body)).toEqual(['MEASURE_EXTENSION_NOT_ALLOWED']);
    expect(second.body.unmet[0].detail).toContain('once');
    expect(await snapshot(filed.id)).toEqual(before);
    const { timeline } = await caseState(t, filed.id);
    expect(timeline.events.filter((e: { action: string }) => e.action === 'extend-measure')).toHaveLength(1);
  });

  it('is released with its date and reason (ACL art. 28); its clock leaves the case’s clocks', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, seizure());
    const released = await measureStep(filed.id, m.id, 'release', {
      on: '2025-06-27',
      reason: 'no_violation',
    }).expect(200);
    expect(released.body).toMatchObject({
      end: { on: '2025-06-27', outcome: 'released', reason: 'no_violation', note: null },
      clock: { state: 'completed', daysLeft: null },
    });
    const c = (await t.as('officer').get(`/v1/cases/${filed.id}`).expect(200)).body;
    expect(clockOf(c, 'compulsory_measure')).toBeUndefined();
    const before = await snapshot(filed.id);
    const again = await measureStep(filed.id, m.id, 'release', { on: '2025-06-28', reason: 'other' }).expect(
      422,
    );
    expect(codes(again.body)).toEqual(['MEASURE_ENDED']);
    const handle = await measureStep(filed.id, m.id, 'handle', {
      on: '2025-06-28',
      decision: 'release',
    }).expect(422);
    expect(codes(handle.body)).toEqual(['WRONG_MEASURE_KIND']);
    expect(await snapshot(filed.id)).toEqual(before);
  });

  it('may be released after the investigation ended', async () => {
    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    const m = await taken(
      filed.id,
      seizure({ startedAt: '2025-03-12T02:00:00Z', approvedAt: '2025-03-12T01:00:00Z' }),
    );
    await step(t, filed.id, 'conclude-investigation', {
      on: '2025-03-20',
      findings: '无证经营熟食',
      penalties: DEFAULT_PENALTIES,
    });
    await measureStep(filed.id, m.id, 'release', { on: '2025-03-21', reason: 'handled' }).expect(200);
  });

  it('answers 412 to a stale If-Match, 404 to an unknown measure', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, seizure());
    await t
      .as('officer')
      .post(`/v1/cases/${filed.id}/measures/${m.id}/actions/release`)
      .set('if-match', '"7"')
      .send({ on: '2025-06-27', reason: 'no_violation' })
      .expect(412);
    await t
      .as('officer')
      .post(`/v1/cases/${filed.id}/measures/${m.id}/actions/release`)
      .set('if-match', '"1"')
      .send({ on: '2025-06-27', reason: 'no_violation' })
      .expect(200);
    await measureStep(filed.id, itemId, 'release', { on: '2025-06-27', reason: 'other' }).expect(404);
  });
});

describe('advance preservation (先行登记保存): the handling decision within 7 working days', () => {
  /** Preserved on Monday 2025-04-28: 7 WD skip Labour Day (05-01…05-05) and the weekend, so due 05-12. */
  const preservation = (overrides: Json = {}) =>
    seizure({
      kind: 'advance_preservation',
      items: '散装熟食 12 盒（先行登记保存清单）',
      startedAt: '2025-04-28T02:00:00Z',
      approvedAt: '2025-04-28T01:00:00Z',
      ...overrides,
    });

  it('counts 7 working days across the Labour Day holiday; the clock shows on the case while open', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, preservation());
    expect(m.clock).toMatchObject({
      name: 'advance_preservation',
      subjectId: m.id,
      rule: { code: 'ADVANCE_PRESERVATION', citation: 'APL art. 56' },
      start: '2025-04-28',
      days: 7,
      unit: 'working',
      dueDate: '2025-05-12',
      state: 'overdue',
    });
    const c = (await t.as('officer').get(`/v1/cases/${filed.id}`).expect(200)).body;
    expect(clockOf(c, 'advance_preservation', m.id)).toEqual(m.clock);

    const handled = await measureStep(filed.id, m.id, 'handle', {
      on: '2025-05-12',
      decision: 'seal_up_or_seize',
      note: '依法决定扣押',
    }).expect(200);
    expect(handled.body).toMatchObject({
      end: { on: '2025-05-12', outcome: 'seal_up_or_seize', reason: null, note: '依法决定扣押' },
      clock: { state: 'completed', dueDate: '2025-05-12' },
    });
    const after = (await t.as('officer').get(`/v1/cases/${filed.id}`).expect(200)).body;
    expect(clockOf(after, 'advance_preservation')).toBeUndefined();
    const { timeline } = await caseState(t, filed.id);
    expect(timeline.events.at(-1)).toMatchObject({
      action: 'handle-measure',
      occurredOn: '2025-05-12',
      data: { measureId: m.id, decision: 'seal_up_or_seize' },
    });
  });

  it('records a late decision as completed late; preservation is neither extended nor released', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, preservation());
    const before = await snapshot(filed.id);
    const extend = await measureStep(filed.id, m.id, 'extend', {
      on: '2025-05-06',
      approverId: t.bureau.officers.bureau_head,
      days: 5,
      reason: '需要',
    }).expect(422);
    expect(codes(extend.body)).toEqual(['WRONG_MEASURE_KIND']);
    const release = await measureStep(filed.id, m.id, 'release', {
      on: '2025-05-06',
      reason: 'other',
    }).expect(422);
    expect(codes(release.body)).toEqual(['WRONG_MEASURE_KIND']);
    expect(await snapshot(filed.id)).toEqual(before);
    const late = await measureStep(filed.id, m.id, 'handle', {
      on: '2025-05-13',
      decision: 'release',
    }).expect(200);
    expect(late.body.clock).toMatchObject({ state: 'completed_late', overdue: true });
  });

  it('needs the bureau head’s approval', async () => {
    const filed = await fileCase(t, itemId);
    const res = await take(filed.id, preservation({ approverId: t.bureau.officers.legal_reviewer })).expect(
      422,
    );
    expect(codes(res.body)).toEqual(['MEASURE_APPROVER_NOT_BUREAU_HEAD']);
  });
});

describe('bad input (400, nothing written)', () => {
  let caseId: string;
  let measureId: string;
  beforeAll(async () => {
    caseId = (await fileCase(t, itemId)).id;
    measureId = (await taken(caseId, seizure())).id;
  });

  async function bad(send: () => PromiseLike<{ status: number; body: Json }>, pointer: string) {
    const before = await snapshot(caseId);
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'body', pointer })]),
    );
    expect(await snapshot(caseId)).toEqual(before);
  }

  it('rejects unknown fields, in the record and in each step', async () => {
    await bad(() => take(caseId, { ...seizure(), place: '仓库' }), '/place');
    await bad(
      () => measureStep(caseId, measureId, 'release', { on: '2025-06-27', reason: 'other', x: 1 }),
      '/x',
    );
    await bad(
      () =>
        measureStep(caseId, measureId, 'extend', {
          on: '2025-06-27',
          approverId: t.bureau.officers.bureau_head,
          days: 10,
          reason: 'r',
          ok: true,
        }),
      '/ok',
    );
  });

  it('needs the approver and time of a prior approval, together', async () => {
    await bad(() => take(caseId, seizure({ approverId: undefined, approvedAt: undefined })), '/approverId');
    await bad(() => take(caseId, seizure({ approvedAt: undefined })), '/approvedAt');
    await bad(
      () =>
        take(
          caseId,
          seizure({ approval: 'emergency', approverId: undefined, approvedAt: '2025-06-20T03:00:00Z' }),
        ),
      '/approverId',
    );
  });

  it('rejects unknown kinds, reasons and decisions, bad instants, and officers of another agency', async () => {
    await bad(() => take(caseId, seizure({ kind: 'detention' })), '/kind');
    await bad(() => take(caseId, seizure({ startedAt: '2025-06-20' })), '/startedAt');
    await bad(() => take(caseId, seizure({ avRecorded: undefined })), '/avRecorded');
    await bad(
      () => take(caseId, seizure({ officerIds: [t.bureau.officers.officer, other.officers.officer] })),
      '/officerIds/1',
    );
    await bad(() => take(caseId, seizure({ approverId: other.officers.bureau_head })), '/approverId');
    await bad(
      () => measureStep(caseId, measureId, 'release', { on: '2025-06-27', reason: 'bored' }),
      '/reason',
    );
    await bad(
      () =>
        measureStep(caseId, measureId, 'approve', {
          approverId: t.bureau.officers.bureau_head,
          decidedAt: '2025-06-20T05:00:00Z',
          result: 'maybe',
        }),
      '/result',
    );
  });
});

describe('agency isolation', () => {
  it('answers 404 to another bureau’s officers and lists nothing of ours to them', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, seizure({ kind: 'seal_up', avRecorded: false }));
    const before = await snapshot(filed.id);
    const stranger = other.as('officer');
    const theirs = seizure({
      officerIds: [other.officers.officer, other.officers.unit_head],
      approverId: other.officers.bureau_head,
    });
    await take(filed.id, theirs, stranger).expect(404);
    await stranger.get(`/v1/cases/${filed.id}/measures`).expect(404);
    await stranger.get(`/v1/cases/${filed.id}/measures/${m.id}`).expect(404);
    await measureStep(filed.id, m.id, 'release', { on: '2025-06-27', reason: 'other' }, stranger).expect(404);
    const list = await other
      .as('supervisor')
      .get('/v1/cases/measures?flag=NO_AUDIO_VIDEO_RECORD')
      .expect(200);
    expect(list.body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(await snapshot(filed.id)).toEqual(before);
  });
});

describe('testing periods (检测、检验、检疫、鉴定): not counted in the filing and decision clocks', () => {
  const startTesting = (on: string) => ({
    on,
    kind: 'appraisal',
    subject: '熟食样品 3 份',
    institution: '青海省食品检验检测院',
  });

  it('pauses the 15-WD filing clock of a lead, which resumes the day after the result', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    const before = clockOf(lead, 'filing_decision');
    expect(before).toMatchObject({ dueDate: '2025-03-24', state: 'overdue' });
    const testing = await step(t, lead.id, 'start-testing', startTesting('2025-03-05'));
    expect(clockOf(testing, 'filing_decision')).toMatchObject({
      state: 'paused',
      dueDate: null,
      daysLeft: 14,
    });
    const ended = await step(t, lead.id, 'end-testing', { on: '2025-03-12', resultSummary: '菌落总数超标' });
    // 03-05…03-12 hold six working days, not counted: due six working days later.
    expect(clockOf(ended, 'filing_decision')).toMatchObject({ dueDate: '2025-04-01', state: 'overdue' });
    const { timeline } = await caseState(t, lead.id);
    expect(timeline.events.slice(-2)).toMatchObject([
      {
        action: 'start-testing',
        occurredOn: '2025-03-05',
        data: { kind: 'appraisal', subject: '熟食样品 3 份', institution: '青海省食品检验检测院' },
      },
      { action: 'end-testing', occurredOn: '2025-03-12', data: { resultSummary: '菌落总数超标' } },
    ]);
  });

  it('pauses both clocks and a seizure’s period while open, and lengthens the decision clock by its days', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await step(t, lead.id, 'assign-officers', { on: lead.receivedOn, officerIds: investigators(t) });
    await step(t, lead.id, 'start-testing', startTesting('2025-03-05'));
    const filed = await step(t, lead.id, 'file', {
      on: '2025-03-10',
      approverId: t.bureau.officers.bureau_head,
      limitationBasis: 'two_years',
    });
    expect(clockOf(filed, 'filing_decision')).toMatchObject({ state: 'completed' });
    expect(clockOf(filed, 'decision')).toMatchObject({ state: 'paused', dueDate: null, daysLeft: 90 });
    const m = await taken(
      lead.id,
      seizure({ startedAt: '2025-03-11T02:00:00Z', approvedAt: '2025-03-11T01:00:00Z' }),
    );
    expect(m.clock).toMatchObject({ state: 'paused', dueDate: null, daysLeft: 30 });

    const ended = await step(t, lead.id, 'end-testing', {
      on: '2025-03-20',
      resultSummary: '检出违禁添加物',
    });
    // 90 d from 03-10 would end on 06-09; 03-11…03-20 are not counted: 06-18.
    expect(clockOf(ended, 'decision')).toMatchObject({ dueDate: '2025-06-18', state: 'overdue' });
    // The seizure of 03-11 counts from 03-21: 30 d end on 04-19, a Saturday, so Monday 04-21.
    expect(clockOf(ended, 'compulsory_measure', m.id)).toMatchObject({ dueDate: '2025-04-21' });
  });

  it('refuses a second testing period, ending none, ending before it began, and testing in a final stage', async () => {
    const filed = await fileCase(t, itemId);
    const none = await act(t, filed.id, 'end-testing', { on: '2025-03-12', resultSummary: '合格' }).expect(
      422,
    );
    expect(codes(none.body)).toEqual(['NOT_TESTING']);
    await step(t, filed.id, 'start-testing', startTesting('2025-03-12'));
    const before = await caseState(t, filed.id);
    const twice = await act(t, filed.id, 'start-testing', startTesting('2025-03-13')).expect(422);
    expect(codes(twice.body)).toEqual(['TESTING_IN_PROGRESS']);
    const early = await act(t, filed.id, 'end-testing', { on: '2025-03-11', resultSummary: '合格' }).expect(
      422,
    );
    expect(codes(early.body)).toEqual(['DATE_BEFORE_PREVIOUS_STEP']);
    const unknown = await act(t, filed.id, 'end-testing', { on: '2025-03-13', result: '合格' }).expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(await caseState(t, filed.id)).toEqual(before);
    const actions = await t.as('officer').get(`/v1/cases/${filed.id}/actions`).expect(200);
    const possible = (name: string) =>
      actions.body.actions.find((a: { action: string }) => a.action === name).possible;
    expect([possible('start-testing'), possible('end-testing')]).toEqual([false, true]);

    const declined = await registerLead(t, { powerItemId: itemId });
    await step(t, declined.id, 'decline-filing', {
      on: '2025-03-05',
      approverId: t.bureau.officers.bureau_head,
      reason: 'no_violation',
      detail: '经核查，违法事实不能成立',
    });
    const final = await act(t, declined.id, 'start-testing', startTesting('2025-03-06')).expect(422);
    expect(codes(final.body)).toEqual(['WRONG_STAGE']);
  });
});

describe('the audit trail', () => {
  it('records every step on a measure', async () => {
    const filed = await fileCase(t, itemId);
    const m = await taken(filed.id, seizure());
    await measureStep(filed.id, m.id, 'extend', {
      on: '2025-06-30',
      approverId: t.bureau.officers.bureau_head,
      days: 15,
      reason: '情况复杂',
    }).expect(200);
    await measureStep(filed.id, m.id, 'release', { on: '2025-06-30', reason: 'handled' }).expect(200);
    const events = await t.app.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(like(auditEvents.action, 'case.measure_%'), eq(auditEvents.entityId, filed.id)));
    expect(events.map((e) => e.action).sort()).toEqual([
      'case.measure_extend',
      'case.measure_release',
      'case.measure_taken',
    ]);
  });
});

/**
 * The evidence register (证据登记, APL art. 46): registering and listing evidence, the investigative-act
 * rules (two certified officers, APL art. 42; only a lead or a case under investigation; the date),
 * the digest pair, the NO_EVIDENCE guard of the investigation-end report, the timeline and audit
 * events, idempotent retries, and agency isolation.
 */
import { and, eq } from 'drizzle-orm';
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

/** Monday 30 June 2025, 12:00 in China. */
const NOW = new Date('2025-06-30T04:00:00Z');

let t: TestApp;
let other: TestBureau;
let itemId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  other = await t.seedBureau({ name: '城北区市场监督管理局', code: '北', regionCode: '630105' });
  itemId = await penaltyItem(t);
});
afterAll(() => t.close());

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SM3 = '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b';

function evidenceBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'documentary',
    description: '营业执照复印件及进货台账',
    collectedOn: '2025-03-12',
    collectedBy: investigators(t),
    fileRef: 'evidence/2025/0002.pdf',
    contentHash: SHA256,
    hashAlgorithm: 'sha256',
    avRecorded: false,
    ...overrides,
  };
}

function register(caseId: string, body: Record<string, unknown>, agent = t.as('officer')) {
  return agent.post(`/v1/cases/${caseId}/evidence`).send(body);
}

/** The case, its timeline and its evidence register: what a refused registration must leave alone. */
async function snapshot(caseId: string) {
  const evidence = await t.as('officer').get(`/v1/cases/${caseId}/evidence`).expect(200);
  return { ...(await caseState(t, caseId)), evidence: evidence.body };
}

describe('registering evidence', () => {
  it('registers a piece of evidence with every field, a location, and lists it', async () => {
    const filed = await fileCase(t, itemId);
    const res = await register(filed.id, evidenceBody()).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId: filed.id,
      kind: 'documentary',
      description: '营业执照复印件及进货台账',
      collectedOn: '2025-03-12',
      collectedBy: investigators(t),
      fileRef: 'evidence/2025/0002.pdf',
      contentHash: SHA256,
      hashAlgorithm: 'sha256',
      avRecorded: false,
      createdAt: NOW.toISOString(),
    });
    expect(res.headers.location).toBe(`/v1/cases/${filed.id}/evidence/${res.body.id}`);
    const one = await t
      .as('auditor')
      .get(res.headers.location as string)
      .expect(200);
    expect(one.body).toEqual(res.body);
    const list = await t.as('officer').get(`/v1/cases/${filed.id}/evidence`).expect(200);
    expect(list.body).toEqual({ caseId: filed.id, items: [res.body] });
  });

  it('accepts every legal kind, SM3 digests and evidence without a file', async () => {
    const filed = await fileCase(t, itemId);
    const kinds = [
      'documentary',
      'physical',
      'audio_visual',
      'electronic_data',
      'witness_testimony',
      'party_statement',
      'expert_opinion',
      'inspection_record',
    ];
    for (const kind of kinds) await register(filed.id, evidenceBody({ kind })).expect(201);
    const sm3 = await register(filed.id, evidenceBody({ contentHash: SM3, hashAlgorithm: 'sm3' })).expect(
      201,
    );
    expect(sm3.body).toMatchObject({ contentHash: SM3, hashAlgorithm: 'sm3' });
    const bare = await register(
      filed.id,
      evidenceBody({
        fileRef: undefined,
        contentHash: undefined,
        hashAlgorithm: undefined,
        kind: 'physical',
      }),
    ).expect(201);
    expect(bare.body).toMatchObject({ fileRef: null, contentHash: null, hashAlgorithm: null });
    const c = await t.as('officer').get(`/v1/cases/${filed.id}`).expect(200);
    expect(c.body.evidenceCount).toBe(kinds.length + 2);
  });

  it('lists the register oldest first, by the date collected', async () => {
    const filed = await fileCase(t, itemId);
    const late = await register(filed.id, evidenceBody({ collectedOn: '2025-03-20' })).expect(201);
    const early = await register(filed.id, evidenceBody({ collectedOn: '2025-03-11' })).expect(201);
    const same = await register(
      filed.id,
      evidenceBody({ collectedOn: '2025-03-20', kind: 'physical' }),
    ).expect(201);
    const list = await t.as('officer').get(`/v1/cases/${filed.id}/evidence`).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([
      early.body.id,
      late.body.id,
      same.body.id,
    ]);
  });

  it('appends register-evidence to the timeline and an audit event, and bumps the case version', async () => {
    const filed = await fileCase(t, itemId);
    const res = await register(filed.id, evidenceBody()).expect(201);
    const { case: c, timeline } = await caseState(t, filed.id);
    expect(c.version).toBe(filed.version + 1);
    expect(c.evidenceCount).toBe(1);
    const event = timeline.events.at(-1);
    expect(event).toMatchObject({
      action: 'register-evidence',
      occurredOn: '2025-03-12',
      actorType: 'officer',
      actorId: t.bureau.officers.officer,
      data: {
        evidenceId: res.body.id,
        kind: 'documentary',
        collectedBy: investigators(t),
        contentHash: SHA256,
      },
    });
    const audit = await t.app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'case.evidence_registered'), eq(auditEvents.entityId, filed.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({ evidence: { before: null, after: { id: res.body.id } } });
  });

  it('may be registered on a lead, before filing', async () => {
    const lead = await registerLead(t, { powerItemId: itemId });
    await register(lead.id, evidenceBody({ collectedOn: '2025-03-04' })).expect(201);
  });

  it('replays a retried registration with the same Idempotency-Key and writes it once', async () => {
    const filed = await fileCase(t, itemId);
    const first = await t
      .as('officer')
      .post(`/v1/cases/${filed.id}/evidence`)
      .set('idempotency-key', `evidence-${filed.id}`)
      .send(evidenceBody())
      .expect(201);
    const again = await t
      .as('officer')
      .post(`/v1/cases/${filed.id}/evidence`)
      .set('idempotency-key', `evidence-${filed.id}`)
      .send(evidenceBody())
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const list = await t.as('officer').get(`/v1/cases/${filed.id}/evidence`).expect(200);
    expect(list.body.items).toHaveLength(1);
  });
});

describe('the investigation-end report counts the register (NO_EVIDENCE)', () => {
  it('is refused without evidence and allowed once evidence is registered', async () => {
    const filed = await fileCase(t, itemId);
    const conclude = { on: '2025-03-20', findings: '无证经营熟食', penalties: DEFAULT_PENALTIES };
    const refused = await act(t, filed.id, 'conclude-investigation', conclude).expect(422);
    expect(refused.body.unmet.map((u: { code: string }) => u.code)).toEqual(['NO_EVIDENCE']);
    const actions = await t.as('officer').get(`/v1/cases/${filed.id}/actions`).expect(200);
    const before = actions.body.actions.find(
      (a: { action: string }) => a.action === 'conclude-investigation',
    );
    expect(before.unmet.map((u: { code: string }) => u.code)).toContain('NO_EVIDENCE');
    await addEvidence(t, filed.id);
    const concluded = await step(t, filed.id, 'conclude-investigation', conclude);
    expect(concluded).toMatchObject({ stage: 'review', evidenceCount: 1 });
  });
});

describe('the rules of an investigative act (422, nothing written)', () => {
  async function refused(caseId: string, body: Record<string, unknown>, codes: string[]) {
    const before = await snapshot(caseId);
    const res = await register(caseId, body).expect(422);
    expect(res.body).toMatchObject({ code: 'CASE_RULE_VIOLATION', action: 'register-evidence' });
    expect(res.body.unmet.map((u: { code: string }) => u.code)).toEqual(codes);
    for (const u of res.body.unmet) expect(u.rule).toEqual(expect.any(String));
    expect(await snapshot(caseId)).toEqual(before);
    return res.body;
  }

  it('needs two officers certified on the date collected (APL art. 42)', async () => {
    const filed = await fileCase(t, itemId);
    const alone = await refused(filed.id, evidenceBody({ collectedBy: [t.bureau.officers.officer] }), [
      'TOO_FEW_CERTIFIED_OFFICERS_ON_SITE',
    ]);
    expect(alone.unmet[0].rule).toMatch(/APL art/);
    // The auditor holds no enforcement certificate.
    const uncertified = await refused(
      filed.id,
      evidenceBody({ collectedBy: [t.bureau.officers.officer, t.bureau.officers.auditor] }),
      ['TOO_FEW_CERTIFIED_OFFICERS_ON_SITE'],
    );
    expect(uncertified.unmet[0].detail).toContain(t.bureau.officers.auditor);
    // Two certified and one who is not: enough.
    await register(
      filed.id,
      evidenceBody({ collectedBy: [...investigators(t), t.bureau.officers.auditor] }),
    ).expect(201);
  });

  it('is not dated in the future nor before the lead was received', async () => {
    const filed = await fileCase(t, itemId);
    await refused(filed.id, evidenceBody({ collectedOn: '2025-07-01' }), ['DATE_IN_FUTURE']);
    await refused(filed.id, evidenceBody({ collectedOn: '2025-03-02' }), ['DATE_BEFORE_PREVIOUS_STEP']);
    // The boundaries themselves are fine: the day the lead came in, and today.
    await register(filed.id, evidenceBody({ collectedOn: '2025-03-03' })).expect(201);
    await register(filed.id, evidenceBody({ collectedOn: '2025-06-30' })).expect(201);
  });

  it('is refused after the investigation-end report, and allowed again once a review returns the case', async () => {
    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', {
      on: '2025-03-20',
      findings: '无证经营熟食',
      penalties: DEFAULT_PENALTIES,
    });
    const body = await refused(filed.id, evidenceBody({ collectedOn: '2025-03-21' }), [
      'NOT_UNDER_INVESTIGATION',
    ]);
    expect(body.unmet[0].detail).toContain('review');
    await step(
      t,
      filed.id,
      'complete-review',
      { on: '2025-03-24', result: 'return', opinion: '证据不足，退回补充调查' },
      'unit_head',
    );
    await register(filed.id, evidenceBody({ collectedOn: '2025-03-25' })).expect(201);
  });

  it('is refused in a final stage and while the case is suspended', async () => {
    const declined = await registerLead(t, { powerItemId: itemId });
    await step(t, declined.id, 'decline-filing', {
      on: '2025-03-05',
      approverId: t.bureau.officers.bureau_head,
      reason: 'no_violation',
      detail: '经核查，违法事实不能成立',
    });
    await refused(declined.id, evidenceBody({ collectedOn: '2025-03-06' }), ['NOT_UNDER_INVESTIGATION']);

    const suspended = await fileCase(t, itemId);
    await step(t, suspended.id, 'suspend', { on: '2025-03-15', reason: '当事人下落不明' });
    await refused(suspended.id, evidenceBody({ collectedOn: '2025-03-16' }), ['CASE_SUSPENDED']);
  });

  it('lists every unmet condition at once', async () => {
    const filed = await fileCase(t, itemId);
    await step(t, filed.id, 'suspend', { on: '2025-03-15', reason: '当事人下落不明' });
    await refused(
      filed.id,
      evidenceBody({ collectedOn: '2025-07-02', collectedBy: [t.bureau.officers.officer] }),
      ['CASE_SUSPENDED', 'TOO_FEW_CERTIFIED_OFFICERS_ON_SITE', 'DATE_IN_FUTURE'],
    );
  });
});

describe('bad input (400, nothing written)', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await fileCase(t, itemId)).id;
  });

  async function bad(body: Record<string, unknown>, pointer: string) {
    const before = await snapshot(caseId);
    const res = await register(caseId, body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'body', pointer })]),
    );
    expect(await snapshot(caseId)).toEqual(before);
  }

  it('rejects unknown fields', () => bad({ ...evidenceBody(), location: '仓库' }, '/location'));
  it('rejects an unknown kind', () => bad(evidenceBody({ kind: 'rumour' }), '/kind'));
  it('rejects a digest that is not 64 lowercase hex digits', async () => {
    await bad(evidenceBody({ contentHash: SHA256.toUpperCase() }), '/contentHash');
    await bad(evidenceBody({ contentHash: SHA256.slice(1) }), '/contentHash');
    await bad(evidenceBody({ contentHash: `${SHA256.slice(1)}g` }), '/contentHash');
  });
  it('rejects an unknown hash algorithm', () =>
    bad(evidenceBody({ hashAlgorithm: 'md5' }), '/hashAlgorithm'));
  it('rejects a digest without its algorithm, and an algorithm without a digest', async () => {
    await bad(evidenceBody({ hashAlgorithm: undefined }), '/hashAlgorithm');
    await bad(evidenceBody({ contentHash: undefined }), '/contentHash');
  });
  it('rejects missing fields, an empty or repeated officer list, and a bad date', async () => {
    await bad(evidenceBody({ avRecorded: undefined }), '/avRecorded');
    await bad(evidenceBody({ collectedBy: [] }), '/collectedBy');
    await bad(
      evidenceBody({ collectedBy: [t.bureau.officers.officer, t.bureau.officers.officer] }),
      '/collectedBy',
    );
    await bad(evidenceBody({ collectedOn: '2025-02-30' }), '/collectedOn');
  });
  it('rejects officers who are not the agency’s', async () => {
    await bad(
      evidenceBody({ collectedBy: [t.bureau.officers.officer, other.officers.officer] }),
      '/collectedBy/1',
    );
  });
});

describe('agency isolation', () => {
  it('answers 404 to another bureau’s officers, for reads and writes', async () => {
    const filed = await fileCase(t, itemId);
    const mine = await register(filed.id, evidenceBody()).expect(201);
    const before = await snapshot(filed.id);
    const stranger = other.as('officer');
    const body = evidenceBody({ collectedBy: [other.officers.officer, other.officers.unit_head] });
    expect((await register(filed.id, body, stranger).expect(404)).body.code).toBe('NOT_FOUND');
    await stranger.get(`/v1/cases/${filed.id}/evidence`).expect(404);
    await stranger.get(`/v1/cases/${filed.id}/evidence/${mine.body.id}`).expect(404);
    expect(await snapshot(filed.id)).toEqual(before);
  });

  it('answers 404 for evidence of another case', async () => {
    const a = await fileCase(t, itemId);
    const b = await fileCase(t, itemId);
    const onA = await register(a.id, evidenceBody()).expect(201);
    await t.as('officer').get(`/v1/cases/${b.id}/evidence/${onA.body.id}`).expect(404);
  });
});

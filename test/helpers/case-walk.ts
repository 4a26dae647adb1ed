/**
 * Walks a case from lead to decision through the HTTP API on dates the test chooses (the spring-2025
 * helpers of cases.ts have fixed dates): everything on one day `on`, the party waiving its rights in
 * writing, unless a hearing is asked for. Tokens are minted at the app's current time, which must stand
 * on or after every date used.
 */
import type { Role } from '../../src/domain/access/roles';
import { asOfNow, type TestApp } from './app';
import { investigators, ORGANISATION } from './cases';

export interface WalkOptions {
  /** The day of every step (lead received, filed, investigated, reviewed, noticed, waived, decided). */
  on: string;
  lead?: Record<string, unknown>;
  /** The penalties proposed and decided (default a CNY 5,000 fine). */
  penalties?: readonly Record<string, unknown>[];
  /** penalty (default), no_penalty or transfer. */
  kind?: 'penalty' | 'no_penalty' | 'transfer';
  /** The decision date, when later than `on`. */
  decidedOn?: string;
  /** A collective discussion (集体讨论) on `on`, with these attendees (two bureau heads at least). */
  discussion?: string[];
  /**
   * A hearing (听证): requested on `on`, its notice served on `on`, held on `heldOn` (at least 7 WD
   * later), followed by a second legal review; the decision is then on `heldOn` unless decidedOn says.
   */
  hearing?: { heldOn: string };
  /** Stop before deciding. */
  undecided?: boolean;
  /**
   * Moves the app clock to a date (10:00 China time): to `on` for the walk, then to the decision date.
   * A written waiver is refused once the statement window has closed, so a test whose clock stands
   * later passes it.
   */
  setClock?: (date: string) => void;
  /** Called once the case is filed, e.g. to take a measure. */
  afterFiling?: (caseId: string) => Promise<void>;
}

async function send(
  t: TestApp,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  role: Role = 'officer',
) {
  const res = await (await asOfNow(t, role)).post(`/v1/cases/${caseId}/actions/${action}`).send(body);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Returns the case after its last step. */
export async function walkCase(t: TestApp, itemId: string, opts: WalkOptions) {
  const { on } = opts;
  opts.setClock?.(on);
  const penalties = opts.penalties ?? [{ type: 'fine', amount: 5000 }];
  const officer = await asOfNow(t, 'officer');
  const lead = await officer.post('/v1/cases').send({
    source: 'inspection',
    receivedOn: on,
    summary: '检查发现无证经营熟食',
    violationOn: on,
    parties: [{ ...ORGANISATION, address: '青海省西宁市城东区八一中路1号' }],
    powerItemId: itemId,
    ...opts.lead,
  });
  if (lead.status !== 201) throw new Error(`lead: ${lead.status} ${JSON.stringify(lead.body)}`);
  const id = lead.body.id as string;
  await send(t, id, 'assign-officers', { on, officerIds: investigators(t) });
  await send(t, id, 'file', { on, approverId: t.bureau.officers.bureau_head, limitationBasis: 'two_years' });
  await opts.afterFiling?.(id);
  const evidence = await officer.post(`/v1/cases/${id}/evidence`).send({
    kind: 'inspection_record',
    description: '现场笔录',
    collectedOn: on,
    collectedBy: investigators(t),
    avRecorded: true,
  });
  if (evidence.status !== 201)
    throw new Error(`evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  await send(t, id, 'conclude-investigation', {
    on,
    findings: '当事人未取得食品经营许可从事熟食销售',
    penalties,
  });
  await send(t, id, 'complete-review', { on, result: 'pass', opinion: '事实清楚' }, 'unit_head');
  await send(t, id, 'record-legal-review', { on, result: 'pass', opinion: '同意' }, 'legal_reviewer');
  if (opts.discussion) {
    await send(t, id, 'record-collective-discussion', {
      on,
      attendeeIds: opts.discussion,
      opinions: '同意承办意见',
      conclusion: '按拟处罚意见作出决定',
    });
  }
  let last = await send(t, id, 'issue-notice', { on });
  let decidedOn = opts.decidedOn ?? on;
  if (opts.hearing) {
    const { heldOn } = opts.hearing;
    await send(t, id, 'request-hearing', { on });
    await send(t, id, 'schedule-hearing', {
      on,
      scheduledFor: heldOn,
      chairId: t.bureau.officers.supervisor,
    });
    opts.setClock?.(heldOn);
    await send(t, id, 'record-hearing', { on: heldOn, partyAbsent: false, record: '当事人到场陈述申辩' });
    last = await send(
      t,
      id,
      'record-legal-review',
      { on: heldOn, result: 'pass', opinion: '听证后复核，同意' },
      'legal_reviewer',
    );
    decidedOn = opts.decidedOn ?? heldOn;
  } else {
    last = await send(t, id, 'waive-rights', { on });
  }
  if (opts.undecided) return last;
  opts.setClock?.(decidedOn);
  const kind = opts.kind ?? 'penalty';
  return send(t, id, 'decide', {
    on: decidedOn,
    kind,
    ...(kind === 'penalty'
      ? { penalties }
      : { reason: kind === 'transfer' ? '移送西宁市公安局城东分局' : '违法行为轻微并及时改正' }),
  });
}

/**
 * The clocks of a case (办案期限) as GET /v1/cases/{id} shows them, read on a movable app clock:
 * working-day windows across the 2025 holidays (Qingming 4–6 April, Labour Day 1–5 May with the
 * make-up Sunday 27 April), pauses for suspension and hearing, an approved extension, overdue
 * detection the day after a due date.
 *
 * The app starts at the latest date used, so tokens minted then stay valid when the clock is moved
 * back to read a clock on an earlier day; steps are recorded with the clock at that latest date.
 */
import { createTestApp, type TestApp } from '../helpers/app';
import {
  addEvidence,
  caseWithNotice,
  fileCase,
  passLegalReview,
  penaltyItem,
  registerLead,
  step,
} from '../helpers/cases';

const LATE = '2025-12-31';
const at = (date: string) => new Date(`${date}T04:00:00Z`);
let clock = at(LATE);
let t: TestApp;
let itemId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  itemId = await penaltyItem(t);
});
afterAll(() => t.close());
afterEach(() => {
  clock = at(LATE);
});

interface Clock {
  name: string;
  rule: { code: string; citation: string; description: string };
  start: string;
  days: number;
  totalDays: number;
  unit: 'working' | 'calendar';
  dueDate: string | null;
  state: string;
  daysLeft: number | null;
  overdue: boolean;
  provisional: boolean;
}

/** The case's clocks by name, as read on `date` (China). */
async function clocksOn(caseId: string, date: string): Promise<Record<string, Clock>> {
  clock = at(date);
  try {
    const res = await t.as('officer').get(`/v1/cases/${caseId}`).expect(200);
    return Object.fromEntries((res.body.clocks as Clock[]).map((c) => [c.name, c]));
  } finally {
    clock = at(LATE);
  }
}

async function clockOn(caseId: string, name: string, date: string): Promise<Clock> {
  const found = (await clocksOn(caseId, date))[name];
  if (!found) throw new Error(`case ${caseId} shows no ${name} clock on ${date}`);
  return found;
}

const REPORT = { on: '2025-03-20', findings: '当事人无证经营熟食', penalties: [{ type: 'warning' }] };

describe('working-day windows across holidays', () => {
  it('filing decision: a lead of Thu 03-27 is due Fri 04-18 across Qingming, overdue the next working day', async () => {
    const lead = await registerLead(t, {
      powerItemId: itemId,
      receivedOn: '2025-03-27',
      violationOn: '2025-03-20',
    });
    // 03-28 (1), 03-31 … 04-03 (2–5), Qingming 04-04…06, 04-07 … 04-11 (6–10), 04-14 … 04-18 (11–15).
    expect(await clockOn(lead.id, 'filing_decision', '2025-04-01')).toEqual({
      name: 'filing_decision',
      rule: expect.objectContaining({ code: 'FILING_DECISION', citation: 'PPR art. 18' }),
      start: '2025-03-27',
      days: 15,
      totalDays: 15,
      unit: 'working',
      dueDate: '2025-04-18',
      state: 'running',
      daysLeft: 12,
      overdue: false,
      provisional: false,
    });
    expect(await clockOn(lead.id, 'filing_decision', '2025-04-18')).toMatchObject({
      state: 'running',
      daysLeft: 0,
    });
    expect(await clockOn(lead.id, 'filing_decision', '2025-04-19')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      overdue: true,
    });
  });

  it('an approved +15 WD filing extension runs across Labour Day, counting the make-up Sunday → 05-13', async () => {
    const lead = await registerLead(t, {
      powerItemId: itemId,
      receivedOn: '2025-03-27',
      violationOn: '2025-03-20',
    });
    await step(t, lead.id, 'approve-extension', {
      on: '2025-04-15',
      approverId: t.bureau.officers.bureau_head,
      kind: 'filing',
      days: 15,
      reason: '需要抽样检验',
    });
    // From 04-18: 04-21 … 04-25 (1–5), Sun 04-27 (6), 04-28 … 04-30 (7–9), 05-06 … 05-09 (10–13), 05-12, 05-13.
    expect(await clockOn(lead.id, 'filing_decision', '2025-04-21')).toMatchObject({
      days: 15,
      totalDays: 30,
      dueDate: '2025-05-13',
      state: 'running',
      overdue: false,
    });
    // Filed in time: completed.
    await step(t, lead.id, 'assign-officers', {
      on: '2025-03-27',
      officerIds: [t.bureau.officers.officer, t.bureau.officers.unit_head],
    });
    await step(t, lead.id, 'file', {
      on: '2025-05-13',
      approverId: t.bureau.officers.bureau_head,
      limitationBasis: 'two_years',
    });
    expect(await clockOn(lead.id, 'filing_decision', '2025-05-20')).toMatchObject({
      state: 'completed',
      daysLeft: null,
      overdue: false,
    });
  });

  it('testing (送检) pauses the filing clock while open; 3 WD of testing move it to 04-23', async () => {
    const lead = await registerLead(t, {
      powerItemId: itemId,
      receivedOn: '2025-03-27',
      violationOn: '2025-03-20',
    });
    await step(t, lead.id, 'start-testing', {
      on: '2025-04-08',
      subject: '熟食样品 3 份',
      institution: '青海省食品检验检测院',
    });
    // Counted before the testing: 03-28, 03-31, 04-01, 04-02, 04-03, 04-07 = 6 of 15.
    expect(await clockOn(lead.id, 'filing_decision', '2025-04-09')).toMatchObject({
      dueDate: null,
      state: 'paused',
      daysLeft: 9,
      overdue: false,
    });
    await step(t, lead.id, 'end-testing', { on: '2025-04-10', resultSummary: '检出致病菌' });
    expect(await clockOn(lead.id, 'filing_decision', '2025-04-11')).toMatchObject({
      dueDate: '2025-04-23',
      state: 'running',
    });
  });

  it('the statement window of a notice served Wed 04-30 ends Mon 05-12, after Labour Day (APL art. 64)', async () => {
    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', REPORT);
    await step(
      t,
      filed.id,
      'complete-review',
      { on: '2025-03-24', result: 'pass', opinion: '同意' },
      'unit_head',
    );
    await passLegalReview(t, filed.id, '2025-03-25');
    const noticed = await step(t, filed.id, 'issue-notice', { on: '2025-04-30' });
    expect(noticed.notice).toMatchObject({ servedOn: '2025-04-30', windowEndsOn: '2025-05-12' });

    // 05-01 … 05-05 off; 05-06 (1), 05-07 (2), 05-08 (3), 05-09 (4), 05-12 (5).
    expect(await clockOn(filed.id, 'statement', '2025-04-30')).toMatchObject({
      rule: { code: 'STATEMENT_AND_HEARING_REQUEST', citation: 'APL art. 64' },
      start: '2025-04-30',
      unit: 'working',
      days: 5,
      dueDate: '2025-05-12',
      state: 'running',
      daysLeft: 5,
    });
    // The holiday uses up no working day.
    expect((await clockOn(filed.id, 'statement', '2025-05-05')).daysLeft).toBe(5);
    expect((await clockOn(filed.id, 'statement', '2025-05-09')).daysLeft).toBe(1);
    expect(await clockOn(filed.id, 'statement', '2025-05-12')).toMatchObject({
      state: 'running',
      daysLeft: 0,
    });
    // Once the window has ended, the period is over.
    expect(await clockOn(filed.id, 'statement', '2025-05-13')).toMatchObject({
      state: 'completed',
      overdue: false,
    });
  });

  it('the case review clock runs on the agency’s working days (PPR; 10 WD by default)', async () => {
    const filed = await fileCase(t, itemId);
    await addEvidence(t, filed.id);
    await step(t, filed.id, 'conclude-investigation', REPORT);
    // Report Thu 03-20: 03-21 (1), 03-24 … 03-28 (2–6), 03-31 … 04-03 (7–10).
    expect(await clockOn(filed.id, 'case_review', '2025-03-20')).toMatchObject({
      rule: { code: 'CASE_REVIEW', citation: 'PPR' },
      days: 10,
      dueDate: '2025-04-03',
      state: 'running',
    });
    expect(await clockOn(filed.id, 'case_review', '2025-04-07')).toMatchObject({
      state: 'overdue',
      overdue: true,
    });
    await step(
      t,
      filed.id,
      'complete-review',
      { on: '2025-04-07', result: 'pass', opinion: '同意' },
      'unit_head',
    );
    expect(await clockOn(filed.id, 'case_review', '2025-04-08')).toMatchObject({
      state: 'completed_late',
      overdue: true,
    });
  });
});

describe('the decision clock: 90 days from filing, pauses excluded, extensions added (APL art. 60)', () => {
  /** Filed Tue 2025-03-11: day 90 is Monday 06-09, a working day. */
  const FILED_ON = '2025-03-11';

  it('is due 06-09 and overdue on 06-10, the day after', async () => {
    const filed = await fileCase(t, itemId, { filedOn: FILED_ON });
    expect(await clockOn(filed.id, 'decision', '2025-04-30')).toMatchObject({
      rule: { code: 'DECISION', citation: 'APL art. 60' },
      start: FILED_ON,
      unit: 'calendar',
      days: 90,
      totalDays: 90,
      dueDate: '2025-06-09',
      state: 'running',
      daysLeft: 40,
      overdue: false,
    });
    expect(await clockOn(filed.id, 'decision', '2025-06-09')).toMatchObject({
      state: 'running',
      daysLeft: 0,
    });
    expect(await clockOn(filed.id, 'decision', '2025-06-10')).toMatchObject({
      dueDate: '2025-06-09',
      state: 'overdue',
      daysLeft: -1,
      overdue: true,
    });
  });

  it('a 10-day suspension pauses it while open, then moves the due date by 10 days → 06-19', async () => {
    const filed = await fileCase(t, itemId, { filedOn: FILED_ON });
    await step(t, filed.id, 'suspend', { on: '2025-04-01', reason: '等待外省协查' });
    // Counted before the suspension: 03-12 … 03-31 = 20 of 90.
    expect(await clockOn(filed.id, 'decision', '2025-04-05')).toMatchObject({
      dueDate: null,
      state: 'paused',
      daysLeft: 70,
      overdue: false,
    });
    const view = (await t.as('officer').get(`/v1/cases/${filed.id}`).expect(200)).body;
    expect(view.suspended).toBe(true);
    // Resumed on 04-11: 04-01 … 04-10 were not counted.
    await step(t, filed.id, 'resume', { on: '2025-04-11' });
    expect(await clockOn(filed.id, 'decision', '2025-04-15')).toMatchObject({
      dueDate: '2025-06-19',
      state: 'running',
      daysLeft: 65,
    });
    // No longer overdue on 06-10, overdue the day after the new date.
    expect((await clockOn(filed.id, 'decision', '2025-06-10')).state).toBe('running');
    expect(await clockOn(filed.id, 'decision', '2025-06-20')).toMatchObject({
      state: 'overdue',
      overdue: true,
    });
  });

  it('an approved 30-day extension → 120 days, due 07-09', async () => {
    const filed = await fileCase(t, itemId, { filedOn: FILED_ON });
    await step(t, filed.id, 'approve-extension', {
      on: '2025-05-30',
      approverId: t.bureau.officers.bureau_head,
      kind: 'decision',
      days: 30,
      reason: '案情复杂，需要补充调查',
    });
    expect(await clockOn(filed.id, 'decision', '2025-06-10')).toMatchObject({
      days: 90,
      totalDays: 120,
      dueDate: '2025-07-09',
      state: 'running',
      daysLeft: 29,
      overdue: false,
    });
    expect(await clockOn(filed.id, 'decision', '2025-07-10')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
    });
  });

  it('the hearing pauses it from the request to the hearing; the statement clock closes on the request', async () => {
    // Filed Mon 03-10 (90 days: Sunday 06-08 → Monday 06-09); notice 03-26.
    const noticed = await caseWithNotice(t, itemId, { penalties: [{ type: 'fine', amount: 200_000 }] });
    expect((await clockOn(noticed.id, 'decision', '2025-03-27')).dueDate).toBe('2025-06-09');
    await step(t, noticed.id, 'request-hearing', { on: '2025-03-28' });
    const paused = await clocksOn(noticed.id, '2025-04-10');
    expect(paused.decision).toMatchObject({ dueDate: null, state: 'paused', overdue: false });
    expect(paused.statement).toMatchObject({ dueDate: '2025-04-02', state: 'completed' });

    await step(t, noticed.id, 'schedule-hearing', {
      on: '2025-03-31',
      scheduledFor: '2025-04-14',
      chairId: t.bureau.officers.supervisor,
    });
    await step(t, noticed.id, 'record-hearing', { on: '2025-04-14', partyAbsent: false, record: '听证笔录' });
    // 03-28 … 04-14 (18 days) not counted: 06-08 + 18 = Thu 06-26.
    expect(await clockOn(noticed.id, 'decision', '2025-04-15')).toMatchObject({
      dueDate: '2025-06-26',
      state: 'running',
    });
    await passLegalReview(t, noticed.id, '2025-04-15');
    await step(t, noticed.id, 'decide', {
      on: '2025-04-16',
      kind: 'penalty',
      penalties: [{ type: 'fine', amount: 200_000 }],
    });
    expect(await clockOn(noticed.id, 'decision', '2025-04-17')).toMatchObject({
      dueDate: '2025-06-26',
      state: 'completed',
      daysLeft: null,
      overdue: false,
    });
  });

  it('a decision after the due date is completed_late', async () => {
    const noticed = await caseWithNotice(t, itemId);
    await step(t, noticed.id, 'decide', {
      on: '2025-06-10',
      kind: 'penalty',
      penalties: [{ type: 'warning' }],
    });
    expect(await clockOn(noticed.id, 'decision', '2025-06-16')).toMatchObject({
      dueDate: '2025-06-09',
      state: 'completed_late',
      daysLeft: null,
      overdue: true,
    });
  });
});

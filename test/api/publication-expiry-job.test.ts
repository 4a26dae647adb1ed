/**
 * The scheduled job (src/plugins/jobs.ts) expires publications whose publicity period ended (PDR art. 13):
 * an app built with jobs on, and a short interval, records the expiry by itself, with its credit event.
 */
import { eq } from 'drizzle-orm';
import { creditEvents } from '../../src/modules/publications/publications.table';
import { asOfNow, createTestApp, type TestApp } from '../helpers/app';
import { decidedCase, penaltyItem, RESIDENT_ID } from '../helpers/cases';

let t: TestApp;
let clock = new Date('2025-04-10T02:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T02:00:00Z`);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, options: { jobs: true, jobIntervalMs: 50 } });
}, 180_000);
afterAll(() => t.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('expires a 3-month publication once its last day passed, without being asked', async () => {
  const itemId = await penaltyItem(t, 'JOB-ITEM');
  const c = await decidedCase(t, itemId, {
    decidedOn: '2025-04-07',
    penalties: [{ type: 'fine', amount: 200 }],
    lead: { parties: [{ kind: 'natural_person', name: '周九', residentId: RESIDENT_ID }] },
  });
  const officer = await asOfNow(t, 'credit_officer');
  const [p] = (await officer.get(`/v1/publications?caseId=${c.id}`).expect(200)).body.items;
  const published = await officer
    .post(`/v1/publications/${p.id}/actions/publish`)
    .send({ on: '2025-04-10', externalRef: 'GS-JOB-1' })
    .expect(200);
  expect(published.body).toMatchObject({ state: 'published', expiresOn: '2025-07-09' });

  // On its last day the job leaves it alone.
  at('2025-07-09');
  await pause(300);
  expect(
    (await (await asOfNow(t, 'officer')).get(`/v1/publications/${p.id}`).expect(200)).body.storedState,
  ).toBe('published');

  // The day after, the job records the expiry (stored, not only read as expired).
  at('2025-07-10');
  let stored = 'published';
  for (let i = 0; i < 100 && stored !== 'expired'; i += 1) {
    await pause(50);
    stored = (await (await asOfNow(t, 'officer')).get(`/v1/publications/${p.id}`).expect(200)).body
      .storedState;
  }
  expect(stored).toBe('expired');
  const events = await t.app.database.db.select().from(creditEvents).where(eq(creditEvents.entityId, p.id));
  expect(events.map((e) => e.kind).sort()).toEqual(['publication.expired', 'publication.published']);
});

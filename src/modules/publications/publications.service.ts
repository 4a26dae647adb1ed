/**
 * Penalty publicity (行政处罚信息公示, RULES.md §4).
 *
 * - A publication is created in the decision's own transaction (cases.service perform, `decide`) when the
 *   decision is publishable (PDR art. 2): the masked summary and decision text, the due date (the setting
 *   publication.working_days WD after the decision, PDR art. 9) and the period (PDR art. 13).
 * - Steps publish / withdraw / correct, each behind a pure guard (domain/publicity/publicity.ts).
 * - A review that varies, revokes, confirms illegal or voids the decision makes the withdrawal due within
 *   3 WD (PDR art. 11; appeals/decision-effects.service applyOutcome calls markWithdrawalDue).
 * - Expiry: a scheduled job (plugins/jobs.ts) and POST /v1/publications/expiry-runs; reads treat a public
 *   publication past its last day as expired even before that.
 * - Every published / withdrawn / corrected / expired publication leaves a credit event (outbox) for the
 *   provincial and national credit systems.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chinaDate, type IsoDate } from '../../domain/calendar/dates';
import { computeDeadline } from '../../domain/calendar/deadlines';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { PartyKind, ProposedPenalty } from '../../domain/cases/case-model';
import type { EvidenceKind } from '../../domain/cases/investigation';
import {
  buildDecisionDocument,
  type DecisionDocument,
  type PartySource,
} from '../../domain/documents/decision-document';
import { buildRestorationNotice } from '../../domain/documents/restoration-notice';
import { isUnifiedSocialCreditCode } from '../../domain/identifiers';
import {
  checkPublicationStep,
  earliestRestorationOn,
  effectiveState,
  isPublishable,
  maskPersonalInformation,
  type PublicationClock,
  type PublicationState,
  penaltyText,
  publicationClocks,
  publicityExpiresOn,
  publicityPeriod,
  restorationMinMonths,
} from '../../domain/publicity/publicity';
import { staleVersion } from '../../http/etag';
import { decodeCursor, scanPage, toPage } from '../../http/pagination';
import { notFound } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { findAgency } from '../agencies/agencies.repository';
import { decisionStatusChanges } from '../appeals/decision-effects.table';
import type { CalendarService } from '../calendar/calendar.service';
import * as cases from '../cases/cases.repository';
import { listEvidence } from '../cases/evidence.repository';
import { ruleViolation } from '../cases/investigation.shared';
import { listInterviews } from '../cases/supervision-records.repository';
import { findItemAsOf } from '../power-list/power-list.service';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as repo from './publications.repository';
import type {
  PublicationListQuery,
  PublicationStepBody,
  PublicationStepName,
  PublicationView,
  PublicPublicationView,
  RestorationNoticeView,
} from './publications.schemas';
import type { PublicationSummary } from './publications.table';

type StatusChangeRow = typeof decisionStatusChanges.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// Creation with the decision

/** The decision document as plain text, paragraph by paragraph (what is published, before masking). */
function decisionText(doc: DecisionDocument): string {
  const lines = [doc.agencyName, doc.title, doc.number ?? ''];
  for (const p of doc.parties)
    lines.push(
      [
        `当事人：${p.name}（${p.kindName}）`,
        ...p.identifiers.map((i) => `${i.label}：${i.value}`),
        p.legalRepresentative ? `法定代表人（负责人）：${p.legalRepresentative}` : '',
        p.address ? `住所（地址）：${p.address}` : '',
      ]
        .filter(Boolean)
        .join('；'),
    );
  lines.push(`案由：${doc.facts.summary}`);
  if (doc.facts.findings) lines.push(`经查：${doc.facts.findings}`);
  if (doc.evidence.length > 0)
    lines.push(
      `上述事实，有以下证据证明：${doc.evidence.map((e) => `${e.kindName}：${e.description}`).join('；')}`,
    );
  lines.push(...doc.procedure);
  if (doc.legalBasis.length > 0) lines.push(`依据：${doc.legalBasis.map((b) => b.citation).join('、')}`);
  lines.push(`决定给予如下行政处罚：${doc.penalties.map((p) => p.text).join('；')}`);
  lines.push(doc.performance.text, doc.remedies.text, `${doc.agencyName}　${doc.date ?? ''}`);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

function partySource(p: cases.PartyRow): PartySource {
  return {
    kind: p.kind as PartyKind,
    name: p.name,
    residentId: p.residentId,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    address: p.address,
  };
}

/** The restoration minimum (6 or 12 months) for the case's penalty item, as of the decision date. */
async function restorationMonths(ex: Executor, agencyId: string, powerItemId: string | null, on: IsoDate) {
  const setting = await ruleSetting(ex, agencyId, 'credit_restoration.min_months', on);
  const item = powerItemId ? await findItemAsOf(ex, agencyId, powerItemId, on) : undefined;
  return restorationMinMonths(item?.legalBasis.map((b) => b.law) ?? [], setting.value);
}

/**
 * Creates the publication of the case's decision just recorded, in the same transaction (PDR art. 2); does
 * nothing when the decision is not publishable (warning only, no penalty, a transfer) or already has one.
 */
export async function createPublicationForDecision(
  ctx: WriteContext,
  calendar: CalendarService,
  caseId: string,
): Promise<void> {
  const agencyId = ctx.actor.agencyId;
  const row = await cases.findCase(ctx.tx, agencyId, caseId);
  const decision = row?.decision as { kind: string; penalties: ProposedPenalty[] } | null | undefined;
  if (!row?.decidedOn || !row.decisionNumber || !decision || !isPublishable(decision)) return;
  const existing = await repo.findByDecision(ctx.tx, agencyId, caseId, row.decisionNumber);
  if (existing) return;
  const decidedOn = row.decidedOn;
  const parties = await cases.listParties(ctx.tx, agencyId, caseId);
  const agency = await findAgency(ctx.tx, agencyId);
  const item = row.powerItemId ? await findItemAsOf(ctx.tx, agencyId, row.powerItemId, decidedOn) : undefined;
  const events = await cases.listEvents(ctx.tx, agencyId, caseId);
  const report = events.filter((e) => e.action === 'conclude-investigation').pop();
  const notice = events.filter((e) => e.action === 'issue-notice').pop();
  const evidence = (await listEvidence(ctx.tx, agencyId, caseId)).map((e) => ({
    kind: e.kind as EvidenceKind,
    description: e.description,
    collectedOn: e.collectedOn,
  }));
  const setting = async <
    K extends 'decision.payment_method' | 'decision.reconsideration_body' | 'decision.litigation_court',
  >(
    key: K,
  ) => (await ruleSetting(ctx.tx, agencyId, key, decidedOn)).value;
  const doc = buildDecisionDocument({
    number: row.decisionNumber,
    agencyName: agency?.name ?? '',
    decidedOn,
    parties: parties.map(partySource),
    summary: row.summary,
    findings: typeof report?.data.findings === 'string' ? report.data.findings : null,
    violationOn: row.violationOn,
    evidence,
    penalties: decision.penalties,
    powerItem: item ? { code: item.code, name: item.name, legalBasis: item.legalBasis } : null,
    assessment: null,
    outsideBenchmarkReason: null,
    notice: notice
      ? {
          number: notice.documentNumber,
          servedOn: notice.occurredOn,
          hearingRight: notice.data.hearingRight === true,
        }
      : null,
    statementsReceived: 0,
    hearingHeldOn: null,
    waivedOn: null,
    service: null,
    settings: {
      paymentMethod: await setting('decision.payment_method'),
      reconsiderationBody: await setting('decision.reconsideration_body'),
      litigationCourt: await setting('decision.litigation_court'),
    },
  });
  // PDR art. 7: other people's names (interview counterparts, …) and a person's home address are masked.
  const partyNames = new Set(parties.map((p) => p.name));
  const otherNames = (await listInterviews(ctx.tx, agencyId, caseId))
    .map((i) => i.counterpartName)
    .filter((n) => !partyNames.has(n));
  const homeAddresses = parties
    .filter((p) => p.kind === 'natural_person' && p.address)
    .map((p) => p.address as string);
  const maskedText = maskPersonalInformation({ text: decisionText(doc), otherNames, homeAddresses });

  const party = parties[0];
  const organisation = party && party.kind !== 'natural_person';
  const summary: PublicationSummary = {
    decisionNumber: row.decisionNumber,
    partyName: parties.map((p) => p.name).join('、'),
    partyCreditCode: organisation ? (party?.creditCode ?? null) : null,
    legalRepresentative: organisation ? (party?.legalRepresentative ?? null) : null,
    violationType: item?.name ?? row.summary,
    penalties: decision.penalties,
    penaltyText: penaltyText(decision.penalties),
    bureau: agency?.name ?? '',
    decidedOn,
  };
  const days = (await ruleSetting(ctx.tx, agencyId, 'publication.working_days', decidedOn)).value;
  const low = (await ruleSetting(ctx.tx, agencyId, 'publication.low_fine_thresholds', decidedOn)).value;
  // A restriction (限制开展生产经营活动、限制从业) lasting longer than 3 years lengthens the publicity (PDR art. 13).
  const restrictions = decision.penalties
    .filter((p) => p.type === 'restrict_business' || p.type === 'restrict_employment')
    .map((p) => p.months ?? 0);
  const period = publicityPeriod(
    decision.penalties,
    parties.map((p) => p.kind as PartyKind),
    low,
    restrictions.length > 0 ? Math.max(...restrictions) : null,
  );
  const dueOn = computeDeadline(await calendar.calendarFor(ctx.tx), {
    start: decidedOn,
    days,
    unit: 'working',
  }).dueDate as IsoDate;
  const created = await repo.insertPublication(ctx.tx, {
    agencyId,
    caseId,
    decisionNumber: row.decisionNumber,
    decidedOn,
    partyName: summary.partyName,
    partyCreditCode: summary.partyCreditCode,
    summary,
    maskedText,
    state: 'pending',
    dueOn,
    dueWorkingDays: days,
    periodMonths: period.months,
    periodBasis: period.basis,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  ctx.audit({
    action: 'publication.created',
    entityType: 'publication',
    entityId: created.id,
    changes: {
      caseId: { before: null, after: caseId },
      decisionNumber: { before: null, after: row.decisionNumber },
      state: { before: null, after: 'pending' },
      dueOn: { before: null, after: dueOn },
      periodMonths: { before: null, after: period.months },
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Credit events, withdrawal after review, expiry

async function creditEvent(
  ex: Executor,
  row: repo.PublicationRow,
  kind: 'published' | 'withdrawn' | 'corrected' | 'expired',
  on: IsoDate,
  now: Date,
) {
  await repo.insertCreditEvent(ex, {
    agencyId: row.agencyId,
    kind: `publication.${kind}`,
    entityType: 'publication',
    entityId: row.id,
    payload: {
      decisionNumber: row.decisionNumber,
      partyCreditCode: row.partyCreditCode,
      state: kind,
      decidedOn: row.decidedOn,
      publishedOn: row.publishedOn,
      expiresOn: row.expiresOn,
      on,
    },
    occurredOn: on,
    createdAt: now,
  });
}

/**
 * PDR art. 11: a review varied, revoked, confirmed illegal or voided the decision. Its publication is to be
 * withdrawn within 3 WD (`withdrawalDueOn`); one not yet published is withdrawn at once (nothing public).
 */
export async function markWithdrawalDue(ctx: WriteContext, change: StatusChangeRow): Promise<void> {
  if (!change.caseId || !change.withdrawalDueOn) return;
  const row = await repo.findByDecision(ctx.tx, change.agencyId, change.caseId, change.decisionNumber);
  if (!row || !['pending', 'published', 'corrected'].includes(row.state)) return;
  const due = { withdrawalDueOn: change.withdrawalDueOn, statusChangeId: change.id };
  if (row.state === 'pending') {
    const reason = `the decision was ${change.toStatus} (${change.sourceReference}); nothing public to remove`;
    await repo.updatePublication(
      ctx.tx,
      row,
      { ...due, state: 'withdrawn', withdrawnOn: change.effectiveOn, withdrawalReason: reason },
      ctx.now,
    );
    await ctx.tx
      .update(decisionStatusChanges)
      .set({ withdrawnAt: ctx.now })
      .where(
        and(eq(decisionStatusChanges.agencyId, change.agencyId), eq(decisionStatusChanges.id, change.id)),
      );
  } else await repo.updatePublication(ctx.tx, row, due, ctx.now);
  ctx.audit({
    action: 'publication.withdrawal_due',
    entityType: 'publication',
    entityId: row.id,
    changes: {
      withdrawalDueOn: { before: row.withdrawalDueOn, after: change.withdrawalDueOn },
      ...(row.state === 'pending' ? { state: { before: 'pending', after: 'withdrawn' } } : {}),
    },
  });
}

/**
 * Moves public publications past their last day (China date of `now`) to `expired`, one credit event each;
 * every agency, or one. Returns how many.
 */
export async function expirePublications(ex: Executor, now: Date, agencyId?: string): Promise<number> {
  const today = chinaDate(now);
  const rows = await repo.dueToExpire(ex, today, agencyId);
  for (const row of rows) {
    const updated = await repo.updatePublication(ex, row, { state: 'expired', expiredAt: now }, now);
    await creditEvent(ex, updated, 'expired', today, now);
  }
  return rows.length;
}

// ---------------------------------------------------------------------------------------------------
// Views and steps

export function createPublicationsService({ calendar }: { calendar: CalendarService }) {
  async function changesOf(ex: Executor, agencyId: string, rows: repo.PublicationRow[]) {
    const ids = rows.map((r) => r.statusChangeId).filter((id): id is string => id !== null);
    if (ids.length === 0) return new Map<string, StatusChangeRow>();
    const found = await ex
      .select()
      .from(decisionStatusChanges)
      .where(and(eq(decisionStatusChanges.agencyId, agencyId), inArray(decisionStatusChanges.id, ids)));
    return new Map(found.map((c) => [c.id, c]));
  }

  function clocksOf(
    row: repo.PublicationRow,
    change: StatusChangeRow | undefined,
    cal: WorkingCalendar,
    today: IsoDate,
  ): PublicationClock[] {
    return publicationClocks(
      cal,
      {
        state: effectiveState(row.state, row.expiresOn, today),
        dueOn: row.dueOn,
        dueWorkingDays: row.dueWorkingDays,
        publishedOn: row.publishedOn,
        withdrawalDueOn: row.withdrawalDueOn,
        withdrawalDoneOn:
          row.withdrawnOn ?? (change?.withdrawnAt && row.correctedOn ? row.correctedOn : null),
      },
      today,
    );
  }

  async function views(ex: Executor, agencyId: string, rows: repo.PublicationRow[], now: Date) {
    const cal = await calendar.calendarFor(ex);
    const today = chinaDate(now);
    const changes = await changesOf(ex, agencyId, rows);
    const out: PublicationView[] = [];
    for (const row of rows) {
      const clocks = clocksOf(
        row,
        row.statusChangeId ? changes.get(row.statusChangeId) : undefined,
        cal,
        today,
      );
      out.push({
        id: row.id,
        caseId: row.caseId,
        decisionNumber: row.decisionNumber,
        decidedOn: row.decidedOn,
        summary: row.summary,
        maskedText: row.maskedText,
        state: effectiveState(row.state, row.expiresOn, today),
        storedState: row.state as PublicationState,
        dueOn: row.dueOn,
        dueWorkingDays: row.dueWorkingDays,
        publishedOn: row.publishedOn,
        externalRef: row.externalRef,
        period: { months: row.periodMonths, basis: row.periodBasis as 'three_months' },
        expiresOn: row.expiresOn,
        expiredAt: row.expiredAt ? row.expiredAt.toISOString() : null,
        earliestRestorationOn: row.earliestRestorationOn,
        withdrawal: {
          dueOn: row.withdrawalDueOn,
          statusChangeId: row.statusChangeId,
          withdrawnOn: row.withdrawnOn,
          reason: row.withdrawalReason,
        },
        correction: row.correctedOn ? { on: row.correctedOn, note: row.correctionNote ?? '' } : null,
        restoredOn: row.restoredOn,
        restorationId: row.restorationId,
        noticeServedOn: await repo.noticeServedOn(ex, agencyId, row.caseId, row.decidedOn),
        clocks,
        overdue: clocks.some((c) => c.state === 'overdue'),
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      });
    }
    return out;
  }

  async function get(ex: Executor, agencyId: string, id: string, now: Date): Promise<PublicationView> {
    const row = await repo.findPublication(ex, agencyId, id);
    if (!row) throw notFound('Publication', id);
    return (await views(ex, agencyId, [row], now))[0] as PublicationView;
  }

  async function list(ex: Executor, agencyId: string, query: PublicationListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const today = chinaDate(now);
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const party = query.party?.trim();
    const filter: repo.PublicationFilter = {
      ...(query.state ? { states: query.state } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(party ? { party, partyIsCreditCode: isUnifiedSocialCreditCode(party.toUpperCase()) } : {}),
    };
    if (filter.partyIsCreditCode && filter.party) filter.party = filter.party.toUpperCase();
    if (query.overdue === undefined) {
      const rows = await repo.listPublications(ex, agencyId, filter, today, limit + 1, after);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      return { items: await views(ex, agencyId, page.items, now), nextCursor: page.nextCursor };
    }
    // Overdue is computed on read from the clocks: scan in batches.
    const cal = await calendar.calendarFor(ex);
    const page = await scanPage({
      fetch: (n, afterId) => repo.listPublications(ex, agencyId, filter, today, n, afterId),
      matches: async (r) => {
        const change = r.statusChangeId
          ? (await changesOf(ex, agencyId, [r])).get(r.statusChangeId)
          : undefined;
        return clocksOf(r, change, cal, today).some((c) => c.state === 'overdue') === query.overdue;
      },
      limit,
      ...(after ? { after } : {}),
    });
    return { items: await views(ex, agencyId, page.rows, now), nextCursor: page.nextCursor };
  }

  async function step<S extends PublicationStepName>(
    ctx: WriteContext,
    id: string,
    name: S,
    body: PublicationStepBody<S>,
    versions: number[] | null = null,
  ): Promise<PublicationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const row = await repo.findPublication(ctx.tx, agencyId, id, { lock: true });
    if (!row) throw notFound('Publication', id);
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const b = body as Record<string, unknown>;
    const on = b.on as IsoDate;
    const change = (await changesOf(ctx.tx, agencyId, [row])).get(row.statusChangeId ?? '');
    const pendingChange = change && !change.withdrawnAt ? change : undefined;
    const action = `publication-${name}`;
    const problems = checkPublicationStep(
      {
        state: effectiveState(row.state, row.expiresOn, [on, today].sort()[0] as IsoDate),
        decidedOn: row.decidedOn,
        publishedOn: row.publishedOn,
        correctedOn: row.correctedOn,
        withdrawalFor: pendingChange?.toStatus ?? null,
      },
      name,
      on,
      today,
    );
    if (problems.length > 0) throw ruleViolation(action, problems);

    let changes: Partial<repo.PublicationRow>;
    switch (name as PublicationStepName) {
      case 'publish': {
        const c = await cases.findCase(ctx.tx, agencyId, row.caseId);
        const min = await restorationMonths(ctx.tx, agencyId, c?.powerItemId ?? null, row.decidedOn);
        changes = {
          state: 'published',
          publishedOn: on,
          externalRef: b.externalRef as string,
          expiresOn: publicityExpiresOn(on, row.periodMonths),
          earliestRestorationOn: earliestRestorationOn(on, min.months),
        };
        break;
      }
      case 'withdraw':
        changes = { state: 'withdrawn', withdrawnOn: on, withdrawalReason: b.reason as string };
        break;
      case 'correct': {
        // The corrected information is republished: the penalties now in force (PDR art. 12).
        const inForce = change?.penalties ?? null;
        changes = {
          state: 'corrected',
          correctedOn: on,
          correctionNote: b.note as string,
          ...(inForce
            ? { summary: { ...row.summary, penalties: inForce, penaltyText: penaltyText(inForce) } }
            : {}),
        };
        break;
      }
      default:
        throw notFound('Step', name);
    }
    const updated = await repo.updatePublication(ctx.tx, row, changes, ctx.now);
    // A withdrawal, or the correction of a varied decision, completes the withdrawal a review made due.
    if (pendingChange && (name === 'withdraw' || name === 'correct'))
      await ctx.tx
        .update(decisionStatusChanges)
        .set({ withdrawnAt: ctx.now })
        .where(
          and(eq(decisionStatusChanges.agencyId, agencyId), eq(decisionStatusChanges.id, pendingChange.id)),
        );
    const kind = name === 'publish' ? 'published' : name === 'withdraw' ? 'withdrawn' : 'corrected';
    // Nothing to tell the credit systems of a publication withdrawn before it was public.
    if (!(name === 'withdraw' && row.state === 'pending'))
      await creditEvent(ctx.tx, updated, kind, on, ctx.now);
    ctx.audit({
      action: `publication.${name}`,
      entityType: 'publication',
      entityId: row.id,
      changes: Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [
          k,
          { before: (row as Record<string, unknown>)[k] ?? null, after: v ?? null },
        ]),
      ),
    });
    return (await views(ctx.tx, agencyId, [updated], ctx.now))[0] as PublicationView;
  }

  async function runExpiry(ctx: WriteContext): Promise<{ expired: number }> {
    const expired = await expirePublications(ctx.tx, ctx.now, ctx.actor.agencyId);
    ctx.audit({
      action: 'publication.expiry_run',
      entityType: 'agency',
      entityId: ctx.actor.agencyId,
      changes: { expired: { before: null, after: expired } },
    });
    return { expired };
  }

  function publicView(row: repo.PublicationRow): PublicPublicationView {
    const s = row.summary;
    return {
      id: row.id,
      decisionNumber: s.decisionNumber,
      partyName: s.partyName,
      partyCreditCode: s.partyCreditCode,
      legalRepresentative: s.legalRepresentative,
      violationType: s.violationType,
      penaltyText: s.penaltyText,
      bureau: s.bureau,
      decidedOn: s.decidedOn,
      publishedOn: row.publishedOn as string,
      expiresOn: row.expiresOn as string,
      corrected: row.state === 'corrected',
      maskedText: row.maskedText,
    };
  }

  async function publicList(
    ex: Executor,
    query: { agencyId: string; limit?: number; cursor?: string },
    now: Date,
  ) {
    if (!(await findAgency(ex, query.agencyId))) throw notFound('Agency', query.agencyId);
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await repo.listPublic(ex, query.agencyId, chinaDate(now), limit + 1, after);
    const page = toPage(rows, limit, (r) => ({ id: r.id }));
    return { items: page.items.map(publicView), nextCursor: page.nextCursor };
  }

  async function publicOne(ex: Executor, agencyId: string, id: string, now: Date) {
    if (!(await findAgency(ex, agencyId))) throw notFound('Agency', agencyId);
    const [row] = await repo.listPublic(ex, agencyId, chinaDate(now), 1, undefined, id);
    if (!row) throw notFound('Publication', id);
    return publicView(row);
  }

  /** The restoration notice (信用修复告知书) of the case's latest publication; 404 when it has none. */
  async function restorationNotice(
    ex: Executor,
    agencyId: string,
    caseId: string,
  ): Promise<RestorationNoticeView> {
    const c = await cases.findCase(ex, agencyId, caseId);
    if (!c) throw notFound('Case', caseId);
    const row = await repo.latestOfCase(ex, agencyId, caseId);
    if (!row) throw notFound('Publication of case', caseId);
    const min = await restorationMonths(ex, agencyId, c.powerItemId, row.decidedOn);
    const notice = buildRestorationNotice({
      agencyName: row.summary.bureau,
      party: { name: row.summary.partyName, creditCode: row.summary.partyCreditCode },
      decisionNumber: row.decisionNumber,
      decidedOn: row.decidedOn,
      penalties: row.summary.penalties,
      period: { months: row.periodMonths, basis: row.periodBasis as 'three_years' },
      publishedOn: row.publishedOn,
      expiresOn: row.expiresOn,
      minMonths: min.months,
      extended: min.extended,
      earliestOn: row.earliestRestorationOn,
    });
    return {
      caseId,
      publicationId: row.id,
      ...notice,
      servedOn: await repo.noticeServedOn(ex, agencyId, caseId, row.decidedOn),
    };
  }

  return { get, list, step, runExpiry, publicList, publicOne, restorationNotice };
}

export type PublicationsService = ReturnType<typeof createPublicationsService>;

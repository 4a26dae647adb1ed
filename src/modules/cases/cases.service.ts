/**
 * Enforcement cases (行政处罚案件), part 1: from lead to decision (RULES.md §1).
 *
 * Every step is a named action. The service locks the case, builds the guards' snapshot from what
 * was recorded, looks up the facts a guard needs (certificates on the act's date, the power item,
 * people's roles), runs the pure guard and either refuses with every unmet condition (422
 * CASE_RULE_VIOLATION, nothing written) or applies the action: the case row, a timeline event, the
 * document number where the act produces a numbered document, and the audit event.
 */
import type { Executor } from '../../db/client';
import type { DecisionStatus } from '../../domain/appeals/outcomes';
import { changedFields } from '../../domain/audit/hash-chain';
import { addDays, chinaDate, type IsoDate } from '../../domain/calendar/dates';
import { computeDeadline } from '../../domain/calendar/deadlines';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import {
  afterDecisionClocks,
  afterDecisionOf,
  closedCaseLock,
  majorCaseFilingRequired,
  NOTHING_AFTER_DECISION,
} from '../../domain/cases/after-decision';
import { type CaseClock, caseClocks } from '../../domain/cases/case-clocks';
import {
  type ActionInput,
  availableActions,
  type CaseAction,
  checkAction,
  type GuardFacts,
  LIMITATION_YEARS,
  type LimitationBasis,
  limitationEndsOn,
} from '../../domain/cases/case-guards';
import {
  type CaseSnapshot,
  type CaseStage,
  type PartyKind,
  type ProposedPenalty,
  TIMED_PENALTIES,
} from '../../domain/cases/case-model';
import {
  collectiveDiscussionRequired,
  hearingRight,
  legalReviewRequired,
  stageAfter,
} from '../../domain/cases/case-rules';
import { buildSnapshot } from '../../domain/cases/case-snapshot';
import { unmet } from '../../domain/cases/conditions';
import type { DocumentType } from '../../domain/documents/document-types';
import {
  isUnifiedSocialCreditCode,
  maskResidentId,
  normalizeUnifiedSocialCreditCode,
} from '../../domain/identifiers';
import { PERIOD_RULES } from '../../domain/rules/period-rules';
import { staleVersion } from '../../http/etag';
import { decodeCursor, encodeCursor, toPage } from '../../http/pagination';
import { type FieldError, HttpProblem, notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { Principal } from '../../plugins/auth';
import type { WriteContext } from '../../plugins/writes';
import { findUnit } from '../agencies/agencies.repository';
import type { CalendarService } from '../calendar/calendar.service';
import { criminalTransferPending } from '../criminal-transfers/criminal-transfers.repository';
import { allocateDocumentNumber } from '../document-numbers/document-numbers.service';
import { findOfficer } from '../officers/officers.repository';
import { activeOfficerHasRole, certificatesValidOn, maskPhone } from '../officers/officers.service';
import { assessItem } from '../power-list/discretion.service';
import { findItem } from '../power-list/power-list.repository';
import { findItemAsOf } from '../power-list/power-list.service';
import { createPublicationForDecision } from '../publications/publications.service';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import {
  afterDecisionSettings,
  afterDecisionView,
  performanceView,
  prepareAfterDecision,
} from './after-decision.service';
import * as repo from './cases.repository';
import type {
  ActionBody,
  ActionName,
  CaseCreate,
  CaseListQuery,
  CaseUpdate,
  CaseView,
  PartyInput,
} from './cases.schemas';
import { ruleViolation } from './investigation.shared';
import { openMeasureClocks } from './measures.service';

export type CasesDeps = { calendar: CalendarService };

/** GET /v1/cases?overdue=: candidates whose clocks are computed per batch, and at most per request. */
const OVERDUE_SCAN_BATCH = 100;
const OVERDUE_SCAN_LIMIT = 1000;

/** A closed or archived case is read-only: 422 CASE_RULE_VIOLATION with CASE_CLOSED (after-decision.ts). */
function refuseIfClosed(row: { stage: string }, action: string): void {
  const locked = closedCaseLock(row, action);
  if (locked.length > 0) throw ruleViolation(action, locked);
}

/** What each kind of party must carry (RULES.md §10 identifiers); on-the-spot penalties reuse it. */
export function partyProblems(party: PartyInput, pointer: string): FieldError[] {
  const need = (field: keyof PartyInput, why: string): FieldError[] =>
    party[field] ? [] : [{ in: 'body', pointer: `${pointer}/${field}`, message: `is required for ${why}` }];
  switch (party.kind) {
    case 'natural_person':
      return need('residentId', 'a natural person (公民身份号码)');
    case 'legal_person':
      return [
        ...need('creditCode', 'a legal person'),
        ...need('legalRepresentative', 'a legal person (法定代表人)'),
      ];
    case 'other_organisation':
      return need('creditCode', 'an organisation');
    case 'individual_business':
      return [
        ...need('creditCode', 'an individual business'),
        ...need('legalRepresentative', 'its operator (经营者)'),
      ];
  }
}

function toParty(row: repo.PartyRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    residentId: row.residentId ? maskResidentId(row.residentId) : null,
    creditCode: row.creditCode,
    legalRepresentative: row.legalRepresentative,
    address: row.address,
    phone: row.phone ? maskPhone(row.phone) : null,
  };
}

/** The settings the case rules depend on, as of a date. */
async function caseSettings(ex: Executor, agencyId: string, on: IsoDate) {
  const [allCases, hearingThresholds, discussionThresholds, reviewDays] = [
    await ruleSetting(ex, agencyId, 'legal_review.all_cases', on),
    await ruleSetting(ex, agencyId, 'hearing.fine_thresholds', on),
    await ruleSetting(ex, agencyId, 'collective_discussion.fine_thresholds', on),
    await ruleSetting(ex, agencyId, 'case_review.working_days', on),
  ];
  return {
    allCases: allCases.value,
    hearingThresholds: hearingThresholds.value,
    discussionThresholds: discussionThresholds.value,
    caseReviewDays: reviewDays.value,
    afterDecision: await afterDecisionSettings(ex, agencyId, on),
  };
}

interface Loaded {
  row: repo.CaseRow;
  parties: repo.PartyRow[];
  officers: Awaited<ReturnType<typeof repo.listCaseOfficers>>;
  events: repo.EventRow[];
  pauses: repo.PauseRow[];
  snapshot: CaseSnapshot;
  settings: Awaited<ReturnType<typeof caseSettings>>;
}

async function load(
  ex: Executor,
  agencyId: string,
  caseId: string,
  today: IsoDate,
  lock = false,
): Promise<Loaded> {
  const row = await repo.findCase(ex, agencyId, caseId, { lock });
  if (!row) throw notFound('Case', caseId);
  const parties = await repo.listParties(ex, agencyId, caseId);
  const officers = await repo.listCaseOfficers(ex, agencyId, caseId);
  const events = await repo.listEvents(ex, agencyId, caseId);
  const pauses = await repo.listPauses(ex, agencyId, caseId);
  const evidenceCount = await repo.countEvidence(ex, agencyId, caseId);
  const settings = await caseSettings(ex, agencyId, today);
  return assemble({ row, parties, officers, events, pauses, evidenceCount }, settings);
}

/** What load() reads for one case; GET /v1/cases reads it for a whole page at once (loadMany). */
interface CaseParts {
  row: repo.CaseRow;
  parties: repo.PartyRow[];
  officers: Loaded['officers'];
  events: repo.EventRow[];
  pauses: repo.PauseRow[];
  evidenceCount: number;
}

/** The snapshot of a case from what was read: one code path for a single case and for a page. */
function assemble(parts: CaseParts, settings: Loaded['settings']): Loaded {
  const { row, parties, officers, events, pauses, evidenceCount } = parts;
  const kinds = parties.map((p) => p.kind as PartyKind);
  const base = buildSnapshot(
    row,
    kinds,
    officers.map((o) => o.id),
    evidenceCount,
    events,
    pauses,
  );
  const flags = { major: row.major, complex: row.complex };
  const snapshot: CaseSnapshot = {
    ...base,
    legalReviewRequired: legalReviewRequired(base, flags, settings),
    collectiveDiscussionRequired: collectiveDiscussionRequired(base, flags, settings.discussionThresholds),
    afterDecision: afterDecisionOf(
      row,
      events,
      majorCaseFilingRequired(
        row.decidedOn ? (row.decision as { kind: string; penalties: ProposedPenalty[] } | null) : null,
        kinds,
        row.major,
        settings.afterDecision.majorCaseCriteria,
      ),
    ),
  };
  return { row, parties, officers, events, pauses, snapshot, settings };
}

/** load() for many cases at once: one query per table for the page, settings read once. */
async function loadMany(
  ex: Executor,
  agencyId: string,
  rows: repo.CaseRow[],
  settings: Loaded['settings'],
): Promise<Loaded[]> {
  const ids = rows.map((r) => r.id);
  const byCase = <T extends { caseId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.caseId, [...(map.get(item.caseId) ?? []), item]);
    return (id: string) => map.get(id) ?? [];
  };
  const parties = byCase(await repo.listPartiesOf(ex, agencyId, ids));
  const officers = byCase(await repo.listCaseOfficersOf(ex, agencyId, ids));
  const events = byCase(await repo.listEventsOf(ex, agencyId, ids));
  const pauses = byCase(await repo.listPausesOf(ex, agencyId, ids));
  const evidence = await repo.countEvidenceOf(ex, agencyId, ids);
  return rows.map((row) =>
    assemble(
      {
        row,
        parties: parties(row.id),
        officers: officers(row.id).map(({ caseId: _, ...o }) => o),
        events: events(row.id),
        pauses: pauses(row.id),
        evidenceCount: evidence.get(row.id) ?? 0,
      },
      settings,
    ),
  );
}

/** GET /v1/cases?party=: a credit code matches that column exactly; anything else, a substring of a name. */
function partyFilter(text: string): Pick<repo.CaseFilter, 'partyName' | 'partyCreditCode'> {
  const code = normalizeUnifiedSocialCreditCode(text);
  return isUnifiedSocialCreditCode(code) ? { partyCreditCode: code } : { partyName: text };
}

/** Facts every guard may look at, on a date. */
async function guardFacts(
  ex: Executor,
  agencyId: string,
  l: Loaded,
  on: IsoDate,
  today: IsoDate,
): Promise<GuardFacts> {
  const validity = await certificatesValidOn(ex, agencyId, l.snapshot.officerIds, on);
  const item = l.row.powerItemId ? await findItemAsOf(ex, agencyId, l.row.powerItemId, on) : undefined;
  return {
    today,
    certifiedOfficerIds: validity.filter((v) => v.valid).map((v) => v.officerId),
    powerItem: item ? { category: item.category, inForce: item.status === 'in_force' } : null,
    criminalTransferPending: await criminalTransferPending(ex, agencyId, l.row.id),
    measuresInForce: (await repo.casesWithOpenMeasures(ex, agencyId, [l.row.id])).size > 0,
  };
}

function clockInputs(l: Loaded, today: IsoDate) {
  const { row, snapshot: s } = l;
  const leadResolved = l.events.find((e) =>
    ['file', 'decline-filing', 'transfer', 'criminal-transfer-send'].includes(e.action),
  );
  // Termination (终止调查) ends every clock still running: the review of a terminated case is never due.
  const terminatedOn = l.events.find((e) => e.action === 'terminate')?.occurredOn ?? null;
  const statementClosed =
    s.waivedOn ??
    s.hearing?.requestedOn ??
    (s.notice && today > s.notice.windowEndsOn ? s.notice.windowEndsOn : null) ??
    row.decidedOn ??
    terminatedOn;
  const reviewPassed = s.caseReview?.result === 'pass' ? s.caseReview.on : terminatedOn;
  return {
    receivedOn: row.receivedOn,
    leadResolvedOn: leadResolved?.occurredOn ?? null,
    filingExtensionDays: s.filingExtensionDays,
    filedOn: row.filedOn,
    concludedOn: row.concludedOn,
    caseReviewPassedOn: reviewPassed,
    caseReviewDays: l.settings.caseReviewDays,
    noticeServedOn: s.notice?.servedOn ?? null,
    statementClosedOn: statementClosed,
    // A decision revoked with an order to decide again met the decision clock when it was made.
    decidedOn: row.decidedOn ?? l.events.find((e) => e.action === 'decide')?.occurredOn ?? terminatedOn,
    decisionExtensions: l.events
      .filter((e) => e.action === 'approve-extension' && e.data.kind === 'decision')
      .map((e) => ({ days: Number(e.data.days), reason: String(e.data.reason ?? ''), on: e.occurredOn })),
    pauses: l.pauses.map((p) => ({
      from: p.fromDate,
      ...(p.toDate ? { to: p.toDate } : {}),
      reason: p.reason,
      kind: p.kind,
    })),
  };
}

/**
 * Every clock of a case as GET /v1/cases/{id} shows it: the case's own and those of its measures still
 * in force. GET /v1/cases?overdue= uses this same function, so the filter never disagrees with what a
 * case shows; `openMeasures: false` skips the measures query for a case known to have none open.
 */
async function clocksOf(
  ex: Executor,
  agencyId: string,
  l: Loaded,
  cal: WorkingCalendar,
  today: IsoDate,
  openMeasures = true,
): Promise<CaseClock[]> {
  return [
    ...caseClocks(cal, clockInputs(l, today), today),
    ...afterDecisionClocks(
      cal,
      l.snapshot.afterDecision ?? NOTHING_AFTER_DECISION,
      l.settings.afterDecision,
      today,
    ),
    ...(openMeasures ? await openMeasureClocks(ex, agencyId, l.row.id, cal, l.pauses, today) : []),
  ];
}

export function createCasesService({ calendar }: CasesDeps) {
  async function view(ex: Executor, agencyId: string, l: Loaded, today: IsoDate): Promise<CaseView> {
    const { row, snapshot: s } = l;
    const cal = await calendar.calendarFor(ex);
    const clocks = await clocksOf(ex, agencyId, l, cal, today);
    const valid = await certificatesValidOn(ex, agencyId, s.officerIds, today);
    const item = row.powerItemId ? await findItem(ex, agencyId, row.powerItemId) : undefined;
    const itemNow = row.powerItemId ? await findItemAsOf(ex, agencyId, row.powerItemId, today) : undefined;
    const noticeEvent = [...l.events].reverse().find((e) => e.action === 'issue-notice');
    const basis = row.limitationBasis as LimitationBasis | null;
    return {
      id: row.id,
      stage: row.stage as CaseStage,
      suspended: row.suspended,
      major: row.major,
      complex: row.complex,
      source: row.source,
      sourceRef: row.sourceRef,
      receivedOn: row.receivedOn,
      summary: row.summary,
      violationOn: row.violationOn,
      powerItem: item ? { id: item.id, code: item.code, name: itemNow?.name ?? item.code } : null,
      unitId: row.unitId,
      filedOn: row.filedOn,
      filingNumber: row.filingNumber,
      limitation: basis
        ? {
            basis,
            reason: row.limitationReason,
            endsOn: row.violationOn ? limitationEndsOn(row.violationOn, basis) : null,
          }
        : null,
      parties: l.parties.map(toParty),
      officers: l.officers.map((o) => ({
        id: o.id,
        name: o.name,
        certificateValidToday: valid.find((v) => v.officerId === o.id)?.valid ?? false,
      })),
      evidenceCount: s.evidenceCount,
      proposal: s.proposal ? { version: s.proposal.version, penalties: s.proposal.penalties } : null,
      notice: s.notice
        ? {
            servedOn: s.notice.servedOn,
            windowEndsOn: s.notice.windowEndsOn,
            hearingRight: s.notice.hearingRight,
            documentNumber: noticeEvent?.documentNumber ?? null,
          }
        : null,
      legalReviewRequired: s.legalReviewRequired,
      collectiveDiscussionRequired: s.collectiveDiscussionRequired,
      decidedOn: row.decidedOn,
      decisionNumber: row.decisionNumber,
      decisionStatus: row.decidedOn ? ((row.decisionStatus ?? 'in_force') as DecisionStatus) : null,
      decision: (row.decision as Record<string, unknown> | null) ?? null,
      closingReason: row.closingReason,
      performance: performanceView(l.snapshot.afterDecision ?? NOTHING_AFTER_DECISION, cal, today),
      afterDecision: afterDecisionView(l.snapshot.afterDecision ?? NOTHING_AFTER_DECISION, l.events),
      clocks,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function requireUnitOf(ex: Executor, agencyId: string, unitId: string) {
    if (!(await findUnit(ex, agencyId, unitId))) {
      throw validationFailed([{ in: 'body', pointer: '/unitId', message: 'is not a unit of your agency' }]);
    }
  }

  async function requireItemOf(ex: Executor, agencyId: string, itemId: string) {
    if (!(await findItem(ex, agencyId, itemId))) {
      throw validationFailed([
        { in: 'body', pointer: '/powerItemId', message: 'is not an item of your agency’s power list' },
      ]);
    }
  }

  async function register(ctx: WriteContext, input: CaseCreate): Promise<CaseView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const errors = (input.parties ?? []).flatMap((p, i) => partyProblems(p, `/parties/${i}`));
    if (input.receivedOn > today)
      errors.push({ in: 'body', pointer: '/receivedOn', message: 'is in the future' });
    if (input.violationOn && input.violationOn > input.receivedOn) {
      errors.push({ in: 'body', pointer: '/violationOn', message: 'is after the lead was received' });
    }
    if (errors.length > 0) throw validationFailed(errors);
    if (input.unitId) await requireUnitOf(ctx.tx, agencyId, input.unitId);
    if (input.powerItemId) await requireItemOf(ctx.tx, agencyId, input.powerItemId);

    const row = await repo.insertCase(ctx.tx, {
      agencyId,
      stage: 'lead',
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      receivedOn: input.receivedOn,
      summary: input.summary,
      violationOn: input.violationOn ?? null,
      powerItemId: input.powerItemId ?? null,
      unitId: input.unitId ?? null,
      major: input.major ?? false,
      complex: input.complex ?? false,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.insertParties(
      ctx.tx,
      (input.parties ?? []).map((p) => ({ agencyId, caseId: row.id, ...p, createdAt: ctx.now })),
    );
    await repo.appendEvent(ctx.tx, {
      agencyId,
      caseId: row.id,
      action: 'register-lead',
      occurredOn: input.receivedOn,
      recordedAt: ctx.now,
      actorType: ctx.actor.kind,
      actorId: ctx.actor.id,
      data: {
        source: input.source,
        sourceRef: input.sourceRef ?? null,
        parties: (input.parties ?? []).length,
      },
      documentNumber: null,
    });
    ctx.audit({
      action: 'case.lead_registered',
      entityType: 'case',
      entityId: row.id,
      changes: changedFields(null, {
        source: input.source,
        receivedOn: input.receivedOn,
        summary: input.summary,
      }),
    });
    return view(ctx.tx, agencyId, await load(ctx.tx, agencyId, row.id, today), today);
  }

  async function get(ex: Executor, agencyId: string, caseId: string, today: IsoDate) {
    return view(ex, agencyId, await load(ex, agencyId, caseId, today), today);
  }

  async function update(ctx: WriteContext, caseId: string, versions: number[], input: CaseUpdate) {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const current = await repo.findCase(ctx.tx, agencyId, caseId, { lock: true });
    if (!current) throw notFound('Case', caseId);
    if (!versions.includes(current.version)) throw staleVersion(current.version);
    refuseIfClosed(current, 'update');
    if (!['lead', 'investigation', 'review', 'notice'].includes(current.stage)) {
      throw new HttpProblem('UNPROCESSABLE', `The case is ${current.stage}: its record is closed`, {
        extensions: { reason: 'CASE_CLOSED' },
      });
    }
    if (input.violationOn && input.violationOn > current.receivedOn) {
      throw validationFailed([
        { in: 'body', pointer: '/violationOn', message: 'is after the lead was received' },
      ]);
    }
    // A filed case stays within its limitation period (APL art. 36): a corrected violation date may
    // not put the filing out of time.
    const basis = current.limitationBasis as LimitationBasis | null;
    if (input.violationOn && current.filedOn && basis) {
      const endsOn = limitationEndsOn(input.violationOn, basis);
      if (endsOn < current.filedOn) {
        throw ruleViolation('update', [
          unmet(
            'LIMITATION_EXPIRED',
            `a violation of ${input.violationOn} could be pursued until ${endsOn}; the case was filed ${current.filedOn}`,
          ),
        ]);
      }
    }
    if (input.unitId) await requireUnitOf(ctx.tx, agencyId, input.unitId);
    if (input.powerItemId) await requireItemOf(ctx.tx, agencyId, input.powerItemId);
    const row = await repo.updateCase(ctx.tx, agencyId, caseId, { ...input }, ctx.now);
    const changes = changedFields(current, row);
    await repo.appendEvent(ctx.tx, {
      agencyId,
      caseId,
      action: 'update-case',
      occurredOn: today,
      recordedAt: ctx.now,
      actorType: ctx.actor.kind,
      actorId: ctx.actor.id,
      data: { changed: Object.keys(input), ...input },
      documentNumber: null,
    });
    ctx.audit({ action: 'case.updated', entityType: 'case', entityId: caseId, changes });
    return view(ctx.tx, agencyId, await load(ctx.tx, agencyId, caseId, today), today);
  }

  async function addParty(ctx: WriteContext, caseId: string, input: PartyInput) {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const errors = partyProblems(input, '');
    if (errors.length > 0) throw validationFailed(errors);
    const current = await repo.findCase(ctx.tx, agencyId, caseId, { lock: true });
    if (!current) throw notFound('Case', caseId);
    refuseIfClosed(current, 'add-party');
    if (!['lead', 'investigation', 'review'].includes(current.stage)) {
      throw new HttpProblem('UNPROCESSABLE', 'Parties are added before the pre-penalty notice', {
        extensions: { reason: 'CASE_STAGE_CLOSED_FOR_PARTIES' },
      });
    }
    const [party] = await repo.insertParties(ctx.tx, [{ agencyId, caseId, ...input, createdAt: ctx.now }]);
    await repo.updateCase(ctx.tx, agencyId, caseId, {}, ctx.now);
    await repo.appendEvent(ctx.tx, {
      agencyId,
      caseId,
      action: 'add-party',
      occurredOn: today,
      recordedAt: ctx.now,
      actorType: ctx.actor.kind,
      actorId: ctx.actor.id,
      data: { partyId: party?.id, kind: input.kind, name: input.name },
      documentNumber: null,
    });
    ctx.audit({
      action: 'case.party_added',
      entityType: 'case',
      entityId: caseId,
      changes: { party: { before: null, after: { kind: input.kind, name: input.name } } },
    });
    return view(ctx.tx, agencyId, await load(ctx.tx, agencyId, caseId, today), today);
  }

  async function actions(ex: Executor, agencyId: string, caseId: string, today: IsoDate) {
    const l = await load(ex, agencyId, caseId, today);
    const facts = await guardFacts(ex, agencyId, l, today, today);
    return { caseId, stage: l.row.stage as CaseStage, actions: availableActions(l.snapshot, facts) };
  }

  async function timeline(ex: Executor, agencyId: string, caseId: string) {
    const row = await repo.findCase(ex, agencyId, caseId);
    if (!row) throw notFound('Case', caseId);
    const events = await repo.listEvents(ex, agencyId, caseId);
    return {
      caseId,
      events: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        occurredOn: e.occurredOn,
        recordedAt: e.recordedAt.toISOString(),
        actorType: e.actorType,
        actorId: e.actorId,
        data: e.data,
        documentNumber: e.documentNumber,
      })),
    };
  }

  /**
   * GET /v1/cases: one keyset page (by id) of the agency's cases matching the filter.
   *
   * `overdue` cannot be a SQL predicate: clocks are computed on read from the working calendar
   * (holidays, make-up days, pauses, extensions), and storing a due date would go stale with every
   * calendar edit. So the SQL part of the filter yields candidates in id order, and the service
   * computes their clocks exactly as GET /v1/cases/{id} shows them, batch by batch, until the page is
   * full. Bounded: a final stage completes every clock of the case itself, so overdue=true scans only
   * open cases and cases with a measure still in force (see CaseFilter.mayBeOverdue); and one request scans at most
   * OVERDUE_SCAN_LIMIT candidates. If that budget runs out first, the page is short (possibly empty)
   * and its nextCursor points after the last candidate scanned, so the client keeps following
   * nextCursor: no case is skipped or repeated, since every candidate up to the cursor was checked.
   */
  async function list(ex: Executor, agencyId: string, query: CaseListQuery, today: IsoDate) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    let after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    if (query.filedFrom && query.filedTo && query.filedFrom > query.filedTo) {
      throw validationFailed([
        { in: 'querystring', pointer: '/filedFrom', message: `is after filedTo (${query.filedTo})` },
      ]);
    }
    const filter: repo.CaseFilter = {
      ...(query.stage ? { stages: [...new Set(query.stage)] } : {}),
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.officerId ? { officerId: query.officerId } : {}),
      ...(query.party !== undefined ? partyFilter(query.party) : {}),
      ...(query.powerItemId ? { powerItemId: query.powerItemId } : {}),
      ...(query.filedFrom ? { filedFrom: query.filedFrom } : {}),
      ...(query.filedTo ? { filedTo: query.filedTo } : {}),
      ...(query.major !== undefined ? { major: query.major } : {}),
    };
    const settings = await caseSettings(ex, agencyId, today);
    const views = async (loaded: Loaded[]) => {
      const items: CaseView[] = [];
      for (const l of loaded) items.push(await view(ex, agencyId, l, today));
      return items;
    };

    if (query.overdue === undefined) {
      const rows = await repo.listCases(ex, agencyId, filter, limit + 1, after);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      return {
        items: await views(await loadMany(ex, agencyId, page.items, settings)),
        nextCursor: page.nextCursor,
      };
    }

    if (query.overdue) filter.mayBeOverdue = true;
    const cal = await calendar.calendarFor(ex);
    const matches: Loaded[] = [];
    let scanned = 0;
    let exhausted = false;
    while (matches.length <= limit && !exhausted && scanned < OVERDUE_SCAN_LIMIT) {
      const take = Math.min(OVERDUE_SCAN_BATCH, OVERDUE_SCAN_LIMIT - scanned);
      const batch = await repo.listCases(ex, agencyId, filter, take, after);
      exhausted = batch.length < take;
      const withMeasures = await repo.casesWithOpenMeasures(
        ex,
        agencyId,
        batch.map((r) => r.id),
      );
      for (const l of await loadMany(ex, agencyId, batch, settings)) {
        scanned += 1;
        after = l.row.id;
        const clocks = await clocksOf(ex, agencyId, l, cal, today, withMeasures.has(l.row.id));
        if (clocks.some((c) => c.state === 'overdue') === query.overdue) matches.push(l);
        if (matches.length > limit) break;
      }
    }
    const items = matches.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      matches.length > limit && last
        ? encodeCursor({ id: last.row.id })
        : !exhausted && after
          ? encodeCursor({ id: after })
          : null;
    return { items: await views(items), nextCursor };
  }

  // -------------------------------------------------------------------------------------------------
  // Actions

  interface Step {
    changes: Partial<repo.CaseRow>;
    data: Record<string, unknown>;
    documentType?: DocumentType;
    /** Extra writes once the guard passed (pauses, officer assignments). */
    after?: () => Promise<void>;
  }

  async function perform<A extends ActionName>(
    ctx: WriteContext,
    caseId: string,
    action: A,
    body: ActionBody<A>,
    /** From an optional If-Match: the versions the caller saw. */
    versions: number[] | null = null,
  ): Promise<CaseView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const l = await load(ctx.tx, agencyId, caseId, today, true);
    if (versions && !versions.includes(l.row.version)) throw staleVersion(l.row.version);
    const on = ('on' in body ? body.on : today) as IsoDate;
    const facts = await guardFacts(ctx.tx, agencyId, l, on, today);
    const s = l.snapshot;
    const approver = async () =>
      'approverId' in body
        ? activeOfficerHasRole(ctx.tx, agencyId, body.approverId as string, 'bureau_head')
        : false;

    let input: unknown;
    let step: Step;
    const b = body as Record<string, unknown>;
    // A duration (months) belongs to a timed penalty only (限制开展生产经营活动、限制从业、责令停产停业).
    const untimed = ((b.penalties as ProposedPenalty[] | undefined) ?? []).flatMap((p, i) =>
      p.months !== undefined && !TIMED_PENALTIES.includes(p.type)
        ? [{ in: 'body' as const, pointer: `/penalties/${i}/months`, message: `does not apply to ${p.type}` }]
        : [],
    );
    if (untimed.length > 0) throw validationFailed(untimed);
    switch (action as CaseAction) {
      case 'assign-officers': {
        const ids = b.officerIds as string[];
        const validity = await certificatesValidOn(ctx.tx, agencyId, ids, on);
        input = {
          on,
          officerIds: ids,
          validOfficerIds: validity.filter((v) => v.valid).map((v) => v.officerId),
        };
        step = {
          changes: {},
          data: { officerIds: ids },
          after: () => repo.assignOfficers(ctx.tx, agencyId, caseId, ids, on),
        };
        break;
      }
      case 'file': {
        input = {
          on,
          approverIsBureauHead: await approver(),
          limitationBasis: b.limitationBasis,
          ...(b.limitationReason ? { limitationReason: b.limitationReason } : {}),
        };
        step = {
          changes: {
            filedOn: on,
            limitationBasis: b.limitationBasis as string,
            limitationReason: (b.limitationReason as string | undefined) ?? null,
          },
          data: {
            approverId: b.approverId,
            limitationBasis: b.limitationBasis,
            limitationYears: LIMITATION_YEARS[b.limitationBasis as LimitationBasis],
          },
          documentType: 'case_filing',
        };
        break;
      }
      case 'decline-filing':
      case 'transfer':
      case 'terminate': {
        input = { on, approverIsBureauHead: await approver(), toPolice: b.recipientKind === 'police' };
        const reason = [b.reason, b.detail, b.recipient].filter(Boolean).join(' — ');
        step = {
          changes: { closingReason: reason },
          data: { ...b },
          ...(action === 'terminate' ? { after: () => repo.closePauses(ctx.tx, agencyId, caseId, on) } : {}),
        };
        break;
      }
      case 'suspend':
        input = { on };
        step = {
          changes: { suspended: true },
          data: { reason: b.reason },
          after: () =>
            repo.openPause(ctx.tx, {
              agencyId,
              caseId,
              kind: 'suspension',
              fromDate: on,
              reason: String(b.reason),
            }),
        };
        break;
      case 'resume':
        input = { on };
        // The suspension covers the days up to the one before resumption.
        step = {
          changes: { suspended: false },
          data: {},
          after: () => repo.closePauses(ctx.tx, agencyId, caseId, addDays(on, -1), 'suspension'),
        };
        break;
      case 'start-testing':
        input = { on };
        // The testing days are not counted in the filing (PPR art. 18) and decision (APL art. 60) clocks.
        step = {
          changes: {},
          data: { kind: b.kind ?? 'testing', subject: b.subject, institution: b.institution },
          after: () =>
            repo.openPause(ctx.tx, {
              agencyId,
              caseId,
              kind: 'testing',
              fromDate: on,
              reason: `${String(b.subject)} — ${String(b.institution)}`,
            }),
        };
        break;
      case 'end-testing':
        input = { on };
        // The day the result arrives is still part of the testing period.
        step = {
          changes: {},
          data: { resultSummary: b.resultSummary },
          after: () => repo.closePauses(ctx.tx, agencyId, caseId, on, 'testing'),
        };
        break;
      case 'conclude-investigation': {
        const penalties = b.penalties as ProposedPenalty[];
        input = { on, penalties };
        step = {
          changes: { concludedOn: on, proposal: penalties, proposalVersion: l.row.proposalVersion + 1 },
          data: { findings: b.findings, penalties, proposalVersion: l.row.proposalVersion + 1 },
        };
        break;
      }
      case 'revise-proposal': {
        const penalties = b.penalties as ProposedPenalty[];
        input = { on, penalties };
        step = {
          changes: { proposal: penalties, proposalVersion: l.row.proposalVersion + 1 },
          data: { penalties, reason: b.reason, proposalVersion: l.row.proposalVersion + 1 },
        };
        break;
      }
      case 'complete-review':
        input = { on };
        step = { changes: {}, data: { result: b.result, opinion: b.opinion } };
        break;
      case 'record-legal-review': {
        const reviewer = ctx.actor;
        const officer =
          reviewer.kind === 'officer' ? await findOfficer(ctx.tx, agencyId, reviewer.id) : undefined;
        input = {
          on,
          reviewerId: reviewer.id,
          reviewerIsLegalReviewer: officer?.roles.includes('legal_reviewer') ?? false,
          reviewerQualified: officer?.legalQualification ?? false,
        };
        step = {
          changes: {},
          data: {
            result: b.result,
            opinion: b.opinion,
            reviewerId: reviewer.id,
            proposalVersion: l.row.proposalVersion,
          },
        };
        break;
      }
      case 'issue-notice': {
        input = { on };
        const cal = await calendar.calendarFor(ctx.tx);
        const window = computeDeadline(cal, {
          start: on,
          days: PERIOD_RULES.STATEMENT_AND_HEARING_REQUEST.days,
          unit: PERIOD_RULES.STATEMENT_AND_HEARING_REQUEST.unit,
        });
        const penalties = s.proposal?.penalties ?? [];
        step = {
          changes: {},
          data: {
            penalties,
            proposalVersion: l.row.proposalVersion,
            windowEndsOn: window.dueDate,
            hearingRight: hearingRight(penalties, s.partyKinds, l.settings.hearingThresholds),
            calendarVersion: window.calendarVersion,
          },
          documentType: 'pre_penalty_notice',
        };
        break;
      }
      case 'record-statement':
        input = { on };
        step = { changes: {}, data: { summary: b.summary } };
        break;
      case 'waive-rights':
        input = { on };
        step = { changes: {}, data: {} };
        break;
      case 'request-hearing':
        input = { on };
        // The hearing period is not counted in the decision clock (APL art. 60).
        step = {
          changes: {},
          data: {},
          after: () =>
            repo.openPause(ctx.tx, {
              agencyId,
              caseId,
              kind: 'hearing',
              fromDate: on,
              reason: 'hearing requested',
            }),
        };
        break;
      case 'schedule-hearing': {
        const cal = await calendar.calendarFor(ctx.tx);
        const earliest = computeDeadline(cal, {
          start: on,
          days: PERIOD_RULES.HEARING_NOTICE.days,
          unit: PERIOD_RULES.HEARING_NOTICE.unit,
        }).dueDate as IsoDate;
        input = {
          noticeServedOn: on,
          scheduledFor: b.scheduledFor,
          earliestHearingOn: earliest,
          chairId: b.chairId,
        };
        step = {
          changes: {},
          data: { scheduledFor: b.scheduledFor, chairId: b.chairId, earliestHearingOn: earliest },
          documentType: 'hearing_notice',
        };
        break;
      }
      case 'record-hearing':
        input = { on, partyAbsent: b.partyAbsent };
        step = {
          changes: {},
          data: { partyAbsent: b.partyAbsent, record: b.record },
          after: () => repo.closePauses(ctx.tx, agencyId, caseId, on, 'hearing'),
        };
        break;
      case 'record-collective-discussion': {
        const attendees = b.attendeeIds as string[];
        let heads = 0;
        for (const id of attendees)
          if (await activeOfficerHasRole(ctx.tx, agencyId, id, 'bureau_head')) heads += 1;
        input = { on, headsAttending: heads };
        step = {
          changes: {},
          data: {
            attendeeIds: attendees,
            headsAttending: heads,
            opinions: b.opinions,
            conclusion: b.conclusion,
          },
        };
        break;
      }
      case 'approve-extension':
        input = { on, approverIsBureauHead: await approver(), kind: b.kind, days: b.days };
        step = {
          changes: {},
          data: {
            kind: b.kind,
            days: b.days,
            approverId: b.approverId,
            reason: b.reason,
            withDiscussion: s.collectiveDiscussions.length > 0,
          },
        };
        break;
      case 'decide': {
        const kind = b.kind as 'penalty' | 'no_penalty' | 'transfer';
        const penalties = (b.penalties as ProposedPenalty[] | undefined) ?? [];
        let assessment: Awaited<ReturnType<typeof assessItem>> | null = null;
        const fine = penalties.find((p) => p.type === 'fine')?.amount;
        if (kind === 'penalty' && b.assessment && l.row.powerItemId) {
          const a = b.assessment as { benchmarkId?: string; circumstances: Record<string, unknown> };
          const natural = s.partyKinds.some((k) => k === 'natural_person' || k === 'individual_business');
          assessment = await assessItem(ctx.tx, agencyId, {
            itemId: l.row.powerItemId,
            ...(a.benchmarkId ? { benchmarkId: a.benchmarkId } : {}),
            date: on,
            input: { partyType: natural ? 'natural_person' : 'organisation', ...a.circumstances } as never,
            pointerPrefix: '/assessment/circumstances',
          });
        }
        const range = assessment?.range;
        const outside =
          fine !== undefined &&
          range !== null &&
          range !== undefined &&
          (fine < range.min || fine > range.max);
        input = {
          on,
          kind,
          penalties,
          outsideBenchmark: outside,
          ...(b.outsideBenchmarkReason ? { outsideBenchmarkReason: b.outsideBenchmarkReason } : {}),
        };
        const decision = {
          kind,
          penalties,
          reason: b.reason ?? null,
          assessment,
          outsideBenchmark: outside,
          outsideBenchmarkReason: b.outsideBenchmarkReason ?? null,
        };
        step = {
          changes: { decidedOn: on, decision },
          data: decision,
          ...(kind === 'transfer'
            ? {}
            : { documentType: kind === 'penalty' ? 'penalty_decision' : 'no_penalty_decision' }),
          after: () => repo.closePauses(ctx.tx, agencyId, caseId, on),
        };
        break;
      }
      default: {
        // After the decision: service, performance, enforcement, filing for record, closure, archive.
        const cal = await calendar.calendarFor(ctx.tx);
        const prepared = await prepareAfterDecision(ctx, cal, l, action, b, on);
        if (!prepared) throw notFound('Action', action);
        input = prepared.input;
        step = prepared.step;
      }
    }

    const problems = checkAction(action as CaseAction, s, input as ActionInput<CaseAction>, facts);
    if (problems.length > 0) throw ruleViolation(action, problems);

    await step.after?.();
    const document = step.documentType
      ? await allocateDocumentNumber(ctx, {
          agencyId,
          documentType: step.documentType,
          issuedOn: on,
          purpose: `case ${caseId}: ${action}`,
        })
      : null;
    const result = 'result' in body ? (body.result as 'pass' | 'return') : undefined;
    const stage = stageAfter(action as CaseAction, l.row.stage as CaseStage, result);
    const changes: Partial<repo.CaseRow> = { ...step.changes, stage };
    if (action === 'file' && document) changes.filingNumber = document.number;
    if (action === 'decide' && document) changes.decisionNumber = document.number;
    if (stage === 'investigation' && result === 'return') changes.concludedOn = null;
    await repo.updateCase(ctx.tx, agencyId, caseId, changes, ctx.now);
    await repo.appendEvent(ctx.tx, {
      agencyId,
      caseId,
      action,
      occurredOn: on,
      recordedAt: ctx.now,
      actorType: ctx.actor.kind,
      actorId: ctx.actor.id,
      data: step.data,
      documentNumber: document?.number ?? null,
    });
    if (action === 'decide') await createPublicationForDecision(ctx, calendar, caseId);
    ctx.audit({
      action: `case.${action}`,
      entityType: 'case',
      entityId: caseId,
      changes: {
        ...(stage !== l.row.stage ? { stage: { before: l.row.stage, after: stage } } : {}),
        ...(document ? { documentNumber: { before: null, after: document.number } } : {}),
        on: { before: null, after: on },
      },
    });
    return view(ctx.tx, agencyId, await load(ctx.tx, agencyId, caseId, today), today);
  }

  return { register, get, update, addParty, actions, timeline, list, perform };
}

export type CasesService = ReturnType<typeof createCasesService>;

/** For principals: the caller must be an officer to perform case steps (API keys read only). */
export function requireOfficer(actor: Principal): void {
  if (actor.kind !== 'officer') {
    throw new HttpProblem('FORBIDDEN', 'Case steps are recorded by officers, not by system clients');
  }
}

/**
 * The credit registers (经营异常名录, 严重违法失信名单) and credit restoration (信用修复, RULES.md §5).
 *
 * 谁处罚、谁修复 (CRM art. 4): an application concerns a publication of this agency or an entry of its own
 * registers (another agency's look missing); the applicant is the publication's party or the listed entity.
 * The eligibility is computed at submission and shown condition by condition, never refused then (the bureau
 * decides); verification re-checks and stores it; approval needs every condition met on its date (else 422
 * listing the unmet ones, nothing written) and, in the same transaction, stops the publication (state
 * `restored`) or removes the list entry, and records a `restoration.approved` credit event for the provincial
 * and national systems. Revoking (false materials) restores the previous state and records
 * `restoration.revoked`.
 */
import type { Executor } from '../../db/client';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { unmet } from '../../domain/cases/conditions';
import {
  type EligibilityResult,
  listRemovalEligibility,
  type MaterialKind,
  PUBLIC_STATES,
  type PublicationState,
  type PublicityPeriod,
  RESTORATION_CONDITIONS,
  type RestorationKind,
  stopPublicityEligibility,
} from '../../domain/publicity/publicity';
import {
  checkRestorationStep,
  minimumMonths,
  PENDING_RESTORATION,
  type RestorationStatus,
  type RestorationWorkingDays,
  restorationClocks,
  restorationUnmet,
  restoredPublicationState,
  STEP_RESULT,
  unmetConditions,
} from '../../domain/publicity/restoration';
import { staleVersion } from '../../http/etag';
import { decodeCursor, scanPage, toPage } from '../../http/pagination';
import { notFound, validationFailed } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { findAgency } from '../agencies/agencies.repository';
import { challengedDecision } from '../appeals/decision-effects.service';
import type { CalendarService } from '../calendar/calendar.service';
import * as casesRepo from '../cases/cases.repository';
import type { CasesService } from '../cases/cases.service';
import { ruleViolation } from '../cases/investigation.shared';
import { creditEvents } from '../publications/publications.table';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as repo from './credit-restorations.repository';
import type {
  CreditListEntryCreate,
  CreditListEntryView,
  CreditListQuery,
  CreditListRemove,
  CreditRestorationCreate,
  CreditRestorationListQuery,
  CreditRestorationStats,
  CreditRestorationStepBody,
  CreditRestorationStepName,
  CreditRestorationView,
} from './credit-restorations.schemas';
import type { EligibilityCheck } from './credit-restorations.table';

export type CreditRestorationsDeps = { calendar: CalendarService; cases: CasesService };

function entryView(row: repo.ListEntryRow): CreditListEntryView {
  return {
    id: row.id,
    list: row.list,
    entityName: row.entityName,
    creditCode: row.creditCode,
    reason: row.reason,
    listedOn: row.listedOn,
    listedBy: row.listedBy,
    ownListing: row.ownListing,
    decisionRef: row.decisionRef,
    active: row.removedOn === null,
    removal: row.removedOn
      ? { on: row.removedOn, reason: row.removalReason ?? '', restorationId: row.removalRestorationId }
      : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit trail's before/after of the columns a step changed. */
function auditChanges<R extends object>(row: R, changes: Partial<R>) {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [
      k,
      { before: (row as Record<string, unknown>)[k] ?? null, after: v ?? null },
    ]),
  );
}

const needsPublication = (kind: RestorationKind) => kind === 'stop_publicity';

export function createCreditRestorationsService({ calendar, cases }: CreditRestorationsDeps) {
  // -------------------------------------------------------------------------------------------------
  // Registers

  async function createEntry(ctx: WriteContext, input: CreditListEntryCreate): Promise<CreditListEntryView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    if (input.listedOn > today)
      throw ruleViolation('credit-list-entry', [
        unmet('DATE_IN_FUTURE', `listedOn ${input.listedOn} is after today (${today})`),
      ]);
    const agency = await findAgency(ctx.tx, agencyId);
    const row = await repo.insertListEntry(ctx.tx, {
      agencyId,
      list: input.list,
      entityName: input.entityName,
      creditCode: input.creditCode,
      reason: input.reason,
      listedOn: input.listedOn,
      listedBy: input.listedBy ?? agency?.name ?? '',
      ownListing: input.ownListing ?? true,
      decisionRef: input.decisionRef,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    ctx.audit({
      action: 'credit_list.entry_added',
      entityType: 'credit_list_entry',
      entityId: row.id,
      changes: auditChanges({} as repo.ListEntryRow, {
        list: row.list,
        creditCode: row.creditCode,
        listedOn: row.listedOn,
        listedBy: row.listedBy,
        ownListing: row.ownListing,
        decisionRef: row.decisionRef,
      }),
    });
    return entryView(row);
  }

  async function getEntry(ex: Executor, agencyId: string, id: string) {
    const row = await repo.findListEntry(ex, agencyId, id);
    if (!row) throw notFound('Credit list entry', id);
    return entryView(row);
  }

  async function listEntries(ex: Executor, agencyId: string, query: CreditListQuery) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await repo.listListEntries(
      ex,
      agencyId,
      {
        ...(query.list ? { list: query.list } : {}),
        ...(query.creditCode ? { creditCode: query.creditCode } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
      },
      limit + 1,
      after,
    );
    const page = toPage(rows, limit, (r) => ({ id: r.id }));
    return { items: page.items.map(entryView), nextCursor: page.nextCursor };
  }

  /** Removal outside restoration (移出, e.g. the missing annual report filed): own listings only. */
  async function removeEntry(
    ctx: WriteContext,
    id: string,
    input: CreditListRemove,
    versions: number[] | null,
  ): Promise<CreditListEntryView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const row = await repo.findListEntry(ctx.tx, agencyId, id, { lock: true });
    if (!row) throw notFound('Credit list entry', id);
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const problems: { code: string }[] = [];
    const condition = (code: 'NOT_LISTING_AGENCY' | 'NOT_LISTED', detail: string) => ({
      code,
      ...RESTORATION_CONDITIONS[code],
      detail,
    });
    if (!row.ownListing) problems.push(condition('NOT_LISTING_AGENCY', `listed by ${row.listedBy}`));
    if (row.removedOn) problems.push(condition('NOT_LISTED', `removed ${row.removedOn}`));
    if (input.on > today) problems.push(unmet('DATE_IN_FUTURE', `${input.on} is after today (${today})`));
    if (input.on < row.listedOn)
      problems.push(
        unmet('DATE_BEFORE_PREVIOUS_STEP', `${input.on} is before the listing (${row.listedOn})`),
      );
    if (problems.length > 0) throw ruleViolation('credit-list-remove', problems);
    const changes = { removedOn: input.on, removalReason: input.reason };
    const updated = await repo.updateListEntry(ctx.tx, row, changes, ctx.now);
    await ctx.tx.insert(creditEvents).values({
      agencyId,
      kind: 'list_entry.removed',
      entityType: 'credit_list_entry',
      entityId: row.id,
      payload: { list: row.list, creditCode: row.creditCode, removedOn: input.on, reason: input.reason },
      occurredOn: input.on,
      createdAt: ctx.now,
    });
    ctx.audit({
      action: 'credit_list.entry_removed',
      entityType: 'credit_list_entry',
      entityId: row.id,
      changes: auditChanges(row, changes),
    });
    return entryView(updated);
  }

  // -------------------------------------------------------------------------------------------------
  // Eligibility

  /** Every eligibility condition of the application on `on`, from the facts as they stand. */
  async function eligibilityOf(
    ex: Executor,
    agencyId: string,
    r: Pick<repo.RestorationRow, 'kind' | 'publicationId' | 'listEntryId' | 'materials'>,
    on: IsoDate,
  ): Promise<EligibilityResult[]> {
    const materials = r.materials.map((m) => m.kind as MaterialKind);
    if (r.kind === 'stop_publicity') {
      const p = await repo.findPublication(ex, agencyId, r.publicationId as string);
      if (!p) throw notFound('Publication', r.publicationId ?? '');
      const decision = await challengedDecision(ex, agencyId, { caseId: p.caseId }, '/publicationId');
      const caseRow = await casesRepo.findCase(ex, agencyId, p.caseId);
      const laws = caseRow?.powerItemId
        ? await repo.powerItemLaws(ex, agencyId, caseRow.powerItemId, decision.decidedOn)
        : [];
      const setting = await ruleSetting(ex, agencyId, 'credit_restoration.min_months', on);
      const min = minimumMonths(laws, setting.value);
      const caseView = await cases.get(ex, agencyId, p.caseId, on);
      const code = p.partyCreditCode;
      const later = code
        ? await repo.penaltiesAgainst(
            ex,
            agencyId,
            code,
            { after: decision.decidedOn, until: on },
            { powerItemId: caseRow?.powerItemId ?? null, exceptCaseId: p.caseId },
          )
        : [];
      const lists = code ? await repo.listsOn(ex, code, on) : new Set<string>();
      // Treat a publication whose period ended as expired, whether or not the expiry job ran yet.
      const expired =
        PUBLIC_STATES.includes(p.state as PublicationState) && p.expiresOn !== null && p.expiresOn < on;
      return stopPublicityEligibility({
        on,
        publication: {
          state: expired ? 'expired' : p.state,
          publishedOn: p.publishedOn,
          periodBasis: p.periodBasis as PublicityPeriod['basis'],
          expiresOn: p.expiresOn,
        },
        minMonths: min.months,
        penalties: decision.penalties,
        performedOn: caseView.performance?.completedOn ?? null,
        laterSameType: later,
        abnormalListed: lists.has('abnormal_operation'),
        seriousListed: lists.has('serious_violation'),
        materials,
      });
    }
    const entry = await repo.findListEntry(ex, agencyId, r.listEntryId as string);
    if (!entry) throw notFound('Credit list entry', r.listEntryId ?? '');
    return listRemovalEligibility({
      on,
      kind: r.kind,
      entry: {
        list: entry.list,
        listedOn: entry.listedOn,
        removedOn: entry.removedOn,
        ownListing: entry.ownListing,
      },
      penaltiesSinceListing: await repo.penaltiesAgainst(ex, agencyId, entry.creditCode, {
        after: entry.listedOn,
        until: on,
      }),
      materials,
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Applications

  /** The processing periods in force when the application was submitted, memoised per request. */
  function workingDaysReader(ex: Executor, agencyId: string) {
    const cache = new Map<IsoDate, Promise<RestorationWorkingDays>>();
    return (on: IsoDate) => {
      let found = cache.get(on);
      if (!found) {
        found = ruleSetting(ex, agencyId, 'credit_restoration.working_days', on).then((s) => s.value);
        cache.set(on, found);
      }
      return found;
    };
  }

  function clocksOf(
    row: repo.RestorationRow,
    cal: WorkingCalendar,
    days: RestorationWorkingDays,
    today: IsoDate,
  ) {
    return restorationClocks(
      cal,
      {
        kind: row.kind,
        status: row.status as RestorationStatus,
        submittedOn: row.submittedOn,
        acceptedOn: row.acceptedOn,
        verifiedOn: row.verifiedOn,
        decidedOn: row.decidedOn,
        revokedOn: row.revokedOn,
      },
      days,
      today,
    );
  }

  function toView(
    row: repo.RestorationRow,
    cal: WorkingCalendar,
    days: RestorationWorkingDays,
    today: IsoDate,
  ): CreditRestorationView {
    const clocks = clocksOf(row, cal, days, today);
    const eligibility = (row.eligibility ?? []) as unknown as EligibilityResult[];
    return {
      id: row.id,
      kind: row.kind,
      status: row.status as RestorationStatus,
      pending: PENDING_RESTORATION.includes(row.status as RestorationStatus),
      applicant: { name: row.applicantName, creditCode: row.applicantCreditCode },
      publicationId: row.publicationId,
      listEntryId: row.listEntryId,
      materials: row.materials,
      submittedOn: row.submittedOn,
      acceptedOn: row.acceptedOn,
      verifiedOn: row.verifiedOn,
      decidedOn: row.decidedOn,
      reasons: row.reasons,
      eligibility,
      eligibilityCheckedOn:
        (row.status === 'approved' || row.status === 'revoked' ? row.decidedOn : null) ??
        row.verifiedOn ??
        row.submittedOn,
      eligible: eligibility.every((c) => c.met),
      revocation: row.revokedOn ? { on: row.revokedOn, reason: row.revocationReason ?? '' } : null,
      clocks,
      overdue: clocks.some((c) => c.state === 'overdue'),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function viewOne(ex: Executor, agencyId: string, row: repo.RestorationRow, now: Date) {
    const days = await ruleSetting(ex, agencyId, 'credit_restoration.working_days', row.submittedOn);
    return toView(row, await calendar.calendarFor(ex), days.value, chinaDate(now));
  }

  async function create(ctx: WriteContext, input: CreditRestorationCreate): Promise<CreditRestorationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const action = 'credit-restoration-apply';
    const wantsPublication = needsPublication(input.kind);
    const errors = [];
    if (wantsPublication && input.publicationId === undefined)
      errors.push({
        in: 'body' as const,
        pointer: '/publicationId',
        message: 'is required for stop_publicity',
      });
    if (!wantsPublication && input.listEntryId === undefined)
      errors.push({ in: 'body' as const, pointer: '/listEntryId', message: `is required for ${input.kind}` });
    if (wantsPublication && input.listEntryId !== undefined)
      errors.push({
        in: 'body' as const,
        pointer: '/listEntryId',
        message: 'applies to the list removals only',
      });
    if (!wantsPublication && input.publicationId !== undefined)
      errors.push({
        in: 'body' as const,
        pointer: '/publicationId',
        message: 'applies to stop_publicity only',
      });
    if (errors.length > 0) throw validationFailed(errors);

    // 谁处罚、谁修复 (CRM art. 4): another agency's record looks like a missing one.
    let partyCode: string | null;
    let previousOn: IsoDate;
    if (wantsPublication) {
      const p = await repo.findPublication(ctx.tx, agencyId, input.publicationId as string);
      if (!p)
        throw validationFailed([
          { in: 'body', pointer: '/publicationId', message: 'is not a publication of your agency' },
        ]);
      partyCode = p.partyCreditCode;
      previousOn = p.decidedOn;
    } else {
      const e = await repo.findListEntry(ctx.tx, agencyId, input.listEntryId as string);
      if (!e)
        throw validationFailed([
          { in: 'body', pointer: '/listEntryId', message: 'is not an entry of your agency’s registers' },
        ]);
      partyCode = e.creditCode;
      previousOn = e.listedOn;
    }
    const problems = [];
    if (partyCode !== input.applicant.creditCode)
      problems.push(
        restorationUnmet(
          'APPLICANT_MISMATCH',
          partyCode
            ? `the applicant ${input.applicant.creditCode} is not the party`
            : 'the party has no unified social credit code',
        ),
      );
    if (input.submittedOn > today)
      problems.push(unmet('DATE_IN_FUTURE', `submittedOn ${input.submittedOn} is after today (${today})`));
    if (input.submittedOn < previousOn)
      problems.push(
        unmet(
          'DATE_BEFORE_PREVIOUS_STEP',
          `submitted ${input.submittedOn}, before ${wantsPublication ? 'the decision' : 'the listing'} (${previousOn})`,
        ),
      );
    if (problems.length > 0) throw ruleViolation(action, problems);

    const record = {
      kind: input.kind,
      publicationId: input.publicationId ?? null,
      listEntryId: input.listEntryId ?? null,
      materials: input.materials,
    };
    const eligibility = await eligibilityOf(ctx.tx, agencyId, record, input.submittedOn);
    const row = await repo.insertRestoration(ctx.tx, {
      agencyId,
      ...record,
      applicantName: input.applicant.name,
      applicantCreditCode: input.applicant.creditCode,
      status: 'submitted',
      submittedOn: input.submittedOn,
      eligibility: eligibility as EligibilityCheck[],
      recordedBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    ctx.audit({
      action: 'credit_restoration.submitted',
      entityType: 'credit_restoration',
      entityId: row.id,
      changes: {
        kind: { before: null, after: input.kind },
        record: { before: null, after: record.publicationId ?? record.listEntryId },
        submittedOn: { before: null, after: input.submittedOn },
        status: { before: null, after: 'submitted' },
      },
    });
    return viewOne(ctx.tx, agencyId, row, ctx.now);
  }

  async function step<S extends CreditRestorationStepName>(
    ctx: WriteContext,
    id: string,
    name: S,
    body: CreditRestorationStepBody<S>,
    versions: number[] | null = null,
  ): Promise<CreditRestorationView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const row = await repo.findRestoration(ctx.tx, agencyId, id, { lock: true });
    if (!row) throw notFound('Credit restoration', id);
    if (versions && !versions.includes(row.version)) throw staleVersion(row.version);
    const b = body as Record<string, string>;
    const on = b.on as IsoDate;
    const action = `credit-restoration-${name}`;
    const problems = checkRestorationStep(row.status as RestorationStatus, row, name, on, today);
    if (problems.length > 0) throw ruleViolation(action, problems);

    let changes: Partial<repo.RestorationRow> = { status: STEP_RESULT[name] };
    let effect: Record<string, unknown> = {};
    switch (name as CreditRestorationStepName) {
      case 'accept':
        changes.acceptedOn = on;
        break;
      case 'not-accept':
      case 'refuse':
        changes = { ...changes, decidedOn: on, reasons: b.reasons as string };
        break;
      case 'verify':
        changes = {
          ...changes,
          verifiedOn: on,
          eligibility: (await eligibilityOf(ctx.tx, agencyId, row, on)) as EligibilityCheck[],
        };
        break;
      case 'approve': {
        const eligibility = await eligibilityOf(ctx.tx, agencyId, row, on);
        const failing = unmetConditions(eligibility);
        if (failing.length > 0) throw ruleViolation(action, failing);
        changes = { ...changes, decidedOn: on, eligibility: eligibility as EligibilityCheck[] };
        effect = await applyApproval(ctx, row, on);
        break;
      }
      case 'revoke':
        changes = { ...changes, revokedOn: on, revocationReason: b.reason as string };
        effect = await applyRevocation(ctx, row, on, today, b.reason as string);
        break;
    }
    const updated = await repo.updateRestoration(ctx.tx, row, changes, ctx.now);
    ctx.audit({
      action: `credit_restoration.${name}`,
      entityType: 'credit_restoration',
      entityId: row.id,
      changes: {
        ...auditChanges(row, changes),
        ...(name === 'verify' ? { note: { before: null, after: b.note ?? null } } : {}),
        ...(Object.keys(effect).length > 0 ? { effect: { before: null, after: effect } } : {}),
      },
    });
    return viewOne(ctx.tx, agencyId, updated, ctx.now);
  }

  /** The publication stops (restored) or the entry is removed, and the credit systems are told. */
  async function applyApproval(ctx: WriteContext, row: repo.RestorationRow, on: IsoDate) {
    const agencyId = ctx.actor.agencyId;
    let entity: { type: string; id: string; payload: Record<string, unknown> };
    if (row.kind === 'stop_publicity') {
      const p = await repo.findPublication(ctx.tx, agencyId, row.publicationId as string, { lock: true });
      if (!p) throw notFound('Publication', row.publicationId ?? '');
      await repo.updatePublication(
        ctx.tx,
        p,
        { state: 'restored', restoredOn: on, restorationId: row.id },
        ctx.now,
      );
      entity = {
        type: 'publication',
        id: p.id,
        payload: { decisionNumber: p.decisionNumber, previousState: p.state, state: 'restored' },
      };
    } else {
      const e = await repo.findListEntry(ctx.tx, agencyId, row.listEntryId as string, { lock: true });
      if (!e) throw notFound('Credit list entry', row.listEntryId ?? '');
      await repo.updateListEntry(
        ctx.tx,
        e,
        { removedOn: on, removalReason: `信用修复: ${row.kind}`, removalRestorationId: row.id },
        ctx.now,
      );
      entity = { type: 'credit_list_entry', id: e.id, payload: { list: e.list, decisionRef: e.decisionRef } };
    }
    const payload = {
      restorationId: row.id,
      kind: row.kind,
      creditCode: row.applicantCreditCode,
      approvedOn: on,
      ...entity.payload,
    };
    await ctx.tx.insert(creditEvents).values({
      agencyId,
      kind: 'restoration.approved',
      entityType: entity.type,
      entityId: entity.id,
      payload,
      occurredOn: on,
      createdAt: ctx.now,
    });
    return { entityType: entity.type, entityId: entity.id, ...entity.payload };
  }

  /** False materials (CRM): the previous state is restored, and the credit systems are told. */
  async function applyRevocation(
    ctx: WriteContext,
    row: repo.RestorationRow,
    on: IsoDate,
    today: IsoDate,
    reason: string,
  ) {
    const agencyId = ctx.actor.agencyId;
    let entity: { type: string; id: string; payload: Record<string, unknown> };
    if (row.kind === 'stop_publicity') {
      const p = await repo.findPublication(ctx.tx, agencyId, row.publicationId as string, { lock: true });
      if (!p) throw notFound('Publication', row.publicationId ?? '');
      const state = restoredPublicationState(p.expiresOn, today);
      // Only while this restoration is what stopped it (a later withdrawal or correction stands).
      if (p.state === 'restored' && p.restorationId === row.id)
        await repo.updatePublication(
          ctx.tx,
          p,
          {
            state,
            restoredOn: null,
            restorationId: null,
            ...(state === 'expired' ? { expiredAt: ctx.now } : {}),
          },
          ctx.now,
        );
      entity = { type: 'publication', id: p.id, payload: { decisionNumber: p.decisionNumber, state } };
    } else {
      const e = await repo.findListEntry(ctx.tx, agencyId, row.listEntryId as string, { lock: true });
      if (!e) throw notFound('Credit list entry', row.listEntryId ?? '');
      if (e.removalRestorationId === row.id)
        await repo.updateListEntry(
          ctx.tx,
          e,
          { removedOn: null, removalReason: null, removalRestorationId: null },
          ctx.now,
        );
      entity = { type: 'credit_list_entry', id: e.id, payload: { list: e.list, listed: true } };
    }
    await ctx.tx.insert(creditEvents).values({
      agencyId,
      kind: 'restoration.revoked',
      entityType: entity.type,
      entityId: entity.id,
      payload: { restorationId: row.id, kind: row.kind, revokedOn: on, reason, ...entity.payload },
      occurredOn: on,
      createdAt: ctx.now,
    });
    return { entityType: entity.type, entityId: entity.id, ...entity.payload };
  }

  async function get(ex: Executor, agencyId: string, id: string, now: Date) {
    const row = await repo.findRestoration(ex, agencyId, id);
    if (!row) throw notFound('Credit restoration', id);
    return viewOne(ex, agencyId, row, now);
  }

  async function list(ex: Executor, agencyId: string, query: CreditRestorationListQuery, now: Date) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const filter: repo.RestorationFilter = {
      ...(query.kind ? { kinds: query.kind } : {}),
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
    };
    const cal = await calendar.calendarFor(ex);
    const today = chinaDate(now);
    const daysOn = workingDaysReader(ex, agencyId);
    const views = async (rows: repo.RestorationRow[]) => {
      const out: CreditRestorationView[] = [];
      for (const r of rows) out.push(toView(r, cal, await daysOn(r.submittedOn), today));
      return out;
    };
    if (query.overdue === undefined) {
      const rows = await repo.listRestorations(ex, agencyId, filter, limit + 1, after);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      return { items: await views(page.items), nextCursor: page.nextCursor };
    }
    // Overdue is computed on read, from the same clocks an application shows: scan in batches.
    const page = await scanPage({
      fetch: (n, afterId) => repo.listRestorations(ex, agencyId, filter, n, afterId),
      matches: async (r) =>
        clocksOf(r, cal, await daysOn(r.submittedOn), today).some((c) => c.state === 'overdue') ===
        query.overdue,
      limit,
      ...(after ? { after } : {}),
    });
    return { items: await views(page.rows), nextCursor: page.nextCursor };
  }

  /** The year's figures: counts in SQL; the overdue ones computed from the clocks of the pending ones. */
  async function stats(ex: Executor, agencyId: string, year: number | undefined, now: Date) {
    const today = chinaDate(now);
    const y = year ?? yearOf(today);
    const counts = await repo.restorationCounts(ex, agencyId, y);
    const cal = await calendar.calendarFor(ex);
    const daysOn = workingDaysReader(ex, agencyId);
    let pending = 0;
    let overdue = 0;
    let cursor: string | undefined;
    for (;;) {
      const batch = await repo.listRestorations(
        ex,
        agencyId,
        { year: y, statuses: PENDING_RESTORATION },
        500,
        cursor,
      );
      for (const r of batch) {
        pending += 1;
        if (clocksOf(r, cal, await daysOn(r.submittedOn), today).some((c) => c.state === 'overdue'))
          overdue += 1;
      }
      if (batch.length < 500) break;
      cursor = batch[batch.length - 1]?.id;
    }
    const byKind = {
      stop_publicity: counts.stopPublicity,
      abnormal_list_removal: counts.abnormalListRemoval,
      serious_list_early_removal: counts.seriousListEarlyRemoval,
    };
    const result: CreditRestorationStats = {
      year: y,
      completed: { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind },
      submitted: counts.submitted,
      notAccepted: counts.notAccepted,
      refused: counts.refused,
      revoked: counts.revoked,
      pending,
      overdue,
    };
    return result;
  }

  return { createEntry, getEntry, listEntries, removeEntry, create, step, get, list, stats };
}

export type CreditRestorationsService = ReturnType<typeof createCreditRestorationsService>;

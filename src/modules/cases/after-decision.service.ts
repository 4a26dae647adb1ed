/**
 * The after-decision steps of a case (送达, 履行, 催告, 申请法院强制执行, 重大行政处罚备案, 结案, 归档), for
 * cases.service perform(): each action's guard input (what the pure guard in
 * domain/cases/after-decision.ts needs, computed here with the calendar and the database) and its step
 * (timeline data, the numbered document, extra writes). Also what the case shows of them on read:
 * `performance` with the late surcharge computed as of today, and `afterDecision`.
 *
 * Seam for the reconsideration and litigation issue: its modules call
 * `cases.perform(ctx, caseId, 'freeze-surcharge' | 'unfreeze-surcharge', body)` in their own write
 * transaction when an application or complaint is received and when it ends; steps they need on a closed
 * or archived case are listed in CLOSED_CASE_ACTIONS (domain/cases/after-decision.ts).
 */

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { newId } from '../../db/columns';
import type { IsoDate } from '../../domain/calendar/dates';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import {
  type AfterDecision,
  type AfterDecisionSettings,
  closableFrom,
  demandMaturesOn,
  enforcementWindow,
  type MajorCaseCriteria,
  NOTHING_AFTER_DECISION,
  owedOn,
  paymentDueOn,
  performanceOf,
} from '../../domain/cases/after-decision';
import { DAILY_SURCHARGE_PERCENT, toCny, toFen } from '../../domain/cases/late-surcharge';
import type { DocumentType } from '../../domain/documents/document-types';
import type { FieldError } from '../../http/problems';
import { validationFailed } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import { activeOfficerHasRole } from '../officers/officers.service';
import { caseHasPublication } from '../publications/publications.repository';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import type { AfterDecisionView, PerformanceView } from './after-decision.schemas';
import type { EventRow } from './cases.repository';

import { casePayments } from './payments.table';

export interface AfterDecisionCaseSettings extends AfterDecisionSettings {
  majorCaseCriteria: MajorCaseCriteria;
}

/** The rule settings after the decision, as of a date. */
export async function afterDecisionSettings(
  ex: Executor,
  agencyId: string,
  on: IsoDate,
): Promise<AfterDecisionCaseSettings> {
  const closure = await ruleSetting(ex, agencyId, 'case_closure.working_days', on);
  const filing = await ruleSetting(ex, agencyId, 'major_case_filing.working_days', on);
  const criteria = await ruleSetting(ex, agencyId, 'major_case_filing.criteria', on);
  return {
    closureWorkingDays: closure.value,
    majorCaseFilingWorkingDays: filing.value,
    majorCaseCriteria: criteria.value,
  };
}

/** What perform() applies once the guard passed (the same shape as its own steps). */
export interface AfterDecisionStep {
  changes: Record<string, never>;
  data: Record<string, unknown>;
  documentType?: DocumentType;
  after?: () => Promise<void>;
}

interface CaseForStep {
  row: { id: string; decidedOn: string | null };
  snapshot: { afterDecision?: AfterDecision };
}

/** CNY to fen, or a 400 pointing at the field when it has fractions of a fen. */
function fen(value: unknown, pointer: string, errors: FieldError[]): number {
  try {
    return toFen(value as number);
  } catch {
    errors.push({ in: 'body', pointer, message: 'has more than two decimals' });
    return 0;
  }
}

/**
 * The guard input and the step of an after-decision action; null when `action` is not one of them.
 * Nothing is written here: perform() runs the guard first, then `after`.
 */
export async function prepareAfterDecision(
  ctx: WriteContext,
  calendar: WorkingCalendar,
  l: CaseForStep,
  action: string,
  b: Record<string, unknown>,
  on: IsoDate,
): Promise<{ input: unknown; step: AfterDecisionStep } | null> {
  const agencyId = ctx.actor.agencyId;
  const caseId = l.row.id;
  const state = l.snapshot.afterDecision ?? NOTHING_AFTER_DECISION;
  switch (action) {
    case 'serve-decision': {
      const consent = b.consent as { reference: string; on: string } | undefined;
      return {
        input: {
          on,
          method: b.method,
          partyPresentAtAnnouncement: b.partyPresentAtAnnouncement,
          consentOn: consent?.on ?? null,
        },
        step: {
          changes: {},
          data: {
            method: b.method,
            recipient: b.recipient,
            receiptRef: b.receiptRef ?? null,
            partyPresentAtAnnouncement: b.partyPresentAtAnnouncement,
            consent: consent ?? null,
            // 两书同达: the restoration notice is served with the decision, on the same service record.
            restorationNotice: await caseHasPublication(ctx.tx, ctx.actor.agencyId, caseId),
          },
          documentType: 'service_receipt',
        },
      };
    }
    case 'approve-payment-schedule': {
      const errors: FieldError[] = [];
      const schedule = (b.schedule as { dueOn: string; amount: number }[]).map((x, i) => ({
        dueOn: x.dueOn,
        amount: fen(x.amount, `/schedule/${i}/amount`, errors),
      }));
      if (errors.length > 0) throw validationFailed(errors);
      const originalDueOn = state.service ? paymentDueOn(calendar, state.service.effectiveOn) : on;
      return {
        input: {
          on,
          approverIsBureauHead: await activeOfficerHasRole(ctx.tx, agencyId, b.approverId, 'bureau_head'),
          kind: b.kind,
          instalments: schedule,
          originalDueOn,
        },
        step: {
          changes: {},
          data: {
            approverId: b.approverId,
            kind: b.kind,
            reason: b.reason,
            originalDueOn,
            schedule: b.schedule,
            instalments: schedule.map((x) => ({ dueOn: x.dueOn, amountFen: x.amount })),
          },
        },
      };
    }
    case 'record-payment': {
      const errors: FieldError[] = [];
      const amount = fen(b.amount, '/amount', errors);
      if (errors.length > 0) throw validationFailed(errors);
      const reference = String(b.bankReference);
      const [duplicate] = await ctx.tx
        .select({ id: casePayments.id })
        .from(casePayments)
        .where(and(eq(casePayments.agencyId, agencyId), eq(casePayments.bankReference, reference)));
      const paymentId = newId();
      return {
        input: { on, amount, owed: owedOn(state, calendar, on), duplicateReference: duplicate !== undefined },
        step: {
          changes: {},
          data: { paymentId, amount: b.amount, amountFen: amount, bankReference: reference },
          after: async () => {
            await ctx.tx.insert(casePayments).values({
              agencyId,
              caseId,
              id: paymentId,
              paidOn: on,
              amountFen: amount,
              bankReference: reference,
              recordedBy: ctx.actor.id,
              createdAt: ctx.now,
            });
          },
        },
      };
    }
    case 'freeze-surcharge':
    case 'unfreeze-surcharge':
      return { input: { on }, step: { changes: {}, data: { reason: b.reason, reference: b.reference } } };
    case 'serve-demand': {
      const performance = performanceOf(state, calendar, on);
      return {
        input: { on, nextDueOn: performance?.nextDueOn ?? null, owed: owedOn(state, calendar, on) },
        step: {
          changes: {},
          data: { owed: toCny(owedOn(state, calendar, on)), nextDueOn: performance?.nextDueOn ?? null },
          documentType: 'enforcement_demand',
        },
      };
    }
    case 'apply-court-enforcement': {
      const effective = state.service?.effectiveOn ?? on;
      const window = enforcementWindow(effective);
      const matures = state.demandServedOn ? demandMaturesOn(calendar, state.demandServedOn) : null;
      return {
        input: { on, owed: owedOn(state, calendar, on), ...window, demandMaturesOn: matures },
        step: {
          changes: {},
          data: {
            court: b.court,
            reference: b.reference,
            owed: toCny(owedOn(state, calendar, on)),
            ...window,
          },
        },
      };
    }
    case 'record-court-enforcement':
      return { input: { on }, step: { changes: {}, data: { result: b.result, detail: b.detail ?? null } } };
    case 'file-for-record':
      return {
        input: { on },
        step: { changes: {}, data: { receivingBody: b.receivingBody, reference: b.reference } },
      };
    case 'close': {
      const performance = performanceOf(state, calendar, on);
      return {
        input: {
          on,
          approverIsBureauHead: await activeOfficerHasRole(ctx.tx, agencyId, b.approverId, 'bureau_head'),
          reason: b.reason,
          owed: owedOn(state, calendar, on),
          settledOn: closableFrom(state, performance),
        },
        step: {
          changes: {},
          data: { approverId: b.approverId, reason: b.reason, detail: b.detail },
          documentType: 'case_closure',
        },
      };
    }
    case 'archive':
      return {
        input: { on },
        step: {
          changes: {},
          data: { retention: b.retention, volumes: b.volumes, location: b.location ?? null },
          documentType: 'case_archive',
        },
      };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// On read

/** `performance` as the case shows it, in CNY. */
export function performanceView(
  state: AfterDecision,
  calendar: WorkingCalendar,
  today: IsoDate,
): PerformanceView | null {
  const p = performanceOf(state, calendar, today);
  if (!p) return null;
  return {
    fine: toCny(p.fine),
    paid: toCny(p.paid),
    unpaidFine: toCny(p.unpaidFine),
    outstanding: toCny(p.outstanding),
    dueOn: p.dueOn,
    nextDueOn: p.nextDueOn,
    schedule: p.schedule
      ? {
          kind: p.schedule.kind,
          instalments: p.schedule.instalments.map((x) => ({ dueOn: x.dueOn, amount: toCny(x.amount) })),
        }
      : null,
    surcharge: p.surcharge
      ? {
          amount: toCny(p.surcharge.amount),
          uncapped: toCny(p.surcharge.uncapped),
          capped: p.surcharge.capped,
          lateDays: p.surcharge.lateDays,
          frozenDays: p.surcharge.frozenDays,
          segments: p.surcharge.segments.map((x) => ({
            from: x.from,
            to: x.to,
            days: x.days,
            base: toCny(x.base),
            amount: toCny(Math.round((x.base * DAILY_SURCHARGE_PERCENT * x.days) / 100)),
          })),
        }
      : null,
    frozen: p.frozen.map((f) => ({
      from: f.from,
      to: f.to ?? null,
      reason: f.reason,
      reference: f.reference,
    })),
    payments: p.payments.map((x) => ({ on: x.on, amount: toCny(x.amount), bankReference: x.bankReference })),
    status: p.status,
    completedOn: p.completedOn,
  };
}

/** `afterDecision` as the case shows it; null before a decision or termination. */
export function afterDecisionView(
  state: AfterDecision,
  events: readonly EventRow[],
): AfterDecisionView | null {
  if (!state.decision && !state.terminatedOn) return null;
  const last = (action: string) => [...events].reverse().find((e) => e.action === action);
  const served = last('serve-decision');
  const demand = last('serve-demand');
  const closed = last('close');
  const archived = last('archive');
  return {
    service: state.service
      ? {
          on: state.service.on,
          effectiveOn: state.service.effectiveOn,
          method: state.service.method,
          recipient: typeof served?.data.recipient === 'string' ? served.data.recipient : null,
          partyPresentAtAnnouncement: state.service.partyPresentAtAnnouncement,
          documentNumber: served?.documentNumber ?? null,
        }
      : null,
    demand: demand ? { on: demand.occurredOn, documentNumber: demand.documentNumber } : null,
    courtEnforcement: state.courtEnforcement ? { ...state.courtEnforcement } : null,
    majorCaseFiling: { required: state.majorCaseFilingRequired, filedOn: state.majorCaseFiledOn },
    closure:
      state.closure && closed
        ? { on: state.closure.on, reason: state.closure.reason, documentNumber: closed.documentNumber }
        : null,
    archive:
      archived?.documentNumber && state.archivedOn
        ? { on: state.archivedOn, archiveNumber: archived.documentNumber }
        : null,
  };
}

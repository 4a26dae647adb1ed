/**
 * The procedural documents of a case (案件文书), derived from what was recorded: every timeline step
 * that carries a document number, with its type from the agency's register of issued numbers. Nothing
 * is stored twice: a numbered step that another module adds later is listed without a change here.
 *
 * The penalty decision (行政处罚决定书) and the pre-penalty notice (行政处罚告知书) also get their content,
 * built by the pure builders of domain/documents from the case, its penalty item as of the document's
 * date and the agency's settings in force on that date, as JSON or printable HTML.
 */
import type { Executor } from '../../db/client';
import { computeDeadline } from '../../domain/calendar/deadlines';
import type { PartyKind, ProposedPenalty } from '../../domain/cases/case-model';
import type { EvidenceKind } from '../../domain/cases/investigation';
import {
  type AssessmentSource,
  buildDecisionDocument,
  buildNoticeDocument,
  type DecisionDocument,
  type NoticeDocument,
  type PartySource,
  type PowerItemSource,
} from '../../domain/documents/decision-document';
import { DOCUMENT_TYPES, type DocumentType } from '../../domain/documents/document-types';
import { renderDecisionHtml, renderNoticeHtml } from '../../domain/documents/render-html';
import { PERIOD_RULES } from '../../domain/rules/period-rules';
import { HttpProblem, notFound } from '../../http/problems';
import { findAgency } from '../agencies/agencies.repository';
import type { CalendarService } from '../calendar/calendar.service';
import { findItemAsOf } from '../power-list/power-list.service';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as cases from './cases.repository';
import * as repo from './documents.repository';
import type { CaseDocumentSummary, CaseDocumentView } from './documents.schemas';
import { listEvidence } from './evidence.repository';

/** Document types with content built here (and an HTML rendering). */
const WITH_CONTENT: readonly DocumentType[] = ['penalty_decision', 'pre_penalty_notice'];

/** The timeline step that serves the decision (送达), recorded by the post-decision steps. */
const SERVE_DECISION = 'serve-decision';

function isDocumentType(value: string | null): value is DocumentType {
  return value !== null && Object.hasOwn(DOCUMENT_TYPES, value);
}

function summaryOf(caseId: string, row: repo.NumberedEventRow): CaseDocumentSummary {
  const type = isDocumentType(row.documentType) ? row.documentType : null;
  return {
    id: row.seq,
    caseId,
    number: row.documentNumber ?? '',
    type,
    typeName: type ? DOCUMENT_TYPES[type].name : null,
    action: row.action,
    issuedOn: row.issuedOn ?? row.occurredOn,
    recordedAt: row.recordedAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    register:
      row.year !== null && row.serial !== null && row.issuedOn !== null && row.purpose !== null
        ? { year: row.year, serial: row.serial, issuedOn: row.issuedOn, purpose: row.purpose }
        : null,
    formats: type && WITH_CONTENT.includes(type) ? ['json', 'html'] : ['json'],
    href: `/v1/cases/${caseId}/documents/${row.seq}`,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

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

export type DocumentFormat = 'json' | 'html';

export function createDocumentsService({ calendar }: { calendar: CalendarService }) {
  async function numbered(ex: Executor, agencyId: string, caseId: string) {
    const row = await cases.findCase(ex, agencyId, caseId);
    if (!row) throw notFound('Case', caseId);
    return { row, events: await repo.listNumberedEvents(ex, agencyId, caseId) };
  }

  async function list(ex: Executor, agencyId: string, caseId: string) {
    const { events } = await numbered(ex, agencyId, caseId);
    return { caseId, items: events.map((e) => summaryOf(caseId, e)) };
  }

  /** The case facts both builders read, as of the document's date. */
  async function caseFacts(
    ex: Executor,
    agencyId: string,
    row: cases.CaseRow,
    on: string,
    beforeSeq: number,
  ) {
    const agency = await findAgency(ex, agencyId);
    const parties = (await cases.listParties(ex, agencyId, row.id)).map(partySource);
    const events = await cases.listEvents(ex, agencyId, row.id);
    const before = events.filter((e) => e.seq < beforeSeq);
    const report = before.filter((e) => e.action === 'conclude-investigation').pop();
    const evidence = (await listEvidence(ex, agencyId, row.id))
      .filter((e) => e.collectedOn <= on)
      .map((e) => ({ kind: e.kind as EvidenceKind, description: e.description, collectedOn: e.collectedOn }));
    const item = row.powerItemId ? await findItemAsOf(ex, agencyId, row.powerItemId, on) : undefined;
    const powerItem: PowerItemSource | null = item
      ? { code: item.code, name: item.name, legalBasis: item.legalBasis }
      : null;
    return {
      agencyName: agency?.name ?? '',
      parties,
      events,
      before,
      summary: row.summary,
      findings: str(report?.data.findings),
      violationOn: row.violationOn,
      evidence,
      powerItem,
    };
  }

  async function decisionContent(
    ex: Executor,
    agencyId: string,
    row: cases.CaseRow,
    event: repo.NumberedEventRow,
  ): Promise<DecisionDocument> {
    const on = event.issuedOn ?? event.occurredOn;
    const facts = await caseFacts(ex, agencyId, row, on, event.seq);
    const { before, events } = facts;
    const notice = before.filter((e) => e.action === 'issue-notice').pop();
    const afterNotice = notice ? before.filter((e) => e.seq > notice.seq) : [];
    const hearing = afterNotice
      .filter((e) => e.action === 'record-hearing' && e.data.partyAbsent !== true)
      .pop();
    const served = events.find((e) => e.action === SERVE_DECISION && e.seq > event.seq);
    const setting = async <
      K extends 'decision.payment_method' | 'decision.reconsideration_body' | 'decision.litigation_court',
    >(
      key: K,
    ) => (await ruleSetting(ex, agencyId, key, on)).value;
    let paymentDueOn: string | null = null;
    if (served) {
      const cal = await calendar.calendarFor(ex);
      paymentDueOn = computeDeadline(cal, {
        start: served.occurredOn,
        days: PERIOD_RULES.PAYMENT.days,
        unit: PERIOD_RULES.PAYMENT.unit,
      }).dueDate;
    }
    const data = event.data;
    return buildDecisionDocument({
      number: event.documentNumber,
      agencyName: facts.agencyName,
      decidedOn: on,
      parties: facts.parties,
      summary: facts.summary,
      findings: facts.findings,
      violationOn: facts.violationOn,
      evidence: facts.evidence,
      penalties: Array.isArray(data.penalties) ? (data.penalties as ProposedPenalty[]) : [],
      powerItem: facts.powerItem,
      assessment: (data.assessment as AssessmentSource | null | undefined) ?? null,
      outsideBenchmarkReason: str(data.outsideBenchmarkReason),
      notice: notice
        ? {
            number: notice.documentNumber,
            servedOn: notice.occurredOn,
            hearingRight: notice.data.hearingRight === true,
          }
        : null,
      statementsReceived: afterNotice.filter((e) => e.action === 'record-statement').length,
      hearingHeldOn: hearing?.occurredOn ?? null,
      waivedOn: afterNotice.filter((e) => e.action === 'waive-rights').pop()?.occurredOn ?? null,
      service: served ? { servedOn: served.occurredOn, paymentDueOn } : null,
      settings: {
        paymentMethod: await setting('decision.payment_method'),
        reconsiderationBody: await setting('decision.reconsideration_body'),
        litigationCourt: await setting('decision.litigation_court'),
      },
    });
  }

  async function noticeContent(
    ex: Executor,
    agencyId: string,
    row: cases.CaseRow,
    event: repo.NumberedEventRow,
  ): Promise<NoticeDocument> {
    const on = event.issuedOn ?? event.occurredOn;
    const facts = await caseFacts(ex, agencyId, row, on, event.seq);
    const data = event.data;
    return buildNoticeDocument({
      number: event.documentNumber,
      agencyName: facts.agencyName,
      servedOn: event.occurredOn,
      windowEndsOn: str(data.windowEndsOn),
      hearingRight: data.hearingRight === true,
      parties: facts.parties,
      summary: facts.summary,
      findings: facts.findings,
      violationOn: facts.violationOn,
      evidence: facts.evidence,
      penalties: Array.isArray(data.penalties) ? (data.penalties as ProposedPenalty[]) : [],
      powerItem: facts.powerItem,
    });
  }

  /**
   * One document by its id (timeline sequence number) or its number, with its data and, for the
   * decision and the notice, its content; `html` renders that content as a printable page.
   */
  async function get(
    ex: Executor,
    agencyId: string,
    caseId: string,
    documentId: string,
    format: DocumentFormat,
  ): Promise<{ format: 'json'; body: CaseDocumentView } | { format: 'html'; body: string }> {
    const { row, events } = await numbered(ex, agencyId, caseId);
    const event = /^[0-9]{1,9}$/.test(documentId)
      ? events.find((e) => e.seq === Number(documentId))
      : events.find((e) => e.documentNumber === documentId);
    if (!event) throw notFound('Document', documentId);
    const summary = summaryOf(caseId, event);
    const content =
      summary.type === 'penalty_decision'
        ? await decisionContent(ex, agencyId, row, event)
        : summary.type === 'pre_penalty_notice'
          ? await noticeContent(ex, agencyId, row, event)
          : null;
    if (format === 'html') {
      if (!content) {
        throw new HttpProblem(
          'NOT_ACCEPTABLE',
          `${summary.typeName ?? 'This document'} is available as JSON only; HTML is produced for the ` +
            '行政处罚决定书 and the 行政处罚告知书',
          { extensions: { formats: summary.formats } },
        );
      }
      return {
        format: 'html',
        body: content.type === 'penalty_decision' ? renderDecisionHtml(content) : renderNoticeHtml(content),
      };
    }
    return { format: 'json', body: { ...summary, data: event.data, content } };
  }

  return { list, get };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;

/**
 * Document numbers (文号): per-agency formats and gap-free allocation (RULES.md §10).
 *
 * `allocateDocumentNumber` is what every module that issues a numbered document calls, inside its
 * own transaction: the number exists exactly when the document does.
 */
import type { Executor } from '../../db/client';
import { changedFields } from '../../domain/audit/hash-chain';
import { chinaDate, type IsoDate, yearOf } from '../../domain/calendar/dates';
import {
  DEFAULT_DOCUMENT_NUMBER_TEMPLATE,
  formatDocumentNumber,
  templateProblems,
} from '../../domain/documents/document-number-template';
import {
  DOCUMENT_TYPE_CODES,
  DOCUMENT_TYPES,
  type DocumentType,
} from '../../domain/documents/document-types';
import { staleVersion } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { HttpProblem, notFound } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import type { WriteContext } from '../../plugins/writes';
import { findAgency } from '../agencies/agencies.repository';
import { ruleSetting } from '../rule-settings/rule-settings.service';
import * as repo from './document-numbers.repository';
import type {
  DocumentNumber,
  DocumentNumberFormat,
  DocumentNumberFormatUpdate,
} from './document-numbers.schemas';

interface EffectiveFormat {
  typeCode: string;
  template: string;
  version: number;
  isDefault: boolean;
}

function effectiveFormat(documentType: DocumentType, row: repo.FormatRow | undefined): EffectiveFormat {
  if (row) return { typeCode: row.typeCode, template: row.template, version: row.version, isDefault: false };
  return {
    typeCode: DOCUMENT_TYPES[documentType].defaultTypeCode,
    template: DEFAULT_DOCUMENT_NUMBER_TEMPLATE,
    version: 0,
    isDefault: true,
  };
}

async function requireAgencyCode(ex: Executor, agencyId: string): Promise<string> {
  const agency = await findAgency(ex, agencyId);
  if (!agency) throw notFound('Agency', agencyId);
  return agency.code;
}

function toFormat(
  documentType: DocumentType,
  agencyCode: string,
  format: EffectiveFormat,
  today: IsoDate,
): DocumentNumberFormat {
  return {
    documentType,
    documentName: DOCUMENT_TYPES[documentType].name,
    typeCode: format.typeCode,
    template: format.template,
    isDefault: format.isDefault,
    example: formatDocumentNumber(format.template, {
      agencyCode,
      typeCode: format.typeCode,
      year: yearOf(today),
      serial: 1,
    }),
    version: format.version,
  };
}

export async function listFormats(ex: Executor, agencyId: string, now: Date) {
  const agencyCode = await requireAgencyCode(ex, agencyId);
  const rows = new Map((await repo.listFormats(ex, agencyId)).map((r) => [r.documentType, r]));
  const today = chinaDate(now);
  return {
    items: DOCUMENT_TYPE_CODES.map((type) =>
      toFormat(type, agencyCode, effectiveFormat(type, rows.get(type)), today),
    ),
  };
}

export async function getFormat(ex: Executor, agencyId: string, documentType: DocumentType, now: Date) {
  const agencyCode = await requireAgencyCode(ex, agencyId);
  const format = effectiveFormat(documentType, await repo.findFormat(ex, agencyId, documentType));
  return toFormat(documentType, agencyCode, format, chinaDate(now));
}

/** Sets an agency's format for a type. If-Match "0" replaces the default; later changes need the current version. */
export async function setFormat(
  ctx: WriteContext,
  agencyId: string,
  documentType: DocumentType,
  versions: number[],
  input: DocumentNumberFormatUpdate,
) {
  const problems = templateProblems(input.template);
  if (problems.length > 0) {
    throw new HttpProblem('VALIDATION_FAILED', problems.join('; '), {
      errors: problems.map((message) => ({ in: 'body' as const, pointer: '/template', message })),
    });
  }
  const agencyCode = await requireAgencyCode(ctx.tx, agencyId);
  const current = effectiveFormat(documentType, await repo.findFormat(ctx.tx, agencyId, documentType));
  if (!versions.includes(current.version)) throw staleVersion(current.version);
  const row = current.isDefault
    ? await repo.insertFormat(ctx.tx, {
        agencyId,
        documentType,
        ...input,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
    : await repo.updateFormat(ctx.tx, agencyId, documentType, versions, input, ctx.now);
  if (!row) throw staleVersion(current.version + 1);
  const format = toFormat(documentType, agencyCode, effectiveFormat(documentType, row), chinaDate(ctx.now));
  ctx.audit({
    chainId: agencyId,
    action: 'document_number_format.set',
    entityType: 'document_number_format',
    entityId: documentType,
    changes: changedFields(current, { ...current, typeCode: input.typeCode, template: input.template }),
  });
  return format;
}

export interface AllocationRequest {
  agencyId: string;
  documentType: DocumentType;
  /** The document's date; its year selects the series. */
  issuedOn: IsoDate;
  purpose: string;
}

function toDocumentNumber(row: repo.DocumentNumberRow): DocumentNumber {
  return {
    agencyId: row.agencyId,
    documentType: row.documentType as DocumentType,
    year: row.year,
    serial: row.serial,
    number: row.number,
    issuedOn: row.issuedOn,
    purpose: row.purpose,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Allocates the next number of a series inside the caller's transaction and records it in the
 * register. Call it with the transaction that writes the document itself.
 */
export async function allocateDocumentNumber(
  ctx: WriteContext,
  request: AllocationRequest,
): Promise<DocumentNumber> {
  const { agencyId, documentType, issuedOn, purpose } = request;
  const today = chinaDate(ctx.now);
  if (issuedOn > today) {
    throw new HttpProblem(
      'UNPROCESSABLE',
      `A document cannot be numbered before its date (${issuedOn}); today is ${today}`,
      {
        extensions: { reason: 'ISSUE_DATE_IN_FUTURE' },
      },
    );
  }
  const agencyCode = await requireAgencyCode(ctx.tx, agencyId);
  const year = yearOf(issuedOn);
  const backdating = await ruleSetting(ctx.tx, agencyId, 'document_numbers.backdating_years', today);
  if (year < yearOf(today) - backdating.value) {
    throw new HttpProblem(
      'UNPROCESSABLE',
      `Documents of ${year} can no longer be numbered: this agency numbers at most ${backdating.value} year(s) back`,
      { extensions: { reason: 'ISSUE_DATE_TOO_OLD', setting: backdating } },
    );
  }
  const format = effectiveFormat(documentType, await repo.findFormat(ctx.tx, agencyId, documentType));
  const serial = await repo.nextSerial(ctx.tx, agencyId, documentType, year, ctx.now);
  const number = formatDocumentNumber(format.template, {
    agencyCode,
    typeCode: format.typeCode,
    year,
    serial,
  });
  // Two types sharing a code-word and template would print the same number: refuse rather than duplicate.
  if (await repo.numberTaken(ctx.tx, agencyId, number)) {
    throw new HttpProblem(
      'CONFLICT',
      `${number} is already issued: two document types share a number format`,
      {
        extensions: { reason: 'DOCUMENT_NUMBER_COLLISION' },
      },
    );
  }
  const row = await repo.insertDocumentNumber(ctx.tx, {
    agencyId,
    documentType,
    year,
    serial,
    number,
    issuedOn,
    purpose,
    createdAt: ctx.now,
  });
  const issued = toDocumentNumber(row);
  ctx.audit({
    chainId: agencyId,
    action: 'document_number.issued',
    entityType: 'document_number',
    entityId: issued.number,
    changes: { documentType, year, serial, number, issuedOn, purpose },
  });
  return issued;
}

export async function listDocumentNumbers(
  ex: Executor,
  agencyId: string,
  query: { limit?: number; cursor?: string; documentType?: DocumentType; year?: number },
) {
  await requireAgencyCode(ex, agencyId);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  let after: repo.RegisterKey | undefined;
  if (query.cursor) {
    after = decodeCursor(query.cursor, { documentType: 'string', year: 'int', serial: 'int' });
  }
  const filter = {
    ...(query.documentType ? { documentType: query.documentType } : {}),
    ...(query.year !== undefined ? { year: query.year } : {}),
  };
  const rows = await repo.listDocumentNumbers(ex, agencyId, filter, limit, after);
  const page = toPage(rows, limit, (r) => ({
    documentType: r.documentType,
    year: String(r.year),
    serial: String(r.serial),
  }));
  return { items: page.items.map(toDocumentNumber), nextCursor: page.nextCursor };
}

export async function listCounters(ex: Executor, agencyId: string, year?: number) {
  await requireAgencyCode(ex, agencyId);
  const rows = await repo.listCounters(ex, agencyId, year);
  return { items: rows.map((r) => ({ ...r, documentType: r.documentType as DocumentType })) };
}

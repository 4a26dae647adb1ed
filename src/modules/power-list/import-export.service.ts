/**
 * Bulk import and export of the power and responsibility list (权责清单导入 / 导出). An import is
 * all or nothing: every row is checked first and any problem refuses the whole file with a
 * per-row report; otherwise the differences from the list in force become one adjustment
 * (动态调整), so an import has the same history, before/after and audit as any other change.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { IsoDate } from '../../domain/calendar/dates';
import type { AdjustmentTrigger } from '../../domain/power-list/categories';
import {
  type CurrentItem,
  checkRows,
  diffList,
  type ExportItem,
  ImportFileError,
  type ItemContent,
  located,
  type ParsedFile,
  parseCsv,
  parseJson,
  type RowError,
  toCsv,
  type UnitRef,
} from '../../domain/power-list/import-rows';
import { HttpProblem } from '../../http/problems';
import type { WriteContext, WriteResult } from '../../plugins/writes';
import { checkPowerItem, type PowerListImport } from './import-export.schemas';
import { type PowerItemData, PowerItemDataSchema } from './power-item.schemas';
import { itemsWithCodes, listUnitFacts } from './power-list.repository';
import {
  applyAdjustment,
  type ChangeInput,
  changeErrorsOf,
  INITIAL_IMPORT,
  itemsAsOf,
} from './power-list.service';
import { powerListAdjustments } from './power-list.table';

/** At most this many row errors are listed; `rowErrorCount` gives the total. */
const MAX_REPORTED_ROW_ERRORS = 1000;

export const CANCEL_REASON = 'not in the imported list';

const DATA_FIELDS = Object.keys(PowerItemDataSchema.properties) as (keyof PowerItemData)[];

/** The versioned content of an item view: its PowerItemData members only. */
function contentOf(view: Record<string, unknown>): ItemContent {
  const content: Record<string, unknown> = {};
  for (const field of DATA_FIELDS) if (view[field] !== undefined) content[field] = view[field];
  return content as unknown as ItemContent;
}

async function listInForce(ex: Executor, agencyId: string, asOf: IsoDate) {
  const views = await itemsAsOf(ex, agencyId, asOf);
  return views.filter((view) => view.status === 'in_force');
}

function readFile(input: PowerListImport, agencyUnits: UnitRef[]): ParsedFile {
  try {
    return input.format === 'csv' ? parseCsv(input.content, agencyUnits) : parseJson(input.content);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    throw new HttpProblem('UNPROCESSABLE', `${err.message}; nothing was imported`, {
      extensions: { reason: 'IMPORT_FILE_INVALID' },
    });
  }
}

/** The all-or-nothing refusal: 422 with every row's problems. */
function rowsInvalid(errors: RowError[]): HttpProblem {
  const rowCount = new Set(errors.map((e) => e.row)).size;
  return new HttpProblem(
    'UNPROCESSABLE',
    `${errors.length} problem${errors.length > 1 ? 's' : ''} in ${rowCount} row${rowCount > 1 ? 's' : ''} ` +
      'of the file; nothing was imported',
    {
      extensions: {
        reason: 'IMPORT_ROWS_INVALID',
        rowErrors: errors.slice(0, MAX_REPORTED_ROW_ERRORS),
        rowErrorCount: errors.length,
      },
    },
  );
}

export interface ImportOutcome {
  rows: number;
  changed: number;
  added: number;
  modified: number;
  cancelled: number;
  unchanged: number;
  adjustment: Awaited<ReturnType<typeof applyAdjustment>> | null;
}

/**
 * Imports a file into the caller's list as of `effectiveOn`: 201 with the adjustment made, or 200
 * with `adjustment: null` when the file matches the list (so importing the same file twice changes
 * nothing the second time). Refuses the whole file (422 IMPORT_ROWS_INVALID) if any row is wrong.
 */
export async function importPowerList(
  ctx: WriteContext,
  input: PowerListImport,
): Promise<WriteResult<ImportOutcome>> {
  const agencyId = ctx.actor.agencyId;
  const agencyUnits: UnitRef[] = await listUnitFacts(ctx.tx, agencyId);
  const parsed = readFile(input, agencyUnits);
  const inForce = await listInForce(ctx.tx, agencyId, input.effectiveOn);
  const current: CurrentItem[] = inForce.map((view) => ({ id: view.id, content: contentOf(view) }));
  const inForceCodes = new Set(inForce.map((view) => view.code));
  const fileCodes = parsed.rows.map((r) => r.content.code).filter((c): c is string => typeof c === 'string');
  const takenCodes = new Set(
    (await itemsWithCodes(ctx.tx, agencyId, [...new Set(fileCodes)]))
      .map((r) => r.code)
      .filter((code) => !inForceCodes.has(code)),
  );

  const { rows, errors } = checkRows(parsed, {
    current,
    units: agencyUnits,
    takenCodes,
    effectiveOn: input.effectiveOn,
    check: checkPowerItem,
  });
  if (errors.length > 0) throw rowsInvalid(errors);

  const diff = diffList(
    current,
    rows.map((r) => r.item),
    input.mode ?? 'merge',
  );
  const outcome: ImportOutcome = {
    rows: rows.length,
    changed: diff.add.length + diff.modify.length + diff.cancel.length,
    added: diff.add.length,
    modified: diff.modify.length,
    cancelled: diff.cancel.length,
    unchanged: diff.unchanged,
    adjustment: null,
  };

  if (outcome.changed > 0) {
    const changes: ChangeInput[] = [
      ...diff.add.map((item) => ({ type: 'add' as const, item: item as PowerItemData })),
      ...diff.modify.map(({ itemId, item }) => ({
        type: 'modify' as const,
        itemId,
        item: item as PowerItemData,
      })),
      ...diff.cancel.map(({ itemId }) => ({ type: 'cancel' as const, itemId, reason: CANCEL_REASON })),
    ];
    // Where each change came from, to report a refusal against its row.
    const rowOfCode = new Map(rows.map((r) => [r.item.code, r.row]));
    const origins = [
      ...diff.add.map((item) => item.code),
      ...diff.modify.map(({ item }) => item.code),
      ...diff.cancel.map(({ code }) => code),
    ];
    const trigger = input.trigger ?? (await defaultTrigger(ctx.tx, agencyId));
    try {
      outcome.adjustment = await applyAdjustment(ctx, {
        effectiveOn: input.effectiveOn,
        trigger,
        documentNumber: input.documentNumber,
        approvedBy: input.approvedBy,
        laws: input.laws ?? [],
        ...(input.summary ? { summary: input.summary } : {}),
        changes,
      });
    } catch (err) {
      const refusals = changeErrorsOf(err);
      if (!refusals) throw err;
      // The rules applyAdjustment enforces that the row check cannot see (e.g. an item changed by a
      // later adjustment already): reported like every other row error.
      throw rowsInvalid(
        refusals.map((r) => {
          const code = origins[r.change] ?? '';
          const row = rowOfCode.get(code);
          const pointer = r.pointer.replace(/^\/changes\/[0-9]+(\/item(?=\/|$))?/, '');
          return row === undefined
            ? { row: 0, field: code, message: `not in the file, to be cancelled: ${r.message}` }
            : located(parsed, row, pointer === '/itemId' ? '/code' : pointer, r.message);
        }),
      );
    }
  }

  // Recorded even when nothing changed: who imported which list, and with what result.
  ctx.audit({
    action: 'power_list.imported',
    entityType: 'power_list',
    entityId: agencyId,
    changes: {
      format: input.format,
      mode: input.mode ?? 'merge',
      effectiveOn: input.effectiveOn,
      rows: outcome.rows,
      added: outcome.added,
      modified: outcome.modified,
      cancelled: outcome.cancelled,
      unchanged: outcome.unchanged,
      adjustmentId: outcome.adjustment?.id ?? null,
    },
  });
  return { status: outcome.changed > 0 ? 201 : 200, body: outcome };
}

/** initial_import (清单初始导入) for an agency without any adjustment yet; otherwise the caller must say. */
async function defaultTrigger(ex: Executor, agencyId: string): Promise<AdjustmentTrigger> {
  const [any] = await ex
    .select({ id: powerListAdjustments.id })
    .from(powerListAdjustments)
    .where(eq(powerListAdjustments.agencyId, agencyId))
    .limit(1);
  if (!any) return INITIAL_IMPORT;
  throw new HttpProblem(
    'UNPROCESSABLE',
    'The agency already has a power list: say what prompted this import (trigger: law_change, delegation, ' +
      'institutional_reform or correction)',
    { extensions: { reason: 'TRIGGER_REQUIRED' } },
  );
}

export interface ExportFile {
  contentType: string;
  filename: string;
  /** For clients that do not read `filename*`. */
  asciiFilename: string;
  body: string | PowerItemData[];
}

/**
 * The list in force on `asOf`, as a file the import reads back unchanged: CSV with Chinese headers
 * (UTF-8 with a BOM, which Excel needs to see UTF-8), or JSON, an array of item contents.
 */
export async function exportPowerList(
  ex: Executor,
  agencyId: string,
  asOf: IsoDate,
  format: 'csv' | 'json',
): Promise<ExportFile> {
  const views = await listInForce(ex, agencyId, asOf);
  const names = { filename: `权责清单-${asOf}.${format}`, asciiFilename: `power-list-${asOf}.${format}` };
  if (format === 'json')
    return {
      contentType: 'application/json; charset=utf-8',
      ...names,
      body: views.map((view) => contentOf(view) as PowerItemData),
    };
  const items: ExportItem[] = views.map((view) => ({
    ...contentOf(view),
    exercisingUnits: view.exercisingUnits,
  }));
  return { contentType: 'text/csv; charset=utf-8', ...names, body: toCsv(items) };
}

/** Content-Disposition for a download with a Chinese name: RFC 6266 with an RFC 5987 `filename*`. */
export function attachment(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/["\\]/g, '')}"; filename*=UTF-8''${encoded}`;
}

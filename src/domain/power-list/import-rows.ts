/**
 * Bulk import and export of the power and responsibility list (权责清单导入 / 导出), the pure part:
 * reading a CSV (csv-parse) or JSON file into item contents with a per-row error report, diffing
 * them against the list in force, and writing the CSV export. No I/O: the caller supplies the
 * agency's units, the current list and the schema check.
 *
 * CSV format (UTF-8, a BOM is ignored; header row first; Chinese or English headers):
 *
 * | Column (accepted headers)                        | Cell                                                     |
 * | ------------------------------------------------ | -------------------------------------------------------- |
 * | 事项编码 / 编码 / code (required)                 | the item code, e.g. 630102-CF-0001                       |
 * | 事项名称 / 名称 / name (required)                 | text                                                     |
 * | 子项 / subItems                                   | one sub-item per line                                    |
 * | 权力类别 / 类别 / category (required)             | code (`penalty`) or Chinese name (`行政处罚`)            |
 * | 设定依据 / 法律依据 / legalBasis (required)       | one basis per line: `法律名称|条款|条文` (条款 and 条文   |
 * |                                                  | optional; ｜ works too), or a JSON array of {law, article, text} |
 * | 实施主体 / 承办科室 / exercisingUnits             | unit names of the agency separated by 、 ; ； or lines   |
 * | 行使层级 / 层级 / level (required)                | code (`county`) or Chinese name (`县级`)                 |
 * | 立案责任 … 执行责任, 其他责任 / responsibilities.filing … | one responsibility item (责任事项) per line     |
 * | 追责情形 / accountability                         | one accountability case per line                        |
 * | 裁量基准 / benchmarks                             | JSON array of discretion benchmarks, empty for none     |
 * | 备注 / internalNotes                              | free text (internal, never published)                   |
 *
 * A column left out of the file altogether leaves that field of existing items as it is (a sheet
 * without 裁量基准 does not wipe the benchmarks); a column present with an empty cell clears it.
 * Rows whose cells are all empty are skipped. Row numbers are those a spreadsheet shows: the
 * header is row 1, the first item row 2. In a JSON file (an array of item objects, the shape of
 * PowerItemData) `row` is the item's 1-based position in the array and `field` a JSON pointer.
 */
import { parse } from 'csv-parse/sync';
import type { IsoDate } from '../calendar/dates';
import { canonicalJson } from '../canonical-json';
import {
  POWER_CATEGORIES,
  POWER_LEVELS,
  type PowerCategory,
  type PowerLevel,
  RESPONSIBILITY_STAGES,
  type ResponsibilityStage,
} from './categories';
import { type BenchmarkContent, contentRefusals, type UnitFact, unitRefusals } from './versions';

/** The content of an item, as versioned (PowerItemData in the item schemas). */
export interface ItemContent {
  code: string;
  name: string;
  subItems: string[];
  category: PowerCategory;
  legalBasis: { law: string; article?: string; text?: string }[];
  exercisingUnitIds: string[];
  level: PowerLevel;
  responsibilities: Partial<Record<ResponsibilityStage, string[]>>;
  accountability: string[];
  benchmarks: BenchmarkContent[];
  internalNotes?: string;
}

export type ImportFormat = 'csv' | 'json';

/** One problem in the file: the row (see the module comment for numbering), the field, why. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** A unit of the agency, by which the file may name it (dissolved ones too: the rules refuse those). */
export interface UnitRef extends UnitFact {
  id: string;
  name: string;
}

/** The file cannot be read at all (not CSV / JSON, no header, too many rows). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

export const MAX_IMPORT_ROWS = 5000;

/** Fields of ItemContent a CSV column fills; stages are `responsibilities.<stage>`. */
type Field =
  | Exclude<keyof ItemContent, 'responsibilities' | 'exercisingUnitIds'>
  | 'exercisingUnits'
  | `responsibilities.${ResponsibilityStage}`;

const STAGES = Object.keys(RESPONSIBILITY_STAGES) as ResponsibilityStage[];

/** Column order of an export; the first header of each is the one written. */
export const CSV_COLUMNS: { field: Field; headers: string[] }[] = [
  { field: 'code', headers: ['事项编码', '编码', 'code'] },
  { field: 'name', headers: ['事项名称', '名称', 'name'] },
  { field: 'subItems', headers: ['子项', '子项名称', 'subItems'] },
  { field: 'category', headers: ['权力类别', '类别', '事项类别', 'category'] },
  { field: 'legalBasis', headers: ['设定依据', '法律依据', '实施依据', 'legalBasis'] },
  { field: 'exercisingUnits', headers: ['实施主体', '承办科室', '承办机构', 'exercisingUnits'] },
  { field: 'level', headers: ['行使层级', '层级', 'level'] },
  ...STAGES.map((stage) => ({
    field: `responsibilities.${stage}` as const,
    headers: [
      `${RESPONSIBILITY_STAGES[stage]}责任`,
      `${RESPONSIBILITY_STAGES[stage]}责任事项`,
      `${RESPONSIBILITY_STAGES[stage]}阶段责任`,
      `responsibilities.${stage}`,
    ],
  })),
  { field: 'accountability', headers: ['追责情形', 'accountability'] },
  { field: 'benchmarks', headers: ['裁量基准', 'benchmarks'] },
  { field: 'internalNotes', headers: ['备注', '内部备注', 'internalNotes'] },
];

const REQUIRED_COLUMNS: Field[] = ['code', 'name', 'category', 'legalBasis', 'level'];

const HEADER_FIELDS = new Map<string, Field>(
  CSV_COLUMNS.flatMap(({ field, headers }) => headers.map((h) => [h.toLowerCase(), field] as const)),
);

const CATEGORY_BY_NAME = new Map<string, PowerCategory>(
  Object.entries(POWER_CATEGORIES).flatMap(([code, name]) => [
    [code, code as PowerCategory],
    [name, code as PowerCategory],
  ]),
);

const LEVEL_BY_NAME = new Map<string, PowerLevel>(
  Object.entries(POWER_LEVELS).flatMap(([code, name]) => [
    [code, code as PowerLevel],
    [name, code as PowerLevel],
    [name.replace('（', '(').replace('）', ')'), code as PowerLevel],
  ]),
);
LEVEL_BY_NAME.set('乡镇', 'township');
LEVEL_BY_NAME.set('街道', 'township');

/** A row of the file turned into (part of) an item, before the schema check. */
export interface ImportedRow {
  row: number;
  /** What the row says. In a CSV file only the fields of the columns it has. */
  content: Record<string, unknown>;
  /** CSV: the fields whose cell could not be read (already reported; the schema check stays quiet on them). */
  unreadable?: Set<string>;
}

export interface ParsedFile {
  format: ImportFormat;
  rows: ImportedRow[];
  errors: RowError[];
  /**
   * CSV: the item fields the file carries (the others keep their current value), and the header
   * as written for each, to name the field in errors. JSON: null (every item is complete).
   */
  columns: Map<string, string> | null;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** One value per line of a cell, trimmed, blank lines dropped. */
function lines(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** law, then optionally |article, then optionally |text (the text may itself contain a bar). */
const BASIS_LINE = /^([^|｜]*)(?:[|｜]([^|｜]*)(?:[|｜]([\s\S]*))?)?$/;

/** `法律名称|条款|条文` per line, or a JSON array. */
function parseLegalBasis(cell: string): ItemContent['legalBasis'] {
  const trimmed = cell.trim();
  if (trimmed.startsWith('[')) return parseJsonCell(trimmed, 'a JSON array of {law, article, text}');
  return lines(trimmed).map((line) => {
    const [, law = '', article = '', text = ''] = BASIS_LINE.exec(line) ?? [];
    return {
      law: law.trim(),
      ...(article.trim() ? { article: article.trim() } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
  });
}

function parseJsonCell<T>(cell: string, expected: string): T {
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    throw new CellError(`is not valid JSON; expected ${expected}`);
  }
  if (!Array.isArray(value)) throw new CellError(`must be ${expected}`);
  return value as T;
}

class CellError extends Error {}

function unitNames(units: UnitRef[]): string {
  return units.map((u) => u.name).join('、');
}

/** Reads one cell into its item field(s); throws CellError when the cell cannot mean anything. */
function readCell(field: Field, cell: string, units: Map<string, string>, allUnits: UnitRef[]) {
  const value = cell.trim();
  switch (field) {
    case 'code':
    case 'name':
      return value === '' ? undefined : value;
    case 'subItems':
    case 'accountability':
      return lines(value);
    case 'category': {
      if (value === '') return undefined;
      const category = CATEGORY_BY_NAME.get(value);
      if (!category)
        throw new CellError(
          `unknown category “${value}”; use one of ${Object.entries(POWER_CATEGORIES)
            .map(([code, name]) => `${name} (${code})`)
            .join(', ')}`,
        );
      return category;
    }
    case 'level': {
      if (value === '') return undefined;
      const level = LEVEL_BY_NAME.get(value);
      if (!level)
        throw new CellError(
          `unknown level “${value}”; use one of ${Object.entries(POWER_LEVELS)
            .map(([code, name]) => `${name} (${code})`)
            .join(', ')}`,
        );
      return level;
    }
    case 'legalBasis':
      return parseLegalBasis(value);
    case 'exercisingUnits': {
      const names = value
        .split(/[、;；\r\n]/)
        .map((name) => name.trim())
        .filter((name) => name !== '');
      const unknown = names.filter((name) => !units.has(name));
      if (unknown.length > 0)
        throw new CellError(
          `unknown unit${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `“${n}”`).join(', ')}; ` +
            `units of this agency: ${unitNames(allUnits)}`,
        );
      return names.map((name) => units.get(name) as string);
    }
    case 'benchmarks':
      return value === '' ? [] : parseJsonCell(value, 'a JSON array of discretion benchmarks');
    case 'internalNotes':
      // Notes keep their own spacing; only a blank cell means none.
      return value === '' ? undefined : cell;
    default:
      // responsibilities.<stage>
      return lines(value);
  }
}

/** Where a field lands in an item. */
function assign(content: Record<string, unknown>, field: Field, value: unknown): void {
  if (field === 'exercisingUnits') {
    content.exercisingUnitIds = value;
  } else if (field.startsWith('responsibilities.')) {
    const stage = field.slice('responsibilities.'.length);
    const responsibilities = (content.responsibilities ?? {}) as Record<string, unknown>;
    if (Array.isArray(value) && value.length > 0) responsibilities[stage] = value;
    content.responsibilities = responsibilities;
  } else if (value !== undefined) {
    content[field] = value;
  }
}

/** The item field a CSV field fills (the key `columns` uses). */
function contentKey(field: Field): string {
  if (field === 'exercisingUnits') return 'exercisingUnitIds';
  return field;
}

/** Every record as an array of cells, blank lines included, so row numbers stay those of the sheet. */
function readRecords(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: false });
}

/** Reads a CSV file: its header, then one item per row. */
export function parseCsv(content: string, units: UnitRef[]): ParsedFile {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let records: string[][];
  try {
    records = readRecords(text).map((record) => record.map(restoreFormula));
  } catch (err) {
    throw new ImportFileError(`Not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const [header, ...data] = records;
  if (!header || header.every((h) => h.trim() === ''))
    throw new ImportFileError('The CSV file has no header row');
  if (data.length > MAX_IMPORT_ROWS)
    throw new ImportFileError(`At most ${MAX_IMPORT_ROWS} rows per import; this file has ${data.length}`);

  const errors: RowError[] = [];
  const fields: (Field | null)[] = [];
  const columns = new Map<string, string>();
  for (const raw of header) {
    const label = raw.trim();
    if (label === '') {
      fields.push(null);
      continue;
    }
    const field = HEADER_FIELDS.get(label.toLowerCase());
    if (!field) {
      errors.push({
        row: 1,
        field: label,
        message: `unknown column; accepted: ${CSV_COLUMNS.map((c) => c.headers[0]).join(', ')}`,
      });
    } else if (columns.has(contentKey(field))) {
      errors.push({
        row: 1,
        field: label,
        message: `the same field as column “${columns.get(contentKey(field))}”`,
      });
    } else {
      columns.set(contentKey(field), label);
    }
    fields.push(field ?? null);
  }
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.has(contentKey(required)))
      errors.push({
        row: 1,
        field: CSV_COLUMNS.find((c) => c.field === required)?.headers[0] ?? required,
        message: 'required column is missing',
      });
  }
  if (errors.length > 0) return { format: 'csv', rows: [], errors, columns };

  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const rows: ImportedRow[] = [];
  data.forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const itemContent: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    record.forEach((cell, i) => {
      const field = i < fields.length ? fields[i] : null;
      if (field === null || field === undefined) {
        if (cell.trim() !== '')
          errors.push({
            row,
            field: header[i]?.trim() || `column ${i + 1}`,
            message: 'a value in a column without a (known) header',
          });
        return;
      }
      try {
        assign(itemContent, field, readCell(field, cell, unitByName, units));
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        errors.push({ row, field: header[i]?.trim() ?? field, message: err.message });
        unreadable.add(contentKey(field));
      }
    });
    // A short record: the missing cells are empty.
    for (let i = record.length; i < fields.length; i++) {
      const field = fields[i];
      if (field) assign(itemContent, field, readCell(field, '', unitByName, units));
    }
    rows.push({ row, content: itemContent, unreadable });
  });
  return { format: 'csv', rows, errors, columns };
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Reads a JSON file: an array of item contents. */
export function parseJson(content: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (err) {
    throw new ImportFileError(`Not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(value)) throw new ImportFileError('A JSON import is an array of items');
  if (value.length > MAX_IMPORT_ROWS)
    throw new ImportFileError(`At most ${MAX_IMPORT_ROWS} items per import; this file has ${value.length}`);
  const rows: ImportedRow[] = [];
  const errors: RowError[] = [];
  value.forEach((element, index) => {
    if (element && typeof element === 'object' && !Array.isArray(element))
      rows.push({ row: index + 1, content: { ...(element as Record<string, unknown>) } });
    else errors.push({ row: index + 1, field: '/', message: 'must be an object (an item)' });
  });
  return { format: 'json', rows, errors, columns: null };
}

// ---------------------------------------------------------------------------------------------
// Checking

/** A schema problem with a candidate item: JSON pointer into the item, and why. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

/** The item schema check: the item with defaults applied, or what is wrong with it. */
export type ItemCheck = (
  candidate: unknown,
) => { ok: true; item: ItemContent } | { ok: false; problems: SchemaProblem[] };

/** An item of the list in force, as far as the import cares. */
export interface CurrentItem {
  id: string;
  content: ItemContent;
}

export interface CheckedRow {
  row: number;
  item: ItemContent;
}

/** The item field a JSON pointer falls in: its first member, or `responsibilities.<stage>`. */
function problemField(pointer: string): string {
  const [first = '', second] = pointer.split('/').slice(1);
  return first === 'responsibilities' && second ? `${first}.${second}` : first;
}

/**
 * An error as a spreadsheet user can find it: the column header as written, and where inside the
 * cell (entry n of a multi-line or JSON cell). For JSON, the pointer into the item.
 */
export function located(parsed: ParsedFile, row: number, pointer: string, message: string): RowError {
  if (!parsed.columns) return { row, field: pointer === '' ? '/' : pointer, message };
  const segments = pointer.split('/').slice(1);
  const width = segments[0] === 'responsibilities' && segments.length > 1 ? 2 : 1;
  const key = segments.slice(0, width).join('.');
  const field = parsed.columns.get(key) ?? (key || '/');
  const [index, ...inner] = segments.slice(width);
  if (index === undefined) return { row, field, message };
  const where = /^[0-9]+$/.test(index) ? `entry ${Number(index) + 1}` : index;
  return { row, field, message: `${where}${inner.length > 0 ? ` (${inner.join('/')})` : ''}: ${message}` };
}

/** A CSV row with the fields of the columns the file leaves out taken from the current item. */
function completeRow(
  content: Record<string, unknown>,
  existing: ItemContent,
  columns: Map<string, string>,
): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(existing)) {
    if (key !== 'responsibilities' && !columns.has(key)) candidate[key] = value;
  }
  const responsibilities: Record<string, unknown> = {};
  for (const [stage, items] of Object.entries(existing.responsibilities ?? {})) {
    if (!columns.has(`responsibilities.${stage}`)) responsibilities[stage] = items;
  }
  Object.assign(responsibilities, content.responsibilities ?? {});
  return { ...candidate, ...content, responsibilities };
}

/** What the rows are checked against. */
export interface CheckContext {
  /** The list in force on the effective date. */
  current: CurrentItem[];
  units: UnitRef[];
  /** Codes the agency has used that are not in `current` (cancelled, delegated, or added later). */
  takenCodes: ReadonlySet<string>;
  effectiveOn: IsoDate;
  /** The item schema check. */
  check: ItemCheck;
}

/**
 * Completes each row (CSV: fields of absent columns from the current item with that code), checks
 * it against the schema, the content rules of every adjustment (benchmarks, units in existence on
 * the effective date) and the other rows (codes are unique), and collects every error. Rows are
 * returned only when there is no error at all.
 */
export function checkRows(
  parsed: ParsedFile,
  context: CheckContext,
): { rows: CheckedRow[]; errors: RowError[] } {
  const errors = [...parsed.errors];
  const byCode = new Map(context.current.map((c) => [c.content.code, c.content]));
  const units = new Map(context.units.map((u) => [u.id, u]));
  const firstRowOfCode = new Map<string, number>();
  const rows: CheckedRow[] = [];

  for (const { row, content, unreadable } of parsed.rows) {
    const existing = typeof content.code === 'string' ? byCode.get(content.code) : undefined;
    const candidate = parsed.columns && existing ? completeRow(content, existing, parsed.columns) : content;
    const checked = context.check(candidate);
    if (!checked.ok) {
      for (const problem of checked.problems) {
        if (!unreadable?.has(problemField(problem.pointer)))
          errors.push(located(parsed, row, problem.pointer, problem.message));
      }
      continue;
    }
    const { item } = checked;
    const refusals = [
      ...contentRefusals(item),
      ...unitRefusals(item.exercisingUnitIds, units, context.effectiveOn).map((r) => {
        // Name the unit as the file did.
        const unit = units.get(item.exercisingUnitIds[Number(r.pointer.split('/')[2])] ?? '');
        return parsed.columns && unit ? { ...r, message: r.message.replace(unit.id, unit.name) } : r;
      }),
    ];
    for (const r of refusals) errors.push(located(parsed, row, r.pointer, r.message));
    if (!existing && context.takenCodes.has(item.code)) {
      errors.push(
        located(
          parsed,
          row,
          '/code',
          `code ${item.code} belongs to an item that is not in force on ${context.effectiveOn} ` +
            '(cancelled, delegated, or added later); a code is never reused',
        ),
      );
    }
    const first = firstRowOfCode.get(item.code);
    if (first !== undefined) {
      errors.push(located(parsed, row, '/code', `duplicate code ${item.code}: already on row ${first}`));
    } else {
      firstRowOfCode.set(item.code, row);
    }
    rows.push({ row, item });
  }
  // By row, then (CSV) in the order of the columns, as the user reads the sheet.
  const column = new Map([...(parsed.columns?.values() ?? [])].map((label, i) => [label, i]));
  errors.sort((a, b) => a.row - b.row || (column.get(a.field) ?? 0) - (column.get(b.field) ?? 0));
  return { rows: errors.length > 0 ? [] : rows, errors };
}

// ---------------------------------------------------------------------------------------------
// Diff

/**
 * The form in which two contents are compared: no empty stages or notes, no absent optionals,
 * exercising units as a set. Contents equal in this form are the same item.
 */
export function comparable(content: ItemContent): string {
  const responsibilities = Object.fromEntries(
    Object.entries(content.responsibilities ?? {}).filter(([, items]) => items && items.length > 0),
  );
  return canonicalJson({
    ...content,
    responsibilities,
    exercisingUnitIds: [...(content.exercisingUnitIds ?? [])].sort(),
    internalNotes: content.internalNotes === '' ? undefined : content.internalNotes,
  });
}

export type ImportMode = 'merge' | 'replace';

export interface ListDiff {
  add: ItemContent[];
  modify: { itemId: string; item: ItemContent }[];
  /** Items in force that the file leaves out (replace mode only). */
  cancel: { itemId: string; code: string }[];
  unchanged: number;
}

/**
 * What the file changes on the list in force: new codes are added, changed contents modified,
 * the rest left alone. Codes missing from the file are cancelled only in replace mode.
 */
export function diffList(current: CurrentItem[], incoming: ItemContent[], mode: ImportMode): ListDiff {
  const byCode = new Map(current.map((c) => [c.content.code, c]));
  const diff: ListDiff = { add: [], modify: [], cancel: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const item of incoming) {
    seen.add(item.code);
    const existing = byCode.get(item.code);
    if (!existing) diff.add.push(item);
    else if (comparable(existing.content) !== comparable(item))
      diff.modify.push({ itemId: existing.id, item });
    else diff.unchanged++;
  }
  if (mode === 'replace') {
    for (const c of current)
      if (!seen.has(c.content.code)) diff.cancel.push({ itemId: c.id, code: c.content.code });
  }
  return diff;
}

// ---------------------------------------------------------------------------------------------
// Export

/** An item to export, with its units' names. */
export interface ExportItem extends ItemContent {
  exercisingUnits: { id: string; name: string }[];
}

/**
 * A cell a spreadsheet would run as a formula (CSV injection: `=`, `+`, `-`, `@`, tab, CR) is written
 * behind an apostrophe, which Excel and WPS show as text; the import takes one apostrophe off again.
 * Apostrophes already in front of such a character get one more, so every value round-trips exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

function quote(raw: string): string {
  const cell = neutraliseFormula(raw);
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes legal bases as lines when they fit the line format, else as JSON. */
function formatLegalBasis(bases: ItemContent['legalBasis']): string {
  const fitsLines = bases.every(
    (b) =>
      !/[|｜\r\n]/.test(b.law) &&
      !b.law.startsWith('[') &&
      b.law.trim() === b.law &&
      !/[|｜\r\n]/.test(b.article ?? '') &&
      (b.article ?? '').trim() === (b.article ?? '') &&
      !/[\r\n]/.test(b.text ?? '') &&
      (b.text ?? '').trim() === (b.text ?? ''),
  );
  if (!fitsLines) return JSON.stringify(bases);
  return bases
    .map((b) =>
      b.text ? `${b.law}|${b.article ?? ''}|${b.text}` : b.article ? `${b.law}|${b.article}` : b.law,
    )
    .join('\n');
}

function cellOf(field: Field, item: ExportItem): string {
  switch (field) {
    case 'code':
    case 'name':
      return item[field];
    case 'subItems':
    case 'accountability':
      return item[field].join('\n');
    case 'category':
      return POWER_CATEGORIES[item.category];
    case 'level':
      return POWER_LEVELS[item.level];
    case 'legalBasis':
      return formatLegalBasis(item.legalBasis);
    case 'exercisingUnits':
      return item.exercisingUnits.map((u) => u.name).join('、');
    case 'benchmarks':
      return item.benchmarks.length > 0 ? JSON.stringify(item.benchmarks) : '';
    case 'internalNotes':
      return item.internalNotes ?? '';
    default: {
      const stage = field.slice('responsibilities.'.length) as ResponsibilityStage;
      return (item.responsibilities[stage] ?? []).join('\n');
    }
  }
}

/**
 * The list as a CSV file that imports unchanged: every column, Chinese headers, CRLF line ends,
 * a BOM so that Excel reads it as UTF-8.
 */
export function toCsv(items: ExportItem[]): string {
  const out = [CSV_COLUMNS.map((c) => c.headers[0] as string).join(',')];
  for (const item of items) out.push(CSV_COLUMNS.map((c) => quote(cellOf(c.field, item))).join(','));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

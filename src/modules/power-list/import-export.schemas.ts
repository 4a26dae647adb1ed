/**
 * API schemas of the bulk import and export of the power and responsibility list (权责清单导入 /
 * 导出), and the item check the import runs on every row. The file formats are described in
 * src/domain/power-list/import-rows.ts.
 */
import { type Static, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { ADJUSTMENT_TRIGGERS, type AdjustmentTrigger } from '../../domain/power-list/categories';
import { type ItemCheck, type ItemContent, MAX_IMPORT_ROWS } from '../../domain/power-list/import-rows';
import { IsoDate, StrictObject, Text } from '../../http/schemas';
import {
  DiscretionBenchmarkSchema,
  LegalBasisSchema,
  PowerCategorySchema,
  PowerItemDataSchema,
  TierSchema,
} from './power-item.schemas';

/** The largest import body: a 5,000-item list with full legal texts fits. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const TRIGGER_CODES = Object.keys(ADJUSTMENT_TRIGGERS) as AdjustmentTrigger[];

export const PowerListImportSchema = StrictObject(
  {
    format: Type.Enum(['csv', 'json'], { description: 'csv, or json (an array of PowerItemData)' }),
    content: Type.String({
      minLength: 1,
      description:
        'The file’s text. CSV: UTF-8, header row first (Chinese or English headers, see the operation). ' +
        `JSON: an array of items (PowerItemData). At most ${MAX_IMPORT_ROWS} items.`,
    }),
    mode: Type.Optional(
      Type.Enum(['merge', 'replace'], {
        default: 'merge',
        description:
          'merge (default): items missing from the file stay as they are. replace: the file is the whole list; ' +
          'items in force that it leaves out are cancelled (取消) with the reason “not in the imported list”.',
      }),
    ),
    effectiveOn: { ...IsoDate, description: 'The day the changes take effect (生效日期)' },
    trigger: Type.Optional(
      Type.Enum(TRIGGER_CODES, {
        description:
          'What prompted the adjustment. Default initial_import (清单初始导入) while the agency has no list ' +
          'yet; required otherwise, when the file changes anything.',
      }),
    ),
    documentNumber: Text(100, 'Number of the approving document (文号), e.g. 东市监发〔2024〕15号'),
    approvedBy: Text(100, 'Who approved it (审批机关 / 负责人)'),
    laws: Type.Optional(
      Type.Array(Text(200, 'A law or regulation'), {
        maxItems: 100,
        default: [],
        description: 'The laws and regulations that prompted the adjustment (立改废的法律法规); default none',
      }),
    ),
    summary: Type.Optional(Text(2000, 'Summary (调整说明)')),
  },
  { $id: 'PowerListImport', description: 'A file of the power list (权责清单) to import' },
);
export type PowerListImport = Static<typeof PowerListImportSchema>;

export const ImportRowErrorSchema = Type.Object(
  {
    row: Type.Integer({
      minimum: 0,
      description:
        'CSV: the row as a spreadsheet shows it (header = row 1, first item = row 2). JSON: the item’s ' +
        '1-based position in the array. 0: an item in force that the file leaves out (replace mode), ' +
        'named by its code in `field`.',
    }),
    field: Type.String({
      description: 'CSV: the column header as written in the file. JSON: a JSON pointer.',
    }),
    message: Type.String(),
  },
  {
    $id: 'PowerListImportRowError',
    additionalProperties: false,
    description:
      'One problem in an imported file. A refused import answers 422 with code UNPROCESSABLE, reason ' +
      'IMPORT_ROWS_INVALID, `rowErrors`: a list of these, every row’s problems at once (the first 1,000), ' +
      'and `rowErrorCount`, their total. A file that cannot be read at all (not CSV or JSON, no header, ' +
      'more than 5,000 items) answers 422 with reason IMPORT_FILE_INVALID.',
  },
);
export type ImportRowError = Static<typeof ImportRowErrorSchema>;

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const PowerListImportResultSchema = Type.Object(
  {
    rows: Count('Items in the file'),
    changed: Count('Changes made: added + modified + cancelled; 0 when the file matches the list'),
    added: Count('New codes, added (新增)'),
    modified: Count('Items whose content changed (调整)'),
    cancelled: Count('Items left out of the file, cancelled (取消); replace mode only'),
    unchanged: Count('Items already as in the file'),
    adjustment: Type.Union([Type.Unsafe({ $ref: 'PowerListAdjustment' }), Type.Null()], {
      description: 'The adjustment (动态调整) that made the changes; null when nothing changed',
    }),
  },
  { $id: 'PowerListImportResult', additionalProperties: false, description: 'What an import changed' },
);

export const PowerListExportQuery = StrictObject({
  asOf: Type.Optional({
    ...IsoDate,
    description: 'The date the list is exported as of (default: today, China time)',
  }),
  format: Type.Optional(
    Type.Enum(['csv', 'json'], {
      default: 'csv',
      description:
        'csv (default; Chinese headers, UTF-8 with BOM for Excel), or json (an array of PowerItemData)',
    }),
  ),
});

/** The named schemas PowerItemData refers to by `$ref`, for TypeBox to resolve them. */
const REFERENCED = {
  PowerCategory: PowerCategorySchema,
  LegalBasis: LegalBasisSchema,
  DiscretionTier: TierSchema,
  DiscretionBenchmark: DiscretionBenchmarkSchema,
};

interface TypeBoxError {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Compiled once: checking a 1,000-row file through the interpreter (Value.Check) took 0.8 s. */
const validator = Compile(REFERENCED, PowerItemDataSchema);

/** The item's top-level defaults (the only ones PowerItemData has), without cloning the rest. */
const DEFAULTS = Object.entries(PowerItemDataSchema.properties).flatMap(([key, schema]) =>
  'default' in schema ? [[key, JSON.stringify(schema.default)] as const] : [],
);

/**
 * The item check of an import: PowerItemData with its defaults filled in (sub-items, units,
 * responsibilities, accountability and benchmarks default to empty), the same schema the API
 * validates items with.
 */
export const checkPowerItem: ItemCheck = (candidate) => {
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate))
    return { ok: false, problems: [{ pointer: '', message: 'must be an object' }] };
  const item: Record<string, unknown> = { ...candidate };
  for (const [key, value] of DEFAULTS) if (item[key] === undefined) item[key] = JSON.parse(value);
  if (validator.Check(item)) return { ok: true, item: item as unknown as ItemContent };
  const problems = (validator.Errors(item) as TypeBoxError[])
    // `additionalProperties: false` also yields a boolean-schema error per extra member; one is enough.
    .filter((e) => e.keyword !== 'boolean')
    .flatMap((e) => {
      if (e.keyword === 'required')
        return ((e.params.requiredProperties as string[] | undefined) ?? []).map((name) => ({
          pointer: `${e.instancePath}/${name}`,
          message: 'is required',
        }));
      if (e.keyword === 'additionalProperties')
        return ((e.params.additionalProperties as string[] | undefined) ?? []).map((name) => ({
          pointer: `${e.instancePath}/${name}`,
          message: 'is not a known field',
        }));
      const allowed = Array.isArray(e.params.allowedValues) ? `: ${e.params.allowedValues.join(', ')}` : '';
      return [{ pointer: e.instancePath, message: `${e.message}${allowed}` }];
    });
  return { ok: false, problems };
};

export const powerListImportSchemas = [
  PowerListImportSchema,
  ImportRowErrorSchema,
  PowerListImportResultSchema,
];

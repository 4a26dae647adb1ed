import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import {
  IMPORT_BODY_LIMIT,
  PowerListExportQuery,
  PowerListImportResultSchema,
  PowerListImportSchema,
} from './import-export.schemas';
import * as service from './import-export.service';
import { PowerItemDataSchema } from './power-item.schemas';

const tags = ['power-list'];

const CSV_FORMAT =
  'CSV columns (Chinese or English headers; the export writes the first): 事项编码/编码/code and ' +
  '事项名称/名称/name; 子项 (one per line); 权力类别/类别 (code such as penalty, or name such as 行政处罚); ' +
  '设定依据/法律依据 (one basis per line as 法律名称|条款|条文, article and text optional, or a JSON array); ' +
  '实施主体/承办科室 (unit names separated by 、 or ;); 行使层级/层级 (code or name, e.g. 县级); ' +
  '立案责任, 调查责任, 审查责任, 告知责任, 决定责任, 送达责任, 执行责任, 其他责任 (responsibility items, ' +
  'one per line); 追责情形 (one per line); 裁量基准 (JSON array of benchmarks); 备注 (internal notes). ' +
  'Required columns: code, name, category, legal basis, level. A column left out of the file keeps ' +
  'that field of existing items as it is; an empty cell clears it.';

export const powerListImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/import',
    {
      config: { operation: 'power_list.adjust' },
      bodyLimit: Math.max(app.config.http.bodyLimit, IMPORT_BODY_LIMIT),
      schema: {
        tags,
        operationId: 'importPowerList',
        summary: 'Import the power list from a CSV or JSON file',
        description:
          'Bulk import (导入) of the power and responsibility list (权责清单), all or nothing. Every row is ' +
          'checked first; if any is wrong nothing is written and the answer is 422 (reason IMPORT_ROWS_INVALID) ' +
          'with `rowErrors`: [{ row, field, message }] for every row at once (CSV rows as a spreadsheet ' +
          'numbers them, header = row 1; JSON: 1-based position in the array). Otherwise the file is compared ' +
          'with the list in force on effectiveOn: new codes are added (新增), changed items modified (调整), ' +
          'identical ones left alone; items missing from the file are cancelled (取消) only with ' +
          'mode=replace. The changes are made as one adjustment (动态调整), answered 201; a file that ' +
          'changes nothing answers 200 with adjustment null, so re-importing the same file is harmless. ' +
          CSV_FORMAT,
        headers: Headers(IdempotencyHeaders),
        body: ref(PowerListImportSchema),
        response: {
          200: {
            ...ref(PowerListImportResultSchema),
            description: 'The file matches the list: nothing changed',
          },
          201: { ...ref(PowerListImportResultSchema), description: 'The adjustment the import made' },
          ...problemResponses(400, 403, 413, 415, 422),
        },
      },
    },
    (request, reply) => app.write(request, reply, (ctx) => service.importPowerList(ctx, request.body)),
  );

  app.get(
    '/export',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'exportPowerList',
        summary: 'Export the power list as of a date',
        description:
          'Export (导出) of the power and responsibility list (权责清单) in force on asOf, as a download: CSV ' +
          '(UTF-8 with BOM for Excel, Chinese headers, the columns the import reads) or JSON (an array of ' +
          'item contents, the JSON import format). Importing an export unchanged changes nothing.',
        querystring: PowerListExportQuery,
        response: {
          200: {
            description: 'The file, named 权责清单-<asOf>.csv or .json (Content-Disposition: attachment)',
            content: {
              'text/csv': { schema: Type.String({ description: 'CSV, UTF-8 with BOM' }) },
              'application/json': { schema: Type.Array(ref(PowerItemDataSchema)) },
            },
          },
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? chinaDate(app.now());
      const file = await service.exportPowerList(
        app.database.db,
        principalOf(request).agencyId,
        asOf,
        request.query.format ?? 'csv',
      );
      reply
        .header('content-type', file.contentType)
        .header('content-disposition', service.attachment(file.filename, file.asciiFilename));
      return file.body;
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { CaseParams } from './cases.schemas';
import {
  CaseDocumentListSchema,
  CaseDocumentSchema,
  DocumentParams,
  DocumentQuery,
} from './documents.schemas';
import type { DocumentFormat, DocumentsService } from './documents.service';

const tags = ['cases'];

/**
 * JSON unless the client asks for HTML: `?format=` wins; otherwise text/html in Accept, with a higher
 * quality than application/json or listed before it at the same quality (as browsers send it).
 */
export function negotiate(format: DocumentFormat | undefined, accept: string | undefined): DocumentFormat {
  if (format) return format;
  const types = (accept ?? '').split(',').map((part, index) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
  });
  const html = types.find((t) => t.type === 'text/html' && t.q > 0);
  const json = types.find((t) => t.type === 'application/json' && t.q > 0);
  if (!html) return 'json';
  if (!json) return 'html';
  return html.q > json.q || (html.q === json.q && html.index < json.index) ? 'html' : 'json';
}

/** The procedural documents (执法文书) of a case, under /v1/cases/{caseId}/documents. */
export const documentRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentsService }> = async (
  app,
  { documents },
) => {
  app.get(
    '/:caseId/documents',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'listCaseDocuments',
        summary: 'The documents of a case',
        description:
          'Every numbered procedural document (执法文书) of the case, in timeline order: 立案决定书, 实施行政强制措施决定书, ' +
          '行政处罚告知书, 听证通知书, 行政处罚决定书, 不予行政处罚决定书 and any other document a case step numbered, each ' +
          'with its number (文号), type, date, the step that produced it and its entry in the register of issued ' +
          'numbers (发文登记).',
        params: CaseParams,
        response: { 200: ref(CaseDocumentListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => documents.list(app.database.db, principalOf(request).agencyId, request.params.caseId),
  );

  app.get(
    '/:caseId/documents/:documentId',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getCaseDocument',
        summary: 'A document of a case',
        description:
          'One procedural document (执法文书) by its id or its number (文号), with the data it was made from. The ' +
          'penalty decision (行政处罚决定书) carries its content with every element APL art. 59 requires (party, facts ' +
          'and evidence, penalty and legal basis, how and by when to perform with the late-payment surcharge of APL ' +
          'art. 72, reconsideration and litigation with their time limits, bureau and date) and the pre-penalty ' +
          'notice (行政处罚告知书) its content under APL art. 44; an element the case lacks is listed in `missing`. ' +
          'Both are also a printable HTML page: `?format=html` or `Accept: text/html` (406 NOT_ACCEPTABLE for ' +
          'other types). Resident ID numbers are masked.',
        params: DocumentParams,
        querystring: DocumentQuery,
        response: {
          200: {
            description: 'The document (JSON), or its printable page (HTML)',
            content: {
              'application/json': { schema: ref(CaseDocumentSchema) },
              'text/html': { schema: Type.String({ description: 'A complete, print-styled HTML page' }) },
            },
          },
          ...problemResponses(400, 404, 406),
        },
      },
    },
    async (request, reply) => {
      const format = negotiate(request.query.format, request.headers.accept);
      const result = await documents.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.caseId,
        request.params.documentId,
        format,
      );
      if (result.format === 'html') {
        reply.header('content-type', 'text/html; charset=utf-8');
        return result.body;
      }
      return result.body;
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { AgencyParams } from '../agencies/agencies.schemas';
import {
  CounterQuery,
  DocumentCounterListSchema,
  DocumentNumberAllocateSchema,
  DocumentNumberFormatListSchema,
  DocumentNumberFormatSchema,
  DocumentNumberFormatUpdateSchema,
  DocumentNumberPageSchema,
  DocumentNumberSchema,
  FormatParams,
  RegisterQuery,
} from './document-numbers.schemas';
import * as service from './document-numbers.service';

const tags = ['document-numbers'];

export const documentNumberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/document-number-formats',
    {
      config: { operation: 'document_numbers.read' },
      schema: {
        tags,
        operationId: 'listDocumentNumberFormats',
        summary: 'Document-number formats of an agency',
        description:
          'The number format (文号格式) the agency uses for every document type, default or its own.',
        params: AgencyParams,
        response: { 200: ref(DocumentNumberFormatListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.listFormats(app.database.db, request.params.agencyId, app.now()),
  );

  app.get(
    '/document-number-formats/:documentType',
    {
      config: { operation: 'document_numbers.read' },
      schema: {
        tags,
        operationId: 'getDocumentNumberFormat',
        summary: 'Document-number format of one type',
        description:
          'The number format (文号格式) for one document type; the ETag is "0" while the default applies.',
        params: FormatParams,
        response: { 200: ref(DocumentNumberFormatSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { agencyId, documentType } = request.params;
      const format = await service.getFormat(app.database.db, agencyId, documentType, app.now());
      reply.header('etag', etagOf(format.version));
      return format;
    },
  );

  app.put(
    '/document-number-formats/:documentType',
    {
      config: { operation: 'document_numbers.configure' },
      schema: {
        tags,
        operationId: 'setDocumentNumberFormat',
        summary: 'Set a document-number format',
        description:
          'Sets the code-word (文书代字) and template of a document type’s numbers (文号格式). Requires If-Match: ' +
          '"0" to replace the default, then the current ETag. Numbers already issued keep their text.',
        params: FormatParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(DocumentNumberFormatUpdateSchema),
        response: { 200: ref(DocumentNumberFormatSchema), ...problemResponses(400, 404, 412, 415, 422, 428) },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const { agencyId, documentType } = request.params;
        const format = await service.setFormat(ctx, agencyId, documentType, versions, request.body);
        return { status: 200, body: format, headers: { etag: etagOf(format.version) } };
      });
    },
  );

  app.get(
    '/document-numbers',
    {
      config: { operation: 'document_numbers.read' },
      schema: {
        tags,
        operationId: 'listDocumentNumbers',
        summary: 'Register of issued document numbers',
        description:
          'Every document number (文号) the agency issued (发文登记), by type, year and serial. Serials run 1, 2, 3 … ' +
          'without gaps within a type and year.',
        params: AgencyParams,
        querystring: RegisterQuery,
        response: { 200: ref(DocumentNumberPageSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.listDocumentNumbers(app.database.db, request.params.agencyId, request.query),
  );

  app.post(
    '/document-numbers',
    {
      config: { operation: 'document_numbers.allocate' },
      schema: {
        tags,
        operationId: 'allocateDocumentNumber',
        summary: 'Issue a document number',
        description:
          'Issues the next number (文号) of a series for a document made outside Fazhi, and records it in the ' +
          'register. Documents made in Fazhi get their numbers automatically.',
        params: AgencyParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(DocumentNumberAllocateSchema),
        response: { 201: ref(DocumentNumberSchema), ...problemResponses(400, 404, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const { documentType, purpose } = request.body;
        const issuedOn = request.body.issuedOn ?? chinaDate(ctx.now);
        const allocated = await service.allocateDocumentNumber(ctx, {
          agencyId: request.params.agencyId,
          documentType,
          issuedOn,
          purpose,
        });
        return { status: 201, body: allocated };
      }),
  );

  app.get(
    '/document-counters',
    {
      config: { operation: 'document_numbers.read' },
      schema: {
        tags,
        operationId: 'listDocumentCounters',
        summary: 'Last serial per document series',
        description: 'The last serial issued per document type and year (文号流水号).',
        params: AgencyParams,
        querystring: CounterQuery,
        response: { 200: ref(DocumentCounterListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.listCounters(app.database.db, request.params.agencyId, request.query.year),
  );
};

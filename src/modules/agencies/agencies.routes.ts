import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import {
  AgencyCreatedSchema,
  AgencyCreateSchema,
  AgencyPageSchema,
  AgencyParams,
  AgencySchema,
  AgencyUpdateSchema,
  ListQuery,
} from './agencies.schemas';
import * as service from './agencies.service';

const tags = ['agencies'];

export const agencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '',
    {
      config: { operation: 'agencies.create' },
      schema: {
        tags,
        operationId: 'createAgency',
        summary: 'Register an agency',
        description:
          'Registers a market-supervision bureau (市场监督管理局) with its document-number code-word (机关代字) ' +
          'and region (行政区划), and, in the same transaction, its first administrator (系统管理员). Returns the ' +
          'agency with its ETag and Location.',
        headers: Headers(IdempotencyHeaders),
        body: ref(AgencyCreateSchema),
        response: { 201: ref(AgencyCreatedSchema), ...problemResponses(400, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const agency = await service.createAgency(ctx, request.body);
        return {
          status: 201,
          body: agency,
          headers: { etag: etagOf(agency.version), location: `/v1/agencies/${agency.id}` },
        };
      }),
  );

  app.get(
    '',
    {
      config: { operation: 'agencies.read' },
      schema: {
        tags,
        operationId: 'listAgencies',
        summary: 'List agencies',
        description: 'Agencies (市场监督管理局) in creation order, one page at a time (keyset cursor).',
        querystring: ListQuery,
        response: { 200: ref(AgencyPageSchema), ...problemResponses(400) },
      },
    },
    (request) => service.listAgencies(app.database.db, principalOf(request), request.query),
  );

  app.get(
    '/:agencyId',
    {
      config: { operation: 'agencies.read' },
      schema: {
        tags,
        operationId: 'getAgency',
        summary: 'Get an agency',
        description: 'One agency (市场监督管理局); the ETag header carries its version for a later If-Match.',
        params: AgencyParams,
        response: { 200: ref(AgencySchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const agency = await service.getAgency(app.database.db, request.params.agencyId);
      reply.header('etag', etagOf(agency.version));
      return agency;
    },
  );

  app.patch(
    '/:agencyId',
    {
      config: { operation: 'agencies.update' },
      schema: {
        tags,
        operationId: 'updateAgency',
        summary: 'Change an agency',
        description:
          'Changes an agency’s name, code-word (机关代字) or region. Requires If-Match with the current ETag: ' +
          '428 without it, 412 when someone changed the agency since you read it.',
        params: AgencyParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(AgencyUpdateSchema),
        response: { 200: ref(AgencySchema), ...problemResponses(400, 404, 409, 412, 415, 422, 428) },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const agency = await service.updateAgency(ctx, request.params.agencyId, versions, request.body);
        return { status: 200, body: agency, headers: { etag: etagOf(agency.version) } };
      });
    },
  );
};

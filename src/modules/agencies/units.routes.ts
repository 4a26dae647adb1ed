import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import {
  AgencyParams,
  UnitCreateSchema,
  UnitListQuery,
  UnitPageSchema,
  UnitParams,
  UnitSchema,
  UnitUpdateSchema,
} from './agencies.schemas';
import * as service from './agencies.service';

const tags = ['agencies'];

export const unitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '',
    {
      config: { operation: 'units.write' },
      schema: {
        tags,
        operationId: 'createUnit',
        summary: 'Add a unit to an agency',
        description: 'Adds an organisational unit (科室, 市场监管所, 执法大队) to an agency.',
        params: AgencyParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(UnitCreateSchema),
        response: { 201: ref(UnitSchema), ...problemResponses(400, 404, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const unit = await service.createUnit(ctx, request.params.agencyId, request.body);
        return {
          status: 201,
          body: unit,
          headers: { etag: etagOf(unit.version), location: `/v1/agencies/${unit.agencyId}/units/${unit.id}` },
        };
      }),
  );

  app.get(
    '',
    {
      config: { operation: 'units.read' },
      schema: {
        tags,
        operationId: 'listUnits',
        summary: 'List an agency’s units',
        description:
          'The organisational units (科室 / 所) of an agency, optionally only active or dissolved ones.',
        params: AgencyParams,
        querystring: UnitListQuery,
        response: { 200: ref(UnitPageSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.listUnits(app.database.db, request.params.agencyId, request.query),
  );

  app.get(
    '/:unitId',
    {
      config: { operation: 'units.read' },
      schema: {
        tags,
        operationId: 'getUnit',
        summary: 'Get a unit',
        description: 'One organisational unit (科室 / 所); the ETag header carries its version.',
        params: UnitParams,
        response: { 200: ref(UnitSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const unit = await service.getUnit(app.database.db, request.params.agencyId, request.params.unitId);
      reply.header('etag', etagOf(unit.version));
      return unit;
    },
  );

  app.patch(
    '/:unitId',
    {
      config: { operation: 'units.write' },
      schema: {
        tags,
        operationId: 'updateUnit',
        summary: 'Change or dissolve a unit',
        description:
          'Renames, reclassifies or dissolves (撤销) a unit; units are never deleted, because records keep ' +
          'pointing at them. Requires If-Match (428 without it, 412 when stale).',
        params: UnitParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(UnitUpdateSchema),
        response: { 200: ref(UnitSchema), ...problemResponses(400, 404, 409, 412, 415, 422, 428) },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const { agencyId, unitId } = request.params;
        const unit = await service.updateUnit(ctx, agencyId, unitId, versions, request.body);
        return { status: 200, body: unit, headers: { etag: etagOf(unit.version) } };
      });
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { problemResponses, ref } from '../../http/schemas';
import { PublicListQuery, PublicPowerItemPageSchema } from './power-list.schemas';
import * as service from './power-list.service';

export const publicPowerListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'listPublishedPowerItems',
        summary: 'The published power list',
        description:
          'An agency’s power and responsibility list (权责清单) as published on the government website (公示): ' +
          'the items in force on `asOf` (default today; not in the future), ordered by code, one page at a ' +
          'time. No authentication. Internal notes, record ids and version bookkeeping are left out; units ' +
          'are given by name. 404 for an unknown agency.',
        security: [],
        querystring: PublicListQuery,
        response: { 200: ref(PublicPowerItemPageSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.publicList(app.database.db, request.query, chinaDate(app.now())),
  );
};

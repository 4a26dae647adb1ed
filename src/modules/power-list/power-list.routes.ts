import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import {
  AsOfQuery,
  PowerItemCountsSchema,
  PowerItemHistorySchema,
  PowerItemListQuery,
  PowerItemPageSchema,
  PowerItemParams,
  PowerItemSchema,
} from './power-list.schemas';
import * as service from './power-list.service';

const tags = ['power-list'];

export const powerListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const today = () => chinaDate(app.now());

  app.get(
    '',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'listPowerItems',
        summary: 'List power items as of a date',
        description:
          'The power and responsibility list (权责清单) of your agency as it stood on `asOf` (default today, China ' +
          'time), ordered by item code (事项编码), one page at a time (keyset cursor). `q` finds a Chinese ' +
          'substring of the name, sub-items (子项) or legal basis (law, article, provision text), e.g. 食品 or ' +
          '第一百二十二条. Filters: category (权力类别), status (in_force by default; cancelled; all), exercising ' +
          'unit, law (exact name).',
        querystring: PowerItemListQuery,
        response: { 200: ref(PowerItemPageSchema), ...problemResponses(400) },
      },
    },
    (request) => {
      const { asOf = today(), ...query } = request.query;
      return service.listItems(app.database.db, principalOf(request).agencyId, asOf, query);
    },
  );

  app.get(
    '/counts',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'countPowerItems',
        summary: 'Count power items by category',
        description:
          'Items in force on `asOf` (default today) in total and per category (权力类别): e.g. how many ' +
          'administrative penalty (行政处罚), compulsory measure (行政强制) and supervision (行政监督) items the ' +
          'bureau holds.',
        querystring: AsOfQuery,
        response: { 200: ref(PowerItemCountsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      service.countItems(app.database.db, principalOf(request).agencyId, request.query.asOf ?? today()),
  );

  app.get(
    '/:itemId',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'getPowerItem',
        summary: 'Get a power item as of a date',
        description:
          'One item of the list (权责清单事项) as it stood on `asOf` (default today): in force, or cancelled / ' +
          'delegated (取消 / 下放) by then. 404 when the item is not yours or was not yet on the list that day.',
        params: PowerItemParams,
        querystring: AsOfQuery,
        response: { 200: ref(PowerItemSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      service.getItemAsOf(
        app.database.db,
        principalOf(request).agencyId,
        request.params.itemId,
        request.query.asOf ?? today(),
      ),
  );

  app.get(
    '/:itemId/history',
    {
      config: { operation: 'power_list.read' },
      schema: {
        tags,
        operationId: 'getPowerItemHistory',
        summary: 'History of a power item',
        description:
          'Every version of an item, oldest first, each with the dynamic adjustment (动态调整) that made it: ' +
          'effective date, trigger, document number (文号), change type (新增 / 调整 / 取消 / 下放 / 承接) and ' +
          'the content before and after.',
        params: PowerItemParams,
        response: { 200: ref(PowerItemHistorySchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.itemHistory(app.database.db, principalOf(request).agencyId, request.params.itemId),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import {
  AsOfQuery,
  RuleSettingListSchema,
  RuleSettingSchema,
  RuleSettingValueCreateSchema,
  SettingParams,
  SettingsParams,
} from './rule-settings.schemas';
import * as service from './rule-settings.service';

const tags = ['rule-settings'];

export const ruleSettingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/rule-settings',
    {
      config: { operation: 'rule_settings.read' },
      schema: {
        tags,
        operationId: 'listRuleSettings',
        summary: 'Configurable rules of an agency',
        description:
          'Every configurable rule (规则设置) — local practice or provincial choices — with the value in force on ' +
          'asOf (default today), its default and legal source, and the agency’s history of values.',
        params: SettingsParams,
        querystring: AsOfQuery,
        response: { 200: ref(RuleSettingListSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      service.listSettings(
        app.database.db,
        request.params.agencyId,
        request.query.asOf ?? chinaDate(app.now()),
      ),
  );

  app.get(
    '/rule-settings/:key',
    {
      config: { operation: 'rule_settings.read' },
      schema: {
        tags,
        operationId: 'getRuleSetting',
        summary: 'One configurable rule',
        description: 'One configurable rule (规则设置) with its value on asOf, default, source and history.',
        params: SettingParams,
        querystring: AsOfQuery,
        response: { 200: ref(RuleSettingSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      service.getSetting(
        app.database.db,
        request.params.agencyId,
        request.params.key,
        request.query.asOf ?? chinaDate(app.now()),
      ),
  );

  app.post(
    '/rule-settings/:key',
    {
      config: { operation: 'rule_settings.write' },
      schema: {
        tags,
        operationId: 'setRuleSetting',
        summary: 'Set a configurable rule from a date',
        description:
          'Records a new value of a configurable rule (规则设置) from effectiveFrom on, with its basis. Values are ' +
          'never overwritten or deleted: the history explains every deadline computed under an older value.',
        params: SettingParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(RuleSettingValueCreateSchema),
        response: { 201: ref(RuleSettingSchema), ...problemResponses(400, 404, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const { agencyId, key } = request.params;
        const body = await service.setSetting(ctx, agencyId, key, request.body, chinaDate(ctx.now));
        return { status: 201, body };
      }),
  );
};

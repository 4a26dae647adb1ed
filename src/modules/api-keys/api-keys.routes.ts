import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpProblem } from '../../http/problems';
import { Headers, IdempotencyHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import {
  ApiKeyCreatedSchema,
  ApiKeyCreateSchema,
  ApiKeyListQuery,
  ApiKeyPageSchema,
  ApiKeyParams,
  ApiKeySchema,
} from './api-keys.schemas';
import * as service from './api-keys.service';

const tags = ['api-keys'];

export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '',
    {
      config: { operation: 'api_keys.manage' },
      schema: {
        tags,
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description:
          'Creates an API key (API 密钥) for a system client of your agency, scoped to named operations. The ' +
          'response carries the key once; only its hash is kept, so a lost key is revoked and replaced. ' +
          'Idempotency-Key is refused here: replaying the response would mean storing the key.',
        body: ref(ApiKeyCreateSchema),
        response: { 201: ref(ApiKeyCreatedSchema), ...problemResponses(400, 413, 415) },
      },
    },
    (request, reply) => {
      if (request.headers['idempotency-key'] !== undefined) {
        throw new HttpProblem(
          'VALIDATION_FAILED',
          'API key creation cannot be replayed: the key is shown once',
          {
            errors: [
              { in: 'headers', pointer: '/idempotency-key', message: 'is not accepted on this request' },
            ],
          },
        );
      }
      return app.write(request, reply, async (ctx) => {
        const created = await service.createApiKey(ctx, request.body);
        // The key is a secret: keep it out of every cache.
        return {
          status: 201,
          body: created,
          headers: { location: `/v1/api-keys/${created.id}`, 'cache-control': 'no-store' },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'api_keys.manage' },
      schema: {
        tags,
        operationId: 'listApiKeys',
        summary: 'List API keys',
        description:
          'Your agency’s API keys (API 密钥), revoked ones included, in creation order (keyset cursor), with ' +
          'when each was last used. Keys themselves are never shown again.',
        querystring: ApiKeyListQuery,
        response: { 200: ref(ApiKeyPageSchema), ...problemResponses(400) },
      },
    },
    (request) => service.listApiKeys(app.database.db, principalOf(request).agencyId, request.query),
  );

  app.get(
    '/:apiKeyId',
    {
      config: { operation: 'api_keys.manage' },
      schema: {
        tags,
        operationId: 'getApiKey',
        summary: 'Get an API key',
        description:
          'One API key (API 密钥) of your agency: name, scopes, last use and revocation, never the key.',
        params: ApiKeyParams,
        response: { 200: ref(ApiKeySchema), ...problemResponses(400, 404) },
      },
    },
    (request) => service.getApiKey(app.database.db, principalOf(request).agencyId, request.params.apiKeyId),
  );

  app.post(
    '/:apiKeyId/actions/revoke',
    {
      config: { operation: 'api_keys.manage' },
      schema: {
        tags,
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        description:
          'Revokes an API key (吊销 API 密钥) for good: requests presenting it answer 401 API_KEY_REVOKED from ' +
          'then on. Revoking a revoked key is a 409 CONFLICT.',
        params: ApiKeyParams,
        headers: Headers(IdempotencyHeaders),
        response: { 200: ref(ApiKeySchema), ...problemResponses(400, 404, 409) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => ({
        status: 200,
        body: await service.revokeApiKey(ctx, request.params.apiKeyId),
      })),
  );
};

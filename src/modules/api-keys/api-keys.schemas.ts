import { type Static, Type } from 'typebox';
import { OPERATION_NAMES, OPERATIONS } from '../../domain/access/operations';
import { DateTime, Page, PageQuery, StrictObject, Uuid } from '../../http/schemas';

/** Operations an API key may be scoped to (the matrix marks them `apiKeys: true`). */
const GRANTABLE = OPERATION_NAMES.filter((operation) => OPERATIONS[operation].apiKeys);

const ApiKeyName = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'What the key is for, e.g. the system that uses it',
  examples: ['青海省智慧市场监管平台'],
});
const Scope = Type.String({
  pattern: '^[a-z_]+\\.[a-z_]+$',
  description: `An operation the key may perform. Grantable: ${GRANTABLE.join(', ')}`,
  examples: ['calendar.read'],
});
const Scopes = Type.Array(Scope, {
  minItems: 1,
  maxItems: OPERATION_NAMES.length,
  uniqueItems: true,
  description: 'The operations the key may perform; anything else answers 403',
});

export const ApiKeySchema = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    name: ApiKeyName,
    scopes: Scopes,
    createdAt: DateTime,
    createdBy: Type.String({ description: 'The officer who created the key' }),
    lastUsedAt: Type.Union([DateTime, Type.Null()], {
      description:
        'When the key last authenticated a request (recorded at most once a minute); null if never',
    }),
    revokedAt: Type.Union([DateTime, Type.Null()], {
      description: 'When the key was revoked; null while usable',
    }),
    revokedBy: Type.Union([Type.String(), Type.Null()], { description: 'The officer who revoked the key' }),
  },
  {
    $id: 'ApiKey',
    description: 'An API key (API 密钥) for a system client. The secret is never shown again after creation.',
  },
);
export type ApiKey = Static<typeof ApiKeySchema>;

export const ApiKeyCreatedSchema = Type.Object(
  {
    ...ApiKeySchema.properties,
    key: Type.String({
      description:
        'The key itself, shown this once: Fazhi keeps only its hash. Send it as `Authorization: ApiKey <key>` ' +
        'or `X-API-Key: <key>`.',
      examples: ['fzk_0190f3a1c2d37e4f8a9b0c1d2e3f4a5b_2Xv9…'],
    }),
  },
  { $id: 'ApiKeyCreated', description: 'A new API key (API 密钥), with its secret shown once' },
);
export type ApiKeyCreated = Static<typeof ApiKeyCreatedSchema>;

export const ApiKeyCreateSchema = StrictObject({ name: ApiKeyName, scopes: Scopes }, { $id: 'ApiKeyCreate' });
export type ApiKeyCreate = Static<typeof ApiKeyCreateSchema>;

export const ApiKeyPageSchema = Page(Type.Unsafe<ApiKey>({ $ref: 'ApiKey' }), 'ApiKeyPage');

export const ApiKeyParams = StrictObject({ apiKeyId: Uuid });
export const ApiKeyListQuery = StrictObject({ ...PageQuery });

export const apiKeySchemas = [ApiKeySchema, ApiKeyCreatedSchema, ApiKeyCreateSchema, ApiKeyPageSchema];

/**
 * Shared TypeBox building blocks: identifiers, dates, pagination, problem details, and the
 * helpers that keep every route's schema strict and its components named in OpenAPI.
 */
import { type Static, type TObject, type TProperties, type TSchema, type TUnsafe, Type } from 'typebox';

/**
 * An object that rejects unknown members: a mistyped field name gets a 400 instead of being
 * silently dropped.
 */
export function StrictObject<P extends TProperties>(properties: P, options: Record<string, unknown> = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** Re-applies strictness after Partial/Pick/Omit, which drop `additionalProperties`. */
export function strict<T extends TObject>(schema: T, options: Record<string, unknown> = {}): T {
  return { ...schema, additionalProperties: false, ...options };
}

/** A schema with an `$id`, registered once with `app.addSchema` and shown in OpenAPI components. */
export type NamedSchema = TSchema;

/** A `$ref` to a named schema that keeps the TypeScript type of the schema it points to. */
export function ref<T extends NamedSchema>(schema: T): TUnsafe<Static<T>> {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new Error('ref() needs a schema with an $id');
  return Type.Unsafe<Static<T>>({ $ref: id });
}

export const Uuid = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const IsoDate = Type.String({
  format: 'date',
  // Years 1900–2099: the range the calendar, and the people and businesses Fazhi deals with, live in.
  pattern: '^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$',
  description: 'Calendar date, YYYY-MM-DD (years 1900–2099)',
  examples: ['2024-10-08'],
});
export const DateTime = Type.String({ format: 'date-time', description: 'Instant, RFC 3339' });
/** Six-digit administrative division code (行政区划代码, GB/T 2260). */
export const RegionCode = Type.String({
  pattern: '^[1-9][0-9]{5}$',
  description: 'Administrative division code (行政区划代码, GB/T 2260), six digits',
  examples: ['630102'],
});

/** An enum's description from its terms: `code 中文; code 中文`. */
export function describe(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** A required, non-empty string of at most `max` characters. */
export const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

/** A date (YYYY-MM-DD) with what it is the date of. */
export const On = (description: string) => ({ ...IsoDate, description });

/** The schema or null. */
export const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

export const MAX_PAGE_LIMIT = 200;
export const DEFAULT_PAGE_LIMIT = 50;

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_LIMIT,
      default: DEFAULT_PAGE_LIMIT,
      description: 'Page size',
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 512,
      description: 'Opaque cursor from the previous page’s `nextCursor`',
    }),
  ),
};

export function Page<T extends TSchema>(item: T, id: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` to get the next page; null on the last page',
      }),
    },
    { $id: id, additionalProperties: false },
  );
}

export const FieldErrorSchema = Type.Object(
  {
    in: Type.Enum(['body', 'querystring', 'params', 'headers']),
    pointer: Type.String({ description: 'JSON pointer to the offending member, e.g. /name' }),
    message: Type.String(),
  },
  { $id: 'FieldError' },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request path' })),
    code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ref(FieldErrorSchema))),
  },
  {
    $id: 'Problem',
    additionalProperties: true,
    description: 'RFC 9457 problem details (application/problem+json)',
  },
);

export const IdempotencyHeaders = {
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description:
        'Makes the write safe to retry: the same key with the same request replays the first response (kept at least 24 hours)',
    }),
  ),
};

export const IfMatchHeaders = {
  'if-match': Type.Optional(
    Type.String({
      description: 'The ETag from your last read; required for updates (428 without it, 412 if stale)',
    }),
  ),
};

/** Headers schemas must let other headers through. */
export function Headers<P extends TProperties>(properties: P) {
  return Type.Object(properties, { additionalProperties: true });
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (VALIDATION_FAILED, MALFORMED_JSON, INVALID_CURSOR)',
  404: 'Not found, or not yours to see (NOT_FOUND)',
  409: 'Conflicts with existing data (DUPLICATE, CONFLICT, CONCURRENT_UPDATE)',
  412: 'If-Match names a version that is no longer current (PRECONDITION_FAILED)',
  413: 'Request body too large (PAYLOAD_TOO_LARGE)',
  415: 'Body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Well-formed but refused by a rule (see code)',
  428: 'If-Match missing (PRECONDITION_REQUIRED)',
};

/** Error responses, documented as `application/problem+json` problem details. */
export function problemResponses(...statuses: number[]) {
  const out: Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: TSchema } } }
  > = {};
  for (const status of statuses) {
    out[status] = {
      description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem details',
      content: {
        'application/problem+json': {
          schema: Type.Unsafe<Static<typeof ProblemSchema>>({ $ref: 'Problem' }),
        },
      },
    };
  }
  return out;
}

export const sharedSchemas: NamedSchema[] = [FieldErrorSchema, ProblemSchema];

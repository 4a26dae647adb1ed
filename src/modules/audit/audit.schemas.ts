import { type Static, Type } from 'typebox';
import { DateTime, Page, PageQuery, StrictObject } from '../../http/schemas';

const Chain = Type.Enum(['agency', 'platform'], {
  default: 'agency',
  description:
    'agency = your agency’s chain (default); platform = the chain of records that belong to no agency ' +
    '(the agency registry, the national calendar)',
});
const ChainId = Type.String({ description: 'The agency’s id, or `platform`' });
const Seq = Type.Integer({ minimum: 1, description: 'Position in the chain, from 1' });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Hex digest' });

export const AuditEventSchema = Type.Object(
  {
    chainId: ChainId,
    seq: Seq,
    occurredAt: DateTime,
    actorType: Type.Enum(['officer', 'api_key', 'system'], {
      description: 'officer (a person), api_key (a system client) or system (Fazhi itself, e.g. seeding)',
    }),
    actorId: Type.String({ description: 'The officer’s or API key’s id' }),
    action: Type.String({ description: 'What happened, e.g. unit.created, api_key.revoked' }),
    entityType: Type.String({ description: 'The kind of record, e.g. unit, officer, api_key' }),
    entityId: Type.String({ description: 'The record’s id (or key)' }),
    changes: Type.Unknown({ description: 'Changed fields `{ field: { before, after } }`, or what was read' }),
    requestId: Type.String({ description: 'The X-Request-Id of the request that made the change' }),
    clientAddress: Type.Union([Type.String(), Type.Null()], { description: 'The caller’s IP address' }),
    hashAlgorithm: Type.Enum(['sm3', 'sha256'], { description: 'sm3 (GB/T 32905-2016) or sha256' }),
    prevHash: Hash,
    hash: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'Digest of prevHash and the event’s content; the next event’s prevHash',
    }),
  },
  {
    $id: 'AuditEvent',
    description: 'One event of the audit trail (审计日志), hash-chained to its predecessor',
  },
);
export type AuditEvent = Static<typeof AuditEventSchema>;

export const AuditEventPageSchema = Page(Type.Unsafe<AuditEvent>({ $ref: 'AuditEvent' }), 'AuditEventPage');

export const ChainVerificationSchema = Type.Object(
  {
    chainId: ChainId,
    eventsChecked: Type.Integer({ minimum: 0, description: 'Events that verified before the first break' }),
    intact: Type.Boolean({ description: 'True when every event and the chain head verify' }),
    firstBreak: Type.Union([
      Type.Object(
        {
          seq: Seq,
          problem: Type.Enum(['SEQUENCE_GAP', 'PREVIOUS_HASH_MISMATCH', 'HASH_MISMATCH', 'HEAD_MISMATCH'], {
            description:
              'SEQUENCE_GAP: events missing before seq; PREVIOUS_HASH_MISMATCH: the event does not point at its ' +
              'predecessor; HASH_MISMATCH: the event’s content was changed; HEAD_MISMATCH: events after seq - 1 ' +
              'were removed',
          }),
          expectedSeq: Type.Optional(
            Type.Integer({ description: 'With SEQUENCE_GAP: the seq that was due' }),
          ),
        },
        { description: 'The first event that does not verify' },
      ),
      Type.Null(),
    ]),
  },
  { $id: 'ChainVerification', description: 'Result of recomputing a hash chain (哈希链校验)' },
);

export const AuditListQuery = StrictObject({
  ...PageQuery,
  chain: Type.Optional(Chain),
  entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, examples: ['unit'] })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Officer or API key id' })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, examples: ['unit.created'] })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Events at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Events at or before this instant' })),
});
export const AuditVerifyQuery = StrictObject({ chain: Type.Optional(Chain) });

export const auditSchemas = [AuditEventSchema, AuditEventPageSchema, ChainVerificationSchema];

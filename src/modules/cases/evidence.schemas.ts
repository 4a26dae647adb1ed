/** The evidence register (证据登记) of a case, APL art. 46. */
import { type Static, Type } from 'typebox';
import { EVIDENCE_KINDS, type EvidenceKind, HASH_ALGORITHMS } from '../../domain/cases/investigation';
import { DateTime, IsoDate, StrictObject, Uuid } from '../../http/schemas';

const kinds = Object.entries(EVIDENCE_KINDS)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');

const EvidenceKindSchema = Type.Enum(Object.keys(EVIDENCE_KINDS) as EvidenceKind[], {
  description: `Kind of evidence (证据种类, APL art. 46): ${kinds}`,
});
const ContentHash = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'Digest of the file (64 lowercase hex digits: SHA-256 or SM3); needs hashAlgorithm',
});
const HashAlgorithmSchema = Type.Enum([...HASH_ALGORITHMS], {
  description: 'sha256, or sm3 (GB/T 32905-2016); needs contentHash',
});

export const EvidenceCreateSchema = StrictObject(
  {
    kind: EvidenceKindSchema,
    description: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'What the evidence is and shows',
    }),
    collectedOn: {
      ...IsoDate,
      description: 'Date collected (取证日期): not in the future, not before the lead',
    },
    collectedBy: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'The officers who collected it: at least two certified on collectedOn (APL art. 42)',
    }),
    fileRef: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Where the file or item is kept' }),
    ),
    contentHash: Type.Optional(ContentHash),
    hashAlgorithm: Type.Optional(HashAlgorithmSchema),
    avRecorded: Type.Boolean({
      description: 'The collection was recorded on audio-video (全过程记录, APL art. 47)',
    }),
  },
  { $id: 'CaseEvidenceCreate', description: 'A piece of evidence to register (证据登记)' },
);
export type EvidenceCreate = Static<typeof EvidenceCreateSchema>;

export const EvidenceSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    kind: EvidenceKindSchema,
    description: Type.String(),
    collectedOn: IsoDate,
    collectedBy: Type.Array(Uuid),
    fileRef: Type.Union([Type.String(), Type.Null()]),
    contentHash: Type.Union([Type.String(), Type.Null()]),
    hashAlgorithm: Type.Union([HashAlgorithmSchema, Type.Null()]),
    avRecorded: Type.Boolean(),
    createdAt: DateTime,
  },
  { $id: 'CaseEvidence', description: 'A registered piece of evidence (证据)' },
);
export type EvidenceView = Static<typeof EvidenceSchema>;

export const EvidenceListSchema = Type.Object(
  {
    caseId: Uuid,
    items: Type.Array(Type.Unsafe<EvidenceView>({ $ref: 'CaseEvidence' })),
  },
  { $id: 'CaseEvidenceList', description: 'The evidence register of a case, oldest first' },
);

export const EvidenceParams = StrictObject({ caseId: Uuid, evidenceId: Uuid });

export const evidenceSchemas = [EvidenceCreateSchema, EvidenceSchema, EvidenceListSchema];

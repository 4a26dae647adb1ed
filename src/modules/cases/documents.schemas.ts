/**
 * The procedural documents of a case (案件文书): every numbered step, and the content of the penalty
 * decision (行政处罚决定书, APL art. 59) and the pre-penalty notice (行政处罚告知书, APL art. 44).
 */
import { type Static, Type } from 'typebox';
import { PENALTY_TYPES } from '../../domain/cases/case-model';
import { EVIDENCE_KINDS } from '../../domain/cases/investigation';
import { DOCUMENT_ELEMENTS } from '../../domain/documents/decision-document';
import { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES } from '../../domain/documents/document-types';
import { DateTime, IsoDate, StrictObject, Uuid } from '../../http/schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const DocumentTypeSchema = Type.Enum([...DOCUMENT_TYPE_CODES], {
  description: `Document type (文书种类): ${Object.entries(DOCUMENT_TYPES)
    .map(([k, v]) => `${k} ${v.name}`)
    .join(', ')}`,
});

const documentSummary = {
  id: Type.Integer({
    minimum: 1,
    description: 'The document’s id: the sequence number of the timeline step (办案记录) that produced it',
  }),
  caseId: Uuid,
  number: Type.String({ description: 'The document number (文号), e.g. 东市监处罚〔2025〕1号' }),
  type: Nullable(DocumentTypeSchema),
  typeName: Nullable(Type.String({ description: 'The document’s Chinese name, e.g. 行政处罚决定书' })),
  action: Type.String({ description: 'The case step that produced it, e.g. decide, issue-notice' }),
  issuedOn: { ...IsoDate, description: 'The document’s date (the register’s issue date)' },
  recordedAt: DateTime,
  actorType: Type.String(),
  actorId: Type.String(),
  register: Nullable(
    Type.Object(
      {
        year: Type.Integer(),
        serial: Type.Integer(),
        issuedOn: IsoDate,
        purpose: Type.String(),
      },
      { description: 'The entry in the agency’s register of issued numbers (发文登记)' },
    ),
  ),
  formats: Type.Array(Type.Enum(['json', 'html']), {
    description: 'Renderings available: json always; html for the decision and the pre-penalty notice',
  }),
  href: Type.String({ description: 'GET this for the document with its data' }),
};

export const CaseDocumentSummarySchema = Type.Object(documentSummary, {
  $id: 'CaseDocumentSummary',
  description:
    'A procedural document (执法文书) of the case: its number, type, date and the step that made it',
});
export type CaseDocumentSummary = Static<typeof CaseDocumentSummarySchema>;

export const CaseDocumentListSchema = Type.Object(
  {
    caseId: Uuid,
    items: Type.Array(Type.Unsafe<CaseDocumentSummary>({ $ref: 'CaseDocumentSummary' })),
  },
  { $id: 'CaseDocumentList', description: 'Every numbered document of the case, in timeline order' },
);

// ---------------------------------------------------------------------------------------------------
// Document content

const MissingSchema = Type.Object(
  {
    element: Type.Enum(Object.keys(DOCUMENT_ELEMENTS) as (keyof typeof DOCUMENT_ELEMENTS)[]),
    rule: Type.String(),
    message: Type.String(),
  },
  { description: 'A required element the document lacks (文书要素缺失): printed as a marked gap' },
);

const PartySchema = Type.Object({
  kind: Type.String(),
  kindName: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  legalRepresentative: Nullable(Type.String()),
  identifiers: Type.Array(
    Type.Object({
      type: Type.Enum(['resident_id', 'credit_code']),
      label: Type.String(),
      value: Type.String({ description: 'A resident ID is masked (personal information)' }),
    }),
  ),
});

const FactsSchema = Type.Object({
  findings: Nullable(Type.String({ description: 'The facts found (调查终结报告)' })),
  summary: Type.String(),
  violationOn: Nullable(IsoDate),
});

const EvidenceSchema = Type.Array(
  Type.Object({
    kind: Type.Enum(Object.keys(EVIDENCE_KINDS) as (keyof typeof EVIDENCE_KINDS)[]),
    kindName: Type.String(),
    description: Type.String(),
    collectedOn: IsoDate,
  }),
);

const PenaltySchema = Type.Object({
  type: Type.Enum(Object.keys(PENALTY_TYPES) as (keyof typeof PENALTY_TYPES)[]),
  name: Type.String(),
  amount: Nullable(Type.Number()),
  text: Type.String({ description: 'As printed, e.g. 罚款人民币120,000元' }),
});

const LegalBasisSchema = Type.Object({
  law: Type.String(),
  article: Nullable(Type.String()),
  text: Nullable(Type.String()),
  citation: Type.String({ description: 'As printed, e.g. 《中华人民共和国食品安全法》第一百二十二条' }),
});

const Rule = Type.String({ description: 'The legal source, e.g. APL art. 72(1)' });

export const DecisionDocumentSchema = Type.Object(
  {
    type: Type.Literal('penalty_decision'),
    title: Type.Literal('行政处罚决定书'),
    number: Nullable(Type.String()),
    agencyName: Type.String(),
    date: Nullable(IsoDate),
    parties: Type.Array(PartySchema, { description: 'APL art. 59(1): name or title, address, identifiers' }),
    facts: FactsSchema,
    evidence: EvidenceSchema,
    procedure: Type.Array(Type.String(), {
      description: 'The procedure recited: notice, statements, hearing',
    }),
    penalties: Type.Array(PenaltySchema, {
      description: 'APL art. 59(3): the kind and content of the penalty',
    }),
    legalBasis: Type.Array(LegalBasisSchema, {
      description: 'APL art. 59(3): the legal basis, from the case’s penalty item as of the decision date',
    }),
    powerItem: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    discretion: Nullable(
      Type.Object(
        {
          benchmarkId: Type.String(),
          tier: Nullable(Type.String()),
          range: Nullable(Type.Object({ min: Type.Number(), max: Type.Number(), exclusive: Type.Boolean() })),
          reasons: Type.Array(Type.Object({ rule: Type.String(), detail: Type.String() })),
          outsideBenchmarkReason: Nullable(Type.String()),
        },
        { description: 'The discretion assessment (裁量基准) attached to the decision' },
      ),
    ),
    performance: Type.Object(
      {
        amountPayable: Type.Number({ description: 'CNY: fines and confiscated illegal gains (罚没款)' }),
        paymentPeriod: Type.Object({ days: Type.Integer(), unit: Type.Literal('calendar'), rule: Rule }),
        paymentMethod: Nullable(Type.String({ description: 'Setting decision.payment_method' })),
        servedOn: Nullable({ ...IsoDate, description: 'Once the decision was served (送达)' }),
        paymentDueOn: Nullable({ ...IsoDate, description: '15 days after service, on the working calendar' }),
        lateSurcharge: Nullable(
          Type.Object(
            { percentPerDay: Type.Number(), cap: Type.String(), rule: Rule, text: Type.String() },
            { description: 'APL art. 72: the late-payment surcharge warning (加处罚款)' },
          ),
        ),
        text: Type.String(),
      },
      { description: 'APL art. 59(4): how and by when to perform (履行方式和期限)' },
    ),
    remedies: Type.Object(
      {
        reconsideration: Type.Object({
          body: Nullable(Type.String({ description: 'Setting decision.reconsideration_body, or derived' })),
          days: Type.Integer(),
          rule: Rule,
        }),
        litigation: Type.Object({
          court: Nullable(Type.String({ description: 'Setting decision.litigation_court, or derived' })),
          months: Type.Integer(),
          rule: Rule,
        }),
        notSuspended: Type.Object({ rule: Rule, text: Type.String() }),
        text: Type.String(),
      },
      { description: 'APL art. 59(5): reconsideration and litigation, with their time limits' },
    ),
    missing: Type.Array(MissingSchema),
    complete: Type.Boolean({ description: 'Every element APL art. 59 requires is present' }),
  },
  {
    $id: 'DecisionDocument',
    description:
      'The penalty decision (行政处罚决定书) with every element of APL art. 59, built from the case',
  },
);

const RightSchema = Type.Object({
  days: Type.Integer(),
  unit: Type.Literal('working'),
  endsOn: Nullable(IsoDate),
  rule: Rule,
  text: Type.String(),
});

export const NoticeDocumentSchema = Type.Object(
  {
    type: Type.Literal('pre_penalty_notice'),
    title: Type.Literal('行政处罚告知书'),
    number: Nullable(Type.String()),
    agencyName: Type.String(),
    date: IsoDate,
    parties: Type.Array(PartySchema),
    facts: FactsSchema,
    evidence: EvidenceSchema,
    legalBasis: Type.Array(LegalBasisSchema, { description: 'APL art. 44: the reasons and basis' }),
    proposedPenalties: Type.Array(PenaltySchema, { description: 'APL art. 44: the proposed penalty' }),
    rights: Type.Object({
      statement: RightSchema,
      hearing: Nullable(RightSchema),
      noHeavierPenalty: Type.Object({ rule: Rule, text: Type.String() }),
    }),
    missing: Type.Array(MissingSchema),
    complete: Type.Boolean(),
  },
  {
    $id: 'NoticeDocument',
    description:
      'The pre-penalty notice (行政处罚告知书, APL art. 44): facts, reasons, basis, proposed penalty, and the rights ' +
      'to state, defend and, where it applies, request a hearing within 5 WD',
  },
);

export const CaseDocumentSchema = Type.Object(
  {
    ...documentSummary,
    data: Type.Record(Type.String(), Type.Unknown(), {
      description: 'What the step recorded when it made the document (the timeline event’s data)',
    }),
    content: Type.Union(
      [
        Type.Unsafe<Static<typeof DecisionDocumentSchema>>({ $ref: 'DecisionDocument' }),
        Type.Unsafe<Static<typeof NoticeDocumentSchema>>({ $ref: 'NoticeDocument' }),
        Type.Null(),
      ],
      { description: 'The document’s content for the decision and the notice; null for other types' },
    ),
  },
  { $id: 'CaseDocument', description: 'A procedural document (执法文书) with the data it was made from' },
);
export type CaseDocumentView = Static<typeof CaseDocumentSchema>;

export const DocumentParams = StrictObject({
  caseId: Uuid,
  documentId: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'The document’s id (its timeline sequence number) or its number (文号, URL-encoded)',
  }),
});

export const DocumentQuery = StrictObject({
  format: Type.Optional(
    Type.Enum(['json', 'html'], {
      description: 'json, or html (a printable page); without it the Accept header decides',
    }),
  ),
});

export const documentSchemas = [
  CaseDocumentSummarySchema,
  CaseDocumentListSchema,
  DecisionDocumentSchema,
  NoticeDocumentSchema,
  CaseDocumentSchema,
];

import { type Static, Type } from 'typebox';
import { DOCUMENT_TYPE_CODES } from '../../domain/documents/document-types';
import { DateTime, IsoDate, Page, PageQuery, StrictObject, Uuid } from '../../http/schemas';

export const DocumentTypeSchema = Type.Enum([...DOCUMENT_TYPE_CODES], {
  $id: 'DocumentType',
  description:
    'Document type: case_filing 立案决定书, compulsory_measure 实施行政强制措施决定书, pre_penalty_notice 行政处罚告知书, ' +
    'hearing_notice 听证通知书, penalty_decision 行政处罚决定书, no_penalty_decision 不予行政处罚决定书, ' +
    'on_the_spot_decision 当场行政处罚决定书, correction_order 责令改正通知书, criminal_transfer 涉嫌犯罪案件移送书, ' +
    'case_closure 结案审批表, supervision_opinion 行政监督意见书, credit_restoration_notice 信用修复告知书',
});
const DocumentTypeRef = Type.Unsafe<Static<typeof DocumentTypeSchema>>({ $ref: 'DocumentType' });

const TypeCode = Type.String({
  minLength: 1,
  maxLength: 10,
  pattern: '^\\S+$',
  description: 'Code-word of the document type inside the number (文书代字), e.g. 处罚',
});
const Template = Type.String({
  minLength: 1,
  maxLength: 100,
  description:
    'Number format with placeholders {agencyCode}, {typeCode}, {year}, {serial} or {serial:N} (zero-padded to N ' +
    'digits). Must contain {year} and {serial}. Default: {agencyCode}市监{typeCode}〔{year}〕{serial}号',
  examples: ['{agencyCode}市监{typeCode}〔{year}〕{serial}号'],
});

export const DocumentNumberFormatSchema = Type.Object(
  {
    documentType: DocumentTypeRef,
    documentName: Type.String({ description: 'Chinese name of the document, e.g. 行政处罚决定书' }),
    typeCode: TypeCode,
    template: Template,
    isDefault: Type.Boolean({ description: 'True while the agency uses the built-in format' }),
    example: Type.String({ description: 'What serial 1 of the current year looks like' }),
    version: Type.Integer({ minimum: 0, description: 'ETag value; 0 while the default applies' }),
  },
  { $id: 'DocumentNumberFormat', description: 'How an agency numbers one type of document (文号格式)' },
);
export type DocumentNumberFormat = Static<typeof DocumentNumberFormatSchema>;

export const DocumentNumberFormatListSchema = Type.Object(
  { items: Type.Array(Type.Unsafe<DocumentNumberFormat>({ $ref: 'DocumentNumberFormat' })) },
  { $id: 'DocumentNumberFormatList' },
);

export const DocumentNumberFormatUpdateSchema = StrictObject(
  { typeCode: TypeCode, template: Template },
  { $id: 'DocumentNumberFormatUpdate' },
);
export type DocumentNumberFormatUpdate = Static<typeof DocumentNumberFormatUpdateSchema>;

export const DocumentNumberSchema = Type.Object(
  {
    agencyId: Uuid,
    documentType: DocumentTypeRef,
    year: Type.Integer(),
    serial: Type.Integer({ minimum: 1, description: 'Gap-free serial within agency, type and year' }),
    number: Type.String({ description: 'The document number (文号), e.g. 东市监处罚〔2024〕12号' }),
    issuedOn: IsoDate,
    purpose: Type.String(),
    createdAt: DateTime,
  },
  { $id: 'DocumentNumber', description: 'An issued document number in the register (发文登记)' },
);
export type DocumentNumber = Static<typeof DocumentNumberSchema>;

export const DocumentNumberPageSchema = Page(
  Type.Unsafe<DocumentNumber>({ $ref: 'DocumentNumber' }),
  'DocumentNumberPage',
);

export const DocumentNumberAllocateSchema = StrictObject(
  {
    documentType: DocumentTypeRef,
    issuedOn: Type.Optional({
      ...IsoDate,
      description: 'Date of the document; default today (China time). Its year picks the series.',
    }),
    purpose: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'What the number is for, e.g. the paper document it was written on',
    }),
  },
  { $id: 'DocumentNumberAllocate' },
);
export type DocumentNumberAllocate = Static<typeof DocumentNumberAllocateSchema>;

export const DocumentCounterSchema = Type.Object(
  { documentType: DocumentTypeRef, year: Type.Integer(), lastSerial: Type.Integer({ minimum: 1 }) },
  { $id: 'DocumentCounter', description: 'The last serial issued for a document type in a year' },
);
export const DocumentCounterListSchema = Type.Object(
  { items: Type.Array(Type.Unsafe<Static<typeof DocumentCounterSchema>>({ $ref: 'DocumentCounter' })) },
  { $id: 'DocumentCounterList' },
);

export const FormatParams = StrictObject({ agencyId: Uuid, documentType: DocumentTypeRef });
export const RegisterQuery = StrictObject({
  ...PageQuery,
  documentType: Type.Optional(DocumentTypeRef),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2999 })),
});
export const CounterQuery = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2999 })),
});

export const documentNumberSchemas = [
  DocumentTypeSchema,
  DocumentNumberFormatSchema,
  DocumentNumberFormatListSchema,
  DocumentNumberFormatUpdateSchema,
  DocumentNumberSchema,
  DocumentNumberPageSchema,
  DocumentNumberAllocateSchema,
  DocumentCounterSchema,
  DocumentCounterListSchema,
];

import {
  DEFAULT_DOCUMENT_NUMBER_TEMPLATE,
  type DocumentNumberParts,
  formatDocumentNumber,
  templateProblems,
} from '../../../src/domain/documents/document-number-template';

const PARTS: DocumentNumberParts = { agencyCode: '东', typeCode: '处罚', year: 2024, serial: 12 };

const MISSING_YEAR = 'the template must contain {year}: serials restart every year';
const MISSING_SERIAL = 'the template must contain {serial}';
const unknown = (name: string) =>
  `unknown placeholder {${name}}; use {agencyCode}, {typeCode}, {year}, {serial} or {serial:N}`;

describe('formatDocumentNumber', () => {
  it('formats the RULES.md §10 example with the default template', () => {
    expect(DEFAULT_DOCUMENT_NUMBER_TEMPLATE).toBe('{agencyCode}市监{typeCode}〔{year}〕{serial}号');
    expect(formatDocumentNumber(DEFAULT_DOCUMENT_NUMBER_TEMPLATE, PARTS)).toBe('东市监处罚〔2024〕12号');
  });

  it('does not pad {serial}', () => {
    expect(formatDocumentNumber(DEFAULT_DOCUMENT_NUMBER_TEMPLATE, { ...PARTS, serial: 1 })).toBe(
      '东市监处罚〔2024〕1号',
    );
    expect(formatDocumentNumber(DEFAULT_DOCUMENT_NUMBER_TEMPLATE, { ...PARTS, serial: 12345 })).toBe(
      '东市监处罚〔2024〕12345号',
    );
  });

  it('zero-pads {serial:N} to N digits and never truncates', () => {
    const template = '{agencyCode}市监{typeCode}〔{year}〕{serial:4}号';
    expect(formatDocumentNumber(template, PARTS)).toBe('东市监处罚〔2024〕0012号');
    expect(formatDocumentNumber(template, { ...PARTS, serial: 7 })).toBe('东市监处罚〔2024〕0007号');
    expect(formatDocumentNumber(template, { ...PARTS, serial: 4321 })).toBe('东市监处罚〔2024〕4321号');
    expect(formatDocumentNumber(template, { ...PARTS, serial: 98765 })).toBe('东市监处罚〔2024〕98765号');
    expect(formatDocumentNumber('{year}-{serial:1}', { ...PARTS, serial: 3 })).toBe('2024-3');
    expect(formatDocumentNumber('{year}-{serial:8}', { ...PARTS, serial: 3 })).toBe('2024-00000003');
  });

  it('formats a custom template with repeated and reordered placeholders', () => {
    expect(formatDocumentNumber('{year}{agencyCode}{typeCode}字第{serial:3}号（{year}）', PARTS)).toBe(
      '2024东处罚字第012号（2024）',
    );
  });

  it('takes replacement text literally, even with $ patterns', () => {
    expect(formatDocumentNumber('{agencyCode}〔{year}〕{serial}号', { ...PARTS, agencyCode: '$&$1' })).toBe(
      '$&$1〔2024〕12号',
    );
  });

  it('leaves an unknown placeholder as written', () => {
    expect(formatDocumentNumber('{agency}〔{year}〕{serial}号', PARTS)).toBe('{agency}〔2024〕12号');
  });
});

describe('templateProblems', () => {
  it('accepts the default template and valid custom ones', () => {
    for (const template of [
      DEFAULT_DOCUMENT_NUMBER_TEMPLATE,
      '{agencyCode}市监{typeCode}〔{year}〕{serial:4}号',
      '青市监{typeCode}〔{year}〕{serial}号',
      '{year}-{serial:8}',
      '{serial}/{year}',
      '{agencyCode}{typeCode}字〔{year}〕第{serial:1}号',
    ]) {
      expect(templateProblems(template)).toEqual([]);
    }
  });

  it('requires {year}', () => {
    expect(templateProblems('{agencyCode}市监{typeCode}〔2024〕{serial}号')).toEqual([MISSING_YEAR]);
  });

  it('requires {serial} (padded or not)', () => {
    expect(templateProblems('{agencyCode}市监{typeCode}〔{year}〕号')).toEqual([MISSING_SERIAL]);
  });

  it('reports both when neither is present, and for the empty template', () => {
    expect(templateProblems('东市监处罚')).toEqual([MISSING_YEAR, MISSING_SERIAL]);
    expect(templateProblems('')).toEqual([MISSING_YEAR, MISSING_SERIAL]);
  });

  it('reports unknown placeholders by name, including bad paddings and the empty one', () => {
    expect(templateProblems('{agency}〔{year}〕{serial}号')).toEqual([unknown('agency')]);
    expect(templateProblems('{Year}〔{year}〕{serial}号')).toEqual([unknown('Year')]);
    expect(templateProblems('〔{year}〕{serial:9}号')).toEqual([unknown('serial:9'), MISSING_SERIAL]);
    expect(templateProblems('〔{year}〕{serial:0}号')).toEqual([unknown('serial:0'), MISSING_SERIAL]);
    expect(templateProblems('〔{year}〕{serial:10}号')).toEqual([unknown('serial:10'), MISSING_SERIAL]);
    expect(templateProblems('{}〔{year}〕{serial}号')).toEqual([unknown('')]);
    expect(templateProblems('{ year }〔{year}〕{serial}号')).toEqual([unknown(' year ')]);
  });

  it('reports unbalanced braces', () => {
    expect(templateProblems('{agencyCode市监〔{year}〕{serial}号')).toEqual(['unbalanced braces']);
    expect(templateProblems('{agencyCode}}市监〔{year}〕{serial}号')).toEqual(['unbalanced braces']);
    expect(templateProblems('{{year}}〔{serial}〕')).toEqual(['unbalanced braces']);
    // An unclosed {year does not count as the year.
    expect(templateProblems('〔{year〕{serial}号')).toEqual(['unbalanced braces', MISSING_YEAR]);
  });

  it('lists every problem in a bad template, in a stable order', () => {
    expect(templateProblems('{foo}{bar}}')).toEqual([
      unknown('foo'),
      unknown('bar'),
      'unbalanced braces',
      MISSING_YEAR,
      MISSING_SERIAL,
    ]);
  });
});

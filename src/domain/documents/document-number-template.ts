/**
 * Document-number templates (文号格式). RULES.md §10: bureau code-word + year in 〔〕 + serial + 号,
 * e.g. 东市监处罚〔2024〕12号. The serial restarts every year, so a template must show the year and
 * the serial, or two documents could carry the same number.
 */

/** RULES.md §10 default: `{agencyCode}市监{typeCode}〔{year}〕{serial}号`. */
export const DEFAULT_DOCUMENT_NUMBER_TEMPLATE = '{agencyCode}市监{typeCode}〔{year}〕{serial}号';

export interface DocumentNumberParts {
  agencyCode: string;
  typeCode: string;
  year: number;
  serial: number;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const SERIAL_PADDED = /^serial:([1-8])$/;
const NAMES = new Set(['agencyCode', 'typeCode', 'year', 'serial']);

/** Problems with a template, in English; empty when the template is usable. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [, name = ''] of template.matchAll(PLACEHOLDER)) {
    if (NAMES.has(name)) seen.add(name);
    else if (SERIAL_PADDED.test(name)) seen.add('serial');
    else
      problems.push(
        `unknown placeholder {${name}}; use {agencyCode}, {typeCode}, {year}, {serial} or {serial:N}`,
      );
  }
  const stripped = template.replace(PLACEHOLDER, '');
  if (stripped.includes('{') || stripped.includes('}')) problems.push('unbalanced braces');
  if (!seen.has('year')) problems.push('the template must contain {year}: serials restart every year');
  if (!seen.has('serial')) problems.push('the template must contain {serial}');
  return problems;
}

export function formatDocumentNumber(template: string, parts: DocumentNumberParts): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'agencyCode') return parts.agencyCode;
    if (name === 'typeCode') return parts.typeCode;
    if (name === 'year') return String(parts.year);
    if (name === 'serial') return String(parts.serial);
    const padded = SERIAL_PADDED.exec(name);
    if (padded) return String(parts.serial).padStart(Number(padded[1]), '0');
    return whole;
  });
}

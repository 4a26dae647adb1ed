/**
 * Investigative acts (调查取证) of a case: registering evidence (证据登记) and taking measures on
 * property. Pure rules, no I/O: the service looks up certificates and passes them in.
 */
import { MIN_ENFORCEMENT_OFFICERS } from '../officers/enforcement-team';
import { READ_ONLY_STAGES } from './after-decision';
import { dated } from './case-guards';
import type { CaseStage } from './case-model';
import { type Unmet, unmet } from './conditions';

/** The eight legal kinds of evidence, APL art. 46. */
export const EVIDENCE_KINDS = {
  documentary: '书证',
  physical: '物证',
  audio_visual: '视听资料',
  electronic_data: '电子数据',
  witness_testimony: '证人证言',
  party_statement: '当事人的陈述',
  expert_opinion: '鉴定意见',
  inspection_record: '勘验笔录、现场笔录',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

/** Both SHA-256 and SM3 (GB/T 32905-2016) give 256-bit digests, written as 64 lowercase hex digits. */
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** The case facts an investigative act looks at (the stored row will do). */
export interface InvestigationCase {
  stage: string;
  suspended: boolean;
  receivedOn: string;
}

export interface InvestigativeActInput {
  /** The date of the act. */
  on: string;
  officerIds: readonly string[];
  /** Of officerIds, those whose certificate is valid on `on`. */
  certifiedOfficerIds: readonly string[];
}

/** Whether the case is open to investigation: a lead, or investigated (again, after a review returned it). */
export function openToInvestigation(c: InvestigationCase): Unmet[] {
  if (READ_ONLY_STAGES.includes(c.stage as CaseStage))
    return [unmet('CASE_CLOSED', `the case is ${c.stage}`)];
  if (c.stage !== 'lead' && c.stage !== 'investigation') {
    return [unmet('NOT_UNDER_INVESTIGATION', `the case is at ${c.stage}`)];
  }
  return c.suspended ? [unmet('CASE_SUSPENDED')] : [];
}

/** At least two officers certified on the act's date (APL art. 42; ACL art. 18(2)). */
export function certifiedOfficers(
  input: Pick<InvestigativeActInput, 'on' | 'officerIds' | 'certifiedOfficerIds'>,
): Unmet[] {
  const certified = input.officerIds.filter((id) => input.certifiedOfficerIds.includes(id));
  if (certified.length >= MIN_ENFORCEMENT_OFFICERS) return [];
  const uncertified = input.officerIds.filter((id) => !input.certifiedOfficerIds.includes(id));
  return [
    unmet(
      'TOO_FEW_CERTIFIED_OFFICERS_ON_SITE',
      `${certified.length} officer(s) certified on ${input.on}` +
        (uncertified.length > 0 ? `; without a valid certificate: ${uncertified.join(', ')}` : ''),
    ),
  ];
}

/**
 * Everything that stops an investigative act: the case's stage, the officers, and the date (not in
 * the future, not before the lead was received).
 */
export function checkInvestigativeAct(
  c: InvestigationCase,
  input: InvestigativeActInput,
  today: string,
): Unmet[] {
  return [
    ...openToInvestigation(c),
    ...certifiedOfficers(input),
    ...dated(input.on, c.receivedOn, today, 'the lead’s receipt'),
  ];
}

/** Registering a piece of evidence (证据登记), APL arts. 42, 46. */
export function checkEvidence(
  c: InvestigationCase,
  input: { collectedOn: string; collectedBy: readonly string[]; certifiedOfficerIds: readonly string[] },
  today: string,
): Unmet[] {
  return checkInvestigativeAct(
    c,
    { on: input.collectedOn, officerIds: input.collectedBy, certifiedOfficerIds: input.certifiedOfficerIds },
    today,
  );
}

/**
 * Whether an enforcement certificate (行政执法证) backs an act on a given date.
 *
 * Only officers holding a valid certificate may carry out enforcement, at least two for every act
 * (APL art. 42, 55: 执法人员不得少于两人, 并应当主动出示执法证件), so every later module asks this one
 * question: "was this officer's certificate valid on date D?". The answer is computed from dated facts only, so it holds for any past
 * date, not just today:
 *
 * - the certificate's term (validFrom … validTo, both days included);
 * - its dated status changes: a suspension (暂扣) applies from its date until a later reinstatement; a
 *   cancellation (注销) is final from its date on, yet acts dated before it remain valid;
 * - the officer's employment: from the day they retire or transfer out, nothing they do is backed.
 *
 * Pure: no I/O, no clock. Dates are ISO `YYYY-MM-DD` strings, which compare correctly as strings.
 */
import type { IsoDate } from '../calendar/dates';

/** `superseded`: the term ended and a renewed certificate replaced it (not a cancellation, 注销). */
export type CertificateStatus = 'active' | 'suspended' | 'cancelled' | 'superseded';
export type EmploymentStatus = 'active' | 'retired' | 'transferred';

/** Why a certificate does not back an act on a date. Stable: clients branch on these. */
export const CERTIFICATE_INVALIDITY_REASONS = [
  'NO_CERTIFICATE',
  'NOT_YET_VALID',
  'EXPIRED',
  'SUSPENDED',
  'CANCELLED',
  'OFFICER_NOT_ACTIVE',
] as const;
export type CertificateInvalidity = (typeof CERTIFICATE_INVALIDITY_REASONS)[number];

export interface CertificateTerm {
  validFrom: IsoDate;
  validTo: IsoDate;
}

export interface CertificateStatusChange {
  /** Recording order; breaks ties between changes effective on the same day. */
  seq: number;
  status: CertificateStatus;
  effectiveOn: IsoDate;
}

export interface Employment {
  status: EmploymentStatus;
  /** The day of retirement or transfer; null while active. */
  leftOn: IsoDate | null;
}

/** A certificate with its dated status history, as the officer-level check takes it. */
export interface CertificateRecord extends CertificateTerm {
  statusChanges: readonly CertificateStatusChange[];
}

export type Validity = { valid: true; reason: null } | { valid: false; reason: CertificateInvalidity };

const VALID: Validity = { valid: true, reason: null };
const invalid = (reason: CertificateInvalidity): Validity => ({ valid: false, reason });

/** Changes in effect order: by date, then by recording order. */
function timeline(changes: readonly CertificateStatusChange[]): CertificateStatusChange[] {
  return [...changes].sort((a, b) =>
    a.effectiveOn === b.effectiveOn ? a.seq - b.seq : a.effectiveOn < b.effectiveOn ? -1 : 1,
  );
}

/**
 * The status in force on a date: cancelled from the first cancellation on (final, whatever was recorded
 * after it), otherwise the latest change effective on or before the date. Null before the first change.
 */
export function certificateStatusOn(
  changes: readonly CertificateStatusChange[],
  date: IsoDate,
): CertificateStatus | null {
  let status: CertificateStatus | null = null;
  for (const change of timeline(changes)) {
    if (change.effectiveOn > date) break;
    status = change.status;
    if (status === 'cancelled' || status === 'superseded') break;
  }
  return status;
}

/** Whether the officer was still employed on the date: someone who left on D no longer acts on D. */
export function employedOn(employment: Employment, date: IsoDate): boolean {
  return employment.leftOn === null || employment.leftOn > date;
}

/**
 * Whether one certificate backs an act on the date. When several reasons apply, the most lasting one
 * is given: the officer's departure, then cancellation, then the term, then a suspension.
 */
export function certificateValidOn(
  certificate: CertificateTerm | null,
  changes: readonly CertificateStatusChange[],
  employment: Employment,
  date: IsoDate,
): Validity {
  if (!employedOn(employment, date)) return invalid('OFFICER_NOT_ACTIVE');
  if (!certificate) return invalid('NO_CERTIFICATE');
  const status = certificateStatusOn(changes, date);
  if (status === 'cancelled') return invalid('CANCELLED');
  if (status === 'superseded') return invalid('EXPIRED');
  if (date < certificate.validFrom) return invalid('NOT_YET_VALID');
  if (date > certificate.validTo) return invalid('EXPIRED');
  if (status === 'suspended') return invalid('SUSPENDED');
  return VALID;
}

/** Which of an officer's certificates speaks to a date: the newest whose term covers it comes first. */
function relevance(a: CertificateTerm, b: CertificateTerm, date: IsoDate): number {
  const rank = (c: CertificateTerm) => (date < c.validFrom ? 2 : date > c.validTo ? 1 : 0);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  // Covering or past: the latest first. Future: the soonest first.
  if (ra === 2) return a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0;
  return a.validFrom > b.validFrom ? -1 : a.validFrom < b.validFrom ? 1 : 0;
}

/**
 * Whether any of an officer's certificates (an officer may hold several over the years, e.g. a renewal)
 * backs an act on the date. Returns the certificate that does, or else the one that best explains why
 * not (the newest covering the date, else the last expired, else the next one to start).
 */
export function officerCertificateValidOn<C extends CertificateRecord>(
  certificates: readonly C[],
  employment: Employment,
  date: IsoDate,
): Validity & { certificate: C | null } {
  const ordered = [...certificates].sort((a, b) => relevance(a, b, date));
  const results = ordered.map((c) => ({
    certificate: c,
    ...certificateValidOn(c, c.statusChanges, employment, date),
  }));
  const best = results.find((r) => r.valid) ?? results[0];
  if (!best) return { ...certificateValidOn(null, [], employment, date), certificate: null };
  return best;
}

/** Named status changes of a certificate: suspension (暂扣), reinstatement (发还), cancellation (注销). */
export const CERTIFICATE_ACTIONS = ['suspend', 'reinstate', 'cancel'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

/** Actions the service takes by itself: an expired certificate is superseded when a renewal is issued. */
export type CertificateTransitionName = CertificateAction | 'supersede';

const TRANSITIONS: Record<
  CertificateTransitionName,
  { from: readonly CertificateStatus[]; to: CertificateStatus }
> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  // Cancellation is final: nothing leaves 'cancelled'.
  cancel: { from: ['active', 'suspended'], to: 'cancelled' },
  // So is supersession: the renewal is the certificate in force.
  supersede: { from: ['active', 'suspended'], to: 'superseded' },
};

/** The status an action leads to from the current one, or null when the action is not allowed from it. */
export function certificateTransition(
  from: CertificateStatus,
  action: CertificateTransitionName,
): CertificateStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : null;
}

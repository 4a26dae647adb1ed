import { addDays } from '../../../src/domain/calendar/dates';
import {
  type CertificateRecord,
  type CertificateStatusChange,
  certificateStatusOn,
  certificateTransition,
  certificateValidOn,
  type Employment,
  employedOn,
  officerCertificateValidOn,
} from '../../../src/domain/officers/certificate-validity';

const TERM = { validFrom: '2024-01-01', validTo: '2026-12-31' };
const ISSUED: CertificateStatusChange = { seq: 1, status: 'active', effectiveOn: '2024-01-01' };
const EMPLOYED: Employment = { status: 'active', leftOn: null };

const dayBefore = (date: string) => addDays(date, -1);
const dayAfter = (date: string) => addDays(date, 1);

function reasonOn(
  date: string,
  changes: CertificateStatusChange[] = [ISSUED],
  employment: Employment = EMPLOYED,
  term: typeof TERM | null = TERM,
) {
  return certificateValidOn(term, changes, employment, date).reason;
}

describe('certificateValidOn: the term', () => {
  it('is NOT_YET_VALID the day before validFrom, valid on it and the day after', () => {
    expect(reasonOn(dayBefore(TERM.validFrom))).toBe('NOT_YET_VALID');
    expect(reasonOn(TERM.validFrom)).toBeNull();
    expect(reasonOn(dayAfter(TERM.validFrom))).toBeNull();
  });

  it('is valid the day before and on validTo, EXPIRED the day after', () => {
    expect(reasonOn(dayBefore(TERM.validTo))).toBeNull();
    expect(reasonOn(TERM.validTo)).toBeNull();
    expect(reasonOn(dayAfter(TERM.validTo))).toBe('EXPIRED');
  });

  it('answers valid: true with a null reason when valid', () => {
    expect(certificateValidOn(TERM, [ISSUED], EMPLOYED, '2025-06-01')).toEqual({ valid: true, reason: null });
  });

  it('handles a one-day certificate and a leap day', () => {
    const day = { validFrom: '2024-02-29', validTo: '2024-02-29' };
    expect(reasonOn('2024-02-28', [], EMPLOYED, day)).toBe('NOT_YET_VALID');
    expect(reasonOn('2024-02-29', [], EMPLOYED, day)).toBeNull();
    expect(reasonOn('2024-03-01', [], EMPLOYED, day)).toBe('EXPIRED');
  });

  it('is NO_CERTIFICATE without one', () => {
    expect(certificateValidOn(null, [], EMPLOYED, '2025-06-01')).toEqual({
      valid: false,
      reason: 'NO_CERTIFICATE',
    });
  });

  it('counts a certificate without any recorded change as in force within its term', () => {
    expect(reasonOn('2025-06-01', [])).toBeNull();
  });
});

describe('certificateValidOn: suspension (暂扣) and reinstatement', () => {
  const S = '2025-03-10';
  const R = '2025-04-20';
  const suspended: CertificateStatusChange[] = [ISSUED, { seq: 2, status: 'suspended', effectiveOn: S }];
  const reinstated: CertificateStatusChange[] = [...suspended, { seq: 3, status: 'active', effectiveOn: R }];

  it('applies from the suspension date on, not the day before', () => {
    expect(reasonOn(dayBefore(S), suspended)).toBeNull();
    expect(reasonOn(S, suspended)).toBe('SUSPENDED');
    expect(reasonOn(dayAfter(S), suspended)).toBe('SUSPENDED');
    expect(reasonOn(TERM.validTo, suspended)).toBe('SUSPENDED');
  });

  it('lasts until the reinstatement date, and the certificate is valid from that date', () => {
    expect(reasonOn(dayBefore(R), reinstated)).toBe('SUSPENDED');
    expect(reasonOn(R, reinstated)).toBeNull();
    expect(reasonOn(dayAfter(R), reinstated)).toBeNull();
    // Acts before the suspension stay valid.
    expect(reasonOn(dayBefore(S), reinstated)).toBeNull();
  });

  it('follows recording order for changes effective on the same day', () => {
    const sameDay: CertificateStatusChange[] = [
      ISSUED,
      { seq: 2, status: 'suspended', effectiveOn: S },
      { seq: 3, status: 'active', effectiveOn: S },
    ];
    expect(reasonOn(S, sameDay)).toBeNull();
    const reversed: CertificateStatusChange[] = [
      ISSUED,
      { seq: 2, status: 'active', effectiveOn: S },
      { seq: 3, status: 'suspended', effectiveOn: S },
    ];
    expect(reasonOn(S, reversed)).toBe('SUSPENDED');
  });

  it('orders by effective date, not by the order the list arrives in', () => {
    const shuffled: CertificateStatusChange[] = [reinstated[2], reinstated[0], reinstated[1]].filter(
      (c): c is CertificateStatusChange => c !== undefined,
    );
    expect(reasonOn(dayBefore(R), shuffled)).toBe('SUSPENDED');
    expect(reasonOn(R, shuffled)).toBeNull();
  });

  it('gives EXPIRED over SUSPENDED after the term, and NOT_YET_VALID before it', () => {
    expect(reasonOn(dayAfter(TERM.validTo), suspended)).toBe('EXPIRED');
    const early: CertificateStatusChange[] = [{ seq: 1, status: 'suspended', effectiveOn: '2023-06-01' }];
    expect(reasonOn(dayBefore(TERM.validFrom), early)).toBe('NOT_YET_VALID');
  });
});

describe('certificateValidOn: cancellation (注销)', () => {
  const C = '2025-09-01';
  const cancelled: CertificateStatusChange[] = [ISSUED, { seq: 2, status: 'cancelled', effectiveOn: C }];

  it('is final from its date on; acts before it remain valid', () => {
    expect(reasonOn(dayBefore(C), cancelled)).toBeNull();
    expect(reasonOn(C, cancelled)).toBe('CANCELLED');
    expect(reasonOn(dayAfter(C), cancelled)).toBe('CANCELLED');
    expect(reasonOn(TERM.validTo, cancelled)).toBe('CANCELLED');
  });

  it('cannot be undone by a later "active" change', () => {
    const revived: CertificateStatusChange[] = [
      ...cancelled,
      { seq: 3, status: 'active', effectiveOn: dayAfter(C) },
    ];
    expect(certificateStatusOn(revived, addDays(C, 10))).toBe('cancelled');
    expect(reasonOn(addDays(C, 10), revived)).toBe('CANCELLED');
  });

  it('cancels a suspended certificate; before the suspension it was valid', () => {
    const S = '2025-05-01';
    const changes: CertificateStatusChange[] = [
      ISSUED,
      { seq: 2, status: 'suspended', effectiveOn: S },
      { seq: 3, status: 'cancelled', effectiveOn: C },
    ];
    expect(reasonOn(dayBefore(S), changes)).toBeNull();
    expect(reasonOn(S, changes)).toBe('SUSPENDED');
    expect(reasonOn(dayBefore(C), changes)).toBe('SUSPENDED');
    expect(reasonOn(C, changes)).toBe('CANCELLED');
  });

  it('gives CANCELLED over EXPIRED', () => {
    expect(reasonOn(dayAfter(TERM.validTo), cancelled)).toBe('CANCELLED');
  });
});

describe('certificateValidOn: the officer’s employment', () => {
  const LEFT = '2025-07-01';
  const retired: Employment = { status: 'retired', leftOn: LEFT };
  const transferred: Employment = { status: 'transferred', leftOn: LEFT };

  it('is OFFICER_NOT_ACTIVE on and after the day the officer left, valid the day before', () => {
    for (const employment of [retired, transferred]) {
      expect(reasonOn(dayBefore(LEFT), [ISSUED], employment)).toBeNull();
      expect(reasonOn(LEFT, [ISSUED], employment)).toBe('OFFICER_NOT_ACTIVE');
      expect(reasonOn(dayAfter(LEFT), [ISSUED], employment)).toBe('OFFICER_NOT_ACTIVE');
    }
    expect(employedOn(retired, dayBefore(LEFT))).toBe(true);
    expect(employedOn(retired, LEFT)).toBe(false);
  });

  it('takes precedence over every other reason', () => {
    const cancelled: CertificateStatusChange[] = [ISSUED, { seq: 2, status: 'cancelled', effectiveOn: LEFT }];
    expect(reasonOn(LEFT, cancelled, retired)).toBe('OFFICER_NOT_ACTIVE');
    expect(reasonOn(LEFT, [], retired, null)).toBe('OFFICER_NOT_ACTIVE');
    expect(reasonOn('2030-01-01', [ISSUED], retired)).toBe('OFFICER_NOT_ACTIVE');
  });
});

describe('certificateStatusOn', () => {
  it('is null before the first change', () => {
    expect(certificateStatusOn([ISSUED], dayBefore(ISSUED.effectiveOn))).toBeNull();
    expect(certificateStatusOn([ISSUED], ISSUED.effectiveOn)).toBe('active');
    expect(certificateStatusOn([], '2025-01-01')).toBeNull();
  });
});

describe('officerCertificateValidOn: an officer’s certificates over the years', () => {
  const old: CertificateRecord & { id: string } = {
    id: 'old',
    validFrom: '2019-01-01',
    validTo: '2023-12-31',
    statusChanges: [{ seq: 1, status: 'active', effectiveOn: '2019-01-01' }],
  };
  const renewed: CertificateRecord & { id: string } = {
    id: 'renewed',
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
    statusChanges: [{ seq: 1, status: 'active', effectiveOn: '2024-01-01' }],
  };

  it('finds the certificate valid on the date', () => {
    expect(officerCertificateValidOn([old, renewed], EMPLOYED, '2022-05-05')).toMatchObject({
      valid: true,
      certificate: { id: 'old' },
    });
    expect(officerCertificateValidOn([old, renewed], EMPLOYED, '2024-01-01')).toMatchObject({
      valid: true,
      certificate: { id: 'renewed' },
    });
    expect(officerCertificateValidOn([old, renewed], EMPLOYED, '2023-12-31')).toMatchObject({
      valid: true,
      certificate: { id: 'old' },
    });
  });

  it('explains with the most relevant certificate when none is valid', () => {
    expect(officerCertificateValidOn([old, renewed], EMPLOYED, '2018-12-31')).toMatchObject({
      reason: 'NOT_YET_VALID',
      certificate: { id: 'old' },
    });
    expect(officerCertificateValidOn([old, renewed], EMPLOYED, '2029-01-01')).toMatchObject({
      reason: 'EXPIRED',
      certificate: { id: 'renewed' },
    });
    const suspended = {
      ...renewed,
      statusChanges: [
        ...renewed.statusChanges,
        { seq: 2, status: 'suspended' as const, effectiveOn: '2025-01-01' },
      ],
    };
    expect(officerCertificateValidOn([old, suspended], EMPLOYED, '2025-01-01')).toMatchObject({
      reason: 'SUSPENDED',
      certificate: { id: 'renewed' },
    });
  });

  it('is NO_CERTIFICATE without any, OFFICER_NOT_ACTIVE after leaving', () => {
    expect(officerCertificateValidOn([], EMPLOYED, '2025-01-01')).toEqual({
      valid: false,
      reason: 'NO_CERTIFICATE',
      certificate: null,
    });
    expect(
      officerCertificateValidOn([renewed], { status: 'retired', leftOn: '2025-01-01' }, '2025-01-01'),
    ).toMatchObject({ valid: false, reason: 'OFFICER_NOT_ACTIVE', certificate: { id: 'renewed' } });
  });
});

describe('certificateTransition', () => {
  it.each([
    ['active', 'suspend', 'suspended'],
    ['suspended', 'reinstate', 'active'],
    ['active', 'cancel', 'cancelled'],
    ['suspended', 'cancel', 'cancelled'],
  ] as const)('allows %s → %s', (from, action, to) => {
    expect(certificateTransition(from, action)).toBe(to);
  });

  it.each([
    ['active', 'reinstate'],
    ['suspended', 'suspend'],
    ['cancelled', 'suspend'],
    ['cancelled', 'reinstate'],
    ['cancelled', 'cancel'],
  ] as const)('refuses %s → %s', (from, action) => {
    expect(certificateTransition(from, action)).toBeNull();
  });
});

describe('supersession by a renewal', () => {
  const term = { validFrom: '2019-01-01', validTo: '2024-12-31' };
  const changes = [
    { seq: 1, status: 'active' as const, effectiveOn: '2019-01-01' },
    { seq: 2, status: 'superseded' as const, effectiveOn: '2025-01-01' },
  ];
  const employed = { status: 'active' as const, leftOn: null };

  it('is final, and reads as expired rather than cancelled', () => {
    expect(certificateStatusOn(changes, '2024-12-31')).toBe('active');
    expect(
      certificateStatusOn(
        [...changes, { seq: 3, status: 'active', effectiveOn: '2025-02-01' }],
        '2025-03-01',
      ),
    ).toBe('superseded');
    expect(certificateValidOn(term, changes, employed, '2024-12-31')).toMatchObject({ valid: true });
    expect(certificateValidOn(term, changes, employed, '2025-01-01')).toMatchObject({
      valid: false,
      reason: 'EXPIRED',
    });
  });

  it('is reached only from a certificate still held, and left by nothing', () => {
    expect(certificateTransition('active', 'supersede')).toBe('superseded');
    expect(certificateTransition('suspended', 'supersede')).toBe('superseded');
    expect(certificateTransition('cancelled', 'supersede')).toBeNull();
    expect(certificateTransition('superseded', 'reinstate')).toBeNull();
    expect(certificateTransition('superseded', 'cancel')).toBeNull();
  });
});

/**
 * Penalty publicity (行政处罚信息公示, RULES.md §4) as pure rules: the period on both sides of the low-fine
 * threshold (exclusive and inclusive, person and organisation), 通报批评, a long restriction; the masking of
 * personal information (idempotent); the last day across month ends; the step guards; the clocks on the
 * 2025 calendar; the restoration notice (信用修复告知书).
 */
import { buildRestorationNotice } from '../../../src/domain/documents/restoration-notice';
import {
  checkPublicationStep,
  earliestRestorationOn,
  effectiveState,
  maskPersonalInformation,
  penaltyText,
  publicationClocks,
  publicityExpiresOn,
  publicityPeriod,
  restorationMinMonths,
  UNMASKED_PATTERNS,
} from '../../../src/domain/publicity/publicity';
import { buildCalendar } from '../calendar/fixtures';

const calendar = buildCalendar();
const EXCLUSIVE = { naturalPerson: 5000, organisation: 50000, inclusive: false };
const INCLUSIVE = { ...EXCLUSIVE, inclusive: true };
const fine = (amount: number) => [{ type: 'fine' as const, amount }];

describe('publicityPeriod (PDR art. 13)', () => {
  it('natural person: 4,999.99 is low (3 months), 5,000 is not when exclusive', () => {
    expect(publicityPeriod(fine(4999.99), ['natural_person'], EXCLUSIVE)).toMatchObject({
      months: 3,
      basis: 'three_months',
    });
    expect(publicityPeriod(fine(5000), ['natural_person'], EXCLUSIVE)).toMatchObject({
      months: 36,
      basis: 'three_years',
    });
  });
  it('inclusive flips the threshold itself to low', () => {
    expect(publicityPeriod(fine(5000), ['natural_person'], INCLUSIVE).months).toBe(3);
    expect(publicityPeriod(fine(5000.01), ['natural_person'], INCLUSIVE).months).toBe(36);
  });
  it('an individual business counts as a person; an organisation has its own threshold', () => {
    expect(publicityPeriod(fine(6000), ['individual_business'], EXCLUSIVE).months).toBe(36);
    expect(publicityPeriod(fine(49999.99), ['legal_person'], EXCLUSIVE).months).toBe(3);
    expect(publicityPeriod(fine(50000), ['legal_person'], EXCLUSIVE).months).toBe(36);
    expect(publicityPeriod(fine(50000), ['legal_person'], INCLUSIVE).months).toBe(3);
  });
  it('通报批评 alone, or with a warning, is 3 months', () => {
    expect(publicityPeriod([{ type: 'circulated_criticism' }], ['legal_person'], EXCLUSIVE).months).toBe(3);
    expect(
      publicityPeriod([{ type: 'warning' }, { type: 'circulated_criticism' }], ['natural_person'], EXCLUSIVE)
        .months,
    ).toBe(3);
  });
  it('other penalties are 3 years; a restriction longer than 3 years sets the period', () => {
    expect(
      publicityPeriod([{ type: 'confiscate_illegal_gains', amount: 100 }], ['legal_person'], EXCLUSIVE)
        .months,
    ).toBe(36);
    expect(publicityPeriod([{ type: 'restrict_business' }], ['legal_person'], EXCLUSIVE, 60)).toMatchObject({
      months: 60,
      basis: 'restriction',
    });
    expect(publicityPeriod([{ type: 'restrict_business' }], ['legal_person'], EXCLUSIVE, 24).months).toBe(36);
  });
});

describe('maskPersonalInformation (PDR art. 7)', () => {
  const text =
    '当事人张三，公民身份号码11010519491231002X，住西宁市城东区八一路1号3单元，手机13912345678，座机0971-8123456，' +
    '银行账号6222 0212 3456 7890 123。证人王小明、李四华在场。';
  const masked = maskPersonalInformation({
    text,
    otherNames: ['王小明', '李四华'],
    homeAddresses: ['西宁市城东区八一路1号3单元'],
  });
  it('masks the ID, phones, landline, bank account, address and other names', () => {
    expect(masked).not.toContain('11010519491231002X');
    expect(masked).toContain('110105********002*');
    expect(masked).not.toContain('13912345678');
    expect(masked).toContain('139****5678');
    expect(masked).not.toContain('8123456');
    expect(masked).not.toContain('6222 0212 3456 7890 123');
    expect(masked).toContain('0123');
    expect(masked).not.toContain('八一路1号3单元');
    expect(masked).toContain('【住址已隐去】');
    expect(masked).not.toContain('王小明');
    expect(masked).not.toContain('李四华');
    expect(masked).toContain('王某');
    expect(masked).toContain('当事人张三');
    for (const pattern of Object.values(UNMASKED_PATTERNS)) expect(masked).not.toMatch(pattern);
  });
  it('is idempotent', () => {
    expect(
      maskPersonalInformation({
        text: masked,
        otherNames: ['王小明', '李四华'],
        homeAddresses: ['西宁市城东区八一路1号3单元'],
      }),
    ).toBe(masked);
  });
});

describe('the last day and the earliest restoration day', () => {
  it('counts months from publication, the day before the same date', () => {
    expect(publicityExpiresOn('2025-04-15', 3)).toBe('2025-07-14');
    expect(publicityExpiresOn('2025-04-15', 36)).toBe('2028-04-14');
  });
  it('month ends: published 29, 30 or 31 Jan, one month ends 28 Feb; the 1st ends at the month end', () => {
    expect(publicityExpiresOn('2025-01-29', 1)).toBe('2025-02-28');
    expect(publicityExpiresOn('2025-01-30', 1)).toBe('2025-02-28');
    expect(publicityExpiresOn('2025-01-31', 1)).toBe('2025-02-28');
    expect(publicityExpiresOn('2024-01-31', 1)).toBe('2024-02-29');
    expect(publicityExpiresOn('2024-02-29', 12)).toBe('2025-02-28');
    expect(publicityExpiresOn('2025-11-30', 3)).toBe('2026-02-28');
    expect(publicityExpiresOn('2025-12-01', 3)).toBe('2026-02-28');
    expect(publicityExpiresOn('2025-03-01', 1)).toBe('2025-03-31');
    expect(publicityExpiresOn('2025-10-31', 36)).toBe('2028-10-30');
  });
  it('the earliest restoration day is N months after publication', () => {
    expect(earliestRestorationOn('2025-08-31', 6)).toBe('2026-02-28');
    expect(earliestRestorationOn('2025-04-15', 12)).toBe('2026-04-15');
  });
  it('a public publication past its last day reads expired', () => {
    expect(effectiveState('published', '2025-07-14', '2025-07-14')).toBe('published');
    expect(effectiveState('published', '2025-07-14', '2025-07-15')).toBe('expired');
    expect(effectiveState('withdrawn', '2025-07-14', '2025-07-15')).toBe('withdrawn');
  });
  it('food, drug and special-equipment laws take the extended minimum', () => {
    const setting = { general: 6, extended: 12, extendedLaws: ['中华人民共和国食品安全法'] };
    expect(restorationMinMonths(['《中华人民共和国食品安全法》'], setting)).toEqual({
      months: 12,
      extended: true,
    });
    expect(restorationMinMonths(['中华人民共和国广告法'], setting)).toEqual({ months: 6, extended: false });
  });
});

describe('step guards', () => {
  const facts = {
    state: 'pending' as const,
    decidedOn: '2025-04-07',
    publishedOn: null,
    correctedOn: null,
    withdrawalFor: null,
  };
  const codes = (u: { code: string }[]) => u.map((x) => x.code);
  it('publish: pending only, not in the future, not before the decision', () => {
    expect(checkPublicationStep(facts, 'publish', '2025-04-10', '2025-04-20')).toEqual([]);
    expect(codes(checkPublicationStep(facts, 'publish', '2025-04-21', '2025-04-20'))).toEqual([
      'DATE_IN_FUTURE',
    ]);
    expect(codes(checkPublicationStep(facts, 'publish', '2025-04-01', '2025-04-20'))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
    expect(
      codes(checkPublicationStep({ ...facts, state: 'published' }, 'publish', '2025-04-10', '2025-04-20')),
    ).toEqual(['PUBLICATION_WRONG_STATE']);
  });
  it('correct: published only; a revoked decision is withdrawn, not corrected', () => {
    const published = { ...facts, state: 'published' as const, publishedOn: '2025-04-10' };
    expect(codes(checkPublicationStep(facts, 'correct', '2025-04-10', '2025-04-20'))).toEqual([
      'PUBLICATION_WRONG_STATE',
    ]);
    expect(
      checkPublicationStep({ ...published, withdrawalFor: 'varied' }, 'correct', '2025-04-12', '2025-04-20'),
    ).toEqual([]);
    expect(
      codes(
        checkPublicationStep(
          { ...published, withdrawalFor: 'revoked' },
          'correct',
          '2025-04-12',
          '2025-04-20',
        ),
      ),
    ).toEqual(['CORRECTION_CANNOT_WITHDRAW']);
    expect(codes(checkPublicationStep(published, 'withdraw', '2025-04-09', '2025-04-20'))).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP',
    ]);
  });
});

describe('clocks on the 2025 calendar', () => {
  const base = {
    state: 'pending' as const,
    dueOn: '2025-10-13',
    dueWorkingDays: 7,
    publishedOn: null,
    withdrawalDueOn: null,
    withdrawalDoneOn: null,
  };
  it('publish: running, overdue, completed late; lapsed once withdrawn unpublished', () => {
    expect(publicationClocks(calendar, base, '2025-10-09')[0]).toMatchObject({
      state: 'running',
      daysLeft: 3,
    });
    expect(publicationClocks(calendar, base, '2025-10-14')[0]).toMatchObject({
      state: 'overdue',
      overdue: true,
    });
    expect(
      publicationClocks(
        calendar,
        { ...base, state: 'published', publishedOn: '2025-10-14' },
        '2025-10-20',
      )[0],
    ).toMatchObject({ state: 'completed_late' });
    expect(publicationClocks(calendar, { ...base, state: 'withdrawn' }, '2025-10-20')[0]).toMatchObject({
      state: 'lapsed',
      overdue: false,
    });
  });
  it('withdrawal: overdue until done', () => {
    const p = {
      ...base,
      state: 'published' as const,
      publishedOn: '2025-10-10',
      withdrawalDueOn: '2025-11-05',
    };
    expect(publicationClocks(calendar, p, '2025-11-06')[1]).toMatchObject({
      name: 'withdrawal',
      state: 'overdue',
    });
    expect(
      publicationClocks(calendar, { ...p, withdrawalDoneOn: '2025-11-04' }, '2025-11-06')[1],
    ).toMatchObject({
      state: 'completed',
    });
  });
});

describe('the restoration notice (信用修复告知书)', () => {
  const src = {
    agencyName: '城东区市场监督管理局',
    party: { name: '西宁市城东区示例食品有限公司', creditCode: '91350100M000100Y43' },
    decisionNumber: '东市监罚〔2025〕1号',
    decidedOn: '2025-04-07',
    penalties: [{ type: 'fine' as const, amount: 60000 }],
    period: { months: 36, basis: 'three_years' as const },
    publishedOn: null,
    expiresOn: null,
    minMonths: 12,
    extended: true,
    earliestOn: null,
  };
  it('before publication: N months after; the conditions, materials and where to apply', () => {
    const n = buildRestorationNotice(src);
    expect(n.restorable).toBe(true);
    expect(n.earliestApplication).toMatchObject({ months: 12, on: null });
    expect(n.earliestApplication.text).toContain('满12个月');
    expect(n.materials.map((m) => m.name)).toEqual(expect.arrayContaining(['信用修复申请书', '守信承诺书']));
    expect(n.whereToApply.map((w) => w.name)).toEqual(['城东区市场监督管理局', '国家企业信用信息公示系统']);
    expect(n.conditions.map((c) => c.code)).toContain('DECISION_NOT_PERFORMED');
    expect(n.paragraphs.join('')).toContain('公示期为三年');
  });
  it('once published: the date itself; 3 months and excluded penalties are not restorable', () => {
    const published = buildRestorationNotice({
      ...src,
      publishedOn: '2025-04-10',
      expiresOn: '2028-04-09',
      earliestOn: '2026-04-10',
    });
    expect(published.earliestApplication.on).toBe('2026-04-10');
    expect(published.paragraphs.join('')).toContain('自2026-04-10起');
    expect(buildRestorationNotice({ ...src, period: { months: 3, basis: 'three_months' } }).restorable).toBe(
      false,
    );
    expect(buildRestorationNotice({ ...src, penalties: [{ type: 'revoke_licence' }] }).restorable).toBe(
      false,
    );
  });
  it('penalty text in Chinese', () => {
    expect(penaltyText([{ type: 'warning' }, { type: 'fine', amount: 5000 }])).toBe(
      '警告，罚款人民币5000.00元',
    );
  });
});

/**
 * The decision (行政处罚决定书, APL art. 59) and notice (行政处罚告知书, APL art. 44) builders: every
 * required element is present when the case has it, and each one the case lacks is reported by name
 * and legal source instead of coming out blank.
 */
import {
  buildDecisionDocument,
  buildNoticeDocument,
  type DecisionSource,
  formatYuan,
  localBodyName,
  type NoticeSource,
} from '../../../src/domain/documents/decision-document';

const ORGANISATION = {
  kind: 'legal_person',
  name: '西宁市城东区示例食品有限公司',
  residentId: null,
  creditCode: '91350100M000100Y43',
  legalRepresentative: '李四',
  address: '青海省西宁市城东区八一中路1号',
} as const;
const PERSON = {
  kind: 'natural_person',
  name: '张三',
  residentId: '11010519491231002X',
  creditCode: null,
  legalRepresentative: null,
  address: '青海省西宁市城东区东关大街2号',
} as const;

const ITEM = {
  code: 'CF-0001',
  name: '对未取得食品经营许可从事食品经营活动的行政处罚',
  legalBasis: [
    {
      law: '中华人民共和国食品安全法',
      article: '第一百二十二条',
      text: '违反本法规定，未取得食品生产经营许可……',
    },
  ],
};

function decision(overrides: Partial<DecisionSource> = {}): DecisionSource {
  return {
    number: '东市监处罚〔2025〕1号',
    agencyName: '城东区市场监督管理局',
    decidedOn: '2025-04-16',
    parties: [ORGANISATION],
    summary: '投诉反映某店无证经营熟食',
    findings: '当事人未取得食品经营许可从事熟食加工销售，违法所得 1,200 元',
    violationOn: '2025-02-20',
    evidence: [{ kind: 'documentary', description: '现场检查笔录及营业场所照片', collectedOn: '2025-03-12' }],
    penalties: [
      { type: 'fine', amount: 120_000 },
      { type: 'confiscate_illegal_gains', amount: 1200 },
    ],
    powerItem: ITEM,
    assessment: null,
    outsideBenchmarkReason: null,
    notice: { number: '东市监罚告〔2025〕1号', servedOn: '2025-03-26', hearingRight: true },
    statementsReceived: 0,
    hearingHeldOn: '2025-04-11',
    waivedOn: null,
    service: null,
    settings: {
      paymentMethod: '到指定的银行或者通过电子支付系统缴纳',
      reconsiderationBody: null,
      litigationCourt: null,
    },
    ...overrides,
  };
}

const elements = (doc: { missing: { element: string }[] }) => doc.missing.map((m) => m.element);

describe('the penalty decision (行政处罚决定书)', () => {
  it('carries every element APL art. 59 requires', () => {
    const doc = buildDecisionDocument(decision());
    expect(doc.complete).toBe(true);
    expect(doc.missing).toEqual([]);
    expect(doc.number).toBe('东市监处罚〔2025〕1号');
    // (1) the party's name or title and address, with its identifier.
    expect(doc.parties).toEqual([
      {
        kind: 'legal_person',
        kindName: '法人',
        name: '西宁市城东区示例食品有限公司',
        address: '青海省西宁市城东区八一中路1号',
        legalRepresentative: '李四',
        identifiers: [{ type: 'credit_code', label: '统一社会信用代码', value: '91350100M000100Y43' }],
      },
    ]);
    // (2) the facts and the evidence.
    expect(doc.facts.findings).toContain('未取得食品经营许可');
    expect(doc.evidence).toEqual([
      {
        kind: 'documentary',
        kindName: '书证',
        description: '现场检查笔录及营业场所照片',
        collectedOn: '2025-03-12',
      },
    ]);
    // (3) the penalty and its legal basis.
    expect(doc.penalties.map((p) => p.text)).toEqual(['罚款人民币120,000元', '没收违法所得人民币1,200元']);
    expect(doc.legalBasis).toEqual([
      expect.objectContaining({ citation: '《中华人民共和国食品安全法》第一百二十二条' }),
    ]);
    // (4) how and by when: 15 days, the payment method, the late surcharge of APL art. 72.
    expect(doc.performance).toEqual(
      expect.objectContaining({
        amountPayable: 121_200,
        paymentPeriod: { days: 15, unit: 'calendar', rule: 'APL art. 67' },
        paymentMethod: '到指定的银行或者通过电子支付系统缴纳',
        servedOn: null,
        paymentDueOn: null,
      }),
    );
    expect(doc.performance.text).toContain('十五日内');
    expect(doc.performance.text).toContain('人民币121,200元');
    expect(doc.performance.lateSurcharge).toEqual(
      expect.objectContaining({ percentPerDay: 3, rule: 'APL art. 72(1)' }),
    );
    expect(doc.performance.lateSurcharge?.text).toContain('百分之三');
    // (5) reconsideration within 60 days, litigation within 6 months, at the bodies of the bureau's level.
    expect(doc.remedies.reconsideration).toEqual({
      body: '城东区人民政府',
      days: 60,
      rule: 'ARL arts. 20, 24',
    });
    expect(doc.remedies.litigation).toEqual({ court: '城东区人民法院', months: 6, rule: 'ALL art. 46' });
    expect(doc.remedies.text).toContain('六十日内向城东区人民政府申请行政复议');
    expect(doc.remedies.text).toContain('六个月内依法向城东区人民法院提起行政诉讼');
    expect(doc.remedies.notSuspended.rule).toBe('APL art. 73');
    // (6) the bureau and the date.
    expect(doc.agencyName).toBe('城东区市场监督管理局');
    expect(doc.date).toBe('2025-04-16');
    // The procedure it recites: the notice with its hearing right, and the hearing.
    expect(doc.procedure.join('')).toContain('东市监罚告〔2025〕1号');
    expect(doc.procedure.join('')).toContain('2025-04-11依法举行了听证');
  });

  it('masks a natural person’s resident ID (personal information)', () => {
    const doc = buildDecisionDocument(decision({ parties: [PERSON] }));
    expect(doc.parties[0]?.identifiers).toEqual([
      { type: 'resident_id', label: '公民身份号码', value: '1101**********002X' },
    ]);
    expect(JSON.stringify(doc)).not.toContain('11010519491231002X');
  });

  it('reports a missing legal basis instead of leaving it blank', () => {
    const none = buildDecisionDocument(decision({ powerItem: null }));
    expect(none.complete).toBe(false);
    expect(none.missing).toEqual([
      {
        element: 'legal_basis',
        rule: 'APL art. 59(3)',
        message: expect.stringContaining('no penalty item'),
      },
    ]);
    expect(none.legalBasis).toEqual([]);
    const empty = buildDecisionDocument(decision({ powerItem: { ...ITEM, legalBasis: [] } }));
    expect(elements(empty)).toEqual(['legal_basis']);
  });

  it('reports every other missing element with its source', () => {
    const doc = buildDecisionDocument(
      decision({
        number: null,
        decidedOn: null,
        agencyName: '',
        parties: [{ ...ORGANISATION, address: null }],
        findings: null,
        evidence: [],
        penalties: [],
        settings: { paymentMethod: ' ', reconsiderationBody: null, litigationCourt: null },
      }),
    );
    expect(doc.complete).toBe(false);
    expect(Object.fromEntries(doc.missing.map((m) => [m.element, m.rule]))).toEqual({
      number: 'PPR; RULES.md §10',
      party_address: 'APL art. 59(1)',
      facts: 'APL art. 59(2)',
      evidence: 'APL art. 59(2)',
      penalties: 'APL art. 59(3)',
      reconsideration_body: 'APL art. 59(5); ARL arts. 20, 24',
      litigation_court: 'APL art. 59(5); ALL arts. 18, 46',
      agency: 'APL art. 59(6)',
      date: 'APL art. 59(6)',
    });
    expect(elements(buildDecisionDocument(decision({ parties: [] })))).toEqual(['party']);
  });

  it('needs a payment method only when money is payable', () => {
    const noMethod = { paymentMethod: '', reconsiderationBody: null, litigationCourt: null };
    expect(elements(buildDecisionDocument(decision({ settings: noMethod })))).toEqual(['payment_method']);
    const warning = buildDecisionDocument(decision({ settings: noMethod, penalties: [{ type: 'warning' }] }));
    expect(warning.complete).toBe(true);
    expect(warning.performance.amountPayable).toBe(0);
    expect(warning.performance.lateSurcharge).toBeNull();
    expect(warning.performance.text).toBe('警告自本决定书送达之日起执行。');
  });

  it('warns of the late surcharge only for a fine (APL art. 72 speaks of 罚款)', () => {
    const gains = buildDecisionDocument(
      decision({ penalties: [{ type: 'confiscate_illegal_gains', amount: 800 }] }),
    );
    expect(gains.performance.amountPayable).toBe(800);
    expect(gains.performance.lateSurcharge).toBeNull();
  });

  it('adds amounts in fen: no floating-point residue', () => {
    const doc = buildDecisionDocument(
      decision({
        penalties: [
          { type: 'fine', amount: 0.1 },
          { type: 'confiscate_illegal_gains', amount: 0.2 },
        ],
      }),
    );
    expect(doc.performance.amountPayable).toBe(0.3);
    expect(doc.performance.text).toContain('人民币0.30元');
  });

  it('names the configured reviewing body and court, and reports them when none can be derived', () => {
    const configured = buildDecisionDocument(
      decision({
        settings: {
          paymentMethod: '到中国银行城东支行缴纳',
          reconsiderationBody: '西宁市城东区人民政府',
          litigationCourt: '西宁铁路运输法院',
        },
      }),
    );
    expect(configured.remedies.reconsideration.body).toBe('西宁市城东区人民政府');
    expect(configured.remedies.litigation.court).toBe('西宁铁路运输法院');
    expect(configured.performance.text).toContain('到中国银行城东支行缴纳');
    const unknown = buildDecisionDocument(decision({ agencyName: '某某执法支队' }));
    expect(elements(unknown)).toEqual(['reconsideration_body', 'litigation_court']);
    expect(unknown.remedies.text).toContain('【缺：行政复议机关】');
  });

  it('shows the payment due date once the decision is served', () => {
    const doc = buildDecisionDocument(
      decision({ service: { servedOn: '2025-04-18', paymentDueOn: '2025-05-06' } }),
    );
    expect(doc.performance.servedOn).toBe('2025-04-18');
    expect(doc.performance.paymentDueOn).toBe('2025-05-06');
  });

  it('recites the discretion assessment when attached', () => {
    const doc = buildDecisionDocument(
      decision({
        assessment: {
          benchmarkId: 'B1',
          outcome: 'penalty',
          tier: 'lenient',
          range: { min: 50_000, max: 80_000, currency: 'CNY' },
          reasons: [{ code: 'LIGHTER', rule: 'APL art. 32', detail: '主动消除违法行为危害后果' }],
        },
        outsideBenchmarkReason: '当事人多次违法',
      }),
    );
    expect(doc.discretion).toEqual({
      benchmarkId: 'B1',
      tier: 'lenient',
      range: { min: 50_000, max: 80_000, exclusive: false },
      reasons: [{ rule: 'APL art. 32', detail: '主动消除违法行为危害后果' }],
      outsideBenchmarkReason: '当事人多次违法',
    });
  });
});

describe('the pre-penalty notice (行政处罚告知书)', () => {
  function notice(overrides: Partial<NoticeSource> = {}): NoticeSource {
    return {
      number: '东市监罚告〔2025〕1号',
      agencyName: '城东区市场监督管理局',
      servedOn: '2025-03-26',
      windowEndsOn: '2025-04-02',
      hearingRight: true,
      parties: [ORGANISATION],
      summary: '投诉反映某店无证经营熟食',
      findings: '当事人未取得食品经营许可从事熟食加工销售',
      violationOn: '2025-02-20',
      evidence: [{ kind: 'documentary', description: '现场检查笔录', collectedOn: '2025-03-12' }],
      penalties: [{ type: 'fine', amount: 150_000 }],
      powerItem: ITEM,
      ...overrides,
    };
  }

  it('carries the facts, reasons, basis, proposed penalty and the rights of APL arts. 44–45, 63–64', () => {
    const doc = buildNoticeDocument(notice());
    expect(doc.complete).toBe(true);
    expect(doc.facts.findings).toContain('未取得食品经营许可');
    expect(doc.legalBasis[0]?.citation).toBe('《中华人民共和国食品安全法》第一百二十二条');
    expect(doc.proposedPenalties.map((p) => p.text)).toEqual(['罚款人民币150,000元']);
    expect(doc.rights.statement).toEqual(
      expect.objectContaining({ days: 5, unit: 'working', endsOn: '2025-04-02', rule: 'APL arts. 44, 45' }),
    );
    expect(doc.rights.statement.text).toContain('陈述、申辩');
    expect(doc.rights.hearing).toEqual(
      expect.objectContaining({ days: 5, unit: 'working', endsOn: '2025-04-02', rule: 'APL art. 64' }),
    );
    expect(doc.rights.hearing?.text).toContain('听证');
    expect(doc.rights.noHeavierPenalty.rule).toBe('APL art. 45');
  });

  it('offers a hearing only when the notice carries the right', () => {
    expect(buildNoticeDocument(notice({ hearingRight: false })).rights.hearing).toBeNull();
  });

  it('reports what it lacks', () => {
    const doc = buildNoticeDocument(notice({ powerItem: null, penalties: [], findings: '  ', number: null }));
    expect(doc.complete).toBe(false);
    expect(doc.missing.map((m) => [m.element, m.rule])).toEqual([
      ['number', 'PPR; RULES.md §10'],
      ['facts', 'APL art. 44'],
      ['proposed_penalties', 'APL art. 44'],
      ['legal_basis', 'APL art. 44'],
    ]);
  });
});

describe('helpers', () => {
  it('formats CNY as printed', () => {
    expect(formatYuan(598_500)).toBe('人民币598,500元');
    expect(formatYuan(1200.5)).toBe('人民币1,200.50元');
  });

  it('names the people’s government and court at the bureau’s level', () => {
    expect(localBodyName('城东区市场监督管理局', '人民政府')).toBe('城东区人民政府');
    expect(localBodyName('城北区市场监管局', '人民法院')).toBe('城北区人民法院');
    expect(localBodyName('市场监督管理局', '人民政府')).toBeNull();
    expect(localBodyName('某某执法支队', '人民法院')).toBeNull();
  });
});

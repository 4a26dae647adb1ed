/**
 * The printable pages: complete and self-contained, every value from the case escaped, and a document
 * that lacks an element says so on the page instead of printing a blank.
 */
import {
  buildDecisionDocument,
  buildNoticeDocument,
  type DecisionSource,
} from '../../../src/domain/documents/decision-document';
import {
  escapeHtml,
  html,
  renderDecisionHtml,
  renderNoticeHtml,
} from '../../../src/domain/documents/render-html';

const HOSTILE = '<script>alert("x")</script>&\'';

function source(overrides: Partial<DecisionSource> = {}): DecisionSource {
  return {
    number: '东市监处罚〔2025〕1号',
    agencyName: '城东区市场监督管理局',
    decidedOn: '2025-04-16',
    parties: [
      {
        kind: 'natural_person',
        name: '张三',
        residentId: '11010519491231002X',
        creditCode: null,
        legalRepresentative: null,
        address: '青海省西宁市城东区东关大街2号',
      },
    ],
    summary: '投诉反映某店无证经营熟食',
    findings: '当事人未取得食品经营许可从事熟食销售',
    violationOn: '2025-02-20',
    evidence: [{ kind: 'documentary', description: '现场检查笔录', collectedOn: '2025-03-12' }],
    penalties: [{ type: 'fine', amount: 5000 }],
    powerItem: {
      code: 'CF-1',
      name: '对未取得食品经营许可从事食品经营活动的行政处罚',
      legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十二条' }],
    },
    assessment: null,
    outsideBenchmarkReason: null,
    notice: null,
    statementsReceived: 0,
    hearingHeldOn: null,
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

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('escapes every interpolated value of the html tag, arrays included, but not nested markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${'<x>'}${['<y>', inner]}${null}${undefined}${false}${3}</p>`.value).toBe(
      '<p>&lt;x&gt;&lt;y&gt;<b>&lt;i&gt;</b>3</p>',
    );
  });
});

describe('the decision page', () => {
  it('is a complete, self-contained, print-styled page with every APL art. 59 element', () => {
    const page = renderDecisionHtml(buildDecisionDocument(source()));
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('@page { size: A4');
    expect(page).toMatch(/<\/html>\s*$/);
    expect(page).not.toMatch(/<script|<link|src=|href=/i);
    for (const text of [
      '<h1>行政处罚决定书</h1>',
      '东市监处罚〔2025〕1号',
      '张三',
      '1101**********002X',
      '青海省西宁市城东区东关大街2号',
      '当事人未取得食品经营许可从事熟食销售',
      '书证：现场检查笔录',
      '《中华人民共和国食品安全法》第一百二十二条',
      '罚款人民币5,000元',
      '十五日内',
      '百分之三加处罚款',
      '城东区人民政府申请行政复议',
      '城东区人民法院提起行政诉讼',
      '不停止执行',
      '城东区市场监督管理局',
      '2025-04-16',
      '（印章）',
    ])
      expect(page).toContain(text);
    expect(page).not.toContain('11010519491231002X');
    expect(page).not.toContain('文书要素不全');
  });

  it('escapes a hostile party name and every other value from the case', () => {
    const page = renderDecisionHtml(
      buildDecisionDocument(
        source({
          parties: [
            {
              kind: 'legal_person',
              name: HOSTILE,
              residentId: null,
              creditCode: '91350100M000100Y43',
              legalRepresentative: HOSTILE,
              address: HOSTILE,
            },
          ],
          findings: HOSTILE,
          agencyName: `${HOSTILE}市场监督管理局`,
          evidence: [{ kind: 'documentary', description: HOSTILE, collectedOn: '2025-03-12' }],
          powerItem: {
            code: 'X',
            name: HOSTILE,
            legalBasis: [{ law: HOSTILE, article: HOSTILE, text: HOSTILE }],
          },
          settings: { paymentMethod: HOSTILE, reconsiderationBody: HOSTILE, litigationCourt: HOSTILE },
          number: HOSTILE,
        }),
      ),
    );
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('alert("x")');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });

  it('marks a document that lacks an element, on the page, with each gap', () => {
    const page = renderDecisionHtml(buildDecisionDocument(source({ powerItem: null, parties: [] })));
    expect(page).toContain('文书要素不全，不得送达');
    expect(page).toContain('APL art. 59(3)');
    expect(page).toContain('【缺：法律依据】');
    expect(page).toContain('【缺：当事人】');
  });
});

describe('the notice page', () => {
  it('prints the facts, basis, proposed penalty and rights, escaped', () => {
    const page = renderNoticeHtml(
      buildNoticeDocument({
        number: '东市监罚告〔2025〕1号',
        agencyName: '城东区市场监督管理局',
        servedOn: '2025-03-26',
        windowEndsOn: '2025-04-02',
        hearingRight: true,
        parties: [source().parties[0] ?? ({} as never)],
        summary: 's',
        findings: HOSTILE,
        violationOn: null,
        evidence: [{ kind: 'documentary', description: '现场检查笔录', collectedOn: '2025-03-12' }],
        penalties: [{ type: 'fine', amount: 15_000 }],
        powerItem: source().powerItem,
      }),
    );
    for (const text of [
      '<h1>行政处罚告知书</h1>',
      '罚款人民币15,000元',
      '陈述、申辩',
      '要求听证',
      '2025-04-02',
      '更重的处罚',
    ])
      expect(page).toContain(text);
    expect(page).not.toContain('<script>');
  });
});

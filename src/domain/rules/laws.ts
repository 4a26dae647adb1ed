/**
 * The laws and regulations Fazhi cites, by the short code used in rule citations
 * (`APL art. 64`). RULES.md's legend is the source of these codes.
 */
export const LAWS = {
  APL: { name: '中华人民共和国行政处罚法', english: 'Administrative Penalty Law (2021)' },
  PPR: {
    name: '市场监督管理行政处罚程序规定',
    english: 'Market Supervision Administrative Penalty Procedure Provisions (2022)',
  },
  HR: {
    name: '市场监督管理行政处罚听证办法',
    english: 'Market Supervision Administrative Penalty Hearing Measures',
  },
  PDR: {
    name: '市场监督管理行政处罚信息公示规定',
    english: 'Provisions on Publicity of Market Supervision Penalty Information (2021)',
  },
  CRM: {
    name: '市场监督管理信用修复管理办法',
    english: 'Market Supervision Credit Restoration Measures (2021)',
  },
  ARL: { name: '中华人民共和国行政复议法', english: 'Administrative Reconsideration Law (2023)' },
  ALL: { name: '中华人民共和国行政诉讼法', english: 'Administrative Litigation Law' },
  ACL: { name: '中华人民共和国行政强制法', english: 'Administrative Compulsion Law' },
  TR: {
    name: '行政执法机关移送涉嫌犯罪案件的规定',
    english: 'Provisions on Transfer of Suspected Criminal Cases',
  },
  HOL: { name: '全国年节及纪念日放假办法', english: 'Measures on National Holidays and Commemoration Days' },
  CPL: {
    name: '中华人民共和国民事诉讼法',
    english: 'Civil Procedure Law (service of documents, APL art. 61)',
  },
  LOCAL: {
    name: '本地规定与工作惯例',
    english: 'Local rules and practice, not a national article (a rule setting the agency may change)',
  },
} as const;

export type LawCode = keyof typeof LAWS;

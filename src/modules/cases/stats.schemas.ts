/** The year's enforcement-case figures (行政处罚案件统计), FIGURES.md "Enforcement cases". */
import { type Static, Type } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../http/schemas';

export const CaseStatsQuery = StrictObject({
  year: Type.Integer({ minimum: 1900, maximum: 2099, description: 'The calendar year, e.g. 2024' }),
});
export type CaseStatsQuery = Static<typeof CaseStatsQuery>;

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Cny = (description: string) => Type.Number({ minimum: 0, description: `${description}, CNY` });
const CaseIds = Type.Array(Uuid);

export const CaseStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    asOf: { ...IsoDate, description: 'The day the clocks were computed for (today)' },
    decided: Type.Object(
      {
        total: Count(
          'General-procedure cases (一般程序案件) decided in the year (decision date in the year)',
        ),
        penalty: Count('With a penalty (给予行政处罚)'),
        noPenalty: Count('No penalty (不予行政处罚)'),
        transferred: Count('Transferred by the decision (移送)'),
      },
      { description: 'Cases decided in the year (查办一般程序行政处罚案件)' },
    ),
    amounts: Type.Object(
      {
        fines: Cny('Fines (罚款)'),
        confiscatedIllegalGains: Cny('Confiscated illegal gains (没收违法所得)'),
        confiscatedIllegalProperty: Cny('Confiscated illegal property, where valued (没收非法财物)'),
        total: Cny('Fines and confiscations (罚没金额)'),
      },
      { description: 'Fines and confiscations in the penalty decisions of the year' },
    ),
    legalReview: Type.Object(
      {
        reviewed: Count('Decided cases with a passed legal review (法制审核) recorded before the decision'),
        decided: Count('Cases decided in the year'),
        rate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
          description: 'Legal-review rate (法制审核率), reviewed / decided; null when nothing was decided',
        }),
        unreviewedCaseIds: CaseIds,
      },
      { description: 'Legal-review rate (法制审核率), APL art. 58' },
    ),
    collectiveDiscussions: Count('Collective discussions (集体讨论) held in the year, APL art. 57'),
    hearings: Type.Object(
      {
        held: Count('Hearings (听证会) held in the year with the party present'),
        partyAbsent: Count('Hearings the party did not attend (treated as a waiver)'),
      },
      { description: 'Hearings (听证), APL arts. 63–65' },
    ),
    majorCasesFiledForRecord: Count(
      'Major penalty cases filed for record (重大行政处罚备案) in the year: file-for-record steps',
    ),
    policeTransfers: Type.Object(
      {
        leads: Count('Leads transferred to the police (移送涉嫌犯罪线索) in the year'),
        cases: Count('Cases transferred to the police (移送涉嫌犯罪案件) in the year'),
        jointCases: Count('Joint cases with the police (联合查处) started in the year'),
      },
      { description: 'Criminal transfers (行刑衔接), TR; details at GET /v1/criminal-transfers/stats' },
    ),
    filed: Type.Object(
      {
        total: Count('Cases filed (立案) in the year'),
        open: Count('Of those, not yet decided (or ended) today'),
        decisionOverdue: Type.Object({
          count: Count('Still open past their decision clock (办案期限, APL art. 60) today'),
          caseIds: CaseIds,
        }),
        decidedLate: Type.Object({
          count: Count('Decided (or ended) after their decision clock ran out'),
          caseIds: CaseIds,
        }),
        notClosedInTime: Type.Object({
          count: Count('Past their closure clock (结案) today, or closed after it ran out (未按期结案)'),
          caseIds: CaseIds,
        }),
      },
      { description: 'Cases filed in the year and whether they were handled in time (未按期办结)' },
    ),
  },
  {
    $id: 'CaseStats',
    description:
      'A year’s enforcement-case figures (行政处罚案件统计) as the annual rule-of-law report gives them, from the records',
  },
);
export type CaseStats = Static<typeof CaseStatsSchema>;

export const caseStatsSchemas = [CaseStatsSchema];

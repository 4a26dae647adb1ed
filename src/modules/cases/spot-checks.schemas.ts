/** Supervision spot checks (抽查) of correction orders and interview records, and the year's figures. */
import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, StrictObject, Uuid } from '../../http/schemas';

export const SpotCheckCreateSchema = StrictObject(
  {
    checkedOn: { ...IsoDate, description: 'Date of the check (抽查日期): not before the document' },
    checkerId: { ...Uuid, description: 'The officer who checked (执法监督人员)' },
    problems: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), {
      maxItems: 100,
      description: 'The problems found (反馈问题), one per item; empty when none',
    }),
  },
  { $id: 'SpotCheckCreate', description: 'A supervision spot check (抽查) of a document' },
);
export type SpotCheckCreate = Static<typeof SpotCheckCreateSchema>;

export const SpotCheckSchema = Type.Object(
  {
    id: Uuid,
    documentKind: Type.Enum(['correction_order', 'interview'], {
      description: 'correction_order 责令改正通知书; interview 行政约谈记录',
    }),
    documentId: Uuid,
    caseId: Uuid,
    documentYear: Type.Integer({ description: 'The year of the document checked' }),
    checkedOn: IsoDate,
    checkerId: Uuid,
    problems: Type.Array(Type.String()),
    createdAt: DateTime,
  },
  { $id: 'SpotCheck', description: 'A supervision spot check (抽查) and the problems it found' },
);
export type SpotCheckView = Static<typeof SpotCheckSchema>;
export const SpotCheckRef = Type.Unsafe<SpotCheckView>({ $ref: 'SpotCheck' });

const figures = (what: string) => ({
  sampled: Type.Integer({ description: `${what} of the year checked at least once (抽查份数)` }),
  checks: Type.Integer({ description: 'Spot checks recorded' }),
  withProblems: Type.Integer({ description: `${what} with at least one problem` }),
  problems: Type.Integer({ description: 'Problems found (反馈问题条数)' }),
});

export const SpotCheckStatsSchema = Type.Object(
  {
    year: Type.Integer({ description: 'The year of the documents checked' }),
    correctionOrders: Type.Object({
      issued: Type.Integer({ description: 'Correction orders issued in the year' }),
      ...figures('Correction orders (责令改正通知书)'),
    }),
    interviews: Type.Object({
      held: Type.Integer({ description: 'Interviews held in the year' }),
      ...figures('Interview records (行政约谈记录)'),
    }),
    total: Type.Object({ sampled: Type.Integer(), problems: Type.Integer() }),
  },
  {
    $id: 'SpotCheckStats',
    description:
      'The year’s spot checks (抽查) of correction orders and interview records: sampled, problems found',
  },
);

export const SpotCheckStatsQuery = StrictObject({
  year: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2099, description: 'Default: the current year' }),
  ),
});

export const spotCheckSchemas = [SpotCheckCreateSchema, SpotCheckSchema, SpotCheckStatsSchema];

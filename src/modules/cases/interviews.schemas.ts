/** Administrative interview records (行政约谈记录) of a case and their spot checks. */
import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, StrictObject, Text, Uuid } from '../../http/schemas';
import { SpotCheckRef } from './spot-checks.schemas';

const Counterpart = StrictObject(
  {
    name: Text(100, 'Name of the person interviewed (约谈对象)'),
    role: Text(100, 'Their position for the party, e.g. 法定代表人、负责人'),
  },
  { description: 'The party’s representative interviewed (约谈对象)' },
);

export const InterviewCreateSchema = StrictObject(
  {
    heldOn: { ...IsoDate, description: 'Date held (约谈日期): not before the lead' },
    attendeeIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'The bureau’s officers conducting it (约谈人)',
    }),
    counterpart: Counterpart,
    subject: Text(1000, 'The subject (约谈事由)'),
    summary: Text(8000, 'The record (约谈记录): what was said and agreed'),
  },
  { $id: 'InterviewCreate', description: 'An administrative interview (行政约谈) to record' },
);
export type InterviewCreate = Static<typeof InterviewCreateSchema>;

export const InterviewSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    heldOn: IsoDate,
    attendeeIds: Type.Array(Uuid),
    counterpart: Type.Object({ name: Type.String(), role: Type.String() }),
    subject: Type.String(),
    summary: Type.String(),
    spotChecks: Type.Array(SpotCheckRef),
    createdAt: DateTime,
  },
  { $id: 'Interview', description: 'An administrative interview record (行政约谈记录)' },
);
export type InterviewView = Static<typeof InterviewSchema>;

export const CaseInterviewListSchema = Type.Object(
  { caseId: Uuid, items: Type.Array(Type.Unsafe<InterviewView>({ $ref: 'Interview' })) },
  { $id: 'CaseInterviewList', description: 'The interview records of a case, oldest first' },
);

export const InterviewParams = StrictObject({ caseId: Uuid, interviewId: Uuid });

export const interviewSchemas = [InterviewCreateSchema, InterviewSchema, CaseInterviewListSchema];

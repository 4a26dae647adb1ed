import { type Static, Type } from 'typebox';
import {
  DateTime,
  IsoDate,
  Page,
  PageQuery,
  RegionCode,
  StrictObject,
  strict,
  Uuid,
} from '../../http/schemas';
import { UNIT_KINDS, UNIT_STATUSES } from './agencies.table';

const AgencyName = Type.String({
  minLength: 2,
  maxLength: 100,
  description: 'Full name (机关名称), e.g. 城东区市场监督管理局',
  examples: ['城东区市场监督管理局'],
});
const AgencyCode = Type.String({
  minLength: 1,
  maxLength: 10,
  pattern: '^\\S+$',
  description: 'Code-word used in document numbers (文号机关代字), e.g. 东 in 东市监处罚〔2024〕12号',
  examples: ['东'],
});
const Province = Type.String({
  minLength: 2,
  maxLength: 20,
  description:
    'Province (省级行政区) name; must match the first two digits of regionCode. Derived when omitted.',
  examples: ['青海省'],
});
const Version = Type.Integer({
  minimum: 1,
  description: 'Version; also sent as the ETag. Send it back in If-Match.',
});

export const AgencySchema = Type.Object(
  {
    id: Uuid,
    name: AgencyName,
    code: AgencyCode,
    regionCode: RegionCode,
    province: Province,
    provinceCode: Type.String({ description: 'Province-level region code, e.g. 630000' }),
    version: Version,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Agency', description: 'A market-supervision bureau (市场监督管理局)' },
);
export type Agency = Static<typeof AgencySchema>;

export const AgencyCreateSchema = StrictObject(
  {
    name: AgencyName,
    code: AgencyCode,
    regionCode: RegionCode,
    province: Type.Optional(Province),
    administrator: Type.Optional(
      StrictObject(
        {
          name: Type.String({ minLength: 1, maxLength: 50, description: 'Name of the first administrator' }),
        },
        {
          description:
            'The agency’s first administrator (系统管理员), created with it: without one nobody could ever act for ' +
            'a new agency. Further officers are then registered by that administrator.',
        },
      ),
    ),
  },
  { $id: 'AgencyCreate' },
);
export type AgencyCreate = Static<typeof AgencyCreateSchema>;

export const AgencyCreatedSchema = Type.Object(
  {
    ...AgencySchema.properties,
    administrator: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()], {
      description: 'The first administrator created with the agency: its officer id is the token subject',
    }),
  },
  { $id: 'AgencyCreated', description: 'A newly registered agency and its first administrator' },
);
export type AgencyCreated = Static<typeof AgencyCreatedSchema>;

export const AgencyUpdateSchema = strict(
  Type.Partial(
    Type.Object({ name: AgencyName, code: AgencyCode, regionCode: RegionCode, province: Province }),
  ),
  {
    $id: 'AgencyUpdate',
    minProperties: 1,
    description: 'Changes to an agency; only the fields sent change',
  },
);
export type AgencyUpdate = Static<typeof AgencyUpdateSchema>;

export const AgencyPageSchema = Page(Type.Unsafe<Agency>({ $ref: 'Agency' }), 'AgencyPage');

export const AgencyParams = StrictObject({ agencyId: Uuid });
export const ListQuery = StrictObject({ ...PageQuery });

const UnitName = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Unit name, e.g. 法规科 or 韵家口市场监管所',
});
const UnitKind = Type.Enum([...UNIT_KINDS], {
  description:
    'section = 科室, station = 市场监管所, team = 执法大队, office = 办公室 or other internal office',
});
const UnitStatus = Type.Enum([...UNIT_STATUSES], {
  description: 'active, or dissolved (撤销) on dissolvedOn',
});

export const UnitSchema = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    name: UnitName,
    kind: UnitKind,
    status: UnitStatus,
    dissolvedOn: Type.Union([IsoDate, Type.Null()]),
    version: Version,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Unit', description: 'An organisational unit of an agency (科室 / 所)' },
);
export type Unit = Static<typeof UnitSchema>;

export const UnitCreateSchema = StrictObject({ name: UnitName, kind: UnitKind }, { $id: 'UnitCreate' });
export type UnitCreate = Static<typeof UnitCreateSchema>;

export const UnitUpdateSchema = StrictObject(
  {
    name: Type.Optional(UnitName),
    kind: Type.Optional(UnitKind),
    status: Type.Optional(UnitStatus),
    dissolvedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  {
    $id: 'UnitUpdate',
    minProperties: 1,
    description:
      'Changes to a unit. Dissolving needs status "dissolved" with dissolvedOn; reactivating clears it.',
  },
);
export type UnitUpdate = Static<typeof UnitUpdateSchema>;

export const UnitPageSchema = Page(Type.Unsafe<Unit>({ $ref: 'Unit' }), 'UnitPage');
export const UnitParams = StrictObject({ agencyId: Uuid, unitId: Uuid });
export const UnitListQuery = StrictObject({ ...PageQuery, status: Type.Optional(UnitStatus) });

export const agencySchemas = [
  AgencySchema,
  AgencyCreateSchema,
  AgencyCreatedSchema,
  AgencyUpdateSchema,
  AgencyPageSchema,
  UnitSchema,
  UnitCreateSchema,
  UnitUpdateSchema,
  UnitPageSchema,
];

import { type Static, Type } from 'typebox';
import { ROLE_NAMES, ROLES } from '../../domain/access/roles';
import { CERTIFICATE_INVALIDITY_REASONS } from '../../domain/officers/certificate-validity';
import { DateTime, IsoDate, Page, PageQuery, StrictObject, strict, Uuid } from '../../http/schemas';
import { CERTIFICATE_STATUSES, EMPLOYMENT_STATUSES } from './officers.table';

const Version = Type.Integer({
  minimum: 1,
  description: 'Version; also sent as the ETag. Send it back in If-Match.',
});

const OfficerName = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '\\S',
  description: 'Full name (姓名)',
  examples: ['李执法'],
});

const Role = Type.Enum([...ROLE_NAMES], {
  description: `Role: ${Object.entries(ROLES)
    .map(([role, meaning]) => `${role} = ${meaning}`)
    .join('; ')}`,
});
const Roles = Type.Array(Role, {
  minItems: 1,
  uniqueItems: true,
  description: 'Roles held (at least one). Only a system_admin may grant or remove system_admin.',
});

const EmploymentStatus = Type.Enum([...EMPLOYMENT_STATUSES], {
  description: 'active (在职), retired (退休) or transferred (调离)',
});
const CertificateStatus = Type.Enum([...CERTIFICATE_STATUSES], {
  description:
    'active (有效), suspended (暂扣), cancelled (注销), or superseded (expired and replaced by a renewal); ' +
    'the dated history is in statusHistory',
});
const InvalidityReason = Type.Enum([...CERTIFICATE_INVALIDITY_REASONS], {
  description:
    'Why no valid certificate backs an act on the date: NO_CERTIFICATE, NOT_YET_VALID, EXPIRED, SUSPENDED, ' +
    'CANCELLED, OFFICER_NOT_ACTIVE (retired or transferred on or before the date)',
});

/** 公民身份号码, checked by the `resident-id` format (GB 11643-1999, check character and birth date). */
const ResidentId = Type.String({
  format: 'resident-id',
  description: 'Resident identity number (公民身份号码, GB 11643-1999); personal data, masked in responses',
  examples: ['630102199001011235'],
});
/** Mainland mobile (1[3-9] + 9 digits) or landline with area code (0971-8123456). */
const Phone = Type.String({
  pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$',
  description:
    'Mobile (13912345678) or landline with area code (0971-8123456); personal data, masked in responses',
  examples: ['13912345678'],
});

const LegalQualificationInput = StrictObject(
  {
    held: Type.Boolean({ description: 'Holds the national legal professional qualification (法律职业资格)' }),
    number: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: 'Certificate number (法律职业资格证书编号)' }),
    ),
  },
  { description: 'National legal professional qualification (法律职业资格); number only when held' },
);

const CertificateNumber = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^\\S+$',
  description: 'Enforcement certificate number (执法证号), unique within the agency',
  examples: ['东0001'],
});
const IssuingAuthority = Type.String({
  minLength: 2,
  maxLength: 100,
  description: 'Issuing authority (发证机关), usually the provincial people’s government',
  examples: ['青海省人民政府'],
});

export const CertificateIssueSchema = StrictObject(
  {
    number: CertificateNumber,
    issuingAuthority: IssuingAuthority,
    validFrom: { ...IsoDate, description: 'First day of validity (有效期起)' },
    validTo: { ...IsoDate, description: 'Last day of validity (有效期至); not before validFrom' },
  },
  { $id: 'OfficerCertificateIssue', description: 'An enforcement certificate (行政执法证) to record' },
);
export type CertificateIssue = Static<typeof CertificateIssueSchema>;

const ValidityToday = Type.Object(
  {
    date: IsoDate,
    valid: Type.Boolean(),
    reason: Type.Union([InvalidityReason, Type.Null()]),
  },
  { description: 'Whether the certificate backs an enforcement act on the date (today, China time)' },
);

const StatusChange = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  status: CertificateStatus,
  effectiveOn: IsoDate,
  reason: Type.String(),
  recordedAt: DateTime,
});

export const CertificateSchema = Type.Object(
  {
    id: Uuid,
    officerId: Uuid,
    number: CertificateNumber,
    issuingAuthority: IssuingAuthority,
    validFrom: IsoDate,
    validTo: IsoDate,
    status: CertificateStatus,
    statusHistory: Type.Array(StatusChange, { description: 'Dated status changes, in recording order' }),
    validity: ValidityToday,
    version: Version,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  {
    $id: 'OfficerCertificate',
    description: 'An enforcement certificate (行政执法证) with its dated status history',
  },
);
export type Certificate = Static<typeof CertificateSchema>;

export const OfficerSchema = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    name: OfficerName,
    unitId: Type.Union([Uuid, Type.Null()], { description: 'The unit (科室 / 所) the officer works in' }),
    roles: Type.Array(Role),
    employmentStatus: EmploymentStatus,
    leftOn: Type.Union([IsoDate, Type.Null()], { description: 'Day of retirement or transfer' }),
    leftReason: Type.Union([Type.String(), Type.Null()]),
    legalQualification: Type.Object({
      held: Type.Boolean({
        description: 'Holds the national legal professional qualification (法律职业资格)',
      }),
      number: Type.Union([Type.String(), Type.Null()]),
    }),
    residentId: Type.Union([Type.String(), Type.Null()], {
      description: 'Masked (6301**********1235) unless unmasked on request by a caller allowed to',
    }),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Masked (139****5678) likewise' }),
    personalDataMasked: Type.Boolean({ description: 'Whether residentId and phone are masked' }),
    certificate: Type.Union([Type.Unsafe<Certificate>({ $ref: 'OfficerCertificate' }), Type.Null()], {
      description: 'The most recently issued enforcement certificate (执法证), or null',
    }),
    version: Version,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Officer', description: 'An enforcement officer (执法人员) or other staff member' },
);
export type Officer = Static<typeof OfficerSchema>;

export const OfficerCreateSchema = StrictObject(
  {
    name: OfficerName,
    unitId: Type.Optional({ ...Uuid, description: 'A unit of your agency' }),
    roles: Roles,
    legalQualification: LegalQualificationInput,
    residentId: Type.Optional(ResidentId),
    phone: Type.Optional(Phone),
    certificate: Type.Optional(Type.Unsafe<CertificateIssue>({ $ref: 'OfficerCertificateIssue' })),
  },
  {
    $id: 'OfficerCreate',
    description: 'A new officer (执法人员), optionally with their enforcement certificate',
  },
);
export type OfficerCreate = Static<typeof OfficerCreateSchema>;

export const OfficerUpdateSchema = strict(
  Type.Partial(
    Type.Object({
      name: OfficerName,
      unitId: Type.Union([Uuid, Type.Null()]),
      roles: Roles,
      legalQualification: LegalQualificationInput,
      residentId: Type.Union([ResidentId, Type.Null()]),
      phone: Type.Union([Phone, Type.Null()]),
    }),
  ),
  {
    $id: 'OfficerUpdate',
    minProperties: 1,
    description: 'Changes to an officer; only the fields sent change, null clears an optional one',
  },
);
export type OfficerUpdate = Static<typeof OfficerUpdateSchema>;

export const OfficerPageSchema = Page(Type.Unsafe<Officer>({ $ref: 'Officer' }), 'OfficerPage');

const Reason = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: '\\S',
  description: 'Reason, for the record',
});

export const DepartureSchema = StrictObject(
  {
    effectiveOn: {
      ...IsoDate,
      description: 'Day of retirement or transfer; from it the certificate is cancelled',
    },
    reason: Reason,
  },
  { $id: 'OfficerDeparture', description: 'Retirement (退休) or transfer (调离) of an officer' },
);
export type Departure = Static<typeof DepartureSchema>;

export const CertificateActionSchema = StrictObject(
  {
    effectiveOn: {
      ...IsoDate,
      description: 'Day the change takes effect; not before the last recorded change',
    },
    reason: Reason,
  },
  {
    $id: 'CertificateStatusAction',
    description: 'A dated suspension (暂扣), reinstatement or cancellation (注销)',
  },
);
export type CertificateAction = Static<typeof CertificateActionSchema>;

export const CertificateValiditySchema = Type.Object(
  {
    officerId: Uuid,
    date: IsoDate,
    valid: Type.Boolean({
      description: 'Whether a certificate backs an enforcement act by the officer on date',
    }),
    reason: Type.Union([InvalidityReason, Type.Null()]),
    certificate: Type.Union([
      Type.Object(
        {
          id: Uuid,
          number: CertificateNumber,
          issuingAuthority: IssuingAuthority,
          validFrom: IsoDate,
          validTo: IsoDate,
          status: CertificateStatus,
          statusOnDate: Type.Union([CertificateStatus, Type.Null()], {
            description: 'The status in force on date by the dated history (null before its first change)',
          }),
        },
        { description: 'The certificate that backs the act, or the one that explains why none does' },
      ),
      Type.Null(),
    ]),
  },
  {
    $id: 'CertificateValidity',
    description: 'Whether an officer’s enforcement certificate (执法证) was valid on a date, and if not why',
  },
);
export type CertificateValidity = Static<typeof CertificateValiditySchema>;

export const OfficerStatsSchema = Type.Object(
  {
    date: IsoDate,
    activeOfficers: Type.Integer({ description: 'Officers not retired or transferred on date' }),
    officersWithValidCertificate: Type.Integer({
      description: 'Active officers whose enforcement certificate (执法证) is valid on date',
    }),
    legalReviewers: Type.Integer({
      description: 'Active officers holding the legal_reviewer role (法制审核员)',
    }),
    legalReviewerRatio: Type.Union([Type.Number(), Type.Null()], {
      description:
        'legalReviewers / officersWithValidCertificate; null when no officer holds a valid certificate',
    }),
    minimumRatio: Type.Number({ description: 'The configured minimum (officers.min_legal_reviewer_ratio)' }),
    minimumRatioBasis: Type.String({
      description: 'The agency’s basis for the minimum, or the default’s source',
    }),
    minimumRatioEffectiveFrom: Type.Union([IsoDate, Type.Null()], { description: 'Null for the default' }),
    belowMinimum: Type.Boolean({ description: 'Flagged when the ratio is below the minimum' }),
    year: Type.Integer({ description: 'The calendar year of date' }),
    certificatesCancelled: Type.Integer({
      description:
        'Certificates cancelled (注销) with effect in that year, e.g. of retired or transferred officers',
    }),
  },
  {
    $id: 'OfficerStats',
    description:
      'Officer and certificate statistics (执法人员统计) and the legal-reviewer ratio (RULES.md §11)',
  },
);
export type OfficerStats = Static<typeof OfficerStatsSchema>;

export const OfficerParams = StrictObject({ officerId: Uuid });
export const CertificateParams = StrictObject({ officerId: Uuid, certificateId: Uuid });
export const OfficerListQuery = StrictObject({
  ...PageQuery,
  employmentStatus: Type.Optional(EmploymentStatus),
  role: Type.Optional(Role),
  unitId: Type.Optional(Uuid),
});
export const OfficerReadQuery = StrictObject({
  unmask: Type.Optional(
    Type.Boolean({
      default: false,
      description: 'Show residentId and phone in full; needs personal_data.unmask, and the read is audited',
    }),
  ),
});
export const DateQuery = StrictObject({
  date: Type.Optional({ ...IsoDate, description: 'The date to evaluate; default today (China time)' }),
});

export const officerSchemas = [
  CertificateIssueSchema,
  CertificateSchema,
  OfficerSchema,
  OfficerCreateSchema,
  OfficerUpdateSchema,
  OfficerPageSchema,
  DepartureSchema,
  CertificateActionSchema,
  CertificateValiditySchema,
  OfficerStatsSchema,
];

/**
 * The credit registers (经营异常名录, 严重违法失信名单) and credit restoration applications (信用修复, RULES.md
 * §5): their steps, clocks, eligibility condition by condition, and the year's figures.
 */
import { type Static, Type } from 'typebox';
import { RESTORATION_CONDITIONS } from '../../domain/publicity/publicity';
import {
  RESTORATION_KINDS,
  RESTORATION_STATUS_CODES,
  RESTORATION_STATUSES,
} from '../../domain/publicity/restoration';
import {
  DateTime,
  describe,
  IsoDate,
  Nullable,
  On,
  Page,
  PageQuery,
  StrictObject,
  Text,
  Uuid,
} from '../../http/schemas';

const CreditCode = (description: string) =>
  Type.String({ format: 'unified-social-credit-code', description });

const LISTS = {
  abnormal_operation: '经营异常名录 (abnormal-operation list)',
  serious_violation: '严重违法失信名单 (serious-violation list)',
};
const ListName = Type.Enum(Object.keys(LISTS) as (keyof typeof LISTS)[], {
  description: `The register: ${describe(LISTS)}`,
});

// ---------------------------------------------------------------------------------------------------
// Registers

export const CreditListEntryCreateSchema = StrictObject(
  {
    list: ListName,
    entityName: Text(200, 'The listed entity (企业名称)'),
    creditCode: CreditCode('The entity’s unified social credit code (统一社会信用代码, GB 32100-2015)'),
    reason: Text(2000, 'Why it was listed (列入事由, e.g. 未按规定报送年度报告)'),
    listedOn: On('Date of the listing decision (列入日期)'),
    decisionRef: Text(100, 'The listing decision’s reference (列入决定书文号)'),
    listedBy: Type.Optional(
      Text(200, 'The authority that listed (作出决定机关); default: this agency’s name'),
    ),
    ownListing: Type.Optional(
      Type.Boolean({
        description:
          'Listed by this agency (default true): only then may it remove the entry (谁列入、谁移出, CRM art. 4). ' +
          'false records another authority’s listing (e.g. the provincial bureau’s) for eligibility only',
      }),
    ),
  },
  {
    $id: 'CreditListEntryCreate',
    description: 'An entry of the abnormal-operation or serious-violation list',
  },
);
export type CreditListEntryCreate = Static<typeof CreditListEntryCreateSchema>;

export const CreditListEntrySchema = Type.Object(
  {
    id: Uuid,
    list: ListName,
    entityName: Type.String(),
    creditCode: Type.String(),
    reason: Type.String(),
    listedOn: IsoDate,
    listedBy: Type.String(),
    ownListing: Type.Boolean(),
    decisionRef: Type.String(),
    active: Type.Boolean({ description: 'Not removed' }),
    removal: Nullable(
      Type.Object({
        on: IsoDate,
        reason: Type.String(),
        restorationId: Nullable(Uuid, 'The credit restoration (信用修复) that removed it, if one did'),
      }),
      'The removal (移出), null while listed',
    ),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  {
    $id: 'CreditListEntry',
    description:
      'An entry of the abnormal-operation list (经营异常名录) or serious-violation list (严重违法失信名单)',
  },
);
export type CreditListEntryView = Static<typeof CreditListEntrySchema>;

export const CreditListEntryPageSchema = Page(
  Type.Unsafe<CreditListEntryView>({ $ref: 'CreditListEntry' }),
  'CreditListEntryPage',
);

export const CreditListQuery = StrictObject({
  ...PageQuery,
  list: Type.Optional(ListName),
  creditCode: Type.Optional(Type.String({ minLength: 18, maxLength: 18, description: 'This entity' })),
  active: Type.Optional(Type.Boolean({ description: 'true: still listed; false: removed' })),
});
export type CreditListQuery = Static<typeof CreditListQuery>;

export const CreditListEntryParams = StrictObject({ creditListEntryId: Uuid });

export const CreditListRemoveSchema = StrictObject(
  {
    on: On('Date of the removal decision (移出日期)'),
    reason: Text(2000, 'Why (e.g. 已补报年度报告, 通过登记的住所可以联系)'),
  },
  { $id: 'CreditListRemove' },
);
export type CreditListRemove = Static<typeof CreditListRemoveSchema>;

// ---------------------------------------------------------------------------------------------------
// Restoration applications

const KIND_CODES = Object.keys(RESTORATION_KINDS) as (keyof typeof RESTORATION_KINDS)[];
export const RestorationKindSchema = Type.Enum(KIND_CODES, {
  $id: 'CreditRestorationKind',
  description: `Kind of credit restoration (信用修复): ${describe(RESTORATION_KINDS)}`,
});
const KindRef = Type.Unsafe<Static<typeof RestorationKindSchema>>({ $ref: 'CreditRestorationKind' });

export const RestorationStatusSchema = Type.Enum(RESTORATION_STATUS_CODES, {
  $id: 'CreditRestorationStatus',
  description: `Status of a credit restoration application: ${describe(RESTORATION_STATUSES)}`,
});
const StatusRef = Type.Unsafe<Static<typeof RestorationStatusSchema>>({ $ref: 'CreditRestorationStatus' });

const MATERIAL_KINDS = {
  application: '信用修复申请书',
  pledge: '守信承诺书',
  proof_of_performance: '履行义务的证明 (e.g. the fine’s payment receipt)',
  proof_of_correction: '整改到位的证明 (e.g. the annual report filed)',
  other: '其他材料',
};
const Material = StrictObject({
  kind: Type.Enum(Object.keys(MATERIAL_KINDS) as (keyof typeof MATERIAL_KINDS)[], {
    description: describe(MATERIAL_KINDS),
  }),
  title: Text(300, 'The document’s title'),
  fileRef: Text(500, 'Where the file is kept (a storage key or archive number)'),
  sha256: Type.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'SHA-256 of the file, 64 lower-case hex digits',
  }),
});

export const CreditRestorationCreateSchema = StrictObject(
  {
    kind: KindRef,
    applicant: StrictObject(
      {
        name: Text(200, 'The applicant (申请人): the party or the listed entity'),
        creditCode: CreditCode('统一社会信用代码: must be the publication’s party’s or the listed entity’s'),
      },
      { description: 'The applicant' },
    ),
    publicationId: Type.Optional({
      ...Uuid,
      description: 'For stop_publicity: the publication (行政处罚信息公示) of this agency to stop early',
    }),
    listEntryId: Type.Optional({
      ...Uuid,
      description: 'For the list removals: the entry of this agency’s register to remove',
    }),
    materials: Type.Array(Material, {
      minItems: 1,
      maxItems: 50,
      description:
        'The materials (CRM art. 8): the application, the pledge and the proof of performance (stop_publicity, ' +
        'serious_list_early_removal), or the application and the proof of correction (abnormal_list_removal)',
    }),
    submittedOn: On('Date the application was received (申请日期)'),
  },
  { $id: 'CreditRestorationCreate', description: 'A credit restoration application (信用修复申请)' },
);
export type CreditRestorationCreate = Static<typeof CreditRestorationCreateSchema>;

const CONDITION_CODES = Object.keys(RESTORATION_CONDITIONS) as (keyof typeof RESTORATION_CONDITIONS)[];
export const EligibilityConditionSchema = Type.Object(
  {
    code: Type.Enum(CONDITION_CODES, {
      description: 'The condition, named after its failure (met: false means the condition fails)',
    }),
    met: Type.Boolean(),
    rule: Type.String({ description: 'Its legal source' }),
    message: Type.String(),
    detail: Type.String({
      description: 'The facts found, e.g. the earliest date or the later decision numbers',
    }),
  },
  {
    $id: 'EligibilityCondition',
    description: 'One eligibility condition of a credit restoration, as checked',
  },
);
const EligibilityRef = Type.Unsafe<Static<typeof EligibilityConditionSchema>>({
  $ref: 'EligibilityCondition',
});

export const RestorationClockSchema = Type.Object(
  {
    name: Type.Enum(['acceptance', 'decision'], {
      description:
        'acceptance 受理 (setting credit_restoration.working_days.accept, from submission); decision 修复决定 ' +
        '(.decide, or .abnormalListRemoval for abnormal_list_removal, from acceptance)',
    }),
    rule: Type.Object({ code: Type.String(), citation: Type.String(), description: Type.String() }),
    start: IsoDate,
    days: Type.Integer(),
    unit: Type.Enum(['working']),
    dueDate: Nullable(IsoDate),
    state: Type.Enum(['running', 'paused', 'overdue', 'completed', 'completed_late']),
    daysLeft: Nullable(Type.Integer(), 'Working days left (0 = due today); negative when overdue'),
    atRisk: Type.Boolean({ description: 'Running with 1 working day or less left (临期)' }),
    overdue: Type.Boolean(),
    provisional: Type.Boolean({
      description: 'The due date reaches into a year whose holiday notice is not loaded',
    }),
  },
  { $id: 'CreditRestorationClock', description: 'A processing clock of a credit restoration application' },
);
const ClockRef = Type.Unsafe<Static<typeof RestorationClockSchema>>({ $ref: 'CreditRestorationClock' });

export const CreditRestorationSchema = Type.Object(
  {
    id: Uuid,
    kind: KindRef,
    status: StatusRef,
    pending: Type.Boolean({ description: 'Submitted, accepted or verified: not yet decided' }),
    applicant: Type.Object({ name: Type.String(), creditCode: Type.String() }),
    publicationId: Nullable(Uuid),
    listEntryId: Nullable(Uuid),
    materials: Type.Array(
      Type.Object({
        kind: Type.String(),
        title: Type.String(),
        fileRef: Type.String(),
        sha256: Type.String(),
      }),
    ),
    submittedOn: IsoDate,
    acceptedOn: Nullable(IsoDate),
    verifiedOn: Nullable(IsoDate),
    decidedOn: Nullable(IsoDate, 'Approved, refused or not accepted on'),
    reasons: Nullable(Type.String(), 'Why it was not accepted or refused'),
    eligibility: Type.Array(EligibilityRef, {
      description:
        'Every eligibility condition as checked at submission, re-checked at verification and at approval',
    }),
    eligibilityCheckedOn: IsoDate,
    eligible: Type.Boolean({ description: 'Every condition met when last checked' }),
    revocation: Nullable(
      Type.Object({ on: IsoDate, reason: Type.String() }),
      'Revoked (obtained with false materials): the previous state was restored',
    ),
    clocks: Type.Array(ClockRef),
    overdue: Type.Boolean({ description: 'Some clock is overdue' }),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'CreditRestoration', description: 'A credit restoration application (信用修复) and its steps' },
);
export type CreditRestorationView = Static<typeof CreditRestorationSchema>;

export const CreditRestorationPageSchema = Page(
  Type.Unsafe<CreditRestorationView>({ $ref: 'CreditRestoration' }),
  'CreditRestorationPage',
);

export const CreditRestorationListQuery = StrictObject({
  ...PageQuery,
  kind: Type.Optional(Type.Array(KindRef, { minItems: 1, maxItems: 3, description: 'Any of these kinds' })),
  status: Type.Optional(
    Type.Array(StatusRef, {
      minItems: 1,
      maxItems: RESTORATION_STATUS_CODES.length,
      description: 'Any of these statuses',
    }),
  ),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2099, description: 'Submitted in this year' })),
  overdue: Type.Optional(
    Type.Boolean({ description: 'true: some clock is overdue today (computed on read)' }),
  ),
});
export type CreditRestorationListQuery = Static<typeof CreditRestorationListQuery>;

export const CreditRestorationParams = StrictObject({ creditRestorationId: Uuid });

export const CREDIT_RESTORATION_STEP_BODIES = {
  accept: StrictObject({ on: On('Date of acceptance (受理)') }),
  'not-accept': StrictObject({
    on: On('Date of the decision not to accept (不予受理)'),
    reasons: Text(2000, 'Why (e.g. 不属于本机关修复范围)'),
  }),
  verify: StrictObject({
    on: On('Date of verification (核查): the eligibility is checked again as of this day and stored'),
    note: Text(2000, 'What was verified (kept in the audit trail)'),
  }),
  approve: StrictObject({
    on: On('Date of the approval (准予修复): every eligibility condition must be met on this day'),
  }),
  refuse: StrictObject({
    on: On('Date of the refusal (不予修复)'),
    reasons: Text(2000, 'Why'),
  }),
  revoke: StrictObject({
    on: On('Date of the revocation (撤销信用修复决定)'),
    reason: Text(2000, 'The false materials found (提供虚假材料)'),
  }),
} as const;
export type CreditRestorationStepName = keyof typeof CREDIT_RESTORATION_STEP_BODIES;
export type CreditRestorationStepBody<S extends CreditRestorationStepName> = Static<
  (typeof CREDIT_RESTORATION_STEP_BODIES)[S]
>;

export const CreditRestorationStatsQuery = StrictObject({
  year: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2099, description: 'Default: this year (China time)' }),
  ),
});

export const CreditRestorationStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    completed: Type.Object(
      {
        total: Type.Integer(),
        byKind: Type.Object(
          Object.fromEntries(KIND_CODES.map((k) => [k, Type.Integer({ description: RESTORATION_KINDS[k] })])),
        ),
      },
      {
        description:
          'Restorations completed (approved and not revoked) in the year, by date of approval: the seed report’s ' +
          '“完成信用修复3957件” counts these',
      },
    ),
    submitted: Type.Integer({ description: 'Applications submitted in the year' }),
    notAccepted: Type.Integer({ description: 'Not accepted (不予受理) in the year' }),
    refused: Type.Integer({ description: 'Refused (不予修复) in the year' }),
    revoked: Type.Integer({ description: 'Restorations revoked (false materials) in the year' }),
    pending: Type.Integer({
      description: 'Applications of the year still pending (submitted, accepted, verified)',
    }),
    overdue: Type.Integer({ description: 'Of those, with a clock overdue today' }),
  },
  { $id: 'CreditRestorationStats', description: '信用修复统计: the year’s credit restoration figures' },
);
export type CreditRestorationStats = Static<typeof CreditRestorationStatsSchema>;

export const creditRestorationSchemas = [
  CreditListEntryCreateSchema,
  CreditListEntrySchema,
  CreditListEntryPageSchema,
  CreditListRemoveSchema,
  RestorationKindSchema,
  RestorationStatusSchema,
  CreditRestorationCreateSchema,
  EligibilityConditionSchema,
  RestorationClockSchema,
  CreditRestorationSchema,
  CreditRestorationPageSchema,
  CreditRestorationStatsSchema,
];

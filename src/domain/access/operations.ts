/**
 * The role × operation matrix: every route names the operation it performs, and only these roles
 * (or API keys scoped to it) may perform it. README "Roles and operations" shows the same table;
 * test/api/access-matrix.test.ts walks all of it.
 *
 * Object-level rule, on top of this table: a caller only ever sees its own agency's records;
 * another agency's ids answer 404 exactly like missing ones. `system_admin` alone works across
 * agencies, and only on the agency registry and the national calendar.
 */
import type { Role } from './roles';

/** Everyone who may read the bureau's ordinary reference data. */
const EVERY_ROLE: Role[] = [
  'officer',
  'unit_head',
  'legal_reviewer',
  'bureau_head',
  'supervisor',
  'credit_officer',
  'admin',
  'auditor',
  'system_admin',
];
const OVERSIGHT: Role[] = ['bureau_head', 'supervisor', 'admin', 'auditor'];

interface OperationDefinition {
  description: string;
  roles: Role[];
  /** Whether API keys (system clients) may be scoped to it. */
  apiKeys: boolean;
}

function op(description: string, roles: Role[], apiKeys = false): OperationDefinition {
  return { description, roles, apiKeys };
}

export const OPERATIONS = {
  'agencies.read': op('Read agencies (own agency; system_admin: all)', EVERY_ROLE, true),
  'agencies.create': op('Register an agency', ['system_admin']),
  'agencies.update': op('Change an agency', ['admin', 'system_admin']),
  'units.read': op('Read units (科室 / 所)', EVERY_ROLE, true),
  'units.write': op('Create, change or dissolve units', ['admin']),
  'document_numbers.read': op('Read number formats, the register and counters (文号)', EVERY_ROLE, true),
  'document_numbers.configure': op('Set document-number formats', ['admin']),
  'document_numbers.allocate': op('Issue a number for a document made outside Fazhi', [
    'officer',
    'unit_head',
    'admin',
  ]),
  'rule_settings.read': op('Read configurable rules (规则设置)', EVERY_ROLE, true),
  'rule_settings.write': op('Set a configurable rule from a date', ['admin', 'bureau_head']),
  'calendar.read': op('Read the working-day calendar and compute deadlines', EVERY_ROLE, true),
  'calendar.write': op('Load holiday notices and edit calendar days', ['system_admin']),
  'officers.read': op('Read officers (执法人员); personal data masked', EVERY_ROLE, true),
  'officers.write': op('Register and change officers, their roles and certificates', ['admin']),
  'officers.stats': op('Officer and certificate statistics, legal-reviewer ratio', [
    ...OVERSIGHT,
    'legal_reviewer',
  ]),
  'personal_data.unmask': op('Read unmasked resident ID and phone numbers (audited)', ['admin']),
  'api_keys.manage': op('Create, list and revoke API keys for system clients', ['admin']),
  'audit.read': op('Read the audit trail and verify its hash chain', ['auditor', 'supervisor']),
  'cases.read': op('Read enforcement cases (行政处罚案件), their clocks and timelines', EVERY_ROLE, true),
  'cases.write': op('Register leads, record case steps (立案、调查、审核、告知、听证、决定)', [
    'officer',
    'unit_head',
    'legal_reviewer',
    'bureau_head',
    'admin',
  ]),
  'on_the_spot.read': op(
    'Read on-the-spot penalties (当场处罚), their filing clocks, reviews and statistics',
    EVERY_ROLE,
    true,
  ),
  'on_the_spot.write': op('Record on-the-spot penalty decisions (当场处罚决定) and their filing (备案)', [
    'officer',
    'unit_head',
  ]),
  'on_the_spot.review': op('Review on-the-spot decision forms (文书审查)', [
    'legal_reviewer',
    'supervisor',
    'bureau_head',
  ]),
  'power_list.read': op(
    'Read the power and responsibility list (权责清单), as of any date',
    EVERY_ROLE,
    true,
  ),
  'power_list.adjust': op('Adjust the power list (动态调整), import it', [
    'admin',
    'legal_reviewer',
    'bureau_head',
  ]),
  'discretion.assess': op(
    'Assess a penalty against the discretion benchmarks (裁量基准)',
    ['officer', 'unit_head', 'legal_reviewer', 'bureau_head', 'supervisor', 'admin'],
    true,
  ),
  'criminal_transfers.read': op(
    'Read criminal transfers to the police (行刑衔接), their clocks, joint cases and statistics',
    EVERY_ROLE,
    true,
  ),
  'criminal_transfers.write': op(
    'Record criminal transfers (移送报告、审批、移送、回执、立案、复议、移交、退回) and joint cases with the police',
    ['officer', 'unit_head', 'legal_reviewer', 'bureau_head', 'admin'],
  ),
  'reconsiderations.read': op(
    'Read reconsideration applications (行政复议), their clocks, effects and statistics',
    EVERY_ROLE,
    true,
  ),
  'reconsiderations.write': op(
    'Record reconsideration applications and their steps (受理、答复、中止、延期、复议决定、撤回、终止)',
    ['officer', 'unit_head', 'legal_reviewer', 'bureau_head', 'admin'],
  ),
  'litigations.read': op(
    'Read lawsuits (行政诉讼), their clocks, hearings, effects and statistics',
    EVERY_ROLE,
    true,
  ),
  'litigations.write': op('Record lawsuits and their steps (答辩、庭审、判决裁定调解、上诉、生效)', [
    'officer',
    'unit_head',
    'legal_reviewer',
    'bureau_head',
    'admin',
  ]),
  'credit.read': op(
    'Read the credit registers (经营异常名录, 严重违法失信名单) and credit restorations (信用修复), their clocks and statistics',
    EVERY_ROLE,
    true,
  ),
  'credit.write': op(
    'Record register entries and removals, and credit restoration applications and their steps (受理、核查、准予、不予、撤销)',
    ['credit_officer', 'legal_reviewer', 'bureau_head', 'admin'],
  ),
  'publications.read': op(
    'Read penalty publications (行政处罚信息公示), their clocks and restoration notices',
    EVERY_ROLE,
    true,
  ),
  'publications.write': op('Record publication steps (公示、撤回、更正) and run the expiry', [
    'credit_officer',
    'legal_reviewer',
    'bureau_head',
    'admin',
    'officer',
  ]),
  'spot_checks.write': op('Record spot checks (抽查) of correction orders and interview records', [
    'supervisor',
    'legal_reviewer',
    'bureau_head',
  ]),
  'spot_checks.read': op(
    'Spot-check figures (抽查统计) of correction orders and interview records',
    [...OVERSIGHT, 'legal_reviewer'],
    true,
  ),
} as const satisfies Record<string, OperationDefinition>;

export type Operation = keyof typeof OPERATIONS;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as Operation[];

export function isOperation(value: string): value is Operation {
  return Object.hasOwn(OPERATIONS, value);
}

/** Whether any of the roles may perform the operation. Pure: the matrix test and the hook both use it. */
export function rolesAllow(roles: readonly Role[], operation: Operation): boolean {
  const allowed: readonly Role[] = OPERATIONS[operation].roles;
  return roles.some((role) => allowed.includes(role));
}

/**
 * The demo bureau for development and tests: 城东区市场监督管理局 (code 东, Xining, Qinghai), the
 * bureau of the seed report, with its units and one officer in every role. Seeding is idempotent
 * (an existing bureau of that region and name is reused) and audited like any other write.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../db/columns';
import { ROLE_NAMES, type Role } from '../../domain/access/roles';
import type { HashAlgorithm } from '../../domain/audit/hash-chain';
import { changedFields } from '../../domain/audit/hash-chain';
import { provinceOfRegion } from '../../domain/regions/provinces';
import { agencies, units } from '../agencies/agencies.table';
import { type AuditEventInput, appendAuditEvents, PLATFORM_CHAIN } from '../audit/audit.service';
import { certificateStatusChanges, certificates, officers } from '../officers/officers.table';
import { ruleSettings } from '../rule-settings/rule-settings.table';

export interface BureauSpec {
  name: string;
  code: string;
  regionCode: string;
}

export const DEMO_BUREAU: BureauSpec = { name: '城东区市场监督管理局', code: '东', regionCode: '630102' };

const DEMO_UNITS = [
  { name: '法规科', kind: 'section' },
  { name: '综合执法大队', kind: 'team' },
  { name: '韵家口市场监管所', kind: 'station' },
  { name: '信用监管科', kind: 'section' },
] as const;

/** One demo officer per role; names are invented. */
const DEMO_OFFICERS: Record<Role, { name: string; unit: number; legalQualification?: boolean }> = {
  officer: { name: '李执法', unit: 1 },
  unit_head: { name: '王队长', unit: 1 },
  legal_reviewer: { name: '赵审核', unit: 0, legalQualification: true },
  bureau_head: { name: '陈局长', unit: 0 },
  supervisor: { name: '孙监督', unit: 0 },
  credit_officer: { name: '周信用', unit: 3 },
  admin: { name: '吴管理', unit: 0 },
  auditor: { name: '郑审计', unit: 0 },
  system_admin: { name: '平台运维', unit: 0 },
};

export interface SeededBureau {
  agencyId: string;
  adminId: string;
  /** Officer id per role. */
  officers: Record<Role, string>;
}

export async function seedBureau(
  db: Db,
  bureau: BureauSpec,
  now: Date,
  algorithm: HashAlgorithm,
  /** Extra enforcement officers (role officer, certified) beyond one per role. */
  extraOfficers = 0,
): Promise<SeededBureau> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.regionCode, bureau.regionCode), eq(agencies.name, bureau.name)));
    if (existing) {
      const rows = await tx
        .select({ id: officers.id, roles: officers.roles })
        .from(officers)
        .where(eq(officers.agencyId, existing.id))
        .orderBy(asc(officers.id));
      const byRole = Object.fromEntries(
        ROLE_NAMES.map((role) => [
          role,
          rows.find((r) => r.roles.length === 1 && r.roles[0] === role)?.id ?? '',
        ]),
      ) as Record<Role, string>;
      return { agencyId: existing.id, adminId: byRole.admin, officers: byRole };
    }

    const agencyId = newId();
    const province = provinceOfRegion(bureau.regionCode);
    if (!province) throw new Error(`not a mainland region code: ${bureau.regionCode}`);
    await tx.insert(agencies).values({ id: agencyId, ...bureau, province, createdAt: now, updatedAt: now });
    const events: AuditEventInput[] = [
      {
        chainId: PLATFORM_CHAIN,
        action: 'agency.created',
        entityType: 'agency',
        entityId: agencyId,
        changes: changedFields(null, { ...bureau, province }),
      },
    ];

    const unitIds = DEMO_UNITS.map(() => newId());
    await tx
      .insert(units)
      .values(DEMO_UNITS.map((u, i) => ({ agencyId, id: unitIds[i], ...u, createdAt: now, updatedAt: now })));
    DEMO_UNITS.forEach((u, i) => {
      const changes = changedFields(null, { ...u, status: 'active' });
      events.push({
        chainId: agencyId,
        action: 'unit.created',
        entityType: 'unit',
        entityId: unitIds[i] ?? '',
        changes,
      });
    });

    const officerIds = {} as Record<Role, string>;
    const year = now.getUTCFullYear();
    const staff: { role: Role; spec: { name: string; unit: number; legalQualification?: boolean } }[] = [
      ...ROLE_NAMES.map((role) => ({ role, spec: DEMO_OFFICERS[role] })),
      ...Array.from({ length: extraOfficers }, (_, i) => ({
        role: 'officer' as const,
        spec: { name: `执法队员${String(i + 1).padStart(2, '0')}`, unit: 1 + (i % 2) },
      })),
    ];
    for (const [index, { role, spec }] of staff.entries()) {
      const id = newId();
      officerIds[role] ??= id;
      await tx.insert(officers).values({
        agencyId,
        id,
        name: spec.name,
        unitId: unitIds[spec.unit] ?? null,
        roles: [role],
        legalQualification: spec.legalQualification ?? false,
        createdAt: now,
        updatedAt: now,
      });
      // Enforcement staff hold a certificate (执法证) valid for the demo years.
      if (role !== 'system_admin' && role !== 'auditor') {
        const certificateId = newId();
        await tx.insert(certificates).values({
          agencyId,
          id: certificateId,
          officerId: id,
          number: `${bureau.code}${String(index + 1).padStart(4, '0')}`,
          issuingAuthority: '青海省人民政府',
          validFrom: `${year - 2}-01-01`,
          validTo: `${year + 3}-12-31`,
          createdAt: now,
          updatedAt: now,
        });
        await tx.insert(certificateStatusChanges).values({
          agencyId,
          certificateId,
          seq: 1,
          status: 'active',
          effectiveOn: `${year - 2}-01-01`,
          reason: 'issued (demo)',
          createdAt: now,
        });
        events.push({
          chainId: agencyId,
          action: 'certificate.issued',
          entityType: 'certificate',
          entityId: certificateId,
          changes: changedFields(null, {
            officerId: id,
            number: `${bureau.code}${String(index + 1).padStart(4, '0')}`,
          }),
        });
      }
      events.push({
        chainId: agencyId,
        action: 'officer.created',
        entityType: 'officer',
        entityId: id,
        changes: changedFields(null, { name: spec.name, roles: [role], employmentStatus: 'active' }),
      });
    }

    // The seed bureau's own practice, from its 2024 rule-of-law report: publication within 7 working
    // days, and a legal review (法制审核) of every case before deciding.
    const practice = [
      {
        key: 'publication.working_days',
        value: 7,
        basis: '城东区市场监督管理局: publication within 7 working days (2024 rule-of-law report)',
      },
      {
        key: 'legal_review.all_cases',
        value: true,
        basis: '城东区市场监督管理局: every penalty case passes legal review (2024 rule-of-law report)',
      },
    ];
    for (const setting of practice) {
      await tx.insert(ruleSettings).values({
        agencyId,
        key: setting.key,
        effectiveFrom: `${year - 2}-01-01`,
        value: setting.value,
        basis: setting.basis,
        createdAt: now,
      });
      events.push({
        chainId: agencyId,
        action: 'rule_setting.set',
        entityType: 'rule_setting',
        entityId: setting.key,
        changes: changedFields(null, { value: setting.value, effectiveFrom: `${year - 2}-01-01` }),
      });
    }

    await appendAuditEvents(
      tx,
      {
        actorType: 'system',
        actorId: 'demo-seed',
        requestId: 'demo-seed',
        clientAddress: null,
        occurredAt: now,
        algorithm,
      },
      events,
    );
    return { agencyId, adminId: officerIds.admin, officers: officerIds };
  });
}

/**
 * The development demo: one officer per role plus 20 more certified enforcement officers, so the
 * single legal reviewer is below the 5 % line, as the seed report's bureau was (RULES.md §11).
 */
export function seedDemoBureau(db: Db, now: Date, algorithm: HashAlgorithm): Promise<SeededBureau> {
  return seedBureau(db, DEMO_BUREAU, now, algorithm, 20);
}

/**
 * Agencies (市场监督管理局) and their units (科室 / 所): the roots every other record hangs from.
 */
import type { Executor } from '../../db/client';
import { newId } from '../../db/columns';
import { changedFields } from '../../domain/audit/hash-chain';
import { provinceCodeOfRegion, provinceOfRegion } from '../../domain/regions/provinces';
import { staleVersion } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { HttpProblem, notFound } from '../../http/problems';
import { DEFAULT_PAGE_LIMIT } from '../../http/schemas';
import { canCrossAgencies, type Principal } from '../../plugins/auth';
import type { WriteContext } from '../../plugins/writes';
import { PLATFORM_CHAIN } from '../audit/audit.service';
import { officers } from '../officers/officers.table';
import * as repo from './agencies.repository';
import type {
  Agency,
  AgencyCreate,
  AgencyCreated,
  AgencyUpdate,
  Unit,
  UnitCreate,
  UnitUpdate,
} from './agencies.schemas';

function toAgency(row: repo.AgencyRow): Agency {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    regionCode: row.regionCode,
    province: row.province,
    provinceCode: provinceCodeOfRegion(row.regionCode),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toUnit(row: repo.UnitRow): Unit {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    kind: row.kind,
    status: row.status,
    dissolvedOn: row.dissolvedOn,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function invalid(pointer: string, message: string): HttpProblem {
  return new HttpProblem('VALIDATION_FAILED', `body${pointer} ${message}`, {
    errors: [{ in: 'body', pointer, message }],
  });
}

/** The province follows from the region code (GB/T 2260); a stated one must agree with it. */
function resolveProvince(regionCode: string, stated: string | undefined): string {
  const province = provinceOfRegion(regionCode);
  if (!province) throw invalid('/regionCode', 'does not start with a mainland province code (GB/T 2260)');
  if (stated !== undefined && stated !== province) {
    throw invalid('/province', `does not match regionCode ${regionCode}, which lies in ${province}`);
  }
  return province;
}

export async function createAgency(ctx: WriteContext, input: AgencyCreate): Promise<AgencyCreated> {
  const province = resolveProvince(input.regionCode, input.province);
  if (await repo.findAgencyByRegionAndName(ctx.tx, input.regionCode, input.name)) {
    throw new HttpProblem(
      'DUPLICATE',
      `An agency named ${input.name} already exists in region ${input.regionCode}`,
    );
  }
  const row = await repo.insertAgency(ctx.tx, {
    name: input.name,
    code: input.code,
    regionCode: input.regionCode,
    province,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const agency = toAgency(row);
  // The registry of agencies is platform data: its events go to the platform chain.
  ctx.audit({
    chainId: PLATFORM_CHAIN,
    action: 'agency.created',
    entityType: 'agency',
    entityId: agency.id,
    changes: changedFields(null, agency),
  });
  if (!input.administrator) return { ...agency, administrator: null };
  const administrator = { id: newId(), name: input.administrator.name };
  await ctx.tx.insert(officers).values({
    agencyId: agency.id,
    id: administrator.id,
    name: administrator.name,
    roles: ['admin'],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  ctx.audit({
    chainId: agency.id,
    action: 'officer.created',
    entityType: 'officer',
    entityId: administrator.id,
    changes: changedFields(null, { name: administrator.name, roles: ['admin'], employmentStatus: 'active' }),
  });
  return { ...agency, administrator };
}

export async function getAgency(ex: Executor, id: string): Promise<Agency> {
  const row = await repo.findAgency(ex, id);
  if (!row) throw notFound('Agency', id);
  return toAgency(row);
}

/** Agencies the caller may see: all of them for a platform operator, otherwise its own. */
export async function listAgencies(
  ex: Executor,
  caller: Principal,
  query: { limit?: number; cursor?: string },
) {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
  const only = canCrossAgencies(caller, 'agencies.read') ? undefined : caller.agencyId;
  const rows = await repo.listAgencies(ex, limit, after, only);
  const page = toPage(rows, limit, (row) => ({ id: row.id }));
  return { items: page.items.map(toAgency), nextCursor: page.nextCursor };
}

export async function updateAgency(ctx: WriteContext, id: string, versions: number[], input: AgencyUpdate) {
  const current = await repo.findAgency(ctx.tx, id);
  if (!current) throw notFound('Agency', id);
  if (!versions.includes(current.version)) throw staleVersion(current.version);
  const regionCode = input.regionCode ?? current.regionCode;
  const name = input.name ?? current.name;
  const province =
    input.regionCode !== undefined || input.province !== undefined
      ? resolveProvince(regionCode, input.province)
      : current.province;
  if (regionCode !== current.regionCode || name !== current.name) {
    const other = await repo.findAgencyByRegionAndName(ctx.tx, regionCode, name);
    if (other && other.id !== id)
      throw new HttpProblem('DUPLICATE', `An agency named ${name} already exists in region ${regionCode}`);
  }
  const row = await repo.updateAgency(ctx.tx, id, versions, { ...input, regionCode, province }, ctx.now);
  // The version moved between our read and the update: someone else committed first.
  if (!row) throw staleVersion(current.version + 1);
  const agency = toAgency(row);
  ctx.audit({
    chainId: id,
    action: 'agency.updated',
    entityType: 'agency',
    entityId: id,
    changes: changedFields(toAgency(current), agency),
  });
  return agency;
}

async function requireAgency(ex: Executor, agencyId: string): Promise<void> {
  if (!(await repo.findAgency(ex, agencyId))) throw notFound('Agency', agencyId);
}

export async function createUnit(ctx: WriteContext, agencyId: string, input: UnitCreate): Promise<Unit> {
  await requireAgency(ctx.tx, agencyId);
  if (await repo.findUnitByName(ctx.tx, agencyId, input.name)) {
    throw new HttpProblem('DUPLICATE', `This agency already has a unit named ${input.name}`);
  }
  const row = await repo.insertUnit(ctx.tx, { agencyId, ...input, createdAt: ctx.now, updatedAt: ctx.now });
  const unit = toUnit(row);
  ctx.audit({
    chainId: agencyId,
    action: 'unit.created',
    entityType: 'unit',
    entityId: unit.id,
    changes: changedFields(null, unit),
  });
  return unit;
}

export async function getUnit(ex: Executor, agencyId: string, unitId: string): Promise<Unit> {
  const row = await repo.findUnit(ex, agencyId, unitId);
  if (!row) throw notFound('Unit', unitId);
  return toUnit(row);
}

export async function listUnits(
  ex: Executor,
  agencyId: string,
  query: { limit?: number; cursor?: string; status?: repo.UnitRow['status'] },
) {
  await requireAgency(ex, agencyId);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
  const rows = await repo.listUnits(
    ex,
    agencyId,
    { ...(query.status ? { status: query.status } : {}) },
    limit,
    after,
  );
  const page = toPage(rows, limit, (row) => ({ id: row.id }));
  return { items: page.items.map(toUnit), nextCursor: page.nextCursor };
}

export async function updateUnit(
  ctx: WriteContext,
  agencyId: string,
  unitId: string,
  versions: number[],
  input: UnitUpdate,
) {
  const current = await repo.findUnit(ctx.tx, agencyId, unitId);
  if (!current) throw notFound('Unit', unitId);
  if (!versions.includes(current.version)) throw staleVersion(current.version);
  const status = input.status ?? current.status;
  let dissolvedOn = input.dissolvedOn !== undefined ? input.dissolvedOn : current.dissolvedOn;
  if (status === 'active') {
    if (input.dissolvedOn) throw invalid('/dissolvedOn', 'must be null or absent for an active unit');
    dissolvedOn = null;
  } else if (!dissolvedOn) {
    throw invalid('/dissolvedOn', 'is required when the unit is dissolved');
  }
  if (input.name !== undefined && input.name !== current.name) {
    if (await repo.findUnitByName(ctx.tx, agencyId, input.name)) {
      throw new HttpProblem('DUPLICATE', `This agency already has a unit named ${input.name}`);
    }
  }
  const row = await repo.updateUnit(
    ctx.tx,
    agencyId,
    unitId,
    versions,
    {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      status,
      dissolvedOn,
    },
    ctx.now,
  );
  if (!row) throw staleVersion(current.version + 1);
  const unit = toUnit(row);
  ctx.audit({
    chainId: agencyId,
    action: 'unit.updated',
    entityType: 'unit',
    entityId: unitId,
    changes: changedFields(toUnit(current), unit),
  });
  return unit;
}

/**
 * What the evidence register and the measures on property share with the case steps: problems in
 * the same shape (400 with pointers, 422 CASE_RULE_VIOLATION listing the unmet conditions), the
 * officers named in a body, and the timeline event that every recorded act appends.
 */
import type { Executor } from '../../db/client';
import { type FieldError, HttpProblem } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import { findOfficer } from '../officers/officers.repository';
import * as repo from './cases.repository';

/**
 * 422 CASE_RULE_VIOLATION listing the unmet conditions, as every case step, measure, correction order
 * and criminal transfer answers it.
 */
export function ruleViolation(action: string, problems: readonly { code: string }[]): HttpProblem {
  return new HttpProblem(
    'CASE_RULE_VIOLATION',
    `${action} is not allowed: ${problems.map((p) => p.code).join(', ')}`,
    {
      extensions: { action, unmet: problems },
    },
  );
}

/**
 * Field errors for officer ids in the body that are not officers of the agency: `pointer` names a
 * single id, or with `list` each member of an array of ids (`/collectedBy/1`).
 */
export async function unknownOfficers(
  ex: Executor,
  agencyId: string,
  ids: readonly string[],
  pointer: string,
  options: { list: boolean } = { list: true },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    if (!(await findOfficer(ex, agencyId, id))) {
      const at = options.list ? `${pointer}/${i}` : pointer;
      errors.push({ in: 'body', pointer: at, message: 'is not an officer of your agency' });
    }
  }
  return errors;
}

/**
 * Records an act on the case's timeline (办案记录) and bumps the case's version, since what the case
 * shows (evidence count, clocks) changed. The caller holds the case lock.
 */
export async function recordCaseStep(
  ctx: WriteContext,
  caseId: string,
  step: { action: string; on: string; data: Record<string, unknown>; documentNumber?: string | null },
): Promise<void> {
  const agencyId = ctx.actor.agencyId;
  await repo.updateCase(ctx.tx, agencyId, caseId, {}, ctx.now);
  await repo.appendEvent(ctx.tx, {
    agencyId,
    caseId,
    action: step.action,
    occurredOn: step.on,
    recordedAt: ctx.now,
    actorType: ctx.actor.kind,
    actorId: ctx.actor.id,
    data: step.data,
    documentNumber: step.documentNumber ?? null,
  });
}

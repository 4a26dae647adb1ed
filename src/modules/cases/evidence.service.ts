/**
 * The evidence register (证据登记), APL art. 46: each piece of evidence with its kind, who collected
 * it and when, and the digest of its file. Registering one checks the investigative-act rules
 * (two certified officers, the case under investigation, the date) and counts towards the
 * investigation-end report's NO_EVIDENCE condition.
 */
import type { Executor } from '../../db/client';
import { chinaDate } from '../../domain/calendar/dates';
import { checkEvidence, type EvidenceKind, type HashAlgorithm } from '../../domain/cases/investigation';
import type { FieldError } from '../../http/problems';
import { notFound, validationFailed } from '../../http/problems';
import type { WriteContext } from '../../plugins/writes';
import { certificatesValidOn } from '../officers/officers.service';
import * as cases from './cases.repository';
import * as repo from './evidence.repository';
import type { EvidenceCreate, EvidenceView } from './evidence.schemas';
import { recordCaseStep, ruleViolation, unknownOfficers } from './investigation.shared';

function toEvidence(row: repo.EvidenceRow): EvidenceView {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind as EvidenceKind,
    description: row.description,
    collectedOn: row.collectedOn,
    collectedBy: row.collectedBy,
    fileRef: row.fileRef,
    contentHash: row.contentHash,
    hashAlgorithm: row.hashAlgorithm as HashAlgorithm | null,
    avRecorded: row.avRecorded,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createEvidenceService() {
  async function register(ctx: WriteContext, caseId: string, input: EvidenceCreate): Promise<EvidenceView> {
    const agencyId = ctx.actor.agencyId;
    const today = chinaDate(ctx.now);
    const found = await cases.findCase(ctx.tx, agencyId, caseId, { lock: true });
    if (!found) throw notFound('Case', caseId);

    const errors: FieldError[] = [];
    // A digest means nothing without its algorithm, and an algorithm nothing without a digest.
    if (input.contentHash !== undefined && input.hashAlgorithm === undefined)
      errors.push({ in: 'body', pointer: '/hashAlgorithm', message: 'is required with contentHash' });
    if (input.hashAlgorithm !== undefined && input.contentHash === undefined)
      errors.push({ in: 'body', pointer: '/contentHash', message: 'is required with hashAlgorithm' });
    errors.push(...(await unknownOfficers(ctx.tx, agencyId, input.collectedBy, '/collectedBy')));
    if (errors.length > 0) throw validationFailed(errors);

    const validity = await certificatesValidOn(ctx.tx, agencyId, input.collectedBy, input.collectedOn);
    const problems = checkEvidence(
      found,
      {
        collectedOn: input.collectedOn,
        collectedBy: input.collectedBy,
        certifiedOfficerIds: validity.filter((v) => v.valid).map((v) => v.officerId),
      },
      today,
    );
    if (problems.length > 0) throw ruleViolation('register-evidence', problems);

    const row = await repo.insertEvidence(ctx.tx, {
      agencyId,
      caseId,
      kind: input.kind,
      description: input.description,
      collectedOn: input.collectedOn,
      collectedBy: input.collectedBy,
      fileRef: input.fileRef ?? null,
      contentHash: input.contentHash ?? null,
      hashAlgorithm: input.hashAlgorithm ?? null,
      avRecorded: input.avRecorded,
      createdAt: ctx.now,
    });
    await recordCaseStep(ctx, caseId, {
      action: 'register-evidence',
      on: input.collectedOn,
      data: {
        evidenceId: row.id,
        kind: row.kind,
        collectedBy: row.collectedBy,
        contentHash: row.contentHash,
        hashAlgorithm: row.hashAlgorithm,
        avRecorded: row.avRecorded,
      },
    });
    ctx.audit({
      action: 'case.evidence_registered',
      entityType: 'case',
      entityId: caseId,
      changes: {
        evidence: {
          before: null,
          after: { id: row.id, kind: row.kind, collectedOn: row.collectedOn, contentHash: row.contentHash },
        },
      },
    });
    return toEvidence(row);
  }

  async function list(ex: Executor, agencyId: string, caseId: string) {
    if (!(await cases.findCase(ex, agencyId, caseId))) throw notFound('Case', caseId);
    return { caseId, items: (await repo.listEvidence(ex, agencyId, caseId)).map(toEvidence) };
  }

  async function get(ex: Executor, agencyId: string, caseId: string, evidenceId: string) {
    const row = await repo.findEvidence(ex, agencyId, caseId, evidenceId);
    if (!row) throw notFound('Evidence', evidenceId);
    return toEvidence(row);
  }

  return { register, list, get };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { requireOfficer } from '../cases/cases.service';
import {
  CREDIT_RESTORATION_STEP_BODIES,
  CreditListEntryCreateSchema,
  CreditListEntryPageSchema,
  CreditListEntryParams,
  CreditListEntrySchema,
  CreditListQuery,
  CreditListRemoveSchema,
  CreditRestorationCreateSchema,
  CreditRestorationListQuery,
  CreditRestorationPageSchema,
  CreditRestorationParams,
  CreditRestorationSchema,
  CreditRestorationStatsQuery,
  CreditRestorationStatsSchema,
  type CreditRestorationStepName,
} from './credit-restorations.schemas';
import type { CreditRestorationsService } from './credit-restorations.service';

const DATES = 'DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP';

/** The registers (经营异常名录, 严重违法失信名单), under /v1/credit-lists. */
export const creditListRoutes: FastifyPluginAsyncTypebox<{
  restorations: CreditRestorationsService;
}> = async (app, { restorations }) => {
  const tags = ['credit'];
  app.post(
    '',
    {
      config: { operation: 'credit.write' },
      schema: {
        tags,
        operationId: 'addCreditListEntry',
        summary: 'Record an entry of the abnormal-operation or serious-violation list',
        description:
          '列入经营异常名录 / 严重违法失信名单 (CRM arts. 5, 7): the entity, why, by whom and when. 400 when the credit code ' +
          'fails its check digit (pointer /creditCode). Refused with 422 CASE_RULE_VIOLATION: DATE_IN_FUTURE.',
        headers: Headers(IdempotencyHeaders),
        body: ref(CreditListEntryCreateSchema),
        response: { 201: ref(CreditListEntrySchema), ...problemResponses(400, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await restorations.createEntry(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/credit-lists/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'credit.read' },
      schema: {
        tags,
        operationId: 'listCreditListEntries',
        summary: 'List the register entries',
        description:
          'The agency’s entries of the abnormal-operation list (经营异常名录) and serious-violation list (严重违法失信名单), ' +
          'in the order recorded, filtered by list, credit code, or still listed (active).',
        querystring: CreditListQuery,
        response: { 200: ref(CreditListEntryPageSchema), ...problemResponses(400) },
      },
    },
    (request) => restorations.listEntries(app.database.db, principalOf(request).agencyId, request.query),
  );

  app.get(
    '/:creditListEntryId',
    {
      config: { operation: 'credit.read' },
      schema: {
        tags,
        operationId: 'getCreditListEntry',
        summary: 'A register entry',
        description:
          'One entry of the abnormal-operation or serious-violation list, with its removal (移出).',
        params: CreditListEntryParams,
        response: { 200: ref(CreditListEntrySchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await restorations.getEntry(
        app.database.db,
        principalOf(request).agencyId,
        request.params.creditListEntryId,
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  app.post(
    '/:creditListEntryId/actions/remove',
    {
      config: { operation: 'credit.write' },
      schema: {
        tags,
        operationId: 'removeCreditListEntry',
        summary: 'Remove an entity from a list (outside restoration)',
        description:
          '移出经营异常名录 / 严重违法失信名单 other than by a credit restoration: e.g. the missing annual report filed, the ' +
          'address reachable again (CRM art. 5). Only the listing agency removes (谁列入、谁移出, CRM art. 4). Records a ' +
          '`list_entry.removed` credit event. Refused with 422 CASE_RULE_VIOLATION: NOT_LISTING_AGENCY, NOT_LISTED, ' +
          `${DATES}. If-Match (the entry’s ETag) is optional; when sent it must be current.`,
        params: CreditListEntryParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(CreditListRemoveSchema),
        response: { 200: ref(CreditListEntrySchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      const ifMatch = request.headers['if-match'];
      const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
      return app.write(request, reply, async (ctx) => {
        const updated = await restorations.removeEntry(
          ctx,
          request.params.creditListEntryId,
          request.body,
          versions,
        );
        return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
      });
    },
  );
};

/** What each step records, in Chinese terms, and the conditions that can refuse it. */
const STEP_TERMS: Record<CreditRestorationStepName, { summary: string; description: string }> = {
  accept: {
    summary: 'Accept the application',
    description: `受理: the decision clock starts. Conditions: RESTORATION_WRONG_STATUS, ${DATES}.`,
  },
  'not-accept': {
    summary: 'Decide not to accept the application',
    description: `不予受理, with the reasons: the application ends. Conditions: RESTORATION_WRONG_STATUS, ${DATES}.`,
  },
  verify: {
    summary: 'Record the verification',
    description:
      '核查: the materials checked; the eligibility is checked again as of the date and stored (not refused when ' +
      `unmet: the approval is). Conditions: RESTORATION_WRONG_STATUS, ${DATES}.`,
  },
  approve: {
    summary: 'Approve the restoration',
    description:
      '准予信用修复: only when every eligibility condition is met on the date (else 422 listing the unmet ones: ' +
      'PUBLICITY_NOT_RUNNING, SHORT_PUBLICITY, MIN_PERIOD_NOT_PASSED, EXCLUDED_PENALTY_TYPE, DECISION_NOT_PERFORMED, ' +
      'LATER_PENALTY_SAME_TYPE, ON_ABNORMAL_LIST, ON_SERIOUS_LIST, MATERIALS_MISSING; for list removals NOT_LISTED, ' +
      'NOT_LISTING_AGENCY, LISTED_LESS_THAN_A_YEAR, PENALTY_SINCE_LISTING, MATERIALS_MISSING). In the same ' +
      'transaction the publication stops (state restored) or the list entry is removed, and a ' +
      '`restoration.approved` credit event is recorded for the provincial and national systems. Conditions: ' +
      `RESTORATION_WRONG_STATUS, ${DATES}.`,
  },
  refuse: {
    summary: 'Refuse the restoration',
    description: `不予信用修复, with the reasons. Conditions: RESTORATION_WRONG_STATUS, ${DATES}.`,
  },
  revoke: {
    summary: 'Revoke an approved restoration',
    description:
      '撤销信用修复决定: the restoration was obtained with false materials (提供虚假材料). The previous state is ' +
      'restored: the publication is public again (or expired if its period ended meanwhile), the entity listed ' +
      `again; a \`restoration.revoked\` credit event is recorded. Conditions: RESTORATION_WRONG_STATUS, ${DATES}.`,
  },
};

/** Credit restoration applications (信用修复), under /v1/credit-restorations. */
export const creditRestorationRoutes: FastifyPluginAsyncTypebox<{
  restorations: CreditRestorationsService;
}> = async (app, { restorations }) => {
  const tags = ['credit'];
  app.post(
    '',
    {
      config: { operation: 'credit.write' },
      schema: {
        tags,
        operationId: 'submitCreditRestoration',
        summary: 'Record a credit restoration application',
        description:
          '信用修复申请 (CRM arts. 5–8): stop a penalty publication early (publicationId), or remove an entity from the ' +
          'abnormal-operation list or early from the serious-violation list (listEntryId) — exactly one, matching the ' +
          'kind (400). 谁处罚、谁修复 (CRM art. 4): the publication or entry must be this agency’s (another agency’s looks ' +
          'missing: 400). The eligibility is computed as of the submission and shown condition by condition; it is ' +
          'never refused at submission (the bureau decides). Refused with 422 CASE_RULE_VIOLATION: APPLICANT_MISMATCH ' +
          `(the applicant is not the party or listed entity), ${DATES}.`,
        headers: Headers(IdempotencyHeaders),
        body: ref(CreditRestorationCreateSchema),
        response: { 201: ref(CreditRestorationSchema), ...problemResponses(400, 413, 415, 422) },
      },
    },
    (request, reply) => {
      requireOfficer(principalOf(request));
      return app.write(request, reply, async (ctx) => {
        const created = await restorations.create(ctx, request.body);
        return {
          status: 201,
          body: created,
          headers: { etag: etagOf(created.version), location: `/v1/credit-restorations/${created.id}` },
        };
      });
    },
  );

  app.get(
    '',
    {
      config: { operation: 'credit.read' },
      schema: {
        tags,
        operationId: 'listCreditRestorations',
        summary: 'List credit restoration applications',
        description:
          'The agency’s credit restoration applications (信用修复) in the order recorded, each with its clocks, filtered by ' +
          'kind, status, year submitted, or overdue (a clock past due today).',
        querystring: CreditRestorationListQuery,
        response: { 200: ref(CreditRestorationPageSchema), ...problemResponses(400) },
      },
    },
    (request) => restorations.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'credit.read' },
      schema: {
        tags,
        operationId: 'creditRestorationStats',
        summary: 'The year’s credit restoration figures',
        description:
          '信用修复统计: restorations completed in the year (approved and not revoked, by date of approval) by kind and in ' +
          'total; applications submitted; not accepted, refused and revoked in the year; pending and overdue.',
        querystring: CreditRestorationStatsQuery,
        response: { 200: ref(CreditRestorationStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      restorations.stats(app.database.db, principalOf(request).agencyId, request.query.year, app.now()),
  );

  app.get(
    '/:creditRestorationId',
    {
      config: { operation: 'credit.read' },
      schema: {
        tags,
        operationId: 'getCreditRestoration',
        summary: 'A credit restoration application',
        description:
          'One credit restoration application (信用修复) with its clocks (acceptance, decision: running, at risk, overdue, ' +
          'completed) and its eligibility condition by condition, as last checked.',
        params: CreditRestorationParams,
        response: { 200: ref(CreditRestorationSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await restorations.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.creditRestorationId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  for (const name of Object.keys(CREDIT_RESTORATION_STEP_BODIES) as CreditRestorationStepName[]) {
    const pascal = name
      .split('-')
      .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
      .join('');
    app.post(
      `/:creditRestorationId/actions/${name}`,
      {
        config: { operation: 'credit.write' },
        schema: {
          tags,
          operationId: `creditRestoration${pascal}`,
          summary: STEP_TERMS[name].summary,
          description:
            `${STEP_TERMS[name].description} Refused with 422 CASE_RULE_VIOLATION listing every unmet condition; nothing ` +
            'is written then. If-Match (the application’s ETag) is optional; when sent it must be current.',
          params: CreditRestorationParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: CREDIT_RESTORATION_STEP_BODIES[name],
          response: { 200: ref(CreditRestorationSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await restorations.step(
            ctx,
            request.params.creditRestorationId,
            name,
            request.body as never,
            versions,
          );
          return { status: 200, body: updated, headers: { etag: etagOf(updated.version) } };
        });
      },
    );
  }
};

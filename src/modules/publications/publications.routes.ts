import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { etagOf, requiredVersions } from '../../http/etag';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import { requireOfficer } from '../cases/cases.service';
import {
  CaseParams,
  ExpiryRunSchema,
  PUBLICATION_STEP_BODIES,
  PublicationListQuery,
  PublicationPageSchema,
  PublicationParams,
  PublicationSchema,
  type PublicationStepName,
  PublicOneQuery,
  PublicPublicationPageSchema,
  PublicPublicationQuery,
  PublicPublicationSchema,
  RestorationNoticeSchema,
} from './publications.schemas';
import type { PublicationsService } from './publications.service';

const tags = ['publications'];
const DATES = 'DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP';

const STEP_TERMS: Record<PublicationStepName, { summary: string; description: string }> = {
  publish: {
    summary: 'Record the publication on the credit system',
    description:
      `公示 (PDR art. 9): pending → published; the period (PDR art. 13) runs from this day (expiresOn) and the earliest ` +
      `day to apply for credit restoration is set (CRM art. 6). A late publication is recorded; its clock shows ` +
      `completed_late. Conditions: PUBLICATION_WRONG_STATE, ${DATES}.`,
  },
  withdraw: {
    summary: 'Record the withdrawal of the publication',
    description:
      `撤回 (PDR art. 11): pending, published or corrected → withdrawn; completes a withdrawal a review made due ` +
      `(the decision varied, revoked, confirmed illegal or void). Conditions: PUBLICATION_WRONG_STATE, ${DATES}.`,
  },
  correct: {
    summary: 'Record a correction of the published information',
    description:
      `更正 (PDR art. 12): published → corrected, the corrected information republished; after a variation or a partial ` +
      `revocation the summary shows the penalties now in force and the due withdrawal is complete. Conditions: ` +
      `PUBLICATION_WRONG_STATE, CORRECTION_CANNOT_WITHDRAW, ${DATES}.`,
  },
};

/** Penalty publications (行政处罚信息公示), under /v1/publications. */
export const publicationRoutes: FastifyPluginAsyncTypebox<{ publications: PublicationsService }> = async (
  app,
  { publications },
) => {
  app.get(
    '',
    {
      config: { operation: 'publications.read' },
      schema: {
        tags,
        operationId: 'listPublications',
        summary: 'List penalty publications',
        description:
          'The agency’s penalty publications (行政处罚信息公示) in the order created, each with its clocks, filtered by ' +
          'state (as read today: a public one past its last day reads expired), overdue (publish due passed while ' +
          'pending, or withdrawal due passed while not withdrawn), party (credit code exact, else part of the name), ' +
          'case and year decided.',
        querystring: PublicationListQuery,
        response: { 200: ref(PublicationPageSchema), ...problemResponses(400) },
      },
    },
    (request) => publications.list(app.database.db, principalOf(request).agencyId, request.query, app.now()),
  );

  app.post(
    '/expiry-runs',
    {
      config: { operation: 'publications.write' },
      schema: {
        tags,
        operationId: 'runPublicationExpiry',
        summary: 'Expire publications past their period now',
        description:
          '公示期满 (PDR art. 13): moves the agency’s published publications whose last day has passed to expired, with ' +
          'a credit event each; the scheduled job does the same every hour. No 422 conditions.',
        headers: Headers(IdempotencyHeaders),
        response: { 200: ref(ExpiryRunSchema), ...problemResponses(400) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => ({ status: 200, body: await publications.runExpiry(ctx) })),
  );

  app.get(
    '/:publicationId',
    {
      config: { operation: 'publications.read' },
      schema: {
        tags,
        operationId: 'getPublication',
        summary: 'A penalty publication',
        description:
          'One penalty publication (行政处罚信息公示) with its masked summary and text, its clocks (publish: PDR art. 9; ' +
          'withdrawal: PDR art. 11, 3 WD) and whether the restoration notice was served with the decision.',
        params: PublicationParams,
        response: { 200: ref(PublicationSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await publications.get(
        app.database.db,
        principalOf(request).agencyId,
        request.params.publicationId,
        app.now(),
      );
      reply.header('etag', etagOf(found.version));
      return found;
    },
  );

  for (const name of Object.keys(PUBLICATION_STEP_BODIES) as PublicationStepName[]) {
    app.post(
      `/:publicationId/actions/${name}`,
      {
        config: { operation: 'publications.write' },
        schema: {
          tags,
          operationId: `publication${name[0]?.toUpperCase()}${name.slice(1)}`,
          summary: STEP_TERMS[name].summary,
          description:
            `${STEP_TERMS[name].description} Refused with 422 CASE_RULE_VIOLATION listing every unmet condition; nothing ` +
            'is written then. If-Match (the publication’s ETag) is optional; when sent it must be current.',
          params: PublicationParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: PUBLICATION_STEP_BODIES[name],
          response: { 200: ref(PublicationSchema), ...problemResponses(400, 404, 412, 413, 415, 422) },
        },
      },
      (request, reply) => {
        requireOfficer(principalOf(request));
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? null : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const updated = await publications.step(
            ctx,
            request.params.publicationId,
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

/** The restoration notice of a case (信用修复告知书), under /v1/cases. */
export const restorationNoticeRoutes: FastifyPluginAsyncTypebox<{
  publications: PublicationsService;
}> = async (app, { publications }) => {
  app.get(
    '/:caseId/restoration-notice',
    {
      config: { operation: 'cases.read' },
      schema: {
        tags,
        operationId: 'getRestorationNotice',
        summary: 'The case’s credit restoration notice',
        description:
          '行政处罚信息信用修复告知书 (两书同达: served with the decision, one service record): the publicity period, the ' +
          'earliest day to apply to stop it early (6 months, 12 for food, drug and special-equipment cases; the date ' +
          'once published), the conditions, the materials and where to apply. 404 when the case has no publication. ' +
          'No 422 conditions.',
        params: CaseParams,
        response: { 200: ref(RestorationNoticeSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      publications.restorationNotice(app.database.db, principalOf(request).agencyId, request.params.caseId),
  );
};

/** What the public sees (行政处罚信息公示), under /v1/public/publications: no authentication. */
export const publicPublicationRoutes: FastifyPluginAsyncTypebox<{
  publications: PublicationsService;
}> = async (app, { publications }) => {
  app.get(
    '',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'listPublicPublications',
        summary: 'An agency’s published penalties',
        description:
          '行政处罚信息公示 as the public sees it: the agency’s publications published and not past their last day, ' +
          'masked summaries and masked decision texts only (no case ids, no internal fields), one page at a time. No ' +
          'authentication. 404 for an unknown agency. No 422 conditions.',
        security: [],
        querystring: PublicPublicationQuery,
        response: { 200: ref(PublicPublicationPageSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => publications.publicList(app.database.db, request.query, app.now()),
  );

  app.get(
    '/:publicationId',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'getPublicPublication',
        summary: 'One published penalty',
        description:
          '行政处罚信息公示: one publication of the agency while public (published, not past its last day), masked. No ' +
          'authentication. 404 for an unknown agency or a publication not public. No 422 conditions.',
        security: [],
        params: PublicationParams,
        querystring: PublicOneQuery,
        response: { 200: ref(PublicPublicationSchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      publications.publicOne(
        app.database.db,
        request.query.agencyId,
        request.params.publicationId,
        app.now(),
      ),
  );
};

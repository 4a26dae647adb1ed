import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '../../domain/calendar/dates';
import { CERTIFICATE_ACTIONS, type CertificateAction } from '../../domain/officers/certificate-validity';
import { etagOf, requiredVersions } from '../../http/etag';
import { HttpProblem } from '../../http/problems';
import { Headers, IdempotencyHeaders, IfMatchHeaders, problemResponses, ref } from '../../http/schemas';
import { isAllowed, principalOf } from '../../plugins/auth';
import {
  CertificateActionSchema,
  CertificateIssueSchema,
  CertificateParams,
  CertificateSchema,
  CertificateValiditySchema,
  DateQuery,
  DepartureSchema,
  OfficerCreateSchema,
  OfficerListQuery,
  OfficerPageSchema,
  OfficerParams,
  OfficerReadQuery,
  OfficerSchema,
  OfficerStatsSchema,
  OfficerUpdateSchema,
} from './officers.schemas';
import * as service from './officers.service';

const tags = ['officers'];

const DEPARTURES = {
  retire: {
    kind: 'retired',
    operationId: 'retireOfficer',
    summary: 'Retire an officer',
    term: '退休',
  },
  transfer: {
    kind: 'transferred',
    operationId: 'transferOfficer',
    summary: 'Transfer an officer out',
    term: '调离',
  },
} as const;

const CERTIFICATE_ACTION_DOCS: Record<
  CertificateAction,
  { operationId: string; summary: string; text: string }
> = {
  suspend: {
    operationId: 'suspendCertificate',
    summary: 'Suspend a certificate',
    text: 'Suspends (暂扣) an active certificate from effectiveOn until it is reinstated.',
  },
  reinstate: {
    operationId: 'reinstateCertificate',
    summary: 'Reinstate a suspended certificate',
    text: 'Reinstates (发还) a suspended certificate from effectiveOn.',
  },
  cancel: {
    operationId: 'cancelCertificate',
    summary: 'Cancel a certificate',
    text:
      'Cancels (注销) an active or suspended certificate from effectiveOn, for good: it can never back an act ' +
      'dated on or after that day; acts before it stay valid.',
  },
};

export const officerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const today = () => chinaDate(app.now());

  app.post(
    '',
    {
      config: { operation: 'officers.write' },
      schema: {
        tags,
        operationId: 'createOfficer',
        summary: 'Register an officer',
        description:
          'Registers an officer (执法人员) of your agency with roles, unit, legal professional qualification ' +
          '(法律职业资格), personal data (masked in every response) and optionally their enforcement certificate ' +
          '(执法证). Only a system_admin may grant system_admin.',
        headers: Headers(IdempotencyHeaders),
        body: ref(OfficerCreateSchema),
        response: { 201: ref(OfficerSchema), ...problemResponses(400, 403, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const officer = await service.createOfficer(ctx, request.body);
        return {
          status: 201,
          body: officer,
          headers: { etag: etagOf(officer.version), location: `/v1/officers/${officer.id}` },
        };
      }),
  );

  app.get(
    '',
    {
      config: { operation: 'officers.read' },
      schema: {
        tags,
        operationId: 'listOfficers',
        summary: 'List officers',
        description:
          'Officers (执法人员) of your agency in creation order, one page at a time (keyset cursor), optionally ' +
          'filtered by employment status, role or unit. Personal data is always masked here.',
        querystring: OfficerListQuery,
        response: { 200: ref(OfficerPageSchema), ...problemResponses(400) },
      },
    },
    (request) => service.listOfficers(app.database.db, principalOf(request).agencyId, request.query, today()),
  );

  app.get(
    '/stats',
    {
      config: { operation: 'officers.stats' },
      schema: {
        tags,
        operationId: 'getOfficerStats',
        summary: 'Officer and certificate statistics',
        description:
          'On a date (default today): active officers, those with a valid enforcement certificate (执法证), legal ' +
          'reviewers (法制审核员) and their ratio against the configurable minimum (RULES.md §11, default 5 %), ' +
          'flagged when below it; and the certificates cancelled (注销) that year.',
        querystring: DateQuery,
        response: { 200: ref(OfficerStatsSchema), ...problemResponses(400) },
      },
    },
    (request) =>
      service.officerStats(app.database.db, principalOf(request).agencyId, request.query.date ?? today()),
  );

  app.get(
    '/:officerId',
    {
      config: { operation: 'officers.read' },
      schema: {
        tags,
        operationId: 'getOfficer',
        summary: 'Get an officer',
        description:
          'One officer (执法人员) with the current enforcement certificate (执法证), its status and whether it is ' +
          'valid today. Resident ID and phone are masked unless unmask=true and your roles allow ' +
          'personal_data.unmask (403 otherwise); every unmasked read is recorded in the audit trail.',
        params: OfficerParams,
        querystring: OfficerReadQuery,
        response: { 200: ref(OfficerSchema), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { officerId } = request.params;
      if (request.query.unmask) {
        if (!isAllowed(principal, 'personal_data.unmask')) {
          throw new HttpProblem('FORBIDDEN', 'Your roles do not allow reading unmasked personal data', {
            extensions: { operation: 'personal_data.unmask' },
          });
        }
        // A replayed response would skip the audit, and the stored copy would keep the numbers in full.
        if (request.headers['idempotency-key'] !== undefined) {
          throw new HttpProblem('VALIDATION_FAILED', 'Idempotency-Key is not accepted on an unmasked read', {
            errors: [
              { in: 'headers', pointer: '/idempotency-key', message: 'is not accepted with unmask=true' },
            ],
          });
        }
        return app.write(request, reply, async (ctx) => {
          const officer = await service.getOfficerUnmasked(ctx, officerId);
          return {
            status: 200,
            body: officer,
            headers: { etag: etagOf(officer.version), 'cache-control': 'no-store' },
          };
        });
      }
      const officer = await service.getOfficer(app.database.db, principal.agencyId, officerId, today());
      reply.header('etag', etagOf(officer.version));
      return officer;
    },
  );

  app.patch(
    '/:officerId',
    {
      config: { operation: 'officers.write' },
      schema: {
        tags,
        operationId: 'updateOfficer',
        summary: 'Change an officer',
        description:
          'Changes an officer’s (执法人员) name, unit, roles, legal professional qualification (法律职业资格), ' +
          'resident ID or phone. Requires If-Match (428 without it, 412 when stale). A retired or transferred ' +
          'officer can no longer change (422 OFFICER_NOT_ACTIVE).',
        params: OfficerParams,
        headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
        body: ref(OfficerUpdateSchema),
        response: { 200: ref(OfficerSchema), ...problemResponses(400, 403, 404, 409, 412, 415, 422, 428) },
      },
    },
    (request, reply) => {
      const versions = requiredVersions(request.headers['if-match']);
      return app.write(request, reply, async (ctx) => {
        const officer = await service.updateOfficer(ctx, request.params.officerId, versions, request.body);
        return { status: 200, body: officer, headers: { etag: etagOf(officer.version) } };
      });
    },
  );

  for (const [action, docs] of Object.entries(DEPARTURES)) {
    app.post(
      `/:officerId/actions/${action}`,
      {
        config: { operation: 'officers.write' },
        schema: {
          tags,
          operationId: docs.operationId,
          summary: docs.summary,
          description:
            `Records the officer’s ${docs.kind === 'retired' ? 'retirement' : 'transfer'} (${docs.term}) from ` +
            'effectiveOn and, in the same transaction, cancels (注销) their enforcement certificate (执法证) from ' +
            'that day. Requires If-Match. An officer who already left: 422 OFFICER_NOT_ACTIVE.',
          params: OfficerParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: ref(DepartureSchema),
          response: { 200: ref(OfficerSchema), ...problemResponses(400, 404, 412, 415, 422, 428) },
        },
      },
      (request, reply) => {
        const versions = requiredVersions(request.headers['if-match']);
        return app.write(request, reply, async (ctx) => {
          const officer = await service.departOfficer(
            ctx,
            request.params.officerId,
            versions,
            docs.kind,
            request.body,
          );
          return { status: 200, body: officer, headers: { etag: etagOf(officer.version) } };
        });
      },
    );
  }

  app.post(
    '/:officerId/certificates',
    {
      config: { operation: 'officers.write' },
      schema: {
        tags,
        operationId: 'issueCertificate',
        summary: 'Issue or renew an enforcement certificate',
        description:
          'Records a new enforcement certificate (行政执法证) for an active officer. While another one is in force ' +
          '(active or suspended and not expired) the answer is 409 CONFLICT: cancel (注销) it first. An expired ' +
          'one is cancelled from the day after its term as the new one is recorded.',
        params: OfficerParams,
        headers: Headers(IdempotencyHeaders),
        body: ref(CertificateIssueSchema),
        response: { 201: ref(CertificateSchema), ...problemResponses(400, 404, 409, 413, 415, 422) },
      },
    },
    (request, reply) =>
      app.write(request, reply, async (ctx) => {
        const { officerId } = request.params;
        const certificate = await service.issueCertificate(ctx, officerId, request.body);
        return {
          status: 201,
          body: certificate,
          headers: {
            etag: etagOf(certificate.version),
            location: `/v1/officers/${officerId}/certificates/${certificate.id}`,
          },
        };
      }),
  );

  app.get(
    '/:officerId/certificates/:certificateId',
    {
      config: { operation: 'officers.read' },
      schema: {
        tags,
        operationId: 'getCertificate',
        summary: 'Get an enforcement certificate',
        description:
          'One enforcement certificate (执法证) of an officer, with its dated status history (暂扣, 注销) and ' +
          'whether it is valid today.',
        params: CertificateParams,
        response: { 200: ref(CertificateSchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { officerId, certificateId } = request.params;
      const agencyId = principalOf(request).agencyId;
      const certificate = await service.getCertificate(
        app.database.db,
        agencyId,
        officerId,
        certificateId,
        today(),
      );
      reply.header('etag', etagOf(certificate.version));
      return certificate;
    },
  );

  for (const action of CERTIFICATE_ACTIONS) {
    const docs = CERTIFICATE_ACTION_DOCS[action];
    app.post(
      `/:officerId/certificates/:certificateId/actions/${action}`,
      {
        config: { operation: 'officers.write' },
        schema: {
          tags,
          operationId: docs.operationId,
          summary: docs.summary,
          description:
            `${docs.text} Legal changes only: active → suspended, suspended → active, active or suspended → ` +
            'cancelled; anything else is 422 ILLEGAL_CERTIFICATE_TRANSITION. effectiveOn may not precede the last ' +
            'recorded change (422 EFFECTIVE_DATE_BEFORE_LAST_CHANGE). If-Match is optional; when sent it must ' +
            'carry the certificate’s current ETag.',
          params: CertificateParams,
          headers: Headers({ ...IfMatchHeaders, ...IdempotencyHeaders }),
          body: ref(CertificateActionSchema),
          response: { 200: ref(CertificateSchema), ...problemResponses(400, 404, 412, 415, 422) },
        },
      },
      (request, reply) => {
        const ifMatch = request.headers['if-match'];
        const versions = ifMatch === undefined ? undefined : requiredVersions(ifMatch);
        return app.write(request, reply, async (ctx) => {
          const { officerId, certificateId } = request.params;
          const certificate = await service.changeCertificateStatus(
            ctx,
            officerId,
            certificateId,
            action,
            request.body,
            versions,
          );
          return { status: 200, body: certificate, headers: { etag: etagOf(certificate.version) } };
        });
      },
    );
  }

  app.get(
    '/:officerId/certificate-validity',
    {
      config: { operation: 'officers.read' },
      schema: {
        tags,
        operationId: 'checkCertificateValidity',
        summary: 'Was the officer’s certificate valid on a date?',
        description:
          'Whether the officer held an enforcement certificate (执法证) that backs an enforcement act on date ' +
          '(default today): within its term, not suspended (暂扣) or cancelled (注销) on that date, and the ' +
          'officer not yet retired or transferred. If not, reason says why. Cases require two such officers ' +
          '(APL art. 42, 55).',
        params: OfficerParams,
        querystring: DateQuery,
        response: { 200: ref(CertificateValiditySchema), ...problemResponses(400, 404) },
      },
    },
    (request) =>
      service.certificateValidOn(
        app.database.db,
        principalOf(request).agencyId,
        request.params.officerId,
        request.query.date ?? today(),
      ),
  );
};

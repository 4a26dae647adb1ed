import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { problemResponses, ref } from '../../http/schemas';
import { principalOf } from '../../plugins/auth';
import {
  AuditEventPageSchema,
  AuditListQuery,
  AuditVerifyQuery,
  ChainVerificationSchema,
} from './audit.schemas';
import { listAuditEvents, PLATFORM_CHAIN, verifyChain } from './audit.service';

const tags = ['audit'];

/** The caller's own agency chain, or the platform chain when asked for. */
function chainOf(request: FastifyRequest, chain: 'agency' | 'platform' | undefined): string {
  return chain === 'platform' ? PLATFORM_CHAIN : principalOf(request).agencyId;
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '',
    {
      config: { operation: 'audit.read' },
      schema: {
        tags,
        operationId: 'listAuditEvents',
        summary: 'Read the audit trail',
        description:
          'The audit trail (审计日志) of your agency, newest first (keyset cursor): who changed what, when, from ' +
          'which address and in which request, with the changed fields before and after. Filter by entity, ' +
          'actor, action and time; `chain=platform` reads the agency registry and national calendar instead ' +
          '(shared by every agency, so client addresses are withheld there; /verify still checks them).',
        querystring: AuditListQuery,
        response: { 200: ref(AuditEventPageSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { chain, from, to, ...filter } = request.query;
      const page = await listAuditEvents(app.database.db, chainOf(request, chain), {
        ...filter,
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      });
      // The platform chain is read by every agency's auditors: another agency's operator addresses are not theirs.
      if (chain !== 'platform') return page;
      return { ...page, items: page.items.map((event) => ({ ...event, clientAddress: null })) };
    },
  );

  app.get(
    '/verify',
    {
      config: { operation: 'audit.read' },
      schema: {
        tags,
        operationId: 'verifyAuditChain',
        summary: 'Verify the audit trail’s hash chain',
        description:
          'Hash-chain verification (哈希链校验): recomputes every event’s hash from its content and its ' +
          'predecessor’s, and checks the chain head, reporting the first event that was changed, removed or ' +
          'reordered. `chain=platform` verifies the platform chain.',
        querystring: AuditVerifyQuery,
        response: { 200: ref(ChainVerificationSchema), ...problemResponses(400) },
      },
    },
    (request) => {
      const chainId = chainOf(request, request.query.chain);
      // One snapshot for the events and the head: a write committing mid-check must not look like a break.
      return app.database.db.transaction((tx) => verifyChain(tx, chainId), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      });
    },
  );
};

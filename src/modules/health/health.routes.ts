import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { migrationStatus } from '../../db/migrations';
import { ref } from '../../http/schemas';
import { LivenessSchema, ReadinessSchema } from './health.schemas';

/** Probes for orchestrators: not rate-limited, no database work on /healthz. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { rateLimit: false, public: true },
      schema: {
        tags: ['health'],
        security: [],
        operationId: 'getLiveness',
        summary: 'Liveness probe',
        description: 'Liveness (存活检查): answers 200 while the process runs. Touches nothing else.',
        response: { 200: ref(LivenessSchema) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { rateLimit: false, public: true },
      schema: {
        tags: ['health'],
        security: [],
        operationId: 'getReadiness',
        summary: 'Readiness probe',
        description:
          'Readiness (就绪检查): 200 when the database answers and every migration shipped with this build is ' +
          'applied; 503 otherwise, with the same body saying which part is missing.',
        response: { 200: ref(ReadinessSchema), 503: ref(ReadinessSchema) },
      },
    },
    async (request, reply) => {
      const { database } = app;
      let reachable = true;
      let migrations = { expected: 0, applied: 0, pending: 0 };
      try {
        await database.ping();
        migrations = await migrationStatus(database.db);
      } catch (err) {
        reachable = false;
        request.log.warn({ err }, 'readiness check: database unreachable');
      }
      const ready = reachable && migrations.pending === 0;
      reply.code(ready ? 200 : 503);
      return {
        status: ready ? ('ready' as const) : ('not_ready' as const),
        database: { kind: database.kind, reachable, migrations },
      };
    },
  );
};

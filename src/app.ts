/**
 * The composition root: `buildApp` wires configuration, database, plugins, services and routes
 * into a Fastify instance and never listens. The server, the tests, the scripts and the
 * benchmarks all build the same application through it.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { AppConfig } from './config/env';
import { type Database, openDatabase } from './db/client';
import { migrationStatus } from './db/migrations';
import { projectRoot } from './db/paths';
import { IDENTIFIER_FORMATS } from './http/formats';
import { HttpProblem } from './http/problems';
import { sharedSchemas } from './http/schemas';
import { cachingSerializerFactory } from './http/serializers';
import { agencyRoutes } from './modules/agencies/agencies.routes';
import { agencySchemas } from './modules/agencies/agencies.schemas';
import { unitRoutes } from './modules/agencies/units.routes';
import { apiKeyRoutes } from './modules/api-keys/api-keys.routes';
import { apiKeySchemas } from './modules/api-keys/api-keys.schemas';
import { appealSchemas } from './modules/appeals/appeals.schemas';
import { createDecisionEffects } from './modules/appeals/decision-effects.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { auditSchemas } from './modules/audit/audit.schemas';
import { createTokenVerifier, developmentSecret, mintToken } from './modules/auth/tokens';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { calendarSchemas } from './modules/calendar/calendar.schemas';
import { createCalendarService } from './modules/calendar/calendar.service';
import { caseRoutes } from './modules/cases/cases.routes';
import { caseSchemas } from './modules/cases/cases.schemas';
import { createCasesService } from './modules/cases/cases.service';
import { correctionOrderListRoutes, correctionOrderRoutes } from './modules/cases/correction-orders.routes';
import { correctionOrderSchemas } from './modules/cases/correction-orders.schemas';
import { createCorrectionOrdersService } from './modules/cases/correction-orders.service';
import { documentRoutes } from './modules/cases/documents.routes';
import { documentSchemas } from './modules/cases/documents.schemas';
import { createDocumentsService } from './modules/cases/documents.service';
import { evidenceRoutes } from './modules/cases/evidence.routes';
import { evidenceSchemas } from './modules/cases/evidence.schemas';
import { createEvidenceService } from './modules/cases/evidence.service';
import { interviewRoutes } from './modules/cases/interviews.routes';
import { interviewSchemas } from './modules/cases/interviews.schemas';
import { createInterviewsService } from './modules/cases/interviews.service';
import { measureRoutes } from './modules/cases/measures.routes';
import { measureSchemas } from './modules/cases/measures.schemas';
import { createMeasuresService } from './modules/cases/measures.service';
import { spotCheckRoutes } from './modules/cases/spot-checks.routes';
import { spotCheckSchemas } from './modules/cases/spot-checks.schemas';
import { caseStatsRoutes } from './modules/cases/stats.routes';
import { caseStatsSchemas } from './modules/cases/stats.schemas';
import { createCaseStatsService } from './modules/cases/stats.service';
import {
  creditListRoutes,
  creditRestorationRoutes,
} from './modules/credit-restorations/credit-restorations.routes';
import { creditRestorationSchemas } from './modules/credit-restorations/credit-restorations.schemas';
import { createCreditRestorationsService } from './modules/credit-restorations/credit-restorations.service';
import { criminalTransferRoutes } from './modules/criminal-transfers/criminal-transfers.routes';
import { criminalTransferSchemas } from './modules/criminal-transfers/criminal-transfers.schemas';
import { createCriminalTransfersService } from './modules/criminal-transfers/criminal-transfers.service';
import { seedDemoBureau } from './modules/demo/demo-bureau';
import { documentNumberRoutes } from './modules/document-numbers/document-numbers.routes';
import { documentNumberSchemas } from './modules/document-numbers/document-numbers.schemas';
import { healthRoutes } from './modules/health/health.routes';
import { healthSchemas } from './modules/health/health.schemas';
import { litigationRoutes } from './modules/litigations/litigations.routes';
import { litigationSchemas } from './modules/litigations/litigations.schemas';
import { createLitigationsService } from './modules/litigations/litigations.service';
import { officerRoutes } from './modules/officers/officers.routes';
import { officerSchemas } from './modules/officers/officers.schemas';
import { onTheSpotRoutes } from './modules/on-the-spot/on-the-spot.routes';
import { onTheSpotSchemas } from './modules/on-the-spot/on-the-spot.schemas';
import { createOnTheSpotService } from './modules/on-the-spot/on-the-spot.service';
import { adjustmentRoutes } from './modules/power-list/adjustments.routes';
import { discretionRoutes } from './modules/power-list/discretion.routes';
import { discretionSchemas } from './modules/power-list/discretion.schemas';
import { powerListImportRoutes } from './modules/power-list/import-export.routes';
import { powerListImportSchemas } from './modules/power-list/import-export.schemas';
import { powerItemDataSchemas } from './modules/power-list/power-item.schemas';
import { powerListRoutes } from './modules/power-list/power-list.routes';
import { powerListSchemas } from './modules/power-list/power-list.schemas';
import { publicPowerListRoutes } from './modules/power-list/public.routes';
import {
  publicationRoutes,
  publicPublicationRoutes,
  restorationNoticeRoutes,
} from './modules/publications/publications.routes';
import { publicationSchemas } from './modules/publications/publications.schemas';
import { createPublicationsService } from './modules/publications/publications.service';
import { reconsiderationRoutes } from './modules/reconsiderations/reconsiderations.routes';
import { reconsiderationSchemas } from './modules/reconsiderations/reconsiderations.schemas';
import { createReconsiderationsService } from './modules/reconsiderations/reconsiderations.service';
import { ruleSettingRoutes } from './modules/rule-settings/rule-settings.routes';
import { ruleSettingSchemas } from './modules/rule-settings/rule-settings.schemas';
import { authentication } from './plugins/auth';
import { jobs } from './plugins/jobs';
import { openApiDocs } from './plugins/openapi';
import { clientErrorHandler, problemHandler } from './plugins/problem-handler';
import { requestContext, requestIdFrom } from './plugins/request-context';
import { writes } from './plugins/writes';

export interface AppOptions {
  config: AppConfig;
  /** An already open database; otherwise one is opened from `config.database` and closed with the app. */
  database?: Database;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Logger options; defaults to JSON lines at `config.logLevel`. */
  logger?: FastifyServerOptions['logger'];
  /** Periodic housekeeping (expired idempotency keys); the server turns it on. */
  housekeeping?: boolean;
  /** Scheduled jobs (publication expiry, hourly); the server turns them on. */
  jobs?: boolean;
  /** Between job runs, ms (default one hour); tests shorten it. */
  jobIntervalMs?: number;
}

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: AppConfig;
    now: () => Date;
  }
}

const VERSION: string = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version;

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const now = options.now ?? (() => new Date());

  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    },
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Probes run every few seconds; logging each would bury the real traffic.
      disableRequestLogging: (request) => request.url === '/healthz' || request.url === '/readyz',
    }),
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    requestTimeout: config.http.requestTimeoutMs,
    // Our own onRequest hook answers with a problem+json 503 instead (plugins/request-context).
    return503OnClosing: false,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true },
    schemaController: { compilersFactory: { buildSerializer: cachingSerializerFactory() } },
    ajv: {
      customOptions: {
        // Unknown fields are an error, never silently dropped (schemas set additionalProperties: false).
        removeAdditional: false,
        allErrors: true,
        coerceTypes: 'array',
        useDefaults: true,
        // Chinese identifiers as JSON Schema formats, so every module that accepts a party validates
        // them the same way: `format: 'unified-social-credit-code'` / `format: 'resident-id'`.
        formats: IDENTIFIER_FORMATS,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const database = options.database ?? (await openDatabase({ ...config.database, logger: app.log }));
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('now', now);
  if (!options.database) app.addHook('onClose', async () => database.close());
  if (config.database.migrateOnStart) await database.migrate();

  // JSON is the only request format: text/plain would otherwise reach validation as a string (415 instead).
  app.removeContentTypeParser('text/plain');
  await app.register(requestContext);
  await app.register(problemHandler);
  await app.register(helmet, { global: true });
  if (config.http.rateLimitMax > 0) {
    await app.register(rateLimit, {
      max: config.http.rateLimitMax,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) =>
        new HttpProblem('RATE_LIMITED', `At most ${context.max} requests per ${context.after}; retry later`),
    });
  }
  const devSecret =
    config.auth.mode === 'development' ? developmentSecret(config.database.dataDir) : undefined;
  await app.register(authentication, {
    db: database.db,
    verifyToken: await createTokenVerifier(config.auth, now, devSecret),
    now,
  });
  await app.register(writes, {
    db: database.db,
    now,
    idempotencyTtlHours: config.idempotencyTtlHours,
    auditHashAlgorithm: config.audit.hashAlgorithm,
    housekeeping: options.housekeeping ?? false,
  });
  await app.register(openApiDocs, { version: VERSION });

  for (const schema of [
    ...sharedSchemas,
    ...healthSchemas,
    ...agencySchemas,
    ...documentNumberSchemas,
    ...calendarSchemas,
    ...ruleSettingSchemas,
    ...officerSchemas,
    ...apiKeySchemas,
    ...auditSchemas,
    ...powerItemDataSchemas,
    ...powerListSchemas,
    ...discretionSchemas,
    ...powerListImportSchemas,
    ...caseSchemas,
    ...evidenceSchemas,
    ...measureSchemas,
    ...spotCheckSchemas,
    ...correctionOrderSchemas,
    ...interviewSchemas,
    ...criminalTransferSchemas,
    ...documentSchemas,
    ...caseStatsSchemas,
    ...onTheSpotSchemas,
    ...appealSchemas,
    ...reconsiderationSchemas,
    ...litigationSchemas,
    ...publicationSchemas,
    ...creditRestorationSchemas,
  ]) {
    app.addSchema(schema);
  }

  const calendar = createCalendarService();

  await app.register(healthRoutes);
  await app.register(agencyRoutes, { prefix: '/v1/agencies' });
  await app.register(unitRoutes, { prefix: '/v1/agencies/:agencyId/units' });
  await app.register(documentNumberRoutes, { prefix: '/v1/agencies/:agencyId' });
  await app.register(ruleSettingRoutes, { prefix: '/v1/agencies/:agencyId' });
  await app.register(calendarRoutes, { prefix: '/v1/calendar', calendar });
  await app.register(officerRoutes, { prefix: '/v1/officers' });
  await app.register(apiKeyRoutes, { prefix: '/v1/api-keys' });
  await app.register(auditRoutes, { prefix: '/v1/audit-events' });
  await app.register(powerListRoutes, { prefix: '/v1/power-items' });
  await app.register(powerListImportRoutes, { prefix: '/v1/power-items' });
  await app.register(adjustmentRoutes, { prefix: '/v1/power-list/adjustments' });
  await app.register(discretionRoutes, { prefix: '/v1/discretion' });
  await app.register(publicPowerListRoutes, { prefix: '/v1/public/power-items' });
  const casesService = createCasesService({ calendar });
  const decisionEffects = createDecisionEffects({ calendar, cases: casesService });
  await app.register(caseRoutes, { prefix: '/v1/cases', cases: casesService });
  await app.register(evidenceRoutes, { prefix: '/v1/cases', evidence: createEvidenceService() });
  await app.register(measureRoutes, { prefix: '/v1/cases', measures: createMeasuresService({ calendar }) });
  const correctionOrders = createCorrectionOrdersService();
  await app.register(correctionOrderRoutes, { prefix: '/v1/cases', orders: correctionOrders });
  await app.register(correctionOrderListRoutes, {
    prefix: '/v1/correction-orders',
    orders: correctionOrders,
  });
  await app.register(interviewRoutes, { prefix: '/v1/cases', interviews: createInterviewsService() });
  await app.register(spotCheckRoutes, { prefix: '/v1/spot-checks' });
  await app.register(criminalTransferRoutes, {
    prefix: '/v1/criminal-transfers',
    transfers: createCriminalTransfersService({ calendar }),
  });
  await app.register(documentRoutes, {
    prefix: '/v1/cases',
    documents: createDocumentsService({ calendar }),
  });
  await app.register(caseStatsRoutes, {
    prefix: '/v1/cases',
    stats: createCaseStatsService({ cases: createCasesService({ calendar }) }),
  });
  await app.register(onTheSpotRoutes, {
    prefix: '/v1/on-the-spot-penalties',
    onTheSpot: createOnTheSpotService({ calendar }),
  });
  await app.register(reconsiderationRoutes, {
    prefix: '/v1/reconsiderations',
    reconsiderations: createReconsiderationsService({ calendar, effects: decisionEffects }),
  });
  await app.register(litigationRoutes, {
    prefix: '/v1/litigations',
    litigations: createLitigationsService({ calendar, decisionEffects }),
  });
  const publications = createPublicationsService({ calendar });
  await app.register(publicationRoutes, { prefix: '/v1/publications', publications });
  await app.register(publicPublicationRoutes, { prefix: '/v1/public/publications', publications });
  await app.register(restorationNoticeRoutes, { prefix: '/v1/cases', publications });
  await app.register(jobs, {
    db: database.db,
    now,
    enabled: options.jobs ?? false,
    ...(options.jobIntervalMs ? { intervalMs: options.jobIntervalMs } : {}),
  });
  const creditRestorations = createCreditRestorationsService({ calendar, cases: casesService });
  await app.register(creditListRoutes, { prefix: '/v1/credit-lists', restorations: creditRestorations });
  await app.register(creditRestorationRoutes, {
    prefix: '/v1/credit-restorations',
    restorations: creditRestorations,
  });

  if (devSecret && (await migrationStatus(database.db)).pending > 0) {
    app.log.warn(
      'DEVELOPMENT MODE without migrations applied: no demo bureau seeded (run npm run db:migrate)',
    );
  } else if (devSecret) {
    // Development on the embedded database: a demo bureau to explore, and a token for Swagger UI.
    const demo = await seedDemoBureau(database.db, now(), config.audit.hashAlgorithm);
    const token = await mintToken({ secret: devSecret, officerId: demo.adminId, agencyId: demo.agencyId });
    app.addHook('onReady', async () => {
      app.log.warn(
        { agencyId: demo.agencyId, officers: demo.officers },
        'DEVELOPMENT MODE: no AUTH_* configured; demo bureau 城东区市场监督管理局 seeded. Mint tokens with `npm run token -- --officer <id>`',
      );
      app.log.warn(`Admin token for Swagger UI (Authorize → bearerAuth), valid 12 h: ${token}`);
    });
  }

  return app;
}

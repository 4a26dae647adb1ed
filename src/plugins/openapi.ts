/**
 * OpenAPI 3.1 from the routes' own schemas (@fastify/swagger), Swagger UI at /docs, and the
 * document itself at /openapi.json. Shared schemas registered with `addSchema` keep their `$id`
 * as the component name, so clients see `Agency`, not `def-3`.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const API_TAGS = [
  { name: 'health', description: 'Liveness and readiness probes (健康检查)' },
  {
    name: 'agencies',
    description: 'Market-supervision bureaus (市场监督管理局) and their units (科室 / 所)',
  },
  {
    name: 'document-numbers',
    description: 'Document numbers (文号): formats and the gap-free register (发文登记)',
  },
  {
    name: 'rule-settings',
    description: 'Configurable rules (规则设置): local practice with cited defaults and history',
  },
  { name: 'officers', description: 'Enforcement officers (执法人员) and their certificates (执法证)' },
  { name: 'api-keys', description: 'API keys (API 密钥) for system clients such as the provincial platform' },
  { name: 'audit', description: 'The tamper-evident audit trail (审计日志) and its hash-chain verification' },
  {
    name: 'power-list',
    description: 'Power and responsibility list (权责清单): items, dynamic adjustments, import, export',
  },
  { name: 'discretion', description: 'Discretion benchmarks (裁量基准) and penalty assessment' },
  { name: 'public', description: 'Published information, no authentication (公开)' },
  {
    name: 'cases',
    description:
      'Enforcement cases (行政处罚案件): leads, filing, investigation, review, notice, hearing, decision',
  },
  {
    name: 'on-the-spot-penalties',
    description:
      'On-the-spot penalties (简易程序 / 当场处罚): decisions, filing (备案), form reviews (文书审查)',
  },
  {
    name: 'criminal-transfers',
    description:
      'Criminal transfers to public security (行刑衔接): report, approval, transfer, police decision, review, hand-over, return',
  },
  {
    name: 'reconsiderations',
    description:
      'Administrative reconsideration (行政复议) of the bureau’s decisions: application, reply, decision and its effect',
  },
  {
    name: 'litigations',
    description:
      'Administrative litigation (行政诉讼): defence, hearings (负责人出庭应诉), judgment, appeal and its effect',
  },
  {
    name: 'publications',
    description:
      'Penalty publicity (行政处罚信息公示): publication, withdrawal, correction, expiry, and the restoration notice',
  },
  {
    name: 'credit',
    description:
      'Credit restoration (信用修复) and the abnormal-operation and serious-violation lists (经营异常名录、严重违法失信名单)',
  },
  { name: 'calendar', description: 'Working-day calendar (工作日历) and legal deadlines (法定期限)' },
];

export const openApiDocs = fp(
  async (app: FastifyInstance, options: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Fazhi (法治) market-supervision enforcement API',
          version: options.version,
          description:
            'REST API for a district Market Supervision Administration (区市场监督管理局): enforcement ' +
            'procedure, legal deadlines in Chinese working days, and the bureau’s rule-of-law figures. ' +
            'Errors are RFC 9457 problem details with a stable `code`. Writes accept `Idempotency-Key`; ' +
            'updates require `If-Match` with the ETag last read.',
          license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        },
        tags: API_TAGS,
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'An officer’s token: sub = officer id, agency = agency id',
            },
            apiKey: {
              type: 'apiKey',
              in: 'header',
              name: 'X-API-Key',
              description: 'A system client’s API key, scoped to operations',
            },
          },
        },
        security: [{ bearerAuth: [] }, { apiKey: [] }],
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) =>
          typeof json.$id === 'string' ? json.$id : `def-${i}`,
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiConfig: { deepLinking: true, displayOperationId: true, defaultModelsExpandDepth: 1 },
    });
    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);

// Placeholder while this module is being written; replaced by the real routes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const powerListImportRoutes: FastifyPluginAsyncTypebox = async () => {};

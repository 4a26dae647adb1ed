import { Type } from 'typebox';

export const LivenessSchema = Type.Object(
  { status: Type.Literal('ok') },
  { $id: 'Liveness', description: 'The process is alive (存活)' },
);

export const ReadinessSchema = Type.Object(
  {
    status: Type.Enum(['ready', 'not_ready']),
    database: Type.Object({
      kind: Type.Enum(['postgres', 'pglite']),
      reachable: Type.Boolean(),
      migrations: Type.Object({
        expected: Type.Integer(),
        applied: Type.Integer(),
        pending: Type.Integer(),
      }),
    }),
  },
  {
    $id: 'Readiness',
    description: 'Whether the service can take traffic (就绪): database reachable and migrated',
  },
);

export const healthSchemas = [LivenessSchema, ReadinessSchema];

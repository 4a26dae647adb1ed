/**
 * Response serializers compiled once per distinct schema. Fastify compiles a fast-json-stringify
 * serializer for every route × status, and most routes share their response schemas (the case
 * body answers some forty actions; every route has the same problem responses), so compiling each
 * separately took most of the start-up time (about 5 s of 7). Same schemas, same serializer: the
 * cache is keyed by the shared schemas and the route's own schema, never by the route.
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Factory = ReturnType<typeof SerializerSelector>;
type Serializer = ReturnType<ReturnType<Factory>>;

/** Shared across app instances of one process (tests build many): keyed by the shared schemas too. */
const compiled = new Map<string, Map<string, Serializer>>();

export function cachingSerializerFactory(): Factory {
  const build = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    const sharedKey = JSON.stringify([externalSchemas ?? null, options ?? null]);
    let cache = compiled.get(sharedKey);
    if (!cache) {
      cache = new Map();
      compiled.set(sharedKey, cache);
    }
    const serializers = cache;
    return (route) => {
      const key = JSON.stringify(route.schema ?? null);
      let serializer = serializers.get(key);
      if (!serializer) {
        serializer = compile(route);
        serializers.set(key, serializer);
      }
      return serializer;
    };
  };
}

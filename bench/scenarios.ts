/**
 * The benchmark scenarios, run in this order by bench/run.ts. To add one, append an object: a fixed
 * `path`, or a `setup` that prepares data through the API and returns the path to hammer. Every
 * response must be 2xx; a scenario with any other status fails the run.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Which server a scenario targets: the bare Fastify baseline or the Fazhi application. */
export type Target = 'hello-world' | 'fazhi';

export interface SetupContext {
  /** Base URL of the target server, without a trailing slash. */
  baseUrl: string;
  /** Fazhi: the demo bureau every request acts for (as its admin). */
  agencyId?: string;
  /** Sends one JSON request to the target; resolves to the parsed body, throws unless 2xx. */
  request<T = unknown>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
}

interface ScenarioBase {
  name: string;
  target: Target;
  method: HttpMethod;
  /** Sent on every request; objects are serialised as JSON with `content-type: application/json`. */
  body?: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

export type Scenario = ScenarioBase &
  ({ path: string; setup?: never } | { path?: never; setup: (context: SetupContext) => Promise<string> });

/** The scenario every other requests/s figure is divided by. */
export const BASELINE = 'hello-world';

export const scenarios: Scenario[] = [
  { name: BASELINE, target: 'hello-world', method: 'GET', path: '/' },
  { name: 'GET /healthz', target: 'fazhi', method: 'GET', path: '/healthz' },
  {
    name: 'GET /v1/agencies/{id}',
    target: 'fazhi',
    method: 'GET',
    // One database read behind authentication (itself one read of the officer record).
    setup: async ({ agencyId }) => `/v1/agencies/${agencyId}`,
  },
  {
    name: 'GET /v1/calendar/due-date',
    target: 'fazhi',
    method: 'GET',
    path: '/v1/calendar/due-date?from=2024-09-27&days=5&unit=working',
  },
];

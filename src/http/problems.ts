/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Every problem has a stable,
 * machine-readable `code`; clients branch on the code, people read `title` and `detail`.
 */

/** The codes this service answers with, their HTTP status and title. Stable: never rename one. */
export const PROBLEM_CODES = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  INVALID_CURSOR: { status: 400, title: 'The pagination cursor is not valid' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state' },
  DUPLICATE: { status: 409, title: 'A record with the same unique key exists' },
  CONCURRENT_UPDATE: { status: 409, title: 'A concurrent update interfered; retry the request' },
  PRECONDITION_FAILED: { status: 412, title: 'The resource changed since you read it' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used for a different request' },
  UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  CASE_RULE_VIOLATION: { status: 422, title: 'The case does not meet the conditions for this step' },
  ON_THE_SPOT_LIMIT_EXCEEDED: {
    status: 422,
    title: 'The penalty exceeds what may be imposed on the spot (APL art. 51); use the general procedure',
  },
  ON_THE_SPOT_RULE_VIOLATION: {
    status: 422,
    title: 'The on-the-spot penalty does not meet the conditions for this step',
  },
  PRECONDITION_REQUIRED: { status: 428, title: 'This update requires an If-Match header' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  AUTHENTICATION_REQUIRED: { status: 401, title: 'Authentication required' },
  TOKEN_EXPIRED: { status: 401, title: 'The token has expired' },
  TOKEN_INVALID: { status: 401, title: 'The token is not valid' },
  UNKNOWN_OFFICER: { status: 401, title: 'The token names no known officer' },
  ACCOUNT_INACTIVE: { status: 401, title: 'The officer is no longer active' },
  API_KEY_INVALID: { status: 401, title: 'The API key is not valid' },
  API_KEY_REVOKED: { status: 401, title: 'The API key was revoked' },
  FORBIDDEN: { status: 403, title: 'Your roles do not allow this operation' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  SHUTTING_DOWN: { status: 503, title: 'The server is shutting down; retry on another instance' },
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One invalid input: where it is (JSON pointer into body, query, params or headers) and why. */
export interface FieldError {
  in: 'body' | 'querystring' | 'params' | 'headers';
  pointer: string;
  message: string;
}

/** The members every problem has; extension members (e.g. `currentEtag`) may be added. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
}

export type Problem = ProblemBody & { instance?: string; requestId?: string } & Record<string, unknown>;

/** Problem types are URNs: stable identifiers that do not pretend to be web pages. */
export function problemType(code: string): string {
  return `urn:fazhi:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/**
 * An error the client can act on. Throw it anywhere below a route; the error handler turns it
 * into a problem response. `extensions` become extra members of the problem body.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: string,
    readonly detail?: string,
    options: {
      status?: number;
      title?: string;
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      /** Response headers the problem needs, e.g. WWW-Authenticate on a 401. */
      headers?: Record<string, string>;
    } = {},
  ) {
    const known = (PROBLEM_CODES as Record<string, { status: number; title: string }>)[code];
    const status = options.status ?? known?.status ?? 400;
    const title = options.title ?? known?.title ?? 'Bad request';
    super(detail ?? title);
    this.name = 'HttpProblem';
    this.status = status;
    this.title = title;
    this.errors = options.errors;
    this.extensions = options.extensions;
    this.headers = options.headers;
  }
  readonly errors?: FieldError[];
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

export const notFound = (what: string, id?: string) =>
  new HttpProblem('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`);

/** 400 VALIDATION_FAILED for field errors found by the services (Ajv's own errors take the same shape). */
export function validationFailed(errors: FieldError[]): HttpProblem {
  return new HttpProblem('VALIDATION_FAILED', fieldErrorsDetail(errors), { errors });
}

/** `body/parties/0/residentId is required; …`: the detail line of a validation problem. */
export function fieldErrorsDetail(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.in}${e.pointer} ${e.message}`).join('; ');
}

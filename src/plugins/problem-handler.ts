/**
 * One error handler for the whole service: every error leaves as an RFC 9457 problem with a
 * stable code. 5xx bodies say only that something failed (and the request id to quote); the
 * details go to the log, never to the client.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  type FieldError,
  fieldErrorsDetail,
  HttpProblem,
  PROBLEM_CODES,
  type ProblemBody,
  type ProblemCode,
  problemType,
} from '../http/problems';

type AnyProblem = ProblemBody & Record<string, unknown>;

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

/** Other client errors from Fastify or its plugins, by status. */
const STATUS_CODES_4XX: Record<number, ProblemCode> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/** PostgreSQL SQLSTATEs a client can act on, when a service did not translate them itself. */
const SQLSTATE_CODES: Record<string, ProblemCode> = {
  '23505': 'DUPLICATE', // unique_violation
  '40001': 'CONCURRENT_UPDATE', // serialization_failure
  '40P01': 'CONCURRENT_UPDATE', // deadlock_detected
};

/** drizzle wraps driver errors; the SQLSTATE sits somewhere down the `cause` chain. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    // The first error with a code decides: a wrapper with its own code hides the driver error below.
    if (typeof code === 'string') return /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  }
  return undefined;
}

function fieldErrors(context: string | undefined, errors: AjvError[]): FieldError[] {
  const location =
    (['body', 'querystring', 'params', 'headers'] as const).find((c) => c === context) ?? 'body';
  return errors.map((e) => {
    if (e.keyword === 'additionalProperties') {
      return {
        in: location,
        pointer: `${e.instancePath}/${String(e.params.additionalProperty)}`,
        message: 'is not a known field',
      };
    }
    if (e.keyword === 'required') {
      return {
        in: location,
        pointer: `${e.instancePath}/${String(e.params.missingProperty)}`,
        message: 'is required',
      };
    }
    const allowed = Array.isArray(e.params.allowedValues) ? `: ${e.params.allowedValues.join(', ')}` : '';
    return {
      in: location,
      pointer: e.instancePath || '/',
      message: `${e.message ?? 'is invalid'}${allowed}`,
    };
  });
}

function problemOf(code: ProblemCode, detail?: string, extra: Record<string, unknown> = {}): AnyProblem {
  const { status, title } = PROBLEM_CODES[code];
  return { type: problemType(code), title, status, ...(detail ? { detail } : {}), code, ...extra };
}

export function toProblem(error: FastifyError | HttpProblem | Error): AnyProblem {
  if (error instanceof HttpProblem) {
    return {
      ...(error.extensions ?? {}),
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      ...(error.detail ? { detail: error.detail } : {}),
      code: error.code,
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError.validation) {
    const errors = fieldErrors(fastifyError.validationContext, fastifyError.validation);
    return problemOf('VALIDATION_FAILED', fieldErrorsDetail(errors), { errors });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return problemOf(mapped, fastifyError.message);
  const state = sqlState(error);
  const stateCode = state ? SQLSTATE_CODES[state] : undefined;
  if (stateCode) return problemOf(stateCode);
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const byStatus = STATUS_CODES_4XX[status];
    if (byStatus) return problemOf(byStatus, fastifyError.message);
    return {
      ...problemOf('BAD_REQUEST', fastifyError.message),
      status,
      title: STATUS_CODES[status] ?? 'Client error',
    };
  }
  return problemOf(
    'INTERNAL_ERROR',
    'The request failed on the server. Quote the request id when reporting it.',
  );
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: AnyProblem) {
  return (
    reply
      .code(problem.status)
      .type('application/problem+json')
      // Problems are built here, complete: never let a route's response schema reshape or reject one.
      .serializer(JSON.stringify)
      .send({ ...problem, instance: request.url.split('?')[0], requestId: request.id })
  );
}

export const problemHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toProblem(error);
      if (problem.code === 'SHUTTING_DOWN') request.log.warn('request refused: shutting down');
      else if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
      if (problem.status === 503 || problem.code === 'CONCURRENT_UPDATE') reply.header('retry-after', '1');
      if (error instanceof HttpProblem && error.headers) reply.headers(error.headers);
      return sendProblem(request, reply, problem);
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        request,
        reply,
        problemOf('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`),
      ),
    );
  },
  { name: 'problem-handler' },
);

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a malformed request line,
 * oversize headers, a request that took too long to arrive): answered as problems too, on the
 * raw socket, and the connection closed. Passed to Fastify as `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const code: ProblemCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'BAD_REQUEST';
  const problem = problemOf(code, 'The HTTP request could not be read');
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

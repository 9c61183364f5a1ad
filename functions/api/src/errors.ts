import { DomainError, type ErrorCode, type FieldError } from '@peopleplan/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** The one place that maps errors to HTTP. Error bodies: `{ error: { code, message, details? } }`. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  'bad-request': 400,
  'bad-cursor': 400,
  unauthorised: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'plan-archived': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'too-many-requests': 429,
  unavailable: 503,
};

const CODE_FOR_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad-request',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
};

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path:
      i.path.join('.') ||
      (i.code === 'unrecognized_keys' ? ((i as { keys?: string[] }).keys?.join(', ') ?? '') : ''),
    message: i.message,
  }));
}

export function onError(
  err: Error,
  c: Context,
  log: (e: Error) => void,
  /** A refusal with a cause underneath (a file a reader could not open): logged for whoever looks into it. */
  note: (e: Error, cause: Error) => void = () => {},
) {
  if (err instanceof DomainError) {
    if (err.cause instanceof Error) note(err, err.cause);
    return c.json(errorBody(err.code, err.message, err.details), STATUS[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = CODE_FOR_STATUS[status];
    if (code) {
      const message =
        status === 400 && /json/i.test(err.message)
          ? 'The request body is not valid JSON'
          : err.message || code;
      return c.json(errorBody(code, message), status as ContentfulStatusCode);
    }
  }
  log(err);
  return c.json(
    { error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } },
    500,
  );
}

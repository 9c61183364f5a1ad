/**
 * Domain errors. The API maps each `code` to an HTTP status in one place (functions/api onError).
 * Messages are safe to show to the user; they never name another council's data.
 */
export type ErrorCode =
  | 'bad-request'
  | 'bad-cursor'
  | 'unauthorised'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'plan-archived'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unprocessable'
  | 'too-many-requests'
  | 'unavailable';

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** `cause`: what went wrong underneath, for the log; the person is told `message`. */
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not-found', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this') => new DomainError('forbidden', message);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
/** A limit on how much of something may be done in a while (429): try again later. */
export const tooMany = (message: string) => new DomainError('too-many-requests', message);
/** An archived plan is the council's record: nothing in it changes (docs/architecture.md, section 6). */
export const PLAN_ARCHIVED_MESSAGE = 'This plan is archived, so it can no longer be changed.';
export const planArchived = () => new DomainError('plan-archived', PLAN_ARCHIVED_MESSAGE);
export const badRequest = (message: string, details?: FieldError[]) =>
  new DomainError('bad-request', message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new DomainError('unprocessable', message, details);

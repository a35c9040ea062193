import type { ErrorCode } from '../../contracts/errors';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * Every failure a user can cause is a DomainError with a code from the closed list in
 * contracts/errors.ts; the HTTP status is decided here, once, not in routes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldError[],
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(fields: FieldError[]) {
    super('VALIDATION_FAILED', 400, {}, fields);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 401);
  }
}
export class ForbiddenError extends DomainError {
  constructor() {
    super('FORBIDDEN', 403);
  }
}
export class NotOwnerError extends DomainError {
  constructor() {
    super('NOT_OWNER', 403);
  }
}
export class NotFoundError extends DomainError {
  constructor(code: ErrorCode = 'NOT_FOUND') {
    super(code, 404);
  }
}
export class ConflictError extends DomainError {
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(code, 409, params);
  }
}
export class RateLimitedError extends DomainError {
  constructor(
    code: ErrorCode,
    readonly retryAfterSeconds: number,
  ) {
    super(code, 429, { retryAfterSeconds });
  }
}

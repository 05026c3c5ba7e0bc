/**
 * One error type for the whole application: a stable code, a message in Chinese and English, and details.
 * HTTP status comes from one table (httpStatusOf); a 500 never shows its message to the client.
 */
export const errorStatus = {
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A cookie-authenticated state-changing request without the anti-CSRF header or from a foreign origin. */
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  TRANSITION_NOT_ALLOWED: 409,
  CONCURRENT_CHANGE: 409,
  /** A unique value (credit code, e-mail, region code) that is already taken. */
  ALREADY_EXISTS: 409,
  /** The same agreement was already filed (same document, or an overlapping term already registered or in review). */
  DUPLICATE_FILING: 409,
  /** A document asked for on request needs facts the case does not record yet (details.missing names them). */
  CASE_FACTS_MISSING: 409,
  /** The same Idempotency-Key was used for a different request. */
  IDEMPOTENCY_CONFLICT: 409,
  /** The first request with this Idempotency-Key is still running. */
  IDEMPOTENCY_IN_PROGRESS: 409,
  STATUTORY_RULE_VIOLATED: 422,
  RATE_LIMITED: 429,
  INTEGRITY_VIOLATION: 500,
  INTERNAL: 500,
} as const
export type TErrorCode = keyof typeof errorStatus

export type TBilingual = { zh: string; en: string }

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly text: TBilingual,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${text.en}`)
    this.name = 'AppError'
  }
}

export function httpStatusOf(code: TErrorCode): number {
  return errorStatus[code]
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError

/**
 * The one place typed errors become HTTP responses (status from the table in src/errors/app-error.ts). A 500
 * never shows its message, details or stack. The idempotency layer stores exactly what this produces.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import { AppError, httpStatusOf } from '../errors/app-error.js'

export type TErrorBody = {
  error: { code: string; message: { zh: string; en: string }; details?: Record<string, unknown> }
}

export type TErrorResponse = { status: number; body: TErrorBody; headers: Record<string, string> }

/** Issue messages are always { zh, en } (engine commands may give one string, used for both). */
function normaliseDetails(details: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(details.issues)) return details
  return {
    ...details,
    issues: details.issues.map((i: { message?: unknown }) =>
      typeof i?.message === 'string' ? { ...i, message: { zh: i.message, en: i.message } } : i,
    ),
  }
}

export function errorBody(e: AppError): TErrorBody {
  const internal = httpStatusOf(e.code) >= 500
  return {
    error: {
      code: internal ? 'INTERNAL' : e.code,
      message: internal ? { zh: '服务器内部错误', en: 'internal server error' } : e.text,
      ...(!internal && Object.keys(e.details).length ? { details: normaliseDetails(e.details) } : {}),
    },
  }
}

/** Status, body and headers of any thrown value; `onInternal` sees every unexpected error (for the log). */
export function errorResponse(err: unknown, onInternal: (e: unknown) => void): TErrorResponse {
  const e = toAppError(err, onInternal)
  const headers: Record<string, string> = {}
  if (e.code === 'RATE_LIMITED' && typeof e.details.retryAfterSeconds === 'number') {
    headers['Retry-After'] = String(e.details.retryAfterSeconds)
  }
  if (e.code === 'UNAUTHENTICATED') headers['WWW-Authenticate'] = 'Bearer realm="wagepact"'
  return { status: httpStatusOf(e.code), body: errorBody(e), headers }
}

export function sendError(res: Response, r: TErrorResponse) {
  res.status(r.status).set(r.headers).json(r.body)
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', { zh: `路径不存在：${req.path}`, en: `no such route: ${req.path}` }))
}

export function errorHandler(onInternal: (e: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) return
    sendError(res, errorResponse(err, onInternal))
  }
}

function toAppError(err: unknown, onInternal: (e: unknown) => void): AppError {
  if (err instanceof AppError) {
    if (httpStatusOf(err.code) >= 500) onInternal(err) // e.g. INTEGRITY_VIOLATION: logged, never shown
    return err
  }
  if (isBodyParserError(err)) {
    return err.type === 'entity.too.large'
      ? new AppError(
          'PAYLOAD_TOO_LARGE',
          { zh: '请求内容过大（上限 1 MB）', en: 'request body too large (limit 1 MB)' },
          { issues: [{ path: 'body', code: err.type, message: { zh: '请求内容过大', en: 'too large' } }] },
        )
      : new AppError(
          'INVALID_INPUT',
          { zh: '请求内容不是有效的 UTF-8 JSON', en: 'request body is not valid UTF-8 JSON' },
          { issues: [{ path: 'body', code: err.type, message: { zh: '无法解析', en: 'cannot be parsed' } }] },
        )
  }
  onInternal(err)
  return new AppError('INTERNAL', { zh: '服务器内部错误', en: 'internal server error' })
}

function isBodyParserError(e: unknown): e is { type: string; status: number } {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && 'status' in e
}

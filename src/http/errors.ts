/** The one place typed errors become HTTP responses. A 500 never shows its message or stack. */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { AppError, httpStatusOf } from '../errors/app-error.js'

export type TErrorBody = {
  error: { code: string; message: { zh: string; en: string }; details?: Record<string, unknown> }
}

export function errorBody(e: AppError): TErrorBody {
  const internal = httpStatusOf(e.code) >= 500
  return {
    error: {
      code: internal ? 'INTERNAL' : e.code,
      message: internal ? { zh: '服务器内部错误', en: 'internal server error' } : e.text,
      ...(!internal && Object.keys(e.details).length ? { details: e.details } : {}),
    },
  }
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', { zh: `路径不存在：${req.path}`, en: `no such route: ${req.path}` }))
}

export function errorHandler(onInternal: (e: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const e = toAppError(err, onInternal)
    res.status(httpStatusOf(e.code)).json(errorBody(e))
  }
}

function toAppError(err: unknown, onInternal: (e: unknown) => void): AppError {
  if (err instanceof AppError) return err
  if (isBodyParserError(err)) {
    return err.type === 'entity.too.large'
      ? new AppError('PAYLOAD_TOO_LARGE', { zh: '请求内容过大', en: 'request body too large' }, { issues: [{ path: 'body', message: err.type }] })
      : new AppError('INVALID_INPUT', { zh: '请求内容不是有效的 JSON', en: 'request body is not valid JSON' }, { issues: [{ path: 'body', message: err.type }] })
  }
  onInternal(err)
  return new AppError('INTERNAL', { zh: '服务器内部错误', en: 'internal server error' })
}

function isBodyParserError(e: unknown): e is { type: string; status: number } {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && 'status' in e
}

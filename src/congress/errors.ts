/**
 * The congress module's errors: AppError values (src/errors) with a Chinese and an English message that name the
 * field or the rule. Every error carries `details.reason`, a stable UPPER_SNAKE sub-code (the AppError code table
 * is shared, so several reasons map to one HTTP status).
 */
import type { z } from 'zod'
import { AppError, type TErrorCode } from '../errors/app-error.js'

export type TIssue = { path: string; message: { zh: string; en: string } }

export function congressError(
  code: TErrorCode,
  reason: string,
  text: { zh: string; en: string },
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, text, { reason, ...details })
}

/** One invalid field: INVALID_INPUT naming it in both languages. */
export function invalidField(path: string, zh: string, en: string, details: Record<string, unknown> = {}): AppError {
  return congressError(
    'INVALID_INPUT',
    'INVALID_INPUT',
    { zh: `${path}：${zh}`, en: `${path}: ${en}` },
    { issues: [{ path, message: { zh, en } }], ...details },
  )
}

/** Parses command input with a zod schema; failures become INVALID_INPUT listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: { zh: string; en: string }): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues: TIssue[] = parsed.error.issues.map((i) => {
    const path = i.path.map(String).join('.') || '(root)'
    return { path, message: { zh: `${path}：${i.message}`, en: `${path}: ${i.message}` } }
  })
  const fields = [...new Set(issues.map((i) => i.path))].join(', ')
  throw congressError(
    'INVALID_INPUT',
    'INVALID_INPUT',
    { zh: `${what.zh}无效：${fields}`, en: `invalid ${what.en}: ${fields}` },
    { issues },
  )
}

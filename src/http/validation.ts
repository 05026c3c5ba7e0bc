/**
 * Request validation: a route's zod schemas for params, query and body are applied here, and the handler gets the
 * parsed, typed values. A refusal is one INVALID_INPUT (400) listing every issue with its field path (`body.x.y`,
 * `query.limit`, `params.id`) and a message in Chinese and English (zod's zh-CN locale for the Chinese; a schema's
 * own message, written in English, is used for both).
 */
import { z, type ZodType } from 'zod'
import { AppError, type TBilingual } from '../errors/app-error.js'

export type TIssue = { path: string; code: string; message: TBilingual }
export type TLocation = 'params' | 'query' | 'body' | 'headers'

const zhCN = z.locales.zhCN()

function parsePart(schema: ZodType, input: unknown, location: TLocation): { data: unknown } | { issues: TIssue[] } {
  const en = schema.safeParse(input)
  if (en.success) return { data: en.data }
  // Only a refusal is parsed again, for the Chinese messages.
  const zh = schema.safeParse(input, { error: zhCN.localeError })
  const zhIssues = zh.success ? [] : zh.error.issues
  return {
    issues: en.error.issues.map((i, n) => ({
      path: [location, ...i.path.map(String)].join('.'),
      code: i.code,
      message: { zh: zhIssues[n]?.message ?? i.message, en: i.message },
    })),
  }
}

/**
 * U+0000 in any string or key of a request part. PostgreSQL cannot store it in text (SQLite can), so it is refused
 * at the edge for both databases alike, with the field named, before any schema or handler sees it.
 */
export function nulCharacterIssues(value: unknown, path: string): TIssue[] {
  const issue = (at: string): TIssue => ({
    path: at,
    code: 'nul_character',
    message: { zh: '不得包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' },
  })
  if (typeof value === 'string') return value.includes('\u0000') ? [issue(path)] : []
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => [
    ...(k.includes('\u0000') ? [issue(path)] : []),
    ...nulCharacterIssues(v, `${path}.${k}`),
  ])
}

export function invalidInput(issues: TIssue[]): AppError {
  return new AppError('INVALID_INPUT', { zh: '请求参数无效', en: 'invalid request' }, { issues })
}

/** Parses every part; throws one INVALID_INPUT with all the issues of all the parts. */
export function parseRequest<P extends ZodType, Q extends ZodType, B extends ZodType>(
  schemas: { params?: P; query?: Q; body?: B },
  input: { params: unknown; query: unknown; body: unknown },
): { params: z.output<P>; query: z.output<Q>; body: z.output<B> } {
  const issues: TIssue[] = []
  const out: Record<string, unknown> = {}
  for (const location of ['params', 'query', 'body'] as const) {
    const schema = schemas[location]
    if (!schema) continue
    const nul = nulCharacterIssues(input[location], location)
    if (nul.length) {
      issues.push(...nul)
      continue
    }
    const r = parsePart(schema, input[location], location)
    if ('issues' in r) issues.push(...r.issues)
    else out[location] = r.data
  }
  if (issues.length) throw invalidInput(issues)
  return out as { params: z.output<P>; query: z.output<Q>; body: z.output<B> }
}

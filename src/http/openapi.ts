/**
 * The OpenAPI 3.1 document, generated from the route table: every registered route with its zod schemas
 * (z.toJSONSchema, JSON Schema 2020-12 — the dialect of OpenAPI 3.1), access rule, success and error responses.
 */
import crypto from 'node:crypto'
import { z, type ZodObject, type ZodType } from 'zod'
import type { TAnyRoute } from './route.js'
import { IDEMPOTENCY_HEADER } from './route.js'
import { CSRF_HEADER } from './csrf.js'
import { SESSION_COOKIE } from './cookies.js'
import { ZErrorBodySchema } from './schemas.js'

type TJson = Record<string, unknown>

const ERROR_TEXT: Record<number, { zh: string; en: string }> = {
  400: { zh: '请求参数无效（含字段路径）', en: 'Invalid input (with field paths)' },
  401: { zh: '未登录', en: 'Not signed in' },
  403: { zh: '无权执行（角色、一方或 CSRF）', en: 'Not allowed (role, side or CSRF)' },
  404: { zh: '不存在或无权查看', en: 'Not found, or not visible to you' },
  409: { zh: '状态不允许（列出可接受的事件）、并发修改、重复或幂等键冲突', en: 'Transition not allowed (allowed events listed), concurrent change, duplicate, or idempotency conflict' },
  413: { zh: '请求内容过大（上限 1 MB）', en: 'Body too large (1 MB limit)' },
  422: { zh: '违反法定规则（注明条款）', en: 'Statutory rule violated (with the article)' },
  429: { zh: '请求过于频繁（Retry-After）', en: 'Too many attempts (Retry-After)' },
  500: { zh: '服务器内部错误（不含内部细节）', en: 'Internal error (no internals shown)' },
}

/** Shared definitions of recursive schemas (the region tree): `#/$defs/x` of one schema → components.schemas. */
type TDefs = Record<string, unknown>

export function jsonSchema(schema: ZodType, io: 'input' | 'output', defs: TDefs = {}): TJson {
  const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as TJson
  if (!$defs) return rest
  // A `#/$defs/…` reference resolves against the OpenAPI document, not this schema: move the definitions to
  // components.schemas under names derived from their content, and point the references there.
  const names = new Map<string, string>()
  for (const [key, def] of Object.entries($defs as Record<string, unknown>)) {
    names.set(key, `D${crypto.createHash('sha256').update(JSON.stringify(def)).digest('hex').slice(0, 12)}`)
  }
  const rewrite = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(rewrite)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v).map(([k, x]) => [
              k,
              k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')
                ? `#/components/schemas/${names.get(x.slice('#/$defs/'.length))}`
                : rewrite(x),
            ]),
          )
        : v
  for (const [key, def] of Object.entries($defs as Record<string, unknown>)) defs[names.get(key)!] = rewrite(def)
  return rewrite(rest) as TJson
}

export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}')

const text = (t: { zh: string; en: string }) => `${t.zh} / ${t.en}`

export function accessText(r: TAnyRoute): { zh: string; en: string } {
  if (r.access === 'public') return { zh: '公开', en: 'public' }
  if (r.access === 'signedIn') return { zh: '任何已登录账号（按对象权限）', en: 'any signed-in account (object checks apply)' }
  return { zh: `角色：${r.access.join('、')}`, en: `roles: ${r.access.join(', ')}` }
}

function parameters(schema: ZodType | undefined, location: 'path' | 'query', defs: TDefs): TJson[] {
  if (!schema) return []
  const shape = (schema as unknown as ZodObject).shape as Record<string, ZodType>
  return Object.entries(shape).map(([name, field]) => {
    const s = jsonSchema(field, 'input', defs)
    const description = typeof s.description === 'string' ? s.description : undefined
    return {
      name,
      in: location,
      required: location === 'path' || !field.safeParse(undefined).success,
      schema: s,
      ...(description ? { description } : {}),
    }
  })
}

function operation(r: TAnyRoute, defs: TDefs): TJson {
  const params: TJson[] = [...parameters(r.params, 'path', defs), ...parameters(r.query, 'query', defs)]
  if (r.method === 'post' && r.idempotency !== 'none' && r.access !== 'public') {
    params.push({
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      description:
        '重试同一请求时返回第一次的响应；同一键用于不同请求时返回 409。/ A retry returns the first response; the same key with another request gives 409.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    })
  }
  const responses: TJson = {}
  for (const [status, spec] of Object.entries(r.responses)) {
    const contentType = spec.contentType ?? 'application/json'
    responses[status] = {
      description: text(spec.description),
      ...(spec.headers
        ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: text(d), schema: { type: 'string' } }])) }
        : {}),
      ...(spec.schema
        ? { content: { [contentType]: { schema: jsonSchema(spec.schema, 'output', defs) } } }
        : spec.contentType
          ? { content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } }
          : {}),
    }
  }
  const errorStatuses = new Set<number>([500, ...(r.errors ?? [])])
  if (r.params || r.query || r.body) errorStatuses.add(400)
  if (r.body) errorStatuses.add(413)
  if (r.access !== 'public') errorStatuses.add(401)
  if (Array.isArray(r.access) || (r.method !== 'get' && r.access !== 'public')) errorStatuses.add(403)
  if (r.method === 'post' && r.idempotency !== 'none' && r.access !== 'public') errorStatuses.add(409)
  for (const status of [...errorStatuses].sort()) {
    responses[String(status)] = { $ref: `#/components/responses/E${status}` }
  }
  const access = accessText(r)
  return {
    operationId: r.operationId,
    tags: [r.tag],
    summary: text(r.summary),
    description: [r.description ? text(r.description) : '', `访问 / Access: ${access.zh} / ${access.en}`].filter(Boolean).join('\n\n'),
    ...(r.access === 'public' ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input', defs) } } } } : {}),
    responses,
    'x-access': r.access,
  }
}

export function buildOpenApi(routes: readonly TAnyRoute[], version: string): TJson {
  const paths: Record<string, TJson> = {}
  const defs: TDefs = {}
  for (const r of routes) {
    const p = (paths[openApiPath(r.fullPath)] ??= {})
    p[r.method] = operation(r, defs)
  }
  const errorSchema = jsonSchema(ZErrorBodySchema, 'output')
  return {
    openapi: '3.1.0',
    info: {
      title: 'wagepact API — 工资集体协商',
      version,
      description:
        '工资集体协商流程引擎的接口。会话 Cookie 用于网页（修改请求须带 X-Requested-With 请求头），API 令牌用于系统对接。\n\n' +
        'The API of the collective wage negotiation engine. Session cookies for the web (state-changing requests need the ' +
        'X-Requested-With header), bearer API tokens for integrations.',
    },
    servers: [{ url: '/' }],
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `POST /api/v1/auth/login; state-changing requests also need the ${CSRF_HEADER} header`,
        },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'personal API token wp_… (POST /api/v1/auth/tokens)' },
      },
      schemas: { Error: errorSchema, ...defs },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([status, t]) => [
          `E${status}`,
          {
            description: text(t),
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            ...(status === '429' ? { headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } } } : {}),
          },
        ]),
      ),
    },
  }
}

/** Health, readiness, the OpenAPI document and the API page. */
import { z } from 'zod'
import { buildOpenApi } from '../openapi.js'
import { renderDocsPage } from '../docs-page.js'
import type { TAdd } from '../route.js'
import type { TResource, TServices } from '../services.js'

const API_VERSION = '1.0.0'

const ZHealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgresql']),
  migration: z.object({ applied: z.string().nullable(), expected: z.string().nullable(), upToDate: z.boolean() }),
  machines: z.record(z.string(), z.number()),
  error: z.string().optional(),
})

const healthResponses = {
  200: { description: { zh: '正常', en: 'Healthy' }, schema: ZHealthSchema },
  503: { description: { zh: '不可用（数据库不可达或迁移未完成）', en: 'Unavailable (database unreachable or migrations pending)' }, schema: ZHealthSchema },
}

const health = async (s: TServices) => {
  const h = await s.health()
  return { status: h.status === 'ok' ? 200 : 503, body: h }
}

/** /healthz and /readyz at the root (for load balancers). */
export function registerProbes(add: TAdd, s: TServices) {
  add({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    tag: 'operations',
    summary: { zh: '健康检查', en: 'Health check' },
    access: 'public',
    responses: healthResponses,
    handler: () => health(s),
  })
  add({
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    tag: 'operations',
    summary: { zh: '就绪检查（关闭时失败）', en: 'Readiness (fails while shutting down)' },
    access: 'public',
    responses: {
      200: { description: { zh: '就绪', en: 'Ready' }, schema: ZHealthSchema.extend({ ready: z.boolean() }) },
      503: { description: { zh: '未就绪', en: 'Not ready' }, schema: ZHealthSchema.extend({ ready: z.boolean() }) },
    },
    handler: async () => {
      const h = await s.health()
      const ready = s.isReady() && h.status === 'ok'
      return { status: ready ? 200 : 503, body: { ready, ...h } }
    },
  })
}

export const systemResource: TResource = (add, s) => {
  let doc: Record<string, unknown> | undefined
  let page: string | undefined
  const openApi = () => (doc ??= buildOpenApi(s.routes, API_VERSION))

  add({
    method: 'get',
    path: '/health',
    operationId: 'health',
    tag: 'operations',
    summary: { zh: '健康检查', en: 'Health check' },
    access: 'public',
    responses: healthResponses,
    handler: () => health(s),
  })

  add({
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    tag: 'documentation',
    summary: { zh: 'OpenAPI 3.1 文档', en: 'The OpenAPI 3.1 document' },
    access: 'public',
    responses: { 200: { description: { zh: 'OpenAPI 文档', en: 'The document' }, schema: z.record(z.string(), z.unknown()) } },
    handler: async () => ({ status: 200, body: openApi() }),
  })

  add({
    method: 'get',
    path: '/docs',
    operationId: 'docs',
    tag: 'documentation',
    summary: { zh: '接口文档页面', en: 'The API reference page' },
    access: 'public',
    responses: { 200: { description: { zh: 'HTML 页面', en: 'An HTML page' }, contentType: 'text/html' } },
    handler: async () => ({
      status: 200,
      bytes: { contentType: 'text/html; charset=utf-8', data: Buffer.from((page ??= renderDocsPage(openApi()))) },
    }),
  })
}

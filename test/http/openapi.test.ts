import { compileErrors, validate } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiPath } from '../../src/http/openapi.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld } from '../support/http.js'

type TLayer = {
  route?: { path: string; methods: Record<string, boolean> }
  handle: { stack?: TLayer[] }
  match(path: string): boolean
}

/** Every route registered in the Express app, from its router stack (mounted routers included). */
function expressRoutes(app: { router: { stack: TLayer[] } }): string[] {
  const out: string[] = []
  const walk = (stack: TLayer[], base: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push(`${method} ${base}${layer.route.path}`)
      } else if (layer.handle.stack) {
        // Express 5 keeps no mount path string on a layer: probe it.
        const mount = layer.match('/api/v1/__probe') && !layer.match('/__probe') ? '/api/v1' : ''
        walk(layer.handle.stack, base + mount)
      }
    }
  }
  walk(app.router.stack, '')
  return out.sort()
}

describe.each(PROVIDERS_UNDER_TEST)('OpenAPI document on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let doc: { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> }

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    const res = await w.anon.get('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    doc = res.body
  })
  afterAll(async () => {
    await w?.close()
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc).toMatchObject({ openapi: '3.1.0' })
    const result = await validate(structuredClone(doc) as never)
    if (!result.valid) throw new Error(compileErrors(result))
    expect(result.valid).toBe(true)
  })

  it('lists exactly the routes registered in the Express app', () => {
    const registered = expressRoutes(w.app as unknown as { router: { stack: TLayer[] } }).map((r) => {
      const [method, path] = r.split(' ')
      return `${method} ${openApiPath(path!)}`
    })
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort()
    expect(registered.length).toBeGreaterThan(50)
    expect(documented).toEqual(registered)
    // Operation ids are unique.
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('documents the request schemas from zod, the error responses and the Idempotency-Key header', () => {
    const send = doc.paths['/api/v1/cases/{caseId}/events']!.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { oneOf?: unknown[]; anyOf?: unknown[] } } } }
      parameters: { name: string; in: string }[]
      responses: Record<string, unknown>
    }
    const union = send.requestBody.content['application/json'].schema
    expect((union.oneOf ?? union.anyOf)!.length).toBeGreaterThan(5)
    expect(send.parameters).toEqual(expect.arrayContaining([{ name: 'caseId', in: 'path', required: true, schema: expect.any(Object) }, expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]))
    for (const status of ['201', '400', '401', '403', '404', '409', '413', '422', '500']) expect(send.responses).toHaveProperty(status)
    expect(doc.paths['/api/v1/cases']!.get!.responses).toHaveProperty('200')
  })

  it('every case step of the machine has a resource-style alias', () => {
    const aliases = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId)).filter((id) => id.startsWith('event_'))
    expect(aliases).toEqual(expect.arrayContaining(['event_requestSent', 'event_roundHeld', 'event_agreementFiled', 'event_reviewApproved']))
  })

  it('the API page lists every operation, Chinese first, with no external assets', async () => {
    const res = await w.anon.get('/api/v1/docs')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    const html = res.text
    expect(html).toMatch(/<html lang="zh-CN">/)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.gov\.cn)[^"'\s]*\.(js|css)/)
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(html).toContain(`id="${op.operationId}"`)
    expect(html.indexOf('发送一个案件事件')).toBeLessThan(html.indexOf('Send one event to a case'))
  })
})

/**
 * Property-based: random and malformed bodies and query strings thrown at every POST and PATCH route. Never a
 * 5xx, and a refused request (4xx) writes nothing: the row count of every table is unchanged. (RateLimitHit is
 * left out: a failed login is counted on purpose.)
 */
import fc from 'fast-check'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ZodObject, ZodType } from 'zod'
import { ZNegotiationEventSchema } from '../../workflows/negotiation/events.js'
import type { TCalendarStore } from '../../src/engine/calendars.js'
import type { TEngine } from '../../src/engine/engine.js'
import { createApp } from '../../src/http/app.js'
import type { TAnyRoute } from '../../src/http/route.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { caseAwaitingReply, createHttpWorld, type TClient, type TUserKey } from '../support/http.js'
import { PAPER_BODY_LIMIT_BYTES } from '../../src/http/resources/paper-filings.js'

/** The route table, read from an app built without a database (routes are registered up front). */
const routes: TAnyRoute[] = createApp({
  logger: pino({ level: 'silent' }),
  health: async () => {
    throw new Error('unused')
  },
  isReady: () => true,
  engine: {} as TEngine,
  calendars: {} as TCalendarStore,
}).routeTable.filter((r) => r.method === 'post' || r.method === 'patch')

const RUNS = Number(process.env.FUZZ_RUNS ?? 25)

const eventTypes = (ZNegotiationEventSchema.options as unknown as ZodObject[]).map((o) => (o.shape.type as { value: string }).value)

/** Field names the body schema knows (top level), so random objects reach deeper validation. */
function knownKeys(schema: ZodType | undefined): string[] {
  const keys = new Set<string>(['type', 'expectedRevision', 'id', 'x'])
  const visit = (s: unknown) => {
    if (!s) return
    const def = (s as { _zod?: { def?: { type?: string; shape?: object; options?: unknown[]; in?: unknown; innerType?: unknown } } })._zod?.def
    if (!def) return
    if (def.shape) Object.keys(def.shape).forEach((k) => keys.add(k))
    if (def.options) def.options.forEach(visit)
    if (def.in) visit(def.in)
    if (def.innerType) visit(def.innerType)
  }
  visit(schema)
  return [...keys]
}

const jsonScalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-06-04', '2026-02-30', '', ' ', 'worker', 'employer', 'national', 'wageAgreement', '440106', 'ent-tianhe', '\u0000', '💥', 'a'.repeat(300)),
)

function bodyArbitrary(route: TAnyRoute) {
  const keys = knownKeys(route.body)
  const value = fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keys), jsonScalar, { maxKeys: 3 }))
  const shaped = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 })
  const typed = fc.record({ type: fc.constantFrom(...eventTypes) }).chain((t) => shaped.map((o) => ({ ...o, ...t })))
  return fc.oneof(
    { arbitrary: shaped.map((o) => ({ kind: 'json' as const, value: o as unknown })), weight: 4 },
    { arbitrary: typed.map((o) => ({ kind: 'json' as const, value: o as unknown })), weight: 2 },
    { arbitrary: fc.jsonValue().map((v) => ({ kind: 'json' as const, value: v as unknown })), weight: 2 },
    // Not JSON at all, or truncated JSON, sent as application/json.
    { arbitrary: fc.string({ maxLength: 60 }).map((s) => ({ kind: 'raw' as const, value: s as unknown })), weight: 1 },
    { arbitrary: fc.jsonValue().map((v) => ({ kind: 'raw' as const, value: JSON.stringify(v).slice(0, -1) as unknown })), weight: 1 },
  )
}

const queryArbitrary = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'state', 'overdue', 'x', 'type', '__proto__'),
  fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('-1', '1e9', 'true', '[]')),
  { maxKeys: 3 },
)

describe.each(PROVIDERS_UNDER_TEST)('HTTP fuzzing on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let caseId: string
  const clients = new Map<TUserKey, TClient>()

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
    for (const user of ['admin', 'unionT', 'employerT'] as TUserKey[]) clients.set(user, await w.withToken(user))
  })
  afterAll(async () => {
    await w?.close()
  })

  /** The caller that gets furthest on a route: the parties for case steps, the admin for the rest. */
  const callerFor = (r: TAnyRoute): TUserKey =>
    r.fullPath.startsWith('/api/v1/cases/:caseId') ? (r.fullPath.includes('answer') || r.fullPath.includes('filing') ? 'employerT' : 'unionT') : 'admin'

  const pathOf = (r: TAnyRoute) =>
    r.fullPath
      .replace(':caseId', caseId)
      .replace(':enterpriseId', 'ent-haizhu')
      // A user nobody signs in as: a random PATCH may deactivate it.
      .replace(':userId', w.userIds.nobody)
      .replace(/:(\w+)/g, 'fuzz-$1')

  const countsWithoutRateLimit = async () => {
    const { RateLimitHit: _ignored, ...rest } = await w.counts()
    return rest
  }

  it.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.fullPath}`, r] as const))('%s: never 5xx, never a partial write', async (_name, route) => {
    const client = route.access === 'public' ? w.anon : clients.get(callerFor(route))!
    await fc.assert(
      fc.asyncProperty(bodyArbitrary(route), queryArbitrary, async (body, query) => {
        const qs = new URLSearchParams(query as Record<string, string>).toString()
        const before = await countsWithoutRateLimit()
        let req = client[route.method as 'post' | 'patch'](`${pathOf(route)}${qs ? `?${qs}` : ''}`).set('X-Requested-With', 'fuzz')
        const text = body.kind === 'raw' ? String(body.value) : JSON.stringify(body.value)
        req = req.set('Content-Type', 'application/json').send(text)
        const res = await req
        expect(res.status, `${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500)
        expect(res.body?.error?.message ?? { zh: '', en: '' }).toEqual({ zh: expect.any(String), en: expect.any(String) })
        if (res.status >= 400) expect(await countsWithoutRateLimit()).toEqual(before)
      }),
      { numRuns: RUNS },
    )
  })

  it('oversized bodies are 413 and malformed UTF-8 is 400, on every POST route', async () => {
    const big = JSON.stringify({ content: 'x'.repeat(1_100_000) })
    // The paper filing's scan travels as base64: that route alone takes a larger body.
    const bigger = JSON.stringify({ content: 'x'.repeat(PAPER_BODY_LIMIT_BYTES + 1) })
    const client = clients.get('admin')!
    for (const route of routes.filter((r) => r.method === 'post')) {
      const before = await countsWithoutRateLimit()
      const res = await client.post(pathOf(route)).set('Content-Type', 'application/json').send(route.fullPath.endsWith('/paper-filings') ? bigger : big)
      expect(res.status, route.fullPath).toBe(413)
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE')
      // {"a":"<0xC3 0x28>"}: an invalid UTF-8 sequence inside a JSON string, sent as raw bytes.
      const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])
      const bad = await client
        .post(pathOf(route))
        .set('X-Requested-With', 'fuzz')
        .set('Content-Type', 'application/json')
        .serialize(() => bytes as unknown as string)
        .send({})
      expect(bad.status, route.fullPath).toBe(400)
      expect(await countsWithoutRateLimit()).toEqual(before)
    }
  })
})

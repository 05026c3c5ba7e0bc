/**
 * The access matrix, generated from the router's route table (a new route is covered without editing this file):
 * every route that names an object (case, congress session, document, enterprise, API token, user, membership,
 * mail) is called by every account outside that object's scope, with every method the table has, on objects of
 * the Tianhe enterprise (Guangzhou, Guangdong). The answer must be a refusal (401/403/404 — or the 400 of the body
 * validation, which comes before the object is looked up) and **the same answer as for an object that does not
 * exist**, byte for byte once the id is swapped: so neither the data nor the existence of the object leaks. Lists
 * (with every filter the route accepts set to the Tianhe objects) must not show any of them. Nothing is written.
 * Mixed pairs are tried too: a case the caller may see with a document or session of another enterprise.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ZodObject, ZodRawShape } from 'zod'
import { createCongress } from '../../src/congress/index.js'
import { all } from '../../src/db/sql.js'
import { createEffectHandlers } from '../../src/effects/index.js'
import { runOutbox } from '../../src/engine/outbox.js'
import type { TAnyRoute } from '../../src/http/route.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { caseAwaitingReply, createHttpWorld, ENTERPRISES, USERS, type TUserKey } from '../support/http.js'
import { caseAwaitingCongress, conveneInput, rosterOf } from '../congress/helpers.js'

/** Who is outside the scope of the Tianhe enterprise's objects (another enterprise, another province, no role). */
const OUTSIDERS: TUserKey[] = ['unionH', 'employerH', 'unionX', 'employerX', 'bureauZhejiang', 'nobody']
/** Parameters that name an object with an owner; :code (regions) names public reference data. */
const SCOPED = ['caseId', 'sessionId', 'documentId', 'enterpriseId', 'tokenId', 'userId', 'membershipId', 'mailId'] as const
type TScoped = (typeof SCOPED)[number]

describe.each(PROVIDERS_UNDER_TEST)('access matrix on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let routes: TAnyRoute[]
  const real = {} as Record<TScoped, string>
  const fake = {} as Record<TScoped, string>
  /** A Haizhu case that unionH and employerH may see, for the mixed pairs. */
  let ownCaseH: string
  let markers: string[]

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    routes = w.app.routeTable
    real.caseId = await caseAwaitingReply(w, 'unionT', ENTERPRISES.tianhe.id)
    ownCaseH = await caseAwaitingReply(w, 'unionH', ENTERPRISES.haizhu.id)
    // The request letter of the Tianhe case, rendered as the outbox worker would.
    await runOutbox({ db: w.db, clock: w.clock, nodeId: 'matrix', handlers: createEffectHandlers({ db: w.db, clock: w.clock }) })
    const docs = await w.db.read(function* () {
      return yield* all<{ id: string }>(`SELECT "id" FROM "Document" WHERE "caseId" = ?`, [real.caseId])
    })
    expect(docs.length).toBeGreaterThan(0)
    real.documentId = docs[0]!.id
    // A congress session of another Tianhe case.
    const congress = createCongress({ engine: w.engine })
    const congressCase = await caseAwaitingCongress(w.engine, ENTERPRISES.tianhe.id)
    const officer = { id: w.userIds.unionT, role: 'unionNegotiator' as const }
    await congress.setRoster(congressCase, rosterOf(3), officer)
    w.clock.set('2026-04-01T02:00:00.000Z')
    real.sessionId = (await congress.convene(congressCase, conveneInput(), officer)).session.id
    w.clock.set('2026-06-04T02:00:00.000Z')
    real.enterpriseId = ENTERPRISES.tianhe.id
    const token = await w.as('unionT').post('/api/v1/auth/tokens').send({ name: 'matrix' })
    expect(token.status).toBe(201)
    real.tokenId = token.body.id ?? token.body.tokenId
    real.userId = w.userIds.unionT
    const membership = await w.db.read(function* () {
      return yield* all<{ id: string }>(`SELECT "id" FROM "RoleMembership" WHERE "userId" = ?`, [w.userIds.unionT])
    })
    real.membershipId = membership[0]!.id
    const mails = await w.db.read(function* () {
      return yield* all<{ id: string }>(`SELECT "id" FROM "MailMessage"`)
    })
    real.mailId = mails[0]?.id ?? crypto.randomUUID()
    for (const k of SCOPED) fake[k] = k === 'enterpriseId' ? 'ent-nonexistent' : crypto.randomUUID()
    markers = [real.caseId, real.sessionId, real.documentId, real.tokenId, ENTERPRISES.tianhe.name, congressCase, '天河精工']
  })
  afterAll(async () => {
    await w?.close()
  })

  const paramsOf = (r: TAnyRoute) => [...r.fullPath.matchAll(/:(\w+)/g)].map((m) => m[1]!)
  const fill = (r: TAnyRoute, ids: Record<string, string>) =>
    r.fullPath.replace(/:(\w+)/g, (_m, p: string) => ids[p] ?? (p === 'code' ? '440106' : `x-${p}`))
  const call = (user: TUserKey, r: TAnyRoute, url: string) => {
    const req = w.as(user)[r.method](url)
    return r.method === 'get' ? req : req.send({})
  }
  /** The answer with the object's id swapped for the id that was asked for (so two answers can be compared). */
  const normalized = (body: unknown, from: Record<string, string>, to: Record<string, string>) => {
    let text = JSON.stringify(body)
    for (const k of SCOPED) if (from[k] && to[k]) text = text.split(from[k]).join(to[k])
    return text
  }

  it('every route naming an object, as every outsider: refused exactly as for a missing object, nothing leaked or written', { timeout: 300_000 }, async () => {
    const before = await w.counts()
    const scopedRoutes = routes.filter((r) => r.access !== 'public' && paramsOf(r).some((p) => (SCOPED as readonly string[]).includes(p)))
    let cells = 0
    const statuses = new Map<number, number>()
    for (const r of scopedRoutes) {
      // Admin-only routes: every other account is an outsider; others: the accounts outside Tianhe's scope.
      const users: TUserKey[] = Array.isArray(r.access) && (r.access as string[]).every((a) => a === 'admin')
        ? (Object.keys(USERS) as TUserKey[]).filter((u) => u !== 'admin')
        : OUTSIDERS
      for (const user of users) {
        const res = await call(user, r, fill(r, real))
        const missing = await call(user, r, fill(r, fake))
        const where = `${r.method.toUpperCase()} ${r.fullPath} as ${user}`
        expect([400, 401, 403, 404], `${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status)
        expect(res.status, where).toBe(missing.status)
        expect(normalized(res.body, real, fake), where).toBe(JSON.stringify(missing.body))
        const text = JSON.stringify(res.body) + (res.text ?? '')
        for (const m of markers) expect(text.includes(m) && !fill(r, real).includes(m), `${where} leaks ${m}`).toBe(false)
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        cells++
      }
    }
    // Mixed pairs: the caller's own case with another enterprise's document or the other way round.
    for (const r of scopedRoutes.filter((r) => paramsOf(r).includes('caseId') && paramsOf(r).length > 1)) {
      for (const user of ['unionH', 'employerH'] as TUserKey[]) {
        const res = await call(user, r, fill(r, { ...real, caseId: ownCaseH }))
        const where = `${r.method.toUpperCase()} ${r.fullPath} as ${user} (own case, Tianhe object)`
        expect([400, 403, 404], `${where}: ${res.status}`).toContain(res.status)
        for (const m of markers) expect(JSON.stringify(res.body).includes(m) && !fill(r, { ...real, caseId: ownCaseH }).includes(m), `${where} leaks ${m}`).toBe(false)
        cells++
      }
    }
    console.log(
      `access matrix (${provider}): ${scopedRoutes.length} routes naming an object × outsiders = ${cells} requests refused, ` +
        `${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}; 0 leaked, 0 written`,
    )
    expect(scopedRoutes.length).toBeGreaterThanOrEqual(60)
    expect(await w.counts()).toEqual(before)
  })

  it('lists, with every filter they take set to the Tianhe objects, show outsiders nothing of them', { timeout: 120_000 }, async () => {
    const filterValue: Record<string, string> = {
      enterpriseId: ENTERPRISES.tianhe.id,
      regionCode: '440106',
      under: '440100',
      caseId: '',
      q: '天河',
      creditCode: '',
      state: 'awaitingReply',
    }
    const lists = routes.filter((r) => r.method === 'get' && r.access !== 'public' && paramsOf(r).length === 0)
    let requests = 0
    for (const r of lists) {
      const shape = ((r.query as ZodObject<ZodRawShape> | undefined)?.shape ?? {}) as ZodRawShape
      const filters = Object.keys(shape).filter((k) => filterValue[k])
      const queries = ['', ...filters.map((k) => `?${k}=${encodeURIComponent(filterValue[k]!)}`)]
      for (const user of OUTSIDERS) {
        for (const q of queries) {
          const res = await w.as(user).get(r.fullPath + q)
          const text = JSON.stringify(res.body) + (res.text ?? '')
          for (const m of markers) expect(text.includes(m), `GET ${r.fullPath}${q} as ${user} shows ${m}`).toBe(false)
          requests++
        }
      }
    }
    // The same lists do show the objects to an insider (so the check above can fail).
    const mine = await w.as('unionT').get(`/api/v1/cases?enterpriseId=${ENTERPRISES.tianhe.id}`)
    expect(JSON.stringify(mine.body)).toContain(real.caseId)
    console.log(`access matrix (${provider}): ${lists.length} lists × ${OUTSIDERS.length} outsiders × filters = ${requests} requests, 0 leaked`)
    expect(lists.length).toBeGreaterThanOrEqual(8)
  })

  it('an insider reads the same objects (the refusals above are about scope, not broken routes)', async () => {
    expect((await w.as('unionT').get(`/api/v1/cases/${real.caseId}/events`)).status).toBe(200)
    const doc = await w.as('unionT').get(`/api/v1/cases/${real.caseId}/documents/${real.documentId}/content`)
    expect(doc.status).toBe(200)
    expect((await w.as('bureauGuangzhou').get(`/api/v1/cases/${real.caseId}/documents/${real.documentId}/content`)).status).toBe(200)
    expect((await w.as('unionT').get(`/api/v1/congress/sessions/${real.sessionId}`)).status).toBe(200)
    expect((await w.as('unionT').get(`/api/v1/enterprises/${real.enterpriseId}`)).status).toBe(200)
  })
})

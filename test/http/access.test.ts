/**
 * Access, route by route from the route table: anonymous → 401; a role the route is not for → 403; an object
 * outside the caller's scope → 404, never its data. Nothing is written by a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TAnyRoute } from '../../src/http/route.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { caseAwaitingReply, createHttpWorld, USERS, type TUserKey } from '../support/http.js'

describe.each(PROVIDERS_UNDER_TEST)('HTTP access on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let caseId: string
  let routes: TAnyRoute[]

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
    routes = w.app.routeTable
  })
  afterAll(async () => {
    await w?.close()
  })

  const pathOf = (r: TAnyRoute) =>
    r.fullPath
      .replace(':caseId', caseId)
      .replace(':enterpriseId', 'ent-tianhe')
      .replace(':userId', w.userIds.unionT)
      .replace(':code', '440106')
      .replace(/:(\w+)/g, 'x-$1')

  it('every route that is not public answers 401 to an anonymous caller, and writes nothing', async () => {
    const before = await w.counts()
    const checked: string[] = []
    for (const r of routes.filter((r) => r.access !== 'public')) {
      const res = await w.anon[r.method](pathOf(r)).set('X-Requested-With', 't').send({})
      expect(res.status, `${r.method} ${r.fullPath}`).toBe(401)
      expect(res.body.error.code).toBe('UNAUTHENTICATED')
      checked.push(r.operationId)
    }
    expect(checked.length).toBeGreaterThan(50)
    expect(await w.counts()).toEqual(before)
  })

  it('every route limited to roles answers 403 to a signed-in user without them, and writes nothing', async () => {
    const before = await w.counts()
    let checked = 0
    for (const r of routes.filter((r) => Array.isArray(r.access))) {
      // Worker representatives hold no role any role-limited route is for; `nobody` holds none at all.
      const outsider: TUserKey = (r.access as readonly string[]).includes('workerRepresentative') ? 'nobody' : 'workerT'
      const res = await w.as(outsider)[r.method](pathOf(r)).send({})
      expect(res.status, `${r.method} ${r.fullPath} as ${outsider}`).toBe(403)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(10)
    expect(await w.counts()).toEqual(before)
  })

  it('every GET of a case’s resources gives 404 to users outside its scope, with nothing of the case', async () => {
    const caseRoutes = routes.filter((r) => r.method === 'get' && r.fullPath.includes(':caseId'))
    expect(caseRoutes.length).toBeGreaterThanOrEqual(6)
    for (const user of ['unionH', 'employerX', 'bureauZhejiang', 'nobody'] as TUserKey[]) {
      for (const r of caseRoutes) {
        const res = await w.as(user).get(pathOf(r))
        // A route limited to roles the user does not hold refuses before looking at the case (403, nothing of it).
        const userRoles: string[] = USERS[user].map((m) => m.role)
        const refusedByRoute = Array.isArray(r.access) && !(r.access as string[]).some((role) => userRoles.includes(role))
        expect(res.status, `${r.fullPath} as ${user}`).toBe(refusedByRoute ? 403 : 404)
        expect(JSON.stringify(res.body)).not.toMatch(/天河|awaitingReply|requestReply/)
      }
    }
  })

  it('a case step sent by a user outside the case’s scope is 404, by the right enterprise but the wrong role 403', async () => {
    const before = await w.counts()
    const answer = { type: 'request.answered', answeredOn: '2026-06-05', text: '同意' }
    for (const user of ['employerH', 'employerX', 'bureauZhejiang'] as TUserKey[]) {
      expect((await w.as(user).post(`/api/v1/cases/${caseId}/events`).send(answer)).status).toBe(404)
      expect((await w.as(user).post(`/api/v1/cases/${caseId}/request/answer`).send({ answeredOn: '2026-06-05', text: '同意' })).status).toBe(404)
    }
    for (const user of ['workerT', 'bureauTianhe', 'admin', 'unionT'] as TUserKey[]) {
      expect((await w.as(user).post(`/api/v1/cases/${caseId}/events`).send(answer)).status, user).toBe(403)
    }
    expect(await w.counts()).toEqual(before)
  })
})

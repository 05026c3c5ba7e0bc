import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../src/db/sql.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { caseAwaitingReply, createHttpWorld, openCase, requestSentBody, type TUserKey } from '../support/http.js'

describe.each(PROVIDERS_UNDER_TEST)('HTTP cases on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })

  const events = (caseId: string) => w.db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } })

  describe('POST /cases', () => {
    it('a negotiator of the enterprise opens a case: 201, case.opened recorded with the user as actor', async () => {
      const res = await w.as('unionT').post('/api/v1/cases').send({ enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ seq: 1, revision: 1, state: 'draftingRequest', status: 'active' })
      expect(res.headers.location).toBe(`/api/v1/cases/${res.body.caseId}`)
      expect(res.headers.etag).toBe('"1"')
      const log = await events(res.body.caseId)
      expect(log).toEqual([expect.objectContaining({ seq: 1, type: 'case.opened', actorId: w.userIds.unionT, actorRole: 'unionNegotiator' })])
      expect(await w.db.prisma.case.findUnique({ where: { id: res.body.caseId } })).toMatchObject({ enterpriseId: 'ent-tianhe', revision: 1 })
    })

    it('400 with field paths for a bad kind or jurisdiction; 401 anonymous; 404 for another enterprise; 403 for a role that does not open cases', async () => {
      const before = await w.counts()
      const bad = await w.as('unionT').post('/api/v1/cases').send({ enterpriseId: 'ent-tianhe', kind: 'bonus', jurisdiction: 'atlantis' })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.kind', 'body.jurisdiction'])
      expect((await w.anon.post('/api/v1/cases').send({ enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' })).status).toBe(401)
      const other = await w.as('unionH').post('/api/v1/cases').send({ enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' })
      expect(other.status).toBe(404)
      expect((await w.as('bureauTianhe').post('/api/v1/cases').send({ enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' })).status).toBe(403)
      const rep = await w.as('workerT').post('/api/v1/cases').send({ enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' })
      expect(rep.status).toBe(403)
      expect(await w.counts()).toEqual(before)
    })
  })

  describe('GET /cases/:id', () => {
    it('state, allowed and permitted events, deadlines with explanation, documents, revision (ETag)', async () => {
      const caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
      const res = await w.as('employerT').get(`/api/v1/cases/${caseId}`)
      expect(res.status).toBe(200)
      expect(res.headers.etag).toBe('"3"')
      expect(res.body).toMatchObject({
        id: caseId,
        enterpriseName: '广州市天河精工制造有限公司',
        regionCode: '440106',
        state: 'awaitingReply',
        revision: 3,
        documents: [],
      })
      expect(res.body.allowedEvents).toEqual(expect.arrayContaining(['request.answered', 'request.refused', 'request.withdrawn']))
      // The employer received the worker side's request: it may answer or refuse, not withdraw it.
      expect(res.body.permittedEvents).toEqual(expect.arrayContaining(['request.answered', 'request.refused']))
      expect(res.body.permittedEvents).not.toContain('request.withdrawn')
      const union = await w.as('unionT').get(`/api/v1/cases/${caseId}`)
      expect(union.body.permittedEvents).toContain('request.withdrawn')
      expect(union.body.permittedEvents).not.toContain('request.answered')
      const rep = await w.as('workerT').get(`/api/v1/cases/${caseId}`)
      expect(rep.body).toMatchObject({ state: 'awaitingReply', permittedEvents: [], context: null })
      expect(rep.body.deadlines).toHaveLength(1)
      expect(res.body.context).toMatchObject({ enterpriseId: 'ent-tianhe', request: expect.objectContaining({ by: 'worker' }) })
      // Worker representatives do not read the negotiation record.
      expect((await w.as('workerT').get(`/api/v1/cases/${caseId}/events`)).status).toBe(403)
      expect(res.body.deadlines).toEqual([
        expect.objectContaining({
          kind: 'requestReply',
          lastDay: '2026-06-24',
          dueAt: '2026-06-24T16:00:00.000Z',
          explanation: expect.objectContaining({ article: expect.stringContaining('JHR 32'), from: '2026-06-04' }),
        }),
      ])
    })

    it('404 (never the data) for users whose roles do not reach the case; the bureau of the region sees it', async () => {
      const caseId = await openCase(w, 'unionT', 'ent-tianhe')
      for (const user of ['unionH', 'employerX', 'bureauZhejiang', 'nobody'] as TUserKey[]) {
        for (const path of ['', '/events', '/documents', '/verify']) {
          const res = await w.as(user).get(`/api/v1/cases/${caseId}${path}`)
          // /verify is for admins and the bureau: other roles are refused by the route itself (403, nothing about
          // the case); a bureau outside the region gets 404 like everyone else.
          expect(res.status).toBe(path === '/verify' && user !== 'bureauZhejiang' ? 403 : 404)
          expect(JSON.stringify(res.body)).not.toContain('ent-tianhe')
          expect(JSON.stringify(res.body)).not.toMatch(/天河|revision|state/)
          // Exactly what a case that does not exist gives (existence does not leak).
          if (res.status === 404) {
            const missing = await w.as(user).get(`/api/v1/cases/${caseId.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}${path}`)
            expect(JSON.stringify(res.body).replaceAll(caseId, 'ID')).toBe(JSON.stringify(missing.body).replace(/[0-9a-f-]{36}/g, 'ID'))
          }
        }
      }
      expect((await w.as('bureauGuangzhou').get(`/api/v1/cases/${caseId}`)).status).toBe(200)
      expect((await w.as('bureauTianhe').get(`/api/v1/cases/${caseId}`)).status).toBe(200)
      expect((await w.as('admin').get(`/api/v1/cases/${caseId}`)).status).toBe(200)
      expect((await w.anon.get(`/api/v1/cases/${caseId}`)).status).toBe(401)
      expect((await w.as('admin').get('/api/v1/cases/no-such-case')).status).toBe(404)
      const bad = await w.as('admin').get('/api/v1/cases/bad%20id')
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues[0].path).toBe('params.caseId')
    })
  })

  describe('POST /cases/:id/events', () => {
    it('records the event with the user as actor and the stamped time; the log and the hash chain follow', async () => {
      const caseId = await openCase(w, 'unionT', 'ent-tianhe')
      const res = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send(requestSentBody('worker'))
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ caseId, seq: 2, revision: 2, state: 'requestSent' })
      expect(res.headers.etag).toBe('"2"')
      const log = await w.as('unionT').get(`/api/v1/cases/${caseId}/events`)
      expect(log.status).toBe(200)
      expect(log.body.items.map((e: { type: string }) => e.type)).toEqual(['case.opened', 'request.sent'])
      expect(log.body.items[1]).toMatchObject({
        actorId: w.userIds.unionT,
        actorRole: 'unionNegotiator',
        occurredAt: '2026-06-04T02:00:00.000Z',
        prevHash: log.body.items[0].hash,
        payload: expect.objectContaining({ by: 'worker', at: '2026-06-04T02:00:00.000Z' }),
      })
      const row = await w.db.prisma.case.findUnique({ where: { id: caseId } })
      expect(row).toMatchObject({ revision: 2, stateValue: '"requestSent"', lastHash: log.body.items[1].hash })
    })

    it('400 with the field path for a bad payload, an unknown event type or an unknown field; nothing written', async () => {
      const caseId = await openCase(w, 'unionT', 'ent-tianhe')
      const before = await w.counts()
      const bad = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ ...requestSentBody('worker'), sentOn: '2026-6-4' })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.length).toBeGreaterThan(0)
      for (const issue of bad.body.error.details.issues) {
        expect(issue).toMatchObject({ path: 'body.sentOn', message: { zh: expect.any(String), en: expect.any(String) } })
      }
      const unknown = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.teleported' })
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.details.issues[0].path).toBe('body.type')
      const at = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ ...requestSentBody('worker'), at: '2020-01-01T00:00:00.000Z' })
      expect(at.status).toBe(400)
      expect(at.body.error.details.issues[0].path).toBe('body.at')
      const extra = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ ...requestSentBody('worker'), colour: 'red' })
      expect(extra.status).toBe(400)
      expect(extra.body.error.details.issues[0].code).toBe('unrecognized_keys')
      expect(await w.counts()).toEqual(before)
    })

    it('409 TRANSITION_NOT_ALLOWED lists the allowed events; nothing written', async () => {
      const caseId = await openCase(w, 'unionT', 'ent-tianhe')
      const before = await w.counts()
      const res = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.received', receivedOn: '2026-06-04', proof: '签收' })
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('TRANSITION_NOT_ALLOWED')
      expect(res.body.error.details.allowedEvents).toEqual(['request.sent', 'request.withdrawn'])
      expect(res.body.error.message).toEqual({ zh: expect.any(String), en: expect.any(String) })
      expect(await w.counts()).toEqual(before)
    })

    it('403 when the role or the side may not send the event; deadline.elapsed is the system’s; nothing written', async () => {
      const caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
      const before = await w.counts()
      // The requesting side cannot answer its own request (JHR 32: the other side answers).
      const own = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.answered', answeredOn: '2026-06-05', text: '同意' })
      expect(own.status).toBe(403)
      expect(own.body.error.details.violations).toEqual([expect.objectContaining({ code: 'SIDE_NOT_ALLOWED', article: 'JHR 32; GZ 17' })])
      // A side cannot send a request in the other side's name.
      const other = await openCase(w, 'unionT', 'ent-tianhe')
      const before2 = await w.counts()
      expect((await w.as('unionT').post(`/api/v1/cases/${other}/events`).send(requestSentBody('employer'))).status).toBe(403)
      // Worker representatives and the bureau do not negotiate.
      expect((await w.as('workerT').post(`/api/v1/cases/${other}/events`).send(requestSentBody('worker'))).status).toBe(403)
      expect((await w.as('bureauTianhe').post(`/api/v1/cases/${other}/events`).send(requestSentBody('worker'))).status).toBe(403)
      expect((await w.as('admin').post(`/api/v1/cases/${other}/events`).send(requestSentBody('worker'))).status).toBe(403)
      const deadline = await w
        .as('unionT')
        .post(`/api/v1/cases/${caseId}/events`)
        .send({ type: 'deadline.elapsed', kind: 'requestReply', dueAt: '2026-06-24T16:00:00.000Z' })
      expect(deadline.status).toBe(403)
      // Another enterprise's negotiator: 404.
      expect((await w.as('unionH').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.withdrawn', reason: 'x' })).status).toBe(404)
      expect(await w.counts()).toEqual(before2)
      expect(before2.Case).toBe(before.Case + 1)
      // The employer side answers.
      const ok = await w.as('employerT').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.answered', answeredOn: '2026-06-05', text: '同意协商' })
      expect(ok.status).toBe(201)
      expect((await events(caseId)).at(-1)).toMatchObject({ type: 'request.answered', actorRole: 'employerNegotiator', actorId: w.userIds.employerT })
    })

    it('422 STATUTORY_RULE_VIOLATED with the article (Zhejiang: the recipient may not refuse); nothing written', async () => {
      const caseId = await caseAwaitingReply(w, 'unionX', 'ent-xihu', 'zhejiang')
      const before = await w.counts()
      const res = await w.as('employerX').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.refused', answeredOn: '2026-06-05', reason: '经营困难' })
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('STATUTORY_RULE_VIOLATED')
      expect(res.body.error.details.violations).toEqual([
        expect.objectContaining({ code: 'REFUSAL_NOT_ALLOWED', article: expect.stringMatching(/\S/), message: { zh: expect.any(String), en: expect.any(String) } }),
      ])
      expect(await w.counts()).toEqual(before)
    })

    it('expectedRevision (body or If-Match): a stale revision is 409 CONCURRENT_CHANGE and writes nothing', async () => {
      const caseId = await openCase(w, 'unionT', 'ent-tianhe')
      const stale = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ ...requestSentBody('worker'), expectedRevision: 5 })
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe('CONCURRENT_CHANGE')
      const staleHeader = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('If-Match', '"7"').send(requestSentBody('worker'))
      expect(staleHeader.status).toBe(409)
      const mismatch = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('If-Match', '"1"').send({ ...requestSentBody('worker'), expectedRevision: 2 })
      expect(mismatch.status).toBe(400)
      const badHeader = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('If-Match', 'abc').send(requestSentBody('worker'))
      expect(badHeader.status).toBe(400)
      expect(badHeader.body.error.details.issues[0].path).toBe('headers.if-match')
      expect((await events(caseId)).length).toBe(1)
      const ok = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('If-Match', '"1"').send(requestSentBody('worker'))
      expect(ok.status).toBe(201)
    })

    it('resource-style aliases send the corresponding event (POST /cases/:id/request, /request/receipt, /request/answer)', async () => {
      const caseId = await openCase(w, 'unionT', 'ent-tianhe')
      const { type: _t, ...payload } = requestSentBody('worker')
      expect((await w.as('unionT').post(`/api/v1/cases/${caseId}/request`).send(payload)).status).toBe(201)
      const receipt = await w.as('employerT').post(`/api/v1/cases/${caseId}/request/receipt`).send({ receivedOn: '2026-06-04', proof: '签收', expectedRevision: 2 })
      expect(receipt.status).toBe(201)
      const answer = await w.as('employerT').post(`/api/v1/cases/${caseId}/request/answer`).send({ answeredOn: '2026-06-08', text: '同意' })
      expect(answer.status).toBe(201)
      expect((await events(caseId)).map((e) => e.type)).toEqual(['case.opened', 'request.sent', 'request.received', 'request.answered'])
      // An alias validates its own payload, and refuses another event's type.
      const bad = await w.as('unionT').post(`/api/v1/cases/${caseId}/rounds`).send({ type: 'round.held' })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('body.number')
      const wrongType = await w.as('unionT').post(`/api/v1/cases/${caseId}/request/withdrawal`).send({ type: 'request.sent', reason: 'x' })
      expect(wrongType.status).toBe(400)
      expect(wrongType.body.error.details.issues[0].path).toBe('body.type')
      // The filing alias: only the employer side files.
      const filing = await w.as('unionT').post(`/api/v1/cases/${caseId}/filing`).send({ filedOn: '2026-07-01', copies: 3, explanatoryNote: true, materials: [] })
      expect(filing.status).toBe(403)
    })

    it('chief-only steps: the chief is the team member whose id is the sender’s account id (JHR 33(5), 34)', async () => {
      const caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
      expect((await w.as('employerT').post(`/api/v1/cases/${caseId}/request/answer`).send({ answeredOn: '2026-06-05', text: '同意' })).status).toBe(201)
      const team = (side: 'worker' | 'employer', chiefId: string) => ({
        side,
        appointedOn: '2026-06-08',
        members: [
          { id: chiefId, name: `${side} chief`, isChief: true, chiefBasis: side === 'worker' ? 'unionChair' : 'legalRepresentative' },
          { id: `${side}-2`, name: `${side} 2`, isChief: false },
          { id: `${side}-3`, name: `${side} 3`, isChief: false },
        ],
      })
      const workerTeam = await w.as('unionT').post(`/api/v1/cases/${caseId}/teams`).send(team('worker', w.userIds.unionT))
      expect(workerTeam.status, JSON.stringify(workerTeam.body)).toBe(201)
      // The employer side cannot appoint the worker side's team.
      expect((await w.as('employerT').post(`/api/v1/cases/${caseId}/teams`).send(team('worker', w.userIds.employerT))).status).toBe(403)
      expect((await w.as('employerT').post(`/api/v1/cases/${caseId}/teams`).send(team('employer', w.userIds.employerT))).status).toBe(201)
      // A second union account that is not the chief may not record the recorder's appointment.
      const grant = await w.as('admin').post(`/api/v1/users/${w.userIds.nobody}/memberships`).send({ role: 'unionNegotiator', enterpriseId: 'ent-tianhe' })
      expect(grant.status).toBe(201)
      const recorder = { appointedOn: '2026-06-09', recorder: { id: 'rec-1', name: '记录员' } }
      const notChief = await w.as('nobody').post(`/api/v1/cases/${caseId}/recorder`).send(recorder)
      expect(notChief.status).toBe(403)
      expect(notChief.body.error.details.violations[0]).toMatchObject({ code: 'SIDE_NOT_ALLOWED', article: 'JHR 33(5)' })
      const view = await w.as('nobody').get(`/api/v1/cases/${caseId}`)
      expect(view.body.permittedEvents).not.toContain('recorder.appointed')
      expect((await w.as('unionT').get(`/api/v1/cases/${caseId}`)).body.permittedEvents).toContain('recorder.appointed')
      expect((await w.as('unionT').post(`/api/v1/cases/${caseId}/recorder`).send(recorder)).status).toBe(201)
      await w.as('admin').delete(`/api/v1/users/${w.userIds.nobody}/memberships/${grant.body.id}`)
    })

    it('concurrent events without expectedRevision are decided one after another; each applied once', async () => {
      const caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
      const results = await Promise.all(
        Array.from({ length: 6 }, () => w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({ type: 'request.withdrawn', reason: '撤回' })),
      )
      expect(results.filter((r) => r.status === 201)).toHaveLength(1)
      expect(results.filter((r) => r.status === 409)).toHaveLength(5)
      expect((await events(caseId)).map((e) => e.seq)).toEqual([1, 2, 3, 4])
    })
  })

  describe('GET /cases (lists)', () => {
    it('filtered by scope: never another enterprise’s or region’s case', async () => {
      const x = await openCase(w, 'unionX', 'ent-xihu')
      const h = await openCase(w, 'unionH', 'ent-haizhu')
      const ids = async (user: TUserKey, q = '') =>
        ((await w.as(user).get(`/api/v1/cases?limit=200${q}`)).body.items as { id: string; enterpriseId: string }[])
      for (const c of await ids('unionT')) expect(c.enterpriseId).toBe('ent-tianhe')
      for (const c of await ids('bureauTianhe')) expect(c.enterpriseId).toBe('ent-tianhe')
      expect((await ids('bureauGuangzhou')).map((c) => c.id)).toContain(h)
      expect((await ids('bureauGuangzhou')).map((c) => c.id)).not.toContain(x)
      expect((await ids('bureauZhejiang')).map((c) => c.id)).toContain(x)
      expect(await ids('nobody')).toEqual([])
      // A filter cannot widen the scope.
      expect(await ids('unionT', '&enterpriseId=ent-xihu')).toEqual([])
      expect(await ids('bureauTianhe', '&regionCode=330000')).toEqual([])
      const total = (await w.as('admin').get('/api/v1/cases')).body.total
      expect(total).toBe(await w.db.prisma.case.count())
    })

    it('filters by state, enterprise, region (with sub-regions) and overdue; 400 on an unknown state', async () => {
      const awaiting = await caseAwaitingReply(w, 'unionH', 'ent-haizhu')
      const list = async (q: string) => ((await w.as('admin').get(`/api/v1/cases?limit=200&${q}`)).body.items as { id: string; state: unknown; overdue: boolean }[])
      expect((await list('state=awaitingReply')).map((c) => c.id)).toContain(awaiting)
      for (const c of await list('state=draftingRequest')) expect(c.state).toBe('draftingRequest')
      expect((await list('regionCode=440100&enterpriseId=ent-haizhu')).map((c) => c.id)).toContain(awaiting)
      expect((await list('regionCode=330000')).map((c) => c.id)).not.toContain(awaiting)
      expect((await list('overdue=true')).map((c) => c.id)).not.toContain(awaiting)

      // Past the reply deadline (2026-06-24 24:00 Asia/Shanghai) the case is overdue before and after the scheduler runs.
      const t0 = w.clock.now()
      w.clock.set('2026-06-25T00:00:00.000Z')
      const overdue = await list('overdue=true')
      expect(overdue.map((c) => c.id)).toContain(awaiting)
      expect(overdue.every((c) => c.overdue)).toBe(true)
      await fireDueDeadlines({ db: w.db, context: () => ({ now: w.clock.now().toISOString(), nodeId: 't', computeDeadline: w.calendars.calculator }) })
      const after = await list('overdue=true&state=replyOverdue')
      expect(after.map((c) => c.id)).toContain(awaiting)
      expect((await list('overdue=false')).map((c) => c.id)).not.toContain(awaiting)
      w.clock.set(t0)

      const bad = await w.as('admin').get('/api/v1/cases?state=dreaming&overdue=perhaps&limit=1000')
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.limit', 'query.overdue', 'query.state'])
      expect((await w.anon.get('/api/v1/cases')).status).toBe(401)
    })
  })

  describe('GET /cases/:id/verify', () => {
    it('admin and the bureau of the region: integrity problems named; others 403/404', async () => {
      const caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
      const ok = await w.as('bureauTianhe').get(`/api/v1/cases/${caseId}/verify`)
      expect(ok.status).toBe(200)
      expect(ok.body).toEqual({ caseId, ok: true, problems: [] })
      expect((await w.as('unionT').get(`/api/v1/cases/${caseId}/verify`)).status).toBe(403)
      expect((await w.as('bureauZhejiang').get(`/api/v1/cases/${caseId}/verify`)).status).toBe(404)
      await w.db.transaction(function* () {
        yield* run(`UPDATE "CaseEvent" SET "payload" = REPLACE("payload", '2026-06-04', '2026-06-14') WHERE "caseId" = ? AND "seq" = 3`, [caseId])
      })
      const bad = await w.as('admin').get(`/api/v1/cases/${caseId}/verify`)
      expect(bad.body.ok).toBe(false)
      expect(bad.body.problems).toContainEqual({ table: 'CaseEvent', key: `${caseId}#3`, problem: 'hash does not match content' })
    })
  })

  describe('documents', () => {
    let caseId: string
    let docId: string
    const bytes = Buffer.from('%PDF-1.7\n% 工资专项集体合同（测试）\n%%EOF\n')

    beforeAll(async () => {
      caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
      docId = crypto.randomUUID()
      // The outbox worker stores rendered documents; here the row is written as it would.
      await w.db.transaction(function* () {
        yield* run(
          `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "caseSeq", "createdAt")
           VALUES (?, ?, 'requestLetter', ?, 'application/pdf', ?, ?, ?, 2, ?)`,
          [docId, caseId, '工资集体协商要约书', crypto.createHash('sha256').update(bytes).digest('hex'), bytes.length, bytes, '2026-06-04T02:00:00.000Z'],
        )
      })
    })

    it('metadata in the case view and the list; download with Content-Type and the SHA-256 header', async () => {
      const sha = crypto.createHash('sha256').update(bytes).digest('hex')
      const view = await w.as('workerT').get(`/api/v1/cases/${caseId}`)
      expect(view.body.documents).toEqual([expect.objectContaining({ id: docId, sha256: sha, sizeBytes: bytes.length })])
      const list = await w.as('employerT').get(`/api/v1/cases/${caseId}/documents`)
      expect(list.body.items).toEqual([expect.objectContaining({ id: docId, mediaType: 'application/pdf', caseSeq: 2 })])
      const meta = await w.as('bureauGuangzhou').get(`/api/v1/cases/${caseId}/documents/${docId}`)
      expect(meta.body).toMatchObject({ id: docId, title: '工资集体协商要约书' })
      const dl = await w.as('unionT').get(`/api/v1/cases/${caseId}/documents/${docId}/content`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => cb(null, Buffer.concat(chunks)))
      })
      expect(dl.status).toBe(200)
      expect(dl.headers['content-type']).toBe('application/pdf')
      expect(dl.headers['x-content-sha256']).toBe(sha)
      expect(dl.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha, 'hex').toString('base64')}:`)
      expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('工资集体协商要约书.pdf')}`)
      expect(Buffer.compare(dl.body as Buffer, bytes)).toBe(0)
    })

    it('another enterprise’s or region’s user gets 404 for the document and its bytes; a document of another case is 404', async () => {
      for (const user of ['unionH', 'bureauZhejiang', 'nobody'] as TUserKey[]) {
        for (const path of [`/documents/${docId}`, `/documents/${docId}/content`, '/documents']) {
          const res = await w.as(user).get(`/api/v1/cases/${caseId}${path}`)
          expect(res.status).toBe(404)
          expect(res.headers['x-content-sha256']).toBeUndefined()
          expect(JSON.stringify(res.body)).not.toContain('要约书')
        }
      }
      const otherCase = await openCase(w, 'unionT', 'ent-tianhe')
      expect((await w.as('admin').get(`/api/v1/cases/${otherCase}/documents/${docId}/content`)).status).toBe(404)
      expect((await w.anon.get(`/api/v1/cases/${caseId}/documents/${docId}/content`)).status).toBe(401)
    })

    it('tampered bytes are never served: 500 without internals', async () => {
      const id = crypto.randomUUID()
      await w.db.transaction(function* () {
        yield* run(
          `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "createdAt")
           VALUES (?, ?, 'minutes', 'x', 'application/pdf', ?, 3, ?, ?)`,
          [id, caseId, '0'.repeat(64), Buffer.from('abc'), '2026-06-04T02:00:00.000Z'],
        )
      })
      const res = await w.as('unionT').get(`/api/v1/cases/${caseId}/documents/${id}/content`)
      expect(res.status).toBe(500)
      expect(res.body).toEqual({ error: { code: 'INTERNAL', message: { zh: '服务器内部错误', en: 'internal server error' } } })
      const problems = (await w.as('admin').get(`/api/v1/cases/${caseId}/verify`)).body.problems
      expect(problems).toContainEqual({ table: 'Document', key: id, problem: 'bytes do not match the recorded SHA-256' })
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, creditCode, openCase, requestSentBody } from '../support/http.js'

describe.each(PROVIDERS_UNDER_TEST)('HTTP idempotency on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider, { idempotency: { waitMs: 2_000 } })
  })
  afterAll(async () => {
    await w?.close()
  })

  const eventCount = (caseId: string) => w.db.prisma.caseEvent.count({ where: { caseId } })
  const keyRow = (userKey: keyof typeof w.userIds, key: string) =>
    w.db.prisma.idempotencyKey.findUnique({ where: { userId_key: { userId: w.userIds[userKey], key } } })

  it('a retried event returns the first response (marked replayed) and is applied once; the response is stored with it', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const send = () => w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'evt-1').send(requestSentBody('worker'))
    const first = await send()
    expect(first.status).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const second = await send()
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(await eventCount(caseId)).toBe(2)
    const row = await keyRow('unionT', 'evt-1')
    expect(row).toMatchObject({ status: 'done', responseStatus: 201, method: 'POST', path: `/api/v1/cases/${caseId}/events` })
    expect(JSON.parse(row!.responseBody!)).toEqual(first.body)
  })

  it('the same key with a different request is 409 IDEMPOTENCY_CONFLICT and applies nothing', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const a = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'evt-2').send(requestSentBody('worker'))
    expect(a.status).toBe(201)
    const b = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'evt-2').send(requestSentBody('worker', '2026-06-03'))
    expect(b.status).toBe(409)
    expect(b.body.error.code).toBe('IDEMPOTENCY_CONFLICT')
    const c = await w.as('unionT').post(`/api/v1/cases/${caseId}/request/receipt`).set('Idempotency-Key', 'evt-2').send({ receivedOn: '2026-06-04', proof: 'x' })
    expect(c.status).toBe(409)
    expect(await eventCount(caseId)).toBe(2)
  })

  it('keys are per user: another user’s identical key is a different request', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const mine = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'shared').send(requestSentBody('worker'))
    expect(mine.status).toBe(201)
    const theirs = await w
      .as('employerT')
      .post(`/api/v1/cases/${caseId}/events`)
      .set('Idempotency-Key', 'shared')
      .send({ type: 'request.received', receivedOn: '2026-06-04', proof: '签收' })
    expect(theirs.status).toBe(201)
    expect(theirs.headers['idempotent-replayed']).toBeUndefined()
    expect(await eventCount(caseId)).toBe(3)
  })

  it('concurrent duplicates: the event is applied once and every request gets the same response', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'race-1').send(requestSentBody('worker')),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    for (const r of results) expect(r.body).toEqual(results[0]!.body)
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(7)
    expect(await eventCount(caseId)).toBe(2)
  })

  it('concurrent duplicates of case opening: one case', async () => {
    const before = await w.db.prisma.case.count()
    const body = { enterpriseId: 'ent-haizhu', kind: 'wageAgreement', jurisdiction: 'national' }
    const results = await Promise.all(Array.from({ length: 5 }, () => w.as('unionH').post('/api/v1/cases').set('Idempotency-Key', 'open-1').send(body)))
    expect(new Set(results.map((r) => r.body.caseId)).size).toBe(1)
    expect(results.every((r) => r.status === 201)).toBe(true)
    expect(await w.db.prisma.case.count()).toBe(before + 1)
  })

  it('a refusal is stored too: the retry gets the same 409 even after the case moved on', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const receipt = () =>
      w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'early-receipt').send({ type: 'request.received', receivedOn: '2026-06-04', proof: 'x' })
    const first = await receipt()
    expect(first.status).toBe(409)
    expect((await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send(requestSentBody('worker'))).status).toBe(201)
    const retry = await receipt()
    expect(retry.status).toBe(409)
    expect(retry.body).toEqual(first.body)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(await eventCount(caseId)).toBe(2)
  })

  it('reference data: a retried enterprise registration returns the first enterprise; one row', async () => {
    const body = {
      creditCode: creditCode('440106', 777),
      name: '广州市天河幂等测试有限公司',
      regionCode: '440106',
      industryCode: 'C3484',
      headcount: 10,
      hasUnion: false,
    }
    const a = await w.as('admin').post('/api/v1/enterprises').set('Idempotency-Key', 'ent-777').send(body)
    const b = await w.as('admin').post('/api/v1/enterprises').set('Idempotency-Key', 'ent-777').send(body)
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.body.id).toBe(a.body.id)
    expect(await w.db.prisma.enterprise.count({ where: { creditCode: body.creditCode } })).toBe(1)
  })

  it('a request still running (an unexpired claim) gives 409 IDEMPOTENCY_IN_PROGRESS; an expired claim is taken over and runs once', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const now = w.clock.now().getTime()
    const send = (key: string) => w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', key).send(requestSentBody('worker'))
    const first = await send('crashed')
    expect(first.status).toBe(201)
    // Put the claim back to pending with a live lease, as a request still running (or a process that died
    // holding it) leaves it.
    await w.db.prisma.idempotencyKey.updateMany({ where: { key: 'crashed' }, data: { status: 'pending', responseStatus: null, responseBody: null, lockedUntil: new Date(now + 60_000).toISOString() } })
    const inProgress = await send('crashed')
    expect(inProgress.status).toBe(409)
    expect(inProgress.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS')
    const t0 = w.clock.now()
    w.clock.advance(61_000)
    const takenOver = await send('crashed')
    w.clock.set(t0)
    // After the lease the claim is taken over and the request runs again. For engine commands the response commits
    // with the effect, so a pending claim normally means nothing was applied; here the event was applied, and the
    // machine refuses the re-run (409): nothing is doubled.
    expect(takenOver.status).toBe(409)
    expect(takenOver.body.error.code).toBe('TRANSITION_NOT_ALLOWED')
    expect(await eventCount(caseId)).toBe(2)
  })

  it('a malformed key is 400 (headers.idempotency-key); an anonymous POST with a key is 401 and stores nothing', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const bad = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'x'.repeat(201)).send(requestSentBody('worker'))
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('headers.idempotency-key')
    const before = await w.db.prisma.idempotencyKey.count()
    expect((await w.anon.post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'anon').send(requestSentBody('worker'))).status).toBe(401)
    expect(await w.db.prisma.idempotencyKey.count()).toBe(before)
  })

  it('keys expire after 24 hours: the same key may then be used again', async () => {
    const caseId = await openCase(w, 'unionT', 'ent-tianhe')
    const a = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).set('Idempotency-Key', 'old').send({ type: 'request.withdrawn', reason: 'a' })
    expect(a.status).toBe(201)
    const t0 = w.clock.now()
    w.clock.advance(24 * 3_600_000 + 1)
    const other = await openCase(w, 'unionT', 'ent-tianhe')
    const b = await w.as('unionT').post(`/api/v1/cases/${other}/events`).set('Idempotency-Key', 'old').send({ type: 'request.withdrawn', reason: 'a' })
    w.clock.set(t0)
    expect(b.status).toBe(201)
    expect(b.body.caseId).toBe(other)
  })
})

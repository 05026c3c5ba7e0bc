/**
 * Races over HTTP: many clients send conflicting events to the same cases at once, each with its own
 * Idempotency-Key and the revision it saw. Each request is applied or refused with 409 — exactly one per case
 * wins; no update is lost (the log holds the winner and nothing else) — and every retry with the same key gets the
 * first answer back, winners and losers alike, even after the case moved on. And a request that outlives its
 * idempotency lease, while a retry takes the key over, cannot complete twice (the claim is fenced).
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all } from '../../src/db/sql.js'
import { claimIdempotencyKey, completeIdempotencyProgram, releaseIdempotencyKey } from '../../src/engine/idempotency.js'
import { verifyCase } from '../../src/engine/verify.js'
import { AppError } from '../../src/errors/app-error.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { caseAwaitingReply, createHttpWorld, type TUserKey } from '../support/http.js'

const CASES = 6
const CLIENTS_PER_CASE = 8

describe.each(PROVIDERS_UNDER_TEST)('races on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })

  it('conflicting events on the same cases: one applied per case, the rest 409, retries give the first answer', async () => {
    const cases: string[] = []
    for (let i = 0; i < CASES; i++) cases.push(await caseAwaitingReply(w, 'unionT', 'ent-tianhe'))
    // Answer, refuse or withdraw the request: only one of them can happen, all sent against revision 3.
    const eventFor = (k: number): { user: TUserKey; body: Record<string, unknown> } =>
      k % 3 === 0
        ? { user: 'employerT', body: { type: 'request.answered', answeredOn: '2026-06-05', text: `同意协商（客户端${k}）`, expectedRevision: 3 } }
        : k % 3 === 1
          ? { user: 'employerT', body: { type: 'request.refused', answeredOn: '2026-06-05', reason: `暂不同意（客户端${k}）`, expectedRevision: 3 } }
          : { user: 'unionT', body: { type: 'request.withdrawn', reason: `撤回（客户端${k}）`, expectedRevision: 3 } }
    const requests = cases.flatMap((caseId) =>
      Array.from({ length: CLIENTS_PER_CASE }, (_, k) => ({ caseId, key: crypto.randomUUID(), ...eventFor(k) })),
    )
    const send = (r: (typeof requests)[number]) =>
      w.as(r.user).post(`/api/v1/cases/${r.caseId}/events`).set('Idempotency-Key', r.key).send(r.body)
    const first = await Promise.all(requests.map(send))

    const statuses = new Map<number, number>()
    for (const [i, res] of first.entries()) {
      expect([201, 409], `${requests[i]!.body.type}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status)
      if (res.status === 409) expect(['CONCURRENT_CHANGE', 'TRANSITION_NOT_ALLOWED']).toContain(res.body.error.code)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    }
    for (const caseId of cases) {
      const winners = requests.map((r, i) => ({ r, res: first[i]! })).filter((x) => x.r.caseId === caseId && x.res.status === 201)
      expect(winners, caseId).toHaveLength(1)
      const events = await w.db.read(function* () {
        return yield* all<{ seq: number; type: string; payload: string }>(
          `SELECT "seq", "type", "payload" FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`,
          [caseId],
        )
      })
      // No lost update and nothing doubled: the three earlier events and the winner, exactly.
      expect(events.map((e) => e.type)).toEqual(['case.opened', 'request.sent', 'request.received', winners[0]!.r.body.type])
      const { expectedRevision: _r, ...sent } = winners[0]!.r.body
      expect(JSON.parse(events[3]!.payload)).toMatchObject(sent)
      expect(await verifyCase(w.db, caseId)).toEqual([])
    }

    // Every client retries (as after a lost answer): the first answer comes back, marked replayed, nothing applied.
    const before = await w.counts()
    const retried = await Promise.all(requests.map(send))
    for (const [i, res] of retried.entries()) {
      expect(res.status).toBe(first[i]!.status)
      expect(res.body).toEqual(first[i]!.body)
      expect(res.headers['idempotent-replayed']).toBe('true')
    }
    const after = await w.counts()
    expect(after.CaseEvent).toBe(before.CaseEvent)
    console.log(
      `races (${provider}): ${requests.length} conflicting requests on ${CASES} cases: ` +
        `${statuses.get(201) ?? 0} applied, ${statuses.get(409) ?? 0} refused with 409; ${retried.length} retries answered as first; 0 lost, 0 doubled`,
    )
  })

  it('a request that outlives its idempotency lease cannot complete after a retry took the key over', async () => {
    const userId = w.userIds.unionT
    const key = crypto.randomUUID()
    const req = (now: string) => ({ userId, key, requestHash: 'h', method: 'POST', path: '/x', now, leaseMs: 1_000, ttlMs: 86_400_000 })
    const a = await claimIdempotencyKey(w.db, req('2026-06-04T02:00:00.000Z'))
    expect(a.kind).toBe('claimed')
    // Still within A's lease: a retry waits.
    expect((await claimIdempotencyKey(w.db, req('2026-06-04T02:00:00.500Z'))).kind).toBe('inProgress')
    // A's lease ran out (A is slow, or its process died): the retry B takes the key over.
    const b = await claimIdempotencyKey(w.db, req('2026-06-04T02:00:02.000Z'))
    expect(b.kind).toBe('claimed')
    const leaseA = (a as { lease: string }).lease
    const leaseB = (b as { lease: string }).lease
    // A finishes late: its completion (inside its effect's transaction) is refused, so its effect rolls back.
    const late = await w.db.transaction(() => completeIdempotencyProgram(userId, key, leaseA, 201, { by: 'A' })).catch((e: unknown) => e)
    expect(late).toBeInstanceOf(AppError)
    expect((late as AppError).code).toBe('IDEMPOTENCY_IN_PROGRESS')
    // A's release does not drop B's claim either.
    await releaseIdempotencyKey(w.db, userId, key, leaseA)
    await w.db.transaction(() => completeIdempotencyProgram(userId, key, leaseB, 201, { by: 'B' }))
    const replay = await claimIdempotencyKey(w.db, req('2026-06-04T02:00:03.000Z'))
    expect(replay).toEqual({ kind: 'replay', status: 201, body: { by: 'B' } })
  })
})

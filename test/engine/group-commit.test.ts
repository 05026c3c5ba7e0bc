/**
 * Group commit (src/engine/group-commit.ts): commands waiting together share one transaction, and each keeps the
 * semantics of its own — revision check, hash chain, refusal without writes, all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { one, run } from '../../src/db/sql.js'
import type { AppError } from '../../src/errors/app-error.js'
import type { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { getCase, getCaseEvents } from '../../src/engine/queries.js'
import { verifyCase } from '../../src/engine/verify.js'
import { PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { closeEngineSuite, openEngineSuite, requestReceived, requestSent, testEngine, unionActor } from '../support/factories.js'

describe.each(PROVIDERS_UNDER_TEST)('group commit on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock
  let enterpriseId: string
  let engine: TEngine
  /** Transactions the engine started (its database is wrapped to count them). */
  let transactions = 0

  beforeAll(async () => {
    const s = await openEngineSuite(provider)
    ;({ t, db, clock, enterpriseId } = s)
    const counting: TDatabase = {
      ...db,
      transaction: (program) => {
        transactions++
        return db.transaction(program)
      },
    }
    engine = testEngine(counting, clock)
  })
  afterAll(() => closeEngineSuite({ t, db }))

  const open = () => engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
  const revisionOf = async (caseId: string) => (await getCase(db, caseId)).revision
  const eventCount = (caseId: string) =>
    db.read(function* () {
      return Number((yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "CaseEvent" WHERE "caseId" = ?`, [caseId]))!.n)
    })

  it('commands sent together share transactions; every event is recorded once, in order, with an intact chain', async () => {
    const ids: string[] = []
    for (let i = 0; i < 10; i++) ids.push((await open()).caseId)
    transactions = 0
    // Two events per case in one turn: the second of each case must see the first (same batch, in order).
    const results = await Promise.all(
      ids.flatMap((id) => [engine.sendEvent(id, requestSent('2026-06-04'), unionActor), engine.sendEvent(id, requestReceived('2026-06-04'), unionActor)]),
    )
    expect(results.map((r) => r.seq)).toEqual(ids.flatMap(() => [2, 3]))
    expect(transactions).toBeLessThan(20)
    for (const id of ids) {
      expect((await getCaseEvents(db, id)).map((e) => e.type)).toEqual(['case.opened', 'request.sent', 'request.received'])
      expect(await verifyCase(db, id)).toEqual([])
    }
  })

  it('a refused command answers its own error and the others of its batch commit', async () => {
    const a = (await open()).caseId
    const b = (await open()).caseId
    const [ok, refused, ok2] = await Promise.allSettled([
      engine.sendEvent(a, requestSent('2026-06-04'), unionActor),
      engine.sendEvent(b, requestReceived('2026-06-04'), unionActor), // not before the request was sent
      engine.sendEvent(b, requestSent('2026-06-04'), unionActor, 1), // expected revision 1: still right
    ])
    expect(ok.status).toBe('fulfilled')
    expect(ok2.status).toBe('fulfilled')
    expect(refused.status).toBe('rejected')
    expect(((refused as PromiseRejectedResult).reason as AppError).code).toBe('TRANSITION_NOT_ALLOWED')
    expect(await revisionOf(a)).toBe(2)
    expect(await revisionOf(b)).toBe(2)
  })

  it('a stale expected revision is refused inside a batch without writing', async () => {
    const a = (await open()).caseId
    const [first, stale] = await Promise.allSettled([
      engine.sendEvent(a, requestSent('2026-06-04'), unionActor, 1),
      engine.sendEvent(a, { type: 'request.withdrawn', reason: '撤回' }, unionActor, 1),
    ])
    expect(first.status).toBe('fulfilled')
    expect(((stale as PromiseRejectedResult).reason as AppError).code).toBe('CONCURRENT_CHANGE')
    expect(await eventCount(a)).toBe(2)
  })

  it('a command failing after it wrote rolls back only itself: the batch is retried one command at a time', async () => {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await open()).caseId)
    const poisoned = ids[1]!
    const results = await Promise.allSettled(
      ids.map((id) =>
        engine.sendEvent(id, requestSent('2026-06-04'), unionActor, undefined, {
          alsoInTransaction: function* () {
            if (id !== poisoned) return
            // Written in the event's transaction, then a failure: nothing of this command may remain.
            yield* run(`UPDATE "Enterprise" SET "name" = ? WHERE "id" = ?`, ['不应保存', enterpriseId])
            throw new Error('failure after writing')
          },
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    expect(((results[1] as PromiseRejectedResult).reason as Error).message).toBe('failure after writing')
    expect(await revisionOf(poisoned)).toBe(1)
    expect(await eventCount(poisoned)).toBe(1)
    const name = await db.read(function* () {
      return (yield* one<{ name: string }>(`SELECT "name" FROM "Enterprise" WHERE "id" = ?`, [enterpriseId]))!.name
    })
    expect(name).not.toBe('不应保存')
    for (const id of ids.filter((x) => x !== poisoned)) {
      expect(await revisionOf(id)).toBe(2)
      expect(await verifyCase(db, id)).toEqual([])
    }
  })
})

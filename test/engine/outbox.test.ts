import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all } from '../../src/db/sql.js'
import { ManualClock } from '../../src/engine/clock.js'
import { PermanentEffectError, runOutbox, type TOutboxMessage } from '../../src/engine/outbox.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { caseAwaitingReply, seedEnterprise, testEngine } from '../support/factories.js'

describe.each(PROVIDERS_UNDER_TEST)('outbox on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
    clock = new ManualClock('2026-06-04T02:00:00.000Z')
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  /** Brings `n` cases to replyOverdue, each of which writes one notify.replyOverdue message. */
  async function overdueCases(n: number, receivedOn: string) {
    const engine = testEngine(db, clock)
    const enterpriseId = await seedEnterprise(db)
    clock.set(`${receivedOn}T02:00:00.000Z`)
    const ids: string[] = []
    for (let i = 0; i < n; i++) ids.push((await caseAwaitingReply(engine, enterpriseId, receivedOn)).caseId)
    clock.advanceDays(40)
    const calendars = createCalendarStore(db)
    await fireDueDeadlines({ db, context: () => ({ now: clock.now().toISOString(), nodeId: 'n', computeDeadline: calendars.calculator }) })
    return ids
  }

  const statuses = (ids: string[]) =>
    db.read(function* () {
      const rows = yield* all<{ caseId: string; status: string; attempts: number; lastError: string | null }>(
        `SELECT "caseId", "status", "attempts", "lastError" FROM "OutboxMessage" WHERE "effect" = 'notify.replyOverdue' ORDER BY "caseId"`,
      )
      return rows.filter((r) => ids.includes(r.caseId))
    })

  it('runs each message once after commit, with several workers racing', async () => {
    const ids = await overdueCases(12, '2026-06-04')
    const seen: string[] = []
    const handlers = {
      'notify.replyOverdue': async (m: TOutboxMessage) => {
        seen.push(m.id)
        return { ok: true }
      },
    }
    const dbs = await Promise.all([connect(t), connect(t)])
    try {
      const results = await Promise.all(
        [db, ...dbs].map((d, i) => runOutbox({ db: d, clock, nodeId: `w${i}`, handlers })),
      )
      expect(results.reduce((s, r) => s + r.done, 0)).toBe(12)
    } finally {
      await Promise.all(dbs.map((d) => d.close()))
    }
    expect(new Set(seen).size).toBe(12)
    expect(seen).toHaveLength(12)
    expect((await statuses(ids)).every((r) => r.status === 'done' && r.attempts === 1)).toBe(true)
  })

  it('retries a temporary failure with exponential backoff, then dead-letters after the limit', async () => {
    const ids = await overdueCases(1, '2026-08-03')
    let calls = 0
    const deps = {
      db,
      clock,
      nodeId: 'w',
      maxAttempts: 3,
      baseBackoffMs: 1_000,
      handlers: {
        'notify.replyOverdue': async () => {
          calls++
          throw new Error('421 service not available')
        },
      },
    }
    expect((await runOutbox(deps)).retried).toBe(1)
    // Not due again before the backoff has passed.
    expect((await runOutbox(deps)).retried).toBe(0)
    clock.advance(1_000)
    expect((await runOutbox(deps)).retried).toBe(1)
    clock.advance(1_999)
    expect((await runOutbox(deps)).retried).toBe(0)
    clock.advance(1)
    expect((await runOutbox(deps)).dead).toBe(1)
    expect(calls).toBe(3)
    expect(await statuses(ids)).toEqual([expect.objectContaining({ status: 'dead', attempts: 3, lastError: '421 service not available' })])
  })

  it('dead-letters a permanent failure at once, and takes over a message whose worker died (lease expired)', async () => {
    const [a] = await overdueCases(1, '2026-10-08')
    await runOutbox({
      db,
      clock,
      nodeId: 'w',
      handlers: { 'notify.replyOverdue': async () => Promise.reject(new PermanentEffectError('550 mailbox unavailable')) },
    })
    expect(await statuses([a!])).toEqual([expect.objectContaining({ status: 'dead', attempts: 1 })])

    const [b] = await overdueCases(1, '2026-12-01')
    // A worker claims the message and "crashes": its handler never returns.
    void runOutbox({ db, clock, nodeId: 'crashed', leaseMs: 60_000, handlers: { 'notify.replyOverdue': () => new Promise(() => {}) } })
    await new Promise((r) => setTimeout(r, 50))
    const done: string[] = []
    const survivor = { db, clock, nodeId: 'survivor', handlers: { 'notify.replyOverdue': async (m: TOutboxMessage) => void done.push(m.id) } }
    expect((await runOutbox(survivor)).done).toBe(0) // lease still held
    clock.advance(60_001)
    expect((await runOutbox(survivor)).done).toBe(1)
    expect(await statuses([b!])).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })])
  })
})

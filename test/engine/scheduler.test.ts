import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all, one, run } from '../../src/db/sql.js'
import type { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { createCalendarStore, loadCalendarYear } from '../../src/engine/calendars.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { getCase, getCaseEvents } from '../../src/engine/queries.js'
import { verifyCase } from '../../src/engine/verify.js'
import { calendar2026 } from '../../workflows/rules/calendar/2026.js'
import { connect, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { caseAwaitingReply, closeEngineSuite, openEngineSuite } from '../support/factories.js'

const schedulerDeps = (db: TDatabase, clock: ManualClock, nodeId: string) => {
  const calendars = createCalendarStore(db)
  return { db, context: () => ({ now: clock.now().toISOString(), nodeId, computeDeadline: calendars.calculator }) }
}

const deadlineStatuses = (db: TDatabase, caseIds: string[]) =>
  db.read(function* () {
    const rows = yield* all<{ caseId: string; status: string }>(
      `SELECT "caseId", "status" FROM "Deadline" WHERE "kind" = 'requestReply' ORDER BY "caseId"`,
    )
    return rows.filter((r) => caseIds.includes(r.caseId))
  })

const elapsedCounts = (db: TDatabase, caseIds: string[]) =>
  db.read(function* () {
    const out: number[] = []
    for (const id of caseIds) {
      const r = yield* one<{ n: number }>(
        `SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "CaseEvent" WHERE "caseId" = ? AND "type" = 'deadline.elapsed'`,
        [id],
      )
      out.push(r!.n)
    }
    return out
  })

describe.each(PROVIDERS_UNDER_TEST)('deadline scheduler on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock
  let engine: TEngine
  let enterpriseId: string

  beforeAll(async () => {
    ;({ t, db, clock, engine, enterpriseId } = await openEngineSuite(provider))
  })
  afterAll(() => closeEngineSuite({ t, db }))

  it('JHR 32: nothing fires on day 20; the reply is overdue once day 20 has ended', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    const deps = schedulerDeps(db, clock, 'n1')
    clock.set('2026-06-24T15:59:59.999Z') // 23:59:59.999 on 2026-06-24 in Shanghai
    expect(await fireDueDeadlines(deps)).toMatchObject({ fired: 0 })
    expect((await getCase(db, caseId)).state).toBe('awaitingReply')
    clock.set('2026-06-24T16:00:00.000Z')
    expect((await fireDueDeadlines(deps)).fired).toBeGreaterThanOrEqual(1)
    const view = await getCase(db, caseId)
    expect(view.state).toBe('replyOverdue')
    expect(view.tags).toContain('overdue')
    expect(view.allowedEvents).toContain('intervention.requested')
    const events = await getCaseEvents(db, caseId)
    expect(events.at(-1)).toMatchObject({ type: 'deadline.elapsed', actorRole: 'system' })
    expect(await verifyCase(db, caseId)).toEqual([])
    // The overdue state emitted its notification into the outbox in the same transaction.
    const outbox = await db.read(function* () {
      return yield* all<{ effect: string; caseSeq: number }>(`SELECT "effect", "caseSeq" FROM "OutboxMessage" WHERE "caseId" = ?`, [caseId])
    })
    expect(outbox).toContainEqual({ effect: 'notify.replyOverdue', caseSeq: events.at(-1)!.seq })
  })

  it('a deadline fires exactly once with 3 schedulers racing', async () => {
    clock.set('2026-07-01T02:00:00.000Z')
    const caseIds: string[] = []
    for (let i = 0; i < 30; i++) caseIds.push((await caseAwaitingReply(engine, enterpriseId, '2026-07-01')).caseId)
    clock.set('2026-08-01T00:00:00.000Z')
    const dbs = await Promise.all([connect(t), connect(t), connect(t)])
    try {
      const results = await Promise.all(dbs.map((d, i) => fireDueDeadlines(schedulerDeps(d, clock, `node-${i}`))))
      expect(results.reduce((s, r) => s + r.fired, 0)).toBe(30)
      expect(results.every((r) => r.failed === 0)).toBe(true)
      expect(await elapsedCounts(db, caseIds)).toEqual(caseIds.map(() => 1))
      expect((await deadlineStatuses(db, caseIds)).every((d) => d.status === 'fired')).toBe(true)
      // A further round finds nothing.
      expect((await fireDueDeadlines(schedulerDeps(dbs[0]!, clock, 'node-0'))).fired).toBe(0)
    } finally {
      await Promise.all(dbs.map((d) => d.close()))
    }
  })

  it('a deadline is not lost when the scheduler process is killed (SIGKILL) mid-run; after restart each fires once', async () => {
    clock.set('2026-09-01T02:00:00.000Z')
    const caseIds: string[] = []
    for (let i = 0; i < 150; i++) caseIds.push((await caseAwaitingReply(engine, enterpriseId, '2026-09-01')).caseId)
    const now = '2026-11-01T00:00:00.000Z'
    const child = path.join(import.meta.dirname, '..', 'support', 'scheduler-child.ts')
    const start = () =>
      spawn(process.execPath, ['--import', 'tsx', child, t.url, now], { stdio: ['ignore', 'pipe', 'inherit'] })
    const first = start()
    // Kill it as soon as it has fired some but not all.
    const firedSoFar = async () => (await elapsedCounts(db, caseIds)).reduce((a, b) => a + b, 0)
    let seen = 0
    for (let i = 0; i < 2_000 && seen === 0; i++) {
      await new Promise((r) => setTimeout(r, 5))
      seen = await firedSoFar()
    }
    first.kill('SIGKILL')
    await new Promise((r) => first.once('exit', r))
    const atKill = await firedSoFar()
    expect(atKill).toBeGreaterThan(0)
    expect(atKill).toBeLessThan(150)
    const second = start()
    const code = await new Promise((r) => second.once('exit', r))
    expect(code).toBe(0)
    expect(await elapsedCounts(db, caseIds)).toEqual(caseIds.map(() => 1))
    for (const id of caseIds.slice(0, 10)) expect(await verifyCase(db, id)).toEqual([])
  }, 120_000)

  it('an unexpected failure sets one deadline back with a retry time; the others in its batch still fire', async () => {
    clock.set('2026-10-01T02:00:00.000Z')
    const caseIds: string[] = []
    for (let i = 0; i < 5; i++) caseIds.push((await caseAwaitingReply(engine, enterpriseId, '2026-10-01')).caseId)
    const poisoned = caseIds[2]!
    await db.transaction(function* () {
      yield* run(`UPDATE "Case" SET "snapshot" = 'not json' WHERE "id" = ?`, [poisoned])
    })
    clock.set('2026-11-15T00:00:00.000Z')
    const deps = { ...schedulerDeps(db, clock, 'n1'), batchSize: 10 }
    const r = await fireDueDeadlines(deps)
    expect(r).toMatchObject({ fired: 4, failed: 1 })
    const row = await db.read(function* () {
      return yield* one<{ status: string; attempts: number; retryAt: string; lastError: string }>(
        `SELECT "status", "attempts", "retryAt", "lastError" FROM "Deadline" WHERE "caseId" = ?`,
        [poisoned],
      )
    })
    expect(row).toMatchObject({ status: 'pending', attempts: 1, retryAt: '2026-11-15T00:00:01.000Z' })
    expect(row!.lastError).toMatch(/JSON/)
    // Not retried before its time; retried (and failing again) after it.
    expect(await fireDueDeadlines(deps)).toMatchObject({ fired: 0, failed: 0 })
    clock.advance(1_000)
    expect(await fireDueDeadlines(deps)).toMatchObject({ fired: 0, failed: 1 })
    expect(await elapsedCounts(db, caseIds)).toEqual([1, 1, 0, 1, 1])
  })

  it('a 2027 deadline is provisional until the 2027 calendar is loaded, then recomputed', async () => {
    clock.set('2026-12-21T02:00:00.000Z')
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-12-21')
    const before = (await getCase(db, caseId)).deadlines[0]!
    expect(before).toMatchObject({ provisional: true, lastDay: '2027-01-11' })
    expect(before.explanation).toMatchObject({ provisionalYears: [2027] })
    // An (illustrative) 2027 calendar in which 11 January is a holiday: the period moves to the next working day.
    const store = createCalendarStore(db)
    const cal2027 = {
      ...calendar2026,
      year: 2027,
      source: { ...calendar2026.source, title: '测试用2027年节假日安排', documentNo: 'TEST-2027', issuedOn: '2026-11-20' },
      holidays: [{ date: '2027-01-11', name: { zh: '测试假日', en: 'Test holiday' } }],
      adjustedWorkingDays: [],
    }
    const r = await loadCalendarYear(db, store, cal2027, { id: 'admin', role: 'admin' }, clock.now().toISOString())
    expect(r.recomputed).toBeGreaterThanOrEqual(1)
    const after = (await getCase(db, caseId)).deadlines[0]!
    expect(after).toMatchObject({ provisional: false, lastDay: '2027-01-12', dueAt: '2027-01-12T16:00:00.000Z' })
    expect(after.explanation).toMatchObject({ previousDueAt: before.dueAt })
    // Another process notices the loaded year once, then nothing has changed.
    const other = createCalendarStore(db)
    expect(await other.refresh()).toBe(true)
    const years = other.years()
    expect(await other.refresh()).toBe(false)
    expect(other.years()).toBe(years)
  })

  it('refuses a malformed calendar year with the field named', async () => {
    const store = createCalendarStore(db)
    await expect(
      loadCalendarYear(db, store, { year: 2028, holidays: 'none' }, { id: 'admin', role: 'admin' }, clock.now().toISOString()),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})

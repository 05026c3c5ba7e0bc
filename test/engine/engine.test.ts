import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all, one, run } from '../../src/db/sql.js'
import { AppError } from '../../src/errors/app-error.js'
import type { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { caseViewProgram, getCase, getCaseEvents } from '../../src/engine/queries.js'
import { caseScopeWithRowProgram } from '../../src/engine/case-scope.js'
import { verifyCase } from '../../src/engine/verify.js'
import { connect, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import {
  caseAwaitingReply,
  employerActor,
  requestReceived,
  requestSent,
  openEngineSuite,
  closeEngineSuite,
  testEngine,
  unionActor,
} from '../support/factories.js'

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

const count = (db: TDatabase, sql: string, params: (string | number)[] = []) =>
  db.read(function* () {
    return (yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM ${sql}`, params))!.n
  })

describe.each(PROVIDERS_UNDER_TEST)('engine on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock
  let engine: TEngine
  let enterpriseId: string

  beforeAll(async () => {
    ;({ t, db, clock, engine, enterpriseId } = await openEngineSuite(provider))
  })
  afterAll(() => closeEngineSuite({ t, db }))

  it('opens a case as event 1 (case.opened) with the worker side from the union (LCL 51)', async () => {
    const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    expect(opened).toMatchObject({ seq: 1, revision: 1, state: 'draftingRequest' })
    const view = await getCase(db, opened.caseId)
    expect(view.context).toMatchObject({ workerSide: 'union', kind: 'wageAgreement', enterpriseId })
    expect(view.allowedEvents).toEqual(['request.sent', 'request.withdrawn'])
    const events = await getCaseEvents(db, opened.caseId)
    expect(events.map((e) => e.type)).toEqual(['case.opened'])
  })

  it('refuses a case for an unknown enterprise, kind or jurisdiction without writing anything', async () => {
    const before = await count(db, '"Case"')
    expect((await errorOf(engine.openCase({ enterpriseId: 'nope', kind: 'wageAgreement', jurisdiction: 'national' }, unionActor))).code).toBe('NOT_FOUND')
    expect((await errorOf(engine.openCase({ enterpriseId, kind: 'bonus', jurisdiction: 'national' }, unionActor))).code).toBe('INVALID_INPUT')
    expect((await errorOf(engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'atlantis' }, unionActor))).code).toBe('INVALID_INPUT')
    expect(await count(db, '"Case"')).toBe(before)
  })

  it('JHR 32: receipt on 2026-06-04 arms a 20-day reply deadline ending 2026-06-24 24:00 Asia/Shanghai', async () => {
    const applied = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    expect(applied.state).toBe('awaitingReply')
    const view = await getCase(db, applied.caseId)
    expect(view.deadlines).toHaveLength(1)
    expect(view.deadlines[0]).toMatchObject({ kind: 'requestReply', lastDay: '2026-06-24', dueAt: '2026-06-24T16:00:00.000Z', provisional: false })
    expect(view.deadlines[0]!.explanation).toMatchObject({ article: 'JHR 32; GZ 17', from: '2026-06-04' })
    expect(view.allowedEvents).toEqual(['request.answered', 'request.refused', 'request.withdrawn'])
  })

  it('the case view lists pending deadlines by due time and documents by creation time, as their rows hold them', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    // Rows beside the machine's reply deadline, out of order: an earlier and a later pending one (provisional), a
    // cancelled one (not shown); documents created out of insertion order, two at the same instant (then by id).
    await db.transaction(function* () {
      const deadline = `INSERT INTO "Deadline" ("id", "caseId", "kind", "lastDay", "dueAt", "event", "explanation", "provisional", "status", "createdSeq", "createdAt")
        VALUES (?, ?, 'congressVote', ?, ?, '{}', ?, ?, ?, 2, '2026-06-04T02:00:00.000Z')`
      yield* run(deadline, [`${caseId}-late`, caseId, '2026-07-30', '2026-07-30T16:00:00.000Z', '{"article":"x","text":{"zh":"迟","en":"late"}}', true, 'pending'])
      yield* run(deadline, [`${caseId}-early`, caseId, '2026-06-10', '2026-06-10T16:00:00.000Z', '{"article":"y"}', false, 'pending'])
      yield* run(deadline, [`${caseId}-gone`, caseId, '2026-06-01', '2026-06-01T16:00:00.000Z', '{}', false, 'cancelled'])
      const document = `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "caseSeq", "createdAt")
        VALUES (?, ?, 'requestLetter', ?, 'application/pdf', ?, ?, 2, ?)`
      yield* run(document, [`${caseId}-d3`, caseId, '要约书（三）', 'c'.repeat(64), 3_000, '2026-06-05T00:00:00.000Z'])
      yield* run(document, [`${caseId}-d2`, caseId, '要约书（二）', 'b'.repeat(64), 2_000, '2026-06-04T03:00:00.000Z'])
      yield* run(document, [`${caseId}-d1`, caseId, '要约书（一）', 'a'.repeat(64), 1_000, '2026-06-04T03:00:00.000Z'])
    })
    const view = await getCase(db, caseId)
    expect(view.deadlines.map((d) => [d.id.replace(caseId, ''), d.provisional])).toEqual([
      ['-early', false],
      [expect.any(String), false],
      ['-late', true],
    ])
    expect(view.deadlines[1]).toMatchObject({ kind: 'requestReply', lastDay: '2026-06-24', dueAt: '2026-06-24T16:00:00.000Z', status: 'pending' })
    expect(view.deadlines[2]!.explanation).toEqual({ article: 'x', text: { zh: '迟', en: 'late' } })
    expect(view.documents).toEqual([
      { id: `${caseId}-d1`, kind: 'requestLetter', title: '要约书（一）', sha256: 'a'.repeat(64), sizeBytes: 1_000, createdAt: '2026-06-04T03:00:00.000Z' },
      { id: `${caseId}-d2`, kind: 'requestLetter', title: '要约书（二）', sha256: 'b'.repeat(64), sizeBytes: 2_000, createdAt: '2026-06-04T03:00:00.000Z' },
      { id: `${caseId}-d3`, kind: 'requestLetter', title: '要约书（三）', sha256: 'c'.repeat(64), sizeBytes: 3_000, createdAt: '2026-06-05T00:00:00.000Z' },
    ])
    // The access check's read (scope, row and lists in one statement) gives the same view.
    const provider = db.provider
    const checked = await db.read(function* () {
      const { scope, row } = yield* caseScopeWithRowProgram(caseId, provider)
      return { scope, view: yield* caseViewProgram(caseId, provider, row) }
    })
    expect(checked.view).toEqual(view)
    expect(checked.scope).toMatchObject({ caseId, enterpriseId })
    // A case with none: two empty lists.
    const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    expect(await getCase(db, opened.caseId)).toMatchObject({ deadlines: [], documents: [] })
  })

  it('answering the request cancels the reply deadline in the same transaction', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    await engine.sendEvent(caseId, { type: 'request.answered', answeredOn: '2026-06-10', text: '同意协商' }, employerActor)
    const rows = await db.read(function* () {
      return yield* all<{ status: string }>(`SELECT "status" FROM "Deadline" WHERE "caseId" = ?`, [caseId])
    })
    expect(rows).toEqual([{ status: 'cancelled' }])
  })

  it('refuses an event the state does not accept with the allowed events listed, and writes nothing', async () => {
    const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    const e = await errorOf(engine.sendEvent(opened.caseId, requestReceived('2026-06-04'), unionActor))
    expect(e.code).toBe('TRANSITION_NOT_ALLOWED')
    expect(e.details.allowedEvents).toEqual(['request.sent', 'request.withdrawn'])
    expect(await count(db, '"CaseEvent" WHERE "caseId" = ?', [opened.caseId])).toBe(1)
  })

  it('refuses an invalid payload with the field path', async () => {
    const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    const e = await errorOf(engine.sendEvent(opened.caseId, { ...requestSent('2026-6-4') }, unionActor))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.details.issues).toEqual([expect.objectContaining({ path: 'sentOn' })])
  })

  it('only the system may send deadline.elapsed', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    const e = await errorOf(engine.sendEvent(caseId, { type: 'deadline.elapsed', kind: 'requestReply', dueAt: '2026-06-24T16:00:00.000Z' }, unionActor))
    expect(e.code).toBe('FORBIDDEN')
  })

  it('refuses an event on a stale revision and writes nothing', async () => {
    const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    await engine.sendEvent(opened.caseId, requestSent('2026-06-01'), unionActor, 1)
    const e = await errorOf(engine.sendEvent(opened.caseId, requestReceived('2026-06-02'), unionActor, 1))
    expect(e.code).toBe('CONCURRENT_CHANGE')
    expect((await getCase(db, opened.caseId)).revision).toBe(2)
    expect(await count(db, '"CaseEvent" WHERE "caseId" = ?', [opened.caseId])).toBe(2)
  })

  it('50 concurrent events on one revision: exactly one wins, the rest get the conflict error, no gaps', async () => {
    const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    // Several connections, like several app processes.
    const others = await Promise.all([connect(t), connect(t), connect(t)])
    const engines = [engine, ...others.map((d) => testEngine(d, clock))]
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          engines[i % engines.length]!.sendEvent(opened.caseId, requestSent(`2026-06-${String((i % 28) + 1).padStart(2, '0')}`), unionActor, 1),
        ),
      )
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r) => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(49)
      for (const r of lost) expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('CONCURRENT_CHANGE')
      const events = await getCaseEvents(db, opened.caseId)
      expect(events.map((e) => e.seq)).toEqual([1, 2])
      expect(await verifyCase(db, opened.caseId)).toEqual([])
    } finally {
      await Promise.all(others.map((d) => d.close()))
    }
  })

  it('50 concurrent events without an expected revision are decided one after another on the latest state', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => engine.sendEvent(caseId, { type: 'request.withdrawn', reason: '撤回' }, unionActor)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('TRANSITION_NOT_ALLOWED')
    const events = await getCaseEvents(db, caseId)
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4])
  })

  it('replaying the event log reproduces the stored snapshot', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    await engine.sendEvent(caseId, { type: 'request.refused', answeredOn: '2026-06-05', reason: '经营困难' }, employerActor)
    expect(await verifyCase(db, caseId)).toEqual([])
    // A snapshot changed behind the engine's back no longer matches the replay.
    await db.transaction(function* () {
      yield* run(`UPDATE "Case" SET "snapshot" = REPLACE("snapshot", '经营困难', '经营良好') WHERE "id" = ?`, [caseId])
    })
    expect(await verifyCase(db, caseId)).toEqual([
      expect.objectContaining({ table: 'Case', problem: 'stored snapshot differs from the replay of the event log' }),
    ])
  })

  it('detects an edited and a deleted CaseEvent row', async () => {
    const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    expect(await verifyCase(db, caseId)).toEqual([])
    await db.transaction(function* () {
      yield* run(`UPDATE "CaseEvent" SET "payload" = REPLACE("payload", '2026-06-04', '2026-06-14') WHERE "caseId" = ? AND "seq" = 3`, [caseId])
    })
    const problems = await verifyCase(db, caseId)
    expect(problems).toContainEqual({ table: 'CaseEvent', key: `${caseId}#3`, problem: 'hash does not match content' })

    const other = await caseAwaitingReply(engine, enterpriseId, '2026-06-04')
    await db.transaction(function* () {
      yield* run(`DELETE FROM "CaseEvent" WHERE "caseId" = ? AND "seq" = 2`, [other.caseId])
    })
    const gaps = await verifyCase(db, other.caseId)
    expect(gaps).toContainEqual(expect.objectContaining({ key: `${other.caseId}#3`, problem: 'gap: expected seq 2' }))
  })
})

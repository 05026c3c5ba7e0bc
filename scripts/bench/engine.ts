/**
 * Engine events/s vs the raw write of the same rows, on the embedded SQLite and on PostgreSQL, in one run, with one
 * client and with several concurrent clients (the same concurrency on both sides).
 *
 * The engine path: request.sent → request.received → request.answered on fresh cases (load, restore, validate,
 * transition, revision check, hash chain, deadline and outbox rows, group commit when clients wait together).
 * The raw path: the rows the engine writes for the same three events, written directly with the driver with
 * prepared statements, ONE transaction per event and nothing else — no read, no machine, no hash:
 *   request.sent      UPDATE Case (snapshot, state, revision) + INSERT CaseEvent + 2 INSERT OutboxMessage
 *   request.received  UPDATE Case + INSERT CaseEvent + INSERT Deadline + INSERT OutboxMessage
 *   request.answered  UPDATE Case + INSERT CaseEvent + UPDATE Deadline (cancelled) + 2 INSERT OutboxMessage
 * Raw with N clients on SQLite is N callers on one connection (the driver is synchronous: transactions run one
 * after the other, each with its own commit); on PostgreSQL N callers on a pool of the engine's size.
 */
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { openDatabase } from '../../src/db/database.js'
import { toPgPlaceholders as toPg } from '../../src/db/sql.js'
import { sqliteFilePath } from '../../src/db/database-url.js'
import { ManualClock } from '../../src/engine/clock.js'
import { createTestDatabase } from '../../test/support/databases.js'
import { caseAwaitingReply, seedEnterprise, testEngine, unionActor, employerActor, requestSent, requestReceived } from '../../test/support/factories.js'
import type { TProvider } from '../../src/db/schema-files.js'

export type TEngineBench = { provider: TProvider; clients: number; events: number; engineEps: number; rawEps: number; ratio: number }

/** The size of the engine's snapshot after these events (measured: 640–940 bytes) and a realistic payload. */
const SNAPSHOT = JSON.stringify({ status: 'active', value: 'awaitingReply', context: { pad: 'x'.repeat(800) } })
const PAYLOAD = JSON.stringify({ type: 'request.sent', by: 'worker', content: '就2026年度职工工资调整事项进行集体协商。'.repeat(4) })
const OUTBOX_PAYLOAD = JSON.stringify({ caseId: 'x', documentKind: 'requestLetter', pad: 'x'.repeat(120) })
const POOL_SIZE = 10

type TRunner = { round(events: number, clients: number): Promise<number>; close(): Promise<void> }

/** Runs `jobs` with `clients` concurrent workers; returns jobs/s. */
async function concurrently(jobs: number, clients: number, job: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(clients, jobs) }, async () => {
      for (let i = next++; i < jobs; i = next++) await job(i)
    }),
  )
  return (jobs / (performance.now() - t0)) * 1000
}

/** Each round opens cases (not timed), then times request.sent → request.received → request.answered on each. */
async function engineRunner(provider: TProvider): Promise<TRunner> {
  const t = await createTestDatabase(provider)
  const db = await openDatabase(t.url, { poolSize: POOL_SIZE })
  const clock = new ManualClock('2026-06-04T02:00:00.000Z')
  const engine = testEngine(db, clock)
  const enterpriseId = await seedEnterprise(db)
  for (let i = 0; i < 20; i++) await caseAwaitingReply(engine, enterpriseId, '2026-06-04') // warm-up
  return {
    async round(events, clients) {
      const ids: string[] = []
      for (let i = 0; i < Math.ceil(events / 3); i++) {
        ids.push((await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)).caseId)
      }
      const perSecond = await concurrently(ids.length, clients, async (i) => {
        const id = ids[i]!
        await engine.sendEvent(id, requestSent('2026-06-04'), unionActor)
        await engine.sendEvent(id, requestReceived('2026-06-04'), unionActor)
        await engine.sendEvent(id, { type: 'request.answered', answeredOn: '2026-06-05', text: '同意' }, employerActor)
      })
      return perSecond * 3
    },
    async close() {
      await db.close()
      await t.drop()
    },
  }
}

const SQL = {
  insertCase: `INSERT INTO "Case" ("id","enterpriseId","kind","jurisdiction","machineId","machineVersion","snapshot","stateValue","status","revision","lastHash","createdAt","updatedAt")
     VALUES (?, 'e', 'wageAgreement', 'national', 'negotiation', 1, ?, '""', 'active', 0, '', '', '')`,
  updateCase: `UPDATE "Case" SET "snapshot" = ?, "stateValue" = ?, "status" = ?, "revision" = ?, "lastHash" = ?, "updatedAt" = ? WHERE "id" = ? AND "revision" = ?`,
  insertEvent: `INSERT INTO "CaseEvent" ("caseId","seq","type","payload","actorId","actorRole","occurredAt","prevHash","hash") VALUES (?,?,?,?,?,?,?,?,?)`,
  insertOutbox: `INSERT INTO "OutboxMessage" ("id","caseId","caseSeq","effect","payload","status","attempts","availableAt","createdAt") VALUES (?,?,?,?,?,'pending',0,?,?)`,
  insertDeadline: `INSERT INTO "Deadline" ("id","caseId","kind","lastDay","dueAt","event","explanation","provisional","status","createdSeq","attempts","createdAt")
     VALUES (?,?,'reply','2026-06-24','2026-06-24T16:00:00.000Z','{"type":"deadline.elapsed"}',?,false,'pending',?,0,?)`,
  cancelDeadline: `UPDATE "Deadline" SET "status" = 'cancelled', "cancelledAt" = ? WHERE "caseId" = ? AND "kind" = 'reply' AND "status" = 'pending'`,
}
const HASH = 'h'.repeat(64)
const EXPLANATION = JSON.stringify({ label: '答复期限', period: { days: 20 }, pad: 'x'.repeat(300) })

/** The statements of event `step` (1..3) of one case, as [sql, params] in the engine's order. */
function statements(caseId: string, step: number): [string, unknown[]][] {
  const now = new Date().toISOString()
  const out: [string, unknown[]][] = [
    [SQL.updateCase, [SNAPSHOT, '"awaitingReply"', 'active', step, HASH, now, caseId, step - 1]],
    [SQL.insertEvent, [caseId, step, 'request.sent', PAYLOAD, 'u', 'unionNegotiator', now, HASH, HASH]],
  ]
  const outbox = (n: number) => {
    for (let i = 0; i < n; i++) out.push([SQL.insertOutbox, [crypto.randomUUID(), caseId, step, 'notify.requestSent', OUTBOX_PAYLOAD, now, now]])
  }
  if (step === 1) outbox(2)
  if (step === 2) {
    out.push([SQL.insertDeadline, [crypto.randomUUID(), caseId, EXPLANATION, step, now]])
    outbox(1)
  }
  if (step === 3) {
    out.push([SQL.cancelDeadline, [now, caseId]])
    outbox(2)
  }
  return out
}

/** The same rows, written directly with the driver, one transaction per event. */
async function rawRunner(provider: TProvider): Promise<TRunner> {
  const t = await createTestDatabase(provider)
  const newCases = (n: number) => Array.from({ length: n }, () => crypto.randomUUID())
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(t.url))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = OFF') // the raw rows have no enterprise
    const prepared = new Map(Object.values(SQL).map((s) => [s, db.prepare(s)]))
    const tx = db.transaction((list: [string, unknown[]][]) => {
      for (const [sql, params] of list) prepared.get(sql)!.run(...params)
    })
    const open = (ids: string[]) => {
      for (const id of ids) prepared.get(SQL.insertCase)!.run(id, SNAPSHOT)
    }
    const warm = newCases(20)
    open(warm)
    for (const id of warm) for (let s = 1; s <= 3; s++) tx(statements(id, s))
    return {
      async round(events, clients) {
        const ids = newCases(Math.ceil(events / 3))
        open(ids)
        // The callers are asynchronous like the engine's; the driver runs each transaction synchronously.
        return (
          (await concurrently(ids.length, clients, async (i) => {
            for (let s = 1; s <= 3; s++) {
              tx(statements(ids[i]!, s))
              await Promise.resolve()
            }
          })) * 3
        )
      },
      async close() {
        db.close()
        await t.drop()
      },
    }
  }
  const pool = new pg.Pool({ connectionString: t.url, max: POOL_SIZE })
  // Dropping the database terminates connections that are still closing; that is not a failure of the bench.
  pool.on('error', () => {})
  await pool.query(`ALTER TABLE "Case" DROP CONSTRAINT IF EXISTS "Case_enterpriseId_fkey"`) // the raw rows have no enterprise
  const names = new Map(Object.values(SQL).map((s, i) => [s, `raw_${i}`]))
  const one = async (caseId: string, step: number) => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      for (const [sql, params] of statements(caseId, step)) await client.query({ name: names.get(sql)!, text: toPg(sql), values: params })
      await client.query('COMMIT')
    } finally {
      client.release()
    }
  }
  const open = async (ids: string[]) => {
    for (const id of ids) await pool.query({ name: 'raw_open', text: toPg(SQL.insertCase), values: [id, SNAPSHOT] })
  }
  const warm = newCases(20)
  await open(warm)
  await concurrently(warm.length, POOL_SIZE, async (i) => {
    for (let s = 1; s <= 3; s++) await one(warm[i]!, s)
  })
  return {
    async round(events, clients) {
      const ids = newCases(Math.ceil(events / 3))
      await open(ids)
      return (
        (await concurrently(ids.length, clients, async (i) => {
          for (let s = 1; s <= 3; s++) await one(ids[i]!, s)
        })) * 3
      )
    },
    async close() {
      await pool.end()
      await t.drop()
    },
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

/**
 * Alternates engine and raw rounds on the same machine state (disk cache, fsync latency drift) and reports the
 * median of each for every client count; the ratio is engine / raw at the same number of clients.
 */
export async function benchEngine(provider: TProvider, clientCounts: number[] = [1, 16], rounds = 5, eventsPerRound = 300): Promise<TEngineBench[]> {
  const engine = await engineRunner(provider)
  const raw = await rawRunner(provider)
  const out: TEngineBench[] = []
  try {
    for (const clients of clientCounts) {
      const e: number[] = []
      const r: number[] = []
      for (let i = 0; i < rounds; i++) {
        e.push(await engine.round(eventsPerRound, clients))
        r.push(await raw.round(eventsPerRound, clients))
      }
      const engineEps = median(e)
      const rawEps = median(r)
      out.push({ provider, clients, events: rounds * eventsPerRound, engineEps, rawEps, ratio: engineEps / rawEps })
    }
  } finally {
    await engine.close()
    await raw.close()
  }
  return out
}

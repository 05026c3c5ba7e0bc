/**
 * Engine events/s vs the raw write of the same rows (one event + one snapshot per transaction, written directly
 * with the driver), on the embedded SQLite and on PostgreSQL, in one run. Both run sequentially from one client,
 * so every commit waits for its own fsync: the engine writes more rows per event (hash chain, deadlines, outbox).
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

export type TEngineBench = { provider: TProvider; events: number; engineEps: number; rawEps: number; ratio: number }

const SNAPSHOT = JSON.stringify({ status: 'active', value: 'awaitingReply', context: { pad: 'x'.repeat(700) } })
const PAYLOAD = JSON.stringify({ type: 'request.sent', by: 'worker', content: '就2026年度职工工资调整事项进行集体协商。'.repeat(4) })

type TRunner = { round(events: number): Promise<number>; close(): Promise<void> }

/** Each round opens cases (not timed), then times request.sent → request.received → request.answered on each. */
async function engineRunner(provider: TProvider): Promise<TRunner> {
  const t = await createTestDatabase(provider)
  const db = await openDatabase(t.url)
  const clock = new ManualClock('2026-06-04T02:00:00.000Z')
  const engine = testEngine(db, clock)
  const enterpriseId = await seedEnterprise(db)
  for (let i = 0; i < 20; i++) await caseAwaitingReply(engine, enterpriseId, '2026-06-04') // warm-up
  return {
    async round(events) {
      const ids: string[] = []
      for (let i = 0; i < Math.ceil(events / 3); i++) {
        ids.push((await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)).caseId)
      }
      const t0 = performance.now()
      for (const id of ids) {
        await engine.sendEvent(id, requestSent('2026-06-04'), unionActor)
        await engine.sendEvent(id, requestReceived('2026-06-04'), unionActor)
        await engine.sendEvent(id, { type: 'request.answered', answeredOn: '2026-06-05', text: '同意' }, employerActor)
      }
      return ((ids.length * 3) / (performance.now() - t0)) * 1000
    },
    async close() {
      await db.close()
      await t.drop()
    },
  }
}

/** The same rows, written directly with the driver: INSERT the event + UPDATE the snapshot, one transaction each. */
async function rawRunner(provider: TProvider): Promise<TRunner> {
  const t = await createTestDatabase(provider)
  const caseId = crypto.randomUUID()
  const insertCase = `INSERT INTO "Case" ("id","enterpriseId","kind","jurisdiction","machineId","machineVersion","snapshot","stateValue","status","revision","lastHash","createdAt","updatedAt")
     VALUES (?, 'e', 'wageAgreement', 'national', 'negotiation', 1, ?, '""', 'active', 0, '', '', '')`
  const insertEvent = `INSERT INTO "CaseEvent" ("caseId","seq","type","payload","actorId","actorRole","occurredAt","prevHash","hash") VALUES (?,?,?,?,?,?,?,?,?)`
  const updateCase = `UPDATE "Case" SET "snapshot" = ?, "revision" = ?, "updatedAt" = ? WHERE "id" = ?`
  let seq = 0
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(t.url))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = OFF') // the raw row has no enterprise
    db.prepare(insertCase).run(caseId, SNAPSHOT)
    const ins = db.prepare(insertEvent)
    const upd = db.prepare(updateCase)
    const tx = db.transaction((n: number) => {
      ins.run(caseId, n, 'request.sent', PAYLOAD, 'u', 'unionNegotiator', new Date().toISOString(), 'p', 'h')
      upd.run(SNAPSHOT, n, new Date().toISOString(), caseId)
    })
    for (let i = 0; i < 50; i++) tx(++seq) // warm-up
    return {
      async round(events) {
        const t0 = performance.now()
        for (let i = 0; i < events; i++) tx(++seq)
        return (events / (performance.now() - t0)) * 1000
      },
      async close() {
        db.close()
        await t.drop()
      },
    }
  }
  const client = new pg.Client({ connectionString: t.url })
  await client.connect()
  await client.query(`ALTER TABLE "Case" DROP CONSTRAINT IF EXISTS "Case_enterpriseId_fkey"`) // the raw row has no enterprise
  await client.query(toPg(insertCase), [caseId, SNAPSHOT])
  const one = async (n: number) => {
    await client.query('BEGIN')
    await client.query({ name: 'ins', text: toPg(insertEvent), values: [caseId, n, 'request.sent', PAYLOAD, 'u', 'unionNegotiator', new Date().toISOString(), 'p', 'h'] })
    await client.query({ name: 'upd', text: toPg(updateCase), values: [SNAPSHOT, n, new Date().toISOString(), caseId] })
    await client.query('COMMIT')
  }
  for (let i = 0; i < 50; i++) await one(++seq) // warm-up
  return {
    async round(events) {
      const t0 = performance.now()
      for (let i = 0; i < events; i++) await one(++seq)
      return (events / (performance.now() - t0)) * 1000
    },
    async close() {
      await client.end()
      await t.drop()
    },
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

/**
 * Alternates engine and raw rounds on the same machine state (disk cache, fsync latency drift) and reports the
 * median of each; the ratio is engine / raw.
 */
export async function benchEngine(provider: TProvider, rounds = 5, eventsPerRound = 300): Promise<TEngineBench> {
  const engine = await engineRunner(provider)
  const raw = await rawRunner(provider)
  const e: number[] = []
  const r: number[] = []
  try {
    for (let i = 0; i < rounds; i++) {
      e.push(await engine.round(eventsPerRound))
      r.push(await raw.round(eventsPerRound))
    }
  } finally {
    await engine.close()
    await raw.close()
  }
  const engineEps = median(e)
  const rawEps = median(r)
  return { provider, events: rounds * eventsPerRound, engineEps, rawEps, ratio: engineEps / rawEps }
}

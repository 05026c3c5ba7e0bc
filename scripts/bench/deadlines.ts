/**
 * Deadline firing at scale: N cases whose reply deadlines all fall due at the same midnight, drained by P scheduler
 * processes sharing one PostgreSQL. Reports the time to drain and checks that each deadline fired exactly once.
 *
 * The N cases are cloned in bulk from one case made by the engine (ids replaced, hash chains recomputed), so the
 * fixture is a real case state without spending minutes on setup.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openDatabase } from '../../src/db/database.js'
import { all } from '../../src/db/sql.js'
import { ManualClock } from '../../src/engine/clock.js'
import { eventHash, GENESIS_HASH } from '../../src/engine/hash-chain.js'
import { createTestDatabase } from '../../test/support/databases.js'
import { caseAwaitingReply, seedEnterprise, testEngine } from '../../test/support/factories.js'

export type TDrainBench = {
  deadlines: number
  processes: number
  batchSize: number
  seedSeconds: number
  seconds: number
  /** Cases with exactly one deadline.elapsed event (the template case excluded). */
  firedOnce: number
  /** Cases with more than one deadline.elapsed event. */
  duplicates: number
  /** Deadlines still pending after the drain. */
  missing: number
  /** Deadline rows marked fired, and how many each process fired. */
  firedRows: number
  byProcess: Record<string, number>
}

type TTemplate = {
  caseRow: Record<string, unknown>
  events: { seq: number; type: string; payload: string; actorId: string | null; actorRole: string | null; occurredAt: string }[]
  deadline: Record<string, unknown>
}

async function template(url: string): Promise<TTemplate> {
  const db = await openDatabase(url)
  const engine = testEngine(db, new ManualClock('2026-03-02T02:00:00.000Z'))
  const enterpriseId = await seedEnterprise(db)
  const { caseId } = await caseAwaitingReply(engine, enterpriseId, '2026-03-02')
  const t = await db.read(function* () {
    const [caseRow] = yield* all<Record<string, unknown>>(`SELECT * FROM "Case" WHERE "id" = ?`, [caseId])
    const events = yield* all<TTemplate['events'][number]>(
      `SELECT "seq", "type", "payload", "actorId", "actorRole", "occurredAt" FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`,
      [caseId],
    )
    const [deadline] = yield* all<Record<string, unknown>>(`SELECT * FROM "Deadline" WHERE "caseId" = ?`, [caseId])
    return { caseRow: caseRow!, events, deadline: deadline! }
  })
  await db.close()
  return t
}

async function seed(url: string, n: number, t: TTemplate) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const templateId = t.caseRow.id as string
  const chunk = 1_000
  for (let start = 0; start < n; start += chunk) {
    const cases: unknown[][] = []
    const events: unknown[][] = []
    const deadlines: unknown[][] = []
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const id = crypto.randomUUID()
      let prev = GENESIS_HASH
      for (const e of t.events) {
        const payload = e.payload.replaceAll(templateId, id)
        const hash = eventHash(prev, { caseId: id, seq: e.seq, type: e.type, payload, actorId: e.actorId, actorRole: e.actorRole, occurredAt: e.occurredAt })
        events.push([id, e.seq, e.type, payload, e.actorId, e.actorRole, e.occurredAt, prev, hash])
        prev = hash
      }
      const c = t.caseRow
      cases.push([id, c.enterpriseId, c.kind, c.jurisdiction, c.machineId, c.machineVersion, String(c.snapshot).replaceAll(templateId, id), c.stateValue, c.status, c.revision, prev, c.createdAt, c.updatedAt])
      const d = t.deadline
      deadlines.push([crypto.randomUUID(), id, d.kind, d.lastDay, d.dueAt, d.event, d.explanation, d.provisional, 'pending', d.createdSeq, 0, d.createdAt])
    }
    const insert = async (table: string, cols: string[], rows: unknown[][]) => {
      const values = rows.map((r, i) => `(${r.map((_, j) => `$${i * cols.length + j + 1}`).join(', ')})`).join(', ')
      await client.query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, rows.flat())
    }
    await client.query('BEGIN')
    await insert('Case', ['id', 'enterpriseId', 'kind', 'jurisdiction', 'machineId', 'machineVersion', 'snapshot', 'stateValue', 'status', 'revision', 'lastHash', 'createdAt', 'updatedAt'], cases)
    for (let k = 0; k < events.length; k += 2_000) {
      await insert('CaseEvent', ['caseId', 'seq', 'type', 'payload', 'actorId', 'actorRole', 'occurredAt', 'prevHash', 'hash'], events.slice(k, k + 2_000))
    }
    await insert('Deadline', ['id', 'caseId', 'kind', 'lastDay', 'dueAt', 'event', 'explanation', 'provisional', 'status', 'createdSeq', 'attempts', 'createdAt'], deadlines)
    await client.query('COMMIT')
  }
  await client.query('ANALYZE')
  await client.end()
}

export async function benchDeadlines(n = 100_000, processes = 3, batchSize = 100): Promise<TDrainBench> {
  const db = await createTestDatabase('postgresql')
  try {
    const t = await template(db.url)
    const s0 = performance.now()
    await seed(db.url, n, t)
    const seedSeconds = (performance.now() - s0) / 1000
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'drain-child.ts')
    const now = '2026-06-01T00:00:00.000Z' // well after every cloned deadline
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: processes }, (_, i) =>
        new Promise<void>((resolve, reject) => {
          // DRAIN_CPU_PROF=<dir>: each drain process writes a CPU profile there (node --cpu-prof).
          const p = spawn(process.execPath, [...(process.env.DRAIN_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DRAIN_CPU_PROF}`] : []), '--import', 'tsx', child, db.url, now, `drain-${i}`, String(batchSize)], { stdio: ['ignore', 'ignore', 'inherit'] })
          p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`drain child ${i} exited ${code}`))))
        }),
      ),
    )
    const seconds = (performance.now() - t0) / 1000
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const r = await client.query<{ once: string; dup: string; missing: string }>(`
      SELECT
        (SELECT COUNT(*) FROM (SELECT "caseId" FROM "CaseEvent" WHERE "type" = 'deadline.elapsed' GROUP BY "caseId" HAVING COUNT(*) = 1) a) AS once,
        (SELECT COUNT(*) FROM (SELECT "caseId" FROM "CaseEvent" WHERE "type" = 'deadline.elapsed' GROUP BY "caseId" HAVING COUNT(*) > 1) b) AS dup,
        (SELECT COUNT(*) FROM "Deadline" WHERE "status" = 'pending') AS missing`)
    const by = await client.query<{ claimedBy: string; n: string }>(
      `SELECT "claimedBy", COUNT(*) AS n FROM "Deadline" WHERE "status" = 'fired' GROUP BY "claimedBy" ORDER BY "claimedBy"`,
    )
    await client.end()
    const row = r.rows[0]!
    const byProcess = Object.fromEntries(by.rows.map((b) => [b.claimedBy, Number(b.n)]))
    const firedRows = Object.values(byProcess).reduce((a, b) => a + b, 0)
    // The template case itself also fired once.
    return {
      deadlines: n,
      processes,
      batchSize,
      seedSeconds,
      seconds,
      firedOnce: Number(row.once) - 1,
      duplicates: Number(row.dup),
      missing: Number(row.missing),
      firedRows: firedRows - 1,
      byProcess,
    }
  } finally {
    await db.drop()
  }
}

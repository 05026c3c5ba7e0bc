/**
 * Memory: the RSS of a server process (the app on the embedded SQLite database, in a child process run with
 * --expose-gc, measured after a full collection) after reading 100 cases through the API vs after reading all
 * 100,000 (GET /api/v1/cases/:id, 50 concurrent keep-alive clients, bearer token). Both processes serve the same
 * database of 100,000 cases; a per-case cache that grew without bound would show as the difference.
 *
 * The cases are one real case opened by the engine, cloned in bulk (ids replaced, hash chain recomputed), like the
 * deadline benchmark's fixture. Target (issue 11): RSS at 100,000 ≤ 1.2 × RSS at 100.
 */
import { fork } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { sqliteFilePath } from '../../src/db/database-url.js'
import { all } from '../../src/db/sql.js'
import { eventHash, GENESIS_HASH } from '../../src/engine/hash-chain.js'
import { ENTERPRISES, createHttpWorld } from '../../test/support/http.js'
import { unionActor } from '../../test/support/factories.js'
import { runLoad } from './latency.js'

export type TMemoryBench = { cases: number; small: number; rssSmall: number; rssLarge: number; heapSmall: number; heapLarge: number; ratio: number; seedSeconds: number; readSeconds: number }

/** `n` clones of case `templateId` in one transaction; returns their ids. */
function cloneCases(url: string, templateId: string, n: number): string[] {
  const db = new Database(sqliteFilePath(url))
  db.pragma('journal_mode = WAL')
  const c = db.prepare(`SELECT * FROM "Case" WHERE "id" = ?`).get(templateId) as Record<string, unknown>
  const events = db.prepare(`SELECT * FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`).all(templateId) as Record<string, unknown>[]
  const insertCase = db.prepare(
    `INSERT INTO "Case" ("id","enterpriseId","kind","jurisdiction","machineId","machineVersion","snapshot","stateValue","status","revision","lastHash","createdAt","updatedAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  )
  const insertEvent = db.prepare(
    `INSERT INTO "CaseEvent" ("caseId","seq","type","payload","actorId","actorRole","occurredAt","prevHash","hash") VALUES (?,?,?,?,?,?,?,?,?)`,
  )
  const ids: string[] = []
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID()
      let prev = GENESIS_HASH
      const rows: unknown[][] = []
      for (const e of events) {
        const payload = String(e.payload).replaceAll(templateId, id)
        const row = { caseId: id, seq: e.seq as number, type: e.type as string, payload, actorId: e.actorId as string, actorRole: e.actorRole as string, occurredAt: e.occurredAt as string }
        const hash = eventHash(prev, row)
        rows.push([id, row.seq, row.type, payload, row.actorId, row.actorRole, row.occurredAt, prev, hash])
        prev = hash
      }
      insertCase.run(id, c.enterpriseId, c.kind, c.jurisdiction, c.machineId, c.machineVersion, String(c.snapshot).replaceAll(templateId, id), c.stateValue, c.status, c.revision, prev, c.createdAt, c.updatedAt)
      for (const r of rows) insertEvent.run(...r)
      ids.push(id)
    }
  })()
  db.close()
  return ids
}

/** Starts a server child, reads `ids` through it, returns its RSS after gc. */
async function serveAndRead(url: string, token: string, ids: string[]) {
  const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-child.ts'), [url], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port))
      child.once('exit', (code) => reject(new Error(`memory child exited ${code}`)))
    })
    const t0 = performance.now()
    const r = await runLoad(
      `http://127.0.0.1:${port}`,
      ids.map((id) => ({ method: 'GET', path: `/api/v1/cases/${id}`, headers: { authorization: `Bearer ${token}` } })),
      50,
    )
    if (r.errors) throw new Error(`memory bench: ${r.errors} failed reads`)
    const seconds = (performance.now() - t0) / 1000
    const measured = new Promise<{ rss: number; heapUsed: number }>((resolve) => child.once('message', (m) => resolve(m as { rss: number; heapUsed: number })))
    child.send('measure')
    return { ...(await measured), seconds }
  } finally {
    child.kill('SIGTERM')
  }
}

export async function benchMemory(cases = 100_000, small = 100): Promise<TMemoryBench> {
  const world = await createHttpWorld('sqlite', { checkResponses: false })
  try {
    const res = await world.as('unionT').post('/api/v1/auth/tokens').send({ name: 'bench' })
    if (res.status !== 201) throw new Error(`token: ${res.status}`)
    const token = res.body.token as string
    const template = await world.engine.openCase({ enterpriseId: ENTERPRISES.tianhe.id, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
    const s0 = performance.now()
    const ids = [template.caseId, ...cloneCases(world.t.url, template.caseId, cases - 1)]
    const seedSeconds = (performance.now() - s0) / 1000
    const count = await world.db.read(function* () {
      return (yield* all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Case"`))[0]!.n
    })
    if (Number(count) !== cases) throw new Error(`memory bench: ${count} cases seeded, expected ${cases}`)
    const a = await serveAndRead(world.t.url, token, ids.slice(0, small))
    const b = await serveAndRead(world.t.url, token, ids)
    return { cases, small, rssSmall: a.rss, rssLarge: b.rss, heapSmall: a.heapUsed, heapLarge: b.heapUsed, ratio: b.rss / a.rss, seedSeconds, readSeconds: b.seconds }
  } finally {
    await world.close()
  }
}

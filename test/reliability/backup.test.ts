/**
 * Backup and restore.
 *   - SQLite: `npm run backup` copies the live file while cases are being written (a consistent copy: every case in
 *     it verifies), `npm run restore` puts it back, applies migrations and runs verify; restore refuses a file that
 *     is not a wagepact database, an existing database without --force, and a database in use even with --force.
 *   - PostgreSQL: pg_dump -Fc of a populated database, pg_restore into a new database, verifyCase on every case
 *     and the same row count in every table.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type TDatabase } from '../../src/db/database.js'
import { all, one } from '../../src/db/sql.js'
import { verifyCase } from '../../src/engine/verify.js'
import { backupSqlite, inspectBackup, restoreSqlite } from '../../src/db/backup.js'
import { migrationNames } from '../../src/db/migrate.js'
import { createEmptyDatabase, type TTestDatabase } from '../support/databases.js'
import { caseAwaitingReply, closeEngineSuite, openEngineSuite, unionActor } from '../support/factories.js'
import { runScript } from './cli.js'

type TSuite = Awaited<ReturnType<typeof openEngineSuite>>

const tablesOf = (db: TDatabase) =>
  db.read(function* () {
    const sql =
      db.provider === 'sqlite'
        ? `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' ORDER BY "name"`
        : `SELECT "table_name" AS "name" FROM "information_schema"."tables" WHERE "table_schema" = 'public' ORDER BY "table_name"`
    return (yield* all<{ name: string }>(sql)).map((r) => r.name)
  })

async function rowCounts(db: TDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of await tablesOf(db)) {
    out[t] = await db.read(function* () {
      return Number((yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "${t}"`))!.n)
    })
  }
  return out
}

const caseIds = (db: TDatabase) =>
  db.read(function* () {
    return (yield* all<{ id: string }>(`SELECT "id" FROM "Case" ORDER BY "id"`)).map((r) => r.id)
  })

const revisions = (db: TDatabase) =>
  db.read(function* () {
    return Number((yield* one<{ n: number }>(`SELECT CAST(COALESCE(SUM("revision"), 0) AS INTEGER) AS "n" FROM "Case"`))!.n)
  })

/** Writes cases (open, request sent, received: 3 events each) until `stop()`; returns how many were completed. */
function writeWhile(s: TSuite) {
  let stopped = false
  let done = 0
  const loop = (async () => {
    while (!stopped) {
      await caseAwaitingReply(s.engine, s.enterpriseId, '2026-06-04')
      done++
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
      return done
    },
  }
}

describe('backup and restore of the embedded SQLite database', () => {
  let s: TSuite
  let dir: string
  const file = () => s.t.url.replace(/^file:/, '')

  beforeAll(async () => {
    s = await openEngineSuite('sqlite')
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wagepact-backup-'))
    for (let i = 0; i < 5; i++) await caseAwaitingReply(s.engine, s.enterpriseId, '2026-06-04')
  })
  afterAll(async () => {
    await closeEngineSuite(s)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('a backup taken while cases are written is consistent; restore puts it back and verify passes', { timeout: 180_000 }, async () => {
    const before = (await rowCounts(s.db)).CaseEvent!
    const writer = writeWhile(s)
    await new Promise((r) => setTimeout(r, 200)) // writes are in flight when the copy starts
    const backupFile = path.join(dir, 'live.db')
    const backup = await runScript('backup.ts', [backupFile], { DATABASE_URL: s.t.url })
    const written = await writer.stop()
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(/backup written/)
    expect(written).toBeGreaterThan(0)

    const info = inspectBackup(backupFile)
    expect(info.applied).toEqual(migrationNames('sqlite'))
    expect(info.pending).toEqual([])
    const after = (await rowCounts(s.db)).CaseEvent!
    // The copy holds one committed state between the two (every case in it verifies, below).
    expect(info.counts.CaseEvent).toBeGreaterThanOrEqual(before)
    expect(info.counts.CaseEvent).toBeLessThanOrEqual(after)

    const restoredUrl = `file:${path.join(dir, 'restored', 'wagepact.db')}`
    const restore = await runScript('restore.ts', [backupFile], { DATABASE_URL: restoredUrl })
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)
    expect(restore.stdout).toContain(`${info.counts.Case} cases and 0 ballot boxes (0 count rows) checked, 0 problems`)
    const restored = await openDatabase(restoredUrl)
    try {
      const ids = await caseIds(restored)
      expect(ids).toHaveLength(info.counts.Case)
      for (const id of ids) expect(await verifyCase(restored, id)).toEqual([])
      const counts = await rowCounts(restored)
      expect(counts.CaseEvent).toBe(info.counts.CaseEvent)
      expect(await revisions(restored)).toBe(counts.CaseEvent)
      // The restored database takes new work.
      const { testEngine } = await import('../support/factories.js')
      const engine = testEngine(restored, s.clock)
      const opened = await engine.openCase({ enterpriseId: s.enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
      expect(await verifyCase(restored, opened.caseId)).toEqual([])
    } finally {
      await restored.close()
    }
  })

  it('restore refuses a database in use (even with --force), an existing one without --force, and a foreign file', { timeout: 180_000 }, async () => {
    const backupFile = path.join(dir, 'refusals.db')
    expect((await runScript('backup.ts', [backupFile], { DATABASE_URL: s.t.url })).code).toBe(0)
    // A second backup to the same name is refused: a backup is never overwritten.
    expect(() => backupSqlite(file(), backupFile)).toThrow(/exists; choose a new file name/)

    // The suite's own connection has the live database open, like a running app.
    const eventsBefore = (await rowCounts(s.db)).CaseEvent
    const inUse = await runScript('restore.ts', [backupFile, '--force'], { DATABASE_URL: s.t.url })
    expect(inUse.code).toBe(1)
    expect(inUse.stderr).toContain('is in use by another process')
    expect((await rowCounts(s.db)).CaseEvent).toBe(eventsBefore)
    await caseAwaitingReply(s.engine, s.enterpriseId, '2026-06-04') // still writable

    const other = path.join(dir, 'other.db')
    expect(restoreSqlite(backupFile, other).replaced).toBe(false)
    expect(() => restoreSqlite(backupFile, other)).toThrow(/pass --force to replace it/)
    expect(restoreSqlite(backupFile, other, { force: true }).replaced).toBe(true)
    // An app that has the restored file open blocks the next restore.
    const app = await openDatabase(`file:${other}`)
    try {
      expect(await caseIds(app)).toHaveLength(inspectBackup(backupFile).counts.Case)
      expect(() => restoreSqlite(backupFile, other, { force: true })).toThrow(/in use by another process/)
    } finally {
      await app.close()
    }

    const junk = path.join(dir, 'junk.db')
    fs.writeFileSync(junk, crypto.randomBytes(4096))
    expect(() => restoreSqlite(junk, path.join(dir, 'x.db'))).toThrow(/is not an SQLite database/)
    const foreign = path.join(dir, 'foreign.db')
    const Database = (await import('better-sqlite3')).default
    const f = new Database(foreign)
    f.exec('CREATE TABLE "notes" ("x" TEXT)')
    f.close()
    expect(() => restoreSqlite(foreign, path.join(dir, 'y.db'))).toThrow(/is not a wagepact database/)
    expect(fs.existsSync(path.join(dir, 'y.db'))).toBe(false)
    // A database from a newer version (a migration this one does not know) is refused.
    const newer = path.join(dir, 'newer.db')
    fs.copyFileSync(backupFile, newer)
    const n = new Database(newer)
    n.prepare(`UPDATE "_prisma_migrations" SET "migration_name" = '29991231000000_future' WHERE "migration_name" = ?`).run(migrationNames('sqlite').at(-1))
    n.close()
    expect(() => inspectBackup(newer)).toThrow(/migrations this version does not know: 29991231000000_future/)
  })
})

describe('pg_dump / pg_restore of a PostgreSQL database', () => {
  let s: TSuite
  let restoredInto: TTestDatabase | undefined
  let dumpDir: string

  beforeAll(async () => {
    s = await openEngineSuite('postgresql')
    dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wagepact-pgdump-'))
  })
  afterAll(async () => {
    await closeEngineSuite(s)
    await restoredInto?.drop()
    fs.rmSync(dumpDir, { recursive: true, force: true })
  })

  it('a dump taken while cases are written restores into a new database where every case verifies', async () => {
    for (let i = 0; i < 5; i++) await caseAwaitingReply(s.engine, s.enterpriseId, '2026-06-04')
    const writer = writeWhile(s)
    await new Promise((r) => setTimeout(r, 200))
    const dumpFile = path.join(dumpDir, 'wagepact.dump')
    // pg_dump reads one snapshot (REPEATABLE READ) however long it runs.
    const dump = spawnSync('/usr/bin/pg_dump', ['-Fc', '--no-owner', '-f', dumpFile, s.t.url], { encoding: 'utf8' })
    await writer.stop()
    expect(dump.stderr).toBe('')
    expect(dump.status).toBe(0)

    restoredInto = await createEmptyDatabase('postgresql')
    const restore = spawnSync('/usr/bin/pg_restore', ['--no-owner', '--exit-on-error', '-d', restoredInto.url, dumpFile], { encoding: 'utf8' })
    expect(restore.stderr).toBe('')
    expect(restore.status).toBe(0)

    const restored = await openDatabase(restoredInto.url)
    try {
      const ids = await caseIds(restored)
      expect(ids.length).toBeGreaterThanOrEqual(5)
      for (const id of ids) expect(await verifyCase(restored, id)).toEqual([])
      const counts = await rowCounts(restored)
      // One committed state: each case's revision counts exactly its events in the dump.
      expect(await revisions(restored)).toBe(counts.CaseEvent)
      // Every table and row the dump saw; the source has at least as many (the writer went on).
      const source = await rowCounts(s.db)
      expect(Object.keys(counts)).toEqual(Object.keys(source))
      for (const [t, n] of Object.entries(counts)) expect(n, t).toBeLessThanOrEqual(source[t]!)
      // The restored history is the shipped one, so the app starts on it without migrating.
      const applied = await restored.read(function* () {
        return (yield* all<{ n: string }>(`SELECT "migration_name" AS "n" FROM "_prisma_migrations" ORDER BY 1`)).map((r) => r.n)
      })
      expect(applied).toEqual(migrationNames('postgresql'))
    } finally {
      await restored.close()
    }
  })
})

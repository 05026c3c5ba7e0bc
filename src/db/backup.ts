/**
 * Backup and restore of the embedded SQLite database (PostgreSQL: pg_dump -Fc / pg_restore, see the README).
 *
 * Backup is an online copy: `VACUUM INTO` runs in one read transaction, so under WAL it sees one committed state
 * of the database while the app goes on writing (writers are not blocked, and nothing half-written is copied).
 * The copy is written next to the destination, checked (`PRAGMA integrity_check`), fsynced and renamed into place,
 * so a crash never leaves a truncated file under the backup's name.
 *
 * Restore refuses a file that is not a wagepact database (SQLite header, integrity, the migration history: no
 * failed migration and none this version does not know), refuses to overwrite an existing database without
 * `force`, and refuses, even with `force`, a database that another process has open: it takes SQLite's exclusive
 * lock first (leaving WAL mode needs every other connection closed) and keeps it while the file is swapped.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrationNames } from './migrate.js'

export class BackupError extends Error {
  override name = 'BackupError'
}

export type TBackupInfo = {
  /** Migrations recorded in the file, oldest first. */
  applied: string[]
  /** Migrations of this version not yet in the file (applied at the next start, or by restore). */
  pending: string[]
  /** Rows of the main tables, for the operator to compare. */
  counts: Record<(typeof COUNTED)[number], number>
  bytes: number
}

const COUNTED = ['Case', 'CaseEvent', 'Document', 'OutboxMessage', 'CongressSession', 'User'] as const
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

function fsyncPath(p: string) {
  const fd = fs.openSync(p, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Copies the live database `sourceFile` to `destFile` (which must not exist) while other processes write to it. */
export function backupSqlite(sourceFile: string, destFile: string): TBackupInfo {
  if (!fs.existsSync(sourceFile)) throw new BackupError(`数据库文件不存在 / no database file at ${sourceFile}`)
  if (fs.existsSync(destFile)) throw new BackupError(`备份文件已存在，不会覆盖 / ${destFile} exists; choose a new file name`)
  const dir = path.dirname(path.resolve(destFile))
  fs.mkdirSync(dir, { recursive: true })
  const tmp = path.join(dir, `.${path.basename(destFile)}.${process.pid}.partial`)
  fs.rmSync(tmp, { force: true })
  const source = new Database(sourceFile, { fileMustExist: true })
  try {
    // The app holds the write lock for a few milliseconds at a time: wait for it rather than fail.
    source.pragma('busy_timeout = 10000')
    source.prepare('VACUUM INTO ?').run(tmp)
  } finally {
    source.close()
  }
  try {
    const info = inspectBackup(tmp)
    fsyncPath(tmp)
    fs.renameSync(tmp, destFile)
    fsyncPath(dir)
    return info
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
}

/** Checks that `file` is a sound wagepact database this version can run, and describes it. */
export function inspectBackup(file: string): TBackupInfo {
  if (!fs.existsSync(file)) throw new BackupError(`备份文件不存在 / no backup file at ${file}`)
  const header = Buffer.alloc(16)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, header, 0, 16, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (!header.equals(SQLITE_HEADER)) throw new BackupError(`不是 SQLite 数据库文件 / ${file} is not an SQLite database`)
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new BackupError(`数据库文件已损坏 / ${file} fails the integrity check: ${String(integrity)}`)
    const tables = new Set(
      (db.prepare(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`).all() as { name: string }[]).map((r) => r.name),
    )
    if (!tables.has('_prisma_migrations') || !tables.has('Case') || !tables.has('CaseEvent'))
      throw new BackupError(`不是 wagepact 数据库（缺少迁移记录或案件表）/ ${file} is not a wagepact database (no migration history or case tables)`)
    const rows = db
      .prepare(`SELECT "migration_name" AS "name", "finished_at" AS "finished", "rolled_back_at" AS "rolledBack" FROM "_prisma_migrations" ORDER BY "migration_name"`)
      .all() as { name: string; finished: string | null; rolledBack: string | null }[]
    const failed = rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name)
    if (failed.length) throw new BackupError(`备份中有未完成的迁移 / ${file} has failed migrations: ${failed.join(', ')}`)
    const applied = rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name)
    const shipped = migrationNames('sqlite')
    const unknown = applied.filter((n) => !shipped.includes(n))
    if (unknown.length)
      throw new BackupError(`备份来自更新的版本，本版本不认识其迁移 / ${file} has migrations this version does not know: ${unknown.join(', ')}`)
    if (applied.length === 0) throw new BackupError(`备份中没有已应用的迁移 / ${file} has no applied migration`)
    const counts = Object.fromEntries(
      COUNTED.map((t) => [t, tables.has(t) ? Number((db.prepare(`SELECT COUNT(*) AS "n" FROM "${t}"`).get() as { n: number }).n) : 0]),
    ) as TBackupInfo['counts']
    return { applied, pending: shipped.filter((n) => !applied.includes(n)), counts, bytes: fs.statSync(file).size }
  } finally {
    db.close()
  }
}

/**
 * Takes SQLite's exclusive lock on `file`, or throws when another connection has it open. Leaving WAL mode needs
 * every other connection (reader or writer, in any process) closed, and EXCLUSIVE locking mode keeps the lock
 * until this connection closes.
 */
function lockExclusively(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    const mode = db.pragma('journal_mode = DELETE', { simple: true })
    if (mode !== 'delete') throw new Error(`journal mode stayed ${String(mode)}`)
    db.exec('BEGIN EXCLUSIVE')
    return db
  } catch (e) {
    db.close()
    const why = e instanceof Error ? e.message : String(e)
    throw new BackupError(`数据库正在使用中，请先停止应用 / the database ${file} is in use by another process (${why}); stop the app first`)
  }
}

export type TRestoreResult = TBackupInfo & { replaced: boolean }

/** Replaces the database file `targetFile` by the backup `backupFile`. */
export function restoreSqlite(backupFile: string, targetFile: string, options: { force?: boolean } = {}): TRestoreResult {
  const info = inspectBackup(backupFile)
  const dir = path.dirname(path.resolve(targetFile))
  fs.mkdirSync(dir, { recursive: true })
  const exists = fs.existsSync(targetFile) && fs.statSync(targetFile).size > 0
  let lock: Database.Database | undefined
  if (exists) {
    lock = lockExclusively(targetFile)
    if (!options.force) {
      lock.close()
      throw new BackupError(`目标数据库已存在，覆盖请加 --force / ${targetFile} exists; pass --force to replace it`)
    }
  }
  const tmp = path.join(dir, `.${path.basename(targetFile)}.${process.pid}.restoring`)
  try {
    fs.copyFileSync(backupFile, tmp)
    fsyncPath(tmp)
    fs.renameSync(tmp, targetFile)
    // A WAL or journal left from the replaced file must not be applied to the restored one.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(targetFile + suffix, { force: true })
    fsyncPath(dir)
  } finally {
    fs.rmSync(tmp, { force: true })
    lock?.close()
  }
  return { ...info, replaced: exists }
}

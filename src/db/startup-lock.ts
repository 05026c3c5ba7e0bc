/**
 * One process at a time through start-up's writes (migrations, demo seed, reference data). Several app processes
 * started together on one database (a restart overlapping a shutdown, N nodes of a deployment, a test starting two)
 * would otherwise race: two schema engines applying the same migration, two demo seeds inserting the same
 * enterprise.
 *
 * - SQLite: an exclusive transaction on a sidecar file `<db>.startup-lock`. The operating system drops the lock
 *   when its holder dies, so a killed process never leaves a stale lock behind (a lock file would).
 * - PostgreSQL: a session-level advisory lock, released with the session for the same reason.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { providerOf, sqliteFilePath } from './database-url.js'

/** The advisory-lock key of start-up: "wagepact" in ASCII, read as a 64-bit number (stable across versions). */
const PG_STARTUP_LOCK_KEY = '8602270448629146484'

/** How long a starting process waits for another one's start-up before it gives up. */
const WAIT_MS = 10 * 60_000

export async function withStartupLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  return providerOf(databaseUrl) === 'sqlite' ? withSqliteLock(sqliteFilePath(databaseUrl), fn) : withPgLock(databaseUrl, fn)
}

async function withSqliteLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  if (file === ':memory:' || file === '') return fn()
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const lock = new Database(`${file}.startup-lock`, { timeout: WAIT_MS })
  try {
    // Blocks this thread while another process starts: there is nothing else for a starting process to do.
    lock.exec('BEGIN EXCLUSIVE')
    try {
      return await fn()
    } finally {
      lock.exec('ROLLBACK')
    }
  } finally {
    lock.close()
  }
}

async function withPgLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`SET statement_timeout = ${WAIT_MS}`)
    await client.query('SELECT pg_advisory_lock($1::bigint)', [PG_STARTUP_LOCK_KEY])
    try {
      return await fn()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [PG_STARTUP_LOCK_KEY])
    }
  } finally {
    await client.end()
  }
}

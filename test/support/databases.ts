/**
 * Runs a suite on both real databases: a fresh embedded SQLite file and a fresh PostgreSQL database on
 * 127.0.0.1:5432 (TEST_PG_URL), each migrated through the same migration runner as production.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import pg from 'pg'
import { applyMigrations } from '../../src/db/migrate.js'
import { openDatabase, type TDatabase } from '../../src/db/database.js'
import type { TProvider } from '../../src/db/schema-files.js'

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'

export type TTestDatabase = { provider: TProvider; url: string; drop(): Promise<void> }

/** Creates an empty database with nothing migrated (start-up tests migrate it themselves) and returns its URL. */
export async function createEmptyDatabase(provider: TProvider): Promise<TTestDatabase> {
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wagepact-test-'))
    const url = `file:${path.join(dir, 'test.db')}`
    return { provider, url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `wagepact_test_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const u = new URL(PG_ADMIN_URL)
  u.pathname = `/${name}`
  return {
    provider,
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}

/** Creates an empty, migrated database and returns its URL. */
export async function createTestDatabase(provider: TProvider): Promise<TTestDatabase> {
  const t = await createEmptyDatabase(provider)
  await applyMigrations(provider, t.url)
  return t
}

export const PROVIDERS_UNDER_TEST: TProvider[] = ['sqlite', 'postgresql']

/** Opens a connection to a test database (several may be open at once, like several app processes). */
export function connect(t: TTestDatabase): Promise<TDatabase> {
  return openDatabase(t.url)
}

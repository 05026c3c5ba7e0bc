/**
 * Several app processes started at the same moment on one empty database (N nodes of a deployment, a restart
 * overlapping a shutdown): start-up's writes — migrations, the demo seed, reference data — run one process at a
 * time (src/db/startup-lock.ts), so every process comes up, each migration is applied once and the demo is seeded
 * once. Before the lock, the second process died with a schema-engine timeout or a UNIQUE violation of the demo's
 * enterprise.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.js'
import { all } from '../../src/db/sql.js'
import { migrationNames } from '../../src/db/migrate.js'
import { createEmptyDatabase, PROVIDERS_UNDER_TEST } from '../support/databases.js'

const ROOT = path.join(import.meta.dirname, '..', '..')
const PROCESSES = 3

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function healthy(port: number, child: ChildProcess, deadline: number): Promise<boolean> {
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`)
      if (r.status === 200) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}

describe.each(PROVIDERS_UNDER_TEST)('start-up on %s', (provider) => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  it(`${PROCESSES} processes started together on an empty database all come up; migrations and the demo seed happen once`, async () => {
    // An empty database: nothing migrated, so the processes race for the whole history.
    const database = await createEmptyDatabase(provider)
    cleanups.push(database.drop)
    const ports = await Promise.all(Array.from({ length: PROCESSES }, freePort))
    const children = ports.map((port, i) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--demo'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          PORT: String(port),
          NODE_ID: `startup-${i}`,
          LOG_LEVEL: 'error',
          DEMO_PASSWORD: 'startup-test-password',
          WORKERS: 'false',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let stderr = ''
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()))
      return { child, port, stderr: () => stderr }
    })
    cleanups.push(async () => {
      for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL')
    })
    const deadline = Date.now() + 150_000
    const up = await Promise.all(children.map((c) => healthy(c.port, c.child, deadline)))
    const failures = children.filter((_, i) => !up[i]).map((c) => `exit ${c.child.exitCode}: ${c.stderr().slice(0, 400)}`)
    expect(failures).toEqual([])

    for (const c of children) c.child.kill('SIGTERM')
    await Promise.all(children.map((c) => (c.child.exitCode === null ? new Promise((r) => c.child.once('exit', r)) : null)))

    const db = await openDatabase(database.url)
    try {
      const applied = await db.read(function* () {
        return yield* all<{ migration_name: string }>(
          `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL ORDER BY "migration_name"`,
        )
      })
      expect(applied.map((r) => r.migration_name)).toEqual(migrationNames(provider))
      // The demo seeds one set of accounts: the unique e-mails would refuse a second, so count the seeded cases.
      const cases = await db.read(function* () {
        return yield* all<{ enterpriseId: string; n: number | string }>(
          `SELECT "enterpriseId", COUNT(*) AS "n" FROM "Case" GROUP BY "enterpriseId"`,
        )
      })
      expect(cases.length).toBeGreaterThan(0)
      for (const c of cases) expect(Number(c.n)).toBe(1)
    } finally {
      await db.close()
    }
  }, 240_000)
})

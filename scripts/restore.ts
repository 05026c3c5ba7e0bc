// Restores a backup made by `npm run backup` into the embedded SQLite database of DATABASE_URL, then applies
// pending migrations and runs `npm run verify` on the result.
//   npm run restore -- <file> [--force]
// Refuses a file that is not a wagepact database, an existing database without --force, and (even with --force)
// a database that a running app has open. PostgreSQL: pg_restore (README, "Reliability").
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { loadConfig } from '../src/config/config.js'
import { BackupError, restoreSqlite } from '../src/db/backup.js'
import { providerOf, sqliteFilePath } from '../src/db/database-url.js'
import { applyMigrations } from '../src/db/migrate.js'

const args = process.argv.slice(2)
const force = args.includes('--force')
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
  console.error('usage: npm run restore -- <file> [--force]')
  process.exit(2)
}
const { databaseUrl } = loadConfig(process.env)
if (providerOf(databaseUrl) !== 'sqlite') {
  console.error('DATABASE_URL is PostgreSQL: restore a pg_dump -Fc file with pg_restore (see the README, "Reliability")')
  process.exit(2)
}
const target = sqliteFilePath(databaseUrl)
try {
  const r = restoreSqlite(file, target, { force })
  console.log(`恢复完成 / restored ${file} → ${target}${r.replaced ? ' (replaced the previous database)' : ''}`)
  if (r.pending.length) {
    const { applied } = await applyMigrations('sqlite', databaseUrl)
    console.log(`migrations applied: ${applied.join(', ')}`)
  }
} catch (e) {
  if (!(e instanceof BackupError)) throw e
  console.error(e.message)
  process.exit(1)
}
// The same check as `npm run verify`, on the restored file.
const verify = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'verify.ts')], {
  env: { ...process.env, DATABASE_URL: databaseUrl },
  stdio: 'inherit',
})
process.exit(verify.status ?? 1)

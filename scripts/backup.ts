// Online backup of the embedded SQLite database while the app runs (a consistent copy: VACUUM INTO).
//   npm run backup -- <file>
// PostgreSQL: use pg_dump -Fc (README, "Reliability").
import { loadConfig } from '../src/config/config.js'
import { BackupError, backupSqlite } from '../src/db/backup.js'
import { providerOf, sqliteFilePath } from '../src/db/database-url.js'

const file = process.argv[2]
if (!file || file.startsWith('-')) {
  console.error('usage: npm run backup -- <file>')
  process.exit(2)
}
const { databaseUrl } = loadConfig(process.env)
if (providerOf(databaseUrl) !== 'sqlite') {
  console.error('DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (see the README, "Reliability")')
  process.exit(2)
}
try {
  const started = Date.now()
  const info = backupSqlite(sqliteFilePath(databaseUrl), file)
  const counts = Object.entries(info.counts).map(([t, n]) => `${t} ${n}`).join(', ')
  console.log(`备份完成 / backup written: ${file} (${info.bytes} bytes, ${Date.now() - started} ms; last migration ${info.applied.at(-1)}; ${counts})`)
} catch (e) {
  if (!(e instanceof BackupError)) throw e
  console.error(e.message)
  process.exit(1)
}

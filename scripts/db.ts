// Database migrations, through the WASM schema engine (the Prisma CLI cannot migrate here; see src/db/migrate.ts).
//   npm run db:migrate                       apply pending migrations to DATABASE_URL (default: the embedded file)
//   npm run db:status                        migration history of DATABASE_URL
//   npm run db:migration:create -- <name>    write the next migration of BOTH histories from prisma/schema.prisma
//   npm run db:drift                         fail if either history does not produce prisma/schema.prisma
// Creating and checking the PostgreSQL history needs a server for the shadow database: PG_ADMIN_URL
// (default postgresql://postgres@127.0.0.1:5432/test).
import { loadConfig } from '../src/config/config.js'
import { applyMigrations, createMigration, historyDrift, migrationStatus } from '../src/db/migrate.js'
import { providerOf } from '../src/db/database-url.js'
import { PROVIDERS, type TProvider } from '../src/db/schema-files.js'

const pgAdminUrl = process.env.PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'
const shadowUrl = (p: TProvider) => (p === 'sqlite' ? 'file::memory:' : pgAdminUrl)

async function main(): Promise<number> {
  const [cmd, arg] = process.argv.slice(2)
  switch (cmd) {
    case 'deploy': {
      const { databaseUrl } = loadConfig(process.env)
      const r = await applyMigrations(providerOf(databaseUrl), databaseUrl)
      console.log(r.applied.length ? `applied: ${r.applied.join(', ')}` : 'database is up to date')
      return 0
    }
    case 'status': {
      const { databaseUrl } = loadConfig(process.env)
      console.dir(await migrationStatus(providerOf(databaseUrl), databaseUrl), { depth: 6 })
      return 0
    }
    case 'create': {
      if (!arg || !/^[a-z0-9_]+$/.test(arg)) {
        console.error('usage: npm run db:migration:create -- <name in snake_case>')
        return 2
      }
      // One timestamped folder name for both histories, so they stay in step.
      const dir = `${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}_${arg}`
      for (const p of PROVIDERS) {
        const created = await createMigration(p, shadowUrl(p), dir)
        console.log(`${p}: ${created ?? 'no changes'}`)
      }
      return 0
    }
    case 'drift': {
      let failed = 0
      for (const p of PROVIDERS) {
        const missing = await historyDrift(p, shadowUrl(p))
        if (missing) {
          failed++
          console.error(`${p}: the migration history does not match prisma/schema.prisma; missing:\n${missing}`)
        } else console.log(`${p}: migration history matches prisma/schema.prisma`)
      }
      return failed ? 1 : 0
    }
    default:
      console.error('usage: tsx scripts/db.ts deploy|status|create <name>|drift')
      return 2
  }
}

// The schema engine leaves a lock-timeout timer behind: a CLI exits explicitly.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('FAILED:', e instanceof Error ? e.message : e)
    process.exit(1)
  },
)

/** Health: can the database be reached, which one is it, and which migration is the last applied. */
import type { TDatabase } from '../db/database.js'
import { migrationNames } from '../db/migrate.js'
import { one } from '../db/sql.js'
import { machines } from '../../workflows/registry.js'

export type THealth = {
  status: 'ok' | 'unavailable'
  database: 'sqlite' | 'postgresql'
  migration: { applied: string | null; expected: string | null; upToDate: boolean }
  machines: Record<string, number>
  error?: string
}

/** Returns the health check of a database; the expected migration is read from disk once. */
export function healthCheck(db: TDatabase): () => Promise<THealth> {
  const expected = migrationNames(db.provider).at(-1) ?? null
  const machineVersions = Object.fromEntries(Object.entries(machines).map(([id, m]) => [id, m.version]))
  return async () => {
  try {
    const row = await db.read(function* () {
      return yield* one<{ name: string }>(
        `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL
         ORDER BY "migration_name" DESC LIMIT 1`,
      )
    })
    const applied = row?.name ?? null
    return {
      status: applied === expected ? 'ok' : 'unavailable',
      database: db.provider,
      migration: { applied, expected, upToDate: applied === expected },
      machines: machineVersions,
    }
  } catch {
    return {
      status: 'unavailable',
      database: db.provider,
      migration: { applied: null, expected, upToDate: false },
      machines: machineVersions,
      error: 'database unreachable',
    }
  }
}
}

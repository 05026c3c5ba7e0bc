// Generates the two Prisma clients (SQLite and PostgreSQL) from the one source schema, offline. Runs on
// `npm install` / `npm ci` (postinstall).
import { spawnSync } from 'node:child_process'
import { writeProviderSchemas } from '../src/db/schema-files.js'

for (const file of writeProviderSchemas()) {
  // Generation is WASM; PRISMA_SCHEMA_ENGINE_BINARY only stops the CLI from downloading a binary it does not need.
  const r = spawnSync('npx', ['--no-install', 'prisma', 'generate', '--schema', file], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

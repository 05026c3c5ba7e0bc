// Generates the two Prisma clients (SQLite and PostgreSQL) from the one source schema, offline.
// Runs on `npm install` / `npm ci` (postinstall). See README "Database".
import { spawnSync } from 'node:child_process'
import { buildProviderSchemas } from './provider-schemas.mjs'

const files = buildProviderSchemas()
for (const file of files) {
  // Generation is WASM; PRISMA_SCHEMA_ENGINE_BINARY only stops the CLI from trying to download a binary it does not need.
  const r = spawnSync('npx', ['--no-install', 'prisma', 'generate', '--schema', file], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Database suites share one PostgreSQL server; each suite makes its own schema, so files may run in parallel.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})

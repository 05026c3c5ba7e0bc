/**
 * Composition root: config → database (migrated) → engine → workers → HTTP. Nothing imports this file.
 *   npm start               the app on DATABASE_URL (default: the embedded SQLite file data/wagepact.db)
 *   npm run demo            the same, seeding the demo case into an empty database
 */
import http from 'node:http'
import { pino } from 'pino'
import { ConfigError, loadConfig } from './config/config.js'
import { openDatabase } from './db/database.js'
import { providerOf } from './db/database-url.js'
import { applyMigrations } from './db/migrate.js'
import { createCalendarStore, refreshProvisionalDeadlines } from './engine/calendars.js'
import { systemClock } from './engine/clock.js'
import { createEngine } from './engine/engine.js'
import { healthCheck } from './engine/health.js'
import { startOutboxWorker } from './engine/outbox.js'
import { fireDueDeadlines } from './engine/scheduler.js'
import { startPoller } from './engine/poller.js'
import { createApp } from './http/app.js'
import { seedDemo } from './demo/seed.js'

async function main() {
  let config
  try {
    config = loadConfig(process.env)
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  const logger = pino({ level: config.logLevel })
  const provider = providerOf(config.databaseUrl)
  if (config.migrateOnStart) {
    const { applied } = await applyMigrations(provider, config.databaseUrl)
    if (applied.length) logger.info({ applied }, 'migrations applied')
  }
  const db = await openDatabase(config.databaseUrl)
  const clock = systemClock
  const calendars = createCalendarStore(db)
  await calendars.refresh()
  const engine = createEngine({ db, clock, nodeId: config.nodeId, computeDeadline: calendars.calculator })

  if (config.demo || process.argv.includes('--demo')) {
    const r = await seedDemo(db, engine)
    if (r.seeded) logger.info({ caseId: r.caseId }, 'demo case seeded')
  }

  const stops: (() => Promise<void>)[] = []
  if (config.workers) {
    const onError = (e: unknown) => logger.error({ err: e }, 'worker error')
    const applyContext = () => ({ now: clock.now().toISOString(), nodeId: config.nodeId, computeDeadline: calendars.calculator })
    stops.push(
      startPoller(
        async () => {
          // Another process may have loaded a holiday calendar: pick it up and fix provisional deadlines first.
          await calendars.refresh()
          await refreshProvisionalDeadlines(db, calendars)
          await fireDueDeadlines({ db, context: applyContext })
        },
        config.schedulerIntervalMs,
        onError,
      ),
      startOutboxWorker({ db, clock, nodeId: config.nodeId, handlers: {} }, config.outboxIntervalMs, onError),
    )
  }

  let ready = true
  const app = createApp({ logger, health: healthCheck(db), isReady: () => ready })
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  logger.info({ url: `http://${config.host}:${port}`, database: provider }, 'wagepact is listening')
  // For scripts and tests that start the app on port 0.
  if (process.send) process.send({ listening: port })

  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    ready = false
    logger.info({ signal }, 'shutting down: finishing in-flight requests, no new work is claimed')
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await Promise.all(stops.map((stop) => stop()))
    await db.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})

/**
 * Composition root: config → database (migrated) → reference data → engine → congress → workers → HTTP. Nothing
 * imports this file.
 *   npm start               the app on DATABASE_URL (default: the embedded SQLite file data/wagepact.db)
 *   npm run demo            the same, seeding the demo case into an empty database
 */
import http from 'node:http'
import { pino, type Logger } from 'pino'
import { ConfigError, loadConfig } from './config/config.js'
import { openDatabase } from './db/database.js'
import { providerOf } from './db/database-url.js'
import { applyMigrations } from './db/migrate.js'
import { withStartupLock } from './db/startup-lock.js'
import { createCalendarStore, refreshProvisionalDeadlines } from './engine/calendars.js'
import { systemClock } from './engine/clock.js'
import { createEngine } from './engine/engine.js'
import { healthCheck } from './engine/health.js'
import { startOutboxWorker } from './engine/outbox.js'
import { fireDueDeadlines } from './engine/scheduler.js'
import { startPoller } from './engine/poller.js'
import { startDeadlineReminders } from './engine/deadline-reminders.js'
import { createSmtpTransport } from './mail/smtp.js'
import { createMailSendHandler, MAIL_SEND_EFFECT } from './mail/sender.js'
import { notifyEffectNames } from './notify/catalog.js'
import { createNotifyHandlers } from './notify/handler.js'
import { createCredentialUnsealer } from './notify/credentials.js'
import { createEffectHandlers } from './effects/index.js'
import { negotiationEffects } from '../workflows/negotiation/effects.js'
import { createApp } from './http/app.js'
import { seedDemo, type TDemoResult } from './demo/seed.js'
import { createCongress } from './congress/index.js'
import type { TDatabase } from './db/database.js'
import { one } from './db/sql.js'
import { loadDivisions } from './regions/divisions.js'
import { importRegionsInto } from './regions/import-regions.js'
import { SEED_WAGE_STANDARDS, seedWageStandards } from './regions/wage-standard-data.js'

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
  const clock = systemClock
  // Start-up's writes run one process at a time (src/db/startup-lock.ts): N processes started together on one
  // database must not apply the same migration or seed the same demo twice.
  const { db, calendars, engine, demo } = await withStartupLock(config.databaseUrl, async () => {
    if (config.migrateOnStart) {
      const { applied } = await applyMigrations(provider, config.databaseUrl)
      if (applied.length) logger.info({ applied }, 'migrations applied')
    }
    const db = await openDatabase(config.databaseUrl)
    const calendars = createCalendarStore(db)
    if (await calendars.refresh()) await refreshProvisionalDeadlines(db, calendars)
    const engine = createEngine({ db, clock, nodeId: config.nodeId, computeDeadline: calendars.calculator })

    let demo: TDemoResult | undefined
    if (config.demo || process.argv.includes('--demo')) {
      demo = await seedDemo(db, engine, { password: config.http.demoPassword })
      if (demo.seeded) logger.info({ caseId: demo.caseId }, 'demo case seeded')
    }
    // After the demo seed (which imports the same divisions into an empty database): tops up an older database.
    await loadReferenceData(db, clock.now().toISOString(), logger)
    return { db, calendars, engine, demo }
  })

  // One congress per process: the HTTP routes and the timers (close at the end of the window, reminders,
  // certification) share its ballot box.
  const congress = createCongress({
    engine,
    ...(config.congressCredentialKey ? { credentialKey: config.congressCredentialKey } : {}),
    onError: (e) => logger.error({ err: e }, 'congress error'),
  })

  const mail = config.mail
  const transport = mail.smtp ? createSmtpTransport(mail.smtp) : null
  logger.info(
    transport ? { smtp: transport.describe(), from: mail.from.address } : { smtp: null },
    transport ? 'mail is sent through SMTP' : 'no SMTP_HOST: mail is held in the database (see the mail outbox)',
  )

  const stops: (() => Promise<void>)[] = []
  if (config.workers) {
    const onError = (e: unknown) => logger.error({ err: e }, 'worker error')
    const applyContext = () => ({ now: clock.now().toISOString(), nodeId: config.nodeId, computeDeadline: calendars.calculator })
    stops.push(
      startPoller(
        async () => {
          // Another process may have loaded a holiday calendar: pick it up and fix provisional deadlines first.
          if (await calendars.refresh()) await refreshProvisionalDeadlines(db, calendars)
          await fireDueDeadlines({ db, context: applyContext })
        },
        config.schedulerIntervalMs,
        onError,
      ),
      startOutboxWorker(
        {
          db,
          clock,
          nodeId: config.nodeId,
          leaseMs: config.outboxLeaseMs,
          // notify.* → one MailMessage per recipient, each with its own mail.send outbox row; document.render → a
          // Document row with the PDF and its SHA-256 (src/effects).
          handlers: {
            ...createEffectHandlers({ db, clock }),
            ...createNotifyHandlers(
              { db, clock, from: mail.from, messageIdDomain: mail.messageIdDomain, publicUrl: mail.publicUrl },
              notifyEffectNames(negotiationEffects),
            ),
          },
        },
        config.outboxIntervalMs,
        onError,
      ),
      // mail.send has its own worker over the same outbox table: its own attempts and backoff, and a slow SMTP
      // server does not hold up the other effects. The lease outlasts one send (connect + greeting + data timeouts).
      startOutboxWorker(
        {
          db,
          clock,
          nodeId: config.nodeId,
          handlers: {
            [MAIL_SEND_EFFECT]: createMailSendHandler({
              db,
              clock,
              transport,
              maxAttempts: mail.maxAttempts,
              from: mail.from,
              // Voting credentials stay sealed in the database; only the sender opens them.
              ...(config.congressCredentialKey ? { unseal: createCredentialUnsealer(config.congressCredentialKey, mail.publicUrl) } : {}),
            }),
          },
          maxAttempts: mail.maxAttempts,
          baseBackoffMs: mail.backoffMs,
          leaseMs: mail.leaseMs ?? Math.max(120_000, 4 * (mail.smtp?.timeoutMs ?? 0)),
        },
        config.outboxIntervalMs,
        onError,
      ),
    )
    // Durable congress timers: every step is idempotent, so every process may run them.
    stops.push(congress.startTimers(config.schedulerIntervalMs, onError))
    if (mail.reminderLeadDays.length) {
      stops.push(startDeadlineReminders({ db, clock, leadDays: mail.reminderLeadDays }, mail.reminderIntervalMs, onError))
    }
  }

  let ready = true
  const app = createApp({
    logger,
    health: healthCheck(db),
    isReady: () => ready,
    engine,
    calendars,
    auth: {
      sessionTtlMs: config.http.sessionTtlMs,
      loginMaxFailuresPerAccount: config.http.loginMaxFailuresPerAccount,
      loginMaxFailuresPerIp: config.http.loginMaxFailuresPerIp,
      loginWindowMs: config.http.loginWindowMs,
    },
    idempotency: { leaseMs: config.http.idempotencyLeaseMs },
    cookieSecure: config.http.cookieSecure,
    corsOrigins: config.http.corsOrigins,
    documentsDir: config.http.documentsDir,
    congress,
  })
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  logger.info({ url: `http://${config.host}:${port}`, database: provider }, 'wagepact is listening')
  if (demo) printDemoAccounts(demo, `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`)
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

const countRows = (db: TDatabase, table: 'Region' | 'RegionWageStandard') =>
  db.read(function* () {
    return Number((yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "${table}"`))?.n ?? 0)
  })

/**
 * The GB/T 2260 divisions of the shipped provinces and the verified wage figures, when the tables hold fewer rows
 * than the data (a new database, or data shipped with a new release). Both imports are idempotent upserts, so two
 * processes starting together, or a restart, change nothing; rows an admin added are kept.
 */
async function loadReferenceData(db: TDatabase, now: string, logger: Logger) {
  const divisions = loadDivisions()
  if ((await countRows(db, 'Region')) < divisions.length) {
    const r = await importRegionsInto(db, { divisions, now })
    logger.info({ inserted: r.inserted, updated: r.updated, total: r.total }, 'regions imported (GB/T 2260)')
  }
  if ((await countRows(db, 'RegionWageStandard')) < SEED_WAGE_STANDARDS.length) {
    try {
      const r = await seedWageStandards(db, now)
      logger.info(r, 'verified wage standards loaded')
    } catch (e) {
      // E.g. a region of the data is missing (the table was filled otherwise): the app runs without the figures.
      logger.warn({ err: e }, 'wage standards not loaded')
    }
  }
}

/** The demo accounts and the open vote's link, for the person starting the demo (stdout, not the JSON log). */
function printDemoAccounts(demo: TDemoResult, url: string) {
  if (demo.accounts.length === 0) {
    if (!demo.seeded) console.log(`演示账号已存在；密码在首次创建时打印。设置 DEMO_PASSWORD 可重置。/ Demo accounts exist; their passwords were printed when seeded. Set DEMO_PASSWORD to reset them. Web: ${url}/`)
    return
  }
  const lines = demo.accounts.map((a) => `  ${a.email.padEnd(34)} ${a.password.padEnd(20)} ${a.label}`)
  const vote = demo.voteLink
    ? ['', `职工代表投票演示 / a representative's voting link (${demo.voteLink.name}, code ${demo.voteLink.code}):`, `  ${url}${demo.voteLink.path}`]
    : []
  console.log(['', `演示账号 / demo accounts — sign in at ${url}/login (or POST /api/v1/auth/login):`, ...lines, ...vote, `  ${url}/register  (合同公示 / public register)`, ''].join('\n'))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})

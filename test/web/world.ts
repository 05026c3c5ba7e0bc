/**
 * The web app for browser tests: createApp on 127.0.0.1 port 0, a fresh migrated SQLite database, a manual clock,
 * the Guangdong divisions, one enterprise, one account per role, and the outbox worker rendering documents (the
 * voters' draft PDF, the filing package) as in production. Chromium is Debian's /usr/bin/chromium driven by
 * playwright-core (never a downloaded browser); axe-core checks each page.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pino } from 'pino'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { hashPassword } from '../../src/auth/password.js'
import type { TDatabase } from '../../src/db/database.js'
import { run } from '../../src/db/sql.js'
import { createEffectHandlers } from '../../src/effects/index.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { ManualClock } from '../../src/engine/clock.js'
import { createEngine, type TEngine } from '../../src/engine/engine.js'
import { healthCheck } from '../../src/engine/health.js'
import { startOutboxWorker } from '../../src/engine/outbox.js'
import { createUser, type TMembershipInput } from '../../src/engine/users.js'
import { createApp } from '../../src/http/app.js'
import { seedDemo, type TDemoResult } from '../../src/demo/seed.js'
import { loadDivisions } from '../../src/regions/divisions.js'
import { importRegionsInto } from '../../src/regions/import-regions.js'
import { connect, createTestDatabase } from '../support/databases.js'
import { creditCode } from '../support/http.js'

export const PASSWORD = 'correct horse battery staple'
export const ENTERPRISE = { id: 'ent-tianhe', name: '广州市天河精工制造有限公司', region: '440106' }

export const ACCOUNTS = {
  union: { email: 'union@web.example', name: '李红梅（工会主席）', membership: { role: 'unionNegotiator', enterpriseId: ENTERPRISE.id } },
  employer: { email: 'hr@web.example', name: '王志强（人力资源部经理）', membership: { role: 'employerNegotiator', enterpriseId: ENTERPRISE.id } },
  worker: { email: 'worker@web.example', name: '张伟（职工代表）', membership: { role: 'workerRepresentative', enterpriseId: ENTERPRISE.id } },
  bureau: { email: 'reviewer@web.example', name: '刘洋（天河区人社局）', membership: { role: 'bureauReviewer', regionCode: '440106' } },
  admin: { email: 'admin@web.example', name: '系统管理员', membership: { role: 'admin' } },
} as const satisfies Record<string, { email: string; name: string; membership: TMembershipInput }>

export type TRole = keyof typeof ACCOUNTS

export type TWebWorld = {
  url: string
  db: TDatabase
  clock: ManualClock
  engine: TEngine
  userIds: Record<TRole, string>
  close(): Promise<void>
}

export async function startWebWorld(): Promise<TWebWorld> {
  const t = await createTestDatabase('sqlite')
  const db = await connect(t)
  const clock = new ManualClock('2026-06-04T02:00:00.000Z') // Thursday 10:00 in Guangzhou
  const calendars = createCalendarStore(db)
  await calendars.refresh()
  const engine = createEngine({ db, clock, nodeId: 'web-test', computeDeadline: calendars.calculator })
  const now = clock.now().toISOString()
  await importRegionsInto(db, { divisions: loadDivisions(['440000']), now })
  await db.transaction(function* () {
    yield* run(
      `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion", "legalRepresentative", "address", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [ENTERPRISE.id, creditCode(ENTERPRISE.region, 90_001), ENTERPRISE.name, ENTERPRISE.region, 'C3484', 420, true, '陈建国', '广州市天河区科韵路 18 号', now, now],
    )
  })
  const passwordHash = await hashPassword(PASSWORD)
  const userIds = {} as Record<TRole, string>
  for (const [role, a] of Object.entries(ACCOUNTS) as [TRole, (typeof ACCOUNTS)[TRole]][]) {
    userIds[role] = (await createUser(db, { email: a.email, displayName: a.name, passwordHash, memberships: [a.membership] }, now)).id
  }
  const served = await serve(db, engine, calendars)
  return {
    url: served.url,
    db,
    clock,
    engine,
    userIds,
    close: async () => {
      await served.close()
      await t.drop()
    },
  }
}

/** The app on 127.0.0.1 port 0 with the outbox worker rendering documents; close() also closes the database. */
async function serve(db: TDatabase, engine: TEngine, calendars: ReturnType<typeof createCalendarStore>) {
  const app = createApp({
    logger: pino({ level: 'silent' }),
    health: healthCheck(db),
    isReady: () => true,
    engine,
    calendars,
    auth: { sessionTtlMs: 365 * 86_400_000 },
  })
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const stopOutbox = startOutboxWorker({ db, clock: engine.clock, nodeId: 'web-test', handlers: createEffectHandlers({ db, clock: engine.clock }) }, 100, (e) => {
    throw e
  })
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await stopOutbox()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.close()
    },
  }
}

/** The demo (src/demo/seed.ts) served as `npm run demo` serves it: its accounts sign in with `password`. */
export async function startDemoWorld(password: string): Promise<{ url: string; db: TDatabase; engine: TEngine; demo: TDemoResult; close(): Promise<void> }> {
  const t = await createTestDatabase('sqlite')
  const db = await connect(t)
  const clock = new ManualClock('2026-11-23T02:00:00.000Z')
  const calendars = createCalendarStore(db)
  await calendars.refresh()
  const engine = createEngine({ db, clock, nodeId: 'web-demo-test', computeDeadline: calendars.calculator })
  const demo = await seedDemo(db, engine, { password })
  const served = await serve(db, engine, calendars)
  return {
    url: served.url,
    db,
    engine,
    demo,
    close: async () => {
      await served.close()
      await t.drop()
    },
  }
}

// ---- the browser ------------------------------------------------------------------------------------------------

export const CHROMIUM = '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export type TAxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }

/** axe-core on the page as it is: the serious and critical violations (WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<TAxeViolation[]> {
  // The page's CSP allows no inline script: axe is evaluated as a function body through the DevTools protocol.
  const hasAxe = await page.evaluate<boolean>("typeof axe !== 'undefined'")
  if (!hasAxe) await page.evaluate(axeSource)
  const result = await page.evaluate<TAxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) })))`)
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Every page checked, by name: fails the test with the violations listed. */
export function createAxeLog() {
  const checked: { name: string; url: string; violations: TAxeViolation[] }[] = []
  return {
    checked,
    async check(page: Page, name: string) {
      await page.evaluate('document.fonts.ready')
      const violations = await axeViolations(page)
      checked.push({ name, url: page.url(), violations })
      expect(violations, `${name} (${page.url()}): ${JSON.stringify(violations, null, 1)}`).toEqual([])
    },
  }
}

/**
 * The committed screenshots are refreshed only on request (`UPDATE_SCREENSHOTS=1 npx vitest run test/web`); an
 * ordinary test run still takes them, into a temporary folder, so running the tests leaves the work tree clean.
 */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.join(os.tmpdir(), 'wagepact-screenshots')

/** <SCREENSHOT_DIR>/<name>.png: the whole page, the viewport (false), or the top `n` pixels of the page. */
export async function screenshot(page: Page, name: string, extent: boolean | number = true) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.evaluate('document.fonts.ready')
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  if (typeof extent === 'number') {
    const width = page.viewportSize()?.width ?? 1280
    const height = Math.min(extent, await page.evaluate<number>('document.documentElement.scrollHeight'))
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } })
  } else await page.screenshot({ path: file, fullPage: extent })
}

/**
 * createApp(deps): the Express application, without listen (main.ts listens; tests import the app).
 * HTTP only calls the engine's commands and queries (and src/auth for accounts and access).
 *
 *   helmet → request log → CORS (off unless configured) → JSON body (1 MB, UTF-8) → /healthz, /readyz
 *   → /api/v1/ballots…: the ballot holder's routes, never authenticated as an account (voting credential only)
 *   → /api/v1: authenticate → routes (access, CSRF, validation, idempotency, handler) → 404 → error table
 */
import express from 'express'
import helmet from 'helmet'
import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import { defaultAuthSettings, type TAuthSettings } from '../auth/accounts.js'
import { createCongress, type TCongress } from '../congress/index.js'
import type { TCalendarStore } from '../engine/calendars.js'
import type { TEngine } from '../engine/engine.js'
import type { THealth } from '../engine/health.js'
import { authenticate } from './authenticate.js'
import type { TCookieSecure } from './cookies.js'
import { cors } from './cors.js'
import { errorHandler, notFoundHandler } from './errors.js'
import { authResource } from './resources/auth.js'
import { adminResource } from './resources/admin.js'
import { casesResource } from './resources/cases.js'
import { ballotsResource, congressResource } from './resources/congress.js'
import { documentsResource } from './resources/documents.js'
import { enterprisesResource } from './resources/enterprises.js'
import { mailResource } from './resources/mail.js'
import { regionsResource } from './resources/regions.js'
import { registerResource } from './resources/register.js'
import { reviewResource } from './resources/review.js'
import { PAPER_BODY_LIMIT_BYTES, paperFilingsResource } from './resources/paper-filings.js'
import { statisticsResource } from './resources/statistics.js'
import { registerProbes, systemResource } from './resources/system.js'
import { usersResource } from './resources/users.js'
import { wageStandardsResource } from './resources/wage-standards.js'
import { createRouteTable, type TAdd } from './route.js'
import type { TServices } from './services.js'
import { createWebRouter, type TWebOptions } from '../web/index.js'

export const API_BASE = '/api/v1'
export const BODY_LIMIT = '1mb'

export type TAppDeps = {
  logger: Logger
  health: () => Promise<THealth>
  /** false while shutting down: readiness fails so a load balancer stops sending traffic. */
  isReady: () => boolean
  engine: TEngine
  calendars: TCalendarStore
  auth?: Partial<TAuthSettings>
  /** Secure flag of the session cookie: 'auto' (when the request came over HTTPS), or always/never. */
  cookieSecure?: TCookieSecure
  /** Origins allowed to call the API cross-origin with bearer tokens (CORS). Empty: CORS off. */
  corsOrigins?: readonly string[]
  /** Where documents stored as files (Document.path) live. */
  documentsDir?: string
  idempotency?: Partial<{ ttlMs: number; leaseMs: number; waitMs: number }>
  /** The congress module (main.ts shares it with its timers); made from the engine when absent. */
  congress?: TCongress
  /** Seals e-mailed voting credentials, for the congress made here when `congress` is absent. */
  congressCredentialKey?: Buffer
  /** Check each success response against its declared schema (tests): a mismatch becomes a 500 and is logged. */
  checkResponses?: boolean
  /** The web pages (src/web) on the same app; `false` serves the API only. */
  web?: TWebOptions | false
}

export function createApp(deps: TAppDeps) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(helmet())
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Method, path and status only: never bodies (ballots, passwords), headers, cookies or tokens.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  )
  const corsOrigins = deps.corsOrigins ?? []
  app.use(cors(corsOrigins))
  // Malformed UTF-8 is refused (400), not silently replaced.
  const utf8Only = (_req: unknown, _res: unknown, buf: Buffer) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf)
    } catch {
      throw Object.assign(new Error('request body is not valid UTF-8'), { type: 'encoding.invalid', status: 400 })
    }
  }
  // The scan of a paper filing travels as base64 in JSON: a larger limit for that route only (it parses first).
  app.use(`${API_BASE}/paper-filings`, express.json({ limit: PAPER_BODY_LIMIT_BYTES, verify: utf8Only }))
  app.use(express.json({ limit: BODY_LIMIT, verify: utf8Only }))

  const table = createRouteTable({
    engine: deps.engine,
    logger: deps.logger,
    corsOrigins,
    idempotency: { ttlMs: 24 * 3_600_000, leaseMs: 60_000, waitMs: 10_000, ...deps.idempotency },
    checkResponses: deps.checkResponses ?? false,
  })
  // Made on first use: the route table is also built without a database (tests read it from an app with no engine).
  let congress = deps.congress
  const services: TServices = {
    engine: deps.engine,
    calendars: deps.calendars,
    auth: { ...defaultAuthSettings, ...deps.auth },
    cookieSecure: deps.cookieSecure ?? 'auto',
    documentsDir: deps.documentsDir ?? 'data/documents',
    get congress() {
      return (congress ??= createCongress({
        engine: deps.engine,
        ...(deps.congressCredentialKey ? { credentialKey: deps.congressCredentialKey } : {}),
        onError: (e) => deps.logger.error({ err: e }, 'congress error'),
      }))
    },
    health: deps.health,
    isReady: deps.isReady,
    routes: table.routes,
  }

  const root = express.Router()
  registerProbes(((spec) => table.add(root, '', spec)) as TAdd, services)
  app.use(root)

  const noStore: express.RequestHandler = (_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  }
  // The ballot holder's routes come before account authentication and never pass through it: a voting credential
  // is the only credential they read, so a ballot is never tied to an account (a session cookie in the same
  // browser is not even looked at), never gets an idempotency record and is never CSRF-checked as a session.
  const ballots = express.Router()
  ballots.use(noStore)
  ballotsResource(((spec) => table.add(ballots, API_BASE, spec)) as TAdd, services)
  app.use(API_BASE, ballots)

  const api = express.Router()
  api.use(noStore)
  api.use(authenticate(deps.engine, services.cookieSecure))
  const add = ((spec) => table.add(api, API_BASE, spec)) as TAdd
  for (const resource of [
    authResource,
    usersResource,
    regionsResource,
    enterprisesResource,
    casesResource,
    reviewResource,
    paperFilingsResource,
    documentsResource,
    congressResource,
    registerResource,
    statisticsResource,
    wageStandardsResource,
    mailResource,
    adminResource,
    systemResource,
  ]) {
    resource(add, services)
  }
  app.use(API_BASE, api)
  if (deps.web !== false) app.use(createWebRouter({ engine: deps.engine, auth: services.auth, cookieSecure: services.cookieSecure, documentsDir: services.documentsDir, logger: deps.logger, congress: () => services.congress, ...deps.web }))

  app.use(notFoundHandler)
  app.use(errorHandler(table.onInternal))
  return Object.assign(app, { routeTable: table.routes })
}

export type TApp = ReturnType<typeof createApp>

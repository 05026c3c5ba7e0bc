/**
 * createApp(deps): the Express application, without listen (main.ts listens; tests import the app).
 * HTTP only calls the engine's commands and queries.
 */
import express from 'express'
import helmet from 'helmet'
import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import type { THealth } from '../engine/health.js'
import { errorHandler, notFoundHandler } from './errors.js'

export type TAppDeps = {
  logger: Logger
  health: () => Promise<THealth>
  /** false while shutting down: readiness fails so a load balancer stops sending traffic. */
  isReady: () => boolean
}

export function createApp(deps: TAppDeps) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(helmet())
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Method, path and status only: never bodies (ballots, passwords), headers or credentials.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  )
  app.use(express.json({ limit: '1mb' }))

  app.get('/healthz', async (_req, res) => {
    const h = await deps.health()
    res.status(h.status === 'ok' ? 200 : 503).json(h)
  })
  app.get('/readyz', async (_req, res) => {
    const h = await deps.health()
    const ready = deps.isReady() && h.status === 'ok'
    res.status(ready ? 200 : 503).json({ ready, ...h })
  })

  app.use(notFoundHandler)
  app.use(errorHandler((e) => deps.logger.error({ err: e }, 'unhandled error')))
  return app
}

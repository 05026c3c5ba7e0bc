/**
 * The web application: server-rendered pages for the four roles, served by the same Express app as the API
 * (createApp mounts `createWebRouter` after /api/v1). Chinese by default, English with `?lang=en` (remembered in
 * a cookie). The pages call the engine's and the congress module's commands and queries, like the API, and post
 * their forms to their own same-origin paths with an anti-CSRF token (see csrf.ts).
 *
 * Static files: /assets/app.css, /assets/app.js (progressive enhancement only) and the web font
 * (/assets/fonts/: @fontsource/noto-sans-sc, split by unicode-range so a page loads only the glyphs it shows).
 */
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import express, { type ErrorRequestHandler, type RequestHandler } from 'express'
import type { TAuthSettings } from '../auth/accounts.js'
import { createCongress, type TCongress } from '../congress/index.js'
import type { TEngine } from '../engine/engine.js'
import { AppError, httpStatusOf } from '../errors/app-error.js'
import type { TCookieSecure } from '../http/cookies.js'
import { invalidInput, nulCharacterIssues } from '../http/validation.js'
import type { Logger } from 'pino'
import { RedirectToLogin, sendPage, webContext, type TWebDeps } from './context.js'
import { html } from './html.js'
import { pick } from './i18n.js'
import { page } from './layout.js'
import { adminPages } from './pages/admin.js'
import { authPages } from './pages/auth.js'
import { bureauPages } from './pages/bureau.js'
import { casePages } from './pages/case.js'
import { homePages } from './pages/home.js'
import { registerPages } from './pages/register.js'
import { statisticsPages } from './pages/statistics.js'
import { votePages } from './pages/vote.js'

export type { TWebDeps } from './context.js'

/** What createApp's caller may set for the pages. */
export type TWebOptions = {
  /** The congress module (createApp shares its own); made on first use, from the engine, when absent. */
  congress?: () => TCongress
}

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const fontDir = path.dirname(require.resolve('@fontsource/noto-sans-sc/400.css'))

const WEB_PREFIXES = ['/assets/', '/login', '/logout', '/cases', '/vote/', '/bureau', '/admin/', '/register']
const isWebPath = (p: string) => p === '/' || WEB_PREFIXES.some((x) => p === x || p.startsWith(x.endsWith('/') ? x : `${x}/`) || p === x.replace(/\/$/, ''))

export function createWebRouter(o: {
  engine: TEngine
  auth: TAuthSettings
  cookieSecure: TCookieSecure
  documentsDir: string
  logger?: Logger
  congress?: () => TCongress
}): RequestHandler {
  // Made on first use: an app may be built without a database (the API's route table is read that way).
  let congress: TCongress | undefined
  const deps: TWebDeps = {
    engine: o.engine,
    auth: o.auth,
    cookieSecure: o.cookieSecure,
    documentsDir: o.documentsDir,
    ...(o.logger ? { logger: o.logger } : {}),
    get congress() {
      return (congress ??= o.congress?.() ?? createCongress({ engine: o.engine }))
    },
  }
  const router = express.Router()

  // Only the pages' own paths: everything else (the API, probes) passes through untouched.
  const onlyWeb: RequestHandler = (req, _res, next) => next(isWebPath(req.path) ? undefined : 'router')
  router.use(onlyWeb)

  router.use(
    '/assets/fonts',
    express.static(fontDir, { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  )
  router.use('/assets', express.static(path.join(here, 'static'), { maxAge: 0, index: false, fallthrough: false }))
  router.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 20_000 }))
  // The same edge rule as the API (src/http/validation.ts): no NUL character anywhere in a request.
  router.use((req, _res, next) => {
    const issues = [
      ...(/%00/.test(req.path) ? nulCharacterIssues('\u0000', 'params') : []),
      ...nulCharacterIssues(req.query, 'query'),
      ...nulCharacterIssues(req.body, 'body'),
    ]
    next(issues.length ? invalidInput(issues) : undefined)
  })

  authPages(router, deps)
  homePages(router, deps)
  casePages(router, deps)
  votePages(router, deps)
  bureauPages(router, deps)
  statisticsPages(router, deps)
  registerPages(router, deps)
  adminPages(router, deps)

  // A page of ours that does not exist: an HTML 404 (the API keeps its JSON one).
  router.use(async (req, res) => {
    const ctx = await webContext(deps, req, res)
    sendPage(req, res, page(ctx, { title: ctx.t('页面不存在', 'Page not found'), body: html`<p><a href="/">${ctx.t('返回首页', 'Home')}</a></p>` }), 404)
  })

  const onError: ErrorRequestHandler = async (err: unknown, req, res, _next) => {
    if (res.headersSent) return
    if (err instanceof RedirectToLogin) return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`)
    const ctx = await webContext(deps, req, res).catch(() => null)
    const e = err instanceof AppError ? err : null
    // Errors of express.static and the body parser carry their own status (404, 413 …).
    const own = !e && err && typeof err === 'object' && typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : undefined
    const status = e ? httpStatusOf(e.code) : own && own < 500 ? own : 500
    if (!e || status >= 500) deps.logger?.error({ err }, 'web page error')
    const text =
      e && status < 500
        ? e.text
        : status === 404
          ? { zh: '页面或文件不存在。', en: 'No such page or file.' }
          : status === 413
            ? { zh: '提交的内容过大。', en: 'The form is too large.' }
            : status < 500
              ? { zh: '请求无效。', en: 'Invalid request.' }
              : { zh: '服务器内部错误，请稍后重试。', en: 'Internal server error; try again later.' }
    if (!ctx) return res.status(status).type('text/plain').send(text.en)
    const title = status === 404 ? ctx.t('未找到', 'Not found') : status === 403 ? ctx.t('无权访问', 'Not allowed') : ctx.t('出错了', 'Something went wrong')
    sendPage(req, res, page(ctx, { title, body: html`<p>${pick(ctx.lang, text)}</p><p><a href="/">${ctx.t('返回首页', 'Home')}</a></p>` }), status)
  }
  router.use(onError)
  // Mounted as one handler, not as a router: the pages are not API operations, so they stay out of the API's route
  // table (and of the OpenAPI document, which lists exactly the routes of the app's routers).
  return (req, res, next) => router(req, res, next)
}

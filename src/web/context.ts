/**
 * What every page handler needs: the signed-in user (from the session cookie, as the API does), the language,
 * the anti-CSRF token, and helpers to answer with a page, a redirect or an error page.
 */
import type { Request, Response } from 'express'
import type { Logger } from 'pino'
import type { TAuthSettings } from '../auth/accounts.js'
import { resolveSession } from '../auth/accounts.js'
import type { TPrincipal, TUserRole } from '../auth/principal.js'
import type { TCongress } from '../congress/index.js'
import type { TEngine } from '../engine/engine.js'
import { AppError } from '../errors/app-error.js'
import { clearSessionCookie, readCookie, SESSION_COOKIE, type TCookieSecure } from '../http/cookies.js'
import { anonymousCsrfToken, checkFormToken, sessionCsrfToken } from './csrf.js'
import type { TLang } from './i18n.js'
import { rolesOf, type TWebCtx } from './layout.js'

export type TWebDeps = {
  engine: TEngine
  congress: TCongress
  auth: TAuthSettings
  cookieSecure: TCookieSecure
  documentsDir: string
  logger?: Logger
}

export const LANG_COOKIE = 'wp_lang'

const secureFor = (req: Request, s: TCookieSecure) => (s === 'auto' ? req.secure : s)

type TLocals = { ctx?: TWebCtx; sessionSecret?: string }

/** Resolves the session, the language and the token once per request. */
/**
 * `anonymous`: the session cookie is not even read (the voting pages: a ballot is never tied to an account, as on
 * the API's ballot routes).
 */
export async function webContext(deps: TWebDeps, req: Request, res: Response, opts: { lang?: TLang; anonymous?: boolean } = {}): Promise<TWebCtx> {
  const locals = res.locals as TLocals
  if (locals.ctx) return locals.ctx
  const now = deps.engine.clock.now()
  let principal: TPrincipal | null = null
  const secret = opts.anonymous ? undefined : readCookie(req, SESSION_COOKIE)
  if (secret) {
    principal = await resolveSession(deps.engine.db, secret, now)
    if (!principal) clearSessionCookie(req, res, deps.cookieSecure)
  }
  const q = opts.lang ?? (typeof req.query.lang === 'string' ? req.query.lang : undefined)
  let lang: TLang = readCookie(req, LANG_COOKIE) === 'en' ? 'en' : 'zh'
  if (q === 'en' || q === 'zh') {
    lang = q
    res.cookie(LANG_COOKIE, q, { httpOnly: true, sameSite: 'lax', secure: secureFor(req, deps.cookieSecure), path: '/', maxAge: 365 * 86_400_000 })
  }
  const csrf = principal && secret ? sessionCsrfToken(secret) : anonymousCsrfToken(req, res, secureFor(req, deps.cookieSecure))
  const ctx: TWebCtx = {
    lang,
    t: (zh, en) => (lang === 'en' ? en : zh),
    principal,
    csrf,
    now,
    url: req.originalUrl,
  }
  locals.ctx = ctx
  locals.sessionSecret = principal ? secret : undefined
  return ctx
}

/** Checks the posted form's anti-CSRF token (see csrf.ts). */
export function checkForm(req: Request, res: Response): void {
  const ctx = (res.locals as TLocals).ctx
  checkFormToken(req, ctx?.csrf)
}

export class RedirectToLogin extends Error {}

export function requireSignedIn(ctx: TWebCtx): TPrincipal {
  if (!ctx.principal) throw new RedirectToLogin()
  return ctx.principal
}

export function requireRole(ctx: TWebCtx, roles: readonly TUserRole[]): TPrincipal {
  const p = requireSignedIn(ctx)
  const mine = rolesOf(p)
  if (!roles.some((r) => mine.has(r))) {
    throw new AppError('FORBIDDEN', { zh: '当前账号没有访问此页面的角色', en: 'your account has no role for this page' })
  }
  return p
}

/** Content-Security-Policy of the pages: everything from this origin, no inline script. */
function csp(req: Request): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(req.secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

export function sendPage(req: Request, res: Response, body: string, status = 200): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': csp(req),
      // Not helmet's no-referrer: under it Chromium posts forms with `Origin: null`, and the origin check needs the
      // real one. same-origin still sends nothing to other sites.
      'Referrer-Policy': 'same-origin',
    })
    .send(body)
}

/** 303 See Other: after a form post, the browser GETs the result page. */
export function redirect(res: Response, to: string): void {
  res.redirect(303, to)
}

/** A path inside this site (for `next` after sign-in); anything else goes home. */
export function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) && !v.startsWith('/api/') ? v : '/'
}

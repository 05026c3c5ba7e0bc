/**
 * CSRF protection of the web forms. The API's rule (a custom `X-Requested-With` header) cannot be met by a plain
 * HTML form, so the pages post to their own same-origin paths and every state-changing form carries a token:
 *
 *   - signed in: token = HMAC-SHA256(key: the session cookie's secret, "wagepact-web-csrf"). The secret lives only
 *     in the HTTP-only cookie (the database stores its SHA-256), so another site can neither read nor compute the
 *     token; it needs no server state and works across app processes;
 *   - not signed in (the sign-in form): a double-submit token, a random value in an HTTP-only SameSite=Strict cookie
 *     that the form repeats;
 *   - in both cases the browser's `Origin` (or `Sec-Fetch-Site`) must say the request comes from this origin.
 * The voting pages need no token: the voter's credential is in the request itself and is the only authority.
 */
import crypto from 'node:crypto'
import type { Request, Response } from 'express'
import { readCookie } from '../http/cookies.js'
import { AppError } from '../errors/app-error.js'

export const CSRF_FIELD = '_csrf'
export const ANON_CSRF_COOKIE = 'wp_csrf'

export const sessionCsrfToken = (sessionSecret: string) =>
  crypto.createHmac('sha256', sessionSecret).update('wagepact-web-csrf').digest('base64url')

/** The anonymous token of this browser (set as a cookie if it has none). */
export function anonymousCsrfToken(req: Request, res: Response, secure: boolean): string {
  const existing = readCookie(req, ANON_CSRF_COOKIE)
  if (existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing)) return existing
  const token = crypto.randomBytes(24).toString('base64url')
  res.cookie(ANON_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' })
  return token
}

const rejected = (en: string, zh: string) => new AppError('CSRF_REJECTED', { zh, en })

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

/** The request comes from a page of this origin (when the browser says where it comes from). */
export function checkSameOrigin(req: Request): void {
  const origin = req.get('origin')
  const own = `${req.protocol}://${req.get('host')}`
  if (origin !== undefined && origin !== own) throw rejected('the form was posted from another site', '表单来自其他网站，已拒绝')
  const site = req.get('sec-fetch-site')
  if (site === 'cross-site') throw rejected('the form was posted from another site', '表单来自其他网站，已拒绝')
}

/** Checks a posted form's token against the expected one (and the origin). */
export function checkFormToken(req: Request, expected: string | undefined): void {
  checkSameOrigin(req)
  const body = req.body as Record<string, unknown> | undefined
  const sent = typeof body?.[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : ''
  if (!expected || !sent || !equal(sent, expected)) {
    throw rejected('the form is out of date or was not sent from this site; reload the page and try again', '表单已过期或不是从本网站提交的，请刷新页面后重试')
  }
}

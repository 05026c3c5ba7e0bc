/**
 * Authentication of every /api/v1 request: `Authorization: Bearer wp_…` (an API token; a bad one is 401 at
 * once) or the session cookie (an unknown or expired one is cleared and the request is anonymous). The principal
 * is left in res.locals for the route wrapper, which decides whether the route needs one.
 */
import type { RequestHandler } from 'express'
import { resolveApiToken, resolveSession } from '../auth/accounts.js'
import type { TEngine } from '../engine/engine.js'
import { AppError } from '../errors/app-error.js'
import { clearSessionCookie, readCookie, SESSION_COOKIE, type TCookieSecure } from './cookies.js'

export function authenticate(engine: TEngine, cookieSecure: TCookieSecure): RequestHandler {
  return async (req, res, next) => {
    const now = engine.clock.now()
    const authorization = req.get('authorization')
    if (authorization !== undefined) {
      const m = /^Bearer +(\S+)$/i.exec(authorization)
      const principal = m ? await resolveApiToken(engine.db, m[1]!, now) : null
      if (!principal) {
        throw new AppError('UNAUTHENTICATED', {
          zh: 'API 令牌无效、已过期或已撤销',
          en: 'the API token is invalid, expired or revoked',
        })
      }
      res.locals.principal = principal
      return next()
    }
    const secret = readCookie(req, SESSION_COOKIE)
    if (secret) {
      const principal = await resolveSession(engine.db, secret, now)
      if (principal) res.locals.principal = principal
      else clearSessionCookie(req, res, cookieSecure)
    }
    next()
  }
}

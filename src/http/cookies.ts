/** The session cookie: HTTP-only, SameSite=Lax, Secure when the request came over HTTPS (or always/never by config). */
import type { Request, Response } from 'express'

export const SESSION_COOKIE = 'wp_session'

export type TCookieSecure = 'auto' | boolean

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(value)
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

const secureFor = (req: Request, secure: TCookieSecure) => (secure === 'auto' ? req.secure : secure)

export function setSessionCookie(req: Request, res: Response, secret: string, expiresAt: string, secure: TCookieSecure) {
  res.cookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureFor(req, secure),
    path: '/',
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(req: Request, res: Response, secure: TCookieSecure) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureFor(req, secure), path: '/' })
}

/**
 * CSRF protection for cookie-authenticated requests that change state (and for login). Chosen design, two checks:
 *   1. a custom header `X-Requested-With` must be present (any value; the web pages send `XMLHttpRequest`). A
 *      cross-site form cannot set headers, and a cross-site fetch that sets one needs a CORS preflight, which this
 *      server never grants with credentials;
 *   2. when the browser says where the request comes from (`Origin`, `Sec-Fetch-Site`), it must be this server's
 *      own origin or one of CORS_ORIGINS.
 * The session cookie is also SameSite=Lax. Requests with `Authorization: Bearer` carry no ambient credential and
 * are not checked.
 */
import type { Request } from 'express'
import { AppError } from '../errors/app-error.js'

export const CSRF_HEADER = 'X-Requested-With'

export function checkCsrf(req: Request, allowedOrigins: readonly string[]): void {
  const header = req.get(CSRF_HEADER)
  if (!header) {
    throw new AppError(
      'CSRF_REJECTED',
      {
        zh: `使用 Cookie 登录的修改请求须带请求头 ${CSRF_HEADER}`,
        en: `a state-changing request authenticated by cookie must carry the ${CSRF_HEADER} header`,
      },
      { header: CSRF_HEADER },
    )
  }
  const origin = req.get('origin')
  const own = `${req.protocol}://${req.get('host')}`
  const allowed = (o: string) => o === own || allowedOrigins.includes(o)
  const fetchSite = req.get('sec-fetch-site')
  if ((origin !== undefined && !allowed(origin)) || (fetchSite === 'cross-site' && !(origin && allowed(origin)))) {
    throw new AppError(
      'CSRF_REJECTED',
      { zh: '请求来源不被允许', en: 'the request comes from an origin that is not allowed' },
      { origin: origin ?? null },
    )
  }
}

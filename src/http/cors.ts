/**
 * CORS is off by default (no header is ever sent). With CORS_ORIGINS set, those origins may call the API with
 * bearer tokens: simple and preflighted requests get the allow headers; credentials (cookies) are never allowed
 * cross-origin.
 */
import type { RequestHandler } from 'express'

export function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin')
    if (origins.length === 0 || !origin || !origins.includes(origin)) return next()
    res.vary('Origin')
    res.set('Access-Control-Allow-Origin', origin)
    res.set('Access-Control-Expose-Headers', 'ETag, Retry-After, Idempotent-Replayed, Repr-Digest, X-Content-SHA256, Location')
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE')
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-Match')
      res.set('Access-Control-Max-Age', '600')
      res.status(204).end()
      return
    }
    next()
  }
}

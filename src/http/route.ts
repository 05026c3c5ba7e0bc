/**
 * Routes as data. Every route declares its access rule, its zod schemas (params, query, body) and its responses;
 * `add` registers it on an Express router and in the route table the OpenAPI document is generated from. The
 * wrapper, in order: authentication required? role? → CSRF (cookie sessions) → validation (handler gets typed,
 * parsed values) → idempotency (POST with Idempotency-Key) → handler → response.
 */
import crypto from 'node:crypto'
import type { Request, Response, Router } from 'express'
import type { z, ZodType } from 'zod'
import type { Logger } from 'pino'
import { AppError, type TBilingual } from '../errors/app-error.js'
import type { TAlsoInTransaction } from '../engine/command.js'
import type { TEngine } from '../engine/engine.js'
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  completeIdempotencyProgram,
  releaseIdempotencyKey,
} from '../engine/idempotency.js'
import { holdsAnyRole, type TPrincipal, type TUserRole } from '../auth/principal.js'
import { checkCsrf } from './csrf.js'
import { errorResponse } from './errors.js'
import { invalidInput, parseRequest } from './validation.js'

export type TMethod = 'get' | 'post' | 'patch' | 'delete'

/** public: anyone; signedIn: any account; a list of roles: an account holding one of them (object checks follow). */
export type TAccess = 'public' | 'signedIn' | readonly TUserRole[]

export type TResponseSpec = {
  description: TBilingual
  schema?: ZodType
  /** Default application/json. */
  contentType?: string
  headers?: Record<string, TBilingual>
}

type Out<S> = S extends ZodType ? z.output<S> : undefined

export type TResult = {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Raw bytes (document downloads) instead of JSON. */
  bytes?: { contentType: string; data: Buffer }
}

export type THandlerContext = {
  req: Request
  res: Response
  /** The caller (routes that are not public only). */
  principal: TPrincipal
  /** The caller, if any (public routes). */
  maybePrincipal: TPrincipal | null
  /**
   * Command options that store this request's response for its Idempotency-Key in the command's own transaction
   * (`respond` must be the function the handler answers with). Empty when the request has no key.
   */
  idempotent<T>(respond: (result: T) => TResult): TAlsoInTransaction<T>
}

export type TRouteSpec<P extends ZodType | undefined, Q extends ZodType | undefined, B extends ZodType | undefined> = {
  method: TMethod
  /** Express path relative to the router's base, e.g. /cases/:caseId */
  path: string
  operationId: string
  tag: string
  summary: TBilingual
  description?: TBilingual
  access: TAccess
  params?: P
  query?: Q
  body?: B
  /** Success responses by status. */
  responses: Record<number, TResponseSpec>
  /** Error statuses this route answers with besides the common ones (documentation). */
  errors?: readonly number[]
  /** POST only: `none` when the response carries a secret that must not be stored (login, new token). */
  idempotency?: 'stored' | 'none'
  /** `always`: check CSRF even without a session (login). Default: state-changing requests of cookie sessions. */
  csrf?: 'always'
  handler: (input: { params: Out<P>; query: Out<Q>; body: Out<B> }, ctx: THandlerContext) => Promise<TResult>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds routes of every input type
export type TAnyRoute = TRouteSpec<any, any, any> & { fullPath: string }

export type TRouteDeps = {
  engine: TEngine
  logger: Logger
  corsOrigins: readonly string[]
  idempotency: { ttlMs: number; leaseMs: number; waitMs: number }
  checkResponses: boolean
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/

export const principalOf = (res: Response): TPrincipal | null => (res.locals.principal as TPrincipal | undefined) ?? null

function requireAccess(access: TAccess, principal: TPrincipal | null): void {
  if (access === 'public') return
  if (!principal) {
    throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'sign in first' })
  }
  if (access !== 'signedIn' && !holdsAnyRole(principal, access)) {
    throw new AppError(
      'FORBIDDEN',
      { zh: '当前账号没有此操作的角色', en: 'your account has no role for this operation' },
      { requiredRoles: access },
    )
  }
}

/** JSON with sorted keys, so equal requests hash equally whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

const requestHash = (req: Request) =>
  crypto
    .createHash('sha256')
    .update(canonical([req.method, req.originalUrl, req.body ?? null, req.get('if-match') ?? null]))
    .digest('hex')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function send(res: Response, r: TResult) {
  res.status(r.status)
  if (r.headers) res.set(r.headers)
  if (r.bytes) res.type(r.bytes.contentType).send(r.bytes.data)
  else if (r.body === undefined) res.end()
  else res.json(r.body)
}

export function createRouteTable(deps: TRouteDeps) {
  const routes: TAnyRoute[] = []
  const onInternal = (e: unknown) => deps.logger.error({ err: e }, 'unhandled error')

  function checkResponse(spec: TAnyRoute, r: TResult) {
    const schema = spec.responses[r.status]?.schema
    if (!deps.checkResponses || !schema || r.bytes) return
    const parsed = schema.safeParse(r.body)
    if (!parsed.success) {
      throw new Error(`response of ${spec.operationId} (${r.status}) does not match its schema: ${JSON.stringify(parsed.error.issues)}`)
    }
  }

  /** Claims the request's Idempotency-Key; returns a finished response (replay) or the claim to complete. */
  async function claim(req: Request, principal: TPrincipal): Promise<TResult | { userId: string; key: string; lease: string } | undefined> {
    const key = req.get(IDEMPOTENCY_HEADER)
    if (key === undefined) return undefined
    if (!KEY_PATTERN.test(key)) {
      throw invalidInput([
        {
          path: 'headers.idempotency-key',
          code: 'invalid_format',
          message: { zh: '应为 1 至 200 个可见 ASCII 字符', en: 'expected 1 to 200 visible ASCII characters' },
        },
      ])
    }
    const hash = requestHash(req)
    const started = Date.now()
    for (;;) {
      const c = await claimIdempotencyKey(deps.engine.db, {
        userId: principal.user.id,
        key,
        requestHash: hash,
        method: req.method,
        path: req.originalUrl,
        now: deps.engine.clock.now().toISOString(),
        leaseMs: deps.idempotency.leaseMs,
        ttlMs: deps.idempotency.ttlMs,
      })
      if (c.kind === 'claimed') return { userId: principal.user.id, key, lease: c.lease }
      if (c.kind === 'replay') return { status: c.status, body: c.body ?? undefined, headers: { 'Idempotent-Replayed': 'true' } }
      if (c.kind === 'conflict') {
        throw new AppError('IDEMPOTENCY_CONFLICT', {
          zh: '此 Idempotency-Key 已用于另一个请求',
          en: 'this Idempotency-Key was used for a different request',
        })
      }
      // The first request with this key is still running: wait for its response, then give the same one.
      if (Date.now() - started >= deps.idempotency.waitMs) {
        throw new AppError('IDEMPOTENCY_IN_PROGRESS', {
          zh: '使用此 Idempotency-Key 的请求仍在处理中，请稍后重试',
          en: 'the request with this Idempotency-Key is still being processed; retry later',
        })
      }
      await sleep(25)
    }
  }

  function add<P extends ZodType | undefined, Q extends ZodType | undefined, B extends ZodType | undefined>(
    router: Router,
    base: string,
    spec: TRouteSpec<P, Q, B>,
  ): void {
    const entry = { ...spec, fullPath: base + spec.path } as TAnyRoute
    routes.push(entry)
    const unsafe = spec.method !== 'get'
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      const principal = principalOf(res)
      requireAccess(spec.access, principal)
      if (unsafe && (principal?.via === 'session' || spec.csrf === 'always')) checkCsrf(req, deps.corsOrigins)
      const input = parseRequest(
        { params: spec.params, query: spec.query, body: spec.body },
        { params: req.params, query: req.query, body: req.body },
      )
      const useKey = spec.method === 'post' && spec.idempotency !== 'none' && principal !== null
      const claimed = useKey ? await claim(req, principal) : undefined
      if (claimed && 'status' in claimed) return send(res, claimed)

      let recorded = false
      const ctx: THandlerContext = {
        req,
        res,
        get principal() {
          if (!principal) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'sign in first' })
          return principal
        },
        maybePrincipal: principal,
        idempotent: <T>(respond: (result: T) => TResult): TAlsoInTransaction<T> =>
          claimed
            ? {
                alsoInTransaction: function* (result: T) {
                  const r = respond(result)
                  yield* completeIdempotencyProgram(claimed.userId, claimed.key, claimed.lease, r.status, r.body)
                  recorded = true
                },
              }
            : {},
      }
      let result: TResult
      try {
        result = await spec.handler(input as Parameters<typeof spec.handler>[0], ctx)
        checkResponse(entry, result)
      } catch (e) {
        if (claimed) {
          const r = errorResponse(e, () => {})
          const passing = r.status >= 500 || r.status === 429 || r.body.error.code.startsWith('IDEMPOTENCY_')
          if (passing) await releaseIdempotencyKey(deps.engine.db, claimed.userId, claimed.key, claimed.lease)
          else await completeIdempotencyKey(deps.engine.db, claimed.userId, claimed.key, claimed.lease, r.status, r.body)
        }
        throw e
      }
      if (claimed && !recorded) await completeIdempotencyKey(deps.engine.db, claimed.userId, claimed.key, claimed.lease, result.status, result.body)
      send(res, result)
    })
  }

  return { routes, add, onInternal }
}

export type TRouteTable = ReturnType<typeof createRouteTable>
/** Registers a route on one router (bound to its base path). */
export type TAdd = <P extends ZodType | undefined, Q extends ZodType | undefined, B extends ZodType | undefined>(
  spec: TRouteSpec<P, Q, B>,
) => void

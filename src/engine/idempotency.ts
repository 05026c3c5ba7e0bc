/**
 * Idempotency keys of POST requests. The key is scoped to the user; the first request claims it (a unique row, so
 * a concurrent duplicate cannot also run), and its response is stored with it — inside the effect's own
 * transaction where the command allows (`completeProgram` through the command's alsoInTransaction), so a stored
 * response exists exactly when the effect does. A claim whose process died is taken over after its lease.
 */
import type { TDatabase } from '../db/database.js'
import { AppError } from '../errors/app-error.js'
import { one, run, type TSql } from '../db/sql.js'

export type TIdempotencyClaim =
  /** `lease`: the claim's lockedUntil, a fencing token: only the holder of the current lease completes or releases. */
  | { kind: 'claimed'; lease: string }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'conflict' }
  | { kind: 'inProgress' }

export type TIdempotencyRequest = {
  userId: string
  key: string
  requestHash: string
  method: string
  path: string
  now: string
  leaseMs: number
  ttlMs: number
}

type TRow = {
  requestHash: string
  status: string
  responseStatus: number | null
  responseBody: string | null
  lockedUntil: string | null
  expiresAt: string
}

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

export async function claimIdempotencyKey(db: TDatabase, r: TIdempotencyRequest): Promise<TIdempotencyClaim> {
  for (;;) {
    const outcome = await db.transaction(function* (): TSql<TIdempotencyClaim | 'again'> {
      // Expired keys of this user are forgotten (the index on expiresAt keeps this cheap).
      yield* run(`DELETE FROM "IdempotencyKey" WHERE "userId" = ? AND "expiresAt" < ?`, [r.userId, r.now])
      const inserted = yield* run(
        `INSERT INTO "IdempotencyKey" ("userId", "key", "requestHash", "method", "path", "status", "lockedUntil", "createdAt", "expiresAt")
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT ("userId", "key") DO NOTHING`,
        [r.userId, r.key, r.requestHash, r.method, r.path, plus(r.now, r.leaseMs), r.now, plus(r.now, r.ttlMs)],
      )
      if (inserted === 1) return { kind: 'claimed', lease: plus(r.now, r.leaseMs) }
      const row = yield* one<TRow>(
        `SELECT "requestHash", "status", "responseStatus", "responseBody", "lockedUntil", "expiresAt" FROM "IdempotencyKey"
         WHERE "userId" = ? AND "key" = ?`,
        [r.userId, r.key],
      )
      if (!row) return 'again' // deleted between the insert and the read: try once more
      if (row.requestHash !== r.requestHash) return { kind: 'conflict' }
      if (row.status === 'done') {
        return { kind: 'replay', status: row.responseStatus ?? 200, body: row.responseBody === null ? null : JSON.parse(row.responseBody) }
      }
      // Pending: another request runs, or ran in a process that died (its lease expired): take it over.
      if (row.lockedUntil !== null && row.lockedUntil < r.now) {
        const taken = yield* run(
          `UPDATE "IdempotencyKey" SET "lockedUntil" = ? WHERE "userId" = ? AND "key" = ? AND "status" = 'pending' AND "lockedUntil" = ?`,
          [plus(r.now, r.leaseMs), r.userId, r.key, row.lockedUntil],
        )
        if (taken === 1) return { kind: 'claimed', lease: plus(r.now, r.leaseMs) }
      }
      return { kind: 'inProgress' }
    })
    if (outcome !== 'again') return outcome
  }
}

/**
 * Stores the response of a claimed key; run it inside the effect's transaction where possible. When the lease was
 * taken over meanwhile (this request outlived it and another one with the same key claimed it), nothing is stored
 * and IDEMPOTENCY_IN_PROGRESS is thrown, so the effect's transaction rolls back: the request runs once.
 */
export function* completeIdempotencyProgram(userId: string, key: string, lease: string, status: number, body: unknown): TSql<void> {
  const done = yield* run(
    `UPDATE "IdempotencyKey" SET "status" = 'done', "responseStatus" = ?, "responseBody" = ?, "lockedUntil" = NULL
     WHERE "userId" = ? AND "key" = ? AND "status" = 'pending' AND "lockedUntil" = ?`,
    [status, body === undefined ? null : JSON.stringify(body), userId, key, lease],
  )
  if (done !== 1) throw leaseLost()
}

const leaseLost = () =>
  new AppError('IDEMPOTENCY_IN_PROGRESS', {
    zh: '使用此 Idempotency-Key 的请求已由另一请求接手，请稍后重试以取得其结果',
    en: 'another request with this Idempotency-Key took over; retry later for its response',
  })

export async function completeIdempotencyKey(db: TDatabase, userId: string, key: string, lease: string, status: number, body: unknown) {
  await db.transaction(() => completeIdempotencyProgram(userId, key, lease, status, body))
}

/** Forgets a claim whose request failed unexpectedly (5xx) or was refused for a passing reason (429): a retry runs. */
export async function releaseIdempotencyKey(db: TDatabase, userId: string, key: string, lease: string) {
  await db.transaction(function* () {
    yield* run(`DELETE FROM "IdempotencyKey" WHERE "userId" = ? AND "key" = ? AND "status" = 'pending' AND "lockedUntil" = ?`, [
      userId,
      key,
      lease,
    ])
  })
}

/**
 * The transactional outbox: effects written in the same transaction as the event that caused them, run after
 * commit by a worker. A message is claimed with a lease (status running); a crash leaves the lease to expire and
 * another worker takes it again, so handlers are idempotent (a document is keyed by its outbox id; a mail carries
 * a Message-ID derived from it). Failures back off exponentially; after MAX attempts the message is dead-lettered.
 */
import type { TDatabase } from '../db/database.js'
import { startPoller } from './poller.js'
import { all, one, run } from '../db/sql.js'
import type { TClock } from './clock.js'

export type TOutboxMessage = {
  id: string
  caseId: string | null
  caseSeq: number | null
  effect: string
  payload: unknown
  attempts: number
}

/** A temporary failure (SMTP down): retried with backoff. Any other error also retries, up to the limit. */
export class PermanentEffectError extends Error {}

export type TEffectHandler = (message: TOutboxMessage) => Promise<unknown>

export type TOutboxDeps = {
  db: TDatabase
  clock: TClock
  nodeId: string
  handlers: Record<string, TEffectHandler>
  leaseMs?: number
  maxAttempts?: number
  baseBackoffMs?: number
}

type TRow = Omit<TOutboxMessage, 'payload'> & { payload: string }

async function claim(deps: TOutboxDeps): Promise<TOutboxMessage | undefined> {
  const effects = Object.keys(deps.handlers)
  if (effects.length === 0) return undefined
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const leaseUntil = new Date(now.getTime() + (deps.leaseMs ?? 60_000)).toISOString()
  const lock = deps.db.provider === 'postgresql' ? ' FOR UPDATE SKIP LOCKED' : ''
  const marks = effects.map(() => '?').join(', ')
  return deps.db.transaction(function* () {
    const row = yield* one<TRow>(
      `SELECT "id", "caseId", "caseSeq", "effect", "payload", "attempts" FROM "OutboxMessage"
       WHERE "effect" IN (${marks}) AND (("status" = 'pending' AND "availableAt" <= ?) OR ("status" = 'running' AND "leaseUntil" < ?))
       ORDER BY "availableAt" LIMIT 1${lock}`,
      [...effects, nowIso, nowIso],
    )
    if (!row) return undefined
    yield* run(
      `UPDATE "OutboxMessage" SET "status" = 'running', "claimedBy" = ?, "leaseUntil" = ?, "attempts" = "attempts" + 1 WHERE "id" = ?`,
      [deps.nodeId, leaseUntil, row.id],
    )
    return { ...row, attempts: row.attempts + 1, payload: JSON.parse(row.payload) as unknown }
  })
}

/** Runs due messages until none is left or `limit` is reached; returns what happened. */
export async function runOutbox(deps: TOutboxDeps, limit = 100) {
  const counts = { done: 0, retried: 0, dead: 0 }
  for (let i = 0; i < limit; i++) {
    const message = await claim(deps)
    if (!message) break
    const handler = deps.handlers[message.effect]!
    try {
      const result = await handler(message)
      await deps.db.transaction(function* () {
        yield* run(
          `UPDATE "OutboxMessage" SET "status" = 'done', "completedAt" = ?, "result" = ?, "lastError" = NULL
           WHERE "id" = ? AND "claimedBy" = ? AND "status" = 'running'`,
          [deps.clock.now().toISOString(), JSON.stringify(result ?? null), message.id, deps.nodeId],
        )
      })
      counts.done++
    } catch (e) {
      const max = deps.maxAttempts ?? 8
      const dead = e instanceof PermanentEffectError || message.attempts >= max
      const backoff = (deps.baseBackoffMs ?? 1_000) * 2 ** (message.attempts - 1)
      const availableAt = new Date(deps.clock.now().getTime() + backoff).toISOString()
      await deps.db.transaction(function* () {
        yield* run(
          `UPDATE "OutboxMessage" SET "status" = ?, "availableAt" = ?, "lastError" = ?, "leaseUntil" = NULL
           WHERE "id" = ? AND "claimedBy" = ?`,
          [dead ? 'dead' : 'pending', availableAt, String(e instanceof Error ? e.message : e).slice(0, 2_000), message.id, deps.nodeId],
        )
      })
      if (dead) counts.dead++
      else counts.retried++
    }
  }
  return counts
}

export async function listOutbox(db: TDatabase, status?: string) {
  return db.read(function* () {
    return yield* all<TRow & { status: string; lastError: string | null; createdAt: string }>(
      `SELECT "id", "caseId", "caseSeq", "effect", "payload", "attempts", "status", "lastError", "createdAt" FROM "OutboxMessage"
       ${status ? 'WHERE "status" = ?' : ''} ORDER BY "createdAt" DESC LIMIT 500`,
      status ? [status] : [],
    )
  })
}

/** Polls every `intervalMs` until the returned stop function is called. */
export function startOutboxWorker(deps: TOutboxDeps, intervalMs: number, onError: (e: unknown) => void) {
  return startPoller(() => runOutbox(deps), intervalMs, onError)
}

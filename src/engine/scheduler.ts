/**
 * Durable deadlines: due Deadline rows are claimed and their event applied through the engine's program in ONE
 * transaction, so a deadline fires exactly once — across restarts (a crash rolls the claim back) and with several
 * processes (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: BEGIN IMMEDIATE serialises writers on the file).
 */
import type { TDatabase } from '../db/database.js'
import { all, one, run, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { systemActor } from './actor.js'
import { applyEvent, type TApplyContext } from './apply-transition.js'

export type TFireOutcome = 'fired' | 'ignored' | 'none'

type TDueRow = { id: string; caseId: string; kind: string; event: string }

/** Retry delays after an unexpected failure, and the attempts after which a deadline is marked failed. */
const RETRY_MS = [1_000, 10_000, 60_000, 600_000]
const MAX_ATTEMPTS = 5

function* dueDeadlines(db: TDatabase, ctx: TApplyContext, size: number): TSql<TDueRow[]> {
  const lock = db.provider === 'postgresql' ? ' FOR UPDATE SKIP LOCKED' : ''
  return yield* all<TDueRow>(
    `SELECT "id", "caseId", "kind", "event" FROM "Deadline"
     WHERE "status" = 'pending' AND "dueAt" <= ? AND ("retryAt" IS NULL OR "retryAt" <= ?)
     ORDER BY "dueAt" LIMIT ?${lock}`,
    [ctx.now, ctx.now, size],
  )
}

/** Fires one locked, due deadline; an earlier event of the same batch may have cancelled it meanwhile. */
function* fire(due: TDueRow, ctx: TApplyContext): TSql<TFireOutcome> {
  const claimed = yield* run(
    `UPDATE "Deadline" SET "status" = 'fired', "firedAt" = ?, "claimedBy" = ? WHERE "id" = ? AND "status" = 'pending'`,
    [ctx.now, ctx.nodeId, due.id],
  )
  if (claimed !== 1) return 'none'
  const { type: _type, ...event } = JSON.parse(due.event) as { type: string }
  try {
    yield* applyEvent(due.caseId, { type: 'deadline.elapsed', ...event }, systemActor, ctx)
    return 'fired'
  } catch (e) {
    // The case moved to a state that no longer waits for this deadline (nothing was written for the event):
    // keep the record of why instead of retrying forever.
    if (e instanceof AppError && (e.code === 'TRANSITION_NOT_ALLOWED' || e.code === 'STATUTORY_RULE_VIOLATED')) {
      yield* run(`UPDATE "Deadline" SET "status" = 'ignored', "lastError" = ? WHERE "id" = ?`, [e.message, due.id])
      return 'ignored'
    }
    throw e
  }
}

export type TSchedulerDeps = {
  db: TDatabase
  context: () => TApplyContext
  /** Deadlines fired per transaction: one commit (one fsync) for many deadlines when many fall due together. */
  batchSize?: number
}

/** Locks and fires up to `size` due deadlines in the caller's transaction. */
function* fireBatch(db: TDatabase, ctx: TApplyContext, size: number, attempted: { id?: string }) {
  const due = yield* dueDeadlines(db, ctx, size)
  const out = { fired: 0, ignored: 0, more: due.length === size }
  for (const d of due) {
    attempted.id = d.id
    const outcome = yield* fire(d, ctx)
    if (outcome !== 'none') out[outcome]++
  }
  return out
}

/**
 * Fires due deadlines, a batch per transaction, until none is due or `limit` is reached. A failure rolls back its
 * batch (nothing of it is recorded); the failing deadline is set back and the rest are fired on the next round.
 */
export async function fireDueDeadlines(deps: TSchedulerDeps, limit = 1_000) {
  const counts = { fired: 0, ignored: 0, failed: 0 }
  const size = deps.batchSize ?? 25
  for (let done = 0; done < limit; ) {
    const ctx = deps.context()
    const attempted: { id?: string } = {}
    let batch: { fired: number; ignored: number; more: boolean }
    try {
      batch = await deps.db.transaction(() => fireBatch(deps.db, ctx, Math.min(size, limit - done), attempted))
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONCURRENT_CHANGE') continue // a case moved: decide again
      if (!attempted.id) throw e // the database itself failed: let the caller log it and try on the next tick
      counts.failed++
      done++
      await recordFailure(deps.db, ctx, attempted.id, e)
      continue
    }
    counts.fired += batch.fired
    counts.ignored += batch.ignored
    done += batch.fired + batch.ignored
    if (!batch.more) break
  }
  return counts
}

/** An unexpected error: the claim was rolled back; count the attempt and back off so one row cannot block the rest. */
async function recordFailure(db: TDatabase, ctx: TApplyContext, id: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  await db.transaction(function* () {
    const row = yield* one<{ attempts: number }>(`SELECT "attempts" FROM "Deadline" WHERE "id" = ? AND "status" = 'pending'`, [id])
    if (!row) return
    const attempts = row.attempts + 1
    const retryAt = new Date(Date.parse(ctx.now) + (RETRY_MS[attempts - 1] ?? RETRY_MS.at(-1)!)).toISOString()
    yield* run(`UPDATE "Deadline" SET "attempts" = ?, "retryAt" = ?, "lastError" = ?, "status" = ? WHERE "id" = ?`, [
      attempts,
      retryAt,
      message.slice(0, 2_000),
      attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      id,
    ])
  })
}

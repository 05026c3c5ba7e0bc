/**
 * Durable deadlines: due Deadline rows are claimed and their event applied through the engine's program in ONE
 * transaction, so a deadline fires exactly once — across restarts (a crash rolls the claim back) and with several
 * processes (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: BEGIN IMMEDIATE serialises writers on the file).
 *
 * Many deadlines fall due together (the same midnight), so a batch of them is fired in one transaction with few
 * round trips: the due rows (locked, skipping rows another process holds), then their cases in one query (locked,
 * in id order), then every write of the batch pipelined with the commit. Each deadline keeps its own outcome in the
 * batch: fired (its event applied, per-case revision check), ignored (its case no longer waits for it), or failed
 * (an unexpected error before anything of it was written: set back with a retry time, the rest of the batch still
 * fires). A failure after a deadline's writes began rolls the batch back, and its deadlines are then fired one
 * transaction at a time, so one poison row cannot hold the others up.
 */
import type { TDatabase } from '../db/database.js'
import { all, one, run, write, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { systemActor } from './actor.js'
import { applyEvent, CASE_COLUMNS, decide, record, type TApplyContext, type TCaseRow } from './apply-transition.js'

export type TFireOutcome = 'fired' | 'ignored' | 'none'

type TDueRow = { id: string; caseId: string; kind: string; event: string; attempts: number }

/** Retry delays after an unexpected failure, and the attempts after which a deadline is marked failed. */
const RETRY_MS = [1_000, 10_000, 60_000, 600_000]
const MAX_ATTEMPTS = 5

function* dueDeadlines(db: TDatabase, ctx: TApplyContext, size: number, id?: string): TSql<TDueRow[]> {
  const lock = db.provider === 'postgresql' ? ' FOR UPDATE SKIP LOCKED' : ''
  return yield* all<TDueRow>(
    `SELECT "id", "caseId", "kind", "event", "attempts" FROM "Deadline"
     WHERE "status" = 'pending' AND "dueAt" <= ? AND ("retryAt" IS NULL OR "retryAt" <= ?)${id === undefined ? '' : ' AND "id" = ?'}
     ORDER BY "dueAt" LIMIT ?${lock}`,
    id === undefined ? [ctx.now, ctx.now, size] : [ctx.now, ctx.now, id, size],
  )
}

const elapsedEvent = (due: TDueRow) => {
  const { type: _type, ...event } = JSON.parse(due.event) as { type: string }
  return { type: 'deadline.elapsed', ...event }
}

/** The case moved to a state that no longer waits for this deadline (nothing was written for the event). */
const isRefusal = (e: unknown): e is AppError =>
  e instanceof AppError && (e.code === 'TRANSITION_NOT_ALLOWED' || e.code === 'STATUTORY_RULE_VIOLATED')

/** Fires one locked, due deadline; an earlier event of the same batch may have cancelled it meanwhile. */
function* fire(due: TDueRow, ctx: TApplyContext): TSql<TFireOutcome> {
  const claimed = yield* run(
    `UPDATE "Deadline" SET "status" = 'fired', "firedAt" = ?, "claimedBy" = ? WHERE "id" = ? AND "status" = 'pending'`,
    [ctx.now, ctx.nodeId, due.id],
  )
  if (claimed !== 1) return 'none'
  try {
    yield* applyEvent(due.caseId, elapsedEvent(due), systemActor, ctx)
    return 'fired'
  } catch (e) {
    // Keep the record of why instead of retrying forever.
    if (isRefusal(e)) {
      yield* run(`UPDATE "Deadline" SET "status" = 'ignored', "lastError" = ? WHERE "id" = ?`, [e.message, due.id])
      return 'ignored'
    }
    throw e
  }
}

/** The row values of a failed attempt: attempts + 1, a retry time (backing off), failed after MAX_ATTEMPTS. */
function failureUpdate(ctx: TApplyContext, attemptsBefore: number, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  const attempts = attemptsBefore + 1
  const retryAt = new Date(Date.parse(ctx.now) + (RETRY_MS[attempts - 1] ?? RETRY_MS.at(-1)!)).toISOString()
  return [attempts, retryAt, message.slice(0, 2_000), attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'] as const
}

const FAILURE_SQL = `UPDATE "Deadline" SET "attempts" = ?, "retryAt" = ?, "lastError" = ?, "status" = ? WHERE "id" = ?`

type TBatch = { fired: number; ignored: number; failed: number; more: boolean; ids: string[] }

/**
 * One batch in the caller's transaction: the due rows (locked), the first due deadline of each case (a later one of
 * the same case waits for the next batch, which sees this one's effects, e.g. a cancellation), their cases locked
 * in id order, then each deadline decided and written without waiting for answers.
 */
function* fireBatchProgram(db: TDatabase, ctx: TApplyContext, size: number, claimed: { ids: string[] }): TSql<TBatch> {
  const due = yield* dueDeadlines(db, ctx, size)
  const out: TBatch = { fired: 0, ignored: 0, failed: 0, more: due.length === size, ids: [] }
  const seen = new Set<string>()
  const take = due.filter((d) => !seen.has(d.caseId) && seen.add(d.caseId))
  if (take.length < due.length) out.more = true
  if (take.length === 0) return out
  out.ids = take.map((d) => d.id)
  claimed.ids = out.ids // known to the caller even if the batch fails below
  const ids = [...seen].sort()
  const lock = db.provider === 'postgresql' ? ' FOR UPDATE' : ''
  const rows = yield* all<TCaseRow>(
    `SELECT ${CASE_COLUMNS} FROM "Case" WHERE "id" IN (${ids.map(() => '?').join(', ')}) ORDER BY "id"${lock}`,
    ids,
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const d of take) {
    let decided: ReturnType<typeof decide>
    let event: ReturnType<typeof elapsedEvent>
    try {
      const row = byId.get(d.caseId)
      if (!row) throw new Error(`case not found: ${d.caseId}`)
      event = elapsedEvent(d)
      decided = decide(row, event, ctx.now)
    } catch (e) {
      if (isRefusal(e)) {
        yield* write(
          `UPDATE "Deadline" SET "status" = 'ignored', "firedAt" = ?, "claimedBy" = ?, "lastError" = ? WHERE "id" = ? AND "status" = 'pending'`,
          [ctx.now, ctx.nodeId, e.message, d.id],
        )
        out.ignored++
      } else {
        // Nothing of this deadline was written: set it back with a retry time; the rest of the batch goes on.
        yield* write(FAILURE_SQL, [...failureUpdate(ctx, d.attempts, e), d.id])
        out.failed++
      }
      continue
    }
    yield* write(
      `UPDATE "Deadline" SET "status" = 'fired', "firedAt" = ?, "claimedBy" = ? WHERE "id" = ? AND "status" = 'pending'`,
      [ctx.now, ctx.nodeId, d.id],
    )
    const row = byId.get(d.caseId)!
    yield* record(row, decided.entry, decided.next, decided.actions as { type: string; params?: unknown }[], decided.event, systemActor, ctx, false, true)
    out.fired++
  }
  return out
}

export type TSchedulerDeps = {
  db: TDatabase
  context: () => TApplyContext
  /** Deadlines fired per transaction: one commit (one fsync) for many deadlines when many fall due together. */
  batchSize?: number
}

/** Fires deadline `id` alone if it is still due, in its own transaction; an unexpected error is recorded on it. */
async function fireAlone(db: TDatabase, ctx: TApplyContext, id: string): Promise<TFireOutcome | 'failed'> {
  try {
    return await db.transaction(function* () {
      const [due] = yield* dueDeadlines(db, ctx, 1, id)
      return due ? yield* fire(due, ctx) : 'none'
    })
  } catch (e) {
    if (e instanceof AppError && e.code === 'CONCURRENT_CHANGE') return 'none' // a case moved: decided again next time
    await recordFailure(db, ctx, id, e)
    return 'failed'
  }
}

/**
 * Fires due deadlines, a batch per transaction, until none is due or `limit` is reached. A batch that fails as a
 * whole (nothing of it is recorded) is fired again one deadline per transaction.
 */
export async function fireDueDeadlines(deps: TSchedulerDeps, limit = 1_000) {
  const counts = { fired: 0, ignored: 0, failed: 0 }
  const size = deps.batchSize ?? 100
  for (let done = 0; done < limit; ) {
    const ctx = deps.context()
    let batch: TBatch
    const claimed: { ids: string[] } = { ids: [] }
    try {
      batch = await deps.db.transaction(() => fireBatchProgram(deps.db, ctx, Math.min(size, limit - done), claimed))
    } catch (e) {
      if (claimed.ids.length === 0) throw e // the database itself failed: let the caller log it and try on the next tick
      for (const id of claimed.ids) {
        const outcome = await fireAlone(deps.db, ctx, id)
        if (outcome !== 'none') counts[outcome]++
        done++
      }
      continue
    }
    counts.fired += batch.fired
    counts.ignored += batch.ignored
    counts.failed += batch.failed
    done += batch.fired + batch.ignored + batch.failed
    if (!batch.more) break
  }
  return counts
}

/** An unexpected error: the claim was rolled back; count the attempt and back off so one row cannot block the rest. */
async function recordFailure(db: TDatabase, ctx: TApplyContext, id: string, error: unknown) {
  await db.transaction(function* () {
    const row = yield* one<{ attempts: number }>(`SELECT "attempts" FROM "Deadline" WHERE "id" = ? AND "status" = 'pending'`, [id])
    if (!row) return
    yield* run(FAILURE_SQL, [...failureUpdate(ctx, row.attempts, error), id])
  })
}

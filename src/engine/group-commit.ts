/**
 * Group commit for the engine's commands. Commands that arrive while a transaction is being written wait and go
 * together into the next one, so the cost of a durable commit (an fsync on SQLite, a WAL flush on PostgreSQL) is
 * paid once for several events. Each command keeps its own semantics:
 *   - it runs its own program (load → revision check → decide → write) inside the shared transaction, after the
 *     commands before it in the batch, so it sees their writes like it would see them committed;
 *   - a command refused before it wrote anything (INVALID_INPUT, TRANSITION_NOT_ALLOWED, CONCURRENT_CHANGE from a
 *     revision check that changed no row …) answers its error and the batch goes on;
 *   - a command that fails after it wrote a row, or any database error, rolls the whole batch back (nothing of it
 *     is written) and every command of the batch is then run again alone, in its own transaction.
 * A command is answered only after its transaction committed. Commands are ordered by case within a batch (stable,
 * so one case's commands keep their order), so concurrent batches on PostgreSQL lock Case rows in one order.
 */
import type { TDatabase } from '../db/database.js'
import type { TSql } from '../db/sql.js'

type TPending = {
  key: string
  program: () => TSql<unknown>
  resolve: (value: unknown) => void
  reject: (e: unknown) => void
}

type TOutcome = { ok: unknown } | { error: unknown }

/** The program failed after it had changed rows: the batch must be rolled back. */
class BatchPoisoned extends Error {
  constructor(cause: unknown) {
    super('a command of the batch failed after writing', { cause })
  }
}

/** Forwards a program's operations and notes whether a statement changed (or may have changed) a row. */
function* tracked<T>(program: TSql<T>, state: { wrote: boolean }): TSql<T> {
  let step = program.next()
  while (!step.done) {
    const op = step.value
    let result: unknown
    try {
      result = yield op
    } catch (e) {
      // A statement failed (PostgreSQL: the transaction is aborted): nothing more can be written in it.
      state.wrote = true
      step = program.throw(e)
      continue
    }
    if (op.mode === 'write' || (op.mode === 'run' && typeof result === 'number' && result > 0)) state.wrote = true
    step = program.next(result)
  }
  return step.value
}

function* batchProgram(batch: readonly TPending[]): TSql<TOutcome[]> {
  const outcomes: TOutcome[] = []
  for (const p of batch) {
    const state = { wrote: false }
    try {
      outcomes.push({ ok: yield* tracked(p.program(), state) })
    } catch (e) {
      if (state.wrote) throw new BatchPoisoned(e)
      outcomes.push({ error: e })
    }
  }
  return outcomes
}

export type TGroupCommitOptions = {
  /** Commands per transaction (a case's waiting commands stay together, so a batch may hold a few more). */
  maxBatch?: number
  /** Transactions in flight at once (SQLite: 1, its writes are serialised anyway). */
  concurrency?: number
}

export function createGroupCommit(db: TDatabase, options: TGroupCommitOptions = {}) {
  const maxBatch = options.maxBatch ?? 64
  const concurrency = options.concurrency ?? (db.provider === 'sqlite' ? 1 : 8)
  let queue: TPending[] = []
  let inFlight = 0
  let scheduled = false

  async function alone(p: TPending): Promise<void> {
    try {
      p.resolve(await db.transaction(p.program))
    } catch (e) {
      p.reject(e)
    }
  }

  async function write(batch: TPending[]): Promise<void> {
    if (batch.length === 1) return alone(batch[0]!)
    let outcomes: TOutcome[]
    try {
      outcomes = await db.transaction(() => batchProgram(batch))
    } catch {
      // Nothing of the batch was written: each command runs again on its own and answers its own outcome.
      for (const p of batch) await alone(p)
      return
    }
    outcomes.forEach((o, i) => {
      const p = batch[i]!
      if ('ok' in o) p.resolve(o.ok)
      else p.reject(o.error)
    })
  }

  function pump(): void {
    scheduled = false
    while (inFlight < concurrency && queue.length > 0) {
      // The waiting commands are shared among the free transactions (PostgreSQL runs them on parallel connections).
      const size = Math.min(maxBatch, Math.ceil(queue.length / (concurrency - inFlight)))
      // A case's waiting commands go into the same batch, in the order they were submitted.
      const keys = new Set(queue.slice(0, size).map((p) => p.key))
      const taken = queue.filter((p) => keys.has(p.key))
      queue = queue.filter((p) => !keys.has(p.key))
      // Stable: one case's commands keep their order.
      const batch = taken.map((p, i) => ({ p, i })).sort((a, b) => (a.p.key < b.p.key ? -1 : a.p.key > b.p.key ? 1 : a.i - b.i)).map((x) => x.p)
      inFlight++
      void write(batch).finally(() => {
        inFlight--
        pump()
      })
    }
  }

  return {
    /** Runs `program` in a transaction, possibly shared with other commands; resolves after the commit. */
    submit<T>(key: string, program: () => TSql<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ key, program, resolve: resolve as (v: unknown) => void, reject })
        if (!scheduled && inFlight < concurrency) {
          scheduled = true
          // Commands submitted in the same turn of the event loop join the same batch.
          setImmediate(pump)
        }
      })
    },
  }
}

export type TGroupCommit = ReturnType<typeof createGroupCommit>

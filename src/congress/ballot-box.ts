/**
 * The ballot box: online ballots are recorded in batches (group commit). Ballots that arrive while a batch is
 * being written wait and go together into the next transaction, so the cost of a durable commit (an fsync,
 * several milliseconds) is shared by all of them: that is what makes 1,000 voters at once fast on the embedded
 * SQLite, whose writers are serialised anyway.
 *
 * Per ballot, inside the batch's transaction:
 *   credential by hash → unused? → session open (PostgreSQL: FOR SHARE, once per session and batch, so a close,
 *   which takes FOR UPDATE, waits for the batches in flight and no batch starts on a closed session) → one choice
 *   per item → `UPDATE … SET "usedVia" = 'online' WHERE … AND "usedVia" IS NULL` (0 rows: used meanwhile, e.g. the
 *   same credential earlier in this batch or on another connection) → receipt hash.
 * A refused ballot throws its AppError before writing anything, so it needs no savepoint and the batch goes on.
 * At the end the batch adds its choices to the counts, writing every count row of each session touched (+0
 * where nothing was chosen; ./secrecy.ts) in one fixed order, so concurrent batches cannot deadlock on them, and
 * rewrites the session's seal over the new counts (./count-seal.ts).
 * If the transaction itself fails (a database error), each of its ballots is tried again on its own.
 */
import { AppError } from '../errors/app-error.js'
import { all, one, run, type TSql } from '../db/sql.js'
import type { TCongressContext } from './context.js'
import { congressError, invalidField } from './errors.js'
import {
  alreadyUsedError,
  anyUnused,
  invalidCredentialError,
  itemsOf,
  loadSession,
  votingClosedError,
  votingNotOpenError,
  windowAt,
  type TSessionRow,
} from './store.js'
import { CHOICES, type TChoice } from './types.js'
import { resealCounts, sealKeyOf } from './count-seal.js'

export type TBallotRequest = {
  credentialHash: string
  choices: { itemId: string; choice: TChoice }[]
  receiptHash: string
}

export type TBallotRecorded = { sessionId: string }

type TOutcome = { ok: TBallotRecorded } | { error: AppError }

function checkChoices(row: TSessionRow, choices: TBallotRequest['choices']) {
  const items = itemsOf(row)
  const known = new Set(items.map((i) => i.id))
  const seen = new Set<string>()
  choices.forEach((c, i) => {
    if (!known.has(c.itemId)) throw invalidField(`choices.${i}.itemId`, `没有这个表决事项：${c.itemId}`, `no such item: ${c.itemId}`)
    if (seen.has(c.itemId)) throw invalidField(`choices.${i}.itemId`, `同一事项只能选择一次：${c.itemId}`, `item ${c.itemId} chosen twice`)
    seen.add(c.itemId)
  })
  const missing = items.filter((i) => !seen.has(i.id))
  if (missing.length > 0) {
    throw invalidField(
      'choices',
      `每个表决事项都要选择同意、不同意或弃权；缺少：${missing.map((m) => m.title).join('、')}`,
      `every item needs agree, disagree or abstain; missing: ${missing.map((m) => m.id).join(', ')}`,
    )
  }
}

/** One transaction recording a batch of ballots; returns each ballot's outcome and the sessions now fully voted. */
export function* recordBallotsProgram(
  ctx: Pick<TCongressContext, 'provider' | 'credentialKey'>,
  ballots: readonly TBallotRequest[],
  now: string,
): TSql<{ outcomes: TOutcome[]; allVoted: string[] }> {
  const sessions = new Map<string, TSessionRow>()
  const increments = new Map<string, Map<string, number>>()
  const outcomes: TOutcome[] = []
  for (const b of ballots) {
    try {
      const cred = yield* one<{ id: string; sessionId: string; usedVia: string | null }>(
        `SELECT "id", "sessionId", "usedVia" FROM "CongressCredential" WHERE "tokenHash" = ?`,
        [b.credentialHash],
      )
      if (!cred) throw invalidCredentialError()
      if (cred.usedVia) throw alreadyUsedError(cred.usedVia)
      let row = sessions.get(cred.sessionId)
      if (!row) {
        row = yield* loadSession(ctx.provider, cred.sessionId, 'share')
        sessions.set(row.id, row)
      }
      const window = windowAt(row, now)
      if (window === 'notOpenYet') throw votingNotOpenError(row)
      if (window === 'closed') throw votingClosedError(row)
      checkChoices(row, b.choices)
      const marked = yield* run(
        `UPDATE "CongressCredential" SET "usedVia" = 'online', "present" = ?, "presentVia" = COALESCE("presentVia", 'online')
         WHERE "id" = ? AND "usedVia" IS NULL`,
        [true, cred.id],
      )
      if (marked !== 1) {
        const current = yield* one<{ usedVia: string | null }>(`SELECT "usedVia" FROM "CongressCredential" WHERE "id" = ?`, [cred.id])
        throw alreadyUsedError(current?.usedVia ?? null)
      }
      yield* run(`INSERT INTO "CongressReceipt" ("sessionId", "receiptHash") VALUES (?, ?)`, [row.id, b.receiptHash])
      const inc = increments.get(row.id) ?? new Map<string, number>()
      for (const c of b.choices) inc.set(`${c.itemId}\u0000${c.choice}`, (inc.get(`${c.itemId}\u0000${c.choice}`) ?? 0) + 1)
      increments.set(row.id, inc)
      outcomes.push({ ok: { sessionId: row.id } })
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      outcomes.push({ error: e })
    }
  }
  const allVoted: string[] = []
  for (const sessionId of [...increments.keys()].sort()) {
    const inc = increments.get(sessionId)!
    const rows = yield* all<{ itemId: string; choice: TChoice }>(
      `SELECT "itemId", "choice" FROM "CongressBallotCount" WHERE "sessionId" = ? ORDER BY "itemId", "choice"`,
      [sessionId],
    )
    if (rows.length !== itemsOf(sessions.get(sessionId)!).length * CHOICES.length) throw boxIncomplete(sessionId)
    for (const r of rows) {
      const changed = yield* run(
        `UPDATE "CongressBallotCount" SET "count" = "count" + ? WHERE "sessionId" = ? AND "itemId" = ? AND "choice" = ?`,
        [inc.get(`${r.itemId}\u0000${r.choice}`) ?? 0, sessionId, r.itemId, r.choice],
      )
      if (changed !== 1) throw boxIncomplete(sessionId)
    }
    // The seal over the new counts, in the same transaction (./count-seal.ts; checked by npm run verify).
    yield* resealCounts(sealKeyOf(ctx.credentialKey), sessionId)
    if (!(yield* anyUnused(sessionId))) allVoted.push(sessionId)
  }
  return { outcomes, allVoted }
}

const boxIncomplete = (sessionId: string) =>
  congressError(
    'INTEGRITY_VIOLATION',
    'BALLOT_BOX_INCOMPLETE',
    { zh: '票箱记录不完整，选票未计入', en: 'the ballot box rows are incomplete; no ballot was counted' },
    { sessionId },
  )

type TPending = {
  ballot: TBallotRequest
  resolve: (r: TBallotRecorded & { allVoted: boolean }) => void
  reject: (e: unknown) => void
}

/**
 * Collects ballots and writes them in batches of at most `maxBatch`, one batch at a time per process. `afterBatch`
 * runs (awaited) before the ballots of a batch are answered, with the sessions the batch completed.
 */
export function createBallotBox(
  ctx: TCongressContext,
  afterBatch: (allVoted: string[]) => Promise<void>,
  maxBatch = 250,
) {
  let queue: TPending[] = []
  let draining = false

  async function write(batch: TPending[]): Promise<void> {
    const now = ctx.now()
    let result: { outcomes: TOutcome[]; allVoted: string[] }
    try {
      result = await ctx.db.transaction(() => recordBallotsProgram(ctx, batch.map((p) => p.ballot), now))
    } catch (e) {
      if (batch.length === 1) {
        batch[0]!.reject(e)
        return
      }
      // A database error sank the whole batch: nothing was written; try each ballot alone.
      for (const p of batch) await write([p])
      return
    }
    if (result.allVoted.length) await afterBatch(result.allVoted)
    result.outcomes.forEach((o, i) => {
      const p = batch[i]!
      if ('ok' in o) p.resolve({ ...o.ok, allVoted: result.allVoted.includes(o.ok.sessionId) })
      else p.reject(o.error)
    })
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch)
        queue = queue.slice(batch.length)
        await write(batch)
      }
    } finally {
      draining = false
    }
  }

  return {
    submit(ballot: TBallotRequest): Promise<TBallotRecorded & { allVoted: boolean }> {
      return new Promise((resolve, reject) => {
        queue.push({ ballot, resolve, reject })
        if (!draining) {
          draining = true
          // Let the ballots that arrive in the same turn of the event loop join the first batch.
          setImmediate(() => void drain())
        }
      })
    },
  }
}

export type TBallotBox = ReturnType<typeof createBallotBox>

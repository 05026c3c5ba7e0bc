/**
 * Close, tally and certify. Three steps, each idempotent:
 *   1. close: the session stops accepting ballots (status open → closed), at the end of the window, on an explicit
 *      close, or when every credential is used; the per-voter rows are rewritten (./secrecy.ts);
 *   2. tally: once every paper ballot handed out is counted and confirmed, the result is computed ONCE and stored
 *      on the session (a second close reads it, never recounts);
 *   3. certify: the result goes to the case as the machine's `congress.resultCertified` event through
 *      engine.sendEvent (actor role 'system'); in the same transaction the session becomes `certified` (only from
 *      `closed`, so the event is sent at most once) and the outbox gets the `document.render` effect of the
 *      表决结果及决议 PDF (kind `congressResolution`). If the case refuses the event, the session stays closed with
 *      the refusal recorded, and certification can be retried.
 */
import { systemActor, type TActor } from '../engine/actor.js'
import { all, run, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import type { TCongressContext } from './context.js'
import { congressError } from './errors.js'
import { scrubLinks } from './secrecy.js'
import { draftOf } from './session.js'
import {
  anyUnused,
  enqueue,
  itemsOf,
  loadCaseFacts,
  loadSession,
  officersOf,
  paperTallyOf,
  sessionView,
  turnoutOf,
  votingNotOpenError,
  type TCaseFacts,
  type TSessionRow,
} from './store.js'
import { certifiedEvent, computeResult } from './tally.js'
import type { TChoice, TCongressResult, TSessionView } from './types.js'

export type TCloseReason = 'window' | 'explicit' | 'allVoted'

/** Step 1 inside the caller's transaction; returns whether it closed the session now. */
export function* closeVotingProgram(
  row: TSessionRow,
  now: string,
  reason: TCloseReason,
  actorId: string | null,
): TSql<boolean> {
  if (row.status !== 'open') return false
  if (reason === 'window' && now < row.closesAt) return false
  if (reason === 'allVoted' && (yield* anyUnused(row.id))) return false
  const changed = yield* run(
    `UPDATE "CongressSession" SET "status" = 'closed', "closedAt" = ?, "closedBy" = ?, "closeReason" = ?, "updatedAt" = ?
     WHERE "id" = ? AND "status" = 'open'`,
    [now, actorId, reason, now, row.id],
  )
  if (changed !== 1) return false
  yield* scrubLinks(row.id)
  return true
}

/** Step 2 inside the caller's transaction; returns whether a result exists afterwards. */
export function* tallyProgram(ctx: TCongressContext, sessionId: string, now: string): TSql<boolean> {
  const row = yield* loadSession(ctx.provider, sessionId, 'update')
  if (row.result) return true
  if (row.status !== 'closed') return false
  const turnout = yield* turnoutOf(sessionId)
  const paper = yield* paperTallyOf(sessionId)
  if (turnout.votedPaper > 0 && !paper?.confirmedBy) return false
  const online = yield* all<{ itemId: string; choice: TChoice; count: number }>(
    `SELECT "itemId", "choice", "count" FROM "CongressBallotCount" WHERE "sessionId" = ?`,
    [sessionId],
  )
  const receipts = yield* all<{ receiptHash: string }>(
    `SELECT "receiptHash" FROM "CongressReceipt" WHERE "sessionId" = ? ORDER BY "receiptHash"`,
    [sessionId],
  )
  const facts = yield* loadCaseFacts(row.caseId)
  const result = computeResult({
    jurisdiction: row.jurisdiction,
    kind: facts.kind,
    body: row.body,
    totalSeats: Number(row.totalSeats),
    present: turnout.present,
    items: itemsOf(row),
    online,
    paper: turnout.votedPaper > 0 ? paper : null,
    ballotsOnline: turnout.votedOnline,
    ballotsPaper: turnout.votedPaper,
    receiptHashes: receipts.map((r) => r.receiptHash),
    now,
  })
  yield* run(`UPDATE "CongressSession" SET "result" = ?, "updatedAt" = ? WHERE "id" = ? AND "result" IS NULL`, [
    JSON.stringify(result),
    now,
    sessionId,
  ])
  return true
}

class AlreadyCertified extends Error {}

/**
 * Step 3. Sends the stored result to the case once. Returns quietly when there is nothing to certify yet or it is
 * already certified; records the case's refusal (an AppError) on the session; rethrows other failures.
 */
export async function certify(ctx: TCongressContext, sessionId: string): Promise<void> {
  const { row, facts } = await ctx.db.read(function* () {
    const row = yield* loadSession(ctx.provider, sessionId)
    return { row, facts: yield* loadCaseFacts(row.caseId) }
  })
  if (row.status !== 'closed' || !row.result) return
  const result = JSON.parse(row.result) as TCongressResult
  // The vote was on the draft current at convening; a newer draft needs its own vote (JHR 36).
  const current = draftOf(facts.snapshot)?.version ?? null
  if (row.draftVersion !== null && current !== null && current !== Number(row.draftVersion)) {
    const e = congressError(
      'TRANSITION_NOT_ALLOWED',
      'DRAFT_CHANGED',
      {
        zh: `表决的是第${row.draftVersion}稿草案，案件现为第${current}稿，表决结果不能用于新草案。`,
        en: `the vote was on draft version ${row.draftVersion}; the case is now at version ${current}, so the result cannot apply to it`,
      },
      { sessionId, votedVersion: Number(row.draftVersion), currentVersion: current },
    )
    await recordRefusal(ctx, sessionId, e)
    return
  }
  const event = certifiedEvent(
    { id: row.id, heldOn: row.heldOn, body: row.body, totalSeats: Number(row.totalSeats) },
    result,
  )
  try {
    await ctx.engine.sendEvent(row.caseId, event, systemActor, undefined, {
      alsoInTransaction: function* (applied) {
        const now = ctx.now()
        const changed = yield* run(
          `UPDATE "CongressSession" SET "status" = 'certified', "certifiedAt" = ?, "certifiedSeq" = ?, "certifyError" = NULL, "updatedAt" = ?
           WHERE "id" = ? AND "status" = 'closed'`,
          [now, applied.seq, now, sessionId],
        )
        if (changed !== 1) throw new AlreadyCertified()
        yield* enqueue(row.caseId, applied.seq, 'document.render', resolutionDocument(row, result, facts), now)
      },
    })
  } catch (e) {
    if (e instanceof AlreadyCertified) return
    const again = await ctx.db.read(() => loadSession(ctx.provider, sessionId))
    if (again.status === 'certified') return
    if (e instanceof AppError && e.code !== 'CONCURRENT_CHANGE') {
      await recordRefusal(ctx, sessionId, e)
      return
    }
    throw e
  }
}

async function recordRefusal(ctx: TCongressContext, sessionId: string, e: AppError): Promise<void> {
  const error = { code: e.code, message: e.text, details: e.details }
  await ctx.db.transaction(function* () {
    yield* run(`UPDATE "CongressSession" SET "certifyError" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'closed'`, [
      JSON.stringify(error),
      ctx.now(),
      sessionId,
    ])
  })
}

/**
 * The `document.render` payload of the 表决结果及决议, shaped like the machine's own render effects
 * (workflows/negotiation/machine.ts: case facts, `eventType`, `document` = the document kind). `resolution` is the
 * part of ZCongressResolutionSchema (src/documents/types.ts) the congress knows; the handler adds the common fields
 * (caseNumber, jurisdiction name, enterprise, workerParty, documentDate).
 */
function resolutionDocument(row: TSessionRow, result: TCongressResult, facts: TCaseFacts) {
  const articles = [...new Set([result.quorumArticle, result.thresholdArticle])].join('; ')
  let procedure: unknown
  try {
    procedure = (JSON.parse(facts.snapshot) as { context?: { procedure?: unknown } }).context?.procedure
  } catch {
    procedure = undefined
  }
  return {
    caseId: row.caseId,
    enterpriseId: facts.enterpriseId,
    kind: facts.kind,
    jurisdiction: facts.jurisdiction,
    ...(typeof procedure === 'string' ? { procedure } : {}),
    eventType: 'congress.resultCertified',
    document: 'congressResolution',
    sessionId: row.id,
    documentSha256: row.documentSha256,
    draftVersion: row.draftVersion === null ? null : Number(row.draftVersion),
    quorate: result.quorate,
    passed: result.passed,
    resolution: {
      agreementType: facts.kind === 'wageAgreement' ? 'wage' : 'collective',
      body: row.body === 'workersCongress' ? 'congress' : 'assembly',
      sessionName: row.name,
      date: row.heldOn,
      place: row.place,
      ...(row.presiding ? { presiding: row.presiding } : {}),
      seats: result.totalSeats,
      present: result.present,
      threshold: result.thresholdRule === 'atLeastHalf' ? '半数以上' : '过半数',
      ballot: 'secret',
      items: result.items.map((i) => ({ title: i.title, yes: i.agree, no: i.disagree, abstain: i.abstain })),
      scrutineers: officersOf(row.scrutineers).map((o) => o.name),
      tellers: officersOf(row.tellers).map((o) => o.name),
      article: articles,
    },
  }
}

/**
 * Closes a session and, when its result is complete, certifies it. Safe to call any number of times, from any
 * number of processes: the ballots are counted once and the case receives the result once. An explicit close
 * before the window opens is refused (cancel the session instead).
 */
export async function closeSession(
  ctx: TCongressContext,
  sessionId: string,
  actor: TActor,
  reason: TCloseReason = 'explicit',
): Promise<TSessionView> {
  const now = ctx.now()
  const row = await ctx.db.transaction(function* () {
    const row = yield* loadSession(ctx.provider, sessionId, 'update')
    if (row.status === 'cancelled') {
      throw congressError('TRANSITION_NOT_ALLOWED', 'SESSION_CANCELLED', { zh: '该表决会议已取消。', en: 'the session was cancelled' }, { sessionId })
    }
    if (reason === 'explicit' && row.status === 'open' && now < row.opensAt) throw votingNotOpenError(row)
    yield* closeVotingProgram(row, now, reason, actor.id)
    yield* tallyProgram(ctx, sessionId, now)
    return yield* loadSession(ctx.provider, sessionId)
  })
  // The timer does not retry a refused certification by itself; an explicit close does.
  if (row.status === 'closed' && row.result && (reason === 'explicit' || !row.certifyError)) await certify(ctx, sessionId)
  return ctx.db.read(function* () {
    return yield* sessionView(yield* loadSession(ctx.provider, sessionId))
  })
}

/**
 * The workers' congress vote (issue 4): roster, sessions, attendance, secret ballot (online and paper), receipts,
 * close, tally and certification to the case. Commands and queries for the HTTP routes; every input is validated
 * here (zod), every failure is an AppError with a zh+en message and `details.reason`.
 *
 *   const congress = createCongress({ engine, credentialKey })
 *   // union officer: roster, session
 *   await congress.setRoster(caseId, rosterInput, actor)               → TRosterView (warnings with articles)
 *   const { session, credentials } = await congress.convene(caseId, conveneInput, actor)
 *   // representative's phone, with the credential from the link or the printed code
 *   await congress.getBallotPage(credential) / congress.signIn(credential)
 *   const { receipt } = await congress.castBallot({ credential, choices: [{ itemId, choice: 'agree' }] })
 *   // tellers and scrutineers
 *   await congress.markAttendance(sessionId, representativeId, true, teller)
 *   await congress.issuePaperBallot(sessionId, representativeId, teller)
 *   await congress.enterPaperTally(sessionId, { ballotsCollected, items }, teller)
 *   await congress.confirmPaperTally(sessionId, scrutineer)
 *   // close (explicit; the timer closes at the end of the window or when everyone has voted)
 *   await congress.closeSession(sessionId, actor)                      → TSessionView with result and certification
 *   // main.ts: const stop = congress.startTimers(5_000, log)
 *
 * Secrecy: see ./secrecy.ts.
 */
import { systemActor, type TActor } from '../engine/actor.js'
import { startPoller } from '../engine/poller.js'
import { all, one } from '../db/sql.js'
import { createBallotBox } from './ballot-box.js'
import { certify, closeSession } from './close.js'
import { congressContext, type TCongressContext, type TCongressDeps } from './context.js'
import { receiptHash } from './credentials.js'
import { invalidField } from './errors.js'
import { remindNonVoters, remindProgram } from './reminders.js'
import { parseRoster, rosterViewProgram, setRosterProgram } from './roster.js'
import { cancelSession, convene, listSessionsProgram, reissueCredential } from './session.js'
import { loadSession, sessionView } from './store.js'
import type { TBallotAccepted, TCongressResult, TRosterView, TSessionView } from './types.js'
import {
  castBallot,
  confirmPaperTally,
  enterPaperTally,
  getBallotPage,
  issuePaperBallot,
  markAttendance,
  signIn,
} from './voting.js'

export type { TCongressDeps } from './context.js'
export type * from './types.js'
export type { TConvened } from './session.js'
export { openSealedToken, parseCredential, credentialHashOf } from './credentials.js'
export { compositionWarnings } from './composition.js'

export type TTimerCounts = { closed: number; reminded: number; certified: number }

export function createCongress(deps: TCongressDeps & { onError?: (e: unknown) => void }) {
  const ctx = congressContext(deps)
  const onError = deps.onError ?? (() => {})

  const view = (sessionId: string) =>
    ctx.db.read(function* () {
      return yield* sessionView(yield* loadSession(ctx.provider, sessionId))
    })

  /** After the last credential is used: close now (the timer would otherwise do it at its next tick). */
  const closeIfAllVoted = async (sessionId: string, allVoted: boolean) => {
    if (!allVoted) return
    try {
      await closeSession(ctx, sessionId, systemActor, 'allVoted')
    } catch (e) {
      onError(e) // the ballot is already counted; the timer closes the session later
    }
  }
  const box = createBallotBox(ctx, async (sessionIds) => {
    for (const id of sessionIds) await closeIfAllVoted(id, true)
  })

  return {
    // ---- roster ----
    /** Replaces the case's roster (representatives not listed become inactive). */
    async setRoster(caseId: string, input: unknown, actor: TActor): Promise<TRosterView> {
      const roster = parseRoster(input)
      const now = ctx.now()
      return ctx.db.transaction(() => setRosterProgram(caseId, roster, actor.id, now))
    },
    async getRoster(caseId: string): Promise<TRosterView> {
      return ctx.db.read(() => rosterViewProgram(caseId))
    },

    // ---- sessions ----
    convene: (caseId: string, input: unknown, actor: TActor) => convene(ctx, caseId, input, actor),
    reissueCredential: (
      sessionId: string,
      representativeId: string,
      actor: TActor,
      options?: { delivery?: 'return' | 'email' },
    ) => reissueCredential(ctx, sessionId, representativeId, actor, options),
    cancelSession: (sessionId: string, reason: string, actor: TActor) => cancelSession(ctx, sessionId, reason, actor),
    getSession: (sessionId: string): Promise<TSessionView> => view(sessionId),
    listSessions: (caseId: string): Promise<TSessionView[]> => ctx.db.read(() => listSessionsProgram(ctx, caseId)),

    // ---- attendance and ballots ----
    getBallotPage: (credential: string) => getBallotPage(ctx, credential),
    signIn: (credential: string) => signIn(ctx, credential),
    markAttendance: (sessionId: string, representativeId: string, present: boolean, actor: TActor) =>
      markAttendance(ctx, sessionId, representativeId, present, actor),
    /** An online ballot; answered once it is durably recorded (the box closes the session if it was the last). */
    async castBallot(input: unknown): Promise<TBallotAccepted> {
      const { allVoted: _allVoted, ...accepted } = await castBallot(ctx, box, input)
      return accepted
    },
    async issuePaperBallot(sessionId: string, representativeId: string, actor: TActor) {
      const r = await issuePaperBallot(ctx, sessionId, representativeId, actor)
      await closeIfAllVoted(sessionId, r.allVoted)
      return r.turnout
    },
    enterPaperTally: (sessionId: string, input: unknown, actor: TActor) => enterPaperTally(ctx, sessionId, input, actor),
    async confirmPaperTally(sessionId: string, actor: TActor): Promise<TSessionView> {
      const { tallied } = await confirmPaperTally(ctx, sessionId, actor)
      if (tallied) await certify(ctx, sessionId)
      return view(sessionId)
    },

    // ---- close, result ----
    closeSession: (sessionId: string, actor: TActor) => closeSession(ctx, sessionId, actor, 'explicit'),
    /** Retries sending a closed session's result to the case (e.g. after the case refused it). */
    async certifySession(sessionId: string): Promise<TSessionView> {
      await certify(ctx, sessionId)
      return view(sessionId)
    },
    remindNonVoters: (sessionId: string, actor: TActor) => remindNonVoters(ctx, sessionId, actor),
    /** The published result (null until the tally): counts per item, quorum, threshold, receipt hashes. */
    async getResult(sessionId: string): Promise<TCongressResult | null> {
      return (await view(sessionId)).result
    },
    /** Whether a receipt code's ballot is in the box, and in the published result once there is one. */
    async verifyReceipt(sessionId: string, receipt: string): Promise<{ receiptHash: string; counted: boolean; published: boolean }> {
      const hash = receiptHash(receipt)
      if (!hash) throw invalidField('receipt', '回执码格式不正确', 'not a receipt code')
      return ctx.db.read(function* () {
        const row = yield* loadSession(ctx.provider, sessionId)
        const found = yield* one<{ receiptHash: string }>(
          `SELECT "receiptHash" FROM "CongressReceipt" WHERE "sessionId" = ? AND "receiptHash" = ?`,
          [sessionId, hash],
        )
        const result = row.result ? (JSON.parse(row.result) as TCongressResult) : null
        return { receiptHash: hash, counted: !!found, published: !!result?.receiptHashes.includes(hash) }
      })
    },

    // ---- durable timers ----
    runTimers: (limit?: number) => runCongressTimers(ctx, limit),
    /** Polls every `intervalMs`; returns stop(). Safe with several processes (every step is idempotent). */
    startTimers(intervalMs: number, onTimerError: (e: unknown) => void) {
      return startPoller(() => runCongressTimers(ctx), intervalMs, onTimerError)
    },
  }
}

export type TCongress = ReturnType<typeof createCongress>

/**
 * Closes sessions whose window is over or whose every credential is used, sends scheduled reminders, and
 * certifies closed sessions whose result is complete and not yet sent. All state is in the database (closesAt,
 * reminderAt, status), so nothing is lost across restarts.
 */
export async function runCongressTimers(ctx: TCongressContext, limit = 100): Promise<TTimerCounts> {
  const now = ctx.now()
  const counts: TTimerCounts = { closed: 0, reminded: 0, certified: 0 }
  const due = await ctx.db.read(function* () {
    return yield* all<{ id: string; closesAt: string }>(
      `SELECT s."id", s."closesAt" FROM "CongressSession" s
       WHERE s."status" = 'open' AND (s."closesAt" <= ? OR NOT EXISTS (
         SELECT 1 FROM "CongressCredential" c WHERE c."sessionId" = s."id" AND c."usedVia" IS NULL))
       ORDER BY s."closesAt" LIMIT ?`,
      [now, limit],
    )
  })
  for (const s of due) {
    const v = await closeSession(ctx, s.id, systemActor, s.closesAt <= now ? 'window' : 'allVoted')
    if (v.status !== 'open') counts.closed++
    if (v.status === 'certified') counts.certified++
  }
  const reminders = await ctx.db.read(function* () {
    return yield* all<{ id: string }>(
      `SELECT "id" FROM "CongressSession" WHERE "status" = 'open' AND "reminderAt" IS NOT NULL AND "remindedAt" IS NULL
         AND "reminderAt" <= ? AND "closesAt" > ? ORDER BY "reminderAt" LIMIT ?`,
      [now, now, limit],
    )
  })
  for (const s of reminders) counts.reminded += await ctx.db.transaction(() => remindProgram(ctx, s.id, now, true))
  const pending = await ctx.db.read(function* () {
    return yield* all<{ id: string }>(
      `SELECT "id" FROM "CongressSession" WHERE "status" = 'closed' AND "result" IS NOT NULL AND "certifyError" IS NULL
       ORDER BY "closedAt" LIMIT ?`,
      [limit],
    )
  })
  for (const s of pending) {
    await certify(ctx, s.id)
    if ((await ctx.db.read(() => loadSession(ctx.provider, s.id))).status === 'certified') counts.certified++
  }
  return counts
}

/**
 * Attendance, online ballots and paper ballots. A credential is used once, online or on paper: the write that
 * marks it used is conditional (`WHERE "usedVia" IS NULL`) and in the same transaction as the counts, so of any
 * number of simultaneous submissions exactly one is counted (SQLite: BEGIN IMMEDIATE serialises them; PostgreSQL:
 * the row lock makes the others re-check the condition and find it false).
 *
 * On PostgreSQL every write here holds a share lock on its session row until commit and the close takes an
 * exclusive one, so the close waits for the writes in flight and none is accepted after it: every receipt handed
 * out is in the tally, and the attendance counted is the attendance recorded.
 */
import type { TActor } from '../engine/actor.js'
import { one, run, type TSql } from '../db/sql.js'
import type { TCongressContext } from './context.js'
import { credentialHashOf, newReceipt } from './credentials.js'
import { congressError, invalidField, parseInput } from './errors.js'
import type { TBallotBox } from './ballot-box.js'
import { closeVotingProgram, tallyProgram } from './close.js'
import { credentialNotFound } from './session.js'
import {
  alreadyUsedError,
  anyUnused,
  bool,
  invalidCredentialError,
  itemsOf,
  loadSession,
  paperTallyOf,
  requireOfficer,
  sessionView,
  turnoutOf,
  votingClosedError,
  votingNotOpenError,
  windowAt,
  type TSessionRow,
} from './store.js'
import {
  ZBallotInputSchema,
  ZPaperTallyInputSchema,
  type TBallotAccepted,
  type TBallotPage,
  type TSessionView,
} from './types.js'

type TCredentialRow = {
  id: string
  sessionId: string
  representativeId: string
  present: boolean | number
  usedVia: 'online' | 'paper' | null
  name: string
}

function* credentialByToken(credential: string): TSql<TCredentialRow> {
  const hash = credentialHashOf(credential)
  if (!hash) throw invalidCredentialError()
  const row = yield* one<TCredentialRow>(
    `SELECT c."id", c."sessionId", c."representativeId", c."present", c."usedVia", r."name"
     FROM "CongressCredential" c JOIN "CongressRepresentative" r ON r."id" = c."representativeId"
     WHERE c."tokenHash" = ?`,
    [hash],
  )
  if (!row) throw invalidCredentialError()
  return row
}

function ballotPage(row: TSessionRow, cred: TCredentialRow, now: string): TBallotPage {
  return {
    session: {
      id: row.id,
      name: row.name,
      body: row.body,
      heldOn: row.heldOn,
      place: row.place,
      online: bool(row.online),
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      documentSha256: row.documentSha256,
      status: row.status,
      items: itemsOf(row).map((i) => ({ id: i.id, title: i.title })),
    },
    representative: { name: cred.name },
    window: windowAt(row, now),
    present: bool(cred.present),
    usedVia: cred.usedVia,
  }
}

/** What the phone page shows for a credential (read only). */
export async function getBallotPage(ctx: TCongressContext, credential: string): Promise<TBallotPage> {
  const now = ctx.now()
  return ctx.db.read(function* () {
    const cred = yield* credentialByToken(credential)
    const row = yield* loadSession(ctx.provider, cred.sessionId)
    return ballotPage(row, cred, now)
  })
}

/** Online sign-in with the credential: the representative is present (JHR 36 quorum), until the window ends. */
export async function signIn(ctx: TCongressContext, credential: string): Promise<TBallotPage> {
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    const cred = yield* credentialByToken(credential)
    const row = yield* loadSession(ctx.provider, cred.sessionId, 'share')
    if (row.status !== 'open' || now >= row.closesAt) throw votingClosedError(row)
    yield* run(
      `UPDATE "CongressCredential" SET "present" = ?, "presentVia" = COALESCE("presentVia", 'online') WHERE "id" = ?`,
      [true, cred.id],
    )
    return ballotPage(row, { ...cred, present: true }, now)
  })
}

/** A teller (计票人) records a representative present or absent at the sitting, until the window ends. */
export async function markAttendance(
  ctx: TCongressContext,
  sessionId: string,
  representativeId: string,
  present: boolean,
  actor: TActor,
): Promise<TSessionView['turnout']> {
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    const row = yield* loadSession(ctx.provider, sessionId, 'share')
    requireOfficer(row, 'tellers', actor.id)
    if (row.status !== 'open' || now >= row.closesAt) throw votingClosedError(row)
    const cred = yield* one<{ id: string; usedVia: string | null }>(
      `SELECT "id", "usedVia" FROM "CongressCredential" WHERE "sessionId" = ? AND "representativeId" = ?`,
      [sessionId, representativeId],
    )
    if (!cred) throw credentialNotFound(sessionId, representativeId)
    if (!present && cred.usedVia) {
      throw congressError(
        'TRANSITION_NOT_ALLOWED',
        'VOTER_WAS_PRESENT',
        { zh: 'present：该代表已投票，不能登记为缺席。', en: 'present: this representative has voted and cannot be marked absent' },
        { sessionId, representativeId },
      )
    }
    yield* run(`UPDATE "CongressCredential" SET "present" = ?, "presentVia" = ? WHERE "id" = ?`, [
      present,
      present ? 'teller' : null,
      cred.id,
    ])
    return yield* turnoutOf(sessionId)
  })
}

/**
 * Casts an online secret ballot through the ballot box (./ballot-box.ts: batched, one credential one ballot).
 * Returns a receipt code, shown once; its hash is published with the result. The caller learns nothing else: the
 * counts are not shown before the close.
 */
export async function castBallot(
  ctx: TCongressContext,
  box: TBallotBox,
  input: unknown,
): Promise<TBallotAccepted & { allVoted: boolean }> {
  const ballot = parseInput(ZBallotInputSchema, input, { zh: '选票', en: 'ballot' })
  const credentialHash = credentialHashOf(ballot.credential)
  if (!credentialHash) throw invalidCredentialError()
  const receipt = newReceipt(ctx.random)
  const recorded = await box.submit({ credentialHash, choices: ballot.choices, receiptHash: receipt.hash })
  return { sessionId: recorded.sessionId, receipt: receipt.code, receiptHash: receipt.hash, allVoted: recorded.allVoted }
}

/**
 * A teller hands a representative a paper ballot: the credential is used on paper (it can no longer vote online,
 * and a representative who voted online gets no paper ballot) and the representative is present.
 */
export async function issuePaperBallot(
  ctx: TCongressContext,
  sessionId: string,
  representativeId: string,
  actor: TActor,
): Promise<{ allVoted: boolean; turnout: TSessionView['turnout'] }> {
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    const row = yield* loadSession(ctx.provider, sessionId, 'share')
    requireOfficer(row, 'tellers', actor.id)
    const window = windowAt(row, now)
    if (window === 'notOpenYet') throw votingNotOpenError(row)
    if (window === 'closed') throw votingClosedError(row)
    const cred = yield* one<{ id: string; usedVia: string | null }>(
      `SELECT "id", "usedVia" FROM "CongressCredential" WHERE "sessionId" = ? AND "representativeId" = ?`,
      [sessionId, representativeId],
    )
    if (!cred) throw credentialNotFound(sessionId, representativeId)
    if (cred.usedVia) throw alreadyUsedError(cred.usedVia)
    const marked = yield* run(
      `UPDATE "CongressCredential" SET "usedVia" = 'paper', "present" = ?, "presentVia" = COALESCE("presentVia", 'teller')
       WHERE "id" = ? AND "usedVia" IS NULL`,
      [true, cred.id],
    )
    if (marked !== 1) {
      const again = yield* one<{ usedVia: string | null }>(`SELECT "usedVia" FROM "CongressCredential" WHERE "id" = ?`, [cred.id])
      throw alreadyUsedError(again?.usedVia ?? null)
    }
    return { allVoted: !(yield* anyUnused(sessionId)), turnout: yield* turnoutOf(sessionId) }
  })
}

/**
 * A teller enters the paper ballots' totals per item, after voting ended (ending it first if its window is
 * over). They count only once a scrutineer, another user, confirms them; until then they may be entered again.
 */
export async function enterPaperTally(
  ctx: TCongressContext,
  sessionId: string,
  input: unknown,
  actor: TActor,
): Promise<TSessionView> {
  const tally = parseInput(ZPaperTallyInputSchema, input, { zh: '纸质选票计票结果', en: 'paper tally' })
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    let row = yield* loadSession(ctx.provider, sessionId, 'update')
    requireOfficer(row, 'tellers', actor.id)
    if (yield* closeVotingProgram(row, now, 'window', null)) row = yield* loadSession(ctx.provider, sessionId)
    if (row.status !== 'closed') {
      if (row.status === 'open') {
        throw congressError(
          'TRANSITION_NOT_ALLOWED',
          'VOTING_STILL_OPEN',
          { zh: '投票尚未结束，不能录入纸质选票计票结果。', en: 'voting is still open; paper ballots are counted after it ends' },
          { sessionId, closesAt: row.closesAt },
        )
      }
      throw congressError(
        'TRANSITION_NOT_ALLOWED',
        row.status === 'certified' ? 'SESSION_CERTIFIED' : 'SESSION_CANCELLED',
        { zh: '表决结果已认证或会议已取消。', en: 'the result is certified or the session was cancelled' },
        { sessionId },
      )
    }
    const turnout = yield* turnoutOf(sessionId)
    if (turnout.votedPaper === 0) {
      throw congressError('TRANSITION_NOT_ALLOWED', 'NO_PAPER_BALLOTS', {
        zh: '本次会议没有发放纸质选票。',
        en: 'no paper ballot was handed out in this session',
      })
    }
    const existing = yield* paperTallyOf(sessionId)
    if (existing?.confirmedBy) {
      throw congressError('TRANSITION_NOT_ALLOWED', 'PAPER_TALLY_CONFIRMED', {
        zh: '纸质选票计票结果已由监票人确认，不能修改。',
        en: 'the paper tally was confirmed by a scrutineer and cannot be changed',
      })
    }
    if (tally.ballotsCollected > turnout.votedPaper) {
      throw invalidField(
        'ballotsCollected',
        `收回${tally.ballotsCollected}张，多于发出的${turnout.votedPaper}张`,
        `${tally.ballotsCollected} collected is more than the ${turnout.votedPaper} handed out`,
      )
    }
    const items = itemsOf(row)
    const seen = new Set<string>()
    tally.items.forEach((it, i) => {
      if (!items.some((x) => x.id === it.itemId)) throw invalidField(`items.${i}.itemId`, `没有这个表决事项：${it.itemId}`, `no such item: ${it.itemId}`)
      if (seen.has(it.itemId)) throw invalidField(`items.${i}.itemId`, `事项重复：${it.itemId}`, `item ${it.itemId} listed twice`)
      seen.add(it.itemId)
      const sum = it.agree + it.disagree + it.abstain
      if (sum > tally.ballotsCollected) {
        throw invalidField(`items.${i}`, `票数合计${sum}，多于收回的${tally.ballotsCollected}张`, `${sum} votes is more than the ${tally.ballotsCollected} ballots collected`)
      }
    })
    const missing = items.filter((x) => !seen.has(x.id))
    if (missing.length) throw invalidField('items', `缺少事项：${missing.map((m) => m.id).join('、')}`, `missing items: ${missing.map((m) => m.id).join(', ')}`)
    const counts = JSON.stringify(items.map((x) => tally.items.find((t) => t.itemId === x.id)!))
    if (existing) {
      yield* run(
        `UPDATE "CongressPaperTally" SET "ballotsCollected" = ?, "counts" = ?, "enteredBy" = ?, "enteredAt" = ? WHERE "sessionId" = ? AND "confirmedBy" IS NULL`,
        [tally.ballotsCollected, counts, actor.id, now, sessionId],
      )
    } else {
      yield* run(
        `INSERT INTO "CongressPaperTally" ("sessionId", "ballotsCollected", "counts", "enteredBy", "enteredAt") VALUES (?, ?, ?, ?, ?)`,
        [sessionId, tally.ballotsCollected, counts, actor.id, now],
      )
    }
    return yield* sessionView(yield* loadSession(ctx.provider, sessionId))
  })
}

/** A scrutineer (监票人) other than the teller who entered it confirms the paper tally; the result is then computed. */
export async function confirmPaperTally(ctx: TCongressContext, sessionId: string, actor: TActor): Promise<{ tallied: boolean }> {
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    const row = yield* loadSession(ctx.provider, sessionId, 'update')
    requireOfficer(row, 'scrutineers', actor.id)
    const paper = yield* paperTallyOf(sessionId)
    if (!paper) {
      throw congressError('TRANSITION_NOT_ALLOWED', 'NO_PAPER_TALLY', {
        zh: '计票人尚未录入纸质选票计票结果。',
        en: 'no paper tally has been entered yet',
      })
    }
    if (paper.confirmedBy) return { tallied: yield* tallyProgram(ctx, sessionId, now) }
    if (paper.enteredBy === actor.id) {
      throw congressError(
        'FORBIDDEN',
        'SAME_PERSON',
        { zh: '录入计票结果的人不能自己确认，须由另一位监票人确认。', en: 'the person who entered the tally cannot confirm it; another person must' },
        { sessionId },
      )
    }
    yield* run(`UPDATE "CongressPaperTally" SET "confirmedBy" = ?, "confirmedAt" = ? WHERE "sessionId" = ? AND "confirmedBy" IS NULL`, [
      actor.id,
      now,
      sessionId,
    ])
    return { tallied: yield* tallyProgram(ctx, sessionId, now) }
  })
}

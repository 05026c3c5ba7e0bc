/**
 * Convening a session of the congress to vote on a draft: the window, the items, the officers; the ballot counts
 * start at zero and every active representative receives a single-use credential, in the same transaction.
 */
import crypto from 'node:crypto'
import type { TActor } from '../engine/actor.js'
import { getCase } from '../engine/queries.js'
import { all, one, run, type TSql } from '../db/sql.js'
import type { TCongressContext } from './context.js'
import { newCredential, sealToken } from './credentials.js'
import { resealCounts, sealKeyOf } from './count-seal.js'
import { congressError, invalidField, parseInput } from './errors.js'
import { activeRepresentatives, loadRoster, rosterViewProgram } from './roster.js'
import {
  alreadyUsedError,
  loadCaseFacts,
  loadSession,
  lockClause,
  sessionView,
  votingClosedError,
} from './store.js'
import {
  CHOICES,
  ZConveneInputSchema,
  type TCompositionWarning,
  type TIssuedCredential,
  type TSessionView,
} from './types.js'

export type TConvened = {
  session: TSessionView
  /** Shown once: only their hashes are stored. Those emailed (delivery 'email') are not in this list. */
  credentials: TIssuedCredential[]
  /** Representatives whose credential went to the outbox as `notify.voteCredential`. */
  emailed: number
  /** The roster's composition warnings, and whether the case accepts a congress result now. */
  warnings: TCompositionWarning[]
}

const iso = (s: string) => new Date(s).toISOString()

function parseConvene(input: unknown, now: string) {
  const c = parseInput(ZConveneInputSchema, input, { zh: '表决会议', en: 'congress session' })
  const opensAt = iso(c.opensAt)
  const closesAt = iso(c.closesAt)
  const reminderAt = c.reminderAt ? iso(c.reminderAt) : null
  if (closesAt <= opensAt) throw invalidField('closesAt', '截止时间应晚于开始时间', 'must be after opensAt')
  if (closesAt <= now) throw invalidField('closesAt', '截止时间已过', 'is already past')
  if (reminderAt !== null && (reminderAt < opensAt || reminderAt >= closesAt)) {
    throw invalidField('reminderAt', '提醒时间应在投票期间内', 'must fall within the voting window')
  }
  const itemIds = new Set<string>()
  c.items.forEach((item, i) => {
    if (itemIds.has(item.id)) throw invalidField(`items.${i}.id`, `表决事项编号重复：${item.id}`, `duplicate item id ${item.id}`)
    itemIds.add(item.id)
  })
  // 监票人 and 计票人 check each other: one person may not be both, and neither may stand in the vote.
  const tellerUsers = new Set(c.tellers.map((t) => t.userId).filter((u): u is string => !!u))
  c.scrutineers.forEach((s, i) => {
    if (s.userId && tellerUsers.has(s.userId)) {
      throw invalidField(`scrutineers.${i}.userId`, '监票人不能同时担任计票人', 'a scrutineer may not also be a teller')
    }
  })
  const candidates = new Set(c.items.flatMap((item) => item.candidates ?? []))
  for (const kind of ['scrutineers', 'tellers'] as const) {
    c[kind].forEach((o, i) => {
      if (o.representativeId && candidates.has(o.representativeId)) {
        throw invalidField(
          `${kind}.${i}.representativeId`,
          `${kind === 'tellers' ? '计票人' : '监票人'}不能是本次表决的候选人`,
          `a ${kind === 'tellers' ? 'teller' : 'scrutineer'} may not be a candidate of the vote`,
        )
      }
    })
  }
  return { ...c, opensAt, closesAt, reminderAt, candidates }
}

export async function convene(
  ctx: TCongressContext,
  caseId: string,
  input: unknown,
  actor: TActor,
): Promise<TConvened> {
  const now = ctx.now()
  const c = parseConvene(input, now)
  if (c.delivery === 'email' && !ctx.credentialKey) {
    throw invalidField('delivery', '未配置凭证加密密钥，不能通过邮件发送投票凭证', 'no credential key is configured, so credentials cannot be emailed')
  }
  const sessionId = crypto.randomUUID()
  const out = await ctx.db.transaction(function* () {
    const facts = yield* loadCaseFacts(caseId)
    const roster = yield* loadRoster(caseId)
    const reps = yield* activeRepresentatives(caseId)
    if (reps.length === 0) {
      throw congressError('TRANSITION_NOT_ALLOWED', 'ROSTER_EMPTY', { zh: '职工代表名单为空', en: 'the congress roster is empty' })
    }
    const onRoster = new Set(reps.map((r) => r.id))
    for (const kind of ['scrutineers', 'tellers'] as const) {
      c[kind].forEach((o, i) => {
        if (o.representativeId && !onRoster.has(o.representativeId)) {
          throw invalidField(`${kind}.${i}.representativeId`, '不在职工代表名单上', 'is not on the roster')
        }
      })
    }
    c.items.forEach((item, i) =>
      (item.candidates ?? []).forEach((id, j) => {
        if (!onRoster.has(id)) throw invalidField(`items.${i}.candidates.${j}`, '不在职工代表名单上', 'is not on the roster')
      }),
    )
    // Two convenings of one case at once (PostgreSQL): the roster row lock makes the second see the first session.
    yield* one(`SELECT "caseId" FROM "CongressRoster" WHERE "caseId" = ?${lockClause(ctx.provider, 'update')}`, [caseId])
    const running = yield* one<{ id: string }>(
      `SELECT "id" FROM "CongressSession" WHERE "caseId" = ? AND "status" IN ('open', 'closed') LIMIT 1`,
      [caseId],
    )
    if (running) {
      throw congressError(
        'TRANSITION_NOT_ALLOWED',
        'SESSION_IN_PROGRESS',
        {
          zh: '本案件已有尚未认证的表决会议，请先完成或取消该会议。',
          en: 'this case already has a session that is not certified; finish or cancel it first',
        },
        { sessionId: running.id },
      )
    }
    const draft = draftOf(facts.snapshot)
    const draftVersion = draft?.version ?? null
    if (draft?.agreedOn && c.heldOn < draft.agreedOn) {
      throw invalidField(
        'heldOn',
        `表决日期不能早于草案形成日期（${draft.agreedOn}）`,
        `the sitting cannot be before the draft was agreed (${draft.agreedOn})`,
      )
    }
    const documents = yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Document" WHERE "caseId" = ?`, [caseId])
    const sameDocument = yield* one<{ id: string }>(`SELECT "id" FROM "Document" WHERE "caseId" = ? AND "sha256" = ? LIMIT 1`, [
      caseId,
      c.documentSha256,
    ])
    const documentWarning = Number(documents?.n ?? 0) > 0 && !sameDocument
    yield* run(
      `INSERT INTO "CongressSession" ("id", "caseId", "status", "name", "body", "totalSeats", "jurisdiction", "heldOn", "place",
         "online", "opensAt", "closesAt", "documentSha256", "draftVersion", "items", "scrutineers", "tellers", "presiding",
         "reminderAt", "convenedBy", "createdAt", "updatedAt")
       VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        sessionId,
        caseId,
        c.name,
        roster.body,
        Number(roster.totalSeats),
        facts.jurisdiction,
        c.heldOn,
        c.place,
        c.online,
        c.opensAt,
        c.closesAt,
        c.documentSha256,
        draftVersion,
        JSON.stringify(c.items),
        JSON.stringify(c.scrutineers),
        JSON.stringify(c.tellers),
        c.presiding ?? null,
        c.reminderAt,
        actor.id,
        now,
        now,
      ],
    )
    // The ballot box: counts only, one row per item and choice, all created now (see ./secrecy.ts).
    for (const item of c.items) {
      for (const choice of CHOICES) {
        yield* run(`INSERT INTO "CongressBallotCount" ("sessionId", "itemId", "choice", "count") VALUES (?, ?, ?, 0)`, [
          sessionId,
          item.id,
          choice,
        ])
      }
    }
    yield* resealCounts(sealKeyOf(ctx.credentialKey), sessionId)
    const credentials: TIssuedCredential[] = []
    let emailed = 0
    for (const rep of reps) {
      const credentialId = crypto.randomUUID()
      const cred = newCredential(ctx.random)
      yield* run(
        `INSERT INTO "CongressCredential" ("id", "sessionId", "representativeId", "tokenHash", "present", "presentVia", "usedVia")
         VALUES (?, ?, ?, ?, ?, NULL, NULL)`,
        [credentialId, sessionId, rep.id, cred.hash, false],
      )
      if (c.delivery === 'email' && rep.email) {
        yield* enqueueCredential(ctx, { sessionId, caseId, credentialId, rep, token: cred.token, session: c, now })
        emailed++
      } else {
        credentials.push({ representativeId: rep.id, name: rep.name, token: cred.token, code: cred.code })
      }
    }
    const rosterView = yield* rosterViewProgram(caseId)
    const session = yield* sessionView(yield* loadSession(ctx.provider, sessionId))
    const warnings: TCompositionWarning[] = [...rosterView.warnings]
    if (documentWarning) {
      warnings.push({
        code: 'DOCUMENT_NOT_ON_CASE',
        article: 'JHR 36',
        field: 'documentSha256',
        message: {
          zh: '表决所用文本的哈希值与本案件已存档的任何文件都不相符，请核对提交表决的草案文本。',
          en: 'the hash of the text voted on matches no document stored on this case; check the draft put to the vote',
        },
      })
    }
    return { session, credentials, emailed, warnings }
  })
  const warnings = [...out.warnings]
  try {
    const view = await getCase(ctx.db, caseId)
    if (!view.allowedEvents.includes('congress.resultCertified')) {
      warnings.push({
        code: 'CASE_NOT_AWAITING_VOTE',
        article: 'JHR 36',
        message: {
          zh: '案件当前状态不接受职工代表大会表决结果；表决结果将在案件进入表决阶段后才能认证。',
          en: 'the case does not accept a congress result in its current state; the result can be certified only once it does',
        },
      })
    }
  } catch {
    // The case view is advice here; the certification itself re-checks through the engine.
  }
  return { ...out, warnings }
}

/** The case's current draft (version, agreement date) from its stored snapshot, if it has one. */
export function draftOf(snapshot: string): { version: number | null; agreedOn: string | null } | null {
  try {
    const d = (JSON.parse(snapshot) as { context?: { draft?: { version?: unknown; agreedOn?: unknown } } }).context?.draft
    if (!d) return null
    return {
      version: typeof d.version === 'number' ? d.version : null,
      agreedOn: typeof d.agreedOn === 'string' ? d.agreedOn : null,
    }
  } catch {
    return null
  }
}

function* enqueueCredential(
  ctx: TCongressContext,
  a: {
    sessionId: string
    caseId: string
    credentialId: string
    rep: { id: string; name: string; email: string | null }
    token: string
    session: { name: string; heldOn: string; place: string; opensAt: string; closesAt: string }
    now: string
  },
): TSql<void> {
  yield* run(
    `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
     VALUES (?, ?, NULL, 'notify.voteCredential', ?, 'pending', 0, ?, ?)`,
    [
      crypto.randomUUID(),
      a.caseId,
      JSON.stringify({
        sessionId: a.sessionId,
        caseId: a.caseId,
        credentialId: a.credentialId,
        representativeId: a.rep.id,
        name: a.rep.name,
        email: a.rep.email,
        sessionName: a.session.name,
        heldOn: a.session.heldOn,
        place: a.session.place,
        opensAt: a.session.opensAt,
        closesAt: a.session.closesAt,
        // Opened by the mail handler with openSealedToken(credentialKey, sealedToken, credentialId).
        sealedToken: sealToken(ctx.credentialKey!, a.token, a.credentialId),
      }),
      a.now,
      a.now,
    ],
  )
}

/**
 * A new credential for a representative who lost theirs, while voting is open and theirs is unused: the old one
 * stops working at once.
 */
export async function reissueCredential(
  ctx: TCongressContext,
  sessionId: string,
  representativeId: string,
  _actor: TActor,
  options: { delivery?: 'return' | 'email' } = {},
): Promise<{ credential: TIssuedCredential | null; emailed: boolean }> {
  const delivery = options.delivery ?? 'return'
  if (delivery === 'email' && !ctx.credentialKey) {
    throw invalidField('delivery', '未配置凭证加密密钥', 'no credential key is configured')
  }
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    const row = yield* loadSession(ctx.provider, sessionId, 'share')
    if (row.status !== 'open' || now >= row.closesAt) throw votingClosedError(row)
    const cred = yield* one<{ id: string; usedVia: string | null; name: string; email: string | null }>(
      `SELECT c."id", c."usedVia", r."name", r."email" FROM "CongressCredential" c
       JOIN "CongressRepresentative" r ON r."id" = c."representativeId"
       WHERE c."sessionId" = ? AND c."representativeId" = ?`,
      [sessionId, representativeId],
    )
    if (!cred) throw credentialNotFound(sessionId, representativeId)
    const fresh = newCredential(ctx.random)
    const changed = yield* run(`UPDATE "CongressCredential" SET "tokenHash" = ? WHERE "id" = ? AND "usedVia" IS NULL`, [
      fresh.hash,
      cred.id,
    ])
    if (changed !== 1) throw alreadyUsedError(cred.usedVia)
    if (delivery === 'email') {
      if (!cred.email) throw invalidField('delivery', '该代表没有登记电子邮箱', 'the representative has no email address')
      yield* enqueueCredential(ctx, {
        sessionId,
        caseId: row.caseId,
        credentialId: cred.id,
        rep: { id: representativeId, name: cred.name, email: cred.email },
        token: fresh.token,
        session: row,
        now,
      })
      return { credential: null, emailed: true }
    }
    return { credential: { representativeId, name: cred.name, token: fresh.token, code: fresh.code }, emailed: false }
  })
}

export const credentialNotFound = (sessionId: string, representativeId: string) =>
  congressError(
    'NOT_FOUND',
    'REPRESENTATIVE_NOT_IN_SESSION',
    {
      zh: `representativeId：该代表不在本次会议的名单上（${representativeId}）`,
      en: `representativeId: not on this session's roster (${representativeId})`,
    },
    { sessionId, representativeId },
  )

/** Cancels a session that is not certified (e.g. convened in error); its ballots are never counted. */
export async function cancelSession(
  ctx: TCongressContext,
  sessionId: string,
  reason: string,
  actor: TActor,
): Promise<TSessionView> {
  if (!reason.trim()) throw invalidField('reason', '请填写取消原因', 'a reason is required')
  const now = ctx.now()
  return ctx.db.transaction(function* () {
    const row = yield* loadSession(ctx.provider, sessionId, 'update')
    if (row.status === 'certified' || row.status === 'cancelled') {
      throw congressError(
        'TRANSITION_NOT_ALLOWED',
        row.status === 'certified' ? 'SESSION_CERTIFIED' : 'SESSION_CANCELLED',
        {
          zh: row.status === 'certified' ? '表决结果已认证，不能取消。' : '该表决会议已取消。',
          en: row.status === 'certified' ? 'the result is certified and cannot be cancelled' : 'the session is already cancelled',
        },
        { sessionId },
      )
    }
    yield* run(
      `UPDATE "CongressSession" SET "status" = 'cancelled', "cancelReason" = ?, "closedAt" = COALESCE("closedAt", ?),
         "closedBy" = COALESCE("closedBy", ?), "updatedAt" = ? WHERE "id" = ?`,
      [reason.trim().slice(0, 2_000), now, actor.id, now, sessionId],
    )
    return yield* sessionView(yield* loadSession(ctx.provider, sessionId))
  })
}

export function* listSessionsProgram(ctx: Pick<TCongressContext, 'provider'>, caseId: string): TSql<TSessionView[]> {
  const ids = yield* all<{ id: string }>(`SELECT "id" FROM "CongressSession" WHERE "caseId" = ? ORDER BY "createdAt", "id"`, [caseId])
  const out: TSessionView[] = []
  for (const { id } of ids) out.push(yield* sessionView(yield* loadSession(ctx.provider, id)))
  return out
}

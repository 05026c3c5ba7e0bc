/**
 * Rows, SQL helpers and views shared by the congress commands. SQL programs (src/db/sql.ts) run in one transaction
 * on SQLite or PostgreSQL; PostgreSQL row locks are added where concurrent writers must be ordered (on SQLite a
 * transaction is BEGIN IMMEDIATE, so writers are serialised anyway).
 */
import crypto from 'node:crypto'
import type { TProvider } from '../db/schema-files.js'
import { all, one, run, type TSql } from '../db/sql.js'
import { congressError } from './errors.js'
import type {
  TBody,
  TCongressResult,
  TItem,
  TOfficer,
  TPaperTallyView,
  TSessionStatus,
  TSessionView,
} from './types.js'

export const bool = (v: unknown): boolean => v === true || v === 1 || v === '1'

export type TSessionRow = {
  id: string
  caseId: string
  status: TSessionStatus
  name: string
  body: TBody
  totalSeats: number
  jurisdiction: string
  heldOn: string
  place: string
  online: boolean | number
  opensAt: string
  closesAt: string
  documentSha256: string
  draftVersion: number | null
  items: string
  scrutineers: string
  tellers: string
  presiding: string | null
  reminderAt: string | null
  remindedAt: string | null
  convenedBy: string | null
  closedAt: string | null
  closedBy: string | null
  closeReason: 'window' | 'explicit' | 'allVoted' | null
  cancelReason: string | null
  result: string | null
  certifiedAt: string | null
  certifiedSeq: number | null
  certifyError: string | null
  createdAt: string
  updatedAt: string
}

const SESSION_COLUMNS = `"id", "caseId", "status", "name", "body", "totalSeats", "jurisdiction", "heldOn", "place", "online",
  "opensAt", "closesAt", "documentSha256", "draftVersion", "items", "scrutineers", "tellers", "presiding", "reminderAt",
  "remindedAt", "convenedBy", "closedAt", "closedBy", "closeReason", "cancelReason", "result", "certifiedAt",
  "certifiedSeq", "certifyError", "createdAt", "updatedAt"`

export type TLock = 'none' | 'share' | 'update'

/** A row-lock clause for PostgreSQL; SQLite transactions already hold the write lock. */
export function lockClause(provider: TProvider, lock: TLock): string {
  if (provider !== 'postgresql' || lock === 'none') return ''
  return lock === 'share' ? ' FOR SHARE' : ' FOR UPDATE'
}

export const sessionNotFound = (sessionId: string) =>
  congressError(
    'NOT_FOUND',
    'SESSION_NOT_FOUND',
    { zh: `表决会议不存在：${sessionId}`, en: `congress session not found: ${sessionId}` },
    { sessionId },
  )

export function* loadSession(provider: TProvider, sessionId: string, lock: TLock = 'none'): TSql<TSessionRow> {
  const row = yield* one<TSessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM "CongressSession" WHERE "id" = ?${lockClause(provider, lock)}`,
    [sessionId],
  )
  if (!row) throw sessionNotFound(sessionId)
  return row
}

export const itemsOf = (row: Pick<TSessionRow, 'items'>): TItem[] => JSON.parse(row.items) as TItem[]
export const officersOf = (json: string): TOfficer[] => JSON.parse(json) as TOfficer[]

export type TTurnout = TSessionView['turnout']

export function* turnoutOf(sessionId: string): TSql<TTurnout> {
  const r = yield* one<{ credentials: number; present: number; online: number; paper: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS "credentials",
       CAST(COALESCE(SUM(CASE WHEN "present" THEN 1 ELSE 0 END), 0) AS INTEGER) AS "present",
       CAST(COALESCE(SUM(CASE WHEN "usedVia" = 'online' THEN 1 ELSE 0 END), 0) AS INTEGER) AS "online",
       CAST(COALESCE(SUM(CASE WHEN "usedVia" = 'paper' THEN 1 ELSE 0 END), 0) AS INTEGER) AS "paper"
     FROM "CongressCredential" WHERE "sessionId" = ?`,
    [sessionId],
  )
  const c = { credentials: Number(r?.credentials ?? 0), present: Number(r?.present ?? 0) }
  const online = Number(r?.online ?? 0)
  const paper = Number(r?.paper ?? 0)
  return { ...c, votedOnline: online, votedPaper: paper, notVoted: c.credentials - online - paper }
}

type TPaperRow = {
  ballotsCollected: number
  counts: string
  enteredBy: string
  enteredAt: string
  confirmedBy: string | null
  confirmedAt: string | null
}

export function* paperTallyOf(sessionId: string): TSql<TPaperTallyView | null> {
  const row = yield* one<TPaperRow>(
    `SELECT "ballotsCollected", "counts", "enteredBy", "enteredAt", "confirmedBy", "confirmedAt"
     FROM "CongressPaperTally" WHERE "sessionId" = ?`,
    [sessionId],
  )
  if (!row) return null
  return {
    ballotsCollected: Number(row.ballotsCollected),
    items: JSON.parse(row.counts) as TPaperTallyView['items'],
    enteredBy: row.enteredBy,
    enteredAt: row.enteredAt,
    confirmedBy: row.confirmedBy,
    confirmedAt: row.confirmedAt,
  }
}

export function* sessionView(row: TSessionRow): TSql<TSessionView> {
  const turnout = yield* turnoutOf(row.id)
  const paperTally = yield* paperTallyOf(row.id)
  const result = row.result ? (JSON.parse(row.result) as TCongressResult) : null
  const certifyError = row.certifyError ? (JSON.parse(row.certifyError) as TSessionView['certification']['error']) : null
  return {
    id: row.id,
    caseId: row.caseId,
    status: row.status,
    name: row.name,
    body: row.body,
    totalSeats: Number(row.totalSeats),
    jurisdiction: row.jurisdiction,
    heldOn: row.heldOn,
    place: row.place,
    online: bool(row.online),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    documentSha256: row.documentSha256,
    draftVersion: row.draftVersion === null ? null : Number(row.draftVersion),
    items: itemsOf(row),
    scrutineers: officersOf(row.scrutineers),
    tellers: officersOf(row.tellers),
    presiding: row.presiding,
    reminderAt: row.reminderAt,
    remindedAt: row.remindedAt,
    closedAt: row.closedAt,
    closeReason: row.closeReason,
    turnout,
    awaitingPaperTally: row.status === 'closed' && turnout.votedPaper > 0 && !paperTally?.confirmedBy,
    paperTally,
    result,
    certification: {
      status: row.status === 'certified' ? 'certified' : certifyError ? 'refused' : 'notYet',
      certifiedAt: row.certifiedAt,
      caseSeq: row.certifiedSeq === null ? null : Number(row.certifiedSeq),
      error: certifyError,
    },
  }
}

/** An outbox row (src/engine/outbox.ts runs it after commit). `caseSeq` when an event caused it. */
export function* enqueue(
  caseId: string | null,
  caseSeq: number | null,
  effect: string,
  payload: Record<string, unknown>,
  now: string,
): TSql<void> {
  yield* run(
    `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [crypto.randomUUID(), caseId, caseSeq, effect, JSON.stringify(payload), now, now],
  )
}

export type TCaseFacts = { id: string; enterpriseId: string; kind: string; jurisdiction: string; snapshot: string }

export function* loadCaseFacts(caseId: string): TSql<TCaseFacts> {
  const row = yield* one<TCaseFacts>(`SELECT "id", "enterpriseId", "kind", "jurisdiction", "snapshot" FROM "Case" WHERE "id" = ?`, [caseId])
  if (!row) {
    throw congressError('NOT_FOUND', 'CASE_NOT_FOUND', { zh: `案件不存在：${caseId}`, en: `case not found: ${caseId}` }, { caseId })
  }
  return row
}

/** Whether any credential of the session is still unused. */
export function* anyUnused(sessionId: string): TSql<boolean> {
  const rows = yield* all<{ one: number }>(
    `SELECT 1 AS "one" FROM "CongressCredential" WHERE "sessionId" = ? AND "usedVia" IS NULL LIMIT 1`,
    [sessionId],
  )
  return rows.length > 0
}

/** Where the session's voting window stands at `now`. */
export function windowAt(row: Pick<TSessionRow, 'status' | 'opensAt' | 'closesAt'>, now: string) {
  if (row.status !== 'open' || now >= row.closesAt) return 'closed' as const
  if (now < row.opensAt) return 'notOpenYet' as const
  return 'open' as const
}

export function votingClosedError(row: Pick<TSessionRow, 'id' | 'status' | 'closesAt'>) {
  return congressError(
    'TRANSITION_NOT_ALLOWED',
    'VOTING_CLOSED',
    {
      zh: `表决已结束（截止时间 ${row.closesAt}），不再接受投票。`,
      en: `voting has closed (the window ended at ${row.closesAt}); no more ballots are accepted`,
    },
    { sessionId: row.id, status: row.status, closesAt: row.closesAt },
  )
}

export function votingNotOpenError(row: Pick<TSessionRow, 'id' | 'opensAt'>) {
  return congressError(
    'TRANSITION_NOT_ALLOWED',
    'VOTING_NOT_OPEN_YET',
    { zh: `表决尚未开始（开始时间 ${row.opensAt}）。`, en: `voting has not opened yet (it opens at ${row.opensAt})` },
    { sessionId: row.id, opensAt: row.opensAt },
  )
}

export function alreadyUsedError(usedVia: string | null) {
  const zhVia = usedVia === 'paper' ? '纸质选票' : '网上投票'
  const enVia = usedVia === 'paper' ? 'a paper ballot' : 'an online ballot'
  return congressError(
    'TRANSITION_NOT_ALLOWED',
    'CREDENTIAL_ALREADY_USED',
    {
      zh: `该投票凭证已使用（${zhVia}），每位代表只能投票一次。`,
      en: `this voting credential has already been used (${enVia}); each representative votes once`,
    },
    { usedVia },
  )
}

export const invalidCredentialError = () =>
  congressError('UNAUTHENTICATED', 'CREDENTIAL_INVALID', {
    zh: '投票凭证无效，请核对链接或凭证码。',
    en: 'invalid voting credential; check the link or the code',
  })

/** The actor must be one of the session's officers of that kind (by user id). */
export function requireOfficer(row: TSessionRow, kind: 'tellers' | 'scrutineers', userId: string | null): TOfficer {
  const officers = officersOf(row[kind])
  const officer = userId ? officers.find((o) => o.userId === userId) : undefined
  if (!officer) {
    const zh = kind === 'tellers' ? '计票人' : '监票人'
    throw congressError(
      'FORBIDDEN',
      kind === 'tellers' ? 'NOT_A_TELLER' : 'NOT_A_SCRUTINEER',
      {
        zh: `只有本次会议的${zh}可以进行此操作。`,
        en: `only a ${kind === 'tellers' ? 'teller' : 'scrutineer'} of this session may do this`,
      },
      { sessionId: row.id, userId },
    )
  }
  return officer
}

/**
 * Read side of the mail outbox, for the API: the listing admins see (held mail in the embedded default, dead
 * letters, failures), one message in full, and the recipients a case did not reach.
 */
import type { TDatabase } from '../db/database.js'
import { all, one } from '../db/sql.js'

export const MAIL_STATUSES = ['queued', 'held', 'sent', 'failed', 'dead'] as const
export type TMailStatusFilter = (typeof MAIL_STATUSES)[number]

export type TMailListItem = {
  id: string
  messageId: string
  caseId: string | null
  caseSeq: number | null
  effect: string
  template: string
  recipientRole: string | null
  recipientUserId: string | null
  recipientName: string | null
  toAddress: string | null
  subject: string
  status: string
  attempts: number
  errorCode: string | null
  lastError: string | null
  smtpResponse: string | null
  possibleDuplicate: boolean
  createdAt: string
  updatedAt: string
  sentAt: string | null
}

export type TMailView = TMailListItem & {
  text: string
  html: string
  attachments: { filename: string; mediaType: string; documentId?: string; sha256?: string }[]
  sourceOutboxId: string
  sendOutboxId: string | null
  sendPhase: string | null
}

const LIST_COLUMNS = `"id", "messageId", "caseId", "caseSeq", "effect", "template", "recipientRole", "recipientUserId", "recipientName",
  "toAddress", "subject", "status", "attempts", "errorCode", "lastError", "smtpResponse", "possibleDuplicate", "createdAt", "updatedAt", "sentAt"`

type TRow = Omit<TMailListItem, 'possibleDuplicate'> & { possibleDuplicate: boolean | number }
const toItem = (r: TRow): TMailListItem => ({ ...r, possibleDuplicate: r.possibleDuplicate === true || r.possibleDuplicate === 1 })

export type TListMailQuery = { status?: TMailStatusFilter; caseId?: string; limit?: number; offset?: number }

/** Newest first. */
export async function listMail(db: TDatabase, q: TListMailQuery = {}): Promise<TMailListItem[]> {
  const where: string[] = []
  const params: (string | number)[] = []
  if (q.status) {
    where.push(`"status" = ?`)
    params.push(q.status)
  }
  if (q.caseId) {
    where.push(`"caseId" = ?`)
    params.push(q.caseId)
  }
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 500)
  const offset = Math.max(q.offset ?? 0, 0)
  const rows = await db.read(function* () {
    return yield* all<TRow>(
      `SELECT ${LIST_COLUMNS} FROM "MailMessage" ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY "createdAt" DESC, "id" LIMIT ${limit} OFFSET ${offset}`,
      params,
    )
  })
  return rows.map(toItem)
}

/** One message with its text, HTML and attachment list (not the bytes); undefined if there is none. */
export async function getMail(db: TDatabase, id: string): Promise<TMailView | undefined> {
  const row = await db.read(function* () {
    return yield* one<TRow & { text: string; html: string; attachments: string; sourceOutboxId: string; sendOutboxId: string | null; sendPhase: string | null }>(
      `SELECT ${LIST_COLUMNS}, "text", "html", "attachments", "sourceOutboxId", "sendOutboxId", "sendPhase" FROM "MailMessage" WHERE "id" = ?`,
      [id],
    )
  })
  if (!row) return undefined
  const attachments = (JSON.parse(row.attachments) as Record<string, unknown>[]).map((a) => ({
    filename: String(a.filename),
    mediaType: String(a.mediaType),
    ...(typeof a.documentId === 'string' ? { documentId: a.documentId } : {}),
    ...(typeof a.sha256 === 'string' ? { sha256: a.sha256 } : {}),
  }))
  return { ...toItem(row), text: row.text, html: row.html, attachments, sourceOutboxId: row.sourceOutboxId, sendOutboxId: row.sendOutboxId, sendPhase: row.sendPhase }
}

export type TUnreachedRecipient = {
  mailId: string
  effect: string
  recipientRole: string | null
  recipientUserId: string | null
  recipientName: string | null
  toAddress: string | null
  status: 'failed' | 'dead'
  errorCode: string | null
  reason: string | null
  at: string
}

/** Who a case did not reach: failed (rejected, no or invalid address) and dead (retries exhausted) mail. */
export async function failedRecipients(db: TDatabase, caseId: string): Promise<TUnreachedRecipient[]> {
  return db.read(function* () {
    return yield* all<TUnreachedRecipient>(
      `SELECT "id" AS "mailId", "effect", "recipientRole", "recipientUserId", "recipientName", "toAddress", "status", "errorCode",
         "lastError" AS "reason", "updatedAt" AS "at"
       FROM "MailMessage" WHERE "caseId" = ? AND "status" IN ('failed', 'dead') ORDER BY "updatedAt" DESC, "id"`,
      [caseId],
    )
  })
}

/** Counts by status, for a dashboard badge (held mail in the embedded default, dead letters). */
export async function mailCounts(db: TDatabase): Promise<Record<string, number>> {
  const rows = await db.read(function* () {
    return yield* all<{ status: string; n: number }>(`SELECT "status", COUNT(*) AS "n" FROM "MailMessage" GROUP BY "status"`)
  })
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

/**
 * Command: send held (or dead / failed) mail again, e.g. after SMTP was configured or an address was fixed.
 * Each message gets a new `mail.send` outbox row in the same transaction as its status change; the Message-ID
 * stays the same.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { all, run } from '../db/sql.js'
import type { TClock } from './clock.js'

export type TRequeueOptions = {
  /** Which messages: by id, or all of the given statuses (default: held). */
  ids?: string[]
  statuses?: ('held' | 'dead' | 'failed')[]
  /** Take the recipient's current address from the User table (after an admin corrected it). */
  refreshAddress?: boolean
}

export async function requeueMail(db: TDatabase, clock: TClock, options: TRequeueOptions = {}): Promise<{ requeued: string[] }> {
  const statuses = options.statuses ?? ['held']
  const now = clock.now().toISOString()
  return db.transaction(function* () {
    const marks = statuses.map(() => '?').join(', ')
    const rows = options.ids
      ? yield* all<{ id: string; caseId: string | null; caseSeq: number | null; recipientUserId: string | null }>(
          `SELECT "id", "caseId", "caseSeq", "recipientUserId" FROM "MailMessage" WHERE "status" IN (${marks})
           AND "id" IN (${options.ids.map(() => '?').join(', ') || 'NULL'})`,
          [...statuses, ...options.ids],
        )
      : yield* all<{ id: string; caseId: string | null; caseSeq: number | null; recipientUserId: string | null }>(
          `SELECT "id", "caseId", "caseSeq", "recipientUserId" FROM "MailMessage" WHERE "status" IN (${marks}) ORDER BY "createdAt" LIMIT 10000`,
          statuses,
        )
    const requeued: string[] = []
    for (const row of rows) {
      if (options.refreshAddress && row.recipientUserId) {
        yield* run(
          `UPDATE "MailMessage" SET "toAddress" = (SELECT "email" FROM "User" WHERE "id" = ?) WHERE "id" = ? AND EXISTS (SELECT 1 FROM "User" WHERE "id" = ?)`,
          [row.recipientUserId, row.id, row.recipientUserId],
        )
      }
      const outboxId = crypto.randomUUID()
      yield* run(
        `UPDATE "MailMessage" SET "status" = 'queued', "sendOutboxId" = ?, "errorCode" = NULL, "updatedAt" = ? WHERE "id" = ?`,
        [outboxId, now, row.id],
      )
      yield* run(
        `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
         VALUES (?, ?, ?, 'mail.send', ?, 'pending', 0, ?, ?)`,
        [outboxId, row.caseId, row.caseSeq, JSON.stringify({ mailMessageId: row.id }), now, now],
      )
      requeued.push(row.id)
    }
    return { requeued }
  })
}

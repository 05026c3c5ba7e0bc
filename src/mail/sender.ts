/**
 * The `mail.send` effect: sends one MailMessage through SMTP, run by the transactional outbox (src/engine/outbox.ts:
 * lease, exponential backoff, dead letter). One outbox row per MailMessage.
 *
 * Exactly-once, as far as SMTP allows:
 *   1. before talking to the server the attempt is committed (sendPhase = envelope);
 *   2. after the server's 354 and before the final "." the row is committed as sendPhase = finalDot;
 *   3. the server's 250 is committed at once as status = sent.
 * A worker killed before (2) leaves a message the server cannot have (it never saw the final "."): it is sent
 * again safely. A worker killed between (2) and (3) leaves a message the server may have accepted: it is sent
 * again with the SAME Message-ID (every message must arrive) and flagged possibleDuplicate, so the one case SMTP
 * leaves open (RFC 1047) is visible and the receiving side can deduplicate by Message-ID.
 *
 * Without an SMTP server (the embedded default) a message is set 'held' and the outbox row completes: nothing is
 * dead-lettered; an admin sees held mail in the listing and can release it once SMTP is configured.
 */
import fs from 'node:fs/promises'
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { one, run } from '../db/sql.js'
import type { TClock } from '../engine/clock.js'
import { PermanentEffectError, type TEffectHandler, type TOutboxMessage } from '../engine/outbox.js'
import { composeMime } from './compose.js'
import { isDeliverableAddress } from './address.js'
import { SmtpSendError, type TMailTransport } from './smtp.js'

export const MAIL_SEND_EFFECT = 'mail.send'

export type TMailAttachmentRef =
  | { documentId: string; filename: string; mediaType: string; sha256: string }
  | { filename: string; mediaType: string; content: string }

export type TMailStatus = 'queued' | 'held' | 'sent' | 'failed' | 'dead'

export type TMailRow = {
  id: string
  messageId: string
  caseId: string | null
  toAddress: string | null
  recipientName: string | null
  fromAddress: string
  subject: string
  text: string
  html: string
  attachments: string
  status: TMailStatus
  attempts: number
  sendPhase: string | null
  possibleDuplicate: boolean | number
  sealed: string | null
  createdAt: string
}

export type TMailSenderDeps = {
  db: TDatabase
  clock: TClock
  /** null: no SMTP server configured; messages are held. */
  transport: TMailTransport | null
  /** The outbox worker's maxAttempts for mail.send: a temporary failure on the last attempt marks the mail dead. */
  maxAttempts: number
  from: { name: string; address: string }
  /** Reads a document stored as a file (Document.path). */
  readFile?: (path: string) => Promise<Buffer>
  /** Opens MailMessage.sealed into placeholder → value (e.g. a voting credential link); throws if it cannot. */
  unseal?: (sealed: string) => Record<string, string>
}

/** Fills placeholders (e.g. {{credential.link}}) with their values; HTML gets them escaped. */
export function fillPlaceholders(text: string, values: Record<string, string>, html = false): string {
  let out = text
  for (const [key, value] of Object.entries(values)) {
    const v = html ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : value
    out = out.split(key).join(v)
  }
  return out
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

export function createMailSendHandler(deps: TMailSenderDeps): TEffectHandler {
  const { db, clock } = deps
  const now = () => clock.now().toISOString()
  const update = (sql: string, params: (string | number | boolean | null)[]) =>
    db.transaction(function* () {
      return yield* run(sql, params)
    })
  const fail = async (id: string, status: 'failed' | 'dead', code: string, reason: string, phase: string | null = null) => {
    await update(
      `UPDATE "MailMessage" SET "status" = ?, "errorCode" = ?, "lastError" = ?, "sendPhase" = ?, "updatedAt" = ? WHERE "id" = ?`,
      [status, code, reason.slice(0, 2_000), phase, now(), id],
    )
  }

  return async (message: TOutboxMessage) => {
    const { mailMessageId } = message.payload as { mailMessageId?: string }
    if (!mailMessageId) throw new PermanentEffectError('mail.send without mailMessageId')
    const mail = await db.read(function* () {
      return yield* one<TMailRow>(
        `SELECT "id", "messageId", "caseId", "toAddress", "recipientName", "fromAddress", "subject", "text", "html", "attachments",
           "status", "attempts", "sendPhase", "possibleDuplicate", "sealed", "createdAt" FROM "MailMessage" WHERE "id" = ?`,
        [mailMessageId],
      )
    })
    if (!mail) throw new PermanentEffectError(`mail message ${mailMessageId} not found`)
    // Already settled (a retry of an outbox row whose previous run finished the work): nothing to do.
    if (mail.status !== 'queued') return { mailMessageId, status: mail.status, already: true }

    if (!deps.transport) {
      await update(`UPDATE "MailMessage" SET "status" = 'held', "updatedAt" = ? WHERE "id" = ? AND "status" = 'queued'`, [now(), mail.id])
      return { mailMessageId, status: 'held' }
    }
    if (!isDeliverableAddress(mail.toAddress)) {
      await fail(mail.id, 'failed', 'INVALID_ADDRESS', `地址无效 / invalid address: ${mail.toAddress ?? '(none)'}`)
      throw new PermanentEffectError(`invalid address ${mail.toAddress ?? '(none)'}`)
    }

    // Attachments: documents by id, each checked against its stored SHA-256; generated text (.ics) as stored.
    const refs = JSON.parse(mail.attachments) as TMailAttachmentRef[]
    const attachments: { filename: string; contentType: string; content: Buffer | string }[] = []
    for (const ref of refs) {
      if (!('documentId' in ref)) {
        attachments.push({ filename: ref.filename, contentType: ref.mediaType, content: ref.content })
        continue
      }
      const doc = await db.read(function* () {
        return yield* one<{ sha256: string; bytes: Buffer | Uint8Array | null; path: string | null }>(
          `SELECT "sha256", "bytes", "path" FROM "Document" WHERE "id" = ?`,
          [ref.documentId],
        )
      })
      if (!doc) {
        await fail(mail.id, 'failed', 'ATTACHMENT_MISSING', `附件文书不存在 / document ${ref.documentId} not found`)
        throw new PermanentEffectError(`document ${ref.documentId} not found`)
      }
      const bytes = doc.bytes ? Buffer.from(doc.bytes) : doc.path ? await (deps.readFile ?? fs.readFile)(doc.path) : undefined
      const actual = bytes ? sha256(bytes) : undefined
      if (!bytes || actual !== doc.sha256 || actual !== ref.sha256) {
        const reason = `附件与存档文书的SHA-256不一致 / attachment ${ref.documentId} does not match the stored SHA-256 (${actual ?? 'no bytes'} ≠ ${doc.sha256})`
        await fail(mail.id, 'failed', 'ATTACHMENT_MISMATCH', reason)
        throw new PermanentEffectError(reason)
      }
      attachments.push({ filename: ref.filename, contentType: ref.mediaType, content: bytes })
    }

    // A sealed secret (a voting credential) is opened only now, in memory; the row keeps the placeholders.
    let secrets: Record<string, string> = {}
    if (mail.sealed) {
      try {
        if (!deps.unseal) throw new Error('no key to open it is configured (CONGRESS_CREDENTIAL_KEY); fix it, then requeue')
        secrets = deps.unseal(mail.sealed)
      } catch (e) {
        const reason = `密封的凭证无法打开 / the sealed credential does not open: ${e instanceof Error ? e.message : String(e)}`
        await fail(mail.id, 'failed', 'SEALED_SECRET', reason)
        throw new PermanentEffectError(reason)
      }
    }
    const raw = await composeMime({
      messageId: mail.messageId,
      date: mail.createdAt,
      from: deps.from,
      to: { name: mail.recipientName ?? '', address: mail.toAddress },
      subject: fillPlaceholders(mail.subject, secrets),
      text: fillPlaceholders(mail.text, secrets),
      html: fillPlaceholders(mail.html, secrets, true),
      attachments,
      headers: mail.caseId ? { 'X-Wagepact-Case': mail.caseId } : {},
    })

    // (1) The attempt. A previous attempt cut off after its final "." may have been delivered: flag it.
    const resend = mail.sendPhase === 'finalDot'
    await update(
      `UPDATE "MailMessage" SET "attempts" = "attempts" + 1, "sendPhase" = 'envelope', "possibleDuplicate" = ?, "updatedAt" = ?
       WHERE "id" = ? AND "status" = 'queued'`,
      [resend || mail.possibleDuplicate === true || mail.possibleDuplicate === 1, now(), mail.id],
    )
    try {
      const result = await deps.transport.send({
        envelope: { from: deps.from.address, to: [mail.toAddress] },
        raw,
        // (2) From here on the server may have the message.
        beforeFinalDot: () =>
          update(`UPDATE "MailMessage" SET "sendPhase" = 'finalDot', "updatedAt" = ? WHERE "id" = ?`, [now(), mail.id]).then(() => {}),
      })
      // (3) Accepted: recorded before anything else happens.
      await update(
        `UPDATE "MailMessage" SET "status" = 'sent', "sendPhase" = NULL, "smtpResponse" = ?, "sentAt" = ?, "errorCode" = NULL,
           "lastError" = NULL, "updatedAt" = ? WHERE "id" = ?`,
        [result.response.slice(0, 1_000), now(), now(), mail.id],
      )
      return { mailMessageId, status: 'sent', messageId: mail.messageId, response: result.response }
    } catch (e) {
      const err = e instanceof SmtpSendError ? e : new SmtpSendError(e instanceof Error ? e.message : String(e), false, undefined, undefined, false)
      const reason = `${err.code ? `${err.code}: ` : ''}${err.message}`
      const phase = err.ambiguous ? 'finalDot' : null
      if (err.permanent) {
        await fail(mail.id, 'failed', 'REJECTED', reason, phase)
        throw new PermanentEffectError(reason)
      }
      if (message.attempts >= deps.maxAttempts) {
        await fail(mail.id, 'dead', 'RETRIES_EXHAUSTED', `${message.attempts}次尝试均失败 / gave up after ${message.attempts} attempts: ${reason}`, phase)
      } else {
        await update(`UPDATE "MailMessage" SET "errorCode" = 'TEMPORARY', "lastError" = ?, "sendPhase" = ?, "updatedAt" = ? WHERE "id" = ?`, [
          reason.slice(0, 2_000),
          phase,
          now(),
          mail.id,
        ])
      }
      throw err // the outbox backs off (or dead-letters after maxAttempts)
    }
  }
}

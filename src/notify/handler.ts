/**
 * notify.* effects → MailMessage rows, one per recipient, each with its own `mail.send` OutboxMessage, written in
 * ONE transaction. Idempotent: a notification whose mails exist (the worker died after committing them) is not
 * written again, and the unique (sourceOutboxId, recipientKey) key backs that up. Recipients that cannot be
 * addressed are recorded as failed MailMessages (no outbox row), so the case shows who was not reached.
 *
 * Attachments are the documents the same event produced (Document.caseSeq = the outbox row's caseSeq). When the
 * document is still being rendered (its document.render outbox row is pending), the notification waits (a
 * temporary failure: the outbox retries with backoff) for a few attempts, then goes out without it, saying so.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { all, one, run, type TSql } from '../db/sql.js'
import type { TClock } from '../engine/clock.js'
import type { TEffectHandler, TOutboxMessage } from '../engine/outbox.js'
import { mailIdOf, messageIdOf, recipientKeyOf } from '../mail/address.js'
import { MAIL_SEND_EFFECT, type TMailAttachmentRef } from '../mail/sender.js'
import { templates } from '../mail/templates/index.js'
import type { TDeadlineFact, TMailFacts } from '../mail/templates/types.js'
import { DEADLINE_REMINDER_EFFECT, notifySpecOf } from './catalog.js'
import { deadlineFactOf, extractCaseFacts, type TDeadlineRow } from './facts.js'
import { resolveRecipients, type TRecipient } from './recipients.js'
import { CREDENTIAL_CODE, CREDENTIAL_LINK } from './credentials.js'

export type TNotifyDeps = {
  db: TDatabase
  clock: TClock
  from: { name: string; address: string }
  messageIdDomain: string
  publicUrl: string
  /** How many outbox attempts a notification waits for a document still being rendered (default 5). */
  attachmentWaitAttempts?: number
}

export class AttachmentNotReadyError extends Error {}

type TCaseRow = {
  id: string
  enterpriseId: string
  kind: string
  jurisdiction: string
  snapshot: string
  enterpriseName: string | null
  creditCode: string | null
  regionCode: string | null
  regionName: string | null
}

type TDocRow = { id: string; kind: string; title: string; mediaType: string; sha256: string }

const EXTENSIONS: Record<string, string> = { 'application/pdf': '.pdf', 'text/calendar': '.ics', 'text/plain': '.txt' }

/** A file name for a document: its title (without characters mail clients dislike) and the extension of its type. */
function filenameOf(doc: TDocRow): string {
  const ext = EXTENSIONS[doc.mediaType.split(';')[0]!.trim()] ?? ''
  const base = (doc.title || doc.kind).replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 80)
  return base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`
}

type TPrepared = {
  recipients: TRecipient[]
  facts: Omit<TMailFacts, 'recipient'>
  documents: TDocRow[]
  skip?: string
}

function* prepare(message: TOutboxMessage, deps: TNotifyDeps, nowIso: string): TSql<TPrepared> {
  const data = (message.payload && typeof message.payload === 'object' ? message.payload : {}) as Record<string, unknown>
  const spec = notifySpecOf(message.effect, data)
  const c = message.caseId
    ? yield* one<TCaseRow>(
        `SELECT c."id", c."enterpriseId", c."kind", c."jurisdiction", c."snapshot", e."name" AS "enterpriseName", e."creditCode",
           e."regionCode", r."name" AS "regionName"
         FROM "Case" c LEFT JOIN "Enterprise" e ON e."id" = c."enterpriseId" LEFT JOIN "Region" r ON r."code" = e."regionCode"
         WHERE c."id" = ?`,
        [message.caseId],
      )
    : undefined

  const pending = c
    ? yield* all<TDeadlineRow>(
        `SELECT "id", "kind", "lastDay", "dueAt", "explanation", "status" FROM "Deadline" WHERE "caseId" = ? AND "status" = 'pending' ORDER BY "dueAt"`,
        [c.id],
      )
    : []
  let deadline: TDeadlineFact | undefined
  let skip: string | undefined
  if (message.effect === DEADLINE_REMINDER_EFFECT) {
    const row = yield* one<TDeadlineRow>(
      `SELECT "id", "kind", "lastDay", "dueAt", "explanation", "status" FROM "Deadline" WHERE "id" = ?`,
      [String(data.deadlineId ?? '')],
    )
    if (!row || row.status !== 'pending') skip = 'the deadline is no longer pending'
    else deadline = deadlineFactOf(row, typeof data.leadDays === 'number' ? data.leadDays : undefined)
  } else if (spec.deadlineKind && c) {
    const row = yield* one<TDeadlineRow>(
      `SELECT "id", "kind", "lastDay", "dueAt", "explanation", "status" FROM "Deadline" WHERE "caseId" = ? AND "kind" = ? AND "status" = 'fired'
       ORDER BY "dueAt" DESC LIMIT 1`,
      [c.id, spec.deadlineKind],
    )
    if (row) deadline = deadlineFactOf(row)
  }

  // Documents: those of the same event of the listed kinds, and any named explicitly by the effect.
  const explicitIds = [
    ...(Array.isArray(data.documentIds) ? data.documentIds.filter((x): x is string => typeof x === 'string') : []),
    ...(typeof data.documentId === 'string' ? [data.documentId] : []),
  ]
  const kinds = spec.documents ?? []
  const documents: TDocRow[] = []
  if (c && kinds.length && message.caseSeq !== null) {
    documents.push(
      ...(yield* all<TDocRow>(
        `SELECT "id", "kind", "title", "mediaType", "sha256" FROM "Document" WHERE "caseId" = ? AND "caseSeq" = ? AND "kind" IN (${kinds.map(() => '?').join(', ')})
         ORDER BY "createdAt", "id"`,
        [c.id, message.caseSeq, ...kinds],
      )),
    )
  }
  for (const id of explicitIds) {
    if (documents.some((d) => d.id === id)) continue
    const d = yield* one<TDocRow>(`SELECT "id", "kind", "title", "mediaType", "sha256" FROM "Document" WHERE "id" = ?`, [id])
    if (d) documents.push(d)
  }
  let missingAttachments = false
  if (c && kinds.length && message.caseSeq !== null && documents.length === 0) {
    const renders = yield* one<{ open: number; total: number }>(
      `SELECT COUNT(CASE WHEN "status" IN ('pending', 'running') THEN 1 END) AS "open", COUNT(*) AS "total" FROM "OutboxMessage"
       WHERE "caseId" = ? AND "caseSeq" = ? AND "effect" = 'document.render'`,
      [c.id, message.caseSeq],
    )
    const open = Number(renders?.open ?? 0)
    if (open > 0 && message.attempts < (deps.attachmentWaitAttempts ?? 5)) {
      throw new AttachmentNotReadyError(`waiting for document.render of ${c.id}#${message.caseSeq}`)
    }
    missingAttachments = Number(renders?.total ?? 0) > 0
  }

  // The congress writes one row per representative, with the address in the data (it may be missing: recorded).
  const inData = spec.recipientInData && !Array.isArray(data.recipients)
  const recipients = yield* resolveRecipients({
    enterpriseId: c?.enterpriseId ?? null,
    regionCode: c?.regionCode ?? null,
    audience: spec.audience,
    explicit: inData
      ? [
          {
            ...(typeof data.email === 'string' ? { email: data.email } : {}),
            name: typeof data.name === 'string' ? data.name : '职工代表',
            role: 'workerRepresentative',
            ...(typeof data.userId === 'string' ? { userId: data.userId } : {}),
          },
        ]
      : data.recipients,
  })

  let context: unknown = {}
  try {
    context = c ? (JSON.parse(c.snapshot) as { context?: unknown }).context : {}
  } catch {
    context = {}
  }
  const facts: Omit<TMailFacts, 'recipient'> = {
    effect: message.effect,
    caseId: c?.id ?? message.caseId,
    caseUrl: c ? `${deps.publicUrl}/cases/${encodeURIComponent(c.id)}` : deps.publicUrl,
    enterprise: {
      name: c?.enterpriseName ?? (typeof data.enterpriseName === 'string' ? data.enterpriseName : '—'),
      ...(c?.creditCode ? { creditCode: c.creditCode } : {}),
      ...(c?.regionName ? { regionName: c.regionName } : {}),
    },
    ...(c ? { caseKind: c.kind, jurisdiction: c.jurisdiction } : {}),
    case: extractCaseFacts(context, data),
    ...(deadline ? { deadline } : {}),
    deadlines: pending.map((d) => deadlineFactOf(d)),
    attachmentNames: documents.map(filenameOf),
    ...(missingAttachments ? { missingAttachments } : {}),
    data,
    recordedAt: nowIso,
    domain: deps.messageIdDomain,
  }
  return { recipients, facts, documents, ...(skip ? { skip } : {}) }
}

export function createNotifyHandler(deps: TNotifyDeps): TEffectHandler {
  const { db, clock } = deps
  return async (message: TOutboxMessage) => {
    const existing = await db.read(function* () {
      return yield* one<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "MailMessage" WHERE "sourceOutboxId" = ?`, [message.id])
    })
    if (Number(existing?.n ?? 0) > 0) return { mails: Number(existing!.n), already: true }

    const nowIso = clock.now().toISOString()
    const prepared = await db.read(() => prepare(message, deps, nowIso))
    if (prepared.skip) return { mails: 0, skipped: prepared.skip }
    const spec = notifySpecOf(message.effect, prepared.facts.data)
    const template = templates[spec.template]
    const docRefs: TMailAttachmentRef[] = prepared.documents.map((d) => ({
      documentId: d.id,
      filename: filenameOf(d),
      mediaType: d.mediaType,
      sha256: d.sha256,
    }))

    // A voting credential stays sealed in the row; the text carries placeholders the sender fills in.
    const data = prepared.facts.data
    const sealed =
      typeof data.sealedToken === 'string' && typeof data.credentialId === 'string' && typeof data.sessionId === 'string'
        ? JSON.stringify({ kind: 'voteCredential', sealedToken: data.sealedToken, credentialId: data.credentialId, sessionId: data.sessionId })
        : null
    const rows = prepared.recipients.map((r) => {
      const content = template({
        ...prepared.facts,
        recipient: {
          name: r.name,
          ...(r.role ? { role: r.role } : {}),
          ...(sealed ? { link: CREDENTIAL_LINK, code: CREDENTIAL_CODE } : r.link ? { link: r.link } : {}),
        },
      })
      const recipientKey = recipientKeyOf({ address: r.problem ? null : r.address, role: r.role, userId: r.userId })
      const id = mailIdOf(message.id, recipientKey)
      const attachments: TMailAttachmentRef[] = [
        ...docRefs,
        ...(content.attachments ?? []).map((a) => ({ filename: a.filename, mediaType: a.mediaType, content: a.content })),
      ]
      return { r, id, recipientKey, content, attachments, status: r.problem ? 'failed' : 'queued' }
    })

    return db.transaction(function* () {
      // Another worker may have committed them meanwhile (the row's lease expired): then do nothing.
      const again = yield* one<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "MailMessage" WHERE "sourceOutboxId" = ?`, [message.id])
      if (Number(again?.n ?? 0) > 0) return { mails: Number(again!.n), already: true }
      let queued = 0
      for (const m of rows) {
        const sendOutboxId = m.status === 'queued' ? crypto.randomUUID() : null
        yield* run(
          `INSERT INTO "MailMessage" ("id", "messageId", "sourceOutboxId", "sendOutboxId", "caseId", "caseSeq", "effect", "template", "recipientKey",
             "recipientRole", "recipientUserId", "recipientName", "toAddress", "fromAddress", "subject", "text", "html", "attachments", "sealed",
             "status", "attempts", "errorCode", "lastError", "possibleDuplicate", "createdAt", "updatedAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
          [
            m.id,
            messageIdOf(m.id, deps.messageIdDomain),
            message.id,
            sendOutboxId,
            message.caseId,
            message.caseSeq,
            message.effect,
            spec.template,
            m.recipientKey,
            m.r.role ?? null,
            m.r.userId ?? null,
            m.r.name,
            m.r.address,
            deps.from.address,
            m.content.subject,
            m.content.text,
            m.content.html,
            JSON.stringify(m.attachments),
            sealed,
            m.status,
            m.r.problem?.code ?? null,
            m.r.problem?.reason ?? null,
            false,
            nowIso,
            nowIso,
          ],
        )
        if (sendOutboxId) {
          queued++
          yield* run(
            `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
             VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
            [sendOutboxId, message.caseId, message.caseSeq, MAIL_SEND_EFFECT, JSON.stringify({ mailMessageId: m.id }), nowIso, nowIso],
          )
        }
      }
      return { mails: rows.length, queued, unreached: rows.length - queued, attachments: docRefs.length }
    })
  }
}

/** One handler per effect name, for the outbox worker. */
export function createNotifyHandlers(deps: TNotifyDeps, effects: readonly string[]): Record<string, TEffectHandler> {
  const handler = createNotifyHandler(deps)
  return Object.fromEntries(effects.map((e) => [e, handler]))
}

/** Fixtures for mail tests: people with roles, stored documents, notify.* outbox rows as the engine writes them. */
import crypto from 'node:crypto'
import type { TDatabase } from '../../src/db/database.js'
import { all, one, run } from '../../src/db/sql.js'
import type { TClock } from '../../src/engine/clock.js'
import { runOutbox } from '../../src/engine/outbox.js'
import { createMailSendHandler, MAIL_SEND_EFFECT } from '../../src/mail/sender.js'
import { createSmtpTransport, type TMailTransport } from '../../src/mail/smtp.js'
import { createNotifyHandlers } from '../../src/notify/handler.js'
import { notifyEffectNames } from '../../src/notify/catalog.js'
import { negotiationEffects } from '../../workflows/negotiation/effects.js'

export const FROM = { name: '工资集体协商系统', address: 'noreply@wagepact.test' }
export const DOMAIN = 'wagepact.test'

export type TPerson = { userId: string; email: string; name: string; role: string }

const T0 = '2026-01-01T00:00:00.000Z'

export async function addUser(db: TDatabase, p: { email: string; name: string; role: string; enterpriseId?: string; regionCode?: string; active?: boolean }) {
  const userId = crypto.randomUUID()
  await db.transaction(function* () {
    yield* run(`INSERT INTO "User" ("id", "email", "displayName", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`, [
      userId,
      p.email,
      p.name,
      p.active ?? true,
      T0,
      T0,
    ])
    yield* run(`INSERT INTO "RoleMembership" ("id", "userId", "role", "enterpriseId", "regionCode", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`, [
      crypto.randomUUID(),
      userId,
      p.role,
      p.enterpriseId ?? null,
      p.regionCode ?? null,
      T0,
    ])
  })
  return { userId, email: p.email, name: p.name, role: p.role }
}

/** 广东省 ← 广州市 ← 天河区 (the region seedEnterprise uses), so bureau reviewers of parent regions are found. */
export async function regionTree(db: TDatabase) {
  await db.transaction(function* () {
    for (const [code, name, level, parent] of [
      ['440000', '广东省', 'province', null],
      ['440100', '广州市', 'prefecture', '440000'],
    ] as const) {
      yield* run(
        `INSERT INTO "Region" ("code", "name", "level", "parentCode", "createdAt") SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "Region" WHERE "code" = ?)`,
        [code, name, level, parent, T0, code],
      )
    }
    yield* run(`UPDATE "Region" SET "parentCode" = '440100' WHERE "code" = '440106'`)
  })
}

/** A small but real PDF (distinct bytes per call). */
export function pdfBytes(label: string = crypto.randomUUID()): Buffer {
  const body = `BT /F1 12 Tf 72 720 Td (${label}) Tj ET`
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n` +
      `4 0 obj<</Length ${body.length}>>stream\n${body}\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  )
}

export async function addDocument(db: TDatabase, p: { caseId: string; caseSeq: number; kind: string; title: string; bytes: Buffer }) {
  const id = crypto.randomUUID()
  const sha256 = crypto.createHash('sha256').update(p.bytes).digest('hex')
  await db.transaction(function* () {
    yield* run(
      `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "caseSeq", "createdAt")
       VALUES (?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)`,
      [id, p.caseId, p.kind, p.title, sha256, p.bytes.length, p.bytes, p.caseSeq, T0],
    )
  })
  return { id, sha256 }
}

/** An outbox row exactly as apply-transition writes it for `emitEffect`. */
export async function addNotify(db: TDatabase, clock: TClock, p: { caseId: string | null; caseSeq: number | null; effect: string; data?: Record<string, unknown> }) {
  const id = crypto.randomUUID()
  const now = clock.now().toISOString()
  await db.transaction(function* () {
    yield* run(
      `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      [id, p.caseId, p.caseSeq, p.effect, JSON.stringify(p.data ?? {}), now, now],
    )
  })
  return id
}

/**
 * Marks every open outbox row handled: the notifications the machine itself wrote while a test set its case up
 * are not what the test is about (each test then counts only its own rows).
 */
export async function settleOutbox(db: TDatabase) {
  await db.transaction(function* () {
    yield* run(`UPDATE "OutboxMessage" SET "status" = 'done', "leaseUntil" = NULL WHERE "status" IN ('pending', 'running')`)
  })
}

export const notifyDeps = (db: TDatabase, clock: TClock) => ({ db, clock, from: FROM, messageIdDomain: DOMAIN, publicUrl: 'https://wagepact.test' })

/** Runs the notify.* handlers (the main outbox worker's share). */
export const runNotify = (db: TDatabase, clock: TClock) =>
  runOutbox({ db, clock, nodeId: 'notify-worker', handlers: createNotifyHandlers(notifyDeps(db, clock), notifyEffectNames(negotiationEffects)) })

export const smtpTransport = (port: number, timeoutMs = 5_000): TMailTransport =>
  createSmtpTransport({ host: '127.0.0.1', port, secure: false, starttls: 'off', timeoutMs })

/** Runs the mail.send worker once over due messages. */
export function runMail(db: TDatabase, clock: TClock, transport: TMailTransport | null, opts: { maxAttempts?: number; baseBackoffMs?: number } = {}) {
  const maxAttempts = opts.maxAttempts ?? 5
  return runOutbox({
    db,
    clock,
    nodeId: 'mail-worker',
    maxAttempts,
    baseBackoffMs: opts.baseBackoffMs ?? 1_000,
    handlers: { [MAIL_SEND_EFFECT]: createMailSendHandler({ db, clock, transport, maxAttempts, from: FROM }) },
  })
}

export type TMailRowView = {
  id: string
  messageId: string
  toAddress: string | null
  recipientRole: string | null
  status: string
  attempts: number
  errorCode: string | null
  lastError: string | null
  smtpResponse: string | null
  sendPhase: string | null
  possibleDuplicate: boolean | number
  sendOutboxId: string | null
  subject: string
}

export const mailsOf = (db: TDatabase, sourceOutboxId: string) =>
  db.read(function* () {
    return yield* all<TMailRowView>(
      `SELECT "id", "messageId", "toAddress", "recipientRole", "status", "attempts", "errorCode", "lastError", "smtpResponse", "sendPhase",
         "possibleDuplicate", "sendOutboxId", "subject" FROM "MailMessage" WHERE "sourceOutboxId" = ? ORDER BY "toAddress"`,
      [sourceOutboxId],
    )
  })

export const outboxRow = (db: TDatabase, id: string) =>
  db.read(function* () {
    return yield* one<{ status: string; attempts: number; availableAt: string; lastError: string | null }>(
      `SELECT "status", "attempts", "availableAt", "lastError" FROM "OutboxMessage" WHERE "id" = ?`,
      [id],
    )
  })

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

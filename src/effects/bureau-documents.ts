/**
 * The bureau's documents: 受理回执 (filing.registered), 补正通知 (correction.requested), 审查意见书 (review.objected,
 * collective contracts) and 工资协议审查意见书 (review.objected / review.approved, wage agreements).
 *
 * The machine does not emit `document.render` for these events (yet), so the command that sends the event asks for
 * the document in the SAME transaction: it writes a `document.render` OutboxMessage for the event's seq, and the
 * render handler produces it after commit like any other document (a notify.* of the same event then finds it to
 * attach). With the engine's `alsoInTransaction` option:
 *
 *   await engine.sendEvent(caseId, { type: 'filing.registered', … }, actor, revision, {
 *     alsoInTransaction: requestBureauDocument({ documentNumber: '黄人社集审〔2026〕31号' }),
 *   })
 *
 * `facts` carry what only the bureau knows (its address and contact, a correction deadline, the basis of each
 * opinion); they are validated here, before anything is written, and stored in the outbox payload so that a retry
 * renders the same bytes.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { one, run, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import type { TApplied } from '../engine/apply-transition.js'
import type { TClock } from '../engine/clock.js'
import { bureauDocumentFor, ZBureauFactsSchema, type TBureauFacts } from './document-data/index.js'
import type { TBureauDocumentKind } from './document-data/bureau.js'
import { DOCUMENT_RENDER_EFFECT } from './render-document.js'

export { bureauDocumentFor, ZBureauFactsSchema, type TBureauFacts, type TBureauDocumentKind }

/** The event types after which the bureau issues a document. */
export const BUREAU_DOCUMENT_EVENTS = ['filing.registered', 'correction.requested', 'review.objected', 'review.approved'] as const

function parseFacts(facts: unknown): TBureauFacts {
  const r = ZBureauFactsSchema.safeParse(facts ?? {})
  if (!r.success) {
    throw new AppError(
      'INVALID_INPUT',
      { zh: '文书信息无效', en: 'invalid document facts' },
      { issues: r.error.issues.map((i) => ({ path: ['facts', ...i.path.map(String)].join('.'), message: i.message })) },
    )
  }
  return r.data
}

/**
 * Writes a `document.render` OutboxMessage for the bureau document of the event at `seq` (in the caller's
 * transaction). Returns the outbox id (the Document id will be `doc-<outbox id>`), or undefined when the event
 * calls for no bureau document (a collective contract's no-objection: JHR 47 has no form).
 */
export function* enqueueBureauDocumentProgram(
  caseId: string,
  seq: number,
  now: string,
  facts: unknown = {},
): TSql<{ outboxId: string; kind: TBureauDocumentKind } | undefined> {
  const parsed = parseFacts(facts)
  const row = yield* one<{ type: string; kind: string; enterpriseId: string; jurisdiction: string }>(
    `SELECT e."type", c."kind", c."enterpriseId", c."jurisdiction" FROM "CaseEvent" e JOIN "Case" c ON c."id" = e."caseId"
     WHERE e."caseId" = ? AND e."seq" = ?`,
    [caseId, seq],
  )
  if (!row) throw new AppError('NOT_FOUND', { zh: `案件事件不存在：${caseId}#${seq}`, en: `case event not found: ${caseId}#${seq}` })
  const kind = bureauDocumentFor(row.type, row.kind)
  if (!kind) return undefined
  const outboxId = crypto.randomUUID()
  const payload = {
    caseId,
    enterpriseId: row.enterpriseId,
    kind: row.kind,
    jurisdiction: row.jurisdiction,
    eventType: row.type,
    document: kind,
    facts: parsed,
  }
  yield* run(
    `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [outboxId, caseId, seq, DOCUMENT_RENDER_EFFECT, JSON.stringify(payload), now, now],
  )
  return { outboxId, kind }
}

/**
 * For `engine.sendEvent(…, { alsoInTransaction })`: after a bureau event, ask for its document in the same
 * transaction. `now` is the outbox row's time (defaults to the system clock: it only orders the outbox).
 */
export function requestBureauDocument(facts: TBureauFacts = {}, clock?: TClock): (applied: TApplied) => TSql<void> {
  const parsed = parseFacts(facts)
  return function* (applied) {
    yield* enqueueBureauDocumentProgram(applied.caseId, applied.seq, (clock ?? { now: () => new Date() }).now().toISOString(), parsed)
  }
}

/** The same, after the fact: asks for the bureau document of an event already recorded (e.g. a re-issue). */
export async function enqueueBureauDocument(db: TDatabase, clock: TClock, caseId: string, seq: number, facts: TBureauFacts = {}) {
  return db.transaction(() => enqueueBureauDocumentProgram(caseId, seq, clock.now().toISOString(), facts))
}

/**
 * Documents produced on request rather than by an event: today the 协商准备材料 (kind `preparationBrief`, JHR 33;
 * GZ 8): the figures, the workers' opinions and each side's latest proposal with its costing, as the case stands
 * at its latest event. The negotiators ask for it before a round (case page, `POST /cases/:caseId/documents`).
 *
 * The request is checked first (the case must record something to report: MissingCaseFactsError → 409
 * CASE_FACTS_MISSING, nothing written), then one `document.render` OutboxMessage is written for the case's latest
 * event; the render handler produces the PDF after commit like any other document. Its id is derived from the
 * kind, the case and the event, so asking again before anything changed gives the same document, never a copy.
 */
import type { TUserRole } from '../auth/principal.js'
import type { TDatabase } from '../db/database.js'
import { one, run } from '../db/sql.js'
import type { TClock } from '../engine/clock.js'
import { AppError } from '../errors/app-error.js'
import { loadCaseSources } from './case-sources.js'
import { planDocument } from './document-data/index.js'
import { MissingCaseFactsError } from './errors.js'
import { DOCUMENT_RENDER_EFFECT, documentIdOf } from './render-document.js'

/** Who may ask for them: the negotiators of the enterprise and admins (JHR 33: the parties prepare the talks). */
export const DOCUMENT_REQUESTERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'admin']

/** The document kinds the parties may ask for at any time. */
export const REQUESTABLE_DOCUMENTS = ['preparationBrief'] as const
export type TRequestableDocument = (typeof REQUESTABLE_DOCUMENTS)[number]

export type TDocumentRequest = {
  /** The Document id the PDF will have (listed once rendered). */
  documentId: string
  outboxId: string
  /** The event the document describes the case at. */
  caseSeq: number
  /** `queued`: asked for now; `alreadyRequested`: the same document of the same event was asked for before. */
  status: 'queued' | 'alreadyRequested'
}

/** The outbox id of document `kind` of case `caseId` at event `seq`. */
export const requestedOutboxId = (kind: TRequestableDocument, caseId: string, seq: number): string => `${kind}-${caseId}-${seq}`

export async function requestCaseDocument(db: TDatabase, clock: TClock, caseId: string, kind: TRequestableDocument): Promise<TDocumentRequest> {
  const sources = await loadCaseSources(db, caseId)
  const seq = sources.log.at(-1)!.seq
  let title: string
  try {
    title = planDocument(sources, kind, seq).title
  } catch (e) {
    if (!(e instanceof MissingCaseFactsError)) throw e
    throw new AppError(
      'CASE_FACTS_MISSING',
      {
        zh: `案件尚未记录生成该文件所需的事实：${e.missing.map((m) => m.zh).join('、')}`,
        en: `the case does not record what this document needs yet: ${e.missing.map((m) => m.en).join(', ')}`,
      },
      { kind, missing: e.missing },
    )
  }
  const outboxId = requestedOutboxId(kind, caseId, seq)
  const now = clock.now().toISOString()
  const inserted = await db.transaction(function* () {
    const c = yield* one<{ enterpriseId: string; kind: string; jurisdiction: string }>(`SELECT "enterpriseId", "kind", "jurisdiction" FROM "Case" WHERE "id" = ?`, [caseId])
    const payload = { caseId, enterpriseId: c!.enterpriseId, kind: c!.kind, jurisdiction: c!.jurisdiction, document: kind, title, requested: true }
    return yield* run(
      `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT ("id") DO NOTHING`,
      [outboxId, caseId, seq, DOCUMENT_RENDER_EFFECT, JSON.stringify(payload), now, now],
    )
  })
  return { documentId: documentIdOf(outboxId), outboxId, caseSeq: seq, status: inserted === 1 ? 'queued' : 'alreadyRequested' }
}

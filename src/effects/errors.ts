/**
 * Errors of the document effects. A permanent one dead-letters the outbox message with its reason (visible in the
 * outbox listing), never marks it done; anything else is retried with backoff.
 */
import { PermanentEffectError } from '../engine/outbox.js'

/** The machine names a document kind for which no template (renderer) exists yet. */
export class NoTemplateError extends PermanentEffectError {
  readonly code = 'DOCUMENT_NO_TEMPLATE'
  constructor(
    readonly kind: string,
    readonly template: { zh: string; en: string },
  ) {
    super(`没有“${template.zh}”的文书模板 / no document template for ${kind} (${template.en})`)
    this.name = 'NoTemplateError'
  }
}

/** One fact the case does not record but the document's template needs (never invented). */
export type TMissingFact = { field: string; zh: string; en: string }

/** The case lacks facts the document states: the message is dead-lettered with the list. */
export class MissingCaseFactsError extends PermanentEffectError {
  readonly code = 'DOCUMENT_MISSING_FACTS'
  constructor(
    readonly kind: string,
    readonly missing: readonly TMissingFact[],
  ) {
    super(
      `案件缺少生成${kind}所需的事实：${missing.map((m) => `${m.zh}（${m.field}）`).join('；')} / ` +
        `the case lacks facts the ${kind} document needs: ${missing.map((m) => `${m.en} (${m.field})`).join('; ')}`,
    )
    this.name = 'MissingCaseFactsError'
  }
}

/** The document describes an event that is not in the log yet (e.g. a suspension agreed at the round): retried. */
export class AwaitingEventError extends Error {
  readonly code = 'DOCUMENT_AWAITING_EVENT'
  constructor(message: string) {
    super(message)
    this.name = 'AwaitingEventError'
  }
}

/** A stored document under the same id has other bytes: someone changed it, or rendering is not deterministic. */
export class DocumentIntegrityError extends PermanentEffectError {
  readonly code = 'INTEGRITY_VIOLATION'
  constructor(
    readonly documentId: string,
    readonly stored: string,
    readonly rendered: string,
  ) {
    super(
      `文书 ${documentId} 已存储的SHA-256（${stored}）与重新生成的（${rendered}）不一致 / ` +
        `document ${documentId} is stored with SHA-256 ${stored} but renders to ${rendered}`,
    )
    this.name = 'DocumentIntegrityError'
  }
}

/** Convenience: one missing fact. */
export const missing = (field: string, zh: string, en: string): TMissingFact => ({ field, zh, en })

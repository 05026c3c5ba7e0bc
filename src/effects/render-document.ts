/**
 * The outbox handler of `document.render`: the machine names a document (data.document), this renders it from the
 * case as it was at the event that caused it and stores it as a Document row with its SHA-256.
 *
 *   load the case (its log replayed to the event, the enterprise, its region names)
 *   → map to the renderer input of the kind (document-data/*, pure)
 *   → render (src/documents: deterministic, the PDF date is the event's date, never the clock)
 *   → store in one transaction under an id derived from the outbox message id.
 *
 * Exactly once: a handler retried after a crash (before its message was marked done) renders the same bytes and
 * finds its row: same SHA-256 → nothing to do; another SHA-256 → DocumentIntegrityError (dead-lettered: the stored
 * document was changed, or rendering is not deterministic). Missing templates and missing case facts are permanent
 * errors with their reason; everything else is retried with the outbox's backoff.
 */
import { ZodError } from 'zod'
import type { TDatabase } from '../db/database.js'
import { one, run, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { PermanentEffectError, type TEffectHandler, type TOutboxMessage } from '../engine/outbox.js'
import type { TClock } from '../engine/clock.js'
import {
  DocumentDataError,
  MissingGlyphsError,
  renderDocument,
  renderFilingPackageWithManifest,
  sha256,
  type TDocumentInputs,
  type TFilingManifestEntry,
} from '../documents/index.js'
import { documentChainHash, nextDocumentPrevHash } from '../engine/document-chain.js'
import type { TProvider } from '../db/schema-files.js'
import { loadCaseSources } from './case-sources.js'
import { planDocument, type TCaseSources, type TDocumentPlan } from './document-data/index.js'
import type { TOmittedPart } from './document-data/filing-package.js'
import { DocumentIntegrityError } from './errors.js'

export const DOCUMENT_RENDER_EFFECT = 'document.render'
export const PDF_MEDIA_TYPE = 'application/pdf'

/** The Document id of the document an outbox message produces: the same message always gives the same id. */
export const documentIdOf = (outboxMessageId: string): string => `doc-${outboxMessageId}`

export type TRenderedDocument = {
  /** The machine's kind (Document.kind), e.g. draft. */
  kind: string
  /** The template that printed it, e.g. wageAgreement. */
  renderer: TDocumentPlan['renderer']
  title: string
  input: TDocumentPlan['input']
  bytes: Buffer
  sha256: string
  manifest?: TFilingManifestEntry[]
  omitted?: TOmittedPart[]
}

/** Renders a plan: the filing package with its manifest, every other kind through renderDocument. */
export async function renderPlan(plan: TDocumentPlan): Promise<{ bytes: Buffer; sha256: string; manifest?: TFilingManifestEntry[] }> {
  if (plan.renderer === 'filingPackage') {
    const r = await renderFilingPackageWithManifest(plan.input)
    return { bytes: r.bytes, sha256: r.sha256, manifest: r.manifest }
  }
  const bytes = await renderDocument(plan.renderer, plan.input as TDocumentInputs[typeof plan.renderer])
  return { bytes, sha256: sha256(bytes) }
}

/** Maps and renders document `kind` of the event at `seq` (no database access). */
export async function renderCaseDocument(s: TCaseSources, kind: string, seq: number, facts?: unknown): Promise<TRenderedDocument> {
  const plan = planDocument(s, kind, seq, facts)
  const r = await renderPlan(plan)
  return {
    kind,
    renderer: plan.renderer,
    title: plan.title,
    input: plan.input,
    bytes: r.bytes,
    sha256: r.sha256,
    ...(r.manifest ? { manifest: r.manifest } : {}),
    ...(plan.omitted?.length ? { omitted: plan.omitted } : {}),
  }
}

export type TStoreResult = { documentId: string; stored: 'inserted' | 'existing' }

/**
 * Stores a rendered document under `id` unless a row with that id exists, as the next link of the case's document
 * chain (src/engine/document-chain.ts: prevHash and chainHash in the same transaction). Same SHA-256 → nothing to
 * do; another → DocumentIntegrityError (the whole transaction is rolled back).
 */
export function* storeDocumentProgram(
  id: string,
  caseId: string,
  caseSeq: number | null,
  doc: TRenderedDocument,
  createdAt: string,
  provider: TProvider,
): TSql<TStoreResult> {
  const existing = yield* one<{ sha256: string; caseId: string }>(`SELECT "sha256", "caseId" FROM "Document" WHERE "id" = ?`, [id])
  if (existing) {
    if (existing.caseId !== caseId || existing.sha256 !== doc.sha256) throw new DocumentIntegrityError(id, existing.sha256, doc.sha256)
    return { documentId: id, stored: 'existing' }
  }
  const prevHash = yield* nextDocumentPrevHash(provider, caseId, caseSeq)
  const chainHash = documentChainHash(prevHash, { caseId, caseSeq, kind: doc.kind, sha256: doc.sha256, createdAt })
  yield* run(
    `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "path", "caseSeq",
       "createdAt", "renderer", "renderInput", "manifest", "prevHash", "chainHash")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      caseId,
      doc.kind,
      doc.title,
      PDF_MEDIA_TYPE,
      doc.sha256,
      doc.bytes.length,
      doc.bytes,
      caseSeq,
      createdAt,
      doc.renderer,
      JSON.stringify(doc.input),
      doc.manifest ? JSON.stringify(doc.manifest) : null,
      prevHash,
      chainHash,
    ],
  )
  return { documentId: id, stored: 'inserted' }
}

export type TRenderDocumentDeps = { db: TDatabase; clock: TClock }

type TPayload = { caseId?: unknown; document?: unknown; facts?: unknown }

/** Turns the errors that retrying cannot fix into PermanentEffectError (dead letter with the reason). */
function classify(e: unknown): unknown {
  if (e instanceof PermanentEffectError) return e
  if (e instanceof DocumentDataError || e instanceof MissingGlyphsError) return new PermanentEffectError(`${e.code}: ${e.message}`)
  if (e instanceof ZodError) return new PermanentEffectError(`DOCUMENT_INVALID_FACTS: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'INTEGRITY_VIOLATION')) return new PermanentEffectError(e.message)
  return e
}

/** Renders and stores the document of one `document.render` message; returns what it stored. */
export async function handleDocumentRender(deps: TRenderDocumentDeps, message: TOutboxMessage) {
  const payload = (message.payload ?? {}) as TPayload
  const kind = typeof payload.document === 'string' ? payload.document : undefined
  const caseId = message.caseId ?? (typeof payload.caseId === 'string' ? payload.caseId : undefined)
  if (!kind || !caseId || message.caseSeq === null) {
    throw new PermanentEffectError(`document.render ${message.id}: the message names no document, case or event (document=${String(kind)}, caseId=${String(caseId)}, caseSeq=${String(message.caseSeq)})`)
  }
  try {
    const sources = await loadCaseSources(deps.db, caseId)
    const doc = await renderCaseDocument(sources, kind, message.caseSeq, payload.facts)
    const id = documentIdOf(message.id)
    const now = deps.clock.now().toISOString()
    const stored = await deps.db.transaction(() => storeDocumentProgram(id, caseId, message.caseSeq, doc, now, deps.db.provider))
    return {
      documentId: stored.documentId,
      stored: stored.stored,
      kind,
      renderer: doc.renderer,
      sha256: doc.sha256,
      sizeBytes: doc.bytes.length,
      ...(doc.omitted ? { omitted: doc.omitted } : {}),
    }
  } catch (e) {
    throw classify(e)
  }
}

export function createRenderDocumentHandler(deps: TRenderDocumentDeps): TEffectHandler {
  return (message) => handleDocumentRender(deps, message)
}

/**
 * src/effects: outbox handlers for the effects that are not mail (mail is src/notify + src/mail), and the queries
 * over what they produce. Today: `document.render` (render-document.ts), the bureau's documents
 * (bureau-documents.ts) and the lineage of the agreement text (document-lineage.ts).
 */
import type { TEffectHandler } from '../engine/outbox.js'
import { createRenderDocumentHandler, DOCUMENT_RENDER_EFFECT, type TRenderDocumentDeps } from './render-document.js'

export type TEffectDeps = TRenderDocumentDeps

/** The handlers to add to an outbox worker's `handlers`. */
export function createEffectHandlers(deps: TEffectDeps): Record<string, TEffectHandler> {
  return { [DOCUMENT_RENDER_EFFECT]: createRenderDocumentHandler(deps) }
}

export {
  DOCUMENT_RENDER_EFFECT,
  documentIdOf,
  handleDocumentRender,
  renderCaseDocument,
  renderPlan,
  storeDocumentProgram,
  type TRenderedDocument,
} from './render-document.js'
export { loadCaseSources } from './case-sources.js'
export { planDocument, rendererOfKind, kindsWithoutTemplate, type TDocumentPlan } from './document-data/index.js'
export {
  BUREAU_DOCUMENT_EVENTS,
  bureauDocumentFor,
  enqueueBureauDocument,
  enqueueBureauDocumentProgram,
  requestBureauDocument,
  ZBureauFactsSchema,
  type TBureauFacts,
} from './bureau-documents.js'
export { REQUESTABLE_DOCUMENTS, requestCaseDocument, type TDocumentRequest, type TRequestableDocument } from './requested-documents.js'
export { documentLineage, diffInputs, type TLineage, type TLineageVersion, type TDifference } from './document-lineage.js'
export { AwaitingEventError, DocumentIntegrityError, MissingCaseFactsError, NoTemplateError } from './errors.js'

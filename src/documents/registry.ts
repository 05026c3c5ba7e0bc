/**
 * The document kinds: Chinese and English names, schema and renderer of each, and renderDocument(kind, data).
 */
import type { z } from 'zod'
import type { TTitle } from './render.js'
import { requestLetterDocument } from './renderers/request-letter.js'
import { requestResponseDocument } from './renderers/request-response.js'
import { teamListDocument } from './renderers/team-list.js'
import { minutesDocument } from './renderers/minutes.js'
import { suspensionRecordDocument } from './renderers/suspension-record.js'
import { coordinationAgreementDocument } from './renderers/coordination-agreement.js'
import { wageAgreementDocument } from './renderers/wage-agreement.js'
import { collectiveContractDocument } from './renderers/collective-contract.js'
import { congressResolutionDocument } from './renderers/congress-resolution.js'
import { situationReportDocument } from './renderers/situation-report.js'
import { wageDataDocument } from './renderers/wage-data.js'
import { preparationBriefDocument } from './renderers/preparation-brief.js'
import { filingReceiptDocument } from './renderers/filing-receipt.js'
import { correctionNoticeDocument } from './renderers/correction-notice.js'
import { reviewOpinionDocument } from './renderers/review-opinion.js'
import { wageReviewOpinionDocument } from './renderers/wage-review-opinion.js'
import { interventionRequestDocument } from './renderers/intervention-request.js'
import { coordinationApplicationDocument } from './renderers/coordination-application.js'
import { publicationNoticeDocument } from './renderers/publication-notice.js'
import { renewalRequestDocument } from './renderers/renewal-request.js'
import { amendmentRequestDocument, terminationRequestDocument } from './renderers/change-request.js'
import { filingPackageNames, renderFilingPackage } from './renderers/filing-package.js'
import { ZFilingPackageSchema } from './types.js'

const definitions = {
  requestLetter: requestLetterDocument,
  requestResponse: requestResponseDocument,
  interventionRequest: interventionRequestDocument,
  teamList: teamListDocument,
  minutes: minutesDocument,
  suspensionRecord: suspensionRecordDocument,
  coordinationApplication: coordinationApplicationDocument,
  coordinationAgreement: coordinationAgreementDocument,
  wageAgreement: wageAgreementDocument,
  collectiveContract: collectiveContractDocument,
  congressResolution: congressResolutionDocument,
  situationReport: situationReportDocument,
  wageData: wageDataDocument,
  preparationBrief: preparationBriefDocument,
  filingReceipt: filingReceiptDocument,
  correctionNotice: correctionNoticeDocument,
  reviewOpinion: reviewOpinionDocument,
  wageReviewOpinion: wageReviewOpinionDocument,
  publicationNotice: publicationNoticeDocument,
  renewalRequest: renewalRequestDocument,
  amendmentRequest: amendmentRequestDocument,
  terminationRequest: terminationRequestDocument,
} as const

type TDefinitions = typeof definitions

/** Input data of each kind (before defaults are applied), by kind. */
export type TDocumentInputs = { [K in keyof TDefinitions]: z.input<TDefinitions[K]['schema']> } & {
  filingPackage: z.input<typeof ZFilingPackageSchema>
}
export type TDocumentKind = keyof TDocumentInputs

export type TRegistryEntry = {
  kind: TDocumentKind
  /** Chinese and English names of the kind. */
  names: TTitle
  /** Which side issues it. */
  issuer: 'parties' | 'bureau'
  schema: z.ZodType
}

const bureauKinds: readonly TDocumentKind[] = ['filingReceipt', 'correctionNotice', 'reviewOpinion', 'wageReviewOpinion']

/** Every document kind with its names and schema, in the order of the procedure. */
export const documentRegistry: Readonly<Record<TDocumentKind, TRegistryEntry>> = Object.freeze({
  ...(Object.fromEntries(
    Object.entries(definitions).map(([kind, d]): [string, TRegistryEntry] => [
      kind,
      {
        kind: kind as TDocumentKind,
        names: d.names,
        issuer: bureauKinds.includes(kind as TDocumentKind) ? 'bureau' : 'parties',
        schema: d.schema,
      },
    ]),
  ) as Record<keyof TDefinitions, TRegistryEntry>),
  filingPackage: { kind: 'filingPackage', names: filingPackageNames, issuer: 'parties', schema: ZFilingPackageSchema },
})

export const documentKinds = Object.keys(documentRegistry) as TDocumentKind[]

export function isDocumentKind(kind: string): kind is TDocumentKind {
  return Object.hasOwn(documentRegistry, kind)
}

/**
 * Renders a document of the given kind from its plain data and returns the PDF bytes. Throws DocumentDataError
 * when the data does not match the kind's schema and MissingGlyphsError when it holds characters the font lacks.
 */
export async function renderDocument<K extends TDocumentKind>(kind: K, data: TDocumentInputs[K]): Promise<Buffer> {
  if (kind === 'filingPackage') return renderFilingPackage(data as TDocumentInputs['filingPackage'])
  const d = definitions[kind as keyof TDefinitions] as unknown as { render: (input: unknown) => Promise<Buffer> }
  return d.render(data)
}

/**
 * Machine document kind → renderer and its input: the one table of which template prints which document.
 *
 * The machine (workflows/negotiation/effects.ts) names documents by their role in the procedure (`draft`,
 * `agreement`, `refusalLetter` …); src/documents names templates (`wageAgreement`, `requestResponse` …). Kinds
 * without a template throw NoTemplateError, so their outbox message is dead-lettered with the reason.
 */
import { documentRegistry, type TDocumentInputs, type TDocumentKind } from '../../documents/index.js'
import { NoTemplateError } from '../errors.js'
import { agreementData } from './agreement.js'
import {
  bureauDocumentFor,
  correctionNoticeData,
  filingReceiptData,
  reviewOpinionData,
  wageReviewOpinionData,
  ZBureauFactsSchema,
  type TBureauFacts,
} from './bureau.js'
import { congressResolutionData } from './congress.js'
import { coordinationApplicationData, interventionRequestData } from './bureau-requests.js'
import { changeRequestData, publicationNoticeData, renewalRequestData } from './in-force.js'
import { filingPackageData, type TOmittedPart } from './filing-package.js'
import { minutesData } from './minutes.js'
import { preparationBriefData } from './preparation.js'
import { requestLetterData, requestResponseData } from './request.js'
import type { TCaseSources } from './sources.js'
import { coordinationAgreementData, suspensionRecordData } from './suspension.js'
import { teamListData } from './team-list.js'

export type { TCaseSources } from './sources.js'
export { bureauDocumentFor, ZBureauFactsSchema, type TBureauFacts }

/** A document ready to render: the template, its input, and the title stored with it. */
export type TDocumentPlan = {
  [K in TDocumentKind]: { renderer: K; input: TDocumentInputs[K]; title: string; omitted?: TOmittedPart[] }
}[TDocumentKind]

/** Kinds the machine names that have no template yet, with what the template would be (none today). */
export const kindsWithoutTemplate: Readonly<Record<string, { zh: string; en: string }>> = {}

/** Machine kind → renderer, for the kinds that have one (the agreement's renderer depends on the case kind). */
export const rendererOfKind: Readonly<Record<string, TDocumentKind | 'agreement'>> = {
  requestLetter: 'requestLetter',
  replyLetter: 'requestResponse',
  refusalLetter: 'requestResponse',
  teamList: 'teamList',
  minutes: 'minutes',
  suspensionRecord: 'suspensionRecord',
  coordinationAgreement: 'coordinationAgreement',
  draft: 'agreement',
  agreement: 'agreement',
  filingPackage: 'filingPackage',
  interventionRequest: 'interventionRequest',
  coordinationApplication: 'coordinationApplication',
  publicationNotice: 'publicationNotice',
  renewalRequest: 'renewalRequest',
  amendmentRequest: 'amendmentRequest',
  terminationRequest: 'terminationRequest',
  // Not emitted by the machine (yet): produced on request or by bureau commands (bureau-documents.ts).
  congressResolution: 'congressResolution',
  preparationBrief: 'preparationBrief',
  filingReceipt: 'filingReceipt',
  correctionNotice: 'correctionNotice',
  reviewOpinion: 'reviewOpinion',
  wageReviewOpinion: 'wageReviewOpinion',
}

const names = (kind: TDocumentKind) => documentRegistry[kind].names.zh

/**
 * The plan of document `kind` for the event at `seq`: which template, with which input, under which title
 * (the registry's Chinese name, qualified where the machine's kind says more: 草案, 第N次, 拒绝).
 */
export function planDocument(s: TCaseSources, kind: string, seq: number, rawFacts: unknown = undefined): TDocumentPlan {
  const renderer = rendererOfKind[kind]
  if (!renderer) {
    const template = kindsWithoutTemplate[kind] ?? { zh: kind, en: kind }
    throw new NoTemplateError(kind, template)
  }
  const facts: TBureauFacts = rawFacts === undefined ? {} : ZBureauFactsSchema.parse(rawFacts)
  switch (kind) {
    case 'requestLetter':
      return { renderer: 'requestLetter', input: requestLetterData(s, seq), title: names('requestLetter') }
    case 'replyLetter':
    case 'refusalLetter': {
      const input = requestResponseData(s, seq)
      return { renderer: 'requestResponse', input, title: `${names('requestResponse')}（${input.decision === 'accept' ? '同意协商' : '拒绝协商'}）` }
    }
    case 'teamList':
      return { renderer: 'teamList', input: teamListData(s, seq), title: names('teamList') }
    case 'minutes': {
      const input = minutesData(s, seq)
      return { renderer: 'minutes', input, title: `${names('minutes')}（第${input.roundNumber}次）` }
    }
    case 'suspensionRecord':
      return { renderer: 'suspensionRecord', input: suspensionRecordData(s, seq), title: names('suspensionRecord') }
    case 'coordinationAgreement':
      return { renderer: 'coordinationAgreement', input: coordinationAgreementData(s, seq), title: names('coordinationAgreement') }
    case 'draft':
    case 'agreement': {
      const a = agreementData(s, seq, kind === 'draft' ? 'draft' : 'signed')
      const title = kind === 'draft' ? `${names(a.renderer)}（草案）` : names(a.renderer)
      return a.renderer === 'wageAgreement'
        ? { renderer: 'wageAgreement', input: a.data, title }
        : { renderer: 'collectiveContract', input: a.data, title }
    }
    case 'filingPackage': {
      const { data, omitted } = filingPackageData(s, seq)
      const title = data.agreementType === 'wage' ? `${names('wageAgreement')}报送材料` : names('filingPackage')
      return { renderer: 'filingPackage', input: data, title, omitted }
    }
    case 'interventionRequest':
      return { renderer: 'interventionRequest', input: interventionRequestData(s, seq), title: names('interventionRequest') }
    case 'coordinationApplication':
      return { renderer: 'coordinationApplication', input: coordinationApplicationData(s, seq), title: names('coordinationApplication') }
    case 'publicationNotice':
      return { renderer: 'publicationNotice', input: publicationNoticeData(s, seq), title: names('publicationNotice') }
    case 'renewalRequest':
      return { renderer: 'renewalRequest', input: renewalRequestData(s, seq), title: names('renewalRequest') }
    case 'amendmentRequest':
      return { renderer: 'amendmentRequest', input: changeRequestData(s, seq, kind), title: names('amendmentRequest') }
    case 'terminationRequest':
      return { renderer: 'terminationRequest', input: changeRequestData(s, seq, kind), title: names('terminationRequest') }
    case 'preparationBrief':
    {
      const input = preparationBriefData(s, seq)
      return { renderer: 'preparationBrief', input, title: `${names('preparationBrief')}（${input.asOf}）` }
    }
    case 'congressResolution':
      return { renderer: 'congressResolution', input: congressResolutionData(s, seq), title: names('congressResolution') }
    case 'filingReceipt':
      return { renderer: 'filingReceipt', input: filingReceiptData(s, seq, facts), title: names('filingReceipt') }
    case 'correctionNotice':
      return { renderer: 'correctionNotice', input: correctionNoticeData(s, seq, facts), title: names('correctionNotice') }
    case 'reviewOpinion':
      return { renderer: 'reviewOpinion', input: reviewOpinionData(s, seq, facts), title: names('reviewOpinion') }
    case 'wageReviewOpinion':
      return { renderer: 'wageReviewOpinion', input: wageReviewOpinionData(s, seq, facts), title: names('wageReviewOpinion') }
    default:
      throw new NoTemplateError(kind, { zh: kind, en: kind })
  }
}

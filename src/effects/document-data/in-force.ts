/**
 * Documents about the contract in force: its publication to all staff (agreement.published, JHR 48, GZ 23), the
 * request to renew it (renewal.requested, JHR 38, GZ 24), and the requests to amend or rescind it
 * (amendment.requested / termination.requested, JHR 39-41).
 */
import type { TContractRef, TDocumentInputs } from '../../documents/index.js'
import type { TAgreementRecord, TNegotiationContext } from '../../../workflows/negotiation/context.js'
import { missing } from '../errors.js'
import { agreementTypeOf, bureauOf, chiefName, commonOf, requireFacts } from './common.js'
import { requestingSideParts } from './request.js'
import { eventAt, type TCaseSources } from './sources.js'

/** The contract in force as the notice or request names it. */
function contractRef(a: TAgreementRecord): TContractRef {
  return {
    title: a.title,
    ...(a.registrationNumber ? { registrationNumber: a.registrationNumber } : {}),
    signingDate: a.signedOn,
    effectiveDate: a.effectiveOn,
    term: { start: a.termStartsOn, end: a.expiresOn },
  }
}

/** The contract in force at the event; it was archived into the history when a new procedure started. */
function agreementOf(kind: string, context: TNegotiationContext): TAgreementRecord {
  requireFacts(kind, [!context.agreement && missing('agreement', '生效的合同', 'the contract in force')])
  return context.agreement!
}

export function publicationNoticeData(s: TCaseSources, seq: number): TDocumentInputs['publicationNotice'] {
  const context = s.contextAt(seq)
  const e = eventAt(s, seq)
  const a = agreementOf('publicationNotice', context)
  const side = e.payload['side']
  const publishedOn = e.payload['publishedOn']
  const channel = e.payload['channel']
  requireFacts('publicationNotice', [
    (e.type !== 'agreement.published' || typeof publishedOn !== 'string' || (side !== 'worker' && side !== 'employer') || typeof channel !== 'string') &&
      missing('agreement.published', '公布的日期、方式和公布方', 'the date, channel and side of the publication'),
  ])
  const draft = context.drafts.find((d) => d.version === a.draftVersion)
  return {
    ...commonOf(s, context, publishedOn as string),
    agreementType: agreementTypeOf(s.caseKind),
    publishingSide: side as 'worker' | 'employer',
    bureau: bureauOf(s.regions),
    contract: contractRef(a),
    effectiveBy: a.effectiveBy,
    highlights: draft?.items ?? [],
    channel: channel as string,
    publishedDate: publishedOn as string,
  }
}

export function renewalRequestData(s: TCaseSources, seq: number): TDocumentInputs['renewalRequest'] {
  const context = s.contextAt(seq)
  const a = agreementOf('renewalRequest', context)
  const r = context.renewalRequest
  requireFacts('renewalRequest', [!r && missing('renewalRequest', '续订要求', 'the renewal request')])
  return {
    ...commonOf(s, context, r!.sentOn),
    agreementType: agreementTypeOf(s.caseKind),
    requestingSide: r!.by,
    contract: contractRef(a),
    content: [r!.content],
    chief: chiefName(s, context, r!.by),
    sentDate: r!.sentOn,
  }
}

/** 变更 / 解除 requests: the new procedure's request (with its ground, JHR 40) against the contract in force. */
export function changeRequestData(s: TCaseSources, seq: number, kind: 'amendmentRequest' | 'terminationRequest'): TDocumentInputs['amendmentRequest'] {
  const context = s.contextAt(seq)
  const a = agreementOf(kind, context)
  const request = context.request
  requireFacts(kind, [
    !request && missing('request', '变更或者解除的要求', 'the request'),
    request && !request.ground && missing('request.ground', '变更或者解除的理由（JHR 40）', 'the ground (JHR 40)'),
  ])
  const parts = requestingSideParts(s, context, kind)
  return {
    ...commonOf(s, context, request!.sentOn),
    agreementType: agreementTypeOf(s.caseKind),
    requestingSide: request!.by,
    contract: contractRef(a),
    ground: request!.ground!,
    content: [request!.content],
    ...parts,
    sentDate: request!.sentOn,
  }
}

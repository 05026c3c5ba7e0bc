/**
 * What a party sends to the labour bureau: the request to intervene after a refused or unanswered negotiation
 * request (intervention.requested, JHR 56) and the application for coordination (coordination.requested, JHR 49).
 */
import type { TDocumentInputs } from '../../documents/index.js'
import { missing } from '../errors.js'
import { agreementTypeOf, bureauOf, chiefName, commonOf, requireFacts } from './common.js'
import { requestContact, requestTopics } from './request.js'
import type { TCaseSources } from './sources.js'

export function interventionRequestData(s: TCaseSources, seq: number): TDocumentInputs['interventionRequest'] {
  const context = s.contextAt(seq)
  const { request, reply, intervention } = context
  requireFacts('interventionRequest', [
    !intervention && missing('intervention', '请求处理的申请', 'the request to intervene'),
    !request && missing('request', '协商要约', 'the negotiation request'),
    reply?.accepted && missing('reply', '被拒绝或者未获答复的要约', 'a refused or unanswered request (the request was accepted)'),
  ])
  const chief = chiefName(s, context, request!.by)
  return {
    ...commonOf(s, context, intervention!.requestedOn),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureauOf(s.regions),
    requestingSide: request!.by,
    request: {
      sentDate: request!.sentOn,
      ...(request!.receivedOn ? { receivedDate: request!.receivedOn } : {}),
      topics: requestTopics(request!),
    },
    // JHR 32: a written refusal with its stated reason, or no written reply within the period.
    answer: reply ? { kind: 'refused', date: reply.answeredOn, reason: reply.text } : { kind: 'noReply' },
    reasons: [intervention!.reason],
    chief,
    contact: requestContact(request!, chief),
    applicationDate: intervention!.requestedOn,
  }
}

export function coordinationApplicationData(s: TCaseSources, seq: number): TDocumentInputs['coordinationApplication'] {
  const context = s.contextAt(seq)
  const c = context.coordination
  requireFacts('coordinationApplication', [
    !c?.requestedOn && missing('coordination.requestedOn', '协调处理申请的日期', 'the date of the application'),
    !c?.by && missing('coordination.by', '申请人', 'who applies'),
  ])
  // The disputed items as applied for; without them, the items the last round left open.
  const disputed = c!.disputedItems.length ? c!.disputedItems : (context.rounds.at(-1)?.openItems ?? [])
  requireFacts('coordinationApplication', [
    disputed.length === 0 && missing('coordination.requested.disputedItems', '争议事项', 'the disputed items'),
    !c!.reason && missing('coordination.requested.reason', '申请理由', 'the reason for the application'),
  ])
  return {
    ...commonOf(s, context, c!.requestedOn!),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureauOf(s.regions),
    applicant: c!.by!,
    rounds: context.rounds.map((r) => ({ number: r.number, date: r.heldOn, place: r.place })),
    disputedItems: disputed,
    reasons: [c!.reason!],
    employerChief: chiefName(s, context, 'employer'),
    workerChief: chiefName(s, context, 'worker'),
    applicationDate: c!.requestedOn!,
  }
}

/**
 * Pure context updates of the negotiation machine: (context, event) → the changed part of the context.
 * The machine wires them with `assign`; keeping them here keeps machine.ts readable and lets tests call them.
 */
import type { TDeadlineKind } from '../effects.js'
import { congressRuleOf, decideVote, hasPassed } from '../congress/rules.js'
import { addDays, addMonths, diffDays, toLocalDate } from '../rules/calendar/dates.js'
import { mergeFigures } from '../proposals/preparation.js'
import {
  emptyPreparation,
  type TAgreementRecord,
  type TCoordinationRecord,
  type TNegotiationContext,
  type TProcedure,
  type TProcedureRecord,
  type TSuspensionRecord,
} from './context.js'
import type { TEventOf, TSide } from './events.js'
import { draftTerm, groupOf, packOf } from './rules.js'

type TPatch = Partial<TNegotiationContext>

export function addPending(list: readonly TDeadlineKind[], kind: TDeadlineKind): TDeadlineKind[] {
  return list.includes(kind) ? [...list] : [...list, kind]
}
export function removePending(list: readonly TDeadlineKind[], kind: TDeadlineKind): TDeadlineKind[] {
  return list.filter((k) => k !== kind)
}

/** The local date on which an elapsed deadline's last day fell (`dueAt` is the end of that day). */
export function lastDayOf(context: TNegotiationContext, dueAt: string): string {
  const instant = new Date(Date.parse(dueAt) - 1).toISOString()
  return toLocalDate(instant, packOf(context).timeZone)
}

export function deadlineElapsed(context: TNegotiationContext, event: TEventOf<'deadline.elapsed'>): TPatch {
  return {
    pendingDeadlines: removePending(context.pendingDeadlines, event.kind),
    elapsed: [...context.elapsed, { kind: event.kind, dueAt: event.dueAt, at: event.at }],
  }
}

// ---- Request -----------------------------------------------------------------------------------------------------

export function requestSent(
  event: TEventOf<'request.sent'> | TEventOf<'amendment.requested'> | TEventOf<'termination.requested'>,
): TPatch {
  return {
    request: {
      by: event.by,
      sentOn: event.sentOn,
      proposedTime: event.proposedTime,
      proposedPlace: event.proposedPlace,
      content: event.content,
      topics: event.topics ?? [],
      ...(event.proposedDate !== undefined ? { proposedDate: event.proposedDate } : {}),
      ...(event.proposedStartTime !== undefined ? { proposedStartTime: event.proposedStartTime } : {}),
      ...(event.contact !== undefined ? { contact: event.contact } : {}),
      ...('ground' in event ? { ground: event.ground } : {}),
    },
  }
}

export function requestReceived(context: TNegotiationContext, event: TEventOf<'request.received'>): TPatch {
  return { request: { ...context.request!, receivedOn: event.receivedOn, receiptProof: event.proof } }
}

/** The context of a new procedure (amendment or termination of the contract in force, JHR 39-41). */
export function startProcedure(
  context: TNegotiationContext,
  event: TEventOf<'amendment.requested'> | TEventOf<'termination.requested'>,
  procedure: TProcedure,
): TPatch {
  return {
    ...archiveProcedure(context, 'completed'),
    procedure,
    ...requestSent(event),
  }
}

/** Moves the current procedure's records to `procedureHistory` and clears them. */
export function archiveProcedure(context: TNegotiationContext, outcome: string): TPatch {
  const record: TProcedureRecord = {
    procedure: context.procedure,
    ...(context.request ? { request: context.request } : {}),
    preparation: context.preparation,
    rounds: context.rounds,
    suspensions: context.suspensions,
    coordinations: context.coordinations,
    drafts: context.drafts,
    congressVotes: context.congressVotes,
    ...(context.signature ? { signature: context.signature } : {}),
    ...(context.filing ? { filing: context.filing } : {}),
    reviews: context.reviews,
    outcome,
  }
  return {
    procedureHistory: [...context.procedureHistory, record],
    request: undefined,
    reply: undefined,
    intervention: undefined,
    preparation: emptyPreparation(),
    rounds: [],
    suspensions: [],
    coordination: undefined,
    coordinations: [],
    draft: undefined,
    drafts: [],
    congressVotes: [],
    signature: undefined,
    filing: undefined,
    review: undefined,
    reviews: [],
    renegotiation: undefined,
    limit: undefined,
  }
}

// ---- Teams -------------------------------------------------------------------------------------------------------

export function teamAppointed(context: TNegotiationContext, event: TEventOf<'team.appointed'>): TPatch {
  return {
    teams: { ...context.teams, [event.side]: { side: event.side, appointedOn: event.appointedOn, members: event.members } },
    ...(event.workforce ? { workforce: { ...context.workforce, ...event.workforce } } : {}),
    // A re-appointed side has no vacancies left.
    vacancies: context.vacancies.filter((x) => x.side !== event.side),
  }
}

export function memberVacated(context: TNegotiationContext, event: TEventOf<'member.vacated'>): TPatch {
  const team = context.teams[event.side]!
  const member = team.members.find((m) => m.id === event.memberId)!
  return {
    teams: { ...context.teams, [event.side]: { ...team, members: team.members.filter((m) => m.id !== event.memberId) } },
    vacancies: [
      ...context.vacancies,
      { side: event.side, memberId: event.memberId, wasChief: member.isChief, vacatedOn: event.vacatedOn, reason: event.reason },
    ],
  }
}

export function vacancyFilled(context: TNegotiationContext, event: TEventOf<'vacancy.filled'>): TPatch {
  const team = context.teams[event.side]!
  const index = context.vacancies.findIndex((x) => x.side === event.side)
  return {
    teams: { ...context.teams, [event.side]: { ...team, members: [...team.members, event.member] } },
    vacancies: context.vacancies.filter((_, i) => i !== index),
  }
}

// ---- Preparation -------------------------------------------------------------------------------------------------

export function opinionsCollected(context: TNegotiationContext, event: TEventOf<'opinions.collected'>): TPatch {
  const opinion = {
    side: event.side,
    collectedOn: event.collectedOn,
    summary: event.summary,
    ...(event.survey ? { survey: event.survey } : {}),
  }
  return { preparation: { ...context.preparation, opinions: [...context.preparation.opinions, opinion] } }
}

/** GZ 8: each figure given replaces the current one; the recording is kept in the history. */
export function figuresRecorded(context: TNegotiationContext, event: TEventOf<'preparation.figuresRecorded'>): TPatch {
  const record = {
    by: event.by,
    recordedOn: event.recordedOn,
    at: event.at,
    ...(event.enterprise ? { enterprise: event.enterprise } : {}),
    ...(event.regional ? { regional: event.regional } : {}),
  }
  return {
    preparation: {
      ...context.preparation,
      figures: mergeFigures(context.preparation.figures, event),
      figureHistory: [...context.preparation.figureHistory, record],
    },
  }
}

export function informationSupplied(context: TNegotiationContext, event: TEventOf<'information.supplied'>): TPatch {
  return {
    preparation: {
      ...context.preparation,
      informationRequests: context.preparation.informationRequests.map((r) =>
        r.by !== event.by && !r.suppliedOn ? { ...r, suppliedOn: event.suppliedOn } : r,
      ),
    },
  }
}

/** The information deadline passed: open requests are marked late. */
export function informationOverdue(context: TNegotiationContext): TPatch {
  return {
    preparation: {
      ...context.preparation,
      informationRequests: context.preparation.informationRequests.map((r) => (r.suppliedOn ? r : { ...r, late: true })),
    },
  }
}

export function hasOpenInformationRequest(context: TNegotiationContext): boolean {
  return context.preparation.informationRequests.some((r) => !r.suppliedOn)
}

// ---- Rounds and suspension ---------------------------------------------------------------------------------------

export function roundHeld(context: TNegotiationContext, event: TEventOf<'round.held'>): TPatch {
  const { type: _type, at: _at, ...round } = event
  return { rounds: [...context.rounds, { ...round, procedure: context.procedure }] }
}

export function suspended(context: TNegotiationContext, event: TEventOf<'negotiation.suspended'>): TPatch {
  const record: TSuspensionRecord = {
    suspendedOn: event.suspendedOn,
    ...(event.periodDays !== undefined ? { periodDays: event.periodDays } : {}),
    ...(event.nextMeeting ? { nextMeeting: event.nextMeeting } : {}),
    reason: event.reason,
    forceMajeure: event.forceMajeure,
    workerConsent: event.workerConsent,
    longerPeriodAgreed: event.longerPeriodAgreed ?? false,
  }
  return { suspensions: [...context.suspensions, record] }
}

/** The date a suspension ends, from the event that ends it. */
export function suspensionEndDate(context: TNegotiationContext, event: { type: string } & Record<string, unknown>): string {
  const open = context.suspensions.at(-1)
  const fallback = open?.suspendedOn ?? ''
  switch (event.type) {
    case 'negotiation.resumed':
      return event['resumedOn'] as string
    case 'deadline.elapsed':
      return addDays(lastDayOf(context, event['dueAt'] as string), 1)
    case 'coordination.requested':
      return event['requestedOn'] as string
    case 'coordination.accepted':
      return event['acceptedOn'] as string
    default:
      return typeof event['at'] === 'string' ? toLocalDate(event['at'], packOf(context).timeZone) : fallback
  }
}

export function suspensionClosed(
  context: TNegotiationContext,
  endedOn: string,
  endedBy: NonNullable<TSuspensionRecord['endedBy']>,
): TPatch {
  const open = context.suspensions.at(-1)
  if (!open || open.endedOn) return {}
  const daysUsed = Math.max(0, diffDays(open.suspendedOn, endedOn))
  return { suspensions: [...context.suspensions.slice(0, -1), { ...open, endedOn, endedBy, daysUsed }] }
}

// ---- Overall limit ----------------------------------------------------------------------------------------------

/** The date the local overall limit counts from, if it has started. */
export function limitStartDate(context: TNegotiationContext, firstRoundOn?: string): string | undefined {
  const limit = packOf(context).negotiationLimit
  if (!limit) return undefined
  switch (limit.countsFrom) {
    case 'requestSent':
      return context.request?.sentOn
    case 'requestReceived':
      return context.request?.receivedOn
    case 'requestAccepted':
      return context.reply?.accepted ? context.reply.answeredOn : undefined
    case 'firstMeeting':
      return firstRoundOn
  }
}

// ---- Coordination -----------------------------------------------------------------------------------------------

export function coordinationRequested(event: TEventOf<'coordination.requested'>): TPatch {
  return {
    coordination: {
      requestedOn: event.requestedOn,
      by: event.by,
      reason: event.reason,
      disputedItems: event.disputedItems,
      onOwnInitiative: false,
    },
  }
}

export function coordinationAccepted(context: TNegotiationContext, event: TEventOf<'coordination.accepted'>): TPatch {
  const current: TCoordinationRecord = context.coordination ?? { disputedItems: [], onOwnInitiative: true }
  return { coordination: { ...current, acceptedOn: event.acceptedOn, onOwnInitiative: event.onOwnInitiative } }
}

export function coordinationConcluded(
  context: TNegotiationContext,
  outcome: NonNullable<TCoordinationRecord['outcome']>,
  details: Partial<TCoordinationRecord>,
): TPatch {
  const done: TCoordinationRecord = { ...(context.coordination ?? { disputedItems: [], onOwnInitiative: false }), ...details, outcome }
  return { coordination: undefined, coordinations: [...context.coordinations, done] }
}

// ---- Draft, congress, signature ----------------------------------------------------------------------------------

/** JHR 36-37: a draft goes to the congress, except a revision after an objection where the pack needs no new vote. */
export function congressRequiredFor(context: TNegotiationContext): boolean {
  return !context.renegotiation || packOf(context).congress.revoteAfterObjection.value
}

export function draftAgreed(context: TNegotiationContext, event: TEventOf<'draft.agreed'>): TPatch {
  const draft = {
    version: (context.draft?.version ?? context.drafts.at(-1)?.version ?? 0) + 1,
    agreedOn: event.agreedOn,
    title: event.title,
    text: event.text,
    items: event.items,
    ...(event.clauses ? { clauses: event.clauses } : {}),
    ...draftTerm(event),
    signedBy: event.signedBy,
    basedOnRound: context.rounds.at(-1)?.number ?? 0,
    congressRequired: congressRequiredFor(context),
    congressPassed: false,
  }
  return { draft, drafts: [...context.drafts, draft] }
}

export function decideCongress(context: TNegotiationContext, event: TEventOf<'congress.resultCertified'>) {
  return decideVote(event, congressRuleOf(packOf(context)))
}

export function congressCertified(context: TNegotiationContext, event: TEventOf<'congress.resultCertified'>): TPatch {
  const rule = congressRuleOf(packOf(context))
  const decision = decideVote(event, rule)
  const draft = context.draft!
  const items = event.items?.map((item) => ({
    ...item,
    passed: decision.quorate && hasPassed({ yes: item.yes, totalSeats: event.totalSeats }, rule).ok,
  }))
  const vote = {
    draftVersion: draft.version,
    heldOn: event.heldOn,
    body: event.body,
    totalSeats: event.totalSeats,
    present: event.present,
    yes: event.yes,
    no: event.no,
    abstain: event.abstain,
    ballot: event.ballot,
    ...(items ? { items } : {}),
    ...(event.certificateRef ? { certificateRef: event.certificateRef } : {}),
    quorate: decision.quorate,
    passed: decision.passed,
    explanations: decision.checks.map((c) => ({ article: c.article, ...c.explanation })),
  }
  const updated = { ...draft, congressPassed: decision.passed }
  return {
    congressVotes: [...context.congressVotes, vote],
    draft: updated,
    drafts: [...context.drafts.slice(0, -1), updated],
  }
}

export function signed(context: TNegotiationContext, event: TEventOf<'agreement.signed'>): TPatch {
  const countsFrom = packOf(context).filing[groupOf(context)].countsFrom
  const periodFrom =
    countsFrom === 'unionNoticeOfPassage' && event.passageNoticeOn ? event.passageNoticeOn : event.signedOn
  return {
    signature: {
      signedOn: event.signedOn,
      signedBy: event.signedBy,
      sealed: event.sealed,
      ...(event.passageNoticeOn ? { passageNoticeOn: event.passageNoticeOn } : {}),
      draftVersion: context.draft!.version,
    },
    filing: { periodFrom, late: false, corrections: [] },
  }
}

// ---- Filing and review -------------------------------------------------------------------------------------------

export function filed(context: TNegotiationContext, event: TEventOf<'agreement.filed'>, late: boolean): TPatch {
  return {
    filing: {
      ...context.filing!,
      filedOn: event.filedOn,
      copies: event.copies,
      explanatoryNote: event.explanatoryNote,
      materials: event.materials,
      late,
      ...(event.routedTo ? { routedTo: event.routedTo } : {}),
    },
  }
}

export function registered(context: TNegotiationContext, event: TEventOf<'filing.registered'>): TPatch {
  return {
    filing: {
      ...context.filing!,
      receivedOn: event.receivedOn,
      registrationNumber: event.registrationNumber,
      ...(event.receiptNoticeRef ? { receiptNoticeRef: event.receiptNoticeRef } : {}),
    },
    review: { receivedOn: event.receivedOn },
  }
}

export function correctionRequested(context: TNegotiationContext, event: TEventOf<'correction.requested'>): TPatch {
  const filing = context.filing!
  return {
    filing: { ...filing, corrections: [...filing.corrections, { requestedOn: event.requestedOn, items: event.items }] },
    // A review in progress starts again from the receipt of the completed filing.
    ...(context.review ? { reviews: [...context.reviews, context.review], review: undefined } : {}),
  }
}

export function correctionSupplied(context: TNegotiationContext, event: TEventOf<'correction.supplied'>): TPatch {
  const filing = context.filing!
  const last = filing.corrections.at(-1)
  return {
    filing: {
      ...filing,
      corrections: last ? [...filing.corrections.slice(0, -1), { ...last, suppliedOn: event.suppliedOn }] : filing.corrections,
    },
  }
}

export function objected(context: TNegotiationContext, event: TEventOf<'review.objected'>): TPatch {
  const review = {
    ...context.review!,
    objection: {
      opinionDate: event.opinionDate,
      deliveredOn: event.deliveredOn,
      opinion: event.opinion,
      items: event.items,
      sealed: event.sealed,
      ...(event.opinionRef ? { opinionRef: event.opinionRef } : {}),
    },
    outcome: 'objected' as const,
  }
  return {
    review: undefined,
    reviews: [...context.reviews, review],
    renegotiation: { objectedOn: event.deliveredOn, items: event.items },
    signature: undefined,
  }
}

export function approvalDelivered(context: TNegotiationContext, event: TEventOf<'review.approved'>): TPatch {
  return {
    review: {
      ...context.review!,
      approval: {
        opinionDate: event.opinionDate,
        deliveredOn: event.deliveredOn,
        sealed: event.sealed,
        ...(event.opinionRef ? { opinionRef: event.opinionRef } : {}),
      },
    },
  }
}

/** The contract (or its amendment) takes effect: JHR 47, GZ 22. */
export function becameEffective(
  context: TNegotiationContext,
  effectiveOn: string,
  effectiveBy: TAgreementRecord['effectiveBy'],
): TPatch {
  const draft = context.draft!
  const previous = context.agreement
  const termMonths = draft.termMonths ?? previous?.termMonths ?? packOf(context).term[groupOf(context)].minMonths
  // An amendment that does not restate the term keeps the contract's term (JHR 39).
  const keepTerm = draft.termMonths === undefined && previous !== undefined
  const termStartsOn = keepTerm ? previous.termStartsOn : (draft.termStartsOn ?? effectiveOn)
  const expiresOn = keepTerm ? previous.expiresOn : addDays(addMonths(termStartsOn, termMonths), -1)
  const agreement: TAgreementRecord = {
    version: (previous?.version ?? 0) + 1,
    kind: context.kind,
    procedure: context.procedure,
    title: draft.title,
    draftVersion: draft.version,
    signedOn: context.signature?.signedOn ?? draft.agreedOn,
    ...(context.filing?.registrationNumber ? { registrationNumber: context.filing.registrationNumber } : {}),
    effectiveOn,
    effectiveBy,
    termMonths,
    termStartsOn,
    expiresOn,
    ...(previous?.scheduledExpiryOn ? { scheduledExpiryOn: previous.scheduledExpiryOn } : {}),
    renewalWindowOpen: previous !== undefined && previous.expiresOn === expiresOn ? previous.renewalWindowOpen : false,
    publication: { complete: false },
  }
  const review = context.review
    ? {
        ...context.review,
        outcome: effectiveBy === 'deemedApproval' ? ('deemedApproved' as const) : ('approvedByOpinion' as const),
      }
    : undefined
  return {
    agreement,
    agreementHistory: previous ? [...context.agreementHistory, previous] : context.agreementHistory,
    review: undefined,
    reviews: review ? [...context.reviews, review] : context.reviews,
    renegotiation: undefined,
  }
}

export function published(context: TNegotiationContext, event: TEventOf<'agreement.published'>): TPatch {
  const agreement = context.agreement!
  const publication = { ...agreement.publication, [event.side]: event.publishedOn }
  return { agreement: { ...agreement, publication: { ...publication, complete: publicationComplete(context, publication) } } }
}

/** JHR 48 / GZ 23: each side to its own members; Zhejiang 35 and others: the employer to all workers. */
export function publicationComplete(
  context: TNegotiationContext,
  publication: Partial<Record<TSide, string>>,
): boolean {
  return packOf(context).publication.by.value === 'employer'
    ? publication.employer !== undefined
    : publication.worker !== undefined && publication.employer !== undefined
}

/**
 * The machine's input, context and output: plain JSON, so a snapshot can be stored and restored as is.
 */
import type { TDeadlineKind } from '../effects.js'
import type { TCaseKind, TRequestTopic } from '../rules/jurisdictions/types.js'
import type { TClause } from '../proposals/clauses.js'
import { emptyFigures, type TFigureRecord, type TPreparationFigures, type TSurvey } from '../proposals/preparation.js'
import type { TClauseProposal, TNegotiator, TRecorder, TRoutedTo, TSide, TWorkforce } from './events.js'

export const ZCaseKinds = ['wageAgreement', 'collectiveContract', 'specialWomenWorkers', 'specialSafety'] as const
export type { TCaseKind }

export type TNegotiationInput = {
  caseId: string
  enterpriseId: string
  kind: TCaseKind
  jurisdiction: string
  /** LCL 51: the union, or representatives elected under the upper-level union's guidance when there is none. */
  workerSide: 'union' | 'electedRepresentatives'
  openedAt: string
  /** The case this one continues (a renewal opens the next case pre-filled from the previous one). */
  previousCaseId?: string
  /** Facts about the workforce the local team rules depend on; may also arrive with `team.appointed`. */
  workforce?: TWorkforce
}

/** What the current negotiation produces: a new contract, an amendment, or a rescission (JHR 39-41). */
export type TProcedure = 'conclusion' | 'amendment' | 'termination'
export type TChangeGround =
  | 'mutualAgreement'
  | 'mergerDissolutionBankruptcy'
  | 'forceMajeure'
  | 'agreedCondition'
  | 'lawChanged'
  | 'other'

export type TRequestRecord = {
  by: TSide
  sentOn: string
  proposedTime: string
  proposedPlace: string
  content: string
  topics: TRequestTopic[]
  proposedDate?: string
  proposedStartTime?: string
  contact?: { name: string; phone?: string }
  ground?: TChangeGround
  receivedOn?: string
  receiptProof?: string
}

export type TTeamRecord = { side: TSide; appointedOn: string; members: TNegotiator[] }
export type TTeams = { worker?: TTeamRecord; employer?: TTeamRecord; recorder?: TRecorder & { appointedOn: string } }

export type TVacancy = { side: TSide; memberId: string; wasChief: boolean; vacatedOn: string; reason: string }

export type TInformationRequest = {
  by: TSide
  requestedOn: string
  items: string[]
  suppliedOn?: string
  /** Supplied after the "N days before the meeting" deadline elapsed. */
  late?: boolean
}

export type TPreparation = {
  opinions: { side: TSide; collectedOn: string; summary: string; survey?: TSurvey }[]
  /** GZ 8: the current enterprise and regional figures (the latest recorded value of each field). */
  figures: TPreparationFigures
  /** Every `preparation.figuresRecorded`, oldest first. */
  figureHistory: TFigureRecord[]
  agenda?: { draftedOn: string; draftedBy: TSide | 'joint'; items: { id: string; title: string }[] }
  meeting?: { scheduledOn: string; meetingOn: string; time?: string; place: string }
  informationRequests: TInformationRequest[]
}

export type TRoundRecord = {
  number: number
  heldOn: string
  startTime?: string
  endTime?: string
  place: string
  presidingSide: TSide
  attendees: { worker: string[]; employer: string[] }
  agenda: string[]
  proposals: { side: TSide; text: string; response?: string }[]
  agreedItems: string[]
  openItems: string[]
  outcome: 'continued' | 'agreed' | 'suspended' | 'deadlocked'
  minutesSignedBy: string[]
  procedure: TProcedure
  /** Each side's structured proposal at this round (see proposals/diff.ts for the history across rounds). */
  clauseProposals?: TClauseProposal[]
  /** The clauses the chiefs' summary records as agreed at this round. */
  agreedClauses?: TClause[]
  /** Keys of earlier agreed clauses dropped at this round. */
  withdrawnAgreedKeys?: string[]
}

export type TSuspensionRecord = {
  suspendedOn: string
  periodDays?: number
  nextMeeting?: { on: string; place?: string; content?: string }
  reason: string
  forceMajeure: boolean
  workerConsent: boolean
  longerPeriodAgreed: boolean
  endedOn?: string
  endedBy?: 'resumed' | 'periodElapsed' | 'coordination' | 'closed'
  /** Calendar days the suspension lasted (endedOn − suspendedOn); counted against cumulative caps. */
  daysUsed?: number
}

export type TCoordinationRecord = {
  requestedOn?: string
  by?: TSide | 'both'
  reason?: string
  disputedItems: string[]
  acceptedOn?: string
  onOwnInitiative: boolean
  extension?: { extendedOn: string; days: number; reason: string }
  outcome?: 'agreed' | 'failed' | 'withdrawn'
  agreement?: {
    agreedOn: string
    resolvedItems: string[]
    openItems: string[]
    signedBy: { worker: string; employer: string }
    coordinators: string[]
  }
  failure?: { endedOn: string; reason: string }
}

export type TDraftRecord = {
  version: number
  agreedOn: string
  title: string
  text: string
  items: string[]
  /** The draft as structured clauses: exactly the clauses agreed at the rounds (JHR 34(4)). */
  clauses?: TClause[]
  termMonths?: number
  termStartsOn?: string
  signedBy: { worker: string; employer: string }
  /** The round whose agreement the draft records (JHR 34(4)). */
  basedOnRound: number
  /** JHR 36-37: false only for a revision after a bureau objection where the pack needs no new vote. */
  congressRequired: boolean
  congressPassed: boolean
}

export type TCongressVoteRecord = {
  draftVersion: number
  heldOn: string
  body: 'workersCongress' | 'allStaffAssembly'
  totalSeats: number
  present: number
  yes: number
  no: number
  abstain: number
  ballot: 'secret' | 'open'
  items?: { itemId: string; title?: string; yes: number; no: number; abstain: number; passed: boolean }[]
  certificateRef?: string
  quorate: boolean
  passed: boolean
  explanations: { article: string; zh: string; en: string }[]
}

export type TSignatureRecord = {
  signedOn: string
  signedBy: { worker: string; employer: string }
  sealed: boolean
  passageNoticeOn?: string
  draftVersion: number
}

export type TFilingRecord = {
  /** The date the filing period runs from (the signature, or the union's notice of passage). */
  periodFrom: string
  filedOn?: string
  copies?: number
  explanatoryNote?: boolean
  materials?: string[]
  /** Filed after the filing deadline elapsed: recorded, not refused. */
  late: boolean
  /** JHR 43: the bureau that receives the filing, routed by the engine at filing. */
  routedTo?: TRoutedTo
  receivedOn?: string
  registrationNumber?: string
  receiptNoticeRef?: string
  corrections: { requestedOn: string; items: string[]; suppliedOn?: string }[]
}

export type TReviewOpinion = {
  opinionDate: string
  deliveredOn: string
  opinion?: string
  items?: string[]
  sealed: boolean
  opinionRef?: string
}

export type TReviewRecord = {
  receivedOn: string
  objection?: TReviewOpinion
  approval?: TReviewOpinion
  outcome?: 'objected' | 'approvedByOpinion' | 'deemedApproved'
}

export type TAgreementRecord = {
  version: number
  kind: TCaseKind
  procedure: TProcedure
  title: string
  draftVersion: number
  signedOn: string
  registrationNumber?: string
  effectiveOn: string
  effectiveBy: 'noObjectionOpinion' | 'deemedApproval'
  termMonths: number
  termStartsOn: string
  /** The last day of the term. */
  expiresOn: string
  /** The expiry the pending `expiry`/`renewalWindow` deadlines were scheduled for. */
  scheduledExpiryOn?: string
  renewalWindowOpen: boolean
  publication: { worker?: string; employer?: string; complete: boolean }
}

export type TLimitRecord = {
  /** The local date the overall limit counts from, shifted forward by suspended days where they do not count. */
  from: string
  startedOn: string
  excludedDays: number
  /** The limit elapsed before it was met (recorded; Henan 37 also ends the negotiation). */
  exceeded: boolean
}

export type TElapsedRecord = { kind: TDeadlineKind; dueAt: string; at: string }

/** A finished negotiation, kept when a new procedure (amendment, termination) starts. */
export type TProcedureRecord = {
  procedure: TProcedure
  request?: TRequestRecord
  preparation?: TPreparation
  rounds: TRoundRecord[]
  suspensions: TSuspensionRecord[]
  coordinations: TCoordinationRecord[]
  drafts: TDraftRecord[]
  congressVotes: TCongressVoteRecord[]
  signature?: TSignatureRecord
  filing?: TFilingRecord
  reviews: TReviewRecord[]
  outcome: string
}

export type TNegotiationContext = TNegotiationInput & {
  procedure: TProcedure
  request?: TRequestRecord
  reply?: { answeredOn: string; accepted: boolean; text: string; late: boolean }
  intervention?: { requestedOn: string; reason: string }
  teams: TTeams
  vacancies: TVacancy[]
  preparation: TPreparation
  rounds: TRoundRecord[]
  suspensions: TSuspensionRecord[]
  coordination?: TCoordinationRecord
  coordinations: TCoordinationRecord[]
  draft?: TDraftRecord
  drafts: TDraftRecord[]
  congressVotes: TCongressVoteRecord[]
  signature?: TSignatureRecord
  filing?: TFilingRecord
  review?: TReviewRecord
  reviews: TReviewRecord[]
  /** Set after a bureau objection (JHR 46): the disputed items are renegotiated, re-signed and refiled. */
  renegotiation?: { objectedOn: string; items: string[] }
  limit?: TLimitRecord
  /** The contract in force, if any. */
  agreement?: TAgreementRecord
  agreementHistory: TAgreementRecord[]
  procedureHistory: TProcedureRecord[]
  /** Deadline kinds scheduled and not yet cancelled or elapsed. */
  pendingDeadlines: TDeadlineKind[]
  /** Every deadline that elapsed, for the record ("overdue" in the case view). */
  elapsed: TElapsedRecord[]
  closedReason?: string
  outcome?: 'closed' | 'renewed' | 'expired' | 'terminated'
  renewalRequest?: { by: TSide; sentOn: string; content: string }
  ending?: { endedOn: string; ground: string; evidence?: string }
}

/** What a finished case hands on: the next case is opened from `nextCase`. */
export type TNegotiationOutput = {
  caseId: string
  outcome: NonNullable<TNegotiationContext['outcome']>
  agreement?: TAgreementRecord
  /** For a renewal or an expiry: the input and pre-filled facts of the next negotiation case. */
  nextCase?: {
    input: Omit<TNegotiationInput, 'caseId' | 'openedAt'> & { previousCaseId: string }
    request?: { by: TSide; sentOn: string; content: string }
    teams: TTeams
    previousAgreement?: TAgreementRecord
  }
}

export const emptyPreparation = (): TPreparation => ({
  opinions: [],
  figures: emptyFigures(),
  figureHistory: [],
  informationRequests: [],
})

export function initialContext(input: TNegotiationInput): TNegotiationContext {
  return {
    ...input,
    procedure: 'conclusion',
    teams: {},
    vacancies: [],
    preparation: emptyPreparation(),
    rounds: [],
    suspensions: [],
    coordinations: [],
    drafts: [],
    congressVotes: [],
    reviews: [],
    agreementHistory: [],
    procedureHistory: [],
    pendingDeadlines: [],
    elapsed: [],
  }
}

export function buildOutput(context: TNegotiationContext): TNegotiationOutput {
  const outcome = context.outcome ?? 'closed'
  const carriesOver = outcome === 'renewed' || outcome === 'expired'
  return {
    caseId: context.caseId,
    outcome,
    ...(context.agreement ? { agreement: context.agreement } : {}),
    ...(carriesOver
      ? {
          nextCase: {
            input: {
              enterpriseId: context.enterpriseId,
              kind: context.kind,
              jurisdiction: context.jurisdiction,
              workerSide: context.workerSide,
              previousCaseId: context.caseId,
              ...(context.workforce ? { workforce: context.workforce } : {}),
            },
            ...(context.renewalRequest ? { request: context.renewalRequest } : {}),
            teams: context.teams,
            ...(context.agreement ? { previousAgreement: context.agreement } : {}),
          },
        }
      : {}),
  }
}

/**
 * Which mail a notify.* effect becomes: its template, who receives it, which documents of the same event are
 * attached, and (for overdue notices) which deadline it is about. An effect missing here still gets a mail: the
 * generic case update to both sides' negotiators.
 */
import type { TTemplateId } from '../mail/templates/index.js'

/** parties = both sides' negotiators; bureau = reviewers of the enterprise's region and its parent regions. */
export type TAudience = 'parties' | 'workerSide' | 'employerSide' | 'bureau' | 'representatives'

export type TNotifySpec = {
  template: TTemplateId
  audience: TAudience[]
  /** Document kinds produced by the same event (Document.caseSeq = the outbox row's caseSeq) to attach. */
  documents?: string[]
  /** The deadline kind an overdue notice is about (the last one that fell due). */
  deadlineKind?: string
  /** The one recipient is in the effect data (`name`, `email`): the congress writes one row per representative. */
  recipientInData?: boolean
}

const P: TAudience[] = ['parties']
const PB: TAudience[] = ['parties', 'bureau']
const PR: TAudience[] = ['parties', 'representatives']

export const NOTIFY_CATALOG: Record<string, TNotifySpec> = {
  'notify.requestSent': { template: 'requestSent', audience: P, documents: ['requestLetter'] },
  'notify.requestReceived': { template: 'requestReceived', audience: P, documents: ['requestLetter'] },
  'notify.requestAnswered': { template: 'requestAnswered', audience: P, documents: ['replyLetter', 'requestResponse'] },
  'notify.requestRefused': { template: 'requestAnswered', audience: P, documents: ['refusalLetter', 'requestResponse'] },
  'notify.replyOverdue': { template: 'replyOverdue', audience: P, deadlineKind: 'requestReply' },
  'notify.interventionRequested': { template: 'caseUpdate', audience: PB, documents: ['interventionRequest'] },
  'notify.caseClosed': { template: 'caseUpdate', audience: P },
  'notify.teamAppointed': { template: 'teamAppointed', audience: P, documents: ['teamList'] },
  'notify.recorderAppointed': { template: 'teamAppointed', audience: P },
  'notify.vacancyOpened': { template: 'teamAppointed', audience: P },
  'notify.vacancyFilled': { template: 'teamAppointed', audience: P, documents: ['teamList'] },
  'notify.vacancyOverdue': { template: 'teamAppointed', audience: P, deadlineKind: 'vacancyFill' },
  'notify.meetingScheduled': { template: 'roundScheduled', audience: P },
  'notify.informationRequested': { template: 'caseUpdate', audience: P },
  'notify.informationSupplied': { template: 'caseUpdate', audience: P },
  'notify.informationOverdue': { template: 'caseUpdate', audience: P, deadlineKind: 'informationSupply' },
  'notify.roundHeld': { template: 'minutesIssued', audience: P, documents: ['minutes'] },
  'notify.negotiationSuspended': { template: 'suspension', audience: P, documents: ['suspensionRecord'] },
  'notify.negotiationResumed': { template: 'suspension', audience: P },
  'notify.suspensionEnded': { template: 'suspension', audience: P, deadlineKind: 'suspensionEnd' },
  'notify.negotiationLimitExceeded': { template: 'coordination', audience: PB, deadlineKind: 'negotiationLimit' },
  'notify.coordinationRequested': { template: 'coordination', audience: PB, documents: ['coordinationApplication'] },
  'notify.coordinationAcceptanceOverdue': { template: 'coordination', audience: PB, deadlineKind: 'coordinationAcceptance' },
  'notify.coordinationAccepted': { template: 'coordination', audience: PB },
  'notify.coordinationExtended': { template: 'coordination', audience: PB },
  'notify.coordinationOverdue': { template: 'coordination', audience: PB, deadlineKind: 'coordination' },
  'notify.coordinationConcluded': { template: 'coordination', audience: PB, documents: ['coordinationAgreement'] },
  'notify.coordinationApplicationLapsed': { template: 'coordination', audience: PB, deadlineKind: 'coordinationApplication' },
  'notify.draftAgreed': { template: 'caseUpdate', audience: PR, documents: ['draft'] },
  'notify.congressSubmissionOverdue': { template: 'caseUpdate', audience: P, deadlineKind: 'congressSubmission' },
  'notify.congressConvened': { template: 'congressConvened', audience: ['representatives'], documents: ['draft'] },
  'notify.voteCredential': { template: 'congressConvened', audience: ['representatives'], recipientInData: true },
  'notify.voteReminder': { template: 'voteReminder', audience: ['representatives'], recipientInData: true },
  'notify.congressPassed': { template: 'congressResult', audience: PR, documents: ['congressResolution'] },
  'notify.congressFailed': { template: 'congressResult', audience: PR, documents: ['congressResolution'] },
  'notify.signingDue': { template: 'signingDue', audience: P },
  'notify.agreementSigned': { template: 'filingDue', audience: P, documents: ['agreement', 'wageAgreement', 'collectiveContract'] },
  'notify.filingOverdue': { template: 'filingOverdue', audience: P, deadlineKind: 'filing' },
  'notify.agreementFiled': { template: 'filingReceived', audience: PB, documents: ['filingPackage'] },
  'notify.filingRegistered': { template: 'filingReceived', audience: PB, documents: ['filingReceipt'] },
  'notify.correctionRequested': { template: 'filingReceived', audience: PB, documents: ['correctionNotice'] },
  'notify.correctionSupplied': { template: 'caseUpdate', audience: PB },
  'notify.reviewObjected': { template: 'reviewOpinion', audience: PB, documents: ['reviewOpinion', 'wageReviewOpinion'] },
  'notify.reviewApproved': { template: 'reviewOpinion', audience: PB, documents: ['reviewOpinion', 'wageReviewOpinion'] },
  'notify.agreementEffective': { template: 'agreementEffective', audience: PR },
  'notify.publicationOverdue': { template: 'publicationDue', audience: P, deadlineKind: 'publication' },
  'notify.agreementPublished': { template: 'caseUpdate', audience: P, documents: ['publicationNotice'] },
  'notify.renewalWindowOpened': { template: 'renewalWindowOpen', audience: P },
  'notify.renewalRequested': { template: 'caseUpdate', audience: P, documents: ['renewalRequest'] },
  'notify.agreementExpired': { template: 'caseUpdate', audience: PR, deadlineKind: 'expiry' },
  'notify.amendmentRequested': { template: 'caseUpdate', audience: P, documents: ['amendmentRequest'] },
  'notify.terminationRequested': { template: 'caseUpdate', audience: P, documents: ['terminationRequest'] },
  'notify.agreementTerminated': { template: 'caseUpdate', audience: PR },
}

export const DEADLINE_REMINDER_EFFECT = 'notify.deadlineReminder'

/** Reminder before a deadline of `kind`: who must act, and the template. */
const REMINDERS: Record<string, TNotifySpec> = {
  requestReply: { template: 'replyDueSoon', audience: P },
  filing: { template: 'filingDue', audience: P },
  publication: { template: 'publicationDue', audience: P },
  review: { template: 'deadlineReminder', audience: ['bureau'] },
  coordination: { template: 'deadlineReminder', audience: PB },
  coordinationAcceptance: { template: 'deadlineReminder', audience: ['bureau'] },
}

/** The effects this module turns into mail besides the machine's own list (the congress module, the reminders). */
export const EXTRA_NOTIFY_EFFECTS = [
  DEADLINE_REMINDER_EFFECT,
  'notify.congressConvened',
  'notify.voteCredential',
  'notify.voteReminder',
  'notify.signingDue',
] as const

export function notifySpecOf(effect: string, data: Record<string, unknown>): TNotifySpec {
  if (effect === DEADLINE_REMINDER_EFFECT) {
    const kind = typeof data.kind === 'string' ? data.kind : ''
    return REMINDERS[kind] ?? { template: 'deadlineReminder', audience: P }
  }
  return NOTIFY_CATALOG[effect] ?? { template: 'caseUpdate', audience: P }
}

/** Every notify.* effect name that should get a handler: the machine's list plus the extras, deduplicated. */
export function notifyEffectNames(machineEffects: readonly string[]): string[] {
  return [...new Set([...machineEffects.filter((e) => e.startsWith('notify.')), ...EXTRA_NOTIFY_EFFECTS])]
}

/**
 * What a mail template receives: plain data about the case, the effect and the one recipient. Built by
 * src/notify/facts.ts from the database; templates never read anything else (pure functions).
 */
export type TBilingual = { zh: string; en: string }
export type TSide = 'worker' | 'employer'

/** The parts of the case's state a mail may mention. Every field is optional: a mail is sent with what is known. */
export type TCaseFacts = {
  request?: {
    by?: TSide
    sentOn?: string
    receivedOn?: string
    proposedTime?: string
    proposedPlace?: string
    content?: string
  }
  reply?: { answeredOn?: string; accepted?: boolean; text?: string; late?: boolean }
  meeting?: { meetingOn?: string; time?: string; place?: string; durationMinutes?: number }
  round?: { number?: number; heldOn?: string; place?: string; outcome?: string; agreedItems?: string[]; openItems?: string[] }
  suspension?: {
    suspendedOn?: string
    periodDays?: number
    nextMeetingOn?: string
    nextMeetingPlace?: string
    reason?: string
    endedOn?: string
  }
  coordination?: {
    requestedOn?: string
    acceptedOn?: string
    extensionDays?: number
    outcome?: string
    reason?: string
    disputedItems?: string[]
  }
  draft?: { title?: string; agreedOn?: string; version?: number }
  vote?: {
    heldOn?: string
    totalSeats?: number
    present?: number
    yes?: number
    no?: number
    abstain?: number
    quorate?: boolean
    passed?: boolean
  }
  signature?: { signedOn?: string }
  filing?: { filedOn?: string; receivedOn?: string; registrationNumber?: string; late?: boolean; correctionItems?: string[] }
  review?: { receivedOn?: string; outcome?: string; opinionDate?: string; items?: string[]; opinion?: string }
  agreement?: {
    title?: string
    signedOn?: string
    effectiveOn?: string
    effectiveBy?: string
    expiresOn?: string
    termMonths?: number
    registrationNumber?: string
  }
  renewal?: { sentOn?: string; by?: TSide }
  closedReason?: string
}

export type TDeadlineFact = {
  kind: string
  /** Local date (YYYY-MM-DD) of the last day. */
  lastDay: string
  dueAt: string
  label: TBilingual
  /** For a reminder: how many days before the last day it is sent. */
  leadDays?: number
  article?: string
}

export type TRecipientFact = {
  name: string
  role?: string
  /** A personal link (e.g. the voting credential of a worker representative). */
  link?: string
  /** A personal code to type in (the paper spelling of the voting credential). */
  code?: string
}

export type TMailFacts = {
  effect: string
  caseId: string | null
  /** The case page in the web app. */
  caseUrl: string
  enterprise: { name: string; creditCode?: string; regionName?: string }
  caseKind?: string
  jurisdiction?: string
  recipient: TRecipientFact
  case: TCaseFacts
  /** The deadline the mail is about (a reminder, an overdue notice), if any. */
  deadline?: TDeadlineFact
  /** Pending statutory deadlines of the case. */
  deadlines: TDeadlineFact[]
  /** File names of the attachments, for the text. */
  attachmentNames: string[]
  /** Documents that should have been attached but were not ready. */
  missingAttachments?: boolean
  /** The effect payload as the machine (or the congress module) wrote it. */
  data: Record<string, unknown>
  /** The instant the cause was recorded (ISO UTC), for the .ics stamp. */
  recordedAt: string
  /** For .ics UIDs. */
  domain: string
}

export type TAttachmentContent = { filename: string; mediaType: string; content: string }

export type TMailContent = {
  subject: string
  text: string
  html: string
  /** Generated attachments (e.g. the .ics invitation); documents are attached by the sender. */
  attachments?: TAttachmentContent[]
}

export type TTemplate = (facts: TMailFacts) => TMailContent

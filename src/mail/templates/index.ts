/**
 * Mail templates: pure functions, facts → { subject, text, html } in Simplified Chinese with English below.
 * `templates` maps a template id to its function; src/notify/catalog.ts says which effect uses which template.
 */
import { coordination, minutesIssued, replyDueSoon, replyOverdue, requestAnswered, requestReceived, requestSent, roundScheduled, suspension, teamAppointed } from './negotiation.js'
import { congressConvened, congressResult, signingDue, voteReminder } from './congress.js'
import { agreementEffective, filingDue, filingOverdue, filingReceived, publicationDue, renewalWindowOpen, reviewOpinion } from './filing.js'
import { caseUpdate, deadlineReminder } from './generic.js'
import type { TTemplate } from './types.js'

export const templates = {
  requestSent,
  requestReceived,
  replyDueSoon,
  replyOverdue,
  requestAnswered,
  teamAppointed,
  roundScheduled,
  minutesIssued,
  suspension,
  coordination,
  congressConvened,
  voteReminder,
  congressResult,
  signingDue,
  filingDue,
  filingOverdue,
  filingReceived,
  reviewOpinion,
  agreementEffective,
  publicationDue,
  renewalWindowOpen,
  deadlineReminder,
  caseUpdate,
} satisfies Record<string, TTemplate>

export type TTemplateId = keyof typeof templates

export const isTemplateId = (id: string): id is TTemplateId => Object.hasOwn(templates, id)

export { effectLabel, EFFECT_LABELS } from './generic.js'
export { buildIcs, parseLocalTime } from './ics.js'
export { dateZh, dateEn } from './format.js'
export type * from './types.js'

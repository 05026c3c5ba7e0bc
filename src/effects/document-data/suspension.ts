/**
 * 中止协商记录 (negotiation.suspended, JHR 35) and 协调处理协议书 (coordination.agreed, JHR 53-54).
 */
import type { TDocumentInputs } from '../../documents/index.js'
import { missing } from '../errors.js'
import { agreementTypeOf, bureauOf, chiefName, commonOf, FILL_IN, requireFacts } from './common.js'
import { suspensionTerms } from './minutes.js'
import { eventAt, type TCaseSources } from './sources.js'

export function suspensionRecordData(s: TCaseSources, seq: number): TDocumentInputs['suspensionRecord'] {
  const context = s.contextAt(seq)
  const e = eventAt(s, seq)
  const record = context.suspensions.at(-1)
  requireFacts('suspensionRecord', [!record && missing('suspensions', '中止协商的记录', 'the suspension')])
  const terms = suspensionTerms(e.type === 'negotiation.suspended' ? e.payload : { ...record })
  const last = context.rounds.at(-1)
  const next = record!.nextMeeting
  requireFacts('suspensionRecord', [
    !terms.until && missing('negotiation.suspended.periodDays', '中止期限', 'the suspension period'),
    !next && missing('negotiation.suspended.nextMeeting', '恢复协商的时间', 'the next meeting (JHR 35)'),
    next && !next.place && !last && missing('negotiation.suspended.nextMeeting.place', '恢复协商的地点', 'the place of the next meeting'),
  ])
  const content = next?.content ? [next.content] : last?.openItems.length ? last.openItems : (last?.agenda ?? [])
  requireFacts('suspensionRecord', [
    content.length === 0 && missing('negotiation.suspended.nextMeeting.content', '恢复协商的内容', 'what the next meeting is about'),
  ])
  return {
    ...commonOf(s, context, record!.suspendedOn),
    agreementType: agreementTypeOf(s.caseKind),
    ...(last ? { roundNumber: last.number, place: last.place } : {}),
    date: record!.suspendedOn,
    reasons: [record!.reason],
    suspendedFrom: record!.suspendedOn,
    suspendedUntil: terms.until!,
    next: { date: next!.on, place: next!.place ?? last!.place, content },
    openItems: last?.openItems ?? [],
    employerChief: chiefName(s, context, 'employer'),
    workerChief: chiefName(s, context, 'worker'),
    recorder: context.teams.recorder?.name ?? FILL_IN,
  }
}

/** "赵明（黄埔区人力资源和社会保障局）" → name and organisation; a bare name has its organisation left blank. */
function coordinator(text: string): { name: string; organization: string } {
  const m = /^(.+?)\s*[（(](.+)[）)]\s*$/.exec(text.trim())
  return m ? { name: m[1]!, organization: m[2]! } : { name: text.trim(), organization: FILL_IN }
}

export function coordinationAgreementData(s: TCaseSources, seq: number): TDocumentInputs['coordinationAgreement'] {
  const context = s.contextAt(seq)
  const c = context.coordinations.at(-1)
  const agreement = c?.agreement
  requireFacts('coordinationAgreement', [!agreement && missing('coordinations', '协调处理的结果', 'the coordination result')])
  const applied = c!.requestedOn ?? c!.acceptedOn
  const facts = c!.disputedItems.length ? c!.disputedItems : c!.reason ? [c!.reason] : []
  requireFacts('coordinationAgreement', [
    !applied && missing('coordination.requestedOn', '协调处理的申请或受理日期', 'the date of the application or acceptance'),
    !c!.acceptedOn && missing('coordination.acceptedOn', '受理日期', 'the date the bureau accepted'),
    facts.length === 0 && missing('coordination.disputedItems', '争议事项', 'the disputed items'),
    agreement!.resolvedItems.length === 0 && missing('coordination.agreed.resolvedItems', '协调结果', 'the result of the coordination'),
  ])
  return {
    ...commonOf(s, context, agreement!.agreedOn),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureauOf(s.regions),
    application: {
      applicant: c!.onOwnInitiative && !c!.by ? 'bureau' : (c!.by ?? 'bureau'),
      date: applied!,
      acceptedDate: c!.acceptedOn!,
      request: c!.reason ? [c!.reason] : facts,
    },
    facts,
    result: agreement!.resolvedItems,
    pendingItems: agreement!.openItems,
    coordinators: agreement!.coordinators.map(coordinator),
    employerChief: chiefName(s, context, 'employer'),
    workerChief: chiefName(s, context, 'worker'),
    signingDate: agreement!.agreedOn,
  }
}

/**
 * 协商会议纪要 (round.held): one round as the case records it. The start time is not part of `round.held`; it is
 * taken from the event when a later machine version carries `startTime`, else from the scheduled first meeting on
 * the same day (meeting.scheduled `time`); without either the minutes cannot be issued (MissingCaseFactsError).
 *
 * A round that ends in a suspension or a deadlock is followed by the event that records what was agreed about it
 * (negotiation.suspended, coordination.requested): the minutes wait for it (AwaitingEventError, retried).
 */
import type { TAttendee, TDocumentInputs, TOutcome } from '../../documents/index.js'
import type { TNegotiationContext, TRoundRecord } from '../../../workflows/negotiation/context.js'
import { clauseText } from '../../../workflows/proposals/clauses.js'
import { groupNamesOf } from '../../../workflows/proposals/diff.js'
import { addDays } from '../../../workflows/rules/calendar/dates.js'
import { AwaitingEventError, missing, MissingCaseFactsError } from '../errors.js'
import { agreementTypeOf, chiefOf, commonOf, FILL_IN, membersOf, otherSide, parseTime, requireFacts } from './common.js'
import type { TCaseSources, TLogEntry } from './sources.js'

/** The seq of the round.held event of round `n` (the last one at or before `upTo`). */
export function roundSeq(s: TCaseSources, n: number, upTo = Number.MAX_SAFE_INTEGER): number | undefined {
  let found: number | undefined
  for (const e of s.log) {
    if (e.seq > upTo) break
    if (e.type === 'round.held' && e.payload['number'] === n) found = e.seq
  }
  return found
}

function attendees(context: TNegotiationContext, side: 'worker' | 'employer', ids: readonly string[]): TAttendee[] {
  const members = membersOf(context, side)
  return ids.map((id) => {
    const m = members.find((x) => x.id === id)
    return {
      name: m?.name ?? id,
      ...(m?.position ? { post: m.position } : {}),
      isChief: m?.isChief ?? false,
      isExternal: m?.isExternal ?? false,
      isProxy: false,
    }
  })
}

/** A suspension as the minutes state it: until when, and the next meeting. */
export function suspensionTerms(p: Record<string, unknown>): { until?: string; nextDate?: string; nextPlace?: string } {
  const suspendedOn = p['suspendedOn'] as string
  const periodDays = p['periodDays'] as number | undefined
  const next = p['nextMeeting'] as { on: string; place?: string } | undefined
  const until = periodDays ? addDays(suspendedOn, periodDays) : next ? addDays(next.on, -1) : undefined
  return { ...(until ? { until } : {}), ...(next ? { nextDate: next.on } : {}), ...(next?.place ? { nextPlace: next.place } : {}) }
}

/** The outcome of round `round` (seq `seq`), with the event that followed a suspension or a deadlock. */
function outcomeOf(s: TCaseSources, round: TRoundRecord, seq: number): TOutcome {
  if (round.outcome === 'continued') return { kind: 'continue' }
  if (round.outcome === 'agreed') return { kind: 'draftAgreed' }
  const next: TLogEntry | undefined = s.log.find(
    (e) => e.seq > seq && ['negotiation.suspended', 'coordination.requested', 'round.held', 'draft.agreed'].includes(e.type),
  )
  if (!next) {
    throw new AwaitingEventError(
      `the minutes of round ${round.number} wait for the event that records its ${round.outcome} outcome (negotiation.suspended or coordination.requested)`,
    )
  }
  if (next.type === 'negotiation.suspended') {
    const t = suspensionTerms(next.payload)
    if (!t.until) {
      throw new MissingCaseFactsError('minutes', [
        missing('negotiation.suspended.periodDays', '中止期限', 'the end of the suspension (period or next meeting)'),
      ])
    }
    return { kind: 'suspended', until: t.until, ...(t.nextDate ? { nextDate: t.nextDate } : {}), ...(t.nextPlace ? { nextPlace: t.nextPlace } : {}) }
  }
  if (next.type === 'coordination.requested') return { kind: 'coordination' }
  return { kind: 'continue' }
}

/** The minutes of round `number` (default: the round of the event at `seq`). */
export function minutesData(s: TCaseSources, seq: number, number?: number): TDocumentInputs['minutes'] {
  const n = number ?? (s.log.find((e) => e.seq === seq)?.payload['number'] as number | undefined)
  const at = n === undefined ? undefined : roundSeq(s, n, seq)
  requireFacts('minutes', [at === undefined && missing('round', `第${n ?? '?'}次协商会议`, `round ${n ?? '?'}`)])
  const context = s.contextAt(at!)
  const round = context.rounds.findLast((r) => r.number === n)!
  const given = round
  const meeting = context.preparation.meeting
  const startTime = parseTime(given.startTime) ?? (meeting && meeting.meetingOn === round.heldOn ? parseTime(meeting.time) : undefined)
  requireFacts('minutes', [
    !startTime &&
      missing(
        `rounds[${round.number}].startTime`,
        `第${round.number}次协商会议的开始时间`,
        `the start time of round ${round.number} (round.held does not record it)`,
      ),
  ])
  const endTime = parseTime(given.endTime)
  const names = groupNamesOf(context)
  const exchanges: TDocumentInputs['minutes']['exchanges'] = []
  for (const p of round.proposals) {
    exchanges.push({ side: p.side, kind: 'proposal', text: p.text })
    if (p.response?.trim()) exchanges.push({ side: otherSide(p.side), kind: 'response', text: p.response })
  }
  for (const p of round.clauseProposals ?? []) {
    const text = p.clauses.map((c) => clauseText(c, names).zh).join('')
    if (text) exchanges.push({ side: p.side, kind: 'proposal', text })
  }
  requireFacts('minutes', [
    exchanges.length === 0 && missing(`rounds[${round.number}].proposals`, '双方的提议与回应', 'the sides’ proposals and responses'),
  ])
  const agreedClauseTexts = (round.agreedClauses ?? []).map((c) => clauseText(c, names).zh)
  const absent = (['employer', 'worker'] as const).flatMap((side) =>
    membersOf(context, side)
      .filter((m) => !round.attendees[side].includes(m.id))
      .map((m) => ({ name: m.name, side })),
  )
  const presiding = chiefOf(context, round.presidingSide)
  return {
    ...commonOf(s, context, round.heldOn),
    agreementType: agreementTypeOf(s.caseKind),
    roundNumber: round.number,
    date: round.heldOn,
    startTime: startTime!,
    ...(endTime ? { endTime } : {}),
    place: round.place,
    presiding: { name: presiding?.name ?? FILL_IN, side: round.presidingSide },
    attendees: {
      employer: attendees(context, 'employer', round.attendees.employer),
      worker: attendees(context, 'worker', round.attendees.worker),
    },
    absent,
    observers: [],
    recorder: { name: context.teams.recorder?.name ?? FILL_IN },
    agenda: round.agenda,
    exchanges,
    agreedItems: [...round.agreedItems, ...agreedClauseTexts.filter((t) => !round.agreedItems.includes(t))],
    openItems: round.openItems,
    outcome: outcomeOf(s, round, at!),
  }
}

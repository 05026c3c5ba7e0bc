/**
 * The facts a mail may mention, read from the case's stored state. The machine's context is read defensively
 * (every field optional, wrong types ignored) so that mail keeps working while the machine grows; the effect's
 * own data, where it carries the same sections, takes precedence.
 */
import type { TCaseFacts, TDeadlineFact } from '../mail/templates/types.js'

type TObj = Record<string, unknown>
const obj = (v: unknown): TObj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as TObj) : undefined)
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined)
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined)
const last = (v: unknown): TObj | undefined => (Array.isArray(v) && v.length ? obj(v[v.length - 1]) : undefined)
const side = (v: unknown) => (v === 'worker' || v === 'employer' ? v : undefined)

/** Drops undefined fields and returns undefined for an empty section. */
function section<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined)
  return entries.length ? (Object.fromEntries(entries) as T) : undefined
}

export function extractCaseFacts(context: unknown, data: TObj = {}): TCaseFacts {
  const c = obj(context) ?? {}
  const request = obj(c.request)
  const reply = obj(c.reply)
  const meeting = obj(obj(c.preparation)?.meeting)
  const round = last(c.rounds)
  const suspension = last(c.suspensions)
  const coordination = obj(c.coordination) ?? last(c.coordinations)
  const draft = obj(c.draft) ?? last(c.drafts)
  const vote = last(c.congressVotes)
  const signature = obj(c.signature)
  const filing = obj(c.filing)
  const review = obj(c.review) ?? last(c.reviews)
  const opinion = obj(review?.objection) ?? obj(review?.approval)
  const agreement = obj(c.agreement)
  const renewal = obj(c.renewalRequest)

  const facts: TCaseFacts = {
    request: request && section({
      by: side(request.by),
      sentOn: str(request.sentOn),
      receivedOn: str(request.receivedOn),
      proposedTime: str(request.proposedTime),
      proposedPlace: str(request.proposedPlace),
      content: str(request.content),
    }),
    reply: reply && section({ answeredOn: str(reply.answeredOn), accepted: bool(reply.accepted), text: str(reply.text), late: bool(reply.late) }),
    meeting: meeting && section({ meetingOn: str(meeting.meetingOn), time: str(meeting.time), place: str(meeting.place) }),
    round: round && section({
      number: num(round.number),
      heldOn: str(round.heldOn),
      place: str(round.place),
      outcome: str(round.outcome),
      agreedItems: strs(round.agreedItems),
      openItems: strs(round.openItems),
    }),
    suspension: suspension && section({
      suspendedOn: str(suspension.suspendedOn),
      periodDays: num(suspension.periodDays),
      nextMeetingOn: str(obj(suspension.nextMeeting)?.on),
      nextMeetingPlace: str(obj(suspension.nextMeeting)?.place),
      reason: str(suspension.reason),
      endedOn: str(suspension.endedOn),
    }),
    coordination: coordination && section({
      requestedOn: str(coordination.requestedOn),
      acceptedOn: str(coordination.acceptedOn),
      extensionDays: num(obj(coordination.extension)?.days),
      outcome: str(coordination.outcome),
      reason: str(coordination.reason),
      disputedItems: strs(coordination.disputedItems),
    }),
    draft: draft && section({ title: str(draft.title), agreedOn: str(draft.agreedOn), version: num(draft.version) }),
    vote: vote && section({
      heldOn: str(vote.heldOn),
      totalSeats: num(vote.totalSeats),
      present: num(vote.present),
      yes: num(vote.yes),
      no: num(vote.no),
      abstain: num(vote.abstain),
      quorate: bool(vote.quorate),
      passed: bool(vote.passed),
    }),
    signature: signature && section({ signedOn: str(signature.signedOn) }),
    filing: filing && section({
      filedOn: str(filing.filedOn),
      receivedOn: str(filing.receivedOn),
      registrationNumber: str(filing.registrationNumber),
      late: bool(filing.late),
      correctionItems: strs(last(filing.corrections)?.items),
    }),
    review: review && section({
      receivedOn: str(review.receivedOn),
      outcome: str(review.outcome),
      opinionDate: str(opinion?.opinionDate),
      items: strs(opinion?.items),
      opinion: str(opinion?.opinion),
    }),
    agreement: agreement && section({
      title: str(agreement.title),
      signedOn: str(agreement.signedOn),
      effectiveOn: str(agreement.effectiveOn),
      effectiveBy: str(agreement.effectiveBy),
      expiresOn: str(agreement.expiresOn),
      termMonths: num(agreement.termMonths),
      registrationNumber: str(agreement.registrationNumber),
    }),
    renewal: renewal && section({ sentOn: str(renewal.sentOn), by: side(renewal.by) }),
    closedReason: str(c.closedReason),
  }
  // The effect's data may carry a section itself (e.g. `meeting` for a rescheduled meeting): it wins.
  for (const key of Object.keys(facts) as (keyof TCaseFacts)[]) {
    const own = obj(data[key])
    if (own) (facts as TObj)[key] = { ...(obj(facts[key]) ?? {}), ...own }
  }
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as TCaseFacts
}

export type TDeadlineRow = { id: string; kind: string; lastDay: string; dueAt: string; explanation: string; status: string }

export function deadlineFactOf(row: Pick<TDeadlineRow, 'kind' | 'lastDay' | 'dueAt' | 'explanation'>, leadDays?: number): TDeadlineFact {
  let explanation: TObj = {}
  try {
    explanation = obj(JSON.parse(row.explanation)) ?? {}
  } catch {
    // keep the defaults
  }
  const label = obj(explanation.label)
  const article = str(explanation.article) ?? str(obj(explanation.period)?.article)
  return {
    kind: row.kind,
    lastDay: row.lastDay,
    dueAt: row.dueAt,
    label: { zh: str(label?.zh) ?? row.kind, en: str(label?.en) ?? row.kind },
    ...(article ? { article } : {}),
    ...(leadDays !== undefined ? { leadDays } : {}),
  }
}

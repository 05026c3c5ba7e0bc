/**
 * Sample events for the model-based tests: for a snapshot, one or two events of every type built from its context,
 * plus events that break a rule; and the key under which the graph traversal merges snapshots.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { TDeadlineKind } from '../../../workflows/effects.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import type { TNegotiationEvent } from '../../../workflows/negotiation/events.js'
import { addDays } from '../../../workflows/rules/calendar/dates.js'
import { packOf } from '../../../workflows/negotiation/rules.js'
import { chiefOf } from '../../../workflows/negotiation/teams.js'
import { agreedClausesOf } from '../../../workflows/proposals/diff.js'
import { employerTeam, stamp as ev, figuresPayload, nineItemClauses, recorder, requestPayload, workerTeam } from './helpers.js'


/** Sample events of every type that make sense in `snapshot`'s context (valid where the law allows them). */
/** The latest date the case has recorded, so that sample events are never dated before an earlier step. */
function today(c: TNegotiationContext): string {
  const dates = [
    '2026-06-01',
    c.request?.sentOn,
    c.request?.receivedOn,
    c.agreement?.effectiveOn,
    c.rounds.at(-1)?.heldOn,
    c.draft?.agreedOn,
    c.signature?.signedOn,
    c.filing?.filedOn,
    c.review?.receivedOn,
  ].filter((d): d is string => d !== undefined)
  return dates.sort().at(-1)!
}

export function samples(snapshot: AnyMachineSnapshot): TNegotiationEvent[] {
  const c = snapshot.context as TNegotiationContext
  const D = today(c)
  const LATER = addDays(D, 5)
  const workerIds = c.teams.worker?.members.map((m) => m.id) ?? []
  const employerIds = c.teams.employer?.members.map((m) => m.id) ?? []
  const chiefs = {
    worker: chiefOf(c.teams.worker?.members)?.id ?? 'w0',
    employer: chiefOf(c.teams.employer?.members)?.id ?? 'e0',
  }
  const last = c.rounds.at(-1)
  const presiding = last ? (last.presidingSide === 'worker' ? 'employer' : 'worker') : (c.request?.by ?? 'worker')
  const vacancy = c.vacancies[0]
  const effectiveOn = c.agreement?.effectiveOn ?? D
  const extension = packOf(c).coordination.extension.length
  const deadlines: TDeadlineKind[] = [...c.pendingDeadlines]
  const congress = (yes: number) =>
    ev('congress.resultCertified', { heldOn: D, body: 'workersCongress', totalSeats: 60, present: 60, yes, no: 60 - yes, abstain: 0, ballot: 'secret' })
  return [
    ev('request.sent', requestPayload('worker', D)),
    ev('request.received', { receivedOn: D, proof: '签收' }),
    ev('request.answered', { answeredOn: D, text: '同意' }),
    ev('request.refused', { answeredOn: D, reason: '理由' }),
    ev('request.withdrawn', { reason: '撤回' }),
    ev('intervention.requested', { requestedOn: D, reason: '未答复' }),
    ev('team.appointed', { side: 'worker', appointedOn: D, members: workerTeam(3) }),
    ev('team.appointed', { side: 'employer', appointedOn: D, members: employerTeam(3) }),
    ev('recorder.appointed', { appointedOn: D, recorder }),
    ev('member.vacated', { side: 'employer', memberId: employerIds.at(-1) ?? 'e2', vacatedOn: D, reason: '离职' }),
    ev('vacancy.filled', {
      side: vacancy?.side ?? 'employer',
      filledOn: D,
      member: vacancy?.wasChief
        ? { id: 'x9', name: '补选', isChief: true, chiefBasis: vacancy.side === 'worker' ? 'unionChair' : 'legalRepresentative', isExternal: false, isFrontLine: true }
        : { id: 'x9', name: '补选', isChief: false, isExternal: false, isFrontLine: true },
    }),
    ev('opinions.collected', {
      side: 'worker',
      collectedOn: D,
      summary: '意见',
      survey: { respondents: 100, topics: [{ topic: '工资增幅', count: 80 }] },
    }),
    ev('preparation.figuresRecorded', { by: 'employer', recordedOn: D, ...figuresPayload() }),
    ev('agenda.drafted', { draftedOn: D, draftedBy: 'joint', items: [{ id: 'a', title: '工资' }] }),
    ev('meeting.scheduled', { scheduledOn: D, meetingOn: addDays(D, 14), place: '会议室' }),
    ev('information.requested', { by: 'worker', requestedOn: D, items: ['资料'] }),
    ev('information.supplied', { by: 'employer', suppliedOn: D, items: ['资料'] }),
    ev('round.held', {
      number: (last?.number ?? 0) + 1,
      heldOn: D,
      place: '会议室',
      presidingSide: presiding,
      attendees: { worker: workerIds, employer: employerIds },
      agenda: ['工资'],
      proposals: [],
      agreedItems: ['增幅'],
      openItems: [],
      outcome: 'agreed',
      minutesSignedBy: [...workerIds, ...employerIds],
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'averageWageIncrease', basisPoints: 700 }] },
        { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 600 }] },
      ],
      agreedClauses: nineItemClauses(650),
    }),
    ev('negotiation.suspended', {
      suspendedOn: D,
      periodDays: 10,
      nextMeeting: { on: LATER },
      reason: '中止',
      forceMajeure: true,
      workerConsent: true,
    }),
    ev('negotiation.resumed', { resumedOn: D }),
    ev('coordination.requested', { requestedOn: D, by: 'both', reason: '争议', disputedItems: ['增幅'] }),
    ev('coordination.accepted', { acceptedOn: D, onOwnInitiative: c.coordination === undefined }),
    ev('coordination.extended', { extendedOn: D, days: extension, reason: '复杂' }),
    ev('coordination.agreed', {
      agreedOn: D,
      resolvedItems: ['增幅'],
      openItems: [],
      signedBy: chiefs,
      coordinators: ['人社局'],
      sealed: true,
    }),
    ev('coordination.failed', { endedOn: D, reason: '未达成一致' }),
    ev('draft.agreed', {
      agreedOn: D,
      title: '草案',
      text: '……',
      items: ['增幅'],
      ...(c.procedure === 'termination' ? {} : { termMonths: 12 }),
      signedBy: chiefs,
    }),
    // The draft as structured clauses: exactly those agreed at the rounds.
    ev('draft.agreed', {
      agreedOn: D,
      title: '草案',
      text: '……',
      items: ['增幅'],
      clauses: agreedClausesOf(c),
      ...(c.procedure === 'termination' ? {} : { termMonths: 12 }),
      signedBy: chiefs,
    }),
    congress(60),
    congress(0),
    ev('agreement.signed', { signedOn: D, signedBy: chiefs, sealed: true }),
    ev('agreement.filed', { filedOn: D, copies: 5, explanatoryNote: true, materials: ['文本'] }),
    ev('filing.registered', { receivedOn: D, registrationNumber: 'R' }),
    ev('correction.requested', { requestedOn: D, items: ['材料'] }),
    ev('correction.supplied', { suppliedOn: D, items: ['材料'] }),
    ev('review.objected', { opinionDate: D, deliveredOn: D, opinion: '异议', items: ['第1条'], sealed: true }),
    ev('review.approved', { opinionDate: D, deliveredOn: D, sealed: true }),
    ev('agreement.published', { side: 'worker', publishedOn: effectiveOn, channel: '公告' }),
    ev('agreement.published', { side: 'employer', publishedOn: effectiveOn, channel: '公告' }),
    ev('renewal.requested', { by: 'worker', sentOn: effectiveOn, content: '续订' }),
    ev('amendment.requested', { ...requestPayload('employer', effectiveOn), ground: 'mutualAgreement' }),
    ev('termination.requested', { ...requestPayload('employer', effectiveOn), ground: 'mutualAgreement' }),
    ev('agreement.ended', { endedOn: effectiveOn, ground: 'agreedCondition', evidence: '条件成就' }),
    ...deadlines.map((kind) => ev('deadline.elapsed', { kind, dueAt: `${addDays(D, 9)}T16:00:00.000Z` })),
  ]
}

/** Events that break a rule, to check that the guard refuses exactly when a violation is explained. */
export function badSamples(snapshot: AnyMachineSnapshot): TNegotiationEvent[] {
  const c = snapshot.context as TNegotiationContext
  const D = today(c)
  return [
    ev('team.appointed', { side: 'worker', appointedOn: D, members: workerTeam(2) }),
    ev('round.held', {
      number: 99,
      heldOn: D,
      place: 'x',
      presidingSide: c.rounds.at(-1)?.presidingSide ?? 'worker',
      attendees: { worker: ['nobody'], employer: [] },
      agenda: ['x'],
      proposals: [],
      agreedItems: [],
      openItems: [],
      outcome: 'continued',
      minutesSignedBy: [],
      clauseProposals: [{ side: 'worker', clauses: [{ kind: 'text', id: 'x', text: '无项目', chapter: 'other' }], withdrawn: ['payDay'] }],
      withdrawnAgreedKeys: ['bonus:不存在'],
    }),
    ev('draft.agreed', { agreedOn: D, title: 't', text: 'x', items: [], termMonths: 6, signedBy: { worker: 'nobody', employer: 'nobody' } }),
    // Clauses that no round agreed, a term that contradicts them, an enterprise minimum below the local one.
    ev('draft.agreed', {
      agreedOn: D,
      title: 't',
      text: 'x',
      items: [],
      termMonths: 12,
      clauses: [{ kind: 'term', months: 24 }, { kind: 'enterpriseMinimumWage', fenPerMonth: 100_000 }],
      signedBy: {
        worker: chiefOf(c.teams.worker?.members)?.id ?? 'w0',
        employer: chiefOf(c.teams.employer?.members)?.id ?? 'e0',
      },
    }),
    ev('agreement.signed', { signedOn: '2000-01-01', signedBy: { worker: 'nobody', employer: 'nobody' }, sealed: false }),
    ev('agreement.filed', { filedOn: '2000-01-01', copies: 1, explanatoryNote: false, materials: [] }),
    ev('review.objected', { opinionDate: D, deliveredOn: D, opinion: 'x', items: ['x'], sealed: false }),
    ev('negotiation.suspended', { suspendedOn: '2000-01-01', periodDays: 400, reason: 'x', forceMajeure: false, workerConsent: false }),
    ev('renewal.requested', { by: 'worker', sentOn: '2099-01-01', content: 'x' }),
    ev('coordination.extended', { extendedOn: D, days: 99, reason: 'x' }),
  ]
}

/**
 * The traversal key: the state value plus only the facts that decide which transitions are open there, so the graph
 * stays small while every branch stays reachable.
 */
export const serialize = (snapshot: AnyMachineSnapshot) => {
  const c = snapshot.context as TNegotiationContext
  const value = snapshot.value as unknown
  const key: unknown[] = [value, c.procedure]
  const bargaining = typeof value === 'object' && value !== null && 'bargaining' in value
  if (bargaining) {
    const inner = (value as { bargaining: unknown }).bargaining
    const last = c.rounds.at(-1)
    const lastDraft = c.drafts.at(-1)
    if (inner === 'appointingTeams') {
      key.push([c.teams.worker !== undefined, c.teams.employer !== undefined, c.teams.recorder !== undefined])
    }
    if (inner === 'preparing') {
      key.push([
        c.preparation.agenda !== undefined,
        c.preparation.meeting !== undefined,
        c.preparation.informationRequests.some((r) => !r.suppliedOn),
      ])
    }
    key.push(
      last?.outcome ?? null,
      lastDraft !== undefined && last !== undefined && last.number <= lastDraft.basedOnRound,
      c.renegotiation !== undefined,
      c.vacancies.length > 0,
      c.pendingDeadlines.filter((k) => k === 'negotiationLimit' || k === 'vacancyFill').sort(),
    )
  }
  if (c.agreement) {
    key.push([
      c.agreement.renewalWindowOpen,
      c.agreement.publication.worker !== undefined,
      c.agreement.publication.employer !== undefined,
      c.pendingDeadlines.includes('expiry'),
    ])
  }
  return JSON.stringify(key)
}


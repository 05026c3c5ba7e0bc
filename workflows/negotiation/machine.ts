/**
 * The statutory negotiation machine of one case (one negotiation cycle of one enterprise), from the written request
 * to the contract in force and its renewal, amendment, rescission or expiry (statute.md §(a) steps 1-15).
 *
 * Pure XState v5: time arrives in events (`at`, and local dates such as `receivedOn`); deadlines and side effects
 * are named actions interpreted by the engine (../effects.ts); no invoke/spawn (children are not restored from
 * snapshots) and no `after` (delays are not restored, statelyai/xstate#5331). Every guard that can block an event
 * is `isPermitted`, i.e. `explainRefusal(context, event)` is empty (./rules.ts); other guards only route.
 *
 * Deadlines: each `scheduleDeadline` is paired with a `cancelDeadline` on the way out, and the kinds pending are
 * kept in `context.pendingDeadlines` so a final state cancels whatever is left.
 */
import { and, assign, enqueueActions, setup } from 'xstate'
import { effectActions, type TDeadlineKind, type TPeriodRule, type TScheduleDeadlineParams } from '../effects.js'
import { addDays } from '../rules/calendar/dates.js'
import {
  buildOutput,
  initialContext,
  type TNegotiationContext,
  type TNegotiationInput,
  type TNegotiationOutput,
} from './context.js'
import type { TNegotiationDocumentKind, TNegotiationEffect } from './effects.js'
import type { TNegotiationEvent } from './events.js'
import { roundChanges } from '../proposals/diff.js'
import * as r from './reducers.js'
import { explainRefusal, groupOf, packOf } from './rules.js'

export { ZCaseKinds, type TCaseKind, type TNegotiationContext, type TNegotiationInput } from './context.js'
export { ZNegotiationEventSchema, type TNegotiationEvent } from './events.js'

type TArgs = { context: TNegotiationContext; event: TNegotiationEvent }

const machineSetup = setup({
  types: {} as {
    context: TNegotiationContext
    events: TNegotiationEvent
    input: TNegotiationInput
    output: TNegotiationOutput
  },
  actions: effectActions,
  guards: {
    /** The only blocking guard: no statutory rule is broken (./rules.ts). */
    isPermitted: ({ context, event }) => explainRefusal(context, event).length === 0,
    isDeadline: ({ event }, params: { kind: TDeadlineKind }) =>
      event.type === 'deadline.elapsed' && event.kind === params.kind,
    /** An amendment or rescission of a contract in force is under way (JHR 39-41). */
    isChangeProcedure: ({ context }) => context.procedure !== 'conclusion',
    isTermination: ({ context }) => context.procedure === 'termination',
    teamsComplete: ({ context }) =>
      context.teams.worker !== undefined &&
      context.teams.employer !== undefined &&
      context.teams.recorder !== undefined &&
      context.vacancies.length === 0,
    needsCongressVote: ({ context }) => r.congressRequiredFor(context),
    votePasses: ({ context, event }) =>
      event.type === 'congress.resultCertified' && r.decideCongress(context, event).passed,
    hasTerminationFiling: ({ context }) => packOf(context).filing.termination !== null,
    /** GZ 22 ¶2: a no-objection opinion makes a wage agreement effective on delivery (pack parameter). */
    approvalTakesEffect: ({ context }) => packOf(context).noObjectionEffect[groupOf(context)].value === 'onDelivery',
    publicationCompletes: ({ context, event }) =>
      event.type === 'agreement.published' &&
      r.publicationComplete(context, { ...context.agreement?.publication, [event.side]: event.publishedOn }),
    /** Henan 37: the overall limit passed; only an application for coordination continues the negotiation. */
    limitLapses: ({ context, event }) =>
      event.type === 'deadline.elapsed' &&
      event.kind === 'negotiationLimit' &&
      packOf(context).negotiationLimit?.afterLimit != null,
    /** Henan 38: a failed coordination ends this negotiation. */
    coordinationFailureEnds: ({ context, event }) =>
      explainRefusal(context, event).length === 0 && packOf(context).coordination.failureEndsNegotiation.value,
    coordinationFailureEndsChange: ({ context, event }) =>
      context.procedure !== 'conclusion' &&
      explainRefusal(context, event).length === 0 &&
      packOf(context).coordination.failureEndsNegotiation.value,
    /** Henan 37: no application for coordination within the period after the limit. */
    applicationLapsed: ({ event }) => event.type === 'deadline.elapsed' && event.kind === 'coordinationApplication',
    applicationLapsedChange: ({ context, event }) =>
      context.procedure !== 'conclusion' && event.type === 'deadline.elapsed' && event.kind === 'coordinationApplication',
  },
})

// ---------------------------------------------------------------------------------------------------------------
// Action helpers
// ---------------------------------------------------------------------------------------------------------------

type TDeadlineSpec = Omit<TScheduleDeadlineParams, 'kind'>

/** Schedules `kind` when `spec` returns one (a period the pack sets); records it as pending. */
function schedule(kind: TDeadlineKind, spec: (args: TArgs) => TDeadlineSpec | null | undefined) {
  return machineSetup.createAction(
    enqueueActions(({ context, event, enqueue }) => {
      const s = spec({ context, event })
      if (!s) return
      enqueue({ type: 'scheduleDeadline', params: { kind, ...s } })
      enqueue.assign({ pendingDeadlines: ({ context }) => r.addPending(context.pendingDeadlines, kind) })
    }),
  )
}

/** Cancels `kind` if it is pending. */
function cancel(kind: TDeadlineKind) {
  return machineSetup.createAction(
    enqueueActions(({ context, enqueue }) => {
      if (!context.pendingDeadlines.includes(kind)) return
      enqueue({ type: 'cancelDeadline', params: { kind } })
      enqueue.assign({ pendingDeadlines: ({ context }) => r.removePending(context.pendingDeadlines, kind) })
    }),
  )
}

/** Cancels every pending deadline (final states). */
const cancelAll = machineSetup.createAction(
  enqueueActions(({ context, enqueue }) => {
    for (const kind of context.pendingDeadlines) enqueue({ type: 'cancelDeadline', params: { kind } })
    enqueue.assign({ pendingDeadlines: [] })
  }),
)

/** A typed `assign` usable outside the machine config. */
function update(fn: (args: TArgs) => Partial<TNegotiationContext>) {
  return machineSetup.createAction(assign(({ context, event }) => fn({ context, event })))
}

const recordElapsed = update(({ context, event }) =>
  event.type === 'deadline.elapsed' ? r.deadlineElapsed(context, event) : {},
)

function effect(name: TNegotiationEffect, data?: (args: TArgs) => Record<string, unknown>) {
  return {
    type: 'emitEffect' as const,
    params: ({ context, event }: TArgs) => ({
      effect: name,
      data: {
        caseId: context.caseId,
        enterpriseId: context.enterpriseId,
        kind: context.kind,
        jurisdiction: context.jurisdiction,
        procedure: context.procedure,
        eventType: event.type,
        ...data?.({ context, event }),
      },
    }),
  }
}
const notify = effect
function render(kind: TNegotiationDocumentKind, data?: (args: TArgs) => Record<string, unknown>) {
  return effect('document.render', (args) => ({ document: kind, ...data?.(args) }))
}

const period = (p: TPeriodRule): TPeriodRule => ({ ...p })
const label = (zh: string, en: string) => ({ zh, en })

// ---------------------------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------------------------

const scheduleRequestReply = schedule('requestReply', ({ context }) => ({
  from: context.request!.receivedOn!,
  period: period(packOf(context).requestReply),
  label: label('书面答复协商要约', 'Written reply to the negotiation request'),
}))

const scheduleVacancyFill = schedule('vacancyFill', ({ context, event }) =>
  event.type === 'member.vacated' && !context.pendingDeadlines.includes('vacancyFill')
    ? {
        from: event.vacatedOn,
        period: period(packOf(context).vacancy.fillWithin),
        label: label('补齐空缺的协商代表', 'Fill the negotiator vacancy'),
      }
    : null,
)

/** After a vacancy is filled: the next open vacancy's deadline, or none. */
const rescheduleVacancyFill = machineSetup.createAction(
  enqueueActions(({ context, enqueue }) => {
    const next = context.vacancies[0]
    if (context.pendingDeadlines.includes('vacancyFill')) {
      enqueue({ type: 'cancelDeadline', params: { kind: 'vacancyFill' } })
    }
    if (next) {
      enqueue({
        type: 'scheduleDeadline',
        params: {
          kind: 'vacancyFill',
          from: next.vacatedOn,
          period: period(packOf(context).vacancy.fillWithin),
          label: label('补齐空缺的协商代表', 'Fill the negotiator vacancy'),
        },
      })
    }
    enqueue.assign({
      pendingDeadlines: ({ context }) =>
        next ? r.addPending(context.pendingDeadlines, 'vacancyFill') : r.removePending(context.pendingDeadlines, 'vacancyFill'),
    })
  }),
)

/** GZ 18 and local rules: requested information is due N days before the scheduled meeting. */
const scheduleInformationSupply = schedule('informationSupply', ({ context }) => {
  const p = packOf(context).informationBeforeMeeting[groupOf(context)]
  const meeting = context.preparation.meeting
  if (!p || !meeting || !r.hasOpenInformationRequest(context)) return null
  return {
    from: meeting.meetingOn,
    period: period(p),
    before: true,
    label: label('会前提供协商资料', 'Supply the requested information before the meeting'),
  }
})

const limitLabel = label('完成集体协商的期限', 'Overall time limit for the negotiation')

/** Local overall limits (Shandong 28, Henan 26, Hangzhou 29, Ningbo 16): start when their starting fact is known. */
const startLimit = machineSetup.createAction(
  enqueueActions(({ context, event, enqueue }) => {
    const limit = packOf(context).negotiationLimit
    if (!limit || context.limit || context.renegotiation) return
    const firstRound = event.type === 'round.held' ? event.heldOn : undefined
    const from = r.limitStartDate(context, firstRound)
    if (!from) return
    enqueue({ type: 'scheduleDeadline', params: { kind: 'negotiationLimit', from, period: period(limit.period), label: limitLabel } })
    enqueue.assign({
      limit: { from, startedOn: from, excludedDays: 0, exceeded: false },
      pendingDeadlines: ({ context }) => r.addPending(context.pendingDeadlines, 'negotiationLimit'),
    })
  }),
)

/** The limit stops while suspended where suspended days do not count (Shandong 28, Henan 26). */
const pauseLimit = machineSetup.createAction(
  enqueueActions(({ context, enqueue }) => {
    const limit = packOf(context).negotiationLimit
    if (!limit?.suspensionExcluded || !context.pendingDeadlines.includes('negotiationLimit')) return
    enqueue({ type: 'cancelDeadline', params: { kind: 'negotiationLimit' } })
    enqueue.assign({ pendingDeadlines: ({ context }) => r.removePending(context.pendingDeadlines, 'negotiationLimit') })
  }),
)

/** Closes the open suspension and, where suspended days do not count, re-arms the limit shifted by them. */
const endSuspension = machineSetup.createAction(
  enqueueActions(({ context, event, enqueue }) => {
    const endedOn = r.suspensionEndDate(context, event as never)
    const endedBy =
      event.type === 'negotiation.resumed'
        ? 'resumed'
        : event.type === 'deadline.elapsed'
          ? 'periodElapsed'
          : event.type === 'coordination.requested' || event.type === 'coordination.accepted'
            ? 'coordination'
            : 'closed'
    const patch = r.suspensionClosed(context, endedOn, endedBy)
    enqueue.assign(patch)
    const limit = packOf(context).negotiationLimit
    const closed = patch.suspensions?.at(-1)
    if (
      !limit?.suspensionExcluded ||
      !context.limit ||
      context.limit.exceeded ||
      context.pendingDeadlines.includes('negotiationLimit') ||
      !closed
    ) {
      return
    }
    const excludedDays = context.limit.excludedDays + (closed.daysUsed ?? 0)
    const from = addDays(context.limit.startedOn, excludedDays)
    enqueue({ type: 'scheduleDeadline', params: { kind: 'negotiationLimit', from, period: period(limit.period), label: limitLabel } })
    enqueue.assign({
      limit: { ...context.limit, from, excludedDays },
      pendingDeadlines: ({ context }) => r.addPending(context.pendingDeadlines, 'negotiationLimit'),
    })
  }),
)

/** The limit is met: "完成协商" (draft agreed) or the signature (Shandong 28). */
function completeLimit(at: 'draftAgreed' | 'signed') {
  return machineSetup.createAction(
    enqueueActions(({ context, enqueue }) => {
      const limit = packOf(context).negotiationLimit
      if (!limit || limit.endsAt !== at || !context.pendingDeadlines.includes('negotiationLimit')) return
      enqueue({ type: 'cancelDeadline', params: { kind: 'negotiationLimit' } })
      enqueue.assign({ pendingDeadlines: ({ context }) => r.removePending(context.pendingDeadlines, 'negotiationLimit') })
    }),
  )
}

const limitExceeded = update(({ context }) =>
  context.limit ? { limit: { ...context.limit, exceeded: true } } : {},
)

// ---------------------------------------------------------------------------------------------------------------
// Shared transitions
// ---------------------------------------------------------------------------------------------------------------

const withdrawn = [
  {
    // An abandoned amendment or rescission leaves the contract in force as it was.
    guard: 'isChangeProcedure' as const,
    target: '#negotiation.inForce.published',
    actions: [update(({ context }) => r.archiveProcedure(context, 'withdrawn')), notify('notify.caseClosed')],
  },
  {
    target: '#negotiation.closed',
    actions: [
      update(({ event }) => ({ closedReason: event.type === 'request.withdrawn' ? event.reason : 'withdrawn' })),
      notify('notify.caseClosed'),
    ],
  },
]

/**
 * Ends this negotiation without agreement when `when` holds (Henan 37-38): an amendment or rescission returns to the
 * contract in force; a first negotiation closes the case.
 */
function endNegotiation(
  reason: string,
  when: { change: 'coordinationFailureEndsChange' | 'applicationLapsedChange'; any: 'coordinationFailureEnds' | 'applicationLapsed' },
  extraActions: (ReturnType<typeof notify> | typeof recordElapsed)[] = [],
) {
  return [
    {
      guard: when.change,
      target: '#negotiation.inForce.published',
      actions: [...extraActions, update(({ context }) => r.archiveProcedure(context, reason)), notify('notify.caseClosed')],
    },
    {
      guard: when.any,
      target: '#negotiation.closed',
      actions: [...extraActions, update(() => ({ closedReason: reason })), notify('notify.caseClosed')],
    },
  ]
}

const coordinationFailed = update(({ context, event }) =>
  r.coordinationConcluded(
    context,
    'failed',
    event.type === 'coordination.failed' ? { failure: { endedOn: event.endedOn, reason: event.reason } } : {},
  ),
)

/** JHR 53 / Henan 38: a coordination that fails ends the negotiation where the pack says so, else talks go on. */
const coordinationFailedTransitions = [
  ...endNegotiation('coordinationFailed', { change: 'coordinationFailureEndsChange', any: 'coordinationFailureEnds' }).map((t) => ({
    ...t,
    actions: [coordinationFailed, ...t.actions],
  })),
  {
    guard: 'isPermitted' as const,
    target: '#negotiation.bargaining.negotiating',
    actions: [coordinationFailed, notify('notify.coordinationConcluded', () => ({ outcome: 'failed' }))],
  },
]

/** Henan 37: the overall limit passed without agreement; only coordination can continue the negotiation. */
const limitLapse = {
  guard: 'limitLapses' as const,
  target: '#negotiation.bargaining.limitReached',
  actions: [recordElapsed, limitExceeded, notify('notify.negotiationLimitExceeded')],
}

const requestAnswered = (late: boolean) => ({
  guard: 'isPermitted' as const,
  target: '#negotiation.bargaining',
  actions: [
    update(({ event }) =>
      event.type === 'request.answered'
        ? { reply: { answeredOn: event.answeredOn, accepted: true, text: event.text, late } }
        : {},
    ),
    render('replyLetter'),
    notify('notify.requestAnswered', ({ event }) => ({ late, ...(event.type === 'request.answered' ? { answeredOn: event.answeredOn } : {}) })),
  ],
})

/** GZ 8, GZ 18, JHR 33: figures may be recorded or corrected at any time while bargaining, until the draft. */
const figuresRecorded = {
  guard: 'isPermitted' as const,
  actions: update(({ context, event }) => (event.type === 'preparation.figuresRecorded' ? r.figuresRecorded(context, event) : {})),
}

/** The minutes of a round: its number and what it changed in the structured clauses (proposals/diff.ts). */
const renderMinutes = render('minutes', ({ context, event }) =>
  event.type === 'round.held'
    ? {
        round: event.number,
        ...(context.rounds.some((x) => x.number === event.number) ? { clauseChanges: roundChanges(context, event.number) } : {}),
      }
    : {},
)

const interventionRequested = {
  guard: 'isPermitted' as const,
  target: '#negotiation.bureauIntervention',
  actions: [
    update(({ event }) =>
      event.type === 'intervention.requested' ? { intervention: { requestedOn: event.requestedOn, reason: event.reason } } : {},
    ),
    render('interventionRequest'),
    notify('notify.interventionRequested'),
  ],
}

const coordinationRequestedTransition = {
  guard: 'isPermitted' as const,
  target: '#negotiation.bargaining.coordinationRequested',
  actions: [
    update(({ event }) => (event.type === 'coordination.requested' ? r.coordinationRequested(event) : {})),
    render('coordinationApplication'),
    notify('notify.coordinationRequested'),
  ],
}

const coordinationAcceptedTransition = {
  guard: 'isPermitted' as const,
  target: '#negotiation.bargaining.coordinating',
  actions: [
    update(({ context, event }) => (event.type === 'coordination.accepted' ? r.coordinationAccepted(context, event) : {})),
    notify('notify.coordinationAccepted'),
  ],
}

// ---------------------------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------------------------

export const negotiationMachine = machineSetup.createMachine({
  id: 'negotiation',
  context: ({ input }) => initialContext(input),
  output: ({ context }) => buildOutput(context),
  initial: 'draftingRequest',
  on: {
    // The term of the contract in force runs whatever procedure is under way (JHR 38).
    'deadline.elapsed': [
      {
        guard: { type: 'isDeadline', params: { kind: 'expiry' } },
        target: '#negotiation.expired',
        actions: [
          recordElapsed,
          assign({ outcome: 'expired' as const }),
          notify('notify.agreementExpired', ({ context }) => ({ expiresOn: context.agreement?.expiresOn })),
        ],
      },
      {
        guard: { type: 'isDeadline', params: { kind: 'renewalWindow' } },
        actions: [
          recordElapsed,
          assign(({ context }) => (context.agreement ? { agreement: { ...context.agreement, renewalWindowOpen: true } } : {})),
          notify('notify.renewalWindowOpened', ({ context }) => ({ expiresOn: context.agreement?.expiresOn })),
        ],
      },
    ],
  },
  states: {
    // ---- 1. Request and reply (JHR 32, GZ 17) -----------------------------------------------------------------
    draftingRequest: {
      description: 'Worker side determined (LCL 51); a written request is being prepared by either side (JHR 32, GZ 17).',
      on: {
        'request.sent': {
          guard: 'isPermitted',
          target: 'requestSent',
          actions: [
            assign(({ event }) => r.requestSent(event)),
            render('requestLetter'),
            notify('notify.requestSent', ({ event }) => (event.type === 'request.sent' ? { by: event.by, sentOn: event.sentOn } : {})),
          ],
        },
        'request.withdrawn': withdrawn,
      },
    },
    requestSent: {
      description: 'Request sent in writing; the reply period runs from proof of receipt (JHR 32, GZ 17).',
      on: {
        'request.received': {
          guard: 'isPermitted',
          target: 'awaitingReply',
          actions: [
            assign(({ context, event }) => r.requestReceived(context, event)),
            notify('notify.requestReceived', ({ event }) => (event.type === 'request.received' ? { receivedOn: event.receivedOn } : {})),
          ],
        },
        'request.withdrawn': withdrawn,
      },
    },
    awaitingReply: {
      description:
        'The other side must answer in writing within the reply period from receipt (JHR 32, GZ 17; local: Zhejiang 7, Shanghai 15 …).',
      entry: scheduleRequestReply,
      exit: cancel('requestReply'),
      on: {
        'request.answered': requestAnswered(false),
        'request.refused': {
          guard: 'isPermitted',
          target: 'refused',
          actions: [
            assign({
              reply: ({ event }) => ({ answeredOn: event.answeredOn, accepted: false, text: event.reason, late: false }),
            }),
            render('refusalLetter'),
            notify('notify.requestRefused'),
          ],
        },
        'deadline.elapsed': {
          guard: { type: 'isDeadline', params: { kind: 'requestReply' } },
          target: 'replyOverdue',
          actions: recordElapsed,
        },
        'request.withdrawn': withdrawn,
      },
    },
    replyOverdue: {
      description:
        'No written reply within the period (JHR 32); the requesting side may ask the bureau to intervene (JHR 56, TUL 54(4)).',
      tags: ['overdue'],
      entry: notify('notify.replyOverdue'),
      on: {
        'request.answered': requestAnswered(true),
        'intervention.requested': interventionRequested,
        'request.withdrawn': withdrawn,
      },
    },
    refused: {
      description: 'The request was refused with a stated reason (JHR 32); the requester may ask the bureau (JHR 56).',
      on: {
        'intervention.requested': interventionRequested,
        'request.withdrawn': withdrawn,
      },
    },
    bureauIntervention: {
      description: 'The bureau was asked to intervene after refusal or silence (JHR 56, TUL 54(4)); a late answer opens the negotiation.',
      on: {
        'request.answered': requestAnswered(true),
        'request.withdrawn': withdrawn,
      },
    },

    // ---- 2-8. Negotiation: teams, preparation, rounds, suspension, coordination, congress, signing ------------
    bargaining: {
      description:
        'The request was accepted: teams (JHR 19-24), preparation (JHR 33), rounds (JHR 34), suspension (JHR 35), coordination (JHR 49-54), congress (JHR 36) and signing (JHR 37).',
      initial: 'appointingTeams',
      entry: startLimit,
      exit: [cancel('negotiationLimit'), cancel('vacancyFill'), cancel('informationSupply')],
      on: {
        'team.appointed': {
          guard: 'isPermitted',
          actions: [
            assign(({ context, event }) => r.teamAppointed(context, event)),
            rescheduleVacancyFill,
            render('teamList', ({ event }) => (event.type === 'team.appointed' ? { side: event.side } : {})),
            notify('notify.teamAppointed', ({ event }) => (event.type === 'team.appointed' ? { side: event.side } : {})),
          ],
        },
        'recorder.appointed': {
          guard: 'isPermitted',
          actions: [
            assign({
              teams: ({ context, event }) => ({ ...context.teams, recorder: { ...event.recorder, appointedOn: event.appointedOn } }),
            }),
            render('teamList'),
            notify('notify.recorderAppointed'),
          ],
        },
        // JHR 30-31: a vacancy is filled within 15 days.
        'member.vacated': {
          guard: 'isPermitted',
          actions: [
            assign(({ context, event }) => r.memberVacated(context, event)),
            scheduleVacancyFill,
            notify('notify.vacancyOpened', ({ event }) => (event.type === 'member.vacated' ? { side: event.side, memberId: event.memberId } : {})),
          ],
        },
        'vacancy.filled': {
          guard: 'isPermitted',
          actions: [
            assign(({ context, event }) => r.vacancyFilled(context, event)),
            rescheduleVacancyFill,
            render('teamList'),
            notify('notify.vacancyFilled'),
          ],
        },
        'deadline.elapsed': [
          {
            guard: { type: 'isDeadline', params: { kind: 'vacancyFill' } },
            actions: [recordElapsed, notify('notify.vacancyOverdue')],
          },
          {
            guard: { type: 'isDeadline', params: { kind: 'negotiationLimit' } },
            actions: [recordElapsed, limitExceeded, notify('notify.negotiationLimitExceeded')],
          },
        ],
        'request.withdrawn': withdrawn,
      },
      states: {
        appointingTeams: {
          description:
            'Each side appoints its negotiators and chief; both appoint one recorder who is not a negotiator (JHR 19-24, 33(5); local bounds from the rule pack).',
          always: { guard: 'teamsComplete', target: 'preparing' },
          on: { 'deadline.elapsed': limitLapse, 'preparation.figuresRecorded': figuresRecorded },
        },
        preparing: {
          description:
            'Preparation: opinions collected, agenda drafted, time and place fixed (JHR 33); information supplied on request before the meeting (GZ 18; local periods).',
          exit: cancel('informationSupply'),
          on: {
            'opinions.collected': {
              guard: 'isPermitted',
              actions: assign(({ context, event }) => r.opinionsCollected(context, event)),
            },
            'preparation.figuresRecorded': figuresRecorded,
            'agenda.drafted': {
              guard: 'isPermitted',
              actions: assign({
                preparation: ({ context, event }) => ({
                  ...context.preparation,
                  agenda: { draftedOn: event.draftedOn, draftedBy: event.draftedBy, items: event.items },
                }),
              }),
            },
            'meeting.scheduled': {
              guard: 'isPermitted',
              actions: [
                assign({
                  preparation: ({ context, event }) => ({
                    ...context.preparation,
                    meeting: {
                      scheduledOn: event.scheduledOn,
                      meetingOn: event.meetingOn,
                      ...(event.time ? { time: event.time } : {}),
                      place: event.place,
                    },
                  }),
                }),
                scheduleInformationSupply,
                notify('notify.meetingScheduled', ({ event }) => (event.type === 'meeting.scheduled' ? { meetingOn: event.meetingOn } : {})),
              ],
            },
            'information.requested': {
              guard: 'isPermitted',
              actions: [
                assign({
                  preparation: ({ context, event }) => ({
                    ...context.preparation,
                    informationRequests: [
                      ...context.preparation.informationRequests,
                      { by: event.by, requestedOn: event.requestedOn, items: event.items },
                    ],
                  }),
                }),
                scheduleInformationSupply,
                notify('notify.informationRequested'),
              ],
            },
            'information.supplied': {
              guard: 'isPermitted',
              actions: [
                assign(({ context, event }) => r.informationSupplied(context, event)),
                machineSetup.createAction(
                  enqueueActions(({ context, enqueue }) => {
                    if (!r.hasOpenInformationRequest(context) && context.pendingDeadlines.includes('informationSupply')) {
                      enqueue({ type: 'cancelDeadline', params: { kind: 'informationSupply' } })
                      enqueue.assign({ pendingDeadlines: ({ context }) => r.removePending(context.pendingDeadlines, 'informationSupply') })
                    }
                  }),
                ),
                notify('notify.informationSupplied'),
              ],
            },
            'round.held': {
              guard: 'isPermitted',
              target: 'negotiating',
              actions: [
                assign(({ context, event }) => r.roundHeld(context, event)),
                startLimit,
                renderMinutes,
                notify('notify.roundHeld', ({ event }) => (event.type === 'round.held' ? { round: event.number, outcome: event.outcome } : {})),
              ],
            },
            'deadline.elapsed': [
              limitLapse,
              {
                guard: { type: 'isDeadline', params: { kind: 'informationSupply' } },
                actions: [recordElapsed, assign(({ context }) => r.informationOverdue(context)), notify('notify.informationOverdue')],
              },
            ],
          },
        },
        negotiating: {
          description:
            'Rounds, any number, chaired by the chiefs in turn (JHR 34; GZ 11); minutes kept by the recorder (JHR 33(5)); a draft signed by both chiefs when agreed (JHR 34(4)).',
          on: {
            'round.held': {
              guard: 'isPermitted',
              actions: [
                assign(({ context, event }) => r.roundHeld(context, event)),
                renderMinutes,
                notify('notify.roundHeld', ({ event }) => (event.type === 'round.held' ? { round: event.number, outcome: event.outcome } : {})),
              ],
            },
            'preparation.figuresRecorded': figuresRecorded,
            'negotiation.suspended': {
              guard: 'isPermitted',
              target: 'suspended',
              actions: [assign(({ context, event }) => r.suspended(context, event)), render('suspensionRecord'), notify('notify.negotiationSuspended')],
            },
            'coordination.requested': coordinationRequestedTransition,
            'coordination.accepted': coordinationAcceptedTransition,
            'draft.agreed': [
              {
                guard: and(['isPermitted', 'needsCongressVote']),
                target: 'awaitingCongress',
                actions: [assign(({ context, event }) => r.draftAgreed(context, event)), completeLimit('draftAgreed'), render('draft'), notify('notify.draftAgreed')],
              },
              {
                // JHR 46 after an objection, where the pack needs no new vote (statute §(g)3).
                guard: 'isPermitted',
                target: 'signing',
                actions: [assign(({ context, event }) => r.draftAgreed(context, event)), completeLimit('draftAgreed'), render('draft'), notify('notify.draftAgreed')],
              },
            ],
            'deadline.elapsed': limitLapse,
          },
        },
        suspended: {
          description:
            'Suspended by agreement with a period and the next meeting (JHR 35); local caps per suspension or cumulative (Beijing 37, Chongqing 22, Hangzhou 27, Ningbo 19), force majeure only (Shandong 28, Henan 26).',
          entry: [
            schedule('suspensionEnd', ({ context }) => {
              const open = context.suspensions.at(-1)
              if (!open?.periodDays) return null
              const cap = packOf(context).suspension.maxDaysPerSuspension
              return {
                from: open.suspendedOn,
                period: { length: open.periodDays, unit: 'calendarDays', article: cap.value !== null ? `JHR 35; ${cap.article}` : 'JHR 35' },
                label: label('中止期限届满', 'End of the agreed suspension'),
              }
            }),
            pauseLimit,
          ],
          exit: [cancel('suspensionEnd'), endSuspension],
          on: {
            'negotiation.resumed': {
              guard: 'isPermitted',
              target: 'negotiating',
              actions: notify('notify.negotiationResumed'),
            },
            'preparation.figuresRecorded': figuresRecorded,
            'deadline.elapsed': {
              guard: { type: 'isDeadline', params: { kind: 'suspensionEnd' } },
              target: 'negotiating',
              actions: [recordElapsed, notify('notify.suspensionEnded')],
            },
            'coordination.requested': coordinationRequestedTransition,
            'coordination.accepted': coordinationAcceptedTransition,
          },
        },
        limitReached: {
          description:
            'The local overall limit passed without agreement (Henan 26); within the period either side may apply for coordination, otherwise this negotiation ends (Henan 37).',
          tags: ['overdue'],
          entry: schedule('coordinationApplication', ({ context, event }) => {
            const after = packOf(context).negotiationLimit?.afterLimit
            if (!after || event.type !== 'deadline.elapsed') return null
            return {
              from: r.lastDayOf(context, event.dueAt),
              period: period(after.coordinationApplication),
              label: label('申请协调处理的期限', 'Period to apply for coordination'),
            }
          }),
          exit: cancel('coordinationApplication'),
          on: {
            'preparation.figuresRecorded': figuresRecorded,
            'coordination.requested': coordinationRequestedTransition,
            'coordination.accepted': coordinationAcceptedTransition,
            // Henan 37: "双方在十五日之内未提出申请的，本次协商终止".
            'deadline.elapsed': endNegotiation(
              'negotiationLimitLapsed',
              { change: 'applicationLapsedChange', any: 'applicationLapsed' },
              [recordElapsed, notify('notify.coordinationApplicationLapsed')],
            ),
          },
        },
        coordinationRequested: {
          description:
            'One or both sides applied in writing for coordination of the dispute (JHR 49-50); the bureau accepts it (Henan 38: within 5 working days).',
          entry: schedule('coordinationAcceptance', ({ context }) => {
            const p = packOf(context).coordination.acceptance
            const on = context.coordination?.requestedOn
            return p && on ? { from: on, period: period(p), label: label('受理协调处理申请', 'Bureau takes up the coordination') } : null
          }),
          exit: cancel('coordinationAcceptance'),
          on: {
            'preparation.figuresRecorded': figuresRecorded,
            'coordination.accepted': coordinationAcceptedTransition,
            'coordination.failed': coordinationFailedTransitions,
            // The sides settle it themselves before the bureau acts.
            'negotiation.resumed': {
              guard: 'isPermitted',
              target: 'negotiating',
              actions: [assign(({ context }) => r.coordinationConcluded(context, 'withdrawn', {})), notify('notify.negotiationResumed')],
            },
            'deadline.elapsed': {
              guard: { type: 'isDeadline', params: { kind: 'coordinationAcceptance' } },
              actions: [recordElapsed, notify('notify.coordinationAcceptanceOverdue')],
            },
          },
        },
        coordinating: {
          description:
            'The bureau coordinates with the union and the enterprise organisation (JHR 50, 53) and finishes within the period from acceptance, extendable once (JHR 52: 30 + 15 days; Chongqing 48: 60 + 30).',
          initial: 'withinPeriod',
          on: {
            'preparation.figuresRecorded': figuresRecorded,
            'coordination.agreed': {
              guard: 'isPermitted',
              target: 'negotiating',
              actions: [
                assign(({ context, event }) =>
                  event.type === 'coordination.agreed'
                    ? r.coordinationConcluded(context, 'agreed', {
                        agreement: {
                          agreedOn: event.agreedOn,
                          resolvedItems: event.resolvedItems,
                          openItems: event.openItems,
                          signedBy: event.signedBy,
                          coordinators: event.coordinators,
                        },
                      })
                    : {},
                ),
                render('coordinationAgreement'),
                notify('notify.coordinationConcluded', () => ({ outcome: 'agreed' })),
              ],
            },
            'coordination.failed': coordinationFailedTransitions,
            'deadline.elapsed': {
              guard: { type: 'isDeadline', params: { kind: 'coordination' } },
              actions: [recordElapsed, notify('notify.coordinationOverdue')],
            },
          },
          states: {
            withinPeriod: {
              description: 'Coordination period from acceptance (JHR 52; Chongqing 48).',
              entry: schedule('coordination', ({ context }) => {
                const on = context.coordination?.acceptedOn
                return on
                  ? { from: on, period: period(packOf(context).coordination.period), label: label('协调处理期限', 'Coordination period') }
                  : null
              }),
              exit: cancel('coordination'),
              on: {
                'coordination.extended': {
                  guard: 'isPermitted',
                  target: 'extended',
                  actions: [
                    assign({
                      coordination: ({ context, event }) => ({
                        ...context.coordination!,
                        extension: { extendedOn: event.extendedOn, days: event.days, reason: event.reason },
                      }),
                    }),
                    notify('notify.coordinationExtended'),
                  ],
                },
              },
            },
            extended: {
              description: 'The period extended once, with reasons (JHR 52; Zhejiang 39, Shandong 45: in writing).',
              entry: schedule('coordination', ({ context }) => {
                const c = context.coordination
                const p = packOf(context).coordination
                if (!c?.acceptedOn || !c.extension) return null
                return {
                  from: c.acceptedOn,
                  period: {
                    length: p.period.length + c.extension.days,
                    unit: p.period.unit,
                    article: p.period.article === p.extension.article ? p.period.article : `${p.period.article}; ${p.extension.article}`,
                  },
                  label: label('延长后的协调处理期限', 'Extended coordination period'),
                }
              }),
              exit: cancel('coordination'),
            },
          },
        },
        awaitingCongress: {
          description:
            'The draft goes to the workers\' congress or all-staff assembly: quorum and threshold per jurisdiction, counted against all seats (JHR 36; GZ 19; Zhejiang 24: within 15 working days).',
          entry: schedule('congressSubmission', ({ context }) => {
            const c = packOf(context).congress
            const draft = context.draft
            if (!draft) return null
            const failedBefore = context.congressVotes.some((v) => !v.passed)
            const p = failedBefore ? (c.resubmission ?? c.submission) : c.submission
            return p
              ? { from: draft.agreedOn, period: period(p), label: label('提交职工代表大会讨论', 'Submit the draft to the congress') }
              : null
          }),
          exit: cancel('congressSubmission'),
          on: {
            'congress.resultCertified': [
              {
                guard: and(['isPermitted', 'votePasses']),
                target: 'signing',
                actions: [assign(({ context, event }) => r.congressCertified(context, event)), notify('notify.congressPassed')],
              },
              {
                // JHR 36: a draft that fails goes back to negotiation (Chongqing 26, Zhejiang 24).
                guard: 'isPermitted',
                target: 'negotiating',
                actions: [assign(({ context, event }) => r.congressCertified(context, event)), notify('notify.congressFailed')],
              },
            ],
            // Accepted here only to explain JHR 37: the draft has not passed, so the rule always refuses it.
            'agreement.signed': { guard: 'isPermitted' },
            'deadline.elapsed': {
              guard: { type: 'isDeadline', params: { kind: 'congressSubmission' } },
              actions: [recordElapsed, notify('notify.congressSubmissionOverdue')],
            },
          },
        },
        signing: {
          description: 'The congress passed the draft; both chiefs sign (and seal, GZ 20) the contract (JHR 37).',
          on: {
            'agreement.signed': [
              {
                guard: and(['isPermitted', 'isTermination', 'hasTerminationFiling']),
                target: '#negotiation.terminationFiling',
                actions: [assign(({ context, event }) => r.signed(context, event)), completeLimit('signed'), render('agreement'), notify('notify.agreementSigned')],
              },
              {
                guard: and(['isPermitted', 'isTermination']),
                target: '#negotiation.terminated',
                actions: [
                  assign(({ context, event }) => ({ ...r.signed(context, event), outcome: 'terminated' as const })),
                  completeLimit('signed'),
                  render('agreement'),
                  notify('notify.agreementTerminated'),
                ],
              },
              {
                guard: 'isPermitted',
                target: '#negotiation.filing',
                actions: [assign(({ context, event }) => r.signed(context, event)), completeLimit('signed'), render('agreement'), notify('notify.agreementSigned')],
              },
            ],
          },
        },
      },
    },

    // ---- 9. Filing (JHR 42-43, GZ 21) ------------------------------------------------------------------------
    filing: {
      description:
        'The employer files the signed text with the bureau within the period (JHR 42: 10 days; GZ 21: 7 days for wage agreements; local variants); amendments are filed again.',
      entry: schedule('filing', ({ context }) => ({
        from: context.filing!.periodFrom,
        period: period(packOf(context).filing[groupOf(context)].period),
        label: label('报送劳动保障行政部门', 'File with the labour bureau'),
      })),
      exit: cancel('filing'),
      on: {
        'agreement.filed': {
          guard: 'isPermitted',
          target: 'awaitingRegistration',
          actions: [assign(({ context, event }) => r.filed(context, event, false)), render('filingPackage'), notify('notify.agreementFiled', () => ({ late: false }))],
        },
        'deadline.elapsed': {
          guard: { type: 'isDeadline', params: { kind: 'filing' } },
          target: 'filingOverdue',
          actions: [recordElapsed, notify('notify.filingOverdue')],
        },
      },
    },
    filingOverdue: {
      description: 'The filing period passed (JHR 42, GZ 21): a late filing is still accepted and recorded as late.',
      tags: ['overdue'],
      on: {
        'agreement.filed': {
          guard: 'isPermitted',
          target: 'awaitingRegistration',
          actions: [assign(({ context, event }) => r.filed(context, event, true)), render('filingPackage'), notify('notify.agreementFiled', () => ({ late: true }))],
        },
      },
    },
    terminationFiling: {
      description: 'A rescission is filed with the bureau (Zhejiang 33: 5 working days; Shandong 41: 7 days).',
      entry: schedule('filing', ({ context }) => {
        const p = packOf(context).filing.termination
        return p ? { from: context.filing!.periodFrom, period: period(p), label: label('解除合同报送备案', 'File the rescission') } : null
      }),
      exit: cancel('filing'),
      on: {
        'agreement.filed': {
          guard: 'isPermitted',
          target: 'terminated',
          actions: [
            assign(({ context, event }) => ({ ...r.filed(context, event, context.filing?.late ?? false), outcome: 'terminated' as const })),
            notify('notify.agreementTerminated'),
          ],
        },
        'deadline.elapsed': {
          guard: { type: 'isDeadline', params: { kind: 'filing' } },
          actions: [
            recordElapsed,
            assign(({ context }) => (context.filing ? { filing: { ...context.filing, late: true } } : {})),
            notify('notify.filingOverdue'),
          ],
        },
      },
    },
    awaitingRegistration: {
      description: 'Filed; the bureau registers the receipt (JHR 42 ¶2; Chongqing 28: receipt notice); the receipt date starts the review.',
      on: {
        'filing.registered': {
          guard: 'isPermitted',
          target: 'underReview',
          actions: [assign(({ context, event }) => r.registered(context, event)), notify('notify.filingRegistered')],
        },
        'correction.requested': {
          guard: 'isPermitted',
          target: 'correctionRequested',
          actions: [assign(({ context, event }) => r.correctionRequested(context, event)), notify('notify.correctionRequested')],
        },
      },
    },
    correctionRequested: {
      description:
        'The bureau asked for missing materials (补正, where the pack allows; JHR 42 ¶2, 45 [D]); the review runs from the completed receipt.',
      on: {
        'correction.supplied': {
          guard: 'isPermitted',
          target: 'awaitingRegistration',
          actions: [assign(({ context, event }) => r.correctionSupplied(context, event)), notify('notify.correctionSupplied')],
        },
      },
    },

    // ---- 10-12. Review (JHR 44-47, GZ 22) --------------------------------------------------------------------
    underReview: {
      description:
        'Legality review within 15 days of receipt (JHR 44-47; GZ 22; LCL 54): an objection (审查意见书) sends the disputed items back to negotiation (JHR 46); no objection by the end of day 15 means deemed approval (JHR 47; GZ 22 ¶4).',
      entry: schedule('review', ({ context }) => ({
        from: context.review!.receivedOn,
        period: period(packOf(context).review.period),
        label: label('劳动保障行政部门审查期限', 'Bureau review period'),
      })),
      exit: cancel('review'),
      on: {
        'review.objected': {
          guard: 'isPermitted',
          target: '#negotiation.bargaining.negotiating',
          actions: [assign(({ context, event }) => r.objected(context, event)), notify('notify.reviewObjected')],
        },
        'review.approved': [
          {
            guard: and(['isPermitted', 'approvalTakesEffect']),
            target: 'inForce',
            actions: [
              assign(({ context, event }) => r.approvalDelivered(context, event)),
              assign(({ context, event }) =>
                event.type === 'review.approved' ? r.becameEffective(context, event.deliveredOn, 'noObjectionOpinion') : {},
              ),
              notify('notify.reviewApproved'),
              notify('notify.agreementEffective', ({ context }) => ({ effectiveOn: context.agreement?.effectiveOn, by: 'noObjectionOpinion' })),
            ],
          },
          {
            // JHR 47 (statute §(g)2): for collective contracts the 15 days still run.
            guard: 'isPermitted',
            actions: [assign(({ context, event }) => r.approvalDelivered(context, event)), notify('notify.reviewApproved')],
          },
        ],
        'correction.requested': {
          guard: 'isPermitted',
          target: 'correctionRequested',
          actions: [assign(({ context, event }) => r.correctionRequested(context, event)), notify('notify.correctionRequested')],
        },
        'deadline.elapsed': {
          guard: { type: 'isDeadline', params: { kind: 'review' } },
          target: 'inForce',
          actions: [
            recordElapsed,
            assign(({ context, event }) =>
              event.type === 'deadline.elapsed' ? r.becameEffective(context, addDays(r.lastDayOf(context, event.dueAt), 1), 'deemedApproval') : {},
            ),
            notify('notify.agreementEffective', ({ context }) => ({ effectiveOn: context.agreement?.effectiveOn, by: 'deemedApproval' })),
          ],
        },
      },
    },

    // ---- 13-16. In force: publication, renewal, amendment, rescission, expiry (JHR 38-41, 48; GZ 23-24) --------
    inForce: {
      description:
        'In force until expiry (term 1-3 years, JHR 38); the renewal window opens before expiry (JHR 38: 3 months; GZ 24: 60 days; local 90 days); amendment and rescission use the full procedure (JHR 39-41).',
      initial: 'awaitingPublication',
      entry: machineSetup.createAction(
        enqueueActions(({ context, enqueue }) => {
          const a = context.agreement
          if (!a || a.scheduledExpiryOn === a.expiresOn) return
          const pack = packOf(context)
          for (const kind of ['expiry', 'renewalWindow'] as const) {
            if (context.pendingDeadlines.includes(kind)) enqueue({ type: 'cancelDeadline', params: { kind } })
          }
          enqueue({
            type: 'scheduleDeadline',
            params: {
              kind: 'expiry',
              from: addDays(a.termStartsOn, -1),
              period: { length: a.termMonths, unit: 'months', article: pack.term[groupOf(context)].article },
              label: label('合同期满', 'The contract term ends'),
            },
          })
          enqueue({
            type: 'scheduleDeadline',
            params: {
              kind: 'renewalWindow',
              from: a.expiresOn,
              period: period(pack.renewalWindow[groupOf(context)]),
              before: true,
              endOfDay: false,
              label: label('可以提出续订要求', 'Renewal requests may be made'),
            },
          })
          enqueue.assign({
            agreement: { ...a, scheduledExpiryOn: a.expiresOn, renewalWindowOpen: false },
            pendingDeadlines: ({ context }) =>
              r.addPending(r.addPending(context.pendingDeadlines, 'expiry'), 'renewalWindow'),
          })
        }),
      ),
      on: {
        'renewal.requested': {
          guard: 'isPermitted',
          target: 'renewed',
          actions: [
            assign({
              renewalRequest: ({ event }) => ({ by: event.by, sentOn: event.sentOn, content: event.content }),
              outcome: 'renewed' as const,
            }),
            render('renewalRequest'),
            notify('notify.renewalRequested'),
          ],
        },
        'amendment.requested': {
          guard: 'isPermitted',
          target: 'requestSent',
          actions: [assign(({ context, event }) => r.startProcedure(context, event, 'amendment')), render('amendmentRequest'), notify('notify.amendmentRequested')],
        },
        'termination.requested': {
          guard: 'isPermitted',
          target: 'requestSent',
          actions: [assign(({ context, event }) => r.startProcedure(context, event, 'termination')), render('terminationRequest'), notify('notify.terminationRequested')],
        },
        'agreement.ended': {
          guard: 'isPermitted',
          target: 'terminated',
          actions: [
            assign({
              ending: ({ event }) => ({ endedOn: event.endedOn, ground: event.ground, evidence: event.evidence }),
              outcome: 'terminated' as const,
            }),
            notify('notify.agreementTerminated'),
          ],
        },
      },
      states: {
        awaitingPublication: {
          description: 'Publication to all workers (JHR 48 "及时"; GZ 23: 5 days; local: Zhejiang 35, Chongqing 29, Shandong 31 …).',
          entry: schedule('publication', ({ context }) => {
            const p = packOf(context).publication[groupOf(context)]
            return p && context.agreement
              ? { from: context.agreement.effectiveOn, period: period(p), label: label('向全体职工公布', 'Publish to all workers') }
              : null
          }),
          exit: cancel('publication'),
          on: {
            'agreement.published': [
              {
                guard: and(['isPermitted', 'publicationCompletes']),
                target: 'published',
                actions: [assign(({ context, event }) => r.published(context, event)), render('publicationNotice'), notify('notify.agreementPublished')],
              },
              {
                guard: 'isPermitted',
                actions: [assign(({ context, event }) => r.published(context, event)), render('publicationNotice'), notify('notify.agreementPublished')],
              },
            ],
            'deadline.elapsed': {
              guard: { type: 'isDeadline', params: { kind: 'publication' } },
              actions: [recordElapsed, notify('notify.publicationOverdue')],
            },
          },
        },
        published: {
          description: 'Published and in force (JHR 48).',
        },
      },
    },

    // ---- Final states -------------------------------------------------------------------------------------------
    closed: {
      type: 'final',
      description: 'The case was closed without an agreement (withdrawn, or ended by a local rule: Henan 37-38).',
      entry: [cancelAll, assign({ outcome: 'closed' as const })],
    },
    renewed: {
      type: 'final',
      description: 'A renewal request was made within the window (JHR 38; GZ 24): the next case starts pre-filled from this one.',
      entry: cancelAll,
    },
    expired: {
      type: 'final',
      description: 'The term ended (JHR 38): the contract expired.',
      entry: cancelAll,
    },
    terminated: {
      type: 'final',
      description: 'The contract was rescinded by the full procedure (JHR 39-41) or ended by an agreed condition or the employer\'s dissolution (JHR 38; Chongqing 33).',
      entry: [cancelAll, assign({ outcome: 'terminated' as const })],
    },
  },
})

export type TNegotiationMachine = typeof negotiationMachine

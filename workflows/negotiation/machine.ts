/**
 * The statutory negotiation machine of one case (one negotiation cycle of one enterprise).
 * Pure: time arrives in events (`at`, and local dates such as `receivedOn`), deadlines and side effects are named
 * actions interpreted by the engine (see ../effects.ts). No invoke/spawn (children are not restored from snapshots)
 * and no `after` (delays are not restored, statelyai/xstate#5331).
 */
import { assign, setup } from 'xstate'
import { effectActions } from '../effects.js'
import { getRulePack } from '../rules/jurisdictions/index.js'
import type { TRulePack } from '../rules/jurisdictions/types.js'
import type { TNegotiationEvent, TSide } from './events.js'

export const ZCaseKinds = ['wageAgreement', 'collectiveContract', 'specialWomenWorkers', 'specialSafety'] as const
export type TCaseKind = (typeof ZCaseKinds)[number]

export type TNegotiationInput = {
  caseId: string
  enterpriseId: string
  kind: TCaseKind
  jurisdiction: string
  /** LCL 51: the union, or representatives elected under the upper-level union's guidance when there is none. */
  workerSide: 'union' | 'electedRepresentatives'
  openedAt: string
}

export type TNegotiationContext = TNegotiationInput & {
  request?: {
    by: TSide
    sentOn: string
    proposedTime: string
    proposedPlace: string
    content: string
    receivedOn?: string
    receiptProof?: string
  }
  reply?: { answeredOn: string; accepted: boolean; text: string; late: boolean }
  intervention?: { requestedOn: string; reason: string }
  closedReason?: string
}

function rulePackOf(context: TNegotiationContext): TRulePack {
  const pack = getRulePack(context.jurisdiction)
  // The engine refuses to open a case for an unknown jurisdiction, so this only guards programming errors.
  if (!pack) throw new Error(`unknown jurisdiction ${context.jurisdiction}`)
  return pack
}

export const negotiationMachine = setup({
  types: {} as {
    context: TNegotiationContext
    events: TNegotiationEvent
    input: TNegotiationInput
  },
  actions: effectActions,
  guards: {
    isRequestReplyDeadline: ({ event }) => event.type === 'deadline.elapsed' && event.kind === 'requestReply',
  },
}).createMachine({
  id: 'negotiation',
  context: ({ input }) => ({ ...input }),
  initial: 'draftingRequest',
  states: {
    draftingRequest: {
      description: 'Worker side determined (LCL 51); a written request is being prepared (JHR 32, GZ 17).',
      on: {
        'request.sent': {
          target: 'requestSent',
          actions: assign({
            request: ({ event }) => ({
              by: event.by,
              sentOn: event.sentOn,
              proposedTime: event.proposedTime,
              proposedPlace: event.proposedPlace,
              content: event.content,
            }),
          }),
        },
        'request.withdrawn': { target: 'closed', actions: assign({ closedReason: ({ event }) => event.reason }) },
      },
    },
    requestSent: {
      description: 'Request sent in writing; the reply period runs from proof of receipt (JHR 32).',
      on: {
        'request.received': {
          target: 'awaitingReply',
          actions: assign({
            request: ({ context, event }) => ({
              ...context.request!,
              receivedOn: event.receivedOn,
              receiptProof: event.proof,
            }),
          }),
        },
        'request.withdrawn': { target: 'closed', actions: assign({ closedReason: ({ event }) => event.reason }) },
      },
    },
    awaitingReply: {
      description: 'The other side must answer in writing within the reply period of receipt (JHR 32, GZ 17).',
      entry: {
        type: 'scheduleDeadline',
        params: ({ context }) => ({
          kind: 'requestReply' as const,
          from: context.request!.receivedOn!,
          period: rulePackOf(context).requestReply,
          label: { zh: '书面答复协商要约', en: 'Written reply to the negotiation request' },
        }),
      },
      exit: { type: 'cancelDeadline', params: { kind: 'requestReply' as const } },
      on: {
        'request.answered': {
          target: 'negotiating',
          actions: assign({
            reply: ({ event }) => ({ answeredOn: event.answeredOn, accepted: true, text: event.text, late: false }),
          }),
        },
        'request.refused': {
          target: 'refused',
          actions: assign({
            reply: ({ event }) => ({ answeredOn: event.answeredOn, accepted: false, text: event.reason, late: false }),
          }),
        },
        'deadline.elapsed': { guard: 'isRequestReplyDeadline', target: 'replyOverdue' },
        'request.withdrawn': { target: 'closed', actions: assign({ closedReason: ({ event }) => event.reason }) },
      },
    },
    replyOverdue: {
      description:
        'No written reply within the period (JHR 32); the requesting side may ask the bureau to intervene (JHR 56, TUL 54(4)).',
      tags: ['overdue'],
      entry: { type: 'emitEffect', params: { effect: 'notify.replyOverdue', data: {} } },
      on: {
        'request.answered': {
          target: 'negotiating',
          actions: assign({
            reply: ({ event }) => ({ answeredOn: event.answeredOn, accepted: true, text: event.text, late: true }),
          }),
        },
        'intervention.requested': {
          target: 'bureauIntervention',
          actions: assign({
            intervention: ({ event }) => ({ requestedOn: event.requestedOn, reason: event.reason }),
          }),
        },
        'request.withdrawn': { target: 'closed', actions: assign({ closedReason: ({ event }) => event.reason }) },
      },
    },
    refused: {
      description: 'The request was refused with a stated reason (JHR 32); the requester may ask the bureau (JHR 56).',
      on: {
        'intervention.requested': {
          target: 'bureauIntervention',
          actions: assign({
            intervention: ({ event }) => ({ requestedOn: event.requestedOn, reason: event.reason }),
          }),
        },
        'request.withdrawn': { target: 'closed', actions: assign({ closedReason: ({ event }) => event.reason }) },
      },
    },
    bureauIntervention: {
      description: 'The bureau was asked to intervene after refusal or silence (JHR 56, TUL 54(4)).',
      on: {
        'request.answered': {
          target: 'negotiating',
          actions: assign({
            reply: ({ event }) => ({ answeredOn: event.answeredOn, accepted: true, text: event.text, late: true }),
          }),
        },
        'request.withdrawn': { target: 'closed', actions: assign({ closedReason: ({ event }) => event.reason }) },
      },
    },
    negotiating: {
      description: 'The request was answered; teams, preparation and rounds follow (JHR 19-35).',
    },
    closed: { type: 'final', description: 'The case was closed without an agreement.' },
  },
})

export type TNegotiationMachine = typeof negotiationMachine

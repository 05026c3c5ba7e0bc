/**
 * Events of the negotiation machine: one zod discriminated union, validated by the engine before a transition.
 * Every event carries `at`, the instant (ISO UTC) it was recorded; the engine stamps it from its clock, so a replay
 * of the log gives the same snapshot. Calendar facts the law counts from (a request's receipt, a signature) are
 * local dates (YYYY-MM-DD in the jurisdiction's time zone) given by the person who records them.
 */
import { z } from 'zod'
import { ZDeadlineKindSchema } from '../effects.js'

export const ZLocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
export const ZInstantSchema = z.iso.datetime({ offset: false })
export const ZSideSchema = z.enum(['worker', 'employer'])
export type TSide = z.infer<typeof ZSideSchema>

const base = { at: ZInstantSchema }

export const ZNegotiationEventSchema = z.discriminatedUnion('type', [
  // JHR 32, GZ 17: either side may request negotiation in writing.
  z.object({
    ...base,
    type: z.literal('request.sent'),
    by: ZSideSchema,
    sentOn: ZLocalDateSchema,
    /** GZ 17: the request states time, place and content. */
    proposedTime: z.string().min(1).max(200),
    proposedPlace: z.string().min(1).max(200),
    content: z.string().min(1).max(20_000),
  }),
  // JHR 32: the 20 days run from receipt; the receipt date needs proof (signature, registered-mail record …).
  z.object({
    ...base,
    type: z.literal('request.received'),
    receivedOn: ZLocalDateSchema,
    proof: z.string().min(1).max(500),
  }),
  z.object({
    ...base,
    type: z.literal('request.answered'),
    answeredOn: ZLocalDateSchema,
    text: z.string().min(1).max(20_000),
  }),
  // JHR 32: refusal only with a stated reason (正当理由).
  z.object({
    ...base,
    type: z.literal('request.refused'),
    answeredOn: ZLocalDateSchema,
    reason: z.string().min(1).max(20_000),
  }),
  z.object({
    ...base,
    type: z.literal('request.withdrawn'),
    reason: z.string().min(1).max(2_000),
  }),
  // JHR 56, TUL 54(4): the requesting side asks the bureau to intervene after a refusal or no answer.
  z.object({
    ...base,
    type: z.literal('intervention.requested'),
    requestedOn: ZLocalDateSchema,
    reason: z.string().min(1).max(20_000),
  }),
  z.object({ ...base, type: z.literal('deadline.elapsed'), kind: ZDeadlineKindSchema, dueAt: ZInstantSchema }),
])
export type TNegotiationEvent = z.infer<typeof ZNegotiationEventSchema>
export type TNegotiationEventType = TNegotiationEvent['type']

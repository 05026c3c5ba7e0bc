/**
 * A filing that arrived on paper (纸质报送): the bureau registers it with its data typed in and the scanned PDF
 * attached. The case starts at the registered receipt — the 15-day review runs from the receipt date exactly as for
 * an electronic filing (JHR 42 ¶2, 45-47; GZ 22) — and ends with the bureau's decision: an objection (the parties
 * renegotiate and file again, a new filing: JHR 46), a no-objection opinion (wage agreements take effect on delivery,
 * GZ 22 ¶2), or deemed approval when the 15 days run out (JHR 47; GZ 22 ¶4). A correction request (补正) stops the
 * clock until the completed filing is registered again.
 *
 * The context has the negotiation machine's shape (with empty negotiation records) plus `paper`, the typed-in facts,
 * so the review rules (../negotiation/rules.ts), the inbox and the register read it the same way. Pure XState v5: no
 * `after`, no invoke; deadlines are named actions the engine turns into Deadline rows.
 */
import { and, assign, setup } from 'xstate'
import { z } from 'zod'
import { effectActions } from '../effects.js'
import { initialContext, type TAgreementRecord, type TNegotiationContext, type TNegotiationInput } from '../negotiation/context.js'
import { ZLocalDateSchema, ZNegotiationEventSchema, type TEventOf, type TRoutedTo } from '../negotiation/events.js'
import * as r from '../negotiation/reducers.js'
import { explainRefusal, groupOf, packOf } from '../negotiation/rules.js'
import { ZContractChapterSchema, ZWageItemSchema, MAX_MONTHLY_FEN, ZChangeBasisPointsSchema } from '../proposals/clauses.js'
import { addDays, addMonths, compareDates } from '../rules/calendar/dates.js'
import { ZCaseKindSchema, ZFilingMaterialSchema, ZJurisdictionIdSchema } from '../rules/jurisdictions/types.js'

const text = (max: number) => z.string().trim().min(1).max(max)
const count = z.number().int().nonnegative().max(1_000_000)

/** What the bureau types in from the paper filing (the scanned PDF travels beside it). */
export const ZPaperFilingDataSchema = z
  .object({
    enterpriseId: z.string().min(1).max(100),
    kind: ZCaseKindSchema,
    jurisdiction: ZJurisdictionIdSchema,
    title: text(500),
    /** The bureau's registration number (JHR 42 ¶2). */
    registrationNumber: text(100),
    /** The bureau's receipt date: the 15-day review runs from it (JHR 45). */
    receivedOn: ZLocalDateSchema,
    /** The date the employer sent or handed in the filing. */
    filedOn: ZLocalDateSchema,
    /** The chiefs' signature (JHR 37; GZ 20); the filing period runs from it (JHR 42; GZ 21). */
    signedOn: ZLocalDateSchema,
    termMonths: z.number().int().positive().max(120),
    termStartsOn: ZLocalDateSchema.optional(),
    /** The congress result stated in the resolution (JHR 36). */
    congress: z
      .object({ heldOn: ZLocalDateSchema, totalSeats: count.min(1), present: count, yes: count, no: count, abstain: count })
      .optional(),
    /** The lowest monthly wage the agreement sets, in fen (LCL 55). */
    lowestWageFen: z.number().int().positive().max(MAX_MONTHLY_FEN).optional(),
    /** The agreed increase of the annual average wage, in basis points (GZ 7(3)). */
    averageIncreaseBasisPoints: ZChangeBasisPointsSchema.optional(),
    /** The GZ 7 items (wage agreement) or JHR 8 matters (collective contract) the text covers. */
    coveredItems: z.array(z.union([ZWageItemSchema, ZContractChapterSchema])).max(30).optional(),
    /** The parts of the package that arrived. */
    materials: z.array(ZFilingMaterialSchema).max(20),
    /** JHR 43 routing: a central enterprise, and the regions of establishments outside the seat. */
    centralEnterprise: z.boolean().optional(),
    establishmentRegionCodes: z.array(z.string().regex(/^\d{6}$/, 'expected a 6-digit region code')).max(100).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (compareDates(d.filedOn, d.signedOn) < 0) ctx.addIssue({ code: 'custom', path: ['filedOn'], message: 'the filing date cannot be before the signing date' })
    if (compareDates(d.receivedOn, d.filedOn) < 0) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'the receipt date cannot be before the filing date' })
    const c = d.congress
    if (c) {
      if (c.present > c.totalSeats) ctx.addIssue({ code: 'custom', path: ['congress', 'present'], message: 'more present than seats' })
      if (c.yes + c.no + c.abstain > c.present) ctx.addIssue({ code: 'custom', path: ['congress', 'yes'], message: 'yes, no and abstain exceed those present' })
    }
  })
export type TPaperFilingData = z.infer<typeof ZPaperFilingDataSchema>

/** The paper facts kept in the case: the typed data, the scan, the routing and the lateness the engine found. */
export type TPaperRecord = Omit<TPaperFilingData, 'enterpriseId' | 'kind' | 'jurisdiction'> & {
  document: { id: string; sha256: string; sizeBytes: number }
  routedTo?: TRoutedTo
  /** Filed after the filing period (JHR 42; GZ 21), computed with the legal calendar at registration. */
  late: boolean
}

export type TPaperFilingInput = TNegotiationInput & { paper: TPaperRecord }
export type TPaperFilingContext = TNegotiationContext & { paper: TPaperRecord }

/** The events of a paper filing: the bureau's decisions and the review deadline. */
const PAPER_EVENT_TYPES = [
  'filing.registered',
  'correction.requested',
  'correction.supplied',
  'review.objected',
  'review.approved',
  'deadline.elapsed',
] as const
export const ZPaperFilingEventSchema = z.discriminatedUnion(
  'type',
  ZNegotiationEventSchema.options.filter((o) => (PAPER_EVENT_TYPES as readonly string[]).includes(o.shape.type.value)) as unknown as [
    (typeof ZNegotiationEventSchema.options)[number],
    ...(typeof ZNegotiationEventSchema.options)[number][],
  ],
)
export type TPaperFilingEvent = Extract<z.infer<typeof ZNegotiationEventSchema>, { type: (typeof PAPER_EVENT_TYPES)[number] }>

function paperContext(input: TPaperFilingInput): TPaperFilingContext {
  const { paper, ...base } = input
  return {
    ...initialContext(base),
    paper,
    filing: {
      periodFrom: paper.signedOn,
      filedOn: paper.filedOn,
      materials: paper.materials,
      late: paper.late,
      receivedOn: paper.receivedOn,
      registrationNumber: paper.registrationNumber,
      corrections: [],
      ...(paper.routedTo ? { routedTo: paper.routedTo } : {}),
    },
    review: { receivedOn: paper.receivedOn },
    pendingDeadlines: [],
  }
}

/** The contract in force from a paper filing (JHR 38: the term from its start, else from the effective date). */
function effective(context: TPaperFilingContext, effectiveOn: string, effectiveBy: TAgreementRecord['effectiveBy']): Partial<TPaperFilingContext> {
  const p = context.paper
  const termStartsOn = p.termStartsOn ?? effectiveOn
  const agreement: TAgreementRecord = {
    version: 1,
    kind: context.kind,
    procedure: 'conclusion',
    title: p.title,
    draftVersion: 0,
    signedOn: p.signedOn,
    ...(context.filing?.registrationNumber ? { registrationNumber: context.filing.registrationNumber } : {}),
    effectiveOn,
    effectiveBy,
    termMonths: p.termMonths,
    termStartsOn,
    expiresOn: addDays(addMonths(termStartsOn, p.termMonths), -1),
    renewalWindowOpen: false,
    publication: { complete: false },
  }
  const outcome = effectiveBy === 'deemedApproval' ? 'deemedApproved' : 'approvedByOpinion'
  const review = context.review ? { ...context.review, outcome: outcome as 'deemedApproved' | 'approvedByOpinion' } : undefined
  return { agreement, ...(review ? { review, reviews: [...context.reviews, review] } : {}) }
}

const paperSetup = setup({
  types: {} as { context: TPaperFilingContext; events: TPaperFilingEvent; input: TPaperFilingInput },
  actions: effectActions,
  guards: {
    isPermitted: ({ context, event }) => explainRefusal(context, event).length === 0,
    isReviewDeadline: ({ event }) => event.type === 'deadline.elapsed' && event.kind === 'review',
    approvalTakesEffect: ({ context }) => packOf(context).noObjectionEffect[groupOf(context)].value === 'onDelivery',
  },
})

export const paperFilingMachine = paperSetup.createMachine({
  id: 'paperFiling',
  context: ({ input }) => paperContext(input),
  initial: 'underReview',
  states: {
    underReview: {
      description: 'Registered on paper; legality review within 15 days of receipt (JHR 44-47; GZ 22); no objection by the end of day 15 means deemed approval.',
      entry: [
        {
          type: 'scheduleDeadline',
          params: ({ context }) => ({
            kind: 'review' as const,
            from: context.review!.receivedOn,
            period: { ...packOf(context).review.period },
            label: { zh: '劳动保障行政部门审查期限', en: 'Bureau review period' },
          }),
        },
        assign({ pendingDeadlines: ({ context }) => r.addPending(context.pendingDeadlines, 'review') }),
      ],
      exit: [
        { type: 'cancelDeadline', params: { kind: 'review' as const } },
        assign({ pendingDeadlines: ({ context }) => r.removePending(context.pendingDeadlines, 'review') }),
      ],
      on: {
        'review.objected': {
          guard: 'isPermitted',
          target: 'objected',
          actions: assign(({ context, event }) => {
            const e = event as TEventOf<'review.objected'>
            const review = {
              ...context.review!,
              objection: { opinionDate: e.opinionDate, deliveredOn: e.deliveredOn, opinion: e.opinion, items: e.items, sealed: e.sealed, ...(e.opinionRef ? { opinionRef: e.opinionRef } : {}) },
              outcome: 'objected' as const,
            }
            return { review, reviews: [...context.reviews, review] }
          }),
        },
        'review.approved': [
          {
            guard: and(['isPermitted', 'approvalTakesEffect']),
            target: 'inForce',
            actions: assign(({ context, event }) => {
              const e = event as TEventOf<'review.approved'>
              const withApproval = { ...context, ...r.approvalDelivered(context, e) } as TPaperFilingContext
              return { ...r.approvalDelivered(context, e), ...effective(withApproval, e.deliveredOn, 'noObjectionOpinion') }
            }),
          },
          // JHR 47 (statute §(g)2): for collective contracts the 15 days still run.
          { guard: 'isPermitted', actions: assign(({ context, event }) => r.approvalDelivered(context, event as TEventOf<'review.approved'>)) },
        ],
        'correction.requested': {
          guard: 'isPermitted',
          target: 'correctionRequested',
          actions: assign(({ context, event }) => r.correctionRequested(context, event as TEventOf<'correction.requested'>)),
        },
        'deadline.elapsed': {
          guard: 'isReviewDeadline',
          target: 'inForce',
          actions: assign(({ context, event }) => {
            const e = event as TEventOf<'deadline.elapsed'>
            return { ...r.deadlineElapsed(context, e), ...effective(context, addDays(r.lastDayOf(context, e.dueAt), 1), 'deemedApproval') }
          }),
        },
      },
    },
    correctionRequested: {
      description: 'The bureau asked for missing materials (补正; JHR 42 ¶2 [D]); the review runs again from the completed receipt.',
      on: {
        'correction.supplied': {
          guard: 'isPermitted',
          target: 'awaitingRegistration',
          actions: assign(({ context, event }) => r.correctionSupplied(context, event as TEventOf<'correction.supplied'>)),
        },
      },
    },
    awaitingRegistration: {
      description: 'The completed paper filing is registered again; its receipt date starts a new review (JHR 42 ¶2, 45).',
      on: {
        'filing.registered': {
          guard: 'isPermitted',
          target: 'underReview',
          actions: assign(({ context, event }) => r.registered(context, event as TEventOf<'filing.registered'>)),
        },
      },
    },
    inForce: {
      description: 'In force (JHR 47; GZ 22): it enters the register of effective agreements with its term (JHR 38).',
      type: 'final',
    },
    objected: {
      description: 'Objection served with the review opinion (JHR 45); the parties renegotiate and file again, a new filing (JHR 46).',
      type: 'final',
    },
  },
})

/**
 * Events of the negotiation machine: one zod discriminated union, validated by the engine before a transition.
 * Every event carries `at`, the instant (ISO UTC) it was recorded; the engine stamps it from its clock, so a replay
 * of the log gives the same snapshot. Calendar facts the law counts from (a request's receipt, a signature) are
 * local dates (YYYY-MM-DD in the jurisdiction's time zone) given by the person who records them.
 *
 * Names: dot-case, past tense (architecture.md). Statutory checks that depend on the case (team sizes, the
 * congress result, the local caps) are not in these schemas: they are rules (./rules.ts) so that a refusal names
 * its article.
 */
import { z } from 'zod'
import { ZDeadlineKindSchema } from '../effects.js'
import { isValidDate } from '../rules/calendar/dates.js'
import { ZRequestTopicSchema } from '../rules/jurisdictions/types.js'
import { clauseKey, ZClauseListSchema } from '../proposals/clauses.js'
import { ZEnterpriseFiguresSchema, ZRegionalFiguresSchema, ZSurveySchema } from '../proposals/preparation.js'

/** A local date, YYYY-MM-DD, that exists in the calendar ('2026-02-30' is refused: date arithmetic needs real days). */
export const ZLocalDateSchema = z.string().refine((v) => isValidDate(v), 'expected a date as YYYY-MM-DD')
export const ZInstantSchema = z.iso.datetime({ offset: false })
export const ZSideSchema = z.enum(['worker', 'employer'])
export type TSide = z.infer<typeof ZSideSchema>

const text = (max: number) => z.string().min(1).max(max)
const id = z.string().min(1).max(100)

/**
 * A negotiator (协商代表). JHR 19-24: one chief per side; the worker chief is the union chair (or the union's
 * principal officer when the chair is vacant, or a representative the chair delegates in writing; without a union,
 * elected by the representatives); the employer chief is the legal representative or a manager he authorises in
 * writing; external experts (本单位以外的专业人员) are appointed in writing and are never chief.
 */
export const ZNegotiatorSchema = z.object({
  id,
  name: text(200),
  position: z.string().max(200).optional(),
  isChief: z.boolean(),
  chiefBasis: z
    .enum([
      'unionChair',
      'unionPrincipalOfficer',
      'delegatedByUnionChair',
      'electedByRepresentatives',
      'legalRepresentative',
      'authorisedManager',
    ])
    .optional(),
  isExternal: z.boolean().default(false),
  /** Reference of the written delegation, authorisation or appointment (JHR 20, 21, 23). */
  writtenAuthority: z.string().min(1).max(500).optional(),
  /** 一线岗位职工 (Shandong 7, Henan 8). */
  isFrontLine: z.boolean().optional(),
  gender: z.enum(['female', 'male']).optional(),
  /** Full- or part-time union staff (Chongqing 9, Shandong 10, Henan 14, Ningbo 8). */
  isUnionStaff: z.boolean().optional(),
  /** Enterprise head, investor, HR head, or a close relative of one (Shandong 10, Henan 14, Ningbo 8). */
  isEmployerExecutive: z.boolean().optional(),
})
export type TNegotiator = z.infer<typeof ZNegotiatorSchema>

/** JHR 33(5): one jointly appointed, neutral recorder who is not a negotiator. */
export const ZRecorderSchema = z.object({ id, name: text(200) })
export type TRecorder = z.infer<typeof ZRecorderSchema>

/** Facts about the enterprise's workforce that local team rules depend on. */
export const ZWorkforceSchema = z.object({
  /** 规模以上企业 (Zhejiang 10, Hangzhou 16, Ningbo 8: ≥5 per side). */
  aboveDesignatedSize: z.boolean().optional(),
  staffCount: z.number().int().positive().optional(),
  womenStaffCount: z.number().int().nonnegative().optional(),
})
export type TWorkforce = z.infer<typeof ZWorkforceSchema>

const ZSignedBySchema = z.object({ worker: id, employer: id })

/** JHR 40 and local equivalents: why a contract in force is changed or rescinded. */
export const ZChangeGroundSchema = z.enum([
  'mutualAgreement',
  'mergerDissolutionBankruptcy',
  'forceMajeure',
  'agreedCondition',
  'lawChanged',
  'other',
])

const base = { at: ZInstantSchema }

/** JHR 43: the receiving bureau of a filing, as the engine routed it at filing. */
export const ZRoutedToSchema = z.object({
  regionCode: z.string().regex(/^\d{6}$/),
  level: z.enum(['county', 'prefecture', 'province']),
  reason: z.enum(['territorial', 'multiRegion', 'centralEnterprise', 'crossProvince']),
  article: z.string().min(1).max(100),
})
export type TRoutedTo = z.infer<typeof ZRoutedToSchema>

/** A clause key as `clauseKey` builds it (`averageWageIncrease`, `allowance:夜班津贴`). */
const ZClauseKeySchema = z.string().min(1).max(300)

/**
 * One side's proposal at a round as structured clauses: the clauses it puts forward or changes, and the keys of
 * earlier proposals of its own that it withdraws. A clause it does not mention stays as it last proposed it.
 */
export const ZClauseProposalSchema = z
  .object({
    side: ZSideSchema,
    clauses: ZClauseListSchema,
    withdrawn: z.array(ZClauseKeySchema).max(200).optional(),
  })
  .superRefine((p, ctx) => {
    const keys = new Set(p.clauses.map(clauseKey))
    p.withdrawn?.forEach((k, i) => {
      if (keys.has(k)) ctx.addIssue({ code: 'custom', path: ['withdrawn', i], message: `${k} is both proposed and withdrawn` })
    })
  })
export type TClauseProposal = z.infer<typeof ZClauseProposalSchema>

const ZClauseProposalsSchema = z
  .array(ZClauseProposalSchema)
  .max(2)
  .superRefine((list, ctx) => {
    if (list.length === 2 && list[0]!.side === list[1]!.side) {
      ctx.addIssue({ code: 'custom', path: [1, 'side'], message: 'one proposal per side and round' })
    }
  })

/** A wall-clock time of day, HH:MM (24 h), in the jurisdiction's time zone. */
export const ZClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM')

const requestFields = {
  by: ZSideSchema,
  sentOn: ZLocalDateSchema,
  /** GZ 17: the request states time, place and content. */
  proposedTime: text(200),
  /** The proposed meeting date and start time, when the request names them (printed in the request letter). */
  proposedDate: ZLocalDateSchema.optional(),
  proposedStartTime: ZClockTimeSchema.optional(),
  /** Who the other side contacts about the request. */
  contact: z.object({ name: text(100), phone: z.string().trim().min(3).max(50).optional() }).optional(),
  proposedPlace: text(200),
  content: text(20_000),
  /** What the request is about; Beijing 32 and Shanghai 15 forbid refusing some topics. */
  topics: z.array(ZRequestTopicSchema).max(20).optional(),
}

export const ZNegotiationEventSchema = z.discriminatedUnion('type', [
  // ---- Request and reply (JHR 32, GZ 17) ----
  // JHR 32, GZ 17: either side may request negotiation in writing.
  z.object({ ...base, type: z.literal('request.sent'), ...requestFields }),
  // JHR 32: the reply period runs from receipt; the receipt date needs proof (signature, registered-mail record …).
  z.object({ ...base, type: z.literal('request.received'), receivedOn: ZLocalDateSchema, proof: text(500) }),
  z.object({ ...base, type: z.literal('request.answered'), answeredOn: ZLocalDateSchema, text: text(20_000) }),
  // JHR 32: refusal only with a stated reason (正当理由); some local rules forbid refusal altogether.
  z.object({ ...base, type: z.literal('request.refused'), answeredOn: ZLocalDateSchema, reason: text(20_000) }),
  z.object({ ...base, type: z.literal('request.withdrawn'), reason: text(2_000) }),
  // JHR 56, TUL 54(4): the requesting side asks the bureau to intervene after a refusal or no answer.
  z.object({
    ...base,
    type: z.literal('intervention.requested'),
    requestedOn: ZLocalDateSchema,
    reason: text(20_000),
  }),

  // ---- Teams (JHR 19-24, 30-31, 33(5)) ----
  z.object({
    ...base,
    type: z.literal('team.appointed'),
    side: ZSideSchema,
    appointedOn: ZLocalDateSchema,
    members: z.array(ZNegotiatorSchema).min(1).max(50),
    workforce: ZWorkforceSchema.optional(),
  }),
  z.object({ ...base, type: z.literal('recorder.appointed'), appointedOn: ZLocalDateSchema, recorder: ZRecorderSchema }),
  // JHR 30-31: a negotiator leaves; the vacancy is filled within 15 days.
  z.object({
    ...base,
    type: z.literal('member.vacated'),
    side: ZSideSchema,
    memberId: id,
    vacatedOn: ZLocalDateSchema,
    reason: text(2_000),
  }),
  z.object({
    ...base,
    type: z.literal('vacancy.filled'),
    side: ZSideSchema,
    filledOn: ZLocalDateSchema,
    member: ZNegotiatorSchema,
  }),

  // ---- Preparation (JHR 33, GZ 16, 18) ----
  z.object({
    ...base,
    type: z.literal('opinions.collected'),
    side: ZSideSchema,
    collectedOn: ZLocalDateSchema,
    summary: text(20_000),
    /** JHR 33(2): a survey of the workers' opinions (topics and counts, entered or imported). */
    survey: ZSurveySchema.optional(),
  }),
  // GZ 8, GZ 18, JHR 33: the enterprise and regional figures the wage level is weighed against; each field given
  // replaces the earlier one, and the case keeps every recording.
  z
    .object({
      ...base,
      type: z.literal('preparation.figuresRecorded'),
      /** The side that records (and vouches for) the figures. */
      by: ZSideSchema,
      recordedOn: ZLocalDateSchema,
      enterprise: ZEnterpriseFiguresSchema.optional(),
      regional: ZRegionalFiguresSchema.optional(),
    })
    .refine(
      (e) =>
        Object.values(e.enterprise ?? {}).some((f) => f !== undefined) ||
        Object.values(e.regional ?? {}).some((f) => f !== undefined),
      { message: 'record at least one enterprise or regional figure', path: ['enterprise'] },
    ),
  z.object({
    ...base,
    type: z.literal('agenda.drafted'),
    draftedOn: ZLocalDateSchema,
    /** JHR 33(3): drafted by the requesting side, or jointly. */
    draftedBy: z.enum(['worker', 'employer', 'joint']),
    items: z.array(z.object({ id, title: text(500) })).min(1).max(100),
  }),
  z.object({
    ...base,
    type: z.literal('meeting.scheduled'),
    scheduledOn: ZLocalDateSchema,
    meetingOn: ZLocalDateSchema,
    time: z.string().max(100).optional(),
    place: text(200),
  }),
  z.object({
    ...base,
    type: z.literal('information.requested'),
    by: ZSideSchema,
    requestedOn: ZLocalDateSchema,
    items: z.array(text(500)).min(1).max(100),
  }),
  z.object({
    ...base,
    type: z.literal('information.supplied'),
    by: ZSideSchema,
    suppliedOn: ZLocalDateSchema,
    items: z.array(text(500)).min(1).max(100),
  }),

  // ---- Rounds (JHR 34, GZ 11, 13) ----
  z.object({
    ...base,
    type: z.literal('round.held'),
    number: z.number().int().positive(),
    heldOn: ZLocalDateSchema,
    /** When the meeting began and ended (the minutes record them). */
    startTime: ZClockTimeSchema.optional(),
    endTime: ZClockTimeSchema.optional(),
    place: text(200),
    presidingSide: ZSideSchema,
    attendees: z.object({ worker: z.array(id).max(50), employer: z.array(id).max(50) }),
    agenda: z.array(text(500)).min(1).max(100),
    proposals: z
      .array(z.object({ side: ZSideSchema, text: text(20_000), response: z.string().max(20_000).optional() }))
      .max(200),
    agreedItems: z.array(text(2_000)).max(200),
    openItems: z.array(text(2_000)).max(200),
    outcome: z.enum(['continued', 'agreed', 'suspended', 'deadlocked']),
    /** Member ids of those who signed the minutes (local rules: both chiefs, or all negotiators present). */
    minutesSignedBy: z.array(id).max(100),
    /** GZ 13: each side's proposals as structured clauses (beside the free-text `proposals`). */
    clauseProposals: ZClauseProposalsSchema.optional(),
    /** JHR 34: the chiefs' summary as clauses agreed at this round (new ones, or new versions of agreed ones). */
    agreedClauses: ZClauseListSchema.optional(),
    /** Keys of clauses agreed at an earlier round that the sides now drop (e.g. after a bureau objection). */
    withdrawnAgreedKeys: z.array(ZClauseKeySchema).max(200).optional(),
  })
    .refine((e) => !e.withdrawnAgreedKeys?.some((k) => e.agreedClauses?.some((c) => clauseKey(c) === k)), {
      message: 'a clause key is both agreed and dropped at the same round',
      path: ['withdrawnAgreedKeys'],
    }),

  // ---- Suspension (JHR 35) ----
  z.object({
    ...base,
    type: z.literal('negotiation.suspended'),
    suspendedOn: ZLocalDateSchema,
    /** JHR 35: the agreed suspension period, in calendar days. May be absent only for force majeure. */
    periodDays: z.number().int().positive().max(3_660).optional(),
    nextMeeting: z
      .object({ on: ZLocalDateSchema, place: z.string().max(200).optional(), content: z.string().max(5_000).optional() })
      .optional(),
    reason: text(5_000),
    forceMajeure: z.boolean(),
    /** Zhejiang 17 / Hangzhou 27: the worker side (its chief) consents. */
    workerConsent: z.boolean(),
    /** Chongqing 22: the parties agreed a period longer than the usual cap. */
    longerPeriodAgreed: z.boolean().optional(),
  }),
  z.object({ ...base, type: z.literal('negotiation.resumed'), resumedOn: ZLocalDateSchema }),

  // ---- Coordination (JHR 49-54) ----
  z.object({
    ...base,
    type: z.literal('coordination.requested'),
    requestedOn: ZLocalDateSchema,
    by: z.enum(['worker', 'employer', 'both']),
    reason: text(20_000),
    disputedItems: z.array(text(2_000)).max(100),
  }),
  z.object({
    ...base,
    type: z.literal('coordination.accepted'),
    acceptedOn: ZLocalDateSchema,
    /** JHR 49: the bureau may act on its own initiative, without an application. */
    onOwnInitiative: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('coordination.extended'),
    extendedOn: ZLocalDateSchema,
    days: z.number().int().positive(),
    reason: text(5_000),
  }),
  // JHR 53-54: the 协调处理协议书 records the result and the items still to be negotiated; it takes effect when
  // signed and sealed by the coordinators and both chiefs.
  z.object({
    ...base,
    type: z.literal('coordination.agreed'),
    agreedOn: ZLocalDateSchema,
    resolvedItems: z.array(text(2_000)).max(100),
    openItems: z.array(text(2_000)).max(100),
    signedBy: ZSignedBySchema,
    coordinators: z.array(text(200)).min(1).max(20),
    sealed: z.boolean(),
  }),
  z.object({ ...base, type: z.literal('coordination.failed'), endedOn: ZLocalDateSchema, reason: text(5_000) }),

  // ---- Draft, congress, signing (JHR 34(4), 36-37, GZ 19-20) ----
  z.object({
    ...base,
    type: z.literal('draft.agreed'),
    agreedOn: ZLocalDateSchema,
    title: text(500),
    /** The draft text or a reference to the stored document. */
    text: text(200_000),
    items: z.array(text(2_000)).max(200),
    /**
     * The draft as structured clauses: exactly the clauses agreed at the rounds (JHR 34(4)); for a wage agreement
     * they cover the nine GZ 7 items. A `term` clause gives the term when `termMonths` is absent.
     */
    clauses: ZClauseListSchema.optional(),
    /** JHR 38: the term in months (12-36); absent only for a rescission. */
    termMonths: z.number().int().positive().max(120).optional(),
    termStartsOn: ZLocalDateSchema.optional(),
    /** JHR 34(4): the draft is signed by both chief negotiators (member ids). */
    signedBy: ZSignedBySchema,
  }),
  // JHR 36: the certified result of the congress (or all-staff assembly) vote, from the congress module.
  z.object({
    ...base,
    type: z.literal('congress.resultCertified'),
    heldOn: ZLocalDateSchema,
    body: z.enum(['workersCongress', 'allStaffAssembly']),
    totalSeats: z.number().int().positive(),
    present: z.number().int().nonnegative(),
    yes: z.number().int().nonnegative(),
    no: z.number().int().nonnegative(),
    abstain: z.number().int().nonnegative(),
    ballot: z.enum(['secret', 'open']),
    items: z
      .array(
        z.object({
          itemId: id,
          title: z.string().max(500).optional(),
          yes: z.number().int().nonnegative(),
          no: z.number().int().nonnegative(),
          abstain: z.number().int().nonnegative(),
        }),
      )
      .max(200)
      .optional(),
    certificateRef: z.string().max(500).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('agreement.signed'),
    signedOn: ZLocalDateSchema,
    signedBy: ZSignedBySchema,
    /** GZ 20 "签字盖章": the wage agreement bears the seal. */
    sealed: z.boolean(),
    /** Shanghai 23: the union's written notice that the congress passed the draft; the filing period runs from it. */
    passageNoticeOn: ZLocalDateSchema.optional(),
  }),

  // ---- Filing and review (JHR 42-47, GZ 21-22) ----
  z.object({
    ...base,
    type: z.literal('agreement.filed'),
    filedOn: ZLocalDateSchema,
    copies: z.number().int().positive().max(100),
    explanatoryNote: z.boolean(),
    materials: z.array(text(500)).max(50),
    /** JHR 43: the employer is a central enterprise (中央管辖的企业); it files with the ministry or a designated province. */
    centralEnterprise: z.boolean().optional(),
    /** JHR 43: GB/T 2260 codes of the employer's establishments outside its seat (cross-region, cross-province). */
    establishmentRegionCodes: z.array(z.string().regex(/^\d{6}$/, 'expected a 6-digit region code')).max(100).optional(),
    /** The bureau that receives the filing (workflows/review/routing.ts): computed and stamped by the engine. */
    routedTo: ZRoutedToSchema.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('filing.registered'),
    /** The bureau's receipt date: the 15-day review runs from it. */
    receivedOn: ZLocalDateSchema,
    registrationNumber: text(100),
    receiptNoticeRef: z.string().max(500).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('correction.requested'),
    requestedOn: ZLocalDateSchema,
    items: z.array(text(2_000)).min(1).max(50),
  }),
  z.object({
    ...base,
    type: z.literal('correction.supplied'),
    suppliedOn: ZLocalDateSchema,
    items: z.array(text(2_000)).min(1).max(50),
  }),
  // JHR 45: the 审查意见书 states both parties, the receipt date, the opinion and its date, under the bureau's seal.
  z.object({
    ...base,
    type: z.literal('review.objected'),
    opinionDate: ZLocalDateSchema,
    deliveredOn: ZLocalDateSchema,
    opinion: text(20_000),
    items: z.array(text(2_000)).min(1).max(100),
    sealed: z.boolean(),
    opinionRef: z.string().max(500).optional(),
  }),
  // GZ 22 ¶2: the 工资协议审查意见书 without objection; the wage agreement takes effect on delivery.
  z.object({
    ...base,
    type: z.literal('review.approved'),
    opinionDate: ZLocalDateSchema,
    deliveredOn: ZLocalDateSchema,
    sealed: z.boolean(),
    opinionRef: z.string().max(500).optional(),
  }),

  // ---- In force (JHR 38-41, 48; GZ 23-24) ----
  z.object({
    ...base,
    type: z.literal('agreement.published'),
    side: ZSideSchema,
    publishedOn: ZLocalDateSchema,
    channel: text(500),
  }),
  z.object({
    ...base,
    type: z.literal('renewal.requested'),
    by: ZSideSchema,
    sentOn: ZLocalDateSchema,
    content: text(20_000),
  }),
  // JHR 39-41: a change or rescission goes through the full negotiation procedure, starting with a written request.
  z.object({ ...base, type: z.literal('amendment.requested'), ...requestFields, ground: ZChangeGroundSchema }),
  z.object({ ...base, type: z.literal('termination.requested'), ...requestFields, ground: ZChangeGroundSchema }),
  // JHR 38: the contract ends when an agreed termination condition occurs; Chongqing 33, Shandong 42: dissolution,
  // bankruptcy or closure of the employer.
  z.object({
    ...base,
    type: z.literal('agreement.ended'),
    endedOn: ZLocalDateSchema,
    ground: z.enum(['agreedCondition', 'enterpriseDissolved', 'other']),
    evidence: text(5_000),
  }),

  z.object({ ...base, type: z.literal('deadline.elapsed'), kind: ZDeadlineKindSchema, dueAt: ZInstantSchema }),
])
export type TNegotiationEvent = z.infer<typeof ZNegotiationEventSchema>
export type TNegotiationEventType = TNegotiationEvent['type']
export type TEventOf<T extends TNegotiationEventType> = Extract<TNegotiationEvent, { type: T }>

/** Every event type, in the order of the procedure. */
export const negotiationEventTypes = ZNegotiationEventSchema.options.map(
  (o) => o.shape.type.value,
) as readonly TNegotiationEventType[]

/**
 * A jurisdiction rule pack: the statutory parameters of one jurisdiction as data, each citing its article.
 * Adding a jurisdiction = adding one data file and listing it in ./index.ts.
 *
 * Every parameter of statute.md §(f) is here. Conventions:
 *   - a period is a `TPeriodRule` (length, unit, article); `null` where the law sets no period, with the article
 *     that says so in the sibling `article`/`note`;
 *   - any other value is `{ value, article, note? }` (`cited`);
 *   - where the national rules conflict (JHR 42 vs GZ 21) or a rule is unverified ([U] in statute.md), the value is
 *     a parameter and `note` cites both articles.
 * Contract kinds are grouped the way the national rules are: `wageAgreement` follows GZ (工资集体协商试行办法), every
 * other kind (general and special collective contracts) follows JHR (集体合同规定); see `ruleGroupOf`.
 */
import { z } from 'zod'
import { ZPeriodRuleSchema } from '../../effects.js'

export const ZJurisdictionIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/)

export const ZCaseKindSchema = z.enum(['wageAgreement', 'collectiveContract', 'specialWomenWorkers', 'specialSafety'])
export type TCaseKind = z.infer<typeof ZCaseKindSchema>

/** Which national instrument governs a contract kind: GZ for wage agreements, JHR for every collective contract. */
export type TRuleGroup = 'wageAgreement' | 'collectiveContract'
export function ruleGroupOf(kind: TCaseKind): TRuleGroup {
  return kind === 'wageAgreement' ? 'wageAgreement' : 'collectiveContract'
}

/** Subjects a negotiation request can name; some local rules forbid refusing a request on them. */
export const ZRequestTopicSchema = z.enum([
  'pay', // 劳动报酬
  'workingConditions', // 劳动条件
  'layoffs', // 裁员
  'massLayoffs', // Shanghai 15: layoffs of ≥20 people or ≥10% of staff
  'collectiveStoppage', // Shanghai 15: collective stoppages or petitions
  'majorHazard', // Shanghai 15: major safety hazards
  'other',
])
export type TRequestTopic = z.infer<typeof ZRequestTopicSchema>

const ZArticleSchema = z.string().min(1)

/** A share such as 1/3, kept as integers so comparisons are exact (count * denominator vs total * numerator). */
export const ZFractionSchema = z.object({
  numerator: z.number().int().nonnegative(),
  denominator: z.number().int().positive(),
})
export type TFraction = z.infer<typeof ZFractionSchema>

/** A value with the article that sets it. */
function cited<T extends z.ZodType>(value: T) {
  return z.object({ value, article: ZArticleSchema, note: z.string().optional() })
}

const ZTermBoundsSchema = z.object({
  /** JHR 38 "一般为1至3年": the bounds a draft's term must respect, in months. */
  minMonths: z.number().int().positive(),
  maxMonths: z.number().int().positive(),
  /** The usual term where a rule names one ("一般为一年"); informative, not enforced. */
  typicalMonths: z.number().int().positive().nullable(),
  article: ZArticleSchema,
  note: z.string().optional(),
})

const ZFilingPeriodSchema = z.object({
  period: ZPeriodRuleSchema,
  /** What the period counts from: the chiefs' signature (JHR 42, GZ 21) or the union's written notice that the
   * congress passed the draft (Shanghai 23). */
  countsFrom: z.enum(['signing', 'unionNoticeOfPassage']),
  /** A conflicting rule, cited, when the chosen period is one of two readings (statute §(g)1). */
  conflict: z.string().optional(),
})

/** A part of the filing package (JHR 42; GZ 21; local lists such as Shanghai 23, Beijing 46, Shandong 29, Henan 28). */
export const ZFilingMaterialSchema = z.enum([
  'agreementText', // 合同文本 (JHR 42; GZ 21)
  'explanatoryNote', // 说明 / 情况说明 (GZ 21)
  'wageData', // 工资数据 (the GZ 8 figures the explanatory note accounts for)
  'congressResolution', // 职工代表大会决议, with attendance and vote counts (JHR 36)
  'representativeList', // 协商代表名单 (JHR 19-23)
  'minutes', // 协商会议纪要 (JHR 33(5))
  'requestAndReply', // 要约书及答复书 (Henan 28)
  'businessLicence', // 营业执照复印件 (Shandong 29)
])
export type TFilingMaterial = z.infer<typeof ZFilingMaterialSchema>

export const ZRequiredMaterialSchema = z.object({
  material: ZFilingMaterialSchema,
  /** Which kinds of contract need it. */
  for: z.enum(['all', 'wageAgreement', 'collectiveContract']),
  article: ZArticleSchema,
  /** `statute`: the article names it; `practice`: the review the article prescribes cannot be done without it [D]. */
  basis: z.enum(['statute', 'practice']),
  note: z.string().optional(),
})
export type TRequiredMaterial = z.infer<typeof ZRequiredMaterialSchema>

/**
 * JHR 43: which bureau receives a filing. Review is territorial, the province fixing the levels; central enterprises
 * and enterprises spanning provinces file with the ministry or a provincial bureau it designates.
 */
export const ZRoutingRuleSchema = z.object({
  /** The level of the bureau that receives an enterprise's filing when it operates within one region of that level. */
  territorialLevel: z.enum(['county', 'prefecture', 'province']),
  /** An enterprise with establishments in several regions files with the bureau of the smallest region covering them all. */
  multiRegion: z.literal('commonAncestor'),
  /** Central enterprises (中央管辖的企业) and enterprises spanning provinces. */
  centralOrCrossProvince: z.literal('designatedProvince'),
  article: ZArticleSchema,
  note: z.string().optional(),
})
export type TRoutingRule = z.infer<typeof ZRoutingRuleSchema>

export const ZRulePackSchema = z.object({
  id: ZJurisdictionIdSchema,
  name: z.object({ zh: z.string(), en: z.string() }),
  /** IANA time zone in which statutory days are counted. */
  timeZone: z.string(),
  /** The instruments the pack is taken from, for people. */
  sources: z.array(z.string().min(1)).min(1),
  /**
   * The contract kinds the local instrument governs. A case of another kind uses `otherKindsPack` (e.g. Hangzhou's
   * wage regulation: collective contracts follow the Zhejiang regulation). `resolveRulePack` applies this.
   */
  scope: z.object({
    kinds: z.array(ZCaseKindSchema).min(1),
    otherKindsPack: ZJurisdictionIdSchema.nullable(),
    note: z.string().optional(),
  }),

  // ---- 1. Request and reply (JHR 32, GZ 17) ----
  /** JHR 32 / GZ 17 and local variants: the written reply to a negotiation request, counted from receipt. */
  requestReply: ZPeriodRuleSchema,
  /**
   * Whether the recipient may refuse: `withStatedReason` (JHR 32: only with 正当理由), `notOnListedTopics` (Beijing 32,
   * Shanghai 15: never when the request concerns a listed topic), `never` (Zhejiang 7, Chongqing 19 …).
   */
  refusal: z.object({
    rule: z.enum(['withStatedReason', 'notOnListedTopics', 'never']),
    topics: z.array(ZRequestTopicSchema),
    article: ZArticleSchema,
    note: z.string().optional(),
  }),

  // ---- 2. Teams (JHR 19-24, 30-31, 33) ----
  team: z.object({
    minPerSide: cited(z.number().int().positive()),
    maxPerSide: cited(z.number().int().positive().nullable()),
    /** A higher minimum for large firms (Zhejiang 10: ≥5 in 规模以上 firms). */
    largeFirm: z
      .object({
        minPerSide: z.number().int().positive(),
        /** `aboveDesignatedSize`: 规模以上企业, the statistical "above designated size" class of the enterprise. */
        definition: z.literal('aboveDesignatedSize'),
        article: ZArticleSchema,
      })
      .nullable(),
    /** JHR 19 "对等" (equal), or the local relaxation "用人单位一方的代表不得多于劳动者一方" (employer ≤ worker). */
    sideBalance: cited(z.enum(['equal', 'employerNotMoreThanWorker'])),
    /** JHR 23, GZ 12: external experts at most 1/3 of a side, never chief. */
    externalMaxShare: cited(ZFractionSchema),
    /** Minimum share of front-line workers (一线职工) on the worker side (Shandong 7, Henan 8). */
    frontLineMinShare: cited(ZFractionSchema.nullable()),
    /**
     * Women on the worker side: `atLeastOneWhenStaffShareReached` (Chongqing 10: women ≥1/5 of staff → at least one
     * woman negotiator), `proportionalWhenStaffShareReached` (Henan 8: women ≥10% of staff → a corresponding share),
     * `proportionalWhenNumerous` (Zhejiang 10: "较多" with no number; not checkable, shown as guidance), `none`.
     */
    womenRepresentation: z.object({
      rule: z.enum([
        'none',
        'atLeastOneWhenStaffShareReached',
        'proportionalWhenStaffShareReached',
        'proportionalWhenNumerous',
      ]),
      staffShare: ZFractionSchema.nullable(),
      article: ZArticleSchema,
      note: z.string().optional(),
    }),
    /** Union staff may not represent the employer (Chongqing 9, Shandong 10, Henan 14, Ningbo 8). */
    unionStaffMayRepresentEmployer: cited(z.boolean()),
    /** Enterprise heads, investors (and their relatives) may not represent workers (Shandong 10, Henan 14, Ningbo 8). */
    executivesMayRepresentWorkers: cited(z.boolean()),
  }),
  /** JHR 31: a vacancy is filled within 15 days; Chongqing 15: before the next meeting. */
  vacancy: z.object({
    fillWithin: ZPeriodRuleSchema,
    beforeNextMeeting: cited(z.boolean()),
  }),

  // ---- 3. Preparation (JHR 33, GZ 18) ----
  /**
   * On request, information is supplied at least N days before the meeting (GZ 18 "在协商开始前5日内", read as
   * "at least 5 days before", statute §(g)4). `null`: no period (JHR 25(3) duty without a number).
   */
  informationBeforeMeeting: z.object({
    wageAgreement: ZPeriodRuleSchema.nullable(),
    collectiveContract: ZPeriodRuleSchema.nullable(),
    note: z.string().optional(),
  }),

  // ---- 4. Rounds (JHR 34) ----
  /** The first round is chaired by the requesting side's chief (Shandong 25, Henan 24, Ningbo 16). */
  firstRoundPresidedByRequester: cited(z.boolean()),
  /** Who signs the minutes: not stated nationally; both chiefs (Beijing 35, Zhejiang 16 …); all negotiators present
   * (Shandong 26, Henan 25). */
  minutesSigners: cited(z.enum(['notStated', 'bothChiefs', 'allNegotiators'])),

  // ---- 5. Suspension (JHR 35) and overall limits ----
  suspension: z.object({
    /** Cap on one suspension in calendar days (Beijing 37: 60; Chongqing 22: 30 unless agreed). */
    maxDaysPerSuspension: cited(z.number().int().positive().nullable()),
    /** Chongqing 22 "双方另有约定的除外": the parties may agree a longer suspension. */
    longerByAgreement: z.boolean(),
    /** Cap on all suspensions together (Hangzhou 27: 30; Ningbo 19: 60). */
    maxDaysCumulative: cited(z.number().int().positive().nullable()),
    /** Consent needed: `bothSides` (JHR 35 by agreement), `workerSide` (Zhejiang 17), `workerChief` (Hangzhou 27). */
    consent: cited(z.enum(['bothSides', 'workerSide', 'workerChief'])),
    /** Only for force majeure (Shandong 28, Henan 26); such a suspension may be open-ended. */
    forceMajeureOnly: cited(z.boolean()),
  }),
  /** A local overall time limit for the negotiation; `null` nationally (no limit). */
  negotiationLimit: z
    .object({
      period: ZPeriodRuleSchema,
      countsFrom: z.enum(['requestSent', 'requestReceived', 'requestAccepted', 'firstMeeting']),
      /** What completes it: the draft agreed ("完成协商") or the signature (Shandong 28). */
      endsAt: z.enum(['draftAgreed', 'signed']),
      /** Suspended days do not count (Shandong 28, Henan 26 "中止期间不计入"). */
      suspensionExcluded: z.boolean(),
      /** Henan 37: after the limit, N days to apply for coordination, otherwise this negotiation ends. */
      afterLimit: z.object({ coordinationApplication: ZPeriodRuleSchema }).nullable(),
    })
    .nullable(),

  // ---- 6. Coordination (JHR 49-54) ----
  coordination: z.object({
    /** Henan 38: the bureau takes up an application within 5 working days. */
    acceptance: ZPeriodRuleSchema.nullable(),
    /** JHR 52: finish within 30 days of acceptance. */
    period: ZPeriodRuleSchema,
    /** JHR 52: extension of at most 15 days. */
    extension: ZPeriodRuleSchema,
    /** Zhejiang 39, Shandong 45: the extension is explained to both sides in writing. */
    extensionNeedsWrittenReasons: cited(z.boolean()),
    /** Henan 38: no agreement → this negotiation ends ("本次协商终止"). Nationally it continues. */
    failureEndsNegotiation: cited(z.boolean()),
  }),

  // ---- 7. Congress vote (JHR 36) ----
  congress: z.object({
    /** JHR 36: ≥2/3 present. `none` where no quorum applies. */
    quorum: cited(z.enum(['twoThirds', 'none'])),
    /** Always counted against ALL seats: `atLeastHalf` "半数以上" (yes*2 ≥ total) or `moreThanHalf` "过半数" (yes*2 > total). */
    threshold: cited(z.enum(['atLeastHalf', 'moreThanHalf'])),
    secretBallotRequired: cited(z.boolean()),
    /** Draft to the congress within N (Zhejiang 24: 15 working days). */
    submission: ZPeriodRuleSchema.nullable(),
    /** After a failed vote, the renegotiated draft within N (Zhejiang 24 ¶3: 5 working days). */
    resubmission: ZPeriodRuleSchema.nullable(),
    /** Statute §(g)3 [U]: after a bureau objection, does the revised draft go back to the congress? */
    revoteAfterObjection: cited(z.boolean()),
  }),

  // ---- 8. Filing (JHR 42-43, GZ 21) ----
  filing: z.object({
    wageAgreement: ZFilingPeriodSchema,
    collectiveContract: ZFilingPeriodSchema,
    copies: cited(z.number().int().positive()),
    /** An explanatory note (说明) with the text: GZ 21 for wage agreements; Zhejiang 34 for every contract. */
    explanatoryNote: z.object({ wageAgreement: z.boolean(), collectiveContract: z.boolean(), article: ZArticleSchema }),
    /** Filing of a rescission (Zhejiang 33: 5 working days; Shandong 41: 7 days). `null`: not required. */
    termination: ZPeriodRuleSchema.nullable(),
    /** What the filing package must contain (the bureau's completeness check, workflows/review/checks.ts). */
    materials: z.array(ZRequiredMaterialSchema).min(1),
  }),
  /** JHR 43: which bureau receives the filing (workflows/review/routing.ts). */
  routing: ZRoutingRuleSchema,
  /** The bureau may ask for missing materials (补正) before registering; review then runs from the new receipt. */
  correction: z.object({ allowed: z.boolean(), article: ZArticleSchema, note: z.string().optional() }),

  // ---- 9. Review and effect (JHR 44-47, GZ 22, LCL 54) ----
  review: z.object({
    period: ZPeriodRuleSchema,
    /** Chongqing 28: the bureau issues a receipt notice stating what was received and when. */
    receiptNotice: cited(z.boolean()),
  }),
  /** What a no-objection opinion does: effective on delivery (GZ 22 ¶2) or only when the period ends (JHR 47). */
  noObjectionEffect: z.object({
    wageAgreement: cited(z.enum(['onDelivery', 'afterReviewPeriod'])),
    collectiveContract: cited(z.enum(['onDelivery', 'afterReviewPeriod'])),
  }),

  // ---- 10. Publication (JHR 48, GZ 23) ----
  publication: z.object({
    /** `null`: "及时" without a number of days (JHR 48). */
    wageAgreement: ZPeriodRuleSchema.nullable(),
    collectiveContract: ZPeriodRuleSchema.nullable(),
    /** Each side to its own members (JHR 48, GZ 23) or the employer to all workers (Zhejiang 35 …). */
    by: cited(z.enum(['eachSide', 'employer'])),
  }),

  // ---- 11. Term and renewal (JHR 38, GZ 24) ----
  term: z.object({ wageAgreement: ZTermBoundsSchema, collectiveContract: ZTermBoundsSchema }),
  /** The renewal window opens this long before expiry (counted backwards from the expiry date). */
  renewalWindow: z.object({ wageAgreement: ZPeriodRuleSchema, collectiveContract: ZPeriodRuleSchema }),
})
export type TRulePack = z.infer<typeof ZRulePackSchema>

/** The pieces of a pack a local pack may override, for `withOverrides`. */
export type TRulePackOverrides = Partial<TRulePack>

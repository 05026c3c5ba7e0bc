/**
 * The plain input data of each document kind (zod schemas and inferred types). Renderers receive these values
 * and nothing else: no database rows, no clock. Dates are local calendar dates 'YYYY-MM-DD' (jurisdiction time
 * zone), times 'HH:MM'; renderers print them as 2026年6月24日 and 9时30分.
 */
import { z } from 'zod'
import { checkCreditCode } from '../../workflows/rules/credit-code.js'
import { ZChangeGroundSchema } from '../../workflows/negotiation/events.js'
import { isLocalDate } from './format.js'

// ------------------------------------------------------------------ scalars

const text = z.string().trim().min(1)
export const ZLocalDateSchema = z.string().refine(isLocalDate, { message: 'expected a calendar date YYYY-MM-DD' })
export const ZClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
/** GB 32100-2015 character set (no I, O, S, V, Z); the check character is not verified here. */
/** GB 32100-2015, including its check character (workflows/rules/credit-code.ts). */
export const ZCreditCodeSchema = z.string().superRefine((code, ctx) => {
  const r = checkCreditCode(code)
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason.en })
})
export const ZSideSchema = z.enum(['employer', 'worker'])
export type TSide = z.infer<typeof ZSideSchema>
/** 工资专项集体合同 (wage agreement) or 集体合同 (collective contract). */
export const ZAgreementTypeSchema = z.enum(['wage', 'collective'])
export type TAgreementType = z.infer<typeof ZAgreementTypeSchema>

/**
 * A clause of an agreement: one paragraph (款), optionally followed by numbered items (项) printed as （一）（二）….
 */
export const ZClauseSchema = z.union([text, z.object({ text, items: z.array(text).min(1) })])
export type TClause = z.infer<typeof ZClauseSchema>

// ------------------------------------------------------------------ common fields

export const ZEnterpriseSchema = z.object({
  name: text,
  creditCode: ZCreditCodeSchema,
  address: text,
  legalRepresentative: text,
  /** Region as printed, e.g. 广东省广州市天河区. */
  regionName: text,
  /** GB/T 2260 administrative division code, e.g. 440106. */
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  /** GB/T 4754 industry, as printed. */
  industry: text.optional(),
  employeeCount: z.number().int().nonnegative().optional(),
  phone: text.optional(),
})
export type TEnterprise = z.infer<typeof ZEnterpriseSchema>

/** The worker side: the enterprise union (or, without one, the elected representatives). */
export const ZWorkerPartySchema = z.object({
  name: text,
  address: text.optional(),
  /** 工会主席 */
  chairman: text.optional(),
})
export type TWorkerParty = z.infer<typeof ZWorkerPartySchema>

export const ZJurisdictionRefSchema = z.object({
  /** Rule-pack id (workflows/rules/jurisdictions), e.g. "national"; selects the wording. */
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** As printed, e.g. 广东省广州市. */
  name: text,
})

export const ZCommonSchema = z.object({
  caseNumber: text,
  jurisdiction: ZJurisdictionRefSchema,
  enterprise: ZEnterpriseSchema,
  workerParty: ZWorkerPartySchema,
  /** The date of the document: also the PDF's CreationDate and ModDate. */
  documentDate: ZLocalDateSchema,
  /** 文书编号 / 文号, printed under the title when given. */
  documentNumber: text.optional(),
  /** Print an English subtitle under the Chinese title. */
  bilingualTitle: z.boolean().optional(),
})
export type TCommon = z.infer<typeof ZCommonSchema>

export const ZBureauSchema = z.object({
  /** e.g. 广州市人力资源和社会保障局 */
  name: text,
  address: text.optional(),
  phone: text.optional(),
  contact: text.optional(),
})
export type TBureau = z.infer<typeof ZBureauSchema>

const ZContactSchema = z.object({ name: text, phone: text })

// ------------------------------------------------------------------ 协商要约书 / 书面答复

export const ZRequestLetterSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  requestingSide: ZSideSchema,
  /** 协商内容 (GZ 17): the topics proposed. */
  topics: z.array(text).min(1),
  /** Reasons and background, one paragraph each. */
  background: z.array(text).default([]),
  proposedDate: ZLocalDateSchema,
  proposedTime: ZClockTimeSchema.optional(),
  proposedPlace: text,
  /** The requesting side's chief and other negotiators. */
  chief: text,
  negotiators: z.array(text).default([]),
  contact: ZContactSchema,
  /** Overrides the reply period of the jurisdiction's wording. */
  replyPeriod: z.object({ length: z.number().int().positive(), unit: z.enum(['calendarDays', 'workingDays']) }).optional(),
  sentDate: ZLocalDateSchema,
})
export type TRequestLetter = z.infer<typeof ZRequestLetterSchema>

export const ZRequestResponseSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  respondingSide: ZSideSchema,
  /** Date of the request letter and the date it was received. */
  requestDate: ZLocalDateSchema,
  receivedDate: ZLocalDateSchema,
  decision: z.enum(['accept', 'refuse']),
  /** Required when refusing: JHR 32 allows refusal only with 正当理由. */
  refusalReasons: z.array(text).default([]),
  /** When accepting: the agreed or proposed time and place and the topics. */
  meeting: z
    .object({ date: ZLocalDateSchema, time: ZClockTimeSchema.optional(), place: text, topics: z.array(text).default([]) })
    .optional(),
  chief: text,
  negotiators: z.array(text).default([]),
  remarks: z.array(text).default([]),
  contact: ZContactSchema.optional(),
  replyDate: ZLocalDateSchema,
}).superRefine((v, ctx) => {
  if (v.decision === 'refuse' && v.refusalReasons.length === 0)
    ctx.addIssue({ code: 'custom', path: ['refusalReasons'], message: 'a refusal needs a reason (JHR 32: 正当理由)' })
  if (v.decision === 'accept' && !v.meeting)
    ctx.addIssue({ code: 'custom', path: ['meeting'], message: 'an acceptance states the time and place' })
})
export type TRequestResponse = z.infer<typeof ZRequestResponseSchema>

// ------------------------------------------------------------------ 协商代表名单

export const ZNegotiatorSchema = z.object({
  name: text,
  gender: z.enum(['男', '女']).optional(),
  /** 工作单位 */
  employer: text,
  /** 职务 / 岗位 */
  post: text,
  isChief: z.boolean().default(false),
  /** 本单位以外的专业人员 (JHR 23): never chief. */
  isExternal: z.boolean().default(false),
  /** Written delegation (chief by proxy, external expert), e.g. 法定代表人书面授权（2026年5月8日）. */
  delegation: text.optional(),
})
export type TNegotiator = z.infer<typeof ZNegotiatorSchema>

const ZTeamSchema = z
  .array(ZNegotiatorSchema)
  .min(1)
  .superRefine((members, ctx) => {
    const chiefs = members.filter((m) => m.isChief)
    if (chiefs.length !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one chief per side (JHR 19)' })
    if (chiefs.some((m) => m.isExternal)) ctx.addIssue({ code: 'custom', message: 'the chief cannot be an external expert (JHR 23)' })
  })

export const ZTeamListSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  employerTeam: ZTeamSchema,
  workerTeam: ZTeamSchema,
  recorder: z.object({ name: text, employer: text, post: text }),
  listDate: ZLocalDateSchema,
})
export type TTeamList = z.infer<typeof ZTeamListSchema>

// ------------------------------------------------------------------ 协商会议纪要

export const ZAttendeeSchema = z.object({
  name: text,
  post: text.optional(),
  isChief: z.boolean().default(false),
  isExternal: z.boolean().default(false),
  /** Attends as the chief's proxy (书面委托). */
  isProxy: z.boolean().default(false),
})
export type TAttendee = z.infer<typeof ZAttendeeSchema>

export const ZOutcomeSchema = z.discriminatedUnion('kind', [
  /** Negotiation continues at a next round. */
  z.object({ kind: z.literal('continue'), nextDate: ZLocalDateSchema.optional(), nextPlace: text.optional() }),
  /** Agreement reached: a draft is formed and signed by both chiefs (JHR 34(4)). */
  z.object({ kind: z.literal('draftAgreed') }),
  /** Suspended (JHR 35) until a date. */
  z.object({ kind: z.literal('suspended'), until: ZLocalDateSchema, nextDate: ZLocalDateSchema.optional(), nextPlace: text.optional() }),
  /** One or both sides apply to the bureau for coordination (JHR 49). */
  z.object({ kind: z.literal('coordination') }),
])
export type TOutcome = z.infer<typeof ZOutcomeSchema>

export const ZMinutesSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  roundNumber: z.number().int().positive(),
  date: ZLocalDateSchema,
  startTime: ZClockTimeSchema,
  endTime: ZClockTimeSchema.optional(),
  place: text,
  /** The chiefs preside in turn (JHR 34). */
  presiding: z.object({ name: text, side: ZSideSchema }),
  attendees: z.object({ employer: z.array(ZAttendeeSchema).min(1), worker: z.array(ZAttendeeSchema).min(1) }),
  absent: z.array(z.object({ name: text, side: ZSideSchema, reason: text.optional() })).default([]),
  /** 列席人员 */
  observers: z.array(text).default([]),
  recorder: z.object({ name: text, post: text.optional() }),
  agenda: z.array(text).min(1),
  disciplineAnnounced: z.boolean().default(true),
  /** Each side's proposals and responses, in the order spoken. */
  exchanges: z.array(z.object({ side: ZSideSchema, kind: z.enum(['proposal', 'response', 'statement']), text })).min(1),
  agreedItems: z.array(text).default([]),
  openItems: z.array(text).default([]),
  outcome: ZOutcomeSchema,
  /** Who signs: the jurisdiction's wording decides unless given here. */
  signers: z.enum(['chiefs', 'allNegotiators']).optional(),
})
export type TMinutes = z.infer<typeof ZMinutesSchema>

// ------------------------------------------------------------------ 中止协商记录 / 协调处理协议书

export const ZSuspensionRecordSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  roundNumber: z.number().int().positive().optional(),
  date: ZLocalDateSchema,
  place: text.optional(),
  reasons: z.array(text).min(1),
  suspendedFrom: ZLocalDateSchema,
  suspendedUntil: ZLocalDateSchema,
  next: z.object({ date: ZLocalDateSchema, time: ZClockTimeSchema.optional(), place: text, content: z.array(text).min(1) }),
  openItems: z.array(text).default([]),
  employerChief: text,
  workerChief: text,
  recorder: text.optional(),
})
export type TSuspensionRecord = z.infer<typeof ZSuspensionRecordSchema>

export const ZCoordinationAgreementSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  application: z.object({
    applicant: z.enum(['employer', 'worker', 'both', 'bureau']),
    date: ZLocalDateSchema,
    acceptedDate: ZLocalDateSchema,
    /** What was applied for. */
    request: z.array(text).min(1),
  }),
  /** The facts found (协调处理的事实). */
  facts: z.array(text).min(1),
  /** The result of the coordination (协调结果). */
  result: z.array(text).min(1),
  /** Items the parties still have to negotiate (需要继续协商的事项). */
  pendingItems: z.array(text).default([]),
  /** The tripartite coordinators (JHR 50): bureau, union, enterprise organisation. */
  coordinators: z.array(z.object({ name: text, organization: text })).min(1),
  employerChief: text,
  workerChief: text,
  signingDate: ZLocalDateSchema,
})
export type TCoordinationAgreement = z.infer<typeof ZCoordinationAgreementSchema>

// ------------------------------------------------------------------ agreements

/**
 * The term of an agreement: its first and last day, or (a draft whose start is not fixed yet) its length in months
 * counted from the day it takes effect (JHR 38; GZ 7(1)).
 */
export const ZAgreementTermSchema = z.union([
  z.object({ start: ZLocalDateSchema, end: ZLocalDateSchema }),
  z.object({ months: z.number().int().positive().max(120) }),
])
export type TAgreementTerm = z.infer<typeof ZAgreementTermSchema>

const ZAgreementBaseSchema = ZCommonSchema.extend({
  /** Title of the contract, e.g. 广州市某制造有限公司2026年度工资专项集体合同. */
  title: text,
  employerChief: text,
  workerChief: text,
  preamble: z.array(text).default([]),
  term: ZAgreementTermSchema,
  /** The congress that passed the draft (JHR 36). */
  congress: z.object({ name: text, date: ZLocalDateSchema }).optional(),
  signingDate: ZLocalDateSchema.optional(),
  signingPlace: text.optional(),
})

/** GZ 7: the nine items of a wage agreement, each a list of clauses (款). */
export const ZWageAgreementSchema = ZAgreementBaseSchema.extend({
  items: z.object({
    /** (1) 协议期限: extra clauses after the term sentence. */
    term: z.array(ZClauseSchema).default([]),
    /** (2) 工资分配制度、工资标准和工资分配形式 */
    paySystem: z.array(ZClauseSchema).min(1),
    /** (3) 职工年度平均工资水平及其调整幅度 */
    wageLevel: z.array(ZClauseSchema).min(1),
    /** (4) 奖金、津贴、补贴等分配办法 */
    bonuses: z.array(ZClauseSchema).min(1),
    /** (5) 工资支付办法 */
    payment: z.array(ZClauseSchema).min(1),
    /** (6) 变更、解除工资协议的程序 */
    changeProcedure: z.array(ZClauseSchema).min(1),
    /** (7) 工资协议的终止条件 */
    termination: z.array(ZClauseSchema).min(1),
    /** (8) 工资协议的违约责任 */
    liability: z.array(ZClauseSchema).min(1),
    /** (9) 双方认为应当协商约定的其他事项 */
    other: z.array(ZClauseSchema).default([]),
  }),
  /** When a collective contract exists the wage agreement is its annex (GZ 3 ¶2): its title. */
  annexTo: text.optional(),
})
export type TWageAgreement = z.infer<typeof ZWageAgreementSchema>

/** JHR 8: the matters a collective contract covers, in the order of the article (each can be a chapter). */
export const ZContractTopicSchema = z.enum([
  'general',
  'pay',
  'hours',
  'rest',
  'safety',
  'insurance',
  'specialProtection',
  'training',
  'laborContracts',
  'rewards',
  'layoffs',
  'term',
  'changeProcedure',
  'disputes',
  'liability',
  'other',
])
export type TContractTopic = z.infer<typeof ZContractTopicSchema>

export const ZCollectiveContractSchema = ZAgreementBaseSchema.extend({
  chapters: z
    .array(z.object({ topic: ZContractTopicSchema, title: text.optional(), clauses: z.array(ZClauseSchema).min(1) }))
    .min(1),
})
export type TCollectiveContract = z.infer<typeof ZCollectiveContractSchema>

// ------------------------------------------------------------------ 职工代表大会表决结果 / 决议

export const ZThresholdSchema = z.enum(['半数以上', '过半数'])
export type TThreshold = z.infer<typeof ZThresholdSchema>

export const ZCongressResolutionSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  /** 职工代表大会 or 职工大会 (all workers, small enterprises). */
  body: z.enum(['congress', 'assembly']).default('congress'),
  /** e.g. 第三届职工代表大会第二次会议 */
  sessionName: text,
  date: ZLocalDateSchema,
  place: text,
  presiding: text,
  /** All representatives (or all workers): the denominator of both quorum and threshold. */
  seats: z.number().int().positive(),
  present: z.number().int().nonnegative(),
  /** Threshold of yes votes counted against all seats; default from the jurisdiction's wording. */
  threshold: ZThresholdSchema.optional(),
  ballot: z.enum(['secret', 'show']).default('secret'),
  items: z
    .array(z.object({ title: text, yes: z.number().int().nonnegative(), no: z.number().int().nonnegative(), abstain: z.number().int().nonnegative() }))
    .min(1),
  scrutineers: z.array(text).min(1),
  tellers: z.array(text).min(1),
  /** Article cited for the rule; default from the jurisdiction's wording. */
  article: text.optional(),
}).superRefine((v, ctx) => {
  if (v.present > v.seats) ctx.addIssue({ code: 'custom', path: ['present'], message: 'more present than seats' })
  v.items.forEach((it, i) => {
    if (it.yes + it.no + it.abstain > v.present)
      ctx.addIssue({ code: 'custom', path: ['items', i], message: 'more votes than representatives present' })
  })
})
export type TCongressResolution = z.infer<typeof ZCongressResolutionSchema>

// ------------------------------------------------------------------ 情况说明 / 工资数据表

/**
 * A table of already formatted cells (figures, costing): column headers with relative widths, rows of strings
 * (one per column; an empty string is an empty cell), `total` rows printed bold, notes printed small under it.
 */
export const ZDataTableSchema = z
  .object({
    title: text.optional(),
    columns: z
      .array(z.object({ header: text, width: z.number().positive().default(1), align: z.enum(['left', 'center', 'right']).default('left') }))
      .min(1)
      .max(12),
    rows: z.array(z.object({ cells: z.array(z.string()), total: z.boolean().default(false) })).min(1),
    notes: z.array(text).default([]),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((r, i) => {
      if (r.cells.length !== t.columns.length)
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'cells'], message: `expected ${t.columns.length} cells, got ${r.cells.length}` })
    })
  })
export type TDataTable = z.infer<typeof ZDataTableSchema>

export const ZSituationReportSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  /** The contract the note is about. */
  contractTitle: text,
  /** 主送: the bureau. */
  addressee: text,
  rounds: z.array(z.object({ number: z.number().int().positive(), date: ZLocalDateSchema, place: text, outcome: text })).default([]),
  /** Each section: its paragraphs, then its tables (the costing of the agreed wage clauses, GZ 8). */
  sections: z.array(z.object({ heading: text, paragraphs: z.array(text).min(1), tables: z.array(ZDataTableSchema).default([]) })).min(1),
  reportDate: ZLocalDateSchema,
})
export type TSituationReport = z.infer<typeof ZSituationReportSchema>

export const ZWageDataSchema = ZCommonSchema.extend({
  year: z.number().int().min(2000).max(2100),
  rows: z
    .array(
      z.object({
        label: text,
        unit: text,
        previous: z.number().nullable(),
        current: z.number().nullable(),
        decimals: z.number().int().min(0).max(4).default(2),
        note: text.optional(),
      }),
    )
    .min(1),
  /** GZ 8 factors considered, one paragraph each. */
  factors: z.array(text).default([]),
  preparedBy: text,
  preparedDate: ZLocalDateSchema,
})
export type TWageData = z.infer<typeof ZWageDataSchema>

// ------------------------------------------------------------------ 协商准备材料

/** A figure as printed: what it is, its value with unit, the year it describes and its source (GZ 8). */
const ZSourcedFigureSchema = z.object({ label: text, value: text, year: z.number().int().min(1990).max(2100), source: text, note: text.optional() })

/**
 * 协商准备材料 (JHR 33; GZ 8, 18): the enterprise and regional figures with their sources, the workers' opinions,
 * and each side's latest proposal with its payroll costing and the comparison with the CPI, the wage guideline and
 * the minimum wage (LCL 55). Prepared from the case record; cells arrive formatted.
 */
export const ZPreparationBriefSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  /** What the brief covers, e.g. 截至第2次协商会议 / 首次协商会议前. */
  asOf: text,
  enterpriseFigures: z.array(ZSourcedFigureSchema).default([]),
  /** Headcount and average monthly wage by group or grade. */
  groups: ZDataTableSchema.optional(),
  regionalFigures: z.array(ZSourcedFigureSchema).default([]),
  /** 劳动力市场工资指导价位 by occupation. */
  marketWagePrices: ZDataTableSchema.optional(),
  opinions: z
    .array(
      z.object({
        side: ZSideSchema,
        collectedDate: ZLocalDateSchema,
        summary: text,
        survey: z.object({ respondents: z.number().int().nonnegative(), method: text.optional(), topics: z.array(z.object({ topic: text, count: z.number().int().nonnegative() })).min(1) }).optional(),
      }),
    )
    .default([]),
  proposals: z
    .array(
      z.object({
        /** 职工方方案 / 企业方方案 / 已商定条款. */
        heading: text,
        /** The round the position stands after (null: before the first round). */
        round: z.number().int().positive().nullable(),
        clauses: z.array(z.object({ label: text, value: text, since: text.optional() })).min(1),
        /** The costing tables (monthly per group, yearly payroll, comparison); absent without enterprise groups. */
        tables: z.array(ZDataTableSchema).default([]),
        /** Flags (below the minimum wage, outside the guideline band, real decrease) and what was not costed. */
        flags: z.array(text).default([]),
      }),
    )
    .default([]),
  /** The rounding rule and other notes on the costing. */
  notes: z.array(text).default([]),
  preparedBy: text,
  preparedDate: ZLocalDateSchema,
})
export type TPreparationBrief = z.infer<typeof ZPreparationBriefSchema>

// ------------------------------------------------------------------ bureau side

const ZMaterialSchema = z.object({ name: text, copies: z.number().int().positive(), pages: z.number().int().positive().optional() })

export const ZFilingReceiptSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  contractTitle: text,
  submittedBy: text,
  receivedDate: ZLocalDateSchema,
  materials: z.array(ZMaterialSchema).min(1),
  /** Last day of the 15-day review (computed by the rules, with the calendar). */
  reviewDeadline: ZLocalDateSchema,
  remarks: z.array(text).default([]),
})
export type TFilingReceipt = z.infer<typeof ZFilingReceiptSchema>

export const ZCorrectionNoticeSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  contractTitle: text,
  receivedDate: ZLocalDateSchema,
  deficiencies: z.array(z.object({ item: text, requirement: text, basis: text.optional() })).min(1),
  correctBy: ZLocalDateSchema,
  /** The rule that allows a correction request, e.g. 重庆市集体合同条例第二十八条. */
  basis: text.optional(),
})
export type TCorrectionNotice = z.infer<typeof ZCorrectionNoticeSchema>

/** JHR 45: names and addresses of both parties, date of receipt, the opinion, its date, the bureau's seal. */
export const ZReviewOpinionSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  contractTitle: text,
  receivedDate: ZLocalDateSchema,
  opinions: z.array(z.object({ issue: text, basis: text.optional() })).min(1),
  opinionDate: ZLocalDateSchema,
}).superRefine((v, ctx) => {
  if (!v.workerParty.address)
    ctx.addIssue({ code: 'custom', path: ['workerParty', 'address'], message: 'JHR 45(1): the addresses of both parties' })
})
export type TReviewOpinion = z.infer<typeof ZReviewOpinionSchema>

/** GZ 22: the 工资协议审查意见书, with or without objection. */
export const ZWageReviewOpinionSchema = ZCommonSchema.extend({
  bureau: ZBureauSchema,
  contractTitle: text,
  receivedDate: ZLocalDateSchema,
  conclusion: z.enum(['noObjection', 'objection']),
  opinions: z.array(z.object({ issue: text, basis: text.optional() })).default([]),
  opinionDate: ZLocalDateSchema,
}).superRefine((v, ctx) => {
  if (v.conclusion === 'objection' && v.opinions.length === 0)
    ctx.addIssue({ code: 'custom', path: ['opinions'], message: 'an objection lists its opinions' })
})
export type TWageReviewOpinion = z.infer<typeof ZWageReviewOpinionSchema>

// ------------------------------------------------------------------ 集体合同报送材料

/** A part of the filing package: a document kind and its own complete data (it can be rendered on its own). */
export const ZFilingPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wageAgreement'), data: ZWageAgreementSchema }),
  z.object({ kind: z.literal('collectiveContract'), data: ZCollectiveContractSchema }),
  z.object({ kind: z.literal('situationReport'), data: ZSituationReportSchema }),
  z.object({ kind: z.literal('wageData'), data: ZWageDataSchema }),
  z.object({ kind: z.literal('congressResolution'), data: ZCongressResolutionSchema }),
  z.object({ kind: z.literal('teamList'), data: ZTeamListSchema }),
  z.object({ kind: z.literal('minutes'), data: ZMinutesSchema }),
  z.object({ kind: z.literal('requestLetter'), data: ZRequestLetterSchema }),
  z.object({ kind: z.literal('requestResponse'), data: ZRequestResponseSchema }),
])
export type TFilingPart = z.infer<typeof ZFilingPartSchema>
export type TFilingPartInput = z.input<typeof ZFilingPartSchema>

export const ZFilingPackageSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  contractTitle: text,
  term: ZAgreementTermSchema,
  signingDate: ZLocalDateSchema,
  congressDate: ZLocalDateSchema,
  filingDate: ZLocalDateSchema,
  contact: ZContactSchema,
  /** Workers covered by the contract. */
  coveredWorkers: z.number().int().nonnegative().optional(),
  parts: z.array(ZFilingPartSchema).min(1).max(30),
})
export type TFilingPackage = z.infer<typeof ZFilingPackageSchema>

// ------------------------------------------------------------------ requests to the bureau (JHR 49, JHR 56)

/**
 * 请求劳动保障行政部门处理的申请书 (JHR 56; TUL 54): the requesting side asks the bureau to act after the other side
 * refused without a proper reason or gave no written reply within the period (JHR 32).
 */
export const ZInterventionRequestSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  requestingSide: ZSideSchema,
  /** The written request (要约) that went unanswered or was refused. */
  request: z.object({ sentDate: ZLocalDateSchema, receivedDate: ZLocalDateSchema.optional(), topics: z.array(text).min(1) }),
  answer: z.discriminatedUnion('kind', [
    /** Refused in writing on `date`, with the reason the other side gave. */
    z.object({ kind: z.literal('refused'), date: ZLocalDateSchema, reason: text }),
    /** No written reply within the period (the jurisdiction's reply period). */
    z.object({ kind: z.literal('noReply') }),
  ]),
  /** The applicant's statement of the facts and reasons, one paragraph each. */
  reasons: z.array(text).min(1),
  chief: text,
  contact: ZContactSchema.optional(),
  applicationDate: ZLocalDateSchema,
})
export type TInterventionRequest = z.infer<typeof ZInterventionRequestSchema>

/** 集体协商争议协调处理申请书 (JHR 49): one or both sides apply in writing when the negotiation fails. */
export const ZCoordinationApplicationSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  bureau: ZBureauSchema,
  applicant: z.enum(['employer', 'worker', 'both']),
  /** The rounds held so far. */
  rounds: z.array(z.object({ number: z.number().int().positive(), date: ZLocalDateSchema, place: text })).default([]),
  /** The items in dispute (争议事项). */
  disputedItems: z.array(text).min(1),
  /** Why the negotiation failed, one paragraph each. */
  reasons: z.array(text).min(1),
  employerChief: text,
  workerChief: text,
  applicationDate: ZLocalDateSchema,
})
export type TCoordinationApplication = z.infer<typeof ZCoordinationApplicationSchema>

// ------------------------------------------------------------------ the contract in force (JHR 38-41, 47-48)

/** The contract in force that a notice or request is about. */
export const ZContractRefSchema = z.object({
  title: text,
  /** The bureau's registration number (审查登记编号), when the case records one. */
  registrationNumber: text.optional(),
  signingDate: ZLocalDateSchema,
  effectiveDate: ZLocalDateSchema,
  term: z.object({ start: ZLocalDateSchema, end: ZLocalDateSchema }),
})
export type TContractRef = z.infer<typeof ZContractRefSchema>

/** 集体合同公布 (JHR 48; GZ 23: wage agreements within 5 days of taking effect): a notice to all staff. */
export const ZPublicationNoticeSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  publishingSide: ZSideSchema,
  bureau: ZBureauSchema,
  contract: ZContractRefSchema,
  /** How the contract took effect: the bureau's no-objection opinion, or 15 days without objection (JHR 47; GZ 22). */
  effectiveBy: z.enum(['noObjectionOpinion', 'deemedApproval']),
  /** The main points agreed, one line each. */
  highlights: z.array(text).default([]),
  /** Where the full text is posted, e.g. 厂务公开栏、企业内网. */
  channel: text,
  publishedDate: ZLocalDateSchema,
})
export type TPublicationNotice = z.infer<typeof ZPublicationNoticeSchema>

/** 续订集体合同的要求书 (JHR 38: within 3 months before expiry; GZ 24: wage agreements, 60 days). */
export const ZRenewalRequestSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  requestingSide: ZSideSchema,
  contract: ZContractRefSchema,
  /** What the renewal should be about, one paragraph each. */
  content: z.array(text).min(1),
  chief: text,
  contact: ZContactSchema.optional(),
  sentDate: ZLocalDateSchema,
})
export type TRenewalRequest = z.infer<typeof ZRenewalRequestSchema>

/** JHR 39-40: why a contract in force is changed or rescinded (the machine's own enum). */
export type TChangeGround = z.infer<typeof ZChangeGroundSchema>

/**
 * 变更 / 解除集体合同的要求书 (JHR 39-41): a written request that opens the full negotiation procedure again
 * (JHR 41), with its ground (JHR 40) and the proposed meeting (GZ 17: time, place and content).
 */
export const ZChangeRequestSchema = ZCommonSchema.extend({
  agreementType: ZAgreementTypeSchema,
  requestingSide: ZSideSchema,
  contract: ZContractRefSchema,
  ground: ZChangeGroundSchema,
  /** What should change, or why the contract should be rescinded, one paragraph each. */
  content: z.array(text).min(1),
  proposedDate: ZLocalDateSchema,
  proposedTime: ZClockTimeSchema.optional(),
  proposedPlace: text,
  chief: text,
  negotiators: z.array(text).default([]),
  contact: ZContactSchema.optional(),
  sentDate: ZLocalDateSchema,
})
export type TChangeRequest = z.infer<typeof ZChangeRequestSchema>

/**
 * Inputs (zod schemas, validated by the commands themselves so a route can pass the request body as is) and the
 * views the queries return. English names from shared/glossary.md; times are ISO UTC instants, calendar dates
 * local "YYYY-MM-DD".
 */
import { z } from 'zod'
import { ZLocalDateSchema } from '../../workflows/negotiation/events.js'
import type { TVoteCheck } from '../../workflows/congress/rules.js'

const text = (max: number) => z.string().trim().min(1).max(max)
const id = z.string().min(1).max(100)
/** An instant with an explicit zone ("Z" or an offset); stored normalised to UTC with milliseconds. */
const ZInstantInputSchema = z.iso.datetime({ offset: true })

export const ZBodySchema = z.enum(['workersCongress', 'allStaffAssembly'])
export type TBody = z.infer<typeof ZBodySchema>

/** 同意 / 不同意 / 弃权 */
export const ZChoiceSchema = z.enum(['agree', 'disagree', 'abstain'])
export type TChoice = z.infer<typeof ZChoiceSchema>
export const CHOICES: readonly TChoice[] = ZChoiceSchema.options

// ---- Roster -----------------------------------------------------------------------------------------------------

export const ZRepresentativeInputSchema = z.object({
  /** The id of a representative already on the roster, to update it; omitted for a new one. */
  id: id.optional(),
  name: text(200),
  /** 所在单位 / 部门 */
  unit: text(200),
  email: z.email().max(320).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{4,30}$/, 'expected a phone number')
    .optional(),
  /** 一线职工 */
  isFrontLine: z.boolean().default(false),
  /** 中层以上管理人员 (Shanghai 职代会条例 16, Zhejiang 民主管理条例 10: at most 20% of representatives). */
  isManager: z.boolean().default(false),
  isWoman: z.boolean().default(false),
})
export type TRepresentativeInput = z.input<typeof ZRepresentativeInputSchema>

/**
 * The whole roster of a case, replacing the previous one: representatives not listed become inactive (they keep
 * their credentials of earlier sessions). For an all-staff assembly (职工大会) the "representatives" are all workers
 * and `totalSeats` is the number of workers.
 */
export const ZRosterInputSchema = z.object({
  body: ZBodySchema,
  /** All seats (or all workers): the denominator of the quorum and of the threshold (JHR 36). */
  totalSeats: z.number().int().positive().max(1_000_000),
  staffCount: z.number().int().positive().max(10_000_000).optional(),
  womenStaffCount: z.number().int().nonnegative().max(10_000_000).optional(),
  representatives: z.array(ZRepresentativeInputSchema).min(1).max(50_000),
})
export type TRosterInput = z.input<typeof ZRosterInputSchema>

export type TRepresentativeView = {
  id: string
  name: string
  unit: string
  email: string | null
  phone: string | null
  isFrontLine: boolean
  isManager: boolean
  isWoman: boolean
  active: boolean
}

/** A composition rule the roster does not meet: guidance, never a refusal. */
export type TCompositionWarning = {
  code: string
  article: string
  field?: string
  /** true where the rule's wording was not verified (statute.md [U]). */
  unverified?: boolean
  message: { zh: string; en: string }
}

export type TRosterView = {
  caseId: string
  jurisdiction: string
  body: TBody
  totalSeats: number
  staffCount: number | null
  womenStaffCount: number | null
  representatives: TRepresentativeView[]
  composition: { active: number; vacantSeats: number; managers: number; women: number; frontLine: number }
  warnings: TCompositionWarning[]
  updatedAt: string
}

// ---- Session ----------------------------------------------------------------------------------------------------

/** 监票人 / 计票人: acts in the system as the user `userId`; `representativeId` when the person is on the roster. */
export const ZOfficerSchema = z.object({
  name: text(200),
  userId: id.optional(),
  representativeId: id.optional(),
})
export type TOfficer = z.infer<typeof ZOfficerSchema>

export const ZItemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected 1-64 letters, digits, _ . -'),
  title: text(500),
  /** Representatives standing for election in this item, if it is an election: they may not be scrutineers or tellers. */
  candidates: z.array(id).max(1_000).optional(),
})
export type TItem = z.infer<typeof ZItemSchema>

export const ZConveneInputSchema = z.object({
  /** e.g. 第三届职工代表大会第二次会议 */
  name: text(200),
  /** The local date of the sitting. */
  heldOn: ZLocalDateSchema,
  place: text(200),
  online: z.boolean(),
  opensAt: ZInstantInputSchema,
  closesAt: ZInstantInputSchema,
  /** SHA-256 (hex) of the PDF of the draft voted on. */
  documentSha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'expected a SHA-256 in hex')
    .transform((s) => s.toLowerCase()),
  /** Item-by-item voting (QMG 20 分项表决); one item for the draft as a whole otherwise. */
  items: z.array(ZItemSchema).min(1).max(50),
  scrutineers: z.array(ZOfficerSchema).min(1).max(20),
  tellers: z.array(ZOfficerSchema).min(1).max(20),
  /** 主持人, for the resolution. */
  presiding: text(200).optional(),
  /** When to remind those who have not voted (once, through the outbox). */
  reminderAt: ZInstantInputSchema.optional(),
  /**
   * `return`: every credential is returned once, in clear, to be handed out (printed letters).
   * `email`: representatives with an email get theirs through the outbox (sealed); the others are returned.
   */
  delivery: z.enum(['return', 'email']).default('return'),
})
export type TConveneInput = z.input<typeof ZConveneInputSchema>

export type TSessionStatus = 'open' | 'closed' | 'certified' | 'cancelled'

export type TIssuedCredential = {
  representativeId: string
  name: string
  /** For a link: base64url. */
  token: string
  /** For paper: Crockford base32 in groups of four. The same credential. */
  code: string
}

export type TItemResult = {
  itemId: string
  title: string
  agree: number
  disagree: number
  abstain: number
  /** Seats without a counted choice on this item (absent, not voted, or a blank paper ballot). */
  notCounted: number
  online: { agree: number; disagree: number; abstain: number }
  paper: { agree: number; disagree: number; abstain: number }
  /** hasPassed (workflows/congress/rules.ts): agree against ALL seats. */
  threshold: TVoteCheck
  passed: boolean
}

export type TCongressResult = {
  body: TBody
  totalSeats: number
  present: number
  quorum: TVoteCheck
  quorate: boolean
  thresholdRule: 'atLeastHalf' | 'moreThanHalf'
  quorumRule: 'twoThirds' | 'none'
  quorumArticle: string
  thresholdArticle: string
  items: TItemResult[]
  /** quorate and every item passed. */
  passed: boolean
  /** The item whose counts the case event carries as the draft's (the one with the fewest agree votes). */
  decisiveItemId: string
  ballotsOnline: number
  ballotsPaper: number
  /** SHA-256 of every online receipt code, sorted (so the list does not reveal the order of voting). */
  receiptHashes: string[]
  computedAt: string
}

export type TPaperTallyView = {
  ballotsCollected: number
  items: { itemId: string; agree: number; disagree: number; abstain: number }[]
  enteredBy: string
  enteredAt: string
  confirmedBy: string | null
  confirmedAt: string | null
}

export type TSessionView = {
  id: string
  caseId: string
  status: TSessionStatus
  name: string
  body: TBody
  totalSeats: number
  jurisdiction: string
  heldOn: string
  place: string
  online: boolean
  opensAt: string
  closesAt: string
  documentSha256: string
  draftVersion: number | null
  items: TItem[]
  scrutineers: TOfficer[]
  tellers: TOfficer[]
  presiding: string | null
  reminderAt: string | null
  remindedAt: string | null
  closedAt: string | null
  closeReason: 'window' | 'explicit' | 'allVoted' | null
  /** Participation, never choices: counts are shown only in `result`, after the close. */
  turnout: { credentials: number; present: number; votedOnline: number; votedPaper: number; notVoted: number }
  /** Voting ended with paper ballots handed out whose tally is not confirmed yet. */
  awaitingPaperTally: boolean
  paperTally: TPaperTallyView | null
  result: TCongressResult | null
  certification: {
    status: 'notYet' | 'certified' | 'refused'
    certifiedAt: string | null
    caseSeq: number | null
    error: { code: string; message: { zh: string; en: string }; details?: unknown } | null
  }
}

// ---- Voting -----------------------------------------------------------------------------------------------------

export const ZBallotInputSchema = z.object({
  /** The credential, in either spelling. */
  credential: z.string().min(1).max(200),
  choices: z
    .array(z.object({ itemId: z.string().min(1).max(64), choice: ZChoiceSchema }))
    .min(1)
    .max(50),
})
export type TBallotInput = z.input<typeof ZBallotInputSchema>

export type TBallotAccepted = {
  sessionId: string
  /** Shown once to the voter: its SHA-256 is published with the result; it says nothing about the choices. */
  receipt: string
  receiptHash: string
}

/** What the phone page shows a credential holder. */
export type TBallotPage = {
  session: Pick<
    TSessionView,
    'id' | 'name' | 'body' | 'heldOn' | 'place' | 'online' | 'opensAt' | 'closesAt' | 'documentSha256' | 'status'
  > & { items: { id: string; title: string }[] }
  representative: { name: string }
  window: 'notOpenYet' | 'open' | 'closed'
  present: boolean
  /** How this credential was used, if it was. */
  usedVia: 'online' | 'paper' | null
}

export const ZPaperTallyInputSchema = z.object({
  /** Paper ballots taken out of the box (blank or spoiled ones included). */
  ballotsCollected: z.number().int().nonnegative(),
  items: z
    .array(
      z.object({
        itemId: z.string().min(1).max(64),
        agree: z.number().int().nonnegative(),
        disagree: z.number().int().nonnegative(),
        abstain: z.number().int().nonnegative(),
      }),
    )
    .min(1)
    .max(50),
})
export type TPaperTallyInput = z.input<typeof ZPaperTallyInputSchema>

/**
 * The bureau's documents: 受理回执 (filing.registered), 补正通知 (correction.requested), 审查意见书 (review.objected,
 * collective contracts, JHR 45) and 工资协议审查意见书 (review.objected / review.approved, wage agreements, GZ 22).
 *
 * The case gives the dates, the items and the opinion; what only the bureau knows (its address and contact, a
 * deadline for the correction, the article each opinion rests on) arrives as `facts` with the command that issues
 * the document (src/effects/bureau-documents.ts), validated by ZBureauFactsSchema.
 */
import { z } from 'zod'
import { ZBureauSchema, ZLocalDateSchema, type TDocumentInputs } from '../../documents/index.js'
import type { TNegotiationContext, TReviewRecord } from '../../../workflows/negotiation/context.js'
import { missing, NoTemplateError } from '../errors.js'
import { agreementTypeOf, bureauOf, chiefName, commonOf, requireFacts } from './common.js'
import { eventAt, type TCaseSources } from './sources.js'

const text = z.string().trim().min(1).max(2_000)
const ZOpinionSchema = z.object({ issue: text, basis: text.optional() })

/** Facts the bureau adds when it issues a document; every field optional unless the document needs it. */
export const ZBureauFactsSchema = z
  .object({
    /** The bureau's name, address, phone and contact; the name defaults to the enterprise region's bureau. */
    bureau: ZBureauSchema.partial().optional(),
    documentNumber: text.optional(),
    /** 受理回执: who handed the filing in, and the materials as counted at the counter. */
    submittedBy: text.optional(),
    materials: z
      .array(z.object({ name: text, copies: z.number().int().positive(), pages: z.number().int().positive().optional() }))
      .min(1)
      .max(50)
      .optional(),
    remarks: z.array(text).max(20).optional(),
    /** 补正通知: the deficiencies in detail, and the date by which to correct. */
    deficiencies: z
      .array(z.object({ item: text, requirement: text, basis: text.optional() }))
      .min(1)
      .max(50)
      .optional(),
    correctBy: ZLocalDateSchema.optional(),
    basis: text.optional(),
    /** 审查意见书: the opinions with their legal basis (default: the event's opinion and items). */
    opinions: z.array(ZOpinionSchema).min(1).max(50).optional(),
  })
  .strict()
export type TBureauFacts = z.infer<typeof ZBureauFactsSchema>

export type TBureauDocumentKind = 'filingReceipt' | 'correctionNotice' | 'reviewOpinion' | 'wageReviewOpinion'

function bureau(s: TCaseSources, facts: TBureauFacts) {
  return { ...bureauOf(s.regions), ...facts.bureau, name: facts.bureau?.name ?? bureauOf(s.regions).name }
}

function contractTitle(context: TNegotiationContext): string {
  return context.draft?.title ?? context.drafts.at(-1)?.title ?? context.agreement?.title ?? '合同'
}

/** The review the event at `seq` closed or recorded (objected reviews move into `reviews`). */
function reviewAt(context: TNegotiationContext): TReviewRecord | undefined {
  return context.review ?? context.reviews.at(-1)
}

export function filingReceiptData(s: TCaseSources, seq: number, facts: TBureauFacts = {}): TDocumentInputs['filingReceipt'] {
  const context = s.contextAt(seq)
  const filing = context.filing
  const review = s.deadlines.find((d) => d.kind === 'review' && d.createdSeq === seq)
  requireFacts('filingReceipt', [
    !filing?.receivedOn && missing('filing.receivedOn', '收到报送材料的日期', 'the date the bureau received the filing'),
    !review && missing('Deadline(review)', '审查期限', 'the review deadline scheduled at registration'),
  ])
  const title = contractTitle(context)
  const materials =
    facts.materials ??
    (filing!.materials?.length
      ? filing!.materials.map((name, i) => ({ name, copies: i === 0 ? (filing!.copies ?? 1) : 1 }))
      : [{ name: `《${title}》文本`, copies: filing!.copies ?? 1 }])
  return {
    ...commonOf(s, context, filing!.receivedOn!, { documentNumber: facts.documentNumber ?? filing!.registrationNumber }),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureau(s, facts),
    contractTitle: title,
    submittedBy: facts.submittedBy ?? chiefName(s, context, 'employer'),
    receivedDate: filing!.receivedOn!,
    materials,
    reviewDeadline: review!.lastDay,
    remarks: facts.remarks ?? (filing!.receiptNoticeRef ? [`收件通知：${filing!.receiptNoticeRef}。`] : []),
  }
}

export function correctionNoticeData(s: TCaseSources, seq: number, facts: TBureauFacts = {}): TDocumentInputs['correctionNotice'] {
  const context = s.contextAt(seq)
  const filing = context.filing
  const correction = filing?.corrections.at(-1)
  const receivedDate = filing?.receivedOn ?? filing?.filedOn
  requireFacts('correctionNotice', [
    !correction && missing('filing.corrections', '补正事项', 'the items to correct'),
    !receivedDate && missing('filing.receivedOn', '收到报送材料的日期', 'the date the bureau received the filing'),
    !facts.correctBy && missing('facts.correctBy', '补正期限（由劳动保障行政部门确定）', 'the date by which to correct (set by the bureau)'),
  ])
  return {
    ...commonOf(s, context, correction!.requestedOn, facts.documentNumber ? { documentNumber: facts.documentNumber } : {}),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureau(s, facts),
    contractTitle: contractTitle(context),
    receivedDate: receivedDate!,
    deficiencies: facts.deficiencies ?? correction!.items.map((item) => ({ item, requirement: '请补充或者更正后一并报送' })),
    correctBy: facts.correctBy!,
    ...(facts.basis ? { basis: facts.basis } : {}),
  }
}

function opinionsOf(s: TCaseSources, seq: number, facts: TBureauFacts) {
  if (facts.opinions) return facts.opinions
  const p = eventAt(s, seq).payload
  const items = Array.isArray(p['items']) ? (p['items'] as string[]) : []
  const opinion = typeof p['opinion'] === 'string' ? p['opinion'] : undefined
  return opinion ? [{ issue: items.length ? `${opinion}（涉及：${items.join('、')}）` : opinion }] : items.map((issue) => ({ issue }))
}

export function reviewOpinionData(s: TCaseSources, seq: number, facts: TBureauFacts = {}): TDocumentInputs['reviewOpinion'] {
  const context = s.contextAt(seq)
  const e = eventAt(s, seq)
  if (e.type !== 'review.objected') {
    // JHR 47: a collective contract takes effect when no objection is raised; there is no no-objection opinion form.
    throw new NoTemplateError('reviewOpinion(noObjection)', { zh: '集体合同无异议审查意见书', en: 'no-objection opinion on a collective contract' })
  }
  const review = reviewAt(context)
  const objection = review?.objection
  requireFacts('reviewOpinion', [!objection && missing('review.objection', '审查意见', 'the review opinion')])
  return {
    ...commonOf(s, context, objection!.opinionDate, {
      workerAddress: true,
      ...(facts.documentNumber || objection!.opinionRef ? { documentNumber: facts.documentNumber ?? objection!.opinionRef } : {}),
    }),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureau(s, facts),
    contractTitle: contractTitle(context),
    receivedDate: review!.receivedOn,
    opinions: opinionsOf(s, seq, facts),
    opinionDate: objection!.opinionDate,
  }
}

export function wageReviewOpinionData(s: TCaseSources, seq: number, facts: TBureauFacts = {}): TDocumentInputs['wageReviewOpinion'] {
  const context = s.contextAt(seq)
  const e = eventAt(s, seq)
  const review = e.type === 'review.approved' ? context.review ?? context.reviews.at(-1) : reviewAt(context)
  const opinion = e.type === 'review.objected' ? review?.objection : review?.approval
  requireFacts('wageReviewOpinion', [!opinion && missing('review', '审查意见', 'the review opinion')])
  const objected = e.type === 'review.objected'
  return {
    ...commonOf(s, context, opinion!.opinionDate, {
      workerAddress: true,
      ...(facts.documentNumber || opinion!.opinionRef ? { documentNumber: facts.documentNumber ?? opinion!.opinionRef } : {}),
    }),
    bureau: bureau(s, facts),
    contractTitle: contractTitle(context),
    receivedDate: review!.receivedOn,
    conclusion: objected ? 'objection' : 'noObjection',
    opinions: objected ? opinionsOf(s, seq, facts) : (facts.opinions ?? []),
    opinionDate: opinion!.opinionDate,
  }
}

/** The bureau document an event calls for, by case kind; undefined when none (JHR 47: no no-objection form). */
export function bureauDocumentFor(eventType: string, caseKind: string): TBureauDocumentKind | undefined {
  switch (eventType) {
    case 'filing.registered':
      return 'filingReceipt'
    case 'correction.requested':
      return 'correctionNotice'
    case 'review.objected':
      return caseKind === 'wageAgreement' ? 'wageReviewOpinion' : 'reviewOpinion'
    case 'review.approved':
      return caseKind === 'wageAgreement' ? 'wageReviewOpinion' : undefined
    default:
      return undefined
  }
}

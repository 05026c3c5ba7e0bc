/**
 * The agreement text: 工资专项集体合同 (wage agreement, GZ 7 items) or 集体合同 (JHR 8 chapters; also the special
 * collective contracts), from the draft's structured clauses (proposals/diff.ts `assembleAgreement`).
 *
 * One text, three moments: the draft the congress votes on (draft.agreed), the text the chiefs sign
 * (agreement.signed) and the text inside the filing package (agreement.filed). All three are built by this one
 * function from the draft record, so the same draft gives the same renderer input and the same bytes; the lineage
 * (document-lineage.ts) proves it or lists what differs. Hence the text carries only what is fixed when the draft
 * is agreed: its date is the draft's date, and the signing date and place are left to be written by hand beside
 * the signatures (the renderer prints blank date lines); the congress vote and the signing are stated in the filing
 * package's cover and 情况说明 instead.
 */
import type { TDocumentInputs } from '../../documents/index.js'
import type { TDraftRecord, TNegotiationContext } from '../../../workflows/negotiation/context.js'
import { assembleAgreement, toContractChapters, toWageAgreementItems } from '../../../workflows/proposals/diff.js'
import { wageItemInfo, type TWageItem } from '../../../workflows/proposals/clauses.js'
import { addDays, addMonths } from '../../../workflows/rules/calendar/dates.js'
import { missing, NoTemplateError } from '../errors.js'
import { commonOf, FILL_IN, nameOfMember, requireFacts } from './common.js'
import type { TCaseSources } from './sources.js'

export type TAgreementMoment = 'draft' | 'signed'
export type TAgreementData =
  | { renderer: 'wageAgreement'; data: TDocumentInputs['wageAgreement'] }
  | { renderer: 'collectiveContract'; data: TDocumentInputs['collectiveContract'] }

/** The draft the text is built from: the one just agreed, or the one the signature is for. */
function draftFor(context: TNegotiationContext, moment: TAgreementMoment): TDraftRecord | undefined {
  if (moment === 'draft' || !context.signature) return context.draft ?? context.drafts.at(-1)
  return context.drafts.find((d) => d.version === context.signature!.draftVersion) ?? context.draft
}

/** The item or chapter clauses the renderer requires (GZ 7 (2)-(8) are required; (1) and (9) may be empty). */
const REQUIRED_WAGE_ITEMS: readonly TWageItem[] = ['paySystem', 'wageLevel', 'bonuses', 'payment', 'changeProcedure', 'termination', 'liability']

export function agreementData(s: TCaseSources, seq: number, moment: TAgreementMoment): TAgreementData {
  const context = s.contextAt(seq)
  if (context.procedure !== 'conclusion') {
    throw new NoTemplateError(
      context.procedure === 'amendment' ? 'amendmentAgreement' : 'terminationAgreement',
      context.procedure === 'amendment'
        ? { zh: '集体合同变更协议', en: 'agreement amending a contract in force (JHR 39-41)' }
        : { zh: '集体合同解除协议', en: 'agreement rescinding a contract in force (JHR 39-41)' },
    )
  }
  const draft = draftFor(context, moment)
  requireFacts('agreement', [!draft && missing('draft', '合同草案', 'the draft')])
  const d = draft!
  requireFacts('agreement', [!d.termMonths && missing('draft.termMonths', '合同期限', 'the term in months')])
  const signers = moment === 'signed' && context.signature ? context.signature.signedBy : d.signedBy
  const base = {
    ...commonOf(s, context, d.agreedOn),
    title: d.title,
    employerChief: nameOfMember(context, signers.employer) || FILL_IN,
    workerChief: nameOfMember(context, signers.worker) || FILL_IN,
    preamble: [],
    // A draft without a start date counts its term from the day it takes effect (JHR 38; GZ 7(1)); the dates are
    // printed once the draft fixes them.
    term: d.termStartsOn ? { start: d.termStartsOn, end: addDays(addMonths(d.termStartsOn, d.termMonths!), -1) } : { months: d.termMonths! },
  }
  const assembled = assembleAgreement({ ...context, draft: d })
  if (s.caseKind === 'wageAgreement') {
    const items = toWageAgreementItems(assembled)
    requireFacts(
      'agreement',
      REQUIRED_WAGE_ITEMS.filter((i) => items[i].length === 0).map((i) =>
        missing(`draft.clauses(${i})`, `第${wageItemInfo[i].number}项“${wageItemInfo[i].zh}”的条款（GZ 7）`, `clauses for GZ 7(${wageItemInfo[i].number}) ${wageItemInfo[i].en}`),
      ),
    )
    return { renderer: 'wageAgreement', data: { ...base, items } }
  }
  const chapters = toContractChapters(assembled)
  requireFacts('agreement', [chapters.length === 0 && missing('draft.clauses', '合同条款', 'the clauses of the contract')])
  return { renderer: 'collectiveContract', data: { ...base, chapters } }
}

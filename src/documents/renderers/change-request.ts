/**
 * 变更 / 解除集体合同的要求书 (JHR 39-41): a written request to change or rescind the contract in force, with its
 * ground (JHR 40), opening the full negotiation procedure again (JHR 41) with time, place and content (GZ 17).
 */
import { ZChangeRequestSchema, type TChangeGround } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import { periodText } from '../wording.js'
import { agreementName, contactLine, contractRefText, dateTime, header, names, otherSide, partyName, partySeal, subItems } from './common.js'

/** The ground as printed, with its article. */
const groundText: Readonly<Record<TChangeGround, string>> = {
  mutualAgreement: '经双方协商代表协商一致（《集体合同规定》第三十九条）', // JHR 39
  mergerDissolutionBankruptcy: '企业因被兼并、解散、破产等原因，致使合同无法履行（《集体合同规定》第四十条第一项）', // JHR 40(1)
  forceMajeure: '因不可抗力等原因致使合同无法履行或者部分无法履行（《集体合同规定》第四十条第二项）', // JHR 40(2)
  agreedCondition: '合同约定的变更或者解除条件出现（《集体合同规定》第四十条第三项）', // JHR 40(3)
  lawChanged: '合同所依据的法律、法规、规章发生变化（《集体合同规定》第四十条第四项）', // JHR 40(4)
  other: '出现法律、法规、规章规定的其他情形（《集体合同规定》第四十条第四项）', // JHR 40(4)
}

function defineChangeRequest<K extends 'amendmentRequest' | 'terminationRequest'>(kind: K) {
  const amend = kind === 'amendmentRequest'
  const verb = amend ? '变更' : '解除'
  return defineDocument({
    kind,
    schema: ZChangeRequestSchema,
    names: amend
      ? { zh: '变更集体合同的要求书', en: 'Request to Amend the Contract' }
      : { zh: '解除集体合同的要求书', en: 'Request to Rescind the Contract' },
    title: (d) => ({
      zh: `${verb}${agreementName(d.agreementType)}要求书`,
      en: amend ? 'Request to Amend the Contract in Force' : 'Request to Rescind the Contract in Force',
    }),
    author: (d) => partyName(d, d.requestingSide),
    draw: (kit, d, ctx) => {
      header(kit, d, ctx)
      const c = d.contract
      kit.addressee(`${partyName(d, otherSide(d.requestingSide))}：`)
      kit.paragraph(
        `双方订立的${contractRefText(c)}自${formatDate(c.effectiveDate)}起生效，期限至${formatDate(c.term.end)}止。` +
          `现因${groundText[d.ground]}，本方向贵方提出${verb}该合同的要求。${verb}集体合同适用集体协商程序（《集体合同规定》第四十一条），` +
          `现将有关事项函告如下：`,
      )
      let n = 1
      kit.heading(`${itemLabel(n++)}${amend ? '要求变更的内容' : '要求解除的理由'}`)
      subItems(kit, d.content)
      kit.field(`${itemLabel(n++)}协商时间：`, dateTime(d.proposedDate, d.proposedTime))
      kit.field(`${itemLabel(n++)}协商地点：`, d.proposedPlace)
      kit.field(`${itemLabel(n++)}本方协商代表：`, `首席代表${d.chief}${d.negotiators.length ? `；协商代表${names(d.negotiators)}` : ''}。`)
      kit.field(
        `${itemLabel(n++)}答复要求：`,
        `请贵方自收到本要求书之日起${periodText(ctx.wording.replyPeriod)}内以书面形式予以答复（${ctx.wording.replyBasis}）。`,
      )
      kit.paragraph(`在${verb}协议生效前，原合同继续有效，双方应当继续履行。`)
      contactLine(kit, d.contact)
      partySeal(kit, d, d.requestingSide, d.sentDate)
    },
  })
}

export const amendmentRequestDocument = defineChangeRequest('amendmentRequest')
export const terminationRequestDocument = defineChangeRequest('terminationRequest')
export const renderAmendmentRequest = amendmentRequestDocument.render
export const renderTerminationRequest = terminationRequestDocument.render

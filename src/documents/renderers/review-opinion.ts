/**
 * 审查意见书 (JHR 45): (1) names and addresses of both parties, (2) the date the bureau received the contract,
 * (3) the review opinion, (4) the date of the opinion, with the bureau's seal. Served on both sides'
 * representatives; the parties renegotiate and refile (JHR 46).
 */
import { ZReviewOpinionSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import { header } from './common.js'
import { bureauContact, bureauSeal, reviewedPartiesRows } from './bureau.js'

export const reviewOpinionDocument = defineDocument({
  kind: 'reviewOpinion',
  schema: ZReviewOpinionSchema,
  names: { zh: '审查意见书', en: 'Review Opinion' },
  title: () => ({ zh: '审查意见书', en: 'Review Opinion on a Collective Contract' }),
  author: (d) => d.bureau.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.formTable(
      reviewedPartiesRows(d, { contract: '合同名称', received: '收到合同文本日期' }, ''),
      { labelWidth: 0.26 },
    )
    kit.space(10)
    kit.addressee(`${d.enterprise.name}、${d.workerParty.name}协商代表：`)
    kit.paragraph(`本局于${formatDate(d.receivedDate)}收到你们报送的《${d.contractTitle}》。经依法审查（${ctx.wording.reviewBasis}），提出审查意见如下：`)
    d.opinions.forEach((o, i) => kit.paragraph(`${itemLabel(i + 1)}${o.issue}${o.basis ? `（依据：${o.basis}）` : ''}`))
    kit.paragraph('请双方就上述事项重新协商，修改后依法重新签订并报送本局（《集体合同规定》第四十六条）。')
    bureauSeal(kit, d.bureau, d.opinionDate)
    bureauContact(kit, d.bureau)
  },
})

export const renderReviewOpinion = reviewOpinionDocument.render

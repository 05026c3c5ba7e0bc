/**
 * 工资协议审查意见书 (GZ 22): served on both sides for every wage agreement; without objection the agreement takes
 * effect on service, with objection the parties renegotiate and refile.
 */
import { ZWageReviewOpinionSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import { header } from './common.js'
import { bureauContact, bureauSeal, reviewedPartiesRows } from './bureau.js'

export const wageReviewOpinionDocument = defineDocument({
  kind: 'wageReviewOpinion',
  schema: ZWageReviewOpinionSchema,
  names: { zh: '工资协议审查意见书', en: 'Review Opinion on a Wage Agreement' },
  title: () => ({ zh: '工资协议审查意见书', en: 'Review Opinion on a Wage Agreement' }),
  author: (d) => d.bureau.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.formTable(
      [
        ...reviewedPartiesRows(d, { contract: '工资协议名称', received: '收到协议文本日期' }, '—'),
        ['审查结论', d.conclusion === 'noObjection' ? '无异议' : '有异议'],
      ],
      { labelWidth: 0.26 },
    )
    kit.space(10)
    kit.addressee(`${d.enterprise.name}、${d.workerParty.name}协商代表：`)
    if (d.conclusion === 'noObjection') {
      kit.paragraph(
        `本局于${formatDate(d.receivedDate)}收到你们报送的《${d.contractTitle}》。经审查，协商代表的资格、协议条款的内容和签订程序符合法律、法规和规章的规定，本局对该工资协议无异议。`,
      )
      kit.paragraph('该工资协议自本意见书送达之日起生效（《工资集体协商试行办法》第二十二条第二款）。协商双方应当自协议生效之日起5日内，将协议文本公布（《工资集体协商试行办法》第二十三条）。')
    } else {
      kit.paragraph(`本局于${formatDate(d.receivedDate)}收到你们报送的《${d.contractTitle}》。经审查，提出如下意见：`)
      d.opinions.forEach((o, i) => kit.paragraph(`${itemLabel(i + 1)}${o.issue}${o.basis ? `（依据：${o.basis}）` : ''}`))
      kit.paragraph('请协商双方就上述事项重新协商，修改后重新报送本局（《工资集体协商试行办法》第二十二条第三款）。')
    }
    bureauSeal(kit, d.bureau, d.opinionDate)
    bureauContact(kit, d.bureau)
  },
})

export const renderWageReviewOpinion = wageReviewOpinionDocument.render

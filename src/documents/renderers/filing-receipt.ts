/** 受理回执: the bureau registers the filed contract and states the receipt date that starts the review (JHR 42). */
import { ZFilingReceiptSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate } from '../format.js'
import { agreementName, header } from './common.js'
import { bureauContact, bureauSeal } from './bureau.js'

export const filingReceiptDocument = defineDocument({
  kind: 'filingReceipt',
  schema: ZFilingReceiptSchema,
  names: { zh: '受理回执', en: 'Filing Receipt' },
  title: (d) => ({ zh: `${agreementName(d.agreementType)}报送受理回执`, en: 'Acknowledgement of Receipt of a Filed Contract' }),
  author: (d) => d.bureau.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.addressee(`${d.enterprise.name}：`)
    kit.paragraph(
      `你单位报送的《${d.contractTitle}》及相关材料，本局已于${formatDate(d.receivedDate)}收到，并依法办理登记手续（《集体合同规定》第四十二条）。收到的材料如下：`,
    )
    kit.table(
      [
        { header: '序号', width: 0.7, align: 'center' },
        { header: '材料名称', width: 4.6 },
        { header: '份数', width: 0.9, align: 'center' },
        { header: '页数', width: 0.9, align: 'center' },
      ],
      d.materials.map((m, i) => [String(i + 1), m.name, String(m.copies), m.pages ? String(m.pages) : '—']),
    )
    kit.paragraph(`提交人：${d.submittedBy}。`)
    const review =
      d.agreementType === 'wage'
        ? `本局自收到文本之日起15日内对该工资协议进行审查，审查期限至${formatDate(d.reviewDeadline)}。审查后本局将向协商双方送达《工资协议审查意见书》；自报送之日起15日内未收到《工资协议审查意见书》的，视为已经同意（《工资集体协商试行办法》第二十二条）。`
        : `本局自收到文本之日起15日内对该集体合同进行合法性审查，审查期限至${formatDate(d.reviewDeadline)}。在此期限内本局未提出异议的，该集体合同即行生效（${ctx.wording.reviewBasis}）。`
    kit.paragraph(review)
    for (const r of d.remarks) kit.paragraph(r)
    kit.paragraph('特此回执。')
    bureauSeal(kit, d.bureau, d.documentDate)
    bureauContact(kit, d.bureau)
  },
})

export const renderFilingReceipt = filingReceiptDocument.render

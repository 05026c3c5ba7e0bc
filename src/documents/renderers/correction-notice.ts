/** 补正通知: the bureau asks for missing or defective filing materials (where a local rule provides for it). */
import { ZCorrectionNoticeSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate } from '../format.js'
import { agreementName, header } from './common.js'
import { bureauContact, bureauSeal } from './bureau.js'

export const correctionNoticeDocument = defineDocument({
  kind: 'correctionNotice',
  schema: ZCorrectionNoticeSchema,
  names: { zh: '补正通知', en: 'Correction Request' },
  title: (d) => ({ zh: `${agreementName(d.agreementType)}报送材料补正通知书`, en: 'Request for Correction of Filed Materials' }),
  author: (d) => d.bureau.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.addressee(`${d.enterprise.name}：`)
    kit.paragraph(
      `你单位于${formatDate(d.receivedDate)}报送的《${d.contractTitle}》及相关材料，经核对，存在下列需要补正的事项${d.basis ? `（${d.basis}）` : ''}：`,
    )
    kit.table(
      [
        { header: '序号', width: 0.7, align: 'center' },
        { header: '需补正事项', width: 2.6 },
        { header: '补正要求', width: 3.2 },
        { header: '依据', width: 2 },
      ],
      d.deficiencies.map((x, i) => [String(i + 1), x.item, x.requirement, x.basis ?? '—']),
    )
    kit.paragraph(`请你单位于${formatDate(d.correctBy)}前补正上述材料后一并报送本局。`)
    kit.paragraph('特此通知。')
    bureauSeal(kit, d.bureau, d.documentDate)
    bureauContact(kit, d.bureau)
  },
})

export const renderCorrectionNotice = correctionNoticeDocument.render

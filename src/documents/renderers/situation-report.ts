/** 情况说明: the employer's note on how the negotiation went, filed with the contract (GZ 21; local lists). */
import { ZSituationReportSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { chineseNumeral, formatDate, itemLabel } from '../format.js'
import { S } from '../layout/kit.js'
import { header } from './common.js'
import { dataTable } from './data-table.js'

export const situationReportDocument = defineDocument({
  kind: 'situationReport',
  schema: ZSituationReportSchema,
  names: { zh: '情况说明', en: 'Explanatory Note' },
  title: (d) => ({ zh: `关于签订《${d.contractTitle}》的情况说明`, en: 'Explanatory Note on the Negotiation' }),
  author: (d) => d.enterprise.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.addressee(`${d.addressee}：`)
    d.sections.forEach((s, i) => {
      kit.heading(`${itemLabel(i + 1)}${s.heading}`)
      for (const p of s.paragraphs) kit.paragraph(p)
      for (const t of s.tables) dataTable(kit, t)
    })
    if (d.rounds.length) {
      kit.heading(`${itemLabel(d.sections.length + 1)}协商会议一览`)
      kit.table(
        [
          { header: '轮次', width: 1, align: 'center' },
          { header: '日期', width: 1.8, align: 'center' },
          { header: '地点', width: 2.4 },
          { header: '结果', width: 3.4 },
        ],
        d.rounds.map((r) => [`第${chineseNumeral(r.number)}次`, formatDate(r.date), r.place, r.outcome]),
      )
    }
    kit.paragraph('特此说明。', { before: 6 })
    kit.sealBlock([`${d.enterprise.name}（盖章）`, formatDate(d.reportDate)])
    kit.paragraph(`联系人及电话：见报送材料封面。`, { style: S.small, before: 6, indent: 0 })
  },
})

export const renderSituationReport = situationReportDocument.render

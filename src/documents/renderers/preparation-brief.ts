/**
 * 协商准备材料 (JHR 33; GZ 8, 18): what the negotiators weigh before and between rounds — the enterprise figures and
 * the regional figures (minimum wage, wage guideline, CPI, average wages, market wage guide prices), each with its
 * year and source; the workers' opinions; each side's latest proposal with its payroll costing and its comparison
 * with the CPI, the guideline band and the minimum wage (LCL 55).
 */
import { ZPreparationBriefSchema, type TPreparationBrief } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel, subItemLabel } from '../format.js'
import { S, type Kit } from '../layout/kit.js'
import { header, negotiationName, sideName } from './common.js'
import { dataTable } from './data-table.js'

function figures(kit: Kit, rows: TPreparationBrief['enterpriseFigures']): void {
  kit.table(
    [
      { header: '项目', width: 2.2 },
      { header: '数值', width: 2.2, align: 'right' },
      { header: '年度', width: 0.8, align: 'center' },
      { header: '来源', width: 3.2 },
    ],
    rows.map((r) => [r.label, r.value, String(r.year), r.note ? `${r.source}（${r.note}）` : r.source]),
  )
}

export const preparationBriefDocument = defineDocument({
  kind: 'preparationBrief',
  schema: ZPreparationBriefSchema,
  names: { zh: '协商准备材料', en: 'Negotiation Preparation Brief' },
  title: (d) => ({ zh: `${negotiationName(d.agreementType)}准备材料`, en: 'Negotiation Preparation Brief' }),
  author: (d) => d.preparedBy,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.field('企业名称：', d.enterprise.name, { indent: 0 })
    kit.field('职工方：', d.workerParty.name, { indent: 0 })
    kit.field('材料范围：', d.asOf, { indent: 0, after: 6 })
    let n = 0
    const heading = (text: string) => kit.heading(`${itemLabel(++n)}${text}`)

    heading('企业数据（《工资集体协商试行办法》第八条）')
    if (d.enterpriseFigures.length) figures(kit, d.enterpriseFigures)
    if (d.groups) dataTable(kit, d.groups)
    if (!d.enterpriseFigures.length && !d.groups) kit.paragraph('案件尚未记录企业数据。')

    heading('地区数据（最低工资标准、工资指导线、消费价格指数、平均工资）')
    if (d.regionalFigures.length) figures(kit, d.regionalFigures)
    if (d.marketWagePrices) dataTable(kit, d.marketWagePrices)
    if (!d.regionalFigures.length && !d.marketWagePrices) kit.paragraph('案件尚未记录地区数据。')

    heading('职工意见汇总（《集体合同规定》第三十三条）')
    if (d.opinions.length === 0) kit.paragraph('案件尚未记录征集的职工意见。')
    d.opinions.forEach((o, i) => {
      kit.paragraph(`${subItemLabel(i + 1)}${sideName(o.side)}于${formatDate(o.collectedDate)}征集：${o.summary}`)
      if (o.survey) {
        const s = o.survey
        kit.table(
          [
            { header: '关注事项', width: 4 },
            { header: '提出人数', width: 1.4, align: 'right' },
            { header: '占答卷比例', width: 1.4, align: 'right' },
          ],
          s.topics.map((t) => [t.topic, String(t.count), s.respondents > 0 ? `${((t.count * 100) / s.respondents).toFixed(1)}%` : '—']),
        )
        kit.paragraph(`答卷${s.respondents}份${s.method ? `，征集方式：${s.method}` : ''}。`, { style: S.note, indent: 0 })
      }
    })

    heading('各方方案及工资测算')
    if (d.proposals.length === 0) kit.paragraph('双方尚未提出结构化的方案。')
    d.proposals.forEach((p, i) => {
      kit.paragraph(`${subItemLabel(i + 1)}${p.heading}${p.round === null ? '' : `（截至第${p.round}次协商会议）`}`, { style: S.bodyBold, keepWithNext: 80 })
      kit.table(
        [
          { header: '条款', width: 2.4 },
          { header: '内容', width: 4.2 },
          { header: '提出轮次', width: 1.2, align: 'center' },
        ],
        p.clauses.map((c) => [c.label, c.value, c.since ?? '']),
      )
      for (const t of p.tables) dataTable(kit, t)
      for (const f of p.flags) kit.paragraph(`※ ${f}`, { style: S.small, indent: 0 })
    })
    if (d.notes.length) {
      kit.space(4)
      for (const note of d.notes) kit.paragraph(`注：${note}`, { style: S.note, indent: 0 })
    }
    kit.signatureColumns([[{ label: '整理：', value: d.preparedBy }], [{ label: '日期：', value: formatDate(d.preparedDate) }]])
  },
})

export const renderPreparationBrief = preparationBriefDocument.render

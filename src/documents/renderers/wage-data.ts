/** 工资数据表: the wage figures the agreement rests on (GZ 8 factors), filed with a wage agreement. */
import { ZWageDataSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatAmount, formatDate, itemLabel } from '../format.js'
import { S } from '../layout/kit.js'
import { header } from './common.js'

function change(prev: number | null, cur: number | null, unit: string): string {
  if (prev === null || cur === null) return '—'
  if (unit === '%') {
    const d = cur - prev
    return `${d >= 0 ? '+' : ''}${Number(d.toFixed(2))}个百分点`
  }
  if (prev === 0) return '—'
  const p = ((cur - prev) / prev) * 100
  return `${p >= 0 ? '+' : ''}${p.toFixed(2)}%`
}

export const wageDataDocument = defineDocument({
  kind: 'wageData',
  schema: ZWageDataSchema,
  names: { zh: '工资数据表', en: 'Wage Data' },
  title: (d) => ({ zh: `${d.year}年度工资集体协商数据表`, en: `Wage Data for the ${d.year} Negotiation` }),
  author: (d) => d.enterprise.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.field('企业名称：', d.enterprise.name, { indent: 0 })
    kit.field('统一社会信用代码：', d.enterprise.creditCode, { indent: 0, after: 6 })
    kit.heading(`${itemLabel(1)}主要工资数据`)
    kit.table(
      [
        { header: '序号', width: 0.8, align: 'center' },
        { header: '项目', width: 2.9 },
        { header: '单位', width: 1.1, align: 'center' },
        { header: '上年度', width: 1.3, align: 'right' },
        { header: '本年度', width: 1.3, align: 'right' },
        { header: '增减', width: 1.9, align: 'right' },
        { header: '备注', width: 1.3 },
      ],
      d.rows.map((r, i) => [
        String(i + 1),
        r.label,
        r.unit,
        r.previous === null ? '—' : formatAmount(r.previous, r.decimals),
        r.current === null ? '—' : formatAmount(r.current, r.decimals),
        change(r.previous, r.current, r.unit),
        r.note ?? '',
      ]),
    )
    kit.paragraph('注：本表数据由企业提供，企业对数据的真实性负责（《工资集体协商试行办法》第十八条）。', { style: S.small, indent: 0 })
    if (d.factors.length) {
      kit.heading(`${itemLabel(2)}确定工资水平参考的因素（《工资集体协商试行办法》第八条）`)
      for (const f of d.factors) kit.paragraph(f)
    }
    kit.signatureColumns([[{ label: '填报人：', value: d.preparedBy }], [{ label: '填报日期：', value: formatDate(d.preparedDate) }]])
    kit.sealBlock([`${d.enterprise.name}（盖章）`])
  },
})

export const renderWageData = wageDataDocument.render

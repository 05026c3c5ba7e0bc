/**
 * The costing of a proposal (workflows/proposals/costing.ts) as document tables: the monthly wage per group, the
 * yearly payroll (groups, allowances, bonus pools, total) and the comparison with the CPI, the wage guideline and
 * the minimum wage (GZ 8 (3)-(4); LCL 55). Shared by the 协商准备材料 and the 情况说明 of the filing package
 * (src/effects/document-data) and by their sample documents (./sample-costing.ts), so a sample cannot show a layout
 * the real documents do not print.
 */
import type { TDataTable } from './types.js'
import type { TBilingual } from '../../workflows/proposals/clauses.js'
import { costingTables, type TCosting, type TTable, type TTableColumn } from '../../workflows/proposals/costing.js'

/** A costing column's title with its unit: 调整前月平均工资（元） / Monthly wage before (yuan); headcount without. */
export const columnTitle = (c: TTableColumn): TBilingual =>
  c.unit && c.unit.zh !== '人' ? { zh: `${c.title.zh}（${c.unit.zh}）`, en: `${c.title.en} (${c.unit.en})` } : c.title

/** The cells of `row` under the columns `keys` of a costing table (`label` is the row's label). */
export function cellsUnder(t: TTable, row: TTable['rows'][number], keys: readonly string[]): TBilingual[] {
  return keys.map((k) => (k === 'label' ? row.label : (row.cells[t.columns.findIndex((c) => c.key === k) - 1] ?? { zh: '', en: '' })))
}

/** Columns `keys` of a costing table, with relative `widths`. */
function pickColumns(t: TTable, keys: readonly string[], widths: readonly number[]): TDataTable['columns'] {
  return keys.map((k, i) => {
    const c = t.columns.find((x) => x.key === k)!
    return { header: columnTitle(c).zh, width: widths[i]!, align: c.align }
  })
}

const cellsOf = (t: TTable, row: TTable['rows'][number], keys: readonly string[]): string[] => cellsUnder(t, row, keys).map((c) => c.zh)

/** The three tables of a costing and its flags (LCL 55 first), in Chinese. */
export function costingDocument(costing: TCosting): { tables: TDataTable[]; flags: string[] } {
  const { payroll, comparison } = costingTables(costing)
  const monthlyKeys = ['label', 'headcount', 'beforeMonthly', 'afterMonthly', 'monthlyIncrease', 'increase']
  const yearlyKeys = ['label', 'beforeYearly', 'afterYearly', 'yearlyIncrease', 'increase']
  const monthlyRows = payroll.rows.filter((r) => r.kind === 'group' || r.kind === 'total')
  const monthly: TDataTable = {
    title: '（1）各类职工月平均工资测算',
    columns: pickColumns(payroll, monthlyKeys, [2.2, 0.9, 1.6, 1.6, 1.5, 1.1]),
    rows: monthlyRows.map((r) => ({ cells: cellsOf(payroll, r, monthlyKeys), total: r.kind === 'total' })),
    notes: [],
  }
  const yearly: TDataTable = {
    title: '（2）年度工资总额测算',
    columns: pickColumns(payroll, yearlyKeys, [2.2, 2, 2, 1.8, 1.1]),
    rows: payroll.rows.map((r) => ({ cells: cellsOf(payroll, r, yearlyKeys), total: r.kind === 'total' })),
    notes: payroll.notes.map((n) => n.zh),
  }
  const compare: TDataTable = {
    title: '（3）与消费价格指数、工资指导线和最低工资标准的比较',
    columns: [
      { header: '项目', width: 1.9, align: 'left' },
      { header: '数值', width: 1.7, align: 'right' },
      { header: '年度', width: 0.7, align: 'center' },
      { header: '来源', width: 2.5, align: 'left' },
      { header: '比较', width: 2, align: 'left' },
    ],
    rows: comparison.rows.map((r) => ({ cells: [r.label.zh, ...r.cells.map((c) => c.zh)], total: false })),
    notes: [],
  }
  const order = (severity: string) => (severity === 'illegal' ? 0 : 1)
  // LCL 55 messages name their article; the GZ 8 factors are cited here.
  const cite = (article: string) => (article.startsWith('GZ 8') ? `（《工资集体协商试行办法》第八条）` : '')
  const flags = [...costing.flags]
    .sort((a, b) => order(a.severity) - order(b.severity))
    .map((f) => `${f.severity === 'illegal' ? '【低于法定标准】' : '【提示】'}${f.message.zh.replace(/。$/, '')}${cite(f.article)}。`)
  return { tables: [monthly, yearly, compare], flags }
}

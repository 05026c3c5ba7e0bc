/**
 * Issue 10 in the documents: the 协商准备材料 built from the walked case (figures with source and year, the survey,
 * each side's latest proposal costed), and the 情况说明 of the filing package with the costing of the agreed wage
 * clauses, hand-computed here and read back from the PDFs.
 */
import { describe, expect, it } from 'vitest'
import { planDocument } from '../../src/effects/document-data/index.js'
import { preparationBriefData } from '../../src/effects/document-data/preparation.js'
import { filingPackageData } from '../../src/effects/document-data/filing-package.js'
import { caseSources } from '../../src/effects/document-data/sources.js'
import { MissingCaseFactsError } from '../../src/effects/errors.js'
import { renderCaseDocument } from '../../src/effects/render-document.js'
import { negotiationMachine } from '../../workflows/negotiation/machine.js'
import { pdfPages, squash, writePdf } from '../documents/pdf-tools.js'
import { walkSources } from '../support/case-walk.js'

/** The walk with two groups of employees, a CPI and a worker survey added to its preparation. */
function withGroups(opts: Parameters<typeof walkSources>[0] = {}) {
  const base = walkSources(opts)
  const log = base.log.map((e) => {
    if (e.type === 'preparation.figuresRecorded') {
      const p = e.payload as { enterprise: Record<string, unknown>; regional: Record<string, unknown> }
      return {
        ...e,
        payload: {
          ...p,
          enterprise: {
            ...p.enterprise,
            groups: {
              value: [
                { id: 'production', name: '一线生产职工', headcount: 100, averageMonthlyWageFen: 481_234 },
                { id: 'office', name: '管理和技术人员', headcount: 20, averageMonthlyWageFen: 800_000 },
              ],
              year: 2025,
              source: '2025年度工资台账',
            },
          },
          regional: { ...p.regional, urbanCpi: { value: 200, year: 2025, source: '广州市统计局' } },
        },
      }
    }
    return e
  })
  return { ...caseSources({ machine: negotiationMachine }, { ...base, log }), seqs: base.seqs }
}

describe('协商准备材料 (preparationBrief) from the case', () => {
  it('reports the figures with year and source and costs each side’s latest proposal', () => {
    const s = withGroups({ until: 'rounds' })
    const at = s.seqs['round.held:2']!
    const d = preparationBriefData(s, at)
    expect(d.asOf).toBe('截至第2次协商会议（2026年6月3日）')
    expect(d.documentDate).toBe('2026-06-03')
    expect(d.enterpriseFigures).toContainEqual({ label: '上年度职工月平均工资', value: '6,842.50元', year: 2025, source: '2025年度财务决算报表' })
    expect(d.regionalFigures).toContainEqual({ label: '当地最低工资标准（月）', value: '2,300.00元', year: 2026, source: '广东省人民政府关于调整全省最低工资标准的通知' })
    expect(d.regionalFigures).toContainEqual({ label: '城镇居民消费价格指数涨幅', value: '2.0%', year: 2025, source: '广州市统计局' })
    expect(d.groups!.rows.at(-1)!.cells).toEqual(['合计', '', '120', ''])
    expect(d.proposals!.map((p) => p.heading)).toEqual(['职工方方案', '企业方方案', '已商定的条款'])
    const worker = d.proposals![0]!
    expect(worker.clauses).toEqual([
      { label: '平均工资增幅', value: '8.0%', since: '第1次' },
      { label: '津贴（夜班津贴）', value: '45元/月（上夜班（22时至次日6时）的职工）', since: '第1次' },
    ])
    // 481,234 × 1.08 = 519,732.72 → 519,733 fen (half up); 800,000 × 1.08 = 864,000; the night allowance 45 × 120 × 12.
    const yearly = worker.tables![1]!
    expect(yearly.rows[0]!.cells).toEqual(['一线生产职工', '5,774,808.00', '6,236,796.00', '461,988.00', '8.00%'])
    expect(yearly.rows.find((r) => r.cells[0] === '津贴：夜班津贴')!.cells[3]).toBe('64,800.00')
    // (6,236,796 + 2,073,600 + 64,800) − (5,774,808 + 1,920,000) = 680,388 yuan on 7,694,808 = 8.84%.
    expect(yearly.rows.at(-1)).toEqual({ cells: ['合计', '7,694,808.00', '8,375,196.00', '680,388.00', '8.84%'], total: true })
    expect(worker.flags).toEqual([])
    // The agreed clauses so far (pay day, payment method) change no payroll: listed, not costed.
    expect(d.proposals![2]!.tables).toEqual([])
    expect(d.proposals![2]!.flags).toEqual(['以上条款不涉及工资增幅、津贴或奖金，不作工资总额测算。'])
    expect(planDocument(s, 'preparationBrief', at).title).toBe('协商准备材料（截至第2次协商会议（2026年6月3日））')
  })

  it('flags a proposal below the CPI and the guideline baseline', () => {
    const s = withGroups({ until: 'rounds' })
    const employer = preparationBriefData(s, s.seqs['round.held:2']!).proposals![1]!
    // 5.0% on the groups: real increase 1.05 / 1.02 − 1 = 2.94%; below the 6.5% baseline (no band given).
    expect(employer.tables![2]!.rows.map((r) => r.cells[0])).toEqual(['工资总额增幅', '城镇居民消费价格指数涨幅', '工资指导线', '当地最低工资标准（月）'])
    expect(employer.tables![2]!.rows[1]!.cells.at(-1)).toBe('实际工资增幅2.94%')
    expect(employer.tables![2]!.rows[2]!.cells.at(-1)).toBe('在指导线区间内，低于基准线')
  })

  it('before the rounds it reports the preparation only; with nothing recorded it names what is missing', async () => {
    const s = withGroups({ until: 'prepared' })
    const d = preparationBriefData(s, s.seqs['meeting.scheduled']!)
    expect(d.asOf).toBe('首次协商会议前')
    expect(d.proposals).toEqual([])
    const bare = walkSources({ until: 'teams' })
    const error = (() => {
      try {
        preparationBriefData(bare, bare.seqs['recorder.appointed']!)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(MissingCaseFactsError)
    expect((error as MissingCaseFactsError).missing.map((m) => m.field)).toEqual(['preparation.figures'])
    const pdf = await renderCaseDocument(s, 'preparationBrief', s.seqs['meeting.scheduled']!)
    const text = squash(pdfPages(writePdf('brief-before-rounds', pdf.bytes)).join(''))
    expect(text).toContain('材料范围：首次协商会议前')
    expect(text).toContain('双方尚未提出结构化的方案。')
  })
})

describe('情况说明 of the filing package with the costing of the agreed wage clauses', () => {
  it('costs the agreed 6.5%, the enterprise minimum and the night allowance, and compares them (hand-computed)', async () => {
    const s = withGroups()
    const at = s.seqs['agreement.filed']!
    const { data } = filingPackageData(s, at)
    const report = data.parts.find((p) => p.kind === 'situationReport')!.data as {
      sections: { heading: string; paragraphs: string[]; tables?: { rows: { cells: string[] }[] }[] }[]
    }
    expect(report.sections.map((x) => x.heading)).toEqual(['协商的发起和准备', '协商过程', '工资调整的测算和参考因素', '审议和签订情况'])
    const costing = report.sections[2]!
    // 481,234 × 1.065 = 512,514.21 → 512,514 fen; 800,000 × 1.065 = 852,000; night allowance 42 × 120 × 12 = 60,480.
    // Before 5,774,808 + 1,920,000 = 7,694,808; after 6,150,168 + 2,044,800 + 60,480 = 8,255,448; +560,640 = 7.29%.
    expect(costing.paragraphs[0]).toBe(
      '双方商定的工资调整方案涉及职工120人，年工资总额由7,694,808元增至8,255,448元，增加560,640元，增幅7.29%；人均月工资由5,343.62元增至5,732.95元。',
    )
    // Real increase: 8,255,448 / (7,694,808 × 1.02) − 1 = 5.18%.
    expect(costing.paragraphs[1]).toBe('2025年城镇居民消费价格指数上涨2.0%（广州市统计局），扣除物价因素后实际增幅5.18%。')
    expect(costing.paragraphs.join('')).toContain('当地最低工资标准为每月2,300元（广东省人民政府关于调整全省最低工资标准的通知），企业最低工资为每月2,350元。')
    expect(costing.tables!.map((t) => t.rows.length)).toEqual([3, 4, 5])
    const pdf = await renderCaseDocument(s, 'filingPackage', at)
    const text = squash(pdfPages(writePdf('filing-with-costing', pdf.bytes)).join(''))
    expect(text).toContain('三、工资调整的测算和参考因素')
    expect(text).toContain('合计7,694,808.008,255,448.00560,640.007.29%')
    expect(text).toContain('一线生产职工1004,812.345,125.14312.806.50%')
  })

  it('without the groups it says no costing table is attached instead of inventing one', () => {
    const s = walkSources()
    const { data } = filingPackageData(s, s.seqs['agreement.filed']!)
    const report = data.parts.find((p) => p.kind === 'situationReport')!.data as { sections: { heading: string; paragraphs: string[] }[] }
    const section = report.sections.find((x) => x.heading === '工资调整的测算和参考因素')!
    expect(section.paragraphs[0]).toContain('本说明未附工资调整测算表')
  })
})

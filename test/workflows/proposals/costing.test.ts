/**
 * Costing arithmetic on hand-computed cases (the computation is written next to each expected number), the
 * minimum-wage flags (LCL 55), the guideline band and the CPI comparison; then fast-check properties: the cost is
 * monotone in the increase, totals are the sum of their parts, and nothing drifts from an exact BigInt reference.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TClause } from '../../../workflows/proposals/clauses.js'
import { costingSummary, costingTables, costProposal } from '../../../workflows/proposals/costing.js'
import { changeInBasisPoints, divHalfUp, percent, percentFixed, raiseByBasisPoints, yuan, yuanFixed } from '../../../workflows/proposals/money.js'
import type { TEmployeeGroup, TPreparationFigures, TRegionalFigures } from '../../../workflows/proposals/preparation.js'
import * as gz from './guangzhou.js'

const figuresOf = (groups: TEmployeeGroup[], extra: Partial<TPreparationFigures['enterprise']> = {}, regional: TRegionalFigures = {}): TPreparationFigures => ({
  enterprise: { groups: { value: groups, year: 2025, source: '工资台账' }, ...extra },
  regional,
})
const group = (id: string, headcount: number, averageMonthlyWageFen: number): TEmployeeGroup => ({ id, name: id, headcount, averageMonthlyWageFen })
const avg = (basisPoints: number): TClause => ({ kind: 'averageWageIncrease', basisPoints })

describe('integer money helpers', () => {
  it('round half up to the fen, format yuan and percentages', () => {
    expect(divHalfUp(5n, 2n)).toBe(3n) // 2.5 → 3
    expect(divHalfUp(-5n, 2n)).toBe(-2n) // −2.5 → −2 (half up = towards +∞)
    expect(divHalfUp(7n, 3n)).toBe(2n) // 2.33 → 2
    expect(raiseByBasisPoints(300_100, 50)).toBe(301_601) // 300,100 × 1.005 = 301,600.5 → 301,601 (exactly half: up)
    expect(raiseByBasisPoints(10_001, 50)).toBe(10_051) // 10,001 × 1.005 = 10,051.005 → 10,051
    expect(changeInBasisPoints(3, 4)).toBe(3_333) // 1/3 = 33.333% → 3,333 bp
    expect(changeInBasisPoints(0, 4)).toBeNull()
    expect(yuanFixed(260_000)).toBe('2,600.00')
    expect(yuanFixed(-5)).toBe('-0.05')
    expect(yuan(260_000)).toBe('2,600')
    expect(yuan(12_345)).toBe('123.45')
    expect(yuan(123_456_789_012)).toBe('1,234,567,890.12')
    expect([percent(800), percent(650), percent(625), percent(-20), percent(0)]).toEqual(['8.0%', '6.5%', '6.25%', '-0.2%', '0.0%'])
    expect(percentFixed(650)).toBe('6.50%')
  })
})

describe('costing on hand-computed cases', () => {
  it('rounds each employee\'s monthly wage half up to the fen, then multiplies', () => {
    const c = costProposal([avg(650)], figuresOf([group('a', 3, 333_333)]))
    expect(c.groups[0]).toMatchObject({
      // 333,333 × 1.065 = 354,999.6645 → 355,000
      wageAfterMonthlyFen: 355_000,
      // 333,333 × 3 × 12 = 11,999,988
      beforeYearlyFen: 11_999_988,
      // 355,000 × 3 × 12 = 12,780,000
      afterYearlyFen: 12_780_000,
      // 12,780,000 − 11,999,988 = 780,012
      increaseYearlyFen: 780_012,
      // 780,012 / 11,999,988 = 6.50011% → 650 bp
      increaseBasisPoints: 650,
      rule: 'averageIncrease',
      raisedToMinimum: false,
    })
    // Exactly half a fen rounds up: 300,100 × 1.005 = 301,600.5 → 301,601; × 2 × 12 = 7,238,424.
    const half = costProposal([avg(50)], figuresOf([group('a', 2, 300_100)]))
    expect(half.groups[0]!.wageAfterMonthlyFen).toBe(301_601)
    expect(half.totals.afterYearlyFen).toBe(7_238_424)
    // Not 301,600.5 × 24 = 7,238,412: rounding happens per employee per month, before multiplying.
    expect(half.totals.afterYearlyFen).not.toBe(7_238_412)
  })

  it('group increases override the average; the enterprise minimum lifts those below it', () => {
    const clauses: TClause[] = [
      avg(300),
      { kind: 'enterpriseMinimumWage', fenPerMonth: 260_000 },
      { kind: 'groupIncrease', group: 'b', increase: { type: 'fenPerMonth', fenPerMonth: 20_000 } },
      { kind: 'groupIncrease', group: 'c', groupName: '技术岗位', increase: { type: 'basisPoints', basisPoints: 500 } },
    ]
    const c = costProposal(clauses, figuresOf([group('a', 10, 250_000), group('b', 5, 400_000), group('c', 5, 500_000)]))
    expect(c.groups.map((g) => [g.id, g.wageAfterMonthlyFen, g.rule, g.raisedToMinimum])).toEqual([
      // 250,000 × 1.03 = 257,500 < 260,000 → 260,000
      ['a', 260_000, 'averageIncrease', true],
      // 400,000 + 20,000 = 420,000 (the group's own fixed increase, not 3%)
      ['b', 420_000, 'groupIncrease', false],
      // 500,000 × 1.05 = 525,000
      ['c', 525_000, 'groupIncrease', false],
    ])
    expect(c.totals).toMatchObject({
      headcount: 20,
      // 10×250,000×12 + 5×400,000×12 + 5×500,000×12 = 30,000,000 + 24,000,000 + 30,000,000
      beforeYearlyFen: 84_000_000,
      // 10×260,000×12 + 5×420,000×12 + 5×525,000×12 = 31,200,000 + 25,200,000 + 31,500,000
      afterYearlyFen: 87_900_000,
      increaseYearlyFen: 3_900_000,
      // 3,900,000 / 84,000,000 = 4.642857% → 464 bp
      increaseBasisPoints: 464,
      // (2,500,000 + 2,000,000 + 2,500,000) / 20 = 350,000
      averageMonthlyBeforeFen: 350_000,
      // (2,600,000 + 2,100,000 + 2,625,000) / 20 = 366,250
      averageMonthlyAfterFen: 366_250,
    })
  })

  it('allowances are costed as the change on the current ones; bonus pools per year; what cannot be costed is listed', () => {
    const clauses: TClause[] = [
      { kind: 'allowance', name: '高温津贴', fenPerMonth: 30_000, eligible: '全体职工', appliesTo: 'all' },
      { kind: 'allowance', name: '交通补贴', fenPerMonth: 20_000, eligible: '管理岗位', appliesTo: { groups: ['b'] } },
      { kind: 'bonus', name: '年终奖', rule: '按绩效考核发放', pool: { type: 'profitShare', basisPoints: 500 } },
      { kind: 'bonus', name: '创新奖', rule: '另行制定办法' },
      { kind: 'overtimeBasis', basis: { type: 'standardWage' } },
      { kind: 'groupIncrease', group: 'nobody', increase: { type: 'basisPoints', basisPoints: 100 } },
    ]
    const figures = figuresOf([group('a', 10, 500_000), group('b', 10, 600_000)], {
      profitFen: { value: 12_345_678_901, year: 2025, source: '决算' },
      currentAllowances: { value: [{ name: '高温津贴', fenPerMonth: 15_000, appliesTo: { groups: ['a'] } }], year: 2025, source: '制度' },
      currentBonusPools: {
        value: [
          { name: '年终奖', yearlyFen: 500_000_000 },
          { name: '安全奖', yearlyFen: 1_000_000 },
        ],
        year: 2025,
        source: '决算',
      },
    })
    const c = costProposal(clauses, figures)
    expect(c.groups.map((g) => [g.id, g.allowanceChangeMonthlyFen, g.afterMonthlyFen])).toEqual([
      // a: 高温津贴 30,000 − 15,000 already paid = +15,000 → 515,000
      ['a', 15_000, 515_000],
      // b: 高温津贴 +30,000 (new for b) and 交通补贴 +20,000 → 650,000
      ['b', 50_000, 650_000],
    ])
    expect(c.bonusPools).toEqual([
      // 12,345,678,901 × 5% = 617,283,945.05 → 617,283,945; last year 500,000,000
      { key: 'bonus:年终奖', name: '年终奖', beforeYearlyFen: 500_000_000, afterYearlyFen: 617_283_945, increaseYearlyFen: 117_283_945, basis: 'profitShare' },
      { key: 'bonus:安全奖', name: '安全奖', beforeYearlyFen: 1_000_000, afterYearlyFen: 1_000_000, increaseYearlyFen: 0, basis: 'unchanged' },
    ])
    expect(c.totals).toMatchObject({
      // 10×500,000×12 + 10×600,000×12 + 500,000,000 + 1,000,000 = 60,000,000 + 72,000,000 + 501,000,000
      beforeYearlyFen: 633_000_000,
      // 10×515,000×12 + 10×650,000×12 + 617,283,945 + 1,000,000 = 61,800,000 + 78,000,000 + 618,283,945
      afterYearlyFen: 758_083_945,
      increaseYearlyFen: 125_083_945,
      // 125,083,945 / 633,000,000 = 19.7605% → 1,976 bp
      increaseBasisPoints: 1_976,
    })
    expect(c.notCosted.map((n) => n.key)).toEqual(['groupIncrease:nobody', 'bonus:创新奖', 'overtimeBasis'])
  })

  it('the Guangzhou positions: worker 8.0% / employer 4.0% at round 1, agreed 6.5% with the night-shift allowance', () => {
    const figures: TPreparationFigures = { enterprise: gz.enterpriseFigures(), regional: gz.regionalFigures }
    const worker = costProposal([gz.avg(800), gz.minimum(280_000), gz.nightShift(30_000)], figures)
    expect(worker.groups.map((g) => g.wageAfterMonthlyFen)).toEqual([
      519_733, // 481,234 × 1.08 = 519,732.72 → 519,733
      793_859, // 735,055 × 1.08 = 793,859.40 → 793,859
      985_608, // 912,600 × 1.08 = 985,608
      294_966, // 273,117 × 1.08 = 294,966.36 → 294,966
    ])
    expect(worker.allowanceLines).toEqual([
      // 120 × (300 − 200) yuan × 12 = 14,400,000 fen
      { key: 'allowance:夜班津贴', name: '夜班津贴', headcount: 120, fenPerMonth: 30_000, increaseYearlyFen: 14_400_000 },
    ])
    expect(worker.totals).toMatchObject({
      // 519,733×3,120 + 793,859×840 + 985,608×480 + 294,966×600 = 2,938,479,960; + 14,400,000
      afterYearlyFen: 2_952_879_960,
      // 232,065,480 / 2,720,814,480 = 8.5293% → 853 bp
      increaseBasisPoints: 853,
    })
    // 853 bp is above the illustrative upper line of 7.5%.
    expect(worker.guideline).toMatchObject({ band: 'aboveUpper', comparedToBaseline: 'above' })
    expect(worker.flags.map((f) => [f.code, f.severity, f.article])).toEqual([['ABOVE_GUIDELINE_UPPER', 'advisory', 'GZ 8(3)']])

    const employer = costProposal([gz.avg(400), gz.minimum(255_000), gz.payDay], figures)
    expect(employer.groups.map((g) => g.wageAfterMonthlyFen)).toEqual([
      500_483, // 481,234 × 1.04 = 500,483.36 → 500,483
      764_457, // 735,055 × 1.04 = 764,457.20 → 764,457
      949_104, // 912,600 × 1.04 = 949,104
      284_042, // 273,117 × 1.04 = 284,041.68 → 284,042
    ])
    expect(employer.totals).toMatchObject({
      // 500,483×3,120 + 764,457×840 + 949,104×480 + 284,042×600
      afterYearlyFen: 2_829_645_960,
      // 108,831,480 / 2,720,814,480 = 3.99996% → 400 bp
      increaseBasisPoints: 400,
    })
    expect(employer.guideline).toMatchObject({ band: 'withinBand', comparedToBaseline: 'below' })

    const agreed = costProposal(gz.agreedAfterRound4, figures)
    expect(agreed.groups.map((g) => [g.wageAfterMonthlyFen, g.afterYearlyFen])).toEqual([
      [512_514, 1_599_043_680], // 481,234 × 1.065 = 512,514.21 → 512,514; × 260 × 12
      [782_834, 657_580_560], // 735,055 × 1.065 = 782,833.575 → 782,834; × 70 × 12
      [971_919, 466_521_120], // 912,600 × 1.065 = 971,919; × 40 × 12
      [290_870, 174_522_000], // 273,117 × 1.065 = 290,869.605 → 290,870; × 50 × 12
    ])
    // CPI +0.2%: 2,904,867,360 / (2,720,814,480 × 1.002) − 1 = 6.5515% → 655 bp real; 676 − 20 = 656 bp.
    expect(agreed.cpi).toMatchObject({ basisPoints: 20, realIncreaseBasisPoints: 655, differenceBasisPoints: 656 })
    expect(agreed.minimumWage).toEqual({
      fenPerMonth: 250_000,
      year: 2025,
      source: gz.regionalFigures.minimumWage!.source,
      note: '第一类地区',
      enterpriseMinimumFen: 260_000,
      lowestGroupWageFen: 290_870,
    })
    expect(agreed.notCosted).toEqual([])
  })
})

describe('comparisons: minimum wage (LCL 55), guideline band (GZ 8(3)), CPI (GZ 8(4))', () => {
  const minimumWage = { value: 250_000, year: 2025, source: '广东省最低工资标准通知' }

  it('flags an enterprise minimum below the local minimum wage, citing LCL 55 and the local rule', () => {
    const c = costProposal([{ kind: 'enterpriseMinimumWage', fenPerMonth: 240_000 }], figuresOf([group('a', 5, 300_000)], {}, { minimumWage }))
    expect(c.flags).toEqual([
      {
        code: 'ENTERPRISE_MINIMUM_BELOW_MINIMUM_WAGE',
        severity: 'illegal',
        article: 'LCL 55',
        localRule: '广东省最低工资标准通知',
        message: {
          zh: '企业最低工资2,400元/月低于当地最低工资标准2,500元/月（劳动合同法第五十五条；广东省最低工资标准通知）。',
          en: 'The enterprise minimum wage of 2,400 yuan per month is below the local minimum wage of 2,500 yuan (LCL 55; 广东省最低工资标准通知).',
        },
      },
    ])
    expect(costingTables(c).comparison.rows.map((r) => r.cells[3]!.zh)).toEqual(['', '低于最低工资标准（劳动合同法第五十五条）', '低于当地标准100元'])
  })

  it('flags a group whose proposed wage stays below the minimum wage; an enterprise minimum at or above it clears the flag', () => {
    const figures = figuresOf([group('apprentice', 4, 240_000), group('b', 6, 400_000)], {}, { minimumWage })
    // 240,000 × 1.03 = 247,200 < 250,000
    const low = costProposal([avg(300)], figures)
    expect(low.flags.map((f) => [f.code, f.group, f.article])).toEqual([['GROUP_WAGE_BELOW_MINIMUM_WAGE', 'apprentice', 'LCL 55']])
    expect(low.minimumWage!.lowestGroupWageFen).toBe(247_200)
    // 250,000 exactly is not below (LCL 55: "不得低于").
    const lifted = costProposal([avg(300), { kind: 'enterpriseMinimumWage', fenPerMonth: 250_000 }], figures)
    expect(lifted.flags).toEqual([])
    expect(lifted.groups[0]).toMatchObject({ wageAfterMonthlyFen: 250_000, raisedToMinimum: true })
  })

  it('places the payroll increase in the guideline band, inclusive at both lines', () => {
    const wageGuideline = { value: { baselineBasisPoints: 600, upperBasisPoints: 900, lowerBasisPoints: 300 }, year: 2025, source: '指导线' }
    const bandOf = (bp: number) => {
      const c = costProposal([avg(bp)], figuresOf([group('a', 1, 1_000_000)], {}, { wageGuideline }))
      return [c.totals.increaseBasisPoints, c.guideline!.band, c.guideline!.comparedToBaseline, c.flags.map((f) => f.code)]
    }
    expect(bandOf(200)).toEqual([200, 'belowLower', 'below', ['BELOW_GUIDELINE_LOWER']])
    expect(bandOf(300)).toEqual([300, 'withinBand', 'below', []])
    expect(bandOf(600)).toEqual([600, 'withinBand', 'at', []])
    expect(bandOf(900)).toEqual([900, 'withinBand', 'above', []])
    expect(bandOf(950)).toEqual([950, 'aboveUpper', 'above', ['ABOVE_GUIDELINE_UPPER']])
  })

  it('computes the real increase against the urban CPI and flags a real decrease', () => {
    const urbanCpi = (value: number) => ({ value, year: 2025, source: '统计公报' })
    // (1.065 / 1.02) − 1 = 4.4118% → 441 bp
    const up = costProposal([avg(650)], figuresOf([group('a', 1, 1_000_000)], {}, { urbanCpi: urbanCpi(200) }))
    expect(up.cpi).toMatchObject({ realIncreaseBasisPoints: 441, differenceBasisPoints: 450 })
    expect(up.flags).toEqual([])
    // (1.01 / 1.025) − 1 = −1.4634% → −146 bp
    const down = costProposal([avg(100)], figuresOf([group('a', 1, 1_000_000)], {}, { urbanCpi: urbanCpi(250) }))
    expect(down.cpi).toMatchObject({ realIncreaseBasisPoints: -146, differenceBasisPoints: -150 })
    expect(down.flags.map((f) => [f.code, f.article])).toEqual([['REAL_WAGE_DECREASE', 'GZ 8(4)']])
  })

  it('renders the tables and summary paragraphs for the documents', () => {
    const c = costProposal(gz.agreedAfterRound4, { enterprise: gz.enterpriseFigures(), regional: gz.regionalFigures })
    const { payroll, comparison } = costingTables(c)
    expect(payroll.columns).toHaveLength(9)
    expect(payroll.rows.map((r) => [r.kind, r.label.zh, r.cells.length])).toEqual([
      ['group', '一线生产职工', 8],
      ['group', '技术人员', 8],
      ['group', '管理人员', 8],
      ['group', '辅助岗位职工', 8],
      ['allowance', '津贴：夜班津贴', 8],
      ['total', '合计', 8],
    ])
    expect(payroll.rows[0]!.cells.map((x) => x.zh)).toEqual([
      '260',
      '4,812.34',
      '5,125.14',
      '312.80',
      '6.50%',
      '15,014,500.80',
      '15,990,436.80',
      '975,936.00',
    ])
    expect(payroll.rows.at(-1)!.cells.map((x) => x.zh)).toEqual([
      '420',
      '5,398.44',
      '5,763.63',
      '365.19',
      '6.76%',
      '27,208,144.80',
      '29,048,673.60',
      '1,840,528.80',
    ])
    expect(payroll.notes[0]).toEqual(c.rounding)
    expect(comparison.rows.map((r) => r.label.zh)).toEqual(['工资总额增幅', '城镇居民消费价格指数涨幅', '工资指导线', '当地最低工资标准（月）', '企业最低工资（月）'])
    const summary = costingSummary(c, { zh: '协议方案', en: 'The agreed proposal' })
    expect(summary.zh[0]).toBe(
      '协议方案涉及职工420人，年工资总额由27,208,144.80元增至29,048,673.60元，增加1,840,528.80元，增幅6.76%；人均月工资由5,398.44元增至5,763.63元。',
    )
    expect(summary.en.at(-1)).toBe(c.rounding.en)
  })

  it('refuses to cost without the enterprise groups', () => {
    expect(() => costProposal([avg(500)], { enterprise: {}, regional: {} })).toThrow(RangeError)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

const arbGroups = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5', 'g6'),
      headcount: fc.integer({ min: 0, max: 100_000 }),
      averageMonthlyWageFen: fc.integer({ min: 0, max: 100_000_000 }),
    }),
    { minLength: 1, maxLength: 6, selector: (g) => g.id },
  )
  .map((gs) => gs.map((g) => ({ ...g, name: g.id })))

/** The exact reference: BigInt only, rounding half up per employee per month, no floats anywhere. */
function reference(groups: TEmployeeGroup[], bp: number, minimumFen?: number): { wages: bigint[]; total: bigint; before: bigint } {
  const wages = groups.map((g) => {
    const raised = (BigInt(g.averageMonthlyWageFen) * BigInt(10_000 + bp) * 2n + 10_000n) / 20_000n
    return minimumFen !== undefined && g.headcount > 0 && raised < BigInt(minimumFen) ? BigInt(minimumFen) : raised
  })
  const total = groups.reduce((s, g, i) => s + wages[i]! * BigInt(g.headcount) * 12n, 0n)
  const before = groups.reduce((s, g) => s + BigInt(g.averageMonthlyWageFen) * BigInt(g.headcount) * 12n, 0n)
  return { wages, total, before }
}

describe('costing properties (fast-check)', () => {
  it('the yearly cost is monotone in the increase', () => {
    fc.assert(
      fc.property(arbGroups, fc.integer({ min: -5_000, max: 10_000 }), fc.integer({ min: -5_000, max: 10_000 }), (groups, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x]
        const a = costProposal([avg(lo)], figuresOf(groups))
        const b = costProposal([avg(hi)], figuresOf(groups))
        expect(a.totals.afterYearlyFen).toBeLessThanOrEqual(b.totals.afterYearlyFen)
        a.groups.forEach((g, i) => expect(g.afterYearlyFen).toBeLessThanOrEqual(b.groups[i]!.afterYearlyFen))
      }),
      { numRuns: 300 },
    )
  })

  it('totals equal the sum of the groups, allowance lines and bonus pools', () => {
    fc.assert(
      fc.property(
        arbGroups,
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (groups, bp, allowance, headcount, pool) => {
          const clauses: TClause[] = [
            avg(bp),
            { kind: 'allowance', name: '夜班津贴', fenPerMonth: allowance, eligible: '夜班', appliesTo: { headcount } },
            { kind: 'allowance', name: '岗位津贴', fenPerMonth: allowance, eligible: '全体', appliesTo: 'all' },
            { kind: 'bonus', name: '年终奖', rule: '绩效', pool: { type: 'amount', fen: pool } },
          ]
          const c = costProposal(clauses, figuresOf(groups))
          const groupsAfter = c.groups.reduce((s, g) => s + g.afterYearlyFen, 0)
          const lines = c.allowanceLines.reduce((s, a) => s + a.increaseYearlyFen, 0)
          const pools = c.bonusPools.reduce((s, b) => s + b.afterYearlyFen, 0)
          expect(c.totals.afterYearlyFen).toBe(groupsAfter + lines + pools)
          expect(c.totals.beforeYearlyFen).toBe(c.groups.reduce((s, g) => s + g.beforeYearlyFen, 0))
          expect(c.totals.increaseYearlyFen).toBe(c.totals.afterYearlyFen - c.totals.beforeYearlyFen)
          expect(c.totals.headcount).toBe(groups.reduce((s, g) => s + g.headcount, 0))
          for (const g of c.groups) expect(g.afterYearlyFen).toBe(g.afterMonthlyFen * g.headcount * 12)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('no float drift: every amount equals the exact BigInt reference and is a safe integer', () => {
    fc.assert(
      fc.property(arbGroups, fc.integer({ min: -5_000, max: 10_000 }), fc.option(fc.integer({ min: 1, max: 100_000_000 }), { nil: undefined }), (groups, bp, minimumFen) => {
        const clauses: TClause[] = [avg(bp), ...(minimumFen !== undefined ? [{ kind: 'enterpriseMinimumWage' as const, fenPerMonth: minimumFen }] : [])]
        const c = costProposal(clauses, figuresOf(groups))
        const ref = reference(groups, bp, minimumFen)
        c.groups.forEach((g, i) => {
          expect(BigInt(g.wageAfterMonthlyFen)).toBe(ref.wages[i])
          if (minimumFen !== undefined && g.headcount > 0) expect(g.wageAfterMonthlyFen).toBeGreaterThanOrEqual(minimumFen)
        })
        expect(BigInt(c.totals.afterYearlyFen)).toBe(ref.total)
        expect(BigInt(c.totals.beforeYearlyFen)).toBe(ref.before)
        for (const n of [c.totals.afterYearlyFen, c.totals.beforeYearlyFen, c.totals.increaseYearlyFen, ...c.groups.map((g) => g.afterYearlyFen)]) {
          expect(Number.isSafeInteger(n)).toBe(true)
        }
        if (ref.before > 0n) {
          // The percentage from the exact sums, rounded half up: floor((2·Δ·10^4 + before) / (2·before)).
          const diff = (ref.total - ref.before) * 10_000n
          const num = 2n * diff + ref.before
          const den = 2n * ref.before
          const floor = num / den - (num % den !== 0n && num < 0n ? 1n : 0n)
          expect(BigInt(c.totals.increaseBasisPoints!)).toBe(floor)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('the largest realistic enterprise (10^6 employees at 1 million yuan a month, +100%) stays exact', () => {
    const groups = [group('all', 1_000_000, 100_000_000)]
    const c = costProposal([avg(10_000)], figuresOf(groups))
    // 10^8 × 2 × 10^6 × 12 = 2.4 × 10^15 < 2^53 − 1
    expect(c.totals.afterYearlyFen).toBe(2_400_000_000_000_000)
    expect(c.totals.beforeYearlyFen).toBe(1_200_000_000_000_000)
    expect(c.totals.increaseBasisPoints).toBe(10_000)
  })
})

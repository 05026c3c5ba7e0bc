/**
 * A Guangzhou manufacturer with 420 workers in 4 groups: the preparation figures and the four rounds of proposals
 * used by the proposals tests and the structured wage-agreement walk (test/workflows/negotiation/path.test.ts).
 *
 * The enterprise figures are invented; the minimum wage is Guangzhou's 2,500 yuan a month (Guangdong's first tier
 * from 1 March 2025); the CPI and wage guideline values are illustrative test data, not the published figures.
 * Guangdong has no rule pack yet (statute.md §(f): no article text found), so the case runs under the national pack.
 */
import type { TClause } from '../../../workflows/proposals/clauses.js'
import type { TEnterpriseFigures, TRegionalFigures } from '../../../workflows/proposals/preparation.js'

export const groups = [
  { id: 'production', name: '一线生产职工', headcount: 260, averageMonthlyWageFen: 481_234 },
  { id: 'technical', name: '技术人员', headcount: 70, averageMonthlyWageFen: 735_055 },
  { id: 'management', name: '管理人员', headcount: 40, averageMonthlyWageFen: 912_600 },
  { id: 'support', name: '辅助岗位职工', headcount: 50, averageMonthlyWageFen: 273_117 },
]

/** The first recording had the support group's wage wrong (270,000 fen); the correction replaces it. */
export const firstGroups = groups.map((g) => (g.id === 'support' ? { ...g, averageMonthlyWageFen: 270_000 } : g))

export const enterpriseFigures = (gs = groups): TEnterpriseFigures => ({
  groups: { value: gs, year: 2025, source: '2025年度工资台账（人力资源部）' },
  lastYearPayrollFen: { value: 2_750_000_000, year: 2025, source: '2025年度财务决算报表' },
  lastYearAverageMonthlyWageFen: { value: 545_635, year: 2025, source: '2025年度财务决算报表' },
  revenueFen: { value: 68_000_000_000, year: 2025, source: '2025年度财务决算报表' },
  profitFen: { value: 4_100_000_000, year: 2025, source: '2025年度财务决算报表' },
  labourProductivityFen: { value: 161_904_762, year: 2025, source: '营业收入 ÷ 平均职工人数', note: '按营业收入计算' },
  currentAllowances: {
    value: [{ name: '夜班津贴', fenPerMonth: 20_000, appliesTo: { headcount: 120 } }],
    year: 2025,
    source: '企业薪酬制度（2024年修订）',
  },
})

export const regionalFigures: TRegionalFigures = {
  minimumWage: {
    value: 250_000,
    year: 2025,
    source: '广东省人民政府关于调整全省最低工资标准的通知（广州市，2025年3月1日起）',
    note: '第一类地区',
  },
  wageGuideline: {
    value: { baselineBasisPoints: 500, upperBasisPoints: 750, lowerBasisPoints: 250 },
    year: 2025,
    source: '广州市企业工资指导线（测试数据）',
  },
  urbanCpi: { value: 20, year: 2025, source: '广州市统计局（测试数据）' },
  regionalAverageWage: { value: 1_250_000, year: 2024, source: '广州市城镇非私营单位在岗职工平均工资（测试数据）' },
  industryAverageWage: { value: { industry: '制造业', fenPerMonth: 820_000 }, year: 2024, source: '广州市统计年鉴（测试数据）' },
  marketWagePrices: {
    value: [{ occupation: '机械加工操作工', lowFen: 420_000, medianFen: 560_000, highFen: 780_000 }],
    year: 2025,
    source: '广州市人力资源市场工资价位（测试数据）',
  },
}

export const avg = (basisPoints: number): TClause => ({ kind: 'averageWageIncrease', basisPoints })
export const minimum = (fenPerMonth: number): TClause => ({ kind: 'enterpriseMinimumWage', fenPerMonth })
export const nightShift = (fenPerMonth: number): TClause => ({
  kind: 'allowance',
  name: '夜班津贴',
  fenPerMonth,
  eligible: '夜班岗位职工',
  appliesTo: { headcount: 120 },
})
export const payDay: TClause = { kind: 'payDay', dayOfMonth: 15 }
export const paymentMethod: TClause = { kind: 'paymentMethod', text: '工资以货币形式按月支付至职工本人银行账户，并提供工资清单。' }
export const term: TClause = { kind: 'term', months: 12, startsOn: '2026-06-01' }
export const changeProcedure: TClause = {
  kind: 'changeProcedure',
  text: '协议期内，一方提出变更或解除的，应书面通知对方，经集体协商一致并按原程序报送。',
}
export const termination: TClause = { kind: 'termination', text: '协议期满或企业依法终止的，本协议终止。' }
export const liability: TClause = { kind: 'liability', text: '一方不履行本协议的，应当承担相应责任；发生争议按照集体合同争议处理程序解决。' }
export const other: TClause = { kind: 'text', id: 'other', item: 'other', chapter: 'other', text: '本协议未尽事宜，依照国家和广东省有关规定执行。' }

/** The structured part of each round (JHR 34): the sides' proposals and the chiefs' summary as clauses. */
export const roundClauses = {
  1: {
    clauseProposals: [
      { side: 'worker' as const, clauses: [avg(800), minimum(280_000), nightShift(30_000)] },
      { side: 'employer' as const, clauses: [avg(400), minimum(255_000), payDay] },
    ],
  },
  2: {
    clauseProposals: [
      { side: 'worker' as const, clauses: [avg(700), minimum(260_000)] },
      { side: 'employer' as const, clauses: [avg(500), minimum(260_000)] },
    ],
    agreedClauses: [minimum(260_000), payDay, paymentMethod],
  },
  3: {
    clauseProposals: [
      { side: 'worker' as const, clauses: [avg(650)] },
      { side: 'employer' as const, clauses: [avg(600), nightShift(25_000)] },
    ],
    agreedClauses: [term, changeProcedure, termination, liability, other],
  },
  4: {
    clauseProposals: [{ side: 'worker' as const, clauses: [nightShift(25_000)] }],
    agreedClauses: [avg(650), nightShift(25_000)],
  },
}

/** Every clause agreed by the end of round 4, in the order first agreed. */
export const agreedAfterRound4: TClause[] = [
  minimum(260_000),
  payDay,
  paymentMethod,
  term,
  changeProcedure,
  termination,
  liability,
  other,
  avg(650),
  nightShift(25_000),
]

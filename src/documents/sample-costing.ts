/**
 * The sample data of issue 10's costing, built as src/effects/document-data builds it: the costing tables, flags and
 * paragraphs are computed from figures and clauses by workflows/proposals/costing.ts and laid out by
 * ./costing-table.ts (the functions the real documents use), not typed by hand; samples.ts adds the common fields.
 *   - `preparationBriefBody`: the 协商准备材料 of the Guangzhou test case (test/workflows/proposals/guangzhou.ts)
 *     after its second round; its CPI, guideline and average-wage figures are marked as test data;
 *   - `situationCostingSection`: the 情况说明's section on the agreed 6.5% (486 employees in three groups, the
 *     night-shift allowance from 300 to 420 yuan for 150 of them), against the sample's own minimum wage,
 *     guideline and CPI.
 */
import type { TCommon, TPreparationBrief, TSituationReport } from './types.js'
import { costingDocument } from './costing-table.js'
import type { TClause } from '../../workflows/proposals/clauses.js'
import { costingSummary, costProposal } from '../../workflows/proposals/costing.js'
import type { TPreparationFigures } from '../../workflows/proposals/preparation.js'

/** The Guangzhou test case's figures that the costing reads (the others are printed in the brief below). */
const guangzhouFigures: TPreparationFigures = {
  enterprise: {
    groups: {
      value: [
        { id: 'production', name: '一线生产职工', headcount: 260, averageMonthlyWageFen: 481_234 },
        { id: 'technical', name: '技术人员', headcount: 70, averageMonthlyWageFen: 735_055 },
        { id: 'management', name: '管理人员', headcount: 40, averageMonthlyWageFen: 912_600 },
        { id: 'support', name: '辅助岗位职工', headcount: 50, averageMonthlyWageFen: 273_117 },
      ],
      year: 2025,
      source: '2025年度工资台账（人力资源部）',
    },
    currentAllowances: {
      value: [{ name: '夜班津贴', fenPerMonth: 20_000, appliesTo: { headcount: 120 } }],
      year: 2025,
      source: '企业薪酬制度（2024年修订）',
    },
  },
  regional: {
    minimumWage: {
      value: 250_000,
      year: 2025,
      source: '广东省人民政府关于调整全省最低工资标准的通知（广州市，2025年3月1日起）',
      note: '第一类地区',
    },
    wageGuideline: { value: { baselineBasisPoints: 500, upperBasisPoints: 750, lowerBasisPoints: 250 }, year: 2025, source: '广州市企业工资指导线（测试数据）' },
    urbanCpi: { value: 20, year: 2025, source: '广州市统计局（测试数据）' },
  },
}

/** Each side's position after round 2 (the clauses listed under its heading below). */
const workerClauses: TClause[] = [
  { kind: 'averageWageIncrease', basisPoints: 700 },
  { kind: 'enterpriseMinimumWage', fenPerMonth: 260_000 },
  { kind: 'allowance', name: '夜班津贴', fenPerMonth: 30_000, eligible: '夜班岗位职工', appliesTo: { headcount: 120 } },
]
const employerClauses: TClause[] = [
  { kind: 'averageWageIncrease', basisPoints: 500 },
  { kind: 'enterpriseMinimumWage', fenPerMonth: 260_000 },
  { kind: 'payDay', dayOfMonth: 15 },
]
const workerCosting = costingDocument(costProposal(workerClauses, guangzhouFigures))
const employerCosting = costingDocument(costProposal(employerClauses, guangzhouFigures))

export const preparationBriefBody: Omit<TPreparationBrief, keyof TCommon> = {
  agreementType: 'wage',
  asOf: '截至第2次协商会议（2026年5月19日）',
  enterpriseFigures: [
    { label: '上年度工资总额', value: '27,500,000.00元', year: 2025, source: '2025年度财务决算报表' },
    { label: '上年度职工月平均工资', value: '5,456.35元', year: 2025, source: '2025年度财务决算报表' },
    { label: '营业收入', value: '680,000,000.00元', year: 2025, source: '2025年度财务决算报表' },
    { label: '利润总额', value: '41,000,000.00元', year: 2025, source: '2025年度财务决算报表' },
    { label: '全员劳动生产率（每人每年）', value: '1,619,047.62元', year: 2025, source: '营业收入 ÷ 平均职工人数', note: '按营业收入计算' },
    { label: '现行津贴：夜班津贴', value: '200元/月（120名职工）', year: 2025, source: '企业薪酬制度（2024年修订）' },
  ],
  groups: {
    title: '职工人数及月平均工资（2025年；来源：2025年度工资台账（人力资源部））',
    columns: [
      { header: '职工类别', width: 2.4, align: 'left' },
      { header: '岗位等级', width: 1.6, align: 'left' },
      { header: '人数', width: 1, align: 'right' },
      { header: '月平均工资（元）', width: 1.8, align: 'right' },
    ],
    rows: [
      { cells: ['一线生产职工', '', '260', '4,812.34'], total: false },
      { cells: ['技术人员', '', '70', '7,350.55'], total: false },
      { cells: ['管理人员', '', '40', '9,126.00'], total: false },
      { cells: ['辅助岗位职工', '', '50', '2,731.17'], total: false },
      { cells: ['合计', '', '420', ''], total: true },
    ],
    notes: [],
  },
  regionalFigures: [
    {
      label: '当地最低工资标准（月）',
      value: '2,500.00元',
      year: 2025,
      source: '广东省人民政府关于调整全省最低工资标准的通知（广州市，2025年3月1日起）',
      note: '第一类地区',
    },
    { label: '企业工资指导线', value: '基准线5.0%，上线7.5%，下线2.5%', year: 2025, source: '广州市企业工资指导线（测试数据）' },
    { label: '城镇居民消费价格指数涨幅', value: '0.2%', year: 2025, source: '广州市统计局（测试数据）' },
    { label: '地区职工月平均工资', value: '12,500.00元', year: 2024, source: '广州市城镇非私营单位在岗职工平均工资（测试数据）' },
    { label: '行业职工月平均工资（制造业）', value: '8,200.00元', year: 2024, source: '广州市统计年鉴（测试数据）' },
  ],
  marketWagePrices: {
    title: '劳动力市场工资指导价位（元/月；2025年；来源：广州市人力资源市场工资价位（测试数据））',
    columns: [
      { header: '职业（工种）', width: 3, align: 'left' },
      { header: '低位数', width: 1.4, align: 'right' },
      { header: '中位数', width: 1.4, align: 'right' },
      { header: '高位数', width: 1.4, align: 'right' },
    ],
    rows: [{ cells: ['机械加工操作工', '4,200.00', '5,600.00', '7,800.00'], total: false }],
    notes: [],
  },
  opinions: [
    {
      side: 'worker',
      collectedDate: '2026-04-28',
      summary: '多数职工关注基本工资增幅和夜班津贴标准。',
      survey: {
        respondents: 336,
        method: '车间座谈会及问卷',
        topics: [{ topic: '平均工资增幅', count: 294 }, { topic: '夜班津贴', count: 126 }, { topic: '高温津贴', count: 88 }],
      },
    },
  ],
  proposals: [
    {
      heading: '职工方方案',
      round: 2,
      clauses: [
        { label: '平均工资增幅', value: '7.0%', since: '第2次' },
        { label: '企业最低工资', value: '2,600元/月', since: '第2次' },
        { label: '津贴（夜班津贴）', value: '300元/月（夜班岗位职工）', since: '第1次' },
      ],
      tables: workerCosting.tables,
      flags: workerCosting.flags,
    },
    {
      heading: '企业方方案',
      round: 2,
      clauses: [
        { label: '平均工资增幅', value: '5.0%', since: '第2次' },
        { label: '企业最低工资', value: '2,600元/月', since: '第2次' },
        { label: '工资支付日', value: '每月15日', since: '第1次' },
      ],
      tables: employerCosting.tables,
      flags: employerCosting.flags,
    },
    {
      heading: '已商定的条款',
      round: 2,
      clauses: [
        { label: '企业最低工资', value: '2,600元/月', since: '第2次' },
        { label: '工资支付日', value: '每月15日', since: '第2次' },
        { label: '工资支付方式', value: '工资以货币形式按月支付至职工本人银行账户，并提供工资清单。', since: '第2次' },
      ],
      tables: [],
      flags: ['以上条款不涉及工资增幅、津贴或奖金，不作工资总额测算。'],
    },
  ],
  notes: ['各项数据由记录方提供并注明年度和来源；测算以企业数据中各类职工的人数和月平均工资为基数（《工资集体协商试行办法》第八条）。'],
  preparedBy: '根据案件记录整理',
  preparedDate: '2026-05-19',
}

/** The sample enterprise of the 情况说明 (486 employees) and its local figures. */
const situationFigures: TPreparationFigures = {
  enterprise: {
    groups: {
      value: [
        { id: 'production', name: '一线生产职工', headcount: 340, averageMonthlyWageFen: 562_000 },
        { id: 'technical', name: '技术人员', headcount: 96, averageMonthlyWageFen: 850_000 },
        { id: 'management', name: '管理人员', headcount: 50, averageMonthlyWageFen: 1_200_000 },
      ],
      year: 2025,
      source: '2025年度工资台账',
    },
    currentAllowances: { value: [{ name: '夜班津贴', fenPerMonth: 30_000, appliesTo: { headcount: 150 } }], year: 2025, source: '企业薪酬制度' },
  },
  regional: {
    minimumWage: { value: 230_000, year: 2026, source: '广州市最低工资标准（第一类）' },
    wageGuideline: { value: { baselineBasisPoints: 650, upperBasisPoints: 900, lowerBasisPoints: 400 }, year: 2026, source: '广州市2026年企业工资指导线' },
    urbanCpi: { value: 90, year: 2025, source: '广州市城镇居民消费价格指数' },
  },
}

/** The agreed wage clauses the section costs. */
const agreedClauses: TClause[] = [
  { kind: 'averageWageIncrease', basisPoints: 650 },
  { kind: 'enterpriseMinimumWage', fenPerMonth: 235_000 },
  { kind: 'allowance', name: '夜班津贴', fenPerMonth: 42_000, eligible: '夜班岗位职工', appliesTo: { headcount: 150 } },
]
const agreedCosting = costProposal(agreedClauses, situationFigures)

// As the filing package's costing section (src/effects/document-data/filing-package.ts): the rounding rule is
// printed under the yearly table, not among the paragraphs.
export const situationCostingSection: TSituationReport['sections'][number] = {
  heading: '工资调整的测算和参考因素',
  paragraphs: [
    ...costingSummary(agreedCosting, { zh: '双方商定的工资调整方案', en: 'The agreed wage adjustment' }).zh.filter((p) => p !== agreedCosting.rounding.zh),
    '测算明细如下：',
  ],
  tables: costingDocument(agreedCosting).tables,
}

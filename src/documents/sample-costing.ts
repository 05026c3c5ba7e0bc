/**
 * The sample data of issue 10's costing, as src/effects/document-data builds it (the costing cells are the output of
 * workflows/proposals/costing.ts, not typed by hand; samples.ts adds the common fields):
 *   - `preparationBriefBody`: the 协商准备材料 of the Guangzhou test case (test/workflows/proposals/guangzhou.ts)
 *     after its second round; its CPI, guideline and average-wage figures are marked as test data;
 *   - `situationCostingSection`: the 情况说明's section on the agreed 6.5% (486 employees in three groups, the
 *     night-shift allowance from 300 to 420 yuan for 150 of them), against the sample's own minimum wage,
 *     guideline and CPI.
 */
import type { TCommon, TPreparationBrief, TSituationReport } from './types.js'

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
      tables: [
        {
          title: '（1）各类职工月平均工资测算',
          columns: [
            { header: '职工类别', width: 2.2, align: 'left' },
            { header: '人数', width: 0.9, align: 'right' },
            { header: '调整前月平均工资（元）', width: 1.6, align: 'right' },
            { header: '调整后月平均工资（元）', width: 1.6, align: 'right' },
            { header: '人均月增加额（元）', width: 1.5, align: 'right' },
            { header: '增幅', width: 1.1, align: 'right' },
          ],
          rows: [
            { cells: ['一线生产职工', '260', '4,812.34', '5,149.20', '336.86', '7.00%'], total: false },
            { cells: ['技术人员', '70', '7,350.55', '7,865.09', '514.54', '7.00%'], total: false },
            { cells: ['管理人员', '40', '9,126.00', '9,764.82', '638.82', '7.00%'], total: false },
            { cells: ['辅助岗位职工', '50', '2,731.17', '2,922.35', '191.18', '7.00%'], total: false },
            { cells: ['合计', '420', '5,398.44', '5,804.90', '406.46', '7.53%'], total: true },
          ],
          notes: [],
        },
        {
          title: '（2）年度工资总额测算',
          columns: [
            { header: '职工类别', width: 2.2, align: 'left' },
            { header: '调整前年工资总额（元）', width: 2, align: 'right' },
            { header: '调整后年工资总额（元）', width: 2, align: 'right' },
            { header: '年增加额（元）', width: 1.8, align: 'right' },
            { header: '增幅', width: 1.1, align: 'right' },
          ],
          rows: [
            { cells: ['一线生产职工', '15,014,500.80', '16,065,504.00', '1,051,003.20', '7.00%'], total: false },
            { cells: ['技术人员', '6,174,462.00', '6,606,675.60', '432,213.60', '7.00%'], total: false },
            { cells: ['管理人员', '4,380,480.00', '4,687,113.60', '306,633.60', '7.00%'], total: false },
            { cells: ['辅助岗位职工', '1,638,702.00', '1,753,410.00', '114,708.00', '7.00%'], total: false },
            { cells: ['津贴：夜班津贴', '', '', '144,000.00', ''], total: false },
            { cells: ['合计', '27,208,144.80', '29,256,703.20', '2,048,558.40', '7.53%'], total: true },
          ],
          notes: [
            '计算规则：每名职工每月工资按增幅计算后四舍五入到分，再乘以人数和12个月；年度合计不再舍入；利润提成奖金按年四舍五入到分；百分比按分合计数计算，四舍五入到0.01%。',
            '企业数据年度：2025年；合计行的月平均工资为全体职工人均（不含年度奖金）。',
          ],
        },
        {
          title: '（3）与消费价格指数、工资指导线和最低工资标准的比较',
          columns: [
            { header: '项目', width: 1.9, align: 'left' },
            { header: '数值', width: 1.7, align: 'right' },
            { header: '年度', width: 0.7, align: 'center' },
            { header: '来源', width: 2.5, align: 'left' },
            { header: '比较', width: 2, align: 'left' },
          ],
          rows: [
            { cells: ['工资总额增幅', '7.53%', '2025', '', ''], total: false },
            { cells: ['城镇居民消费价格指数涨幅', '0.20%', '2025', '广州市统计局（测试数据）', '实际工资增幅7.31%'], total: false },
            {
              cells: ['工资指导线', '下线2.50%，基准线5.00%，上线7.50%', '2025', '广州市企业工资指导线（测试数据）', '高于上线，高于基准线'],
              total: false,
            },
            {
              cells: [
                '当地最低工资标准（月）',
                '2,500.00元',
                '2025',
                '广东省人民政府关于调整全省最低工资标准的通知（广州市，2025年3月1日起）',
                '不低于最低工资标准（劳动合同法第五十五条）',
              ],
              total: false,
            },
            { cells: ['企业最低工资（月）', '2,600.00元', '', '', '高于当地标准100元'], total: false },
          ],
          notes: [],
        },
      ],
      flags: ['【提示】工资总额增幅7.53%高于工资指导线上线7.5%（《工资集体协商试行办法》第八条）。'],
    },
    {
      heading: '企业方方案',
      round: 2,
      clauses: [
        { label: '平均工资增幅', value: '5.0%', since: '第2次' },
        { label: '企业最低工资', value: '2,600元/月', since: '第2次' },
        { label: '工资支付日', value: '每月15日', since: '第1次' },
      ],
      tables: [
        {
          title: '（1）各类职工月平均工资测算',
          columns: [
            { header: '职工类别', width: 2.2, align: 'left' },
            { header: '人数', width: 0.9, align: 'right' },
            { header: '调整前月平均工资（元）', width: 1.6, align: 'right' },
            { header: '调整后月平均工资（元）', width: 1.6, align: 'right' },
            { header: '人均月增加额（元）', width: 1.5, align: 'right' },
            { header: '增幅', width: 1.1, align: 'right' },
          ],
          rows: [
            { cells: ['一线生产职工', '260', '4,812.34', '5,052.96', '240.62', '5.00%'], total: false },
            { cells: ['技术人员', '70', '7,350.55', '7,718.08', '367.53', '5.00%'], total: false },
            { cells: ['管理人员', '40', '9,126.00', '9,582.30', '456.30', '5.00%'], total: false },
            { cells: ['辅助岗位职工', '50', '2,731.17', '2,867.73', '136.56', '5.00%'], total: false },
            { cells: ['合计', '420', '5,398.44', '5,668.37', '269.93', '5.00%'], total: true },
          ],
          notes: [],
        },
        {
          title: '（2）年度工资总额测算',
          columns: [
            { header: '职工类别', width: 2.2, align: 'left' },
            { header: '调整前年工资总额（元）', width: 2, align: 'right' },
            { header: '调整后年工资总额（元）', width: 2, align: 'right' },
            { header: '年增加额（元）', width: 1.8, align: 'right' },
            { header: '增幅', width: 1.1, align: 'right' },
          ],
          rows: [
            { cells: ['一线生产职工', '15,014,500.80', '15,765,235.20', '750,734.40', '5.00%'], total: false },
            { cells: ['技术人员', '6,174,462.00', '6,483,187.20', '308,725.20', '5.00%'], total: false },
            { cells: ['管理人员', '4,380,480.00', '4,599,504.00', '219,024.00', '5.00%'], total: false },
            { cells: ['辅助岗位职工', '1,638,702.00', '1,720,638.00', '81,936.00', '5.00%'], total: false },
            { cells: ['合计', '27,208,144.80', '28,568,564.40', '1,360,419.60', '5.00%'], total: true },
          ],
          notes: [
            '计算规则：每名职工每月工资按增幅计算后四舍五入到分，再乘以人数和12个月；年度合计不再舍入；利润提成奖金按年四舍五入到分；百分比按分合计数计算，四舍五入到0.01%。',
            '企业数据年度：2025年；合计行的月平均工资为全体职工人均（不含年度奖金）。',
          ],
        },
        {
          title: '（3）与消费价格指数、工资指导线和最低工资标准的比较',
          columns: [
            { header: '项目', width: 1.9, align: 'left' },
            { header: '数值', width: 1.7, align: 'right' },
            { header: '年度', width: 0.7, align: 'center' },
            { header: '来源', width: 2.5, align: 'left' },
            { header: '比较', width: 2, align: 'left' },
          ],
          rows: [
            { cells: ['工资总额增幅', '5.00%', '2025', '', ''], total: false },
            { cells: ['城镇居民消费价格指数涨幅', '0.20%', '2025', '广州市统计局（测试数据）', '实际工资增幅4.79%'], total: false },
            {
              cells: ['工资指导线', '下线2.50%，基准线5.00%，上线7.50%', '2025', '广州市企业工资指导线（测试数据）', '在指导线区间内，等于基准线'],
              total: false,
            },
            {
              cells: [
                '当地最低工资标准（月）',
                '2,500.00元',
                '2025',
                '广东省人民政府关于调整全省最低工资标准的通知（广州市，2025年3月1日起）',
                '不低于最低工资标准（劳动合同法第五十五条）',
              ],
              total: false,
            },
            { cells: ['企业最低工资（月）', '2,600.00元', '', '', '高于当地标准100元'], total: false },
          ],
          notes: [],
        },
      ],
      flags: [],
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

export const situationCostingSection: TSituationReport['sections'][number] = {
  heading: '工资调整的测算和参考因素',
  paragraphs: [
    '双方商定的工资调整方案涉及职工486人，年工资总额由39,921,600元增至42,732,504元，增加2,810,904元，增幅7.04%；人均月工资由6,845.27元增至7,327.25元。',
    '2025年城镇居民消费价格指数上涨0.9%（广州市城镇居民消费价格指数），扣除物价因素后实际增幅6.09%。',
    '2026年工资指导线基准线为6.5%（广州市2026年企业工资指导线），本方案增幅在指导线区间内。',
    '当地最低工资标准为每月2,300元（广州市最低工资标准（第一类）），企业最低工资为每月2,350元。',
    '测算明细如下：',
  ],
  tables: [
    {
      title: '（1）各类职工月平均工资测算',
      columns: [
        { header: '职工类别', width: 2.2, align: 'left' },
        { header: '人数', width: 0.9, align: 'right' },
        { header: '调整前月平均工资（元）', width: 1.6, align: 'right' },
        { header: '调整后月平均工资（元）', width: 1.6, align: 'right' },
        { header: '人均月增加额（元）', width: 1.5, align: 'right' },
        { header: '增幅', width: 1.1, align: 'right' },
      ],
      rows: [
        { cells: ['一线生产职工', '340', '5,620.00', '5,985.30', '365.30', '6.50%'], total: false },
        { cells: ['技术人员', '96', '8,500.00', '9,052.50', '552.50', '6.50%'], total: false },
        { cells: ['管理人员', '50', '12,000.00', '12,780.00', '780.00', '6.50%'], total: false },
        { cells: ['合计', '486', '6,845.27', '7,327.25', '481.98', '7.04%'], total: true },
      ],
      notes: [],
    },
    {
      title: '（2）年度工资总额测算',
      columns: [
        { header: '职工类别', width: 2.2, align: 'left' },
        { header: '调整前年工资总额（元）', width: 2, align: 'right' },
        { header: '调整后年工资总额（元）', width: 2, align: 'right' },
        { header: '年增加额（元）', width: 1.8, align: 'right' },
        { header: '增幅', width: 1.1, align: 'right' },
      ],
      rows: [
        { cells: ['一线生产职工', '22,929,600.00', '24,420,024.00', '1,490,424.00', '6.50%'], total: false },
        { cells: ['技术人员', '9,792,000.00', '10,428,480.00', '636,480.00', '6.50%'], total: false },
        { cells: ['管理人员', '7,200,000.00', '7,668,000.00', '468,000.00', '6.50%'], total: false },
        { cells: ['津贴：夜班津贴', '', '', '216,000.00', ''], total: false },
        { cells: ['合计', '39,921,600.00', '42,732,504.00', '2,810,904.00', '7.04%'], total: true },
      ],
      notes: [
        '计算规则：每名职工每月工资按增幅计算后四舍五入到分，再乘以人数和12个月；年度合计不再舍入；利润提成奖金按年四舍五入到分；百分比按分合计数计算，四舍五入到0.01%。',
        '企业数据年度：2025年；合计行的月平均工资为全体职工人均（不含年度奖金）。',
      ],
    },
    {
      title: '（3）与消费价格指数、工资指导线和最低工资标准的比较',
      columns: [
        { header: '项目', width: 1.9, align: 'left' },
        { header: '数值', width: 1.7, align: 'right' },
        { header: '年度', width: 0.7, align: 'center' },
        { header: '来源', width: 2.5, align: 'left' },
        { header: '比较', width: 2, align: 'left' },
      ],
      rows: [
        { cells: ['工资总额增幅', '7.04%', '2025', '', ''], total: false },
        { cells: ['城镇居民消费价格指数涨幅', '0.90%', '2025', '广州市城镇居民消费价格指数', '实际工资增幅6.09%'], total: false },
        { cells: ['工资指导线', '下线4.00%，基准线6.50%，上线9.00%', '2026', '广州市2026年企业工资指导线', '在指导线区间内，高于基准线'], total: false },
        { cells: ['当地最低工资标准（月）', '2,300.00元', '2026', '广州市最低工资标准（第一类）', '不低于最低工资标准（劳动合同法第五十五条）'], total: false },
        { cells: ['企业最低工资（月）', '2,350.00元', '', '', '高于当地标准50元'], total: false },
      ],
      notes: [],
    },
  ],
}

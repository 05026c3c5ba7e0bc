/**
 * Realistic sample data for every document kind: one wage negotiation of a Guangzhou manufacturer (four rounds,
 * a suspension, a 60-seat congress, filing and review), plus a collective contract, a coordination and an
 * objection. Used by the tests, by render-samples.ts (docs/documents/*.png) and as a reference for callers.
 * All names, codes and figures are fictitious.
 */
import type { TDocumentInputs, TDocumentKind } from './registry.js'
import type { TAttendee } from './types.js'
import { preparationBriefBody, situationCostingSection } from './sample-costing.js'

export const common = {
  caseNumber: 'GZ-2026-0031',
  jurisdiction: { id: 'national', name: '广东省广州市' },
  enterprise: {
    name: '广州市某制造有限公司',
    creditCode: '91440101MA59C0001U',
    address: '广州市黄埔区科学大道188号',
    legalRepresentative: '刘建华',
    regionName: '广东省广州市黄埔区',
    regionCode: '440112',
    industry: '通用设备制造业（C34）',
    employeeCount: 486,
    phone: '020-8222XXXX',
  },
  workerParty: {
    name: '广州市某制造有限公司工会委员会',
    address: '广州市黄埔区科学大道188号行政楼二楼',
    chairman: '李秀英',
  },
  bilingualTitle: true,
}

const bureau = {
  name: '广州市黄埔区人力资源和社会保障局',
  address: '广州市黄埔区开创大道2号',
  phone: '020-8211XXXX',
  contact: '赵明',
}

const employerChief = '陈志强'
const workerChief = '李秀英'

const employerAttendees: TAttendee[] = [
  { name: '陈志强', post: '副总经理', isChief: true, isExternal: false, isProxy: false },
  { name: '黄丽萍', post: '人力资源部经理', isChief: false, isExternal: false, isProxy: false },
  { name: '周文斌', post: '财务部经理', isChief: false, isExternal: false, isProxy: false },
  { name: '吴晓东', post: '生产部经理', isChief: false, isExternal: false, isProxy: false },
  { name: '郑海燕', post: '律师', isChief: false, isExternal: true, isProxy: false },
]
const workerAttendees: TAttendee[] = [
  { name: '李秀英', post: '工会主席', isChief: true, isExternal: false, isProxy: false },
  { name: '张伟', post: '一车间班组长', isChief: false, isExternal: false, isProxy: false },
  { name: '林小红', post: '质检员', isChief: false, isExternal: false, isProxy: false },
  { name: '何建国', post: '设备维修技师', isChief: false, isExternal: false, isProxy: false },
  { name: '梁淑芬', post: '仓储部职工', isChief: false, isExternal: false, isProxy: false },
]

export const requestLetter: TDocumentInputs['requestLetter'] = {
  ...common,
  documentDate: '2026-04-20',
  documentNumber: '编号：GZ-2026-0031-01',
  agreementType: 'wage',
  requestingSide: 'worker',
  topics: [
    '2026年度职工平均工资水平及其调整幅度；',
    '一线生产岗位工资标准及夜班津贴、高温津贴的计发办法；',
    '工资支付时间和加班工资计算基数；',
    '工资专项集体合同的期限、变更、解除和终止条件。',
  ],
  background: [
    '2025年度公司主营业务收入同比增长8.2%，劳动生产率有所提高。根据广州市2026年企业工资指导线（基准线6.5%）和本市城镇居民消费价格指数的变动情况，职工方认为有必要就本年度工资调整事项与企业方进行协商。',
  ],
  proposedDate: '2026-05-12',
  proposedTime: '09:30',
  proposedPlace: '公司行政楼三楼第一会议室',
  chief: workerChief,
  negotiators: ['张伟', '林小红', '何建国', '梁淑芬'],
  contact: { name: '梁淑芬', phone: '138-0000-1234' },
  sentDate: '2026-04-20',
}

export const requestResponse: TDocumentInputs['requestResponse'] = {
  ...common,
  documentDate: '2026-05-06',
  documentNumber: '编号：GZ-2026-0031-02',
  agreementType: 'wage',
  respondingSide: 'employer',
  requestDate: '2026-04-20',
  receivedDate: '2026-04-21',
  decision: 'accept',
  meeting: {
    date: '2026-05-12',
    time: '09:30',
    place: '公司行政楼三楼第一会议室',
    topics: ['同意贵方提出的全部协商议题；', '建议增加“技能等级津贴标准”议题。'],
  },
  chief: employerChief,
  negotiators: ['黄丽萍', '周文斌', '吴晓东', '郑海燕（外聘律师）'],
  remarks: ['本方首席代表由法定代表人刘建华书面委托副总经理陈志强担任（《集体合同规定》第二十一条）。'],
  contact: { name: '黄丽萍', phone: '020-8222XXXX' },
  replyDate: '2026-05-06',
}

export const teamList: TDocumentInputs['teamList'] = {
  ...common,
  documentDate: '2026-05-08',
  agreementType: 'wage',
  employerTeam: [
    { name: '陈志强', gender: '男', employer: '广州市某制造有限公司', post: '副总经理', isChief: true, delegation: '法定代表人书面授权（2026年4月28日）' },
    { name: '黄丽萍', gender: '女', employer: '广州市某制造有限公司', post: '人力资源部经理' },
    { name: '周文斌', gender: '男', employer: '广州市某制造有限公司', post: '财务部经理' },
    { name: '吴晓东', gender: '男', employer: '广州市某制造有限公司', post: '生产部经理' },
    { name: '郑海燕', gender: '女', employer: '广东某律师事务所', post: '律师', isExternal: true, delegation: '首席代表书面委托（2026年5月6日）' },
  ],
  workerTeam: [
    { name: '李秀英', gender: '女', employer: '广州市某制造有限公司', post: '工会主席', isChief: true },
    { name: '张伟', gender: '男', employer: '广州市某制造有限公司', post: '一车间班组长' },
    { name: '林小红', gender: '女', employer: '广州市某制造有限公司', post: '质检员' },
    { name: '何建国', gender: '男', employer: '广州市某制造有限公司', post: '设备维修技师' },
    { name: '梁淑芬', gender: '女', employer: '广州市某制造有限公司', post: '仓储部职工' },
  ],
  recorder: { name: '王芳', employer: '广州市某制造有限公司', post: '行政部文员' },
  listDate: '2026-05-08',
}

const minutesBase = {
  ...common,
  agreementType: 'wage' as const,
  attendees: { employer: employerAttendees, worker: workerAttendees },
  recorder: { name: '王芳', post: '行政部文员' },
  place: '公司行政楼三楼第一会议室',
}

/** The four rounds of the negotiation. */
export const minutesRounds: TDocumentInputs['minutes'][] = [
  {
    ...minutesBase,
    documentDate: '2026-05-12',
    roundNumber: 1,
    date: '2026-05-12',
    startTime: '09:30',
    endTime: '11:45',
    presiding: { name: workerChief, side: 'worker' },
    observers: ['黄埔区总工会指导员孙国庆'],
    agenda: ['职工年度平均工资调整幅度', '一线岗位工资标准及夜班津贴', '工资支付时间和加班工资计算基数', '技能等级津贴标准'],
    exchanges: [
      { side: 'worker', kind: 'proposal', text: '2026年度职工平均工资增长8.0%；一线生产岗位基本工资每月增加200元；夜班津贴由每班30元提高至45元。' },
      { side: 'employer', kind: 'response', text: '受原材料价格上涨影响，2026年一季度利润同比下降3.1%，企业方建议平均工资增长5.0%，夜班津贴提高至35元。' },
      { side: 'worker', kind: 'statement', text: '广州市2026年工资指导线基准线为6.5%，企业方的方案低于基准线，职工方不能接受。' },
    ],
    agreedItems: ['工资支付时间维持每月10日，遇节假日或休息日提前到最近的工作日支付。'],
    openItems: ['平均工资增长幅度；', '夜班津贴标准；', '技能等级津贴标准。'],
    outcome: { kind: 'continue', nextDate: '2026-05-26', nextPlace: '公司行政楼三楼第一会议室' },
  },
  {
    ...minutesBase,
    documentDate: '2026-05-26',
    roundNumber: 2,
    date: '2026-05-26',
    startTime: '14:00',
    endTime: '17:10',
    presiding: { name: employerChief, side: 'employer' },
    agenda: ['平均工资增长幅度', '夜班津贴标准', '技能等级津贴标准'],
    exchanges: [
      { side: 'employer', kind: 'proposal', text: '平均工资增长5.8%，夜班津贴提高至40元；技能等级津贴按初级、中级、高级分别为每月100元、200元、350元。' },
      { side: 'worker', kind: 'response', text: '同意技能等级津贴方案；平均工资增长幅度应不低于6.5%，夜班津贴不低于45元。' },
      { side: 'employer', kind: 'statement', text: '需结合二季度经营数据进一步测算，提议中止协商一周。' },
    ],
    agreedItems: ['技能等级津贴：初级每月100元，中级每月200元，高级每月350元。'],
    openItems: ['平均工资增长幅度；', '夜班津贴标准。'],
    outcome: { kind: 'suspended', until: '2026-06-03', nextDate: '2026-06-04', nextPlace: '公司行政楼三楼第一会议室' },
  },
  {
    ...minutesBase,
    documentDate: '2026-06-04',
    roundNumber: 3,
    date: '2026-06-04',
    startTime: '09:00',
    endTime: '11:30',
    presiding: { name: workerChief, side: 'worker' },
    agenda: ['平均工资增长幅度', '夜班津贴标准'],
    exchanges: [
      { side: 'employer', kind: 'proposal', text: '根据二季度经营数据，平均工资增长6.2%，夜班津贴提高至42元。' },
      { side: 'worker', kind: 'response', text: '平均工资增长6.5%，夜班津贴42元可以接受，但应同时明确高温津贴按广东省标准每人每月300元发放。' },
    ],
    agreedItems: ['夜班津贴由每班30元提高至42元；', '高温津贴按每人每月300元发放（6月至10月）。'],
    openItems: ['平均工资增长幅度（6.2%或6.5%）。'],
    outcome: { kind: 'continue', nextDate: '2026-06-10' },
  },
  {
    ...minutesBase,
    documentDate: '2026-06-10',
    roundNumber: 4,
    date: '2026-06-10',
    startTime: '09:30',
    endTime: '10:50',
    presiding: { name: employerChief, side: 'employer' },
    agenda: ['平均工资增长幅度', '审定工资专项集体合同草案'],
    exchanges: [
      { side: 'employer', kind: 'proposal', text: '同意2026年度职工平均工资增长6.5%，自2026年7月1日起执行。' },
      { side: 'worker', kind: 'response', text: '同意。职工方建议将企业最低工资标准定为每月2,350.00元，高于广州市最低工资标准。' },
      { side: 'employer', kind: 'response', text: '同意企业最低工资标准为每月2,350.00元。' },
    ],
    agreedItems: [
      '2026年度职工平均工资增长6.5%，自2026年7月1日起执行；',
      '企业最低工资标准为每月2,350.00元；',
      '形成《广州市某制造有限公司2026年度工资专项集体合同》草案。',
    ],
    openItems: [],
    outcome: { kind: 'draftAgreed' },
  },
]
export const minutes = minutesRounds[0]!

export const suspensionRecord: TDocumentInputs['suspensionRecord'] = {
  ...common,
  documentDate: '2026-05-26',
  agreementType: 'wage',
  roundNumber: 2,
  date: '2026-05-26',
  place: '公司行政楼三楼第一会议室',
  reasons: ['双方对职工平均工资增长幅度分歧较大（企业方5.8%，职工方6.5%）；', '企业方需结合二季度经营数据进一步测算。'],
  suspendedFrom: '2026-05-27',
  suspendedUntil: '2026-06-03',
  next: {
    date: '2026-06-04',
    time: '09:00',
    place: '公司行政楼三楼第一会议室',
    content: ['平均工资增长幅度；', '夜班津贴标准。'],
  },
  openItems: ['平均工资增长幅度；', '夜班津贴标准。'],
  employerChief,
  workerChief,
  recorder: '王芳',
}

export const wageAgreement: TDocumentInputs['wageAgreement'] = {
  ...common,
  documentDate: '2026-06-24',
  title: '广州市某制造有限公司2026年度工资专项集体合同',
  employerChief,
  workerChief,
  term: { start: '2026-07-01', end: '2027-06-30' },
  congress: { name: '公司第三届职工代表大会第二次会议', date: '2026-06-20' },
  signingDate: '2026-06-24',
  signingPlace: '广州市黄埔区科学大道188号',
  items: {
    term: ['本合同期满前60日内，任何一方均可向对方提出重新签订工资专项集体合同的要求（《工资集体协商试行办法》第二十四条）。'],
    paySystem: [
      '甲方实行以岗位绩效工资制为主的工资分配制度，职工工资由基本工资、岗位工资、绩效工资、津贴补贴和加班工资构成。',
      {
        text: '甲方按照以下岗位类别确定岗位工资标准：',
        items: ['一线生产岗位：每月2,600.00元至4,200.00元；', '技术及质检岗位：每月3,200.00元至5,800.00元；', '管理及辅助岗位：每月2,800.00元至6,500.00元。'],
      },
      '职工在法定工作时间内提供了正常劳动的，甲方支付的工资不得低于每月2,350.00元（企业最低工资标准），且不低于广州市人民政府公布的最低工资标准。',
      '新录用职工试用期工资不低于本单位相同岗位最低档工资的80%，并不低于企业最低工资标准。',
    ],
    wageLevel: [
      '2025年度甲方职工月平均工资为6,842.50元。经协商，2026年度职工平均工资增长6.5%，即月平均工资增加444.76元，自2026年7月1日起执行。',
      '一线生产岗位职工的工资增长幅度不低于全体职工平均增长幅度；高级管理人员的工资增长幅度不高于全体职工平均增长幅度。',
      '本合同期内，如广州市最低工资标准调整，甲方应自调整之日起相应调整企业最低工资标准，调整后不低于新标准的102%。',
    ],
    bonuses: [
      '夜班津贴：职工上夜班（22时至次日6时）的，每班发放42元。',
      '高温津贴：每年6月至10月，职工在高温天气下作业的，每人每月发放300元。',
      '技能等级津贴：取得初级、中级、高级职业技能等级证书并在相应岗位工作的职工，每月分别发放100元、200元、350元。',
      '年终奖金：甲方根据年度经营目标完成情况，按不低于上年度利润总额3%的比例提取年终奖金，由工会参与制定分配方案。',
    ],
    payment: [
      '甲方以货币形式于每月10日前足额支付职工上月工资，遇节假日或者休息日，提前到最近的工作日支付。甲方不得克扣或者无故拖欠职工工资。',
      '甲方安排加班的，以职工本人正常工作时间工资为计算基数，依照《中华人民共和国劳动法》第四十四条支付加班工资，计算基数不低于企业最低工资标准。',
      '甲方应当向职工提供工资清单，列明工资项目、金额和扣除项目。',
    ],
    changeProcedure: [
      '本合同履行期间，因甲方生产经营发生重大变化或者法律、法规、政策调整，致使本合同无法履行的，任何一方可以书面提出变更或者解除本合同的要求，双方应当按照集体协商程序进行协商。',
      '变更或者解除本合同，应当经职工代表大会审议通过，并报送人力资源社会保障行政部门。',
    ],
    termination: ['本合同期限届满，或者双方约定的终止条件出现，本合同即行终止。', '甲方被依法宣告破产、解散或者被吊销营业执照的，本合同终止。'],
    liability: [
      '甲方违反本合同约定的，应当依法承担相应责任，并补足职工应得的工资报酬。',
      '因履行本合同发生争议，双方应当协商解决；协商不成的，可以依法申请劳动争议仲裁、提起诉讼。',
    ],
    other: ['本合同未尽事宜，按照国家和广东省、广州市的有关规定执行。'],
  },
}

const chapterClauses = (topic: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) =>
    `关于${topic}的第${i + 1}项约定：甲方应当依照国家和广东省的有关规定，结合企业实际，制定并公示${topic}的具体办法；涉及职工切身利益的，应当经职工代表大会或者全体职工讨论，提出方案和意见，与工会平等协商确定（《中华人民共和国劳动合同法》第四条）。`,
  )

export const collectiveContract: TDocumentInputs['collectiveContract'] = {
  ...common,
  documentDate: '2026-06-24',
  title: '广州市某制造有限公司集体合同',
  employerChief,
  workerChief,
  term: { start: '2026-07-01', end: '2029-06-30' },
  congress: { name: '公司第三届职工代表大会第二次会议', date: '2026-06-20' },
  signingDate: '2026-06-24',
  chapters: [
    {
      topic: 'general',
      clauses: [
        '本合同适用于甲方及与甲方建立劳动关系的全体职工。',
        '本合同对甲方和全体职工具有约束力。职工个人与甲方订立的劳动合同中劳动条件和劳动报酬等标准不得低于本合同的规定。',
      ],
    },
    {
      topic: 'pay',
      clauses: [
        '甲方实行岗位绩效工资制，职工月工资不低于2,350.00元。工资的具体标准和调整幅度，由双方每年通过工资集体协商另行签订工资专项集体合同确定。',
        { text: '甲方应当按照下列规定支付加班工资：', items: ['安排延长工作时间的，支付不低于工资的150%的工资报酬；', '休息日安排工作又不能安排补休的，支付不低于工资的200%的工资报酬；', '法定休假日安排工作的，支付不低于工资的300%的工资报酬。'] },
        ...chapterClauses('工资支付', 2),
      ],
    },
    { topic: 'hours', clauses: ['甲方实行每日工作8小时、每周工作40小时的标准工时制度。实行综合计算工时工作制或者不定时工作制的岗位，应当依法报经人力资源社会保障行政部门批准。', ...chapterClauses('工作时间', 2)] },
    { topic: 'rest', clauses: ['职工依法享受法定节假日、年休假、婚假、产假、丧假等假期。', ...chapterClauses('休息休假', 2)] },
    { topic: 'safety', clauses: ['甲方应当建立健全劳动安全卫生制度，为职工提供符合国家规定的劳动安全卫生条件和必要的劳动防护用品，对从事有职业危害作业的职工定期进行健康检查。', ...chapterClauses('劳动安全与卫生', 3)] },
    { topic: 'insurance', clauses: ['甲方依法为职工缴纳基本养老、医疗、失业、工伤和生育保险及住房公积金，并为职工办理补充医疗保险。', ...chapterClauses('补充保险和福利', 2)] },
    { topic: 'specialProtection', clauses: ['甲方不得安排女职工在经期、孕期、哺乳期从事国家规定禁忌从事的劳动；不得招用未满十六周岁的未成年人。', ...chapterClauses('女职工和未成年工特殊保护', 2)] },
    { topic: 'training', clauses: ['甲方每年按照职工工资总额的1.5%提取职工教育经费，用于职工职业技能培训。', ...chapterClauses('职业技能培训', 2)] },
    { topic: 'laborContracts', clauses: ['甲方自用工之日起即与职工订立书面劳动合同。', ...chapterClauses('劳动合同管理', 2)] },
    { topic: 'layoffs', clauses: ['甲方需要裁减人员二十人以上或者裁减不足二十人但占职工总数百分之十以上的，应当提前三十日向工会或者全体职工说明情况，听取工会或者职工的意见后，裁减人员方案经向劳动行政部门报告，可以裁减人员。'] },
    { topic: 'term', clauses: ['本合同期满前三个月内，任何一方均可向对方提出重新签订或者续订的要求。'] },
    { topic: 'changeProcedure', clauses: ['变更或者解除本合同，适用本合同订立的程序（《集体合同规定》第四十一条）。'] },
    { topic: 'disputes', clauses: ['因履行本合同发生争议，双方协商解决不成的，工会可以依法申请仲裁、提起诉讼。'] },
    { topic: 'liability', clauses: ['甲方违反本合同，侵犯职工劳动权益的，工会可以依法要求甲方承担责任。'] },
  ],
}

/**
 * A ten-page collective contract (the samples' chapters with their clauses twice), for benchmarks: "ms per
 * 10-page agreement".
 */
export const tenPageCollectiveContract: TDocumentInputs['collectiveContract'] = {
  ...collectiveContract,
  chapters: collectiveContract.chapters.map((ch) => ({
    ...ch,
    clauses: [
      ...ch.clauses,
      ...ch.clauses.map((c) => (typeof c === 'string' ? c.replace(/。$/, '，并按月向职工公示执行情况。') : c)),
    ],
  })),
}

export const congressResolution: TDocumentInputs['congressResolution'] = {
  ...common,
  documentDate: '2026-06-20',
  agreementType: 'wage',
  sessionName: '第三届职工代表大会第二次会议',
  date: '2026-06-20',
  place: '公司职工活动中心多功能厅',
  presiding: '李秀英',
  seats: 60,
  present: 52,
  ballot: 'secret',
  items: [{ title: '《广州市某制造有限公司2026年度工资专项集体合同（草案）》', yes: 49, no: 2, abstain: 1 }],
  scrutineers: ['何建国', '苏永红'],
  tellers: ['林小红', '陈晓燕'],
}

export const situationReport: TDocumentInputs['situationReport'] = {
  ...common,
  documentDate: '2026-06-29',
  agreementType: 'wage',
  contractTitle: '广州市某制造有限公司2026年度工资专项集体合同',
  addressee: bureau.name,
  rounds: [
    { number: 1, date: '2026-05-12', place: '公司行政楼三楼第一会议室', outcome: '就工资支付时间达成一致，其余事项继续协商' },
    { number: 2, date: '2026-05-26', place: '公司行政楼三楼第一会议室', outcome: '就技能等级津贴达成一致；中止协商至2026年6月3日' },
    { number: 3, date: '2026-06-04', place: '公司行政楼三楼第一会议室', outcome: '就夜班津贴、高温津贴达成一致' },
    { number: 4, date: '2026-06-10', place: '公司行政楼三楼第一会议室', outcome: '就平均工资增长6.5%达成一致，形成合同草案' },
  ],
  sections: [
    {
      heading: '协商的发起和准备',
      paragraphs: [
        '2026年4月20日，公司工会委员会向公司发出《工资集体协商要约书》，公司于2026年5月6日书面答复同意协商。双方各确定协商代表5名，企业方首席代表由法定代表人书面委托副总经理陈志强担任，职工方首席代表由工会主席李秀英担任；双方共同指定行政部文员王芳为记录员。',
      ],
    },
    {
      heading: '协商过程',
      paragraphs: [
        '双方自2026年5月12日至6月10日共举行4次协商会议，其中第二次会议后经双方商定中止协商一周。协商中，双方参考了广州市2026年企业工资指导线、城镇居民消费价格指数、本企业劳动生产率和经济效益等因素（《工资集体协商试行办法》第八条）。',
      ],
    },
    situationCostingSection,
    {
      heading: '职工代表大会审议和签订情况',
      paragraphs: [
        '2026年6月20日，公司第三届职工代表大会第二次会议审议合同草案。全体职工代表60名，出席52名，符合法定人数；以无记名投票方式表决，同意49票，超过全体职工代表半数，草案获得通过。2026年6月24日，双方首席代表签字并加盖双方印章。',
      ],
    },
  ],
  reportDate: '2026-06-29',
}

export const preparationBrief: TDocumentInputs['preparationBrief'] = { ...common, documentDate: '2026-05-19', ...preparationBriefBody }

export const wageData: TDocumentInputs['wageData'] = {
  ...common,
  documentDate: '2026-06-29',
  year: 2026,
  rows: [
    { label: '职工月平均工资', unit: '元', previous: 6842.5, current: 7287.26 },
    { label: '一线生产岗位月平均工资', unit: '元', previous: 5620, current: 6013.4 },
    { label: '企业最低工资标准', unit: '元', previous: 2300, current: 2350 },
    { label: '广州市最低工资标准（第一类）', unit: '元', previous: 2300, current: 2300, note: '政府公布' },
    { label: '广州市企业工资指导线基准线', unit: '%', previous: 6, current: 6.5, decimals: 1, note: '政府公布' },
    { label: '广州市城镇居民消费价格指数涨幅', unit: '%', previous: 0.4, current: 0.9, decimals: 1 },
    { label: '职工人数', unit: '人', previous: 472, current: 486, decimals: 0 },
    { label: '工资总额', unit: '万元', previous: 3875.6, current: 4249.9 },
    { label: '全员劳动生产率', unit: '万元/人', previous: 52.3, current: 56.6 },
  ],
  factors: [
    '本企业2025年度主营业务收入同比增长8.2%，全员劳动生产率提高8.2%，经济效益保持稳定；广州市2026年企业工资指导线基准线为6.5%。综合上述因素，双方确定2026年度职工平均工资增长6.5%。',
  ],
  preparedBy: '黄丽萍',
  preparedDate: '2026-06-29',
}

export const filingPackage: TDocumentInputs['filingPackage'] = {
  ...common,
  documentDate: '2026-06-29',
  agreementType: 'wage',
  bureau,
  contractTitle: wageAgreement.title,
  term: wageAgreement.term,
  signingDate: '2026-06-24',
  congressDate: '2026-06-20',
  filingDate: '2026-06-29',
  contact: { name: '黄丽萍', phone: '020-8222XXXX' },
  coveredWorkers: 486,
  parts: [
    { kind: 'wageAgreement', data: wageAgreement },
    { kind: 'situationReport', data: situationReport },
    { kind: 'wageData', data: wageData },
    { kind: 'congressResolution', data: congressResolution },
    { kind: 'teamList', data: teamList },
    ...minutesRounds.map((m) => ({ kind: 'minutes' as const, data: m })),
  ],
}

export const filingReceipt: TDocumentInputs['filingReceipt'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-06-30',
  documentNumber: '黄人社集审〔2026〕31号',
  agreementType: 'wage',
  bureau,
  contractTitle: wageAgreement.title,
  submittedBy: '黄丽萍',
  receivedDate: '2026-06-30',
  materials: [
    { name: '工资专项集体合同文本（双方首席代表签字、盖章）', copies: 3, pages: 5 },
    { name: '关于签订工资专项集体合同的情况说明', copies: 1, pages: 2 },
    { name: '工资集体协商数据表', copies: 1, pages: 1 },
    { name: '职工代表大会表决结果及决议', copies: 1, pages: 2 },
    { name: '协商代表名单', copies: 1, pages: 2 },
    { name: '协商会议纪要（第一次至第四次）', copies: 1, pages: 8 },
  ],
  reviewDeadline: '2026-07-15',
}

export const correctionNotice: TDocumentInputs['correctionNotice'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-06-30',
  documentNumber: '黄人社集补〔2026〕7号',
  agreementType: 'wage',
  bureau,
  contractTitle: wageAgreement.title,
  receivedDate: '2026-06-30',
  deficiencies: [
    { item: '职工代表大会决议', requirement: '提交加盖工会印章的决议原件，并附出席代表签到表', basis: '《集体合同规定》第三十六条' },
    { item: '协商代表名单', requirement: '补充外聘专业人员郑海燕的书面委托书', basis: '《集体合同规定》第二十三条' },
  ],
  correctBy: '2026-07-07',
}

export const reviewOpinion: TDocumentInputs['reviewOpinion'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-07-10',
  documentNumber: '黄人社集审意〔2026〕12号',
  agreementType: 'collective',
  bureau,
  contractTitle: collectiveContract.title,
  receivedDate: '2026-06-30',
  opinions: [
    {
      issue: '合同第十二条约定“试用期工资为转正工资的70%”，低于法定标准。劳动者在试用期的工资不得低于本单位相同岗位最低档工资或者劳动合同约定工资的百分之八十，并不得低于用人单位所在地的最低工资标准。',
      basis: '《中华人民共和国劳动合同法》第二十条',
    },
    { issue: '合同第二十五条关于“职工离职须提前六个月通知”的约定，与劳动者提前三十日以书面形式通知即可解除劳动合同的规定不符。', basis: '《中华人民共和国劳动合同法》第三十七条' },
  ],
  opinionDate: '2026-07-10',
}

export const wageReviewOpinion: TDocumentInputs['wageReviewOpinion'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-07-10',
  documentNumber: '黄人社工审〔2026〕31号',
  bureau,
  contractTitle: wageAgreement.title,
  receivedDate: '2026-06-30',
  conclusion: 'noObjection',
  opinionDate: '2026-07-10',
}

export const coordinationAgreement: TDocumentInputs['coordinationAgreement'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-08-18',
  documentNumber: '黄人社协〔2026〕3号',
  agreementType: 'wage',
  bureau,
  application: {
    applicant: 'worker',
    date: '2026-07-20',
    acceptedDate: '2026-07-22',
    request: ['请求协调处理双方关于2026年度职工平均工资增长幅度的争议。'],
  },
  facts: [
    '双方自2026年6月起进行工资集体协商，经三次协商，就夜班津贴、高温津贴等事项达成一致；',
    '职工方要求平均工资增长6.5%，企业方提出增长5.0%，双方未能达成一致，协商陷入僵局。',
  ],
  result: [
    '经协调，双方同意2026年度职工平均工资增长6.0%，自2026年9月1日起执行；',
    '企业方承诺于2026年12月31日前根据全年经营情况再次与职工方协商年终奖金提取比例。',
  ],
  pendingItems: ['年终奖金提取比例及分配办法。'],
  coordinators: [
    { name: '赵明', organization: '黄埔区人力资源和社会保障局' },
    { name: '孙国庆', organization: '黄埔区总工会' },
    { name: '钱卫东', organization: '黄埔区企业联合会' },
  ],
  employerChief,
  workerChief,
  signingDate: '2026-08-18',
}

export const interventionRequest: TDocumentInputs['interventionRequest'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-05-15',
  documentNumber: '编号：GZ-2026-0031-03',
  agreementType: 'wage',
  bureau,
  requestingSide: 'worker',
  request: { sentDate: '2026-04-20', receivedDate: '2026-04-21', topics: ['2026年度职工平均工资水平及其调整幅度', '一线生产岗位工资标准及夜班津贴'] },
  answer: { kind: 'refused', date: '2026-05-06', reason: '公司今年经营压力较大，暂不考虑工资调整事项' },
  reasons: [
    '2025年度公司主营业务收入同比增长8.2%，经营状况正常。企业经营困难不是拒绝协商的正当理由，工资调整的幅度可以在协商中根据企业经济效益确定（《工资集体协商试行办法》第八条）。',
  ],
  chief: workerChief,
  contact: { name: '梁淑芬', phone: '138-0000-1234' },
  applicationDate: '2026-05-15',
}

export const coordinationApplication: TDocumentInputs['coordinationApplication'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-07-20',
  agreementType: 'wage',
  bureau,
  applicant: 'worker',
  rounds: [
    { number: 1, date: '2026-06-08', place: '公司行政楼三楼第一会议室' },
    { number: 2, date: '2026-06-22', place: '公司行政楼三楼第一会议室' },
    { number: 3, date: '2026-07-13', place: '公司行政楼三楼第一会议室' },
  ],
  disputedItems: ['2026年度职工平均工资增长幅度（职工方6.5%，企业方5.0%）；', '年终奖金提取比例。'],
  reasons: [
    '双方经三次协商，就夜班津贴、高温津贴等事项达成一致，但对平均工资增长幅度分歧较大，企业方表示不再作出让步，协商陷入僵局。',
  ],
  employerChief,
  workerChief,
  applicationDate: '2026-07-20',
}

const contractInForce = {
  title: wageAgreement.title,
  registrationNumber: '黄人社集审〔2026〕31号',
  signingDate: '2026-06-24',
  effectiveDate: '2026-07-10',
  term: { start: '2026-07-01', end: '2027-06-30' },
}

export const publicationNotice: TDocumentInputs['publicationNotice'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-07-13',
  agreementType: 'wage',
  publishingSide: 'employer',
  bureau,
  contract: contractInForce,
  effectiveBy: 'noObjectionOpinion',
  highlights: [
    '2026年度职工月平均工资增长6.5%，自2026年7月1日起执行；',
    '企业最低工资标准为每月2,350.00元；',
    '夜班津贴每班30元，高温津贴每月300元（6月至10月）；',
    '工资于每月15日以货币形式足额支付。',
  ],
  channel: '公司厂务公开栏和企业内网“集体合同”专栏',
  publishedDate: '2026-07-13',
}

export const renewalRequest: TDocumentInputs['renewalRequest'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2027-05-06',
  agreementType: 'wage',
  requestingSide: 'worker',
  contract: contractInForce,
  content: ['2027年度职工平均工资水平及其调整幅度；', '一线生产岗位工资标准和技能等级津贴；', '工资专项集体合同的期限。'],
  chief: workerChief,
  contact: { name: '梁淑芬', phone: '138-0000-1234' },
  sentDate: '2027-05-06',
}

export const amendmentRequest: TDocumentInputs['amendmentRequest'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-10-12',
  agreementType: 'wage',
  requestingSide: 'worker',
  contract: contractInForce,
  ground: 'lawChanged',
  content: ['广东省自2026年12月1日起调整最低工资标准，合同第三条约定的企业最低工资标准（每月2,350.00元）应相应调整为不低于新的标准；', '加班工资计算基数相应调整。'],
  proposedDate: '2026-10-26',
  proposedTime: '14:30',
  proposedPlace: '公司行政楼三楼第一会议室',
  chief: workerChief,
  negotiators: ['张伟', '林小红'],
  contact: { name: '梁淑芬', phone: '138-0000-1234' },
  sentDate: '2026-10-12',
}

export const terminationRequest: TDocumentInputs['terminationRequest'] = {
  ...common,
  bilingualTitle: false,
  documentDate: '2026-11-20',
  agreementType: 'wage',
  requestingSide: 'employer',
  contract: contractInForce,
  ground: 'mergerDissolutionBankruptcy',
  content: ['公司已被广州某装备集团有限公司吸收合并，自2027年1月1日起公司注销，职工的劳动合同由合并后的企业继续履行，本合同无法继续履行。'],
  proposedDate: '2026-12-02',
  proposedTime: '09:30',
  proposedPlace: '公司行政楼三楼第一会议室',
  chief: employerChief,
  negotiators: ['黄丽萍', '周文斌'],
  contact: { name: '黄丽萍', phone: '020-8222XXXX' },
  sentDate: '2026-11-20',
}

/** One sample per kind, in registry order. */
export const samples: { [K in TDocumentKind]: TDocumentInputs[K] } = {
  requestLetter,
  requestResponse,
  interventionRequest,
  teamList,
  minutes,
  suspensionRecord,
  coordinationApplication,
  coordinationAgreement,
  wageAgreement,
  collectiveContract,
  congressResolution,
  situationReport,
  wageData,
  preparationBrief,
  filingReceipt,
  correctionNotice,
  reviewOpinion,
  wageReviewOpinion,
  publicationNotice,
  renewalRequest,
  amendmentRequest,
  terminationRequest,
  filingPackage,
}

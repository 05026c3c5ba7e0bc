/**
 * The demo: Guangzhou enterprises whose cases were reached through real events (the engine, and the congress module
 * for every vote: roster, credentials, secret ballots, close, certification) — never written snapshots — and one
 * account per role. Seeded only into an empty database; the accounts' passwords are random per database (printed
 * once, when seeded) unless DEMO_PASSWORD is set, which also resets them on later starts.
 *
 * The history is replayed on a clock of its own, day by day up to today, so the timeline, the deadlines and the
 * documents carry real dates:
 *   1. 广州市天河精工制造有限公司 (天河区, C3484, 420 staff): wage agreement, four rounds with structured proposals,
 *      a 60-seat workers' congress (54 ballots cast online), signed, filed and registered six days ago: under review,
 *      day 6 of 15, in the inbox of the demo bureau reviewer. The demo union, employer and worker accounts are its.
 *   2. 广州天河华美食品有限公司 (天河区): last year's wage agreement, congress of 35, in force by deemed approval (the
 *      bureau let the 15 days run) and published: on the public register and in the reviewer's deemed list.
 *   3. 广州市白云电器设备有限公司 (白云区): a draft before its congress of 25, voting open now for a week; one
 *      representative's voting link is printed at start-up.
 */
import crypto from 'node:crypto'
import { hashPassword } from '../auth/password.js'
import { createCongress, type TCongress } from '../congress/index.js'
import type { TDatabase } from '../db/database.js'
import { one, run } from '../db/sql.js'
import { createEffectHandlers } from '../effects/index.js'
import { requestBureauDocument } from '../effects/bureau-documents.js'
import type { TActor } from '../engine/actor.js'
import { createCalendarStore } from '../engine/calendars.js'
import { ManualClock } from '../engine/clock.js'
import { createEngine, type TEngine } from '../engine/engine.js'
import { runOutbox } from '../engine/outbox.js'
import { fireDueDeadlines } from '../engine/scheduler.js'
import { createUser, updateUser, type TMembershipInput } from '../engine/users.js'
import { DEMO_PROVINCES, loadDivisions } from '../regions/divisions.js'
import { importRegionsInto } from '../regions/import-regions.js'
import { seedWageStandards } from '../regions/wage-standard-data.js'
import type { TClause } from '../../workflows/proposals/clauses.js'
import { addDays, formatDateZh, toLocalDate } from '../../workflows/rules/calendar/dates.js'
import { creditCodeCheckChar } from '../../workflows/rules/credit-code.js'

export const DEMO_ENTERPRISE_ID = 'demo-enterprise-tianhe-precision'
/** GB 32100 check character verified by workflows/rules/credit-code.ts. */
export const DEMO_CREDIT_CODE = '91440106MA5C00001Y'

const TZ = 'Asia/Shanghai'

export const DEMO_ACCOUNTS: readonly { email: string; displayName: string; membership: TMembershipInput; label: string }[] = [
  {
    email: 'union@tianhe-precision.example',
    displayName: '李红梅（工会主席）',
    membership: { role: 'unionNegotiator', enterpriseId: DEMO_ENTERPRISE_ID },
    label: '职工方协商代表 union negotiator',
  },
  {
    email: 'hr@tianhe-precision.example',
    displayName: '王志强（人力资源部经理）',
    membership: { role: 'employerNegotiator', enterpriseId: DEMO_ENTERPRISE_ID },
    label: '企业方协商代表 employer negotiator',
  },
  {
    email: 'worker@tianhe-precision.example',
    displayName: '张伟（职工代表）',
    membership: { role: 'workerRepresentative', enterpriseId: DEMO_ENTERPRISE_ID },
    label: '职工代表 worker representative',
  },
  {
    email: 'reviewer@tianhe-hrss.example',
    displayName: '刘洋（天河区人社局）',
    membership: { role: 'bureauReviewer', regionCode: '440106' },
    label: '劳动保障行政部门 bureau reviewer (440106 天河区)',
  },
  {
    email: 'admin@wagepact.example',
    displayName: '系统管理员',
    membership: { role: 'admin' },
    label: '管理员 admin',
  },
]

export type TDemoAccount = { email: string; label: string; password: string }

export type TDemoResult = {
  seeded: boolean
  caseId?: string
  /** The accounts whose passwords were set now (seeded, or reset to DEMO_PASSWORD). */
  accounts: TDemoAccount[]
  /** One representative's credential for the open vote (path `/vote/<sessionId>#<token>`); only when seeded. */
  voteLink?: { name: string; path: string; code: string }
}

const randomPassword = () => crypto.randomBytes(12).toString('base64url')

/** A GB 32100 code from its first 17 characters and the computed check character. */
const withCheck = (first17: string) => first17 + creditCodeCheckChar(first17)!

type TEnterpriseSeed = {
  id: string
  creditCode: string
  name: string
  regionCode: string
  industryCode: string
  headcount: number
  legalRepresentative: string
  address: string
}

const ENTERPRISES: TEnterpriseSeed[] = [
  {
    id: DEMO_ENTERPRISE_ID,
    creditCode: DEMO_CREDIT_CODE,
    name: '广州市天河精工制造有限公司',
    regionCode: '440106',
    industryCode: 'C3484', // GB/T 4754-2017: 机械零部件加工
    headcount: 420,
    legalRepresentative: '陈建国',
    address: '广州市天河区高新技术产业开发区科韵路 18 号',
  },
  {
    id: 'demo-enterprise-tianhe-huamei-food',
    creditCode: withCheck('91440106MA5C00002'),
    name: '广州天河华美食品有限公司',
    regionCode: '440106',
    industryCode: 'C1419', // 其他焙烤食品制造
    headcount: 260,
    legalRepresentative: '黄美玲',
    address: '广州市天河区黄村东路 66 号',
  },
  {
    id: 'demo-enterprise-baiyun-electric',
    creditCode: withCheck('91440111MA5C00003'),
    name: '广州市白云电器设备有限公司',
    regionCode: '440111',
    industryCode: 'C3823', // 配电开关控制设备制造
    headcount: 310,
    legalRepresentative: '何振华',
    address: '广州市白云区太和镇永兴村工业园 9 号',
  },
]

/** A seed clock moved to 10:00 (China Standard Time) of a local date, or to an exact instant. */
class SeedClock extends ManualClock {
  on(date: string, hour = 10, minute = 0) {
    this.set(`${date}T${String(hour - 8).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`)
  }
}

// ---- people ---------------------------------------------------------------------------------------------------

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄'
const GIVEN = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志勇', '海燕', '晓东', '丽华', '国强', '小红', '文斌', '婷婷', '俊杰', '雪梅', '建国', '丹', '宇', '慧', '鹏', '佳', '琳']
const UNITS = ['一车间', '二车间', '三车间', '装配车间', '质检部', '设备部', '仓储物流部', '技术部', '行政部', '财务部']

/** `n` representatives: about 40% front-line, 35% women, at most 10% managers (Zhejiang/Shanghai cap 20%). */
function roster(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => {
    const k = i + seed
    const name = `${SURNAMES[(k * 7) % SURNAMES.length]}${GIVEN[(k * 11) % GIVEN.length]}`
    return {
      name,
      unit: UNITS[k % UNITS.length]!,
      isFrontLine: i % 5 < 2 || UNITS[k % UNITS.length]!.endsWith('车间'),
      isManager: i % 10 === 9,
      isWoman: i % 20 < 7,
    }
  })
}

type TTeam = { worker: { id: string; name: string }[]; employer: { id: string; name: string }[] }

function teamMembers(side: 'worker' | 'employer', chief: { id: string; name: string; position: string }, others: { id: string; name: string; position: string; gender?: 'female' | 'male' }[], date: string) {
  return [
    {
      id: chief.id,
      name: chief.name,
      position: chief.position,
      isChief: true,
      chiefBasis: side === 'worker' ? ('unionChair' as const) : ('authorisedManager' as const),
      ...(side === 'employer' ? { writtenAuthority: `法定代表人书面授权书（${date}）` } : {}),
    },
    ...others.map((o) => ({ ...o, isChief: false, ...(side === 'worker' ? { isFrontLine: true } : {}) })),
  ]
}

// ---- the seeding --------------------------------------------------------------------------------------------

type TSeedCtx = {
  db: TDatabase
  engine: TEngine
  clock: SeedClock
  congress: TCongress
  render: () => Promise<void>
  union: TActor
  employer: TActor
  bureau: TActor
}

const PLACE = '公司行政楼三楼第一会议室'

async function send(s: TSeedCtx, caseId: string, actor: TActor, event: { type: string; [k: string]: unknown }, date?: string, options = {}) {
  if (date) s.clock.on(date)
  else s.clock.advance(60_000)
  return s.engine.sendEvent(caseId, event, actor, undefined, options)
}

/** Request → answer → teams → preparation (common to the three cases). */
/** `nightShiftHeadcount`: how many employees are paid the night-shift allowance today (the costing's baseline). */
async function openAndPrepare(s: TSeedCtx, e: TEnterpriseSeed, start: string, team: { worker: ReturnType<typeof teamMembers>; employer: ReturnType<typeof teamMembers> }, year: number, nightShiftHeadcount = Math.round((e.headcount * 2) / 7)) {
  s.clock.on(start, 9)
  const { caseId } = await s.engine.openCase({ enterpriseId: e.id, kind: 'wageAgreement', jurisdiction: 'national' }, s.union)
  await send(s, caseId, s.union, {
    type: 'request.sent',
    by: 'worker',
    sentOn: start,
    proposedTime: `${formatDateZh(addDays(start, 14))}上午9时30分`,
    proposedPlace: PLACE,
    content:
      `依据《工资集体协商试行办法》第十七条，公司工会代表全体职工提出就${year}年度工资调整事项进行集体协商：` +
      '职工年度平均工资增长幅度、企业内部最低工资、加班工资计发基数、津贴补贴标准及工资支付办法。',
    topics: ['pay'],
  }, start)
  await send(s, caseId, s.union, { type: 'request.received', receivedOn: addDays(start, 1), proof: `企业行政部签收回执（编号 XZ-${year}-${caseId.slice(0, 3).toUpperCase()}）` }, addDays(start, 1))
  await send(s, caseId, s.employer, { type: 'request.answered', answeredOn: addDays(start, 6), text: '同意贵方提出的协商要约，按要约书提出的时间、地点进行工资集体协商。' }, addDays(start, 6))
  const d8 = addDays(start, 8)
  await send(s, caseId, s.union, { type: 'team.appointed', side: 'worker', appointedOn: d8, members: team.worker, workforce: { staffCount: e.headcount, aboveDesignatedSize: true } }, d8)
  await send(s, caseId, s.employer, { type: 'team.appointed', side: 'employer', appointedOn: d8, members: team.employer })
  await send(s, caseId, s.employer, { type: 'recorder.appointed', appointedOn: d8, recorder: { id: 'recorder', name: '王芳' } })
  const d10 = addDays(start, 10)
  await send(s, caseId, s.union, {
    type: 'opinions.collected',
    side: 'worker',
    collectedOn: d10,
    summary: '通过职工代表座谈会和问卷征集意见：多数职工关注基本工资增幅、夜班津贴和技术岗位津贴标准。',
    survey: { respondents: Math.round(e.headcount * 0.8), method: '车间座谈会及问卷', topics: [{ topic: '平均工资增幅', count: Math.round(e.headcount * 0.7) }, { topic: '夜班津贴', count: Math.round(e.headcount * 0.3) }, { topic: '技术岗位津贴', count: Math.round(e.headcount * 0.25) }] },
  }, d10)
  // GZ 8: the enterprise's figures (its performance and payroll, recorded by the employer side) and the regional
  // ones (minimum wage, guideline, CPI, average wages and market prices, recorded by the union), each with its source.
  // The minimum wage is Guangzhou's published first tier (src/regions/wage-standard-data.ts); the guideline, CPI,
  // average wages and market prices are demo values and say so in their source.
  const production = Math.round(e.headcount * 0.7)
  const technical = Math.round(e.headcount * 0.18)
  const groups = [
    { id: 'production', name: '一线生产职工', headcount: production, averageMonthlyWageFen: 620_000 },
    { id: 'technical', name: '技术人员', headcount: technical, averageMonthlyWageFen: 980_000 },
    { id: 'management', name: '管理人员', headcount: e.headcount - production - technical, averageMonthlyWageFen: 1_250_000 },
  ]
  const payroll = groups.reduce((n, g) => n + g.headcount * g.averageMonthlyWageFen * 12, 0)
  const last = `${year - 1}年度财务决算报表`
  await send(s, caseId, s.employer, {
    type: 'preparation.figuresRecorded',
    by: 'employer',
    recordedOn: d10,
    enterprise: {
      groups: { value: groups, year: year - 1, source: `${year - 1}年度工资台账` },
      lastYearPayrollFen: { value: payroll, year: year - 1, source: last },
      lastYearAverageMonthlyWageFen: { value: Math.round(payroll / 12 / e.headcount), year: year - 1, source: last },
      revenueFen: { value: e.headcount * 52_000_000, year: year - 1, source: last },
      profitFen: { value: e.headcount * 3_100_000, year: year - 1, source: `${last}（未经审计）` },
      labourProductivityFen: { value: 52_000_000, year: year - 1, source: '营业收入 ÷ 平均职工人数', note: '按营业收入计算' },
      currentAllowances: {
        value: [{ name: '夜班津贴', fenPerMonth: 30_000, appliesTo: { headcount: nightShiftHeadcount } }],
        year: year - 1,
        source: '公司薪酬管理制度',
      },
    },
    regional: {
      minimumWage: { value: 250_000, year: 2025, source: '广东省人民政府：广东省调整企业职工最低工资标准（2025年3月1日起）', note: '第一类地区（广州市）' },
      wageGuideline: { value: { baselineBasisPoints: 600, upperBasisPoints: 900, lowerBasisPoints: 300 }, year, source: `广州市${year}年企业工资指导线（演示数据）` },
    },
  })
  await send(s, caseId, s.union, {
    type: 'preparation.figuresRecorded',
    by: 'worker',
    recordedOn: d10,
    regional: {
      urbanCpi: { value: 40, year: year - 1, source: `广州市${year - 1}年城镇居民消费价格指数（演示数据）` },
      regionalAverageWage: { value: 1_180_000, year: year - 1, source: `广州市${year - 1}年城镇单位在岗职工月平均工资（演示数据）` },
      industryAverageWage: { value: { industry: '通用设备制造业', fenPerMonth: 860_000 }, year: year - 1, source: '广州市统计年鉴（演示数据）' },
      marketWagePrices: {
        value: [
          { occupation: '机械加工操作工', lowFen: 480_000, medianFen: 620_000, highFen: 850_000 },
          { occupation: '机械工程技术人员', lowFen: 720_000, medianFen: 980_000, highFen: 1_450_000 },
        ],
        year: year - 1,
        source: '广州市人力资源市场工资价位（演示数据）',
      },
    },
  })
  await send(s, caseId, s.union, {
    type: 'agenda.drafted',
    draftedOn: d10,
    draftedBy: 'joint',
    items: [
      { id: 'a1', title: '职工年度平均工资调整幅度' },
      { id: 'a2', title: '企业内部最低工资标准' },
      { id: 'a3', title: '夜班津贴和技术岗位津贴标准' },
      { id: 'a4', title: '工资支付办法及加班工资计发基数' },
    ],
  })
  const meetingOn = addDays(start, 14)
  await send(s, caseId, s.union, { type: 'meeting.scheduled', scheduledOn: addDays(start, 11), meetingOn, time: '上午9时30分', place: PLACE }, addDays(start, 11))
  return { caseId, meetingOn }
}

const agreedFinal = (startsOn: string): TClause[] => [
  { kind: 'term', months: 12, startsOn },
  { kind: 'averageWageIncrease', basisPoints: 650 },
  { kind: 'enterpriseMinimumWage', fenPerMonth: 270_000 },
  { kind: 'text', id: 'pay-system', item: 'paySystem', text: '公司实行以岗位绩效工资制为主的工资分配制度，职工工资由基本工资、岗位工资、绩效工资、津贴补贴和加班工资构成。' },
  { kind: 'changeProcedure', text: '任何一方可以书面提出变更或者解除本协议的要求，双方应当按照工资集体协商程序进行协商。' },
  { kind: 'termination', text: '本协议期限届满，或者双方约定的终止条件出现，本协议即行终止。' },
  { kind: 'liability', text: '公司违反本协议约定的，应当依法承担相应责任，并补足职工应得的工资报酬。' },
  { kind: 'text', id: 'other', item: 'other', text: '本协议未尽事宜，按照国家和广东省、广州市的有关规定执行。' },
]

/** The four rounds of the main case: proposals narrow from 8% / 4% to 6.5%. */
async function fourRounds(s: TSeedCtx, caseId: string, first: string, team: TTeam, startsOn: string) {
  const attendees = { worker: team.worker.map((m) => m.id), employer: team.employer.map((m) => m.id) }
  const signers = [team.worker[0]!.id, team.employer[0]!.id]
  const nightShift = (fen: number): TClause => ({ kind: 'allowance', name: '夜班津贴', fenPerMonth: fen, eligible: '上夜班（22时至次日6时）的职工', appliesTo: { headcount: 120 } })
  const technicalPost = (fen: number): TClause => ({ kind: 'allowance', name: '技术岗位津贴', fenPerMonth: fen, eligible: '在技术岗位工作的职工', appliesTo: { groups: ['technical'] } })
  const rounds = [
    {
      on: first,
      presidingSide: 'worker',
      proposals: [{ side: 'worker', text: '平均工资增长8.0%，企业最低工资2,800元/月，夜班津贴每月450元。', response: '企业方提出平均工资增长4.0%，企业最低工资2,450元/月，夜班津贴维持每月300元。' }],
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'averageWageIncrease', basisPoints: 800 }, { kind: 'enterpriseMinimumWage', fenPerMonth: 280_000 }, nightShift(45_000)] },
        { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 400 }, { kind: 'enterpriseMinimumWage', fenPerMonth: 245_000 }, nightShift(30_000)] },
      ],
      agreed: [{ kind: 'payDay', dayOfMonth: 10 }, { kind: 'paymentMethod', text: '公司以货币形式按月支付职工工资，通过银行转账存入职工本人账户，并提供工资清单。' }] as TClause[],
      agreedItems: ['工资支付日维持每月10日，以银行转账方式支付。'],
      openItems: ['平均工资增长幅度', '企业内部最低工资', '夜班津贴标准'],
      outcome: 'continued',
    },
    {
      on: addDays(first, 7),
      presidingSide: 'employer',
      proposals: [
        { side: 'worker', text: '企业方上次提出的企业最低工资2,450元/月低于广州市最低工资标准2,500元/月（劳动合同法第五十五条）；职工方要求平均工资增长不低于7.5%。', response: '企业方将企业最低工资调整为2,600元/月。' },
        { side: 'employer', text: '根据经审计的上年度利润，平均工资增长5.0%，夜班津贴每月350元。', response: '职工方认为增幅低于工资指导线基准线6.0%。' },
      ],
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'averageWageIncrease', basisPoints: 750 }] },
        { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 500 }, { kind: 'enterpriseMinimumWage', fenPerMonth: 260_000 }, nightShift(35_000)] },
      ],
      agreed: [{ kind: 'overtimeBasis', basis: { type: 'standardWage' } }] as TClause[],
      agreedItems: ['加班工资以职工本人标准工资为计发基数。'],
      openItems: ['平均工资增长幅度', '企业内部最低工资', '夜班津贴标准'],
      outcome: 'continued',
    },
    {
      on: addDays(first, 14),
      presidingSide: 'worker',
      proposals: [{ side: 'worker', text: '平均工资增长7.0%，夜班津贴每月420元，技术岗位津贴每月300元。', response: '企业方同意夜班津贴420元，平均增幅提出6.0%。' }],
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'averageWageIncrease', basisPoints: 700 }, technicalPost(30_000)] },
        { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 600 }, nightShift(42_000)] },
      ],
      agreed: [nightShift(42_000), technicalPost(30_000)],
      agreedItems: ['夜班津贴每月420元；技术岗位津贴每月300元。'],
      openItems: ['平均工资增长幅度', '企业内部最低工资'],
      outcome: 'continued',
    },
    {
      on: addDays(first, 21),
      presidingSide: 'employer',
      proposals: [{ side: 'employer', text: '同意平均工资增长6.5%，企业最低工资2,700元/月。', response: '职工方同意。' }],
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'averageWageIncrease', basisPoints: 650 }] },
        { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 650 }, { kind: 'enterpriseMinimumWage', fenPerMonth: 270_000 }] },
      ],
      agreed: agreedFinal(startsOn),
      agreedItems: ['平均工资增长6.5%；企业内部最低工资2,700元/月；协议期限一年。', '形成工资专项集体合同草案，提交职工代表大会审议。'],
      openItems: [],
      outcome: 'agreed',
    },
  ]
  for (const [i, r] of rounds.entries()) {
    if (i === 1) {
      // Between rounds 1 and 2 the audit closes: the employer records the audited profit (the earlier figure stays in the history).
      const year = Number(first.slice(0, 4)) - 1
      await send(s, caseId, s.employer, {
        type: 'preparation.figuresRecorded',
        by: 'employer',
        recordedOn: addDays(r.on, -2),
        enterprise: { profitFen: { value: 420 * 2_900_000, year, source: `${year}年度审计报告` } },
      }, addDays(r.on, -2))
    }
    await send(s, caseId, i % 2 === 0 ? s.union : s.employer, {
      type: 'round.held',
      number: i + 1,
      heldOn: r.on,
      startTime: '09:30',
      endTime: '11:45',
      place: PLACE,
      presidingSide: r.presidingSide,
      attendees,
      agenda: ['职工年度平均工资调整幅度', '企业内部最低工资标准', '津贴标准'],
      proposals: r.proposals,
      agreedItems: r.agreedItems,
      openItems: r.openItems,
      outcome: r.outcome,
      minutesSignedBy: signers,
      clauseProposals: r.clauseProposals,
      agreedClauses: r.agreed,
    }, r.on)
  }
  return rounds.flatMap((r) => r.agreed)
}

/** A congress vote through the congress module: roster, convening, ballots of `voters`, and (when `close`) the close. */
async function congressVote(
  s: TSeedCtx,
  caseId: string,
  o: { heldOn: string; seats: number; voters: number; seed: number; items: { id: string; title: string }[]; name: string; window?: { opensAt: Date; closesAt: Date }; close: boolean },
) {
  await s.render()
  const draftDoc = await s.db.read(function* () {
    return yield* one<{ sha256: string }>(`SELECT "sha256" FROM "Document" WHERE "caseId" = ? AND "kind" = 'draft' ORDER BY "createdAt" DESC LIMIT 1`, [caseId])
  })
  if (!draftDoc) throw new Error(`demo seed: the draft of case ${caseId} was not rendered`)
  s.clock.on(addDays(o.heldOn, -2))
  await s.congress.setRoster(caseId, { body: 'workersCongress', totalSeats: o.seats, representatives: roster(o.seats, o.seed) }, s.union)
  const opensAt = o.window?.opensAt ?? new Date(`${o.heldOn}T01:00:00.000Z`)
  const closesAt = o.window?.closesAt ?? new Date(`${o.heldOn}T04:00:00.000Z`)
  s.clock.set(o.window ? opensAt : new Date(opensAt.getTime() - 3_600_000))
  const convened = await s.congress.convene(
    caseId,
    {
      name: o.name,
      heldOn: o.heldOn,
      place: '公司职工活动中心大会议室',
      online: true,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      documentSha256: draftDoc.sha256,
      items: o.items,
      scrutineers: [{ name: '吴丽华' }],
      tellers: [{ name: '郑国强' }],
      presiding: '李红梅',
    },
    s.union,
  )
  s.clock.set(new Date(opensAt.getTime() + 30 * 60_000))
  const choiceFor = (voter: number, item: number) => ((voter * 7 + item * 3) % 29 === 0 ? 'disagree' : (voter * 5 + item) % 31 === 0 ? 'abstain' : 'agree')
  for (const [i, c] of convened.credentials.slice(0, o.voters).entries()) {
    await s.congress.signIn(c.token)
    await s.congress.castBallot({ credential: c.token, choices: o.items.map((item, j) => ({ itemId: item.id, choice: choiceFor(i, j) })) })
  }
  if (o.close) {
    s.clock.set(new Date(closesAt.getTime() + 60_000))
    await s.congress.closeSession(convened.session.id, s.union)
  }
  return { session: convened.session, unused: convened.credentials.slice(o.voters) }
}

export async function seedDemo(db: TDatabase, engine: TEngine, opts: { password?: string } = {}): Promise<TDemoResult> {
  const now = engine.clock.now()
  const nowIso = now.toISOString()
  const existing = await db.read(function* () {
    return yield* one<{ id: string }>(`SELECT "id" FROM "Enterprise" LIMIT 1`)
  })
  if (existing) return { seeded: false, accounts: opts.password ? await resetDemoPasswords(db, opts.password, nowIso) : [] }

  // Reference data: the GB/T 2260 divisions of the demo provinces, minimum wages, the enterprises.
  await importRegionsInto(db, { divisions: loadDivisions(DEMO_PROVINCES), now: nowIso })
  await seedWageStandards(db, nowIso)
  await db.transaction(function* () {
    for (const e of ENTERPRISES) {
      yield* run(
        `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion",
           "legalRepresentative", "address", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.id, e.creditCode, e.name, e.regionCode, e.industryCode, e.headcount, true, e.legalRepresentative, e.address, nowIso, nowIso],
      )
    }
  })

  const accounts: TDemoAccount[] = []
  const userIds = new Map<string, string>()
  for (const a of DEMO_ACCOUNTS) {
    const password = opts.password ?? randomPassword()
    const user = await createUser(db, { email: a.email, displayName: a.displayName, passwordHash: await hashPassword(password), memberships: [a.membership] }, nowIso)
    userIds.set(a.membership.role, user.id)
    accounts.push({ email: a.email, label: a.label, password })
  }

  // The history runs on its own clock (the engine's deadlines, documents and the congress all read it).
  const today = toLocalDate(nowIso, TZ)
  const clock = new SeedClock(nowIso)
  const calendars = createCalendarStore(db)
  await calendars.refresh()
  const seedEngine = createEngine({ db, clock, nodeId: 'demo-seed', computeDeadline: calendars.calculator })
  const handlers = createEffectHandlers({ db, clock })
  const s: TSeedCtx = {
    db,
    engine: seedEngine,
    clock,
    congress: createCongress({ engine: seedEngine }),
    render: async () => {
      await runOutbox({ db, clock, nodeId: 'demo-seed', handlers }, 500)
    },
    union: { id: userIds.get('unionNegotiator') ?? null, role: 'unionNegotiator' },
    employer: { id: userIds.get('employerNegotiator') ?? null, role: 'employerNegotiator' },
    bureau: { id: userIds.get('bureauReviewer') ?? null, role: 'bureauReviewer' },
  }
  const year = Number(today.slice(0, 4))
  const firstOfMonthAfter = (date: string) => {
    const [y, m] = date.split('-').map(Number) as [number, number]
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  }

  // ---- 2. last year's agreement of 华美食品, in force by deemed approval ----
  {
    const e = ENTERPRISES[1]!
    const team: TTeam = {
      worker: [{ id: 'hm-w0', name: '黄小燕' }, { id: 'hm-w1', name: '梁志明' }, { id: 'hm-w2', name: '陈丽' }],
      employer: [{ id: 'hm-e0', name: '苏建平' }, { id: 'hm-e1', name: '罗慧' }, { id: 'hm-e2', name: '邓伟' }],
    }
    const start = addDays(today, -300)
    const members = {
      worker: teamMembers('worker', { ...team.worker[0]!, position: '工会主席' }, [{ ...team.worker[1]!, position: '烘焙车间班组长' }, { ...team.worker[2]!, position: '包装工', gender: 'female' }], start),
      employer: teamMembers('employer', { ...team.employer[0]!, position: '副总经理' }, [{ ...team.employer[1]!, position: '人力资源主管', gender: 'female' }, { ...team.employer[2]!, position: '财务主管' }], start),
    }
    const { caseId, meetingOn } = await openAndPrepare(s, e, start, members, Number(start.slice(0, 4)), 60)
    const startsOn = firstOfMonthAfter(addDays(start, 60))
    const clauses = [
      { kind: 'payDay', dayOfMonth: 15 } as TClause,
      { kind: 'paymentMethod', text: '公司以货币形式按月支付工资，通过银行转账存入职工本人账户。' } as TClause,
      { kind: 'allowance', name: '夜班津贴', fenPerMonth: 30_000, eligible: '上夜班（22时至次日6时）的烘焙车间职工', appliesTo: { headcount: 60 } } as TClause,
      ...agreedFinal(startsOn).map((c) => (c.kind === 'averageWageIncrease' ? { ...c, basisPoints: 550 } : c.kind === 'enterpriseMinimumWage' ? { ...c, fenPerMonth: 265_000 } : c)),
    ]
    await send(s, caseId, s.union, {
      type: 'round.held', number: 1, heldOn: meetingOn, startTime: '09:30', endTime: '11:30', place: PLACE, presidingSide: 'worker',
      attendees: { worker: team.worker.map((m) => m.id), employer: team.employer.map((m) => m.id) },
      agenda: ['职工年度平均工资调整幅度', '企业内部最低工资标准'],
      proposals: [{ side: 'worker', text: '平均工资增长5.5%，企业最低工资2,650元/月。', response: '企业方同意。' }],
      agreedItems: ['平均工资增长5.5%，企业最低工资2,650元/月。'], openItems: [], outcome: 'agreed',
      minutesSignedBy: ['hm-w0', 'hm-e0'], agreedClauses: clauses,
    }, meetingOn)
    const draftOn = addDays(meetingOn, 2)
    await send(s, caseId, s.union, {
      type: 'draft.agreed', agreedOn: draftOn, title: `${e.name}${startsOn.slice(0, 4)}年度工资专项集体合同`, text: '见结构化条款。',
      items: ['平均工资增长5.5%', '企业最低工资2,650元/月'], clauses, termMonths: 12, termStartsOn: startsOn, signedBy: { worker: 'hm-w0', employer: 'hm-e0' },
    }, draftOn)
    const heldOn = addDays(draftOn, 7)
    await congressVote(s, caseId, { heldOn, seats: 35, voters: 31, seed: 101, name: '第二届职工代表大会第三次会议', items: [{ id: 'draft', title: `《${e.name}工资专项集体合同（草案）》` }], close: true })
    const signedOn = addDays(heldOn, 2)
    await send(s, caseId, s.employer, { type: 'agreement.signed', signedOn, signedBy: { worker: 'hm-w0', employer: 'hm-e0' }, sealed: true }, signedOn)
    await send(s, caseId, s.employer, { type: 'agreement.filed', filedOn: addDays(signedOn, 3), copies: 3, explanatoryNote: true, materials: ['合同文本', '情况说明', '职工代表大会决议', '协商代表名单'] }, addDays(signedOn, 3))
    const receivedOn = addDays(signedOn, 4)
    await send(s, caseId, s.bureau, { type: 'filing.registered', receivedOn, registrationNumber: `穗天人社集审〔${receivedOn.slice(0, 4)}〕7号` }, receivedOn, { alsoInTransaction: requestBureauDocument({}, clock) })
    // The bureau lets the 15 days run: the scheduler fires the review deadline (deemed approval, JHR 47; GZ 22).
    clock.on(addDays(receivedOn, 17))
    await fireDueDeadlines({ db, context: () => ({ now: clock.now().toISOString(), nodeId: 'demo-seed', computeDeadline: calendars.calculator }) })
    const publishedOn = addDays(receivedOn, 18)
    await send(s, caseId, s.union, { type: 'agreement.published', side: 'worker', publishedOn, channel: '工会公告栏及职工微信群' }, publishedOn)
    await send(s, caseId, s.employer, { type: 'agreement.published', side: 'employer', publishedOn, channel: '厂务公开栏及企业内部网站' })
  }

  // ---- 1. the main case: four rounds, a 60-seat congress, under review (day 6 of 15) ----
  let mainCaseId: string
  {
    const e = ENTERPRISES[0]!
    const union = { id: s.union.id!, name: '李红梅', position: '工会主席' }
    const hr = { id: s.employer.id!, name: '王志强', position: '人力资源部经理' }
    const team: TTeam = {
      worker: [union, { id: 'tj-w1', name: '赵建华' }, { id: 'tj-w2', name: '林小红' }, { id: 'tj-w3', name: '周海燕' }],
      employer: [hr, { id: 'tj-e1', name: '黄丽萍' }, { id: 'tj-e2', name: '周文斌' }, { id: 'tj-e3', name: '孙晓东' }],
    }
    const start = addDays(today, -58)
    const members = {
      worker: teamMembers('worker', union, [
        { id: 'tj-w1', name: '赵建华', position: '一车间班组长', gender: 'male' },
        { id: 'tj-w2', name: '林小红', position: '质检员', gender: 'female' },
        { id: 'tj-w3', name: '周海燕', position: '装配车间操作工', gender: 'female' },
      ], start),
      employer: teamMembers('employer', hr, [
        { id: 'tj-e1', name: '黄丽萍', position: '财务部经理', gender: 'female' },
        { id: 'tj-e2', name: '周文斌', position: '生产部副经理', gender: 'male' },
        { id: 'tj-e3', name: '孙晓东', position: '行政部主管', gender: 'male' },
      ], start),
    }
    const { caseId, meetingOn } = await openAndPrepare(s, e, start, members, year)
    mainCaseId = caseId
    const startsOn = firstOfMonthAfter(addDays(today, 10))
    const clauses = await fourRounds(s, caseId, meetingOn, team, startsOn)
    const draftOn = addDays(meetingOn, 21)
    await send(s, caseId, s.union, {
      type: 'draft.agreed',
      agreedOn: draftOn,
      title: `${e.name}${startsOn.slice(0, 4)}年度工资专项集体合同`,
      text: '见结构化条款。',
      items: ['职工年度平均工资增长6.5%', '企业内部最低工资2,700元/月', '夜班津贴每月420元、技术岗位津贴每月300元'],
      clauses,
      termMonths: 12,
      termStartsOn: startsOn,
      signedBy: { worker: union.id, employer: hr.id },
    }, draftOn)
    const heldOn = addDays(draftOn, 6)
    await congressVote(s, caseId, {
      heldOn,
      seats: 60,
      voters: 54,
      seed: 7,
      name: '第三届职工代表大会第二次会议',
      items: [
        { id: 'item1', title: '职工年度平均工资增长6.5%' },
        { id: 'item2', title: '企业内部最低工资2,700元/月' },
        { id: 'item3', title: '夜班津贴每月420元、技术岗位津贴每月300元' },
      ],
      close: true,
    })
    const signedOn = addDays(heldOn, 2)
    await send(s, caseId, s.union, { type: 'agreement.signed', signedOn, signedBy: { worker: union.id, employer: hr.id }, sealed: true }, signedOn)
    const filedOn = addDays(today, -10)
    await send(s, caseId, s.employer, {
      type: 'agreement.filed',
      filedOn,
      copies: 3,
      explanatoryNote: true,
      materials: ['合同文本', '情况说明', '职工代表大会决议（含表决票数）', '协商代表名单', '协商会议纪要（四次）'],
    }, filedOn)
    const receivedOn = addDays(today, -6)
    await send(s, caseId, s.bureau, { type: 'filing.registered', receivedOn, registrationNumber: `穗天人社集审〔${year}〕18号` }, receivedOn, { alsoInTransaction: requestBureauDocument({}, clock) })
  }

  // ---- 3. 白云电器: voting open now, for a week ----
  let voteLink: TDemoResult['voteLink']
  {
    const e = ENTERPRISES[2]!
    const team: TTeam = {
      worker: [{ id: 'by-w0', name: '何志勇' }, { id: 'by-w1', name: '谭静' }, { id: 'by-w2', name: '陆明' }],
      employer: [{ id: 'by-e0', name: '彭国强' }, { id: 'by-e1', name: '曾丽' }, { id: 'by-e2', name: '田杰' }],
    }
    const start = addDays(today, -40)
    const members = {
      worker: teamMembers('worker', { ...team.worker[0]!, position: '工会主席' }, [{ ...team.worker[1]!, position: '装配工', gender: 'female' }, { ...team.worker[2]!, position: '调试技术员' }], start),
      employer: teamMembers('employer', { ...team.employer[0]!, position: '常务副总经理' }, [{ ...team.employer[1]!, position: '人事行政经理', gender: 'female' }, { ...team.employer[2]!, position: '财务经理' }], start),
    }
    const { caseId, meetingOn } = await openAndPrepare(s, e, start, members, year)
    const attendees = { worker: team.worker.map((m) => m.id), employer: team.employer.map((m) => m.id) }
    await send(s, caseId, s.union, {
      type: 'round.held', number: 1, heldOn: meetingOn, startTime: '09:30', endTime: '11:30', place: PLACE, presidingSide: 'worker', attendees,
      agenda: ['职工年度平均工资调整幅度', '技能津贴'], proposals: [{ side: 'worker', text: '平均工资增长7.0%，设立技能等级津贴。', response: '企业方提出增长4.5%。' }],
      agreedItems: [], openItems: ['平均工资增长幅度', '技能等级津贴'], outcome: 'continued', minutesSignedBy: ['by-w0', 'by-e0'],
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'averageWageIncrease', basisPoints: 700 }] },
        { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 450 }] },
      ],
    }, meetingOn)
    const second = addDays(meetingOn, 10)
    const termStartsOn = firstOfMonthAfter(addDays(today, 20))
    const clauses: TClause[] = [
      { kind: 'payDay', dayOfMonth: 10 },
      { kind: 'paymentMethod', text: '公司以货币形式按月足额支付工资，通过银行转账存入职工本人账户。' },
      { kind: 'allowance', name: '技能等级津贴', fenPerMonth: 40_000, eligible: '取得初级、中级、高级技能等级证书的职工，按等级每月发放200元、400元、600元', appliesTo: { headcount: 150 } },
      ...agreedFinal(termStartsOn).map((c) => (c.kind === 'averageWageIncrease' ? { ...c, basisPoints: 600 } : c.kind === 'enterpriseMinimumWage' ? { ...c, fenPerMonth: 268_000 } : c)),
    ]
    await send(s, caseId, s.employer, {
      type: 'round.held', number: 2, heldOn: second, startTime: '14:30', endTime: '17:00', place: PLACE, presidingSide: 'employer', attendees,
      agenda: ['职工年度平均工资调整幅度', '技能津贴'], proposals: [{ side: 'employer', text: '平均工资增长6.0%，技能等级津贴每月200至600元。', response: '职工方同意。' }],
      agreedItems: ['平均工资增长6.0%；技能等级津贴每月200至600元。'], openItems: [], outcome: 'agreed', minutesSignedBy: ['by-w0', 'by-e0'],
      agreedClauses: clauses,
    }, second)
    const draftOn = addDays(today, -2)
    await send(s, caseId, s.union, {
      type: 'draft.agreed', agreedOn: draftOn, title: `${e.name}${termStartsOn.slice(0, 4)}年度工资专项集体合同`,
      text: '见结构化条款。', items: ['平均工资增长6.0%', '技能等级津贴每月200至600元'], clauses, termMonths: 12, termStartsOn, signedBy: { worker: 'by-w0', employer: 'by-e0' },
    }, draftOn)
    const opensAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 3_600_000)
    const vote = await congressVote(s, caseId, {
      heldOn: today,
      seats: 25,
      voters: 9,
      seed: 303,
      name: '第一届职工代表大会第四次会议',
      items: [
        { id: 'item1', title: '职工年度平均工资增长6.0%' },
        { id: 'item2', title: '技能等级津贴每月200至600元' },
      ],
      window: { opensAt, closesAt: new Date(opensAt.getTime() + 7 * 86_400_000) },
      close: false,
    })
    const c = vote.unused[0]
    if (c) voteLink = { name: c.name, path: `/vote/${vote.session.id}#${c.token}`, code: c.code }
  }

  await s.render()
  return { seeded: true, caseId: mainCaseId, accounts, ...(voteLink ? { voteLink } : {}) }
}

/** DEMO_PASSWORD on a later start: the demo accounts that exist get it (and their sessions end). */
async function resetDemoPasswords(db: TDatabase, password: string, now: string): Promise<TDemoAccount[]> {
  const passwordHash = await hashPassword(password)
  const reset: TDemoAccount[] = []
  for (const a of DEMO_ACCOUNTS) {
    const user = await db.prisma.user.findUnique({ where: { email: a.email }, select: { id: true } })
    if (!user) continue
    await updateUser(db, user.id, { passwordHash }, now)
    reset.push({ email: a.email, label: a.label, password })
  }
  return reset
}


/**
 * Structured clauses: what the negotiators propose, answer and agree at each round, as data the engine can follow
 * across rounds, cost, and assemble into the agreement.
 *
 * Every clause kind belongs to one of the nine items a wage agreement must contain (GZ 7 (1)-(9)) and to one of the
 * matters of a collective contract (JHR 8); a `text` clause names its item or chapter itself. Every clause has a
 * stable key (`clauseKey`): the kind for the kinds an agreement has once (`averageWageIncrease`, `payDay`, `term` …),
 * the kind and a name for the others (`allowance:夜班津贴`, `bonus:年终奖`, `groupIncrease:production`,
 * `text:training`). Versions of the same key in different rounds are versions of the same clause.
 *
 * Units: money in integer fen (分), rates in integer basis points (1% = 100); never floats.
 */
import { z } from 'zod'
import { isValidDate } from '../rules/calendar/dates.js'
import { percent, yuan } from './money.js'

// ---------------------------------------------------------------------------------------------------------------
// GZ 7 items and JHR 8 chapters
// ---------------------------------------------------------------------------------------------------------------

/** GZ 7: the nine items of a wage agreement, in the order of the article (names as in src/documents). */
export const wageAgreementItems = [
  'term', // (1) 工资协议期限
  'paySystem', // (2) 工资分配制度、工资标准和工资分配形式
  'wageLevel', // (3) 职工年度平均工资水平及其调整幅度
  'bonuses', // (4) 奖金、津贴、补贴等分配办法
  'payment', // (5) 工资支付办法
  'changeProcedure', // (6) 变更、解除工资协议的程序
  'termination', // (7) 工资协议的终止条件
  'liability', // (8) 工资协议的违约责任
  'other', // (9) 双方认为应当协商约定的其他事项
] as const
export const ZWageItemSchema = z.enum(wageAgreementItems)
export type TWageItem = z.infer<typeof ZWageItemSchema>

type TTitle = { number: number | null; article: string; zh: string; en: string }

export const wageItemInfo: { readonly [K in TWageItem]: TTitle } = {
  term: { number: 1, article: 'GZ 7(1)', zh: '工资协议期限', en: 'Term of the agreement' },
  paySystem: { number: 2, article: 'GZ 7(2)', zh: '工资分配制度、工资标准和工资分配形式', en: 'Pay system, wage standards and forms of pay' },
  wageLevel: { number: 3, article: 'GZ 7(3)', zh: '职工年度平均工资水平及其调整幅度', en: 'Annual average wage level and its adjustment' },
  bonuses: { number: 4, article: 'GZ 7(4)', zh: '奖金、津贴、补贴等分配办法', en: 'Rules for bonuses, allowances and subsidies' },
  payment: { number: 5, article: 'GZ 7(5)', zh: '工资支付办法', en: 'Payment of wages' },
  changeProcedure: { number: 6, article: 'GZ 7(6)', zh: '变更、解除工资协议的程序', en: 'Procedure to change or rescind the agreement' },
  termination: { number: 7, article: 'GZ 7(7)', zh: '工资协议的终止条件', en: 'Termination conditions' },
  liability: { number: 8, article: 'GZ 7(8)', zh: '工资协议的违约责任', en: 'Liability for breach' },
  other: { number: 9, article: 'GZ 7(9)', zh: '双方认为应当协商约定的其他事项', en: 'Other matters the parties agree to include' },
}

/**
 * JHR 8: the matters of a collective contract in the order of the article (names as in src/documents); `general`
 * (总则) is a chapter of the document, not a JHR 8 matter.
 */
export const contractChapters = [
  'general',
  'pay', // (1) 劳动报酬 (JHR 9)
  'hours', // (2) 工作时间 (JHR 10)
  'rest', // (3) 休息休假 (JHR 11)
  'safety', // (4) 劳动安全与卫生 (JHR 12)
  'insurance', // (5) 补充保险和福利 (JHR 13)
  'specialProtection', // (6) 女职工和未成年工特殊保护 (JHR 14)
  'training', // (7) 职业技能培训 (JHR 15)
  'laborContracts', // (8) 劳动合同管理 (JHR 16)
  'rewards', // (9) 奖惩 (JHR 17)
  'layoffs', // (10) 裁员 (JHR 18)
  'term', // (11) 集体合同期限
  'changeProcedure', // (12) 变更、解除集体合同的程序
  'disputes', // (13) 履行集体合同发生争议时的协商处理办法
  'liability', // (14) 违反集体合同的责任
  'other', // (15) 双方认为应当协商的其他内容
] as const
export const ZContractChapterSchema = z.enum(contractChapters)
export type TContractChapter = z.infer<typeof ZContractChapterSchema>

export const contractChapterInfo: { readonly [K in TContractChapter]: TTitle } = {
  general: { number: null, article: 'JHR 8', zh: '总则', en: 'General provisions' },
  pay: { number: 1, article: 'JHR 8(1); JHR 9', zh: '劳动报酬', en: 'Pay' },
  hours: { number: 2, article: 'JHR 8(2); JHR 10', zh: '工作时间', en: 'Working hours' },
  rest: { number: 3, article: 'JHR 8(3); JHR 11', zh: '休息休假', en: 'Rest and leave' },
  safety: { number: 4, article: 'JHR 8(4); JHR 12', zh: '劳动安全与卫生', en: 'Occupational safety and health' },
  insurance: { number: 5, article: 'JHR 8(5); JHR 13', zh: '补充保险和福利', en: 'Supplementary insurance and welfare' },
  specialProtection: {
    number: 6,
    article: 'JHR 8(6); JHR 14',
    zh: '女职工和未成年工特殊保护',
    en: 'Special protection of women and juvenile workers',
  },
  training: { number: 7, article: 'JHR 8(7); JHR 15', zh: '职业技能培训', en: 'Vocational training' },
  laborContracts: { number: 8, article: 'JHR 8(8); JHR 16', zh: '劳动合同管理', en: 'Management of labour contracts' },
  rewards: { number: 9, article: 'JHR 8(9); JHR 17', zh: '奖惩', en: 'Rewards and penalties' },
  layoffs: { number: 10, article: 'JHR 8(10); JHR 18', zh: '裁员', en: 'Layoffs' },
  term: { number: 11, article: 'JHR 8(11); JHR 38', zh: '集体合同期限', en: 'Term of the contract' },
  changeProcedure: { number: 12, article: 'JHR 8(12); JHR 39-41', zh: '变更、解除集体合同的程序', en: 'Procedure to change or rescind the contract' },
  disputes: { number: 13, article: 'JHR 8(13); JHR 55', zh: '履行集体合同发生争议时的协商处理办法', en: 'Settlement of performance disputes' },
  liability: { number: 14, article: 'JHR 8(14)', zh: '违反集体合同的责任', en: 'Liability for breach' },
  other: { number: 15, article: 'JHR 8(15)', zh: '双方认为应当协商的其他内容', en: 'Other matters' },
}

// ---------------------------------------------------------------------------------------------------------------
// Bounds (they make the costing's integer arithmetic provably exact, see costing.ts)
// ---------------------------------------------------------------------------------------------------------------

/** Per employee per month: at most 1,000,000 yuan. */
export const MAX_MONTHLY_FEN = 100_000_000
/** A rate change: from −50% to +100%. */
export const MIN_CHANGE_BP = -5_000
export const MAX_CHANGE_BP = 10_000
/** Headcount of one group, of all groups, or of an allowance. */
export const MAX_HEADCOUNT = 1_000_000
/** An enterprise-wide yearly amount (revenue, profit, a bonus pool): at most 10 trillion yuan. */
export const MAX_ENTERPRISE_FEN = 1_000_000_000_000_000

const text = (max: number) => z.string().trim().min(1).max(max)
const name = text(100)
export const ZClauseLocalDateSchema = z.string().refine((v) => isValidDate(v), 'expected a date as YYYY-MM-DD')
export const ZMonthlyFenSchema = z.number().int().min(0).max(MAX_MONTHLY_FEN)
export const ZChangeBasisPointsSchema = z.number().int().min(MIN_CHANGE_BP).max(MAX_CHANGE_BP)
/** A group of employees in the enterprise figures (preparation.ts), e.g. `production`. */
export const ZGroupIdSchema = z.string().trim().min(1).max(100).regex(/^[^:\s]+$/, 'no spaces or colons')
const ZClauseIdSchema = z.string().trim().min(1).max(100).regex(/^[^:]+$/, 'no colons')

/** Who an allowance is paid to: everyone, some groups of the enterprise figures, or a number of employees. */
export const ZAppliesToSchema = z.union([
  z.literal('all'),
  z.object({ groups: z.array(ZGroupIdSchema).min(1).max(200) }),
  z.object({ headcount: z.number().int().min(0).max(MAX_HEADCOUNT) }),
])
export type TAppliesTo = z.infer<typeof ZAppliesToSchema>

// ---------------------------------------------------------------------------------------------------------------
// The clause kinds
// ---------------------------------------------------------------------------------------------------------------

export const ZClauseSchema = z.discriminatedUnion('kind', [
  /** GZ 7(3): the increase of the annual average wage, e.g. 650 = 6.5%. */
  z.object({ kind: z.literal('averageWageIncrease'), basisPoints: ZChangeBasisPointsSchema }),
  /** GZ 7(2): the lowest monthly wage paid in the enterprise (LCL 55: not below the local minimum wage). */
  z.object({ kind: z.literal('enterpriseMinimumWage'), fenPerMonth: z.number().int().positive().max(MAX_MONTHLY_FEN) }),
  /** GZ 7(5): the day of the month wages are paid. */
  z.object({ kind: z.literal('payDay'), dayOfMonth: z.number().int().min(1).max(31) }),
  /** GZ 7(5): what overtime pay is computed on. */
  z.object({
    kind: z.literal('overtimeBasis'),
    basis: z.discriminatedUnion('type', [
      z.object({ type: z.literal('baseWage') }),
      z.object({ type: z.literal('standardWage') }),
      z.object({ type: z.literal('amount'), fenPerMonth: z.number().int().positive().max(MAX_MONTHLY_FEN) }),
    ]),
  }),
  /** GZ 7(4): an allowance or subsidy per month, and who gets it. */
  z.object({
    kind: z.literal('allowance'),
    name,
    fenPerMonth: ZMonthlyFenSchema,
    /** Who gets it, as printed: 夜班岗位职工. */
    eligible: text(500),
    /** Who gets it, for the costing. */
    appliesTo: ZAppliesToSchema,
  }),
  /** GZ 7(4): a bonus: its rule and its yearly pool (an amount, or a share of the profit). */
  z.object({
    kind: z.literal('bonus'),
    name,
    rule: text(5_000),
    pool: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('amount'), fen: z.number().int().min(0).max(MAX_ENTERPRISE_FEN) }),
        z.object({ type: z.literal('profitShare'), basisPoints: z.number().int().min(0).max(10_000) }),
      ])
      .optional(),
  }),
  /** GZ 7(3): the increase for one group of employees (overrides the average increase for it in the costing). */
  z.object({
    kind: z.literal('groupIncrease'),
    group: ZGroupIdSchema,
    /** As printed, e.g. 一线生产职工; the enterprise figures' group name is used when absent. */
    groupName: text(200).optional(),
    increase: z.discriminatedUnion('type', [
      z.object({ type: z.literal('basisPoints'), basisPoints: ZChangeBasisPointsSchema }),
      z.object({ type: z.literal('fenPerMonth'), fenPerMonth: z.number().int().min(-MAX_MONTHLY_FEN).max(MAX_MONTHLY_FEN) }),
    ]),
  }),
  /** GZ 7(1); JHR 38: the term in months and its start. */
  z.object({ kind: z.literal('term'), months: z.number().int().positive().max(120), startsOn: ZClauseLocalDateSchema.optional() }),
  /** GZ 7(5): how wages are paid (in money, to a bank account …). */
  z.object({ kind: z.literal('paymentMethod'), text: text(5_000) }),
  /** GZ 7(6); JHR 39-41. */
  z.object({ kind: z.literal('changeProcedure'), text: text(5_000) }),
  /** GZ 7(7); JHR 38. */
  z.object({ kind: z.literal('termination'), text: text(5_000) }),
  /** GZ 7(8); JHR 8(14). */
  z.object({ kind: z.literal('liability'), text: text(5_000) }),
  /** Free text under an item: a wage agreement names its GZ 7 item, a collective contract its JHR 8 chapter. */
  z
    .object({
      kind: z.literal('text'),
      id: ZClauseIdSchema,
      item: ZWageItemSchema.optional(),
      chapter: ZContractChapterSchema.optional(),
      title: text(200).optional(),
      text: text(20_000),
    })
    .refine((c) => c.item !== undefined || c.chapter !== undefined, {
      message: 'a text clause names its GZ 7 item or its JHR 8 chapter',
      path: ['item'],
    }),
])
export type TClause = z.infer<typeof ZClauseSchema>
export type TClauseKind = TClause['kind']
export type TClauseOf<K extends TClauseKind> = Extract<TClause, { kind: K }>

export const clauseKinds = ZClauseSchema.options.map((o) => o.shape.kind.value) as readonly TClauseKind[]

/** The stable key of a clause: the same key in two rounds means two versions of the same clause. */
export function clauseKey(clause: TClause): string {
  switch (clause.kind) {
    case 'allowance':
    case 'bonus':
      return `${clause.kind}:${clause.name}`
    case 'groupIncrease':
      return `groupIncrease:${clause.group}`
    case 'text':
      return `text:${clause.id}`
    default:
      return clause.kind
  }
}

const kindItem: { readonly [K in Exclude<TClauseKind, 'text'>]: { item: TWageItem; chapter: TContractChapter } } = {
  averageWageIncrease: { item: 'wageLevel', chapter: 'pay' },
  enterpriseMinimumWage: { item: 'paySystem', chapter: 'pay' },
  payDay: { item: 'payment', chapter: 'pay' },
  overtimeBasis: { item: 'payment', chapter: 'pay' },
  allowance: { item: 'bonuses', chapter: 'pay' },
  bonus: { item: 'bonuses', chapter: 'pay' },
  groupIncrease: { item: 'wageLevel', chapter: 'pay' },
  term: { item: 'term', chapter: 'term' },
  paymentMethod: { item: 'payment', chapter: 'pay' },
  changeProcedure: { item: 'changeProcedure', chapter: 'changeProcedure' },
  termination: { item: 'termination', chapter: 'term' },
  liability: { item: 'liability', chapter: 'liability' },
}

/** The GZ 7 item a clause belongs to; undefined for a text clause that names only a JHR 8 chapter. */
export function itemOf(clause: TClause): TWageItem | undefined {
  return clause.kind === 'text' ? clause.item : kindItem[clause.kind].item
}

/** The JHR 8 chapter a clause belongs to; undefined for a text clause that names only a GZ 7 item. */
export function chapterOf(clause: TClause): TContractChapter | undefined {
  return clause.kind === 'text' ? clause.chapter : kindItem[clause.kind].chapter
}

/** A value with its object keys sorted, so that equal clauses serialise equally whatever the key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

/** True if two clauses say the same thing (same kind and the same values). */
export function sameClause(a: TClause, b: TClause): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** A list of clauses in which each key occurs once. */
export const ZClauseListSchema = z
  .array(ZClauseSchema)
  .max(200)
  .superRefine((clauses, ctx) => {
    const seen = new Map<string, number>()
    clauses.forEach((c, i) => {
      const key = clauseKey(c)
      const first = seen.get(key)
      if (first === undefined) seen.set(key, i)
      else ctx.addIssue({ code: 'custom', path: [i], message: `clause key ${key} already given at index ${first}` })
    })
  })

// ---------------------------------------------------------------------------------------------------------------
// Words: labels, values and agreement sentences (zh + en)
// ---------------------------------------------------------------------------------------------------------------

export type TBilingual = { zh: string; en: string }

/** A short text for one-line descriptions: at most `max` characters. */
function clip(s: string, max = 40): string {
  const chars = [...s]
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`
}

/** The clause's name: 平均工资增幅 / Average wage increase; 津贴（夜班津贴） / Allowance (夜班津贴). */
export function clauseLabel(clause: TClause, groupNames: Readonly<Record<string, string>> = {}): TBilingual {
  switch (clause.kind) {
    case 'averageWageIncrease':
      return { zh: '平均工资增幅', en: 'Average wage increase' }
    case 'enterpriseMinimumWage':
      return { zh: '企业最低工资', en: 'Enterprise minimum wage' }
    case 'payDay':
      return { zh: '工资支付日', en: 'Pay day' }
    case 'overtimeBasis':
      return { zh: '加班工资计算基数', en: 'Overtime pay basis' }
    case 'allowance':
      return { zh: `津贴（${clause.name}）`, en: `Allowance (${clause.name})` }
    case 'bonus':
      return { zh: `奖金（${clause.name}）`, en: `Bonus (${clause.name})` }
    case 'groupIncrease': {
      const group = clause.groupName ?? groupNames[clause.group] ?? clause.group
      return { zh: `${group}工资增幅`, en: `Wage increase for ${group}` }
    }
    case 'term':
      return { zh: '协议期限', en: 'Term' }
    case 'paymentMethod':
      return { zh: '工资支付方式', en: 'Payment method' }
    case 'changeProcedure':
      return { zh: '变更、解除程序', en: 'Change and rescission procedure' }
    case 'termination':
      return { zh: '终止条件', en: 'Termination conditions' }
    case 'liability':
      return { zh: '违约责任', en: 'Liability for breach' }
    case 'text': {
      const under = clause.item ? wageItemInfo[clause.item] : contractChapterInfo[clause.chapter!]
      return clause.title ? { zh: clause.title, en: clause.title } : { zh: under.zh, en: under.en }
    }
  }
}

/** The clause's value in a few words: 8.0% / 2,600元/月 / 每月15日. */
export function clauseValue(clause: TClause): TBilingual {
  switch (clause.kind) {
    case 'averageWageIncrease':
      return { zh: percent(clause.basisPoints), en: percent(clause.basisPoints) }
    case 'enterpriseMinimumWage':
      return { zh: `${yuan(clause.fenPerMonth)}元/月`, en: `${yuan(clause.fenPerMonth)} yuan per month` }
    case 'payDay':
      return { zh: `每月${clause.dayOfMonth}日`, en: `day ${clause.dayOfMonth} of each month` }
    case 'overtimeBasis':
      return overtimeValue(clause.basis)
    case 'allowance':
      return {
        zh: `${yuan(clause.fenPerMonth)}元/月（${clip(clause.eligible, 20)}）`,
        en: `${yuan(clause.fenPerMonth)} yuan per month (${clip(clause.eligible, 20)})`,
      }
    case 'bonus': {
      const pool = clause.pool
      if (!pool) return { zh: clip(clause.rule), en: clip(clause.rule) }
      return pool.type === 'amount'
        ? { zh: `奖金总额${yuan(pool.fen)}元`, en: `pool of ${yuan(pool.fen)} yuan` }
        : { zh: `利润的${percent(pool.basisPoints)}`, en: `${percent(pool.basisPoints)} of profit` }
    }
    case 'groupIncrease':
      return clause.increase.type === 'basisPoints'
        ? { zh: percent(clause.increase.basisPoints), en: percent(clause.increase.basisPoints) }
        : {
            zh: `每月${clause.increase.fenPerMonth >= 0 ? '增加' : '减少'}${yuan(Math.abs(clause.increase.fenPerMonth))}元`,
            en: `${clause.increase.fenPerMonth >= 0 ? '+' : '-'}${yuan(Math.abs(clause.increase.fenPerMonth))} yuan per month`,
          }
    case 'term':
      return {
        zh: `${clause.months}个月${clause.startsOn ? `，自${clause.startsOn}起` : ''}`,
        en: `${clause.months} months${clause.startsOn ? ` from ${clause.startsOn}` : ''}`,
      }
    case 'paymentMethod':
    case 'changeProcedure':
    case 'termination':
    case 'liability':
    case 'text':
      return { zh: clip(clause.text), en: clip(clause.text) }
  }
}

function overtimeValue(basis: TClauseOf<'overtimeBasis'>['basis']): TBilingual {
  switch (basis.type) {
    case 'baseWage':
      return { zh: '以基本工资为基数', en: 'the base wage' }
    case 'standardWage':
      return { zh: '以标准工资为基数', en: 'the standard wage' }
    case 'amount':
      return { zh: `以${yuan(basis.fenPerMonth)}元/月为基数`, en: `${yuan(basis.fenPerMonth)} yuan per month` }
  }
}

function appliesToText(a: TAppliesTo, groupNames: Readonly<Record<string, string>>): TBilingual {
  if (a === 'all') return { zh: '全体职工', en: 'all employees' }
  if ('groups' in a) {
    const names = a.groups.map((g) => groupNames[g] ?? g)
    return { zh: names.join('、'), en: names.join(', ') }
  }
  return { zh: `${a.headcount}名职工`, en: `${a.headcount} employees` }
}

/** The clause as a sentence of the agreement (Chinese, with an English rendering). */
export function clauseText(clause: TClause, groupNames: Readonly<Record<string, string>> = {}): TBilingual {
  switch (clause.kind) {
    case 'averageWageIncrease':
      return clause.basisPoints >= 0
        ? {
            zh: `职工年度平均工资在上年度基础上增长${percent(clause.basisPoints)}。`,
            en: `The annual average wage increases by ${percent(clause.basisPoints)} over the previous year.`,
          }
        : {
            zh: `职工年度平均工资在上年度基础上调整${percent(clause.basisPoints)}。`,
            en: `The annual average wage changes by ${percent(clause.basisPoints)} from the previous year.`,
          }
    case 'enterpriseMinimumWage':
      return {
        zh: `本企业职工月最低工资为${yuan(clause.fenPerMonth)}元，不低于当地最低工资标准。`,
        en: `The minimum monthly wage in the enterprise is ${yuan(clause.fenPerMonth)} yuan, not below the local minimum wage.`,
      }
    case 'payDay':
      return {
        zh: `企业于每月${clause.dayOfMonth}日前支付职工上月工资，遇节假日或休息日的，应提前在最近的工作日支付。`,
        en: `Wages are paid by day ${clause.dayOfMonth} of each month; if that day is a holiday or rest day, on the working day before.`,
      }
    case 'overtimeBasis': {
      const v = overtimeValue(clause.basis)
      return { zh: `加班工资${v.zh}计算。`, en: `Overtime pay is computed on ${v.en}.` }
    }
    case 'allowance': {
      const who = appliesToText(clause.appliesTo, groupNames)
      return {
        zh: `${clause.name}：${clause.eligible}每人每月${yuan(clause.fenPerMonth)}元（适用：${who.zh}）。`,
        en: `${clause.name}: ${yuan(clause.fenPerMonth)} yuan per person per month for ${clause.eligible} (applies to: ${who.en}).`,
      }
    }
    case 'bonus': {
      const pool = clause.pool
      const poolText: TBilingual = !pool
        ? { zh: '', en: '' }
        : pool.type === 'amount'
          ? { zh: `奖金总额为${yuan(pool.fen)}元。`, en: ` The pool is ${yuan(pool.fen)} yuan.` }
          : { zh: `奖金总额为上年度利润的${percent(pool.basisPoints)}。`, en: ` The pool is ${percent(pool.basisPoints)} of the previous year's profit.` }
      return { zh: `${clause.name}：${clause.rule}${poolText.zh}`, en: `${clause.name}: ${clause.rule}${poolText.en}` }
    }
    case 'groupIncrease': {
      const group = clause.groupName ?? groupNames[clause.group] ?? clause.group
      return clause.increase.type === 'basisPoints'
        ? {
            zh: `${group}月平均工资增长${percent(clause.increase.basisPoints)}。`,
            en: `The average monthly wage of ${group} increases by ${percent(clause.increase.basisPoints)}.`,
          }
        : {
            zh: `${group}月平均工资每人每月增加${yuan(clause.increase.fenPerMonth)}元。`,
            en: `The monthly wage of ${group} changes by ${yuan(clause.increase.fenPerMonth)} yuan per person.`,
          }
    }
    case 'term':
      return {
        zh: `本协议期限为${clause.months}个月${clause.startsOn ? `，自${clause.startsOn}起` : ''}。`,
        en: `The term of this agreement is ${clause.months} months${clause.startsOn ? ` from ${clause.startsOn}` : ''}.`,
      }
    case 'paymentMethod':
    case 'changeProcedure':
    case 'termination':
    case 'liability':
    case 'text':
      return { zh: clause.text, en: clause.text }
  }
}

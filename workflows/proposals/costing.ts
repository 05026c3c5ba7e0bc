/**
 * Costing of a proposal (a set of clauses) against the enterprise figures: the yearly payroll before and after, the
 * increase in yuan and in %, per group; compared with the urban CPI (real increase), the wage guideline band and the
 * minimum wage (LCL 55). The result is plain data plus two ready-made tables (`costingTables`) and summary paragraphs
 * (`costingSummary`) for the preparation documents and the filing package's 情况说明.
 *
 * ROUNDING RULE (stated once, applied everywhere):
 *   1. Per employee per month, the new wage of a group is computed exactly and rounded half up to the fen:
 *        raised = round_half_up(averageMonthlyWageFen × (10000 + bp) / 10000)   (a rate increase), or
 *        raised = averageMonthlyWageFen + fenPerMonth                            (a fixed increase, exact);
 *      then the enterprise minimum lifts it (max(raised, minimum)); then allowance changes are added (exact fen).
 *   2. That monthly amount in fen is multiplied by the headcount and by 12: yearly sums are exact, never rounded.
 *   3. A bonus pool that is a share of the profit is round_half_up(profitFen × bp / 10000), once, per year.
 *   4. Percentages (increase, real increase) are computed from the exact fen sums and rounded half up to the basis
 *      point (0.01%) once, at the end (the real increase is not computed from an already rounded nominal rate).
 *   "Half up" is towards +∞ at exactly one half: round_half_up(x) = floor(x + 1/2).
 *
 * NO FLOATS, NO OVERFLOW: every product and quotient is computed in BigInt (money.ts), so intermediate values are
 * exact whatever their size, and turned back into a number only through `toSafeNumber`, which throws a RangeError
 * rather than round. Proof that realistic cases never reach that error (2^53 − 1 ≈ 9.007 × 10^15 fen):
 *   - a group's monthly wage ≤ 10^8 fen (1 million yuan, clauses.ts MAX_MONTHLY_FEN) and a rate ≤ +100% (or a fixed
 *     increase ≤ 10^8), so a raised monthly wage ≤ 2 × 10^8 fen; the enterprise minimum is ≤ 10^8;
 *   - headcount ≤ 10^6 in all groups together (preparation.ts), so the groups' yearly payroll
 *     ≤ 2 × 10^8 × 10^6 × 12 = 2.4 × 10^15 fen, plus allowance changes of the same order for allowances that
 *     realistically stay below the wage itself;
 *   - a bonus pool ≤ 10^15 fen (10 trillion yuan; profit is bounded the same way), a handful of pools per enterprise;
 *   so before and after totals stay below 2.4 × 10^15 + 2.4 × 10^15 + 4 × 10^15 < 9 × 10^15. The products inside a
 *   rate (wage × (10000 + bp) ≤ 2 × 10^12) and inside a percentage (difference × 10^4 ≤ 10^20) exceed 2^53 only in
 *   BigInt, where they are exact.
 */
import {
  clauseKey,
  type TAppliesTo,
  type TBilingual,
  type TClause,
  type TClauseOf,
} from './clauses.js'
import { changeInBasisPoints, divHalfUp, percent, percentFixed, raiseByBasisPoints, shareOf, toSafeNumber, yuan, yuanFixed } from './money.js'
import { positionsAfter, type TParty } from './diff.js'
import type { TCurrentAllowance, TEmployeeGroup, TPreparationFigures, TWageGuideline } from './preparation.js'
import type { TNegotiationContext } from '../negotiation/context.js'

export const roundingRule: TBilingual = {
  zh: '计算规则：每名职工每月工资按增幅计算后四舍五入到分，再乘以人数和12个月；年度合计不再舍入；利润提成奖金按年四舍五入到分；百分比按分合计数计算，四舍五入到0.01%。',
  en: 'Rounding: each employee\'s monthly wage after the increase is rounded half up to the fen, then multiplied by headcount and 12 months; yearly sums are exact; a profit-share bonus pool is rounded half up to the fen once a year; percentages are computed from the exact fen sums and rounded half up to 0.01%.',
}

export type TGroupCost = {
  id: string
  name: string
  headcount: number
  /** Regular monthly pay per employee today (the group's average). */
  beforeMonthlyFen: number
  /** After the increase and the enterprise minimum, before allowance changes. */
  wageAfterMonthlyFen: number
  /** Proposed allowances minus the current ones, per employee per month. */
  allowanceChangeMonthlyFen: number
  afterMonthlyFen: number
  beforeYearlyFen: number
  afterYearlyFen: number
  increaseYearlyFen: number
  increaseBasisPoints: number | null
  /** What set the wage: the group's own increase, the average increase, or nothing. */
  rule: 'groupIncrease' | 'averageIncrease' | 'none'
  /** The enterprise minimum lifted the group's wage. */
  raisedToMinimum: boolean
}

/** An allowance paid to a number of employees not tied to the groups. */
export type TAllowanceLine = {
  key: string
  name: string
  headcount: number
  fenPerMonth: number
  /** Change on the current allowance of the same name, per year. */
  increaseYearlyFen: number
}

export type TBonusLine = {
  key: string
  name: string
  beforeYearlyFen: number
  afterYearlyFen: number
  increaseYearlyFen: number
  basis: 'amount' | 'profitShare' | 'unchanged'
}

export type TCostingFlag = {
  code: string
  /** `illegal`: a statutory floor is broken (LCL 55); `advisory`: a GZ 8 factor the sides should weigh. */
  severity: 'illegal' | 'advisory'
  article: string
  /** The local instrument that sets the figure compared with (its source as recorded). */
  localRule?: string
  group?: string
  message: TBilingual
}

export type TCosting = {
  rounding: TBilingual
  /** The year of the enterprise figures costed. */
  figuresYear: number
  groups: TGroupCost[]
  allowanceLines: TAllowanceLine[]
  bonusPools: TBonusLine[]
  totals: {
    headcount: number
    beforeYearlyFen: number
    afterYearlyFen: number
    increaseYearlyFen: number
    increaseBasisPoints: number | null
    /** Regular monthly pay per employee (bonus pools excluded), rounded half up to the fen. */
    averageMonthlyBeforeFen: number
    averageMonthlyAfterFen: number
  }
  /** The proposal's average wage increase clause, if any. */
  proposedAverageIncreaseBasisPoints?: number
  /** GZ 8(4): urban CPI and the real increase = after / (before × (1 + CPI)) − 1, rounded half up to 0.01%. */
  cpi?: { basisPoints: number; year: number; source: string; realIncreaseBasisPoints: number; differenceBasisPoints: number }
  /** GZ 8(3): the wage guideline and where the payroll increase falls. */
  guideline?: TWageGuideline & {
    year: number
    source: string
    band: 'belowLower' | 'withinBand' | 'aboveUpper'
    comparedToBaseline: 'below' | 'at' | 'above'
  }
  /** LCL 55: the local minimum wage, the proposed enterprise minimum and the lowest group wage after the proposal. */
  minimumWage?: {
    fenPerMonth: number
    year: number
    source: string
    note?: string
    enterpriseMinimumFen?: number
    lowestGroupWageFen: number
  }
  flags: TCostingFlag[]
  /** Clauses that change the cost but cannot be costed from the figures, with the reason. */
  notCosted: { key: string; reason: TBilingual }[]
}

function only<K extends TClause['kind']>(clauses: readonly TClause[], kind: K): TClauseOf<K>[] {
  return clauses.filter((c): c is TClauseOf<K> => c.kind === kind)
}

function appliesToGroup(a: TAppliesTo, group: string): boolean {
  return a === 'all' || ('groups' in a && a.groups.includes(group))
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n)

/**
 * The costing of `clauses` against `figures` (the case's current preparation figures). Throws a RangeError when the
 * enterprise groups are not recorded (nothing to cost) or a result is beyond 2^53 − 1 fen.
 */
export function costProposal(clauses: readonly TClause[], figures: TPreparationFigures): TCosting {
  const groupsFigure = figures.enterprise.groups
  if (!groupsFigure) throw new RangeError('costProposal: the enterprise groups (headcount and average wage) are not recorded')
  const groups: readonly TEmployeeGroup[] = groupsFigure.value
  const groupIds = new Set(groups.map((g) => g.id))
  const notCosted: TCosting['notCosted'] = []

  const average = only(clauses, 'averageWageIncrease')[0]
  const minimum = only(clauses, 'enterpriseMinimumWage')[0]
  const groupIncreases = new Map<string, TClauseOf<'groupIncrease'>>()
  for (const c of only(clauses, 'groupIncrease')) {
    if (groupIds.has(c.group)) groupIncreases.set(c.group, c)
    else {
      notCosted.push({
        key: clauseKey(c),
        reason: { zh: `企业数据中没有职工类别“${c.group}”。`, en: `The enterprise figures have no group "${c.group}".` },
      })
    }
  }

  // Allowances: the proposed amount per group (or per headcount line) against the current one of the same name.
  const current: readonly TCurrentAllowance[] = figures.enterprise.currentAllowances?.value ?? []
  const allowances = only(clauses, 'allowance')
  const allowanceChange = new Map<string, bigint>(groups.map((g) => [g.id, 0n]))
  const allowanceLines: TAllowanceLine[] = []
  for (const a of allowances) {
    const unknown = typeof a.appliesTo === 'object' && 'groups' in a.appliesTo ? a.appliesTo.groups.filter((g) => !groupIds.has(g)) : []
    if (unknown.length > 0) {
      notCosted.push({
        key: clauseKey(a),
        reason: { zh: `企业数据中没有职工类别“${unknown.join('、')}”。`, en: `The enterprise figures have no group "${unknown.join(', ')}".` },
      })
      continue
    }
    const now = current.find((c) => c.name === a.name)
    for (const g of groups) {
      const proposed = appliesToGroup(a.appliesTo, g.id) ? a.fenPerMonth : 0
      const was = now && appliesToGroup(now.appliesTo, g.id) ? now.fenPerMonth : 0
      allowanceChange.set(g.id, allowanceChange.get(g.id)! + BigInt(proposed - was))
    }
    const line = (x: { fenPerMonth: number; appliesTo: TAppliesTo } | undefined) =>
      x && typeof x.appliesTo === 'object' && 'headcount' in x.appliesTo ? BigInt(x.appliesTo.headcount) * BigInt(x.fenPerMonth) * 12n : 0n
    if (typeof a.appliesTo === 'object' && 'headcount' in a.appliesTo) {
      allowanceLines.push({
        key: clauseKey(a),
        name: a.name,
        headcount: a.appliesTo.headcount,
        fenPerMonth: a.fenPerMonth,
        increaseYearlyFen: toSafeNumber(line(a) - line(now), 'allowance'),
      })
    } else if (line(now) !== 0n) {
      // The current allowance was paid to a headcount; the proposal pays it to groups instead.
      allowanceLines.push({ key: clauseKey(a), name: a.name, headcount: 0, fenPerMonth: 0, increaseYearlyFen: toSafeNumber(-line(now), 'allowance') })
    }
  }

  const groupCosts = groups.map((g): TGroupCost => {
    const own = groupIncreases.get(g.id)
    let wage = g.averageMonthlyWageFen
    let rule: TGroupCost['rule'] = 'none'
    if (own) {
      rule = 'groupIncrease'
      wage =
        own.increase.type === 'basisPoints'
          ? raiseByBasisPoints(wage, own.increase.basisPoints)
          : Math.max(0, wage + own.increase.fenPerMonth)
    } else if (average) {
      rule = 'averageIncrease'
      wage = raiseByBasisPoints(wage, average.basisPoints)
    }
    const raisedToMinimum = minimum !== undefined && g.headcount > 0 && wage < minimum.fenPerMonth
    if (raisedToMinimum) wage = minimum.fenPerMonth
    const change = allowanceChange.get(g.id)!
    const after = BigInt(wage) + change
    const headcount = BigInt(g.headcount)
    const beforeYearly = BigInt(g.averageMonthlyWageFen) * headcount * 12n
    const afterYearly = after * headcount * 12n
    return {
      id: g.id,
      name: g.name,
      headcount: g.headcount,
      beforeMonthlyFen: g.averageMonthlyWageFen,
      wageAfterMonthlyFen: wage,
      allowanceChangeMonthlyFen: toSafeNumber(change, 'allowance change'),
      afterMonthlyFen: toSafeNumber(after, 'monthly wage'),
      beforeYearlyFen: toSafeNumber(beforeYearly, 'yearly payroll'),
      afterYearlyFen: toSafeNumber(afterYearly, 'yearly payroll'),
      increaseYearlyFen: toSafeNumber(afterYearly - beforeYearly, 'yearly increase'),
      increaseBasisPoints: changeInBasisPoints(beforeYearly, afterYearly),
      rule,
      raisedToMinimum,
    }
  })

  // Bonus pools: the proposed pool replaces the current one of the same name; the others stay as they are.
  const currentPools = figures.enterprise.currentBonusPools?.value ?? []
  const bonusPools: TBonusLine[] = []
  const proposedBonuses = only(clauses, 'bonus')
  for (const b of proposedBonuses) {
    const before = currentPools.find((p) => p.name === b.name)?.yearlyFen ?? 0
    let after: number | undefined
    if (!b.pool) {
      notCosted.push({ key: clauseKey(b), reason: { zh: '未约定奖金总额。', en: 'No bonus pool is given.' } })
    } else if (b.pool.type === 'amount') {
      after = b.pool.fen
    } else {
      const profit = figures.enterprise.profitFen
      if (!profit) {
        notCosted.push({ key: clauseKey(b), reason: { zh: '企业数据中没有利润。', en: 'The enterprise figures have no profit.' } })
      } else {
        after = profit.value > 0 ? shareOf(profit.value, b.pool.basisPoints) : 0
      }
    }
    if (after === undefined) {
      if (before > 0) bonusPools.push({ key: clauseKey(b), name: b.name, beforeYearlyFen: before, afterYearlyFen: before, increaseYearlyFen: 0, basis: 'unchanged' })
      continue
    }
    bonusPools.push({
      key: clauseKey(b),
      name: b.name,
      beforeYearlyFen: before,
      afterYearlyFen: after,
      increaseYearlyFen: after - before,
      basis: b.pool!.type,
    })
  }
  for (const p of currentPools) {
    if (proposedBonuses.some((b) => b.name === p.name)) continue
    bonusPools.push({ key: `bonus:${p.name}`, name: p.name, beforeYearlyFen: p.yearlyFen, afterYearlyFen: p.yearlyFen, increaseYearlyFen: 0, basis: 'unchanged' })
  }

  for (const c of only(clauses, 'overtimeBasis')) {
    notCosted.push({
      key: clauseKey(c),
      reason: { zh: '加班工资取决于加班时数，未计入测算。', en: 'Overtime pay depends on overtime hours, which are not in the figures.' },
    })
  }

  // Totals in BigInt from the exact parts.
  const headcount = groups.reduce((n, g) => n + g.headcount, 0)
  const beforeYearly = sum(groupCosts.map((g) => BigInt(g.beforeYearlyFen))) + sum(bonusPools.map((b) => BigInt(b.beforeYearlyFen)))
  const afterYearly =
    sum(groupCosts.map((g) => BigInt(g.afterYearlyFen))) +
    sum(allowanceLines.map((a) => BigInt(a.increaseYearlyFen))) +
    sum(bonusPools.map((b) => BigInt(b.afterYearlyFen)))
  const monthlyBefore = sum(groupCosts.map((g) => BigInt(g.beforeMonthlyFen) * BigInt(g.headcount)))
  const monthlyAfter =
    sum(groupCosts.map((g) => BigInt(g.afterMonthlyFen) * BigInt(g.headcount))) + divHalfUp(sum(allowanceLines.map((a) => BigInt(a.increaseYearlyFen))), 12n)
  const perHead = (total: bigint) => (headcount > 0 ? toSafeNumber(divHalfUp(total, BigInt(headcount)), 'average') : 0)
  const increaseBasisPoints = changeInBasisPoints(beforeYearly, afterYearly)
  const totals: TCosting['totals'] = {
    headcount,
    beforeYearlyFen: toSafeNumber(beforeYearly, 'yearly payroll'),
    afterYearlyFen: toSafeNumber(afterYearly, 'yearly payroll'),
    increaseYearlyFen: toSafeNumber(afterYearly - beforeYearly, 'yearly increase'),
    increaseBasisPoints,
    averageMonthlyBeforeFen: perHead(monthlyBefore),
    averageMonthlyAfterFen: perHead(monthlyAfter),
  }

  const flags: TCostingFlag[] = []
  const regional = figures.regional
  const n = increaseBasisPoints ?? 0

  let cpi: TCosting['cpi']
  if (regional.urbanCpi) {
    const c = regional.urbanCpi.value
    // Exact: after / (before × (1 + CPI)) − 1, from the fen sums (no rounding of the nominal rate first).
    const real =
      beforeYearly > 0n
        ? toSafeNumber(divHalfUp(afterYearly * 100_000_000n, beforeYearly * BigInt(10_000 + c)), 'real increase') - 10_000
        : 0
    cpi = { basisPoints: c, year: regional.urbanCpi.year, source: regional.urbanCpi.source, realIncreaseBasisPoints: real, differenceBasisPoints: n - c }
    if (real < 0) {
      flags.push({
        code: 'REAL_WAGE_DECREASE',
        severity: 'advisory',
        article: 'GZ 8(4)',
        localRule: regional.urbanCpi.source,
        message: {
          zh: `工资总额增幅${percent(n)}低于城镇居民消费价格指数涨幅${percent(c)}，实际工资下降${percent(-real)}。`,
          en: `The payroll increase of ${percent(n)} is below the urban CPI change of ${percent(c)}: real wages fall by ${percent(-real)}.`,
        },
      })
    }
  }

  let guideline: TCosting['guideline']
  if (regional.wageGuideline) {
    const g = regional.wageGuideline.value
    const band =
      g.lowerBasisPoints !== undefined && n < g.lowerBasisPoints
        ? 'belowLower'
        : g.upperBasisPoints !== undefined && n > g.upperBasisPoints
          ? 'aboveUpper'
          : 'withinBand'
    const comparedToBaseline = n < g.baselineBasisPoints ? 'below' : n > g.baselineBasisPoints ? 'above' : 'at'
    guideline = { ...g, year: regional.wageGuideline.year, source: regional.wageGuideline.source, band, comparedToBaseline }
    if (band === 'belowLower') {
      flags.push({
        code: 'BELOW_GUIDELINE_LOWER',
        severity: 'advisory',
        article: 'GZ 8(3)',
        localRule: regional.wageGuideline.source,
        message: {
          zh: `工资总额增幅${percent(n)}低于工资指导线下线${percent(g.lowerBasisPoints!)}。`,
          en: `The payroll increase of ${percent(n)} is below the wage guideline's lower line of ${percent(g.lowerBasisPoints!)}.`,
        },
      })
    } else if (band === 'aboveUpper') {
      flags.push({
        code: 'ABOVE_GUIDELINE_UPPER',
        severity: 'advisory',
        article: 'GZ 8(3)',
        localRule: regional.wageGuideline.source,
        message: {
          zh: `工资总额增幅${percent(n)}高于工资指导线上线${percent(g.upperBasisPoints!)}。`,
          en: `The payroll increase of ${percent(n)} is above the wage guideline's upper line of ${percent(g.upperBasisPoints!)}.`,
        },
      })
    }
  }

  let minimumWage: TCosting['minimumWage']
  const staffed = groupCosts.filter((g) => g.headcount > 0)
  const lowest = staffed.length > 0 ? Math.min(...staffed.map((g) => g.wageAfterMonthlyFen)) : 0
  if (regional.minimumWage) {
    const m = regional.minimumWage
    minimumWage = {
      fenPerMonth: m.value,
      year: m.year,
      source: m.source,
      ...(m.note ? { note: m.note } : {}),
      ...(minimum ? { enterpriseMinimumFen: minimum.fenPerMonth } : {}),
      lowestGroupWageFen: lowest,
    }
    if (minimum && minimum.fenPerMonth < m.value) {
      flags.push({
        code: 'ENTERPRISE_MINIMUM_BELOW_MINIMUM_WAGE',
        severity: 'illegal',
        article: 'LCL 55',
        localRule: m.source,
        message: {
          zh: `企业最低工资${yuan(minimum.fenPerMonth)}元/月低于当地最低工资标准${yuan(m.value)}元/月（劳动合同法第五十五条；${m.source}）。`,
          en: `The enterprise minimum wage of ${yuan(minimum.fenPerMonth)} yuan per month is below the local minimum wage of ${yuan(m.value)} yuan (LCL 55; ${m.source}).`,
        },
      })
    }
    for (const g of staffed) {
      if (g.wageAfterMonthlyFen >= m.value) continue
      flags.push({
        code: 'GROUP_WAGE_BELOW_MINIMUM_WAGE',
        severity: 'illegal',
        article: 'LCL 55',
        localRule: m.source,
        group: g.id,
        message: {
          zh: `${g.name}调整后月平均工资${yuan(g.wageAfterMonthlyFen)}元低于当地最低工资标准${yuan(m.value)}元，至少有一名职工低于最低工资（劳动合同法第五十五条；${m.source}）。`,
          en: `The average monthly wage of ${g.name} after the proposal, ${yuan(g.wageAfterMonthlyFen)} yuan, is below the local minimum wage of ${yuan(m.value)} yuan, so at least one employee is (LCL 55; ${m.source}).`,
        },
      })
    }
  }

  return {
    rounding: roundingRule,
    figuresYear: groupsFigure.year,
    groups: groupCosts,
    allowanceLines,
    bonusPools,
    totals,
    ...(average ? { proposedAverageIncreaseBasisPoints: average.basisPoints } : {}),
    ...(cpi ? { cpi } : {}),
    ...(guideline ? { guideline } : {}),
    ...(minimumWage ? { minimumWage } : {}),
    flags,
    notCosted,
  }
}

/**
 * The costing of each position after round `roundNumber` (default: the last round; 0: before any round): each side's
 * current proposal and the clauses agreed so far. Undefined when the enterprise groups are not recorded.
 */
export function costPositions(
  context: Pick<TNegotiationContext, 'rounds' | 'preparation'>,
  roundNumber = context.rounds.at(-1)?.number ?? 0,
): Partial<Record<TParty, TCosting>> | undefined {
  const figures = context.preparation.figures
  if (!figures.enterprise.groups) return undefined
  const positions = positionsAfter(context, roundNumber)
  const out: Partial<Record<TParty, TCosting>> = {}
  for (const party of ['worker', 'employer', 'agreed'] as const) {
    const clauses = [...positions[party].values()]
    if (clauses.length > 0) out[party] = costProposal(clauses, figures)
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Tables and paragraphs for the documents
// ---------------------------------------------------------------------------------------------------------------

export type TTableColumn = { key: string; title: TBilingual; unit?: TBilingual; align: 'left' | 'right' }
export type TTableRow = { kind: 'group' | 'allowance' | 'bonus' | 'total' | 'item'; label: TBilingual; cells: TBilingual[] }
/** A plain table: the first column is each row's `label`, the others are `cells` in the order of `columns`. */
export type TTable = { title: TBilingual; columns: TTableColumn[]; rows: TTableRow[]; notes: TBilingual[] }

const same = (s: string): TBilingual => ({ zh: s, en: s })
const blank = same('')
const yuanUnit: TBilingual = { zh: '元', en: 'yuan' }

/** The payroll table (per group, allowances, bonus pools, total) and the comparison table (CPI, guideline, minimum). */
export function costingTables(costing: TCosting): { payroll: TTable; comparison: TTable } {
  const pct = (bp: number | null) => (bp === null ? same('—') : same(percentFixed(bp)))
  const payrollColumns: TTableColumn[] = [
    { key: 'label', title: { zh: '职工类别', en: 'Group' }, align: 'left' },
    { key: 'headcount', title: { zh: '人数', en: 'Headcount' }, unit: { zh: '人', en: 'persons' }, align: 'right' },
    { key: 'beforeMonthly', title: { zh: '调整前月平均工资', en: 'Monthly wage before' }, unit: yuanUnit, align: 'right' },
    { key: 'afterMonthly', title: { zh: '调整后月平均工资', en: 'Monthly wage after' }, unit: yuanUnit, align: 'right' },
    { key: 'monthlyIncrease', title: { zh: '人均月增加额', en: 'Monthly increase per head' }, unit: yuanUnit, align: 'right' },
    { key: 'increase', title: { zh: '增幅', en: 'Increase' }, align: 'right' },
    { key: 'beforeYearly', title: { zh: '调整前年工资总额', en: 'Yearly payroll before' }, unit: yuanUnit, align: 'right' },
    { key: 'afterYearly', title: { zh: '调整后年工资总额', en: 'Yearly payroll after' }, unit: yuanUnit, align: 'right' },
    { key: 'yearlyIncrease', title: { zh: '年增加额', en: 'Yearly increase' }, unit: yuanUnit, align: 'right' },
  ]
  const rows: TTableRow[] = costing.groups.map((g) => ({
    kind: 'group',
    label: same(g.name),
    cells: [
      same(String(g.headcount)),
      same(yuanFixed(g.beforeMonthlyFen)),
      same(yuanFixed(g.afterMonthlyFen)),
      same(yuanFixed(g.afterMonthlyFen - g.beforeMonthlyFen)),
      pct(g.increaseBasisPoints),
      same(yuanFixed(g.beforeYearlyFen)),
      same(yuanFixed(g.afterYearlyFen)),
      same(yuanFixed(g.increaseYearlyFen)),
    ],
  }))
  for (const a of costing.allowanceLines) {
    rows.push({
      kind: 'allowance',
      label: { zh: `津贴：${a.name}`, en: `Allowance: ${a.name}` },
      cells: [same(String(a.headcount)), blank, same(yuanFixed(a.fenPerMonth)), blank, blank, blank, blank, same(yuanFixed(a.increaseYearlyFen))],
    })
  }
  for (const b of costing.bonusPools) {
    rows.push({
      kind: 'bonus',
      label: { zh: `奖金：${b.name}`, en: `Bonus: ${b.name}` },
      cells: [
        blank,
        blank,
        blank,
        blank,
        pct(changeInBasisPoints(b.beforeYearlyFen, b.afterYearlyFen)),
        same(yuanFixed(b.beforeYearlyFen)),
        same(yuanFixed(b.afterYearlyFen)),
        same(yuanFixed(b.increaseYearlyFen)),
      ],
    })
  }
  const t = costing.totals
  rows.push({
    kind: 'total',
    label: { zh: '合计', en: 'Total' },
    cells: [
      same(String(t.headcount)),
      same(yuanFixed(t.averageMonthlyBeforeFen)),
      same(yuanFixed(t.averageMonthlyAfterFen)),
      same(yuanFixed(t.averageMonthlyAfterFen - t.averageMonthlyBeforeFen)),
      pct(t.increaseBasisPoints),
      same(yuanFixed(t.beforeYearlyFen)),
      same(yuanFixed(t.afterYearlyFen)),
      same(yuanFixed(t.increaseYearlyFen)),
    ],
  })
  const notes: TBilingual[] = [
    costing.rounding,
    {
      zh: `企业数据年度：${costing.figuresYear}年；合计行的月平均工资为全体职工人均（不含年度奖金）。`,
      en: `Enterprise figures for ${costing.figuresYear}; the monthly wages in the total row are per head of all employees (yearly bonus pools excluded).`,
    },
    ...costing.notCosted.map((n) => ({ zh: `未测算：${n.key}（${n.reason.zh}）`, en: `Not costed: ${n.key} (${n.reason.en})` })),
  ]

  const comparisonColumns: TTableColumn[] = [
    { key: 'label', title: { zh: '项目', en: 'Item' }, align: 'left' },
    { key: 'value', title: { zh: '数值', en: 'Value' }, align: 'right' },
    { key: 'year', title: { zh: '年度', en: 'Year' }, align: 'right' },
    { key: 'source', title: { zh: '来源', en: 'Source' }, align: 'left' },
    { key: 'assessment', title: { zh: '比较', en: 'Comparison' }, align: 'left' },
  ]
  const items: TTableRow[] = [
    {
      kind: 'item',
      label: { zh: '工资总额增幅', en: 'Payroll increase' },
      cells: [pct(t.increaseBasisPoints), same(String(costing.figuresYear)), blank, blank],
    },
  ]
  if (costing.cpi) {
    const c = costing.cpi
    items.push({
      kind: 'item',
      label: { zh: '城镇居民消费价格指数涨幅', en: 'Urban CPI change' },
      cells: [
        same(percentFixed(c.basisPoints)),
        same(String(c.year)),
        same(c.source),
        {
          zh: `实际工资增幅${percentFixed(c.realIncreaseBasisPoints)}`,
          en: `real increase ${percentFixed(c.realIncreaseBasisPoints)}`,
        },
      ],
    })
  }
  if (costing.guideline) {
    const g = costing.guideline
    const lines = [
      g.lowerBasisPoints !== undefined ? { zh: `下线${percentFixed(g.lowerBasisPoints)}`, en: `lower ${percentFixed(g.lowerBasisPoints)}` } : undefined,
      { zh: `基准线${percentFixed(g.baselineBasisPoints)}`, en: `baseline ${percentFixed(g.baselineBasisPoints)}` },
      g.upperBasisPoints !== undefined ? { zh: `上线${percentFixed(g.upperBasisPoints)}`, en: `upper ${percentFixed(g.upperBasisPoints)}` } : undefined,
    ].filter((x): x is TBilingual => x !== undefined)
    const bandWords: Record<typeof g.band, TBilingual> = {
      belowLower: { zh: '低于下线', en: 'below the lower line' },
      withinBand: { zh: '在指导线区间内', en: 'within the guideline band' },
      aboveUpper: { zh: '高于上线', en: 'above the upper line' },
    }
    const baseWords: Record<typeof g.comparedToBaseline, TBilingual> = {
      below: { zh: '低于基准线', en: 'below the baseline' },
      at: { zh: '等于基准线', en: 'at the baseline' },
      above: { zh: '高于基准线', en: 'above the baseline' },
    }
    items.push({
      kind: 'item',
      label: { zh: '工资指导线', en: 'Wage guideline' },
      cells: [
        { zh: lines.map((l) => l.zh).join('，'), en: lines.map((l) => l.en).join(', ') },
        same(String(g.year)),
        same(g.source),
        { zh: `${bandWords[g.band].zh}，${baseWords[g.comparedToBaseline].zh}`, en: `${bandWords[g.band].en}, ${baseWords[g.comparedToBaseline].en}` },
      ],
    })
  }
  if (costing.minimumWage) {
    const m = costing.minimumWage
    const legal = !costing.flags.some((f) => f.article === 'LCL 55')
    items.push({
      kind: 'item',
      label: { zh: '当地最低工资标准（月）', en: 'Local minimum wage (monthly)' },
      cells: [
        { zh: `${yuanFixed(m.fenPerMonth)}元`, en: `${yuanFixed(m.fenPerMonth)} yuan` },
        same(String(m.year)),
        same(m.source),
        legal
          ? { zh: '不低于最低工资标准（劳动合同法第五十五条）', en: 'not below the minimum wage (LCL 55)' }
          : { zh: '低于最低工资标准（劳动合同法第五十五条）', en: 'below the minimum wage (LCL 55)' },
      ],
    })
    if (m.enterpriseMinimumFen !== undefined) {
      items.push({
        kind: 'item',
        label: { zh: '企业最低工资（月）', en: 'Enterprise minimum wage (monthly)' },
        cells: [
          { zh: `${yuanFixed(m.enterpriseMinimumFen)}元`, en: `${yuanFixed(m.enterpriseMinimumFen)} yuan` },
          blank,
          blank,
          m.enterpriseMinimumFen >= m.fenPerMonth
            ? { zh: `高于当地标准${yuan(m.enterpriseMinimumFen - m.fenPerMonth)}元`, en: `${yuan(m.enterpriseMinimumFen - m.fenPerMonth)} yuan above the local minimum` }
            : { zh: `低于当地标准${yuan(m.fenPerMonth - m.enterpriseMinimumFen)}元`, en: `${yuan(m.fenPerMonth - m.enterpriseMinimumFen)} yuan below the local minimum` },
        ],
      })
    }
  }
  return {
    payroll: { title: { zh: '工资调整成本测算表', en: 'Payroll cost of the proposal' }, columns: payrollColumns, rows, notes },
    comparison: {
      title: { zh: '与消费价格指数、工资指导线和最低工资标准的比较', en: 'Comparison with the CPI, the wage guideline and the minimum wage' },
      columns: comparisonColumns,
      rows: items,
      notes: costing.flags.map((f) => f.message),
    },
  }
}

/** Paragraphs for the 情况说明 (or a preparation note): the cost, the comparisons and every flag. */
export function costingSummary(costing: TCosting, proposal: TBilingual = { zh: '本方案', en: 'The proposal' }): { zh: string[]; en: string[] } {
  const t = costing.totals
  const zh: string[] = []
  const en: string[] = []
  const inc = t.increaseBasisPoints === null ? '—' : percent(t.increaseBasisPoints)
  zh.push(
    `${proposal.zh}涉及职工${t.headcount}人，年工资总额由${yuan(t.beforeYearlyFen)}元增至${yuan(t.afterYearlyFen)}元，增加${yuan(t.increaseYearlyFen)}元，增幅${inc}；人均月工资由${yuan(t.averageMonthlyBeforeFen)}元增至${yuan(t.averageMonthlyAfterFen)}元。`,
  )
  en.push(
    `${proposal.en} covers ${t.headcount} employees: the yearly payroll rises from ${yuan(t.beforeYearlyFen)} to ${yuan(t.afterYearlyFen)} yuan, by ${yuan(t.increaseYearlyFen)} yuan (${inc}); the monthly wage per head from ${yuan(t.averageMonthlyBeforeFen)} to ${yuan(t.averageMonthlyAfterFen)} yuan.`,
  )
  if (costing.cpi) {
    zh.push(`${costing.cpi.year}年城镇居民消费价格指数上涨${percent(costing.cpi.basisPoints)}（${costing.cpi.source}），扣除物价因素后实际增幅${percent(costing.cpi.realIncreaseBasisPoints)}。`)
    en.push(`The urban CPI rose by ${percent(costing.cpi.basisPoints)} in ${costing.cpi.year} (${costing.cpi.source}); the real increase is ${percent(costing.cpi.realIncreaseBasisPoints)}.`)
  }
  if (costing.guideline) {
    const g = costing.guideline
    const band = { belowLower: ['低于下线', 'below its lower line'], withinBand: ['在指导线区间内', 'within its band'], aboveUpper: ['高于上线', 'above its upper line'] }[g.band]
    zh.push(`${g.year}年工资指导线基准线为${percent(g.baselineBasisPoints)}（${g.source}），本方案增幅${band[0]}。`)
    en.push(`The ${g.year} wage guideline baseline is ${percent(g.baselineBasisPoints)} (${g.source}); the increase is ${band[1]}.`)
  }
  if (costing.minimumWage) {
    const m = costing.minimumWage
    zh.push(`当地最低工资标准为每月${yuan(m.fenPerMonth)}元（${m.source}）${m.enterpriseMinimumFen !== undefined ? `，企业最低工资为每月${yuan(m.enterpriseMinimumFen)}元` : ''}。`)
    en.push(
      `The local minimum wage is ${yuan(m.fenPerMonth)} yuan per month (${m.source})${m.enterpriseMinimumFen !== undefined ? `; the enterprise minimum is ${yuan(m.enterpriseMinimumFen)} yuan` : ''}.`,
    )
  }
  for (const f of costing.flags) {
    zh.push(f.message.zh)
    en.push(f.message.en)
  }
  zh.push(costing.rounding.zh)
  en.push(costing.rounding.en)
  return { zh, en }
}

/** A short label of a costed clause set's headline numbers, for lists: "6.5% · +1,719,900元/年". */
export function costingHeadline(costing: TCosting): TBilingual {
  const t = costing.totals
  const inc = t.increaseBasisPoints === null ? '—' : percent(t.increaseBasisPoints)
  return { zh: `${inc}，年增加${yuan(t.increaseYearlyFen)}元`, en: `${inc}, +${yuan(t.increaseYearlyFen)} yuan a year` }
}

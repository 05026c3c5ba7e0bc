/**
 * Statistics of a region for the labour bureau (issue 9): pure aggregation over facts read from the case log, the
 * case snapshots, the Deadline rows and the reference tables (src/engine/statistics.ts reads them).
 *
 * Definitions (each statistic is over the region and all its sub-regions, broken down by the region's direct
 * sub-regions — "units"; enterprises registered on the region itself form a unit of their own):
 *   - A filing is a receipt the bureau registered (`filing.registered`, JHR 42 ¶2); the receipt date starts the
 *     15-day review (JHR 44-47; GZ 22). A registration followed by a correction request (补正) is not counted: the
 *     review runs again from the receipt of the completed filing, which is counted. A refiling after an objection
 *     is a new filing with a new 15 days (JHR 46).
 *   - Filings are counted in the month of their receipt; the review figures are those of the filings received in
 *     the period.
 *   - The decision on a filing: an objection (审查意见书, JHR 45) on the date of its opinion; a no-objection opinion
 *     (GZ 22 ¶2) on the date of its opinion; a deemed approval (JHR 47; GZ 22 ¶4) on the last day of the review
 *     period (the day the 15 days, extended over a closing rest day by CC 203, ran out). Review time = calendar days
 *     from receipt to decision.
 *   - Deemed-approval rate = deemed approvals / decided filings.
 *   - Coverage: an enterprise is covered when an agreement of its cases is in force at the end of the last day of the
 *     period: effective on or before that day, its term not ended (expiresOn on or after it, JHR 38), not replaced by
 *     a later version (amendment, JHR 39) and not ended (rescission or an agreed end, JHR 38-41) by then.
 *   - Wage increase: the annual average wage adjustment (GZ 7(3)) agreed in the clauses of each agreement concluded
 *     that took effect in the period (amendments are not counted again), by GB/T 4754 section, against the wage
 *     guideline (工资指导线) of the year it took effect, for the enterprise's region or the nearest region above it
 *     that publishes one.
 * Percentages and averages are rounded to 2 decimals (half away from zero); counts are exact.
 */
import type { TBilingual } from '../proposals/clauses.js'
import { addDays, diffDays } from '../rules/calendar/dates.js'

// ---------------------------------------------------------------------------------------------------------------
// Input facts
// ---------------------------------------------------------------------------------------------------------------

/** The events of a case that make up its reviews, in log order. */
export type TReviewEventFact = { caseId: string; enterpriseId: string; seq: number } & (
  | { type: 'filing.registered'; receivedOn: string }
  | { type: 'review.objected' | 'review.approved'; opinionDate: string }
  | { type: 'correction.requested' }
)

/** A `review` Deadline row: scheduled by the registration with seq `createdSeq`. */
export type TReviewDeadlineFact = { caseId: string; createdSeq: number; lastDay: string; status: string }

export type TDecisionKind = 'objection' | 'noObjection' | 'deemedApproval'

export type TReviewCycle = {
  caseId: string
  enterpriseId: string
  receivedOn: string
  decision?: { kind: TDecisionKind; on: string }
}

/**
 * One review per registered receipt: decided by the first opinion after it, or by its review deadline firing (the
 * deemed approval); dropped when a correction request restarts the review.
 */
export function reviewCycles(events: readonly TReviewEventFact[], deadlines: readonly TReviewDeadlineFact[]): TReviewCycle[] {
  const fired = new Map(deadlines.filter((d) => d.status === 'fired').map((d) => [`${d.caseId}|${d.createdSeq}`, d.lastDay]))
  const sorted = [...events].sort((a, b) => (a.caseId === b.caseId ? a.seq - b.seq : a.caseId < b.caseId ? -1 : 1))
  const cycles: TReviewCycle[] = []
  let open: (TReviewCycle & { seq: number }) | undefined
  const close = () => {
    if (!open) return
    const { seq, ...cycle } = open
    const lastDay = fired.get(`${cycle.caseId}|${seq}`)
    cycles.push(!cycle.decision && lastDay ? { ...cycle, decision: { kind: 'deemedApproval', on: lastDay } } : cycle)
    open = undefined
  }
  for (const e of sorted) {
    if (open && open.caseId !== e.caseId) close()
    if (e.type === 'filing.registered') {
      close()
      open = { caseId: e.caseId, enterpriseId: e.enterpriseId, seq: e.seq, receivedOn: e.receivedOn }
    } else if (e.type === 'correction.requested') {
      open = undefined // 补正: the review starts again from the completed receipt (JHR 42 ¶2, 45)
    } else if (open && !open.decision) {
      open.decision = { kind: e.type === 'review.objected' ? 'objection' : 'noObjection', on: e.opinionDate }
    }
  }
  close()
  return cycles
}

/** One version of an agreement as the snapshot records it (TAgreementRecord). */
export type TAgreementVersionFact = { version: number; effectiveOn: string; expiresOn: string }

/** The agreements of one case: its versions, oldest first, and the day the case ended them early (if it did). */
export type TCaseAgreementFact = {
  caseId: string
  enterpriseId: string
  versions: TAgreementVersionFact[]
  /** The day the contract stopped applying before its term (rescission filed, or agreement.ended). */
  endedOn?: string
  /** The first agreement of the case (its conclusion) and the average wage increase its clauses agreed. */
  concluded?: { effectiveOn: string; increaseBasisPoints: number | null }
}

/** Is one of the case's agreement versions in force at the end of `day`? */
export function inForceOn(a: TCaseAgreementFact, day: string): boolean {
  const versions = [...a.versions].sort((x, y) => x.version - y.version)
  return versions.some((v, i) => {
    const next = versions[i + 1]
    let last = v.expiresOn
    if (next && addDays(next.effectiveOn, -1) < last) last = addDays(next.effectiveOn, -1)
    if (a.endedOn && addDays(a.endedOn, -1) < last) last = addDays(a.endedOn, -1)
    return v.effectiveOn <= day && day <= last
  })
}

export type TEnterpriseFact = { id: string; unitCode: string; regionCode: string; industryCode: string; headcount: number }

/** The wage guideline of a year, in basis points; a figure not published is null. */
export type TGuideline = { regionCode: string; year: number; baseline: number | null; upper: number | null; lower: number | null }

export type TStatisticsInput = {
  region: { code: string; name: string }
  /** The direct sub-regions (and the region itself when enterprises are registered on it), in display order. */
  units: { code: string; name: string }[]
  /** First and last month, YYYY-MM. */
  from: string
  to: string
  enterprises: TEnterpriseFact[]
  cycles: TReviewCycle[]
  agreements: TCaseAgreementFact[]
  /** The guideline that applies to an enterprise's region in a year (found up the hierarchy), if any. */
  guidelineFor: (regionCode: string, year: number) => TGuideline | undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

export type TDaysSummary = { median: number; mean: number; max: number }

export type TReviewFigures = {
  received: number
  decided: number
  pending: number
  objection: number
  noObjection: number
  deemedApproval: number
  /** Percent of decided, 2 decimals; null when nothing was decided. */
  deemedApprovalRate: number | null
  days: TDaysSummary | null
}

export type TCoverageFigures = {
  enterprises: number
  covered: number
  /** Percent, 2 decimals; null without enterprises. */
  share: number | null
  employees: number
  employeesCovered: number
  employeeShare: number | null
}

export type TWageFigures = {
  /** GB/T 4754 section letter, or '' for the total. */
  section: string
  agreements: number
  /** Agreements whose clauses state an average increase. */
  withIncrease: number
  /** Percent, 2 decimals. */
  average: number | null
  min: number | null
  max: number | null
  /** Compared with the guideline that applies to each agreement. */
  withGuideline: number
  aboveUpper: number
  belowLower: number
}

export type TRegionStatistics = {
  region: { code: string; name: string }
  from: string
  to: string
  /** First and last day of the period. */
  periodStart: string
  periodEnd: string
  units: { code: string; name: string }[]
  months: string[]
  filings: {
    total: number
    byMonth: { month: string; total: number; byUnit: Record<string, number> }[]
    byUnit: Record<string, number>
  }
  reviews: TReviewFigures & { byUnit: Record<string, TReviewFigures> }
  coverage: TCoverageFigures & { on: string; byUnit: Record<string, TCoverageFigures> }
  wages: {
    total: TWageFigures
    byIndustry: TWageFigures[]
    /** The region's own guideline (or the nearest above it) for each year of the period. */
    guidelines: TGuideline[]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** Rounded to 2 decimals, half away from zero (computed on the decimal string, not on a binary fraction). */
export function round2(x: number): number {
  const sign = x < 0 ? -1 : 1
  const [int, frac = ''] = Math.abs(x).toFixed(10).split('.')
  const cents = Number(int) * 100 + Number(frac.slice(0, 2)) + (Number(frac[2] ?? '0') >= 5 ? 1 : 0)
  return (sign * cents) / 100
}

/** a / b as a percentage, 2 decimals; null when b is 0. */
export const percentOf = (a: number, b: number): number | null => (b === 0 ? null : round2((a * 100) / b))

export function daysSummary(days: readonly number[]): TDaysSummary | null {
  if (days.length === 0) return null
  const s = [...days].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { median: round2(median), mean: round2(s.reduce((x, y) => x + y, 0) / s.length), max: s.at(-1)! }
}

/** The months from `from` to `to` (YYYY-MM), inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = []
  for (let s = from; s <= to; s = nextMonth(s)) out.push(s)
  return out
}

/** The last day of a month YYYY-MM. */
export const lastDayOfMonth = (month: string): string => addDays(`${nextMonth(month)}-01`, -1)

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** GB/T 4754-2017: the 20 sections (门类). */
export const INDUSTRY_SECTIONS: Readonly<Record<string, TBilingual>> = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  B: { zh: '采矿业', en: 'Mining' },
  C: { zh: '制造业', en: 'Manufacturing' },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' },
  E: { zh: '建筑业', en: 'Construction' },
  F: { zh: '批发和零售业', en: 'Wholesale and retail trade' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  I: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  J: { zh: '金融业', en: 'Finance' },
  K: { zh: '房地产业', en: 'Real estate' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
  O: { zh: '居民服务、修理和其他服务业', en: 'Residential, repair and other services' },
  P: { zh: '教育', en: 'Education' },
  Q: { zh: '卫生和社会工作', en: 'Health and social work' },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  T: { zh: '国际组织', en: 'International organisations' },
}

export const sectionOf = (industryCode: string): string => industryCode.slice(0, 1).toUpperCase()

// ---------------------------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------------------------

function reviewFigures(cycles: readonly TReviewCycle[]): TReviewFigures {
  const decided = cycles.filter((c) => c.decision)
  const count = (k: TDecisionKind) => decided.filter((c) => c.decision!.kind === k).length
  return {
    received: cycles.length,
    decided: decided.length,
    pending: cycles.length - decided.length,
    objection: count('objection'),
    noObjection: count('noObjection'),
    deemedApproval: count('deemedApproval'),
    deemedApprovalRate: percentOf(count('deemedApproval'), decided.length),
    days: daysSummary(decided.map((c) => diffDays(c.receivedOn, c.decision!.on))),
  }
}

function coverageFigures(enterprises: readonly TEnterpriseFact[], covered: ReadonlySet<string>): TCoverageFigures {
  const inForce = enterprises.filter((e) => covered.has(e.id))
  const employees = enterprises.reduce((s, e) => s + e.headcount, 0)
  const employeesCovered = inForce.reduce((s, e) => s + e.headcount, 0)
  return {
    enterprises: enterprises.length,
    covered: inForce.length,
    share: percentOf(inForce.length, enterprises.length),
    employees,
    employeesCovered,
    employeeShare: percentOf(employeesCovered, employees),
  }
}

type TWageRow = { section: string; increase: number | null; guideline: TGuideline | undefined }

function wageFigures(section: string, rows: readonly TWageRow[]): TWageFigures {
  const stated = rows.filter((r) => r.increase !== null).map((r) => r.increase!)
  const compared = rows.filter((r) => r.increase !== null && r.guideline)
  return {
    section,
    agreements: rows.length,
    withIncrease: stated.length,
    average: stated.length ? round2(stated.reduce((a, b) => a + b, 0) / stated.length / 100) : null,
    min: stated.length ? round2(Math.min(...stated) / 100) : null,
    max: stated.length ? round2(Math.max(...stated) / 100) : null,
    withGuideline: compared.length,
    aboveUpper: compared.filter((r) => r.guideline!.upper !== null && r.increase! > r.guideline!.upper).length,
    belowLower: compared.filter((r) => r.guideline!.lower !== null && r.increase! < r.guideline!.lower).length,
  }
}

const byKey = <T>(keys: readonly string[], f: (key: string) => T): Record<string, T> =>
  Object.fromEntries(keys.map((k) => [k, f(k)]))

export function computeStatistics(input: TStatisticsInput): TRegionStatistics {
  const periodStart = `${input.from}-01`
  const periodEnd = lastDayOfMonth(input.to)
  const months = monthsOf(input.from, input.to)
  const unitCodes = input.units.map((u) => u.code)
  const enterpriseById = new Map(input.enterprises.map((e) => [e.id, e]))

  // Filings received in the period, with the unit of their enterprise.
  const inPeriod = input.cycles
    .filter((c) => c.receivedOn >= periodStart && c.receivedOn <= periodEnd)
    .map((c) => ({ ...c, unit: enterpriseById.get(c.enterpriseId)?.unitCode ?? '' }))
  const byMonth = months.map((month) => {
    const of = inPeriod.filter((c) => c.receivedOn.startsWith(month))
    return { month, total: of.length, byUnit: byKey(unitCodes, (u) => of.filter((c) => c.unit === u).length) }
  })

  // Coverage at the end of the period.
  const covered = new Set(input.agreements.filter((a) => inForceOn(a, periodEnd)).map((a) => a.enterpriseId))

  // Wage increases of the agreements concluded that took effect in the period.
  const wageRows: TWageRow[] = []
  for (const a of input.agreements) {
    const c = a.concluded
    const e = enterpriseById.get(a.enterpriseId)
    if (!c || !e || c.effectiveOn < periodStart || c.effectiveOn > periodEnd) continue
    wageRows.push({
      section: sectionOf(e.industryCode),
      increase: c.increaseBasisPoints,
      guideline: input.guidelineFor(e.regionCode, Number(c.effectiveOn.slice(0, 4))),
    })
  }
  const sections = [...new Set(wageRows.map((r) => r.section))].sort()
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))]

  return {
    region: input.region,
    from: input.from,
    to: input.to,
    periodStart,
    periodEnd,
    units: input.units,
    months,
    filings: {
      total: inPeriod.length,
      byMonth,
      byUnit: byKey(unitCodes, (u) => inPeriod.filter((c) => c.unit === u).length),
    },
    reviews: { ...reviewFigures(inPeriod), byUnit: byKey(unitCodes, (u) => reviewFigures(inPeriod.filter((c) => c.unit === u))) },
    coverage: {
      on: periodEnd,
      ...coverageFigures(input.enterprises, covered),
      byUnit: byKey(unitCodes, (u) => coverageFigures(input.enterprises.filter((e) => e.unitCode === u), covered)),
    },
    wages: {
      total: wageFigures('', wageRows),
      byIndustry: sections.map((s) => wageFigures(s, wageRows.filter((r) => r.section === s))),
      guidelines: years.map((y) => input.guidelineFor(input.region.code, y)).filter((g): g is TGuideline => g !== undefined),
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables (the web page's tables and the CSV downloads are the same rows)
// ---------------------------------------------------------------------------------------------------------------

export type TStatisticsCell = string | number | null
export type TStatisticsTable = { title: TBilingual; columns: TBilingual[]; rows: TStatisticsCell[][] }
export const STATISTICS_TABLES = ['filings', 'reviews', 'coverage', 'wages', 'guidelines'] as const
export type TStatisticsTableName = (typeof STATISTICS_TABLES)[number]

const B = (zh: string, en: string): TBilingual => ({ zh, en })
const TOTAL = B('合计', 'Total')
/** Basis points as a percentage (2 decimals). */
const bp = (v: number | null) => (v === null ? null : round2(v / 100))

/** The statistics as tables: the first column names the row (a month, a region, an industry section, a year). */
export function statisticsTables(s: TRegionStatistics, lang: 'zh' | 'en'): Record<TStatisticsTableName, TStatisticsTable> {
  const pick = (b: TBilingual) => (lang === 'en' ? b.en : b.zh)
  const unitRows = <T>(byUnit: Record<string, T>, total: T, cells: (f: T) => TStatisticsCell[]): TStatisticsCell[][] => [
    ...s.units.map((u) => [u.name, ...cells(byUnit[u.code]!)]),
    [pick(TOTAL), ...cells(total)],
  ]
  const review = (f: TReviewFigures): TStatisticsCell[] => [
    f.received,
    f.decided,
    f.pending,
    f.objection,
    f.noObjection,
    f.deemedApproval,
    f.deemedApprovalRate,
    f.days?.median ?? null,
    f.days?.mean ?? null,
    f.days?.max ?? null,
  ]
  const coverage = (f: TCoverageFigures): TStatisticsCell[] => [f.enterprises, f.covered, f.share, f.employees, f.employeesCovered, f.employeeShare]
  const wage = (f: TWageFigures): TStatisticsCell[] => [f.agreements, f.withIncrease, f.average, f.min, f.max, f.withGuideline, f.aboveUpper, f.belowLower]
  return {
    filings: {
      title: B('各月受理备案数（按收件日期）', 'Filings received per month (by receipt date)'),
      columns: [B('月份', 'Month'), ...s.units.map((u) => B(u.name, u.name)), TOTAL],
      rows: [
        ...s.filings.byMonth.map((m) => [m.month, ...s.units.map((u) => m.byUnit[u.code] ?? 0), m.total]),
        [pick(TOTAL), ...s.units.map((u) => s.filings.byUnit[u.code] ?? 0), s.filings.total],
      ],
    },
    reviews: {
      title: B('审查情况（本期受理的备案）', 'Reviews of the filings received in the period'),
      columns: [
        B('地区', 'Region'),
        B('受理', 'Received'),
        B('已审结', 'Decided'),
        B('审查中', 'Pending'),
        B('提出异议', 'Objection'),
        B('无异议', 'No objection'),
        B('视为同意', 'Deemed approval'),
        B('视为同意率（%）', 'Deemed approval rate (%)'),
        B('审查用时中位数（日）', 'Median days'),
        B('平均用时（日）', 'Mean days'),
        B('最长用时（日）', 'Maximum days'),
      ],
      rows: unitRows(s.reviews.byUnit, s.reviews, review),
    },
    coverage: {
      title: B(`集体合同覆盖情况（截至${s.coverage.on}）`, `Coverage on ${s.coverage.on}`),
      columns: [
        B('地区', 'Region'),
        B('企业数', 'Enterprises'),
        B('合同有效的企业', 'With an agreement in force'),
        B('企业覆盖率（%）', 'Share of enterprises (%)'),
        B('职工人数', 'Employees'),
        B('覆盖职工人数', 'Employees covered'),
        B('职工覆盖率（%）', 'Share of employees (%)'),
      ],
      rows: unitRows(s.coverage.byUnit, s.coverage, coverage),
    },
    wages: {
      title: B('本期生效合同约定的职工平均工资增幅（按行业门类）', 'Agreed average wage increase of the agreements that took effect, by industry'),
      columns: [
        B('行业门类', 'Industry section'),
        B('合同数', 'Agreements'),
        B('载明增幅', 'With an increase'),
        B('平均增幅（%）', 'Average (%)'),
        B('最低（%）', 'Lowest (%)'),
        B('最高（%）', 'Highest (%)'),
        B('有指导线可比', 'Compared with a guideline'),
        B('高于上线', 'Above the upper line'),
        B('低于下线', 'Below the lower line'),
      ],
      rows: [
        ...s.wages.byIndustry.map((f) => [`${f.section} ${pick(INDUSTRY_SECTIONS[f.section] ?? B(f.section, f.section))}`, ...wage(f)]),
        [pick(TOTAL), ...wage(s.wages.total)],
      ],
    },
    guidelines: {
      title: B('工资指导线', 'Wage guidelines'),
      columns: [B('年度', 'Year'), B('发布地区代码', 'Region code'), B('基准线（%）', 'Baseline (%)'), B('上线（%）', 'Upper line (%)'), B('下线（%）', 'Lower line (%)')],
      rows: s.wages.guidelines.map((g) => [g.year, g.regionCode, bp(g.baseline), bp(g.upper), bp(g.lower)]),
    },
  }
}

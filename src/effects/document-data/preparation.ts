/**
 * 协商准备材料 (produced on request, src/effects/requested-documents.ts): the case's preparation data as it stands at
 * event `seq` — the enterprise and regional figures with year and source (GZ 8), the workers' opinions (JHR 33(2)),
 * and each side's latest structured proposal and the clauses agreed so far, each costed against the enterprise
 * figures (workflows/proposals/costing.ts) with its comparison to the CPI, the guideline band and the minimum wage.
 *
 * The brief is dated by the latest fact it reports (a recording, an opinion, a round), never by the clock, so the
 * same case at the same event always gives the same bytes.
 */
import type { TDataTable, TDocumentInputs } from '../../documents/index.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import { clauseKey, clauseLabel, clauseValue, type TAppliesTo, type TBilingual, type TClause } from '../../../workflows/proposals/clauses.js'
import { costProposal } from '../../../workflows/proposals/costing.js'
import { clauseHistory, groupNamesOf, positionsAfter, type TParty } from '../../../workflows/proposals/diff.js'
import { percent, yuan, yuanFixed } from '../../../workflows/proposals/money.js'
import type { TFigure } from '../../../workflows/proposals/preparation.js'
import { formatDateZh } from '../../../workflows/rules/calendar/dates.js'
import { missing } from '../errors.js'
import { agreementTypeOf, commonOf, latestDate, requireFacts } from './common.js'
import { changesPayroll, costingDocument } from './costing.js'
import type { TCaseSources } from './sources.js'

/** A figure as shown: label and value in both languages, the year it describes, its source. */
export type TFigureLine = { label: TBilingual; value: TBilingual; year: number; source: string; note?: string }

const line = (label: TBilingual, f: TFigure<unknown>, value: TBilingual): TFigureLine => ({
  label,
  value,
  year: f.year,
  source: f.source,
  ...(f.note ? { note: f.note } : {}),
})
const money = (fen: number, per: TBilingual = { zh: '', en: '' }): TBilingual => ({ zh: `${yuanFixed(fen)}元${per.zh}`, en: `${yuanFixed(fen)} yuan${per.en}` })
const B = (zh: string, en: string): TBilingual => ({ zh, en })

function appliesTo(a: TAppliesTo, names: Readonly<Record<string, string>>): TBilingual {
  if (a === 'all') return B('全体职工', 'all employees')
  if ('groups' in a) {
    const list = a.groups.map((g) => names[g] ?? g)
    return B(list.join('、'), list.join(', '))
  }
  return B(`${a.headcount}名职工`, `${a.headcount} employees`)
}

/** GZ 8 (1), (5), (7): the enterprise figures of the case, each with its year and source. */
export function enterpriseFigureLines(context: Pick<TNegotiationContext, 'preparation'>): TFigureLine[] {
  const e = context.preparation.figures.enterprise
  const names = groupNamesOf(context)
  const rows: TFigureLine[] = []
  if (e.lastYearPayrollFen) rows.push(line(B('上年度工资总额', 'Last year’s payroll'), e.lastYearPayrollFen, money(e.lastYearPayrollFen.value)))
  if (e.lastYearAverageMonthlyWageFen) {
    rows.push(line(B('上年度职工月平均工资', 'Last year’s average monthly wage'), e.lastYearAverageMonthlyWageFen, money(e.lastYearAverageMonthlyWageFen.value)))
  }
  if (e.revenueFen) rows.push(line(B('营业收入', 'Revenue'), e.revenueFen, money(e.revenueFen.value)))
  if (e.profitFen) rows.push(line(B('利润总额', 'Profit'), e.profitFen, money(e.profitFen.value)))
  if (e.labourProductivityFen) {
    rows.push(line(B('全员劳动生产率（每人每年）', 'Labour productivity (per employee per year)'), e.labourProductivityFen, money(e.labourProductivityFen.value)))
  }
  for (const a of e.currentAllowances?.value ?? []) {
    const who = appliesTo(a.appliesTo, names)
    rows.push(line(B(`现行津贴：${a.name}`, `Current allowance: ${a.name}`), e.currentAllowances!, B(`${yuan(a.fenPerMonth)}元/月（${who.zh}）`, `${yuan(a.fenPerMonth)} yuan a month (${who.en})`)))
  }
  for (const b of e.currentBonusPools?.value ?? []) {
    rows.push(line(B(`现行奖金：${b.name}`, `Current bonus: ${b.name}`), e.currentBonusPools!, money(b.yearlyFen, B('/年', ' a year'))))
  }
  return rows
}

/** GZ 8 (2)-(4); LCL 55: the regional figures of the case, each with its year and source. */
export function regionalFigureLines(context: Pick<TNegotiationContext, 'preparation'>): TFigureLine[] {
  const r = context.preparation.figures.regional
  const rows: TFigureLine[] = []
  if (r.minimumWage) rows.push(line(B('当地最低工资标准（月）', 'Local minimum wage (monthly)'), r.minimumWage, money(r.minimumWage.value)))
  if (r.wageGuideline) {
    const g = r.wageGuideline.value
    const parts = [
      B(`基准线${percent(g.baselineBasisPoints)}`, `baseline ${percent(g.baselineBasisPoints)}`),
      ...(g.upperBasisPoints !== undefined ? [B(`上线${percent(g.upperBasisPoints)}`, `upper ${percent(g.upperBasisPoints)}`)] : []),
      ...(g.lowerBasisPoints !== undefined ? [B(`下线${percent(g.lowerBasisPoints)}`, `lower ${percent(g.lowerBasisPoints)}`)] : []),
    ]
    rows.push(line(B('企业工资指导线', 'Wage guideline'), r.wageGuideline, B(parts.map((x) => x.zh).join('，'), parts.map((x) => x.en).join(', '))))
  }
  if (r.urbanCpi) rows.push(line(B('城镇居民消费价格指数涨幅', 'Urban CPI change'), r.urbanCpi, B(percent(r.urbanCpi.value), percent(r.urbanCpi.value))))
  if (r.regionalAverageWage) rows.push(line(B('地区职工月平均工资', 'Regional average monthly wage'), r.regionalAverageWage, money(r.regionalAverageWage.value)))
  if (r.industryAverageWage) {
    const i = r.industryAverageWage.value
    rows.push(line(B(`行业职工月平均工资（${i.industry}）`, `Industry average monthly wage (${i.industry})`), r.industryAverageWage, money(i.fenPerMonth)))
  }
  return rows
}

const printed = (rows: readonly TFigureLine[]) =>
  rows.map((r) => ({ label: r.label.zh, value: r.value.zh, year: r.year, source: r.source, ...(r.note ? { note: r.note } : {}) }))

function groupsTable(context: TNegotiationContext): TDataTable | undefined {
  const g = context.preparation.figures.enterprise.groups
  if (!g) return undefined
  const total = g.value.reduce((n, x) => n + x.headcount, 0)
  return {
    title: `职工人数及月平均工资（${g.year}年；来源：${g.source}${g.note ? `；${g.note}` : ''}）`,
    columns: [
      { header: '职工类别', width: 2.4, align: 'left' },
      { header: '岗位等级', width: 1.6, align: 'left' },
      { header: '人数', width: 1, align: 'right' },
      { header: '月平均工资（元）', width: 1.8, align: 'right' },
    ],
    rows: [
      ...g.value.map((x) => ({ cells: [x.name, x.grade ?? '', String(x.headcount), yuanFixed(x.averageMonthlyWageFen)], total: false })),
      { cells: ['合计', '', String(total), ''], total: true },
    ],
    notes: [],
  }
}

function marketTable(context: TNegotiationContext): TDataTable | undefined {
  const m = context.preparation.figures.regional.marketWagePrices
  if (!m) return undefined
  const opt = (fen: number | undefined) => (fen === undefined ? '—' : yuanFixed(fen))
  return {
    title: `劳动力市场工资指导价位（元/月；${m.year}年；来源：${m.source}${m.note ? `；${m.note}` : ''}）`,
    columns: [
      { header: '职业（工种）', width: 3, align: 'left' },
      { header: '低位数', width: 1.4, align: 'right' },
      { header: '中位数', width: 1.4, align: 'right' },
      { header: '高位数', width: 1.4, align: 'right' },
    ],
    rows: m.value.map((p) => ({ cells: [p.occupation, opt(p.lowFen), yuanFixed(p.medianFen), opt(p.highFen)], total: false })),
    notes: [],
  }
}

const partyHeading: Readonly<Record<TParty, string>> = { worker: '职工方方案', employer: '企业方方案', agreed: '已商定的条款' }

function proposals(context: TNegotiationContext): TDocumentInputs['preparationBrief']['proposals'] {
  const last = context.rounds.at(-1)?.number ?? 0
  const positions = positionsAfter(context, last)
  const history = clauseHistory(context)
  const names = groupNamesOf(context)
  const canCost = context.preparation.figures.enterprise.groups !== undefined
  const out: NonNullable<TDocumentInputs['preparationBrief']['proposals']> = []
  for (const party of ['worker', 'employer', 'agreed'] as const) {
    const clauses: TClause[] = [...positions[party].values()]
    if (clauses.length === 0) continue
    const sinceOf = (c: TClause) => {
      const h = history.find((x) => x.key === clauseKey(c))
      const s = h?.statements.filter((x) => x.party === party && x.change !== 'unchanged' && x.change !== 'withdrawn').at(-1)
      return s ? `第${s.round}次` : undefined
    }
    const costed = changesPayroll(clauses)
    const costing = canCost && costed ? costingDocument(costProposal(clauses, context.preparation.figures)) : undefined
    out.push({
      heading: partyHeading[party],
      round: last > 0 ? last : null,
      clauses: clauses.map((c) => {
        const since = sinceOf(c)
        return { label: clauseLabel(c, names).zh, value: clauseValue(c).zh, ...(since ? { since } : {}) }
      }),
      tables: costing?.tables ?? [],
      flags: costing
        ? costing.flags
        : [costed ? '企业数据中没有各类职工的人数和月平均工资，未能测算。' : '以上条款不涉及工资增幅、津贴或奖金，不作工资总额测算。'],
    })
  }
  return out
}

/** The brief as the case stands at event `seq`. */
export function preparationBriefData(s: TCaseSources, seq: number): TDocumentInputs['preparationBrief'] {
  const context = s.contextAt(seq)
  const p = context.preparation
  const hasFigures = Object.keys(p.figures.enterprise).length > 0 || Object.keys(p.figures.regional).length > 0
  const hasProposals = context.rounds.some((r) => r.clauseProposals?.length || r.agreedClauses?.length)
  requireFacts('preparationBrief', [
    !hasFigures && p.opinions.length === 0 && !hasProposals &&
      missing('preparation.figures', '企业和地区数据、职工意见或双方方案', 'enterprise or regional figures, worker opinions or proposals'),
  ])
  const date = latestDate([
    ...p.figureHistory.map((f) => f.recordedOn),
    ...p.opinions.map((o) => o.collectedOn),
    p.agenda?.draftedOn,
    p.meeting?.scheduledOn,
    ...context.rounds.map((r) => r.heldOn),
  ])!
  const lastRound = context.rounds.at(-1)
  const groups = groupsTable(context)
  const market = marketTable(context)
  return {
    ...commonOf(s, context, date),
    agreementType: agreementTypeOf(s.caseKind),
    asOf: lastRound ? `截至第${lastRound.number}次协商会议（${formatDateZh(lastRound.heldOn)}）` : '首次协商会议前',
    enterpriseFigures: printed(enterpriseFigureLines(context)),
    ...(groups ? { groups } : {}),
    regionalFigures: printed(regionalFigureLines(context)),
    ...(market ? { marketWagePrices: market } : {}),
    opinions: p.opinions.map((o) => ({
      side: o.side,
      collectedDate: o.collectedOn,
      summary: o.summary,
      ...(o.survey ? { survey: { respondents: o.survey.respondents, ...(o.survey.method ? { method: o.survey.method } : {}), topics: o.survey.topics } } : {}),
    })),
    proposals: proposals(context),
    notes: ['各项数据由记录方提供并注明年度和来源；测算以企业数据中各类职工的人数和月平均工资为基数（《工资集体协商试行办法》第八条）。'],
    preparedBy: '根据案件记录整理',
    preparedDate: date,
  }
}

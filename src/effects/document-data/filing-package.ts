/**
 * 集体合同报送材料 (agreement.filed, JHR 42; GZ 21): cover data, the signed agreement (built exactly as the signed
 * text, so its part hash in the manifest equals the signed document's hash), 情况说明 written from the case (with the
 * costing of the agreed wage clauses and its comparison with the CPI, the guideline and the minimum wage, GZ 8),
 * 工资数据表 from the preparation figures (wage agreements, when figures were recorded), the congress resolution,
 * the representative list and the minutes of every round.
 *
 * A part that cannot be generated from the case (minutes without a recorded start time) is left out of the PDF and
 * named in the 情况说明 (the signed paper original is enclosed instead) and in `omitted`, never dropped silently.
 */
import type { TDataTable, TDocumentInputs, TFilingPartInput } from '../../documents/index.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import type { TClause } from '../../../workflows/proposals/clauses.js'
import { costProposal, costingSummary } from '../../../workflows/proposals/costing.js'
import { agreedClausesOf } from '../../../workflows/proposals/diff.js'
import { percent, raiseByBasisPoints } from '../../../workflows/proposals/money.js'
import { formatDateZh } from '../../../workflows/rules/calendar/dates.js'
import { MissingCaseFactsError, missing } from '../errors.js'
import { agreementData } from './agreement.js'
import {
  agreementTypeOf,
  bureauOf,
  chiefName,
  commonOf,
  FILL_IN,
  membersOf,
  requireFacts,
} from './common.js'
import { congressResolutionData } from './congress.js'
import { changesPayroll, costingDocument } from './costing.js'
import { minutesData, roundSeq } from './minutes.js'
import type { TCaseSources } from './sources.js'
import { teamListData } from './team-list.js'

export type TOmittedPart = { kind: string; title: string; reason: string }
export type TFilingPackageData = { data: TDocumentInputs['filingPackage']; omitted: TOmittedPart[] }

const outcomeWords: Readonly<Record<string, string>> = {
  continued: '继续协商',
  agreed: '达成一致，形成合同草案',
  suspended: '中止协商',
  deadlocked: '未能达成一致',
}

/** The vote that passed the draft the signature is for (or, after an objection without a new vote, the last one). */
function passingVote(context: TNegotiationContext, draftVersion: number) {
  return (
    context.congressVotes.findLast((v) => v.passed && v.draftVersion === draftVersion) ?? context.congressVotes.findLast((v) => v.passed)
  )
}

/**
 * GZ 8: the costing of the agreed wage clauses against the enterprise figures and its comparison with the CPI, the
 * wage guideline and the minimum wage (LCL 55); undefined when no agreed clause changes the payroll.
 */
function costingSection(context: TNegotiationContext, clauses: readonly TClause[]): TSituationSection | undefined {
  if (!changesPayroll(clauses)) return undefined
  const heading = '工资调整的测算和参考因素'
  if (!context.preparation.figures.enterprise.groups) {
    return {
      heading,
      paragraphs: ['案件未记录各类职工的人数和月平均工资，本说明未附工资调整测算表；确定工资水平所参考的数据见工资数据表（《工资集体协商试行办法》第八条）。'],
      tables: [],
    }
  }
  const costing = costProposal(clauses, context.preparation.figures)
  const summary = costingSummary(costing, { zh: '双方商定的工资调整方案', en: 'The agreed wage adjustment' })
  const { tables } = costingDocument(costing)
  // The rounding rule is printed under the yearly table.
  return { heading, paragraphs: [...summary.zh.filter((p) => p !== costing.rounding.zh), '测算明细如下：'], tables }
}

type TSituationSection = { heading: string; paragraphs: string[]; tables: TDataTable[] }

function situationSections(s: TCaseSources, context: TNegotiationContext, omitted: readonly TOmittedPart[], clauses: readonly TClause[]) {
  const sections: TSituationSection[] = []
  const { request, reply, teams } = context
  const start: string[] = []
  if (request) {
    const from = request.by === 'worker' ? commonOf(s, context, request.sentOn).workerParty.name : s.enterprise.name
    const to = request.by === 'worker' ? s.enterprise.name : commonOf(s, context, request.sentOn).workerParty.name
    start.push(
      `${formatDateZh(request.sentOn)}，${from}向${to}发出协商要约书${reply?.accepted ? `，${to}于${formatDateZh(reply.answeredOn)}书面答复同意协商` : ''}。`,
    )
  }
  const worker = membersOf(context, 'worker')
  const employer = membersOf(context, 'employer')
  if (worker.length || employer.length) {
    start.push(
      `企业方确定协商代表${employer.length}名，首席代表为${chiefName(s, context, 'employer')}；职工方确定协商代表${worker.length}名，首席代表为${chiefName(s, context, 'worker')}` +
        `${teams.recorder ? `；双方共同指定${teams.recorder.name}为记录员` : ''}。`,
    )
  }
  if (start.length) sections.push({ heading: '协商的发起和准备', paragraphs: start, tables: [] })

  const rounds = context.rounds
  const process: string[] = []
  if (rounds.length) {
    process.push(
      `双方自${formatDateZh(rounds[0]!.heldOn)}至${formatDateZh(rounds.at(-1)!.heldOn)}共举行${rounds.length}次协商会议。`,
    )
  }
  for (const x of context.suspensions) {
    process.push(`${formatDateZh(x.suspendedOn)}，双方商定中止协商（${x.reason}）${x.endedOn ? `，于${formatDateZh(x.endedOn)}恢复协商` : ''}。`)
  }
  for (const c of context.coordinations) {
    if (c.agreement) process.push(`经劳动保障行政部门协调处理，双方于${formatDateZh(c.agreement.agreedOn)}签订协调处理协议书。`)
  }
  for (const r of context.reviews) {
    if (r.objection) {
      process.push(
        `${formatDateZh(r.objection.deliveredOn)}，双方收到审查意见书${r.objection.items?.length ? `（${r.objection.items.join('、')}）` : ''}，就有关条款重新协商。`,
      )
    }
  }
  if (process.length) sections.push({ heading: '协商过程', paragraphs: process, tables: [] })
  const costing = costingSection(context, clauses)
  if (costing) sections.push(costing)

  const signature = context.signature
  const vote = signature ? passingVote(context, signature.draftVersion) : undefined
  const passing: string[] = []
  if (vote) {
    const body = vote.body === 'allStaffAssembly' ? '全体职工大会' : '职工代表大会'
    passing.push(
      `${formatDateZh(vote.heldOn)}，${body}审议合同草案。应到${vote.totalSeats}人，实到${vote.present}人；` +
        `以${vote.ballot === 'secret' ? '无记名投票' : '举手表决'}方式表决，同意${vote.yes}票、不同意${vote.no}票、弃权${vote.abstain}票，草案获得通过。`,
    )
  }
  if (signature) {
    passing.push(`${formatDateZh(signature.signedOn)}，双方首席代表签字${signature.sealed ? '并加盖双方印章' : ''}。`)
  }
  if (passing.length) sections.push({ heading: '审议和签订情况', paragraphs: passing, tables: [] })

  if (omitted.length) {
    sections.push({
      heading: '另附材料',
      paragraphs: [
        `下列材料未能由本系统生成，随本报送材料另附经签字的纸质原件：${omitted.map((o) => `${o.title}（${o.reason}）`).join('；')}。`,
      ],
      tables: [],
    })
  }
  if (sections.length === 0) sections.push({ heading: '基本情况', paragraphs: ['双方依法进行集体协商，签订本合同。'], tables: [] })
  return sections
}

function wageDataPart(s: TCaseSources, context: TNegotiationContext, clauses: readonly TClause[], year: number, date: string, preparedBy: string) {
  const f = context.preparation.figures
  const rows: TDocumentInputs['wageData']['rows'] = []
  const column = (figureYear: number, value: number) => (figureYear < year ? { previous: value, current: null } : { previous: null, current: value })
  const increase = clauses.find((c) => c.kind === 'averageWageIncrease')
  const avg = f.enterprise.lastYearAverageMonthlyWageFen
  if (avg) {
    const raised = increase?.kind === 'averageWageIncrease' ? raiseByBasisPoints(avg.value, increase.basisPoints) : null
    rows.push({
      label: '职工月平均工资',
      unit: '元',
      previous: avg.value / 100,
      current: raised === null ? null : raised / 100,
      note: increase?.kind === 'averageWageIncrease' ? `增长${percent(increase.basisPoints)}` : avg.source,
    })
  }
  const groups = f.enterprise.groups
  if (groups) {
    rows.push({ label: '职工人数', unit: '人', ...column(groups.year, groups.value.reduce((n, g) => n + g.headcount, 0)), decimals: 0 })
  }
  const payroll = f.enterprise.lastYearPayrollFen
  if (payroll) rows.push({ label: '工资总额', unit: '万元', ...column(payroll.year, payroll.value / 1_000_000) })
  const productivity = f.enterprise.labourProductivityFen
  if (productivity) rows.push({ label: '全员劳动生产率', unit: '万元/人', ...column(productivity.year, productivity.value / 1_000_000) })
  const minimum = f.regional.minimumWage
  if (minimum) rows.push({ label: '当地最低工资标准（月）', unit: '元', ...column(minimum.year, minimum.value / 100), note: '政府公布' })
  const guideline = f.regional.wageGuideline
  if (guideline) {
    rows.push({ label: '企业工资指导线基准线', unit: '%', ...column(guideline.year, guideline.value.baselineBasisPoints / 100), decimals: 1, note: '政府公布' })
  }
  const cpi = f.regional.urbanCpi
  if (cpi) rows.push({ label: '城镇居民消费价格指数涨幅', unit: '%', ...column(cpi.year, cpi.value / 100), decimals: 1 })
  if (rows.length === 0) return undefined
  const data: TDocumentInputs['wageData'] = {
    ...commonOf(s, context, date),
    year,
    rows,
    factors: [],
    preparedBy,
    preparedDate: date,
  }
  return data
}

export function filingPackageData(s: TCaseSources, seq: number): TFilingPackageData {
  const context = s.contextAt(seq)
  const { filing, signature } = context
  requireFacts('filingPackage', [
    !filing?.filedOn && missing('filing.filedOn', '报送日期', 'the filing date'),
    !signature && missing('signature', '签字日期', 'the signature'),
  ])
  const filedOn = filing!.filedOn!
  const agreement = agreementData(s, seq, 'signed')
  const draft = context.drafts.find((d) => d.version === signature!.draftVersion) ?? context.draft!
  const vote = passingVote(context, signature!.draftVersion)
  requireFacts('filingPackage', [!vote && missing('congressVotes', '职工代表大会通过草案的表决', 'the congress vote that passed the draft')])
  const omitted: TOmittedPart[] = []
  const parts: TFilingPartInput[] = [agreement.renderer === 'wageAgreement' ? { kind: 'wageAgreement', data: agreement.data } : { kind: 'collectiveContract', data: agreement.data }]

  const employerChief = chiefName(s, context, 'employer')
  // The year of the figures: the term's first year, or (a term counted from the day it takes effect) the filing year.
  const year = Number(('start' in agreement.data.term ? agreement.data.term.start : filedOn).slice(0, 4))
  const wageData = s.caseKind === 'wageAgreement' ? wageDataPart(s, context, draft.clauses ?? [], year, filedOn, employerChief) : undefined

  // The certification of the passing vote: the last congress.resultCertified with its date and counts.
  const resolutionSeq = s.log.findLast(
    (e) => e.seq <= seq && e.type === 'congress.resultCertified' && e.payload['heldOn'] === vote!.heldOn && e.payload['yes'] === vote!.yes,
  )?.seq
  const teamSeq = s.log.findLast((e) => e.seq <= seq && ['team.appointed', 'recorder.appointed', 'vacancy.filled'].includes(e.type))?.seq

  const minutesParts: TFilingPartInput[] = []
  for (const r of context.rounds) {
    const at = roundSeq(s, r.number, seq)
    if (at === undefined) continue
    try {
      minutesParts.push({ kind: 'minutes', data: minutesData(s, at, r.number) })
    } catch (e) {
      if (!(e instanceof MissingCaseFactsError)) throw e
      omitted.push({
        kind: 'minutes',
        title: `第${r.number}次协商会议纪要`,
        reason: `案件记录中未载明${e.missing.map((m) => m.zh).join('、')}`,
      })
    }
  }

  const report: TDocumentInputs['situationReport'] = {
    ...commonOf(s, context, filedOn),
    agreementType: agreementTypeOf(s.caseKind),
    contractTitle: draft.title,
    addressee: bureauOf(s.regions).name,
    rounds: context.rounds.map((r) => ({ number: r.number, date: r.heldOn, place: r.place, outcome: outcomeWords[r.outcome] ?? r.outcome })),
    sections: situationSections(s, context, omitted, draft.clauses ?? agreedClausesOf(context)),
    reportDate: filedOn,
  }
  parts.push({ kind: 'situationReport', data: report })
  if (wageData) parts.push({ kind: 'wageData', data: wageData })
  if (resolutionSeq !== undefined) parts.push({ kind: 'congressResolution', data: congressResolutionData(s, resolutionSeq) })
  if (teamSeq !== undefined) parts.push({ kind: 'teamList', data: teamListData(s, teamSeq) })
  parts.push(...minutesParts)

  const data: TDocumentInputs['filingPackage'] = {
    ...commonOf(s, context, filedOn),
    agreementType: agreementTypeOf(s.caseKind),
    bureau: bureauOf(s.regions),
    contractTitle: draft.title,
    term: agreement.data.term,
    signingDate: signature!.signedOn,
    congressDate: vote!.heldOn,
    filingDate: filedOn,
    contact: { name: employerChief, phone: FILL_IN },
    coveredWorkers: s.enterprise.headcount,
    parts,
  }
  return { data, omitted }
}

/**
 * The case page's "方案与测算 / Proposals and costing" section (issue 10): the figures the costing rests on, with
 * their year and source (GZ 8); per round, each side's proposal and the clauses agreed so far, what changed since the
 * round before and who proposed it (workflows/proposals/diff.ts), and the payroll costing of each position with its
 * flags — below the minimum wage (LCL 55), outside the guideline band, against the CPI (GZ 8 (3)-(4)); and the form
 * that asks for the 协商准备材料 PDF (src/effects/requested-documents.ts).
 */
import type { TNegotiationContext, TRoundRecord } from '../../../workflows/negotiation/context.js'
import type { TBilingual, TClause } from '../../../workflows/proposals/clauses.js'
import { clauseLabel, clauseValue } from '../../../workflows/proposals/clauses.js'
import { costingHeadline, costingTables, costProposal, type TCosting, type TTable } from '../../../workflows/proposals/costing.js'
import { describeClauseDiff, diffRounds, groupNamesOf, positionsAfter, type TClauseDiff, type TParty } from '../../../workflows/proposals/diff.js'
import { cellsUnder, changesPayroll, columnTitle } from '../../effects/document-data/costing.js'
import { enterpriseFigureLines, regionalFigureLines, type TFigureLine } from '../../effects/document-data/preparation.js'
import { errorSummary } from '../components.js'
import { fmtDate } from '../format.js'
import { html, type SafeHtml } from '../html.js'
import { pick, valueLabel, type TLang } from '../i18n.js'
import { csrfField, type TWebCtx } from '../layout.js'

const PARTIES: readonly TParty[] = ['worker', 'employer', 'agreed']
const partyName: Readonly<Record<TParty, TBilingual>> = {
  worker: { zh: '职工方', en: 'Worker side' },
  employer: { zh: '企业方', en: 'Employer side' },
  agreed: { zh: '双方商定', en: 'Agreed' },
}

/** The monthly per-group columns of the payroll table, then the yearly increase. */
const COSTING_COLUMNS = ['label', 'headcount', 'beforeMonthly', 'afterMonthly', 'increase', 'yearlyIncrease'] as const

function figuresTable(ctx: TWebCtx, caption: string, lines: readonly TFigureLine[]): SafeHtml {
  const { t, lang } = ctx
  if (lines.length === 0) return html``
  return html`<div class="table-wrap"><table>
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${t('项目', 'Item')}</th><th scope="col" class="num">${t('数值', 'Value')}</th><th scope="col">${t('年度', 'Year')}</th><th scope="col">${t('来源', 'Source')}</th></tr></thead>
    <tbody>${lines.map(
      (l) => html`<tr><th scope="row">${pick(lang, l.label)}</th><td class="num">${pick(lang, l.value)}</td><td>${l.year}</td><td>${l.source}${l.note ? `（${l.note}）` : ''}</td></tr>`,
    )}</tbody></table></div>`
}

/** A payroll table of the costing, columns COSTING_COLUMNS, total row bold. */
function costingTable(lang: TLang, table: TTable, caption: string): SafeHtml {
  const heads = COSTING_COLUMNS.map((k) => ({ key: k, title: pick(lang, columnTitle(table.columns.find((c) => c.key === k)!)) }))
  return html`<div class="table-wrap"><table class="costing">
    <caption>${caption}</caption>
    <thead><tr>${heads.map((c) => html`<th scope="col"${c.key === 'label' ? '' : html` class="num"`}>${c.title}</th>`)}</tr></thead>
    <tbody>${table.rows.map((r) => {
      const [label, ...cells] = cellsUnder(table, r, COSTING_COLUMNS)
      return html`<tr${r.kind === 'total' ? html` class="total"` : ''}><th scope="row">${pick(lang, label!)}</th>${cells.map((c) => html`<td class="num">${pick(lang, c)}</td>`)}</tr>`
    })}</tbody></table></div>`
}

function costingBlock(ctx: TWebCtx, party: TParty, round: number, costing: TCosting): SafeHtml {
  const { t, lang } = ctx
  const { payroll, comparison } = costingTables(costing)
  const who = pick(lang, partyName[party])
  const headline = pick(lang, costingHeadline(costing))
  return html`<div class="costing-block">
    <h4>${t(`${who}测算：${headline}`, `${who} costed: ${headline}`)}</h4>
    ${costingTable(lang, payroll, t(`第${round}次会议后${who}立场的工资测算`, `Payroll cost of the ${who.toLowerCase()} position after round ${round}`))}
    <ul class="plain comparison">${comparison.rows.map((r) => {
      const [value, year, source, assessment] = r.cells.map((c) => pick(lang, c))
      return html`<li>${pick(lang, r.label)}：${value}${year ? t(`（${year}年`, ` (${year}`) : ''}${source ? `${t('，', ', ')}${source}` : ''}${year ? t('）', ')') : ''}${assessment ? ` — ${assessment}` : ''}</li>`
    })}</ul>
    ${costing.flags.length
      ? html`<ul class="warnings">${costing.flags.map(
          (f) => html`<li><span class="${f.severity === 'illegal' ? 'flag' : ''}">${f.severity === 'illegal' ? t('低于法定标准：', 'Below a statutory floor: ') : t('提示：', 'Note: ')}</span>${pick(lang, f.message)}（${f.article}）</li>`,
        )}</ul>`
      : html`<p class="ok-text">${t('未发现低于最低工资标准或超出工资指导线区间的情况。', 'Nothing below the minimum wage or outside the guideline band.')}</p>`}
  </div>`
}

/** The lines of what changed at this round, each with the side that proposed it. */
function changeLines(lang: TLang, diffs: readonly TClauseDiff[]): string[] {
  return diffs.flatMap((d) =>
    d.parties
      .filter((p) => p.status !== 'unchanged')
      .map((p) => {
        const [line] = describeClauseDiff({ ...d, parties: [p] })
        const proposers = p.party === 'agreed' && p.to && p.proposedBy?.length ? p.proposedBy.map((s) => pick(lang, partyName[s])) : []
        const by = proposers.length ? (lang === 'zh' ? `（${proposers.join('、')}提出）` : ` (proposed by the ${proposers.join(' and ').toLowerCase()})`) : ''
        return `${pick(lang, line!)}${by}`
      }),
  )
}

function roundBlock(ctx: TWebCtx, c: TNegotiationContext, round: TRoundRecord, previous: number, open: boolean): SafeHtml {
  const { t, lang } = ctx
  const names = groupNamesOf(c)
  const positions = positionsAfter(c, round.number)
  const keys = [...new Set(PARTIES.flatMap((p) => [...positions[p].keys()]))]
  const sample = (k: string): TClause => (positions.agreed.get(k) ?? positions.worker.get(k) ?? positions.employer.get(k))!
  const changes = changeLines(lang, diffRounds(c, previous, round.number))
  const costed = c.preparation.figures.enterprise.groups
    ? PARTIES.flatMap((p) => {
        const clauses = [...positions[p].values()]
        return changesPayroll(clauses) ? [{ party: p, costing: costProposal(clauses, c.preparation.figures) }] : []
      })
    : []
  return html`<details class="round"${open ? html` open` : ''}>
    <summary>${t(`第${round.number}次协商会议`, `Round ${round.number}`)} · ${fmtDate(lang, round.heldOn)} · ${valueLabel(lang, round.outcome)}</summary>
    ${keys.length
      ? html`<div class="table-wrap"><table>
          <caption>${t(`第${round.number}次会议后各方的条款`, `Clauses after round ${round.number}`)}</caption>
          <thead><tr><th scope="col">${t('条款', 'Clause')}</th>${PARTIES.map((p) => html`<th scope="col">${pick(lang, partyName[p])}</th>`)}</tr></thead>
          <tbody>${keys.map(
            (k) => html`<tr><th scope="row">${pick(lang, clauseLabel(sample(k), names))}</th>${PARTIES.map((p) => {
              const cl = positions[p].get(k)
              return html`<td>${cl ? pick(lang, clauseValue(cl)) : '—'}</td>`
            })}</tr>`,
          )}</tbody></table></div>`
      : html`<p class="muted">${t('本次会议没有记录结构化条款。', 'No structured clauses were recorded at this round.')}</p>`}
    <h4>${previous === 0 ? t('本次提出的条款', 'Put forward at this round') : t(`与第${previous}次会议相比的变化`, `Changes since round ${previous}`)}</h4>
    ${changes.length ? html`<ul class="plain changes">${changes.map((l) => html`<li>${l}</li>`)}</ul>` : html`<p class="muted">${t('各方立场没有变化。', 'No position changed.')}</p>`}
    ${costed.map((x) => costingBlock(ctx, x.party, round.number, x.costing))}
  </details>`
}

export type TProposalsSectionOptions = {
  caseId: string
  /** The signed-in user may ask for the 协商准备材料 PDF. */
  canRequestBrief: boolean
  /** A refused request for the brief (shown above its button). */
  briefError?: string
}

export function proposalsSection(ctx: TWebCtx, c: TNegotiationContext, o: TProposalsSectionOptions): SafeHtml {
  const { t } = ctx
  const figures = c.preparation.figures
  const structured = c.rounds.filter((r) => r.clauseProposals?.length || r.agreedClauses?.length || r.withdrawnAgreedKeys?.length)
  const enterprise = enterpriseFigureLines(c)
  const regional = regionalFigureLines(c)
  if (structured.length === 0 && enterprise.length === 0 && regional.length === 0 && !figures.enterprise.groups) return html``
  const groups = figures.enterprise.groups
  return html`<section aria-labelledby="pc-h" class="card">
    <h2 id="pc-h">${t('方案与测算', 'Proposals and costing')}</h2>
    <p class="muted">${t(
      '每次协商会议后双方的条款、与上次会议相比的变化及提出方，以及按企业各类职工人数和月平均工资测算的年度工资成本，并与消费价格指数、工资指导线和最低工资标准比较（《工资集体协商试行办法》第八条；劳动合同法第五十五条）。',
      'The clauses of both sides after each round, what changed since the round before and who proposed it, and the yearly payroll cost computed from the headcount and average wage of each group, compared with the CPI, the wage guideline and the minimum wage (GZ 8; LCL 55).',
    )}</p>
    ${o.canRequestBrief
      ? html`<form method="post" action="/cases/${o.caseId}/documents/preparation-brief" class="brief-request">
          ${csrfField(ctx)}
          ${o.briefError ? errorSummary(ctx, t('未能生成协商准备材料：', 'The preparation brief cannot be produced:'), [{ text: o.briefError }]) : ''}
          <button type="submit">${t('生成协商准备材料（PDF）', 'Produce the preparation brief (PDF)')}</button>
          <span class="hint">${t('按案件当前记录生成，完成后列入下方“文件”。', 'Built from the case as it stands; it appears under “Documents” when ready.')}</span>
        </form>`
      : ''}
    ${figuresTable(ctx, t('企业数据（测算依据）', 'Enterprise figures (basis of the costing)'), enterprise)}
    ${groups
      ? html`<p class="muted">${t(
          `各类职工人数和月平均工资：${groups.value.map((g) => `${g.name}${g.headcount}人`).join('、')}（${groups.year}年；${groups.source}）。`,
          `Groups: ${groups.value.map((g) => `${g.name} ${g.headcount}`).join(', ')} (${groups.year}; ${groups.source}).`,
        )}</p>`
      : html`<p class="muted">${t('尚未记录各类职工的人数和月平均工资，方案无法测算。', 'The headcount and average wage by group are not recorded yet: proposals cannot be costed.')}</p>`}
    ${figuresTable(ctx, t('地区数据', 'Regional figures'), regional)}
    ${structured.length
      ? html`<h3>${t('各次协商会议的方案', 'Proposals round by round')}</h3>${structured.map((r, i) =>
          roundBlock(ctx, c, r, i === 0 ? 0 : c.rounds[c.rounds.indexOf(r) - 1]!.number, i === structured.length - 1),
        )}`
      : ''}
  </section>`
}

/**
 * Statistics for bureau staff (issue 9): filings per month, review times, deemed approvals, coverage and the agreed
 * wage increases against the wage guideline, for a region and its sub-regions over a period — tables and simple
 * bar charts (inline SVG drawn here, each with a title and a description, and the table beside it as the text
 * alternative), filterable by region and months, with each table as CSV (GET /api/v1/statistics.csv).
 *
 *   GET /bureau/statistics?region=440100&from=2025-07&to=2026-06
 */
import type { Router } from 'express'
import { INDUSTRY_SECTIONS, statisticsTables, type TRegionStatistics, type TStatisticsTable, type TStatisticsTableName } from '../../../workflows/statistics/statistics.js'
import { isAdmin, scopeOf } from '../../auth/principal.js'
import { listRegionTree, type TRegionNode } from '../../engine/regions.js'
import { statisticsFor } from '../../http/resources/statistics.js'
import { AppError } from '../../errors/app-error.js'
import { errorSummary } from '../components.js'
import { requireRole, sendPage, webContext, type TWebDeps } from '../context.js'
import { fmtDate } from '../format.js'
import { html, join, type SafeHtml } from '../html.js'
import { pick } from '../i18n.js'
import { facts, page, type TWebCtx } from '../layout.js'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** '2025-07' → 2025年7月 / Jul 2025. */
export function fmtMonth(lang: 'zh' | 'en', month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return lang === 'en' ? `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${y}` : `${y}年${m}月`
}

const fmtNumber = (v: string | number | null) =>
  v === null ? '—' : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2)) : v

// ---- charts --------------------------------------------------------------------------------------------------

type TBar = { label: string; value: number; text: string }
type TMarker = { value: number; label: string; color: string }

const BAR = '#2f6fb0'
const ROW = 26
const LABEL_W = 170
const PLOT_W = 380
const WIDTH = LABEL_W + PLOT_W + 90

/**
 * A horizontal bar chart as inline SVG: one bar per row with its value written after it, optional vertical marker
 * lines (e.g. the guideline's lines) with a legend. `role="img"` with a title and a description for assistive
 * technology; the page shows the same figures as a table.
 */
export function barChart(o: { id: string; title: string; desc: string; bars: TBar[]; markers?: TMarker[]; max?: number }): SafeHtml {
  const markers = o.markers ?? []
  const max = Math.max(o.max ?? 0, ...o.bars.map((b) => b.value), ...markers.map((m) => m.value), 1)
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * PLOT_W
  const top = markers.length ? 22 : 6
  const height = top + o.bars.length * ROW + 8
  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${o.id}-t ${o.id}-d" xmlns="http://www.w3.org/2000/svg">
    <title id="${o.id}-t">${o.title}</title><desc id="${o.id}-d">${o.desc}</desc>
    ${markers.map((m, i) => html`<text x="${LABEL_W + i * 120}" y="12" font-size="11" fill="${m.color}">┆ ${m.label}</text>`)}
    ${o.bars.map((b, i) => {
      const y = top + i * ROW
      return html`<g><text x="${LABEL_W - 6}" y="${y + 16}" font-size="12" text-anchor="end" fill="#222">${b.label}</text>
        <rect x="${LABEL_W}" y="${y + 4}" width="${(x(b.value) - LABEL_W).toFixed(1)}" height="${ROW - 8}" fill="${BAR}"></rect>
        <text x="${(x(b.value) + 4).toFixed(1)}" y="${y + 16}" font-size="12" fill="#222">${b.text}</text></g>`
    })}
    ${markers.map((m) => html`<line x1="${x(m.value).toFixed(1)}" x2="${x(m.value).toFixed(1)}" y1="${top}" y2="${height - 4}" stroke="${m.color}" stroke-width="2" stroke-dasharray="4 3"></line>`)}
    <line x1="${LABEL_W}" x2="${LABEL_W}" y1="${top}" y2="${height - 4}" stroke="#555"></line>
  </svg></figure>`
}

// ---- tables --------------------------------------------------------------------------------------------------

function statTable(ctx: TWebCtx, t: TStatisticsTable, csvHref: string): SafeHtml {
  const { lang } = ctx
  // Percentages (the columns headed "（%）") always with 2 decimals.
  const percentColumns = t.columns.map((c) => c.en.endsWith('(%)'))
  return html`<div class="table-wrap"><table>
    <caption>${pick(lang, t.title)}</caption>
    <thead><tr>${t.columns.map((c) => html`<th scope="col">${pick(lang, c)}</th>`)}</tr></thead>
    <tbody>${t.rows.map(
      (r) => html`<tr><th scope="row">${r[0] === null ? '—' : String(r[0])}</th>${r.slice(1).map(
        (v, i) => html`<td class="nowrap">${percentColumns[i + 1] && typeof v === 'number' ? v.toFixed(2) : fmtNumber(v)}</td>`,
      )}</tr>`,
    )}</tbody></table></div>
    <p class="muted small"><a href="${csvHref}" download>${ctx.t(`下载 CSV（${pick('zh', t.title)}）`, `Download CSV (${t.title.en})`)}</a></p>`
}

function flatten(nodes: TRegionNode[], depth = 0, out: { node: TRegionNode; depth: number }[] = []) {
  for (const n of nodes) {
    out.push({ node: n, depth })
    flatten(n.children, depth + 1, out)
  }
  return out
}

function statisticsBody(ctx: TWebCtx, s: TRegionStatistics): SafeHtml {
  const { t, lang } = ctx
  const tables = statisticsTables(s, lang)
  const q = `regionCode=${s.region.code}&from=${s.from}&to=${s.to}&lang=${lang}`
  const csv = (name: TStatisticsTableName) => `/api/v1/statistics.csv?${q}&table=${name}`
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`)
  const r = s.reviews
  const latestGuideline = s.wages.guidelines.at(-1)
  const markers = latestGuideline
    ? [
        ...(latestGuideline.lower !== null ? [{ value: latestGuideline.lower / 100, label: t(`下线 ${latestGuideline.lower / 100}%`, `lower ${latestGuideline.lower / 100}%`), color: '#b7791f' }] : []),
        ...(latestGuideline.baseline !== null ? [{ value: latestGuideline.baseline / 100, label: t(`基准线 ${latestGuideline.baseline / 100}%`, `baseline ${latestGuideline.baseline / 100}%`), color: '#2f855a' }] : []),
        ...(latestGuideline.upper !== null ? [{ value: latestGuideline.upper / 100, label: t(`上线 ${latestGuideline.upper / 100}%`, `upper ${latestGuideline.upper / 100}%`), color: '#c53030' }] : []),
      ]
    : []
  return html`
    <section class="card" aria-labelledby="st-sum"><h2 id="st-sum">${t('概况', 'Summary')}</h2>
      <p class="muted">${t(`${s.region.name}（含下级区划），${fmtDate(lang, s.periodStart)}至${fmtDate(lang, s.periodEnd)}。`, `${s.region.name} and its sub-regions, ${fmtDate(lang, s.periodStart)} to ${fmtDate(lang, s.periodEnd)}.`)}</p>
      ${facts([
        [t('受理备案', 'Filings received'), String(s.filings.total)],
        [t('已审结 / 审查中', 'Decided / pending'), `${r.decided} / ${r.pending}`],
        [t('视为同意率', 'Deemed-approval rate'), pct(r.deemedApprovalRate)],
        [t('审查用时（中位数 / 平均 / 最长）', 'Review days (median / mean / max)'), r.days ? t(`${fmtNumber(r.days.median)} / ${fmtNumber(r.days.mean)} / ${r.days.max} 日`, `${fmtNumber(r.days.median)} / ${fmtNumber(r.days.mean)} / ${r.days.max} days`) : '—'],
        [t('企业覆盖率（期末）', 'Enterprises covered (end of period)'), `${pct(s.coverage.share)}（${s.coverage.covered} / ${s.coverage.enterprises}）`],
        [t('职工覆盖率（期末）', 'Employees covered (end of period)'), pct(s.coverage.employeeShare)],
        [t('平均工资增幅', 'Average agreed increase'), pct(s.wages.total.average)],
      ])}
    </section>
    <section class="card" aria-labelledby="st-fil"><h2 id="st-fil">${t('受理备案', 'Filings')}</h2>
      ${barChart({
        id: 'ch-filings',
        title: t('各月受理备案数', 'Filings received per month'),
        desc: s.filings.byMonth.map((m) => `${fmtMonth(lang, m.month)}: ${m.total}`).join(lang === 'en' ? '; ' : '；'),
        bars: s.filings.byMonth.map((m) => ({ label: fmtMonth(lang, m.month), value: m.total, text: String(m.total) })),
      })}
      ${statTable(ctx, tables.filings, csv('filings'))}</section>
    <section class="card" aria-labelledby="st-rev"><h2 id="st-rev">${t('审查', 'Reviews')}</h2>
      <p class="muted">${t('自收件之日起15日内审查；期满未提出异议的视为同意（《集体合同规定》第四十七条，《工资集体协商试行办法》第二十二条）。', 'Review within 15 days of receipt; without an objection the agreement is deemed approved (JHR 47; GZ 22).')}</p>
      ${barChart({
        id: 'ch-reviews',
        title: t('审查决定', 'Review decisions'),
        desc: t(`提出异议 ${r.objection}，无异议 ${r.noObjection}，视为同意 ${r.deemedApproval}，审查中 ${r.pending}`, `objection ${r.objection}, no objection ${r.noObjection}, deemed approval ${r.deemedApproval}, pending ${r.pending}`),
        bars: [
          { label: t('提出异议', 'Objection'), value: r.objection, text: String(r.objection) },
          { label: t('无异议', 'No objection'), value: r.noObjection, text: String(r.noObjection) },
          { label: t('视为同意', 'Deemed approval'), value: r.deemedApproval, text: String(r.deemedApproval) },
          { label: t('审查中', 'Pending'), value: r.pending, text: String(r.pending) },
        ],
      })}
      ${statTable(ctx, tables.reviews, csv('reviews'))}</section>
    <section class="card" aria-labelledby="st-cov"><h2 id="st-cov">${t('覆盖情况', 'Coverage')}</h2>
      ${barChart({
        id: 'ch-coverage',
        title: t('企业覆盖率（%）', 'Share of enterprises covered (%)'),
        desc: s.units.map((u) => `${u.name}: ${pct(s.coverage.byUnit[u.code]!.share)}`).join(lang === 'en' ? '; ' : '；'),
        bars: s.units.map((u) => ({ label: u.name, value: s.coverage.byUnit[u.code]!.share ?? 0, text: pct(s.coverage.byUnit[u.code]!.share) })),
        max: 100,
      })}
      ${statTable(ctx, tables.coverage, csv('coverage'))}</section>
    <section class="card" aria-labelledby="st-wag"><h2 id="st-wag">${t('工资增幅与工资指导线', 'Wage increases and the wage guideline')}</h2>
      ${s.wages.byIndustry.length
        ? barChart({
            id: 'ch-wages',
            title: t('各行业平均工资增幅（%）', 'Average agreed increase by industry (%)'),
            desc: [
              ...s.wages.byIndustry.map((f) => `${pick(lang, INDUSTRY_SECTIONS[f.section] ?? { zh: f.section, en: f.section })}: ${pct(f.average)}`),
              ...markers.map((m) => m.label),
            ].join(lang === 'en' ? '; ' : '；'),
            bars: s.wages.byIndustry.map((f) => ({
              label: `${f.section} ${pick(lang, INDUSTRY_SECTIONS[f.section] ?? { zh: f.section, en: f.section })}`.slice(0, 14),
              value: f.average ?? 0,
              text: pct(f.average),
            })),
            markers,
          })
        : html`<p class="muted">${t('本期没有生效的合同。', 'No agreement took effect in the period.')}</p>`}
      ${statTable(ctx, tables.wages, csv('wages'))}
      ${tables.guidelines.rows.length
        ? statTable(ctx, tables.guidelines, csv('guidelines'))
        : html`<p class="muted">${t('没有这些年度的工资指导线数据（管理员可通过 /api/v1/wage-standards 录入，并注明来源）。', 'No wage guideline is recorded for these years (an admin loads them, with their sources, through /api/v1/wage-standards).')}</p>`}
    </section>`
}

export function statisticsPages(router: Router, deps: TWebDeps) {
  router.get('/bureau/statistics', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    const p = requireRole(ctx, ['bureauReviewer', 'admin'])
    const { t } = ctx
    const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string).trim().slice(0, 20) : '')
    const region = /^\d{6}$/.test(q('region')) ? q('region') : undefined
    const from = MONTH.test(q('from')) ? q('from') : undefined
    const to = MONTH.test(q('to')) ? q('to') : undefined
    // The regions to offer: a reviewer's regions and everything below them; an admin's provinces and prefectures.
    const scope = scopeOf(p)
    const trees = isAdmin(p)
      ? flatten(await listRegionTree(deps.engine.db)).filter((r) => r.node.level !== 'county' || r.node.code === region)
      : (await Promise.all((scope.all ? [] : scope.regionCodes).map((code) => listRegionTree(deps.engine.db, code)))).flatMap((n) => flatten(n))
    let stats: TRegionStatistics | undefined
    let problem: AppError | undefined
    try {
      stats = region || !isAdmin(p) ? await statisticsFor(deps, p, { regionCode: region, from, to }) : undefined
    } catch (e) {
      // A period the form allows but the rules refuse (to before from, too long) is shown next to the form.
      if (!(e instanceof AppError) || e.code !== 'INVALID_INPUT') throw e
      problem = e
    }
    const selected = stats?.region.code ?? region ?? (scope.all ? undefined : scope.regionCodes[0])
    const form = html`<form method="get" action="/bureau/statistics" class="filters card" role="search" aria-label="${t('统计条件', 'Statistics filter')}">
      <div class="field"><label for="st-region">${t('地区（含下级区划）', 'Region (with sub-regions)')}</label><select id="st-region" name="region">
        ${isAdmin(p) && !selected ? html`<option value="">${t('请选择', 'Choose')}</option>` : ''}
        ${trees.map((r) => html`<option value="${r.node.code}"${r.node.code === selected ? html` selected` : ''}>${'　'.repeat(r.depth)}${r.node.name}</option>`)}</select></div>
      <div class="field"><label for="st-from">${t('起始月份', 'From month')}</label><input type="month" id="st-from" name="from" value="${stats?.from ?? from ?? ''}" pattern="\\d{4}-\\d{2}"></div>
      <div class="field"><label for="st-to">${t('截止月份', 'To month')}</label><input type="month" id="st-to" name="to" value="${stats?.to ?? to ?? ''}" pattern="\\d{4}-\\d{2}"></div>
      <button type="submit" class="secondary">${t('统计', 'Show')}</button>
    </form>`
    const body = join([
      problem ? errorSummary(ctx, t('无法统计', 'Cannot show these statistics'), [{ text: pick(ctx.lang, problem.text), href: '#st-to' }]) : '',
      form,
      stats ? statisticsBody(ctx, stats) : problem ? '' : html`<p class="muted">${t('请选择地区。', 'Choose a region.')}</p>`,
    ])
    sendPage(req, res, page(ctx, { title: t('统计分析', 'Statistics'), body }), problem ? 400 : 200)
  })
}

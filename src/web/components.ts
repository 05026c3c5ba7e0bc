/** Small pieces several pages share: state badges, deadline cells, case tables, error summaries. */
import { html, type SafeHtml } from './html.js'
import { CASE_KIND_NAMES, DEADLINE_NAMES, pick, stateName } from './i18n.js'
import { fmtDate } from './format.js'
import type { TWebCtx } from './layout.js'
import type { TCaseSummary, TDeadlineInfo } from './queries.js'

export const SOON_DAYS = 3

export function stateBadge(ctx: TWebCtx, state: unknown, status?: string): SafeHtml {
  const done = status === 'done'
  return html`<span class="badge${done ? ' done' : ''}">${stateName(ctx.lang, state)}</span>`
}

export function deadlineLabel(ctx: TWebCtx, d: TDeadlineInfo): string {
  return d.label ? pick(ctx.lang, d.label) : pick(ctx.lang, DEADLINE_NAMES[d.kind] ?? { zh: d.kind, en: d.kind })
}

/** "2026年6月24日 · 还剩 2 天" — red (and said in words) when fewer than three days are left. */
export function deadlineCell(ctx: TWebCtx, d: TDeadlineInfo | null): SafeHtml {
  const { t } = ctx
  if (!d) return html`<span class="muted">—</span>`
  const soon = d.daysLeft < SOON_DAYS
  const left =
    d.daysLeft < 0
      ? t(`已逾期 ${-d.daysLeft} 天`, `${-d.daysLeft} days overdue`)
      : d.daysLeft === 0
        ? t('今天到期', 'due today')
        : t(`还剩 ${d.daysLeft} 天`, `${d.daysLeft} days left`)
  return html`<span class="deadline${soon ? ' soon' : ''}">${deadlineLabel(ctx, d)}${t('：', ': ')}<time datetime="${d.lastDay}">${fmtDate(ctx.lang, d.lastDay)}</time>
    <span class="left">${soon ? html`<span aria-hidden="true">⚠ </span>` : ''}${left}${d.provisional ? t('（暂定）', ' (provisional)') : ''}</span></span>`
}

export const kindName = (ctx: TWebCtx, kind: string) => pick(ctx.lang, CASE_KIND_NAMES[kind] ?? { zh: kind, en: kind })

export function caseTable(ctx: TWebCtx, rows: TCaseSummary[], caption: string): SafeHtml {
  const { t } = ctx
  if (rows.length === 0) return html`<p class="muted">${t('暂无案件。', 'No cases.')}</p>`
  return html`<div class="table-wrap"><table class="stack">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${t('企业', 'Enterprise')}</th><th scope="col">${t('合同类型', 'Kind')}</th><th scope="col">${t('状态', 'State')}</th><th scope="col">${t('下一期限', 'Next deadline')}</th><th scope="col">${t('更新', 'Updated')}</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr>
        <th scope="row"><a href="/cases/${r.item.id}">${r.item.enterpriseName}</a></th>
        <td data-label="${t('合同类型', 'Kind')}">${kindName(ctx, r.item.kind)}</td>
        <td data-label="${t('状态', 'State')}">${stateBadge(ctx, r.item.state, r.item.status)}</td>
        <td data-label="${t('下一期限', 'Next deadline')}">${deadlineCell(ctx, r.next)}</td>
        <td data-label="${t('更新', 'Updated')}" class="nowrap">${fmtDate(ctx.lang, r.item.updatedAt)}</td>
      </tr>`,
    )}</tbody></table></div>`
}

/** The list of problems of a refused form, each linking to its field. */
export function errorSummary(ctx: TWebCtx, title: string, items: { text: string; href?: string }[]): SafeHtml {
  if (items.length === 0) return html``
  return html`<div class="error-summary" role="alert" tabindex="-1"><h3>${title}</h3><ul>${items.map(
    (i) => html`<li>${i.href ? html`<a href="${i.href}">${i.text}</a>` : i.text}</li>`,
  )}</ul></div>`
}

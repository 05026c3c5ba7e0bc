/**
 * The bureau's review workbench on the case page: the review clock (day N of 15, the last day; flagged from day 13)
 * always on top, the receiving bureau (JHR 43), then each automatic check with its result, article and explanation
 * (team composition, procedure, content, completeness of the filing package) and the correction request the rule
 * allows. The decisions themselves are the case page's forms (registration, correction, objection, approval).
 */
import type { TReviewWorkbench } from '../engine/review-checks.js'
import { fmtDate, fmtDateTime } from './format.js'
import { html, type SafeHtml } from './html.js'
import { pick } from './i18n.js'
import type { TWebCtx } from './layout.js'

const RESULT: Record<string, { zh: string; en: string; mark: string; cls: string }> = {
  pass: { zh: '符合', en: 'Pass', mark: '✓', cls: 'done' },
  fail: { zh: '不符合', en: 'Fail', mark: '✗', cls: 'fail' },
  notApplicable: { zh: '不适用 / 人工核对', en: 'Not applicable / check by hand', mark: '–', cls: 'na' },
}

const GROUPS: { group: string; zh: string; en: string }[] = [
  { group: 'team', zh: '协商代表（主体资格）', en: 'Negotiators (qualification of the parties)' },
  { group: 'procedure', zh: '协商程序', en: 'Procedure' },
  { group: 'content', zh: '合同内容', en: 'Content' },
  { group: 'completeness', zh: '报送材料', en: 'Filing materials' },
]

const LEVEL: Record<string, { zh: string; en: string }> = {
  county: { zh: '县级', en: 'county-level' },
  prefecture: { zh: '设区的市级', en: 'prefecture-level' },
  province: { zh: '省级', en: 'provincial' },
}

/** The review clock: "day N of 15 · due 2026年7月15日" (or the state of the filing when the clock is not running). */
export function reviewClockLine(ctx: TWebCtx, wb: Pick<TReviewWorkbench, 'review'>): SafeHtml {
  const { t, lang } = ctx
  const r = wb.review
  if (!r) return html`<p class="muted">${t('审查期限尚未开始（自登记收件之日起计算）或已结束。', 'The review period is not running (it starts at registration of receipt) or has ended.')}</p>`
  return html`<p class="review-clock ${r.flagged ? 'flag' : ''}" role="status">
    ${r.flagged ? html`<span aria-hidden="true">⚑ </span>` : ''}${t(`审查期限：第 ${r.day} 天 / 共 ${r.of} 天`, `Review: day ${r.day} of ${r.of}`)}
    · ${t(`${fmtDate(lang, r.receivedOn)}收件，期满日 ${fmtDate(lang, r.lastDay)}`, `received ${fmtDate(lang, r.receivedOn)}, last day ${fmtDate(lang, r.lastDay)}`)}
    <span class="muted small">（${t(`${fmtDateTime(lang, r.dueAt)}届满，未提出异议即视为同意`, `ends ${fmtDateTime(lang, r.dueAt)}; without an objection the agreement is deemed approved`)}${r.provisional ? t('；节假日安排未公布，期限为暂定', '; provisional: the holiday calendar is not published yet') : ''}）</span>
  </p>`
}

export function reviewWorkbenchSection(ctx: TWebCtx, wb: TReviewWorkbench): SafeHtml {
  const { t, lang } = ctx
  const c = wb.counts
  return html`<section aria-labelledby="rw-h" class="card review-workbench">
    <h2 id="rw-h">${t('备案审查工作台', 'Review workbench')}</h2>
    ${reviewClockLine(ctx, wb)}
    ${wb.routedTo
      ? html`<p>${t(
          `受理部门：行政区划 ${wb.routedTo.regionCode} 的${pick(lang, LEVEL[wb.routedTo.level] ?? { zh: '', en: '' })}劳动保障行政部门（${wb.routedTo.article}）。`,
          `Received by the ${pick(lang, LEVEL[wb.routedTo.level] ?? { zh: '', en: '' })} bureau of region ${wb.routedTo.regionCode} (${wb.routedTo.article}).`,
        )}</p>`
      : ''}
    <p>${t(`自动审查：符合 ${c.pass} 项，不符合 ${c.fail} 项，不适用或需人工核对 ${c.notApplicable} 项。`, `Automatic checks: ${c.pass} pass, ${c.fail} fail, ${c.notApplicable} not applicable or to check by hand.`)}</p>
    ${GROUPS.map((g) => {
      const rows = wb.checks.filter((x) => x.group === g.group)
      if (rows.length === 0) return ''
      return html`<div class="table-wrap"><table class="stack checks">
        <caption>${t(g.zh, g.en)}</caption>
        <thead><tr><th scope="col">${t('审查项目', 'Item')}</th><th scope="col">${t('结果', 'Result')}</th><th scope="col">${t('依据', 'Article')}</th><th scope="col">${t('说明', 'Explanation')}</th></tr></thead>
        <tbody>${rows.map((x) => {
          const r = RESULT[x.result]!
          return html`<tr class="check-${x.result}" data-check="${x.id}">
            <th scope="row">${pick(lang, x.title)}</th>
            <td data-label="${t('结果', 'Result')}"><span class="badge ${r.cls}"><span aria-hidden="true">${r.mark} </span>${t(r.zh, r.en)}</span></td>
            <td data-label="${t('依据', 'Article')}" class="nowrap">${x.article}</td>
            <td data-label="${t('说明', 'Explanation')}">${pick(lang, x.explanation)}</td>
          </tr>`
        })}</tbody></table></div>`
    })}
    ${wb.correction.missing.length
      ? wb.correction.allowed
        ? html`<p class="soon-note">${t(
            `报送材料不全，可要求补正（${wb.correction.article}）：${wb.correction.missing.map((m) => m.title.zh).join('、')}。补正后自重新收件之日起计算审查期限。`,
            `The package is incomplete; a correction may be requested (${wb.correction.article}): ${wb.correction.missing.map((m) => m.title.en).join(', ')}. The review then runs from the completed receipt.`,
          )}</p>`
        : html`<p class="soon-note">${t(
            `报送材料不全：${wb.correction.missing.map((m) => m.title.zh).join('、')}；本地区规则未规定补正程序（${wb.correction.article}）。`,
            `The package is incomplete: ${wb.correction.missing.map((m) => m.title.en).join(', ')}; the rules provide no correction request (${wb.correction.article}).`,
          )}</p>`
      : ''}
  </section>`
}

/**
 * The labour bureau's inbox: filings of my region (and its sub-regions) to register, under review sorted by the
 * review deadline ("day n of 15", flagged from day 13), waiting for corrections, and the agreements that took
 * effect by deemed approval; a search of the register. The decisions themselves (register receipt, correction,
 * objection with its opinion, approval) are the forms of the case page.
 *
 *   GET /bureau
 */
import type { Router } from 'express'
import type { TPrincipal } from '../../auth/principal.js'
import { isAdmin, scopeOf } from '../../auth/principal.js'
import { regionPath } from '../../engine/regions.js'
import { REVIEW_FLAG_DAY } from '../../engine/review-checks.js'
import { paperFilingLink, paperFilingPages } from './paper-filing.js'
import { receivesFiling } from '../../../workflows/review/routing.js'
import { diffDays } from '../../../workflows/rules/calendar/dates.js'
import { requireRole, sendPage, webContext, type TWebDeps } from '../context.js'
import { deadlineCell, kindName } from '../components.js'
import { fmtDate, localToday } from '../format.js'
import { html, type SafeHtml } from '../html.js'
import { page, type TWebCtx } from '../layout.js'
import { caseSummaries, contextOf, deadlineInfo, periodDay, type TCaseSummary, type TDeadlineInfo } from '../queries.js'

export const FLAG_DAY = REVIEW_FLAG_DAY

export type TReviewRow = { s: TCaseSummary; receivedOn: string; day: number; total: number; extendedTo?: string; deadline: TDeadlineInfo | null; registrationNumber?: string }

/** Whether the caller receives a case's filing (JHR 43 routing); admins receive every filing. */
async function receivingFilter(deps: TWebDeps, p: TPrincipal, cases: readonly TCaseSummary[]): Promise<(s: TCaseSummary) => boolean> {
  if (isAdmin(p)) return () => true
  const regions = p.memberships.filter((m) => m.role === 'bureauReviewer' && m.regionCode).map((m) => m.regionCode!)
  const codes = [...new Set(cases.map((s) => contextOf(s.view).filing?.routedTo?.regionCode).filter((c): c is string => c !== undefined))]
  const paths = new Map(await Promise.all(codes.map(async (c) => [c, await regionPath(deps.engine.db, c)] as const)))
  return (s) => {
    const routed = contextOf(s.view).filing?.routedTo
    return !routed || receivesFiling(regions, paths.get(routed.regionCode) ?? [])
  }
}

export async function bureauInbox(deps: TWebDeps, p: TPrincipal) {
  const scope = scopeOf(p)
  const now = deps.engine.clock.now()
  const today = localToday(now)
  const lists = await Promise.all([
    caseSummaries(deps.engine, scope, { state: 'underReview' }),
    caseSummaries(deps.engine, scope, { state: 'awaitingRegistration' }),
    caseSummaries(deps.engine, scope, { state: 'correctionRequested' }),
    caseSummaries(deps.engine, scope, { state: 'inForce' }),
  ])
  // JHR 43: only the filings routed to this bureau (or a bureau below it).
  const receives = await receivingFilter(deps, p, lists.flat())
  const [reviewing, toRegister, corrections, inForce] = lists.map((l) => l.filter(receives)) as [TCaseSummary[], TCaseSummary[], TCaseSummary[], TCaseSummary[]]
  const rows: TReviewRow[] = reviewing.map((s) => {
    const c = contextOf(s.view)
    const receivedOn = c.review?.receivedOn ?? c.filing?.receivedOn ?? today
    const d = s.view.deadlines.find((x) => x.kind === 'review')
    const deadline = d ? deadlineInfo(d, now) : null
    const p = deadline ? periodDay(deadline, now) : null
    return {
      s,
      receivedOn,
      day: diffDays(receivedOn, today),
      total: p?.of ?? (deadline ? diffDays(receivedOn, deadline.lastDay) : 15),
      ...(p?.extendedTo ? { extendedTo: p.extendedTo } : {}),
      deadline,
      registrationNumber: c.filing?.registrationNumber,
    }
  })
  rows.sort((a, b) => (a.deadline?.dueAt ?? '9') .localeCompare(b.deadline?.dueAt ?? '9'))
  return {
    reviewing: rows,
    toRegister: toRegister.sort((a, b) => (contextOf(a.view).filing?.filedOn ?? '').localeCompare(contextOf(b.view).filing?.filedOn ?? '')),
    corrections,
    deemed: inForce.filter((s) => contextOf(s.view).agreement?.effectiveBy === 'deemedApproval'),
  }
}

export function inboxTable(ctx: TWebCtx, rows: TReviewRow[]): SafeHtml {
  const { t, lang } = ctx
  if (rows.length === 0) return html`<p class="muted">${t('没有审查中的备案。', 'No filing under review.')}</p>`
  return html`<div class="table-wrap"><table class="stack">
    <caption>${t('审查中（按审查期限排序）', 'Under review (by review deadline)')}</caption>
    <thead><tr><th scope="col">${t('企业', 'Enterprise')}</th><th scope="col">${t('登记编号', 'Registration')}</th><th scope="col">${t('收件日期', 'Received')}</th><th scope="col">${t('审查进度', 'Review day')}</th><th scope="col">${t('期满', 'Deadline')}</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr class="${r.day >= FLAG_DAY ? 'flagged' : ''}">
        <th scope="row"><a href="/cases/${r.s.item.id}">${r.s.item.enterpriseName}</a><br><span class="muted">${kindName(ctx, r.s.item.kind)}</span></th>
        <td data-label="${t('登记编号', 'Registration')}">${r.registrationNumber ?? '—'}</td>
        <td data-label="${t('收件日期', 'Received')}" class="nowrap">${fmtDate(lang, r.receivedOn)}</td>
        <td data-label="${t('审查进度', 'Review day')}"><span class="${r.day >= FLAG_DAY ? 'flag' : ''}">${r.day >= FLAG_DAY ? html`<span aria-hidden="true">⚑ </span>` : ''}${t(`第 ${r.day} 天 / 共 ${r.total} 天`, `day ${r.day} of ${r.total}`)}${r.day >= FLAG_DAY ? t('（即将期满）', ' (nearly due)') : ''}</span>
          ${r.extendedTo ? html`<br><span class="muted small">${t(`期满日遇节假日顺延至${fmtDate(lang, r.extendedTo)}`, `last day moved to ${fmtDate(lang, r.extendedTo)} (holiday)`)}</span>` : ''}</td>
        <td data-label="${t('期满', 'Deadline')}">${deadlineCell(ctx, r.deadline)}</td>
      </tr>`,
    )}</tbody></table></div>`
}

function simpleTable(ctx: TWebCtx, caption: string, rows: TCaseSummary[], extra: (s: TCaseSummary) => [string, string]): SafeHtml {
  const { t } = ctx
  if (rows.length === 0) return html`<p class="muted">${t('无。', 'None.')}</p>`
  const [h] = extra(rows[0]!)
  return html`<div class="table-wrap"><table><caption>${caption}</caption>
    <thead><tr><th scope="col">${t('企业', 'Enterprise')}</th><th scope="col">${t('合同类型', 'Kind')}</th><th scope="col">${h}</th></tr></thead>
    <tbody>${rows.map((s) => html`<tr><th scope="row"><a href="/cases/${s.item.id}">${s.item.enterpriseName}</a></th><td>${kindName(ctx, s.item.kind)}</td><td>${extra(s)[1]}</td></tr>`)}</tbody></table></div>`
}

export function bureauPages(router: Router, deps: TWebDeps) {
  paperFilingPages(router, deps)
  router.get('/bureau', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    const p = requireRole(ctx, ['bureauReviewer', 'admin'])
    const { t, lang } = ctx
    const inbox = await bureauInbox(deps, p)
    const region = p.memberships.find((m) => m.role === 'bureauReviewer')?.regionCode ?? ''
    const flagged = inbox.reviewing.filter((r) => r.day >= FLAG_DAY).length
    const body = html`
      <section class="card" aria-labelledby="rv-h"><h2 id="rv-h">${t('审查中', 'Under review')}</h2>
        <p class="muted">${t('自收到报送文本之日起15日内审查；期满未提出异议的，合同即行生效（视为同意）。', 'Review within 15 days of receipt; without an objection by then the agreement takes effect (deemed approval).')}</p>
        ${flagged ? html`<p class="soon-note" role="status">${t(`${flagged} 件已到第 ${FLAG_DAY} 天或以后，请尽快作出审查决定。`, `${flagged} filings are at day ${FLAG_DAY} or later: decide soon.`)}</p>` : ''}
        ${inboxTable(ctx, inbox.reviewing)}</section>
      <section class="card" aria-labelledby="tr-h"><h2 id="tr-h">${t('待登记收件', 'To register')}</h2>
        ${paperFilingLink(ctx)}
        ${simpleTable(ctx, t('已报送，待登记', 'Filed, to register'), inbox.toRegister, (s) => {
          const f = contextOf(s.view).filing
          return [t('报送日期', 'Filed on'), f?.filedOn ? `${fmtDate(lang, f.filedOn)}${f.late ? t('（逾期报送）', ' (late)') : ''}` : '—']
        })}</section>
      <section class="card" aria-labelledby="co-h"><h2 id="co-h">${t('等待补正', 'Waiting for corrections')}</h2>
        ${simpleTable(ctx, t('已要求补正', 'Correction requested'), inbox.corrections, (s) => {
          const last = contextOf(s.view).filing?.corrections.at(-1)
          return [t('要求补正', 'Requested'), last ? `${fmtDate(lang, last.requestedOn)}：${last.items.join('、')}` : '—']
        })}</section>
      <section class="card" aria-labelledby="dm-h"><h2 id="dm-h">${t('视为同意（审查期满生效）', 'Deemed approved')}</h2>
        ${simpleTable(ctx, t('期满未提出异议而生效', 'Took effect without an opinion'), inbox.deemed, (s) => {
          const a = contextOf(s.view).agreement
          return [t('生效日期', 'Effective on'), a ? fmtDate(lang, a.effectiveOn) : '—']
        })}</section>
      <section class="card" aria-labelledby="se-h"><h2 id="se-h">${t('查询合同登记', 'Search the register')}</h2>
        <form method="get" action="/register" class="filters">
          <input type="hidden" name="region" value="${region}">
          <div class="field"><label for="b-q">${t('企业名称或统一社会信用代码', 'Enterprise name or credit code')}</label><input id="b-q" name="q"></div>
          <button type="submit" class="secondary">${t('查询', 'Search')}</button>
        </form></section>`
    sendPage(req, res, page(ctx, { title: t('备案审查', 'Filings and review'), body }))
  })
}

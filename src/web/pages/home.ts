/**
 * The role-aware home page, the list of my cases and opening a case.
 *
 *   GET /            what each of my roles has to do: cases needing me, deadlines, the bureau inbox, admin counts
 *   GET /cases       my cases with state and next deadline (filter by state, overdue)
 *   GET /cases/new, POST /cases   open a case for an enterprise
 */
import type { Router } from 'express'
import { z } from 'zod'
import { enterpriseAccess, permittedEvents, requireRoleOn } from '../../auth/case-access.js'
import { rolesOn, scopeOf, type TPrincipal, type TUserRole } from '../../auth/principal.js'
import { listEnterprises } from '../../engine/enterprises.js'
import { caseStateNames, listCases } from '../../engine/list-cases.js'
import { mailCounts } from '../../engine/list-mail.js'
import { listOutbox } from '../../engine/outbox.js'
import { listUsers } from '../../engine/users.js'
import { AppError } from '../../errors/app-error.js'
import { rulePacks } from '../../../workflows/rules/jurisdictions/index.js'
import { ZCaseKindSchema } from '../../../workflows/rules/jurisdictions/types.js'
import { checkForm, redirect, requireRole, requireSignedIn, sendPage, webContext, type TWebDeps } from '../context.js'
import { caseTable, deadlineCell, errorSummary, kindName, SOON_DAYS, stateBadge } from '../components.js'
import { html } from '../html.js'
import { CASE_KIND_NAMES, STATE_NAMES, eventName, pick } from '../i18n.js'
import { csrfField, page, rolesOf, type TWebCtx } from '../layout.js'
import { myCases, type TCaseSummary } from '../queries.js'
import { bureauInbox, inboxTable } from './bureau.js'

const CASE_OPENERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'admin']

function needsMe(p: TPrincipal, s: TCaseSummary): string[] {
  const roles = rolesOn(p, { enterpriseId: s.item.enterpriseId, regionPath: [] })
  return permittedEvents(s.view, roles, p.user.id)
}

async function homePage(deps: TWebDeps, ctx: TWebCtx, p: TPrincipal): Promise<string> {
  const { t, lang } = ctx
  const roles = rolesOf(p)
  const sections = []
  const negotiator = roles.has('unionNegotiator') || roles.has('employerNegotiator')
  if (negotiator || roles.has('workerRepresentative')) {
    const cases = await myCases(deps.engine, p, { status: 'active' })
    if (negotiator) {
      const todo = cases.map((s) => ({ s, events: needsMe(p, s) })).filter((x) => x.events.length > 0)
      sections.push(html`<section aria-labelledby="todo-h" class="card">
        <h2 id="todo-h">${t('需要您办理', 'Waiting for you')}</h2>
        ${todo.length
          ? html`<ul class="todo">${todo.map(
              (x) => html`<li><a href="/cases/${x.s.item.id}">${x.s.item.enterpriseName}</a> ${stateBadge(ctx, x.s.item.state)}
                <span class="muted">${x.events.slice(0, 3).map((e) => eventName(lang, e)).join('、')}${x.events.length > 3 ? '…' : ''}</span>
                ${x.s.next ? html`<br>${deadlineCell(ctx, x.s.next)}` : ''}</li>`,
            )}</ul>`
          : html`<p class="muted">${t('目前没有需要您办理的事项。', 'Nothing is waiting for you.')}</p>`}
        <p><a class="button" href="/cases/new">${t('为企业立案', 'Open a case')}</a></p>
      </section>`)
    }
    sections.push(html`<section aria-labelledby="mine-h" class="card"><h2 id="mine-h">${negotiator ? t('我的案件', 'My cases') : t('本企业的案件', 'My enterprise’s cases')}</h2>
      ${caseTable(ctx, cases, t('进行中的案件', 'Active cases'))}
      ${roles.has('workerRepresentative') ? html`<p class="muted">${t('职工代表大会表决时，您会收到投票通知（链接或凭证码），用手机即可投票。', 'When the congress votes you receive a voting notice (a link or a code): vote from your phone.')}</p>` : ''}
    </section>`)
  }
  if (roles.has('bureauReviewer')) {
    const inbox = await bureauInbox(deps, p)
    sections.push(html`<section aria-labelledby="bi-h" class="card"><h2 id="bi-h">${t('待审查的备案', 'Filings to review')}</h2>
      ${inboxTable(ctx, inbox.reviewing.slice(0, 10))}
      <p>${t(`待登记收件 ${inbox.toRegister.length} 件；已视为同意 ${inbox.deemed.length} 件。`, `${inbox.toRegister.length} to register; ${inbox.deemed.length} deemed approved.`)} <a href="/bureau">${t('进入备案审查工作台', 'Open the filings workbench')}</a></p></section>`)
  }
  if (roles.has('admin')) {
    const [users, mail, outbox, enterprises, active, done] = await Promise.all([
      listUsers(deps.engine.db, { limit: 1, offset: 0 }),
      mailCounts(deps.engine.db),
      listOutbox(deps.engine.db),
      listEnterprises(deps.engine.db, { all: true }, { limit: 1, offset: 0 }),
      listCases(deps.engine.db, { all: true }, { status: 'active', limit: 1, offset: 0 }, ctx.now.toISOString()),
      listCases(deps.engine.db, { all: true }, { status: 'done', limit: 1, offset: 0 }, ctx.now.toISOString()),
    ])
    const dead = outbox.filter((m) => m.status === 'dead')
    const pending = outbox.filter((m) => m.status === 'pending' || m.status === 'running').length
    sections.push(html`<section aria-labelledby="ad-h" class="card"><h2 id="ad-h">${t('系统管理', 'Administration')}</h2>
      <ul class="stats">
        <li><a href="/cases"><strong>${active.total}</strong> ${t('个进行中的案件', 'active cases')}</a></li>
        <li><a href="/cases?state=inForce"><strong>${done.total}</strong> ${t('个已结束的案件', 'finished cases')}</a></li>
        <li><a href="/admin/enterprises"><strong>${enterprises.total}</strong> ${t('家企业', 'enterprises')}</a></li>
        <li><a href="/admin/users"><strong>${users.total}</strong> ${t('个账号', 'accounts')}</a></li>
        <li><a href="/admin/outbox?status=pending"><strong>${pending}</strong> ${t('项待执行任务', 'effects pending')}</a></li>
        <li><a href="/admin/outbox?status=dead"><strong>${dead.length}</strong> ${t('条死信任务', 'dead letters')}</a></li>
        <li><a href="/admin/mail?status=held"><strong>${mail.held ?? 0}</strong> ${t('封邮件暂存（未配置 SMTP）', 'mails held (no SMTP)')}</a></li>
        <li><a href="/admin/mail?status=dead"><strong>${(mail.dead ?? 0) + (mail.failed ?? 0)}</strong> ${t('封邮件发送失败', 'mails failed')}</a></li>
      </ul>
      ${dead.length
        ? html`<h3>${t('最近的死信', 'Latest dead letters')}</h3><ul class="plain">${dead.slice(0, 5).map(
            (m) => html`<li><code>${m.effect}</code> ${m.caseId ? html`<a href="/cases/${m.caseId}">${t('案件', 'case')} #${m.caseSeq ?? ''}</a>` : ''} <span class="error-text small">${(m.lastError ?? '').slice(0, 160)}</span></li>`,
          )}</ul>`
        : ''}
    </section>`)
  }
  if (sections.length === 0) sections.push(html`<p>${t('您的账号尚未分配角色，请联系管理员。', 'Your account has no role yet; ask an administrator.')}</p>`)
  return page(ctx, { title: t('首页', 'Home'), heading: t(`您好，${p.user.displayName}`, `Hello, ${p.user.displayName}`), body: html`${sections}` })
}

function casesPage(ctx: TWebCtx, rows: TCaseSummary[], filter: { state?: string; overdue?: boolean }, canOpen: boolean): string {
  const { t, lang } = ctx
  const states = caseStateNames.filter((s) => STATE_NAMES[s])
  const soon = rows.filter((r) => r.next && r.next.daysLeft < SOON_DAYS).length
  return page(ctx, {
    title: t('案件', 'Cases'),
    body: html`
      <form method="get" action="/cases" class="filters card">
        <div class="field"><label for="f-state">${t('状态', 'State')}</label><select id="f-state" name="state"><option value="">${t('全部', 'All')}</option>
          ${states.map((s) => html`<option value="${s}"${filter.state === s ? html` selected` : ''}>${pick(lang, STATE_NAMES[s]!.name)}</option>`)}</select></div>
        <div class="field check"><label for="f-overdue"><input type="checkbox" id="f-overdue" name="overdue" value="true"${filter.overdue ? html` checked` : ''}> ${t('仅显示已逾期', 'Overdue only')}</label></div>
        <button type="submit" class="secondary">${t('筛选', 'Filter')}</button>
      </form>
      ${soon ? html`<p class="soon-note" role="status">${t(`${soon} 个案件的期限不足 ${SOON_DAYS} 天。`, `${soon} cases have a deadline within ${SOON_DAYS} days.`)}</p>` : ''}
      ${caseTable(ctx, rows, t(`案件（${rows.length}）`, `Cases (${rows.length})`))}
      ${canOpen ? html`<p><a class="button" href="/cases/new">${t('为企业立案', 'Open a case')}</a></p>` : ''}`,
  })
}

const ZOpenCaseForm = z.object({
  enterpriseId: z.string().min(1, 'choose an enterprise'),
  kind: ZCaseKindSchema,
  jurisdiction: z.enum(Object.keys(rulePacks) as [string, ...string[]]),
})

async function newCasePage(deps: TWebDeps, ctx: TWebCtx, p: TPrincipal, o: { values?: Record<string, string>; errors?: string[] } = {}) {
  const { t, lang } = ctx
  const ents = await listEnterprises(deps.engine.db, scopeOf(p), { limit: 200, offset: 0 })
  const mine = ents.items.filter((e) => CASE_OPENERS.some((r) => rolesOn(p, { enterpriseId: e.id, regionPath: [] }).includes(r)))
  const v = o.values ?? {}
  return page(ctx, {
    title: t('为企业立案', 'Open a case'),
    body: html`<form method="post" action="/cases" class="card narrow" novalidate>
      ${errorSummary(ctx, t('未能立案：', 'Not opened:'), (o.errors ?? []).map((text) => ({ text })))}
      ${csrfField(ctx)}
      <div class="field"><label for="enterpriseId">${t('企业', 'Enterprise')}</label>
        <select id="enterpriseId" name="enterpriseId" required>${mine.length !== 1 ? html`<option value="">${t('（请选择）', '(choose)')}</option>` : ''}
        ${mine.map((e) => html`<option value="${e.id}"${v.enterpriseId === e.id ? html` selected` : ''}>${e.name}（${e.creditCode}）</option>`)}</select></div>
      <div class="field"><label for="kind">${t('合同类型', 'Kind')}</label>
        <select id="kind" name="kind">${Object.keys(CASE_KIND_NAMES).map((k) => html`<option value="${k}"${(v.kind ?? 'wageAgreement') === k ? html` selected` : ''}>${kindName(ctx, k)}</option>`)}</select></div>
      <div class="field"><label for="jurisdiction">${t('适用规定', 'Rules')}<span class="hint">${t('企业所在地有地方规定的，选择地方规定', 'the local rules where the enterprise is, if any')}</span></label>
        <select id="jurisdiction" name="jurisdiction">${Object.values(rulePacks).map((r) => html`<option value="${r.id}"${(v.jurisdiction ?? 'national') === r.id ? html` selected` : ''}>${pick(lang, r.name)}</option>`)}</select></div>
      <button type="submit">${t('立案', 'Open the case')}</button>
    </form>`,
  })
}

export function homePages(router: Router, deps: TWebDeps) {
  router.get('/', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    if (!ctx.principal) return redirect(res, '/login')
    sendPage(req, res, await homePage(deps, ctx, ctx.principal))
  })

  router.get('/cases', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    const p = requireSignedIn(ctx)
    const state = typeof req.query.state === 'string' && caseStateNames.includes(req.query.state) ? req.query.state : undefined
    const overdue = req.query.overdue === 'true' ? true : undefined
    const rows = await myCases(deps.engine, p, { ...(state ? { state } : {}), ...(overdue ? { overdue } : {}) })
    sendPage(req, res, casesPage(ctx, rows, { state, overdue }, [...rolesOf(p)].some((r) => CASE_OPENERS.includes(r))))
  })

  router.get('/cases/new', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    const p = requireRole(ctx, CASE_OPENERS)
    sendPage(req, res, await newCasePage(deps, ctx, p))
  })

  router.post('/cases', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    checkForm(req, res)
    const p = requireRole(ctx, CASE_OPENERS)
    const body = req.body as Record<string, string>
    const parsed = ZOpenCaseForm.safeParse(body)
    if (!parsed.success) {
      return sendPage(req, res, await newCasePage(deps, ctx, p, { values: body, errors: parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`) }), 400)
    }
    try {
      const { roles } = await enterpriseAccess(deps.engine, p, parsed.data.enterpriseId)
      requireRoleOn(roles, CASE_OPENERS, { zh: '为该企业立案', en: 'open a case for this enterprise' })
      const role = CASE_OPENERS.find((r) => roles.includes(r))!
      const applied = await deps.engine.openCase(parsed.data, { id: p.user.id, role })
      redirect(res, `/cases/${applied.caseId}?done=case.opened`)
    } catch (e) {
      if (!(e instanceof AppError) || !['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT'].includes(e.code)) throw e
      sendPage(req, res, await newCasePage(deps, ctx, p, { values: body, errors: [pick(ctx.lang, e.text)] }), 400)
    }
  })
}

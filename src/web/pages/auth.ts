/** Sign in and out (the same accounts, sessions and rate limits as POST /api/v1/auth/login). */
import type { Router } from 'express'
import { deleteSession, login } from '../../auth/accounts.js'
import { AppError } from '../../errors/app-error.js'
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.js'
import { checkForm, redirect, safeNext, sendPage, webContext, type TWebDeps } from '../context.js'
import { html } from '../html.js'
import { csrfField, page, type TWebCtx } from '../layout.js'

function loginPage(ctx: TWebCtx, o: { email?: string; next: string; error?: string }) {
  const { t } = ctx
  return page(ctx, {
    title: t('登录', 'Sign in'),
    flash: o.error ? { kind: 'error', text: o.error } : null,
    body: html`<form method="post" action="/login" class="card narrow" novalidate>
      ${csrfField(ctx)}
      <input type="hidden" name="next" value="${o.next}">
      <div class="field"><label for="email">${t('电子邮箱', 'E-mail')}</label>
        <input type="email" id="email" name="email" autocomplete="username" required value="${o.email ?? ''}"></div>
      <div class="field"><label for="password">${t('密码', 'Password')}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required></div>
      <button type="submit">${t('登录', 'Sign in')}</button>
    </form>
    <p class="muted">${t('职工代表投票请使用投票通知中的链接或凭证码，无需登录。', 'Worker representatives vote with the link or code of their voting notice; no sign-in is needed.')}</p>
    <p><a href="/register">${t('查看已生效合同公示', 'See the register of agreements in force')}</a></p>`,
  })
}

export function authPages(router: Router, deps: TWebDeps) {
  router.get('/login', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    if (ctx.principal) return redirect(res, safeNext(req.query.next))
    sendPage(req, res, loginPage(ctx, { next: safeNext(req.query.next) }))
  })

  router.post('/login', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    checkForm(req, res)
    const body = req.body as Record<string, string | undefined>
    const email = String(body.email ?? '').trim()
    const next = safeNext(body.next)
    try {
      const r = await login(deps.engine.db, deps.auth, { email, password: String(body.password ?? ''), ip: req.ip ?? '' }, ctx.now)
      if (ctx.principal?.sessionId) await deleteSession(deps.engine.db, ctx.principal.sessionId)
      setSessionCookie(req, res, r.sessionSecret, r.expiresAt, deps.cookieSecure)
      redirect(res, next)
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'UNAUTHENTICATED' && e.code !== 'RATE_LIMITED')) throw e
      const status = e.code === 'RATE_LIMITED' ? 429 : 401
      sendPage(req, res, loginPage(ctx, { email, next, error: ctx.t(e.text.zh, e.text.en) }), status)
    }
  })

  router.post('/logout', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    checkForm(req, res)
    if (ctx.principal?.sessionId) await deleteSession(deps.engine.db, ctx.principal.sessionId)
    clearSessionCookie(req, res, deps.cookieSecure)
    redirect(res, '/login')
  })
}

/**
 * The page shell: landmarks (banner, navigation, main, contentinfo), a skip link, the navigation of the signed-in
 * user's roles, the language switch and sign-out. The voting page uses the minimal shell (nothing but the ballot).
 */
import type { TPrincipal, TUserRole } from '../auth/principal.js'
import { html, type SafeHtml, type THtmlValue } from './html.js'
import { ROLE_NAMES, pick, type TLang } from './i18n.js'

export type TWebCtx = {
  lang: TLang
  t: (zh: string, en: string) => string
  principal: TPrincipal | null
  /** The anti-CSRF token the forms of this page carry. */
  csrf: string
  now: Date
  /** Path and query of this request (for the language switch and `next`). */
  url: string
}

export const rolesOf = (p: TPrincipal | null): Set<TUserRole> => new Set((p?.memberships ?? []).map((m) => m.role))

type TNavItem = { href: string; label: string }

function navItems(ctx: TWebCtx): TNavItem[] {
  const { t } = ctx
  const roles = rolesOf(ctx.principal)
  const items: TNavItem[] = []
  if (ctx.principal) items.push({ href: '/', label: t('首页', 'Home') })
  if (roles.has('unionNegotiator') || roles.has('employerNegotiator') || roles.has('admin')) {
    items.push({ href: '/cases', label: t('案件', 'Cases') })
  } else if (roles.has('workerRepresentative')) {
    items.push({ href: '/cases', label: t('本企业案件', 'My enterprise') })
  }
  if (roles.has('bureauReviewer')) items.push({ href: '/bureau', label: t('备案审查', 'Filings') })
  if (roles.has('bureauReviewer') || roles.has('admin')) items.push({ href: '/bureau/statistics', label: t('统计', 'Statistics') })
  if (roles.has('admin')) {
    items.push(
      { href: '/admin/users', label: t('用户', 'Users') },
      { href: '/admin/regions', label: t('行政区划', 'Regions') },
      { href: '/admin/wage-standards', label: t('工资标准', 'Wage figures') },
      { href: '/admin/enterprises', label: t('企业', 'Enterprises') },
      { href: '/admin/outbox', label: t('任务队列', 'Outbox') },
      { href: '/admin/mail', label: t('邮件', 'Mail') },
    )
  }
  items.push({ href: '/register', label: t('合同公示', 'Register') })
  return items
}

/** The current URL with `lang` set (other parameters kept). */
export function withLang(url: string, lang: TLang): string {
  const u = new URL(url, 'http://x')
  u.searchParams.set('lang', lang)
  return `${u.pathname}${u.search}`
}

function currentPath(url: string) {
  return new URL(url, 'http://x').pathname
}

export function csrfField(ctx: TWebCtx): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`
}

export type TPageOptions = {
  title: string
  /** Heading of the page (defaults to the title). */
  heading?: THtmlValue
  body: THtmlValue
  /** Nothing but the content: no navigation, no account (the voting page). */
  minimal?: boolean
  /** A notice at the top of the content. */
  flash?: { kind: 'ok' | 'error'; text: THtmlValue } | null
}

export function page(ctx: TWebCtx, o: TPageOptions): string {
  const { t, lang } = ctx
  const here = currentPath(ctx.url)
  const other: TLang = lang === 'zh' ? 'en' : 'zh'
  const langSwitch = html`<a class="lang" href="${withLang(ctx.url, other)}" lang="${other === 'zh' ? 'zh-CN' : 'en'}" hreflang="${other === 'zh' ? 'zh-CN' : 'en'}">${other === 'zh' ? '中文' : 'English'}</a>`
  const account = ctx.principal
    ? html`<div class="account">
        <span class="who">${ctx.principal.user.displayName}<span class="roles">${[...rolesOf(ctx.principal)].map((r) => pick(lang, ROLE_NAMES[r]!)).join('、')}</span></span>
        <form method="post" action="/logout" class="inline">${csrfField(ctx)}<button type="submit" class="link">${t('退出', 'Sign out')}</button></form>
      </div>`
    : o.minimal
      ? ''
      : html`<a href="/login">${t('登录', 'Sign in')}</a>`
  const items = navItems(ctx)
  // The current item: the longest href that is this path or a prefix of it (/bureau/statistics, not /bureau).
  const current = items
    .filter((i) => i.href === here || (i.href !== '/' && here.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href
  const nav = o.minimal
    ? ''
    : html`<nav aria-label="${t('主导航', 'Main')}"><ul>${items.map(
        (i) => html`<li><a href="${i.href}"${i.href === current ? html` aria-current="page"` : ''}>${i.label}</a></li>`,
      )}</ul></nav>`
  const flash = o.flash
    ? html`<div class="flash ${o.flash.kind}" role="${o.flash.kind === 'error' ? 'alert' : 'status'}">${o.flash.text}</div>`
    : ''
  return html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${o.title} · ${t('工资集体协商', 'Wage negotiation')}</title>
<link rel="stylesheet" href="/assets/fonts/400.css">
<link rel="stylesheet" href="/assets/fonts/700.css">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body class="${o.minimal ? 'minimal' : ''}">
<a class="skip" href="#main">${t('跳到主要内容', 'Skip to main content')}</a>
<header class="top">
  <div class="bar">
    <a class="brand" href="${o.minimal ? '#main' : '/'}">${t('工资集体协商', 'Wage negotiation')}<span class="brand-sub">wagepact</span></a>
    <div class="tools">${o.minimal ? '' : langSwitch}${account}</div>
  </div>
  ${nav}
</header>
<main id="main" tabindex="-1">
${flash}
<h1>${o.heading ?? o.title}</h1>
${o.body}
</main>
<footer class="foot"><p>${t(
    '依据《集体合同规定》《工资集体协商试行办法》及地方规定。日期按北京时间。',
    'Under the Collective Contract Provisions, the Trial Measures on Wage Negotiation and local rules. Times are China Standard Time.',
  )}</p></footer>
</body>
</html>`.value
}

/** A small definition list from pairs (empty values left out). */
export function facts(pairs: [string, THtmlValue][]): SafeHtml {
  return html`<dl class="facts">${pairs
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false)
    .map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`
}

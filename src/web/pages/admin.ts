/**
 * Administration: accounts and their roles, regions, enterprises (one by one or a CSV import with per-row errors),
 * the outbox with its dead letters, and the mail (held, failed, dead; send again).
 *
 *   GET /admin/users          POST /admin/users, /admin/users/:userId/memberships, /admin/users/:userId/active
 *   GET /admin/regions        POST /admin/regions
 *   GET /admin/wage-standards POST /admin/wage-standards (one figure, through saveWageStandards like the API)
 *   GET /admin/enterprises    POST /admin/enterprises/import (one or many rows)
 *   GET /admin/outbox
 *   GET /admin/mail, /admin/mail/:mailId    POST /admin/mail/requeue
 */
import type { Request, Response, Router } from 'express'
import { z } from 'zod'
import { parse as parseCsv } from 'csv-parse/sync'
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password.js'
import { createEnterprise, listEnterprises, type TEnterpriseInput } from '../../engine/enterprises.js'
import { getMail, listMail, mailCounts, MAIL_STATUSES } from '../../engine/list-mail.js'
import { listOutbox } from '../../engine/outbox.js'
import { createRegion, getRegion, listRegionTree, regionPath, type TRegionNode } from '../../engine/regions.js'
import { requeueMail } from '../../engine/requeue-mail.js'
import { addMembership, createUser, listUsers, updateUser, type TMembershipInput } from '../../engine/users.js'
import { AppError } from '../../errors/app-error.js'
import { checkCreditCode } from '../../../workflows/rules/credit-code.js'
import {
  parseWageStandardUpload,
  percentToBasisPoints,
  saveWageStandards,
  unitOf,
  wageStandardsOf,
  WAGE_STANDARD_KINDS,
  yuanToFen,
  type TWageFigure,
  type TWageStandardKind,
} from '../../regions/wage-standards.js'
import { checkForm, redirect, requireRole, sendPage, webContext, type TWebDeps } from '../context.js'
import { errorSummary } from '../components.js'
import { fmtDate, fmtDateTime, localToday, yuan } from '../format.js'
import { html, type SafeHtml, type THtmlValue } from '../html.js'
import { ROLE_NAMES, WAGE_STANDARD_KIND_NAMES, pick } from '../i18n.js'
import { csrfField, page, type TWebCtx } from '../layout.js'

const ROLES = ['unionNegotiator', 'employerNegotiator', 'workerRepresentative', 'bureauReviewer', 'admin'] as const

const ZMembershipForm = z
  .object({
    role: z.enum(ROLES),
    enterpriseId: z.string().trim().optional().transform((v) => v || undefined),
    regionCode: z.string().trim().optional().transform((v) => v || undefined),
  })
  .superRefine((m, ctx) => {
    const needsEnterprise = ['unionNegotiator', 'employerNegotiator', 'workerRepresentative'].includes(m.role)
    if (needsEnterprise && !m.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: 'this role needs an enterprise' })
    if (m.role === 'bureauReviewer' && !m.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'a bureau reviewer needs a region' })
    if (m.regionCode && !/^\d{6}$/.test(m.regionCode)) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'expected a 6-digit region code' })
  })
  .transform((m): TMembershipInput => ({
    role: m.role,
    enterpriseId: ['unionNegotiator', 'employerNegotiator', 'workerRepresentative'].includes(m.role) ? (m.enterpriseId ?? null) : null,
    regionCode: m.role === 'bureauReviewer' ? (m.regionCode ?? null) : null,
  }))

const ZUserForm = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
})

const ZRegionForm = z.object({
  code: z.string().regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 code'),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional().transform((v) => v || null),
  level: z.enum(['province', 'prefecture', 'county']),
  parentCode: z.string().trim().optional().transform((v) => v || null),
})

/** One enterprise, as the API's fields (src/http/resources/enterprises.ts). */
const ZEnterpriseRow = z.object({
  creditCode: z.string().trim().toUpperCase().length(18),
  name: z.string().trim().min(1).max(200),
  regionCode: z.string().trim().regex(/^\d{6}$/, 'expected a 6-digit region code'),
  industryCode: z.string().trim().toUpperCase().regex(/^[A-T](\d{2,4})?$/, 'expected a GB/T 4754 industry code, e.g. C3484'),
  headcount: z.coerce.number().int().min(1).max(10_000_000),
  hasUnion: z.preprocess((v) => (typeof v === 'string' ? ['是', 'y', 'yes', 'true', '1', '有'].includes(v.trim().toLowerCase()) : v), z.boolean()),
  legalRepresentative: z.string().trim().max(100).optional().transform((v) => v || null),
  address: z.string().trim().max(500).optional().transform((v) => v || null),
})

/** CSV header names (Chinese or English) → field. */
const CSV_COLUMNS: Record<string, keyof z.input<typeof ZEnterpriseRow>> = {
  统一社会信用代码: 'creditCode',
  creditcode: 'creditCode',
  企业名称: 'name',
  name: 'name',
  行政区划代码: 'regionCode',
  regioncode: 'regionCode',
  行业代码: 'industryCode',
  industrycode: 'industryCode',
  职工人数: 'headcount',
  headcount: 'headcount',
  是否建立工会: 'hasUnion',
  工会: 'hasUnion',
  hasunion: 'hasUnion',
  法定代表人: 'legalRepresentative',
  legalrepresentative: 'legalRepresentative',
  地址: 'address',
  address: 'address',
}
export const ENTERPRISE_CSV_HEADER = '统一社会信用代码,企业名称,行政区划代码,行业代码,职工人数,是否建立工会,法定代表人,地址'

const admin = (ctx: TWebCtx) => requireRole(ctx, ['admin'])
const field = (id: string, label: string, input: SafeHtml, hint?: string) =>
  html`<div class="field"><label for="${id}">${label}${hint ? html`<span class="hint">${hint}</span>` : ''}</label>${input}</div>`
const issuesText = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => issues.map((i) => `${i.path.map(String).join('.')}：${i.message}`)

function table(caption: string, head: string[], rows: THtmlValue[][]): SafeHtml {
  return html`<div class="table-wrap"><table><caption>${caption}</caption><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody></table></div>`
}

// ---- users ----------------------------------------------------------------------------------------------------

async function usersPage(deps: TWebDeps, ctx: TWebCtx, q: string, errors: string[] = [], values: Record<string, string> = {}) {
  const { t, lang } = ctx
  const [users, ents] = await Promise.all([
    listUsers(deps.engine.db, { ...(q ? { q } : {}), limit: 200, offset: 0 }),
    listEnterprises(deps.engine.db, { all: true }, { limit: 200, offset: 0 }),
  ])
  const entName = new Map(ents.items.map((e) => [e.id, e.name]))
  const roleSelect = (id: string, value?: string) =>
    html`<select id="${id}" name="role">${ROLES.map((r) => html`<option value="${r}"${value === r ? html` selected` : ''}>${pick(lang, ROLE_NAMES[r]!)}</option>`)}</select>`
  const entSelect = (id: string, value?: string) =>
    html`<select id="${id}" name="enterpriseId"><option value="">${t('（不适用）', '(n/a)')}</option>${ents.items.map((e) => html`<option value="${e.id}"${value === e.id ? html` selected` : ''}>${e.name}</option>`)}</select>`
  const membership = (m: { role: string; enterpriseId: string | null; regionCode: string | null }) =>
    `${pick(lang, ROLE_NAMES[m.role] ?? { zh: m.role, en: m.role })}${m.enterpriseId ? `（${entName.get(m.enterpriseId) ?? m.enterpriseId}）` : ''}${m.regionCode ? `（${m.regionCode}）` : ''}`
  const body = html`
    ${errorSummary(ctx, t('未能保存：', 'Not saved:'), errors.map((text) => ({ text })))}
    <form method="get" action="/admin/users" class="filters card" role="search" aria-label="${t('查找账号', 'Find accounts')}">
      ${field('u-q', t('姓名或电子邮箱', 'Name or e-mail'), html`<input id="u-q" name="q" value="${q}">`)}
      <button type="submit" class="secondary">${t('查找', 'Find')}</button></form>
    ${table(
      t(`账号（${users.total}）`, `Accounts (${users.total})`),
      [t('姓名', 'Name'), t('电子邮箱', 'E-mail'), t('角色', 'Roles'), t('状态', 'Status'), t('操作', 'Actions')],
      users.items.map((u) => [
        u.displayName,
        u.email,
        html`<ul class="plain">${u.memberships.map((m) => html`<li>${membership(m)}</li>`)}</ul>
          <details><summary>${t('添加角色', 'Add a role')}</summary><form method="post" action="/admin/users/${u.id}/memberships" class="compact">${csrfField(ctx)}
            ${field(`m-role-${u.id}`, t('角色', 'Role'), roleSelect(`m-role-${u.id}`))}
            ${field(`m-ent-${u.id}`, t('企业', 'Enterprise'), entSelect(`m-ent-${u.id}`))}
            ${field(`m-reg-${u.id}`, t('行政区划代码', 'Region code'), html`<input id="m-reg-${u.id}" name="regionCode" inputmode="numeric" maxlength="6">`)}
            <button type="submit" class="secondary">${t('添加', 'Add')}</button></form></details>`,
        u.active ? t('启用', 'active') : t('停用', 'inactive'),
        html`<form method="post" action="/admin/users/${u.id}/active">${csrfField(ctx)}<input type="hidden" name="active" value="${u.active ? 'false' : 'true'}">
          <button type="submit" class="secondary">${u.active ? t('停用', 'Deactivate') : t('启用', 'Activate')}</button></form>`,
      ]),
    )}
    <section class="card" aria-labelledby="nu-h"><h2 id="nu-h">${t('新建账号', 'New account')}</h2>
      <form method="post" action="/admin/users" novalidate>${csrfField(ctx)}
        ${field('nu-email', t('电子邮箱', 'E-mail'), html`<input type="email" id="nu-email" name="email" required value="${values.email ?? ''}">`)}
        ${field('nu-name', t('姓名', 'Name'), html`<input id="nu-name" name="displayName" required value="${values.displayName ?? ''}">`)}
        ${field('nu-pw', t('初始密码', 'Initial password'), html`<input type="password" id="nu-pw" name="password" autocomplete="new-password" required minlength="${PASSWORD_MIN_LENGTH}">`, t(`至少 ${PASSWORD_MIN_LENGTH} 个字符`, `at least ${PASSWORD_MIN_LENGTH} characters`))}
        ${field('nu-role', t('角色', 'Role'), roleSelect('nu-role', values.role))}
        ${field('nu-ent', t('企业（协商代表、职工代表）', 'Enterprise (negotiators, representatives)'), entSelect('nu-ent', values.enterpriseId))}
        ${field('nu-reg', t('行政区划代码（审查人员）', 'Region code (bureau reviewers)'), html`<input id="nu-reg" name="regionCode" inputmode="numeric" maxlength="6" value="${values.regionCode ?? ''}">`)}
        <button type="submit">${t('创建账号', 'Create the account')}</button></form></section>`
  return page(ctx, { title: t('用户和角色', 'Users and roles'), body })
}

// ---- regions --------------------------------------------------------------------------------------------------

function regionTree(ctx: TWebCtx, nodes: TRegionNode[], depth = 0): SafeHtml {
  const name = (n: TRegionNode) => `${n.name}${n.nameEn && ctx.lang === 'en' ? ` (${n.nameEn})` : ''}`
  return html`<ul class="${depth === 0 ? 'tree' : 'plain'}">${nodes.map((n) =>
    n.children.length && depth < 2
      ? html`<li><details${depth === 0 && nodes.length === 1 ? html` open` : ''}><summary>${name(n)} <code>${n.code}</code> <span class="muted">(${n.children.length})</span></summary>${regionTree(ctx, n.children, depth + 1)}</details></li>`
      : html`<li>${name(n)} <code>${n.code}</code></li>`,
  )}</ul>`
}

async function regionsPage(deps: TWebDeps, ctx: TWebCtx, errors: string[] = []) {
  const { t } = ctx
  const tree = await listRegionTree(deps.engine.db)
  const body = html`
    ${errorSummary(ctx, t('未能保存：', 'Not saved:'), errors.map((text) => ({ text })))}
    <section class="card" aria-labelledby="rt-h"><h2 id="rt-h">${t('行政区划（GB/T 2260）', 'Administrative divisions (GB/T 2260)')}</h2>${regionTree(ctx, tree)}</section>
    <section class="card" aria-labelledby="nr-h"><h2 id="nr-h">${t('新增行政区划', 'New region')}</h2>
      <form method="post" action="/admin/regions" novalidate>${csrfField(ctx)}
        ${field('r-code', t('代码', 'Code'), html`<input id="r-code" name="code" inputmode="numeric" maxlength="6" required>`)}
        ${field('r-name', t('名称', 'Name'), html`<input id="r-name" name="name" required>`)}
        ${field('r-en', t('英文名称（选填）', 'English name (optional)'), html`<input id="r-en" name="nameEn">`)}
        ${field('r-level', t('级别', 'Level'), html`<select id="r-level" name="level"><option value="province">${t('省级', 'Province')}</option><option value="prefecture">${t('地级', 'Prefecture')}</option><option value="county">${t('县级', 'County')}</option></select>`)}
        ${field('r-parent', t('上级代码（选填）', 'Parent code (optional)'), html`<input id="r-parent" name="parentCode" inputmode="numeric" maxlength="6">`)}
        <button type="submit">${t('新增', 'Add')}</button></form></section>`
  return page(ctx, { title: t('行政区划', 'Regions'), body })
}

// ---- wage standards -------------------------------------------------------------------------------------------

/** The fields of the one-figure form, in order, with their labels. */
const WS_FIELDS: Record<string, [string, string]> = {
  regionCode: ['行政区划代码', 'Region code'],
  kind: ['类型', 'Kind'],
  tier: ['档次', 'Tier'],
  value: ['数值', 'Value'],
  year: ['年度', 'Year'],
  effectiveFrom: ['生效日期', 'Effective from'],
  effectiveTo: ['截止日期', 'Effective to'],
  sourceTitle: ['来源文件标题', 'Source title'],
  sourceNumber: ['文号', 'Document number'],
  sourceIssuer: ['发布机关', 'Issuer'],
  sourceUrl: ['来源网址', 'Source URL'],
  sourcePublishedOn: ['发布日期', 'Published on'],
  note: ['备注', 'Note'],
}
/** An issue path of the upload schema (without `entries.N.`) → the form field. */
const WS_SOURCE_FIELDS: Record<string, string> = {
  'source.title': 'sourceTitle',
  'source.number': 'sourceNumber',
  'source.issuer': 'sourceIssuer',
  'source.url': 'sourceUrl',
  'source.publishedOn': 'sourcePublishedOn',
}

type TWsError = { field: string | null; message: string }

const kindLabel = (ctx: TWebCtx, kind: string) => pick(ctx.lang, WAGE_STANDARD_KIND_NAMES[kind] ?? { zh: kind, en: kind })

/** "2,540.00 元/月", "23.70 元/小时", "5.50%". */
function figureValue(ctx: TWebCtx, kind: TWageStandardKind, value: number): string {
  if (unitOf(kind) === 'basisPoints') return `${(value / 100).toFixed(2)}%`
  return `${yuan(value)} ${kind === 'minimumHourly' ? ctx.t('元/小时', 'yuan/hour') : ctx.t('元/月', 'yuan/month')}`
}

/** The error of each field as `label（field）：message`, the field named by its form name. */
function wsErrorText(ctx: TWebCtx, e: TWsError): string {
  const label = e.field && WS_FIELDS[e.field] ? `${ctx.t(...WS_FIELDS[e.field]!)}（${e.field}）` : ''
  return label ? `${label}${ctx.t('：', ': ')}${e.message}` : e.message
}

const trimmed = (v: string | undefined) => (v ?? '').trim()
const optionalText = (v: string | undefined) => trimmed(v) || undefined

/** The form as one upload entry (value converted from yuan or percent), or the value's own error. */
function wageEntryOfForm(ctx: TWebCtx, b: Record<string, string | undefined>): { entry: Record<string, unknown>; valueError?: TWsError } {
  const kind = trimmed(b.kind)
  const yearText = trimmed(b.year)
  const entry: Record<string, unknown> = {
    regionCode: trimmed(b.regionCode),
    year: /^\d{1,4}$/.test(yearText) ? Number(yearText) : yearText === '' ? undefined : yearText,
    kind,
    tier: trimmed(b.tier),
    effectiveFrom: trimmed(b.effectiveFrom),
    effectiveTo: optionalText(b.effectiveTo),
    source: {
      title: trimmed(b.sourceTitle),
      number: optionalText(b.sourceNumber),
      issuer: trimmed(b.sourceIssuer),
      url: optionalText(b.sourceUrl),
      publishedOn: optionalText(b.sourcePublishedOn),
    },
    note: optionalText(b.note),
  }
  const valueText = trimmed(b.value).replace(/[,，\s]/g, '').replace(/[%％元]$/, '')
  const percent = (WAGE_STANDARD_KINDS as readonly string[]).includes(kind) && unitOf(kind as TWageStandardKind) === 'basisPoints'
  if (valueText === '') return { entry, valueError: { field: 'value', message: ctx.t('请填写数值', 'required') } }
  try {
    entry.value = percent ? percentToBasisPoints(valueText) : yuanToFen(valueText)
  } catch {
    return {
      entry,
      valueError: { field: 'value', message: percent ? ctx.t('应为百分数，最多两位小数，如 5.5', 'expected a percentage with at most 2 decimals, e.g. 5.5') : ctx.t('应为金额（元），最多两位小数，如 2540', 'expected an amount in yuan with at most 2 decimals, e.g. 2540') },
    }
  }
  return { entry }
}

/** An INVALID_INPUT of the wage standard service → the form's errors, each naming its field. */
function wsErrorsOf(ctx: TWebCtx, e: unknown): TWsError[] {
  if (!(e instanceof AppError) || e.code !== 'INVALID_INPUT') throw e
  const issues = Array.isArray(e.details.issues) ? (e.details.issues as { path?: string; message?: { zh: string; en: string } | string }[]) : []
  if (issues.length === 0) return [{ field: null, message: pick(ctx.lang, e.text) }]
  return issues.map((i) => {
    const path = (i.path ?? '').replace(/^entries\.\d+\.?/, '')
    const field = WS_SOURCE_FIELDS[path] ?? (path.split('.')[0] || null)
    const message = typeof i.message === 'string' ? i.message : i.message ? pick(ctx.lang, i.message) : pick(ctx.lang, e.text)
    return { field: field && WS_FIELDS[field] ? field : null, message: field && !WS_FIELDS[field] ? `${path}${ctx.t('：', ': ')}${message}` : message }
  })
}

async function wageStandardsPage(
  deps: TWebDeps,
  ctx: TWebCtx,
  q: { regionCode: string; year?: number },
  o: { errors?: TWsError[]; values?: Record<string, string | undefined> } = {},
) {
  const { t, lang } = ctx
  const errors = o.errors ?? []
  const values = o.values ?? {}
  const tree = await listRegionTree(deps.engine.db)
  const options: { code: string; name: string }[] = []
  const walk = (nodes: TRegionNode[], depth: number) => {
    for (const n of nodes) {
      options.push({ code: n.code, name: `${'　'.repeat(depth)}${n.name}${n.nameEn && lang === 'en' ? ` (${n.nameEn})` : ''}` })
      if (depth < 1) walk(n.children, depth + 1)
    }
  }
  walk(tree, 0)
  let region: Awaited<ReturnType<typeof getRegion>> | null = null
  let figures: TWageFigure[] = []
  if (q.regionCode) {
    try {
      region = await getRegion(deps.engine.db, q.regionCode)
      figures = (await deps.engine.db.read(() => wageStandardsOf(q.regionCode))).filter((f) => q.year === undefined || f.year === q.year)
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e
    }
  }
  const errorOf = new Map(errors.filter((e) => e.field).map((e) => [e.field!, e.message]))
  const wsField = (name: string, input: (attrs: SafeHtml) => SafeHtml, hint?: string) => {
    const id = `ws-${name}`
    const err = errorOf.get(name)
    const attrs = err ? html` aria-invalid="true" aria-describedby="${id}-err"` : html``
    return html`<div class="field"><label for="${id}">${t(...WS_FIELDS[name]!)}${hint ? html`<span class="hint">${hint}</span>` : ''}</label>${input(attrs)}${err ? html`<span class="field-error" id="${id}-err">${err}</span>` : ''}</div>`
  }
  const v = (name: string, fallback = '') => values[name] ?? fallback
  const text = (name: string, extra: SafeHtml = html``) => wsField(name, (a) => html`<input id="ws-${name}" name="${name}" value="${v(name)}"${extra}${a}>`)
  const date = (name: string) => wsField(name, (a) => html`<input type="date" id="ws-${name}" name="${name}" value="${v(name)}"${a}>`)
  const kindNow = v('kind', 'minimumMonthly')
  const regionName = region ? [...region.ancestors.map((a) => a.name), region.name].join(' › ') : ''
  const sourceCell = (f: TWageFigure) =>
    html`${f.source.url ? html`<a href="${f.source.url}" rel="noopener noreferrer">${f.source.title}</a>` : f.source.title}
      ${f.source.number ? html`<br><span class="small">${f.source.number}</span>` : ''}
      <br><span class="small muted">${f.source.issuer}${f.source.publishedOn ? ` · ${fmtDate(lang, f.source.publishedOn)}` : ''}</span>`
  const body = html`
    ${errorSummary(ctx, t('未能保存：', 'Not saved:'), errors.map((e) => ({ text: wsErrorText(ctx, e), ...(e.field ? { href: `#ws-${e.field}` } : {}) })))}
    <p class="muted">${t('登记在所选区划上的最低工资标准、工资指导线、城镇居民消费价格指数涨幅和平均工资，每条注明来源。查询适用标准时按区划层级向上查找。', 'The minimum wage, wage guideline, urban CPI change and average wage stored on the chosen region, each with its source. Lookups go up the region hierarchy.')}</p>
    <form method="get" action="/admin/wage-standards" class="filters card" role="search" aria-label="${t('选择区划和年度', 'Choose a region and year')}">
      ${field('wq-region', t('行政区划代码', 'Region code'), html`<input id="wq-region" name="regionCode" inputmode="numeric" maxlength="6" list="wq-regions" value="${q.regionCode}">
        <datalist id="wq-regions">${options.map((r) => html`<option value="${r.code}">${r.name}</option>`)}</datalist>`)}
      ${field('wq-year', t('年度（选填）', 'Year (optional)'), html`<input id="wq-year" name="year" inputmode="numeric" maxlength="4" value="${q.year === undefined ? '' : String(q.year)}">`)}
      <button type="submit" class="secondary">${t('查看', 'Show')}</button></form>
    ${q.regionCode && !region ? html`<p class="error-text">${t(`行政区划不存在：${q.regionCode}`, `no such region: ${q.regionCode}`)}</p>` : ''}
    ${region
      ? figures.length
        ? table(
            t(`${regionName}（${region.code}）${q.year ? `${q.year}年度` : ''}的工资标准数据（${figures.length}）`, `Wage figures of ${regionName} (${region.code})${q.year ? ` for ${q.year}` : ''} (${figures.length})`),
            [t('类型', 'Kind'), t('档次', 'Tier'), t('数值', 'Value'), t('年度', 'Year'), t('生效日期', 'From'), t('截止日期', 'To'), t('来源', 'Source'), t('备注', 'Note')],
            figures.map((f) => [
              kindLabel(ctx, f.kind),
              f.tier || '—',
              html`<span class="nowrap">${figureValue(ctx, f.kind, f.value)}</span>`,
              String(f.year),
              fmtDate(lang, f.effectiveFrom),
              f.effectiveTo ? fmtDate(lang, f.effectiveTo) : '—',
              sourceCell(f),
              f.note ?? '',
            ]),
          )
        : html`<p class="muted">${t(`${regionName}（${region.code}）${q.year ? `${q.year}年度` : ''}暂无工资标准数据。`, `No wage figures stored on ${regionName} (${region.code})${q.year ? ` for ${q.year}` : ''}.`)}</p>`
      : ''}
    <section class="card" aria-labelledby="ws-h"><h2 id="ws-h">${t('新增一项数据', 'Add a figure')}</h2>
      <p class="muted">${t('金额按元填写（月最低工资、平均工资为每月，小时最低工资为每小时），百分比按 % 填写，均最多两位小数。同一区划、类型、档次和生效日期的数据再次提交时更新。', 'Money in yuan (per month; per hour for the hourly minimum), percentages in %, at most 2 decimals. Submitting the same region, kind, tier and effective date again updates it.')}</p>
      <form method="post" action="/admin/wage-standards" novalidate>${csrfField(ctx)}
        ${wsField('regionCode', (a) => html`<input id="ws-regionCode" name="regionCode" inputmode="numeric" maxlength="6" list="wq-regions" required value="${v('regionCode', q.regionCode)}"${a}>`)}
        ${wsField('kind', (a) => html`<select id="ws-kind" name="kind"${a}>${WAGE_STANDARD_KINDS.map((k) => html`<option value="${k}"${kindNow === k ? html` selected` : ''}>${kindLabel(ctx, k)}（${unitOf(k) === 'fen' ? t('元', 'yuan') : '%'}）</option>`)}</select>`)}
        ${wsField('tier', (a) => html`<input id="ws-tier" name="tier" maxlength="40" value="${v('tier')}"${a}>`, t('选填，如 第一档', 'optional, e.g. tier 1'))}
        ${wsField('value', (a) => html`<input id="ws-value" name="value" inputmode="decimal" required value="${v('value')}"${a}>`, t('元或 %', 'yuan or %'))}
        ${wsField('year', (a) => html`<input id="ws-year" name="year" inputmode="numeric" maxlength="4" required value="${v('year', String(q.year ?? localToday(ctx.now).slice(0, 4)))}"${a}>`)}
        ${date('effectiveFrom')}
        ${wsField('effectiveTo', (a) => html`<input type="date" id="ws-effectiveTo" name="effectiveTo" value="${v('effectiveTo')}"${a}>`, t('选填', 'optional'))}
        ${text('sourceTitle', html` required maxlength="300"`)}
        ${wsField('sourceNumber', (a) => html`<input id="ws-sourceNumber" name="sourceNumber" maxlength="100" value="${v('sourceNumber')}"${a}>`, t('选填', 'optional'))}
        ${text('sourceIssuer', html` required maxlength="200"`)}
        ${wsField('sourceUrl', (a) => html`<input type="url" id="ws-sourceUrl" name="sourceUrl" value="${v('sourceUrl')}"${a}>`, t('选填', 'optional'))}
        ${wsField('sourcePublishedOn', (a) => html`<input type="date" id="ws-sourcePublishedOn" name="sourcePublishedOn" value="${v('sourcePublishedOn')}"${a}>`, t('选填', 'optional'))}
        ${wsField('note', (a) => html`<textarea id="ws-note" name="note" rows="2" maxlength="2000"${a}>${v('note')}</textarea>`, t('选填', 'optional'))}
        <button type="submit">${t('保存', 'Save')}</button></form></section>`
  return page(ctx, { title: t('地区工资标准', 'Regional wage figures'), body })
}

// ---- enterprises ----------------------------------------------------------------------------------------------

type TRowResult = { line: number; ok: boolean; name?: string; errors: string[] }

async function enterprisesPage(deps: TWebDeps, ctx: TWebCtx, o: { q?: string; errors?: string[]; csv?: string; results?: TRowResult[]; imported?: number } = {}) {
  const { t } = ctx
  const ents = await listEnterprises(deps.engine.db, { all: true }, { ...(o.q ? { q: o.q } : {}), limit: 200, offset: 0 })
  const failed = o.results?.filter((r) => !r.ok) ?? []
  const body = html`
    ${errorSummary(ctx, t('未能保存：', 'Not saved:'), (o.errors ?? []).map((text) => ({ text })))}
    ${o.imported !== undefined && failed.length === 0 ? html`<div class="flash ok" role="status">${t(`已导入 ${o.imported} 家企业。`, `${o.imported} enterprises imported.`)}</div>` : ''}
    <form method="get" action="/admin/enterprises" class="filters card" role="search" aria-label="${t('查找企业', 'Find enterprises')}">
      ${field('e-q', t('企业名称', 'Name'), html`<input id="e-q" name="q" value="${o.q ?? ''}">`)}
      <button type="submit" class="secondary">${t('查找', 'Find')}</button></form>
    ${table(
      t(`企业（${ents.total}）`, `Enterprises (${ents.total})`),
      [t('企业名称', 'Name'), t('统一社会信用代码', 'Credit code'), t('行政区划', 'Region'), t('行业', 'Industry'), t('职工人数', 'Staff'), t('工会', 'Union')],
      ents.items.map((e) => [e.name, html`<code>${e.creditCode}</code>`, e.regionCode, e.industryCode, String(e.headcount), e.hasUnion ? t('有', 'yes') : t('无', 'no')]),
    )}
    <section class="card" aria-labelledby="imp-h"><h2 id="imp-h">${t('批量导入（CSV）', 'Import (CSV)')}</h2>
      <p class="muted">${t('第一行为表头，可用中文或英文列名：', 'A header row, Chinese or English column names:')}<code>${ENTERPRISE_CSV_HEADER}</code>${t('。全部行通过校验后才导入；有错误时逐行列出，不导入任何企业。', '. Nothing is imported unless every row passes; errors are listed per row.')}</p>
      ${failed.length
        ? html`<div class="error-summary" role="alert" tabindex="-1"><h3>${t(`${failed.length} 行有错误，未导入：`, `${failed.length} rows have errors; nothing was imported:`)}</h3>
            <ul>${failed.map((r) => html`<li>${t(`第 ${r.line} 行`, `Line ${r.line}`)}${r.name ? `（${r.name}）` : ''}：${r.errors.join('；')}</li>`)}</ul></div>`
        : ''}
      <form method="post" action="/admin/enterprises/import" novalidate>${csrfField(ctx)}
        <input type="file" accept=".csv,text/csv" data-csv-into="imp-csv" aria-label="${t('从文件读取 CSV', 'Read the CSV from a file')}" hidden>
        ${field('imp-csv', t('CSV 内容', 'CSV content'), html`<textarea id="imp-csv" name="csv" rows="8" required>${o.csv ?? `${ENTERPRISE_CSV_HEADER}\n`}</textarea>`)}
        <button type="submit">${t('导入', 'Import')}</button></form></section>`
  return page(ctx, { title: t('企业', 'Enterprises'), body })
}

/** Validates every row (schema, GB 32100 check, region, duplicates); imports only when all pass. */
async function importEnterprises(deps: TWebDeps, ctx: TWebCtx, csv: string): Promise<{ results: TRowResult[]; imported: number }> {
  const { t, lang } = ctx
  let rows: string[][]
  try {
    rows = parseCsv(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][]
  } catch (e) {
    return { results: [{ line: 0, ok: false, errors: [`${t('CSV 无法读取', 'The CSV cannot be read')}: ${e instanceof Error ? e.message : String(e)}`] }], imported: 0 }
  }
  const [header, ...data] = rows
  if (!header || data.length === 0) return { results: [{ line: 1, ok: false, errors: [t('没有数据行', 'no data rows')] }], imported: 0 }
  const columns = header.map((h) => CSV_COLUMNS[h.trim().replace(/\s+/g, '').toLowerCase()] ?? CSV_COLUMNS[h.trim()])
  const unknown = header.filter((_h, i) => !columns[i])
  if (unknown.length) return { results: [{ line: 1, ok: false, errors: [t(`无法识别的列：${unknown.join('、')}`, `unknown columns: ${unknown.join(', ')}`)] }], imported: 0 }
  const seen = new Map<string, number>()
  const results: (TRowResult & { input?: TEnterpriseInput })[] = []
  for (const [i, cells] of data.entries()) {
    const line = i + 2
    const raw: Record<string, string> = {}
    columns.forEach((c, j) => {
      if (c && cells[j] !== undefined && cells[j] !== '') raw[c] = cells[j]!
    })
    const parsed = ZEnterpriseRow.safeParse(raw, lang === 'zh' ? { error: z.locales.zhCN().localeError } : undefined)
    const errors: string[] = []
    if (!parsed.success) errors.push(...issuesText(parsed.error.issues))
    else {
      const e = parsed.data
      const check = checkCreditCode(e.creditCode)
      if (!check.ok) errors.push(`creditCode：${pick(lang, check.reason)}`)
      if ((await regionPath(deps.engine.db, e.regionCode)).length === 0) errors.push(`regionCode：${t(`行政区划不存在：${e.regionCode}`, `no such region: ${e.regionCode}`)}`)
      const dup = seen.get(e.creditCode)
      if (dup) errors.push(t(`与第 ${dup} 行的信用代码重复`, `same credit code as line ${dup}`))
      seen.set(e.creditCode, line)
      const existing = await listEnterprises(deps.engine.db, { all: true }, { creditCode: e.creditCode, limit: 1, offset: 0 })
      if (existing.total > 0) errors.push(t(`信用代码已登记：${existing.items[0]!.name}`, `credit code already registered: ${existing.items[0]!.name}`))
    }
    results.push({ line, ok: errors.length === 0, name: raw.name, errors, ...(parsed.success ? { input: parsed.data } : {}) })
  }
  if (results.some((r) => !r.ok)) return { results, imported: 0 }
  let imported = 0
  for (const r of results) {
    try {
      await createEnterprise(deps.engine.db, r.input!, ctx.now.toISOString(), () => {})
      imported++
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      r.ok = false
      r.errors.push(pick(lang, e.text))
    }
  }
  return { results, imported }
}

// ---- outbox and mail ------------------------------------------------------------------------------------------

const OUTBOX_STATUSES = ['pending', 'running', 'done', 'dead'] as const

function statusFilter(ctx: TWebCtx, action: string, statuses: readonly string[], current: string | undefined, label: (s: string) => string) {
  return html`<form method="get" action="${action}" class="filters card">
    ${field('st', ctx.t('状态', 'Status'), html`<select id="st" name="status"><option value="">${ctx.t('全部', 'All')}</option>${statuses.map((s) => html`<option value="${s}"${current === s ? html` selected` : ''}>${label(s)}</option>`)}</select>`)}
    <button type="submit" class="secondary">${ctx.t('筛选', 'Filter')}</button></form>`
}

const OUTBOX_LABELS: Record<string, [string, string]> = { pending: ['待执行', 'pending'], running: ['执行中', 'running'], done: ['已完成', 'done'], dead: ['死信', 'dead letter'] }
const MAIL_LABELS: Record<string, [string, string]> = {
  queued: ['排队中', 'queued'],
  held: ['暂存（未配置 SMTP）', 'held (no SMTP)'],
  sent: ['已发送', 'sent'],
  failed: ['失败', 'failed'],
  dead: ['多次重试后放弃', 'dead'],
}

export function adminPages(router: Router, deps: TWebDeps) {
  const post = (path: string, handler: (req: Request, res: Response, ctx: TWebCtx) => Promise<void>) =>
    router.post(path, async (req, res) => {
      const ctx = await webContext(deps, req, res)
      checkForm(req, res)
      admin(ctx)
      await handler(req, res, ctx)
    })
  const body = (req: Request) => req.body as Record<string, string | undefined>

  router.get('/admin/users', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    sendPage(req, res, await usersPage(deps, ctx, typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : ''))
  })

  post('/admin/users', async (req, res, ctx) => {
    const b = body(req)
    const u = ZUserForm.safeParse(b)
    const m = ZMembershipForm.safeParse(b)
    if (!u.success || !m.success) {
      const errors = [...(u.success ? [] : issuesText(u.error.issues)), ...(m.success ? [] : issuesText(m.error.issues))]
      return sendPage(req, res, await usersPage(deps, ctx, '', errors, b as Record<string, string>), 400)
    }
    try {
      await createUser(deps.engine.db, { email: u.data.email, displayName: u.data.displayName, passwordHash: await hashPassword(u.data.password), memberships: [m.data] }, ctx.now.toISOString())
    } catch (e) {
      if (!(e instanceof AppError) || !['ALREADY_EXISTS', 'INVALID_INPUT'].includes(e.code)) throw e
      return sendPage(req, res, await usersPage(deps, ctx, '', [pick(ctx.lang, e.text)], b as Record<string, string>), 409)
    }
    redirect(res, `/admin/users?q=${encodeURIComponent(u.data.email)}`)
  })

  post('/admin/users/:userId/memberships', async (req, res, ctx) => {
    const m = ZMembershipForm.safeParse(body(req))
    if (!m.success) return sendPage(req, res, await usersPage(deps, ctx, '', issuesText(m.error.issues)), 400)
    try {
      await addMembership(deps.engine.db, String(req.params.userId), m.data, ctx.now.toISOString())
    } catch (e) {
      if (!(e instanceof AppError) || !['ALREADY_EXISTS', 'INVALID_INPUT', 'NOT_FOUND'].includes(e.code)) throw e
      return sendPage(req, res, await usersPage(deps, ctx, '', [pick(ctx.lang, e.text)]), 409)
    }
    redirect(res, '/admin/users')
  })

  post('/admin/users/:userId/active', async (req, res, ctx) => {
    const active = body(req).active === 'true'
    if (!active && String(req.params.userId) === ctx.principal!.user.id) {
      return sendPage(req, res, await usersPage(deps, ctx, '', [ctx.t('不能停用自己的账号', 'you cannot deactivate your own account')]), 409)
    }
    await updateUser(deps.engine.db, String(req.params.userId), { active }, ctx.now.toISOString())
    redirect(res, '/admin/users')
  })

  router.get('/admin/regions', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    sendPage(req, res, await regionsPage(deps, ctx))
  })

  post('/admin/regions', async (req, res, ctx) => {
    const r = ZRegionForm.safeParse(body(req))
    if (!r.success) return sendPage(req, res, await regionsPage(deps, ctx, issuesText(r.error.issues)), 400)
    try {
      await createRegion(deps.engine.db, r.data, ctx.now.toISOString())
    } catch (e) {
      if (!(e instanceof AppError) || !['ALREADY_EXISTS', 'INVALID_INPUT'].includes(e.code)) throw e
      return sendPage(req, res, await regionsPage(deps, ctx, [pick(ctx.lang, e.text)]), 409)
    }
    redirect(res, '/admin/regions')
  })

  router.get('/admin/wage-standards', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    const regionCode = typeof req.query.regionCode === 'string' && /^\d{6}$/.test(req.query.regionCode.trim()) ? req.query.regionCode.trim() : ''
    const yearText = typeof req.query.year === 'string' ? req.query.year.trim() : ''
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined
    sendPage(req, res, await wageStandardsPage(deps, ctx, { regionCode, ...(year !== undefined ? { year } : {}) }))
  })

  post('/admin/wage-standards', async (req, res, ctx) => {
    const b = body(req)
    const { entry, valueError } = wageEntryOfForm(ctx, b)
    const regionCode = /^\d{6}$/.test(String(entry.regionCode)) ? String(entry.regionCode) : ''
    const again = async (errors: TWsError[]) =>
      sendPage(req, res, await wageStandardsPage(deps, ctx, { regionCode }, { errors, values: b }), 400)
    if (valueError) {
      // The other fields are checked by the same schema (nothing is written) so that every error shows at once.
      let others: TWsError[] = []
      try {
        parseWageStandardUpload({ entries: [{ ...entry, value: 1 }] })
      } catch (e) {
        others = wsErrorsOf(ctx, e).filter((x) => x.field !== 'value')
      }
      return again([valueError, ...others])
    }
    try {
      await saveWageStandards(deps.engine.db, { entries: [entry] }, { loadedBy: ctx.principal!.user.id, now: ctx.now.toISOString() })
    } catch (e) {
      return again(wsErrorsOf(ctx, e))
    }
    redirect(res, `/admin/wage-standards?regionCode=${encodeURIComponent(String(entry.regionCode))}&year=${encodeURIComponent(String(entry.year))}`)
  })

  router.get('/admin/enterprises', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    sendPage(req, res, await enterprisesPage(deps, ctx, { q: typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '' }))
  })

  post('/admin/enterprises/import', async (req, res, ctx) => {
    const csv = body(req).csv ?? ''
    const { results, imported } = await importEnterprises(deps, ctx, csv)
    const failed = results.some((r) => !r.ok)
    sendPage(req, res, await enterprisesPage(deps, ctx, { csv: failed ? csv : undefined, results, imported }), failed ? 400 : 200)
  })

  router.get('/admin/outbox', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    const { t, lang } = ctx
    const status = typeof req.query.status === 'string' && (OUTBOX_STATUSES as readonly string[]).includes(req.query.status) ? req.query.status : undefined
    const rows = await listOutbox(deps.engine.db, status)
    const label = (s: string) => (OUTBOX_LABELS[s] ? t(...OUTBOX_LABELS[s]) : s)
    const bodyHtml = html`
      <p class="muted">${t('事件提交后要执行的副作用（生成文件、发送邮件），每项恰好执行一次；多次失败的成为死信。', 'Effects run after each event (documents, mail), each exactly once; repeated failures become dead letters.')}</p>
      ${statusFilter(ctx, '/admin/outbox', OUTBOX_STATUSES, status, label)}
      ${table(
        t(`任务（最近 ${rows.length} 条）`, `Messages (latest ${rows.length})`),
        [t('副作用', 'Effect'), t('状态', 'Status'), t('尝试次数', 'Attempts'), t('案件', 'Case'), t('创建时间', 'Created'), t('错误', 'Error')],
        rows.map((r) => [
          html`<code>${r.effect}</code>`,
          html`<span class="${r.status === 'dead' ? 'flag' : ''}">${label(r.status)}</span>`,
          String(r.attempts),
          r.caseId ? html`<a href="/cases/${r.caseId}">${r.caseId.slice(0, 8)}</a>${r.caseSeq ? ` #${r.caseSeq}` : ''}` : '—',
          fmtDateTime(lang, r.createdAt),
          r.lastError ? html`<span class="error-text small">${r.lastError.slice(0, 300)}</span>` : '',
        ]),
      )}`
    sendPage(req, res, page(ctx, { title: t('任务队列与死信', 'Outbox and dead letters'), body: bodyHtml }))
  })

  router.get('/admin/mail', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    const { t, lang } = ctx
    const status = typeof req.query.status === 'string' && (MAIL_STATUSES as readonly string[]).includes(req.query.status) ? (req.query.status as (typeof MAIL_STATUSES)[number]) : undefined
    const [rows, counts] = await Promise.all([listMail(deps.engine.db, { ...(status ? { status } : {}), limit: 200 }), mailCounts(deps.engine.db)])
    const label = (s: string) => (MAIL_LABELS[s] ? t(...MAIL_LABELS[s]) : s)
    const requeueable = ['held', 'dead', 'failed'].filter((s) => (counts[s] ?? 0) > 0)
    const bodyHtml = html`
      <ul class="stats">${MAIL_STATUSES.map((s) => html`<li><a href="/admin/mail?status=${s}"><strong>${counts[s] ?? 0}</strong> ${label(s)}</a></li>`)}</ul>
      ${requeueable.length
        ? html`<form method="post" action="/admin/mail/requeue" class="card">${csrfField(ctx)}
            ${field('rq-status', t('重新发送以下状态的邮件', 'Send again the mail that is'), html`<select id="rq-status" name="status">${requeueable.map((s) => html`<option value="${s}">${label(s)}</option>`)}</select>`)}
            <button type="submit" class="secondary">${t('重新发送', 'Send again')}</button></form>`
        : ''}
      ${statusFilter(ctx, '/admin/mail', MAIL_STATUSES, status, label)}
      ${table(
        t(`邮件（${rows.length}）`, `Mail (${rows.length})`),
        [t('主题', 'Subject'), t('收件人', 'To'), t('状态', 'Status'), t('尝试', 'Attempts'), t('时间', 'Time'), t('原因', 'Reason')],
        rows.map((m) => [
          html`<a href="/admin/mail/${m.id}">${m.subject}</a>`,
          `${m.recipientName ?? ''} ${m.toAddress ?? ''}`.trim() || '—',
          label(m.status),
          String(m.attempts),
          fmtDateTime(lang, m.updatedAt),
          m.lastError ? html`<span class="error-text small">${m.lastError.slice(0, 200)}</span>` : m.errorCode ?? '',
        ]),
      )}`
    sendPage(req, res, page(ctx, { title: t('邮件', 'Mail'), body: bodyHtml }))
  })

  router.get('/admin/mail/:mailId', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    admin(ctx)
    const { t, lang } = ctx
    const m = await getMail(deps.engine.db, String(req.params.mailId))
    if (!m) throw new AppError('NOT_FOUND', { zh: '邮件不存在', en: 'no such mail' })
    const bodyHtml = html`<dl class="facts">
        <div><dt>${t('收件人', 'To')}</dt><dd>${m.recipientName ?? ''} ${m.toAddress ?? '—'}</dd></div>
        <div><dt>${t('状态', 'Status')}</dt><dd>${MAIL_LABELS[m.status] ? t(...MAIL_LABELS[m.status]!) : m.status}</dd></div>
        <div><dt>${t('时间', 'Time')}</dt><dd>${fmtDateTime(lang, m.createdAt)}</dd></div>
        <div><dt>Message-ID</dt><dd><code class="wrap">${m.messageId}</code></dd></div>
        <div><dt>${t('附件', 'Attachments')}</dt><dd>${m.attachments.map((a) => a.filename).join('、') || '—'}</dd></div>
      </dl>
      <section class="card" aria-labelledby="mt-h"><h2 id="mt-h">${t('正文', 'Text')}</h2><pre class="pre">${m.text}</pre></section>
      <p><a href="/admin/mail">${t('返回邮件列表', 'Back to the mail')}</a></p>`
    sendPage(req, res, page(ctx, { title: m.subject, body: bodyHtml }))
  })

  post('/admin/mail/requeue', async (req, res) => {
    const s = body(req).status
    if (s === 'held' || s === 'dead' || s === 'failed') await requeueMail(deps.engine.db, deps.engine.clock, { statuses: [s] })
    redirect(res, '/admin/mail')
  })
}

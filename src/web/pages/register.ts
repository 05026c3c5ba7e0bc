/**
 * The public register of agreements in force (no sign-in): search by region (with its sub-regions), industry
 * (GB/T 4754 code prefix), enterprise (name or credit code) and expiry. The same query as GET /api/v1/register
 * (src/engine/register.ts), whose CSV and JSON exports the page links to.
 *
 *   GET /register
 */
import type { Router } from 'express'
import { listRegister, type TRegisterFilter } from '../../engine/register.js'
import { listRegionTree, type TRegionNode } from '../../engine/regions.js'
import { isValidDate } from '../../../workflows/rules/calendar/dates.js'
import { sendPage, webContext, type TWebDeps } from '../context.js'
import { kindName } from '../components.js'
import { fmtDate, localToday } from '../format.js'
import { html } from '../html.js'
import { page } from '../layout.js'

function flatten(nodes: TRegionNode[], out = new Map<string, TRegionNode>()): Map<string, TRegionNode> {
  for (const n of nodes) {
    out.set(n.code, n)
    flatten(n.children, out)
  }
  return out
}

export function registerPages(router: Router, deps: TWebDeps) {
  router.get('/register', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    const { t, lang } = ctx
    const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string).trim().slice(0, 100) : '')
    const q18 = q('q').toUpperCase()
    const f: TRegisterFilter = {
      ...(/^\d{6}$/.test(q('region')) ? { regionCode: q('region') } : {}),
      ...(/^[A-Ta-t]\d{0,4}$/.test(q('industry')) ? { industry: q('industry').toUpperCase() } : {}),
      // Eighteen characters of a credit code, or part of the name.
      ...(/^[0-9A-Z]{18}$/.test(q18) ? { creditCode: q18 } : q('q') ? { q: q('q') } : {}),
      ...(isValidDate(q('expiresFrom')) ? { expiresOnOrAfter: q('expiresFrom') } : {}),
      ...(isValidDate(q('expiresTo')) ? { expiresOnOrBefore: q('expiresTo') } : {}),
    }
    const today = localToday(ctx.now)
    const regions = flatten(await listRegionTree(deps.engine.db))
    const names = new Map([...regions].map(([code, r]) => [code, lang === 'en' && r.nameEn ? r.nameEn : r.name]))
    const [all, found] = await Promise.all([
      listRegister(deps.engine.db, { limit: 200, offset: 0 }, today),
      listRegister(deps.engine.db, { ...f, limit: 200, offset: 0 }, today),
    ])
    const entries = found.items
    // The regions worth offering: those of registered enterprises and their ancestors.
    const offered = new Set<string>()
    for (const e of all.items) {
      for (let code: string | null | undefined = e.regionCode; code; code = regions.get(code)?.parentCode) offered.add(code)
    }
    if (f.regionCode) offered.add(f.regionCode)
    const exportQuery = new URLSearchParams(Object.entries(f).map(([k, v]): [string, string] => [k, String(v)])).toString()
    const regionLabel = (code: string) => {
      const r = regions.get(code)
      const depth = r?.level === 'province' ? 0 : r?.level === 'prefecture' ? 1 : 2
      return `${'　'.repeat(depth)}${names.get(code) ?? code}`
    }
    const body = html`
      <p>${t('依法备案审查后生效的集体合同和工资专项集体合同。', 'Collective contracts and wage agreements in force after filing and review.')}</p>
      <form method="get" action="/register" class="filters card" role="search" aria-label="${t('查询合同', 'Search agreements')}">
        <div class="field"><label for="r-region">${t('地区', 'Region')}</label><select id="r-region" name="region"><option value="">${t('全部地区', 'All regions')}</option>
          ${[...offered].sort().map((c) => html`<option value="${c}"${f.regionCode === c ? html` selected` : ''}>${regionLabel(c)}</option>`)}</select></div>
        <div class="field"><label for="r-industry">${t('行业代码', 'Industry code')}<span class="hint">${t('国民经济行业分类，如 C 或 C34', 'GB/T 4754, e.g. C or C34')}</span></label><input id="r-industry" name="industry" value="${q('industry')}" maxlength="5"></div>
        <div class="field"><label for="r-q">${t('企业名称或信用代码', 'Enterprise or credit code')}</label><input id="r-q" name="q" value="${q('q')}"></div>
        <div class="field"><label for="r-from">${t('期满日期不早于', 'Expires on or after')}</label><input type="date" id="r-from" name="expiresFrom" value="${f.expiresOnOrAfter ?? ''}"></div>
        <div class="field"><label for="r-to">${t('期满日期不晚于', 'Expires on or before')}</label><input type="date" id="r-to" name="expiresTo" value="${f.expiresOnOrBefore ?? ''}"></div>
        <button type="submit" class="secondary">${t('查询', 'Search')}</button>
      </form>
      ${entries.length === 0
        ? html`<p class="muted">${t('没有符合条件的合同。', 'No agreement matches.')}</p>`
        : html`<p class="muted">${t('导出：', 'Export: ')}<a href="/api/v1/register.csv${exportQuery ? `?${exportQuery}` : ''}">CSV</a> · <a href="/api/v1/register.json${exportQuery ? `?${exportQuery}` : ''}">JSON</a></p>
          <div class="table-wrap"><table class="stack"><caption>${t(`已生效的合同（${found.total}）`, `Agreements in force (${found.total})`)}</caption>
          <thead><tr><th scope="col">${t('企业', 'Enterprise')}</th><th scope="col">${t('地区', 'Region')}</th><th scope="col">${t('行业', 'Industry')}</th><th scope="col">${t('合同', 'Agreement')}</th><th scope="col">${t('登记编号', 'Registration')}</th><th scope="col">${t('生效', 'Effective')}</th><th scope="col">${t('期满', 'Expires')}</th></tr></thead>
          <tbody>${entries.map(
            (e) => html`<tr><th scope="row">${e.enterpriseName}<br><span class="muted small">${e.creditCode}</span></th>
              <td data-label="${t('地区', 'Region')}" class="nowrap">${names.get(e.regionCode) ?? e.regionName}</td><td data-label="${t('行业', 'Industry')}">${e.industryCode}</td>
              <td data-label="${t('合同', 'Agreement')}">${kindName(ctx, e.kind)}${e.agreementVersion > 1 ? t(`（第${e.agreementVersion}版）`, ` (version ${e.agreementVersion})`) : ''}<br><span class="muted small">${fmtDate(lang, e.termStartsOn)} ${t('起', 'from')}，${e.termMonths}${t('个月', ' months')}${e.standing === 'renegotiating' ? t('；正在重新协商', '; being renegotiated') : ''}</span></td><td data-label="${t('登记编号', 'Registration')}">${e.registrationNumber ?? '—'}</td>
              <td data-label="${t('生效', 'Effective')}"><span class="nowrap">${fmtDate(lang, e.effectiveOn)}</span><br><span class="muted small">${e.effectiveBy === 'deemedApproval' ? t('视为同意', 'deemed approval') : t('无异议意见', 'no objection')}</span></td>
              <td data-label="${t('期满', 'Expires')}" class="nowrap">${fmtDate(lang, e.expiresOn)}</td></tr>`,
          )}</tbody></table></div>`}`
    sendPage(req, res, page(ctx, { title: t('合同登记公示', 'Register of agreements'), body }))
  })
}

/**
 * The bureau registers a filing that arrived on paper: the scanned PDF (at most 10 MB) and its data typed in. The
 * receipt date starts the 15-day review as for an electronic filing (JHR 42 ¶2, 45-47); the same engine command as
 * POST /api/v1/paper-filings (src/engine/paper-filing.ts) checks the PDF, routes the filing (JHR 43) and refuses a
 * duplicate.
 *
 *   GET  /bureau/paper-filings   the form
 *   POST /bureau/paper-filings   multipart/form-data (the scan and the fields)
 */
import express, { type Request, type Response, type Router } from 'express'
import { bureauCovers, isAdmin, scopeOf } from '../../auth/principal.js'
import { listEnterprises } from '../../engine/enterprises.js'
import { PAPER_PDF_MAX_BYTES } from '../../engine/paper-filing.js'
import { AppError, httpStatusOf } from '../../errors/app-error.js'
import { nulCharacterIssues, invalidInput } from '../../http/validation.js'
import { percentToBasisPoints, yuanToFen } from '../../regions/wage-standards.js'
import { contractChapterInfo, contractChapters, wageAgreementItems, wageItemInfo } from '../../../workflows/proposals/clauses.js'
import { materialInfo } from '../../../workflows/review/checks.js'
import { ZPaperFilingDataSchema } from '../../../workflows/review/paper-filing.js'
import { rulePacks } from '../../../workflows/rules/jurisdictions/index.js'
import { ZFilingMaterialSchema } from '../../../workflows/rules/jurisdictions/types.js'
import { checkForm, redirect, requireRole, sendPage, webContext, type TWebDeps } from '../context.js'
import { errorSummary } from '../components.js'
import { html, type SafeHtml } from '../html.js'
import { CASE_KIND_NAMES, pick } from '../i18n.js'
import { csrfField, page, type TWebCtx } from '../layout.js'
import { isMultipartForm, parseMultipart } from '../multipart.js'

type TValues = Map<string, string[]>
const one = (v: TValues, k: string) => (v.get(k)?.[0] ?? '').trim()

/** The typed fields → the paper filing's data (numbers and money converted; empty optional fields left out). */
function dataOf(v: TValues): unknown {
  const num = (k: string) => (one(v, k) === '' ? undefined : Number(one(v, k)))
  const opt = <T>(k: string, f: (s: string) => T) => {
    const s = one(v, k)
    if (s === '') return undefined
    try {
      return f(s)
    } catch {
      throw invalidInput([{ path: `body.${k}`, code: 'invalid_format', message: { zh: '数字格式无效', en: 'not a number' } }])
    }
  }
  const congressGiven = ['congress.heldOn', 'congress.totalSeats'].some((k) => one(v, k) !== '')
  const data: Record<string, unknown> = {
    enterpriseId: one(v, 'enterpriseId'),
    kind: one(v, 'kind'),
    jurisdiction: one(v, 'jurisdiction'),
    title: one(v, 'title'),
    registrationNumber: one(v, 'registrationNumber'),
    receivedOn: one(v, 'receivedOn'),
    filedOn: one(v, 'filedOn'),
    signedOn: one(v, 'signedOn'),
    termMonths: num('termMonths'),
    ...(one(v, 'termStartsOn') ? { termStartsOn: one(v, 'termStartsOn') } : {}),
    ...(congressGiven
      ? {
          congress: {
            heldOn: one(v, 'congress.heldOn'),
            totalSeats: num('congress.totalSeats'),
            present: num('congress.present') ?? 0,
            yes: num('congress.yes') ?? 0,
            no: num('congress.no') ?? 0,
            abstain: num('congress.abstain') ?? 0,
          },
        }
      : {}),
    ...(one(v, 'lowestWageYuan') ? { lowestWageFen: opt('lowestWageYuan', yuanToFen) } : {}),
    ...(one(v, 'averageIncreasePercent') ? { averageIncreaseBasisPoints: opt('averageIncreasePercent', percentToBasisPoints) } : {}),
    ...(v.get('coveredItems')?.length ? { coveredItems: [...new Set(v.get('coveredItems'))] } : {}),
    materials: v.get('materials') ?? [],
  }
  return data
}

async function form(deps: TWebDeps, ctx: TWebCtx, values: TValues, errors: { text: string }[] = []): Promise<string> {
  const { t, lang } = ctx
  const enterprises = await listEnterprises(deps.engine.db, scopeOf(ctx.principal!), { limit: 500, offset: 0 })
  const v = (k: string) => one(values, k)
  const checked = (k: string, x: string) => (values.get(k) ?? []).includes(x)
  const input = (name: string, label: string, type = 'text', extra = '') =>
    html`<div class="field"><label for="pf-${name}">${label}</label><input id="pf-${name}" name="${name}" type="${type}" value="${v(name)}" ${type === 'number' ? html`min="0"` : ''} ${extra === 'required' ? html`required` : ''}></div>`
  const body = html`
    ${errorSummary(ctx, t('未能登记，请检查：', 'Not registered; please check:'), errors)}
    <section class="card" aria-labelledby="pf-h"><h2 id="pf-h">${t('登记纸质报送', 'Register a paper filing')}</h2>
    <p class="muted">${t('上传扫描件（PDF，不超过10 MB）并录入报送材料中的数据。收件日期即审查期限（15日）的起算日。', 'Upload the scan (PDF, at most 10 MB) and type in the data of the filing. The receipt date starts the 15-day review.')}</p>
    <form method="post" action="/bureau/paper-filings" enctype="multipart/form-data">
      ${csrfField(ctx)}
      <div class="field"><label for="pf-enterpriseId">${t('企业', 'Enterprise')}</label><select id="pf-enterpriseId" name="enterpriseId" required>
        ${enterprises.items.map((e) => html`<option value="${e.id}" ${v('enterpriseId') === e.id ? html`selected` : ''}>${e.name}（${e.creditCode}）</option>`)}</select></div>
      <div class="field"><label for="pf-kind">${t('合同类型', 'Kind')}</label><select id="pf-kind" name="kind">
        ${Object.entries(CASE_KIND_NAMES).map(([k, n]) => html`<option value="${k}" ${v('kind') === k ? html`selected` : ''}>${pick(lang, n)}</option>`)}</select></div>
      <div class="field"><label for="pf-jurisdiction">${t('适用规定', 'Rules')}</label><select id="pf-jurisdiction" name="jurisdiction">
        ${Object.values(rulePacks).map((p) => html`<option value="${p.id}" ${(v('jurisdiction') || 'national') === p.id ? html`selected` : ''}>${pick(lang, p.name)}</option>`)}</select></div>
      ${input('title', t('合同名称', 'Title'), 'text', 'required')}
      ${input('registrationNumber', t('登记编号', 'Registration number'), 'text', 'required')}
      ${input('receivedOn', t('收件日期（审查期限起算）', 'Received on (starts the review)'), 'date', 'required')}
      ${input('filedOn', t('报送日期', 'Filed on'), 'date', 'required')}
      ${input('signedOn', t('首席代表签字日期', 'Signed on'), 'date', 'required')}
      ${input('termMonths', t('期限（月）', 'Term (months)'), 'number', 'required')}
      ${input('termStartsOn', t('期限起始日', 'Term starts on'), 'date')}
      <fieldset><legend>${t('职工代表大会表决（决议所载）', 'Congress vote (as the resolution states)')}</legend>
        ${input('congress.heldOn', t('表决日期', 'Held on'), 'date')}
        ${input('congress.totalSeats', t('应到人数', 'Seats'), 'number')}
        ${input('congress.present', t('实到人数', 'Present'), 'number')}
        ${input('congress.yes', t('赞成', 'Yes'), 'number')}
        ${input('congress.no', t('反对', 'No'), 'number')}
        ${input('congress.abstain', t('弃权', 'Abstain'), 'number')}
      </fieldset>
      <fieldset><legend>${t('工资数据', 'Wage figures')}</legend>
        ${input('lowestWageYuan', t('约定最低工资（元/月）', 'Agreed lowest wage (yuan a month)'))}
        ${input('averageIncreasePercent', t('平均工资增长幅度（%）', 'Average wage increase (%)'))}
      </fieldset>
      <fieldset><legend>${t('合同包含的内容', 'Matters the text covers')}</legend>
        <p class="muted small">${t('工资协议（工资集体协商试行办法第七条）', 'Wage agreement (GZ 7)')}</p>
        ${wageAgreementItems.map((i) => html`<label class="check"><input type="checkbox" name="coveredItems" value="${i}" ${checked('coveredItems', i) ? html`checked` : ''}> ${wageItemInfo[i].number}. ${pick(lang, wageItemInfo[i])}</label>`)}
        <p class="muted small">${t('集体合同（集体合同规定第八条）', 'Collective contract (JHR 8)')}</p>
        ${contractChapters.filter((c) => c !== 'general').map((c) => html`<label class="check"><input type="checkbox" name="coveredItems" value="${c}" ${checked('coveredItems', c) ? html`checked` : ''}> ${pick(lang, contractChapterInfo[c])}</label>`)}
      </fieldset>
      <fieldset><legend>${t('收到的报送材料', 'Materials received')}</legend>
        ${ZFilingMaterialSchema.options.map((m) => html`<label class="check"><input type="checkbox" name="materials" value="${m}" ${checked('materials', m) ? html`checked` : ''}> ${pick(lang, materialInfo[m].title)}</label>`)}
      </fieldset>
      <div class="field"><label for="pf-scan">${t('扫描件（PDF）', 'Scan (PDF)')}</label><input id="pf-scan" name="scan" type="file" accept="application/pdf" required></div>
      <button type="submit">${t('登记并开始审查', 'Register and start the review')}</button>
    </form></section>`
  return page(ctx, { title: t('登记纸质报送', 'Register a paper filing'), body })
}

function issuesText(ctx: TWebCtx, e: AppError): { text: string }[] {
  const issues = Array.isArray(e.details.issues) ? (e.details.issues as { path?: string; message?: unknown }[]) : []
  if (issues.length === 0) return [{ text: pick(ctx.lang, e.text) }]
  return issues.map((i) => {
    const m = i.message
    const text = typeof m === 'string' ? m : m && typeof m === 'object' ? pick(ctx.lang, m as { zh: string; en: string }) : ''
    return { text: `${(i.path ?? '').replace(/^body\./, '')}：${text}` }
  })
}

export function paperFilingPages(router: Router, deps: TWebDeps) {
  router.get('/bureau/paper-filings', async (req: Request, res: Response) => {
    const ctx = await webContext(deps, req, res)
    requireRole(ctx, ['bureauReviewer', 'admin'])
    sendPage(req, res, await form(deps, ctx, new Map()))
  })

  router.post(
    '/bureau/paper-filings',
    express.raw({ type: 'multipart/form-data', limit: PAPER_PDF_MAX_BYTES + 1024 * 1024 }),
    async (req: Request, res: Response) => {
      const ctx = await webContext(deps, req, res)
      const p = requireRole(ctx, ['bureauReviewer', 'admin'])
      const contentType = req.get('content-type')
      if (!contentType || !isMultipartForm(contentType) || !Buffer.isBuffer(req.body)) {
        throw invalidInput([{ path: 'body', code: 'invalid_format', message: { zh: '表单应以 multipart/form-data 提交', en: 'the form must be sent as multipart/form-data' } }])
      }
      const { fields, files } = await parseMultipart(req.body, contentType)
      // The CSRF token and the edge rule of every request (no NUL character) on the parsed fields.
      req.body = Object.fromEntries([...fields].map(([k, vs]) => [k, vs[0]]))
      checkForm(req, res)
      const nul = nulCharacterIssues(Object.fromEntries(fields), 'body')
      if (nul.length) throw invalidInput(nul)
      const scan = files.find((f) => f.field === 'scan')
      try {
        if (!scan) throw invalidInput([{ path: 'body.scan', code: 'required', message: { zh: '请选择扫描件', en: 'choose the scan' } }])
        const parsed = ZPaperFilingDataSchema.safeParse(dataOf(fields))
        if (!parsed.success) {
          throw invalidInput(parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, code: i.code, message: { zh: i.message, en: i.message } })))
        }
        const applied = await deps.engine.registerPaperFiling({
          data: parsed.data,
          pdf: scan.data,
          fileName: scan.fileName || 'scan.pdf',
          actor: { id: p.user.id, role: isAdmin(p) ? 'admin' : 'bureauReviewer' },
          authorize: (regionPath) => {
            if (isAdmin(p) || bureauCovers(p, regionPath)) return
            throw new AppError('NOT_FOUND', { zh: '企业不存在或不在本辖区', en: 'enterprise not found in your region' })
          },
        })
        redirect(res, `/cases/${applied.caseId}`)
      } catch (e) {
        if (!(e instanceof AppError) || e.code === 'INTERNAL' || e.code === 'INTEGRITY_VIOLATION') throw e
        sendPage(req, res, await form(deps, ctx, fields, issuesText(ctx, e)), httpStatusOf(e.code))
      }
    },
  )
}

export const paperFilingLink = (ctx: TWebCtx): SafeHtml =>
  html`<p><a class="button secondary" href="/bureau/paper-filings">${ctx.t('登记纸质报送', 'Register a paper filing')}</a></p>`

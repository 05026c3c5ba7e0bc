/**
 * The worker representative's ballot, phone first and nothing else: reached from the credential link
 * `/vote/<sessionId>#<credential>`. The credential is in the URL fragment, which browsers never send, so a small
 * script (static/app.js) puts it into the form below and posts it; without JavaScript the representative types
 * the printed code. From then on the credential travels only in POST bodies (never in a URL, a log or a cookie).
 *
 *   GET  /vote/:sessionId           the code form (and the script's landing)
 *   POST /vote/:sessionId           credential → the ballot: the draft (PDF and text), the items, 同意/不同意/弃权
 *   POST /vote/:sessionId/confirm   the choices, to confirm
 *   POST /vote/:sessionId/cast      the ballot is cast → the receipt code
 *   POST /vote/:sessionId/draft     credential → the PDF of the draft voted on
 */
import type { Request, Response, Router } from 'express'
import { CHOICES, type TBallotPage, type TChoice } from '../../congress/types.js'
import { getDocumentContent, listDocuments } from '../../engine/documents.js'
import { getCase } from '../../engine/queries.js'
import { AppError } from '../../errors/app-error.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import { checkSameOrigin } from '../csrf.js'
import { sendPage, webContext, type TWebDeps } from '../context.js'
import { clauseLine } from '../describe.js'
import { fmtDate, fmtDateTime } from '../format.js'
import { html, type SafeHtml } from '../html.js'
import { pick, valueLabel } from '../i18n.js'
import { page, type TWebCtx } from '../layout.js'
import { sendDocument } from './case.js'

type TChoices = Record<string, TChoice>

const credentialField = (credential: string) => html`<input type="hidden" name="credential" value="${credential}">`

function langForm(ctx: TWebCtx, sessionId: string, credential: string | null): SafeHtml {
  const other = ctx.lang === 'zh' ? 'en' : 'zh'
  if (!credential) return html`<p class="lang-line"><a href="/vote/${sessionId}?lang=${other}" class="lang">${other === 'en' ? 'English' : '中文'}</a></p>`
  return html`<form method="post" action="/vote/${sessionId}" class="lang-line">${credentialField(credential)}<input type="hidden" name="lang" value="${other}">
    <button type="submit" class="link" lang="${other === 'zh' ? 'zh-CN' : 'en'}">${other === 'en' ? 'English' : '中文'}</button></form>`
}

function votePage(ctx: TWebCtx, sessionId: string, credential: string | null, title: string, body: SafeHtml, status?: { kind: 'ok' | 'error'; text: string }) {
  return page(ctx, { title, minimal: true, flash: status ?? null, body: html`${body}${langForm(ctx, sessionId, credential)}` })
}

function codeForm(ctx: TWebCtx, sessionId: string, error?: string): string {
  const { t } = ctx
  return votePage(
    ctx,
    sessionId,
    null,
    t('职工代表投票', 'Worker representative vote'),
    html`<p id="vote-opening" class="muted" hidden>${t('正在打开选票……', 'Opening your ballot…')}</p>
    <form method="post" action="/vote/${sessionId}" class="card narrow" id="code-form" data-vote-fragment novalidate>
      <div class="field"><label for="credential">${t('投票凭证码', 'Voting code')}<span class="hint">${t('见投票通知，例如 ABCD-EFGH-…', 'from your voting notice, e.g. ABCD-EFGH-…')}</span></label>
        <input id="credential" name="credential" autocomplete="off" autocapitalize="characters" spellcheck="false" required${error ? html` aria-invalid="true" aria-describedby="credential-err"` : ''}>
        ${error ? html`<span class="field-error" id="credential-err">${error}</span>` : ''}</div>
      <button type="submit" class="big">${t('打开选票', 'Open my ballot')}</button>
    </form>`,
    error ? { kind: 'error', text: error } : undefined,
  )
}

async function draftOf(deps: TWebDeps, sessionId: string, sha256: string) {
  const session = await deps.congress.getSession(sessionId)
  const view = await getCase(deps.engine.db, session.caseId)
  const draft = (view.context as TNegotiationContext).draft
  const docs = await listDocuments(deps.engine.db, session.caseId)
  const doc = docs.find((d) => d.sha256 === sha256)
  return { caseId: session.caseId, draft: draft && (session.draftVersion === null || draft.version === session.draftVersion) ? draft : undefined, doc }
}

function ballotForm(ctx: TWebCtx, p: TBallotPage, credential: string, chosen: TChoices, draft: Awaited<ReturnType<typeof draftOf>>, missing: string[] = []): string {
  const { t, lang } = ctx
  const s = p.session
  const body = html`
    <section class="card" aria-labelledby="sess-h">
      <h2 id="sess-h">${s.name}</h2>
      <p>${t(`${p.representative.name}代表，您好。`, `Dear ${p.representative.name},`)}</p>
      <p class="muted">${fmtDate(lang, s.heldOn)} · ${s.place}<br>${t('投票截止：', 'Voting closes: ')}${fmtDateTime(lang, s.closesAt)}</p>
    </section>
    <section class="card" aria-labelledby="draft-h">
      <h2 id="draft-h">${t('表决的合同草案', 'The draft voted on')}</h2>
      ${draft.draft ? html`<p><strong>${draft.draft.title}</strong></p>` : ''}
      ${draft.doc
        ? html`<form method="post" action="/vote/${s.id}/draft" target="_blank">${credentialField(credential)}<button type="submit" class="secondary">${t('查看草案全文（PDF）', 'Read the full draft (PDF)')}</button></form>`
        : ''}
      ${draft.draft?.clauses?.length
        ? html`<details open><summary>${t('主要条款', 'Main clauses')}</summary><ul class="clauses">${draft.draft.clauses.map((c) => html`<li>${clauseLine(lang, c)}</li>`)}</ul></details>`
        : draft.draft
          ? html`<details><summary>${t('草案文本', 'Draft text')}</summary><p class="pre">${draft.draft.text}</p></details>`
          : ''}
      <p class="muted small">SHA-256：<code class="wrap">${s.documentSha256}</code></p>
    </section>
    <form method="post" action="/vote/${s.id}/confirm" novalidate>
      ${credentialField(credential)}
      ${missing.length ? html`<div class="error-summary" role="alert"><p>${t('每个事项都要选择：', 'Choose for every item:')}${missing.join('、')}</p></div>` : ''}
      ${s.items.map(
        (item, i) => html`<fieldset class="card vote-item${missing.includes(item.title) ? ' invalid' : ''}">
          <legend>${t(`事项 ${i + 1}：`, `Item ${i + 1}: `)}${item.title}</legend>
          <div class="choices">${CHOICES.map(
            (c) => html`<label class="choice choice-${c}"><input type="radio" name="choice.${item.id}" value="${c}" required${chosen[item.id] === c ? html` checked` : ''}> ${valueLabel(lang, c)}</label>`,
          )}</div>
        </fieldset>`,
      )}
      <button type="submit" class="big">${t('下一步：确认', 'Next: confirm')}</button>
    </form>`
  return votePage(ctx, s.id, credential, t('投票', 'Vote'), body)
}

function confirmPage(ctx: TWebCtx, p: TBallotPage, credential: string, chosen: TChoices): string {
  const { t, lang } = ctx
  const s = p.session
  const hidden = s.items.map((i) => html`<input type="hidden" name="choice.${i.id}" value="${chosen[i.id]!}">`)
  return votePage(
    ctx,
    s.id,
    credential,
    t('确认投票', 'Confirm your vote'),
    html`<section class="card" aria-labelledby="conf-h">
      <h2 id="conf-h">${t('请核对您的选择', 'Check your choices')}</h2>
      <dl class="facts">${s.items.map((i) => html`<div><dt>${i.title}</dt><dd class="choice-${chosen[i.id]!}"><strong>${valueLabel(lang, chosen[i.id]!)}</strong></dd></div>`)}</dl>
      <p>${t('投票提交后不能更改。本投票为无记名投票，系统不记录您的选择与您的身份之间的联系。', 'A ballot cannot be changed once cast. The ballot is secret: nothing links your choices to you.')}</p>
    </section>
    <form method="post" action="/vote/${s.id}/cast">${credentialField(credential)}${hidden}<button type="submit" class="big">${t('确认投票', 'Cast my vote')}</button></form>
    <form method="post" action="/vote/${s.id}">${credentialField(credential)}${hidden}<button type="submit" class="secondary">${t('返回修改', 'Change my choices')}</button></form>`,
  )
}

function receiptPage(ctx: TWebCtx, sessionId: string, receipt: string): string {
  const { t } = ctx
  return votePage(
    ctx,
    sessionId,
    null,
    t('投票成功', 'Your vote is cast'),
    html`<section class="card" aria-labelledby="rc-h">
      <h2 id="rc-h">${t('您的投票回执码', 'Your receipt code')}</h2>
      <p class="receipt"><code id="receipt">${receipt}</code></p>
      <p>${t('请截图或抄写保存。表决结果公布后，可用回执码核对您的选票已计入结果；回执码不显示您的选择。', 'Keep it (a screenshot will do). Once the result is published, the code shows that your ballot was counted; it does not reveal your choices.')}</p>
    </section>`,
    { kind: 'ok', text: t('投票已提交。', 'Your ballot has been recorded.') },
  )
}

function closedPage(ctx: TWebCtx, p: TBallotPage, text: string): string {
  return votePage(ctx, p.session.id, null, p.session.name, html`<section class="card"><p>${text}</p></section>`)
}

function readChoices(body: Record<string, unknown>, p: TBallotPage): { chosen: TChoices; missing: string[] } {
  const chosen: TChoices = {}
  const missing: string[] = []
  for (const item of p.session.items) {
    const v = body[`choice.${item.id}`]
    if (typeof v === 'string' && (CHOICES as readonly string[]).includes(v)) chosen[item.id] = v as TChoice
    else missing.push(item.title)
  }
  return { chosen, missing }
}

export function votePages(router: Router, deps: TWebDeps) {
  /** The credential's ballot page, checked to belong to this session; a refusal is shown on the code form. */
  async function open(req: Request, res: Response, ctx: TWebCtx): Promise<{ p: TBallotPage; credential: string } | null> {
    checkSameOrigin(req)
    const sessionId = String(req.params.sessionId)
    const credential = String((req.body as Record<string, unknown>).credential ?? '').trim()
    if (!credential) {
      sendPage(req, res, codeForm(ctx, sessionId, ctx.t('请输入投票凭证码。', 'Enter your voting code.')), 400)
      return null
    }
    try {
      const p = await deps.congress.getBallotPage(credential)
      if (p.session.id !== sessionId) throw new AppError('NOT_FOUND', { zh: '该凭证不属于本次表决。', en: 'this credential is not for this vote' })
      return { p, credential }
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'INTERNAL') throw e
      sendPage(req, res, codeForm(ctx, sessionId, pick(ctx.lang, e.text)), 400)
      return null
    }
  }

  /** Voting has not opened, is over, or this credential was used: say so, and nothing else. */
  function unavailable(ctx: TWebCtx, p: TBallotPage): string | null {
    const { t, lang } = ctx
    if (p.usedVia) return t('您已经投过票，每位代表只能投票一次。', 'You have already voted; each representative votes once.')
    if (p.window === 'notOpenYet') return t(`投票尚未开始，开始时间：${fmtDateTime(lang, p.session.opensAt)}。`, `Voting opens at ${fmtDateTime(lang, p.session.opensAt)}.`)
    if (p.window === 'closed' || p.session.status !== 'open') return t('本次表决已经结束。', 'This vote is over.')
    if (!p.session.online) return t('本次表决采用纸质选票，请到会场投票。', 'This vote uses paper ballots at the sitting.')
    return null
  }

  router.get('/vote/:sessionId', async (req, res) => {
    const ctx = await webContext(deps, req, res, { anonymous: true })
    sendPage(req, res, codeForm(ctx, String(req.params.sessionId)))
  })

  router.post('/vote/:sessionId', async (req, res) => {
    const body = req.body as Record<string, unknown>
    const ctx = await webContext(deps, req, res, { anonymous: true, ...(body.lang === 'en' || body.lang === 'zh' ? { lang: body.lang } : {}) })
    const o = await open(req, res, ctx)
    if (!o) return
    const closed = unavailable(ctx, o.p)
    if (closed) return sendPage(req, res, closedPage(ctx, o.p, closed))
    // Opening the ballot online is signing in: the representative is present (JHR 36 quorum).
    const p = o.p.present ? o.p : await deps.congress.signIn(o.credential)
    const { chosen } = readChoices(body, p)
    sendPage(req, res, ballotForm(ctx, p, o.credential, chosen, await draftOf(deps, p.session.id, p.session.documentSha256)))
  })

  router.post('/vote/:sessionId/confirm', async (req, res) => {
    const ctx = await webContext(deps, req, res, { anonymous: true })
    const o = await open(req, res, ctx)
    if (!o) return
    const closed = unavailable(ctx, o.p)
    if (closed) return sendPage(req, res, closedPage(ctx, o.p, closed))
    const { chosen, missing } = readChoices(req.body as Record<string, unknown>, o.p)
    if (missing.length) {
      return sendPage(req, res, ballotForm(ctx, o.p, o.credential, chosen, await draftOf(deps, o.p.session.id, o.p.session.documentSha256), missing), 400)
    }
    sendPage(req, res, confirmPage(ctx, o.p, o.credential, chosen))
  })

  router.post('/vote/:sessionId/cast', async (req, res) => {
    const ctx = await webContext(deps, req, res, { anonymous: true })
    const o = await open(req, res, ctx)
    if (!o) return
    const closed = unavailable(ctx, o.p)
    if (closed) return sendPage(req, res, closedPage(ctx, o.p, closed))
    const { chosen, missing } = readChoices(req.body as Record<string, unknown>, o.p)
    if (missing.length) {
      return sendPage(req, res, ballotForm(ctx, o.p, o.credential, chosen, await draftOf(deps, o.p.session.id, o.p.session.documentSha256), missing), 400)
    }
    try {
      const accepted = await deps.congress.castBallot({ credential: o.credential, choices: o.p.session.items.map((i) => ({ itemId: i.id, choice: chosen[i.id]! })) })
      sendPage(req, res, receiptPage(ctx, o.p.session.id, accepted.receipt))
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'INTERNAL') throw e
      sendPage(req, res, closedPage(ctx, o.p, pick(ctx.lang, e.text)), 409)
    }
  })

  router.post('/vote/:sessionId/draft', async (req, res) => {
    const ctx = await webContext(deps, req, res, { anonymous: true })
    const o = await open(req, res, ctx)
    if (!o) return
    const d = await draftOf(deps, o.p.session.id, o.p.session.documentSha256)
    if (!d.doc) throw new AppError('NOT_FOUND', { zh: '草案文件不存在', en: 'the draft document is not available' })
    const { meta, bytes } = await getDocumentContent(deps.engine.db, d.caseId, d.doc.id, deps.documentsDir)
    sendDocument(res, meta, bytes)
  })
}

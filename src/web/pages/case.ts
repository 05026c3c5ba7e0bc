/**
 * The case page: state and what comes next, the actions the user may take now as forms generated from the event
 * schemas, the deadlines with their explanations, the draft and the agreement, the congress (roster, convening,
 * sessions), the documents, the timeline of every event and the hash-chained audit log.
 *
 *   GET  /cases/:caseId
 *   POST /cases/:caseId/events/:type          one event, validated by its schema, sent with sendEventAs
 *   GET  /cases/:caseId/documents/:documentId a document's bytes (checked against its SHA-256)
 *   POST /cases/:caseId/documents/preparation-brief  ask for the 协商准备材料 PDF (rendered by the outbox worker)
 *   POST /cases/:caseId/congress/roster | /congress/convene | /congress/:sessionId/close
 */
import type { Request, Response, Router } from 'express'
import { z, type ZodObject } from 'zod'
import { parse as parseCsv } from 'csv-parse/sync'
import { caseAccess, permittedEvents, requireReceivingBureau, requireRoleOn, sendEventAs } from '../../auth/case-access.js'
import type { TUserRole } from '../../auth/principal.js'
import { ZConveneInputSchema, type TRosterView, type TSessionView } from '../../congress/types.js'
import { requestBureauDocument } from '../../effects/bureau-documents.js'
import { DOCUMENT_REQUESTERS, requestCaseDocument } from '../../effects/requested-documents.js'
import { getDocumentContent, listDocuments, type TDocumentMeta } from '../../engine/documents.js'
import { getCase, getCaseEvents, type TCaseEventView, type TCaseView } from '../../engine/queries.js'
import { getReviewWorkbench, type TReviewWorkbench } from '../../engine/review-checks.js'
import { verifyCase, type TIntegrityProblem } from '../../engine/verify.js'
import { AppError } from '../../errors/app-error.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import { negotiationEventTypes, ZNegotiationEventSchema, type TSide } from '../../../workflows/negotiation/events.js'
import { negotiationPolicy, sideOfRole, type TNegotiationRole } from '../../../workflows/negotiation/policy.js'
import { positionsAfter } from '../../../workflows/proposals/diff.js'
import { getRulePack } from '../../../workflows/rules/jurisdictions/index.js'
import { diffDays } from '../../../workflows/rules/calendar/dates.js'
import { checkForm, redirect, requireSignedIn, sendPage, webContext, type TWebDeps } from '../context.js'
import { deadlineCell, errorSummary, kindName, stateBadge } from '../components.js'
import { clauseLine, describe } from '../describe.js'
import { fmtBytes, fmtDate, fmtDateTime, localToday } from '../format.js'
import { issuesToErrors, parseForm, renderFields, type TFieldErrors } from '../forms.js'
import { html, type SafeHtml } from '../html.js'
import { DOCUMENT_KIND_NAMES, ROLE_NAMES, eventName, pick, stateHint, valueLabel, type TLang } from '../i18n.js'
import { eventAliases } from '../../http/resources/cases.js'
import { csrfField, facts, page, type TWebCtx } from '../layout.js'
import { prefill } from '../prefill.js'
import { proposalsSection } from './proposals.js'
import { reviewWorkbenchSection } from '../review-workbench.js'
import { deadlineInfo, periodDay } from '../queries.js'

const zhCN = z.locales.zhCN()

type TEventOption = ZodObject
const eventOptions = ZNegotiationEventSchema.options as unknown as readonly TEventOption[]
const optionOf = (type: string) => eventOptions.find((o) => (o.shape.type as z.ZodLiteral<string>).value === type)

const RECORD_READERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'bureauReviewer', 'admin']
const CONGRESS_MANAGERS: readonly TUserRole[] = ['unionNegotiator']
const BUREAU_EVENTS = new Set(['filing.registered', 'correction.requested', 'review.objected', 'review.approved'])
const SYSTEM_EVENTS = new Set(['deadline.elapsed', 'congress.resultCertified'])

/** A refused form, shown again with what was typed and the reasons. */
type TFormState = {
  form: string
  values: unknown
  errors: TFieldErrors
  summary: { text: string; href?: string }[]
}

type TCaseData = {
  view: TCaseView
  context: TNegotiationContext | null
  enterpriseName: string
  regionCode: string
  roles: TUserRole[]
  permitted: string[]
  events: TCaseEventView[]
  documents: TDocumentMeta[]
  sessions: TSessionView[]
  roster: TRosterView | null
  problems: TIntegrityProblem[] | null
  /** The bureau's review workbench, for the bureau the filing was routed to and admins, once the case is filed. */
  workbench: TReviewWorkbench | null
}

async function loadCase(deps: TWebDeps, ctx: TWebCtx, caseId: string): Promise<TCaseData> {
  const principal = requireSignedIn(ctx)
  const { scope, roles } = await caseAccess(deps.engine, principal, caseId)
  const view = await getCase(deps.engine.db, caseId)
  const readsRecord = roles.some((r) => RECORD_READERS.includes(r))
  const [events, documents, sessions, roster, problems] = await Promise.all([
    readsRecord ? getCaseEvents(deps.engine.db, caseId) : Promise.resolve([]),
    listDocuments(deps.engine.db, caseId),
    readsRecord ? deps.congress.listSessions(caseId) : Promise.resolve([]),
    readsRecord ? deps.congress.getRoster(caseId).catch(() => null) : Promise.resolve(null),
    roles.includes('admin') || roles.includes('bureauReviewer') ? verifyCase(deps.engine.db, caseId) : Promise.resolve(null),
  ])
  const filed = (view.context as TNegotiationContext | null)?.filing?.filedOn !== undefined
  const reviews = roles.includes('admin') || roles.includes('bureauReviewer')
  // JHR 43: a bureau that does not receive this filing sees the case, not the workbench (requireReceivingBureau).
  const workbench =
    filed && reviews
      ? await requireReceivingBureau(deps.engine, principal, view.context).then(
          () => getReviewWorkbench(deps.engine.db, caseId, ctx.now),
          () => null,
        )
      : null
  return {
    view,
    workbench,
    context: readsRecord ? (view.context as TNegotiationContext) : null,
    enterpriseName: scope.enterpriseName,
    regionCode: scope.regionCode,
    roles,
    permitted: permittedEvents(view, roles, principal.user.id),
    events,
    documents,
    sessions,
    roster,
    problems,
  }
}

const sideOf = (roles: readonly TUserRole[]): TSide | undefined => {
  for (const r of roles) {
    const s = sideOfRole(r as TNegotiationRole)
    if (s) return s
  }
  return undefined
}

const formId = (type: string) => `ev-${type.replace(/\./g, '-')}`

/** An action's name, as the API names its route: 发出协商要约 / Send the negotiation request. */
const actionName = (lang: TLang, type: string) => (eventAliases[type] ? pick(lang, eventAliases[type].summary) : eventName(lang, type))

// ---------------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------------

function eventForm(ctx: TWebCtx, d: TCaseData, type: string, state: TFormState | undefined): SafeHtml {
  const { t, lang } = ctx
  const option = optionOf(type)
  if (!option) return html``
  const id = formId(type)
  const mine = state?.form === id ? state : undefined
  const values =
    mine?.values ??
    prefill({
      type,
      context: d.context!,
      principal: ctx.principal!,
      side: sideOf(d.roles),
      today: localToday(ctx.now),
      enterpriseName: d.enterpriseName,
    })
  const policy = Object.hasOwn(negotiationPolicy, type) ? negotiationPolicy[type as keyof typeof negotiationPolicy] : undefined
  return html`<details class="action" id="${id}"${mine ? html` open` : ''}>
    <summary>${actionName(lang, type)}</summary>
    ${policy ? html`<p class="muted">${pick(lang, policy.note)}（${policy.article}）</p>` : ''}
    ${mine ? errorSummary(ctx, t('未能提交，请修改：', 'Not recorded; please correct:'), mine.summary) : ''}
    <form method="post" action="/cases/${d.view.id}/events/${type}" novalidate>
      ${csrfField(ctx)}
      <input type="hidden" name="expectedRevision" value="${d.view.revision}">
      ${renderFields(option, values, { lang, idPrefix: id, errors: mine?.errors })}
      <button type="submit">${t('提交：', 'Submit: ')}${actionName(lang, type)}</button>
    </form>
  </details>`
}

function actionsSection(ctx: TWebCtx, d: TCaseData, state: TFormState | undefined): SafeHtml {
  const { t, lang } = ctx
  const forms = d.context ? negotiationEventTypes.filter((type) => d.permitted.includes(type)) : []
  const waiting = d.view.allowedEvents.filter((e) => !d.permitted.includes(e) && !SYSTEM_EVENTS.has(e))
  const byWhom = (type: string) => {
    const p = Object.hasOwn(negotiationPolicy, type) ? negotiationPolicy[type as keyof typeof negotiationPolicy] : undefined
    return p ? p.roles.map((r) => pick(lang, ROLE_NAMES[r] ?? { zh: r, en: r })).join('、') : ''
  }
  return html`<section aria-labelledby="next-h" class="card">
    <h2 id="next-h">${t('下一步', 'Next steps')}</h2>
    ${forms.length
      ? html`<p>${t('您现在可以办理：', 'You can do now:')}</p>${forms.map((type) => eventForm(ctx, d, type, state))}`
      : html`<p class="muted">${t('当前没有需要您办理的事项。', 'Nothing for you to do now.')}</p>`}
    ${waiting.length
      ? html`<p class="muted">${t('等待其他方办理：', 'Waiting for others: ')}${waiting.map((e) => `${actionName(lang, e)}${t(`（${byWhom(e)}）`, ` (${byWhom(e)})`)}`).join(t('；', '; '))}</p>`
      : ''}
  </section>`
}

function deadlinesSection(ctx: TWebCtx, d: TCaseData): SafeHtml {
  const { t, lang } = ctx
  const ds = d.view.deadlines.map((x) => deadlineInfo(x, ctx.now))
  return html`<section aria-labelledby="dl-h" class="card">
    <h2 id="dl-h">${t('期限', 'Deadlines')}</h2>
    ${ds.length === 0
      ? html`<p class="muted">${t('没有未到期的法定期限。', 'No pending statutory deadline.')}</p>`
      : html`<ul class="deadlines">${ds.map(
          (x) => html`<li>${deadlineCell(ctx, x)}
            ${x.text ? html`<details><summary>${t('计算说明', 'How it is counted')}</summary><p class="explain">${pick(lang, x.text)}</p></details>` : ''}</li>`,
        )}</ul>`}
  </section>`
}

function agreementSection(ctx: TWebCtx, d: TCaseData): SafeHtml {
  const { t, lang } = ctx
  const c = d.context
  if (!c) return html``
  const parts: SafeHtml[] = []
  if (c.agreement) {
    const a = c.agreement
    parts.push(html`<h3>${t('生效的合同', 'Agreement in force')}</h3>${facts([
      [t('名称', 'Title'), a.title],
      [t('登记编号', 'Registration number'), a.registrationNumber],
      [t('生效日期', 'Effective on'), fmtDate(lang, a.effectiveOn)],
      [t('生效方式', 'Took effect by'), a.effectiveBy === 'deemedApproval' ? t('审查期满视为同意', 'deemed approval (15 days)') : t('无异议审查意见书', 'no-objection opinion')],
      [t('期限', 'Term'), `${fmtDate(lang, a.termStartsOn)} – ${fmtDate(lang, a.expiresOn)}（${a.termMonths}${t('个月', ' months')}）`],
      [t('公布', 'Publication'), [a.publication.worker ? `${valueLabel(lang, 'worker')} ${fmtDate(lang, a.publication.worker)}` : '', a.publication.employer ? `${valueLabel(lang, 'employer')} ${fmtDate(lang, a.publication.employer)}` : ''].filter(Boolean).join('；') || t('尚未公布', 'not yet')],
    ])}`)
  }
  if (c.filing) {
    const f = c.filing
    const review = c.review
    const receivedOn = review?.receivedOn ?? f.receivedOn
    const reviewDeadline = d.view.deadlines.find((x) => x.kind === 'review')
    const period = reviewDeadline ? periodDay(deadlineInfo(reviewDeadline, ctx.now), ctx.now) : null
    const day = receivedOn ? diffDays(receivedOn, localToday(ctx.now)) : undefined
    const total = period?.of ?? (receivedOn && reviewDeadline ? diffDays(receivedOn, reviewDeadline.lastDay) : undefined)
    parts.push(html`<h3>${t('报送备案情况', 'Filing status')}</h3>${facts([
      [t('报送期限起算', 'Filing period from'), fmtDate(lang, f.periodFrom)],
      [t('报送日期', 'Filed on'), f.filedOn ? `${fmtDate(lang, f.filedOn)}${f.late ? t('（逾期）', ' (late)') : ''}` : t('尚未报送', 'not yet filed')],
      [t('报送材料', 'Materials'), f.materials?.join('、')],
      [t('收件日期', 'Received on'), receivedOn ? fmtDate(lang, receivedOn) : undefined],
      [t('登记编号', 'Registration number'), f.registrationNumber],
      [t('审查进度', 'Review'), day !== undefined && total !== undefined && !review?.outcome ? t(`第 ${day} 天（共 ${total} 天）`, `day ${day} of ${total}`) : review?.outcome ? valueLabel(lang, review.outcome) : undefined],
      [t('补正', 'Corrections'), f.corrections.length ? f.corrections.map((x) => `${fmtDate(lang, x.requestedOn)}：${x.items.join('、')}${x.suppliedOn ? t(`（${fmtDate(lang, x.suppliedOn)}已补正）`, ` (supplied ${fmtDate(lang, x.suppliedOn)})`) : ''}`).join('；') : undefined],
    ])}`)
  }
  if (c.draft) {
    const dr = c.draft
    parts.push(html`<h3>${t('合同草案', 'Draft')}（${t(`第${dr.version}稿`, `version ${dr.version}`)}）</h3>${facts([
      [t('名称', 'Title'), dr.title],
      [t('形成日期', 'Agreed on'), fmtDate(lang, dr.agreedOn)],
      [t('职工代表大会', 'Congress'), dr.congressPassed ? t('已通过', 'passed') : dr.congressRequired ? t('待表决', 'to be voted') : t('无需重新表决', 'no new vote needed')],
    ])}${dr.clauses?.length ? html`<ul class="clauses">${dr.clauses.map((cl) => html`<li>${clauseLine(lang, cl)}</li>`)}</ul>` : ''}`)
  }
  if (!c.draft && c.rounds.length) {
    const last = c.rounds.at(-1)!.number
    const pos = positionsAfter(c, last)
    const keys = [...new Set([...pos.worker.keys(), ...pos.employer.keys(), ...pos.agreed.keys()])]
    if (keys.length) {
      const cell = (m: Map<string, Parameters<typeof clauseLine>[1]>, k: string) => {
        const cl = m.get(k)
        return cl ? clauseLine(lang, cl).split('：').slice(1).join('：') : '—'
      }
      const labelOf = (k: string) => {
        const cl = pos.agreed.get(k) ?? pos.worker.get(k) ?? pos.employer.get(k)
        return cl ? clauseLine(lang, cl).split('：')[0] : k
      }
      parts.push(html`<h3>${t('条款进展', 'Clauses so far')}</h3><div class="table-wrap"><table>
        <caption class="sr-only">${t(`第${last}次会议后的各方立场`, `Positions after round ${last}`)}</caption>
        <thead><tr><th scope="col">${t('条款', 'Clause')}</th><th scope="col">${t('职工方', 'Worker side')}</th><th scope="col">${t('企业方', 'Employer side')}</th><th scope="col">${t('已达成一致', 'Agreed')}</th></tr></thead>
        <tbody>${keys.map((k) => html`<tr><th scope="row">${labelOf(k)}</th><td>${cell(pos.worker, k)}</td><td>${cell(pos.employer, k)}</td><td>${cell(pos.agreed, k)}</td></tr>`)}</tbody></table></div>`)
    }
  }
  if (c.congressVotes.length) {
    parts.push(html`<h3>${t('职工代表大会表决', 'Congress votes')}</h3><ul>${c.congressVotes.map(
      (v) => html`<li>${fmtDate(lang, v.heldOn)} · ${valueLabel(lang, v.body)}：${t(`应到${v.totalSeats}人，实到${v.present}人，同意${v.yes}、不同意${v.no}、弃权${v.abstain}`, `${v.totalSeats} seats, ${v.present} present, ${v.yes} yes, ${v.no} no, ${v.abstain} abstain`)} — <strong>${v.passed ? t('通过', 'passed') : t('未通过', 'not passed')}</strong></li>`,
    )}</ul>`)
  }
  if (parts.length === 0) return html``
  return html`<section aria-labelledby="ag-h" class="card"><h2 id="ag-h">${t('草案、合同与备案', 'Draft, agreement and filing')}</h2>${parts}</section>`
}

const rosterCsvHeader = '姓名,单位,电子邮箱,电话,一线职工,管理人员,女职工'

function rosterCsv(r: TRosterView | null): string {
  if (!r) return `${rosterCsvHeader}\n`
  const yes = (b: boolean) => (b ? '是' : '')
  return [rosterCsvHeader, ...r.representatives.map((p) => [p.name, p.unit, p.email ?? '', p.phone ?? '', yes(p.isFrontLine), yes(p.isManager), yes(p.isWoman)].join(','))].join('\n')
}

function conveneDefaults(ctx: TWebCtx, d: TCaseData): Record<string, unknown> {
  const draftDoc = [...d.documents].reverse().find((x) => x.kind === 'draft' && x.mediaType === 'application/pdf')
  const draft = d.context?.draft
  const items =
    draft && draft.items.length > 0 && draft.items.length <= 10
      ? draft.items.map((title, i) => ({ id: `item${i + 1}`, title }))
      : [{ id: 'draft', title: draft ? `《${draft.title}》` : '' }]
  const opens = new Date(Math.floor(ctx.now.getTime() / 60_000) * 60_000)
  return {
    name: `${d.enterpriseName}职工代表大会`,
    heldOn: localToday(ctx.now),
    place: d.context?.preparation?.meeting?.place ?? '',
    online: true,
    opensAt: opens.toISOString(),
    closesAt: new Date(opens.getTime() + 3 * 86_400_000).toISOString(),
    documentSha256: draftDoc?.sha256,
    items,
    scrutineers: [{ name: '' }],
    tellers: [{ name: '' }],
    delivery: 'return',
  }
}

function sessionBlock(ctx: TWebCtx, d: TCaseData, s: TSessionView, canManage: boolean): SafeHtml {
  const { t, lang } = ctx
  const status: Record<string, [string, string]> = {
    open: ['投票进行中', 'voting open'],
    closed: ['已结束，待认证', 'closed, to be certified'],
    certified: ['结果已认证并记入案件', 'result certified to the case'],
    cancelled: ['已取消', 'cancelled'],
  }
  const [zh, en] = status[s.status] ?? [s.status, s.status]
  return html`<div class="session">
    <h4>${s.name}</h4>
    ${facts([
      [t('状态', 'Status'), t(zh, en)],
      [t('日期、地点', 'Date, place'), `${fmtDate(lang, s.heldOn)}，${s.place}`],
      [t('投票时间', 'Voting window'), `${fmtDateTime(lang, s.opensAt)} – ${fmtDateTime(lang, s.closesAt)}`],
      [t('应到', 'Seats'), String(s.totalSeats)],
      [t('参与情况', 'Turnout'), t(`凭证${s.turnout.credentials}份，出席${s.turnout.present}人，网上投票${s.turnout.votedOnline}人，纸质${s.turnout.votedPaper}人，未投${s.turnout.notVoted}人`, `${s.turnout.credentials} credentials, ${s.turnout.present} present, ${s.turnout.votedOnline} online, ${s.turnout.votedPaper} paper, ${s.turnout.notVoted} not voted`)],
      [t('投票页面', 'Voting page'), html`<code>/vote/${s.id}</code>`],
    ])}
    ${s.result
      ? html`<table><caption>${t('表决结果', 'Result')}（${s.result.passed ? t('通过', 'passed') : t('未通过', 'not passed')}）</caption>
          <thead><tr><th scope="col">${t('事项', 'Item')}</th><th scope="col">${t('同意', 'Agree')}</th><th scope="col">${t('不同意', 'Disagree')}</th><th scope="col">${t('弃权', 'Abstain')}</th><th scope="col">${t('结果', 'Outcome')}</th></tr></thead>
          <tbody>${s.result.items.map((i) => html`<tr><th scope="row">${i.title}</th><td>${i.agree}</td><td>${i.disagree}</td><td>${i.abstain}</td><td>${i.passed ? t('通过', 'passed') : t('未通过', 'failed')}</td></tr>`)}</tbody></table>`
      : ''}
    ${s.certification.error ? html`<p class="error-text">${pick(lang, s.certification.error.message)}</p>` : ''}
    ${canManage && s.status === 'open'
      ? html`<form method="post" action="/cases/${d.view.id}/congress/${s.id}/close">${csrfField(ctx)}<button type="submit">${t('结束投票并计票', 'Close the vote and count')}</button></form>`
      : ''}
  </div>`
}

function congressSection(ctx: TWebCtx, d: TCaseData, state: TFormState | undefined): SafeHtml {
  const { t, lang } = ctx
  const relevant = d.sessions.length > 0 || d.view.allowedEvents.includes('congress.resultCertified') || d.roster
  if (!d.context || !relevant) return html``
  const canManage = d.roles.some((r) => CONGRESS_MANAGERS.includes(r))
  const rosterState = state?.form === 'roster' ? state : undefined
  const conveneState = state?.form === 'convene' ? state : undefined
  const open = d.sessions.some((s) => s.status === 'open' || s.status === 'closed')
  const awaiting = d.view.allowedEvents.includes('congress.resultCertified')
  const pdfs = d.documents.filter((x) => x.mediaType === 'application/pdf')
  const rosterForm = html`<form method="post" action="/cases/${d.view.id}/congress/roster" novalidate>
    ${csrfField(ctx)}
    ${rosterState ? errorSummary(ctx, t('名单未保存，请修改：', 'Roster not saved; please correct:'), rosterState.summary) : ''}
    <div class="field"><label for="roster-body">${t('表决机构', 'Voting body')}</label>
      <select id="roster-body" name="body">${['workersCongress', 'allStaffAssembly'].map((b) => html`<option value="${b}"${(d.roster?.body ?? 'workersCongress') === b ? html` selected` : ''}>${valueLabel(lang, b)}</option>`)}</select></div>
    <div class="field"><label for="roster-seats">${t('代表总数（应到人数）', 'Total seats')}</label>
      <input type="number" id="roster-seats" name="totalSeats" min="1" step="1" required value="${String(d.roster?.totalSeats ?? '')}"></div>
    <div class="field"><label for="roster-staff">${t('职工人数（选填）', 'Staff count (optional)')}</label>
      <input type="number" id="roster-staff" name="staffCount" min="1" step="1" value="${String(d.roster?.staffCount ?? '')}"></div>
    <div class="field"><label for="roster-csv">${t('职工代表名单（CSV，第一行为表头）', 'Representatives (CSV with a header row)')}<span class="hint">${rosterCsvHeader}</span></label>
      <input type="file" accept=".csv,text/csv" data-csv-into="roster-csv" aria-label="${t('从文件读取 CSV', 'Read the CSV from a file')}" hidden>
      <textarea id="roster-csv" name="csv" rows="8" required>${rosterState ? String((rosterState.values as { csv?: string }).csv ?? '') : rosterCsv(d.roster)}</textarea></div>
    <button type="submit">${t('保存职工代表名单', 'Save the roster')}</button>
  </form>`
  return html`<section aria-labelledby="cg-h" class="card">
    <h2 id="cg-h">${t('职工代表大会表决', 'Congress vote')}</h2>
    ${d.roster
      ? html`${facts([
          [t('表决机构', 'Body'), valueLabel(lang, d.roster.body)],
          [t('代表总数', 'Seats'), String(d.roster.totalSeats)],
          [t('名单人数', 'On the roster'), String(d.roster.composition.active)],
          [t('一线职工 / 女职工 / 管理人员', 'Front-line / women / managers'), `${d.roster.composition.frontLine} / ${d.roster.composition.women} / ${d.roster.composition.managers}`],
        ])}
        ${d.roster.warnings.length ? html`<ul class="warnings">${d.roster.warnings.map((w) => html`<li>${pick(lang, w.message)}（${w.article}）</li>`)}</ul>` : ''}`
      : html`<p>${t('请先录入职工代表名单，然后召集会议并发放投票凭证。', 'Enter the roster first, then convene the session and hand out the voting credentials.')}</p>`}
    ${canManage && awaiting && !open
      ? html`<details class="action" id="roster"${rosterState || !d.roster ? html` open` : ''}><summary>${d.roster ? t('修改职工代表名单', 'Change the roster') : t('录入职工代表名单', 'Enter the roster')}</summary>${rosterForm}</details>`
      : ''}
    ${canManage && d.roster && awaiting && !open
      ? html`<details class="action" id="convene"${conveneState ? html` open` : ''}><summary>${t('召集表决会议（发放投票凭证）', 'Convene the vote (issue credentials)')}</summary>
          ${conveneState ? errorSummary(ctx, t('未能召集，请修改：', 'Not convened; please correct:'), conveneState.summary) : ''}
          ${pdfs.length === 0 ? html`<p class="muted">${t('草案 PDF 正在生成，请稍后刷新本页。', 'The draft PDF is being generated; reload this page shortly.')}</p>` : ''}
          <form method="post" action="/cases/${d.view.id}/congress/convene" novalidate>
            ${csrfField(ctx)}
            ${renderFields(ZConveneInputSchema, conveneState?.values ?? conveneDefaults(ctx, d), {
              lang,
              idPrefix: 'convene',
              errors: conveneState?.errors,
              choices: { documentSha256: pdfs.map((x) => ({ value: x.sha256, label: `${x.title}（${fmtDate(lang, x.createdAt)}）` })) },
            })}
            <button type="submit">${t('召集会议', 'Convene')}</button>
          </form></details>`
      : ''}
    ${d.sessions.map((s) => sessionBlock(ctx, d, s, canManage))}
  </section>`
}

function documentsSection(ctx: TWebCtx, d: TCaseData): SafeHtml {
  const { t, lang } = ctx
  return html`<section aria-labelledby="docs-h" class="card">
    <h2 id="docs-h">${t('文件', 'Documents')}</h2>
    ${d.documents.length === 0
      ? html`<p class="muted">${t('暂无文件。', 'No documents yet.')}</p>`
      : html`<div class="table-wrap"><table><caption class="sr-only">${t('案件文件', 'Case documents')}</caption>
          <thead><tr><th scope="col">${t('文件', 'Document')}</th><th scope="col">${t('类别', 'Kind')}</th><th scope="col">${t('生成时间', 'Created')}</th><th scope="col">${t('大小', 'Size')}</th><th scope="col">SHA-256</th></tr></thead>
          <tbody>${d.documents.map(
            (x) => html`<tr><th scope="row"><a href="/cases/${d.view.id}/documents/${x.id}">${x.title}</a></th>
              <td>${pick(lang, DOCUMENT_KIND_NAMES[x.kind] ?? { zh: x.kind, en: x.kind })}</td><td>${fmtDateTime(lang, x.createdAt)}</td><td>${fmtBytes(x.sizeBytes)}</td>
              <td><code title="${x.sha256}">${x.sha256.slice(0, 12)}…</code></td></tr>`,
          )}</tbody></table></div>`}
  </section>`
}

function timelineSection(ctx: TWebCtx, d: TCaseData): SafeHtml {
  const { t, lang } = ctx
  if (!d.context) return html``
  return html`<section aria-labelledby="tl-h" class="card">
    <h2 id="tl-h">${t('进程记录', 'Timeline')}</h2>
    <ol class="timeline" reversed>${[...d.events].reverse().map(
      (e) => html`<li>
        <div class="tl-head"><time datetime="${e.occurredAt}">${fmtDateTime(lang, e.occurredAt)}</time>
          <strong>${eventName(lang, e.type)}</strong>
          <span class="muted">${e.actorRole ? pick(lang, ROLE_NAMES[e.actorRole] ?? { zh: e.actorRole, en: e.actorRole }) : ''} · #${e.seq}</span></div>
        ${e.type === 'case.opened' ? '' : html`<details><summary>${t('详细内容', 'Details')}</summary>${describe(lang, e.payload)}</details>`}
      </li>`,
    )}</ol>
  </section>`
}

/**
 * A document in the audit log, under the event it was produced for: its SHA-256 and its link in the case's document
 * hash chain (src/engine/document-chain.ts), or "unchained" for a document stored before that chain existed.
 */
function auditDocumentRow(ctx: TWebCtx, x: TDocumentMeta): SafeHtml {
  const { t, lang } = ctx
  const hash = (h: string | null) => (h ? html`<code title="${h}">${h.slice(0, 12)}</code>` : html`<span class="muted">${t('未入链（早于文件哈希链）', 'unchained (created before the chain)')}</span>`)
  return html`<tr class="audit-document"><td>↳</td><td>${fmtDateTime(lang, x.createdAt)}</td>
    <td>${t('文件', 'Document')}：${pick(lang, DOCUMENT_KIND_NAMES[x.kind] ?? { zh: x.kind, en: x.kind })}<br><span class="muted small">SHA-256 <code title="${x.sha256}">${x.sha256.slice(0, 12)}</code></span></td>
    <td></td><td>${hash(x.prevHash)}</td><td>${hash(x.chainHash)}</td></tr>`
}

function auditSection(ctx: TWebCtx, d: TCaseData): SafeHtml {
  const { t, lang } = ctx
  if (!d.context) return html``
  return html`<section aria-labelledby="au-h" class="card">
    <h2 id="au-h">${t('审计记录（哈希链）', 'Audit log (hash chain)')}</h2>
    <p class="muted">${t('每条记录的哈希值包含上一条记录的哈希值，任何改动都会使后续哈希值不符。案件文件另成一条哈希链，首个文件接在其所属事件之后；每个文件列于其事件之下，附SHA-256。', 'Each entry’s hash covers the previous entry’s hash: any edit breaks every later hash. The case’s documents form a second chain that starts from the event of its first document; each document is listed under its event with its SHA-256.')}</p>
    ${d.problems
      ? d.problems.length === 0
        ? html`<p class="ok-text">${t('完整性校验通过：哈希链连续，快照与事件重放一致，文件哈希相符。', 'Integrity verified: the chain is unbroken, the snapshot equals the replay, document hashes match.')}</p>`
        : html`<ul class="error-text">${d.problems.map((p) => html`<li>${p.table} ${p.key}: ${p.problem}</li>`)}</ul>`
      : ''}
    <details><summary>${t(`查看全部 ${d.events.length} 条记录`, `Show all ${d.events.length} entries`)}</summary>
    <div class="table-wrap"><table class="audit"><caption class="sr-only">${t('哈希链', 'Hash chain')}</caption>
      <thead><tr><th scope="col">#</th><th scope="col">${t('时间', 'Time')}</th><th scope="col">${t('事件', 'Event')}</th><th scope="col">${t('操作人', 'Actor')}</th><th scope="col">${t('前一哈希', 'Previous hash')}</th><th scope="col">${t('哈希', 'Hash')}</th></tr></thead>
      <tbody>${d.events.map(
        (e) => html`<tr><td>${e.seq}</td><td>${fmtDateTime(lang, e.occurredAt)}</td><td><code>${e.type}</code></td>
          <td>${e.actorRole ? pick(lang, ROLE_NAMES[e.actorRole] ?? { zh: e.actorRole, en: e.actorRole }) : ''}</td>
          <td><code title="${e.prevHash}">${e.prevHash.slice(0, 12)}</code></td><td><code title="${e.hash}">${e.hash.slice(0, 12)}</code></td></tr>
          ${d.documents.filter((x) => x.caseSeq !== null && Number(x.caseSeq) === e.seq).map((x) => auditDocumentRow(ctx, x))}`,
      )}${d.documents.filter((x) => x.caseSeq === null).map((x) => auditDocumentRow(ctx, x))}</tbody></table></div></details>
  </section>`
}

function casePage(ctx: TWebCtx, d: TCaseData, o: { state?: TFormState; done?: string; requested?: boolean } = {}): string {
  const { t, lang } = ctx
  const hint = stateHint(lang, d.view.state)
  const pack = getRulePack(d.view.jurisdiction)
  const flash = o.done
    ? { kind: 'ok' as const, text: t(`已记录：${eventName(lang, o.done)}`, `Recorded: ${eventName(lang, o.done)}`) }
    : o.requested
      ? { kind: 'ok' as const, text: t('已请求生成协商准备材料，生成后列入“文件”（通常几秒钟，请刷新本页）。', 'The preparation brief is being produced; it appears under “Documents” in a few seconds (reload this page).') }
      : o.state
        ? { kind: 'error' as const, text: t('未能提交，请查看下方的说明。', 'Not recorded; see below.') }
        : null
  const body = html`
    <div class="case-head card">
      <p>${stateBadge(ctx, d.view.state, d.view.status)} ${hint ? html`<span class="hint-text">${hint}</span>` : ''}</p>
      ${facts([
        [t('合同类型', 'Kind'), kindName(ctx, d.view.kind)],
        [t('适用规定', 'Rules'), pack ? pick(lang, pack.name) : d.view.jurisdiction],
        [t('立案日期', 'Opened'), fmtDate(lang, d.view.createdAt)],
        [t('版本', 'Revision'), String(d.view.revision)],
      ])}
    </div>
    ${d.workbench ? reviewWorkbenchSection(ctx, d.workbench) : ''}
    ${d.context ? actionsSection(ctx, d, o.state) : ''}
    ${deadlinesSection(ctx, d)}
    ${agreementSection(ctx, d)}
    ${d.context
      ? proposalsSection(ctx, d.context, {
          caseId: d.view.id,
          canRequestBrief: d.roles.some((r) => DOCUMENT_REQUESTERS.includes(r)),
          ...(o.state?.form === 'brief' ? { briefError: o.state.summary.map((x) => x.text).join(' ') } : {}),
        })
      : ''}
    ${congressSection(ctx, d, o.state)}
    ${documentsSection(ctx, d)}
    ${timelineSection(ctx, d)}
    ${auditSection(ctx, d)}`
  return page(ctx, { title: `${d.enterpriseName} · ${kindName(ctx, d.view.kind)}`, heading: d.enterpriseName, body, flash })
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------------------------

/** An AppError of a refused command → field errors and the summary. */
function refusal(ctx: TWebCtx, e: AppError, idPrefix: string): { errors: TFieldErrors; summary: TFormState['summary'] } {
  const errors: TFieldErrors = new Map()
  const summary: TFormState['summary'] = []
  const issues = Array.isArray(e.details.issues) ? (e.details.issues as { path?: string; message?: unknown }[]) : []
  const violations = Array.isArray(e.details.violations) ? (e.details.violations as { field?: string; article?: string; message: { zh: string; en: string } }[]) : []
  for (const i of issues) {
    const msg = typeof i.message === 'string' ? i.message : i.message && typeof i.message === 'object' ? pick(ctx.lang, i.message as { zh: string; en: string }) : ''
    const path = (i.path ?? '').replace(/^body\./, '')
    if (path && !errors.has(path)) errors.set(path, msg)
    summary.push({ text: path ? `${path}：${msg}` : msg, ...(path ? { href: `#${idPrefix}-f_${path.replace(/[^A-Za-z0-9_-]/g, '_')}` } : {}) })
  }
  for (const v of violations) {
    const msg = `${pick(ctx.lang, v.message)}${v.article ? `（${v.article}）` : ''}`
    if (v.field && !errors.has(v.field)) errors.set(v.field, msg)
    summary.push({ text: msg })
  }
  if (summary.length === 0) summary.push({ text: pick(ctx.lang, e.text) })
  return { errors, summary }
}

const isClientError = (e: unknown): e is AppError =>
  e instanceof AppError && ['INVALID_INPUT', 'STATUTORY_RULE_VIOLATED', 'FORBIDDEN', 'CONCURRENT_CHANGE', 'TRANSITION_NOT_ALLOWED', 'ALREADY_EXISTS', 'CASE_FACTS_MISSING'].includes(e.code)

const statusOf = (e: AppError) =>
  e.code === 'INVALID_INPUT' ? 400 : e.code === 'FORBIDDEN' ? 403 : e.code === 'STATUTORY_RULE_VIOLATED' ? 422 : 409

export function casePages(router: Router, deps: TWebDeps) {
  const show = async (req: Request, res: Response, status: number, state?: TFormState) => {
    const ctx = await webContext(deps, req, res)
    const d = await loadCase(deps, ctx, String(req.params.caseId))
    const done = typeof req.query.done === 'string' && !state ? req.query.done : undefined
    const requested = req.query.requested === 'preparationBrief' && !state
    sendPage(req, res, casePage(ctx, d, { state, done, requested }), status)
  }

  router.get('/cases/:caseId', async (req, res) => show(req, res, 200))

  router.post('/cases/:caseId/events/:type', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    checkForm(req, res)
    const principal = requireSignedIn(ctx)
    const caseId = String(req.params.caseId)
    const type = String(req.params.type)
    const option = optionOf(type)
    if (!option || SYSTEM_EVENTS.has(type)) throw new AppError('NOT_FOUND', { zh: `没有这个操作：${type}`, en: `no such action: ${type}` })
    const body = req.body as Record<string, string | string[] | undefined>
    const values = parseForm(option, body)
    const expected = Number(body.expectedRevision)
    const id = formId(type)
    const parsed = option.safeParse({ ...values, type, at: ctx.now.toISOString() }, ctx.lang === 'zh' ? { error: zhCN.localeError } : undefined)
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error.issues)
      const summary = parsed.error.issues.map((i) => {
        const path = i.path.map(String).join('.')
        return { text: `${path ? `${path}：` : ''}${i.message}`, href: `#${id}-f_${path.replace(/[^A-Za-z0-9_-]/g, '_')}` }
      })
      return show(req, res, 400, { form: id, values, errors, summary })
    }
    const { at: _at, ...event } = parsed.data as Record<string, unknown> & { type: string }
    try {
      await sendEventAs(
        deps.engine,
        principal,
        caseId,
        event as { type: string },
        Number.isInteger(expected) && expected > 0 ? expected : undefined,
        BUREAU_EVENTS.has(type) ? { alsoInTransaction: requestBureauDocument({}, deps.engine.clock) } : {},
      )
    } catch (e) {
      if (!isClientError(e)) throw e
      return show(req, res, statusOf(e), { form: id, values, ...refusal(ctx, e, id) })
    }
    redirect(res, `/cases/${caseId}?done=${encodeURIComponent(type)}`)
  })

  // The 协商准备材料 on request: one document.render for the case's latest event (src/effects/requested-documents.ts).
  router.post('/cases/:caseId/documents/preparation-brief', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    checkForm(req, res)
    const principal = requireSignedIn(ctx)
    const caseId = String(req.params.caseId)
    const { roles } = await caseAccess(deps.engine, principal, caseId)
    requireRoleOn(roles, DOCUMENT_REQUESTERS, { zh: '请求生成协商准备材料', en: 'ask for the preparation brief' })
    try {
      await requestCaseDocument(deps.engine.db, deps.engine.clock, caseId, 'preparationBrief')
    } catch (e) {
      if (!isClientError(e)) throw e
      return show(req, res, statusOf(e), { form: 'brief', values: {}, errors: new Map(), summary: [{ text: pick(ctx.lang, e.text) }] })
    }
    redirect(res, `/cases/${caseId}?requested=preparationBrief#pc-h`)
  })

  router.get('/cases/:caseId/documents/:documentId', async (req, res) => {
    const ctx = await webContext(deps, req, res)
    const principal = requireSignedIn(ctx)
    const caseId = String(req.params.caseId)
    await caseAccess(deps.engine, principal, caseId)
    const { meta, bytes } = await getDocumentContent(deps.engine.db, caseId, String(req.params.documentId), deps.documentsDir)
    sendDocument(res, meta, bytes)
  })

  // ---- congress -----------------------------------------------------------------------------------------------

  const congressAccess = async (req: Request, res: Response) => {
    const ctx = await webContext(deps, req, res)
    checkForm(req, res)
    const principal = requireSignedIn(ctx)
    const caseId = String(req.params.caseId)
    const { roles } = await caseAccess(deps.engine, principal, caseId)
    requireRoleOn(roles, CONGRESS_MANAGERS, { zh: '管理职工代表大会表决', en: 'manage the congress vote' })
    return { ctx, caseId, actor: { id: principal.user.id, role: 'unionNegotiator' as const } }
  }

  router.post('/cases/:caseId/congress/roster', async (req, res) => {
    const { ctx, caseId, actor } = await congressAccess(req, res)
    const body = req.body as Record<string, string | undefined>
    const values = { csv: body.csv ?? '' }
    let representatives: Record<string, unknown>[]
    try {
      representatives = parseRosterCsv(body.csv ?? '')
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e)
      return show(req, res, 400, { form: 'roster', values, errors: new Map(), summary: [{ text: ctx.t(`CSV 无法读取：${text}`, `The CSV cannot be read: ${text}`) }] })
    }
    const num = (v: string | undefined) => (v && v.trim() ? Number(v) : undefined)
    try {
      await deps.congress.setRoster(caseId, { body: body.body, totalSeats: num(body.totalSeats), staffCount: num(body.staffCount), representatives }, actor)
    } catch (e) {
      if (!isClientError(e)) throw e
      const r = refusal(ctx, e, 'roster')
      // representatives.N.field → the CSV line (header is line 1).
      const summary = r.summary.map((s) => ({ text: s.text.replace(/representatives\.(\d+)\.?/g, (_m, n: string) => ctx.t(`第${Number(n) + 2}行 `, `line ${Number(n) + 2} `)) }))
      return show(req, res, statusOf(e), { form: 'roster', values, errors: new Map(), summary })
    }
    redirect(res, `/cases/${caseId}#cg-h`)
  })

  router.post('/cases/:caseId/congress/convene', async (req, res) => {
    const { ctx, caseId, actor } = await congressAccess(req, res)
    const values = parseForm(ZConveneInputSchema, req.body as Record<string, string>)
    const parsed = ZConveneInputSchema.safeParse(values, ctx.lang === 'zh' ? { error: zhCN.localeError } : undefined)
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error.issues)
      const summary = parsed.error.issues.map((i) => ({ text: `${i.path.map(String).join('.')}：${i.message}` }))
      return show(req, res, 400, { form: 'convene', values, errors, summary })
    }
    let convened
    try {
      convened = await deps.congress.convene(caseId, values, actor)
    } catch (e) {
      if (!isClientError(e)) throw e
      return show(req, res, statusOf(e), { form: 'convene', values, ...refusal(ctx, e, 'convene') })
    }
    const origin = `${req.protocol}://${req.get('host')}`
    sendPage(req, res, credentialsPage(ctx, caseId, convened.session, convened.credentials, convened.emailed, convened.warnings.map((w) => `${pick(ctx.lang, w.message)}（${w.article}）`), origin))
  })

  router.post('/cases/:caseId/congress/:sessionId/close', async (req, res) => {
    const { ctx, caseId, actor } = await congressAccess(req, res)
    const session = await deps.congress.getSession(String(req.params.sessionId))
    if (session.caseId !== caseId) throw new AppError('NOT_FOUND', { zh: '表决会议不存在', en: 'no such session' })
    try {
      await deps.congress.closeSession(session.id, actor)
    } catch (e) {
      if (!isClientError(e)) throw e
      return show(req, res, statusOf(e), { form: 'close', values: {}, errors: new Map(), summary: refusal(ctx, e, 'close').summary })
    }
    redirect(res, `/cases/${caseId}#cg-h`)
  })
}

export function sendDocument(res: Response, meta: TDocumentMeta, bytes: Buffer) {
  const ext = meta.mediaType === 'application/pdf' ? '.pdf' : ''
  const name = `${meta.title}${ext}`.replace(/[\r\n"\\/]/g, '_')
  res
    .status(200)
    .set({
      'Content-Type': meta.mediaType,
      'Content-Disposition': `inline; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-SHA256': meta.sha256,
      'Cache-Control': 'private, no-store',
    })
    .send(bytes)
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓'])

/** 姓名,单位,电子邮箱,电话,一线职工,管理人员,女职工 (a header row; columns by position). */
export function parseRosterCsv(text: string): Record<string, unknown>[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][]
  return rows.slice(1).map(([name, unit, email, phone, frontLine, manager, woman]) => ({
    name,
    unit,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    isFrontLine: YES.has((frontLine ?? '').toLowerCase()),
    isManager: YES.has((manager ?? '').toLowerCase()),
    isWoman: YES.has((woman ?? '').toLowerCase()),
  }))
}

function credentialsPage(
  ctx: TWebCtx,
  caseId: string,
  s: TSessionView,
  credentials: { name: string; token: string; code: string }[],
  emailed: number,
  warnings: string[],
  origin: string,
): string {
  const { t, lang } = ctx
  return page(ctx, {
    title: t('投票凭证', 'Voting credentials'),
    flash: { kind: 'ok', text: t('表决会议已召集。以下凭证只显示这一次，请立即打印或分发。', 'The session is convened. These credentials are shown only once: print or hand them out now.') },
    body: html`
      ${facts([
        [t('会议', 'Session'), s.name],
        [t('投票时间', 'Voting window'), `${fmtDateTime(lang, s.opensAt)} – ${fmtDateTime(lang, s.closesAt)}`],
        [t('已通过邮件发送', 'Sent by e-mail'), emailed ? String(emailed) : undefined],
      ])}
      ${warnings.length ? html`<ul class="warnings">${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
      <div class="table-wrap"><table class="credentials"><caption>${t(`投票凭证（${credentials.length} 份）`, `Credentials (${credentials.length})`)}</caption>
        <thead><tr><th scope="col">${t('职工代表', 'Representative')}</th><th scope="col">${t('凭证码（纸质投票或手工输入）', 'Code (paper or typed)')}</th><th scope="col">${t('投票链接', 'Voting link')}</th></tr></thead>
        <tbody>${credentials.map(
          (c) => html`<tr><th scope="row">${c.name}</th><td><code class="code">${c.code}</code></td><td><a class="vote-link" href="${origin}/vote/${s.id}#${c.token}">${origin}/vote/${s.id}#${c.token.slice(0, 6)}…</a></td></tr>`,
        )}</tbody></table></div>
      <p><a href="/cases/${caseId}#cg-h">${t('返回案件', 'Back to the case')}</a></p>`,
  })
}


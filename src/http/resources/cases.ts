/**
 * /cases: open a case for an enterprise, read it (state, the events allowed now, deadlines with their
 * explanations, documents, revision), list and filter, send events (generic and resource-style aliases), read the
 * hash-chained log, verify its integrity. Every route checks the case itself: no role on it → 404.
 */
import { z, type ZodObject } from 'zod'
import { ZNegotiationEventSchema } from '../../../workflows/negotiation/events.js'
import { negotiationPolicy, type TSenderConstraint } from '../../../workflows/negotiation/policy.js'
import { rulePacks } from '../../../workflows/rules/jurisdictions/index.js'
import { ZCaseKindSchema } from '../../../workflows/rules/jurisdictions/types.js'
import { caseAccess, enterpriseAccess, permittedEvents, readCaseAs, requireRoleOn, sendEventAs } from '../../auth/case-access.js'
import { scopeOf, type TUserRole } from '../../auth/principal.js'
import type { TApplied } from '../../engine/apply-transition.js'
import { caseStateNames, listCases } from '../../engine/list-cases.js'
import { getCaseEvents } from '../../engine/queries.js'
import { verifyCase } from '../../engine/verify.js'
import { AppError, type TBilingual } from '../../errors/app-error.js'
import type { TAdd, TResult, THandlerContext } from '../route.js'
import { ZAppliedSchema, ZDeadlineSchema, ZPagingQuery, ZQueryBoolSchema, ZRegionCodeSchema, ZUuidLikeSchema, page } from '../schemas.js'
import { invalidInput } from '../validation.js'
import { nowIso, type TResource, type TServices } from '../services.js'

export const ZCaseParams = z.strictObject({ caseId: ZUuidLikeSchema })

const jurisdictions = Object.keys(rulePacks) as [string, ...string[]]
const ZJurisdictionSchema = z.enum(jurisdictions)

const ZCaseDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
})

const ZCaseViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  kind: z.string(),
  jurisdiction: z.string(),
  machine: z.object({ id: z.string(), version: z.number().int() }),
  state: z.unknown(),
  status: z.string(),
  tags: z.array(z.string()),
  revision: z.number().int(),
  context: z.unknown().describe('the negotiation record; null for worker representatives'),
  allowedEvents: z.array(z.string()).describe('events the case accepts in its state'),
  permittedEvents: z.array(z.string()).describe('of those, the events the caller’s roles may send'),
  deadlines: z.array(ZDeadlineSchema),
  documents: z.array(ZCaseDocumentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const ZCaseListItemSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  kind: z.string(),
  jurisdiction: z.string(),
  state: z.unknown(),
  status: z.string(),
  revision: z.number().int(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const ZCaseEventSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  payload: z.unknown(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  occurredAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
})

const ZExpectedRevision = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('refuse (409 CONCURRENT_CHANGE) unless the case is at this revision; also accepted as If-Match: "<revision>"')

// ---- Event bodies, derived from the machine's event union (it grows: nothing here lists the events by hand) ----

type TEventOption = ZodObject
const eventOptions = ZNegotiationEventSchema.options as unknown as readonly TEventOption[]
const typeOf = (o: TEventOption) => (o.shape.type as z.ZodLiteral<string>).value

/**
 * A request body from an event schema: `at` is the server's (refused if sent), `expectedRevision` is added, unknown
 * fields are refused. safeExtend keeps the schema's own refinements (omit/extend refuse refined objects).
 */
const requestBodyOf = (o: TEventOption, type?: z.ZodType) =>
  o.safeExtend({ at: z.never().optional(), expectedRevision: ZExpectedRevision, ...(type ? { type } : {}) }).strict()

/** POST /cases/:id/events: one event `{ type, ...payload }`, `at` stamped by the server. */
const ZSendEventBodySchema = z.discriminatedUnion(
  'type',
  eventOptions.map((o) => requestBodyOf(o)) as unknown as [TEventOption, ...TEventOption[]],
)

/**
 * Resource-style paths of the events (thin aliases of POST /cases/:id/events). An event type without an entry
 * here gets /cases/:id/actions/<type>.
 */
export const eventAliases: Readonly<Record<string, { path: string; summary: TBilingual }>> = {
  'request.sent': { path: '/request', summary: { zh: '发出协商要约', en: 'Send the negotiation request' } },
  'request.received': { path: '/request/receipt', summary: { zh: '登记要约送达', en: 'Record receipt of the request' } },
  'request.answered': { path: '/request/answer', summary: { zh: '书面答复要约（同意协商）', en: 'Answer the request (agree to negotiate)' } },
  'request.refused': { path: '/request/refusal', summary: { zh: '拒绝要约（须说明理由）', en: 'Refuse the request (with a reason)' } },
  'request.withdrawn': { path: '/request/withdrawal', summary: { zh: '撤回要约', en: 'Withdraw the request' } },
  'intervention.requested': { path: '/intervention', summary: { zh: '请求劳动保障行政部门介入', en: 'Ask the bureau to intervene' } },
  'team.appointed': { path: '/teams', summary: { zh: '确定本方协商代表', en: 'Appoint a side’s negotiators' } },
  'recorder.appointed': { path: '/recorder', summary: { zh: '共同指定记录员', en: 'Appoint the recorder' } },
  'member.vacated': { path: '/teams/vacancies', summary: { zh: '协商代表出缺', en: 'Record a negotiator vacancy' } },
  'vacancy.filled': { path: '/teams/members', summary: { zh: '补充协商代表', en: 'Fill a negotiator vacancy' } },
  'opinions.collected': { path: '/opinions', summary: { zh: '登记征集的意见', en: 'Record collected opinions' } },
  'preparation.figuresRecorded': { path: '/figures', summary: { zh: '登记企业和地区工资数据', en: 'Record enterprise and regional wage figures' } },
  'agenda.drafted': { path: '/agenda', summary: { zh: '拟定协商议题', en: 'Draft the agenda' } },
  'meeting.scheduled': { path: '/meetings', summary: { zh: '确定协商时间地点', en: 'Schedule the meeting' } },
  'information.requested': { path: '/information-requests', summary: { zh: '要求提供相关资料', en: 'Request information' } },
  'information.supplied': { path: '/information', summary: { zh: '提供相关资料', en: 'Supply information' } },
  'round.held': { path: '/rounds', summary: { zh: '登记协商会议及纪要', en: 'Record a negotiation round and its minutes' } },
  'negotiation.suspended': { path: '/suspension', summary: { zh: '中止协商', en: 'Suspend the negotiation' } },
  'negotiation.resumed': { path: '/resumption', summary: { zh: '恢复协商', en: 'Resume the negotiation' } },
  'coordination.requested': { path: '/coordination', summary: { zh: '申请协调处理', en: 'Apply for coordination' } },
  'coordination.accepted': { path: '/coordination/acceptance', summary: { zh: '受理协调处理', en: 'Accept the coordination' } },
  'coordination.extended': { path: '/coordination/extension', summary: { zh: '延长协调期限', en: 'Extend the coordination' } },
  'coordination.agreed': { path: '/coordination/agreement', summary: { zh: '达成协调处理协议书', en: 'Record the coordination agreement' } },
  'coordination.failed': { path: '/coordination/failure', summary: { zh: '协调未果', en: 'Record failed coordination' } },
  'draft.agreed': { path: '/drafts', summary: { zh: '形成合同草案', en: 'Record the agreed draft' } },
  'agreement.signed': { path: '/signing', summary: { zh: '首席代表签字', en: 'Record the signing' } },
  'agreement.filed': { path: '/filing', summary: { zh: '报送备案', en: 'File the agreement with the bureau' } },
  'filing.registered': { path: '/filing/registration', summary: { zh: '登记收到报送文本', en: 'Register receipt of the filing' } },
  'correction.requested': { path: '/filing/correction-request', summary: { zh: '要求补正材料', en: 'Request corrections to the filing' } },
  'correction.supplied': { path: '/filing/correction', summary: { zh: '补正报送材料', en: 'Supply corrections to the filing' } },
  'review.objected': { path: '/review/objection', summary: { zh: '出具审查意见书（有异议）', en: 'Issue a review opinion with objections' } },
  'review.approved': { path: '/review/approval', summary: { zh: '出具审查意见书（无异议）', en: 'Issue a review opinion without objection' } },
  'agreement.published': { path: '/publication', summary: { zh: '向本方全体人员公布', en: 'Record publication to one side' } },
  'renewal.requested': { path: '/renewal', summary: { zh: '提出续订', en: 'Request renewal' } },
  'amendment.requested': { path: '/amendment', summary: { zh: '提出变更', en: 'Request an amendment' } },
  'termination.requested': { path: '/termination', summary: { zh: '提出解除', en: 'Request termination' } },
  'agreement.ended': { path: '/end', summary: { zh: '登记合同终止', en: 'Record the end of the agreement' } },
}

/** Events only the system sends (deadline.elapsed, the congress module's certified result) get no alias. */
const systemOnly = (type: string) => {
  const entry = Object.hasOwn(negotiationPolicy, type) ? negotiationPolicy[type as keyof typeof negotiationPolicy] : undefined
  return entry !== undefined && entry.roles.every((r) => r === 'system')
}

const eventErrors = [403, 404, 409, 422] as const

/** The expected revision from the body or an If-Match header ("3", W/"3" or 3); both must agree. */
function expectedRevisionOf(ctx: THandlerContext, fromBody: number | undefined): number | undefined {
  const header = ctx.req.get('if-match')
  if (header === undefined) return fromBody
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
  const fromHeader = m ? Number(m[1]) : NaN
  if (!Number.isInteger(fromHeader) || fromHeader < 1) {
    throw invalidInput([{ path: 'headers.if-match', code: 'invalid_format', message: { zh: '应为 "<版本号>"', en: 'expected "<revision>"' } }])
  }
  if (fromBody !== undefined && fromBody !== fromHeader) {
    throw invalidInput([
      {
        path: 'body.expectedRevision',
        code: 'custom',
        message: { zh: '与 If-Match 请求头不一致', en: 'differs from the If-Match header' },
      },
    ])
  }
  return fromHeader
}

const appliedResult = (a: TApplied): TResult => ({ status: 201, body: a, headers: { ETag: `"${a.revision}"` } })

async function sendEvent(
  s: TServices,
  ctx: THandlerContext,
  caseId: string,
  body: { type: string; expectedRevision?: number; [k: string]: unknown },
): Promise<TResult> {
  const { expectedRevision: fromBody, ...event } = body
  const expected = expectedRevisionOf(ctx, fromBody)
  try {
    const applied = await sendEventAs(s.engine, ctx.principal, caseId, event as typeof body, expected, ctx.idempotent(appliedResult))
    return appliedResult(applied)
  } catch (e) {
    // The engine validates the event again (with its time); its field paths are relative to the body.
    if (e instanceof AppError && e.code === 'INVALID_INPUT' && Array.isArray(e.details.issues)) {
      const issues = (e.details.issues as { path: string }[]).map((i) => ({ ...i, path: i.path ? `body.${i.path}` : 'body' }))
      throw new AppError('INVALID_INPUT', e.text, { ...e.details, issues })
    }
    throw e
  }
}

const CASE_OPENERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'admin']

/**
 * The negotiation record (the case context and the event log) is for the parties, the bureau and admins. Worker
 * representatives take part through the congress (issue 6: "their congress and ballot only"): they see a case's
 * state, deadlines and documents.
 */
const CASE_RECORD_READERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'bureauReviewer', 'admin']
const isRepresentativeOnly = (roles: readonly TUserRole[]) => !roles.some((r) => CASE_RECORD_READERS.includes(r))

export const casesResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/cases',
    operationId: 'listCases',
    tag: 'cases',
    summary: { zh: '案件列表（按权限范围）', en: 'List cases (within your scope)' },
    description: {
      zh: 'overdue=true：有已过期未处理的期限，或处于逾期状态（如要约逾期未答复）。regionCode 包含下级区划。',
      en: 'overdue=true: a pending deadline is past due, or the state is tagged overdue (e.g. no reply to the request). regionCode includes sub-regions.',
    },
    access: 'signedIn',
    query: z.strictObject({
      state: z.enum(caseStateNames as [string, ...string[]]).optional(),
      status: z.enum(['active', 'done', 'error']).optional(),
      kind: ZCaseKindSchema.optional(),
      jurisdiction: ZJurisdictionSchema.optional(),
      enterpriseId: ZUuidLikeSchema.optional(),
      regionCode: ZRegionCodeSchema.optional(),
      overdue: ZQueryBoolSchema.optional(),
      ...ZPagingQuery,
    }),
    responses: { 200: { description: { zh: '案件', en: 'Cases' }, schema: page(ZCaseListItemSchema) } },
    handler: async ({ query }, { principal }) => ({
      status: 200,
      body: await listCases(s.engine.db, scopeOf(principal), query, nowIso(s)),
    }),
  })

  add({
    method: 'post',
    path: '/cases',
    operationId: 'openCase',
    tag: 'cases',
    summary: { zh: '为企业立案（开始一轮协商）', en: 'Open a case for an enterprise' },
    description: {
      zh: '职工方随企业是否建立工会确定（劳动合同法第五十一条）。本企业的协商代表或管理员可立案。',
      en: 'The worker side follows whether the enterprise has a union (LCL 51). Negotiators of the enterprise or admins open cases.',
    },
    access: CASE_OPENERS,
    body: z.strictObject({ enterpriseId: ZUuidLikeSchema, kind: ZCaseKindSchema, jurisdiction: ZJurisdictionSchema }),
    responses: {
      201: {
        description: { zh: '已立案', en: 'Opened' },
        schema: ZAppliedSchema,
        headers: { Location: { zh: '案件地址', en: 'the case' }, ETag: { zh: '版本号', en: 'the revision' } },
      },
    },
    errors: [403, 404],
    handler: async ({ body }, ctx) => {
      const { roles } = await enterpriseAccess(s.engine, ctx.principal, body.enterpriseId)
      requireRoleOn(roles, CASE_OPENERS, { zh: '为该企业立案', en: 'open a case for this enterprise' })
      const role = CASE_OPENERS.find((r) => roles.includes(r))!
      const respond = (a: TApplied): TResult => ({
        status: 201,
        body: a,
        headers: { Location: `/api/v1/cases/${a.caseId}`, ETag: `"${a.revision}"` },
      })
      const applied = await s.engine.openCase(body, { id: ctx.principal.user.id, role }, ctx.idempotent(respond))
      return respond(applied)
    },
  })

  add({
    method: 'get',
    path: '/cases/:caseId',
    operationId: 'getCase',
    tag: 'cases',
    summary: { zh: '案件详情', en: 'Get a case' },
    description: {
      zh: '状态、当前可接受的事件（及本人可发送的事件）、待到期期限及其计算说明、文件、版本号（ETag）。',
      en: 'State, the events accepted now (and those you may send), pending deadlines with explanations, documents, revision (ETag).',
    },
    access: 'signedIn',
    params: ZCaseParams,
    responses: { 200: { description: { zh: '案件', en: 'The case' }, schema: ZCaseViewSchema, headers: { ETag: { zh: '版本号', en: 'the revision' } } } },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      const { scope, roles, view } = await readCaseAs(s.engine, principal, params.caseId)
      return {
        status: 200,
        headers: { ETag: `"${view.revision}"` },
        body: {
          ...view,
          // Worker representatives follow the case (state, deadlines, documents) but not the negotiation record.
          context: isRepresentativeOnly(roles) ? null : view.context,
          enterpriseName: scope.enterpriseName,
          regionCode: scope.regionCode,
          permittedEvents: permittedEvents(view, roles, principal.user.id),
        },
      }
    },
  })

  add({
    method: 'get',
    path: '/cases/:caseId/events',
    operationId: 'getCaseEvents',
    tag: 'cases',
    summary: { zh: '案件事件记录（哈希链）', en: 'The case’s event log (hash chain)' },
    description: { zh: '协商双方、劳动保障行政部门和管理员可查看；职工代表不可。', en: 'For the parties, the bureau and admins; not for worker representatives.' },
    access: 'signedIn',
    params: ZCaseParams,
    responses: { 200: { description: { zh: '事件，按序号', en: 'Events by sequence number' }, schema: z.object({ items: z.array(ZCaseEventSchema) }) } },
    errors: [403, 404],
    handler: async ({ params }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, CASE_RECORD_READERS, { zh: '查看协商记录', en: 'read the negotiation record' })
      return { status: 200, body: { items: await getCaseEvents(s.engine.db, params.caseId) } }
    },
  })

  add({
    method: 'post',
    path: '/cases/:caseId/events',
    operationId: 'sendCaseEvent',
    tag: 'cases',
    summary: { zh: '发送一个案件事件', en: 'Send one event to a case' },
    description: {
      zh: '正文为 { type, ...内容 }，时间由服务器记录。当前状态不接受时返回 409 并列出可接受的事件；违反法定规则时返回 422 并注明条款；角色或一方不符时返回 403。',
      en: 'Body { type, ...payload }; the server stamps the time. 409 lists the allowed events when the state does not accept it; 422 names the article of a statutory rule it breaks; 403 when your role or side may not send it.',
    },
    access: 'signedIn',
    params: ZCaseParams,
    body: ZSendEventBodySchema,
    responses: { 201: { description: { zh: '已记录', en: 'Recorded' }, schema: ZAppliedSchema, headers: { ETag: { zh: '新版本号', en: 'the new revision' } } } },
    errors: eventErrors,
    handler: async ({ params, body }, ctx) => sendEvent(s, ctx, params.caseId, body as Parameters<typeof sendEvent>[3]),
  })

  add({
    method: 'get',
    path: '/cases/:caseId/verify',
    operationId: 'verifyCase',
    tag: 'cases',
    summary: { zh: '校验案件完整性', en: 'Verify a case’s integrity' },
    description: {
      zh: '哈希链、序号连续、快照与事件重放一致、文件 SHA-256。限管理员和辖区劳动保障行政部门。',
      en: 'Hash chain, no gaps, snapshot equals the replay, document SHA-256. Admins and the bureau of the region.',
    },
    access: ['admin', 'bureauReviewer'],
    params: ZCaseParams,
    responses: {
      200: {
        description: { zh: '发现的问题（为空表示完整）', en: 'Problems found (none: intact)' },
        schema: z.object({
          caseId: z.string(),
          ok: z.boolean(),
          problems: z.array(z.object({ table: z.string(), key: z.string(), problem: z.string() })),
        }),
      },
    },
    errors: [403, 404],
    handler: async ({ params }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, ['admin', 'bureauReviewer'], { zh: '校验此案件', en: 'verify this case' })
      const problems = await verifyCase(s.engine.db, params.caseId)
      return { status: 200, body: { caseId: params.caseId, ok: problems.length === 0, problems } }
    },
  })

  registerEventAliases(add, s)
}

const CONSTRAINT_TEXT: Record<TSenderConstraint['kind'], TBilingual> = {
  ownSide: { zh: '事件中的一方须为发送者本方', en: 'the side named in the event must be the sender’s' },
  requestingSide: { zh: '须为提出要约的一方', en: 'the requesting side' },
  respondingSide: { zh: '须为收到要约的一方', en: 'the side that received the request' },
  employerSide: { zh: '须为用人单位一方', en: 'the employer side' },
  chief: { zh: '须为本方首席代表（团队成员 id 为其账号 id）', en: 'the side’s chief negotiator (the team member whose id is their account id)' },
}

/** Who may send an event (workflows/negotiation/policy.ts), for the documentation of its alias. */
function aliasDescription(type: string): TBilingual {
  const entry = Object.hasOwn(negotiationPolicy, type) ? negotiationPolicy[type as keyof typeof negotiationPolicy] : undefined
  const same = { zh: `等同于 POST /cases/{caseId}/events，type 为 ${type}。`, en: `Same as POST /cases/{caseId}/events with type ${type}.` }
  if (!entry) return same
  const constraints = entry.constraints.map((c) => CONSTRAINT_TEXT[c.kind])
  return {
    zh: `${same.zh}发送者：${entry.roles.join('、')}${constraints.length ? `（${constraints.map((c) => c.zh).join('；')}）` : ''}。${entry.note.zh}（${entry.article}）`,
    en: `${same.en} Sender: ${entry.roles.join(', ')}${constraints.length ? ` (${constraints.map((c) => c.en).join('; ')})` : ''}. ${entry.note.en} (${entry.article})`,
  }
}

/** One POST route per event type users send, e.g. POST /cases/:caseId/rounds → round.held. */
function registerEventAliases(add: TAdd, s: TServices) {
  for (const option of eventOptions) {
    const type = typeOf(option)
    if (systemOnly(type)) continue
    const alias = eventAliases[type] ?? {
      path: `/actions/${type}`,
      summary: { zh: `发送事件 ${type}`, en: `Send event ${type}` },
    }
    // The path names the event: `type` may be left out (or must be this one).
    const body = requestBodyOf(option, z.literal(type).optional())
    add({
      method: 'post',
      path: `/cases/:caseId${alias.path}`,
      operationId: `event_${type.replace(/\.(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      tag: 'case steps',
      summary: alias.summary,
      description: aliasDescription(type),
      access: 'signedIn',
      params: ZCaseParams,
      body,
      responses: { 201: { description: { zh: '已记录', en: 'Recorded' }, schema: ZAppliedSchema } },
      errors: eventErrors,
      handler: async ({ params, body: payload }, ctx) =>
        sendEvent(s, ctx, params.caseId, { ...(payload as Record<string, unknown>), type } as Parameters<typeof sendEvent>[3]),
    })
  }
}

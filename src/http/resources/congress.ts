/**
 * The workers' congress vote (issue 4) over HTTP: the roster of a case, sessions (convene, read, close, certify,
 * remind, cancel, reissue a credential), attendance and paper ballots by the session's officers, the result, and
 * — on a router that never authenticates an account — the ballot holder's routes: the ballot page, online
 * sign-in, the ballot itself and receipt verification.
 *
 * Who may do what (every check on the object: no role on the case and no office in the session → 404):
 *   roster            set: union negotiators of the enterprise and admins; read: the parties, the bureau, admins
 *   convene           union negotiators of the enterprise (the response carries the credentials, once)
 *   session, result   anyone with a role on the case, and the session's tellers and scrutineers
 *   attendance, paper ballots, paper tally   a teller (计票人) of the session, as a signed-in user
 *   paper tally confirmation                 a scrutineer (监票人) of the session, not the teller who entered it
 *   close, certify, remind, cancel           union negotiators of the enterprise and admins
 *   reissue a credential                     union negotiators of the enterprise
 *   ballot page, sign-in, ballot             the holder of a voting credential: `Authorization: Ballot <credential>`
 *   receipt verification                     anyone (a receipt code says whether it is counted, never a choice)
 *
 * The ballot credential travels in the Authorization header (scheme `Ballot`), not in the body or the URL:
 *   - one transport for the three ballot routes, the GET of the ballot page included (a GET has no body, and a
 *     query string ends up in proxy logs and browser history);
 *   - Authorization is the header proxies, APM agents and loggers redact by default, and shared caches never store
 *     a response to a request that carries it (RFC 9111 §3.5); the body then holds only the choices;
 *   - the ballot routes sit on their own router, before account authentication, so a session cookie or API token
 *     sent along is never resolved: the ballot is not tied to an account, gets no idempotency record (the request
 *     hash would cover the choices, the stored response the receipt) and is not CSRF-checked as a session
 *     (a cross-site form cannot set Authorization).
 * Nothing of a ballot request is logged: the request log has method, path and status only (src/http/app.ts), and
 * an unexpected failure is logged as a generic error, never with the database error's text.
 */
import type { Request } from 'express'
import { z } from 'zod'
import { caseAccess, requireRoleOn } from '../../auth/case-access.js'
import { rolesOn, type TPrincipal, type TUserRole } from '../../auth/principal.js'
import type { TActor } from '../../engine/actor.js'
import { getCaseScope } from '../../engine/case-scope.js'
import type { TSessionView } from '../../congress/index.js'
import { ZBallotInputSchema, ZConveneInputSchema, ZPaperTallyInputSchema, ZRosterInputSchema } from '../../congress/types.js'
import { AppError, httpStatusOf } from '../../errors/app-error.js'
import { ZBilingualSchema, ZUuidLikeSchema } from '../schemas.js'
import type { TResource, TServices } from '../services.js'
import { ZCaseParams } from './cases.js'

// ---- Schemas of the responses (src/congress/types.ts) -----------------------------------------------------------

const ZCountsSchema = z.object({ agree: z.number().int(), disagree: z.number().int(), abstain: z.number().int() })

const ZVoteCheckSchema = z.object({
  ok: z.boolean(),
  article: z.string(),
  required: z.number().int(),
  actual: z.number().int(),
  explanation: ZBilingualSchema,
})

const ZOfficerViewSchema = z.object({ name: z.string(), userId: z.string().optional(), representativeId: z.string().optional() })
const ZItemViewSchema = z.object({ id: z.string(), title: z.string(), candidates: z.array(z.string()).optional() })
const ZBodyKindSchema = z.enum(['workersCongress', 'allStaffAssembly'])

const ZCongressResultSchema = z.object({
  body: ZBodyKindSchema,
  totalSeats: z.number().int(),
  present: z.number().int(),
  quorum: ZVoteCheckSchema,
  quorate: z.boolean(),
  thresholdRule: z.enum(['atLeastHalf', 'moreThanHalf']),
  quorumRule: z.enum(['twoThirds', 'none']),
  quorumArticle: z.string(),
  thresholdArticle: z.string(),
  items: z.array(
    ZCountsSchema.extend({
      itemId: z.string(),
      title: z.string(),
      notCounted: z.number().int(),
      online: ZCountsSchema,
      paper: ZCountsSchema,
      threshold: ZVoteCheckSchema,
      passed: z.boolean(),
    }),
  ),
  passed: z.boolean(),
  decisiveItemId: z.string(),
  ballotsOnline: z.number().int(),
  ballotsPaper: z.number().int(),
  receiptHashes: z.array(z.string()).describe('SHA-256 of every online receipt code, sorted'),
  computedAt: z.string(),
})

const ZTurnoutSchema = z
  .object({
    credentials: z.number().int(),
    present: z.number().int(),
    votedOnline: z.number().int(),
    votedPaper: z.number().int(),
    notVoted: z.number().int(),
  })
  .describe('participation only, never choices')

const ZSessionViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(['open', 'closed', 'certified', 'cancelled']),
  name: z.string(),
  body: ZBodyKindSchema,
  totalSeats: z.number().int(),
  jurisdiction: z.string(),
  heldOn: z.string(),
  place: z.string(),
  online: z.boolean(),
  opensAt: z.string(),
  closesAt: z.string(),
  documentSha256: z.string(),
  draftVersion: z.number().int().nullable(),
  items: z.array(ZItemViewSchema),
  scrutineers: z.array(ZOfficerViewSchema),
  tellers: z.array(ZOfficerViewSchema),
  presiding: z.string().nullable(),
  reminderAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.enum(['window', 'explicit', 'allVoted']).nullable(),
  turnout: ZTurnoutSchema,
  awaitingPaperTally: z.boolean(),
  paperTally: z
    .object({
      ballotsCollected: z.number().int(),
      items: z.array(ZCountsSchema.extend({ itemId: z.string() })),
      enteredBy: z.string(),
      enteredAt: z.string(),
      confirmedBy: z.string().nullable(),
      confirmedAt: z.string().nullable(),
    })
    .nullable(),
  result: ZCongressResultSchema.nullable().describe('null until the tally (counts are never shown before the close)'),
  certification: z.object({
    status: z.enum(['notYet', 'certified', 'refused']),
    certifiedAt: z.string().nullable(),
    caseSeq: z.number().int().nullable(),
    error: z.object({ code: z.string(), message: ZBilingualSchema, details: z.unknown().optional() }).nullable(),
  }),
})

const ZWarningSchema = z.object({
  code: z.string(),
  article: z.string(),
  field: z.string().optional(),
  unverified: z.boolean().optional(),
  message: ZBilingualSchema,
})

const ZRepresentativeViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isFrontLine: z.boolean(),
  isManager: z.boolean(),
  isWoman: z.boolean(),
  active: z.boolean(),
})

const ZRosterViewSchema = z.object({
  caseId: z.string(),
  jurisdiction: z.string(),
  body: ZBodyKindSchema,
  totalSeats: z.number().int(),
  staffCount: z.number().int().nullable(),
  womenStaffCount: z.number().int().nullable(),
  representatives: z.array(ZRepresentativeViewSchema),
  composition: z.object({
    active: z.number().int(),
    vacantSeats: z.number().int(),
    managers: z.number().int(),
    women: z.number().int(),
    frontLine: z.number().int(),
  }),
  warnings: z.array(ZWarningSchema).describe('composition rules the roster does not meet: guidance, never a refusal'),
  updatedAt: z.string(),
})

const ZIssuedCredentialSchema = z.object({
  representativeId: z.string(),
  name: z.string(),
  token: z.string().describe('for a link (base64url); put it in the URL fragment, never in a query string'),
  code: z.string().describe('the same credential for paper: Crockford base32 in groups of four'),
})

const ZBallotPageSchema = z.object({
  session: z.object({
    id: z.string(),
    name: z.string(),
    body: ZBodyKindSchema,
    heldOn: z.string(),
    place: z.string(),
    online: z.boolean(),
    opensAt: z.string(),
    closesAt: z.string(),
    documentSha256: z.string(),
    status: z.enum(['open', 'closed', 'certified', 'cancelled']),
    items: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
  representative: z.object({ name: z.string() }),
  window: z.enum(['notOpenYet', 'open', 'closed']),
  present: z.boolean(),
  usedVia: z.enum(['online', 'paper']).nullable(),
})

// ---- Inputs -----------------------------------------------------------------------------------------------------

const ZSessionParams = z.strictObject({ sessionId: ZUuidLikeSchema })
const ZRepresentativeId = z.string().min(1).max(100)

// ---- Helpers ----------------------------------------------------------------------------------------------------

const MANAGERS: readonly TUserRole[] = ['unionNegotiator', 'admin']
const CONVENERS: readonly TUserRole[] = ['unionNegotiator']
const ROSTER_READERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'bureauReviewer', 'admin']

/** Exactly what the congress answers for a session that does not exist (existence does not leak). */
const sessionNotFound = (sessionId: string) =>
  new AppError(
    'NOT_FOUND',
    { zh: `表决会议不存在：${sessionId}`, en: `congress session not found: ${sessionId}` },
    { reason: 'SESSION_NOT_FOUND', sessionId },
  )

/** The caller as the congress records them: their role on the case (the preferred one first), else any role. */
function actorOf(p: TPrincipal, roles: readonly TUserRole[], preferred: readonly TUserRole[] = []): TActor {
  const role = preferred.find((r) => roles.includes(r)) ?? roles[0] ?? p.memberships[0]?.role ?? 'workerRepresentative'
  return { id: p.user.id, role }
}

/**
 * Runs a congress command; its field errors name body fields (`choices.0.itemId` → `body.choices.0.itemId`), like
 * those of the route's own validation.
 */
async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT' && Array.isArray(e.details.issues)) {
      const issues = (e.details.issues as { path?: string }[]).map((i) => ({
        ...i,
        path: !i.path || i.path === '(root)' ? 'body' : `body.${i.path}`,
      }))
      throw new AppError('INVALID_INPUT', e.text, { ...e.details, issues })
    }
    throw e
  }
}

/**
 * A session the caller may see: they hold a role on its case, or are one of its tellers or scrutineers (who need
 * no role on the enterprise). Otherwise NOT_FOUND, as for a session that does not exist.
 */
async function sessionAccess(s: TServices, p: TPrincipal, sessionId: string) {
  let view: TSessionView
  try {
    view = await s.congress.getSession(sessionId)
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw sessionNotFound(sessionId)
    throw e
  }
  const roles = rolesOn(p, await getCaseScope(s.engine.db, view.caseId))
  const isTeller = view.tellers.some((o) => o.userId === p.user.id)
  const isScrutineer = view.scrutineers.some((o) => o.userId === p.user.id)
  if (roles.length === 0 && !isTeller && !isScrutineer) throw sessionNotFound(sessionId)
  return { view, roles }
}

const BALLOT_SCHEME = /^Ballot +(\S{1,200})$/i

/** The voting credential of a ballot request (`Authorization: Ballot <credential>`). */
function credentialOf(req: Request): string {
  const m = BALLOT_SCHEME.exec(req.get('authorization')?.trim() ?? '')
  if (!m) {
    throw new AppError(
      'UNAUTHENTICATED',
      {
        zh: '请提供投票凭证（请求头 Authorization: Ballot <凭证>）',
        en: 'give the voting credential (header Authorization: Ballot <credential>)',
      },
      { reason: 'CREDENTIAL_MISSING' },
    )
  }
  return m[1]!
}

/**
 * Ballot routes: a refusal passes as it is; anything unexpected becomes a generic internal error, so the error log
 * never carries a database message that could quote a ballot's values.
 */
async function ballotCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await command(run)
  } catch (e) {
    if (e instanceof AppError && httpStatusOf(e.code) < 500) throw e
    throw new AppError(
      'INTERNAL',
      { zh: '选票未能记录，请重试', en: 'the ballot could not be recorded; try again' },
      { reason: 'BALLOT_NOT_RECORDED', cause: e instanceof Error ? e.name : typeof e },
    )
  }
}

const sessionResult = (view: TSessionView) => ({ status: 200, body: view })

// ---- Routes of signed-in users -----------------------------------------------------------------------------------

export const congressResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/cases/:caseId/congress/roster',
    operationId: 'getCongressRoster',
    tag: 'congress',
    summary: { zh: '职工代表名单', en: 'The congress roster of a case' },
    description: {
      zh: '代表（姓名、单位、联系方式、一线/管理人员/女职工标记）、总名额与构成提示（注明条款）。协商双方、劳动保障行政部门和管理员可查看。',
      en: 'Representatives (name, unit, contact, front-line/manager/woman flags), the seats and composition warnings with their articles. For the parties, the bureau and admins.',
    },
    access: 'signedIn',
    params: ZCaseParams,
    responses: { 200: { description: { zh: '名单', en: 'The roster' }, schema: ZRosterViewSchema } },
    errors: [403, 404],
    handler: async ({ params }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, ROSTER_READERS, { zh: '查看职工代表名单', en: 'read the congress roster' })
      return { status: 200, body: await s.congress.getRoster(params.caseId) }
    },
  })

  add({
    method: 'post',
    path: '/cases/:caseId/congress/roster',
    operationId: 'setCongressRoster',
    tag: 'congress',
    summary: { zh: '登记职工代表名单（整体替换）', en: 'Set the congress roster (replaces it)' },
    description: {
      zh: '未列出的原有代表改为非在册（保留其以往会议的凭证）；带 id 的代表为更新。职工大会（全体职工）时 totalSeats 为职工人数。已召开的会议不受影响。本企业工会方协商代表或管理员可登记。',
      en: 'Representatives not listed become inactive (their earlier credentials stay); one with an id is updated. For an all-staff assembly totalSeats is the number of workers. Sessions already convened are not affected. Union negotiators of the enterprise and admins.',
    },
    access: MANAGERS,
    params: ZCaseParams,
    body: ZRosterInputSchema.strict(),
    responses: { 200: { description: { zh: '登记后的名单', en: 'The roster as set' }, schema: ZRosterViewSchema } },
    errors: [404],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, MANAGERS, { zh: '登记职工代表名单', en: 'set the congress roster' })
      const roster = await command(() => s.congress.setRoster(params.caseId, body, actorOf(principal, roles, MANAGERS)))
      return { status: 200, body: roster }
    },
  })

  add({
    method: 'get',
    path: '/cases/:caseId/congress/sessions',
    operationId: 'listCongressSessions',
    tag: 'congress',
    summary: { zh: '案件的表决会议', en: 'The congress sessions of a case' },
    access: 'signedIn',
    params: ZCaseParams,
    responses: { 200: { description: { zh: '会议，按召开顺序', en: 'Sessions, in the order convened' }, schema: z.object({ items: z.array(ZSessionViewSchema) }) } },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      await caseAccess(s.engine, principal, params.caseId)
      return { status: 200, body: { items: await s.congress.listSessions(params.caseId) } }
    },
  })

  add({
    method: 'post',
    path: '/cases/:caseId/congress/sessions',
    operationId: 'conveneCongressSession',
    tag: 'congress',
    summary: { zh: '召开表决会议（发放投票凭证）', en: 'Convene a session (issues the voting credentials)' },
    description: {
      zh:
        '每位在册代表获得一次性投票凭证。delivery=return：全部凭证仅在本响应中返回一次（只存储其哈希），用于打印；delivery=email：有电子邮箱的代表通过邮件收到（加密存放于发件队列），其余在本响应中返回。' +
        '本请求不保存幂等记录（响应含凭证）：重试会得到 409 SESSION_IN_PROGRESS，遗失的凭证请用补发接口。本企业工会方协商代表可召开。',
      en:
        'Every active representative gets a single-use voting credential. delivery=return: all credentials are in this response, once (only their hashes are stored), to be printed; delivery=email: representatives with an email get theirs by mail (sealed in the outbox), the others are in this response. ' +
        'No idempotency record is kept (the response holds credentials): a retry gets 409 SESSION_IN_PROGRESS; reissue a lost credential instead. Union negotiators of the enterprise.',
    },
    access: CONVENERS,
    params: ZCaseParams,
    body: ZConveneInputSchema.strict(),
    idempotency: 'none',
    responses: {
      201: {
        description: { zh: '已召开；凭证只显示这一次', en: 'Convened; the credentials are shown this once' },
        schema: z.object({
          session: ZSessionViewSchema,
          credentials: z.array(ZIssuedCredentialSchema),
          emailed: z.number().int(),
          warnings: z.array(ZWarningSchema),
        }),
        headers: { Location: { zh: '会议地址', en: 'the session' } },
      },
    },
    errors: [404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, CONVENERS, { zh: '召开表决会议', en: 'convene a congress session' })
      const convened = await command(() => s.congress.convene(params.caseId, body, actorOf(principal, roles, CONVENERS)))
      return { status: 201, body: convened, headers: { Location: `/api/v1/congress/sessions/${convened.session.id}` } }
    },
  })

  add({
    method: 'get',
    path: '/congress/sessions/:sessionId',
    operationId: 'getCongressSession',
    tag: 'congress',
    summary: { zh: '表决会议详情（出席与投票人数，结束后的结果）', en: 'A congress session (turnout; the result once tallied)' },
    description: {
      zh: '案件相关各方及本次会议的计票人、监票人可查看。投票结束前只显示出席和已投票人数，不显示票数。',
      en: 'For anyone with a role on the case and the session’s tellers and scrutineers. Before the close only participation is shown, never counts.',
    },
    access: 'signedIn',
    params: ZSessionParams,
    responses: { 200: { description: { zh: '会议', en: 'The session' }, schema: ZSessionViewSchema } },
    errors: [404],
    handler: async ({ params }, { principal }) => sessionResult((await sessionAccess(s, principal, params.sessionId)).view),
  })

  add({
    method: 'get',
    path: '/congress/sessions/:sessionId/result',
    operationId: 'getCongressResult',
    tag: 'congress',
    summary: { zh: '表决结果（计票后公布）', en: 'The result (published after the tally)' },
    description: {
      zh: '各事项票数、是否达到法定人数与通过比例（注明条款）、网上投票回执哈希列表。计票前 result 为 null。',
      en: 'Counts per item, quorum and threshold with their articles, the list of online receipt hashes. result is null before the tally.',
    },
    access: 'signedIn',
    params: ZSessionParams,
    responses: {
      200: {
        description: { zh: '结果', en: 'The result' },
        schema: z.object({
          sessionId: z.string(),
          status: ZSessionViewSchema.shape.status,
          certification: ZSessionViewSchema.shape.certification,
          result: ZCongressResultSchema.nullable(),
        }),
      },
    },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      const { view } = await sessionAccess(s, principal, params.sessionId)
      return { status: 200, body: { sessionId: view.id, status: view.status, certification: view.certification, result: view.result } }
    },
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/attendance',
    operationId: 'markCongressAttendance',
    tag: 'congress',
    summary: { zh: '计票人登记出席或缺席', en: 'A teller marks a representative present or absent' },
    description: {
      zh: '本次会议的计票人（以其账号登录）在投票结束前登记。已投票的代表不能登记为缺席。法定人数按全体名额的三分之二计算。',
      en: 'A teller of the session (signed in as themselves), until voting ends. A representative who voted cannot be marked absent. The quorum is two thirds of all seats.',
    },
    access: 'signedIn',
    params: ZSessionParams,
    body: z.strictObject({ representativeId: ZRepresentativeId, present: z.boolean() }),
    responses: { 200: { description: { zh: '出席与投票人数', en: 'Turnout' }, schema: z.object({ turnout: ZTurnoutSchema }) } },
    errors: [403, 404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      const turnout = await command(() =>
        s.congress.markAttendance(params.sessionId, body.representativeId, body.present, actorOf(principal, roles)),
      )
      return { status: 200, body: { turnout } }
    },
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/paper-ballots',
    operationId: 'issueCongressPaperBallot',
    tag: 'congress',
    summary: { zh: '计票人发放纸质选票', en: 'A teller hands out a paper ballot' },
    description: {
      zh: '该代表的凭证即按纸质方式使用（不能再网上投票；已网上投票者不发纸质选票），并记为出席。仅限投票期间。',
      en: 'The representative’s credential is used on paper (it can no longer vote online; one who voted online gets none) and they are present. During the voting window only.',
    },
    access: 'signedIn',
    params: ZSessionParams,
    body: z.strictObject({ representativeId: ZRepresentativeId }),
    responses: { 201: { description: { zh: '已发放；出席与投票人数', en: 'Handed out; turnout' }, schema: z.object({ turnout: ZTurnoutSchema }) } },
    errors: [403, 404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      const turnout = await command(() => s.congress.issuePaperBallot(params.sessionId, body.representativeId, actorOf(principal, roles)))
      return { status: 201, body: { turnout } }
    },
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/paper-tally',
    operationId: 'enterCongressPaperTally',
    tag: 'congress',
    summary: { zh: '计票人录入纸质选票计票结果', en: 'A teller enters the paper tally' },
    description: {
      zh: '投票结束后录入各事项的同意、不同意、弃权票数和收回票数；监票人确认前可重新录入。',
      en: 'After voting ends: agree, disagree and abstain per item and the ballots collected; may be entered again until a scrutineer confirms it.',
    },
    access: 'signedIn',
    params: ZSessionParams,
    body: ZPaperTallyInputSchema.strict(),
    responses: { 200: { description: { zh: '会议', en: 'The session' }, schema: ZSessionViewSchema } },
    errors: [403, 404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      return sessionResult(await command(() => s.congress.enterPaperTally(params.sessionId, body, actorOf(principal, roles))))
    },
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/paper-tally/confirmation',
    operationId: 'confirmCongressPaperTally',
    tag: 'congress',
    summary: { zh: '监票人确认纸质选票计票结果', en: 'A scrutineer confirms the paper tally' },
    description: {
      zh: '须为本次会议的监票人，且不是录入者本人。确认后计算结果并报送案件。',
      en: 'A scrutineer of the session other than the person who entered it. The result is then computed and certified to the case.',
    },
    access: 'signedIn',
    params: ZSessionParams,
    responses: { 200: { description: { zh: '会议', en: 'The session' }, schema: ZSessionViewSchema } },
    errors: [403, 404, 409],
    handler: async ({ params }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      return sessionResult(await command(() => s.congress.confirmPaperTally(params.sessionId, actorOf(principal, roles))))
    },
  })

  /** Routes of the union officer (and admins) on one session. */
  const managerRoute = (o: {
    path: string
    operationId: string
    summary: { zh: string; en: string }
    description: { zh: string; en: string }
    run: (sessionId: string, actor: TActor) => Promise<TSessionView>
  }) =>
    add({
      method: 'post',
      path: `/congress/sessions/:sessionId${o.path}`,
      operationId: o.operationId,
      tag: 'congress',
      summary: o.summary,
      description: o.description,
      access: MANAGERS,
      params: ZSessionParams,
      responses: { 200: { description: { zh: '会议', en: 'The session' }, schema: ZSessionViewSchema } },
      errors: [404, 409],
      handler: async ({ params }, { principal }) => {
        const { roles } = await sessionAccess(s, principal, params.sessionId)
        requireRoleOn(roles, MANAGERS, { zh: '管理此表决会议', en: 'manage this congress session' })
        return sessionResult(await command(() => o.run(params.sessionId, actorOf(principal, roles, MANAGERS))))
      },
    })

  managerRoute({
    path: '/close',
    operationId: 'closeCongressSession',
    summary: { zh: '结束投票并计票', en: 'Close voting and tally' },
    description: {
      zh: '可重复调用，票数只计一次。若无待确认的纸质选票，即计算结果并报送案件（congress.resultCertified）。投票开始前不能结束（请取消会议）。',
      en: 'Safe to repeat: ballots are counted once. Without paper ballots awaiting confirmation the result is computed and certified to the case (congress.resultCertified). Not before the window opens (cancel instead).',
    },
    run: (id, actor) => s.congress.closeSession(id, actor),
  })

  managerRoute({
    path: '/certification',
    operationId: 'certifyCongressSession',
    summary: { zh: '重新报送表决结果', en: 'Certify the result to the case again' },
    description: {
      zh: '案件曾拒绝接受结果（如当时不在表决阶段）时，再次报送。',
      en: 'Sends the stored result to the case again, e.g. after the case refused it because it was not awaiting the vote.',
    },
    run: (id) => s.congress.certifySession(id),
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/reminders',
    operationId: 'remindCongressNonVoters',
    tag: 'congress',
    summary: { zh: '提醒尚未投票的代表', en: 'Remind representatives who have not voted' },
    description: {
      zh: '通过邮件发件队列逐一提醒（只含会议和截止时间，不含凭证或票数）。仅限投票期间。',
      en: 'One outbox message each (the session and its deadline only, never a credential or a count). While voting is open.',
    },
    access: MANAGERS,
    params: ZSessionParams,
    responses: { 200: { description: { zh: '提醒人数', en: 'How many were reminded' }, schema: z.object({ reminded: z.number().int() }) } },
    errors: [404, 409],
    handler: async ({ params }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      requireRoleOn(roles, MANAGERS, { zh: '提醒代表投票', en: 'remind representatives' })
      return { status: 200, body: await command(() => s.congress.remindNonVoters(params.sessionId, actorOf(principal, roles, MANAGERS))) }
    },
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/cancellation',
    operationId: 'cancelCongressSession',
    tag: 'congress',
    summary: { zh: '取消表决会议', en: 'Cancel a session' },
    description: { zh: '未认证的会议可取消（如召开有误），其选票不计入。', en: 'A session not certified may be cancelled (e.g. convened in error); its ballots never count.' },
    access: MANAGERS,
    params: ZSessionParams,
    body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }),
    responses: { 200: { description: { zh: '会议', en: 'The session' }, schema: ZSessionViewSchema } },
    errors: [404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      requireRoleOn(roles, MANAGERS, { zh: '取消表决会议', en: 'cancel this session' })
      return sessionResult(await command(() => s.congress.cancelSession(params.sessionId, body.reason, actorOf(principal, roles, MANAGERS))))
    },
  })

  add({
    method: 'post',
    path: '/congress/sessions/:sessionId/credentials',
    operationId: 'reissueCongressCredential',
    tag: 'congress',
    summary: { zh: '补发投票凭证', en: 'Reissue a voting credential' },
    description: {
      zh: '代表遗失凭证且尚未使用时，在投票期间补发；旧凭证立即失效。不保存幂等记录（响应含凭证）。本企业工会方协商代表可补发。',
      en: 'For a representative who lost an unused credential, while voting is open; the old one stops working at once. No idempotency record (the response holds the credential). Union negotiators of the enterprise.',
    },
    access: CONVENERS,
    params: ZSessionParams,
    body: z.strictObject({ representativeId: ZRepresentativeId, delivery: z.enum(['return', 'email']).default('return') }),
    idempotency: 'none',
    responses: {
      201: {
        description: { zh: '新凭证（email 时为 null）', en: 'The new credential (null when emailed)' },
        schema: z.object({ credential: ZIssuedCredentialSchema.nullable(), emailed: z.boolean() }),
      },
    },
    errors: [404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await sessionAccess(s, principal, params.sessionId)
      requireRoleOn(roles, CONVENERS, { zh: '补发投票凭证', en: 'reissue a voting credential' })
      const r = await command(() =>
        s.congress.reissueCredential(params.sessionId, body.representativeId, actorOf(principal, roles, CONVENERS), { delivery: body.delivery }),
      )
      return { status: 201, body: r }
    },
  })
}

// ---- The ballot holder's routes (mounted before account authentication: see src/http/app.ts) ------------------------

const ballotAuth = {
  zh: '凭证放在请求头 Authorization: Ballot <凭证>（链接中的凭证或纸质凭证码均可），不放在网址或正文中；不使用账号登录。',
  en: 'The credential goes in the header Authorization: Ballot <credential> (the link’s token or the printed code), never in the URL or the body; no account sign-in is used.',
}

export const ballotsResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/ballots/page',
    operationId: 'getBallotPage',
    tag: 'ballots',
    summary: { zh: '选票页面数据（凭证持有人）', en: 'The ballot page (credential holder)' },
    description: {
      zh: `会议、表决事项、投票时间窗口、是否已出席、凭证是否已使用。${ballotAuth.zh}`,
      en: `The session, its items, the voting window, attendance and whether the credential was used. ${ballotAuth.en}`,
    },
    access: 'public',
    responses: { 200: { description: { zh: '选票页面', en: 'The ballot page' }, schema: ZBallotPageSchema } },
    errors: [401],
    handler: async (_input, { req }) => ({ status: 200, body: await ballotCall(() => s.congress.getBallotPage(credentialOf(req))) }),
  })

  add({
    method: 'post',
    path: '/ballots/sign-in',
    operationId: 'signInWithBallotCredential',
    tag: 'ballots',
    summary: { zh: '网上签到（计入出席）', en: 'Sign in online (counts as present)' },
    description: { zh: `投票结束前有效。${ballotAuth.zh}`, en: `Until voting ends. ${ballotAuth.en}` },
    access: 'public',
    idempotency: 'none',
    responses: { 200: { description: { zh: '选票页面', en: 'The ballot page' }, schema: ZBallotPageSchema } },
    errors: [401, 409],
    handler: async (_input, { req }) => ({ status: 200, body: await ballotCall(() => s.congress.signIn(credentialOf(req))) }),
  })

  add({
    method: 'post',
    path: '/ballots',
    operationId: 'castBallot',
    tag: 'ballots',
    summary: { zh: '投票（无记名）', en: 'Cast a secret ballot' },
    description: {
      zh:
        `每个表决事项选择 agree（同意）、disagree（不同意）或 abstain（弃权）。每个凭证只能投票一次：已使用（网上或纸质）返回 409，details.reason 为 CREDENTIAL_ALREADY_USED；投票未开始或已结束返回 409（VOTING_NOT_OPEN_YET / VOTING_CLOSED）。` +
        `返回的回执码只显示一次，其哈希随结果公布，可用于核对选票已计入，但不显示所投内容。本请求不记录日志正文、不保存幂等记录。${ballotAuth.zh}`,
      en:
        `Choose agree, disagree or abstain on every item. One ballot per credential: a used one (online or on paper) is 409 with details.reason CREDENTIAL_ALREADY_USED; before or after the window 409 (VOTING_NOT_OPEN_YET / VOTING_CLOSED). ` +
        `The receipt code is shown once; its hash is published with the result and proves the ballot was counted without showing the choices. The body is never logged and no idempotency record is kept. ${ballotAuth.en}`,
    },
    access: 'public',
    body: z.strictObject({ choices: ZBallotInputSchema.shape.choices }),
    idempotency: 'none',
    responses: {
      201: {
        description: { zh: '已计入；回执码只显示这一次', en: 'Counted; the receipt is shown this once' },
        schema: z.object({ sessionId: z.string(), receipt: z.string(), receiptHash: z.string() }),
      },
    },
    errors: [401, 409],
    handler: async ({ body }, { req }) => {
      const credential = credentialOf(req)
      const accepted = await ballotCall(() => s.congress.castBallot({ credential, choices: body.choices }))
      return { status: 201, body: accepted }
    },
  })

  add({
    method: 'post',
    path: '/ballots/receipts/verification',
    operationId: 'verifyBallotReceipt',
    tag: 'ballots',
    summary: { zh: '核对投票回执', en: 'Verify a ballot receipt' },
    description: {
      zh: '给出会议和回执码，返回该选票是否已计入票箱、是否在公布的结果中。不显示所投内容。使用 POST，使回执码不出现在网址和日志中。',
      en: 'Given the session and a receipt code: whether the ballot is in the box and in the published result. Never the choices. POST, so the code stays out of URLs and logs.',
    },
    access: 'public',
    body: z.strictObject({ sessionId: ZUuidLikeSchema, receipt: z.string().min(1).max(64) }),
    idempotency: 'none',
    responses: {
      200: {
        description: { zh: '核对结果', en: 'The check' },
        schema: z.object({ receiptHash: z.string(), counted: z.boolean(), published: z.boolean() }),
      },
    },
    errors: [404],
    handler: async ({ body }) => ({ status: 200, body: await command(() => s.congress.verifyReceipt(body.sessionId, body.receipt)) }),
  })
}

/**
 * The mail outbox for admins (issue 7's outbox page: held mail in the embedded default, failures, dead letters) and
 * the recipients a case did not reach, for the case's parties and bureau. A voting credential is never shown: a
 * MailMessage keeps it sealed (only the sender opens it) and its text carries placeholders.
 */
import { z } from 'zod'
import { caseAccess, requireRoleOn } from '../../auth/case-access.js'
import type { TUserRole } from '../../auth/principal.js'
import { failedRecipients, getMail, listMail, mailCounts, MAIL_STATUSES, type TMailListItem, type TMailView } from '../../engine/list-mail.js'
import { requeueMail } from '../../engine/requeue-mail.js'
import { AppError } from '../../errors/app-error.js'
import { ZPagingQuery, ZUuidLikeSchema } from '../schemas.js'
import type { TResource } from '../services.js'
import { ZCaseParams } from './cases.js'

const ZMailStatusSchema = z.enum(MAIL_STATUSES)

const ZMailListItemSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  caseId: z.string().nullable(),
  caseSeq: z.number().int().nullable(),
  effect: z.string(),
  template: z.string(),
  recipientRole: z.string().nullable(),
  recipientUserId: z.string().nullable(),
  recipientName: z.string().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  errorCode: z.string().nullable(),
  lastError: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  possibleDuplicate: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
})

const ZMailViewSchema = ZMailListItemSchema.extend({
  text: z.string().describe('a voting credential appears as the placeholder {{credential.link}} / {{credential.code}}'),
  html: z.string(),
  attachments: z.array(z.object({ filename: z.string(), mediaType: z.string(), documentId: z.string().optional(), sha256: z.string().optional() })),
  sourceOutboxId: z.string(),
  sendOutboxId: z.string().nullable(),
  sendPhase: z.string().nullable(),
})

const ZUnreachedSchema = z.object({
  mailId: z.string(),
  effect: z.string(),
  recipientRole: z.string().nullable(),
  recipientUserId: z.string().nullable(),
  recipientName: z.string().nullable(),
  toAddress: z.string().nullable(),
  status: z.enum(['failed', 'dead']),
  errorCode: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
})

/** The mail id is `<source outbox id>.<recipient key>`. */
const ZMailParams = z.strictObject({ mailId: z.string().min(1).max(200).regex(/^[A-Za-z0-9_.-]+$/, 'expected a mail id') })

const REQUEUEABLE = ['held', 'dead', 'failed'] as const

/** The case's parties, the bureau and admins (not worker representatives: recipients are the negotiation's people). */
const UNREACHED_READERS: readonly TUserRole[] = ['unionNegotiator', 'employerNegotiator', 'bureauReviewer', 'admin']

const mailNotFound = (id: string) => new AppError('NOT_FOUND', { zh: `邮件不存在：${id}`, en: `no such mail: ${id}` }, { mailId: id })

/** Only the listed fields: nothing the row may carry besides them (the sealed secret is never selected anyway). */
const listItem = (m: TMailListItem) => ZMailListItemSchema.parse(m)
const mailView = (m: TMailView) => ZMailViewSchema.parse(m)

export const mailResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/mail',
    operationId: 'listMail',
    tag: 'mail',
    summary: { zh: '邮件发件箱（管理员）', en: 'The mail outbox (admins)' },
    description: {
      zh: '最新的在前。未配置 SMTP 时邮件保留为 held，可在此查看；failed 为地址无效或被拒收，dead 为重试用尽。counts 为各状态总数。',
      en: 'Newest first. Without SMTP, mail is kept as held and shown here; failed: invalid or rejected address; dead: retries exhausted. counts: totals by status.',
    },
    access: ['admin'],
    query: z.strictObject({ status: ZMailStatusSchema.optional(), caseId: ZUuidLikeSchema.optional(), ...ZPagingQuery }),
    responses: {
      200: {
        description: { zh: '邮件', en: 'Mail' },
        schema: z.object({
          items: z.array(ZMailListItemSchema),
          counts: z.record(z.string(), z.number().int()),
          limit: z.number().int(),
          offset: z.number().int(),
        }),
      },
    },
    handler: async ({ query }) => {
      const items = await listMail(s.engine.db, {
        ...(query.status ? { status: query.status } : {}),
        ...(query.caseId ? { caseId: query.caseId } : {}),
        limit: query.limit,
        offset: query.offset,
      })
      return { status: 200, body: { items: items.map(listItem), counts: await mailCounts(s.engine.db), limit: query.limit, offset: query.offset } }
    },
  })

  add({
    method: 'get',
    path: '/mail/:mailId',
    operationId: 'getMail',
    tag: 'mail',
    summary: { zh: '邮件详情（管理员）', en: 'One mail (admins)' },
    description: {
      zh: '正文（纯文本与 HTML）和附件清单。投票凭证始终加密保存，只以占位符显示。',
      en: 'Text, HTML and the attachment list. A voting credential stays sealed and shows only as a placeholder.',
    },
    access: ['admin'],
    params: ZMailParams,
    responses: { 200: { description: { zh: '邮件', en: 'The mail' }, schema: ZMailViewSchema } },
    errors: [404],
    handler: async ({ params }) => {
      const mail = await getMail(s.engine.db, params.mailId)
      if (!mail) throw mailNotFound(params.mailId)
      return { status: 200, body: mailView(mail) }
    },
  })

  add({
    method: 'post',
    path: '/mail/:mailId/requeue',
    operationId: 'requeueMail',
    tag: 'mail',
    summary: { zh: '重新发送邮件（管理员）', en: 'Send a mail again (admins)' },
    description: {
      zh: 'held、dead 或 failed 的邮件重新进入发送队列（Message-ID 不变），例如配置 SMTP 或更正地址之后。refreshAddress=true 时改用收件人账号当前的邮箱。其他状态返回 409。',
      en: 'A held, dead or failed mail goes back to the send queue (same Message-ID), e.g. after SMTP was configured or an address fixed. refreshAddress=true takes the recipient account’s current email. Any other status is 409.',
    },
    access: ['admin'],
    params: ZMailParams,
    body: z.strictObject({ refreshAddress: z.boolean().default(false) }).default({ refreshAddress: false }),
    responses: { 200: { description: { zh: '已重新排队的邮件', en: 'The mail, queued again' }, schema: ZMailViewSchema } },
    errors: [404, 409],
    handler: async ({ params, body }) => {
      const mail = await getMail(s.engine.db, params.mailId)
      if (!mail) throw mailNotFound(params.mailId)
      const { requeued } = await requeueMail(s.engine.db, s.engine.clock, {
        ids: [params.mailId],
        statuses: [...REQUEUEABLE],
        refreshAddress: body.refreshAddress,
      })
      if (requeued.length === 0) {
        throw new AppError(
          'TRANSITION_NOT_ALLOWED',
          {
            zh: `只有 held、dead 或 failed 的邮件可以重新发送（当前为 ${mail.status}）`,
            en: `only held, dead or failed mail can be sent again (this one is ${mail.status})`,
          },
          { mailId: params.mailId, status: mail.status, allowed: REQUEUEABLE },
        )
      }
      return { status: 200, body: mailView((await getMail(s.engine.db, params.mailId))!) }
    },
  })

  add({
    method: 'get',
    path: '/cases/:caseId/unreached',
    operationId: 'listUnreachedRecipients',
    tag: 'mail',
    summary: { zh: '案件未送达的收件人', en: 'Who a case’s mail did not reach' },
    description: {
      zh: '发送失败（地址无效、被拒收）或重试用尽的邮件收件人及原因。协商双方、劳动保障行政部门和管理员可查看。',
      en: 'Recipients of failed (invalid or rejected address) and dead (retries exhausted) mail, with the reason. For the parties, the bureau and admins.',
    },
    access: 'signedIn',
    params: ZCaseParams,
    responses: { 200: { description: { zh: '未送达', en: 'Not reached' }, schema: z.object({ items: z.array(ZUnreachedSchema) }) } },
    errors: [403, 404],
    handler: async ({ params }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, UNREACHED_READERS, { zh: '查看未送达的收件人', en: 'see who was not reached' })
      return { status: 200, body: { items: await failedRecipients(s.engine.db, params.caseId) } }
    },
  })
}

/** /auth: sign in and out, the caller's account, password change, personal API tokens. */
import { z } from 'zod'
import {
  changePassword,
  createApiToken,
  deleteSession,
  listApiTokens,
  login,
  revokeApiToken,
} from '../../auth/accounts.js'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password.js'
import type { TPrincipal } from '../../auth/principal.js'
import { AppError } from '../../errors/app-error.js'
import { clearSessionCookie, setSessionCookie } from '../cookies.js'
import { ZMembershipSchema, ZUuidLikeSchema } from '../schemas.js'
import { now, type TResource } from '../services.js'

const ZMeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  memberships: z.array(ZMembershipSchema),
  via: z.enum(['session', 'token']),
})

const ZTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
})

const ZPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH)

const me = (p: TPrincipal) => ({ user: p.user, memberships: p.memberships, via: p.via })

function requireSession(p: TPrincipal, what: { zh: string; en: string }) {
  if (p.via !== 'session') {
    throw new AppError('FORBIDDEN', {
      zh: `${what.zh}须在网页登录后进行，不能使用 API 令牌`,
      en: `${what.en} needs a signed-in session, not an API token`,
    })
  }
}

export const authResource: TResource = (add, s) => {
  add({
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tag: 'auth',
    summary: { zh: '登录', en: 'Sign in' },
    description: {
      zh: `成功后设置 HTTP-only、SameSite=Lax 的会话 Cookie。同一账号+IP 在时间窗口内失败次数过多时返回 429（Retry-After）。须带 X-Requested-With 请求头。`,
      en: 'Sets an HTTP-only, SameSite=Lax session cookie. Too many failures per account+IP (or per IP) within the window give 429 with Retry-After. Needs the X-Requested-With header.',
    },
    access: 'public',
    csrf: 'always',
    idempotency: 'none',
    body: z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }),
    responses: {
      200: {
        description: { zh: '已登录', en: 'Signed in' },
        schema: ZMeSchema.extend({ expiresAt: z.string() }),
        headers: { 'Set-Cookie': { zh: '会话 Cookie wp_session', en: 'the session cookie wp_session' } },
      },
    },
    errors: [401, 403, 429],
    handler: async ({ body }, { req, res, maybePrincipal }) => {
      const r = await login(s.engine.db, s.auth, { email: body.email, password: body.password, ip: req.ip ?? '' }, now(s))
      // A new sign-in never keeps the session the browser came with.
      if (maybePrincipal?.sessionId) await deleteSession(s.engine.db, maybePrincipal.sessionId)
      setSessionCookie(req, res, r.sessionSecret, r.expiresAt, s.cookieSecure)
      return { status: 200, body: { ...me(r.principal), expiresAt: r.expiresAt } }
    },
  })

  add({
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    tag: 'auth',
    summary: { zh: '退出登录（删除会话）', en: 'Sign out (deletes the session)' },
    description: { zh: '使用 API 令牌时不做任何事；撤销令牌请用 DELETE /auth/tokens/{tokenId}。', en: 'A no-op for API tokens; revoke a token with DELETE /auth/tokens/{tokenId}.' },
    access: 'signedIn',
    idempotency: 'none',
    responses: { 204: { description: { zh: '已退出', en: 'Signed out' } } },
    handler: async (_input, { req, res, principal }) => {
      if (principal.sessionId) await deleteSession(s.engine.db, principal.sessionId)
      if (principal.via === 'session') clearSessionCookie(req, res, s.cookieSecure)
      return { status: 204 }
    },
  })

  add({
    method: 'get',
    path: '/auth/me',
    operationId: 'getMe',
    tag: 'auth',
    summary: { zh: '当前账号及其角色', en: 'The signed-in account and its roles' },
    access: 'signedIn',
    responses: { 200: { description: { zh: '当前账号', en: 'The account' }, schema: ZMeSchema } },
    handler: async (_input, { principal }) => ({ status: 200, body: me(principal) }),
  })

  add({
    method: 'post',
    path: '/auth/password',
    operationId: 'changePassword',
    tag: 'auth',
    summary: { zh: '修改密码', en: 'Change the password' },
    description: {
      zh: `须提供当前密码；新密码 ${PASSWORD_MIN_LENGTH} 至 ${PASSWORD_MAX_LENGTH} 个字符。本账号的其他会话全部结束。`,
      en: `Needs the current password; the new one has ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. Every other session of the account ends.`,
    },
    access: 'signedIn',
    idempotency: 'none',
    body: z
      .strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: ZPasswordSchema })
      .refine((b) => b.newPassword !== b.currentPassword, { path: ['newPassword'], message: 'the new password must differ from the current one' }),
    responses: { 204: { description: { zh: '已修改', en: 'Changed' } } },
    errors: [403],
    handler: async ({ body }, { principal }) => {
      requireSession(principal, { zh: '修改密码', en: 'changing the password' })
      await changePassword(s.engine.db, principal, body, now(s))
      return { status: 204 }
    },
  })

  add({
    method: 'get',
    path: '/auth/tokens',
    operationId: 'listTokens',
    tag: 'auth',
    summary: { zh: '我的 API 令牌', en: 'My API tokens' },
    access: 'signedIn',
    responses: { 200: { description: { zh: '令牌列表（不含令牌本身）', en: 'Tokens (without the secrets)' }, schema: z.object({ items: z.array(ZTokenSchema) }) } },
    handler: async (_input, { principal }) => ({ status: 200, body: { items: await listApiTokens(s.engine.db, principal.user.id) } }),
  })

  add({
    method: 'post',
    path: '/auth/tokens',
    operationId: 'createToken',
    tag: 'auth',
    summary: { zh: '创建 API 令牌（仅显示一次）', en: 'Create an API token (shown once)' },
    description: {
      zh: '用于系统对接：请求头 Authorization: Bearer wp_…。令牌只以哈希保存，响应中的 token 不会再次显示，因此此接口不保存幂等响应。',
      en: 'For integrations: Authorization: Bearer wp_…. Only the hash is stored and the token is never shown again, so this response is not stored for Idempotency-Key.',
    },
    access: 'signedIn',
    idempotency: 'none',
    body: z.strictObject({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() }),
    responses: { 201: { description: { zh: '新令牌', en: 'The new token' }, schema: ZTokenSchema.extend({ token: z.string() }) } },
    errors: [403],
    handler: async ({ body }, { principal }) => {
      requireSession(principal, { zh: '创建令牌', en: 'creating a token' })
      const r = await createApiToken(s.engine.db, principal.user.id, body, now(s))
      return { status: 201, body: { ...r.view, token: r.token } }
    },
  })

  add({
    method: 'delete',
    path: '/auth/tokens/:tokenId',
    operationId: 'revokeToken',
    tag: 'auth',
    summary: { zh: '撤销我的 API 令牌', en: 'Revoke one of my API tokens' },
    access: 'signedIn',
    params: z.strictObject({ tokenId: ZUuidLikeSchema }),
    responses: { 204: { description: { zh: '已撤销', en: 'Revoked' } } },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      await revokeApiToken(s.engine.db, principal.user.id, params.tokenId, now(s))
      return { status: 204 }
    },
  })
}

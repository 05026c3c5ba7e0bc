/**
 * Sign-in and the credentials that follow from it: browser sessions (a random secret in an HTTP-only cookie,
 * stored as its SHA-256 with an absolute expiry) and personal API tokens (`wp_…`, stored as their SHA-256,
 * listed and revoked by their owner). Resolving either gives the principal with its role memberships.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { all, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { userView, type TUserView } from '../engine/users.js'
import { hashPassword, verifyPassword } from './password.js'
import { checkLimits, clearBucket, recordHit, type TLimit } from './rate-limit.js'
import { randomSecret, secretHash } from './secrets.js'
import type { TPrincipal } from './principal.js'

export type TAuthSettings = {
  sessionTtlMs: number
  /** Failed logins allowed per account+IP, and per IP, within the window. */
  loginMaxFailuresPerAccount: number
  loginMaxFailuresPerIp: number
  loginWindowMs: number
}

export const defaultAuthSettings: TAuthSettings = {
  sessionTtlMs: 12 * 3_600_000,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerIp: 50,
  loginWindowMs: 15 * 60_000,
}

/** lastSeenAt / lastUsedAt are refreshed at most this often (no write on every request). */
const TOUCH_MS = 5 * 60_000

export const TOKEN_PREFIX = 'wp_'

const iso = (d: Date) => d.toISOString()
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms).toISOString()

/**
 * Every authenticated request resolves its credential and user: plain SQL through the driver (a read program, no
 * Prisma query compilation on the hot path; measured several times cheaper per request).
 */
/** A user and their memberships as one statement: the user's columns repeat on each membership row. */
const USER_COLUMNS = `u."id" AS "uId", u."email" AS "uEmail", u."displayName" AS "uDisplayName", u."active" AS "uActive",
  u."createdAt" AS "uCreatedAt", u."updatedAt" AS "uUpdatedAt", m."id" AS "mId", m."role" AS "mRole",
  m."enterpriseId" AS "mEnterpriseId", m."regionCode" AS "mRegionCode", m."createdAt" AS "mCreatedAt"`
const MEMBERSHIPS = `LEFT JOIN "RoleMembership" m ON m."userId" = u."id"`
const MEMBERSHIP_ORDER = `ORDER BY m."createdAt", m."id"`

type TUserRows = {
  uId: string
  uEmail: string
  uDisplayName: string
  uActive: boolean | number
  uCreatedAt: string
  uUpdatedAt: string
  mId: string | null
  mRole: string
  mEnterpriseId: string | null
  mRegionCode: string | null
  mCreatedAt: string
}

/** The active user of the rows, or null (no rows, or the account is deactivated). */
function activeUserOf(rows: readonly TUserRows[]): TUserView | null {
  const u = rows[0]
  if (!u || !(u.uActive === true || u.uActive === 1)) return null
  return userView({
    id: u.uId,
    email: u.uEmail,
    displayName: u.uDisplayName,
    active: true,
    createdAt: u.uCreatedAt,
    updatedAt: u.uUpdatedAt,
    memberships: rows
      .filter((r) => r.mId !== null)
      .map((r) => ({ id: r.mId!, role: r.mRole, enterpriseId: r.mEnterpriseId, regionCode: r.mRegionCode, createdAt: r.mCreatedAt })),
  })
}

function* loadUserProgram(userId: string): TSql<TUserView | null> {
  return activeUserOf(
    yield* all<TUserRows>(`SELECT ${USER_COLUMNS} FROM "User" u ${MEMBERSHIPS} WHERE u."id" = ? ${MEMBERSHIP_ORDER}`, [userId]),
  )
}

const principalOf = (u: TUserView, rest: Pick<TPrincipal, 'via' | 'sessionId' | 'tokenId'>): TPrincipal => ({
  user: { id: u.id, email: u.email, displayName: u.displayName },
  memberships: u.memberships,
  ...rest,
})

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', { zh: '电子邮箱或密码错误', en: 'wrong e-mail or password' })

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

/**
 * Checks the password (rate-limited per account+IP and per IP: 429 before any check once a bucket is full) and
 * opens a session. Unknown account, wrong password and inactive account give the same answer in the same time.
 */
export async function login(
  db: TDatabase,
  settings: TAuthSettings,
  input: { email: string; password: string; ip: string },
  now: Date,
): Promise<{ principal: TPrincipal; sessionSecret: string; expiresAt: string }> {
  const email = normaliseEmail(input.email)
  const accountLimit: TLimit = { bucket: `login:${email}|${input.ip}`, max: settings.loginMaxFailuresPerAccount, windowMs: settings.loginWindowMs }
  const ipLimit: TLimit = { bucket: `login-ip:${input.ip}`, max: settings.loginMaxFailuresPerIp, windowMs: settings.loginWindowMs }
  await checkLimits(db, [accountLimit, ipLimit], now)
  const row = await db.prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } })
  const ok = (await verifyPassword(row?.passwordHash, input.password)) && row?.active === true
  if (!ok || !row) {
    await recordHit(db, [accountLimit, ipLimit], now)
    throw wrongCredentials()
  }
  await clearBucket(db, accountLimit.bucket)
  const user = (await db.read(() => loadUserProgram(row.id)))!
  const { secret, id, expiresAt } = await createSession(db, row.id, now, settings.sessionTtlMs)
  return { principal: principalOf(user, { via: 'session', sessionId: id }), sessionSecret: secret, expiresAt }
}

export async function createSession(db: TDatabase, userId: string, now: Date, ttlMs: number) {
  const secret = randomSecret()
  const id = secretHash(secret)
  const expiresAt = plus(now, ttlMs)
  await db.prisma.$transaction([
    db.prisma.session.deleteMany({ where: { userId, expiresAt: { lte: iso(now) } } }),
    db.prisma.session.create({ data: { id, userId, createdAt: iso(now), expiresAt, lastSeenAt: iso(now) } }),
  ])
  return { secret, id, expiresAt }
}

/** The principal of a session cookie, or null (unknown, expired, or the account was deactivated). */
export async function resolveSession(db: TDatabase, secret: string, now: Date): Promise<TPrincipal | null> {
  const id = secretHash(secret)
  // Every authenticated request: the session, its user and the memberships in one statement.
  const rows = await db.pointRead(() =>
    all<TUserRows & { sExpiresAt: string; sLastSeenAt: string }>(
      `SELECT s."expiresAt" AS "sExpiresAt", s."lastSeenAt" AS "sLastSeenAt", ${USER_COLUMNS}
       FROM "Session" s JOIN "User" u ON u."id" = s."userId" ${MEMBERSHIPS} WHERE s."id" = ? ${MEMBERSHIP_ORDER}`,
      [id],
    ),
  )
  const first = rows[0]
  if (!first) return null
  if (first.sExpiresAt <= iso(now)) {
    await db.prisma.session.deleteMany({ where: { id } })
    return null
  }
  const user = activeUserOf(rows)
  if (!user) return null
  if (Date.parse(first.sLastSeenAt) + TOUCH_MS < now.getTime()) {
    await db.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: iso(now) } })
  }
  return principalOf(user, { via: 'session', sessionId: id })
}

export async function deleteSession(db: TDatabase, sessionId: string): Promise<void> {
  await db.prisma.session.deleteMany({ where: { id: sessionId } })
}

/** Changes the caller's password after checking the current one; every other session of the account ends. */
export async function changePassword(
  db: TDatabase,
  principal: TPrincipal,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const row = await db.prisma.user.findUnique({ where: { id: principal.user.id }, select: { passwordHash: true } })
  if (!(await verifyPassword(row?.passwordHash, input.currentPassword))) {
    throw new AppError(
      'INVALID_INPUT',
      { zh: '当前密码错误', en: 'the current password is wrong' },
      { issues: [{ path: 'body.currentPassword', message: { zh: '当前密码错误', en: 'wrong password' } }] },
    )
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.prisma.$transaction([
    db.prisma.user.update({ where: { id: principal.user.id }, data: { passwordHash, updatedAt: iso(now) } }),
    db.prisma.session.deleteMany({
      where: { userId: principal.user.id, ...(principal.sessionId ? { id: { not: principal.sessionId } } : {}) },
    }),
  ])
}

export type TApiTokenView = {
  id: string
  name: string
  prefix: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

const tokenView = (t: TApiTokenView): TApiTokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
})

/** Creates a personal API token; the secret is returned once and stored only as its SHA-256. */
export async function createApiToken(
  db: TDatabase,
  userId: string,
  input: { name: string; expiresInDays?: number },
  now: Date,
): Promise<{ token: string; view: TApiTokenView }> {
  const token = randomSecret(TOKEN_PREFIX)
  const row = await db.prisma.apiToken.create({
    data: {
      id: crypto.randomUUID(),
      userId,
      name: input.name,
      tokenHash: secretHash(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: iso(now),
      expiresAt: input.expiresInDays ? plus(now, input.expiresInDays * 86_400_000) : null,
    },
  })
  return { token, view: tokenView(row) }
}

export async function listApiTokens(db: TDatabase, userId: string): Promise<TApiTokenView[]> {
  const rows = await db.prisma.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
  return rows.map(tokenView)
}

/** Revokes one of the caller's tokens; another user's token is "not found". */
export async function revokeApiToken(db: TDatabase, userId: string, tokenId: string, now: Date): Promise<void> {
  const token = await db.prisma.apiToken.findFirst({ where: { id: tokenId, userId } })
  if (!token) throw new AppError('NOT_FOUND', { zh: `令牌不存在：${tokenId}`, en: `token not found: ${tokenId}` }, { tokenId })
  if (!token.revokedAt) await db.prisma.apiToken.update({ where: { id: tokenId }, data: { revokedAt: iso(now) } })
}

/** The principal of a bearer token, or null (unknown, revoked, expired, or the account was deactivated). */
export async function resolveApiToken(db: TDatabase, token: string, now: Date): Promise<TPrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null
  const hash = secretHash(token)
  // Every request with a token: the token, its user and the memberships in one statement.
  const rows = await db.pointRead(() =>
    all<TUserRows & { tId: string; tExpiresAt: string | null; tLastUsedAt: string | null; tRevokedAt: string | null }>(
      `SELECT t."id" AS "tId", t."expiresAt" AS "tExpiresAt", t."lastUsedAt" AS "tLastUsedAt", t."revokedAt" AS "tRevokedAt",
         ${USER_COLUMNS}
       FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" ${MEMBERSHIPS} WHERE t."tokenHash" = ? ${MEMBERSHIP_ORDER}`,
      [hash],
    ),
  )
  const first = rows[0]
  if (!first || first.tRevokedAt || (first.tExpiresAt && first.tExpiresAt <= iso(now))) return null
  const user = activeUserOf(rows)
  if (!user) return null
  if (!first.tLastUsedAt || Date.parse(first.tLastUsedAt) + TOUCH_MS < now.getTime()) {
    await db.prisma.apiToken.updateMany({ where: { id: first.tId }, data: { lastUsedAt: iso(now) } })
  }
  return principalOf(user, { via: 'token', tokenId: first.tId })
}

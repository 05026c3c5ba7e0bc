/**
 * Accounts and role memberships (an admin's work). A membership scopes a role: negotiators and worker
 * representatives to an enterprise, a bureau reviewer to a region (and its sub-regions), an admin to nothing.
 * Writes are SQL programs (composable with the HTTP idempotency record); reads use the Prisma client.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { one, run, type TSqlValue } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import type { TRole } from './actor.js'
import { alsoRecord, invalidField, type TAlsoInTransaction } from './command.js'

export type TMembership = {
  id: string
  role: Exclude<TRole, 'system'>
  enterpriseId: string | null
  regionCode: string | null
  createdAt: string
}

export type TUserView = {
  id: string
  email: string
  displayName: string
  active: boolean
  createdAt: string
  updatedAt: string
  memberships: TMembership[]
}

export const userNotFound = (id: string) =>
  new AppError('NOT_FOUND', { zh: `用户不存在：${id}`, en: `user not found: ${id}` }, { userId: id })

const select = { memberships: { orderBy: { createdAt: 'asc' as const } } }

type TUserRow = {
  id: string
  email: string
  displayName: string
  active: boolean
  createdAt: string
  updatedAt: string
  memberships: { id: string; role: string; enterpriseId: string | null; regionCode: string | null; createdAt: string }[]
}

export const userView = (u: TUserRow): TUserView => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  active: u.active,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
  memberships: u.memberships.map((m) => ({
    id: m.id,
    role: m.role as TMembership['role'],
    enterpriseId: m.enterpriseId,
    regionCode: m.regionCode,
    createdAt: m.createdAt,
  })),
})

export async function getUser(db: TDatabase, id: string): Promise<TUserView> {
  const u = await db.prisma.user.findUnique({ where: { id }, include: select })
  if (!u) throw userNotFound(id)
  return userView(u)
}

export async function listUsers(
  db: TDatabase,
  f: { q?: string; role?: string; enterpriseId?: string; regionCode?: string; limit: number; offset: number },
) {
  const where = {
    ...(f.q ? { OR: [{ email: { contains: f.q.toLowerCase() } }, { displayName: { contains: f.q } }] } : {}),
    ...(f.role || f.enterpriseId || f.regionCode
      ? {
          memberships: {
            some: {
              ...(f.role ? { role: f.role } : {}),
              ...(f.enterpriseId ? { enterpriseId: f.enterpriseId } : {}),
              ...(f.regionCode ? { regionCode: f.regionCode } : {}),
            },
          },
        }
      : {}),
  }
  const [rows, total] = await Promise.all([
    db.prisma.user.findMany({ where, include: select, orderBy: [{ email: 'asc' }], take: f.limit, skip: f.offset }),
    db.prisma.user.count({ where }),
  ])
  return { items: rows.map(userView), total, limit: f.limit, offset: f.offset }
}

export type TMembershipInput = { role: TMembership['role']; enterpriseId?: string | null; regionCode?: string | null }

function* insertMembership(userId: string, m: TMembershipInput, now: string, path: string) {
  if (m.enterpriseId) {
    const e = yield* one<{ id: string }>(`SELECT "id" FROM "Enterprise" WHERE "id" = ?`, [m.enterpriseId])
    if (!e) throw invalidField(`${path}.enterpriseId`, { zh: `企业不存在：${m.enterpriseId}`, en: `enterprise not found: ${m.enterpriseId}` })
  }
  if (m.regionCode) {
    const r = yield* one<{ code: string }>(`SELECT "code" FROM "Region" WHERE "code" = ?`, [m.regionCode])
    if (!r) throw invalidField(`${path}.regionCode`, { zh: `行政区划不存在：${m.regionCode}`, en: `region not found: ${m.regionCode}` })
  }
  const dup = yield* one<{ id: string }>(
    `SELECT "id" FROM "RoleMembership" WHERE "userId" = ? AND "role" = ?
       AND COALESCE("enterpriseId", '') = ? AND COALESCE("regionCode", '') = ?`,
    [userId, m.role, m.enterpriseId ?? '', m.regionCode ?? ''],
  )
  if (dup) {
    throw new AppError('ALREADY_EXISTS', { zh: '该角色已授予此用户', en: 'the user already has this role' }, { membershipId: dup.id })
  }
  const membership: TMembership = {
    id: crypto.randomUUID(),
    role: m.role,
    enterpriseId: m.enterpriseId ?? null,
    regionCode: m.regionCode ?? null,
    createdAt: now,
  }
  yield* run(
    `INSERT INTO "RoleMembership" ("id", "userId", "role", "enterpriseId", "regionCode", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
    [membership.id, userId, membership.role, membership.enterpriseId, membership.regionCode, now],
  )
  return membership
}

export type TCreateUserInput = {
  email: string
  displayName: string
  passwordHash: string | null
  memberships?: TMembershipInput[]
}

export async function createUser(
  db: TDatabase,
  input: TCreateUserInput,
  now: string,
  options: TAlsoInTransaction<TUserView> = {},
): Promise<TUserView> {
  const email = input.email.trim().toLowerCase()
  return db.transaction(function* () {
    const taken = yield* one<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, [email])
    if (taken) {
      throw new AppError('ALREADY_EXISTS', { zh: `电子邮箱已被使用：${email}`, en: `e-mail already in use: ${email}` }, { userId: taken.id })
    }
    const id = crypto.randomUUID()
    yield* run(
      `INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, email, input.displayName, input.passwordHash, true, now, now],
    )
    const memberships: TMembership[] = []
    for (const [i, m] of (input.memberships ?? []).entries()) {
      memberships.push(yield* insertMembership(id, m, now, `body.memberships.${i}`))
    }
    const user: TUserView = { id, email, displayName: input.displayName, active: true, createdAt: now, updatedAt: now, memberships }
    return yield* alsoRecord(options, user)
  })
}

/**
 * Updates an account; deactivating it or setting a password signs it out everywhere (its sessions are deleted).
 * A deactivated account's API tokens stop working too (authentication checks `active`).
 */
export async function updateUser(
  db: TDatabase,
  id: string,
  patch: { displayName?: string; active?: boolean; passwordHash?: string },
  now: string,
  options: TAlsoInTransaction<{ id: string }> = {},
): Promise<void> {
  await db.transaction(function* () {
    const u = yield* one<{ id: string }>(`SELECT "id" FROM "User" WHERE "id" = ?`, [id])
    if (!u) throw userNotFound(id)
    const changes = Object.entries(patch).filter(([, v]) => v !== undefined) as [string, TSqlValue][]
    const sets = [`"updatedAt" = ?`, ...changes.map(([k]) => `"${k}" = ?`)]
    yield* run(`UPDATE "User" SET ${sets.join(', ')} WHERE "id" = ?`, [now, ...changes.map(([, v]) => v), id])
    if (patch.active === false || patch.passwordHash !== undefined) {
      yield* run(`DELETE FROM "Session" WHERE "userId" = ?`, [id])
    }
    yield* alsoRecord(options, { id })
  })
}

export async function addMembership(
  db: TDatabase,
  userId: string,
  input: TMembershipInput,
  now: string,
  options: TAlsoInTransaction<TMembership> = {},
): Promise<TMembership> {
  return db.transaction(function* () {
    const u = yield* one<{ id: string }>(`SELECT "id" FROM "User" WHERE "id" = ?`, [userId])
    if (!u) throw userNotFound(userId)
    const m = yield* insertMembership(userId, input, now, 'body')
    return yield* alsoRecord(options, m)
  })
}

export async function removeMembership(db: TDatabase, userId: string, membershipId: string): Promise<void> {
  const removed = await db.transaction(function* () {
    return yield* run(`DELETE FROM "RoleMembership" WHERE "id" = ? AND "userId" = ?`, [membershipId, userId])
  })
  if (removed !== 1) {
    throw new AppError(
      'NOT_FOUND',
      { zh: `角色授权不存在：${membershipId}`, en: `membership not found: ${membershipId}` },
      { membershipId },
    )
  }
}

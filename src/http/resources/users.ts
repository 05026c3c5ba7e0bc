/** /users: accounts and their role memberships (admins only). */
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword } from '../../auth/password.js'
import { addMembership, createUser, getUser, listUsers, removeMembership, updateUser, type TMembership, type TUserView } from '../../engine/users.js'
import { page, ZMembershipSchema, ZPagingQuery, ZRegionCodeSchema, ZRoleSchema, ZUserSchema, ZUuidLikeSchema } from '../schemas.js'
import { nowIso, type TResource } from '../services.js'

/**
 * A role and its scope: negotiators and worker representatives need an enterprise, a bureau reviewer a region,
 * an admin neither.
 */
export const ZMembershipInputSchema = z
  .strictObject({
    role: ZRoleSchema,
    enterpriseId: ZUuidLikeSchema.optional(),
    regionCode: ZRegionCodeSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const needsEnterprise = m.role === 'unionNegotiator' || m.role === 'employerNegotiator' || m.role === 'workerRepresentative'
    if (needsEnterprise && !m.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: `role ${m.role} needs an enterpriseId` })
    if (!needsEnterprise && m.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: `role ${m.role} takes no enterpriseId` })
    if (m.role === 'bureauReviewer' && !m.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'role bureauReviewer needs a regionCode' })
    if (m.role !== 'bureauReviewer' && m.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `role ${m.role} takes no regionCode` })
  })

const ZEmailSchema = z.email().max(254)
const ZPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH)
const ZUserParams = z.strictObject({ userId: ZUuidLikeSchema })

export const usersResource: TResource = (add, s) => {
  const admin = ['admin'] as const

  add({
    method: 'get',
    path: '/users',
    operationId: 'listUsers',
    tag: 'users',
    summary: { zh: '用户列表', en: 'List users' },
    access: admin,
    query: z.strictObject({
      q: z.string().max(200).optional(),
      role: ZRoleSchema.optional(),
      enterpriseId: ZUuidLikeSchema.optional(),
      regionCode: ZRegionCodeSchema.optional(),
      ...ZPagingQuery,
    }),
    responses: { 200: { description: { zh: '用户', en: 'Users' }, schema: page(ZUserSchema) } },
    handler: async ({ query }) => ({ status: 200, body: await listUsers(s.engine.db, query) }),
  })

  add({
    method: 'post',
    path: '/users',
    operationId: 'createUser',
    tag: 'users',
    summary: { zh: '创建用户（可同时授予角色）', en: 'Create a user (optionally with roles)' },
    access: admin,
    body: z.strictObject({
      email: ZEmailSchema,
      displayName: z.string().trim().min(1).max(200),
      password: ZPasswordSchema,
      memberships: z.array(ZMembershipInputSchema).max(50).optional(),
    }),
    responses: { 201: { description: { zh: '新用户', en: 'The new user' }, schema: ZUserSchema } },
    errors: [409],
    handler: async ({ body }, ctx) => {
      const respond = (u: TUserView) => ({ status: 201, body: u })
      const passwordHash = await hashPassword(body.password)
      const user = await createUser(
        s.engine.db,
        { email: body.email, displayName: body.displayName, passwordHash, memberships: body.memberships },
        nowIso(s),
        ctx.idempotent(respond),
      )
      return respond(user)
    },
  })

  add({
    method: 'get',
    path: '/users/:userId',
    operationId: 'getUser',
    tag: 'users',
    summary: { zh: '用户详情', en: 'Get a user' },
    access: admin,
    params: ZUserParams,
    responses: { 200: { description: { zh: '用户', en: 'The user' }, schema: ZUserSchema } },
    errors: [404],
    handler: async ({ params }) => ({ status: 200, body: await getUser(s.engine.db, params.userId) }),
  })

  add({
    method: 'patch',
    path: '/users/:userId',
    operationId: 'updateUser',
    tag: 'users',
    summary: { zh: '修改用户（停用、重置密码）', en: 'Update a user (deactivate, reset the password)' },
    description: { zh: '停用或重置密码会结束该用户的全部会话。', en: 'Deactivating or resetting the password ends all of the user’s sessions.' },
    access: admin,
    params: ZUserParams,
    body: z
      .strictObject({ displayName: z.string().trim().min(1).max(200).optional(), active: z.boolean().optional(), password: ZPasswordSchema.optional() })
      .refine((b) => Object.keys(b).length > 0, 'give at least one field to change'),
    responses: { 200: { description: { zh: '修改后的用户', en: 'The updated user' }, schema: ZUserSchema } },
    errors: [404],
    handler: async ({ params, body }) => {
      const passwordHash = body.password ? await hashPassword(body.password) : undefined
      await updateUser(s.engine.db, params.userId, { displayName: body.displayName, active: body.active, passwordHash }, nowIso(s))
      return { status: 200, body: await getUser(s.engine.db, params.userId) }
    },
  })

  add({
    method: 'post',
    path: '/users/:userId/memberships',
    operationId: 'addMembership',
    tag: 'users',
    summary: { zh: '授予角色', en: 'Grant a role' },
    access: admin,
    params: ZUserParams,
    body: ZMembershipInputSchema,
    responses: { 201: { description: { zh: '新的角色授权', en: 'The new membership' }, schema: ZMembershipSchema } },
    errors: [404, 409],
    handler: async ({ params, body }, ctx) => {
      const respond = (m: TMembership) => ({ status: 201, body: m })
      return respond(await addMembership(s.engine.db, params.userId, body, nowIso(s), ctx.idempotent(respond)))
    },
  })

  add({
    method: 'delete',
    path: '/users/:userId/memberships/:membershipId',
    operationId: 'removeMembership',
    tag: 'users',
    summary: { zh: '撤销角色', en: 'Revoke a role' },
    access: admin,
    params: z.strictObject({ userId: ZUuidLikeSchema, membershipId: ZUuidLikeSchema }),
    responses: { 204: { description: { zh: '已撤销', en: 'Revoked' } } },
    errors: [404],
    handler: async ({ params }) => {
      await removeMembership(s.engine.db, params.userId, params.membershipId)
      return { status: 204 }
    },
  })
}

/**
 * /enterprises: registered with the GB 32100 credit-code check in an existing region; seen by the users whose
 * roles reach them (their own enterprise; a bureau its region and sub-regions; admins all). Admins and the bureau
 * of the region register and update them.
 */
import { z } from 'zod'
import { bureauCovers, isAdmin, scopeOf, type TPrincipal } from '../../auth/principal.js'
import { enterpriseAccess, requireRoleOn } from '../../auth/case-access.js'
import {
  createEnterprise,
  listEnterprises,
  updateEnterprise,
  type TEnterprise,
} from '../../engine/enterprises.js'
import { AppError } from '../../errors/app-error.js'
import { page, ZEnterpriseSchema, ZPagingQuery, ZQueryBoolSchema, ZRegionCodeSchema, ZUuidLikeSchema } from '../schemas.js'
import { nowIso, type TResource } from '../services.js'

const fields = {
  name: z.string().trim().min(1).max(200),
  regionCode: ZRegionCodeSchema,
  /** GB/T 4754-2017: a section letter, optionally followed by 2-4 digits (e.g. C3484). */
  industryCode: z.string().regex(/^[A-T](\d{2,4})?$/, 'expected a GB/T 4754 industry code, e.g. C3484'),
  headcount: z.number().int().min(1).max(10_000_000),
  hasUnion: z.boolean(),
  legalRepresentative: z.string().trim().min(1).max(100).nullable(),
  address: z.string().trim().min(1).max(500).nullable(),
}

/** Checked in full (alphabet, region part, check character) by workflows/rules/credit-code.ts, with a bilingual reason. */
const ZCreditCodeSchema = z
  .string()
  .length(18)
  .describe('unified social credit code (统一社会信用代码), GB 32100-2015; the check character is verified')

const outOfRegion = () =>
  new AppError('FORBIDDEN', {
    zh: '只能在本辖区（含下级区划）登记或修改企业',
    en: 'you may register or change enterprises only in your region and its sub-regions',
  })

/** Admins anywhere; bureau reviewers inside their regions. */
function authorizeRegion(p: TPrincipal, regionPath: readonly string[]) {
  if (!isAdmin(p) && !bureauCovers(p, regionPath)) throw outOfRegion()
}

export const enterprisesResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/enterprises',
    operationId: 'listEnterprises',
    tag: 'enterprises',
    summary: { zh: '企业列表（按权限范围）', en: 'List enterprises (within your scope)' },
    access: 'signedIn',
    query: z.strictObject({
      regionCode: ZRegionCodeSchema.optional().describe('includes sub-regions'),
      q: z.string().max(200).optional().describe('part of the name'),
      creditCode: z.string().max(18).optional(),
      hasUnion: ZQueryBoolSchema.optional(),
      ...ZPagingQuery,
    }),
    responses: { 200: { description: { zh: '企业', en: 'Enterprises' }, schema: page(ZEnterpriseSchema) } },
    handler: async ({ query }, { principal }) => ({
      status: 200,
      body: await listEnterprises(s.engine.db, scopeOf(principal), query),
    }),
  })

  add({
    method: 'post',
    path: '/enterprises',
    operationId: 'createEnterprise',
    tag: 'enterprises',
    summary: { zh: '登记企业', en: 'Register an enterprise' },
    description: {
      zh: '统一社会信用代码按 GB 32100-2015 校验；行政区划须已存在。劳动保障行政部门只能在本辖区登记。',
      en: 'The credit code is checked per GB 32100-2015; the region must exist. A bureau registers only in its region.',
    },
    access: ['admin', 'bureauReviewer'],
    body: z.strictObject({
      creditCode: ZCreditCodeSchema,
      ...fields,
      legalRepresentative: fields.legalRepresentative.optional(),
      address: fields.address.optional(),
    }),
    responses: { 201: { description: { zh: '已登记', en: 'Registered' }, schema: ZEnterpriseSchema } },
    errors: [409],
    handler: async ({ body }, ctx) => {
      const respond = (e: TEnterprise) => ({ status: 201, body: e })
      const e = await createEnterprise(
        s.engine.db,
        body,
        nowIso(s),
        (regionPath) => authorizeRegion(ctx.principal, regionPath),
        ctx.idempotent(respond),
      )
      return respond(e)
    },
  })

  add({
    method: 'get',
    path: '/enterprises/:enterpriseId',
    operationId: 'getEnterprise',
    tag: 'enterprises',
    summary: { zh: '企业详情', en: 'Get an enterprise' },
    access: 'signedIn',
    params: z.strictObject({ enterpriseId: ZUuidLikeSchema }),
    responses: { 200: { description: { zh: '企业', en: 'The enterprise' }, schema: ZEnterpriseSchema } },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      const { enterprise } = await enterpriseAccess(s.engine, principal, params.enterpriseId)
      return { status: 200, body: enterprise }
    },
  })

  add({
    method: 'patch',
    path: '/enterprises/:enterpriseId',
    operationId: 'updateEnterprise',
    tag: 'enterprises',
    summary: { zh: '修改企业信息', en: 'Update an enterprise' },
    description: { zh: '统一社会信用代码不可修改。', en: 'The credit code cannot change.' },
    access: ['admin', 'bureauReviewer'],
    params: z.strictObject({ enterpriseId: ZUuidLikeSchema }),
    body: z
      .strictObject({
        name: fields.name.optional(),
        regionCode: fields.regionCode.optional(),
        industryCode: fields.industryCode.optional(),
        headcount: fields.headcount.optional(),
        hasUnion: fields.hasUnion.optional(),
        legalRepresentative: fields.legalRepresentative.optional(),
        address: fields.address.optional(),
      })
      .refine((b) => Object.keys(b).length > 0, 'give at least one field to change'),
    responses: { 200: { description: { zh: '修改后的企业', en: 'The updated enterprise' }, schema: ZEnterpriseSchema } },
    errors: [404],
    handler: async ({ params, body }, { principal }) => {
      // Visible at all? (404 otherwise), then: may this caller change it, and move it where asked?
      const { roles } = await enterpriseAccess(s.engine, principal, params.enterpriseId)
      requireRoleOn(roles, ['admin', 'bureauReviewer'], { zh: '修改企业信息', en: 'change this enterprise' })
      const e = await updateEnterprise(s.engine.db, params.enterpriseId, body, nowIso(s), (current, newPath) => {
        authorizeRegion(principal, current.regionPath)
        if (newPath) authorizeRegion(principal, newPath)
      })
      return { status: 200, body: e }
    },
  })
}

/** /regions: the GB/T 2260 administrative divisions (reference data; any signed-in user reads, admins add). */
import { z } from 'zod'
import { createRegion, getRegion, listRegionTree, type TRegion, type TRegionNode } from '../../engine/regions.js'
import { ZRegionCodeSchema, ZRegionSchema } from '../schemas.js'
import { nowIso, type TResource } from '../services.js'

const ZRegionNodeSchema: z.ZodType<TRegionNode> = ZRegionSchema.extend({
  get children() {
    return z.array(ZRegionNodeSchema)
  },
})

export const regionsResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/regions',
    operationId: 'listRegions',
    tag: 'regions',
    summary: { zh: '行政区划树', en: 'The region tree' },
    access: 'signedIn',
    query: z.strictObject({ under: ZRegionCodeSchema.optional() }),
    responses: { 200: { description: { zh: '区划树（或某区划下的子树）', en: 'The tree (or the subtree under a region)' }, schema: z.object({ items: z.array(ZRegionNodeSchema) }) } },
    handler: async ({ query }) => ({ status: 200, body: { items: await listRegionTree(s.engine.db, query.under) } }),
  })

  add({
    method: 'get',
    path: '/regions/:code',
    operationId: 'getRegion',
    tag: 'regions',
    summary: { zh: '行政区划详情（上级与下级）', en: 'A region with its ancestors and children' },
    access: 'signedIn',
    params: z.strictObject({ code: ZRegionCodeSchema }),
    responses: {
      200: {
        description: { zh: '区划', en: 'The region' },
        schema: ZRegionSchema.extend({ ancestors: z.array(ZRegionSchema), children: z.array(ZRegionSchema) }),
      },
    },
    errors: [404],
    handler: async ({ params }) => ({ status: 200, body: await getRegion(s.engine.db, params.code) }),
  })

  add({
    method: 'post',
    path: '/regions',
    operationId: 'createRegion',
    tag: 'regions',
    summary: { zh: '新增行政区划', en: 'Add a region' },
    access: ['admin'],
    body: z.strictObject({
      code: ZRegionCodeSchema,
      name: z.string().trim().min(1).max(100),
      nameEn: z.string().trim().min(1).max(200).nullable().default(null),
      level: z.enum(['province', 'prefecture', 'county']),
      parentCode: ZRegionCodeSchema.nullable().default(null),
    }),
    responses: { 201: { description: { zh: '新区划', en: 'The new region' }, schema: ZRegionSchema } },
    errors: [409],
    handler: async ({ body }, ctx) => {
      const respond = (r: TRegion) => ({ status: 201, body: r })
      return respond(await createRegion(s.engine.db, body, nowIso(s), ctx.idempotent(respond)))
    },
  })
}

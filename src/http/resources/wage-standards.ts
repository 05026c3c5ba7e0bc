/**
 * Regional wage figures (src/regions/wage-standards.ts): the minimum wage, the wage guideline, the urban CPI and
 * the average wage per region and year, each with its source. Any signed-in user reads them; admins upload.
 * Money is in fen (integers), percentages in basis points (1% = 100).
 */
import { z } from 'zod'
import { getRegion } from '../../engine/regions.js'
import { localDateOf } from '../../engine/register.js'
import { AppError } from '../../errors/app-error.js'
import {
  applicableMinimumWage,
  saveWageStandards,
  wageStandardsOf,
  WAGE_STANDARD_KINDS,
  ZWageStandardUpload,
} from '../../regions/wage-standards.js'
import { ZRegionCodeSchema } from '../schemas.js'
import { now, nowIso, type TResource } from '../services.js'

const ZFigureSchema = z.object({
  regionCode: z.string(),
  kind: z.enum(WAGE_STANDARD_KINDS),
  tier: z.string().describe('empty, or the tier of a tiered standard (第一档…)'),
  value: z.number().int().describe('fen for money kinds, basis points for percentages'),
  unit: z.enum(['fen', 'basisPoints']),
  year: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  source: z.object({
    title: z.string(),
    number: z.string().nullable(),
    issuer: z.string(),
    url: z.string().nullable(),
    publishedOn: z.string().nullable(),
  }),
  note: z.string().nullable(),
})

const ZMinimumWageSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    requestedRegionCode: z.string(),
    regionCode: z.string().describe('where the figure was found: the region or its nearest ancestor with one'),
    path: z.array(z.string()),
    figure: ZFigureSchema,
  }),
  z.object({
    status: z.literal('tierUnknown'),
    requestedRegionCode: z.string(),
    regionCode: z.string(),
    path: z.array(z.string()),
    tiers: z.array(ZFigureSchema).describe('every tier in force there: which one applies is not in the data'),
  }),
  z.object({ status: z.literal('none'), requestedRegionCode: z.string() }),
])

/** Upload errors name body fields (`entries.3.regionCode` → `body.entries.3.regionCode`). */
function withBodyPaths(e: unknown): unknown {
  if (e instanceof AppError && e.code === 'INVALID_INPUT' && Array.isArray(e.details.issues)) {
    const issues = (e.details.issues as { path?: string }[]).map((i) => ({ ...i, path: i.path ? `body.${i.path}` : 'body' }))
    return new AppError('INVALID_INPUT', e.text, { ...e.details, issues })
  }
  return e
}

export const wageStandardsResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/wage-standards',
    operationId: 'listWageStandards',
    tag: 'regions',
    summary: { zh: '地区工资标准数据（最低工资、工资指导线等）', en: 'Regional wage figures (minimum wage, guideline…)' },
    description: {
      zh: '登记在该区划上的数据（不含上级区划的），每条注明来源。金额单位为分，百分比单位为基点（1% = 100）。',
      en: 'The figures stored on the region itself (not its ancestors), each with its source. Money in fen, percentages in basis points (1% = 100).',
    },
    access: 'signedIn',
    query: z.strictObject({
      regionCode: ZRegionCodeSchema,
      year: z.coerce.number().int().min(1994).max(2100).optional(),
      kind: z.enum(WAGE_STANDARD_KINDS).optional(),
    }),
    responses: { 200: { description: { zh: '数据，按类型和生效日期', en: 'Figures by kind and effective date' }, schema: z.object({ items: z.array(ZFigureSchema) }) } },
    handler: async ({ query }) => {
      const figures = await s.engine.db.read(() => wageStandardsOf(query.regionCode))
      const items = figures.filter((f) => (query.year === undefined || f.year === query.year) && (query.kind === undefined || f.kind === query.kind))
      return { status: 200, body: { items } }
    },
  })

  add({
    method: 'post',
    path: '/wage-standards',
    operationId: 'uploadWageStandards',
    tag: 'regions',
    summary: { zh: '上传地区工资标准数据', en: 'Upload regional wage figures' },
    description: {
      zh: '按（区划、类型、档次、生效日期）写入：新的新增，变化的更新，相同的不变；重复上传不改变数据。区划须已存在，否则整批拒绝并指出字段。限管理员。',
      en: 'Keyed by (region, kind, tier, effective date): new ones are inserted, changed ones updated, equal ones left; uploading the same data again changes nothing. Every region must exist, or the whole upload is refused naming the field. Admins.',
    },
    access: ['admin'],
    body: ZWageStandardUpload,
    responses: {
      200: {
        description: { zh: '写入结果', en: 'What was written' },
        schema: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
      },
    },
    handler: async ({ body }, { principal }) => {
      try {
        return { status: 200, body: await saveWageStandards(s.engine.db, body, { loadedBy: principal.user.id, now: nowIso(s) }) }
      } catch (e) {
        throw withBodyPaths(e)
      }
    },
  })

  add({
    method: 'get',
    path: '/regions/:code/minimum-wage',
    operationId: 'getApplicableMinimumWage',
    tag: 'regions',
    summary: { zh: '某区划某日适用的最低工资标准', en: 'The minimum wage in force in a region on a date' },
    description: {
      zh: '在该区划或其最近的有数据的上级区划上查找当日有效的最新标准。分档标准尚未对应到区县时返回 tierUnknown 及各档，不作猜测。on 默认为今天（北京时间）。',
      en: 'The latest figure in force that day on the region or its nearest ancestor that has one. A tiered standard not yet mapped to counties gives tierUnknown with every tier, never a guess. `on` defaults to today (Beijing time).',
    },
    access: 'signedIn',
    params: z.strictObject({ code: ZRegionCodeSchema }),
    query: z.strictObject({
      on: z.iso.date('expected a calendar date YYYY-MM-DD').optional(),
      kind: z.enum(['monthly', 'hourly']).default('monthly').describe('monthly: full-time per month; hourly: non-full-time per hour'),
    }),
    responses: { 200: { description: { zh: '适用标准', en: 'The applicable standard' }, schema: ZMinimumWageSchema } },
    errors: [404],
    handler: async ({ params, query }) => {
      await getRegion(s.engine.db, params.code)
      const on = query.on ?? localDateOf(now(s))
      const kind = query.kind === 'hourly' ? 'minimumHourly' : 'minimumMonthly'
      const found = await s.engine.db.read(() => applicableMinimumWage(params.code, on, kind))
      return { status: 200, body: found ?? { status: 'none' as const, requestedRegionCode: params.code } }
    },
  })
}

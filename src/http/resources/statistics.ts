/**
 * Statistics for the labour bureau (issue 9): filings per month, review times, deemed-approval rate, coverage and the
 * agreed wage increases against the wage guideline, for a region and its sub-regions over a period of months — as
 * JSON, and each table as CSV (UTF-8 with a BOM for Excel). Bureau reviewers see their region and the regions below
 * it; admins any region. The definitions are in workflows/statistics/statistics.ts.
 */
import { z } from 'zod'
import { STATISTICS_TABLES, statisticsTables } from '../../../workflows/statistics/statistics.js'
import { scopeOf } from '../../auth/principal.js'
import { localDateOf } from '../../engine/register.js'
import { defaultPeriod, regionStatistics, statisticsRegionOf } from '../../engine/statistics.js'
import { csvWithBom } from '../csv.js'
import { ZRegionCodeSchema } from '../schemas.js'
import type { TResource } from '../services.js'
import type { TPrincipal } from '../../auth/principal.js'
import type { TEngine } from '../../engine/engine.js'

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')

const queryFields = {
  regionCode: ZRegionCodeSchema.optional().describe('the region (with its sub-regions); default: your bureau region'),
  from: ZMonth.optional().describe('first month of the period, YYYY-MM; default: 11 months before `to`'),
  to: ZMonth.optional().describe('last month of the period, YYYY-MM; default: this month'),
}

const num = z.number()
const rate = z.number().nullable().describe('percent, 2 decimals; null when the denominator is 0')
const ZReviewFigures = z.object({
  received: num,
  decided: num,
  pending: num,
  objection: num,
  noObjection: num,
  deemedApproval: num,
  deemedApprovalRate: rate,
  days: z.object({ median: num, mean: num, max: num }).nullable().describe('calendar days from receipt to decision'),
})
const ZCoverageFigures = z.object({
  enterprises: num,
  covered: num,
  share: rate,
  employees: num,
  employeesCovered: num,
  employeeShare: rate,
})
const ZWageFigures = z.object({
  section: z.string().describe('GB/T 4754 section letter; empty for the total'),
  agreements: num,
  withIncrease: num,
  average: z.number().nullable().describe('percent, 2 decimals'),
  min: z.number().nullable(),
  max: z.number().nullable(),
  withGuideline: num,
  aboveUpper: num,
  belowLower: num,
})
const ZGuideline = z.object({
  regionCode: z.string(),
  year: num,
  baseline: z.number().nullable().describe('basis points'),
  upper: z.number().nullable(),
  lower: z.number().nullable(),
})
const ZUnit = z.object({ code: z.string(), name: z.string() })

const ZStatisticsSchema = z.object({
  region: ZUnit,
  from: z.string(),
  to: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  units: z.array(ZUnit).describe('the direct sub-regions (and the region itself when enterprises are registered on it)'),
  months: z.array(z.string()),
  filings: z.object({
    total: num,
    byMonth: z.array(z.object({ month: z.string(), total: num, byUnit: z.record(z.string(), num) })),
    byUnit: z.record(z.string(), num),
  }),
  reviews: ZReviewFigures.extend({ byUnit: z.record(z.string(), ZReviewFigures) }),
  coverage: ZCoverageFigures.extend({ on: z.string(), byUnit: z.record(z.string(), ZCoverageFigures) }),
  wages: z.object({ total: ZWageFigures, byIndustry: z.array(ZWageFigures), guidelines: z.array(ZGuideline) }),
})

/** The statistics a caller asked for, with the defaults filled in (shared with the web page). */
export async function statisticsFor(
  s: { engine: TEngine },
  p: TPrincipal,
  q: { regionCode?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  const scope = scopeOf(p)
  const period = defaultPeriod(localDateOf(s.engine.clock.now()))
  const to = q.to ?? (q.from && q.from > period.to ? q.from : period.to)
  const from = q.from ?? defaultPeriod(`${to}-01`).from
  return regionStatistics(s.engine.db, scope, { regionCode: statisticsRegionOf(scope, q.regionCode), from, to })
}

const definitions = {
  zh: '按收件日期统计受理的备案（补正后重新登记的按最后一次登记计）；审查用时为收件至决定（异议或无异议意见的日期，视为同意为审查期限最后一日）的日数；视为同意率＝视为同意÷已审结；覆盖率为期末有生效合同的企业（职工）占辖区企业（职工）的比例；工资增幅为本期生效合同约定的职工年度平均工资调整幅度，与当年工资指导线比较。',
  en: 'Filings by receipt date (after a correction, the last registration counts); review time is the days from receipt to the decision (the date of the objection or no-objection opinion; for a deemed approval the last day of the review period); deemed-approval rate = deemed approvals ÷ decided; coverage is the share of enterprises (employees) with an agreement in force at the end of the period; the wage increase is the annual average adjustment agreed by the agreements that took effect in the period, against that year’s wage guideline.',
}

export const statisticsResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/statistics',
    operationId: 'getStatistics',
    tag: 'statistics',
    summary: { zh: '辖区备案审查与集体合同统计', en: 'Statistics of a region and its sub-regions' },
    description: definitions,
    access: ['bureauReviewer', 'admin'],
    query: z.strictObject(queryFields),
    responses: { 200: { description: { zh: '统计结果', en: 'The statistics' }, schema: ZStatisticsSchema } },
    errors: [403, 404],
    handler: async ({ query }, { principal }) => ({ status: 200, body: await statisticsFor(s, principal, query) }),
  })

  add({
    method: 'get',
    path: '/statistics.csv',
    operationId: 'exportStatisticsCsv',
    tag: 'statistics',
    summary: { zh: '导出统计表（CSV）', en: 'Export a statistics table (CSV)' },
    description: {
      zh: `UTF-8 编码并带 BOM（Excel 可直接打开中文），CRLF 换行。table 选择统计表：filings 各月受理数，reviews 审查情况，coverage 覆盖情况，wages 工资增幅，guidelines 工资指导线。${definitions.zh}`,
      en: `UTF-8 with a BOM (Excel opens the Chinese directly), CRLF line ends. \`table\` picks the table: filings per month, reviews, coverage, wages, guidelines. ${definitions.en}`,
    },
    access: ['bureauReviewer', 'admin'],
    query: z.strictObject({ ...queryFields, table: z.enum(STATISTICS_TABLES).default('filings'), lang: z.enum(['zh', 'en']).default('zh') }),
    responses: { 200: { description: { zh: 'CSV 文件', en: 'The CSV file' }, contentType: 'text/csv' } },
    errors: [403, 404],
    handler: async ({ query }, { principal }) => {
      const stats = await statisticsFor(s, principal, query)
      const table = statisticsTables(stats, query.lang)[query.table]
      const header = table.columns.map((c) => (query.lang === 'en' ? c.en : c.zh))
      return {
        status: 200,
        headers: { 'Content-Disposition': `attachment; filename="statistics-${stats.region.code}-${stats.from}-${stats.to}-${query.table}.csv"` },
        bytes: { contentType: 'text/csv; charset=utf-8', data: Buffer.from(csvWithBom(header, table.rows), 'utf8') },
      }
    },
  })
}

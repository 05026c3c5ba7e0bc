/**
 * The public register of effective agreements (no sign-in): JSON pages with search, and exports as CSV (UTF-8 with
 * a BOM, so Excel opens the Chinese correctly) and JSON. Public facts only: the enterprise, the kind, the term,
 * the registration and how the agreement became effective — never anything of the negotiation.
 */
import { z } from 'zod'
import { ZCaseKindSchema } from '../../../workflows/rules/jurisdictions/types.js'
import { exportRegister, listRegister, localDateOf, type TRegisterEntry, type TRegisterFilter } from '../../engine/register.js'
import { csvWithBom } from '../csv.js'
import { page, ZPagingQuery, ZRegionCodeSchema } from '../schemas.js'
import { now, type TResource, type TServices } from '../services.js'

/** Rows in one export; a larger register is exported by region (the response says when it was cut). */
export const REGISTER_EXPORT_MAX = 100_000

const ZLocalDate = z.iso.date('expected a calendar date YYYY-MM-DD')

const filterFields = {
  regionCode: ZRegionCodeSchema.optional().describe('the region and its sub-regions'),
  industry: z
    .string()
    .regex(/^[A-T](\d{2,4})?$/, 'expected a GB/T 4754 industry code or its section, e.g. C or C3484')
    .optional()
    .describe('GB/T 4754 code or prefix: C = manufacturing, C34, C3484'),
  q: z.string().trim().min(1).max(200).optional().describe('part of the enterprise name'),
  creditCode: z.string().length(18).optional(),
  kind: ZCaseKindSchema.optional(),
  expiresOnOrBefore: ZLocalDate.optional().describe('last day of the term on or before this date'),
  expiresOnOrAfter: ZLocalDate.optional().describe('last day of the term on or after this date'),
}

const ZRegisterEntrySchema = z.object({
  caseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string(),
  kind: ZCaseKindSchema.or(z.string()),
  agreementVersion: z.number().int(),
  registrationNumber: z.string().nullable(),
  signedOn: z.string().nullable(),
  effectiveOn: z.string(),
  effectiveBy: z.enum(['noObjectionOpinion', 'deemedApproval']).describe('the bureau’s no-objection opinion, or deemed approval (JHR 47)'),
  termMonths: z.number().int(),
  termStartsOn: z.string(),
  expiresOn: z.string().describe('the last day of the term'),
  standing: z.enum(['inForce', 'renegotiating']).describe('renegotiating: an amendment, rescission or renewal is under way; the agreement applies meanwhile'),
})

const KIND_ZH: Record<string, string> = {
  wageAgreement: '工资专项集体合同',
  collectiveContract: '集体合同',
  specialWomenWorkers: '女职工权益保护专项集体合同',
  specialSafety: '劳动安全卫生专项集体合同',
}

const EFFECTIVE_BY_ZH: Record<TRegisterEntry['effectiveBy'], string> = {
  noObjectionOpinion: '审查无异议',
  deemedApproval: '审查期满视为同意',
}

/** The CSV columns: a Chinese header (the register is read in Chinese), the English name after a slash. */
const CSV_COLUMNS: { header: string; value: (e: TRegisterEntry) => string | number }[] = [
  { header: '企业名称 / enterprise', value: (e) => e.enterpriseName },
  { header: '统一社会信用代码 / credit code', value: (e) => e.creditCode },
  { header: '行政区划代码 / region code', value: (e) => e.regionCode },
  { header: '行政区划 / region', value: (e) => e.regionName },
  { header: '行业代码 / industry', value: (e) => e.industryCode },
  { header: '合同类型 / kind', value: (e) => KIND_ZH[e.kind] ?? e.kind },
  { header: '备案登记号 / registration number', value: (e) => e.registrationNumber ?? '' },
  { header: '生效日期 / effective on', value: (e) => e.effectiveOn },
  { header: '生效方式 / effective by', value: (e) => EFFECTIVE_BY_ZH[e.effectiveBy] },
  { header: '期限起始日 / term starts', value: (e) => e.termStartsOn },
  { header: '期限届满日 / expires', value: (e) => e.expiresOn },
  { header: '期限（月）/ term (months)', value: (e) => e.termMonths },
  { header: '状态 / standing', value: (e) => (e.standing === 'inForce' ? '有效' : '有效（变更、解除或续订协商中）') },
  { header: '案件编号 / case', value: (e) => e.caseId },
]

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark. */
export function registerCsv(items: readonly TRegisterEntry[]): string {
  return csvWithBom(
    CSV_COLUMNS.map((c) => c.header),
    items.map((e) => CSV_COLUMNS.map((c) => c.value(e))),
  )
}

const today = (s: TServices) => localDateOf(now(s))

/** The filter without undefined fields (exactOptionalPropertyTypes). */
const filterOf = (q: Record<string, unknown>): TRegisterFilter =>
  Object.fromEntries(Object.entries(q).filter(([k, v]) => v !== undefined && k in filterFields)) as TRegisterFilter

const exportHeaders = (name: string, truncated: boolean) => ({
  'Content-Disposition': `attachment; filename="${name}"`,
  'X-Register-Truncated': truncated ? 'true' : 'false',
})

const exportDescription = {
  zh: `与列表相同的筛选条件，不分页，最多 ${REGISTER_EXPORT_MAX.toLocaleString('en')} 行（X-Register-Truncated: true 表示已截断，请按区划分批导出）。`,
  en: `The same filters as the list, unpaged, at most ${REGISTER_EXPORT_MAX.toLocaleString('en')} rows (X-Register-Truncated: true when cut: export by region).`,
}

export const registerResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/register',
    operationId: 'listRegister',
    tag: 'register',
    summary: { zh: '有效集体合同公示名录', en: 'The public register of effective agreements' },
    description: {
      zh: '已生效的集体合同（含工资专项集体合同）：企业、统一社会信用代码、区划、行业、类型、期限及届满日、备案登记号、生效日期和生效方式（审查无异议或期满视为同意）。可按区划（含下级）、行业、企业名称、届满日期检索。不含协商内容。无需登录。',
      en: 'Agreements in force: enterprise, credit code, region, industry, kind, term and expiry, registration number, effective date and how it became effective (no-objection opinion or deemed approval). Search by region (with sub-regions), industry, enterprise name, expiry. Nothing of the negotiation. No sign-in.',
    },
    access: 'public',
    query: z.strictObject({ ...filterFields, ...ZPagingQuery }),
    responses: { 200: { description: { zh: '名录，按届满日期排序', en: 'Entries, soonest expiry first' }, schema: page(ZRegisterEntrySchema) } },
    handler: async ({ query }) => ({
      status: 200,
      body: await listRegister(s.engine.db, { ...filterOf(query), limit: query.limit, offset: query.offset }, today(s)),
    }),
  })

  add({
    method: 'get',
    path: '/register.csv',
    operationId: 'exportRegisterCsv',
    tag: 'register',
    summary: { zh: '导出公示名录（CSV）', en: 'Export the register (CSV)' },
    description: {
      zh: `UTF-8 编码并带 BOM（Excel 可直接打开中文），CRLF 换行，首行为中英文列名。${exportDescription.zh}`,
      en: `UTF-8 with a BOM (Excel opens the Chinese directly), CRLF line ends, a header row in Chinese and English. ${exportDescription.en}`,
    },
    access: 'public',
    query: z.strictObject(filterFields),
    responses: {
      200: {
        description: { zh: 'CSV 文件', en: 'The CSV file' },
        contentType: 'text/csv',
        headers: { 'X-Register-Truncated': { zh: '是否截断', en: 'whether rows were cut' } },
      },
    },
    handler: async ({ query }) => {
      const { items, truncated } = await exportRegister(s.engine.db, filterOf(query), today(s), REGISTER_EXPORT_MAX)
      return {
        status: 200,
        headers: exportHeaders(`register-${today(s)}.csv`, truncated),
        bytes: { contentType: 'text/csv; charset=utf-8', data: Buffer.from(registerCsv(items), 'utf8') },
      }
    },
  })

  add({
    method: 'get',
    path: '/register.json',
    operationId: 'exportRegisterJson',
    tag: 'register',
    summary: { zh: '导出公示名录（JSON）', en: 'Export the register (JSON)' },
    description: exportDescription,
    access: 'public',
    query: z.strictObject(filterFields),
    responses: {
      200: {
        description: { zh: '名录', en: 'The register' },
        schema: z.object({ generatedOn: z.string(), truncated: z.boolean(), items: z.array(ZRegisterEntrySchema) }),
        headers: { 'X-Register-Truncated': { zh: '是否截断', en: 'whether rows were cut' } },
      },
    },
    handler: async ({ query }) => {
      const { items, truncated } = await exportRegister(s.engine.db, filterOf(query), today(s), REGISTER_EXPORT_MAX)
      return {
        status: 200,
        headers: exportHeaders(`register-${today(s)}.json`, truncated),
        body: { generatedOn: today(s), truncated, items },
      }
    },
  })
}

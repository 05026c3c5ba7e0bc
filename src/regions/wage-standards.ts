/**
 * Regional wage figures as admin-editable data with their sources: the minimum wage (最低工资标准), the wage
 * guideline (工资指导线: baseline / upper / lower), the urban CPI change and the average wage, per region and year.
 *
 * Units (integers only, never floats):
 * - money in fen: minimumMonthly per month, minimumHourly per hour (非全日制), averageWage per month;
 * - percentages in basis points (1% = 100): the guideline lines and the urban CPI change (year on year, may be
 *   negative).
 *
 * A figure is stored on the region its publication names. A tiered provincial standard (一类/二类…) goes on each
 * city or county it lists; while the tier map of a province is not loaded, its tiers go on the province, one row per
 * tier, and a lookup that reaches them answers `tierUnknown` with every tier instead of guessing.
 *
 * The upload schema (zod) names the field of every refusal (`entries.3.value`); the upsert is one SQL program keyed
 * by (region, kind, tier, effective date): a second upload of the same data changes nothing.
 */
import crypto from 'node:crypto'
import { z } from 'zod'
import type { TDatabase } from '../db/database.js'
import { all, one, run, type TSql } from '../db/sql.js'
import { AppError, type TBilingual } from '../errors/app-error.js'
import { structuralAncestors } from './hierarchy.js'

export const WAGE_STANDARD_KINDS = [
  'minimumMonthly',
  'minimumHourly',
  'guidelineBaseline',
  'guidelineUpper',
  'guidelineLower',
  'urbanCpi',
  'averageWage',
] as const
export type TWageStandardKind = (typeof WAGE_STANDARD_KINDS)[number]
export type TWageUnit = 'fen' | 'basisPoints'

const MONEY_KINDS: ReadonlySet<TWageStandardKind> = new Set(['minimumMonthly', 'minimumHourly', 'averageWage'])
export const unitOf = (kind: TWageStandardKind): TWageUnit => (MONEY_KINDS.has(kind) ? 'fen' : 'basisPoints')

/** Largest value an Int column holds on both databases. */
const INT_MAX = 2_147_483_647

/** An exact decimal with at most `places` decimals, scaled to an integer: ('23.7', 2) → 2370. */
function scaleDecimal(text: string, places: number, what: string): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!m || (m[3] ?? '').length > places) throw new RangeError(`${what}: expected a number with at most ${places} decimals, got "${text}"`)
  const digits = `${m[2]}${(m[3] ?? '').padEnd(places, '0')}`
  const n = Number(digits)
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what}: out of range: "${text}"`)
  return m[1] === '-' ? -n : n
}

/** Yuan as written in a notice ("2500", "23.7") → integer fen. */
export const yuanToFen = (yuan: string): number => scaleDecimal(yuan, 2, 'yuan')
/** A percentage as written ("5.5", "-0.3") → integer basis points. */
export const percentToBasisPoints = (percent: string): number => scaleDecimal(percent, 2, 'percent')

function isLocalDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

const text = (max: number) => z.string().trim().min(1).max(max)
const localDate = z.string().refine(isLocalDate, { message: 'expected a calendar date YYYY-MM-DD' })

export const ZWageStandardSource = z
  .object({
    /** The notice's title, e.g. 关于调整全市最低工资标准的通知, or the report that gives the figure. */
    title: text(300),
    /** The document number (文号), when known. */
    number: text(100).optional(),
    /** The body that set the figure, e.g. 北京市人力资源和社会保障局. */
    issuer: text(200),
    url: z.url({ protocol: /^https?$/ }).optional(),
    publishedOn: localDate.optional(),
  })
  .strict()

export const ZWageStandardEntry = z
  .object({
    regionCode: z.string().regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 region code'),
    year: z.number().int().min(1994).max(2100),
    kind: z.enum(WAGE_STANDARD_KINDS),
    tier: z.string().trim().max(40).default(''),
    /** fen for money kinds, basis points for percentages (see unitOf). */
    value: z.number().int('an integer: money in fen, percentages in basis points'),
    effectiveFrom: localDate,
    effectiveTo: localDate.optional(),
    source: ZWageStandardSource,
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (MONEY_KINDS.has(e.kind)) {
      if (e.value <= 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a money amount must be a positive number of fen' })
      if (e.value > INT_MAX) ctx.addIssue({ code: 'custom', path: ['value'], message: `at most ${INT_MAX} fen` })
    } else if (Math.abs(e.value) > 10_000) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage in basis points must lie within ±10000 (±100%)' })
    }
    if (e.effectiveTo && e.effectiveTo < e.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'must not be before effectiveFrom' })
    }
  })
export type TWageStandardEntry = z.output<typeof ZWageStandardEntry>
export type TWageStandardEntryInput = z.input<typeof ZWageStandardEntry>

const keyOf = (e: Pick<TWageStandardEntry, 'regionCode' | 'kind' | 'tier' | 'effectiveFrom'>) =>
  `${e.regionCode}|${e.kind}|${e.tier}|${e.effectiveFrom}`

/** An admin upload: a list of figures. */
export const ZWageStandardUpload = z
  .object({ entries: z.array(ZWageStandardEntry).min(1).max(5000) })
  .strict()
  .superRefine((u, ctx) => {
    const first = new Map<string, number>()
    u.entries.forEach((e, i) => {
      const k = keyOf(e)
      const j = first.get(k)
      if (j === undefined) first.set(k, i)
      else ctx.addIssue({ code: 'custom', path: ['entries', i], message: `same region, kind, tier and effectiveFrom as entries.${j}` })
    })
  })
export type TWageStandardUpload = z.output<typeof ZWageStandardUpload>

export type TUploadIssue = { path: string; code: string; message: TBilingual }

const zhCN = z.locales.zhCN()

/** Parses an upload; a refusal is one INVALID_INPUT listing every issue with its field path (`entries.0.value`). */
export function parseWageStandardUpload(input: unknown): TWageStandardUpload {
  const en = ZWageStandardUpload.safeParse(input)
  if (en.success) return en.data
  const zh = ZWageStandardUpload.safeParse(input, { error: zhCN.localeError })
  const zhIssues = zh.success ? [] : zh.error.issues
  const issues: TUploadIssue[] = en.error.issues.map((i, n) => ({
    path: i.path.map(String).join('.'),
    code: i.code,
    message: { zh: zhIssues[n]?.message ?? i.message, en: i.message },
  }))
  throw new AppError('INVALID_INPUT', { zh: '工资标准数据无效', en: 'invalid wage standard upload' }, { issues })
}

export type TWageStandardRow = {
  id: string
  regionCode: string
  year: number
  kind: TWageStandardKind
  tier: string
  value: number
  effectiveFrom: string
  effectiveTo: string | null
  sourceTitle: string
  sourceNumber: string | null
  sourceIssuer: string
  sourceUrl: string | null
  sourcePublishedOn: string | null
  note: string | null
  loadedBy: string | null
  loadedAt: string
}

const COLUMNS = [
  'id',
  'regionCode',
  'year',
  'kind',
  'tier',
  'value',
  'effectiveFrom',
  'effectiveTo',
  'sourceTitle',
  'sourceNumber',
  'sourceIssuer',
  'sourceUrl',
  'sourcePublishedOn',
  'note',
  'loadedBy',
  'loadedAt',
] as const
const SELECT = `SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "RegionWageStandard"`

/** The content columns an upload sets (everything but the key, the id and the load stamp). */
function contentOf(e: TWageStandardEntry) {
  return {
    year: e.year,
    value: e.value,
    effectiveTo: e.effectiveTo ?? null,
    sourceTitle: e.source.title,
    sourceNumber: e.source.number ?? null,
    sourceIssuer: e.source.issuer,
    sourceUrl: e.source.url ?? null,
    sourcePublishedOn: e.source.publishedOn ?? null,
    note: e.note ?? null,
  }
}

export type TUpsertWageStandardsResult = { inserted: number; updated: number; unchanged: number }

/**
 * Writes parsed entries: new keys are inserted, changed ones updated (with the new load stamp), equal ones left as
 * they are. Every region must exist; an unknown one refuses the whole upload, naming `entries.N.regionCode`.
 */
export function* upsertWageStandards(
  entries: readonly TWageStandardEntry[],
  meta: { loadedBy: string | null; now: string },
): TSql<TUpsertWageStandardsResult> {
  const codes = [...new Set(entries.map((e) => e.regionCode))]
  const known = new Set<string>()
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500)
    const rows = yield* all<{ code: string }>(
      `SELECT "code" FROM "Region" WHERE "code" IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    )
    for (const r of rows) known.add(r.code)
  }
  const unknown = entries.flatMap((e, i) =>
    known.has(e.regionCode)
      ? []
      : [{ path: `entries.${i}.regionCode`, code: 'custom', message: { zh: `行政区划不存在：${e.regionCode}`, en: `no such region: ${e.regionCode}` } }],
  )
  if (unknown.length) {
    throw new AppError('INVALID_INPUT', { zh: '工资标准数据引用了不存在的行政区划', en: 'the upload names unknown regions' }, { issues: unknown })
  }

  let inserted = 0
  let updated = 0
  let unchanged = 0
  for (const e of entries) {
    const content = contentOf(e)
    const row = yield* one<TWageStandardRow>(
      `${SELECT} WHERE "regionCode" = ? AND "kind" = ? AND "tier" = ? AND "effectiveFrom" = ?`,
      [e.regionCode, e.kind, e.tier, e.effectiveFrom],
    )
    if (!row) {
      yield* run(
        `INSERT INTO "RegionWageStandard" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
        [
          crypto.randomUUID(),
          e.regionCode,
          content.year,
          e.kind,
          e.tier,
          content.value,
          e.effectiveFrom,
          content.effectiveTo,
          content.sourceTitle,
          content.sourceNumber,
          content.sourceIssuer,
          content.sourceUrl,
          content.sourcePublishedOn,
          content.note,
          meta.loadedBy,
          meta.now,
        ],
      )
      inserted++
      continue
    }
    const same = (Object.keys(content) as (keyof typeof content)[]).every((k) => row[k] === content[k])
    if (same) {
      unchanged++
      continue
    }
    yield* run(
      `UPDATE "RegionWageStandard" SET "year" = ?, "value" = ?, "effectiveTo" = ?, "sourceTitle" = ?, "sourceNumber" = ?,
         "sourceIssuer" = ?, "sourceUrl" = ?, "sourcePublishedOn" = ?, "note" = ?, "loadedBy" = ?, "loadedAt" = ?
       WHERE "id" = ?`,
      [
        content.year,
        content.value,
        content.effectiveTo,
        content.sourceTitle,
        content.sourceNumber,
        content.sourceIssuer,
        content.sourceUrl,
        content.sourcePublishedOn,
        content.note,
        meta.loadedBy,
        meta.now,
        row.id,
      ],
    )
    updated++
  }
  return { inserted, updated, unchanged }
}

/** Parses an admin upload and writes it in one transaction. */
export function saveWageStandards(
  db: TDatabase,
  input: unknown,
  meta: { loadedBy: string | null; now: string },
): Promise<TUpsertWageStandardsResult> {
  const upload = parseWageStandardUpload(input)
  return db.transaction(() => upsertWageStandards(upload.entries, meta))
}

export type TWageFigure = {
  regionCode: string
  kind: TWageStandardKind
  tier: string
  value: number
  unit: TWageUnit
  year: number
  effectiveFrom: string
  effectiveTo: string | null
  source: { title: string; number: string | null; issuer: string; url: string | null; publishedOn: string | null }
  note: string | null
}

export type TApplicableMinimumWage =
  | {
      status: 'found'
      requestedRegionCode: string
      /** The region the figure was found on (the requested one or an ancestor). */
      regionCode: string
      /** The requested region and the ancestors looked at, nearest first. */
      path: string[]
      figure: TWageFigure
    }
  | {
      status: 'tierUnknown'
      requestedRegionCode: string
      regionCode: string
      path: string[]
      /** Every tier in force there, highest first: which one applies is not in the data yet. */
      tiers: TWageFigure[]
    }

const figureOf = (r: TWageStandardRow): TWageFigure => ({
  regionCode: r.regionCode,
  kind: r.kind,
  tier: r.tier,
  value: r.value,
  unit: unitOf(r.kind),
  year: r.year,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
  source: { title: r.sourceTitle, number: r.sourceNumber, issuer: r.sourceIssuer, url: r.sourceUrl, publishedOn: r.sourcePublishedOn },
  note: r.note,
})

/** A region and its ancestors through the Region table, nearest first; the code's digits for an unknown region. */
function* regionChain(code: string): TSql<string[]> {
  const chain = [code]
  let current = yield* one<{ parentCode: string | null }>(`SELECT "parentCode" FROM "Region" WHERE "code" = ?`, [code])
  if (!current) return [code, ...structuralAncestors(code)]
  while (current?.parentCode && !chain.includes(current.parentCode)) {
    chain.push(current.parentCode)
    current = yield* one<{ parentCode: string | null }>(`SELECT "parentCode" FROM "Region" WHERE "code" = ?`, [current.parentCode])
  }
  return chain
}

/**
 * The minimum wage in force in a region on a local date: the latest figure with effectiveFrom ≤ onDate (and not
 * ended) on the region itself or, failing that, on the nearest ancestor that has one. Undefined when no region up the
 * hierarchy has a figure in force.
 */
export function* applicableMinimumWage(
  regionCode: string,
  onDate: string,
  kind: 'minimumMonthly' | 'minimumHourly' = 'minimumMonthly',
): TSql<TApplicableMinimumWage | undefined> {
  if (!isLocalDate(onDate)) throw new RangeError(`onDate: expected a calendar date YYYY-MM-DD, got "${onDate}"`)
  const chain = yield* regionChain(regionCode)
  const path: string[] = []
  for (const code of chain) {
    path.push(code)
    const rows = yield* all<TWageStandardRow>(
      `${SELECT} WHERE "regionCode" = ? AND "kind" = ? AND "effectiveFrom" <= ? AND ("effectiveTo" IS NULL OR "effectiveTo" >= ?)
       ORDER BY "effectiveFrom" DESC, "value" DESC, "tier"`,
      [code, kind, onDate, onDate],
    )
    const latest = rows[0]
    if (!latest) continue
    const current = rows.filter((r) => r.effectiveFrom === latest.effectiveFrom)
    if (current.length === 1) return { status: 'found', requestedRegionCode: regionCode, regionCode: code, path, figure: figureOf(latest) }
    return { status: 'tierUnknown', requestedRegionCode: regionCode, regionCode: code, path, tiers: current.map(figureOf) }
  }
  return undefined
}

/** The figures stored for a region, newest first (for the admin page and the case preparation data). */
export function* wageStandardsOf(regionCode: string): TSql<TWageFigure[]> {
  const rows = yield* all<TWageStandardRow>(`${SELECT} WHERE "regionCode" = ? ORDER BY "kind", "effectiveFrom" DESC, "tier"`, [regionCode])
  return rows.map(figureOf)
}

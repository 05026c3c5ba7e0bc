/**
 * Statistics of a region and its sub-regions for the labour bureau (issue 9): reads the facts where they live and
 * hands them to the pure aggregation (workflows/statistics/statistics.ts, which states every definition).
 *
 *   - receipts and opinions: the CaseEvent log (`filing.registered`, `review.objected`, `review.approved`,
 *     `correction.requested`), the payloads only of those events;
 *   - deemed approvals: the `review` Deadline rows that fired (their `lastDay` is the day the 15 days ran out);
 *   - agreements: each case snapshot's `context.agreement`, `agreementHistory`, `ending`, and the drafts of the
 *     conclusion (whose clauses carry the average wage increase), extracted by the database (SQLite json_extract,
 *     PostgreSQL jsonb) for the cases that have an agreement;
 *   - enterprises, regions (GB/T 2260 tree) and wage guidelines (RegionWageStandard) from the reference tables.
 * Plain SQL through the engine's read runner, the same statements on SQLite and PostgreSQL.
 */
import {
  computeStatistics,
  reviewCycles,
  type TCaseAgreementFact,
  type TEnterpriseFact,
  type TGuideline,
  type TRegionStatistics,
  type TReviewDeadlineFact,
  type TReviewEventFact,
} from '../../workflows/statistics/statistics.js'
import type { TDatabase } from '../db/database.js'
import { all, one } from '../db/sql.js'
import { jsonPart, jsonText } from './register.js'
import { invalidField } from './command.js'
import { regionNotFound } from './regions.js'
import { regionPathProgram, subtreeCte, withCtes, type TScope, type TSqlPart } from './scope.js'
import { AppError } from '../errors/app-error.js'
import { addMonths } from '../../workflows/rules/calendar/dates.js'

export type { TRegionStatistics } from '../../workflows/statistics/statistics.js'

export type TStatisticsQuery = {
  regionCode: string
  /** First and last month of the period, YYYY-MM. */
  from: string
  to: string
}

/** The longest period one request may cover. */
export const MAX_STATISTICS_MONTHS = 60

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The machine of a filing that arrived on paper (workflows/review/paper-filing.ts). */
const PAPER_FILING_MACHINE = 'paperFiling'

const REVIEW_EVENTS = ['filing.registered', 'review.objected', 'review.approved', 'correction.requested'] as const

const GUIDELINE_KINDS = ['guidelineBaseline', 'guidelineUpper', 'guidelineLower'] as const

type TRegionRow = { code: string; name: string; nameEn: string | null; parentCode: string | null }
type TEventRow = { caseId: string; enterpriseId: string; seq: number; type: string; payload: string }
type TAgreementRow = {
  caseId: string
  enterpriseId: string
  stateValue: string
  agreement: string
  agreementHistory: string | null
  ending: string | null
  procedure: string | null
  filing: string | null
  drafts: string | null
  procedureHistory: string | null
}
type TGuidelineRow = { regionCode: string; year: number; kind: string; value: number; effectiveFrom: string }

/** Checks a period: two months YYYY-MM, in order, at most MAX_STATISTICS_MONTHS apart. */
export function checkPeriod(from: string, to: string): void {
  if (!MONTH.test(from)) throw invalidField('query.from', { zh: '起始月份应为 YYYY-MM', en: 'from: expected a month YYYY-MM' })
  if (!MONTH.test(to)) throw invalidField('query.to', { zh: '截止月份应为 YYYY-MM', en: 'to: expected a month YYYY-MM' })
  if (to < from) throw invalidField('query.to', { zh: '截止月份不能早于起始月份', en: 'to: must not be before from' })
  const span = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1
  if (span > MAX_STATISTICS_MONTHS) {
    throw invalidField('query.to', {
      zh: `统计期间最长 ${MAX_STATISTICS_MONTHS} 个月`,
      en: `to: the period may cover at most ${MAX_STATISTICS_MONTHS} months`,
    })
  }
}

const json = <T>(text: string | null | undefined): T | undefined => (text ? (JSON.parse(text) as T) : undefined)

type TAgreementJson = { version?: number; effectiveOn: string; expiresOn: string; draftVersion?: number }
type TDraftJson = { version: number; clauses?: { kind: string; basisPoints?: number }[] }

/** The facts of one case's agreements (see TCaseAgreementFact). */
function agreementFact(r: TAgreementRow): TCaseAgreementFact {
  const current = JSON.parse(r.agreement) as TAgreementJson
  const history = json<TAgreementJson[]>(r.agreementHistory) ?? []
  const all = [...history, current]
  const versions = all.map((a, i) => ({ version: a.version ?? i + 1, effectiveOn: a.effectiveOn, expiresOn: a.expiresOn }))
  // Ended before its term: a rescission filed (JHR 40-41) or an end recorded by agreement.ended (JHR 38).
  let endedOn: string | undefined
  if (r.stateValue.includes('"terminated"')) {
    endedOn = json<{ endedOn?: string }>(r.ending)?.endedOn ?? (r.procedure === '"termination"' || r.procedure === 'termination' ? json<{ filedOn?: string }>(r.filing)?.filedOn : undefined)
  }
  // The conclusion's drafts: archived in procedureHistory once an amendment or rescission started.
  const first = all[0]!
  const archived = json<{ procedure: string; drafts: TDraftJson[] }[]>(r.procedureHistory) ?? []
  const drafts = archived.find((p) => p.procedure === 'conclusion')?.drafts ?? (archived.length === 0 ? (json<TDraftJson[]>(r.drafts) ?? []) : [])
  const clause = drafts.find((d) => d.version === first.draftVersion)?.clauses?.find((c) => c.kind === 'averageWageIncrease')
  return {
    caseId: r.caseId,
    enterpriseId: r.enterpriseId,
    versions,
    ...(endedOn ? { endedOn } : {}),
    concluded: { effectiveOn: first.effectiveOn, increaseBasisPoints: typeof clause?.basisPoints === 'number' ? clause.basisPoints : null },
  }
}

function eventFact(r: TEventRow): TReviewEventFact {
  const p = JSON.parse(r.payload) as { receivedOn?: string; opinionDate?: string }
  const base = { caseId: r.caseId, enterpriseId: r.enterpriseId, seq: Number(r.seq) }
  if (r.type === 'filing.registered') return { ...base, type: r.type, receivedOn: String(p.receivedOn) }
  // A paper filing is registered when its case is opened: the receipt date typed in by the bureau (JHR 42, 44).
  if (r.type === 'case.opened') return { ...base, type: 'filing.registered', receivedOn: String((p as { paper?: { receivedOn?: string } }).paper?.receivedOn) }
  if (r.type === 'review.objected' || r.type === 'review.approved') return { ...base, type: r.type, opinionDate: String(p.opinionDate) }
  return { ...base, type: 'correction.requested' }
}

/** The twelve months up to and including the month of `today` (a local date). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const to = today.slice(0, 7)
  const from = addMonths(`${to}-01`, -11).slice(0, 7)
  return { from, to }
}

/** The region a caller asked for, or the first region of their bureau scope; admins must name one. */
export function statisticsRegionOf(scope: TScope, requested: string | undefined): string {
  if (requested) return requested
  if (!scope.all && scope.regionCodes[0]) return scope.regionCodes[0]
  throw invalidField('query.regionCode', { zh: '请选择行政区划', en: 'regionCode: choose a region' })
}

/**
 * Statistics of a region and all its sub-regions over a period of months, for a caller whose scope reaches the
 * region (a bureau reviewer: their region or one below it; an admin: any). Unknown region → NOT_FOUND; a region
 * outside the scope → FORBIDDEN.
 */
export async function regionStatistics(db: TDatabase, scope: TScope, q: TStatisticsQuery): Promise<TRegionStatistics> {
  checkPeriod(q.from, q.to)
  if (!scope.all) {
    const path = await db.read(() => regionPathProgram(q.regionCode))
    if (path.length === 0) throw regionNotFound(q.regionCode)
    if (!scope.regionCodes.some((r) => path.includes(r))) {
      throw new AppError(
        'FORBIDDEN',
        { zh: `无权查看该地区的统计：${q.regionCode}（仅限本辖区及下级区划）`, en: `statistics of ${q.regionCode} are outside your region and its sub-regions` },
        { regionCode: q.regionCode },
      )
    }
  }
  const provider = db.provider
  const sub: TSqlPart = subtreeCte('statRegion', [q.regionCode])
  const inRegion = `e."regionCode" IN (SELECT "code" FROM "statRegion")`
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

  const facts = await db.read(function* () {
    const region = yield* one<TRegionRow>(`SELECT "code", "name", "nameEn", "parentCode" FROM "Region" WHERE "code" = ?`, [q.regionCode])
    if (!region) throw regionNotFound(q.regionCode)
    const ancestors = (yield* regionPathProgram(q.regionCode)).slice(1)
    /** A statement under the region's subtree CTE (and more CTEs after it). */
    const read = function* <T>(body: TSqlPart, ctes: TSqlPart[] = []) {
      const s = withCtes([sub, ...ctes], body)
      return yield* all<T>(s.sql, s.params)
    }
    const regions = yield* read<TRegionRow>({
      sql: `SELECT "code", "name", "nameEn", "parentCode" FROM "Region" WHERE "code" IN (SELECT "code" FROM "statRegion")`,
      params: [],
    })
    const enterprises = yield* read<{ id: string; regionCode: string; industryCode: string; headcount: number }>({
      sql: `SELECT e."id", e."regionCode", e."industryCode", e."headcount" FROM "Enterprise" e WHERE ${inRegion}`,
      params: [],
    })
    const events = yield* read<TEventRow>({
      sql: `SELECT ev."caseId", c."enterpriseId", ev."seq", ev."type", ev."payload"
            FROM "CaseEvent" ev JOIN "Case" c ON c."id" = ev."caseId" JOIN "Enterprise" e ON e."id" = c."enterpriseId"
            WHERE ${inRegion} AND (ev."type" IN (${marks(REVIEW_EVENTS.length)})
              OR (ev."type" = 'case.opened' AND c."machineId" = ?))`,
      params: [...REVIEW_EVENTS, PAPER_FILING_MACHINE],
    })
    const deadlines = yield* read<TReviewDeadlineFact>({
      sql: `SELECT d."caseId", d."createdSeq", d."lastDay", d."status"
            FROM "Deadline" d JOIN "Case" c ON c."id" = d."caseId" JOIN "Enterprise" e ON e."id" = c."enterpriseId"
            WHERE ${inRegion} AND d."kind" = 'review' AND d."status" = 'fired'`,
      params: [],
    })
    // The context is extracted once per case (MATERIALIZED; on PostgreSQL kept as jsonb, so it is parsed once), the
    // fields from it.
    const context = provider === 'postgresql' ? `(c."snapshot"::jsonb -> 'context')` : jsonPart(provider, 'c."snapshot"', ['context'])
    const field = (name: string) => `${jsonPart(provider, 'x."ctx"', [name])} AS "${name}"`
    const statCase: TSqlPart = {
      sql: `"statCase" AS MATERIALIZED (
              SELECT c."id" AS "caseId", c."enterpriseId", c."stateValue", ${context} AS "ctx"
              FROM "Case" c JOIN "Enterprise" e ON e."id" = c."enterpriseId" WHERE ${inRegion})`,
      params: [],
    }
    const fields = ['agreement', 'agreementHistory', 'ending', 'procedure', 'filing', 'drafts', 'procedureHistory'].map(field)
    const agreements = yield* read<TAgreementRow>(
      {
        sql: `SELECT x."caseId", x."enterpriseId", x."stateValue", ${fields.join(', ')} FROM "statCase" x
              WHERE ${jsonText(provider, 'x."ctx"', ['agreement', 'effectiveOn'])} IS NOT NULL`,
        params: [],
      },
      [statCase],
    )
    const guidelines = yield* read<TGuidelineRow>({
      sql: `SELECT "regionCode", "year", "kind", "value", "effectiveFrom" FROM "RegionWageStandard"
            WHERE "kind" IN (${marks(GUIDELINE_KINDS.length)}) AND "tier" = ''
              AND ("regionCode" IN (SELECT "code" FROM "statRegion")${ancestors.length ? ` OR "regionCode" IN (${marks(ancestors.length)})` : ''})
            ORDER BY "effectiveFrom"`,
      params: [...GUIDELINE_KINDS, ...ancestors],
    })
    return { region, ancestors, regions, enterprises, events, deadlines, agreements, guidelines }
  })

  // The unit of each region of the subtree: the direct sub-region it lies in, or the region itself.
  const parentOf = new Map(facts.regions.map((r) => [r.code, r.parentCode]))
  const unitOf = (code: string): string => {
    let c = code
    for (let depth = 0; depth < 16; depth++) {
      const p = parentOf.get(c)
      if (c === q.regionCode || !p || p === q.regionCode) return c
      c = p
    }
    return c
  }
  const enterprises: TEnterpriseFact[] = facts.enterprises.map((e) => ({ ...e, headcount: Number(e.headcount), unitCode: unitOf(e.regionCode) }))
  const children = facts.regions.filter((r) => r.parentCode === q.regionCode).sort((a, b) => a.code.localeCompare(b.code))
  const units = [
    ...(enterprises.some((e) => e.unitCode === q.regionCode) ? [{ code: facts.region.code, name: facts.region.name }] : []),
    ...children.map((r) => ({ code: r.code, name: r.name })),
  ]

  // Guidelines by region and year (the latest figure of each kind), looked up from a region towards the root.
  const byRegionYear = new Map<string, TGuideline>()
  for (const g of facts.guidelines) {
    const key = `${g.regionCode}|${g.year}`
    const current = byRegionYear.get(key) ?? { regionCode: g.regionCode, year: Number(g.year), baseline: null, upper: null, lower: null }
    const value = Number(g.value)
    if (g.kind === 'guidelineBaseline') current.baseline = value
    else if (g.kind === 'guidelineUpper') current.upper = value
    else current.lower = value
    byRegionYear.set(key, current)
  }
  const above = [q.regionCode, ...facts.ancestors]
  const guidelineFor = (regionCode: string, year: number): TGuideline | undefined => {
    const chain: string[] = []
    for (let c: string | null | undefined = regionCode; c && c !== q.regionCode && chain.length < 16; c = parentOf.get(c)) chain.push(c)
    for (const code of [...chain, ...above]) {
      const g = byRegionYear.get(`${code}|${year}`)
      if (g) return g
    }
    return undefined
  }

  return computeStatistics({
    region: { code: facts.region.code, name: facts.region.name },
    units,
    from: q.from,
    to: q.to,
    enterprises,
    cycles: reviewCycles(facts.events.map(eventFact), facts.deadlines.map((d) => ({ ...d, createdSeq: Number(d.createdSeq) }))),
    agreements: facts.agreements.map(agreementFact),
    guidelineFor,
  })
}

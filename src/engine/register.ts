/**
 * The public register of effective agreements (issue 6 "public register", issue 9): for each case whose agreement
 * is in force, the public facts only — the enterprise (name, credit code, region, industry), the kind, the term
 * (start and expiry), the registration number, the effective date and how it became effective (the bureau's
 * no-objection opinion, or deemed approval when the review period passed). Nothing of the negotiation.
 *
 * An agreement is listed while
 *   - its case is in the machine's `inForce` states (awaiting publication or published), or
 *   - its case has left them for a procedure that does not end the agreement yet — an amendment or a rescission
 *     being negotiated (JHR 39-41: the contract applies until then), or a renewal requested (the contract runs to
 *     its term) — and its last day (expiresOn) is today or later.
 * Cases that expired, were terminated or closed are never listed.
 *
 * The facts come from the case snapshot's `context.agreement` (the machine's TAgreementRecord), extracted by the
 * database (SQLite json_extract, PostgreSQL jsonb), once per case, so a filter on the expiry runs in SQL.
 */
import type { TDatabase } from '../db/database.js'
import type { TProvider } from '../db/schema-files.js'
import { all, one } from '../db/sql.js'
import { subtreeCte, withCtes, type TSqlPart } from './scope.js'

export type TRegisterEntry = {
  caseId: string
  enterpriseName: string
  creditCode: string
  regionCode: string
  regionName: string
  industryCode: string
  kind: string
  /** 1 for the first agreement of the case, 2 after an amendment… */
  agreementVersion: number
  registrationNumber: string | null
  signedOn: string | null
  effectiveOn: string
  effectiveBy: 'noObjectionOpinion' | 'deemedApproval'
  termMonths: number
  termStartsOn: string
  /** The last day of the term. */
  expiresOn: string
  /** inForce: the case is in force; renegotiating: an amendment, rescission or renewal is under way. */
  standing: 'inForce' | 'renegotiating'
}

export type TRegisterFilter = {
  /** The region and all its sub-regions. */
  regionCode?: string
  /** A GB/T 4754 code or its prefix: `C` (manufacturing), `C34`, `C3484`. */
  industry?: string
  /** Part of the enterprise name. */
  q?: string
  creditCode?: string
  kind?: string
  /** Expiry (last day of the term) on or before / on or after, YYYY-MM-DD. */
  expiresOnOrBefore?: string
  expiresOnOrAfter?: string
}

/** The JSON text of a path of a JSON text column (null when absent). */
export function jsonText(provider: TProvider, column: string, path: readonly string[]): string {
  return provider === 'postgresql'
    ? `(${column}::jsonb #>> '{${path.join(',')}}')`
    : `json_extract(${column}, '$.${path.join('.')}')`
}

/** The JSON of a path as text (objects stay JSON). */
export function jsonPart(provider: TProvider, column: string, path: readonly string[]): string {
  return provider === 'postgresql'
    ? `((${column}::jsonb #> '{${path.join(',')}}')::text)`
    : `json_extract(${column}, '$.${path.join('.')}')`
}

const FINAL_ENDED = ['"expired"', '"terminated"', '"closed"']

/** Search text without LIKE wildcards (dropping them needs no ESCAPE clause, whose default differs by database). */
const likeText = (s: string) => s.replace(/[%_\\]/g, '')

type TRow = {
  caseId: string
  enterpriseName: string
  creditCode: string
  regionCode: string
  regionName: string | null
  industryCode: string
  kind: string
  stateValue: string
  agreement: string
}

function query(provider: TProvider, f: TRegisterFilter, today: string) {
  const ctes: TSqlPart[] = []
  const conds: TSqlPart[] = []
  if (f.regionCode) {
    ctes.push(subtreeCte('registerRegion', [f.regionCode]))
    conds.push({ sql: `e."regionCode" IN (SELECT "code" FROM "registerRegion")`, params: [] })
  }
  if (f.industry) conds.push({ sql: `e."industryCode" LIKE ?`, params: [`${likeText(f.industry)}%`] })
  if (f.q) conds.push({ sql: `LOWER(e."name") LIKE LOWER(?)`, params: [`%${likeText(f.q)}%`] })
  if (f.creditCode) conds.push({ sql: `e."creditCode" = ?`, params: [f.creditCode] })
  if (f.kind) conds.push({ sql: `c."kind" = ?`, params: [f.kind] })
  const agreement = jsonPart(provider, 'c."snapshot"', ['context', 'agreement'])
  // The agreement JSON is extracted once per case (MATERIALIZED), its fields from that small text.
  ctes.push({
    sql: `"registerCase" AS MATERIALIZED (
      SELECT c."id" AS "caseId", e."name" AS "enterpriseName", e."creditCode", e."regionCode", r."name" AS "regionName",
        e."industryCode", c."kind", c."stateValue", ${agreement} AS "agreement"
      FROM "Case" c JOIN "Enterprise" e ON e."id" = c."enterpriseId" LEFT JOIN "Region" r ON r."code" = e."regionCode"
      WHERE c."stateValue" NOT IN (${FINAL_ENDED.map(() => '?').join(', ')})${conds.map((c) => ` AND ${c.sql}`).join('')})`,
    params: [...FINAL_ENDED, ...conds.flatMap((c) => c.params)],
  })
  const field = (name: string) => jsonText(provider, 'x."agreement"', [name])
  const where: TSqlPart[] = [
    { sql: `x."agreement" IS NOT NULL AND ${field('effectiveOn')} IS NOT NULL`, params: [] },
    { sql: `(x."stateValue" LIKE ? OR ${field('expiresOn')} >= ?)`, params: ['%"inForce"%', today] },
  ]
  if (f.expiresOnOrBefore) where.push({ sql: `${field('expiresOn')} <= ?`, params: [f.expiresOnOrBefore] })
  if (f.expiresOnOrAfter) where.push({ sql: `${field('expiresOn')} >= ?`, params: [f.expiresOnOrAfter] })
  return {
    ctes,
    from: `FROM "registerCase" x WHERE ${where.map((w) => w.sql).join(' AND ')}`,
    params: where.flatMap((w) => w.params),
    order: `ORDER BY ${field('expiresOn')}, x."enterpriseName", x."caseId"`,
  }
}

function entryOf(r: TRow): TRegisterEntry {
  const a = JSON.parse(r.agreement) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    caseId: r.caseId,
    enterpriseName: r.enterpriseName,
    creditCode: r.creditCode,
    regionCode: r.regionCode,
    regionName: r.regionName ?? '',
    industryCode: r.industryCode,
    kind: r.kind,
    agreementVersion: typeof a.version === 'number' ? a.version : 1,
    registrationNumber: str(a.registrationNumber),
    signedOn: str(a.signedOn),
    effectiveOn: String(a.effectiveOn),
    effectiveBy: a.effectiveBy === 'deemedApproval' ? 'deemedApproval' : 'noObjectionOpinion',
    termMonths: typeof a.termMonths === 'number' ? a.termMonths : 0,
    termStartsOn: str(a.termStartsOn) ?? String(a.effectiveOn),
    expiresOn: str(a.expiresOn) ?? '',
    standing: r.stateValue.includes('"inForce"') ? 'inForce' : 'renegotiating',
  }
}

const COLUMNS = `x."caseId", x."enterpriseName", x."creditCode", x."regionCode", x."regionName", x."industryCode", x."kind",
  x."stateValue", x."agreement"`

/** One page of the register, soonest expiry first; `today` is the local date (Asia/Shanghai) for "still in force". */
export async function listRegister(
  db: TDatabase,
  f: TRegisterFilter & { limit: number; offset: number },
  today: string,
): Promise<{ items: TRegisterEntry[]; total: number; limit: number; offset: number }> {
  const q = query(db.provider, f, today)
  const items = withCtes(q.ctes, { sql: `SELECT ${COLUMNS} ${q.from} ${q.order} LIMIT ? OFFSET ?`, params: [...q.params, f.limit, f.offset] })
  const total = withCtes(q.ctes, { sql: `SELECT CAST(COUNT(*) AS INTEGER) AS "n" ${q.from}`, params: q.params })
  const { rows, n } = await db.read(function* () {
    const rows = yield* all<TRow>(items.sql, items.params)
    const n = yield* one<{ n: number }>(total.sql, total.params)
    return { rows, n: Number(n?.n ?? 0) }
  })
  return { items: rows.map(entryOf), total: n, limit: f.limit, offset: f.offset }
}

/** Every matching entry, up to `max` (an export); `truncated` when there were more. */
export async function exportRegister(
  db: TDatabase,
  f: TRegisterFilter,
  today: string,
  max: number,
): Promise<{ items: TRegisterEntry[]; truncated: boolean }> {
  const q = query(db.provider, f, today)
  const items = withCtes(q.ctes, { sql: `SELECT ${COLUMNS} ${q.from} ${q.order} LIMIT ?`, params: [...q.params, max + 1] })
  const rows = await db.read(function* () {
    return yield* all<TRow>(items.sql, items.params)
  })
  return { items: rows.slice(0, max).map(entryOf), truncated: rows.length > max }
}

/** The local calendar date of an instant in a time zone (the register's "today"). */
export function localDateOf(at: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

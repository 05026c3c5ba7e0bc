/**
 * Enterprises (用人单位): reference data, identified by the unified social credit code (GB 32100-2015). Writes are
 * SQL programs so the HTTP layer's idempotency record can commit in the same transaction.
 */
import crypto from 'node:crypto'
import { checkCreditCode } from '../../workflows/rules/credit-code.js'
import type { TDatabase } from '../db/database.js'
import { all, one, run, type TSql, type TSqlValue } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { alsoRecord, invalidField, type TAlsoInTransaction } from './command.js'
import { regionPathProgram, scopeCondition, subtreeCte, withCtes, type TScope, type TSqlPart } from './scope.js'

export type TEnterprise = {
  id: string
  creditCode: string
  name: string
  regionCode: string
  industryCode: string
  headcount: number
  hasUnion: boolean
  legalRepresentative: string | null
  address: string | null
  createdAt: string
  updatedAt: string
}

type TRow = Omit<TEnterprise, 'hasUnion'> & { hasUnion: boolean | number }

const COLUMNS = `e."id", e."creditCode", e."name", e."regionCode", e."industryCode", e."headcount", e."hasUnion",
  e."legalRepresentative", e."address", e."createdAt", e."updatedAt"`

const view = (r: TRow): TEnterprise => ({ ...r, hasUnion: r.hasUnion === true || r.hasUnion === 1 })

export const enterpriseNotFound = (id: string) =>
  new AppError('NOT_FOUND', { zh: `企业不存在：${id}`, en: `enterprise not found: ${id}` }, { enterpriseId: id })

/** An enterprise and the path of its region (nearest first), for object-level access checks. */
export async function getEnterprise(db: TDatabase, id: string): Promise<{ enterprise: TEnterprise; regionPath: string[] }> {
  return db.read(function* () {
    const row = yield* one<TRow>(`SELECT ${COLUMNS} FROM "Enterprise" e WHERE e."id" = ?`, [id])
    if (!row) throw enterpriseNotFound(id)
    return { enterprise: view(row), regionPath: yield* regionPathProgram(row.regionCode) }
  })
}

export type TEnterpriseFilter = {
  regionCode?: string
  q?: string
  creditCode?: string
  hasUnion?: boolean
  limit: number
  offset: number
}

/** Enterprises within a scope, filtered; `regionCode` includes its sub-regions. */
export async function listEnterprises(db: TDatabase, scope: TScope, f: TEnterpriseFilter) {
  const s = scopeCondition(scope, 'e')
  const ctes: TSqlPart[] = [...s.ctes]
  const conds: TSqlPart[] = [s.where]
  if (f.regionCode) {
    ctes.push(subtreeCte('filterRegion', [f.regionCode]))
    conds.push({ sql: `e."regionCode" IN (SELECT "code" FROM "filterRegion")`, params: [] })
  }
  if (f.q) conds.push({ sql: `LOWER(e."name") LIKE LOWER(?)`, params: [`%${escapeLike(f.q)}%`] })
  if (f.creditCode) conds.push({ sql: `e."creditCode" = ?`, params: [f.creditCode] })
  if (f.hasUnion !== undefined) conds.push({ sql: `e."hasUnion" = ?`, params: [f.hasUnion] })
  const where = { sql: conds.map((c) => c.sql).join(' AND '), params: conds.flatMap((c) => c.params) }
  const items = withCtes(ctes, {
    sql: `SELECT ${COLUMNS} FROM "Enterprise" e WHERE ${where.sql} ORDER BY e."name", e."id" LIMIT ? OFFSET ?`,
    params: [...where.params, f.limit, f.offset],
  })
  const total = withCtes(ctes, {
    sql: `SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Enterprise" e WHERE ${where.sql}`,
    params: where.params,
  })
  return db.read(function* () {
    const rows = yield* all<TRow>(items.sql, items.params)
    const n = yield* one<{ n: number }>(total.sql, total.params)
    return { items: rows.map(view), total: Number(n?.n ?? 0), limit: f.limit, offset: f.offset }
  })
}

/** Search text without LIKE wildcards (dropping them needs no ESCAPE clause, whose default differs by database). */
function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '')
}

export type TEnterpriseInput = {
  creditCode: string
  name: string
  regionCode: string
  industryCode: string
  headcount: number
  hasUnion: boolean
  legalRepresentative?: string | null
  address?: string | null
}

function* requireRegion(code: string, path: string): TSql<string[]> {
  const regionPath = yield* regionPathProgram(code)
  if (regionPath.length === 0) throw invalidField(path, { zh: `行政区划不存在：${code}`, en: `region not found: ${code}` })
  return regionPath
}

/**
 * Registers an enterprise: the credit code must pass the GB 32100 check and be new; the region must exist.
 * `authorize` sees the region path inside the transaction (a bureau reviewer may register only in their region).
 */
export async function createEnterprise(
  db: TDatabase,
  input: TEnterpriseInput,
  now: string,
  authorize: (regionPath: string[]) => void,
  options: TAlsoInTransaction<TEnterprise> = {},
): Promise<TEnterprise> {
  const check = checkCreditCode(input.creditCode)
  if (!check.ok) throw invalidField('body.creditCode', check.reason)
  return db.transaction(function* () {
    const regionPath = yield* requireRegion(input.regionCode, 'body.regionCode')
    authorize(regionPath)
    const taken = yield* one<{ id: string }>(`SELECT "id" FROM "Enterprise" WHERE "creditCode" = ?`, [input.creditCode])
    if (taken) {
      throw new AppError(
        'ALREADY_EXISTS',
        { zh: `统一社会信用代码已登记：${input.creditCode}`, en: `credit code already registered: ${input.creditCode}` },
        { enterpriseId: taken.id },
      )
    }
    const e: TEnterprise = {
      id: crypto.randomUUID(),
      creditCode: input.creditCode,
      name: input.name,
      regionCode: input.regionCode,
      industryCode: input.industryCode,
      headcount: input.headcount,
      hasUnion: input.hasUnion,
      legalRepresentative: input.legalRepresentative ?? null,
      address: input.address ?? null,
      createdAt: now,
      updatedAt: now,
    }
    yield* run(
      `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion",
         "legalRepresentative", "address", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.creditCode, e.name, e.regionCode, e.industryCode, e.headcount, e.hasUnion, e.legalRepresentative, e.address, now, now],
    )
    return yield* alsoRecord(options, e)
  })
}

export type TEnterprisePatch = Partial<Omit<TEnterpriseInput, 'creditCode'>>

/**
 * Updates an enterprise. `authorize` is called inside the transaction with the current and (when the region
 * changes) the new region path, so access is decided on the row being written.
 */
export async function updateEnterprise(
  db: TDatabase,
  id: string,
  patch: TEnterprisePatch,
  now: string,
  authorize: (current: { enterpriseId: string; regionPath: string[] }, newRegionPath?: string[]) => void,
  options: TAlsoInTransaction<TEnterprise> = {},
): Promise<TEnterprise> {
  return db.transaction(function* () {
    const row = yield* one<TRow>(`SELECT ${COLUMNS} FROM "Enterprise" e WHERE e."id" = ?`, [id])
    if (!row) throw enterpriseNotFound(id)
    const currentPath = yield* regionPathProgram(row.regionCode)
    const newPath =
      patch.regionCode !== undefined && patch.regionCode !== row.regionCode
        ? yield* requireRegion(patch.regionCode, 'body.regionCode')
        : undefined
    authorize({ enterpriseId: id, regionPath: currentPath }, newPath)
    const sets: string[] = []
    const params: TSqlValue[] = []
    for (const key of ['name', 'regionCode', 'industryCode', 'headcount', 'hasUnion', 'legalRepresentative', 'address'] as const) {
      const v = patch[key]
      if (v === undefined) continue
      sets.push(`"${key}" = ?`)
      params.push(v)
    }
    sets.push(`"updatedAt" = ?`)
    params.push(now)
    yield* run(`UPDATE "Enterprise" SET ${sets.join(', ')} WHERE "id" = ?`, [...params, id])
    const updated = yield* one<TRow>(`SELECT ${COLUMNS} FROM "Enterprise" e WHERE e."id" = ?`, [id])
    return yield* alsoRecord(options, view(updated!))
  })
}

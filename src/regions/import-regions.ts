/**
 * Loads the GB/T 2260 divisions into the Region table: one SQL program, one transaction, idempotent.
 *
 * New codes are inserted (parents before children); a code whose name, level or parent differs from the data is
 * updated; the English name is taken from the data where it has one and otherwise left as it is (an admin may have
 * written one); everything else is left alone. Regions that are in the table but not in the data (an abolished
 * division that enterprises still point at, a region an admin created) are kept and counted. A second import of
 * the same data changes nothing.
 */
import type { TDatabase } from '../db/database.js'
import { all, run, type TSql, type TSqlValue } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { loadDivisions, type TDivision } from './divisions.js'

export type TImportRegionsResult = {
  /** Divisions in the data. */
  total: number
  inserted: number
  updated: number
  unchanged: number
  /** Rows of the table the data does not contain (kept). */
  notInData: number
}

type TRow = { code: string; name: string; nameEn: string | null; level: string; parentCode: string | null }

const LEVELS = ['province', 'prefecture', 'county']
/** 100 rows × 6 parameters per INSERT: well within SQLite's and PostgreSQL's parameter limits. */
const BATCH = 100

export function* importRegions(divisions: readonly TDivision[], now: string): TSql<TImportRegionsResult> {
  const ordered = checkDivisions(divisions)
  const existing = new Map(
    (yield* all<TRow>(`SELECT "code", "name", "nameEn", "level", "parentCode" FROM "Region"`)).map((r) => [r.code, r]),
  )
  const inData = new Set(ordered.map((d) => d.code))
  const orphans = ordered.filter((d) => d.parentCode && !inData.has(d.parentCode) && !existing.has(d.parentCode))
  if (orphans.length) {
    throw new AppError(
      'INVALID_INPUT',
      { zh: '行政区划数据引用了不存在的上级', en: 'division data refers to unknown parents' },
      { issues: orphans.map((d) => ({ path: `${d.code}.parentCode`, message: `unknown parent ${d.parentCode}` })) },
    )
  }
  const toInsert: TDivision[] = []
  const inserted = ordered.filter((d) => !existing.has(d.code)).length
  let updated = 0
  let unchanged = 0
  for (const d of ordered) {
    const row = existing.get(d.code)
    if (!row) {
      toInsert.push(d)
      continue
    }
    const nameEn = d.nameEn ?? row.nameEn
    if (row.name === d.name && row.nameEn === nameEn && row.level === d.level && row.parentCode === d.parentCode) {
      unchanged++
      continue
    }
    // A parent that is itself new must exist before the update points at it.
    yield* flushInserts(toInsert, now)
    yield* run(`UPDATE "Region" SET "name" = ?, "nameEn" = ?, "level" = ?, "parentCode" = ? WHERE "code" = ?`, [
      d.name,
      nameEn,
      d.level,
      d.parentCode,
      d.code,
    ])
    updated++
  }
  yield* flushInserts(toInsert, now)
  const notInData = [...existing.keys()].filter((c) => !inData.has(c)).length
  return { total: ordered.length, inserted, updated, unchanged, notInData }
}

function* flushInserts(pending: TDivision[], now: string): TSql<void> {
  while (pending.length > 0) {
    const batch = pending.splice(0, BATCH)
    const params: TSqlValue[] = []
    for (const d of batch) params.push(d.code, d.name, d.nameEn ?? null, d.level, d.parentCode, now)
    yield* run(
      `INSERT INTO "Region" ("code", "name", "nameEn", "level", "parentCode", "createdAt") VALUES ${batch
        .map(() => '(?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      params,
    )
  }
}

/** Refuses malformed data before any write; returns the divisions parents first. */
function checkDivisions(divisions: readonly TDivision[]): TDivision[] {
  const issues: { path: string; message: string }[] = []
  const seen = new Set<string>()
  divisions.forEach((d, i) => {
    if (!/^\d{6}$/.test(d.code)) issues.push({ path: `${i}.code`, message: `not a 6-digit code: ${d.code}` })
    if (seen.has(d.code)) issues.push({ path: `${i}.code`, message: `duplicate code ${d.code}` })
    seen.add(d.code)
    if (!d.name.trim()) issues.push({ path: `${i}.name`, message: 'empty name' })
    if (!LEVELS.includes(d.level)) issues.push({ path: `${i}.level`, message: `unknown level ${d.level}` })
    if (d.parentCode === d.code) issues.push({ path: `${i}.parentCode`, message: 'a region cannot be its own parent' })
  })
  if (issues.length) {
    throw new AppError('INVALID_INPUT', { zh: '行政区划数据无效', en: 'invalid division data' }, { issues })
  }
  // Parents first: by level, then by code (a parent's level is always above its children's).
  return [...divisions].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.code.localeCompare(b.code))
}

/** Imports the divisions (default: the demo provinces) into a database in one transaction. */
export function importRegionsInto(
  db: TDatabase,
  options: { divisions?: readonly TDivision[]; now?: string } = {},
): Promise<TImportRegionsResult> {
  const divisions = options.divisions ?? loadDivisions()
  const now = options.now ?? new Date().toISOString()
  return db.transaction(() => importRegions(divisions, now))
}

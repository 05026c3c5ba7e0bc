/** Where a case belongs, for object-level access checks: its enterprise and the path of the enterprise's region. */
import type { TDatabase } from '../db/database.js'
import { one, perProvider, type TSql } from '../db/sql.js'
import type { TProvider } from '../db/schema-files.js'
import { caseNotFound } from './apply-transition.js'
import { CASE_VIEW_COLUMNS, type TCaseRowWithLists } from './queries.js'
import { regionPathProgram } from './scope.js'

export type TCaseScope = { caseId: string; enterpriseId: string; enterpriseName: string; regionCode: string; regionPath: string[] }

export async function getCaseScope(db: TDatabase, caseId: string): Promise<TCaseScope> {
  return db.read(() => caseScopeProgram(caseId))
}

/**
 * Region levels read by joins in the scope's statement. GB/T 2260 has three (province, prefecture, county); a
 * deeper region (a sub-district added by an admin) is followed by the recursive query.
 */
const JOINED_LEVELS = 4
const regionJoins = Array.from({ length: JOINED_LEVELS }, (_, i) =>
  i === 0 ? `LEFT JOIN "Region" r0 ON r0."code" = e."regionCode"` : `LEFT JOIN "Region" r${i} ON r${i}."code" = r${i - 1}."parentCode"`,
).join('\n     ')
const regionColumns = Array.from({ length: JOINED_LEVELS }, (_, i) => `r${i}."code" AS "r${i}"`).join(', ')
const last = JOINED_LEVELS - 1

type TScopeRow = { enterpriseId: string; enterpriseName: string; regionCode: string; rMore: string | null } & Record<`r${number}`, string | null>

const scopeSql = (caseColumns: string) =>
  `SELECT c."enterpriseId", e."name" AS "enterpriseName", e."regionCode", ${regionColumns}, r${last}."parentCode" AS "rMore"${caseColumns}
   FROM "Case" c JOIN "Enterprise" e ON e."id" = c."enterpriseId"
     ${regionJoins}
   WHERE c."id" = ?`
const SCOPE_SQL = scopeSql('')
/** The scope, the Case row and its deadlines and documents (queries.ts CASE_VIEW_COLUMNS): a case read in one statement. */
const SCOPE_WITH_CASE_SQL = perProvider((provider) => scopeSql(`, ${CASE_VIEW_COLUMNS[provider]}`))

function* scopeOf(caseId: string, row: TScopeRow): TSql<TCaseScope> {
  const regionPath: string[] = []
  for (let i = 0; i < JOINED_LEVELS; i++) {
    const code = row[`r${i}`]
    if (code === null || code === undefined) break
    regionPath.push(code)
  }
  // One statement answers the usual case; a region deeper than the joins is walked by the recursive query.
  const path = row.rMore !== null && regionPath.length === JOINED_LEVELS ? yield* regionPathProgram(row.regionCode) : regionPath
  return { caseId, enterpriseId: row.enterpriseId, enterpriseName: row.enterpriseName, regionCode: row.regionCode, regionPath: path }
}

export function* caseScopeProgram(caseId: string): TSql<TCaseScope> {
  const row = yield* one<TScopeRow>(SCOPE_SQL, [caseId])
  if (!row) throw caseNotFound(caseId)
  return yield* scopeOf(caseId, row)
}

/** The scope and the case's row with its lists in one statement (a read that checks access, then shows the case). */
export function* caseScopeWithRowProgram(caseId: string, provider: TProvider): TSql<{ scope: TCaseScope; row: TCaseRowWithLists }> {
  const row = yield* one<TScopeRow & TCaseRowWithLists>(SCOPE_WITH_CASE_SQL[provider], [caseId])
  if (!row) throw caseNotFound(caseId)
  return { scope: yield* scopeOf(caseId, row), row }
}

/**
 * Access scope as data, for the read side: which enterprises a user's roles reach. A user with enterprise roles
 * sees those enterprises; a bureau reviewer sees the enterprises of a region and all its sub-regions (GB/T 2260
 * hierarchy through Region.parentCode); an admin sees everything. src/auth derives a scope from the memberships;
 * the queries here turn it into SQL, so a list never returns a row outside it.
 */
import { all, type TSql, type TSqlValue } from '../db/sql.js'

export type TScope =
  | { all: true }
  | { all: false; enterpriseIds: readonly string[]; regionCodes: readonly string[] }

export type TSqlPart = { sql: string; params: TSqlValue[] }

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** A recursive CTE `name("code")`: the given regions and every region below them. */
export function subtreeCte(name: string, roots: readonly string[]): TSqlPart {
  return {
    sql: `"${name}"("code") AS (
      SELECT "code" FROM "Region" WHERE "code" IN (${marks(roots.length)})
      UNION SELECT r."code" FROM "Region" r JOIN "${name}" s ON r."parentCode" = s."code")`,
    params: [...roots],
  }
}

/**
 * The CTEs and the condition that restrict rows of an enterprise alias (e.g. `e`) to a scope. The CTEs go into the
 * statement's WITH RECURSIVE clause (before the condition, so their parameters come first).
 */
export function scopeCondition(scope: TScope, enterpriseAlias: string): { ctes: TSqlPart[]; where: TSqlPart } {
  if (scope.all) return { ctes: [], where: { sql: '1 = 1', params: [] } }
  const parts: string[] = []
  const params: TSqlValue[] = []
  const ctes: TSqlPart[] = []
  if (scope.enterpriseIds.length > 0) {
    parts.push(`${enterpriseAlias}."id" IN (${marks(scope.enterpriseIds.length)})`)
    params.push(...scope.enterpriseIds)
  }
  if (scope.regionCodes.length > 0) {
    ctes.push(subtreeCte('scopeRegion', scope.regionCodes))
    parts.push(`${enterpriseAlias}."regionCode" IN (SELECT "code" FROM "scopeRegion")`)
  }
  return { ctes, where: { sql: parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params } }
}

/** Builds `WITH RECURSIVE … <body>` from parts, keeping the parameters in textual order. */
export function withCtes(ctes: readonly TSqlPart[], body: TSqlPart): TSqlPart {
  if (ctes.length === 0) return body
  return {
    sql: `WITH RECURSIVE ${ctes.map((c) => c.sql).join(',\n')}\n${body.sql}`,
    params: [...ctes.flatMap((c) => c.params), ...body.params],
  }
}

/** A region and its ancestors, nearest first (e.g. 440106, 440100, 440000); empty for an unknown code. */
export function* regionPathProgram(code: string): TSql<string[]> {
  const rows = yield* all<{ code: string }>(
    `WITH RECURSIVE "up"("code", "parentCode", "depth") AS (
       SELECT "code", "parentCode", 0 FROM "Region" WHERE "code" = ?
       UNION ALL SELECT r."code", r."parentCode", u."depth" + 1 FROM "Region" r JOIN "up" u ON r."code" = u."parentCode"
       WHERE u."depth" < 16)
     SELECT "code" FROM "up" ORDER BY "depth"`,
    [code],
  )
  return rows.map((r) => r.code)
}

/** Does the scope reach an enterprise (given its id and the path of its region)? */
export function scopeIncludes(scope: TScope, enterpriseId: string, regionPath: readonly string[]): boolean {
  if (scope.all) return true
  return scope.enterpriseIds.includes(enterpriseId) || scope.regionCodes.some((r) => regionPath.includes(r))
}

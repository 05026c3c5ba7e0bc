/**
 * The case list of a user: cases of the enterprises in their scope, filtered by state, status, kind, jurisdiction,
 * enterprise, region (with its sub-regions) and overdue (a pending deadline past due, or a state tagged `overdue`).
 */
import type { AnyStateMachine } from 'xstate'
import { machines } from '../../workflows/registry.js'
import type { TDatabase } from '../db/database.js'
import { all, one } from '../db/sql.js'
import { scopeCondition, subtreeCte, withCtes, type TScope, type TSqlPart } from './scope.js'

type TStateNodeLike = { key: string; tags: readonly string[] | Set<string>; states: Record<string, TStateNodeLike> }

function collectStates(machine: AnyStateMachine) {
  const names = new Set<string>()
  const overdue = new Set<string>()
  const visit = (node: TStateNodeLike, isRoot: boolean) => {
    if (!isRoot) {
      names.add(node.key)
      if ([...node.tags].includes('overdue')) overdue.add(node.key)
    }
    for (const child of Object.values(node.states ?? {})) visit(child, false)
  }
  visit(machine.root as unknown as TStateNodeLike, true)
  return { names, overdue }
}

const stateIndex = (() => {
  const names = new Set<string>()
  const overdue = new Set<string>()
  for (const entry of Object.values(machines)) {
    const s = collectStates(entry.machine)
    s.names.forEach((n) => names.add(n))
    s.overdue.forEach((n) => overdue.add(n))
  }
  return { names: [...names].sort(), overdue: [...overdue].sort() }
})()

/** Every state name of the registered machines (for validating a `state` filter). */
export const caseStateNames: readonly string[] = stateIndex.names

/** A state name appears in the stored JSON of the state value as a quoted string (flat) or a key (nested). */
const stateMatch = (name: string): TSqlPart => ({ sql: `c."stateValue" LIKE ?`, params: [`%"${name}"%`] })

export type TCaseFilter = {
  state?: string
  status?: string
  kind?: string
  jurisdiction?: string
  enterpriseId?: string
  regionCode?: string
  overdue?: boolean
  limit: number
  offset: number
}

export type TCaseListItem = {
  id: string
  enterpriseId: string
  enterpriseName: string
  regionCode: string
  kind: string
  jurisdiction: string
  state: unknown
  status: string
  revision: number
  nextDueAt: string | null
  overdue: boolean
  createdAt: string
  updatedAt: string
}

type TRow = Omit<TCaseListItem, 'state' | 'overdue'> & { stateValue: string }

export async function listCases(db: TDatabase, scope: TScope, f: TCaseFilter, now: string) {
  const s = scopeCondition(scope, 'e')
  const ctes: TSqlPart[] = [...s.ctes]
  const conds: TSqlPart[] = [s.where]
  if (f.regionCode) {
    ctes.push(subtreeCte('filterRegion', [f.regionCode]))
    conds.push({ sql: `e."regionCode" IN (SELECT "code" FROM "filterRegion")`, params: [] })
  }
  if (f.enterpriseId) conds.push({ sql: `c."enterpriseId" = ?`, params: [f.enterpriseId] })
  if (f.kind) conds.push({ sql: `c."kind" = ?`, params: [f.kind] })
  if (f.jurisdiction) conds.push({ sql: `c."jurisdiction" = ?`, params: [f.jurisdiction] })
  if (f.status) conds.push({ sql: `c."status" = ?`, params: [f.status] })
  if (f.state) conds.push(stateMatch(f.state))
  if (f.overdue !== undefined) {
    const parts: TSqlPart[] = [
      {
        sql: `EXISTS (SELECT 1 FROM "Deadline" d WHERE d."caseId" = c."id" AND d."status" = 'pending' AND d."dueAt" < ?)`,
        params: [now],
      },
      ...stateIndex.overdue.map(stateMatch),
    ]
    const any = `(${parts.map((p) => p.sql).join(' OR ')})`
    conds.push({ sql: f.overdue ? any : `NOT ${any}`, params: parts.flatMap((p) => p.params) })
  }
  const where = { sql: conds.map((c) => c.sql).join(' AND '), params: conds.flatMap((c) => c.params) }
  const from = `FROM "Case" c JOIN "Enterprise" e ON e."id" = c."enterpriseId" WHERE ${where.sql}`
  const items = withCtes(ctes, {
    sql: `SELECT c."id", c."enterpriseId", e."name" AS "enterpriseName", e."regionCode", c."kind", c."jurisdiction",
            c."stateValue", c."status", c."revision", c."createdAt", c."updatedAt",
            (SELECT MIN(d."dueAt") FROM "Deadline" d WHERE d."caseId" = c."id" AND d."status" = 'pending') AS "nextDueAt"
          ${from} ORDER BY c."updatedAt" DESC, c."id" LIMIT ? OFFSET ?`,
    params: [...where.params, f.limit, f.offset],
  })
  const total = withCtes(ctes, { sql: `SELECT CAST(COUNT(*) AS INTEGER) AS "n" ${from}`, params: where.params })
  const { rows, n } = await db.read(function* () {
    const rows = yield* all<TRow>(items.sql, items.params)
    const n = yield* one<{ n: number }>(total.sql, total.params)
    return { rows, n: Number(n?.n ?? 0) }
  })
  const list: TCaseListItem[] = rows.map(({ stateValue, ...r }) => ({
    ...r,
    state: JSON.parse(stateValue) as unknown,
    overdue:
      (r.nextDueAt !== null && r.nextDueAt < now) || stateIndex.overdue.some((name) => stateValue.includes(`"${name}"`)),
  }))
  return { items: list, total: n, limit: f.limit, offset: f.offset }
}

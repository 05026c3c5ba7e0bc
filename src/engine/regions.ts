/** GB/T 2260 administrative divisions (行政区划): the tree, one region with its path, and an admin's create. */
import type { TDatabase } from '../db/database.js'
import { all, one, run } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { alsoRecord, invalidField, type TAlsoInTransaction } from './command.js'
import { regionPathProgram, subtreeCte, withCtes } from './scope.js'

export type TRegion = { code: string; name: string; nameEn: string | null; level: string; parentCode: string | null }
export type TRegionNode = TRegion & { children: TRegionNode[] }

const COLUMNS = `"code", "name", "nameEn", "level", "parentCode"`

/** The region tree, or the subtree under `under` (empty when that region does not exist). */
export async function listRegionTree(db: TDatabase, under?: string): Promise<TRegionNode[]> {
  const rows = await db.read(function* () {
    if (!under) return yield* all<TRegion>(`SELECT ${COLUMNS} FROM "Region" ORDER BY "code"`)
    const q = withCtes([subtreeCte('sub', [under])], {
      sql: `SELECT ${COLUMNS} FROM "Region" WHERE "code" IN (SELECT "code" FROM "sub") ORDER BY "code"`,
      params: [],
    })
    return yield* all<TRegion>(q.sql, q.params)
  })
  const nodes = new Map(rows.map((r) => [r.code, { ...r, children: [] as TRegionNode[] }]))
  const roots: TRegionNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentCode && node.code !== under ? nodes.get(node.parentCode) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** One region with its ancestors (root first) and its direct children. */
export async function getRegion(db: TDatabase, code: string) {
  return db.read(function* () {
    const region = yield* one<TRegion>(`SELECT ${COLUMNS} FROM "Region" WHERE "code" = ?`, [code])
    if (!region) throw regionNotFound(code)
    const path = yield* regionPathProgram(code)
    const ancestors: TRegion[] = []
    for (const c of path.slice(1).reverse()) {
      const a = yield* one<TRegion>(`SELECT ${COLUMNS} FROM "Region" WHERE "code" = ?`, [c])
      if (a) ancestors.push(a)
    }
    const children = yield* all<TRegion>(`SELECT ${COLUMNS} FROM "Region" WHERE "parentCode" = ? ORDER BY "code"`, [code])
    return { ...region, ancestors, children }
  })
}

export const regionNotFound = (code: string) =>
  new AppError('NOT_FOUND', { zh: `行政区划不存在：${code}`, en: `region not found: ${code}` }, { regionCode: code })

/** A region and its ancestors, nearest first; empty when the code is unknown. */
export async function regionPath(db: TDatabase, code: string): Promise<string[]> {
  return db.read(() => regionPathProgram(code))
}

export type TCreateRegionInput = TRegion

export async function createRegion(
  db: TDatabase,
  input: TCreateRegionInput,
  now: string,
  options: TAlsoInTransaction<TRegion> = {},
): Promise<TRegion> {
  return db.transaction(function* () {
    const existing = yield* one<{ code: string }>(`SELECT "code" FROM "Region" WHERE "code" = ?`, [input.code])
    if (existing) {
      throw new AppError(
        'ALREADY_EXISTS',
        { zh: `行政区划代码已存在：${input.code}`, en: `region code already exists: ${input.code}` },
        { regionCode: input.code },
      )
    }
    if (input.parentCode) {
      const parent = yield* one<{ code: string }>(`SELECT "code" FROM "Region" WHERE "code" = ?`, [input.parentCode])
      if (!parent) {
        throw invalidField('body.parentCode', { zh: `上级行政区划不存在：${input.parentCode}`, en: `parent region not found: ${input.parentCode}` })
      }
    }
    yield* run(`INSERT INTO "Region" (${COLUMNS}, "createdAt") VALUES (?, ?, ?, ?, ?, ?)`, [
      input.code,
      input.name,
      input.nameEn,
      input.level,
      input.parentCode,
      now,
    ])
    return yield* alsoRecord(options, { ...input })
  })
}

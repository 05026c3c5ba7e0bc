/** Where a case belongs, for object-level access checks: its enterprise and the path of the enterprise's region. */
import type { TDatabase } from '../db/database.js'
import { one } from '../db/sql.js'
import { caseNotFound } from './apply-transition.js'
import { regionPathProgram } from './scope.js'

export type TCaseScope = { caseId: string; enterpriseId: string; enterpriseName: string; regionCode: string; regionPath: string[] }

export async function getCaseScope(db: TDatabase, caseId: string): Promise<TCaseScope> {
  return db.read(function* () {
    const row = yield* one<{ enterpriseId: string; enterpriseName: string; regionCode: string }>(
      `SELECT c."enterpriseId", e."name" AS "enterpriseName", e."regionCode" FROM "Case" c
       JOIN "Enterprise" e ON e."id" = c."enterpriseId" WHERE c."id" = ?`,
      [caseId],
    )
    if (!row) throw caseNotFound(caseId)
    return { caseId, ...row, regionPath: yield* regionPathProgram(row.regionCode) }
  })
}

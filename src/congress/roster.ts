/**
 * The congress roster of a case: who sits in the workers' congress (or, for an all-staff assembly, all workers) and
 * how many seats there are. Replacing the roster does not touch a session already convened: a session copies the
 * seats and issues its credentials when it is convened.
 */
import crypto from 'node:crypto'
import { all, one, run, type TSql } from '../db/sql.js'
import { compositionSummary, compositionWarnings } from './composition.js'
import { congressError, invalidField, parseInput } from './errors.js'
import { bool, loadCaseFacts } from './store.js'
import { ZRosterInputSchema, type TBody, type TRepresentativeView, type TRosterView } from './types.js'

type TRosterRow = {
  caseId: string
  body: TBody
  totalSeats: number
  staffCount: number | null
  womenStaffCount: number | null
  updatedAt: string
}

type TRepresentativeRow = Omit<TRepresentativeView, 'isFrontLine' | 'isManager' | 'isWoman' | 'active'> & {
  isFrontLine: boolean | number
  isManager: boolean | number
  isWoman: boolean | number
  active: boolean | number
}

export const rosterMissing = (caseId: string) =>
  congressError(
    'NOT_FOUND',
    'ROSTER_NOT_FOUND',
    { zh: `案件尚未登记职工代表名单：${caseId}`, en: `no congress roster for case ${caseId}` },
    { caseId },
  )

export function parseRoster(input: unknown) {
  const roster = parseInput(ZRosterInputSchema, input, { zh: '职工代表名单', en: 'congress roster' })
  const seen = new Set<string>()
  roster.representatives.forEach((r, i) => {
    if (r.id === undefined) return
    if (seen.has(r.id)) throw invalidField(`representatives.${i}.id`, `代表编号重复：${r.id}`, `duplicate representative id ${r.id}`)
    seen.add(r.id)
  })
  if (roster.representatives.length > roster.totalSeats) {
    throw invalidField(
      'totalSeats',
      `名单有${roster.representatives.length}人，多于总名额${roster.totalSeats}`,
      `${roster.representatives.length} on the roster is more than the ${roster.totalSeats} seats`,
    )
  }
  return roster
}

export function* setRosterProgram(
  caseId: string,
  roster: ReturnType<typeof parseRoster>,
  actorId: string | null,
  now: string,
): TSql<TRosterView> {
  yield* loadCaseFacts(caseId)
  const existing = yield* one<{ caseId: string }>(`SELECT "caseId" FROM "CongressRoster" WHERE "caseId" = ?`, [caseId])
  if (existing) {
    yield* run(
      `UPDATE "CongressRoster" SET "body" = ?, "totalSeats" = ?, "staffCount" = ?, "womenStaffCount" = ?, "updatedBy" = ?, "updatedAt" = ?
       WHERE "caseId" = ?`,
      [roster.body, roster.totalSeats, roster.staffCount ?? null, roster.womenStaffCount ?? null, actorId, now, caseId],
    )
  } else {
    yield* run(
      `INSERT INTO "CongressRoster" ("caseId", "body", "totalSeats", "staffCount", "womenStaffCount", "updatedBy", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [caseId, roster.body, roster.totalSeats, roster.staffCount ?? null, roster.womenStaffCount ?? null, actorId, now, now],
    )
  }
  const known = new Set(
    (yield* all<{ id: string }>(`SELECT "id" FROM "CongressRepresentative" WHERE "caseId" = ?`, [caseId])).map((r) => r.id),
  )
  const kept = new Set<string>()
  for (const [i, r] of roster.representatives.entries()) {
    if (r.id !== undefined) {
      if (!known.has(r.id)) {
        throw invalidField(
          `representatives.${i}.id`,
          `本案件名单中没有编号为 ${r.id} 的代表`,
          `no representative ${r.id} on this case's roster`,
        )
      }
      kept.add(r.id)
      yield* run(
        `UPDATE "CongressRepresentative" SET "position" = ?, "name" = ?, "unit" = ?, "email" = ?, "phone" = ?, "isFrontLine" = ?,
           "isManager" = ?, "isWoman" = ?, "active" = ?, "updatedAt" = ? WHERE "id" = ?`,
        [i, r.name, r.unit, r.email ?? null, r.phone ?? null, r.isFrontLine, r.isManager, r.isWoman, true, now, r.id],
      )
    } else {
      yield* run(
        `INSERT INTO "CongressRepresentative" ("id", "caseId", "position", "name", "unit", "email", "phone", "isFrontLine",
           "isManager", "isWoman", "active", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [crypto.randomUUID(), caseId, i, r.name, r.unit, r.email ?? null, r.phone ?? null, r.isFrontLine, r.isManager, r.isWoman, true, now, now],
      )
    }
  }
  for (const id of known) {
    if (!kept.has(id)) {
      yield* run(`UPDATE "CongressRepresentative" SET "active" = ?, "updatedAt" = ? WHERE "id" = ? AND "active" = ?`, [false, now, id, true])
    }
  }
  return yield* rosterViewProgram(caseId)
}

export function* activeRepresentatives(caseId: string): TSql<TRepresentativeView[]> {
  const rows = yield* all<TRepresentativeRow>(
    `SELECT "id", "name", "unit", "email", "phone", "isFrontLine", "isManager", "isWoman", "active"
     FROM "CongressRepresentative" WHERE "caseId" = ? AND "active" = ? ORDER BY "position", "id"`,
    [caseId, true],
  )
  return rows.map(representativeView)
}

const representativeView = (r: TRepresentativeRow): TRepresentativeView => ({
  id: r.id,
  name: r.name,
  unit: r.unit,
  email: r.email,
  phone: r.phone,
  isFrontLine: bool(r.isFrontLine),
  isManager: bool(r.isManager),
  isWoman: bool(r.isWoman),
  active: bool(r.active),
})

export function* loadRoster(caseId: string): TSql<TRosterRow> {
  const row = yield* one<TRosterRow>(
    `SELECT "caseId", "body", "totalSeats", "staffCount", "womenStaffCount", "updatedAt" FROM "CongressRoster" WHERE "caseId" = ?`,
    [caseId],
  )
  if (!row) throw rosterMissing(caseId)
  return row
}

export function* rosterViewProgram(caseId: string): TSql<TRosterView> {
  const c = yield* loadCaseFacts(caseId)
  const row = yield* loadRoster(caseId)
  const representatives = yield* activeRepresentatives(caseId)
  const facts = {
    jurisdiction: c.jurisdiction,
    body: row.body,
    totalSeats: Number(row.totalSeats),
    staffCount: row.staffCount === null ? null : Number(row.staffCount),
    womenStaffCount: row.womenStaffCount === null ? null : Number(row.womenStaffCount),
    active: representatives,
  }
  return {
    caseId,
    jurisdiction: c.jurisdiction,
    body: row.body,
    totalSeats: facts.totalSeats,
    staffCount: facts.staffCount,
    womenStaffCount: facts.womenStaffCount,
    representatives,
    composition: compositionSummary(facts),
    warnings: compositionWarnings(facts),
    updatedAt: row.updatedAt,
  }
}

/** Read side of the engine: a case with its state, the events allowed now, open deadlines and its event log. */
import type { TDatabase } from '../db/database.js'
import { all, one, type TSql } from '../db/sql.js'
import { acceptedEventTypes, restoreSnapshot } from './case-machine.js'
import { CASE_COLUMNS, caseNotFound, type TCaseRow } from './apply-transition.js'

export type TDeadlineView = {
  id: string
  kind: string
  lastDay: string
  dueAt: string
  provisional: boolean
  status: string
  explanation: unknown
}

export type TCaseView = {
  id: string
  enterpriseId: string
  kind: string
  jurisdiction: string
  machine: { id: string; version: number }
  state: unknown
  status: string
  tags: string[]
  revision: number
  context: unknown
  allowedEvents: string[]
  deadlines: TDeadlineView[]
  documents: { id: string; kind: string; title: string; sha256: string; sizeBytes: number; createdAt: string }[]
  createdAt: string
  updatedAt: string
}

type TDeadlineRow = Omit<TDeadlineView, 'explanation' | 'provisional'> & {
  explanation: string
  provisional: number | boolean
}

export const deadlineView = (d: TDeadlineRow): TDeadlineView => ({
  ...d,
  provisional: d.provisional === true || d.provisional === 1,
  explanation: JSON.parse(d.explanation),
})

export type TCaseRowWithTimes = TCaseRow & { createdAt: string; updatedAt: string }

export async function getCase(db: TDatabase, caseId: string): Promise<TCaseView> {
  return db.read(() => caseViewProgram(caseId))
}

/**
 * The case as its readers see it; a program, so access checks and the read can share one turn of the database
 * (`alreadyRead`: the Case row the access check read in the same program).
 */
export function* caseViewProgram(caseId: string, alreadyRead?: TCaseRowWithTimes): TSql<TCaseView> {
  const row = alreadyRead ?? (yield* one<TCaseRowWithTimes>(`SELECT ${CASE_COLUMNS}, "createdAt", "updatedAt" FROM "Case" WHERE "id" = ?`, [caseId]))
  if (!row) throw caseNotFound(caseId)
  const deadlines = yield* all<TDeadlineRow>(
    `SELECT "id", "kind", "lastDay", "dueAt", "provisional", "status", "explanation" FROM "Deadline"
     WHERE "caseId" = ? AND "status" = 'pending' ORDER BY "dueAt"`,
    [caseId],
  )
  const documents = yield* all<TCaseView['documents'][number]>(
    `SELECT "id", "kind", "title", "sha256", "sizeBytes", "createdAt" FROM "Document" WHERE "caseId" = ? ORDER BY "createdAt", "id"`,
    [caseId],
  )
  const { snapshot } = restoreSnapshot(row)
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    kind: row.kind,
    jurisdiction: row.jurisdiction,
    machine: { id: row.machineId, version: row.machineVersion },
    state: snapshot.value,
    status: row.status,
    tags: [...snapshot.tags].sort(),
    revision: row.revision,
    context: snapshot.context,
    allowedEvents: acceptedEventTypes(snapshot),
    deadlines: deadlines.map(deadlineView),
    documents,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export type TCaseEventView = {
  seq: number
  type: string
  payload: unknown
  actorId: string | null
  actorRole: string | null
  occurredAt: string
  prevHash: string
  hash: string
}

export type TCaseEventRow = Omit<TCaseEventView, 'payload'> & { caseId: string; payload: string }

export async function getCaseEvents(db: TDatabase, caseId: string): Promise<TCaseEventView[]> {
  return db.read(function* () {
    const exists = yield* one<{ id: string }>(`SELECT "id" FROM "Case" WHERE "id" = ?`, [caseId])
    if (!exists) throw caseNotFound(caseId)
    const rows = yield* all<TCaseEventRow>(
      `SELECT "caseId", "seq", "type", "payload", "actorId", "actorRole", "occurredAt", "prevHash", "hash"
       FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`,
      [caseId],
    )
    return rows.map(({ caseId: _c, payload, ...r }) => ({ ...r, payload: JSON.parse(payload) }))
  })
}

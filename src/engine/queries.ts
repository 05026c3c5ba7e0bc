/** Read side of the engine: a case with its state, the events allowed now, open deadlines and its event log. */
import type { TDatabase } from '../db/database.js'
import { all, one, perProvider, type TSql } from '../db/sql.js'
import type { TProvider } from '../db/schema-files.js'
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

/** The Case row with its pending deadlines and documents as JSON arrays (text on SQLite, parsed on PostgreSQL). */
export type TCaseRowWithLists = TCaseRowWithTimes & { deadlinesJson: unknown; documentsJson: unknown }

const DEADLINE_FIELDS = ['id', 'kind', 'lastDay', 'dueAt', 'provisional', 'status', 'explanation'] as const
const DOCUMENT_FIELDS = ['id', 'kind', 'title', 'sha256', 'sizeBytes', 'createdAt'] as const

/**
 * Two columns for a statement that reads the Case row as `c`: its pending deadlines (by due time) and its documents
 * (by creation), each as one JSON array built by a subquery. The case view is then one statement instead of three:
 * on PostgreSQL one round trip and one socket write instead of three (profiles of case reads put 20–28% of the
 * app's CPU in socket writes). Both databases order inside the aggregate (SQLite ≥ 3.44, PostgreSQL).
 */
function listColumns(provider: TProvider): string {
  const pg = provider === 'postgresql'
  const list = (alias: string, fields: readonly string[], order: string) => {
    const object = `${pg ? 'json_build_object' : 'json_object'}(${fields.map((f) => `'${f}', ${alias}."${f}"`).join(', ')})`
    return pg ? `COALESCE(json_agg(${object} ORDER BY ${order}), '[]'::json)` : `json_group_array(${object} ORDER BY ${order})`
  }
  return `(SELECT ${list('d', DEADLINE_FIELDS, 'd."dueAt", d."id"')} FROM "Deadline" d WHERE d."caseId" = c."id" AND d."status" = 'pending') AS "deadlinesJson",
    (SELECT ${list('o', DOCUMENT_FIELDS, 'o."createdAt", o."id"')} FROM "Document" o WHERE o."caseId" = c."id") AS "documentsJson"`
}

/** The columns of the case view for a statement that reads the Case row as `c`: the row's own and its two lists. */
export const CASE_VIEW_COLUMNS = perProvider(
  (provider) => `${CASE_COLUMNS.split(',')
    .map((column) => `c.${column.trim()}`)
    .join(', ')}, c."createdAt", c."updatedAt", ${listColumns(provider)}`,
)

const VIEW_SQL = perProvider((provider) => `SELECT ${CASE_VIEW_COLUMNS[provider]} FROM "Case" c WHERE c."id" = ?`)

const jsonList = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : value) as T[]

export async function getCase(db: TDatabase, caseId: string): Promise<TCaseView> {
  return db.read(() => caseViewProgram(caseId, db.provider))
}

/**
 * The case as its readers see it; a program, so access checks and the read can share one statement (`alreadyRead`:
 * the row, with CASE_VIEW_COLUMNS, that the access check read).
 */
export function* caseViewProgram(caseId: string, provider: TProvider, alreadyRead?: TCaseRowWithLists): TSql<TCaseView> {
  const row = alreadyRead ?? (yield* one<TCaseRowWithLists>(VIEW_SQL[provider], [caseId]))
  if (!row) throw caseNotFound(caseId)
  const deadlines = jsonList<TDeadlineRow>(row.deadlinesJson)
  const documents = jsonList<TCaseView['documents'][number]>(row.documentsJson)
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

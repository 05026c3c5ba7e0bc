/**
 * Integrity of a case: the hash chain over its events (an edited, inserted or removed row breaks it), the log has
 * no gaps, the stored snapshot equals the replay of the log from case.opened, each document's bytes still have
 * their recorded SHA-256, and the documents' own hash chain holds (./document-chain.ts: an edited row, an edited
 * chainHash or a deleted row is named). Documents stored before that chain existed are listed as unchained.
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate'
import type { TDatabase } from '../db/database.js'
import { all, one } from '../db/sql.js'
import { machineEntryOf } from './case-machine.js'
import { eventHash, GENESIS_HASH, sha256Hex } from './hash-chain.js'
import { caseNotFound, type TCaseRow } from './apply-transition.js'
import { checkDocumentChain, type TDocumentChainRow } from './document-chain.js'
import type { TCaseEventRow } from './queries.js'

export type TIntegrityProblem = { table: 'Case' | 'CaseEvent' | 'Document'; key: string; problem: string }

type TDocumentRow = TDocumentChainRow & { bytes: Buffer | null }

export type TCaseVerification = {
  problems: TIntegrityProblem[]
  /** Documents without a chainHash: "unchained (created before the chain)". */
  unchainedDocuments: string[]
  /** The chained documents in chain order. */
  documentChain: string[]
}

/** Every problem of the case (see checkCase); an empty list means intact. */
export async function verifyCase(db: TDatabase, caseId: string): Promise<TIntegrityProblem[]> {
  return (await verifyCaseReport(db, caseId)).problems
}

/** The problems of the case, and which of its documents are unchained (stored before the document chain). */
export async function verifyCaseReport(db: TDatabase, caseId: string): Promise<TCaseVerification> {
  const { row, events, documents, storedIds } = await db.read(function* () {
    const row = yield* one<TCaseRow>(
      `SELECT "id", "machineId", "machineVersion", "snapshot", "revision", "lastHash" FROM "Case" WHERE "id" = ?`,
      [caseId],
    )
    if (!row) throw caseNotFound(caseId)
    const events = yield* all<TCaseEventRow>(
      `SELECT "caseId", "seq", "type", "payload", "actorId", "actorRole", "occurredAt", "prevHash", "hash"
       FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`,
      [caseId],
    )
    const documents = yield* all<TDocumentRow>(
      `SELECT "id", "caseId", "caseSeq", "kind", "sha256", "createdAt", "bytes", "prevHash", "chainHash" FROM "Document" WHERE "caseId" = ?`,
      [caseId],
    )
    // What the outbox says it stored: a done document.render message names its document in its result.
    const results = yield* all<{ result: string | null }>(
      `SELECT "result" FROM "OutboxMessage" WHERE "caseId" = ? AND "effect" = 'document.render' AND "status" = 'done'`,
      [caseId],
    )
    const storedIds = results.flatMap((r) => {
      try {
        const id = (JSON.parse(r.result ?? 'null') as { documentId?: unknown } | null)?.documentId
        return typeof id === 'string' ? [id] : []
      } catch {
        return []
      }
    })
    return { row, events, documents, storedIds }
  })
  const problems = checkCase(row, events, documents)
  const chain = checkDocumentChain(
    caseId,
    documents.map((d) => ({ ...d, caseSeq: d.caseSeq === null ? null : Number(d.caseSeq) })),
    new Map(events.map((e) => [Number(e.seq), e.hash])),
    storedIds,
  )
  for (const p of chain.problems) problems.push({ table: 'Document', key: p.key, problem: p.problem })
  return { problems, unchainedDocuments: chain.unchained, documentChain: chain.order }
}

export function checkCase(
  row: Pick<TCaseRow, 'id' | 'machineId' | 'machineVersion' | 'snapshot' | 'revision' | 'lastHash'>,
  events: TCaseEventRow[],
  documents: { id: string; sha256: string; bytes: Buffer | null }[] = [],
): TIntegrityProblem[] {
  const problems: TIntegrityProblem[] = []
  const key = (seq: number) => `${row.id}#${seq}`
  let prev = GENESIS_HASH
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push({ table: 'CaseEvent', key: key(e.seq), problem: `gap: expected seq ${i + 1}` })
    if (e.prevHash !== prev) problems.push({ table: 'CaseEvent', key: key(e.seq), problem: 'prevHash does not chain' })
    const h = eventHash(prev, { ...e, caseId: row.id })
    if (h !== e.hash) problems.push({ table: 'CaseEvent', key: key(e.seq), problem: 'hash does not match content' })
    prev = e.hash
  })
  if (events.length !== row.revision)
    problems.push({ table: 'Case', key: row.id, problem: `revision ${row.revision} but ${events.length} events` })
  if (prev !== row.lastHash) problems.push({ table: 'Case', key: row.id, problem: 'lastHash is not the last event hash' })

  const replayed = replay(row, events)
  if (replayed.error) problems.push({ table: 'CaseEvent', key: row.id, problem: `replay failed: ${replayed.error}` })
  else if (replayed.snapshot !== row.snapshot)
    problems.push({ table: 'Case', key: row.id, problem: 'stored snapshot differs from the replay of the event log' })

  for (const d of documents) {
    if (d.bytes && sha256Hex(d.bytes) !== d.sha256)
      problems.push({ table: 'Document', key: d.id, problem: 'bytes do not match the recorded SHA-256' })
  }
  return problems
}

/** Rebuilds the snapshot from the log: case.opened carries the machine input, every later row is an event. */
export function replay(
  row: Pick<TCaseRow, 'machineId' | 'machineVersion'>,
  events: Pick<TCaseEventRow, 'type' | 'payload'>[],
): { snapshot?: string; error?: string } {
  try {
    const entry = machineEntryOf(row.machineId, row.machineVersion)
    const [first, ...rest] = events
    if (!first || first.type !== 'case.opened') return { error: 'the log does not start with case.opened' }
    const { type: _t, ...input } = JSON.parse(first.payload) as { type: string }
    let [snapshot] = initialTransition(entry.machine, input) as [AnyMachineSnapshot, unknown]
    for (const e of rest) {
      ;[snapshot] = transition(entry.machine, snapshot, JSON.parse(e.payload)) as [AnyMachineSnapshot, unknown]
    }
    return { snapshot: JSON.stringify(entry.machine.getPersistedSnapshot(snapshot)) }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * The hash chain over a case's documents, beside the chain over its events (./hash-chain.ts).
 *
 *   chainHash = sha256(JSON [prevHash, caseId, caseSeq, kind, sha256, createdAt])
 *   prevHash  = the chainHash of the case's previous document, or, for its first document, the hash of the
 *               CaseEvent at the document's caseSeq (so the documents hang off the event log).
 *
 * Both are written in the transaction that inserts the Document row (src/effects/render-document.ts). On
 * PostgreSQL the Case row is locked FOR UPDATE first, so two workers storing documents of one case take turns;
 * the unique index on (caseId, prevHash) refuses a fork in any case. Rows stored before the chain existed have no
 * chainHash: verify lists them as unchained and checks only their bytes.
 *
 * What verify detects (checkDocumentChain): an edited sha256, kind, caseSeq or createdAt (the chainHash no longer
 * matches), an edited chainHash (no match, and the next row's prevHash no longer links), a deleted row in the
 * middle (the next row's prevHash links to nothing) and a deleted last row (a done `document.render` message names
 * a document that is gone).
 */
import crypto from 'node:crypto'
import { one, type TSql } from '../db/sql.js'
import type { TProvider } from '../db/schema-files.js'
import { GENESIS_HASH } from './hash-chain.js'

export type TChainedDocument = {
  caseId: string
  caseSeq: number | null
  kind: string
  sha256: string
  createdAt: string
}

export function documentChainHash(prevHash: string, d: TChainedDocument): string {
  const content = JSON.stringify([prevHash, d.caseId, d.caseSeq, d.kind, d.sha256, d.createdAt])
  return crypto.createHash('sha256').update(content).digest('hex')
}

/**
 * The prevHash of the next document of a case: the chainHash of its last chained document (the one no other row
 * points to), or the hash of the CaseEvent at `caseSeq` for the first one. Locks the case on PostgreSQL.
 */
export function* nextDocumentPrevHash(provider: TProvider, caseId: string, caseSeq: number | null): TSql<string> {
  if (provider === 'postgresql') yield* one(`SELECT "id" FROM "Case" WHERE "id" = ? FOR UPDATE`, [caseId])
  const tail = yield* one<{ chainHash: string }>(
    `SELECT d."chainHash" FROM "Document" d
     WHERE d."caseId" = ? AND d."chainHash" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "Document" n WHERE n."caseId" = d."caseId" AND n."prevHash" = d."chainHash")`,
    [caseId],
  )
  if (tail) return tail.chainHash
  if (caseSeq === null) return GENESIS_HASH
  const event = yield* one<{ hash: string }>(`SELECT "hash" FROM "CaseEvent" WHERE "caseId" = ? AND "seq" = ?`, [caseId, caseSeq])
  return event?.hash ?? GENESIS_HASH
}

export type TDocumentChainRow = TChainedDocument & { id: string; prevHash: string | null; chainHash: string | null }

export type TDocumentChainProblem = { key: string; problem: string }

export type TDocumentChainReport = {
  problems: TDocumentChainProblem[]
  /** Rows without a chainHash: stored before the chain existed. */
  unchained: string[]
  /** Chained rows in chain order. */
  order: string[]
}

/**
 * Checks the chain of one case's documents. `eventHashes` maps seq → CaseEvent hash; `storedIds` are the ids that
 * done `document.render` messages say they stored (a missing one is a deleted row).
 */
export function checkDocumentChain(
  caseId: string,
  docs: readonly TDocumentChainRow[],
  eventHashes: ReadonlyMap<number, string>,
  storedIds: readonly string[] = [],
): TDocumentChainReport {
  const problems: TDocumentChainProblem[] = []
  const chained = docs.filter((d) => d.chainHash !== null)
  const unchained = docs.filter((d) => d.chainHash === null).map((d) => d.id)
  const byHash = new Map(chained.map((d) => [d.chainHash!, d]))
  const successors = new Map<string, TDocumentChainRow[]>()
  const heads: TDocumentChainRow[] = []

  for (const d of chained) {
    if (d.prevHash === null || documentChainHash(d.prevHash, d) !== d.chainHash) {
      problems.push({ key: d.id, problem: 'chainHash does not match the row (sha256, kind, caseSeq or createdAt edited)' })
    }
    if (d.prevHash !== null && byHash.has(d.prevHash)) {
      const list = successors.get(d.prevHash) ?? []
      list.push(d)
      successors.set(d.prevHash, list)
    } else if (d.prevHash !== null && (d.prevHash === (d.caseSeq === null ? GENESIS_HASH : eventHashes.get(d.caseSeq)))) {
      heads.push(d)
    } else {
      problems.push({ key: d.id, problem: 'prevHash does not chain: the document before it was deleted or its chainHash edited' })
    }
  }
  if (chained.length > 0 && heads.length === 0 && problems.length === 0) {
    problems.push({ key: caseId, problem: 'the document chain has no first document' })
  }
  for (const extra of heads.slice(1)) problems.push({ key: extra.id, problem: 'a second first document: the chain forks' })
  for (const [, list] of successors) {
    for (const extra of list.slice(1)) problems.push({ key: extra.id, problem: 'two documents follow the same document: the chain forks' })
  }

  // Walk from the head; what the walk does not reach is reported above (no link) or forks.
  const order: string[] = []
  const seen = new Set<string>()
  let cur = heads[0]
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id)
    order.push(cur.id)
    cur = successors.get(cur.chainHash!)?.[0]
  }

  const present = new Set(docs.map((d) => d.id))
  for (const id of storedIds) {
    if (!present.has(id)) problems.push({ key: id, problem: 'missing: its document.render message stored it, the row is gone' })
  }
  return { problems, unchained, order }
}

/**
 * The hash chain over a case's events: each row's hash covers the previous hash and the row's content, so an
 * edited, inserted or deleted row is detected by recomputing the chain (src/engine/verify.ts).
 */
import crypto from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export type TChainedContent = {
  caseId: string
  seq: number
  type: string
  /** The stored JSON text of the payload, hashed as stored. */
  payload: string
  actorId: string | null
  actorRole: string | null
  occurredAt: string
}

export function eventHash(prevHash: string, row: TChainedContent): string {
  const content = JSON.stringify([
    prevHash,
    row.caseId,
    row.seq,
    row.type,
    row.payload,
    row.actorId,
    row.actorRole,
    row.occurredAt,
  ])
  return crypto.createHash('sha256').update(content).digest('hex')
}

export function sha256Hex(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex')
}

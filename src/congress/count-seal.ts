/**
 * The seal of a session's ballot box: a MAC over its count rows (CongressBallotCountMac), rewritten in the same
 * transaction as every change of the counts (convening, each batch of ballots), so that `npm run verify` detects a
 * count row edited, added or removed by hand (./verify-ballots.ts) and names it.
 *
 * The seal holds one MAC per count row (sessionId, itemId, choice, count) and one over the whole set of rows.
 * The key is derived (HKDF) from CONGRESS_CREDENTIAL_KEY, configuration that is never stored in the database, so
 * someone with SQL access alone cannot forge a seal. Without that key the seal is a plain SHA-256: it still
 * catches an edit made without recomputing it, not a deliberate forgery (`alg` says which).
 *
 * Secrecy (./secrecy.ts): the seal holds totals only, like the count rows; it is written by the same transactions
 * that write every count row of the session, and rewritten at the close with them, so it links nothing.
 */
import crypto from 'node:crypto'
import { all, run, type TSql } from '../db/sql.js'

export type TSealAlg = 'hmac-sha256' | 'sha256'
export type TCountRow = { itemId: string; choice: string; count: number }
export type TSeal = { v: 1; alg: TSealAlg; session: string; rows: Record<string, string> }

/** The MAC key for the seals, derived from the 32-byte congress credential key; undefined without one. */
export function sealKeyOf(credentialKey: Buffer | undefined | null): Buffer | undefined {
  if (!credentialKey) return undefined
  return Buffer.from(crypto.hkdfSync('sha256', credentialKey, 'wagepact', 'congress ballot count seal v1', 32))
}

const mac = (key: Buffer | undefined, text: string) =>
  key ? crypto.createHmac('sha256', key).update(text).digest('hex') : crypto.createHash('sha256').update(text).digest('hex')

export const rowKey = (r: Pick<TCountRow, 'itemId' | 'choice'>) => `${r.itemId}|${r.choice}`

const sorted = (rows: readonly TCountRow[]) =>
  [...rows].sort((a, b) => (a.itemId === b.itemId ? (a.choice < b.choice ? -1 : 1) : a.itemId < b.itemId ? -1 : 1))

export function rowMac(key: Buffer | undefined, sessionId: string, r: TCountRow): string {
  return mac(key, JSON.stringify(['row', sessionId, r.itemId, r.choice, Number(r.count)]))
}

export function sessionMac(key: Buffer | undefined, sessionId: string, rows: readonly TCountRow[]): string {
  return mac(key, JSON.stringify(['session', sessionId, sorted(rows).map((r) => [r.itemId, r.choice, Number(r.count)])]))
}

export function computeSeal(key: Buffer | undefined, sessionId: string, rows: readonly TCountRow[]): TSeal {
  return {
    v: 1,
    alg: key ? 'hmac-sha256' : 'sha256',
    session: sessionMac(key, sessionId, rows),
    rows: Object.fromEntries(sorted(rows).map((r) => [rowKey(r), rowMac(key, sessionId, r)])),
  }
}

/** Reads the session's count rows (as this transaction sees them) and writes their seal. */
export function* resealCounts(key: Buffer | undefined, sessionId: string): TSql<void> {
  const rows = yield* all<TCountRow>(`SELECT "itemId", "choice", "count" FROM "CongressBallotCount" WHERE "sessionId" = ?`, [sessionId])
  const seal = JSON.stringify(computeSeal(key, sessionId, rows))
  yield* run(
    `INSERT INTO "CongressBallotCountMac" ("sessionId", "mac") VALUES (?, ?)
     ON CONFLICT ("sessionId") DO UPDATE SET "mac" = excluded."mac"`,
    [sessionId, seal],
  )
}

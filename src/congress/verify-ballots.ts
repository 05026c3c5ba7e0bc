/**
 * Integrity of the ballot boxes (called by `npm run verify`): each session's count rows against their seal
 * (./count-seal.ts), naming the row that was edited, added or removed, and the invariant that every online ballot
 * chose once on every item (so each item's counts add up to the credentials used online).
 */
import type { TDatabase } from '../db/database.js'
import { all } from '../db/sql.js'
import { computeSeal, rowKey, sealKeyOf, type TCountRow, type TSeal } from './count-seal.js'

export type TBallotProblem = { table: 'CongressBallotCount' | 'CongressBallotCountMac'; key: string; problem: string }

type TSessionFacts = { id: string; items: string; online: number; mac: string | null }

export async function verifyBallotCounts(
  db: TDatabase,
  credentialKey: Buffer | undefined | null,
): Promise<{ sessions: number; rows: number; problems: TBallotProblem[] }> {
  const key = sealKeyOf(credentialKey)
  const { sessions, counts } = await db.read(function* () {
    const sessions = yield* all<TSessionFacts>(
      `SELECT s."id", s."items", m."mac",
              (SELECT CAST(COUNT(*) AS INTEGER) FROM "CongressCredential" c WHERE c."sessionId" = s."id" AND c."usedVia" = 'online') AS "online"
       FROM "CongressSession" s LEFT JOIN "CongressBallotCountMac" m ON m."sessionId" = s."id" ORDER BY s."id"`,
    )
    const counts = yield* all<TCountRow & { sessionId: string }>(
      `SELECT "sessionId", "itemId", "choice", "count" FROM "CongressBallotCount" ORDER BY "sessionId", "itemId", "choice"`,
    )
    return { sessions, counts }
  })
  const bySession = new Map<string, TCountRow[]>()
  for (const c of counts) {
    const list = bySession.get(c.sessionId) ?? []
    list.push({ itemId: c.itemId, choice: c.choice, count: Number(c.count) })
    bySession.set(c.sessionId, list)
  }
  const problems: TBallotProblem[] = []
  const known = new Set(sessions.map((s) => s.id))
  for (const sessionId of bySession.keys()) {
    if (!known.has(sessionId)) problems.push({ table: 'CongressBallotCount', key: sessionId, problem: 'count rows of no session' })
  }
  for (const s of sessions) problems.push(...checkSession(key, s, bySession.get(s.id) ?? []))
  return { sessions: sessions.length, rows: counts.length, problems }
}

/** The problems of one session's ballot box; a count row is named `<sessionId>/<itemId>/<choice>`. */
export function checkSession(key: Buffer | undefined, s: TSessionFacts, rows: TCountRow[]): TBallotProblem[] {
  const problems: TBallotProblem[] = []
  const rowName = (r: Pick<TCountRow, 'itemId' | 'choice'>) => `${s.id}/${r.itemId}/${r.choice}`
  if (!s.mac) return [{ table: 'CongressBallotCountMac', key: s.id, problem: 'the ballot box of this session has no seal' }]
  let seal: TSeal
  try {
    seal = JSON.parse(s.mac) as TSeal
    if (seal.v !== 1 || typeof seal.session !== 'string' || typeof seal.rows !== 'object' || !seal.rows) throw new Error('shape')
  } catch {
    return [{ table: 'CongressBallotCountMac', key: s.id, problem: 'the seal is not readable' }]
  }
  if (seal.alg === 'hmac-sha256' && !key)
    return [{ table: 'CongressBallotCountMac', key: s.id, problem: 'sealed with CONGRESS_CREDENTIAL_KEY, which is not set: cannot check' }]
  if (seal.alg === 'sha256' && key)
    problems.push({ table: 'CongressBallotCountMac', key: s.id, problem: 'seal is unkeyed although CONGRESS_CREDENTIAL_KEY is set' })
  const expected = computeSeal(seal.alg === 'sha256' ? undefined : key, s.id, rows)
  for (const r of rows) {
    const stored = seal.rows[rowKey(r)]
    if (stored === undefined) problems.push({ table: 'CongressBallotCount', key: rowName(r), problem: 'row is not in the seal (added by hand?)' })
    else if (stored !== expected.rows[rowKey(r)])
      problems.push({ table: 'CongressBallotCount', key: rowName(r), problem: `count ${r.count} does not match its seal (edited)` })
  }
  const present = new Set(rows.map(rowKey))
  for (const k of Object.keys(seal.rows)) {
    if (!present.has(k)) {
      const [itemId = '', choice = ''] = k.split('|')
      problems.push({ table: 'CongressBallotCount', key: rowName({ itemId, choice }), problem: 'sealed row is missing (deleted)' })
    }
  }
  if (problems.length === 0 && seal.session !== expected.session)
    problems.push({ table: 'CongressBallotCountMac', key: s.id, problem: 'the seal over the whole ballot box does not match' })
  // Every online ballot chooses exactly once on every item (ballot-box.ts checkChoices).
  let items: { id: string }[] = []
  try {
    items = JSON.parse(s.items) as { id: string }[]
  } catch {
    /* an unreadable items column is the session's problem, not the box's */
  }
  for (const item of items) {
    const total = rows.filter((r) => r.itemId === item.id).reduce((n, r) => n + Number(r.count), 0)
    if (total !== Number(s.online))
      problems.push({
        table: 'CongressBallotCount',
        key: `${s.id}/${item.id}`,
        problem: `counts add up to ${total} but ${s.online} credentials voted online`,
      })
  }
  return problems
}

/**
 * Tampering is detected by `npm run verify` (run as a child process, as an operator would): an edited, added or
 * removed ballot-count row (against the session's seal, src/congress/count-seal.ts) and an edited event row, each
 * named, with exit code 1; the untouched database passes with exit code 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all, run } from '../../src/db/sql.js'
import { verifyBallotCounts } from '../../src/congress/verify-ballots.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { ballot, CREDENTIAL_KEY, convened, openWorld, type TWorld } from '../congress/helpers.js'
import { runScript } from './cli.js'

const ITEMS = [
  { id: 'wage', title: '工资调整幅度' },
  { id: 'term', title: '合同期限' },
]

describe.each(PROVIDERS_UNDER_TEST)('tampering detected by npm run verify on %s', { timeout: 120_000 }, (provider) => {
  let w: TWorld
  let sessionId: string
  let caseId: string
  const env = () => ({ DATABASE_URL: w.t.url, CONGRESS_CREDENTIAL_KEY: CREDENTIAL_KEY.toString('hex') })
  const sql = (text: string, params: (string | number)[]) =>
    w.db.transaction(function* () {
      return yield* run(text, params)
    })

  beforeAll(async () => {
    w = await openWorld(provider)
    const c = await convened(w, 5, { session: { items: ITEMS } })
    sessionId = c.sessionId
    caseId = c.caseId
    const choices = [
      { wage: 'agree', term: 'agree' },
      { wage: 'agree', term: 'abstain' },
      { wage: 'disagree', term: 'agree' },
    ] as const
    for (const [i, ch] of choices.entries()) await w.congress.castBallot(ballot(c.credentials[i]!.token, ch, ['wage', 'term']))
  })
  afterAll(async () => {
    await w?.close()
  })

  it('an untouched database passes: exit 0', async () => {
    expect((await verifyBallotCounts(w.db, CREDENTIAL_KEY)).problems).toEqual([])
    const r = await runScript('verify.ts', [], env())
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1 ballot boxes \(6 count rows\) checked, 0 problems/)
  })

  it('an edited count row: exit 1, naming the row; a vote moved between two choices names both rows', async () => {
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" + 1 WHERE "sessionId" = ? AND "itemId" = 'wage' AND "choice" = 'agree'`, [sessionId])
    const r = await runScript('verify.ts', [], env())
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`TAMPERED CongressBallotCount ${sessionId}/wage/agree: count 3 does not match its seal (edited)`)
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" - 1 WHERE "sessionId" = ? AND "itemId" = 'wage' AND "choice" = 'agree'`, [sessionId])
    expect((await verifyBallotCounts(w.db, CREDENTIAL_KEY)).problems).toEqual([])

    // The same total, one vote moved from agree to disagree: the item's sum still matches, the seal does not.
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" - 1 WHERE "sessionId" = ? AND "itemId" = 'term' AND "choice" = 'agree'`, [sessionId])
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" + 1 WHERE "sessionId" = ? AND "itemId" = 'term' AND "choice" = 'disagree'`, [sessionId])
    const moved = (await verifyBallotCounts(w.db, CREDENTIAL_KEY)).problems
    expect(moved.map((p) => `${p.table} ${p.key}`)).toEqual([
      `CongressBallotCount ${sessionId}/term/agree`,
      `CongressBallotCount ${sessionId}/term/disagree`,
    ])
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" + 1 WHERE "sessionId" = ? AND "itemId" = 'term' AND "choice" = 'agree'`, [sessionId])
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" - 1 WHERE "sessionId" = ? AND "itemId" = 'term' AND "choice" = 'disagree'`, [sessionId])
  })

  it('a deleted count row, a forged seal without the key, and a missing key are each reported', async () => {
    const saved = await w.db.read(function* () {
      return yield* all<{ count: number }>(
        `SELECT "count" FROM "CongressBallotCount" WHERE "sessionId" = ? AND "itemId" = 'wage' AND "choice" = 'abstain'`,
        [sessionId],
      )
    })
    await sql(`DELETE FROM "CongressBallotCount" WHERE "sessionId" = ? AND "itemId" = 'wage' AND "choice" = 'abstain'`, [sessionId])
    let report = await verifyBallotCounts(w.db, CREDENTIAL_KEY)
    expect(report.problems).toContainEqual({ table: 'CongressBallotCount', key: `${sessionId}/wage/abstain`, problem: 'sealed row is missing (deleted)' })
    await sql(`INSERT INTO "CongressBallotCount" ("sessionId", "itemId", "choice", "count") VALUES (?, 'wage', 'abstain', ?)`, [
      sessionId,
      Number(saved[0]!.count),
    ])
    expect((await verifyBallotCounts(w.db, CREDENTIAL_KEY)).problems).toEqual([])

    // Someone with SQL access but not the key recomputes the seal as an unkeyed hash after editing a count.
    const { computeSeal } = await import('../../src/congress/count-seal.js')
    const rows = await w.db.read(function* () {
      return yield* all<{ itemId: string; choice: string; count: number }>(
        `SELECT "itemId", "choice", "count" FROM "CongressBallotCount" WHERE "sessionId" = ?`,
        [sessionId],
      )
    })
    const original = await w.db.read(function* () {
      return yield* all<{ mac: string }>(`SELECT "mac" FROM "CongressBallotCountMac" WHERE "sessionId" = ?`, [sessionId])
    })
    const forged = rows.map((r) => (r.itemId === 'wage' && r.choice === 'disagree' ? { ...r, count: Number(r.count) + 5 } : r))
    const fakeKey = Buffer.alloc(32, 7)
    const { sealKeyOf } = await import('../../src/congress/count-seal.js')
    await sql(`UPDATE "CongressBallotCountMac" SET "mac" = ? WHERE "sessionId" = ?`, [JSON.stringify(computeSeal(sealKeyOf(fakeKey), sessionId, forged)), sessionId])
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" + 5 WHERE "sessionId" = ? AND "itemId" = 'wage' AND "choice" = 'disagree'`, [sessionId])
    report = await verifyBallotCounts(w.db, CREDENTIAL_KEY)
    expect(report.problems.map((p) => p.key)).toContain(`${sessionId}/wage/disagree`)
    // Every row fails against a seal made with another key.
    expect(report.problems.filter((p) => p.table === 'CongressBallotCount').length).toBeGreaterThanOrEqual(6)
    await sql(`UPDATE "CongressBallotCount" SET "count" = "count" - 5 WHERE "sessionId" = ? AND "itemId" = 'wage' AND "choice" = 'disagree'`, [sessionId])
    await sql(`UPDATE "CongressBallotCountMac" SET "mac" = ? WHERE "sessionId" = ?`, [original[0]!.mac, sessionId])

    // Without the key a keyed seal cannot be checked: that is a failure, not a silent pass.
    const r = await runScript('verify.ts', [], { DATABASE_URL: w.t.url, CONGRESS_CREDENTIAL_KEY: undefined })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`TAMPERED CongressBallotCountMac ${sessionId}: sealed with CONGRESS_CREDENTIAL_KEY, which is not set`)
    expect((await verifyBallotCounts(w.db, CREDENTIAL_KEY)).problems).toEqual([])
  })

  it('an edited CaseEvent row: exit 1 naming the row', async () => {
    await sql(`UPDATE "CaseEvent" SET "payload" = REPLACE("payload", '企业行政部签收回执', '伪造的回执') WHERE "caseId" = ? AND "seq" = 3`, [caseId])
    const r = await runScript('verify.ts', [], env())
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`TAMPERED CaseEvent ${caseId}#3: hash does not match content`)
  })
})

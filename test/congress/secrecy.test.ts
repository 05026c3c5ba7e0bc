/**
 * The secret ballot, checked on the stored data itself (src/congress/secrecy.ts): the catalog has no column that
 * relates a choice to a voter, and the stored state does not depend on the order in which people voted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all } from '../../src/db/sql.js'
import type { TChoice } from '../../src/congress/types.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { ballot, convened, DURING, officer, openWorld, type TWorld } from './helpers.js'

type TColumn = { name: string }
type TForeignKey = { from: string; table: string }

function columnsOf(db: TDatabase, table: string): Promise<string[]> {
  return db.read(function* () {
    const rows =
      db.provider === 'sqlite'
        ? yield* all<TColumn>(`SELECT "name" FROM pragma_table_info(?)`, [table])
        : yield* all<TColumn>(
            `SELECT column_name AS "name" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
            [table],
          )
    return rows.map((r) => r.name).sort()
  })
}

function foreignKeysOf(db: TDatabase, table: string): Promise<TForeignKey[]> {
  return db.read(function* () {
    if (db.provider === 'sqlite') {
      return yield* all<TForeignKey>(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`, [table])
    }
    return yield* all<TForeignKey>(
      `SELECT kcu.column_name AS "from", ccu.table_name AS "table"
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND tc.table_name = ?`,
      [table],
    )
  })
}

function tablesOf(db: TDatabase): Promise<string[]> {
  return db.read(function* () {
    const rows =
      db.provider === 'sqlite'
        ? yield* all<TColumn>(`SELECT "name" FROM sqlite_master WHERE "type" = 'table'`)
        : yield* all<TColumn>(`SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = current_schema()`)
    return rows.map((r) => r.name)
  })
}

/** Anything that could name a voter or a credential, or place a ballot in time or order. */
const LINKING = /voter|representative|credential|token|user|actor|receiptHash|name|email|phone|time|date|At$|created|updated|seq|order|position|rowid|serial/i

describe.each(PROVIDERS_UNDER_TEST)('ballot secrecy on %s', (provider) => {
  let w: TWorld

  beforeAll(async () => {
    w = await openWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })
  beforeEach(() => w.clock.set(DURING))

  it('the ballot table has no column that references the voter, the credential, a time or an order', async () => {
    const columns = await columnsOf(w.db, 'CongressBallotCount')
    expect(columns).toEqual(['choice', 'count', 'itemId', 'sessionId'])
    expect(columns.filter((c) => LINKING.test(c))).toEqual([])
    expect(await foreignKeysOf(w.db, 'CongressBallotCount')).toEqual([{ from: 'sessionId', table: 'CongressSession' }])
    // The receipts: no voter, no choice, no time.
    expect(await columnsOf(w.db, 'CongressReceipt')).toEqual(['receiptHash', 'sessionId'])
    expect(await foreignKeysOf(w.db, 'CongressReceipt')).toEqual([{ from: 'sessionId', table: 'CongressSession' }])
    // "Has voted" names the voter but records no time and no choice.
    const credential = await columnsOf(w.db, 'CongressCredential')
    expect(credential.filter((c) => /time|date|At$|choice|count|receipt/i.test(c))).toEqual([])
    // Nothing in the whole schema points at a credential, and only the credential points at a representative.
    const pointers: { table: string; fk: TForeignKey }[] = []
    for (const table of await tablesOf(w.db)) {
      for (const fk of await foreignKeysOf(w.db, table)) pointers.push({ table, fk })
    }
    expect(pointers.filter((p) => p.fk.table === 'CongressCredential')).toEqual([])
    expect(pointers.filter((p) => p.fk.table === 'CongressRepresentative').map((p) => p.table)).toEqual(['CongressCredential'])
    // The only columns holding a choice are in the ballot-count table.
    const withChoice: string[] = []
    for (const table of await tablesOf(w.db)) if ((await columnsOf(w.db, table)).includes('choice')) withChoice.push(table)
    expect(withChoice).toEqual(['CongressBallotCount'])
  })

  it('ballots cast in a known voter order leave the same rows in the same order as the reverse order (plain SELECT)', async () => {
    const items = [
      { id: 'wage', title: '工资调整幅度' },
      { id: 'term', title: '合同期限' },
    ]
    const voters = 8
    const choiceOf = (i: number): Record<string, TChoice> => ({
      wage: (['agree', 'disagree', 'abstain'] as const)[i % 3]!,
      term: (['agree', 'abstain'] as const)[i % 2]!,
    })
    const a = await convened(w, voters, { session: { items } })
    const b = await convened(w, voters, { session: { items } })
    const order = Array.from({ length: voters }, (_, i) => i)
    // The same person (roster position i) makes the same choices in both sessions, in opposite orders, interleaved.
    for (const k of order) {
      const ia = order[k]!
      const ib = order[voters - 1 - k]!
      await w.congress.castBallot(ballot(a.credentials[ia]!.token, choiceOf(ia), ['wage', 'term']))
      await w.congress.castBallot(ballot(b.credentials[ib]!.token, choiceOf(ib), ['wage', 'term']))
    }
    const plain = () =>
      w.db.read(function* () {
        return yield* all<{ sessionId: string; itemId: string; choice: string; count: number }>(`SELECT * FROM "CongressBallotCount"`)
      })
    const rowsOf = (rows: Awaited<ReturnType<typeof plain>>, sessionId: string) =>
      rows.filter((r) => r.sessionId === sessionId).map((r) => [r.itemId, r.choice, Number(r.count)])
    const during = await plain()
    expect(rowsOf(during, a.sessionId)).toHaveLength(6) // items × choices, whatever the number of voters
    expect(rowsOf(during, a.sessionId)).toEqual(rowsOf(during, b.sessionId))
    await w.congress.closeSession(a.sessionId, officer)
    await w.congress.closeSession(b.sessionId, officer)
    const after = await plain()
    expect(rowsOf(after, a.sessionId)).toEqual(rowsOf(after, b.sessionId))
    const ra = (await w.congress.getSession(a.sessionId)).result!
    const rb = (await w.congress.getSession(b.sessionId)).result!
    expect(ra.items.map((i) => [i.agree, i.disagree, i.abstain])).toEqual([
      [3, 3, 2],
      [4, 0, 4],
    ])
    expect(rb.items).toEqual(ra.items)
    // "Has voted" is the same for both sessions, position by position, and holds nothing else about the ballot.
    const voted = (sessionId: string) =>
      w.db.read(function* () {
        return yield* all<{ position: number; present: unknown; presentVia: string | null; usedVia: string | null }>(
          `SELECT r."position", c."present", c."presentVia", c."usedVia" FROM "CongressCredential" c
           JOIN "CongressRepresentative" r ON r."id" = c."representativeId" WHERE c."sessionId" = ? ORDER BY r."position"`,
          [sessionId],
        )
      })
    expect((await voted(a.sessionId)).map((r) => [Number(r.position), Boolean(r.present), r.presentVia, r.usedVia])).toEqual(
      (await voted(b.sessionId)).map((r) => [Number(r.position), Boolean(r.present), r.presentVia, r.usedVia]),
    )
  })

  it.runIf(provider === 'postgresql')(
    'PostgreSQL xmin does not tell choices apart during the vote, and links nothing after the close',
    async () => {
      const { sessionId, credentials } = await convened(w, 4)
      const xmins = (table: string) =>
        w.db.read(function* () {
          return (yield* all<{ x: string }>(`SELECT xmin::text AS "x" FROM "${table}" WHERE "sessionId" = ?`, [sessionId])).map((r) => r.x)
        })
      await w.congress.castBallot(ballot(credentials[0]!.token, 'agree'))
      await w.congress.castBallot(ballot(credentials[1]!.token, 'disagree'))
      // Every count row was written by the last ballot's transaction, +1 or +0 alike.
      expect(new Set(await xmins('CongressBallotCount')).size).toBe(1)
      await w.congress.closeSession(sessionId, officer)
      const all_ = [...(await xmins('CongressBallotCount')), ...(await xmins('CongressCredential')), ...(await xmins('CongressReceipt'))]
      expect(new Set(all_).size).toBe(1) // the closing transaction wrote them all
    },
  )
})

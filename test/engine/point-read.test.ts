/**
 * Point reads (TDatabase.pointRead): on PostgreSQL the statements of many requests share two pipelined connections,
 * written once per turn of the event loop. Each read must still get its own answer, fail alone, and survive a lost
 * connection; on SQLite it is the plain read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { one } from '../../src/db/sql.js'
import { connect, createTestDatabase, PG_ADMIN_URL, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import pg from 'pg'

/** A two-statement program whose second statement depends on the first: the answer names the key it was asked. */
function* echoTwice(key: string) {
  const first = yield* one<{ v: string }>(`SELECT CAST(? AS TEXT) AS "v"`, [key])
  const second = yield* one<{ v: string }>(`SELECT CAST(? AS TEXT) || '/' || CAST(? AS TEXT) AS "v"`, [first!.v, key])
  return second!.v
}

describe.each(PROVIDERS_UNDER_TEST)('point reads on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
  })
  afterAll(async () => {
    await db.close()
    await t.drop()
  })

  it('500 reads issued at once each get their own answers, statement after statement', async () => {
    const keys = Array.from({ length: 500 }, (_, i) => `key-${i}`)
    const answers = await Promise.all(keys.map((k) => db.pointRead(() => echoTwice(k))))
    expect(answers).toEqual(keys.map((k) => `${k}/${k}`))
  })

  it('a failing statement fails its own read only, not the reads sent beside it', async () => {
    const reads = Array.from({ length: 60 }, (_, i) =>
      i % 20 === 7 ? db.pointRead(() => one(`SELECT "nope" FROM "NoSuchTable"`)) : db.pointRead(() => echoTwice(`k${i}`)),
    )
    const settled = await Promise.allSettled(reads)
    settled.forEach((r, i) => {
      if (i % 20 === 7) expect(r.status).toBe('rejected')
      else expect(r).toEqual({ status: 'fulfilled', value: `k${i}/k${i}` })
    })
    expect(await db.pointRead(() => echoTwice('after'))).toBe('after/after')
  })

  if (provider !== 'postgresql') return

  it('the reads of many requests share two connections', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => db.pointRead(() => echoTwice(`c${i}`))))
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
    await admin.connect()
    try {
      const name = new URL(t.url).pathname.slice(1)
      const r = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%CAST($1 AS TEXT)%'`, [name])
      expect(r.rows[0].n).toBeGreaterThan(0)
      expect(r.rows[0].n).toBeLessThanOrEqual(2)
    } finally {
      await admin.end()
    }
  })

  it('a connection the server ends is replaced: reads fail at most until the loss is seen', async () => {
    expect(await db.pointRead(() => echoTwice('before'))).toBe('before/before')
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
    await admin.connect()
    try {
      const name = new URL(t.url).pathname.slice(1)
      const r = await admin.query(`SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1) x`, [name])
      expect(r.rows[0].n).toBeGreaterThan(0)
    } finally {
      await admin.end()
    }
    // The client sees the end of its connection shortly after; from then on reads go to new connections.
    let answer: string | undefined
    for (let attempt = 0; attempt < 20 && answer === undefined; attempt++) {
      try {
        answer = await db.pointRead(() => echoTwice('again'))
      } catch {
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    expect(answer).toBe('again/again')
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) => db.pointRead(() => echoTwice(`n${i}`))))
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}/n${i}`))
  })
})

/**
 * The case's documents as a hash chain (src/engine/document-chain.ts) on both databases: each stored document links
 * to the previous one (the first to the CaseEvent it was produced for) in the transaction that stores it; verify
 * names an edited SHA-256, edited bytes, an edited chainHash, a deleted row in the middle and a deleted last row;
 * rows stored before the chain are reported as unchained, not as tampering; the case page's audit log lists each
 * document with its hashes under its event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all, one, run } from '../../src/db/sql.js'
import { runOutbox } from '../../src/engine/outbox.js'
import { verifyCase, verifyCaseReport } from '../../src/engine/verify.js'
import { documentChainHash } from '../../src/engine/document-chain.js'
import { createEffectHandlers } from '../../src/effects/index.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, ENTERPRISES, type THttpWorld } from '../support/http.js'
import { walkCase } from '../support/case-walk.js'
import type { TTestDatabase } from '../support/databases.js'

type TRow = { id: string; caseSeq: number; kind: string; sha256: string; createdAt: string; prevHash: string | null; chainHash: string | null; bytes: Buffer | Uint8Array }

describe.each(PROVIDERS_UNDER_TEST)('document hash chain on %s', (provider) => {
  let w: THttpWorld & { t: TTestDatabase }
  let caseId: string

  const rows = () =>
    w.db.read(function* () {
      return yield* all<TRow>(
        `SELECT "id", "caseSeq", "kind", "sha256", "createdAt", "prevHash", "chainHash", "bytes" FROM "Document" WHERE "caseId" = ? ORDER BY "caseSeq", "createdAt"`,
        [caseId],
      )
    })
  const exec = (sql: string, params: (string | number | Buffer | null)[]) =>
    w.db.transaction(function* () {
      return yield* run(sql, params)
    })
  /** Runs `change`, checks what verify says, then puts the rows back as they were. */
  async function tampered(change: () => Promise<unknown>, restore: () => Promise<unknown>) {
    await change()
    try {
      return await verifyCase(w.db, caseId)
    } finally {
      await restore()
    }
  }
  const restoreRow = (r: TRow) =>
    exec(
      `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "caseSeq", "createdAt", "prevHash", "chainHash")
       VALUES (?, ?, ?, '恢复', 'application/pdf', ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, caseId, r.kind, r.sha256, Buffer.from(r.bytes).length, Buffer.from(r.bytes), Number(r.caseSeq), r.createdAt, r.prevHash, r.chainHash],
    )

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    const walked = await walkCase(w.engine, { enterpriseId: ENTERPRISES.tianhe.id, clock: w.clock, until: 'signed' })
    caseId = walked.caseId
    const deps = { db: w.db, clock: w.clock, nodeId: 'chain-test', handlers: createEffectHandlers({ db: w.db, clock: w.clock }), baseBackoffMs: 10 }
    for (let i = 0; i < 10; i++) {
      const r = await runOutbox(deps, 500)
      if (r.retried === 0) break
      w.clock.advance(60_000)
    }
  })
  afterAll(async () => {
    await w?.close()
    await w?.t.drop()
  })

  it('links every stored document to the one before it, the first to its event', async () => {
    const docs = await rows()
    expect(docs.length).toBeGreaterThanOrEqual(8)
    const report = await verifyCaseReport(w.db, caseId)
    expect(report).toMatchObject({ problems: [], unchainedDocuments: [] })
    expect(report.documentChain).toHaveLength(docs.length)
    const byId = new Map(docs.map((d) => [d.id, d]))
    const chain = report.documentChain.map((id) => byId.get(id)!)
    const firstEvent = await w.db.read(function* () {
      return yield* one<{ hash: string }>(`SELECT "hash" FROM "CaseEvent" WHERE "caseId" = ? AND "seq" = ?`, [caseId, Number(chain[0]!.caseSeq)])
    })
    expect(chain[0]!.prevHash).toBe(firstEvent!.hash)
    chain.forEach((d, i) => {
      if (i > 0) expect(d.prevHash).toBe(chain[i - 1]!.chainHash)
      expect(d.chainHash).toBe(documentChainHash(d.prevHash!, { caseId, caseSeq: Number(d.caseSeq), kind: d.kind, sha256: d.sha256, createdAt: d.createdAt }))
    })
  })

  it('names an edited SHA-256, edited bytes and an edited chainHash', async () => {
    const chainOrder = (await verifyCaseReport(w.db, caseId)).documentChain
    const docs = new Map((await rows()).map((d) => [d.id, d]))
    const middle = docs.get(chainOrder[3]!)!
    const next = docs.get(chainOrder[4]!)!

    const editedSha = await tampered(
      () => exec(`UPDATE "Document" SET "sha256" = ? WHERE "id" = ?`, ['f'.repeat(64), middle.id]),
      () => exec(`UPDATE "Document" SET "sha256" = ? WHERE "id" = ?`, [middle.sha256, middle.id]),
    )
    expect(editedSha).toEqual(
      expect.arrayContaining([
        { table: 'Document', key: middle.id, problem: 'bytes do not match the recorded SHA-256' },
        { table: 'Document', key: middle.id, problem: expect.stringContaining('chainHash does not match') },
      ]),
    )

    const bytes = Buffer.from(middle.bytes)
    const editedBytes = await tampered(
      () => exec(`UPDATE "Document" SET "bytes" = ? WHERE "id" = ?`, [Buffer.concat([bytes, Buffer.from('%')]), middle.id]),
      () => exec(`UPDATE "Document" SET "bytes" = ? WHERE "id" = ?`, [bytes, middle.id]),
    )
    expect(editedBytes).toEqual([{ table: 'Document', key: middle.id, problem: 'bytes do not match the recorded SHA-256' }])

    const editedChain = await tampered(
      () => exec(`UPDATE "Document" SET "chainHash" = ? WHERE "id" = ?`, ['0'.repeat(64), middle.id]),
      () => exec(`UPDATE "Document" SET "chainHash" = ? WHERE "id" = ?`, [middle.chainHash, middle.id]),
    )
    expect(editedChain.map((p) => [p.key, p.problem.split(':')[0]])).toEqual(
      expect.arrayContaining([
        [middle.id, expect.stringContaining('chainHash does not match')],
        [next.id, 'prevHash does not chain'],
      ]),
    )
    expect(await verifyCase(w.db, caseId)).toEqual([])
  })

  it('names the row after a deleted document, and a deleted last document', async () => {
    const chainOrder = (await verifyCaseReport(w.db, caseId)).documentChain
    const docs = new Map((await rows()).map((d) => [d.id, d]))
    const middle = docs.get(chainOrder[2]!)!
    const next = docs.get(chainOrder[3]!)!
    const last = docs.get(chainOrder.at(-1)!)!

    const deletedMiddle = await tampered(
      () => exec(`DELETE FROM "Document" WHERE "id" = ?`, [middle.id]),
      () => restoreRow(middle),
    )
    expect(deletedMiddle).toEqual(
      expect.arrayContaining([
        { table: 'Document', key: next.id, problem: expect.stringContaining('prevHash does not chain') },
        { table: 'Document', key: middle.id, problem: expect.stringContaining('missing') },
      ]),
    )
    const deletedLast = await tampered(
      () => exec(`DELETE FROM "Document" WHERE "id" = ?`, [last.id]),
      () => restoreRow(last),
    )
    expect(deletedLast).toEqual([{ table: 'Document', key: last.id, problem: 'missing: its document.render message stored it, the row is gone' }])
    expect(await verifyCase(w.db, caseId)).toEqual([])
  })

  it('reports documents stored before the chain as unchained, not as tampering', async () => {
    const bytes = Buffer.from('%PDF-1.7 old')
    const { sha256Hex } = await import('../../src/engine/hash-chain.js')
    await exec(
      `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "caseSeq", "createdAt")
       VALUES (?, ?, 'minutes', '旧文件', 'application/pdf', ?, ?, ?, 2, '2026-05-01T00:00:00.000Z')`,
      ['doc-before-chain', caseId, sha256Hex(bytes), bytes.length, bytes],
    )
    try {
      const report = await verifyCaseReport(w.db, caseId)
      expect(report.problems).toEqual([])
      expect(report.unchainedDocuments).toEqual(['doc-before-chain'])
    } finally {
      await exec(`DELETE FROM "Document" WHERE "id" = ?`, ['doc-before-chain'])
    }
  })

  it('lists the documents with their SHA-256 and chain hashes in the case page’s audit log', async () => {
    const res = await w.as('admin').get(`/cases/${caseId}`)
    expect(res.status).toBe(200)
    const docs = await rows()
    expect(res.text).toContain('审计记录（哈希链）')
    for (const d of docs) {
      expect(res.text).toContain(`title="${d.sha256}"`)
      expect(res.text).toContain(`title="${d.chainHash}"`)
    }
    expect(res.text.match(/class="audit-document"/g)).toHaveLength(docs.length)
    expect(res.text).toContain('完整性校验通过')
  })
})

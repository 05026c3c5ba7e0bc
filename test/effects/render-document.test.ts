/**
 * document.render through the outbox on both databases: a case walked by real engine events
 * (test/support/case-walk.ts), the outbox run with the effect handlers, and the stored documents checked: kind,
 * title, SHA-256 of the bytes, the text read back with pdftotext, exactly once under retries and crashes, the same
 * bytes when rendered again, the lineage of the agreement text, bureau documents and dead letters with reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all, one, run } from '../../src/db/sql.js'
import { ManualClock } from '../../src/engine/clock.js'
import { runOutbox, type TOutboxMessage } from '../../src/engine/outbox.js'
import { verifyCase } from '../../src/engine/verify.js'
import { sha256Hex } from '../../src/engine/hash-chain.js'
import { documentRegistry, renderDocument, renderFilingPackageWithManifest, type TDocumentInputs, type TDocumentKind } from '../../src/documents/index.js'
import {
  createEffectHandlers,
  documentIdOf,
  documentLineage,
  handleDocumentRender,
  loadCaseSources,
  renderCaseDocument,
  requestBureauDocument,
  DocumentIntegrityError,
} from '../../src/effects/index.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { testEngine } from '../support/factories.js'
import { bureauActor, employerActor, unionActor, walkCase, walkPlan, WALK_STEPS, type TWalked } from '../support/case-walk.js'
import { pdfPages, squash, writePdf } from '../documents/pdf-tools.js'

type TDocRow = {
  id: string
  kind: string
  title: string
  mediaType: string
  sha256: string
  sizeBytes: number
  bytes: Buffer | Uint8Array
  caseSeq: number
  renderer: string
  renderInput: string
  manifest: string | null
}
type TMessageRow = { id: string; caseSeq: number; status: string; lastError: string | null; payload: string; attempts: number; result: string | null }

describe.each(PROVIDERS_UNDER_TEST)('document.render on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock
  let walked: TWalked

  const deps = () => ({ db, clock, nodeId: 'documents-worker', handlers: createEffectHandlers({ db, clock }), baseBackoffMs: 10 })
  /** Runs the outbox until nothing is due (retries are made due by moving the clock). */
  async function drain() {
    for (let i = 0; i < 20; i++) {
      const r = await runOutbox(deps(), 500)
      if (r.retried === 0) return
      clock.advance(60_000)
    }
  }
  const documents = (caseId: string) =>
    db.read(function* () {
      return yield* all<TDocRow>(
        `SELECT "id", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "caseSeq", "renderer", "renderInput", "manifest"
         FROM "Document" WHERE "caseId" = ? ORDER BY "caseSeq", "id"`,
        [caseId],
      )
    })
  const messages = (caseId: string) =>
    db.read(function* () {
      return yield* all<TMessageRow>(
        `SELECT "id", "caseSeq", "status", "lastError", "payload", "attempts", "result" FROM "OutboxMessage"
         WHERE "caseId" = ? AND "effect" = 'document.render' ORDER BY "caseSeq"`,
        [caseId],
      )
    })
  const asMessage = (m: TMessageRow, caseId: string): TOutboxMessage => ({
    id: m.id,
    caseId,
    caseSeq: Number(m.caseSeq),
    effect: 'document.render',
    payload: JSON.parse(m.payload),
    attempts: m.attempts,
  })

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
    clock = new ManualClock('2026-05-01T02:00:00.000Z')
    walked = await walkCase(testEngine(db, clock), { clock, suspension: true })
    await drain()
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  it('stores each document of the walked case with its kind, title and the SHA-256 of its bytes', async () => {
    const docs = await documents(walked.caseId)
    const expected: [string, string, string][] = [
      ['request.sent', 'requestLetter', documentRegistry.requestLetter.names.zh],
      ['request.answered', 'replyLetter', '书面答复（同意协商）'],
      ['team.appointed:worker', 'teamList', '协商代表名单'],
      ['team.appointed:employer', 'teamList', '协商代表名单'],
      ['recorder.appointed', 'teamList', '协商代表名单'],
      ['round.held:1', 'minutes', '协商会议纪要（第1次）'],
      ['round.held:2', 'minutes', '协商会议纪要（第2次）'],
      ['negotiation.suspended', 'suspensionRecord', '中止协商记录'],
      ['round.held:3', 'minutes', '协商会议纪要（第3次）'],
      ['draft.agreed', 'draft', '工资专项集体合同（草案）'],
      ['agreement.signed', 'agreement', '工资专项集体合同'],
      ['agreement.filed', 'filingPackage', '工资专项集体合同报送材料'],
    ]
    expect(docs.map((d) => [Number(d.caseSeq), d.kind, d.title])).toEqual(expected.map(([label, kind, title]) => [walked.seqs[label], kind, title]))
    const msgs = await messages(walked.caseId)
    for (const d of docs) {
      const bytes = Buffer.from(d.bytes)
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(sha256Hex(bytes)).toBe(d.sha256)
      expect(Number(d.sizeBytes)).toBe(bytes.length)
      expect(d.mediaType).toBe('application/pdf')
      // The id is derived from the outbox message that asked for it; the message's result names it.
      const m = msgs.find((x) => documentIdOf(x.id) === d.id)!
      expect(m.status).toBe('done')
      expect(JSON.parse(m.result!)).toMatchObject({ documentId: d.id, sha256: d.sha256, stored: 'inserted' })
    }
    expect(docs.find((d) => d.kind === 'draft')!.renderer).toBe('wageAgreement')
    expect(await verifyCase(db, walked.caseId)).toEqual([])
  })

  it('renders every document of the walked case: no message is dead-lettered', async () => {
    const msgs = await messages(walked.caseId)
    expect(msgs.filter((m) => m.status !== 'done').map((m) => [m.caseSeq, m.status, m.lastError])).toEqual([])
  })

  it('prints the enterprise, the agreed clauses and Chinese dates in the stored agreement and filing package', async () => {
    const docs = await documents(walked.caseId)
    const agreement = docs.find((d) => d.kind === 'agreement')!
    const text = squash(pdfPages(writePdf(`${provider}-agreement`, Buffer.from(agreement.bytes))).join(''))
    for (const s of [
      '广州市黄埔精工制造有限公司2026年度工资专项集体合同',
      '甲方（企业方）：广州市黄埔精工制造有限公司',
      '乙方（职工方）：广州市黄埔精工制造有限公司工会委员会',
      '本合同期限自2026年7月1日起至2027年6月30日止。',
      '职工年度平均工资在上年度基础上增长6.5%。',
      '本企业职工月最低工资为2,350元，不低于当地最低工资标准。',
      '夜班津贴：上夜班（22时至次日6时）的职工每人每月42元',
      '企业于每月10日前支付职工上月工资',
      '首席代表：陈志强',
      '首席代表：李秀英',
    ]) {
      expect(text, s).toContain(squash(s))
    }
    const filed = squash(pdfPages(writePdf(`${provider}-filing`, Buffer.from(docs.find((d) => d.kind === 'filingPackage')!.bytes))).join(''))
    for (const s of ['合同签订日期2026年6月24日', '职工代表大会通过日期2026年6月20日', '报送日期2026年6月29日', '广州市黄埔区人力资源和社会保障局', '2026年6月24日，双方首席代表签字并加盖双方印章。']) {
      expect(filed, s).toContain(s)
    }
  })

  it('stores one row when the same message is handled twice, or again after a crash before it was marked done', async () => {
    const msgs = await messages(walked.caseId)
    const draft = msgs.find((m) => Number(m.caseSeq) === walked.seqs['draft.agreed'])!
    const before = await documents(walked.caseId)
    const again = await handleDocumentRender({ db, clock }, asMessage(draft, walked.caseId))
    const twice = await handleDocumentRender({ db, clock }, asMessage(draft, walked.caseId))
    expect(again).toMatchObject({ documentId: documentIdOf(draft.id), stored: 'existing' })
    expect(twice).toMatchObject({ stored: 'existing', sha256: again.sha256 })
    expect((await documents(walked.caseId)).map((d) => d.id)).toEqual(before.map((d) => d.id))

    // A worker renders and stores, then dies before marking the message done: its lease runs out and another
    // worker takes the message again.
    const engine = testEngine(db, clock)
    const second = await walkCase(engine, { clock, until: 'draft' })
    const pending = (await messages(second.caseId)).find((m) => Number(m.caseSeq) === second.seqs['draft.agreed'])!
    expect(pending.status).toBe('pending')
    await db.transaction(function* () {
      yield* run(`UPDATE "OutboxMessage" SET "status" = 'running', "claimedBy" = 'dead-worker', "attempts" = 1, "leaseUntil" = ? WHERE "id" = ?`, [
        new Date(clock.now().getTime() + 60_000).toISOString(),
        pending.id,
      ])
    })
    const first = await handleDocumentRender({ db, clock }, asMessage(pending, second.caseId))
    expect(first.stored).toBe('inserted')
    clock.advance(120_000) // the dead worker's lease expires
    await drain()
    const after = (await messages(second.caseId)).find((m) => m.id === pending.id)!
    expect(after).toMatchObject({ status: 'done', attempts: 2 })
    expect(JSON.parse(after.result!)).toMatchObject({ documentId: first.documentId, stored: 'existing', sha256: first.sha256 })
    const rows = (await documents(second.caseId)).filter((d) => d.kind === 'draft')
    expect(rows).toHaveLength(1)

    // A handler that fails after storing (e.g. the connection drops before the done mark) is retried: still one row.
    const third = await walkCase(engine, { clock, until: 'draft' })
    let crashes = 0
    const handlers = createEffectHandlers({ db, clock })
    const crashing = {
      'document.render': async (m: TOutboxMessage) => {
        const r = await handlers['document.render']!(m)
        if (m.caseSeq === third.seqs['draft.agreed'] && crashes++ === 0) throw new Error('connection lost after storing')
        return r
      },
    }
    await runOutbox({ db, clock, nodeId: 'crashy', handlers: crashing, baseBackoffMs: 10 }, 500)
    clock.advance(60_000)
    await runOutbox({ db, clock, nodeId: 'crashy', handlers: crashing, baseBackoffMs: 10 }, 500)
    expect(crashes).toBe(2)
    const draftMessage = (await messages(third.caseId)).find((m) => Number(m.caseSeq) === third.seqs['draft.agreed'])!
    expect(draftMessage).toMatchObject({ status: 'done', attempts: 2 })
    expect((await documents(third.caseId)).filter((d) => d.kind === 'draft')).toHaveLength(1)
  })

  it('refuses to overwrite a stored document whose bytes differ (integrity)', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, until: 'requested' })
    await drain()
    const m = (await messages(c.caseId))[0]!
    await db.transaction(function* () {
      yield* run(`UPDATE "Document" SET "sha256" = ? WHERE "id" = ?`, ['0'.repeat(64), documentIdOf(m.id)])
    })
    await expect(handleDocumentRender({ db, clock }, asMessage(m, c.caseId))).rejects.toBeInstanceOf(DocumentIntegrityError)
    // The bytes no longer match, and the edited SHA-256 no longer matches the document's chain hash.
    expect(await verifyCase(db, c.caseId)).toEqual([
      { table: 'Document', key: documentIdOf(m.id), problem: 'bytes do not match the recorded SHA-256' },
      { table: 'Document', key: documentIdOf(m.id), problem: 'chainHash does not match the row (sha256, kind, caseSeq or createdAt edited)' },
    ])
  })

  it('renders the same bytes again from the same case, and from the stored renderer input', async () => {
    const sources = await loadCaseSources(db, walked.caseId)
    for (const d of await documents(walked.caseId)) {
      const again = await renderCaseDocument(sources, d.kind, Number(d.caseSeq))
      expect(again.sha256, d.kind).toBe(d.sha256)
      const input = JSON.parse(d.renderInput)
      const bytes =
        d.renderer === 'filingPackage'
          ? (await renderFilingPackageWithManifest(input)).bytes
          : await renderDocument(d.renderer as Exclude<TDocumentKind, 'filingPackage'>, input as TDocumentInputs['requestLetter'])
      expect(Buffer.compare(bytes, Buffer.from(d.bytes)), d.kind).toBe(0)
    }
  })

  it('proves the draft the congress voted on, the signed text and the filed text are the same bytes', async () => {
    const docs = await documents(walked.caseId)
    const lineage = await documentLineage(db, walked.caseId)
    const draft = docs.find((d) => d.kind === 'draft')!
    const pkg = docs.find((d) => d.kind === 'filingPackage')!
    expect(lineage.versions).toHaveLength(1)
    expect(lineage.current).toMatchObject({
      draftVersion: 1,
      draft: { documentId: draft.id, sha256: draft.sha256 },
      signed: { sha256: draft.sha256 },
      filed: { sha256: draft.sha256, packageId: pkg.id, packageSha256: pkg.sha256 },
      sameBytes: true,
      differences: [],
    })
    expect(JSON.parse(pkg.manifest!)[0]).toMatchObject({ index: 1, kind: 'wageAgreement', sha256: draft.sha256 })
    expect(lineage.revisions).toEqual([])

    // The congress session (src/congress) records the SHA-256 of the PDF it put to the vote: it is the draft.
    await db.transaction(function* () {
      yield* run(
        `INSERT INTO "CongressSession" ("id", "caseId", "status", "name", "body", "totalSeats", "jurisdiction", "heldOn", "place", "online",
           "opensAt", "closesAt", "documentSha256", "draftVersion", "items", "scrutineers", "tellers", "certifiedSeq", "createdAt", "updatedAt")
         VALUES (?, ?, 'certified', '第三届职工代表大会第二次会议', 'workersCongress', 60, 'national', '2026-06-20', '职工活动中心', ?,
           '2026-06-20T01:00:00.000Z', '2026-06-20T03:00:00.000Z', ?, 1, '[]', '[]', '[]', ?, '2026-06-15T00:00:00.000Z', '2026-06-20T03:00:00.000Z')`,
        [`session-${walked.caseId}`, walked.caseId, false, draft.sha256, walked.seqs['congress.resultCertified']!],
      )
    })
    expect((await documentLineage(db, walked.caseId)).current!.voted).toEqual([
      { sessionId: `session-${walked.caseId}`, documentSha256: draft.sha256, matchesDraft: true },
    ])
  })

  it('lists what differs when the enterprise record changed between the draft and the signature', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, until: 'congress' })
    await drain() // the draft is rendered before the enterprise moves
    await db.transaction(function* () {
      yield* run(`UPDATE "Enterprise" SET "address" = ? WHERE "id" = ?`, ['广州市黄埔区开源大道11号', c.enterpriseId])
    })
    for (const p of walkPlan({ until: 'filed' }).filter((x) => WALK_STEPS.indexOf(x.step) > WALK_STEPS.indexOf('congress'))) {
      await engine.sendEvent(c.caseId, p.event, p.actor)
    }
    await drain()
    const lineage = await documentLineage(db, c.caseId)
    expect(lineage.current!.sameBytes).toBe(false)
    expect(lineage.current!.differences).toEqual([
      expect.objectContaining({ between: ['draft', 'signed'], path: 'enterprise.address', from: '广州市黄埔区科学大道188号', to: '广州市黄埔区开源大道11号' }),
    ])
  })

  it('after an objection: each version is the same bytes throughout, and the revision lists the changed clauses', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, objection: true })
    await drain()
    const lineage = await documentLineage(db, c.caseId)
    expect(lineage.versions.map((v) => [v.draftVersion, v.sameBytes])).toEqual([
      [1, true],
      [2, true],
    ])
    expect(lineage.versions[0]!.draft!.sha256).not.toBe(lineage.versions[1]!.draft!.sha256)
    const changes = lineage.revisions[0]!
    expect(changes).toMatchObject({ from: 1, to: 2 })
    expect(changes.differences.map((d) => d.path)).toEqual(['documentDate', 'items.paySystem', 'term.end', 'term.start'])
    const paySystem = changes.differences.find((d) => d.path === 'items.paySystem')!
    expect(paySystem).toMatchObject({
      label: '第二条 工资分配制度、工资标准和工资分配形式',
      removed: ['本企业职工月最低工资为2,350元，不低于当地最低工资标准。'],
      added: ['本企业职工月最低工资为2,400元，不低于当地最低工资标准。'],
    })
  })

  it('renders the bureau documents asked for in the event’s transaction', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, until: 'filed' })
    const plan = walkPlan({})
    const registered = plan.find((p) => p.label === 'filing.registered')!
    const applied = await engine.sendEvent(c.caseId, registered.event, bureauActor, undefined, {
      alsoInTransaction: requestBureauDocument({ documentNumber: '穗埔人社集审〔2026〕31号', bureau: { phone: '020-8211XXXX' } }, clock),
    })
    const approved = plan.find((p) => p.label === 'review.approved')!
    const effective = await engine.sendEvent(c.caseId, approved.event, bureauActor, undefined, { alsoInTransaction: requestBureauDocument({}, clock) })
    await drain()
    const docs = await documents(c.caseId)
    const receipt = docs.find((d) => d.kind === 'filingReceipt')!
    expect(receipt).toMatchObject({ title: '受理回执', renderer: 'filingReceipt' })
    expect(Number(receipt.caseSeq)).toBe(applied.seq)
    const receiptText = squash(pdfPages(writePdf(`${provider}-receipt`, Buffer.from(receipt.bytes))).join(''))
    for (const s of ['穗埔人社集审〔2026〕31号', '本局已于2026年6月30日收到', '审查期限至2026年7月15日', '广州市黄埔区人力资源和社会保障局（印章）', '联系电话：020-8211XXXX']) {
      expect(receiptText, s).toContain(s)
    }
    const opinion = docs.find((d) => d.kind === 'wageReviewOpinion')!
    expect(Number(opinion.caseSeq)).toBe(effective.seq)
    expect(squash(pdfPages(writePdf(`${provider}-opinion`, Buffer.from(opinion.bytes))).join(''))).toContain('本局对该工资协议无异议')

    // Invalid facts are refused before anything is written.
    const revision = (await messages(c.caseId)).length
    await expect(
      (async () =>
        engine.sendEvent(c.caseId, { type: 'agreement.published', side: 'worker', publishedOn: '2026-07-12', channel: '厂务公开栏' }, employerActor, undefined, {
          alsoInTransaction: requestBureauDocument({ correctBy: 'tomorrow' } as never, clock),
        }))(),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await messages(c.caseId)).toHaveLength(revision)
  })

  it('stores the publication notice (JHR 48) instead of dead-lettering it, and dead-letters a kind without a template', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, until: 'reviewed' })
    const published = await engine.sendEvent(c.caseId, { type: 'agreement.published', side: 'worker', publishedOn: '2026-07-12', channel: '厂务公开栏' }, employerActor)
    await drain()
    const m = (await messages(c.caseId)).find((x) => Number(x.caseSeq) === published.seq)!
    expect(JSON.parse(m.payload)).toMatchObject({ document: 'publicationNotice' })
    expect(m).toMatchObject({ status: 'done', lastError: null })
    const doc = (await documents(c.caseId)).find((d) => Number(d.caseSeq) === published.seq)!
    expect(doc).toMatchObject({ kind: 'publicationNotice', renderer: 'publicationNotice', title: documentRegistry.publicationNotice.names.zh })
    const bytes = Buffer.from(doc.bytes)
    expect(sha256Hex(bytes)).toBe(doc.sha256)
    const text = squash(pdfPages(writePdf(`publication-${provider}`, bytes)).join('\n'))
    expect(text).toContain('关于公布工资专项集体合同的通知')
    expect(text).toContain(squash('本合同全文在厂务公开栏公布'))
    expect(await verifyCase(db, c.caseId)).toEqual([])

    // A kind the machine might name later, with no template: a permanent error naming it, nothing stored.
    const unknown = { ...asMessage(m, c.caseId), id: `${m.id}-unknown`, payload: { caseId: c.caseId, document: 'mergerAgreement' } }
    await expect(handleDocumentRender({ db, clock }, unknown)).rejects.toThrow('no document template for mergerAgreement')
    const stored = await db.read(function* () {
      return yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Document" WHERE "id" = ?`, [documentIdOf(unknown.id)])
    })
    expect(Number(stored!.n)).toBe(0)
  })

  it('stores the requests about the contract in force: amendment (JHR 39-41)', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, until: 'reviewed' })
    await engine.sendEvent(c.caseId, { type: 'agreement.published', side: 'worker', publishedOn: '2026-07-12', channel: '厂务公开栏' }, unionActor)
    await engine.sendEvent(c.caseId, { type: 'agreement.published', side: 'employer', publishedOn: '2026-07-12', channel: '厂务公开栏' }, employerActor)
    const amended = await engine.sendEvent(
      c.caseId,
      {
        type: 'amendment.requested',
        by: 'worker',
        sentOn: '2026-10-12',
        proposedTime: '2026年10月26日下午2时30分',
        proposedPlace: '公司行政楼三楼第一会议室',
        content: '广东省调整最低工资标准，要求相应调整企业最低工资标准。',
        ground: 'lawChanged',
      },
      unionActor,
    )
    await drain()
    const docs = await documents(c.caseId)
    expect(docs.filter((d) => d.kind === 'publicationNotice')).toHaveLength(2)
    const doc = docs.find((d) => Number(d.caseSeq) === amended.seq)!
    expect(doc).toMatchObject({ kind: 'amendmentRequest', renderer: 'amendmentRequest' })
    const text = squash(pdfPages(writePdf(`amendment-${provider}`, Buffer.from(doc.bytes))).join('\n'))
    expect(text).toContain('变更工资专项集体合同要求书')
    expect(text).toContain(squash('协商时间：2026年10月26日14时30分'))
    expect((await messages(c.caseId)).filter((m) => m.status !== 'done')).toEqual([])
  })

  it('walks a collective contract to deemed approval with the same bytes from draft to filing', async () => {
    const engine = testEngine(db, clock)
    const c = await walkCase(engine, { clock, kind: 'collectiveContract' })
    await drain()
    const docs = await documents(c.caseId)
    expect(docs.find((d) => d.kind === 'agreement')).toMatchObject({ renderer: 'collectiveContract', title: '集体合同' })
    expect(docs.find((d) => d.kind === 'filingPackage')).toMatchObject({ title: '集体合同报送材料' })
    const lineage = await documentLineage(db, c.caseId)
    expect(lineage.current).toMatchObject({ sameBytes: true, differences: [] })
    const state = await db.read(function* () {
      return yield* one<{ stateValue: string }>(`SELECT "stateValue" FROM "Case" WHERE "id" = ?`, [c.caseId])
    })
    expect(JSON.parse(state!.stateValue)).toEqual({ inForce: 'awaitingPublication' })
  })
})

/**
 * POST /cases/:caseId/documents (kind preparationBrief) on both databases: 202 with the document id; asked again at
 * the same event, the same document (one outbox row); after a new event, a new one; rendered by the outbox worker into
 * a PDF whose text carries the costing; 409 CASE_FACTS_MISSING before anything was prepared (nothing written); 400 for
 * another kind; 403 for the worker representative and the bureau; 404 outside the enterprise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { one } from '../../src/db/sql.js'
import { createEffectHandlers } from '../../src/effects/index.js'
import { runOutbox } from '../../src/engine/outbox.js'
import { pdfPages, squash, writePdf } from '../documents/pdf-tools.js'
import { walkCase } from '../support/case-walk.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, openCase } from '../support/http.js'

describe.each(PROVIDERS_UNDER_TEST)('the preparation brief on request, on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let caseId: string

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    // The walk through its rounds: figures recorded, structured proposals at rounds 1 and 3.
    caseId = (await walkCase(w.engine, { enterpriseId: 'ent-tianhe', clock: w.clock, until: 'rounds' })).caseId
  })
  afterAll(async () => {
    await w?.close()
  })

  const ask = (user: Parameters<typeof w.as>[0], id = caseId, body: object = { kind: 'preparationBrief' }) =>
    w.as(user).post(`/api/v1/cases/${id}/documents`).send(body)
  const outboxRows = (id: string) =>
    w.db.read(function* () {
      return Number((yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "OutboxMessage" WHERE "caseId" = ? AND "id" LIKE 'preparationBrief-%'`, [id]))!.n)
    })

  it('queues one document per event, renders it with the costing, and lists it', async () => {
    const first = await ask('unionT')
    expect(first.status, JSON.stringify(first.body)).toBe(202)
    expect(first.body).toMatchObject({ status: 'queued', documentId: `doc-preparationBrief-${caseId}-${first.body.caseSeq}` })
    const again = await ask('employerT')
    expect(again.body).toEqual({ ...first.body, status: 'alreadyRequested' })
    expect(await outboxRows(caseId)).toBe(1)

    await runOutbox({ db: w.db, clock: w.clock, nodeId: 'test', handlers: createEffectHandlers({ db: w.db, clock: w.clock }) })
    const list = await w.as('unionT').get(`/api/v1/cases/${caseId}/documents`)
    const doc = list.body.items.find((d: { id: string }) => d.id === first.body.documentId)
    expect(doc).toMatchObject({ kind: 'preparationBrief', caseSeq: first.body.caseSeq, mediaType: 'application/pdf' })
    expect(doc.title).toMatch(/^协商准备材料（截至第\d次协商会议/)
    const content = await w.as('unionT').get(`/api/v1/cases/${caseId}/documents/${doc.id}/content`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = []
      res.on('data', (b: Buffer) => chunks.push(b))
      res.on('end', () => cb(null, Buffer.concat(chunks)))
    })
    expect(content.status).toBe(200)
    const text = squash(pdfPages(writePdf(`brief-${provider}`, content.body as Buffer)).join(''))
    expect(text).toContain('工资集体协商准备材料')
    expect(text).toContain('当地最低工资标准')
    expect(text).toContain('（一）职工方方案')
    // The walk records no groups of employees: the brief says why there is no costing table instead of inventing one.
    expect(text).toContain('企业数据中没有各类职工的人数和月平均工资，未能测算。')

    // A new event: a new document of the case as it now stands.
    const figures = await w.as('unionT').post(`/api/v1/cases/${caseId}/events`).send({
      type: 'preparation.figuresRecorded',
      by: 'worker',
      recordedOn: '2026-06-11',
      regional: { urbanCpi: { value: 40, year: 2025, source: '广州市统计局' } },
    })
    expect(figures.status, JSON.stringify(figures.body)).toBe(201)
    const later = await ask('admin')
    expect(later.status).toBe(202)
    expect(later.body.caseSeq).toBeGreaterThan(first.body.caseSeq)
    expect(later.body.status).toBe('queued')
  })

  it('409 names what is missing when nothing was prepared; 400 for another kind; 403 and 404 by role and scope', async () => {
    const bare = await openCase(w, 'unionT', 'ent-tianhe')
    const before = await w.counts()
    const missing = await ask('unionT', bare)
    expect(missing.status).toBe(409)
    expect(missing.body.error).toMatchObject({ code: 'CASE_FACTS_MISSING', details: { kind: 'preparationBrief', missing: [expect.objectContaining({ field: 'preparation.figures' })] } })
    expect(missing.body.error.message.zh).toContain('企业和地区数据')
    expect(await w.counts()).toEqual(before)
    expect((await ask('unionT', caseId, { kind: 'minutes' })).status).toBe(400)
    expect((await ask('unionT', caseId, {})).status).toBe(400)
    expect((await ask('workerT')).status).toBe(403)
    expect((await ask('bureauTianhe')).status).toBe(403)
    expect((await ask('unionH')).status).toBe(404)
    expect((await w.anon.post(`/api/v1/cases/${caseId}/documents`).send({ kind: 'preparationBrief' })).status).toBe(401)
  })
})

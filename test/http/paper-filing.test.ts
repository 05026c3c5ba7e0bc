/**
 * Paper filings over HTTP on both databases: the bureau uploads the scan (a real PDF) with the typed data, the
 * receipt date starts the 15-day review like an electronic filing, deemed approval at the end of day 15 puts the
 * agreement in the public register, and refusals (not a PDF, too large, duplicate, outside the region) write nothing.
 */
import PDFDocument from 'pdfkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { getCase } from '../../src/engine/queries.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, ENTERPRISES } from '../support/http.js'

/** A small real PDF (pdfkit), different for each `seed`. */
function scan(seed: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { CreationDate: new Date('2026-07-01T00:00:00Z') } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.text(`scanned filing ${seed}`)
    doc.end()
  })
}

const data = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId: ENTERPRISES.tianhe.id,
  kind: 'wageAgreement',
  jurisdiction: 'national',
  title: '2026年度工资专项集体合同',
  registrationNumber: '穗天人社集审〔2026〕7号',
  receivedOn: '2026-07-01',
  filedOn: '2026-06-29',
  signedOn: '2026-06-25',
  termMonths: 12,
  termStartsOn: '2026-07-01',
  congress: { heldOn: '2026-06-20', totalSeats: 60, present: 50, yes: 45, no: 3, abstain: 2 },
  lowestWageFen: 240_000,
  averageIncreaseBasisPoints: 600,
  coveredItems: ['term', 'paySystem', 'wageLevel', 'bonuses', 'payment', 'changeProcedure', 'termination', 'liability', 'other'],
  materials: ['agreementText', 'explanatoryNote', 'congressResolution'],
  fileName: '天河精工工资协议扫描件.pdf',
  ...overrides,
})

describe.each(PROVIDERS_UNDER_TEST)('HTTP paper filings on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let pdf: Buffer
  let caseId: string

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    pdf = await scan('first')
    w.clock.set('2026-07-01T03:00:00.000Z')
  })
  afterAll(async () => {
    await w?.close()
  })

  it('the district bureau registers a paper filing: 201, under review, the 15 days from the typed receipt, the scan stored with its SHA-256', async () => {
    const res = await w.as('bureauTianhe').post('/api/v1/paper-filings').send({ ...data(), pdfBase64: pdf.toString('base64') })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    caseId = res.body.caseId
    expect(res.headers.location).toBe(`/api/v1/cases/${caseId}`)
    expect(res.body.state).toBe('underReview')
    const view = await w.as('bureauTianhe').get(`/api/v1/cases/${caseId}`)
    expect(view.status).toBe(200)
    expect(view.body.machine).toEqual({ id: 'paperFiling', version: 1 })
    expect(view.body.deadlines).toEqual([expect.objectContaining({ kind: 'review', lastDay: '2026-07-16', status: 'pending' })])
    expect(view.body.documents).toEqual([expect.objectContaining({ kind: 'paperFiling', sizeBytes: pdf.length })])
    const { createHash } = await import('node:crypto')
    expect(view.body.documents[0].sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    expect(view.body.context.paper).toMatchObject({ routedTo: { regionCode: '440106', level: 'county' }, late: false })
    const verify = await w.as('bureauTianhe').get(`/api/v1/cases/${caseId}/verify`)
    expect(verify.body).toMatchObject({ ok: true })
  })

  it('the workbench checks the typed data: congress, dates, term, clauses; the team is for a person; missing materials listed', async () => {
    const res = await w.as('bureauTianhe').get(`/api/v1/cases/${caseId}/review-checks`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const byId = Object.fromEntries((res.body.checks as { id: string; result: string }[]).map((c) => [c.id, c.result]))
    expect(byId).toMatchObject({
      'team.size': 'notApplicable',
      'procedure.quorum': 'pass',
      'procedure.threshold': 'pass',
      'procedure.signedAfterVote': 'pass',
      'procedure.filedInTime': 'pass',
      'content.requiredClauses': 'pass',
      'content.term': 'pass',
      'materials.agreementText': 'pass',
      'materials.wageData': 'fail',
    })
    expect(res.body.review).toMatchObject({ receivedOn: '2026-07-01', day: 0, of: 15, lastDay: '2026-07-16' })
    expect(res.body.correction.missing.map((m: { material: string }) => m.material)).toEqual(['wageData', 'representativeList', 'minutes'])
  })

  it('the statistics count the paper filing in the month of its typed receipt, like an electronic one', async () => {
    const res = await w.as('bureauTianhe').get('/api/v1/statistics?regionCode=440106&from=2026-07&to=2026-07')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.filings.total).toBe(1)
    expect(res.body.filings.byMonth).toEqual([expect.objectContaining({ month: '2026-07', total: 1 })])
    const june = await w.as('bureauTianhe').get('/api/v1/statistics?regionCode=440106&from=2026-06&to=2026-06')
    expect(june.body.filings.total).toBe(0)
  })

  it('the case page shows the paper filing with its workbench', async () => {
    const page = await w.as('bureauTianhe').get(`/cases/${caseId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('备案审查工作台')
    expect(page.text).toContain('审查期限：第 0 天 / 共 15 天')
  })

  it('refuses what is not a PDF (400 naming the field), a second upload of the same scan and an overlapping term (409); nothing written', async () => {
    const before = await w.counts()
    const notPdf = await w.as('bureauTianhe').post('/api/v1/paper-filings').send({ ...data(), pdfBase64: Buffer.from('GIF89a not a pdf at all').toString('base64') })
    expect(notPdf.status).toBe(400)
    expect(notPdf.body.error.details.issues).toEqual([expect.objectContaining({ path: 'body.pdfBase64' })])
    const same = await w.as('bureauTianhe').post('/api/v1/paper-filings').send({ ...data({ kind: 'collectiveContract', termMonths: 36 }), pdfBase64: pdf.toString('base64') })
    expect(same.status).toBe(409)
    expect(same.body.error).toMatchObject({ code: 'DUPLICATE_FILING', details: { reason: 'sameDocument', otherCaseId: caseId } })
    const other = await scan('second')
    const overlap = await w.as('bureauTianhe').post('/api/v1/paper-filings').send({ ...data({ registrationNumber: '穗天人社集审〔2026〕8号' }), pdfBase64: other.toString('base64') })
    expect(overlap.status).toBe(409)
    expect(overlap.body.error).toMatchObject({ code: 'DUPLICATE_FILING', details: { reason: 'overlappingTerm', otherCaseId: caseId } })
    const badDates = await w.as('bureauTianhe').post('/api/v1/paper-filings').send({ ...data({ receivedOn: '2026-06-28' }), pdfBase64: other.toString('base64') })
    expect(badDates.status).toBe(400)
    expect(JSON.stringify(badDates.body.error.details.issues)).toContain('body.receivedOn')
    expect(await w.counts()).toEqual(before)
  })

  it('a scan above 10 MB is refused with 413; outside the region 404; a negotiator 403', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20), Buffer.from('\n%%EOF\n')])
    const tooBig = await w.as('bureauTianhe').post('/api/v1/paper-filings').send({ ...data({ enterpriseId: ENTERPRISES.haizhu.id }), pdfBase64: big.toString('base64') })
    expect(tooBig.status).toBe(413)
    const other = await scan('zhejiang')
    const outside = await w.as('bureauZhejiang').post('/api/v1/paper-filings').send({ ...data({ enterpriseId: ENTERPRISES.haizhu.id }), pdfBase64: other.toString('base64') })
    expect(outside.status).toBe(404)
    const negotiator = await w.as('unionT').post('/api/v1/paper-filings').send({ ...data(), pdfBase64: other.toString('base64') })
    expect(negotiator.status).toBe(403)
  })

  it('the web form: the bureau uploads the scan with the typed data (multipart) and lands on the new case; a form without a scan is shown again with the error', async () => {
    const formPage = await w.as('bureauTianhe').get('/bureau/paper-filings')
    expect(formPage.status).toBe(200)
    expect(formPage.text).toContain('登记纸质报送')
    const token = /name="_csrf" value="([^"]+)"/.exec(formPage.text)?.[1]
    expect(token).toBeDefined()
    const fields: Record<string, string> = {
      _csrf: token!,
      enterpriseId: ENTERPRISES.tianhe.id,
      kind: 'collectiveContract',
      jurisdiction: 'national',
      title: '2026-2029年集体合同',
      registrationNumber: '穗天人社集审〔2026〕12号',
      receivedOn: '2026-07-02',
      filedOn: '2026-07-01',
      signedOn: '2026-06-26',
      termMonths: '36',
      'congress.heldOn': '2026-06-22',
      'congress.totalSeats': '60',
      'congress.present': '48',
      'congress.yes': '40',
      lowestWageYuan: '2400',
    }
    const post = (withScan: boolean) => {
      let r = w.as('bureauTianhe').post('/bureau/paper-filings')
      for (const [k, v] of Object.entries(fields)) r = r.field(k, v)
      r = r.field('materials', 'agreementText').field('materials', 'congressResolution').field('coveredItems', 'hours').field('coveredItems', 'term')
      return withScan ? r.attach('scan', pdfForWeb, { filename: '集体合同扫描件.pdf', contentType: 'application/pdf' }) : r
    }
    const pdfForWeb = await scan('web form')
    const missing = await post(false)
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('请选择扫描件')
    expect(missing.text).toContain('value="穗天人社集审〔2026〕12号"')
    const ok = await post(true)
    expect(ok.status, ok.text.slice(0, 2000)).toBe(303)
    const id = /\/cases\/([\w-]+)$/.exec(ok.headers.location ?? '')?.[1]
    expect(id).toBeDefined()
    const view = await getCase(w.db, id!)
    expect(view.state).toBe('underReview')
    expect(view.context).toMatchObject({ kind: 'collectiveContract', paper: { termMonths: 36, lowestWageFen: 240_000, congress: { totalSeats: 60, present: 48, yes: 40 } } })
    expect(view.deadlines).toEqual([expect.objectContaining({ kind: 'review', lastDay: '2026-07-17' })])
    // A cut-off upload (no closing boundary) is refused with 400 and writes nothing.
    const before = await w.counts()
    const cut = await w
      .as('bureauTianhe')
      .post('/bureau/paper-filings')
      .set('Content-Type', 'multipart/form-data; boundary=cut0ff')
      .send(Buffer.from(`--cut0ff\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--cut0ff\r\nContent-Disposition: form-data; name="scan"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc`))
    expect(cut.status).toBe(400)
    expect(await w.counts()).toEqual(before)
  })

  it('deemed approval at the end of day 15 after the typed receipt; the agreement enters the public register', async () => {
    const calendars = createCalendarStore(w.db)
    const tick = async (at: string) => {
      w.clock.set(at)
      await fireDueDeadlines({ db: w.db, context: () => ({ now: w.clock.now().toISOString(), nodeId: 'paper-test', computeDeadline: calendars.calculator }) })
    }
    await tick('2026-07-16T15:59:59.999Z')
    expect((await getCase(w.db, caseId)).state).toBe('underReview')
    await tick('2026-07-16T16:00:00.000Z')
    const view = await getCase(w.db, caseId)
    expect(view.state).toBe('inForce')
    expect(view.context).toMatchObject({ agreement: { effectiveBy: 'deemedApproval', effectiveOn: '2026-07-17', expiresOn: '2027-06-30', registrationNumber: '穗天人社集审〔2026〕7号' } })
    const register = await w.anon.get('/api/v1/register')
    expect(register.body.items).toEqual([expect.objectContaining({ caseId, effectiveBy: 'deemedApproval', termStartsOn: '2026-07-01', expiresOn: '2027-06-30' })])
  })
})

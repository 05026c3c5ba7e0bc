/**
 * The bureau's review workbench over HTTP on both databases: GET /cases/:id/review-checks (checks with articles,
 * the review clock, the receiving bureau), the minimum wage compared with the region's figure an admin uploaded,
 * routing scope (JHR 43: only the bureau the filing was routed to reviews it), duplicate filings refused with 409,
 * and the workbench on the case page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { walkCase, walkPlan } from '../support/case-walk.js'
import { createHttpWorld, ENTERPRISES } from '../support/http.js'

type TCheck = { id: string; group: string; result: string; article: string; explanation: { zh: string; en: string } }
type TWorkbench = {
  caseId: string
  routedTo: { regionCode: string; level: string; reason: string; article: string } | null
  review: { receivedOn: string; day: number; of: number; lastDay: string; dueAt: string; flagged: boolean } | null
  checks: TCheck[]
  counts: { pass: number; fail: number; notApplicable: number }
  correction: { allowed: boolean; article: string; missing: { material: string }[] }
}

const filingBody = () => {
  const { type: _t, ...body } = walkPlan().find((p) => p.label === 'agreement.filed')!.event
  return body
}

describe.each(PROVIDERS_UNDER_TEST)('HTTP review workbench on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let wage: string
  let signedOnly: string
  let spanning: string

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    // The Guangzhou minimum wage of 2,300 yuan from 1 March 2025 (the region above Tianhe), uploaded by an admin.
    const upload = await w.as('admin').post('/api/v1/wage-standards').send({
      entries: [
        {
          regionCode: '440100',
          year: 2025,
          kind: 'minimumMonthly',
          value: 230_000,
          effectiveFrom: '2025-03-01',
          source: { title: '广东省人民政府关于调整我省企业职工最低工资标准的通知', number: '粤府函〔2025〕45号', issuer: '广东省人民政府' },
        },
      ],
    })
    expect(upload.status, JSON.stringify(upload.body)).toBeLessThan(300)
    wage = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.tianhe.id, clock: w.clock, until: 'registered' })).caseId
    signedOnly = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.haizhu.id, clock: w.clock, until: 'signed' })).caseId
    spanning = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.tianhe.id, clock: w.clock, until: 'signed', kind: 'collectiveContract' })).caseId
    w.clock.set('2026-07-13T02:00:00.000Z') // day 13 after the receipt of 30 June
  })
  afterAll(async () => {
    await w?.close()
  })

  const workbench = async (user: Parameters<typeof w.as>[0], caseId: string) => w.as(user).get(`/api/v1/cases/${caseId}/review-checks`)

  it('the bureau of the region gets every check with its article, the clock (day 13 of 15, flagged) and the routing', async () => {
    const res = await workbench('bureauTianhe', wage)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const wb = res.body as TWorkbench
    expect(wb.routedTo).toEqual({ regionCode: '440106', level: 'county', reason: 'territorial', article: 'JHR 43' })
    expect(wb.review).toMatchObject({ receivedOn: '2026-06-30', day: 13, of: 15, lastDay: '2026-07-15', flagged: true })
    const ids = wb.checks.map((c) => c.id)
    for (const id of ['team.size', 'team.chief', 'team.balance', 'team.externals', 'procedure.quorum', 'procedure.threshold', 'procedure.signedAfterVote', 'procedure.filedInTime', 'content.minimumWage', 'content.requiredClauses', 'content.term', 'materials.agreementText']) {
      expect(ids).toContain(id)
    }
    const byId = Object.fromEntries(wb.checks.map((c) => [c.id, c]))
    // The walk is a lawful filing: its team, vote, dates, clauses and term pass.
    for (const id of ['team.size', 'team.chief', 'procedure.quorum', 'procedure.threshold', 'procedure.signedAfterVote', 'procedure.filedInTime', 'content.requiredClauses', 'content.term']) {
      expect(byId[id], id).toMatchObject({ result: 'pass' })
    }
    // LCL 55: 2,350 yuan agreed ≥ the 2,300 yuan Guangzhou figure found up the hierarchy from Tianhe.
    expect(byId['content.minimumWage']).toMatchObject({ result: 'pass', article: 'LCL 55; GZ 5' })
    expect(byId['content.minimumWage']!.explanation.zh).toContain('2,350')
    expect(byId['content.minimumWage']!.explanation.zh).toContain('2,300')
    expect(byId['content.minimumWage']!.explanation.zh).toContain('粤府函〔2025〕45号')
    expect(wb.counts.pass + wb.counts.fail + wb.counts.notApplicable).toBe(wb.checks.length)
    expect(wb.correction.allowed).toBe(true)
  })

  it('the city bureau above it and admins see it; the Zhejiang bureau gets 404; a negotiator 403; anonymous 401', async () => {
    expect((await workbench('bureauGuangzhou', wage)).status).toBe(200)
    expect((await workbench('admin', wage)).status).toBe(200)
    expect((await workbench('bureauZhejiang', wage)).status).toBe(404)
    expect((await workbench('unionT', wage)).status).toBe(403)
    expect((await w.anon.get(`/api/v1/cases/${wage}/review-checks`)).status).toBe(401)
  })

  it('409 before the case is filed, with a message in both languages', async () => {
    const res = await workbench('admin', signedOnly)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', message: { zh: expect.stringContaining('尚未报送'), en: expect.stringContaining('not been filed') } })
  })

  it('JHR 43: a filing of an employer spanning two districts goes to the city bureau; the district bureau may neither review nor register it', async () => {
    const filed = await w.as('employerT').post(`/api/v1/cases/${spanning}/filing`).send({ ...filingBody(), establishmentRegionCodes: ['440105'] })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    const district = await workbench('bureauTianhe', spanning)
    expect(district.status).toBe(403)
    expect(district.body.error).toMatchObject({ code: 'FORBIDDEN', message: { zh: expect.stringContaining('440100') } })
    const refused = await w.as('bureauTianhe').post(`/api/v1/cases/${spanning}/filing/registration`).send({ receivedOn: '2026-07-13', registrationNumber: '穗天人社集审〔2026〕99号' })
    expect(refused.status).toBe(403)
    const city = await workbench('bureauGuangzhou', spanning)
    expect(city.status).toBe(200)
    expect((city.body as TWorkbench).routedTo).toMatchObject({ regionCode: '440100', level: 'prefecture', reason: 'multiRegion' })
    const registered = await w.as('bureauGuangzhou').post(`/api/v1/cases/${spanning}/filing/registration`).send({ receivedOn: '2026-07-13', registrationNumber: '穗人社集审〔2026〕99号' })
    expect(registered.status, JSON.stringify(registered.body)).toBe(201)
  })

  it('the bureau inbox lists a filing only for the bureau it was routed to', async () => {
    const district = await w.as('bureauTianhe').get('/bureau')
    expect(district.status).toBe(200)
    expect(district.text).toContain(`/cases/${wage}`)
    expect(district.text).not.toContain(`/cases/${spanning}`)
    const city = await w.as('bureauGuangzhou').get('/bureau')
    expect(city.text).toContain(`/cases/${spanning}`)
  })

  it('a second wage agreement of the same enterprise for an overlapping term is refused with 409 DUPLICATE_FILING; nothing written', async () => {
    const again = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.tianhe.id, clock: w.clock, until: 'signed' })).caseId
    const before = await w.counts()
    const res = await w.as('employerT').post(`/api/v1/cases/${again}/filing`).send(filingBody())
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'DUPLICATE_FILING', details: { reason: 'overlappingTerm', otherCaseId: wage } })
    expect(res.body.error.message.zh).toContain('期限重叠')
    expect(await w.counts()).toEqual(before)
  })

  it('the case page shows the workbench with the review clock and each check to the bureau, not to the parties', async () => {
    w.clock.set('2026-07-13T02:00:00.000Z') // (the walk above moved the clock)
    const page = await w.as('bureauTianhe').get(`/cases/${wage}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('备案审查工作台')
    expect(page.text).toContain('审查期限：第 13 天 / 共 15 天')
    expect(page.text).toContain('data-check="content.minimumWage"')
    expect(page.text).toContain('LCL 55; GZ 5')
    const party = await w.as('unionT').get(`/cases/${wage}`)
    expect(party.status).toBe(200)
    expect(party.text).not.toContain('备案审查工作台')
  })
})

/**
 * The public register of effective agreements over HTTP, on both databases: cases walked through the real statutory
 * path (one wage agreement made effective by the bureau's opinion, one collective contract by deemed approval, one
 * only signed), searched by region with sub-regions, industry, name and expiry, exported as CSV (BOM, Chinese,
 * parsed back) and JSON — public facts only.
 */
import { parse } from 'csv-parse/sync'
import type { Response, Test } from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { unionActor, walkCase } from '../support/case-walk.js'
import { createHttpWorld, ENTERPRISES } from '../support/http.js'

/** The raw bytes of a response (to see the BOM as sent); superagent hands the parser the Node response stream. */
const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (c: Buffer) => chunks.push(c))
  res.on('end', () => cb(null, Buffer.concat(chunks)))
}) as unknown as Parameters<Test['parse']>[0]

type TEntry = Record<string, unknown> & { caseId: string; enterpriseName: string }

describe.each(PROVIDERS_UNDER_TEST)('HTTP public register on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let wage: string
  let contract: string
  let signedOnly: string

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    wage = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.tianhe.id, clock: w.clock })).caseId
    contract = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.xihu.id, clock: w.clock, kind: 'collectiveContract' })).caseId
    signedOnly = (await walkCase(w.engine, { enterpriseId: ENTERPRISES.haizhu.id, clock: w.clock, until: 'signed' })).caseId
  })
  afterAll(async () => {
    await w?.close()
  })

  const register = async (query = '') => {
    const res = await w.anon.get(`/api/v1/register${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body as { items: TEntry[]; total: number; limit: number; offset: number }
  }
  const names = (items: TEntry[]) => items.map((e) => e.enterpriseName).sort()

  it('lists the effective agreements with their public facts, without sign-in; nothing of the negotiation', async () => {
    const all = await register()
    expect(all.total).toBe(2)
    expect(all.items.map((e) => e.caseId).sort()).toEqual([wage, contract].sort())
    expect(all.items.map((e) => e.caseId)).not.toContain(signedOnly)
    const byCase = Object.fromEntries(all.items.map((e) => [e.caseId, e]))
    expect(byCase[wage]).toMatchObject({
      enterpriseName: ENTERPRISES.tianhe.name,
      creditCode: expect.stringMatching(/^91440106/),
      regionCode: '440106',
      regionName: '天河区',
      industryCode: 'C3484',
      kind: 'wageAgreement',
      registrationNumber: expect.stringContaining('〔2026〕'),
      effectiveBy: 'noObjectionOpinion',
      effectiveOn: expect.stringMatching(/^2026-\d\d-\d\d$/),
      termStartsOn: '2026-07-01',
      expiresOn: '2027-06-30',
      termMonths: 12,
      standing: 'inForce',
    })
    expect(byCase[contract]).toMatchObject({ kind: 'collectiveContract', effectiveBy: 'deemedApproval', regionName: '西湖区' })
    const text = JSON.stringify(all)
    // The negotiation's content (clauses, wage figures, titles, teams) stays out of the public register.
    expect(text).not.toMatch(/平均工资|工资增长|clauses|members|王主席|title|draft/)
  })

  it('searches by region with its sub-regions, industry, name, kind and expiry; pages', async () => {
    expect(names((await register('?regionCode=440000')).items)).toEqual([ENTERPRISES.tianhe.name])
    expect(names((await register('?regionCode=440100')).items)).toEqual([ENTERPRISES.tianhe.name])
    expect(names((await register('?regionCode=440105')).items)).toEqual([])
    expect(names((await register('?regionCode=330000')).items)).toEqual([ENTERPRISES.xihu.name])
    expect((await register('?industry=C')).total).toBe(2)
    expect((await register('?industry=C34')).total).toBe(2)
    expect((await register('?industry=D')).total).toBe(0)
    expect(names((await register(`?q=${encodeURIComponent('西湖')}`)).items)).toEqual([ENTERPRISES.xihu.name])
    expect((await register(`?q=${encodeURIComponent('100%_')}`)).total).toBe(0)
    expect(names((await register('?kind=collectiveContract')).items)).toEqual([ENTERPRISES.xihu.name])
    expect((await register('?expiresOnOrBefore=2027-06-29')).total).toBe(0)
    expect((await register('?expiresOnOrBefore=2027-06-30&expiresOnOrAfter=2027-06-30')).total).toBe(2)
    expect((await register('?expiresOnOrAfter=2027-07-01')).total).toBe(0)
    const first = await register('?limit=1')
    const second = await register('?limit=1&offset=1')
    expect(first).toMatchObject({ total: 2, limit: 1, offset: 0 })
    expect([first.items[0]!.caseId, second.items[0]!.caseId].sort()).toEqual([wage, contract].sort())
    const bad = await w.anon.get('/api/v1/register?regionCode=44&expiresOnOrBefore=2027-13-01&industry=x1&foo=1')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ['query', 'query.expiresOnOrBefore', 'query.industry', 'query.regionCode'].sort(),
    )
  })

  it('exports CSV: a UTF-8 BOM, Chinese intact, CRLF rows that parse back to the JSON entries', async () => {
    const res: Response = await w.anon.get('/api/v1/register.csv?regionCode=440000').buffer(true).parse(binary)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="register-\d{4}-\d\d-\d\d\.csv"$/)
    const bytes = res.body as Buffer
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('\r\n')
    expect(text).toContain(ENTERPRISES.tianhe.name)
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(1)
    const json = (await register('?regionCode=440000')).items[0]!
    expect(rows[0]).toMatchObject({
      '企业名称 / enterprise': ENTERPRISES.tianhe.name,
      '统一社会信用代码 / credit code': json.creditCode,
      '行政区划 / region': '天河区',
      '合同类型 / kind': '工资专项集体合同',
      '备案登记号 / registration number': json.registrationNumber,
      '生效日期 / effective on': json.effectiveOn,
      '生效方式 / effective by': '审查无异议',
      '期限起始日 / term starts': '2026-07-01',
      '期限届满日 / expires': '2027-06-30',
      '期限（月）/ term (months)': '12',
      '案件编号 / case': wage,
    })
    const everything = parse((await w.anon.get('/api/v1/register.csv').buffer(true).parse(binary)).body.toString('utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(everything.map((r) => r['案件编号 / case']).sort()).toEqual([wage, contract].sort())
    expect(everything.find((r) => r['案件编号 / case'] === contract)!['生效方式 / effective by']).toBe('审查期满视为同意')

    // A name a spreadsheet would run as a formula is written as text.
    expect((await w.as('admin').patch(`/api/v1/enterprises/${ENTERPRISES.tianhe.id}`).send({ name: '=HYPERLINK("x")公司' })).status).toBe(200)
    const guarded = parse((await w.anon.get('/api/v1/register.csv?regionCode=440000').buffer(true).parse(binary)).body.toString('utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(guarded[0]!['企业名称 / enterprise']).toBe(`'=HYPERLINK("x")公司`)
    expect((await w.as('admin').patch(`/api/v1/enterprises/${ENTERPRISES.tianhe.id}`).send({ name: ENTERPRISES.tianhe.name })).status).toBe(200)
  })

  it('exports JSON with the same rows; a bad filter is 400', async () => {
    const res = await w.anon.get('/api/v1/register.json')
    expect(res.status).toBe(200)
    expect(res.headers['x-register-truncated']).toBe('false')
    expect(res.body).toMatchObject({ truncated: false, generatedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) })
    expect(res.body.items).toEqual((await register()).items)
    expect((await w.anon.get('/api/v1/register.json?limit=5')).status).toBe(400)
  })

  it('an agreement under amendment stays listed (renegotiating) until its term ends; inForce cases stay until they expire', async () => {
    w.clock.advance(86_400_000)
    await w.engine.sendEvent(
      contract,
      {
        type: 'amendment.requested',
        by: 'worker',
        sentOn: w.clock.now().toISOString().slice(0, 10),
        proposedTime: '上午9时',
        proposedPlace: '公司会议室',
        content: '变更工资调整条款',
        ground: 'mutualAgreement',
      },
      unionActor,
    )
    const during = await register()
    expect(during.items.find((e) => e.caseId === contract)).toMatchObject({ standing: 'renegotiating', expiresOn: '2027-06-30' })
    // After the last day of the term the agreement under amendment is no longer in force; the case in inForce is
    // listed until the machine records its expiry (the expiry deadline).
    w.clock.set('2027-07-01T02:00:00.000Z')
    const after = await register()
    expect(after.items.map((e) => e.caseId)).toEqual([wage])
  })
})

/** Regional wage figures (reference data beside the register): upload by admins, reads, the applicable minimum wage. */
describe.each(PROVIDERS_UNDER_TEST)('HTTP wage standards on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  const source = { title: '关于调整最低工资标准的通知', issuer: '省人民政府', url: 'https://example.org/notice' }
  const upload = {
    entries: [
      { regionCode: '440100', year: 2025, kind: 'minimumMonthly', tier: '第一类', value: 250_000, effectiveFrom: '2025-03-01', source },
      ...['第一档', '第二档', '第三档'].map((tier, i) => ({
        regionCode: '330000',
        year: 2024,
        kind: 'minimumMonthly',
        tier,
        value: [249_000, 226_000, 201_000][i]!,
        effectiveFrom: '2024-01-01',
        source,
      })),
    ],
  }

  beforeAll(async () => {
    w = await createHttpWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })

  it('admins upload (idempotent: the same data again changes nothing); 400 names the field; others 403, anonymous 401', async () => {
    const first = await w.as('admin').post('/api/v1/wage-standards').send(upload)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toEqual({ inserted: 4, updated: 0, unchanged: 0 })
    expect((await w.as('admin').post('/api/v1/wage-standards').send(upload)).body).toEqual({ inserted: 0, updated: 0, unchanged: 4 })
    const badValue = await w.as('admin').post('/api/v1/wage-standards').send({ entries: [{ ...upload.entries[0], value: 2500.5 }] })
    expect(badValue.status).toBe(400)
    expect(badValue.body.error.details.issues[0].path).toBe('body.entries.0.value')
    const unknownRegion = await w.as('admin').post('/api/v1/wage-standards').send({ entries: [{ ...upload.entries[0], regionCode: '510000' }] })
    expect(unknownRegion.status).toBe(400)
    expect(unknownRegion.body.error.details.issues).toEqual([expect.objectContaining({ path: 'body.entries.0.regionCode' })])
    expect((await w.as('bureauGuangzhou').post('/api/v1/wage-standards').send(upload)).status).toBe(403)
    expect((await w.anon.post('/api/v1/wage-standards').send(upload)).status).toBe(401)
  })

  it('lists the figures of a region by year and kind, with their sources', async () => {
    const res = await w.as('unionT').get('/api/v1/wage-standards?regionCode=440100&year=2025')
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([
      expect.objectContaining({ regionCode: '440100', kind: 'minimumMonthly', tier: '第一类', value: 250_000, unit: 'fen', source: expect.objectContaining({ issuer: '省人民政府' }) }),
    ])
    expect((await w.as('unionT').get('/api/v1/wage-standards?regionCode=440100&year=2024')).body.items).toEqual([])
    expect((await w.as('unionT').get('/api/v1/wage-standards?regionCode=330000&kind=minimumHourly')).body.items).toEqual([])
    const bad = await w.as('unionT').get('/api/v1/wage-standards?year=1900')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.regionCode', 'query.year'])
    expect((await w.anon.get('/api/v1/wage-standards?regionCode=440100')).status).toBe(401)
  })

  it('the minimum wage in force in a region on a date: from the nearest ancestor, tiers when unknown, none before it', async () => {
    const found = await w.as('employerT').get('/api/v1/regions/440106/minimum-wage?on=2026-06-04')
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ status: 'found', requestedRegionCode: '440106', regionCode: '440100', path: ['440106', '440100'], figure: { value: 250_000 } })
    const tiers = await w.as('employerT').get('/api/v1/regions/330106/minimum-wage?on=2026-06-04')
    expect(tiers.body).toMatchObject({ status: 'tierUnknown', regionCode: '330000' })
    expect(tiers.body.tiers.map((t: { value: number }) => t.value)).toEqual([249_000, 226_000, 201_000])
    expect((await w.as('employerT').get('/api/v1/regions/440106/minimum-wage?on=2025-02-28')).body).toEqual({ status: 'none', requestedRegionCode: '440106' })
    // Default: today in Beijing (the world's clock is 2026-06-04).
    expect((await w.as('employerT').get('/api/v1/regions/440106/minimum-wage')).body.status).toBe('found')
    expect((await w.as('employerT').get('/api/v1/regions/440106/minimum-wage?kind=hourly')).body.status).toBe('none')
    expect((await w.as('employerT').get('/api/v1/regions/999999/minimum-wage')).status).toBe(404)
    const bad = await w.as('employerT').get('/api/v1/regions/440106/minimum-wage?on=2026-02-30')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('query.on')
    expect((await w.anon.get('/api/v1/regions/440106/minimum-wage')).status).toBe(401)
  })
})

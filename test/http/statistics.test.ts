/**
 * Statistics over HTTP and on the web page, on both databases: two cases walked through the real statutory path
 * in 广州市 (one made effective by the bureau's opinion, one waiting for its review) and one in 杭州市. Bureau staff
 * get the JSON, each table as CSV (UTF-8 BOM, Chinese header, parsed back) and the page with its charts, for their
 * region and its sub-regions only.
 */
import { parse } from 'csv-parse/sync'
import type { Response, Test } from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { walkCase } from '../support/case-walk.js'
import { createHttpWorld, ENTERPRISES } from '../support/http.js'

/** The raw bytes of a response (to see the BOM as sent). */
const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (c: Buffer) => chunks.push(c))
  res.on('end', () => cb(null, Buffer.concat(chunks)))
}) as unknown as Parameters<Test['parse']>[0]

const PERIOD = 'from=2026-06&to=2026-07'

describe.each(PROVIDERS_UNDER_TEST)('HTTP statistics on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider)
    await walkCase(w.engine, { enterpriseId: ENTERPRISES.tianhe.id, clock: w.clock })
    await walkCase(w.engine, { enterpriseId: ENTERPRISES.haizhu.id, clock: w.clock, until: 'registered' })
    await walkCase(w.engine, { enterpriseId: ENTERPRISES.xihu.id, clock: w.clock })
  })
  afterAll(async () => {
    await w?.close()
  })

  it('gives bureau staff the statistics of their region and its sub-regions as JSON', async () => {
    const res = await w.as('bureauGuangzhou').get(`/api/v1/statistics?regionCode=440100&${PERIOD}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const s = res.body
    expect(s.region).toEqual({ code: '440100', name: '广州市' })
    expect(s.units).toEqual([
      { code: '440105', name: '海珠区' },
      { code: '440106', name: '天河区' },
    ])
    // Both filings were received on 30 June 2026; 天河's was approved on 10 July (10 days), 海珠's is under review.
    expect(s.filings).toEqual({
      total: 2,
      byUnit: { '440105': 1, '440106': 1 },
      byMonth: [
        { month: '2026-06', total: 2, byUnit: { '440105': 1, '440106': 1 } },
        { month: '2026-07', total: 0, byUnit: { '440105': 0, '440106': 0 } },
      ],
    })
    expect(s.reviews).toMatchObject({ received: 2, decided: 1, pending: 1, noObjection: 1, deemedApproval: 0, deemedApprovalRate: 0, days: { median: 10, mean: 10, max: 10 } })
    expect(s.coverage).toMatchObject({ on: '2026-07-31', enterprises: 2, covered: 1, share: 50 })
    expect(s.wages.total).toMatchObject({ agreements: 1, withIncrease: 1, average: 6.5, withGuideline: 0 })
    expect(s.wages.byIndustry).toEqual([expect.objectContaining({ section: 'C', agreements: 1, average: 6.5 })])
    // Without a region: the reviewer's own; the period defaults to the twelve months up to today.
    const own = await w.as('bureauTianhe').get('/api/v1/statistics')
    expect(own.status).toBe(200)
    expect(own.body).toMatchObject({ region: { code: '440106' }, to: '2026-07', from: '2025-08', filings: { total: 1 } })
  })

  it('refuses other regions, other roles and bad input', async () => {
    // Another province's reviewer, and a district's reviewer asking for the city above it.
    for (const user of ['bureauZhejiang', 'bureauTianhe'] as const) {
      const res = await w.as(user).get(`/api/v1/statistics?regionCode=440100&${PERIOD}`)
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
      expect(JSON.stringify(res.body)).not.toContain('filings')
      const csv = await w.as(user).get(`/api/v1/statistics.csv?regionCode=440100&${PERIOD}`)
      expect(csv.status).toBe(403)
    }
    expect((await w.as('unionT').get('/api/v1/statistics?regionCode=440106')).status).toBe(403)
    expect((await w.anon.get('/api/v1/statistics?regionCode=440106')).status).toBe(401)
    const bad = await w.as('admin').get('/api/v1/statistics?regionCode=4401&from=2026-13&foo=1')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query', 'query.from', 'query.regionCode'])
    const order = await w.as('admin').get('/api/v1/statistics?regionCode=440100&from=2026-07&to=2026-01')
    expect(order.status).toBe(400)
    expect(order.body.error.details.issues[0].path).toBe('query.to')
    expect((await w.as('admin').get('/api/v1/statistics')).status).toBe(400)
    expect((await w.as('admin').get('/api/v1/statistics?regionCode=999999')).status).toBe(404)
  })

  it('exports each table as CSV with a BOM and a Chinese header', async () => {
    const get = (table: string): Promise<Response> =>
      w.as('bureauGuangzhou').get(`/api/v1/statistics.csv?regionCode=440100&${PERIOD}&table=${table}`).buffer(true).parse(binary)
    const res = await get('reviews')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="statistics-440100-2026-06-2026-07-reviews.csv"')
    const bytes = res.body as Buffer
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r['地区'])).toEqual(['海珠区', '天河区', '合计'])
    expect(rows[2]).toMatchObject({ 受理: '2', 已审结: '1', 审查中: '1', 无异议: '1', '审查用时中位数（日）': '10' })
    const filings = parse((await get('filings')).body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[]
    expect(filings).toEqual([
      { 月份: '2026-06', 海珠区: '1', 天河区: '1', 合计: '2' },
      { 月份: '2026-07', 海珠区: '0', 天河区: '0', 合计: '0' },
      { 月份: '合计', 海珠区: '1', 天河区: '1', 合计: '2' },
    ])
    const coverage = parse((await get('coverage')).body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[]
    expect(coverage.at(-1)).toMatchObject({ 企业数: '2', 合同有效的企业: '1', '企业覆盖率（%）': '50' })
    const wages = parse((await get('wages')).body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[]
    expect(wages[0]).toMatchObject({ 行业门类: 'C 制造业', '平均增幅（%）': '6.5' })
    const english = (await w.as('bureauGuangzhou').get(`/api/v1/statistics.csv?regionCode=440100&${PERIOD}&table=filings&lang=en`).buffer(true).parse(binary))
      .body as Buffer
    expect(english.toString('utf8').split('\r\n')[0]).toBe('\uFEFFMonth,海珠区,天河区,Total')
    expect((await get('nonsense')).status).toBe(400)
  })

  it('renders the page with tables, charts and CSV links for bureau staff; not for another region', async () => {
    const res = await w.as('bureauGuangzhou').get(`/bureau/statistics?region=440100&${PERIOD}`)
    expect(res.status).toBe(200)
    const page = res.text
    expect(page).toContain('<h1>统计分析</h1>')
    expect(page).toMatch(/<option value="440100" selected>广州市<\/option>/)
    expect(page).toMatch(/<option value="440106">\u3000天河区<\/option>/)
    // Four charts, each an image with a title and a description, next to the tables that give the same figures.
    expect(page.match(/<svg [^>]*role="img"/g)).toHaveLength(4)
    expect(page).toContain('<title id="ch-filings-t">各月受理备案数</title>')
    expect(page).toContain('<desc id="ch-filings-d">2026年6月: 2；2026年7月: 0</desc>')
    expect(page).toContain('<caption>各月受理备案数（按收件日期）</caption>')
    expect(page).toContain('/api/v1/statistics.csv?regionCode=440100&amp;from=2026-06&amp;to=2026-07&amp;lang=zh&amp;table=reviews')
    expect(page).toContain('50.00%（1 / 2）')
    expect(page).toContain('aria-current="page">统计</a>')
    const en = await w.as('bureauGuangzhou').get(`/bureau/statistics?region=440100&${PERIOD}&lang=en`)
    expect(en.text).toContain('<title id="ch-filings-t">Filings received per month</title>')

    const other = await w.as('bureauZhejiang').get(`/bureau/statistics?region=440100&${PERIOD}`)
    expect(other.status).toBe(403)
    expect(other.text).not.toContain('天河区')
    const own = await w.as('bureauZhejiang').get(`/bureau/statistics?${PERIOD}`)
    expect(own.status).toBe(200)
    expect(own.text).toMatch(/<option value="330000" selected>浙江省<\/option>/)
    expect((await w.as('unionT').get('/bureau/statistics')).status).toBe(403)
    // A period the rules refuse comes back with the form and the reason.
    const backwards = await w.as('bureauGuangzhou').get('/bureau/statistics?region=440100&from=2026-07&to=2026-01')
    expect(backwards.status).toBe(400)
    expect(backwards.text).toContain('截止月份不能早于起始月份')
    expect(backwards.text).toContain('<form method="get" action="/bureau/statistics"')
  })
})

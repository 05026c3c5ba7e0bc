/**
 * The admin page of regional wage figures over HTTP on both databases: an admin adds a figure through the form (yuan
 * and percent typed, stored as fen and basis points through saveWageStandards like the API), it shows in the list and
 * in GET /api/v1/wage-standards; other roles get 403; a bad value is shown again with the field named, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { one } from '../../src/db/sql.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, type TUserKey } from '../support/http.js'

const tokenOf = (text: string) => /name="_csrf" value="([^"]+)"/.exec(text)?.[1]

const minimumWage = {
  regionCode: '440100',
  kind: 'minimumMonthly',
  tier: '',
  value: '2,540',
  year: '2026',
  effectiveFrom: '2026-03-01',
  effectiveTo: '',
  sourceTitle: '广东省人民政府关于调整我省企业职工最低工资标准的通知',
  sourceNumber: '粤府函〔2025〕1号',
  sourceIssuer: '广东省人民政府',
  sourceUrl: 'https://www.gd.gov.cn/zwgk/wjk/qbwj/yfh/content/post_0001.html',
  sourcePublishedOn: '2025-01-20',
  note: '广州市',
}

describe.each(PROVIDERS_UNDER_TEST)('the admin page of wage figures on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  beforeAll(async () => {
    w = await createHttpWorld(provider)
  }, 60_000)
  afterAll(async () => {
    await w?.close()
  })

  const stored = async () =>
    Number(
      (await w.db.read(function* () {
        return (yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "RegionWageStandard"`))!
      })).n,
    )
  const formToken = async (user: TUserKey, path = '/admin/wage-standards?regionCode=440100&year=2026') => {
    const res = await w.as(user).get(path)
    expect(res.status).toBe(200)
    const token = tokenOf(res.text)
    expect(token).toBeDefined()
    return { res, token: token! }
  }
  const post = (user: TUserKey, fields: Record<string, string>) => w.as(user).post('/admin/wage-standards').type('form').send(fields)

  it('an admin adds a minimum wage and a guideline figure; they show in the list and in the API', async () => {
    const { res, token } = await formToken('admin')
    expect(res.text).toContain('暂无工资标准数据')
    expect(res.text).toContain('href="/admin/wage-standards"')
    const ok = await post('admin', { _csrf: token, ...minimumWage })
    expect(ok.status, ok.text.slice(0, 3000)).toBe(303)
    expect(ok.headers.location).toBe('/admin/wage-standards?regionCode=440100&year=2026')
    const guideline = await post('admin', { _csrf: token, ...minimumWage, kind: 'guidelineBaseline', value: '5.5', sourceTitle: '2026年广州市工资指导线', sourceNumber: '', sourceUrl: '', note: '' })
    expect(guideline.status, guideline.text.slice(0, 3000)).toBe(303)

    const list = await w.as('admin').get(ok.headers.location!)
    expect(list.status).toBe(200)
    expect(list.text).toContain('月最低工资标准')
    expect(list.text).toContain('2,540.00 元/月')
    expect(list.text).toContain('工资指导线基准线')
    expect(list.text).toContain('5.50%')
    expect(list.text).toContain('粤府函〔2025〕1号')
    expect(list.text).toContain('2026年3月1日')

    const api = await w.as('unionT').get('/api/v1/wage-standards?regionCode=440100&year=2026')
    expect(api.status).toBe(200)
    expect(api.body.items).toEqual(
      expect.arrayContaining([
        {
          regionCode: '440100',
          kind: 'minimumMonthly',
          tier: '',
          value: 254_000,
          unit: 'fen',
          year: 2026,
          effectiveFrom: '2026-03-01',
          effectiveTo: null,
          source: { title: minimumWage.sourceTitle, number: minimumWage.sourceNumber, issuer: minimumWage.sourceIssuer, url: minimumWage.sourceUrl, publishedOn: '2025-01-20' },
          note: '广州市',
        },
        expect.objectContaining({ kind: 'guidelineBaseline', value: 550, unit: 'basisPoints', source: expect.objectContaining({ number: null, url: null }) }),
      ]),
    )
    expect(api.body.items).toHaveLength(2)
  })

  it('a non-admin gets 403 on the page and on the form', async () => {
    expect((await w.as('unionT').get('/admin/wage-standards?regionCode=440100')).status).toBe(403)
    expect((await w.as('bureauGuangzhou').get('/admin/wage-standards')).status).toBe(403)
    const { token } = await formToken('unionT', '/')
    const before = await stored()
    const refused = await post('unionT', { _csrf: token, ...minimumWage, effectiveFrom: '2026-05-01' })
    expect(refused.status).toBe(403)
    expect(await stored()).toBe(before)
  })

  it('a bad value or an unknown region is shown again (400) with the field named and the values kept; nothing is written', async () => {
    const { token } = await formToken('admin')
    const before = await stored()
    const bad = await post('admin', { _csrf: token, ...minimumWage, value: '25.405', effectiveFrom: '2026-07-01' })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('数值（value）')
    expect(bad.text).toContain('aria-invalid="true" aria-describedby="ws-value-err"')
    expect(bad.text).toContain('value="25.405"')
    expect(bad.text).toContain(`value="${minimumWage.sourceTitle}"`)
    const negative = await post('admin', { _csrf: token, ...minimumWage, value: '-1', effectiveFrom: '2026-07-01' })
    expect(negative.status).toBe(400)
    expect(negative.text).toContain('数值（value）')
    const unknown = await post('admin', { _csrf: token, ...minimumWage, regionCode: '510000', effectiveFrom: '2026-07-01' })
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('行政区划代码（regionCode）')
    const badDate = await post('admin', { _csrf: token, ...minimumWage, effectiveFrom: '2026-02-30', sourceIssuer: '' })
    expect(badDate.status).toBe(400)
    expect(badDate.text).toContain('生效日期（effectiveFrom）')
    expect(badDate.text).toContain('发布机关（sourceIssuer）')
    const percent = await post('admin', { _csrf: token, ...minimumWage, kind: 'urbanCpi', value: 'abc' })
    expect(percent.status).toBe(400)
    expect(percent.text).toContain('应为百分数')
    expect(await stored()).toBe(before)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all, one, run } from '../../src/db/sql.js'
import { AppError } from '../../src/errors/app-error.js'
import { DEMO_PROVINCES, loadDivisions } from '../../src/regions/divisions.js'
import { importRegionsInto } from '../../src/regions/import-regions.js'
import { SEED_WAGE_STANDARDS, seedWageStandards } from '../../src/regions/wage-standard-data.js'
import {
  applicableMinimumWage,
  parseWageStandardUpload,
  percentToBasisPoints,
  saveWageStandards,
  yuanToFen,
  type TApplicableMinimumWage,
} from '../../src/regions/wage-standards.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'

const NOW = '2026-01-05T02:00:00.000Z'

/** The issues of the INVALID_INPUT an action throws, as `path: message`. */
async function refusal(action: () => unknown): Promise<{ path: string; message: { en: string } }[]> {
  try {
    await action()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).code).toBe('INVALID_INPUT')
    return (e as AppError).details.issues as { path: string; message: { en: string } }[]
  }
  throw new Error('expected a refusal')
}

const testSource = { title: '测试用通知（非真实数据）', issuer: '测试', url: 'https://example.org/test-notice' }

describe.each(PROVIDERS_UNDER_TEST)('regions and wage standards on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  const divisions = loadDivisions()

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  const lookup = (code: string, onDate: string, kind: 'minimumMonthly' | 'minimumHourly' = 'minimumMonthly') =>
    db.read(() => applicableMinimumWage(code, onDate, kind))
  const found = (r: TApplicableMinimumWage | undefined) => {
    expect(r?.status).toBe('found')
    return r as Extract<TApplicableMinimumWage, { status: 'found' }>
  }

  it('imports the divisions: counts match the data, a stray row is corrected and foreign rows are kept', async () => {
    // What test/support/factories.ts writes: 天河区 without a parent, with another name; plus an admin's region.
    await db.transaction(function* () {
      yield* run(`INSERT INTO "Region" ("code", "name", "nameEn", "level", "createdAt") VALUES (?, ?, ?, ?, ?)`, [
        '440106',
        '广州市天河区',
        'Tianhe District',
        'county',
        NOW,
      ])
      yield* run(`INSERT INTO "Region" ("code", "name", "level", "createdAt") VALUES (?, ?, ?, ?)`, ['990000', '测试省', 'province', NOW])
    })
    const result = await importRegionsInto(db, { now: NOW })
    expect(result).toEqual({ total: divisions.length, inserted: divisions.length - 1, updated: 1, unchanged: 0, notInData: 1 })

    const rows = await db.read(function* () {
      return yield* all<{ code: string; name: string; nameEn: string | null; level: string; parentCode: string | null }>(
        `SELECT "code", "name", "nameEn", "level", "parentCode" FROM "Region" WHERE "code" <> ? ORDER BY "code"`,
        ['990000'],
      )
    })
    expect(rows).toHaveLength(divisions.length)
    for (const p of DEMO_PROVINCES) {
      const prefix = p.slice(0, 2)
      for (const level of ['province', 'prefecture', 'county']) {
        const inDb = rows.filter((r) => r.code.startsWith(prefix) && r.level === level).length
        const inData = divisions.filter((d) => d.code.startsWith(prefix) && d.level === level).length
        expect(inDb, `${p} ${level}`).toBe(inData)
      }
    }
    // The stray row now has the data's name and parent, and keeps the English name the data does not have.
    expect(rows.find((r) => r.code === '440106')).toEqual({
      code: '440106',
      name: '天河区',
      nameEn: 'Tianhe District',
      level: 'county',
      parentCode: '440100',
    })
    expect(rows.find((r) => r.code === '440100')).toMatchObject({ name: '广州市', nameEn: 'Guangzhou', parentCode: '440000' })
    expect(rows.find((r) => r.code === '110105')).toMatchObject({ name: '朝阳区', parentCode: '110000' })
  })

  it('a second import changes nothing', async () => {
    const before = await db.read(function* () {
      return yield* all(`SELECT * FROM "Region" ORDER BY "code"`)
    })
    const result = await importRegionsInto(db, { now: '2026-02-01T00:00:00.000Z' })
    expect(result).toEqual({ total: divisions.length, inserted: 0, updated: 0, unchanged: divisions.length, notInData: 1 })
    const after = await db.read(function* () {
      return yield* all(`SELECT * FROM "Region" ORDER BY "code"`)
    })
    expect(after).toEqual(before)
  })

  it('refuses division data whose parent is nowhere, writing nothing', async () => {
    const issues = await refusal(() =>
      importRegionsInto(db, { divisions: [{ code: '980101', name: '无上级区', level: 'county', parentCode: '980100' }] }),
    )
    expect(issues.map((i) => i.path)).toEqual(['980101.parentCode'])
    const row = await db.read(() => one(`SELECT "code" FROM "Region" WHERE "code" = ?`, ['980101']))
    expect(row).toBeUndefined()
  })

  it('loads the shipped wage figures once; a second load changes nothing', async () => {
    expect(await seedWageStandards(db, NOW)).toEqual({ inserted: SEED_WAGE_STANDARDS.length, updated: 0, unchanged: 0 })
    expect(await seedWageStandards(db, '2026-02-01T00:00:00.000Z')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: SEED_WAGE_STANDARDS.length,
    })
    const n = await db.read(() => one<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "RegionWageStandard"`))
    expect(Number(n?.n)).toBe(SEED_WAGE_STANDARDS.length)
  })

  it('money is stored as integer fen and every shipped figure cites its source', async () => {
    const rows = await db.read(function* () {
      return yield* all<{ regionCode: string; kind: string; value: number; sourceTitle: string; sourceIssuer: string; sourceUrl: string | null }>(
        `SELECT "regionCode", "kind", "value", "sourceTitle", "sourceIssuer", "sourceUrl" FROM "RegionWageStandard"`,
      )
    })
    for (const r of rows) {
      expect(typeof r.value).toBe('number')
      expect(Number.isInteger(r.value)).toBe(true)
      expect(r.sourceTitle && r.sourceIssuer && r.sourceUrl).toBeTruthy()
    }
    expect(rows.find((r) => r.regionCode === '110000' && r.kind === 'minimumHourly')?.value).toBe(2770) // 27.7 元
    expect(yuanToFen('2500')).toBe(250_000)
    expect(yuanToFen('19.6')).toBe(1960) // 19.6 * 100 is 1960.0000000000002 in floating point
    expect(yuanToFen('21.1')).toBe(2110)
    expect(yuanToFen('0.07')).toBe(7)
    expect(() => yuanToFen('1.005')).toThrow(RangeError)
    expect(() => yuanToFen('2,500')).toThrow(RangeError)
    expect(percentToBasisPoints('5.5')).toBe(550)
    expect(percentToBasisPoints('-0.3')).toBe(-30)
  })

  it('finds the first tier for a Guangzhou district on the city, in force from its date', async () => {
    const r = found(await lookup('440106', '2025-06-01'))
    expect(r.regionCode).toBe('440100')
    expect(r.path).toEqual(['440106', '440100'])
    expect(r.figure).toMatchObject({ kind: 'minimumMonthly', tier: '第一类', value: 250_000, unit: 'fen', effectiveFrom: '2025-03-01' })
    expect(r.figure.source.issuer).toBe('广东省人民政府')
    // Shenzhen has its own standard; before 1 March 2025 nothing loaded is in force in Guangzhou.
    expect(found(await lookup('440305', '2025-06-01')).figure.value).toBe(252_000)
    expect(await lookup('440106', '2025-02-28')).toBeUndefined()
    // Nothing on the county, the city or the province for the hourly rate.
    expect(await lookup('440106', '2025-06-01', 'minimumHourly')).toBeUndefined()
  })

  it('walks up the hierarchy to the municipality for Beijing, Shanghai and Chongqing districts', async () => {
    const beijing = found(await lookup('110105', '2025-10-01'))
    expect(beijing).toMatchObject({ regionCode: '110000', path: ['110105', '110000'] })
    expect(beijing.figure.value).toBe(254_000)
    expect(found(await lookup('110105', '2025-10-01', 'minimumHourly')).figure.value).toBe(2770)
    expect(await lookup('110105', '2025-08-31')).toBeUndefined()
    expect(found(await lookup('310115', '2026-01-01')).figure.value).toBe(274_000)
    // 重庆: districts take the first tier from the municipality, counties their own second tier.
    expect(found(await lookup('500101', '2025-06-01')).figure).toMatchObject({ regionCode: '500000', tier: '第一档', value: 233_000 })
    expect(found(await lookup('500229', '2025-06-01')).figure).toMatchObject({ regionCode: '500229', tier: '第二档', value: 220_000 })
    // A code the table does not have walks up by its digits.
    expect(found(await lookup('110199', '2025-10-01')).path).toEqual(['110199', '110100', '110000'])
  })

  it('reports every tier when the tier map of a province is not loaded', async () => {
    const r = await lookup('330106', '2025-06-01')
    expect(r?.status).toBe('tierUnknown')
    if (r?.status !== 'tierUnknown') return
    expect(r.regionCode).toBe('330000')
    expect(r.tiers.map((f) => [f.tier, f.value])).toEqual([
      ['第一档', 249_000],
      ['第二档', 226_000],
      ['第三档', 201_000],
    ])
  })

  it('an admin upload adds a later figure and a city override; the nearest region in force wins', async () => {
    const upload = {
      entries: [
        { regionCode: '440100', year: 2026, kind: 'minimumMonthly', tier: '第一类', value: 260_000, effectiveFrom: '2026-03-01', source: testSource },
        { regionCode: '330100', year: 2024, kind: 'minimumMonthly', tier: '第一档', value: 249_000, effectiveFrom: '2024-01-01', source: testSource },
        { regionCode: '440106', year: 2026, kind: 'guidelineBaseline', value: percentToBasisPoints('5'), effectiveFrom: '2026-05-01', source: testSource },
      ],
    }
    expect(await saveWageStandards(db, upload, { loadedBy: 'admin-1', now: NOW })).toEqual({ inserted: 3, updated: 0, unchanged: 0 })
    expect(await saveWageStandards(db, upload, { loadedBy: 'admin-1', now: NOW })).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
    expect(found(await lookup('440106', '2026-04-01')).figure.value).toBe(260_000)
    expect(found(await lookup('440106', '2025-06-01')).figure.value).toBe(250_000)
    // Hangzhou's own tier is nearer than the province's three.
    expect(found(await lookup('330106', '2025-06-01')).figure).toMatchObject({ regionCode: '330100', value: 249_000 })

    // Correcting a figure updates it and stamps the loader.
    upload.entries[0]!.value = 261_000
    expect(await saveWageStandards(db, upload, { loadedBy: 'admin-2', now: '2026-03-02T00:00:00.000Z' })).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 2,
    })
    const row = await db.read(() =>
      one<{ value: number; loadedBy: string }>(
        `SELECT "value", "loadedBy" FROM "RegionWageStandard" WHERE "regionCode" = ? AND "effectiveFrom" = ?`,
        ['440100', '2026-03-01'],
      ),
    )
    expect(row).toEqual({ value: 261_000, loadedBy: 'admin-2' })
  })

  it('refuses an invalid upload, naming the field, and writes nothing', async () => {
    const count = async () =>
      Number((await db.read(() => one<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "RegionWageStandard"`)))?.n)
    const before = await count()
    const good = { regionCode: '440100', year: 2027, kind: 'minimumMonthly', value: 270_000, effectiveFrom: '2027-03-01', source: testSource }

    const paths = async (entries: unknown[]) =>
      (await refusal(() => saveWageStandards(db, { entries }, { loadedBy: 'admin-1', now: NOW }))).map((i) => i.path)

    expect(await paths([good, { ...good, effectiveFrom: '2027-04-01', value: 2500.5 }])).toEqual(['entries.1.value'])
    expect(await paths([{ ...good, value: -1 }])).toEqual(['entries.0.value'])
    expect(await paths([{ ...good, kind: 'guidelineUpper', value: 12_000 }])).toEqual(['entries.0.value'])
    expect(await paths([{ ...good, regionCode: '44010' }])).toEqual(['entries.0.regionCode'])
    expect(await paths([{ ...good, kind: 'maximumWage' }])).toEqual(['entries.0.kind'])
    expect(await paths([{ ...good, effectiveFrom: '2027-02-30' }])).toEqual(['entries.0.effectiveFrom'])
    expect(await paths([{ ...good, effectiveTo: '2027-01-01' }])).toEqual(['entries.0.effectiveTo'])
    expect(await paths([{ ...good, source: { title: '通知', url: 'https://example.org' } }])).toEqual(['entries.0.source.issuer'])
    expect(await paths([{ ...good, source: { ...testSource, url: 'javascript:alert(1)' } }])).toEqual(['entries.0.source.url'])
    expect(await paths([good, good])).toEqual(['entries.1'])
    expect(await paths([])).toEqual(['entries'])
    // Well-formed but about a region that does not exist: refused by the program, before any write.
    expect(await paths([good, { ...good, regionCode: '449998' }])).toEqual(['entries.1.regionCode'])
    expect(await count()).toBe(before)

    const issues = await refusal(() => parseWageStandardUpload({ entries: [{ ...good, value: 2500.5 }] }))
    expect(issues[0]?.message.en).toMatch(/integer/)
  })
})

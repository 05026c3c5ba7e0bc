/**
 * Region statistics (issue 9) on both databases, against a seeded dataset of 1,000 enterprises in 10 districts of
 * 广州市 with cases at every stage (statistics-dataset.ts: every case walked through the engine's programs, the
 * deadlines fired by the scheduler). Every figure is computed again here from the generating data — the receipt and
 * decision dates, terms and increases the generator chose, the wage guidelines it uploaded, and the legal calendar
 * for the last day of each review period — never by the module under test, and compared: counts exact, averages
 * and percentages to 2 decimals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all } from '../../src/db/sql.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { regionStatistics } from '../../src/engine/statistics.js'
import type { TScope } from '../../src/engine/scope.js'
import { shippedCalendars } from '../../workflows/rules/calendar/index.js'
import { addDays, addMonths } from '../../workflows/rules/calendar/dates.js'
import { computeDeadline } from '../../workflows/rules/deadlines.js'
import { getRulePack } from '../../workflows/rules/jurisdictions/index.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import {
  CITY,
  DATASET_NOW,
  DISTRICTS,
  ENTERPRISES,
  generateDataset,
  GUIDELINES,
  seedCases,
  seedReference,
  type TGenCase,
  type TGenEnterprise,
} from './statistics-dataset.js'

const gen = generateDataset()
const SEED_BUDGET_MS = 240_000

// ------------------------------------------------------------------ the expected figures, from the generating data

const REVIEW_PERIOD = getRulePack('national')!.review.period
/** The last day of the 15-day review from a receipt (CC 201, 203), by the legal calendar. */
const reviewLastDay = (receivedOn: string) =>
  computeDeadline({ from: receivedOn, period: REVIEW_PERIOD, timeZone: 'Asia/Shanghai', calendars: shippedCalendars }).lastDay
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
/** num / den rounded to 2 decimals, half up, in integer arithmetic (num, den non-negative integers). */
const r2 = (num: number, den: number) => Math.floor((2 * num * 100 + den) / (2 * den)) / 100
const pct = (a: number, b: number) => (b === 0 ? null : r2(a * 100, b))

type TExpCycle = { enterprise: number; receivedOn: string; decision?: { kind: 'objection' | 'noObjection' | 'deemedApproval'; on: string } }
type TExpAgreement = { enterprise: number; effectiveOn: string; expiresOn: string; bp: number }

function expectedFacts(cases: readonly TGenCase[]) {
  const cycles: TExpCycle[] = []
  const agreements: TExpAgreement[] = []
  for (const c of cases) {
    const R = c.receivedOn
    const e = c.enterpriseIndex
    const first = addDays(R, c.decisionDay)
    const agree = (effectiveOn: string) =>
      agreements.push({ enterprise: e, effectiveOn, expiresOn: addDays(addMonths(c.termStartsOn, c.termMonths), -1), bp: c.increaseBasisPoints })
    switch (c.stage) {
      case 'inReview':
        cycles.push({ enterprise: e, receivedOn: R })
        break
      case 'deemed':
        cycles.push({ enterprise: e, receivedOn: R, decision: { kind: 'deemedApproval', on: reviewLastDay(R) } })
        agree(addDays(reviewLastDay(R), 1))
        break
      case 'objected':
        cycles.push({ enterprise: e, receivedOn: R, decision: { kind: 'objection', on: first } })
        break
      case 'objectedThenApproved': {
        const second = addDays(c.secondReceivedOn!, c.secondDecisionDay!)
        cycles.push({ enterprise: e, receivedOn: R, decision: { kind: 'objection', on: first } })
        cycles.push({ enterprise: e, receivedOn: c.secondReceivedOn!, decision: { kind: 'noObjection', on: second } })
        agree(second)
        break
      }
      case 'corrected': {
        // The registration before the correction request is not a filing of its own: the completed one is.
        const second = addDays(c.secondReceivedOn!, c.secondDecisionDay!)
        cycles.push({ enterprise: e, receivedOn: c.secondReceivedOn!, decision: { kind: 'noObjection', on: second } })
        agree(second)
        break
      }
      case 'approved':
      case 'published':
        cycles.push({ enterprise: e, receivedOn: R, decision: { kind: 'noObjection', on: first } })
        agree(first)
        break
      default:
        break
    }
  }
  return { cycles, agreements }
}

function guidelineOf(regionCode: string, year: number) {
  return GUIDELINES.find((g) => g.regionCode === regionCode && g.year === year) ?? GUIDELINES.find((g) => g.regionCode === CITY && g.year === year)
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : r2(s[m - 1]! + s[m]!, 2)
}

function expectedStatistics(enterprises: readonly TGenEnterprise[], from: string, to: string, units: readonly string[]) {
  const { cycles, agreements } = expectedFacts(gen.cases)
  const start = `${from}-01`
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  const end = addDays(tm === 12 ? `${ty + 1}-01-01` : `${ty}-${String(tm + 1).padStart(2, '0')}-01`, -1)
  const unitOf = (i: number) => enterprises[i]!.regionCode
  const inRegion = (i: number) => units.includes(unitOf(i))
  const received = cycles.filter((c) => inRegion(c.enterprise) && c.receivedOn >= start && c.receivedOn <= end)
  const reviews = (list: TExpCycle[]) => {
    const decided = list.filter((c) => c.decision)
    const d = decided.map((c) => days(c.receivedOn, c.decision!.on))
    const n = (k: string) => decided.filter((c) => c.decision!.kind === k).length
    return {
      received: list.length,
      decided: decided.length,
      pending: list.length - decided.length,
      objection: n('objection'),
      noObjection: n('noObjection'),
      deemedApproval: n('deemedApproval'),
      deemedApprovalRate: pct(n('deemedApproval'), decided.length),
      days: d.length ? { median: median(d), mean: r2(d.reduce((a, b) => a + b, 0), d.length), max: Math.max(...d) } : null,
    }
  }
  const coveredSet = new Set(agreements.filter((a) => a.effectiveOn <= end && end <= a.expiresOn).map((a) => a.enterprise))
  const coverage = (ents: TGenEnterprise[]) => {
    const covered = ents.filter((e) => coveredSet.has(e.index))
    const employees = ents.reduce((s, e) => s + e.headcount, 0)
    const employeesCovered = covered.reduce((s, e) => s + e.headcount, 0)
    return {
      enterprises: ents.length,
      covered: covered.length,
      share: pct(covered.length, ents.length),
      employees,
      employeesCovered,
      employeeShare: pct(employeesCovered, employees),
    }
  }
  const effective = agreements.filter((a) => inRegion(a.enterprise) && a.effectiveOn >= start && a.effectiveOn <= end)
  const wages = (list: TExpAgreement[], section: string) => {
    const bps = list.map((a) => a.bp)
    const compared = list
      .map((a) => ({ a, g: guidelineOf(unitOf(a.enterprise), Number(a.effectiveOn.slice(0, 4))) }))
      .filter((x) => x.g)
    return {
      section,
      agreements: list.length,
      withIncrease: list.length,
      average: bps.length ? r2(bps.reduce((a, b) => a + b, 0), bps.length * 100) : null,
      min: bps.length ? Math.min(...bps) / 100 : null,
      max: bps.length ? Math.max(...bps) / 100 : null,
      withGuideline: compared.length,
      aboveUpper: compared.filter((x) => x.a.bp > x.g!.upper).length,
      belowLower: compared.filter((x) => x.a.bp < x.g!.lower).length,
    }
  }
  const sectionOf = (a: TExpAgreement) => enterprises[a.enterprise]!.industryCode.slice(0, 1)
  const sections = [...new Set(effective.map(sectionOf))].sort()
  const months: string[] = []
  for (let m = from; m <= to; ) {
    months.push(m)
    const [y, mm] = m.split('-').map(Number) as [number, number]
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`
  }
  const ents = (u?: string) => enterprises.filter((e) => (u ? e.regionCode === u : units.includes(e.regionCode)))
  return {
    periodStart: start,
    periodEnd: end,
    months,
    filings: {
      total: received.length,
      byMonth: months.map((m) => {
        const of = received.filter((c) => c.receivedOn.startsWith(m))
        return { month: m, total: of.length, byUnit: Object.fromEntries(units.map((u) => [u, of.filter((c) => unitOf(c.enterprise) === u).length])) }
      }),
      byUnit: Object.fromEntries(units.map((u) => [u, received.filter((c) => unitOf(c.enterprise) === u).length])),
    },
    reviews: { ...reviews(received), byUnit: Object.fromEntries(units.map((u) => [u, reviews(received.filter((c) => unitOf(c.enterprise) === u))])) },
    coverage: { on: end, ...coverage(ents()), byUnit: Object.fromEntries(units.map((u) => [u, coverage(ents(u))])) },
    wages: {
      total: wages(effective, ''),
      byIndustry: sections.map((s) => wages(effective.filter((a) => sectionOf(a) === s), s)),
    },
  }
}

// ------------------------------------------------------------------ the tests

const bureauOf = (...regionCodes: string[]): TScope => ({ all: false, enterpriseIds: [], regionCodes })

describe.each(PROVIDERS_UNDER_TEST)('region statistics on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let enterprises: TGenEnterprise[]
  let seedMs = 0

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
    const started = Date.now()
    enterprises = await seedReference(db, gen)
    const fired = await seedCases(db, createCalendarStore(db).calculator, enterprises, gen.cases)
    seedMs = Date.now() - started
    expect(fired.failed).toBe(0)
  }, SEED_BUDGET_MS)
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  it('seeds 1,000 enterprises in 10 districts with cases at every stage, through the engine', async () => {
    console.info(`${provider}: dataset seeded in ${seedMs} ms`)
    expect(enterprises).toHaveLength(ENTERPRISES)
    expect(new Set(enterprises.map((e) => e.regionCode)).size).toBe(10)
    const rows = await db.read(function* () {
      return yield* all<{ id: string; stateValue: string }>(`SELECT "id", "stateValue" FROM "Case"`)
    })
    const state = new Map(rows.map((r) => [r.id, r.stateValue]))
    const walked = gen.cases.filter((c) => c.stage !== 'none')
    expect(rows).toHaveLength(walked.length)
    // Each case is where the generator meant it to be; the scheduler expired the terms whose expiry deadline (the
    // term's last day, moved past a closing rest day) passed before "now".
    for (const c of walked) {
      const s = state.get(c.caseId!)!
      const expiry = computeDeadline({
        from: addDays(c.termStartsOn, -1),
        period: { length: c.termMonths, unit: 'months', article: 'JHR 38' },
        timeZone: 'Asia/Shanghai',
        calendars: shippedCalendars,
      })
      const expired = expiry.dueAt <= DATASET_NOW
      const expected = {
        negotiating: /"bargaining":"preparing"/,
        filed: /^"awaitingRegistration"$/,
        inReview: /^"underReview"$/,
        objected: /"bargaining":"negotiating"/,
        objectedThenApproved: expired ? /^"expired"$/ : /"inForce":"awaitingPublication"/,
        corrected: expired ? /^"expired"$/ : /"inForce":"awaitingPublication"/,
        deemed: expired ? /^"expired"$/ : /"inForce":"awaitingPublication"/,
        approved: expired ? /^"expired"$/ : /"inForce":"awaitingPublication"/,
        published: expired ? /^"expired"$/ : /"inForce":"published"/,
      }[c.stage as Exclude<TGenCase['stage'], 'none'>]
      expect(s, `${c.stage} ${c.receivedOn}`).toMatch(expected)
    }
    expect([...state.values()].filter((s) => s === '"expired"').length).toBeGreaterThan(0)
  })

  it.each([
    ['2025-07', '2026-06'],
    ['2026-01', '2026-03'],
    ['2025-04', '2025-04'],
  ])('matches an independent computation for the city and its 10 districts, %s to %s', async (from, to) => {
    const started = Date.now()
    const s = await regionStatistics(db, bureauOf(CITY), { regionCode: CITY, from, to })
    console.info(`${provider}: statistics of ${CITY} ${from}…${to} in ${Date.now() - started} ms`)
    const units = [...DISTRICTS, '440118']
    const want = expectedStatistics(enterprises, from, to, units)
    expect(s.region).toEqual({ code: CITY, name: '广州市' })
    expect(s.units.map((u) => u.code)).toEqual([...DISTRICTS, '440118'].sort())
    expect(s.units.find((u) => u.code === '440106')?.name).toBe('天河区')
    expect(s).toMatchObject({ from, to, periodStart: want.periodStart, periodEnd: want.periodEnd, months: want.months })
    expect(s.filings).toEqual(want.filings)
    expect(s.reviews).toEqual(want.reviews)
    expect(s.coverage).toEqual(want.coverage)
    expect(s.wages.total).toEqual(want.wages.total)
    expect(s.wages.byIndustry).toEqual(want.wages.byIndustry)
    const years = [...new Set(want.months.map((m) => Number(m.slice(0, 4))))]
    expect(s.wages.guidelines).toEqual(
      years.flatMap((y) => GUIDELINES.filter((g) => g.regionCode === CITY && g.year === y)).map((g) => ({ regionCode: CITY, year: g.year, baseline: g.baseline, upper: g.upper, lower: g.lower })),
    )
    if (from === '2025-07') {
      // The dataset exercises every figure in the main period.
      expect(s.filings.total).toBeGreaterThan(150)
      expect(s.reviews).toMatchObject({ objection: expect.any(Number), deemedApproval: expect.any(Number) })
      expect(s.reviews.objection * s.reviews.deemedApproval * s.reviews.noObjection * s.reviews.pending).toBeGreaterThan(0)
      expect(s.coverage.covered).toBeGreaterThan(100)
      expect(s.wages.byIndustry.length).toBeGreaterThanOrEqual(5)
      expect(s.wages.total.aboveUpper * s.wages.total.belowLower).toBeGreaterThan(0)
      expect(s.filings.byUnit['440118']).toBe(0)
    }
  })

  it('gives a district on its own (its enterprises only; its own 2026 guideline)', async () => {
    const s = await regionStatistics(db, bureauOf('440106'), { regionCode: '440106', from: '2025-07', to: '2026-06' })
    const want = expectedStatistics(enterprises, '2025-07', '2026-06', ['440106'])
    expect(s.units).toEqual([{ code: '440106', name: '天河区' }])
    expect(s.filings).toEqual(want.filings)
    expect(s.reviews).toEqual(want.reviews)
    expect(s.coverage).toEqual(want.coverage)
    expect(s.wages.total).toEqual(want.wages.total)
    expect(s.wages.byIndustry).toEqual(want.wages.byIndustry)
    expect(s.wages.guidelines).toEqual([
      { regionCode: CITY, year: 2025, baseline: 600, upper: 900, lower: 350 },
      { regionCode: '440106', year: 2026, baseline: 650, upper: 1_000, lower: 400 },
    ])
  })

  it('lets bureau staff see their region and its sub-regions only', async () => {
    const q = { from: '2025-07', to: '2026-06' }
    // A district's reviewer cannot see the city, nor another district; another city's reviewer cannot see either.
    await expect(regionStatistics(db, bureauOf('440106'), { ...q, regionCode: CITY })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(regionStatistics(db, bureauOf('440106'), { ...q, regionCode: '440105' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(regionStatistics(db, bureauOf('440300'), { ...q, regionCode: CITY })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(regionStatistics(db, bureauOf('440300'), { ...q, regionCode: '440106' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // The province's reviewer and an admin can.
    expect((await regionStatistics(db, bureauOf('440000'), { ...q, regionCode: CITY })).filings.total).toBeGreaterThan(0)
    expect((await regionStatistics(db, { all: true }, { ...q, regionCode: '440106' })).coverage.enterprises).toBe(100)
  })

  it('refuses a bad period or an unknown region, naming the field', async () => {
    const admin: TScope = { all: true }
    await expect(regionStatistics(db, admin, { regionCode: CITY, from: '2026-06', to: '2025-07' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'query.to' }] },
    })
    await expect(regionStatistics(db, admin, { regionCode: CITY, from: '2020-01', to: '2025-12' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(regionStatistics(db, admin, { regionCode: CITY, from: '2026-13', to: '2026-12' })).rejects.toMatchObject({
      details: { issues: [{ path: 'query.from' }] },
    })
    await expect(regionStatistics(db, admin, { regionCode: '999999', from: '2026-01', to: '2026-02' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(regionStatistics(db, bureauOf(CITY), { regionCode: '999999', from: '2026-01', to: '2026-02' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

/**
 * The statistics dataset (issue 9): 1,000 enterprises in 10 districts of one demo city (广州市, GB/T 2260 from the
 * shipped divisions), with cases at every stage, seeded through the real write paths:
 *   - regions: the divisions import (importRegions), enterprises: createEnterprise (GB 32100 check, region check),
 *     wage guidelines: saveWageStandards (the admin upload);
 *   - cases: openCaseProgram + applyEvent, the engine's own programs (the ones sendEvent runs), one transaction per
 *     case (several cases at once on PostgreSQL), with `now` at each event's date like the case walk's clock;
 *   - deadlines: fireDueDeadlines, the scheduler, at the dataset's "now": review periods that ran out become deemed
 *     approvals (JHR 47), terms that ended expire (JHR 38).
 * The event sequences are the case walk's (test/support/case-walk.ts) with one negotiation round, shifted in time
 * and varied per case (wage increase, term, decision and its day). The generating data (`TGenCase`) is returned,
 * so a test can compute every statistic from it without the module under test.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../../src/db/database.js'
import { applyEvent, openCaseProgram, type TDeadlineCalculator } from '../../src/engine/apply-transition.js'
import { createEnterprise } from '../../src/engine/enterprises.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { importRegions } from '../../src/regions/import-regions.js'
import { loadDivisions } from '../../src/regions/divisions.js'
import { saveWageStandards } from '../../src/regions/wage-standards.js'
import { addDays, diffDays } from '../../workflows/rules/calendar/dates.js'
import type { TClause } from '../../workflows/proposals/clauses.js'
import { creditCode } from '../support/http.js'
import { eventDate, unionActor, walkClauses, walkPlan, type TPlannedEvent, type TWalkStep } from '../support/case-walk.js'

/** The dataset's present: every event happened before it, and every deadline due before it has fired. */
export const DATASET_NOW = '2026-06-22T02:00:00.000Z'
export const DATASET_TODAY = '2026-06-22'
export const CITY = '440100'
/** Ten of Guangzhou's eleven districts get enterprises; 增城区 (440118) has none (a zero row). */
export const DISTRICTS = ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440117'] as const
export const ENTERPRISES = 1_000

/** GB/T 4754-2017 codes of the generated enterprises (sections C, E, F, G, I, M). */
export const INDUSTRY_CODES = ['C3484', 'C1810', 'E4710', 'F5123', 'G5411', 'I6513', 'M7320'] as const

export type TStage = 'none' | 'negotiating' | 'filed' | 'inReview' | 'objected' | 'objectedThenApproved' | 'corrected' | 'deemed' | 'approved' | 'published'

export type TGenEnterprise = { id: string; index: number; regionCode: string; industryCode: string; headcount: number }

export type TGenCase = {
  enterpriseIndex: number
  stage: TStage
  /** The bureau's receipt date of the (first) filing. */
  receivedOn: string
  /** Days from receipt to the opinion (objection or approval) of the first review. */
  decisionDay: number
  /** After an objection (the refiling) or a correction (the completed filing): the new receipt and the days to approval. */
  secondReceivedOn?: string
  secondDecisionDay?: number
  increaseBasisPoints: number
  termMonths: number
  /** The term's first day (the draft's termStartsOn). */
  termStartsOn: string
  caseId?: string
}

// ------------------------------------------------------------------ deterministic variety

function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** The stages and how many cases each gets (the rest of the 1,000 enterprises have no case). */
const STAGE_COUNTS: [TStage, number][] = [
  ['negotiating', 20],
  ['filed', 20],
  ['inReview', 15],
  ['objected', 20],
  ['objectedThenApproved', 20],
  ['corrected', 10],
  ['deemed', 60],
  ['approved', 90],
  ['published', 85],
]

/** The case walk's receipt date: every planned date is shifted by (receipt − this). */
const WALK_RECEIPT = '2026-06-30'

export function generateDataset(seed = 9): { enterprises: Omit<TGenEnterprise, 'id'>[]; cases: TGenCase[] } {
  const rnd = prng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const enterprises = Array.from({ length: ENTERPRISES }, (_, index) => ({
    index,
    regionCode: DISTRICTS[index % DISTRICTS.length]!,
    industryCode: INDUSTRY_CODES[int(0, INDUSTRY_CODES.length - 1)]!,
    headcount: int(20, 3_000),
  }))
  // Enterprises in a shuffled order get the cases.
  const order = enterprises.map((e) => e.index)
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(0, i)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const cases: TGenCase[] = []
  let next = 0
  for (const [stage, n] of STAGE_COUNTS) {
    for (let i = 0; i < n; i++) {
      // Receipts from April 2025 to the dataset's present; each stage within the dates it needs before "now".
      const latest = stage === 'inReview' ? -1 : stage === 'objectedThenApproved' || stage === 'corrected' ? -40 : stage === 'published' ? -20 : -25
      const earliest = stage === 'inReview' ? -12 : -447
      const receivedOn = addDays(DATASET_TODAY, int(earliest, latest))
      const decisionDay = stage === 'objected' || stage === 'objectedThenApproved' ? int(2, 13) : int(1, 14)
      const termMonths = [12, 12, 24, 36][int(0, 3)]!
      const shift = diffDays(WALK_RECEIPT, receivedOn)
      const c: TGenCase = {
        enterpriseIndex: order[next++]!,
        stage,
        receivedOn,
        decisionDay,
        increaseBasisPoints: int(200, 1_100),
        termMonths,
        termStartsOn: addDays(stage === 'objectedThenApproved' ? '2026-08-01' : '2026-07-01', shift),
      }
      if (stage === 'objectedThenApproved') {
        c.secondReceivedOn = addDays('2026-07-28', shift)
        c.secondDecisionDay = int(1, 10)
      }
      if (stage === 'corrected') {
        c.secondReceivedOn = addDays(receivedOn, 6)
        c.secondDecisionDay = int(1, 14)
      }
      cases.push(c)
    }
  }
  return { enterprises, cases }
}

// ------------------------------------------------------------------ the event plan of one case

const UNTIL: Record<Exclude<TStage, 'none'>, TWalkStep> = {
  negotiating: 'teams',
  filed: 'filed',
  inReview: 'registered',
  deemed: 'registered',
  objected: 'objected',
  objectedThenApproved: 'effective',
  corrected: 'effective',
  approved: 'effective',
  published: 'effective',
}

/** Every YYYY-MM-DD string value in a payload shifted by `days`. */
function shiftDates<T>(value: T, days: number): T {
  if (typeof value === 'string') return (/^\d{4}-\d{2}-\d{2}$/.test(value) ? addDays(value, days) : value) as T
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)])) as T
  }
  return value
}

const withIncrease = (clauses: TClause[], c: TGenCase): TClause[] =>
  clauses.map((x) =>
    x.kind === 'averageWageIncrease'
      ? { ...x, basisPoints: c.increaseBasisPoints }
      : x.kind === 'term'
        ? { ...x, months: c.termMonths }
        : x,
  )

/** The walk's events for a generated case: one round (the walk's last, which agrees every clause), varied. */
export function casePlan(c: TGenCase): TPlannedEvent[] {
  if (c.stage === 'none') return []
  const objection = c.stage === 'objected' || c.stage === 'objectedThenApproved'
  const plan = walkPlan({ objection, until: UNTIL[c.stage] })
  const shift = diffDays(WALK_RECEIPT, c.receivedOn)
  const { round1, final } = walkClauses('wageAgreement')
  const allDraftClauses = [...round1, ...final]
  const out: TPlannedEvent[] = []
  for (const p of plan) {
    if (['preparation.figuresRecorded', 'round.held:1', 'round.held:2'].includes(p.label)) continue
    let event = shiftDates(p.event, shift)
    if (p.label === 'round.held:3') event = { ...event, number: 1, agreedClauses: shiftDates(withIncrease(allDraftClauses, c), shift) }
    if (p.label === 'round.held:4') event = { ...event, number: 2, agreedClauses: withIncrease(event.agreedClauses as TClause[], c) }
    if (p.label === 'draft.agreed' || p.label === 'draft.agreed:2') {
      event = { ...event, clauses: withIncrease(event.clauses as TClause[], c), termMonths: c.termMonths }
    }
    if (p.label === 'review.objected') {
      const on = addDays(c.receivedOn, c.decisionDay)
      event = { ...event, opinionDate: on, deliveredOn: on }
    }
    if (p.label === 'review.approved') {
      const on = c.secondReceivedOn ? addDays(c.secondReceivedOn, c.secondDecisionDay!) : addDays(c.receivedOn, c.decisionDay)
      event = { ...event, opinionDate: on, deliveredOn: on }
    }
    out.push({ ...p, event })
    if (p.label === 'filing.registered' && c.stage === 'corrected') {
      // 补正: the bureau asks for a missing material during the review; the review runs again from the completed receipt.
      const bureau = p.actor
      const employer = plan.find((x) => x.actor.role === 'employerNegotiator')!.actor
      out.push(
        { step: 'registered', label: 'correction.requested', actor: bureau, event: { type: 'correction.requested', requestedOn: addDays(c.receivedOn, 2), items: ['职工代表大会决议（含表决票数）'] } },
        { step: 'registered', label: 'correction.supplied', actor: employer, event: { type: 'correction.supplied', suppliedOn: addDays(c.receivedOn, 5), items: ['职工代表大会决议（含表决票数）'] } },
        { step: 'registered', label: 'filing.registered:completed', actor: bureau, event: { ...event, receivedOn: c.secondReceivedOn! } },
      )
    }
  }
  if (c.stage === 'published') {
    const on = addDays(c.receivedOn, c.decisionDay + 2)
    const employer = out.find((p) => p.actor.role === 'employerNegotiator')!.actor
    const union = out.find((p) => p.actor.role === 'unionNegotiator')!.actor
    out.push(
      { step: 'effective', label: 'agreement.published:employer', actor: employer, event: { type: 'agreement.published', side: 'employer', publishedOn: on, channel: '厂务公开栏' } },
      { step: 'effective', label: 'agreement.published:worker', actor: union, event: { type: 'agreement.published', side: 'worker', publishedOn: on, channel: '职工代表大会' } },
    )
  }
  return out
}

// ------------------------------------------------------------------ seeding

/** The wage guidelines of the dataset (basis points): the city's for 2025 and 2026, and 天河区's own for 2026. */
export const GUIDELINES: { regionCode: string; year: number; baseline: number; upper: number; lower: number }[] = [
  { regionCode: CITY, year: 2025, baseline: 600, upper: 900, lower: 350 },
  { regionCode: CITY, year: 2026, baseline: 550, upper: 850, lower: 300 },
  { regionCode: '440106', year: 2026, baseline: 650, upper: 1_000, lower: 400 },
]

export async function seedReference(db: TDatabase, gen: ReturnType<typeof generateDataset>): Promise<TGenEnterprise[]> {
  const now = '2025-01-02T00:00:00.000Z'
  await db.transaction(() => importRegions(loadDivisions(['440000']), now))
  await saveWageStandards(
    db,
    {
      entries: GUIDELINES.flatMap((g) =>
        (['guidelineBaseline', 'guidelineUpper', 'guidelineLower'] as const).map((kind) => ({
          regionCode: g.regionCode,
          year: g.year,
          kind,
          value: kind === 'guidelineBaseline' ? g.baseline : kind === 'guidelineUpper' ? g.upper : g.lower,
          effectiveFrom: `${g.year}-05-01`,
          source: { title: `${g.year}年企业工资指导线（测试数据）`, issuer: '广州市人力资源和社会保障局' },
        })),
      ),
    },
    { loadedBy: null, now },
  )
  // One createEnterprise transaction each; PostgreSQL takes several at once (SQLite serialises its writers anyway).
  const out: TGenEnterprise[] = new Array(gen.enterprises.length)
  const queue = [...gen.enterprises]
  await Promise.all(
    Array.from({ length: db.provider === 'postgresql' ? 4 : 1 }, async () => {
      for (let e = queue.shift(); e; e = queue.shift()) {
        const created = await createEnterprise(
          db,
          {
            creditCode: creditCode(e.regionCode, e.index + 1),
            name: `统计样本企业${String(e.index + 1).padStart(4, '0')}有限公司`,
            regionCode: e.regionCode,
            industryCode: e.industryCode,
            headcount: e.headcount,
            hasUnion: true,
          },
          now,
          () => {},
        )
        out[e.index] = { ...e, id: created.id }
      }
    }),
  )
  return out
}

const at = (date: string | undefined, previous: string) => {
  const t = date ? `${date}T02:00:00.000Z` : previous
  return t > previous ? t : new Date(Date.parse(previous) + 60_000).toISOString()
}

/** Opens and walks every generated case through the engine's programs, then runs the scheduler at DATASET_NOW. */
export async function seedCases(
  db: TDatabase,
  computeDeadline: TDeadlineCalculator,
  enterprises: readonly TGenEnterprise[],
  cases: TGenCase[],
  concurrency = db.provider === 'postgresql' ? 4 : 1,
) {
  const nodeId = 'statistics-seed'
  const walkOne = async (c: TGenCase) => {
    const plan = casePlan(c)
    const caseId = crypto.randomUUID()
    const enterpriseId = enterprises[c.enterpriseIndex]!.id
    const firstDate = eventDate(plan[0]!.event)!
    await db.transaction(function* () {
      let now = at(addDays(firstDate, -1), '2025-01-01T00:00:00.000Z')
      yield* openCaseProgram(caseId, 'negotiation', { enterpriseId, kind: 'wageAgreement', jurisdiction: 'national', workerSide: 'union' }, unionActor, { now, nodeId, computeDeadline })
      for (const p of plan) {
        now = at(eventDate(p.event), now)
        yield* applyEvent(caseId, p.event, p.actor, { now, nodeId, computeDeadline })
      }
    })
    c.caseId = caseId
  }
  const queue = cases.filter((c) => c.stage !== 'none')
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await walkOne(c)
    }),
  )
  return fireDueDeadlines({ db, context: () => ({ now: DATASET_NOW, nodeId, computeDeadline }), batchSize: 50 }, 100_000)
}

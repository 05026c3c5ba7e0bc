/**
 * Intake and review through the real engine on both databases: routing of a filing to its receiving bureau
 * (JHR 43), refusal of a duplicate filing (same signed text, or an overlapping term already filed), deemed
 * approval at the end of exactly day 15 after receipt (JHR 47; GZ 22 ¶4), and a new 15 days from the new receipt
 * after an objection and refiling (JHR 46).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all, run } from '../../src/db/sql.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { getCase, getCaseEvents } from '../../src/engine/queries.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { AppError } from '../../src/errors/app-error.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import { employerActor, seedWalkEnterprise, walkCase, walkPlan } from '../support/case-walk.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { testEngine } from '../support/factories.js'

const filingEvent = () => walkPlan().find((p) => p.label === 'agreement.filed')!.event

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a refusal')
}

describe.each(PROVIDERS_UNDER_TEST)('filing intake and review on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock
  let engine: TEngine

  const context = async (caseId: string) => (await getCase(db, caseId)).context as TNegotiationContext
  const tick = async (at: string) => {
    clock.set(at)
    const calendars = createCalendarStore(db)
    await fireDueDeadlines({ db, context: () => ({ now: clock.now().toISOString(), nodeId: 'intake-test', computeDeadline: calendars.calculator }) })
  }
  const reviewDeadlines = (caseId: string) =>
    db.read(function* () {
      return yield* all<{ lastDay: string; status: string }>(
        `SELECT "lastDay", "status" FROM "Deadline" WHERE "caseId" = ? AND "kind" = 'review' ORDER BY "createdSeq"`,
        [caseId],
      )
    })

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
    clock = new ManualClock('2026-05-01T02:00:00.000Z')
    engine = testEngine(db, clock)
    await seedWalkEnterprise(db) // the Guangzhou chain 440000 > 440100 > 440112
    await db.transaction(function* () {
      for (const [code, name, level, parent] of [
        ['440106', '天河区', 'county', '440100'],
        ['330000', '浙江省', 'province', null],
        ['330100', '杭州市', 'prefecture', '330000'],
        ['330106', '西湖区', 'county', '330100'],
      ] as const) {
        yield* run(`INSERT INTO "Region" ("code", "name", "level", "parentCode", "createdAt") VALUES (?, ?, ?, ?, ?)`, [code, name, level, parent, '2026-01-01T00:00:00.000Z'])
      }
    })
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  describe('routing (JHR 43)', () => {
    it('a filing is routed to the county bureau of the seat and the routing is in the hash-chained event', async () => {
      const { caseId } = await walkCase(engine, { clock, until: 'filed' })
      expect((await context(caseId)).filing?.routedTo).toEqual({ regionCode: '440112', level: 'county', reason: 'territorial', article: 'JHR 43' })
      const filed = (await getCaseEvents(db, caseId)).find((e) => e.type === 'agreement.filed')!
      expect(filed.payload).toMatchObject({ routedTo: { regionCode: '440112' } })
    })

    it('an establishment in another district goes to the city; in another province to the provincial bureau; a client-sent routing is replaced', async () => {
      const a = await walkCase(engine, { clock, until: 'signed' })
      await engine.sendEvent(a.caseId, { ...filingEvent(), establishmentRegionCodes: ['440106'], routedTo: { regionCode: '440112', level: 'county', reason: 'territorial', article: 'x' } }, employerActor)
      expect((await context(a.caseId)).filing?.routedTo).toMatchObject({ regionCode: '440100', level: 'prefecture', reason: 'multiRegion' })
      const b = await walkCase(engine, { clock, until: 'signed' })
      await engine.sendEvent(b.caseId, { ...filingEvent(), establishmentRegionCodes: ['330106'] }, employerActor)
      expect((await context(b.caseId)).filing?.routedTo).toMatchObject({ regionCode: '440000', level: 'province', reason: 'crossProvince' })
      const c = await walkCase(engine, { clock, until: 'signed' })
      await engine.sendEvent(c.caseId, { ...filingEvent(), centralEnterprise: true }, employerActor)
      expect((await context(c.caseId)).filing?.routedTo).toMatchObject({ regionCode: '440000', reason: 'centralEnterprise' })
    })

    it('an unknown establishment region is refused naming the field, and nothing is written', async () => {
      const { caseId } = await walkCase(engine, { clock, until: 'signed' })
      const before = (await getCase(db, caseId)).revision
      const e = await refusal(engine.sendEvent(caseId, { ...filingEvent(), establishmentRegionCodes: ['440106', '449999'] }, employerActor))
      expect(e.code).toBe('INVALID_INPUT')
      expect(e.details.issues).toEqual([expect.objectContaining({ path: 'establishmentRegionCodes.1' })])
      expect((await getCase(db, caseId)).revision).toBe(before)
    })
  })

  describe('duplicate filings', () => {
    it('the same enterprise filing a second wage agreement for an overlapping term is refused (409), naming the other case', async () => {
      const first = await walkCase(engine, { clock, until: 'registered' })
      const second = await walkCase(engine, { clock, until: 'signed', enterpriseId: first.enterpriseId })
      const before = await getCaseEvents(db, second.caseId)
      const e = await refusal(engine.sendEvent(second.caseId, filingEvent(), employerActor))
      expect(e.code).toBe('DUPLICATE_FILING')
      expect(e.details).toMatchObject({ reason: 'overlappingTerm', otherCaseId: first.caseId, otherState: 'underReview' })
      expect(e.text.zh).toContain('期限重叠')
      expect(e.text.zh).toContain('2026-07-01至2027-06-30')
      expect(e.text.en).toContain(first.caseId)
      expect(await getCaseEvents(db, second.caseId)).toHaveLength(before.length)
      expect((await getCase(db, second.caseId)).state).toBe('filing')
    })

    it('a collective contract of the same enterprise for the same term is not a duplicate of its wage agreement', async () => {
      const first = await walkCase(engine, { clock, until: 'registered' })
      const contract = await walkCase(engine, { clock, until: 'signed', kind: 'collectiveContract', enterpriseId: first.enterpriseId })
      await engine.sendEvent(contract.caseId, filingEvent(), employerActor)
      expect((await getCase(db, contract.caseId)).state).toBe('awaitingRegistration')
    })

    it('the same signed text (same SHA-256) filed from another case is refused whatever the kind', async () => {
      const first = await walkCase(engine, { clock, until: 'registered' })
      const other = await walkCase(engine, { clock, until: 'signed', kind: 'collectiveContract', enterpriseId: first.enterpriseId })
      const sha = 'a'.repeat(64)
      await db.transaction(function* () {
        for (const caseId of [first.caseId, other.caseId]) {
          yield* run(
            `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "createdAt")
             VALUES (?, ?, 'agreement', ?, 'application/pdf', ?, 4, ?, ?)`,
            [`doc-${caseId}`, caseId, '工资专项集体合同', sha, Buffer.from('%PDF'), '2026-06-25T00:00:00.000Z'],
          )
        }
      })
      const e = await refusal(engine.sendEvent(other.caseId, filingEvent(), employerActor))
      expect(e.code).toBe('DUPLICATE_FILING')
      expect(e.details).toMatchObject({ reason: 'sameDocument', otherCaseId: first.caseId, sha256: sha })
    })

    it('an agreement in force blocks a filing for an overlapping term; the refiling of the same case after an objection is not a duplicate', async () => {
      const inForce = await walkCase(engine, { clock })
      expect((await getCase(db, inForce.caseId)).state).toEqual({ inForce: 'awaitingPublication' })
      const again = await walkCase(engine, { clock, until: 'signed', enterpriseId: inForce.enterpriseId })
      const e = await refusal(engine.sendEvent(again.caseId, filingEvent(), employerActor))
      expect(e.details).toMatchObject({ reason: 'overlappingTerm', otherState: 'inForce' })
      const refiled = await walkCase(engine, { clock, objection: true, until: 'revised' })
      expect((await getCase(db, refiled.caseId)).state).toBe('underReview')
    })
  })

  describe('the 15-day review (JHR 45-47; GZ 22)', () => {
    it('deemed approval at the end of exactly day 15 after receipt: not on day 14, not before 24:00 of day 15', async () => {
      const { caseId } = await walkCase(engine, { clock, until: 'registered' }) // received 2026-06-30
      expect(await reviewDeadlines(caseId)).toEqual([{ lastDay: '2026-07-15', status: 'pending' }])
      await tick('2026-07-14T15:59:59.999Z') // end of day 14 in Shanghai
      expect((await getCase(db, caseId)).state).toBe('underReview')
      await tick('2026-07-15T02:00:00.000Z') // day 15, 10:00
      expect((await getCase(db, caseId)).state).toBe('underReview')
      await tick('2026-07-15T15:59:59.999Z') // 23:59:59.999 of day 15
      expect((await getCase(db, caseId)).state).toBe('underReview')
      await tick('2026-07-15T16:00:00.000Z') // 24:00 of day 15
      expect((await getCase(db, caseId)).state).toEqual({ inForce: 'awaitingPublication' })
      expect((await context(caseId)).agreement).toMatchObject({ effectiveBy: 'deemedApproval', effectiveOn: '2026-07-16' })
      expect(await reviewDeadlines(caseId)).toEqual([{ lastDay: '2026-07-15', status: 'fired' }])
    })

    it('after an objection and refiling, a new 15 days run from the new receipt', async () => {
      const { caseId } = await walkCase(engine, { clock, objection: true, until: 'revised' }) // received again 2026-07-28
      expect(await reviewDeadlines(caseId)).toEqual([
        { lastDay: '2026-07-15', status: 'cancelled' },
        { lastDay: '2026-08-12', status: 'pending' },
      ])
      await tick('2026-08-11T16:00:00.000Z') // end of day 14 after the new receipt
      expect((await getCase(db, caseId)).state).toBe('underReview')
      await tick('2026-08-12T16:00:00.000Z') // end of day 15
      expect((await getCase(db, caseId)).state).toEqual({ inForce: 'awaitingPublication' })
      const c = await context(caseId)
      expect(c.agreement).toMatchObject({ effectiveBy: 'deemedApproval', effectiveOn: '2026-08-13', draftVersion: 2 })
      expect(c.reviews.map((r) => [r.receivedOn, r.outcome])).toEqual([
        ['2026-06-30', 'objected'],
        ['2026-07-28', 'deemedApproved'],
      ])
    })
  })
})

/**
 * Test fixtures reach a state by sending real events through the engine, never by writing snapshots by hand.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../../src/db/database.js'
import { run } from '../../src/db/sql.js'
import { createEngine, type TEngine } from '../../src/engine/engine.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { ManualClock, type TClock } from '../../src/engine/clock.js'
import type { TProvider } from '../../src/db/schema-files.js'
import { connect, createTestDatabase, type TTestDatabase } from './databases.js'
import type { TActor } from '../../src/engine/actor.js'

export const unionActor: TActor = { id: 'user-union', role: 'unionNegotiator' }
export const employerActor: TActor = { id: 'user-employer', role: 'employerNegotiator' }

export function testEngine(db: TDatabase, clock: TClock, nodeId = 'test-node'): TEngine {
  const calendars = createCalendarStore(db)
  return createEngine({ db, clock, nodeId, computeDeadline: calendars.calculator })
}

/** A region and an enterprise with a union, written directly (reference data, not case state). */
export async function seedEnterprise(db: TDatabase, opts: { hasUnion?: boolean } = {}): Promise<string> {
  const id = crypto.randomUUID()
  const now = '2026-01-01T00:00:00.000Z'
  await db.transaction(function* () {
    yield* run(
      `INSERT INTO "Region" ("code", "name", "level", "createdAt") SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "Region" WHERE "code" = ?)`,
      ['440106', '广州市天河区', 'county', now, '440106'],
    )
    yield* run(
      `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, `CODE-${id.slice(0, 8)}`, '广州市天河精工制造有限公司', '440106', 'C3484', 420, opts.hasUnion ?? true, now, now],
    )
  })
  return id
}

export const requestSent = (sentOn: string) => ({
  type: 'request.sent',
  by: 'worker',
  sentOn,
  proposedTime: '2026年6月15日上午9时',
  proposedPlace: '公司三楼第一会议室',
  content: '就2026年度职工工资调整事项进行集体协商。',
})

export const requestReceived = (receivedOn: string) => ({
  type: 'request.received',
  receivedOn,
  proof: '企业行政部签收回执',
})

/** Opens a case and brings it to awaitingReply with the request received on `receivedOn`. */
export async function caseAwaitingReply(engine: TEngine, enterpriseId: string, receivedOn: string) {
  const opened = await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)
  await engine.sendEvent(opened.caseId, requestSent(receivedOn), unionActor)
  return engine.sendEvent(opened.caseId, requestReceived(receivedOn), unionActor)
}

/** A fresh migrated database with an engine, a clock at 2026-06-04 10:00 Shanghai and one enterprise. */
export async function openEngineSuite(provider: TProvider) {
  const t = await createTestDatabase(provider)
  const db = await connect(t)
  const clock = new ManualClock('2026-06-04T02:00:00.000Z')
  const engine = testEngine(db, clock)
  const enterpriseId = await seedEnterprise(db)
  return { t, db, clock, engine, enterpriseId }
}

export async function closeEngineSuite(s: { t?: TTestDatabase; db?: TDatabase }) {
  await s.db?.close()
  await s.t?.drop()
}

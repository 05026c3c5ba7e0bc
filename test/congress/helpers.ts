/**
 * Fixtures for the congress tests: a real case brought to the congress vote by sending real events through the
 * engine (never a hand-written snapshot), rosters, sessions and officers.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../../src/db/database.js'
import { one } from '../../src/db/sql.js'
import { AppError } from '../../src/errors/app-error.js'
import type { TActor } from '../../src/engine/actor.js'
import { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { createCongress, type TCongress } from '../../src/congress/index.js'
import type { TChoice, TConveneInput, TRosterInput } from '../../src/congress/types.js'
import type { TProvider } from '../../src/db/schema-files.js'
import { connect, createTestDatabase, type TTestDatabase } from '../support/databases.js'
import { seedEnterprise, testEngine, unionActor } from '../support/factories.js'

export const officer: TActor = unionActor
export const teller: TActor = { id: 'user-teller-1', role: 'unionNegotiator' }
export const teller2: TActor = { id: 'user-teller-2', role: 'unionNegotiator' }
export const scrutineer: TActor = { id: 'user-scrutineer-1', role: 'workerRepresentative' }

export const CREDENTIAL_KEY = crypto.createHash('sha256').update('congress test key').digest()

/** The sitting: 2026-04-01 (Asia/Shanghai), voting 08:00-18:00 local = 00:00-10:00 UTC. */
export const OPENS_AT = '2026-04-01T00:00:00.000Z'
export const CLOSES_AT = '2026-04-01T10:00:00.000Z'
export const DURING = '2026-04-01T02:00:00.000Z'
export const AFTER = '2026-04-01T10:00:00.001Z'

export type TWorld = {
  t: TTestDatabase
  db: TDatabase
  clock: ManualClock
  engine: TEngine
  congress: TCongress
  enterpriseId: string
  close(): Promise<void>
}

export async function openWorld(provider: TProvider): Promise<TWorld> {
  const t = await createTestDatabase(provider)
  const db = await connect(t)
  const clock = new ManualClock(DURING)
  const engine = testEngine(db, clock)
  const congress = createCongress({ engine, credentialKey: CREDENTIAL_KEY })
  const enterpriseId = await seedEnterprise(db)
  return {
    t,
    db,
    clock,
    engine,
    congress,
    enterpriseId,
    close: async () => {
      await db.close()
      await t.drop()
    },
  }
}

const members = (side: 'worker' | 'employer') =>
  [0, 1, 2].map((i) =>
    side === 'worker'
      ? i === 0
        ? { id: 'w0', name: '王主席', isChief: true, chiefBasis: 'unionChair', isExternal: false, isFrontLine: true, gender: 'female' }
        : { id: `w${i}`, name: `职工协商代表${i}`, isChief: false, isExternal: false, isFrontLine: true, gender: 'male' }
      : i === 0
        ? { id: 'e0', name: '李总', isChief: true, chiefBasis: 'legalRepresentative', isExternal: false }
        : { id: `e${i}`, name: `企业协商代表${i}`, isChief: false, isExternal: false },
  )

/**
 * A case of the real negotiation machine in `awaitingCongress`: request, reply, teams, recorder, agenda, meeting,
 * an agreed round and the draft (agreed 2026-03-25), each sent through engine.sendEvent.
 */
export async function caseAwaitingCongress(
  engine: TEngine,
  enterpriseId: string,
  jurisdiction = 'national',
  kind = 'wageAgreement',
): Promise<string> {
  const { caseId } = await engine.openCase({ enterpriseId, kind, jurisdiction }, officer)
  const send = (event: { type: string; [k: string]: unknown }) => engine.sendEvent(caseId, event, officer)
  await send({
    type: 'request.sent',
    by: 'worker',
    sentOn: '2026-03-02',
    proposedTime: '上午9时',
    proposedPlace: '公司会议室',
    content: '就2026年度工资调整进行集体协商',
  })
  await send({ type: 'request.received', receivedOn: '2026-03-03', proof: '企业行政部签收回执' })
  await send({ type: 'request.answered', answeredOn: '2026-03-10', text: '同意协商' })
  await send({ type: 'team.appointed', side: 'worker', appointedOn: '2026-03-11', members: members('worker') })
  await send({ type: 'team.appointed', side: 'employer', appointedOn: '2026-03-11', members: members('employer') })
  await send({ type: 'recorder.appointed', appointedOn: '2026-03-11', recorder: { id: 'r0', name: '记录员' } })
  await send({ type: 'agenda.drafted', draftedOn: '2026-03-11', draftedBy: 'worker', items: [{ id: 'a1', title: '工资水平' }] })
  await send({ type: 'meeting.scheduled', scheduledOn: '2026-03-11', meetingOn: '2026-03-25', place: '公司会议室' })
  await send({
    type: 'round.held',
    number: 1,
    heldOn: '2026-03-25',
    place: '公司会议室',
    presidingSide: 'worker',
    attendees: { worker: ['w0', 'w1', 'w2'], employer: ['e0', 'e1', 'e2'] },
    agenda: ['工资水平'],
    proposals: [{ side: 'worker', text: '年度平均工资增长8%', response: '企业方建议5%' }],
    agreedItems: ['年度平均工资增长6%'],
    openItems: [],
    outcome: 'agreed',
    minutesSignedBy: ['w0', 'e0', 'w1', 'w2', 'e1', 'e2'],
  })
  const applied = await send({
    type: 'draft.agreed',
    agreedOn: '2026-03-25',
    title: '2026年度工资专项集体合同（草案）',
    text: '……',
    items: ['年度平均工资增长6%'],
    termMonths: 12,
    signedBy: { worker: 'w0', employer: 'e0' },
  })
  if (JSON.stringify(applied.state) !== JSON.stringify({ bargaining: 'awaitingCongress' })) {
    throw new Error(`the case is in ${JSON.stringify(applied.state)}, not awaitingCongress`)
  }
  return caseId
}

export function rosterOf(n: number, extra: Partial<TRosterInput> = {}): TRosterInput {
  return {
    body: 'workersCongress',
    totalSeats: n,
    representatives: Array.from({ length: n }, (_, i) => ({
      name: `职工代表${String(i + 1).padStart(3, '0')}`,
      unit: i % 2 ? '生产一车间' : '装配车间',
      email: `rep${i + 1}@example.cn`,
      isFrontLine: i % 3 !== 0,
      isManager: i % 10 === 0,
      isWoman: i % 2 === 0,
    })),
    ...extra,
  }
}

export function conveneInput(extra: Partial<TConveneInput> = {}): TConveneInput {
  return {
    name: '第三届职工代表大会第二次会议',
    heldOn: '2026-04-01',
    place: '公司大礼堂',
    online: true,
    opensAt: OPENS_AT,
    closesAt: CLOSES_AT,
    documentSha256: 'ab'.repeat(32),
    items: [{ id: 'draft', title: '2026年度工资专项集体合同（草案）' }],
    scrutineers: [{ name: '监票人甲', userId: scrutineer.id! }],
    tellers: [
      { name: '计票人乙', userId: teller.id! },
      { name: '计票人丙', userId: teller2.id! },
    ],
    presiding: '王主席',
    ...extra,
  }
}

/** A case in awaitingCongress with a roster of `seats` and a convened session; the credentials in roster order. */
export async function convened(
  w: TWorld,
  seats: number,
  opts: { jurisdiction?: string; session?: Partial<TConveneInput>; roster?: Partial<TRosterInput> } = {},
) {
  const caseId = await caseAwaitingCongress(w.engine, w.enterpriseId, opts.jurisdiction ?? 'national')
  await w.congress.setRoster(caseId, rosterOf(seats, opts.roster), officer)
  const c = await w.congress.convene(caseId, conveneInput(opts.session), officer)
  return { caseId, sessionId: c.session.id, credentials: c.credentials, convened: c }
}

export const ballot = (credential: string, choice: TChoice | Record<string, TChoice>, items = ['draft']) => ({
  credential,
  choices: items.map((itemId) => ({ itemId, choice: typeof choice === 'string' ? choice : choice[itemId]! })),
})

export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

export const count = (db: TDatabase, from: string, params: (string | number)[] = []) =>
  db.read(function* () {
    return Number((yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM ${from}`, params))!.n)
  })

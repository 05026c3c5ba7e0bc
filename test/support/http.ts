/**
 * The HTTP API on a real database (SQLite or PostgreSQL): the app from createApp with a manual clock, reference
 * data in two provinces, and one account per role signed in through POST /auth/login. Requests are made as a user
 * (`as('unionT').post(...)`) with the session cookie and the anti-CSRF header, or with a bearer token.
 */
import { pino } from 'pino'
import request from 'supertest'
import type { Test } from 'supertest'
import { creditCodeCheckChar } from '../../workflows/rules/credit-code.js'
import { hashPassword } from '../../src/auth/password.js'
import type { TDatabase } from '../../src/db/database.js'
import { one, run } from '../../src/db/sql.js'
import { createCalendarStore, type TCalendarStore } from '../../src/engine/calendars.js'
import { ManualClock } from '../../src/engine/clock.js'
import { createEngine, type TEngine } from '../../src/engine/engine.js'
import { healthCheck } from '../../src/engine/health.js'
import { createUser, type TMembershipInput } from '../../src/engine/users.js'
import { createApp, type TApp, type TAppDeps } from '../../src/http/app.js'
import type { TProvider } from '../../src/db/schema-files.js'
import { connect, createTestDatabase, type TTestDatabase } from './databases.js'

export const PASSWORD = 'correct horse battery staple'

/** A valid GB 32100 credit code registered in `region` (serial: up to 5 digits). */
export function creditCode(region: string, serial: number): string {
  const first17 = `91${region}MA5C${String(serial).padStart(5, '0')}`
  return first17 + creditCodeCheckChar(first17)!
}

export const REGIONS = [
  { code: '440000', name: '广东省', level: 'province', parentCode: null },
  { code: '440100', name: '广州市', level: 'prefecture', parentCode: '440000' },
  { code: '440106', name: '天河区', level: 'county', parentCode: '440100' },
  { code: '440105', name: '海珠区', level: 'county', parentCode: '440100' },
  { code: '330000', name: '浙江省', level: 'province', parentCode: null },
  { code: '330100', name: '杭州市', level: 'prefecture', parentCode: '330000' },
  { code: '330106', name: '西湖区', level: 'county', parentCode: '330100' },
] as const

export const ENTERPRISES = {
  tianhe: { id: 'ent-tianhe', region: '440106', name: '广州市天河精工制造有限公司', hasUnion: true },
  haizhu: { id: 'ent-haizhu', region: '440105', name: '广州市海珠纺织有限公司', hasUnion: true },
  xihu: { id: 'ent-xihu', region: '330106', name: '杭州西湖电子有限公司', hasUnion: true },
} as const

/** One account per role and scope. */
export const USERS = {
  admin: [{ role: 'admin' }],
  unionT: [{ role: 'unionNegotiator', enterpriseId: 'ent-tianhe' }],
  employerT: [{ role: 'employerNegotiator', enterpriseId: 'ent-tianhe' }],
  workerT: [{ role: 'workerRepresentative', enterpriseId: 'ent-tianhe' }],
  unionH: [{ role: 'unionNegotiator', enterpriseId: 'ent-haizhu' }],
  employerH: [{ role: 'employerNegotiator', enterpriseId: 'ent-haizhu' }],
  unionX: [{ role: 'unionNegotiator', enterpriseId: 'ent-xihu' }],
  employerX: [{ role: 'employerNegotiator', enterpriseId: 'ent-xihu' }],
  bureauTianhe: [{ role: 'bureauReviewer', regionCode: '440106' }],
  bureauGuangzhou: [{ role: 'bureauReviewer', regionCode: '440100' }],
  bureauZhejiang: [{ role: 'bureauReviewer', regionCode: '330000' }],
  nobody: [],
} as const satisfies Record<string, readonly TMembershipInput[]>

export type TUserKey = keyof typeof USERS

export const emailOf = (k: TUserKey) => `${k.toLowerCase()}@test.example`

type TMethod = 'get' | 'post' | 'patch' | 'delete'
export type TClient = Record<TMethod, (url: string) => Test>

export type THttpWorld = {
  provider: TProvider
  db: TDatabase
  clock: ManualClock
  engine: TEngine
  calendars: TCalendarStore
  app: TApp
  userIds: Record<TUserKey, string>
  /** Requests with a user's session cookie and the X-Requested-With header. */
  as(user: TUserKey): TClient
  /** Requests with a user's session cookie but no anti-CSRF header. */
  asWithoutCsrf(user: TUserKey): TClient
  /** Requests with a bearer token of the user. */
  withToken(user: TUserKey): Promise<TClient>
  /** Anonymous requests. */
  anon: TClient
  /** Row counts of every table (to show a refused request wrote nothing). */
  counts(): Promise<Record<(typeof TABLES)[number], number>>
  close(): Promise<void>
}

export const TABLES = [
  'Region',
  'Enterprise',
  'Case',
  'CaseEvent',
  'Deadline',
  'OutboxMessage',
  'Document',
  'User',
  'RoleMembership',
  'CalendarYear',
  'Session',
  'ApiToken',
  'RateLimitHit',
  'IdempotencyKey',
] as const

function client(app: TApp, headers: Record<string, string>): TClient {
  const make = (method: TMethod) => (url: string) => {
    let t = request(app)[method](url)
    for (const [k, v] of Object.entries(headers)) t = t.set(k, v)
    return t
  }
  return { get: make('get'), post: make('post'), patch: make('patch'), delete: make('delete') }
}

export async function seedReference(db: TDatabase, now: string) {
  await db.transaction(function* () {
    for (const r of REGIONS) {
      yield* run(`INSERT INTO "Region" ("code", "name", "level", "parentCode", "createdAt") VALUES (?, ?, ?, ?, ?)`, [
        r.code,
        r.name,
        r.level,
        r.parentCode,
        now,
      ])
    }
    for (const [i, e] of Object.values(ENTERPRISES).entries()) {
      yield* run(
        `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.id, creditCode(e.region, 90_000 + i), e.name, e.region, 'C3484', 420, e.hasUnion, now, now],
      )
    }
  })
}

export async function createHttpWorld(
  provider: TProvider,
  overrides: Partial<TAppDeps> = {},
): Promise<THttpWorld & { t: TTestDatabase }> {
  const t = await createTestDatabase(provider)
  const db = await connect(t)
  const clock = new ManualClock('2026-06-04T02:00:00.000Z')
  const calendars = createCalendarStore(db)
  const engine = createEngine({ db, clock, nodeId: 'http-test', computeDeadline: calendars.calculator })
  const now = clock.now().toISOString()
  await seedReference(db, now)
  const passwordHash = await hashPassword(PASSWORD)
  const userIds = {} as Record<TUserKey, string>
  for (const [key, memberships] of Object.entries(USERS) as [TUserKey, readonly TMembershipInput[]][]) {
    const u = await createUser(db, { email: emailOf(key), displayName: key, passwordHash, memberships: [...memberships] }, now)
    userIds[key] = u.id
  }
  const app = createApp({
    logger: pino({ level: 'silent' }),
    health: healthCheck(db),
    isReady: () => true,
    engine,
    calendars,
    checkResponses: true,
    // Tests move the clock by weeks; sessions last a year unless a test says otherwise.
    auth: { sessionTtlMs: 365 * 86_400_000 },
    ...overrides,
  })
  const cookies = new Map<TUserKey, string>()
  const cookieOf = async (user: TUserKey) => {
    let c = cookies.get(user)
    if (!c) {
      const res = await request(app)
        .post('/api/v1/auth/login')
        .set('X-Requested-With', 'test')
        .send({ email: emailOf(user), password: PASSWORD })
      if (res.status !== 200) throw new Error(`login of ${user} failed: ${res.status} ${JSON.stringify(res.body)}`)
      c = String((res.headers['set-cookie'] as unknown as string[])[0]).split(';')[0]!
      cookies.set(user, c)
    }
    return c
  }
  // Sign everyone in once, up front (argon2 verification takes a few tens of milliseconds each).
  for (const key of Object.keys(USERS) as TUserKey[]) await cookieOf(key)
  const tokens = new Map<TUserKey, string>()
  const world: THttpWorld & { t: TTestDatabase } = {
    t,
    provider,
    db,
    clock,
    engine,
    calendars,
    app,
    userIds,
    as: (user) => client(app, { Cookie: cookies.get(user)!, 'X-Requested-With': 'test' }),
    asWithoutCsrf: (user) => client(app, { Cookie: cookies.get(user)! }),
    withToken: async (user) => {
      let token = tokens.get(user)
      if (!token) {
        const res = await world.as(user).post('/api/v1/auth/tokens').send({ name: 'test' })
        if (res.status !== 201) throw new Error(`token of ${user}: ${res.status}`)
        token = res.body.token as string
        tokens.set(user, token)
      }
      return client(app, { Authorization: `Bearer ${token}` })
    },
    anon: client(app, {}),
    counts: async () => {
      const sql = `SELECT ${TABLES.map((t) => `(SELECT CAST(COUNT(*) AS INTEGER) FROM "${t}") AS "${t}"`).join(', ')}`
      const row = await db.read(function* () {
        return (yield* one<Record<string, number>>(sql))!
      })
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<(typeof TABLES)[number], number>
    },
    close: async () => {
      await db.close()
      await t.drop()
    },
  }
  return world
}

/** Request body of request.sent by a side. */
export const requestSentBody = (by: 'worker' | 'employer', sentOn = '2026-06-04') => ({
  type: 'request.sent',
  by,
  sentOn,
  proposedTime: '2026年6月15日上午9时',
  proposedPlace: '公司三楼第一会议室',
  content: '就2026年度职工工资调整事项进行集体协商。',
})

/** Opens a case for an enterprise through the API as a user; returns its id. */
export async function openCase(
  w: THttpWorld,
  user: TUserKey,
  enterpriseId: string,
  jurisdiction = 'national',
): Promise<string> {
  const res = await w.as(user).post('/api/v1/cases').send({ enterpriseId, kind: 'wageAgreement', jurisdiction })
  if (res.status !== 201) throw new Error(`open case: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.caseId as string
}

/** A case of an enterprise in awaitingReply: the worker side's request sent and received (through the API). */
export async function caseAwaitingReply(
  w: THttpWorld,
  union: TUserKey,
  enterpriseId: string,
  jurisdiction = 'national',
): Promise<string> {
  const caseId = await openCase(w, union, enterpriseId, jurisdiction)
  const sent = await w.as(union).post(`/api/v1/cases/${caseId}/events`).send(requestSentBody('worker'))
  if (sent.status !== 201) throw new Error(`request.sent: ${sent.status} ${JSON.stringify(sent.body)}`)
  const received = await w
    .as(union)
    .post(`/api/v1/cases/${caseId}/events`)
    .send({ type: 'request.received', receivedOn: '2026-06-04', proof: '企业行政部签收回执' })
  if (received.status !== 201) throw new Error(`request.received: ${received.status} ${JSON.stringify(received.body)}`)
  return caseId
}

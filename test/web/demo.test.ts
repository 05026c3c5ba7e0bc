/**
 * The demo seed (npm run demo) on a fresh SQLite database, through real events and the congress module: the main
 * Guangzhou case after four rounds and a 60-seat congress, under review on day 6 of 15 in the demo reviewer's
 * inbox; last year's agreement in force by deemed approval on the public register; an open vote whose printed link
 * opens a ballot. Checked through the pages (HTTP, no browser).
 */
import { pino } from 'pino'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { ManualClock } from '../../src/engine/clock.js'
import { createEngine, type TEngine } from '../../src/engine/engine.js'
import { healthCheck } from '../../src/engine/health.js'
import { getCase } from '../../src/engine/queries.js'
import { createApp, type TApp } from '../../src/http/app.js'
import { DEMO_ACCOUNTS, seedDemo, type TDemoResult } from '../../src/demo/seed.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import { connect, createTestDatabase, type TTestDatabase } from '../support/databases.js'

const PASSWORD = 'demo password for tests'

describe('the demo seed', () => {
  let t: TTestDatabase
  let db: TDatabase
  let engine: TEngine
  let app: TApp
  let demo: TDemoResult

  beforeAll(async () => {
    t = await createTestDatabase('sqlite')
    db = await connect(t)
    const clock = new ManualClock('2026-11-23T02:00:00.000Z')
    const calendars = createCalendarStore(db)
    await calendars.refresh()
    engine = createEngine({ db, clock, nodeId: 'demo-test', computeDeadline: calendars.calculator })
    demo = await seedDemo(db, engine, { password: PASSWORD })
    app = createApp({ logger: pino({ level: 'silent' }), health: healthCheck(db), isReady: () => true, engine, calendars, auth: { sessionTtlMs: 86_400_000 } })
  }, 180_000)
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  /** A browser-like session: the sign-in form with its token and origin. */
  async function signIn(email: string) {
    const agent = request.agent(app)
    const form = await agent.get('/login')
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!
    const res = await agent.post('/login').set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').type('form').send({ _csrf: token, email, password: PASSWORD, next: '/' })
    expect(res.status).toBe(303)
    return agent
  }

  it('seeds accounts for every role and reaches the main case through four rounds and a 60-seat congress', async () => {
    expect(demo.seeded).toBe(true)
    expect(demo.accounts.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email))
    const view = await getCase(db, demo.caseId!)
    expect(view.state).toBe('underReview')
    const c = view.context as TNegotiationContext
    expect(c.rounds.map((r) => r.number)).toEqual([1, 2, 3, 4])
    expect(c.congressVotes).toEqual([expect.objectContaining({ totalSeats: 60, present: 54, passed: true, ballot: 'secret' })])
    expect(c.draft?.clauses?.length).toBeGreaterThanOrEqual(9)
    expect(view.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['requestLetter', 'teamList', 'minutes', 'draft', 'congressResolution', 'agreement', 'filingPackage', 'filingReceipt']))
    // A second start changes nothing.
    expect((await seedDemo(db, engine)).seeded).toBe(false)
  })

  it('puts the filing in the demo reviewer’s inbox on day 6 of 15, with last year’s deemed approval', async () => {
    const agent = await signIn('reviewer@tianhe-hrss.example')
    const inbox = await agent.get('/bureau')
    expect(inbox.status).toBe(200)
    expect(inbox.text).toContain('广州市天河精工制造有限公司')
    expect(inbox.text).toContain('第 6 天 / 共 15 天')
    expect(inbox.text).toContain('广州天河华美食品有限公司')
  })

  it('shows the union negotiator the case with its timeline and the congress result', async () => {
    const agent = await signIn('union@tianhe-precision.example')
    const page = await agent.get(`/cases/${demo.caseId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('审查中')
    expect(page.text).toContain('第三届职工代表大会第二次会议')
    expect(page.text.match(/协商会议及纪要/g)?.length).toBeGreaterThanOrEqual(4)
  })

  it('lists last year’s agreement on the public register', async () => {
    const page = await request(app).get('/register?region=440106')
    expect(page.text).toContain('广州天河华美食品有限公司')
    expect(page.text).toContain('视为同意')
  })

  it('prints a voting link that opens a ballot', async () => {
    const [path, token] = demo.voteLink!.path.split('#') as [string, string]
    expect((await request(app).get(path)).status).toBe(200)
    const ballot = await request(app).post(path).set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').type('form').send({ credential: token })
    expect(ballot.status).toBe(200)
    expect(ballot.text).toContain('职工年度平均工资增长6.0%')
    expect(ballot.text).toContain('value="agree"')
  })
})

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
import { createEffectHandlers } from '../../src/effects/index.js'
import { runOutbox } from '../../src/engine/outbox.js'
import { pdfPages, squash, writePdf } from '../documents/pdf-tools.js'

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
    // A year: the cookie's Expires comes from the manual clock and must lie ahead of the real date too.
    app = createApp({ logger: pino({ level: 'silent' }), health: healthCheck(db), isReady: () => true, engine, calendars, auth: { sessionTtlMs: 365 * 86_400_000 } })
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

  it('carries four rounds of structured proposals on recorded figures, with the diff and the costing on the case page', async () => {
    const c = (await getCase(db, demo.caseId!)).context as TNegotiationContext
    // GZ 8: enterprise performance, the regional wage level and the CPI, each with its source; the audited profit
    // replaced the first figure before round 2 (both versions kept).
    expect(Object.keys(c.preparation.figures.enterprise)).toEqual(expect.arrayContaining(['groups', 'lastYearPayrollFen', 'revenueFen', 'profitFen', 'labourProductivityFen', 'currentAllowances']))
    expect(Object.keys(c.preparation.figures.regional)).toEqual(expect.arrayContaining(['minimumWage', 'wageGuideline', 'urbanCpi', 'regionalAverageWage', 'industryAverageWage', 'marketWagePrices']))
    expect(c.preparation.figureHistory.filter((r) => r.enterprise?.profitFen).map((r) => r.enterprise!.profitFen!.source)).toEqual([expect.stringContaining('未经审计'), expect.stringContaining('审计报告')])
    expect(c.rounds.map((r) => r.clauseProposals?.map((p) => p.side))).toEqual([['worker', 'employer'], ['worker', 'employer'], ['worker', 'employer'], ['worker', 'employer']])

    const agent = await signIn('union@tianhe-precision.example')
    const page = await agent.get(`/cases/${demo.caseId}`)
    const section = page.text.slice(page.text.indexOf('id="pc-h"'), page.text.indexOf('id="cg-h"'))
    expect(section).toContain('方案与测算')
    // The diff of each round, with who moved.
    expect(section).toContain('平均工资增幅：职工方由 8.0% 调整为 7.5%')
    expect(section).toContain('企业最低工资：企业方由 2,450元/月 调整为 2,600元/月')
    expect(section).toContain('平均工资增幅：双方商定 6.5%（职工方、企业方提出）')
    // The costing with its flags: round 1's employer minimum is below Guangzhou's 2,500 yuan (LCL 55).
    expect(section).toContain('企业最低工资2,450元/月低于当地最低工资标准2,500元/月')
    expect(section).toContain('实际工资增幅')
    expect(section).toContain('合计')
    expect(section.match(/<table class="costing">/g)?.length).toBeGreaterThanOrEqual(8)
    expect(section).toContain('广东省人民政府：广东省调整企业职工最低工资标准（2025年3月1日起）')

    // The preparation brief on request: queued once per event, rendered by the outbox worker, listed, readable.
    const form = /action="\/cases\/[^"]+\/documents\/preparation-brief"[^>]*>\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(page.text)
    expect(form).not.toBeNull()
    const post = () => agent.post(`/cases/${demo.caseId}/documents/preparation-brief`).set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').type('form').send({ _csrf: form![1] })
    expect((await post()).status).toBe(303)
    expect((await post()).status).toBe(303)
    await runOutbox({ db, clock: engine.clock, nodeId: 'demo-test', handlers: createEffectHandlers({ db, clock: engine.clock }) })
    const briefs = (await getCase(db, demo.caseId!)).documents.filter((d) => d.kind === 'preparationBrief')
    expect(briefs.map((d) => d.title)).toEqual([expect.stringMatching(/^协商准备材料（截至第4次协商会议/)])
    const pdf = await agent.get(`/cases/${demo.caseId}/documents/${briefs[0]!.id}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = []
      res.on('data', (b: Buffer) => chunks.push(b))
      res.on('end', () => cb(null, Buffer.concat(chunks)))
    })
    const text = squash(pdfPages(writePdf('demo-brief', pdf.body as Buffer)).join(''))
    expect(text).toContain('工资集体协商准备材料')
    expect(text).toContain('（一）职工方方案（截至第4次协商会议）')
    // The employer's latest position: 6.5% on every group, the night allowance from 300 to 420 yuan for 120 employees.
    expect(text).toContain('合计38,311,200.0040,974,228.002,663,028.006.95%')
    expect(text).toContain('实际工资增幅6.52%')
    const worker = await signIn('worker@tianhe-precision.example')
    expect((await worker.get(`/cases/${demo.caseId}`)).text).not.toContain('id="pc-h"')
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

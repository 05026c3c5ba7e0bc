/**
 * The whole path through the pages, as the four roles, in Debian's Chromium: a union negotiator opens a case and
 * sends the request, the employer answers, both appoint their teams (a refused team first: the rule and its
 * article are shown next to the form), rounds with structured proposals and the agreed clauses, the draft, the
 * congress (roster of three, convening, two representatives voting on a 360 px phone — one from the credential
 * link, one typing the printed code — and the union closing the vote), signing, filing, the bureau's registration and approval, publication by both sides,
 * the public register; then the administrator's pages. axe-core checks every page (no serious or critical
 * violation); each role's main page is saved (to docs/screenshots/ when UPDATE_SCREENSHOTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { ACCOUNTS, createAxeLog, ENTERPRISE, launchChromium, PASSWORD, screenshot, startWebWorld, type TRole, type TWebWorld } from './world.js'

/** The text of every element the locator matches (hidden ones included). */
const textOf = async (l: Locator) => (await l.allTextContents()).join('\n')
const sanitize = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_')
const formOf = (type: string) => `#ev-${type.replace(/\./g, '-')}`
/** The element id of field `path` (`members.1.name`, `agreedClauses.0.~kind`, `agreedClauses.0.@term.months`). */
const fieldOf = (type: string, path: string) => `${formOf(type)}-${sanitize(`f.${path}`)}`

describe('the web application in Chromium', () => {
  let w: TWebWorld
  let browser: Browser
  const contexts = new Map<string, BrowserContext>()
  const pages = new Map<string, Page>()
  const axe = createAxeLog()
  let caseId = ''
  const pageErrors: string[] = []

  beforeAll(async () => {
    ;[w, browser] = await Promise.all([startWebWorld(), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await w?.close()
  })

  async function pageAs(who: TRole | 'voter' | 'public'): Promise<Page> {
    let p = pages.get(who)
    if (p) return p
    const phone = who === 'voter'
    const ctx = await browser.newContext({
      viewport: phone ? { width: 360, height: 740 } : { width: 1280, height: 900 },
      ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      locale: 'zh-CN',
    })
    contexts.set(who, ctx)
    p = await ctx.newPage()
    p.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`))
    pages.set(who, p)
    if (who !== 'voter' && who !== 'public') {
      await p.goto(`${w.url}/login`)
      if (who === 'union') await axe.check(p, 'sign-in')
      await p.fill('#email', ACCOUNTS[who].email)
      await p.fill('#password', PASSWORD)
      await Promise.all([p.waitForURL(`${w.url}/`), p.click('main button[type=submit]')])
    }
    return p
  }

  async function goto(p: Page, path: string, name?: string) {
    await p.goto(`${w.url}${path}`)
    if (name) await axe.check(p, name)
  }

  const casePage = async (who: TRole, name?: string) => {
    const p = await pageAs(who)
    await goto(p, `/cases/${caseId}`, name)
    return p
  }

  async function openForm(p: Page, type: string) {
    const details = p.locator(formOf(type))
    expect(await details.count(), `the action ${type} is offered`).toBe(1)
    if (!(await details.evaluate((d) => (d as unknown as { open: boolean }).open))) await details.locator('summary').click()
    return details
  }

  async function submit(p: Page, type: string, expectOk = true) {
    await Promise.all([p.waitForNavigation(), p.locator(`${formOf(type)} form > button[type=submit]`).click()])
    if (expectOk) {
      const flash = await p.locator('.flash').textContent()
      expect(flash, `${type}: ${await p.locator('.error-summary').allTextContents()}`).toContain('已记录')
    }
  }

  const state = (p: Page) => p.locator('.case-head .badge').textContent()

  it('walks from the request to the agreement in force, as the four roles', { timeout: 240_000 }, async () => {
    // ---- union negotiator: home, a new case, the request ----
    const union = await pageAs('union')
    await axe.check(union, 'union home (empty)')
    await goto(union, '/cases/new', 'open a case')
    await union.selectOption('#enterpriseId', ENTERPRISE.id)
    await Promise.all([union.waitForNavigation(), union.click('main form button[type=submit]')])
    caseId = /\/cases\/([^/?#]+)/.exec(union.url())![1]!
    expect(await state(union)).toBe('准备要约')
    await axe.check(union, 'case: drafting the request')

    await openForm(union, 'request.sent')
    await union.fill(fieldOf('request.sent', 'proposedPlace'), '公司行政楼三楼第一会议室')
    await submit(union, 'request.sent')
    await openForm(union, 'request.received')
    await union.fill(fieldOf('request.received', 'proof'), '企业行政部签收回执（编号 XZ-2026-118）')
    await submit(union, 'request.received')
    expect(await state(union)).toBe('等待书面答复')
    // The reply deadline, with how it is counted: 20 days from receipt.
    expect(await textOf(union.locator('.deadlines'))).toContain('2026年6月24日')

    // ---- employer negotiator: answers ----
    const employer = await casePage('employer', 'case: awaiting the reply (employer)')
    await openForm(employer, 'request.answered')
    await submit(employer, 'request.answered')
    expect(await state(employer)).toBe('确定协商代表')

    // ---- the teams: a team of one is refused with the article, then three ----
    await union.reload()
    await openForm(union, 'team.appointed')
    await submit(union, 'team.appointed', false)
    expect(await textOf(union.locator(`${formOf('team.appointed')} .error-summary`))).toContain('JHR 19')
    await axe.check(union, 'case: a refused form')
    await union.fill(fieldOf('team.appointed', 'members.1.id'), 'w1')
    await union.fill(fieldOf('team.appointed', 'members.1.name'), '赵建华')
    await union.click(`${formOf('team.appointed')} [data-add-row="f.members"]`)
    await union.fill(fieldOf('team.appointed', 'members.2.id'), 'w2')
    await union.fill(fieldOf('team.appointed', 'members.2.name'), '林小红')
    await submit(union, 'team.appointed')

    await employer.reload()
    await openForm(employer, 'team.appointed')
    await employer.fill(fieldOf('team.appointed', 'members.1.id'), 'e1')
    await employer.fill(fieldOf('team.appointed', 'members.1.name'), '黄丽萍')
    await employer.click(`${formOf('team.appointed')} [data-add-row="f.members"]`)
    await employer.fill(fieldOf('team.appointed', 'members.2.id'), 'e2')
    await employer.fill(fieldOf('team.appointed', 'members.2.name'), '周文斌')
    await submit(employer, 'team.appointed')
    await openForm(employer, 'recorder.appointed')
    await employer.fill(fieldOf('recorder.appointed', 'recorder.name'), '王芳')
    await submit(employer, 'recorder.appointed')
    expect(await state(employer)).toBe('协商准备')

    // ---- preparation and round 1 with a structured proposal ----
    await union.reload()
    await openForm(union, 'agenda.drafted')
    await submit(union, 'agenda.drafted')
    await openForm(union, 'meeting.scheduled')
    await union.fill(fieldOf('meeting.scheduled', 'meetingOn'), '2026-06-04')
    await submit(union, 'meeting.scheduled')
    await openForm(union, 'round.held')
    await union.selectOption(fieldOf('round.held', 'clauseProposals.0.side'), 'worker')
    await union.selectOption(fieldOf('round.held', 'clauseProposals.0.clauses.0.~kind'), 'averageWageIncrease')
    await union.fill(fieldOf('round.held', 'clauseProposals.0.clauses.0.@averageWageIncrease.basisPoints'), '8')
    await union.fill(fieldOf('round.held', 'openItems'), '平均工资增长幅度')
    await submit(union, 'round.held')
    expect(await state(union)).toBe('协商会议')
    expect(await textOf(union.locator('section[aria-labelledby=ag-h]'))).toContain('平均工资增幅8.0%')

    // ---- round 2 (the employer chairs): agreement, the nine GZ 7 items as clauses ----
    await employer.reload()
    await openForm(employer, 'round.held')
    const t = 'round.held'
    const clauses: [string, Record<string, string>, Record<string, string>?][] = [
      ['term', { months: '12', startsOn: '2026-07-01' }],
      ['averageWageIncrease', { basisPoints: '6.5' }],
      ['enterpriseMinimumWage', { fenPerMonth: '2700' }],
      ['payDay', { dayOfMonth: '10' }],
      ['allowance', { name: '夜班津贴', fenPerMonth: '420', eligible: '上夜班的职工' }, { 'appliesTo.~variant': '0' }],
      ['changeProcedure', { text: '任何一方可以书面提出变更或者解除本协议的要求。' }],
      ['termination', { text: '本协议期限届满即行终止。' }],
      ['liability', { text: '违反本协议的，依法承担责任。' }],
      ['text', { id: 'other', text: '本协议未尽事宜，按国家和地方有关规定执行。' }, { item: 'other' }],
    ]
    for (const [i, [kind, fills, selects]] of clauses.entries()) {
      if (i > 0) await employer.click(`${formOf(t)} [data-add-row="f.agreedClauses"]`)
      await employer.selectOption(fieldOf(t, `agreedClauses.${i}.~kind`), kind)
      for (const [k, v] of Object.entries(fills)) await employer.fill(fieldOf(t, `agreedClauses.${i}.@${kind}.${k}`), v)
      for (const [k, v] of Object.entries(selects ?? {})) await employer.selectOption(fieldOf(t, `agreedClauses.${i}.@${kind}.${k}`), v)
    }
    await employer.selectOption(fieldOf(t, 'outcome'), 'agreed')
    await employer.fill(fieldOf(t, 'agreedItems'), '平均工资增长6.5%')
    await employer.fill(fieldOf(t, 'openItems'), '')
    await submit(employer, t)

    // ---- the draft, prefilled from the agreed clauses ----
    await union.reload()
    await openForm(union, 'draft.agreed')
    await submit(union, 'draft.agreed')
    expect(await state(union)).toBe('提交职工代表大会审议')
    await axe.check(union, 'case: awaiting the congress')

    // ---- the congress: roster, then convening once the draft PDF is rendered ----
    await union.fill('#roster-seats', '3')
    await union.fill('#roster-csv', '姓名,单位,电子邮箱,电话,一线职工,管理人员,女职工\n陈小兰,一车间,,,是,,是\n刘志强,二车间,,,是,,\n黄海燕,质检部,,,,,是\n')
    await Promise.all([union.waitForNavigation(), union.click('#roster form > button[type=submit]')])
    for (let i = 0; i < 100 && (await union.locator('#convene-f_documentSha256 option[value]:not([value=""])').count()) === 0; i++) {
      await union.waitForTimeout(200)
      await union.reload()
    }
    await union.locator('#convene summary').click()
    await union.fill('#convene-f_scrutineers_0_name', '吴丽华')
    await union.fill('#convene-f_tellers_0_name', '郑国强')
    await Promise.all([union.waitForNavigation(), union.click('#convene form > button[type=submit]')])
    await axe.check(union, 'voting credentials (shown once)')
    const links = await union.locator('a.vote-link').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href))
    const codes = await union.locator('table.credentials code.code').allTextContents()
    expect(links).toHaveLength(3)

    // ---- two of the three representatives vote on a 360 px phone (the last ballot would close the vote) ----
    const voter = await pageAs('voter')
    for (const [i, link] of links.slice(0, 2).entries()) {
      if (i === 0) {
        await voter.goto(link)
      } else {
        // Without the link: the printed code typed into the form.
        await voter.goto(link.replace(/#.*$/, ''))
        await axe.check(voter, 'vote: the code form')
        await voter.fill('#credential', codes[i]!.replace(/-/g, ' '))
        await Promise.all([voter.waitForNavigation(), voter.click('#code-form button')])
      }
      await voter.waitForSelector('#sess-h')
      expect(voter.url()).not.toContain('#')
      if (i === 0) {
        await axe.check(voter, 'vote: the ballot (360 px)')
        await screenshot(voter, 'worker-representative-ballot')
        expect(await voter.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360)
        // Confirm without a choice: the ballot comes back asking for one.
        await Promise.all([voter.waitForNavigation(), voter.click('main form[action$="/confirm"] button.big')])
        expect(await textOf(voter.locator('.error-summary'))).toContain('每个事项都要选择')
      }
      for (const item of await voter.locator('fieldset.vote-item').all()) await item.locator('input[value=agree]').check()
      await Promise.all([voter.waitForNavigation(), voter.click('main form[action$="/confirm"] button.big')])
      if (i === 0) await axe.check(voter, 'vote: confirmation')
      await Promise.all([voter.waitForNavigation(), voter.click('form[action$="/cast"] button')])
      const receipt = await voter.locator('#receipt').textContent()
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/)
      if (i === 0) {
        await axe.check(voter, 'vote: the receipt')
        await screenshot(voter, 'worker-representative-receipt', false)
        // The same link again: already voted, nothing else shown.
        await voter.goto(link)
        expect(await textOf(voter.locator('main'))).toContain('您已经投过票')
      }
    }

    // ---- the union closes the vote: counted, certified to the case ----
    await union.goto(`${w.url}/cases/${caseId}`)
    await Promise.all([union.waitForNavigation(), union.click('form[action$="/close"] button')])
    expect(await state(union)).toBe('首席代表签字')
    expect(await textOf(union.locator('section[aria-labelledby=cg-h]'))).toContain('结果已认证')
    await openForm(union, 'agreement.signed')
    await submit(union, 'agreement.signed')
    expect(await state(union)).toBe('报送备案')

    // ---- the employer files (the filing package is generated) ----
    await employer.reload()
    await openForm(employer, 'agreement.filed')
    await submit(employer, 'agreement.filed')
    expect(await state(employer)).toBe('等待登记收件')
    await screenshot(employer, 'employer-case-filing', 1800)
    await goto(employer, '/', 'employer home')
    await screenshot(employer, 'employer-home')

    // ---- the bureau: inbox, registration (day 0 of 15), approval ----
    const bureau = await pageAs('bureau')
    await axe.check(bureau, 'bureau home')
    await goto(bureau, '/bureau', 'bureau inbox (to register)')
    expect(await textOf(bureau.locator('section[aria-labelledby=tr-h]'))).toContain(ENTERPRISE.name)
    await goto(bureau, `/cases/${caseId}`, 'case: awaiting registration (bureau)')
    await openForm(bureau, 'filing.registered')
    await bureau.fill(fieldOf('filing.registered', 'registrationNumber'), '穗天人社集审〔2026〕18号')
    await submit(bureau, 'filing.registered')
    expect(await state(bureau)).toBe('审查中')
    await goto(bureau, '/bureau', 'bureau inbox (under review)')
    expect(await textOf(bureau.locator('section[aria-labelledby=rv-h]'))).toContain('第 0 天 / 共 15 天')
    await screenshot(bureau, 'bureau-reviewer-inbox')
    await goto(bureau, `/cases/${caseId}`)
    await openForm(bureau, 'review.approved')
    await submit(bureau, 'review.approved')
    expect(await state(bureau)).toBe('已生效，待公布')

    // ---- publication by both sides ----
    await employer.goto(`${w.url}/cases/${caseId}`)
    await openForm(employer, 'agreement.published')
    await submit(employer, 'agreement.published')
    await union.goto(`${w.url}/cases/${caseId}`)
    await openForm(union, 'agreement.published')
    await submit(union, 'agreement.published')
    expect(await state(union)).toBe('已生效并公布')
    await axe.check(union, 'case: in force (timeline, documents, audit log)')
    const documents = await union.locator('section[aria-labelledby=docs-h] tbody tr').allTextContents()
    expect(documents.join('\n')).toContain('报送')
    await union.locator('section[aria-labelledby=au-h] details summary').click()
    expect(await union.locator('table.audit tbody tr').count()).toBeGreaterThanOrEqual(19)
    await screenshot(union, 'union-case-page', 1800)
    await goto(union, '/', 'union home')
    await screenshot(union, 'union-home', false)
    await goto(union, '/cases', 'union cases')
    await screenshot(union, 'union-cases')

    // ---- the public register ----
    const anyone = await pageAs('public')
    await goto(anyone, '/register', 'public register')
    expect(await textOf(anyone.locator('main table'))).toContain(ENTERPRISE.name)
    expect(await textOf(anyone.locator('main table'))).toContain('穗天人社集审〔2026〕18号')
    await goto(anyone, '/register?region=440106&industry=C34&q=天河', 'public register (search)')
    expect(await textOf(anyone.locator('main table'))).toContain(ENTERPRISE.name)
    await goto(anyone, '/register?industry=F', 'public register (no match)')
    expect(await textOf(anyone.locator('main'))).toContain('没有符合条件的合同')
    await goto(anyone, '/register')
    await screenshot(anyone, 'public-register')

    // ---- English ----
    await goto(union, `/cases/${caseId}?lang=en`, 'case page in English')
    expect(await state(union)).toBe('In force and published')
    expect(await textOf(union.locator('main'))).toContain('4 June 2026')
    await goto(union, '/?lang=zh')

    // ---- the worker representative's account: the case, without the negotiation record ----
    const worker = await casePage('worker', 'case (worker representative)')
    expect(await worker.locator('section[aria-labelledby=tl-h]').count()).toBe(0)
    expect(await worker.locator('section[aria-labelledby=docs-h]').isVisible()).toBe(true)

    expect(pageErrors).toEqual([])
  })

  it('administers users, regions, enterprises (CSV import with per-row errors), the outbox and mail', { timeout: 120_000 }, async () => {
    const admin = await pageAs('admin')
    await axe.check(admin, 'admin home')
    await screenshot(admin, 'admin-home')
    await goto(admin, '/admin/users', 'admin: users')
    await admin.fill('#nu-email', 'new.union@web.example')
    await admin.fill('#nu-name', '新工会干部')
    await admin.fill('#nu-pw', 'a long enough password')
    await admin.selectOption('#nu-role', 'unionNegotiator')
    await admin.selectOption('#nu-ent', ENTERPRISE.id)
    await Promise.all([admin.waitForNavigation(), admin.click('section[aria-labelledby=nu-h] button[type=submit]')])
    expect(await textOf(admin.locator('main table'))).toContain('new.union@web.example')
    await goto(admin, '/admin/regions', 'admin: regions')
    expect(await textOf(admin.locator('main'))).toContain('天河区')

    await goto(admin, '/admin/enterprises', 'admin: enterprises')
    const header = '统一社会信用代码,企业名称,行政区划代码,行业代码,职工人数,是否建立工会,法定代表人,地址'
    await admin.fill('#imp-csv', `${header}\n91440106MA5C00009X,坏代码有限公司,440106,C3484,100,是,,\n91440101MA5C000010,无名称,999999,Z99,0,否,,\n`)
    await Promise.all([admin.waitForNavigation(), admin.click('section[aria-labelledby=imp-h] form > button[type=submit]')])
    const errors = admin.locator('section[aria-labelledby=imp-h] .error-summary')
    expect(await textOf(errors)).toContain('第 2 行')
    expect(await textOf(errors)).toContain('第 3 行')
    await axe.check(admin, 'admin: CSV import refused (per-row errors)')
    const { creditCode } = await import('../support/http.js')
    await admin.fill('#imp-csv', `${header}\n${creditCode('440106', 12_345)},广州天河示范电子有限公司,440106,C3971,180,是,周敏,广州市天河区\n`)
    await Promise.all([admin.waitForNavigation(), admin.click('section[aria-labelledby=imp-h] form > button[type=submit]')])
    expect(await textOf(admin.locator('main'))).toContain('已导入 1 家企业')
    expect(await textOf(admin.locator('main table'))).toContain('广州天河示范电子有限公司')

    await goto(admin, '/admin/outbox', 'admin: outbox')
    expect(await textOf(admin.locator('main table'))).toContain('document.render')
    await goto(admin, '/admin/outbox?status=dead', 'admin: dead letters')
    await goto(admin, '/admin/mail', 'admin: mail')
    await goto(admin, '/cases', 'admin: all cases')
    await goto(admin, '/admin/nothing-here', 'a page that does not exist')
    expect(pageErrors).toEqual([])
  })

  it('refuses forms without the anti-CSRF token or from another origin', async () => {
    const cookies = await contexts.get('union')!.cookies()
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const union = pages.get('union')!
    await union.goto(`${w.url}/cases/${caseId}`)
    const token = await union.locator('input[name=_csrf]').first().inputValue()
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${w.url}/logout`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers }, body })
    expect((await post({ Origin: w.url }, '')).status).toBe(403)
    expect((await post({ Origin: w.url }, '_csrf=forged')).status).toBe(403)
    expect((await post({ Origin: 'https://evil.example' }, `_csrf=${encodeURIComponent(token)}`)).status).toBe(403)
    expect((await post({ 'Sec-Fetch-Site': 'cross-site' }, `_csrf=${encodeURIComponent(token)}`)).status).toBe(403)
    // The API's own rule still holds for the same cookie: no X-Requested-With, no state change.
    const api = await fetch(`${w.url}/api/v1/auth/logout`, { method: 'POST', headers: { Cookie: cookie } })
    expect(api.status).toBe(403)
    // And the real form works.
    expect((await post({ Origin: w.url }, `_csrf=${encodeURIComponent(token)}`)).status).toBe(303)
  })

  it('checked every page with axe-core', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(30)
    expect(axe.checked.filter((c) => c.violations.length > 0)).toEqual([])
  })
})

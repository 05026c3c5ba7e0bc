/**
 * The demo case's "方案与测算 / Proposals and costing" section in Debian's Chromium: four rounds of proposals, what
 * changed at each round and who proposed it, the costing tables with their flags (round 1's employer minimum below
 * Guangzhou's minimum wage, LCL 55), accessible table markup (axe-core), English; and the 协商准备材料 asked for from
 * the page, rendered by the outbox worker and listed under the documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import { createAxeLog, launchChromium, SCREENSHOT_DIR, startDemoWorld } from './world.js'

const PASSWORD = 'demo password for browser tests'
type TDemoWorld = Awaited<ReturnType<typeof startDemoWorld>>

describe('proposals and costing on the demo case page', () => {
  let w: TDemoWorld
  let browser: Browser
  let page: Page
  const axe = createAxeLog()
  const errors: string[] = []

  beforeAll(async () => {
    ;[w, browser] = await Promise.all([startDemoWorld(PASSWORD), launchChromium()])
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    page = await ctx.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${w.url}/login`)
    await page.fill('#email', 'union@tianhe-precision.example')
    await page.fill('#password', PASSWORD)
    await Promise.all([page.waitForURL(`${w.url}/`), page.click('main button[type=submit]')])
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await w?.close()
  })

  const section = () => page.locator('section[aria-labelledby=pc-h]')
  const round = (n: number) => section().locator('details.round').nth(n - 1)

  it('shows each round’s clauses, the changes with who proposed them, and the costing with its flags', { timeout: 120_000 }, async () => {
    await page.goto(`${w.url}/cases/${w.demo.caseId}`)
    await axe.check(page, 'demo case: proposals and costing')
    expect(await section().locator('h2').textContent()).toBe('方案与测算')
    expect(await section().locator('details.round').count()).toBe(4)
    // The last round is open; the positions table has a header cell per party and a row header per clause.
    expect(await round(4).evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true)
    const positions = round(4).locator('table').first()
    expect(await positions.locator('thead th[scope=col]').allTextContents()).toEqual(['条款', '职工方', '企业方', '双方商定'])
    expect(await positions.locator('tbody th[scope=row]').allTextContents()).toContain('平均工资增幅')

    // Round 1: the first proposals, and the employer's enterprise minimum flagged against the minimum wage.
    await round(1).locator('summary').click()
    const first = (await round(1).innerText()).replace(/\s+/g, ' ')
    expect(first).toContain('平均工资增幅：职工方提出 8.0%')
    expect(first).toContain('平均工资增幅：企业方提出 4.0%')
    expect(first).toContain('低于法定标准：')
    expect(first).toContain('企业最低工资2,450元/月低于当地最低工资标准2,500元/月')
    // Round 2: who moved, and the employer's correction.
    await round(2).locator('summary').click()
    const second = (await round(2).innerText()).replace(/\s+/g, ' ')
    expect(second).toContain('与第1次会议相比的变化')
    expect(second).toContain('平均工资增幅：职工方由 8.0% 调整为 7.5%')
    expect(second).toContain('企业最低工资：企业方由 2,450元/月 调整为 2,600元/月')
    expect(second).toContain('加班工资计算基数：双方商定 以标准工资为基数')
    // Round 4: the agreement, proposed by both sides; the employer's position costed (6.5% on every group).
    const fourth = (await round(4).innerText()).replace(/\s+/g, ' ')
    expect(fourth).toContain('平均工资增幅：双方商定 6.5%（职工方、企业方提出）')
    const employerCosting = round(4).locator('table.costing').nth(1)
    expect(await employerCosting.locator('caption').textContent()).toContain('企业方')
    const total = employerCosting.locator('tr.total')
    expect((await total.locator('th, td').allTextContents()).map((x) => x.trim())).toEqual(['合计', '420', '7,601.43', '8,129.81', '6.95%', '2,663,028.00'])
    expect(fourth).toContain('城镇居民消费价格指数涨幅：0.40%')
    expect(fourth).toContain('实际工资增幅6.52%')
    await axe.check(page, 'demo case: every round open')
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await section().screenshot({ path: path.join(SCREENSHOT_DIR, 'union-case-proposals-and-costing.png') })
  })

  it('asks for the preparation brief from the page and lists it once rendered', { timeout: 120_000 }, async () => {
    await page.goto(`${w.url}/cases/${w.demo.caseId}`)
    await Promise.all([page.waitForNavigation(), section().locator('form.brief-request button[type=submit]').click()])
    expect(page.url()).toContain('requested=preparationBrief')
    expect(await page.locator('main').innerText()).toContain('已请求生成协商准备材料')
    const listed = page.locator('section[aria-labelledby=docs-h] tbody tr', { hasText: '协商准备材料' })
    for (let i = 0; i < 50 && (await listed.count()) === 0; i++) {
      await page.waitForTimeout(200)
      await page.reload()
    }
    expect(await listed.count()).toBe(1)
    expect(await listed.locator('th').textContent()).toContain('协商准备材料（截至第4次协商会议')
    await axe.check(page, 'demo case: brief requested')
  })

  it('reads in English', async () => {
    await page.goto(`${w.url}/cases/${w.demo.caseId}?lang=en`)
    expect(await section().locator('h2').textContent()).toBe('Proposals and costing')
    const text = (await round(4).innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('Average wage increase: agreed at 6.5% (proposed by the worker side and employer side)')
    expect(text).toContain('Changes since round 3')
    await axe.check(page, 'demo case in English: proposals and costing')
    await page.goto(`${w.url}/?lang=zh`)
    expect(errors).toEqual([])
  })
})

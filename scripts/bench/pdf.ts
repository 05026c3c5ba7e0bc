/**
 * PDF benchmark (issues 5 and 11): the 10-page collective contract of the samples (tenPageCollectiveContract)
 * through our renderer (src/documents: pdfkit, Noto Sans SC subset) against Chromium printing the same content
 * from HTML with the same font (@font-face from node_modules):
 *
 *   ours, first  — the first render in a fresh Node process (fonts read and parsed on first use), in a child process
 *   ours, warm   — median of repeated renders in this process
 *   Chromium cold — `/usr/bin/chromium --headless --no-sandbox --disable-gpu --print-to-pdf=out.pdf file.html` per
 *                   document (wall time of the process, median)
 *   Chromium warm — one page kept open through playwright-core: page.setContent(html) + page.pdf() (median)
 *
 * Page counts of both PDFs (pdfinfo) are reported so the reader sees the content is comparable.
 *
 *   npx tsx scripts/bench/pdf.ts               # the benchmark alone, prints JSON
 *   npx tsx scripts/bench/pdf.ts --first OUT   # (child) one render in this fresh process; prints {ms, bytes}
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { CONTRACT_TOPIC_TITLES, renderDocument, wordingFor, type TClause } from '../../src/documents/index.js'
import { closingClauses, termSentence } from '../../src/documents/renderers/agreement-common.js'
import { articleLabel, chapterLabel, formatDate } from '../../src/documents/format.js'
import { fontDirectory } from '../../src/documents/fonts.js'
import { tenPageCollectiveContract } from '../../src/documents/samples.js'

export const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu']

export type TPdfBench = {
  document: 'tenPageCollectiveContract'
  ours: { firstMs: number; firstProcessMs: number; warmMedianMs: number; warmRuns: number; kb: number; pages: number }
  chromiumCold: { medianMs: number; runs: number; kb: number; pages: number }
  chromiumWarm: { medianMs: number; runs: number; kb: number; pages: number }
  /** Chromium cold ms / ours warm ms (target ≥ 10). */
  coldRatio: number
  /** Chromium warm page ms / ours warm ms (target ≥ 3). */
  warmRatio: number
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The same contract as HTML: the same title, parties, preamble, chapters with articles numbered through, term and
 * closing clauses (the renderer's own functions), signature blocks; A4 with the same text area, 12 pt body,
 * line height 1.75, Noto Sans SC Regular and Bold from node_modules.
 */
export function contractHtml(d = tenPageCollectiveContract): string {
  const font = (file: string) => pathToFileURL(path.join(fontDirectory(), file)).href
  const wording = wordingFor(d.jurisdiction.id)
  const term = termSentence(d.term)
  const chapters: { title: string; clauses: TClause[] }[] = d.chapters.map((c) => ({
    title: c.title ?? CONTRACT_TOPIC_TITLES[c.topic],
    clauses: c.topic === 'term' ? [term, ...c.clauses] : [...c.clauses],
  }))
  const closing = [...(d.chapters.some((c) => c.topic === 'term') ? [] : [term]), ...closingClauses('collective', wording)]
  if (d.chapters.at(-1)?.topic === 'other') chapters.at(-1)!.clauses.push(...closing)
  else chapters.push({ title: CONTRACT_TOPIC_TITLES.other, clauses: closing })
  let n = 1
  const body = chapters
    .map((ch, i) => {
      const articles = ch.clauses
        .map((c) => {
          const text = typeof c === 'string' ? c : c.text
          const items = typeof c === 'string' ? '' : c.items.map((it, k) => `<p>（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][k] ?? k + 1}）${esc(it)}</p>`).join('')
          return `<p><b>${articleLabel(n++)}</b>　${esc(text)}</p>${items}`
        })
        .join('\n')
      return `<h2>${chapterLabel(i + 1)}　${esc(ch.title)}</h2>\n${articles}`
    })
    .join('\n')
  const party = (rows: [string, string][]) => rows.map(([l, v]) => `<p class="field"><b>${l}</b>${esc(v)}</p>`).join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>
@font-face { font-family: 'Noto Sans SC'; font-weight: 400; src: url('${font('400Regular/NotoSansSC_400Regular.ttf')}') format('truetype'); }
@font-face { font-family: 'Noto Sans SC'; font-weight: 700; src: url('${font('700Bold/NotoSansSC_700Bold.ttf')}') format('truetype'); }
@page { size: A4; margin: 37mm 28.8mm 35mm 28.8mm; }
body { font-family: 'Noto Sans SC'; font-size: 12pt; line-height: 1.75; margin: 0; }
h1 { font-size: 22pt; text-align: center; line-height: 1.45; margin: 0 0 14pt; }
h2 { font-size: 14pt; text-align: center; margin: 6pt 0 2pt; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.field { text-indent: 0; }
.sign { display: flex; gap: 18pt; margin-top: 12pt; break-inside: avoid; }
.sign div { flex: 1; line-height: 2.6; }
</style></head><body>
<h1>${esc(d.title)}</h1>
${party([['甲方（企业方）：', d.enterprise.name], ['住所：', d.enterprise.address], ['法定代表人：', d.enterprise.legalRepresentative], ['首席代表：', d.employerChief]])}
${party([['乙方（职工方）：', d.workerParty.name], ...(d.workerParty.address ? ([['住所：', d.workerParty.address]] as [string, string][]) : []), ['首席代表：', d.workerChief]])}
<p>为维护职工和企业的合法权益，构建和谐稳定的劳动关系，根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》《中华人民共和国工会法》《集体合同规定》等法律、法规和规章的规定，甲乙双方经平等协商，订立本合同。</p>
${d.congress ? `<p>本合同草案已经${esc(d.congress.name)}于${formatDate(d.congress.date)}审议通过。</p>` : ''}
${body}
<p>（以下无正文）</p>
<div class="sign"><div>甲方（盖章）：${esc(d.enterprise.name)}<br>首席代表（签字）：<br>签订日期：${d.signingDate ? formatDate(d.signingDate) : ''}</div>
<div>乙方（盖章）：${esc(d.workerParty.name)}<br>首席代表（签字）：<br>签订日期：${d.signingDate ? formatDate(d.signingDate) : ''}</div></div>
</body></html>`
}

const pagesOf = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN)
const kb = (file: string): number => fs.statSync(file).size / 1024

/** Fonts embedded in a PDF (pdffonts), to check Chromium used Noto Sans SC and not a fallback. */
const fontsOf = (file: string): string => execFileSync('pdffonts', [file], { encoding: 'utf8' })

/** One render in this (fresh) process, written to `out`. */
async function firstRender(out: string): Promise<void> {
  const t = performance.now()
  const bytes = await renderDocument('collectiveContract', tenPageCollectiveContract)
  const ms = performance.now() - t
  fs.writeFileSync(out, bytes)
  process.stdout.write(JSON.stringify({ ms, bytes: bytes.length }))
}

export async function benchPdf(opts: { warmRuns?: number; coldRuns?: number } = {}): Promise<TPdfBench> {
  const warmRuns = opts.warmRuns ?? 20
  const coldRuns = opts.coldRuns ?? 3
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wagepact-bench-pdf-'))
  try {
    // Ours, first render in a fresh process (the child reads and parses the fonts, as a new server would).
    const oursFile = path.join(dir, 'ours.pdf')
    const t0 = performance.now()
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--first', oursFile], { encoding: 'utf8' })
    const firstProcessMs = performance.now() - t0
    if (child.status !== 0) throw new Error(`first render child failed: ${child.stderr}`)
    const first = JSON.parse(child.stdout) as { ms: number; bytes: number }

    // Ours, warm.
    for (let i = 0; i < 3; i++) await renderDocument('collectiveContract', tenPageCollectiveContract)
    const warm: number[] = []
    for (let i = 0; i < warmRuns; i++) {
      const t = performance.now()
      await renderDocument('collectiveContract', tenPageCollectiveContract)
      warm.push(performance.now() - t)
    }

    // Chromium cold: one process per document.
    const htmlFile = path.join(dir, 'contract.html')
    const html = contractHtml()
    fs.writeFileSync(htmlFile, html)
    const coldFile = path.join(dir, 'chromium-cold.pdf')
    const cold: number[] = []
    for (let i = 0; i < coldRuns; i++) {
      fs.rmSync(coldFile, { force: true })
      const t = performance.now()
      const r = spawnSync(CHROMIUM, [...CHROMIUM_ARGS, '--no-pdf-header-footer', `--print-to-pdf=${coldFile}`, pathToFileURL(htmlFile).href], { encoding: 'utf8' })
      cold.push(performance.now() - t)
      if (r.status !== 0 || !fs.existsSync(coldFile)) throw new Error(`chromium --print-to-pdf failed: ${r.stderr}`)
    }

    // Chromium warm: one page kept open; the page is at a file: URL so the @font-face file: URLs load.
    const warmFile = path.join(dir, 'chromium-warm.pdf')
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] })
    const page = await browser.newPage()
    await page.goto(pathToFileURL(htmlFile).href)
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' })
      // Wait for the web fonts (the page's document.fonts.ready), as the print must use them.
      await page.evaluate('document.fonts.ready.then(() => undefined)')
      return page.pdf({ format: 'A4', preferCSSPageSize: true })
    }
    for (let i = 0; i < 2; i++) await print()
    const warmPage: number[] = []
    let last: Buffer = Buffer.alloc(0)
    for (let i = 0; i < Math.min(warmRuns, 10); i++) {
      const t = performance.now()
      last = await print()
      warmPage.push(performance.now() - t)
    }
    await browser.close()
    fs.writeFileSync(warmFile, last)

    for (const f of [coldFile, warmFile]) {
      if (!/NotoSansSC/i.test(fontsOf(f))) throw new Error(`${path.basename(f)}: Chromium did not embed Noto Sans SC; the comparison would not be fair`)
    }
    const oursWarm = median(warm)
    const result: TPdfBench = {
      document: 'tenPageCollectiveContract',
      ours: { firstMs: first.ms, firstProcessMs, warmMedianMs: oursWarm, warmRuns, kb: first.bytes / 1024, pages: pagesOf(oursFile) },
      chromiumCold: { medianMs: median(cold), runs: coldRuns, kb: kb(coldFile), pages: pagesOf(coldFile) },
      chromiumWarm: { medianMs: median(warmPage), runs: warmPage.length, kb: kb(warmFile), pages: pagesOf(warmFile) },
      coldRatio: median(cold) / oursWarm,
      warmRatio: median(warmPage) / oursWarm,
    }
    return result
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--first')
  if (i >= 0) await firstRender(process.argv[i + 1]!)
  else console.log(JSON.stringify(await benchPdf(), null, 2))
}

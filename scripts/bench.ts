// npm run bench: every benchmark, one table, ratios measured in the same run; JSON in bench-results/.
//   npm run bench [-- --only engine|bpmn|deadlines|latency|memory|ballots|pdf] [--deadlines N] [--memory N] [--ballots N]
import fs from 'node:fs'
import { benchBallotsDirect, benchBallotsHttp } from './bench/ballots.js'
import { benchEngine } from './bench/engine.js'
import { benchBpmn } from './bench/bpmn.js'
import { benchDeadlines } from './bench/deadlines.js'
import { benchPdf } from './bench/pdf.js'
import { benchLatency } from './bench/latency.js'
import { benchMemory } from './bench/memory.js'

type TRow = { benchmark: string; database: string; measured: string; baseline: string; ratio: string; target: string; met: string }

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
const rows: TRow[] = []
const json: Record<string, unknown> = { startedAt: new Date().toISOString() }

if (!only || only === 'engine') {
  const results = []
  for (const provider of ['sqlite', 'postgresql'] as const) {
    for (const r of await benchEngine(provider)) {
      results.push(r)
      rows.push({
        benchmark: `engine events/s vs raw write of the same rows, ${r.clients} client${r.clients > 1 ? 's' : ''}`,
        database: provider,
        measured: `${r.engineEps.toFixed(0)} events/s`,
        baseline: `${r.rawEps.toFixed(0)} tx/s raw`,
        ratio: `${r.ratio.toFixed(2)}×`,
        target: '≥ 0.5×',
        met: r.ratio >= 0.5 ? 'yes' : 'NO',
      })
    }
  }
  json.engine = results
}

if (!only || only === 'bpmn') {
  const r = await benchBpmn()
  json.bpmn = r
  rows.push({
    benchmark: 'statutory path, one persisted step each: ours vs bpmn-engine',
    database: 'sqlite',
    measured: `${r.oursStepsPerSecond.toFixed(0)} steps/s`,
    baseline: `${r.bpmnStepsPerSecond.toFixed(0)} steps/s bpmn-engine`,
    ratio: `${r.ratio.toFixed(1)}×`,
    target: '≥ 10×',
    met: r.ratio >= 10 ? 'yes' : 'NO',
  })
}

if (!only || only === 'latency') {
  const results = [await benchLatency('sqlite'), await benchLatency('postgresql')]
  json.latency = results
  for (const r of results) {
    rows.push({
      benchmark: `API latency, GET /cases/:id, ${r.clients} concurrent clients (keep-alive)`,
      database: r.provider,
      measured: `p50 ${r.read.p50.toFixed(1)} ms, p99 ${r.read.p99.toFixed(1)} ms`,
      baseline: `${r.read.perSecond.toFixed(0)} req/s, ${r.read.requests} requests, ${r.read.errors} errors`,
      ratio: '-',
      target: 'p99 < 50 ms',
      met: r.read.p99 < 50 && r.read.errors === 0 ? 'yes' : 'NO',
    })
    rows.push({
      benchmark: `API latency, POST /cases/:id/events, ${r.clients} concurrent clients (keep-alive)`,
      database: r.provider,
      measured: `p50 ${r.event.p50.toFixed(1)} ms, p99 ${r.event.p99.toFixed(1)} ms`,
      baseline: `${r.event.perSecond.toFixed(0)} events/s, ${r.event.requests} requests, ${r.event.errors} errors`,
      ratio: '-',
      target: 'reported',
      met: r.event.errors === 0 ? '-' : 'NO',
    })
  }
}

if (!only || only === 'memory') {
  const n = process.argv.includes('--memory') ? Number(process.argv[process.argv.indexOf('--memory') + 1]) : 100_000
  const r = await benchMemory(n)
  json.memory = r
  const mb = (b: number) => `${(b / 1_048_576).toFixed(0)} MB`
  rows.push({
    benchmark: `server RSS after reading ${r.cases.toLocaleString('en')} cases vs ${r.small} through the API (after gc)`,
    database: 'sqlite',
    measured: `${mb(r.rssLarge)} (heap ${mb(r.heapLarge)})`,
    baseline: `${mb(r.rssSmall)} (heap ${mb(r.heapSmall)}) after ${r.small}`,
    ratio: `${r.ratio.toFixed(2)}×`,
    target: '≤ 1.2×',
    met: r.ratio <= 1.2 ? 'yes' : 'NO',
  })
}

if (!only || only === 'ballots') {
  const n = process.argv.includes('--ballots') ? Number(process.argv[process.argv.indexOf('--ballots') + 1]) : 1_000
  const direct = await benchBallotsDirect('sqlite', n)
  const http = [await benchBallotsHttp('sqlite', n), await benchBallotsHttp('postgresql', n)]
  json.ballots = { direct, http }
  const checked = (r: { lost: number; doubleCounted: number; counted: number }) => `lost ${r.lost}, doubled ${r.doubleCounted}, counted ${r.counted}`
  for (const r of http) {
    const embedded = r.provider === 'sqlite'
    rows.push({
      benchmark: `ballots/s through HTTP: ${n.toLocaleString('en')} distinct credentials, ${r.concurrency} in flight`,
      database: r.provider ?? '-',
      measured: `${r.ballotsPerSecond.toFixed(0)} ballots/s (p99 ${r.latencyMs?.p99.toFixed(0)} ms)`,
      baseline: embedded ? `${direct.ballotsPerSecond.toFixed(0)}/s by the command; ${checked(r)}` : checked(r),
      ratio: embedded ? `${(r.ballotsPerSecond / direct.ballotsPerSecond).toFixed(2)}× command` : '-',
      target: embedded ? '≥ 1,000/s, none lost or doubled' : 'none lost or doubled',
      met: r.ok && (!embedded || r.ballotsPerSecond >= 1_000) ? 'yes' : 'NO',
    })
  }
}

if (!only || only === 'pdf') {
  // Issues 5 and 11: the 10-page agreement through our renderer vs Chromium printing the same content from HTML.
  const r = await benchPdf()
  json.pdf = r
  console.log(`pdf: pages ours ${r.ours.pages}, chromium cold ${r.chromiumCold.pages}, chromium warm page ${r.chromiumWarm.pages} (pdfinfo)`)
  rows.push({
    benchmark: `10-page agreement PDF (${r.ours.pages} pages): ours warm vs Chromium --print-to-pdf per document (${r.chromiumCold.pages} pages)`,
    database: '-',
    measured: `${r.ours.warmMedianMs.toFixed(0)} ms warm, ${r.ours.firstMs.toFixed(0)} ms first in a fresh process; ${r.ours.kb.toFixed(0)} KB`,
    baseline: `${r.chromiumCold.medianMs.toFixed(0)} ms Chromium cold; ${r.chromiumCold.kb.toFixed(0)} KB`,
    ratio: `${r.coldRatio.toFixed(1)}×`,
    target: '≥ 10×, < 300 KB',
    met: r.coldRatio >= 10 && r.ours.kb < 300 ? 'yes' : 'NO',
  })
  rows.push({
    benchmark: `10-page agreement PDF: ours warm vs a warm Chromium page, setContent + pdf() (${r.chromiumWarm.pages} pages)`,
    database: '-',
    measured: `${r.ours.warmMedianMs.toFixed(0)} ms warm; ${r.ours.kb.toFixed(0)} KB`,
    baseline: `${r.chromiumWarm.medianMs.toFixed(0)} ms Chromium warm page; ${r.chromiumWarm.kb.toFixed(0)} KB`,
    ratio: `${r.warmRatio.toFixed(1)}×`,
    target: '≥ 3×, < 300 KB',
    met: r.warmRatio >= 3 && r.ours.kb < 300 ? 'yes' : 'NO',
  })
}

// Last: draining 100,000 deadlines leaves PostgreSQL busy for a while afterwards (autovacuum, checkpoint), which
// slowed every PostgreSQL bench run after it (stop 14: engine 0.41x and case reads 577 req/s, against 0.91x and
// ~1,300 req/s run on their own).
if (!only || only === 'deadlines') {
  const n = process.argv.includes('--deadlines') ? Number(process.argv[process.argv.indexOf('--deadlines') + 1]) : 100_000
  const r = await benchDeadlines(n, 3)
  json.deadlines = r
  const exact = r.firedOnce === n && r.firedRows === n && r.duplicates === 0 && r.missing === 0
  rows.push({
    benchmark: `${n.toLocaleString('en')} due deadlines drained by 3 processes (seeded in ${r.seedSeconds.toFixed(0)} s)`,
    database: 'postgresql',
    measured: `${r.seconds.toFixed(1)} s (${(n / r.seconds).toFixed(0)}/s)`,
    baseline: `fired once: ${r.firedOnce}, twice: ${r.duplicates}, left: ${r.missing}; per process ${Object.values(r.byProcess).join(' / ')}`,
    ratio: '-',
    target: '< 60 s, each once',
    met: r.seconds < 60 && exact ? 'yes' : 'NO',
  })
}

const cols = Object.keys(rows[0] ?? {}) as (keyof TRow)[]
const width = (c: keyof TRow) => Math.max(c.length, ...rows.map((r) => [...r[c]].length))
const line = (cells: string[]) => '| ' + cells.join(' | ') + ' |'
console.log(line(cols.map((c) => c.padEnd(width(c)))))
console.log(line(cols.map((c) => '-'.repeat(width(c)))))
for (const r of rows) console.log(line(cols.map((c) => r[c].padEnd(width(c)))))
fs.mkdirSync('bench-results', { recursive: true })
fs.writeFileSync('bench-results/bench.json', JSON.stringify({ ...json, finishedAt: new Date().toISOString() }, null, 2))
process.exit(0)

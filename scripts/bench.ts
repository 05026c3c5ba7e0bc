// npm run bench: every benchmark, one table, ratios measured in the same run; JSON in bench-results/.
//   npm run bench [-- --only engine|bpmn|deadlines|ballots] [--deadlines N] [--ballots N]
import fs from 'node:fs'
import { benchBallotsDirect, benchBallotsHttp } from './bench/ballots.js'
import { benchEngine } from './bench/engine.js'
import { benchBpmn } from './bench/bpmn.js'
import { benchDeadlines } from './bench/deadlines.js'

type TRow = { benchmark: string; database: string; measured: string; baseline: string; ratio: string; target: string; met: string }

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
const rows: TRow[] = []
const json: Record<string, unknown> = { startedAt: new Date().toISOString() }

if (!only || only === 'engine') {
  const results = []
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const r = await benchEngine(provider)
    results.push(r)
    rows.push({
      benchmark: 'engine events/s vs raw write of the same rows',
      database: provider,
      measured: `${r.engineEps.toFixed(0)} events/s`,
      baseline: `${r.rawEps.toFixed(0)} tx/s raw`,
      ratio: `${r.ratio.toFixed(2)}×`,
      target: '≥ 0.5×',
      met: r.ratio >= 0.5 ? 'yes' : 'NO',
    })
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

if (!only || only === 'deadlines') {
  const n = process.argv.includes('--deadlines') ? Number(process.argv[process.argv.indexOf('--deadlines') + 1]) : 100_000
  const r = await benchDeadlines(n, 3)
  json.deadlines = r
  const exact = r.firedOnce === n && r.duplicates === 0 && r.missing === 0
  rows.push({
    benchmark: `${n.toLocaleString('en')} due deadlines drained by 3 processes`,
    database: 'postgresql',
    measured: `${r.seconds.toFixed(1)} s (${(n / r.seconds).toFixed(0)}/s)`,
    baseline: `fired once: ${r.firedOnce}, twice: ${r.duplicates}, left: ${r.missing}`,
    ratio: '-',
    target: '< 60 s, each once',
    met: r.seconds < 60 && exact ? 'yes' : 'NO',
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

const cols = Object.keys(rows[0] ?? {}) as (keyof TRow)[]
const width = (c: keyof TRow) => Math.max(c.length, ...rows.map((r) => [...r[c]].length))
const line = (cells: string[]) => '| ' + cells.join(' | ') + ' |'
console.log(line(cols.map((c) => c.padEnd(width(c)))))
console.log(line(cols.map((c) => '-'.repeat(width(c)))))
for (const r of rows) console.log(line(cols.map((c) => r[c].padEnd(width(c)))))
fs.mkdirSync('bench-results', { recursive: true })
fs.writeFileSync('bench-results/bench.json', JSON.stringify({ ...json, finishedAt: new Date().toISOString() }, null, 2))
process.exit(0)

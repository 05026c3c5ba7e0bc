// The crash scenario of test/reliability/crash.test.ts, run for longer: the real app is SIGKILLed at random
// moments while clients send case events, ballots and filings, on SQLite then PostgreSQL; prints the counts.
//   npm run soak [-- --minutes N] [--seed S] [--provider sqlite|postgresql]
// Needs PostgreSQL on 127.0.0.1:5432 for the PostgreSQL half (TEST_PG_URL), as the tests do.
import { runCrashScenario, summaryLine } from '../test/reliability/crash-scenario.js'
import type { TProvider } from '../src/db/schema-files.js'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const minutes = Number(arg('minutes') ?? 10)
const seed = Number(arg('seed') ?? Date.now() % 1_000_000)
const providers: TProvider[] = arg('provider') ? [arg('provider') as TProvider] : ['sqlite', 'postgresql']
if (!(minutes > 0) || !providers.every((p) => p === 'sqlite' || p === 'postgresql')) {
  console.error('usage: npm run soak [-- --minutes N] [--seed S] [--provider sqlite|postgresql]')
  process.exit(2)
}
let failed = false
for (const provider of providers) {
  const ms = (minutes * 60_000) / providers.length
  console.log(`soak on ${provider}: ${(ms / 60_000).toFixed(1)} min, seed ${seed}`)
  const report = await runCrashScenario({
    provider,
    seed,
    crashes: 3,
    crashAfterAcks: [5, 40],
    jitterMs: 1_000,
    chains: 20,
    filings: 3,
    sessions: 3,
    voters: 30,
    clients: 8,
    minDurationMs: ms,
    log: (line) => console.log(line),
  })
  console.log(summaryLine(report))
  for (const p of report.problems) console.error(`  PROBLEM ${p}`)
  if (report.problems.length || report.lost || report.doubled) failed = true
}
process.exit(failed ? 1 : 0)

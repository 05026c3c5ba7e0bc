/**
 * The real app killed with SIGKILL at random (seeded) moments while concurrent clients send case events, ballots
 * and filings over HTTP; after the restarts nothing acknowledged is lost and nothing is applied twice (the checks
 * are listed in ./crash-scenario.ts). The summary line is printed; `npm run soak` runs the same for longer.
 * CRASH_SEED=<n> repeats a run.
 */
import { describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { runCrashScenario, summaryLine } from './crash-scenario.js'

const SEED = Number(process.env.CRASH_SEED ?? 20261205)

describe.each(PROVIDERS_UNDER_TEST)('crash suite on %s', (provider) => {
  it('SIGKILLed and restarted under load: nothing acknowledged lost, nothing doubled, every log verifies', { timeout: 480_000 }, async () => {
    const report = await runCrashScenario({
      provider,
      seed: SEED + (provider === 'sqlite' ? 0 : 1),
      crashes: 3,
      crashAfterAcks: [3, 12],
      jitterMs: 300,
      chains: 10,
      filings: 1,
      sessions: 1,
      voters: 10,
      clients: 6,
      log: (line) => console.log(line),
    })
    console.log(summaryLine(report))
    expect(report.problems).toEqual([])
    expect(report.lost).toBe(0)
    expect(report.doubled).toBe(0)
    expect(report.crashes).toBeGreaterThanOrEqual(3)
    expect(report.retried).toBeGreaterThan(0) // the crashes did hit requests in flight
    expect(report.messagesChecked).toBeGreaterThan(0)
    expect(report.deadlinesChecked).toBeGreaterThan(0)
    expect(report.votesChecked).toBe(2 * 10) // 2 items × 10 voters
  })
})

/**
 * Ballots/s of the congress vote (issue 4): N distinct credentials voting at once, with zero lost and zero counted
 * twice, checked after the run from the stored counts, receipts and "has voted" marks.
 *
 *   benchBallotsDirect(provider)   through the congress command (src/congress), on a fresh database;
 *   benchBallotsHttp(provider)     through the real app (createApp) listening on 127.0.0.1, port 0:
 *                                  `POST /api/v1/ballots` with `Authorization: Ballot <credential>`, N distinct
 *                                  credentials with a bounded number of requests in flight (loopback only).
 * Target (issue 4): ≥ 1,000 ballots/s on the embedded default (SQLite).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { pino } from 'pino'
import { openDatabase, type TDatabase } from '../../src/db/database.js'
import type { TProvider } from '../../src/db/schema-files.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { healthCheck } from '../../src/engine/health.js'
import { createCongress, type TCongress } from '../../src/congress/index.js'
import type { TChoice } from '../../src/congress/types.js'
import { receiptHash } from '../../src/congress/credentials.js'
import { all as allRows } from '../../src/db/sql.js'
import { createApp } from '../../src/http/app.js'
import { createTestDatabase } from '../../test/support/databases.js'
import { seedEnterprise, testEngine } from '../../test/support/factories.js'
import { walkCase } from '../../test/support/case-walk.js'
import { conveneInput, DURING, officer, rosterOf } from '../../test/congress/helpers.js'

export type TBallotBench = {
  via: 'command' | 'http'
  provider?: TProvider
  voters: number
  /** HTTP: requests in flight at once. */
  concurrency?: number
  /** HTTP: latency of one ballot request, ms. */
  latencyMs?: { p50: number; p99: number }
  /** HTTP: the share of the run the server's event loop was busy (≈1: the server, not the client, is the limit). */
  serverEventLoopUtilisation?: number
  seconds: number
  ballotsPerSecond: number
  accepted: number
  /** Submissions that failed (each is a lost ballot: every credential was distinct and unused). */
  lost: number
  /** Counted in the box after the run. */
  counted: number
  /** counted − accepted, if positive. */
  doubleCounted: number
  /** The first few errors, for the report. */
  errors: string[]
  ok: boolean
}

const CHOICES: TChoice[] = ['agree', 'disagree', 'abstain']

/**
 * A case in the congress stage with a roster of `voters` and a convened session (window open at the clock's time),
 * on the given engine. Returns the credentials (link spelling) and the item ids. The case is brought to the vote
 * by the shared walk of the statutory path (test/support/case-walk.ts), which moves a manual clock along.
 */
export async function prepareBallotSession(engine: TEngine, congress: TCongress, voters: number, enterpriseId?: string) {
  const ent = enterpriseId ?? (await seedEnterprise(engine.db))
  const clock = engine.clock instanceof ManualClock ? engine.clock : undefined
  const { caseId } = await walkCase(engine, { enterpriseId: ent, until: 'draft', ...(clock ? { clock } : {}) })
  await congress.setRoster(caseId, rosterOf(voters), officer)
  const now = engine.clock.now().getTime()
  const c = await congress.convene(
    caseId,
    conveneInput({
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 3_600_000).toISOString(),
      heldOn: new Date(now + 8 * 3_600_000).toISOString().slice(0, 10),
    }),
    officer,
  )
  return { caseId, sessionId: c.session.id, credentials: c.credentials.map((x) => x.token), itemIds: c.session.items.map((i) => i.id) }
}

/** What the box holds after the run: ballots marked used online, receipts, and the sum of each item's counts. */
async function countedIn(congress: TCongress, db: TDatabase, sessionId: string) {
  const view = await congress.getSession(sessionId)
  const { one } = await import('../../src/db/sql.js')
  const box = await db.read(function* () {
    return yield* one<{ n: number }>(
      `SELECT CAST(COALESCE(SUM("count"), 0) AS INTEGER) AS "n" FROM "CongressBallotCount" WHERE "sessionId" = ?`,
      [sessionId],
    )
  })
  const receipts = await db.read(function* () {
    return yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "CongressReceipt" WHERE "sessionId" = ?`, [sessionId])
  })
  const perItem = Number(box?.n ?? 0) / view.items.length
  return { marked: view.turnout.votedOnline, receipts: Number(receipts?.n ?? 0), perItem }
}

function summarise(
  via: TBallotBench['via'],
  voters: number,
  ms: number,
  results: PromiseSettledResult<unknown>[],
  counted: number,
  provider?: TProvider,
): TBallotBench {
  const accepted = results.filter((r) => r.status === 'fulfilled').length
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .slice(0, 5)
    .map((r) => String(r.reason instanceof Error ? r.reason.message : r.reason))
  const lost = voters - accepted
  const doubleCounted = Math.max(0, counted - accepted)
  return {
    via,
    ...(provider ? { provider } : {}),
    voters,
    seconds: ms / 1000,
    ballotsPerSecond: (accepted / ms) * 1000,
    accepted,
    lost,
    counted,
    doubleCounted,
    errors,
    ok: lost === 0 && doubleCounted === 0 && counted === voters,
  }
}

/** `voters` distinct credentials cast their ballots at once through congress.castBallot, on a fresh database. */
export async function benchBallotsDirect(provider: TProvider, voters = 1_000): Promise<TBallotBench> {
  const t = await createTestDatabase(provider)
  const db = await openDatabase(t.url, { poolSize: 20 })
  try {
    const clock = new ManualClock(DURING)
    const engine = testEngine(db, clock)
    const congress = createCongress({ engine })
    // Warm-up on another session (statement caches, connections), not timed.
    const warm = await prepareBallotSession(engine, congress, 20)
    await Promise.all(warm.credentials.map((credential, i) => congress.castBallot(ballotOf(credential, warm.itemIds, i))))
    const s = await prepareBallotSession(engine, congress, voters)
    const t0 = performance.now()
    const results = await Promise.allSettled(s.credentials.map((credential, i) => congress.castBallot(ballotOf(credential, s.itemIds, i))))
    const ms = performance.now() - t0
    const c = await countedIn(congress, db, s.sessionId)
    // All three stores must agree, or a ballot was lost or counted twice.
    const counted = c.marked === c.receipts && c.receipts === c.perItem ? c.receipts : Math.max(c.marked, c.receipts, Math.ceil(c.perItem))
    return summarise('command', voters, ms, results, counted, provider)
  } finally {
    await db.close()
    await t.drop()
  }
}

const ballotOf = (credential: string, itemIds: string[], i: number) => ({
  credential,
  choices: itemIds.map((itemId) => ({ itemId, choice: CHOICES[i % 3]! })),
})

/**
 * The load client: a worker thread (its own event loop, on the other core) that posts ballots with at most
 * `concurrency` requests in flight over keep-alive connections, and answers each job with the responses and
 * latencies. Plain JavaScript (eval), so it needs no TypeScript loader.
 */
const CLIENT = `
const http = require('node:http')
const { parentPort } = require('node:worker_threads')
let agent
const post = (url, headers, body) =>
  new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', (e) => resolve({ status: 0, text: String(e) }))
    })
    req.on('error', (e) => resolve({ status: 0, text: String(e) }))
    req.end(body)
  })
parentPort.on('message', async ({ url, requests, concurrency }) => {
  agent ??= new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const out = new Array(requests.length)
  const latencies = new Array(requests.length)
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const started = performance.now()
      out[i] = await post(url, requests[i].headers, requests[i].body)
      latencies[i] = performance.now() - started
    }
  }))
  parentPort.postMessage({ out, latencies, ms: performance.now() - t0 })
})
`

type TClientResult = { out: { status: number; text: string }[]; latencies: number[]; ms: number }

function startClient() {
  const worker = new Worker(CLIENT, { eval: true })
  return {
    /** Posts each credential's ballot to `/api/v1/ballots` of `baseUrl`. */
    async post(baseUrl: string, credentials: readonly string[], itemIds: string[], concurrency: number) {
      const requests = credentials.map((credential, i) => ({
        headers: { 'content-type': 'application/json', authorization: `Ballot ${credential}` },
        body: JSON.stringify({ choices: ballotOf(credential, itemIds, i).choices }),
      }))
      const done = new Promise<TClientResult>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      worker.postMessage({ url: new URL('/api/v1/ballots', baseUrl).toString(), requests, concurrency })
      const r = await done
      const results: PromiseSettledResult<{ receipt: string }>[] = r.out.map((o) =>
        o.status === 201
          ? { status: 'fulfilled', value: JSON.parse(o.text) as { receipt: string } }
          : { status: 'rejected', reason: new Error(`HTTP ${o.status}: ${o.text.slice(0, 200)}`) },
      )
      const sorted = [...r.latencies].sort((a, b) => a - b)
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
      return { results, ms: r.ms, latencyMs: { p50: at(0.5), p99: at(0.99) } }
    },
    stop: () => worker.terminate(),
  }
}

/**
 * `voters` distinct credentials vote through the real app on 127.0.0.1 (port 0), `concurrency` requests at a time,
 * on a fresh database. After the run: credentials used = receipts = each item's sum of counts = ballots accepted =
 * `voters`, and every receipt handed out is among the stored receipt hashes.
 */
export async function benchBallotsHttp(provider: TProvider = 'sqlite', voters = 1_000, concurrency = 100): Promise<TBallotBench> {
  const t = await createTestDatabase(provider)
  const db = await openDatabase(t.url, { poolSize: 20 })
  const clock = new ManualClock(DURING)
  const engine = testEngine(db, clock)
  const congress = createCongress({ engine })
  const app = createApp({
    logger: pino({ level: 'silent' }),
    health: healthCheck(db),
    isReady: () => true,
    engine,
    calendars: createCalendarStore(db),
    congress,
  })
  const server = http.createServer(app)
  // Connections opened by the warm-up stay open through the preparation of the measured session (as behind a
  // load balancer); the measured run then does not open 100 sockets at once.
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const client = startClient()
  try {
    // Warm-up on another session (connections, statement caches, JIT), not timed.
    const warm = await prepareBallotSession(engine, congress, 5 * concurrency)
    await client.post(baseUrl, warm.credentials, warm.itemIds, concurrency)
    const s = await prepareBallotSession(engine, congress, voters)
    const elu0 = performance.eventLoopUtilization()
    const { results, ms, latencyMs } = await client.post(baseUrl, s.credentials, s.itemIds, concurrency)
    const serverEventLoopUtilisation = performance.eventLoopUtilization(elu0).utilization
    const c = await countedIn(congress, db, s.sessionId)
    const receipts = new Set(
      await db.read(function* () {
        const rows = yield* allRows<{ receiptHash: string }>(`SELECT "receiptHash" FROM "CongressReceipt" WHERE "sessionId" = ?`, [s.sessionId])
        return rows.map((r) => r.receiptHash)
      }),
    )
    const handedOut = results.flatMap((r) => (r.status === 'fulfilled' ? [receiptHash(r.value.receipt)] : []))
    const missingReceipts = handedOut.filter((h) => !h || !receipts.has(h)).length
    const agree = c.marked === c.receipts && c.receipts === c.perItem && missingReceipts === 0
    const counted = agree ? c.receipts : Math.max(c.marked, c.receipts, Math.ceil(c.perItem)) + missingReceipts
    return { ...summarise('http', voters, ms, results, counted, provider), concurrency, latencyMs, serverEventLoopUtilisation }
  } finally {
    await client.stop()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await db.close()
    await t.drop()
  }
}

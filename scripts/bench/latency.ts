/**
 * API latency under 50 concurrent clients: p50/p99 of reading a case (GET /api/v1/cases/:id) and of sending an
 * event (POST /api/v1/cases/:id/events, request.sent on a fresh case each), through the real app (createApp)
 * listening on 127.0.0.1, port 0, signed in with a bearer token, on SQLite and on PostgreSQL.
 *
 * The load client runs in a worker thread (its own event loop, on the other core) over keep-alive connections
 * (node:http Agent, at most `clients` sockets), each client sending its next request when the last one answered.
 * Target (issue 11): p99 < 50 ms for case reads.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import type { TProvider } from '../../src/db/schema-files.js'
import { ENTERPRISES, createHttpWorld } from '../../test/support/http.js'
import { requestSent, unionActor } from '../../test/support/factories.js'

export type TLatencyBench = {
  provider: TProvider
  clients: number
  read: { requests: number; perSecond: number; p50: number; p99: number; errors: number }
  event: { requests: number; perSecond: number; p50: number; p99: number; errors: number }
}

/** Plain JavaScript (eval), so the worker needs no TypeScript loader. */
const CLIENT = `
const http = require('node:http')
const { parentPort } = require('node:worker_threads')
let agent
const send = (url, r) =>
  new Promise((resolve) => {
    const headers = { ...r.headers }
    if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body)
    const req = http.request(url + r.path, { method: r.method, agent, headers }, (res) => {
      res.on('data', () => {})
      res.on('end', () => resolve(res.statusCode))
      res.on('error', () => resolve(0))
    })
    req.on('error', () => resolve(0))
    req.end(r.body)
  })
parentPort.on('message', async ({ url, requests, clients }) => {
  agent ??= new http.Agent({ keepAlive: true, maxSockets: clients })
  const statuses = new Array(requests.length)
  const latencies = new Array(requests.length)
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: Math.min(clients, requests.length) }, async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const started = performance.now()
      statuses[i] = await send(url, requests[i])
      latencies[i] = performance.now() - started
    }
  }))
  parentPort.postMessage({ statuses, latencies, ms: performance.now() - t0 })
})
`

export type TRequest = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string }

function startClient() {
  const worker = new Worker(CLIENT, { eval: true })
  return {
    async run(baseUrl: string, requests: TRequest[], clients: number) {
      const done = new Promise<{ statuses: number[]; latencies: number[]; ms: number }>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      worker.postMessage({ url: baseUrl, requests, clients })
      const r = await done
      const sorted = [...r.latencies].sort((a, b) => a - b)
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
      return {
        requests: requests.length,
        perSecond: (requests.length / r.ms) * 1000,
        p50: at(0.5),
        p99: at(0.99),
        errors: r.statuses.filter((s) => s < 200 || s > 299).length,
      }
    },
    stop: () => worker.terminate(),
  }
}

/** Sends `requests` from a fresh load client with `clients` in flight; p50/p99 in ms. */
export async function runLoad(baseUrl: string, requests: TRequest[], clients: number) {
  const client = startClient()
  try {
    return await client.run(baseUrl, requests, clients)
  } finally {
    await client.stop()
  }
}

/** Opens `n` cases of the union negotiator's enterprise through the engine, `concurrency` at a time. */
async function openCases(world: Awaited<ReturnType<typeof createHttpWorld>>, n: number, concurrency = 32): Promise<string[]> {
  const ids: string[] = new Array(n)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        ids[i] = (await world.engine.openCase({ enterpriseId: ENTERPRISES.tianhe.id, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)).caseId
      }
    }),
  )
  return ids
}

export async function benchLatency(provider: TProvider, clients = 50, reads = 5_000, events = 1_000): Promise<TLatencyBench> {
  const world = await createHttpWorld(provider, { checkResponses: false })
  const server = http.createServer(world.app)
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const client = startClient()
  try {
    const token = await tokenOf(world)
    const auth = { authorization: `Bearer ${token}` }
    const readable = await openCases(world, 200)
    const readRequests = (n: number): TRequest[] =>
      Array.from({ length: n }, (_, i) => ({ method: 'GET', path: `/api/v1/cases/${readable[(i * 7919) % readable.length]}`, headers: auth }))
    const eventRequests = (ids: string[]): TRequest[] =>
      ids.map((id) => ({
        method: 'POST',
        path: `/api/v1/cases/${id}/events`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(requestSent('2026-06-04')),
      }))
    // Warm-up (connections, statement caches, JIT), not timed.
    await client.run(baseUrl, readRequests(1_000), clients)
    await client.run(baseUrl, eventRequests(await openCases(world, 200)), clients)
    const read = await client.run(baseUrl, readRequests(reads), clients)
    const event = await client.run(baseUrl, eventRequests(await openCases(world, events)), clients)
    return { provider, clients, read, event }
  } finally {
    await client.stop()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await world.close()
  }
}

async function tokenOf(world: Awaited<ReturnType<typeof createHttpWorld>>): Promise<string> {
  const res = await world.as('unionT').post('/api/v1/auth/tokens').send({ name: 'bench' })
  if (res.status !== 201) throw new Error(`token: ${res.status}`)
  return res.body.token as string
}

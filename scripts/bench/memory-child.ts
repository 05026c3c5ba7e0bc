// The server process of the memory benchmark: the app on DATABASE_URL (argv[2]) listening on 127.0.0.1:0. It tells
// its port to the parent (IPC), and answers { rss } after a full garbage collection when asked ('measure').
// Run with --expose-gc.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { openDatabase } from '../../src/db/database.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { systemClock } from '../../src/engine/clock.js'
import { createEngine } from '../../src/engine/engine.js'
import { healthCheck } from '../../src/engine/health.js'
import { createApp } from '../../src/http/app.js'

const db = await openDatabase(process.argv[2]!)
const calendars = createCalendarStore(db)
const engine = createEngine({ db, clock: systemClock, nodeId: 'memory-bench', computeDeadline: calendars.calculator })
const app = createApp({ logger: pino({ level: 'silent' }), health: healthCheck(db), isReady: () => true, engine, calendars })
const server = http.createServer(app)
server.keepAliveTimeout = 120_000
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
process.on('message', (m) => {
  if (m !== 'measure') return
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc')
  for (let i = 0; i < 3; i++) gc()
  const { rss, heapUsed } = process.memoryUsage()
  process.send!({ rss, heapUsed })
})
process.send!({ port: (server.address() as AddressInfo).port })

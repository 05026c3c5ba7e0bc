// npm run start:cluster -- [--nodes N] [--port P]
//
// Scale-out on one machine: N stateless app processes (src/main.ts) on one PostgreSQL (DATABASE_URL), each with its
// own NODE_ID and PORT (P+1 … P+N), behind a small round-robin TCP balancer on P (default 3000). Every process runs
// the HTTP API, the deadline scheduler and the outbox workers; they cooperate through the database (FOR UPDATE SKIP
// LOCKED claims, revision checks), so any request can go to any process and no deadline or effect is done twice.
// In production the balancer is nginx/HAProxy/a cloud load balancer and the processes run on several hosts with the
// same environment; this script is the same arrangement on one host. SIGINT/SIGTERM stops the balancer, then each
// process gracefully (in-flight requests finish, no new work is claimed).
import { fork, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} 须为正整数 / must be a positive whole number`)
    process.exit(1)
  }
  return v
}
const nodes = arg('nodes', 3)
const port = arg('port', Number(process.env.PORT ?? 3000))
const host = process.env.HOST ?? '127.0.0.1'
const url = process.env.DATABASE_URL ?? ''
if (!url.startsWith('postgresql://') && !url.startsWith('postgres://')) {
  console.error('多进程部署须使用 PostgreSQL：请设置 DATABASE_URL=postgresql://… / Several processes need PostgreSQL: set DATABASE_URL=postgresql://…')
  process.exit(1)
}

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts')
const children: ChildProcess[] = []
const ports: number[] = []
await Promise.all(
  Array.from({ length: nodes }, (_, i) => {
    const p = port + 1 + i
    ports.push(p)
    const child = fork(main, process.argv.includes('--demo') && i === 0 ? ['--demo'] : [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, PORT: String(p), HOST: host, NODE_ID: `${os.hostname()}-node${i + 1}` },
    })
    children.push(child)
    return new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve()) // main.ts reports { listening: port }
      child.once('exit', (code) => reject(new Error(`node ${i + 1} exited with ${code}`)))
    })
  }),
)

// Round robin over the processes, one TCP connection at a time (keep-alive connections stay on their process).
let next = 0
const balancer = net.createServer((client) => {
  const target = ports[next++ % ports.length]!
  const upstream = net.connect(target, host)
  client.pipe(upstream).pipe(client)
  const close = () => {
    client.destroy()
    upstream.destroy()
  }
  client.on('error', close)
  upstream.on('error', close)
})
await new Promise<void>((resolve) => balancer.listen(port, host, resolve))
console.log(`wagepact: ${nodes} 个进程 / processes on ${ports.map((p) => `${host}:${p}`).join(', ')}; 负载均衡 / balancer on http://${host}:${port}`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  balancer.close()
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve()
          c.once('exit', () => resolve())
          c.kill('SIGTERM')
        }),
    ),
  )
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
for (const c of children) c.on('exit', () => void stop()) // one process died: stop the rest rather than run lopsided

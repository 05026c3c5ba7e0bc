// A mail sender process for the crash tests: runs the mail.send outbox worker until no mail.send row is open,
// then exits 0. The test kills it with SIGKILL in the middle of a send and starts another one.
//   node --import tsx test/mail/send-worker.ts <DATABASE_URL> <smtpPort> <leaseMs>
import { openDatabase } from '../../src/db/database.js'
import { one } from '../../src/db/sql.js'
import { systemClock } from '../../src/engine/clock.js'
import { runOutbox } from '../../src/engine/outbox.js'
import { createMailSendHandler, MAIL_SEND_EFFECT } from '../../src/mail/sender.js'
import { createSmtpTransport } from '../../src/mail/smtp.js'

const [url, port, leaseMs] = process.argv.slice(2)
const db = await openDatabase(url!)
const transport = createSmtpTransport({ host: '127.0.0.1', port: Number(port), secure: false, starttls: 'off', timeoutMs: 10_000 })
const from = { name: '工资集体协商系统', address: 'noreply@wagepact.test' }
const deps = {
  db,
  clock: systemClock,
  nodeId: `sender-${process.pid}`,
  leaseMs: Number(leaseMs),
  maxAttempts: 20,
  baseBackoffMs: 50,
  handlers: { [MAIL_SEND_EFFECT]: createMailSendHandler({ db, clock: systemClock, transport, maxAttempts: 20, from }) },
}
const deadline = Date.now() + 60_000
for (;;) {
  const r = await runOutbox(deps)
  if (r.done) console.log(JSON.stringify(r))
  const open = await db.read(function* () {
    return yield* one<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "OutboxMessage" WHERE "effect" = ? AND "status" IN ('pending', 'running')`,
      [MAIL_SEND_EFFECT],
    )
  })
  if (Number(open?.n ?? 0) === 0 || Date.now() > deadline) break
  await new Promise((r) => setTimeout(r, 50))
}
await db.close()

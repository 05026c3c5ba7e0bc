/**
 * The sending worker is killed (SIGKILL) in the middle of a send and started again: every message is delivered,
 * and none twice — except in the one window SMTP itself leaves open (after the final "." and before the server's
 * answer is recorded), where the message is sent again with the SAME Message-ID and flagged possibleDuplicate.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all } from '../../src/db/sql.js'
import { systemClock } from '../../src/engine/clock.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { startTestSmtp } from '../support/smtp.js'
import { addNotify, runNotify, settleOutbox } from './fixtures.js'

const WORKER = path.join(import.meta.dirname, 'send-worker.ts')
const LEASE_MS = 1_500

function startWorker(url: string, port: number): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, String(port), String(LEASE_MS)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited }
}

describe.each(PROVIDERS_UNDER_TEST)('mail sender killed mid-send on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  /** One notification to `n` explicit recipients → n queued mails, each with its mail.send outbox row. */
  async function queueMails(n: number, tag: string) {
    await settleOutbox(db)
    const recipients = Array.from({ length: n }, (_, i) => ({ email: `rep${i + 1}.${tag}@example.test`, name: `职工代表${i + 1}`, role: 'workerRepresentative' }))
    const source = await addNotify(db, systemClock, { caseId: null, caseSeq: null, effect: 'notify.voteReminder', data: { recipients, enterpriseName: '广州市天河精工制造有限公司' } })
    await runNotify(db, systemClock)
    return source
  }

  const mails = (source: string) =>
    db.read(function* () {
      return yield* all<{ messageId: string; status: string; sendPhase: string | null; possibleDuplicate: boolean | number; attempts: number }>(
        `SELECT "messageId", "status", "sendPhase", "possibleDuplicate", "attempts" FROM "MailMessage" WHERE "sourceOutboxId" = ?`,
        [source],
      )
    })
  const flag = (v: boolean | number) => v === true || v === 1

  it('killed while the server is still answering the envelope: every message delivered exactly once', async () => {
    const source = await queueMails(6, `a${provider}`)
    const seen = new Set<string>()
    let first: ReturnType<typeof startWorker> | undefined
    const server = await startTestSmtp({
      delays: { rcptTo: 300 },
      onRecipient: (address) => {
        seen.add(address)
        if (seen.size === 3) first?.child.kill('SIGKILL') // message 3 is mid-envelope: the server cannot have it
      },
    })
    try {
      first = startWorker(t.url, server.port)
      expect(await first.exited).toBeNull() // killed
      const cut = await mails(source)
      expect(cut.filter((m) => m.status === 'sent')).toHaveLength(2)
      expect(cut.filter((m) => m.sendPhase === 'envelope')).toHaveLength(1)
      expect(server.deliveries).toHaveLength(2)

      const second = startWorker(t.url, server.port)
      expect(await second.exited).toBe(0)
      const counts = server.countsByMessageId()
      const done = await mails(source)
      expect(done.every((m) => m.status === 'sent' && m.sendPhase === null && !flag(m.possibleDuplicate))).toBe(true)
      expect(server.deliveries).toHaveLength(6)
      expect([...counts.values()].every((n) => n === 1)).toBe(true)
      expect([...counts.keys()].sort()).toEqual(done.map((m) => m.messageId).sort())
    } finally {
      await server.close()
    }
  })

  it('killed after the final "." before the server answered: resent with the same Message-ID and flagged (the SMTP window)', async () => {
    const source = await queueMails(4, `b${provider}`)
    let first: ReturnType<typeof startWorker> | undefined
    let received = 0
    const server = await startTestSmtp({
      delays: { afterData: 1_000 },
      // Message 2 is received in full; the server records it and then takes its time to answer 250.
      onDelivered: () => {
        if (++received === 2) first?.child.kill('SIGKILL')
      },
    })
    try {
      first = startWorker(t.url, server.port)
      expect(await first.exited).toBeNull()
      const cut = await mails(source)
      expect(cut.filter((m) => m.status === 'sent')).toHaveLength(1)
      expect(cut.filter((m) => m.sendPhase === 'finalDot')).toHaveLength(1) // the server may have it: it does

      const second = startWorker(t.url, server.port)
      expect(await second.exited).toBe(0)
      const done = await mails(source)
      const counts = server.countsByMessageId()
      expect(done.every((m) => m.status === 'sent')).toBe(true)
      expect([...counts.keys()].sort()).toEqual(done.map((m) => m.messageId).sort()) // every message arrived
      const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
      expect(twice).toHaveLength(1) // only the one cut off inside the window, and with the same Message-ID
      expect(server.deliveries).toHaveLength(5)
      expect(done.filter((m) => flag(m.possibleDuplicate)).map((m) => m.messageId)).toEqual(twice)
    } finally {
      await server.close()
    }
  })
})

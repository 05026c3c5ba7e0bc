/**
 * A real SMTP server on 127.0.0.1 for mail tests (smtp-server), parsing what it accepts with mailparser.
 * A message counts as delivered when the server has received it in full (the final "."), BEFORE it answers 250:
 * a client that dies while waiting for the answer and sends again is seen as a second delivery of the same
 * Message-ID. Delays and refusals simulate slow, failing and rejecting servers.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerSession } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export type TDelivery = {
  messageId: string
  envelope: { from: string; to: string[] }
  mail: ParsedMail
  raw: Buffer
  at: number
}

export type TTestSmtpOptions = {
  /** Listen on this port (to bring a server back on the port it had). Default: any free port. */
  port?: number
  /** Delay (ms) before answering MAIL FROM, RCPT TO, and the final "." (after the message was recorded). */
  delays?: { mailFrom?: number; rcptTo?: number; afterData?: number }
  /** Refuse a recipient with an SMTP code (e.g. 550 mailbox unavailable, 450 try later). */
  refuseRecipient?: (address: string) => { code: number; message: string } | undefined
  /** Called when a RCPT TO arrives (before its delay). */
  onRecipient?: (address: string) => void
  /** Called when a message was received in full (before the answer to the final "."). */
  onDelivered?: (d: TDelivery) => void
  auth?: { user: string; pass: string }
}

export type TTestSmtp = {
  port: number
  deliveries: TDelivery[]
  /** Deliveries per Message-ID. */
  countsByMessageId(): Map<string, number>
  waitForDeliveries(n: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function startTestSmtp(options: TTestSmtpOptions = {}): Promise<TTestSmtp> {
  const deliveries: TDelivery[] = []
  const sleep = (ms?: number) => (ms ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve())
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    ...(options.auth
      ? {
          onAuth(auth, _session, cb) {
            if (auth.username === options.auth!.user && auth.password === options.auth!.pass) cb(null, { user: auth.username })
            else cb(Object.assign(new Error('authentication failed'), { responseCode: 535 }))
          },
        }
      : {}),
    logger: false,
    onMailFrom(_address, _session, cb) {
      void sleep(options.delays?.mailFrom).then(() => cb())
    },
    onRcptTo(address, _session, cb) {
      options.onRecipient?.(address.address)
      void sleep(options.delays?.rcptTo).then(() => {
        const refusal = options.refuseRecipient?.(address.address)
        if (refusal) cb(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
        else cb()
      })
    },
    onData(stream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('error', () => {}) // the client went away before the final ".": nothing was delivered
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then(
          (mail) => {
            const d: TDelivery = {
              messageId: mail.messageId ?? '(none)',
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              mail,
              raw,
              at: Date.now(),
            }
            deliveries.push(d)
            options.onDelivered?.(d)
            void sleep(options.delays?.afterData).then(() => cb(null, `OK: queued as ${deliveries.length}`))
          },
          (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
        )
      })
    },
  })
  server.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    deliveries,
    countsByMessageId() {
      const m = new Map<string, number>()
      for (const d of deliveries) m.set(d.messageId, (m.get(d.messageId) ?? 0) + 1)
      return m
    },
    async waitForDeliveries(n, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs
      while (deliveries.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} deliveries, got ${deliveries.length}`)
        await sleep(20)
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Drop open client connections at once (a "server down" test must not wait for them).
        for (const c of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) c.close()
        server.close(() => resolve())
      }),
  }
}

/** A free port nobody listens on (connection refused), to bring a server up on later. */
export async function freePort(): Promise<number> {
  const s = await startTestSmtp()
  await s.close()
  return s.port
}

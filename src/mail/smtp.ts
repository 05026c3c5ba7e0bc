/**
 * The SMTP side (nodemailer's SMTPConnection, one connection per message). The message goes as a stream whose
 * end waits for `beforeFinalDot`: the sender commits "the server may have it from now on" before the final "."
 * of DATA is written, so after a crash it knows whether the server can possibly have accepted the message.
 */
import { Readable } from 'node:stream'
import SMTPConnection from 'nodemailer/lib/smtp-connection'
import type { TSmtpConfig } from '../config/config.js'

export type TSmtpEnvelope = { from: string; to: string[] }
export type TSmtpResult = { response: string; accepted: string[]; rejected: string[] }

export type TSendInput = {
  envelope: TSmtpEnvelope
  raw: Buffer
  /** Awaited after the server's 354 and before the final "." is sent. */
  beforeFinalDot?: () => Promise<void>
}

export type TMailTransport = { send(input: TSendInput): Promise<TSmtpResult>; describe(): string }

/** Why a send failed, in the terms the sender needs. */
export class SmtpSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
    /** The final "." may have reached the server and no answer came back: it may have the message. */
    readonly ambiguous: boolean,
  ) {
    super(message)
    this.name = 'SmtpSendError'
  }
}

type TNodemailerError = Error & { code?: string; responseCode?: number; response?: string; command?: string }

/**
 * 5xx replies and unusable addresses are permanent (the recipient is marked failed at once); connection
 * problems, timeouts, 4xx replies and authentication failures (a configuration problem, fixed by an admin)
 * are retried.
 */
export function classifySmtpError(e: unknown, afterFinalDot: boolean): SmtpSendError {
  const err = (e instanceof Error ? e : new Error(String(e))) as TNodemailerError
  const responseCode = typeof err.responseCode === 'number' ? err.responseCode : undefined
  const code = err.code
  let permanent = false
  if (code === 'EAUTH' || code === 'ETLS') permanent = false
  else if (responseCode !== undefined) permanent = responseCode >= 500 && responseCode < 600
  else if (code === 'EENVELOPE') permanent = true // e.g. "No recipients defined": the address itself is unusable
  const ambiguous = afterFinalDot && responseCode === undefined
  return new SmtpSendError(err.message, permanent, code, responseCode, ambiguous)
}

export function createSmtpTransport(config: TSmtpConfig): TMailTransport {
  const options = {
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.starttls === 'required',
    ignoreTLS: config.starttls === 'off',
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    logger: false,
  }
  return {
    describe: () => `smtp://${config.host}:${config.port}${config.secure ? ' (TLS)' : ''}`,
    async send(input) {
      const connection = new SMTPConnection(options)
      let afterFinalDot = false
      let failure: unknown
      connection.on('error', (e: unknown) => {
        failure ??= e
      })
      const step = <T>(run: (cb: (err: unknown, value?: T) => void) => void) =>
        new Promise<T>((resolve, reject) => {
          const onClose = () => reject(failure ?? Object.assign(new Error('connection closed unexpectedly'), { code: 'ECONNECTION' }))
          connection.once('end', onClose)
          run((err, value) => {
            connection.removeListener('end', onClose)
            if (err) reject(err)
            else resolve(value as T)
          })
        })
      try {
        await step<void>((cb) => connection.connect((err) => cb(err)))
        if (config.auth) await step<boolean>((cb) => connection.login({ user: config.auth!.user, pass: config.auth!.pass }, (err, ok) => cb(err, ok)))
        let started = false
        const body = new Readable({
          read() {
            if (started) return
            started = true
            this.push(input.raw)
            const finish = input.beforeFinalDot ? input.beforeFinalDot() : Promise.resolve()
            finish.then(
              () => {
                afterFinalDot = true
                this.push(null)
              },
              (e: unknown) => this.destroy(e instanceof Error ? e : new Error(String(e))),
            )
          },
        })
        const info = await step<{ response: string; accepted: (string | { address: string })[]; rejected: (string | { address: string })[] }>(
          (cb) => connection.send(input.envelope, body, (err, result) => cb(err, result as never)),
        )
        connection.quit()
        const addr = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address)
        return { response: info.response, accepted: info.accepted.map(addr), rejected: info.rejected.map(addr) }
      } catch (e) {
        connection.close()
        throw classifySmtpError(e, afterFinalDot)
      }
    },
  }
}

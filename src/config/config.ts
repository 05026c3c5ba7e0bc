/**
 * Configuration: the environment, parsed by zod once at boot. A bad value stops start-up with a message that
 * names the variable (in Chinese and English).
 */
import os from 'node:os'
import { z } from 'zod'

const ZBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

export const ZConfigSchema = z.object({
  /** file:./data/wagepact.db (embedded SQLite, the default) or postgresql://user@host:5432/db */
  DATABASE_URL: z
    .string()
    .default('file:./data/wagepact.db')
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'must start with file: or postgresql://'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Identifies this process in deadline and outbox claims (several processes may share one PostgreSQL). */
  NODE_ID: z.string().min(1).max(100).default(`${os.hostname()}-${process.pid}`),
  /** How often the deadline scheduler and the outbox worker look for due work. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(2_000),
  /** How long a claimed outbox message (other than mail) stays with the worker before another may take it over. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Run the scheduler and outbox worker in this process (turn off for API-only processes). */
  WORKERS: ZBool.default(true),
  /** Apply pending migrations at start-up. */
  MIGRATE_ON_START: ZBool.default(true),
  /** Seed the demo case and accounts on an empty database. */
  DEMO: ZBool.default(false),

  // HTTP API and accounts (src/http, src/auth).
  /** The demo accounts' password (otherwise a random one per database, printed when seeded). Setting it resets them. */
  DEMO_PASSWORD: z.string().min(10).max(256).optional(),
  /** How long a sign-in lasts (absolute). */
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(720).default(12),
  /**
   * How long the claim of an Idempotency-Key protects a running request: a retry after a crash waits at most this
   * long before it runs the request itself (a request that outlives it cannot complete twice: the claim is fenced).
   */
  IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  /** Secure flag of the session cookie: auto = when the request came over HTTPS (behind a proxy: X-Forwarded-Proto). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Comma-separated origins allowed to call the API cross-origin with bearer tokens. Empty: CORS off. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .refine((v) => v.split(',').every((o) => o.trim() === '' || /^https?:\/\/[^/\s]+$/.test(o.trim())), 'expected origins like https://example.org, comma-separated'),
  /** Failed logins allowed per account+IP, and per IP, within the window. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().min(1).max(1440).default(15),
  /** Where documents stored as files (Document.path) live. */
  DOCUMENTS_DIR: z.string().min(1).default('data/documents'),

  // Mail (src/mail). Without SMTP_HOST (the embedded default) messages are kept in the database as 'held' and
  // listed for admins instead of being sent.
  SMTP_HOST: z.string().min(1).optional(),
  /** Default: 465 with SMTP_SECURE, else 587. */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** TLS from the first byte (SMTPS, usually port 465). */
  SMTP_SECURE: ZBool.default(false),
  /** STARTTLS on a plain connection: required (refuse to send without it), opportunistic, or off. */
  SMTP_STARTTLS: z.enum(['required', 'opportunistic', 'off']).default('opportunistic'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** Connection, greeting and socket timeout of one send. */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** The sender: an address, optionally with a display name: `工资集体协商系统 <noreply@example.cn>`. */
  MAIL_FROM: z.string().min(3).max(300).optional(),
  /** The right-hand side of the stable Message-IDs. */
  MAIL_MESSAGE_ID_DOMAIN: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a domain name')
    .default('wagepact.local'),
  /** Attempts before a mail is dead-lettered, and the first retry delay (doubled after each failure). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  MAIL_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Lease of a mail being sent; default max(120 s, 4 × SMTP_TIMEOUT_MS). Keep it well above one whole send. */
  MAIL_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).optional(),
  /** The address of the web app, for links in mails (case page, voting credential). */
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  /** Days before a statutory deadline on which a reminder is sent, e.g. "5,1"; empty: no reminders. */
  REMINDER_LEAD_DAYS: z
    .string()
    .default('5,1')
    .refine((v) => v.trim() === '' || /^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/.test(v), 'a comma-separated list of whole days, e.g. 5,1'),
  REMINDER_INTERVAL_MS: z.coerce.number().int().min(50).max(86_400_000).default(60_000),
  /**
   * 32 bytes (64 hex characters, or base64) sealing the voting credentials the congress sends by mail
   * (AES-256-GCM); only the mail sender opens them. Without it credentials cannot be e-mailed.
   */
  CONGRESS_CREDENTIAL_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== undefined, 'must be 32 bytes: 64 hex characters or base64')
    .optional(),
})

/** 64 hex characters or base64/base64url of exactly 32 bytes. */
function decodeKey(v: string): Buffer | undefined {
  const t = v.trim()
  const b = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : undefined
  return b && b.length === 32 ? b : undefined
}

export type TConfig = {
  databaseUrl: string
  host: string
  port: number
  logLevel: z.infer<typeof ZConfigSchema>['LOG_LEVEL']
  nodeId: string
  schedulerIntervalMs: number
  outboxIntervalMs: number
  outboxLeaseMs: number
  workers: boolean
  migrateOnStart: boolean
  demo: boolean
  mail: TMailConfig
  http: THttpConfig
  /** Seals e-mailed voting credentials (src/congress) and opens them in the mail sender; null: not configured. */
  congressCredentialKey: Buffer | null
}

export type THttpConfig = {
  demoPassword: string | undefined
  sessionTtlMs: number
  idempotencyLeaseMs: number
  cookieSecure: 'auto' | boolean
  corsOrigins: string[]
  loginMaxFailuresPerAccount: number
  loginMaxFailuresPerIp: number
  loginWindowMs: number
  documentsDir: string
}

export type TSmtpConfig = {
  host: string
  port: number
  secure: boolean
  starttls: 'required' | 'opportunistic' | 'off'
  auth?: { user: string; pass: string }
  timeoutMs: number
}

export type TMailConfig = {
  /** null: no SMTP server; messages are held in the database. */
  smtp: TSmtpConfig | null
  from: { address: string; name: string }
  messageIdDomain: string
  maxAttempts: number
  backoffMs: number
  /** Lease of a mail.send outbox message (undefined: max(120 s, 4 × the SMTP timeout)). */
  leaseMs: number | undefined
  publicUrl: string
  /** Distinct lead times in days, largest first. */
  reminderLeadDays: number[]
  reminderIntervalMs: number
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `配置错误 / invalid configuration:\n` + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    )
    this.name = 'ConfigError'
  }
}

const ZAddressSchema = z.email()

/** `Name <addr@host>` or `addr@host` → its parts; undefined when it is not an address. */
export function parseMailbox(value: string): { address: string; name: string } | undefined {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+)>\s*$/.exec(value)
  const address = (m ? m[2] : value.trim()) ?? ''
  if (!ZAddressSchema.safeParse(address).success) return undefined
  return { address, name: m?.[1]?.trim() ?? '' }
}

const DEFAULT_FROM = { address: 'noreply@wagepact.local', name: '工资集体协商系统 WagePact' }

/** Cross-field rules of the mail variables, as issues naming the variable. */
function mailIssues(e: z.infer<typeof ZConfigSchema>): { variable: string; message: string }[] {
  const issues: { variable: string; message: string }[] = []
  if (e.MAIL_FROM !== undefined && !parseMailbox(e.MAIL_FROM))
    issues.push({ variable: 'MAIL_FROM', message: '发件人地址无效 / not an e-mail address (addr@host or Name <addr@host>)' })
  if (e.SMTP_HOST) {
    if (e.MAIL_FROM === undefined)
      issues.push({ variable: 'MAIL_FROM', message: '配置 SMTP_HOST 时必须设置发件人 / required when SMTP_HOST is set' })
    if ((e.SMTP_USER === undefined) !== (e.SMTP_PASSWORD === undefined))
      issues.push({
        variable: e.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASSWORD',
        message: 'SMTP_USER 与 SMTP_PASSWORD 须同时设置 / set both or neither',
      })
    if (e.SMTP_SECURE && e.SMTP_STARTTLS === 'required')
      issues.push({ variable: 'SMTP_STARTTLS', message: 'SMTP_SECURE 已使用 TLS / not with SMTP_SECURE=true (TLS from the start)' })
  } else {
    for (const v of ['SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD'] as const)
      if (e[v] !== undefined) issues.push({ variable: v, message: '未设置 SMTP_HOST / has no effect without SMTP_HOST' })
  }
  return issues
}

export function loadConfig(env: NodeJS.ProcessEnv): TConfig {
  const r = ZConfigSchema.safeParse(env)
  if (!r.success) {
    throw new ConfigError(
      r.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: `环境变量无效 / ${i.message}` })),
    )
  }
  const e = r.data
  const issues = mailIssues(e)
  if (issues.length) throw new ConfigError(issues.map((i) => ({ ...i, message: `环境变量无效 / ${i.message}` })))
  const from = e.MAIL_FROM ? parseMailbox(e.MAIL_FROM)! : DEFAULT_FROM
  return {
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    nodeId: e.NODE_ID,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    workers: e.WORKERS,
    migrateOnStart: e.MIGRATE_ON_START,
    demo: e.DEMO,
    mail: {
      smtp: e.SMTP_HOST
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587),
            secure: e.SMTP_SECURE,
            starttls: e.SMTP_STARTTLS,
            ...(e.SMTP_USER && e.SMTP_PASSWORD ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } } : {}),
            timeoutMs: e.SMTP_TIMEOUT_MS,
          }
        : null,
      from: { address: from.address, name: from.name || DEFAULT_FROM.name },
      messageIdDomain: e.MAIL_MESSAGE_ID_DOMAIN,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      backoffMs: e.MAIL_BACKOFF_MS,
      leaseMs: e.MAIL_LEASE_MS,
      publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
      reminderLeadDays: [
        ...new Set(
          e.REMINDER_LEAD_DAYS.split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .map(Number)
            .filter((n) => n > 0),
        ),
      ].sort((a, b) => b - a),
      reminderIntervalMs: e.REMINDER_INTERVAL_MS,
    },
    http: {
      demoPassword: e.DEMO_PASSWORD,
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      idempotencyLeaseMs: e.IDEMPOTENCY_LEASE_MS,
      cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
      corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
      documentsDir: e.DOCUMENTS_DIR,
    },
    congressCredentialKey: e.CONGRESS_CREDENTIAL_KEY ? decodeKey(e.CONGRESS_CREDENTIAL_KEY)! : null,
  }
}

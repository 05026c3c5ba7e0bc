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
  /** Run the scheduler and outbox worker in this process (turn off for API-only processes). */
  WORKERS: ZBool.default(true),
  /** Apply pending migrations at start-up. */
  MIGRATE_ON_START: ZBool.default(true),
  /** Seed the demo case and accounts on an empty database. */
  DEMO: ZBool.default(false),
})
export type TConfig = {
  databaseUrl: string
  host: string
  port: number
  logLevel: z.infer<typeof ZConfigSchema>['LOG_LEVEL']
  nodeId: string
  schedulerIntervalMs: number
  outboxIntervalMs: number
  workers: boolean
  migrateOnStart: boolean
  demo: boolean
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `配置错误 / invalid configuration:\n` + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    )
    this.name = 'ConfigError'
  }
}

export function loadConfig(env: NodeJS.ProcessEnv): TConfig {
  const r = ZConfigSchema.safeParse(env)
  if (!r.success) {
    throw new ConfigError(
      r.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: `环境变量无效 / ${i.message}` })),
    )
  }
  const e = r.data
  return {
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    nodeId: e.NODE_ID,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    workers: e.WORKERS,
    migrateOnStart: e.MIGRATE_ON_START,
    demo: e.DEMO,
  }
}

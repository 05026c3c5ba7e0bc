/**
 * A small table-backed rate limiter (RateLimitHit rows), shared by every process on the database: a bucket allows
 * `max` hits in a sliding window of `windowMs`. Used for failed logins per account+IP and per IP.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { AppError } from '../errors/app-error.js'

export type TLimit = { bucket: string; max: number; windowMs: number }

const minus = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString()

/** Throws RATE_LIMITED (429, with the seconds to wait) when a bucket is full. */
export async function checkLimits(db: TDatabase, limits: readonly TLimit[], now: Date): Promise<void> {
  for (const l of limits) {
    const hits = await db.prisma.rateLimitHit.findMany({
      where: { bucket: l.bucket, at: { gte: minus(now, l.windowMs) } },
      orderBy: { at: 'asc' },
      select: { at: true },
    })
    if (hits.length < l.max) continue
    // The window frees up when enough of the oldest hits fall out of it.
    const freeAt = Date.parse(hits[hits.length - l.max]!.at) + l.windowMs
    const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000))
    throw new AppError(
      'RATE_LIMITED',
      {
        zh: `尝试次数过多，请在 ${retryAfterSeconds} 秒后重试`,
        en: `too many attempts; try again in ${retryAfterSeconds} seconds`,
      },
      { retryAfterSeconds },
    )
  }
}

/** Records one hit in each bucket and forgets hits older than the longest window. */
export async function recordHit(db: TDatabase, limits: readonly TLimit[], now: Date): Promise<void> {
  const at = now.toISOString()
  const longest = Math.max(...limits.map((l) => l.windowMs))
  await db.prisma.$transaction([
    db.prisma.rateLimitHit.deleteMany({ where: { at: { lt: minus(now, longest) } } }),
    db.prisma.rateLimitHit.createMany({ data: limits.map((l) => ({ id: crypto.randomUUID(), bucket: l.bucket, at })) }),
  ])
}

export async function clearBucket(db: TDatabase, bucket: string): Promise<void> {
  await db.prisma.rateLimitHit.deleteMany({ where: { bucket } })
}

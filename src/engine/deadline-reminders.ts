/**
 * Reminders before statutory deadlines: for each pending Deadline and each lead time (REMINDER_LEAD_DAYS, e.g.
 * 5 and 1), a notify.deadlineReminder outbox row on the morning (09:00 local) of the day `lead` days before the
 * last day. Each (deadline, lead) is recorded in DeadlineReminder under its primary key, so a reminder is written
 * once — across restarts and with several processes (INSERT … ON CONFLICT DO NOTHING decides the one writer).
 * When several leads are due at once (the job was not running, or the deadline was set late), only the nearest is
 * sent and the others are recorded as skipped.
 */
import crypto from 'node:crypto'
import type { TDatabase } from '../db/database.js'
import { all, run, type TSql } from '../db/sql.js'
import type { TClock } from './clock.js'
import { startPoller } from './poller.js'

export const DEADLINE_REMINDER_EFFECT = 'notify.deadlineReminder'
/** Deadlines that open something rather than end it get no reminder. */
export const NO_REMINDER_KINDS = ['renewalWindow']

const DAY_MS = 86_400_000
const REMIND_AT_LOCAL_TIME = '09:00'

/** Offset (local − UTC, ms) of a time zone at an instant. */
function offsetMs(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t
}

/** The instant of local `HH:MM` on local date `date` in `timeZone`. */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${time}:00.000Z`)
  return new Date(guess - offsetMs(guess, timeZone)).toISOString()
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** When the reminder `leadDays` before a deadline is sent. */
export function reminderAt(lastDay: string, leadDays: number, timeZone = 'Asia/Shanghai'): string {
  return zonedInstant(addDays(lastDay, -leadDays), REMIND_AT_LOCAL_TIME, timeZone)
}

type TCandidate = { id: string; caseId: string; kind: string; lastDay: string; dueAt: string; explanation: string; createdAt: string }

export type TReminderOptions = { leadDays: number[]; excludeKinds?: string[] }

/** One pass as a SQL program: writes the reminders due at `now`. */
export function* enqueueDueReminders(now: string, options: TReminderOptions): TSql<{ queued: number; skipped: number }> {
  const leads = [...new Set(options.leadDays.filter((d) => d > 0))].sort((a, b) => a - b)
  const counts = { queued: 0, skipped: 0 }
  if (!leads.length) return counts
  const horizon = new Date(Date.parse(now) + (leads.at(-1)! + 2) * DAY_MS).toISOString()
  const exclude = options.excludeKinds ?? NO_REMINDER_KINDS
  const candidates = yield* all<TCandidate>(
    `SELECT d."id", d."caseId", d."kind", d."lastDay", d."dueAt", d."explanation", d."createdAt" FROM "Deadline" d
     WHERE d."status" = 'pending' AND d."dueAt" > ? AND d."dueAt" <= ?
       ${exclude.length ? `AND d."kind" NOT IN (${exclude.map(() => '?').join(', ')})` : ''}
       AND (SELECT COUNT(*) FROM "DeadlineReminder" r WHERE r."deadlineId" = d."id") < ?
     ORDER BY d."dueAt"`,
    [now, horizon, ...exclude, leads.length],
  )
  for (const d of candidates) {
    let timeZone = 'Asia/Shanghai'
    try {
      const tz = (JSON.parse(d.explanation) as { timeZone?: unknown }).timeZone
      if (typeof tz === 'string') timeZone = tz
    } catch {
      // default zone
    }
    const due = leads
      .map((lead) => ({ lead, at: reminderAt(d.lastDay, lead, timeZone) }))
      .filter((r) => r.at <= now && r.at < d.dueAt)
    if (!due.length) continue
    // The nearest due lead is sent, unless it falls before the deadline existed (the event's own mail told them).
    const [nearest] = due
    for (const r of due) {
      const send = r === nearest && r.at >= d.createdAt
      const outboxId = send ? crypto.randomUUID() : null
      const inserted = yield* run(
        `INSERT INTO "DeadlineReminder" ("deadlineId", "leadDays", "caseId", "status", "remindAt", "outboxId", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("deadlineId", "leadDays") DO NOTHING`,
        [d.id, r.lead, d.caseId, send ? 'queued' : 'skipped', r.at, outboxId, now],
      )
      if (inserted !== 1) continue
      if (!send) {
        counts.skipped++
        continue
      }
      yield* run(
        `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
         VALUES (?, ?, NULL, ?, ?, 'pending', 0, ?, ?)`,
        [
          outboxId,
          d.caseId,
          DEADLINE_REMINDER_EFFECT,
          JSON.stringify({ deadlineId: d.id, kind: d.kind, lastDay: d.lastDay, dueAt: d.dueAt, leadDays: r.lead }),
          now,
          now,
        ],
      )
      counts.queued++
    }
  }
  return counts
}

export type TReminderDeps = { db: TDatabase; clock: TClock } & TReminderOptions

export function runDeadlineReminders(deps: TReminderDeps) {
  const now = deps.clock.now().toISOString()
  return deps.db.transaction(() => enqueueDueReminders(now, deps))
}

/** Polls every `intervalMs` until the returned stop function is called. */
export function startDeadlineReminders(deps: TReminderDeps, intervalMs: number, onError: (e: unknown) => void) {
  return startPoller(() => runDeadlineReminders(deps), intervalMs, onError)
}

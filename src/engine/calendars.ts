/**
 * The official holiday calendars the engine counts with: the shipped years plus the years an admin loaded, and the
 * deadline calculator built on them. Deadlines computed while a year was missing are provisional; when the year is
 * loaded, refreshProvisionalDeadlines recomputes them (the loading process at once; every other process when its
 * scheduler tick sees the loaded years change, which also repairs a load interrupted before its recomputation).
 */
import { computeDeadline, type TDeadline } from '../../workflows/rules/deadlines.js'
import { shippedCalendars, validateCalendarYear, type TCalendarYear } from '../../workflows/rules/calendar/index.js'
import type { TDatabase } from '../db/database.js'
import { all, one, run } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import type { TActor } from './actor.js'
import { Lru } from './lru.js'
import { deadlineExplanation, type TDeadlineCalculator } from './apply-transition.js'

export type TCalendarStore = {
  years(): readonly TCalendarYear[]
  calculator: TDeadlineCalculator
  /**
   * Reads the admin-loaded years from the database; true when they differ from what the store had. The list is only
   * replaced on a change, so the calendar built from it (memoised per list in rules/deadlines.ts) is kept.
   */
  refresh(): Promise<boolean>
}

export function createCalendarStore(db: TDatabase): TCalendarStore {
  let years: readonly TCalendarYear[] = shippedCalendars
  let loaded = ''
  // The same period from the same day gives the same deadline while the loaded years stay the same (many cases
  // share their dates): computed once, kept frozen, dropped when the years change. Bounded (lru.ts).
  const computed = new Lru<string, TDeadline>(2_000)
  let computedFor = years
  return {
    years: () => years,
    calculator: (params, timeZone) => {
      if (computedFor !== years) {
        computed.clear()
        computedFor = years
      }
      const input = { from: params.from, period: params.period, timeZone, endOfDay: params.endOfDay ?? true, before: params.before ?? false }
      const key = JSON.stringify(input)
      let result = computed.get(key)
      if (!result) {
        result = deepFreeze(computeDeadline({ ...input, calendars: years }))
        computed.set(key, result)
      }
      return result
    },
    refresh: async () => {
      const rows = await db.read(function* () {
        return yield* all<{ data: string }>(`SELECT "data" FROM "CalendarYear" ORDER BY "year"`)
      })
      const seen = JSON.stringify(rows.map((r) => r.data))
      if (seen === loaded) return false
      loaded = seen
      // Later entries win: a loaded year replaces the shipped one.
      years = [...shippedCalendars, ...rows.map((r) => JSON.parse(r.data) as TCalendarYear)]
      return true
    },
  }
}

/** Validates and stores an official calendar year (an admin action), then recomputes provisional deadlines. */
export async function loadCalendarYear(
  db: TDatabase,
  store: TCalendarStore,
  input: unknown,
  actor: TActor,
  now: string,
) {
  const v = validateCalendarYear(input)
  if (!v.ok) {
    throw new AppError(
      'INVALID_INPUT',
      { zh: '节假日安排数据无效', en: 'invalid holiday calendar data' },
      { issues: v.issues.map((i) => ({ path: i.path, message: i.message })) },
    )
  }
  const cal = v.calendar
  await db.transaction(function* () {
    yield* run(`DELETE FROM "CalendarYear" WHERE "year" = ?`, [cal.year])
    yield* run(`INSERT INTO "CalendarYear" ("year", "data", "loadedBy", "loadedAt") VALUES (?, ?, ?, ?)`, [
      cal.year,
      JSON.stringify(cal),
      actor.id,
      now,
    ])
  })
  await store.refresh()
  return { year: cal.year, recomputed: await refreshProvisionalDeadlines(db, store) }
}

/**
 * Recomputes every pending provisional deadline with the calendars known now. A deadline keeps its row; its due
 * time and explanation change, and the explanation records the earlier date.
 */
export async function refreshProvisionalDeadlines(db: TDatabase, store: TCalendarStore): Promise<number> {
  const pending = await db.read(function* () {
    return yield* all<{ id: string; explanation: string; dueAt: string }>(
      `SELECT "id", "explanation", "dueAt" FROM "Deadline" WHERE "status" = 'pending' AND "provisional" = ?`,
      [true],
    )
  })
  let changed = 0
  const loaded = new Set(store.years().map((y) => y.year))
  for (const d of pending) {
    const before = JSON.parse(d.explanation) as ReturnType<typeof deadlineExplanation>
    if (!before.provisionalYears.some((y) => loaded.has(y))) continue
    const computed = store.calculator(before, before.timeZone)
    const next = { ...deadlineExplanation(before, before.timeZone, computed), previousDueAt: d.dueAt }
    await db.transaction(function* () {
      const still = yield* one<{ id: string }>(`SELECT "id" FROM "Deadline" WHERE "id" = ? AND "status" = 'pending'`, [d.id])
      if (!still) return
      yield* run(
        `UPDATE "Deadline" SET "lastDay" = ?, "dueAt" = ?, "provisional" = ?, "explanation" = ? WHERE "id" = ?`,
        [computed.lastDay, computed.dueAt, computed.provisional, JSON.stringify(next), d.id],
      )
    })
    changed++
  }
  return changed
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

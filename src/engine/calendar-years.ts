/** The holiday calendar years the engine counts with: shipped with the program, or loaded by an admin. */
import { shippedCalendars, type TCalendarYear } from '../../workflows/rules/calendar/index.js'
import type { TDatabase } from '../db/database.js'
import { all } from '../db/sql.js'

export type TCalendarYearSummary = {
  year: number
  origin: 'shipped' | 'loaded'
  source: TCalendarYear['source']
  holidays: number
  adjustedWorkingDays: number
  loadedBy: string | null
  loadedAt: string | null
}

/** Read from the database (not a process's cached store), so every process lists the same years. */
export async function listCalendarYears(db: TDatabase): Promise<TCalendarYearSummary[]> {
  const loaded = await db.read(function* () {
    return yield* all<{ year: number; data: string; loadedBy: string | null; loadedAt: string }>(
      `SELECT "year", "data", "loadedBy", "loadedAt" FROM "CalendarYear" ORDER BY "year"`,
    )
  })
  const byYear = new Map<number, TCalendarYear>()
  // A loaded year replaces the shipped one of the same year (as in the calendar store).
  for (const y of shippedCalendars) byYear.set(y.year, y)
  for (const l of loaded) byYear.set(Number(l.year), JSON.parse(l.data) as TCalendarYear)
  const loadedYears = new Map(loaded.map((l) => [Number(l.year), l]))
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      const l = loadedYears.get(y.year)
      return {
        year: y.year,
        origin: l ? 'loaded' : 'shipped',
        source: y.source,
        holidays: y.holidays.length,
        adjustedWorkingDays: y.adjustedWorkingDays.length,
        loadedBy: l?.loadedBy ?? null,
        loadedAt: l?.loadedAt ?? null,
      }
    })
}

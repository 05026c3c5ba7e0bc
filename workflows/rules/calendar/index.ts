/**
 * The legal calendar: which local dates are public holidays, adjusted working days (调休), working days and rest
 * days, built from official calendar years (shipped here, plus any an administrator has loaded).
 *
 * A year with no official data is never guessed: only Saturdays and Sundays are rest days in it, and callers
 * (rules/deadlines.ts) mark anything computed from such a year as provisional, using `hasYear`.
 */
import { calendar2025 } from './2025.js'
import { calendar2026 } from './2026.js'
import { isWeekend, parseDate } from './dates.js'
import { ZCalendarYearSchema, type TCalendarYear } from './types.js'

export type { TCalendarYear, TCalendarDay, TCalendarSource, TCalendarYearIssue } from './types.js'
export { ZCalendarYearSchema, validateCalendarYear } from './types.js'

/** The official years shipped with the application, oldest first. */
export const shippedCalendars: readonly TCalendarYear[] = [calendar2025, calendar2026]

export type TBilingual = { zh: string; en: string }

/** What kind of day a date is. */
export type TDayKind = 'holiday' | 'adjustedWorkingDay' | 'weekend' | 'workingDay'

export type TCalendar = {
  /** The years with official data, ascending. */
  readonly years: readonly number[]
  /** True if an official calendar for `year` is loaded. */
  hasYear(year: number): boolean
  /** The official calendar for `year`, if loaded. */
  getYear(year: number): TCalendarYear | undefined
  /** A day the official notice names as a holiday (放假). Always false in a year with no data. */
  isHoliday(date: string): boolean
  /** The holiday's name, if `date` is a holiday. */
  holidayName(date: string): TBilingual | undefined
  /** A Saturday or Sunday the official notice names as a working day (调休上班). Always false in a year with no data. */
  isAdjustedWorkingDay(date: string): boolean
  /** A weekday that is not a holiday, or an adjusted working day. */
  isWorkingDay(date: string): boolean
  /** Not a working day: a holiday, or a Saturday/Sunday that is not an adjusted working day. */
  isRestDay(date: string): boolean
  /** The kind of day, with the name from the notice for holidays and adjusted working days. */
  dayKind(date: string): { kind: TDayKind; name?: TBilingual; official: boolean }
}

/**
 * Builds a calendar from official years. Each year is validated against `ZCalendarYearSchema` (a malformed year
 * throws an Error listing the problems). If the same year appears more than once, the **last** one wins, so
 * `buildCalendar([...shippedCalendars, ...adminLoaded])` lets an uploaded correction replace a shipped year.
 */
export function buildCalendar(years: readonly TCalendarYear[]): TCalendar {
  const byYear = new Map<number, TCalendarYear>()
  for (const candidate of years) {
    const result = ZCalendarYearSchema.safeParse(candidate)
    if (!result.success) {
      const label = typeof candidate?.year === 'number' ? `calendar year ${candidate.year}` : 'calendar year'
      const details = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
      throw new Error(`Invalid ${label}: ${details}`)
    }
    byYear.set(result.data.year, result.data)
  }

  const holidays = new Map<string, TBilingual>()
  const adjusted = new Map<string, TBilingual>()
  for (const cal of byYear.values()) {
    for (const h of cal.holidays) holidays.set(h.date, h.name)
    for (const a of cal.adjustedWorkingDays) adjusted.set(a.date, a.name)
  }
  const sortedYears = [...byYear.keys()].sort((a, b) => a - b)

  const check = (date: string): string => {
    parseDate(date) // throws a clear Error on a malformed date
    return date
  }

  const dayKind: TCalendar['dayKind'] = (date) => {
    const d = check(date)
    const official = byYear.has(Number(d.slice(0, 4)))
    const h = holidays.get(d)
    if (h) return { kind: 'holiday', name: h, official }
    const a = adjusted.get(d)
    if (a) return { kind: 'adjustedWorkingDay', name: a, official }
    return { kind: isWeekend(d) ? 'weekend' : 'workingDay', official }
  }

  return {
    years: sortedYears,
    hasYear: (year) => byYear.has(year),
    getYear: (year) => byYear.get(year),
    isHoliday: (date) => holidays.has(check(date)),
    holidayName: (date) => holidays.get(check(date)),
    isAdjustedWorkingDay: (date) => adjusted.has(check(date)),
    isWorkingDay: (date) => {
      const k = dayKind(date).kind
      return k === 'workingDay' || k === 'adjustedWorkingDay'
    },
    isRestDay: (date) => {
      const k = dayKind(date).kind
      return k === 'holiday' || k === 'weekend'
    },
    dayKind,
  }
}

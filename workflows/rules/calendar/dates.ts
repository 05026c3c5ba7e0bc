/**
 * Pure helpers on local calendar dates written as 'YYYY-MM-DD' strings.
 *
 * A local date is a day on the wall calendar of some jurisdiction, not an instant. All arithmetic here works on
 * day numbers (days since 1970-01-01 in the proleptic Gregorian calendar) computed with `Date.UTC`, so the
 * machine's own time zone can never shift a date. Converting between a local date and an instant needs a time
 * zone; `localDayStartUtc` and `toLocalDate` do that with the built-in `Intl.DateTimeFormat`, so any IANA zone
 * works. Nothing here reads the clock.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

export type TDateParts = { year: number; month: number; day: number }

/** Days in `month` (1–12) of `year`, Gregorian leap-year rules. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** True if `value` is a real calendar date written as YYYY-MM-DD (e.g. '2026-02-30' is not). */
export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = DATE_RE.exec(value)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Parses 'YYYY-MM-DD'. Throws an Error naming the bad value if it is not a real date. */
export function parseDate(value: string): TDateParts {
  if (!isValidDate(value)) {
    throw new Error(`Invalid date ${JSON.stringify(value)}: expected a real calendar date written as YYYY-MM-DD`)
  }
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) }
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Formats year, month (1–12) and day as 'YYYY-MM-DD'. Throws if they do not name a real date. */
export function formatDate(year: number, month: number, day: number): string {
  const value = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
  parseDate(value)
  return value
}

/** Days since 1970-01-01 (negative before). */
function toDayNumber(date: string): number {
  const { year, month, day } = parseDate(date)
  const ms = Date.UTC(year, month - 1, day)
  // Date.UTC maps years 0–99 to 1900–1999; correct for that.
  const fixed = year < 100 ? new Date(ms).setUTCFullYear(year) : ms
  return Math.round(fixed / MS_PER_DAY)
}

function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY)
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** The year of a date. */
export function yearOf(date: string): number {
  return parseDate(date).year
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`addDays: days must be an integer, got ${days}`)
  return fromDayNumber(toDayNumber(date) + days)
}

/**
 * `date` plus `months` (may be negative) on the same day of the month. Civil Code Art 202: if the target month has
 * no such day, the last day of that month is used (2026-01-31 + 1 month → 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new Error(`addMonths: months must be an integer, got ${months}`)
  const { year, month, day } = parseDate(date)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  return formatDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Day of the week: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

/** True on Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  const w = weekday(date)
  return w === 0 || w === 6
}

/** -1 if a is before b, 0 if equal, 1 if after. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b)
  return d < 0 ? -1 : d > 0 ? 1 : 0
}

/** Number of days from `from` to `to` (positive if `to` is later): diffDays('2026-06-04', '2026-06-24') = 20. */
export function diffDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** '2026-06-24' → '2026年6月24日'. */
export function formatDateZh(date: string): string {
  const { year, month, day } = parseDate(date)
  return `${year}年${month}月${day}日`
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** '2026-06-24' → '24 June 2026'. */
export function formatDateEn(date: string): string {
  const { year, month, day } = parseDate(date)
  return `${day} ${EN_MONTHS[month - 1]} ${year}`
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>()

/** A cached formatter giving the wall-clock fields of an instant in `timeZone`. Throws on an unknown zone. */
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      throw new Error(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as 'Asia/Shanghai'`)
    }
    formatters.set(timeZone, f)
  }
  return f
}

/** Throws a clear Error if `timeZone` is not a time zone known to this runtime. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone.length === 0) {
    throw new Error(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as 'Asia/Shanghai'`)
  }
  wallClockFormatter(timeZone)
}

/** The wall-clock time of instant `ms` in `timeZone`, expressed as if it were UTC (milliseconds). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value)
  const era = parts.find((p) => p.type === 'era')?.value
  let year = get('year')
  if (era === 'BC' || era === 'B') year = 1 - year
  const wall = new Date(0)
  wall.setUTCFullYear(year, get('month') - 1, get('day'))
  wall.setUTCHours(get('hour'), get('minute'), get('second'), 0)
  return wall.getTime() + (((ms % 1000) + 1000) % 1000)
}

/** Local date of instant `ms` in `timeZone`. */
function localDateOfMs(ms: number, timeZone: string): string {
  return new Date(Math.floor(wallClockMs(ms, timeZone) / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10)
}

const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * The local date (YYYY-MM-DD) in `timeZone` of an ISO 8601 instant. The instant must carry 'Z' or an offset:
 * a string without one would be read in the machine's own zone, which is exactly the bug this avoids.
 */
export function toLocalDate(isoInstant: string, timeZone: string): string {
  const ms = typeof isoInstant === 'string' && ISO_INSTANT_RE.test(isoInstant) ? Date.parse(isoInstant) : Number.NaN
  if (Number.isNaN(ms)) {
    throw new Error(
      `Invalid instant ${JSON.stringify(isoInstant)}: expected ISO 8601 with 'Z' or an offset, e.g. 2026-06-24T16:00:00.000Z`,
    )
  }
  assertTimeZone(timeZone)
  return localDateOfMs(ms, timeZone)
}

/**
 * The instant (ISO UTC string) at which `date` begins in `timeZone`: 00:00 local time. If the zone skips
 * midnight on that day (a daylight-saving change at 00:00), the first instant of the day is returned instead.
 * localDayStartUtc('2026-06-25', 'Asia/Shanghai') = '2026-06-24T16:00:00.000Z'.
 */
export function localDayStartUtc(date: string, timeZone: string): string {
  const midnightAsUtc = toDayNumber(date) * MS_PER_DAY
  assertTimeZone(timeZone)
  // Offset iteration: guess = wall time − offset(guess); two rounds settle every real-world zone.
  let t = midnightAsUtc
  for (let i = 0; i < 3; i++) {
    const next = midnightAsUtc - (wallClockMs(t, timeZone) - t)
    if (next === t) break
    t = next
  }
  if (wallClockMs(t, timeZone) === midnightAsUtc) {
    // The earlier of two midnights if the clock was turned back across midnight.
    const earlier = t - 3_600_000
    if (wallClockMs(earlier, timeZone) === midnightAsUtc) return new Date(earlier).toISOString()
    return new Date(t).toISOString()
  }
  // Midnight does not exist (gap): find the first instant whose local date is `date`, to the second.
  let lo = midnightAsUtc - 15 * 3_600_000 // local date surely earlier
  let hi = midnightAsUtc + 15 * 3_600_000 // local date surely `date` or later
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000
    if (compareDates(localDateOfMs(mid, timeZone), date) < 0) lo = mid
    else hi = mid
  }
  return new Date(hi).toISOString()
}

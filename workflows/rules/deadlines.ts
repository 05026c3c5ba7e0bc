/**
 * Every statutory period, computed by one pure function.
 *
 * Counting rules (民法典 / Civil Code, "CC"):
 *   - CC 201: the day the period runs from is not counted; counting starts the next day.
 *   - CC 202: a period in months ends on the same day of the month; if that month has no such day, on its last day.
 *   - CC 203: if the last day is a 法定休假日 the period ends on the day after it; the last day ends at 24:00.
 *     "法定休假日" is read as public holidays and weekly rest days (Saturday/Sunday unless an official 调休 working
 *     day), so a period ending on a rest day ends on the next working day. Whether the civil-law rules govern these
 *     administrative periods is an open question (statute.md §(g) item 4); the engine applies them uniformly and
 *     says so in every explanation.
 *   - Working days skip Saturdays, Sundays and public holidays, and count 调休 working days.
 *   - Counting backwards (`before`, e.g. a renewal window opening N days before expiry) never extends: the plain day
 *     stands even if it is a rest day, and the explanation says so.
 *
 * A year whose official holiday calendar is not loaded is not guessed: only Saturdays and Sundays are rest days in
 * it, and the result is marked provisional with the year(s) named.
 *
 * No I/O, no clock.
 */
import { ZPeriodRuleSchema, type TPeriodRule } from '../effects.js'
import { buildCalendar, type TBilingual, type TCalendar, type TCalendarYear } from './calendar/index.js'
import {
  addDays,
  addMonths,
  assertTimeZone,
  formatDateEn,
  formatDateZh,
  localDayStartUtc,
  parseDate,
  yearOf,
} from './calendar/dates.js'

export type TRestReason = 'holiday' | 'weekend'

export type TDeadlineInput = {
  /** Local date (YYYY-MM-DD) the period runs from; the start day is not counted (CC 201). */
  from: string
  period: TPeriodRule
  /** IANA time zone of the jurisdiction, e.g. 'Asia/Shanghai'. */
  timeZone: string
  /** Official calendar years: shipped plus admin-loaded. */
  calendars: readonly TCalendarYear[]
  /**
   * Default true: the period ends at the end (24:00) of the last day. false: the result is the start (00:00) of the
   * day, for windows that open on a day.
   */
  endOfDay?: boolean
  /** Count backwards from `from`. No CC 203 extension: the plain day stands even if it is a rest day. */
  before?: boolean
}

export type TDeadline = {
  /** Local date (YYYY-MM-DD) of the last day, after any CC 203 extension. */
  lastDay: string
  /** ISO UTC instant at which the deadline is passed: 24:00 local of lastDay if endOfDay, else 00:00 local. */
  dueAt: string
  /** True if a year the result depends on had no official calendar (weekends only were used). */
  provisional: boolean
  provisionalYears: number[]
  explanation: {
    article: string
    from: string
    length: number
    unit: string
    /** The day before any CC 203 extension. */
    plainLastDay: string
    /** The rest days skipped at the end (CC 203), in order; absent if there was no extension. */
    extendedBecause?: { date: string; reason: TRestReason; holidayName?: TBilingual }[]
    /** For working days: the non-working days skipped while counting, in counting order. */
    skipped: { date: string; reason: TRestReason }[]
    /** For working days: 调休 weekend days counted as working days. */
    adjustedWorkingDaysCounted: string[]
    text: TBilingual
  }
}

/** Upper bounds that catch a mistyped length (e.g. 20000 for 20) before the working-day loop runs. */
const MAX_LENGTH: Record<TPeriodRule['unit'], number> = { calendarDays: 36_600, workingDays: 26_100, months: 1_200 }

/**
 * Computes a statutory deadline. Throws an Error only for malformed input: a bad date, a non-positive or
 * non-integer length, an unknown unit or time zone, or a malformed calendar year.
 */
/**
 * Building a calendar validates every year; the same list of years (the engine keeps one until a year is loaded)
 * is built once. A memo keyed by the array, not I/O.
 */
const builtCalendars = new WeakMap<readonly TCalendarYear[], TCalendar>()
function calendarOf(years: readonly TCalendarYear[]): TCalendar {
  let c = builtCalendars.get(years)
  if (!c) {
    c = buildCalendar(years)
    builtCalendars.set(years, c)
  }
  return c
}

export function computeDeadline(input: TDeadlineInput): TDeadline {
  const { from, timeZone } = input
  try {
    parseDate(from)
  } catch (e) {
    throw new Error(`computeDeadline: from: ${(e as Error).message}`)
  }
  const periodResult = ZPeriodRuleSchema.safeParse(input.period)
  if (!periodResult.success) {
    const details = periodResult.error.issues.map((i) => `${i.path.join('.') || 'period'}: ${i.message}`).join('; ')
    throw new Error(
      `computeDeadline: invalid period ${JSON.stringify(input.period)} (length must be a positive whole number, unit one of calendarDays, workingDays, months, article non-empty): ${details}`,
    )
  }
  const period = periodResult.data
  if (period.length > MAX_LENGTH[period.unit]) {
    throw new Error(
      `computeDeadline: period length ${period.length} ${period.unit} is implausibly long (maximum ${MAX_LENGTH[period.unit]}); check the rule`,
    )
  }
  try {
    assertTimeZone(timeZone)
  } catch (e) {
    throw new Error(`computeDeadline: timeZone: ${(e as Error).message}`)
  }
  const calendar = calendarOf(input.calendars)
  const endOfDay = input.endOfDay ?? true
  const before = input.before ?? false
  const dir = before ? -1 : 1

  /** Years whose official calendar the result depends on. */
  const dependsOn = new Set<number>()
  const look = (date: string) => {
    dependsOn.add(yearOf(date))
    return calendar.dayKind(date)
  }

  const skipped: { date: string; reason: TRestReason }[] = []
  const adjustedWorkingDaysCounted: string[] = []
  const extendedBecause: { date: string; reason: TRestReason; holidayName?: TBilingual }[] = []
  let plainLastDay: string
  let lastDay: string

  if (period.unit === 'workingDays') {
    let day = from
    let counted = 0
    while (counted < period.length) {
      day = addDays(day, dir)
      const k = look(day)
      if (k.kind === 'workingDay' || k.kind === 'adjustedWorkingDay') {
        counted++
        if (k.kind === 'adjustedWorkingDay') adjustedWorkingDaysCounted.push(day)
      } else {
        skipped.push({ date: day, reason: k.kind })
      }
    }
    plainLastDay = day
    lastDay = day
  } else {
    plainLastDay =
      period.unit === 'months' ? addMonths(from, dir * period.length) : addDays(from, dir * period.length)
    lastDay = plainLastDay
    if (!before) {
      for (;;) {
        const k = look(lastDay)
        if (k.kind !== 'holiday' && k.kind !== 'weekend') break
        extendedBecause.push(
          k.kind === 'holiday' && k.name
            ? { date: lastDay, reason: 'holiday', holidayName: k.name }
            : { date: lastDay, reason: k.kind },
        )
        lastDay = addDays(lastDay, 1)
      }
    }
  }

  const provisionalYears = [...dependsOn].filter((y) => !calendar.hasYear(y)).sort((a, b) => a - b)
  const dueAt = localDayStartUtc(endOfDay ? addDays(lastDay, 1) : lastDay, timeZone)

  const text = explain({
    period,
    from,
    before,
    endOfDay,
    timeZone,
    plainLastDay,
    lastDay,
    dueAt,
    skipped,
    adjustedWorkingDaysCounted,
    extendedBecause,
    provisionalYears,
    calendar,
  })

  return {
    lastDay,
    dueAt,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    explanation: {
      article: period.article,
      from,
      length: period.length,
      unit: period.unit,
      plainLastDay,
      ...(extendedBecause.length > 0 ? { extendedBecause } : {}),
      skipped,
      adjustedWorkingDaysCounted,
      text,
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Explanation text
// ---------------------------------------------------------------------------------------------------------------

type TExplainInput = {
  period: TPeriodRule
  from: string
  before: boolean
  endOfDay: boolean
  timeZone: string
  plainLastDay: string
  lastDay: string
  dueAt: string
  skipped: { date: string; reason: TRestReason }[]
  adjustedWorkingDaysCounted: string[]
  extendedBecause: { date: string; reason: TRestReason; holidayName?: TBilingual }[]
  provisionalYears: number[]
  calendar: TCalendar
}

function lengthZh(p: TPeriodRule): string {
  return p.unit === 'calendarDays' ? `${p.length}日` : p.unit === 'workingDays' ? `${p.length}个工作日` : `${p.length}个月`
}

function lengthEn(p: TPeriodRule): string {
  const s = p.length === 1 ? '' : 's'
  return p.unit === 'calendarDays'
    ? `${p.length} day${s}`
    : p.unit === 'workingDays'
      ? `${p.length} working day${s}`
      : `${p.length} month${s}`
}

const WEEKEND: TBilingual = { zh: '周末', en: 'weekend' }

/** Groups consecutive rest days with the same label into ranges: '2025年10月1日至2025年10月8日（国庆节、中秋节）'. */
function restRuns(days: { date: string; reason: TRestReason; holidayName?: TBilingual }[]): TBilingual[] {
  const runs: { first: string; last: string; label: TBilingual }[] = []
  for (const d of days) {
    const label = d.reason === 'holiday' && d.holidayName ? d.holidayName : WEEKEND
    const prev = runs[runs.length - 1]
    if (prev && prev.label.zh === label.zh && addDays(prev.last, 1) === d.date) prev.last = d.date
    else runs.push({ first: d.date, last: d.date, label })
  }
  return runs.map((r) => ({
    zh:
      (r.first === r.last ? formatDateZh(r.first) : `${formatDateZh(r.first)}至${formatDateZh(r.last)}`) +
      `（${r.label.zh}）`,
    en:
      (r.first === r.last ? formatDateEn(r.first) : `${formatDateEn(r.first)} to ${formatDateEn(r.last)}`) +
      ` (${r.label.en})`,
  }))
}

function listEn(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function explain(x: TExplainInput): TBilingual {
  const { period: p, from, before, plainLastDay, lastDay } = x
  const articleZh = p.article.replace(/\s*;\s*/g, '；')
  const zh: string[] = []
  const en: string[] = []

  if (before) {
    zh.push(`依据 ${articleZh}，自${formatDateZh(from)}（当日不计入）起向前计算${lengthZh(p)}，为${formatDateZh(plainLastDay)}。`)
    en.push(
      `Under ${p.article}, counting ${lengthEn(p)} back from ${formatDateEn(from)} (that day not counted) gives ${formatDateEn(plainLastDay)}.`,
    )
  } else {
    zh.push(`依据 ${articleZh}，自${formatDateZh(from)}（当日不计入）起${lengthZh(p)}，期满日${formatDateZh(plainLastDay)}。`)
    en.push(
      `Under ${p.article}, the period of ${lengthEn(p)} from ${formatDateEn(from)} (the start day not counted, CC 201) ends on ${formatDateEn(plainLastDay)}.`,
    )
  }

  if (p.unit === 'months') {
    const fromDay = parseDate(from).day
    if (parseDate(plainLastDay).day !== fromDay) {
      zh.push(`该月没有第${fromDay}日，依民法典第二百零二条以该月最后一日为准。`)
      en.push(`That month has no day ${fromDay}, so under CC 202 the last day of the month is used.`)
    }
  }

  if (p.unit === 'workingDays') {
    if (x.skipped.length > 0) {
      const holidays = x.skipped.filter((s) => s.reason === 'holiday')
      const weekends = x.skipped.length - holidays.length
      const names: TBilingual[] = []
      for (const h of holidays) {
        const n = x.calendar.holidayName(h.date)
        if (n && !names.some((m) => m.zh === n.zh)) names.push(n)
      }
      const partsZh: string[] = []
      const partsEn: string[] = []
      if (holidays.length > 0) {
        partsZh.push(`法定节假日${holidays.length}天（${names.map((n) => n.zh).join('、')}）`)
        partsEn.push(`${holidays.length} public holiday${holidays.length === 1 ? '' : 's'} (${listEn(names.map((n) => n.en))})`)
      }
      if (weekends > 0) {
        partsZh.push(`周末${weekends}天`)
        partsEn.push(`${weekends} weekend day${weekends === 1 ? '' : 's'}`)
      }
      zh.push(`计算中跳过非工作日${x.skipped.length}天：${partsZh.join('、')}。`)
      en.push(`${x.skipped.length} non-working day${x.skipped.length === 1 ? ' was' : 's were'} skipped: ${partsEn.join(' and ')}.`)
    }
    if (x.adjustedWorkingDaysCounted.length > 0) {
      zh.push(`调休上班日${x.adjustedWorkingDaysCounted.map(formatDateZh).join('、')}按工作日计算。`)
      en.push(
        `The adjusted working day${x.adjustedWorkingDaysCounted.length === 1 ? '' : 's'} (调休) ${listEn(x.adjustedWorkingDaysCounted.map(formatDateEn))} counted as ${x.adjustedWorkingDaysCounted.length === 1 ? 'a working day' : 'working days'}.`,
      )
    }
  }

  if (x.extendedBecause.length > 0) {
    const runs = restRuns(x.extendedBecause)
    zh.push(`${runs.map((r) => r.zh).join('、')}为休息日，依民法典第二百零三条，期满日顺延至${formatDateZh(lastDay)}。`)
    const plural = x.extendedBecause.length > 1
    en.push(
      `${listEn(runs.map((r) => r.en))} ${plural ? 'are rest days' : 'is a rest day'}, so under CC 203 the period ends on the next working day, ${formatDateEn(lastDay)}.`,
    )
  }

  if (before && p.unit !== 'workingDays') {
    const k = x.calendar.dayKind(plainLastDay)
    if (k.kind === 'holiday' || k.kind === 'weekend') {
      const label = k.kind === 'holiday' && k.name ? k.name : WEEKEND
      zh.push(`该日为休息日（${label.zh}）；向前计算不适用民法典第二百零三条顺延，仍以该日为准。`)
      en.push(`That day is a rest day (${label.en}); CC 203 extension does not apply when counting backwards, so the day stands.`)
    }
  }

  if (x.provisionalYears.length > 0) {
    zh.push(`${x.provisionalYears.map((y) => `${y}年`).join('、')}官方节假日安排尚未载入，按普通周末计算，结果为暂定。`)
    en.push(
      `The official holiday calendar for ${listEn(x.provisionalYears.map(String))} has not been loaded; only Saturdays and Sundays were treated as rest days, so the result is provisional.`,
    )
  }

  if (x.endOfDay) {
    zh.push(`期间于${formatDateZh(lastDay)}24时（${x.timeZone}）届满，即 ${x.dueAt}。`)
    en.push(`The period ends at 24:00 on ${formatDateEn(lastDay)} (${x.timeZone}), i.e. ${x.dueAt}.`)
  } else {
    zh.push(`时点为${formatDateZh(lastDay)}0时（${x.timeZone}），即 ${x.dueAt}。`)
    en.push(`The moment is 00:00 on ${formatDateEn(lastDay)} (${x.timeZone}), i.e. ${x.dueAt}.`)
  }

  return { zh: zh.join(''), en: en.join(' ') }
}

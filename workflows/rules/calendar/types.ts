/**
 * One year of the official PRC public-holiday calendar: the days the State Council General Office's annual notice
 * (国务院办公厅关于某年部分节假日安排的通知) names as holidays (放假) and the weekend days it names as working days
 * (调休上班). This is both the shipped data format (./2025.ts, ./2026.ts) and the format an administrator uploads
 * to load a new year once its notice appears, so every check has a message a person can act on.
 */
import { z } from 'zod'
import { isValidDate, isWeekend } from './dates.js'

const DATE_HINT = 'expected a real calendar date written as YYYY-MM-DD, e.g. 2027-01-01'

/** A local date written as YYYY-MM-DD that exists in the Gregorian calendar. */
export const ZLocalDateSchema = z
  .string({ error: `must be a string: ${DATE_HINT}` })
  .refine((v) => isValidDate(v), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a valid date: ${DATE_HINT}`,
  })

export const ZBilingualNameSchema = z.strictObject({
  zh: z
    .string({ error: 'the Chinese name (zh) is required, e.g. "春节"' })
    .trim()
    .min(1, { error: 'the Chinese name (zh) must not be empty' }),
  en: z
    .string({ error: 'the English name (en) is required, e.g. "Spring Festival"' })
    .trim()
    .min(1, { error: 'the English name (en) must not be empty' }),
})

export const ZCalendarDaySchema = z.strictObject({
  date: ZLocalDateSchema,
  /** The holiday the notice names for this day, e.g. { zh: '春节', en: 'Spring Festival' }. */
  name: ZBilingualNameSchema,
})
export type TCalendarDay = z.infer<typeof ZCalendarDaySchema>

export const ZCalendarSourceSchema = z.strictObject({
  /** e.g. '国务院办公厅' */
  issuer: z
    .string({ error: 'source.issuer is required, e.g. "国务院办公厅"' })
    .trim()
    .min(1, { error: 'source.issuer must not be empty' }),
  /** e.g. '国务院办公厅关于2026年部分节假日安排的通知' */
  title: z
    .string({ error: 'source.title is required: the title of the notice' })
    .trim()
    .min(1, { error: 'source.title must not be empty' }),
  /** e.g. '国办发明电〔2025〕7号' */
  documentNo: z
    .string({ error: 'source.documentNo is required: the document number, e.g. "国办发明电〔2025〕7号"' })
    .trim()
    .min(1, { error: 'source.documentNo must not be empty' }),
  /** The date the notice was issued (YYYY-MM-DD). */
  issuedOn: ZLocalDateSchema,
  url: z.url({ error: 'source.url must be an absolute URL, e.g. https://www.gov.cn/…' }).optional(),
})
export type TCalendarSource = z.infer<typeof ZCalendarSourceSchema>

export const ZCalendarYearSchema = z
  .strictObject({
    year: z
      .number({ error: 'year is required and must be a number, e.g. 2027' })
      .int({ error: 'year must be a whole number, e.g. 2027' })
      .min(1000, { error: 'year must have four digits' })
      .max(9999, { error: 'year must have four digits' }),
    source: ZCalendarSourceSchema,
    /** Every day the notice names as a holiday (放假), weekends inside a holiday block included. */
    holidays: z.array(ZCalendarDaySchema, { error: 'holidays must be a list of { date, name: { zh, en } }' }),
    /** Every Saturday or Sunday the notice names as a working day (上班). */
    adjustedWorkingDays: z.array(ZCalendarDaySchema, {
      error: 'adjustedWorkingDays must be a list of { date, name: { zh, en } }',
    }),
  })
  .superRefine((cal, ctx) => {
    const holidaySeen = new Map<string, number>()
    const lists = [
      ['holidays', cal.holidays, '放假 holiday'],
      ['adjustedWorkingDays', cal.adjustedWorkingDays, '调休上班 adjusted working day'],
    ] as const
    for (const [key, list, what] of lists) {
      if (!Array.isArray(list)) continue
      const seen = new Map<string, number>()
      list.forEach((entry, i) => {
        const date = entry?.date
        if (!isValidDate(date)) return // already reported by the date schema
        if (Number(date.slice(0, 4)) !== cal.year) {
          ctx.addIssue({
            code: 'custom',
            path: [key, i, 'date'],
            message: `${date} is not in ${cal.year}: a calendar year may only list dates of that year`,
          })
        }
        const first = seen.get(date)
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key, i, 'date'],
            message: `${date} is listed twice as a ${what} (at ${key}[${first}] and ${key}[${i}])`,
          })
        } else {
          seen.set(date, i)
        }
        if (key === 'holidays') {
          if (!holidaySeen.has(date)) holidaySeen.set(date, i)
        } else {
          const h = holidaySeen.get(date)
          if (h !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [key, i, 'date'],
              message: `${date} is listed both as a holiday (holidays[${h}]) and as an adjusted working day (adjustedWorkingDays[${i}]); a day is one or the other`,
            })
          }
          if (!isWeekend(date)) {
            ctx.addIssue({
              code: 'custom',
              path: [key, i, 'date'],
              message: `${date} is a weekday: an adjusted working day (调休上班日) must be a Saturday or Sunday the notice names as a working day`,
            })
          }
        }
      })
    }
  })
export type TCalendarYear = z.infer<typeof ZCalendarYearSchema>

export type TCalendarYearIssue = { path: string; message: string }

/**
 * Validates an uploaded calendar year. Never throws: returns the parsed year, or every problem found with the path
 * of the offending field (e.g. 'holidays[3].date').
 */
export function validateCalendarYear(
  input: unknown,
): { ok: true; calendar: TCalendarYear } | { ok: false; issues: TCalendarYearIssue[] } {
  const result = ZCalendarYearSchema.safeParse(input)
  if (result.success) return { ok: true, calendar: result.data }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else out += out === '' ? String(seg) : `.${String(seg)}`
  }
  return out === '' ? '(root)' : out
}

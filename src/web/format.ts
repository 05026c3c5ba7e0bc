/**
 * Dates, times and amounts as people read them: 2026年6月24日 (zh) / 24 June 2026 (en), times in the jurisdiction's
 * zone (China Standard Time for every pack today).
 */
import { diffDays, formatDateEn, formatDateZh, isValidDate, toLocalDate } from '../../workflows/rules/calendar/dates.js'
import type { TLang } from './i18n.js'

export const WEB_TIME_ZONE = 'Asia/Shanghai'

export function fmtDate(lang: TLang, date: string | null | undefined): string {
  if (!date) return ''
  const d = date.length > 10 ? toLocalDate(date, WEB_TIME_ZONE) : date
  if (!isValidDate(d)) return date
  return lang === 'en' ? formatDateEn(d) : formatDateZh(d)
}

/** Wall-clock parts of an instant in China Standard Time (UTC+8, no daylight saving). */
function cst(instant: string | Date): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(ms + 8 * 3_600_000)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 2026年6月24日 14:30 (zh) / 24 June 2026 14:30 (en), in China Standard Time. */
export function fmtDateTime(lang: TLang, instant: string | null | undefined): string {
  if (!instant) return ''
  const d = cst(instant)
  if (Number.isNaN(d.getTime())) return instant
  const date = d.toISOString().slice(0, 10)
  return `${fmtDate(lang, date)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Today's local date in China Standard Time. */
export const localToday = (now: Date) => toLocalDate(now.toISOString(), WEB_TIME_ZONE)

/** `datetime-local` input value (China Standard Time) of an instant. */
export function toDateTimeLocal(instant: string | Date): string {
  return cst(instant).toISOString().slice(0, 16)
}

/** A `datetime-local` value read as China Standard Time → ISO instant with its offset. */
export function fromDateTimeLocal(v: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v)) return undefined
  return `${v.length === 16 ? `${v}:00` : v}+08:00`
}

/** Whole days from now until an instant (negative when past), counted on the calendar in China Standard Time. */
export function daysUntil(now: Date, instant: string): number {
  return diffDays(localToday(now), toLocalDate(instant, WEB_TIME_ZONE))
}

/** fen → "2,350.00". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / 100)
  return `${sign}${whole.toLocaleString('en-US')}.${pad(abs % 100)}`
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

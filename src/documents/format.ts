/**
 * Formatting of dates, numbers and legal numbering for Chinese documents. Pure functions.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1000 → 一千 (1…9999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral: ${n} out of range 0…9999`)
  if (n === 0) return '零'
  if (n < 10) return DIGITS[n]!
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`
  const units = ['', '十', '百', '千']
  const digits = String(n).split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!
    if (d === 0) {
      zero = true
    } else {
      if (zero && out) out += '零'
      zero = false
      out += DIGITS[d]! + unit
    }
  })
  return out
}

/** 第一条, 第十二条 */
export const articleLabel = (n: number): string => `第${chineseNumeral(n)}条`
/** 第一章 */
export const chapterLabel = (n: number): string => `第${chineseNumeral(n)}章`
/** 一、 (first-level item in an official document) */
export const itemLabel = (n: number): string => `${chineseNumeral(n)}、`
/** （一） (second level) */
export const subItemLabel = (n: number): string => `（${chineseNumeral(n)}）`

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a 'YYYY-MM-DD' string is a real calendar date. */
export function isLocalDate(s: string): boolean {
  const m = DATE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** '2026-06-24' → '2026年6月24日' (GB/T 9704: Arabic numerals, year, month and day in full). */
export function formatDate(s: string): string {
  const m = DATE.exec(s)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${s}`)
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

/** '09:30' → '9时30分', '14:00' → '14时' */
export function formatTime(s: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(s)
  if (!m) throw new RangeError(`not a HH:MM time: ${s}`)
  const h = Number(m[1])
  const min = Number(m[2])
  return min === 0 ? `${h}时` : `${h}时${min}分`
}

/** 2350 → '2,350.00' */
export function formatAmount(n: number, decimals = 2): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

/** 6.5 → '6.5%' (at most `decimals` decimals, trailing zeros dropped) */
export function formatPercent(n: number, decimals = 2): string {
  return `${Number(n.toFixed(decimals))}%`
}

/** The Date for PDF metadata: midnight of the local date in China (UTC+8). */
export function pdfDate(localDate: string): Date {
  if (!isLocalDate(localDate)) throw new RangeError(`not a YYYY-MM-DD date: ${localDate}`)
  return new Date(`${localDate}T00:00:00+08:00`)
}

/** JSON with object keys sorted: the same data always gives the same string. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
}

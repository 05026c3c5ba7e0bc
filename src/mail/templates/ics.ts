/**
 * A minimal iCalendar (RFC 5545) invitation for one meeting: pure, deterministic (the stamp and UID are inputs),
 * CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, text values escaped.
 */
export type TIcsEvent = {
  uid: string
  /** ISO instant the invitation was made (DTSTAMP). */
  stamp: string
  /** Local date YYYY-MM-DD in Asia/Shanghai. */
  date: string
  /** Local start time HH:MM; without it the event lasts the whole day. */
  time?: string
  durationMinutes?: number
  summary: string
  location?: string
  description?: string
  url?: string
  /** Incremented when a meeting is rescheduled under the same UID. */
  sequence?: number
}

export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Folds a content line into 75-octet lines (continuations start with one space). */
export function foldIcsLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8')
    const limit = out.length === 0 ? 75 : 74 // continuation lines carry the leading space
    if (octets + n > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += n
  }
  out.push(current)
  return out.join('\r\n ')
}

const utcStamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
const compactDate = (d: string) => d.replace(/-/g, '')

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00.000Z`)
  t.setUTCDate(t.getUTCDate() + 1)
  return t.toISOString().slice(0, 10)
}

/** Parses "9:30", "09:30", "14:00" (a leading 上午/下午 is understood); undefined if there is no time in it. */
export function parseLocalTime(s: string | undefined): string | undefined {
  if (!s) return undefined
  const m = /(上午|下午|晚上)?\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?/.exec(s)
  if (!m) return undefined
  let h = Number(m[2])
  const min = m[3] ? Number(m[3]) : 0
  if ((m[1] === '下午' || m[1] === '晚上') && h < 12) h += 12
  if (h > 23 || min > 59) return undefined
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

function addMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const t = new Date(`${date}T${time}:00.000Z`)
  t.setUTCMinutes(t.getUTCMinutes() + minutes)
  const iso = t.toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

export function buildIcs(e: TIcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//wagepact//collective wage negotiation//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `SEQUENCE:${e.sequence ?? 0}`,
  ]
  if (e.time) {
    const end = addMinutes(e.date, e.time, e.durationMinutes ?? 120)
    lines.push(`DTSTART;TZID=Asia/Shanghai:${compactDate(e.date)}T${e.time.replace(':', '')}00`)
    lines.push(`DTEND;TZID=Asia/Shanghai:${compactDate(end.date)}T${end.time.replace(':', '')}00`)
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`)
    lines.push(`DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`)
  }
  lines.push(`SUMMARY:${escapeIcsText(e.summary)}`)
  if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`)
  if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`)
  if (e.url) lines.push(`URL:${e.url}`)
  lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR')
  return lines.map(foldIcsLine).join('\r\n') + '\r\n'
}

/**
 * Chinese line breaking (行首行尾禁则), a pure function over a width-measuring callback.
 *
 * Practice of GB/T 15834-2011 (标点符号用法) and of Chinese typesetting (W3C clreq §3.1.7):
 *  - closing punctuation (，。、；：？！）》」』】〕…’” and ％) never starts a line;
 *  - opening brackets and quotes (（《「『【〔‘“) never end a line;
 *  - numbers (6.5%, 2,350.00, ￥1,234.56), dates (2026年6月24日, 2026-06-24), times (9时30分) and Latin words
 *    are never split; a 破折号 (——) or 省略号 (……) is never split either;
 *  - lines are justified by distributing the remaining space over the gaps between characters, except the last
 *    line of a paragraph (and lines ended by a hard break).
 * The breaker is greedy and, where a line would start with a closing mark, it pushes the previous character down
 * (推出) rather than letting the mark hang into the margin.
 */

/** Characters that must not start a line. ASCII forms are included for mixed text. */
export const NO_LINE_START = new Set([
  ...'，。、；：？！）》」』】〕〉］｝〗﹞…‥’”％‰·・',
  ...',.;:?!)]}%',
])
/** Characters that must not end a line. The 间隔号 (·) is in both sets: it binds the two names it joins. */
export const NO_LINE_END = new Set([...'（《「『【〔〈［｛〖﹝‘“·・', ...'([{'])

export type TAlign = 'justify' | 'left' | 'center' | 'right'

/** What a piece of text is for breaking and justification purposes. */
export type TUnitKind = 'char' | 'word' | 'space' | 'dash' | 'ellipsis'

/** An unbreakable piece of text: one CJK character, one Latin word or number, one date, a space… */
export type TUnit<S> = {
  text: string
  style: S
  kind: TUnitKind
  width: number
  /** The unit may not begin a line (closing punctuation). */
  noBreakBefore: boolean
  /** The unit may not end a line (opening punctuation). */
  noBreakAfter: boolean
  /** Latin text: no extra space is put between two Latin units when justifying. */
  latin: boolean
}

export type TRun<S> = { text: string; style: S }
export type TMeasure<S> = (text: string, style: S) => number

export type TBreakOptions = {
  /** Available width of every line. */
  width: number
  /** Indent of the first line (same unit as width); the first line is that much narrower. */
  firstLineIndent?: number
  align?: TAlign
  /**
   * Largest extra space put into one gap when justifying; beyond it the line is set flush left instead
   * (avoids a few characters spread over the whole width after a forced break). Default: unlimited.
   */
  maxGapExpansion?: number
  /**
   * Largest amount one gap may be narrowed to fit the text up to the next break point on the line (挤进, the
   * alternative to pushing a character down, 推出). The breaker picks whichever needs the smaller adjustment per
   * gap. Default 0: never narrow.
   */
  maxGapShrink?: number
}

/** A unit placed on a line; `x` is measured from the left edge of the paragraph box. */
export type TPlacedUnit<S> = {
  text: string
  style: S
  kind: TUnitKind
  x: number
  width: number
}

export type TLine<S> = {
  units: TPlacedUnit<S>[]
  /** Plain text of the line (spaces kept between words). */
  text: string
  /** Width of the units without any justification. */
  naturalWidth: number
  /** Extra space added to each expandable gap (0 when not justified). */
  gap: number
  /** Last line of a paragraph (or before a hard break): never justified. */
  last: boolean
}

/** 2026年6月24日, 9时30分, 2026年度 */
const DATE_OR_TIME = /\d+(?:年度?|[月日时分秒])(?:\d+[年月日时分秒])*/y
const W = 'A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A'
/**
 * A Latin word or a number with its sign, currency and unit: "Agreement", "6.5%", "2,350.00", "￥1,234.56",
 * "2026-06-24", "GZ-2026-001", "No.5", "don't", "25℃". A comma or colon joins digits only (2,350 and 09:30).
 */
const WORD = new RegExp(
  `(?:[-−+](?=\\d))?[¥￥$€£]?[${W}]+(?:[.．·'’\\-/_@&+][${W}]+|(?<=\\d)[,:]\\d+)*[%％‰℃°]?`,
  'y',
)
const STARTS_WORD = new RegExp(`[-−+¥￥$€£${W}]`)
const SPACES = /[ \t]+/y
const DASHES = /[—―⸺]+/y
const ELLIPSIS = /[…⋯]+/y
const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/

export type TSegment = { text: string; kind: TUnitKind }

/** Splits text into unbreakable segments (before punctuation rules are applied). */
export function segment(text: string): TSegment[] {
  const out: TSegment[] = []
  let i = 0
  const tryRe = (re: RegExp, kind: TUnitKind): boolean => {
    re.lastIndex = i
    const m = re.exec(text)
    if (!m || m[0].length === 0) return false
    out.push({ text: m[0], kind })
    i += m[0].length
    return true
  }
  while (i < text.length) {
    const c = text.charCodeAt(i)
    // Fast path: an ideograph or full-width punctuation that is not a digit, letter, dash or ellipsis.
    if (c >= 0x3000 && c <= 0x9fff) {
      out.push({ text: text[i]!, kind: 'char' })
      i++
      continue
    }
    if (STARTS_WORD.test(text[i]!)) {
      if (tryRe(DATE_OR_TIME, 'word')) continue
      if (tryRe(WORD, 'word')) continue
    } else if (c === 0x20 || c === 0x09) {
      if (tryRe(SPACES, 'space')) continue
    } else if (c === 0x2014 || c === 0x2015 || c === 0x2e3a) {
      if (tryRe(DASHES, 'dash')) continue
    } else if (c === 0x2026 || c === 0x22ef) {
      if (tryRe(ELLIPSIS, 'ellipsis')) continue
    }
    const cp = text.codePointAt(i)!
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i]!
    out.push({ text: ch, kind: 'char' })
    i += ch.length
  }
  return out
}

function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0)!)
}
function lastChar(s: string): string {
  const arr = Array.from(s)
  return arr[arr.length - 1] ?? ''
}

/** Measures and classifies the units of a paragraph made of styled runs. */
export function toUnits<S>(runs: readonly TRun<S>[], measure: TMeasure<S>): TUnit<S>[] {
  const units: TUnit<S>[] = []
  for (const run of runs) {
    for (const seg of segment(run.text)) {
      const single = seg.text.length === 1
      const f = single ? seg.text : firstChar(seg.text)
      const l = single ? seg.text : lastChar(seg.text)
      units.push({
        text: seg.text,
        style: run.style,
        kind: seg.kind,
        width: measure(seg.text, run.style),
        noBreakBefore: seg.kind === 'ellipsis' || NO_LINE_START.has(f),
        noBreakAfter: NO_LINE_END.has(l),
        latin: seg.kind === 'word' ? !/[年月日时分秒]/.test(seg.text) : single && seg.text < '\u0080' && ASCII_PUNCT.test(seg.text),
      })
    }
  }
  return units
}

/** May a line end between units a and b? */
export function canBreakBetween<S>(a: TUnit<S>, b: TUnit<S>): boolean {
  if (b.kind === 'space') return false // break after the spaces, not before them
  if (a.kind === 'space') return !b.noBreakBefore
  if (a.noBreakAfter || b.noBreakBefore) return false
  // Two Latin pieces written together ("Agreement." or "(a)") stay together.
  if (a.latin && b.latin) return false
  return true
}

/** Is the gap between a and b widened when a line is justified? */
function expandable<S>(a: TUnit<S>, b: TUnit<S>): boolean {
  if (a.kind === 'space' || b.kind === 'space') return true
  return !(a.latin && b.latin)
}

/** Splits one unit that is wider than a whole line into pieces that fit (last resort). */
function splitOversized<S>(u: TUnit<S>, width: number, measure: TMeasure<S>): TUnit<S>[] {
  const pieces: TUnit<S>[] = []
  let cur = ''
  for (const ch of Array.from(u.text)) {
    if (cur && measure(cur + ch, u.style) > width) {
      pieces.push({ ...u, text: cur, width: measure(cur, u.style) })
      cur = ''
    }
    cur += ch
  }
  if (cur) pieces.push({ ...u, text: cur, width: measure(cur, u.style) })
  return pieces
}

const EPS = 1e-6

/**
 * Breaks a paragraph into lines. A "\n" in a run is a hard line break. The result never puts a closing mark at
 * the start of a line nor an opening mark at its end, unless a single unbreakable cluster is wider than the line.
 */
export function breakLines<S>(runs: readonly TRun<S>[], measure: TMeasure<S>, options: TBreakOptions): TLine<S>[] {
  // Hard breaks split the paragraph into independent pieces.
  const pieces: TRun<S>[][] = [[]]
  for (const run of runs) {
    const parts = run.text.split('\n')
    parts.forEach((p, idx) => {
      if (idx > 0) pieces.push([])
      if (p) pieces[pieces.length - 1]!.push({ text: p, style: run.style })
    })
  }
  const lines: TLine<S>[] = []
  pieces.forEach((piece, pieceIndex) => {
    const units = toUnits(piece, measure)
    breakUnits(units, measure, options, pieceIndex === 0, lines)
  })
  return lines
}

const COMPOUND_PART = /\d+[年月日时分秒]/g

/**
 * Last resort before a forced break: split a date or time ("2026年4月28日") inside [from, to] at its 年/月/日
 * boundaries. Returns the new unit list, or null when there is nothing to split.
 */
function splitCompound<S>(units: TUnit<S>[], from: number, to: number, measure: TMeasure<S>): TUnit<S>[] | null {
  for (let i = to; i >= from; i--) {
    const u = units[i]!
    if (u.kind !== 'word') continue
    const parts = u.text.match(COMPOUND_PART)
    if (!parts || parts.length < 2 || parts.join('') !== u.text) continue
    const pieces = parts.map((text, p) => ({
      ...u,
      text,
      width: measure(text, u.style),
      noBreakBefore: p === 0 ? u.noBreakBefore : false,
      noBreakAfter: p === parts.length - 1 ? u.noBreakAfter : false,
    }))
    return [...units.slice(0, i), ...pieces, ...units.slice(i + 1)]
  }
  return null
}

type TRange = { start: number; end: number; last: boolean }

/** Number of gaps widened or narrowed by justification among units[from..to]. */
function gapCount<S>(units: TUnit<S>[], from: number, to: number): number {
  let g = 0
  for (let i = from + 1; i <= to; i++) if (expandable(units[i - 1]!, units[i]!)) g++
  return g
}

/** Extra space per gap if the line units[from..to] is justified to `avail` (spaces at the end dropped). */
function widenPerGap<S>(units: TUnit<S>[], from: number, to: number, avail: number): number {
  let e = to
  while (e > from && units[e]!.kind === 'space') e--
  let w = 0
  for (let i = from; i <= e; i++) w += units[i]!.width
  const g = gapCount(units, from, e)
  return g > 0 ? (avail - w) / g : Infinity
}

/**
 * The end of the line if it is taken to the first legal break point at or after `k` and its gaps narrowed by at
 * most maxShrink each; null if that does not fit. `w` is the width of units[start..k-1].
 */
function squeezeEnd<S>(
  units: TUnit<S>[],
  start: number,
  k: number,
  w: number,
  avail: number,
  maxShrink: number,
): { end: number; perGap: number } | null {
  if (maxShrink <= 0) return null
  let width = w
  for (let j = k; j < units.length; j++) {
    width += units[j]!.width
    if (j === units.length - 1 || canBreakBetween(units[j]!, units[j + 1]!)) {
      const g = gapCount(units, start, j)
      if (g === 0) return null
      const perGap = (width - avail) / g
      return perGap <= maxShrink ? { end: j, perGap } : null
    }
  }
  return null
}

function breakUnits<S>(
  input: TUnit<S>[],
  measure: TMeasure<S>,
  options: TBreakOptions,
  firstPiece: boolean,
  out: TLine<S>[],
): void {
  const width = options.width
  const indent = firstPiece ? (options.firstLineIndent ?? 0) : 0
  const availFor = (lineNo: number) => width - (lineNo === 0 ? indent : 0)
  let units = input
  if (units.length === 0) {
    out.push({ units: [], text: '', naturalWidth: 0, gap: 0, last: true })
    return
  }
  const ranges: TRange[] = []
  let start = 0
  while (start < units.length) {
    // A line never starts with spaces produced by a break.
    if (ranges.length > 0) while (start < units.length && units[start]!.kind === 'space') start++
    if (start >= units.length) break
    const avail = availFor(ranges.length)
    let w = 0
    let k = start
    let end = -1 // index of the last unit on this line; -1: the rest fits
    let retry = false
    while (k < units.length) {
      const u = units[k]!
      if (w + u.width > avail + EPS && u.kind !== 'space') {
        if (k === start) {
          // One unit wider than the line: split it (numbers this long do not occur in practice).
          units = [...units.slice(0, k), ...splitOversized(u, avail, measure), ...units.slice(k + 1)]
          end = k
          break
        }
        // Latest legal break point before k (推出: push the rest down, widen the gaps).
        let j = k - 1
        while (j >= start && !canBreakBetween(units[j]!, units[j + 1]!)) j--
        // First legal break point from k on, if narrowing the gaps a little fits it (挤进).
        const squeeze = squeezeEnd(units, start, k, w, avail, options.maxGapShrink ?? 0)
        if (squeeze !== null && (j < start || squeeze.perGap <= widenPerGap(units, start, j, avail))) {
          end = squeeze.end
          break
        }
        if (j >= start) {
          end = j
          break
        }
        // No legal break point on the whole line (a narrow table cell): split a date, else force a break.
        const split = splitCompound(units, start, k, measure)
        if (split) {
          units = split
          retry = true
          break
        }
        end = k - 1
        break
      }
      w += u.width
      k++
    }
    if (retry) continue
    if (end === units.length - 1) end = -1
    const last = end === -1
    if (last) end = units.length - 1
    ranges.push({ start, end, last })
    start = end + 1
  }
  avoidOrphan(units, ranges, availFor(ranges.length - 1))
  ranges.forEach((r, lineNo) => {
    let s = r.start
    if (lineNo > 0) while (s < r.end && units[s]!.kind === 'space') s++
    let e = r.end
    while (e > s && units[e]!.kind === 'space') e--
    out.push(placeLine(units.slice(s, e + 1), availFor(lineNo), lineNo === 0 ? indent : 0, r.last, options))
  })
}

/**
 * A paragraph should not end with a line holding a single character (and its punctuation): move the previous
 * line's break back to the latest legal point that lets the last line take one more character.
 */
function avoidOrphan<S>(units: TUnit<S>[], ranges: TRange[], lastAvail: number): void {
  if (ranges.length < 2) return
  const last = ranges[ranges.length - 1]!
  const prev = ranges[ranges.length - 2]!
  const content = units.slice(last.start, last.end + 1).filter((u) => u.kind !== 'space' && !u.noBreakBefore)
  if (content.length !== 1 || content[0]!.kind !== 'char') return
  let tail = units.slice(last.start, last.end + 1).reduce((a, u) => a + u.width, 0)
  const minEnd = prev.start + Math.floor((prev.end - prev.start) / 2)
  for (let j = prev.end - 1; j >= minEnd; j--) {
    tail += units[j + 1]!.width
    if (tail > lastAvail + EPS) return
    if (canBreakBetween(units[j]!, units[j + 1]!)) {
      prev.end = j
      last.start = j + 1
      return
    }
  }
}

function placeLine<S>(units: TUnit<S>[], avail: number, offset: number, last: boolean, options: TBreakOptions): TLine<S> {
  const natural = units.reduce((s, u) => s + u.width, 0)
  const align = options.align ?? 'justify'
  let gap = 0
  let shift = offset
  let gaps = 0
  for (let i = 1; i < units.length; i++) if (expandable(units[i - 1]!, units[i]!)) gaps++
  if (natural > avail + EPS && gaps > 0) {
    // A squeezed line (挤进): narrow the gaps, whatever the alignment.
    gap = (avail - natural) / gaps
  } else if (align === 'justify' && !last && gaps > 0) {
    const g = (avail - natural) / gaps
    if (g <= (options.maxGapExpansion ?? Infinity)) gap = g
  } else if (align === 'center') {
    shift += (avail - natural) / 2
  } else if (align === 'right') {
    shift += avail - natural
  }
  const placed: TPlacedUnit<S>[] = []
  let x = shift
  units.forEach((u, i) => {
    if (i > 0 && gap !== 0 && expandable(units[i - 1]!, u)) x += gap
    placed.push({ text: u.text, style: u.style, kind: u.kind, x, width: u.width })
    x += u.width
  })
  return { units: placed, text: units.map((u) => u.text).join(''), naturalWidth: natural, gap, last }
}

/**
 * Groups the placed units of a line into runs that can each be drawn with one text operation: same style, and
 * either set solid (spacing 0) or single characters evenly spaced by `spacing` (drawn with character spacing).
 */
export type TDrawRun<S> = { text: string; style: S; x: number; spacing: number }

export function drawRuns<S>(line: TLine<S>, sameStyle: (a: S, b: S) => boolean): TDrawRun<S>[] {
  const runs: TDrawRun<S>[] = []
  let cur: { units: TPlacedUnit<S>[]; spacing: number | null } | null = null
  const flush = () => {
    if (!cur) return
    const text = cur.units.map((u) => u.text).join('')
    if (text.trim()) runs.push({ text, style: cur.units[0]!.style, x: cur.units[0]!.x, spacing: cur.spacing ?? 0 })
    cur = null
  }
  const single = (u: TPlacedUnit<S>) => Array.from(u.text).length === 1
  for (const u of line.units) {
    if (cur) {
      const prev = cur.units[cur.units.length - 1]!
      const s = u.x - (prev.x + prev.width)
      const spacing = Math.abs(s) < 1e-6 ? 0 : s
      const ok =
        sameStyle(prev.style, u.style) &&
        (cur.spacing === null ? true : Math.abs(cur.spacing - spacing) < 1e-6) &&
        (spacing === 0 || (cur.units.every(single) && single(u)))
      if (ok) {
        cur.units.push(u)
        cur.spacing = spacing
        continue
      }
      flush()
    }
    cur = { units: [u], spacing: null }
  }
  flush()
  return runs
}

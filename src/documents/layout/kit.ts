/**
 * A small layout kit over pdfkit for Chinese official documents: A4 page with the GB/T 9704-2012 text area,
 * title block, headings, legal clause numbering, bordered tables with repeated headers, signature and seal blocks,
 * "第 n 页 共 m 页" page numbers, and Chinese line breaking with justification (./linebreak.ts). pdfkit is used
 * only to draw single lines at computed positions; it never wraps text.
 */
import PDFDocument from 'pdfkit'
import { directGlyph, loadFonts, type TFontFace } from '../fonts.js'
import { codePointLabel, missingInText } from '../glyphs.js'
import { MissingGlyphsError } from '../errors.js'
import { pdfDate } from '../format.js'
import { breakLines, drawRuns, type TAlign, type TLine, type TRun } from './linebreak.js'

export const MM = 72 / 25.4
export const A4 = { width: 595.28, height: 841.89 } as const
/** 小四 (12 pt): body text of contracts and forms. */
export const BODY_SIZE = 12
/**
 * Text area: GB/T 9704-2012 puts it 37 mm from the top and 28 mm from the left, 156 × 225 mm. The width is taken
 * as a whole number of body characters (36 × 12 pt = 152.4 mm) and centred (left margin 28.8 mm), so a justified
 * line of Chinese fills the measure exactly.
 */
export const TEXT_WIDTH = 36 * BODY_SIZE
export const MARGIN_LEFT = (A4.width - TEXT_WIDTH) / 2
export const MARGIN_TOP = 37 * MM
export const TEXT_BOTTOM = MARGIN_TOP + 225 * MM
/** Page number baseline: 7 mm below the text area plus the cap height of 五号 (10.5 pt). */
const FOOTER_BASELINE = TEXT_BOTTOM + 7 * MM + 9
/** The ideographic em box of Noto Sans SC sits from -0.12 em to 0.88 em around the baseline. */
const IDEO_TOP = 0.88

export type TStyle = { readonly face: TFontFace; readonly size: number; readonly color: string }

const styleCache = new Map<string, TStyle>()
/** Interned styles, so that styles compare by identity. */
export function style(face: TFontFace, size: number, color = '#000000'): TStyle {
  const key = `${face}:${size}:${color}`
  let s = styleCache.get(key)
  if (!s) {
    s = Object.freeze({ face, size, color })
    styleCache.set(key, s)
  }
  return s
}

export const S = {
  body: style('regular', BODY_SIZE),
  bodyBold: style('bold', BODY_SIZE),
  title: style('bold', 22), // 二号
  subtitle: style('regular', 11, '#444444'),
  chapter: style('bold', 14), // 四号
  small: style('regular', 10.5), // 五号
  smallBold: style('bold', 10.5),
  note: style('regular', 10.5, '#333333'),
} as const

export type TContent = string | readonly TRun<TStyle>[]

export type TParagraphOptions = {
  style?: TStyle
  /** First-line indent in characters of the paragraph's size (default 2: 首行缩进两字). */
  indent?: number
  align?: TAlign
  /** Line height as a multiple of the font size (default 1.75). */
  leading?: number
  /** Left offset inside the text area and width (default: the whole text area). */
  x?: number
  width?: number
  before?: number
  after?: number
  /** Height that must still fit on the page after this paragraph (keeps headings with what follows). */
  keepWithNext?: number
  /** Never split this paragraph over two pages. */
  keepTogether?: boolean
  /** Lines of equal length (titles). */
  balance?: boolean
}

export type TColumn = {
  header: string
  /** Relative width. */
  width: number
  align?: TAlign
}

export type TTableOptions = {
  style?: TStyle
  headerStyle?: TStyle
  /** Repeat the header row at the top of each page the table continues on (default true). */
  repeatHeader?: boolean
  headerFill?: string
  leading?: number
  /** Columns whose cells are filled grey (label columns of a form). */
  shadedColumns?: readonly number[]
  /** No header row (forms). */
  noHeader?: boolean
  /** Space after the table (default 6 pt). */
  after?: number
}

export type TSignLine = {
  label: string
  /** Printed after the label; omitted → a rule to sign on. */
  value?: string
  /** Draw a rule after the label (default: when there is no value). */
  rule?: boolean
}

export type TKitOptions = {
  title: string
  subject: string
  author: string
  keywords: string
  /** 32 hex digits, derived from the data: written to the trailer /ID. */
  documentId: string
  /** YYYY-MM-DD: CreationDate and ModDate (deterministic output). */
  documentDate: string
}

type TCell = { lines: TLine<TStyle>[]; align: TAlign }

/**
 * Widths of measured strings per style, shared by all documents of the process (the fonts are shared too).
 * Mostly single characters, words and dates; cleared if it ever grows large.
 */
const widthCache = new Map<TStyle, Map<string, number>>()
let widthCacheSize = 0
const WIDTH_CACHE_LIMIT = 100_000

export class Kit {
  readonly doc: PDFKit.PDFDocument
  /** Top of the next line box. */
  y = MARGIN_TOP
  readonly left = MARGIN_LEFT
  readonly width = TEXT_WIDTH
  readonly top = MARGIN_TOP
  readonly bottom = TEXT_BOTTOM
  private readonly chunks: Buffer[] = []
  private readonly done: Promise<Buffer>
  private current: TStyle | null = null
  private checked = new Set<string>()

  constructor(options: TKitOptions) {
    const date = pdfDate(options.documentDate)
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN_TOP, left: MARGIN_LEFT, right: A4.width - MARGIN_LEFT - TEXT_WIDTH, bottom: A4.height - TEXT_BOTTOM },
      bufferPages: true,
      autoFirstPage: true,
      compress: true,
      font: '', // no Helvetica: only the CJK font is loaded and embedded
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: options.title,
        Subject: options.subject,
        Author: options.author,
        Keywords: options.keywords,
        Creator: 'wagepact',
        Producer: 'wagepact (pdfkit)',
        CreationDate: date,
        ModDate: date,
      },
    })
    // The file identifier comes from the data, never from a clock or a random source.
    ;(this.doc as unknown as { _id: Uint8Array })._id = Buffer.from(options.documentId.slice(0, 32).padEnd(32, '0'), 'hex')
    const { pdfFonts } = loadFonts()
    // pdfkit accepts an already parsed fontkit font (anything with a layout function); this saves re-parsing.
    this.doc.registerFont('regular', pdfFonts.regular as unknown as Buffer)
    this.doc.registerFont('bold', pdfFonts.bold as unknown as Buffer)
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c))
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)))
      this.doc.on('error', reject)
    })
    this.use(S.body)
  }

  // ---------------------------------------------------------------- measuring and drawing primitives

  private use(s: TStyle): void {
    if (this.current === s) return
    this.doc.font(s.face).fontSize(s.size).fillColor(s.color)
    this.current = s
  }

  /** Width of a string in a style (cached). */
  readonly measure = (text: string, s: TStyle): number => {
    let w = widthCache.get(s)?.get(text)
    if (w === undefined) {
      // Straight from the font, as pdfkit computes it with the direct layout (fonts.ts), without touching the
      // document's state: measuring must not change what is written into the content stream.
      const font = loadFonts().pdfFonts[s.face]
      let units = 0
      for (const ch of text) units += directGlyph(font, ch.codePointAt(0)!).advanceWidth
      w = (units / font.unitsPerEm) * s.size
      if (++widthCacheSize > WIDTH_CACHE_LIMIT) {
        widthCache.clear()
        widthCacheSize = 0
      }
      let m = widthCache.get(s)
      if (!m) {
        m = new Map()
        widthCache.set(s, m)
      }
      m.set(text, w)
    }
    return w
  }

  private guard(text: string): void {
    if (this.checked.has(text)) return
    const missing = missingInText(text)
    if (missing.length > 0) {
      throw new MissingGlyphsError(
        missing.map((ch) => ({ char: ch, codePoint: codePointLabel(ch.codePointAt(0)!), paths: ['template'] })),
      )
    }
    this.checked.add(text)
  }

  /** Breaks content into lines for a box of the given width. */
  layout(
    content: TContent,
    opts: { style?: TStyle; width: number; indent?: number; align?: TAlign; balance?: boolean },
  ): TLine<TStyle>[] {
    const s = opts.style ?? S.body
    const runs = typeof content === 'string' ? [{ text: content, style: s }] : content
    const run = (width: number) =>
      breakLines(runs, this.measure, {
        width,
        firstLineIndent: (opts.indent ?? 0) * s.size,
        align: opts.align ?? 'justify',
        maxGapExpansion: s.size,
        maxGapShrink: 0.04 * s.size,
      })
    let lines = run(opts.width)
    if (opts.balance && lines.length > 1) {
      // Balanced lines for titles: the narrowest box that needs no more lines, centred in the full width.
      let best = opts.width
      for (let w = opts.width - s.size; w > s.size; w -= s.size / 2) {
        if (run(w).length > lines.length) break
        best = w
      }
      const shift = (opts.width - best) / 2
      lines = run(best).map((l) => ({ ...l, units: l.units.map((u) => ({ ...u, x: u.x + shift })) }))
    }
    return lines
  }

  /** Draws one broken line with its left edge at x and its baseline at `baseline`. */
  drawLine(line: TLine<TStyle>, x: number, baseline: number): void {
    for (const run of drawRuns(line, (a, b) => a === b)) {
      this.guard(run.text)
      this.use(run.style)
      this.doc.text(run.text, x + run.x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: run.spacing,
      })
    }
  }

  /** Baseline of a line box of height lh whose top is at y, for text of size `size`. */
  static baseline(y: number, lh: number, size: number): number {
    return y + (lh - size) / 2 + IDEO_TOP * size
  }

  // ---------------------------------------------------------------- pages

  newPage(): void {
    this.doc.addPage()
    this.current = null
    this.use(S.body)
    this.y = this.top
  }

  /** Starts a new page when less than h is left. Returns true if a page was added. */
  ensure(h: number): boolean {
    if (this.y + h > this.bottom + 0.01 && this.y > this.top + 0.01) {
      this.newPage()
      return true
    }
    return false
  }

  space(h: number): void {
    this.y = Math.min(this.y + h, this.bottom)
  }

  /** Index of the current page (0-based, over the whole PDF). */
  get pageIndex(): number {
    const r = this.doc.bufferedPageRange()
    return r.start + r.count - 1
  }

  // ---------------------------------------------------------------- text blocks

  paragraph(content: TContent, opts: TParagraphOptions = {}): void {
    const s = opts.style ?? S.body
    const lh = s.size * (opts.leading ?? 1.75)
    const x = this.left + (opts.x ?? 0)
    const width = opts.width ?? this.width - (opts.x ?? 0)
    const lines = this.layout(content, { style: s, width, indent: opts.indent ?? 2, align: opts.align ?? 'justify', balance: opts.balance })
    if (opts.before) this.space(opts.before)
    if (opts.keepTogether || opts.keepWithNext !== undefined) {
      const need = (opts.keepTogether ? lines.length : Math.min(lines.length, 2)) * lh + (opts.keepWithNext ?? 0)
      this.ensure(need)
    }
    for (const line of lines) {
      this.ensure(lh)
      this.drawLine(line, x, Kit.baseline(this.y, lh, s.size))
      this.y += lh
    }
    if (opts.after) this.space(opts.after)
  }

  /** Centred title (二号 bold) with an optional English subtitle and a document number line. */
  titleBlock(zh: string, en?: string, documentNumber?: string): void {
    this.paragraph(zh, { style: S.title, align: 'center', indent: 0, leading: 1.45, keepWithNext: 60, balance: true })
    if (en) this.paragraph(en, { style: S.subtitle, align: 'center', indent: 0, leading: 1.5 })
    if (documentNumber) {
      this.space(4)
      this.paragraph(documentNumber, { style: S.body, align: 'center', indent: 0, leading: 1.6 })
    }
    this.space(14)
  }

  /** 第一章　总则: centred, bold, 四号. */
  chapter(text: string): void {
    this.paragraph(text, { style: S.chapter, align: 'center', indent: 0, leading: 1.8, before: 6, after: 2, keepWithNext: 3 * BODY_SIZE * 1.75 })
  }

  /** A first-level heading such as 一、基本情况 (bold, indented two characters). */
  heading(text: string): void {
    this.paragraph(text, { style: S.bodyBold, indent: 2, align: 'left', before: 4, keepWithNext: 2 * BODY_SIZE * 1.75 })
  }

  /** A label line ending with a colon, flush left: the addressee (主送机关) of a letter. */
  addressee(text: string): void {
    this.paragraph(text, { indent: 0, align: 'left' })
  }

  /** 第一条　text: the article number in bold, the text following on the same line. */
  article(label: string, text: string, opts: { titleBold?: string } = {}): void {
    const runs: TRun<TStyle>[] = [{ text: `${label}　`, style: S.bodyBold }]
    if (opts.titleBold) runs.push({ text: `${opts.titleBold}　`, style: S.bodyBold })
    if (text) runs.push({ text, style: S.body })
    this.paragraph(runs, { keepWithNext: 0 })
  }

  /** A label in bold followed by a value: "协商时间：2026年6月24日". */
  field(label: string, value: string, opts: TParagraphOptions = {}): void {
    this.paragraph(
      [
        { text: label, style: S.bodyBold },
        { text: value, style: S.body },
      ],
      opts,
    )
  }

  /** Closing mark of a contract body before the signature page: （以下无正文）. */
  endOfText(): void {
    this.paragraph('（以下无正文）', { indent: 2, align: 'left', before: 4 })
  }

  // ---------------------------------------------------------------- tables

  /**
   * A bordered table. Cells are broken with the Chinese line breaker; a row that does not fit moves to the next
   * page (or, when taller than a page, is split line by line), and the header row is repeated on each new page.
   */
  table(columns: readonly TColumn[], rows: readonly (readonly TContent[])[], opts: TTableOptions = {}): void {
    const s = opts.style ?? S.small
    const hs = opts.headerStyle ?? style('bold', s.size)
    const lh = s.size * (opts.leading ?? 1.55)
    const padX = 4
    const padY = 3
    const total = columns.reduce((a, c) => a + c.width, 0)
    const widths = columns.map((c) => (c.width / total) * this.width)
    const xs: number[] = []
    widths.reduce((acc, w) => (xs.push(acc), acc + w), this.left)
    const cells = (row: readonly TContent[], rs: TStyle, header: boolean): TCell[] =>
      columns.map((c, i) => {
        const align = header ? 'center' : (c.align ?? 'left')
        return { lines: this.layout(row[i] ?? '', { style: rs, width: widths[i]! - 2 * padX, indent: 0, align }), align }
      })
    const header = opts.noHeader ? null : cells(columns.map((c) => c.header), hs, true)
    const headerHeight = header ? Math.max(...header.map((c) => c.lines.length)) * lh + 2 * padY : 0

    const drawRow = (row: TCell[], from: number, count: number, height: number, fill: string | null, shaded: readonly number[]) => {
      const doc = this.doc
      doc.save()
      doc.lineWidth(0.6).strokeColor('#000000')
      row.forEach((_, i) => {
        const f = fill ?? (shaded.includes(i) ? '#eeeeee' : null)
        if (f) doc.rect(xs[i]!, this.y, widths[i]!, height).fillAndStroke(f, '#000000')
        else doc.rect(xs[i]!, this.y, widths[i]!, height).stroke()
      })
      doc.restore()
      this.current = null
      row.forEach((cell, i) => {
        const lines = cell.lines.slice(from, from + count)
        // Centre the lines vertically in the row.
        let ly = this.y + padY + (height - 2 * padY - lines.length * lh) / 2
        for (const line of lines) {
          this.drawLine(line, xs[i]! + padX, Kit.baseline(ly, lh, s.size))
          ly += lh
        }
      })
      this.y += height
    }
    const drawHeader = () => {
      if (header) drawRow(header, 0, Infinity, headerHeight, opts.headerFill ?? '#e6e6e6', [])
    }

    this.ensure(headerHeight + lh + 2 * padY)
    drawHeader()
    for (const row of rows) {
      const rowCells = cells(row, s, false)
      const n = Math.max(1, ...rowCells.map((c) => c.lines.length))
      let from = 0
      while (from < n) {
        const left = n - from
        const room = Math.floor((this.bottom - this.y - 2 * padY) / lh + 1e-6)
        const atTop = this.y <= this.top + headerHeight + 0.01
        if (room >= left) {
          drawRow(rowCells, from, left, left * lh + 2 * padY, null, opts.shadedColumns ?? [])
          from = n
        } else if (atTop && room > 0) {
          // Taller than a page: split the row line by line.
          drawRow(rowCells, from, room, room * lh + 2 * padY, null, opts.shadedColumns ?? [])
          from += room
          this.newPage()
          if (opts.repeatHeader !== false) drawHeader()
        } else {
          this.newPage()
          if (opts.repeatHeader !== false) drawHeader()
        }
      }
    }
    this.space(opts.after ?? 6)
  }

  /** A two-column form: label | value rows, labels shaded (e.g. enterprise data). */
  formTable(rows: readonly (readonly [string, TContent])[], opts: { labelWidth?: number; style?: TStyle } = {}): void {
    const lw = opts.labelWidth ?? 0.3
    this.table(
      [
        { header: '', width: lw, align: 'left' },
        { header: '', width: 1 - lw, align: 'left' },
      ],
      rows.map(([label, value]) => [[{ text: label, style: style('bold', (opts.style ?? S.body).size) }], value]),
      { noHeader: true, style: opts.style ?? S.body, shadedColumns: [0], leading: 1.6 },
    )
  }

  /** A four-column form: label | value | label | value. */
  formTable4(rows: readonly (readonly [string, TContent, string, TContent])[], opts: { style?: TStyle } = {}): void {
    const s = opts.style ?? S.small
    const b = style('bold', s.size)
    this.table(
      [
        { header: '', width: 0.2 },
        { header: '', width: 0.3 },
        { header: '', width: 0.2 },
        { header: '', width: 0.3 },
      ],
      rows.map(([l1, v1, l2, v2]) => [[{ text: l1, style: b }], v1, [{ text: l2, style: b }], v2]),
      { noHeader: true, style: s, shadedColumns: [0, 2], leading: 1.6 },
    )
  }

  // ---------------------------------------------------------------- signatures and seals

  /**
   * Signature blocks side by side (甲方 left, 乙方 right), kept together on one page. Each line is a label with
   * either a value or a rule to sign on.
   */
  signatureColumns(columns: readonly (readonly TSignLine[])[], opts: { before?: number; leading?: number } = {}): void {
    const s = S.body
    // Room to sign on each line; a label that wraps continues at normal leading.
    const lh = s.size * (opts.leading ?? 2.6)
    const cont = s.size * 1.6
    const gapX = 18
    const colW = (this.width - gapX * (columns.length - 1)) / columns.length
    const laid = columns.map((col) =>
      col.map((line) => {
        const text = line.label + (line.value ?? '')
        const lines = this.layout(text, { width: colW, indent: 0, align: 'left' })
        return { line, lines, height: lh + Math.max(0, lines.length - 1) * cont }
      }),
    )
    // Rows line up across the columns: each row is as tall as its tallest cell.
    const rows = Math.max(...laid.map((col) => col.length))
    const rowHeights = Array.from({ length: rows }, (_, i) => Math.max(...laid.map((col) => col[i]?.height ?? 0)))
    const height = rowHeights.reduce((a, b) => a + b, 0)
    this.space(opts.before ?? 18)
    this.ensure(height)
    const top = this.y
    laid.forEach((col, ci) => {
      const x = this.left + ci * (colW + gapX)
      let y = top
      for (const [i, { line, lines }] of col.entries()) {
        // The first line sits at the bottom of its tall box (room above to sign), continuations follow.
        let base = Kit.baseline(y + lh - cont, cont, s.size)
        for (const l of lines) {
          this.drawLine(l, x, base)
          base += cont
        }
        if (line.rule ?? line.value === undefined) {
          const last = lines[lines.length - 1]
          const start = x + (last ? last.naturalWidth : 0) + 2
          const end = x + colW - 6
          const by = base - cont + 3
          if (end - start > 24) this.doc.save().lineWidth(0.5).moveTo(start, by).lineTo(end, by).stroke().restore()
        }
        y += rowHeights[i]!
      }
    })
    this.y = top + height
  }

  /**
   * The issuer's signature and seal (落款): name and date right of centre, each line centred on the issuer's
   * name, with a seal mark the seal is pressed over.
   */
  sealBlock(lines: readonly string[], opts: { before?: number; sealLabel?: string } = {}): void {
    const s = S.body
    const lh = s.size * 2
    const texts = opts.sealLabel ? [opts.sealLabel, ...lines] : [...lines]
    const w = Math.max(...texts.map((t) => this.measure(t, s)))
    const right = this.left + this.width - 2 * s.size
    const cx = right - w / 2
    this.space(opts.before ?? 24)
    this.ensure(texts.length * lh)
    for (const t of texts) {
      const tw = this.measure(t, s)
      const line = this.layout(t, { width: tw + 1, indent: 0, align: 'left' })[0]!
      this.drawLine(line, cx - tw / 2, Kit.baseline(this.y, lh, s.size))
      this.y += lh
    }
  }

  /** A thin horizontal rule across the text area. */
  rule(opts: { before?: number; after?: number; width?: number } = {}): void {
    if (opts.before) this.space(opts.before)
    this.doc.save().lineWidth(opts.width ?? 0.8).moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).stroke().restore()
    if (opts.after) this.space(opts.after)
  }

  // ---------------------------------------------------------------- output

  /** Draws "第 n 页 共 m 页" centred below the text area of every page and returns the PDF bytes. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange()
    const s = S.small
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      this.current = null
      const text = `第 ${i - range.start + 1} 页 共 ${range.count} 页`
      const w = this.measure(text, s)
      const line = this.layout(text, { style: s, width: w + 1, indent: 0, align: 'left' })[0]!
      this.drawLine(line, this.left + (this.width - w) / 2, FOOTER_BASELINE)
    }
    this.doc.end()
    return this.done
  }

  /** Number of pages so far. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count
  }
}

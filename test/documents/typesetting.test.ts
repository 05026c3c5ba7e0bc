import { describe, expect, it } from 'vitest'
import { renderRequestLetter } from '../../src/documents/index.js'
import { BODY_SIZE, Kit, S, TEXT_WIDTH } from '../../src/documents/layout/kit.js'
import { NO_LINE_END, NO_LINE_START } from '../../src/documents/layout/linebreak.js'
import { samples } from '../../src/documents/samples.js'
import { pdfPages, writePdf } from './pdf-tools.js'

const WHOLE = ['6.5%', '2,350.00', '2026年6月24日', 'Agreement']

/** Paragraphs that put a number, a date, closing and opening marks at every position of the line. */
const edgeParagraphs = Array.from({ length: 36 }, (_, shift) =>
  `${'协'.repeat(shift)}平均工资增长6.5%，最低工资2,350.00元（含津贴）。依照“《集体合同规定》”，于2026年6月24日签订Agreement：同意！增长6.5%。`,
)

const kit = () => new Kit({ title: 't', subject: 't', author: 'a', keywords: 'k', documentId: '0'.repeat(32), documentDate: '2026-06-24' })

/** What a naive breaker (any character may start a line) would do with the same font and measure. */
function naiveLines(text: string): string[] {
  const k = kit()
  const lines: string[] = []
  let cur = ''
  let w = 2 * BODY_SIZE // first-line indent
  for (const ch of Array.from(text)) {
    const cw = k.measure(ch, S.body)
    if (w + cw > TEXT_WIDTH + 1e-6) {
      lines.push(cur)
      cur = ''
      w = 0
    }
    cur += ch
    w += cw
  }
  lines.push(cur)
  return lines
}

const count = (s: string, sub: string) => s.split(sub).length - 1

describe('Chinese line breaking in the PDF', () => {
  it('the test paragraphs do hit the edge cases: a naive breaker would break the rules', () => {
    let closingAtStart = 0
    let openingAtEnd = 0
    let split = 0
    for (const p of edgeParagraphs) {
      const lines = naiveLines(p)
      lines.slice(1).forEach((l) => NO_LINE_START.has(Array.from(l)[0]!) && closingAtStart++)
      lines.slice(0, -1).forEach((l) => NO_LINE_END.has(Array.from(l).at(-1)!) && openingAtEnd++)
      for (const w of WHOLE) split += count(p, w) - lines.reduce((n, l) => n + count(l, w), 0)
    }
    expect(closingAtStart).toBeGreaterThan(5)
    expect(openingAtEnd).toBeGreaterThan(2)
    expect(split).toBeGreaterThan(5)
  })

  it('pdftotext finds no closing mark at a line start, no opening mark at a line end, no split number or date', async () => {
    const data = structuredClone(samples.requestLetter)
    data.background = edgeParagraphs
    const file = writePdf('typesetting-edges', await renderRequestLetter(data))
    const lines = pdfPages(file)
      .flatMap((p) => p.split('\n'))
      .map((l) => l.replace(/\s+/g, ''))
      .filter(Boolean)
    const body = lines.filter((l) => !/^第\d+页共\d+页$/.test(l))
    expect(body.length).toBeGreaterThan(80)
    for (const [i, l] of body.entries()) {
      expect(NO_LINE_START.has(Array.from(l)[0]!), `line ${i} starts with a closing mark: ${l}`).toBe(false)
      expect(NO_LINE_END.has(Array.from(l).at(-1)!), `line ${i} ends with an opening mark: ${l}`).toBe(false)
    }
    const all = edgeParagraphs.join('')
    for (const w of WHOLE) {
      expect(body.reduce((n, l) => n + count(l, w), 0), `${w} split across lines`).toBe(count(all, w))
    }
  })

  it('justifies body lines to the full measure: every full line of a paragraph ends at the right margin', async () => {
    // Measured on the layout itself: the last unit of each non-final line ends at the text width.
    const k = kit()
    for (const p of edgeParagraphs.slice(0, 8)) {
      const lines = k.layout(p, { width: TEXT_WIDTH, indent: 2 })
      for (const l of lines.slice(0, -1)) {
        const u = l.units.at(-1)!
        expect(u.x + u.width).toBeCloseTo(TEXT_WIDTH, 3)
      }
    }
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { breakLines, drawRuns, NO_LINE_END, NO_LINE_START, segment, type TLine } from '../../src/documents/layout/linebreak.js'

/** A monospace-like measure: CJK and full-width characters 10, ASCII 5 (like a 10 pt CJK font). */
const measure = (s: string): number => Array.from(s).reduce((w, ch) => w + (ch.codePointAt(0)! < 0x2000 ? 5 : 10), 0)
const lay = (text: string, width: number, opts: { indent?: number; align?: 'justify' | 'left' } = {}) =>
  breakLines([{ text, style: 0 }], measure, { width, firstLineIndent: opts.indent ?? 0, align: opts.align ?? 'justify' })
const texts = (lines: TLine<number>[]) => lines.map((l) => l.text)
const first = (s: string) => Array.from(s)[0] ?? ''
const lastCh = (s: string) => Array.from(s).at(-1) ?? ''

describe('segment: unbreakable pieces', () => {
  it('keeps numbers, percentages, amounts, dates, times and Latin words whole', () => {
    const segs = segment('增长6.5%，计2,350.00元，于2026年6月24日9时30分（2026-06-24）签订Wage Agreement，￥1,234.56').map((s) => s.text)
    for (const whole of ['6.5%', '2,350.00', '2026年6月24日9时30分', '2026-06-24', 'Wage', 'Agreement', '￥1,234.56']) {
      expect(segs).toContain(whole)
    }
  })
  it('keeps a 破折号 and a 省略号 whole', () => {
    const segs = segment('甲方——乙方……').map((s) => s.text)
    expect(segs).toContain('——')
    expect(segs).toContain('……')
  })
  it('splits ideographs one by one and keeps supplementary-plane characters intact', () => {
    expect(segment('工资𠀀协商').map((s) => s.text)).toEqual(['工', '资', '𠀀', '协', '商'])
  })
})

describe('breakLines: GB/T 15834 line-start and line-end rules', () => {
  it('never starts a line with closing punctuation: pushes the previous character down', () => {
    // Width 5 characters: the 6th character is "，" and must not start line 2.
    const lines = lay('甲乙丙丁戊，己庚辛壬癸。', 50)
    expect(texts(lines)).toEqual(['甲乙丙丁', '戊，己庚辛', '壬癸。'])
    for (const l of lines) expect(NO_LINE_START.has(first(l.text))).toBe(false)
  })
  it('never ends a line with an opening bracket or quote', () => {
    const lines = lay('甲乙丙丁（戊己）庚辛“壬癸”。', 50)
    for (const l of lines) expect(NO_LINE_END.has(lastCh(l.text))).toBe(false)
    expect(texts(lines).join('')).toBe('甲乙丙丁（戊己）庚辛“壬癸”。')
  })
  it('keeps a run of closing marks with the character before them', () => {
    const lines = lay('一二三四五》。”六七', 50)
    expect(texts(lines)[0]).toBe('一二三四')
    expect(texts(lines)[1]!.startsWith('五》。”')).toBe(true)
  })
  it('does not split 6.5%, 2,350.00, dates or Latin words at the line end', () => {
    const text = '双方确认平均工资增长6.5%，最低工资2,350.00元，自2026年6月24日起执行Collective Agreement。'
    for (let width = 70; width <= 200; width += 5) {
      const lines = lay(text, width)
      const joined = texts(lines).join('\n')
      for (const whole of ['6.5%', '2,350.00', '2026年6月24日', 'Collective', 'Agreement']) {
        expect(joined.replace(/\n/g, '')).toContain(whole)
        expect(lines.some((l) => l.text.includes(whole))).toBe(true)
      }
      for (const l of lines) {
        expect(NO_LINE_START.has(first(l.text))).toBe(false)
        expect(NO_LINE_END.has(lastCh(l.text))).toBe(false)
      }
    }
  })
  it('drops the space at a break between Latin words', () => {
    const lines = lay('Request for Collective Wage Negotiation', 100, { align: 'left' })
    expect(texts(lines)).toEqual(['Request for', 'Collective Wage', 'Negotiation'])
  })
  it('honours the first-line indent and hard line breaks', () => {
    const lines = lay('甲乙丙丁戊己庚\n辛壬', 50, { indent: 20 })
    expect(texts(lines)).toEqual(['甲乙丙', '丁戊己庚', '辛壬'])
    expect(lines[0]!.units[0]!.x).toBe(20)
    expect(lines[1]!.last).toBe(true) // before the hard break: not justified
    expect(lines[1]!.gap).toBe(0)
  })
  it('avoids a last line holding a single character', () => {
    const lines = lay('甲乙丙丁戊己庚辛壬癸子。', 50)
    // Greedy would leave "子。" alone on line 3.
    expect(texts(lines)).toEqual(['甲乙丙丁戊', '己庚辛壬', '癸子。'])
  })
  it('splits a date only when a narrow cell leaves no legal break at all', () => {
    const lines = lay('（2026年4月28日）', 60, { align: 'left' })
    expect(texts(lines)).toEqual(['（2026年4月', '28日）'])
  })
})

describe('breakLines: justification', () => {
  it('narrows the gaps a little (挤进) rather than widening them a lot (推出) when that needs less adjustment', () => {
    const text = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申，酉戌。'
    // 19 characters and "，" are 200 wide; the measure is 195. Pushing "申，" down widens 17 gaps by 15/17 each;
    // narrowing 19 gaps by 5/19 each keeps "申，" on the line.
    const pushed = breakLines([{ text, style: 0 }], measure, { width: 195 })
    expect(pushed[0]!.text).toBe('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未')
    expect(pushed[0]!.gap).toBeCloseTo(15 / 17, 6)
    const squeezed = breakLines([{ text, style: 0 }], measure, { width: 195, maxGapShrink: 0.5 })
    expect(squeezed[0]!.text).toBe('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申，')
    expect(squeezed[0]!.gap).toBeCloseTo(-5 / 19, 6)
    const end = squeezed[0]!.units.at(-1)!
    expect(end.x + end.width).toBeCloseTo(195, 6)
    // Too much to narrow: pushed down as before.
    expect(breakLines([{ text, style: 0 }], measure, { width: 195, maxGapShrink: 0.2 })[0]!.text).toBe(pushed[0]!.text)
  })
  it('justifies every line but the last, to exactly the measure', () => {
    const lines = lay('甲乙丙丁戊，己庚辛壬癸子丑寅卯。', 50)
    for (const l of lines.slice(0, -1)) {
      const lastUnit = l.units.at(-1)!
      expect(lastUnit.x + lastUnit.width).toBeCloseTo(50, 6)
      expect(l.gap).toBeGreaterThanOrEqual(0)
    }
    expect(lines.at(-1)!.gap).toBe(0)
    expect(lines.at(-1)!.last).toBe(true)
  })
  it('puts no extra space inside a number or a Latin word', () => {
    const [line] = lay('增长6.5%，甲乙丙丁戊己', 100)
    const runs = drawRuns(line!, (a, b) => a === b)
    const num = runs.find((r) => r.text.includes('6.5%'))!
    expect(num.spacing).toBe(0)
  })
  it('draws a justified line of Chinese as one run with character spacing', () => {
    const lines = lay('甲乙丙丁戊，己庚辛壬癸。', 50)
    const runs = drawRuns(lines[0]!, (a, b) => a === b)
    expect(runs).toHaveLength(1)
    expect(runs[0]!.spacing).toBeCloseTo(10 / 3, 6)
  })
  it('aligns centre and right without stretching', () => {
    const [c] = breakLines([{ text: '甲乙', style: 0 }], measure, { width: 100, align: 'center' })
    expect(c!.units[0]!.x).toBe(40)
    const [r] = breakLines([{ text: '甲乙', style: 0 }], measure, { width: 100, align: 'right' })
    expect(r!.units[0]!.x).toBe(80)
  })
})

describe('breakLines: properties over random Chinese text', () => {
  const alphabet = [...'工资集体协商合同职工企业代表', ...'，。、；：？！）》」』】〕…’”％', ...'（《「『【〔‘“', '6.5%', '2,350.00', '2026年6月24日', 'Wage', ' ']
  // Runs of punctuation are short in real text; with at least a few ideographs per line a legal break exists.
  const textArb = fc
    .array(fc.tuple(fc.constantFrom(...alphabet.slice(0, 14)), fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 60 })
    .map((pairs) => pairs.map(([a, b]) => a + b).join(''))
  it('no closing mark starts a line, no opening mark ends one, nothing is lost, nothing overflows', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 12, max: 40 }), fc.constantFrom(0, 0.5), (text, chars, shrink) => {
        const width = chars * 10
        const lines = breakLines([{ text, style: 0 }], measure, { width, maxGapShrink: shrink })
        for (const [i, l] of lines.entries()) {
          if (i > 0) expect(NO_LINE_START.has(first(l.text))).toBe(false)
          if (i < lines.length - 1) expect(NO_LINE_END.has(lastCh(l.text))).toBe(false)
          const lastUnit = l.units.at(-1)
          if (lastUnit) expect(lastUnit.x + lastUnit.width).toBeLessThanOrEqual(width + 1e-6)
          expect(l.gap).toBeGreaterThanOrEqual(-shrink - 1e-9)
        }
        // Only spaces at breaks may disappear.
        expect(lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
        // Whole pieces are never split across two lines.
        const joinedWithBreaks = lines.map((l) => l.text).join('\n')
        for (const whole of ['6.5%', '2,350.00', '2026年6月24日', 'Wage']) {
          expect(joinedWithBreaks.split(whole).length).toBe(text.split(whole).length)
        }
      }),
      { numRuns: 400 },
    )
  })
})

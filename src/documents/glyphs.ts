/**
 * Glyph check: every string of the data is checked against the embedded fonts before anything is drawn, so a
 * document never shows tofu (□) for a character such as 𠀀 (CJK Ext-B, not in Noto Sans SC).
 */
import { loadFonts } from './fonts.js'
import { MissingGlyphsError, type TMissingGlyph } from './errors.js'

const known = new Map<number, boolean>()

/** Whether both faces (regular and bold) can draw the code point. Control characters count as drawable. */
export function hasGlyph(codePoint: number): boolean {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return true
  let ok = known.get(codePoint)
  if (ok === undefined) {
    const { fonts } = loadFonts()
    ok = fonts.regular.hasGlyphForCodePoint(codePoint) && fonts.bold.hasGlyphForCodePoint(codePoint)
    known.set(codePoint, ok)
  }
  return ok
}

/** 0x20000 → 'U+20000' */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

/** The characters of `text` that the fonts lack, in order of first occurrence. */
export function missingInText(text: string): string[] {
  const out: string[] = []
  for (const ch of text) {
    if (!hasGlyph(ch.codePointAt(0)!) && !out.includes(ch)) out.push(ch)
  }
  return out
}

/** Walks every string in a plain data value and lists the characters the fonts lack, with their paths. */
export function findMissingGlyphs(value: unknown): TMissingGlyph[] {
  const found = new Map<string, TMissingGlyph>()
  const visit = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      for (const ch of missingInText(v)) {
        let entry = found.get(ch)
        if (!entry) {
          entry = { char: ch, codePoint: codePointLabel(ch.codePointAt(0)!), paths: [] }
          found.set(ch, entry)
        }
        if (!entry.paths.includes(path)) entry.paths.push(path)
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i)))
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) visit(item, path ? `${path}.${k}` : k)
    }
  }
  visit(value, '')
  return [...found.values()]
}

/** Throws MissingGlyphsError when any string of the data has a character the fonts cannot draw. */
export function assertGlyphs(value: unknown): void {
  const missing = findMissingGlyphs(value)
  if (missing.length > 0) throw new MissingGlyphsError(missing)
}

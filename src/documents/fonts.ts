/**
 * The CJK fonts: Noto Sans SC (OFL-1.1) from @expo-google-fonts/noto-sans-sc, full static TTFs.
 *
 * The only file access of src/documents: each font file is read once per process and kept, both as a Buffer and
 * as the parsed fontkit font, which is handed to pdfkit directly so that a document does not re-parse 2 × 10 MB
 * of font (measured: ~35 ms per font per document otherwise). pdfkit embeds only the glyphs used (a subset).
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { create, type TFontkitFont, type TFontkitGlyph } from 'fontkit'

export type TFontFace = 'regular' | 'bold'

export type TLoadedFonts = {
  buffers: Record<TFontFace, Buffer>
  /** The parsed fonts (glyph checks). */
  fonts: Record<TFontFace, TFontkitFont>
  /** The same fonts with a direct character-to-glyph layout, handed to pdfkit (see withDirectLayout). */
  pdfFonts: Record<TFontFace, TFontkitFont>
}

type TPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }

/**
 * Chinese text needs no shaping: each character is one glyph from the cmap with its advance width. fontkit's
 * layout() runs the OpenType shaper (GSUB/GPOS lookups of a 30 000-glyph font) on every new string, which was the
 * largest cost of a document. The wrapper keeps everything else of the font (metrics, subsetting) and replaces
 * layout() by the direct mapping; Latin kerning and ligatures are given up, which changes nothing in Chinese text.
 */
export function withDirectLayout(font: TFontkitFont): TFontkitFont {
  const wrapper = Object.create(font) as TFontkitFont
  wrapper.layout = (text: string) => {
    const glyphs: TFontkitGlyph[] = []
    const positions: TPosition[] = []
    for (const ch of text) {
      const g = directGlyph(font, ch.codePointAt(0)!)
      glyphs.push(g)
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })
    }
    return {
      glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + p.xAdvance, 0)
      },
    }
  }
  return wrapper
}

type THmtx = { metrics: { length: number; get(i: number): { advance: number } | undefined } }
const directGlyphs = new WeakMap<TFontkitFont, Map<number, TFontkitGlyph>>()

/**
 * The glyph of a code point as pdfkit needs it (id, advance width in font units, code points), read from the
 * cmap and hmtx only. fontkit's Glyph.advanceWidth would decode the outline first (to compute vertical metrics
 * the font has no vmtx for), which was the main cost of a first document.
 */
export function directGlyph(font: TFontkitFont, codePoint: number): TFontkitGlyph {
  let cache = directGlyphs.get(font)
  if (!cache) {
    cache = new Map()
    directGlyphs.set(font, cache)
  }
  let g = cache.get(codePoint)
  if (!g) {
    const id = font.glyphForCodePoint(codePoint).id
    const hmtx = (font as unknown as { hmtx: THmtx }).hmtx
    const metric = hmtx.metrics.get(Math.min(id, hmtx.metrics.length - 1))
    g = Object.freeze({ id, advanceWidth: metric?.advance ?? 0, codePoints: [codePoint] })
    cache.set(codePoint, g)
  }
  return g
}

const FILES: Record<TFontFace, string> = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
}

let loaded: TLoadedFonts | undefined

/** Directory of the font package (resolved through node_modules, not through the working directory). */
export function fontDirectory(): string {
  const require = createRequire(import.meta.url)
  return path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
}

/** Reads and parses the fonts on first use; later calls return the cached objects. */
export function loadFonts(): TLoadedFonts {
  if (loaded) return loaded
  const dir = fontDirectory()
  const regular = fs.readFileSync(path.join(dir, FILES.regular))
  const bold = fs.readFileSync(path.join(dir, FILES.bold))
  const fonts = { regular: create(regular), bold: create(bold) }
  loaded = {
    buffers: { regular, bold },
    fonts,
    pdfFonts: { regular: withDirectLayout(fonts.regular), bold: withDirectLayout(fonts.bold) },
  }
  return loaded
}

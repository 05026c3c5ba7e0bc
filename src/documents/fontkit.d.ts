/**
 * Minimal typing of fontkit 2 (shipped as a dependency of pdfkit, which has no published types for it): only
 * what src/documents uses.
 */
declare module 'fontkit' {
  export type TFontkitGlyph = { id: number; advanceWidth: number; codePoints: number[] }
  export type TFontkitFont = {
    postscriptName: string
    unitsPerEm: number
    hasGlyphForCodePoint(codePoint: number): boolean
    glyphForCodePoint(codePoint: number): TFontkitGlyph
    layout: (text: string) => unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): TFontkitFont
}

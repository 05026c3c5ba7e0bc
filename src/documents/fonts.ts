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
import { create, type TFontkitFont } from 'fontkit'

export type TFontFace = 'regular' | 'bold'

export type TLoadedFonts = {
  buffers: Record<TFontFace, Buffer>
  fonts: Record<TFontFace, TFontkitFont>
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
  loaded = {
    buffers: { regular, bold },
    fonts: { regular: create(regular), bold: create(bold) },
  }
  return loaded
}

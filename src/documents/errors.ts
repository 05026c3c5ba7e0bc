/**
 * Errors of the document renderers. Each has a stable UPPER_SNAKE `code` that src/errors can map to HTTP.
 */

/** One character the font cannot draw, with the data paths where it occurs. */
export type TMissingGlyph = {
  char: string
  /** e.g. "U+20000" */
  codePoint: string
  /** Where it occurs, e.g. "enterprise.name"; "template" for text that is not from the data. */
  paths: string[]
}

/** The data holds characters that the embedded font has no glyph for (they would print as tofu □). */
export class MissingGlyphsError extends Error {
  readonly code = 'DOCUMENT_MISSING_GLYPHS'
  readonly missing: readonly TMissingGlyph[]
  constructor(missing: readonly TMissingGlyph[]) {
    super(
      `字体缺少以下字符的字形，文书无法正确显示 / the font has no glyph for: ${missing
        .map((m) => `${m.char} (${m.codePoint}) at ${m.paths.join(', ')}`)
        .join('; ')}`,
    )
    this.name = 'MissingGlyphsError'
    this.missing = missing
  }
}

/** The data does not match the schema of the document kind. */
export class DocumentDataError extends Error {
  readonly code = 'DOCUMENT_INVALID_DATA'
  readonly issues: readonly { path: string; message: string }[]
  constructor(kind: string, issues: readonly { path: string; message: string }[]) {
    super(`invalid data for document ${kind}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`)
    this.name = 'DocumentDataError'
    this.issues = issues
  }
}

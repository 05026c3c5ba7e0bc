/**
 * How a document kind is defined and rendered: parse the plain data with its zod schema, refuse characters the
 * font lacks, draw on a fresh Kit, number the pages and return the bytes.
 */
import type { z } from 'zod'
import { Kit } from './layout/kit.js'
import { DocumentDataError } from './errors.js'
import { assertGlyphs } from './glyphs.js'
import { documentId, sha256 } from './hash.js'
import { wordingFor, type TWording } from './wording.js'
import type { TCommon } from './types.js'

export type TTitle = { zh: string; en: string }
export type TDrawContext = { wording: TWording; title: TTitle }

export type TDocumentSpec<K extends string, S extends z.ZodType<TCommon>> = {
  kind: K
  schema: S
  /** Generic titles of the kind (registry). */
  names: TTitle
  /** The title printed on this document (may depend on the data). */
  title: (data: z.output<S>) => TTitle
  /** Who issues the document (PDF Author). */
  author: (data: z.output<S>) => string
  /** Draws the document on a kit positioned at the top of a fresh page. */
  draw: (kit: Kit, data: z.output<S>, ctx: TDrawContext) => void
}

export type TRendered = {
  bytes: Buffer
  pages: number
  sha256: string
  documentId: string
  title: TTitle
}

export type TDocumentDefinition<K extends string, S extends z.ZodType<TCommon>> = TDocumentSpec<K, S> & {
  /** Validates and glyph-checks the data; throws DocumentDataError or MissingGlyphsError. */
  parse: (input: z.input<S>) => z.output<S>
  render: (input: z.input<S>) => Promise<Buffer>
  renderWithInfo: (input: z.input<S>) => Promise<TRendered>
  /** Draws already parsed data on an existing kit (used by the filing package); returns the pages used. */
  drawOn: (kit: Kit, data: z.output<S>) => number
}

export function parseWith<S extends z.ZodType>(kind: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) {
    throw new DocumentDataError(
      kind,
      result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    )
  }
  return result.data
}

export function createKit(kind: string, data: TCommon, title: TTitle, author: string): Kit {
  const id = documentId(kind, data)
  return new Kit({
    title: title.zh,
    subject: title.en,
    author,
    keywords: `${data.caseNumber} ${kind} ${id}`,
    documentId: id,
    documentDate: data.documentDate,
  })
}

export function defineDocument<K extends string, S extends z.ZodType<TCommon>>(spec: TDocumentSpec<K, S>): TDocumentDefinition<K, S> {
  const parse = (input: z.input<S>): z.output<S> => {
    const data = parseWith(spec.kind, spec.schema, input)
    assertGlyphs(data)
    return data
  }
  const drawOn = (kit: Kit, data: z.output<S>): number => {
    const first = kit.pageCount
    spec.draw(kit, data, { wording: wordingFor(data.jurisdiction.id), title: spec.title(data) })
    return kit.pageCount - first + 1
  }
  const renderWithInfo = async (input: z.input<S>): Promise<TRendered> => {
    const data = parse(input)
    const title = spec.title(data)
    const kit = createKit(spec.kind, data, title, spec.author(data))
    const pages = drawOn(kit, data)
    const bytes = await kit.finish()
    return { bytes, pages, sha256: sha256(bytes), documentId: documentId(spec.kind, data), title }
  }
  return {
    ...spec,
    parse,
    drawOn,
    renderWithInfo,
    render: async (input) => (await renderWithInfo(input)).bytes,
  }
}

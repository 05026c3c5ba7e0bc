import { describe, expect, it } from 'vitest'
import {
  findMissingGlyphs,
  MissingGlyphsError,
  renderDocument,
  renderFilingPackage,
  renderWageAgreement,
} from '../../src/documents/index.js'
import { Kit } from '../../src/documents/layout/kit.js'
import { samples } from '../../src/documents/samples.js'

describe('glyph check: no tofu', () => {
  it('finds 𠀀 (U+20000, CJK Ext-B) and where it is, and nothing in the samples', () => {
    expect(findMissingGlyphs(samples)).toEqual([])
    const missing = findMissingGlyphs({ a: ['甲𠀀乙'], b: { c: '𠀀丙', d: '龘靐鱻' } })
    expect(missing).toEqual([{ char: '𠀀', codePoint: 'U+20000', paths: ['a.0', 'b.c'] }])
  })

  it('refuses to render a document whose data has a character the font lacks', async () => {
    const data = structuredClone(samples.wageAgreement)
    data.enterprise.name = '广州市𠀀制造有限公司'
    const error = await renderWageAgreement(data).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingGlyphsError)
    const e = error as MissingGlyphsError
    expect(e.code).toBe('DOCUMENT_MISSING_GLYPHS')
    expect(e.missing).toEqual([{ char: '𠀀', codePoint: 'U+20000', paths: ['enterprise.name'] }])
    expect(e.message).toContain('U+20000')
  })

  it('refuses a filing package when one of its parts has such a character', async () => {
    const data = structuredClone(samples.filingPackage)
    const part = data.parts[1]!
    if (part.kind !== 'situationReport') throw new Error('sample changed')
    part.data.sections[0]!.paragraphs.push('附件：𠀀')
    await expect(renderFilingPackage(data)).rejects.toBeInstanceOf(MissingGlyphsError)
    await expect(renderDocument('filingPackage', data)).rejects.toThrow(/U\+20000/)
  })

  it('accepts rare characters the font has (龘 靐 鱻, ①, ℃, ㎡)', async () => {
    const data = structuredClone(samples.requestLetter)
    data.background = ['生僻字：龘、靐、鱻；符号：①②③、25℃、120㎡。']
    await expect(renderDocument('requestLetter', data)).resolves.toBeInstanceOf(Buffer)
  })

  it('also guards text that does not come from the data', () => {
    const kit = new Kit({ title: 't', subject: 't', author: 'a', keywords: 'k', documentId: '0'.repeat(32), documentDate: '2026-06-24' })
    expect(() => kit.paragraph('模板文字𠀀')).toThrow(MissingGlyphsError)
  })
})

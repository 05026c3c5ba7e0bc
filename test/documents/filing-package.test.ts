import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildFilingManifest,
  FRONT_MATTER_PAGES,
  renderDocument,
  renderFilingPackageWithManifest,
  sha256,
  type TFilingManifestEntry,
  type TFilingPackageResult,
} from '../../src/documents/index.js'
import { samples } from '../../src/documents/samples.js'
import { pdfPages, qpdfCheck, squash, writePdf } from './pdf-tools.js'

let result: TFilingPackageResult
let pages: string[]

beforeAll(async () => {
  result = await renderFilingPackageWithManifest(samples.filingPackage)
  const file = writePdf('filing-package', result.bytes)
  pages = pdfPages(file).map(squash)
  expect(qpdfCheck(file).status).toBe(0)
})

describe('filing package (集体合同报送材料)', () => {
  it('has a cover form with the enterprise data, then the contents, then every part in order', () => {
    expect(pages[0]).toContain('工资专项集体合同报送材料')
    expect(pages[0]).toContain('报送单位广州市某制造有限公司')
    expect(pages[0]).toContain('统一社会信用代码91440101MA59C0001U')
    expect(pages[0]).toContain('报送日期2026年6月29日')
    expect(pages[1]).toContain('目录')
    expect(result.manifest.map((m) => m.kind)).toEqual(samples.filingPackage.parts.map((p) => p.kind))
    expect(result.manifest[0]!.pages.from).toBe(FRONT_MATTER_PAGES + 1)
    expect(result.pages).toBe(pages.length)
    expect(result.manifest.at(-1)!.pages.to).toBe(pages.length)
  })

  it('each part starts on the page the manifest says, with its own title, and pages are numbered through', () => {
    for (const m of result.manifest) {
      expect(pages[m.pages.from - 1], `${m.title} on page ${m.pages.from}`).toContain(squash(m.title))
    }
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共${pages.length}页`))
    const ranges = result.manifest.map((m) => m.pages)
    ranges.slice(1).forEach((r, i) => expect(r.from).toBe(ranges[i]!.to + 1))
  })

  it('the contents page lists each part with its page range and hash prefix', () => {
    for (const m of result.manifest) {
      const range = m.pages.from === m.pages.to ? `${m.pages.from}` : `${m.pages.from}–${m.pages.to}`
      expect(pages[1]).toContain(squash(m.title).slice(0, 8))
      expect(pages[1]).toContain(range)
      expect(pages[1]).toContain(m.sha256.slice(0, 16))
    }
  })

  it('the manifest hash of a part is the SHA-256 of that part rendered on its own', async () => {
    for (const [i, part] of samples.filingPackage.parts.entries()) {
      const alone = await renderDocument(part.kind, part.data as never)
      expect(result.manifest[i]!.sha256).toBe(sha256(alone))
      expect(result.manifest[i]!.bytes).toBe(alone.length)
    }
    // The wage agreement filed is byte for byte the one rendered for the congress and the signing.
    expect(result.manifest[0]!.sha256).toBe(sha256(await renderDocument('wageAgreement', samples.wageAgreement)))
  })

  it('buildFilingManifest(parts) gives the same manifest', async () => {
    const manifest: TFilingManifestEntry[] = await buildFilingManifest(samples.filingPackage.parts)
    expect(manifest).toEqual(result.manifest)
  })

  it('is deterministic, and a change in one part changes that part hash only', async () => {
    const again = await renderFilingPackageWithManifest(samples.filingPackage)
    expect(again.sha256).toBe(result.sha256)
    const changed = structuredClone(samples.filingPackage)
    const part = changed.parts[0]!
    if (part.kind !== 'wageAgreement') throw new Error('sample changed')
    part.data.items.wageLevel = ['2026年度职工平均工资增长6.6%。']
    const other = await renderFilingPackageWithManifest(changed)
    expect(other.sha256).not.toBe(result.sha256)
    expect(other.manifest[0]!.sha256).not.toBe(result.manifest[0]!.sha256)
    expect(other.manifest.slice(1).map((m) => m.sha256)).toEqual(result.manifest.slice(1).map((m) => m.sha256))
  })

  it('shifts the page ranges when the contents take more than one page', async () => {
    const many = structuredClone(samples.filingPackage)
    const round = many.parts.find((p) => p.kind === 'minutes')!
    while (many.parts.length < 30) many.parts.push(structuredClone(round))
    const r = await renderFilingPackageWithManifest(many)
    const p = pdfPages(writePdf('filing-package-long', r.bytes)).map(squash)
    expect(r.manifest[0]!.pages.from).toBeGreaterThan(FRONT_MATTER_PAGES + 1)
    for (const m of r.manifest) expect(p[m.pages.from - 1]).toContain(squash(m.title))
  })
})

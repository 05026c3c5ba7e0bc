/**
 * 集体合同报送材料: one PDF with a cover form of the enterprise's data, a table of contents, then each part
 * (agreement, 情况说明, wage data, congress resolution, representative list, minutes…) drawn from its own data.
 * Pages are numbered through the whole package. The manifest lists each part's kind, title, page range in the
 * package and the SHA-256 of the part rendered on its own, so the filed agreement can be matched byte for byte
 * with the one the congress voted on and the one signed.
 */
import {
  ZFilingPackageSchema,
  type TFilingPackage,
  type TFilingPart,
  type TFilingPartInput,
  ZFilingPartSchema,
} from '../types.js'
import { createKit, parseWith, type TRendered, type TTitle } from '../render.js'
import { assertGlyphs } from '../glyphs.js'
import { formatDate } from '../format.js'
import { sha256 } from '../hash.js'
import type { Kit } from '../layout/kit.js'
import { S } from '../layout/kit.js'
import { agreementName } from './common.js'
import type { z } from 'zod'
import { wageAgreementDocument } from './wage-agreement.js'
import { collectiveContractDocument } from './collective-contract.js'
import { situationReportDocument } from './situation-report.js'
import { wageDataDocument } from './wage-data.js'
import { congressResolutionDocument } from './congress-resolution.js'
import { teamListDocument } from './team-list.js'
import { minutesDocument } from './minutes.js'
import { requestLetterDocument } from './request-letter.js'
import { requestResponseDocument } from './request-response.js'

export type TFilingPartKind = TFilingPart['kind']

/** The definitions of the kinds a package can contain, seen through the data-agnostic part of their API. */
type TPartDefinition = {
  names: TTitle
  title: (data: never) => TTitle
  renderWithInfo: (input: never) => Promise<TRendered>
  drawOn: (kit: Kit, data: never) => number
}
const partDefinitions: Readonly<Record<TFilingPartKind, TPartDefinition>> = {
  wageAgreement: wageAgreementDocument,
  collectiveContract: collectiveContractDocument,
  situationReport: situationReportDocument,
  wageData: wageDataDocument,
  congressResolution: congressResolutionDocument,
  teamList: teamListDocument,
  minutes: minutesDocument,
  requestLetter: requestLetterDocument,
  requestResponse: requestResponseDocument,
}
// The data of a part is checked against the schema of its own kind, so passing it on is safe.
const def = (kind: TFilingPartKind) =>
  partDefinitions[kind] as unknown as {
    names: TTitle
    title: (data: unknown) => TTitle
    renderWithInfo: (input: unknown) => Promise<TRendered>
    drawOn: (kit: Kit, data: unknown) => number
  }

export type TFilingManifestEntry = {
  /** 1-based position in the package. */
  index: number
  kind: TFilingPartKind
  title: string
  titleEn: string
  /** Page range inside the package (1-based, inclusive). */
  pages: { from: number; to: number }
  /** SHA-256 of the part rendered on its own (renderDocument(kind, data)). */
  sha256: string
  documentId: string
  /** Size in bytes of the part rendered on its own. */
  bytes: number
}

/** Cover form and table of contents. */
export const FRONT_MATTER_PAGES = 2

type TStandalone = { kind: TFilingPartKind; title: TTitle; pages: number; sha256: string; documentId: string; bytes: number }

async function renderStandalone(parts: readonly TFilingPart[]): Promise<TStandalone[]> {
  const out: TStandalone[] = []
  for (const p of parts) {
    const r = await def(p.kind).renderWithInfo(p.data)
    out.push({ kind: p.kind, title: r.title, pages: r.pages, sha256: r.sha256, documentId: r.documentId, bytes: r.bytes.length })
  }
  return out
}

function withRanges(list: readonly TStandalone[], frontMatterPages: number): TFilingManifestEntry[] {
  let next = frontMatterPages + 1
  return list.map((p, i) => {
    const from = next
    next += p.pages
    return {
      index: i + 1,
      kind: p.kind,
      title: p.title.zh,
      titleEn: p.title.en,
      pages: { from, to: from + p.pages - 1 },
      sha256: p.sha256,
      documentId: p.documentId,
      bytes: p.bytes,
    }
  })
}

/**
 * The manifest of a filing package: for each part its kind, title, page range in the package and the SHA-256 of
 * the part rendered on its own. Page ranges assume the package's front matter (cover and contents, 2 pages).
 */
export async function buildFilingManifest(
  parts: readonly TFilingPartInput[],
  options: { frontMatterPages?: number } = {},
): Promise<TFilingManifestEntry[]> {
  const parsed = parts.map((p, i) => parseWith(`filingPackage.parts.${i}`, ZFilingPartSchema, p))
  return withRanges(await renderStandalone(parsed), options.frontMatterPages ?? FRONT_MATTER_PAGES)
}

const title = (d: TFilingPackage): TTitle => ({ zh: `${agreementName(d.agreementType)}报送材料`, en: 'Filing Package' })

function drawCover(kit: Kit, d: TFilingPackage): void {
  kit.titleBlock(title(d).zh, d.bilingualTitle ? title(d).en : undefined, d.documentNumber)
  const e = d.enterprise
  const rows: [string, string][] = [
    ['报送单位', e.name],
    ['统一社会信用代码', e.creditCode],
    ['住所', e.address],
    ['法定代表人', e.legalRepresentative],
    ['所在地区', `${e.regionName}${e.regionCode ? `（行政区划代码${e.regionCode}）` : ''}`],
    ...(e.industry ? ([['所属行业', e.industry]] as [string, string][]) : []),
    ...(e.employeeCount !== undefined ? ([['职工人数', `${e.employeeCount}人`]] as [string, string][]) : []),
    ['工会名称', d.workerParty.name],
    ...(d.workerParty.chairman ? ([['工会主席', d.workerParty.chairman]] as [string, string][]) : []),
    ['合同名称', `《${d.contractTitle}》`],
    ['合同类别', agreementName(d.agreementType)],
    ['合同期限', 'months' in d.term ? `${d.term.months}个月（自生效之日起计算）` : `${formatDate(d.term.start)}至${formatDate(d.term.end)}`],
    ...(d.coveredWorkers !== undefined ? ([['覆盖职工人数', `${d.coveredWorkers}人`]] as [string, string][]) : []),
    ['职工代表大会通过日期', formatDate(d.congressDate)],
    ['合同签订日期', formatDate(d.signingDate)],
    ['报送日期', formatDate(d.filingDate)],
    ['报送机关', d.bureau.name],
    ['联系人及电话', `${d.contact.name}　${d.contact.phone}`],
    ['案号', d.caseNumber],
  ]
  kit.formTable(rows, { labelWidth: 0.3 })
  kit.sealBlock([`报送单位：${e.name}（盖章）`, formatDate(d.filingDate)], { before: 20 })
}

function drawContents(kit: Kit, d: TFilingPackage, manifest: readonly TFilingManifestEntry[], totalPages: number): void {
  kit.chapter('目　　录')
  kit.space(6)
  kit.table(
    [
      { header: '序号', width: 0.7, align: 'center' },
      { header: '材料名称', width: 4.2 },
      { header: '页码', width: 1.1, align: 'center' },
      { header: 'SHA-256（前16位）', width: 2.4, align: 'center' },
    ],
    manifest.map((m) => [
      String(m.index),
      m.title,
      m.pages.from === m.pages.to ? String(m.pages.from) : `${m.pages.from}–${m.pages.to}`,
      m.sha256.slice(0, 16),
    ]),
  )
  for (const line of [
    `说明：1. 本报送材料共${totalPages}页，页码连续编排。`,
    `2. 校验值为各项材料单独生成的PDF文件的SHA-256值，可据以核对本材料中的合同文本与职工代表大会审议、双方首席代表签字的文本是否一致。`,
    `3. ${agreementName(d.agreementType)}文本一式多份，按规定份数另行报送。`,
  ])
    kit.paragraph(line, { style: S.small, indent: 0, leading: 1.7 })
}

export type TFilingPackageResult = {
  bytes: Buffer
  sha256: string
  pages: number
  manifest: TFilingManifestEntry[]
}

async function drawPackage(d: TFilingPackage, standalone: readonly TStandalone[], front: number) {
  const manifest = withRanges(standalone, front)
  const totalPages = front + standalone.reduce((s, p) => s + p.pages, 0)
  const kit = createKit('filingPackage', d, title(d), d.enterprise.name)
  drawCover(kit, d)
  kit.newPage()
  drawContents(kit, d, manifest, totalPages)
  const actualFront = kit.pageCount
  d.parts.forEach((p, i) => {
    kit.newPage()
    const used = def(p.kind).drawOn(kit, p.data)
    if (used !== standalone[i]!.pages) throw new Error(`filing package: part ${i + 1} took ${used} pages, ${standalone[i]!.pages} on its own`)
  })
  const pages = kit.pageCount
  const bytes = await kit.finish()
  return { bytes, manifest, actualFront, pages }
}

/** Renders the package and its manifest. */
export async function renderFilingPackageWithManifest(input: z.input<typeof ZFilingPackageSchema>): Promise<TFilingPackageResult> {
  const d = parseWith('filingPackage', ZFilingPackageSchema, input)
  assertGlyphs(d)
  const standalone = await renderStandalone(d.parts)
  let out = await drawPackage(d, standalone, FRONT_MATTER_PAGES)
  // A long contents table can take more than one page: draw again with the page ranges shifted.
  if (out.actualFront !== FRONT_MATTER_PAGES) out = await drawPackage(d, standalone, out.actualFront)
  return { bytes: out.bytes, sha256: sha256(out.bytes), pages: out.pages, manifest: out.manifest }
}

export async function renderFilingPackage(input: z.input<typeof ZFilingPackageSchema>): Promise<Buffer> {
  return (await renderFilingPackageWithManifest(input)).bytes
}

export const filingPackageNames: TTitle = { zh: '集体合同报送材料', en: 'Filing Package' }

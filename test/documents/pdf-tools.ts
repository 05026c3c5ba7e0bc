/** Reading PDFs back with poppler-utils and qpdf (installed by apt; see .ci/run). */
import { afterAll } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wagepact-documents-test-'))
// Set KEEP_TEST_PDFS=1 to look at the files afterwards.
afterAll(() => {
  if (!process.env.KEEP_TEST_PDFS) fs.rmSync(tmpDir, { recursive: true, force: true })
})

export function writePdf(name: string, bytes: Uint8Array): string {
  const file = path.join(tmpDir, `${name}.pdf`)
  fs.writeFileSync(file, bytes)
  return file
}

/** pdftotext -layout, one string per page. */
export function pdfPages(file: string): string[] {
  const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const pages = out.split('\f')
  if (pages.at(-1)!.trim() === '') pages.pop()
  return pages
}

/** The text without any whitespace: justified Chinese lines come back from pdftotext with spaces inserted. */
export const squash = (s: string): string => s.replace(/\s+/g, '')

export type TFontRow = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }

/** pdffonts rows. */
export function pdfFonts(file: string): TFontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' })
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/)
      // name type... encoding emb sub uni objnum gen
      const [emb, sub, uni] = cols.slice(-5, -2)
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' }
    })
}

/** qpdf --check: exit status and output. */
export function qpdfCheck(file: string): { status: number | null; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

/** pdfinfo fields. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' })
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  )
}

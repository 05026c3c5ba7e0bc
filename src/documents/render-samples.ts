/**
 * Renders the sample data of every document kind and writes, into the given directory, page 1 of each as
 * <kind>.png (pdftoppm -r 60, poppler-utils). With --pdf the PDFs are kept beside the PNGs.
 *
 *   npx tsx src/documents/render-samples.ts docs/documents [--pdf]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { renderDocument, documentKinds } from './registry.js'
import { samples } from './samples.js'
import { sha256 } from './hash.js'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'docs/documents')
  const keepPdf = args.includes('--pdf')
  fs.mkdirSync(outDir, { recursive: true })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wagepact-samples-'))
  try {
    for (const kind of documentKinds) {
      const t = performance.now()
      const pdf = await renderDocument(kind, samples[kind] as never)
      const ms = performance.now() - t
      const pdfPath = path.join(keepPdf ? outDir : tmp, `${kind}.pdf`)
      fs.writeFileSync(pdfPath, pdf)
      const prefix = path.join(tmp, kind)
      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', pdfPath, prefix])
      fs.copyFileSync(`${prefix}.png`, path.join(outDir, `${kind}.png`))
      console.log(`${kind.padEnd(22)} ${(pdf.length / 1024).toFixed(1).padStart(6)} KB ${ms.toFixed(0).padStart(5)} ms  ${sha256(pdf).slice(0, 16)}`)
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

await main()

import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { documentKinds, renderDocument, sha256 } from '../../src/documents/index.js'
import { samples } from '../../src/documents/samples.js'
import { tmpDir } from './pdf-tools.js'

describe('render-samples.ts (docs/documents/*.png)', () => {
  it('writes page 1 of every kind as PNG, and a separate process renders byte-identical PDFs', async () => {
    const out = path.join(tmpDir, 'samples')
    execFileSync(process.execPath, ['--import', 'tsx', 'src/documents/render-samples.ts', out, '--pdf'], { stdio: 'pipe' })
    for (const kind of documentKinds) {
      const png = fs.readFileSync(path.join(out, `${kind}.png`))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      // 60 dpi A4: 497 × 702 pixels (IHDR width and height).
      expect(png.readUInt32BE(16)).toBe(497)
      expect(png.readUInt32BE(20)).toBe(702)
      const other = fs.readFileSync(path.join(out, `${kind}.pdf`))
      const here = await renderDocument(kind, samples[kind] as never)
      expect(sha256(other), kind).toBe(sha256(here))
    }
  })
})

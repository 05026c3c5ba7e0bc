/**
 * Registering a filing that arrived on paper (JHR 42 ¶2): in one transaction the scanned PDF is checked and stored
 * as a Document of the new case (kind `paperFiling`, with its SHA-256), the filing is routed (JHR 43), refused if it
 * duplicates another filing of the enterprise (same scan, or an overlapping term of the same kind), and a
 * `paperFiling` case is opened whose review clock runs from the typed receipt date (workflows/review/paper-filing.ts).
 */
import crypto from 'node:crypto'
import type { TPaperFilingData, TPaperRecord } from '../../workflows/review/paper-filing.js'
import { addDays, addMonths, compareDates } from '../../workflows/rules/calendar/dates.js'
import { resolveRulePack } from '../../workflows/rules/jurisdictions/index.js'
import { ruleGroupOf } from '../../workflows/rules/jurisdictions/types.js'
import { one, run, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import type { TActor } from './actor.js'
import { openCaseProgram, type TApplied, type TApplyContext } from './apply-transition.js'
import { invalidField } from './command.js'
import { enterpriseNotFound } from './enterprises.js'
import { findDuplicateFiling, routeOf } from './intake.js'
import { regionPathProgram } from './scope.js'

/** The largest scan accepted (a 30-page 200 dpi greyscale scan is about 4-8 MB). */
export const PAPER_PDF_MAX_BYTES = 10 * 1024 * 1024

/** A PDF: the `%PDF-` header and an `%%EOF` marker near the end; not empty, not above the limit. `field` names it. */
export function checkPdf(bytes: Buffer, field: string): void {
  if (bytes.length > PAPER_PDF_MAX_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      { zh: `扫描件不得超过${PAPER_PDF_MAX_BYTES / 1024 / 1024} MB（${field}）`, en: `the scan may not exceed ${PAPER_PDF_MAX_BYTES / 1024 / 1024} MB (${field})` },
      { issues: [{ path: field, message: { zh: '文件过大', en: 'too large' } }] },
    )
  }
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1')
  if (bytes.length < 16 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || !tail.includes('%%EOF')) {
    throw invalidField(field, { zh: '扫描件应为 PDF 文件', en: 'the scan must be a PDF file' })
  }
}

export type TPaperFilingCommand = {
  data: TPaperFilingData
  pdf: Buffer
  fileName: string
  actor: TActor
  /** Called inside the transaction with the enterprise's region path: the reviewer may register only in their region. */
  authorize: (regionPath: string[]) => void
}

export function* registerPaperFilingProgram(caseId: string, c: TPaperFilingCommand, ctx: TApplyContext): TSql<TApplied> {
  const { data } = c
  checkPdf(c.pdf, 'body.pdfBase64')
  const pack = resolveRulePack(data.jurisdiction, data.kind)
  if (!pack) throw invalidField('body.jurisdiction', { zh: `适用地区规则无效：${data.jurisdiction}`, en: `unknown jurisdiction: ${data.jurisdiction}` })
  const enterprise = yield* one<{ regionCode: string; hasUnion: boolean | number }>(`SELECT "regionCode", "hasUnion" FROM "Enterprise" WHERE "id" = ?`, [data.enterpriseId])
  if (!enterprise) throw enterpriseNotFound(data.enterpriseId)
  c.authorize(yield* regionPathProgram(enterprise.regionCode))

  const routedTo = yield* routeOf(enterprise.regionCode, data.establishmentRegionCodes, data.centralEnterprise === true, pack.routing, 'body.establishmentRegionCodes')
  const sha256 = crypto.createHash('sha256').update(c.pdf).digest('hex')
  const from = data.termStartsOn ?? data.signedOn
  const dup = yield* findDuplicateFiling({
    enterpriseId: data.enterpriseId,
    kind: data.kind,
    sha256,
    term: { from, to: addDays(addMonths(from, data.termMonths), -1) },
  })
  if (dup) throw dup

  // JHR 42; GZ 21: filed late if after the last day of the filing period (recorded, not refused).
  const period = pack.filing[ruleGroupOf(data.kind)].period
  const lastDay = ctx.computeDeadline({ from: data.signedOn, period }, pack.timeZone).lastDay
  const documentId = crypto.randomUUID()
  const { enterpriseId, kind, jurisdiction, ...typed } = data
  const paper: TPaperRecord = {
    ...typed,
    document: { id: documentId, sha256, sizeBytes: c.pdf.length },
    ...(routedTo ? { routedTo } : {}),
    late: compareDates(data.filedOn, lastDay) > 0,
  }
  const workerSide = enterprise.hasUnion === true || enterprise.hasUnion === 1 ? 'union' : 'electedRepresentatives'
  const applied = yield* openCaseProgram(caseId, 'paperFiling', { enterpriseId, kind, jurisdiction, workerSide, paper }, c.actor, ctx)
  yield* run(
    `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "bytes", "path", "caseSeq", "createdAt")
     VALUES (?, ?, 'paperFiling', ?, 'application/pdf', ?, ?, ?, NULL, ?, ?)`,
    [documentId, caseId, `${data.title}（纸质报送扫描件：${c.fileName}）`, sha256, c.pdf.length, c.pdf, applied.seq, ctx.now],
  )
  return applied
}

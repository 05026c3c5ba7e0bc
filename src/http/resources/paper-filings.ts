/**
 * POST /paper-filings: the bureau registers a filing that arrived on paper — the scanned PDF (base64, at most
 * 10 MB, checked to be a PDF) with its data typed in (enterprise, kind, term, signing date, congress counts, wage
 * figures). The receipt date starts the 15-day review exactly as for an electronic filing (JHR 42 ¶2, 45-47); the
 * filing is routed (JHR 43) and refused with 409 DUPLICATE_FILING when it duplicates another filing.
 */
import { z } from 'zod'
import { bureauCovers, isAdmin } from '../../auth/principal.js'
import type { TApplied } from '../../engine/apply-transition.js'
import { PAPER_PDF_MAX_BYTES } from '../../engine/paper-filing.js'
import { AppError } from '../../errors/app-error.js'
import { ZPaperFilingDataSchema } from '../../../workflows/review/paper-filing.js'
import type { TResult } from '../route.js'
import { ZAppliedSchema } from '../schemas.js'
import type { TResource } from '../services.js'

/** The JSON body limit of this route: the scan in base64 (4/3 of its size) and the typed data. */
export const PAPER_BODY_LIMIT_BYTES = Math.ceil((PAPER_PDF_MAX_BYTES * 4) / 3) + 1024 * 1024

export const ZPaperFilingBodySchema = ZPaperFilingDataSchema.safeExtend({
  fileName: z.string().trim().min(1).max(200).regex(/^[^/\\]+$/, 'a file name, without folders'),
  pdfBase64: z.base64('the scan as base64').min(1),
}).strict()

export const paperFilingsResource: TResource = (add, s) => {
  add({
    method: 'post',
    path: '/paper-filings',
    operationId: 'registerPaperFiling',
    tag: 'review',
    summary: { zh: '登记纸质报送（上传扫描件并录入数据）', en: 'Register a paper filing (scan and typed data)' },
    description: {
      zh: '扫描件为 PDF（base64，不超过10 MB）。收件日期即审查期限起算日（15日）。所在辖区的劳动保障行政部门或管理员可登记；重复报送返回 409 DUPLICATE_FILING。',
      en: 'The scan is a PDF (base64, at most 10 MB). The receipt date starts the 15-day review. The bureau of the region or an admin registers; a duplicate filing answers 409 DUPLICATE_FILING.',
    },
    access: ['bureauReviewer', 'admin'],
    body: ZPaperFilingBodySchema,
    responses: {
      201: {
        description: { zh: '已登记，审查期限开始计算', en: 'Registered; the review period runs' },
        schema: ZAppliedSchema,
        headers: { Location: { zh: '案件地址', en: 'the case' } },
      },
    },
    errors: [403, 404, 409, 413],
    handler: async ({ body }, ctx) => {
      const { fileName, pdfBase64, ...data } = body
      const respond = (a: TApplied): TResult => ({ status: 201, body: a, headers: { Location: `/api/v1/cases/${a.caseId}` } })
      const applied = await s.engine.registerPaperFiling(
        {
          data,
          pdf: Buffer.from(pdfBase64, 'base64'),
          fileName,
          actor: { id: ctx.principal.user.id, role: isAdmin(ctx.principal) ? 'admin' : 'bureauReviewer' },
          authorize: (regionPath) => {
            if (isAdmin(ctx.principal) || bureauCovers(ctx.principal, regionPath)) return
            throw new AppError('NOT_FOUND', { zh: `企业不存在：${data.enterpriseId}`, en: `enterprise not found: ${data.enterpriseId}` }, { enterpriseId: data.enterpriseId })
          },
        },
        ctx.idempotent(respond),
      )
      return respond(applied)
    },
  })
}

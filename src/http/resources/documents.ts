/** /cases/:caseId/documents: the documents of a case (metadata, and the bytes with their SHA-256). */
import { z } from 'zod'
import { caseAccess, requireRoleOn } from '../../auth/case-access.js'
import { getDocument, getDocumentContent, listDocuments } from '../../engine/documents.js'
import { ZDocumentMetaSchema, ZUuidLikeSchema } from '../schemas.js'
import type { TResource } from '../services.js'
import { DOCUMENT_REQUESTERS, REQUESTABLE_DOCUMENTS, requestCaseDocument } from '../../effects/requested-documents.js'

const ZDocParams = z.strictObject({ caseId: ZUuidLikeSchema, documentId: ZUuidLikeSchema })

const ZDocumentRequestSchema = z.object({
  documentId: z.string(),
  outboxId: z.string(),
  caseSeq: z.number().int(),
  status: z.enum(['queued', 'alreadyRequested']),
})

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (titles are Chinese). */
function contentDisposition(title: string, mediaType: string): string {
  const ext = mediaType === 'application/pdf' ? '.pdf' : ''
  const name = `${title}${ext}`.replace(/[\r\n"\\/]/g, '_')
  const ascii = name.replace(/[^\x20-\x7e]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export const documentsResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/cases/:caseId/documents',
    operationId: 'listCaseDocuments',
    tag: 'documents',
    summary: { zh: '案件文件列表', en: 'List a case’s documents' },
    access: 'signedIn',
    params: z.strictObject({ caseId: ZUuidLikeSchema }),
    responses: { 200: { description: { zh: '文件', en: 'Documents' }, schema: z.object({ items: z.array(ZDocumentMetaSchema) }) } },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      await caseAccess(s.engine, principal, params.caseId)
      return { status: 200, body: { items: await listDocuments(s.engine.db, params.caseId) } }
    },
  })

  add({
    method: 'post',
    path: '/cases/:caseId/documents',
    operationId: 'requestCaseDocument',
    tag: 'documents',
    summary: { zh: '请求生成文件', en: 'Ask for a document' },
    description: {
      zh: '可请求的文件：preparationBrief（协商准备材料：企业与地区数据及其来源和年度、职工意见汇总、双方最新方案及已商定条款的工资测算表，并与消费价格指数、工资指导线和最低工资标准比较）。按案件最新事件生成，后台生成后出现在文件列表中（documentId）；同一事件重复请求返回同一文件。案件尚无可报告的准备数据时返回 409 CASE_FACTS_MISSING。本企业协商代表或管理员可请求。',
      en: 'Kinds: preparationBrief (negotiation preparation brief: enterprise and regional figures with year and source, the worker survey, and the payroll costing of each side’s latest proposal and of the clauses agreed so far, compared with the CPI, the wage guideline and the minimum wage). Built from the case at its latest event and rendered in the background; it then appears in the document list under documentId. Asking again at the same event gives the same document. 409 CASE_FACTS_MISSING when the case records nothing to report yet. Negotiators of the enterprise and admins.',
    },
    access: DOCUMENT_REQUESTERS,
    params: z.strictObject({ caseId: ZUuidLikeSchema }),
    body: z.strictObject({ kind: z.enum(REQUESTABLE_DOCUMENTS) }),
    responses: { 202: { description: { zh: '已请求（后台生成）', en: 'Requested (rendered in the background)' }, schema: ZDocumentRequestSchema } },
    errors: [403, 404, 409],
    handler: async ({ params, body }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, DOCUMENT_REQUESTERS, { zh: '请求生成文件', en: 'ask for a document' })
      return { status: 202, body: await requestCaseDocument(s.engine.db, s.engine.clock, params.caseId, body.kind) }
    },
  })

  add({
    method: 'get',
    path: '/cases/:caseId/documents/:documentId',
    operationId: 'getCaseDocument',
    tag: 'documents',
    summary: { zh: '文件信息', en: 'A document’s metadata' },
    access: 'signedIn',
    params: ZDocParams,
    responses: { 200: { description: { zh: '文件信息', en: 'Metadata' }, schema: ZDocumentMetaSchema } },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      await caseAccess(s.engine, principal, params.caseId)
      return { status: 200, body: await getDocument(s.engine.db, params.caseId, params.documentId) }
    },
  })

  add({
    method: 'get',
    path: '/cases/:caseId/documents/:documentId/content',
    operationId: 'downloadCaseDocument',
    tag: 'documents',
    summary: { zh: '下载文件', en: 'Download a document' },
    description: {
      zh: '返回文件字节，Content-Type 为登记的类型；X-Content-SHA256 与 Repr-Digest 为 SHA-256。内容与登记哈希不符时拒绝提供（500）。',
      en: 'The bytes with the recorded Content-Type; X-Content-SHA256 and Repr-Digest carry the SHA-256. Bytes that no longer match the recorded hash are never served (500).',
    },
    access: 'signedIn',
    params: ZDocParams,
    responses: {
      200: {
        description: { zh: '文件内容', en: 'The bytes' },
        contentType: 'application/octet-stream',
        headers: {
          'X-Content-SHA256': { zh: 'SHA-256（十六进制）', en: 'SHA-256 (hex)' },
          'Repr-Digest': { zh: 'RFC 9530 摘要', en: 'RFC 9530 digest' },
          ETag: { zh: 'SHA-256', en: 'the SHA-256' },
        },
      },
    },
    errors: [404],
    handler: async ({ params }, { principal }) => {
      await caseAccess(s.engine, principal, params.caseId)
      const { meta, bytes } = await getDocumentContent(s.engine.db, params.caseId, params.documentId, s.documentsDir)
      return {
        status: 200,
        headers: {
          'X-Content-SHA256': meta.sha256,
          'Repr-Digest': `sha-256=:${Buffer.from(meta.sha256, 'hex').toString('base64')}:`,
          ETag: `"${meta.sha256}"`,
          'Content-Disposition': contentDisposition(meta.title, meta.mediaType),
          'Cache-Control': 'private, no-store',
        },
        bytes: { contentType: meta.mediaType, data: bytes },
      }
    },
  })
}

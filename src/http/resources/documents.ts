/** /cases/:caseId/documents: the documents of a case (metadata, and the bytes with their SHA-256). */
import { z } from 'zod'
import { caseAccess } from '../../auth/case-access.js'
import { getDocument, getDocumentContent, listDocuments } from '../../engine/documents.js'
import { ZDocumentMetaSchema, ZUuidLikeSchema } from '../schemas.js'
import type { TResource } from '../services.js'

const ZDocParams = z.strictObject({ caseId: ZUuidLikeSchema, documentId: ZUuidLikeSchema })

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

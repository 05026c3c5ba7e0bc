/**
 * Documents of a case: metadata, and the bytes checked against the recorded SHA-256 before they leave (a document
 * edited behind the engine's back is refused, never served).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { TDatabase } from '../db/database.js'
import { all, one } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { sha256Hex } from './hash-chain.js'

export type TDocumentMeta = {
  id: string
  caseId: string
  kind: string
  title: string
  mediaType: string
  sha256: string
  sizeBytes: number
  caseSeq: number | null
  createdAt: string
  /** The document hash chain (./document-chain.ts); null on rows stored before it existed. */
  prevHash: string | null
  chainHash: string | null
}

const COLUMNS = `"id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "caseSeq", "createdAt", "prevHash", "chainHash"`

export const documentNotFound = (id: string) =>
  new AppError('NOT_FOUND', { zh: `文件不存在：${id}`, en: `document not found: ${id}` }, { documentId: id })

export async function listDocuments(db: TDatabase, caseId: string): Promise<TDocumentMeta[]> {
  return db.read(function* () {
    return yield* all<TDocumentMeta>(`SELECT ${COLUMNS} FROM "Document" WHERE "caseId" = ? ORDER BY "createdAt", "id"`, [caseId])
  })
}

export async function getDocument(db: TDatabase, caseId: string, documentId: string): Promise<TDocumentMeta> {
  const row = await db.read(function* () {
    return yield* one<TDocumentMeta>(`SELECT ${COLUMNS} FROM "Document" WHERE "id" = ? AND "caseId" = ?`, [documentId, caseId])
  })
  if (!row) throw documentNotFound(documentId)
  return row
}

/**
 * The bytes of a document: stored in the row, or in a file under `documentsDir` (a stored path never leaves it).
 * Bytes that no longer match the recorded SHA-256 raise INTEGRITY_VIOLATION.
 */
export async function getDocumentContent(
  db: TDatabase,
  caseId: string,
  documentId: string,
  documentsDir: string,
): Promise<{ meta: TDocumentMeta; bytes: Buffer }> {
  const row = await db.read(function* () {
    return yield* one<TDocumentMeta & { bytes: Buffer | Uint8Array | null; path: string | null }>(
      `SELECT ${COLUMNS}, "bytes", "path" FROM "Document" WHERE "id" = ? AND "caseId" = ?`,
      [documentId, caseId],
    )
  })
  if (!row) throw documentNotFound(documentId)
  const { bytes: stored, path: storedPath, ...meta } = row
  let bytes: Buffer | undefined = stored ? Buffer.from(stored) : undefined
  if (!bytes && storedPath) {
    const root = path.resolve(documentsDir)
    const file = path.resolve(root, storedPath)
    if (file.startsWith(root + path.sep)) bytes = await fs.readFile(file).catch(() => undefined)
  }
  if (!bytes) {
    throw new AppError(
      'NOT_FOUND',
      { zh: `文件内容尚未生成：${documentId}`, en: `the document's content is not available: ${documentId}` },
      { documentId },
    )
  }
  if (sha256Hex(bytes) !== meta.sha256) {
    throw new AppError(
      'INTEGRITY_VIOLATION',
      { zh: '文件内容与登记的哈希值不符', en: 'document bytes do not match the recorded SHA-256' },
      { documentId },
    )
  }
  return { meta, bytes }
}

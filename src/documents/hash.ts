import { createHash } from 'node:crypto'
import { stableStringify } from './format.js'

/** SHA-256 of bytes, lowercase hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The id of a document, derived from its kind and data (never random): the first 32 hex digits of the SHA-256 of
 * the kind and the canonical JSON of the data. The same data always gives the same id; it is written into the
 * PDF's metadata and trailer /ID.
 */
export function documentId(kind: string, data: unknown): string {
  return sha256(`wagepact-document-v1\n${kind}\n${stableStringify(data)}`).slice(0, 32)
}

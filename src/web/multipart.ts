/**
 * multipart/form-data (RFC 7578) for the one web form that uploads a file (the scan of a paper filing), parsed by
 * busboy (the parser under multer; handles quoting, encodings and malformed input we would otherwise hand-roll).
 * The route buffers the body first with express.raw, whose limit bounds it; busboy then splits that buffer into
 * text fields and files.
 */
import busboy from 'busboy'
import { invalidInput } from '../http/validation.js'

export type TMultipart = { fields: Map<string, string[]>; files: { field: string; fileName: string; contentType: string; data: Buffer }[] }

const bad = (en: string, zh: string) => invalidInput([{ path: 'body', code: 'invalid_format', message: { zh, en } }])

/** Is this Content-Type a multipart form with a boundary? */
export function isMultipartForm(contentType: string | undefined): boolean {
  return /^multipart\/form-data;.*\bboundary=/i.test(contentType ?? '')
}

export function parseMultipart(body: Buffer, contentType: string): Promise<TMultipart> {
  const fields = new Map<string, string[]>()
  const files: TMultipart['files'] = []
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' })
    } catch {
      reject(bad('not a multipart form', '表单格式无效'))
      return
    }
    parser.on('field', (name, value) => {
      // busboy decodes invalid UTF-8 to U+FFFD: a field that was not UTF-8 is refused, not stored mangled.
      if (value.includes('\uFFFD')) reject(bad(`field ${name} is not UTF-8`, `字段 ${name} 不是有效的 UTF-8 文本`))
      fields.set(name, [...(fields.get(name) ?? []), value])
    })
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      // A cut-off form ends the file's stream with an error too (busboy emits it on both).
      stream.on('error', () => reject(bad('malformed multipart form', '表单格式无效')))
      stream.on('end', () => {
        const data = Buffer.concat(chunks)
        const fileName = (info.filename ?? '').replace(/^.*[\\/]/, '')
        // An empty file input (nothing chosen) is sent as a part with no name and no bytes: not a file.
        if (fileName !== '' || data.length > 0) files.push({ field, fileName, contentType: info.mimeType || 'application/octet-stream', data })
      })
    })
    parser.on('error', () => reject(bad('malformed multipart form', '表单格式无效')))
    parser.on('close', () => resolve({ fields, files }))
    parser.end(body)
  })
}

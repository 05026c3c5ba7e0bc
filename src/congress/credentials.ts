/**
 * Voting credentials and receipts: random secrets given to people, of which the database keeps only a SHA-256.
 *
 * A credential is 128 random bits. It has two spellings of the same bytes, both accepted everywhere:
 *   - for a link (email, QR code): base64url, 22 characters;
 *   - for paper: Crockford base32, 26 characters in groups of four ("7KQ2-M9XD-…"), case-insensitive, with the
 *     look-alikes I/L → 1 and O → 0, so it can be typed from a printed letter on a phone.
 * A receipt code is 80 random bits in Crockford base32 (16 characters, four groups).
 *
 * A credential that is emailed must reach the mail worker without being stored in clear: `sealToken` encrypts it
 * (AES-256-GCM, the credential id as associated data) with a key that is configuration, not data, and the mail
 * handler opens it with `openSealedToken`. Someone who can read the database but not the configuration cannot vote
 * in another's name.
 */
import crypto from 'node:crypto'

export const TOKEN_BYTES = 16
export const RECEIPT_BYTES = 10

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export type TRandom = (bytes: number) => Buffer

export const secureRandom: TRandom = (n) => crypto.randomBytes(n)

export function toBase32(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31]
  return out
}

/** Decodes Crockford base32 of exactly `byteLength` bytes; undefined if malformed or the padding bits are set. */
export function fromBase32(text: string, byteLength: number): Buffer | undefined {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  if (clean.length !== Math.ceil((byteLength * 8) / 5)) return undefined
  const out = Buffer.alloc(byteLength)
  let bits = 0
  let value = 0
  let i = 0
  for (const ch of clean) {
    const digit = CROCKFORD.indexOf(ch)
    if (digit < 0) return undefined
    value = (value << 5) | digit
    bits += 5
    if (bits >= 8) {
      if (i >= byteLength) return undefined
      out[i++] = (value >>> (bits - 8)) & 0xff
      bits -= 8
      value &= (1 << bits) - 1
    }
  }
  if (i !== byteLength || value !== 0) return undefined
  return out
}

const group4 = (s: string) => s.match(/.{1,4}/g)!.join('-')

/** A new credential: the bytes, its two spellings and the hash that is stored. */
export function newCredential(random: TRandom = secureRandom) {
  const bytes = random(TOKEN_BYTES)
  return { token: bytes.toString('base64url'), code: group4(toBase32(bytes)), hash: credentialHash(bytes) }
}

/** The bytes of a credential given in either spelling, or undefined. */
export function parseCredential(input: string): Buffer | undefined {
  const text = input.trim()
  if (/^[A-Za-z0-9_-]{22}$/.test(text)) {
    const bytes = Buffer.from(text, 'base64url')
    if (bytes.length === TOKEN_BYTES && bytes.toString('base64url') === text) return bytes
  }
  return fromBase32(text, TOKEN_BYTES)
}

/** What is stored of a credential. A fast hash is enough: the input has 128 bits of entropy. */
export function credentialHash(bytes: Buffer): string {
  return crypto.createHash('sha256').update('wagepact:congress-credential:').update(bytes).digest('hex')
}

/** The stored hash of a credential given as text, or undefined when it is not a well-formed credential. */
export function credentialHashOf(input: string): string | undefined {
  const bytes = parseCredential(input)
  return bytes ? credentialHash(bytes) : undefined
}

export function newReceipt(random: TRandom = secureRandom): { code: string; hash: string } {
  const code = group4(toBase32(random(RECEIPT_BYTES)))
  return { code, hash: receiptHash(code)! }
}

/** The published hash of a receipt code (any spelling), or undefined when malformed. */
export function receiptHash(code: string): string | undefined {
  const bytes = fromBase32(code, RECEIPT_BYTES)
  if (!bytes) return undefined
  return crypto.createHash('sha256').update('wagepact:congress-receipt:').update(bytes).digest('hex')
}

// ---------------------------------------------------------------------------------------------------------------
// Sealed credentials for the mail worker
// ---------------------------------------------------------------------------------------------------------------

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new RangeError('the credential key must be 32 bytes')
}

/** Encrypts a credential for the outbox: "v1.<base64url(iv | ciphertext | tag)>", bound to the credential id. */
export function sealToken(key: Buffer, token: string, credentialId: string): string {
  checkKey(key)
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(credentialId))
  const ct = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return `v1.${Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64url')}`
}

/** Opens a sealed credential (the mail handler of `notify.voteCredential`); throws when it was tampered with. */
export function openSealedToken(key: Buffer, sealed: string, credentialId: string): { token: string; code: string } {
  checkKey(key)
  if (!sealed.startsWith('v1.')) throw new Error('unknown sealed credential format')
  const raw = Buffer.from(sealed.slice(3), 'base64url')
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(credentialId))
  decipher.setAuthTag(raw.subarray(raw.length - 16))
  const token = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')
  const bytes = parseCredential(token)
  if (!bytes) throw new Error('sealed credential is not a credential')
  return { token, code: group4(toBase32(bytes)) }
}

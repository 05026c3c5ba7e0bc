/** Random secrets handed to clients (session cookies, API tokens) and the SHA-256 under which they are stored. */
import crypto from 'node:crypto'

/** 32 random bytes, base64url (43 characters), with an optional prefix. */
export function randomSecret(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url')
}

/** Secrets are high-entropy, so a plain SHA-256 is enough to store them (no password hashing needed). */
export function secretHash(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex')
}

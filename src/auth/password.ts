/**
 * Password hashing: argon2id (RFC 9106) through @node-rs/argon2 — prebuilt N-API binaries shipped as npm
 * optional dependencies, so nothing compiles or runs an install script at `npm ci` (this machine does not run
 * install scripts and has no internet for prebuilt downloads). Parameters: the OWASP minimum for argon2id
 * (19 MiB, 2 passes, 1 lane); the PHC string stores them, so they can be raised later without breaking old hashes.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2'

const ARGON2ID = 2 as Algorithm
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** A hash to verify against when the account does not exist, so the response time does not reveal it. */
let dummy: Promise<string> | undefined

/** true when the password matches; an absent or malformed hash never matches (and costs the same time). */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hashPassword('wagepact-timing-equaliser')
    await verify(await dummy, password).catch(() => false)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
